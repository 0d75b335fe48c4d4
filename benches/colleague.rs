//! A colleague's scorecard arriving by a sync tool, to the app showing the
//! new numbers, on `scorecard demo` workspaces of growing size (issue #15).
//!
//! For each folder in `SCORECARD_BENCH_SCALE` (comma-separated), a copy is
//! made in a temporary folder (the bench writes into it), and the real app
//! is opened on the copy headless: the folder watcher, the I/O worker and
//! the aggregates thread are the real ones, and frames run at 60 Hz with
//! egui's clock on the wall clock (so the watcher's settle time plays out
//! as in the app). *Compare* is opened (the template with the most
//! candidates), and the bench waits until its aggregates are current.
//!
//! Then, `COLLEAGUE_RUNS` times (default 5), as a sync tool would: a new
//! submitted scorecard for one candidate of that template, by an
//! interviewer who has none for them yet (a new one each run), is written
//! to a temporary file in the candidate's `scorecards/` folder (flushed),
//! then renamed to `<interviewer-slug>--<stage>.ron`. From the rename, it
//! measures the time until the end of the frame where:
//!
//! - (a) the app's snapshot holds the new file;
//! - (b) the aggregates shown count it (`ScorecardApp::aggregates`: the
//!   candidate's submitted scorecards went up), so the compare table drawn
//!   in that frame shows the candidate's new numbers: the aggregates
//!   thread's quick result, that candidate summarized again;
//! - (c) every aggregate is current again for that snapshot (the
//!   workspace-wide figures too: leniency, calibration), as an export
//!   waits for (`ScorecardApp::aggregates_current`).
//!
//! Each is taken after the frame: the app takes the aggregates thread's
//! result in `logic`, before `ui` draws.
//!
//! and the slowest frame in between, with the costs of the frame that took
//! the new snapshot over and of the one that took the new aggregates (it
//! builds the compare rows). Timings are reported, never asserted.
//!
//! ```sh
//! SCORECARD_BENCH_SCALE=/work/scale/ws260,/work/scale/ws2600 COLLEAGUE_RUNS=5 \
//!   cargo bench --bench colleague
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;

use scorecard::app::{ScorecardApp, Screen};
use scorecard::io::{Workspace, to_ron};
use scorecard::model::{Scorecard, Slug};

use common::BareApp;

/// One frame every 1/60 s.
const FRAME: Duration = Duration::from_micros(16_667);

/// Give up on one arrival after this long.
const TIMEOUT: Duration = Duration::from_secs(300);

/// One arrival's figures.
struct Arrival {
    /// Rename to the snapshot holding the file.
    in_snapshot: Duration,
    /// Rename to the candidate's new numbers on screen.
    on_screen: Duration,
    /// Rename to every aggregate current.
    complete: Duration,
    /// The slowest frame from the rename to `on_screen`.
    slowest_frame: Duration,
    /// The frame that took the new snapshot over (the refresh applied,
    /// the aggregates asked for).
    snapshot_frame: Duration,
    /// The frame that took the new aggregates (and built the compare rows).
    aggregates_frame: Duration,
    frames: usize,
}

/// Runs frames at 60 Hz for `duration`; returns the slowest.
fn frames_for(app: &mut BareApp, duration: Duration) -> Duration {
    let start = Instant::now();
    let mut slowest = Duration::ZERO;
    let mut next = start;
    while start.elapsed() < duration {
        slowest = slowest.max(app.frame().total());
        next += FRAME;
        if let Some(wait) = next.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
    }
    slowest
}

/// Whether the app's snapshot holds `file` among `candidate`'s scorecards.
fn holds(app: &ScorecardApp, candidate: &Slug, file: &Path) -> bool {
    app.snapshot()
        .candidate(candidate.as_str())
        .is_some_and(|r| {
            r.scorecards
                .iter()
                .any(|s| s.path.file_name() == file.file_name())
        })
}

/// How many submitted scorecards the aggregates the app shows count for
/// `candidate`.
fn submitted_of(app: &ScorecardApp, candidate: &Slug) -> usize {
    app.aggregates().map_or(0, |(summary, _)| {
        summary
            .candidates
            .iter()
            .find(|c| &c.id == candidate)
            .map_or(0, |c| c.submitted)
    })
}

