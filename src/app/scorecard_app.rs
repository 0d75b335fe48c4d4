//! The eframe app: owns the state, draws the current screen, applies the
//! commands it emits, and feeds the I/O worker.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::autosave::Autosave;
use super::candidate_id::new_candidate_id;
use super::clock::{Clock, SystemClock};
use super::io_worker::{Base, IoWorker, Job, Report, SaveProblem};
use super::summary_worker::SummaryWorker;
use crate::export::Format;
use crate::io::{CandidateRecord, FolderWatcher, ScorecardRecord, Workspace, WorkspaceSnapshot};
use crate::model::Debrief;
use crate::model::stats::Summary;
use crate::model::{Candidate, FormatVersion, Scorecard, Slug};
use crate::ui::{
    Aggregates, Command, CompareScreen, DebriefScreen, HomeScreen, InterviewScreen, Resolution,
    SaveStatus, Settings, SetupScreen, TemplatesScreen, ViewContext, help_overlay_ui,
    panel_visible, save_indicator_ui,
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
    /// A candidate's debrief.
    Debrief(DebriefScreen),
    /// Candidates side by side.
    Compare(CompareScreen),
    /// Templates: list, preview, edit.
    Templates(TemplatesScreen),
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
    /// A quiet line of good news (an export written).
    info: Option<String>,
    applied_theme: Option<egui::ThemePreference>,
    /// Bumped whenever `snapshot` changes (see [`ViewContext::generation`]),
    /// to know when `summary` and the views' caches are stale.
    generation: u64,
    /// The newest aggregates, and the generation they were computed from;
    /// they trail `generation` while the aggregates thread works.
    summary: Option<(u64, Arc<Summary>)>,
    aggregates: SummaryWorker,
    /// An export asked for while the aggregates were being computed; it is
    /// written once they are current, so it never holds stale numbers.
    pending_export: Option<ExportRequest>,
    /// The user was told the aggregates thread is gone.
    told_aggregates_stopped: bool,
    /// What the open scorecard's file is believed to hold (a fingerprint).
    on_disk: Option<u64>,
    /// What the next scorecard save may assume about its file.
    save_base: Base,
    /// Changed paths reported by the folder watcher, not yet read again.
    changes: Option<mpsc::Receiver<Vec<PathBuf>>>,
    pending_changes: Vec<PathBuf>,
    changes_seen_at: f64,
    /// Dropping it ends the watcher thread.
    _watcher: Option<mpsc::Sender<()>>,
    /// Whether the watcher and the first read were started (see
    /// [`ScorecardApp::start_reading`]).
    started: bool,
    /// Whether the first full read was asked of the worker.
    read_asked: bool,
    /// A path picked in the platform's file dialog, arriving from its thread.
    chosen_path: Option<mpsc::Receiver<Option<PathBuf>>>,
}

