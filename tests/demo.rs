//! `scorecard demo`, run as a user runs it: the real binary on a temporary
//! workspace.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scorecard::demo::{DEFAULT_SEED, generate};
use scorecard::io::{TemplateSet, Workspace};
use scorecard::model::{Rating, Slug, Template, Timestamp, missing_for_submit};

/// Runs `scorecard --workspace <workspace> <args>` with the demo's
/// environment overrides given in `env` (and no others).
fn scorecard(args: &[&str], workspace: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scorecard"));
    command
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .env_remove("SCORECARD_WORKSPACE")
        .env_remove("SCORECARD_DEMO_SEED")
        .env_remove("SCORECARD_DEMO_NOW");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `root`, by path relative to it, with its bytes.
fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let bytes = fs::read(&path).unwrap();
                into.insert(path.strip_prefix(root).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut all = BTreeMap::new();
    walk(root, root, &mut all);
    all
}

const NOW: &str = "2026-11-21T00:00:00Z";

/// The candidates asked for, without the validity study's past cohort
/// (interviewed over a year before the others).
fn asked_for(snapshot: &scorecard::io::WorkspaceSnapshot) -> Vec<&scorecard::io::CandidateRecord> {
    let latest = snapshot
        .candidates()
        .iter()
        .map(|r| r.candidate.created_at.unix_seconds())
        .max()
        .unwrap_or_default();
    snapshot
        .candidates()
        .iter()
        .map(AsRef::as_ref)
        .filter(|r| r.candidate.created_at.unix_seconds() > latest - 200 * 86_400)
        .collect()
}

#[test]
fn demo_fills_an_empty_workspace_with_realistic_data() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let out = scorecard(&["demo", "--candidates", "25"], &ws, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("wrote 25 candidates and "), "{stdout}");
    assert!(
        stdout
            .lines()
            .next()
            .unwrap()
            .ends_with(&format!("to {}", ws.display())),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 2);
    assert!(
        stdout.contains("and a past cohort for the validity study: "),
        "{stdout}"
    );

    let snapshot = Workspace::new(&ws).load();
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    let asked = asked_for(&snapshot);
    assert_eq!(asked.len(), 25);
    let cards: Vec<_> = asked
        .iter()
        .flat_map(|r| r.scorecards.iter().map(|s| &s.scorecard))
        .collect();
    let drafts = cards.iter().filter(|c| !c.is_submitted()).count();
    assert!(
        stdout.contains(&format!("{} scorecards ({drafts} drafts)", cards.len())),
        "{stdout}"
    );
    assert!(drafts > 0, "no drafts");
    assert!(
        cards
            .iter()
            .flat_map(|c| c.ratings.values())
            .any(|e| e.rating == Rating::NoSignal),
        "no NoSignal rating"
    );
    for record in &asked {
        assert!((2..=6).contains(&record.scorecards.len()));
        for card in &record.scorecards {
            let name = card.path.file_name().unwrap().to_str().unwrap();
            let who = Slug::from_name(&card.scorecard.interviewer).unwrap();
            assert_eq!(name, format!("{who}--{}.ron", card.scorecard.stage));
        }
    }

    let leniency = leniencies(&ws, &snapshot);
    let most = leniency.iter().copied().fold(f64::MIN, f64::max);
    let least = leniency.iter().copied().fold(f64::MAX, f64::min);
    assert!(most > 0.3, "no lenient interviewer: {leniency:?}");
    assert!(least < -0.3, "no harsh interviewer: {leniency:?}");
}

/// Every interviewer's leniency, from `scorecard summary --format json`, or
/// from the library while that command is not built yet.
fn leniencies(ws: &Path, snapshot: &scorecard::io::WorkspaceSnapshot) -> Vec<f64> {
    let out = scorecard(&["summary", "--format", "json"], ws, &[]);
    if out.status.success() {
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["interviewers"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["leniency"].as_f64())
            .collect()
    } else {
        snapshot
            .summarize()
            .interviewers
            .iter()
            .filter_map(|i| i.leniency)
            .collect()
    }
}

