//! A candidate's interview plan, and which scorecards it makes owed and
//! overdue (DESIGN.md "The hiring loop").
//!
//! As of a time `T`: a planned interview is *upcoming* when `at > T`;
//! *owed* when `at ≤ T` and no submitted scorecard of that interviewer (by
//! [`InterviewerId`]) and stage exists; *overdue* when owed and
//! `T > at + feedback_due_hours`. A draft does not pay a debt; it is shown
//! with it.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{Candidate, Interned, InterviewerId, Scorecard, Timestamp};

/// One planned interview: who, at which stage, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// An exercise id of the candidate's template, or `""`.
    pub stage: Interned,
    /// Who interviews, as they write their name.
    pub interviewer: Interned,
    /// When the interview starts.
    pub at: Timestamp,
    /// The calendar invite's `UID` when the interview came from one
    /// (`scorecard import invites`): a second import of the same invite
    /// finds this entry instead of adding another. Left out of the file
    /// when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

impl Interview {
    /// A planned interview typed by a person (no invite behind it).
    pub fn new(
        stage: impl Into<Interned>,
        interviewer: impl Into<Interned>,
        at: Timestamp,
    ) -> Self {
        Self {
            stage: stage.into(),
            interviewer: interviewer.into(),
            at,
            uid: None,
        }
    }
}

/// Where one planned interview stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InterviewState {
    /// Overdue: owed, and past its due time.
    Overdue,
    /// Owed: it has happened and no scorecard is submitted.
    Owed,
    /// Still to come.
    Upcoming,
    /// Its scorecard is submitted.
    Submitted,
}

impl InterviewState {
    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            InterviewState::Overdue => "overdue",
            InterviewState::Owed => "owed",
            InterviewState::Upcoming => "upcoming",
            InterviewState::Submitted => "submitted",
        }
    }

    /// Whether a scorecard is owed (overdue ones too).
    pub fn is_owed(self) -> bool {
        matches!(self, InterviewState::Owed | InterviewState::Overdue)
    }
}

/// One planned interview with where it stands as of a time.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedInterview<'a> {
    /// The candidate.
    pub candidate: &'a Candidate,
    /// The interview, as planned.
    pub interview: &'a Interview,
    /// Index in the candidate's `interviews`.
    pub index: usize,
    /// Its state.
    pub state: InterviewState,
    /// `at + feedback_due_hours`.
    pub due: Timestamp,
    /// Hours past `due` (0 when not overdue).
    pub hours_overdue: f64,
    /// Whether a draft of that interviewer and stage exists.
    pub draft: bool,
}

/// When a scorecard for an interview at `at` is due.
pub fn due_at(at: Timestamp, feedback_due_hours: u32) -> Timestamp {
    Timestamp::from_utc(at.as_utc() + Duration::hours(i64::from(feedback_due_hours)))
}

/// Every planned interview of `candidate` with its state as of `as_of`,
/// in plan order. `cards` are the candidate's scorecards (drafts too);
/// `feedback_due_hours` is the opening's (24 without one).
pub fn plan_status<'a>(
    candidate: &'a Candidate,
    cards: &[&Scorecard],
    feedback_due_hours: u32,
    as_of: Timestamp,
) -> Vec<PlannedInterview<'a>> {
    candidate
        .interviews
        .iter()
        .enumerate()
        .map(|(index, interview)| {
            let who = InterviewerId::new(&interview.interviewer);
            let theirs = || {
                cards
                    .iter()
                    .filter(|c| c.stage == interview.stage && InterviewerId::of(c) == who)
            };
            let submitted = theirs().any(|c| c.is_submitted());
            let draft = theirs().any(|c| !c.is_submitted());
            let due = due_at(interview.at, feedback_due_hours);
            let state = if submitted {
                InterviewState::Submitted
            } else if interview.at > as_of {
                InterviewState::Upcoming
            } else if as_of > due {
                InterviewState::Overdue
            } else {
                InterviewState::Owed
            };
            let hours_overdue = if state == InterviewState::Overdue {
                (as_of.as_utc() - due.as_utc()).num_milliseconds() as f64 / 3_600_000.0
            } else {
                0.0
            };
            PlannedInterview {
                candidate,
                interview,
                index,
                state,
                due,
                hours_overdue,
                draft,
            }
        })
        .collect()
}

