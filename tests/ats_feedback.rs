//! `scorecard export --format ats|ashby-json|lever-json`, run as a user runs
//! it on `tests/fixtures/ats/workspace`, and `validate` of `ats.ron`: the
//! text and both request bodies as snapshots, and each refusal (a draft,
//! several stages, a missing or incomplete `ats.ron`, no ATS id) with its
//! message and exit code.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{copy_dir, text};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ats")
}

fn fixture_workspace() -> PathBuf {
    fixtures().join("workspace")
}

fn scorecard(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Exports Priya Raman's incident drill of c-0101 in `format`.
fn export(workspace: &Path, candidate: &str, format: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "export",
        "--candidate",
        candidate,
        "--format",
        format,
        "--interviewer",
        "priya raman",
    ];
    args.extend_from_slice(extra);
    scorecard(workspace, &args)
}

fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Exit 1, `stderr` is `scorecard: message`, nothing on stdout.
fn refused(out: &Output, message: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), format!("scorecard: {message}\n"));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
}

#[test]
fn the_ats_text_of_a_realistic_scorecard() {
    let out = export(
        &fixture_workspace(),
        "c-0101",
        "ats",
        &["--stage", "incident-drill"],
    );
    insta::assert_snapshot!("ats_text", ok(&out));
}

#[test]
fn the_ashby_body_scores_each_rated_dimension_and_carries_the_text() {
    let out = export(
        &fixture_workspace(),
        "c-0101",
        "ashby-json",
        &["--stage", "incident-drill"],
    );
    let body = ok(&out);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["applicationId"], "5b0e7c1a-2f4d-4c1e-9a63-0d8e5f2b7a41");
    insta::assert_snapshot!("ashby_json", body);
}

#[test]
fn the_lever_body_and_where_to_send_it() {
    let out = export(
        &fixture_workspace(),
        "c-0101",
        "lever-json",
        &["--stage", "incident-drill"],
    );
    let body = ok(&out);
    assert_eq!(
        text(&out.stderr),
        "send with: POST https://api.lever.co/v1/opportunities/5b0e7c1a-2f4d-4c1e-9a63-0d8e5f2b7a41/feedback?perform_as=7e1d2c3b-4a5f-4e6d-8c9b-0a1f2e3d4c5b\n"
    );
    insta::assert_snapshot!("lever_json", body);
}

#[test]
fn one_submitted_scorecard_needs_no_stage_and_several_do() {
    let ws = fixture_workspace();
    let single = ok(&export(&ws, "c-0102", "ats", &[]));
    assert!(single.starts_with(
        "Overall recommendation: Definitely not\n\nIncident response: Definitely not\n"
    ));
    // Outlived by the template: named by its id, after the others.
    assert!(single.contains("\n\ncapacity: No\n[30:05] sized the cache by guesswork\n"));
    refused(
        &export(&ws, "c-0101", "ats", &[]),
        "candidate c-0101: \"priya raman\" submitted scorecards at several stages (\"\" (general interview), \"incident-drill\"): say which with --stage (an ATS takes one form per interview)",
    );
    let general = ok(&export(&ws, "c-0101", "ats", &["--stage", ""]));
    assert!(general.starts_with("Overall recommendation: Strong yes\n\nCommunication: Yes\n"));
}

#[test]
fn a_draft_or_a_stranger_is_refused() {
    let ws = fixture_workspace();
    let out = scorecard(
        &ws,
        &[
            "export",
            "--candidate",
            "c-0101",
            "--format",
            "lever-json",
            "--interviewer",
            "TOMÁS FERREIRA",
        ],
    );
    refused(
        &out,
        "candidate c-0101: \"Tomás Ferreira\"'s scorecard at stage \"automation-review\" is a draft: only submitted scorecards go to the ATS; submit it first",
    );
    let out = scorecard(
        &ws,
        &[
            "export",
            "--candidate",
            "c-0102",
            "--format",
            "ats",
            "--interviewer",
            "Sam Lee",
        ],
    );
    refused(
        &out,
        "candidate c-0102: \"Sam Lee\" has no scorecard for this candidate",
    );
}

