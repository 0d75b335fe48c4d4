//! `scorecard import invites` on calendars as other programs really write
//! them (DESIGN.md "Imports that real files cannot fool"): each quirk a
//! small fixture of our own (tests/fixtures/invites/quirks/) and the
//! instant it must give, run through the real binary. The real-world
//! corpus itself is checked by scripts/ics_real_check.py.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use common::{text, workspace_state};

/// A workspace of one candidate, Mia Hoffmann (c-0045), and Priya Raman
/// in people.ron.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let candidate = root.join("candidates/c-0045/candidate.ron");
    fs::create_dir_all(candidate.parent().unwrap()).unwrap();
    fs::write(
        &candidate,
        "Candidate(\n    format: 1, id: \"c-0045\", name: \"Mia Hoffmann\", template: \"junior-site-reliability-engineer\",\n    created_at: \"2026-11-20T09:00:00Z\",\n)\n",
    )
    .unwrap();
    fs::write(
        root.join("people.ron"),
        "People(format: 1, people: [\n    Person(name: \"Priya Raman\", emails: [\"priya.raman@example.com\"]),\n])\n",
    )
    .unwrap();
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invites")
        .join(name)
}

fn scorecard(args: &[&str], ws: &Path, tz: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", ws)
        .env("TZ", tz)
        .output()
        .unwrap()
}

