//! Budgets: the first frame of the app on a 1,000-candidate workspace within
//! 1.1× an eframe hello-world built the same way, never waiting on I/O; and
//! the memory of the app with 10,000 scorecards loaded (≤ 100 MiB RSS).
//!
//! Needs a display: `xvfb-run -a -s '-screen 0 1280x800x24' cargo bench
//! --bench first_frame`. Without one it prints how to run it and exits 0.
//!
//! The bench starts itself as a child process, over and over, alternating:
//!
//! - `hello`: an eframe hello-world (a heading in a central panel) with the
//!   app's own `NativeOptions` and app name, in this same release binary;
//! - `app`: the real [`ScorecardApp`], created exactly as `scorecard` does
//!   (`AppOptions::new`: system clock, stored settings), on the
//!   1,000-candidate panel workspace;
//! - `app-empty`: the same on an empty workspace.
//!
//! Each child wraps its app in a probe that changes nothing but records,
//! against the parent's clock just before it spawned the child:
//! `created` (eframe calls the app creator: window and GPU ready),
//! `new` (time spent in `ScorecardApp::new`), `first_ui` (the first frame's
//! `ui` returned) and `presented` (the second frame starts, so the first
//! frame has been painted and presented). Then it exits at once. The figure
//! the budget is judged on is `presented`.
//!
//! Then `rss` children open the app on the panel workspace and, if
//! `SCORECARD_BENCH_10K=DIR` is set, on that 10,000-scorecard workspace,
//! wait until it is read, draw 10 more frames and report `VmRSS`/`VmHWM`,
//! and `VmRSS` split into `RssAnon` (the heap: the app's data, the
//! renderer's buffers) and `RssFile` (pages of the binary and the shared
//! libraries, such as the software OpenGL driver), all from
//! `/proc/self/status`; and the largest mappings from `/proc/self/smaps`
//! (which shared library, or the heap), so a figure over budget says where
//! the memory is.
//!
//! `FIRST_FRAME_RUNS` (default 15) sets the number of runs of each kind.
//!
//! **Scale** (issue #15): with `SCORECARD_BENCH_SCALE=DIR1,DIR2,…` (folders
//! written by `scorecard demo`), only this part runs. For each DIR, the
//! parent first times in process what the app does before the list is on
//! screen (`FolderWatcher::start` and `Workspace::load` on DIR, once each;
//! this also warms the page cache), then runs `SCALE_RUNS` (default 3)
//! `scale` children. Each opens the real app on DIR (bench settings:
//! coordinator view, the fixed clock of the demo data) and reports, against
//! the parent's clock: `presented` (the first frame on screen), `list_at`
//! (the end of the first frame drawn with the workspace read: Home with
//! every candidate, the same moment as the `rss` children's "read and shown
//! after"), what that frame cost (`list_frame`: `logic` + `ui`, where the
//! read snapshot is taken over and Home's lists are built), and the memory
//! after 10 more frames and `SCALE_SETTLE_MS` (default 4 s: the watcher is
//! set up after the read) (`VmRSS`, `RssAnon`, `RssFile`, `VmHWM`). Then it
//! clicks *Compare* in the top bar with the pointer, as a user would (its
//! position is found once by the parent in egui_kittest; events are
//! injected through `raw_input_hook`), waits until the compare screen
//! shows current aggregates (`compare_at`; computed on the aggregates
//! thread, the table built and drawn in that frame), draws 10 more frames
//! and reports the memory again. Hello-world `rss` children run as many
//! times, for the "over hello-world" figure. A table of medians closes.
//! Until the list is drawn, and between the click and current aggregates,
//! a `scale` child leaves the repaints to the app (every 100 ms for the
//! progress bar while it reads; the spinner while it computes), so the
//! software renderer does not take the cores the read runs on; with
//! `SCALE_BUSY=1` it repaints without pause from the first frame, as the
//! `rss` children do.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use scorecard::app::{AppOptions, ScorecardApp, native_options};
use scorecard::io::{FolderWatcher, Workspace};

const T0_ENV: &str = "FIRST_FRAME_T0";

/// Set (to anything): `scale` children repaint without pause from the
/// first frame, as `rss` children do, instead of leaving the repaints to
/// the app until the list is drawn.
const SCALE_BUSY_ENV: &str = "SCALE_BUSY";

