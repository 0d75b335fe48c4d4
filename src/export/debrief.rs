//! One candidate's debrief as Markdown, CSV and JSON (HTML is in
//! [`super::html`]).
//!
//! Every renderer reads the [`Debrief`] only: the name it prints is
//! [`Debrief::display_name`] (the alias in blind mode), and the evidence is
//! the debrief's own (already redacted in blind mode).

use std::fmt::{self, Write};

use serde::Serialize;

use super::ExportError;
use super::escape::escape_markdown;
use super::numbers::{MISSING, full_precision, two_decimals, whole};
use super::sheet::{Cell, Sheet, number, statistic_cells, text};
use crate::model::stats::{DimensionSummary, Figures, RecommendationCounts, RedFlag};
use crate::model::{
    Debrief, DebriefDimension, DebriefNudge, DebriefScorecard, EvidenceLine, NudgeKind,
    OwedScorecard, Rating, Recommendation, Slug, Timestamp,
};

/// The columns of [`debrief_csv`], in order.
pub const DEBRIEF_CSV_COLUMNS: [&str; 33] = [
    "record",
    "candidate_id",
    "candidate",
    "role",
    "level",
    "weighted_score",
    "adjusted_weighted_score",
    "agreement_alpha",
    "dimension_id",
    "dimension",
    "must_have",
    "must_have_failure",
    "n",
    "mean",
    "median",
    "min",
    "max",
    "spread",
    "disagreement",
    "interviewer",
    "stage",
    "submitted_at",
    "recommendation",
    "rating",
    "score",
    "evidence",
    "red_flag",
    "draft_started_at",
    "after_decision",
    "interview_at",
    "due",
    "nudge",
    "nudge_term",
];

/// The debrief as a Markdown document: headline numbers, must-have
/// failures, red flags, the ratings matrix, the dimensions (disagreements
/// first), the evidence by dimension and the pending drafts. Numbers have
/// two decimals; user text is escaped ([`escape_markdown`]).
pub fn debrief_markdown(debrief: &Debrief) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _infallible = write_markdown(&mut out, debrief);
    out
}

