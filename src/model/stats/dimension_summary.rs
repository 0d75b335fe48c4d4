//! One dimension's statistics for one candidate, kept as the count of each
//! rating 1–4: everything DESIGN.md "Aggregates" asks of a dimension (`n`,
//! mean, median, min, max, spread, disagreement) follows from the four
//! counts, exactly as [`describe`] finds it from the ratings. Kept so, a
//! dimension's figures take 24 bytes (with its thin id) instead of 64, one
//! per candidate and dimension of their template: at 100,000 scorecards
//! the aggregates went from 22.3 to 16.6 MiB so (`benches/heap_split.rs`,
//! BENCHMARKS.md §10).

use serde::{Serialize, Serializer};

use super::describe::{DISAGREEMENT_SPREAD, Description};
use crate::model::Slug;

/// One dimension's statistics over the submitted ratings 1–4 (*no signal*
/// left out). With `n = 0` every statistic is `None` and `disagreement` false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionSummary {
    /// The dimension's id.
    pub id: Slug,
    /// How many ratings of 1, 2, 3 and 4.
    counts: [u32; 4],
}

impl DimensionSummary {
    /// The statistics of `scores` (1–4; anything else is not counted).
    pub fn of(id: Slug, scores: &[u8]) -> Self {
        let mut counts = [0u32; 4];
        for &score in scores {
            if let Some(count) = usize::from(score)
                .checked_sub(1)
                .and_then(|i| counts.get_mut(i))
            {
                *count = count.saturating_add(1);
            }
        }
        Self { id, counts }
    }

    /// How many ratings 1–4.
    pub fn n(&self) -> usize {
        self.counts.iter().map(|&c| c as usize).sum()
    }

    /// Their mean.
    pub fn mean(&self) -> Option<f64> {
        self.description().map(|d| d.mean)
    }

    /// Their median (mean of the middle two when `n` is even).
    pub fn median(&self) -> Option<f64> {
        self.description().map(|d| d.median)
    }

    /// The lowest rating.
    pub fn min(&self) -> Option<u8> {
        self.scores_present().next()
    }

    /// The highest rating.
    pub fn max(&self) -> Option<u8> {
        self.scores_present().next_back()
    }

    /// `max − min`.
    pub fn spread(&self) -> Option<u8> {
        Some(self.max()? - self.min()?)
    }

    /// `spread ≥ 2`.
    pub fn disagreement(&self) -> bool {
        self.spread().is_some_and(|s| s >= DISAGREEMENT_SPREAD)
    }

    /// All of it, as [`describe`](super::describe) gives it; `None` with
    /// no rating.
    pub fn description(&self) -> Option<Description> {
        let n = self.n();
        let (min, max) = (self.min()?, self.max()?);
        // Integer sum, as `describe` sums: the same mean to the last bit.
        let sum: u64 = (1u8..)
            .zip(self.counts)
            .map(|(score, count)| u64::from(score) * u64::from(count))
            .sum();
        let mean = sum as f64 / n as f64;
        let median = if n % 2 == 1 {
            f64::from(self.nth(n / 2)?)
        } else {
            (f64::from(self.nth(n / 2 - 1)?) + f64::from(self.nth(n / 2)?)) / 2.0
        };
        Some(Description {
            n,
            mean,
            median,
            min,
            max,
            spread: max - min,
            disagreement: max - min >= DISAGREEMENT_SPREAD,
        })
    }

    /// The scores rated at least once, lowest first.
    fn scores_present(&self) -> impl DoubleEndedIterator<Item = u8> + '_ {
        (1u8..=4)
            .zip(self.counts)
            .filter(|&(_, count)| count > 0)
            .map(|(score, _)| score)
    }

    /// The `i`-th rating (from 0) in ascending order.
    fn nth(&self, i: usize) -> Option<u8> {
        let mut below = 0usize;
        for (score, count) in (1u8..=4).zip(self.counts) {
            below += count as usize;
            if i < below {
                return Some(score);
            }
        }
        None
    }
}

/// A dimension's figures as the exports print them, after its id (or its
/// id and name): `n`, `mean`, `median`, `min`, `max`, `spread`,
/// `disagreement`, `None` with no rating.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// How many ratings 1–4.
    pub n: usize,
    /// Their mean.
    pub mean: Option<f64>,
    /// Their median.
    pub median: Option<f64>,
    /// The lowest rating.
    pub min: Option<u8>,
    /// The highest rating.
    pub max: Option<u8>,
    /// `max − min`.
    pub spread: Option<u8>,
    /// `spread ≥ 2`.
    pub disagreement: bool,
}

impl DimensionSummary {
    /// The figures the exports print.
    pub fn figures(&self) -> Figures {
        let d = self.description();
        Figures {
            n: self.n(),
            mean: d.map(|d| d.mean),
            median: d.map(|d| d.median),
            min: d.map(|d| d.min),
            max: d.map(|d| d.max),
            spread: d.map(|d| d.spread),
            disagreement: d.is_some_and(|d| d.disagreement),
        }
    }
}

/// The fields `summary --format json` has always printed.
#[derive(Serialize)]
struct Printed<'a> {
    id: &'a Slug,
    #[serde(flatten)]
    figures: Figures,
}

impl Serialize for DimensionSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Printed {
            id: &self.id,
            figures: self.figures(),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::stats::describe;

    fn id() -> Slug {
        Slug::new("design").unwrap()
    }

    #[test]
    fn no_rating_has_no_statistic() {
        let d = DimensionSummary::of(id(), &[]);
        assert_eq!(d.n(), 0);
        assert_eq!(
            (d.mean(), d.median(), d.min(), d.max()),
            (None, None, None, None)
        );
        assert_eq!(d.spread(), None);
        assert!(!d.disagreement());
    }

    #[test]
    fn ratings_two_apart_disagree() {
        let d = DimensionSummary::of(id(), &[4, 2, 3, 2]);
        assert_eq!(d.n(), 4);
        assert_eq!(d.mean(), Some(2.75));
        assert_eq!(d.median(), Some(2.5));
        assert_eq!((d.min(), d.max(), d.spread()), (Some(2), Some(4), Some(2)));
        assert!(d.disagreement());
        assert_eq!(std::mem::size_of::<DimensionSummary>(), 24);
    }

    #[test]
    fn it_prints_as_it_always_did() {
        let d = DimensionSummary::of(id(), &[3, 4, 3]);
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"id":"design","n":3,"mean":3.3333333333333335,"median":3.0,"min":3,"max":4,"spread":1,"disagreement":false}"#
        );
    }

    proptest! {
        #[test]
        fn the_counts_describe_the_ratings_as_describe_does(
            scores in proptest::collection::vec(1u8..=4, 0..40)
        ) {
            let d = DimensionSummary::of(id(), &scores);
            prop_assert_eq!(d.description(), describe(&scores));
            prop_assert_eq!(d.n(), scores.len());
        }
    }
}
