//! Listing a workspace folder without following symbolic links, and opening
//! only regular files.
//!
//! A synced folder collects what sync tools, editors and colleagues leave:
//! links (to `.`, making loops, or to files outside the workspace), FIFOs,
//! sockets and devices named `*.ron`, names that are not UTF-8, copies.
//! Every entry is judged by its own type (`DirEntry::file_type`, which does
//! not follow links) before anything is opened, and each one that cannot be
//! used is listed as a [`FileError`] rather than dropped.
//!
//! The look before opening is the main guard. Between it and the open,
//! another process could swap the file for a link or a FIFO; on Unix the
//! open itself refuses a link (`O_NOFOLLOW`) and never waits on a FIFO or
//! a device (`O_NONBLOCK`), and what was opened is checked again (`fstat`)
//! before a byte is read, so the swap is refused too. A folder *above* the
//! file swapped for a link in that moment is not caught (std has no
//! `openat`); the listing of each folder, done just before, is.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::FileError;
use super::sync_conflicts::{ConflictReason, conflict_copy_reason};

/// The message for a symbolic link found in the workspace.
pub(crate) const LINK_NOT_FOLLOWED: &str = "a symbolic link; not followed";

/// What one folder entry is, from its name and its own type.
#[derive(Debug)]
pub(crate) enum Entry {
    /// Hidden (our temporary files, editor backups) or of no interest.
    Skip,
    /// A real folder (not a link to one).
    Dir(PathBuf),
    /// A regular `*.ron` file.
    Ron(PathBuf),
    /// A regular file named as a copy.
    Copy(PathBuf, ConflictReason),
    /// Something that is listed as an error and never opened.
    Problem(FileError),
}

impl Entry {
    /// The entry's path (`None` for [`Entry::Skip`]).
    fn path(&self) -> Option<&Path> {
        match self {
            Entry::Skip => None,
            Entry::Dir(path) | Entry::Ron(path) | Entry::Copy(path, _) => Some(path),
            Entry::Problem(error) => Some(&error.path),
        }
    }
}

/// Judges one entry by its name and `file_type` (which must not come from
/// following a link: `DirEntry::file_type` or `symlink_metadata`).
pub(crate) fn classify(path: &Path, file_type: fs::FileType) -> Entry {
    let Some(name) = path.file_name() else {
        return Entry::Skip;
    };
    if name.as_encoded_bytes().first() == Some(&b'.') {
        return Entry::Skip;
    }
    let Some(name) = name.to_str() else {
        return Entry::Problem(FileError::entry(
            path,
            format!("the name {name:?} is not UTF-8; not read (rename it)"),
        ));
    };
    if file_type.is_symlink() {
        return Entry::Problem(FileError::entry(path, LINK_NOT_FOLLOWED));
    }
    let is_ron = name.ends_with(".ron");
    if file_type.is_dir() {
        if is_ron {
            return Entry::Problem(FileError::entry(path, type_problem(file_type)));
        }
        return Entry::Dir(path.to_path_buf());
    }
    let copy = conflict_copy_reason(name);
    if !file_type.is_file() {
        if is_ron || copy.is_some() {
            return Entry::Problem(FileError::entry(path, type_problem(file_type)));
        }
        return Entry::Skip;
    }
    match copy {
        Some(reason) => Entry::Copy(path.to_path_buf(), reason),
        None if is_ron => Entry::Ron(path.to_path_buf()),
        None => Entry::Skip,
    }
}

/// What is wrong with an entry of this type where a regular file is wanted.
fn type_problem(file_type: fs::FileType) -> &'static str {
    if file_type.is_symlink() {
        return LINK_NOT_FOLLOWED;
    }
    if file_type.is_dir() {
        return "a folder, not a file; not read";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe), not a regular file; never opened";
        }
        if file_type.is_socket() {
            return "a socket, not a regular file; never opened";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device, not a regular file; never opened";
        }
    }
    "not a regular file; never opened"
}

/// The entries of one folder, judged by [`classify`], each kind sorted.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// Regular `*.ron` files.
    pub files: Vec<PathBuf>,
    /// Real folders.
    pub dirs: Vec<PathBuf>,
    /// Regular files named as copies.
    pub copies: Vec<(PathBuf, ConflictReason)>,
    /// Entries that are listed and never opened.
    pub errors: Vec<FileError>,
    /// The latest modification time of the regular files (links, FIFOs
    /// and folders left out).
    pub modified: Option<SystemTime>,
}

/// Lists `dir`. A `dir` that does not exist (or is not a folder) lists
/// nothing; a `dir` that is itself a symbolic link lists only that error.
/// Keeps the later of `latest` and `time`: a folder's activity is the
/// time of its most recently changed file.
pub(crate) fn note_latest(latest: &mut Option<SystemTime>, time: SystemTime) {
    *latest = Some(latest.map_or(time, |t| t.max(time)));
}

