//! Stories on the home screen: adding, finding and reopening candidates.

use egui_kittest::kittest::Queryable;
use scorecard::io::Workspace;

use crate::harness::*;

#[test]
fn a_coordinator_adds_a_candidate_who_is_saved_and_opened() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("No candidates yet");

    app.get_by_label("Candidate name").focus();
    app.get_by_label("Candidate name").type_text("Alex Doe");
    app.run();
    app.get_by_label("Template").click();
    app.run();
    app.get_by_label("Infrastructure Engineer (Mid-level IC)")
        .click();
    app.run();
    app.get_by_label("Add candidate").click();
    app.run();

    // Their page opens, with the template's role under the name.
    app.get_by_label("Alex Doe");
    app.get_by_label("Infrastructure Engineer (Mid-level IC)");
    wait_until(&mut app, "the candidate is on disk", |_| {
        !Workspace::new(ws.path()).load().candidates().is_empty()
    });
    let snapshot = Workspace::new(ws.path()).load();
    assert_eq!(snapshot.candidates()[0].candidate.name, "Alex Doe");
    assert_eq!(snapshot.candidates()[0].candidate.created_at, now());
}

#[test]
fn adding_a_candidate_without_a_name_says_why_and_adds_nothing() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Add candidate").click();
    app.run();
    app.get_by_label("Type the candidate's name first");
    assert!(app.state().snapshot().candidates().is_empty());
}

#[test]
fn search_finds_candidates_by_name_or_role() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    add_candidate(ws.path(), "c-2", "Sam Lee");
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Alex Doe");
    app.get_by_label("Sam Lee");

    app.get_by_label("Search").focus();
    app.get_by_label("Search").type_text("sam");
    app.run();
    assert!(app.query_by_label("Alex Doe").is_none());
    app.get_by_label("Sam Lee");

    app.get_by_label("Search").focus();
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.get_by_label("Search").type_text("infrastructure");
    app.run();
    app.get_by_label("Alex Doe");
    app.get_by_label("Sam Lee");

    app.get_by_label("Search").focus();
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.get_by_label("Search").type_text("nobody");
    app.run();
    app.get_by_label("No candidate matches the search");
}

#[test]
fn search_results_follow_a_colleagues_new_candidate_and_blind_mode() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    add_candidate(ws.path(), "c-2", "Sam Lee");
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Search").focus();
    app.get_by_label("Search").type_text("lee");
    app.run();
    app.get_by_label("Sam Lee");
    assert!(app.query_by_label("Alex Doe").is_none());

    // A colleague adds a candidate while the search stays typed.
    add_candidate(ws.path(), "c-3", "Robin Lee");
    wait_until(&mut app, "the new candidate is read", |a| {
        a.snapshot().candidates().len() == 3
    });
    app.run();
    app.get_by_label("Robin Lee");
    app.get_by_label("Sam Lee");
    assert!(app.query_by_label("Alex Doe").is_none());

    // Blind mode hides the names, so searching for one finds nobody.
    app.get_by_label("Blind mode").click();
    app.run();
    app.get_by_label("No candidate matches the search");
}

#[test]
fn f1_shows_the_keyboard_shortcuts_and_hides_them_again() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    press(&mut app, egui::Key::F1);
    assert!(app.state().help_open());
    app.get_by_label("Keyboard shortcuts");
    app.get_by_label("insert the elapsed time [mm:ss]");
    press(&mut app, egui::Key::F1);
    assert!(!app.state().help_open());
    assert!(app.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn the_theme_button_cycles_and_the_choice_is_persisted() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Priya Raman");
    // The theme is in the top bar's menu, with the shortcuts.
    app.get_by_label("Menu").click();
    app.run();
    app.get_by_label("Theme: System").click();
    app.run();
    assert_eq!(app.state().settings().theme, egui::ThemePreference::Dark);
    assert_eq!(app.ctx.theme(), egui::Theme::Dark);
    app.get_by_label("Theme: Dark").click();
    app.run();
    assert_eq!(app.ctx.theme(), egui::Theme::Light);

    // What eframe stores on exit is what the next start reads.
    let mut storage = MemoryStorage::default();
    eframe::App::save(app.state_mut(), &mut storage);
    let restored = scorecard::app::ScorecardApp::stored_settings(Some(&storage));
    assert_eq!(restored.theme, egui::ThemePreference::Light);
    assert_eq!(restored.interviewer, "Priya Raman");
    assert_eq!(
        scorecard::app::ScorecardApp::stored_settings(None),
        Default::default()
    );
}

