//! Stories of calibration: evidence nudges while writing, practice rounds,
//! the interviewer view.

use egui::Key;
use egui_kittest::kittest::Queryable;

use crate::harness::*;

#[test]
fn a_nudge_appears_while_typing_and_does_not_block_submit() {
    let ws = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "c-1", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    start_scoring(&mut app, "Alex Doe", None);

    app.get_by_label("Evidence").focus();
    app.get_by_label("Evidence")
        .type_text("Walked through the VPC layout; not sure about culture fit");
    app.run();
    app.get_by_label_contains("\u{201c}culture fit\u{201d} touches on culture fit");

    // Esc leaves the note; an extreme rating with a short note gets a
    // quiet hint, nothing more.
    press(&mut app, Key::Escape);
    press(&mut app, Key::Num4);
    press(&mut app, Key::ArrowDown);
    app.get_by_label("Evidence").focus();
    app.get_by_label("Evidence").type_text("weak");
    app.run();
    press(&mut app, Key::Escape);
    press(&mut app, Key::Num1);
    app.get_by_label_contains("An extreme rating reads better with evidence");
    press(&mut app, Key::ArrowDown);
    for _ in 0..5 {
        press(&mut app, Key::Num3);
        press(&mut app, Key::ArrowDown);
    }
    app.get_by_label("Notes").focus();
    app.get_by_label("Notes")
        .type_text("Mentioned her kids twice");
    app.run();
    app.get_by_label_contains("\u{201c}kids\u{201d} touches on family");
    app.get_by_label("Hire").click();
    app.run();
    app.get_by_label("Submit").click();
    app.run();
    wait_saved(&mut app);
    let on_disk = scorecard_on_disk(&interview_path(&app));
    assert!(on_disk.is_submitted(), "a nudge never blocks submit");
}
