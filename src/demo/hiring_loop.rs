//! The hiring loop in the demo: openings for the busiest templates, every
//! candidate of one an interview plan (the interviews they had, some
//! still to come, a few nobody has written up yet), and decisions on some
//! whose panel is complete. Drawn from its own random stream, so the
//! candidates and scorecards are the same with or without it.

use chrono::DateTime;

use super::people::PANEL;
use super::rng::Rng;
use super::{DAY, DemoData, HOUR};
use crate::model::{
    Decision, FormatVersion, Interview, InterviewerId, Opening, OpeningStatus, PlanStage,
    Recommendation, Slug, Template, Timestamp, Verdict,
};

/// Cities of the openings, in order.
const CITIES: [&str; 4] = ["Berlin", "Lisbon", "Toronto", "remote"];

/// Hiring managers, one per opening (none of them on the panel).
const MANAGERS: [&str; 4] = ["Dana Kim", "Lee Ho", "Maren Voss", "Tomás Ortega"];

/// How each opening stands, in order: most are open.
const STATUSES: [OpeningStatus; 4] = [
    OpeningStatus::Open,
    OpeningStatus::Open,
    OpeningStatus::OnHold,
    OpeningStatus::Closed,
];

const HIRE_RATIONALES: &[&str] = &[
    "Clear evidence above the bar on the must-haves; the panel agrees and nobody raised a red flag.",
    "Strongest incident reasoning of the loop; the one weaker area is coachable.",
    "Consistent Meets or better across interviewers; references to follow.",
];

const NO_HIRE_RATIONALES: &[&str] = &[
    "Below the bar on a must-have dimension in two interviews; the panel agrees.",
    "Good fundamentals, but the security evidence was thin in every interview.",
    "The panel split; the hiring manager weighed the must-have failure more.",
];

