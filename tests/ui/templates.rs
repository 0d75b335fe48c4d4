//! Stories of a scorecard author: browse, preview, clone, edit, fix.

use std::fs;

use egui_kittest::kittest::Queryable;
use scorecard::io::{ParsedFile, read_and_parse_any};

use crate::harness::*;

#[test]
fn the_library_is_listed_and_previewed_as_an_interviewer_sees_it() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Templates").click();
    app.run();
    app.get_by_label("Junior Kubernetes Engineer (Junior IC), shipped");
    // Far down the grouped list: filtered to, as a user would.
    let filter = app.get_by_label("Filter templates");
    filter.focus();
    filter.type_text("site reliability");
    app.run();
    app.get_by_label("Distinguished Site Reliability Engineer (Distinguished IC), shipped")
        .click();
    app.run();
    app.get_by_label("Distinguished Site Reliability Engineer");
    app.get_by_label("Exercises");
    app.get_by_label("Red flags");
    // Shipped templates are cloned, not edited in place.
    assert!(app.query_by_label("Edit").is_none());
    app.get_by_label("Clone into the workspace");
}

#[test]
fn an_author_clones_a_template_edits_it_and_saves_a_valid_file() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Templates").click();
    app.run();
    app.get_by_label("Infrastructure Engineer (Mid-level IC), shipped")
        .click();
    app.run();
    app.get_by_label("Clone into the workspace").click();
    app.run();
    app.get_by_label("Edit template");

    // A mistake first: an exercise naming a dimension that does not exist.
    app.get_by_label("Exercise 1: IaC review and improvement")
        .click();
    app.run();
    let ids = app.get_by_label("Exercise 1 dimension ids, comma separated");
    ids.focus();
    ids.type_text(", no-such-dimension");
    app.run();
    app.get_by_label("Save to workspace").click();
    app.run();
    app.get_by_label("Not saved:");
    app.get_by_label_contains("names unknown dimension \"no-such-dimension\"");

    // Fixed: the file lands in the workspace and reads back.
    let ids = app.get_by_label("Exercise 1 dimension ids, comma separated");
    ids.focus();
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.get_by_label("Exercise 1 dimension ids, comma separated")
        .type_text("iac, security");
    app.run();
    app.get_by_label("Save to workspace").click();
    app.run();
    let path = ws
        .path()
        .join("templates/infrastructure-engineer-custom.ron");
    wait_until(&mut app, "the template is in effect", |a| {
        a.snapshot()
            .templates()
            .get("infrastructure-engineer-custom")
            .is_some()
    });
    let ParsedFile::Template(template) = read_and_parse_any(&path).unwrap() else {
        panic!("not a template");
    };
    assert_eq!(template.role, "Infrastructure Engineer (custom)");
    assert_eq!(template.dimensions.len(), 7);
    assert_eq!(template.exercises[0].dimensions.len(), 2);
    app.get_by_label("Infrastructure Engineer (custom) (Mid-level IC), workspace")
        .click();
    app.run();
    app.get_by_label("Edit");
}

#[test]
fn a_broken_template_file_is_listed_with_its_error() {
    let ws = tempfile::tempdir().unwrap();
    fs::create_dir_all(ws.path().join("templates")).unwrap();
    fs::write(
        ws.path().join("templates/mine.ron"),
        "Template(\n    format: 1,\n    id: \"Mine\",\n)",
    )
    .unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Templates").click();
    app.run();
    app.get_by_label_contains("mine.ron:3:9: id \"Mine\" is not a slug");
}

#[test]
fn an_interviewer_writes_a_stage_kit_to_a_typed_path() {
    let ws = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Templates").click();
    app.run();
    app.get_by_label("Infrastructure Engineer (Mid-level IC), shipped")
        .click();
    app.run();
    app.get_by_label("Interview kit…").click();
    app.run();
    app.get_by_label("Interview kit");
    let target = out.path().join("kit.md");
    app.get_by_label("md").click();
    let path = app.get_by_label("Save to");
    path.focus();
    path.type_text(target.to_str().unwrap());
    app.run();
    app.get_by_label("Write kit").click();
    wait_until(&mut app, "the kit is written", |_| target.exists());
    let text = fs::read_to_string(&target).unwrap();
    assert!(
        text.starts_with("# Interview kit: Infrastructure Engineer"),
        "{text}"
    );
    assert!(
        text.contains("- Stage: IaC review and improvement"),
        "{text}"
    );
}

#[test]
fn the_template_picker_filters_as_you_type_and_groups_by_family() {
    let ws = tempfile::tempdir().unwrap();
    let mut app = open_app(ws.path(), "");
    app.get_by_label("Template").click();
    app.run();
    // Grouped by family, the level on every line.
    app.get_by_label("Kubernetes engineer");
    app.get_by_label("Engineering leaders");
    let filter = app.get_by_label("Filter templates");
    filter.focus();
    filter.type_text("kube");
    app.run();
    assert!(
        app.query_by_label("Cloud Engineer (Mid-level IC)")
            .is_none()
    );
    assert!(app.query_by_label("Engineering leaders").is_none());
    let junior = app
        .get_by_label("Junior Kubernetes Engineer (Junior IC)")
        .rect()
        .min
        .y;
    let mid = app
        .get_by_label("Kubernetes Engineer (Mid-level IC)")
        .rect()
        .min
        .y;
    assert!(junior < mid, "junior first");
    app.get_by_label("Junior Kubernetes Engineer (Junior IC)")
        .click();
    app.run();
    assert!(app.query_by_label("Filter templates").is_none(), "closed");

    // The templates screen's list filters the same way.
    app.get_by_label("Templates").click();
    app.run();
    let filter = app.get_by_label("Filter templates");
    filter.focus();
    filter.type_text("distinguished");
    app.run();
    app.get_by_label("Distinguished Cloud Engineer (Distinguished IC), shipped");
    assert!(
        app.query_by_label("Cloud Engineer (Mid-level IC), shipped")
            .is_none()
    );
}

#[test]
fn an_interviewer_writes_the_kit_of_a_planned_interview_from_the_candidate_page() {
    let ws = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    add_candidate(ws.path(), "alex-doe", "Alex Doe");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Alex Doe").click();
    app.run();
    app.get_by_label("Stage").click();
    app.run();
    app.get_by_label("IaC review and improvement (75 min)")
        .click();
    app.run();
    app.get_by_label("Interview kit…").click();
    app.run();
    app.get_by_label("md").click();
    let target = out.path().join("kit.md");
    let path = app.get_by_label("Save to");
    path.focus();
    path.type_text(target.to_str().unwrap());
    app.run();
    app.get_by_label("Write kit").click();
    wait_until(&mut app, "the kit is written", |_| target.exists());
    let text = fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("- Stage: IaC review and improvement"),
        "{text}"
    );
}
