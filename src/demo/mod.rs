//! Realistic sample data: candidates interviewed against the templates by a
//! panel of interviewers, for trying the app, screenshots and benchmarks.
//!
//! Pure: [`generate`] builds values and touches no file; `scorecard demo`
//! writes them through the store. The same templates, seed and `now` give
//! the same data, on every platform.
//!
//! How the data is made, so its numbers can be read:
//!
//! - **Candidates** get a name from one of fifteen naming cultures (one in
//!   seven mixes two), an id like the app's (`c-3f9a1c`), a template chosen
//!   with a bias toward a few popular roles, and a creation time in the last
//!   60 days.
//! - **A latent level** per candidate: an overall ability (mean 2.65, sd 0.6)
//!   plus a per-dimension offset (sd 0.45). Weak candidates carry, more
//!   often than strong ones, one of the template's red flags that several
//!   interviewers may raise.
//! - **The panel** ([`people::PANEL`]): ten interviewers with a fixed
//!   leniency (two lenient at +0.9 and +0.6, two harsh at −0.85 and −0.6, the
//!   rest within ±0.1) and their own scatter.
//! - **The loop**: two to six scorecards per candidate, each by a different
//!   interviewer: a general interview first, then exercises on an on-site
//!   day; beyond one scorecard per stage, a second interviewer joins a
//!   stage (pair interviewing). So a candidate never has two files with the
//!   same interviewer and stage.
//! - **A rating** is `clamp(round(level + leniency + mood + noise), 1, 4)`,
//!   where mood is the interviewer's day (sd 0.25, shared by the
//!   scorecard's ratings); *no signal* for about 4% of exercise ratings and
//!   9% of general-interview ones.
//! - **Evidence** `[mm:ss] …` lines from the dimension's own strong or weak
//!   signals and stock phrases, always for *Does not meet* and *Exceeds*,
//!   for seven in ten other ratings.
//! - **The recommendation** follows the scorecard's weighted mean (≥ 3.5
//!   strong hire, ≥ 2.75 hire, ≥ 1.9 no hire, else strong no hire), capped at
//!   no hire after a red flag or a must-have rated *Does not meet*.
//! - **Drafts** (about 15%): mostly the recent interviews, and one
//!   interviewer who is slow to submit; partly rated, sometimes with notes on
//!   a dimension not yet rated, never a recommendation.
//! - **Security** dimensions scatter twice as much between interviewers,
//!   so the panel's reliability has a clearly weakest dimension.
//! - **A hiring drive** ([`interview_days`]): from 60 candidates asked for,
//!   42 of them are interviewed seven a day by one lead who drifts with the
//!   day's earlier scores, a colleague sitting in on each.

mod evidence;
mod hiring_loop;
mod interview_days;
mod people;
mod performance;
mod rng;

use std::collections::{BTreeMap, HashSet};

use chrono::DateTime;

use self::people::{Interviewer, PANEL};
use self::rng::Rng;
use crate::model::{
    Candidate, Exercise, FormatVersion, Rating, RatingEntry, Recommendation, Scorecard, Slug,
    Template, Timestamp,
};

/// The seed `scorecard demo` uses unless told otherwise, so that two demo
/// workspaces made the same day are identical.
pub const DEFAULT_SEED: u64 = 42;

/// The most candidates [`generate`] makes in one go.
pub const MAX_CANDIDATES: usize = 100_000;

/// Sample candidates and their scorecards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemoData {
    /// The candidates, in the order they were generated.
    pub candidates: Vec<Candidate>,
    /// Every scorecard, grouped by candidate in the same order.
    pub scorecards: Vec<Scorecard>,
    /// Openings of the busiest templates.
    pub openings: Vec<crate::model::Opening>,
    /// Decisions on some candidates of an opening.
    pub decisions: Vec<crate::model::Decision>,
    /// Performance reviews of hires (the past cohort's).
    pub performances: Vec<crate::model::Performance>,
    /// The past cohort of the validity study (see `performance`): its
    /// candidates, scorecards, decisions and reviews, apart from the
    /// candidates asked for.
    pub past: Option<Box<DemoData>>,
}

impl DemoData {
    /// How many scorecards are drafts.
    pub fn drafts(&self) -> usize {
        self.scorecards.iter().filter(|s| !s.is_submitted()).count()
    }

