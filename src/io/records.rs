//! Owns the records a read of the workspace is made of: an opening, a
//! candidate with their scorecards and decision, what a folder read again
//! holds, and what a refresh brings.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::locate::{LineCol, locate};
use super::sync_conflicts::ConflictCopy;
use super::{FileError, TemplateSet};
use crate::model::{
    Candidate, Decision, FieldPath, NudgeList, Opening, Performance, PracticeCase, PracticeResults,
    Problem, Scorecard, Slug, Timestamp,
};

/// An opening and the file it lives in.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningRecord {
    /// Its file.
    pub path: PathBuf,
    /// The opening.
    pub opening: Opening,
    /// Where the values that name other files sit in the file.
    pub spots: Spots,
}

/// Where, in a file that parsed, the values that name other files sit
/// (an opening's template and stages, a candidate's opening and planned
/// stages), so a problem found later against other files points at its
/// line and column without reading the file again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spots(Vec<(String, LineCol)>);

impl Spots {
    fn of(text: &str, paths: impl IntoIterator<Item = FieldPath>) -> Self {
        Self(
            paths
                .into_iter()
                .map(|path| (path.to_string(), locate(text, &path)))
                .collect(),
        )
    }

    /// The problem as an error at its spot in `file` (line 1, column 1 if
    /// its spot was not kept).
    pub(super) fn error(&self, file: &Path, problem: &Problem) -> FileError {
        let key = problem.path.to_string();
        let at = self
            .0
            .iter()
            .find(|(path, _)| *path == key)
            .map_or(LineCol { line: 1, column: 1 }, |(_, at)| *at);
        FileError::new(file, at.line, at.column, problem.message.clone())
    }

    pub(super) fn of_candidate(text: &str, candidate: &Candidate) -> Self {
        let root = FieldPath::root();
        let opening = candidate.opening.as_ref().map(|_| root.field("opening"));
        let stages = (0..candidate.interviews.len())
            .map(|i| root.field("interviews").index(i).field("stage"));
        Self::of(text, opening.into_iter().chain(stages))
    }

    pub(super) fn of_opening(text: &str, opening: &Opening) -> Self {
        let root = FieldPath::root();
        let stages = (0..opening.plan.len()).map(|i| root.field("plan").index(i).field("stage"));
        Self::of(text, std::iter::once(root.field("template")).chain(stages))
    }
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
    /// The panel's decision (`decision.ron`), if one is recorded.
    pub decision: Option<Decision>,
    /// A hire's later performance reviews (`performance.ron`), if any.
    pub performance: Option<Performance>,
    /// Where `candidate.ron` names other files.
    pub spots: Spots,
    /// The latest modification time of the files in the folder (broken
    /// ones and conflict copies too) when it was read; `None` for a record
    /// the app made and no read has seen yet. Activity for the retention
    /// rule ([`WorkspaceSnapshot::last_activity`](crate::io::WorkspaceSnapshot::last_activity)).
    pub modified: Option<Timestamp>,
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

/// One candidate folder, read again after a change.
#[derive(Clone, Debug)]
pub enum CandidateFolder {
    /// The candidate, with what else their folder holds.
    Present(Box<CandidateRecord>, FolderNotes),
    /// The folder cannot be used: `candidate.ron` is broken, or the folder
    /// is a link or has a name that is not UTF-8 (in `errors`).
    Broken(FolderNotes),
    /// The folder is gone (deleted, or not synced yet).
    Gone,
}

/// What a candidate folder holds besides the candidate and their counted
/// scorecards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FolderNotes {
    /// Files left out, each with its error.
    pub errors: Vec<FileError>,
    /// Conflict copies, never counted.
    pub conflicts: Vec<ConflictCopy>,
    /// The latest modification time of the folder's files.
    pub modified: Option<Timestamp>,
}

/// What changed on disk, read again: the templates if any template or
/// library file changed, and each candidate folder that changed.
#[derive(Clone, Debug, Default)]
pub struct Refresh {
    /// The templates in effect, their errors and conflict copies.
    pub templates: Option<(TemplateSet, Vec<FileError>, Vec<ConflictCopy>)>,
    /// Candidate folders read again.
    pub candidates: Vec<(PathBuf, CandidateFolder)>,
    /// The openings, their errors and conflict copies, if any file under
    /// `openings/` changed.
    pub openings: Option<(Vec<OpeningRecord>, Vec<FileError>, Vec<ConflictCopy>)>,
    /// The nudge list, practice cases and practice results, read again if
    /// any of their files (or a template) changed.
    pub calibration: Option<Box<CalibrationFiles>>,
}

/// The calibration files of a workspace as read: what the snapshot's
/// `nudges`, `practice` and `practice_results` hold, with their problems.
#[derive(Clone, Debug, Default)]
pub struct CalibrationFiles {
    /// The nudge list in effect.
    pub nudges: Arc<NudgeList>,
    /// The practice cases in effect.
    pub practice: Arc<Vec<PracticeCase>>,
    /// Every interviewer's practice results.
    pub practice_results: Arc<Vec<PracticeResults>>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// Copies of practice results, never counted.
    pub conflicts: Vec<ConflictCopy>,
}

impl Refresh {
    /// The candidates this refresh is about, if it touches nothing but
    /// candidate folders (no template, opening or calibration file, which
    /// every candidate's numbers may read).
    pub fn candidates_only(&self) -> Option<Vec<Slug>> {
        if self.templates.is_some() || self.openings.is_some() || self.calibration.is_some() {
            return None;
        }
        self.candidates
            .iter()
            .map(|(dir, _)| {
                let name = dir.file_name()?.to_str()?;
                Slug::new(name).ok()
            })
            .collect()
    }
}

impl CandidateRecord {
    /// Whether `other` holds the same candidate and scorecards, in the same
    /// files, whatever their fingerprints.
    pub fn same_content(&self, other: &CandidateRecord) -> bool {
        self.dir == other.dir
            && self.candidate == other.candidate
            && self.decision == other.decision
            && self.performance == other.performance
            && self.scorecards.len() == other.scorecards.len()
            && self
                .scorecards
                .iter()
                .zip(&other.scorecards)
                .all(|(a, b)| a.path == b.path && a.scorecard == b.scorecard)
    }
}
