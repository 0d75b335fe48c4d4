//! `scorecard export --candidate ID --format ats|ashby-json|lever-json
//! --interviewer NAME [--stage ID] [-o FILE]`
//!
//! One interviewer's submitted scorecard for the ATS: the plain text of
//! `export::ats_text`, or the request body of Ashby's or Lever's feedback
//! API (field ids from `<workspace>/ats.ron`). Exit 1, with nothing on
//! stdout, for an unknown candidate, no scorecard of that interviewer, a
//! draft, several submitted scorecards without `--stage`, and, for the
//! JSON bodies, a missing or broken `ats.ron`, a form it lacks, a rated
//! dimension it does not map, or a candidate without an `external_id`.
//! `-o FILE` follows `write_export`'s rules, as the debrief export does.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::ExportFormat;
use super::output::{Output, refuse};
use super::summary::{load_reporting_errors, unknown_candidate};
use crate::export::{
    AtsJsonError, ashby_feedback_json, ats_text, lever_feedback_json, pick_submitted,
};
use crate::io::{ATS_MAPPING_FILE, Workspace, load_ats_mapping};
use crate::model::AtsMapping;

/// What to export.
#[derive(Clone, Copy, Debug)]
pub struct AtsArgs<'a> {
    /// The candidate's id.
    pub candidate: &'a str,
    /// Whose scorecard, as typed.
    pub interviewer: &'a str,
    /// Which stage, when the interviewer submitted several.
    pub stage: Option<&'a str>,
    /// `Ats`, `AshbyJson` or `LeverJson`.
    pub format: ExportFormat,
}

/// Writes the feedback to `out` or to `output`.
pub fn run(
    workspace: &Workspace,
    args: &AtsArgs<'_>,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let output = match Output::checked(workspace, output, err)? {
        Ok(output) => output,
        Err(code) => return Ok(code),
    };
    let snapshot = load_reporting_errors(workspace, err)?;
    let Some(record) = snapshot.candidate(args.candidate) else {
        return refuse(err, &unknown_candidate(workspace, args.candidate));
    };
    let scorecard = match pick_submitted(
        record.scorecards.iter().map(|r| &r.scorecard),
        args.interviewer,
        args.stage,
    ) {
        Ok(scorecard) => scorecard,
        Err(e) => return refuse(err, &format!("candidate {}: {e}", args.candidate)),
    };
    let template = snapshot
        .templates()
        .get(scorecard.template.as_str())
        .map(|entry| &entry.template);
    let text = match args.format {
        ExportFormat::AshbyJson => {
            let mapping = match mapping(workspace, "ashby", err)? {
                Ok(mapping) => mapping,
                Err(message) => return refuse(err, &message),
            };
            let Some(form) = &mapping.ashby else {
                return refuse(err, &no_form(workspace, "ashby", "AshbyForm"));
            };
            match ashby_feedback_json(scorecard, &record.candidate, form, template) {
                Ok(body) => body,
                Err(e @ AtsJsonError::NoAshbyUser { .. }) => {
                    let path = workspace.root().join(ATS_MAPPING_FILE);
                    let message = e.to_string();
                    let message = message.strip_prefix("ats.ron ").unwrap_or(&message);
                    return refuse(err, &format!("{} {message}", path.display()));
                }
                Err(e) => return refuse(err, &e.to_string()),
            }
        }
        ExportFormat::LeverJson => {
            let mapping = match mapping(workspace, "lever", err)? {
                Ok(mapping) => mapping,
                Err(message) => return refuse(err, &message),
            };
            let Some(form) = &mapping.lever else {
                return refuse(err, &no_form(workspace, "lever", "LeverForm"));
            };
            match lever_feedback_json(scorecard, &record.candidate, form, template) {
                Ok((body, target)) => {
                    writeln!(err, "send with: {}", target.request())?;
                    body
                }
                Err(e) => return refuse(err, &e.to_string()),
            }
        }
        _ => ats_text(scorecard, template),
    };
    output.write(workspace, &text, out, err)
}

/// The workspace's `ats.ron`, or what to do about it. A broken file's
/// error is printed on `err` as `path:line:col: message` first.
fn mapping(
    workspace: &Workspace,
    key: &str,
    err: &mut dyn Write,
) -> std::io::Result<Result<AtsMapping, String>> {
    let path = workspace.root().join(ATS_MAPPING_FILE);
    Ok(match load_ats_mapping(workspace.root()) {
        Ok(Some(mapping)) => Ok(mapping),
        Ok(None) => Err(format!(
            "there is no {}: add one that maps the ATS form's fields, such as \
             `AtsMapping(format: 1, {key}: Some(…))` (see docs/EXPORTS.md)",
            path.display()
        )),
        Err(e) => {
            writeln!(err, "{e}")?;
            Err(format!("{} is broken: fix it first", path.display()))
        }
    })
}

/// The message for an `ats.ron` without the form asked for.
fn no_form(workspace: &Workspace, key: &str, kind: &str) -> String {
    format!(
        "{} has no {key} form: add `{key}: Some({kind}(…))` (see docs/EXPORTS.md)",
        workspace.root().join(ATS_MAPPING_FILE).display()
    )
}