fn write_markdown(out: &mut String, d: &Debrief) -> fmt::Result {
    let s = &d.summary;
    writeln!(out, "# Debrief: {}", escape_markdown(&d.display_name))?;
    writeln!(out)?;
    writeln!(out, "{}", subtitle(d, escape_markdown, "`"))?;
    if d.blind {
        writeln!(out)?;
        writeln!(
            out,
            "*Blind mode: the candidate's name is replaced by an alias, in the evidence too.*"
        )?;
    }
    writeln!(out)?;
    writeln!(out, "- **Scorecards:** {}", scorecard_counts(d))?;
    writeln!(
        out,
        "- **Weighted score:** {} (leniency-adjusted: {}), on a scale of 1 to 4",
        two_decimals(s.weighted_score),
        two_decimals(s.adjusted_weighted_score)
    )?;
    writeln!(
        out,
        "- **Agreement:** Krippendorff's alpha {}, {}",
        two_decimals(s.agreement_alpha),
        d.alpha_reading
    )?;
    writeln!(
        out,
        "- **Recommendations:** {}",
        tally(&s.recommendations)
            .iter()
            .map(|(r, n)| format!("{} {n}", r.label().to_lowercase()))
            .collect::<Vec<_>>()
            .join(" · ")
    )?;
    if let Some(opening) = &d.opening {
        writeln!(out, "- **Opening:** {}", escape_markdown(opening))?;
    }
    if let Some(decision) = &d.decision {
        writeln!(out)?;
        writeln!(out, "## Decision")?;
        writeln!(out)?;
        writeln!(
            out,
            "**{}**, decided by {} on {}.",
            decision.verdict.label(),
            escape_markdown(&decision.decided_by),
            decision.decided_at
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "> {}",
            evidence_markdown(&decision.rationale).replace("\\\n  ", "\\\n> ")
        )?;
        if decision.changed_after > 0 {
            writeln!(out)?;
            writeln!(
                out,
                "*{} submitted after the decision (marked below).*",
                scorecards_noun(decision.changed_after)
            )?;
        }
    }
    if !d.owed.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Owed scorecards")?;
        writeln!(out)?;
        for owed in &d.owed {
            writeln!(out, "- {}", owed_line(owed, escape_markdown))?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Must-have failures")?;
    writeln!(out)?;
    let failures = must_have_failures(d);
    if failures.is_empty() {
        writeln!(out, "None.")?;
    }
    for dimension in failures {
        writeln!(
            out,
            "- {} (mean {}, below Meets)",
            escape_markdown(&dimension.name),
            two_decimals(dimension.stats.mean())
        )?;
    }

    writeln!(out)?;
    writeln!(out, "## Red flags")?;
    writeln!(out)?;
    if s.red_flags.is_empty() {
        writeln!(out, "None raised.")?;
    }
    for flag in &s.red_flags {
        writeln!(
            out,
            "- {} (raised by {})",
            escape_markdown(&flag.flag),
            escape_markdown(&flag.interviewer)
        )?;
    }

    writeln!(out)?;
    writeln!(out, "## Ratings")?;
    writeln!(out)?;
    if d.scorecards.is_empty() {
        writeln!(out, "No submitted scorecard yet.")?;
    } else {
        write!(out, "| Dimension |")?;
        for card in &d.scorecards {
            write!(out, " {} |", escape_markdown(&scorecard_label(card)))?;
        }
        writeln!(out)?;
        writeln!(out, "|---|{}", ":-:|".repeat(d.scorecards.len()))?;
        for dimension in template_order(d) {
            write!(out, "| {} |", escape_markdown(&dimension.name))?;
            for rating in &dimension.ratings {
                write!(out, " {} |", rating_mark(*rating))?;
            }
            writeln!(out)?;
        }
        write!(out, "| **Recommendation** |")?;
        for card in &d.scorecards {
            write!(out, " {} |", recommendation_text(card.recommendation))?;
        }
        writeln!(out)?;
        writeln!(out)?;
        writeln!(out, "{RATING_LEGEND}")?;
    }

    writeln!(out)?;
    writeln!(out, "## Dimensions, disagreements first")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Dimension | Must-have | n | Mean | Median | Min | Max | Spread | Disagreement |"
    )?;
    writeln!(out, "|---|:-:|--:|--:|--:|--:|--:|--:|:-:|")?;
    for dimension in &d.dimensions {
        let st = &dimension.stats;
        let [n, mean, median, min, max, spread] = statistic_texts(st);
        writeln!(
            out,
            "| {} | {} | {n} | {mean} | {median} | {min} | {max} | {spread} | {} |",
            escape_markdown(&dimension.name),
            must_have_text(dimension),
            if st.disagreement() { "**yes**" } else { "no" },
        )?;
    }

    writeln!(out)?;
    writeln!(out, "## Evidence by dimension")?;
    for dimension in &d.dimensions {
        writeln!(out)?;
        writeln!(out, "### {}", escape_markdown(&dimension.name))?;
        writeln!(out)?;
        if dimension.evidence.is_empty() {
            writeln!(out, "No evidence written.")?;
        }
        for line in &dimension.evidence {
            writeln!(
                out,
                "- **{}** ({}, {}): {}",
                escape_markdown(&line.interviewer),
                escape_markdown(&line.stage),
                line.rating.label(),
                evidence_markdown(&line.text)
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Evidence nudges")?;
    writeln!(out)?;
    if d.nudges.is_empty() {
        writeln!(out, "None.")?;
    } else {
        writeln!(
            out,
            "*{NUDGES_LEGEND}: for the panel to weigh, never a verdict.*"
        )?;
        writeln!(out)?;
    }
    for nudge in &d.nudges {
        writeln!(out, "- {}", nudge_line(d, nudge, escape_markdown))?;
    }

    writeln!(out)?;
    writeln!(out, "## Pending drafts")?;
    writeln!(out)?;
    if d.pending.is_empty() {
        writeln!(out, "None.")?;
    }
    for draft in &d.pending {
        writeln!(
            out,
            "- {} ({}), started {}",
            escape_markdown(&draft.interviewer),
            escape_markdown(&draft.stage),
            draft.started_at
        )?;
    }
    Ok(())
}

/// "1 scorecard", "2 scorecards".
pub(crate) fn scorecards_noun(n: usize) -> String {
    if n == 1 {
        "1 scorecard".to_owned()
    } else {
        format!("{n} scorecards")
    }
}

/// "Sam Lee (Incident bridge), interview 2026-11-21T10:00:00Z, overdue by
/// 62.0 h (due 2026-11-22T10:00:00Z), draft started", text escaped by
/// `escape`.
pub(crate) fn owed_line(owed: &OwedScorecard, escape: fn(&str) -> String) -> String {
    let state = if owed.overdue {
        format!("overdue by {:.1} h (due {})", owed.hours_overdue, owed.due)
    } else {
        format!("due {}", owed.due)
    };
    format!(
        "{} ({}), interview {}, {state}{}",
        escape(&owed.interviewer),
        escape(&owed.stage),
        owed.at,
        if owed.draft { ", draft started" } else { "" }
    )
}

/// What the nudges are, said where they are listed.
pub const NUDGES_LEGEND: &str =
    "Remarks that may not be about the job, and extreme ratings with little evidence";

/// "Sam Lee (Incident bridge), System design: thin evidence", text escaped
/// by `escape`.
pub fn nudge_line(d: &Debrief, nudge: &DebriefNudge, escape: fn(&str) -> String) -> String {
    format!(
        "{} ({}), {}: {}",
        escape(&nudge.interviewer),
        escape(&nudge.stage),
        escape(d.nudge_place(nudge)),
        escape(&nudge.what())
    )
}

/// Multi-line evidence inside a list item: each line escaped, joined by
/// hard line breaks and indented as the item's continuation.
fn evidence_markdown(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(escape_markdown)
        .collect::<Vec<_>>()
        .join("\\\n  ")
}

/// The debrief as CSV, one record per line; the first column, `record`,
/// says what the line is:
///
/// - `rating`: one per dimension × submitted scorecard (dimensions
///   disagreements first, then scorecards by interviewer and stage), with
///   the dimension's statistics, the scorecard, its rating (`rating`,
///   `score`; both empty if the scorecard did not rate the dimension) and
///   its evidence;
/// - `red_flag`: one per flag raised, with `interviewer` and `red_flag`;
/// - `draft`: one per pending draft, with `interviewer`, `stage` and
///   `draft_started_at`;
/// - `decision`: the panel's decision, if recorded: `interviewer` who
///   decided, `submitted_at` when, `recommendation` the decision (`Hire`,
///   `No hire`), `evidence` the rationale;
/// - `owed` and `overdue`: one per scorecard a planned interview owes,
///   with `interviewer`, `stage`, `interview_at`, `due` and
///   `draft_started_at` (`true` if a draft is started, else empty).
///
/// With a decision, each `rating` line's `after_decision` says whether its
/// scorecard was submitted after it (`changed_after`); without, it is empty.
///
/// The candidate's columns (`candidate_id` … `agreement_alpha`) are on every
/// line. Columns: [`DEBRIEF_CSV_COLUMNS`]. Numbers are unrounded, missing
/// ones empty; booleans are `true`/`false`; text cells starting with `=`,
/// `+`, `-`, `@`, tab or CR get a leading `'`.
pub fn debrief_csv(d: &Debrief) -> Result<String, ExportError> {
    let s = &d.summary;
    let mut sheet = Sheet::new(&DEBRIEF_CSV_COLUMNS)?;
    let candidate = |record: &str| {
        vec![
            text(record),
            text(d.candidate.as_str()),
            text(d.display_name.as_str()),
            text(d.role.as_str()),
            text(d.level.as_str()),
            number(full_precision(s.weighted_score)),
            number(full_precision(s.adjusted_weighted_score)),
            number(full_precision(s.agreement_alpha)),
        ]
    };
    for dimension in &d.dimensions {
        let st = &dimension.stats;
        for (index, card) in d.scorecards.iter().enumerate() {
            let rating = dimension.ratings.get(index).copied().flatten();
            let evidence = rating
                .and_then(|r| evidence_of(dimension, card, r))
                .map(|line| line.text.as_str())
                .unwrap_or_default();
            let mut row = candidate("rating");
            row.extend([
                text(dimension.id.as_str()),
                text(dimension.name.as_str()),
                text(dimension.must_have.to_string()),
                text(dimension.must_have_failure.to_string()),
            ]);
            row.extend(statistic_cells(st));
            row.extend([
                text(card.interviewer.as_str()),
                text(card.stage.as_str()),
                text(card.submitted_at.map(|t| t.to_string()).unwrap_or_default()),
                text(card.recommendation.map(|r| r.label()).unwrap_or_default()),
                text(rating.map(|r| r.label()).unwrap_or_default()),
                number(whole(rating.and_then(Rating::score))),
                text(evidence),
            ]);
            row.extend(empty_cells(2));
            row.push(text(match d.decision {
                Some(_) => card.after_decision.to_string(),
                None => String::new(),
            }));
            row.extend(empty_cells(4));
            sheet.row(row)?;
        }
    }
    for flag in &s.red_flags {
        let mut row = candidate("red_flag");
        row.extend(empty_cells(11));
        row.push(text(flag.interviewer.as_str()));
        row.extend(empty_cells(6));
        row.push(text(flag.flag.as_str()));
        row.extend(empty_cells(6));
        sheet.row(row)?;
    }
    for draft in &d.pending {
        let mut row = candidate("draft");
        row.extend(empty_cells(11));
        row.push(text(draft.interviewer.as_str()));
        row.push(text(draft.stage.as_str()));
        row.extend(empty_cells(6));
        row.push(text(draft.started_at.to_string()));
        row.extend(empty_cells(5));
        sheet.row(row)?;
    }
    if let Some(decision) = &d.decision {
        let mut row = candidate("decision");
        row.extend(empty_cells(11));
        row.push(text(decision.decided_by.as_str()));
        row.push(text(""));
        row.push(text(decision.decided_at.to_string()));
        row.push(text(decision.verdict.label()));
        row.extend(empty_cells(2));
        row.push(text(decision.rationale.as_str()));
        row.extend(empty_cells(7));
        sheet.row(row)?;
    }
    for owed in &d.owed {
        let mut row = candidate(if owed.overdue { "overdue" } else { "owed" });
        row.extend(empty_cells(11));
        row.push(text(owed.interviewer.as_str()));
        row.push(text(owed.stage.as_str()));
        row.extend(empty_cells(6));
        row.push(text(if owed.draft { "true" } else { "" }));
        row.push(text(""));
        row.push(text(owed.at.to_string()));
        row.push(text(owed.due.to_string()));
        row.extend(empty_cells(2));
        sheet.row(row)?;
    }
    for nudge in &d.nudges {
        let mut row = candidate("nudge");
        // The notes and red flags have no dimension: both cells empty.
        let id = nudge.dimension.as_ref().map(Slug::as_str);
        row.push(text(id.unwrap_or_default()));
        row.push(text(id.map(|_| d.nudge_place(nudge)).unwrap_or_default()));
        row.extend(empty_cells(9));
        row.push(text(nudge.interviewer.as_str()));
        row.push(text(nudge.stage.as_str()));
        row.extend(empty_cells(10));
        row.push(text(nudge.kind.id()));
        row.push(text(nudge.term.as_deref().unwrap_or_default()));
        sheet.row(row)?;
    }
    sheet.finish()
}

fn empty_cells(count: usize) -> impl Iterator<Item = Cell> {
    (0..count).map(|_| text(""))
}

/// The evidence `card` wrote for `dimension` with rating `rating`.
fn evidence_of<'a>(
    dimension: &'a DebriefDimension,
    card: &DebriefScorecard,
    rating: Rating,
) -> Option<&'a EvidenceLine> {
    dimension.evidence.iter().find(|line| {
        line.interviewer == card.interviewer && line.stage == card.stage && line.rating == rating
    })
}

/// The debrief as pretty-printed JSON: the candidate's summary keys
/// (`id`, `name` — the alias in blind mode —, `template`, `submitted`,
/// `drafts`, `weighted_score`, `adjusted_weighted_score`,
/// `agreement_alpha`, `recommendations`, `must_have_failures`,
/// `red_flags`) plus `blind`, `role`, `level`, `agreement_reading`,
/// `scorecards` (each with `after_decision`), `dimensions` (disagreements
/// first, each with its `ratings` by scorecard and its `evidence`),
/// `pending`, `opening` (its title or null), `decision` (`decision`:
/// `hire`/`no_hire`, `decided_by`, `decided_at`, `rationale`,
/// `changed_after`; or null), `owed` (`interviewer`, `stage`, `at`,
/// `due`, `overdue`, `hours_overdue`, `draft`) and `nudges`
/// (`{"interviewer", "stage", "dimension" or null, "kind", "term" or
/// null}`, DESIGN.md "Evidence nudges"). Floats are
/// unrounded, missing values `null`; ratings and recommendations are named
/// as in the RON files (`"Meets"`, `"StrongHire"`).
pub fn debrief_json(d: &Debrief) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(&DebriefJson::new(d))?;
    text.push('\n');
    Ok(text)
}

