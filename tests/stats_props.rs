//! Properties of the aggregates that hold whatever the ratings are.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use scorecard::model::stats::{Metric, alpha, describe};
use scorecard::model::{
    Candidate, Dimension, Rating, RatingEntry, Recommendation, Scorecard, Slug, Summary,
    SummaryInput, Template, summarize,
};

const DIMENSIONS: [&str; 5] = [
    "fundamentals",
    "iac",
    "security",
    "observability",
    "zz-retired",
];
const INTERVIEWERS: [&str; 4] = ["Ann", "Bob", "Cy Young", "Dee"];
const FLAGS: [&str; 2] = ["Treats secrets casually", "Blames others"];

fn slug(s: &str) -> Slug {
    Slug::new(s).unwrap()
}

// Built through serde, so fields that later releases add with a default need
// no change here.

fn dimension(id: &str, weight: f64, must_have: bool) -> Dimension {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": id, "weight": weight, "must_have": must_have,
        "meets": "meets", "exceeds": "exceeds",
    }))
    .unwrap()
}

fn template(dimensions: Vec<Dimension>) -> Template {
    let mut template: Template = serde_json::from_value(serde_json::json!({
        "format": 1, "id": "t", "version": 1, "role": "Role", "level": "Mid",
        "dimensions": [],
    }))
    .unwrap();
    template.dimensions = dimensions;
    template
}

fn candidate(id: &str, template: &str) -> Candidate {
    serde_json::from_value(serde_json::json!({
        "format": 1, "id": id, "name": format!("Name of {id}"), "template": template,
        "created_at": "2026-11-20T09:00:00Z",
    }))
    .unwrap()
}

fn scorecard(candidate: &str, interviewer: &str, stage: &str, submitted: bool) -> Scorecard {
    serde_json::from_value(serde_json::json!({
        "format": 1, "candidate": candidate, "template": "t", "template_version": 1,
        "interviewer": interviewer, "stage": stage,
        "started_at": "2026-11-21T10:00:00Z",
        "submitted_at": if submitted { Some("2026-11-21T11:00:00Z") } else { None },
    }))
    .unwrap()
}

/// A template with the first 1–4 of [`DIMENSIONS`] (the fifth is only ever
/// a rated id the template lacks).
fn template_strategy() -> impl Strategy<Value = Template> {
    prop::collection::vec((0.1f64..5.0, any::<bool>()), 1..=4).prop_map(|dims| {
        template(
            dims.into_iter()
                .enumerate()
                .map(|(i, (weight, must_have))| dimension(DIMENSIONS[i], weight, must_have))
                .collect(),
        )
    })
}

/// Per dimension: not rated, or a score 0–4 (0 = no signal).
type Ratings = Vec<Option<u8>>;

fn ratings_strategy() -> impl Strategy<Value = Ratings> {
    prop::collection::vec(prop::option::weighted(0.8, 0u8..=4), DIMENSIONS.len())
}

fn apply_ratings(card: &mut Scorecard, ratings: &Ratings) {
    for (id, score) in DIMENSIONS.iter().zip(ratings) {
        if let Some(score) = score {
            card.ratings.insert(
                slug(id),
                RatingEntry {
                    rating: Rating::from_score(*score).unwrap(),
                    evidence: Box::default(),
                },
            );
        }
    }
}

fn card_strategy(candidate: String) -> impl Strategy<Value = Scorecard> {
    (
        prop::sample::select(INTERVIEWERS.to_vec()),
        prop::sample::select(vec!["", "incident-scenario"]),
        prop::bool::weighted(0.85),
        ratings_strategy(),
        prop::option::of(prop::sample::select(Recommendation::ALL.to_vec())),
        prop::sample::subsequence(FLAGS.to_vec(), 0..=2),
    )
        .prop_map(
            move |(interviewer, stage, submitted, ratings, recommendation, flags)| {
                let mut card = scorecard(&candidate, interviewer, stage, submitted);
                apply_ratings(&mut card, &ratings);
                card.recommendation = recommendation;
                card.red_flags = flags.into_iter().map(str::to_owned).collect();
                card
            },
        )
}

