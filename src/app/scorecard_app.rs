//! The eframe app: owns the state, routes each frame to the screen shown and
//! the commands it emits to their handlers.
//!
//! The jobs live beside this file, the way rerun splits `re_viewer/src/app/`:
//! `command_handling.rs` applies the views' commands, `worker_reports.rs`
//! takes the I/O worker's reports, `editing.rs` drives the open scorecard's
//! [`EditSession`](super::edit_session::EditSession), `live_updates.rs`
//! watches the folder, `debrief_cache.rs` keeps the debrief built,
//! `reminding.rs` raises the reminders of overdue scorecards, `frame.rs`
//! runs each frame, `screen.rs` says which screen is shown. The state is
//! in parts: `open_workspace.rs` (replaced whole by *Open workspace…*),
//! `sessions.rs` (the edit sessions), `aggregates.rs` (the numbers);
//! `screen_builds.rs` builds Home's lists and the compare table.

use std::sync::Arc;
use std::time::Duration;

use super::aggregates::Aggregates;
use super::clock::{Clock, SystemClock};
use super::desktop::{Desktop, SystemDesktop};
use super::edit_session::EditSession;
use super::frame_stats::FrameStats;
use super::io_worker::Job;
use super::live_updates::Wanted;
use super::open_workspace::OpenWorkspace;
use super::reminders::Reminders;
use super::screen::Screen;
use super::sessions::Sessions;
use crate::io::{Workspace, WorkspaceSnapshot};
use crate::model::LocalZone;
use crate::model::stats::Summary;
use crate::ui::HeldWordsPrompt;
use crate::ui::{Command, InterviewScreen, Place, Problems, SaveStatus, Settings, TopBar};

/// This computer's time zone, with one log line when it is not the one
/// `TZ` asked for or cannot be told.
fn system_zone_logged() -> LocalZone {
    let (zone, note) = crate::io::system_zone();
    if let Some(note) = note {
        log::warn!("{note}");
    }
    zone
}

/// Key of the settings in eframe's storage.
pub(super) const SETTINGS_KEY: &str = "settings";

/// How the app is started.
pub struct AppOptions {
    /// The workspace to read and write.
    pub workspace: Workspace,
    /// Where "now" comes from.
    pub clock: Box<dyn Clock>,
    /// Settings to start with instead of the persisted ones (tests).
    pub settings: Option<Settings>,
    /// Notifications and the opener ([`SystemDesktop`] but in tests).
    pub desktop: Arc<dyn Desktop>,
    /// This computer's time zone ([`crate::io::system_zone`] but in
    /// tests); the settings may name another.
    pub zone: LocalZone,
}

impl AppOptions {
    /// The real thing: system clock, persisted settings.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            clock: Box::new(SystemClock),
            settings: None,
            desktop: Arc::new(SystemDesktop),
            zone: system_zone_logged(),
        }
    }
}

/// The app: the workspace open (replaced whole by *Open workspace…*),
/// the edit sessions, the aggregates, the messages, and what lives as long
/// as the window (the clock, the settings, the screen shown).
pub struct ScorecardApp {
    /// The open workspace, and everything read from or asked of it.
    pub(super) ws: OpenWorkspace,
    pub(super) clock: Box<dyn Clock>,
    /// This computer's time zone, shown in unless the settings name one.
    pub(super) system_zone: LocalZone,
    pub(super) settings: Settings,
    pub(super) screen: Screen,
    /// The open scorecard's edit session, and those still closing.
    pub(super) sessions: Sessions,
    /// The aggregates shown, their thread, and what changed since.
    pub(super) aggregates: Aggregates,
    /// Problems to read, one after another in the top bar.
    pub(super) problems: Problems,
    /// A quiet line of good news (an export written).
    pub(super) info: Option<String>,
    /// The prompt for words no write could take, while there are such.
    pub(super) held_prompt: HeldWordsPrompt,
    pub(super) show_help: bool,
    pub(super) applied_theme: Option<egui::ThemePreference>,
    /// The UI time of the last frame (closing the window has no frame).
    pub(super) last_time: f64,
    /// To wake the UI from a worker started later (another workspace).
    pub(super) egui_ctx: egui::Context,
    /// The notification of one's own overdue scorecards, and *Remind*.
    pub(super) reminders: Reminders,
    /// Where each frame's CPU time goes, if the user asked
    /// ([`FRAME_STATS_VAR`](super::frame_stats::FRAME_STATS_VAR)).
    pub(super) frame_stats: Option<FrameStats>,
    /// The screen the last frame drew, which the next frame's stats are
    /// about (eframe reports a frame's CPU time in the one after).
    pub(super) stats_screen: &'static str,
}

impl ScorecardApp {
    /// The app, appending each frame's CPU time and screen to `stats`.
    pub fn with_frame_stats(mut self, stats: FrameStats) -> Self {
        self.frame_stats = Some(stats);
        self
    }

