//! `scorecard reliability [--template ID] [--format text|json]`
//!
//! Panel reliability (DESIGN.md "Evidence that the interview works"): per
//! template and dimension, ICC(1), the panel's reliability at its usual
//! size and the raters for .70 and .80. Broken files are reported on
//! stderr and everything else is counted: exit 0; an unknown template is
//! refused, exit 1.

use std::io::Write;
use std::process::ExitCode;

use super::ReliabilityFormat;
use super::output::refuse;
use super::summary::{Narrow, load_numbers_reporting_errors, unknown_filter};
use crate::export::{reliability_json, reliability_text};
use crate::io::Workspace;
use crate::model::stats::reliability;

/// Prints the figures to `out`; broken files and an unknown template go to
/// `err`.
pub fn run(
    workspace: &Workspace,
    template: Option<&str>,
    format: ReliabilityFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let snapshot = load_numbers_reporting_errors(workspace, err)?;
    let narrow_to = Narrow {
        candidate: None,
        template,
        opening: None,
    };
    if let Some(problem) = unknown_filter(workspace, &snapshot, &narrow_to) {
        return refuse(err, &problem);
    }
    let mut view = snapshot.summary_view();
    if let Some(id) = template {
        view.candidates
            .retain(|(candidate, _)| candidate.template.as_str() == id);
    }
    let report = reliability(&view, template);
    drop(view);
    drop(snapshot);
    let text = match format {
        ReliabilityFormat::Json => reliability_json(&report)?,
        ReliabilityFormat::Text => reliability_text(&report),
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