impl ScorecardApp {
    /// Starts the app. Nothing is read here: the workspace is read on the
    /// worker once the first frame is on screen (see
    /// [`ScorecardApp::start_reading`]), so the first frame never waits for
    /// the disk.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> Self {
        let settings = options
            .settings
            .unwrap_or_else(|| Self::stored_settings(cc.storage));
        let ctx = cc.egui_ctx.clone();
        let worker = IoWorker::spawn(options.workspace.clone(), move || ctx.request_repaint());
        let ctx = cc.egui_ctx.clone();
        let aggregates = SummaryWorker::spawn(move || ctx.request_repaint());
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
            info: None,
            applied_theme: None,
            generation: 0,
            summary: None,
            aggregates,
            pending_export: None,
            told_aggregates_stopped: false,
            on_disk: None,
            save_base: Base::Opened(None),
            changes: None,
            pending_changes: Vec::new(),
            changes_seen_at: 0.0,
            _watcher: None,
            started: false,
            read_asked: false,
            chosen_path: None,
        }
    }

    /// Starts watching the workspace, then reading it, on background
    /// threads. Called from the second frame: the first frame is then on
    /// screen, and its paint (in software, on a machine without a GPU) did
    /// not compete with the read for the cores.
    ///
    /// Live updates (a colleague's file arriving through a sync tool, a
    /// template saved in a text editor) come from a folder watcher. Setting
    /// it up walks every folder, so it runs on its own thread, and the
    /// workspace is read once it watches: nothing written in between is
    /// missed, and the workspace is read once, not twice.
    fn start_reading(&mut self, ctx: &egui::Context) {
        self.started = true;
        let (change_sender, changes) = mpsc::channel();
        let root = self.workspace.root().to_path_buf();
        let wake = ctx.clone();
        // The thread keeps the watcher alive until the app drops
        // `_watcher` (the channel closes).
        let (keep_alive, app_gone) = mpsc::channel::<()>();
        let spawned = std::thread::Builder::new()
            .name("folder-watcher".to_owned())
            .spawn(move || {
                let ready = change_sender.clone();
                let ctx = wake.clone();
                let watcher = FolderWatcher::start(&root, move |paths| {
                    let _ = change_sender.send(paths);
                    ctx.request_repaint();
                });
                // An empty batch asks for one full read: watching or not.
                let _ = ready.send(Vec::new());
                wake.request_repaint();
                match watcher {
                    Ok(_watching) => while app_gone.recv().is_ok() {},
                    Err(err) => eprintln!("scorecard: no live updates: {err}"),
                }
            });
        match spawned {
            Ok(_) => {
                self.changes = Some(changes);
                self._watcher = Some(keep_alive);
            }
            Err(err) => {
                eprintln!("scorecard: no live updates: {err}");
                self.worker.send(Job::Load);
                self.read_asked = true;
            }
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

    /// Whether the aggregates shown are those of the workspace as it is now
    /// (they are computed on their own thread after every change).
    pub fn aggregates_current(&self) -> bool {
        self.summary
            .as_ref()
            .is_some_and(|(generation, _)| *generation == self.generation)
    }

    /// Whether the screen shown, or an export waiting, reads the aggregates.
    fn needs_aggregates(&self) -> bool {
        matches!(self.screen, Screen::Compare(_) | Screen::Debrief(_))
            || self.pending_export.is_some()
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
                    self.generation += 1;
                }
                Report::CandidateSaved(Ok(_)) => {}
                Report::CandidateSaved(Err(why)) => {
                    self.notice = Some(format!("The candidate was not saved: {why}"));
                }
                Report::TemplateSaved(Ok(path)) => {
                    self.info = Some(format!("Saved {}", path.display()));
                    self.worker.send(Job::Refresh(vec![path]));
                }
                Report::TemplateSaved(Err(why)) => {
                    self.notice = Some(format!("The template was not saved: {why}"));
                }
                Report::Erased(result) => {
                    // Read again what is left: the folders are gone or not.
                    self.worker.send(Job::Load);
                    match result {
                        Ok(erased) => {
                            self.info = Some(format!(
                                "Erased {} candidate(s), {} file(s)",
                                erased.candidates.len(),
                                erased.files
                            ));
                        }
                        Err(why) => self.notice = Some(format!("Not everything was erased: {why}")),
                    }
                }
                Report::FileWritten { path, result } => match result {
                    Ok(()) => self.info = Some(format!("Exported to {}", path.display())),
                    Err(why) => self.notice = Some(format!("The export was not written: {why}")),
                },
                Report::Refreshed(refresh) => {
                    // A re-read of our own write changes only fingerprints:
                    // then nothing derived from the snapshot is redone.
                    if self.snapshot.apply(*refresh, &self.workspace) {
                        self.generation += 1;
                    }
                    self.notice_change_on_disk();
                }
                Report::ScorecardSaved {
                    path,
                    generation,
                    result,
                } => self.on_scorecard_saved(&path, generation, result, time),
            }
        }
    }

    fn on_scorecard_saved(
        &mut self,
        path: &Path,
        generation: u64,
        result: Result<u64, SaveProblem>,
        time: f64,
    ) {
        let open_here = self.interview().is_some_and(|i| i.path == path);
        match result {
            Ok(written) => {
                if open_here {
                    self.on_disk = Some(written);
                }
                self.autosave.on_saved(generation, Ok(()), time);
            }
            Err(SaveProblem::ChangedOnDisk) => {
                let why = "the file changed on disk: choose which version to keep".to_owned();
                self.autosave.on_saved(generation, Err(why), time);
                if let Some(interview) = self.interview_mut() {
                    interview.conflict = true;
                }
                // Read their version, to offer it.
                self.worker.send(Job::Refresh(vec![path.to_path_buf()]));
            }
            Err(SaveProblem::Failed(why)) if open_here || self.interview().is_none() => {
                self.autosave.on_saved(generation, Err(why), time);
            }
            Err(SaveProblem::Failed(why)) => {
                self.notice = Some(format!("{} was not saved: {why}", path.display()));
            }
        }
    }

    /// After a refresh: if the open scorecard's file now holds something we
    /// did not write (and no save of ours is on its way), someone else
    /// wrote it. Keep both and ask.
    fn notice_change_on_disk(&mut self) {
        if self.autosave.is_dirty() {
            return;
        }
        let Some(interview) = self.interview() else {
            return;
        };
        let on_disk = self.snapshot.candidates.iter().find_map(|r| {
            r.scorecards
                .iter()
                .find(|s| s.path == interview.path)
                .map(|s| s.fingerprint)
        });
        let changed = match on_disk {
            Some(Some(fp)) => self.on_disk != Some(fp),
            // Broken or gone: the store refuses to write over a broken file,
            // and a vanished file is recreated on the next edit.
            _ => false,
        };
        if changed && let Some(interview) = self.interview_mut() {
            interview.conflict = true;
        }
    }

    fn resolve_conflict(&mut self, resolution: Resolution, time: f64) {
        let Some(interview) = self.interview() else {
            return;
        };
        let path = interview.path.clone();
        let theirs = self
            .snapshot
            .candidates
            .iter()
            .find_map(|r| r.scorecards.iter().find(|s| s.path == path).cloned());
        match resolution {
            Resolution::KeepMine => {
                self.save_base = Base::Overwrite;
                if let Some(interview) = self.interview_mut() {
                    interview.conflict = false;
                    // A save of the current state, even with no new edit.
                    interview.edits += 1;
                }
                self.autosave(time, true);
            }
            Resolution::TakeTheirs | Resolution::KeepBoth => {
                let Some(theirs) = theirs.filter(|t| t.fingerprint.is_some()) else {
                    self.notice = Some(
                        "The other version cannot be read (see the list of unreadable files); keep yours or fix the file"
                            .to_owned(),
                    );
                    return;
                };
                if resolution == Resolution::KeepBoth {
                    let Some(interview) = self.interview() else {
                        return;
                    };
                    match crate::io::to_ron(&interview.scorecard, "scorecard") {
                        Ok(text) => self.worker.send(Job::WriteFile {
                            path: conflict_copy_path(&path, self.clock.now()),
                            bytes: text.into_bytes(),
                        }),
                        Err(err) => {
                            self.notice = Some(format!("Your version could not be copied: {err}"));
                            return;
                        }
                    }
                }
                self.on_disk = theirs.fingerprint;
                self.save_base = Base::Opened(theirs.fingerprint);
                if let Some(interview) = self.interview_mut() {
                    interview.scorecard = theirs.scorecard;
                    interview.conflict = false;
                    let edits = interview.edits;
                    self.autosave = Autosave::new(edits);
                }
            }
        }
    }

    /// Collects the watcher's changed paths and, once they settle for a
    /// moment (editors and sync tools write in bursts), reads them again.
    fn refresh_changed_files(&mut self, ctx: &egui::Context, time: f64) {
        let mut watcher_gone = false;
        if let Some(changes) = &self.changes {
            loop {
                match changes.try_recv() {
                    Ok(paths) if paths.is_empty() => {
                        self.worker.send(Job::Load);
                        self.read_asked = true;
                    }
                    Ok(paths) => {
                        self.pending_changes.extend(paths);
                        self.changes_seen_at = time;
                    }
                    Err(mpsc::TryRecvError::Empty) => break,
                    Err(mpsc::TryRecvError::Disconnected) => {
                        watcher_gone = true;
                        break;
                    }
                }
            }
        }
        if watcher_gone {
            // The watcher's thread ended (it could not watch, or it
            // panicked): no live updates, but the workspace is read anyway.
            self.changes = None;
            if !self.read_asked {
                self.worker.send(Job::Load);
                self.read_asked = true;
            }
        }
        if self.pending_changes.is_empty() {
            return;
        }
        const SETTLE: f64 = 0.3;
        if time - self.changes_seen_at >= SETTLE {
            let paths = std::mem::take(&mut self.pending_changes);
            self.worker.send(Job::Refresh(paths));
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(SETTLE));
        }
    }

    /// Sends the interview's scorecard to the worker when the autosave
    /// schedule says so (or at once, when `now_or_never`).
    fn autosave(&mut self, time: f64, now_or_never: bool) {
        let Screen::Interview(interview) = &self.screen else {
            return;
        };
        if interview.conflict {
            // Nothing is written until the user chose a version.
            return;
        }
        self.autosave.observe(interview.edits, time);
        let due = if now_or_never {
            self.autosave.take_due(f64::INFINITY)
        } else {
            self.autosave.take_due(time)
        };
        if let Some(generation) = due {
            let path = interview.path.clone();
            let scorecard = interview.scorecard.clone();
            if upsert_scorecard(&mut self.snapshot, &path, &scorecard) {
                self.generation += 1;
            }
            self.worker.send(Job::SaveScorecard {
                path,
                scorecard: Box::new(scorecard),
                generation,
                base: self.save_base,
            });
            // The worker now knows what to expect of the file.
            self.save_base = Base::Continue;
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
            Command::OpenDebrief(id) => {
                self.leave_to(Screen::Debrief(DebriefScreen::new(id)), time)
            }
            Command::OpenCompare => {
                // Start on the template most candidates are interviewed for.
                let mut counts: std::collections::BTreeMap<&Slug, usize> = Default::default();
                for record in &self.snapshot.candidates {
                    *counts.entry(&record.candidate.template).or_default() += 1;
                }
                let busiest = counts
                    .into_iter()
                    .max_by_key(|(_, n)| *n)
                    .map(|(id, _)| id.clone());
                let compare = CompareScreen::new(busiest.or_else(|| {
                    self.snapshot
                        .templates
                        .iter()
                        .next()
                        .map(|e| e.template.id.clone())
                }));
                self.leave_to(Screen::Compare(compare), time);
            }
            Command::ChooseExportPath { suggested } => self.choose_export_path(suggested),
            Command::ResolveConflict(resolution) => self.resolve_conflict(resolution, time),
            Command::OpenTemplates => {
                self.leave_to(Screen::Templates(TemplatesScreen::default()), time)
            }
            Command::SaveTemplate(template) => self.worker.send(Job::SaveTemplate(template)),
            Command::EraseCandidates(ids) => {
                // Nothing of theirs stays on screen or in memory; an open
                // scorecard of theirs is dropped, not saved (that would
                // bring a file back).
                let theirs_open = self
                    .interview()
                    .is_some_and(|i| ids.contains(&i.candidate.id));
                if theirs_open {
                    self.screen = Screen::Home;
                    self.autosave = Autosave::default();
                } else {
                    self.leave_to(Screen::Home, time);
                }
                self.snapshot
                    .candidates
                    .retain(|r| !ids.contains(&r.candidate.id));
                // The aggregates hold their names and red flags too.
                self.summary = None;
                self.generation += 1;
                self.worker.send(Job::Erase(ids));
            }
            Command::ExportDebrief {
                candidate,
                format,
                path,
            } => self.export_debrief(&candidate, format, path),
        }
    }

    /// Takes the aggregates thread's newest result, and asks it for the
    /// current ones when a screen needs them and they are stale. Never
    /// computes on this thread.
    fn update_aggregates(&mut self) {
        if let Some(computed) = self.aggregates.try_recv() {
            let newer = self
                .summary
                .as_ref()
                .is_none_or(|(generation, _)| *generation <= computed.generation);
            if newer {
                self.summary = Some((computed.generation, computed.summary));
            }
        }
        if self.needs_aggregates() && !self.aggregates_current() {
            self.aggregates.request(self.generation, &self.snapshot);
        }
        if self.aggregates_current()
            && let Some(export) = self.pending_export.take()
        {
            self.write_export(export);
        }
        if self.aggregates.has_stopped() && !self.aggregates_current() && self.needs_aggregates() {
            // Without the thread, "computing" would never end: say so once.
            if self.pending_export.take().is_some() {
                self.notice = Some(
                    "The export was not written: the numbers cannot be computed (see the terminal); restart the app"
                        .to_owned(),
                );
            } else if self.notice.is_none() && !self.told_aggregates_stopped {
                self.notice = Some(
                    "The numbers cannot be computed (see the terminal); restart the app".to_owned(),
                );
            }
            self.told_aggregates_stopped = true;
        }
    }

    /// The debrief of a candidate, from the newest aggregates; with names
    /// replaced by aliases if `blind`.
    fn debrief(&self, id: &Slug, blind: bool) -> DebriefView {
        let Some(record) = self.snapshot.candidate(id.as_str()) else {
            return DebriefView::Hidden;
        };
        if !panel_visible(record, &self.settings) {
            return DebriefView::Hidden;
        }
        // A candidate added since the aggregates were computed is not in
        // them yet.
        let Some(summary) = self
            .summary
            .as_ref()
            .and_then(|(_, s)| s.candidates.iter().find(|c| &c.id == id))
        else {
            return DebriefView::Computing;
        };
        let cards: Vec<_> = record
            .scorecards
            .iter()
            .map(|s| s.scorecard.clone())
            .collect();
        let template = self
            .snapshot
            .templates
            .get(record.candidate.template.as_str());
        DebriefView::Ready(Box::new(Debrief::build(
            &record.candidate,
            &cards,
            template.map(|e| &e.template),
            summary,
            blind,
        )))
    }

    /// Opens the platform's save dialog on its own thread: it may block, and
    /// under a bare X server it returns nothing at once (the typed path is
    /// the way then).
    fn choose_export_path(&mut self, suggested: String) {
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let path = rfd::FileDialog::new().set_file_name(suggested).save_file();
                let _ = sender.send(path);
            });
        match spawned {
            Ok(_) => self.chosen_path = Some(receiver),
            Err(err) => {
                self.notice = Some(format!(
                    "Cannot open the file dialog ({err}): type a path instead"
                ))
            }
        }
    }

    fn export_debrief(&mut self, candidate: &Slug, format: Format, path: PathBuf) {
        if path.as_os_str().is_empty() {
            self.notice = Some("Type where to save the export, or choose a file".to_owned());
            return;
        }
        let request = ExportRequest {
            candidate: candidate.clone(),
            format,
            path,
            // Blind or not as when asked, even if the setting changes while
            // the numbers are computed.
            blind: self.settings.blind,
        };
        if self.aggregates_current() {
            self.write_export(request);
        } else {
            // Written by `update_aggregates` once the numbers are current.
            self.pending_export = Some(request);
        }
    }

    /// Renders a debrief export from the current aggregates and hands it to
    /// the worker.
    fn write_export(&mut self, request: ExportRequest) {
        let debrief = match self.debrief(&request.candidate, request.blind) {
            DebriefView::Ready(debrief) => debrief,
            DebriefView::Hidden
                if self
                    .snapshot
                    .candidate(request.candidate.as_str())
                    .is_some() =>
            {
                self.notice =
                    Some("This debrief is hidden from you, so it cannot be exported".to_owned());
                return;
            }
            DebriefView::Hidden | DebriefView::Computing => {
                self.notice = Some(
                    "The export was not written: the candidate is no longer in the workspace"
                        .to_owned(),
                );
                return;
            }
        };
        match crate::export::render_debrief(&debrief, request.format) {
            Ok(text) => self.worker.send(Job::WriteFile {
                path: request.path,
                bytes: text.into_bytes(),
            }),
            Err(err) => self.notice = Some(format!("The export failed: {err}")),
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
        self.snapshot.candidates.insert(at, Arc::new(record));
        self.generation += 1;
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
        self.on_disk = None;
        self.save_base = Base::Opened(None);
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
                .map(|s| (record.candidate.clone(), s.scorecard.clone(), s.fingerprint))
        });
        let Some((candidate, scorecard, fingerprint)) = found else {
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
        self.on_disk = fingerprint;
        self.save_base = Base::Opened(fingerprint);
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
                if !matches!(self.screen, Screen::Compare(_)) && ui.button("Compare").clicked() {
                    command = Some(Command::OpenCompare);
                }
                if !matches!(self.screen, Screen::Templates(_)) && ui.button("Templates").clicked()
                {
                    command = Some(Command::OpenTemplates);
                }
                ui.weak(self.workspace.root().display().to_string());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Shortcuts (F1)").clicked() {
                        self.show_help = true;
                    }
                    ui.checkbox(&mut self.settings.coordinator, "Coordinator view")
                        .on_hover_text("Show every panel's ratings, submitted or not");
                    ui.checkbox(&mut self.settings.blind, "Blind mode")
                        .on_hover_text("Replace candidates' names with stable aliases");
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
                    if self.needs_aggregates()
                        && self.summary.is_some()
                        && !self.aggregates_current()
                    {
                        ui.weak("Updating the numbers…");
                        ui.spinner();
                    }
                });
            });
            if let Some(info) = self.info.clone() {
                ui.horizontal(|ui| {
                    ui.label(info);
                    if ui.button("OK").clicked() {
                        self.info = None;
                    }
                });
            }
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

