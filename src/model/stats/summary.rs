//! The candidate, template and interviewer summaries of DESIGN.md
//! "Aggregates": what `scorecard summary --format json` prints (the I/O
//! layer adds the `errors` key).
//!
//! The JSON shape is a contract: every struct here serialises to exactly the
//! documented keys; floats are unrounded and `null` where undefined.
//!
//! Decisions where the design is silent:
//!
//! - Only submitted scorecards count; a candidate's drafts are only counted
//!   in `drafts`. A scorecard belongs to the candidate it is listed with in
//!   [`SummaryInput::candidates`] (its own `candidate` and `template` fields
//!   are not consulted); the candidate's `template` picks the template.
//! - Dimensions of a candidate: the template's, in template order, then every
//!   other dimension id rated (even *no signal*) in a submitted scorecard,
//!   sorted, so a scorecard stays countable after its template changes. All
//!   of them are shown (`n = 0` gives `null` statistics) and are units of the
//!   agreement alpha. The weighted scores and must-have failures use only the
//!   template's dimensions, with the template's weights.
//! - A candidate whose template is missing from [`SummaryInput::templates`]:
//!   every rated dimension has weight 1.0 and is not a must-have, so the
//!   weighted score is the plain mean of the dimension means and there are
//!   no must-have failures.
//! - `red_flags` lists every flag of every submitted scorecard, sorted by
//!   flag, then interviewer; one interviewer raising a flag at two stages
//!   appears twice.
//! - `templates` lists the templates the candidates use (whether or not the
//!   template itself was found), with how many candidates use each.
//! - `interviewers` lists everyone with at least one submitted scorecard;
//!   `submitted` counts those scorecards. An interviewer is their
//!   [`InterviewerId`] (the slug of the name, as the file names use it), so
//!   "Priya Raman" and "priya raman" are one entry. Their `name`, here and
//!   in `red_flags`, is as written in their most recent submitted scorecard
//!   ([`NameAsWritten`]: latest `submitted_at`, then latest `started_at`,
//!   then the name that sorts last), without surrounding spaces. Leniency is computed over every
//!   candidate in the input, so filter the output, not the input, to show
//!   one candidate with workspace-wide leniency.
//! - The result does not depend on the order of candidates or scorecards in
//!   the input, to the last bit: candidates are sorted by id, templates by
//!   id, interviewers by id, and every floating-point sum is taken in a
//!   fixed order.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::calibration::{CalibrationContext, InterviewerSummary, calibrate};
use super::describe::mean_of;
use super::dimension_summary::DimensionSummary;
use super::krippendorff::{CoincidenceMatrix, Metric};
use crate::model::{Candidate, InterviewerId, Recommendation, Scorecard, Slug, Template};

/// The lowest score a rating has (*Does not meet*).
const MIN_SCORE: f64 = 1.0;
/// The highest score a rating has (*Exceeds*).
const MAX_SCORE: f64 = 4.0;

/// What the summary is computed from: plain data the I/O layer has read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SummaryInput {
    /// Every candidate with all of their scorecards, drafts included.
    pub candidates: Vec<(Candidate, Vec<Scorecard>)>,
    /// The templates in effect, by id. A candidate's template may be missing.
    pub templates: BTreeMap<Slug, Template>,
}

/// [`SummaryInput`] borrowed: what the aggregates read, wherever it lives.
#[derive(Clone, Debug, Default)]
pub struct SummaryView<'a> {
    /// Every candidate with all of their scorecards, drafts included.
    pub candidates: Vec<(&'a Candidate, Vec<&'a Scorecard>)>,
    /// The templates in effect, by id.
    pub templates: BTreeMap<&'a str, &'a Template>,
}

impl SummaryInput {
    /// The input as borrowed data.
    pub fn view(&self) -> SummaryView<'_> {
        SummaryView {
            candidates: self
                .candidates
                .iter()
                .map(|(candidate, cards)| (candidate, cards.iter().collect()))
                .collect(),
            templates: self
                .templates
                .iter()
                .map(|(id, template)| (id.as_str(), template))
                .collect(),
        }
    }
}

/// The whole summary: `{"candidates": […], "templates": […], "interviewers": […]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// One entry per candidate, sorted by id.
    pub candidates: Vec<CandidateSummary>,
    /// One entry per template the candidates use, sorted by id.
    pub templates: Vec<TemplateSummary>,
    /// One entry per interviewer with a submitted scorecard, sorted by id.
    pub interviewers: Vec<InterviewerSummary>,
    /// The same figures over each template's candidates only, by template
    /// id (what `scorecard interviewers --template` prints). Not part of
    /// the summary's JSON; the interviewer view filters with it.
    #[serde(skip)]
    pub interviewers_by_template: BTreeMap<Slug, Vec<InterviewerSummary>>,
    /// The same over each opening's candidates, by opening id (the
    /// interviewer view's opening filter; `scorecard interviewers
    /// --opening`). Not part of the summary's JSON.
    #[serde(skip)]
    pub interviewers_by_opening: BTreeMap<Slug, Vec<InterviewerSummary>>,
    /// One entry per opening, sorted by id (filled in with a time: see
    /// `WorkspaceSnapshot::summarize_as_of`).
    pub openings: Vec<OpeningSummary>,
}

