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
        .env("TZ", "UTC")
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

#[test]
fn validate_checks_practice_cases_and_nudge_lists() {
    let ws = tempfile::tempdir().unwrap();
    let out = scorecard(
        &["validate", "scorecards/practice", "scorecards/nudges"],
        ws.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "ok, practice case remote-state-reviewed for infrastructure-engineer / iac (Meets)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("ok, nudge list ("), "{stdout}");

    // An unknown template is an error at its position.
    let case = "tests/fixtures/invalid/practice-case-unknown-template.ron";
    let out = scorecard(&["validate", case], ws.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":5:15: unknown template \"no-such-template\""));
}

// The hiring loop, against tests/fixtures/loop-workspace, as of
// 2026-11-25T00:00:00Z (T). Worked out by hand from its files:
//
// c-0001 Alex Doe, opening sre-berlin-q4 (24 h to submit):
//   Sam Lee, incident-bridge, at 21st 10:00: due 22nd 10:00; only a draft,
//     so owed, and overdue by 14 + 24 + 24 = 62 h (draft: true).
//   Priya Raman, general, at 24th 10:00: due 25th 10:00 > T: owed, 0 h.
//   Kim Park, slo-basics, at 26th 10:00 > T: upcoming, not listed.
// c-0002 Bea Stone, sre-berlin-q4: both interviews have submitted
//   scorecards ("priya raman" is Priya Raman): nothing owed. Decided Hire
//   on the 22nd at 16:00; Sam's scorecard was submitted on the 23rd:
//   changed_after 1, Priya's (20th) is before.
// c-0003 Cy Lane, opening infra-remote (48 h to submit):
//   Ana Ruiz, incident-scenario, at 22nd 09:00: due 24th 09:00: 15 h overdue.
//   Sam Lee, iac-review, at 23rd 10:00: due 25th 10:00: owed.
//   Decided No hire on the 24th at 12:00, no scorecard: changed_after 0.
// c-0004 Dee Old, no opening (24 h): Sam Lee, general, at 23rd 23:00:
//   due 24th 23:00: 1 h overdue.
//
// Pending, overdue first then by due: c-0001/Sam (62), c-0003/Ana (15),
// c-0004/Sam (1), then c-0001/Priya and c-0003/Sam (both due 25th 10:00,
// by candidate id).

const AS_OF: &str = "2026-11-25T00:00:00Z";

fn loop_json(args: &[&str]) -> serde_json::Value {
    let out = scorecard(args, &loop_workspace());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn pending_rows(doc: &serde_json::Value) -> Vec<(String, String, f64, bool)> {
    doc["pending"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["candidate"].as_str().unwrap().to_owned(),
                p["interviewer"].as_str().unwrap().to_owned(),
                p["hours_overdue"].as_f64().unwrap(),
                p["overdue"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn row(
    candidate: &str,
    interviewer: &str,
    hours: f64,
    overdue: bool,
) -> (String, String, f64, bool) {
    (candidate.to_owned(), interviewer.to_owned(), hours, overdue)
}

#[test]
fn pending_lists_owed_scorecards_overdue_first_with_design_numbers() {
    let doc = loop_json(&["pending", "--as-of", AS_OF, "--format", "json"]);
    assert_eq!(doc["as_of"], AS_OF);
    assert_eq!(doc["errors"], serde_json::json!([]));
    assert_eq!(
        pending_rows(&doc),
        [
            row("c-0001", "Sam Lee", 62.0, true),
            row("c-0003", "Ana Ruiz", 15.0, true),
            row("c-0004", "Sam Lee", 1.0, true),
            row("c-0001", "Priya Raman", 0.0, false),
            row("c-0003", "Sam Lee", 0.0, false),
        ]
    );
    // The first entry in full, in DESIGN.md's shape.
    assert_eq!(
        doc["pending"][0],
        serde_json::json!({"candidate": "c-0001", "name": "Alex Doe", "opening": "sre-berlin-q4",
            "stage": "incident-bridge", "interviewer": "Sam Lee",
            "at": "2026-11-21T10:00:00Z", "due": "2026-11-22T10:00:00Z",
            "overdue": true, "hours_overdue": 62.0, "draft": true})
    );
    assert_eq!(doc["pending"][2]["opening"], serde_json::Value::Null);
}

#[test]
fn pending_narrows_by_opening_interviewer_and_overdue() {
    // Sam Lee by another spelling: the slug decides.
    let doc = loop_json(&[
        "pending",
        "--as-of",
        AS_OF,
        "--interviewer",
        "sam  LEE",
        "--format",
        "json",
    ]);
    assert_eq!(
        pending_rows(&doc),
        [
            row("c-0001", "Sam Lee", 62.0, true),
            row("c-0004", "Sam Lee", 1.0, true),
            row("c-0003", "Sam Lee", 0.0, false),
        ]
    );
    let doc = loop_json(&[
        "pending",
        "--as-of",
        AS_OF,
        "--opening",
        "sre-berlin-q4",
        "--format",
        "json",
    ]);
    assert_eq!(
        pending_rows(&doc),
        [
            row("c-0001", "Sam Lee", 62.0, true),
            row("c-0001", "Priya Raman", 0.0, false)
        ]
    );
    let doc = loop_json(&["pending", "--as-of", AS_OF, "--overdue", "--format", "json"]);
    assert_eq!(pending_rows(&doc).len(), 3);
    // At T = due exactly, Sam's first is owed but not yet overdue.
    let doc = loop_json(&[
        "pending",
        "--as-of",
        "2026-11-22T10:00:00Z",
        "--opening",
        "sre-berlin-q4",
        "--format",
        "json",
    ]);
    assert_eq!(pending_rows(&doc), [row("c-0001", "Sam Lee", 0.0, false)]);
    // Text, for a mail.
    let out = scorecard(
        &["pending", "--as-of", AS_OF, "--overdue"],
        &loop_workspace(),
    );
    let text_out = text(&out.stdout);
    assert!(
        text_out.starts_with("3 scorecards owed as of Wed 25 Nov, 00:00 UTC, 3 overdue\n"),
        "{text_out}"
    );
    assert!(text_out.contains("overdue 62.0 h  c-0001 Alex Doe  incident-bridge  Sam Lee  due Sun 22 Nov, 10:00 UTC  draft started"));
    // In the reader's zone, with its short name; the JSON stays UTC.
    let berlin = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(["pending", "--as-of", AS_OF, "--overdue"])
        .env("SCORECARD_WORKSPACE", loop_workspace())
        .env("TZ", "Europe/Berlin")
        .output()
        .unwrap();
    let berlin = text(&berlin.stdout);
    assert!(
        berlin.starts_with("3 scorecards owed as of Wed 25 Nov, 01:00 CET, 3 overdue\n"),
        "{berlin}"
    );
    assert!(
        berlin.contains("Sam Lee  due Sun 22 Nov, 11:00 CET  draft started"),
        "{berlin}"
    );
    // An unknown opening and a bad time are errors.
    let out = scorecard(&["pending", "--opening", "nope"], &loop_workspace());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown opening \"nope\""));
    let out = scorecard(&["pending", "--as-of", "yesterday"], &loop_workspace());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn pending_as_ics_is_one_todo_per_owed_scorecard_for_a_calendar() {
    let out = scorecard(
        &["pending", "--as-of", AS_OF, "--format", "ics"],
        &loop_workspace(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ics = text(&out.stdout);
    // The five owed scorecards of `pending` above, in its order.
    assert_eq!(ics.matches("BEGIN:VTODO").count(), 5);
    assert_eq!(ics.matches("PRIORITY:1").count(), 3);
    let uids: Vec<&str> = ics
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::trim_end)
        .collect();
    assert_eq!(
        uids[0],
        "c-0001--sam-lee--incident-bridge@scorecard.invalid"
    );
    assert!(
        ics.split_terminator('\n').all(|l| l.ends_with('\r')),
        "CRLF line ends"
    );
    insta::assert_snapshot!("pending_ics", ics.replace("\r\n", "\n"));
}

#[test]
fn summary_gains_the_hiring_loop_keys() {
    let doc = loop_json(&["summary", "--as-of", AS_OF, "--format", "json"]);
    let loop_keys: Vec<serde_json::Value> = doc["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            serde_json::json!([
                c["id"],
                c["opening"],
                c["owed"],
                c["overdue"],
                c["decision"]
            ])
        })
        .collect();
    assert_eq!(
        loop_keys,
        [
            serde_json::json!(["c-0001", "sre-berlin-q4", 2, 1, null]),
            serde_json::json!(["c-0002", "sre-berlin-q4", 0, 0,
                {"decision": "hire", "decided_by": "Dana Kim",
                 "decided_at": "2026-11-22T16:00:00Z", "changed_after": 1}]),
            serde_json::json!(["c-0003", "infra-remote", 2, 1,
                {"decision": "no_hire", "decided_by": "Lee Ho",
                 "decided_at": "2026-11-24T12:00:00Z", "changed_after": 0}]),
            serde_json::json!(["c-0004", null, 1, 1, null]),
        ]
    );
    assert_eq!(
        doc["openings"],
        serde_json::json!([
            {"id": "infra-remote", "title": "Infrastructure Engineer, remote", "status": "on_hold",
             "candidates": 1, "decided": 1, "hired": 0, "owed": 2, "overdue": 1},
            {"id": "sre-berlin-q4", "title": "Site Reliability Engineer, Berlin", "status": "open",
             "candidates": 2, "decided": 1, "hired": 1, "owed": 2, "overdue": 1},
        ])
    );
    // --opening narrows the candidates and the openings.
    let doc = loop_json(&[
        "summary",
        "--as-of",
        AS_OF,
        "--opening",
        "sre-berlin-q4",
        "--format",
        "json",
    ]);
    let ids: Vec<&str> = doc["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c-0001", "c-0002"]);
    assert_eq!(doc["openings"].as_array().unwrap().len(), 1);
    // Later, on the 27th, Kim's interview (26th 10:00) is owed too and
    // Priya's (due 25th 10:00) overdue: c-0001 owes 3, 2 of them overdue.
    let doc = loop_json(&[
        "summary",
        "--as-of",
        "2026-11-27T00:00:00Z",
        "--candidate",
        "c-0001",
        "--format",
        "json",
    ]);
    assert_eq!(doc["candidates"][0]["owed"], 3);
    assert_eq!(doc["candidates"][0]["overdue"], 2);
}

#[test]
fn export_shows_the_decision_and_the_owed_scorecards() {
    let ws = loop_workspace();
    let out = scorecard(
        &[
            "export",
            "--candidate",
            "c-0002",
            "--format",
            "md",
            "--as-of",
            AS_OF,
        ],
        &ws,
    );
    let md = text(&out.stdout);
    assert!(md.contains("## Decision\n\n**Hire**, decided by Dana Kim on 2026-11-22T16:00:00Z.\n\n> Calm on the incident bridge; the panel agrees.\n"), "{md}");
    assert!(
        md.contains("Sam Lee · Joining an incident bridge (after the decision)"),
        "{md}"
    );
    let out = scorecard(
        &[
            "export",
            "--candidate",
            "c-0001",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
        &ws,
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["decision"], serde_json::Value::Null);
    assert_eq!(doc["opening"], "Site Reliability Engineer, Berlin");
    assert_eq!(doc["owed"][0]["hours_overdue"], 62.0);
    assert_eq!(doc["owed"][1]["interviewer"], "Priya Raman");
    let out = scorecard(
        &[
            "export",
            "--candidate",
            "c-0003",
            "--format",
            "html",
            "--as-of",
            AS_OF,
        ],
        &ws,
    );
    let html = text(&out.stdout);
    assert!(
        html.contains("<h2>Decision</h2>") && html.contains("<b>No hire</b>, decided by Lee Ho")
    );
    assert!(html.contains("<h2>Owed scorecards</h2>"));
    let out = scorecard(
        &[
            "export",
            "--candidate",
            "c-0003",
            "--format",
            "csv",
            "--as-of",
            AS_OF,
        ],
        &ws,
    );
    let csv = text(&out.stdout);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("decision,c-0003,") && l.contains("No hire"))
    );
    assert_eq!(csv.lines().filter(|l| l.starts_with("overdue,")).count(), 1);
    assert_eq!(csv.lines().filter(|l| l.starts_with("owed,")).count(), 1);
}

