//! Where an export may be written (DESIGN.md "Workspace hygiene", export
//! targets): never over the workspace's data, never replacing a device.
//!
//! - A target inside the workspace's `candidates/`, `templates/` or
//!   `openings/` is refused. Both sides are compared canonicalised (the
//!   target's nearest existing folder, since the file may not exist yet),
//!   so `..` and links cannot sneak past.
//! - A target that exists and is not a regular file (`/dev/null`, a FIFO,
//!   `/dev/stdout`) is written into, never replaced. A FIFO nobody reads is
//!   an error rather than a wait.
//! - A symbolic link to a regular file: the file it points to is replaced
//!   atomically (what `> link` in a shell changes), the link stays.
//! - Anything else (a regular file, or nothing yet) is written atomically,
//!   as every save is.
//!
//! `-o -` (standard output) is the command line's business, not a path.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::{StoreError, Workspace, write_atomic, write_atomic_new};

/// The workspace folders no export may write into.
const PROTECTED_FOLDERS: [&str; 3] = ["candidates", "templates", "openings"];

/// Writes an export to `path` following the rules of this module.
pub fn write_export(workspace: &Workspace, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    check_export_target(workspace, path)?;
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(StoreError::InvalidName(format!(
            "{}: a folder; name a file to export to",
            path.display()
        ))),
        Ok(meta) if !meta.is_file() => {
            write_into(path, bytes)?;
            Ok(())
        }
        Ok(_) => {
            // A link to a regular file: replace the file, keep the link.
            let target = fs::canonicalize(path).map_err(|e| StoreError::io(path, e))?;
            write_atomic(&target, bytes)?;
            Ok(())
        }
        Err(_) => {
            write_atomic(path, bytes)?;
            Ok(())
        }
    }
}

/// Writes a new file at `path` (a place the user named) following the
/// rules of this module, but never over anything already there: the name
/// taken is an error, so a file of the user's is never replaced.
pub fn write_new_export(
    workspace: &Workspace,
    path: &Path,
    bytes: &[u8],
) -> Result<(), StoreError> {
    check_export_target(workspace, path)?;
    if write_atomic_new(path, bytes)? {
        Ok(())
    } else {
        Err(StoreError::InvalidName(format!(
            "{}: a file of that name is there already; name a new file (nothing is written over)",
            path.display()
        )))
    }
}

/// Refuses a target inside the workspace's `candidates/`, `templates/` or
/// `openings/` (see the module's rules).
pub fn check_export_target(workspace: &Workspace, path: &Path) -> Result<(), StoreError> {
    let target = resolve(path);
    for folder in PROTECTED_FOLDERS {
        let protected = resolve(&workspace.root().join(folder));
        if target.starts_with(&protected) {
            return Err(StoreError::InvalidName(format!(
                "{}: inside the workspace's {folder}/ folder; an export never writes over \
                 workspace data (choose a path outside it)",
                path.display()
            )));
        }
    }
    Ok(())
}

/// `path` with every link and `..` resolved: the nearest part that exists
/// canonicalised, the rest (which cannot hold links, as it does not exist)
/// appended with `.` and `..` resolved by name.
fn resolve(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    };
    let mut existing = absolute.as_path();
    let mut rest: Vec<Component<'_>> = Vec::new();
    loop {
        if let Ok(canonical) = fs::canonicalize(existing) {
            let mut resolved = canonical;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        resolved.pop();
                    }
                    Component::CurDir => {}
                    other => resolved.push(other.as_os_str()),
                }
            }
            return resolved;
        }
        let (Some(parent), Some(last)) = (existing.parent(), existing.components().next_back())
        else {
            return absolute;
        };
        rest.push(last);
        existing = parent;
    }
}

/// Writes into an existing special file, without creating or replacing it.
fn write_into(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |e| StoreError::io(path, e);
    let mut options = fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    let _probe = {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        // A FIFO with no reader would block the open forever: ask first
        // without waiting (ENXIO: nobody reads), and keep that end open so
        // the real open finds the reader at once.
        if fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo()) {
            let probe = fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(path)
                .map_err(|e| {
                    if e.raw_os_error() == Some(libc::ENXIO) {
                        StoreError::InvalidName(format!(
                            "{}: a FIFO nobody is reading; not written",
                            path.display()
                        ))
                    } else {
                        io(e)
                    }
                })?;
            Some(probe)
        } else {
            None
        }
    };
    let mut file = options.open(path).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.flush().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_workspace_folders_however_they_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("ws"));
        fs::create_dir_all(ws.candidates_dir().join("c-1")).unwrap();
        for path in [
            ws.candidates_dir().join("c-1/scorecards/a--.ron"),
            ws.candidates_dir().join("c-1/../c-2/x.md"),
            ws.root().join("templates/new/x.md"),
            ws.root().join("other/../openings/x.md"),
            ws.root().join("candidates"),
        ] {
            assert!(
                check_export_target(&ws, &path).is_err(),
                "{}",
                path.display()
            );
        }
        for path in [
            ws.root().join("export.md"),
            dir.path().join("candidates/x.md"),
            ws.root().join("candidates-export.md"),
        ] {
            assert!(
                check_export_target(&ws, &path).is_ok(),
                "{}",
                path.display()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_the_workspace_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("ws"));
        fs::create_dir_all(ws.candidates_dir()).unwrap();
        std::os::unix::fs::symlink(ws.candidates_dir(), dir.path().join("sneaky")).unwrap();
        let err = check_export_target(&ws, &dir.path().join("sneaky/x.md")).unwrap_err();
        assert!(err.to_string().contains("candidates/ folder"), "{err}");
    }

    #[test]
    fn a_new_export_never_replaces_a_file_and_keeps_out_of_the_data_folders() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path().join("ws"));
        fs::create_dir_all(ws.candidates_dir().join("c-1")).unwrap();
        let mine = dir.path().join("my words.ron");
        write_new_export(&ws, &mine, b"first").unwrap();
        assert_eq!(fs::read(&mine).unwrap(), b"first");
        let err = write_new_export(&ws, &mine, b"second").unwrap_err();
        assert!(err.to_string().contains("there already"), "{err}");
        assert_eq!(fs::read(&mine).unwrap(), b"first", "left as it was");
        let inside = ws.candidates_dir().join("c-1/x.ron");
        assert!(write_new_export(&ws, &inside, b"x").is_err());
        assert!(!inside.exists());
    }
}
