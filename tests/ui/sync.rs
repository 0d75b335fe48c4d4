//! Stories of a team sharing one workspace through a sync tool.

use std::fs;

use egui::Key;
use egui_kittest::kittest::Queryable;
use scorecard::io::Workspace;
use scorecard::model::{Recommendation, Scorecard, Slug};

use crate::harness::*;

fn colleague_scorecard(candidate: &str, interviewer: &str, submitted: bool) -> Scorecard {
    let mut card = Scorecard::draft(
        Slug::new(candidate).unwrap(),
        Slug::new("infrastructure-engineer").unwrap(),
        1,
        interviewer,
        "",
        "2026-11-21T08:00:00Z".parse().unwrap(),
    );
    card.submitted_at = submitted.then(|| "2026-11-21T09:00:00Z".parse().unwrap());
    card.recommendation = Some(Recommendation::NoHire);
    card.notes = "from another laptop".to_owned();
    card
}

/// A colleague's submitted general interview of `c-1`, written into the
/// shared folder as a sync tool would; returns its file.
fn colleague_submits(workspace: &std::path::Path) -> std::path::PathBuf {
    let store = Workspace::new(workspace);
    let card = colleague_scorecard("c-1", "Sam Lee", true);
    let path = store
        .scorecard_path(&card.candidate, &card.interviewer, "")
        .unwrap();
    store.save_scorecard(&path, &card).unwrap();
    path
}

#[test]
fn a_colleagues_draft_waits_on_home_until_they_submit_it() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    // Nobody set up yet: Home lists everyone's drafts.
    let mut app = open_app(ws.path(), "");
    app.get_by_label("None: every scorecard is submitted");

    let store = Workspace::new(ws.path());
    let draft = colleague_scorecard("c-1", "Sam Lee", false);
    let path = store
        .scorecard_path(&draft.candidate, &draft.interviewer, "")
        .unwrap();
    store.save_scorecard(&path, &draft).unwrap();
    wait_until(&mut app, "the colleague's draft is read", |a| {
        a.snapshot().candidates()[0].scorecards.len() == 1
    });
    app.run();
    app.get_by_label("Alex Doe: General interview by Sam Lee, started 2 h ago");

    // They submit it on their laptop: it leaves the list.
    assert_eq!(colleague_submits(ws.path()), path);
    wait_until(&mut app, "the submission is read", |a| {
        a.snapshot().candidates()[0].scorecards[0]
            .scorecard
            .is_submitted()
    });
    app.run();
    app.get_by_label("None: every scorecard is submitted");
}

#[test]
fn a_colleagues_submission_appears_without_a_restart() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("0 submitted, 0 draft");

    // The sync tool writes a colleague's file into the shared folder.
    colleague_submits(ws.path());

    wait_until(&mut app, "the colleague's scorecard shows", |a| {
        a.snapshot().candidates()[0].scorecards.len() == 1
    });
    app.get_by_label("1 submitted, 0 draft");
}

#[test]
fn the_compare_table_follows_a_colleagues_submission() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Compare").click();
    wait_numbers(&mut app);
    // No recommendation yet.
    app.get_by_label_contains("Alex Doe, weighted -, adjusted -, alpha -, hires 0 of 0");

    // A colleague's "no hire" arrives while the table is open.
    colleague_submits(ws.path());
    wait_until(&mut app, "the colleague's scorecard is read", |a| {
        a.snapshot().candidates()[0].scorecards.len() == 1
    });
    wait_numbers(&mut app);
    app.get_by_label_contains("hires 0 of 1");
    assert!(app.query_by_label_contains("hires 0 of 0").is_none());
}

#[test]
fn an_export_right_after_a_colleagues_submission_includes_it() {
    let ws = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Coordinator view").click();
    app.run();
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Debrief").click();
    wait_numbers(&mut app);
    let path = out.path().join("debrief.md");
    app.get_by_label("md").click();
    app.run();
    app.get_by_label("Save to").focus();
    app.get_by_label("Save to")
        .type_text(path.to_str().unwrap());
    app.run();

    // The colleague's file is read and the export asked for at once. The
    // numbers for it are computed on another thread: whichever comes first,
    // the export must hold them. (On a workspace this small they usually
    // win the race, so this story does not pin down the waiting itself.)
    colleague_submits(ws.path());
    wait_until(&mut app, "the colleague's scorecard is read", |a| {
        a.snapshot().candidates()[0].scorecards.len() == 1
    });
    app.get_by_label("Export").click();
    wait_until(&mut app, "the export is written", |_| path.exists());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Sam Lee"), "{text}");
    assert!(text.contains("**Scorecards:** 1 submitted"), "{text}");
    assert!(text.contains("· no hire 1 ·"), "{text}");
}

#[test]
fn sync_conflict_copies_are_shown_never_counted_never_deleted() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let path = colleague_submits(ws.path());
    let copy = path.with_file_name("sam-lee-- (Sam's conflicted copy 2026-11-21).ron");
    fs::copy(&path, &copy).unwrap();
    let git = path.with_file_name("ana-ruiz--.ron");
    let conflicted = "<<<<<<< HEAD\nScorecard(\n=======\nScorecard(\n>>>>>>> theirs\n";
    fs::write(&git, conflicted).unwrap();

    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label_contains("1 sync conflict copy(ies): not counted");
    app.get_by_label_contains("conflicted copy 2026-11-21).ron");
    app.get_by_label_contains("unresolved merge conflict (git conflict markers)");
    app.get_by_label("1 submitted, 0 draft, 1 unreadable");
    assert_eq!(app.state().snapshot().candidates()[0].scorecards.len(), 1);
    for _ in 0..5 {
        app.step();
    }
    assert!(copy.exists());
    assert_eq!(fs::read_to_string(&git).unwrap(), conflicted);
}

