//! Budget: autosave puts every edit on disk within 1 s, and no frame takes
//! over 16 ms because of saving.
//!
//! The real app ([`scorecard::app::ScorecardApp`]) on the 1,000-candidate
//! panel workspace, scoring a new general interview. Frames are run the way
//! eframe runs them (`logic` + `ui` + tessellation, AccessKit off) at 60 Hz
//! in real time, with egui's clock on the wall clock, so the autosave
//! schedule (0.3 s pause, 0.8 s at most) and the I/O worker (a real thread,
//! real fsyncs) play out as in the app. A second thread polls the
//! scorecard's file every 0.5 ms and records when each version lands.
//!
//! Scenarios:
//!
//! - `single`: one rating key (`2`/`3`) pressed, then hands off: time to the
//!   file holding it, and to the indicator saying *Saved*. Also measured
//!   with criterion (`autosave/edit_to_disk`).
//! - `typing`: evidence typed at 8 characters a second for 4 s (each
//!   character an edit): for each character, time until a version holding
//!   it is on disk.
//! - `leave_to_compare`: an edit, then the *Compare* button at once (the
//!   app saves on leaving): the frames that follow.
//!
//! Frame costs are reported for every frame while a save is pending or in
//! flight (edit → *Saved* + 0.5 s, which covers the folder watcher's
//! re-read of the written file).
//!
//! `cargo bench --bench autosave` (on a fresh temporary workspace each run:
//! the bench writes into it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use scorecard::io::{parse_scorecard, to_ron};
use scorecard::model::Rating;
use scorecard::ui::SaveStatus;

use common::{BareApp, FrameCost, Percentiles};

const CANDIDATES: usize = 1_000;
const FRAME: Duration = Duration::from_nanos(16_666_667);
const BUDGET_FRAME: Duration = Duration::from_millis(16);

/// Every version of a file, as it appeared on disk.
struct Poller {
    stop: Arc<AtomicBool>,
    handle: thread::JoinHandle<Vec<(Instant, Vec<u8>)>>,
}

impl Poller {
    fn start(path: PathBuf) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let handle = thread::spawn(move || {
            let mut seen: Vec<(Instant, Vec<u8>)> = Vec::new();
            while !flag.load(Ordering::Relaxed) {
                if let Ok(bytes) = std::fs::read(&path)
                    && seen.last().is_none_or(|(_, last)| *last != bytes)
                {
                    seen.push((Instant::now(), bytes));
                }
                thread::sleep(Duration::from_micros(500));
            }
            seen
        });
        Self { stop, handle }
    }

    fn finish(self) -> Vec<(Instant, Vec<u8>)> {
        self.stop.store(true, Ordering::Relaxed);
        self.handle.join().unwrap()
    }
}

fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    [true, false]
        .into_iter()
        .map(|pressed| Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers,
        })
        .collect()
}

fn click(at: egui::Pos2, pressed: bool) -> Vec<Event> {
    vec![
        Event::PointerMoved(at),
        Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        },
    ]
}

/// Runs frames at 60 Hz in real time.
struct Clocked {
    app: BareApp,
    next: Instant,
    /// (start, cost) of every frame run.
    frames: Vec<(Instant, FrameCost)>,
}

impl Clocked {
    fn frame_with(&mut self, events: Vec<Event>) -> Instant {
        let now = Instant::now();
        if self.next > now {
            thread::sleep(self.next - now);
        }
        let start = Instant::now();
        self.next = start + FRAME;
        let cost = self.app.frame_with(events);
        self.frames.push((start, cost));
        start
    }
    fn frame(&mut self) -> Instant {
        self.frame_with(Vec::new())
    }
    fn status(&self) -> SaveStatus {
        self.app.app.save_status()
    }
    fn idle(&mut self, secs: f64) {
        let until = Instant::now() + Duration::from_secs_f64(secs);
        while Instant::now() < until {
            self.frame();
        }
    }
    fn current_text(&self) -> Vec<u8> {
        to_ron(&self.app.app.interview().unwrap().scorecard, "scorecard")
            .unwrap()
            .into_bytes()
    }
    fn edits(&self) -> u64 {
        self.app.app.interview().map_or(0, |i| i.edits)
    }
    /// A rating key that changes the current dimension's rating.
    fn changing_digit(&self) -> Key {
        let interview = self.app.app.interview().unwrap();
        let id = interview.stage_dimensions()[interview.current].id.clone();
        if interview.scorecard.rating(id.as_str()) == Some(Rating::PartiallyMeets) {
            Key::Num3
        } else {
            Key::Num2
        }
    }
}