/// eframe's storage, in memory.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn my_pending_drafts_know_me_by_any_spelling_of_my_name() {
    let ws = tempfile::tempdir().unwrap();
    let alex = add_candidate(ws.path(), "c-1", "Alex Doe");
    let store = Workspace::new(ws.path());
    for who in ["Priya Raman", "Sam Okafor"] {
        let draft = scorecard::model::Scorecard::draft(
            alex.id.clone(),
            alex.template.clone(),
            1,
            who,
            "",
            now(),
        );
        let path = store.scorecard_path(&alex.id, who, "").unwrap();
        store.save_scorecard(&path, &draft).unwrap();
    }
    let app = open_app(ws.path(), "PRIYA raman");
    app.get_by_label("My pending drafts");
    app.get_by_label("Alex Doe: General interview, started just now");
    assert!(app.query_by_label_contains("Sam Okafor").is_none());
}

#[test]
fn a_new_user_opens_the_sample_workspace_from_an_empty_one() {
    // The sample goes beside the workspace: both inside one temporary folder.
    let outer = tempfile::tempdir().unwrap();
    let ws = outer.path().join("mine");
    std::fs::create_dir(&ws).unwrap();
    let mut app = open_app(&ws, "");
    app.get_by_label("No candidates yet");
    app.get_by_label("Open a sample workspace").click();
    app.run();
    wait_until(&mut app, "the sample is open and read", |app| {
        app.is_loaded() && !app.snapshot().candidates().is_empty()
    });
    let sample = outer.path().join("mine-sample");
    assert_eq!(app.state().workspace_root(), sample);
    // Labelled as sample data, and the user's own workspace is untouched.
    app.get_by_label("Sample data");
    assert!(!ws.join("candidates").exists());
    assert!(Workspace::new(&sample).load().candidates().len() >= 10);

    // Back to the user's own through the recent workspaces.
    app.get_by_label("Open workspace…").click();
    app.run();
    app.get_by_label(ws.to_str().unwrap()).click();
    wait_until(&mut app, "the own workspace is open", |app| {
        app.is_loaded() && app.snapshot().candidates().is_empty()
    });
    assert_eq!(app.state().workspace_root(), ws);
    app.get_by_label("No candidates yet");
}

#[test]
fn a_workspace_folder_can_be_typed() {
    let ws = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    add_candidate(other.path(), "alex-doe", "Alex Doe");
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Open workspace…").click();
    app.run();
    let folder = app.get_by_label("Folder");
    folder.focus();
    folder.type_text(other.path().to_str().unwrap());
    app.run();
    app.get_by_label("Open").click();
    wait_until(&mut app, "the other workspace is read", |app| {
        app.is_loaded() && !app.snapshot().candidates().is_empty()
    });
    app.get_by_label("Alex Doe");
    assert_eq!(app.state().settings().recent_workspaces[0], other.path());
}

#[test]
fn a_big_workspace_is_listed_and_searched_with_the_lists_found_off_the_frame() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_big_home(ws.path());
    assert_eq!(app.state().snapshot().candidates().len(), 1201);

    app.get_by_label("Search").focus();
    app.get_by_label("Search").type_text("doe 1199");
    step_until(&mut app, "the search applies", |a| {
        a.query_by_label("Alex Doe 1199").is_some() && a.query_by_label("Bea Lund").is_none()
    });
    assert!(app.query_by_label("Alex Doe 1198").is_none());
}

#[test]
fn a_name_that_would_clear_the_screen_is_shown_escaped_and_never_acted_on() {
    let ws = tempfile::tempdir().unwrap();
    // Written by another hand before the rule: an escape sequence and a
    // right-to-left override in a name, beside a name with a direction
    // mark, which is welcome (the bundled fonts draw no Hebrew or Arabic
    // letters, so the mark stands with Latin ones here).
    add_candidate(ws.path(), "c-1", "Eve\u{1b}[2J\u{202e}nomaM");
    add_candidate(ws.path(), "c-2", "Zoë \u{200f}Lindqvist");
    let mut app = open_app(ws.path(), "");

    // Home lists both, the first with its characters drawn, not obeyed.
    app.get_by_label("Eve\\u{1b}[2J\\u{202e}nomaM");
    app.get_by_label("Zoë \u{200f}Lindqvist");
    assert!(app.query_by_label_contains("\u{1b}").is_none());
    assert!(app.query_by_label_contains("\u{202e}").is_none());

    // Their page says the same, and the file keeps what it held.
    app.get_by_label("Eve\\u{1b}[2J\\u{202e}nomaM").click();
    app.run();
    assert!(app.query_by_label_contains("\u{1b}").is_none());
    app.get_by_label("Debrief");
    let snapshot = Workspace::new(ws.path()).load();
    let names: Vec<&str> = snapshot
        .candidates()
        .iter()
        .map(|r| r.candidate.name.as_str())
        .collect();
    assert!(names.contains(&"Eve\u{1b}[2J\u{202e}nomaM"), "{names:?}");
}
