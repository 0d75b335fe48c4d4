//! What a panel debrief shows for one candidate: the numbers, the evidence
//! grouped by dimension, the flags and the pending drafts. One view-model for
//! the debrief screen and every export, so they cannot disagree.

use super::stats::{CandidateSummary, DimensionSummary};
use std::collections::BTreeMap;

use super::{
    Candidate, Decision, InterviewerId, NameAsWritten, NudgeKind, NudgeList, PlannedInterview,
    Rating, Recommendation, Scorecard, Slug, Template, Timestamp, Verdict,
};

/// A plain reading of Krippendorff's alpha, after his guidance: reliable
/// from 0.800, tentatively from 0.667, not below.
pub fn alpha_reading(alpha: Option<f64>) -> &'static str {
    match alpha {
        None => "not enough overlap to tell",
        Some(a) if a >= 0.8 => "good",
        Some(a) if a >= 0.667 => "moderate",
        Some(_) => "poor",
    }
}

/// A stable alias for a candidate in blind mode, such as "Candidate 4F2A":
/// the same on every machine and every run, and not derived from the name.
pub fn blind_alias(candidate: &Slug) -> String {
    // FNV-1a: small, stable across platforms and releases (unlike std's
    // hasher), which is what an alias shown to a panel needs.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in candidate.as_str().bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("Candidate {:04X}", (hash ^ (hash >> 16)) & 0xffff)
}

/// `text` with the candidate's name, and each part of it, replaced by the
/// alias, ignoring case: evidence often names the person.
pub fn redact_name(text: &str, name: &str, alias: &str) -> String {
    let mut parts: Vec<&str> = vec![name.trim()];
    parts.extend(name.split_whitespace().filter(|p| p.chars().count() >= 2));
    // Longest first, so the full name is replaced before its parts.
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut out = text.to_owned();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        out = replace_ignoring_case(&out, part, alias);
    }
    out
}

fn replace_ignoring_case(text: &str, needle: &str, with: &str) -> String {
    let lower_text = text.to_lowercase();
    let lower_needle = needle.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; then fall back to
    // an exact-case replacement rather than risk cutting a character.
    if lower_text.len() != text.len() || lower_needle.len() != needle.len() {
        return text.replace(needle, with);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (at, _) in lower_text.match_indices(&lower_needle) {
        let end = at + needle.len();
        // Whole words only: "Al" is a name, not the start of "Also".
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(end..).and_then(|s| s.chars().next());
        if at < rest || is_word(before) || is_word(after) {
            continue;
        }
        out.push_str(text.get(rest..at).unwrap_or_default());
        out.push_str(with);
        rest = end;
    }
    out.push_str(text.get(rest..).unwrap_or_default());
    out
}

/// One piece of evidence: who wrote what, at which stage, with which rating.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceLine {
    /// The interviewer.
    pub interviewer: String,
    /// The stage's display name.
    pub stage: String,
    /// The rating it backs.
    pub rating: Rating,
    /// The note.
    pub text: String,
}

/// A dimension at the debrief.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefDimension {
    /// Id.
    pub id: Slug,
    /// Name (the id if the template no longer has it).
    pub name: String,
    /// Whether a low mean fails the candidate.
    pub must_have: bool,
    /// Whether it is a must-have whose mean is below *Meets*.
    pub must_have_failure: bool,
    /// The numbers.
    pub stats: DimensionSummary,
    /// Every rating of it, by submitted scorecard, in [`Debrief::scorecards`] order.
    pub ratings: Vec<Option<Rating>>,
    /// Non-empty evidence from submitted scorecards.
    pub evidence: Vec<EvidenceLine>,
}

/// A submitted scorecard, as a column of the debrief.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefScorecard {
    /// The interviewer.
    pub interviewer: String,
    /// The stage's display name.
    pub stage: String,
    /// When it was submitted.
    pub submitted_at: Option<Timestamp>,
    /// The verdict.
    pub recommendation: Option<Recommendation>,
    /// Whether it was submitted (or amended and submitted again) after the
    /// panel's decision (`changed_after`).
    pub after_decision: bool,
}

