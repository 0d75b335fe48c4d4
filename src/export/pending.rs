//! `scorecard pending`: the owed scorecards as text and JSON.

use std::fmt::Write;

use serde::Serialize;

use super::ExportError;
use super::summary::ErrorJson;
use crate::io::FileError;
use crate::model::{InterviewState, LocalZone, PlannedInterview, Timestamp};

/// The JSON of DESIGN.md `scorecard pending`: `as_of`, `pending` (one
/// object per owed scorecard: `candidate`, `name`, `opening` (id or null),
/// `stage`, `interviewer` (as planned), `at`, `due`, `overdue`,
/// `hours_overdue` (unrounded, 0 when not overdue), `draft`), `errors`
/// (as in `summary`). Pretty-printed, with a final newline.
pub fn pending_json(
    as_of: Timestamp,
    pending: &[PlannedInterview<'_>],
    errors: &[FileError],
) -> Result<String, ExportError> {
    let document = PendingDocument {
        as_of,
        pending: pending.iter().map(PendingJson::new).collect(),
        errors: errors.iter().map(ErrorJson::new).collect(),
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

#[derive(Serialize)]
struct PendingDocument<'a> {
    as_of: Timestamp,
    pending: Vec<PendingJson<'a>>,
    errors: Vec<ErrorJson<'a>>,
}

#[derive(Serialize)]
struct PendingJson<'a> {
    candidate: &'a str,
    name: &'a str,
    opening: Option<&'a str>,
    stage: &'a str,
    interviewer: &'a str,
    at: Timestamp,
    due: Timestamp,
    overdue: bool,
    hours_overdue: f64,
    draft: bool,
}

impl<'a> PendingJson<'a> {
    fn new(p: &'a PlannedInterview<'a>) -> Self {
        Self {
            candidate: p.candidate.id.as_str(),
            name: &p.candidate.name,
            opening: p.candidate.opening.as_ref().map(|o| o.as_str()),
            stage: &p.interview.stage,
            interviewer: p.interview.interviewer.trim(),
            at: p.interview.at,
            due: p.due,
            overdue: p.state == InterviewState::Overdue,
            hours_overdue: p.hours_overdue,
            draft: p.draft,
        }
    }
}

/// The owed scorecards for people: a headline, then one line each,
/// overdue first:
/// `overdue 62.0 h  c-0001 Alex Doe  incident-bridge  Sam Lee  due Sun 22 Nov, 11:00 CET  draft started`,
/// the times in `zone` (the JSON and the calendar keep UTC).
pub fn pending_text(as_of: Timestamp, pending: &[PlannedInterview<'_>], zone: LocalZone) -> String {
    let overdue = pending
        .iter()
        .filter(|p| p.state == InterviewState::Overdue)
        .count();
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = writeln!(
        out,
        "{} owed as of {}, {overdue} overdue",
        super::debrief::scorecards_noun(pending.len()),
        zone.moment_with_zone(as_of, as_of)
    );
    for p in pending {
        let state = if p.state == InterviewState::Overdue {
            format!("overdue {:.1} h", p.hours_overdue)
        } else {
            "owed".to_owned()
        };
        let stage = if p.interview.stage.is_empty() {
            "(general)"
        } else {
            p.interview.stage.as_str()
        };
        let _ = writeln!(
            out,
            "{state}  {} {}  {stage}  {}  due {}{}",
            p.candidate.id,
            p.candidate.name,
            p.interview.interviewer.trim(),
            zone.moment_with_zone(p.due, as_of),
            if p.draft { "  draft started" } else { "" }
        );
    }
    out
}
