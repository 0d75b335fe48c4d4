//! Owns what a read of the workspace holds, and how it changes: looking up a
//! candidate or an opening, the aggregates of it (whole, or just the
//! candidates a change is about), the references between its files, and
//! bringing it up to date with a refresh.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::FileError;
use super::TemplateSet;
use super::calibration_files::PRACTICE_DIR;
use super::records::{CandidateFolder, CandidateRecord, FolderNotes, OpeningRecord, Refresh};
use super::sync_conflicts::ConflictCopy;
use super::workspace::{CANDIDATE_FILE, Workspace};
use crate::model::stats::{Summary, SummaryView};
use crate::model::{
    Candidate, NudgeList, Opening, PracticeCase, PracticeResults, Problem, Slug, Template,
    Timestamp,
};

/// Everything read from a workspace, with the files that could not be read.
#[derive(Clone, Debug, Default)]
pub struct WorkspaceSnapshot {
    /// Templates in effect (shipped, overridden by the workspace's).
    pub templates: TemplateSet,
    /// Openings, sorted by id.
    pub openings: Vec<OpeningRecord>,
    /// Candidates, sorted by id. Shared, so a copy of the snapshot for a
    /// background computation costs a pointer per candidate, not a deep
    /// copy; change one with [`Arc::make_mut`].
    pub candidates: Vec<Arc<CandidateRecord>>,
    /// Files left out, each with its error, sorted by path.
    pub errors: Vec<FileError>,
    /// Conflict copies (sync tools', duplicates, files holding a scorecard
    /// another file holds), for a person to resolve; never counted. Sorted
    /// by path.
    pub conflicts: Vec<ConflictCopy>,
    /// The latest modification time of the files in each candidate's
    /// folder (broken ones and copies too), by folder: activity for the
    /// retention rule ([`WorkspaceSnapshot::last_activity`]).
    pub modified: BTreeMap<PathBuf, Timestamp>,
    /// The nudge list in effect: the workspace's `nudges.ron`, else the
    /// shipped one. Read at load and again when it changes.
    pub nudges: Arc<NudgeList>,
    /// The practice cases in effect (shipped and the workspace's), sorted
    /// by template then id. Read again when a case or a template changes.
    pub practice: Arc<Vec<PracticeCase>>,
    /// Every interviewer's practice results, sorted by interviewer. Read
    /// again when one changes; the app adds a round it saves at once.
    pub practice_results: Arc<Vec<PracticeResults>>,
    /// The errors among [`WorkspaceSnapshot::errors`] that are about
    /// references between files (an unknown opening, a template
    /// mismatch, an unknown stage), computed again after every refresh.
    pub reference_errors: Vec<FileError>,
}

impl WorkspaceSnapshot {
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

    /// Every problem between files: an opening whose template is not in
    /// effect or has not its stages; a candidate whose opening is unknown
    /// or for another template, or whose plan names a stage its template
    /// does not have. Each is an error on the file that names the other,
    /// at the value's line and column. The files stay counted: a broken
    /// reference must not hide a panel's scorecards.
    pub fn compute_reference_errors(&self) -> Vec<FileError> {
        let mut errors = Vec::new();
        for record in &self.openings {
            for problem in self.opening_reference_problems(&record.opening) {
                errors.push(record.spots.error(&record.path, &problem));
            }
        }
        for record in &self.candidates {
            errors.extend(self.reference_errors_of(record));
        }
        sort_errors(&mut errors);
        errors
    }

    /// What `candidate` names that this workspace does not have: an
    /// unknown opening, another template's opening, an unknown stage.
    pub fn candidate_reference_problems(&self, candidate: &Candidate) -> Vec<Problem> {
        let template = self
            .templates
            .get(candidate.template.as_str())
            .map(|e| &e.template);
        candidate.reference_problems(self.opening_of(candidate), template)
    }

    /// What `opening` names that this workspace does not have: a template
    /// not in effect, a stage that template lacks.
    pub fn opening_reference_problems(&self, opening: &Opening) -> Vec<Problem> {
        let template = self
            .templates
            .get(opening.template.as_str())
            .map(|e| &e.template);
        opening.template_problems(template)
    }

    /// The reference errors of one candidate's file.
    fn reference_errors_of(&self, record: &CandidateRecord) -> Vec<FileError> {
        let path = record.dir.join(CANDIDATE_FILE);
        self.candidate_reference_problems(&record.candidate)
            .iter()
            .map(|problem| record.spots.error(&path, problem))
            .collect()
    }

