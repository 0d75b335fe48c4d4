//! Stories of an interviewer scoring a candidate live.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use scorecard::model::{Rating, Recommendation};
use scorecard::ui::ExerciseTimer;

use crate::harness::*;

const DIMENSIONS: [&str; 7] = [
    "Cloud & infra fundamentals",
    "Infrastructure as code",
    "Operational excellence",
    "Security mindset",
    "Automation & scripting",
    "Communication & collaboration",
    "Execution & ownership",
];

fn rating_of(
    app: &egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    dimension: &str,
) -> Option<Rating> {
    app.state().interview().unwrap().scorecard.rating(dimension)
}

/// Rates every dimension of the general interview by keyboard: a digit,
/// then Down to the next.
fn rate_all_by_keyboard(
    app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    key: Key,
) {
    for _ in DIMENSIONS {
        press(app, key);
        press(app, Key::ArrowDown);
    }
}

#[test]
fn an_interviewer_scores_every_dimension_by_keyboard() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);

    // The anchors and the questions are on screen while rating.
    app.get_by_label("Cloud & infra fundamentals: not rated");
    app.get_by_label_contains("Walks a request from name lookup");
    app.get_by_label_contains("A service answers on its private IP");

    press(&mut app, Key::Num3);
    assert_eq!(rating_of(&app, "fundamentals"), Some(Rating::Meets));
    app.get_by_label("Cloud & infra fundamentals: Meets");
    press(&mut app, Key::J);
    press(&mut app, Key::Num2);
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num0);
    press(&mut app, Key::K);
    press(&mut app, Key::Num1);
    assert_eq!(rating_of(&app, "iac"), Some(Rating::DoesNotMeet));
    assert_eq!(
        rating_of(&app, "operational-excellence"),
        Some(Rating::NoSignal)
    );

    press(&mut app, Key::ArrowUp);
    rate_all_by_keyboard(&mut app, Key::Num4);
    let scorecard = &app.state().interview().unwrap().scorecard;
    assert_eq!(scorecard.ratings.len(), 7);
    assert!(
        scorecard
            .ratings
            .values()
            .all(|e| e.rating == Rating::Exceeds)
    );
    app.get_by_label("7 of 7 rated");
}

/// Presses `keys` one after another within a single frame, as a fast
/// typist does (5 ms between keys is less than a frame).
fn press_within_one_frame(
    app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    keys: &[Key],
) {
    for &key in keys {
        for pressed in [true, false] {
            app.input_mut().events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
    }
    // One frame takes every event queued in the input.
    app.step();
    app.run();
}

#[test]
fn keys_pressed_within_one_frame_all_count_in_order() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);

    // Meets, next, exceeds, next, partially meets, back twice, does not
    // meet: the last word on fundamentals is the 1, pressed after the 3.
    use Key::{ArrowDown, ArrowUp, Num1, Num2, Num3, Num4};
    press_within_one_frame(
        &mut app,
        &[
            Num3, ArrowDown, Num4, ArrowDown, Num2, ArrowUp, ArrowUp, Num1,
        ],
    );
    assert_eq!(rating_of(&app, "fundamentals"), Some(Rating::DoesNotMeet));
    assert_eq!(rating_of(&app, "iac"), Some(Rating::Exceeds));
    assert_eq!(
        rating_of(&app, "operational-excellence"),
        Some(Rating::PartiallyMeets)
    );
    assert_eq!(rating_of(&app, "security"), None);
    app.get_by_label("3 of 7 rated");

    // And the same burst with J and K, then 0, from where it left off.
    press_within_one_frame(
        &mut app,
        &[Key::J, Key::J, Key::J, Key::Num0, Key::K, Key::Num3],
    );
    assert_eq!(rating_of(&app, "security"), Some(Rating::NoSignal));
    assert_eq!(
        rating_of(&app, "operational-excellence"),
        Some(Rating::Meets)
    );
    app.get_by_label("4 of 7 rated");
    wait_saved(&mut app);
    let on_disk = scorecard_on_disk(&interview_path(&app));
    assert_eq!(on_disk.rating("fundamentals"), Some(Rating::DoesNotMeet));
    assert_eq!(on_disk.rating("security"), Some(Rating::NoSignal));
}

#[test]
fn the_mouse_rates_and_picks_dimensions_too() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    app.get_by_label("Security mindset: not rated").click();
    app.run();
    app.get_by_label("2 Partially meets").click();
    app.run();
    assert_eq!(rating_of(&app, "security"), Some(Rating::PartiallyMeets));
    app.get_by_label("Security mindset: Partially meets");
}

