//! Telling templates, candidates, scorecards, openings, decisions and the
//! other files apart by their content.

use std::fmt;
use std::path::Path;

use super::FileError;
use super::locate::first_identifier;

/// The kinds of file Scorecard reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `Template(…)`.
    Template,
    /// `Candidate(…)`.
    Candidate,
    /// `Scorecard(…)`.
    Scorecard,
    /// `SharedDimension(…)`, a dimension of the library.
    SharedDimension,
    /// `PracticeCase(…)`, a frame-of-reference practice case.
    PracticeCase,
    /// `NudgeList(…)`, the terms evidence nudges look for (`nudges.ron`).
    NudgeList,
    /// `PracticeResults(…)`, one interviewer's practice rounds.
    PracticeResults,
    /// `Opening(…)`, a requisition.
    Opening,
    /// `Decision(…)`, the panel's decision on a candidate.
    Decision,
    /// `People(…)`, the people the workspace knows by email (`people.ron`).
    People,
    /// `AtsMapping(…)`, the ATS form fields of feedback exports (`ats.ron`).
    AtsMapping,
    /// `Performance(…)`, a hire's later performance reviews.
    Performance,
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Template => "template",
            FileKind::Candidate => "candidate",
            FileKind::Scorecard => "scorecard",
            FileKind::SharedDimension => "shared dimension",
            FileKind::PracticeCase => "practice case",
            FileKind::NudgeList => "nudge list",
            FileKind::PracticeResults => "practice results",
            FileKind::Opening => "opening",
            FileKind::Decision => "decision",
            FileKind::People => "people list",
            FileKind::AtsMapping => "ATS mapping",
            FileKind::Performance => "performance reviews",
        })
    }
}

/// The kind of file `text` is, from the name it opens with. A file's name or
/// folder is not trusted: people copy files around.
pub fn detect_kind(path: &Path, text: &str) -> Result<FileKind, FileError> {
    let (ident, at) = first_identifier(text);
    match ident {
        Some("Template") => Ok(FileKind::Template),
        Some("Candidate") => Ok(FileKind::Candidate),
        Some("Scorecard") => Ok(FileKind::Scorecard),
        Some("SharedDimension") => Ok(FileKind::SharedDimension),
        Some("PracticeCase") => Ok(FileKind::PracticeCase),
        Some("NudgeList") => Ok(FileKind::NudgeList),
        Some("PracticeResults") => Ok(FileKind::PracticeResults),
        Some("Opening") => Ok(FileKind::Opening),
        Some("Decision") => Ok(FileKind::Decision),
        Some("People") => Ok(FileKind::People),
        Some("AtsMapping") => Ok(FileKind::AtsMapping),
        Some("Performance") => Ok(FileKind::Performance),
        other => {
            let found = match other {
                Some(name) => format!("found `{name}`"),
                None => match first_char(text, at.line, at.column) {
                    Some(c) => format!("found {c:?}"),
                    None => "the file is empty".to_owned(),
                },
            };
            Err(FileError::new(
                path,
                at.line,
                at.column,
                format!(
                    "expected `Template(`, `SharedDimension(`, `Candidate(`, `Scorecard(`, \
                     `Opening(`, `Decision(`, `PracticeCase(`, `NudgeList(`, `PracticeResults(`, `People(`, `AtsMapping(` or `Performance(`: {found}"
                ),
            ))
        }
    }
}

/// The character at a 1-based line and column, if any.
fn first_char(text: &str, line: usize, column: usize) -> Option<char> {
    text.lines()
        .nth(line.saturating_sub(1))?
        .chars()
        .nth(column.saturating_sub(1))
}