/// Milliseconds since the parent's `T0` (wall clock, nanoseconds since the
/// epoch, taken just before spawning).
fn since_t0() -> f64 {
    let t0: u128 = std::env::var(T0_ENV)
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    (now.saturating_sub(t0)) as f64 / 1e6
}

struct Hello;

impl eframe::App for Hello {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Hello world");
        });
    }
}

enum Inner {
    Hello(Hello),
    App(Box<ScorecardApp>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Report the first frame, exit.
    FirstFrame,
    /// Wait until loaded, draw 10 frames, report memory, exit.
    Rss,
    /// Wait until loaded, 10 frames, memory; click *Compare*, wait until
    /// its aggregates are current, 10 frames, memory; report, exit.
    Scale,
}

/// What a `scale` child has seen so far.
#[derive(Default)]
struct Scale {
    /// Where the *Compare* button is, in points.
    compare_button: egui::Pos2,
    /// `presented`: when the second frame's `logic` starts.
    presented: f64,
    /// `logic` time of the current frame, ms.
    logic_ms: f64,
    /// `logic` + `ui` of the first frame with the workspace read, ms.
    list_frame_ms: f64,
    /// The memory report once the list has been on screen for 10 frames.
    at_list: Option<String>,
    /// Frames the pointer has been driven for (0: move, 1: press and
    /// release).
    click_step: u8,
    clicked_at: Option<f64>,
    frames_since_click: u64,
    compare_at: Option<f64>,
    frames_after_compare: u64,
}

/// How long after the list a `scale` child waits before it takes the
/// memory (`SCALE_SETTLE_MS`, default 4,000 ms): long enough for the folder
/// watcher to be set up and the catch-up read after it at 100,000
/// scorecards.
fn settle_ms() -> f64 {
    std::env::var("SCALE_SETTLE_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000.0)
}

/// `VmRSS`, `RssAnon`, `RssFile`, `VmHWM` (KiB) as `key=value` pairs whose
/// keys end in `suffix`.
fn memory_report(suffix: &str) -> String {
    let (heap_used, heap_free) = common::arenas().unwrap_or_default();
    format!(
        "vm_rss_{suffix}={} rss_anon_{suffix}={} rss_file_{suffix}={} vm_hwm_{suffix}={} \
         heap_used_{suffix}={} heap_free_{suffix}={}",
        common::status_kib("VmRSS:").unwrap_or(0),
        common::status_kib("RssAnon:").unwrap_or(0),
        common::status_kib("RssFile:").unwrap_or(0),
        common::status_kib("VmHWM:").unwrap_or(0),
        heap_used / 1024,
        heap_free / 1024,
    )
}

struct Probe {
    inner: Inner,
    mode: Mode,
    frames: u64,
    created: f64,
    new_ms: f64,
    first_ui: f64,
    loaded_first_frame: bool,
    loaded_at: Option<f64>,
    frames_after_load: u64,
    scale: Scale,
}

impl Probe {
    fn app(&mut self) -> &mut dyn eframe::App {
        match &mut self.inner {
            Inner::Hello(app) => app,
            Inner::App(app) => app.as_mut(),
        }
    }
    fn loaded(&self) -> bool {
        match &self.inner {
            Inner::Hello(_) => true,
            Inner::App(app) => app.is_loaded(),
        }
    }
}

/// Resident memory per mapping, largest first, as `name:KiB` joined by
/// commas: which library or heap the RSS is in. Mappings of one file are
/// summed under its file name; anonymous ones under `[anon]`.
fn rss_by_mapping() -> String {
    let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap_or_default();
    let mut totals: std::collections::BTreeMap<String, u64> = Default::default();
    let mut current = String::from("[anon]");
    for line in smaps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // A mapping's header: "start-end perms offset dev inode [path]".
        let is_header = fields.len() >= 5
            && fields[0].contains('-')
            && fields[0].chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        if is_header {
            current = fields.get(5).map_or("[anon]".to_owned(), |path| {
                path.rsplit('/').next().unwrap_or(path).replace(',', "_")
            });
        } else if fields.first() == Some(&"Rss:") {
            let kib: u64 = fields.get(1).and_then(|v| v.parse().ok()).unwrap_or(0);
            *totals.entry(current.clone()).or_default() += kib;
        }
    }
    let mut sorted: Vec<(String, u64)> = totals.into_iter().collect();
    sorted.sort_by_key(|(_, kib)| std::cmp::Reverse(*kib));
    sorted
        .iter()
        .take(6)
        .map(|(name, kib)| format!("{name}:{kib}"))
        .collect::<Vec<_>>()
        .join(",")
}

impl Probe {
    /// The `scale` child's work after each frame's `ui`.
    fn scale_after_ui(&mut self, ui_ms: f64) {
        let Inner::App(app) = &self.inner else {
            return;
        };
        let scale = &mut self.scale;
        if self.frames_after_load == 1 {
            scale.list_frame_ms = scale.logic_ms + ui_ms;
        }
        if scale.at_list.is_none() {
            // The memory once the app has settled: the read, then the
            // folder watcher set up and what changed meanwhile read again
            // (the app watches after the first read).
            let settled = self
                .loaded_at
                .is_some_and(|at| since_t0() >= at + settle_ms());
            if self.frames_after_load > 10 && settled {
                scale.at_list = Some(memory_report("list"));
            }
            return;
        }
        if scale.clicked_at.is_none() {
            return;
        }
        scale.frames_since_click += 1;
        let on_compare = matches!(app.screen(), scorecard::app::Screen::Compare(_));
        if !on_compare && scale.frames_since_click > 30 {
            println!("scale error=compare_not_opened");
            std::process::exit(1);
        }
        if scale.compare_at.is_none() && on_compare && app.aggregates_current() {
            scale.compare_at = Some(since_t0());
        }
        if scale.compare_at.is_some() {
            scale.frames_after_compare += 1;
            if scale.frames_after_compare > 10 {
                println!(
                    "scale presented={:.3} list_at={:.3} list_frame={:.3} clicked_at={:.3} compare_at={:.3} {} {}",
                    scale.presented,
                    self.loaded_at.unwrap_or(f64::NAN),
                    scale.list_frame_ms,
                    scale.clicked_at.unwrap_or(f64::NAN),
                    scale.compare_at.unwrap_or(f64::NAN),
                    scale.at_list.as_deref().unwrap_or_default(),
                    memory_report("compare"),
                );
                std::process::exit(0);
            }
        }
    }
}

impl eframe::App for Probe {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // A `scale` child clicks *Compare* once the list's memory is taken:
        // the pointer moves over the button, then presses and releases.
        let scale = &mut self.scale;
        if self.mode != Mode::Scale || scale.at_list.is_none() || scale.clicked_at.is_some() {
            return;
        }
        let pos = scale.compare_button;
        if scale.click_step == 0 {
            raw_input.events.push(egui::Event::PointerMoved(pos));
            scale.click_step = 1;
        } else {
            for pressed in [true, false] {
                raw_input.events.push(egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    modifiers: egui::Modifiers::default(),
                });
            }
            scale.clicked_at = Some(since_t0());
        }
    }

    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        if self.mode == Mode::Scale && self.frames == 1 {
            self.scale.presented = since_t0();
        }
        let start = Instant::now();
        if self.mode == Mode::FirstFrame && self.frames == 1 {
            println!(
                "first_frame created={:.3} new={:.3} first_ui={:.3} presented={:.3} loaded_at_first_frame={}",
                self.created,
                self.new_ms,
                self.first_ui,
                since_t0(),
                self.loaded_first_frame
            );
            std::process::exit(0);
        }
        self.app().logic(ctx, frame);
        self.scale.logic_ms = start.elapsed().as_secs_f64() * 1e3;
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let start = Instant::now();
        self.app().ui(ui, frame);
        let ui_ms = start.elapsed().as_secs_f64() * 1e3;
        if self.frames == 0 {
            self.first_ui = since_t0();
            self.loaded_first_frame = self.loaded() && matches!(self.inner, Inner::App(_));
        }
        self.frames += 1;
        if self.mode == Mode::Scale {
            if self.loaded_at.is_none() && self.loaded() {
                self.loaded_at = Some(since_t0());
            }
            if self.loaded_at.is_some() {
                self.frames_after_load += 1;
            }
            self.scale_after_ui(ui_ms);
            if self.loaded_at.is_some() && self.scale.at_list.is_none() {
                // Frames while the app settles, so the memory is taken on
                // time.
                ui.ctx().request_repaint_after(Duration::from_millis(50));
            }
        }
        if self.mode == Mode::Rss {
            if self.loaded_at.is_none() && self.loaded() {
                self.loaded_at = Some(since_t0());
            }
            if self.loaded_at.is_some() {
                self.frames_after_load += 1;
                if self.frames_after_load > 10 {
                    println!(
                        "rss loaded_at={:.3} vm_rss_kib={} vm_hwm_kib={} rss_anon_kib={} rss_file_kib={} largest={}",
                        self.loaded_at.unwrap_or(0.0),
                        common::status_kib("VmRSS:").unwrap_or(0),
                        common::status_kib("VmHWM:").unwrap_or(0),
                        common::status_kib("RssAnon:").unwrap_or(0),
                        common::status_kib("RssFile:").unwrap_or(0),
                        rss_by_mapping()
                    );
                    std::process::exit(0);
                }
            }
        }
        if self.mode != Mode::Scale || std::env::var_os(SCALE_BUSY_ENV).is_some() {
            ui.ctx().request_repaint();
        } else if self.scale.clicked_at.is_some() && self.scale.compare_at.is_none() {
            // The app repaints by itself while it reads (every 100 ms, for
            // the progress bar) and while it computes (the spinner); a
            // `scale` child adds frames only where it counts them, so it
            // does not paint in software on the cores the read or the
            // aggregates run on. This one only keeps watch in case the
            // click missed.
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        } else if self.loaded() {
            ui.ctx().request_repaint();
        }
    }

    fn persist_egui_memory(&self) -> bool {
        match &self.inner {
            Inner::Hello(_) => true,
            Inner::App(app) => eframe::App::persist_egui_memory(app.as_ref()),
        }
    }
}