#[test]
fn a_file_changed_on_disk_while_open_is_never_written_over() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    press(&mut app, Key::Num3);
    wait_saved(&mut app);
    let path = interview_path(&app);

    // Priya's other laptop synced an older version of the same scorecard.
    let mut theirs = scorecard_on_disk(&path);
    theirs.notes = "written on the other laptop".to_owned();
    Workspace::new(ws.path())
        .save_scorecard(&path, &theirs)
        .unwrap();
    wait_until(&mut app, "the change is noticed", |a| {
        a.interview().unwrap().conflict
    });
    app.get_by_label_contains("This scorecard changed on disk while open");

    // Edits go on in memory, and nothing is written over their version.
    press(&mut app, Key::ArrowDown);
    press(&mut app, Key::Num2);
    for _ in 0..10 {
        app.step();
    }
    assert_eq!(
        scorecard_on_disk(&path).notes,
        "written on the other laptop"
    );

    // Keep both: theirs continues here, mine is beside it as a conflict copy.
    app.get_by_label("Keep both").click();
    app.run();
    let interview = app.state().interview().unwrap();
    assert!(!interview.conflict);
    assert_eq!(interview.scorecard.notes, "written on the other laptop");
    wait_until(&mut app, "my copy is written", |a| {
        !a.snapshot().conflicts().is_empty()
    });
    let copy = &app.state().snapshot().conflicts()[0].path;
    assert!(
        copy.to_string_lossy()
            .contains("conflicted copy kept by Scorecard")
    );
    let mine = scorecard_on_disk(copy);
    assert_eq!(mine.ratings.len(), 2, "my two ratings are in the copy");
}

#[test]
fn keep_mine_writes_my_version_over_theirs_only_when_asked() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);
    press(&mut app, Key::Num4);
    wait_saved(&mut app);
    let path = interview_path(&app);
    let mut theirs = scorecard_on_disk(&path);
    theirs.notes = "theirs".to_owned();
    Workspace::new(ws.path())
        .save_scorecard(&path, &theirs)
        .unwrap();
    wait_until(&mut app, "the change is noticed", |a| {
        a.interview().unwrap().conflict
    });

    app.get_by_label("Keep mine").click();
    app.run();
    wait_saved(&mut app);
    let on_disk = scorecard_on_disk(&path);
    assert_eq!(on_disk.notes, "");
    assert_eq!(on_disk.ratings.len(), 1);
}

#[test]
fn a_template_edited_in_a_text_editor_reloads_and_a_broken_edit_keeps_the_last_good_one() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Priya Raman");
    let dir = ws.path().join("templates");
    fs::create_dir_all(&dir).unwrap();
    let shipped = fs::read_to_string("scorecards/infrastructure-engineer.ron").unwrap();
    let custom = shipped
        .replace("\"infrastructure-engineer\"", "\"platform-engineer\"")
        .replace(
            "role: \"Infrastructure Engineer\"",
            "role: \"Platform Engineer\"",
        );
    fs::write(dir.join("platform-engineer.ron"), &custom).unwrap();
    wait_until(&mut app, "the new template is in effect", |a| {
        a.snapshot().templates().get("platform-engineer").is_some()
    });

    fs::write(
        dir.join("platform-engineer.ron"),
        custom.replace("version: 1,", "version: 1,\n    oops: 2,"),
    )
    .unwrap();
    wait_until(&mut app, "the broken edit is reported", |a| {
        !a.snapshot().errors().is_empty()
    });
    app.get_by_label_contains("platform-engineer.ron:");
    let entry = app
        .state()
        .snapshot()
        .templates()
        .get("platform-engineer")
        .cloned();
    assert_eq!(
        entry.map(|e| e.template.role),
        Some("Platform Engineer".to_owned())
    );
}

/// The kernel ends the watch when the folder itself goes; other systems'
/// watchers may not.
#[cfg(target_os = "linux")]
#[test]
fn the_workspace_folder_deleted_under_the_app_says_live_updates_stopped() {
    let parent = tempfile::tempdir().unwrap();
    let ws = parent.path().join("team");
    add_candidate(&ws, "c-1", "Alex Doe");
    let mut app = open_app(&ws, "Priya Raman");
    app.get_by_label("Alex Doe");
    // The sync tool's folder is removed (unshared, or its disk gone).
    fs::remove_dir_all(&ws).unwrap();
    step_until(&mut app, "the user is told", |a| {
        a.query_by_label_contains("Live updates stopped").is_some()
    });
    // Said once.
    app.run();
    assert_eq!(
        app.query_all_by_label_contains("Live updates stopped")
            .count(),
        1
    );
}

#[test]
fn a_pull_that_rewrites_every_candidate_at_once_is_all_read() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_big_home(ws.path());
    // A `git pull` renames them all: more folders than the app refreshes
    // one by one, so it reads the workspace again whole.
    for entry in fs::read_dir(ws.path().join("candidates")).unwrap() {
        let file = entry.unwrap().path().join("candidate.ron");
        let text = fs::read_to_string(&file).unwrap();
        fs::write(&file, text.replace("Alex Doe", "Alexandra Doe")).unwrap();
    }
    wait_until(&mut app, "every candidate is read again", |a| {
        let candidates = a.snapshot().candidates();
        candidates.len() == 1201
            && candidates
                .iter()
                .filter(|r| r.candidate.name.starts_with("Alexandra Doe"))
                .count()
                == 1200
    });
    assert!(app.state().snapshot().errors().is_empty());
    app.get_by_label("Search").focus();
    app.get_by_label("Search").type_text("alexandra doe 1199");
    step_until(&mut app, "the search finds the new name", |a| {
        a.query_by_label("Alexandra Doe 1199").is_some()
    });
}