#[test]
fn digits_typed_into_evidence_are_text_not_ratings() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);

    app.get_by_label("Evidence").focus();
    app.run();
    press(&mut app, Key::Num4);
    app.get_by_label("Evidence")
        .type_text("4 subnets, 2 NAT gateways");
    app.run();
    assert_eq!(rating_of(&app, "fundamentals"), None);
    assert_eq!(
        app.state()
            .interview()
            .unwrap()
            .scorecard
            .evidence("fundamentals"),
        "4 subnets, 2 NAT gateways"
    );

    // Esc leaves the note, and digits rate again; the note stays with the rating.
    press(&mut app, Key::Escape);
    press(&mut app, Key::Num4);
    assert_eq!(rating_of(&app, "fundamentals"), Some(Rating::Exceeds));
    let scorecard = &app.state().interview().unwrap().scorecard;
    assert_eq!(
        &*scorecard.ratings["fundamentals"].evidence,
        "4 subnets, 2 NAT gateways"
    );
}

#[test]
fn a_shortcut_stamps_the_elapsed_time_into_the_evidence() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    twelve_minutes_in(&mut app);
    app.key_press_modifiers(Modifiers::COMMAND, Key::T);
    app.run();
    app.get_by_label("Evidence")
        .type_text("traced DNS to TLS to LB");
    app.run();
    let evidence = app
        .state()
        .interview()
        .unwrap()
        .scorecard
        .evidence("fundamentals")
        .to_owned();
    let stamp = regex_like_stamp(&evidence);
    assert!((754..760).contains(&stamp), "{evidence}");
    assert!(
        evidence.ends_with("] traced DNS to TLS to LB"),
        "{evidence}"
    );

    // Again, on a new line, via the button this time.
    press(&mut app, Key::Escape);
    app.get_by_label("Insert time").click();
    app.run();
    app.get_by_label("Evidence")
        .type_text("asked about rollback");
    app.run();
    let evidence = app
        .state()
        .interview()
        .unwrap()
        .scorecard
        .evidence("fundamentals")
        .to_owned();
    let lines: Vec<&str> = evidence.lines().collect();
    assert_eq!(lines.len(), 2, "{evidence}");
    assert!(
        lines[1].starts_with('[') && lines[1].ends_with("] asked about rollback"),
        "{evidence}"
    );
}

/// Moves the interview's timer to 12:34, as if that much time had passed.
fn twelve_minutes_in(app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>) {
    let time = app.ctx.input(|i| i.time);
    app.state_mut().interview_mut().unwrap().timer = ExerciseTimer::started(time - 754.0);
    app.run();
}

/// Seconds in a leading `[mm:ss] ` stamp.
fn regex_like_stamp(text: &str) -> u32 {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.split_once(']'))
        .unwrap()
        .0;
    let (m, s) = inner.split_once(':').unwrap();
    m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap()
}

#[test]
fn the_recommendation_unlocks_only_after_every_dimension() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    app.get_by_label("Rate every dimension first (7 left)");
    app.get_by_label("Hire").click();
    app.run();
    assert_eq!(
        app.state().interview().unwrap().scorecard.recommendation,
        None
    );

    rate_all_by_keyboard(&mut app, Key::Num3);
    assert!(
        app.query_by_label_contains("Rate every dimension first")
            .is_none()
    );
    app.get_by_label("Hire").click();
    app.run();
    assert_eq!(
        app.state().interview().unwrap().scorecard.recommendation,
        Some(Recommendation::Hire)
    );
}

#[test]
fn a_blocked_submit_says_exactly_what_is_missing() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    press(&mut app, Key::Num4); // Exceeds needs evidence.
    app.get_by_label("Submit").click();
    app.run();
    app.get_by_label("Not submitted yet. Still missing:");
    app.get_by_label("• write evidence for Cloud & infra fundamentals: Exceeds needs it");
    app.get_by_label("• rate Infrastructure as code (or mark it no signal)");
    app.get_by_label("• rate Execution & ownership (or mark it no signal)");
    app.get_by_label("• choose an overall recommendation");
    assert!(!app.state().interview().unwrap().scorecard.is_submitted());
}

/// Fills the general interview completely: all Meets, a recommendation.
fn complete_scorecard(app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>) {
    rate_all_by_keyboard(app, Key::Num3);
    app.get_by_label("Hire").click();
    app.run();
}

