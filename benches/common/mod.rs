//! What the benchmarks share: workspaces written once per run, the real app
//! driven frame by frame, and percentiles.
//!
//! Two kinds of workspace:
//!
//! - [`write_demo_workspace`]: `scorecard demo`'s data ([`scorecard::demo`],
//!   shipped templates, [`DEFAULT_SEED`], [`now`]), for loading and
//!   aggregating. The same candidate count gives the same files as
//!   `SCORECARD_DEMO_NOW=2026-11-21T00:00:00Z scorecard demo --candidates N`.
//! - [`write_panel_workspace`]: every candidate interviewed for one
//!   8-dimension template by a panel of six, each rating every dimension
//!   with evidence (the worst case for the debrief and compare screens).
//!
//! Files are written with the store's own serialisation
//! ([`scorecard::io::to_ron`]) but without its fsync per file: the bytes are
//! the same, and the benchmarks start in seconds instead of minutes.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use scorecard::app::{AppOptions, FixedClock, RecordingDesktop, ScorecardApp};
use scorecard::demo::{DEFAULT_SEED, generate};
use scorecard::io::{TemplateSet, Workspace, to_ron};
use scorecard::model::{Candidate, Rating, RatingEntry, Scorecard, Slug, Template, Timestamp};
use scorecard::ui::Settings;

/// The moment every generated workspace is made at, and the app's clock.
pub const NOW: &str = "2026-11-21T00:00:00Z";

/// The 8-dimension template of the panel workspace.
pub const PANEL_TEMPLATE: &str = "distinguished-devops-engineer";

/// Panel size of the panel workspace.
pub const PANEL_SIZE: usize = 6;

/// The interviewers of the panel workspace.
pub const PANEL: [&str; PANEL_SIZE] = [
    "Priya Raman",
    "Sam Okafor",
    "Dana Wu",
    "Jonas Lindqvist",
    "Amara Nwosu",
    "Kenji Watanabe",
];

/// [`NOW`] as a timestamp.
pub fn now() -> Timestamp {
    NOW.parse().expect("NOW is RFC 3339")
}

/// The shipped templates, as `scorecard demo` sees them in an empty
/// workspace.
pub fn shipped_templates() -> Vec<Template> {
    let (set, errors) = TemplateSet::shipped();
    assert!(
        errors.is_empty(),
        "shipped templates are broken: {errors:?}"
    );
    set.iter().map(|e| e.template.clone()).collect()
}

/// The shipped template `id`.
pub fn shipped_template(id: &str) -> Template {
    shipped_templates()
        .into_iter()
        .find(|t| t.id.as_str() == id)
        .unwrap_or_else(|| panic!("no shipped template {id}"))
}

/// What a generated workspace holds.
#[derive(Clone, Copy, Debug)]
pub struct Written {
    pub candidates: usize,
    pub scorecards: usize,
    pub bytes: u64,
}

fn write(path: &Path, text: &str, written: &mut Written) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
    written.bytes += text.len() as u64;
}

fn write_candidate(store: &Workspace, candidate: &Candidate, written: &mut Written) {
    let path = store.candidate_dir(&candidate.id).join("candidate.ron");
    write(
        &path,
        &to_ron(candidate, "candidate").expect("to ron"),
        written,
    );
    written.candidates += 1;
}

fn write_scorecard(store: &Workspace, card: &Scorecard, written: &mut Written) {
    let path = store
        .scorecard_path(&card.candidate, &card.interviewer, &card.stage)
        .expect("scorecard path");
    write(&path, &to_ron(card, "scorecard").expect("to ron"), written);
    written.scorecards += 1;
}

/// Writes `scorecard demo --candidates candidates` data into `dir`.
pub fn write_demo_workspace(dir: &Path, candidates: usize) -> Written {
    let data = generate(&shipped_templates(), candidates, DEFAULT_SEED, now());
    let store = Workspace::new(dir);
    let mut written = Written {
        candidates: 0,
        scorecards: 0,
        bytes: 0,
    };
    for (candidate, cards) in data.by_candidate() {
        write_candidate(&store, candidate, &mut written);
        for card in cards {
            write_scorecard(&store, card, &mut written);
        }
    }
    written
}

