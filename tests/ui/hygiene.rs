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
    assert_eq!(app.state().snapshot().errors().len(), 250);
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

/// Home's *Retention* and `scorecard purge` follow one rule: a broken file
/// touched recently is activity for both.
#[test]
fn retention_counts_modification_times_like_purge() {
    use scorecard::io::Workspace;
    use scorecard::model::{Candidate, Slug};
    let ws = tempfile::tempdir().unwrap();
    let store = Workspace::new(ws.path());
    for id in ["c-old", "c-busy"] {
        store
            .save_candidate(&Candidate::new(
                Slug::new(id).unwrap(),
                format!("Person {id}"),
                Slug::new("infrastructure-engineer").unwrap(),
                "2020-01-01T09:00:00Z".parse().unwrap(),
            ))
            .unwrap();
        let record = ws.path().join(format!("candidates/{id}/candidate.ron"));
        let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_577_872_800);
        fs::File::options()
            .write(true)
            .open(&record)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    // Someone is editing a file of c-busy right now (it does not parse yet).
    let folder = ws.path().join("candidates/c-busy/scorecards");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("sam--.ron"), "Scorecard(").unwrap();

    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Erase candidates inactive for more than")
        .focus();
    app.get_by_label("Erase candidates inactive for more than")
        .type_text("365");
    app.run();
    app.get_by_label("Purge…").click();
    app.run();
    app.get_by_label("Erase 1 candidate(s)?");
    app.get_by_label("• Person c-old");
    assert!(app.query_by_label("• Person c-busy").is_none());

    let cutoff = "2025-11-21T10:00:00Z".parse().unwrap();
    let ids: Vec<String> = store
        .inactive_since(cutoff)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(ids, vec!["c-old"]);
}
