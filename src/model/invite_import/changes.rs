//! Applying an import's changes to a candidate's plan.

use super::InterviewChange;
use crate::model::{Candidate, Interview, InterviewerId};

/// Applies `changes` to `candidate`'s plan, in order. A removal is skipped
/// when `scored(interviewer, stage)` says a scorecard exists for it; a
/// [`InterviewChange::Set`] updates, adopts or adds (see there). Entries no
/// change names are left as they are, so this can run on a copy of the
/// file read again just before writing.
pub fn apply_changes(
    candidate: &mut Candidate,
    changes: &[InterviewChange],
    scored: impl Fn(&InterviewerId, &str) -> bool,
) {
    for change in changes {
        match change {
            InterviewChange::Remove { uid, interviewer } => {
                candidate.interviews.retain(|entry| {
                    !is_entry(entry, uid, interviewer) || scored(interviewer, &entry.stage)
                });
            }
            InterviewChange::Set(wanted) => set(&mut candidate.interviews, wanted),
        }
    }
}

/// Whether `entry` is the one of `uid` and `interviewer`.
pub(super) fn is_entry(entry: &Interview, uid: &str, interviewer: &InterviewerId) -> bool {
    entry.uid.as_deref() == Some(uid) && interviewer.is(&entry.interviewer)
}

/// Plans `wanted` (its uid set) in `plan`: the entry of its uid and
/// interviewer takes its stage and time; else a typed entry (no uid) of
/// the same interviewer and stage is adopted (its spelling of the name is
/// kept); else `wanted` is added.
pub(super) fn set(plan: &mut Vec<Interview>, wanted: &Interview) {
    let who = InterviewerId::new(&wanted.interviewer);
    let uid = wanted.uid.as_deref().unwrap_or_default();
    let found = plan
        .iter()
        .position(|entry| is_entry(entry, uid, &who))
        .or_else(|| {
            plan.iter().position(|entry| {
                entry.uid.is_none() && entry.stage == wanted.stage && who.is(&entry.interviewer)
            })
        });
    match found.and_then(|at| plan.get_mut(at)) {
        Some(entry) => {
            entry.stage = wanted.stage.clone();
            entry.at = wanted.at;
            entry.uid = wanted.uid.clone();
        }
        None => plan.push(wanted.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Slug, Timestamp};

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn with_uid(stage: &str, who: &str, at: &str, uid: &str) -> Interview {
        Interview {
            uid: Some(uid.to_owned()),
            ..Interview::new(stage, who, t(at))
        }
    }

    fn candidate(plan: Vec<Interview>) -> Candidate {
        let mut c = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Alex Doe",
            Slug::new("tpl").unwrap(),
            t("2026-11-20T09:00:00Z"),
        );
        c.interviews = plan;
        c
    }

    #[test]
    fn set_updates_adopts_or_adds_and_keeps_other_entries() {
        let mut c = candidate(vec![
            Interview::new("design", "kim park", t("2026-12-01T09:00:00Z")),
            with_uid("", "Sam Lee", "2026-12-02T09:00:00Z", "u1"),
            Interview::new("", "Dana Wu", t("2026-12-05T09:00:00Z")),
        ]);
        apply_changes(
            &mut c,
            &[
                // Moves Sam's entry of u1.
                InterviewChange::Set(with_uid("", "sam lee", "2026-12-03T09:00:00Z", "u1")),
                // Adopts Kim's typed entry, keeping "kim park".
                InterviewChange::Set(with_uid("design", "Kim Park", "2026-12-01T10:00:00Z", "u2")),
                // A new one.
                InterviewChange::Set(with_uid("", "Priya Raman", "2026-12-04T09:00:00Z", "u3")),
            ],
            |_, _| false,
        );
        assert_eq!(
            c.interviews,
            [
                with_uid("design", "kim park", "2026-12-01T10:00:00Z", "u2"),
                with_uid("", "Sam Lee", "2026-12-03T09:00:00Z", "u1"),
                Interview::new("", "Dana Wu", t("2026-12-05T09:00:00Z")),
                with_uid("", "Priya Raman", "2026-12-04T09:00:00Z", "u3"),
            ]
        );
    }

    #[test]
    fn remove_takes_out_only_its_entry_and_never_a_scored_one() {
        let plan = vec![
            with_uid("", "Sam Lee", "2026-12-02T09:00:00Z", "u1"),
            with_uid("", "Priya Raman", "2026-12-02T09:00:00Z", "u1"),
            with_uid("", "Sam Lee", "2026-12-03T09:00:00Z", "u2"),
        ];
        let remove = |who: &str| InterviewChange::Remove {
            uid: "u1".to_owned(),
            interviewer: InterviewerId::new(who),
        };
        let mut c = candidate(plan.clone());
        apply_changes(&mut c, &[remove("SAM LEE")], |_, _| false);
        assert_eq!(c.interviews, [plan[1].clone(), plan[2].clone()]);
        let mut c = candidate(plan.clone());
        apply_changes(&mut c, &[remove("Sam Lee")], |who, stage| {
            who.as_str() == "sam-lee" && stage.is_empty()
        });
        assert_eq!(c.interviews, plan);
    }
}