/// One edit after a pause: (edit → on disk, edit → *Saved* shown).
fn single_edit(c: &mut Clocked, path: &Path) -> (Duration, Duration, Instant) {
    let before = c.edits();
    let poller = Poller::start(path.to_path_buf());
    let digit = c.changing_digit();
    let edited = c.frame_with(key(digit, Modifiers::NONE));
    assert_eq!(c.edits(), before + 1, "the key rated the dimension");
    let expected = c.current_text();
    let saved_at = loop {
        let t = c.frame();
        if c.status() == SaveStatus::Saved {
            break t;
        }
        assert!(
            t - edited < Duration::from_secs(10),
            "not saved in 10 s: {:?}",
            c.status()
        );
    };
    // Let the poller see the file (it is on disk by now).
    thread::sleep(Duration::from_millis(5));
    let versions = poller.finish();
    let on_disk = versions
        .iter()
        .find(|(_, bytes)| *bytes == expected)
        .map(|(t, _)| *t)
        .expect("the edit reached the disk");
    (
        on_disk.saturating_duration_since(edited),
        saved_at - edited,
        saved_at,
    )
}

fn open_interview(dir: &Path) -> (Clocked, PathBuf, egui::Pos2) {
    let mut harness = common::open_harness(dir);
    common::open_candidate(&mut harness, &common::panel_candidate_name(1));
    harness.get_by_label("Start scoring").click();
    common::wait_until(&mut harness, "the interview opens", |app| {
        app.interview().is_some()
    });
    common::wait_until(&mut harness, "the new draft is saved", |app| {
        app.save_status() == SaveStatus::Saved
    });
    let path = harness.state().interview().unwrap().path.clone();
    let compare = harness.get_by_label("Compare").rect().center();
    let mut app = BareApp::from_harness(harness);
    app.real_time = true;
    let mut clocked = Clocked {
        app,
        next: Instant::now(),
        frames: Vec::new(),
    };
    clocked.idle(1.0);
    clocked.frames.clear();
    (clocked, path, compare)
}

fn frames_between(c: &Clocked, windows: &[(Instant, Instant)]) -> Vec<Duration> {
    c.frames
        .iter()
        .filter(|(t, _)| windows.iter().any(|(a, b)| t >= a && t <= b))
        .map(|(_, cost)| cost.total())
        .collect()
}

fn report_frames(label: &str, frames: &[Duration]) {
    let over = frames.iter().filter(|d| **d > BUDGET_FRAME).count();
    println!(
        "  {label:<34} {}  over 16 ms: {over}",
        Percentiles::of(frames)
    );
}