/// 0–4 candidates, most on template "t", some on a template that is gone,
/// each with 0–5 scorecards.
fn input_strategy() -> impl Strategy<Value = SummaryInput> {
    let candidates =
        prop::collection::vec(prop::bool::weighted(0.8), 0..=4).prop_flat_map(|on_t| {
            on_t.into_iter()
                .enumerate()
                .map(|(i, on_t)| {
                    let id = format!("c-{i}");
                    let c = candidate(&id, if on_t { "t" } else { "gone" });
                    prop::collection::vec(card_strategy(id), 0..=5)
                        .prop_map(move |cards| (c.clone(), cards))
                })
                .collect::<Vec<_>>()
        });
    (candidates, template_strategy()).prop_map(|(candidates, template)| SummaryInput {
        candidates,
        templates: BTreeMap::from([(template.id.clone(), template)]),
    })
}

/// An input and the same input with candidates and scorecards reordered.
fn input_and_shuffled() -> impl Strategy<Value = (SummaryInput, SummaryInput)> {
    input_strategy().prop_flat_map(|input| {
        let shuffled_candidates = input
            .candidates
            .iter()
            .map(|(c, cards)| {
                let c = c.clone();
                Just(cards.clone())
                    .prop_shuffle()
                    .prop_map(move |cards| (c.clone(), cards))
            })
            .collect::<Vec<_>>()
            .prop_shuffle();
        let templates = input.templates.clone();
        (
            Just(input),
            shuffled_candidates.prop_map(move |candidates| SummaryInput {
                candidates,
                templates: templates.clone(),
            }),
        )
    })
}

fn every_alpha(summary: &Summary) -> Vec<f64> {
    let candidates = summary.candidates.iter().filter_map(|c| c.agreement_alpha);
    let templates = summary.templates.iter().filter_map(|t| t.agreement_alpha);
    candidates.chain(templates).collect()
}

