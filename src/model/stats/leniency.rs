//! Per-interviewer leniency: how far an interviewer's ratings sit above (or
//! below) their colleagues' on the same candidate and dimension.
//!
//! DESIGN.md "Aggregates": leniency = the mean, over every rating an
//! interviewer gave on a (candidate, dimension) that another interviewer also
//! rated, of (their rating − the mean of the other interviewers' ratings
//! there); `None` if there is no such rating.
//!
//! Decisions where the design is silent:
//!
//! - An interviewer is their [`InterviewerId`], the slug of the name as the
//!   file names use it: "Priya Raman" and "priya raman" are one person.
//! - One interviewer may submit several scorecards for one candidate (one per
//!   stage) that rate the same dimension. Each such rating is one of theirs
//!   and is compared on its own, against the *other* interviewers' ratings
//!   only; their own other ratings there are never part of the comparison.
//! - "The mean of the other interviewers' ratings" is the mean over their
//!   ratings (scorecards), so another interviewer who rated the dimension at
//!   two stages counts twice, just as every scorecard is one coder in the
//!   agreement alpha.

use std::collections::{BTreeMap, HashMap};

use super::describe::mean_of;
use crate::model::{Candidate, InterviewerId, Scorecard};

/// Per (candidate, dimension): per interviewer, (sum of scores, count). A
/// hash map: a workspace of 100,000 scorecards has hundreds of thousands of
/// places, and only look-ups are asked of it; the few interviewers at one
/// place are a short list.
type Tally<'a, 'b> = HashMap<(&'a str, &'a str), Vec<(&'b InterviewerId, u64, u64)>>;

/// One score given: by whom, on which candidate and dimension, and the
/// rating as a number (1–4; any small integer scale works).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observation<'a> {
    /// Who rated.
    pub interviewer: InterviewerId,
    /// The candidate's id.
    pub candidate: &'a str,
    /// The dimension's id.
    pub dimension: &'a str,
    /// The rating's score.
    pub score: u8,
}

/// Every score in the **submitted** scorecards of one candidate: drafts and
/// *no signal* ratings are left out.
pub fn observations<'a>(
    candidate: &'a str,
    scorecards: &'a [&'a Scorecard],
) -> impl Iterator<Item = Observation<'a>> + 'a {
    scorecards
        .iter()
        .copied()
        .filter(|card| card.is_submitted())
        .flat_map(move |card| {
            let interviewer = InterviewerId::of(card);
            card.ratings.iter().filter_map(move |(dimension, entry)| {
                Some(Observation {
                    interviewer: interviewer.clone(),
                    candidate,
                    dimension: dimension.as_str(),
                    score: entry.rating.score()?,
                })
            })
        })
}

