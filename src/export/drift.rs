//! Day drift (`scorecard drift`) as JSON and as plain words: the figures
//! of [`DriftReport`], and the sentences the interviewer's page shows too.

use std::fmt::Write;

use super::ExportError;
use crate::model::LocalZone;
use crate::model::stats::drift::{FLAG_PAIRS, MIN_PAIRS};
use crate::model::stats::{DriftReport, Fit};

/// `{"interviewers": […], "team": {…}}` exactly as DESIGN.md gives it
/// (floats unrounded, `null` where undefined). Pretty-printed, final
/// newline.
pub fn drift_json(report: &DriftReport) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}

/// "0.18 lower", "0.05 higher", "no different".
fn change_words(value: f64) -> String {
    let size = (value.abs() * 100.0).round() / 100.0;
    if size == 0.0 {
        "no different".to_owned()
    } else if value < 0.0 {
        format!("{size:.2} lower")
    } else {
        format!("{size:.2} higher")
    }
}

/// The interval in words: "0.05 to 0.31 lower", "from 0.10 lower to 0.04
/// higher".
fn interval_words(low: f64, high: f64) -> String {
    if high < 0.0 {
        format!("{:.2} to {:.2} lower", -high, -low)
    } else if low > 0.0 {
        format!("{low:.2} to {high:.2} higher")
    } else {
        format!("from {} to {}", change_words(low), change_words(high))
    }
}

/// What a fit says, in one or two sentences for a person.
pub fn drift_words(fit: &Fit) -> String {
    let (Some(slope), Some(low), Some(high)) = (fit.slope, fit.ci_low, fit.ci_high) else {
        return format!(
            "Too few interviews after another on the same day to say: {} of {MIN_PAIRS} needed",
            fit.pairs
        );
    };
    let mut words = format!(
        "When the day's earlier candidates scored one point higher on average, the next score \
         was {} (95% interval {})",
        change_words(slope),
        interval_words(low, high)
    );
    let verdict = if fit.flagged {
        if slope < 0.0 {
            "Flagged: later candidates pay for strong mornings, as in Simonsohn and Gino's 9,323 interviews"
        } else {
            "Flagged: scores follow the day's earlier ones upwards"
        }
    } else if fit.pairs < FLAG_PAIRS {
        "Read it as a hint: a drift is flagged from 30 pairs"
    } else {
        "No clear drift: the interval includes no change"
    };
    let _ = write!(words, ". {verdict}");
    words
}

/// What to do about a drift: a warning alone does not remove it.
pub const DRIFT_ADVICE: &str = "Knowing about it does not remove it (Wexley et al. 1973): before \
     the later interviews of a long day, read the dimension's anchors again and rate against them, \
     not against the morning's candidates";

/// The figures for a person: each interviewer's pairs, days and slope in
/// words, then the team's.
pub fn drift_text(report: &DriftReport, zone: LocalZone) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Day drift: does a score fall when the day's earlier candidates scored high? \
         (days in {})",
        zone.name()
    );
    if report.interviewers.is_empty() {
        let _ = writeln!(text, "No submitted scorecard has a score yet");
        return text;
    }
    for person in &report.interviewers {
        let fit = Fit {
            pairs: person.pairs,
            slope: person.slope,
            ci_low: person.ci_low,
            ci_high: person.ci_high,
            flagged: person.flagged,
        };
        let _ = writeln!(
            text,
            "\n{}: {} {} on {} {}\n  {}",
            person.interviewer,
            person.pairs,
            plural(person.pairs, "pair", "pairs"),
            person.days,
            plural(person.days, "day", "days"),
            drift_words(&fit)
        );
    }
    let _ = writeln!(
        text,
        "\nThe team: {} {}\n  {}",
        report.team.pairs,
        plural(report.team.pairs, "pair", "pairs"),
        drift_words(&report.team)
    );
    if report.team.flagged || report.interviewers.iter().any(|i| i.flagged) {
        let _ = writeln!(text, "\n{DRIFT_ADVICE}");
    }
    text
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(pairs: usize, slope: f64, low: f64, high: f64, flagged: bool) -> Fit {
        Fit {
            pairs,
            slope: Some(slope),
            ci_low: Some(low),
            ci_high: Some(high),
            flagged,
        }
    }

    #[test]
    fn the_slope_is_said_in_words() {
        let words = drift_words(&fit(42, -0.18, -0.31, -0.05, true));
        assert!(
            words.contains("the next score was 0.18 lower (95% interval 0.05 to 0.31 lower)"),
            "{words}"
        );
        assert!(words.contains("Flagged"));
        let words = drift_words(&fit(40, 0.02, -0.1, 0.14, false));
        assert!(words.contains("from 0.10 lower to 0.14 higher"), "{words}");
        assert!(words.contains("No clear drift"));
        let words = drift_words(&fit(12, -0.2, -0.4, -0.01, false));
        assert!(words.contains("from 30 pairs"));
        let none = Fit {
            pairs: 4,
            ..Fit::default()
        };
        assert_eq!(
            drift_words(&none),
            "Too few interviews after another on the same day to say: 4 of 10 needed"
        );
    }
}
