//! Workspace hygiene as the app shows it: links and copies listed on Home,
//! and a flood of broken files counted, not drawn one by one.

use std::fs;

use egui_kittest::kittest::Queryable;

use crate::harness::{add_candidate, open_app};

#[test]
fn a_flood_of_broken_files_is_counted_not_drawn() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let folder = ws.path().join("candidates/c-1/scorecards");
    fs::create_dir_all(&folder).unwrap();
    for i in 0..250 {
        fs::File::create(folder.join(format!("e{i:03}--.ron"))).unwrap();
    }
    let app = open_app(ws.path(), "Priya Raman");
    assert_eq!(app.state().snapshot().errors.len(), 250);
    app.get_by_label_contains("250 file(s) could not be read");
    app.get_by_label_contains("… and 50 more, not shown here");
    assert!(app.query_by_label_contains("e249--.ron").is_none());
}

#[cfg(unix)]
#[test]
fn links_and_copies_are_listed_on_home() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let folder = ws.path().join("candidates/c-1/scorecards");
    fs::create_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink(".", folder.join("a")).unwrap();
    fs::write(folder.join("x--s (1).ron"), "Scorecard(").unwrap();
    let app = open_app(ws.path(), "Priya Raman");
    app.get_by_label_contains("scorecards/a: a symbolic link; not followed");
    app.get_by_label_contains("x--s (1).ron: a copy of another file");
}
