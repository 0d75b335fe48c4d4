//! The workspace folder: templates, candidates and their scorecards.
//!
//! ```text
//! <workspace>/
//!   templates/*.ron
//!   candidates/<candidate-id>/candidate.ron
//!   candidates/<candidate-id>/scorecards/<interviewer-slug>--<stage>.ron
//!   candidates/<candidate-id>/decision.ron
//!   openings/<opening-id>.ron
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use serde::Serialize;

use super::calibration_files::{
    NUDGES_FILE, PRACTICE_DIR, PRACTICE_RESULTS_DIR, load_nudges, load_practice,
    load_practice_results, practice_results_path, save_practice_results,
};
use super::listing::{Entry, classify, list, note_latest};
use super::locate::{LineCol, locate};
use super::parse::{
    parse_candidate, parse_decision, parse_opening, parse_scorecard, read_listed, read_text, to_ron,
};
use super::parse_any::read_and_parse_any;
use super::snapshot::sort_problems;
use super::sync_conflicts::{ConflictCopy, ConflictReason};
use super::template_set::copies_in;
use super::{FileError, StoreError, TemplateSet, write_atomic, write_atomic_new};
use crate::model::{
    Candidate, Decision, FieldPath, NudgeList, Opening, PracticeCase, PracticeResults, Problem,
    Scorecard, Slug, Template, Timestamp,
};

/// File name of a candidate's own record inside its folder.
pub(super) const CANDIDATE_FILE: &str = "candidate.ron";

/// File name of the panel's decision inside a candidate's folder.
pub const DECISION_FILE: &str = "decision.ron";

/// What a read keeps of each scorecard's free text (evidence, notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Texts {
    /// Everything, as in the file.
    Kept,
    /// Let go once the file is checked: for numbers only.
    Dropped,
}

/// A workspace folder on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
}

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

/// An opening and the file it lives in.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningRecord {
    /// Its file.
    pub path: PathBuf,
    /// The opening.
    pub opening: Opening,
    /// Where the values that name other files sit in the file.
    pub spots: Spots,
}

/// Where, in a file that parsed, the values that name other files sit
/// (an opening's template and stages, a candidate's opening and planned
/// stages), so a problem found later against other files points at its
/// line and column without reading the file again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spots(Vec<(String, LineCol)>);

impl Spots {
    fn of(text: &str, paths: impl IntoIterator<Item = FieldPath>) -> Self {
        Self(
            paths
                .into_iter()
                .map(|path| (path.to_string(), locate(text, &path)))
                .collect(),
        )
    }

    /// The problem as an error at its spot in `file` (line 1, column 1 if
    /// its spot was not kept).
    pub(super) fn error(&self, file: &Path, problem: &Problem) -> FileError {
        let key = problem.path.to_string();
        let at = self
            .0
            .iter()
            .find(|(path, _)| *path == key)
            .map_or(LineCol { line: 1, column: 1 }, |(_, at)| *at);
        FileError::new(file, at.line, at.column, problem.message.clone())
    }

    fn of_candidate(text: &str, candidate: &Candidate) -> Self {
        let root = FieldPath::root();
        let opening = candidate.opening.as_ref().map(|_| root.field("opening"));
        let stages = (0..candidate.interviews.len())
            .map(|i| root.field("interviews").index(i).field("stage"));
        Self::of(text, opening.into_iter().chain(stages))
    }

    fn of_opening(text: &str, opening: &Opening) -> Self {
        let root = FieldPath::root();
        let stages = (0..opening.plan.len()).map(|i| root.field("plan").index(i).field("stage"));
        Self::of(text, std::iter::once(root.field("template")).chain(stages))
    }
}

/// A candidate and their scorecards.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateRecord {
    /// The candidate's folder.
    pub dir: PathBuf,
    /// The candidate.
    pub candidate: Candidate,
    /// Their scorecards, sorted by file name.
    pub scorecards: Vec<ScorecardRecord>,
    /// The panel's decision (`decision.ron`), if one is recorded.
    pub decision: Option<Decision>,
    /// Where `candidate.ron` names other files.
    pub spots: Spots,
}