#[test]
fn a_submitted_scorecard_is_read_only_until_amended() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    app.get_by_label("Blames other teams for incidents and shows no ownership")
        .click();
    app.run();
    complete_scorecard(&mut app);
    app.get_by_label("Submit").click();
    app.run();
    wait_saved(&mut app);
    let path = interview_path(&app);
    let on_disk = scorecard_on_disk(&path);
    assert_eq!(on_disk.submitted_at, Some(now()));
    assert_eq!(on_disk.recommendation, Some(Recommendation::Hire));
    assert_eq!(on_disk.red_flags.len(), 1);
    app.get_by_label("Submitted: read-only");

    // Keys and clicks change nothing now (the last dimension is current).
    press(&mut app, Key::Num1);
    app.get_by_label("1 Does not meet").click();
    app.run();
    assert_eq!(rating_of(&app, "ownership"), Some(Rating::Meets));

    app.get_by_label("Amend").click();
    app.run();
    press(&mut app, Key::Num2);
    assert_eq!(rating_of(&app, "ownership"), Some(Rating::PartiallyMeets));
    wait_saved(&mut app);
    let on_disk = scorecard_on_disk(&path);
    assert_eq!(on_disk.submitted_at, None);
    assert_eq!(on_disk.amended_at, Some(now()));
    app.get_by_label("Submit").click();
    app.run();
    wait_saved(&mut app);
    assert_eq!(scorecard_on_disk(&path).submitted_at, Some(now()));
}

#[test]
fn an_exercise_stage_rates_its_own_dimensions_against_a_time_box() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(
        &mut app,
        "Alex Doe",
        Some("Incident scenario walkthrough (45 min)"),
    );
    let interview = app.state().interview().unwrap();
    let stage_dimensions: Vec<String> = interview
        .stage_dimensions()
        .iter()
        .map(|d| d.id.to_string())
        .collect();
    assert_eq!(interview.scorecard.stage, "incident-scenario");
    assert!(stage_dimensions.len() < DIMENSIONS.len());
    assert!(
        interview
            .path
            .ends_with("priya-raman--incident-scenario.ron")
    );
    app.get_by_label_contains("Timer 00:");
    app.get_by_label_contains("/ 45:00");
    assert!(app.query_by_label("01:00 over").is_none());
    // 46 minutes later. One frame, not `run()`: each frame moves egui's
    // clock on, and the worker's wake-ups decide how many `run()` takes.
    let time = app.ctx.input(|i| i.time);
    app.state_mut().interview_mut().unwrap().timer = ExerciseTimer::started(time - 46.0 * 60.0);
    app.step();
    app.get_by_label("01:00 over");
    app.get_by_label("Pause timer").click();
    app.run();
    let label = app
        .get_by_label_contains("Timer ")
        .value()
        .unwrap_or_default();
    for _ in 0..5 {
        app.step();
    }
    assert_eq!(
        app.get_by_label_contains("Timer ")
            .value()
            .unwrap_or_default(),
        label
    );
    app.get_by_label("Start timer");
}

#[test]
fn a_draft_survives_a_restart_and_waits_in_my_pending_drafts() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    press(&mut app, Key::Num3);
    app.get_by_label("Evidence").focus();
    app.get_by_label("Evidence")
        .type_text("explained VPC peering limits");
    app.run();
    app.get_by_label("Notes").focus();
    app.get_by_label("Notes").type_text("calm, structured");
    app.run();
    wait_saved(&mut app);
    app.get_by_label("Saved");
    drop(app);

    // A fresh app on the same workspace: the laptop died and came back.
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("My pending drafts");
    app.get_by_label("Alex Doe: General interview, started just now")
        .click();
    wait_until(&mut app, "the draft opens", |a| a.interview().is_some());
    let scorecard = &app.state().interview().unwrap().scorecard;
    assert_eq!(scorecard.rating("fundamentals"), Some(Rating::Meets));
    assert_eq!(
        scorecard.evidence("fundamentals"),
        "explained VPC peering limits"
    );
    assert_eq!(scorecard.notes, "calm, structured");
    app.get_by_label("Cloud & infra fundamentals: Meets");

    // From the candidate's page, the same stage resumes the same draft.
    app.get_by_label("Home").click();
    app.run();
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Resume my draft").click();
    wait_until(&mut app, "the draft opens", |a| a.interview().is_some());
    assert_eq!(
        app.state().interview().unwrap().scorecard.notes,
        "calm, structured"
    );
}

#[test]
fn starting_needs_to_know_who_is_interviewing() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Start scoring").click();
    app.run();
    app.get_by_label("Type your name first: it goes into the scorecard");
    assert!(app.state().interview().is_none());

    app.get_by_label("Your name").focus();
    app.get_by_label("Your name").type_text("Sam Lee");
    app.run();
    app.get_by_label("Start scoring").click();
    wait_until(&mut app, "the interview opens", |a| a.interview().is_some());
    assert_eq!(app.state().settings().interviewer, "Sam Lee");
    assert!(interview_path(&app).ends_with("c-1/scorecards/sam-lee--.ron"));
}
