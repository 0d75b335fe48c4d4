//! The file formats: every error kind has a fixture under
//! `tests/fixtures/invalid/` whose first line says the exact error expected
//! (`// expect: line:col: message`); every fixture under `valid/` must parse.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use scorecard::io::{
    MAX_FILE_BYTES, ParsedFile, Workspace, WorkspaceSnapshot, parse_any, read_and_check,
    read_and_parse_any, read_text, shipped_library,
};

/// What fixtures refer to: the shipped templates and the opening in
/// `tests/fixtures/loop-workspace/openings/`.
fn loop_workspace() -> WorkspaceSnapshot {
    Workspace::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loop-workspace"))
        .load_definitions()
}

/// Parses a fixture and checks its references, as `scorecard validate` does.
fn check(
    path: &Path,
    workspace: &WorkspaceSnapshot,
) -> Result<ParsedFile, scorecard::io::FileError> {
    read_and_check(path, &shipped_library().0, workspace)
}

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    paths
}

/// The `// expect: …` line of a fixture, read as bytes so that fixtures of
/// binary or broken text can carry one too.
fn expectation(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap();
    let line = String::from_utf8_lossy(first_line);
    line.strip_prefix("// expect: ")
        .unwrap_or_else(|| panic!("{} has no `// expect:` first line", path.display()))
        .trim_end()
        .to_owned()
}

#[test]
fn every_invalid_fixture_fails_with_its_expected_error() {
    let mut mismatches = Vec::new();
    let workspace = loop_workspace();
    for path in fixtures("invalid") {
        let expected = format!("{}:{}", path.display(), expectation(&path));
        match check(&path, &workspace) {
            Ok(parsed) => {
                mismatches.push(format!("{} parsed as {:?}", path.display(), parsed.kind()))
            }
            Err(err) if err.to_string() != expected => {
                mismatches.push(format!("expected {expected}\n     got {err}"));
            }
            Err(_) => {}
        }
    }
    assert!(mismatches.is_empty(), "\n{}", mismatches.join("\n"));
}

#[test]
fn every_valid_fixture_parses() {
    let workspace = loop_workspace();
    for path in fixtures("valid") {
        if let Err(err) = check(&path, &workspace) {
            panic!("{err}");
        }
    }
}

#[test]
fn bom_crlf_comments_and_trailing_commas_read_like_the_plain_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let plain = read_and_parse_any(&dir.join("template-minimal.ron")).unwrap();
    let decorated = read_and_parse_any(&dir.join("template-bom-crlf.ron")).unwrap();
    assert_eq!(plain, decorated);
    let bytes = fs::read(dir.join("template-bom-crlf.ron")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf") && bytes.windows(2).any(|w| w == b"\r\n"));
}

#[test]
fn rating_entries_may_be_named_or_anonymous() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let anonymous = read_and_parse_any(&dir.join("scorecard.ron")).unwrap();
    let named = read_and_parse_any(&dir.join("scorecard-named-entries.ron")).unwrap();
    assert_eq!(anonymous, named);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let path = Path::new("deep.ron");
    for (open, close) in [("[", "]"), ("(", ")"), ("{", "}")] {
        let text = format!(
            "Template(format: 1, dimensions: {}{})",
            open.repeat(20_000),
            close.repeat(20_000)
        );
        let err = parse_any(path, &text).unwrap_err();
        assert_eq!(err.line, 1, "{err}");
        let bare = open.repeat(20_000);
        assert!(parse_any(path, &bare).is_err());
    }
}

#[test]
fn a_huge_file_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let mut text = String::from("Template(summary: \"");
    text.push_str(&"x".repeat(50 * 1024 * 1024));
    text.push_str("\")");
    fs::write(&path, text).unwrap();
    let err = read_text(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:1:1: file is larger than {} MiB: not a scorecard file",
            path.display(),
            MAX_FILE_BYTES / 1024 / 1024
        )
    );
}

#[test]
fn shipped_templates_all_parse() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards");
    let paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert!(!paths.is_empty());
    for path in paths {
        match read_and_parse_any(&path) {
            Ok(ParsedFile::Template(t)) => {
                assert_eq!(
                    path.file_stem().unwrap().to_str().unwrap(),
                    t.id.as_str(),
                    "file name = id"
                );
            }
            Ok(other) => panic!("{} is a {:?}", path.display(), other.kind()),
            Err(err) => panic!("{err}"),
        }
    }
}
