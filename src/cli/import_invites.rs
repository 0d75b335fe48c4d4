//! `scorecard import invites`. (Being built: see issue 20.)

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::ImportFormat;
use crate::io::Workspace;

/// Runs the import.
#[allow(clippy::too_many_arguments)]
pub fn run(
    _workspace: &Workspace,
    _file: &Path,
    _dry_run: bool,
    _format: ImportFormat,
    _out: &mut dyn Write,
    _err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