/// Adds openings, plans and decisions to `data` (see the module).
pub(super) fn add_hiring_loop(
    data: &mut DemoData,
    templates: &[Template],
    seed: u64,
    now: Timestamp,
) {
    let mut rng = Rng::new(seed ^ 0x6c6f_6f70_2d6c_6f6f);
    let now_secs = now.unix_seconds();
    let at = |secs: i64| DateTime::from_timestamp(secs, 0).map_or(now, Timestamp::from_utc);

    // The busiest templates (most candidates), one opening each.
    let mut counts: Vec<(usize, &Template)> = templates
        .iter()
        .map(|t| {
            let n = data
                .candidates
                .iter()
                .filter(|c| c.template == t.id)
                .count();
            (n, t)
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    for (i, (_, template)) in counts.iter().take(CITIES.len()).enumerate() {
        let (Some(city), Some(manager), Some(status)) =
            (CITIES.get(i), MANAGERS.get(i), STATUSES.get(i))
        else {
            break;
        };
        let Ok(id) = Slug::new(format!("{}-{}", template.id, city.to_lowercase())) else {
            continue;
        };
        let mut plan = vec![PlanStage {
            stage: String::new(),
            interviewers: vec![panel_name(&mut rng)],
        }];
        for exercise in template.exercises.iter().take(2) {
            plan.push(PlanStage {
                stage: exercise.id.to_string(),
                interviewers: vec![panel_name(&mut rng)],
            });
        }
        data.openings.push(Opening {
            format: FormatVersion::CURRENT,
            id,
            title: format!("{}, {city}", template.role),
            template: template.id.clone(),
            hiring_manager: (*manager).to_owned(),
            opened_at: at(now_secs - 75 * DAY),
            status: *status,
            plan,
            feedback_due_hours: if i == 1 { 48 } else { 24 },
        });
    }

    let by_candidate: Vec<Vec<usize>> = {
        let mut positions = vec![Vec::new(); data.candidates.len()];
        let mut at_candidate = 0;
        for (i, card) in data.scorecards.iter().enumerate() {
            while data
                .candidates
                .get(at_candidate)
                .is_some_and(|c| c.id != card.candidate)
            {
                at_candidate += 1;
            }
            if let Some(list) = positions.get_mut(at_candidate) {
                list.push(i);
            }
        }
        positions
    };
    for (c, candidate) in data.candidates.iter_mut().enumerate() {
        let Some(opening) = data
            .openings
            .iter()
            .find(|o| o.template == candidate.template)
        else {
            continue;
        };
        candidate.opening = Some(opening.id.clone());
        let cards: Vec<_> = by_candidate
            .get(c)
            .map(|list| {
                list.iter()
                    .filter_map(|&i| data.scorecards.get(i))
                    .collect()
            })
            .unwrap_or_default();
        // The interviews they had: one per scorecard, when it started.
        candidate.interviews = cards
            .iter()
            .map(|card| Interview {
                stage: card.stage.clone(),
                interviewer: card.interviewer.clone(),
                at: card.started_at,
                uid: None,
            })
            .collect();
        let template = templates.iter().find(|t| t.id == candidate.template);
        let stages: Vec<String> = std::iter::once(String::new())
            .chain(
                template
                    .into_iter()
                    .flat_map(|t| t.exercises.iter().map(|e| e.id.to_string())),
            )
            .collect();
        let free = |interviews: &[Interview], stage: &str, who: &str| {
            !interviews
                .iter()
                .any(|i| i.stage == stage && InterviewerId::new(&i.interviewer).is(who))
        };
        let recent = now_secs - candidate.created_at.unix_seconds() < 21 * DAY;
        if recent && opening.status == OpeningStatus::Open {
            // Still interviewing: one to come, and now and then one that
            // happened and nobody has written up (no draft either).
            let stage = rng.pick(&stages).cloned().unwrap_or_default();
            let who = panel_name(&mut rng);
            if free(&candidate.interviews, &stage, &who) {
                let when = now_secs + rng.between(1, 6) * DAY + rng.between(9, 17) * HOUR
                    - now_secs.rem_euclid(DAY);
                candidate.interviews.push(Interview {
                    stage: stage.into(),
                    interviewer: who.into(),
                    at: at(when),
                    uid: None,
                });
            }
            if rng.chance(0.35) {
                let stage = rng.pick(&stages).cloned().unwrap_or_default();
                let who = panel_name(&mut rng);
                if free(&candidate.interviews, &stage, &who) {
                    candidate.interviews.push(Interview {
                        stage: stage.into(),
                        interviewer: who.into(),
                        at: at(now_secs - rng.between(3, 80) * HOUR),
                        uid: None,
                    });
                }
            }
        }
        // A decision once the panel is complete, for some.
        let complete = !cards.is_empty()
            && cards.iter().all(|c| c.is_submitted())
            && candidate.interviews.len() == cards.len();
        if complete && !recent && rng.chance(0.45) {
            let last = cards
                .iter()
                .filter_map(|c| c.submitted_at)
                .max()
                .map_or(now_secs - DAY, Timestamp::unix_seconds);
            let decided = (last + rng.between(4, 48) * HOUR).min(now_secs - HOUR);
            let hires = cards
                .iter()
                .filter(|c| {
                    matches!(
                        c.recommendation,
                        Some(Recommendation::Hire | Recommendation::StrongHire)
                    )
                })
                .count();
            let verdict = if hires * 2 > cards.len() {
                Verdict::Hire
            } else {
                Verdict::NoHire
            };
            let rationales = match verdict {
                Verdict::Hire => HIRE_RATIONALES,
                Verdict::NoHire => NO_HIRE_RATIONALES,
            };
            data.decisions.push(Decision {
                format: FormatVersion::CURRENT,
                candidate: candidate.id.clone(),
                decision: verdict,
                decided_by: opening.hiring_manager.clone(),
                decided_at: at(decided),
                rationale: rng.pick(rationales).copied().unwrap_or_default().to_owned(),
            });
        }
    }
}

fn panel_name(rng: &mut Rng) -> String {
    rng.pick(&PANEL)
        .map_or("Priya Raman", |p| p.name)
        .to_owned()
}