/// The panel's decision, as the debrief shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefDecision {
    /// Hire or no hire.
    pub verdict: Verdict,
    /// Who decided.
    pub decided_by: String,
    /// When.
    pub decided_at: Timestamp,
    /// Why (in blind mode with the candidate's name replaced).
    pub rationale: String,
    /// Submitted scorecards whose `submitted_at` is after `decided_at`.
    pub changed_after: usize,
}

/// A scorecard a planned interview still owes.
#[derive(Clone, Debug, PartialEq)]
pub struct OwedScorecard {
    /// The interviewer, as planned.
    pub interviewer: String,
    /// The stage's display name.
    pub stage: String,
    /// When the interview was.
    pub at: Timestamp,
    /// When the scorecard is due.
    pub due: Timestamp,
    /// Whether it is past due.
    pub overdue: bool,
    /// Hours past due (0 when not overdue).
    pub hours_overdue: f64,
    /// Whether a draft is started.
    pub draft: bool,
}

/// A nudge of a submitted scorecard, as the panel sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct DebriefNudge {
    /// The interviewer.
    pub interviewer: String,
    /// The stage's display name.
    pub stage: String,
    /// The dimension's id, or `None` for the notes and red flags.
    pub dimension: Option<Slug>,
    /// What the nudge is about.
    pub kind: NudgeKind,
    /// The term found, for `non_job_related`.
    pub term: Option<String>,
}

impl DebriefNudge {
    /// What the nudge says: "thin evidence", or "not job-related" with the
    /// term found in quotes.
    pub fn what(&self) -> String {
        match &self.term {
            Some(term) => format!("{} \u{201c}{term}\u{201d}", self.kind.label()),
            None => self.kind.label().to_owned(),
        }
    }
}

/// A draft still outstanding.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingDraft {
    /// The interviewer.
    pub interviewer: String,
    /// The stage's display name.
    pub stage: String,
    /// When it was started.
    pub started_at: Timestamp,
}

/// Everything the debrief of one candidate shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Debrief {
    /// The candidate's id.
    pub candidate: Slug,
    /// Their name, or their alias in blind mode.
    pub display_name: String,
    /// The role, or the template id if the template is gone.
    pub role: String,
    /// The level.
    pub level: String,
    /// The aggregates.
    pub summary: CandidateSummary,
    /// Dimensions, disagreements first (largest spread first), then in
    /// template order.
    pub dimensions: Vec<DebriefDimension>,
    /// Submitted scorecards, by interviewer ([`InterviewerId`]) then stage.
    /// Each interviewer is named as in their most recent scorecard for
    /// this candidate, drafts included ([`NameAsWritten`]), here, in the
    /// evidence and in the pending drafts.
    pub scorecards: Vec<DebriefScorecard>,
    /// Drafts still pending, by interviewer ([`InterviewerId`]) then stage.
    pub pending: Vec<PendingDraft>,
    /// [`alpha_reading`] of the candidate's alpha.
    pub alpha_reading: &'static str,
    /// Whether names were replaced by aliases.
    pub blind: bool,
    /// The nudges of the submitted scorecards, in [`Debrief::scorecards`]
    /// order (empty from [`Debrief::build`]).
    pub nudges: Vec<DebriefNudge>,
    /// The title of the candidate's opening, if they have one.
    pub opening: Option<String>,
    /// The panel's decision, if recorded.
    pub decision: Option<DebriefDecision>,
    /// Scorecards owed by planned interviews, overdue first, then by due
    /// time.
    pub owed: Vec<OwedScorecard>,
}

impl Debrief {
    /// Where `nudge` sits: its dimension's name, or "notes or red flags".
    pub fn nudge_place(&self, nudge: &DebriefNudge) -> &str {
        nudge
            .dimension
            .as_ref()
            .and_then(|id| self.dimensions.iter().find(|dim| &dim.id == id))
            .map_or("notes or red flags", |dim| dim.name.as_str())
    }