// Calibration against tests/fixtures/loop-workspace: c-0002 was decided
// Hire; Priya Raman ("priya raman", Hire) and Sam Lee (StrongHire) both
// agree with it: decision_agreement 1.0 each. Hours from the planned
// interview to submit: Priya 20th 10:00 → 11:00 = 1 h; Sam 20th 14:00 →
// 23rd 09:00 = 67 h. Sam's other scorecard (c-0001) is a draft.
#[test]
fn interviewers_read_decisions_and_plans_and_narrow_by_opening() {
    let doc = loop_json(&["interviewers", "--format", "json"]);
    let rows: Vec<serde_json::Value> = doc["interviewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            serde_json::json!([
                i["name"],
                i["submitted"],
                i["decision_agreement"],
                i["median_hours_to_submit"]
            ])
        })
        .collect();
    assert_eq!(
        rows,
        [
            serde_json::json!(["priya raman", 1, 1.0, 1.0]),
            serde_json::json!(["Sam Lee", 1, 1.0, 67.0]),
        ]
    );
    let summary = loop_json(&["summary", "--format", "json"]);
    assert_eq!(summary["interviewers"], doc["interviewers"]);

    let berlin = loop_json(&[
        "interviewers",
        "--opening",
        "sre-berlin-q4",
        "--format",
        "json",
    ]);
    assert_eq!(berlin["interviewers"], doc["interviewers"]);
    let remote = loop_json(&[
        "interviewers",
        "--opening",
        "infra-remote",
        "--format",
        "json",
    ]);
    assert_eq!(remote["interviewers"], serde_json::json!([]));
    let out = scorecard(&["interviewers", "--opening", "nope"], &loop_workspace());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown opening \"nope\""));
}