    /// Starts the app. Nothing is read here: the workspace is read on the
    /// worker once the first frame is on screen (see [`LiveUpdates::start`]),
    /// so the first frame never waits for the disk.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let mut settings = options
            .settings
            .unwrap_or_else(|| Self::stored_settings(cc.storage));
        crate::ui::remember_workspace(&mut settings.recent_workspaces, options.workspace.root());
        let ctx = cc.egui_ctx.clone();
        let ws = OpenWorkspace::open(options.workspace, move || ctx.request_repaint(), None);
        let ctx = cc.egui_ctx.clone();
        let aggregates = Aggregates::spawn(move || ctx.request_repaint());
        let ctx = cc.egui_ctx.clone();
        let reminders = Reminders::new(options.desktop, move || ctx.request_repaint());
        Self {
            ws,
            clock: options.clock,
            system_zone: options.zone,
            settings,
            screen: Screen::Home,
            sessions: Sessions::default(),
            aggregates,
            problems: Problems::default(),
            info: None,
            held_prompt: HeldWordsPrompt::default(),
            show_help: false,
            applied_theme: None,
            last_time: 0.0,
            egui_ctx: cc.egui_ctx.clone(),
            reminders,
            frame_stats: None,
            stats_screen: "home",
        }
    }

    /// The workspace folder the app reads and writes.
    pub fn workspace_root(&self) -> &std::path::Path {
        self.ws.workspace.root()
    }

    /// Switches the app to the workspace at `root`: the open scorecard is
    /// closed first (its last edits saved), then a new worker reads the
    /// new folder and a new watcher follows it. Refused, with a message,
    /// while a save to the old folder is still on its way.
    pub(super) fn switch_workspace(&mut self, root: std::path::PathBuf, time: f64) {
        self.leave_to(Screen::Home, time);
        if self.held_words().is_some() {
            self.problems.push(
                "Some words could not be written: settle them in the prompt before opening another workspace"
                    .to_owned(),
            );
            return;
        }
        if !self.sessions.none_closing() {
            self.problems.push(
                "The last edits are still being saved: open the workspace again in a moment"
                    .to_owned(),
            );
            return;
        }
        let workspace = Workspace::new(root);
        crate::ui::remember_workspace(&mut self.settings.recent_workspaces, workspace.root());
        let ctx = self.egui_ctx.clone();
        // Replaced whole: the old folder's worker, watcher, snapshot, caches,
        // waiting export and import, and open dialogs all go with it.
        self.ws = OpenWorkspace::open(
            workspace,
            move || ctx.request_repaint(),
            Some(&self.ws.snapshot),
        );
        self.aggregates.forget_workspace();
        self.problems.clear();
        self.info = None;
        self.egui_ctx.request_repaint();
    }

    /// The settings saved by a previous run, or the defaults.
    pub fn stored_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
        storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default()
    }

    /// Whether the workspace has been read.
    pub fn is_loaded(&self) -> bool {
        self.ws.loaded
    }

    /// Whether live updates are on: the folder is watched (or could not
    /// be), and what changed while it was first read is read too.
    pub fn live_updates_ready(&self) -> bool {
        self.ws.caught_up
    }

    /// The workspace as the app sees it.
    pub fn snapshot(&self) -> &WorkspaceSnapshot {
        &self.ws.snapshot
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The interview being scored, if that is the screen shown.
    pub fn interview(&self) -> Option<&InterviewScreen> {
        match &self.screen {
            Screen::Interview(interview) => Some(interview),
            _ => None,
        }
    }

    /// The interview being scored, to change it as a user would (tests).
    pub fn interview_mut(&mut self) -> Option<&mut InterviewScreen> {
        match &mut self.screen {
            Screen::Interview(interview) => Some(interview),
            _ => None,
        }
    }

    /// The open scorecard's edit session, if a scorecard is open.
    pub fn edit_session(&self) -> Option<&EditSession> {
        self.sessions.open()
    }

    /// The preferences.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The problem shown in the top bar, if any.
    pub fn notice(&self) -> Option<&str> {
        self.problems.current()
    }

    /// The good news shown in the top bar, if any.
    pub fn info(&self) -> Option<&str> {
        self.info.as_deref()
    }

    /// What the save indicator says: the open scorecard's session, or else
    /// the sessions still finishing their last save.
    pub fn save_status(&self) -> SaveStatus {
        self.sessions.status()
    }

    /// Whether the aggregates shown are those of the workspace as it is now,
    /// all of them (they are computed on their own thread after every
    /// change; a changed candidate's own numbers come first).
    pub fn aggregates_current(&self) -> bool {
        self.aggregates.current(self.ws.snapshot.generation())
    }

    /// Whether the interviewers name fields offer are those of the
    /// workspace as it is now (they are found on their own thread).
    pub fn known_people_current(&self) -> bool {
        self.ws.known_people.0 == Some(self.ws.snapshot.generation())
    }

    /// The aggregates shown, and whether they are all current
    /// ([`ScorecardApp::aggregates_current`]).
    pub fn aggregates(&self) -> Option<(&Summary, bool)> {
        let current = self.aggregates_current();
        self.aggregates.summary().map(|summary| (summary, current))
    }

    /// Whether the screen shown, or an export waiting, reads the aggregates.
    pub(super) fn needs_aggregates(&self) -> bool {
        matches!(
            self.screen,
            Screen::Compare(_) | Screen::Debrief(_) | Screen::Interviewers(_) | Screen::Validity(_)
        ) || self.ws.pending_export.is_some()
    }

    /// Whether the F1 overlay is open.
    pub fn help_open(&self) -> bool {
        self.show_help
    }

    /// Takes the watcher's news and asks the worker to read what changed.
    pub(super) fn follow_live_updates(&mut self, ctx: &egui::Context, time: f64) {
        if !self.ws.live.is_started() {
            if ctx.cumulative_frame_nr() == 0 {
                // The second frame starts the reading; ask for it. The first
                // frame is then on screen, and its paint (in software, on a
                // machine without a GPU) did not compete with the read.
                ctx.request_repaint();
                return;
            }
            let wanted = self.ws.live.first_read();
            self.read_wanted(ctx, wanted);
            if !self.ws.loaded {
                // Watching starts once the read is in (see LiveUpdates).
                return;
            }
            let wake = ctx.clone();
            let wanted = self
                .ws
                .live
                .start(self.ws.workspace.root(), move || wake.request_repaint());
            self.read_wanted(ctx, wanted);
        }
        let wanted = self.ws.live.poll(time);
        self.read_wanted(ctx, wanted);
    }

    fn read_wanted(&mut self, ctx: &egui::Context, wanted: Wanted) {
        match wanted {
            Wanted::Nothing => {}
            Wanted::FullRead => self.ws.worker.send(Job::Load),
            Wanted::CatchUp => self.ws.worker.send(Job::CatchUp),
            Wanted::Refresh(paths) => self.ws.worker.send(Job::Refresh(paths)),
            Wanted::AgainIn(seconds) => {
                ctx.request_repaint_after(Duration::from_secs_f64(seconds.max(0.01)));
            }
            Wanted::Stopped => {
                // Paths seen before the end are still to be read.
                ctx.request_repaint();
                // The watcher logged why.
                self.problems.push(
                    "Live updates stopped: colleagues' changes are not read as they arrive; open the workspace again to read them"
                        .to_owned(),
                );
            }
        }
    }

    /// Takes the aggregates thread's newest result, and asks it for the
    /// current ones when a screen needs them and they are stale. Never
    /// computes on this thread.
    pub(super) fn update_aggregates(&mut self) {
        self.aggregates.take_newest();
        if self.needs_aggregates() {
            self.aggregates.ask_if_stale(&self.ws.snapshot);
        }
        if self.aggregates_current()
            && let Some(export) = self.ws.pending_export.take()
        {
            self.write_export(export);
        }
        if self.aggregates.has_stopped() && !self.aggregates_current() && self.needs_aggregates() {
            // Without the thread, "computing" would never end: say so once.
            let log = where_the_log_is();
            if self.ws.pending_export.take().is_some() {
                self.problems.push(format!(
                    "The export was not written: the numbers cannot be computed ({log}); restart the app"
                ));
                self.aggregates.tell_stopped_once();
            } else if self.aggregates.tell_stopped_once() {
                self.problems.push(format!(
                    "The numbers cannot be computed ({log}); restart the app"
                ));
            }
        }
    }

    /// The top bar, drawn from the app's state; returns where to go.
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let place = match self.screen {
            Screen::Home => Place::Home,
            Screen::Compare(_) => Place::Compare,
            Screen::Templates(_) => Place::Templates,
            Screen::Practice(_) => Place::Practice,
            Screen::Interviewers(_) => Place::Interviewers,
            Screen::Openings(_) => Place::Openings,
            Screen::Validity(_) => Place::Validity,
            Screen::Setup(_) | Screen::Interview(_) | Screen::Debrief(_) | Screen::Import(_) => {
                Place::Elsewhere
            }
        };
        let updating = self.needs_aggregates()
            && self.aggregates.shown().is_some()
            && !self.aggregates_current();
        let recent = self.settings.recent_workspaces.clone();
        TopBar {
            place,
            workspace: self.ws.workspace.root(),
            save: self.save_status(),
            updating,
            settings: &mut self.settings,
            show_help: &mut self.show_help,
            info: &mut self.info,
            problems: &mut self.problems,
            recent: &recent,
            typed_workspace: &mut self.ws.typed_workspace,
            system_zone: self.system_zone,
            now: self.clock.now(),
        }
        .ui(ui)
    }
}

/// Where the details of a failure can be read.
pub(super) fn where_the_log_is() -> String {
    match super::logging::log_path() {
        Some(path) => format!("details in the log: {}", path.display()),
        None => "details in the log".to_owned(),
    }
}
