//! The local validity study as a user runs it (the real binary):
//! `scorecard import performance` with good and bad files (every bad one
//! leaving every workspace file as it was), `scorecard validity` on the
//! demo's workspace, `validate` on `performance.ron`, and the reviews as
//! personal data (erase, purge, the blind export).

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scorecard::io::Workspace;
use scorecard::model::{Candidate, Decision, FormatVersion, Slug, Verdict};
use serde_json::Value;

use common::{text, workspace_state};

fn scorecard(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .env("SCORECARD_DEMO_NOW", "2026-11-21T00:00:00Z")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn slug(s: &str) -> Slug {
    Slug::new(s).unwrap()
}

/// A workspace of three candidates of infrastructure-engineer: c-1 (ATS
/// id 7001) and c-2 (ana@example.com) hired on 2026-06-01, c-3 not hired.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let ws = Workspace::new(&root);
    let created = "2026-05-01T00:00:00Z".parse().unwrap();
    for (id, name, verdict) in [
        ("c-1", "Bo Li", Verdict::Hire),
        ("c-2", "Ana Ruiz", Verdict::Hire),
        ("c-3", "Cy Young", Verdict::NoHire),
    ] {
        let mut candidate =
            Candidate::new(slug(id), name, slug("infrastructure-engineer"), created);
        if id == "c-1" {
            candidate.external_id = Some("7001".to_owned());
        }
        if id == "c-2" {
            candidate.email = Some("ana@example.com".to_owned());
        }
        ws.save_candidate(&candidate).unwrap();
        ws.save_decision(&Decision {
            format: FormatVersion::CURRENT,
            candidate: slug(id),
            decision: verdict,
            decided_by: "Dana Kim".to_owned(),
            decided_at: "2026-06-01T00:00:00Z".parse().unwrap(),
            rationale: "The panel agreed".to_owned(),
        })
        .unwrap();
    }
    (dir, root)
}

