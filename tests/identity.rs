//! One interviewer identity: the slug of the name, the rule that names
//! scorecard files, used by independence and everything that groups by
//! interviewer.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use proptest::prelude::*;
use scorecard::io::{CandidateRecord, ScorecardRecord, Workspace, WorkspaceSnapshot};
use scorecard::model::{Candidate, InterviewerId, Scorecard, Slug};
use scorecard::ui::{Settings, panel_visible};

fn candidate() -> Candidate {
    Candidate::new(
        Slug::new("c-1").unwrap(),
        "Alex Doe".to_owned(),
        Slug::new("infrastructure-engineer").unwrap(),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    )
}

fn scorecard(interviewer: &str, submitted: bool) -> Scorecard {
    let mut card = common::general_draft(interviewer);
    card.submitted_at = submitted.then(|| "2026-11-21T11:00:00Z".parse().unwrap());
    card
}

fn record(cards: Vec<Scorecard>) -> CandidateRecord {
    CandidateRecord {
        dir: PathBuf::from("candidates/c-1"),
        candidate: candidate(),
        scorecards: cards
            .into_iter()
            .map(|scorecard| ScorecardRecord {
                path: PathBuf::new(),
                scorecard,
                fingerprint: None,
            })
            .collect(),
        decision: None,
        performance: None,
        spots: Default::default(),
        modified: None,
    }
}

fn me(name: &str) -> Settings {
    Settings {
        interviewer: name.to_owned(),
        ..Settings::default()
    }
}

#[test]
fn independence_knows_me_by_any_spelling_of_my_name() {
    let submitted = record(vec![scorecard("Priya Raman", true)]);
    for spelling in [
        "Priya Raman",
        "priya raman",
        " Priya  Raman ",
        "PRIYA-RAMAN",
    ] {
        assert!(
            panel_visible(&WorkspaceSnapshot::default(), &submitted, &me(spelling)),
            "{spelling:?}"
        );
    }
    assert!(!panel_visible(
        &WorkspaceSnapshot::default(),
        &submitted,
        &me("Priya Ramen")
    ));
    assert!(!panel_visible(
        &WorkspaceSnapshot::default(),
        &submitted,
        &me("")
    ));
    assert!(!panel_visible(
        &WorkspaceSnapshot::default(),
        &submitted,
        &me("???")
    ));
    // My draft, in any spelling, does not open the panel.
    let drafted = record(vec![
        scorecard("priya raman", false),
        scorecard("Sam Lee", true),
    ]);
    assert!(!panel_visible(
        &WorkspaceSnapshot::default(),
        &drafted,
        &me("Priya Raman")
    ));
}

proptest! {
    /// The id is the part of the scorecard's file name before `--`, for any
    /// name the store accepts, and there is no id of a name it refuses.
    #[test]
    fn the_id_is_the_file_name_rule(name in "[ a-zA-Z0-9.,'_éø-]{0,80}") {
        let store = Workspace::new("ws");
        let c = Slug::new("c-1").unwrap();
        match store.scorecard_path(&c, &name, "") {
            Ok(path) => {
                let file = path.file_name().unwrap().to_str().unwrap().to_owned();
                let id = InterviewerId::new(&name);
                prop_assert_eq!(file, format!("{id}--.ron"));
                prop_assert_eq!(InterviewerId::typed(&name), Some(id));
            }
            Err(_) => prop_assert_eq!(InterviewerId::typed(&name), None),
        }
    }

    /// Case, spaces and punctuation around the words never split a person.
    #[test]
    fn case_and_spacing_do_not_change_who_it_is(
        words in prop::collection::vec("[a-zA-Z0-9]{1,8}", 1..4),
        gap in "[ ,.]{1,3}",
    ) {
        let plain = words.join(" ");
        let noisy = format!("{gap}{}{gap}", words.join(&gap)).to_uppercase();
        prop_assert_eq!(InterviewerId::new(&plain), InterviewerId::new(&noisy));
    }
}
