//! `scorecard import performance`: a CSV of performance reviews becomes
//! the hires' `performance.ron` files (DESIGN.md "Evidence that the
//! interview works").
//!
//! Two steps: [`read_performance_csv`] (or [`plan_performance`] on bytes)
//! checks every row and says what would change; [`apply_performance`]
//! writes it, all or nothing: every new file is written and flushed beside
//! its target first, then each is renamed into place, and if one rename
//! fails those done are put back. A review the workspace holds already
//! (the same reviewer on the same day, the same rating) changes nothing,
//! so importing a file twice writes nothing the second time.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::atomic_write::{StagedFile, stage_file, sync_dir};
use super::candidate_csv::decode;
use super::candidate_import::read_limited;
use super::parse::{parse_performance, read_text, to_ron};
use super::performance_csv::{Cell, ReviewField, ReviewRow, read_review_rows};
use super::{FileError, StoreError, Workspace, WorkspaceSnapshot, write_atomic};
use crate::model::{
    Candidate, Performance, Review, Slug, Timestamp, Verdict, before_decision, normalize_email,
    rating_problem,
};

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PerformancePlan {
    /// Each hire whose file changes, in the order of their first row.
    pub changes: Vec<PerformanceChange>,
    /// Rows the workspace holds already.
    pub unchanged: usize,
}

/// One hire's file, as it is and as it will be.
#[derive(Clone, Debug, PartialEq)]
pub struct PerformanceChange {
    /// The hire.
    pub candidate: Slug,
    /// Their `performance.ron`.
    pub path: PathBuf,
    /// The file's text when planned (`None`: no file yet), to notice a
    /// change made meanwhile.
    pub before: Option<String>,
    /// The reviews after the import, sorted by date then reviewer.
    pub after: Performance,
    /// Reviews added.
    pub added: usize,
    /// Reviews whose rating changes (the same reviewer on the same day).
    pub changed: usize,
}

impl PerformancePlan {
    /// Reviews added over every hire.
    pub fn added(&self) -> usize {
        self.changes.iter().map(|c| c.added).sum()
    }

    /// Ratings changed over every hire.
    pub fn changed(&self) -> usize {
        self.changes.iter().map(|c| c.changed).sum()
    }
}

