//! `scorecard demo --candidates N`: fills an empty workspace with realistic
//! sample data (see [`crate::demo`] for how it is made).
//!
//! Reproducible: the data depends on a seed ([`DEFAULT_SEED`] unless
//! `SCORECARD_DEMO_SEED` gives another) and on "now", which is the start of
//! the current day in UTC unless `SCORECARD_DEMO_NOW` gives an RFC 3339
//! time. Two runs on the same day (or with the same `SCORECARD_DEMO_NOW`)
//! write byte-identical files, which benchmarks and screenshots rely on.
//!
//! The candidates are interviewed against the templates in effect (shipped
//! ones, overridden by the workspace's), so every scorecard matches the
//! template the app will show it with.

use std::fs;
use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use chrono::{DateTime, Utc};

use super::EXIT_INVALID;
use crate::demo::{DEFAULT_SEED, DemoData, MAX_CANDIDATES, generate};
use crate::io::{StoreError, TemplateSet, Workspace};
use crate::model::{Candidate, Decision, Performance, Scorecard, Template, Timestamp};

/// Exit code for a usage error, as clap uses it.
const EXIT_USAGE: u8 = 2;

/// Environment variable overriding the seed (a decimal `u64`).
pub const SEED_ENV: &str = "SCORECARD_DEMO_SEED";

/// Environment variable overriding "now" (RFC 3339).
pub const NOW_ENV: &str = "SCORECARD_DEMO_NOW";

/// Writes `candidates` sample candidates with their scorecards into the
/// workspace, which must have none yet.
pub fn run(
    workspace: &Workspace,
    candidates: usize,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    if candidates == 0 || candidates > MAX_CANDIDATES {
        writeln!(
            err,
            "scorecard demo: --candidates must be between 1 and {MAX_CANDIDATES}, not {candidates}\n\
             usage: scorecard demo --candidates N"
        )?;
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let (seed, now) = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            writeln!(err, "scorecard demo: {message}")?;
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    if has_candidates(workspace) {
        writeln!(
            err,
            "scorecard demo: {} already has candidates; demo fills an empty workspace \
             (choose another with --workspace DIR)",
            workspace.root().display()
        )?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }

    let (set, errors) = TemplateSet::load(&workspace.templates_dir());
    for error in &errors {
        writeln!(err, "{error}")?;
    }
    let templates: Vec<Template> = set.iter().map(|e| e.template.clone()).collect();
    let data = generate(&templates, candidates, seed, now);
    if data.candidates.is_empty() {
        writeln!(
            err,
            "scorecard demo: no template to interview candidates for"
        )?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    write(workspace, &data)?;
    if let Some(past) = &data.past {
        write(workspace, past)?;
    }
    writeln!(
        out,
        "wrote {} candidates and {} scorecards ({} drafts), {} openings and {} decisions to {}",
        data.candidates.len(),
        data.scorecards.len(),
        data.drafts(),
        data.openings.len(),
        data.decisions.len(),
        workspace.root().display()
    )?;
    if let Some(past) = &data.past {
        writeln!(
            out,
            "and a past cohort for the validity study: {} candidates, {} of them hired and reviewed",
            past.candidates.len(),
            past.performances.len()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The seed and "now", from the environment or the defaults.
fn settings() -> Result<(u64, Timestamp), String> {
    let seed = match std::env::var(SEED_ENV) {
        Ok(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("{SEED_ENV}={text:?} is not a whole number 0–{}", u64::MAX))?,
        Err(_) => DEFAULT_SEED,
    };
    let now = match std::env::var(NOW_ENV) {
        Ok(text) => text.trim().parse().map_err(|e| format!("{NOW_ENV}: {e}"))?,
        Err(_) => start_of_today(),
    };
    Ok((seed, now))
}

/// Midnight UTC today: recent enough to look fresh, fixed for a whole day.
fn start_of_today() -> Timestamp {
    let now = Utc::now();
    let midnight = now.timestamp().div_euclid(86_400) * 86_400;
    Timestamp::from_utc(DateTime::from_timestamp(midnight, 0).unwrap_or(now))
}

/// Whether `candidates/` holds anything but hidden files: a candidate folder,
/// even a broken one, is somebody's data.
fn has_candidates(workspace: &Workspace) -> bool {
    let Ok(entries) = fs::read_dir(workspace.candidates_dir()) else {
        return false;
    };
    entries
        .filter_map(Result::ok)
        .any(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
}

/// How many threads write files. Each write waits for the disk (the store
/// flushes every file and its folder), so several in flight finish far
/// sooner than one after another, whatever the number of cores.
const WRITERS: usize = 8;

/// Writes every candidate and scorecard through the store: the same atomic,
/// private writes the app makes. Candidates are shared out among
/// [`WRITERS`] threads; each candidate's folder is written by one thread.
/// The first error stops the others and is returned.
fn write(workspace: &Workspace, data: &DemoData) -> anyhow::Result<()> {
    for opening in &data.openings {
        workspace.save_opening(opening)?;
    }
    let decisions: std::collections::HashMap<&crate::model::Slug, &Decision> =
        data.decisions.iter().map(|d| (&d.candidate, d)).collect();
    let performances: std::collections::HashMap<&crate::model::Slug, &Performance> = data
        .performances
        .iter()
        .map(|p| (&p.candidate, p))
        .collect();
    let work = data.by_candidate();
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Vec<anyhow::Result<()>> = thread::scope(|scope| {
        let writers: Vec<_> = (0..WRITERS.min(work.len()))
            .map(|_| {
                scope.spawn(|| {
                    while !failed.load(Ordering::Relaxed) {
                        let Some(&(candidate, cards)) =
                            work.get(next.fetch_add(1, Ordering::Relaxed))
                        else {
                            break;
                        };
                        let decision = decisions.get(&candidate.id).copied();
                        let performance = performances.get(&candidate.id).copied();
                        if let Err(error) =
                            write_one(workspace, candidate, cards, decision, performance)
                        {
                            failed.store(true, Ordering::Relaxed);
                            return Err(anyhow::Error::from(error));
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|writer| {
                writer
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a writer thread panicked")))
            })
            .collect()
    });
    for result in results {
        result?;
    }
    Ok(())
}

/// One candidate's record, scorecards, decision and performance reviews.
fn write_one(
    workspace: &Workspace,
    candidate: &Candidate,
    cards: &[Scorecard],
    decision: Option<&Decision>,
    performance: Option<&Performance>,
) -> Result<(), StoreError> {
    workspace.save_candidate(candidate)?;
    if let Some(decision) = decision {
        workspace.save_decision(decision)?;
    }
    if let Some(performance) = performance {
        workspace.save_performance(performance)?;
    }
    for card in cards {
        let path = workspace.scorecard_path(&card.candidate, &card.interviewer, &card.stage)?;
        workspace.save_scorecard(&path, card)?;
    }
    Ok(())
}
