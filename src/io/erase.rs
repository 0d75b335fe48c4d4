//! Erasing a candidate's data, on request or when it is too old to keep.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{StoreError, Workspace};
use crate::model::{Slug, Timestamp};

/// What an erase removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// Candidates erased, by id.
    pub candidates: Vec<String>,
    /// Files removed.
    pub files: usize,
}

impl Workspace {
    /// Erases every file of one candidate: their record, every scorecard,
    /// drafts, conflict copies and anything else in their folder.
    pub fn delete_candidate(&self, id: &Slug) -> Result<Erased, StoreError> {
        let dir = self.candidate_dir(id);
        if !dir.is_dir() {
            return Err(StoreError::InvalidName(format!(
                "no candidate {id} in {}",
                self.candidates_dir().display()
            )));
        }
        let files = count_files(&dir);
        fs::remove_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        Ok(Erased {
            candidates: vec![id.to_string()],
            files,
        })
    }

    /// The candidates whose last activity is before `cutoff`, by id: the
    /// latest of the times written in their files (created, started,
    /// submitted, amended) and the files' modification times, so that a
    /// broken file still counts as activity.
    pub fn inactive_since(&self, cutoff: Timestamp) -> Vec<Slug> {
        let Ok(entries) = fs::read_dir(self.candidates_dir()) else {
            return Vec::new();
        };
        let mut ids: Vec<Slug> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .filter_map(|e| Slug::new(e.file_name().to_string_lossy().into_owned()).ok())
            .filter(|id| {
                let dir = self.candidate_dir(id);
                self.last_activity(&dir).is_some_and(|last| last < cutoff)
            })
            .collect();
        ids.sort();
        ids
    }

    /// Erases every candidate inactive since `cutoff`.
    pub fn purge(&self, cutoff: Timestamp) -> Result<Erased, StoreError> {
        let mut erased = Erased::default();
        for id in self.inactive_since(cutoff) {
            let one = self.delete_candidate(&id)?;
            erased.candidates.extend(one.candidates);
            erased.files += one.files;
        }
        Ok(erased)
    }

    fn last_activity(&self, dir: &Path) -> Option<Timestamp> {
        let mut latest: Option<Timestamp> = None;
        let mut note = |t: Timestamp| latest = Some(latest.map_or(t, |l| l.max(t)));
        match self.load_candidate_folder(dir) {
            super::CandidateFolder::Present(record, _, _) => {
                note(record.candidate.created_at);
                for s in &record.scorecards {
                    let card = &s.scorecard;
                    note(card.started_at);
                    card.submitted_at
                        .into_iter()
                        .chain(card.amended_at)
                        .for_each(&mut note);
                }
            }
            super::CandidateFolder::Broken(..) | super::CandidateFolder::Gone => {}
        }
        for path in files_under(dir) {
            if let Ok(modified) = fs::metadata(&path).and_then(|m| m.modified()) {
                note(to_timestamp(modified));
            }
        }
        latest
    }
}

fn to_timestamp(time: SystemTime) -> Timestamp {
    Timestamp::from_utc(chrono::DateTime::<chrono::Utc>::from(time))
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

fn count_files(dir: &Path) -> usize {
    files_under(dir).len()
}