/// A scorecard and the file it lives in.
#[derive(Clone, Debug, PartialEq)]
pub struct ScorecardRecord {
    /// Its file.
    pub path: PathBuf,
    /// The scorecard.
    pub scorecard: Scorecard,
    /// [`fingerprint`] of the file's text as read, to notice when it
    /// changes on disk; `None` if it was never read from disk.
    pub fingerprint: Option<u64>,
}

/// A short digest of a file's text, to tell whether it changed since it was
/// read. Not cryptographic: it guards against accidents, not attackers.
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    // DefaultHasher::new() uses fixed keys: equal text, equal digest.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// How far a [`Workspace::load_with_progress`] got: candidate folders read,
/// of how many. Shared between the loading thread and the UI.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Folders read so far.
    pub done: AtomicUsize,
    /// Folders to read (0 until known).
    pub total: AtomicUsize,
}

impl LoadProgress {
    /// The fraction done, from 0 to 1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        self.done.load(Ordering::Relaxed) as f32 / total as f32
    }
}

/// One candidate folder, read again after a change.
#[derive(Clone, Debug)]
pub enum CandidateFolder {
    /// The candidate, with what else their folder holds.
    Present(Box<CandidateRecord>, FolderNotes),
    /// The folder cannot be used: `candidate.ron` is broken, or the folder
    /// is a link or has a name that is not UTF-8 (in `errors`).
    Broken(FolderNotes),
    /// The folder is gone (deleted, or not synced yet).
    Gone,
}

/// What a candidate folder holds besides the candidate and their counted
/// scorecards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FolderNotes {
    /// Files left out, each with its error.
    pub errors: Vec<FileError>,
    /// Conflict copies, never counted.
    pub conflicts: Vec<ConflictCopy>,
    /// The latest modification time of the folder's files.
    pub modified: Option<Timestamp>,
}

/// What changed on disk, read again: the templates if any template or
/// library file changed, and each candidate folder that changed.
#[derive(Clone, Debug, Default)]
pub struct Refresh {
    /// The templates in effect, their errors and conflict copies.
    pub templates: Option<(TemplateSet, Vec<FileError>, Vec<ConflictCopy>)>,
    /// Candidate folders read again.
    pub candidates: Vec<(PathBuf, CandidateFolder)>,
    /// The openings, their errors and conflict copies, if any file under
    /// `openings/` changed.
    pub openings: Option<(Vec<OpeningRecord>, Vec<FileError>, Vec<ConflictCopy>)>,
    /// The nudge list, practice cases and practice results, read again if
    /// any of their files (or a template) changed.
    pub calibration: Option<Box<CalibrationFiles>>,
}

/// The calibration files of a workspace as read: what the snapshot's
/// `nudges`, `practice` and `practice_results` hold, with their problems.
#[derive(Clone, Debug, Default)]
pub struct CalibrationFiles {
    /// The nudge list in effect.
    pub nudges: Arc<NudgeList>,
    /// The practice cases in effect.
    pub practice: Arc<Vec<PracticeCase>>,
    /// Every interviewer's practice results.
    pub practice_results: Arc<Vec<PracticeResults>>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// Copies of practice results, never counted.
    pub conflicts: Vec<ConflictCopy>,
}