#[derive(Serialize)]
struct DebriefJson<'a> {
    id: &'a Slug,
    name: &'a str,
    blind: bool,
    template: &'a Slug,
    role: &'a str,
    level: &'a str,
    submitted: usize,
    drafts: usize,
    weighted_score: Option<f64>,
    adjusted_weighted_score: Option<f64>,
    agreement_alpha: Option<f64>,
    agreement_reading: &'a str,
    recommendations: &'a RecommendationCounts,
    must_have_failures: &'a [Slug],
    red_flags: &'a [RedFlag],
    scorecards: Vec<ScorecardJson<'a>>,
    dimensions: Vec<DimensionJson<'a>>,
    pending: Vec<PendingJson<'a>>,
    opening: Option<&'a str>,
    decision: Option<DecisionJson<'a>>,
    owed: Vec<OwedJson<'a>>,
    nudges: Vec<NudgeJson<'a>>,
}

#[derive(Serialize)]
struct DecisionJson<'a> {
    decision: &'static str,
    decided_by: &'a str,
    decided_at: Timestamp,
    rationale: &'a str,
    changed_after: usize,
}

#[derive(Serialize)]
struct OwedJson<'a> {
    interviewer: &'a str,
    stage: &'a str,
    at: Timestamp,
    due: Timestamp,
    overdue: bool,
    hours_overdue: f64,
    draft: bool,
}

