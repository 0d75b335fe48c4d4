//! `scorecard interviewers [--template ID] [--opening ID] --format json|csv|text`
//!
//! Every interviewer's calibration figures (DESIGN.md "Interviewer
//! calibration"). With `--template`, the figures are computed over the
//! candidates of that template only (leniency and deviation too: the panel
//! is the one that interviews for that role); with `--opening`, over that
//! opening's candidates. Broken files are reported on
//! stderr (and under `"errors"` in JSON): exit 0.

use std::io::Write;
use std::process::ExitCode;

use super::InterviewersFormat;
use super::output::refuse;
use super::summary::{Narrow, load_reporting_errors, relative_to_workspace, unknown_filter};
use crate::export::{interviewers_csv, interviewers_json, interviewers_text};
use crate::io::Workspace;
use crate::model::stats::calibrate;

/// Prints the figures to `out`; broken files and unknown ids go to `err`.
pub fn run(
    workspace: &Workspace,
    template: Option<&str>,
    opening: Option<&str>,
    format: InterviewersFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let snapshot = load_reporting_errors(workspace, err)?;
    let narrow_to = Narrow {
        candidate: None,
        template,
        opening,
    };
    if let Some(problem) = unknown_filter(workspace, &snapshot, &narrow_to) {
        return refuse(err, &problem);
    }
    let mut view = snapshot.summary_view();
    if let Some(id) = template {
        view.candidates
            .retain(|(candidate, _)| candidate.template.as_str() == id);
    }
    if let Some(id) = opening {
        view.candidates
            .retain(|(candidate, _)| candidate.opening.as_ref().is_some_and(|o| o.as_str() == id));
    }
    let figures = calibrate(&view.candidates, &snapshot.calibration_context());
    let text = match format {
        InterviewersFormat::Json => interviewers_json(
            &figures,
            &relative_to_workspace(workspace, snapshot.errors()),
        )?,
        InterviewersFormat::Csv => interviewers_csv(&figures)?,
        InterviewersFormat::Text => interviewers_text(&figures),
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