impl Workspace {
    /// A workspace at `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The platform's data folder for Scorecard, such as
    /// `~/.local/share/scorecard` on Linux.
    pub fn default_root() -> Result<PathBuf, StoreError> {
        directories::ProjectDirs::from("", "", "Scorecard")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(StoreError::NoDataDir)
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where workspace templates live.
    pub fn templates_dir(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// Where openings live.
    pub fn openings_dir(&self) -> PathBuf {
        self.root.join("openings")
    }

    /// The file of one opening: `openings/<id>.ron`.
    pub fn opening_path(&self, id: &Slug) -> PathBuf {
        self.openings_dir().join(format!("{id}.ron"))
    }

    /// The file of a candidate's decision.
    pub fn decision_path(&self, candidate: &Slug) -> PathBuf {
        self.candidate_dir(candidate).join(DECISION_FILE)
    }

    /// Where candidates live.
    pub fn candidates_dir(&self) -> PathBuf {
        self.root.join("candidates")
    }

    /// A candidate's folder.
    pub fn candidate_dir(&self, id: &Slug) -> PathBuf {
        self.candidates_dir().join(id.as_str())
    }

    /// The file of one interviewer's scorecard at one stage:
    /// `<interviewer-slug>--<stage>.ron`. Two interviewers never share a file,
    /// so a synced workspace merges without conflicts.
    pub fn scorecard_path(
        &self,
        candidate: &Slug,
        interviewer: &str,
        stage: &str,
    ) -> Result<PathBuf, StoreError> {
        let who = Slug::from_name(interviewer).ok_or_else(|| {
            StoreError::InvalidName(format!(
                "interviewer name {interviewer:?} needs at least one letter or digit"
            ))
        })?;
        if !stage.is_empty() {
            Slug::new(stage).map_err(|e| StoreError::InvalidName(e.to_string()))?;
        }
        Ok(self
            .candidate_dir(candidate)
            .join("scorecards")
            .join(format!("{who}--{stage}.ron")))
    }

    /// Reads the whole workspace. Broken files are listed in
    /// [`WorkspaceSnapshot::errors`] and everything else is read.
    pub fn load(&self) -> WorkspaceSnapshot {
        self.load_with_progress(&LoadProgress::default())
    }

    /// [`Workspace::load`], counting candidate folders in `progress` as
    /// they are read, so a progress bar can follow. Folders are read in
    /// parallel: parsing, not the disk, is the cost with a warm cache.
    pub fn load_with_progress(&self, progress: &LoadProgress) -> WorkspaceSnapshot {
        self.load_keeping(progress, Texts::Kept)
    }

    /// [`Workspace::load`] for a command that prints numbers only
    /// (`scorecard summary`): every file is read and checked as always,
    /// then each scorecard's evidence and notes are let go, which is about
    /// a third of a workspace. Never write a scorecard of this snapshot
    /// back: its texts are gone.
    pub fn load_numbers(&self) -> WorkspaceSnapshot {
        self.load_keeping(&LoadProgress::default(), Texts::Dropped)
    }

    fn load_keeping(&self, progress: &LoadProgress, texts: Texts) -> WorkspaceSnapshot {
        use rayon::prelude::*;
        let (templates, mut errors, mut conflicts) = self.load_templates();
        let calibration = self.load_calibration(&templates);
        errors.extend(calibration.errors);
        conflicts.extend(calibration.conflicts);
        let (openings, opening_errors, opening_conflicts) = self.load_openings();
        errors.extend(opening_errors);
        conflicts.extend(opening_conflicts);
        let mut candidates = Vec::new();
        let mut modified = BTreeMap::new();
        let listing = list(&self.candidates_dir());
        errors.extend(listing.errors);
        let dirs = listing.dirs;
        progress.total.store(dirs.len(), Ordering::Relaxed);
        let folders: Vec<CandidateFolder> = dirs
            .par_iter()
            .map(|dir| {
                let folder = self.load_candidate_folder_keeping(dir, texts);
                progress.done.fetch_add(1, Ordering::Relaxed);
                folder
            })
            .collect();
        // Collected in folder order, so the result does not depend on timing.
        for (dir, folder) in dirs.into_iter().zip(folders) {
            let notes = match folder {
                CandidateFolder::Present(record, notes) => {
                    candidates.push(Arc::new(*record));
                    notes
                }
                CandidateFolder::Broken(notes) => notes,
                CandidateFolder::Gone => continue,
            };
            errors.extend(notes.errors);
            conflicts.extend(notes.conflicts);
            if let Some(time) = notes.modified {
                modified.insert(dir, time);
            }
        }
        // In the order `apply` keeps them, so a refresh that changes
        // nothing compares equal.
        sort_problems(&mut errors, &mut conflicts);
        let mut snapshot = WorkspaceSnapshot {
            templates,
            openings,
            candidates,
            errors,
            conflicts,
            modified,
            nudges: calibration.nudges,
            practice: calibration.practice,
            practice_results: calibration.practice_results,
            reference_errors: Vec::new(),
        };
        snapshot.recheck_references();
        snapshot
    }

    /// The templates in effect and the openings, without any candidate:
    /// what other files are checked against (`scorecard validate`).
    /// Their errors are left out; validating those files reports them.
    pub fn load_definitions(&self) -> WorkspaceSnapshot {
        let (templates, _, _) = self.load_templates();
        let (openings, _, _) = self.load_openings();
        WorkspaceSnapshot {
            templates,
            openings,
            ..WorkspaceSnapshot::default()
        }
    }

    /// The openings in `openings/`, sorted by id, with their errors and
    /// conflict copies. An opening whose id is not its file name is an
    /// error (the file name is how candidates find it).
    pub fn load_openings(&self) -> (Vec<OpeningRecord>, Vec<FileError>, Vec<ConflictCopy>) {
        let listing = list(&self.openings_dir());
        let mut errors = listing.errors;
        let conflicts = listing
            .copies
            .into_iter()
            .map(|(path, reason)| ConflictCopy {
                path,
                candidate: None,
                reason,
            })
            .collect();
        let mut openings = Vec::new();
        for path in listing.files {
            let parsed = read_text(&path).and_then(|text| {
                let opening = parse_opening(&path, &text)?;
                let spots = Spots::of_opening(&text, &opening);
                Ok((opening, spots))
            });
            match parsed {
                Ok((opening, spots)) => {
                    let stem = path
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or_default();
                    if opening.id.as_str() == stem {
                        openings.push(OpeningRecord {
                            path,
                            opening,
                            spots,
                        });
                    } else {
                        errors.push(FileError::whole_file(
                            &path,
                            format!(
                                "opening id {:?} does not match its file name {stem:?}",
                                opening.id.as_str()
                            ),
                        ));
                    }
                }
                Err(err) => errors.push(err),
            }
        }
        openings.sort_by(|a, b| a.opening.id.cmp(&b.opening.id));
        (openings, errors, conflicts)
    }

    /// The nudge list, practice cases (checked against `templates`) and
    /// practice results.
    fn load_calibration(&self, templates: &TemplateSet) -> CalibrationFiles {
        let (nudges, mut errors) = load_nudges(&self.root);
        let (practice, practice_errors) = load_practice(&self.root, templates);
        errors.extend(practice_errors);
        let (practice_results, result_errors, conflicts) = load_practice_results(&self.root);
        errors.extend(result_errors);
        CalibrationFiles {
            nudges,
            practice: Arc::new(practice),
            practice_results: Arc::new(practice_results),
            errors,
            conflicts,
        }
    }

    /// Whether `path` is one of the calibration files (or in their folders).
    /// The calibration files and folders: the nudge list, the practice
    /// cases, the practice results.
    pub(crate) fn calibration_paths(&self) -> [PathBuf; 3] {
        [
            self.root.join(NUDGES_FILE),
            self.root.join(PRACTICE_DIR),
            self.root.join(PRACTICE_RESULTS_DIR),
        ]
    }

    pub(super) fn is_calibration_path(&self, path: &Path) -> bool {
        path == self.root.join(NUDGES_FILE)
            || path.starts_with(self.root.join(PRACTICE_DIR))
            || path.starts_with(self.root.join(PRACTICE_RESULTS_DIR))
    }

    /// The templates in effect, their errors and the conflict copies in
    /// `templates/` and `templates/library/`.
    fn load_templates(&self) -> (TemplateSet, Vec<FileError>, Vec<ConflictCopy>) {
        let dir = self.templates_dir();
        let (set, errors) = TemplateSet::load(&dir);
        let mut conflicts = copies_in(&dir);
        conflicts.extend(copies_in(&dir.join("library")));
        (set, errors, conflicts)
    }

    /// Reads again what `changed` paths touch: the templates (if a path is
    /// under `templates/`) and each candidate folder a path lies in.
    pub fn refresh(&self, changed: &[PathBuf]) -> Refresh {
        let templates_dir = self.templates_dir();
        let candidates_dir = self.candidates_dir();
        let mut refresh = Refresh::default();
        if changed.iter().any(|p| p.starts_with(&templates_dir)) {
            refresh.templates = Some(self.load_templates());
        }
        let openings_dir = self.openings_dir();
        if changed.iter().any(|p| p.starts_with(&openings_dir)) {
            refresh.openings = Some(self.load_openings());
        }
        // Practice cases are checked against the templates: read them
        // again when either changes.
        if refresh.templates.is_some() || changed.iter().any(|p| self.is_calibration_path(p)) {
            let templates = match &refresh.templates {
                Some((templates, _, _)) => templates.clone(),
                None => TemplateSet::load(&templates_dir).0,
            };
            refresh.calibration = Some(Box::new(self.load_calibration(&templates)));
        }
        let mut dirs: Vec<PathBuf> = changed
            .iter()
            .filter_map(|p| {
                let id = p.strip_prefix(&candidates_dir).ok()?.components().next()?;
                Some(candidates_dir.join(id))
            })
            .collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
            let folder = self.load_candidate_folder(&dir);
            refresh.candidates.push((dir, folder));
        }
        refresh
    }

    /// Reads one candidate folder. A folder that is a symbolic link, or
    /// whose name is not UTF-8, is [`CandidateFolder::Broken`] with that
    /// error; nothing is read through it.
    pub fn load_candidate_folder(&self, dir: &Path) -> CandidateFolder {
        self.load_candidate_folder_keeping(dir, Texts::Kept)
    }

    fn load_candidate_folder_keeping(&self, dir: &Path, texts: Texts) -> CandidateFolder {
        let Ok(meta) = fs::symlink_metadata(dir) else {
            return CandidateFolder::Gone;
        };
        match classify(dir, meta.file_type()) {
            Entry::Dir(_) => {}
            Entry::Problem(error) => {
                return CandidateFolder::Broken(FolderNotes {
                    errors: vec![error],
                    ..FolderNotes::default()
                });
            }
            Entry::Skip | Entry::Ron(_) | Entry::Copy(..) => return CandidateFolder::Gone,
        }
        // Classified as a folder, so its name is UTF-8.
        let folder_name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let mut top = list(dir);
        let cards = list(&dir.join("scorecards"));
        let mut notes = FolderNotes {
            errors: std::mem::take(&mut top.errors),
            conflicts: Vec::new(),
            modified: None,
        };
        notes.errors.extend(cards.errors);
        let copy = |(path, reason)| ConflictCopy {
            path,
            candidate: Some(folder_name.to_owned()),
            reason,
        };
        notes
            .conflicts
            .extend(std::mem::take(&mut top.copies).into_iter().map(copy));
        notes.conflicts.extend(cards.copies.into_iter().map(copy));
        // The listings timed every file but the `.ron` ones, which are
        // timed as they are read; a `.ron` file here that is not read is
        // timed on its own.
        let mut activity = top.modified.max(cards.modified);
        for path in &top.files {
            let name = path.file_name().and_then(|n| n.to_str());
            if name != Some(CANDIDATE_FILE)
                && name != Some(DECISION_FILE)
                && let Ok(time) = fs::symlink_metadata(path).and_then(|m| m.modified())
            {
                note_latest(&mut activity, time);
            }
        }
        let loaded = self.load_candidate(
            texts,
            dir,
            cards.files,
            &top.files,
            &mut notes,
            &mut activity,
        );
        notes.modified = activity.map(to_timestamp);
        match loaded {
            Ok(record) => CandidateFolder::Present(Box::new(record), notes),
            Err(err) => {
                notes.errors.push(err);
                CandidateFolder::Broken(notes)
            }
        }
    }

    fn load_candidate(
        &self,
        texts: Texts,
        dir: &Path,
        files: Vec<PathBuf>,
        top_files: &[PathBuf],
        notes: &mut FolderNotes,
        activity: &mut Option<SystemTime>,
    ) -> Result<CandidateRecord, FileError> {
        // Classified as a folder by the caller, so its name is UTF-8.
        let folder_name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let path = dir.join(CANDIDATE_FILE);
        let mut read = |path: &Path| {
            let (text, time) = read_listed(path);
            if let Some(time) = time {
                note_latest(activity, time);
            }
            text
        };
        // Not listed as a regular file: `read_text` looks and says what it is.
        let text = if top_files.contains(&path) {
            read(&path)
        } else {
            read_text(&path)
        };
        let (candidate, spots) = text.and_then(|text| {
            let candidate = parse_candidate(&path, &text)?;
            let spots = Spots::of_candidate(&text, &candidate);
            Ok((candidate, spots))
        })?;
        if candidate.id.as_str() != folder_name {
            return Err(FileError::whole_file(
                &path,
                format!(
                    "candidate id {:?} does not match its folder {folder_name:?}",
                    candidate.id.as_str()
                ),
            ));
        }
        let mut scorecards = Vec::new();
        for path in files {
            let parsed = read(&path).and_then(|text| {
                let scorecard = parse_scorecard(&path, &text)?;
                Ok((scorecard, fingerprint(&text)))
            });
            match parsed {
                Ok((scorecard, _)) if scorecard.candidate != candidate.id => {
                    notes.errors.push(FileError::whole_file(
                        &path,
                        format!(
                            "scorecard is for candidate {:?}, but lies in the folder of {:?}",
                            scorecard.candidate.as_str(),
                            candidate.id.as_str()
                        ),
                    ));
                }
                Ok((mut scorecard, fingerprint)) => {
                    // Held for as long as the workspace is open: no spare
                    // room in its texts or its path.
                    if texts == Texts::Dropped {
                        scorecard.drop_texts();
                    }
                    scorecard.shrink_to_fit();
                    let mut path = path;
                    path.shrink_to_fit();
                    scorecards.push(ScorecardRecord {
                        path,
                        scorecard,
                        fingerprint: Some(fingerprint),
                    });
                }
                Err(err) => notes.errors.push(err),
            }
        }
        let mut scorecards = one_per_interviewer_and_stage(scorecards, folder_name, notes);
        scorecards.shrink_to_fit();
        let decision = self.load_decision(dir, &candidate, top_files, notes, &mut read);
        Ok(CandidateRecord {
            dir: dir.to_path_buf(),
            candidate,
            scorecards,
            decision,
            spots,
        })
    }

    /// The decision in a candidate's folder, if `decision.ron` is among
    /// the folder's files and holds a decision on this candidate; an error
    /// in `notes` otherwise.
    fn load_decision(
        &self,
        dir: &Path,
        candidate: &Candidate,
        top_files: &[PathBuf],
        notes: &mut FolderNotes,
        read: &mut impl FnMut(&Path) -> Result<String, FileError>,
    ) -> Option<Decision> {
        let path = dir.join(DECISION_FILE);
        if !top_files.contains(&path) {
            return None;
        }
        match read(&path).and_then(|text| parse_decision(&path, &text)) {
            Ok(decision) if decision.candidate != candidate.id => {
                notes.errors.push(FileError::whole_file(
                    &path,
                    format!(
                        "decision is on candidate {:?}, but lies in the folder of {:?}",
                        decision.candidate.as_str(),
                        candidate.id.as_str()
                    ),
                ));
                None
            }
            Ok(decision) => Some(decision),
            Err(err) => {
                notes.errors.push(err);
                None
            }
        }
    }

    /// Writes a candidate's record, creating their folder.
    pub fn save_candidate(&self, candidate: &Candidate) -> Result<PathBuf, StoreError> {
        let path = self.candidate_dir(&candidate.id).join(CANDIDATE_FILE);
        self.refuse_links_on_the_way(&path)?;
        save_file(&path, candidate, "candidate")?;
        Ok(path)
    }

    /// Writes one interviewer's practice results
    /// (`practice-results/<interviewer-slug>.ron`), atomically; a symbolic
    /// link on the way is refused, a broken file in its place kept.
    pub fn save_practice_results(&self, results: &PracticeResults) -> Result<PathBuf, StoreError> {
        if let Some(path) = practice_results_path(&self.root, &results.interviewer) {
            self.refuse_links_on_the_way(&path)?;
        }
        save_practice_results(&self.root, results)
    }

    /// Writes an opening to `openings/<id>.ron`.
    pub fn save_opening(&self, opening: &Opening) -> Result<PathBuf, StoreError> {
        let path = self.opening_path(&opening.id);
        self.refuse_links_on_the_way(&path)?;
        save_file(&path, opening, "opening")?;
        Ok(path)
    }

    /// Writes a candidate's decision to `decision.ron` in their folder.
    pub fn save_decision(&self, decision: &Decision) -> Result<PathBuf, StoreError> {
        let path = self.decision_path(&decision.candidate);
        self.refuse_links_on_the_way(&path)?;
        save_file(&path, decision, "decision")?;
        Ok(path)
    }

    /// Writes a scorecard to `path` (its record's file, or
    /// [`Workspace::scorecard_path`] for a new one).
    pub fn save_scorecard(&self, path: &Path, scorecard: &Scorecard) -> Result<(), StoreError> {
        self.refuse_links_on_the_way(path)?;
        save_file(path, scorecard, "scorecard")
    }

    /// Writes a scorecard only if the file on disk is still the one last
    /// read or written (`expected`, a [`fingerprint`]; `None`: the file must
    /// not exist yet). Returns the fingerprint of what it wrote. If the file
    /// changed meanwhile (a sync tool brought another version), nothing is
    /// written: the caller keeps both versions and asks.
    pub fn save_scorecard_checked(
        &self,
        path: &Path,
        scorecard: &Scorecard,
        expected: Option<u64>,
    ) -> Result<u64, StoreError> {
        self.candidate_still_there(path)?;
        let current = self.fingerprint_on_disk(path)?;
        if current != expected {
            return Err(StoreError::ChangedOnDisk {
                path: path.to_path_buf(),
            });
        }
        let text = to_ron(scorecard, "scorecard")?;
        if path.exists()
            && let Err(err) = read_and_parse_any(path)
        {
            return Err(StoreError::WouldOverwriteBroken { error: err });
        }
        write_atomic(path, text.as_bytes())?;
        Ok(fingerprint(&text))
    }

    /// Writes `scorecard` beside its file as a conflict copy: under `path`,
    /// or that name with ` 2`, ` 3`, … added to its stem if it is taken. It
    /// never replaces a file, never writes through a link, and never brings
    /// back an erased candidate's folder. Returns where it was written.
    pub fn write_conflict_copy(
        &self,
        path: &Path,
        scorecard: &Scorecard,
    ) -> Result<PathBuf, StoreError> {
        self.refuse_links_on_the_way(path)?;
        self.candidate_still_there(path)?;
        let text = to_ron(scorecard, "scorecard")?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for n in 1..=1000 {
            let name = if n == 1 {
                path.to_path_buf()
            } else {
                path.with_file_name(format!("{stem} {n}.ron"))
            };
            if write_atomic_new(&name, text.as_bytes())? {
                return Ok(name);
            }
        }
        Err(StoreError::InvalidName(format!(
            "{}: a thousand copies of this scorecard exist already; not written",
            path.display()
        )))
    }

    /// Refuses a write under `candidates/<id>/` once that folder is gone.
    fn candidate_still_there(&self, path: &Path) -> Result<(), StoreError> {
        let Ok(inside) = path.strip_prefix(self.candidates_dir()) else {
            return Ok(());
        };
        let Some(id) = inside.components().next() else {
            return Ok(());
        };
        let dir = self.candidates_dir().join(id);
        if fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            Ok(())
        } else {
            Err(StoreError::CandidateGone { dir })
        }
    }

