//! Who an interviewer is: the slug of their name, the rule that names their
//! scorecard files, so "Priya Raman", "priya raman" and " Priya  Raman "
//! are one person everywhere (files, independence, leniency, pending
//! drafts, the debrief).

use std::fmt;

use super::intern::Pooled;
use super::{Scorecard, Slug, Timestamp, intern};

/// An interviewer's identity: the slug of the name they type
/// ([`Slug::from_name`], `priya-raman`), which is also the first part of
/// their scorecard files' names (`priya-raman--<stage>.ron`).
///
/// A name without any ASCII letter or digit has no slug (and no valid
/// scorecard has one: it could not be named as a file); such a name is its
/// own id, trimmed, so it is still told apart from everyone else and never
/// equal to a slug.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InterviewerId(Pooled);

impl InterviewerId {
    /// The id of the person who writes `name`.
    pub fn new(name: &str) -> Self {
        match Slug::from_name(name) {
            Some(slug) => Self(slug.shared()),
            None => Self(intern(name.trim())),
        }
    }

    /// The id of a name a user typed as theirs ("who am I"), or `None` when
    /// it could not name a scorecard file (blank, or no letter or digit):
    /// then nobody is known to be looking.
    pub fn typed(name: &str) -> Option<Self> {
        Slug::from_name(name).map(|slug| Self(slug.shared()))
    }

    /// The id of whoever wrote `scorecard`.
    pub fn of(scorecard: &Scorecard) -> Self {
        Self::new(&scorecard.interviewer)
    }

    /// Whether `name` is this interviewer.
    pub fn is(&self, name: &str) -> bool {
        *self == Self::new(name)
    }

    /// The id as text: the slug of the name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InterviewerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name to show for one interviewer: as written in their most recent
/// scorecard. Feed it every scorecard of theirs with [`Self::see`].
///
/// Most recent: the latest `submitted_at` (a draft counts as not
/// submitted, so before every submitted one), then the latest
/// `started_at`; between scorecards tied on both, the name that sorts
/// last. The result never depends on the order they are seen in. Spaces
/// around the name are dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameAsWritten<'a> {
    best: Option<(Option<Timestamp>, Timestamp, &'a str)>,
}

impl<'a> NameAsWritten<'a> {
    /// Takes `scorecard`'s spelling if it is more recent than the one kept.
    pub fn see(&mut self, scorecard: &'a Scorecard) {
        let candidate = (
            scorecard.submitted_at,
            scorecard.started_at,
            scorecard.interviewer.trim(),
        );
        if self.best.as_ref().is_none_or(|best| candidate > *best) {
            self.best = Some(candidate);
        }
    }

    /// The name to show; `None` if no scorecard was seen.
    pub fn name(&self) -> Option<&'a str> {
        self.best.map(|(_, _, name)| name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_are_one_person() {
        let id = InterviewerId::new("Priya Raman");
        assert_eq!(id.as_str(), "priya-raman");
        assert_eq!(InterviewerId::new("priya raman"), id);
        assert_eq!(InterviewerId::new(" Priya  Raman "), id);
        assert!(id.is("PRIYA-RAMAN"));
        assert_ne!(InterviewerId::new("Priya Ramen"), id);
    }

    #[test]
    fn a_name_without_a_slug_is_its_own_id() {
        assert_eq!(InterviewerId::new(" ??? ").as_str(), "???");
        assert_ne!(InterviewerId::new("???"), InterviewerId::new("!!!"));
        assert_eq!(InterviewerId::new(""), InterviewerId::new("   "));
        assert_eq!(InterviewerId::typed("  "), None);
        assert_eq!(InterviewerId::typed("?"), None);
        assert_eq!(
            InterviewerId::typed("Priya Raman"),
            Some(InterviewerId::new("priya raman"))
        );
    }
}