fn autosave(c: &mut Criterion) {
    // Always a fresh workspace: this bench writes into it.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    common::write_panel_workspace(&dir, CANDIDATES);

    // --- single edits ---
    let (mut clocked, path, compare_button) = open_interview(&dir);
    let mut to_disk = Vec::new();
    let mut to_status = Vec::new();
    let mut windows = Vec::new();
    for _ in 0..20 {
        clocked.idle(0.4);
        let start = Instant::now();
        let (disk, status, saved) = single_edit(&mut clocked, &path);
        clocked.idle(0.5);
        to_disk.push(disk);
        to_status.push(status);
        windows.push((start, saved + Duration::from_millis(500)));
    }
    let single_frames = frames_between(&clocked, &windows);

    {
        let mut group = c.benchmark_group("autosave");
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(20));
        group.bench_function("edit_to_disk", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    clocked.idle(0.05);
                    total += single_edit(&mut clocked, &path).0;
                }
                total
            });
        });
        group.finish();
    }

    // --- typing evidence ---
    clocked.idle(0.5);
    clocked.frame_with(key(Key::E, Modifiers::COMMAND));
    clocked.idle(0.5);
    clocked.frames.clear();
    let dimension = {
        let interview = clocked.app.app.interview().unwrap();
        interview.stage_dimensions()[interview.current].id.clone()
    };
    let evidence_len = |c: &Clocked| {
        c.app
            .app
            .interview()
            .unwrap()
            .scorecard
            .evidence(dimension.as_str())
            .len()
    };
    let start_len = evidence_len(&clocked);
    let poller = Poller::start(path.clone());
    let mut typed = Vec::new(); // (when, evidence length after)
    let typing_start = Instant::now();
    let mut next_char = typing_start;
    while Instant::now() < typing_start + Duration::from_secs(4) {
        if Instant::now() >= next_char {
            let t = clocked.frame_with(vec![Event::Text("x".to_owned())]);
            typed.push((t, evidence_len(&clocked)));
            next_char += Duration::from_millis(125);
        } else {
            clocked.frame();
        }
    }
    let typing_end = loop {
        let t = clocked.frame();
        if clocked.status() == SaveStatus::Saved {
            break t;
        }
    };
    clocked.idle(0.5);
    thread::sleep(Duration::from_millis(5));
    let versions: Vec<(Instant, usize)> = poller
        .finish()
        .into_iter()
        .filter_map(|(t, bytes)| {
            let text = String::from_utf8(bytes).ok()?;
            let card = parse_scorecard(&path, &text).ok()?;
            Some((t, card.evidence(dimension.as_str()).len()))
        })
        .collect();
    assert!(
        typed.last().unwrap().1 > start_len + 20,
        "the typed characters went into the evidence"
    );
    let typing_latency: Vec<Duration> = typed
        .iter()
        .map(|(t, len)| {
            versions
                .iter()
                .find(|(at, l)| at >= t && l >= len)
                .map(|(at, _)| *at - *t)
                .expect("every character reached the disk")
        })
        .collect();
    let typing_frames = frames_between(
        &clocked,
        &[(typing_start, typing_end + Duration::from_millis(500))],
    );

    // --- an edit, then straight to Compare ---
    clocked.frame_with(key(Key::Escape, Modifiers::NONE));
    clocked.idle(0.5);
    clocked.frames.clear();
    let digit = clocked.changing_digit();
    clocked.frame_with(key(digit, Modifiers::NONE));
    let left = clocked.frame_with(click(compare_button, true));
    clocked.frame_with(click(compare_button, false));
    clocked.idle(2.0);
    let on_compare = matches!(clocked.app.app.screen(), scorecard::app::Screen::Compare(_));
    let numbers_current = clocked.app.app.aggregates_current();
    let leave_frames: Vec<(f64, Duration)> = clocked
        .frames
        .iter()
        .filter(|(t, _)| *t >= left)
        .map(|(t, cost)| ((*t - left).as_secs_f64() * 1e3, cost.total()))
        .collect();

    // --- report ---
    println!(
        "\nautosave: 1,000 candidates × 6 scorecards × 8 dimensions; frames at 60 Hz, real time"
    );
    println!(
        "  single edit → on disk             {}",
        Percentiles::of(&to_disk)
    );
    println!(
        "  single edit → 'Saved' shown        {}",
        Percentiles::of(&to_status)
    );
    println!(
        "  typing (8 chars/s) char → on disk  {}",
        Percentiles::of(&typing_latency)
    );
    report_frames("frames while saving (single)", &single_frames);
    report_frames("frames while saving (typing)", &typing_frames);
    println!(
        "  leave to Compare right after an edit (on compare: {on_compare}, \
         aggregates current 2 s later: {numbers_current}):"
    );
    let mut slow: Vec<&(f64, Duration)> = leave_frames
        .iter()
        .filter(|(_, d)| *d > BUDGET_FRAME)
        .collect();
    slow.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (at, cost) in slow {
        println!(
            "    frame at +{at:>7.1} ms: {:>8.3} ms",
            cost.as_secs_f64() * 1e3
        );
    }
    let rest: Vec<Duration> = leave_frames.iter().map(|(_, d)| *d).collect();
    report_frames("all frames after leaving", &rest);
}

criterion_group!(benches, autosave);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
