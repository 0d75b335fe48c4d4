//! Owns what a read of the workspace holds, and how it changes: looking up a
//! candidate or an opening, the aggregates of it (whole, or just the
//! candidates a change is about), the references between its files
//! ([`reference_check`]), the app's own changes ([`edits`]) and bringing it
//! up to date with a refresh ([`refresh`]).
//!
//! Its fields are private: every change goes through a method that keeps
//! the rules a reader relies on — candidates sorted by folder (so by id),
//! openings by id, errors and conflict copies by path, the reference
//! errors true of the files as they now are, and [`WorkspaceSnapshot::
//! generation`] moved on by every change, so what was derived from an
//! older state is known to be old.

mod edits;
mod reference_check;
mod refresh;

pub use reference_check::CheckedReferences;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::TemplateSet;
use super::records::{CalibrationFiles, CandidateFolder, CandidateRecord, OpeningRecord};
use super::sync_conflicts::ConflictCopy;
use super::{FileError, ScorecardRecord};
use crate::model::stats::{Summary, SummaryView};
use crate::model::{
    Candidate, NudgeList, Opening, PracticeCase, PracticeResults, Slug, Template, Timestamp,
};

/// Everything read from a workspace, with the files that could not be read.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceSnapshot {
    /// Templates in effect (shipped, overridden by the workspace's).
    templates: TemplateSet,
    /// Openings, sorted by id.
    openings: Vec<OpeningRecord>,
    /// Candidates, sorted by folder (so by id). Shared, so a copy of the
    /// snapshot for a background computation costs a pointer per
    /// candidate, not a deep copy; a change copies only the one changed.
    candidates: Vec<Arc<CandidateRecord>>,
    /// Files left out, each with its error, sorted by path.
    errors: Vec<FileError>,
    /// Conflict copies (sync tools', duplicates, files holding a scorecard
    /// another file holds), for a person to resolve; never counted. Sorted
    /// by path.
    conflicts: Vec<ConflictCopy>,
    /// The latest modification time of the files in each candidate
    /// folder whose `candidate.ron` is broken (no record to hold it, as
    /// [`CandidateRecord::modified`] does for the others), by folder: for
    /// [`WorkspaceSnapshot::folders_seen`]. A few folders, not one per
    /// candidate, so a change never copies a map of the workspace's size.
    broken_modified: Arc<BTreeMap<PathBuf, Timestamp>>,
    /// The nudge list in effect: the workspace's `nudges.ron`, else the
    /// shipped one.
    nudges: Arc<NudgeList>,
    /// The practice cases in effect (shipped and the workspace's), sorted
    /// by template then id.
    practice: Arc<Vec<PracticeCase>>,
    /// Every interviewer's practice results, sorted by interviewer.
    practice_results: Arc<Vec<PracticeResults>>,
    /// The errors among `errors` that are about references between files
    /// (an unknown opening, a template mismatch, an unknown stage).
    reference_errors: Vec<FileError>,
    /// A template or an opening changed since `reference_errors` were
    /// found whole ([`reference_check`]).
    references_due: bool,
    /// Moved on by every change.
    generation: u64,
}

impl WorkspaceSnapshot {
    /// A snapshot of these templates, openings and candidates, with no file
    /// errors: put in order, and their references checked.
    pub fn new(
        templates: TemplateSet,
        mut openings: Vec<OpeningRecord>,
        mut candidates: Vec<Arc<CandidateRecord>>,
    ) -> Self {
        openings.sort_by(|a, b| a.opening.id.cmp(&b.opening.id));
        candidates.sort_by(|a, b| a.dir.cmp(&b.dir));
        let mut snapshot = Self {
            templates,
            openings,
            candidates,
            ..Self::default()
        };
        snapshot.recheck_references();
        snapshot
    }

    /// What a whole read found, in the order a snapshot keeps: the
    /// candidate folders as listed (in name order), the errors and
    /// conflict copies found on the way.
    pub(in crate::io) fn from_read(
        templates: TemplateSet,
        openings: Vec<OpeningRecord>,
        calibration: CalibrationFiles,
        mut errors: Vec<FileError>,
        mut conflicts: Vec<ConflictCopy>,
        folders: Vec<(PathBuf, CandidateFolder)>,
    ) -> Self {
        errors.extend(calibration.errors);
        conflicts.extend(calibration.conflicts);
        let mut snapshot = Self {
            templates,
            openings,
            candidates: Vec::with_capacity(folders.len()),
            errors,
            conflicts,
            nudges: calibration.nudges,
            practice: calibration.practice,
            practice_results: calibration.practice_results,
            ..Self::default()
        };
        for (dir, folder) in folders {
            match folder {
                CandidateFolder::Present(mut record, notes) => {
                    record.modified = snapshot.take_notes(notes);
                    snapshot.candidates.push(Arc::new(*record));
                }
                CandidateFolder::Broken(notes) => snapshot.note_broken_folder(&dir, notes),
                CandidateFolder::Gone => {}
            }
        }
        // Listed in name order already; sorted again so the rule holds
        // whatever the listing did.
        snapshot.candidates.sort_by(|a, b| a.dir.cmp(&b.dir));
        sort_problems(&mut snapshot.errors, &mut snapshot.conflicts);
        snapshot.recheck_references();
        snapshot
    }

