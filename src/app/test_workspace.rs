//! A small workspace in memory for the app's unit tests: candidates of
//! infrastructure-engineer, each with submitted general interviews that
//! recommend hiring and rate one dimension.

use std::sync::Arc;

use crate::io::{CandidateRecord, ScorecardRecord, TemplateSet, WorkspaceSnapshot};
use crate::model::{Candidate, Rating, Recommendation, Scorecard, Slug};

fn id(text: &str) -> Slug {
    Slug::new(text).unwrap()
}

/// Candidate `candidate` (named `name`), with one submitted scorecard per
/// `(interviewer, rating of fundamentals)`.
pub fn record(
    candidate: &str,
    name: &str,
    interviewers: &[(&str, Rating)],
) -> Arc<CandidateRecord> {
    let candidate = Candidate::new(
        id(candidate),
        name,
        id("infrastructure-engineer"),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    );
    let scorecards = interviewers
        .iter()
        .map(|(who, rating)| {
            let mut scorecard = Scorecard::draft(
                candidate.id.clone(),
                candidate.template.clone(),
                1,
                who,
                "",
                "2026-11-21T10:00:00Z".parse().unwrap(),
            )
            .submitted(
                "2026-11-21T11:00:00Z".parse().unwrap(),
                Recommendation::Hire,
            );
            scorecard.set_rating(&id("fundamentals"), *rating);
            let file = format!("{}--.ron", Slug::from_name(who).unwrap());
            ScorecardRecord {
                path: format!("candidates/{}/scorecards/{file}", candidate.id).into(),
                scorecard,
                fingerprint: None,
            }
        })
        .collect();
    Arc::new(CandidateRecord {
        dir: format!("candidates/{}", candidate.id).into(),
        candidate,
        scorecards,
        decision: None,
        performance: None,
        spots: Default::default(),
        modified: None,
    })
}

/// These candidates, with the shipped templates.
pub fn snapshot(candidates: Vec<Arc<CandidateRecord>>) -> WorkspaceSnapshot {
    WorkspaceSnapshot::new(TemplateSet::shipped().0, Vec::new(), candidates)
}