/// One opening's progress (DESIGN.md "The hiring loop").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpeningSummary {
    /// The opening's id.
    pub id: Slug,
    /// Its title.
    pub title: String,
    /// `open`, `on_hold` or `closed`.
    pub status: &'static str,
    /// Candidates of the opening.
    pub candidates: usize,
    /// Of them, with a decision.
    pub decided: usize,
    /// Of them, decided *hire*.
    pub hired: usize,
    /// Scorecards owed (overdue ones included).
    pub owed: usize,
    /// Of them, overdue.
    pub overdue: usize,
}

/// A candidate's decision, as `summary` reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecisionSummary {
    /// `hire` or `no_hire`.
    pub decision: &'static str,
    /// Who decided, as written.
    pub decided_by: String,
    /// When.
    pub decided_at: crate::model::Timestamp,
    /// Submitted scorecards whose `submitted_at` is after `decided_at`.
    pub changed_after: usize,
}

/// One candidate's aggregates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CandidateSummary {
    /// The candidate's id.
    pub id: Slug,
    /// The candidate's name.
    pub name: String,
    /// Id of the candidate's template.
    pub template: Slug,
    /// How many scorecards are submitted (and counted).
    pub submitted: usize,
    /// How many scorecards are still drafts (pending, not counted).
    pub drafts: usize,
    /// `Σ weight·mean / Σ weight` over the template's dimensions with
    /// `n > 0`; `None` if there are none.
    pub weighted_score: Option<f64>,
    /// The weighted score after replacing each rating `r` of interviewer `i`
    /// by `clamp(r − leniency_i, 1, 4)` (no leniency counts as 0).
    pub adjusted_weighted_score: Option<f64>,
    /// Statistics per dimension: template order, then other rated ids sorted.
    pub dimensions: Vec<DimensionSummary>,
    /// Ids of the must-have dimensions with `n > 0` whose mean is below 3
    /// (*Meets*), in dimension order.
    pub must_have_failures: Vec<Slug>,
    /// How many submitted scorecards recommend what.
    pub recommendations: RecommendationCounts,
    /// Every red flag raised, with who raised it.
    pub red_flags: Vec<RedFlag>,
    /// Krippendorff's alpha (ordinal) between the submitted scorecards over
    /// the dimensions; `None` where undefined.
    pub agreement_alpha: Option<f64>,
    /// The candidate's opening, if any.
    pub opening: Option<Slug>,
    /// Scorecards their planned interviews owe (overdue ones included), as
    /// of the summary's time; 0 until one is given.
    pub owed: usize,
    /// Of them, overdue.
    pub overdue: usize,
    /// The panel's decision, if recorded (filled in by the I/O layer,
    /// which reads decision files). Boxed: most candidates have none, and
    /// each summary is 56 bytes smaller for it (BENCHMARKS.md §10).
    pub decision: Option<Box<DecisionSummary>>,
}

/// Counts of the overall recommendations of submitted scorecards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RecommendationCounts {
    /// *Strong no hire*.
    pub strong_no_hire: usize,
    /// *No hire*.
    pub no_hire: usize,
    /// *Hire*.
    pub hire: usize,
    /// *Strong hire*.
    pub strong_hire: usize,
}

/// A red flag raised in a submitted scorecard.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RedFlag {
    /// The flag, as worded in the scorecard.
    pub flag: String,
    /// Who raised it, by the name they go by (see [`InterviewerSummary::name`]).
    pub interviewer: String,
}

/// One template's aggregates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TemplateSummary {
    /// The template's id.
    pub id: Slug,
    /// How many candidates are interviewed against it.
    pub candidates: usize,
    /// Krippendorff's alpha (ordinal) over all its candidates, units =
    /// candidate × dimension; `None` where undefined.
    pub agreement_alpha: Option<f64>,
}

/// Computes every aggregate of DESIGN.md "Aggregates" (all but `errors`).
pub fn summarize(input: &SummaryInput) -> Summary {
    summarize_view(&input.view())
}

/// The same aggregates as [`summarize`], computed from borrowed data, so a
/// caller that holds the workspace need not copy it first.
pub fn summarize_view(input: &SummaryView<'_>) -> Summary {
    summarize_view_with(input, &CalibrationContext::default())
}

/// From how many candidates the aggregates are computed on several
/// threads (below, the threads cost more than they save, and a small
/// workspace's numbers never wait behind other work in the shared pool).
const PARALLEL_FROM: usize = 500;

