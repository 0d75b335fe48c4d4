//! Day drift (DESIGN.md "Evidence that the interview works"; Simonsohn &
//! Gino 2013): does an interviewer score a candidate lower when the day's
//! earlier candidates scored high?
//!
//! Per interviewer, their scored scorecards ([`scorecard_score`]) are
//! grouped by the local day of `started_at` in the user's zone and ordered
//! by `started_at`. Each one after the first of its day is a pair: x = the
//! mean score of their earlier scorecards that day, y = its own score. The
//! slope is fitted on the pairs centred on the interviewer's own means
//! ([`fit`]); the team's over every interviewer's centred pairs together.
//! Decisions where the design is silent:
//!
//! - A submitted scorecard without a score (no dimension rated 1–4) is no
//!   part of a day: neither a pair nor an earlier score.
//! - Scorecards started at the same moment keep the order of candidate id,
//!   then stage, so the result never depends on the order read.
//! - The interviewers listed are everyone with a scored scorecard, pairs or
//!   not, sorted by id; the name shown is the one of their most recent
//!   submitted scorecard.
//! - A fit whose Σx′² is 0 (every earlier mean the same) or whose degrees
//!   of freedom are not above 0 has no slope, like one below 10 pairs.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::scorecard_score::scorecard_score;
use super::summary::SummaryView;
use crate::model::{InterviewerId, LocalZone, NameAsWritten, Scorecard, Slug, Timestamp};

/// Fewer pairs than this: no slope.
pub const MIN_PAIRS: usize = 10;

/// From this many pairs a slope whose interval excludes 0 is flagged.
pub const FLAG_PAIRS: usize = 30;

/// The normal quantile of a 95% interval.
const Z_95: f64 = 1.96;

/// A fitted slope: how many pairs, the slope and its 95% interval (null
/// below [`MIN_PAIRS`]), and whether it is flagged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Fit {
    /// Pairs counted.
    pub pairs: usize,
    /// Change in a score per point of the day's earlier mean.
    pub slope: Option<f64>,
    /// The interval's low end.
    pub ci_low: Option<f64>,
    /// The interval's high end.
    pub ci_high: Option<f64>,
    /// At least [`FLAG_PAIRS`] pairs and the interval excludes 0.
    pub flagged: bool,
}

/// The slope through groups of (x, y) pairs, each group centred on its own
/// means: slope = Σx′y′ / Σx′², se = √(Σ(y′ − slope·x′)² / df / Σx′²),
/// df = pairs − (groups with pairs) − 1, interval slope ± 1.96·se.
pub fn fit(groups: &[&[(f64, f64)]]) -> Fit {
    let mut centred = Vec::new();
    let mut with_pairs = 0usize;
    for group in groups.iter().filter(|g| !g.is_empty()) {
        with_pairs += 1;
        let count = group.len() as f64;
        let mean_x = group.iter().map(|p| p.0).sum::<f64>() / count;
        let mean_y = group.iter().map(|p| p.1).sum::<f64>() / count;
        centred.extend(group.iter().map(|&(x, y)| (x - mean_x, y - mean_y)));
    }
    let pairs = centred.len();
    let mut result = Fit {
        pairs,
        ..Fit::default()
    };
    let df = pairs as f64 - with_pairs as f64 - 1.0;
    let sxx: f64 = centred.iter().map(|p| p.0 * p.0).sum();
    if pairs < MIN_PAIRS || df <= 0.0 || sxx.is_nan() || sxx <= 0.0 {
        return result;
    }
    let slope = centred.iter().map(|p| p.0 * p.1).sum::<f64>() / sxx;
    let residual: f64 = centred.iter().map(|p| (p.1 - slope * p.0).powi(2)).sum();
    let se = (residual / df / sxx).sqrt();
    let (low, high) = (slope - Z_95 * se, slope + Z_95 * se);
    if !slope.is_finite() || !se.is_finite() {
        return result;
    }
    result.slope = Some(slope);
    result.ci_low = Some(low);
    result.ci_high = Some(high);
    result.flagged = pairs >= FLAG_PAIRS && (low > 0.0 || high < 0.0);
    result
}

/// One local day of one interviewer: their scores in the order they
/// started.
#[derive(Clone, Debug, PartialEq)]
pub struct DriftDay {
    /// The day, in the user's zone.
    pub day: NaiveDate,
    /// The scores, earliest first.
    pub scores: Vec<f64>,
}