/// Where "keep both" puts the user's version: a name every sync tool and
/// this app treat as a conflict copy, next to the original.
fn conflict_copy_path(path: &Path, now: crate::model::Timestamp) -> PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("scorecard");
    let when = now.as_utc().format("%Y-%m-%d %H%M%S");
    path.with_file_name(format!(
        "{stem} (conflicted copy kept by Scorecard {when}).ron"
    ))
}

/// Puts a scorecard into the in-memory snapshot, so lists show it before
/// the worker has written it. Returns whether anything but a draft's
/// content changed: a draft that stays a draft counts in no aggregate.
fn upsert_scorecard(snapshot: &mut WorkspaceSnapshot, path: &Path, scorecard: &Scorecard) -> bool {
    let Some(record) = snapshot
        .candidates
        .iter_mut()
        .find(|r| r.candidate.id == scorecard.candidate)
    else {
        return false;
    };
    // Copies the record only if the aggregates thread still reads it.
    let record = Arc::make_mut(record);
    match record.scorecards.iter_mut().find(|s| s.path == path) {
        Some(existing) => {
            let was_submitted = existing.scorecard.is_submitted();
            existing.scorecard = scorecard.clone();
            was_submitted || scorecard.is_submitted()
        }
        None => {
            record.scorecards.push(ScorecardRecord {
                path: PathBuf::from(path),
                scorecard: scorecard.clone(),
                fingerprint: None,
            });
            record.scorecards.sort_by(|a, b| a.path.cmp(&b.path));
            true
        }
    }
}

