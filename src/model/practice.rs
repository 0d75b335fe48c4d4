//! Frame-of-reference practice (DESIGN.md "Frame-of-reference practice"):
//! written cases with a calibrated reference rating, and what an
//! interviewer's practice rounds came to.

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, InterviewerId, Problem, Rating, Slug, Template, Timestamp};

/// One practice case: `scorecards/practice/<template-id>/<case-id>.ron`
/// (shipped) or `<workspace>/practice/<template-id>/<case-id>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeCase {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The case's id, unique within its template.
    pub id: Slug,
    /// The template whose anchors it practises.
    pub template: Slug,
    /// The dimension of that template it is rated on.
    pub dimension: Slug,
    /// What the candidate said and did, as an interviewer's notes read.
    pub transcript: String,
    /// The calibrated rating: one of the four, never *no signal*.
    pub reference: Rating,
    /// Why, in the words of the anchors.
    pub rationale: String,
}

impl PracticeCase {
    /// Rules the case must follow against the templates in effect:
    /// `template` is the case's template, or `None` when no template has
    /// its id.
    pub fn problems(&self, template: Option<&Template>) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        match template {
            None => problems.push(Problem::new(
                root.field("template"),
                format!("unknown template {:?}", self.template.as_str()),
            )),
            Some(t) if t.dimension(self.dimension.as_str()).is_none() => {
                problems.push(Problem::new(
                    root.field("dimension"),
                    format!(
                        "template {:?} has no dimension {:?}",
                        t.id.as_str(),
                        self.dimension.as_str()
                    ),
                ));
            }
            Some(_) => {}
        }
        if self.transcript.trim().is_empty() {
            problems.push(Problem::new(
                root.field("transcript"),
                "a practice case needs a transcript",
            ));
        }
        if self.reference == Rating::NoSignal {
            problems.push(Problem::new(
                root.field("reference"),
                "the reference must be DoesNotMeet, PartiallyMeets, Meets or Exceeds",
            ));
        }
        if self.rationale.trim().is_empty() {
            problems.push(Problem::new(
                root.field("rationale"),
                "a practice case needs a rationale",
            ));
        }
        problems
    }
}

/// One case rated in a practice round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeAnswer {
    /// The case's id.
    pub case: Slug,
    /// Its dimension.
    pub dimension: Slug,
    /// The interviewer's rating.
    pub rating: Rating,
    /// The case's reference rating.
    pub reference: Rating,
}

/// One finished round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeRound {
    /// The template practised.
    pub template: Slug,
    /// When the round ended.
    pub finished_at: Timestamp,
    /// Every case rated, in order.
    pub answers: Vec<PracticeAnswer>,
}

/// Every practice round of one interviewer:
/// `<workspace>/practice-results/<interviewer-slug>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeResults {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The interviewer, as they typed their name.
    pub interviewer: String,
    /// Their rounds, oldest first.
    #[serde(default)]
    pub rounds: Vec<PracticeRound>,
}

impl PracticeResults {
    /// Whose results these are.
    pub fn id(&self) -> InterviewerId {
        InterviewerId::new(&self.interviewer)
    }
}

/// How a round went (DESIGN.md: exact and within-one agreement, and the
/// signed mean error, the interviewer's own leniency in practice).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoundResult {
    /// How many cases were rated.
    pub cases: usize,
    /// Share rated exactly as the reference.
    pub exact: f64,
    /// Share rated at most one step from the reference.
    pub within_one: f64,
    /// Mean of (rating − reference): above 0 is lenient, below 0 severe.
    pub signed_mean_error: f64,
}

impl PracticeRound {
    /// The round's result; `None` when no case has both ratings 1–4.
    pub fn result(&self) -> Option<RoundResult> {
        let pairs: Vec<(i32, i32)> = self
            .answers
            .iter()
            .filter_map(|a| {
                Some((
                    i32::from(a.rating.score()?),
                    i32::from(a.reference.score()?),
                ))
            })
            .collect();
        if pairs.is_empty() {
            return None;
        }
        let n = pairs.len() as f64;
        let exact = pairs.iter().filter(|(r, e)| r == e).count() as f64;
        let within = pairs.iter().filter(|(r, e)| (r - e).abs() <= 1).count() as f64;
        let error: i32 = pairs.iter().map(|(r, e)| r - e).sum();
        Some(RoundResult {
            cases: pairs.len(),
            exact: exact / n,
            within_one: within / n,
            signed_mean_error: f64::from(error) / n,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(rating: Rating, reference: Rating) -> PracticeAnswer {
        PracticeAnswer {
            case: Slug::new("c").unwrap(),
            dimension: Slug::new("d").unwrap(),
            rating,
            reference,
        }
    }

    #[test]
    fn round_result_worked_by_hand() {
        use Rating::{DoesNotMeet, Exceeds, Meets, PartiallyMeets};
        let round = PracticeRound {
            template: Slug::new("t").unwrap(),
            finished_at: "2026-12-01T12:00:00Z".parse().unwrap(),
            answers: vec![
                answer(Meets, Meets),
                answer(Exceeds, Meets),
                answer(Exceeds, PartiallyMeets),
                answer(DoesNotMeet, PartiallyMeets),
            ],
        };
        let result = round.result().unwrap();
        assert_eq!(result.cases, 4);
        assert!((result.exact - 0.25).abs() < 1e-12);
        assert!((result.within_one - 0.75).abs() < 1e-12);
        // 0 + 1 + 2 − 1 = 2, over 4.
        assert!((result.signed_mean_error - 0.5).abs() < 1e-12);
        let empty = PracticeRound {
            answers: vec![],
            ..round
        };
        assert_eq!(empty.result(), None);
    }
}
