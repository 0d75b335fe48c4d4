//! `scorecard import candidates FILE.csv --opening ID [--dry-run]
//! [--column FIELD=HEADER]... [--format text|json]`
//!
//! An ATS's CSV export becomes candidates of one opening, all rows or
//! none (see `io::candidate_import`). Exit 0 when imported (or, with
//! `--dry-run`, when it would be); 1 when the file, a row or the opening
//! is wrong, with every problem on stderr as `path:line:col: message` and
//! not one file written; 2 for a `--column` that names no field.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::summary::{load_reporting_errors, unknown_opening};
use super::{EXIT_INVALID, EXIT_USAGE, ImportFormat};
use crate::io::{
    CandidateImportError, CandidateImportPlan, FileError, Workspace, apply_candidates,
    read_candidates_csv,
};
use crate::model::{ColumnOverrides, ImportField, UnchangedRow};

/// Runs the import.
#[allow(clippy::too_many_arguments)]
pub fn run(
    workspace: &Workspace,
    file: &Path,
    opening: &str,
    columns: &[String],
    dry_run: bool,
    format: ImportFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let overrides = match ColumnOverrides::parse(columns) {
        Ok(overrides) => overrides,
        Err(e) => {
            writeln!(err, "scorecard: {e}")?;
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    let snapshot = load_reporting_errors(workspace, err)?;
    let applied =
        read_candidates_csv(workspace, &snapshot, file, opening, &overrides).and_then(|plan| {
            if !dry_run {
                apply_candidates(workspace, &plan)?;
            }
            Ok(plan)
        });
    match applied {
        Ok(plan) => {
            match format {
                ImportFormat::Text => write_text(&plan, dry_run, out)?,
                ImportFormat::Json => write_json(&Document::of(&plan, dry_run), out)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let message = match &error {
                CandidateImportError::UnknownOpening(id) => unknown_opening(workspace, id),
                other => other.to_string(),
            };
            match &error {
                CandidateImportError::File(errors) => {
                    for e in errors {
                        writeln!(err, "{e}")?;
                    }
                    writeln!(err, "scorecard: nothing imported: fix the rows above first")?;
                }
                _ => writeln!(err, "scorecard: {message}")?,
            }
            if format == ImportFormat::Json {
                let errors = match error.file_errors() {
                    [] => vec![ErrorJson::message(message)],
                    errors => errors.iter().map(ErrorJson::of).collect(),
                };
                write_json(&Document::failed(opening, dry_run, errors), out)?;
            }
            Ok(ExitCode::from(EXIT_INVALID))
        }
    }
}

fn write_text(
    plan: &CandidateImportPlan,
    dry_run: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let columns: Vec<String> = plan
        .columns
        .fields()
        .iter()
        .map(|(field, column)| format!("{field} ← {:?}", column.header))
        .collect();
    writeln!(out, "columns: {}", columns.join(", "))?;
    for (candidate, line) in plan.created.iter().zip(&plan.created_lines) {
        let mut about = candidate.name.clone();
        if let Some(email) = &candidate.email {
            about.push_str(&format!(" <{email}>"));
        }
        if let Some(id) = &candidate.external_id {
            about.push_str(&format!(", ATS id {id}"));
        }
        writeln!(out, "created {} {about} (line {line})", candidate.id)?;
    }
    for row in &plan.unchanged {
        writeln!(out, "unchanged line {}: {}", row.line, unchanged_text(row))?;
    }
    writeln!(
        out,
        "{} created, {} unchanged, for opening {}{}",
        plan.created.len(),
        plan.unchanged.len(),
        plan.opening,
        if dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    )
}

fn unchanged_text(row: &UnchangedRow) -> String {
    let mut text = match row.duplicate_of_line {
        Some(line) => format!("{} repeats line {line}", row.name),
        None => format!(
            "{} is {} (same {})",
            row.name,
            row.candidate,
            match row.matched_by.key() {
                "external_id" => "ATS id",
                key => key,
            }
        ),
    };
    if !row.differs.is_empty() {
        let fields: Vec<&str> = row.differs.iter().map(|f| f.key()).collect();
        text.push_str(&format!(
            "; the file has another {}: not changed",
            fields.join(" and ")
        ));
    }
    text
}

fn write_json(document: &Document<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, document)?;
    writeln!(out)?;
    Ok(())
}

/// The JSON of the import (docs/DECISIONS.md, "ATS import and feedback").
#[derive(Serialize)]
struct Document<'a> {
    opening: &'a str,
    dry_run: bool,
    columns: ColumnsJson<'a>,
    created: Vec<CreatedJson<'a>>,
    unchanged: usize,
    matched: Vec<MatchedJson<'a>>,
    errors: Vec<ErrorJson>,
}

/// The header of each field that has a column.
#[derive(Default, Serialize)]
struct ColumnsJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<&'a str>,
}

impl<'a> ColumnsJson<'a> {
    fn of(plan: &'a CandidateImportPlan) -> Self {
        let mut columns = Self::default();
        for (field, column) in plan.columns.fields() {
            let header = Some(column.header.as_str());
            match field {
                ImportField::Name => columns.name = header,
                ImportField::FirstName => columns.first_name = header,
                ImportField::LastName => columns.last_name = header,
                ImportField::Email => columns.email = header,
                ImportField::ExternalId => columns.external_id = header,
            }
        }
        columns
    }
}

#[derive(Serialize)]
struct CreatedJson<'a> {
    line: usize,
    id: &'a str,
    name: &'a str,
    email: Option<&'a str>,
    external_id: Option<&'a str>,
}

#[derive(Serialize)]
struct MatchedJson<'a> {
    line: usize,
    name: &'a str,
    candidate: &'a str,
    by: &'static str,
    duplicate_of_line: Option<usize>,
    differs: Vec<&'static str>,
}

#[derive(Serialize)]
struct ErrorJson {
    path: Option<String>,
    line: usize,
    column: usize,
    message: String,
}

impl ErrorJson {
    fn of(error: &FileError) -> Self {
        Self {
            path: Some(error.path.display().to_string()),
            line: error.line,
            column: error.column,
            message: error.message.clone(),
        }
    }

    fn message(message: String) -> Self {
        Self {
            path: None,
            line: 0,
            column: 0,
            message,
        }
    }
}

impl<'a> Document<'a> {
    fn of(plan: &'a CandidateImportPlan, dry_run: bool) -> Self {
        Self {
            opening: plan.opening.as_str(),
            dry_run,
            columns: ColumnsJson::of(plan),
            created: plan
                .created
                .iter()
                .zip(&plan.created_lines)
                .map(|(c, line)| CreatedJson {
                    line: *line,
                    id: c.id.as_str(),
                    name: &c.name,
                    email: c.email.as_deref(),
                    external_id: c.external_id.as_deref(),
                })
                .collect(),
            unchanged: plan.unchanged.len(),
            matched: plan
                .unchanged
                .iter()
                .map(|row| MatchedJson {
                    line: row.line,
                    name: &row.name,
                    candidate: row.candidate.as_str(),
                    by: row.matched_by.key(),
                    duplicate_of_line: row.duplicate_of_line,
                    differs: row.differs.iter().copied().map(ImportField::key).collect(),
                })
                .collect(),
            errors: Vec::new(),
        }
    }

    fn failed(opening: &'a str, dry_run: bool, errors: Vec<ErrorJson>) -> Self {
        Self {
            opening,
            dry_run,
            columns: ColumnsJson::default(),
            created: Vec::new(),
            unchanged: 0,
            matched: Vec::new(),
            errors,
        }
    }
}
