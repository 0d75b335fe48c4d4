//! Evidence nudges (DESIGN.md "Evidence nudges"): a gentle, never blocking
//! check of what an interviewer wrote.
//!
//! - `non_job_related`: evidence, notes or a red flag mentions a term of
//!   the [`NudgeList`], matched as whole words, ignoring case.
//! - `thin_evidence`: a *Does not meet* or *Exceeds* rating whose evidence
//!   has fewer than [`THIN_EVIDENCE_WORDS`] words.
//!
//! Words are the runs of letters and digits (Unicode), so punctuation,
//! hyphens and apostrophes separate them: "culture-fit" and "Culture fit."
//! both hold the term "culture fit", "wife's" holds "wife", and "page"
//! never holds "age". A term of several words matches those words in a row.
//! For `thin_evidence`, a word is a run separated by white space that holds
//! a letter, so a time stamp such as `[04:10]` is not a word.

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, Problem, Rating, Scorecard, Slug};

/// Fewer words than this under a *Does not meet* or *Exceeds* is thin.
pub const THIN_EVIDENCE_WORDS: usize = 5;

/// The terms that are not job-related, by topic: `nudges.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NudgeList {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The topics, each with its terms.
    pub topics: Vec<NudgeTopic>,
}

/// One topic of the nudge list, such as "age", and the terms that touch it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NudgeTopic {
    /// What the terms are about, for people: "age", "family".
    pub name: String,
    /// Words or phrases, matched as whole words ignoring case.
    pub terms: Vec<String>,
}

/// What a nudge is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NudgeKind {
    /// A term of the nudge list: not about the job.
    NonJobRelated,
    /// An extreme rating with too little evidence behind it.
    ThinEvidence,
}

impl NudgeKind {
    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            NudgeKind::NonJobRelated => "not job-related",
            NudgeKind::ThinEvidence => "thin evidence",
        }
    }

    /// The kind as the exports name it (`non_job_related`, `thin_evidence`),
    /// as in the JSON.
    pub fn id(self) -> &'static str {
        match self {
            NudgeKind::NonJobRelated => "non_job_related",
            NudgeKind::ThinEvidence => "thin_evidence",
        }
    }
}

/// One nudge on one scorecard.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Nudge {
    /// The dimension whose evidence it concerns; `None` for the notes and
    /// red flags.
    pub dimension: Option<Slug>,
    /// What it is about.
    pub kind: NudgeKind,
    /// The term found (as written in the list), for `non_job_related`.
    pub term: Option<String>,
    /// The topic of the term, for `non_job_related`.
    pub topic: Option<String>,
}

impl Nudge {
    /// The quiet hint shown under a note.
    pub fn hint(&self) -> String {
        match (self.kind, &self.term, &self.topic) {
            (NudgeKind::NonJobRelated, Some(term), Some(topic)) => format!(
                "\u{201c}{term}\u{201d} touches on {topic}, which is not about the job; \
                 is it evidence of a dimension?"
            ),
            (NudgeKind::NonJobRelated, _, _) => {
                "This mentions something that is not about the job".to_owned()
            }
            (NudgeKind::ThinEvidence, _, _) => format!(
                "An extreme rating reads better with evidence of {THIN_EVIDENCE_WORDS} words \
                 or more: what did the candidate say or do?"
            ),
        }
    }
}

impl NudgeList {
    /// Rules a parsed list must follow, with where each break is.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let root = FieldPath::root();
        if self.topics.is_empty() {
            problems.push(Problem::new(
                root.field("topics"),
                "a nudge list needs at least one topic",
            ));
        }
        for (i, topic) in self.topics.iter().enumerate() {
            let at = root.field("topics").index(i);
            if topic.name.trim().is_empty() {
                problems.push(Problem::new(at.field("name"), "a topic needs a name"));
            }
            if topic.terms.is_empty() {
                problems.push(Problem::new(
                    at.field("terms"),
                    format!("topic {:?} has no terms", topic.name),
                ));
            }
            for (j, term) in topic.terms.iter().enumerate() {
                if words(term).next().is_none() {
                    problems.push(Problem::new(
                        at.field("terms").index(j),
                        format!("term {term:?} has no letter or digit, so it can never match"),
                    ));
                }
            }
        }
        problems
    }

    /// Every term of the list found in `text`, with its topic, in list
    /// order, each once.
    pub fn find<'a>(&'a self, text: &str) -> Vec<(&'a str, &'a str)> {
        let said: Vec<String> = words(text).map(str::to_lowercase).collect();
        let mut found = Vec::new();
        for topic in &self.topics {
            for term in &topic.terms {
                let wanted: Vec<String> = words(term).map(str::to_lowercase).collect();
                if !wanted.is_empty() && said.windows(wanted.len()).any(|w| w == wanted) {
                    found.push((topic.name.as_str(), term.as_str()));
                }
            }
        }
        found
    }

    /// Every nudge of one scorecard: each dimension's evidence (rated or
    /// not), then the notes and red flags together (`dimension: None`).
    /// Sorted, each (dimension, kind, term) once.
    pub fn nudges(&self, card: &Scorecard) -> Vec<Nudge> {
        let mut nudges = Vec::new();
        let terms = |dimension: Option<&Slug>, text: &str, nudges: &mut Vec<Nudge>| {
            for (topic, term) in self.find(text) {
                nudges.push(Nudge {
                    dimension: dimension.cloned(),
                    kind: NudgeKind::NonJobRelated,
                    term: Some(term.to_owned()),
                    topic: Some(topic.to_owned()),
                });
            }
        };
        for (dimension, entry) in &card.ratings {
            terms(Some(dimension), &entry.evidence, &mut nudges);
            if let Some(nudge) = thin_evidence(dimension, entry.rating, &entry.evidence) {
                nudges.push(nudge);
            }
        }
        for (dimension, text) in &card.unrated_evidence {
            terms(Some(dimension), text, &mut nudges);
        }
        terms(None, &card.notes, &mut nudges);
        for flag in &card.red_flags {
            terms(None, flag, &mut nudges);
        }
        nudges.sort();
        nudges.dedup();
        nudges
    }
}

