//! The eframe app: owns the state, draws the current screen, applies the
//! commands it emits, and feeds the I/O worker.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::autosave::Autosave;
use super::candidate_id::new_candidate_id;
use super::clock::{Clock, SystemClock};
use super::io_worker::{IoWorker, Job, Report};
use crate::io::{CandidateRecord, ScorecardRecord, Workspace, WorkspaceSnapshot};
use crate::model::{Candidate, FormatVersion, Scorecard, Slug};
use crate::ui::{
    Command, HomeScreen, InterviewScreen, SaveStatus, Settings, SetupScreen, ViewContext,
    help_overlay_ui, save_indicator_ui,
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
}

impl AppOptions {
    /// The real thing: system clock, persisted settings.
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace,
            clock: Box::new(SystemClock),
            settings: None,
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
}

/// The app.
pub struct ScorecardApp {
    workspace: Workspace,
    worker: IoWorker,
    clock: Box<dyn Clock>,
    settings: Settings,
    snapshot: WorkspaceSnapshot,
    loaded: bool,
    home: HomeScreen,
    screen: Screen,
    autosave: Autosave,
    show_help: bool,
    notice: Option<String>,
    applied_theme: Option<egui::ThemePreference>,
}

impl ScorecardApp {
    /// Starts the app; the workspace is read on the worker, so the first
    /// frame never waits for the disk.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let settings = options
            .settings
            .unwrap_or_else(|| Self::stored_settings(cc.storage));
        let ctx = cc.egui_ctx.clone();
        let worker = IoWorker::spawn(options.workspace.clone(), move || ctx.request_repaint());
        worker.send(Job::Load);
        Self {
            workspace: options.workspace,
            worker,
            clock: options.clock,
            settings,
            snapshot: WorkspaceSnapshot::default(),
            loaded: false,
            home: HomeScreen::default(),
            screen: Screen::Home,
            autosave: Autosave::default(),
            show_help: false,
            notice: None,
            applied_theme: None,
        }
    }

    /// The settings saved by a previous run, or the defaults.
    pub fn stored_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
        storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default()
    }

    /// Whether the workspace has been read.
    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    /// The workspace as the app sees it.
    pub fn snapshot(&self) -> &WorkspaceSnapshot {
        &self.snapshot
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

    /// The preferences.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// What the save indicator says.
    pub fn save_status(&self) -> SaveStatus {
        match self.screen {
            Screen::Interview(_) => self.autosave.status(),
            _ if self.autosave.is_dirty() => self.autosave.status(),
            _ => SaveStatus::Idle,
        }
    }

    /// Whether the F1 overlay is open.
    pub fn help_open(&self) -> bool {
        self.show_help
    }

    fn handle_reports(&mut self, time: f64) {
        while let Some(report) = self.worker.try_recv() {
            match report {
                Report::Loaded(snapshot) => {
                    self.snapshot = *snapshot;
                    self.loaded = true;
                }
                Report::CandidateSaved(Ok(_)) => {}
                Report::CandidateSaved(Err(why)) => {
                    self.notice = Some(format!("The candidate was not saved: {why}"));
                }
                Report::ScorecardSaved {
                    path,
                    generation,
                    result,
                } => {
                    let current = self.interview().map(|i| i.path.as_path());
                    if current == Some(path.as_path()) || current.is_none() {
                        self.autosave.on_saved(generation, result, time);
                    } else if let Err(why) = result {
                        self.notice = Some(format!("{} was not saved: {why}", path.display()));
                    }
                }
            }
        }
    }

    /// Sends the interview's scorecard to the worker when the autosave
    /// schedule says so (or at once, when `now_or_never`).
    fn autosave(&mut self, time: f64, now_or_never: bool) {
        let Screen::Interview(interview) = &self.screen else {
            return;
        };
        self.autosave.observe(interview.edits, time);
        let due = if now_or_never {
            self.autosave.take_due(f64::INFINITY)
        } else {
            self.autosave.take_due(time)
        };
        if let Some(generation) = due {
            let path = interview.path.clone();
            let scorecard = interview.scorecard.clone();
            upsert_scorecard(&mut self.snapshot, &path, &scorecard);
            self.worker.send(Job::SaveScorecard {
                path,
                scorecard: Box::new(scorecard),
                generation,
            });
        }
    }

    fn apply(&mut self, command: Command, time: f64) {
        match command {
            Command::GoHome => self.leave_to(Screen::Home, time),
            Command::OpenCandidate(id) => self.leave_to(Screen::Setup(SetupScreen::new(id)), time),
            Command::CreateCandidate { name, template } => {
                self.create_candidate(name, template, time)
            }
            Command::StartInterview { candidate, stage } => {
                self.start_interview(&candidate, stage, time)
            }
            Command::OpenScorecard(path) => self.open_scorecard(&path, time),
        }
    }

    /// Switches screen, saving the interview being left at once.
    fn leave_to(&mut self, screen: Screen, time: f64) {
        self.autosave(time, true);
        self.screen = screen;
    }

    fn create_candidate(&mut self, name: String, template: Slug, time: f64) {
        let id = new_candidate_id(|id| {
            self.snapshot
                .candidates
                .iter()
                .any(|r| r.candidate.id.as_str() == id)
                || self.workspace.candidates_dir().join(id).exists()
        });
        let candidate = Candidate {
            format: FormatVersion::CURRENT,
            id: id.clone(),
            name,
            template,
            created_at: self.clock.now(),
            notes: String::new(),
        };
        let record = CandidateRecord {
            dir: self.workspace.candidate_dir(&id),
            candidate: candidate.clone(),
            scorecards: Vec::new(),
        };
        let at = self
            .snapshot
            .candidates
            .partition_point(|r| r.candidate.id < id);
        self.snapshot.candidates.insert(at, record);
        self.worker.send(Job::SaveCandidate(Box::new(candidate)));
        self.leave_to(Screen::Setup(SetupScreen::new(id)), time);
    }

    fn setup_problem(&mut self, problem: String) {
        match &mut self.screen {
            Screen::Setup(setup) => setup.problem = Some(problem),
            _ => self.notice = Some(problem),
        }
    }

    fn start_interview(&mut self, candidate: &Slug, stage: String, time: f64) {
        let interviewer = self.settings.interviewer.trim().to_owned();
        let path = match self
            .workspace
            .scorecard_path(candidate, &interviewer, &stage)
        {
            Ok(path) => path,
            Err(err) => return self.setup_problem(err.to_string()),
        };
        if self
            .snapshot
            .candidates
            .iter()
            .all(|r| &r.candidate.id != candidate)
        {
            return self.setup_problem(format!("candidate {candidate} is not in the workspace"));
        }
        if self.open_scorecard_if_known(&path, time) {
            return;
        }
        if let Some(err) = self.snapshot.errors.iter().find(|e| e.path == path) {
            let problem = format!(
                "Your scorecard for this stage cannot be read, so it is left as it is. \
                 Fix or move the file, then restart: {err}"
            );
            return self.setup_problem(problem);
        }
        let Some(record) = self
            .snapshot
            .candidates
            .iter()
            .find(|r| &r.candidate.id == candidate)
        else {
            return;
        };
        let Some(entry) = self
            .snapshot
            .templates
            .get(record.candidate.template.as_str())
        else {
            return self.setup_problem(format!(
                "template {} is not in effect",
                record.candidate.template
            ));
        };
        let scorecard = Scorecard {
            format: FormatVersion::CURRENT,
            candidate: candidate.clone(),
            template: entry.template.id.clone(),
            template_version: entry.template.version,
            interviewer,
            stage,
            started_at: self.clock.now(),
            submitted_at: None,
            amended_at: None,
            ratings: Default::default(),
            unrated_evidence: Default::default(),
            red_flags: Vec::new(),
            recommendation: None,
            notes: String::new(),
        };
        let mut interview = InterviewScreen::new(
            record.candidate.clone(),
            entry.template.clone(),
            path,
            scorecard,
            time,
        );
        // A new draft goes to disk at once, so it shows as pending even if
        // nothing is typed before the app closes.
        interview.edits = 1;
        self.autosave = Autosave::new(0);
        self.leave_to(Screen::Interview(Box::new(interview)), time);
    }

    fn open_scorecard(&mut self, path: &Path, time: f64) {
        if !self.open_scorecard_if_known(path, time) {
            self.notice = Some(format!("{} is no longer in the workspace", path.display()));
        }
    }

    /// Opens the scorecard at `path` if the workspace holds it.
    fn open_scorecard_if_known(&mut self, path: &Path, time: f64) -> bool {
        let found = self.snapshot.candidates.iter().find_map(|record| {
            record
                .scorecards
                .iter()
                .find(|s| s.path == path)
                .map(|s| (record.candidate.clone(), s.scorecard.clone()))
        });
        let Some((candidate, scorecard)) = found else {
            return false;
        };
        let Some(entry) = self.snapshot.templates.get(scorecard.template.as_str()) else {
            self.notice = Some(format!(
                "template {} of this scorecard is not in effect, so it cannot be scored",
                scorecard.template
            ));
            return true;
        };
        let interview = InterviewScreen::new(
            candidate,
            entry.template.clone(),
            path.to_path_buf(),
            scorecard,
            time,
        );
        self.leave_to(Screen::Interview(Box::new(interview)), time);
        self.autosave = Autosave::new(0);
        true
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Scorecard");
                if !matches!(self.screen, Screen::Home) && ui.button("Home").clicked() {
                    command = Some(Command::GoHome);
                }
                ui.weak(self.workspace.root().display().to_string());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Shortcuts (F1)").clicked() {
                        self.show_help = true;
                    }
                    let theme = &mut self.settings.theme;
                    let name = match theme {
                        egui::ThemePreference::System => "System",
                        egui::ThemePreference::Dark => "Dark",
                        egui::ThemePreference::Light => "Light",
                    };
                    if ui.button(format!("Theme: {name}")).clicked() {
                        *theme = match theme {
                            egui::ThemePreference::System => egui::ThemePreference::Dark,
                            egui::ThemePreference::Dark => egui::ThemePreference::Light,
                            egui::ThemePreference::Light => egui::ThemePreference::System,
                        };
                    }
                    save_indicator_ui(ui, &self.save_status());
                });
            });
            if let Some(notice) = self.notice.clone() {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, notice);
                    if ui.button("Dismiss").clicked() {
                        self.notice = None;
                    }
                });
            }
        });
        command
    }
}

