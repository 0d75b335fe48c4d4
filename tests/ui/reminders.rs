//! Stories of the reminders (DESIGN.md "Reminders"): the desktop
//! notification of one's own overdue scorecards, and the coordinator's
//! *Remind* mail. The desktop is a recording one: CI has no notification
//! service and no mail client, and the app must carry on without them.

use egui_kittest::kittest::Queryable;
use scorecard::app::{DesktopCall, RecordingDesktop};

use crate::harness::*;
use crate::hiring_loop::{candidate_with_plan, interview};

/// Alex Doe's plan: Priya's general interview 24 h overdue, Sam's
/// incident scenario owed but not yet overdue.
fn overdue_for_priya(workspace: &std::path::Path) {
    candidate_with_plan(
        workspace,
        vec![
            interview("Priya Raman", "", "2026-11-19T10:00:00Z"),
            interview("Sam Lee", "incident-scenario", "2026-11-21T09:00:00Z"),
        ],
    );
}

fn notifications(desktop: &RecordingDesktop) -> Vec<scorecard::export::Reminder> {
    desktop
        .calls()
        .into_iter()
        .filter_map(|c| match c {
            DesktopCall::Notify(r) => Some(r),
            DesktopCall::Open(_) => None,
        })
        .collect()
}

#[test]
fn priya_is_reminded_at_start_and_the_click_opens_her_scorecard() {
    let ws = tempfile::tempdir().unwrap();
    overdue_for_priya(ws.path());
    let desktop = RecordingDesktop::clicking();
    let mut app = open_app_with(ws.path(), "Priya Raman", desktop.clone());
    wait_until(&mut app, "her scorecard opens from the notification", |a| {
        a.interview().is_some()
    });
    let shown = notifications(&desktop);
    assert_eq!(shown.len(), 1, "one notification at start: {shown:?}");
    assert_eq!(shown[0].title, "1 scorecard is overdue");
    assert_eq!(
        shown[0].body,
        "The oldest: Alex Doe, General interview, due Fri 20 Nov, 11:00 CET, overdue by 24 h."
    );
    let path = interview_path(&app);
    assert!(
        path.ends_with("candidates/c-1/scorecards/priya-raman--.ron"),
        "{path:?}"
    );
    // Frames go on; the clock stands still: no second notification
    // before the hour is up.
    app.get_by_label("Home").click();
    app.run();
    assert_eq!(notifications(&desktop).len(), 1);
}

#[test]
fn without_a_notification_service_home_still_says_what_is_owed() {
    let ws = tempfile::tempdir().unwrap();
    overdue_for_priya(ws.path());
    let desktop = RecordingDesktop::missing();
    let mut app = open_app_with(ws.path(), "Priya Raman", desktop.clone());
    wait_until(&mut app, "the notification was tried", |_| {
        !desktop.calls().is_empty()
    });
    app.run();
    // Tried once, failed soft: no message in the way, Home as ever.
    assert_eq!(notifications(&desktop).len(), 1);
    assert_eq!(app.state().notice(), None);
    app.get_by_label("You owe 1 scorecard");
    app.get_by_label("Alex Doe: General interview, overdue by 24 h");
}

#[test]
fn nobody_with_nothing_overdue_gets_no_notification() {
    let ws = tempfile::tempdir().unwrap();
    overdue_for_priya(ws.path());
    // Sam's scorecard is owed, not overdue: nothing to remind him of.
    let desktop = RecordingDesktop::clicking();
    let mut app = open_app_with(ws.path(), "Sam Lee", desktop.clone());
    app.get_by_label("You owe 1 scorecard");
    app.run();
    assert!(desktop.calls().is_empty(), "{:?}", desktop.calls());
}

#[test]
fn the_coordinator_reminds_an_interviewer_by_mail() {
    let ws = tempfile::tempdir().unwrap();
    overdue_for_priya(ws.path());
    std::fs::write(
        ws.path().join("people.ron"),
        "People(format: 1, people: [\n    Person(name: \"Priya Raman\", emails: [\"priya.raman@example.com\"]),\n])\n",
    )
    .unwrap();
    let desktop = RecordingDesktop::answering();
    let mut app = open_app_with(ws.path(), "Dana Kim", desktop.clone());
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Owed scorecards: 2, 1 overdue");
    // Overdue first: Priya's row, then Sam's.
    app.get_all_by_label("Remind").next().unwrap().click();
    wait_until(&mut app, "the mail is opened", |a| a.info().is_some());
    assert_eq!(
        app.state().info(),
        Some("Reminder mail to priya.raman@example.com opened in the mail client")
    );
    let opened: Vec<String> = desktop
        .calls()
        .into_iter()
        .filter_map(|c| match c {
            DesktopCall::Open(url) => Some(url),
            DesktopCall::Notify(_) => None,
        })
        .collect();
    assert_eq!(opened.len(), 1);
    assert!(
        opened[0].starts_with(
            "mailto:priya.raman@example.com?subject=Scorecard%20owed%3A%20Alex%20Doe%2C%20General%20interview&body=Hi%20Priya%2C"
        ),
        "{}",
        opened[0]
    );
    assert!(
        opened[0].contains("was%20due%20Fri%2020%20Nov%2C%2011%3A00%20CET"),
        "{}",
        opened[0]
    );
}

#[test]
fn without_a_mail_client_the_reminder_lands_on_the_clipboard() {
    let ws = tempfile::tempdir().unwrap();
    overdue_for_priya(ws.path());
    let desktop = RecordingDesktop::missing();
    let mut app = open_app_with(ws.path(), "Dana Kim", desktop);
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_all_by_label("Remind").next().unwrap().click();
    // The frame that takes the mail thread's news copies the text.
    let mut copied: Vec<String> = Vec::new();
    let start = std::time::Instant::now();
    while app.state().notice().is_none() && start.elapsed() < std::time::Duration::from_secs(10) {
        app.step();
        copied.extend(
            app.output()
                .platform_output
                .commands
                .iter()
                .filter_map(|c| match c {
                    egui::OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                }),
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(
        app.state().notice(),
        Some(
            "No mail client answered: the reminder is on the clipboard, ready to paste into a mail"
        )
    );
    assert!(
        copied
            .iter()
            .any(|t| t.starts_with("To: \nSubject: Scorecard owed: Alex Doe, General interview\n")),
        "{copied:?}"
    );
}
