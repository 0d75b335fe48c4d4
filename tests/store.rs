//! The workspace store: what is written is read back, broken files are
//! listed and never touched, and files are private.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use scorecard::io::{StoreError, TemplateSource, Workspace, read_and_parse_any};
use scorecard::model::{Candidate, Rating, RatingEntry, Scorecard, Slug};

fn candidate(id: &str) -> Candidate {
    Candidate::new(
        Slug::new(id).unwrap(),
        "Alex Doe",
        Slug::new("infrastructure-engineer").unwrap(),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    )
}

fn scorecard(candidate: &str, interviewer: &str) -> Scorecard {
    let mut ratings = std::collections::BTreeMap::new();
    ratings.insert(
        Slug::new("fundamentals").unwrap(),
        RatingEntry {
            rating: Rating::Meets,
            evidence: "[04:10] traced DNS".into(),
        },
    );
    let mut card = Scorecard::draft(
        Slug::new(candidate).unwrap(),
        Slug::new("infrastructure-engineer").unwrap(),
        1,
        interviewer,
        "incident-scenario",
        "2026-11-21T10:00:00Z".parse().unwrap(),
    );
    card.ratings = ratings.into_iter().collect();
    card
}

#[test]
fn a_saved_candidate_and_scorecard_load_back() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    let c = candidate("c-0042");
    ws.save_candidate(&c).unwrap();
    let card = scorecard("c-0042", "Priya Raman");
    let path = ws
        .scorecard_path(&c.id, &card.interviewer, &card.stage)
        .unwrap();
    assert!(path.ends_with("candidates/c-0042/scorecards/priya-raman--incident-scenario.ron"));
    ws.save_scorecard(&path, &card).unwrap();

    let snapshot = ws.load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    assert_eq!(snapshot.candidates().len(), 1);
    assert_eq!(snapshot.candidates()[0].candidate, c);
    assert_eq!(snapshot.candidates()[0].scorecards[0].scorecard, card);
    assert_eq!(snapshot.candidates()[0].scorecards[0].path, path);
}

#[test]
fn a_general_interview_file_name_ends_in_two_dashes() {
    let ws = Workspace::new("/w");
    let path = ws
        .scorecard_path(&Slug::new("c-1").unwrap(), "Sam", "")
        .unwrap();
    assert_eq!(path, Path::new("/w/candidates/c-1/scorecards/sam--.ron"));
    assert!(
        ws.scorecard_path(&Slug::new("c-1").unwrap(), "Sam", "Bad Stage")
            .is_err()
    );
    assert!(
        ws.scorecard_path(&Slug::new("c-1").unwrap(), "!!", "")
            .is_err()
    );
}

#[test]
fn broken_files_are_listed_the_rest_is_read_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    ws.save_candidate(&candidate("c-1")).unwrap();
    let good = scorecard("c-1", "Priya Raman");
    let good_path = ws
        .scorecard_path(&good.candidate, &good.interviewer, &good.stage)
        .unwrap();
    ws.save_scorecard(&good_path, &good).unwrap();
    let broken_path = ws.scorecard_path(&good.candidate, "Sam Lee", "").unwrap();
    let broken = b"Scorecard(\n    format: 1,\n    candidate: \"c-1\",\n    oops\n";
    fs::write(&broken_path, broken).unwrap();
    // A candidate folder whose record is broken is reported, not fatal.
    fs::create_dir_all(dir.path().join("candidates/c-2")).unwrap();
    fs::write(
        dir.path().join("candidates/c-2/candidate.ron"),
        "Candidate(",
    )
    .unwrap();

    let snapshot = ws.load();
    assert_eq!(snapshot.candidates().len(), 1);
    assert_eq!(snapshot.candidates()[0].scorecards.len(), 1);
    let messages: Vec<String> = snapshot.errors().iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with(&format!("{}:4:5: ", broken_path.display()))),
        "{messages:?}"
    );

    let attempt = ws.save_scorecard(&broken_path, &scorecard("c-1", "Sam Lee"));
    assert!(matches!(
        attempt,
        Err(StoreError::WouldOverwriteBroken { .. })
    ));
    assert_eq!(fs::read(&broken_path).unwrap(), broken);
}

