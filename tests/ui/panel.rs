//! Stories of the hiring panel: debrief, independence, compare, blind mode.

use egui_kittest::kittest::Queryable;
use scorecard::io::Workspace;
use scorecard::model::{Rating, RatingEntry, Recommendation, Scorecard, Slug, blind_alias};

use crate::harness::*;

/// A submitted general-interview scorecard rating every dimension `score`
/// (1–4), with evidence that names the candidate.
fn submitted(candidate: &str, interviewer: &str, scores: [u8; 7]) -> Scorecard {
    let ids = [
        "fundamentals",
        "iac",
        "operational-excellence",
        "security",
        "automation",
        "communication",
        "ownership",
    ];
    let ratings = ids
        .iter()
        .zip(scores)
        .map(|(id, score)| {
            let rating = Rating::from_score(score).unwrap();
            let entry = RatingEntry {
                rating,
                evidence: format!("[05:00] {interviewer} saw Alex Doe reason about {id}").into(),
            };
            (Slug::new(*id).unwrap(), entry)
        })
        .collect();
    let mut card = Scorecard::draft(
        Slug::new(candidate).unwrap(),
        Slug::new("infrastructure-engineer").unwrap(),
        1,
        interviewer,
        "",
        "2026-11-20T10:00:00Z".parse().unwrap(),
    )
    .submitted(
        "2026-11-20T11:00:00Z".parse().unwrap(),
        Recommendation::Hire,
    );
    card.ratings = ratings;
    card.red_flags = vec!["Cannot reason about subnets, routing or DNS".to_owned()];
    card
}

/// Alex Doe (c-1) scored by Priya and Sam, who disagree on security; Sam
/// Lee (c-2) scored by Priya only.
fn panel_workspace() -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    add_candidate(ws.path(), "c-2", "Sam Lee");
    let store = Workspace::new(ws.path());
    for card in [
        submitted("c-1", "Priya Raman", [3, 3, 3, 4, 3, 3, 3]),
        submitted("c-1", "Sam Okafor", [3, 2, 3, 1, 3, 3, 3]),
        submitted("c-2", "Priya Raman", [4, 4, 4, 4, 4, 4, 4]),
    ] {
        let path = store
            .scorecard_path(&card.candidate, &card.interviewer, "")
            .unwrap();
        store.save_scorecard(&path, &card).unwrap();
    }
    ws
}

#[test]
fn the_panel_stays_hidden_until_my_own_scorecard_is_submitted() {
    let ws = panel_workspace();
    let mut app = open_app(ws.path(), "Dana Wu");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    app.get_by_label_contains("stay hidden until you submit your own scorecard");
    assert!(app.query_by_label_contains("Security mindset").is_none());
    assert!(app.query_by_label_contains("saw Alex Doe").is_none());

    // A coordinator who does not interview may see every panel.
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Debrief: Alex Doe");
}

#[test]
fn another_spelling_of_my_name_is_still_me_for_independence() {
    // Priya Raman submitted for Alex Doe; the app knows her as she typed her
    // name today. She is one person: the panel is open to her.
    let ws = panel_workspace();
    let mut app = open_app(ws.path(), " priya  RAMAN ");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Open my submitted scorecard");
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    app.get_by_label("Debrief: Alex Doe");
    assert!(
        app.query_by_label_contains("stay hidden until you submit your own scorecard")
            .is_none()
    );
}

#[test]
fn the_debrief_puts_disagreements_first_and_groups_evidence() {
    let ws = panel_workspace();
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    app.get_by_label("Debrief: Alex Doe");
    app.get_by_label("2 submitted, 0 drafts pending");
    app.get_by_label("strong no hire 0, no hire 0, hire 2, strong hire 0");
    // Security: 4 and 1, a spread of 3, is the first row of the matrix.
    app.get_by_label("3 disagree");
    app.get_by_label("Must-have below Meets: Security mindset, Infrastructure as code");
    app.get_by_label("• Cannot reason about subnets, routing or DNS (raised by Priya Raman)");
    app.get_by_label("Security mindset (2 notes)");
    // Disagreements are open, with who wrote what.
    app.get_by_label_contains(
        "Sam Okafor (General interview, Does not meet): [05:00] Sam Okafor saw Alex Doe",
    );
}

#[test]
fn blind_mode_hides_names_on_every_screen() {
    let ws = panel_workspace();
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Blind mode").click();
    app.run();
    let alias = blind_alias(&Slug::new("c-1").unwrap());
    assert!(app.query_by_label("Alex Doe").is_none());
    app.get_by_label(&alias).click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    app.get_by_label(&format!("Debrief: {alias}"));
    assert!(
        app.query_by_label_contains("Alex").is_none(),
        "no trace of the name, evidence included"
    );
    app.get_by_label_contains(&format!("Sam Okafor saw {alias}"));
}

