//! `scorecard import performance FILE.csv [--dry-run]`
//!
//! A CSV of performance reviews (the candidate by id, ATS id or email; the
//! date; the rating 1–5; the reviewer) becomes the hires'
//! `performance.ron` files, all rows or none (see `io::performance_import`).
//! Exit 0 when imported (or, with `--dry-run`, when it would be); 1 when
//! the file or a row is wrong, with every problem on stderr as
//! `path:line:col: message` and not one file written.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_INVALID;
use super::summary::load_reporting_errors;
use crate::io::{PerformanceImportError, Workspace, apply_performance, read_performance_csv};

/// Runs the import.
pub fn run(
    workspace: &Workspace,
    file: &Path,
    dry_run: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let snapshot = load_reporting_errors(workspace, err)?;
    let applied = read_performance_csv(workspace, &snapshot, file).and_then(|plan| {
        if !dry_run {
            apply_performance(&plan)?;
        }
        Ok(plan)
    });
    match applied {
        Ok(plan) => {
            for change in &plan.changes {
                writeln!(
                    out,
                    "{}: {} added, {} changed ({} reviews in all)",
                    change.candidate,
                    change.added,
                    change.changed,
                    change.after.reviews.len()
                )?;
            }
            writeln!(
                out,
                "{} reviews added, {} changed, {} unchanged, for {} hires{}",
                plan.added(),
                plan.changed(),
                plan.unchanged,
                plan.changes.len(),
                if dry_run {
                    " (dry run: nothing written)"
                } else {
                    ""
                }
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(PerformanceImportError::File(errors)) => {
            for e in &errors {
                log::info!("import performance: {e}");
                writeln!(err, "{e}")?;
            }
            writeln!(err, "scorecard: nothing imported: fix the rows above first")?;
            Ok(ExitCode::from(EXIT_INVALID))
        }
        Err(other) => {
            log::error!("import performance: {other:#}");
            writeln!(err, "scorecard: {other}")?;
            Ok(ExitCode::from(EXIT_INVALID))
        }
    }
}