/// Writes `card` as a sync tool would: a temporary file beside its place,
/// flushed, then renamed into place. Returns the moment of the rename.
fn sync_in(path: &Path, card: &Scorecard) -> Instant {
    let text = to_ron(card, "scorecard").unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    let temp = path.with_file_name(format!(".syncthing.{name}.tmp"));
    let mut file = std::fs::File::create(&temp).unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file.sync_all().unwrap();
    drop(file);
    let at = Instant::now();
    std::fs::rename(&temp, path).unwrap();
    at
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    match xs.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => xs[n / 2],
        n => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

fn stats(xs: &[f64]) -> String {
    let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!(
        "median {:>8.1}  min {:>8.1}  max {:>8.1}",
        median(xs.to_vec()),
        min,
        max
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Measures `runs` arrivals on a copy of `dir`.
fn measure(dir: &Path, runs: usize) -> Vec<Arrival> {
    let name = common::scale_name(dir);
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join(&name);
    let started = Instant::now();
    let status = Command::new("cp")
        .arg("-a")
        .arg(dir)
        .arg(&copy)
        .status()
        .unwrap();
    assert!(status.success(), "cp -a {} failed", dir.display());
    println!(
        "\ncolleague: {name}: copied to {} in {:.1} s",
        copy.display(),
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let mut harness = common::open_harness_big(&copy);
    let read = started.elapsed();
    let template = common::busiest_template(harness.state().snapshot()).unwrap();
    harness.get_by_label("Compare").click();
    common::wait_until_within(
        &mut harness,
        "compare shows current aggregates",
        Duration::from_secs(600),
        |app| {
            app.aggregates_current()
                && matches!(app.screen(), Screen::Compare(c) if c.template.as_ref() == Some(&template))
        },
    );
    println!(
        "colleague: {name}: read in {:.1} s, compare on {template} current after {:.1} s",
        read.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );

    // The candidate: the first of the template with a submitted scorecard,
    // whose card the colleague's is modelled on.
    let snapshot = harness.state().snapshot();
    let (candidate, model) = snapshot
        .candidates()
        .iter()
        .filter(|r| r.candidate.template == template)
        .find_map(|r| {
            r.scorecards
                .iter()
                .find(|s| s.scorecard.is_submitted())
                .map(|s| (r.candidate.id.clone(), s.scorecard.clone()))
        })
        .expect("a submitted scorecard of the busiest template");
    let taken: Vec<String> = snapshot
        .candidate(candidate.as_str())
        .unwrap()
        .scorecards
        .iter()
        .map(|s| s.scorecard.interviewer.to_lowercase())
        .collect();
    println!(
        "colleague: {name}: {runs} arrivals for {candidate} ({} scorecards), stage {:?}",
        taken.len(),
        model.stage
    );

    let submitted_before = submitted_of(harness.state(), &candidate);
    let mut app = BareApp::from_harness(harness);
    app.real_time = true;
    let store = Workspace::new(&copy);
    // Let the app settle on the wall clock first.
    frames_for(&mut app, Duration::from_secs(1));

    let mut arrivals = Vec::new();
    for run in 0..runs {
        let interviewer = format!("Sync Colleague {:02}", run + 1);
        assert!(!taken.contains(&interviewer.to_lowercase()));
        let mut card = model.clone();
        card.interviewer = interviewer.as_str().into();
        let path = store
            .scorecard_path(&candidate, &interviewer, &card.stage)
            .unwrap();
        assert!(!path.exists(), "{} exists already", path.display());

        let renamed = sync_in(&path, &card);
        let mut in_snapshot = None;
        let mut snapshot_frame = Duration::ZERO;
        let mut slowest = Duration::ZERO;
        let mut frames = 0;
        let mut next = Instant::now();
        let counted = submitted_before + run + 1;
        let mut on_screen = None;
        let mut aggregates_frame = Duration::ZERO;
        let complete = loop {
            let cost = app.frame();
            frames += 1;
            slowest = slowest.max(cost.total());
            let has = holds(&app.app, &candidate, &path);
            if has && in_snapshot.is_none() {
                in_snapshot = Some(renamed.elapsed());
                snapshot_frame = cost.total();
            }
            if on_screen.is_none() && submitted_of(&app.app, &candidate) == counted {
                on_screen = Some(renamed.elapsed());
                aggregates_frame = cost.total();
            }
            if has && on_screen.is_some() && app.app.aggregates_current() {
                break renamed.elapsed();
            }
            assert!(
                renamed.elapsed() < TIMEOUT,
                "{name}: the new scorecard was not shown within {TIMEOUT:?}"
            );
            next += FRAME;
            if let Some(wait) = next.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
        };
        assert!(matches!(app.app.screen(), Screen::Compare(_)));
        let arrival = Arrival {
            in_snapshot: in_snapshot.unwrap(),
            on_screen: on_screen.unwrap(),
            complete,
            slowest_frame: slowest,
            snapshot_frame,
            aggregates_frame,
            frames,
        };
        println!(
            "  {name} run {}: in the snapshot after {:>8.1} ms, its numbers on screen after {:>8.1} ms, \
             all current after {:>8.1} ms ({} frames, slowest {:.2} ms; the frame taking the snapshot \
             {:.2} ms, the new numbers {:.2} ms)",
            run + 1,
            ms(arrival.in_snapshot),
            ms(arrival.on_screen),
            ms(arrival.complete),
            arrival.frames,
            ms(arrival.slowest_frame),
            ms(arrival.snapshot_frame),
            ms(arrival.aggregates_frame)
        );
        arrivals.push(arrival);
        // Quiet between arrivals.
        frames_for(&mut app, Duration::from_secs(1));
    }
    // Outside the timing: the new scorecards count (a card the app set
    // aside as a problem would not).
    let submitted_after = submitted_of(&app.app, &candidate);
    assert_eq!(
        submitted_after,
        submitted_before + runs,
        "{name}: the aggregates of the app's snapshot do not count every new scorecard"
    );
    println!(
        "colleague: {name}: {candidate} has {submitted_before} → {submitted_after} submitted \
         scorecards in the aggregates of the app's snapshot"
    );
    drop(app);
    drop(tmp);
    arrivals
}

fn main() {
    let dirs = common::scale_dirs();
    if dirs.is_empty() {
        println!(
            "colleague: nothing to do; set SCORECARD_BENCH_SCALE=DIR1,DIR2,… \
             (workspaces written by `scorecard demo`; each is copied first)"
        );
        return;
    }
    let runs: usize = std::env::var("COLLEAGUE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut all = Vec::new();
    for dir in &dirs {
        all.push((common::scale_name(dir), measure(dir, runs)));
    }
    println!("\ncolleague: ms from the rename (a synced file arriving), {runs} runs each");
    for (name, arrivals) in &all {
        let a: Vec<f64> = arrivals.iter().map(|x| ms(x.in_snapshot)).collect();
        let b: Vec<f64> = arrivals.iter().map(|x| ms(x.on_screen)).collect();
        let c: Vec<f64> = arrivals.iter().map(|x| ms(x.complete)).collect();
        let f: Vec<f64> = arrivals.iter().map(|x| ms(x.slowest_frame)).collect();
        let sf: Vec<f64> = arrivals.iter().map(|x| ms(x.snapshot_frame)).collect();
        let af: Vec<f64> = arrivals.iter().map(|x| ms(x.aggregates_frame)).collect();
        println!("  {name:<12} (a) in the snapshot        {}", stats(&a));
        println!("  {name:<12} (b) its numbers on screen  {}", stats(&b));
        println!("  {name:<12} (c) all figures current   {}", stats(&c));
        println!("  {name:<12}     slowest frame meanwhile {}", stats(&f));
        println!("  {name:<12}     frame taking the snapshot {}", stats(&sf));
        println!(
            "  {name:<12}     frame taking the new numbers {}",
            stats(&af)
        );
    }
}