#[test]
fn compare_sorts_candidates_and_charts_the_chosen_ones() {
    let ws = panel_workspace();
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    app.get_by_label("Compare candidates");
    // Sorted by weighted score, highest first: Sam Lee (4.00) above Alex Doe.
    let sam = app.get_by_label("Sam Lee").rect().min.y;
    let alex = app.get_by_label("Alex Doe").rect().min.y;
    assert!(sam < alex);
    app.get_by_label("Candidate").click();
    app.run();
    let sam = app.get_by_label("Sam Lee").rect().min.y;
    let alex = app.get_by_label("Alex Doe").rect().min.y;
    assert!(alex < sam, "sorted by name now");

    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Sam Lee").click();
    app.run();
    match app.state().screen() {
        scorecard::app::Screen::Compare(compare) => assert_eq!(compare.view.charted.len(), 2),
        _ => panic!("not on the compare screen"),
    }

    app.get_by_label("Debrief Alex Doe").click();
    app.run();
    app.get_by_label("Debrief: Alex Doe");
}

#[test]
fn the_debrief_exports_to_a_typed_path_in_every_format() {
    let ws = panel_workspace();
    let out = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    for (format, marker) in [
        ("md", "# "),
        ("html", "<!DOCTYPE html>"),
        ("csv", ","),
        ("json", "{"),
    ] {
        let path = out.path().join(format!("debrief.{format}"));
        app.get_by_label(format).click();
        app.run();
        let field = app.get_by_label("Save to");
        field.focus();
        app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        app.get_by_label("Save to")
            .type_text(path.to_str().unwrap());
        app.run();
        app.get_by_label("Export").click();
        app.run();
        wait_until(&mut app, "the export is written", |_| path.exists());
        // The "Exported to" line shifts the layout: let it land before the
        // next click aims at a button.
        let said = format!("Exported to {}", path.display());
        let mut seen = false;
        for _ in 0..400 {
            if app.query_by_label_contains(&said).is_some() {
                seen = true;
                break;
            }
            app.step();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(seen, "{format}: the app never said {said:?}");
        app.run();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(marker), "{format}: {text}");
        assert!(text.contains("Alex Doe"), "{format}");
    }
}

#[test]
fn compare_filters_by_name_and_charts_the_ticked_as_bars() {
    let ws = panel_workspace();
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    // Each mean carries its n, for screen readers as on screen.
    app.get_by_label_contains("Sam Lee, weighted 4.00 (n ");
    app.get_by_label("Tick candidates to chart their dimension means");

    let filter = app.get_by_label("Filter by name");
    filter.focus();
    filter.type_text("SAM");
    app.run();
    assert!(app.query_by_label("Alex Doe").is_none(), "filtered out");
    app.get_by_label("Sam Lee").click();
    app.run();
    // The chart is drawn: the hint is gone and the legend names Sam.
    assert!(
        app.query_by_label("Tick candidates to chart their dimension means")
            .is_none()
    );
    assert!(
        app.query_all_by_label("Sam Lee").count() >= 2,
        "legend entry"
    );

    app.get_by_label("Clear filter").click();
    app.run();
    app.get_by_label("Alex Doe");
    match app.state().screen() {
        scorecard::app::Screen::Compare(compare) => {
            assert_eq!(compare.view.charted.len(), 1);
            assert!(compare.filter.name.is_empty());
        }
        _ => panic!("not on the compare screen"),
    }
}

#[test]
fn on_a_big_workspace_compare_is_built_off_the_frame_and_sorts_again() {
    let ws = panel_workspace();
    // 1,200 candidates more, with no scorecard: more than the app builds
    // in the frame.
    add_copies_of(ws.path(), "c-1", "Alex Doe", 1200, "f", "Filler");
    let mut app = open_app(ws.path(), "Priya Raman");
    step_until(&mut app, "the workspace is read", |a| {
        a.state().snapshot().candidates().len() == 1202
    });
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    step_until(&mut app, "the table is built", |a| {
        a.query_by_label("Sam Lee").is_some()
    });
    let sam = app.get_by_label("Sam Lee").rect().min.y;
    let alex = app.get_by_label("Alex Doe").rect().min.y;
    assert!(sam < alex, "weighted score, highest first");
    // The fillers out of the way ("Filler" has no "a"), then by name.
    let filter = app.get_by_label("Filter by name");
    filter.focus();
    filter.type_text("a");
    app.run();
    assert!(app.query_by_label("Filler 7").is_none());
    app.get_by_label("Candidate").click();
    step_until(&mut app, "sorted by name", |a| {
        a.get_by_label("Alex Doe").rect().min.y < a.get_by_label("Sam Lee").rect().min.y
    });
}
