//! Stories of calibration: evidence nudges while writing, practice rounds,
//! the interviewer view.

use egui::Key;
use egui_kittest::kittest::Queryable;

use crate::harness::*;

#[test]
fn a_nudge_appears_while_typing_and_does_not_block_submit() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);

    app.get_by_label("Evidence").focus();
    app.get_by_label("Evidence")
        .type_text("Walked through the VPC layout; not sure about culture fit");
    app.run();
    app.get_by_label_contains("\u{201c}culture fit\u{201d} touches on culture fit");

    // Esc leaves the note; an extreme rating with a short note gets a
    // quiet hint, nothing more.
    press(&mut app, Key::Escape);
    press(&mut app, Key::Num4);
    press(&mut app, Key::ArrowDown);
    app.get_by_label("Evidence").focus();
    app.get_by_label("Evidence").type_text("weak");
    app.run();
    press(&mut app, Key::Escape);
    press(&mut app, Key::Num1);
    app.get_by_label_contains("An extreme rating reads better with evidence");
    press(&mut app, Key::ArrowDown);
    for _ in 0..5 {
        press(&mut app, Key::Num3);
        press(&mut app, Key::ArrowDown);
    }
    app.get_by_label("Notes").focus();
    app.get_by_label("Notes")
        .type_text("Mentioned her kids twice");
    app.run();
    app.get_by_label_contains("\u{201c}kids\u{201d} touches on family");
    app.get_by_label("Hire").click();
    app.run();
    app.get_by_label("Submit").click();
    app.run();
    wait_saved(&mut app);
    let on_disk = scorecard_on_disk(&interview_path(&app));
    assert!(on_disk.is_submitted(), "a nudge never blocks submit");

    // The panel sees the submitted scorecard's nudges in the debrief.
    app.get_by_label("Home").click();
    app.run();
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    app.get_by_label("Evidence nudges (3)");
    app.get_by_label_contains("not job-related \u{201c}culture fit\u{201d}");
    app.get_by_label_contains("not job-related \u{201c}kids\u{201d}");
    app.get_by_label_contains("Infrastructure as code: thin evidence");
}

#[test]
fn an_interviewer_practises_a_round_and_reads_their_result() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Practice").click();
    app.run();
    app.get_by_label_contains("(Mid-level IC): 8 cases").click();
    app.run();
    for case in 1..=8 {
        app.get_by_label(&format!("Case {case} of 8"));
        // The anchors are on screen while rating.
        app.get_by_label("Below");
        app.get_by_label("3 Meets").click();
        app.run();
        app.get_by_label("Check").click();
        app.run();
        // The reference and its rationale, after rating.
        app.get_by_label_contains("Reference: ");
        let next = if case == 8 {
            "Finish round"
        } else {
            "Next case"
        };
        app.get_by_label(next).click();
        app.run();
    }
    // All "Meets" against 3 Meets, 2 Does not meet, 2 Exceeds, 1 Partially
    // meets: 3 of 8 exact, 6 of 8 within one, error (2·2 − 2 + 1) / 8.
    app.get_by_label("Round result");
    app.get_by_label("75%");
    app.get_by_label("+0.38");
    app.get_by_label_contains("more generously than the reference");

    wait_until(&mut app, "the round is kept", |app| {
        app.info()
            .is_some_and(|i| i.starts_with("Practice round kept in"))
    });
    let path = ws.path().join("practice-results/priya-raman.ron");
    let results = match scorecard::io::read_and_parse_any(&path).unwrap() {
        scorecard::io::ParsedFile::PracticeResults(results) => results,
        other => panic!("{other:?}"),
    };
    assert_eq!(results.interviewer, "Priya Raman");
    let round = &results.rounds[0];
    assert_eq!(round.answers.len(), 8);
    let result = round.result().unwrap();
    assert!((result.exact - 3.0 / 8.0).abs() < 1e-12);
    assert!((result.signed_mean_error - 0.375).abs() < 1e-12);
}

