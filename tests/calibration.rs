//! The calibration files in a workspace: nudge list, practice cases and
//! practice results, as the snapshot reads them.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

use scorecard::io::{Workspace, save_practice_results, shipped_nudges};
use scorecard::model::{
    FormatVersion, PracticeAnswer, PracticeResults, PracticeRound, Rating, Slug,
};

fn results(interviewer: &str) -> PracticeResults {
    PracticeResults {
        format: FormatVersion::CURRENT,
        interviewer: interviewer.to_owned(),
        rounds: vec![PracticeRound {
            template: Slug::new("infrastructure-engineer").unwrap(),
            finished_at: "2026-12-01T12:00:00Z".parse().unwrap(),
            answers: vec![PracticeAnswer {
                case: Slug::new("console-hotfix").unwrap(),
                dimension: Slug::new("iac").unwrap(),
                rating: Rating::PartiallyMeets,
                reference: Rating::DoesNotMeet,
            }],
        }],
    }
}

#[test]
fn practice_results_round_trip_and_only_the_canonical_file_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = save_practice_results(dir.path(), &results("Priya Raman")).unwrap();
    assert_eq!(path, dir.path().join("practice-results/priya-raman.ron"));
    // A sync tool's copy, and someone's results under another name.
    fs::copy(
        &path,
        dir.path()
            .join("practice-results/priya-raman (conflicted copy 2026-12-01).ron"),
    )
    .unwrap();
    fs::write(
        dir.path().join("practice-results/sam.ron"),
        fs::read_to_string(&path).unwrap(),
    )
    .unwrap();

    let snapshot = Workspace::new(dir.path()).load();
    assert_eq!(*snapshot.practice_results(), vec![results("Priya Raman")]);
    assert_eq!(snapshot.conflicts().len(), 1, "{:?}", snapshot.conflicts());
    let error = snapshot
        .errors()
        .iter()
        .find(|e| e.path.ends_with("sam.ron"))
        .unwrap();
    assert_eq!((error.line, error.column), (3, 18), "{error}");
    assert!(error.message.contains("only count under priya-raman.ron"));

    // A broken file is never overwritten.
    fs::write(&path, "PracticeResults(oops").unwrap();
    assert!(save_practice_results(dir.path(), &results("Priya Raman")).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), "PracticeResults(oops");
}

#[test]
fn a_workspace_nudge_list_replaces_the_shipped_one_unless_broken() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = shipped_nudges().0.clone();
    assert_eq!(**Workspace::new(dir.path()).load().nudges(), *shipped);

    let own = "NudgeList(\n    format: 1,\n    topics: [NudgeTopic(name: \"hobbies\", terms: [\"golf\"])],\n)\n";
    fs::write(dir.path().join("nudges.ron"), own).unwrap();
    let snapshot = Workspace::new(dir.path()).load();
    assert_eq!(snapshot.nudges().find("plays golf"), [("hobbies", "golf")]);
    assert!(snapshot.nudges().find("culture fit").is_empty());

    fs::write(
        dir.path().join("nudges.ron"),
        "NudgeList(\n    format: 1,\n    topics: [],\n)\n",
    )
    .unwrap();
    let snapshot = Workspace::new(dir.path()).load();
    assert_eq!(
        **snapshot.nudges(),
        *shipped,
        "a broken list leaves the shipped one"
    );
    let error = &snapshot.errors()[0];
    assert!(error.path.ends_with("nudges.ron"));
    assert_eq!((error.line, error.column), (3, 13), "{error}");
}

#[test]
fn workspace_practice_cases_add_to_the_shipped_ones_and_broken_ones_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = Workspace::new(dir.path()).load().practice().len();
    assert!(shipped >= 24);
    let folder = dir.path().join("practice/infrastructure-engineer");
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        folder.join("our-own.ron"),
        r#"PracticeCase(
    format: 1,
    id: "our-own",
    template: "infrastructure-engineer",
    dimension: "automation",
    transcript: "Wrote a Bash loop with set -e, a dry-run flag and exit codes.",
    reference: Meets,
    rationale: "Meets anchor: checks for failures, exit codes, safe to re-run.",
)"#,
    )
    .unwrap();
    fs::write(
        folder.join("broken.ron"),
        "PracticeCase(\n    format: 1,\n    id: \"x\",\n    template: \"infrastructure-engineer\",\n    dimension: \"nope\",\n    transcript: \"t\",\n    reference: Meets,\n    rationale: \"r\",\n)\n",
    )
    .unwrap();
    let snapshot = Workspace::new(dir.path()).load();
    assert_eq!(snapshot.practice().len(), shipped + 1);
    assert!(
        snapshot
            .practice()
            .iter()
            .any(|c| c.id.as_str() == "our-own")
    );
    let error = snapshot
        .errors()
        .iter()
        .find(|e| e.path.ends_with("broken.ron"))
        .unwrap();
    assert_eq!((error.line, error.column), (5, 16), "{error}");
}

#[test]
fn a_refresh_reads_the_nudge_list_and_practice_files_again() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    let mut snapshot = workspace.load();
    assert!(!snapshot.nudges().find("culture fit").is_empty());

    let nudges = dir.path().join("nudges.ron");
    fs::write(
        &nudges,
        "NudgeList(format: 1, topics: [NudgeTopic(name: \"hobbies\", terms: [\"golf\"])])",
    )
    .unwrap();
    let results = save_practice_results(dir.path(), &results("Sam Lee")).unwrap();
    let refresh = workspace.refresh(&[nudges.clone(), results]);
    assert!(snapshot.apply(refresh, &workspace));
    assert_eq!(snapshot.nudges().find("golf"), [("hobbies", "golf")]);
    assert_eq!(snapshot.practice_results().len(), 1);

    // Broken now: listed, and the shipped list is back.
    fs::write(&nudges, "NudgeList(").unwrap();
    let refresh = workspace.refresh(std::slice::from_ref(&nudges));
    assert!(snapshot.apply(refresh, &workspace));
    assert!(!snapshot.nudges().find("culture fit").is_empty());
    assert_eq!(snapshot.errors().len(), 1, "{:?}", snapshot.errors());
    // Fixed again: the error goes.
    fs::remove_file(&nudges).unwrap();
    let refresh = workspace.refresh(std::slice::from_ref(&nudges));
    snapshot.apply(refresh, &workspace);
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
}

#[cfg(unix)]
#[test]
fn practice_results_are_never_written_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("practice-results")).unwrap();
    let workspace = Workspace::new(dir.path());
    assert!(
        workspace
            .save_practice_results(&results("Priya Raman"))
            .is_err()
    );
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
}
