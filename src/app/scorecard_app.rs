//! The eframe app: owns the state, routes each frame to the screen shown and
//! the commands it emits to their handlers.
//!
//! The jobs live beside this file, the way rerun splits `re_viewer/src/app/`:
//! `command_handling.rs` applies the views' commands, `worker_reports.rs`
//! takes the I/O worker's reports, `editing.rs` drives the open scorecard's
//! [`EditSession`](super::edit_session::EditSession), `live_updates.rs`
//! watches the folder, `debrief_cache.rs` keeps the debrief built,
//! `reminding.rs` raises the reminders of overdue scorecards.

use std::sync::Arc;
use std::time::Duration;

use super::aggregates::Aggregates;
use super::clock::{Clock, SystemClock};
use super::debrief_cache::DebriefView;
use super::desktop::{Desktop, SystemDesktop};
use super::edit_session::EditSession;
use super::frame_stats::FrameStats;
use super::io_worker::Job;
use super::live_updates::Wanted;
use super::open_workspace::OpenWorkspace;
use super::reminders::Reminders;
use super::sessions::Sessions;
use crate::io::{Workspace, WorkspaceSnapshot};
use crate::model::stats::Summary;
use crate::ui::HeldWordsPrompt;
use crate::ui::OpeningsScreen;
use crate::ui::{
    Aggregates as AggregatesView, Command, CompareScreen, DebriefScreen, ImportScreen,
    InterviewScreen, InterviewersScreen, Place, PracticeScreen, Problems, SaveStatus, Settings,
    SetupScreen, TemplatesScreen, TopBar, ViewContext, busy_ui, help_overlay_ui,
};

/// Key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "settings";

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
}

impl AppOptions {
    /// The real thing: system clock, persisted settings.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            clock: Box::new(SystemClock),
            settings: None,
            desktop: Arc::new(SystemDesktop),
        }
    }
}

/// Which screen is shown.
pub enum Screen {
    /// Candidates and drafts.
    Home,
    /// A candidate's page.
    Setup(SetupScreen),
    /// Scoring.
    Interview(Box<InterviewScreen>),
    /// A candidate's debrief.
    Debrief(DebriefScreen),
    /// Candidates side by side.
    Compare(CompareScreen),
    /// Templates: list, preview, edit.
    Templates(TemplatesScreen),
    /// Frame-of-reference practice.
    Practice(PracticeScreen),
    /// The interviewer view: calibration figures.
    Interviewers(InterviewersScreen),
    /// Openings: list, create, edit, put on hold, close.
    Openings(OpeningsScreen),
    /// Invites or candidates from a file: preview, then apply.
    Import(ImportScreen),
}

impl Screen {
    /// The screen's name, as the frame stats write it.
    pub fn name(&self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Setup(_) => "setup",
            Screen::Interview(_) => "interview",
            Screen::Debrief(_) => "debrief",
            Screen::Compare(_) => "compare",
            Screen::Templates(_) => "templates",
            Screen::Practice(_) => "practice",
            Screen::Interviewers(_) => "interviewers",
            Screen::Openings(_) => "openings",
            Screen::Import(_) => "import",
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
    applied_theme: Option<egui::ThemePreference>,
    /// The UI time of the last frame (closing the window has no frame).
    pub(super) last_time: f64,
    /// To wake the UI from a worker started later (another workspace).
    pub(super) egui_ctx: egui::Context,
    /// The notification of one's own overdue scorecards, and *Remind*.
    pub(super) reminders: Reminders,
    /// Where each frame's CPU time goes, if the user asked
    /// ([`FRAME_STATS_VAR`](super::frame_stats::FRAME_STATS_VAR)).
    frame_stats: Option<FrameStats>,
    /// The screen the last frame drew, which the next frame's stats are
    /// about (eframe reports a frame's CPU time in the one after).
    stats_screen: &'static str,
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

    /// The aggregates shown, and whether they are all current
    /// ([`ScorecardApp::aggregates_current`]).
    pub fn aggregates(&self) -> Option<(&Summary, bool)> {
        let current = self.aggregates_current();
        self.aggregates.summary().map(|summary| (summary, current))
    }

    /// Whether the screen shown, or an export waiting, reads the aggregates.
    fn needs_aggregates(&self) -> bool {
        matches!(
            self.screen,
            Screen::Compare(_) | Screen::Debrief(_) | Screen::Interviewers(_)
        ) || self.ws.pending_export.is_some()
    }

    /// Whether the F1 overlay is open.
    pub fn help_open(&self) -> bool {
        self.show_help
    }

    /// Takes the watcher's news and asks the worker to read what changed.
    fn follow_live_updates(&mut self, ctx: &egui::Context, time: f64) {
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
        }
    }

    /// Takes the aggregates thread's newest result, and asks it for the
    /// current ones when a screen needs them and they are stale. Never
    /// computes on this thread.
    fn update_aggregates(&mut self) {
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
    fn top_bar_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let place = match self.screen {
            Screen::Home => Place::Home,
            Screen::Compare(_) => Place::Compare,
            Screen::Templates(_) => Place::Templates,
            Screen::Practice(_) => Place::Practice,
            Screen::Interviewers(_) => Place::Interviewers,
            Screen::Openings(_) => Place::Openings,
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

/// The debrief screen while the aggregates are computed.
fn computing_ui(ui: &mut egui::Ui) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("Debrief");
        busy_ui(ui, "Computing the panel's numbers…");
    });
}

