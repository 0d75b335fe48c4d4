//! The references between a snapshot's files (an opening's template and
//! stages, a candidate's opening and planned stages), checked again after
//! every change that can move them.

use std::path::PathBuf;

use super::{WorkspaceSnapshot, sort_errors, sort_problems};
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
        let inside = |e: &FileError| dirs.iter().any(|dir| e.path.starts_with(dir));
        let (stale, mut kept): (Vec<FileError>, Vec<FileError>) =
            std::mem::take(&mut self.reference_errors)
                .into_iter()
                .partition(|e| inside(e));
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
        let old = std::mem::take(&mut self.reference_errors);
        self.errors.retain(|e| !old.contains(e));
        self.reference_errors = self.compute_reference_errors();
        self.errors.extend(self.reference_errors.iter().cloned());
        sort_problems(&mut self.errors, &mut self.conflicts);
    }
}
