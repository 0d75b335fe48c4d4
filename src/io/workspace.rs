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

use serde::Serialize;

use super::parse::{parse_candidate, parse_scorecard, read_and_parse_any, read_text, to_ron};
use super::template_set::ron_files;
use super::{FileError, StoreError, TemplateSet, write_atomic};
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
    /// Candidates, sorted by id.
    pub candidates: Vec<CandidateRecord>,
    /// Files left out, each with its error.
    pub errors: Vec<FileError>,
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
        let (templates, mut errors) = TemplateSet::load(&self.templates_dir());
        let mut candidates = Vec::new();
        for dir in sub_dirs(&self.candidates_dir()) {
            match self.load_candidate(&dir) {
                Ok((record, mut scorecard_errors)) => {
                    candidates.push(record);
                    errors.append(&mut scorecard_errors);
                }
                Err(err) => errors.push(err),
            }
        }
        WorkspaceSnapshot {
            templates,
            candidates,
            errors,
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
            let parsed = read_text(&path).and_then(|text| parse_scorecard(&path, &text));
            match parsed {
                Ok(scorecard) if scorecard.candidate != candidate.id => {
                    errors.push(FileError::whole_file(
                        &path,
                        format!(
                            "scorecard is for candidate {:?}, but lies in the folder of {:?}",
                            scorecard.candidate.as_str(),
                            candidate.id.as_str()
                        ),
                    ));
                }
                Ok(scorecard) => scorecards.push(ScorecardRecord { path, scorecard }),
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
