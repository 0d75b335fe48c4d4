//! `scorecard delete --candidate ID` and `scorecard purge --older-than DAYS`.

use std::io::Write;
use std::process::ExitCode;

use chrono::{Duration, Utc};

use super::EXIT_INVALID;
use crate::io::{Erased, Workspace};
use crate::model::{Slug, Timestamp};

/// Erases every file of one candidate (a data-subject request).
pub fn delete(
    workspace: &Workspace,
    candidate: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let id = match Slug::new(candidate) {
        Ok(id) => id,
        Err(e) => {
            writeln!(err, "scorecard: {e}")?;
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    match workspace.delete_candidate(&id) {
        Ok(erased) => {
            report(out, &erased)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            writeln!(err, "scorecard: {e}")?;
            Ok(ExitCode::from(EXIT_INVALID))
        }
    }
}

/// Erases every candidate whose last activity is more than `days` ago.
pub fn purge(
    workspace: &Workspace,
    days: u32,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let cutoff = Timestamp::from_utc(Utc::now() - Duration::days(i64::from(days)));
    match workspace.purge(cutoff) {
        Ok(erased) => {
            report(out, &erased)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            writeln!(err, "scorecard: {e}")?;
            Ok(ExitCode::from(EXIT_INVALID))
        }
    }
}

fn report(out: &mut dyn Write, erased: &Erased) -> std::io::Result<()> {
    writeln!(
        out,
        "erased {} candidate(s), {} file(s){}{}",
        erased.candidates.len(),
        erased.files,
        if erased.links == 0 {
            String::new()
        } else {
            format!(
                ", {} symbolic link(s) (the links themselves, not what they point to)",
                erased.links
            )
        },
        if erased.candidates.is_empty() {
            String::new()
        } else {
            format!(": {}", erased.candidates.join(", "))
        }
    )
}
