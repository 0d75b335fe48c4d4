//! Stories of the interview plan on a candidate's page: an interview
//! planned with the mouse alone and with the keyboard alone (a known
//! interviewer offered, the time picked in the user's zone), and a near
//! miss of a known name asked about before it is saved.

use std::fs;
use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scorecard::app::ScorecardApp;

use crate::harness::*;
use crate::hiring_loop::{candidate_with_plan, interview};

/// Alex Doe with Priya's interview planned, and the team's list of people.
fn alex_and_the_team() -> (tempfile::TempDir, PathBuf) {
    let ws = tempfile::tempdir().unwrap();
    candidate_with_plan(
        ws.path(),
        vec![interview("Priya Raman", "", "2026-11-20T10:00:00Z")],
    );
    fs::write(
        ws.path().join("people.ron"),
        "People(format: 1, people: [\n    Person(name: \"Priya Raman\"),\n    Person(name: \"Sam Lee\"),\n    Person(name: \"Kenji Watanabe\"),\n])\n",
    )
    .unwrap();
    let file = ws.path().join("candidates/c-1/candidate.ron");
    (ws, file)
}

/// Alex Doe's page, with the known interviewers found.
fn alex_page(ws: &Path) -> Harness<'static, ScorecardApp> {
    let mut app = open_app(ws, "Dana Kim");
    app.get_by_label("Alex Doe").click();
    app.run();
    // Priya's row shows her time in Berlin, typed back as it would be typed.
    assert_eq!(
        app.get_by_label("Time of interview 1").value().as_deref(),
        Some("2026-11-20 11:00")
    );
    app.get_by_label("Fri 20 Nov, 11:00 CET");
    wait_known_people(&mut app);
    app
}

/// The candidate file once the saved plan holds `interviewer`.
fn saved_plan(app: &mut Harness<'static, ScorecardApp>, file: &Path, interviewer: &str) -> String {
    let needle = format!("interviewer: \"{interviewer}\"");
    wait_until(app, "the plan is on disk", |_| {
        fs::read_to_string(file).is_ok_and(|t| t.contains(&needle))
    });
    fs::read_to_string(file).unwrap()
}

#[test]
fn a_coordinator_plans_an_interview_with_the_mouse_alone() {
    let (ws, file) = alex_and_the_team();
    let mut app = alex_page(ws.path());
    app.get_by_label("Add interview").click();
    app.run();
    // The new row starts at the last one's time.
    assert_eq!(
        app.get_by_label("Time of interview 2").value().as_deref(),
        Some("2026-11-20 11:00")
    );
    // A click in the name field offers the team; a click takes Sam.
    app.get_by_label("Interviewer of interview 2").click();
    app.run();
    app.get_by_label("Suggested: Kenji Watanabe");
    app.get_by_label("Suggested: Sam Lee").click();
    app.run();
    assert_eq!(
        app.get_by_label("Interviewer of interview 2")
            .value()
            .as_deref(),
        Some("Sam Lee")
    );
    assert!(app.query_by_label("Suggested: Sam Lee").is_none());
    // The calendar: next month, the 3rd, 14:30.
    app.get_by_label("Calendar for interview 2").click();
    app.run();
    app.get_by_label("November 2026");
    app.get_by_label("Next month").click();
    app.run();
    app.get_by_label("December 2026");
    app.get_by_label("Thu 3 December 2026").click();
    app.run();
    app.get_by_label("Hour").click();
    app.run();
    app.get_by_label("14").click();
    app.run();
    app.get_by_label("Minute").click();
    app.run();
    app.get_by_label(":30").click();
    app.run();
    assert_eq!(
        app.get_by_label("Time of interview 2").value().as_deref(),
        Some("2026-12-03 14:30")
    );
    app.get_by_label("Thu 3 Dec, 14:30 CET");
    app.get_by_label("Done").click();
    app.run();
    assert!(app.query_by_label("December 2026").is_none());
    app.get_by_label("Save plan").click();
    app.run();
    let text = saved_plan(&mut app, &file, "Sam Lee");
    // The file keeps UTC; Priya's interview is unchanged to the second.
    assert!(text.contains("interviewer: \"Sam Lee\""), "{text}");
    assert!(text.contains("at: \"2026-12-03T13:30:00Z\""), "{text}");
    assert!(text.contains("at: \"2026-11-20T10:00:00Z\""), "{text}");
}