impl DriftDay {
    /// The pairs of the day: (mean of the earlier scores, score) for each
    /// score after the first.
    pub fn pairs(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        let mut sum = 0.0;
        self.scores
            .iter()
            .enumerate()
            .filter_map(move |(i, &score)| {
                let pair = (i > 0).then(|| (sum / i as f64, score));
                sum += score;
                pair
            })
    }
}

/// One interviewer's drift, in DESIGN.md's keys and order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewerDrift {
    /// Who. Not printed.
    #[serde(skip)]
    pub id: InterviewerId,
    /// The name as written in their most recent submitted scorecard.
    pub interviewer: String,
    /// Scorecards after the first of their day.
    pub pairs: usize,
    /// Days with at least one pair.
    pub days: usize,
    /// See [`Fit`].
    pub slope: Option<f64>,
    /// See [`Fit`].
    pub ci_low: Option<f64>,
    /// See [`Fit`].
    pub ci_high: Option<f64>,
    /// See [`Fit`].
    pub flagged: bool,
    /// Every day with a scored scorecard, earliest first. Not printed; the
    /// interviewer's page draws them.
    #[serde(skip)]
    pub day_scores: Vec<DriftDay>,
}

/// `{"interviewers": […], "team": {…}}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DriftReport {
    /// Sorted by id.
    pub interviewers: Vec<InterviewerDrift>,
    /// Over every interviewer's centred pairs.
    pub team: Fit,
}

impl DriftReport {
    /// The drift of one interviewer, if they have a scored scorecard.
    pub fn of(&self, id: &InterviewerId) -> Option<&InterviewerDrift> {
        self.interviewers.iter().find(|i| &i.id == id)
    }
}

/// One scored scorecard, as drift orders it.
struct Scored<'a> {
    started_at: Timestamp,
    candidate: &'a Slug,
    stage: &'a str,
    score: f64,
}

/// The day drift of every interviewer of `view`, days read in `zone`.
pub fn drift(view: &SummaryView<'_>, zone: LocalZone) -> DriftReport {
    let mut by_interviewer: BTreeMap<InterviewerId, (NameAsWritten<'_>, Vec<Scored<'_>>)> =
        BTreeMap::new();
    for (candidate, cards) in &view.candidates {
        let template = view.templates.get(candidate.template.as_str()).copied();
        for &card in cards.iter().filter(|c| c.is_submitted()) {
            let entry = by_interviewer.entry(InterviewerId::of(card)).or_default();
            entry.0.see(card);
            if let Some(score) = scorecard_score(card, template) {
                entry.1.push(scored(card, &candidate.id, score));
            }
        }
    }
    let mut interviewers = Vec::with_capacity(by_interviewer.len());
    let mut all_pairs: Vec<Vec<(f64, f64)>> = Vec::new();
    for (id, (name, mut cards)) in by_interviewer {
        if cards.is_empty() {
            continue;
        }
        cards.sort_by(|a, b| {
            (a.started_at, a.candidate, a.stage).cmp(&(b.started_at, b.candidate, b.stage))
        });
        let mut days: Vec<DriftDay> = Vec::new();
        for card in &cards {
            let day = zone.naive_local(card.started_at).date();
            match days.last_mut() {
                Some(last) if last.day == day => last.scores.push(card.score),
                _ => days.push(DriftDay {
                    day,
                    scores: vec![card.score],
                }),
            }
        }
        let pairs: Vec<(f64, f64)> = days.iter().flat_map(DriftDay::pairs).collect();
        let fitted = fit(&[&pairs]);
        interviewers.push(InterviewerDrift {
            interviewer: name.name().unwrap_or(id.as_str()).to_owned(),
            id,
            pairs: fitted.pairs,
            days: days.iter().filter(|d| d.scores.len() > 1).count(),
            slope: fitted.slope,
            ci_low: fitted.ci_low,
            ci_high: fitted.ci_high,
            flagged: fitted.flagged,
            day_scores: days,
        });
        all_pairs.push(pairs);
    }
    let groups: Vec<&[(f64, f64)]> = all_pairs.iter().map(Vec::as_slice).collect();
    DriftReport {
        interviewers,
        team: fit(&groups),
    }
}

