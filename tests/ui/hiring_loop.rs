//! Stories of the hiring loop: openings, plans, owed and overdue
//! scorecards, the decision (DESIGN.md "The hiring loop").

use std::fs;
use std::path::Path;

use egui_kittest::kittest::Queryable;
use scorecard::io::Workspace;
use scorecard::model::{
    Candidate, FormatVersion, Interview, Opening, OpeningStatus, PlanStage, Recommendation,
    Scorecard, Slug,
};

use crate::harness::*;

const TEMPLATE: &str = "infrastructure-engineer";

fn opening(hiring_manager: &str) -> Opening {
    Opening {
        format: FormatVersion::CURRENT,
        id: Slug::new("infra-berlin").unwrap(),
        title: "Infrastructure Engineer, Berlin".to_owned(),
        template: Slug::new(TEMPLATE).unwrap(),
        hiring_manager: hiring_manager.to_owned(),
        opened_at: "2026-11-01T09:00:00Z".parse().unwrap(),
        status: OpeningStatus::Open,
        plan: vec![PlanStage {
            stage: String::new(),
            interviewers: vec!["Priya Raman".to_owned()],
        }],
        feedback_due_hours: 24,
    }
}

/// Alex Doe (c-1) of the opening, with these interviews planned.
pub(crate) fn candidate_with_plan(workspace: &Path, interviews: Vec<Interview>) {
    let store = Workspace::new(workspace);
    store.save_opening(&opening("Dana Kim")).unwrap();
    let mut candidate = Candidate::new(
        Slug::new("c-1").unwrap(),
        "Alex Doe",
        Slug::new(TEMPLATE).unwrap(),
        "2026-11-18T09:00:00Z".parse().unwrap(),
    );
    candidate.opening = Some(Slug::new("infra-berlin").unwrap());
    candidate.interviews = interviews;
    store.save_candidate(&candidate).unwrap();
}

pub(crate) fn interview(interviewer: &str, stage: &str, at: &str) -> Interview {
    Interview {
        stage: stage.into(),
        interviewer: interviewer.into(),
        at: at.parse().unwrap(),
        uid: None,
    }
}

/// A submitted scorecard of `interviewer` at the general interview of c-1,
/// written as a colleague's laptop and a sync tool would.
pub(crate) fn colleague_submits(workspace: &Path, interviewer: &str) {
    let card = Scorecard::draft(
        Slug::new("c-1").unwrap(),
        Slug::new(TEMPLATE).unwrap(),
        1,
        interviewer,
        "",
        "2026-11-20T10:00:00Z".parse().unwrap(),
    )
    .submitted(
        "2026-11-20T11:00:00Z".parse().unwrap(),
        Recommendation::Hire,
    );
    let store = Workspace::new(workspace);
    let path = store
        .scorecard_path(&card.candidate, &card.interviewer, "")
        .unwrap();
    store.save_scorecard(&path, &card).unwrap();
}

fn type_into(
    app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    label: &str,
    text: &str,
) {
    let field = app.get_by_label(label);
    field.focus();
    field.type_text(text);
    app.run();
}

