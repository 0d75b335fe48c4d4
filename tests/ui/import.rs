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

fn type_path(app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>, label: &str, path: &Path) {
    app.get_by_label(label).focus();
    app.run();
    app.get_by_label(label).type_text(&path.display().to_string());
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
    app.get_by_label("1 to plan, 1 to move, 0 to cancel, 0 kept (scored), 0 unchanged, 1 not matched");
    app.get_by_label("Priya Raman");
    app.get_by_label("Incident scenario walkthrough");
    app.get_by_label("was 2026-11-24T09:00:00Z");
    // Nothing is written before Apply.
    let before = fs::read_to_string(ws.path().join("candidates/c-1/candidate.ron")).unwrap();
    assert!(!before.contains("uid"), "{before}");
    app.get_by_label("Apply").click();
    wait_until(&mut app, "the import is applied", |a| {
        matches!(state_of(a), Some(ImportState::Applied(_)))
    });
    wait_until(&mut app, "the plan is read back", |a| {
        a.snapshot()
            .candidate("c-1")
            .is_some_and(|r| r.candidate.interviews.len() == 2)
    });
    let record = app.state().snapshot().candidate("c-1").unwrap();
    let plan: Vec<(String, String, String, Option<String>)> = record
        .candidate
        .interviews
        .iter()
        .map(|i| (i.stage.to_string(), i.interviewer.to_string(), i.at.to_string(), i.uid.clone()))
        .collect();
    assert!(plan.contains(&("".into(), "Sam Lee".into(), "2026-11-24T15:00:00Z".into(), Some("general-alex-1@example.com".into()))), "{plan:?}");
    assert!(plan.contains(&("incident-scenario".into(), "Priya Raman".into(), "2026-11-25T13:00:00Z".into(), Some("incident-alex-1@example.com".into()))), "{plan:?}");
}

fn state_of(app: &scorecard::app::ScorecardApp) -> Option<ImportState> {
    match app.screen() {
        scorecard::app::Screen::Import(screen) => Some(screen.state.clone()),
        _ => None,
    }
}