fn child(kind: &str, workspace: Option<&str>, compare_button: Option<&str>) {
    let mode = match kind {
        "rss" => Mode::Rss,
        "scale" => Mode::Scale,
        _ => Mode::FirstFrame,
    };
    let compare_button = compare_button
        .and_then(|p| p.split_once(','))
        .and_then(|(x, y)| Some(egui::pos2(x.parse().ok()?, y.parse().ok()?)))
        .unwrap_or_default();
    let workspace = workspace.map(PathBuf::from);
    let result = eframe::run_native(
        "Scorecard",
        native_options(),
        Box::new(move |cc| {
            let created = since_t0();
            let start = Instant::now();
            let inner = match workspace {
                None => Inner::Hello(Hello),
                // The scale children look as the headless scale benches do:
                // coordinator view (every panel in Compare), and the clock
                // the demo data was made at.
                Some(dir) if mode == Mode::Scale => {
                    Inner::App(Box::new(ScorecardApp::new(cc, common::app_options(&dir))))
                }
                Some(dir) => Inner::App(Box::new(ScorecardApp::new(
                    cc,
                    AppOptions::new(Workspace::new(dir)),
                ))),
            };
            let new_ms = start.elapsed().as_secs_f64() * 1e3;
            Ok(Box::new(Probe {
                inner,
                mode,
                frames: 0,
                created,
                new_ms,
                first_ui: 0.0,
                loaded_first_frame: false,
                loaded_at: None,
                frames_after_load: 0,
                scale: Scale {
                    compare_button,
                    ..Scale::default()
                },
            }))
        }),
    );
    if let Err(err) = result {
        eprintln!("first_frame child: {err}");
        std::process::exit(1);
    }
}

