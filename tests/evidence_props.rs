//! Properties of the evidence figures (day drift, panel reliability) that
//! hold whatever the data: each against a plain re-implementation of
//! DESIGN.md's formula, written out here with no shared code.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use scorecard::model::stats::{ReliabilityFigures, fit, raters_for, spearman_brown};

/// slope, low, high; `None` where DESIGN.md has no slope.
fn plain_fit(groups: &[Vec<(f64, f64)>]) -> Option<(f64, f64, f64)> {
    let used: Vec<&Vec<(f64, f64)>> = groups.iter().filter(|g| !g.is_empty()).collect();
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for g in &used {
        let mx = g.iter().map(|p| p.0).sum::<f64>() / g.len() as f64;
        let my = g.iter().map(|p| p.1).sum::<f64>() / g.len() as f64;
        for p in g.iter() {
            xs.push(p.0 - mx);
            ys.push(p.1 - my);
        }
    }
    let pairs = xs.len();
    let df = pairs as f64 - used.len() as f64 - 1.0;
    let sxx: f64 = xs.iter().map(|x| x * x).sum();
    if pairs < 10 || df <= 0.0 || sxx <= 0.0 {
        return None;
    }
    let slope = xs.iter().zip(&ys).map(|(x, y)| x * y).sum::<f64>() / sxx;
    let rss: f64 = xs
        .iter()
        .zip(&ys)
        .map(|(x, y)| (y - slope * x).powi(2))
        .sum();
    let se = (rss / df / sxx).sqrt();
    Some((slope, slope - 1.96 * se, slope + 1.96 * se))
}

/// ICC(1) over the groups of two ratings or more; `None` below 5 or when
/// undefined.
fn plain_icc(groups: &[Vec<f64>]) -> Option<f64> {
    let groups: Vec<&Vec<f64>> = groups.iter().filter(|g| g.len() >= 2).collect();
    if groups.len() < 5 {
        return None;
    }
    let n = groups.len() as f64;
    let big_n: f64 = groups.iter().map(|g| g.len() as f64).sum();
    let m = groups.iter().flat_map(|g| g.iter()).sum::<f64>() / big_n;
    let mut msb = 0.0;
    let mut within = 0.0;
    let mut sizes = 0.0;
    for g in &groups {
        let mi = g.iter().sum::<f64>() / g.len() as f64;
        msb += g.len() as f64 * (mi - m) * (mi - m);
        within += g.iter().map(|x| (x - mi) * (x - mi)).sum::<f64>();
        sizes += (g.len() * g.len()) as f64;
    }
    msb /= n - 1.0;
    let msw = within / (big_n - n);
    let k0 = (big_n - sizes / big_n) / (n - 1.0);
    let denominator = msb + (k0 - 1.0) * msw;
    (denominator != 0.0).then(|| (msb - msw) / denominator)
}

fn pair() -> impl Strategy<Value = (f64, f64)> {
    ((1u8..=12), (1u8..=12)).prop_map(|(x, y)| (1.0 + f64::from(x) / 4.0, 1.0 + f64::from(y) / 4.0))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #[test]
    fn the_drift_fit_is_the_plain_one(groups in prop::collection::vec(prop::collection::vec(pair(), 0..25), 0..5)) {
        let slices: Vec<&[(f64, f64)]> = groups.iter().map(Vec::as_slice).collect();
        let fitted = fit(&slices);
        prop_assert_eq!(fitted.pairs, groups.iter().map(Vec::len).sum::<usize>());
        match plain_fit(&groups) {
            None => {
                prop_assert_eq!(fitted.slope, None);
                prop_assert!(!fitted.flagged);
            }
            Some((slope, low, high)) => {
                prop_assert!(close(fitted.slope.unwrap(), slope), "{:?} against {}", fitted, slope);
                prop_assert!(close(fitted.ci_low.unwrap(), low));
                prop_assert!(close(fitted.ci_high.unwrap(), high));
                let excludes = low > 0.0 || high < 0.0;
                prop_assert_eq!(fitted.flagged, fitted.pairs >= 30 && excludes);
            }
        }
    }

    #[test]
    fn icc1_is_the_plain_one(groups in prop::collection::vec(prop::collection::vec(1u8..=4, 0..6), 0..15)) {
        let groups: Vec<Vec<f64>> = groups.iter().map(|g| g.iter().map(|&r| f64::from(r)).collect()).collect();
        let figures = ReliabilityFigures::of(None, String::new(), groups.iter().map(Vec::as_slice));
        let counted: Vec<&Vec<f64>> = groups.iter().filter(|g| g.len() >= 2).collect();
        prop_assert_eq!(figures.candidates, counted.len());
        prop_assert_eq!(figures.ratings, counted.iter().map(|g| g.len()).sum::<usize>());
        match (figures.icc1, plain_icc(&groups)) {
            (Some(a), Some(b)) => prop_assert!(close(a, b), "{} against {}", a, b),
            (None, None) => {}
            (a, b) => prop_assert!(false, "{:?} against {:?}", a, b),
        }
        if let (Some(icc), Some(k)) = (figures.icc1, figures.raters_mean) {
            prop_assert!(close(figures.panel.unwrap(), k * icc / (1.0 + (k - 1.0) * icc)));
        }
    }

    #[test]
    fn the_raters_needed_are_the_fewest_that_reach_the_target(icc in 0.02f64..0.98, target in prop::sample::select(vec![0.7, 0.8])) {
        let needed = raters_for(icc, target).unwrap();
        prop_assert!(needed >= 1);
        prop_assert!(spearman_brown(icc, f64::from(needed)) >= target - 1e-9);
        if needed > 1 {
            prop_assert!(spearman_brown(icc, f64::from(needed - 1)) < target);
        }
    }
}
