//! `scorecard import invites`: calendar files from Outlook, Google, Apple
//! and Thunderbird (tests/fixtures/invites/) into the plans of a workspace
//! built here, run as a user runs it (the real binary), and the library
//! calls the app makes.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use common::{text, workspace_state};

use scorecard::io::{InviteError, Workspace, apply_invites, read_invites};

const SRE: &str = "junior-site-reliability-engineer";

/// A workspace: an opening for the shipped junior SRE template, a
/// workspace template with two overlapping stage names, eight candidates
/// and a people list.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("openings/sre-berlin.ron"),
        &format!(
            "Opening(format: 1, id: \"sre-berlin\", title: \"SRE, Berlin\", template: \"{SRE}\",\n    hiring_manager: \"Dana Kim\", opened_at: \"2026-11-01T09:00:00Z\")\n"
        ),
    );
    write(
        &root.join("templates/platform-engineer.ron"),
        PLATFORM_TEMPLATE,
    );
    candidate(
        root,
        "c-0042",
        "Alex Doe",
        SRE,
        Some("alex.doe@example.org"),
        true,
    );
    candidate(root, "c-0043", "Zoë Lindqvist", SRE, None, false);
    candidate(
        root,
        "c-0044",
        "Jordan Reyes",
        SRE,
        Some("jordan.reyes@example.net"),
        false,
    );
    candidate(
        root,
        "c-0045",
        "Mia Hoffmann",
        SRE,
        Some("mia.h@example.org"),
        false,
    );
    candidate(root, "c-0050", "Sam Taylor", SRE, None, false);
    candidate(root, "c-0051", "Sam Taylor", SRE, None, false);
    candidate(
        root,
        "c-0060",
        "Noor Khalil",
        "platform-engineer",
        None,
        false,
    );
    write(
        &root.join("people.ron"),
        "People(format: 1, people: [\n    Person(name: \"Priya Raman\", emails: [\"priya.raman@example.com\"]),\n    Person(name: \"Sam Lee\", emails: [\"sam.lee@example.com\"]),\n    Person(name: \"Dana Kim\", emails: [\"dana.kim@example.com\"]),\n    Person(name: \"Kenji Watanabe\", emails: [\"kenji@example.com\"]),\n])\n",
    );
    dir
}

const PLATFORM_TEMPLATE: &str = r#"Template(
    format: 1, id: "platform-engineer", version: 1, role: "Platform Engineer", level: "Mid-level IC",
    summary: "Builds the internal platform.",
    dimensions: [
        Dimension(id: "design", name: "Design", meets: "Sound designs", exceeds: "Designs others reuse"),
    ],
    exercises: [
        Exercise(id: "design", name: "Design review", minutes: 30, dimensions: ["design"]),
        Exercise(id: "system-design", name: "System design", minutes: 60, dimensions: ["design"]),
    ],
)
"#;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn candidate(
    root: &Path,
    id: &str,
    name: &str,
    template: &str,
    email: Option<&str>,
    opening: bool,
) {
    let email = email.map_or(String::new(), |e| format!("    email: Some(\"{e}\"),\n"));
    let opening = if opening {
        "    opening: Some(\"sre-berlin\"),\n"
    } else {
        ""
    };
    write(
        &candidate_file(root, id),
        &format!(
            "Candidate(\n    format: 1, id: \"{id}\", name: \"{name}\", template: \"{template}\",\n    created_at: \"2026-11-20T09:00:00Z\",\n{opening}{email})\n"
        ),
    );
}

fn candidate_file(root: &Path, id: &str) -> PathBuf {
    root.join("candidates").join(id).join("candidate.ron")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invites")
        .join(name)
}

fn scorecard(args: &[&str], workspace: &Path, tz: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scorecard"));
    command
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .env("TZ", tz.unwrap_or("UTC"));
    command.output().unwrap()
}

