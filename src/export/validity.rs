//! The local validity study in words, for a person: `scorecard validity`'s
//! text and the Validity screen read the same sentences and caveats.

use serde::Serialize;

use crate::model::stats::validity::{MIN_SAMPLE, TemplateValidity};

/// What every reading of the study should be read with.
pub const VALIDITY_CAVEATS: [&str; 3] = [
    "Small samples: with 30 to 100 hires the interval is wide; read its ends, not the middle.",
    "Restricted range: only hires have later ratings, and hiring kept the higher scores; \
     the corrected figure estimates r over the whole pool, assuming the score alone decided who was hired.",
    "One team: these are your hires, your reviewers and your roles; they say how your \
     interview did, not how interviews do in general, and a manager's rating is itself a rough measure.",
];

/// `{"templates": […]}`, as DESIGN.md gives it.
#[derive(Serialize)]
struct ValidityJson<'a> {
    templates: &'a [TemplateValidity],
}

/// The studies as JSON (floats unrounded), with a final line break.
pub fn validity_json(studies: &[TemplateValidity]) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(&ValidityJson { templates: studies })?;
    text.push('\n');
    Ok(text)
}

/// A figure for people: two decimals, a minus sign where it is negative.
fn two(x: f64) -> String {
    format!("{x:.2}")
}

/// `n` with its noun in the singular or the plural.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How strong an r is, in words (Cohen's rough bands).
pub fn strength_words(r: f64) -> &'static str {
    let a = r.abs();
    if a < 0.1 {
        "no useful link"
    } else if a < 0.3 {
        "a weak link"
    } else if a < 0.5 {
        "a moderate link"
    } else {
        "a strong link"
    }
}

/// The study of one template as sentences: the refusal with the count, or
/// r with its interval, the corrections and what they mean.
pub fn validity_sentences(study: &TemplateValidity) -> Vec<String> {
    let mut lines = Vec::new();
    if study.refused {
        lines.push(format!(
            "{} of the {MIN_SAMPLE} a study needs ({} with a score): \
             no figures yet. Import performance reviews of more hires \
             (scorecard import performance FILE.csv).",
            count(study.hires_rated, "rated hire", "rated hires"),
            count(study.pool, "candidate", "candidates")
        ));
        return lines;
    }
    lines.push(format!(
        "{}, out of {} with a score.",
        count(study.hires_rated, "rated hire", "rated hires"),
        count(study.pool, "candidate", "candidates")
    ));
    match (study.r, study.ci_low, study.ci_high) {
        (Some(r), Some(low), Some(high)) => {
            lines.push(format!(
                "Interview score against mean later rating: r = {} ({}), 95% interval {} to {}.",
                two(r),
                strength_words(r),
                two(low),
                two(high)
            ));
            if low > 0.0 {
                lines.push(
                    "The interval is above 0: on these hires, a higher interview score went with better later ratings."
                        .to_owned(),
                );
            } else if high < 0.0 {
                lines.push(
                    "The interval is below 0: on these hires, a higher score went with worse later ratings; look at the anchors."
                        .to_owned(),
                );
            } else {
                lines.push(
                    "The interval includes 0: these hires cannot tell whether the score predicted their ratings."
                        .to_owned(),
                );
            }
        }
        (Some(r), ..) => lines.push(format!(
            "Interview score against mean later rating: r = {} ({}).",
            two(r),
            strength_words(r)
        )),
        (None, ..) => lines
            .push("No r: the hires' scores or their later ratings are all the same.".to_owned()),
    }
    if let Some(rc) = study.r_criterion {
        lines.push(format!(
            "Corrected for the later rating's own unreliability ({}): {}.",
            two(study.criterion_reliability),
            two(rc)
        ));
    }
    match (study.u, study.r_corrected) {
        (Some(u), Some(corrected)) => lines.push(format!(
            "Corrected for the range hiring cut off (the pool's scores spread {}× the hires'): {}, \
             the estimate over every candidate interviewed.",
            two(u),
            two(corrected)
        )),
        _ => lines.push("No range correction: the hires' scores do not vary.".to_owned()),
    }
    lines
}

/// One line per dimension: its n and figures, or why there are none.
pub fn dimension_lines(study: &TemplateValidity) -> Vec<String> {
    study
        .dimensions
        .iter()
        .map(|d| match (d.r, d.r_corrected) {
            (Some(r), Some(c)) => format!(
                "{}: n = {}, r = {}, corrected {}",
                d.dimension,
                d.n,
                two(r),
                two(c)
            ),
            (Some(r), None) => format!("{}: n = {}, r = {}", d.dimension, d.n, two(r)),
            (None, _) if d.n < MIN_SAMPLE => {
                format!(
                    "{}: n = {}, below {MIN_SAMPLE}: no figures",
                    d.dimension, d.n
                )
            }
            (None, _) => format!("{}: n = {}, no r (no variation)", d.dimension, d.n),
        })
        .collect()
}

/// `scorecard validity`'s text: each template's sentences and dimensions,
/// then the caveats.
pub fn validity_text(studies: &[TemplateValidity]) -> String {
    use std::fmt::Write as _;
    let mut text = String::new();
    if studies.is_empty() {
        text.push_str("No template has candidates with a score yet.\n");
    }
    for study in studies {
        let _ = writeln!(text, "{}", study.template);
        for line in validity_sentences(study) {
            let _ = writeln!(text, "  {line}");
        }
        if !study.refused {
            let _ = writeln!(text, "  Per dimension (x = the dimension's mean rating):");
            for line in dimension_lines(study) {
                let _ = writeln!(text, "    {line}");
            }
        }
        text.push('\n');
    }
    text.push_str("Read with care:\n");
    for caveat in VALIDITY_CAVEATS {
        let _ = writeln!(text, "- {caveat}");
    }
    text
}