impl eframe::App for ScorecardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let time = ctx.input(|i| i.time);
        self.last_time = time;
        self.handle_reports(time);
        self.follow_live_updates(ctx, time);
        self.autosave(time);
        self.update_aggregates();
        self.take_chosen_path();
        self.take_chosen_folder(time);
        self.remind(ctx, time);
        self.take_dropped_files(ctx, time);
        // The window closes only once every word is on disk, or the user
        // has chosen what becomes of words no write could take.
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_window() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if let Some(seconds) = self.sessions.open().and_then(|s| s.next_due_in(time)) {
            ctx.request_repaint_after(Duration::from_secs_f64(seconds.max(0.01)));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(stats) = &self.frame_stats {
            if let Some(cpu) = frame.info().cpu_usage {
                stats.record(cpu * 1000.0, self.stats_screen);
            }
            self.stats_screen = self.screen.name();
        }
        let time = ui.input(|i| i.time);
        if self.applied_theme != Some(self.settings.theme) {
            ui.ctx().set_theme(self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        if crate::ui::UiCommand::ToggleHelp.consumed(ui.ctx()) {
            self.show_help = !self.show_help;
        }
        let mut commands: Vec<Command> = self.top_bar_ui(ui).into_iter().collect();
        if !self.ws.loaded {
            let progress = self.ws.worker.load_progress();
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label("Reading the workspace…");
                ui.add(
                    egui::ProgressBar::new(progress)
                        .show_percentage()
                        .desired_width(360.0),
                );
            });
            // Follow the progress while the worker reads.
            ui.ctx().request_repaint_after(Duration::from_millis(100));
            return;
        }
        let debrief = match &self.screen {
            Screen::Debrief(screen) => Some(
                self.ws.debriefs.get(
                    &screen.candidate,
                    &self.ws.snapshot,
                    self.ws.snapshot.generation(),
                    self.aggregates
                        .shown()
                        .map(|c| (c.revision, c.summary.as_ref())),
                    &self.settings,
                    self.clock.now(),
                ),
            ),
            _ => None,
        };
        // The conflict prompt shows what the session says.
        let in_conflict = self.sessions.open().is_some_and(EditSession::in_conflict);
        let templates_dir = self.ws.workspace.templates_dir();
        let generation = self.ws.snapshot.generation();
        let Self {
            ws,
            settings,
            screen,
            clock,
            aggregates,
            ..
        } = self;
        let OpenWorkspace { snapshot, home, .. } = ws;
        let summary = aggregates.shown();
        let mut cx = ViewContext {
            snapshot,
            generation,
            settings,
            now: clock.now(),
            templates_dir: &templates_dir,
            commands: &mut commands,
        };
        match screen {
            Screen::Home => home.ui(ui, &mut cx),
            Screen::Setup(setup) => setup.ui(ui, &mut cx),
            Screen::Interview(interview) => {
                interview.conflict = in_conflict;
                interview.ui(ui, &mut cx);
            }
            Screen::Debrief(screen) => match debrief {
                Some(DebriefView::Ready(debrief)) => screen.ui(ui, &mut cx, Some(&debrief)),
                Some(DebriefView::Computing) => computing_ui(ui),
                Some(DebriefView::Hidden) | None => screen.ui(ui, &mut cx, None),
            },
            Screen::Templates(templates) => templates.ui(ui, &mut cx),
            Screen::Practice(practice) => practice.ui(ui, &mut cx),
            Screen::Interviewers(view) => {
                let current = summary.map(|c| c.summary.as_ref());
                view.ui(ui, &mut cx, current);
            }
            Screen::Openings(openings) => openings.ui(ui, &mut cx),
            Screen::Import(import) => import.ui(ui, &mut cx),
            Screen::Compare(compare) => {
                let aggregates = summary.map(|c| AggregatesView {
                    revision: c.revision,
                    summary: &c.summary,
                });
                let template = compare
                    .template
                    .as_ref()
                    .and_then(|id| cx.snapshot.templates().get(id.as_str()))
                    .map(|e| &e.template);
                compare.ui(ui, &mut cx, template, aggregates);
            }
        }
        help_overlay_ui(ui.ctx(), &mut self.show_help);
        if let Some(held) = self.sessions.held() {
            commands.extend(self.held_prompt.ui(ui.ctx(), &held));
        }
        for command in commands {
            self.apply(command, time);
        }
        // A screen just opened may need the aggregates: ask now rather than
        // at the next frame's `logic`.
        self.update_aggregates();
    }

    /// egui's memory would keep text typed into fields (evidence, names) in
    /// eframe's storage file; candidate data must live only in the
    /// workspace, where deleting a candidate erases it.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.close_window() {
            // Only an ending forced on the app (a log-out) gets here with
            // words held: the close request was refused until now.
            log::error!("the app ended with words no write could take; they are lost");
        }
    }
}