/// Runs the import of `name` as JSON (with `--dry-run` if asked), expects
/// success, returns the document.
fn import_with(ws: &Path, name: &str, extra: &[&str], tz: Option<&str>) -> Value {
    let file = fixture(name);
    let mut args = vec![
        "import",
        "invites",
        file.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = scorecard(&args, ws, tz);
    assert!(
        out.status.success(),
        "{name}: {}\n{}",
        text(&out.stderr),
        text(&out.stdout)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn import(ws: &Path, name: &str) -> Value {
    import_with(ws, name, &[], None)
}

/// `(candidate, stage, interviewer, at)` of each entry of a list.
fn rows(doc: &Value, key: &str) -> Vec<(String, String, String, String)> {
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {doc}"))
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_owned();
            (s("candidate"), s("stage"), s("interviewer"), s("at"))
        })
        .collect()
}

fn row(candidate: &str, stage: &str, who: &str, at: &str) -> (String, String, String, String) {
    (candidate.into(), stage.into(), who.into(), at.into())
}

/// `(uid, reason)` of each unmatched entry.
fn unmatched(doc: &Value) -> Vec<(String, String)> {
    doc["unmatched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["uid"].as_str().unwrap().to_owned(),
                u["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The plan of candidate `id` as written: `(stage, interviewer, at, uid)`.
fn plan_of(root: &Path, id: &str) -> Vec<(String, String, String, Option<String>)> {
    let text = fs::read_to_string(candidate_file(root, id)).unwrap();
    let candidate = scorecard::io::parse_candidate(&candidate_file(root, id), &text).unwrap();
    candidate
        .interviews
        .iter()
        .map(|i| {
            (
                i.stage.to_string(),
                i.interviewer.to_string(),
                i.at.to_string(),
                i.uid.clone(),
            )
        })
        .collect()
}

const OUTLOOK_UID: &str = "040000008200E00074C5B7101A82E00800000000B0D1C4F5A1E1DA010000000000000000100000009F6C3B2E2A7C2D4B8E1F0A9C3D5E6F7A";

#[test]
fn outlook_windows_zone_last_first_names_and_a_room_in_winter_and_summer() {
    let ws = workspace();
    let doc = import(ws.path(), "outlook.ics");
    // W. Europe Standard Time: 10:00 in December is 09:00Z; 14:00 in July
    // is 12:00Z. "Raman, Priya" is found by email in people.ron, "Lee, Sam"
    // (not in people.ron) is turned round; the room and the organizer are
    // not interviewers; "Zoe" is Zoë.
    assert_eq!(
        rows(&doc, "created"),
        [
            row(
                "c-0042",
                "incident-bridge",
                "Priya Raman",
                "2026-12-08T09:00:00Z"
            ),
            row(
                "c-0042",
                "incident-bridge",
                "Sam Lee",
                "2026-12-08T09:00:00Z"
            ),
            row("c-0043", "slo-basics", "Dana Kim", "2026-07-07T12:00:00Z"),
        ]
    );
    assert_eq!(doc["created"][0]["uid"], OUTLOOK_UID);
    assert_eq!(doc["created"][0]["name"], "Alex Doe");
    assert_eq!(doc["unchanged"], 0);
    assert_eq!(unmatched(&doc), []);
    assert_eq!(doc["errors"], serde_json::json!([]));
    assert_eq!(doc["written"].as_array().unwrap().len(), 2);
    assert_eq!(
        plan_of(ws.path(), "c-0042"),
        [
            (
                "incident-bridge".into(),
                "Priya Raman".into(),
                "2026-12-08T09:00:00Z".into(),
                Some(OUTLOOK_UID.into())
            ),
            (
                "incident-bridge".into(),
                "Sam Lee".into(),
                "2026-12-08T09:00:00Z".into(),
                Some(OUTLOOK_UID.into())
            ),
        ]
    );
    // What was written is a valid candidate file for `validate`.
    let file = candidate_file(ws.path(), "c-0042");
    let out = scorecard(&["validate", file.to_str().unwrap()], ws.path(), None);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn google_iana_zone_declined_organizer_and_candidate_attendees() {
    let ws = workspace();
    let doc = import(ws.path(), "google.ics");
    // Europe/Berlin 14:30 in December is 13:30Z. Dana organizes (and is an
    // attendee too), Kenji declined, Jordan is the candidate (by email);
    // Priya's CN is her address (people.ron names her); Farah is named by
    // CN. The stage is named by id in the folded DESCRIPTION.
    assert_eq!(
        rows(&doc, "created"),
        [
            row(
                "c-0044",
                "toil-automation",
                "Priya Raman",
                "2026-12-09T13:30:00Z"
            ),
            row(
                "c-0044",
                "toil-automation",
                "Farah Haddad",
                "2026-12-09T13:30:00Z"
            ),
        ]
    );
    assert_eq!(unmatched(&doc), []);
}

#[test]
fn apple_new_york_zone_and_the_candidate_by_name() {
    let ws = workspace();
    let doc = import(ws.path(), "apple.ics");
    assert_eq!(
        rows(&doc, "created"),
        [row("c-0045", "", "Kenji Watanabe", "2026-12-09T16:00:00Z")]
    );
    assert_eq!(unmatched(&doc), []);
}

#[test]
fn thunderbird_floating_times_are_the_machines_zone_and_utc_stays_utc() {
    for (tz, floating) in [
        ("Asia/Kolkata", "2026-12-10T03:30:00Z"),
        ("America/New_York", "2026-12-10T14:00:00Z"),
        ("UTC", "2026-12-10T09:00:00Z"),
    ] {
        let ws = workspace();
        let doc = import_with(ws.path(), "thunderbird.ics", &[], Some(tz));
        assert_eq!(
            rows(&doc, "created"),
            [
                row("c-0042", "slo-basics", "Kenji Watanabe", floating),
                row(
                    "c-0045",
                    "toil-automation",
                    "Sam Lee",
                    "2026-12-11T15:00:00Z"
                ),
            ],
            "TZ={tz}"
        );
    }
}

#[test]
fn zones_windows_india_tokyo_a_display_name_and_custom_rules() {
    let ws = workspace();
    let doc = import(ws.path(), "zones.ics");
    assert_eq!(
        rows(&doc, "created"),
        [
            // India Standard Time, +05:30.
            row(
                "c-0042",
                "incident-bridge",
                "Priya Raman",
                "2026-12-15T04:30:00Z"
            ),
            // "Customized Time Zone": its own rules, US-like, summer and winter.
            row(
                "c-0042",
                "slo-basics",
                "Priya Raman",
                "2026-07-15T14:00:00Z"
            ),
            row(
                "c-0042",
                "toil-automation",
                "Priya Raman",
                "2026-12-15T15:00:00Z"
            ),
            // Tokyo Standard Time, +09:00.
            row(
                "c-0044",
                "incident-bridge",
                "Sam Lee",
                "2026-12-16T09:00:00Z"
            ),
            // "(UTC+01:00) Amsterdam, Berlin, …" in summer, +02:00.
            row("c-0044", "slo-basics", "Sam Lee", "2026-07-01T07:00:00Z"),
        ]
    );
}

#[test]
fn matching_rules_name_one_candidate_or_say_why_not() {
    let ws = workspace();
    let doc = import(ws.path(), "matching.ics");
    assert_eq!(
        rows(&doc, "created"),
        [
            // An id settles a name two candidates share.
            row("c-0051", "", "Priya Raman", "2026-12-14T09:00:00Z"),
            // ... in the description too.
            row("c-0050", "", "Priya Raman", "2026-12-14T09:00:00Z"),
            // The description names the candidate when the summary does not.
            row("c-0044", "", "Priya Raman", "2026-12-14T09:00:00Z"),
            // The named attendee is planned; the other is listed below.
            row(
                "c-0045",
                "incident-bridge",
                "Priya Raman",
                "2026-12-14T09:00:00Z"
            ),
            // The longest stage name wins ("System design" over "design").
            row(
                "c-0060",
                "system-design",
                "Priya Raman",
                "2026-12-14T09:00:00Z"
            ),
            row("c-0060", "design", "Priya Raman", "2026-12-14T09:00:00Z"),
            // Case and accents do not matter.
            row("c-0043", "", "Sam Lee", "2026-12-14T09:00:00Z"),
        ]
    );
    let reasons = unmatched(&doc);
    let reason = |uid: &str| -> Vec<&str> {
        reasons
            .iter()
            .filter(|(u, _)| u == uid)
            .map(|(_, r)| r.as_str())
            .collect()
    };
    assert_eq!(
        reason("m-ambiguous"),
        [
            "ambiguous: the summary names several candidates: c-0050 (Sam Taylor), c-0051 (Sam Taylor)"
        ]
    );
    // Whole words: "Alex Doering" is not Alex Doe.
    assert_eq!(
        reason("m-whole-words"),
        ["no candidate's name or id in the summary or description"]
    );
    assert_eq!(
        reason("m-nobody"),
        ["no candidate's name or id in the summary or description"]
    );
    assert_eq!(reason("m-all-day"), ["all-day event: not an interview"]);
    assert!(
        reason("m-recurring")[0].starts_with("recurring event"),
        "{reasons:?}"
    );
    assert!(
        reason("m-unnamed")[0].starts_with("attendee someone@example.com has no name"),
        "{reasons:?}"
    );
    assert!(
        reason("m-reply")[0].starts_with("not an invite: a reply to one"),
        "{reasons:?}"
    );
    assert_eq!(reasons.len(), 7, "{reasons:?}");
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    let before = workspace_state(ws.path());
    let doc = import(ws.path(), "outlook.ics");
    assert_eq!(rows(&doc, "created"), []);
    assert_eq!(rows(&doc, "moved"), []);
    assert_eq!(rows(&doc, "cancelled"), []);
    assert_eq!(doc["unchanged"], 3);
    assert_eq!(doc["written"], serde_json::json!([]));
    assert_eq!(workspace_state(ws.path()), before);
}

#[test]
fn a_resent_invite_moves_the_interview_and_drops_a_removed_attendee() {
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    let doc = import(ws.path(), "outlook_update.ics");
    // SEQUENCE:1, 9 December 15:00 in Berlin: 14:00Z; Sam is off the invite.
    assert_eq!(
        rows(&doc, "moved"),
        [row(
            "c-0042",
            "incident-bridge",
            "Priya Raman",
            "2026-12-09T14:00:00Z"
        )]
    );
    assert_eq!(doc["moved"][0]["from"], "2026-12-08T09:00:00Z");
    assert_eq!(
        rows(&doc, "cancelled"),
        [row(
            "c-0042",
            "incident-bridge",
            "Sam Lee",
            "2026-12-08T09:00:00Z"
        )]
    );
    assert_eq!(
        plan_of(ws.path(), "c-0042"),
        [(
            "incident-bridge".into(),
            "Priya Raman".into(),
            "2026-12-09T14:00:00Z".into(),
            Some(OUTLOOK_UID.into())
        )]
    );
    // Zoë's interview, not in the update, is left alone.
    assert_eq!(plan_of(ws.path(), "c-0043").len(), 1);
}

#[test]
fn a_cancellation_removes_the_invites_interviews() {
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    let doc = import(ws.path(), "outlook_cancel.ics");
    assert_eq!(
        rows(&doc, "cancelled"),
        [
            row(
                "c-0042",
                "incident-bridge",
                "Priya Raman",
                "2026-12-08T09:00:00Z"
            ),
            row(
                "c-0042",
                "incident-bridge",
                "Sam Lee",
                "2026-12-08T09:00:00Z"
            ),
        ]
    );
    assert_eq!(plan_of(ws.path(), "c-0042"), []);
    // Again: nothing left to cancel, said so.
    let doc = import(ws.path(), "outlook_cancel.ics");
    assert_eq!(rows(&doc, "cancelled"), []);
    assert!(
        unmatched(&doc)[0]
            .1
            .starts_with("cancelled, and nothing is planned")
    );
}

#[test]
fn a_cancelled_interview_with_a_scorecard_is_kept() {
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    // Priya started a draft for that stage.
    write(
        &ws.path()
            .join("candidates/c-0042/scorecards/priya-raman--incident-bridge.ron"),
        &format!(
            "Scorecard(format: 1, candidate: \"c-0042\", template: \"{SRE}\", template_version: 1,\n    interviewer: \"Priya Raman\", stage: \"incident-bridge\", started_at: \"2026-12-08T09:00:00Z\",\n    submitted_at: None, ratings: {{}}, red_flags: [], recommendation: None, notes: \"\")\n"
        ),
    );
    let card = workspace_state(ws.path());
    let doc = import(ws.path(), "outlook_cancel.ics");
    assert_eq!(
        rows(&doc, "cancelled_but_scored"),
        [row(
            "c-0042",
            "incident-bridge",
            "Priya Raman",
            "2026-12-08T09:00:00Z"
        )]
    );
    assert_eq!(
        rows(&doc, "cancelled"),
        [row(
            "c-0042",
            "incident-bridge",
            "Sam Lee",
            "2026-12-08T09:00:00Z"
        )]
    );
    let plan = plan_of(ws.path(), "c-0042");
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].1, "Priya Raman");
    // The scorecard is never touched.
    let path = Path::new("candidates/c-0042/scorecards/priya-raman--incident-bridge.ron");
    assert_eq!(Some(fs::read(ws.path().join(path)).unwrap()), card[path]);
}

#[test]
fn a_typed_entry_of_the_same_interviewer_and_stage_is_adopted() {
    let ws = workspace();
    let file = candidate_file(ws.path(), "c-0042");
    // The coordinator typed Priya in at another time and Sam at the
    // invite's time, spelled their own way.
    let text = fs::read_to_string(&file).unwrap().replace(
        "    opening:",
        "    interviews: [\n        Interview(stage: \"incident-bridge\", interviewer: \"priya raman\", at: \"2026-12-07T09:00:00Z\"),\n        Interview(stage: \"incident-bridge\", interviewer: \"Sam Lee\", at: \"2026-12-08T09:00:00Z\"),\n    ],\n    opening:",
    );
    fs::write(&file, text).unwrap();
    let doc = import(ws.path(), "outlook.ics");
    assert_eq!(
        rows(&doc, "moved"),
        [row(
            "c-0042",
            "incident-bridge",
            "priya raman",
            "2026-12-08T09:00:00Z"
        )]
    );
    assert_eq!(doc["moved"][0]["from"], "2026-12-07T09:00:00Z");
    // Sam's, at the invite's time, is adopted unchanged; Zoë's is new.
    assert_eq!(doc["unchanged"], 1);
    assert_eq!(rows(&doc, "created").len(), 1);
    let plan = plan_of(ws.path(), "c-0042");
    assert_eq!(plan.len(), 2, "adopted, not added: {plan:?}");
    assert!(
        plan.iter().all(|p| p.3.as_deref() == Some(OUTLOOK_UID)),
        "{plan:?}"
    );
    assert_eq!(plan[0].1, "priya raman");
}

#[test]
fn an_interviewer_planned_at_the_stage_by_another_invite_is_not_planned_twice() {
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    // Another invite (another UID) for Priya at the same stage of Alex.
    let other = ws.path().join("other.ics");
    let text = fs::read_to_string(fixture("outlook.ics"))
        .unwrap()
        .replace("9F6C3B2E2A", "1111111111");
    fs::write(&other, text).unwrap();
    let out = scorecard(
        &[
            "import",
            "invites",
            other.to_str().unwrap(),
            "--format",
            "json",
        ],
        ws.path(),
        None,
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows(&doc, "created"), []);
    let reasons = unmatched(&doc);
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].1.starts_with(
            "Priya Raman is planned for c-0042 at stage incident-bridge already (by invite 0400"
        ),
        "{reasons:?}"
    );
}

fn text_of(out: &Output) -> String {
    format!("{}{}", text(&out.stdout), text(&out.stderr))
}

#[test]
fn dry_run_writes_nothing_and_says_what_would_change() {
    let ws = workspace();
    let before = workspace_state(ws.path());
    let doc = import_with(ws.path(), "outlook.ics", &["--dry-run"], None);
    assert_eq!(rows(&doc, "created").len(), 3);
    assert_eq!(doc["dry_run"], true);
    assert_eq!(workspace_state(ws.path()), before);
    let file = fixture("outlook.ics");
    let out = scorecard(
        &["import", "invites", file.to_str().unwrap(), "--dry-run"],
        ws.path(),
        None,
    );
    assert!(out.status.success());
    let shown = text(&out.stdout);
    // Times read in the reader's zone (the year shows after 2026).
    let created = "created    c-0042 (Alex Doe), stage incident-bridge, Sam Lee: Tue 8 Dec";
    assert!(shown.contains(created), "{shown}");
    assert!(shown.contains("09:00 UTC\n"), "{shown}");
    let tokyo = scorecard(
        &["import", "invites", file.to_str().unwrap(), "--dry-run"],
        ws.path(),
        Some("Asia/Tokyo"),
    );
    let tokyo = text(&tokyo.stdout);
    assert!(tokyo.contains(created), "{tokyo}");
    assert!(tokyo.contains("18:00 JST\n"), "{tokyo}");
    assert!(
        shown.ends_with("3 created, 0 moved, 0 cancelled, 0 kept for their scorecards, 0 unchanged, 0 unmatched; dry run: nothing written (2 candidate files would change)\n"),
        "{shown}"
    );
    assert_eq!(workspace_state(ws.path()), before);
}

/// Runs the import of `file`, expects exit 1 with `expected` on stderr and
/// not one file of the workspace changed.
fn refused(file: &Path, expected: &str) {
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    let before = workspace_state(ws.path());
    for format in ["text", "json"] {
        let out = scorecard(
            &[
                "import",
                "invites",
                file.to_str().unwrap(),
                "--format",
                format,
            ],
            ws.path(),
            None,
        );
        assert_eq!(out.status.code(), Some(1), "{}", text_of(&out));
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr,
            format!("{}{expected}\n", file.display()),
            "{format}"
        );
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        assert_eq!(workspace_state(ws.path()), before);
    }
}

