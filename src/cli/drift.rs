//! `scorecard drift [--interviewer NAME] [--format text|json]`
//!
//! Day drift (DESIGN.md "Evidence that the interview works"): per
//! interviewer and for the team, whether a score falls when the day's
//! earlier candidates scored high. Days are local days in the zone text
//! is read in (`TZ`, else the system's), the zone the app shows unless
//! its settings name another. Broken files are reported on stderr and
//! everything else is counted: exit 0. With `--interviewer`, only that
//! interviewer is listed; the team's figure stays the whole team's.

use std::io::Write;
use std::process::ExitCode;

use super::DriftFormat;
use super::output::refuse;
use super::summary::load_numbers_reporting_errors;
use crate::export::{drift_json, drift_text};
use crate::io::Workspace;
use crate::model::InterviewerId;
use crate::model::stats::drift;

/// Prints the figures to `out`; broken files and an unknown interviewer go
/// to `err`.
pub fn run(
    workspace: &Workspace,
    interviewer: Option<&str>,
    format: DriftFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let only = match interviewer.map(|name| (name, InterviewerId::typed(name))) {
        None => None,
        Some((_, Some(id))) => Some(id),
        Some((name, None)) => {
            return refuse(
                err,
                &format!("--interviewer {name:?} needs at least one letter or digit"),
            );
        }
    };
    let snapshot = load_numbers_reporting_errors(workspace, err)?;
    let zone = super::reader_zone();
    let mut report = drift(&snapshot.summary_view(), zone);
    drop(snapshot);
    if let Some(id) = &only {
        report.interviewers.retain(|i| &i.id == id);
        if report.interviewers.is_empty() {
            let name = interviewer.unwrap_or_default();
            return refuse(
                err,
                &format!("no submitted scorecard with a score is by {name:?}"),
            );
        }
    }
    let text = match format {
        DriftFormat::Json => drift_json(&report)?,
        DriftFormat::Text => drift_text(&report, zone),
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
