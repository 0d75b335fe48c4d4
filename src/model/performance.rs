//! How a hire did later: `candidates/<id>/performance.ron`, the reviews
//! the local validity study reads (DESIGN.md "Evidence that the interview
//! works").

use serde::{Deserialize, Serialize};

use super::{Decision, FieldPath, FormatVersion, Problem, Slug, Timestamp, Verdict};

/// The lowest performance rating.
pub const LOWEST_PERFORMANCE: u8 = 1;
/// The highest performance rating.
pub const HIGHEST_PERFORMANCE: u8 = 5;

/// A hire's performance reviews, oldest first as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Performance {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The candidate's id; must match the folder.
    pub candidate: Slug,
    /// The reviews.
    pub reviews: Vec<Review>,
}

/// One performance review of a hire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// When the review was made.
    pub at: Timestamp,
    /// Who reviewed, as they write their name.
    pub reviewer: String,
    /// 1 (far below expectations) to 5 (far above).
    pub rating: u8,
}

impl Performance {
    /// No reviews yet of `candidate`.
    pub fn new(candidate: Slug) -> Self {
        Self {
            format: FormatVersion::CURRENT,
            candidate,
            reviews: Vec::new(),
        }
    }

    /// Every rule the file breaks on its own: a rating outside 1–5, a
    /// reviewer without a name, the same reviewer twice at one time.
    pub fn problems(&self) -> Vec<Problem> {
        let reviews = FieldPath::root().field("reviews");
        let mut problems = Vec::new();
        for (i, review) in self.reviews.iter().enumerate() {
            let at = reviews.index(i);
            if let Some(message) = rating_problem(review.rating) {
                problems.push(Problem::new(at.field("rating"), message));
            }
            if Slug::from_name(&review.reviewer).is_none() {
                problems.push(Problem::new(
                    at.field("reviewer"),
                    "reviewer needs a name with at least one letter or digit",
                ));
            }
            let twice = self.reviews[..i]
                .iter()
                .any(|earlier| earlier.same_review(review));
            if twice {
                problems.push(Problem::new(
                    at.field("at"),
                    format!(
                        "{} reviewed this hire at {} already: one review per reviewer and time",
                        review.reviewer, review.at
                    ),
                ));
            }
        }
        problems
    }

    /// The file lies in the folder of candidate `folder`: whether it is
    /// about another one.
    pub fn folder_problem(&self, folder: &str) -> Option<Problem> {
        (self.candidate.as_str() != folder).then(|| {
            Problem::new(
                FieldPath::root().field("candidate"),
                format!(
                    "performance reviews of candidate {:?}, but the file lies in the folder of {folder:?}",
                    self.candidate.as_str()
                ),
            )
        })
    }

    /// The rules the file breaks against the candidate's decision: reviews
    /// are of hires, and come after the decision to hire.
    pub fn decision_problems(&self, decision: Option<&Decision>) -> Vec<Problem> {
        let root = FieldPath::root();
        match decision {
            None => vec![Problem::new(
                root.field("candidate"),
                format!(
                    "{} has no decision: performance reviews are of hires (record the decision first)",
                    self.candidate
                ),
            )],
            Some(decision) if decision.decision != Verdict::Hire => vec![Problem::new(
                root.field("candidate"),
                format!(
                    "{} was decided {}: performance reviews are of hires",
                    self.candidate,
                    decision.decision.label().to_lowercase()
                ),
            )],
            Some(decision) => self
                .reviews
                .iter()
                .enumerate()
                .filter(|(_, review)| review.at < decision.decided_at)
                .map(|(i, review)| {
                    Problem::new(
                        root.field("reviews").index(i).field("at"),
                        before_decision(review.at, decision.decided_at),
                    )
                })
                .collect(),
        }
    }

    /// The mean rating of the reviews; `None` without any.
    pub fn mean_rating(&self) -> Option<f64> {
        if self.reviews.is_empty() {
            return None;
        }
        let sum: u32 = self.reviews.iter().map(|r| u32::from(r.rating)).sum();
        Some(f64::from(sum) / self.reviews.len() as f64)
    }
}