/// Presses Tab until the widget called `label` has the keyboard's focus.
fn tab_to(app: &mut Harness<'static, ScorecardApp>, label: &str) {
    for _ in 0..80 {
        if app.query_by_label(label).is_some_and(|n| n.is_focused()) {
            return;
        }
        press(app, Key::Tab);
    }
    panic!("Tab never reached {label:?}");
}

#[test]
fn a_coordinator_plans_an_interview_with_the_keyboard_alone() {
    let (ws, file) = alex_and_the_team();
    let mut app = alex_page(ws.path());
    tab_to(&mut app, "Add interview");
    press(&mut app, Key::Enter);
    // The name: a few letters, Tab to the one offered, Enter.
    tab_to(&mut app, "Interviewer of interview 2");
    app.get_by_label("Interviewer of interview 2")
        .type_text("ken");
    app.run();
    tab_to(&mut app, "Suggested: Kenji Watanabe");
    press(&mut app, Key::Enter);
    assert_eq!(
        app.get_by_label("Interviewer of interview 2")
            .value()
            .as_deref(),
        Some("Kenji Watanabe")
    );
    // The calendar works from the keyboard too: a day, then the hour.
    tab_to(&mut app, "Calendar for interview 2");
    press(&mut app, Key::Enter);
    tab_to(&mut app, "Next month");
    press(&mut app, Key::Enter);
    tab_to(&mut app, "Tue 1 December 2026");
    press(&mut app, Key::Enter);
    assert_eq!(
        app.get_by_label("Time of interview 2").value().as_deref(),
        Some("2026-12-01 11:00")
    );
    // Or the time typed over, in Berlin's time.
    tab_to(&mut app, "Time of interview 2");
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.get_by_label("Time of interview 2")
        .type_text("2026-12-01 09:15");
    app.run();
    app.get_by_label("Tue 1 Dec, 09:15 CET");
    tab_to(&mut app, "Save plan");
    press(&mut app, Key::Enter);
    let text = saved_plan(&mut app, &file, "Kenji Watanabe");
    assert!(text.contains("at: \"2026-12-01T08:15:00Z\""), "{text}");
}

