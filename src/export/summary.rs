//! Every candidate's aggregates (`scorecard summary`) as JSON, CSV and
//! Markdown.

use std::fmt::{self, Write};

use serde::Serialize;

use super::ExportError;
use super::escape::escape_markdown;
use super::numbers::{full_precision, signed_two_decimals, two_decimals};
use super::sheet::{Sheet, number, statistic_cells, text};
use crate::io::{ConflictCopy, FileError};
use crate::model::alpha_reading;
use crate::model::stats::{CandidateSummary, Summary};

/// The columns of [`summary_csv`], in order.
pub const SUMMARY_CSV_COLUMNS: [&str; 23] = [
    "candidate_id",
    "candidate",
    "template",
    "submitted",
    "drafts",
    "weighted_score",
    "adjusted_weighted_score",
    "agreement_alpha",
    "strong_no_hire",
    "no_hire",
    "hire",
    "strong_hire",
    "must_have_failures",
    "red_flags",
    "dimension_id",
    "n",
    "mean",
    "median",
    "min",
    "max",
    "spread",
    "disagreement",
    "must_have_failure",
];

/// The JSON of DESIGN.md "Aggregates": `candidates`, `templates`,
/// `interviewers` exactly as [`Summary`] serialises them (floats unrounded,
/// `null` where undefined), then `errors`: one
/// `{"path", "line", "column", "message"}` per file that could not be read
/// (line and column 0 for an entry never opened: a link, a FIFO, a name
/// that is not UTF-8), then `conflicts`: one `{"path", "candidate",
/// "reason"}` per conflict copy, never counted (`candidate` null for
/// templates). Pretty-printed, with a final newline.
pub fn summary_json(
    summary: &Summary,
    errors: &[FileError],
    conflicts: &[ConflictCopy],
) -> Result<String, ExportError> {
    let mut bytes = Vec::new();
    summary_json_to(summary, errors, conflicts, &mut bytes)?;
    Ok(String::from_utf8(bytes)?)
}

/// [`summary_json`] written to `out` as it is made, so the command line
/// never holds the whole document (58 MB at 100,000 scorecards).
pub fn summary_json_to(
    summary: &Summary,
    errors: &[FileError],
    conflicts: &[ConflictCopy],
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let document = SummaryDocument {
        summary,
        errors: errors.iter().map(ErrorJson::new).collect(),
        conflicts: conflicts.iter().map(ConflictJson::new).collect(),
    };
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer_pretty(&mut out, &document)?;
    std::io::Write::write_all(&mut out, b"\n").map_err(serde_json::Error::io)?;
    std::io::Write::flush(&mut out).map_err(serde_json::Error::io)?;
    Ok(())
}

#[derive(Serialize)]
struct SummaryDocument<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    errors: Vec<ErrorJson<'a>>,
    conflicts: Vec<ConflictJson<'a>>,
}

#[derive(Serialize)]
struct ConflictJson<'a> {
    path: String,
    candidate: Option<&'a str>,
    reason: String,
}

impl<'a> ConflictJson<'a> {
    fn new(copy: &'a ConflictCopy) -> Self {
        Self {
            path: copy.path.display().to_string(),
            candidate: copy.candidate.as_deref(),
            reason: copy.reason.to_string(),
        }
    }
}

#[derive(Serialize)]
pub(crate) struct ErrorJson<'a> {
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
}

impl<'a> ErrorJson<'a> {
    pub(crate) fn new(error: &'a FileError) -> Self {
        Self {
            path: error.path.display().to_string(),
            line: error.line,
            column: error.column,
            message: &error.message,
        }
    }
}