    /// Each candidate with their scorecards, in linear time (the scorecards
    /// are grouped by candidate, in the candidates' order).
    pub fn by_candidate(&self) -> Vec<(&Candidate, &[Scorecard])> {
        let mut rest = self.scorecards.as_slice();
        self.candidates
            .iter()
            .map(|candidate| {
                let own = rest
                    .iter()
                    .take_while(|s| s.candidate == candidate.id)
                    .count();
                let (cards, tail) = rest.split_at(own);
                rest = tail;
                (candidate, cards)
            })
            .collect()
    }
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const QUARTER: i64 = 15 * MINUTE;

/// Templates most candidates are interviewed for, with their weights; every
/// other template has weight 1.
const POPULAR: &[(&str, u32)] = &[
    ("infrastructure-engineer", 14),
    ("devops-engineer", 12),
    ("cloud-engineer", 10),
    ("kubernetes-engineer", 8),
    ("junior-site-reliability-engineer", 6),
];

/// How many scorecards a candidate gets: 2, 3, 4, 5 or 6, with these weights.
const LOOP_SIZES: [u32; 5] = [15, 25, 30, 20, 10];

/// Generates `candidates` candidates (at most [`MAX_CANDIDATES`]) with their
/// scorecards, interviewed against `templates` before `now`.
///
/// Deterministic: the same arguments give the same data. Every scorecard
/// has no [`Scorecard::problems`], and every submitted one is complete
/// ([`crate::model::missing_for_submit`] is empty). With no template there
/// is nothing to interview for, and the result is empty.
pub fn generate(templates: &[Template], candidates: usize, seed: u64, now: Timestamp) -> DemoData {
    let candidates = candidates.min(MAX_CANDIDATES);
    let mut rng = Rng::new(seed);
    let weights = template_weights(templates);
    let mut taken = HashSet::with_capacity(candidates);
    let mut data = DemoData {
        candidates: Vec::with_capacity(candidates),
        scorecards: Vec::with_capacity(candidates * 4),
        ..DemoData::default()
    };
    let clock = Clock { now };
    let drive = interview_days::drive_size(candidates);
    for _ in 0..candidates - drive {
        let Some(template) = rng.weighted(&weights).and_then(|i| templates.get(i)) else {
            break;
        };
        let id = fresh_id(&mut rng, &mut taken);
        let name = people::full_name(&mut rng);
        let created = clock.now_secs() - rng.between(26 * HOUR, 60 * DAY);
        let notes = if rng.chance(0.15) {
            rng.pick(people::CANDIDATE_NOTES)
                .copied()
                .unwrap_or_default()
                .to_owned()
        } else {
            String::new()
        };
        let profile = Profile::new(&mut rng, template);
        let plan = plan_loop(&mut rng, template, created, clock.now_secs());
        let mut candidate = Candidate::new(id, name, template.id.clone(), clock.at(plan.created));
        candidate.notes = notes;
        for slot in &plan.slots {
            let card = scorecard(&mut rng, template, &candidate, &profile, slot, &clock);
            data.scorecards.push(card);
        }
        data.candidates.push(candidate);
    }
    hiring_loop::add_hiring_loop(&mut data, templates, seed, now);
    interview_days::add_interview_days(&mut data, templates, drive, seed, now);
    performance::add_performance(&mut data, templates, seed, now);
    data
}

/// Turns seconds into timestamps.
struct Clock {
    now: Timestamp,
}

impl Clock {
    fn now_secs(&self) -> i64 {
        self.now.unix_seconds()
    }

