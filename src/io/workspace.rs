//! The workspace folder: templates, candidates and their scorecards.
//!
//! ```text
//! <workspace>/
//!   templates/*.ron
//!   candidates/<candidate-id>/candidate.ron
//!   candidates/<candidate-id>/scorecards/<interviewer-slug>--<stage>.ron
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use super::parse::{parse_candidate, parse_scorecard, read_and_parse_any, read_text, to_ron};
use super::template_set::{ron_and_conflict_files, ron_files};
use super::{FileError, StoreError, TemplateSet, write_atomic};
use crate::model::stats::{Summary, SummaryView, summarize_view};
use crate::model::{Candidate, Scorecard, Slug, Template};

/// File name of a candidate's own record inside its folder.
const CANDIDATE_FILE: &str = "candidate.ron";

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
    /// Candidates, sorted by id. Shared, so a copy of the snapshot for a
    /// background computation costs a pointer per candidate, not a deep
    /// copy; change one with [`Arc::make_mut`].
    pub candidates: Vec<Arc<CandidateRecord>>,
    /// Files left out, each with its error.
    pub errors: Vec<FileError>,
    /// Sync tools' conflict copies, for a person to resolve; never counted.
    pub conflicts: Vec<PathBuf>,
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
    /// The candidate, with the errors and conflict copies of their files.
    Present(Box<CandidateRecord>, Vec<FileError>, Vec<PathBuf>),
    /// `candidate.ron` cannot be used.
    Broken(FileError, Vec<PathBuf>),
    /// The folder is gone (deleted, or not synced yet).
    Gone,
}