/// The fewest demo candidates whose loops hold at least `scorecards`
/// scorecards (the demo gives each candidate 2 to 6).
pub fn demo_candidates_for(scorecards: usize) -> usize {
    let templates = shipped_templates();
    let mut n = scorecards / 4;
    loop {
        let data = generate(&templates, n, DEFAULT_SEED, now());
        if data.scorecards.len() >= scorecards {
            // Step back while still enough (generation is prefix-stable: the
            // first n candidates do not depend on how many follow).
            let mut total = data.scorecards.len();
            let per: Vec<usize> = data.by_candidate().iter().map(|(_, c)| c.len()).collect();
            while n > 0 && total - per[n - 1] >= scorecards {
                total -= per[n - 1];
                n -= 1;
            }
            return n;
        }
        n += n / 8 + 1;
    }
}

/// A small deterministic generator (xorshift*), so the panel workspace is
/// the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const FIRST: [&str; 16] = [
    "Ada", "Bruno", "Chidi", "Dagny", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jae", "Kofi",
    "Lena", "Mateo", "Nadia", "Oskar", "Priyanka",
];
const LAST: [&str; 16] = [
    "Abara",
    "Bergström",
    "Castillo",
    "Dubois",
    "Eze",
    "Fischer",
    "Gupta",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Nakamura",
    "Okonkwo",
    "Petrova",
];
const PHRASES: [&str; 8] = [
    "walked through the failure modes before proposing a fix",
    "named the metric they would baseline first and why",
    "needed a prompt to consider the rollback path",
    "explained the trade-off between speed and sign-off clearly",
    "described coaching two leads through their first migration",
    "treated the security review as a late gate, then corrected",
    "sketched the platform migration order with exception paths",
    "could not say how the change failure rate would be measured",
];

/// The display name of panel candidate `i` (unique).
pub fn panel_candidate_name(i: usize) -> String {
    format!("{} {} {i:04}", FIRST[i % 16], LAST[(i / 16) % 16])
}

/// Writes `candidates` candidates of [`PANEL_TEMPLATE`], each with
/// [`PANEL_SIZE`] submitted general-interview scorecards rating every
/// dimension with evidence.
pub fn write_panel_workspace(dir: &Path, candidates: usize) -> Written {
    let template = shipped_template(PANEL_TEMPLATE);
    assert_eq!(
        template.dimensions.len(),
        8,
        "{PANEL_TEMPLATE} has 8 dimensions"
    );
    let store = Workspace::new(dir);
    let mut rng = Rng::new(7);
    let mut written = Written {
        candidates: 0,
        scorecards: 0,
        bytes: 0,
    };
    let base = now().unix_seconds() - 40 * 86_400;
    let at = |secs: i64| {
        Timestamp::from_utc(chrono::DateTime::from_timestamp(secs, 0).expect("in range"))
    };
    for i in 0..candidates {
        let id = Slug::new(format!("c-{i:06x}")).expect("slug");
        let created = base + (i as i64) * 600;
        let candidate = Candidate::new(
            id.clone(),
            panel_candidate_name(i),
            template.id.clone(),
            at(created),
        );
        write_candidate(&store, &candidate, &mut written);
        let level = 1 + rng.below(4) as i64;
        for (k, interviewer) in PANEL.iter().enumerate() {
            let started = created + 86_400 + (k as i64) * 3_600;
            let mut ratings = BTreeMap::new();
            let mut sum = 0;
            for (d, dimension) in template.dimensions.iter().enumerate() {
                let score = (level + rng.below(3) as i64 - 1).clamp(1, 4) as u8;
                sum += u32::from(score);
                let evidence = format!(
                    "[{:02}:{:02}] {}. [{:02}:{:02}] {}.",
                    5 + d * 5,
                    rng.below(60),
                    PHRASES[rng.below(8) as usize],
                    7 + d * 5,
                    rng.below(60),
                    PHRASES[rng.below(8) as usize],
                );
                ratings.insert(
                    dimension.id.clone(),
                    RatingEntry {
                        rating: Rating::from_score(score).expect("1..=4"),
                        evidence: evidence.into(),
                    },
                );
            }
            let mean = f64::from(sum) / 8.0;
            let recommendation = scorecard::demo::recommendation_for_mean(mean);
            let red_flags = if rng.below(20) == 0 {
                vec![
                    template.red_flags[rng.below(template.red_flags.len() as u64) as usize].clone(),
                ]
            } else {
                Vec::new()
            };
            let mut card = Scorecard::draft(
                id.clone(),
                template.id.clone(),
                template.version,
                interviewer,
                "",
                at(started),
            )
            .submitted(at(started + 3_900), recommendation);
            card.ratings = ratings.into_iter().collect();
            card.unrated_evidence = scorecard::model::DimensionMap::new();
            card.red_flags = red_flags;
            debug_assert!(card.problems().is_empty());
            write_scorecard(&store, &card, &mut written);
        }
    }
    written
}

