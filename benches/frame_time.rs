//! Budget: frame CPU time of the debrief and compare screens at 1,000
//! candidates × 6 scorecards × 8 dimensions, at most 1 ms median.
//!
//! The real app ([`ScorecardApp`]) on a generated workspace (every
//! candidate interviewed for `distinguished-devops-engineer`, 8 dimensions,
//! by a panel of 6 who each rate every dimension with evidence), navigated
//! with egui_kittest, then timed three ways:
//!
//! - `frame`: what eframe does on the CPU for a frame: `App::logic` +
//!   `App::ui` + egui's end of pass, then tessellation; AccessKit off, as
//!   eframe runs unless a screen reader asks. This is the figure the budget
//!   is judged on.
//! - `ui_only`: the same without tessellation.
//! - `kittest_step`: `Harness::step()` (AccessKit on, kittest's tree
//!   update, no tessellation), i.e. a frame with a screen reader attached.
//!
//! and the work behind those frames, replayed through the public API
//! (`phase/*`): what runs once per workspace change (the aggregates, on
//! their own thread; the compare rows, on the UI thread) and what runs
//! every debrief frame.
//!
//! After the criterion groups, 600 frames of each screen are timed one by
//! one and their percentiles printed.
//!
//! `cargo bench --bench frame_time`; `SCORECARD_BENCH_PANEL=DIR` keeps the
//! workspace in DIR. With `SCORECARD_BENCH_10K=DIR` naming a workspace that
//! holds candidates (the 10k demo), Home is also timed on it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group};
use egui_kittest::kittest::Queryable;

use scorecard::io::Workspace;
use scorecard::model::{Debrief, Slug};
use scorecard::ui::{CompareTable, SortKey, TableKey, panel_visible};

use common::{BareApp, Percentiles};

const CANDIDATES: usize = 1_000;
const FRAMES: usize = 600;

fn workspace() -> (std::path::PathBuf, Option<tempfile::TempDir>) {
    let (dir, tmp) = common::workspace_dir("SCORECARD_BENCH_PANEL");
    if !common::has_candidates(&dir) {
        let w = common::write_panel_workspace(&dir, CANDIDATES);
        eprintln!(
            "wrote {} candidates × {} scorecards × 8 dimensions ({} files, {:.1} MiB) to {}",
            w.candidates,
            common::PANEL_SIZE,
            w.candidates + w.scorecards,
            w.bytes as f64 / 1048576.0,
            dir.display()
        );
    }
    (dir, tmp)
}

/// The app on the compare screen (the busiest template: all 1,000).
fn open_compare(
    dir: &std::path::Path,
) -> egui_kittest::Harness<'static, scorecard::app::ScorecardApp> {
    let mut harness = common::open_harness(dir);
    harness.get_by_label("Compare").click();
    common::wait_until(&mut harness, "the aggregates are computed", |app| {
        app.aggregates_current()
    });
    harness.get_by_label("Compare candidates");
    harness
}

/// The app on the debrief of the first candidate.
fn open_debrief(
    dir: &std::path::Path,
) -> egui_kittest::Harness<'static, scorecard::app::ScorecardApp> {
    let mut harness = common::open_harness(dir);
    let name = common::panel_candidate_name(0);
    common::open_candidate(&mut harness, &name);
    harness.get_by_label("Debrief").click();
    common::wait_until(&mut harness, "the aggregates are computed", |app| {
        app.aggregates_current()
    });
    harness.get_by_label(&format!("Debrief: {name}"));
    harness
}

/// Times the screen open in `harness`: with `kittest`, a kittest step
/// (AccessKit on) first; then, after 10 warm-up frames, the frames eframe
/// runs ([`bench_frames`]). Returns the app for the percentiles.
fn bench_screen(
    c: &mut Criterion,
    screen: &str,
    mut harness: egui_kittest::Harness<'static, scorecard::app::ScorecardApp>,
    kittest: bool,
) -> BareApp {
    if kittest {
        let mut group = c.benchmark_group(format!("frame_time/{screen}"));
        group.sample_size(30);
        group.bench_function("kittest_step", |b| b.iter(|| harness.step()));
        group.finish();
    }
    let mut bare = BareApp::from_harness(harness);
    for _ in 0..10 {
        bare.frame();
    }
    common::bench_frames(c, &format!("frame_time/{screen}"), &mut bare);
    bare
}

