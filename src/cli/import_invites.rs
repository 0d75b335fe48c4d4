//! `scorecard import invites FILE.ics... [--dry-run] [--skip-broken]
//! [--format text|json]`
//!
//! Plans the interviews of calendar files (several: one import, all or
//! nothing) into the candidates' plans
//! (DESIGN.md "In and out") and applies them, all or nothing; `--dry-run`
//! only shows what would change. Broken workspace files are reported on
//! stderr (and under `"errors"` in JSON) and left out. A file that cannot
//! be read as iCalendar is an error at its line on stderr, exit 1, and
//! nothing is written; of several, every such file is named, and
//! `--skip-broken` imports the others and lists those skipped.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::summary::{load_reporting_errors, relative_to_workspace};
use super::{EXIT_INVALID, ImportFormat};
use crate::io::{
    FileError, InviteBatch, InviteError, Workspace, apply_invites, read_invites_files,
};
use crate::model::invite_import::{InvitePlan, MovedEntry, PlannedEntry};
use crate::model::{LocalZone, Timestamp, escape_line};

/// How the import runs.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Show what would change, change nothing.
    pub dry_run: bool,
    /// Import the files that can be read; name those skipped.
    pub skip_broken: bool,
    /// Text or JSON.
    pub format: ImportFormat,
}