#[derive(Serialize)]
struct NudgeJson<'a> {
    interviewer: &'a str,
    stage: &'a str,
    dimension: Option<&'a Slug>,
    kind: NudgeKind,
    term: Option<&'a str>,
}

#[derive(Serialize)]
struct ScorecardJson<'a> {
    interviewer: &'a str,
    stage: &'a str,
    submitted_at: Option<Timestamp>,
    recommendation: Option<Recommendation>,
    after_decision: bool,
}

#[derive(Serialize)]
struct DimensionJson<'a> {
    id: &'a Slug,
    name: &'a str,
    must_have: bool,
    must_have_failure: bool,
    #[serde(flatten)]
    figures: Figures,
    ratings: Vec<RatingJson<'a>>,
    evidence: Vec<EvidenceJson<'a>>,
}

#[derive(Serialize)]
struct RatingJson<'a> {
    interviewer: &'a str,
    stage: &'a str,
    rating: Option<Rating>,
    score: Option<u8>,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    interviewer: &'a str,
    stage: &'a str,
    rating: Rating,
    text: &'a str,
}

#[derive(Serialize)]
struct PendingJson<'a> {
    interviewer: &'a str,
    stage: &'a str,
    started_at: Timestamp,
}

impl<'a> DebriefJson<'a> {
    fn new(d: &'a Debrief) -> Self {
        let s = &d.summary;
        Self {
            id: &d.candidate,
            name: &d.display_name,
            blind: d.blind,
            template: &s.template,
            role: &d.role,
            level: &d.level,
            submitted: s.submitted,
            drafts: s.drafts,
            weighted_score: s.weighted_score,
            adjusted_weighted_score: s.adjusted_weighted_score,
            agreement_alpha: s.agreement_alpha,
            agreement_reading: d.alpha_reading,
            recommendations: &s.recommendations,
            must_have_failures: &s.must_have_failures,
            red_flags: &s.red_flags,
            scorecards: d
                .scorecards
                .iter()
                .map(|card| ScorecardJson {
                    interviewer: &card.interviewer,
                    stage: &card.stage,
                    submitted_at: card.submitted_at,
                    recommendation: card.recommendation,
                    after_decision: card.after_decision,
                })
                .collect(),
            dimensions: d
                .dimensions
                .iter()
                .map(|dimension| DimensionJson {
                    id: &dimension.id,
                    name: &dimension.name,
                    must_have: dimension.must_have,
                    must_have_failure: dimension.must_have_failure,
                    figures: dimension.stats.figures(),
                    ratings: d
                        .scorecards
                        .iter()
                        .zip(&dimension.ratings)
                        .map(|(card, rating)| RatingJson {
                            interviewer: &card.interviewer,
                            stage: &card.stage,
                            rating: *rating,
                            score: rating.and_then(Rating::score),
                        })
                        .collect(),
                    evidence: dimension
                        .evidence
                        .iter()
                        .map(|line| EvidenceJson {
                            interviewer: &line.interviewer,
                            stage: &line.stage,
                            rating: line.rating,
                            text: &line.text,
                        })
                        .collect(),
                })
                .collect(),
            pending: d
                .pending
                .iter()
                .map(|draft| PendingJson {
                    interviewer: &draft.interviewer,
                    stage: &draft.stage,
                    started_at: draft.started_at,
                })
                .collect(),
            opening: d.opening.as_deref(),
            decision: d.decision.as_ref().map(|decision| DecisionJson {
                decision: decision.verdict.key(),
                decided_by: &decision.decided_by,
                decided_at: decision.decided_at,
                rationale: &decision.rationale,
                changed_after: decision.changed_after,
            }),
            nudges: d
                .nudges
                .iter()
                .map(|nudge| NudgeJson {
                    interviewer: &nudge.interviewer,
                    stage: &nudge.stage,
                    dimension: nudge.dimension.as_ref(),
                    kind: nudge.kind,
                    term: nudge.term.as_deref(),
                })
                .collect(),
            owed: d
                .owed
                .iter()
                .map(|owed| OwedJson {
                    interviewer: &owed.interviewer,
                    stage: &owed.stage,
                    at: owed.at,
                    due: owed.due,
                    overdue: owed.overdue,
                    hours_overdue: owed.hours_overdue,
                    draft: owed.draft,
                })
                .collect(),
        }
    }
}

