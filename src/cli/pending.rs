//! `scorecard pending [--opening ID] [--interviewer NAME] [--overdue] [--as-of T] --format text|json|ics`
//!
//! The scorecards owed as of a time (DESIGN.md "The hiring loop"): only
//! interviews that have happened, overdue first, then by due time. Like
//! `summary`, broken files are reported on stderr (and under `"errors"` in
//! JSON) and everything else is counted: exit 0. A coordinator can script
//! reminders with it (cron and mail).

use std::io::Write;
use std::process::ExitCode;

use super::summary::{load_reporting_errors, relative_to_workspace, unknown_opening};
use super::{EXIT_INVALID, PendingFormat};
use crate::export::{pending_ics, pending_json, pending_text};
use crate::io::{PendingFilter, Workspace};
use crate::model::{InterviewerId, Timestamp};

/// What `pending` was asked for.
#[derive(Clone, Copy, Debug)]
pub struct PendingArgs<'a> {
    /// `--opening`.
    pub opening: Option<&'a str>,
    /// `--interviewer`.
    pub interviewer: Option<&'a str>,
    /// `--overdue`.
    pub overdue_only: bool,
    /// `--as-of`, or now.
    pub as_of: Timestamp,
}

/// Prints the owed scorecards to `out`.
pub fn run(
    workspace: &Workspace,
    args: &PendingArgs<'_>,
    format: PendingFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let PendingArgs {
        opening,
        interviewer,
        overdue_only,
        as_of,
    } = *args;
    let snapshot = load_reporting_errors(workspace, err)?;
    if let Some(id) = opening
        && snapshot.opening(id).is_none()
    {
        writeln!(err, "scorecard: {}", unknown_opening(workspace, id))?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let interviewer = match interviewer.map(|name| (name, InterviewerId::typed(name))) {
        None => None,
        Some((_, Some(id))) => Some(id),
        Some((name, None)) => {
            writeln!(
                err,
                "scorecard: --interviewer {name:?} needs at least one letter or digit"
            )?;
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let filter = PendingFilter {
        opening: opening.map(str::to_owned),
        interviewer,
        overdue_only,
    };
    let pending = snapshot.pending(as_of, &filter);
    let text = match format {
        PendingFormat::Json => pending_json(
            as_of,
            &pending,
            &relative_to_workspace(workspace, snapshot.errors()),
        )?,
        PendingFormat::Text => pending_text(as_of, &pending, super::reader_zone()),
        PendingFormat::Ics => pending_ics(as_of, &pending, |p| {
            snapshot.stage_name(p.candidate, &p.interview.stage)
        }),
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
