//! The hiring loop in the store: openings and decisions are read into the
//! snapshot (load, refresh, apply), references between files are checked
//! where they point, and erase and retention cover decisions.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::copy_dir;
use scorecard::io::{StoreError, Workspace, WorkspaceSnapshot};
use scorecard::model::{Decision, FormatVersion, OpeningStatus, Slug, Verdict};

/// A copy of `tests/fixtures/loop-workspace` (see its files; the numbers
/// of tests/cli.rs are worked out from them).
fn loop_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loop-workspace"),
        dir.path(),
    );
    let ws = Workspace::new(dir.path());
    (dir, ws)
}

#[test]
fn openings_and_decisions_are_read_into_the_snapshot() {
    let (_dir, ws) = loop_workspace();
    let snapshot = ws.load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    let ids: Vec<&str> = snapshot
        .openings()
        .iter()
        .map(|o| o.opening.id.as_str())
        .collect();
    assert_eq!(ids, ["infra-remote", "sre-berlin-q4"]);
    assert_eq!(
        snapshot.opening("infra-remote").unwrap().status,
        OpeningStatus::OnHold
    );
    let decided: Vec<(&str, Verdict)> = snapshot
        .candidates()
        .iter()
        .filter_map(|r| Some((r.candidate.id.as_str(), r.decision.as_ref()?.decision)))
        .collect();
    assert_eq!(
        decided,
        [("c-0002", Verdict::Hire), ("c-0003", Verdict::NoHire)]
    );
    let c3 = snapshot.candidate("c-0003").unwrap();
    assert_eq!(snapshot.feedback_due_hours(&c3.candidate), 48);
    let c4 = snapshot.candidate("c-0004").unwrap();
    assert_eq!(snapshot.feedback_due_hours(&c4.candidate), 24);
}

/// Writes candidate c-0005, Eve, for `opening`; returns the file.
/// The opening `sre-paris` (Berlin's, renamed), as a colleague's sync
/// brings it; returns its file.
fn write_paris_opening(ws: &Workspace) -> PathBuf {
    let opening = ws.openings_dir().join("sre-paris.ron");
    let text = fs::read_to_string(ws.openings_dir().join("sre-berlin-q4.ron"))
        .unwrap()
        .replace("sre-berlin-q4", "sre-paris");
    fs::write(&opening, text).unwrap();
    opening
}

fn write_eve(ws: &Workspace, opening: &str) -> PathBuf {
    let path = ws.candidates_dir().join("c-0005/candidate.ron");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(
        &path,
        format!(
            "Candidate(\n    format: 1, id: \"c-0005\", name: \"Eve\", template: \"junior-site-reliability-engineer\",\n    created_at: \"2026-11-20T09:00:00Z\",\n    opening: Some(\"{opening}\"),\n)\n"
        ),
    )
    .unwrap();
    path
}

/// The one error is Eve's unknown opening "sre-paris", at its value.
fn assert_only_unknown_paris(snapshot: &scorecard::io::WorkspaceSnapshot, path: &Path) {
    let messages: Vec<String> = snapshot.errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [format!(
            "{}:4:14: unknown opening \"sre-paris\": there is no openings/sre-paris.ron",
            path.display()
        )]
    );
    assert_eq!(snapshot.reference_errors().len(), 1);
}

#[test]
fn a_candidate_folder_refreshed_alone_has_its_references_checked_again() {
    let (_dir, ws) = loop_workspace();
    let mut snapshot = ws.load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    // A colleague's new candidate names an opening nobody has.
    let path = write_eve(&ws, "sre-paris");
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    assert_only_unknown_paris(&snapshot, &path);
    // They correct it: the error goes, and no other candidate's stays.
    write_eve(&ws, "sre-berlin-q4");
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    assert!(snapshot.reference_errors().is_empty());
    assert_eq!(snapshot.reference_errors(), ws.load().reference_errors());
}

#[test]
fn a_broken_reference_is_an_error_at_its_value_and_heals_on_refresh() {
    let (_dir, ws) = loop_workspace();
    let path = write_eve(&ws, "sre-paris");
    let mut snapshot = ws.load();
    assert_only_unknown_paris(&snapshot, &path);
    // The candidate still counts: a broken reference hides nobody's work,
    // and their file is read, not unreadable.
    assert!(snapshot.candidate("c-0005").is_some());
    let eve = ws.candidate_dir(&Slug::new("c-0005").unwrap());
    assert_eq!(snapshot.unreadable_in(&eve), 0);

    // The opening arrives (a colleague's sync): the error goes.
    let opening = write_paris_opening(&ws);
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&opening)), &ws));
    assert_eq!(snapshot.openings().len(), 3);
    // Every candidate may name it: the whole check is due, and until it is
    // taken the errors are those of before.
    assert!(snapshot.references_due());
    assert_only_unknown_paris(&snapshot, &path);
    assert!(snapshot.check_references_now());
    assert!(!snapshot.references_due());
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());

    // The opening's template changes under the candidate: a mismatch.
    let text = fs::read_to_string(&opening)
        .unwrap()
        .replace(
            "\"junior-site-reliability-engineer\"",
            "\"infrastructure-engineer\"",
        )
        .replace("\"incident-bridge\"", "\"incident-scenario\"");
    fs::write(&opening, text).unwrap();
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&opening)), &ws));
    assert!(snapshot.check_references_now());
    let messages: Vec<String> = snapshot.errors().iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0]
            .contains(":4:14: opening \"sre-paris\" is for template \"infrastructure-engineer\"")
    );

    // An opening file whose id is not its name is listed, not used.
    let stray = ws.openings_dir().join("other.ron");
    fs::copy(&opening, &stray).unwrap();
    snapshot.apply(ws.refresh(std::slice::from_ref(&stray)), &ws);
    snapshot.check_references_now();
    assert!(snapshot.errors().iter().any(|e| e.path == stray
        && e.message == "opening id \"sre-paris\" does not match its file name \"other\""));
}

