//! Saving is safe against crashes and concurrent writers: a process killed
//! with SIGKILL at any moment leaves every file parseable, holding a
//! complete version; two processes saving into one workspace lose nothing.
//!
//! The writers are this test binary itself, started again as a child with
//! an environment variable that turns the `child_*` tests into writers.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use scorecard::io::{ParsedFile, Workspace, read_and_parse_any};
use scorecard::model::{Candidate, Rating, RatingEntry, Scorecard, Slug};

const WORKSPACE_ENV: &str = "SCORECARD_CRASH_TEST_WORKSPACE";
const WHO_ENV: &str = "SCORECARD_CRASH_TEST_INTERVIEWER";
const ROUNDS_ENV: &str = "SCORECARD_CRASH_TEST_ROUNDS";

fn candidate() -> Candidate {
    Candidate::new(
        Slug::new("c-1").unwrap(),
        "Alex Doe".to_owned(),
        Slug::new("infrastructure-engineer").unwrap(),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    )
}

/// Version `n` of an interviewer's scorecard: its notes say which, and it
/// grows with `n`, so a torn write could not pass for a whole one.
fn version(interviewer: &str, n: u64) -> Scorecard {
    let mut ratings = std::collections::BTreeMap::new();
    ratings.insert(
        Slug::new("fundamentals").unwrap(),
        RatingEntry {
            rating: Rating::from_score((n % 5) as u8).unwrap(),
            evidence: "[01:00] traced the request. "
                .repeat((n % 40) as usize)
                .into(),
        },
    );
    let mut card = common::general_draft(interviewer);
    card.ratings = ratings.into_iter().collect();
    card.notes = format!("version {n}");
    card
}

/// The writer: saves versions 1, 2, 3… of its scorecard (and the
/// candidate's record) until killed, or `ROUNDS_ENV` saves.
#[test]
fn child_writer() {
    let Ok(dir) = std::env::var(WORKSPACE_ENV) else {
        return; // An ordinary test run: nothing to do.
    };
    let who = std::env::var(WHO_ENV).unwrap();
    let rounds: u64 = std::env::var(ROUNDS_ENV)
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(u64::MAX);
    let ws = Workspace::new(dir);
    let path = ws
        .scorecard_path(&Slug::new("c-1").unwrap(), &who, "")
        .unwrap();
    for n in 1..=rounds {
        ws.save_candidate(&candidate()).unwrap();
        ws.save_scorecard(&path, &version(&who, n)).unwrap();
    }
}

fn spawn_writer(workspace: &Path, interviewer: &str, rounds: Option<u64>) -> Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "child_writer", "--test-threads=1", "--quiet"])
        .env(WORKSPACE_ENV, workspace)
        .env(WHO_ENV, interviewer)
        .stdout(std::process::Stdio::null());
    if let Some(rounds) = rounds {
        command.env(ROUNDS_ENV, rounds.to_string());
    }
    command.spawn().unwrap()
}

/// The version number a complete scorecard file holds.
fn version_on_disk(path: &Path, interviewer: &str) -> u64 {
    let ParsedFile::Scorecard(card) = read_and_parse_any(path).unwrap_or_else(|e| panic!("{e}"))
    else {
        panic!("{} is not a scorecard", path.display());
    };
    let n: u64 = card
        .notes
        .strip_prefix("version ")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        card,
        version(interviewer, n),
        "the file is one whole version"
    );
    n
}

#[cfg(unix)]
#[test]
fn a_writer_killed_at_random_moments_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    ws.save_candidate(&candidate()).unwrap();
    let path: PathBuf = ws
        .scorecard_path(&Slug::new("c-1").unwrap(), "Priya Raman", "")
        .unwrap();
    ws.save_scorecard(&path, &version("Priya Raman", 0))
        .unwrap();

    // A small linear congruential generator: random moments, repeatable runs.
    let mut seed: u64 = 0x5eed;
    let mut last = 0;
    let mut progressed = 0;
    for _ in 0..200 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = Duration::from_micros(2_000 + (seed >> 33) % 30_000);
        let mut child = spawn_writer(dir.path(), "Priya Raman", None);
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL: no destructor, no flush, no cleanup.
        child.wait().unwrap();
        let n = version_on_disk(&path, "Priya Raman");
        if n != last {
            progressed += 1;
        }
        last = n;
    }
    // The kills did land mid-run, in a run of writes, many times.
    assert!(progressed > 20, "only {progressed} rounds wrote anything");
    let snapshot = ws.load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    assert_eq!(snapshot.candidates().len(), 1);
}

#[test]
fn two_processes_saving_into_one_workspace_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let rounds = 300;
    let mut a = spawn_writer(dir.path(), "Priya Raman", Some(rounds));
    let mut b = spawn_writer(dir.path(), "Sam Lee", Some(rounds));
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let ws = Workspace::new(dir.path());
    for who in ["Priya Raman", "Sam Lee"] {
        let path = ws
            .scorecard_path(&Slug::new("c-1").unwrap(), who, "")
            .unwrap();
        assert_eq!(
            version_on_disk(&path, who),
            rounds,
            "{who}'s last version is on disk"
        );
    }
    let snapshot = ws.load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    assert_eq!(snapshot.candidates()[0].scorecards.len(), 2);
    assert_eq!(snapshot.candidates()[0].candidate, candidate());
}