    /// The moment `secs` after the epoch; `now` if that is out of range,
    /// which the offsets used here never are.
    fn at(&self, secs: i64) -> Timestamp {
        DateTime::from_timestamp(secs, 0)
            .map(Timestamp::from_utc)
            .unwrap_or(self.now)
    }
}

/// Popular templates weigh more; without any of them in the list, the first
/// few templates stand in for them.
fn template_weights(templates: &[Template]) -> Vec<u32> {
    let mut weights: Vec<u32> = templates
        .iter()
        .map(|t| {
            POPULAR
                .iter()
                .find(|(id, _)| *id == t.id.as_str())
                .map_or(1, |&(_, weight)| weight)
        })
        .collect();
    if weights.iter().all(|&w| w == 1) {
        for (weight, &(_, popular)) in weights.iter_mut().zip(POPULAR) {
            *weight = popular;
        }
    }
    weights
}

/// An id like the app gives (`c-` and six hex digits), unused so far.
fn fresh_id(rng: &mut Rng, taken: &mut HashSet<u32>) -> Slug {
    loop {
        let number = (rng.next_u64() & 0xff_ffff) as u32;
        if taken.insert(number)
            && let Ok(id) = Slug::new(format!("c-{number:06x}"))
        {
            return id;
        }
    }
}

/// What the candidate is really like, which every interviewer glimpses.
struct Profile {
    /// Overall ability, roughly 1–4.
    ability: f64,
    /// True level per dimension id.
    levels: BTreeMap<String, f64>,
    /// A red flag the candidate shows, if any.
    red_flag: Option<String>,
}

impl Profile {
    fn new(rng: &mut Rng, template: &Template) -> Self {
        let ability = (2.65 + 0.6 * rng.normal()).clamp(1.0, 4.3);
        let levels = template
            .dimensions
            .iter()
            .map(|d| (d.id.as_str().to_owned(), ability + 0.45 * rng.normal()))
            .collect();
        let flag_chance = if ability < 2.3 { 0.3 } else { 0.05 };
        let red_flag = if rng.chance(flag_chance) {
            rng.pick(&template.red_flags).cloned()
        } else {
            None
        };
        Self {
            ability,
            levels,
            red_flag,
        }
    }

    fn level(&self, dimension: &str) -> f64 {
        self.levels.get(dimension).copied().unwrap_or(self.ability)
    }
}

/// One scorecard to write: who, which stage, when it started.
struct Slot<'t> {
    interviewer: &'static Interviewer,
    exercise: Option<&'t Exercise>,
    started: i64,
    /// How far the day's earlier candidates move this interviewer's
    /// ratings (see [`interview_days`]); 0 in an ordinary loop.
    drift: f64,
}

/// A candidate's interview loop.
struct LoopPlan<'t> {
    /// When the candidate was added (moved earlier if the loop needed it).
    created: i64,
    slots: Vec<Slot<'t>>,
}

/// A general interview some days after the candidate is added, then an
/// on-site day of exercises; all of it over by half an hour before `now`.
fn plan_loop<'a>(rng: &mut Rng, template: &'a Template, created: i64, now: i64) -> LoopPlan<'a> {
    let size = 2 + rng.weighted(&LOOP_SIZES).unwrap_or(2);
    let mut exercises: Vec<&Exercise> = template.exercises.iter().collect();
    rng.shuffle(&mut exercises);
    // Stage order: the general interview, the exercises, then the same again
    // for the second interviewer of a pair.
    let mut stages: Vec<Option<&Exercise>> = Vec::with_capacity(size);
    while stages.len() < size {
        stages.push(None);
        stages.extend(exercises.iter().map(|&e| Some(e)));
    }
    stages.truncate(size);

    let mut panel: Vec<&'static Interviewer> = PANEL.iter().collect();
    rng.shuffle(&mut panel);

    let days_available = ((now - created) / DAY).max(1);
    let screen = day_start(created)
        + rng.between(1, days_available.min(10)) * DAY
        + 8 * HOUR
        + rng.between(0, 32) * QUARTER;
    let mut cursor = day_start(screen) + rng.between(2, 8) * DAY + 9 * HOUR;
    cursor += rng.between(0, 4) * QUARTER;

    let mut first_start: BTreeMap<&str, i64> = BTreeMap::new();
    let mut slots = Vec::with_capacity(size);
    let mut end = screen;
    for (exercise, interviewer) in stages.into_iter().zip(panel) {
        let stage = exercise.map_or("", |e| e.id.as_str());
        let started = match first_start.get(stage) {
            // The second interviewer of a pair joins within minutes.
            Some(&first) => first + rng.between(0, 3) * MINUTE,
            None => {
                let started = match exercise {
                    None => screen,
                    Some(exercise) => {
                        let at = cursor;
                        let minutes = i64::from(exercise.minutes);
                        cursor += round_up(minutes * MINUTE + 30 * MINUTE, QUARTER);
                        at
                    }
                };
                first_start.insert(stage, started);
                started
            }
        };
        let minutes = exercise.map_or(60, |e| i64::from(e.minutes));
        end = end.max(started + minutes * MINUTE);
        slots.push(Slot {
            interviewer,
            exercise,
            started,
            drift: 0.0,
        });
    }

    // A candidate added lately had a quicker loop: move it back so that it
    // is over before `now`, and the candidate's creation before it.
    let latest_end = now - 30 * MINUTE;
    let mut created = created;
    if end > latest_end {
        let shift = round_up(end - latest_end, QUARTER);
        for slot in &mut slots {
            slot.started -= shift;
        }
        let earliest = slots.iter().map(|s| s.started).min().unwrap_or(now);
        created = created.min(earliest - rng.between(2 * HOUR, 3 * DAY));
    }
    for slot in &mut slots {
        slot.started = slot.started.clamp(created + MINUTE, now - MINUTE);
    }
    LoopPlan { created, slots }
}