#[test]
fn the_json_bodies_need_an_ats_mapping_that_maps_every_rated_dimension() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&fixture_workspace(), &ws);
    // c-0102 has no ATS id, and a dimension its template no longer has.
    refused(
        &export(&ws, "c-0102", "lever-json", &[]),
        "ats.ron maps no Lever field for \"capacity\": add it under lever's dimensions, as dimensions: {\"capacity\": \"<field>\"}",
    );
    let file = ws.join("ats.ron");
    let mapping = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        mapping.replace("    lever: Some(", "    lever: None,\n    unused: Some("),
    )
    .unwrap();
    let out = export(&ws, "c-0101", "lever-json", &["--stage", "incident-drill"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{path}:18:5: unexpected field named `unused` in `AtsMapping`, expected one of `format`, `ashby`, or `lever` instead\n\
             scorecard: {path} is broken: fix it first\n",
            path = file.display()
        )
    );
    fs::write(
        &file,
        "AtsMapping(format: 1, ashby: Some(AshbyForm(form_definition_id: \"f\", overall: \"o\")))",
    )
    .unwrap();
    refused(
        &export(&ws, "c-0101", "lever-json", &["--stage", "incident-drill"]),
        &format!(
            "{} has no lever form: add `lever: Some(LeverForm(…))` (see docs/EXPORTS.md)",
            file.display()
        ),
    );
    fs::remove_file(&file).unwrap();
    refused(
        &export(&ws, "c-0101", "ashby-json", &["--stage", "incident-drill"]),
        &format!(
            "there is no {}: add one that maps the ATS form's fields, such as `AtsMapping(format: 1, ashby: Some(…))` (see docs/EXPORTS.md)",
            file.display()
        ),
    );
}

#[test]
fn an_interviewer_without_an_ashby_user_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&fixture_workspace(), &ws);
    let file = ws.join("ats.ron");
    let mapping = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        mapping.replace(
            "users: {\"Priya Raman\": \"2c9a6e1b-7d3f-4b8a-9e05-6f1d3c8b2a74\"}",
            "users: {\"Sam Lee\": \"2c9a6e1b-7d3f-4b8a-9e05-6f1d3c8b2a74\"}",
        ),
    )
    .unwrap();
    assert_ne!(fs::read_to_string(&file).unwrap(), mapping);
    refused(
        &export(&ws, "c-0101", "ashby-json", &["--stage", "incident-drill"]),
        &format!(
            "{} lists no Ashby user for Priya Raman: add them under ashby's users, as `users: {{\"Priya Raman\": \"<their Ashby user id>\"}}`; without it Ashby would credit the feedback to the API key's owner",
            file.display()
        ),
    );
}

#[test]
fn a_candidate_without_an_ats_id_cannot_have_a_body() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&fixture_workspace(), &ws);
    let card = ws.join("candidates/c-0102/scorecards/priya-raman--incident-drill.ron");
    let text_before = fs::read_to_string(&card).unwrap();
    fs::write(
        &card,
        text_before.replace("        \"capacity\": (rating: PartiallyMeets, evidence: \"[30:05] sized the cache by guesswork\"),\n", ""),
    )
    .unwrap();
    refused(
        &export(&ws, "c-0102", "ashby-json", &[]),
        "candidate c-0102 has no external_id: add the Ashby application id to their candidate.ron (`external_id: Some(\"…\")`), or import them from the ATS's export",
    );
}

#[test]
fn the_ats_formats_take_an_interviewer_and_the_others_do_not() {
    let ws = fixture_workspace();
    let out = scorecard(&ws, &["export", "--candidate", "c-0101", "--format", "ats"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--interviewer <NAME>"));
    let out = scorecard(
        &ws,
        &[
            "export",
            "--candidate",
            "c-0101",
            "--format",
            "md",
            "--interviewer",
            "Priya Raman",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = export(
        &ws,
        "c-0101",
        "ats",
        &["--stage", "incident-drill", "--blind"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_text_goes_to_a_file_with_dash_o() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("feedback.txt");
    let out = export(
        &fixture_workspace(),
        "c-0101",
        "ats",
        &["--stage", "incident-drill", "-o", target.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("Overall recommendation: Yes\n"));
}

#[test]
fn validate_checks_ats_ron_against_the_templates_in_effect() {
    let ws = fixture_workspace();
    let good = ws.join("ats.ron");
    let out = scorecard(&ws, &["validate", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: ok, ATS mapping (ashby: 4 dimensions, lever: 3 dimensions)\n",
            good.display()
        )
    );
    for (name, expected) in [
        (
            "ats-unknown-dimension.ron",
            "7:42: no template in effect has a dimension \"incident-respnse\"",
        ),
        (
            "ats-blank-id.ron",
            "4:47: form_definition_id is blank: copy it from the ATS",
        ),
        (
            "ats-unknown-field.ron",
            "6:9: unexpected field named `formId` in `LeverForm`, expected one of `template_id`, `overall`, `dimensions`, `notes`, or `users` instead",
        ),
    ] {
        let path = fixtures().join(name);
        let out = scorecard(&ws, &["validate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(
            text(&out.stderr),
            format!("{}:{expected}\n", path.display()),
            "{name}"
        );
    }
}
