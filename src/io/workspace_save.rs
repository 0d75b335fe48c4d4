//! Owns writing the workspace: candidates, openings, decisions,
//! templates, practice results and scorecards, never through a link,
//! never over a broken file, never into an erased candidate's folder.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::calibration_files::{practice_results_path, save_practice_results};
use super::parse::to_ron;
use super::parse_any::read_and_parse_any;
use super::records::fingerprint;
use super::workspace::{CANDIDATE_FILE, Workspace};
use super::{StoreError, write_atomic, write_atomic_new};
use crate::model::{
    Candidate, Decision, Opening, Performance, PracticeResults, Scorecard, Template,
};

impl Workspace {
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
        if let Some(path) = practice_results_path(self.root(), &results.interviewer) {
            self.refuse_links_on_the_way(&path)?;
        }
        save_practice_results(self.root(), results)
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

    /// Writes a hire's performance reviews to `performance.ron` in their
    /// folder.
    pub fn save_performance(&self, performance: &Performance) -> Result<PathBuf, StoreError> {
        let path = self.performance_path(&performance.candidate);
        self.refuse_links_on_the_way(&path)?;
        save_file(&path, performance, "performance reviews")?;
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

    /// Writes `scorecard` as a new file at `path`, a place the user named
    /// for words that could not be written beside their file: never over
    /// an existing file, never inside the workspace's data folders (where
    /// it would be read as one more scorecard).
    pub fn write_scorecard_elsewhere(
        &self,
        path: &Path,
        scorecard: &Scorecard,
    ) -> Result<PathBuf, StoreError> {
        let text = to_ron(scorecard, "scorecard")?;
        super::write_new_export(self, path, text.as_bytes())?;
        Ok(path.to_path_buf())
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
        let Ok(inside) = path.strip_prefix(self.root()) else {
            return Ok(());
        };
        let mut at = self.root().to_path_buf();
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