fn frame_time(c: &mut Criterion) {
    let (dir, _tmp) = workspace();

    // --- The work behind a frame, replayed through the public API. ---
    let snapshot = Workspace::new(&dir).load();
    let settings = common::bench_settings();
    let summary = snapshot.summarize();
    let template = Slug::new(common::PANEL_TEMPLATE).unwrap();
    let entry = snapshot.templates().get(template.as_str()).unwrap();
    {
        let mut group = c.benchmark_group("frame_time/phase");
        group.sample_size(20);
        // After every change (a save, a refresh), on the aggregates thread:
        // the copy handed to it (on the UI thread), then the computation.
        group.bench_function("snapshot_clone_for_aggregates_thread", |b| {
            b.iter(|| black_box(snapshot.clone()));
        });
        group.bench_function("summarize(aggregates_thread)", |b| {
            b.iter(|| black_box(snapshot.summarize()));
        });
        // The compare rows, built once per change (cache miss), on the UI
        // thread: as a coordinator, and as an interviewer on every panel
        // (`panel_visible` then looks for their submitted scorecard).
        let interviewer = scorecard::ui::Settings {
            interviewer: common::PANEL[0].to_owned(),
            ..scorecard::ui::Settings::default()
        };
        for (who, settings) in [
            ("coordinator", &settings),
            ("panel_interviewer", &interviewer),
        ] {
            let key = TableKey {
                generation: 1,
                summary_revision: 1,
                template: template.clone(),
                sort: SortKey::Weighted,
                descending: true,
                blind: settings.blind,
                coordinator: settings.coordinator,
                interviewer: settings.interviewer.clone(),
                opening: None,
            };
            group.bench_function(format!("compare_table_build_{who}"), |b| {
                b.iter(|| {
                    black_box(CompareTable::build(
                        key.clone(),
                        &snapshot,
                        settings,
                        &summary,
                        &entry.template,
                    ))
                });
            });
        }
        // `ScorecardApp::debrief`, every debrief frame: clones, then builds.
        let id = &snapshot.candidates()[0].candidate.id;
        group.bench_function("debrief_build", |b| {
            b.iter(|| {
                let record = snapshot.candidate(id.as_str()).unwrap();
                let visible = panel_visible(&snapshot, record, &settings);
                let s = summary.candidates.iter().find(|c| &c.id == id).unwrap();
                let cards: Vec<_> = record
                    .scorecards
                    .iter()
                    .map(|s| s.scorecard.clone())
                    .collect();
                let t = snapshot.templates().get(record.candidate.template.as_str());
                black_box((
                    visible,
                    Debrief::build(&record.candidate, &cards, t.map(|e| &e.template), s, false),
                ))
            });
        });
        group.finish();
    }
    drop((summary, snapshot));

    // --- Compare, debrief, and Home for reference (the first screen after
    // loading). ---
    let mut compare = bench_screen(c, "compare", open_compare(&dir), true);
    let mut debrief = bench_screen(c, "debrief", open_debrief(&dir), true);
    let mut home = bench_screen(c, "home", common::open_harness(&dir), false);

    // --- Home on the 10k demo (2,600 candidates, drafts among them), if
    // `SCORECARD_BENCH_10K` names a workspace that holds one. ---
    let mut home_10k = std::env::var_os("SCORECARD_BENCH_10K")
        .map(std::path::PathBuf::from)
        .filter(|dir| common::has_candidates(dir))
        .map(|dir| bench_screen(c, "home_10k", common::open_harness(&dir), false));

    // --- Frame by frame, percentiles. ---
    println!("\nframe_time: {FRAMES} frames each, one by one (ms; frame = ui + tessellate)");
    let mut screens = vec![
        ("compare", &mut compare),
        ("debrief", &mut debrief),
        ("home", &mut home),
    ];
    if let Some(app) = home_10k.as_mut() {
        screens.push(("home_10k", app));
    }
    for (screen, app) in screens {
        let costs: Vec<_> = (0..FRAMES).map(|_| app.frame()).collect();
        let total: Vec<Duration> = costs.iter().map(|c| c.total()).collect();
        let ui: Vec<Duration> = costs.iter().map(|c| c.ui).collect();
        let tess: Vec<Duration> = costs.iter().map(|c| c.tessellate).collect();
        println!("  {screen:<8} frame      {}", Percentiles::of(&total));
        println!("  {screen:<8} ui         {}", Percentiles::of(&ui));
        println!("  {screen:<8} tessellate {}", Percentiles::of(&tess));
    }
}

criterion_group!(benches, frame_time);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
