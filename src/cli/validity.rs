//! `scorecard validity [--template ID] [--criterion-reliability R] [--format text|json]`
//!
//! The local validity study (DESIGN.md "Evidence that the interview
//! works"): per template, whether the interview score predicted the hires'
//! later performance ratings. Broken files are reported on stderr and
//! everything else is counted: exit 0; an unknown template exits 1.

use std::io::Write;
use std::process::ExitCode;

use super::ValidityFormat;
use super::output::refuse;
use super::summary::{Narrow, report_errors, unknown_filter};
use crate::export::{validity_json, validity_text};
use crate::io::{Workspace, validity_studies};

/// Prints the study to `out`; broken files and an unknown template go to
/// `err`.
pub fn run(
    workspace: &Workspace,
    template: Option<&str>,
    criterion_reliability: f64,
    format: ValidityFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    // Nothing the study prints comes from evidence or notes.
    let snapshot = report_errors(workspace.load_numbers(), err)?;
    let narrow_to = Narrow {
        candidate: None,
        template,
        opening: None,
    };
    if let Some(problem) = unknown_filter(workspace, &snapshot, &narrow_to) {
        return refuse(err, &problem);
    }
    let summary = snapshot.summarize();
    let studies = validity_studies(&snapshot, &summary, template, criterion_reliability);
    let text = match format {
        ValidityFormat::Json => validity_json(&studies)?,
        ValidityFormat::Text => validity_text(&studies),
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads `--criterion-reliability`: a number above 0 and at most 1.
pub(super) fn parse_reliability(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if value > 0.0 && value <= 1.0 {
        Ok(value)
    } else {
        Err(format!(
            "{text} is not a reliability: give a number above 0 and at most 1 (such as 0.52)"
        ))
    }
}