#[test]
fn demo_refuses_a_workspace_with_candidates_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = scorecard(&["demo", "--candidates", "3"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let before = files(dir.path());
    let out = scorecard(&["demo", "--candidates", "3"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("demo fills an empty workspace"), "{stderr}");
    assert_eq!(files(dir.path()), before);
}

#[test]
fn demo_refuses_even_a_broken_candidate_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("candidates").join("c-000001");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("candidate.ron"), "Candidate(").unwrap();
    let out = scorecard(&["demo", "--candidates", "3"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(files(dir.path()).len(), 1);
}

#[test]
fn demo_rejects_zero_or_absurd_counts_as_usage_errors() {
    for n in ["0", "100001", "99999999999"] {
        let dir = tempfile::tempdir().unwrap();
        let out = scorecard(&["demo", "--candidates", n], dir.path(), &[]);
        assert_eq!(out.status.code(), Some(2), "{n}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("--candidates"), "{stderr}");
        assert!(files(dir.path()).is_empty());
    }
    let dir = tempfile::tempdir().unwrap();
    let out = scorecard(
        &["demo", "--candidates", "2"],
        dir.path(),
        &[("SCORECARD_DEMO_SEED", "forty-two")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("SCORECARD_DEMO_SEED"));
    assert!(files(dir.path()).is_empty());
}

#[test]
fn same_seed_writes_identical_files() {
    let run = |seed: &str| {
        let dir = tempfile::tempdir().unwrap();
        let env = [("SCORECARD_DEMO_NOW", NOW), ("SCORECARD_DEMO_SEED", seed)];
        let out = scorecard(&["demo", "--candidates", "25"], dir.path(), &env);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        files(dir.path())
    };
    let first = run("42");
    let second = run("42");
    assert!(first.len() > 25 * 3);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert_eq!(bytes, &second[path], "{}", path.display());
    }
    assert_ne!(first, run("43"));
}

#[test]
fn default_seed_is_the_documented_one() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("SCORECARD_DEMO_NOW", NOW)];
    let out = scorecard(&["demo", "--candidates", "5"], dir.path(), &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let explicit = tempfile::tempdir().unwrap();
    let seed = DEFAULT_SEED.to_string();
    let env = [("SCORECARD_DEMO_NOW", NOW), ("SCORECARD_DEMO_SEED", &seed)];
    let out = scorecard(&["demo", "--candidates", "5"], explicit.path(), &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(files(dir.path()), files(explicit.path()));
}

#[test]
fn generated_scorecards_pass_the_model_checks() {
    let templates: Vec<Template> = TemplateSet::shipped()
        .0
        .iter()
        .map(|e| e.template.clone())
        .collect();
    assert_eq!(templates.len(), 31);
    let now: Timestamp = NOW.parse().unwrap();
    for seed in [1, 2, 3, DEFAULT_SEED] {
        let data = generate(&templates, 100, seed, now);
        assert_eq!(data.candidates.len(), 100);
        for card in &data.scorecards {
            assert!(card.problems().is_empty(), "{card:?}");
            if card.is_submitted() {
                let template = templates.iter().find(|t| t.id == card.template).unwrap();
                assert!(missing_for_submit(card, template).is_empty(), "{card:?}");
            }
        }
    }
}

#[test]
fn demo_fills_openings_plans_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let out = scorecard(
        &["demo", "--candidates", "80"],
        &ws,
        &[("SCORECARD_DEMO_NOW", NOW)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let snapshot = Workspace::new(&ws).load();
    // Every plan names its opening's template and stages: no error.
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
    assert!(
        snapshot.openings().len() >= 2,
        "{:?}",
        snapshot.openings().len()
    );
    let now: scorecard::model::Timestamp = NOW.parse().unwrap();
    let states: Vec<_> = snapshot
        .candidates()
        .iter()
        .flat_map(|r| snapshot.plan_of(r, now))
        .map(|p| p.state)
        .collect();
    use scorecard::model::InterviewState as S;
    for state in [S::Submitted, S::Owed, S::Overdue, S::Upcoming] {
        assert!(states.contains(&state), "no {state:?} interview");
    }
    let decided = asked_for(&snapshot)
        .into_iter()
        .filter(|r| r.decision.is_some())
        .count();
    assert!(decided > 0, "no decision");
    // Only candidates of an opening are decided, by its hiring manager
    // (the past cohort's openings are closed and gone).
    for r in asked_for(&snapshot)
        .into_iter()
        .filter(|r| r.decision.is_some())
    {
        let opening = snapshot.opening_of(&r.candidate).unwrap();
        assert_eq!(
            r.decision.as_ref().unwrap().decided_by,
            opening.hiring_manager
        );
    }
}
