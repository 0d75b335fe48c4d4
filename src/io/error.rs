//! Errors of the I/O layer.

use std::fmt;
use std::path::PathBuf;

/// A file that cannot be used, with the place that says why.
///
/// Displays as `path:line:col: message`, the form editors and terminals turn
/// into a link. Problems that concern the whole file (unreadable, too large)
/// point at `1:1`. Problems with the folder entry itself, never opened (a
/// symbolic link, a FIFO, a name that is not UTF-8), have no position
/// (line and column 0) and display as `path: message`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileError {
    /// The file, as the user named it or as found in the workspace.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl FileError {
    /// An error at a position.
    pub fn new(
        path: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            line,
            column,
            message: message.into(),
        }
    }

    /// An error about the whole file.
    pub fn whole_file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, 1, 1, message)
    }

    /// An error about a folder entry that is not opened at all (a link, a
    /// FIFO, a name that is not UTF-8): no position, line and column 0.
    pub fn entry(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, 0, 0, message)
    }

    /// Whether the error has a position in the file's text (see
    /// [`FileError::entry`]).
    pub fn has_position(&self) -> bool {
        self.line > 0
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.has_position() {
            return write!(f, "{}: {}", self.path.display(), self.message);
        }
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for FileError {}

/// Why the store could not do what it was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A value could not be written as RON.
    #[error("cannot write {what} as RON: {message}")]
    Serialize {
        /// What was being written.
        what: &'static str,
        /// The serializer's message.
        message: String,
    },
    /// The platform has no data folder (no home directory).
    #[error("cannot find a data folder for this user; pass --workspace DIR")]
    NoDataDir,
    /// A name that does not make a file name.
    #[error("{0}")]
    InvalidName(String),
    /// The file changed on disk since it was read; it is left untouched.
    #[error("{path} changed on disk since it was opened: not saved over")]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The file, or a folder on the way to it, is a symbolic link: nothing
    /// is written through it.
    #[error("{path}: a symbolic link; not followed (nothing written through it)")]
    Link {
        /// The link.
        path: PathBuf,
    },
    /// The candidate's folder is gone (erased here or on another machine):
    /// nothing of theirs is written, so their data is not brought back.
    #[error(
        "{dir}: the candidate's folder is gone (erased?); nothing is written there, so their data is not brought back"
    )]
    CandidateGone {
        /// The candidate's folder.
        dir: PathBuf,
    },
    /// The target holds a file that does not parse; it is left untouched.
    #[error("not saved: {error} (the file is left as it is; fix or move it first)")]
    WouldOverwriteBroken {
        /// Why the file on disk does not parse.
        error: FileError,
    },
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}
