//! Owns reading one workspace file as text and parsing it as the kind the
//! caller names, on its own (what it refers to is checked in `parse_any.rs`).

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::listing::{open_listed, open_regular};
use super::locate::locate;
use super::sync_conflicts::has_git_conflict_markers;
use super::{FileError, StoreError};
use crate::model::{
    AtsMapping, Candidate, Decision, Library, NudgeList, Opening, People, Performance,
    PracticeResults, Problem, Scorecard, SharedDimension, Template, TemplateFile,
};

/// Largest file read, in bytes. Real templates are a few kilobytes; the
/// limit keeps a stray log or disk image from freezing the app.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// ron's default recursion limit, written down so a change in ron cannot
/// silently let a deeply nested file overflow the stack.
const RECURSION_LIMIT: usize = 128;

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`] and
/// pointing at the first byte that is not UTF-8. A byte-order mark is dropped.
///
/// Only a regular file is read: a symbolic link is not followed (the error
/// says so) and a FIFO, socket, device or folder is refused without reading
/// (see `open_regular` in `io/listing.rs`).
pub fn read_text(path: &Path) -> Result<String, FileError> {
    read_text_opened(path, open_regular(path)?, None)
}

/// [`read_text`] for a file [`list`](super::listing::list) has just seen as
/// a regular file in its folder (it is not looked at again before it is
/// opened), with the file's modification time, so the folder's activity
/// is known without a look of its own. The buffer is sized from the opened
/// file: one read for the text, one to see its end.
pub(crate) fn read_listed(path: &Path) -> (Result<String, FileError>, Option<SystemTime>) {
    match open_listed(path) {
        Ok((file, meta)) => {
            let modified = meta.modified().ok();
            (read_text_opened(path, file, Some(meta.len())), modified)
        }
        // Not opened: its time, if it can be had, still counts.
        Err(err) => (
            Err(err),
            fs::symlink_metadata(path).and_then(|m| m.modified()).ok(),
        ),
    }
}

fn read_text_opened(path: &Path, file: fs::File, size: Option<u64>) -> Result<String, FileError> {
    // One byte over the size, so the end is seen in the same buffer; never
    // more than the limit, whatever the size says.
    let room = size.map_or(0, |size| size.min(MAX_FILE_BYTES) + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::whole_file(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::whole_file(
            path,
            format!(
                "file is larger than {} MiB: not a scorecard file",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    text_from_bytes(path, bytes)
}

fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, FileError> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            if has_git_conflict_markers(&text) {
                let line = 1 + text
                    .lines()
                    .position(|l| l.starts_with("<<<<<<<"))
                    .unwrap_or(0);
                return Err(FileError::new(
                    path,
                    line,
                    1,
                    "unresolved merge conflict (git conflict markers): keep one version, then it counts again",
                ));
            }
            Ok(text)
        }
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            let valid = std::str::from_utf8(bytes.get(..valid_up_to).unwrap_or_default())
                .unwrap_or_default();
            let at = super::locate::line_col(valid, valid.len());
            let bad = bytes.get(valid_up_to).copied().unwrap_or_default();
            Err(FileError::new(
                path,
                at.line,
                at.column,
                format!("not UTF-8 text: byte 0x{bad:02x} cannot start a character"),
            ))
        }
    }
}

/// Parses and checks a template, resolving `Use(…)` against `library`.
pub fn parse_template_with(
    path: &Path,
    text: &str,
    library: &Library,
) -> Result<Template, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Dimensions are an enum (`Dimension(…)` or `Use(…)`); this extension
    // lets the inline form keep its DESIGN.md shape `Dimension(id: …)`.
    let options =
        ron_options().with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES);
    let file: TemplateFile = parse_ron(path, text, &options)?;
    let template = file
        .resolve(library)
        .map_err(|problem| positioned(path, text, &problem))?;
    check(path, text, template, Template::problems)
}

/// Parses and checks a shared dimension of the library.
pub fn parse_shared_dimension(path: &Path, text: &str) -> Result<SharedDimension, FileError> {
    parse_checked(path, text, SharedDimension::problems)
}

/// Parses and checks a candidate file.
pub fn parse_candidate(path: &Path, text: &str) -> Result<Candidate, FileError> {
    parse_checked(path, text, Candidate::problems)
}

/// Parses and checks a scorecard.
pub fn parse_scorecard(path: &Path, text: &str) -> Result<Scorecard, FileError> {
    parse_checked(path, text, Scorecard::problems)
}

/// Parses and checks a nudge list.
pub fn parse_nudge_list(path: &Path, text: &str) -> Result<NudgeList, FileError> {
    parse_checked(path, text, NudgeList::problems)
}

/// Parses and checks a list of people (`people.ron`).
pub fn parse_people(path: &Path, text: &str) -> Result<People, FileError> {
    parse_checked(path, text, People::problems)
}

/// Parses and checks an ATS mapping (`ats.ron`) on its own (not against
/// the templates: see [`AtsMapping::dimension_problems`]).
pub fn parse_ats_mapping(path: &Path, text: &str) -> Result<AtsMapping, FileError> {
    parse_checked(path, text, AtsMapping::problems)
}

/// Parses one interviewer's practice results.
pub fn parse_practice_results(path: &Path, text: &str) -> Result<PracticeResults, FileError> {
    parse_checked(path, text, |_| Vec::new())
}

/// Parses and checks an opening (not against its template: see
/// [`Opening::template_problems`]).
pub fn parse_opening(path: &Path, text: &str) -> Result<Opening, FileError> {
    parse_checked(path, text, Opening::problems)
}

/// Parses and checks a decision.
pub fn parse_decision(path: &Path, text: &str) -> Result<Decision, FileError> {
    parse_checked(path, text, Decision::problems)
}

/// Parses and checks a hire's performance reviews on their own (a rating
/// outside 1–5, a reviewer without a name, one review twice).
pub fn parse_performance(path: &Path, text: &str) -> Result<Performance, FileError> {
    parse_checked(path, text, Performance::problems)
}

/// Parses and checks a hire's performance reviews against their folder
/// (the candidate `folder`) and the candidate's decision too: reviews are
/// of hires, dated after the decision.
pub fn parse_performance_against(
    path: &Path,
    text: &str,
    folder: &str,
    decision: Option<&Decision>,
) -> Result<Performance, FileError> {
    parse_checked(path, text, |performance: &Performance| {
        let mut problems = performance.problems();
        match performance.folder_problem(folder) {
            Some(problem) => problems.push(problem),
            None => problems.extend(performance.decision_problems(decision)),
        }
        problems
    })
}

pub(super) fn parse_checked<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    problems: impl FnOnce(&T) -> Vec<Problem>,
) -> Result<T, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = parse_ron(path, text, &ron_options())?;
    check(path, text, value, problems)
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// The value, or ron's error at ron's position.
fn parse_ron<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    options: &ron::Options,
) -> Result<T, FileError> {
    options.from_str(text).map_err(|err| {
        let mut column = err.span.start.col;
        // Our own checks (a bad id, a bad timestamp) fail inside a string, and
        // ron points just past its opening quote; point at the quote, as the
        // checks made after parsing do.
        if matches!(err.code, ron::Error::Message(_))
            && char_before(text, err.span.start.line, column) == Some('"')
        {
            column -= 1;
        }
        FileError::new(path, err.span.start.line, column, ron_message(&err.code))
    })
}

/// The value, or its first problem at the position of the value at fault.
fn check<T>(
    path: &Path,
    text: &str,
    value: T,
    problems: impl FnOnce(&T) -> Vec<Problem>,
) -> Result<T, FileError> {
    match problems(&value).into_iter().next() {
        None => Ok(value),
        Some(problem) => Err(positioned(path, text, &problem)),
    }
}

pub(crate) fn positioned(path: &Path, text: &str, problem: &Problem) -> FileError {
    let at = locate(text, &problem.path);
    FileError::new(path, at.line, at.column, problem.message.clone())
}

/// The character just before a 1-based line and column.
fn char_before(text: &str, line: usize, column: usize) -> Option<char> {
    text.lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(column.checked_sub(2)?)
}

/// ron's wording, with the first letter lowercased to fit after `line:col: `.
fn ron_message(code: &ron::Error) -> String {
    let message = code.to_string();
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if !chars.as_str().starts_with(|c: char| c.is_uppercase()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => message,
    }
}

/// Writes a value as pretty RON, the way the app saves files.
pub fn to_ron<T: Serialize>(value: &T, what: &'static str) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned());
    let mut text =
        ron::ser::to_string_pretty(value, config).map_err(|e| StoreError::Serialize {
            what,
            message: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}
