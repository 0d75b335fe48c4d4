//! The threads that wait on the disk for a write of many files.
//!
//! Flushing a file (`fsync`) is a wait, not work: the kernel writes and
//! the thread sleeps. On two cores, two threads leave the disk idle
//! between flushes, while flushes issued together are taken in one
//! journal commit. So a write of many files flushes them on more threads
//! than there are cores (BENCHMARKS.md §9 has the figures).

use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::atomic_write::sync_dir;

/// How many flushes wait at once.
const FLUSHING_THREADS: usize = 8;

/// The pool, built on first use; `None` if it could not be (then the
/// work runs on rayon's own pool, which is only slower).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(FLUSHING_THREADS)
            .thread_name(|i| format!("scorecard-flush-{i}"))
            .build()
            .map_err(|err| log::warn!("cannot start the flushing threads: {err:#}"))
            .ok()
    })
    .as_ref()
}

/// Runs `work` (which uses rayon's parallel iterators) on the flushing
/// threads.
pub(crate) fn flushing<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    match pool() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// Flushes the renames in each of `dirs` (each once), together. Best
/// effort, as [`sync_dir`] is.
pub(crate) fn sync_dirs<'a>(dirs: impl IntoIterator<Item = &'a Path>) {
    let mut dirs: Vec<&Path> = dirs.into_iter().collect();
    dirs.sort_unstable();
    dirs.dedup();
    flushing(|| dirs.par_iter().for_each(|dir| sync_dir(dir)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_runs_on_the_flushing_threads_and_returns_its_result() {
        let names: Vec<String> = flushing(|| {
            (0..32)
                .into_par_iter()
                .map(|_| std::thread::current().name().unwrap_or_default().to_owned())
                .collect()
        });
        assert!(
            names.iter().all(|n| n.starts_with("scorecard-flush-")),
            "{names:?}"
        );
        // Folders given twice, or gone, are no error.
        let dir = tempfile::tempdir().unwrap();
        sync_dirs([dir.path(), dir.path(), &dir.path().join("gone")]);
    }
}
