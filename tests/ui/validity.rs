//! The Validity screen, as a coordinator uses it: the sample workspace's
//! past hires answer whether the interview predicted their performance;
//! a template with too few rated hires says how many it has.

use egui_kittest::kittest::Queryable;

use crate::harness::{open_app, step_until, wait_until};

#[test]
fn a_coordinator_reads_whether_the_interview_predicted_performance() {
    let outer = tempfile::tempdir().unwrap();
    let ws = outer.path().join("mine");
    std::fs::create_dir(&ws).unwrap();
    let mut app = open_app(&ws, "");
    app.get_by_label("Open a sample workspace").click();
    app.run();
    wait_until(&mut app, "the sample is open and read", |app| {
        app.is_loaded() && !app.snapshot().candidates().is_empty()
    });

    app.get_by_label("Validity").click();
    step_until(&mut app, "the Validity screen is open", |h| {
        h.query_by_label("Validity: did the interview predict performance?")
            .is_some()
    });
    // Built on its own thread; the screen says so until it is in.
    step_until(&mut app, "the figures are in", |h| {
        h.query_by_label_contains("rated hires, out of").is_some()
    });
    // The screen reads the aggregates: once they are current, the figures
    // built from them are the last.
    step_until(&mut app, "the aggregates are current", |h| {
        h.state().aggregates_current()
    });
    app.run();
    // The template with a study shows first, with r and its interval.
    app.get_by_label_contains("Interview score against mean later rating: r = ");
    app.get_by_label_contains("95% interval");
    app.get_by_label_contains("Corrected for the range hiring cut off");
    app.get_by_label("Per dimension (x = the dimension's mean rating)");
    app.get_by_label_contains("Restricted range:");
    app.get_by_label_contains("One team:");

    // Another template: too few rated hires, and how many there are.
    app.get_by_label("Template").click();
    step_until(&mut app, "the templates are listed", |h| {
        h.query_by_label("cloud-engineer (0 rated hires)").is_some()
    });
    app.get_by_label("cloud-engineer (0 rated hires)").click();
    step_until(&mut app, "the other template is shown", |h| {
        h.query_by_label_contains("0 rated hires of the 30 a study needs")
            .is_some()
    });
    assert!(app.query_by_label_contains("95% interval").is_none());
    app.get_by_label_contains("Small samples:");
}
