//! Interviewer calibration: DESIGN.md "Interviewer calibration", the figures
//! `scorecard interviewers` prints, the interviewer view shows and
//! `summary`'s `"interviewers"` carries.
//!
//! Every figure is over the interviewer's **submitted** scorecards, and an
//! interviewer is their [`InterviewerId`]. Decisions where the design is
//! silent:
//!
//! - Decisions come in through [`CalibrationContext`], a plain map (they
//!   live beside the candidate, not in it); without them
//!   `decision_agreement` is null. The planned time of an interview is the
//!   candidate's own plan; a scorecard not in it counts
//!   `median_hours_to_submit` from `started_at`.
//! - `mean_abs_deviation` compares each rating against the same "mean of
//!   the others' ratings" as leniency ([`differences`]), so both figures
//!   rest on the same ratings.
//! - `median_hours_to_submit` is the mean of the middle two when the count
//!   is even (as the dimension median); hours are fractional
//!   (`seconds / 3600`) and may be negative when a scorecard was submitted
//!   before the planned time.
//! - The result does not depend on the order of the input: interviewers
//!   are sorted by id, and every floating-point sum is taken in a fixed
//!   order.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::describe::mean_of;
use super::leniency::differences_by_candidate;
use crate::model::{
    Candidate, InterviewerId, NameAsWritten, Rating, Recommendation, Scorecard, Slug, Timestamp,
};

/// What calibration reads besides the candidates and their scorecards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CalibrationContext {
    /// Per candidate id, whether the decision was to hire. A candidate
    /// without a decision is absent.
    pub decisions: HashMap<Slug, bool>,
}

/// When `candidate`'s plan has `who` interviewing at `stage`, if it does.
fn planned_at(candidate: &Candidate, who: &InterviewerId, stage: &str) -> Option<Timestamp> {
    candidate
        .interviews
        .iter()
        .find(|i| i.stage == stage && who.is(&i.interviewer))
        .map(|i| i.at)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Distribution {
    /// *Does not meet* (1).
    pub does_not_meet: usize,
    /// *Partially meets* (2).
    pub partially_meets: usize,
    /// *Meets* (3).
    pub meets: usize,
    /// *Exceeds* (4).
    pub exceeds: usize,
}

impl Distribution {
    /// Counts one rating; *no signal* is not counted.
    pub fn add(&mut self, rating: Rating) {
        match rating {
            Rating::DoesNotMeet => self.does_not_meet += 1,
            Rating::PartiallyMeets => self.partially_meets += 1,
            Rating::Meets => self.meets += 1,
            Rating::Exceeds => self.exceeds += 1,
            Rating::NoSignal => {}
        }
    }

    /// The counts from *Does not meet* to *Exceeds*.
    pub fn counts(&self) -> [usize; 4] {
        [
            self.does_not_meet,
            self.partially_meets,
            self.meets,
            self.exceeds,
        ]
    }

    /// How many ratings in all.
    pub fn total(&self) -> usize {
        self.counts().iter().sum()
    }

    /// The sum of two distributions.
    #[must_use]
    pub fn plus(&self, other: &Self) -> Self {
        Self {
            does_not_meet: self.does_not_meet + other.does_not_meet,
            partially_meets: self.partially_meets + other.partially_meets,
            meets: self.meets + other.meets,
            exceeds: self.exceeds + other.exceeds,
        }
    }
}

/// One interviewer's calibration figures (DESIGN.md's keys, in its order).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewerSummary {
    /// Who: the slug of their name. Not printed (DESIGN.md's keys only); the
    /// app uses it to show an interviewer their own figures.
    #[serde(skip)]
    pub id: InterviewerId,
    /// The name as written in their most recent submitted scorecard.
    pub name: String,
    /// How many scorecards they submitted.
    pub submitted: usize,
    /// Mean of (their rating − the other interviewers' mean) where others
    /// rated too; `None` if nowhere. See [`mod@super::leniency`].
    pub leniency: Option<f64>,
    /// How many 1–4 ratings they gave.
    pub ratings: usize,
    /// Those ratings by kind.
    pub distribution: Distribution,
    /// Mean of their 1–4 ratings.
    pub mean_rating: Option<f64>,
    /// Population standard deviation of their ratings; `None` below 2.
    pub rating_sd: Option<f64>,
    /// Of their scorecards with ≥ 3 ratings 1–4, the share whose ratings
    /// are all equal.
    pub same_rating_share: Option<f64>,
    /// Mean of |their rating − the others' mean| where others rated too.
    pub mean_abs_deviation: Option<f64>,
    /// Of their scorecards with a recommendation, the share Hire or
    /// Strong hire.
    pub hire_share: Option<f64>,
    /// Of their scorecards with a recommendation for a decided candidate,
    /// the share where (Hire or Strong hire) ⇔ hired.
    pub decision_agreement: Option<f64>,
    /// Median hours from the planned interview (or `started_at`) to
    /// `submitted_at`.
    pub median_hours_to_submit: Option<f64>,
    /// Leniency on each dimension id where others rated too: (dimension,
    /// mean difference, how many ratings), sorted by dimension. Not printed;
    /// the interviewer's page shows it.
    #[serde(skip)]
    pub dimension_leniency: Vec<(String, f64, usize)>,
}