pub(crate) fn list(dir: &Path) -> Listing {
    let mut listing = Listing::default();
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            listing
                .errors
                .push(FileError::entry(dir, LINK_NOT_FOLLOWED));
            return listing;
        }
        Ok(meta) if meta.is_dir() => {}
        _ => return listing,
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            // Never silently empty: a folder we may not read is listed.
            listing.errors.push(FileError::entry(
                dir,
                format!("cannot read the folder: {err}"),
            ));
            return listing;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                listing.errors.push(FileError::entry(
                    dir,
                    format!("cannot read the folder: {err}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        let file_type = match entry.file_type() {
            Ok(file_type) => file_type,
            Err(err) => {
                listing
                    .errors
                    .push(FileError::entry(path, format!("cannot read: {err}")));
                continue;
            }
        };
        let judged = classify(&path, file_type);
        // A `.ron` file's time comes from reading it (`read_listed`), which
        // looks at the opened file anyway: no second look here.
        if file_type.is_file()
            && !matches!(judged, Entry::Ron(_))
            && let Ok(modified) = entry.metadata().and_then(|m| m.modified())
        {
            note_latest(&mut listing.modified, modified);
        }
        match judged {
            Entry::Skip => {}
            Entry::Dir(path) => listing.dirs.push(path),
            Entry::Ron(path) => listing.files.push(path),
            Entry::Copy(path, reason) => listing.copies.push((path, reason)),
            Entry::Problem(error) => listing.errors.push(error),
        }
    }
    listing.files.sort();
    listing.dirs.sort();
    listing.copies.sort();
    listing.errors.sort_by(|a, b| a.path.cmp(&b.path));
    listing
}

/// Every `*.ron` file under `dir` (copies included: they are files to
/// check too), depth first in name order, with the entries that cannot be
/// read (links, FIFOs, devices, folders named `*.ron`, names that are not
/// UTF-8), for `scorecard validate DIR`. No link is followed, so a loop of
/// links ends. `dir` itself is taken as given (it may be a link a person
/// typed).
pub fn ron_files_under(dir: &Path) -> (Vec<PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    walk(dir, &mut files, &mut errors);
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<FileError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        // A folder that is not there holds nothing to check.
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return,
        Err(err) => {
            errors.push(FileError::entry(
                dir,
                format!("cannot read the folder: {err}"),
            ));
            return;
        }
    };
    let mut found: Vec<Entry> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        match entry.file_type() {
            Ok(file_type) => match classify(&path, file_type) {
                Entry::Skip => {}
                judged => found.push(judged),
            },
            Err(err) => errors.push(FileError::entry(path, format!("cannot read: {err}"))),
        }
    }
    found.sort_by(|a, b| a.path().cmp(&b.path()));
    for entry in found {
        match entry {
            Entry::Skip => {}
            Entry::Dir(path) => walk(&path, files, errors),
            Entry::Ron(path) => files.push(path),
            Entry::Copy(path, _) if path.extension().is_some_and(|e| e == "ron") => {
                files.push(path);
            }
            Entry::Copy(..) => {}
            Entry::Problem(error) => errors.push(error),
        }
    }
}

/// Opens `path` for reading if it is a regular file. A symbolic link is an
/// error, never followed; a FIFO, socket, device or folder is an error, and
/// never opened.
pub(crate) fn open_regular(path: &Path) -> Result<fs::File, FileError> {
    let cannot_read = |e: std::io::Error| FileError::whole_file(path, format!("cannot read: {e}"));
    // Look first: opening a device can do things (a tape rewinds).
    let looked = fs::symlink_metadata(path).map_err(cannot_read)?;
    if !looked.is_file() {
        return Err(FileError::entry(path, type_problem(looked.file_type())));
    }
    open_listed(path).map(|(file, _)| file)
}

/// Opens `path` for reading, as [`open_regular`] does, for a file whose
/// folder entry [`list`] has just seen as a regular file: that look is not
/// made again. Returns the file and what it is, from the opened file itself
/// (its size, its modification time).
pub(crate) fn open_listed(path: &Path) -> Result<(fs::File, fs::Metadata), FileError> {
    let cannot_read = |e: std::io::Error| FileError::whole_file(path, format!("cannot read: {e}"));
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // If the file was swapped since the look: never wait on a FIFO or a
        // device, never take a terminal, never follow a link.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return FileError::entry(path, LINK_NOT_FOLLOWED);
        }
        cannot_read(e)
    })?;
    let opened = file.metadata().map_err(cannot_read)?;
    if !opened.is_file() {
        return Err(FileError::entry(path, type_problem(opened.file_type())));
    }
    Ok((file, opened))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_fifos_and_foreign_names_are_listed_and_never_followed() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a--.ron"), "x").unwrap();
        fs::write(root.join("a-- (1).ron"), "x").unwrap();
        fs::write(root.join("notes.txt"), "x").unwrap();
        fs::write(root.join(".hidden.ron"), "x").unwrap();
        std::os::unix::fs::symlink(".", root.join("loop")).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", root.join("out--.ron")).unwrap();
        fs::create_dir(root.join("folder.ron")).unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        let odd = std::ffi::OsStr::from_bytes(b"b\xff--.ron");
        fs::write(root.join(odd), "x").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("x--.ron"))
            .status()
            .is_ok_and(|s| s.success());

        let listing = list(root);
        assert_eq!(listing.files, vec![root.join("a--.ron")]);
        assert_eq!(listing.dirs, vec![root.join("sub")]);
        assert_eq!(listing.copies.len(), 1);
        let messages: Vec<String> = listing.errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 4 + usize::from(made), "{messages:#?}");
        assert!(
            messages
                .iter()
                .any(|m| m.ends_with("loop: a symbolic link; not followed"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.ends_with("out--.ron: a symbolic link; not followed"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains(r#""b\xFF--.ron" is not UTF-8"#))
        );
        assert!(messages.iter().any(|m| m.contains("folder.ron: a folder")));
        if made {
            assert!(messages.iter().any(|m| m.contains("x--.ron: a FIFO")));
            let err = open_regular(&root.join("x--.ron")).unwrap_err();
            assert!(err.message.contains("FIFO"), "{err}");
        }
        let err = open_regular(&root.join("out--.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: a symbolic link; not followed",
                root.join("out--.ron").display()
            )
        );
    }
}
