//! Watching the workspace folder, so a colleague's submission (brought by a
//! sync tool) or a template edited in a text editor shows up by itself.
//!
//! On Linux the app keeps its own inotify watches (`linux.rs`, with the
//! folders in a compact [`WatchedTree`](watched_tree::WatchedTree)); on
//! other systems notify's watcher does it (`portable.rs`). Either way links
//! are not followed and our own temporary files are left out.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(not(target_os = "linux"))]
mod portable;
#[cfg(target_os = "linux")]
mod watched_tree;

use std::path::{Path, PathBuf};

use super::atomic_write::TEMP_PREFIX;
use super::{StoreError, write_private_dir};

#[cfg(target_os = "linux")]
use linux::TreeWatcher as Backend;
#[cfg(not(target_os = "linux"))]
use portable::NotifyWatcher as Backend;

/// Watches a folder and everything in it until dropped.
pub struct FolderWatcher {
    _backend: Backend,
}

impl FolderWatcher {
    /// Calls `on_change` (on the watcher's thread) with the paths of every
    /// batch of changes under `root`, which is created if missing. Our own
    /// temporary files are left out.
    pub fn start(
        root: &Path,
        on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> Result<Self, StoreError> {
        write_private_dir(root)?;
        let on_change = Box::new(move |paths: Vec<PathBuf>| {
            let paths: Vec<PathBuf> = paths.into_iter().filter(|p| !is_own_temp(p)).collect();
            if !paths.is_empty() {
                on_change(paths);
            }
        });
        let backend = Backend::start(root, on_change).map_err(|e| StoreError::io(root, e))?;
        Ok(Self { _backend: backend })
    }
}

/// One of our own temporary files (written, then renamed into place).
fn is_own_temp(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(TEMP_PREFIX))
}