/// Per interviewer, what the figures are counted from.
#[derive(Default)]
struct Tally<'a> {
    name: NameAsWritten<'a>,
    submitted: usize,
    distribution: Distribution,
    scores: Vec<f64>,
    uniform_cards: usize,
    cards_with_three: usize,
    recommended: usize,
    hires: usize,
    decided: usize,
    agreed: usize,
    hours: Vec<f64>,
}

/// The calibration figures of every interviewer with a submitted
/// scorecard among `candidates`, sorted by id.
pub fn calibrate(
    candidates: &[(&Candidate, Vec<&Scorecard>)],
    context: &CalibrationContext,
) -> Vec<InterviewerSummary> {
    let diffs = differences_by_candidate(candidates);

    let mut tallies: BTreeMap<InterviewerId, Tally<'_>> = BTreeMap::new();
    for (candidate, cards) in candidates {
        for &card in cards.iter().filter(|c| c.is_submitted()) {
            let id = InterviewerId::of(card);
            let planned = planned_at(candidate, &id, &card.stage);
            let decision = context.decisions.get(&candidate.id).copied();
            tallies.entry(id).or_default().see(card, planned, decision);
        }
    }

    tallies
        .into_iter()
        .map(|(id, tally)| {
            let by_dimension = diffs.get(&id).map(Vec::as_slice).unwrap_or_default();
            let mine: Vec<f64> = by_dimension.iter().map(|&(_, d)| d).collect();
            let absolute: Vec<f64> = mine.iter().map(|d| d.abs()).collect();
            let mut per_dimension: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
            for &(dimension, d) in by_dimension {
                per_dimension.entry(dimension).or_default().push(d);
            }
            InterviewerSummary {
                name: tally.name.name().unwrap_or(id.as_str()).to_owned(),
                submitted: tally.submitted,
                leniency: mean_of(&mine),
                ratings: tally.distribution.total(),
                distribution: tally.distribution,
                mean_rating: mean_of(&tally.scores),
                rating_sd: population_sd(&tally.scores),
                same_rating_share: share(tally.uniform_cards, tally.cards_with_three),
                mean_abs_deviation: mean_of(&absolute),
                hire_share: share(tally.hires, tally.recommended),
                decision_agreement: share(tally.agreed, tally.decided),
                median_hours_to_submit: median(&tally.hours),
                dimension_leniency: per_dimension
                    .into_iter()
                    .filter_map(|(dimension, diffs)| {
                        Some((dimension.to_owned(), mean_of(&diffs)?, diffs.len()))
                    })
                    .collect(),
                id,
            }
        })
        .collect()
}