/// Every regular file under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The bytes of every file under `dir`.
pub fn bytes_under(dir: &Path) -> u64 {
    files_under(dir)
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// A temporary folder for a workspace, or `$var` if set (kept, and reused
/// if it already holds candidates, so a workspace can be measured by other
/// tools too).
pub fn workspace_dir(var: &str) -> (PathBuf, Option<tempfile::TempDir>) {
    match std::env::var_os(var) {
        Some(dir) => (PathBuf::from(dir), None),
        None => {
            let tmp = tempfile::tempdir().expect("tempdir");
            (tmp.path().to_path_buf(), Some(tmp))
        }
    }
}

/// Whether `dir` already holds candidates.
pub fn has_candidates(dir: &Path) -> bool {
    std::fs::read_dir(dir.join("candidates")).is_ok_and(|mut d| d.next().is_some())
}

/// Settings of the benchmarks' user: a coordinator (every panel visible),
/// not one of the panel.
pub fn bench_settings() -> Settings {
    Settings {
        interviewer: "Bench Interviewer".to_owned(),
        coordinator: true,
        ..Settings::default()
    }
}

/// App options on `dir` with the bench settings and a fixed clock.
pub fn app_options(dir: &Path) -> AppOptions {
    AppOptions {
        workspace: Workspace::new(dir),
        clock: Box::new(FixedClock(now())),
        settings: Some(bench_settings()),
        desktop: std::sync::Arc::new(RecordingDesktop::answering()),
        zone: scorecard::model::LocalZone::UTC,
    }
}

/// Window size every frame is laid out for (the app opens at 1200×760).
pub const SCREEN: egui::Vec2 = egui::vec2(1280.0, 900.0);

/// The real app outside egui_kittest: the same `logic` + `ui` calls eframe
/// makes, on a context without AccessKit (as eframe runs it unless a screen
/// reader asks), followed by the tessellation eframe does before painting.
pub struct BareApp {
    pub ctx: egui::Context,
    pub app: ScorecardApp,
    frame: eframe::Frame,
    start: Instant,
    /// Frame time source: wall clock (`true`) or +1/60 s per frame.
    pub real_time: bool,
    frames: u64,
}

/// What one frame cost.
#[derive(Clone, Copy, Debug)]
pub struct FrameCost {
    /// `logic` + `ui` + egui's end of pass.
    pub ui: Duration,
    /// Turning the shapes into meshes.
    pub tessellate: Duration,
}

impl FrameCost {
    pub fn total(&self) -> Duration {
        self.ui + self.tessellate
    }
}

impl BareApp {
    /// Takes over the app from a harness (after navigating with it).
    pub fn from_harness(harness: egui_kittest::Harness<'static, ScorecardApp>) -> Self {
        let ctx = harness.ctx.clone();
        let app = harness.into_state();
        ctx.disable_accesskit();
        Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            start: Instant::now(),
            real_time: false,
            frames: 0,
        }
    }

    /// One frame, with `events` as its input.
    pub fn frame_with(&mut self, events: Vec<egui::Event>) -> FrameCost {
        self.frames += 1;
        let time = if self.real_time {
            // Continue after the harness' simulated time.
            1_000.0 + self.start.elapsed().as_secs_f64()
        } else {
            1_000.0 + self.frames as f64 / 60.0
        };
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(time),
            predicted_dt: 1.0 / 60.0,
            focused: true,
            events,
            ..Default::default()
        };
        let Self {
            ctx, app, frame, ..
        } = self;
        let t0 = Instant::now();
        let output = ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui, frame);
            eframe::App::ui(app, ui, frame);
        });
        let t1 = Instant::now();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let t2 = Instant::now();
        std::hint::black_box(primitives);
        FrameCost {
            ui: t1 - t0,
            tessellate: t2 - t1,
        }
    }

    pub fn frame(&mut self) -> FrameCost {
        self.frame_with(Vec::new())
    }
}

