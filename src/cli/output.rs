//! Owns `-o FILE` for the commands that write an export (`export`, `kit`):
//! `-` or no `-o` is standard output; a file is checked before any work and
//! written by [`write_export`]'s rules.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::io::{Workspace, check_export_target, write_export};

/// Where a command's text goes.
#[derive(Clone, Copy, Debug)]
pub enum Output<'a> {
    /// Standard output.
    Stdout,
    /// A file, already checked against the workspace's data folders.
    File(&'a Path),
}

impl<'a> Output<'a> {
    /// `-o` as given, checked before the command does any work, so a
    /// refused target costs nothing. A refused one is said on `err` and is
    /// the command's exit code.
    pub fn checked(
        workspace: &Workspace,
        output: Option<&'a Path>,
        err: &mut dyn Write,
    ) -> anyhow::Result<Result<Self, ExitCode>> {
        match output.filter(|path| path.as_os_str() != "-") {
            None => Ok(Ok(Output::Stdout)),
            Some(path) => match check_export_target(workspace, path) {
                Ok(()) => Ok(Ok(Output::File(path))),
                Err(e) => refuse(err, &e.to_string()).map(Err),
            },
        }
    }

    /// Writes `text`: to `out`, or to the file (then `wrote FILE` on `err`).
    pub fn write(
        self,
        workspace: &Workspace,
        text: &str,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> anyhow::Result<ExitCode> {
        match self {
            Output::File(path) => match write_export(workspace, path, text.as_bytes()) {
                Ok(()) => writeln!(err, "wrote {}", path.display())?,
                Err(e) => return refuse(err, &e.to_string()),
            },
            Output::Stdout => {
                out.write_all(text.as_bytes())?;
                out.flush()?;
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Prints `scorecard: message` and exits 1.
pub fn refuse(err: &mut dyn Write, message: &str) -> anyhow::Result<ExitCode> {
    writeln!(err, "scorecard: {message}")?;
    Ok(ExitCode::from(EXIT_INVALID))
}
