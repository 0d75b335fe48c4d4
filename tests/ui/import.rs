//! Stories of bringing the calendar and the ATS in (DESIGN.md "In and
//! out"): a coordinator previews an invites file and an ATS export on the
//! import screen, applies them, and an interviewer copies a submitted
//! scorecard for the ATS.

use std::fs;
use std::path::Path;

use egui_kittest::kittest::Queryable;
use scorecard::ui::ImportState;

use crate::harness::*;
use crate::hiring_loop::{candidate_with_plan, interview};

/// Alex Doe (c-1) of the Berlin opening, with Sam's general interview
/// typed into the plan; Priya known by email.
fn workspace_with_alex(workspace: &Path) {
    candidate_with_plan(
        workspace,
        vec![interview("Sam Lee", "", "2026-11-24T09:00:00Z")],
    );
    fs::write(
        workspace.join("people.ron"),
        "People(format: 1, people: [\n    Person(name: \"Priya Raman\", emails: [\"priya.raman@example.com\"]),\n])\n",
    )
    .unwrap();
}

/// An Outlook-style invite: Priya (by email, her CN "Last, First") and a
/// room on Alex's incident scenario, and Sam's general interview moved.
const INVITES: &str = "BEGIN:VCALENDAR\r\n\
METHOD:REQUEST\r\n\
PRODID:-//Example Corp//Outlook 16.0 MIMEDIR//EN\r\n\
VERSION:2.0\r\n\
BEGIN:VEVENT\r\n\
UID:incident-alex-1@example.com\r\n\
SEQUENCE:0\r\n\
DTSTAMP:20261120T080000Z\r\n\
DTSTART:20261125T130000Z\r\n\
DTEND:20261125T140000Z\r\n\
SUMMARY:Alex Doe - Incident scenario walkthrough\r\n\
ORGANIZER;CN=\"Kim, Dana\":mailto:dana.kim@example.com\r\n\
ATTENDEE;CN=\"Raman, Priya\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:priya.raman@example.com\r\n\
ATTENDEE;CUTYPE=ROOM;CN=\"Room Spree 2.04\":mailto:spree-204@example.com\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:general-alex-1@example.com\r\n\
SEQUENCE:1\r\n\
DTSTAMP:20261120T080000Z\r\n\
DTSTART:20261124T150000Z\r\n\
DTEND:20261124T160000Z\r\n\
SUMMARY:Interview: Alex Doe\r\n\
ORGANIZER;CN=\"Kim, Dana\":mailto:dana.kim@example.com\r\n\
ATTENDEE;CN=Sam Lee;PARTSTAT=ACCEPTED:mailto:sam.lee@example.com\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:lunch@example.com\r\n\
DTSTAMP:20261120T080000Z\r\n\
DTSTART:20261124T120000Z\r\n\
SUMMARY:Team lunch\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

fn type_path(
    app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    label: &str,
    path: &Path,
) {
    app.get_by_label(label).focus();
    app.run();
    app.get_by_label(label)
        .type_text(&path.display().to_string());
    app.run();
}

