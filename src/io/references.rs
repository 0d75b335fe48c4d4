//! Checking what one file names in other files (DESIGN.md "The hiring
//! loop"): a candidate's opening and planned stages, an opening's template
//! and stages, an ATS mapping's dimensions, against a workspace.

use std::path::Path;

use super::parse::{parse_decision, positioned};
use super::parse_any::parse_any_against;
use super::workspace::{CANDIDATE_FILE, DECISION_FILE};
use super::{FileError, ParsedFile, WorkspaceSnapshot, read_text};
use crate::model::{FieldPath, Library, Performance, Problem};

/// The problems between `parsed` (read from `path` as `text`) and the
/// files of `workspace`, each at its line and column in `text`.
pub fn reference_errors(
    path: &Path,
    text: &str,
    parsed: &ParsedFile,
    workspace: &WorkspaceSnapshot,
) -> Vec<FileError> {
    let problems = match parsed {
        ParsedFile::Candidate(candidate) => workspace.candidate_reference_problems(candidate),
        ParsedFile::Opening(opening) => workspace.opening_reference_problems(opening),
        ParsedFile::AtsMapping(mapping) => mapping.dimension_problems(|id| {
            workspace
                .templates()
                .iter()
                .any(|entry| entry.template.dimension(id).is_some())
        }),
        // A practice case is checked against the templates as it is
        // parsed (see `parse_any_against`).
        ParsedFile::Performance(performance) => performance_problems(path, performance),
        ParsedFile::Template(_)
        | ParsedFile::Scorecard(_)
        | ParsedFile::SharedDimension(_)
        | ParsedFile::Decision(_)
        | ParsedFile::PracticeCase(_)
        | ParsedFile::NudgeList(_)
        | ParsedFile::People(_)
        | ParsedFile::PracticeResults(_) => Vec::new(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    problems
        .iter()
        .map(|problem| positioned(path, text, problem))
        .collect()
}

/// What a `performance.ron` in a candidate's folder (one holding
/// `candidate.ron`) breaks against that folder: its name, and the decision
/// beside it (reviews are of hires, after the decision). A file elsewhere
/// is checked on its own rules alone.
fn performance_problems(path: &Path, performance: &Performance) -> Vec<Problem> {
    let Some(dir) = path.parent() else {
        return Vec::new();
    };
    if !dir.join(CANDIDATE_FILE).is_file() {
        return Vec::new();
    }
    let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if let Some(problem) = performance.folder_problem(folder) {
        return vec![problem];
    }
    let decision_path = dir.join(DECISION_FILE);
    let decision = if decision_path.exists() {
        match read_text(&decision_path).and_then(|text| parse_decision(&decision_path, &text)) {
            Ok(decision) => Some(decision),
            Err(err) => {
                return vec![Problem::new(
                    FieldPath::root().field("candidate"),
                    format!(
                        "the candidate's decision cannot be read to check the reviews against: {err}"
                    ),
                )];
            }
        }
    } else {
        None
    };
    performance.decision_problems(decision.as_ref())
}

/// Reads `path` (never through a link), parses it and checks its
/// references against `workspace`: the first error, or the file.
pub fn read_and_check(
    path: &Path,
    library: &Library,
    workspace: &WorkspaceSnapshot,
) -> Result<ParsedFile, FileError> {
    let text = read_text(path)?;
    check_text(path, &text, library, workspace)
}

/// Parses `text` and checks its references against `workspace`.
pub fn check_text(
    path: &Path,
    text: &str,
    library: &Library,
    workspace: &WorkspaceSnapshot,
) -> Result<ParsedFile, FileError> {
    let parsed = parse_any_against(path, text, library, workspace.templates())?;
    match reference_errors(path, text, &parsed, workspace)
        .into_iter()
        .next()
    {
        Some(error) => Err(error),
        None => Ok(parsed),
    }
}
