//! What a scorecard still needs before it can be submitted.

use std::fmt;

use super::{Rating, Scorecard, Template, Timestamp};

/// One thing standing between a draft and its submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A dimension of the stage has no rating (not even *no signal*).
    Rating {
        /// The dimension's name.
        dimension: String,
    },
    /// A *Does not meet* or *Exceeds* rating without evidence.
    Evidence {
        /// The dimension's name.
        dimension: String,
        /// The rating given.
        rating: Rating,
    },
    /// No overall recommendation.
    Recommendation,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::Rating { dimension } => write!(f, "rate {dimension} (or mark it no signal)"),
            Missing::Evidence { dimension, rating } => {
                write!(f, "write evidence for {dimension}: {rating} needs it")
            }
            Missing::Recommendation => f.write_str("choose an overall recommendation"),
        }
    }
}

/// Whether every dimension of the scorecard's stage has a rating or *no
/// signal*: the recommendation unlocks only then, so the verdict comes after
/// the dimensions, not before.
pub fn recommendation_unlocked(scorecard: &Scorecard, template: &Template) -> bool {
    template
        .dimensions_for_stage(&scorecard.stage)
        .iter()
        .all(|d| scorecard.ratings.contains_key(d.id.as_str()))
}

/// Everything missing for submission, in the order the screen shows it.
pub fn missing_for_submit(scorecard: &Scorecard, template: &Template) -> Vec<Missing> {
    let mut missing = Vec::new();
    for dimension in template.dimensions_for_stage(&scorecard.stage) {
        match scorecard.ratings.get(dimension.id.as_str()) {
            None => missing.push(Missing::Rating {
                dimension: dimension.name.clone(),
            }),
            Some(entry) if entry.rating.needs_evidence() && entry.evidence.trim().is_empty() => {
                missing.push(Missing::Evidence {
                    dimension: dimension.name.clone(),
                    rating: entry.rating,
                });
            }
            Some(_) => {}
        }
    }
    if scorecard.recommendation.is_none() {
        missing.push(Missing::Recommendation);
    }
    missing
}

/// Why [`submit`] refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    /// The scorecard was submitted already.
    #[error("already submitted")]
    AlreadySubmitted,
    /// Something is missing.
    #[error("not complete: {}", list(.0))]
    Incomplete(Vec<Missing>),
}

fn list(missing: &[Missing]) -> String {
    missing
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Submits a complete draft at `now`; a submitted scorecard is read-only.
pub fn submit(
    scorecard: &mut Scorecard,
    template: &Template,
    now: Timestamp,
) -> Result<(), SubmitError> {
    if scorecard.is_submitted() {
        return Err(SubmitError::AlreadySubmitted);
    }
    let missing = missing_for_submit(scorecard, template);
    if !missing.is_empty() {
        return Err(SubmitError::Incomplete(missing));
    }
    scorecard.submitted_at = Some(now);
    Ok(())
}

/// Reopens a submitted scorecard for changes, recording when. It is a draft
/// again (and so does not count) until it is submitted anew.
pub fn amend(scorecard: &mut Scorecard, now: Timestamp) {
    if scorecard.is_submitted() {
        scorecard.submitted_at = None;
        scorecard.amended_at = Some(now);
    }
}
