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

use super::ExportFormat;
use super::output::{Output, refuse};
use super::summary::{load_reporting_errors, unknown_candidate};
use crate::export::{Format, render_debrief};
use crate::io::Workspace;
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
    let output = match Output::checked(workspace, output, err)? {
        Ok(output) => output,
        Err(code) => return Ok(code),
    };
    let snapshot = load_reporting_errors(workspace, err)?;
    let Some(record) = snapshot.candidate(candidate) else {
        return refuse(err, &unknown_candidate(workspace, candidate));
    };
    let summary = snapshot.summarize();
    let candidate_summary = summary
        .candidates
        .into_iter()
        .find(|c| c.id == record.candidate.id)
        .context("the summary lost a candidate it was given")?;
    let template = snapshot
        .templates()
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
        snapshot.nudges(),
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
    output.write(workspace, &text, out, err)
}
