//! Erasing a candidate's data, on request or when it is too old to keep.
//!
//! Nothing is followed: a symbolic link in a candidate's folder (or the
//! folder itself, if it is one) is removed as a link, its target left as it
//! is, so an erase never reaches outside the workspace.

use std::fs;
use std::path::Path;

use super::listing::LINK_NOT_FOLLOWED;
use super::{CandidateRecord, StoreError, Workspace, WorkspaceSnapshot};
use crate::model::{Slug, Timestamp};

/// What an erase removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// Candidates erased, by id.
    pub candidates: Vec<String>,
    /// Files removed (links not included).
    pub files: usize,
    /// Symbolic links removed: the links themselves, never their targets.
    pub links: usize,
}

impl Erased {
    /// Adds what another erase removed.
    pub fn absorb(&mut self, other: Erased) {
        self.candidates.extend(other.candidates);
        self.files += other.files;
        self.links += other.links;
    }
}

impl WorkspaceSnapshot {
    /// A candidate's last activity, the one retention rule of the app's
    /// *Retention* dialog and `scorecard purge`: the latest of the times
    /// written in their files (created, started, submitted, amended,
    /// decided) and
    /// of the modification times of the files in their folder (broken ones
    /// and conflict copies too, so an edit in progress counts as activity).
    pub fn last_activity(&self, record: &CandidateRecord) -> Timestamp {
        let mut latest = record.candidate.created_at;
        for s in &record.scorecards {
            let card = &s.scorecard;
            for t in std::iter::once(card.started_at)
                .chain(card.submitted_at)
                .chain(card.amended_at)
            {
                latest = latest.max(t);
            }
        }
        if let Some(decision) = &record.decision {
            latest = latest.max(decision.decided_at);
        }
        match self.modified_at(&record.dir) {
            Some(modified) => latest.max(modified),
            None => latest,
        }
    }

    /// The candidates whose [last activity](WorkspaceSnapshot::last_activity)
    /// is before `cutoff`, by id. A candidate whose `candidate.ron` cannot be
    /// read is not in the snapshot and so never purged: it is listed as an
    /// error until someone fixes it (or erases it by id).
    pub fn inactive_since(&self, cutoff: Timestamp) -> Vec<Slug> {
        let mut ids: Vec<Slug> = self
            .candidates()
            .iter()
            .filter(|record| self.last_activity(record) < cutoff)
            .map(|record| record.candidate.id.clone())
            .collect();
        ids.sort();
        ids
    }
}

impl Workspace {
    /// Erases every file of one candidate: their record, every scorecard,
    /// drafts, conflict copies and anything else in their folder. Links
    /// are removed as links; nothing outside the folder is touched.
    pub fn delete_candidate(&self, id: &Slug) -> Result<Erased, StoreError> {
        let candidates = self.candidates_dir();
        if fs::symlink_metadata(&candidates).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(StoreError::InvalidName(format!(
                "{}: {LINK_NOT_FOLLOWED}; nothing erased",
                candidates.display()
            )));
        }
        let dir = self.candidate_dir(id);
        let no_candidate =
            || StoreError::InvalidName(format!("no candidate {id} in {}", candidates.display()));
        let meta = fs::symlink_metadata(&dir).map_err(|_| no_candidate())?;
        let mut erased = Erased {
            candidates: vec![id.to_string()],
            ..Erased::default()
        };
        if meta.file_type().is_symlink() {
            fs::remove_file(&dir).map_err(|e| StoreError::io(&dir, e))?;
            erased.links = 1;
            return Ok(erased);
        }
        if !meta.is_dir() {
            return Err(no_candidate());
        }
        (erased.files, erased.links) = count_entries(&dir);
        // std's remove_dir_all removes links without following them.
        fs::remove_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
        Ok(erased)
    }

    /// The candidates inactive since `cutoff`, by id
    /// ([`WorkspaceSnapshot::inactive_since`] on a fresh load).
    pub fn inactive_since(&self, cutoff: Timestamp) -> Vec<Slug> {
        self.load().inactive_since(cutoff)
    }

    /// Erases every candidate inactive since `cutoff`.
    pub fn purge(&self, cutoff: Timestamp) -> Result<Erased, StoreError> {
        let mut erased = Erased::default();
        for id in self.inactive_since(cutoff) {
            erased.absorb(self.delete_candidate(&id)?);
        }
        Ok(erased)
    }
}

/// The files and the symbolic links under `dir`, walked without following
/// links (so a loop of links ends).
fn count_entries(dir: &Path) -> (usize, usize) {
    let (mut files, mut links) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            match entry.file_type() {
                Ok(t) if t.is_symlink() => links += 1,
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                _ => files += 1,
            }
        }
    }
    (files, links)
}