/// Puts a scorecard into the in-memory snapshot, so lists show it before
/// the worker has written it.
fn upsert_scorecard(snapshot: &mut WorkspaceSnapshot, path: &Path, scorecard: &Scorecard) {
    let Some(record) = snapshot
        .candidates
        .iter_mut()
        .find(|r| r.candidate.id == scorecard.candidate)
    else {
        return;
    };
    match record.scorecards.iter_mut().find(|s| s.path == path) {
        Some(existing) => existing.scorecard = scorecard.clone(),
        None => {
            record.scorecards.push(ScorecardRecord {
                path: PathBuf::from(path),
                scorecard: scorecard.clone(),
            });
            record.scorecards.sort_by(|a, b| a.path.cmp(&b.path));
        }
    }
}

impl eframe::App for ScorecardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let time = ctx.input(|i| i.time);
        self.handle_reports(time);
        self.autosave(time, false);
        if let Some(seconds) = self.autosave.next_due_in(time) {
            ctx.request_repaint_after(Duration::from_secs_f64(seconds.max(0.01)));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let time = ui.input(|i| i.time);
        if self.applied_theme != Some(self.settings.theme) {
            ui.ctx().set_theme(self.settings.theme);
            self.applied_theme = Some(self.settings.theme);
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F1)) {
            self.show_help = !self.show_help;
        }
        let mut commands: Vec<Command> = self.top_bar_ui(ui).into_iter().collect();
        if !self.loaded {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the workspace…");
                });
            });
            return;
        }
        let Self {
            snapshot,
            settings,
            home,
            screen,
            clock,
            ..
        } = self;
        let mut cx = ViewContext {
            snapshot,
            settings,
            now: clock.now(),
            commands: &mut commands,
        };
        match screen {
            Screen::Home => home.ui(ui, &mut cx),
            Screen::Setup(setup) => setup.ui(ui, &mut cx),
            Screen::Interview(interview) => interview.ui(ui, &mut cx),
        }
        help_overlay_ui(ui.ctx(), &mut self.show_help);
        for command in commands {
            self.apply(command, time);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // The last edits, if the worker has not written them yet. Blocking is
        // fine here: the window is already closing.
        if let Screen::Interview(interview) = &self.screen
            && self.autosave.is_dirty()
            && let Err(err) = self
                .workspace
                .save_scorecard(&interview.path, &interview.scorecard)
        {
            eprintln!("scorecard: the last edits were not saved: {err}");
        }
    }
}