#[test]
fn a_reference_check_found_before_a_later_change_is_not_taken() {
    let (_dir, ws) = loop_workspace();
    let path = write_eve(&ws, "sre-paris");
    let mut snapshot = ws.load();
    // The opening Eve names arrives: the whole check is due, and is found
    // on a copy (as the app does on its own thread).
    let opening = write_paris_opening(&ws);
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&opening)), &ws));
    let copy = snapshot.clone();
    let checked = copy.check_references();
    // Meanwhile Eve's folder changes to name an opening nobody has: the
    // check from before would hide that, so it is not taken.
    write_eve(&ws, "sre-tokyo");
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    let generation = snapshot.generation();
    assert!(!snapshot.take_references(checked));
    assert_eq!(snapshot.generation(), generation, "nothing taken");
    assert!(snapshot.references_due());
    // Checked again, it is: Eve's error is the new one, as a fresh read has it.
    let checked = snapshot.clone().check_references();
    assert!(snapshot.take_references(checked));
    assert!(snapshot.generation() > generation);
    assert!(!snapshot.references_due());
    assert_eq!(snapshot.reference_errors(), ws.load().reference_errors());
    assert_eq!(snapshot.errors(), ws.load().errors());
    assert!(
        snapshot.errors()[0].message.contains("sre-tokyo"),
        "{:?}",
        snapshot.errors()
    );
    // Nothing due, nothing to take.
    assert!(!snapshot.check_references_now());
}

#[test]
fn an_opening_read_again_unchanged_keeps_every_reference_error_and_moves_nothing() {
    let (_dir, ws) = loop_workspace();
    let path = write_eve(&ws, "sre-paris");
    let mut snapshot = ws.load();
    assert_only_unknown_paris(&snapshot, &path);
    let generation = snapshot.generation();
    // A sync tool touches an opening without changing it: the other
    // candidates' references are not checked again, and none is lost.
    let opening = ws.openings_dir().join("sre-berlin-q4.ron");
    assert!(!snapshot.apply(ws.refresh(std::slice::from_ref(&opening)), &ws));
    assert_only_unknown_paris(&snapshot, &path);
    assert_eq!(snapshot.generation(), generation);
    assert_eq!(snapshot.reference_errors(), ws.load().reference_errors());
}

#[test]
fn a_broken_decision_is_listed_and_the_candidate_still_counts() {
    let (_dir, ws) = loop_workspace();
    let path = ws.decision_path(&Slug::new("c-0001").unwrap());
    fs::write(
        &path,
        "Decision(format: 1, candidate: \"c-0001\", decision: Hire, decided_by: \"Dana Kim\",\n    decided_at: \"2026-11-23T16:00:00Z\", rationale: \"\")\n",
    )
    .unwrap();
    let snapshot = ws.load();
    assert_eq!(
        snapshot
            .errors()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [format!(
            "{}:2:52: a decision needs a rationale: say why",
            path.display()
        )]
    );
    let record = snapshot.candidate("c-0001").unwrap();
    assert_eq!(record.decision, None);
    assert_eq!(snapshot.unreadable_in(&record.dir), 1);
    // Never overwritten while broken.
    let decision = Decision {
        format: FormatVersion::CURRENT,
        candidate: Slug::new("c-0001").unwrap(),
        decision: Verdict::NoHire,
        decided_by: "Dana Kim".to_owned(),
        decided_at: "2026-11-25T16:00:00Z".parse().unwrap(),
        rationale: "Not yet".to_owned(),
    };
    assert!(matches!(
        ws.save_decision(&decision),
        Err(StoreError::WouldOverwriteBroken { .. })
    ));
    // Fixed, it saves and reads back.
    fs::remove_file(&path).unwrap();
    ws.save_decision(&decision).unwrap();
    let mut snapshot = ws.load();
    assert_eq!(
        snapshot.candidate("c-0001").unwrap().decision.as_ref(),
        Some(&decision)
    );
    // And a refresh of the folder sees a change of mind.
    let mut changed = decision.clone();
    changed.decision = Verdict::Hire;
    ws.save_decision(&changed).unwrap();
    assert!(snapshot.apply(ws.refresh(&[path]), &ws));
    assert_eq!(
        snapshot.candidate("c-0001").unwrap().decision.as_ref(),
        Some(&changed)
    );
}

#[test]
fn retention_counts_the_decision_and_erase_removes_it() {
    let (_dir, ws) = loop_workspace();
    let loaded = ws.load();
    // Leave file times out: c-0003 was created on the 21st, has no
    // scorecard, and was decided on the 24th at 12:00.
    let without_file_times = loaded
        .candidates()
        .iter()
        .map(|r| {
            let mut record = (**r).clone();
            record.modified = None;
            std::sync::Arc::new(record)
        })
        .collect();
    let snapshot = WorkspaceSnapshot::new(
        loaded.templates().clone(),
        loaded.openings().to_vec(),
        without_file_times,
    );
    let record = snapshot.candidate("c-0003").unwrap();
    assert_eq!(
        snapshot.last_activity(record),
        "2026-11-24T12:00:00Z".parse().unwrap()
    );
    let dir: PathBuf = ws.candidate_dir(&Slug::new("c-0003").unwrap());
    let erased = ws.delete_candidate(&Slug::new("c-0003").unwrap()).unwrap();
    // candidate.ron and decision.ron.
    assert_eq!(erased.files, 2);
    assert!(!dir.exists());
}