#[test]
fn bad_input_is_an_error_at_its_line_and_changes_nothing() {
    refused(
        &fixture("bad_not_icalendar.ics"),
        ":1:1: not an iCalendar file (.ics): it starts with \"Name,Email,Interview\", not BEGIN:VCALENDAR",
    );
    refused(
        &fixture("bad_broken_line.ics"),
        ":6:1: broken line: no ':' between a property's name and its value in \"SUMMARY Alex Doe - Joining an incident b\" (a content line reads NAME:VALUE)",
    );
    refused(
        &fixture("bad_cut_short.ics"),
        ":5:1: BEGIN:VEVENT is never closed (no END:VEVENT): is the file cut short?",
    );
    refused(
        &fixture("bad_broken_utf8.ics"),
        ":6:21: not UTF-8 text: byte 0xe3 cannot start a character (an iCalendar file is UTF-8: save it as UTF-8, in the calendar program or a text editor)",
    );
    refused(
        &fixture("bad_latin1.ics"),
        ":6:20: not UTF-8 text: it looks like Latin-1 or Windows-1252 (cp1252), where byte 0xf6 is 'ö' (an iCalendar file is UTF-8: save it as UTF-8, in the calendar program or a text editor)",
    );
}

#[test]
fn an_unknown_zone_or_no_start_is_that_events_problem_not_the_files() {
    let ws = workspace();
    let before = workspace_state(ws.path());
    for (name, uid, reason) in [
        (
            "bad_unknown_zone.ics",
            "bad-zone",
            "its start time cannot be known: unknown time zone \"Atlantis Standard Time\": not an IANA or Windows zone name this program knows, and the file has no VTIMEZONE for it (line 8, column 9)",
        ),
        (
            "bad_no_dtstart.ics",
            "bad-no-start",
            "no start time (DTSTART): when it starts is not said",
        ),
    ] {
        let doc = import_with(ws.path(), name, &["--dry-run"], None);
        assert_eq!(rows(&doc, "created"), [], "{doc}");
        assert_eq!(doc["unmatched"][0]["uid"], uid, "{doc}");
        assert_eq!(doc["unmatched"][0]["reason"], reason, "{doc}");
    }
    assert_eq!(workspace_state(ws.path()), before);
}

