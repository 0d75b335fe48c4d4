//! The command line, run as a user runs it: the real binary.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scorecard(args: &[&str], workspace: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn invalid_fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir("tests/fixtures/invalid")
        .unwrap()
        .map(|e| PathBuf::from("tests/fixtures/invalid").join(e.unwrap().file_name()))
        .collect();
    paths.sort();
    paths
}

#[test]
fn validate_accepts_the_shipped_templates() {
    let ws = tempfile::tempdir().unwrap();
    let out = scorecard(
        &["validate", "scorecards/infrastructure-engineer.ron"],
        ws.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout)
            .contains("template infrastructure-engineer v1 (7 dimensions, 4 exercises)")
    );
    assert!(out.stderr.is_empty());
}

/// The workspace the format fixtures refer to (its opening).
fn loop_workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loop-workspace")
}

#[test]
fn validate_reports_each_broken_file_kind_on_stderr_with_exit_1() {
    let ws = loop_workspace();
    for path in invalid_fixtures() {
        let arg = path.to_str().unwrap();
        let out = scorecard(&["validate", arg], &ws);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{arg}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        let expected_tail = text(&fs::read(&path).unwrap())
            .lines()
            .next()
            .unwrap()
            .replace("// expect: ", "");
        assert_eq!(first, format!("{arg}:{expected_tail}"));
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn validate_takes_folders_and_exits_1_if_any_file_fails() {
    let ws = loop_workspace();
    let out = scorecard(&["validate", "tests/fixtures/valid"], &ws);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        fs::read_dir("tests/fixtures/valid").unwrap().count()
    );
    let out = scorecard(
        &[
            "validate",
            "tests/fixtures/valid",
            "tests/fixtures/invalid/empty-file.ron",
        ],
        &ws,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn validate_of_a_missing_file_is_an_error() {
    let ws = tempfile::tempdir().unwrap();
    let out = scorecard(&["validate", "no/such/file.ron"], ws.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("no/such/file.ron:1:1: cannot read: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2() {
    let ws = tempfile::tempdir().unwrap();
    assert_eq!(scorecard(&["validate"], ws.path()).status.code(), Some(2));
    assert_eq!(scorecard(&["frobnicate"], ws.path()).status.code(), Some(2));
    assert_eq!(
        scorecard(&["templates", "--format", "xml"], ws.path())
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn templates_json_lists_full_templates_with_defaults_and_source() {
    let ws = tempfile::tempdir().unwrap();
    let out = scorecard(&["templates", "--format", "json"], ws.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let templates = json.as_array().unwrap();
    let infra = templates
        .iter()
        .find(|t| t["id"] == "infrastructure-engineer")
        .unwrap();
    assert_eq!(infra["source"], "shipped");
    assert_eq!(infra["format"], 1);
    assert_eq!(infra["role"], "Infrastructure Engineer");
    let dimensions = infra["dimensions"].as_array().unwrap();
    assert_eq!(dimensions.len(), 7);
    for key in [
        "id",
        "name",
        "weight",
        "must_have",
        "meets",
        "exceeds",
        "below",
        "questions",
        "strong_signals",
        "weak_signals",
    ] {
        assert!(
            dimensions.iter().all(|d| d.get(key).is_some()),
            "every dimension has {key}"
        );
    }
    assert_eq!(infra["exercises"].as_array().unwrap().len(), 4);
    assert!(infra["exercises"][0]["minutes"].as_u64().unwrap() > 0);
}

#[test]
fn a_workspace_template_overrides_and_a_broken_one_is_reported() {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path().join("templates");
    fs::create_dir_all(&dir).unwrap();
    let shipped = fs::read_to_string("scorecards/infrastructure-engineer.ron").unwrap();
    fs::write(
        dir.join("infra.ron"),
        shipped.replace("version: 1,", "version: 3,"),
    )
    .unwrap();
    fs::write(dir.join("broken.ron"), "Template(\n  format: 2,\n)").unwrap();

    let out = scorecard(&["templates"], ws.path());
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("infrastructure-engineer"))
        .unwrap();
    assert!(line.contains("v3") && line.contains("infra.ron"), "{line}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("broken.ron:2:11: unsupported format 2"),
        "{stderr}"
    );
}

#[test]
fn the_workspace_flag_beats_the_environment() {
    let env_ws = tempfile::tempdir().unwrap();
    let flag_ws = tempfile::tempdir().unwrap();
    let dir = flag_ws.path().join("templates");
    fs::create_dir_all(&dir).unwrap();
    let shipped = fs::read_to_string("scorecards/infrastructure-engineer.ron").unwrap();
    fs::write(
        dir.join("x.ron"),
        shipped.replace("\"infrastructure-engineer\"", "\"flag-only\""),
    )
    .unwrap();
    let flag = flag_ws.path().to_str().unwrap();
    let out = scorecard(&["--workspace", flag, "templates"], env_ws.path());
    assert!(text(&out.stdout).contains("flag-only"));
    let out = scorecard(&["templates"], env_ws.path());
    assert!(!text(&out.stdout).contains("flag-only"));
}

#[test]
fn a_hostile_scorecard_is_listed_by_summary_and_left_byte_for_byte() {
    let ws = tempfile::tempdir().unwrap();
    let folder = ws.path().join("candidates/c-1/scorecards");
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        ws.path().join("candidates/c-1/candidate.ron"),
        "Candidate(format: 1, id: \"c-1\", name: \"Alex Doe\", template: \"infrastructure-engineer\", created_at: \"2026-11-20T09:00:00Z\")",
    )
    .unwrap();
    let mut hostile = b"Scorecard(\n    format: 1,\n    ratings: ".to_vec();
    hostile.extend(std::iter::repeat_n(b'{', 20_000));
    hostile.extend_from_slice(b"\xff\xfe\x00 <script>");
    let path = folder.join("eve--.ron");
    fs::write(&path, &hostile).unwrap();
    let deep = folder.join("mallory--.ron");
    fs::write(&deep, "[".repeat(20_000)).unwrap();

    let out = scorecard(&["summary", "--format", "json"], ws.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .all(|e| e["line"].as_u64().unwrap() >= 1 && e["column"].as_u64().unwrap() >= 1)
    );
    assert_eq!(json["candidates"][0]["submitted"], 0);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("eve--.ron:3:") && stderr.contains("mallory--.ron:1:1:"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert_eq!(fs::read(&path).unwrap(), hostile);
    assert_eq!(fs::read_to_string(&deep).unwrap(), "[".repeat(20_000));
}