fn write_csv(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

const GOOD: &str = "\u{feff}Candidate;ATS ID;Email;Date;Rating;Reviewer\n\
                    c-1;;;2026-12-01;4;Dana Kim\n\
                    ;7001;;2027-06-01;5;Dana Kim\n\
                    ;;ANA@example.com;2026-12-01T09:00:00Z;3;Lukas Brandt\n";

#[test]
fn reviews_are_imported_once_by_id_ats_id_or_email() {
    let (dir, root) = workspace();
    let file = write_csv(dir.path(), "reviews.csv", GOOD);
    let before = workspace_state(&root);
    let dry = scorecard(
        &root,
        &["import", "performance", file.to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("3 reviews added, 0 changed, 0 unchanged, for 2 hires (dry run")
    );
    assert_eq!(workspace_state(&root), before, "a dry run writes nothing");

    let out = scorecard(&root, &["import", "performance", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let snapshot = Workspace::new(&root).load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    let c1 = snapshot
        .candidate("c-1")
        .unwrap()
        .performance
        .clone()
        .unwrap();
    let ratings: Vec<u8> = c1.reviews.iter().map(|r| r.rating).collect();
    assert_eq!(ratings, [4, 5]);
    let c2 = snapshot
        .candidate("c-2")
        .unwrap()
        .performance
        .clone()
        .unwrap();
    assert_eq!(c2.reviews[0].reviewer, "Lukas Brandt");
    assert_eq!(c2.reviews[0].at.to_string(), "2026-12-01T09:00:00Z");

    // Again: nothing changes, not one byte.
    let after = workspace_state(&root);
    let again = scorecard(&root, &["import", "performance", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert!(text(&again.stdout).contains("0 reviews added, 0 changed, 3 unchanged, for 0 hires"));
    assert_eq!(workspace_state(&root), after);

    let validate = scorecard(
        &root,
        &["validate", root.join("candidates").to_str().unwrap()],
    );
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        text(&validate.stderr)
    );
    assert!(text(&validate.stdout).contains("performance reviews of c-1 (2 reviews)"));
}

#[test]
fn every_bad_file_is_refused_at_its_spot_and_changes_nothing() {
    let (dir, root) = workspace();
    let cases: [(&str, &str, &str); 9] = [
        (
            "rating 0",
            "Candidate,Date,Rating,Reviewer\nc-1,2026-12-01,0,Dana Kim\n",
            ":2:16: performance rating 0 is outside 1–5",
        ),
        (
            "rating 6",
            "Candidate,Date,Rating,Reviewer\nc-1,2026-12-01,6,Dana Kim\n",
            ":2:16: performance rating 6",
        ),
        (
            "rating 7",
            "Candidate,Date,Rating,Reviewer\nc-1,2026-12-01,7,Dana Kim\n",
            ":2:16: performance rating 7",
        ),
        (
            "before the decision",
            "Candidate,Date,Rating,Reviewer\nc-1,2026-05-31,4,Dana Kim\n",
            ":2:5: the review is dated 2026-05-31T00:00:00Z, before the decision to hire",
        ),
        (
            "unknown candidate",
            "Email,Date,Rating,Reviewer\nno@example.com,2026-12-01,4,Dana\n",
            ":2:1: unknown candidate: no candidate has email",
        ),
        (
            "duplicate row",
            "Candidate,Date,Rating,Reviewer\nc-1,2026-12-01,4,Dana Kim\nc-1,2026-12-01,3,dana kim\n",
            ":3:5: duplicate row: line 2 has",
        ),
        (
            "missing column",
            "Candidate,Date,Reviewer\nc-1,2026-12-01,Dana Kim\n",
            ":1:1: missing column: the header needs a column `Rating`",
        ),
        (
            "not a hire",
            "Candidate,Date,Rating,Reviewer\nc-3,2026-12-01,4,Dana Kim\n",
            ":2:1: c-3 was decided no hire",
        ),
        (
            "not a date",
            "Candidate,Date,Rating,Reviewer\nc-1,01/12/2026,4,Dana Kim\n",
            ":2:5: \"01/12/2026\" is not a date",
        ),
    ];
    // A good row first in every file: all or nothing.
    let before = workspace_state(&root);
    for (what, body, expected) in cases {
        let file = write_csv(dir.path(), "bad.csv", body);
        let out = scorecard(&root, &["import", "performance", file.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        let wanted = format!("{}{expected}", file.display());
        assert!(
            stderr.contains(&wanted),
            "{what}: wanted {wanted:?} in {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert_eq!(
            workspace_state(&root),
            before,
            "{what}: a workspace file changed"
        );
    }
    // One bad row among good ones: nothing of the good ones is written.
    let mixed = format!("{GOOD}c-1,2027-01-01,9,Dana Kim\n").replace(';', ",");
    let file = write_csv(dir.path(), "mixed.csv", &mixed);
    let out = scorecard(&root, &["import", "performance", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains(":5:"), "{}", text(&out.stderr));
    assert_eq!(workspace_state(&root), before);
}

#[test]
fn validate_checks_performance_files_against_their_folder_and_decision() {
    let (_dir, root) = workspace();
    let folder = root.join("candidates/c-1");
    let cases = [
        (
            "rating",
            "Performance(format: 1, candidate: \"c-1\", reviews: [\n    Review(at: \"2026-12-01T00:00:00Z\", reviewer: \"Dana Kim\", rating: 7),\n])\n",
            "performance.ron:2:70: performance rating 7 is outside 1–5",
        ),
        (
            "before",
            "Performance(format: 1, candidate: \"c-1\", reviews: [\n    Review(at: \"2026-01-01T00:00:00Z\", reviewer: \"Dana Kim\", rating: 3),\n])\n",
            "performance.ron:2:16: the review is dated 2026-01-01T00:00:00Z, before the decision to hire",
        ),
        (
            "mismatch",
            "Performance(format: 1, candidate: \"c-2\", reviews: [])\n",
            "performance.ron:1:35: performance reviews of candidate \"c-2\", but the file lies in the folder of \"c-1\"",
        ),
    ];
    for (what, body, expected) in cases {
        let path = folder.join("performance.ron");
        fs::write(&path, body).unwrap();
        let out = scorecard(&root, &["validate", path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{what}: wanted {expected:?} in {stderr}"
        );
        // The app's read leaves the file out with the same words.
        let snapshot = Workspace::new(&root).load();
        assert!(
            snapshot.candidate("c-1").unwrap().performance.is_none(),
            "{what}"
        );
        assert!(
            snapshot
                .errors()
                .iter()
                .any(|e| e.to_string().contains(expected)),
            "{what}: {:?}",
            snapshot.errors()
        );
    }
}

#[test]
fn the_demo_workspace_has_a_study_with_figures() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let demo = scorecard(&root, &["demo", "--candidates", "12"]);
    assert_eq!(demo.status.code(), Some(0), "{}", text(&demo.stderr));
    let out = scorecard(&root, &["validity", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let templates = json["templates"].as_array().unwrap();
    let study = templates
        .iter()
        .find(|t| t["template"] == "infrastructure-engineer")
        .unwrap();
    let keys: Vec<&str> = study
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "template",
        "pool",
        "hires_rated",
        "criterion_reliability",
        "refused",
        "r",
        "ci_low",
        "ci_high",
        "r_criterion",
        "u",
        "r_corrected",
        "dimensions",
    ];
    let mut keys = keys.clone();
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(study["refused"], false);
    assert!(study["hires_rated"].as_u64().unwrap() >= 30);
    assert!(study["pool"].as_u64() > study["hires_rated"].as_u64());
    assert_eq!(study["criterion_reliability"], 0.52);
    let (r, low, high) = (
        study["r"].as_f64().unwrap(),
        study["ci_low"].as_f64().unwrap(),
        study["ci_high"].as_f64().unwrap(),
    );
    assert!(
        low <= r && r <= high && (-1.0..=1.0).contains(&r),
        "{study}"
    );
    let dimension = &study["dimensions"][0];
    for key in ["dimension", "n", "r", "r_corrected"] {
        assert!(dimension.get(key).is_some(), "{dimension}");
    }
    // A small template is refused with its count.
    let refused = templates.iter().find(|t| t["refused"] == true).unwrap();
    assert!(
        refused["r"].is_null() && refused["r_corrected"].is_null(),
        "{refused}"
    );

    // Another criterion reliability changes the corrections, not r.
    let other = scorecard(
        &root,
        &[
            "validity",
            "--template",
            "infrastructure-engineer",
            "--criterion-reliability",
            "0.9",
            "--format",
            "json",
        ],
    );
    let other: Value = serde_json::from_slice(&other.stdout).unwrap();
    assert_eq!(other["templates"].as_array().unwrap().len(), 1);
    assert_eq!(other["templates"][0]["r"], study["r"]);
    assert!(other["templates"][0]["r_criterion"].as_f64() < study["r_criterion"].as_f64());

    let words = scorecard(
        &root,
        &["validity", "--template", "infrastructure-engineer"],
    );
    let words = text(&words.stdout);
    assert!(words.contains("rated hires, out of"), "{words}");
    assert!(words.contains("Restricted range"), "{words}");
    assert!(words.contains("One team"), "{words}");
    assert!(!words.contains("Dana Kim"), "no reviewer is named");

    let unknown = scorecard(&root, &["validity", "--template", "nope"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("unknown template \"nope\""));
    let bad = scorecard(&root, &["validity", "--criterion-reliability", "0"]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
    assert!(text(&bad.stderr).contains("not a reliability"));
}

#[test]
fn reviews_are_personal_data_erased_with_the_candidate_and_kept_out_of_exports() {
    let (dir, root) = workspace();
    let file = write_csv(dir.path(), "reviews.csv", GOOD);
    let out = scorecard(&root, &["import", "performance", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let blind = scorecard(
        &root,
        &[
            "export",
            "--candidate",
            "c-2",
            "--format",
            "json",
            "--blind",
        ],
    );
    assert_eq!(blind.status.code(), Some(0), "{}", text(&blind.stderr));
    assert!(
        !text(&blind.stdout).contains("Lukas Brandt"),
        "the reviewer stays out"
    );
    assert!(!text(&blind.stdout).contains("Ana Ruiz"));

    assert!(root.join("candidates/c-2/performance.ron").is_file());
    let delete = scorecard(&root, &["delete", "--candidate", "c-2"]);
    assert_eq!(delete.status.code(), Some(0), "{}", text(&delete.stderr));
    assert!(!root.join("candidates/c-2").exists());

    // Purge: the reviews go with the candidate's folder.
    let purge = scorecard(&root, &["purge", "--older-than", "0"]);
    assert_eq!(purge.status.code(), Some(0), "{}", text(&purge.stderr));
    assert!(!root.join("candidates/c-1/performance.ron").exists());
}
