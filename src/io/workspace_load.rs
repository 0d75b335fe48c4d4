//! Owns reading the workspace: the whole of it (in parallel, with
//! progress), the definitions alone, or again only what changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use super::calibration_files::{load_nudges, load_practice, load_practice_results};
use super::listing::{Entry, classify, list, note_latest};
use super::parse::{
    parse_candidate, parse_decision, parse_opening, parse_performance_against, parse_scorecard,
    read_listed, read_text,
};
use super::records::{
    CalibrationFiles, CandidateFolder, CandidateRecord, FolderNotes, OpeningRecord, Refresh,
    ScorecardRecord, Spots, fingerprint,
};
use super::snapshot::WorkspaceSnapshot;
use super::sync_conflicts::{ConflictCopy, ConflictReason};
use super::template_set::copies_in;
use super::workspace::{CANDIDATE_FILE, DECISION_FILE, PERFORMANCE_FILE, Workspace};
use super::{FileError, TemplateSet};
use crate::model::{Candidate, Decision, Performance, Scorecard, Slug, Timestamp};

/// What a read keeps of each scorecard's free text (evidence, notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Texts {
    /// Everything, as in the file.
    Kept,
    /// Let go once the file is checked: for numbers only.
    Dropped,
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

impl Workspace {
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
        let (openings, opening_errors, opening_conflicts) = self.load_openings();
        errors.extend(opening_errors);
        conflicts.extend(opening_conflicts);
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
        let folders = dirs.into_iter().zip(folders).collect();
        WorkspaceSnapshot::from_read(templates, openings, calibration, errors, conflicts, folders)
    }

    /// The templates in effect and the openings, without any candidate:
    /// what other files are checked against (`scorecard validate`).
    /// Their errors are left out; validating those files reports them.
    pub fn load_definitions(&self) -> WorkspaceSnapshot {
        let (templates, _, _) = self.load_templates();
        let (openings, _, _) = self.load_openings();
        WorkspaceSnapshot::new(templates, openings, Vec::new())
    }

    /// The openings in `openings/`, sorted by id, with their errors and
    /// conflict copies. An opening whose id is not its file name is an
    /// error (the file name is how candidates find it).
    pub fn load_openings(&self) -> (Vec<OpeningRecord>, Vec<FileError>, Vec<ConflictCopy>) {
        let listing = list(&self.openings_dir());
        let mut errors = listing.errors;
        let conflicts = ConflictCopy::listed(listing.copies, None).collect();
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
        let (nudges, mut errors) = load_nudges(self.root());
        let (practice, practice_errors) = load_practice(self.root(), templates);
        errors.extend(practice_errors);
        let (practice_results, result_errors, conflicts) = load_practice_results(self.root());
        errors.extend(result_errors);
        CalibrationFiles {
            nudges,
            practice: Arc::new(practice),
            practice_results: Arc::new(practice_results),
            errors,
            conflicts,
        }
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
        for dir in self.candidate_folders_of(changed) {
            let folder = self.load_candidate_folder(&dir);
            refresh.candidates.push((dir, folder));
        }
        refresh
    }

    /// The candidate folders `changed` paths are in (or are), sorted, each
    /// once: what [`Self::refresh`] reads again of the candidates.
    pub fn candidate_folders_of(&self, changed: &[PathBuf]) -> Vec<PathBuf> {
        let candidates_dir = self.candidates_dir();
        let mut dirs: Vec<PathBuf> = changed
            .iter()
            .filter_map(|p| {
                let id = p.strip_prefix(&candidates_dir).ok()?.components().next()?;
                Some(candidates_dir.join(id))
            })
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs
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
        let candidate = Some(folder_name);
        notes.conflicts.extend(ConflictCopy::listed(
            std::mem::take(&mut top.copies),
            candidate,
        ));
        notes
            .conflicts
            .extend(ConflictCopy::listed(cards.copies, candidate));
        // The listings timed every file but the `.ron` ones, which are
        // timed as they are read; a `.ron` file here that is not read is
        // timed on its own.
        let mut activity = top.modified.max(cards.modified);
        for path in &top.files {
            let name = path.file_name().and_then(|n| n.to_str());
            if name != Some(CANDIDATE_FILE)
                && name != Some(DECISION_FILE)
                && name != Some(PERFORMANCE_FILE)
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
                    notes.errors.push(in_another_folder(
                        &path,
                        "scorecard is for",
                        &scorecard.candidate,
                        &candidate.id,
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
        let performance = load_performance(
            dir,
            &candidate,
            decision.as_ref(),
            top_files,
            notes,
            &mut read,
        );
        Ok(CandidateRecord {
            dir: dir.to_path_buf(),
            candidate,
            scorecards,
            decision,
            performance,
            spots,
            // The folder's, with its other notes: the snapshot puts it here.
            modified: None,
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
                notes.errors.push(in_another_folder(
                    &path,
                    "decision is on",
                    &decision.candidate,
                    &candidate.id,
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
}

/// The performance reviews in a candidate's folder, if `performance.ron`
/// is among the folder's files, is on this candidate and keeps its rules
/// (checked against the decision: reviews are of hires, dated after the
/// decision); an error in `notes` otherwise, and the file is not counted.
fn load_performance(
    dir: &Path,
    candidate: &Candidate,
    decision: Option<&Decision>,
    top_files: &[PathBuf],
    notes: &mut FolderNotes,
    read: &mut impl FnMut(&Path) -> Result<String, FileError>,
) -> Option<Performance> {
    let path = dir.join(PERFORMANCE_FILE);
    if !top_files.contains(&path) {
        return None;
    }
    let parsed = read(&path)
        .and_then(|text| parse_performance_against(&path, &text, candidate.id.as_str(), decision));
    match parsed {
        Ok(performance) => Some(performance),
        Err(err) => {
            notes.errors.push(err);
            None
        }
    }
}

/// A file of `named`'s lying in `folder`'s folder: "`what` candidate
/// "named", but lies in the folder of "folder"".
fn in_another_folder(path: &Path, what: &str, named: &Slug, folder: &Slug) -> FileError {
    FileError::whole_file(
        path,
        format!(
            "{what} candidate {:?}, but lies in the folder of {:?}",
            named.as_str(),
            folder.as_str()
        ),
    )
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