#[test]
fn a_near_miss_of_a_known_name_is_asked_about_before_it_is_saved() {
    let (ws, file) = alex_and_the_team();
    let mut app = alex_page(ws.path());
    let before = fs::read_to_string(&file).unwrap();
    app.get_by_label("Add interview").click();
    app.run();
    let name = app.get_by_label("Interviewer of interview 2");
    name.focus();
    name.type_text("Priya Ramen");
    app.run();
    // Still typing: the question waits; leaving the field asks it.
    assert!(app.query_by_label("Did you mean Priya Raman?").is_none());
    app.get_by_label("Time of interview 2").focus();
    app.run();
    app.get_by_label("Did you mean Priya Raman?");
    app.get_by_label("Save plan").click();
    app.run();
    app.get_by_label(
        "Interview 2: did you mean Priya Raman? Use it, or keep \"Priya Ramen\" as a new person",
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
    // A new person is allowed once it is said so.
    app.get_by_label("Keep Priya Ramen (a new person)").click();
    app.run();
    assert!(app.query_by_label("Did you mean Priya Raman?").is_none());
    app.get_by_label("Save plan").click();
    app.run();
    let text = saved_plan(&mut app, &file, "Priya Ramen");
    assert!(text.contains("interviewer: \"Priya Raman\""), "{text}");
}

#[test]
fn a_time_the_clocks_pass_twice_is_chosen_not_guessed() {
    let (ws, file) = alex_and_the_team();
    let mut app = alex_page(ws.path());
    app.get_by_label("Add interview").click();
    app.run();
    let name = app.get_by_label("Interviewer of interview 2");
    name.focus();
    name.type_text("Sam Lee");
    app.run();
    let time = app.get_by_label("Time of interview 2");
    time.focus();
    app.key_press_modifiers(Modifiers::COMMAND, Key::A);
    app.get_by_label("Time of interview 2")
        .type_text("2026-10-25 02:30");
    app.run();
    app.get_by_label("Save plan").click();
    app.run();
    assert!(
        app.query_by_label_contains("Interview 2: 2026-10-25 02:30 happens twice in Europe/Berlin")
            .is_some()
    );
    // One button per moment: the later one, in winter time.
    app.get_by_label("2026-10-25 02:30 +01:00 (CET)").click();
    app.run();
    app.get_by_label("Sun 25 Oct, 02:30 CET");
    app.get_by_label("Save plan").click();
    app.run();
    let text = saved_plan(&mut app, &file, "Sam Lee");
    assert!(text.contains("at: \"2026-10-25T01:30:00Z\""), "{text}");
}

#[test]
fn an_openings_panel_takes_the_known_name_it_nearly_had() {
    let (ws, _) = alex_and_the_team();
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Openings").click();
    app.run();
    app.get_by_label_contains("opened Sun 1 Nov");
    app.get_by_label("Edit Infrastructure Engineer, Berlin")
        .click();
    app.run();
    // When it opened, in Berlin's time, with the calendar beside it.
    assert_eq!(
        app.get_by_label("Opened").value().as_deref(),
        Some("2026-11-01 10:00")
    );
    app.get_by_label("Calendar for the opening");
    wait_known_people(&mut app);
    let panel = app.get_by_label("Interviewers at stage 1");
    panel.focus();
    app.key_press(Key::End);
    app.get_by_label("Interviewers at stage 1")
        .type_text(", Sam Le");
    app.run();
    // While the last name is typed, the team is offered for it.
    app.get_by_label("Suggested: Sam Lee");
    app.get_by_label("Title").focus();
    app.run();
    app.get_by_label("Did you mean Sam Lee?");
    app.get_by_label("Use Sam Lee").click();
    app.run();
    assert_eq!(
        app.get_by_label("Interviewers at stage 1")
            .value()
            .as_deref(),
        Some("Priya Raman, Sam Lee")
    );
    app.get_by_label("Save opening").click();
    app.run();
    let file = ws.path().join("openings/infra-berlin.ron");
    wait_until(&mut app, "the panel is on disk", |_| {
        fs::read_to_string(&file).is_ok_and(|t| t.contains("\"Sam Lee\""))
    });
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("opened_at: \"2026-11-01T09:00:00Z\""),
        "{text}"
    );
}

/// Whether `text` holds a raw RFC 3339 time (`2026-11-20T10:00`).
fn has_raw_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(16).any(|w| {
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        digits(0..4)
            && w[4] == b'-'
            && digits(5..7)
            && w[7] == b'-'
            && digits(8..10)
            && w[10] == b'T'
            && digits(11..13)
            && w[13] == b':'
            && digits(14..16)
    })
}

#[test]
fn no_screen_shows_a_raw_utc_time() {
    let (ws, _) = alex_and_the_team();
    let mut app = open_app(ws.path(), "Dana Kim");
    let raw = |app: &Harness<'static, ScorecardApp>| -> Vec<String> {
        app.query_all(egui_kittest::kittest::by().predicate(|n| {
            n.label().is_some_and(|l| has_raw_time(&l))
                || n.value().is_some_and(|v| has_raw_time(&v))
        }))
        .map(|n| format!("{n:?}"))
        .collect()
    };
    app.get_by_label("Coordinator view").click();
    app.run();
    assert!(raw(&app).is_empty(), "Home: {:?}", raw(&app));
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Calendar for interview 1").click();
    app.run();
    assert!(raw(&app).is_empty(), "candidate page: {:?}", raw(&app));
    app.get_by_label("Openings").click();
    app.run();
    app.get_by_label("Edit Infrastructure Engineer, Berlin")
        .click();
    app.run();
    assert!(raw(&app).is_empty(), "Openings: {:?}", raw(&app));
    assert!(has_raw_time("due 2026-11-20T10:00:00Z") && !has_raw_time("2026-11-20 10:00"));
}