/// The same aggregates as [`summarize_view`], with decisions and planned
/// interviews for the interviewers' calibration figures.
pub fn summarize_view_with(input: &SummaryView<'_>, context: &CalibrationContext) -> Summary {
    use rayon::prelude::*;
    // Everyone's calibration first: it holds each interviewer's leniency,
    // which every adjusted score needs.
    let interviewers = calibrate(&input.candidates, context);
    let leniencies: BTreeMap<InterviewerId, Option<f64>> = interviewers
        .iter()
        .map(|person| (person.id.clone(), person.leniency))
        .collect();
    let names = names(&interviewers);

    let mut order: Vec<&(&Candidate, Vec<&Scorecard>)> = input.candidates.iter().collect();
    order.sort_by(|a, b| a.0.id.cmp(&b.0.id));

    let one = |(candidate, cards): &&(&Candidate, Vec<&Scorecard>)| {
        let submitted: Vec<&Scorecard> =
            cards.iter().copied().filter(|c| c.is_submitted()).collect();
        let template = input.templates.get(candidate.template.as_str()).copied();
        summarize_candidate(candidate, cards, template, &submitted, &leniencies, &names)
    };
    let by_template = || calibrate_by(input, context, |c| Some(&c.template));
    let by_opening = || calibrate_by(input, context, |c| c.opening.as_ref());
    // Each candidate's summary is its own work, and so is each grouping of
    // the calibration: on a big workspace they run side by side on every
    // core. A small one is done at once on this thread, rather than queued
    // behind whatever the shared pool of threads is doing.
    let (per_candidate, (interviewers_by_template, interviewers_by_opening)) =
        if order.len() >= PARALLEL_FROM {
            rayon::join(
                || order.par_iter().map(one).collect::<Vec<_>>(),
                || rayon::join(by_template, by_opening),
            )
        } else {
            (
                order.iter().map(one).collect::<Vec<_>>(),
                (by_template(), by_opening()),
            )
        };

    let mut candidates = Vec::with_capacity(per_candidate.len());
    let mut templates: BTreeMap<Slug, (usize, CoincidenceMatrix)> = BTreeMap::new();
    // Merged in candidate order, so every sum is taken in one fixed order.
    for (summary, matrix) in per_candidate {
        let (count, all) = templates.entry(summary.template.clone()).or_default();
        *count += 1;
        all.merge(&matrix);
        candidates.push(summary);
    }

    Summary {
        candidates,
        templates: templates
            .into_iter()
            .map(|(id, (candidates, matrix))| TemplateSummary {
                id,
                candidates,
                agreement_alpha: matrix.alpha(Metric::Ordinal),
            })
            .collect(),
        interviewers,
        interviewers_by_template,
        interviewers_by_opening,
        openings: Vec::new(),
    }
}

/// `previous` with the candidates of `redone` summarized again and those
/// in `gone` taken out: what a colleague's file changes on the candidate it
/// is about, at the cost of that candidate alone. Everything workspace-wide
/// (each interviewer's leniency and calibration, the templates' agreement)
/// stays as in `previous`, so the adjusted scores use the leniencies
/// known before the change; [`summarize_view_with`] computes them all
/// again, and is what a full picture (an export) waits for.
pub fn resummarize(previous: &Summary, redone: &SummaryView<'_>, gone: &[Slug]) -> Summary {
    let leniencies: BTreeMap<InterviewerId, Option<f64>> = previous
        .interviewers
        .iter()
        .map(|person| (person.id.clone(), person.leniency))
        .collect();
    let names = names(&previous.interviewers);
    let mut summary = previous.clone();
    summary
        .candidates
        .retain(|c| !gone.contains(&c.id) && !redone.candidates.iter().any(|(r, _)| r.id == c.id));
    for (candidate, cards) in &redone.candidates {
        let submitted: Vec<&Scorecard> =
            cards.iter().copied().filter(|c| c.is_submitted()).collect();
        let template = redone.templates.get(candidate.template.as_str()).copied();
        let (one, _) =
            summarize_candidate(candidate, cards, template, &submitted, &leniencies, &names);
        let at = summary.candidates.partition_point(|c| c.id < one.id);
        summary.candidates.insert(at, one);
    }
    summary
}

/// The calibration figures over the candidates of each value of `key`
/// (their template, their opening); a candidate without one is left out.
fn calibrate_by<'a>(
    input: &SummaryView<'a>,
    context: &CalibrationContext,
    key: impl Fn(&'a Candidate) -> Option<&'a Slug>,
) -> BTreeMap<Slug, Vec<InterviewerSummary>> {
    let mut groups: BTreeMap<&Slug, Vec<(&Candidate, Vec<&Scorecard>)>> = BTreeMap::new();
    for (candidate, cards) in &input.candidates {
        if let Some(id) = key(candidate) {
            groups
                .entry(id)
                .or_default()
                .push((candidate, cards.clone()));
        }
    }
    groups
        .into_iter()
        .map(|(id, candidates)| (id.clone(), calibrate(&candidates, context)))
        .collect()
}

