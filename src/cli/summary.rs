//! `scorecard summary [--candidate ID] [--template ID] --format json|csv|md`
//!
//! The aggregates are computed over the whole workspace (an interviewer's
//! leniency is workspace-wide, and so is every adjusted score), then the
//! output is narrowed to the chosen candidate or template. Broken files are
//! reported on stderr (and under `"errors"` in JSON, `## Files that could not
//! be read` in Markdown) and everything else is counted: exit 0.

use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;

use super::{EXIT_INVALID, SummaryFormat};
use crate::export::{summary_csv, summary_json, summary_markdown};
use crate::io::{ConflictCopy, FileError, Workspace, WorkspaceSnapshot};
use crate::model::{InterviewerId, Summary};

/// Prints the summary to `out`; broken files and unknown ids go to `err`.
pub fn run(
    workspace: &Workspace,
    candidate: Option<&str>,
    template: Option<&str>,
    format: SummaryFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let snapshot = load_reporting_errors(workspace, err)?;
    if let Some(id) = candidate
        && snapshot.candidate(id).is_none()
    {
        writeln!(err, "scorecard: {}", unknown_candidate(workspace, id))?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    if let Some(id) = template
        && snapshot.templates.get(id).is_none()
        && !snapshot
            .candidates
            .iter()
            .any(|r| r.candidate.template.as_str() == id)
    {
        writeln!(
            err,
            "scorecard: unknown template {id:?}: no template in effect and no candidate has it"
        )?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }

    let summary = narrow(snapshot.summarize(), &snapshot, candidate, template);
    let errors = relative_to_workspace(workspace, &snapshot.errors);
    let conflicts = conflicts_relative_to_workspace(workspace, &snapshot.conflicts);
    let text = match format {
        SummaryFormat::Json => summary_json(&summary, &errors, &conflicts)?,
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
    let snapshot = workspace.load();
    for error in &snapshot.errors {
        writeln!(err, "{error}")?;
    }
    for copy in &snapshot.conflicts {
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

/// The summary narrowed to one candidate and/or one template: the
/// candidates that match, their templates, and the interviewers who
/// submitted a scorecard for one of them (with their workspace-wide
/// figures).
fn narrow(
    mut summary: Summary,
    snapshot: &WorkspaceSnapshot,
    candidate: Option<&str>,
    template: Option<&str>,
) -> Summary {
    if candidate.is_none() && template.is_none() {
        return summary;
    }
    summary.candidates.retain(|c| {
        candidate.is_none_or(|id| c.id.as_str() == id)
            && template.is_none_or(|id| c.template.as_str() == id)
    });
    let templates: BTreeSet<&str> = summary
        .candidates
        .iter()
        .map(|c| c.template.as_str())
        .collect();
    let kept: BTreeSet<&str> = summary.candidates.iter().map(|c| c.id.as_str()).collect();
    let interviewers: BTreeSet<InterviewerId> = snapshot
        .candidates
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