    /// [`Self::recheck_references`] for the candidates in `dirs` only: what
    /// a change to those folders alone can move (a template or an opening
    /// that changed asks for the whole check).
    fn recheck_references_in(&mut self, dirs: &[PathBuf]) {
        let inside = |e: &FileError| dirs.iter().any(|dir| e.path.starts_with(dir));
        let (stale, mut kept): (Vec<FileError>, Vec<FileError>) =
            std::mem::take(&mut self.reference_errors)
                .into_iter()
                .partition(|e| inside(e));
        self.errors.retain(|e| !stale.contains(e));
        for dir in dirs {
            if let Some(record) = self.candidate_in(dir) {
                kept.extend(self.reference_errors_of(record));
            }
        }
        sort_errors(&mut kept);
        self.errors
            .extend(kept.iter().filter(|e| inside(e)).cloned());
        self.reference_errors = kept;
        sort_problems(&mut self.errors, &mut self.conflicts);
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

    /// Replaces the reference errors among `errors` with fresh ones.
    pub(super) fn recheck_references(&mut self) {
        let old = std::mem::take(&mut self.reference_errors);
        self.errors.retain(|e| !old.contains(e));
        self.reference_errors = self.compute_reference_errors();
        self.errors.extend(self.reference_errors.iter().cloned());
        sort_problems(&mut self.errors, &mut self.conflicts);
    }

    /// Applies what [`Workspace::refresh`] read: replaces the templates
    /// and the changed candidates, with their errors and conflict copies.
    ///
    /// Returns whether anything but fingerprints changed. A folder read
    /// again after the app's own write holds what the app already shows,
    /// so the caller can keep what it derived from the snapshot.
    pub fn apply(&mut self, refresh: Refresh, workspace: &Workspace) -> bool {
        // Only what the refresh read can move; without a template or an
        // opening, the references of the other candidates stand.
        let definitions_changed = refresh.templates.is_some() || refresh.openings.is_some();
        let candidate_dirs: Vec<PathBuf> = refresh
            .candidates
            .iter()
            .map(|(dir, _)| dir.clone())
            .collect();
        let errors_before = self.errors.clone();
        let conflicts_before = self.conflicts.clone();
        let mut changed = false;
        if let Some((openings, errors, conflicts)) = refresh.openings {
            let dir = workspace.openings_dir();
            changed |= openings != self.openings;
            self.openings = openings;
            self.replace_problems(|path| path.starts_with(&dir), errors, conflicts);
        }
        if let Some((mut templates, errors, conflicts)) = refresh.templates {
            let dir = workspace.templates_dir();
            templates.keep_last_good(&self.templates, &errors);
            changed |= templates != self.templates;
            self.templates = templates;
            // A shipped template's error (the tests prevent one) names its
            // path under `scorecards/`, and is read again with the rest.
            self.errors.retain(|e| !e.path.starts_with("scorecards"));
            self.replace_problems(|path| path.starts_with(&dir), errors, conflicts);
        }
        if let Some(files) = refresh.calibration {
            let files = *files;
            let ours = |path: &Path| {
                workspace.is_calibration_path(path)
                    || path.starts_with(Path::new("scorecards").join(PRACTICE_DIR))
                    || path.starts_with(Path::new("scorecards").join("nudges"))
            };
            self.replace_problems(ours, files.errors, files.conflicts);
            changed |= *files.nudges != *self.nudges
                || *files.practice != *self.practice
                || *files.practice_results != *self.practice_results;
            self.nudges = files.nudges;
            self.practice = files.practice;
            self.practice_results = files.practice_results;
        }
        for (dir, folder) in refresh.candidates {
            // The folder's notes, if it is still there, come back below.
            self.replace_problems(|path| path.starts_with(&dir), Vec::new(), Vec::new());
            self.modified.remove(&dir);
            let at = self.candidate_at(&dir).ok();
            match folder {
                CandidateFolder::Present(record, notes) => {
                    self.note_folder(&dir, notes);
                    match at.and_then(|at| self.candidates.get_mut(at)) {
                        Some(slot) => {
                            changed |= !slot.same_content(&record);
                            *slot = Arc::new(*record);
                        }
                        None => {
                            let at = self.candidates.partition_point(|r| r.dir < dir);
                            self.candidates.insert(at, Arc::new(*record));
                            changed = true;
                        }
                    }
                }
                CandidateFolder::Broken(notes) => {
                    self.note_folder(&dir, notes);
                    if let Some(at) = at {
                        self.candidates.remove(at);
                        changed = true;
                    }
                }
                CandidateFolder::Gone => {
                    if let Some(at) = at {
                        self.candidates.remove(at);
                        changed = true;
                    }
                }
            }
        }
        sort_problems(&mut self.errors, &mut self.conflicts);
        if definitions_changed {
            self.recheck_references();
        } else {
            self.recheck_references_in(&candidate_dirs);
        }
        changed || self.errors != errors_before || self.conflicts != conflicts_before
    }

    /// Drops the errors and conflict copies of the files `ours` says a
    /// refresh read again, and takes the ones it found instead.
    fn replace_problems(
        &mut self,
        ours: impl Fn(&Path) -> bool,
        errors: Vec<FileError>,
        conflicts: Vec<ConflictCopy>,
    ) {
        self.errors.retain(|e| !ours(&e.path));
        self.errors.extend(errors);
        self.conflicts.retain(|c| !ours(&c.path));
        self.conflicts.extend(conflicts);
    }

    /// Takes what a candidate folder holds besides its candidate: its
    /// errors, conflict copies and latest activity.
    pub(super) fn note_folder(&mut self, dir: &Path, notes: FolderNotes) {
        self.errors.extend(notes.errors);
        self.conflicts.extend(notes.conflicts);
        if let Some(modified) = notes.modified {
            self.modified.insert(dir.to_path_buf(), modified);
        }
    }
}

/// Errors and conflict copies in the order a snapshot keeps them (by path,
/// each once), so a load and a refresh that read the same files agree.
pub(super) fn sort_problems(errors: &mut Vec<FileError>, conflicts: &mut Vec<ConflictCopy>) {
    sort_errors(errors);
    conflicts.sort();
    conflicts.dedup();
}

/// Errors by path, then message, each once.
fn sort_errors(errors: &mut Vec<FileError>) {
    errors.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.message.cmp(&b.message)));
    errors.dedup();
}
