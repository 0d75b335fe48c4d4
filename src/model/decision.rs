//! The panel's decision on a candidate: `candidates/<id>/decision.ron`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, Problem, Slug, Timestamp};

/// Hire or not; there is deliberately no "maybe".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Verdict {
    /// Make an offer.
    Hire,
    /// Do not.
    NoHire,
}

impl Verdict {
    /// Both verdicts.
    pub const ALL: [Verdict; 2] = [Verdict::Hire, Verdict::NoHire];

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Hire => "Hire",
            Verdict::NoHire => "No hire",
        }
    }

    /// The word in JSON (`hire`, `no_hire`).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Hire => "hire",
            Verdict::NoHire => "no_hire",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The decision on one candidate, with why and by whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The candidate's id; must match the folder.
    pub candidate: Slug,
    /// Hire or no hire.
    pub decision: Verdict,
    /// Who decided, as they write their name.
    pub decided_by: String,
    /// When.
    pub decided_at: Timestamp,
    /// Why; never blank.
    pub rationale: String,
}

impl Decision {
    /// Every rule the decision file breaks beyond its syntax.
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if Slug::from_name(&self.decided_by).is_none() {
            problems.push(Problem::new(
                root.field("decided_by"),
                "decided_by needs a name with at least one letter or digit",
            ));
        }
        if self.rationale.trim().is_empty() {
            problems.push(Problem::new(
                root.field("rationale"),
                "a decision needs a rationale: say why",
            ));
        }
        problems
    }

    /// How many of the `submitted_at` times given are after the decision
    /// (`changed_after`): an amendment submits again, so it counts too.
    pub fn changed_after<'a>(&self, submitted: impl IntoIterator<Item = &'a Timestamp>) -> usize {
        submitted
            .into_iter()
            .filter(|t| **t > self.decided_at)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(rationale: &str) -> Decision {
        Decision {
            format: FormatVersion::CURRENT,
            candidate: Slug::new("c-1").unwrap(),
            decision: Verdict::Hire,
            decided_by: "Dana Kim".to_owned(),
            decided_at: "2026-11-23T16:00:00Z".parse().unwrap(),
            rationale: rationale.to_owned(),
        }
    }

    #[test]
    fn a_blank_rationale_is_a_problem() {
        assert!(decision("Strong on incidents").problems().is_empty());
        let problems = decision(" \n ").problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path.to_string(), "rationale");
    }

    #[test]
    fn changed_after_counts_later_submissions_only() {
        let d = decision("ok");
        let times: Vec<Timestamp> = [
            "2026-11-23T15:00:00Z",
            "2026-11-23T16:00:00Z", // at the decision: not after
            "2026-11-23T16:00:01Z",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        assert_eq!(d.changed_after(&times), 1);
    }
}