    /// Builds the debrief of `candidate` from their scorecards (drafts
    /// included), their template if it is still in effect, and their
    /// summary. In `blind` mode the candidate's name becomes
    /// [`blind_alias`], in the evidence and the red flags too (free text
    /// often names the person).
    pub fn build(
        candidate: &Candidate,
        scorecards: &[Scorecard],
        template: Option<&Template>,
        summary: &CandidateSummary,
        blind: bool,
    ) -> Self {
        Self::build_with_nudges(
            candidate,
            scorecards,
            template,
            summary,
            blind,
            &NudgeList::default(),
        )
    }

    /// [`Debrief::build`], listing the nudges `list` finds in each
    /// submitted scorecard ([`NudgeList::nudges`]).
    pub fn build_with_nudges(
        candidate: &Candidate,
        scorecards: &[Scorecard],
        template: Option<&Template>,
        summary: &CandidateSummary,
        blind: bool,
        list: &NudgeList,
    ) -> Self {
        let alias = blind_alias(&candidate.id);
        let scrub = |text: &str| {
            if blind {
                redact_name(text, &candidate.name, &alias)
            } else {
                text.to_owned()
            }
        };
        let stage_name = |stage: &str| match template.and_then(|t| t.exercise(stage)) {
            Some(exercise) => exercise.name.clone(),
            None if stage.is_empty() => "General interview".to_owned(),
            None => stage.to_owned(),
        };
        let mut names: BTreeMap<InterviewerId, NameAsWritten<'_>> = BTreeMap::new();
        for card in scorecards {
            names.entry(InterviewerId::of(card)).or_default().see(card);
        }
        let name_of = |card: &Scorecard| {
            names
                .get(&InterviewerId::of(card))
                .and_then(NameAsWritten::name)
                .unwrap_or(card.interviewer.trim())
                .to_owned()
        };
        let by_person = |card: &Scorecard| (InterviewerId::of(card), card.stage.clone());
        let mut submitted: Vec<&Scorecard> =
            scorecards.iter().filter(|s| s.is_submitted()).collect();
        submitted.sort_by_cached_key(|card| by_person(card));
        let mut drafts: Vec<&Scorecard> = scorecards.iter().filter(|s| !s.is_submitted()).collect();
        drafts.sort_by_cached_key(|card| by_person(card));
        let pending: Vec<PendingDraft> = drafts
            .iter()
            .map(|s| PendingDraft {
                interviewer: name_of(s),
                stage: stage_name(&s.stage),
                started_at: s.started_at,
            })
            .collect();

        let mut dimensions: Vec<DebriefDimension> = summary
            .dimensions
            .iter()
            .map(|stats| {
                let id = stats.id.as_str();
                let dimension = template.and_then(|t| t.dimension(id));
                let evidence = submitted
                    .iter()
                    .filter_map(|card| {
                        let entry = card.ratings.get(id)?;
                        let text = entry.evidence.trim();
                        (!text.is_empty()).then(|| EvidenceLine {
                            interviewer: name_of(card),
                            stage: stage_name(&card.stage),
                            rating: entry.rating,
                            text: scrub(text),
                        })
                    })
                    .collect();
                DebriefDimension {
                    id: stats.id.clone(),
                    name: dimension.map_or_else(|| id.to_owned(), |d| d.name.clone()),
                    must_have: dimension.is_some_and(|d| d.must_have),
                    must_have_failure: summary.must_have_failures.contains(&stats.id),
                    stats: stats.clone(),
                    ratings: submitted.iter().map(|card| card.rating(id)).collect(),
                    evidence,
                }
            })
            .collect();
        // Stable: equal spreads keep template order.
        dimensions.sort_by_key(|d| {
            (
                !d.stats.disagreement(),
                std::cmp::Reverse(d.stats.spread().unwrap_or(0)),
            )
        });

        let nudges = submitted
            .iter()
            .flat_map(|card| {
                list.nudges(card).into_iter().map(|nudge| DebriefNudge {
                    interviewer: name_of(card),
                    stage: stage_name(&card.stage),
                    dimension: nudge.dimension,
                    kind: nudge.kind,
                    term: nudge.term,
                })
            })
            .collect();

        let mut summary = summary.clone();
        if blind {
            summary.name = alias.clone();
            for flag in &mut summary.red_flags {
                flag.flag = scrub(&flag.flag);
            }
        }
        Self {
            candidate: candidate.id.clone(),
            display_name: if blind { alias } else { candidate.name.clone() },
            role: template.map_or_else(|| candidate.template.to_string(), |t| t.role.clone()),
            level: template.map(|t| t.level.clone()).unwrap_or_default(),
            alpha_reading: alpha_reading(summary.agreement_alpha),
            summary,
            dimensions,
            scorecards: submitted
                .iter()
                .map(|card| DebriefScorecard {
                    interviewer: name_of(card),
                    stage: stage_name(&card.stage),
                    submitted_at: card.submitted_at,
                    recommendation: card.recommendation,
                    after_decision: false,
                })
                .collect(),
            pending,
            blind,
            nudges,
            opening: None,
            decision: None,
            owed: Vec::new(),
        }
    }

