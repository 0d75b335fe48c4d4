//! Starting the real app on a temporary workspace, and waiting for its worker.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scorecard::app::{AppOptions, FixedClock, RecordingDesktop, ScorecardApp};
use scorecard::io::{ParsedFile, Workspace, read_and_parse_any};
use scorecard::model::{Candidate, LocalZone, Scorecard, Slug, Timestamp};
use scorecard::ui::Settings;

/// The moment every test's clock is stopped at.
/// The zone the stories' app reads times in: Berlin, one hour from the
/// UTC of the files, so a story sees the times converted.
pub fn zone() -> LocalZone {
    LocalZone::named("Europe/Berlin").unwrap()
}

pub fn now() -> Timestamp {
    "2026-11-21T10:00:00Z".parse().unwrap()
}

/// The app on `workspace`, used by `interviewer` (empty: nobody yet),
/// with the workspace read.
pub fn open_app(workspace: &Path, interviewer: &str) -> Harness<'static, ScorecardApp> {
    open_app_with(workspace, interviewer, RecordingDesktop::answering())
}

/// [`open_app`] with a desktop of the story's own (to see the
/// notifications and mails the app asks for).
pub fn open_app_with(
    workspace: &Path,
    interviewer: &str,
    desktop: RecordingDesktop,
) -> Harness<'static, ScorecardApp> {
    let workspace = Workspace::new(workspace);
    let settings = Settings {
        interviewer: interviewer.to_owned(),
        ..Settings::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        // The I/O worker wakes the UI when it finishes, which can add frames.
        .with_max_steps(32)
        .build_eframe(move |cc| {
            ScorecardApp::new(
                cc,
                AppOptions {
                    workspace,
                    clock: Box::new(FixedClock(now())),
                    settings: Some(settings),
                    desktop: std::sync::Arc::new(desktop),
                    zone: zone(),
                },
            )
        });
    // Read, and watched: a story's files written from here on are seen.
    wait_until(&mut harness, "the workspace is read and watched", |app| {
        app.is_loaded() && app.live_updates_ready()
    });
    harness
}

/// Steps frames until `done` holds; the worker runs on a real thread, so
/// this waits in real time too (up to 10 s).
pub fn wait_until(
    harness: &mut Harness<'static, ScorecardApp>,
    what: &str,
    done: impl Fn(&ScorecardApp) -> bool,
) {
    step_until(harness, what, |h| done(h.state()));
    // Settle the frames if they settle: a spinner may still turn while the
    // numbers are computed, which the story waits for next if it needs
    // them.
    harness.run_ok();
}

/// Steps frames until `done` holds of what the harness shows (a label on
/// screen, say), up to 10 s of real time.
pub fn step_until(
    harness: &mut Harness<'static, ScorecardApp>,
    what: &str,
    done: impl Fn(&Harness<'static, ScorecardApp>) -> bool,
) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        harness.step();
        if done(harness) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("timed out waiting until {what}");
}

/// Writes `n` candidates more, each a copy of candidate `like` (named
/// `like_name`) with id `{prefix}-0000`… and name `{name} 0`…: a big
/// workspace in a moment (no atomic write, no flush: a test's folder).
pub fn add_copies_of(
    workspace: &Path,
    like: &str,
    like_name: &str,
    n: usize,
    prefix: &str,
    name: &str,
) {
    let text = std::fs::read_to_string(
        workspace
            .join("candidates")
            .join(like)
            .join("candidate.ron"),
    )
    .unwrap();
    for i in 0..n {
        let id = format!("{prefix}-{i:04}");
        let dir = workspace.join("candidates").join(&id);
        std::fs::create_dir_all(&dir).unwrap();
        let copy = text
            .replace(&format!("\"{like}\""), &format!("\"{id}\""))
            .replace(like_name, &format!("{name} {i}"));
        std::fs::write(dir.join("candidate.ron"), copy).unwrap();
    }
}

/// Opens a workspace of Bea Lund (`c-0000`) and 1,200 more candidates
/// (`c-1-0000`…, "Alex Doe 0"…), more than the app finds Home's lists for
/// in the frame, and waits until Home lists them.
pub fn open_big_home(workspace: &Path) -> Harness<'static, ScorecardApp> {
    add_candidate(workspace, "c-0000", "Bea Lund");
    add_copies_of(workspace, "c-0000", "Bea Lund", 1200, "c-1", "Alex Doe");
    let mut app = open_app(workspace, "Priya Raman");
    step_until(&mut app, "the list is shown", |a| {
        a.query_by_label("Bea Lund").is_some()
    });
    app
}

/// Waits until the name fields offer the workspace's interviewers: they
/// are found on their own thread once a screen with name fields opens.
pub fn wait_known_people(harness: &mut Harness<'static, ScorecardApp>) {
    wait_until(harness, "the team is known", |app| {
        app.known_people_current()
    });
}

/// Waits until the screen shows the aggregates of the workspace as it is:
/// they are computed on their own thread.
pub fn wait_numbers(harness: &mut Harness<'static, ScorecardApp>) {
    wait_until(harness, "the aggregates are computed", |app| {
        app.aggregates_current()
    });
}

/// Waits until every edit is on disk.
pub fn wait_saved(harness: &mut Harness<'static, ScorecardApp>) {
    wait_until(harness, "the scorecard is saved", |app| {
        app.save_status() == scorecard::ui::SaveStatus::Saved
    });
}

/// Writes a candidate into the workspace, as a coordinator would have.
pub fn add_candidate(workspace: &Path, id: &str, name: &str) -> Candidate {
    let candidate = Candidate::new(
        Slug::new(id).unwrap(),
        name.to_owned(),
        Slug::new("infrastructure-engineer").unwrap(),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    );
    Workspace::new(workspace)
        .save_candidate(&candidate)
        .unwrap();
    candidate
}

/// Reads a scorecard back from disk.
pub fn scorecard_on_disk(path: &Path) -> Scorecard {
    match read_and_parse_any(path).unwrap() {
        ParsedFile::Scorecard(scorecard) => scorecard,
        other => panic!("not a scorecard: {other:?}"),
    }
}

/// The file of the scorecard being scored.
pub fn interview_path(harness: &Harness<'static, ScorecardApp>) -> PathBuf {
    harness.state().interview().unwrap().path.clone()
}

/// Opens a candidate from the home screen and starts scoring `stage_label`
/// ("General interview" or an exercise's name with its minutes).
pub fn start_scoring(
    harness: &mut Harness<'static, ScorecardApp>,
    candidate_name: &str,
    stage_label: Option<&str>,
) {
    harness.get_by_label(candidate_name).click();
    harness.run();
    if let Some(stage) = stage_label {
        harness.get_by_label("Stage").click();
        harness.run();
        harness.get_by_label(stage).click();
        harness.run();
    }
    harness.get_by_label("Start scoring").click();
    wait_until(harness, "the interview opens", |app| {
        app.interview().is_some()
    });
}

/// Presses a key with no modifiers and lets the frame run.
pub fn press(harness: &mut Harness<'static, ScorecardApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}
