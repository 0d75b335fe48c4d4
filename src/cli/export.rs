//! `scorecard export --candidate ID --format md|html|csv|json [-o FILE] [--blind] [--as-of T]`
//!
//! One candidate's debrief. The numbers come from the whole workspace (the
//! leniency behind the adjusted score is workspace-wide). Broken files are
//! reported on stderr and left out; exit 0. With `-o FILE` the export is
//! written to FILE by [`write_export`]'s rules (atomically and private to
//! the user; into FILE if it is a device or FIFO; refused, exit 1, inside
//! the workspace's `candidates/`, `templates/` or `openings/`) and stderr
//! says `wrote FILE`; without `-o`, or with `-o -`, it goes to stdout.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::summary::{load_reporting_errors, unknown_candidate};
use super::{EXIT_INVALID, ExportFormat};
use crate::export::{Format, render_debrief};
use crate::io::{Workspace, write_export};
use crate::model::{Debrief, Scorecard, Timestamp};

/// How the debrief is written.
#[derive(Clone, Copy, Debug)]
pub struct ExportOptions {
    /// Aliases instead of the candidate's name.
    pub blind: bool,
    /// Owed and overdue scorecards as of this time.
    pub as_of: Timestamp,
}

/// Writes the debrief of `candidate` to `out` or to `output`.
pub fn run(
    workspace: &Workspace,
    candidate: &str,
    format: ExportFormat,
    output: Option<&Path>,
    options: ExportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let ExportOptions { blind, as_of } = options;
    // Checked before any work, so a refused target costs nothing.
    let output = output.filter(|path| path.as_os_str() != "-");
    if let Some(path) = output
        && let Err(e) = crate::io::check_export_target(workspace, path)
    {
        writeln!(err, "scorecard: {e}")?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let snapshot = load_reporting_errors(workspace, err)?;
    let Some(record) = snapshot.candidate(candidate) else {
        writeln!(
            err,
            "scorecard: {}",
            unknown_candidate(workspace, candidate)
        )?;
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let summary = snapshot.summarize();
    let candidate_summary = summary
        .candidates
        .into_iter()
        .find(|c| c.id == record.candidate.id)
        .context("the summary lost a candidate it was given")?;
    let template = snapshot
        .templates
        .get(record.candidate.template.as_str())
        .map(|entry| &entry.template);
    let cards: Vec<Scorecard> = record
        .scorecards
        .iter()
        .map(|s| s.scorecard.clone())
        .collect();
    let debrief = Debrief::build_with_nudges(
        &record.candidate,
        &cards,
        template,
        &candidate_summary,
        blind,
        &snapshot.nudges,
    );
    let debrief = snapshot.debrief_with_loop(debrief, record, as_of);
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Html => Format::Html,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        // These go through `export_ats` (they need `--interviewer`).
        ExportFormat::Ats | ExportFormat::AshbyJson | ExportFormat::LeverJson => {
            anyhow::bail!("--format ats, ashby-json and lever-json need --interviewer")
        }
    };
    let text = render_debrief(&debrief, format)?;
    match output {
        Some(path) => match write_export(workspace, path, text.as_bytes()) {
            Ok(_) => writeln!(err, "wrote {}", path.display())?,
            Err(e) => {
                writeln!(err, "scorecard: {e}")?;
                return Ok(ExitCode::from(EXIT_INVALID));
            }
        },
        None => {
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