#[test]
fn a_file_over_16_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("calendar.ics");
    let mut text = String::from("BEGIN:VCALENDAR\r\n");
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(
            "X-FILLER:................................................................\r\n",
        );
    }
    fs::write(&big, text).unwrap();
    refused(
        &big,
        ":1:1: the file is larger than 16 MiB: not a calendar invite (export fewer events)",
    );
}

#[test]
fn a_missing_invite_file_is_an_error() {
    let ws = workspace();
    let out = scorecard(
        &["import", "invites", "/nonexistent/invites.ics"],
        ws.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("/nonexistent/invites.ics"),
        "{}",
        text_of(&out)
    );
}

#[test]
fn a_colleagues_edit_between_preview_and_apply_survives() {
    let ws_dir = workspace();
    let ws = Workspace::new(ws_dir.path());
    let snapshot = ws.load();
    let plan = read_invites(&ws, &snapshot, &fixture("outlook.ics")).unwrap();
    assert_eq!(plan.created.len(), 3);
    // Meanwhile a colleague adds a note and a typed interview to Alex.
    let file = candidate_file(ws_dir.path(), "c-0042");
    let edited = fs::read_to_string(&file).unwrap().replace(
        "    opening:",
        "    notes: \"Prefers mornings\",\n    interviews: [Interview(stage: \"\", interviewer: \"Kenji Watanabe\", at: \"2026-12-01T09:00:00Z\")],\n    opening:",
    );
    fs::write(&file, edited).unwrap();
    let written = apply_invites(&ws, &plan).unwrap();
    assert_eq!(written.len(), 2);
    let text = fs::read_to_string(&file).unwrap();
    let candidate = scorecard::io::parse_candidate(&file, &text).unwrap();
    assert_eq!(candidate.notes, "Prefers mornings");
    let who: Vec<&str> = candidate
        .interviews
        .iter()
        .map(|i| i.interviewer.as_str())
        .collect();
    assert_eq!(who, ["Kenji Watanabe", "Priya Raman", "Sam Lee"]);
}