/// Runs a child and returns its report's `key=value` pairs.
fn run_child(home: &Path, args: &[&str]) -> Option<Vec<(String, String)>> {
    run_child_within(home, args, Duration::from_secs(120))
}

/// [`run_child`], giving up after `timeout`.
fn run_child_within(
    home: &Path,
    args: &[&str],
    timeout: Duration,
) -> Option<Vec<(String, String)>> {
    let t0 = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(args)
        .env(T0_ENV, t0.to_string())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait().unwrap() {
            Some(_) => break,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                eprintln!("first_frame: child {args:?} timed out");
                return None;
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    }
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let line = out.lines().find(|l| {
        l.starts_with("first_frame ") || l.starts_with("rss ") || l.starts_with("scale ")
    })?;
    if line.starts_with("scale error") {
        eprintln!("first_frame: child {args:?}: {line}");
        return None;
    }
    Some(
        line.split_whitespace()
            .skip(1)
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
    )
}

fn value(report: &[(String, String)], key: &str) -> f64 {
    report
        .iter()
        .find(|(k, _)| k == key)
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(f64::NAN)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    if xs.is_empty() {
        return f64::NAN;
    }
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn driver() {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        println!(
            "first_frame: no display; run under xvfb: \
             xvfb-run -a -s '-screen 0 1280x800x24' cargo bench --bench first_frame"
        );
        return;
    }
    let scale = common::scale_dirs();
    if !scale.is_empty() {
        scale_driver(&scale);
        return;
    }
    let runs: usize = std::env::var("FIRST_FRAME_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let (panel, _panel_tmp) = common::workspace_dir("SCORECARD_BENCH_PANEL");
    if !common::has_candidates(&panel) {
        common::write_panel_workspace(&panel, 1_000);
    }
    let empty = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();

    // What ScorecardApp::new does with the disk before the first frame:
    // the folder watcher (recursive: one inotify watch per folder).
    for (label, dir) in [
        ("empty", empty.path()),
        ("1,000 candidates", panel.as_path()),
    ] {
        let mut times = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            let watcher = FolderWatcher::start(dir, |_| {}).unwrap();
            times.push(start.elapsed().as_secs_f64() * 1e3);
            drop(watcher);
        }
        println!(
            "FolderWatcher::start on {label:<17}: median {:>8.3} ms",
            median(times)
        );
    }

    let panel_arg = panel.to_str().unwrap().to_owned();
    let empty_arg = empty.path().to_str().unwrap().to_owned();
    let kinds: [(&str, Vec<&str>); 3] = [
        ("hello", vec!["child", "hello"]),
        ("app 1,000 candidates", vec!["child", "app", &panel_arg]),
        ("app empty workspace", vec!["child", "app", &empty_arg]),
    ];
    // One warm-up run of each (page cache, shader caches, fonts).
    for (_, args) in &kinds {
        let _ = run_child(home.path(), args);
    }
    let mut reports: Vec<Vec<Vec<(String, String)>>> = vec![Vec::new(); kinds.len()];
    for _ in 0..runs {
        for (i, (_, args)) in kinds.iter().enumerate() {
            if let Some(report) = run_child(home.path(), args) {
                reports[i].push(report);
            }
        }
    }
    println!("\nfirst_frame: {runs} runs each, median ms from spawn (wall clock)");
    println!(
        "  {:<22} {:>5} {:>9} {:>9} {:>9} {:>10} {:>14}",
        "", "runs", "created", "new()", "first_ui", "presented", "loaded in f1"
    );
    let mut presented = Vec::new();
    for ((label, _), reports) in kinds.iter().zip(&reports) {
        let col = |key: &str| median(reports.iter().map(|r| value(r, key)).collect());
        let loaded = reports
            .iter()
            .filter(|r| {
                r.iter()
                    .any(|(k, v)| k == "loaded_at_first_frame" && v == "true")
            })
            .count();
        let p = col("presented");
        presented.push(p);
        println!(
            "  {label:<22} {:>5} {:>9.1} {:>9.3} {:>9.1} {:>10.1} {:>10}/{}",
            reports.len(),
            col("created"),
            col("new"),
            col("first_ui"),
            p,
            loaded,
            reports.len()
        );
        let all: Vec<String> = reports
            .iter()
            .map(|r| format!("{:.0}", value(r, "presented")))
            .collect();
        println!("  {:<22} presented, every run: {}", "", all.join(" "));
    }
    println!(
        "  ratio app(1,000)/hello presented: {:.3}; app(empty)/hello: {:.3}",
        presented[1] / presented[0],
        presented[2] / presented[0]
    );

    // Memory.
    let mut targets = vec![
        ("hello", None),
        ("app empty workspace", Some(empty_arg.clone())),
        ("app 1,000 candidates × 6", Some(panel_arg.clone())),
    ];
    if let Some(dir) = std::env::var_os("SCORECARD_BENCH_10K") {
        targets.push((
            "app 10k-scorecard demo",
            Some(dir.to_string_lossy().into_owned()),
        ));
    }
    println!("\nmemory once the workspace is read, after 10 more frames (Home)");
    for (label, dir) in targets {
        let mut rss = Vec::new();
        let mut hwm = Vec::new();
        let mut anon = Vec::new();
        let mut file = Vec::new();
        let mut loaded = Vec::new();
        let mut largest = String::new();
        let mut args = vec!["child", "rss"];
        args.extend(dir.as_deref());
        for _ in 0..3 {
            if let Some(r) = run_child(home.path(), &args) {
                rss.push(value(&r, "vm_rss_kib") / 1024.0);
                hwm.push(value(&r, "vm_hwm_kib") / 1024.0);
                anon.push(value(&r, "rss_anon_kib") / 1024.0);
                file.push(value(&r, "rss_file_kib") / 1024.0);
                loaded.push(value(&r, "loaded_at"));
                if let Some((_, l)) = r.iter().find(|(k, _)| k == "largest") {
                    largest = l.clone();
                }
            }
        }
        println!(
            "  {label:<26} VmRSS median {:>7.1} MiB (RssAnon {:>6.1}, RssFile {:>6.1}), VmHWM median {:>7.1} MiB, read and shown after {:>8.1} ms (runs: {})",
            median(rss.clone()),
            median(anon),
            median(file),
            median(hwm),
            median(loaded),
            rss.len()
        );
        // Where the memory is, in the last run.
        let parts: Vec<String> = largest
            .split(',')
            .filter_map(|part| part.rsplit_once(':'))
            .map(|(name, kib)| {
                let mib = kib.parse::<f64>().unwrap_or(f64::NAN) / 1024.0;
                format!("{name} {mib:.1}")
            })
            .collect();
        println!("  {:<26} largest mappings (MiB): {}", "", parts.join(", "));
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.first().map(String::as_str) {
        Some("child") => {
            let kind = args.get(1).map_or("hello", String::as_str);
            child(
                kind,
                args.get(2).map(String::as_str),
                args.get(3).map(String::as_str),
            );
        }
        _ => driver(),
    }
}

/// Where the top bar's *Compare* button is on Home, in points, as
/// `x,y`: found by opening the app in egui_kittest (the bar is laid out
/// from the left, so its place does not depend on the window's size).
fn compare_button_position() -> String {
    use egui_kittest::kittest::Queryable;
    let empty = tempfile::tempdir().unwrap();
    let harness = common::open_harness(empty.path());
    let center = harness.get_by_label("Compare").rect().center();
    format!("{},{}", center.x, center.y)
}

/// One column of a table of medians: `key` over the reports, scaled.
fn column(reports: &[Vec<(String, String)>], key: &str, scale: f64) -> f64 {
    median(reports.iter().map(|r| value(r, key) * scale).collect())
}

fn scale_driver(dirs: &[PathBuf]) {
    let runs: usize = std::env::var("SCALE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let home = tempfile::tempdir().unwrap();
    let button = compare_button_position();
    println!("scale: {runs} runs per workspace; Compare button at {button}");

    let _ = run_child(home.path(), &["child", "rss"]);
    let hello: Vec<_> = (0..runs)
        .filter_map(|_| run_child(home.path(), &["child", "rss"]))
        .collect();
    let hello_rss = column(&hello, "vm_rss_kib", 1.0 / 1024.0);
    println!(
        "scale: hello-world VmRSS {hello_rss:.1} MiB (RssAnon {:.1}, RssFile {:.1}, VmHWM {:.1}; runs: {})",
        column(&hello, "rss_anon_kib", 1.0 / 1024.0),
        column(&hello, "rss_file_kib", 1.0 / 1024.0),
        column(&hello, "vm_hwm_kib", 1.0 / 1024.0),
        hello.len()
    );

    let mib = 1.0 / 1024.0;
    let mut rows = Vec::new();
    for dir in dirs {
        let name = common::scale_name(dir);
        // In process, once: what the app waits for before the list.
        let start = Instant::now();
        let watcher = FolderWatcher::start(dir, |_| {}).unwrap();
        let watch_ms = start.elapsed().as_secs_f64() * 1e3;
        drop(watcher);
        let start = Instant::now();
        let snapshot = Workspace::new(dir).load();
        let load_ms = start.elapsed().as_secs_f64() * 1e3;
        let (candidates, submitted, cards) = common::snapshot_counts(&snapshot);
        let template = common::busiest_template(&snapshot);
        let start = Instant::now();
        let summary = snapshot.summarize();
        let summarize_ms = start.elapsed().as_secs_f64() * 1e3;
        drop((summary, snapshot));
        println!(
            "\nscale: {name}: {candidates} candidates, {cards} scorecards ({submitted} submitted), \
             compare on {}; in process: FolderWatcher::start {watch_ms:.1} ms, \
             Workspace::load {load_ms:.1} ms, summarize {summarize_ms:.1} ms",
            template.map_or_else(|| "-".to_owned(), |t| t.to_string())
        );

        let dir_arg = dir.to_str().unwrap();
        let args = ["child", "scale", dir_arg, button.as_str()];
        let mut reports = Vec::new();
        for run in 0..runs {
            match run_child_within(home.path(), &args, Duration::from_secs(900)) {
                Some(r) => {
                    println!(
                        "  run {}: presented {:.0} ms, list {:.0} ms (frame {:.1} ms), \
                         compare {:.0} ms after the click; VmRSS {:.1} MiB at the list, {:.1} MiB on compare; \
                         glibc's heap in use {:.1} and free {:.1} MiB at the list, {:.1} and {:.1} MiB on compare",
                        run + 1,
                        value(&r, "presented"),
                        value(&r, "list_at"),
                        value(&r, "list_frame"),
                        value(&r, "compare_at") - value(&r, "clicked_at"),
                        value(&r, "vm_rss_list") * mib,
                        value(&r, "vm_rss_compare") * mib,
                        value(&r, "heap_used_list") * mib,
                        value(&r, "heap_free_list") * mib,
                        value(&r, "heap_used_compare") * mib,
                        value(&r, "heap_free_compare") * mib,
                    );
                    reports.push(r);
                }
                None => println!("  run {}: failed", run + 1),
            }
        }
        rows.push((name, candidates, cards, reports));
    }

    println!(
        "\nscale: medians; times in ms from spawn (real window), memory in MiB; \
         hello-world VmRSS {hello_rss:.1} MiB"
    );
    println!(
        "  {:<10} {:>6} {:>7} {:>4} {:>9} {:>8} {:>10} | {:>7} {:>7} {:>7} {:>7} {:>8} | {:>9} | {:>7} {:>7} {:>7} {:>7} {:>8}",
        "workspace",
        "cands",
        "cards",
        "runs",
        "presented",
        "list",
        "list frame",
        "VmRSS",
        "RssAnon",
        "RssFile",
        "VmHWM",
        "over hw",
        "compare+",
        "VmRSS",
        "RssAnon",
        "RssFile",
        "VmHWM",
        "over hw"
    );
    for (name, candidates, cards, reports) in &rows {
        let compare_after: Vec<f64> = reports
            .iter()
            .map(|r| value(r, "compare_at") - value(r, "clicked_at"))
            .collect();
        let rss_list = column(reports, "vm_rss_list", mib);
        let rss_compare = column(reports, "vm_rss_compare", mib);
        println!(
            "  {:<10} {:>6} {:>7} {:>4} {:>9.0} {:>8.0} {:>10.1} | {:>7.1} {:>7.1} {:>7.1} {:>7.1} {:>+8.1} | {:>9.0} | {:>7.1} {:>7.1} {:>7.1} {:>7.1} {:>+8.1}",
            name,
            candidates,
            cards,
            reports.len(),
            column(reports, "presented", 1.0),
            column(reports, "list_at", 1.0),
            column(reports, "list_frame", 1.0),
            rss_list,
            column(reports, "rss_anon_list", mib),
            column(reports, "rss_file_list", mib),
            column(reports, "vm_hwm_list", mib),
            rss_list - hello_rss,
            median(compare_after),
            rss_compare,
            column(reports, "rss_anon_compare", mib),
            column(reports, "rss_file_compare", mib),
            column(reports, "vm_hwm_compare", mib),
            rss_compare - hello_rss,
        );
    }
    println!(
        "  (list: the end of the first frame with the workspace read, Home's list drawn; \
         list frame: that frame's logic + ui; compare+: from the click on Compare to the \
         first frame with current aggregates; memory after 10 more frames each, and at the list once 4 s have passed: SCALE_SETTLE_MS)"
    );
}
