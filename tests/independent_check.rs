//! The aggregates of `summarize` against an independent, naive computation
//! written from DESIGN.md's definitions, on a generated workspace: every
//! number agrees to 1e-9.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use scorecard::demo::generate;
use scorecard::io::TemplateSet;
use scorecard::model::stats::{SummaryInput, summarize};
use scorecard::model::{Scorecard, Template};

const EPS: f64 = 1e-9;

fn close(a: Option<f64>, b: Option<f64>, what: &str) {
    match (a, b) {
        (None, None) => {}
        (Some(x), Some(y)) => assert!((x - y).abs() < EPS, "{what}: {x} vs {y}"),
        _ => panic!("{what}: {a:?} vs {b:?}"),
    }
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Krippendorff's alpha, ordinal, from its definition: every ordered pair of
/// values within a unit, weighted 1/(m_u − 1); δ² from the marginals.
fn naive_alpha(units: &[Vec<f64>]) -> Option<f64> {
    let units: Vec<&Vec<f64>> = units.iter().filter(|u| u.len() >= 2).collect();
    let mut coincidence: BTreeMap<(u64, u64), f64> = BTreeMap::new();
    for unit in &units {
        let m = unit.len() as f64;
        for (i, a) in unit.iter().enumerate() {
            for (j, b) in unit.iter().enumerate() {
                if i != j {
                    *coincidence.entry((*a as u64, *b as u64)).or_default() += 1.0 / (m - 1.0);
                }
            }
        }
    }
    let mut marginal: BTreeMap<u64, f64> = BTreeMap::new();
    for ((c, _), v) in &coincidence {
        *marginal.entry(*c).or_default() += v;
    }
    let n: f64 = marginal.values().sum();
    if n < 2.0 {
        return None;
    }
    let delta = |c: u64, k: u64| -> f64 {
        let (lo, hi) = (c.min(k), c.max(k));
        let between: f64 = (lo..=hi)
            .map(|g| marginal.get(&g).copied().unwrap_or(0.0))
            .sum();
        let ends = (marginal.get(&lo).copied().unwrap_or(0.0)
            + marginal.get(&hi).copied().unwrap_or(0.0))
            / 2.0;
        (between - ends).powi(2)
    };
    let observed: f64 = coincidence
        .iter()
        .map(|((c, k), o)| o * delta(*c, *k))
        .sum();
    let mut expected = 0.0;
    for (c, nc) in &marginal {
        for (k, nk) in &marginal {
            expected += nc * nk * delta(*c, *k);
        }
    }
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

#[test]
fn summarize_agrees_with_a_naive_computation_on_a_generated_workspace() {
    let (set, _) = TemplateSet::shipped();
    let templates: Vec<Template> = set.iter().map(|e| e.template.clone()).collect();
    let data = generate(&templates, 60, 7, "2026-11-21T10:00:00Z".parse().unwrap());
    let mut by_candidate: BTreeMap<String, Vec<Scorecard>> = BTreeMap::new();
    for card in &data.scorecards {
        by_candidate
            .entry(card.candidate.to_string())
            .or_default()
            .push(card.clone());
    }
    let input = SummaryInput {
        candidates: data
            .candidates
            .iter()
            .map(|c| {
                (
                    c.clone(),
                    by_candidate.get(c.id.as_str()).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        templates: templates
            .iter()
            .map(|t| (t.id.clone(), t.clone()))
            .collect(),
    };
    let summary = summarize(&input);
    assert_eq!(summary.candidates.len(), 60);
    let mut checked_alpha = 0;

    for (candidate, cards) in &input.candidates {
        let got = summary
            .candidates
            .iter()
            .find(|c| c.id == candidate.id)
            .unwrap();
        let template = &input.templates[&candidate.template];
        let submitted: Vec<&Scorecard> =
            cards.iter().filter(|c| c.submitted_at.is_some()).collect();
        assert_eq!(got.submitted, submitted.len());
        assert_eq!(got.drafts, cards.len() - submitted.len());

        let mut weighted = 0.0;
        let mut weights = 0.0;
        for d in &template.dimensions {
            let scores: Vec<f64> = submitted
                .iter()
                .filter_map(|c| c.rating(d.id.as_str())?.score())
                .map(f64::from)
                .collect();
            let stats = got.dimensions.iter().find(|s| s.id == d.id).unwrap();
            assert_eq!(stats.n(), scores.len());
            close(stats.mean(), mean(&scores), "mean");
            let mut sorted = scores.clone();
            sorted.sort_by(f64::total_cmp);
            let median = match sorted.len() {
                0 => None,
                n if n % 2 == 1 => Some(sorted[n / 2]),
                n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
            };
            close(stats.median(), median, "median");
            if let Some(m) = mean(&scores) {
                weighted += d.weight * m;
                weights += d.weight;
                let spread = sorted.last().unwrap() - sorted[0];
                assert_eq!(stats.disagreement(), spread >= 2.0);
                assert_eq!(
                    d.must_have && m < 3.0,
                    got.must_have_failures.contains(&d.id)
                );
            }
        }
        close(
            got.weighted_score,
            (weights > 0.0).then(|| weighted / weights),
            "weighted score",
        );

        // Units = dimensions; values = the submitted scorecards' ratings.
        let ids: BTreeSet<&str> = template
            .dimensions
            .iter()
            .map(|d| d.id.as_str())
            .chain(
                submitted
                    .iter()
                    .flat_map(|c| c.ratings.keys().map(|k| k.as_str())),
            )
            .collect();
        let units: Vec<Vec<f64>> = ids
            .iter()
            .map(|id| {
                submitted
                    .iter()
                    .filter_map(|c| c.rating(id)?.score())
                    .map(f64::from)
                    .collect()
            })
            .collect();
        let naive = naive_alpha(&units);
        close(
            got.agreement_alpha,
            naive,
            &format!("alpha of {}", candidate.id),
        );
        checked_alpha += usize::from(naive.is_some());
    }
    assert!(
        checked_alpha > 20,
        "the data exercise alpha ({checked_alpha} defined)"
    );

    // Leniency: each rating minus the mean of the other interviewers'
    // ratings of the same candidate and dimension, averaged per interviewer.
    let mut rated: Vec<(&str, &str, &str, f64)> = Vec::new();
    for (candidate, cards) in &input.candidates {
        for card in cards.iter().filter(|c| c.submitted_at.is_some()) {
            for (dim, entry) in &card.ratings {
                if let Some(score) = entry.rating.score() {
                    rated.push((
                        card.interviewer.as_str(),
                        candidate.id.as_str(),
                        dim.as_str(),
                        f64::from(score),
                    ));
                }
            }
        }
    }
    let mut diffs: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for (who, cand, dim, score) in &rated {
        let others: Vec<f64> = rated
            .iter()
            .filter(|(w, c, d, _)| w != who && c == cand && d == dim)
            .map(|r| r.3)
            .collect();
        if let Some(m) = mean(&others) {
            diffs.entry(who).or_default().push(score - m);
        }
    }
    let leniency: BTreeMap<&str, Option<f64>> = rated
        .iter()
        .map(|r| (r.0, diffs.get(r.0).and_then(|d| mean(d))))
        .collect();
    for person in &summary.interviewers {
        close(
            person.leniency,
            leniency[person.name.as_str()],
            &format!("leniency of {}", person.name),
        );
    }
    assert!(leniency.values().filter(|l| l.is_some()).count() >= 5);

    // Adjusted score: ratings shifted by their interviewer's leniency,
    // clamped to 1..4, then weighted as before.
    for (candidate, cards) in &input.candidates {
        let template = &input.templates[&candidate.template];
        let (mut sum, mut weights) = (0.0, 0.0);
        for d in &template.dimensions {
            let adjusted: Vec<f64> = cards
                .iter()
                .filter(|c| c.submitted_at.is_some())
                .filter_map(|c| {
                    let score = f64::from(c.rating(d.id.as_str())?.score()?);
                    let shift = leniency
                        .get(c.interviewer.as_str())
                        .copied()
                        .flatten()
                        .unwrap_or(0.0);
                    Some((score - shift).clamp(1.0, 4.0))
                })
                .collect();
            if let Some(m) = mean(&adjusted) {
                sum += d.weight * m;
                weights += d.weight;
            }
        }
        let got = summary
            .candidates
            .iter()
            .find(|c| c.id == candidate.id)
            .unwrap();
        close(
            got.adjusted_weighted_score,
            (weights > 0.0).then(|| sum / weights),
            "adjusted score",
        );
    }
}