/// The summary as CSV: one row per candidate × dimension, the candidate's
/// columns repeated on each of its rows; a candidate without any dimension
/// (no template, nothing rated) has one row with the dimension columns
/// empty. Columns: [`SUMMARY_CSV_COLUMNS`]. `must_have_failures` holds
/// dimension ids and `red_flags` `flag (interviewer)` items, both joined
/// with `"; "`. Numbers are unrounded, missing ones empty; booleans are
/// `true`/`false`; text cells starting with `=`, `+`, `-`, `@`, tab or CR
/// get a leading `'`. Templates and interviewers are not in the CSV (see
/// the JSON or Markdown).
pub fn summary_csv(summary: &Summary) -> Result<String, ExportError> {
    let mut sheet = Sheet::new(&SUMMARY_CSV_COLUMNS)?;
    for candidate in &summary.candidates {
        let r = &candidate.recommendations;
        let row = || {
            vec![
                text(candidate.id.as_str()),
                text(candidate.name.as_str()),
                text(candidate.template.as_str()),
                number(candidate.submitted.to_string()),
                number(candidate.drafts.to_string()),
                number(full_precision(candidate.weighted_score)),
                number(full_precision(candidate.adjusted_weighted_score)),
                number(full_precision(candidate.agreement_alpha)),
                number(r.strong_no_hire.to_string()),
                number(r.no_hire.to_string()),
                number(r.hire.to_string()),
                number(r.strong_hire.to_string()),
                text(
                    candidate
                        .must_have_failures
                        .iter()
                        .map(|id| id.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                text(
                    candidate
                        .red_flags
                        .iter()
                        .map(|f| format!("{} ({})", f.flag, f.interviewer))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        };
        if candidate.dimensions.is_empty() {
            sheet.row(row())?;
        }
        for dimension in &candidate.dimensions {
            let mut cells = row();
            cells.extend([text(dimension.id.as_str())]);
            cells.extend(statistic_cells(dimension));
            cells.extend([text(
                candidate
                    .must_have_failures
                    .contains(&dimension.id)
                    .to_string(),
            )]);
            sheet.row(cells)?;
        }
    }
    sheet.finish()
}

/// The summary as Markdown tables: candidates (weighted and
/// leniency-adjusted score, agreement, recommendation tally, must-have
/// failures, red flags), templates (agreement over all their candidates),
/// interviewers (leniency), then the files that could not be read, if any.
/// Numbers have two decimals; user text is escaped.
pub fn summary_markdown(
    summary: &Summary,
    errors: &[FileError],
    conflicts: &[ConflictCopy],
) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _infallible = write_markdown(&mut out, summary, errors, conflicts);
    out
}

fn write_markdown(
    out: &mut String,
    summary: &Summary,
    errors: &[FileError],
    conflicts: &[ConflictCopy],
) -> fmt::Result {
    writeln!(out, "# Summary")?;
    writeln!(out)?;
    writeln!(
        out,
        "Only submitted scorecards count. Scores run from 1 (does not meet) to 4 (exceeds); \
         the adjusted score corrects each interviewer's leniency."
    )?;

    writeln!(out)?;
    writeln!(out, "## Candidates")?;
    writeln!(out)?;
    if summary.candidates.is_empty() {
        writeln!(out, "No candidates.")?;
    } else {
        writeln!(
            out,
            "| Candidate | Name | Template | Submitted | Drafts | Weighted | Adjusted | Agreement \
             | Strong no hire / No hire / Hire / Strong hire | Must-have failures | Red flags |"
        )?;
        writeln!(out, "|---|---|---|--:|--:|--:|--:|---|:-:|---|--:|")?;
        for candidate in &summary.candidates {
            write_candidate_row(out, candidate)?;
        }
    }

    if !summary.openings.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Openings")?;
        writeln!(out)?;
        writeln!(
            out,
            "| Opening | Title | Status | Candidates | Decided | Hired | Owed | Overdue |"
        )?;
        writeln!(out, "|---|---|---|--:|--:|--:|--:|--:|")?;
        for o in &summary.openings {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                escape_markdown(o.id.as_str()),
                escape_markdown(&o.title),
                o.status.replace('_', " "),
                o.candidates,
                o.decided,
                o.hired,
                o.owed,
                o.overdue
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Templates")?;
    writeln!(out)?;
    if summary.templates.is_empty() {
        writeln!(out, "No templates in use.")?;
    } else {
        writeln!(out, "| Template | Candidates | Agreement |")?;
        writeln!(out, "|---|--:|---|")?;
        for template in &summary.templates {
            writeln!(
                out,
                "| {} | {} | {} |",
                escape_markdown(template.id.as_str()),
                template.candidates,
                agreement(template.agreement_alpha)
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Interviewers")?;
    writeln!(out)?;
    if summary.interviewers.is_empty() {
        writeln!(out, "No submitted scorecards.")?;
    } else {
        writeln!(out, "| Interviewer | Submitted | Leniency |")?;
        writeln!(out, "|---|--:|--:|")?;
        for interviewer in &summary.interviewers {
            writeln!(
                out,
                "| {} | {} | {} |",
                escape_markdown(&interviewer.name),
                interviewer.submitted,
                signed_two_decimals(interviewer.leniency)
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "Leniency: how far an interviewer's ratings sit above (+) or below (−) their \
             colleagues' on the same candidate and dimension; — where nobody else rated the same."
        )?;
    }

    if !errors.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Files that could not be read")?;
        writeln!(out)?;
        // A code block shows the messages verbatim; its fence is longer
        // than any run of backticks inside.
        let lines: Vec<String> = errors
            .iter()
            .map(|e| e.to_string().replace(['\r', '\n'], " "))
            .collect();
        let fence = "`".repeat(3.max(longest_backtick_run(&lines) + 1));
        writeln!(out, "{fence}text")?;
        for line in &lines {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "{fence}")?;
    }

    if !conflicts.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Conflict copies (not counted)")?;
        writeln!(out)?;
        let lines: Vec<String> = conflicts
            .iter()
            .map(|c| format!("{}: {}", c.path.display(), c.reason).replace(['\r', '\n'], " "))
            .collect();
        let fence = "`".repeat(3.max(longest_backtick_run(&lines) + 1));
        writeln!(out, "{fence}text")?;
        for line in &lines {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "{fence}")?;
    }
    Ok(())
}

fn write_candidate_row(out: &mut String, c: &CandidateSummary) -> fmt::Result {
    let r = &c.recommendations;
    let failures = if c.must_have_failures.is_empty() {
        String::new()
    } else {
        escape_markdown(
            &c.must_have_failures
                .iter()
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} / {} / {} / {} | {} | {} |",
        escape_markdown(c.id.as_str()),
        escape_markdown(&c.name),
        escape_markdown(c.template.as_str()),
        c.submitted,
        c.drafts,
        two_decimals(c.weighted_score),
        two_decimals(c.adjusted_weighted_score),
        agreement(c.agreement_alpha),
        r.strong_no_hire,
        r.no_hire,
        r.hire,
        r.strong_hire,
        failures,
        c.red_flags.len(),
    )
}

/// "0.41 (poor)".
fn agreement(alpha: Option<f64>) -> String {
    match alpha {
        Some(_) => format!("{} ({})", two_decimals(alpha), alpha_reading(alpha)),
        None => format!("— ({})", alpha_reading(None)),
    }
}

/// The longest run of backticks in any of `lines`.
fn longest_backtick_run(lines: &[String]) -> usize {
    lines
        .iter()
        .flat_map(|line| line.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0)
}
