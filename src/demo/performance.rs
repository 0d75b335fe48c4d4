//! Later performance in the demo, for the local validity study: a past
//! cohort of one busy template, interviewed about fourteen months ago,
//! decided, and its hires reviewed six and twelve months after the
//! decision.
//!
//! The cohort is made as the other candidates are (the same profiles,
//! loops, panel and ratings), against a clock set back by
//! [`COHORT_AGO_DAYS`]; its drafts are left out (a year on, every
//! scorecard is in). The panel hires on the majority of hire
//! recommendations, so the hires' scores are the top of the pool's: the
//! range restriction the study corrects for. A hire's review rating is
//! `clamp(round(3 + 1.5·(ability − 2.65) + 0.8·noise), 1, 5)`: it follows
//! the candidate's true ability, which the interview only glimpses.
//! Candidates are added until [`COHORT_HIRES`] are hired (at most
//! [`COHORT_MAX`] candidates), so the sample workspace's study shows
//! figures on its first run.

use std::collections::HashSet;

use super::rng::Rng;
use super::{Clock, DAY, DemoData, HOUR, POPULAR, Profile, fresh_id, people, plan_loop, scorecard};
use crate::model::{
    Candidate, Decision, FormatVersion, Performance, Recommendation, Review, Template, Timestamp,
    Verdict,
};

/// How long ago the cohort was interviewed, in days.
pub const COHORT_AGO_DAYS: i64 = 420;

/// Hires the cohort needs: above the study's 30, with room.
pub const COHORT_HIRES: usize = 36;

/// The most candidates the cohort has.
pub const COHORT_MAX: usize = 200;

/// The managers who reviewed the hires (none of them on the panel).
const REVIEWERS: [&str; 4] = ["Dana Kim", "Tomás Herrera", "Grace Okonkwo", "Lukas Brandt"];

/// Why the panel hired or not, as the cohort's decisions say.
const RATIONALES: [(Verdict, &str); 2] = [
    (Verdict::Hire, "The panel agreed on the core skills; hired."),
    (
        Verdict::NoHire,
        "The panel did not see enough on the core skills.",
    ),
];

/// Adds the past cohort, its decisions and its hires' reviews to `data`
/// (as `data.past`: the candidates asked for stay as many as asked).
pub(super) fn add_performance(
    data: &mut DemoData,
    templates: &[Template],
    seed: u64,
    now: Timestamp,
) {
    let Some(template) = busiest(templates) else {
        return;
    };
    let mut past = DemoData::default();
    let mut rng = Rng::new(seed ^ 0x9E0F_11E5_CAFE_0042);
    let clock = Clock {
        now: Timestamp::from_utc(now.as_utc() - chrono::Duration::days(COHORT_AGO_DAYS)),
    };
    let now_secs = now.unix_seconds();
    let mut taken: HashSet<u32> = data
        .candidates
        .iter()
        .filter_map(|c| u32::from_str_radix(c.id.as_str().trim_start_matches("c-"), 16).ok())
        .collect();
    let mut hires = 0;
    let mut made = 0;
    while hires < COHORT_HIRES && made < COHORT_MAX {
        made += 1;
        let id = fresh_id(&mut rng, &mut taken);
        let name = people::full_name(&mut rng);
        let created = clock.now_secs() - rng.between(26 * HOUR, 60 * DAY);
        let profile = Profile::new(&mut rng, template);
        let plan = plan_loop(&mut rng, template, created, clock.now_secs());
        let candidate = Candidate::new(id, name, template.id.clone(), clock.at(plan.created));
        let cards: Vec<_> = plan
            .slots
            .iter()
            .map(|slot| scorecard(&mut rng, template, &candidate, &profile, slot, &clock))
            .filter(|card| card.is_submitted())
            .collect();
        let Some(last) = cards.iter().filter_map(|c| c.submitted_at).max() else {
            continue;
        };
        let hire_votes = cards
            .iter()
            .filter(|c| {
                matches!(
                    c.recommendation,
                    Some(Recommendation::Hire | Recommendation::StrongHire)
                )
            })
            .count();
        let verdict = if hire_votes * 2 > cards.len() {
            Verdict::Hire
        } else {
            Verdict::NoHire
        };
        let decided = last.unix_seconds() + rng.between(4, 48) * HOUR;
        let manager = rng.pick(&REVIEWERS).copied().unwrap_or("Dana Kim");
        let rationale = RATIONALES
            .iter()
            .find(|(v, _)| *v == verdict)
            .map_or("", |(_, words)| words);
        past.decisions.push(Decision {
            format: FormatVersion::CURRENT,
            candidate: candidate.id.clone(),
            decision: verdict,
            decided_by: manager.to_owned(),
            decided_at: clock.at(decided),
            rationale: rationale.to_owned(),
        });
        if verdict == Verdict::Hire {
            hires += 1;
            let mut performance = Performance::new(candidate.id.clone());
            // One in ten has had only the first review.
            let reviews = if rng.chance(0.1) { 1 } else { 2 };
            for k in 1..=reviews {
                let at = (decided + k * 182 * DAY + rng.between(0, 10) * DAY).min(now_secs - DAY);
                let level = 3.0 + 1.5 * (profile.ability - 2.65) + 0.8 * rng.normal();
                let rating = level.round().clamp(1.0, 5.0) as u8;
                performance.reviews.push(Review {
                    at: clock.at(at),
                    reviewer: manager.to_owned(),
                    rating,
                });
            }
            past.performances.push(performance);
        }
        past.candidates.push(candidate);
        past.scorecards.extend(cards);
    }
    data.past = Some(Box::new(past));
}

/// The most popular template among `templates`, else the first.
fn busiest(templates: &[Template]) -> Option<&Template> {
    POPULAR
        .iter()
        .find_map(|(id, _)| templates.iter().find(|t| t.id.as_str() == *id))
        .or_else(|| templates.first())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::TemplateSet;

    #[test]
    fn the_cohort_has_enough_reviewed_hires_each_after_the_decision() {
        let templates: Vec<Template> = TemplateSet::shipped()
            .0
            .iter()
            .map(|e| e.template.clone())
            .collect();
        let now: Timestamp = "2026-11-21T00:00:00Z".parse().unwrap();
        let all = super::super::generate(&templates, 12, 42, now);
        assert_eq!(all.candidates.len(), 12, "the cohort comes apart");
        let data = all.past.as_deref().unwrap();
        assert!(data.performances.len() >= COHORT_HIRES);
        for performance in &data.performances {
            let decision = data
                .decisions
                .iter()
                .find(|d| d.candidate == performance.candidate)
                .unwrap();
            assert_eq!(decision.decision, Verdict::Hire);
            assert!(performance.problems().is_empty());
            assert!(performance.decision_problems(Some(decision)).is_empty());
            assert!(performance.reviews.iter().all(|r| r.at < now));
        }
        assert_eq!(all, super::super::generate(&templates, 12, 42, now));
    }
}
