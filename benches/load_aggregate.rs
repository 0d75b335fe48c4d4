//! Budget: load + aggregate 10,000 scorecards in at most 3× the time `cat`
//! takes to read the same files (cold process, warm page cache).
//!
//! This bench measures the in-process phases on a 10,000-scorecard demo
//! workspace, so a miss can be traced to a phase; the end-to-end
//! comparison with `cat` (a cold process each time) is done with hyperfine,
//! see BENCHMARKS.md.
//!
//! `cargo bench --bench load_aggregate`; with `SCORECARD_BENCH_10K=DIR` the
//! workspace is written to (or reused from) DIR instead of a temporary one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::hint::black_box;
use std::io::Read;
use std::time::Duration;

use clap::Parser;
use criterion::{BenchmarkId, Criterion, criterion_group};
use scorecard::cli::{Cli, run_command};
use scorecard::export::summary_json;
use scorecard::io::{Workspace, fingerprint, parse_candidate, parse_scorecard, read_text};
use scorecard::model::stats::summarize_view;

/// Scorecards in the workspace.
const SCORECARDS: usize = 10_000;

fn load_aggregate(c: &mut Criterion) {
    let (dir, _tmp) = common::workspace_dir("SCORECARD_BENCH_10K");
    let candidates = common::demo_candidates_for(SCORECARDS);
    if !common::has_candidates(&dir) {
        let w = common::write_demo_workspace(&dir, candidates);
        eprintln!(
            "wrote {} candidates, {} scorecards, {:.1} MiB to {}",
            w.candidates,
            w.scorecards,
            w.bytes as f64 / 1048576.0,
            dir.display()
        );
    }
    let files = common::files_under(&dir);
    let bytes = common::bytes_under(&dir);
    let store = Workspace::new(&dir);
    let snapshot = store.load();
    let cards: usize = snapshot
        .candidates()
        .iter()
        .map(|r| r.scorecards.len())
        .sum();
    eprintln!(
        "workspace: {} files, {:.1} MiB, {} candidates, {} scorecards, {} errors",
        files.len(),
        bytes as f64 / 1048576.0,
        snapshot.candidates().len(),
        cards,
        snapshot.errors().len()
    );
    assert!(cards >= SCORECARDS);
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .env("LOAD_AGGREGATE_RSS_CHILD", &dir)
        .output()
        .unwrap();
    eprint!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());

    let mut group = c.benchmark_group("load_aggregate");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    let id = |what: &str| BenchmarkId::new(what, format!("{cards}-scorecards"));

    // The floor, in process: read every file's bytes (what `cat` does,
    // without the process and the pipe).
    group.bench_function(id("floor_read_all_files"), |b| {
        let mut buf = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            let mut total = 0;
            for path in &files {
                buf.clear();
                std::fs::File::open(path)
                    .unwrap()
                    .read_to_end(&mut buf)
                    .unwrap();
                total += buf.len();
            }
            black_box(total)
        });
    });
    // The floor including the folder walk the store does.
    group.bench_function(id("floor_walk_and_read"), |b| {
        b.iter(|| {
            let mut total = 0;
            for path in common::files_under(&dir) {
                total += std::fs::read(path).unwrap().len();
            }
            black_box(total)
        });
    });

    // The phases of `scorecard summary --format json`.
    group.bench_function(id("1_load"), |b| b.iter(|| black_box(store.load())));
    // Of which: parsing and validating, from text already in memory, on
    // one thread (the store's work per file once it has read the text).
    let texts: Vec<(std::path::PathBuf, String)> = files
        .iter()
        .map(|p| (p.clone(), read_text(p).unwrap()))
        .collect();
    group.bench_function(id("1b_parse_in_memory_1_thread"), |b| {
        b.iter(|| {
            let mut n = 0;
            for (path, text) in &texts {
                if path.ends_with("candidate.ron") {
                    n += usize::from(parse_candidate(path, text).is_ok());
                } else {
                    let card = parse_scorecard(path, text);
                    n += usize::from(card.is_ok());
                    black_box(fingerprint(text));
                }
            }
            black_box(n)
        });
    });
    drop(texts);
    group.bench_function(id("2_summary_view"), |b| {
        b.iter(|| black_box(snapshot.summary_view()));
    });
    let input = snapshot.summary_view();
    group.bench_function(id("3_summarize"), |b| {
        b.iter(|| black_box(summarize_view(&input)));
    });
    let summary = summarize_view(&input);
    group.bench_function(id("4_summary_json"), |b| {
        b.iter(|| black_box(summary_json(&summary, &[], &[]).unwrap()));
    });

    // End to end, in process.
    group.bench_function(id("load+summarize"), |b| {
        b.iter(|| {
            let snapshot = store.load();
            black_box(snapshot.summarize())
        });
    });
    let cli = Cli::parse_from([
        "scorecard",
        "--workspace",
        dir.to_str().unwrap(),
        "summary",
        "--format",
        "json",
    ]);
    let command = cli.command.as_ref().unwrap();
    group.bench_function(id("cli_summary_json"), |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(8 << 20);
            let mut err = Vec::new();
            run_command(&cli, command, &mut out, &mut err).unwrap();
            black_box(out.len())
        });
    });
    group.finish();
}

/// `VmRSS` or `VmHWM` of this process, in MiB.
fn status_mib(field: &str) -> f64 {
    common::status_kib(field).map_or(f64::NAN, |kib| kib as f64 / 1024.0)
}

/// In a fresh process: resident memory after each phase, kept alive as
/// the CLI keeps it.
fn rss_child(dir: &str) {
    let rss = || status_mib("VmRSS:");
    let start = rss();
    let snapshot = Workspace::new(dir).load();
    let loaded = rss();
    let input = snapshot.summary_view();
    let with_input = rss();
    let summary = summarize_view(&input);
    let summarized = rss();
    drop(input);
    let json = summary_json(&summary, &[], &[]).unwrap();
    let with_json = rss();
    println!(
        "rss (MiB): start {start:.1}, after load {loaded:.1} (+{:.1}), \
         + summary_view {with_input:.1} (+{:.1}), + summarize {summarized:.1} (+{:.1}), \
         input dropped + JSON ({:.1} MiB of text) {with_json:.1}; peak (VmHWM) {:.1}",
        loaded - start,
        with_input - loaded,
        summarized - with_input,
        json.len() as f64 / 1048576.0,
        status_mib("VmHWM:"),
    );
    black_box((snapshot, summary, json));
}

criterion_group!(benches, load_aggregate);

fn main() {
    if let Ok(dir) = std::env::var("LOAD_AGGREGATE_RSS_CHILD") {
        rss_child(&dir);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
