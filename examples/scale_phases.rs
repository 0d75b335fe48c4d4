//! Where the time and the memory of `scorecard summary` go, phase by phase,
//! on a workspace already on disk (`scorecard demo` writes one): the read,
//! the aggregates, the JSON, what a colleague's file costs the app (the
//! refresh, the copy handed to a thread, Home's lists, the compare rows,
//! freeing them), what an opening changed costs (the change, the whole
//! reference check, taking it in), and the folder watch the app sets up. Prints, after each phase, its wall-clock time
//! and the process's resident memory (`VmRSS`, and the peak `VmHWM`) from
//! /proc, so a figure over budget in BENCHMARKS.md ("Scale") can be traced
//! to a phase.
//!
//! ```sh
//! SCORECARD_DEMO_NOW=2026-11-21T00:00:00Z scorecard --workspace /tmp/ws100k demo --candidates 26000
//! cargo run --release --example scale_phases -- /tmp/ws100k
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Instant;

use scorecard::export::summary_json_to;
use scorecard::io::Workspace;

fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches(" kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn report(phase: &str, started: Instant) {
    println!(
        "{phase:<12} {:>9.1} ms   VmRSS {:>7.1} MiB   VmHWM {:>7.1} MiB",
        started.elapsed().as_secs_f64() * 1000.0,
        status_mib("VmRSS"),
        status_mib("VmHWM"),
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: scale_phases WORKSPACE");
    let workspace = Workspace::new(Path::new(&dir));
    report("start", Instant::now());
    let started = Instant::now();
    let snapshot = workspace.load();
    report("load", started);
    let cards: usize = snapshot
        .candidates()
        .iter()
        .map(|r| r.scorecards.len())
        .sum();
    println!(
        "             {} candidates, {cards} scorecards, {} errors",
        snapshot.candidates().len(),
        snapshot.errors().len()
    );
    let started = Instant::now();
    let summary = snapshot.summarize();
    report("summarize", started);
    let started = Instant::now();
    let mut sink = std::io::sink();
    summary_json_to(&summary, snapshot.errors(), snapshot.conflicts(), &mut sink).unwrap();
    report("json", started);
    // What a colleague's file costs the app: one folder read again, and the
    // snapshot brought up to date (on the UI thread), then the quick
    // aggregates of that one candidate.
    let mut snapshot = snapshot;
    let one = snapshot.candidates()[snapshot.candidates().len() / 2]
        .dir
        .clone();
    let started = Instant::now();
    let refresh = workspace.refresh(&[one.join("scorecards")]);
    report("refresh", started);
    let touched = refresh.candidates_only().unwrap_or_default();
    let started = Instant::now();
    snapshot.apply(refresh, &workspace);
    report("apply", started);
    // The same while a copy is held (the aggregates thread or a screen's
    // build still at work): what the copy shares, the change must copy.
    let held = snapshot.clone();
    let again = workspace.refresh(&[one.join("scorecards")]);
    let started = Instant::now();
    snapshot.apply(again, &workspace);
    report("apply, held", started);
    drop(held);
    let started = Instant::now();
    let quick = snapshot.resummarize(&summary, &touched);
    report("resummarize", started);
    drop(quick);
    // An opening changed (the app's own edit here; a colleague's arrives
    // through `apply` the same way): in the frame, the change alone; the
    // whole reference check on a copy, as the app's thread does; then, in
    // the frame again, the check taken in.
    if let Some(first) = snapshot.openings().first().cloned() {
        let mut record = first.clone();
        record.opening.title.push_str(" (renamed)");
        let started = Instant::now();
        snapshot.save_opening(record);
        report("save opening", started);
        let copy = snapshot.clone();
        let started = Instant::now();
        let checked = copy.check_references();
        report("check refs", started);
        drop(copy);
        let started = Instant::now();
        let taken = snapshot.take_references(checked);
        report("take refs", started);
        assert!(taken, "nothing moved the snapshot meanwhile");
        println!(
            "             {} reference errors",
            snapshot.reference_errors().len()
        );
        // The opening moved to another template: each of its candidates
        // is now a mismatch, an error each; then moved back, and those
        // errors replaced.
        let mut moved = first.clone();
        let other = match first.opening.template.as_str() {
            "devops-engineer" => "cloud-engineer",
            _ => "devops-engineer",
        };
        moved.opening.template = scorecard::model::Slug::new(other).unwrap();
        for (phase, record) in [("moved", moved), ("back", first.clone())] {
            snapshot.save_opening(record);
            let copy = snapshot.clone();
            let started = Instant::now();
            let checked = copy.check_references();
            report(&format!("check {phase}"), started);
            drop(copy);
            let started = Instant::now();
            assert!(snapshot.take_references(checked));
            report(&format!("take {phase}"), started);
            println!(
                "             {} reference errors",
                snapshot.reference_errors().len()
            );
        }
    }
    // What a change costs the UI thread besides: the copy handed to the
    // aggregates thread, and the compare rows of the biggest template.
    let started = Instant::now();
    let copy = snapshot.clone();
    report("clone", started);
    drop(copy);
    // Home's lists, found whole (off the UI thread from 1,000 candidates).
    let settings = scorecard::ui::Settings::default();
    let now: scorecard::model::Timestamp = "2026-11-21T00:00:00Z".parse().unwrap();
    let key = scorecard::ui::HomeListsKey::new(&snapshot, "", &settings, now);
    let started = Instant::now();
    let lists = scorecard::ui::HomeLists::find(&snapshot, key, now);
    report("home lists", started);
    println!(
        "             {} candidates listed, {} drafts",
        lists.candidates.len(),
        lists.draft_count
    );
    drop(lists);
    let mut by_template: std::collections::BTreeMap<&str, usize> = Default::default();
    for record in snapshot.candidates() {
        *by_template
            .entry(record.candidate.template.as_str())
            .or_default() += 1;
    }
    if let Some((id, _)) = by_template.iter().max_by_key(|(_, n)| **n)
        && let Some(entry) = snapshot.templates().get(id)
    {
        let settings = scorecard::ui::Settings {
            coordinator: true,
            ..Default::default()
        };
        let key = scorecard::ui::TableKey {
            generation: 1,
            summary_revision: 1,
            template: entry.template.id.clone(),
            sort: scorecard::ui::SortKey::Name,
            descending: false,
            blind: false,
            coordinator: true,
            interviewer: String::new(),
            opening: None,
        };
        let started = Instant::now();
        let table = scorecard::ui::CompareTable::build(
            key,
            &snapshot,
            &settings,
            &summary,
            &entry.template,
        );
        report("compare rows", started);
        println!("             {} rows", table.rows.len());
        // A table replaced is freed where it is replaced (the UI thread).
        let started = Instant::now();
        drop(table);
        report("drop rows", started);
    }
    // What the app does before its first read: watch every folder.
    let started = Instant::now();
    let watching = scorecard::io::FolderWatcher::start(Path::new(&dir), |_| {});
    report("watch", started);
    // The same read again with the watcher looking: notify's inotify
    // backend asks for `IN_OPEN`, so every file opened is an event for its
    // thread (why the app reads first and watches after).
    // A snapshot replaced by a full read is freed on a thread of its own:
    // this is what that thread does.
    // Many candidate folders read again at once (a `git pull`, or the
    // watcher's queue overflowing): the read on the I/O thread, the apply
    // on the UI thread. The app refreshes up to 999 folders so; from 1,000
    // it reads the workspace whole instead (`app/io_worker.rs`). Applied to
    // a copy, so the records replaced are not freed here.
    let dirs: Vec<_> = snapshot
        .candidates()
        .iter()
        .map(|r| r.dir.clone())
        .collect();
    for (phase, dirs) in [("999", &dirs[..999.min(dirs.len())]), ("all", &dirs[..])] {
        let started = Instant::now();
        let refresh = workspace.refresh(dirs);
        report(&format!("refresh {phase}"), started);
        let mut probe = snapshot.clone();
        let started = Instant::now();
        probe.apply(refresh, &workspace);
        report(&format!("apply {phase}"), started);
        drop(probe);
    }
    let started = Instant::now();
    drop(snapshot);
    report("drop snapshot", started);
    let started = Instant::now();
    let watched = workspace.load();
    report("load watched", started);
    drop(watched);
    drop(watching);
}