#[test]
fn a_coordinator_opens_the_interviewer_view_and_sorts_by_leniency() {
    use scorecard::app::Screen;
    use scorecard::io::Workspace;
    use scorecard::model::{Rating, Scorecard, Slug};
    use scorecard::ui::InterviewerColumn;

    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    add_candidate(ws.path(), "c-2", "Sam Roe");
    let workspace = Workspace::new(ws.path());
    // Ana rates high, Ben in the middle, Cy low, on the same dimensions.
    for (who, score) in [("Ana Ruiz", 4), ("Ben Okafor", 3), ("Cy Young", 1)] {
        for candidate in ["c-1", "c-2"] {
            let mut card: Scorecard = serde_json::from_value(serde_json::json!({
                "format": 1, "candidate": candidate, "template": "infrastructure-engineer",
                "template_version": 1, "interviewer": who, "stage": "",
                "started_at": "2026-11-20T10:00:00Z", "submitted_at": "2026-11-20T11:00:00Z",
                "recommendation": "Hire",
            }))
            .unwrap();
            for dimension in ["fundamentals", "iac"] {
                let id = Slug::new(dimension).unwrap();
                card.set_rating(&id, Rating::from_score(score).unwrap());
                card.set_evidence(&id, "explained the trade-offs with numbers".to_owned());
            }
            let path = workspace
                .scorecard_path(&card.candidate, &card.interviewer, &card.stage)
                .unwrap();
            workspace.save_scorecard(&path, &card).unwrap();
        }
    }
    let mut app = open_app(ws.path(), "Ben Okafor");
    app.get_by_label("Interviewers").click();
    wait_numbers(&mut app);
    // Independence: without coordinator view, only one's own figures.
    app.get_by_label("Ben Okafor");
    assert!(app.query_by_label("Ana Ruiz").is_none());

    // The numbers may be recomputed meanwhile (a late watcher event):
    // wait for them rather than for a fixed number of frames.
    app.get_by_label("Coordinator view").click();
    wait_numbers(&mut app);
    app.get_by_label("Leniency").click();
    wait_numbers(&mut app);
    let Screen::Interviewers(view) = app.state().screen() else {
        panic!("not the interviewer view")
    };
    assert_eq!(view.order.column, InterviewerColumn::Leniency);
    assert!(view.order.descending);
    // Most lenient first: Ana 4 − (3 + 1)/2 = +2, Ben 3 − (4 + 1)/2 = +0.5,
    // Cy 1 − (4 + 3)/2 = −2.5.
    let y = |app: &egui_kittest::Harness<'static, scorecard::app::ScorecardApp>, name: &str| {
        app.get_by_label(name).rect().min.y
    };
    assert!(y(&app, "Ana Ruiz") < y(&app, "Ben Okafor"));
    assert!(y(&app, "Ben Okafor") < y(&app, "Cy Young"));
    app.get_by_label("+2.00");
    app.get_by_label("-2.50");

    // Once more: least lenient first.
    app.get_by_label("Leniency v").click();
    wait_numbers(&mut app);
    assert!(y(&app, "Cy Young") < y(&app, "Ana Ruiz"));

    // One interviewer's page: the chart and leniency per dimension.
    app.get_by_label("Cy Young").click();
    wait_numbers(&mut app);
    app.get_by_label("Rating distribution (share of ratings)");
    app.get_by_label("Leniency per dimension");
    app.get_by_label("fundamentals");
}

/// A copy of `tests/fixtures/loop-workspace`, to open in the app.
fn loop_workspace_copy() -> tempfile::TempDir {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let ws = tempfile::tempdir().unwrap();
    copy(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loop-workspace"),
        ws.path(),
    );
    ws
}

#[test]
fn a_coordinator_narrows_the_interviewer_view_to_one_opening() {
    // tests/cli.rs works these figures out by hand: Priya Raman and Sam
    // Lee submitted for c-0002 of sre-berlin-q4; nobody has for
    // infra-remote yet.
    let ws = loop_workspace_copy();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Interviewers").click();
    wait_numbers(&mut app);
    app.get_by_label("Sam Lee");

    app.get_by_label("Opening").click();
    app.run();
    app.get_by_label("Site Reliability Engineer, Berlin")
        .click();
    app.run();
    app.get_by_label("Sam Lee");
    app.get_by_label("priya raman");
    app.get_by_label("Opening").click();
    app.run();
    app.get_by_label("Infrastructure Engineer, remote").click();
    app.run();
    app.get_by_label("No submitted scorecards to count yet");
    assert!(app.query_by_label("Sam Lee").is_none());
}
