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

    // The file's place is taken by a folder: no write can succeed.
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    press(&mut app, Key::Num3);
    wait_until(&mut app, "the save fails", |a| {
        matches!(a.save_status(), scorecard::ui::SaveStatus::Failed(_))
    });
    app.get_by_label_contains("Save failed: ");

    // The rating is still there, and rating goes on.
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    let scorecard = &app.state().interview().unwrap().scorecard;
    assert_eq!(scorecard.ratings.len(), 2);

    // Once the way is clear, the file is gone: the app does not recreate
    // it on its own (it may have been erased on purpose), but asks.
    fs::remove_dir(&path).unwrap();
    wait_until(&mut app, "the missing file is noticed", |a| {
        a.interview().unwrap().conflict
    });
    app.get_by_label("Keep mine").click();
    app.run();
    wait_saved(&mut app);
    assert_eq!(scorecard_on_disk(&path).ratings.len(), 2);
}

#[test]
fn a_scorecard_broken_on_disk_while_open_is_left_as_it_is() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    wait_saved(&mut app);
    let path = interview_path(&app);

    // Someone half-writes the file behind the app's back.
    fs::write(&path, "Scorecard(").unwrap();
    press(&mut app, Key::Num3);
    wait_until(&mut app, "the change is noticed", |a| {
        a.interview().unwrap().conflict
    });
    app.get_by_label_contains("This scorecard changed on disk while open");
    for _ in 0..10 {
        app.step();
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "Scorecard(");
    // Their version cannot be read, so it cannot be taken.
    app.get_by_label("Take theirs").click();
    app.run();
    app.get_by_label_contains("The other version is not read yet, or cannot be read");
    assert_eq!(app.state().interview().unwrap().scorecard.ratings.len(), 1);
}

#[test]
fn a_coordinator_erases_a_candidate_after_confirming() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    add_candidate(ws.path(), "c-2", "Sam Lee");
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Erase this candidate…").click();
    app.run();
    app.get_by_label("Erase this candidate?");
    app.get_by_label("Cancel").click();
    app.run();
    assert!(ws.path().join("candidates/c-1").exists());

    app.get_by_label("Erase this candidate…").click();
    app.run();
    app.get_by_label("Erase").click();
    app.run();
    wait_until(&mut app, "the candidate is erased", |a| {
        a.snapshot().candidates().len() == 1 && !ws.path().join("candidates/c-1").exists()
    });
    assert!(app.query_by_label("Alex Doe").is_none());
    app.get_by_label("Sam Lee");
}
