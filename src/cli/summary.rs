//! `scorecard summary [--candidate ID] [--template ID] [--opening ID] [--as-of T] --format json|csv|md`
//!
//! The aggregates are computed over the whole workspace (an interviewer's
//! leniency is workspace-wide, and so is every adjusted score), then the
//! output is narrowed to the chosen candidate or template. Broken files are
//! reported on stderr (and under `"errors"` in JSON, `## Files that could not
//! be read` in Markdown) and everything else is counted: exit 0.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

use super::SummaryFormat;
use super::output::refuse;
use crate::export::{summary_csv, summary_json_to, summary_markdown};
use crate::io::{ConflictCopy, FileError, Workspace, WorkspaceSnapshot};
use crate::model::{InterviewerId, Summary, Timestamp};

/// Which candidates `summary` keeps.
#[derive(Clone, Copy, Debug, Default)]
pub struct Narrow<'a> {
    /// Only this candidate.
    pub candidate: Option<&'a str>,
    /// Only candidates of this template.
    pub template: Option<&'a str>,
    /// Only candidates of this opening.
    pub opening: Option<&'a str>,
}

/// Prints the summary to `out`, owed and overdue scorecards counted as of
/// `as_of`; broken files and unknown ids go to `err`.
pub fn run(
    workspace: &Workspace,
    narrow_to: &Narrow<'_>,
    as_of: Timestamp,
    format: SummaryFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    // Nothing `summary` prints comes from evidence or notes.
    let snapshot = report_errors(workspace.load_numbers(), err)?;
    if let Some(problem) = unknown_filter(workspace, &snapshot, narrow_to) {
        return refuse(err, &problem);
    }

    let summary = narrow(snapshot.summarize_as_of(as_of), &snapshot, narrow_to);
    let errors = relative_to_workspace(workspace, snapshot.errors());
    let conflicts = conflicts_relative_to_workspace(workspace, snapshot.conflicts());
    // The snapshot is not needed any more: its memory goes back before the
    // output is written.
    drop(snapshot);
    let text = match format {
        SummaryFormat::Json => {
            summary_json_to(&summary, &errors, &conflicts, out)?;
            return Ok(ExitCode::SUCCESS);
        }
        SummaryFormat::Csv => summary_csv(&summary)?,
        SummaryFormat::Md => summary_markdown(&summary, &errors, &conflicts),
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Reads the workspace and prints each file that could not be read to
/// `err` as `path:line:col: message` (or `path: message` for an entry
/// never opened), then each conflict copy as `path: not counted: reason`,
/// one per line.
pub(super) fn load_reporting_errors(
    workspace: &Workspace,
    err: &mut dyn Write,
) -> std::io::Result<WorkspaceSnapshot> {
    report_errors(workspace.load(), err)
}

/// [`load_reporting_errors`] without the evidence and notes: for the
/// commands that print numbers only.
pub(super) fn load_numbers_reporting_errors(
    workspace: &Workspace,
    err: &mut dyn Write,
) -> std::io::Result<WorkspaceSnapshot> {
    report_errors(workspace.load_numbers(), err)
}

/// Prints the snapshot's unread files and conflict copies to `err`, as
/// [`load_reporting_errors`] does.
pub(super) fn report_errors(
    snapshot: WorkspaceSnapshot,
    err: &mut dyn Write,
) -> std::io::Result<WorkspaceSnapshot> {
    for error in snapshot.errors() {
        writeln!(err, "{error}")?;
    }
    for copy in snapshot.conflicts() {
        writeln!(err, "{}: not counted: {}", copy.path.display(), copy.reason)?;
    }
    Ok(snapshot)
}

/// The conflict copies with their paths relative to the workspace folder,
/// as [`relative_to_workspace`] does for errors.
fn conflicts_relative_to_workspace(
    workspace: &Workspace,
    conflicts: &[ConflictCopy],
) -> Vec<ConflictCopy> {
    conflicts
        .iter()
        .map(|copy| {
            let mut copy = copy.clone();
            if let Ok(relative) = copy.path.strip_prefix(workspace.root()) {
                copy.path = relative.to_path_buf();
            }
            copy
        })
        .collect()
}

/// Why a `--candidate`, `--template` or `--opening` given on the command
/// line names nothing in the snapshot, if it does not. A template counts
/// if it is in effect or a candidate has it (its file may be broken).
pub(super) fn unknown_filter(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    narrow_to: &Narrow<'_>,
) -> Option<String> {
    if let Some(id) = narrow_to.opening
        && snapshot.opening(id).is_none()
    {
        return Some(unknown_opening(workspace, id));
    }
    if let Some(id) = narrow_to.candidate
        && snapshot.candidate(id).is_none()
    {
        return Some(unknown_candidate(workspace, id));
    }
    if let Some(id) = narrow_to.template
        && snapshot.templates().get(id).is_none()
        && !snapshot
            .candidates()
            .iter()
            .any(|r| r.candidate.template.as_str() == id)
    {
        return Some(format!(
            "unknown template {id:?}: no template in effect and no candidate has it"
        ));
    }
    None
}

/// Why an opening id given on the command line is not in the snapshot.
pub(super) fn unknown_opening(workspace: &Workspace, id: &str) -> String {
    let file = workspace.openings_dir().join(format!("{id}.ron"));
    if file.is_file() {
        format!(
            "opening {id:?} cannot be read: {} is broken (see above)",
            file.display()
        )
    } else {
        format!("unknown opening {id:?}: there is no {}", file.display())
    }
}

/// Why a candidate id given on the command line is not in the snapshot.
pub(super) fn unknown_candidate(workspace: &Workspace, id: &str) -> String {
    let record = workspace.candidates_dir().join(id).join("candidate.ron");
    if record.is_file() {
        format!(
            "candidate {id:?} cannot be read: {} is broken (see above)",
            record.display()
        )
    } else {
        format!("unknown candidate {id:?}: there is no {}", record.display())
    }
}

/// The errors with their paths relative to the workspace folder where they
/// lie inside it, as documents (JSON, Markdown) name them; stderr keeps the
/// paths as opened, so a terminal can follow them.
pub(super) fn relative_to_workspace(workspace: &Workspace, errors: &[FileError]) -> Vec<FileError> {
    errors
        .iter()
        .map(|error| {
            let mut error = error.clone();
            if let Ok(relative) = error.path.strip_prefix(workspace.root()) {
                error.path = relative.to_path_buf();
            }
            error
        })
        .collect()
}

/// The summary narrowed to one candidate, template and/or opening: the
/// candidates that match, their templates and openings, and the
/// interviewers who submitted a scorecard for one of them (with their
/// workspace-wide figures).
fn narrow(mut summary: Summary, snapshot: &WorkspaceSnapshot, narrow_to: &Narrow<'_>) -> Summary {
    let Narrow {
        candidate,
        template,
        opening,
    } = *narrow_to;
    if candidate.is_none() && template.is_none() && opening.is_none() {
        return summary;
    }
    summary.candidates.retain(|c| {
        candidate.is_none_or(|id| c.id.as_str() == id)
            && template.is_none_or(|id| c.template.as_str() == id)
            && opening.is_none_or(|id| c.opening.as_ref().is_some_and(|o| o.as_str() == id))
    });
    let openings: BTreeSet<&str> = summary
        .candidates
        .iter()
        .filter_map(|c| c.opening.as_ref().map(|o| o.as_str()))
        .chain(opening)
        .collect();
    summary
        .openings
        .retain(|o| openings.contains(o.id.as_str()));
    let templates: BTreeSet<&str> = summary
        .candidates
        .iter()
        .map(|c| c.template.as_str())
        .collect();
    let kept: BTreeSet<&str> = summary.candidates.iter().map(|c| c.id.as_str()).collect();
    let interviewers: BTreeSet<InterviewerId> = snapshot
        .candidates()
        .iter()
        .filter(|r| kept.contains(r.candidate.id.as_str()))
        .flat_map(|r| &r.scorecards)
        .filter(|s| s.scorecard.is_submitted())
        .map(|s| InterviewerId::of(&s.scorecard))
        .collect();
    summary
        .templates
        .retain(|t| templates.contains(t.id.as_str()));
    summary
        .interviewers
        .retain(|i| interviewers.contains(&i.id));
    summary
}
