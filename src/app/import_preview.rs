//! The worker's half of an import: read the files and say, as the import
//! screen's table, what applying would do; then apply it. Runs on the I/O
//! thread, never in a frame.

use std::path::{Path, PathBuf};

use crate::io::{
    CandidateImportPlan, InviteError, Workspace, WorkspaceSnapshot, apply_candidates,
    apply_invites, invite_files, read_candidates_csv, read_invites_files,
};
use crate::model::invite_import::{InvitePlan, PlannedEntry};
use crate::model::{ColumnOverrides, ImportField, LocalZone, Slug, Timestamp};
use crate::ui::{ImportKind, ImportPreview, RowAction};

/// An import previewed and not yet applied.
#[derive(Debug)]
pub enum PendingImport {
    /// Interviews from invites.
    Invites(Box<InvitePlan>),
    /// Candidates from an ATS export.
    Candidates(Box<CandidateImportPlan>),
}

/// What the user asked to import.
#[derive(Clone, Copy, Debug)]
pub struct Asked<'a> {
    /// Invites or candidates.
    pub kind: ImportKind,
    /// The files (for invites, a folder stands for its `.ics` files).
    pub files: &'a [PathBuf],
    /// The opening candidates join.
    pub opening: Option<&'a Slug>,
    /// Leave out the invite files that cannot be read.
    pub skip_broken: bool,
}

/// Why a preview could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreviewFailure {
    /// The file, the opening or the workspace stops it: why.
    Failed(String),
    /// Some invite files of several cannot be read (each named, one a
    /// line); the others can be previewed if the user chooses to skip them.
    BrokenFiles(String),
}

/// What importing the files asked for would do, for the screen, with the
/// plan to keep. For invites, a folder stands for the `.ics` files in it.
pub fn preview(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    asked: Asked<'_>,
    (zone, now): (LocalZone, Timestamp),
) -> Result<(PendingImport, ImportPreview), PreviewFailure> {
    let failed = |e: &dyn std::fmt::Display| PreviewFailure::Failed(format!("{e:#}"));
    let Asked {
        kind,
        files,
        opening,
        skip_broken,
    } = asked;
    match kind {
        ImportKind::Invites => {
            let files = invite_files(files).map_err(|e| failed(&e))?;
            let batch = match read_invites_files(workspace, snapshot, &files, skip_broken) {
                Ok(batch) => batch,
                Err(InviteError::BrokenFiles { errors, files }) if errors.len() < files => {
                    let names: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    return Err(PreviewFailure::BrokenFiles(format!(
                        "{} of {files} files cannot be read:\n{}",
                        errors.len(),
                        names.join("\n")
                    )));
                }
                Err(e) => return Err(failed(&e)),
            };
            let mut preview = invites_preview(&files, &batch.plan, snapshot, (zone, now));
            for error in &batch.skipped {
                preview.notes.push(format!("Skipped, not read: {error}"));
            }
            Ok((PendingImport::Invites(Box::new(batch.plan)), preview))
        }
        ImportKind::Candidates => {
            let [file] = files else {
                return Err(PreviewFailure::Failed(
                    "Import one ATS export (.csv) at a time".to_owned(),
                ));
            };
            let Some(opening) = opening else {
                return Err(PreviewFailure::Failed(
                    "Choose the opening the candidates are for".to_owned(),
                ));
            };
            let plan = read_candidates_csv(
                workspace,
                snapshot,
                file,
                opening.as_str(),
                &ColumnOverrides::default(),
            )
            .map_err(|e| failed(&e))?;
            let preview = candidates_preview(file, &plan);
            Ok((PendingImport::Candidates(Box::new(plan)), preview))
        }
    }
}

/// Applies a previewed import: the files written, and what was done.
pub fn apply(
    workspace: &Workspace,
    pending: &PendingImport,
) -> Result<(Vec<PathBuf>, String), String> {
    match pending {
        PendingImport::Invites(plan) => {
            let written = apply_invites(workspace, plan).map_err(|e| format!("{e:#}"))?;
            let message = format!(
                "Imported the invites: {} planned, {} moved, {} cancelled ({} candidate file(s) written)",
                plan.created.len(),
                plan.moved.len(),
                plan.cancelled.len(),
                written.len()
            );
            Ok((written, message))
        }
        PendingImport::Candidates(plan) => {
            let written = apply_candidates(workspace, plan).map_err(|e| format!("{e:#}"))?;
            let message = format!("Imported {} candidate(s)", plan.created.len());
            Ok((written, message))
        }
    }
}

fn files_label(files: &[PathBuf]) -> PathBuf {
    match files {
        [one] => one.clone(),
        several => PathBuf::from(format!("{} files", several.len())),
    }
}

