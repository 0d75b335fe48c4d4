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

#[test]
fn the_shipped_nudge_list_parses_and_covers_every_topic_of_the_design() {
    let (list, errors) = scorecard::io::shipped_nudges();
    assert!(errors.is_empty(), "{errors:?}");
    let topics: Vec<&str> = list.topics.iter().map(|t| t.name.as_str()).collect();
    for topic in [
        "age",
        "family",
        "pregnancy",
        "religion",
        "nationality",
        "accent",
        "health",
        "appearance",
        "culture fit",
    ] {
        assert!(
            topics.iter().any(|t| t.contains(topic)),
            "no topic {topic}: {topics:?}"
        );
    }
    // Words engineers use for the job never nudge.
    for text in [
        "Found the race condition in the child process; the foreign key was missing",
        "Code generation fits in memory; the page cache was hot",
        "Explained the max-age header and the old deployment",
    ] {
        assert_eq!(list.find(text), Vec::<(&str, &str)>::new(), "{text}");
    }
    assert_eq!(
        list.find("Great culture-fit, and she mentioned her kids"),
        [
            ("family or marital status", "kids"),
            ("culture fit", "culture fit")
        ]
    );
}

#[test]
fn the_shipped_practice_sets_validate_and_cover_what_is_asked() {
    use std::collections::{BTreeMap, BTreeSet};

    use scorecard::io::{TemplateSet, parse_practice_case, shipped_practice_files};
    use scorecard::model::{Rating, Template};

    let (templates, errors) = TemplateSet::shipped();
    assert!(errors.is_empty(), "{errors:?}");
    let mut sets: BTreeMap<String, Vec<scorecard::model::PracticeCase>> = BTreeMap::new();
    for (path, text) in shipped_practice_files() {
        let case = parse_practice_case(&path, text, &templates).unwrap_or_else(|e| panic!("{e}"));
        // The folder is the template, the file name the id.
        let folder = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        assert_eq!(folder, case.template.as_str(), "{}", path.display());
        assert_eq!(
            path.file_stem().unwrap().to_str().unwrap(),
            case.id.as_str()
        );
        sets.entry(folder.to_owned()).or_default().push(case);
    }
    let levels: BTreeSet<&str> = sets
        .keys()
        .map(|id| templates.get(id).unwrap().template.level.as_str())
        .collect();
    assert!(sets.len() >= 3, "{:?}", sets.keys());
    assert!(levels.len() >= 3, "templates of three levels: {levels:?}");
    for (id, cases) in &sets {
        let template: &Template = &templates.get(id).unwrap().template;
        assert!(cases.len() >= 8, "{id}: {} cases", cases.len());
        let dimensions: BTreeSet<&str> = cases.iter().map(|c| c.dimension.as_str()).collect();
        assert!(dimensions.len() >= 3, "{id}: {dimensions:?}");
        let references: BTreeSet<Rating> = cases.iter().map(|c| c.reference).collect();
        assert_eq!(references.len(), 4, "{id}: every reference rating");
        for case in cases {
            assert!(template.dimension(case.dimension.as_str()).is_some());
            // Each rationale points at the anchor.
            let anchor = case.rationale.to_lowercase();
            assert!(
                ["anchor", "meets", "below", "exceeds"]
                    .iter()
                    .any(|w| anchor.contains(w)),
                "{id}/{}: {}",
                case.id,
                case.rationale
            );
            assert!(
                case.transcript.split_whitespace().count() >= 25,
                "{}",
                case.id
            );
        }
    }
}