#[test]
fn apply_is_all_or_nothing_when_a_candidate_is_gone() {
    let ws_dir = workspace();
    let ws = Workspace::new(ws_dir.path());
    let snapshot = ws.load();
    let plan = read_invites(&ws, &snapshot, &fixture("outlook.ics")).unwrap();
    // Zoë is erased between preview and apply: Alex is not written either.
    fs::remove_dir_all(ws_dir.path().join("candidates/c-0043")).unwrap();
    let before = workspace_state(ws_dir.path());
    let err = apply_invites(&ws, &plan).unwrap_err();
    assert!(matches!(err, InviteError::Candidate { .. }), "{err}");
    assert!(
        err.to_string().contains("the candidate's folder is gone"),
        "{err}"
    );
    assert_eq!(
        workspace_state(ws_dir.path()),
        before,
        "no file and no temporary file left"
    );
    // A candidate file broken meanwhile stops it too.
    let plan = read_invites(&ws, &ws.load(), &fixture("google.ics")).unwrap();
    fs::write(candidate_file(ws_dir.path(), "c-0044"), "Candidate(").unwrap();
    let before = workspace_state(ws_dir.path());
    let err = apply_invites(&ws, &plan).unwrap_err().to_string();
    assert!(err.contains("no longer reads as a candidate"), "{err}");
    assert_eq!(workspace_state(ws_dir.path()), before);
}