proptest! {
    #[test]
    fn order_of_scorecards_does_not_matter((input, shuffled) in input_and_shuffled()) {
        let a = summarize(&input);
        let b = summarize(&shuffled);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }

    #[test]
    fn describe_gives_the_statistics_of_its_input(scores in prop::collection::vec(1u8..=4, 0..30)) {
        // Each figure worked out here from the scores themselves, the plain
        // way, not from the other figures `describe` returns.
        match describe(&scores) {
            None => prop_assert!(scores.is_empty()),
            Some(d) => {
                let mut sorted = scores.clone();
                sorted.sort_unstable();
                let n = sorted.len();
                let (lo, hi) = (sorted[0], sorted[n - 1]);
                let mean = sorted.iter().map(|&s| f64::from(s)).sum::<f64>() / n as f64;
                let median = if n % 2 == 1 {
                    f64::from(sorted[n / 2])
                } else {
                    (f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0
                };
                prop_assert_eq!(d.n, n);
                prop_assert_eq!((d.min, d.max), (lo, hi));
                prop_assert!((d.mean - mean).abs() < 1e-9, "mean {} of {:?}", d.mean, scores);
                prop_assert!((d.median - median).abs() < 1e-9, "median {} of {:?}", d.median, scores);
                prop_assert_eq!(d.spread, hi - lo);
                // Disagreement: two interviewers two or more points apart.
                let apart = scores.iter().any(|a| scores.iter().any(|b| a.abs_diff(*b) >= 2));
                prop_assert_eq!(d.disagreement, apart);
            }
        }
    }

    #[test]
    fn summary_dimensions_are_consistent(input in input_strategy()) {
        for c in summarize(&input).candidates {
            let (_, cards) = input.candidates.iter().find(|(k, _)| k.id == c.id).unwrap();
            for d in &c.dimensions {
                // From the input: the scores the submitted scorecards gave
                // this dimension (no signal is not a score).
                let scores: Vec<u8> = cards
                    .iter()
                    .filter(|card| card.is_submitted())
                    .filter_map(|card| card.rating(d.id.as_str()).and_then(|r| r.score()))
                    .collect();
                prop_assert_eq!(d.n(), scores.len(), "{:?}", d);
                prop_assert_eq!(d.min(), scores.iter().copied().min());
                prop_assert_eq!(d.max(), scores.iter().copied().max());
                match (d.mean(), d.median(), d.min(), d.max(), d.spread()) {
                    (Some(mean), Some(median), Some(min), Some(max), Some(spread)) => {
                        prop_assert!(d.n() > 0);
                        let (lo, hi) = (f64::from(min), f64::from(max));
                        prop_assert!(lo <= mean && mean <= hi);
                        prop_assert!(lo <= median && median <= hi);
                        prop_assert_eq!(spread, max - min);
                    }
                    (None, None, None, None, None) => {
                        prop_assert_eq!(d.n(), 0);
                        prop_assert!(!d.disagreement());
                    }
                    _ => prop_assert!(false, "partly undefined statistics: {:?}", d),
                }
            }
        }
    }

    #[test]
    fn alpha_is_at_most_one(
        units in prop::collection::vec(
            prop::collection::vec(prop::option::of(1u8..=5), 0..6),
            0..12,
        ),
    ) {
        for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
            if let Some(a) = alpha(&units, metric) {
                prop_assert!(a.is_finite());
                prop_assert!(a <= 1.0 + 1e-12, "{:?}: {}", metric, a);
            }
        }
    }

    #[test]
    fn summary_alphas_are_at_most_one(input in input_strategy()) {
        for a in every_alpha(&summarize(&input)) {
            prop_assert!(a.is_finite() && a <= 1.0 + 1e-12, "{}", a);
        }
    }

    #[test]
    fn identical_ratings_mean_no_leniency(
        input in input_strategy(),
        truth in prop::collection::vec(prop::collection::vec(1u8..=4, DIMENSIONS.len()), 4),
    ) {
        // Every interviewer gives the candidate's one true score wherever
        // they rate a dimension (they may still skip it or see no signal).
        let mut input = input;
        for (i, (_, cards)) in input.candidates.iter_mut().enumerate() {
            for card in cards {
                for (d, id) in DIMENSIONS.iter().enumerate() {
                    if let Some(entry) = card.ratings.get_mut(id)
                        && entry.rating != Rating::NoSignal
                    {
                        entry.rating = Rating::from_score(truth[i][d]).unwrap();
                    }
                }
            }
        }
        let summary = summarize(&input);
        for interviewer in &summary.interviewers {
            prop_assert!(
                interviewer.leniency.is_none() || interviewer.leniency == Some(0.0),
                "{:?}", interviewer
            );
        }
        for c in &summary.candidates {
            prop_assert_eq!(c.adjusted_weighted_score, c.weighted_score);
        }
    }

    #[test]
    fn weighted_scores_lie_within_the_scale(input in input_strategy()) {
        for c in summarize(&input).candidates {
            for score in [c.weighted_score, c.adjusted_weighted_score].into_iter().flatten() {
                prop_assert!((1.0..=4.0).contains(&score), "{}", score);
            }
            // Both are defined together: adjusted ratings exist where ratings do.
            prop_assert_eq!(c.weighted_score.is_some(), c.adjusted_weighted_score.is_some());
        }
    }

    #[test]
    fn counts_add_up(input in input_strategy()) {
        let summary = summarize(&input);
        let scorecards: usize = input.candidates.iter().map(|(_, cards)| cards.len()).sum();
        let counted: usize = summary.candidates.iter().map(|c| c.submitted + c.drafts).sum();
        prop_assert_eq!(counted, scorecards);
        let by_interviewer: usize = summary.interviewers.iter().map(|i| i.submitted).sum();
        let submitted: usize = summary.candidates.iter().map(|c| c.submitted).sum();
        prop_assert_eq!(by_interviewer, submitted);
        let per_template: usize = summary.templates.iter().map(|t| t.candidates).sum();
        prop_assert_eq!(per_template, summary.candidates.len());
        for c in &summary.candidates {
            let r = c.recommendations;
            prop_assert!(r.strong_no_hire + r.no_hire + r.hire + r.strong_hire <= c.submitted);
        }
    }
}

/// Raises every 1–4 rating of `who` by `by` (clamped to 4).
fn shift(input: &mut SummaryInput, who: &str, by: u8) {
    for (_, cards) in &mut input.candidates {
        for card in cards.iter_mut().filter(|c| c.interviewer == who) {
            for entry in card.ratings.values_mut() {
                if let Some(score) = entry.rating.score() {
                    entry.rating = Rating::from_score((score + by).min(4)).unwrap();
                }
            }
        }
    }
}