/// Opens the real app on `dir` in egui_kittest and waits (in real time, up
/// to 60 s) until the workspace is read.
pub fn open_harness(dir: &Path) -> egui_kittest::Harness<'static, ScorecardApp> {
    let options = app_options(dir);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(SCREEN)
        .with_max_steps(64)
        .build_eframe(move |cc| ScorecardApp::new(cc, options));
    wait_until(&mut harness, "the workspace is read", |app| app.is_loaded());
    harness
}

/// Opens a candidate's page from Home: searches for the name (the list
/// only lays out the rows in view), then clicks it.
pub fn open_candidate(harness: &mut egui_kittest::Harness<'static, ScorecardApp>, name: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label("Search").focus();
    harness.get_by_label("Search").type_text(name);
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
}

/// Steps frames until `done` holds (real time, up to 60 s).
pub fn wait_until(
    harness: &mut egui_kittest::Harness<'static, ScorecardApp>,
    what: &str,
    done: impl Fn(&ScorecardApp) -> bool,
) {
    wait_until_within(harness, what, Duration::from_secs(60), done);
}

/// Criterion's two measures of a screen's frames in the group `group`:
/// `frame` (as eframe runs it: logic, ui, end of pass, tessellation) and
/// `ui_only`.
pub fn bench_frames(c: &mut criterion::Criterion, group: &str, bare: &mut BareApp) {
    let mut group = c.benchmark_group(group);
    group.sample_size(50);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("frame", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| bare.frame().total()).sum());
    });
    group.bench_function("ui_only", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| bare.frame().ui).sum());
    });
    group.finish();
}

/// Percentiles of a sample (nearest rank), in milliseconds.
pub struct Percentiles {
    pub n: usize,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub max: f64,
    pub mean: f64,
}

impl Percentiles {
    pub fn of(samples: &[Duration]) -> Self {
        let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        ms.sort_by(f64::total_cmp);
        let rank = |p: f64| {
            if ms.is_empty() {
                return f64::NAN;
            }
            let i = ((p * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1;
            ms[i]
        };
        Self {
            n: ms.len(),
            p50: rank(0.50),
            p95: rank(0.95),
            p99: rank(0.99),
            max: ms.last().copied().unwrap_or(f64::NAN),
            mean: ms.iter().sum::<f64>() / ms.len().max(1) as f64,
        }
    }
}

impl std::fmt::Display for Percentiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "n={:<5} median {:>8.3} ms  p95 {:>8.3} ms  p99 {:>8.3} ms  max {:>8.3} ms  mean {:>8.3} ms",
            self.n, self.p50, self.p95, self.p99, self.max, self.mean
        )
    }
}