impl Review {
    /// Whether `other` is the same review: the same reviewer (as a slug,
    /// so "Dana Kim" and "dana kim" are one) at the same time.
    pub fn same_review(&self, other: &Review) -> bool {
        self.at == other.at
            && Slug::from_name(&self.reviewer).map(|s| s.to_string())
                == Slug::from_name(&other.reviewer).map(|s| s.to_string())
    }
}

/// What is wrong with a performance rating, if anything.
pub fn rating_problem(rating: u8) -> Option<String> {
    (!(LOWEST_PERFORMANCE..=HIGHEST_PERFORMANCE).contains(&rating)).then(|| {
        format!(
            "performance rating {rating} is outside {LOWEST_PERFORMANCE}–{HIGHEST_PERFORMANCE} \
             ({LOWEST_PERFORMANCE}: far below expectations, {HIGHEST_PERFORMANCE}: far above)"
        )
    })
}

/// The words for a review dated before the decision to hire.
pub fn before_decision(at: Timestamp, decided_at: Timestamp) -> String {
    format!(
        "the review is dated {at}, before the decision to hire ({decided_at}): a performance \
         review comes after the hire"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(at: &str, reviewer: &str, rating: u8) -> Review {
        Review {
            at: at.parse().unwrap(),
            reviewer: reviewer.to_owned(),
            rating,
        }
    }

    fn performance(reviews: Vec<Review>) -> Performance {
        Performance {
            reviews,
            ..Performance::new(Slug::new("c-1").unwrap())
        }
    }

    fn decision(verdict: Verdict) -> Decision {
        Decision {
            format: FormatVersion::CURRENT,
            candidate: Slug::new("c-1").unwrap(),
            decision: verdict,
            decided_by: "Dana Kim".to_owned(),
            decided_at: "2026-06-01T00:00:00Z".parse().unwrap(),
            rationale: "ok".to_owned(),
        }
    }

    #[test]
    fn ratings_outside_one_to_five_are_problems_at_the_rating() {
        for bad in [0, 6, 7] {
            let problems =
                performance(vec![review("2027-01-01T00:00:00Z", "Dana", bad)]).problems();
            assert_eq!(problems.len(), 1, "{bad}");
            assert_eq!(problems[0].path.to_string(), "reviews[0].rating");
        }
        for good in 1..=5 {
            let p = performance(vec![review("2027-01-01T00:00:00Z", "Dana", good)]);
            assert!(p.problems().is_empty());
        }
    }

    #[test]
    fn the_same_reviewer_twice_at_one_time_is_a_problem() {
        let p = performance(vec![
            review("2027-01-01T00:00:00Z", "Dana Kim", 3),
            review("2027-01-01T00:00:00Z", "dana kim", 4),
            review("2027-06-01T00:00:00Z", "Dana Kim", 4),
        ]);
        let paths: Vec<String> = p.problems().iter().map(|p| p.path.to_string()).collect();
        assert_eq!(paths, ["reviews[1].at"]);
    }

    #[test]
    fn reviews_are_of_hires_and_after_the_decision() {
        let p = performance(vec![
            review("2026-05-31T23:59:59Z", "Dana", 3),
            review("2026-06-01T00:00:00Z", "Dana", 3),
        ]);
        let hire = decision(Verdict::Hire);
        let paths: Vec<String> = p
            .decision_problems(Some(&hire))
            .iter()
            .map(|p| p.path.to_string())
            .collect();
        assert_eq!(paths, ["reviews[0].at"]);
        assert_eq!(p.decision_problems(None)[0].path.to_string(), "candidate");
        let no = decision(Verdict::NoHire);
        assert!(
            p.decision_problems(Some(&no))[0]
                .message
                .contains("no hire")
        );
    }

    #[test]
    fn the_mean_rating_is_over_every_review() {
        assert_eq!(performance(Vec::new()).mean_rating(), None);
        let p = performance(vec![
            review("2027-01-01T00:00:00Z", "A", 3),
            review("2027-06-01T00:00:00Z", "B", 4),
        ]);
        assert_eq!(p.mean_rating(), Some(3.5));
    }
}