#[test]
fn a_workspace_template_overrides_the_shipped_one_and_a_broken_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    let shipped = ws
        .load()
        .templates()
        .get("infrastructure-engineer")
        .unwrap()
        .clone();
    assert_eq!(shipped.source, TemplateSource::Shipped);

    let mut custom = shipped.template.clone();
    custom.version = 2;
    custom.role = "Infrastructure Engineer (platform team)".to_owned();
    let path = ws.save_template(&custom).unwrap();
    let entry = ws
        .load()
        .templates()
        .get("infrastructure-engineer")
        .unwrap()
        .clone();
    assert_eq!(entry.source, TemplateSource::File(path.clone()));
    assert_eq!(entry.template, custom);

    fs::write(
        &path,
        "Template(format: 1, id: \"infrastructure-engineer\",",
    )
    .unwrap();
    let snapshot = ws.load();
    assert_eq!(
        snapshot
            .templates()
            .get("infrastructure-engineer")
            .unwrap()
            .source,
        TemplateSource::Shipped
    );
    assert_eq!(snapshot.errors().len(), 1);
    assert_eq!(snapshot.errors()[0].path, path);
}

#[test]
fn a_scorecard_in_the_wrong_candidate_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    ws.save_candidate(&candidate("c-1")).unwrap();
    let stray = scorecard("c-9", "Priya Raman");
    let path = ws
        .scorecard_path(&Slug::new("c-1").unwrap(), "Priya Raman", &stray.stage)
        .unwrap();
    ws.save_scorecard(&path, &stray).unwrap();
    let snapshot = ws.load();
    assert!(snapshot.candidates()[0].scorecards.is_empty());
    assert!(
        snapshot.errors()[0].message.contains("\"c-9\""),
        "{}",
        snapshot.errors()[0]
    );
    assert!(read_and_parse_any(&path).is_ok());
}

#[cfg(unix)]
#[test]
fn candidate_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path().join("ws"));
    let path = ws.save_candidate(&candidate("c-1")).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    assert_eq!(mode(&ws.candidates_dir()), 0o700);
    assert_eq!(mode(ws.root()), 0o700);
}

#[test]
fn reading_a_folder_again_reports_a_change_only_when_its_content_changed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    let c = candidate("c-1");
    ws.save_candidate(&c).unwrap();
    let mut card = scorecard("c-1", "Priya Raman");
    let path = ws
        .scorecard_path(&c.id, &card.interviewer, &card.stage)
        .unwrap();
    ws.save_scorecard(&path, &card).unwrap();
    let mut snapshot = ws.load();

    // What the app does after its own save: the file holds what it shows.
    assert!(!snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));

    // The same file rewritten with the same content but other bytes (a
    // comment): only the fingerprint changes.
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("// touched\n{text}")).unwrap();
    let before = snapshot.candidates()[0].scorecards[0].fingerprint;
    assert!(!snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    let after = snapshot.candidates()[0].scorecards[0].fingerprint;
    assert_ne!(before, after, "the new fingerprint is kept");

    // A colleague's edit is a change.
    card.notes = "edited on another laptop".to_owned();
    ws.save_scorecard(&path, &card).unwrap();
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    assert_eq!(
        snapshot.candidates()[0].scorecards[0].scorecard.notes,
        card.notes
    );

    // So is a file that breaks, and a folder that goes.
    fs::write(&path, "Scorecard(").unwrap();
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    fs::remove_dir_all(ws.candidate_dir(&c.id)).unwrap();
    assert!(snapshot.apply(ws.refresh(std::slice::from_ref(&path)), &ws));
    assert!(snapshot.candidates().is_empty());
}

#[test]
fn every_candidate_is_found_by_id_after_a_load_and_a_new_folder() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    // Saved out of order; as text, "c-100" < "c-20" < "c-3".
    for id in ["c-3", "c-100", "c-20"] {
        ws.save_candidate(&candidate(id)).unwrap();
    }
    let mut snapshot = ws.load();

    // A colleague's new candidate arrives between two others.
    ws.save_candidate(&candidate("c-15")).unwrap();
    let new_file = ws
        .candidate_dir(&Slug::new("c-15").unwrap())
        .join("candidate.ron");
    assert!(snapshot.apply(ws.refresh(&[new_file]), &ws));

    for id in ["c-100", "c-15", "c-20", "c-3"] {
        let found = snapshot.candidate(id).map(|r| r.candidate.id.as_str());
        assert_eq!(found, Some(id));
    }
    assert!(snapshot.candidate("c-4").is_none());
    assert!(snapshot.candidate("").is_none());
}