fn day_start(secs: i64) -> i64 {
    secs.div_euclid(DAY) * DAY
}

fn round_up(secs: i64, step: i64) -> i64 {
    (secs + step - 1).div_euclid(step) * step
}

/// One interviewer's scorecard of one stage.
fn scorecard(
    rng: &mut Rng,
    template: &Template,
    candidate: &Candidate,
    profile: &Profile,
    slot: &Slot<'_>,
    clock: &Clock,
) -> Scorecard {
    let now = clock.now_secs();
    let who = slot.interviewer;
    let stage = slot.exercise.map_or("", |e| e.id.as_str());
    let planned = slot
        .exercise
        .map_or_else(|| rng.between(40, 60), |e| i64::from(e.minutes))
        * MINUTE;
    let seconds = (planned + rng.between(-5, 12) * MINUTE).max(10 * MINUTE);
    let dimensions = template.dimensions_for_stage(stage);

    let age = now - slot.started;
    let draft_chance = if age < 3 * DAY {
        0.45
    } else if age < 10 * DAY {
        0.15
    } else {
        0.07
    };
    let draft = rng.chance((draft_chance * who.procrastination).min(0.9));
    let rated = if !draft || rng.chance(0.25) {
        dimensions.len()
    } else {
        rng.below(dimensions.len() + 1)
    };

    let mood = 0.25 * rng.normal();
    let no_signal_chance = if slot.exercise.is_some() { 0.04 } else { 0.09 };
    let seen = |rng: &mut Rng, dimension: &str| -> u8 {
        let noise = who.noise * dimension_noise(dimension);
        let noisy =
            profile.level(dimension) + who.leniency + mood + slot.drift + noise * rng.normal();
        noisy.round().clamp(1.0, 4.0) as u8
    };

    let mut ratings = BTreeMap::new();
    for dimension in dimensions.iter().take(rated) {
        let entry = if rng.chance(no_signal_chance) {
            let evidence = if rng.chance(0.2) {
                rng.pick(evidence::NO_SIGNAL_NOTES)
                    .copied()
                    .unwrap_or_default()
                    .to_owned()
            } else {
                String::new()
            };
            RatingEntry {
                rating: Rating::NoSignal,
                evidence: evidence.into(),
            }
        } else {
            let score = seen(rng, dimension.id.as_str());
            let rating = Rating::from_score(score).unwrap_or(Rating::Meets);
            let evidence = if rating.needs_evidence() || rng.chance(0.7) {
                evidence::write(rng, dimension, score, seconds)
            } else {
                String::new()
            };
            RatingEntry {
                rating,
                evidence: evidence.into(),
            }
        };
        ratings.insert(dimension.id.clone(), entry);
    }

    // A draft's notes on the dimension the interviewer was about to rate.
    let mut unrated_evidence = BTreeMap::new();
    if let Some(next) = dimensions.get(rated)
        && rng.chance(0.5)
    {
        let score = seen(rng, next.id.as_str());
        let text = evidence::write(rng, next, score, seconds);
        unrated_evidence.insert(next.id.clone(), text);
    }

    let mut red_flags = Vec::new();
    if let Some(flag) = &profile.red_flag
        && rng.chance(0.6)
    {
        red_flags.push(flag.clone());
    } else if rng.chance(0.015)
        && let Some(flag) = rng.pick(&template.red_flags)
    {
        red_flags.push(flag.clone());
    }

    let (submitted_at, recommendation) = if draft {
        (None, None)
    } else {
        let delay = if rng.chance(0.85) {
            rng.between(1, 90) * MINUTE
        } else {
            rng.between(3 * HOUR, 3 * DAY)
        };
        let submitted = (slot.started + seconds + delay).min(now).max(slot.started);
        let impression = profile.ability + who.leniency + mood;
        let recommendation = recommend(template, &ratings, !red_flags.is_empty(), impression);
        (Some(clock.at(submitted)), Some(recommendation))
    };

    let notes = if rng.chance(0.12) {
        rng.pick(people::SCORECARD_NOTES)
            .copied()
            .unwrap_or_default()
            .to_owned()
    } else {
        String::new()
    };

    Scorecard {
        format: FormatVersion::CURRENT,
        candidate: candidate.id.clone(),
        template: template.id.clone(),
        template_version: template.version,
        interviewer: who.name.into(),
        stage: stage.into(),
        started_at: clock.at(slot.started),
        submitted_at,
        amended_at: None,
        ratings: ratings.into_iter().collect(),
        unrated_evidence: unrated_evidence.into_iter().collect(),
        red_flags,
        recommendation,
        notes,
    }
}