fn scored<'a>(card: &'a Scorecard, candidate: &'a Slug, score: f64) -> Scored<'a> {
    Scored {
        started_at: card.started_at,
        candidate,
        stage: &card.stage,
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stats::test_data::{candidate, card, dimension, template};

    #[test]
    fn a_day_pairs_each_score_with_the_mean_before_it() {
        let day = DriftDay {
            day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            scores: vec![4.0, 2.0, 3.0],
        };
        let pairs: Vec<_> = day.pairs().collect();
        assert_eq!(pairs, vec![(4.0, 2.0), (3.0, 3.0)]);
    }

    #[test]
    fn the_fit_is_the_centred_least_squares_slope() {
        // y = 5 − 0.5·x + noise that sums to 0 against x.
        let pairs: Vec<(f64, f64)> = (0..12)
            .map(|i| {
                let x = 1.0 + f64::from(i) * 0.25;
                let noise = if i % 2 == 0 { 0.1 } else { -0.1 };
                (x, 5.0 - 0.5 * x + noise)
            })
            .collect();
        let fitted = fit(&[&pairs]);
        // By hand: the same sums without centring tricks.
        let n = pairs.len() as f64;
        let mx = pairs.iter().map(|p| p.0).sum::<f64>() / n;
        let my = pairs.iter().map(|p| p.1).sum::<f64>() / n;
        let sxy: f64 = pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
        let sxx: f64 = pairs.iter().map(|p| (p.0 - mx).powi(2)).sum();
        let slope = sxy / sxx;
        let rss: f64 = pairs
            .iter()
            .map(|p| (p.1 - my - slope * (p.0 - mx)).powi(2))
            .sum();
        let se = (rss / (n - 2.0) / sxx).sqrt();
        assert!((fitted.slope.unwrap() - slope).abs() < 1e-12);
        assert!((fitted.ci_low.unwrap() - (slope - 1.96 * se)).abs() < 1e-12);
        assert!((fitted.ci_high.unwrap() - (slope + 1.96 * se)).abs() < 1e-12);
        assert_eq!(fitted.pairs, 12);
        assert!(!fitted.flagged, "fewer than 30 pairs are never flagged");
    }

    #[test]
    fn below_ten_pairs_there_is_no_slope_and_thirty_clear_ones_are_flagged() {
        let line = |count: usize| -> Vec<(f64, f64)> {
            (0..count)
                .map(|i| {
                    let x = 1.0 + (i % 7) as f64 * 0.4;
                    let wobble = if i % 3 == 0 { 0.05 } else { -0.025 };
                    (x, 4.0 - 0.3 * x + wobble)
                })
                .collect()
        };
        let nine = fit(&[&line(9)]);
        assert_eq!((nine.pairs, nine.slope, nine.flagged), (9, None, false));
        let thirty = fit(&[&line(30)]);
        assert!(thirty.flagged, "{thirty:?}");
        assert!(thirty.ci_high.unwrap() < 0.0);
    }

    #[test]
    fn the_team_centres_each_interviewer_on_their_own_means() {
        // Two interviewers with the same slope but different levels: pooled
        // raw, the levels would make a slope; centred, it is theirs.
        let a: Vec<(f64, f64)> = (0..8)
            .map(|i| (f64::from(i), 1.0 - 0.2 * f64::from(i)))
            .collect();
        let b: Vec<(f64, f64)> = (0..8)
            .map(|i| {
                (
                    10.0 + f64::from(i),
                    20.0 - 0.2 * f64::from(i) + if i % 2 == 0 { 0.01 } else { -0.01 },
                )
            })
            .collect();
        let team = fit(&[&a, &b]);
        assert_eq!(team.pairs, 16);
        assert!((team.slope.unwrap() + 0.2).abs() < 1e-3, "{team:?}");
    }

    #[test]
    fn days_are_local_days_in_the_users_zone() {
        let t = template("t", vec![dimension("a", 1.0)]);
        let c = candidate("c-1", "t");
        // 23:30 and 00:30 UTC: two days in UTC, one day in Berlin (00:30, 01:30).
        let cards = [
            card("c-1", "Ann", "2026-12-01T23:30:00Z", &[("a", 4)]),
            card("c-1", "Ann", "2026-12-02T00:30:00Z", &[("a", 2)]),
        ];
        let view = SummaryView {
            candidates: vec![(&c, cards.iter().collect())],
            templates: [("t", &t)].into_iter().collect(),
        };
        let utc = drift(&view, LocalZone::UTC);
        assert_eq!(utc.interviewers[0].pairs, 0);
        assert_eq!(utc.interviewers[0].day_scores.len(), 2);
        let berlin = drift(&view, LocalZone::named("Europe/Berlin").unwrap());
        assert_eq!(berlin.interviewers[0].pairs, 1);
        assert_eq!(berlin.interviewers[0].days, 1);
        assert_eq!(berlin.interviewers[0].interviewer, "Ann");
        assert_eq!(berlin.team.pairs, 1);
        assert_eq!(berlin.team.slope, None);
    }
}
