//! Long interview days in the demo: a hiring drive where one interviewer
//! runs seven general interviews a day, each with a colleague sitting in,
//! so the sample shows day drift and panel reliability (DESIGN.md
//! "Evidence that the interview works").
//!
//! - **The drive**: [`DRIVE`] candidates of the busiest template, seven a
//!   day every other day, the last day five days before `now`, interviews
//!   at 09:00, 10:15, 11:30, then 13:15, 14:30, 15:45 and 17:00 UTC.
//! - **The lead** ([`LEAD`], Priya Raman) drifts: each of her ratings is
//!   pulled by −[`CONTRAST`] × (the mean of her earlier scores that day −
//!   her usual level), the contrast effect Simonsohn and Gino (2013) found.
//!   Her colleagues sitting in do not, so both rate every dimension of
//!   every candidate and the panel's reliability can be read.
//! - Drawn from its own random stream, so the other candidates are the
//!   same with or without it. Asked for fewer than [`DRIVE_FROM`]
//!   candidates, the demo has no drive.

use std::collections::HashSet;

use super::people::{self, PANEL};
use super::rng::Rng;
use super::{Clock, DAY, DemoData, HOUR, MINUTE, Profile, Slot, day_start, scorecard};
use crate::model::stats::scorecard_score;
use crate::model::{Candidate, Template, Timestamp};

/// From this many candidates asked for, [`DRIVE`] of them are the drive's.
pub(super) const DRIVE_FROM: usize = 60;

/// How many candidates the drive interviews.
pub(super) const DRIVE: usize = 42;

/// Interviews a day.
const PER_DAY: usize = 7;

/// Who leads every interview of the drive: Priya Raman.
const LEAD: usize = 0;

/// Who sits in, in turn: Yuki Tanaka, Fatima Haddad, Grace Okafor.
const SITTING_IN: [usize; 3] = [4, 6, 8];

/// How strongly the lead's ratings move against the day's earlier scores.
const CONTRAST: f64 = 0.6;

/// Minutes after 09:00 of each interview of a day (lunch after the third).
const STARTS: [i64; PER_DAY] = [0, 75, 150, 255, 330, 405, 480];

/// How many of `candidates` are the drive's.
pub(super) fn drive_size(candidates: usize) -> usize {
    if candidates >= DRIVE_FROM { DRIVE } else { 0 }
}

/// Adds `count` candidates interviewed in long days, with their
/// scorecards, for the busiest template of `templates`.
pub(super) fn add_interview_days(
    data: &mut DemoData,
    templates: &[Template],
    count: usize,
    seed: u64,
    now: Timestamp,
) {
    let Some(template) = templates
        .iter()
        .find(|t| t.id.as_str() == "infrastructure-engineer")
        .or_else(|| templates.first())
    else {
        return;
    };
    let Some(lead) = PANEL.get(LEAD) else {
        return;
    };
    let clock = Clock { now };
    let mut rng = Rng::new(seed ^ 0x6472_6966_7400_0001);
    let mut taken: HashSet<u32> = data
        .candidates
        .iter()
        .filter_map(|c| u32::from_str_radix(c.id.as_str().trim_start_matches("c-"), 16).ok())
        .collect();
    let days = count.div_ceil(PER_DAY);
    let today = day_start(clock.now_secs());
    let usual = 2.65 + lead.leniency;
    for day in 0..days {
        let start = today - (2 * (days - day) as i64 + 3) * DAY + 9 * HOUR;
        let mut earlier: Vec<f64> = Vec::new();
        for (place, offset) in STARTS.iter().enumerate() {
            if day * PER_DAY + place >= count {
                break;
            }
            let started = start + offset * MINUTE;
            let id = super::fresh_id(&mut rng, &mut taken);
            let name = people::full_name(&mut rng);
            let created = started - rng.between(2, 10) * DAY;
            let profile = Profile::new(&mut rng, template);
            let candidate = Candidate::new(id, name, template.id.clone(), clock.at(created));
            let pull = if earlier.is_empty() {
                0.0
            } else {
                let mean = earlier.iter().sum::<f64>() / earlier.len() as f64;
                -CONTRAST * (mean - usual)
            };
            let led = Slot {
                interviewer: lead,
                exercise: None,
                started,
                drift: pull,
            };
            let card = scorecard(&mut rng, template, &candidate, &profile, &led, &clock);
            if let Some(score) = scorecard_score(&card, Some(template)) {
                earlier.push(score);
            }
            data.scorecards.push(card);
            let colleague = SITTING_IN
                .get((day + place) % SITTING_IN.len())
                .and_then(|&i| PANEL.get(i));
            if let Some(colleague) = colleague {
                let joined = Slot {
                    interviewer: colleague,
                    exercise: None,
                    started: started + rng.between(0, 3) * MINUTE,
                    drift: 0.0,
                };
                let card = scorecard(&mut rng, template, &candidate, &profile, &joined, &clock);
                data.scorecards.push(card);
            }
            data.candidates.push(candidate);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DEFAULT_SEED, generate};
    use crate::io::TemplateSet;
    use crate::model::LocalZone;
    use crate::model::stats::{drift, reliability};

    #[test]
    fn the_drive_shows_drift_and_a_least_reliable_dimension() {
        let templates: Vec<Template> = TemplateSet::shipped()
            .0
            .iter()
            .map(|e| e.template.clone())
            .collect();
        let now: Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        let data = generate(&templates, DRIVE_FROM, DEFAULT_SEED, now);
        assert_eq!(data.candidates.len(), DRIVE_FROM);
        let input = crate::model::SummaryInput {
            candidates: data
                .by_candidate()
                .into_iter()
                .map(|(c, cards)| (c.clone(), cards.to_vec()))
                .collect(),
            templates: templates
                .iter()
                .map(|t| (t.id.clone(), t.clone()))
                .collect(),
        };
        let view = input.view();
        let report = drift(&view, LocalZone::UTC);
        let priya = report
            .interviewers
            .iter()
            .find(|i| i.interviewer == "Priya Raman")
            .unwrap();
        assert!(priya.pairs >= 30, "{priya:?}");
        assert!(priya.slope.unwrap() < 0.0, "{priya:?}");
        let reliability = reliability(&view, None);
        let infra = reliability.template("infrastructure-engineer").unwrap();
        let least = infra.least_reliable_first();
        assert!(
            least[0].dimension.as_deref().unwrap().contains("security"),
            "{least:?}"
        );
        assert!(
            least[0].icc1.unwrap() + 0.1 < least[1].icc1.unwrap(),
            "{least:?}"
        );
    }
}