/// Why an import cannot be planned or applied; nothing is written in any
/// of these cases.
#[derive(Debug, thiserror::Error)]
pub enum PerformanceImportError {
    /// The file cannot be read or has bad rows: each problem at its spot.
    #[error("{}", lines(.0))]
    File(Vec<FileError>),
    /// A file to be written changed since the plan.
    #[error("{0}: changed while the import was being written; nothing was imported: import again")]
    Changed(PathBuf),
    /// Writing failed; what was written is put back.
    #[error("nothing was imported: {0}")]
    Store(#[from] StoreError),
}

fn lines(errors: &[FileError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `file` (a regular file, never through a link, at most 16 MiB)
/// and plans its import against `snapshot`.
pub fn read_performance_csv(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    file: &Path,
) -> Result<PerformancePlan, PerformanceImportError> {
    let bytes = read_limited(file).map_err(|e| PerformanceImportError::File(vec![e]))?;
    plan_performance(workspace, snapshot, file, &bytes)
}

/// Plans the import of the CSV `bytes` (read from `path`).
pub fn plan_performance(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    path: &Path,
    bytes: &[u8],
) -> Result<PerformancePlan, PerformanceImportError> {
    let file = |e: Vec<FileError>| PerformanceImportError::File(e);
    let text = decode(path, bytes).map_err(|e| file(vec![e]))?;
    let rows = read_review_rows(path, &text).map_err(file)?;
    let finder = Finder::new(snapshot);
    let mut errors = Vec::new();
    // Each hire's reviews from the file, with the first line of each.
    let mut order: Vec<&Candidate> = Vec::new();
    let mut reviews: HashMap<&Slug, Vec<(Review, usize)>> = HashMap::new();
    for row in &rows {
        match checked_review(path, row, &finder, snapshot) {
            Ok((candidate, review)) => {
                let theirs = reviews.entry(&candidate.id).or_default();
                if let Some((_, first)) = theirs.iter().find(|(r, _)| r.same_review(&review)) {
                    let at = row
                        .get(ReviewField::Date)
                        .map_or((row.line, 1), |c| (c.line, c.column));
                    errors.push(FileError::new(
                        path,
                        at.0,
                        at.1,
                        format!(
                            "duplicate row: line {first} has {}'s review of {} on this date already",
                            review.reviewer, candidate.id
                        ),
                    ));
                    continue;
                }
                if theirs.is_empty() {
                    order.push(candidate);
                }
                theirs.push((review, row.line));
            }
            Err(mut row_errors) => errors.append(&mut row_errors),
        }
    }
    let mut plan = PerformancePlan::default();
    for candidate in order {
        let new = reviews.remove(&candidate.id).unwrap_or_default();
        match change_of(workspace, candidate, new) {
            Ok((Some(change), unchanged)) => {
                plan.unchanged += unchanged;
                plan.changes.push(change);
            }
            Ok((None, unchanged)) => plan.unchanged += unchanged,
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        errors.sort_by_key(|e| (e.line, e.column));
        Err(file(errors))
    }
}

/// The candidates by each way a row may name them.
struct Finder<'a> {
    snapshot: &'a WorkspaceSnapshot,
    by_ats_id: HashMap<&'a str, Vec<&'a Candidate>>,
    by_email: HashMap<String, Vec<&'a Candidate>>,
}

impl<'a> Finder<'a> {
    fn new(snapshot: &'a WorkspaceSnapshot) -> Self {
        let mut by_ats_id: HashMap<&str, Vec<&Candidate>> = HashMap::new();
        let mut by_email: HashMap<String, Vec<&Candidate>> = HashMap::new();
        for record in snapshot.candidates() {
            let c = &record.candidate;
            if let Some(id) = &c.external_id {
                by_ats_id.entry(id.trim()).or_default().push(c);
            }
            if let Some(email) = &c.email {
                by_email.entry(normalize_email(email)).or_default().push(c);
            }
        }
        Self {
            snapshot,
            by_ats_id,
            by_email,
        }
    }

    /// The one candidate the row names, or what is wrong, with the cell.
    fn find<'r>(&self, row: &'r ReviewRow) -> Result<&'a Candidate, (&'r Cell, String)> {
        let one = |found: Option<&Vec<&'a Candidate>>, cell: &'r Cell, what: &str| match found
            .map(Vec::as_slice)
        {
            Some([candidate]) => Ok(*candidate),
            Some([_, _, ..]) => Err((
                cell,
                format!(
                    "{} candidates have {what} {:?}: name the candidate by id instead",
                    found.map_or(0, Vec::len),
                    cell.text
                ),
            )),
            _ => Err((
                cell,
                format!("unknown candidate: no candidate has {what} {:?}", cell.text),
            )),
        };
        if let Some(cell) = row.get(ReviewField::Candidate) {
            return self
                .snapshot
                .candidate(&cell.text)
                .map(|r| &r.candidate)
                .ok_or_else(|| {
                    (
                        cell,
                        format!(
                            "unknown candidate {:?}: no candidate has this id",
                            cell.text
                        ),
                    )
                });
        }
        if let Some(cell) = row.get(ReviewField::AtsId) {
            return one(self.by_ats_id.get(cell.text.as_str()), cell, "ATS id");
        }
        if let Some(cell) = row.get(ReviewField::Email) {
            return one(
                self.by_email.get(&normalize_email(&cell.text)),
                cell,
                "email",
            );
        }
        let at = row.cells.first().map(|(_, c)| c);
        Err((
            at.unwrap_or(&BLANK),
            "no candidate: the row's candidate, ATS id and email are all blank".to_owned(),
        ))
    }
}

static BLANK: Cell = Cell {
    text: String::new(),
    line: 1,
    column: 1,
};

/// A date: `2027-06-01` (midnight UTC) or an RFC 3339 time.
fn parse_date(text: &str) -> Option<Timestamp> {
    if let Ok(time) = text.parse::<Timestamp>() {
        return Some(time);
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(Timestamp::from_utc(day.and_hms_opt(0, 0, 0)?.and_utc()))
}

/// The row's candidate and review, or every problem of the row.
fn checked_review<'a>(
    path: &Path,
    row: &ReviewRow,
    finder: &Finder<'a>,
    snapshot: &WorkspaceSnapshot,
) -> Result<(&'a Candidate, Review), Vec<FileError>> {
    let mut errors = Vec::new();
    let mut fail = |cell: Option<&Cell>, field: ReviewField, message: String| {
        let (line, column) = cell.map_or((row.line, 1), |c| (c.line, c.column));
        let message = if cell.is_none() {
            format!("blank {}: {message}", field.name())
        } else {
            message
        };
        errors.push(FileError::new(path, line, column, message));
    };
    let candidate = match finder.find(row) {
        Ok(candidate) => Some(candidate),
        Err((cell, message)) => {
            fail(Some(cell), ReviewField::Candidate, message);
            None
        }
    };
    let date_cell = row.get(ReviewField::Date);
    let at = match date_cell {
        None => {
            fail(
                None,
                ReviewField::Date,
                "every review needs its date".into(),
            );
            None
        }
        Some(cell) => {
            let at = parse_date(&cell.text);
            if at.is_none() {
                fail(
                    Some(cell),
                    ReviewField::Date,
                    format!(
                        "{:?} is not a date: expected 2027-06-01 or 2027-06-01T09:00:00Z",
                        cell.text
                    ),
                );
            }
            at
        }
    };
    let rating_cell = row.get(ReviewField::Rating);
    let rating = match rating_cell {
        None => {
            fail(
                None,
                ReviewField::Rating,
                "every review needs a rating 1–5".into(),
            );
            None
        }
        Some(cell) => match cell.text.parse::<u8>() {
            Ok(rating) => match rating_problem(rating) {
                None => Some(rating),
                Some(message) => {
                    fail(Some(cell), ReviewField::Rating, message);
                    None
                }
            },
            Err(_) => {
                fail(
                    Some(cell),
                    ReviewField::Rating,
                    format!(
                        "{:?} is not a rating: expected a whole number 1–5",
                        cell.text
                    ),
                );
                None
            }
        },
    };
    let reviewer = row.get(ReviewField::Reviewer);
    let reviewer = match reviewer {
        Some(cell) if Slug::from_name(&cell.text).is_some() => Some(cell.text.clone()),
        Some(cell) => {
            fail(
                Some(cell),
                ReviewField::Reviewer,
                "the reviewer needs a name with at least one letter or digit".into(),
            );
            None
        }
        None => {
            fail(
                None,
                ReviewField::Reviewer,
                "every review needs who made it".into(),
            );
            None
        }
    };
    if let (Some(candidate), Some(at)) = (candidate, at) {
        let decision = snapshot
            .candidate(candidate.id.as_str())
            .and_then(|r| r.decision.as_ref());
        let cell = date_cell;
        match decision {
            None => fail(
                row.get(ReviewField::Candidate)
                    .or(row.get(ReviewField::AtsId))
                    .or(row.get(ReviewField::Email)),
                ReviewField::Candidate,
                format!(
                    "{} has no decision: performance reviews are of hires (record the decision first)",
                    candidate.id
                ),
            ),
            Some(d) if d.decision != Verdict::Hire => fail(
                row.get(ReviewField::Candidate)
                    .or(row.get(ReviewField::AtsId))
                    .or(row.get(ReviewField::Email)),
                ReviewField::Candidate,
                format!(
                    "{} was decided no hire: performance reviews are of hires",
                    candidate.id
                ),
            ),
            Some(d) if at < d.decided_at => {
                fail(cell, ReviewField::Date, before_decision(at, d.decided_at));
            }
            Some(_) => {}
        }
    }
    match (candidate, at, rating, reviewer) {
        (Some(candidate), Some(at), Some(rating), Some(reviewer)) if errors.is_empty() => Ok((
            candidate,
            Review {
                at,
                reviewer,
                rating,
            },
        )),
        _ => Err(errors),
    }
}

/// The change to one hire's file from the file's reviews `new`, if any,
/// and how many of them it holds already.
fn change_of(
    workspace: &Workspace,
    candidate: &Candidate,
    new: Vec<(Review, usize)>,
) -> Result<(Option<PerformanceChange>, usize), FileError> {
    let path = workspace.performance_path(&candidate.id);
    let before = if fs::symlink_metadata(&path).is_ok() {
        Some(read_text(&path)?)
    } else {
        None
    };
    let mut after = match &before {
        Some(text) => parse_performance(&path, text).map_err(|e| {
            FileError::new(
                &e.path,
                e.line,
                e.column,
                format!(
                    "{}; mend this file before importing reviews of {}",
                    e.message, candidate.id
                ),
            )
        })?,
        None => Performance::new(candidate.id.clone()),
    };
    let (mut added, mut changed, mut unchanged) = (0, 0, 0);
    for (review, _line) in new {
        match after.reviews.iter_mut().find(|r| r.same_review(&review)) {
            Some(held) if held.rating == review.rating => unchanged += 1,
            Some(held) => {
                held.rating = review.rating;
                changed += 1;
            }
            None => {
                after.reviews.push(review);
                added += 1;
            }
        }
    }
    if added + changed == 0 {
        return Ok((None, unchanged));
    }
    after
        .reviews
        .sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.reviewer.cmp(&b.reviewer)));
    let change = PerformanceChange {
        candidate: candidate.id.clone(),
        path,
        before,
        after,
        added,
        changed,
    };
    Ok((Some(change), unchanged))
}

