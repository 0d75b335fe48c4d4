//! Stories of closing the window: whatever state the open scorecard is in,
//! no word typed is lost and no colleague's file is written over.
//!
//! `close_window` is what the app's `on_exit` does when the window closes.

use std::fs;
use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::kittest::Queryable;
use scorecard::io::Workspace;
use scorecard::model::Rating;

use crate::harness::*;

/// The copies kept beside `path` by the app.
fn kept_copies(path: &Path) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.to_string_lossy()
                .contains("conflicted copy kept by Scorecard")
        })
        .collect();
    copies.sort();
    copies
}

/// Priya's other laptop writes its own version of the open scorecard.
fn other_laptop_writes(ws: &Path, path: &Path) {
    let mut theirs = scorecard_on_disk(path);
    theirs.notes = "written on the other laptop".to_owned();
    Workspace::new(ws).save_scorecard(path, &theirs).unwrap();
}

/// Priya scores Alex Doe (c-1) and rates one dimension *Meets*; it is on
/// disk. The workspace, the app and the scorecard's file.
fn rated_once() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    PathBuf,
) {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    press(&mut app, Key::Num3);
    wait_saved(&mut app);
    let path = interview_path(&app);
    (ws, app, path)
}

/// [`other_laptop_writes`], then waits until the app shows the conflict.
fn other_laptop_writes_and_is_noticed(
    app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    ws: &Path,
    path: &Path,
) {
    other_laptop_writes(ws, path);
    wait_until(app, "the change is noticed", |a| {
        a.interview().unwrap().conflict
    });
}

#[test]
fn closing_during_a_conflict_keeps_every_word_and_the_colleagues_file() {
    let (ws, mut app, path) = rated_once();

    other_laptop_writes_and_is_noticed(&mut app, ws.path(), &path);
    // The top bar does not pretend the words are on disk.
    app.get_by_label("Not saved: resolve the conflict");

    // More ratings, typed after the conflict, then the window closes
    // without a choice being made.
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num4);
    app.state_mut().close_window();

    assert_eq!(
        scorecard_on_disk(&path).notes,
        "written on the other laptop",
        "their file is left as it is"
    );
    let copies = kept_copies(&path);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let mine = scorecard_on_disk(&copies[0]);
    assert_eq!(mine.ratings.len(), 3, "every rating, before and after");
    assert_eq!(mine.notes, "");
}

#[test]
fn closing_right_after_a_colleagues_write_keeps_both_too() {
    let (ws, mut app, path) = rated_once();

    // Their write lands, a rating is typed, and the window closes before
    // the app has seen the change: the last save meets it.
    other_laptop_writes(ws.path(), &path);
    app.state_mut()
        .interview_mut()
        .unwrap()
        .rate_current(Rating::Exceeds);
    app.state_mut().close_window();

    assert_eq!(
        scorecard_on_disk(&path).notes,
        "written on the other laptop"
    );
    let copies = kept_copies(&path);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let mine = scorecard_on_disk(&copies[0]);
    assert_eq!(mine.ratings.len(), 1);
    assert_eq!(mine.rating("fundamentals"), Some(Rating::Exceeds));
}

#[test]
fn closing_with_an_edit_not_yet_saved_writes_it() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    wait_saved(&mut app);
    let path = interview_path(&app);
    // Rated, and closed within the autosave's pause.
    app.state_mut()
        .interview_mut()
        .unwrap()
        .rate_current(Rating::Meets);
    app.state_mut().close_window();
    assert_eq!(
        scorecard_on_disk(&path).rating("fundamentals"),
        Some(Rating::Meets)
    );
    assert!(kept_copies(&path).is_empty());
}

#[test]
fn keep_mine_then_close_leaves_my_version_and_no_copy() {
    let (ws, mut app, path) = rated_once();
    other_laptop_writes_and_is_noticed(&mut app, ws.path(), &path);

    app.get_by_label("Keep mine").click();
    app.run();
    app.state_mut().close_window();
    let on_disk = scorecard_on_disk(&path);
    assert_eq!(on_disk.notes, "");
    assert_eq!(on_disk.rating("fundamentals"), Some(Rating::Meets));
    assert!(kept_copies(&path).is_empty());
}

#[test]
fn take_theirs_then_rate_then_close_builds_on_their_version() {
    let (ws, mut app, path) = rated_once();
    other_laptop_writes_and_is_noticed(&mut app, ws.path(), &path);

    app.get_by_label("Take theirs").click();
    app.run();
    app.get_by_label("Saved");
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    app.state_mut().close_window();
    let on_disk = scorecard_on_disk(&path);
    assert_eq!(on_disk.notes, "written on the other laptop");
    assert_eq!(on_disk.ratings.len(), 2, "theirs, and the rating after");
    assert!(kept_copies(&path).is_empty());
}

#[test]
fn leaving_the_screen_during_a_conflict_keeps_both_and_says_where() {
    let (ws, mut app, path) = rated_once();
    other_laptop_writes_and_is_noticed(&mut app, ws.path(), &path);
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num1);

    app.get_by_label("Home").click();
    app.run();
    wait_until(&mut app, "my copy is written", |a| a.writes_settled());
    app.get_by_label_contains("your version is kept beside it as");
    assert_eq!(
        scorecard_on_disk(&path).notes,
        "written on the other laptop"
    );
    let copies = kept_copies(&path);
    assert_eq!(copies.len(), 1);
    assert_eq!(scorecard_on_disk(&copies[0]).ratings.len(), 2);
}

#[test]
fn a_candidate_erased_on_another_machine_is_not_brought_back_by_a_save_or_a_copy() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    press(&mut app, Key::Num3);
    wait_saved(&mut app);

    // The erasure arrives through the sync tool while the scorecard is
    // open; the interviewer goes on rating, then closes the window.
    let folder = ws.path().join("candidates/c-1");
    fs::remove_dir_all(&folder).unwrap();
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    app.state_mut().close_window();
    assert!(!folder.exists(), "the erased candidate's folder stays gone");
}
