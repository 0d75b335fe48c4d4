//! Every interviewer's calibration figures (`scorecard interviewers`) as
//! JSON, CSV and text.

use std::fmt::Write;

use serde::Serialize;

use super::ExportError;
use super::numbers::{MISSING, full_precision, signed_two_decimals, two_decimals};
use super::sheet::{Sheet, number, text};
use super::summary::ErrorJson;
use crate::io::FileError;
use crate::model::stats::InterviewerSummary;

/// The columns of [`interviewers_csv`], in order: DESIGN.md's keys, the
/// distribution spread over four columns.
pub const INTERVIEWERS_CSV_COLUMNS: [&str; 15] = [
    "name",
    "submitted",
    "leniency",
    "ratings",
    "does_not_meet",
    "partially_meets",
    "meets",
    "exceeds",
    "mean_rating",
    "rating_sd",
    "same_rating_share",
    "mean_abs_deviation",
    "hire_share",
    "decision_agreement",
    "median_hours_to_submit",
];

#[derive(Serialize)]
struct InterviewersDocument<'a> {
    interviewers: &'a [InterviewerSummary],
    errors: Vec<ErrorJson<'a>>,
}

/// `{"interviewers": […], "errors": […]}`: the figures exactly as
/// `summary`'s `"interviewers"` (floats unrounded, `null` where undefined)
/// and the files that could not be read. Pretty-printed, final newline.
pub fn interviewers_json(
    interviewers: &[InterviewerSummary],
    errors: &[FileError],
) -> Result<String, ExportError> {
    let document = InterviewersDocument {
        interviewers,
        errors: errors.iter().map(ErrorJson::new).collect(),
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

/// One row per interviewer, columns [`INTERVIEWERS_CSV_COLUMNS`]; numbers
/// unrounded, missing ones empty; names neutralised.
pub fn interviewers_csv(interviewers: &[InterviewerSummary]) -> Result<String, ExportError> {
    let mut sheet = Sheet::new(&INTERVIEWERS_CSV_COLUMNS)?;
    for i in interviewers {
        let [dnm, pm, m, e] = i.distribution.counts();
        sheet.row(vec![
            text(i.name.as_str()),
            number(i.submitted.to_string()),
            number(full_precision(i.leniency)),
            number(i.ratings.to_string()),
            number(dnm.to_string()),
            number(pm.to_string()),
            number(m.to_string()),
            number(e.to_string()),
            number(full_precision(i.mean_rating)),
            number(full_precision(i.rating_sd)),
            number(full_precision(i.same_rating_share)),
            number(full_precision(i.mean_abs_deviation)),
            number(full_precision(i.hire_share)),
            number(full_precision(i.decision_agreement)),
            number(full_precision(i.median_hours_to_submit)),
        ])?;
    }
    sheet.finish()
}

/// A share as a whole percentage, or [`MISSING`].
pub fn percent(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{:.0}%", v * 100.0),
        _ => MISSING.to_owned(),
    }
}

/// A plain-text table for a terminal: one line per interviewer, numbers
/// rounded for people (two decimals, shares as percentages, hours with
/// one decimal).
pub fn interviewers_text(interviewers: &[InterviewerSummary]) -> String {
    let header = [
        "interviewer",
        "submitted",
        "ratings",
        "1/2/3/4",
        "mean",
        "sd",
        "same",
        "leniency",
        "mad",
        "hire",
        "agree",
        "hours",
    ];
    let rows: Vec<[String; 12]> = interviewers
        .iter()
        .map(|i| {
            let [dnm, pm, m, e] = i.distribution.counts();
            [
                i.name.clone(),
                i.submitted.to_string(),
                i.ratings.to_string(),
                format!("{dnm}/{pm}/{m}/{e}"),
                two_decimals(i.mean_rating),
                two_decimals(i.rating_sd),
                percent(i.same_rating_share),
                signed_two_decimals(i.leniency),
                two_decimals(i.mean_abs_deviation),
                percent(i.hire_share),
                percent(i.decision_agreement),
                i.median_hours_to_submit
                    .map_or_else(|| MISSING.to_owned(), |h| format!("{h:.1}")),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (n, (cell, width)) in cells.zip(&widths).enumerate() {
            let pad = width.saturating_sub(cell.chars().count());
            if n == 0 {
                let _ = write!(text, "{cell}{}", " ".repeat(pad));
            } else {
                let _ = write!(text, "  {}{cell}", " ".repeat(pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for row in &rows {
        line(&mut row.iter().map(String::as_str));
    }
    if interviewers.is_empty() {
        out.push_str("No submitted scorecards.\n");
    }
    out
}
