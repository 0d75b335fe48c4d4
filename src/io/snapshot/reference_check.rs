//! The references between a snapshot's files (an opening's template and
//! stages, a candidate's opening and planned stages), checked again after
//! every change that can move them.
//!
//! A change to one candidate folder checks that folder alone, at once. A
//! change to a template or an opening can move every candidate's
//! references: at 100,000 scorecards that check takes some 14 ms, too long
//! for a frame, so it is left *due* ([`WorkspaceSnapshot::references_due`]).
//! The caller finds it on a copy of the snapshot, on any thread
//! ([`WorkspaceSnapshot::check_references`]), and hands it back
//! ([`WorkspaceSnapshot::take_references`]), which takes it only if the
//! snapshot has not moved on since; or does both at once
//! ([`WorkspaceSnapshot::check_references_now`]).

use std::collections::HashSet;
use std::path::PathBuf;

use super::{FolderSet, WorkspaceSnapshot, sort_errors, sort_problems};
use crate::io::FileError;
use crate::io::records::CandidateRecord;
use crate::io::workspace::CANDIDATE_FILE;
use crate::model::{Candidate, Opening, Problem};

impl WorkspaceSnapshot {
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
    pub(super) fn recheck_references_in(&mut self, dirs: &[PathBuf]) {
        let folders = FolderSet::new(dirs);
        let inside = |e: &FileError| folders.holds(&e.path);
        let (stale, mut kept): (Vec<FileError>, Vec<FileError>) =
            std::mem::take(&mut self.reference_errors)
                .into_iter()
                .partition(|e| inside(e));
        let stale: HashSet<&FileError> = stale.iter().collect();
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

    /// Replaces the reference errors among `errors` with fresh ones.
    pub(super) fn recheck_references(&mut self) {
        let fresh = self.compute_reference_errors();
        self.install_references(fresh);
    }

    /// Whether a template or an opening changed since the references were
    /// last checked whole: [`Self::reference_errors`] are then those of
    /// before, but for the candidate folders changed since.
    pub fn references_due(&self) -> bool {
        self.references_due
    }

    /// Checks every reference of this snapshot as it is, for
    /// [`Self::take_references`]. It reads the snapshot alone, so it can
    /// run on a copy on another thread.
    pub fn check_references(&self) -> CheckedReferences {
        CheckedReferences {
            generation: self.generation,
            errors: self.compute_reference_errors(),
        }
    }

    /// Takes a check of this snapshot found by [`Self::check_references`],
    /// unless nothing is due or the snapshot moved on since (then the
    /// check may miss a change, and is dropped: check again). Returns
    /// whether it was taken; then the generation moves on.
    pub fn take_references(&mut self, checked: CheckedReferences) -> bool {
        if !self.references_due || checked.generation != self.generation {
            return false;
        }
        self.install_references(checked.errors);
        self.changed();
        true
    }

    /// Checks the references due, in place (a small workspace, or no
    /// thread to do it); returns whether any was due.
    pub fn check_references_now(&mut self) -> bool {
        let checked = self.check_references();
        self.take_references(checked)
    }

    /// Puts `fresh` (sorted) in place of the reference errors among
    /// `errors`. Linear in the errors: at 100k a template gone can give
    /// every candidate of its openings an error.
    fn install_references(&mut self, fresh: Vec<FileError>) {
        let old = std::mem::replace(&mut self.reference_errors, fresh);
        if !old.is_empty() {
            let old: HashSet<&FileError> = old.iter().collect();
            self.errors.retain(|e| !old.contains(e));
        }
        self.errors.extend(self.reference_errors.iter().cloned());
        sort_problems(&mut self.errors, &mut self.conflicts);
        self.references_due = false;
    }
}

/// Every reference error of a snapshot at one generation, found by
/// [`WorkspaceSnapshot::check_references`].
#[derive(Debug)]
pub struct CheckedReferences {
    generation: u64,
    errors: Vec<FileError>,
}