/// The `thin_evidence` nudge of one rating, if its evidence is too short.
pub fn thin_evidence(dimension: &Slug, rating: Rating, evidence: &str) -> Option<Nudge> {
    (rating.needs_evidence() && evidence_words(evidence) < THIN_EVIDENCE_WORDS).then(|| Nudge {
        dimension: Some(dimension.clone()),
        kind: NudgeKind::ThinEvidence,
        term: None,
        topic: None,
    })
}

/// How many words evidence has: runs between white space holding a letter.
pub fn evidence_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// The words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(topics: &[(&str, &[&str])]) -> NudgeList {
        NudgeList {
            format: FormatVersion::default(),
            topics: topics
                .iter()
                .map(|(name, terms)| NudgeTopic {
                    name: (*name).to_owned(),
                    terms: terms.iter().map(|t| (*t).to_owned()).collect(),
                })
                .collect(),
        }
    }

    fn terms(list: &NudgeList, text: &str) -> Vec<String> {
        list.find(text)
            .into_iter()
            .map(|(_, t)| t.to_owned())
            .collect()
    }

    #[test]
    fn whole_words_only() {
        let l = list(&[("age", &["age", "old"]), ("religion", &["church"])]);
        assert_eq!(terms(&l, "asked about her age"), ["age"]);
        // Inside other words: never.
        assert!(terms(&l, "wrote a page on storage and usage; bold, golden, older").is_empty());
        assert!(terms(&l, "churches").is_empty());
    }

    #[test]
    fn case_is_ignored() {
        let l = list(&[("age", &["Age"])]);
        assert_eq!(terms(&l, "AGE came up"), ["Age"]);
        assert_eq!(terms(&l, "her age"), ["Age"]);
    }

    #[test]
    fn punctuation_separates_words() {
        let l = list(&[("family", &["wife", "kids"])]);
        assert_eq!(terms(&l, "mentioned his wife's job."), ["wife"]);
        assert_eq!(terms(&l, "(kids)"), ["kids"]);
        assert_eq!(terms(&l, "kids, wife!"), ["wife", "kids"]);
    }

    #[test]
    fn multi_word_terms_match_in_a_row() {
        let l = list(&[("culture fit", &["culture fit"])]);
        assert_eq!(terms(&l, "Not a culture fit."), ["culture fit"]);
        assert_eq!(terms(&l, "weak culture-fit"), ["culture fit"]);
        assert_eq!(terms(&l, "CULTURE\n  FIT"), ["culture fit"]);
        assert!(terms(&l, "the culture of fitness").is_empty());
        assert!(terms(&l, "fit the culture").is_empty());
        assert!(terms(&l, "subculture fit").is_empty());
    }

    #[test]
    fn non_ascii_words() {
        let l = list(&[("religion", &["église"])]);
        assert_eq!(terms(&l, "à l'Église"), ["église"]);
        assert!(terms(&l, "églises").is_empty());
    }

    #[test]
    fn thin_evidence_counts_words_with_letters() {
        let d = Slug::new("iac").unwrap();
        assert!(thin_evidence(&d, Rating::Exceeds, "[04:10] great work").is_some());
        assert!(thin_evidence(&d, Rating::DoesNotMeet, "").is_some());
        assert!(thin_evidence(&d, Rating::Meets, "").is_none());
        assert!(thin_evidence(&d, Rating::Exceeds, "[04:10] split the state per team").is_none());
        assert_eq!(evidence_words("[04:10] -- 42 ok go"), 2);
    }

    #[test]
    fn problems_point_at_the_term() {
        let l = list(&[("age", &["age", " ... "])]);
        let problems = l.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path.to_string(), "topics[0].terms[1]");
        assert!(
            list(&[]).problems()[0]
                .message
                .contains("at least one topic")
        );
    }

    #[test]
    fn a_scorecard_nudges_where_its_text_lies() {
        let l = list(&[("culture fit", &["culture fit"]), ("family", &["kids"])]);
        let mut card: Scorecard = serde_json::from_value(serde_json::json!({
            "format": 1, "candidate": "c", "template": "t", "template_version": 1,
            "interviewer": "Ann", "stage": "", "started_at": "2026-11-21T10:00:00Z",
            "notes": "Talked about her kids",
            "red_flags": ["Not a culture fit"],
        }))
        .unwrap();
        let iac = Slug::new("iac").unwrap();
        card.set_rating(&iac, Rating::Exceeds);
        card.set_evidence(&iac, "great culture fit".to_owned());
        let nudges = card_nudges(&l, &card);
        assert_eq!(
            nudges,
            [
                (
                    None,
                    NudgeKind::NonJobRelated,
                    Some("culture fit".to_owned())
                ),
                (None, NudgeKind::NonJobRelated, Some("kids".to_owned())),
                (
                    Some("iac".to_owned()),
                    NudgeKind::NonJobRelated,
                    Some("culture fit".to_owned())
                ),
                (Some("iac".to_owned()), NudgeKind::ThinEvidence, None),
            ]
        );
    }

    fn card_nudges(
        l: &NudgeList,
        card: &Scorecard,
    ) -> Vec<(Option<String>, NudgeKind, Option<String>)> {
        l.nudges(card)
            .into_iter()
            .map(|n| (n.dimension.map(|d| d.as_str().to_owned()), n.kind, n.term))
            .collect()
    }
}
