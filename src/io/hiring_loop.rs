//! The hiring loop over a whole snapshot: every planned interview with its
//! state, the owed scorecards (`scorecard pending`), and `summary`'s
//! `opening`, `owed`, `overdue`, `decision` and `openings` keys.

use super::{CandidateRecord, WorkspaceSnapshot};
use crate::model::stats::{DecisionSummary, OpeningSummary, Summary};
use crate::model::{
    Debrief, InterviewState, InterviewerId, PlannedInterview, Scorecard, Timestamp, Verdict,
    plan_status, sort_pending,
};

/// What `pending` keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PendingFilter {
    /// Only candidates of this opening.
    pub opening: Option<String>,
    /// Only this interviewer (by [`InterviewerId`]).
    pub interviewer: Option<InterviewerId>,
    /// Only overdue ones.
    pub overdue_only: bool,
}

impl WorkspaceSnapshot {
    /// Every planned interview of one candidate with its state as of
    /// `as_of`, in plan order.
    pub fn plan_of<'a>(
        &self,
        record: &'a CandidateRecord,
        as_of: Timestamp,
    ) -> Vec<PlannedInterview<'a>> {
        let cards: Vec<&Scorecard> = record.scorecards.iter().map(|s| &s.scorecard).collect();
        plan_status(
            &record.candidate,
            &cards,
            self.feedback_due_hours(&record.candidate),
            as_of,
        )
    }

    /// The owed scorecards as of `as_of` that `filter` keeps, overdue
    /// first, then by due time (DESIGN.md `scorecard pending`).
    pub fn pending(&self, as_of: Timestamp, filter: &PendingFilter) -> Vec<PlannedInterview<'_>> {
        let mut pending: Vec<PlannedInterview<'_>> = self
            .candidates()
            .iter()
            .filter(|r| {
                filter.opening.as_deref().is_none_or(|id| {
                    r.candidate
                        .opening
                        .as_ref()
                        .is_some_and(|o| o.as_str() == id)
                })
            })
            .flat_map(|r| self.plan_of(r, as_of))
            .filter(|p| p.state.is_owed())
            .filter(|p| !filter.overdue_only || p.state == InterviewState::Overdue)
            .filter(|p| {
                filter
                    .interviewer
                    .as_ref()
                    .is_none_or(|who| who.is(&p.interview.interviewer))
            })
            .collect();
        sort_pending(&mut pending);
        pending
    }

    /// The aggregates with the hiring loop filled in as of `as_of`: each
    /// candidate's `owed`, `overdue` and `decision`, and `openings`.
    pub fn summarize_as_of(&self, as_of: Timestamp) -> Summary {
        let mut summary = self.summarize();
        self.add_hiring_loop(&mut summary, as_of);
        summary
    }

    /// Fills in the hiring loop of a summary computed from this snapshot.
    pub fn add_hiring_loop(&self, summary: &mut Summary, as_of: Timestamp) {
        for c in &mut summary.candidates {
            let Some(record) = self.candidate(c.id.as_str()) else {
                continue;
            };
            let plan = self.plan_of(record, as_of);
            c.owed = plan.iter().filter(|p| p.state.is_owed()).count();
            c.overdue = plan
                .iter()
                .filter(|p| p.state == InterviewState::Overdue)
                .count();
            c.decision = record.decision.as_ref().map(|d| {
                Box::new(DecisionSummary {
                    decision: d.decision.key(),
                    decided_by: d.decided_by.trim().to_owned(),
                    decided_at: d.decided_at,
                    changed_after: d.changed_after(
                        record
                            .scorecards
                            .iter()
                            .filter_map(|s| s.scorecard.submitted_at.as_ref()),
                    ),
                })
            });
        }
        summary.openings = self
            .openings()
            .iter()
            .map(|o| {
                let id = &o.opening.id;
                let of_opening = summary
                    .candidates
                    .iter()
                    .filter(|c| c.opening.as_ref() == Some(id));
                let mut opening = OpeningSummary {
                    id: id.clone(),
                    title: o.opening.title.clone(),
                    status: o.opening.status.key(),
                    candidates: 0,
                    decided: 0,
                    hired: 0,
                    owed: 0,
                    overdue: 0,
                };
                for c in of_opening {
                    opening.candidates += 1;
                    opening.decided += usize::from(c.decision.is_some());
                    opening.hired += usize::from(
                        c.decision
                            .as_ref()
                            .is_some_and(|d| d.decision == Verdict::Hire.key()),
                    );
                    opening.owed += c.owed;
                    opening.overdue += c.overdue;
                }
                opening
            })
            .collect();
    }

    /// [`Debrief::with_loop`] for one candidate of this snapshot.
    pub fn debrief_with_loop(
        &self,
        debrief: Debrief,
        record: &CandidateRecord,
        as_of: Timestamp,
    ) -> Debrief {
        let template = self
            .templates()
            .get(record.candidate.template.as_str())
            .map(|e| &e.template);
        let opening = self.opening_of(&record.candidate).map(|o| o.title.as_str());
        debrief.with_loop(
            &record.candidate,
            template,
            opening,
            record.decision.as_ref(),
            &self.plan_of(record, as_of),
        )
    }
}
