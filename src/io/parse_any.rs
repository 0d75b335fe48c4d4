//! Owns parsing a file against what it refers to: any kind told by its
//! text ([`ParsedFile`]), templates against a library, practice cases
//! against the templates in effect.

use std::path::Path;
use std::sync::OnceLock;

use super::FileError;
use super::file_kind::{FileKind, detect_kind};
use super::library::shipped_library;
use super::parse::{
    parse_ats_mapping, parse_candidate, parse_checked, parse_decision, parse_nudge_list,
    parse_opening, parse_people, parse_performance, parse_practice_results, parse_scorecard,
    parse_shared_dimension, parse_template_with, read_text,
};
use super::template_set::TemplateSet;
use crate::model::{
    AtsMapping, Candidate, Decision, Library, NudgeList, Opening, People, Performance,
    PracticeCase, PracticeResults, Scorecard, SharedDimension, Template,
};

/// Any of the three kinds of file, parsed and checked.
#[derive(Clone, Debug, PartialEq)]
pub enum ParsedFile {
    /// A scorecard template.
    Template(Template),
    /// A candidate.
    Candidate(Candidate),
    /// A scorecard.
    Scorecard(Scorecard),
    /// A shared dimension of the library.
    SharedDimension(SharedDimension),
    /// A frame-of-reference practice case.
    PracticeCase(PracticeCase),
    /// A nudge list (`nudges.ron`).
    NudgeList(NudgeList),
    /// One interviewer's practice results.
    PracticeResults(PracticeResults),
    /// An opening.
    Opening(Opening),
    /// A decision on a candidate.
    Decision(Decision),
    /// The people the workspace knows by email (`people.ron`).
    People(People),
    /// Which ATS form field takes which part of a scorecard (`ats.ron`).
    AtsMapping(AtsMapping),
    /// A hire's performance reviews (`performance.ron`).
    Performance(Performance),
}

impl ParsedFile {
    /// Which kind it is.
    pub fn kind(&self) -> FileKind {
        match self {
            ParsedFile::Template(_) => FileKind::Template,
            ParsedFile::Candidate(_) => FileKind::Candidate,
            ParsedFile::Scorecard(_) => FileKind::Scorecard,
            ParsedFile::SharedDimension(_) => FileKind::SharedDimension,
            ParsedFile::PracticeCase(_) => FileKind::PracticeCase,
            ParsedFile::NudgeList(_) => FileKind::NudgeList,
            ParsedFile::People(_) => FileKind::People,
            ParsedFile::AtsMapping(_) => FileKind::AtsMapping,
            ParsedFile::PracticeResults(_) => FileKind::PracticeResults,
            ParsedFile::Opening(_) => FileKind::Opening,
            ParsedFile::Decision(_) => FileKind::Decision,
            ParsedFile::Performance(_) => FileKind::Performance,
        }
    }
}

/// Parses and checks a template, resolving `Use(…)` against the shipped
/// library.
pub fn parse_template(path: &Path, text: &str) -> Result<Template, FileError> {
    parse_template_with(path, text, &shipped_library().0)
}

/// Parses and checks a practice case against the templates in effect
/// (an unknown template or dimension is an error at that field).
pub fn parse_practice_case(
    path: &Path,
    text: &str,
    templates: &TemplateSet,
) -> Result<PracticeCase, FileError> {
    parse_checked(path, text, |case: &PracticeCase| {
        case.problems(
            templates
                .get(case.template.as_str())
                .map(|entry| &entry.template),
        )
    })
}

/// The shipped templates, parsed once: what a practice case is checked
/// against when no workspace is given.
fn shipped_template_set() -> &'static TemplateSet {
    static SHIPPED: OnceLock<TemplateSet> = OnceLock::new();
    SHIPPED.get_or_init(|| TemplateSet::shipped().0)
}

/// Parses a file of any kind, telling the kind by how it starts; templates
/// resolve against the shipped library.
pub fn parse_any(path: &Path, text: &str) -> Result<ParsedFile, FileError> {
    parse_any_with(path, text, &shipped_library().0)
}

/// Parses a file of any kind; templates resolve against `library`, and
/// practice cases are checked against the shipped templates.
pub fn parse_any_with(path: &Path, text: &str, library: &Library) -> Result<ParsedFile, FileError> {
    // The shipped templates are parsed only when a practice case needs them.
    parse_any_lazily(path, text, library, shipped_template_set)
}

/// Parses a file of any kind; templates resolve against `library`, and
/// practice cases are checked against `templates`.
pub fn parse_any_against(
    path: &Path,
    text: &str,
    library: &Library,
    templates: &TemplateSet,
) -> Result<ParsedFile, FileError> {
    parse_any_lazily(path, text, library, || templates)
}

fn parse_any_lazily<'t>(
    path: &Path,
    text: &str,
    library: &Library,
    templates: impl FnOnce() -> &'t TemplateSet,
) -> Result<ParsedFile, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match detect_kind(path, text)? {
        FileKind::Template => parse_template_with(path, text, library).map(ParsedFile::Template),
        FileKind::Candidate => parse_candidate(path, text).map(ParsedFile::Candidate),
        FileKind::Scorecard => parse_scorecard(path, text).map(ParsedFile::Scorecard),
        FileKind::SharedDimension => {
            parse_shared_dimension(path, text).map(ParsedFile::SharedDimension)
        }
        FileKind::PracticeCase => {
            parse_practice_case(path, text, templates()).map(ParsedFile::PracticeCase)
        }
        FileKind::NudgeList => parse_nudge_list(path, text).map(ParsedFile::NudgeList),
        FileKind::PracticeResults => {
            parse_practice_results(path, text).map(ParsedFile::PracticeResults)
        }
        FileKind::Opening => parse_opening(path, text).map(ParsedFile::Opening),
        FileKind::Decision => parse_decision(path, text).map(ParsedFile::Decision),
        FileKind::People => parse_people(path, text).map(ParsedFile::People),
        FileKind::AtsMapping => parse_ats_mapping(path, text).map(ParsedFile::AtsMapping),
        FileKind::Performance => parse_performance(path, text).map(ParsedFile::Performance),
    }
}

/// Reads and parses a file of any kind (templates against the shipped
/// library).
pub fn read_and_parse_any(path: &Path) -> Result<ParsedFile, FileError> {
    let text = read_text(path)?;
    parse_any(path, &text)
}