/// Lowers every *Exceeds* of `who` to *Meets*, so a +1 shift never clamps.
fn cap_at_meets(input: &mut SummaryInput, who: &str) {
    for (_, cards) in &mut input.candidates {
        for card in cards.iter_mut().filter(|c| c.interviewer == who) {
            for entry in card.ratings.values_mut() {
                if entry.rating == Rating::Exceeds {
                    entry.rating = Rating::Meets;
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn shifting_one_interviewer_moves_their_leniency_by_one(input in input_strategy()) {
        let mut before = input;
        cap_at_meets(&mut before, "Ann");
        let mut after = before.clone();
        shift(&mut after, "Ann", 1);
        let (a, b) = (summarize(&before), summarize(&after));
        prop_assert_eq!(a.interviewers.len(), b.interviewers.len());
        for (x, y) in a.interviewers.iter().zip(&b.interviewers) {
            prop_assert_eq!(&x.name, &y.name);
            prop_assert_eq!(x.ratings, y.ratings);
            if x.name == "Ann" {
                match (x.leniency, y.leniency) {
                    (Some(l0), Some(l1)) => prop_assert!((l1 - l0 - 1.0).abs() < 1e-9, "{} {}", l0, l1),
                    (l0, l1) => prop_assert_eq!(l0, l1),
                }
                match (x.mean_rating, y.mean_rating) {
                    (Some(m0), Some(m1)) => prop_assert!((m1 - m0 - 1.0).abs() < 1e-9),
                    (m0, m1) => prop_assert_eq!(m0, m1),
                }
                prop_assert_eq!(x.rating_sd.map(|s| (s * 1e9).round()), y.rating_sd.map(|s| (s * 1e9).round()));
            } else {
                // The others' mean moves by at most 1 where Ann rated too.
                match (x.mean_abs_deviation, y.mean_abs_deviation) {
                    (Some(d0), Some(d1)) => prop_assert!((d1 - d0).abs() <= 1.0 + 1e-9, "{} {}", d0, d1),
                    (d0, d1) => prop_assert_eq!(d0, d1),
                }
                match (x.leniency, y.leniency) {
                    (Some(l0), Some(l1)) => prop_assert!(l1 <= l0 + 1e-9 && l1 >= l0 - 1.0 - 1e-9),
                    (l0, l1) => prop_assert_eq!(l0, l1),
                }
                prop_assert_eq!(x.mean_rating, y.mean_rating);
            }
        }
    }
}

proptest! {
    /// The aggregates find leniency one candidate at a time; that must give
    /// what one map over every observation of the workspace gives, in the
    /// same order.
    #[test]
    fn differences_per_candidate_are_the_workspace_wide_differences(input in input_strategy()) {
        use scorecard::model::stats::leniency::{
            differences_by_candidate, differences_by_dimension, observations,
        };
        let view: Vec<(&Candidate, Vec<&Scorecard>)> = input
            .candidates
            .iter()
            .map(|(candidate, cards)| (candidate, cards.iter().collect()))
            .collect();
        let all: Vec<_> = view
            .iter()
            .flat_map(|(candidate, cards)| observations(candidate.id.as_str(), cards))
            .collect();
        prop_assert_eq!(differences_by_candidate(&view), differences_by_dimension(&all));
    }
}

proptest! {
    /// The quick aggregates after a change to one candidate: that
    /// candidate's own numbers are those of a whole computation, every
    /// other candidate's stay as they were, and summarizing every
    /// candidate again gives the whole computation's candidates.
    #[test]
    fn resummarizing_a_changed_candidate_gives_its_own_numbers(input in input_strategy()) {
        use scorecard::model::stats::{SummaryView, resummarize};
        prop_assume!(!input.candidates.is_empty());
        let before = summarize(&input);
        // The first candidate loses its last scorecard.
        let mut changed = input.clone();
        changed.candidates[0].1.pop();
        let after = summarize(&changed);
        let id = changed.candidates[0].0.id.clone();
        let view = SummaryView {
            candidates: vec![(&changed.candidates[0].0, changed.candidates[0].1.iter().collect())],
            templates: changed.templates.iter().map(|(k, t)| (k.as_str(), t)).collect(),
        };
        let quick = resummarize(&before, &view, &[]);
        let mine = |s: &Summary| s.candidates.iter().find(|c| c.id == id).cloned().unwrap();
        let (q, a) = (mine(&quick), mine(&after));
        prop_assert_eq!((q.submitted, q.drafts), (a.submitted, a.drafts));
        prop_assert_eq!(q.weighted_score, a.weighted_score);
        prop_assert_eq!(&q.dimensions, &a.dimensions);
        prop_assert_eq!(&q.recommendations, &a.recommendations);
        prop_assert_eq!(&q.must_have_failures, &a.must_have_failures);
        prop_assert_eq!(q.agreement_alpha, a.agreement_alpha);
        for other in quick.candidates.iter().filter(|c| c.id != id) {
            prop_assert!(before.candidates.contains(other));
        }
        prop_assert_eq!(quick.candidates.len(), before.candidates.len());

        let all = changed.view();
        let again = resummarize(&after, &all, &[]);
        prop_assert_eq!(&again.candidates, &after.candidates);
    }
}
