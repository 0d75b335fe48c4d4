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

/// Makes a folder refuse new files until dropped. Root ignores the mode,
/// so the immutable attribute is set too; either way the lock is checked
/// with a probe write, so the stories below cannot pass on a folder that
/// still takes files.
struct ReadOnlyFolder(PathBuf);

impl ReadOnlyFolder {
    fn lock(dir: &Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let guard = Self(dir.to_path_buf());
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = dir.join("probe.ron");
        if fs::write(&probe, b"x").is_ok() {
            fs::remove_file(&probe).unwrap();
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .expect("chattr runs");
            assert!(status.success(), "chattr +i {}", dir.display());
        }
        assert!(
            fs::write(&probe, b"x").is_err(),
            "{} still takes new files",
            dir.display()
        );
        guard
    }

    fn unlock(&self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(std::process::Stdio::null())
            .status();
        fs::set_permissions(&self.0, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        self.unlock();
    }
}

/// In a conflict, with two ratings typed after it, the scorecards folder
/// turns read-only (a sync tool's lock, a full share) and the window is
/// closed: the copy cannot be written, however often it is tried.
fn closed_with_words_no_write_takes() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    PathBuf,
    ReadOnlyFolder,
) {
    let (ws, mut app, path) = rated_once();
    other_laptop_writes_and_is_noticed(&mut app, ws.path(), &path);
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    let lock = ReadOnlyFolder::lock(path.parent().unwrap());

    assert!(
        !app.state_mut().close_window(),
        "the window stays open while the words are not on disk"
    );
    app.run();
    app.get_by_label("Your words are not on disk yet");
    app.get_by_label_contains("nor written beside it");
    app.get_by_label_contains("2 rating(s)");
    let held = app.state().held_words().expect("the words are held");
    assert_eq!(
        held.scorecard.ratings.len(),
        2,
        "every rating, before and after"
    );
    assert_eq!(held.file, path);
    (ws, app, path, lock)
}

#[test]
fn words_no_copy_can_take_keep_the_window_open_until_saved_elsewhere() {
    let (_ws, mut app, path, _lock) = closed_with_words_no_write_takes();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("alex doe, my scorecard.ron");

    app.get_by_label("Save them as").focus();
    app.get_by_label("Save them as")
        .type_text(&target.display().to_string());
    app.run();
    app.get_by_label("Save my words as…").click();
    wait_until(&mut app, "my words are written", |a| a.writes_settled());

    let mine = scorecard_on_disk(&target);
    assert_eq!(mine.ratings.len(), 2);
    assert_eq!(
        scorecard_on_disk(&path).notes,
        "written on the other laptop",
        "their file is left as it is"
    );
    app.get_by_label_contains("Your words are saved as");
    assert!(
        app.query_by_label("Your words are not on disk yet")
            .is_none()
    );
    assert!(app.state_mut().close_window(), "now the window may close");
}

#[test]
fn held_words_tried_again_once_the_folder_takes_files_land_beside_their_file() {
    let (_ws, mut app, path, lock) = closed_with_words_no_write_takes();
    // Saving over an existing file of the user's is refused; the words
    // stay held, with why.
    let elsewhere = tempfile::tempdir().unwrap();
    let taken = elsewhere.path().join("taken.ron");
    fs::write(&taken, "mine, not a scorecard").unwrap();
    app.get_by_label("Save them as").focus();
    app.get_by_label("Save them as")
        .type_text(&taken.display().to_string());
    app.run();
    app.get_by_label("Save my words as…").click();
    wait_until(&mut app, "the refusal arrives", |a| {
        a.held_words()
            .is_some_and(|h| h.reason.contains("there already"))
    });
    assert_eq!(fs::read_to_string(&taken).unwrap(), "mine, not a scorecard");

    lock.unlock();
    app.get_by_label("Try again").click();
    wait_until(&mut app, "my copy is written", |a| a.writes_settled());
    let copies = kept_copies(&path);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(scorecard_on_disk(&copies[0]).ratings.len(), 2);
    assert!(app.state_mut().close_window());
}

#[test]
fn held_words_are_discarded_only_when_the_user_confirms() {
    let (_ws, mut app, path, _lock) = closed_with_words_no_write_takes();
    app.get_by_label("Discard these words…").click();
    app.run();
    app.get_by_label_contains("gone for good");
    app.get_by_label("Keep them").click();
    app.run();
    assert!(app.state().held_words().is_some(), "kept");
    assert!(!app.state_mut().close_window(), "still held");
    app.run();

    app.get_by_label("Discard these words…").click();
    app.run();
    app.get_by_label("Discard for good").click();
    app.run();
    assert!(app.state().held_words().is_none());
    assert!(app.state_mut().close_window());
    assert!(kept_copies(&path).is_empty());
}