/// The name each interviewer goes by in the output, by id: the name on
/// their latest submitted scorecard, as calibration found it.
type Names<'a> = BTreeMap<InterviewerId, &'a str>;

fn names(interviewers: &[InterviewerSummary]) -> Names<'_> {
    interviewers
        .iter()
        .map(|person| (person.id.clone(), person.name.as_str()))
        .collect()
}

/// The name `card`'s interviewer goes by in the output.
fn shown_name(names: &Names<'_>, card: &Scorecard) -> String {
    names
        .get(&InterviewerId::of(card))
        .copied()
        .unwrap_or(card.interviewer.trim())
        .to_owned()
}

/// A dimension as the summary of one candidate uses it.
struct Planned {
    id: Slug,
    weight: f64,
    must_have: bool,
    /// Counts in the weighted scores and must-have failures.
    scored: bool,
}

/// The candidate's dimensions: the template's, then the other rated ids.
fn plan(template: Option<&Template>, submitted: &[&Scorecard]) -> Vec<Planned> {
    let mut planned: Vec<Planned> = template
        .map(|t| {
            t.dimensions
                .iter()
                .map(|d| Planned {
                    id: d.id.clone(),
                    weight: d.weight,
                    must_have: d.must_have,
                    scored: true,
                })
                .collect()
        })
        .unwrap_or_default();
    let known: BTreeSet<&Slug> = planned.iter().map(|p| &p.id).collect();
    let others: BTreeSet<&Slug> = submitted
        .iter()
        .flat_map(|card| card.ratings.keys())
        .filter(|id| !known.contains(id))
        .collect();
    let others: Vec<Planned> = others
        .into_iter()
        .map(|id| Planned {
            id: id.clone(),
            weight: 1.0,
            must_have: false,
            // Without a template, every rated dimension counts with weight 1.
            scored: template.is_none(),
        })
        .collect();
    planned.extend(others);
    planned
}

/// One candidate's summary, and the coincidence matrix of its scorecards
/// for the template-wide alpha.
fn summarize_candidate(
    candidate: &Candidate,
    cards: &[&Scorecard],
    template: Option<&Template>,
    submitted: &[&Scorecard],
    leniencies: &BTreeMap<InterviewerId, Option<f64>>,
    names: &Names<'_>,
) -> (CandidateSummary, CoincidenceMatrix) {
    let planned = plan(template, submitted);
    let ids: Vec<InterviewerId> = submitted.iter().map(|c| InterviewerId::of(c)).collect();
    let mut matrix = CoincidenceMatrix::new();
    let mut dimensions = Vec::with_capacity(planned.len());
    let mut raw_parts = Vec::new();
    let mut adjusted_parts = Vec::new();
    let mut must_have_failures = Vec::new();
    for dimension in &planned {
        let scores_by_card: Vec<Option<(&InterviewerId, u8)>> = submitted
            .iter()
            .zip(&ids)
            .map(|(card, id)| {
                let entry = card.ratings.get(dimension.id.as_str())?;
                Some((id, entry.rating.score()?))
            })
            .collect();
        matrix.add_unit(scores_by_card.iter().map(|s| s.map(|(_, score)| score)));
        let scores: Vec<u8> = scores_by_card.iter().flatten().map(|&(_, s)| s).collect();
        let adjusted: Vec<f64> = scores_by_card
            .iter()
            .flatten()
            .map(|&(interviewer, score)| {
                let lenience = leniencies
                    .get(interviewer)
                    .copied()
                    .flatten()
                    .unwrap_or(0.0);
                (f64::from(score) - lenience).clamp(MIN_SCORE, MAX_SCORE)
            })
            .collect();
        let summary = DimensionSummary::of(dimension.id.clone(), &scores);
        if dimension.scored
            && let Some(stats) = summary.description()
        {
            raw_parts.push((dimension.weight, stats.mean));
            if let Some(mean) = mean_of(&adjusted) {
                adjusted_parts.push((dimension.weight, mean));
            }
            if dimension.must_have && stats.mean < 3.0 {
                must_have_failures.push(dimension.id.clone());
            }
        }
        dimensions.push(summary);
    }

    let mut recommendations = RecommendationCounts::default();
    for recommendation in submitted.iter().filter_map(|card| card.recommendation) {
        let count = match recommendation {
            Recommendation::StrongNoHire => &mut recommendations.strong_no_hire,
            Recommendation::NoHire => &mut recommendations.no_hire,
            Recommendation::Hire => &mut recommendations.hire,
            Recommendation::StrongHire => &mut recommendations.strong_hire,
        };
        *count += 1;
    }
    let mut red_flags: Vec<RedFlag> = submitted
        .iter()
        .flat_map(|card| {
            let interviewer = shown_name(names, card);
            card.red_flags.iter().map(move |flag| RedFlag {
                flag: flag.clone(),
                interviewer: interviewer.clone(),
            })
        })
        .collect();
    red_flags.sort();

    let summary = CandidateSummary {
        id: candidate.id.clone(),
        name: candidate.name.clone(),
        template: candidate.template.clone(),
        submitted: submitted.len(),
        drafts: cards.len() - submitted.len(),
        weighted_score: weighted_mean(&raw_parts),
        adjusted_weighted_score: weighted_mean(&adjusted_parts),
        dimensions,
        must_have_failures,
        recommendations,
        red_flags,
        agreement_alpha: matrix.alpha(Metric::Ordinal),
        opening: candidate.opening.clone(),
        owed: 0,
        overdue: 0,
        decision: None,
    };
    (summary, matrix)
}