/// Runs the import.
pub fn run(
    workspace: &Workspace,
    files: &[PathBuf],
    Options {
        dry_run,
        skip_broken,
        format,
    }: Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let snapshot = load_reporting_errors(workspace, err)?;
    let InviteBatch { plan, skipped } = match read_invites_files(
        workspace,
        &snapshot,
        files,
        skip_broken,
    ) {
        Ok(batch) => batch,
        Err(error) => {
            writeln!(err, "{error}")?;
            if let InviteError::BrokenFiles { errors, files } = &error
                && *files > 1
            {
                let hint = if errors.len() < *files {
                    format!(
                        " (--skip-broken imports the other {})",
                        files - errors.len()
                    )
                } else {
                    String::new()
                };
                writeln!(
                    err,
                    "scorecard: {} of {files} invite files cannot be read: nothing was written{hint}",
                    errors.len()
                )?;
            }
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    for error in &skipped {
        writeln!(err, "skipped, not read: {error}")?;
    }
    let written = if dry_run {
        Vec::new()
    } else {
        match apply_invites(workspace, &plan) {
            Ok(written) => written,
            Err(error) => {
                writeln!(err, "scorecard: {error}")?;
                return Ok(ExitCode::from(EXIT_INVALID));
            }
        }
    };
    let errors = relative_to_workspace(workspace, snapshot.errors());
    match format {
        ImportFormat::Json => {
            let doc = plan_json(
                &plan,
                files,
                dry_run,
                &relative(workspace, &written),
                (&errors, &skipped),
            );
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        ImportFormat::Text => {
            let zone = (super::reader_zone(), super::as_of_or_now(None));
            let mut text = plan_text(&plan, files, dry_run, written.len(), zone);
            if !skipped.is_empty() {
                text.push_str(&format!(
                    "{} skipped: they cannot be read (see above)\n",
                    invite_files(skipped.len())
                ));
            }
            out.write_all(text.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn relative(workspace: &Workspace, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            p.strip_prefix(workspace.root())
                .unwrap_or(p)
                .display()
                .to_string()
        })
        .collect()
}

fn entry_json(entry: &PlannedEntry) -> Value {
    json!({
        "uid": entry.uid,
        "candidate": entry.candidate.as_str(),
        "name": entry.candidate_name,
        "stage": entry.stage,
        "interviewer": entry.interviewer,
        "at": entry.at.to_string(),
    })
}

fn moved_json(moved: &MovedEntry) -> Value {
    let mut value = entry_json(&moved.entry);
    if let Value::Object(map) = &mut value {
        map.insert("from".into(), json!(moved.from.to_string()));
        map.insert("from_stage".into(), json!(moved.from_stage));
    }
    value
}

/// The JSON of DESIGN.md, with `cancelled_but_scored`, `dry_run` and the
/// files `written` besides.
fn plan_json(
    plan: &InvitePlan,
    files: &[PathBuf],
    dry_run: bool,
    written: &[String],
    (errors, skipped): (&[FileError], &[FileError]),
) -> Value {
    json!({
        "created": plan.created.iter().map(entry_json).collect::<Vec<_>>(),
        "moved": plan.moved.iter().map(moved_json).collect::<Vec<_>>(),
        "cancelled": plan.cancelled.iter().map(entry_json).collect::<Vec<_>>(),
        "cancelled_but_scored": plan.cancelled_but_scored.iter().map(entry_json).collect::<Vec<_>>(),
        "unchanged": plan.unchanged,
        "notes": plan.notes.iter().map(|n| json!({
            "uid": n.uid,
            "summary": n.summary,
            "note": n.note,
            "file": file_name(files, n.file),
            "line": n.line,
        })).collect::<Vec<_>>(),
        "skipped": skipped.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "unmatched": plan.unmatched.iter().map(|u| json!({
            "uid": u.uid,
            "summary": u.summary,
            "reason": u.reason,
            "file": file_name(files, u.file),
            "line": u.line,
        })).collect::<Vec<_>>(),
        "dry_run": dry_run,
        "written": written,
        "errors": errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

/// One line per change, then the counts; times in `zone` as of `now`.
fn plan_text(
    plan: &InvitePlan,
    files: &[PathBuf],
    dry_run: bool,
    written: usize,
    (zone, now): (LocalZone, Timestamp),
) -> String {
    use std::fmt::Write as _;
    let mut text = String::new();
    let line = |word: &str, e: &PlannedEntry, tail: &str| {
        format!(
            "{word:<10} {} ({}), {}, {}: {}{tail}\n",
            e.candidate,
            e.candidate_name,
            stage_words(&e.stage),
            e.interviewer,
            zone.moment_with_zone(e.at, now)
        )
    };
    for e in &plan.created {
        text.push_str(&line("created", e, ""));
    }
    for m in &plan.moved {
        let stage = if m.from_stage == m.entry.stage {
            String::new()
        } else {
            format!(", {}", stage_words(&m.from_stage))
        };
        text.push_str(&line(
            "moved",
            &m.entry,
            &format!(" (was {}{stage})", zone.moment_with_zone(m.from, now)),
        ));
    }
    for e in &plan.cancelled {
        text.push_str(&line("cancelled", e, ""));
    }
    for e in &plan.cancelled_but_scored {
        text.push_str(&line(
            "kept",
            e,
            " (the invite is cancelled, but a scorecard exists)",
        ));
    }
    for u in &plan.unmatched {
        let _ = writeln!(
            text,
            "unmatched  {}:{}: \"{}\" ({}): {}",
            file_name(files, u.file),
            u.line,
            escape_line(&u.summary),
            escape_line(&u.uid),
            u.reason
        );
    }
    for n in &plan.notes {
        let _ = writeln!(
            text,
            "note       {}:{}: {:?} ({}): {}",
            file_name(files, n.file),
            n.line,
            n.summary,
            n.uid,
            n.note
        );
    }
    let _ = write!(
        text,
        "{} created, {} moved, {} cancelled, {} kept for their scorecards, {} unchanged, {} unmatched; ",
        plan.created.len(),
        plan.moved.len(),
        plan.cancelled.len(),
        plan.cancelled_but_scored.len(),
        plan.unchanged,
        plan.unmatched.len()
    );
    if dry_run {
        let _ = writeln!(
            text,
            "dry run: nothing written ({} would change)",
            candidate_files(plan.changes.len())
        );
    } else {
        let _ = writeln!(text, "{} written", candidate_files(written));
    }
    text
}

/// The file an import's event came from, as the user named it.
fn file_name(files: &[PathBuf], index: usize) -> String {
    files
        .get(index)
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

fn invite_files(n: usize) -> String {
    if n == 1 {
        "1 invite file".to_owned()
    } else {
        format!("{n} invite files")
    }
}

fn candidate_files(n: usize) -> String {
    if n == 1 {
        "1 candidate file".to_owned()
    } else {
        format!("{n} candidate files")
    }
}

fn stage_words(stage: &str) -> String {
    if stage.is_empty() {
        "general interview".to_owned()
    } else {
        format!("stage {stage}")
    }
}