#[test]
fn a_coordinator_previews_invites_then_applies_them_while_a_colleague_submits() {
    let ws = tempfile::tempdir().unwrap();
    workspace_with_alex(ws.path());
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("invites.ics");
    fs::write(&file, INVITES).unwrap();
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Import invites…").click();
    app.run();
    type_path(&mut app, "File or folder", &file);
    app.get_by_label("Preview").click();
    wait_until(&mut app, "the preview is shown", |a| {
        matches!(state_of(a), Some(ImportState::Preview(_)))
    });
    app.get_by_label(
        "1 to plan, 1 to move, 0 to cancel, 0 kept (scored), 0 unchanged, 1 not matched",
    );
    app.get_by_label("Priya Raman");
    app.get_by_label("Incident scenario walkthrough");
    app.get_by_label("was Tue 24 Nov, 10:00");
    // Nothing is written before Apply.
    let before = fs::read_to_string(ws.path().join("candidates/c-1/candidate.ron")).unwrap();
    assert!(!before.contains("uid"), "{before}");
    // Meanwhile Sam's submitted scorecard arrives from his laptop.
    crate::hiring_loop::colleague_submits(ws.path(), "Sam Lee");
    app.get_by_label("Apply").click();
    wait_until(&mut app, "the import is applied", |a| {
        matches!(state_of(a), Some(ImportState::Applied(_)))
    });
    wait_until(&mut app, "the plan is read back", |a| {
        a.snapshot()
            .candidate("c-1")
            .is_some_and(|r| r.candidate.interviews.len() == 2)
    });
    wait_until(&mut app, "Sam's scorecard is read too", |a| {
        a.snapshot()
            .candidate("c-1")
            .is_some_and(|r| r.scorecards.len() == 1)
    });
    let record = app.state().snapshot().candidate("c-1").unwrap();
    let plan: Vec<(String, String, String, Option<String>)> = record
        .candidate
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
        .collect();
    assert!(
        plan.contains(&(
            "".into(),
            "Sam Lee".into(),
            "2026-11-24T15:00:00Z".into(),
            Some("general-alex-1@example.com".into())
        )),
        "{plan:?}"
    );
    assert!(
        plan.contains(&(
            "incident-scenario".into(),
            "Priya Raman".into(),
            "2026-11-25T13:00:00Z".into(),
            Some("incident-alex-1@example.com".into())
        )),
        "{plan:?}"
    );
}

fn state_of(app: &scorecard::app::ScorecardApp) -> Option<ImportState> {
    match app.screen() {
        scorecard::app::Screen::Import(screen) => Some(screen.state.clone()),
        _ => None,
    }
}

#[test]
fn a_coordinator_imports_an_ats_export_into_the_opening() {
    let ws = tempfile::tempdir().unwrap();
    workspace_with_alex(ws.path());
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ats/greenhouse.csv");
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Import candidates…").click();
    app.run();
    // The only open opening is chosen already: Preview needs nothing more.
    type_path(&mut app, "File", &file);
    app.get_by_label("Preview").click();
    wait_until(&mut app, "the preview is shown", |a| {
        matches!(state_of(a), Some(ImportState::Preview(_)))
    });
    let Some(ImportState::Preview(preview)) = state_of(app.state()) else {
        unreachable!()
    };
    let created = preview
        .rows
        .iter()
        .filter(|(a, _)| *a == scorecard::ui::RowAction::Create)
        .count();
    assert!(created >= 3, "{preview:?}");
    app.get_by_label("Tomasz Wiśniewski");
    app.get_by_label_contains("Columns: ");
    assert!(
        preview
            .headline
            .starts_with(&format!("{created} to add to infra-berlin")),
        "{}",
        preview.headline
    );
    app.get_by_label("Apply").click();
    wait_until(&mut app, "the candidates are added", |a| {
        a.snapshot().candidates().len() == 1 + created
    });
    let tomasz = app
        .state()
        .snapshot()
        .candidates()
        .iter()
        .find(|r| r.candidate.name == "Tomasz Wiśniewski")
        .unwrap();
    assert_eq!(
        tomasz.candidate.opening.as_ref().map(|o| o.as_str()),
        Some("infra-berlin")
    );
    assert_eq!(
        tomasz.candidate.email.as_deref(),
        Some("t.wisniewski@example.com")
    );
    assert_eq!(tomasz.candidate.external_id.as_deref(), Some("48213002"));
    // The same export again adds no one: nothing to apply.
    app.get_by_label("Back to Home").click();
    app.run();
    app.get_by_label("Import candidates…").click();
    app.run();
    type_path(&mut app, "File", &file);
    app.get_by_label("Preview").click();
    wait_until(&mut app, "the second preview is shown", |a| {
        matches!(state_of(a), Some(ImportState::Preview(_)))
    });
    app.get_by_label("Nothing to change: the workspace already holds all of it.");
}