    /// What the scorecard file at `path` holds now, as a fingerprint
    /// (`None`: absent). Nothing is read through a link, and only a regular
    /// file is opened: a FIFO put in its place is refused, not waited on.
    pub fn fingerprint_on_disk(&self, path: &Path) -> Result<Option<u64>, StoreError> {
        use std::io::Read;
        self.refuse_links_on_the_way(path)?;
        match fs::symlink_metadata(path) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(StoreError::io(path, err)),
            Ok(_) => {}
        }
        let mut file = super::listing::open_regular(path)
            .map_err(|error| StoreError::WouldOverwriteBroken { error })?;
        let mut text = String::new();
        file.read_to_string(&mut text)
            .map_err(|err| StoreError::io(path, err))?;
        Ok(Some(fingerprint(
            text.strip_prefix('\u{feff}').unwrap_or(&text),
        )))
    }

    /// Writes a template into the workspace's `templates/` folder.
    pub fn save_template(&self, template: &Template) -> Result<PathBuf, StoreError> {
        let path = self.templates_dir().join(format!("{}.ron", template.id));
        self.refuse_links_on_the_way(&path)?;
        save_file(&path, template, "template")?;
        Ok(path)
    }

    /// Refuses to write `path` if it, or a folder between the workspace
    /// folder and it, is a symbolic link: a save never writes through a
    /// link, so never outside the workspace. (The workspace folder itself
    /// may be a link: the person chose it.)
    fn refuse_links_on_the_way(&self, path: &Path) -> Result<(), StoreError> {
        let Ok(inside) = path.strip_prefix(&self.root) else {
            return Ok(());
        };
        let mut at = self.root.clone();
        for part in inside.components() {
            at.push(part);
            match fs::symlink_metadata(&at) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return Err(StoreError::Link { path: at });
                }
                Ok(_) => {}
                // The rest does not exist yet: it is created as folders.
                Err(_) => break,
            }
        }
        Ok(())
    }
}

