//! The folder watcher as the app meets it: a colleague's files arriving by
//! a sync tool (in folders that exist, in folders made just now, in
//! folders renamed, in a workspace opened through a link) are each
//! reported; reading a file is not a change; a
//! watcher let go of stops, and so does one whose folder is renamed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use scorecard::io::FolderWatcher;

/// A watcher on `root` and what it reported.
fn watch(root: &Path) -> (FolderWatcher, Arc<Mutex<Vec<PathBuf>>>) {
    let seen: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let sink = Arc::clone(&seen);
    let watcher = FolderWatcher::start(root, move |paths| {
        sink.lock().unwrap().extend(paths);
    })
    .unwrap();
    (watcher, seen)
}

/// Waits (up to 10 s) until `done` holds; `what` says what failed.
fn wait_until(done: impl Fn() -> bool, what: impl Fn() -> String) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", what());
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Waits (up to 10 s) until `path` is reported.
fn wait_for(seen: &Mutex<Vec<PathBuf>>, path: &Path) {
    wait_until(
        || seen.lock().unwrap().iter().any(|p| p == path),
        || {
            format!(
                "no event for {} in {:?}",
                path.display(),
                seen.lock().unwrap()
            )
        },
    );
}

/// A workspace with one candidate folder and its scorecards folder.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    fs::create_dir_all(root.join("candidates/c-1/scorecards")).unwrap();
    fs::write(root.join("candidates/c-1/candidate.ron"), "()").unwrap();
    (dir, root)
}

#[test]
fn a_colleagues_scorecard_in_a_folder_watched_is_reported() {
    let (_dir, root) = workspace();
    let (_watcher, seen) = watch(&root);
    let card = root.join("candidates/c-1/scorecards/ann--onsite.ron");
    fs::write(&card, "()").unwrap();
    wait_for(&seen, &card);
    // Our own temporary files are not.
    let temp = root.join("candidates/c-1/scorecards/.scorecard-tmp");
    fs::write(&temp, "()").unwrap();
    let sentinel = root.join("candidates/c-1/scorecards/bob--onsite.ron");
    fs::write(&sentinel, "()").unwrap();
    wait_for(&seen, &sentinel);
    assert!(!seen.lock().unwrap().contains(&temp));
}

#[test]
fn a_candidate_folder_made_after_the_start_is_reported_with_what_it_holds_and_then_watched() {
    let (_dir, root) = workspace();
    let (_watcher, seen) = watch(&root);
    // A sync tool makes the folder and writes into it at once, perhaps
    // before the watcher has set a watch on it.
    let folder = root.join("candidates/c-2");
    fs::create_dir_all(folder.join("scorecards")).unwrap();
    let first = folder.join("scorecards/ann--onsite.ron");
    fs::write(&first, "()").unwrap();
    wait_for(&seen, &first);
    // Later files in it are reported too: it is watched.
    let later = folder.join("scorecards/bob--onsite.ron");
    fs::write(&later, "()").unwrap();
    wait_for(&seen, &later);
}

#[test]
fn a_folder_renamed_is_watched_under_its_new_name() {
    let (_dir, root) = workspace();
    let (_watcher, seen) = watch(&root);
    let renamed = root.join("candidates/c-9");
    fs::rename(root.join("candidates/c-1"), &renamed).unwrap();
    wait_for(&seen, &renamed);
    let card = renamed.join("scorecards/ann--onsite.ron");
    fs::write(&card, "()").unwrap();
    wait_for(&seen, &card);
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .all(|p| !p.ends_with("c-1/scorecards/ann--onsite.ron")),
        "reported under the old name: {:?}",
        seen.lock().unwrap()
    );
}

#[test]
fn reading_a_file_is_not_a_change() {
    let (_dir, root) = workspace();
    let candidate = root.join("candidates/c-1/candidate.ron");
    let (_watcher, seen) = watch(&root);
    assert_eq!(fs::read_to_string(&candidate).unwrap(), "()");
    let sentinel = root.join("candidates/c-1/scorecards/ann--onsite.ron");
    fs::write(&sentinel, "()").unwrap();
    // One watcher delivers its events in order: a read's event would have
    // come before the write's.
    wait_for(&seen, &sentinel);
    assert!(
        !seen.lock().unwrap().contains(&candidate),
        "a read reported: {:?}",
        seen.lock().unwrap()
    );
}

#[test]
fn a_watcher_let_go_of_stops_its_thread() {
    let (_dir, root) = workspace();
    let (watcher, seen) = watch(&root);
    let card = root.join("candidates/c-1/scorecards/ann--onsite.ron");
    fs::write(&card, "()").unwrap();
    wait_for(&seen, &card);
    drop(watcher);
    // The thread held the only other reference to `seen` (in the
    // callback): it is let go of when the thread ends.
    wait_thread_gone(&seen);
}

/// Waits (up to 10 s) until the watcher's thread has let go of `seen`.
fn wait_thread_gone(seen: &Arc<Mutex<Vec<PathBuf>>>) {
    wait_until(
        || Arc::strong_count(seen) == 1,
        || "the watcher's thread still runs".to_owned(),
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_workspace_folder_renamed_ends_the_watch() {
    let (dir, root) = workspace();
    let (_watcher, seen) = watch(&root);
    // Its paths would all name the old place from now on.
    fs::rename(&root, dir.path().join("ws-old")).unwrap();
    wait_thread_gone(&seen);
}

#[cfg(unix)]
#[test]
fn a_workspace_opened_through_a_link_is_watched() {
    let (dir, root) = workspace();
    // The user opens the workspace through a link (a synced folder's, say).
    let link = dir.path().join("link-to-ws");
    std::os::unix::fs::symlink(&root, &link).unwrap();
    let (_watcher, seen) = watch(&link);
    let card = link.join("candidates/c-1/scorecards/ann--onsite.ron");
    fs::write(&card, "()").unwrap();
    wait_for(&seen, &card);
}