/// Writes every changed file of `plan`, all or none; returns the files
/// written. A plan with nothing new writes nothing.
pub fn apply_performance(plan: &PerformancePlan) -> Result<Vec<PathBuf>, PerformanceImportError> {
    let mut staged: Vec<(StagedFile, &PerformanceChange)> = Vec::with_capacity(plan.changes.len());
    for change in &plan.changes {
        let text = to_ron(&change.after, "performance reviews")?;
        staged.push((stage_file(&change.path, text.as_bytes())?, change));
    }
    // The last look before anything is in place: a file changed since the
    // plan is not written over.
    for (_, change) in &staged {
        let now = read_text(&change.path).ok();
        let gone_or_same = match &change.before {
            None => fs::symlink_metadata(&change.path).is_err(),
            Some(before) => now.as_ref() == Some(before),
        };
        if !gone_or_same {
            return Err(PerformanceImportError::Changed(change.path.clone()));
        }
    }
    let mut done: Vec<&PerformanceChange> = Vec::with_capacity(staged.len());
    for (file, change) in staged {
        if let Err(error) = file.rename_unflushed() {
            put_back(&done);
            return Err(error.into());
        }
        done.push(change);
    }
    for change in &done {
        if let Some(dir) = change.path.parent() {
            sync_dir(dir);
        }
    }
    Ok(done.into_iter().map(|c| c.path.clone()).collect())
}

/// Puts the files of `done` back as they were before the import.
fn put_back(done: &[&PerformanceChange]) {
    for change in done {
        let restored = match &change.before {
            Some(text) => write_atomic(&change.path, text.as_bytes()),
            None => fs::remove_file(&change.path).map_err(|e| StoreError::io(&change.path, e)),
        };
        if let Err(error) = restored {
            log::error!(
                "cannot put {} back after a failed import: {error}",
                change.path.display()
            );
        }
    }
}
