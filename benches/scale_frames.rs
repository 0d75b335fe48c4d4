//! Frame CPU time of compare and debrief on `scorecard demo` workspaces of
//! growing size (issue #15's scale table: 1k, 10k, 100k scorecards).
//!
//! For each folder in `SCORECARD_BENCH_SCALE` (comma-separated), the real
//! app is opened on it headless, as `frame_time` opens it (egui_kittest,
//! bench settings: coordinator view, fixed clock), and:
//!
//! - *compare*: the *Compare* button, which opens on the template with the
//!   most candidates; the bench waits until the aggregates are current;
//! - *debrief*: a fresh app, Home search for a candidate of that template
//!   (the one with the most submitted scorecards whose name is unique),
//!   its page, *Debrief*; again until the aggregates are current.
//!
//! Each screen is then timed as `frame_time` times it: frames as eframe
//! runs them, AccessKit off (`logic` + `ui` + end of pass, then
//! tessellation), criterion (`frame`, `ui_only`), then 600 frames one by
//! one (median, p95, max). A table of the figures per workspace closes the
//! run. Timings are reported, never asserted.
//!
//! ```sh
//! SCORECARD_BENCH_SCALE=/work/scale/ws260,/work/scale/ws2600,/work/scale/ws26000 \
//!   cargo bench --bench scale_frames
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use egui_kittest::kittest::Queryable;

use scorecard::app::{ScorecardApp, Screen};

use common::{BareApp, Percentiles};

const FRAMES: usize = 600;

/// Waiting for the aggregates of 100k scorecards takes a while.
const AGGREGATES_TIMEOUT: Duration = Duration::from_secs(600);

/// What one screen measured.
struct Measured {
    workspace: String,
    screen: &'static str,
    frame: Percentiles,
    ui: Percentiles,
    /// Criterion's medians of `frame` and `ui_only`, ms.
    criterion: (f64, f64),
}

/// The app on Compare (its own pick: the busiest template), aggregates
/// current.
fn open_compare(dir: &Path) -> egui_kittest::Harness<'static, ScorecardApp> {
    let mut harness = common::open_harness_big(dir);
    let template = common::busiest_template(harness.state().snapshot());
    harness.get_by_label("Compare").click();
    common::wait_until_within(
        &mut harness,
        "compare shows current aggregates",
        AGGREGATES_TIMEOUT,
        |app| {
            app.aggregates_current()
                && matches!(app.screen(), Screen::Compare(c) if c.template == template)
        },
    );
    harness.get_by_label("Compare candidates");
    harness
}

/// The app on the debrief of `name`, aggregates current.
fn open_debrief(dir: &Path, name: &str) -> egui_kittest::Harness<'static, ScorecardApp> {
    let mut harness = common::open_harness_big(dir);
    common::open_candidate(&mut harness, name);
    harness.get_by_label("Debrief").click();
    common::wait_until_within(
        &mut harness,
        "the debrief shows current aggregates",
        AGGREGATES_TIMEOUT,
        |app| app.aggregates_current() && matches!(app.screen(), Screen::Debrief(_)),
    );
    harness.get_by_label(&format!("Debrief: {name}"));
    harness
}

/// Criterion's median of `group/function` in ms, from its estimates file
/// (`$CRITERION_HOME`, or `criterion/` in the target folder this bench was
/// built in); NaN if not found.
fn criterion_median(group: &str, function: &str) -> f64 {
    let home = std::env::var_os("CRITERION_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            // target/release/deps/scale_frames-… → target/criterion
            Some(exe.parent()?.parent()?.parent()?.join("criterion"))
        });
    let Some(home) = home else {
        return f64::NAN;
    };
    let path = home
        .join(group.replace('/', "_"))
        .join(function)
        .join("new/estimates.json");
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| v["median"]["point_estimate"].as_f64())
        .map_or(f64::NAN, |ns| ns / 1e6)
}

/// 10 warm-up frames, criterion, then [`FRAMES`] frames one by one.
fn measure(
    c: &mut Criterion,
    workspace: &str,
    screen: &'static str,
    harness: egui_kittest::Harness<'static, ScorecardApp>,
) -> Measured {
    let mut bare = BareApp::from_harness(harness);
    for _ in 0..10 {
        bare.frame();
    }
    let group = format!("scale_frames/{workspace}/{screen}");
    common::bench_frames(c, &group, &mut bare);
    let criterion = (
        criterion_median(&group, "frame"),
        criterion_median(&group, "ui_only"),
    );
    let costs: Vec<_> = (0..FRAMES).map(|_| bare.frame()).collect();
    let total: Vec<Duration> = costs.iter().map(|c| c.total()).collect();
    let ui: Vec<Duration> = costs.iter().map(|c| c.ui).collect();
    let tess: Vec<Duration> = costs.iter().map(|c| c.tessellate).collect();
    println!(
        "  {workspace} {screen:<8} frame      {}",
        Percentiles::of(&total)
    );
    println!(
        "  {workspace} {screen:<8} ui         {}",
        Percentiles::of(&ui)
    );
    println!(
        "  {workspace} {screen:<8} tessellate {}",
        Percentiles::of(&tess)
    );
    Measured {
        workspace: workspace.to_owned(),
        screen,
        frame: Percentiles::of(&total),
        ui: Percentiles::of(&ui),
        criterion,
    }
}

fn scale_frames(c: &mut Criterion) {
    let dirs = common::scale_dirs();
    if dirs.is_empty() {
        println!(
            "scale_frames: nothing to do; set SCORECARD_BENCH_SCALE=DIR1,DIR2,… \
             (workspaces written by `scorecard demo`)"
        );
        return;
    }
    let mut measured = Vec::new();
    for dir in &dirs {
        let name = common::scale_name(dir);
        let started = Instant::now();
        let harness = open_compare(dir);
        let snapshot = harness.state().snapshot();
        let (candidates, submitted, cards) = common::snapshot_counts(snapshot);
        let template = common::busiest_template(snapshot).unwrap();
        let of_template = snapshot
            .candidates()
            .iter()
            .filter(|r| r.candidate.template == template)
            .count();
        let (id, person) = common::debrief_candidate(snapshot, &template).unwrap();
        let cards_of = snapshot
            .candidate(id.as_str())
            .map_or(0, |r| r.scorecards.len());
        println!(
            "\nscale_frames: {name}: {candidates} candidates, {cards} scorecards ({submitted} submitted); \
             compare on {template} ({of_template} candidates), debrief of {person} ({id}, {cards_of} scorecards); \
             read and compare ready in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        measured.push(measure(c, &name, "compare", harness));
        let harness = open_debrief(dir, &person);
        measured.push(measure(c, &name, "debrief", harness));
    }
    println!(
        "\nscale_frames: frame CPU time, ms (frame = ui + tessellate; criterion median, \
         then {FRAMES} frames one by one)"
    );
    println!(
        "  {:<12} {:<8} {:>10} {:>10} {:>9} {:>9} {:>9} {:>11}",
        "workspace", "screen", "criterion", "(ui only)", "median", "p95", "max", "ui median"
    );
    for m in &measured {
        println!(
            "  {:<12} {:<8} {:>10.3} {:>10.3} {:>9.3} {:>9.3} {:>9.3} {:>11.3}",
            m.workspace,
            m.screen,
            m.criterion.0,
            m.criterion.1,
            m.frame.p50,
            m.frame.p95,
            m.frame.max,
            m.ui.p50
        );
    }
}

criterion_group!(benches, scale_frames);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
