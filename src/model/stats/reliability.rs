//! Panel reliability (DESIGN.md "Evidence that the interview works"): per
//! template and dimension, how far one interviewer's rating can be trusted
//! (one-way random effects ICC(1), Shrout & Fleiss 1979), what the panel's
//! mean at its usual size is worth, and how many raters reach .70 and .80
//! (Spearman–Brown).
//!
//! Per dimension, the candidates with at least two ratings of it count;
//! every submitted scorecard's rating is one rating (one interviewer at two
//! stages rates twice). `overall` is the same over the candidates'
//! scorecard scores ([`scorecard_score`]). Decisions where the design is
//! silent:
//!
//! - The templates listed are those the candidates have, sorted by id; a
//!   template in effect gives its dimensions in its order, a template no
//!   longer in effect the dimension ids its scorecards rated, sorted.
//! - `icc1` is null when its denominator is 0 (every rating the same) as
//!   well as below 5 candidates; `raters_mean` is null only with no
//!   candidate.
//! - The raters needed are never below 1 (an `icc1` of 1 needs one rater),
//!   and a quotient within 1e-9 of a whole number is that number, so 4.0
//!   computed as 4.000000000000001 does not ask for a fifth rater.

use std::collections::BTreeMap;

use serde::Serialize;

use super::scorecard_score::scorecard_score;
use super::summary::SummaryView;
use crate::model::{Candidate, Scorecard, Template};

/// Fewer candidates than this: no `icc1`.
pub const MIN_CANDIDATES: usize = 5;

/// The reliability a panel is held to at least.
pub const ACCEPTABLE: f64 = 0.70;

/// The reliability a panel aims for.
pub const GOOD: f64 = 0.80;

/// The reliability of the mean of `raters` raters each of reliability
/// `single` (Spearman–Brown).
pub fn spearman_brown(single: f64, raters: f64) -> f64 {
    raters * single / (1.0 + (raters - 1.0) * single)
}

/// How many raters bring a single-rater reliability `single` to `target`:
/// ⌈target·(1 − single) / (single·(1 − target))⌉, at least 1; `None` when
/// `single` is not above 0 (no number of raters does).
pub fn raters_for(single: f64, target: f64) -> Option<u32> {
    if !single.is_finite() || single <= 0.0 {
        return None;
    }
    let needed = target * (1.0 - single) / (single * (1.0 - target));
    if !needed.is_finite() {
        return None;
    }
    let whole = (needed - 1e-9).ceil().max(1.0);
    // Far beyond any panel: said as the largest count rather than wrapped.
    Some(if whole >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        whole as u32
    })
}

/// One dimension's figures (or the template's overall score's), in
/// DESIGN.md's keys and order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReliabilityFigures {
    /// The dimension id; null for `overall`.
    pub dimension: Option<String>,
    /// The dimension's name as the template gives it (its id without a
    /// template; "Overall score"). Not printed.
    #[serde(skip)]
    pub name: String,
    /// Candidates with at least two ratings.
    pub candidates: usize,
    /// Their ratings.
    pub ratings: usize,
    /// Single-rater reliability; null below [`MIN_CANDIDATES`].
    pub icc1: Option<f64>,
    /// Ratings per candidate, N / n.
    pub raters_mean: Option<f64>,
    /// The reliability of the mean of `raters_mean` raters.
    pub panel: Option<f64>,
    /// Raters for a reliability of .70.
    pub raters_for_070: Option<u32>,
    /// Raters for a reliability of .80.
    pub raters_for_080: Option<u32>,
}