// Shared by the Markdown and HTML renderers.

/// What the ratings legend says.
pub(crate) const RATING_LEGEND: &str = "1 = does not meet, 2 = partially meets, 3 = meets, \
     4 = exceeds, NS = no signal, · = not rated at that stage.";

/// "Role · Level · candidate `id`", with text escaped by `escape` and the id
/// wrapped in `code` marks.
pub(crate) fn subtitle(d: &Debrief, escape: fn(&str) -> String, code: &str) -> String {
    let mut parts = vec![escape(&d.role)];
    if !d.level.trim().is_empty() {
        parts.push(escape(&d.level));
    }
    parts.push(format!(
        "candidate {code}{}{code}",
        escape(d.candidate.as_str())
    ));
    parts.join(" · ")
}

/// "3 submitted, 1 draft pending".
pub(crate) fn scorecard_counts(d: &Debrief) -> String {
    format!(
        "{} submitted, {}",
        d.summary.submitted,
        drafts_pending(d.summary.drafts)
    )
}

/// "no draft pending", "1 draft pending", "2 drafts pending".
pub(crate) fn drafts_pending(drafts: usize) -> String {
    match drafts {
        0 => "no draft pending".to_owned(),
        1 => "1 draft pending".to_owned(),
        n => format!("{n} drafts pending"),
    }
}