/// The leniency of every interviewer who gave at least one score:
/// `Some(mean difference)` if another interviewer rated the same candidate
/// and dimension at least once, else `None`.
///
/// The result does not depend on the order of `observations`.
pub fn leniency(observations: &[Observation<'_>]) -> BTreeMap<InterviewerId, Option<f64>> {
    differences(observations)
        .into_iter()
        .map(|(interviewer, diffs)| (interviewer, mean_of(&diffs)))
        .collect()
}

/// For every interviewer who gave at least one score, the differences
/// (their rating − the mean of the other interviewers' ratings there), one
/// per rating of theirs on a (candidate, dimension) another interviewer
/// also rated, in the order of `observations`. Leniency is their mean; the
/// calibration's mean absolute deviation the mean of their absolute values.
pub fn differences(observations: &[Observation<'_>]) -> BTreeMap<InterviewerId, Vec<f64>> {
    differences_by_dimension(observations)
        .into_iter()
        .map(|(interviewer, diffs)| (interviewer, diffs.into_iter().map(|(_, d)| d).collect()))
        .collect()
}

/// [`differences`], each with the dimension it was found on.
pub fn differences_by_dimension<'a>(
    observations: &[Observation<'a>],
) -> BTreeMap<InterviewerId, Vec<(&'a str, f64)>> {
    let mut places: Tally<'a, '_> = HashMap::new();
    for o in observations {
        let by_interviewer = places.entry((o.candidate, o.dimension)).or_default();
        match by_interviewer
            .iter_mut()
            .find(|(interviewer, _, _)| **interviewer == o.interviewer)
        {
            Some((_, sum, count)) => {
                *sum += u64::from(o.score);
                *count += 1;
            }
            None => by_interviewer.push((&o.interviewer, u64::from(o.score), 1)),
        }
    }
    let mut differences: BTreeMap<&InterviewerId, Vec<(&'a str, f64)>> = BTreeMap::new();
    for o in observations {
        let mine = differences.entry(&o.interviewer).or_default();
        let Some(by_interviewer) = places.get(&(o.candidate, o.dimension)) else {
            continue;
        };
        let (mut others_sum, mut others_count) = (0u64, 0u64);
        for &(interviewer, sum, count) in by_interviewer {
            if *interviewer != o.interviewer {
                others_sum += sum;
                others_count += count;
            }
        }
        if others_count > 0 {
            // Integer sums: the others' mean is the same in any order.
            let others_mean = others_sum as f64 / others_count as f64;
            mine.push((o.dimension, f64::from(o.score) - others_mean));
        }
    }
    differences
        .into_iter()
        .map(|(interviewer, diffs)| (interviewer.clone(), diffs))
        .collect()
}

/// At one dimension of one candidate: per interviewer, (sum of scores,
/// count).
type Place = Vec<(InterviewerId, u64, u64)>;

/// [`differences_by_dimension`] over every candidate's submitted
/// scorecards, one candidate at a time: a difference only compares ratings
/// of one candidate, so each candidate's are found in a short list of its
/// own, with no map over the whole workspace. The same result as
/// `differences_by_dimension` of all their [`observations`], in the same
/// order.
pub fn differences_by_candidate<'a>(
    candidates: &'a [(&'a Candidate, Vec<&'a Scorecard>)],
) -> BTreeMap<InterviewerId, Vec<(&'a str, f64)>> {
    let mut differences: BTreeMap<InterviewerId, Vec<(&'a str, f64)>> = BTreeMap::new();
    let mut mine: Vec<Observation<'a>> = Vec::new();
    let mut places: Vec<(&'a str, Place)> = Vec::new();
    for (candidate, cards) in candidates {
        mine.clear();
        mine.extend(observations(candidate.id.as_str(), cards));
        places.clear();
        for o in &mine {
            let at = match places.iter().position(|(d, _)| *d == o.dimension) {
                Some(at) => at,
                None => {
                    places.push((o.dimension, Vec::new()));
                    places.len() - 1
                }
            };
            let Some((_, by_interviewer)) = places.get_mut(at) else {
                continue;
            };
            match by_interviewer
                .iter_mut()
                .find(|(who, _, _)| *who == o.interviewer)
            {
                Some((_, sum, count)) => {
                    *sum += u64::from(o.score);
                    *count += 1;
                }
                None => by_interviewer.push((o.interviewer.clone(), u64::from(o.score), 1)),
            }
        }
        for o in &mine {
            if !differences.contains_key(&o.interviewer) {
                differences.insert(o.interviewer.clone(), Vec::new());
            }
            let Some(by_interviewer) = places
                .iter()
                .find(|(d, _)| *d == o.dimension)
                .map(|(_, by)| by)
            else {
                continue;
            };
            let (mut others_sum, mut others_count) = (0u64, 0u64);
            for (interviewer, sum, count) in by_interviewer {
                if *interviewer != o.interviewer {
                    others_sum += sum;
                    others_count += count;
                }
            }
            if others_count > 0
                && let Some(list) = differences.get_mut(&o.interviewer)
            {
                // Integer sums: the others' mean is the same in any order.
                let others_mean = others_sum as f64 / others_count as f64;
                list.push((o.dimension, f64::from(o.score) - others_mean));
            }
        }
    }
    differences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> InterviewerId {
        InterviewerId::new(name)
    }

    fn obs<'a>(
        interviewer: &'a str,
        candidate: &'a str,
        dimension: &'a str,
        score: u8,
    ) -> Observation<'a> {
        Observation {
            interviewer: InterviewerId::new(interviewer),
            candidate,
            dimension,
            score,
        }
    }

    #[test]
    fn nothing_given_nothing_known() {
        assert!(leniency(&[]).is_empty());
    }

    #[test]
    fn a_sole_rater_has_no_leniency() {
        let result = leniency(&[
            obs("Ann", "c-1", "iac", 4),
            obs("Bob", "c-1", "security", 2),
            obs("Bob", "c-2", "iac", 2),
        ]);
        assert_eq!(result.get(&id("Ann")), Some(&None));
        assert_eq!(result.get(&id("Bob")), Some(&None));
    }

    #[test]
    fn two_raters_differ_symmetrically() {
        let result = leniency(&[obs("Ann", "c-1", "iac", 4), obs("Bob", "c-1", "iac", 2)]);
        assert_eq!(result.get(&id("Ann")), Some(&Some(2.0)));
        assert_eq!(result.get(&id("Bob")), Some(&Some(-2.0)));
    }

    #[test]
    fn compared_with_the_mean_of_the_others() {
        // Ann 4 − mean(3, 2) = 1.5; Bob 3 − mean(4, 2) = 0; Cy 2 − 3.5 = −1.5.
        // On c-2 Ann 3 − 3 = 0 and Bob 3 − 3 = 0; Cy is alone on "security".
        let result = leniency(&[
            obs("Ann", "c-1", "iac", 4),
            obs("Bob", "c-1", "iac", 3),
            obs("Cy", "c-1", "iac", 2),
            obs("Ann", "c-2", "iac", 3),
            obs("Bob", "c-2", "iac", 3),
            obs("Cy", "c-2", "security", 1),
        ]);
        assert_eq!(result.get(&id("Ann")), Some(&Some(0.75)));
        assert_eq!(result.get(&id("Bob")), Some(&Some(0.0)));
        assert_eq!(result.get(&id("Cy")), Some(&Some(-1.5)));
    }

    #[test]
    fn two_stages_of_one_interviewer_are_compared_with_others_only() {
        // Ann rated "iac" at two stages (4 and 3), Bob once (2).
        // Ann: (4 − 2) and (3 − 2): 1.5. Her ratings are never compared with
        // each other. Bob: 2 − mean(4, 3) = −1.5.
        let result = leniency(&[
            obs("Ann", "c-1", "iac", 4),
            obs("Ann", "c-1", "iac", 3),
            obs("Bob", "c-1", "iac", 2),
        ]);
        assert_eq!(result.get(&id("Ann")), Some(&Some(1.5)));
        assert_eq!(result.get(&id("Bob")), Some(&Some(-1.5)));
        // Alone with herself, she has no leniency.
        let alone = leniency(&[obs("Ann", "c-1", "iac", 4), obs("Ann", "c-1", "iac", 1)]);
        assert_eq!(alone.get(&id("Ann")), Some(&None));
    }

    #[test]
    fn spellings_of_one_name_are_one_interviewer() {
        // "Ann" and "ann" are one person: alone with herself, no leniency.
        let result = leniency(&[
            obs("Ann", "c-1", "iac", 4),
            obs(" ann ", "c-1", "iac", 2),
            obs("Bob", "c-1", "iac", 3),
        ]);
        assert_eq!(result.len(), 2);
        // Ann: (4 − 3) and (2 − 3): 0. Bob: 3 − mean(4, 2) = 0.
        assert_eq!(result.get(&id("ANN")), Some(&Some(0.0)));
        assert_eq!(result.get(&id("bob")), Some(&Some(0.0)));
    }

    #[test]
    fn order_does_not_matter() {
        let mut given = vec![
            obs("Ann", "c-1", "iac", 4),
            obs("Bob", "c-1", "iac", 1),
            obs("Cy", "c-1", "iac", 2),
            obs("Ann", "c-1", "security", 3),
            obs("Cy", "c-1", "security", 2),
        ];
        let forward = leniency(&given);
        given.reverse();
        assert_eq!(leniency(&given), forward);
    }
}