/// Sorts owed interviews as `pending` lists them: overdue first, then by
/// `due`, then by candidate, stage and interviewer so the order is stable.
pub fn sort_pending(pending: &mut [PlannedInterview<'_>]) {
    pending.sort_by(|a, b| {
        (a.state != InterviewState::Overdue)
            .cmp(&(b.state != InterviewState::Overdue))
            .then(a.due.cmp(&b.due))
            .then(a.candidate.id.cmp(&b.candidate.id))
            .then(a.interview.stage.cmp(&b.interview.stage))
            .then(a.interview.interviewer.cmp(&b.interview.interviewer))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Slug;

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn candidate() -> Candidate {
        let mut c = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Alex Doe",
            Slug::new("tpl").unwrap(),
            t("2026-11-20T09:00:00Z"),
        );
        c.interviews = vec![
            Interview {
                stage: "incident-bridge".into(),
                interviewer: "Sam Lee".into(),
                at: t("2026-11-21T10:00:00Z"),
                uid: None,
            },
            Interview {
                stage: "".into(),
                interviewer: "Priya Raman".into(),
                at: t("2026-11-24T10:00:00Z"),
                uid: None,
            },
            Interview {
                stage: "design".into(),
                interviewer: "Kim Park".into(),
                at: t("2026-11-26T10:00:00Z"),
                uid: None,
            },
        ];
        c
    }

    fn card(interviewer: &str, stage: &str, submitted: Option<&str>) -> Scorecard {
        let mut card = Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("tpl").unwrap(),
            1,
            interviewer,
            stage,
            t("2026-11-21T10:00:00Z"),
        );
        card.submitted_at = submitted.map(t);
        card
    }

    #[test]
    fn owed_overdue_and_upcoming_as_of_a_time() {
        let c = candidate();
        // As of 2026-11-25T00:00Z: Sam's interview (21st 10:00) is due on
        // the 22nd at 10:00, so 62 hours overdue (14 h on the 22nd, 24 on
        // the 23rd, 24 on the 24th); Priya's (24th 10:00) is due on the
        // 25th at 10:00: owed, not overdue; Kim's (26th) is upcoming.
        let plan = plan_status(&c, &[], 24, t("2026-11-25T00:00:00Z"));
        let states: Vec<_> = plan.iter().map(|p| p.state).collect();
        assert_eq!(
            states,
            [
                InterviewState::Overdue,
                InterviewState::Owed,
                InterviewState::Upcoming
            ]
        );
        assert_eq!(plan[0].due, t("2026-11-22T10:00:00Z"));
        assert!((plan[0].hours_overdue - 62.0).abs() < 1e-9);
        assert_eq!(plan[1].hours_overdue, 0.0);
    }

    #[test]
    fn the_boundaries_are_at_and_at_plus_due_hours() {
        let c = candidate();
        // T = at exactly: owed (at ≤ T).
        let plan = plan_status(&c, &[], 24, t("2026-11-21T10:00:00Z"));
        assert_eq!(plan[0].state, InterviewState::Owed);
        // One second before: upcoming.
        let plan = plan_status(&c, &[], 24, t("2026-11-21T09:59:59Z"));
        assert_eq!(plan[0].state, InterviewState::Upcoming);
        // T = at + 24 h exactly: still owed, not overdue (T > due is strict).
        let plan = plan_status(&c, &[], 24, t("2026-11-22T10:00:00Z"));
        assert_eq!(plan[0].state, InterviewState::Owed);
        assert_eq!(plan[0].hours_overdue, 0.0);
        // One second after: overdue by 1/3600 h.
        let plan = plan_status(&c, &[], 24, t("2026-11-22T10:00:01Z"));
        assert_eq!(plan[0].state, InterviewState::Overdue);
        assert!((plan[0].hours_overdue - 1.0 / 3600.0).abs() < 1e-12);
        // An opening's 48 hours move the boundary.
        let plan = plan_status(&c, &[], 48, t("2026-11-23T10:00:00Z"));
        assert_eq!(plan[0].state, InterviewState::Owed);
    }

    #[test]
    fn a_draft_does_not_pay_the_debt_but_is_shown() {
        let c = candidate();
        let draft = card("Sam Lee", "incident-bridge", None);
        let plan = plan_status(&c, &[&draft], 24, t("2026-11-25T00:00:00Z"));
        assert_eq!(plan[0].state, InterviewState::Overdue);
        assert!(plan[0].draft);
        assert!(!plan[1].draft);
    }

    #[test]
    fn a_submitted_scorecard_pays_by_interviewer_slug_and_stage() {
        let c = candidate();
        // "sam  LEE" is Sam Lee; the right stage pays, another does not.
        let paid = card("sam  LEE", "incident-bridge", Some("2026-11-21T11:00:00Z"));
        let other_stage = card("Priya Raman", "design", Some("2026-11-24T11:00:00Z"));
        let plan = plan_status(&c, &[&paid, &other_stage], 24, t("2026-11-25T00:00:00Z"));
        assert_eq!(plan[0].state, InterviewState::Submitted);
        assert_eq!(plan[1].state, InterviewState::Owed);
        // Someone else at Sam's stage pays nothing for him.
        let c2 = candidate();
        let stranger = card("Sam Leeds", "incident-bridge", Some("2026-11-21T11:00:00Z"));
        let plan = plan_status(&c2, &[&stranger], 24, t("2026-11-25T00:00:00Z"));
        assert_eq!(plan[0].state, InterviewState::Overdue);
    }

    #[test]
    fn pending_sorts_overdue_first_then_by_due() {
        let c = candidate();
        let mut plan = plan_status(&c, &[], 24, t("2026-11-27T00:00:00Z"));
        // Kim's (26th 10:00) is owed; Sam's and Priya's are overdue.
        plan.retain(|p| p.state.is_owed());
        plan.reverse();
        sort_pending(&mut plan);
        let order: Vec<_> = plan
            .iter()
            .map(|p| p.interview.interviewer.as_str())
            .collect();
        assert_eq!(order, ["Sam Lee", "Priya Raman", "Kim Park"]);
    }
}
