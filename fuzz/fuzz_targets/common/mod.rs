//! Shared by the fuzz targets: how input bytes become text, and what makes a
//! parser error well-formed.
//!
//! A panic anywhere in a parser is a finding (libFuzzer reports it as a
//! crash). So is an `Err` that breaks the contract of `FileError`: it must
//! name the path it was given, point at a 1-based line and column that lie
//! inside the text (or one past its end), and display as
//! `path:line:col: message` with a non-empty message.

// Each target uses only some of these helpers.
#![allow(dead_code)]

use std::path::Path;

use scorecard::io::FileError;

/// Calls `parse` on the text the bytes make.
///
/// When the bytes are valid UTF-8 the exact text is parsed (this is the text
/// `std::str::from_utf8` gives, and also what `String::from_utf8_lossy` gives,
/// so it is parsed once). Otherwise the lossy text, with U+FFFD in place of
/// each bad sequence, is parsed: that is the form a user's editor would
/// show, and it still reaches the parser with arbitrary structure.
pub fn with_texts(data: &[u8], mut parse: impl FnMut(&str)) {
    match std::str::from_utf8(data) {
        Ok(exact) => parse(exact),
        Err(_) => parse(&String::from_utf8_lossy(data)),
    }
}

/// Panics (a finding) unless `err` is a well-formed error about `text` read
/// from `path`.
pub fn check_error(path: &Path, text: &str, err: &FileError, what: &str) {
    let shown = err.to_string();
    assert_eq!(
        err.path, path,
        "{what}: error names another path: {shown:?}"
    );
    assert!(err.line >= 1, "{what}: line 0 in {shown:?}");
    assert!(err.column >= 1, "{what}: column 0 in {shown:?}");
    let prefix = format!("{}:{}:{}: ", path.display(), err.line, err.column);
    assert!(
        shown.starts_with(&prefix),
        "{what}: Display does not start with {prefix:?}: {shown:?}"
    );
    assert!(
        !err.message.trim().is_empty(),
        "{what}: empty message in {shown:?}"
    );

    // The position lies in the text. Lines are counted by '\n' (as ron and
    // `locate` count them) and columns in characters; one past the last
    // line or character is allowed, for "unexpected end of file". The text
    // may start with a byte-order mark, which the parser drops, so columns
    // on line 1 are measured against the text with it (one more at most).
    let lines = text.split('\n').count();
    assert!(
        err.line <= lines,
        "{what}: line {} is past the end of a {lines}-line text: {shown:?}",
        err.line
    );
    let line_chars = text
        .split('\n')
        .nth(err.line - 1)
        .map_or(0, |l| l.chars().count());
    assert!(
        err.column <= line_chars + 1,
        "{what}: column {} is past the end of line {} ({line_chars} characters): {shown:?}",
        err.column,
        err.line
    );
}

/// Checks a parse result: `Ok` is fine, `Err` must be well-formed.
pub fn check<T>(path: &Path, text: &str, result: &Result<T, FileError>, what: &str) {
    if let Err(err) = result {
        check_error(path, text, err, what);
    }
}
