//! Evidence notes as an interviewer types them: `[mm:ss]` stamps followed by
//! what the candidate said or did, built from the dimension's own signals
//! and a stock of generic phrases.

use super::rng::Rng;
use crate::model::{Dimension, evidence_stamp};

/// What interviewers write when the candidate shines.
const POSITIVE: &[&str] = &[
    "Asked about scale and failure domains before drawing anything",
    "Named the rollback path before describing the change",
    "Checked the assumption against the dashboard instead of guessing",
    "Explained the trade-off in plain words and picked a side",
    "Spotted the edge case I had planted without a hint",
    "Went from symptom to root cause in three clear steps",
    "Tied the design back to the SLO and the error budget",
    "Proposed a small, reversible first step",
];

/// What interviewers write for a solid, unremarkable answer.
const SOLID: &[&str] = &[
    "Reached a workable answer with one small nudge",
    "Covered the expected ground in a sensible order",
    "Gave a correct answer; did not go into the why unprompted",
    "Used the right tools and read their output correctly",
    "Structured the answer well; a few details were vague",
    "Good example from their current job, clearly explained",
];

/// What interviewers write when the candidate only partly gets there.
const PARTIAL: &[&str] = &[
    "Needed several hints to get going",
    "Got the first half right, then lost the thread",
    "Described what to do but not how to verify it",
    "Knew the terms but struggled to apply them to the scenario",
    "Answered a different question than the one asked",
    "Left out monitoring and rollback until I asked",
];

/// What interviewers write when the candidate falls short.
const NEGATIVE: &[&str] = &[
    "Could not explain the basics when asked to go one level deeper",
    "Guessed instead of reasoning, and did not check the guess",
    "Went straight for a restart without gathering any evidence",
    "Did not recover after two hints",
    "Contradicted their earlier answer without noticing",
    "No plan for what happens if the change goes wrong",
];

/// Continuations after a signal: "…; <tail>".
const POSITIVE_TAILS: &[&str] = &[
    "unprompted",
    "without any hint",
    "and explained why it matters",
    "then tested the idea against a failure case",
];

/// Continuations after a weak signal.
const NEGATIVE_TAILS: &[&str] = &[
    "even after a hint",
    "and did not notice",
    "twice during the exercise",
    "when pushed for detail",
];

/// Notes kept on a dimension that got no rating.
pub(crate) const NO_SIGNAL_NOTES: &[&str] = &[
    "Ran out of time before we got to this.",
    "Not covered at this stage.",
    "Touched on it only in passing; not enough to rate.",
];

/// The evidence for a score 1–4 at a stage that lasted `seconds`: one to
/// three stamped lines, in time order, one per line.
pub(crate) fn write(rng: &mut Rng, dimension: &Dimension, score: u8, seconds: i64) -> String {
    let lines = 1 + usize::from(rng.chance(0.45)) + usize::from(rng.chance(0.15));
    let mut stamps: Vec<i64> = (0..lines)
        .map(|_| rng.between(60, seconds.max(120) - 30))
        .collect();
    stamps.sort_unstable();
    let mut text = String::new();
    for (i, at) in stamps.into_iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        // Whole seconds, so the conversion is exact.
        text.push_str(&evidence_stamp(at as f64));
        text.push_str(&sentence(rng, dimension, score));
    }
    text
}

/// One observation, leaning the way the score does.
fn sentence(rng: &mut Rng, dimension: &Dimension, score: u8) -> String {
    let strong = &dimension.strong_signals;
    let weak = &dimension.weak_signals;
    match score {
        4 => signal_or(rng, strong, POSITIVE, POSITIVE_TAILS),
        3 => {
            if rng.chance(0.5) {
                signal_or(rng, strong, SOLID, POSITIVE_TAILS)
            } else {
                let solid = rng.pick(SOLID).copied().unwrap_or("Solid answer");
                format!("{solid}.")
            }
        }
        2 => {
            if rng.chance(0.3) && !strong.is_empty() {
                // A mixed picture: something good, something missing.
                let good = rng.pick(strong).map(String::as_str).unwrap_or_default();
                let missing = rng.pick(PARTIAL).copied().unwrap_or("gaps remained");
                format!("{}; but {}.", trim_end(good), lower_first(missing))
            } else {
                signal_or(rng, weak, PARTIAL, NEGATIVE_TAILS)
            }
        }
        _ => signal_or(rng, weak, NEGATIVE, NEGATIVE_TAILS),
    }
}

/// The template's own signal (two times in three, when it has any) or a
/// generic phrase, sometimes with a tail.
fn signal_or(rng: &mut Rng, signals: &[String], generic: &[&str], tails: &[&str]) -> String {
    let base = match rng.pick(signals) {
        Some(signal) if rng.chance(2.0 / 3.0) => signal.as_str(),
        _ => rng.pick(generic).copied().unwrap_or("Noted"),
    };
    let base = trim_end(base);
    if rng.chance(0.35)
        && let Some(tail) = rng.pick(tails)
    {
        format!("{base}, {tail}.")
    } else {
        format!("{base}.")
    }
}

/// Text without a closing full stop or spaces, to append to.
fn trim_end(text: &str) -> &str {
    text.trim_end().trim_end_matches('.')
}

/// "Needed hints" → "needed hints", leaving acronyms ("SLOs") alone.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            let mut out: String = first.to_lowercase().collect();
            out.push(second);
            out.push_str(chars.as_str());
            out
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Slug;

    fn dimension() -> Dimension {
        Dimension {
            id: Slug::new("iac").unwrap(),
            name: "Infrastructure as code".to_owned(),
            weight: 1.0,
            must_have: false,
            meets: "m".to_owned(),
            exceeds: "e".to_owned(),
            below: String::new(),
            questions: vec![],
            strong_signals: vec!["Reads the plan diff closely".to_owned()],
            weak_signals: vec!["SLOs are an afterthought".to_owned()],
        }
    }

    #[test]
    fn every_line_is_stamped_and_in_time_order() {
        let mut rng = Rng::new(3);
        for score in 1..=4 {
            for _ in 0..50 {
                let text = write(&mut rng, &dimension(), score, 45 * 60);
                let mut last = String::new();
                for line in text.lines() {
                    assert!(line.starts_with('['), "{line}");
                    let stamp = &line[1..6];
                    assert_eq!(&line[6..8], "] ", "{line}");
                    assert!(stamp >= last.as_str(), "{text}");
                    last = stamp.to_owned();
                    assert!(line.ends_with('.'), "{line}");
                }
            }
        }
    }

    #[test]
    fn lowercases_words_not_acronyms() {
        assert_eq!(lower_first("Needed hints"), "needed hints");
        assert_eq!(lower_first("SLOs first"), "SLOs first");
        assert_eq!(lower_first(""), "");
    }
}