/// The recommendation counts, from strong no hire to strong hire.
pub(crate) fn tally(counts: &RecommendationCounts) -> [(Recommendation, usize); 4] {
    [
        (Recommendation::StrongNoHire, counts.strong_no_hire),
        (Recommendation::NoHire, counts.no_hire),
        (Recommendation::Hire, counts.hire),
        (Recommendation::StrongHire, counts.strong_hire),
    ]
}

/// The must-have dimensions that fail, in dimension order.
pub(crate) fn must_have_failures(d: &Debrief) -> Vec<&DebriefDimension> {
    d.summary
        .must_have_failures
        .iter()
        .filter_map(|id| d.dimensions.iter().find(|dim| &dim.id == id))
        .collect()
}

/// The dimensions in template order (as the summary lists them), for the
/// ratings matrix.
pub(crate) fn template_order(d: &Debrief) -> Vec<&DebriefDimension> {
    d.summary
        .dimensions
        .iter()
        .filter_map(|stats| d.dimensions.iter().find(|dim| dim.id == stats.id))
        .collect()
}

/// "Priya Raman · Incident scenario walkthrough".
/// A scorecard submitted after the decision says so: "… (after the decision)".
pub(crate) fn scorecard_label(card: &DebriefScorecard) -> String {
    if card.after_decision {
        format!("{} · {} (after the decision)", card.interviewer, card.stage)
    } else {
        format!("{} · {}", card.interviewer, card.stage)
    }
}