/// Writes `value` to `path` atomically, unless `path` holds a file that does
/// not parse: a broken file is someone's work in progress (or a sync tool's
/// half-merged copy) and is never overwritten.
fn save_file<T: Serialize>(path: &Path, value: &T, what: &'static str) -> Result<(), StoreError> {
    if path.exists()
        && let Err(err) = read_and_parse_any(path)
    {
        return Err(StoreError::WouldOverwriteBroken { error: err });
    }
    let text = to_ron(value, what)?;
    write_atomic(path, text.as_bytes())
}

/// The canonical file name of a scorecard: `<interviewer-slug>--<stage>.ron`
/// (see [`Workspace::scorecard_path`]); `None` if the interviewer's name
/// makes no slug.
fn canonical_name(scorecard: &Scorecard) -> Option<String> {
    let who = Slug::from_name(&scorecard.interviewer)?;
    Some(format!("{who}--{}.ron", scorecard.stage))
}

/// One scorecard per interviewer and stage (DESIGN.md "Workspace
/// hygiene"): where several files (sorted by path) hold the scorecard of
/// one interviewer at one stage, the one under the canonical name counts
/// and the others become conflict copies; if none has the canonical name,
/// none counts. A single file counts whatever its name.
fn one_per_interviewer_and_stage(
    scorecards: Vec<ScorecardRecord>,
    candidate: &str,
    notes: &mut FolderNotes,
) -> Vec<ScorecardRecord> {
    let key = |s: &ScorecardRecord| {
        let who = Slug::from_name(&s.scorecard.interviewer).map_or_else(
            || s.scorecard.interviewer.to_string(),
            |slug| slug.to_string(),
        );
        (who, s.scorecard.stage.to_string())
    };
    let mut count: BTreeMap<(String, String), usize> = BTreeMap::new();
    for s in &scorecards {
        *count.entry(key(s)).or_default() += 1;
    }
    if count.values().all(|&n| n == 1) {
        return scorecards;
    }
    let is_canonical = |s: &ScorecardRecord| {
        let name = s.path.file_name().and_then(|n| n.to_str());
        name.is_some() && name.map(str::to_owned) == canonical_name(&s.scorecard)
    };
    let with_canonical: std::collections::BTreeSet<(String, String)> = scorecards
        .iter()
        .filter(|s| is_canonical(s))
        .map(key)
        .collect();
    let mut kept = Vec::with_capacity(scorecards.len());
    for s in scorecards {
        let k = key(&s);
        if count.get(&k).copied().unwrap_or(0) < 2 || is_canonical(&s) {
            kept.push(s);
            continue;
        }
        let canonical =
            canonical_name(&s.scorecard).unwrap_or_else(|| format!("{}--{}.ron", k.0, k.1));
        let reason = if with_canonical.contains(&k) {
            ConflictReason::SameAs(canonical)
        } else {
            ConflictReason::NoCanonical(canonical)
        };
        notes.conflicts.push(ConflictCopy {
            path: s.path,
            candidate: Some(candidate.to_owned()),
            reason,
        });
    }
    kept
}

/// A file's modification time as a [`Timestamp`].
pub(crate) fn to_timestamp(time: std::time::SystemTime) -> Timestamp {
    Timestamp::from_utc(chrono::DateTime::<chrono::Utc>::from(time))
}