/// A `/proc/self/status` field given in KiB (`VmRSS:`, `VmHWM:`,
/// `RssAnon:`, `RssFile:`), or `None` where there is no such file.
pub fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// Steps frames until `done` holds (real time, up to `timeout`).
pub fn wait_until_within(
    harness: &mut egui_kittest::Harness<'static, ScorecardApp>,
    what: &str,
    timeout: Duration,
    done: impl Fn(&ScorecardApp) -> bool,
) {
    let start = Instant::now();
    while start.elapsed() < timeout {
        harness.step();
        if done(harness.state()) {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("timed out waiting until {what}");
}

/// [`open_harness`] for big workspaces: waits up to 10 minutes for the
/// read, each step 1/60 s of simulated time (kittest's default, 1/4 s,
/// would run the app's clock past [`BareApp`]'s real time during a long
/// read).
pub fn open_harness_big(dir: &Path) -> egui_kittest::Harness<'static, ScorecardApp> {
    let options = app_options(dir);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(SCREEN)
        .with_max_steps(64)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| ScorecardApp::new(cc, options));
    wait_until_within(
        &mut harness,
        "the workspace is read",
        Duration::from_secs(600),
        |app| app.is_loaded(),
    );
    harness
}

/// The workspaces named by `SCORECARD_BENCH_SCALE` (comma-separated
/// folders, such as `scorecard demo` workspaces of 1k, 10k and 100k
/// scorecards); empty if unset.
pub fn scale_dirs() -> Vec<PathBuf> {
    std::env::var("SCORECARD_BENCH_SCALE")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .collect()
}

/// A short name for a scale workspace: its folder's name.
pub fn scale_name(dir: &Path) -> String {
    dir.file_name().map_or_else(
        || dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The template *Compare* opens on: the one with the most candidates (on a
/// tie, the last in id order), as `ScorecardApp` picks it.
pub fn busiest_template(snapshot: &scorecard::io::WorkspaceSnapshot) -> Option<Slug> {
    let mut counts: BTreeMap<&Slug, usize> = BTreeMap::new();
    for record in snapshot.candidates() {
        *counts.entry(&record.candidate.template).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| id.clone())
}

/// How many candidates and scorecards (submitted, all) a snapshot holds.
pub fn snapshot_counts(snapshot: &scorecard::io::WorkspaceSnapshot) -> (usize, usize, usize) {
    let cards = snapshot
        .candidates()
        .iter()
        .map(|r| r.scorecards.len())
        .sum();
    let submitted = snapshot
        .candidates()
        .iter()
        .flat_map(|r| &r.scorecards)
        .filter(|s| s.scorecard.submitted_at.is_some())
        .count();
    (snapshot.candidates().len(), submitted, cards)
}

/// A candidate of `template` to open a debrief of: the one with the most
/// submitted scorecards whose name no other candidate's name contains (so
/// Home's search finds it alone). Returns its id and name.
pub fn debrief_candidate(
    snapshot: &scorecard::io::WorkspaceSnapshot,
    template: &Slug,
) -> Option<(Slug, String)> {
    let folded: Vec<String> = snapshot
        .candidates()
        .iter()
        .map(|r| r.candidate.name.to_lowercase())
        .collect();
    let mut best: Option<(usize, usize)> = None;
    for (i, record) in snapshot.candidates().iter().enumerate() {
        if &record.candidate.template != template {
            continue;
        }
        let submitted = record
            .scorecards
            .iter()
            .filter(|s| s.scorecard.submitted_at.is_some())
            .count();
        if best.is_some_and(|(_, n)| n >= submitted) {
            continue;
        }
        let name = &folded[i];
        let alone = folded
            .iter()
            .enumerate()
            .all(|(j, other)| j == i || !other.contains(name.as_str()));
        if alone {
            best = Some((i, submitted));
        }
    }
    best.map(|(i, _)| {
        let c = &snapshot.candidates()[i].candidate;
        (c.id.clone(), c.name.clone())
    })
}

/// glibc's own count over all its arenas: bytes in blocks in use (what the
/// program asked for, with each block's header and rounding) and bytes
/// free inside the arenas (freed, kept for the next allocation); `None`
/// with another allocator.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn arenas() -> Option<(usize, usize)> {
    // SAFETY: `mallinfo2` takes no argument and only reads the allocator's
    // counters under its locks.
    #[allow(unsafe_code)]
    let info = unsafe { libc::mallinfo2() };
    Some((info.uordblks + info.hblkhd, info.fordblks))
}

/// See the glibc version.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn arenas() -> Option<(usize, usize)> {
    None
}