/// The JSON of a dry run of `files` (names under tests/fixtures/invites),
/// in the zone `tz`; it must succeed.
fn dry_run(ws: &Path, files: &[&str], tz: &str) -> Value {
    let paths: Vec<String> = files
        .iter()
        .map(|f| fixture(f).display().to_string())
        .collect();
    let mut args = vec!["import", "invites"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--dry-run", "--format", "json"]);
    let out = scorecard(&args, ws, tz);
    assert!(
        out.status.success(),
        "{files:?}: {}{}",
        text(&out.stderr),
        text(&out.stdout)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The `at` of each interview a dry run would create.
fn planned(doc: &Value) -> Vec<String> {
    doc["created"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["at"].as_str().unwrap().to_owned())
        .collect()
}

fn list(doc: &Value, key: &str, field: &str) -> Vec<(String, String)> {
    doc[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["uid"].as_str().unwrap().to_owned(),
                u[field].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn each_vtimezone_quirk_gives_the_instant_its_author_meant() {
    let ws = workspace();
    for (file, at) in [
        // One STANDARD block from 1601, +0900 to +0800: +0800 ever since
        // (not the +0900 it came from: an hour early).
        ("quirks/one_block_zone.ics", "2026-12-03T01:30:00Z"),
        // Summer time ended by UNTIL in 2009: the last onset, years
        // before, still gives the offset (+0100).
        ("quirks/ended_rules_zone.ics", "2026-07-01T09:00:00Z"),
        // BYMONTHDAY + BYDAY: summer (+1300) until the Sunday among 18-24
        // January, which in 2026 is the 18th.
        ("quirks/by_month_day_zone.ics", "2026-01-16T23:00:00Z"),
        // X-LIC-LOCATION names Europe/Lisbon (summer: +0100), though the
        // block's own rule is of a kind not evaluated.
        ("quirks/x_lic_location.ics", "2026-07-01T09:00:00Z"),
        // Windows Calendar's UTF-16LE, Europe/Paris in winter.
        ("quirks/utf16le.ics", "2026-12-08T14:00:00Z"),
        // Exchange's DESCRIPTION with raw line breaks (one reading
        // "Meeting ID: 123"): the text goes on, the invite is read.
        ("quirks/raw_line_breaks.ics", "2026-12-09T13:00:00Z"),
    ] {
        let doc = dry_run(ws.path(), &[file], "Asia/Tokyo");
        assert_eq!(planned(&doc), [at], "{file}: {doc}");
        assert_eq!(doc["unmatched"], serde_json::json!([]), "{file}: {doc}");
    }
}

#[test]
fn an_offset_that_cannot_be_known_is_that_invites_reason_not_a_guess() {
    let ws = workspace();
    let doc = dry_run(ws.path(), &["quirks/unknown_offset.ics"], "UTC");
    // The other invite of the file is planned.
    assert_eq!(planned(&doc), ["2026-12-04T09:00:00Z"], "{doc}");
    assert_eq!(
        list(&doc, "unmatched", "reason"),
        [(
            "q-unknown-offset".to_owned(),
            "its start time cannot be known: DTSTART: the offset of \"Later Time\" then cannot be known: it is before the zone's first onset (2030-01-01 00:00), and the VTIMEZONE says nothing of the time before (line 17, column 25)".to_owned()
        )],
        "{doc}"
    );
}

#[test]
fn a_floating_time_takes_the_calendars_zone_and_the_preview_says_which() {
    let ws = workspace();
    // Read on a computer in Tokyo: Brussels' 21:00 (+0100) all the same.
    let doc = dry_run(
        ws.path(),
        &["quirks/floating_calendar_zone.ics"],
        "Asia/Tokyo",
    );
    assert_eq!(planned(&doc), ["2026-12-16T20:00:00Z"], "{doc}");
    assert_eq!(
        list(&doc, "notes", "note"),
        [(
            "q-floating-brussels".to_owned(),
            "a floating time (DTSTART has no zone): read in Europe/Brussels, the calendar's zone (X-WR-TIMEZONE)".to_owned()
        )]
    );
    // Without the calendar's zone: this computer's, and said so.
    let doc = dry_run(ws.path(), &["quirks/floating_no_zone.ics"], "Asia/Tokyo");
    assert_eq!(planned(&doc), ["2026-12-16T12:00:00Z"], "{doc}");
    assert_eq!(
        list(&doc, "notes", "note")[0].1,
        "a floating time (DTSTART has no zone): read in Asia/Tokyo, this computer's zone (the calendar names none)"
    );
    // The text preview says it too.
    let file = fixture("quirks/floating_calendar_zone.ics");
    let out = scorecard(
        &["import", "invites", file.to_str().unwrap(), "--dry-run"],
        ws.path(),
        "UTC",
    );
    let shown = text(&out.stdout);
    assert!(
        shown.contains(&format!(
            "note       {}:6: \"Mia Hoffmann - interview\" (q-floating-brussels): a floating time (DTSTART has no zone): read in Europe/Brussels",
            file.display()
        )),
        "{shown}"
    );
}

#[test]
fn an_invite_without_uid_is_planned_once_and_said_to_be_unmatchable_later() {
    let ws = workspace();
    let file = fixture("quirks/no_uid.ics");
    let run = || {
        let out = scorecard(
            &[
                "import",
                "invites",
                file.to_str().unwrap(),
                "--format",
                "json",
            ],
            ws.path(),
            "UTC",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let first = run();
    assert_eq!(planned(&first), ["2026-12-05T14:00:00Z"], "{first}");
    let uid = first["created"][0]["uid"].as_str().unwrap().to_owned();
    assert!(uid.starts_with("made-"), "{uid}");
    let notes = list(&first, "notes", "note");
    assert_eq!(notes[0].0, uid);
    assert!(
        notes[0]
            .1
            .contains("a changed version of it (a new time, a new title) cannot be matched"),
        "{notes:?}"
    );
    // The same file again: the same made-up UID, nothing changes.
    let before = workspace_state(ws.path());
    let again = run();
    assert_eq!(again["created"], serde_json::json!([]), "{again}");
    assert_eq!(again["unchanged"], 1, "{again}");
    assert_eq!(workspace_state(ws.path()), before);
}

#[test]
fn replies_and_an_invite_without_start_are_skipped_and_the_invite_planned() {
    let ws = workspace();
    let doc = dry_run(ws.path(), &["quirks/replies_and_invite.ics"], "UTC");
    assert_eq!(planned(&doc), ["2026-12-07T11:00:00Z"], "{doc}");
    let reply = "not an invite: a reply to one (METHOD:REPLY, COUNTER or REFRESH); import the invite itself";
    assert_eq!(
        list(&doc, "unmatched", "reason"),
        [
            ("q-replied".to_owned(), reply.to_owned()),
            ("q-countered".to_owned(), reply.to_owned()),
            ("q-refreshed".to_owned(), reply.to_owned()),
            (
                "q-no-start".to_owned(),
                "no start time (DTSTART): when it starts is not said".to_owned()
            ),
        ],
        "{doc}"
    );
}

/// Runs an import of `files`, with `extra` arguments.
fn import(ws: &Path, files: &[&str], extra: &[&str]) -> Output {
    let paths: Vec<String> = files
        .iter()
        .map(|f| fixture(f).display().to_string())
        .collect();
    let mut args = vec!["import", "invites"];
    args.extend(paths.iter().map(String::as_str));
    args.extend_from_slice(extra);
    scorecard(&args, ws, "UTC")
}

#[test]
fn a_batch_names_every_broken_file_and_writes_nothing_unless_told_to_skip_them() {
    let ws = workspace();
    let before = workspace_state(ws.path());
    let files = ["quirks/no_uid.ics", "bad_latin1.ics", "bad_cut_short.ics"];
    let out = import(ws.path(), &files, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("{}:6:", fixture("bad_latin1.ics").display())),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!("{}:5:1:", fixture("bad_cut_short.ics").display())),
        "{stderr}"
    );
    assert_eq!(
        lines[2],
        "scorecard: 2 of 3 invite files cannot be read: nothing was written (--skip-broken imports the other 1)"
    );
    assert_eq!(workspace_state(ws.path()), before, "nothing written");

    // Asked to skip them: the other is applied, the two named.
    let out = import(ws.path(), &files, &["--skip-broken", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(planned(&doc), ["2026-12-05T14:00:00Z"], "{doc}");
    let skipped: Vec<&str> = doc["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(skipped.len(), 2, "{doc}");
    assert!(skipped[0].contains("bad_latin1.ics:6:"), "{skipped:?}");
    assert!(skipped[1].contains("bad_cut_short.ics:5:1:"), "{skipped:?}");
    assert!(
        text(&out.stderr).contains("skipped, not read: "),
        "{}",
        text(&out.stderr)
    );
    assert_ne!(workspace_state(ws.path()), before);
}

#[test]
fn a_batch_of_none_but_broken_files_is_refused_even_when_skipping() {
    let ws = workspace();
    let before = workspace_state(ws.path());
    let out = import(
        ws.path(),
        &["bad_latin1.ics", "bad_broken_utf8.ics"],
        &["--skip-broken"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.ends_with("scorecard: 2 of 2 invite files cannot be read: nothing was written\n"),
        "{stderr}"
    );
    assert_eq!(workspace_state(ws.path()), before);
}