#[test]
fn a_coordinator_opens_an_opening_adds_a_candidate_and_sees_owed_then_submitted() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Casey Cho");
    app.get_by_label("Openings").click();
    app.run();
    app.get_by_label("New opening…").click();
    app.run();
    type_into(&mut app, "Id", "infra-berlin");
    type_into(&mut app, "Title", "Infrastructure Engineer, Berlin");
    type_into(&mut app, "Interviewers at stage 1", "Priya Raman");
    // A mistake first: a feedback time that is not a number.
    type_into(&mut app, "Feedback due (hours)", "x");
    app.get_by_label("Save opening").click();
    app.run();
    app.get_by_label("Feedback due: type a whole number of hours");
    assert!(!ws.path().join("openings/infra-berlin.ron").exists());
    let hours = app.get_by_label("Feedback due (hours)");
    hours.focus();
    app.key_press(egui::Key::Backspace);
    app.run();
    app.get_by_label("Save opening").click();
    app.run();
    let file = ws.path().join("openings/infra-berlin.ron");
    wait_until(&mut app, "the opening is written", |_| file.exists());
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("interviewers: [\n                \"Priya Raman\",\n            ]"),
        "{text}"
    );
    assert!(text.contains("feedback_due_hours: 24"), "{text}");
    // The saved file is read back before the opening's page shows it.
    wait_until(&mut app, "the opening is read back", |a| {
        a.snapshot().opening("infra-berlin").is_some()
    });
    app.get_by_label("Put on hold");

    // Home: a new candidate for the opening gets its panel as their plan.
    app.get_by_label("Home").click();
    app.run();
    app.get_by_label("For opening").click();
    app.run();
    app.get_by_label("Infrastructure Engineer, Berlin").click();
    app.run();
    type_into(&mut app, "Candidate name", "Alex Doe");
    app.get_by_label("Add candidate").click();
    app.run();
    wait_until(&mut app, "the candidate is on disk", |a| {
        a.snapshot().candidates().len() == 1
    });
    let id = app.state().snapshot().candidates()[0].candidate.id.clone();
    let record = ws
        .path()
        .join("candidates")
        .join(id.as_str())
        .join("candidate.ron");
    wait_until(&mut app, "the candidate file is written", |_| {
        record.exists()
    });
    let text = fs::read_to_string(&record).unwrap();
    assert!(text.contains("opening: Some(\"infra-berlin\")"), "{text}");
    assert!(text.contains("interviewer: \"Priya Raman\""), "{text}");
    // The candidate's page: the interview is now (the clock's time), so
    // its scorecard is owed.
    app.get_by_label("Opening: Infrastructure Engineer, Berlin (open, hiring manager Casey Cho)");
    app.get_by_label("owed");

    // Priya submits on her laptop; the sync brings it: submitted.
    let store_dir = ws.path().to_path_buf();
    let card = Scorecard {
        candidate: id.clone(),
        ..serde_card()
    };
    let store = Workspace::new(&store_dir);
    let path = store.scorecard_path(&id, "Priya Raman", "").unwrap();
    store.save_scorecard(&path, &card).unwrap();
    wait_until(&mut app, "Priya's scorecard is read", |a| {
        a.snapshot().candidates()[0].scorecards.len() == 1
    });
    app.run();
    app.get_by_label("submitted");
    assert!(app.query_by_label("owed").is_none());
}

fn serde_card() -> Scorecard {
    Scorecard::draft(
        Slug::new("c-1").unwrap(),
        Slug::new(TEMPLATE).unwrap(),
        1,
        "Priya Raman",
        "",
        "2026-11-21T10:00:00Z".parse().unwrap(),
    )
    .submitted(
        "2026-11-21T10:00:00Z".parse().unwrap(),
        Recommendation::Hire,
    )
}

#[test]
fn an_overdue_scorecard_appears_on_home() {
    let ws = tempfile::tempdir().unwrap();
    // Priya's interview was on the 19th at 10:00: due on the 20th at
    // 10:00, and the clock says the 21st at 10:00: 24 h overdue. Kim's is
    // on the 22nd: upcoming, owed by nobody yet.
    candidate_with_plan(
        ws.path(),
        vec![
            interview("Priya Raman", "", "2026-11-19T10:00:00Z"),
            interview("Kim Park", "incident-scenario", "2026-11-22T10:00:00Z"),
        ],
    );
    let mut app = open_app(ws.path(), "priya raman");
    app.get_by_label("You owe 1 scorecard");
    app.get_by_label("Alex Doe: General interview, overdue by 24 h");
    // Blind mode hides the name there too.
    app.get_by_label("Blind mode").click();
    app.run();
    assert!(app.query_by_label_contains("Alex Doe:").is_none());
    app.get_by_label("Blind mode").click();
    app.run();
    // The coordinator sees everyone's, overdue first.
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Owed scorecards: 1, 1 overdue");
    app.get_by_label("Alex Doe: General interview, Priya Raman, overdue by 24 h");
    // Her button opens her scorecard for that stage.
    app.get_by_label("Alex Doe: General interview, Priya Raman, overdue by 24 h")
        .click();
    wait_until(&mut app, "the interview opens", |a| a.interview().is_some());
}

