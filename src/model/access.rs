//! Owns who may see a candidate's panel (the others' ratings, evidence and
//! recommendations): one rule for Compare, the debrief and its exports in
//! the app. Nobody's scores anchor an interviewer who has yet to score.

use super::{Candidate, InterviewerId, Opening, Scorecard};

/// Who is looking at a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// Coordinator view: every panel.
    Coordinator,
    /// An interviewer, by the name they typed.
    Interviewer(InterviewerId),
    /// No name typed yet (or one without a letter or digit).
    Nobody,
}

impl Viewer {
    /// The viewer the app's settings describe.
    pub fn new(coordinator: bool, name: &str) -> Self {
        if coordinator {
            return Viewer::Coordinator;
        }
        InterviewerId::typed(name).map_or(Viewer::Nobody, Viewer::Interviewer)
    }
}

/// Whether `viewer` may see the panel of `candidate`, whose scorecards are
/// `cards` and whose opening is `opening`:
/// - in coordinator view, always;
/// - an interviewer who has submitted a scorecard of their own for the
///   candidate;
/// - the opening's hiring manager once none of their own interviews in the
///   candidate's plan is still waiting for their submitted scorecard (they
///   decide, so they read the panel, but score their own interview first);
/// - nobody else.
pub fn may_see_panel<'a>(
    viewer: &Viewer,
    candidate: &Candidate,
    cards: impl Iterator<Item = &'a Scorecard> + Clone,
    opening: Option<&Opening>,
) -> bool {
    let me = match viewer {
        Viewer::Coordinator => return true,
        Viewer::Nobody => return false,
        Viewer::Interviewer(me) => me,
    };
    let mut mine = cards.filter(|card| card.is_submitted() && &InterviewerId::of(card) == me);
    if mine.clone().next().is_some() {
        return true;
    }
    if !opening.is_some_and(|opening| opening.is_hiring_manager(me)) {
        return false;
    }
    candidate.interviews.iter().all(|interview| {
        !me.is(&interview.interviewer) || mine.any(|card| card.stage == interview.stage)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interview, Slug, Timestamp};

    fn at() -> Timestamp {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    fn card(who: &str, stage: &str, submitted: bool) -> Scorecard {
        let card = Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("t").unwrap(),
            1,
            who,
            stage,
            at(),
        );
        if submitted {
            card.submitted(at(), crate::model::Recommendation::Hire)
        } else {
            card
        }
    }

    /// A row of the table: the case, who looks, their own scorecard, the
    /// candidate's opening, whether they see the panel.
    type Case<'a> = (
        &'a str,
        &'a Viewer,
        Option<Scorecard>,
        Option<&'a Opening>,
        bool,
    );

    /// Every role against every state of their own scorecard.
    #[test]
    fn who_sees_the_panel() {
        let mut candidate = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Alex Doe",
            Slug::new("t").unwrap(),
            at(),
        );
        candidate.interviews = vec![Interview::new("design", "Dana Kim", at())];
        let opening = Opening {
            format: crate::model::FormatVersion::CURRENT,
            id: Slug::new("sre").unwrap(),
            title: "SRE".to_owned(),
            template: Slug::new("t").unwrap(),
            hiring_manager: "Dana Kim".to_owned(),
            opened_at: at(),
            status: crate::model::OpeningStatus::Open,
            plan: Vec::new(),
            feedback_due_hours: 24,
        };
        let colleague = card("Sam Lee", "", true);
        let sees = |viewer: &Viewer, own: Option<Scorecard>, opening: Option<&Opening>| {
            let cards: Vec<Scorecard> = std::iter::once(colleague.clone()).chain(own).collect();
            may_see_panel(viewer, &candidate, cards.iter(), opening)
        };
        let priya = Viewer::new(false, "Priya Raman");
        let dana = Viewer::new(false, "dana kim");
        let table: [Case<'_>; 10] = [
            ("coordinator", &Viewer::Coordinator, None, None, true),
            (
                "no name",
                &Viewer::new(false, "  "),
                None,
                Some(&opening),
                false,
            ),
            (
                "interviewer, nothing yet",
                &priya,
                None,
                Some(&opening),
                false,
            ),
            (
                "interviewer, a draft",
                &priya,
                Some(card("Priya Raman", "", false)),
                None,
                false,
            ),
            (
                "interviewer, submitted",
                &priya,
                Some(card("Priya Raman", "", true)),
                None,
                true,
            ),
            (
                "hiring manager, own interview owed",
                &dana,
                None,
                Some(&opening),
                false,
            ),
            (
                "hiring manager, own draft",
                &dana,
                Some(card("Dana Kim", "design", false)),
                Some(&opening),
                false,
            ),
            (
                "hiring manager, own submitted",
                &dana,
                Some(card("Dana Kim", "design", true)),
                Some(&opening),
                true,
            ),
            (
                "hiring manager of another opening",
                &dana,
                None,
                None,
                false,
            ),
            (
                "a name alike is not the manager",
                &Viewer::new(false, "Dana Kimm"),
                None,
                Some(&opening),
                false,
            ),
        ];
        for (case, viewer, own, opening, expected) in table {
            assert_eq!(sees(viewer, own, opening), expected, "{case}");
        }
        // A hiring manager with no interview in the plan reads the panel.
        let mut unplanned = candidate.clone();
        unplanned.interviews.clear();
        assert!(may_see_panel(
            &dana,
            &unplanned,
            std::iter::once(&colleague),
            Some(&opening)
        ));
    }
}
