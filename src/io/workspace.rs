//! Owns the workspace folder's layout: where templates, openings,
//! candidates, their scorecards and decisions live. Reading it is in
//! `workspace_load.rs`, writing it in `workspace_save.rs`.
//!
//! ```text
//! <workspace>/
//!   templates/*.ron
//!   candidates/<candidate-id>/candidate.ron
//!   candidates/<candidate-id>/scorecards/<interviewer-slug>--<stage>.ron
//!   candidates/<candidate-id>/decision.ron
//!   openings/<opening-id>.ron
//! ```

use std::path::{Path, PathBuf};

use super::StoreError;
use super::calibration_files::{NUDGES_FILE, PRACTICE_DIR, PRACTICE_RESULTS_DIR};
use crate::model::Slug;

/// File name of a candidate's own record inside its folder.
pub(super) const CANDIDATE_FILE: &str = "candidate.ron";

/// File name of the panel's decision inside a candidate's folder.
pub const DECISION_FILE: &str = "decision.ron";

/// File name of a hire's performance reviews inside a candidate's folder.
pub const PERFORMANCE_FILE: &str = "performance.ron";

/// A workspace folder on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    root: PathBuf,
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

    /// The file of a hire's performance reviews.
    pub fn performance_path(&self, candidate: &Slug) -> PathBuf {
        self.candidate_dir(candidate).join(PERFORMANCE_FILE)
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

    /// The calibration files and folders: the nudge list, the practice
    /// cases, the practice results.
    pub(crate) fn calibration_paths(&self) -> [PathBuf; 3] {
        [
            self.root.join(NUDGES_FILE),
            self.root.join(PRACTICE_DIR),
            self.root.join(PRACTICE_RESULTS_DIR),
        ]
    }

    /// Whether `path` is one of the calibration files (or in their folders).
    pub(super) fn is_calibration_path(&self, path: &Path) -> bool {
        path == self.root.join(NUDGES_FILE)
            || path.starts_with(self.root.join(PRACTICE_DIR))
            || path.starts_with(self.root.join(PRACTICE_RESULTS_DIR))
    }
}