#[test]
fn the_hiring_manager_records_a_decision_blocked_when_blank_then_exports_it() {
    let ws = tempfile::tempdir().unwrap();
    // Priya interviewed and submitted; Sam's interview (20th 14:00) is
    // owed until the 21st at 14:00: owed, not overdue, at 10:00.
    candidate_with_plan(
        ws.path(),
        vec![
            interview("Priya Raman", "", "2026-11-20T10:00:00Z"),
            interview("Sam Lee", "incident-scenario", "2026-11-20T14:00:00Z"),
        ],
    );
    colleague_submits(ws.path(), "Priya Raman");
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    app.get_by_label("Scorecards still owed: 1");
    app.get_by_label("Record a decision…").click();
    app.run();
    app.get_by_role_and_label(egui::accesskit::Role::RadioButton, "Hire")
        .click();
    app.run();
    // Blank rationale: blocked.
    app.get_by_label("Record decision").click();
    app.run();
    app.get_by_label("Write the rationale first: a decision needs one");
    let decision = ws.path().join("candidates/c-1/decision.ron");
    assert!(!decision.exists());
    type_into(
        &mut app,
        "Rationale",
        "Strong on fundamentals; the panel agrees",
    );
    app.get_by_label("Record decision").click();
    app.run();
    // Sam's scorecard is still owed: asked to confirm.
    app.get_by_label("Scorecards are still owed");
    app.get_by_label("Record anyway").click();
    app.run();
    wait_until(&mut app, "the decision is written", |_| decision.exists());
    let text = fs::read_to_string(&decision).unwrap();
    assert!(text.contains("decision: Hire"), "{text}");
    assert!(text.contains("decided_by: \"Dana Kim\""), "{text}");
    assert!(
        text.contains("rationale: \"Strong on fundamentals; the panel agrees\""),
        "{text}"
    );
    app.get_by_label("Hire, decided by Dana Kim on Sat 21 Nov, 11:00");

    // The export carries it, with the owed scorecard.
    let out = ws.path().join("debrief.md");
    app.get_by_label("md").click();
    app.run();
    type_into(&mut app, "Save to", out.to_str().unwrap());
    app.get_by_label("Export").click();
    app.run();
    wait_until(&mut app, "the export is written", |_| out.exists());
    let md = fs::read_to_string(&out).unwrap();
    assert!(
        md.contains("## Decision\n\n**Hire**, decided by Dana Kim on 2026-11-21T10:00:00Z."),
        "{md}"
    );
    assert!(
        md.contains("> Strong on fundamentals; the panel agrees"),
        "{md}"
    );
    assert!(
        md.contains("## Owed scorecards\n\n- Sam Lee (Incident scenario"),
        "{md}"
    );
}

/// Alex Doe (c-1) in the opening, interviewed by Priya Raman on the 20th,
/// who submitted her scorecard.
fn alex_in_the_opening_and_scored() -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    candidate_with_plan(
        ws.path(),
        vec![interview("Priya Raman", "", "2026-11-20T10:00:00Z")],
    );
    colleague_submits(ws.path(), "Priya Raman");
    ws
}

#[test]
fn compare_picks_an_opening_and_shows_each_decision() {
    let ws = alex_in_the_opening_and_scored();
    // Sam Lee (c-2) is of the same template but no opening.
    add_candidate(ws.path(), "c-2", "Sam Lee");
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    app.get_by_label("Alex Doe · no decision");
    app.get_by_label("Sam Lee");
    app.get_by_label("Opening").click();
    app.run();
    app.get_by_label("Infrastructure Engineer, Berlin").click();
    wait_numbers(&mut app);
    app.run();
    app.get_by_label("Alex Doe · no decision");
    assert!(app.query_by_label("Sam Lee").is_none());
}

#[test]
fn the_hiring_manager_compares_the_candidates_whose_debrief_they_read() {
    let ws = alex_in_the_opening_and_scored();
    // Dana Kim manages the opening and interviews nobody: the debrief shows
    // her the panel, and so does Compare (one rule for both).
    let mut app = open_app(ws.path(), "Dana Kim");
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    app.get_by_label("Alex Doe · no decision");
    assert!(
        app.query_by_label_contains("hidden: you have not submitted")
            .is_none()
    );
    // Someone on no panel of it sees nothing.
    let mut app = open_app(ws.path(), "Kim Park");
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    assert!(app.query_by_label("Alex Doe · no decision").is_none());
    app.get_by_label_contains("1 candidate(s) hidden");
}