/// How much more than usual interviewers scatter on a dimension: twice as
/// much on security, whose anchors the demo's panel reads differently, so
/// the sample has one clearly least reliable dimension.
fn dimension_noise(dimension: &str) -> f64 {
    if dimension.contains("security") {
        2.0
    } else {
        1.0
    }
}

/// The verdict a mean score (1 to 4) supports, before red flags and
/// must-haves: *strong hire* from 3.5, *hire* from 2.75, *no hire* from 1.9.
pub fn recommendation_for_mean(mean: f64) -> Recommendation {
    if mean >= 3.5 {
        Recommendation::StrongHire
    } else if mean >= 2.75 {
        Recommendation::Hire
    } else if mean >= 1.9 {
        Recommendation::NoHire
    } else {
        Recommendation::StrongNoHire
    }
}

/// The verdict the ratings support: by the weighted mean of the scores
/// given, at most *no hire* after a red flag or a must-have rated *Does not
/// meet*. With no score at all (every dimension *no signal*), the
/// interviewer's overall `impression` decides.
fn recommend(
    template: &Template,
    ratings: &BTreeMap<Slug, RatingEntry>,
    red_flag: bool,
    impression: f64,
) -> Recommendation {
    let mut weighted = 0.0;
    let mut total_weight = 0.0;
    let mut must_have_failed = false;
    for (id, entry) in ratings {
        let Some(score) = entry.rating.score() else {
            continue;
        };
        let (weight, must_have) = template
            .dimension(id.as_str())
            .map_or((1.0, false), |d| (d.weight, d.must_have));
        weighted += weight * f64::from(score);
        total_weight += weight;
        must_have_failed |= must_have && score == 1;
    }
    let mean = if total_weight > 0.0 {
        weighted / total_weight
    } else {
        impression
    };
    let by_mean = recommendation_for_mean(mean);
    if red_flag || must_have_failed {
        by_mean.min(Recommendation::NoHire)
    } else {
        by_mean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::TemplateSet;
    use crate::model::missing_for_submit;

    fn shipped() -> Vec<Template> {
        let (set, errors) = TemplateSet::shipped();
        assert!(errors.is_empty(), "{errors:?}");
        set.iter().map(|e| e.template.clone()).collect()
    }

    fn now() -> Timestamp {
        "2026-11-21T00:00:00Z".parse().unwrap()
    }

    #[test]
    fn every_scorecard_is_valid_and_every_submitted_one_complete() {
        let templates = shipped();
        for seed in [0, 1, DEFAULT_SEED, 0xDEAD_BEEF, u64::MAX] {
            let data = generate(&templates, 300, seed, now());
            assert_eq!(data.candidates.len(), 300);
            let by_id: BTreeMap<&str, &Candidate> =
                data.candidates.iter().map(|c| (c.id.as_str(), c)).collect();
            assert_eq!(by_id.len(), 300, "candidate ids are unique");
            let mut files = HashSet::new();
            for candidate in &data.candidates {
                assert!(candidate.problems().is_empty());
                assert!(candidate.created_at < now());
                assert!(candidate.created_at.unix_seconds() >= now().unix_seconds() - 64 * DAY);
            }
            for card in &data.scorecards {
                assert!(
                    card.problems().is_empty(),
                    "{card:?}: {:?}",
                    card.problems()
                );
                let candidate = by_id[card.candidate.as_str()];
                assert_eq!(card.template, candidate.template);
                assert!(card.started_at >= candidate.created_at, "{card:?}");
                assert!(card.started_at <= now());
                let template = templates.iter().find(|t| t.id == card.template).unwrap();
                if let Some(submitted) = card.submitted_at {
                    assert!(submitted <= now());
                    let missing = missing_for_submit(card, template);
                    assert!(missing.is_empty(), "{card:?}: {missing:?}");
                } else {
                    assert_eq!(card.recommendation, None);
                }
                for flag in &card.red_flags {
                    assert!(template.red_flags.contains(flag));
                }
                let file = (
                    card.candidate.clone(),
                    Slug::from_name(&card.interviewer).unwrap(),
                    card.stage.clone(),
                );
                assert!(files.insert(file), "two scorecards share a file: {card:?}");
            }
            let grouped = data.by_candidate();
            assert_eq!(grouped.len(), 300);
            let mut total = 0;
            for (candidate, cards) in grouped {
                assert!((2..=6).contains(&cards.len()));
                assert!(cards.iter().all(|c| c.candidate == candidate.id));
                total += cards.len();
            }
            assert_eq!(total, data.scorecards.len());
            let per_candidate = data.scorecards.len() as f64 / 300.0;
            assert!((3.0..5.0).contains(&per_candidate), "{per_candidate}");
        }
    }

    #[test]
    fn same_seed_same_data_and_other_seed_other_data() {
        let templates = shipped();
        let a = generate(&templates, 50, 9, now());
        assert_eq!(a, generate(&templates, 50, 9, now()));
        assert_ne!(a, generate(&templates, 50, 10, now()));
    }

    #[test]
    fn the_mix_looks_like_real_hiring() {
        let templates = shipped();
        let data = generate(&templates, 2000, DEFAULT_SEED, now());
        let cards = data.scorecards.len() as f64;
        let drafts = data.drafts() as f64 / cards;
        assert!((0.10..0.20).contains(&drafts), "drafts {drafts}");
        let ratings: Vec<Rating> = data
            .scorecards
            .iter()
            .flat_map(|c| c.ratings.values().map(|e| e.rating))
            .collect();
        let share =
            |r: Rating| ratings.iter().filter(|&&x| x == r).count() as f64 / ratings.len() as f64;
        assert!((0.05..0.10).contains(&share(Rating::NoSignal)));
        for rating in Rating::ALL {
            assert!(share(rating) > 0.03, "{rating:?} {}", share(rating));
        }
        let recommendations: HashSet<_> = data
            .scorecards
            .iter()
            .filter_map(|c| c.recommendation)
            .collect();
        assert_eq!(recommendations.len(), 4);
        assert!(data.scorecards.iter().any(|c| !c.red_flags.is_empty()));
        assert!(
            data.scorecards
                .iter()
                .any(|c| !c.unrated_evidence.is_empty())
        );
        let templates_used: HashSet<_> = data.candidates.iter().map(|c| &c.template).collect();
        assert!(templates_used.len() > 10);
        let infra = data
            .candidates
            .iter()
            .filter(|c| c.template.as_str() == "infrastructure-engineer")
            .count();
        assert!(infra > 2000 / 10, "popular roles dominate: {infra}");
    }

    #[test]
    fn recommendation_follows_the_ratings() {
        let templates = shipped();
        let template = templates
            .iter()
            .find(|t| t.dimensions.iter().any(|d| d.must_have))
            .unwrap();
        let all = |rating: Rating| -> BTreeMap<Slug, RatingEntry> {
            template
                .dimensions
                .iter()
                .map(|d| {
                    let evidence = String::new();
                    (
                        d.id.clone(),
                        RatingEntry {
                            rating,
                            evidence: evidence.into(),
                        },
                    )
                })
                .collect()
        };
        assert_eq!(
            recommend(template, &all(Rating::Exceeds), false, 0.0),
            Recommendation::StrongHire
        );
        assert_eq!(
            recommend(template, &all(Rating::Exceeds), true, 0.0),
            Recommendation::NoHire
        );
        assert_eq!(
            recommend(template, &all(Rating::Meets), false, 0.0),
            Recommendation::Hire
        );
        assert_eq!(
            recommend(template, &all(Rating::DoesNotMeet), false, 4.0),
            Recommendation::StrongNoHire
        );
        assert_eq!(
            recommend(template, &all(Rating::NoSignal), false, 3.0),
            Recommendation::Hire
        );
        let mut one_failed = all(Rating::Exceeds);
        let must = template.dimensions.iter().find(|d| d.must_have).unwrap();
        one_failed.get_mut(must.id.as_str()).unwrap().rating = Rating::DoesNotMeet;
        assert_eq!(
            recommend(template, &one_failed, false, 0.0),
            Recommendation::NoHire
        );
    }

    #[test]
    fn nothing_to_interview_for_gives_nothing() {
        assert_eq!(generate(&[], 10, 1, now()), DemoData::default());
    }
}
