//! One interviewer's ratings of one candidate at one stage.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{DimensionMap, FieldPath, FormatVersion, Interned, Problem, Slug, Timestamp};

/// How a candidate did on one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rating {
    /// 1: clearly below the bar.
    DoesNotMeet,
    /// 2: some of the bar.
    PartiallyMeets,
    /// 3: the bar.
    Meets,
    /// 4: above the bar.
    Exceeds,
    /// Not assessed; never counted as a low score.
    NoSignal,
}

impl Rating {
    /// Every rating, from low to high, then no signal.
    pub const ALL: [Rating; 5] = [
        Rating::DoesNotMeet,
        Rating::PartiallyMeets,
        Rating::Meets,
        Rating::Exceeds,
        Rating::NoSignal,
    ];

    /// 1–4, or `None` for [`Rating::NoSignal`].
    pub fn score(self) -> Option<u8> {
        match self {
            Rating::DoesNotMeet => Some(1),
            Rating::PartiallyMeets => Some(2),
            Rating::Meets => Some(3),
            Rating::Exceeds => Some(4),
            Rating::NoSignal => None,
        }
    }

    /// The rating for a score 1–4, or no signal for 0.
    pub fn from_score(score: u8) -> Option<Self> {
        match score {
            0 => Some(Rating::NoSignal),
            1 => Some(Rating::DoesNotMeet),
            2 => Some(Rating::PartiallyMeets),
            3 => Some(Rating::Meets),
            4 => Some(Rating::Exceeds),
            _ => None,
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Rating::DoesNotMeet => "Does not meet",
            Rating::PartiallyMeets => "Partially meets",
            Rating::Meets => "Meets",
            Rating::Exceeds => "Exceeds",
            Rating::NoSignal => "No signal",
        }
    }

    /// Whether the interviewer must write evidence for this rating: the two
    /// extremes are the ones a panel will question.
    pub fn needs_evidence(self) -> bool {
        matches!(self, Rating::DoesNotMeet | Rating::Exceeds)
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The interviewer's overall verdict; there is deliberately no neutral.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Recommendation {
    /// Strong no hire.
    StrongNoHire,
    /// No hire.
    NoHire,
    /// Hire.
    Hire,
    /// Strong hire.
    StrongHire,
}

impl Recommendation {
    /// Every recommendation, from most negative to most positive.
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongNoHire,
        Recommendation::NoHire,
        Recommendation::Hire,
        Recommendation::StrongHire,
    ];

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongNoHire => "Strong no hire",
            Recommendation::NoHire => "No hire",
            Recommendation::Hire => "Hire",
            Recommendation::StrongHire => "Strong hire",
        }
    }
}

impl fmt::Display for Recommendation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A rating with the evidence behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingEntry {
    /// The rating.
    pub rating: Rating,
    /// What the candidate said or did, ideally time-stamped (`[04:10] …`).
    /// A boxed `str`, not a `String`: 8 bytes less for each rating (3.6 MiB
    /// at 100,000 scorecards), and no spare room (BENCHMARKS.md §10).
    #[serde(default)]
    pub evidence: Box<str>,
}

/// One interviewer, one candidate, one stage:
/// `candidates/<candidate>/scorecards/<interviewer-slug>--<stage>.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// Id of the candidate.
    pub candidate: Slug,
    /// Id of the template scored against.
    pub template: Slug,
    /// The template's version at the time; anchors may have changed since.
    pub template_version: u32,
    /// Who scored, as they typed their name.
    pub interviewer: Interned,
    /// An exercise id of the template, or `""` for a general interview.
    pub stage: Interned,
    /// When scoring started.
    pub started_at: Timestamp,
    /// When it was submitted; `None` while it is a draft.
    #[serde(default)]
    pub submitted_at: Option<Timestamp>,
    /// When a submitted scorecard was last reopened for amendment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amended_at: Option<Timestamp>,
    /// Ratings by dimension id.
    #[serde(default)]
    pub ratings: DimensionMap<RatingEntry>,
    /// Evidence written for a dimension before it was rated; it moves into
    /// the rating when one is given. Interviewers take notes while they
    /// listen and rate after, and no word may be lost in between.
    #[serde(default, skip_serializing_if = "DimensionMap::is_empty")]
    pub unrated_evidence: DimensionMap<String>,
    /// Red flags raised, as worded in the template.
    #[serde(default)]
    pub red_flags: Vec<String>,
    /// The overall verdict.
    #[serde(default)]
    pub recommendation: Option<Recommendation>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
}

impl Scorecard {
    /// A new draft of `interviewer`'s scorecard of `candidate` at `stage`
    /// (`""`: a general interview) against version `template_version` of
    /// `template`, started at `started_at`: nothing rated, flagged, noted
    /// or recommended yet.
    pub fn draft(
        candidate: Slug,
        template: Slug,
        template_version: u32,
        interviewer: &str,
        stage: &str,
        started_at: Timestamp,
    ) -> Self {
        Self {
            format: FormatVersion::CURRENT,
            candidate,
            template,
            template_version,
            interviewer: interviewer.into(),
            stage: stage.into(),
            started_at,
            submitted_at: None,
            amended_at: None,
            ratings: DimensionMap::new(),
            unrated_evidence: DimensionMap::new(),
            red_flags: Vec::new(),
            recommendation: None,
            notes: String::new(),
        }
    }

