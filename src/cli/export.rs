//! `scorecard export --candidate ID --format md|html|csv|json [-o FILE] [--blind]`
//!
//! One candidate's debrief. The numbers come from the whole workspace (the
//! leniency behind the adjusted score is workspace-wide). Broken files are
//! reported on stderr and left out; exit 0. With `-o FILE` the export is
//! written atomically to FILE (private to the user) and stderr says
//! `wrote FILE`; otherwise it goes to stdout.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::summary::{load_reporting_errors, unknown_candidate};
use super::{EXIT_INVALID, ExportFormat};
use crate::export::{Format, render_debrief};
use crate::io::{Workspace, write_atomic};
use crate::model::{Debrief, Scorecard};

/// Writes the debrief of `candidate` to `out` or to `output`.
pub fn run(
    workspace: &Workspace,
    candidate: &str,
    format: ExportFormat,
    output: Option<&Path>,
    blind: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
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
    let debrief = Debrief::build(
        &record.candidate,
        &cards,
        template,
        &candidate_summary,
        blind,
    );
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Html => Format::Html,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
    };
    let text = render_debrief(&debrief, format)?;
    match output {
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            writeln!(err, "wrote {}", path.display())?;
        }
        None => {
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