/// The invites table: one row per interview created, moved, cancelled or
/// kept, then what did not match.
fn invites_preview(
    files: &[PathBuf],
    plan: &InvitePlan,
    snapshot: &WorkspaceSnapshot,
    (zone, now): (LocalZone, Timestamp),
) -> ImportPreview {
    let stage = |entry: &PlannedEntry| {
        snapshot.candidate(entry.candidate.as_str()).map_or_else(
            || entry.stage.clone(),
            |r| snapshot.stage_name(&r.candidate, &entry.stage),
        )
    };
    let cells = |entry: &PlannedEntry, note: String| {
        vec![
            entry.candidate_name.clone(),
            stage(entry),
            entry.interviewer.clone(),
            zone.moment(entry.at, now),
            note,
        ]
    };
    let mut rows = Vec::new();
    for entry in &plan.created {
        rows.push((RowAction::Create, cells(entry, String::new())));
    }
    for moved in &plan.moved {
        rows.push((
            RowAction::Move,
            cells(
                &moved.entry,
                format!("was {}", zone.moment(moved.from, now)),
            ),
        ));
    }
    for entry in &plan.cancelled {
        rows.push((
            RowAction::Cancel,
            cells(entry, "cancelled in the calendar".to_owned()),
        ));
    }
    for entry in &plan.cancelled_but_scored {
        rows.push((
            RowAction::Keep,
            cells(entry, "cancelled, but a scorecard exists: kept".to_owned()),
        ));
    }
    for unmatched in &plan.unmatched {
        rows.push((
            RowAction::Unmatched,
            vec![
                unmatched.summary.clone(),
                String::new(),
                String::new(),
                String::new(),
                format!("line {}: {}", unmatched.line, unmatched.reason),
            ],
        ));
    }
    ImportPreview {
        file: files_label(files),
        headline: format!(
            "{} to plan, {} to move, {} to cancel, {} kept (scored), {} unchanged, {} not matched",
            plan.created.len(),
            plan.moved.len(),
            plan.cancelled.len(),
            plan.cancelled_but_scored.len(),
            plan.unchanged,
            plan.unmatched.len()
        ),
        notes: plan
            .notes
            .iter()
            .map(|n| format!("{:?}, line {}: {}", n.summary, n.line, n.note))
            .collect(),
        columns: vec!["Candidate", "Stage", "Interviewer", "When", "Note"],
        rows,
    }
}

/// The candidates table: one row per candidate to add, then those known.
fn candidates_preview(file: &Path, plan: &CandidateImportPlan) -> ImportPreview {
    let mut rows = Vec::new();
    for (candidate, line) in plan.created.iter().zip(&plan.created_lines) {
        rows.push((
            RowAction::Create,
            vec![
                candidate.name.clone(),
                candidate.email.clone().unwrap_or_default(),
                candidate.external_id.clone().unwrap_or_default(),
                format!("line {line}: new, as {}", candidate.id),
            ],
        ));
    }
    for row in &plan.unchanged {
        let how = match row.duplicate_of_line {
            Some(first) => format!("line {}: the same person as line {first}", row.line),
            None => format!(
                "line {}: already {} (same {})",
                row.line,
                row.candidate,
                row.matched_by.key().replace('_', " ")
            ),
        };
        let differs = if row.differs.is_empty() {
            String::new()
        } else {
            let fields: Vec<&str> = row.differs.iter().map(|f| f.key()).collect();
            format!(
                "; the file's {} differs, nothing overwritten",
                fields.join(", ")
            )
        };
        rows.push((
            RowAction::Unchanged,
            vec![
                row.name.clone(),
                String::new(),
                String::new(),
                how + &differs,
            ],
        ));
    }
    let notes = vec![format!(
        "Columns: {}",
        plan.columns
            .fields()
            .iter()
            .map(|(field, column)| {
                let how = if column.guessed { "" } else { ", as asked" };
                format!("{} from {:?}{how}", field_words(*field), column.header)
            })
            .collect::<Vec<_>>()
            .join("; ")
    )];
    ImportPreview {
        file: file.to_owned(),
        headline: format!(
            "{} to add to {}, {} already there",
            plan.created.len(),
            plan.opening,
            plan.unchanged.len()
        ),
        notes,
        columns: vec!["Name", "Email", "ATS id", "Note"],
        rows,
    }
}

fn field_words(field: ImportField) -> &'static str {
    match field {
        ImportField::Name => "Name",
        ImportField::FirstName => "First name",
        ImportField::LastName => "Last name",
        ImportField::Email => "Email",
        ImportField::ExternalId => "ATS id",
    }
}