#[test]
fn a_broken_invites_file_says_where_and_changes_nothing() {
    let ws = tempfile::tempdir().unwrap();
    workspace_with_alex(ws.path());
    let before = fs::read(ws.path().join("candidates/c-1/candidate.ron")).unwrap();
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invites/bad_broken_line.ics");
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Import invites…").click();
    app.run();
    type_path(&mut app, "File or folder", &file);
    app.get_by_label("Preview").click();
    wait_until(&mut app, "the error is shown", |a| {
        matches!(state_of(a), Some(ImportState::Failed(_)))
    });
    let Some(ImportState::Failed(message)) = state_of(app.state()) else {
        unreachable!()
    };
    assert!(message.contains("bad_broken_line.ics:6:1: "), "{message}");
    app.get_by_label("Nothing was changed.");
    assert_eq!(
        fs::read(ws.path().join("candidates/c-1/candidate.ron")).unwrap(),
        before
    );
}

#[test]
fn a_folder_with_a_broken_file_is_named_and_the_rest_applied_only_when_chosen() {
    let ws = tempfile::tempdir().unwrap();
    workspace_with_alex(ws.path());
    let candidate = ws.path().join("candidates/c-1/candidate.ron");
    let before = fs::read(&candidate).unwrap();
    let folder = tempfile::tempdir().unwrap();
    fs::write(folder.path().join("a-invites.ics"), INVITES).unwrap();
    // Cut short: the mail client saved half of it.
    fs::write(
        folder.path().join("b-cut.ics"),
        &INVITES[..INVITES.find("BEGIN:VEVENT").unwrap() + 40],
    )
    .unwrap();
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Import invites…").click();
    app.run();
    type_path(&mut app, "File or folder", folder.path());
    app.get_by_label("Preview").click();
    wait_until(&mut app, "the broken file is named", |a| {
        matches!(state_of(a), Some(ImportState::BrokenFiles(_)))
    });
    let Some(ImportState::BrokenFiles(message)) = state_of(app.state()) else {
        unreachable!()
    };
    assert!(
        message.starts_with("1 of 2 files cannot be read:\n"),
        "{message}"
    );
    assert!(
        message.contains("b-cut.ics:5:1: BEGIN:VEVENT is never closed"),
        "{message}"
    );
    app.get_by_label("Nothing was changed.");
    assert_eq!(fs::read(&candidate).unwrap(), before);
    // The coordinator chooses to go on without it.
    app.get_by_label("Skip the broken files and preview the rest")
        .click();
    wait_until(&mut app, "the rest is previewed", |a| {
        matches!(state_of(a), Some(ImportState::Preview(_)))
    });
    app.get_by_label_contains("Skipped, not read: ");
    app.get_by_label(
        "1 to plan, 1 to move, 0 to cancel, 0 kept (scored), 0 unchanged, 1 not matched",
    );
    assert_eq!(fs::read(&candidate).unwrap(), before, "not before Apply");
    app.get_by_label("Apply").click();
    wait_until(&mut app, "the import is applied", |a| {
        matches!(state_of(a), Some(ImportState::Applied(_)))
    });
    assert_ne!(fs::read(&candidate).unwrap(), before);
}

#[test]
fn priya_copies_her_submitted_scorecard_for_the_ats() {
    let ws = tempfile::tempdir().unwrap();
    workspace_with_alex(ws.path());
    crate::hiring_loop::colleague_submits(ws.path(), "Priya Raman");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Open my submitted scorecard").click();
    wait_until(&mut app, "her scorecard opens", |a| a.interview().is_some());
    assert!(app.state().interview().unwrap().read_only());
    app.get_by_label("Copy for ATS").click();
    app.step();
    let copied: Vec<String> = app
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    app.run();
    app.get_by_label("Copied: paste it into the candidate's scorecard in your ATS.");
    let [text] = &copied[..] else {
        panic!("one text copied: {copied:?}")
    };
    let scorecard = app.state().interview().unwrap().scorecard.clone();
    let template = app.state().interview().unwrap().template.clone();
    assert_eq!(
        text,
        &scorecard::export::ats_text(&scorecard, Some(&template))
    );
    assert!(text.starts_with("Overall recommendation: "), "{text}");
}
