//! Writes that never leave a half-written file behind.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StoreError;

/// How the names of the app's own temporary files begin (written, then
/// renamed into place); the folder watcher leaves them out.
pub(crate) const TEMP_PREFIX: &str = ".scorecard-";

/// Creates `dir` and its missing parents, private to the user (0700 on Unix).
pub fn write_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| StoreError::io(dir, e))
}

/// Replaces `path` with `bytes` atomically: a temporary file in the same
/// folder is written, flushed to disk and renamed over the target, so a crash
/// at any moment leaves either the old content or the new, never a mix.
/// The file is private to the user (0600 on Unix).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let (dir, temp) = flushed_temp(path, bytes)?;
    temp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Writes `bytes` to `path` atomically like [`write_atomic`], but only if
/// nothing is there: an existing file (or link, or anything else) is never
/// replaced, even one that appeared a moment ago. Returns whether it was
/// written (`false`: the name is taken).
pub fn write_atomic_new(path: &Path, bytes: &[u8]) -> Result<bool, StoreError> {
    let (dir, temp) = flushed_temp(path, bytes)?;
    match temp.persist_noclobber(path) {
        Ok(_) => {
            sync_dir(dir);
            Ok(true)
        }
        Err(err) if err.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(err) => Err(StoreError::io(path, err.error)),
    }
}

/// A file written in full beside its target and flushed to disk, not in
/// place yet: the first half of a write of several files that happens
/// whole or not at all. [`StagedFile::rename_unflushed`] renames it over its target;
/// dropped uncommitted, it is removed. It holds no open file, so many can
/// wait at once.
#[derive(Debug)]
pub(crate) struct StagedFile {
    target: PathBuf,
    temp: tempfile::TempPath,
}

/// Writes `bytes` to a temporary file beside `path` (0600 on Unix),
/// flushed to disk, ready to be renamed over `path`.
pub(crate) fn stage_file(path: &Path, bytes: &[u8]) -> Result<StagedFile, StoreError> {
    let (_, temp) = flushed_temp(path, bytes)?;
    Ok(StagedFile {
        target: path.to_path_buf(),
        temp: temp.into_temp_path(),
    })
}

impl StagedFile {
    /// The file it replaces.
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the staged file over its target, leaving the rename to be
    /// flushed by the caller (its folder's [`sync_dir`], or
    /// `flush_pool::sync_dirs` for many); returns the target.
    pub(crate) fn rename_unflushed(self) -> Result<PathBuf, StoreError> {
        let Self { target, temp } = self;
        temp.persist(&target)
            .map_err(|e| StoreError::io(&target, e.error))?;
        Ok(target)
    }
}

/// `bytes` in a temporary file beside `path` (its folder created private
/// if missing), flushed to disk and ready to be renamed into place; with
/// that folder.
fn flushed_temp<'p>(
    path: &'p Path,
    bytes: &[u8],
) -> Result<(&'p Path, tempfile::NamedTempFile), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    write_private_dir(dir)?;
    // tempfile creates the file with 0600 on Unix.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(dir, e))?;
    temp.write_all(bytes)
        .map_err(|e| StoreError::io(temp.path(), e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(temp.path(), e))?;
    Ok((dir, temp))
}

/// Flushes the rename itself to disk. Best effort: some file systems (and
/// every non-Unix platform) cannot open a folder for syncing, and the data is
/// already safe in the renamed file.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ignored = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        assert!(write_atomic_new(&path, b"first").unwrap());
        assert!(!write_atomic_new(&path, b"second").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file left");
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a").join("b.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_staged_file_lands_on_commit_and_vanishes_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let kept = dir.path().join("kept.ron");
        let dropped = dir.path().join("dropped.ron");
        fs::write(&dropped, b"old").unwrap();
        let first = stage_file(&kept, b"new").unwrap();
        let second = stage_file(&dropped, b"new").unwrap();
        assert!(!kept.exists());
        assert_eq!(first.target(), kept);
        assert_eq!(first.rename_unflushed().unwrap(), kept);
        drop(second);
        assert_eq!(fs::read(&kept).unwrap(), b"new");
        assert_eq!(fs::read(&dropped).unwrap(), b"old");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("f.ron");
        write_atomic(&path, b"x").unwrap();
        let file_mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        let dir_mode = fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(file_mode, 0o600);
        assert_eq!(dir_mode, 0o700);
    }
}
