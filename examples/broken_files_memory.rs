//! Memory with many broken files: a workspace whose one candidate folder
//! holds N empty `*.ron` files (100,000 by default), read the way the
//! command line reads it (`load`) or the way the app does (`app`: the real
//! app, headless, without AccessKit, until the workspace is read plus 10
//! frames). Prints the peak resident memory (`VmHWM`) from /proc.
//!
//! ```sh
//! cargo run --example broken_files_memory -- load /tmp/broken 100000
//! cargo run --example broken_files_memory -- app /tmp/broken 100000
//! ```
//!
//! Figures: BENCHMARKS.md, "Many broken files".

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

use scorecard::io::Workspace;
use scorecard::model::{Candidate, Slug};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args.first().map_or("load", String::as_str);
    let dir = Path::new(args.get(1).map_or("/tmp/scorecard-broken", String::as_str));
    let n: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    make_workspace(dir, n);
    let start = Instant::now();
    match mode {
        "app" => {
            let harness = common::open_harness(dir);
            let mut app = common::BareApp::from_harness(harness);
            for _ in 0..10 {
                app.frame();
            }
            let snapshot = app.app.snapshot();
            println!(
                "app: {} errors, {} conflicts after {:.1} s",
                snapshot.errors().len(),
                snapshot.conflicts().len(),
                start.elapsed().as_secs_f64()
            );
        }
        _ => {
            let snapshot = Workspace::new(dir).load();
            println!(
                "load: {} errors after {:.1} s",
                snapshot.errors().len(),
                start.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "VmHWM {} MiB, VmRSS {} MiB",
        common::status_kib("VmHWM:").unwrap_or(0) / 1024,
        common::status_kib("VmRSS:").unwrap_or(0) / 1024
    );
}

/// One candidate, `c-1`, with `n` empty scorecard files (kept if present).
fn make_workspace(dir: &Path, n: usize) {
    let ws = Workspace::new(dir);
    let folder = dir.join("candidates/c-1/scorecards");
    if folder.is_dir() {
        return;
    }
    ws.save_candidate(&Candidate::new(
        Slug::new("c-1").unwrap(),
        "Alex Doe",
        Slug::new("infrastructure-engineer").unwrap(),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    ))
    .unwrap();
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..n {
        std::fs::File::create(folder.join(format!("e{i:06}--.ron"))).unwrap();
    }
}