    /// Adds the hiring loop: the opening's title, the decision (marking
    /// the scorecards submitted after it) and the scorecards `planned`
    /// interviews still owe (all states may be given; only owed ones are
    /// kept). `template` names the stages, as in [`Debrief::build`];
    /// `candidate` is whose name blind mode hides in the rationale.
    #[must_use]
    pub fn with_loop(
        mut self,
        candidate: &Candidate,
        template: Option<&Template>,
        opening: Option<&str>,
        decision: Option<&Decision>,
        planned: &[PlannedInterview<'_>],
    ) -> Self {
        let stage_name = |stage: &str| match template.and_then(|t| t.exercise(stage)) {
            Some(exercise) => exercise.name.clone(),
            None if stage.is_empty() => "General interview".to_owned(),
            None => stage.to_owned(),
        };
        self.opening = opening.map(str::to_owned);
        if let Some(decision) = decision {
            for card in &mut self.scorecards {
                card.after_decision = card.submitted_at.is_some_and(|t| t > decision.decided_at);
            }
            let rationale = if self.blind {
                redact_name(&decision.rationale, &candidate.name, &self.display_name)
            } else {
                decision.rationale.clone()
            };
            self.decision = Some(DebriefDecision {
                verdict: decision.decision,
                decided_by: decision.decided_by.trim().to_owned(),
                decided_at: decision.decided_at,
                rationale,
                changed_after: self.scorecards.iter().filter(|c| c.after_decision).count(),
            });
        }
        let mut owed: Vec<PlannedInterview<'_>> = planned
            .iter()
            .filter(|p| p.state.is_owed())
            .cloned()
            .collect();
        super::sort_pending(&mut owed);
        self.owed = owed
            .iter()
            .map(|p| OwedScorecard {
                interviewer: p.interview.interviewer.trim().to_owned(),
                stage: stage_name(&p.interview.stage),
                at: p.interview.at,
                due: p.due,
                overdue: p.state == super::InterviewState::Overdue,
                hours_overdue: p.hours_overdue,
                draft: p.draft,
            })
            .collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_stable_and_distinct() {
        let a = blind_alias(&Slug::new("c-0042").unwrap());
        assert_eq!(a, blind_alias(&Slug::new("c-0042").unwrap()));
        assert_ne!(a, blind_alias(&Slug::new("c-0043").unwrap()));
        assert!(a.starts_with("Candidate ") && a.len() == "Candidate 0000".len());
    }

    #[test]
    fn names_are_redacted_in_any_case() {
        let out = redact_name(
            "Alex explained it; alex DOE later asked",
            "Alex Doe",
            "Candidate 1",
        );
        assert_eq!(out, "Candidate 1 explained it; Candidate 1 later asked");
        assert_eq!(redact_name("no name here", "Alex Doe", "X"), "no name here");
        assert_eq!(
            redact_name("Al also asked Al.", "Al Bo", "X"),
            "X also asked X."
        );
    }

    #[test]
    fn alpha_readings_follow_krippendorff() {
        assert_eq!(alpha_reading(Some(0.85)), "good");
        assert_eq!(alpha_reading(Some(0.7)), "moderate");
        assert_eq!(alpha_reading(Some(0.2)), "poor");
        assert_eq!(alpha_reading(None), "not enough overlap to tell");
    }
}
