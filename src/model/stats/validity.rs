//! The local validity study (DESIGN.md "Evidence that the interview
//! works", quality of hire): did a template's interview score predict how
//! its hires did later?
//!
//! Per template, the **pool** is its candidates with a score and the
//! **sample** its candidates with a score decided *Hire* with at least one
//! performance review; x is the candidate's weighted score, y the mean
//! review rating. `r` is Pearson's r over the sample, corrected first for
//! the unreliable criterion (`r / √r_yy`, capped at ±1) and then for the
//! range the hiring decision cut off (Thorndike Case II, `u` = SD of the
//! pool's x over SD of the sample's x). The interval is the percentile
//! bootstrap of r. Below [`MIN_SAMPLE`] hires the figures are refused.

use serde::Serialize;

use super::seeded_rng::SeededRng;
use super::summary::CandidateSummary;
use crate::model::{Slug, Template};

/// Fewer rated hires than this and the study says nothing but the count.
pub const MIN_SAMPLE: usize = 30;

/// The criterion's reliability unless told otherwise: supervisors'
/// ratings of job performance agree at .52 (Viswesvaran, Ones and Schmidt
/// 1996).
pub const DEFAULT_CRITERION_RELIABILITY: f64 = 0.52;

/// How many bootstrap resamples the interval is taken over.
pub const BOOTSTRAP_RESAMPLES: usize = 2_000;

/// The bootstrap's seed: the same sample always gives the same interval.
pub const BOOTSTRAP_SEED: u64 = 0x5C0F_EC4D_2026_1207;

/// One template's study, as `scorecard validity --format json` prints it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TemplateValidity {
    /// The template's id.
    pub template: Slug,
    /// Its candidates with a score.
    pub pool: usize,
    /// Of them, hires with at least one review: the sample.
    pub hires_rated: usize,
    /// The `r_yy` the correction used.
    pub criterion_reliability: f64,
    /// Whether the sample is too small for figures (then every figure is
    /// null).
    pub refused: bool,
    /// Pearson's r between score and later rating.
    pub r: Option<f64>,
    /// 2.5th percentile of the bootstrap r.
    pub ci_low: Option<f64>,
    /// 97.5th percentile of the bootstrap r.
    pub ci_high: Option<f64>,
    /// r corrected for the criterion's unreliability, capped at ±1.
    pub r_criterion: Option<f64>,
    /// SD of the pool's scores over SD of the sample's.
    pub u: Option<f64>,
    /// `r_criterion` corrected for range restriction (Case II).
    pub r_corrected: Option<f64>,
    /// The same per dimension, x = the dimension's mean rating.
    pub dimensions: Vec<DimensionValidity>,
    /// The sample's (score, later rating) pairs, for the scatter plot.
    #[serde(skip)]
    pub points: Vec<[f64; 2]>,
}

/// One dimension's figures in a template's study.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionValidity {
    /// The dimension's id.
    pub dimension: Slug,
    /// Rated hires with a rating of this dimension.
    pub n: usize,
    /// Pearson's r (null below [`MIN_SAMPLE`]).
    pub r: Option<f64>,
    /// r corrected for the criterion and for range restriction.
    pub r_corrected: Option<f64>,
}

/// Thorndike's Case II correction for direct range restriction: the
/// correlation `r` seen in a restricted group, in the unrestricted one,
/// where `u` is the unrestricted SD over the restricted SD.
pub fn thorndike_case_ii(r: f64, u: f64) -> f64 {
    r * u / (1.0 - r * r + r * r * u * u).sqrt()
}

/// `r` corrected for a criterion of reliability `r_yy` (`r / √r_yy`),
/// capped at ±1.
pub fn correct_for_criterion(r: f64, r_yy: f64) -> f64 {
    (r / r_yy.sqrt()).clamp(-1.0, 1.0)
}