impl ReliabilityFigures {
    /// The figures of one dimension from each candidate's ratings (groups
    /// of fewer than two are left out).
    pub fn of<'a>(
        dimension: Option<String>,
        name: String,
        groups: impl IntoIterator<Item = &'a [f64]>,
    ) -> Self {
        let groups: Vec<&[f64]> = groups.into_iter().filter(|g| g.len() >= 2).collect();
        let n = groups.len();
        let total: usize = groups.iter().map(|g| g.len()).sum();
        let raters_mean = (n > 0).then(|| total as f64 / n as f64);
        let icc1 = icc1(&groups);
        Self {
            dimension,
            name,
            candidates: n,
            ratings: total,
            icc1,
            raters_mean,
            panel: icc1.zip(raters_mean).map(|(icc, k)| spearman_brown(icc, k)),
            raters_for_070: icc1.and_then(|icc| raters_for(icc, ACCEPTABLE)),
            raters_for_080: icc1.and_then(|icc| raters_for(icc, GOOD)),
        }
    }

    /// The reliability of `raters` raters on this dimension, if it has an
    /// `icc1`.
    pub fn with_raters(&self, raters: usize) -> Option<f64> {
        self.icc1.map(|icc| spearman_brown(icc, raters as f64))
    }
}

/// ICC(1) over groups of at least two ratings each; `None` below
/// [`MIN_CANDIDATES`] groups or when it is not a number.
fn icc1(groups: &[&[f64]]) -> Option<f64> {
    let n = groups.len();
    if n < MIN_CANDIDATES {
        return None;
    }
    let total: usize = groups.iter().map(|g| g.len()).sum();
    let big_n = total as f64;
    let grand = groups.iter().flat_map(|g| g.iter()).sum::<f64>() / big_n;
    let mut between = 0.0;
    let mut within = 0.0;
    let mut squares = 0.0;
    for group in groups {
        let size = group.len() as f64;
        let mean = group.iter().sum::<f64>() / size;
        between += size * (mean - grand).powi(2);
        within += group.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
        squares += size * size;
    }
    let msb = between / (n as f64 - 1.0);
    let msw = within / (big_n - n as f64);
    let k0 = (big_n - squares / big_n) / (n as f64 - 1.0);
    let denominator = msb + (k0 - 1.0) * msw;
    let icc = (msb - msw) / denominator;
    (denominator != 0.0 && icc.is_finite()).then_some(icc)
}

/// One template's figures: each dimension's, then the overall score's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TemplateReliability {
    /// The template id.
    pub template: String,
    /// The template's role ("Site Reliability Engineer"), or its id. Not
    /// printed.
    #[serde(skip)]
    pub role: String,
    /// Per dimension, in the template's order.
    pub dimensions: Vec<ReliabilityFigures>,
    /// Over the candidates' scorecard scores.
    pub overall: ReliabilityFigures,
}

impl TemplateReliability {
    /// The dimensions least reliable first: by `icc1` from lowest, those
    /// without one last, ties in the template's order.
    pub fn least_reliable_first(&self) -> Vec<&ReliabilityFigures> {
        let mut sorted: Vec<&ReliabilityFigures> = self.dimensions.iter().collect();
        sorted.sort_by(|a, b| match (a.icc1, b.icc1) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        sorted
    }
}

/// `{"templates": […]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReliabilityReport {
    /// One entry per template the candidates have, sorted by id.
    pub templates: Vec<TemplateReliability>,
}

impl ReliabilityReport {
    /// The figures of template `id`, if its candidates have any.
    pub fn template(&self, id: &str) -> Option<&TemplateReliability> {
        self.templates.iter().find(|t| t.template == id)
    }
}

/// The reliability of every template the candidates of `view` have, and
/// of `also` (a template asked for by id) when it is in effect, even
/// without candidates.
pub fn reliability(view: &SummaryView<'_>, also: Option<&str>) -> ReliabilityReport {
    let mut by_template: BTreeMap<&str, Vec<(&Candidate, Vec<&Scorecard>)>> = BTreeMap::new();
    for (candidate, cards) in &view.candidates {
        let submitted: Vec<&Scorecard> =
            cards.iter().copied().filter(|c| c.is_submitted()).collect();
        by_template
            .entry(candidate.template.as_str())
            .or_default()
            .push((candidate, submitted));
    }
    if let Some(id) = also
        && let Some((&key, _)) = view.templates.get_key_value(id)
    {
        by_template.entry(key).or_default();
    }
    let templates = by_template
        .into_iter()
        .map(|(id, candidates)| {
            template_reliability(id, view.templates.get(id).copied(), &candidates)
        })
        .collect();
    ReliabilityReport { templates }
}