    /// Takes `next` (a new read of the workspace, or another workspace's),
    /// moving the generation on from this one's; returns the one replaced
    /// (at 100,000 scorecards, letting go of it is work a caller may do on
    /// another thread).
    pub fn replace(&mut self, next: WorkspaceSnapshot) -> WorkspaceSnapshot {
        let generation = self.generation + 1;
        let old = std::mem::replace(self, next);
        self.generation = generation;
        old
    }

    /// An empty snapshot that follows `previous` (another workspace's):
    /// its generation goes on from there.
    pub fn empty_after(previous: &WorkspaceSnapshot) -> Self {
        Self {
            generation: previous.generation + 1,
            ..Self::default()
        }
    }

    /// Moved on by every change: what was derived from the snapshot at an
    /// older generation is old.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn changed(&mut self) {
        self.generation += 1;
    }

    /// The templates in effect (shipped, overridden by the workspace's).
    pub fn templates(&self) -> &TemplateSet {
        &self.templates
    }

    /// The openings, sorted by id.
    pub fn openings(&self) -> &[OpeningRecord] {
        &self.openings
    }

    /// The candidates, sorted by id.
    pub fn candidates(&self) -> &[Arc<CandidateRecord>] {
        &self.candidates
    }

    /// The files left out, each with its error, sorted by path.
    pub fn errors(&self) -> &[FileError] {
        &self.errors
    }

    /// How many files in the candidate folder `dir` could not be read
    /// (its reference errors aside: those files are read). A binary
    /// search: Home asks it for each row it draws.
    pub fn unreadable_in(&self, dir: &Path) -> usize {
        errors_under(&self.errors, dir).saturating_sub(errors_under(&self.reference_errors, dir))
    }

    /// The error of the file at `path`, if it was left out.
    pub fn error_at(&self, path: &Path) -> Option<&FileError> {
        self.errors.iter().find(|e| e.path == path)
    }

    /// The conflict copies, for a person to resolve, sorted by path.
    pub fn conflicts(&self) -> &[ConflictCopy] {
        &self.conflicts
    }

    /// The nudge list in effect.
    pub fn nudges(&self) -> &Arc<NudgeList> {
        &self.nudges
    }

    /// The practice cases in effect, sorted by template then id.
    pub fn practice(&self) -> &[PracticeCase] {
        &self.practice
    }

    /// Every interviewer's practice results, sorted by interviewer.
    pub fn practice_results(&self) -> &[PracticeResults] {
        &self.practice_results
    }

    /// The errors among [`Self::errors`] about references between files
    /// (an unknown opening, a template mismatch, an unknown stage).
    pub fn reference_errors(&self) -> &[FileError] {
        &self.reference_errors
    }

    /// The latest modification time of the files in the candidate folder
    /// `dir`, if known.
    pub fn modified_at(&self, dir: &Path) -> Option<Timestamp> {
        match self.candidate_in(dir) {
            Some(record) => record.modified,
            None => self.broken_modified.get(dir).copied(),
        }
    }

    /// The candidate folders whose files were seen: every candidate's, and
    /// those whose `candidate.ron` is broken.
    pub fn folders_seen(&self) -> impl Iterator<Item = &Path> {
        self.candidates
            .iter()
            .map(|r| r.dir.as_path())
            .chain(self.broken_modified.keys().map(PathBuf::as_path))
    }

    /// The scorecard read from (or being written to) `path`.
    pub fn scorecard_at(&self, path: &Path) -> Option<&ScorecardRecord> {
        // `candidates/<id>/scorecards/<file>`: the candidate's folder is two
        // up.
        let dir = path.parent()?.parent()?;
        self.candidate_in(dir)?
            .scorecards
            .iter()
            .find(|s| s.path == path)
    }

    /// What the aggregates are computed from, borrowed: every candidate
    /// with all their scorecards (drafts too), and the templates in effect.
    pub fn summary_view(&self) -> SummaryView<'_> {
        SummaryView {
            candidates: self
                .candidates
                .iter()
                .map(|record| {
                    let cards = record.scorecards.iter().map(|s| &s.scorecard).collect();
                    (&record.candidate, cards)
                })
                .collect(),
            templates: self.template_view(),
        }
    }

    /// The templates in effect by id, borrowed, as the aggregates read them.
    fn template_view(&self) -> BTreeMap<&str, &Template> {
        self.templates
            .iter()
            .map(|entry| (entry.template.id.as_str(), &entry.template))
            .collect()
    }

    /// The aggregates of the whole workspace (DESIGN.md "Aggregates").
    pub fn summarize(&self) -> Summary {
        crate::model::stats::summarize_view_with(&self.summary_view(), &self.calibration_context())
    }

    /// `previous` (the aggregates of an earlier snapshot) with the
    /// candidates `touched` since summarized again from this one, as
    /// [`resummarize`](crate::model::stats::resummarize) does: the numbers
    /// of the candidates a change is about, at once; the workspace-wide
    /// figures wait for [`WorkspaceSnapshot::summarize`].
    pub fn resummarize(&self, previous: &Summary, touched: &[Slug]) -> Summary {
        let mut redone = Vec::new();
        let mut gone = Vec::new();
        for id in touched {
            match self.candidate(id.as_str()) {
                Some(record) => {
                    let cards = record.scorecards.iter().map(|s| &s.scorecard).collect();
                    redone.push((&record.candidate, cards));
                }
                None => gone.push(id.clone()),
            }
        }
        let view = SummaryView {
            candidates: redone,
            templates: self.template_view(),
        };
        crate::model::stats::resummarize(previous, &view, &gone)
    }

    /// What calibration reads besides the candidates and their
    /// scorecards: each candidate's decision (hired or not).
    pub fn calibration_context(&self) -> crate::model::stats::CalibrationContext {
        let mut context = crate::model::stats::CalibrationContext::default();
        for record in &self.candidates {
            if let Some(decision) = &record.decision {
                context.decisions.insert(
                    record.candidate.id.clone(),
                    decision.decision == crate::model::Verdict::Hire,
                );
            }
        }
        context
    }

    /// The candidate with this id.
    pub fn candidate(&self, id: &str) -> Option<&CandidateRecord> {
        // Candidates are kept sorted by id: `load` reads the folders in
        // name order, a folder's name is its candidate's id, and every
        // insertion keeps the order. A binary search keeps per-row look-ups
        // cheap in big tables.
        let at = self
            .candidates
            .binary_search_by(|r| r.candidate.id.as_str().cmp(id))
            .ok()?;
        self.candidates.get(at).map(Arc::as_ref)
    }

    /// The opening with this id.
    pub fn opening(&self, id: &str) -> Option<&Opening> {
        self.openings
            .iter()
            .find(|r| r.opening.id.as_str() == id)
            .map(|r| &r.opening)
    }

    /// The words for `candidate`'s stage `stage`: its exercise's name in
    /// the template in effect, "General interview" for `""`, else the id (a
    /// scorecard outlives its template).
    pub fn stage_name(&self, candidate: &Candidate, stage: &str) -> String {
        if stage.is_empty() {
            return "General interview".to_owned();
        }
        self.templates
            .get(candidate.template.as_str())
            .and_then(|e| e.template.exercise(stage))
            .map_or_else(|| stage.to_owned(), |e| e.name.clone())
    }

    /// The opening of a candidate, if they have one and it exists.
    pub fn opening_of(&self, candidate: &Candidate) -> Option<&Opening> {
        self.opening(candidate.opening.as_ref()?.as_str())
    }

    /// Hours to submit a scorecard for this candidate: their opening's,
    /// or 24 without one.
    pub fn feedback_due_hours(&self, candidate: &Candidate) -> u32 {
        self.opening_of(candidate)
            .map_or(crate::model::DEFAULT_FEEDBACK_DUE_HOURS, |o| {
                o.feedback_due_hours
            })
    }

    /// The candidate whose folder is `dir`. Candidates are sorted by id,
    /// and a folder's name is its candidate's id, so they are sorted by
    /// folder too.
    fn candidate_in(&self, dir: &Path) -> Option<&CandidateRecord> {
        let at = self.candidate_at(dir).ok()?;
        self.candidates.get(at).map(Arc::as_ref)
    }

    fn candidate_at(&self, dir: &Path) -> Result<usize, usize> {
        self.candidates
            .binary_search_by(|r| r.dir.as_path().cmp(dir))
    }
}