/// Pearson's r of the pairs; `None` with fewer than two or when either
/// side does not vary.
pub fn pearson(pairs: &[[f64; 2]]) -> Option<f64> {
    let n = pairs.len();
    if n < 2 {
        return None;
    }
    let (mx, my) = means(pairs);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for [x, y] in pairs {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

fn means(pairs: &[[f64; 2]]) -> (f64, f64) {
    let n = pairs.len() as f64;
    let (sx, sy) = pairs
        .iter()
        .fold((0.0, 0.0), |(sx, sy), [x, y]| (sx + x, sy + y));
    (sx / n, sy / n)
}

/// The sample standard deviation (n − 1); `None` below two values.
pub fn sample_sd(values: impl IntoIterator<Item = f64> + Clone) -> Option<f64> {
    let (n, sum) = values
        .clone()
        .into_iter()
        .fold((0usize, 0.0), |(n, s), v| (n + 1, s + v));
    if n < 2 {
        return None;
    }
    let mean = sum / n as f64;
    let squares: f64 = values.into_iter().map(|v| (v - mean) * (v - mean)).sum();
    Some((squares / (n - 1) as f64).sqrt())
}

/// The `p`-quantile (0–1) of sorted values, interpolating between the two
/// nearest ranks (Hyndman and Fan's type 7, what R and NumPy use by
/// default); `None` when empty.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = p.clamp(0.0, 1.0) * last as f64;
    // `h` lies in 0..=last, so the floor is a valid index.
    let below = h.floor();
    let i = below as usize;
    let lo = *sorted.get(i)?;
    let hi = sorted.get(i + 1).copied().unwrap_or(lo);
    Some(lo + (h - below) * (hi - lo))
}

/// The percentile bootstrap interval (2.5, 97.5) of Pearson's r over
/// `resamples` resamples of the pairs, drawn from `seed`. Resamples in
/// which a side does not vary have no r and are left out.
pub fn bootstrap_interval(pairs: &[[f64; 2]], resamples: usize, seed: u64) -> Option<(f64, f64)> {
    let n = pairs.len();
    if n < 2 {
        return None;
    }
    let mut rng = SeededRng::new(seed);
    let mut rs = Vec::with_capacity(resamples);
    let mut resample = vec![[0.0; 2]; n];
    for _ in 0..resamples {
        for slot in &mut resample {
            *slot = pairs.get(rng.below(n)).copied().unwrap_or_default();
        }
        if let Some(r) = pearson(&resample) {
            rs.push(r);
        }
    }
    rs.sort_by(f64::total_cmp);
    Some((quantile(&rs, 0.025)?, quantile(&rs, 0.975)?))
}

/// r corrected for the criterion, then for range restriction with the
/// pool's and the sample's x: `(r_criterion, u, r_corrected)`.
fn corrections(
    r: f64,
    r_yy: f64,
    pool_x: &[f64],
    sample_x: &[f64],
) -> (f64, Option<f64>, Option<f64>) {
    let r_criterion = correct_for_criterion(r, r_yy);
    let u = match (
        sample_sd(pool_x.iter().copied()),
        sample_sd(sample_x.iter().copied()),
    ) {
        (Some(pool), Some(sample)) if sample > 0.0 => Some(pool / sample),
        _ => None,
    };
    let r_corrected = u.map(|u| thorndike_case_ii(r_criterion, u));
    (r_criterion, u, r_corrected)
}

/// The study of `template` over its candidates' aggregates; `later` gives
/// a hire's mean performance rating (`None` for a candidate not decided
/// *Hire* or without reviews). `r_yy` is the criterion's reliability
/// (0 < r_yy ≤ 1).
pub fn validity_study(
    template: &Template,
    candidates: &[&CandidateSummary],
    later: &dyn Fn(&Slug) -> Option<f64>,
    r_yy: f64,
) -> TemplateValidity {
    let ys: Vec<Option<f64>> = candidates.iter().map(|c| later(&c.id)).collect();
    let pool_x: Vec<f64> = candidates.iter().filter_map(|c| c.weighted_score).collect();
    let points: Vec<[f64; 2]> = candidates
        .iter()
        .zip(&ys)
        .filter_map(|(c, y)| Some([c.weighted_score?, (*y)?]))
        .collect();
    let mut study = TemplateValidity {
        template: template.id.clone(),
        pool: pool_x.len(),
        hires_rated: points.len(),
        criterion_reliability: r_yy,
        refused: points.len() < MIN_SAMPLE,
        r: None,
        ci_low: None,
        ci_high: None,
        r_criterion: None,
        u: None,
        r_corrected: None,
        dimensions: Vec::with_capacity(template.dimensions.len()),
        points,
    };
    for dimension in &template.dimensions {
        let mean_of = |c: &CandidateSummary| {
            c.dimensions
                .iter()
                .find(|d| d.id == dimension.id)
                .and_then(|d| d.mean())
        };
        let pool: Vec<f64> = candidates.iter().filter_map(|c| mean_of(c)).collect();
        let pairs: Vec<[f64; 2]> = candidates
            .iter()
            .zip(&ys)
            .filter_map(|(c, y)| Some([mean_of(c)?, (*y)?]))
            .collect();
        let r = (pairs.len() >= MIN_SAMPLE)
            .then(|| pearson(&pairs))
            .flatten();
        let r_corrected = r.and_then(|r| {
            let sample: Vec<f64> = pairs.iter().map(|[x, _]| *x).collect();
            corrections(r, r_yy, &pool, &sample).2
        });
        study.dimensions.push(DimensionValidity {
            dimension: dimension.id.clone(),
            n: pairs.len(),
            r,
            r_corrected,
        });
    }
    if study.refused {
        return study;
    }
    study.r = pearson(&study.points);
    if let Some((low, high)) =
        bootstrap_interval(&study.points, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED)
    {
        study.ci_low = Some(low);
        study.ci_high = Some(high);
    }
    if let Some(r) = study.r {
        let sample: Vec<f64> = study.points.iter().map(|[x, _]| *x).collect();
        let (r_criterion, u, r_corrected) = corrections(r, r_yy, &pool_x, &sample);
        study.r_criterion = Some(r_criterion);
        study.u = u;
        study.r_corrected = r_corrected;
    }
    study
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-5
    }

    #[test]
    fn case_ii_matches_the_published_checks() {
        // DESIGN.md: Case II(.25, u = 12/5) = .5267.
        assert!(close(thorndike_case_ii(0.25, 12.0 / 5.0), 0.5267));
        // .25 with r_yy .60, then u 1.25 → .3921.
        let r = correct_for_criterion(0.25, 0.60);
        assert!(close(thorndike_case_ii(r, 1.25), 0.3921));
        // No restriction, no change.
        assert!(close(thorndike_case_ii(0.3, 1.0), 0.3));
    }

    #[test]
    fn the_criterion_correction_is_capped() {
        assert_eq!(correct_for_criterion(0.9, 0.52), 1.0);
        assert_eq!(correct_for_criterion(-0.9, 0.52), -1.0);
        assert!(close(correct_for_criterion(0.26, 0.52), 0.36056));
    }

    #[test]
    fn pearson_knows_perfect_opposite_and_flat() {
        let up: Vec<[f64; 2]> = (0..5).map(|i| [f64::from(i), 2.0 * f64::from(i)]).collect();
        assert!(close(pearson(&up).unwrap(), 1.0));
        let down: Vec<[f64; 2]> = (0..5).map(|i| [f64::from(i), -f64::from(i)]).collect();
        assert!(close(pearson(&down).unwrap(), -1.0));
        let flat: Vec<[f64; 2]> = (0..5).map(|i| [f64::from(i), 3.0]).collect();
        assert_eq!(pearson(&flat), None);
        assert_eq!(pearson(&[[1.0, 2.0]]), None);
    }

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.0), Some(1.0));
        assert_eq!(quantile(&v, 0.5), Some(3.0));
        assert_eq!(quantile(&v, 0.975), Some(4.9));
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(
            sample_sd([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]),
            Some(2.138089935299395)
        );
    }

    #[test]
    fn the_bootstrap_is_fixed_by_its_seed_and_brackets_r() {
        let pairs: Vec<[f64; 2]> = (0..40)
            .map(|i| {
                let x = f64::from(i % 7) / 2.0;
                [x, x + f64::from((i * 13) % 5)]
            })
            .collect();
        let r = pearson(&pairs).unwrap();
        let a = bootstrap_interval(&pairs, 2_000, BOOTSTRAP_SEED).unwrap();
        let b = bootstrap_interval(&pairs, 2_000, BOOTSTRAP_SEED).unwrap();
        assert_eq!(a, b);
        assert!(a.0 < r && r < a.1, "{a:?} around {r}");
    }
}
