//! The validity study's figures against a plain re-implementation of
//! DESIGN.md's formulas on random data: Pearson's r, the criterion
//! correction, u and Case II, the per-dimension figures, and the
//! bootstrap's bounds.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use scorecard::model::stats::validity::{
    MIN_SAMPLE, bootstrap_interval, pearson, thorndike_case_ii, validity_study,
};
use scorecard::model::stats::{CandidateSummary, DimensionSummary, RecommendationCounts};
use scorecard::model::{Slug, Template};

fn slug(s: &str) -> Slug {
    Slug::new(s).unwrap()
}

fn template() -> Template {
    serde_json::from_value(serde_json::json!({
        "format": 1, "id": "t", "version": 1, "role": "Role", "level": "Mid",
        "summary": "s",
        "dimensions": [{"id": "d", "name": "D", "meets": "m", "exceeds": "e"}],
    }))
    .unwrap()
}

fn candidate(i: usize, score: f64, ratings: &[u8]) -> CandidateSummary {
    CandidateSummary {
        id: slug(&format!("c-{i}")),
        name: "N".to_owned(),
        template: slug("t"),
        submitted: 1,
        drafts: 0,
        weighted_score: Some(score),
        adjusted_weighted_score: Some(score),
        dimensions: vec![DimensionSummary::of(slug("d"), ratings)],
        must_have_failures: Vec::new(),
        recommendations: RecommendationCounts::default(),
        red_flags: Vec::new(),
        agreement_alpha: None,
        opening: None,
        owed: 0,
        overdue: 0,
        decision: None,
    }
}

/// Pearson's r, the textbook way.
fn plain_r(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

fn plain_sd(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    (x.iter().map(|a| (a - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

prop_compose! {
    /// Candidates: each a score 1–4, one to three ratings of the
    /// dimension, and a later rating 1–5 if hired.
    fn pool()(rows in prop::collection::vec(
        (1.0f64..4.0, prop::collection::vec(1u8..=4, 1..4), prop::option::weighted(0.6, 1.0f64..5.0)),
        20..90,
    )) -> Vec<(f64, Vec<u8>, Option<f64>)> {
        rows
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_study_is_the_formulas_of_design(rows in pool(), r_yy in 0.3f64..1.0) {
        let candidates: Vec<CandidateSummary> = rows
            .iter()
            .enumerate()
            .map(|(i, (score, ratings, _))| candidate(i, *score, ratings))
            .collect();
        let refs: Vec<&CandidateSummary> = candidates.iter().collect();
        let later = |id: &Slug| {
            let i: usize = id.as_str().trim_start_matches("c-").parse().unwrap();
            rows[i].2
        };
        let study = validity_study(&template(), &refs, &later, r_yy);
        let sample: Vec<(f64, f64)> = rows.iter().filter_map(|(s, _, y)| Some((*s, (*y)?))).collect();
        prop_assert_eq!(study.pool, rows.len());
        prop_assert_eq!(study.hires_rated, sample.len());
        prop_assert_eq!(study.refused, sample.len() < MIN_SAMPLE);
        if study.refused {
            prop_assert!(study.r.is_none() && study.ci_low.is_none() && study.r_corrected.is_none());
            prop_assert!(study.dimensions[0].r.is_none());
        } else {
            let x: Vec<f64> = sample.iter().map(|p| p.0).collect();
            let y: Vec<f64> = sample.iter().map(|p| p.1).collect();
            let r = plain_r(&x, &y);
            prop_assert!(close(study.r.unwrap(), r));
            let rc = (r / r_yy.sqrt()).clamp(-1.0, 1.0);
            prop_assert!(close(study.r_criterion.unwrap(), rc));
            let pool_x: Vec<f64> = rows.iter().map(|p| p.0).collect();
            let u = plain_sd(&pool_x) / plain_sd(&x);
            prop_assert!(close(study.u.unwrap(), u));
            let corrected = rc * u / (1.0 - rc * rc + rc * rc * u * u).sqrt();
            prop_assert!(close(study.r_corrected.unwrap(), corrected));
            prop_assert!(study.r_corrected.unwrap().abs() <= 1.0 + 1e-12);
            let (low, high) = (study.ci_low.unwrap(), study.ci_high.unwrap());
            prop_assert!(-1.0 <= low && low <= high && high <= 1.0);
            // The dimension: x = its mean rating.
            let dx: Vec<f64> = rows
                .iter()
                .filter(|p| p.2.is_some())
                .map(|p| p.1.iter().map(|&v| f64::from(v)).sum::<f64>() / p.1.len() as f64)
                .collect();
            let d = &study.dimensions[0];
            prop_assert_eq!(d.n, sample.len());
            if let Some(dr) = d.r {
                prop_assert!(close(dr, plain_r(&dx, &y)));
            }
        }
    }

    #[test]
    fn pearson_agrees_with_the_textbook(pairs in prop::collection::vec((0.0f64..5.0, 0.0f64..5.0), 3..60)) {
        let x: Vec<f64> = pairs.iter().map(|p| p.0).collect();
        let y: Vec<f64> = pairs.iter().map(|p| p.1).collect();
        let as_pairs: Vec<[f64; 2]> = pairs.iter().map(|p| [p.0, p.1]).collect();
        prop_assert!(close(pearson(&as_pairs).unwrap(), plain_r(&x, &y)));
        let (low, high) = bootstrap_interval(&as_pairs, 200, 7).unwrap();
        prop_assert!(low <= high);
    }

    #[test]
    fn case_ii_without_restriction_changes_nothing(r in -0.99f64..0.99) {
        prop_assert!(close(thorndike_case_ii(r, 1.0), r));
        // More restriction, a larger correction, never past 1.
        let (a, b) = (thorndike_case_ii(r.abs(), 1.5), thorndike_case_ii(r.abs(), 2.5));
        prop_assert!(a <= b + 1e-12 && b <= 1.0);
    }
}