impl<'a> Tally<'a> {
    fn see(&mut self, card: &'a Scorecard, planned: Option<Timestamp>, hired: Option<bool>) {
        self.name.see(card);
        self.submitted += 1;
        let scores: Vec<u8> = card
            .ratings
            .values()
            .filter_map(|entry| {
                self.distribution.add(entry.rating);
                entry.rating.score()
            })
            .collect();
        self.scores.extend(scores.iter().map(|&s| f64::from(s)));
        if scores.len() >= 3 {
            self.cards_with_three += 1;
            if scores.iter().all(|&s| s == scores[0]) {
                self.uniform_cards += 1;
            }
        }
        if let Some(recommendation) = card.recommendation {
            let hire = matches!(
                recommendation,
                Recommendation::Hire | Recommendation::StrongHire
            );
            self.recommended += 1;
            self.hires += usize::from(hire);
            if let Some(hired) = hired {
                self.decided += 1;
                self.agreed += usize::from(hire == hired);
            }
        }
        if let Some(submitted) = card.submitted_at {
            let from = planned.unwrap_or(card.started_at);
            let seconds = submitted.unix_seconds() - from.unix_seconds();
            self.hours.push(seconds as f64 / 3600.0);
        }
    }
}

/// `part / whole`, `None` when `whole` is 0.
fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Population standard deviation; `None` for fewer than 2 values.
fn population_sd(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let mean = mean_of(values)?;
    let squares: Vec<f64> = values.iter().map(|v| (v - mean).powi(2)).collect();
    mean_of(&squares).map(f64::sqrt)
}

