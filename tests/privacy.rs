//! Candidate data is personal data: private files, and erasure on request
//! or after a retention period, from the command line.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use scorecard::io::Workspace;
use scorecard::model::{Candidate, Scorecard, Slug};

fn scorecard(args: &[&str], workspace: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .output()
        .unwrap()
}

fn add(ws: &Workspace, id: &str, created: &str) {
    let candidate = Candidate::new(
        Slug::new(id).unwrap(),
        format!("Person {id}"),
        Slug::new("infrastructure-engineer").unwrap(),
        created.parse().unwrap(),
    );
    ws.save_candidate(&candidate).unwrap();
    let mut card = Scorecard::draft(
        candidate.id.clone(),
        candidate.template.clone(),
        1,
        "Priya Raman",
        "",
        created.parse().unwrap(),
    );
    card.notes = "about the person".to_owned();
    let path = ws.scorecard_path(&candidate.id, "Priya Raman", "").unwrap();
    ws.save_scorecard(&path, &card).unwrap();
}

#[test]
fn delete_erases_every_file_of_one_candidate_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    add(&ws, "c-1", "2026-11-20T09:00:00Z");
    add(&ws, "c-2", "2026-11-20T09:00:00Z");
    // A conflict copy and a stray file are the candidate's data too.
    let folder = ws.candidate_dir(&Slug::new("c-1").unwrap());
    fs::write(
        folder.join("scorecards/priya-raman-- (conflicted copy).ron"),
        "x",
    )
    .unwrap();

    let out = scorecard(&["delete", "--candidate", "c-1"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "erased 1 candidate(s), 3 file(s): c-1\n"
    );
    assert!(!folder.exists());
    let snapshot = ws.load();
    assert_eq!(snapshot.candidates().len(), 1);
    assert_eq!(snapshot.candidates()[0].candidate.id.as_str(), "c-2");

    let out = scorecard(&["delete", "--candidate", "c-1"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no candidate c-1"));
    assert_eq!(
        scorecard(&["delete", "--candidate", "../etc"], dir.path())
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn purge_erases_only_candidates_inactive_for_longer_than_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    add(&ws, "c-old", "2020-01-01T09:00:00Z");
    add(&ws, "c-new", "2026-11-20T09:00:00Z");
    // Old content, but a file touched now: activity by modification time.
    // (Both were just written, so set the old one's files back in time.)
    let old_dir = ws.candidate_dir(&Slug::new("c-old").unwrap());
    let long_ago =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_577_872_800);
    for path in [
        old_dir.join("candidate.ron"),
        old_dir.join("scorecards/priya-raman--.ron"),
    ] {
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }

    let out = scorecard(&["purge", "--older-than", "365"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "erased 1 candidate(s), 2 file(s): c-old\n"
    );
    assert!(!old_dir.exists());
    assert_eq!(ws.load().candidates().len(), 1);
    assert_eq!(
        scorecard(&["purge", "--older-than", "-3"], dir.path())
            .status
            .code(),
        Some(2)
    );
}

#[cfg(unix)]
#[test]
fn every_file_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path().join("ws"));
    add(&ws, "c-1", "2026-11-20T09:00:00Z");
    let mut stack = vec![ws.root().to_path_buf()];
    while let Some(path) = stack.pop() {
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        if path.is_dir() {
            assert_eq!(mode, 0o700, "{}", path.display());
            stack.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            assert_eq!(mode, 0o600, "{}", path.display());
        }
    }
}
