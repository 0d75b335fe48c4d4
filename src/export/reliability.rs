//! Panel reliability (`scorecard reliability`) as JSON and as plain
//! words, and the planner's sentence the opening form shows.

use std::fmt::Write;

use super::ExportError;
use crate::model::stats::reliability::{ACCEPTABLE, MIN_CANDIDATES};
use crate::model::stats::{ReliabilityFigures, ReliabilityReport, raters_for};

/// `{"templates": […]}` exactly as DESIGN.md gives it (floats unrounded,
/// `null` where undefined). Pretty-printed, final newline.
pub fn reliability_json(report: &ReliabilityReport) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}

/// One dimension's figures in words: "one interviewer 0.32; the usual
/// panel of 2.4: 0.53; 0.70 needs 5 raters, 0.80 needs 9 (23 candidates,
/// 55 ratings)".
pub fn reliability_words(figures: &ReliabilityFigures) -> String {
    let counts = format!(
        "{} candidates with two ratings or more, {} ratings",
        figures.candidates, figures.ratings
    );
    let Some(icc) = figures.icc1 else {
        if figures.candidates >= MIN_CANDIDATES {
            return format!("no reading: every rating is the same ({counts})");
        }
        return format!(
            "too few candidates to say: {} of {MIN_CANDIDATES} needed with two ratings or more",
            figures.candidates
        );
    };
    let mut words = format!("one interviewer {icc:.2}");
    if let (Some(k), Some(panel)) = (figures.raters_mean, figures.panel) {
        let _ = write!(words, "; the usual panel of {k:.1}: {panel:.2}");
    }
    match (figures.raters_for_070, figures.raters_for_080) {
        (Some(a), Some(b)) => {
            let _ = write!(words, "; 0.70 needs {a} {}, 0.80 needs {b}", raters(a));
        }
        _ => words.push_str(
            "; no number of raters makes it reliable: the ratings do not tell candidates apart",
        ),
    }
    let _ = write!(words, " ({counts})");
    words
}

fn raters(count: u32) -> &'static str {
    if count == 1 { "rater" } else { "raters" }
}

/// The planner's sentence for one dimension of an opening whose default
/// panel gives it `raters` ratings: "Security with 2 interviewers: 0.58,
/// below 0.70 — add one". `None` when the dimension has no `icc1`.
pub fn panel_plan_words(name: &str, figures: &ReliabilityFigures, raters: usize) -> Option<String> {
    let icc = figures.icc1?;
    let who = if raters == 1 {
        "interviewer"
    } else {
        "interviewers"
    };
    if raters == 0 {
        return Some(format!("{name}: nobody on the panel rates it"));
    }
    let reliability = figures.with_raters(raters)?;
    if reliability >= ACCEPTABLE {
        return Some(format!("{name} with {raters} {who}: {reliability:.2}"));
    }
    let advice = match raters_for(icc, ACCEPTABLE) {
        Some(needed) if needed as usize > raters => {
            let more = needed as usize - raters;
            match more {
                1 => "add one".to_owned(),
                2 => "add two".to_owned(),
                _ => format!("add {more}"),
            }
        }
        Some(_) => "add one".to_owned(),
        None => "more raters will not help: reword its anchors".to_owned(),
    };
    Some(format!(
        "{name} with {raters} {who}: {reliability:.2}, below 0.70 \u{2014} {advice}"
    ))
}

/// The figures for a person: per template, the dimensions least reliable
/// first, then the overall score.
pub fn reliability_text(report: &ReliabilityReport) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Panel reliability: how far one interviewer's rating can be trusted, and how many make a reliable panel"
    );
    if report.templates.is_empty() {
        let _ = writeln!(text, "No candidate has a submitted scorecard yet");
    }
    for template in &report.templates {
        let _ = writeln!(
            text,
            "\n{} ({}), least reliable first",
            template.role, template.template
        );
        for figures in template.least_reliable_first() {
            let _ = writeln!(text, "  {}: {}", figures.name, reliability_words(figures));
        }
        let _ = writeln!(
            text,
            "  {}: {}",
            template.overall.name,
            reliability_words(&template.overall)
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(icc1: Option<f64>, candidates: usize) -> ReliabilityFigures {
        let groups: Vec<Vec<f64>> = Vec::new();
        let mut f = ReliabilityFigures::of(
            Some("security".to_owned()),
            "Security".to_owned(),
            groups.iter().map(Vec::as_slice),
        );
        f.candidates = candidates;
        f.ratings = candidates * 2;
        f.icc1 = icc1;
        f.raters_mean = Some(2.0);
        f.panel = icc1.map(|i| crate::model::stats::spearman_brown(i, 2.0));
        f.raters_for_070 = icc1.and_then(|i| raters_for(i, 0.7));
        f.raters_for_080 = icc1.and_then(|i| raters_for(i, 0.8));
        f
    }

    #[test]
    fn the_planner_says_how_many_to_add() {
        let f = figures(Some(0.41), 20);
        // Three raters would give 0.68: still short, so two more.
        assert_eq!(
            panel_plan_words("Security", &f, 2).unwrap(),
            "Security with 2 interviewers: 0.58, below 0.70 \u{2014} add two"
        );
        assert_eq!(
            panel_plan_words("Security", &figures(Some(0.45), 20), 2).unwrap(),
            "Security with 2 interviewers: 0.62, below 0.70 \u{2014} add one"
        );
        assert_eq!(
            panel_plan_words("Security", &f, 4).unwrap(),
            "Security with 4 interviewers: 0.74"
        );
        assert_eq!(panel_plan_words("Security", &figures(None, 3), 2), None);
        let poor = figures(Some(0.1), 20);
        assert!(
            panel_plan_words("Security", &poor, 2)
                .unwrap()
                .ends_with("add 19")
        );
    }

    #[test]
    fn a_dimension_reads_in_plain_words() {
        let words = reliability_words(&figures(Some(0.44), 20));
        assert!(words.starts_with("one interviewer 0.44; the usual panel of 2.0: 0.61; 0.70 needs 3 raters, 0.80 needs 6"), "{words}");
        assert!(reliability_words(&figures(None, 3)).contains("3 of 5 needed"));
    }
}