/// The median (mean of the middle two for an even count); `None` if empty.
fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => sorted.get(n / 2).copied(),
        _ => Some((sorted.get(n / 2 - 1)? + sorted.get(n / 2)?) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FormatVersion, RatingEntry};

    fn at(hour: i64) -> Timestamp {
        Timestamp::from_utc(
            chrono::DateTime::from_timestamp(1_800_000_000 + hour * 3600, 0).unwrap_or_default(),
        )
    }

    fn candidate(id: &str) -> Candidate {
        Candidate::new(Slug::new(id).unwrap(), id, Slug::new("t").unwrap(), at(0))
    }

    fn card(
        who: &str,
        ratings: &[(&str, Rating)],
        recommendation: Option<Recommendation>,
        hours: i64,
    ) -> Scorecard {
        let mut card = Scorecard::draft(
            Slug::new("c").unwrap(),
            Slug::new("t").unwrap(),
            1,
            who,
            "",
            at(0),
        );
        card.format = FormatVersion::default();
        card.submitted_at = Some(at(hours));
        card.ratings = ratings
            .iter()
            .map(|&(d, rating)| {
                (
                    Slug::new(d).unwrap(),
                    RatingEntry {
                        rating,
                        evidence: Box::default(),
                    },
                )
            })
            .collect();
        card.recommendation = recommendation;
        card
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    use Rating::{DoesNotMeet, Exceeds, Meets, NoSignal, PartiallyMeets};

    /// Two candidates, three interviewers, worked by hand:
    ///
    /// c1: ana  a=4 b=4 c=4 (Hire, 2 h)   ben a=2 b=3 (NoHire, 4 h)
    /// c2: ana  a=3 b=no signal (StrongHire, 6 h)   cy a=1 (no rec, 1 h)
    ///     ben  a=2 b=1 c=2 (NoHire, 24 h, planned at hour 20)
    #[test]
    fn hand_worked_figures() {
        let c1 = candidate("c1");
        let mut c2 = candidate("c2");
        // Ben's interview of c2 was planned for hour 20.
        c2.interviews.push(crate::model::Interview {
            stage: "".into(),
            interviewer: "Ben".into(),
            at: at(20),
            uid: None,
        });
        let cards1 = [
            card(
                "Ana",
                &[("a", Exceeds), ("b", Exceeds), ("c", Exceeds)],
                Some(Recommendation::Hire),
                2,
            ),
            card(
                "Ben",
                &[("a", PartiallyMeets), ("b", Meets)],
                Some(Recommendation::NoHire),
                4,
            ),
        ];
        let cards2 = [
            card(
                "Ana",
                &[("a", Meets), ("b", NoSignal)],
                Some(Recommendation::StrongHire),
                6,
            ),
            card("Cy", &[("a", DoesNotMeet)], None, 1),
            card(
                "Ben",
                &[
                    ("a", PartiallyMeets),
                    ("b", DoesNotMeet),
                    ("c", PartiallyMeets),
                ],
                Some(Recommendation::NoHire),
                24,
            ),
        ];
        let input = vec![
            (&c1, cards1.iter().collect::<Vec<_>>()),
            (&c2, cards2.iter().collect::<Vec<_>>()),
        ];
        let mut context = CalibrationContext::default();
        context.decisions.insert(Slug::new("c1").unwrap(), true);

        let figures = calibrate(&input, &context);
        let names: Vec<&str> = figures.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Ana", "Ben", "Cy"]);
        let [ana, ben, cy] = &figures[..] else {
            panic!("three interviewers")
        };

        // Ana: ratings 4,4,4,3. Mean 3.75; SD sqrt(3/16).
        assert_eq!(ana.submitted, 2);
        assert_eq!(ana.ratings, 4);
        assert_eq!(ana.distribution.counts(), [0, 0, 1, 3]);
        assert!(close(ana.mean_rating, 3.75));
        assert!(close(ana.rating_sd, (3.0f64 / 16.0).sqrt()));
        // Only her c1 card has three ratings, all equal.
        assert!(close(ana.same_rating_share, 1.0));
        // c1 a: 4−2, b: 4−3; c2 a: 3 − mean(1, 2) = 1.5. Differences 2, 1, 1.5.
        assert!(close(ana.leniency, 1.5));
        assert!(close(ana.mean_abs_deviation, 1.5));
        assert!(close(ana.hire_share, 1.0));
        // c1 hired, she said Hire: agrees; c2 has no decision.
        assert!(close(ana.decision_agreement, 1.0));
        assert!(close(ana.median_hours_to_submit, 4.0));
        // a: 2 and 1.5; b: 1.
        assert_eq!(
            ana.dimension_leniency,
            [("a".to_owned(), 1.75, 2), ("b".to_owned(), 1.0, 1)]
        );

        // Ben: ratings 2,3,2,1,2. c1 a: 2−4, b: 3−4; c2 a: 2 − mean(3, 1) = 0.
        assert_eq!(ben.distribution.counts(), [1, 3, 1, 0]);
        assert!(close(ben.mean_rating, 2.0));
        assert!(close(ben.rating_sd, (0.4f64).sqrt()));
        assert!(close(ben.leniency, -1.0));
        assert!(close(ben.mean_abs_deviation, 1.0));
        // His c2 card has three ratings, not all equal.
        assert!(close(ben.same_rating_share, 0.0));
        assert!(close(ben.hire_share, 0.0));
        // c1 hired, he said No hire: disagrees.
        assert!(close(ben.decision_agreement, 0.0));
        // 4 h, and 24 − 20 = 4 h from the planned time.
        assert!(close(ben.median_hours_to_submit, 4.0));

        // Cy: one rating 1; c2 a: 1 − mean(3, 2) = −1.5.
        assert!(close(cy.mean_rating, 1.0));
        assert_eq!(cy.rating_sd, None);
        assert_eq!(cy.same_rating_share, None);
        assert!(close(cy.leniency, -1.5));
        assert!(close(cy.mean_abs_deviation, 1.5));
        assert_eq!(cy.hire_share, None);
        assert_eq!(cy.decision_agreement, None);
        assert!(close(cy.median_hours_to_submit, 1.0));
    }

    #[test]
    fn drafts_do_not_count_and_nobody_alone_has_no_deviation() {
        let c = candidate("c1");
        let mut draft = card("Ana", &[("a", Meets)], None, 1);
        draft.submitted_at = None;
        let alone = card("Ben", &[("a", Meets), ("b", Meets)], None, 3);
        let cards = [draft, alone];
        let figures = calibrate(
            &[(&c, cards.iter().collect())],
            &CalibrationContext::default(),
        );
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].leniency, None);
        assert_eq!(figures[0].mean_abs_deviation, None);
        assert!(close(figures[0].rating_sd, 0.0));
        assert_eq!(figures[0].decision_agreement, None);
    }

    #[test]
    fn median_of_even_and_odd_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
