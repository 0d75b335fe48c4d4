//! Stories where something is wrong on disk: nothing is lost or overwritten.

use std::fs;

use egui::Key;
use egui_kittest::kittest::Queryable;
use scorecard::io::Workspace;
use scorecard::model::Slug;

use crate::harness::*;

#[test]
fn a_broken_scorecard_is_shown_with_its_error_and_left_untouched() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let path = Workspace::new(ws.path())
        .scorecard_path(&Slug::new("c-1").unwrap(), "Priya Raman", "")
        .unwrap();
    let broken = b"Scorecard(\n    format: 1,\n    candidate: \"c-1\",\n    ratings: {\"iac\": (rating: Superb)},\n";
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, broken).unwrap();

    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("1 file(s) could not be read and are left as they are");
    app.get_by_label_contains(&format!("{}:4:", path.display()));

    // Scoring that stage would write that file: refused, with the reason.
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Start scoring").click();
    app.run();
    app.get_by_label_contains("cannot be read, so it is left as it is");
    assert!(app.state().interview().is_none());
    for _ in 0..10 {
        app.step();
    }
    assert_eq!(fs::read(&path).unwrap(), broken);
}

#[test]
fn a_save_that_fails_is_shown_quietly_and_the_interview_goes_on() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    wait_saved(&mut app);
    let path = interview_path(&app);

    // Someone replaces the file with something broken behind the app's back.
    fs::write(&path, "Scorecard(").unwrap();
    press(&mut app, Key::Num3);
    wait_until(&mut app, "the save fails", |a| {
        matches!(a.save_status(), scorecard::ui::SaveStatus::Failed(_))
    });
    app.get_by_label_contains("Save failed: not saved:");
    assert_eq!(fs::read_to_string(&path).unwrap(), "Scorecard(");

    // The rating is still there, and rating goes on.
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    let scorecard = &app.state().interview().unwrap().scorecard;
    assert_eq!(scorecard.ratings.len(), 2);
}