    /// The scorecard with `dimension` rated `rating` on `evidence` (for
    /// generated workspaces and tests, built in one expression).
    pub fn rated(mut self, dimension: Slug, rating: Rating, evidence: &str) -> Self {
        self.ratings.insert(
            dimension,
            RatingEntry {
                rating,
                evidence: evidence.into(),
            },
        );
        self
    }

    /// The scorecard submitted at `at`, recommending `recommendation`.
    pub fn submitted(mut self, at: Timestamp, recommendation: Recommendation) -> Self {
        self.submitted_at = Some(at);
        self.recommendation = Some(recommendation);
        self
    }

    /// Whether the scorecard counts in aggregates.
    pub fn is_submitted(&self) -> bool {
        self.submitted_at.is_some()
    }

    /// The evidence written for a dimension, rated or not.
    pub fn evidence(&self, dimension: &str) -> &str {
        self.ratings
            .get(dimension)
            .map(|entry| &*entry.evidence)
            .or_else(|| self.unrated_evidence.get(dimension).map(String::as_str))
            .unwrap_or_default()
    }

    /// Replaces a dimension's evidence.
    pub fn set_evidence(&mut self, dimension: &Slug, text: String) {
        match self.ratings.get_mut(dimension.as_str()) {
            Some(entry) => entry.evidence = text.into_boxed_str(),
            None if text.is_empty() => {
                self.unrated_evidence.remove(dimension.as_str());
            }
            None => {
                self.unrated_evidence.insert(dimension.clone(), text);
            }
        }
    }

    /// Rates a dimension, keeping any evidence already written for it.
    pub fn set_rating(&mut self, dimension: &Slug, rating: Rating) {
        let evidence = self
            .unrated_evidence
            .remove(dimension.as_str())
            .unwrap_or_default()
            .into_boxed_str();
        match self.ratings.get_mut(dimension.as_str()) {
            Some(entry) => entry.rating = rating,
            None => {
                self.ratings
                    .insert(dimension.clone(), RatingEntry { rating, evidence });
            }
        }
    }

    /// The rating of a dimension, if it has one.
    pub fn rating(&self, dimension: &str) -> Option<Rating> {
        self.ratings.get(dimension).map(|entry| entry.rating)
    }

    /// Raises a red flag, or lowers it if raised.
    pub fn toggle_red_flag(&mut self, flag: &str) {
        if let Some(at) = self.red_flags.iter().position(|f| f == flag) {
            self.red_flags.remove(at);
        } else {
            self.red_flags.push(flag.to_owned());
        }
    }

    /// Gives back the room its texts were read into and do not use: the
    /// parser grows a string with escapes (`\n` in evidence) by doubling,
    /// so a workspace held in memory would carry up to twice its evidence.
    pub fn shrink_to_fit(&mut self) {
        self.notes.shrink_to_fit();
        self.red_flags.shrink_to_fit();
        for flag in &mut self.red_flags {
            flag.shrink_to_fit();
        }
        for text in self.unrated_evidence.values_mut() {
            text.shrink_to_fit();
        }
    }

    /// Lets go of the free text (evidence, notes), for a reader that only
    /// counts: the ratings, flags and recommendation stay.
    pub fn drop_texts(&mut self) {
        for entry in self.ratings.values_mut() {
            entry.evidence = Box::default();
        }
        self.unrated_evidence = DimensionMap::new();
        self.notes = String::new();
    }

    /// Every rule the scorecard breaks beyond its syntax.
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if self.interviewer.trim().is_empty() {
            problems.push(Problem::new(
                root.field("interviewer"),
                "interviewer may not be empty",
            ));
        } else if Slug::from_name(&self.interviewer).is_none() {
            problems.push(Problem::new(
                root.field("interviewer"),
                "interviewer needs at least one letter or digit (A-Z, 0-9) to name the file",
            ));
        }
        if !self.stage.is_empty()
            && let Err(err) = Slug::new(self.stage.as_str())
        {
            problems.push(Problem::new(
                root.field("stage"),
                format!("stage must be an exercise id or \"\": {err}"),
            ));
        }
        if let Some(submitted) = self.submitted_at
            && submitted < self.started_at
        {
            problems.push(Problem::new(
                root.field("submitted_at"),
                "submitted_at is earlier than started_at",
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Scorecard {
        Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("t").unwrap(),
            1,
            "Sam",
            "",
            "2026-11-21T10:00:00Z".parse().unwrap(),
        )
    }

    #[test]
    fn evidence_written_before_rating_moves_into_the_rating() {
        let mut card = draft();
        let iac = Slug::new("iac").unwrap();
        card.set_evidence(&iac, "[01:00] reads the plan".to_owned());
        assert_eq!(card.evidence("iac"), "[01:00] reads the plan");
        assert_eq!(card.rating("iac"), None);
        card.set_rating(&iac, Rating::Meets);
        card.set_rating(&iac, Rating::Exceeds);
        assert!(card.unrated_evidence.is_empty());
        assert_eq!(&*card.ratings["iac"].evidence, "[01:00] reads the plan");
        assert_eq!(card.rating("iac"), Some(Rating::Exceeds));
    }

    #[test]
    fn red_flags_toggle() {
        let mut card = draft();
        card.toggle_red_flag("Blames others");
        assert_eq!(card.red_flags, vec!["Blames others".to_owned()]);
        card.toggle_red_flag("Blames others");
        assert!(card.red_flags.is_empty());
    }
}