fn template_reliability(
    id: &str,
    template: Option<&Template>,
    candidates: &[(&Candidate, Vec<&Scorecard>)],
) -> TemplateReliability {
    let dimensions: Vec<(String, String)> = match template {
        Some(t) => t
            .dimensions
            .iter()
            .map(|d| (d.id.to_string(), d.name.clone()))
            .collect(),
        None => {
            let ids: std::collections::BTreeSet<&str> = candidates
                .iter()
                .flat_map(|(_, cards)| cards.iter().flat_map(|c| c.ratings.keys()))
                .map(|id| id.as_str())
                .collect();
            ids.into_iter()
                .map(|d| (d.to_owned(), d.to_owned()))
                .collect()
        }
    };
    let figures = dimensions
        .into_iter()
        .map(|(dimension, name)| {
            let groups: Vec<Vec<f64>> = candidates
                .iter()
                .map(|(_, cards)| {
                    cards
                        .iter()
                        .filter_map(|c| c.rating(&dimension).and_then(|r| r.score()))
                        .map(f64::from)
                        .collect()
                })
                .collect();
            ReliabilityFigures::of(Some(dimension), name, groups.iter().map(Vec::as_slice))
        })
        .collect();
    let scores: Vec<Vec<f64>> = candidates
        .iter()
        .map(|(_, cards)| {
            cards
                .iter()
                .filter_map(|c| scorecard_score(c, template))
                .collect()
        })
        .collect();
    TemplateReliability {
        template: id.to_owned(),
        role: template.map_or_else(|| id.to_owned(), |t| t.role.clone()),
        dimensions: figures,
        overall: ReliabilityFigures::of(
            None,
            "Overall score".to_owned(),
            scores.iter().map(Vec::as_slice),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stats::test_data::{candidate, card, dimension, template};

    fn near(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() < tolerance
    }

    #[test]
    fn spearman_brown_gives_the_published_values() {
        assert!(near(spearman_brown(0.44, 3.0), 0.7021, 5e-5));
        assert!(near(spearman_brown(0.4, 10.0), 0.8696, 5e-5));
        assert_eq!(spearman_brown(0.3, 1.0), 0.3, "one rater is the rater");
    }

    #[test]
    fn raters_needed_round_up_and_need_a_positive_reliability() {
        // .80 from .44: 5.09 raters, so 6.
        assert_eq!(raters_for(0.44, GOOD), Some(6));
        // .70 from .44: 2.97, so 3.
        assert_eq!(raters_for(0.44, ACCEPTABLE), Some(3));
        // .80 from .5 is exactly 4, whatever the rounding of 1 − .8.
        assert_eq!(raters_for(0.5, GOOD), Some(4));
        assert_eq!(raters_for(1.0, GOOD), Some(1));
        assert_eq!(raters_for(0.0, GOOD), None);
        assert_eq!(raters_for(-0.2, GOOD), None);
        assert_eq!(raters_for(f64::NAN, GOOD), None);
    }

    #[test]
    fn icc1_matches_a_hand_computed_balanced_case() {
        // Five candidates rated twice: means 1.5, 2, 3, 3.5, 4 (grand 2.8).
        let groups: [&[f64]; 5] = [
            &[1.0, 2.0],
            &[2.0, 2.0],
            &[3.0, 3.0],
            &[3.0, 4.0],
            &[4.0, 4.0],
        ];
        // MSB = 2·(1.69 + .64 + .04 + .49 + 1.44)/4 = 2.15; MSW = 1/5 = .2;
        // k0 = 2; icc1 = 1.95 / 2.35.
        let figures = ReliabilityFigures::of(None, String::new(), groups);
        let icc = figures.icc1.unwrap();
        assert!(near(icc, 1.95 / 2.35, 1e-12), "{icc}");
        assert_eq!(figures.candidates, 5);
        assert_eq!(figures.ratings, 10);
        assert_eq!(figures.raters_mean, Some(2.0));
        assert!(near(
            figures.panel.unwrap(),
            spearman_brown(icc, 2.0),
            1e-12
        ));
    }

    #[test]
    fn unequal_panels_use_k0() {
        let groups: [&[f64]; 5] = [
            &[1.0, 2.0, 1.0],
            &[2.0, 3.0],
            &[3.0, 3.0, 4.0, 4.0],
            &[2.0, 4.0],
            &[4.0, 4.0],
        ];
        // By hand: N = 13, n = 5, grand 37/13.
        let big_n = 13.0;
        let grand = 37.0 / 13.0;
        let means = [4.0 / 3.0, 2.5, 3.5, 3.0, 4.0];
        let sizes = [3.0, 2.0, 4.0, 2.0, 2.0];
        let msb: f64 = means
            .iter()
            .zip(&sizes)
            .map(|(m, s)| s * (m - grand) * (m - grand))
            .sum::<f64>()
            / 4.0;
        let within = (2.0 / 3.0) + 0.5 + 1.0 + 2.0 + 0.0;
        let msw = within / (big_n - 5.0);
        let k0 = (big_n - (9.0 + 4.0 + 16.0 + 4.0 + 4.0) / big_n) / 4.0;
        let expected = (msb - msw) / (msb + (k0 - 1.0) * msw);
        let figures = ReliabilityFigures::of(None, String::new(), groups);
        assert!(near(figures.icc1.unwrap(), expected, 1e-12));
        assert_eq!(figures.raters_mean, Some(13.0 / 5.0));
    }

    #[test]
    fn below_five_candidates_or_all_equal_there_is_no_icc() {
        let four: [&[f64]; 5] = [&[1.0, 2.0], &[2.0, 2.0], &[3.0, 3.0], &[3.0, 4.0], &[4.0]];
        let figures = ReliabilityFigures::of(None, String::new(), four);
        assert_eq!(figures.candidates, 4, "one rating is not a candidate here");
        assert_eq!(figures.icc1, None);
        assert_eq!(figures.panel, None);
        assert_eq!(figures.raters_for_080, None);
        assert_eq!(figures.raters_mean, Some(2.0));
        let same: [&[f64]; 5] = [&[3.0, 3.0]; 5];
        assert_eq!(ReliabilityFigures::of(None, String::new(), same).icc1, None);
    }

    #[test]
    fn a_template_gives_each_dimension_and_the_overall_score() {
        let t = template("t", vec![dimension("a", 2.0), dimension("b", 1.0)]);
        let candidates: Vec<_> = (0..6).map(|i| candidate(&format!("c-{i}"), "t")).collect();
        let cards: Vec<Vec<_>> = (0..6u8)
            .map(|i| {
                let base = 1 + i % 4;
                vec![
                    card(
                        "c",
                        "Ann",
                        "2026-11-21T10:00:00Z",
                        &[("a", base), ("b", 1 + (i + 1) % 4)],
                    ),
                    card(
                        "c",
                        "Bob",
                        "2026-11-21T11:00:00Z",
                        &[("a", base), ("b", 1 + i % 4)],
                    ),
                ]
            })
            .collect();
        let view = SummaryView {
            candidates: candidates
                .iter()
                .zip(&cards)
                .map(|(c, cards)| (c, cards.iter().collect()))
                .collect(),
            templates: [("t", &t)].into_iter().collect(),
        };
        let report = reliability(&view, None);
        let figures = report.template("t").unwrap();
        assert_eq!(figures.dimensions.len(), 2);
        assert_eq!(
            figures.dimensions[0].icc1,
            Some(1.0),
            "Ann and Bob agree on a"
        );
        assert!(figures.dimensions[1].icc1.unwrap() < 1.0);
        assert_eq!(
            figures.least_reliable_first()[0].dimension.as_deref(),
            Some("b")
        );
        assert_eq!(figures.overall.candidates, 6);
        assert_eq!(figures.overall.dimension, None);
        assert_eq!(figures.dimensions[0].name, "Name of a");
    }
}