/// Errors and conflict copies in the order a snapshot keeps them (by path,
/// each once), so a load and a refresh that read the same files agree.
fn sort_problems(errors: &mut Vec<FileError>, conflicts: &mut Vec<ConflictCopy>) {
    sort_errors(errors);
    conflicts.sort();
    conflicts.dedup();
}

/// Some candidate folders, asked whether a path is in one of them (or is
/// one) in the time of the path's depth, however many folders.
struct FolderSet<'a>(std::collections::HashSet<&'a Path>);

impl<'a> FolderSet<'a> {
    fn new(dirs: &'a [PathBuf]) -> Self {
        Self(dirs.iter().map(PathBuf::as_path).collect())
    }

    fn holds(&self, path: &Path) -> bool {
        !self.0.is_empty() && path.ancestors().any(|a| self.0.contains(a))
    }
}

/// How many of `errors` (sorted by path) are of files in `dir`: they sit
/// together in path order.
fn errors_under(errors: &[FileError], dir: &Path) -> usize {
    let first = errors.partition_point(|e| e.path.as_path() < dir);
    errors[first..]
        .iter()
        .take_while(|e| e.path.starts_with(dir))
        .count()
}

/// Errors by path, then message, each once.
fn sort_errors(errors: &mut Vec<FileError>) {
    errors.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.message.cmp(&b.message)));
    errors.dedup();
}