#[cfg(unix)]
#[test]
fn written_candidate_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace();
    import(ws.path(), "outlook.ics");
    let mode = fs::metadata(candidate_file(ws.path(), "c-0042"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_broken_people_list_stops_the_import() {
    let ws = workspace();
    fs::write(
        ws.path().join("people.ron"),
        "People(format: 1, people: [Person(nam: \"x\")])",
    )
    .unwrap();
    let before = workspace_state(ws.path());
    let file = fixture("outlook.ics");
    let out = scorecard(
        &["import", "invites", file.to_str().unwrap()],
        ws.path(),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("people.ron:1:"),
        "{}",
        text_of(&out)
    );
    assert_eq!(workspace_state(ws.path()), before);
}

/// Runs `import invites` on several fixtures at once.
fn import_several(ws: &Path, names: &[&str], extra: &[&str]) -> Output {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["import", "invites"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend_from_slice(extra);
    scorecard(&args, ws, None)
}

#[test]
fn several_files_are_one_import_where_the_latest_version_of_an_invite_counts() {
    let ws = workspace();
    // The update comes first on the command line: SEQUENCE decides, not
    // the order of the files.
    let out = import_several(
        ws.path(),
        &["outlook_update.ics", "outlook.ics", "google.ics"],
        &["--format", "json"],
    );
    assert!(out.status.success(), "{}", text_of(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let created = rows(&doc, "created");
    assert!(
        created.contains(&row(
            "c-0042",
            "incident-bridge",
            "Priya Raman",
            "2026-12-09T14:00:00Z"
        )),
        "{doc}"
    );
    assert!(
        !created.iter().any(|r| r.2 == "Sam Lee"),
        "Sam is off the latest version: {doc}"
    );
    assert!(created.iter().any(|r| r.0 == "c-0043"), "{doc}");
    assert!(created.iter().any(|r| r.0 == "c-0044"), "{doc}");
    assert_eq!(rows(&doc, "moved"), []);
    assert_eq!(doc["written"].as_array().unwrap().len(), 3, "{doc}");
    // The same files again: nothing changes.
    let before = workspace_state(ws.path());
    let again = import_several(
        ws.path(),
        &["outlook.ics", "google.ics", "outlook_update.ics"],
        &["--format", "json"],
    );
    let doc: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(doc["created"], serde_json::json!([]), "{doc}");
    assert_eq!(workspace_state(ws.path()), before);
}

#[test]
fn one_bad_file_among_several_stops_the_whole_import() {
    let ws = workspace();
    let before = workspace_state(ws.path());
    let out = import_several(ws.path(), &["outlook.ics", "bad_broken_line.ics"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text_of(&out));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "{}:6:1: broken line",
            fixture("bad_broken_line.ics").display()
        )),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        workspace_state(ws.path()),
        before,
        "outlook.ics is not applied either"
    );
}

#[test]
fn unmatched_events_name_their_file_and_line() {
    let ws = workspace();
    let out = import_several(ws.path(), &["outlook.ics", "matching.ics"], &["--dry-run"]);
    assert!(out.status.success(), "{}", text_of(&out));
    let shown = text(&out.stdout);
    let prefix = format!("unmatched  {}:", fixture("matching.ics").display());
    assert!(shown.lines().any(|l| l.starts_with(&prefix)), "{shown}");
    assert!(
        !shown
            .lines()
            .any(|l| l.starts_with(&format!("unmatched  {}:", fixture("outlook.ics").display()))),
        "{shown}"
    );
    let out = import_several(
        ws.path(),
        &["outlook.ics", "matching.ics"],
        &["--dry-run", "--format", "json"],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &doc["unmatched"][0];
    assert_eq!(
        first["file"],
        fixture("matching.ics").display().to_string(),
        "{doc}"
    );
    assert!(first["line"].as_u64().unwrap() > 1, "{doc}");
}

#[test]
fn the_library_plans_several_files_together() {
    let ws_dir = workspace();
    let ws = Workspace::new(ws_dir.path());
    let snapshot = ws.load();
    let files = [fixture("outlook.ics"), fixture("outlook_cancel.ics")];
    let plan = scorecard::io::read_invites_files(&ws, &snapshot, &files, false)
        .unwrap()
        .plan;
    // Invite and cancellation in one import: Alex's interviews are never
    // planned, Zoë's (another UID) is.
    let who: Vec<(&str, &str)> = plan
        .created
        .iter()
        .map(|e| (e.candidate.as_str(), e.interviewer.as_str()))
        .collect();
    assert_eq!(who, [("c-0043", "Dana Kim")], "{plan:?}");
    assert!(plan.cancelled.is_empty());
    assert_eq!(plan.unmatched.len(), 1, "{plan:?}");
    assert_eq!(plan.unmatched[0].file, 1);
    assert!(
        plan.unmatched[0]
            .reason
            .starts_with("cancelled, and nothing is planned")
    );
}