/// A rating in the matrix: 1–4, `NS` for no signal, `·` when not rated.
pub(crate) fn rating_mark(rating: Option<Rating>) -> &'static str {
    match rating {
        Some(Rating::DoesNotMeet) => "1",
        Some(Rating::PartiallyMeets) => "2",
        Some(Rating::Meets) => "3",
        Some(Rating::Exceeds) => "4",
        Some(Rating::NoSignal) => "NS",
        None => "·",
    }
}

/// A recommendation's label, or [`MISSING`].
pub(crate) fn recommendation_text(recommendation: Option<Recommendation>) -> &'static str {
    recommendation.map_or(MISSING, Recommendation::label)
}

/// "yes", "**fails**" (a must-have below Meets) or "".
fn must_have_text(dimension: &DebriefDimension) -> &'static str {
    match (dimension.must_have, dimension.must_have_failure) {
        (_, true) => "**fails**",
        (true, false) => "yes",
        (false, false) => "",
    }
}

/// A dimension's `n`, mean, median, min, max and spread as the Markdown
/// and HTML debriefs print them.
pub(crate) fn statistic_texts(stats: &DimensionSummary) -> [String; 6] {
    let f = stats.figures();
    [
        f.n.to_string(),
        two_decimals(f.mean),
        two_decimals(f.median),
        optional_whole(f.min),
        optional_whole(f.max),
        optional_whole(f.spread),
    ]
}

/// A whole number, or [`MISSING`].
pub(crate) fn optional_whole(value: Option<u8>) -> String {
    value.map_or_else(|| MISSING.to_owned(), |v| v.to_string())
}
