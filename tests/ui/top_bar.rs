//! The top bar on a small laptop: one row, nothing pushed out of the window.

use egui_kittest::kittest::Queryable;

use crate::harness::{add_candidate, open_app, wait_numbers};

/// The window of a 1024-px laptop screen.
const NARROW: egui::Vec2 = egui::vec2(1024.0, 640.0);

#[test]
fn the_top_bar_fits_one_row_of_a_1024_px_window_on_every_screen() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "alex-doe", "Alex Doe");
    let mut app = open_app(ws.path(), "Sam Lee");
    app.set_size(NARROW);
    app.run();
    // Coordinator view on, as a coordinator going through the screens has it.
    app.get_by_label("Coordinator view").click();
    app.run();
    let screens = [
        "Compare",
        "Openings",
        "Templates",
        "Practice",
        "Interviewers",
        "Home",
    ];
    for screen in screens {
        app.get_by_label(screen).click();
        // Compare and the interviewers' page wait for their numbers (on
        // their own thread; a spinner turns meanwhile).
        wait_numbers(&mut app);
        let heading = app.get_by_label("Scorecard").rect();
        let mut seen = vec![("Scorecard", heading)];
        for label in screens.iter().copied().filter(|s| *s != screen).chain([
            "Open workspace…",
            "Blind mode",
            "Coordinator view",
            "Menu",
        ]) {
            seen.push((label, app.get_by_label(label).rect()));
        }
        // Nothing drawn over anything: the left group ends before the
        // toggles begin.
        let workspace = app.get_by_label("Open workspace…").rect();
        let toggles = app.get_by_label("Blind mode").rect();
        assert!(
            workspace.right() < toggles.left(),
            "on {screen}, the workspace button {workspace:?} runs into the toggles {toggles:?}"
        );
        eprintln!(
            "{screen}: workspace ends {} toggles start {}",
            workspace.right(),
            toggles.left()
        );
        for (label, rect) in seen {
            assert!(
                rect.left() >= 0.0 && rect.right() <= NARROW.x,
                "on {screen}, {label:?} is cut off at {rect:?}"
            );
            assert!(
                (rect.center().y - heading.center().y).abs() < heading.height(),
                "on {screen}, {label:?} is not on the bar's one row: {rect:?} vs {heading:?}"
            );
        }
    }
}

#[test]
fn the_menu_holds_the_workspace_path_the_theme_and_the_shortcuts() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Sam Lee");
    app.set_size(NARROW);
    app.run();
    app.get_by_label("Menu").click();
    app.run();
    app.get_by_label("Theme: System");
    app.get_by_label("Shortcuts (F1)").click();
    app.run();
    assert!(app.state().help_open());
    app.get_by_label("Keyboard shortcuts");
}

/// A file dropped on the window: only its path (the app reads the file
/// itself, off the UI thread).
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("read by path".to_owned())
    }
}

/// Drops `names` on the window, as a file manager would.
fn drop_files(
    app: &mut egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    names: &[&str],
) {
    app.input_mut().dropped_files = names
        .iter()
        .map(|name| std::sync::Arc::new(Dropped(name.into())) as egui::DroppedFileHandle)
        .collect();
    app.run();
}

#[test]
fn two_problems_are_read_one_after_the_other() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "Sam Lee");
    // Two mistakes in a row: neither message replaces the other.
    drop_files(&mut app, &["/tmp/photo.png"]);
    drop_files(&mut app, &["/tmp/a.ics", "/tmp/b.csv"]);
    app.get_by_label("Drop a calendar file (.ics) or an ATS export (.csv) to import it");
    app.get_by_label("(1 more after this one)");
    app.get_by_label("Dismiss").click();
    app.run();
    app.get_by_label("Drop invites (.ics) and candidates (.csv) one kind at a time");
    assert!(app.query_by_label_contains("more after this one").is_none());
    app.get_by_label("Dismiss").click();
    app.run();
    assert_eq!(app.state().notice(), None);
    assert!(app.query_by_label("Dismiss").is_none());
}
