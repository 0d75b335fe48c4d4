//! Bringing a snapshot up to date with what a refresh read again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{FolderSet, WorkspaceSnapshot, sort_problems};
use crate::io::calibration_files::PRACTICE_DIR;
use crate::io::records::{CandidateFolder, FolderNotes, Refresh};
use crate::io::sync_conflicts::ConflictCopy;
use crate::io::{FileError, Workspace};
use crate::model::Timestamp;

impl WorkspaceSnapshot {
    /// Applies what [`Workspace::refresh`] read: replaces the templates
    /// and the changed candidates, with their errors and conflict copies.
    ///
    /// Returns whether anything but fingerprints changed (and only then
    /// moves the generation on). If a template or an opening changed, the
    /// other candidates' references are left due
    /// ([`Self::references_due`]). A folder read
    /// again after the app's own write holds what the app already shows,
    /// so the caller can keep what it derived from the snapshot.
    pub fn apply(&mut self, refresh: Refresh, workspace: &Workspace) -> bool {
        // Only what the refresh read can move; unless a template or an
        // opening differs from what is shown (read again is not enough),
        // the references of the other candidates stand.
        let mut definitions_changed = false;
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
            definitions_changed |= openings != self.openings;
            self.openings = openings;
            self.replace_problems(|path| path.starts_with(&dir), errors, conflicts);
        }
        if let Some((mut templates, errors, conflicts)) = refresh.templates {
            let dir = workspace.templates_dir();
            templates.keep_last_good(&self.templates, &errors);
            definitions_changed |= templates != self.templates;
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
        // The folders' notes, for those still there, come back below. One
        // pass over the errors for all the folders: a `git pull` can bring
        // a thousand of them.
        let dirs = FolderSet::new(&candidate_dirs);
        self.replace_problems(|path| dirs.holds(path), Vec::new(), Vec::new());
        for (dir, folder) in refresh.candidates {
            if self.broken_modified.contains_key(&dir) {
                Arc::make_mut(&mut self.broken_modified).remove(&dir);
            }
            let at = self.candidate_at(&dir).ok();
            match folder {
                CandidateFolder::Present(mut record, notes) => {
                    record.modified = self.take_notes(notes);
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
                    self.note_broken_folder(&dir, notes);
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
        // The folders read again are checked now; every other candidate's
        // references wait for the whole check if a definition changed.
        self.recheck_references_in(&candidate_dirs);
        self.references_due |= definitions_changed;
        let changed = changed
            || definitions_changed
            || self.errors != errors_before
            || self.conflicts != conflicts_before;
        if changed {
            self.changed();
        }
        changed
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
    /// errors and conflict copies; returns its latest activity, for its
    /// record.
    pub(super) fn take_notes(&mut self, notes: FolderNotes) -> Option<Timestamp> {
        self.errors.extend(notes.errors);
        self.conflicts.extend(notes.conflicts);
        notes.modified
    }

    /// [`Self::take_notes`] of a folder with no record (its
    /// `candidate.ron` broken): its latest activity is kept by folder.
    pub(super) fn note_broken_folder(&mut self, dir: &Path, notes: FolderNotes) {
        if let Some(modified) = self.take_notes(notes) {
            Arc::make_mut(&mut self.broken_modified).insert(dir.to_path_buf(), modified);
        }
    }
}
