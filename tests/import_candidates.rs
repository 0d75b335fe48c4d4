//! `scorecard import candidates`, run as a user runs it (the real binary)
//! on a copy of `tests/fixtures/ats/workspace`: one export per ATS in its
//! own header style, re-imports, `--dry-run`, `--column`, and every kind
//! of bad input, each leaving every workspace file as it was.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scorecard::io::Workspace;
use serde_json::Value;

use common::{copy_dir, text, workspace_state};

const OPENING: &str = "platform-sre-lisbon";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ats")
}

/// A copy of the fixture workspace (two candidates of the opening:
/// c-0101 with an ATS id, c-0102 with an email only).
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    copy_dir(&fixtures().join("workspace"), &root);
    (dir, root)
}

fn scorecard(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn import(workspace: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import",
        "candidates",
        file.to_str().unwrap(),
        "--opening",
        OPENING,
    ];
    args.extend_from_slice(extra);
    scorecard(workspace, &args)
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)))
}

/// (name, email, external_id) of the opening's candidates, by name.
fn candidates(root: &Path) -> Vec<(String, Option<String>, Option<String>)> {
    let snapshot = Workspace::new(root).load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    let mut all: Vec<_> = snapshot
        .candidates()
        .iter()
        .map(|r| &r.candidate)
        .inspect(|c| {
            assert_eq!(c.opening.as_ref().map(|o| o.as_str()), Some(OPENING));
            assert_eq!(c.template.as_str(), "platform-sre");
            assert!(c.interviews.is_empty(), "invites bring the plan");
        })
        .map(|c| (c.name.clone(), c.email.clone(), c.external_id.clone()))
        .collect();
    all.sort();
    all
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn a_greenhouse_export_with_bom_and_first_and_last_names_is_imported() {
    let (_dir, root) = workspace();
    let out = import(
        &root,
        &fixtures().join("greenhouse.csv"),
        &["--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = json(&out);
    assert_eq!(
        doc["columns"],
        serde_json::json!({"first_name": "First Name", "last_name": "Last Name",
                           "email": "Email Address", "external_id": "Candidate ID"})
    );
    let names: Vec<&str> = doc["created"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Mireille Ducharme-Vasquez",
            "Tomasz Wiśniewski",
            "Aoife O'Callaghan"
        ]
    );
    assert_eq!(doc["created"][2]["line"], 4);
    assert_eq!(doc["unchanged"], 0);
    assert_eq!(doc["errors"], serde_json::json!([]));
    let all = candidates(&root);
    assert!(all.contains(&(
        "Tomasz Wiśniewski".to_owned(),
        some("t.wisniewski@example.com"),
        some("48213002")
    )));
    assert_eq!(all.len(), 5);
}

#[test]
fn a_lever_export_with_semicolons_and_a_line_break_in_a_field_is_imported() {
    let (_dir, root) = workspace();
    let out = import(&root, &fixtures().join("lever.csv"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            "columns: name ← \"Name\", email ← \"Email\", external_id ← \"Opportunity ID\"\n"
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with("2 created, 0 unchanged, for opening platform-sre-lisbon\n"));
    let all = candidates(&root);
    assert!(all.contains(&(
        "José Ángel Núñez".to_owned(),
        some("jose.nunez@example.com"),
        some("7c1e5a90-0b1d-4e7a-9d1e-3f1a2b3c4d01")
    )));
    assert!(all.iter().any(|c| c.0 == "Hannah Björk"));
}

#[test]
fn an_ashby_export_finds_known_candidates_by_id_then_email_and_imports_a_repeat_once() {
    let (_dir, root) = workspace();
    let known_before = fs::read(root.join("candidates/c-0102/candidate.ron")).unwrap();
    let out = import(&root, &fixtures().join("ashby.csv"), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = json(&out);
    assert_eq!(doc["created"].as_array().unwrap().len(), 1);
    assert_eq!(doc["created"][0]["name"], "Li Wei");
    assert_eq!(doc["unchanged"], 3);
    let matched: Vec<(i64, &str, &str, Value)> = doc["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["line"].as_i64().unwrap(),
                m["candidate"].as_str().unwrap(),
                m["by"].as_str().unwrap(),
                m["differs"].clone(),
            )
        })
        .collect();
    let li = doc["created"][0]["id"].as_str().unwrap();
    assert_eq!(
        matched,
        [
            (2, "c-0101", "external_id", serde_json::json!([])),
            (3, "c-0102", "email", serde_json::json!(["external_id"])),
            (5, li, "external_id", serde_json::json!([])),
        ]
    );
    assert_eq!(doc["matched"][2]["duplicate_of_line"], 4);
    // Known candidates are never rewritten, even when the ATS knows more.
    assert_eq!(
        fs::read(root.join("candidates/c-0102/candidate.ron")).unwrap(),
        known_before
    );
    assert_eq!(candidates(&root).len(), 3);
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let (_dir, root) = workspace();
    let file = fixtures().join("greenhouse.csv");
    assert_eq!(import(&root, &file, &[]).status.code(), Some(0));
    let before = workspace_state(&root);
    let again = import(&root, &file, &["--format", "json"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    let doc = json(&again);
    assert_eq!(doc["created"], serde_json::json!([]));
    assert_eq!(doc["unchanged"], 3);
    assert_eq!(workspace_state(&root), before);
}

#[test]
fn a_dry_run_says_what_would_change_and_writes_nothing() {
    let (_dir, root) = workspace();
    let before = workspace_state(&root);
    let out = import(&root, &fixtures().join("lever.csv"), &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("created c-"));
    assert!(text(&out.stdout).ends_with("(dry run: nothing written)\n"));
    assert_eq!(workspace_state(&root), before);
}

#[cfg(unix)]
#[test]
fn new_candidate_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, root) = workspace();
    let out = import(&root, &fixtures().join("lever.csv"), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let id = json(&out)["created"][0]["id"].as_str().unwrap().to_owned();
    let folder = root.join("candidates").join(id);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&folder.join("candidate.ron")), 0o600);
}

/// Writes `bytes` as a CSV outside the workspace.
fn csv(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_column_named_on_the_command_line_beats_the_guess() {
    let (dir, root) = workspace();
    let file = csv(
        dir.path(),
        "names.csv",
        "Name,Preferred Name,ID\nMaría del Carmen Ortiz,Carmen Ortiz,X-1\n".as_bytes(),
    );
    let out = import(
        &root,
        &file,
        &["--column", "name=preferred_name", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(json(&out)["created"][0]["name"], "Carmen Ortiz");
    assert_eq!(json(&out)["columns"]["name"], "Preferred Name");
}

/// Runs an import that must fail: exit `code`, `stderr` starting with
/// `first_line`, nothing on stdout, no workspace file changed.
fn fails(root: &Path, file: &Path, extra: &[&str], code: i32, first_line: &str) {
    let before = workspace_state(root);
    let out = import(root, file, extra);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert_eq!(stderr.lines().next(), Some(first_line), "{stderr}");
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(!stderr.contains("panicked"));
    assert_eq!(
        workspace_state(root),
        before,
        "a failed import changed the workspace"
    );
}

#[test]
fn bad_rows_are_each_named_at_their_line_and_nothing_is_written() {
    let (dir, root) = workspace();
    let file = csv(
        dir.path(),
        "bad.csv",
        b"Name,Email\nAna Ruiz,ana@example.com\nBo Li,bo@example.com,extra\n  ,cy@example.com\n",
    );
    let path = file.display().to_string();
    fails(
        &root,
        &file,
        &[],
        1,
        &format!(
            "{path}:3:1: this row has 3 fields, the header has 2: a separator inside a field needs quotes around the field"
        ),
    );
    let out = import(&root, &file, &[]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{path}:4:1: blank name: every candidate needs one (column \"Name\")"
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with("scorecard: nothing imported: fix the rows above first\n"));
}

#[test]
fn a_file_without_a_name_column_is_refused() {
    let (dir, root) = workspace();
    let file = csv(
        dir.path(),
        "no-name.csv",
        b"Email;Stage\na@example.com;Onsite\n",
    );
    fails(
        &root,
        &file,
        &[],
        1,
        &format!(
            "{}:1:1: no name column: expected `Name`, `Candidate Name`, `Full Name`, or `First Name` and `Last Name` (the header has \"Email\", \"Stage\"); name one with --column name=HEADER",
            file.display()
        ),
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_where_it_stops_being_text() {
    let (dir, root) = workspace();
    // "Jos\xe9" is Latin-1, as an old spreadsheet saves it.
    let file = csv(
        dir.path(),
        "latin1.csv",
        b"Name,Email\nJos\xe9 Pinto,jp@example.com\n",
    );
    fails(
        &root,
        &file,
        &[],
        1,
        &format!(
            "{}:2:4: not UTF-8 text: it looks like Latin-1 or Windows-1252 (cp1252), where byte 0xe9 is 'é' (export the file as \"CSV UTF-8\")",
            file.display()
        ),
    );
}

#[test]
fn an_unknown_opening_is_refused() {
    let (_dir, root) = workspace();
    let file = fixtures().join("lever.csv");
    let before = workspace_state(&root);
    let out = scorecard(
        &root,
        &[
            "import",
            "candidates",
            file.to_str().unwrap(),
            "--opening",
            "sre-paris",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let message = format!(
        "unknown opening \"sre-paris\": there is no {}",
        root.join("openings/sre-paris.ron").display()
    );
    assert_eq!(text(&out.stderr), format!("scorecard: {message}\n"));
    let doc = json(&out);
    assert_eq!(doc["created"], serde_json::json!([]));
    assert_eq!(doc["errors"][0]["message"], message);
    assert_eq!(workspace_state(&root), before);
}

#[test]
fn a_column_that_is_not_in_the_file_is_invalid_input_and_an_unknown_field_is_usage() {
    let (_dir, root) = workspace();
    let file = fixtures().join("ashby.csv");
    fails(
        &root,
        &file,
        &["--column", "email=Mail"],
        1,
        &format!(
            "{}:1:1: --column email=\"Mail\": the header has no such column (it has \"Application ID\", \"Candidate Name\", \"Candidate Email\", \"Job\", \"Application Status\")",
            file.display()
        ),
    );
    fails(
        &root,
        &file,
        &["--column", "phone=Phone"],
        2,
        "scorecard: --column \"phone=Phone\": unknown field \"phone\" (fields: name, first_name, last_name, email, external_id)",
    );
}

#[test]
fn errors_in_json_carry_their_line_and_column() {
    let (dir, root) = workspace();
    let file = csv(
        dir.path(),
        "mail.csv",
        b"Name,Email\nAna Ruiz,ana(at)example.com\n",
    );
    let out = import(&root, &file, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    assert_eq!(
        doc["errors"],
        serde_json::json!([{
            "path": file.display().to_string(), "line": 2, "column": 10,
            "message": "\"ana(at)example.com\" is not an email address (column \"Email\")"
        }])
    );
    assert!(candidates(&root).len() == 2);
}

#[test]
fn a_shared_sheet_in_crlf_with_several_addresses_per_cell() {
    let (_dir, root) = workspace();
    let file = fixtures().join("shared_sheet_crlf.csv");
    let dry = json(&import(&root, &file, &["--dry-run", "--format", "json"]));
    // Ines (line 2) has no ATS id in the sheet: she is c-0101 by email,
    // though c-0101 has an id. Kwame's second address is c-0102's. Their
    // lines are the file's own, past a quoted line break, in CRLF.
    let matched: Vec<(u64, &str, &str)> = dry["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["line"].as_u64().unwrap(),
                m["candidate"].as_str().unwrap(),
                m["by"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        matched,
        [(2, "c-0101", "email"), (4, "c-0102", "email")],
        "{dry}"
    );
    let created = &dry["created"].as_array().unwrap()[..];
    assert_eq!(created.len(), 1, "{dry}");
    assert_eq!(created[0]["line"], 5, "{dry}");
    assert_eq!(created[0]["name"], "Ana Lima");
    assert_eq!(
        created[0]["email"], "ana.lima@example.com",
        "the first address"
    );
    // The dry run's id is the one the import gives.
    let dry_id = created[0]["id"].as_str().unwrap().to_owned();
    let done = json(&import(&root, &file, &["--format", "json"]));
    assert_eq!(done["created"][0]["id"], dry_id.as_str(), "{done}");
    assert!(
        root.join("candidates")
            .join(&dry_id)
            .join("candidate.ron")
            .is_file()
    );
}

#[test]
fn errors_in_a_crlf_file_name_its_own_lines() {
    let (_dir, root) = workspace();
    let file = fixtures().join("shared_sheet_crlf_bad.csv");
    fails(
        &root,
        &file,
        &[],
        1,
        &format!(
            "{}:4:9: \"not-an-address\" is not an email address (column \"Email\")",
            file.display()
        ),
    );
}
