//! Text others wrote never drives the terminal or disguises a name: a
//! control or bidi character is refused where text enters (the ATS CSV,
//! invites, `validate` of people, candidates, scorecards, openings) and
//! escaped where it leaves (every text command, errors, JSON), for a file
//! written before the rule. Run as a user runs it: the real binary.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{text, workspace_state};
use scorecard::io::Workspace;
use scorecard::model::Slug;

/// The raw characters none of the output may carry.
const RAW: [char; 5] = ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}'];

/// A candidate's name that clears the screen and turns the rest around.
const EVIL_NAME: &str = "Eve\u{1b}[2J\u{202e}nomaM";
/// An interviewer's name that retitles the terminal.
const EVIL_INTERVIEWER: &str = "Mal\u{1b}]0;pwned\u{7}lory";

fn scorecard(args: &[&str], workspace: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Asserts no raw control (but line feed and tab) or bidi character in
/// `output`'s stdout and stderr.
fn assert_no_raw(what: &str, output: &Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let shown = text(bytes);
        for raw in RAW {
            assert!(
                !shown.contains(raw),
                "{what}: {raw:?} raw on {stream}: {shown:?}"
            );
        }
    }
}

/// A workspace written before the rule: an opening, a candidate whose name
/// and planned interviewer carry escapes, and a submitted scorecard by an
/// interviewer whose name carries a bidi isolate.
fn old_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("openings/sre.ron"),
        "Opening(format: 1, id: \"sre\", title: \"SRE\u{9b}31m Berlin\", template: \"junior-site-reliability-engineer\",\n    hiring_manager: \"Dana Kim\", opened_at: \"2026-11-01T09:00:00Z\")\n",
    );
    let name = EVIL_NAME.replace('\u{1b}', "\\u{1b}");
    write(
        &root.join("candidates/c-0001/candidate.ron"),
        &format!(
            "Candidate(\n    format: 1, id: \"c-0001\", name: \"{name}\", template: \"junior-site-reliability-engineer\",\n    created_at: \"2026-11-19T09:00:00Z\", opening: Some(\"sre\"),\n    interviews: [Interview(stage: \"\", interviewer: \"{EVIL_INTERVIEWER}\", at: \"2026-11-20T10:00:00Z\")],\n)\n"
        ),
    );
    let who = "Sam \u{2066}Lee";
    let path = Workspace::new(root)
        .scorecard_path(&Slug::new("c-0001").unwrap(), who, "")
        .unwrap();
    write(
        &path,
        &format!(
            "Scorecard(\n    format: 1, candidate: \"c-0001\", template: \"junior-site-reliability-engineer\", template_version: 1,\n    interviewer: \"{who}\", stage: \"\",\n    started_at: \"2026-11-20T10:00:00Z\", submitted_at: Some(\"2026-11-20T11:00:00Z\"),\n    ratings: {{\"communication\": (rating: Meets, evidence: \"said \\u{{1b}}[31m red\")}},\n    red_flags: [], recommendation: Some(Hire), notes: \"\",\n)\n"
        ),
    );
    dir
}

#[test]
fn validate_names_every_file_that_carries_one_at_the_character() {
    let ws = old_workspace();
    let out = scorecard(&["validate", ws.path().to_str().unwrap()], ws.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_no_raw("validate", &out);
    let err = text(&out.stderr);
    for (file, at) in [
        ("openings/sre.ron", ":1:42: title carries U+009B CSI"),
        (
            "candidates/c-0001/candidate.ron",
            ":2:40: name carries U+001B ESC",
        ),
        (
            "candidates/c-0001/candidate.ron",
            ":2:49: name carries U+202E RIGHT-TO-LEFT OVERRIDE",
        ),
        (
            "candidates/c-0001/candidate.ron",
            ":4:56: interviewer carries U+001B ESC",
        ),
        (
            "--.ron",
            ":3:23: interviewer carries U+2066 LEFT-TO-RIGHT ISOLATE",
        ),
        ("--.ron", ":5:64: evidence carries U+001B ESC"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(at)),
            "{file}{at} not in:\n{err}"
        );
    }
    assert!(!text(&out.stdout).contains(": ok"), "{}", text(&out.stdout));
}