/// The debrief screen while the aggregates are computed.
fn computing_ui(ui: &mut egui::Ui) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("Debrief");
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Computing the panel's numbers…");
        });
    });
}

/// A debrief export, as asked for.
struct ExportRequest {
    candidate: Slug,
    format: Format,
    path: PathBuf,
    /// Aliases instead of names.
    blind: bool,
}

/// What the debrief screen can show.
enum DebriefView {
    /// The panel's ratings are hidden from this user (see [`panel_visible`]).
    Hidden,
    /// The aggregates do not include this candidate yet.
    Computing,
    /// The debrief.
    Ready(Box<Debrief>),
}

impl eframe::App for ScorecardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let time = ctx.input(|i| i.time);
        if !self.started {
            if ctx.cumulative_frame_nr() == 0 {
                // The second frame starts the reading; ask for it.
                ctx.request_repaint();
            } else {
                self.start_reading(ctx);
            }
        }
        self.handle_reports(time);
        self.autosave(time, false);
        self.refresh_changed_files(ctx, time);
        self.update_aggregates();
        if let Some(receiver) = &self.chosen_path
            && let Ok(chosen) = receiver.try_recv()
        {
            self.chosen_path = None;
            match (chosen, &mut self.screen) {
                (Some(path), Screen::Debrief(debrief)) => {
                    debrief.export_path = path.display().to_string();
                }
                (Some(_), _) => {}
                (None, _) => {
                    self.info = Some("No file chosen: type the path instead".to_owned());
                }
            }
        }
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
            let progress = self.worker.load_progress();
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
            Screen::Debrief(screen) => Some(self.debrief(&screen.candidate, self.settings.blind)),
            _ => None,
        };
        let templates_dir = self.workspace.templates_dir();
        let Self {
            snapshot,
            settings,
            home,
            screen,
            clock,
            summary,
            ..
        } = self;
        let mut cx = ViewContext {
            snapshot,
            generation: self.generation,
            settings,
            now: clock.now(),
            templates_dir: &templates_dir,
            commands: &mut commands,
        };
        match screen {
            Screen::Home => home.ui(ui, &mut cx),
            Screen::Setup(setup) => setup.ui(ui, &mut cx),
            Screen::Interview(interview) => interview.ui(ui, &mut cx),
            Screen::Debrief(screen) => match debrief {
                Some(DebriefView::Ready(debrief)) => screen.ui(ui, &mut cx, Some(&debrief)),
                Some(DebriefView::Computing) => computing_ui(ui),
                Some(DebriefView::Hidden) | None => screen.ui(ui, &mut cx, None),
            },
            Screen::Templates(templates) => templates.ui(ui, &mut cx),
            Screen::Compare(compare) => {
                let aggregates = summary.as_ref().map(|(generation, summary)| Aggregates {
                    generation: *generation,
                    summary,
                });
                let template = compare
                    .template
                    .as_ref()
                    .and_then(|id| cx.snapshot.templates.get(id.as_str()))
                    .map(|e| &e.template);
                compare.ui(ui, &mut cx, template, aggregates);
            }
        }
        help_overlay_ui(ui.ctx(), &mut self.show_help);
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
