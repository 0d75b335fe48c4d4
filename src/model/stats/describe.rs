//! Descriptive statistics of one dimension's ratings: `n`, `mean`, `median`,
//! `min`, `max`, `spread` and `disagreement`, as DESIGN.md "Aggregates"
//! defines them.

/// A spread of at least this many rating steps (say *Partially meets*
/// against *Exceeds*) is a disagreement, which a debrief shows first.
pub const DISAGREEMENT_SPREAD: u8 = 2;

/// The descriptive statistics of a non-empty set of scores (ratings 1–4, but
/// any small integer categories work).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Description {
    /// How many scores there are; at least 1.
    pub n: usize,
    /// The arithmetic mean.
    pub mean: f64,
    /// The middle score, or the mean of the middle two when `n` is even.
    pub median: f64,
    /// The lowest score.
    pub min: u8,
    /// The highest score.
    pub max: u8,
    /// `max − min`.
    pub spread: u8,
    /// Whether `spread ≥` [`DISAGREEMENT_SPREAD`].
    pub disagreement: bool,
}

/// Describes `scores`; `None` when there are none (every rating was *no
/// signal*, or nobody rated the dimension).
///
/// The result does not depend on the order of `scores`.
pub fn describe(scores: &[u8]) -> Option<Description> {
    let mut sorted = scores.to_vec();
    sorted.sort_unstable();
    let (&min, &max) = (sorted.first()?, sorted.last()?);
    let n = sorted.len();
    // Integer sum: exact, so the mean is the same whatever the input order.
    let sum: u64 = sorted.iter().map(|&s| u64::from(s)).sum();
    let mean = sum as f64 / n as f64;
    let median = if n % 2 == 1 {
        f64::from(*sorted.get(n / 2)?)
    } else {
        let low = *sorted.get(n / 2 - 1)?;
        let high = *sorted.get(n / 2)?;
        (f64::from(low) + f64::from(high)) / 2.0
    };
    let spread = max - min;
    Some(Description {
        n,
        mean,
        median,
        min,
        max,
        spread,
        disagreement: spread >= DISAGREEMENT_SPREAD,
    })
}

/// The mean of real-valued scores (such as leniency-adjusted ratings);
/// `None` when there are none.
///
/// The values are summed in ascending order, so the result does not depend
/// on the order they are given in, to the last bit.
pub fn mean_of(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    Some(sorted.iter().sum::<f64>() / sorted.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_describe() {
        assert_eq!(describe(&[]), None);
        assert_eq!(mean_of(&[]), None);
    }

    #[test]
    fn one_score() {
        let d = describe(&[3]).unwrap();
        assert_eq!(
            d,
            Description {
                n: 1,
                mean: 3.0,
                median: 3.0,
                min: 3,
                max: 3,
                spread: 0,
                disagreement: false,
            }
        );
    }

    #[test]
    fn odd_count_takes_the_middle_score() {
        let d = describe(&[4, 1, 3]).unwrap();
        assert_eq!(d.n, 3);
        assert!((d.mean - 8.0 / 3.0).abs() < 1e-12);
        assert_eq!(d.median, 3.0);
        assert_eq!((d.min, d.max, d.spread), (1, 4, 3));
        assert!(d.disagreement);
    }

    #[test]
    fn even_count_averages_the_middle_two() {
        let d = describe(&[3, 4, 3, 4]).unwrap();
        assert_eq!(d.mean, 3.5);
        assert_eq!(d.median, 3.5);
        let d = describe(&[2, 3]).unwrap();
        assert_eq!(d.median, 2.5);
        assert_eq!(d.spread, 1);
        assert!(!d.disagreement);
    }

    #[test]
    fn the_documented_example() {
        // DESIGN.md: n 3, mean 3.333…, median 3.0, min 3, max 4, spread 1.
        let d = describe(&[3, 4, 3]).unwrap();
        assert!((d.mean - 10.0 / 3.0).abs() < 1e-12);
        assert_eq!(d.median, 3.0);
        assert_eq!((d.min, d.max, d.spread, d.disagreement), (3, 4, 1, false));
    }

    #[test]
    fn disagreement_starts_at_a_spread_of_two() {
        assert!(!describe(&[2, 3]).unwrap().disagreement);
        assert!(describe(&[2, 4]).unwrap().disagreement);
        assert!(describe(&[1, 3, 2]).unwrap().disagreement);
    }

    #[test]
    fn mean_of_reals() {
        assert_eq!(mean_of(&[1.5, 2.5]), Some(2.0));
        assert_eq!(mean_of(&[0.1, 0.2, 0.3]), mean_of(&[0.3, 0.1, 0.2]));
    }
}