#[test]
fn validate_refuses_a_people_list_name_and_welcomes_right_to_left_names() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.ron");
    write(
        &people,
        "People(format: 1, people: [\n    Person(name: \"\u{5e9}\u{5e8}\u{5d4} \u{200f}Cohen\", emails: [\"sara@example.com\"]),\n    Person(name: \"\u{645}\u{62d}\u{645}\u{62f} \u{200e}Ali\", emails: [\"mo@example.com\"]),\n    Person(name: \"Priya\\u{1b}[2J Raman\", emails: [\"priya@example.com\"]),\n])\n",
    );
    let out = scorecard(&["validate", people.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_no_raw("validate people", &out);
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("people.ron:4:24: name carries U+001B ESC, a control character"),
        "{err}"
    );

    let welcome = dir.path().join("welcome.ron");
    write(
        &welcome,
        "People(format: 1, people: [Person(name: \"\u{5e9}\u{5e8}\u{5d4} \u{200f}Cohen\", emails: [])])\n",
    );
    let out = scorecard(&["validate", welcome.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn text_commands_print_the_old_files_text_escaped() {
    let ws = old_workspace();
    let as_of = ["--as-of", "2026-11-25T10:00:00Z"];
    let pending = scorecard(&[&["pending"][..], &as_of].concat(), ws.path());
    assert!(pending.status.success(), "{}", text(&pending.stderr));
    assert_no_raw("pending", &pending);
    let shown = text(&pending.stdout);
    assert!(shown.contains("Eve\\u{1b}[2J\\u{202e}nomaM"), "{shown}");
    assert!(shown.contains("Mal\\u{1b}]0;pwned\\u{7}lory"), "{shown}");

    let interviewers = scorecard(&["interviewers"], ws.path());
    assert!(interviewers.status.success());
    assert_no_raw("interviewers", &interviewers);
    assert!(
        text(&interviewers.stdout).contains("Sam \\u{2066}Lee"),
        "{}",
        text(&interviewers.stdout)
    );

    let debrief = scorecard(
        &["export", "--candidate", "c-0001", "--format", "md"],
        ws.path(),
    );
    assert!(debrief.status.success(), "{}", text(&debrief.stderr));
    assert_no_raw("export md", &debrief);
    assert!(text(&debrief.stdout).contains("said \\u{1b}[31m red"));

    let summary = scorecard(&["summary", "--format", "md"], ws.path());
    assert_no_raw("summary md", &summary);
}

#[test]
fn json_output_stays_json_and_means_the_same_text() {
    let ws = old_workspace();
    for args in [
        &[
            "pending",
            "--format",
            "json",
            "--as-of",
            "2026-11-25T10:00:00Z",
        ][..],
        &["summary", "--format", "json"],
        &["interviewers", "--format", "json"],
        &["export", "--candidate", "c-0001", "--format", "json"],
    ] {
        let out = scorecard(args, ws.path());
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert_no_raw(&format!("{args:?}"), &out);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out.stdout)));
        assert!(
            doc.to_string().contains("nomaM") || doc.to_string().contains("Lee"),
            "{args:?}"
        );
    }
    let out = scorecard(
        &[
            "pending",
            "--format",
            "json",
            "--as-of",
            "2026-11-25T10:00:00Z",
        ],
        ws.path(),
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["pending"][0]["name"], EVIL_NAME);
    assert_eq!(doc["pending"][0]["interviewer"], EVIL_INTERVIEWER);
}

#[test]
fn an_ats_row_with_one_is_refused_and_nothing_is_written() {
    let ws = old_workspace();
    let csv = ws.path().join("greenhouse.csv");
    write(
        &csv,
        "Name,Email,Candidate ID\nAna Ruiz,ana@example.com,101\n\"Bo\u{1b}[2J Li\",bo@example.com,102\n",
    );
    let before = workspace_state(ws.path());
    let out = scorecard(
        &[
            "import",
            "candidates",
            csv.to_str().unwrap(),
            "--opening",
            "sre",
        ],
        ws.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert_no_raw("import candidates", &out);
    let err = text(&out.stderr);
    assert!(
        err.contains("greenhouse.csv:3:4: the name carries U+001B ESC"),
        "{err}"
    );
    assert_eq!(workspace_state(ws.path()), before);
}

#[test]
fn an_invite_with_one_is_that_events_problem_with_the_reason() {
    let ws = old_workspace();
    write(
        &ws.path().join("candidates/c-0002/candidate.ron"),
        "Candidate(format: 1, id: \"c-0002\", name: \"Noor Khalil\", template: \"junior-site-reliability-engineer\", created_at: \"2026-11-19T09:00:00Z\")\n",
    );
    let event = |uid: &str, summary: &str, cn: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261121T101010Z\r\nDTSTART:20261209T143000Z\r\nSUMMARY:{summary}\r\nORGANIZER:mailto:dana@example.com\r\nATTENDEE;CN={cn}:mailto:{uid}@example.com\r\nEND:VEVENT\r\n"
        )
    };
    let ics = ws.path().join("invites.ics");
    write(
        &ics,
        &format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{}{}{}END:VCALENDAR\r\n",
            event("title", "Interview Noor Khalil\u{1b}[2J", "Sam Lee"),
            event("attendee", "Interview Noor Khalil", "Kim\u{202e} Park"),
            event("fine", "Interview Noor Khalil", "Ana Ruiz"),
        ),
    );
    let dry = scorecard(
        &["import", "invites", ics.to_str().unwrap(), "--dry-run"],
        ws.path(),
    );
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert_no_raw("import invites", &dry);
    let shown = text(&dry.stdout);
    assert!(
        shown.contains(
            "\"Interview Noor Khalil\\u{1b}[2J\" (title): the title (SUMMARY) carries U+001B ESC"
        ),
        "{shown}"
    );
    assert!(
        shown.contains(
            "an attendee's name (its CN= or people.ron) carries U+202E RIGHT-TO-LEFT OVERRIDE"
        ),
        "{shown}"
    );
    assert!(shown.contains("Ana Ruiz"), "{shown}");

    let out = scorecard(&["import", "invites", ics.to_str().unwrap()], ws.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = fs::read_to_string(ws.path().join("candidates/c-0002/candidate.ron")).unwrap();
    assert!(written.contains("Ana Ruiz"), "{written}");
    assert!(
        !written.contains("Sam Lee") && !written.contains("Kim"),
        "{written}"
    );
}

#[test]
fn an_error_naming_a_files_text_reaches_stderr_escaped() {
    let ws = old_workspace();
    let out = scorecard(
        &["export", "--candidate", "c-\u{1b}[2J", "--format", "md"],
        ws.path(),
    );
    assert!(!out.status.success());
    assert_no_raw("export of an unknown candidate", &out);
}