#[test]
fn compare_filters_candidates_by_decision_status() {
    let ws = alex_in_the_opening_and_scored();
    add_candidate(ws.path(), "c-2", "Sam Lee");
    Workspace::new(ws.path())
        .save_decision(&scorecard::model::Decision {
            format: FormatVersion::CURRENT,
            candidate: Slug::new("c-1").unwrap(),
            decision: scorecard::model::Verdict::Hire,
            decided_by: "Dana Kim".to_owned(),
            decided_at: "2026-11-21T09:00:00Z".parse().unwrap(),
            rationale: "Strong on every must-have".to_owned(),
        })
        .unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    app.get_by_label("Alex Doe · Hire");
    app.get_by_label("Sam Lee");

    app.get_by_label("Decision").click();
    app.run();
    app.get_by_label("no decision yet").click();
    app.run();
    app.get_by_label("Sam Lee");
    assert!(app.query_by_label("Alex Doe · Hire").is_none());

    app.get_by_label("Decision").click();
    app.run();
    app.get_by_label("decided hire").click();
    app.run();
    app.get_by_label("Alex Doe · Hire");
    assert!(app.query_by_label("Sam Lee").is_none());
}

#[test]
fn compare_by_opening_counts_only_that_openings_hidden_candidates() {
    let ws = alex_in_the_opening_and_scored();
    // Sam Lee (c-2): same template, no opening, nothing submitted by Priya.
    add_candidate(ws.path(), "c-2", "Sam Lee");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    app.get_by_label_contains("1 candidate(s) hidden");
    app.get_by_label("Opening").click();
    app.run();
    app.get_by_label("Infrastructure Engineer, Berlin").click();
    wait_numbers(&mut app);
    app.run();
    app.get_by_label("Alex Doe · no decision");
    assert!(app.query_by_label_contains("hidden").is_none());
}

const REFERENCES_1201: &str = "1201 file(s) name an opening, template or stage this workspace does not have; they are read and their scorecards count";

#[test]
fn a_big_workspace_heals_when_the_opening_its_candidates_name_arrives() {
    let ws = tempfile::tempdir().unwrap();
    candidate_with_plan(ws.path(), vec![]);
    let opening_file = ws.path().join("openings/infra-berlin.ron");
    fs::remove_file(&opening_file).unwrap();
    // 1,200 more candidates of the opening: more than the app checks in a
    // frame, so the whole check runs on its own thread.
    add_copies_of(ws.path(), "c-1", "Alex Doe", 1200, "f", "Filler");
    let mut app = open_app(ws.path(), "Priya Raman");
    step_until(
        &mut app,
        "each candidate's unknown opening is listed",
        |a| a.query_by_label(REFERENCES_1201).is_some(),
    );
    // Read, not left out: nobody is hidden by a broken reference.
    assert!(app.query_by_label_contains("could not be read").is_none());
    app.get_by_label("Alex Doe");

    // A colleague's opening file arrives through the sync tool.
    Workspace::new(ws.path())
        .save_opening(&opening("Dana Kim"))
        .unwrap();
    wait_until(&mut app, "the references are checked again", |a| {
        a.snapshot().openings().len() == 1 && !a.snapshot().references_due()
    });
    assert!(app.state().snapshot().errors().is_empty());
    app.run();
    assert!(app.query_by_label(REFERENCES_1201).is_none());

    // They delete it again: every candidate's error is back.
    fs::remove_file(&opening_file).unwrap();
    wait_until(&mut app, "the references are checked again", |a| {
        a.snapshot().openings().is_empty() && !a.snapshot().references_due()
    });
    assert_eq!(app.state().snapshot().errors().len(), 1201);
    step_until(&mut app, "the errors are listed again", |a| {
        a.query_by_label(REFERENCES_1201).is_some()
    });
}
