//! Templates, candidates and scorecards for the unit tests of the evidence
//! figures (drift, reliability, the scorecard score), built through serde
//! so fields that later releases add with a default need no change here.

use crate::model::{Candidate, Dimension, Rating, RatingEntry, Scorecard, Slug, Template};

pub fn slug(s: &str) -> Slug {
    Slug::new(s).unwrap()
}

pub fn dimension(id: &str, weight: f64) -> Dimension {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": format!("Name of {id}"), "weight": weight, "must_have": false,
        "meets": "meets", "exceeds": "exceeds",
    }))
    .unwrap()
}

pub fn template(id: &str, dimensions: Vec<Dimension>) -> Template {
    let mut template: Template = serde_json::from_value(serde_json::json!({
        "format": 1, "id": id, "version": 1, "role": "Role", "level": "Mid",
        "dimensions": [],
    }))
    .unwrap();
    template.dimensions = dimensions;
    template
}

pub fn candidate(id: &str, template: &str) -> Candidate {
    serde_json::from_value(serde_json::json!({
        "format": 1, "id": id, "name": format!("Name of {id}"), "template": template,
        "created_at": "2026-11-20T09:00:00Z",
    }))
    .unwrap()
}

/// A submitted scorecard started at `started_at`; `ratings` as (dimension,
/// score 0–4, 0 = no signal).
pub fn card(
    candidate: &str,
    interviewer: &str,
    started_at: &str,
    ratings: &[(&str, u8)],
) -> Scorecard {
    let mut card: Scorecard = serde_json::from_value(serde_json::json!({
        "format": 1, "candidate": candidate, "template": "t", "template_version": 1,
        "interviewer": interviewer, "stage": "",
        "started_at": started_at,
        "submitted_at": "2026-12-30T11:00:00Z",
    }))
    .unwrap();
    card.ratings = ratings
        .iter()
        .map(|&(id, score)| {
            let entry = RatingEntry {
                rating: Rating::from_score(score).unwrap(),
                evidence: Box::default(),
            };
            (slug(id), entry)
        })
        .collect();
    card
}