/// `Σ weight·value / Σ weight` over the parts with a finite weight > 0
/// (a validated template has no other); `None` if there are none.
fn weighted_mean(parts: &[(f64, f64)]) -> Option<f64> {
    let (mut numerator, mut denominator) = (0.0, 0.0);
    for &(weight, value) in parts {
        if weight.is_finite() && weight > 0.0 {
            numerator += weight * value;
            denominator += weight;
        }
    }
    (denominator > 0.0).then(|| numerator / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, Rating, RatingEntry};

    fn slug(s: &str) -> Slug {
        Slug::new(s).unwrap()
    }

    // Built through serde, so fields that later releases add with a default
    // need no change here.

    fn dimension(id: &str, weight: f64, must_have: bool) -> Dimension {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": id, "weight": weight, "must_have": must_have,
            "meets": "meets", "exceeds": "exceeds",
        }))
        .unwrap()
    }

    fn template(id: &str, dimensions: Vec<Dimension>) -> Template {
        let mut template: Template = serde_json::from_value(serde_json::json!({
            "format": 1, "id": id, "version": 1, "role": "Role", "level": "Mid",
            "dimensions": [],
        }))
        .unwrap();
        template.dimensions = dimensions;
        template
    }

    fn candidate(id: &str, name: &str, template: &str) -> Candidate {
        serde_json::from_value(serde_json::json!({
            "format": 1, "id": id, "name": name, "template": template,
            "created_at": "2026-11-20T09:00:00Z",
        }))
        .unwrap()
    }

    /// A submitted scorecard; `ratings` as (dimension, score 0–4, 0 = no signal).
    fn card(interviewer: &str, stage: &str, ratings: &[(&str, u8)]) -> Scorecard {
        let mut card: Scorecard = serde_json::from_value(serde_json::json!({
            "format": 1, "candidate": "c-1", "template": "t", "template_version": 1,
            "interviewer": interviewer, "stage": stage,
            "started_at": "2026-11-21T10:00:00Z",
            "submitted_at": "2026-11-21T11:00:00Z",
        }))
        .unwrap();
        card.ratings = ratings
            .iter()
            .map(|&(id, score)| {
                let entry = RatingEntry {
                    rating: Rating::from_score(score).unwrap(),
                    evidence: Box::default(),
                };
                (slug(id), entry)
            })
            .collect();
        card
    }

    fn draft(mut card: Scorecard) -> Scorecard {
        card.submitted_at = None;
        card
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    fn input(
        candidates: Vec<(Candidate, Vec<Scorecard>)>,
        templates: Vec<Template>,
    ) -> SummaryInput {
        SummaryInput {
            candidates,
            templates: templates.into_iter().map(|t| (t.id.clone(), t)).collect(),
        }
    }

    #[test]
    fn empty_input_empty_summary() {
        let summary = summarize(&SummaryInput::default());
        assert_eq!(summary, Summary::default());
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"candidates": [], "templates": [], "interviewers": [], "openings": []})
        );
    }

    #[test]
    fn one_candidate_end_to_end() {
        let t = template(
            "t",
            vec![
                dimension("fundamentals", 2.0, true),
                dimension("iac", 1.0, false),
                dimension("security", 1.0, true),
            ],
        );
        let mut ann = card(
            "Ann",
            "",
            &[("fundamentals", 4), ("iac", 3), ("security", 2)],
        );
        ann.recommendation = Some(Recommendation::Hire);
        ann.red_flags = vec!["Treats secrets casually".to_owned()];
        let mut bob = card(
            "Bob",
            "",
            &[("fundamentals", 3), ("iac", 0), ("security", 2)],
        );
        bob.recommendation = Some(Recommendation::NoHire);
        let mut pending = draft(card("Cy", "", &[("fundamentals", 1)]));
        pending.recommendation = Some(Recommendation::StrongNoHire);
        pending.red_flags = vec!["Never counted".to_owned()];
        let summary = summarize(&input(
            vec![(candidate("c-1", "Alex Doe", "t"), vec![ann, bob, pending])],
            vec![t],
        ));

        let [c] = summary.candidates.as_slice() else {
            panic!("one candidate")
        };
        assert_eq!((c.submitted, c.drafts), (2, 1));
        // fundamentals: mean 3.5 (weight 2); iac: 3 (weight 1); security: 2.
        // (2·3.5 + 3 + 2) / 4 = 3.
        assert!(close(c.weighted_score, 3.0));
        let ids: Vec<&str> = c.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["fundamentals", "iac", "security"]);
        assert_eq!(c.dimensions[1].n(), 1);
        assert_eq!(c.must_have_failures, [slug("security")]);
        assert_eq!(
            c.recommendations,
            RecommendationCounts {
                strong_no_hire: 0,
                no_hire: 1,
                hire: 1,
                strong_hire: 0,
            }
        );
        assert_eq!(
            c.red_flags,
            [RedFlag {
                flag: "Treats secrets casually".to_owned(),
                interviewer: "Ann".to_owned(),
            }]
        );
        // Units: fundamentals (4, 3), iac (3, –), security (2, 2).
        //        2  3  4 | n_c
        //   2  [ 2  0  0 ] 2
        //   3  [ 0  0  1 ] 1
        //   4  [ 0  1  0 ] 1
        // Ordinal δ²(3,4) = (1 + 1 − 1)² = 1, δ²(2,3) = (2 + 1 − 1.5)² = 2.25,
        // δ²(2,4) = (2 + 1 + 1 − 1.5)² = 6.25. Observed 2·1 = 2; expected
        // 2·(2·1·2.25 + 2·1·6.25 + 1·1·1) = 36; α = 1 − 3·2/36 = 5/6.
        assert!(close(c.agreement_alpha, 5.0 / 6.0));
        // Leniency: Ann (4 − 3) and (2 − 2) → 0.5; Bob → −0.5.
        // Adjusted: fundamentals Ann 3.5, Bob 3.5 → 3.5; iac Ann 2.5;
        // security Ann 1.5, Bob 2.5 → 2. (2·3.5 + 2.5 + 2) / 4 = 2.875.
        assert!(close(c.adjusted_weighted_score, 2.875));
        let names: Vec<(&str, usize, Option<f64>)> = summary
            .interviewers
            .iter()
            .map(|i| (i.name.as_str(), i.submitted, i.leniency))
            .collect();
        assert_eq!(names, [("Ann", 1, Some(0.5)), ("Bob", 1, Some(-0.5))]);
        assert_eq!(summary.templates.len(), 1);
        assert_eq!(summary.templates[0].candidates, 1);
        assert!(close(summary.templates[0].agreement_alpha, 5.0 / 6.0));
    }

    /// The interviewers' "Aggregates" keys only (name, submitted, leniency).
    fn aggregate_keys(interviewers: &serde_json::Value) -> serde_json::Value {
        interviewers
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                serde_json::json!({
                    "name": i["name"], "submitted": i["submitted"], "leniency": i["leniency"]
                })
            })
            .collect()
    }

    #[test]
    fn json_has_exactly_the_documented_shape() {
        let t = template(
            "t",
            vec![dimension("iac", 1.0, false), dimension("sec", 1.0, true)],
        );
        let mut ann = card("Priya Raman", "", &[("iac", 3), ("sec", 0)]);
        ann.recommendation = Some(Recommendation::StrongHire);
        ann.red_flags = vec!["Flag".to_owned()];
        let summary = summarize(&input(
            vec![(candidate("c-0042", "Alex Doe", "t"), vec![ann])],
            vec![t],
        ));
        let json = serde_json::to_value(&summary).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "candidates": [{
                    "id": "c-0042", "name": "Alex Doe", "template": "t",
                    "submitted": 1, "drafts": 0,
                    "weighted_score": 3.0, "adjusted_weighted_score": 3.0,
                    "dimensions": [
                        {"id": "iac", "n": 1, "mean": 3.0, "median": 3.0, "min": 3, "max": 3,
                         "spread": 0, "disagreement": false},
                        {"id": "sec", "n": 0, "mean": null, "median": null, "min": null,
                         "max": null, "spread": null, "disagreement": false}
                    ],
                    "must_have_failures": [],
                    "recommendations": {"strong_no_hire": 0, "no_hire": 0, "hire": 0, "strong_hire": 1},
                    "red_flags": [{"flag": "Flag", "interviewer": "Priya Raman"}],
                    "agreement_alpha": null,
                    "opening": null, "owed": 0, "overdue": 0, "decision": null
                }],
                "templates": [{"id": "t", "candidates": 1, "agreement_alpha": null}],
                "interviewers": [{
                    "name": "Priya Raman", "submitted": 1, "leniency": null,
                    "ratings": 1,
                    "distribution": {"does_not_meet": 0, "partially_meets": 0, "meets": 1, "exceeds": 0},
                    "mean_rating": 3.0, "rating_sd": null, "same_rating_share": null,
                    "mean_abs_deviation": null, "hire_share": 1.0, "decision_agreement": null,
                    "median_hours_to_submit": json["interviewers"][0]["median_hours_to_submit"]
                }],
                "openings": []
            })
        );
    }

    #[test]
    fn no_ratings_no_scores() {
        let t = template("t", vec![dimension("iac", 1.0, true)]);
        let summary = summarize(&input(
            vec![(
                candidate("c-1", "A", "t"),
                vec![card("Ann", "", &[("iac", 0)])],
            )],
            vec![t],
        ));
        let c = &summary.candidates[0];
        assert_eq!(c.weighted_score, None);
        assert_eq!(c.adjusted_weighted_score, None);
        // A must-have nobody could rate is not a failure.
        assert!(c.must_have_failures.is_empty());
        assert_eq!(c.agreement_alpha, None);
    }

    #[test]
    fn drafts_count_nowhere_but_drafts() {
        let t = template("t", vec![dimension("iac", 1.0, false)]);
        let summary = summarize(&input(
            vec![(
                candidate("c-1", "A", "t"),
                vec![draft(card("Ann", "", &[("iac", 4), ("old", 1)]))],
            )],
            vec![t],
        ));
        let c = &summary.candidates[0];
        assert_eq!((c.submitted, c.drafts), (0, 1));
        assert_eq!(c.dimensions.len(), 1, "a draft's unknown id is not listed");
        assert_eq!(c.dimensions[0].n(), 0);
        assert!(summary.interviewers.is_empty());
        assert_eq!(summary.templates[0].candidates, 1);
    }

    #[test]
    fn unknown_dimensions_are_listed_and_agreed_on_but_not_scored() {
        let t = template("t", vec![dimension("iac", 1.0, false)]);
        let summary = summarize(&input(
            vec![(
                candidate("c-1", "A", "t"),
                vec![
                    card("Ann", "", &[("iac", 4), ("zeta", 1), ("alpha", 2)]),
                    card("Bob", "", &[("iac", 4), ("zeta", 1), ("alpha", 2)]),
                ],
            )],
            vec![t],
        ));
        let c = &summary.candidates[0];
        let ids: Vec<&str> = c.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["iac", "alpha", "zeta"]);
        assert_eq!(c.weighted_score, Some(4.0));
        // Without the unknown units every value would be 4: alpha undefined.
        assert_eq!(c.agreement_alpha, Some(1.0));
    }

    #[test]
    fn a_missing_template_weighs_every_rated_dimension_one() {
        let summary = summarize(&input(
            vec![(
                candidate("c-1", "A", "gone"),
                vec![card("Ann", "", &[("b", 4), ("a", 1), ("c", 0)])],
            )],
            vec![],
        ));
        let c = &summary.candidates[0];
        let ids: Vec<&str> = c.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(c.weighted_score, Some(2.5));
        assert!(c.must_have_failures.is_empty());
        assert_eq!(summary.templates[0].id.as_str(), "gone");
        assert_eq!(summary.templates[0].candidates, 1);
    }

    #[test]
    fn template_alpha_pools_candidate_units() {
        let t = template("t", vec![dimension("iac", 1.0, false)]);
        // Each candidate alone has one unit with equal values: alpha undefined.
        // Pooled: units (2, 2) and (4, 4): perfect agreement over two values.
        let summary = summarize(&input(
            vec![
                (
                    candidate("c-2", "B", "t"),
                    vec![
                        card("Ann", "", &[("iac", 4)]),
                        card("Bob", "", &[("iac", 4)]),
                    ],
                ),
                (
                    candidate("c-1", "A", "t"),
                    vec![
                        card("Ann", "", &[("iac", 2)]),
                        card("Bob", "", &[("iac", 2)]),
                    ],
                ),
                (candidate("c-3", "C", "other"), vec![]),
            ],
            vec![t],
        ));
        let ids: Vec<&str> = summary.candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c-1", "c-2", "c-3"]);
        assert_eq!(summary.candidates[0].agreement_alpha, None);
        assert_eq!(summary.candidates[1].agreement_alpha, None);
        let templates: Vec<(&str, usize, Option<f64>)> = summary
            .templates
            .iter()
            .map(|t| (t.id.as_str(), t.candidates, t.agreement_alpha))
            .collect();
        assert_eq!(templates, [("other", 1, None), ("t", 2, Some(1.0))]);
        assert_eq!(summary.interviewers[0].submitted, 2);
        assert_eq!(summary.interviewers[0].leniency, Some(0.0));
    }

    #[test]
    fn adjusted_ratings_are_clamped() {
        // Ann is 3 above Bob on "iac": leniency +3 and −3. Adjusted "iac":
        // Ann 4 − 3 = 1, Bob 1 + 3 = 4, mean 2.5; "sec" (only Ann):
        // clamp(1 − 3, 1, 4) = 1, not −2.
        let t = template(
            "t",
            vec![dimension("iac", 1.0, false), dimension("sec", 1.0, false)],
        );
        let summary = summarize(&input(
            vec![(
                candidate("c-1", "A", "t"),
                vec![
                    card("Ann", "", &[("iac", 4), ("sec", 1)]),
                    card("Bob", "", &[("iac", 1)]),
                ],
            )],
            vec![t],
        ));
        let c = &summary.candidates[0];
        assert!(close(c.weighted_score, (2.5 + 1.0) / 2.0));
        assert!(close(c.adjusted_weighted_score, (2.5 + 1.0) / 2.0));
        assert_eq!(summary.interviewers[0].leniency, Some(3.0));
        assert_eq!(summary.interviewers[1].leniency, Some(-3.0));
    }

    #[test]
    fn red_flags_are_sorted_and_kept() {
        let t = template("t", vec![dimension("iac", 1.0, false)]);
        let mut a1 = card("Ann", "x", &[]);
        a1.red_flags = vec!["Z".to_owned(), "A".to_owned()];
        let mut a2 = card("Ann", "y", &[]);
        a2.red_flags = vec!["Z".to_owned()];
        let mut b = card("Bob", "", &[]);
        b.red_flags = vec!["A".to_owned()];
        let summary = summarize(&input(
            vec![(candidate("c-1", "A", "t"), vec![b, a2, a1])],
            vec![t],
        ));
        let flags: Vec<(&str, &str)> = summary.candidates[0]
            .red_flags
            .iter()
            .map(|f| (f.flag.as_str(), f.interviewer.as_str()))
            .collect();
        assert_eq!(
            flags,
            [("A", "Ann"), ("A", "Bob"), ("Z", "Ann"), ("Z", "Ann")]
        );
    }

    fn at(mut card: Scorecard, submitted_at: &str) -> Scorecard {
        card.submitted_at = Some(submitted_at.parse().unwrap());
        card
    }

    #[test]
    fn spellings_of_one_name_are_one_interviewer() {
        // Three spellings of Priya, on two candidates; Bob rates beside her.
        // The most recent submission (c-2, 12:00) spells her "priya raman".
        let t = template("t", vec![dimension("iac", 1.0, false)]);
        let mut first = at(
            card("Priya Raman", "", &[("iac", 4)]),
            "2026-11-21T11:00:00Z",
        );
        first.red_flags = vec!["Flag".to_owned()];
        let summary = summarize(&input(
            vec![
                (
                    candidate("c-1", "A", "t"),
                    vec![
                        first,
                        at(
                            card(" Priya  Raman ", "x", &[("iac", 4)]),
                            "2026-11-21T11:30:00Z",
                        ),
                        card("Bob", "", &[("iac", 2)]),
                    ],
                ),
                (
                    candidate("c-2", "B", "t"),
                    vec![
                        at(
                            card("priya raman", "", &[("iac", 3)]),
                            "2026-11-22T12:00:00Z",
                        ),
                        card("Bob", "", &[("iac", 3)]),
                        // A later draft does not name her.
                        draft(card("PRIYA RAMAN", "y", &[("iac", 1)])),
                    ],
                ),
            ],
            vec![t],
        ));
        let json = serde_json::to_value(&summary).unwrap();
        // Priya: (4 − 2), (4 − 2), (3 − 3): 4/3. Bob: (2 − 4) and (3 − 3): −1.
        assert_eq!(
            aggregate_keys(&json["interviewers"]),
            serde_json::json!([
                {"name": "Bob", "submitted": 2, "leniency": -1.0},
                {"name": "priya raman", "submitted": 3, "leniency": 4.0 / 3.0},
            ])
        );
        assert_eq!(
            json["candidates"][0]["red_flags"],
            serde_json::json!([{"flag": "Flag", "interviewer": "priya raman"}])
        );
        // Her own two scorecards on c-1 are never compared with each other:
        // the adjusted score moves both by her leniency.
        assert!(close(
            summary.candidates[0].adjusted_weighted_score,
            (2.0 * (4.0 - 4.0 / 3.0) + (2.0 + 1.0)) / 3.0
        ));
    }

    #[test]
    fn ties_in_time_take_the_name_that_sorts_last() {
        let t = template("t", vec![dimension("iac", 1.0, false)]);
        let cards = vec![
            card("ann lee", "", &[("iac", 4)]),
            card("Ann Lee", "x", &[]),
        ];
        let mut reversed = cards.clone();
        reversed.reverse();
        for cards in [cards, reversed] {
            let summary = summarize(&input(
                vec![(candidate("c-1", "A", "t"), cards)],
                vec![t.clone()],
            ));
            assert_eq!(summary.interviewers.len(), 1);
            assert_eq!(summary.interviewers[0].name, "ann lee");
        }
    }
}
