//! Where the app's memory goes (issue #21 item 3): the live heap of each
//! part, counted by a global allocator that adds up what is allocated and
//! not yet freed, and glibc's own count of what its arenas hold.
//!
//! For each folder of `SCORECARD_BENCH_SCALE` (comma-separated; a 1,000
//! scorecard demo workspace if unset), in one process:
//!
//! - *parts*, one at a time, each let go of before the next: the snapshot
//!   (`Workspace::load`), the aggregates (`summarize`), the folder watcher
//!   (`FolderWatcher::start`);
//! - *the app*, headless (egui_kittest, the benches' coordinator settings
//!   and fixed clock, nothing painted): once the workspace is read and
//!   watched (live updates ready, and a second more), and on *Compare* once its
//!   aggregates are current.
//!
//! Each line gives the live bytes the part added and how many blocks
//! they are in; the app's lines also give glibc's `mallinfo2`: bytes in
//! use (what the program asked for, plus each block's header and
//! rounding) and bytes free inside the arenas (freed, kept by the
//! allocator, counted in `VmRSS` where the pages were touched). The window
//! and its software renderer are not here: `first_frame`'s scale mode
//! measures `VmRSS` with them.
//!
//! ```sh
//! SCORECARD_BENCH_SCALE=/tmp/scale/ws26000 cargo bench --bench heap_split
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use scorecard::app::Screen;
use scorecard::io::{FolderWatcher, Workspace};

/// The system allocator, counting live bytes and blocks.
struct Counting;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);
static LIVE_BLOCKS: AtomicIsize = AtomicIsize::new(0);

fn add(bytes: usize, blocks: isize) {
    LIVE_BYTES.fetch_add(bytes as isize, Ordering::Relaxed);
    LIVE_BLOCKS.fetch_add(blocks, Ordering::Relaxed);
}

fn sub(bytes: usize, blocks: isize) {
    LIVE_BYTES.fetch_sub(bytes as isize, Ordering::Relaxed);
    LIVE_BLOCKS.fetch_sub(blocks, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters
// are added.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            add(layout.size(), 1);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size(), 1);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) };
        sub(layout.size(), 1);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            sub(layout.size(), 0);
            add(new_size, 0);
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Live bytes and blocks now.
#[derive(Clone, Copy)]
struct Live {
    bytes: isize,
    blocks: isize,
}

fn live() -> Live {
    Live {
        bytes: LIVE_BYTES.load(Ordering::Relaxed),
        blocks: LIVE_BLOCKS.load(Ordering::Relaxed),
    }
}

const MIB: f64 = 1024.0 * 1024.0;

/// One line: what `before` → now added.
fn report(what: &str, before: Live) {
    let now = live();
    let bytes = now.bytes - before.bytes;
    let blocks = now.blocks - before.blocks;
    let per_block = if blocks > 0 { bytes / blocks } else { 0 };
    println!(
        "  {what:<34} {:>8.1} MiB live in {:>9} blocks ({per_block:>4} B each)",
        bytes as f64 / MIB,
        blocks,
    );
}

/// One line of the app's whole heap, from the start of the process.
fn report_app(what: &str, floor: Live) {
    report(what, floor);
    if let Some((used, free)) = common::arenas() {
        println!(
            "  {:<34} glibc: {:>8.1} MiB in use, {:>8.1} MiB free in its arenas",
            "",
            used as f64 / MIB,
            free as f64 / MIB
        );
    }
}

/// One part alone, from the process's start.
fn part(what: &str, dir: &Path) {
    let floor = live();
    match what {
        "snapshot" => {
            let snapshot = Workspace::new(dir).load();
            report("snapshot (Workspace::load)", floor);
            let before = live();
            let summary = snapshot.summarize();
            report("+ aggregates (summarize)", before);
            drop(summary);
        }
        "watcher" => {
            let watcher = FolderWatcher::start(dir, |_| {}).unwrap();
            report("folder watcher", floor);
            drop(watcher);
        }
        _ => app(dir),
    }
}

/// The app headless: at the list, then on Compare.
fn app(dir: &Path) {
    let floor = live();
    let mut harness = common::open_harness_big(dir);
    report_app("the app, just read", floor);
    // Settled: the folder watched, what changed meanwhile read again, and
    // a second more.
    let start = Instant::now();
    while !harness.state().live_updates_ready() {
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "live updates not ready after 10 minutes"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    let settled = Instant::now() + Duration::from_secs(1);
    while Instant::now() < settled {
        harness.step();
        std::thread::sleep(Duration::from_millis(50));
    }
    report_app("the app at the list (watched)", floor);
    let template = common::busiest_template(harness.state().snapshot());
    harness.get_by_label("Compare").click();
    // Steps, not `run`: the app repaints while its threads work.
    let start = Instant::now();
    while !(harness.state().aggregates_current()
        && matches!(harness.state().screen(), Screen::Compare(c) if c.template == template))
    {
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "compare shows no current aggregates after 10 minutes"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..10 {
        harness.step();
    }
    report_app("the app on Compare (current)", floor);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, child, what, dir] = args.as_slice()
        && child == "child"
    {
        part(what, Path::new(dir));
        return;
    }
    let mut dirs = common::scale_dirs();
    let tmp = tempfile::tempdir().unwrap();
    if dirs.is_empty() {
        let dir = tmp.path().join("ws");
        common::write_demo_workspace(&dir, common::demo_candidates_for(1_000));
        dirs.push(dir);
    }
    for dir in &dirs {
        println!(
            "\nheap_split: {} ({:.2} MiB of RON under candidates/); each part in a process of its own",
            common::scale_name(dir),
            common::bytes_under(&dir.join("candidates")) as f64 / MIB
        );
        for what in ["snapshot", "watcher", "app"] {
            let status = std::process::Command::new(std::env::current_exe().unwrap())
                .args(["child", what])
                .arg(dir)
                .env("HOME", tmp.path())
                .env("XDG_DATA_HOME", tmp.path().join("data"))
                .env("XDG_CONFIG_HOME", tmp.path().join("config"))
                .status()
                .unwrap();
            assert!(status.success(), "heap_split child {what}: {status}");
        }
    }
}