/// What changed on disk, read again: the templates if any template or
/// library file changed, and each candidate folder that changed.
#[derive(Clone, Debug, Default)]
pub struct Refresh {
    /// The templates in effect, their errors and conflict copies.
    pub templates: Option<(TemplateSet, Vec<FileError>, Vec<PathBuf>)>,
    /// Candidate folders read again.
    pub candidates: Vec<(PathBuf, CandidateFolder)>,
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
            templates: self
                .templates
                .iter()
                .map(|entry| (entry.template.id.as_str(), &entry.template))
                .collect(),
        }
    }

    /// The aggregates of the whole workspace (DESIGN.md "Aggregates").
    pub fn summarize(&self) -> Summary {
        summarize_view(&self.summary_view())
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

    /// Applies what [`Workspace::refresh`] read: replaces the templates
    /// and the changed candidates, with their errors and conflict copies.
    ///
    /// Returns whether anything but fingerprints changed. A folder read
    /// again after the app's own write holds what the app already shows,
    /// so the caller can keep what it derived from the snapshot.
    pub fn apply(&mut self, refresh: Refresh, workspace: &Workspace) -> bool {
        let errors_before = self.errors.clone();
        let conflicts_before = self.conflicts.clone();
        let mut changed = false;
        if let Some((mut templates, errors, conflicts)) = refresh.templates {
            let dir = workspace.templates_dir();
            templates.keep_last_good(&self.templates, &errors);
            changed |= templates != self.templates;
            self.templates = templates;
            self.errors
                .retain(|e| !e.path.starts_with(&dir) && !e.path.starts_with("scorecards"));
            self.errors.extend(errors);
            self.conflicts.retain(|p| !p.starts_with(&dir));
            self.conflicts.extend(conflicts);
        }
        for (dir, folder) in refresh.candidates {
            self.errors.retain(|e| !e.path.starts_with(&dir));
            self.conflicts.retain(|p| !p.starts_with(&dir));
            let at = self.candidates.iter().position(|r| r.dir == dir);
            match folder {
                CandidateFolder::Present(record, errors, conflicts) => {
                    self.errors.extend(errors);
                    self.conflicts.extend(conflicts);
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
                CandidateFolder::Broken(error, conflicts) => {
                    self.errors.push(error);
                    self.conflicts.extend(conflicts);
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
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
        self.conflicts.sort();
        self.conflicts.dedup();
        changed || self.errors != errors_before || self.conflicts != conflicts_before
    }
}

impl CandidateRecord {
    /// Whether `other` holds the same candidate and scorecards, in the same
    /// files, whatever their fingerprints.
    pub fn same_content(&self, other: &CandidateRecord) -> bool {
        self.dir == other.dir
            && self.candidate == other.candidate
            && self.scorecards.len() == other.scorecards.len()
            && self
                .scorecards
                .iter()
                .zip(&other.scorecards)
                .all(|(a, b)| a.path == b.path && a.scorecard == b.scorecard)
    }
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
        use rayon::prelude::*;
        let (templates, mut errors) = TemplateSet::load(&self.templates_dir());
        let mut conflicts = ron_and_conflict_files(&self.templates_dir()).1;
        let mut candidates = Vec::new();
        let dirs = sub_dirs(&self.candidates_dir());
        progress.total.store(dirs.len(), Ordering::Relaxed);
        let folders: Vec<CandidateFolder> = dirs
            .par_iter()
            .map(|dir| {
                let folder = self.load_candidate_folder(dir);
                progress.done.fetch_add(1, Ordering::Relaxed);
                folder
            })
            .collect();
        // Collected in folder order, so the result does not depend on timing.
        for folder in folders {
            match folder {
                CandidateFolder::Present(record, mut file_errors, mut copies) => {
                    candidates.push(Arc::new(*record));
                    errors.append(&mut file_errors);
                    conflicts.append(&mut copies);
                }
                CandidateFolder::Broken(err, mut copies) => {
                    errors.push(err);
                    conflicts.append(&mut copies);
                }
                CandidateFolder::Gone => {}
            }
        }
        // In the order `apply` keeps them, so a refresh that changes
        // nothing compares equal.
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        conflicts.sort();
        conflicts.dedup();
        WorkspaceSnapshot {
            templates,
            candidates,
            errors,
            conflicts,
        }
    }

    /// Reads again what `changed` paths touch: the templates (if a path is
    /// under `templates/`) and each candidate folder a path lies in.
    pub fn refresh(&self, changed: &[PathBuf]) -> Refresh {
        let templates_dir = self.templates_dir();
        let candidates_dir = self.candidates_dir();
        let mut refresh = Refresh::default();
        if changed.iter().any(|p| p.starts_with(&templates_dir)) {
            let (set, errors) = TemplateSet::load(&templates_dir);
            let conflicts = ron_and_conflict_files(&templates_dir).1;
            refresh.templates = Some((set, errors, conflicts));
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

    /// Reads one candidate folder.
    pub fn load_candidate_folder(&self, dir: &Path) -> CandidateFolder {
        if !dir.is_dir() {
            return CandidateFolder::Gone;
        }
        let mut conflicts = ron_and_conflict_files(dir).1;
        conflicts.extend(ron_and_conflict_files(&dir.join("scorecards")).1);
        match self.load_candidate(dir) {
            Ok((record, errors)) => CandidateFolder::Present(Box::new(record), errors, conflicts),
            Err(err) => CandidateFolder::Broken(err, conflicts),
        }
    }

    fn load_candidate(&self, dir: &Path) -> Result<(CandidateRecord, Vec<FileError>), FileError> {
        let path = dir.join(CANDIDATE_FILE);
        let folder_name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let candidate = read_text(&path).and_then(|text| parse_candidate(&path, &text))?;
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
        let mut errors = Vec::new();
        for path in ron_files(&dir.join("scorecards")) {
            let parsed = read_text(&path).and_then(|text| {
                let scorecard = parse_scorecard(&path, &text)?;
                Ok((scorecard, fingerprint(&text)))
            });
            match parsed {
                Ok((scorecard, _)) if scorecard.candidate != candidate.id => {
                    errors.push(FileError::whole_file(
                        &path,
                        format!(
                            "scorecard is for candidate {:?}, but lies in the folder of {:?}",
                            scorecard.candidate.as_str(),
                            candidate.id.as_str()
                        ),
                    ));
                }
                Ok((scorecard, fingerprint)) => scorecards.push(ScorecardRecord {
                    path,
                    scorecard,
                    fingerprint: Some(fingerprint),
                }),
                Err(err) => errors.push(err),
            }
        }
        let record = CandidateRecord {
            dir: dir.to_path_buf(),
            candidate,
            scorecards,
        };
        Ok((record, errors))
    }

    /// Writes a candidate's record, creating their folder.
    pub fn save_candidate(&self, candidate: &Candidate) -> Result<PathBuf, StoreError> {
        let path = self.candidate_dir(&candidate.id).join(CANDIDATE_FILE);
        save_file(&path, candidate, "candidate")?;
        Ok(path)
    }

    /// Writes a scorecard to `path` (its record's file, or
    /// [`Workspace::scorecard_path`] for a new one).
    pub fn save_scorecard(&self, path: &Path, scorecard: &Scorecard) -> Result<(), StoreError> {
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
        let current = match fs::read_to_string(path) {
            Ok(text) => Some(fingerprint(text.strip_prefix('\u{feff}').unwrap_or(&text))),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => return Err(StoreError::io(path, err)),
        };
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

    /// Writes a template into the workspace's `templates/` folder.
    pub fn save_template(&self, template: &Template) -> Result<PathBuf, StoreError> {
        let path = self.templates_dir().join(format!("{}.ron", template.id));
        save_file(&path, template, "template")?;
        Ok(path)
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

/// The folders directly in `dir`, sorted; hidden ones skipped.
fn sub_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && !p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    dirs.sort();
    dirs
}
