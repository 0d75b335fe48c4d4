//! The views' commands, applied: which screen opens, what the worker is
//! asked to do.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::debrief_cache::{DebriefView, build_debrief};
use super::edit_session::EditSession;
use super::io_worker::Job;
use super::open_workspace::ExportRequest;
use super::scorecard_app::ScorecardApp;
use super::screen::Screen;
use crate::export::Format;
use crate::io::{CandidateRecord, OpeningRecord};
use crate::model::new_candidate_id;
use crate::model::{Candidate, Decision, Interview, Opening, Scorecard, Slug};
use crate::ui::OpeningsScreen;
use crate::ui::{
    Command, CompareScreen, DebriefScreen, InterviewScreen, InterviewersScreen, PracticeScreen,
    SetupScreen, TemplatesScreen,
};

impl ScorecardApp {
    /// Applies one command at UI time `time`.
    pub(super) fn apply(&mut self, command: Command, time: f64) {
        match command {
            Command::GoHome => self.leave_to(Screen::Home, time),
            Command::OpenImport(kind) => self.open_import(kind, time),
            Command::ChooseImportFile(kind) => self.choose_import_file(kind),
            Command::PreviewImport {
                kind,
                files,
                opening,
                skip_broken,
            } => self.preview_import(kind, files, opening, skip_broken),
            Command::ApplyImport => self.apply_import(),
            Command::RetryHeldWords(copy) => self.retry_held_words(&copy),
            Command::SaveHeldWordsAs { copy, path } => self.save_held_words_as(&copy, path),
            Command::DiscardHeldWords(copy) => self.discard_held_words(&copy, time),
            Command::Remind {
                interviewer,
                candidate_name,
                stage_name,
                at,
                due,
            } => self.reminders.mail(
                self.ws.workspace.root().to_owned(),
                super::reminders::MailRequest {
                    interviewer,
                    candidate_name,
                    stage_name,
                    at,
                    due,
                    zone: self.settings.zone(self.system_zone),
                    now: self.clock.now(),
                },
            ),
            Command::OpenCandidate(id) => self.leave_to(Screen::Setup(SetupScreen::new(id)), time),
            Command::CreateCandidate { name, template } => {
                self.create_candidate(name, template, None, time)
            }
            Command::StartInterview { candidate, stage } => {
                self.start_interview(&candidate, stage, time)
            }
            Command::OpenScorecard(path) => self.open_scorecard(&path, time),
            Command::OpenDebrief(id) => {
                self.leave_to(Screen::Debrief(DebriefScreen::new(id)), time)
            }
            Command::OpenCompare => self.open_compare(time),
            Command::ChooseExportPath { suggested } => self.choose_export_path(suggested),
            Command::ResolveConflict(resolution) => self.resolve_conflict(resolution),
            Command::OpenTemplates => {
                self.leave_to(Screen::Templates(TemplatesScreen::default()), time)
            }
            Command::SaveTemplate(template) => self.ws.worker.send(Job::SaveTemplate(template)),
            Command::OpenPractice => {
                self.leave_to(Screen::Practice(PracticeScreen::default()), time)
            }
            Command::OpenValidity => {
                self.leave_to(Screen::Validity(crate::ui::ValidityScreen::default()), time);
            }
            Command::OpenInterviewers => {
                self.leave_to(Screen::Interviewers(InterviewersScreen::default()), time);
            }
            Command::SavePracticeRound(round) => self.save_practice_round(round),
            Command::EraseCandidates(ids) => self.erase_candidates(ids, time),
            Command::ExportDebrief {
                candidate,
                format,
                path,
            } => self.export_debrief(&candidate, format, path),
            Command::OpenSampleWorkspace => {
                let root = crate::ui::sample_folder(self.ws.workspace.root());
                self.info = Some(format!(
                    "Writing the sample workspace to {}…",
                    root.display()
                ));
                self.ws.worker.send(Job::WriteSample {
                    root,
                    now: self.clock.now(),
                });
            }
            Command::OpenWorkspace(root) => self.switch_workspace(root, time),
            Command::ChooseWorkspaceFolder => self.choose_workspace_folder(),
            Command::WriteKit {
                template,
                stage,
                format,
                path,
            } => self.write_kit(&template, &stage, format, path),
            Command::OpenOpenings => {
                self.leave_to(Screen::Openings(OpeningsScreen::default()), time)
            }
            Command::SaveOpening(opening) => self.save_opening(opening),
            Command::CreateCandidateForOpening { name, opening } => {
                self.create_candidate_for_opening(name, &opening, time)
            }
            Command::SavePlan {
                candidate,
                interviews,
            } => self.save_plan(&candidate, interviews),
            Command::RecordDecision(decision) => self.record_decision(decision),
        }
    }

    /// Shows the opening at once and writes it on the worker (the watcher
    /// and the worker's report read it back).
    fn save_opening(&mut self, opening: Box<Opening>) {
        let record = OpeningRecord {
            path: self.ws.workspace.opening_path(&opening.id),
            opening: (*opening).clone(),
            spots: crate::io::Spots::default(),
        };
        self.ws.snapshot.save_opening(record);
        self.ws.worker.send(Job::SaveOpening(opening));
    }

    /// A new candidate of an opening: its template, its default panel as
    /// their plan, every interview at the time they are added (the
    /// coordinator types the real times on their page).
    fn create_candidate_for_opening(&mut self, name: String, opening: &Slug, time: f64) {
        let Some(opening) = self.ws.snapshot.opening(opening.as_str()).cloned() else {
            self.problems
                .push(format!("Opening {opening} is no longer in the workspace"));
            return;
        };
        let plan = Candidate::plan_from(&opening, self.clock.now());
        self.create_candidate(
            name,
            opening.template.clone(),
            Some((opening.id.clone(), plan)),
            time,
        );
    }

    /// Shows the new plan at once and writes the candidate's record.
    fn save_plan(&mut self, candidate: &Slug, interviews: Vec<Interview>) {
        match self.ws.snapshot.set_plan(candidate, interviews) {
            Some(saved) => self.ws.worker.send(Job::SavePlan(Box::new(saved))),
            None => self.problems.push(format!(
                "Candidate {candidate} is no longer in the workspace"
            )),
        }
    }

    /// Shows the decision at once and writes `decision.ron`.
    fn record_decision(&mut self, decision: Box<Decision>) {
        self.ws.snapshot.set_decision((*decision).clone());
        self.ws.debriefs.clear();
        self.ws.worker.send(Job::SaveDecision(decision));
    }

    /// Switches screen; an interview left behind closes its session (its
    /// last edits are saved, or kept beside a file that changed).
    pub(super) fn leave_to(&mut self, screen: Screen, time: f64) {
        self.leave_interview(time);
        self.screen = screen;
    }

    /// Opens the compare table on the template most candidates are
    /// interviewed for.
    fn open_compare(&mut self, time: f64) {
        let mut counts: std::collections::BTreeMap<&Slug, usize> = Default::default();
        for record in self.ws.snapshot.candidates() {
            *counts.entry(&record.candidate.template).or_default() += 1;
        }
        let busiest = counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(id, _)| id.clone());
        let compare = CompareScreen::new(busiest.or_else(|| {
            self.ws
                .snapshot
                .templates()
                .iter()
                .next()
                .map(|e| e.template.id.clone())
        }));
        self.leave_to(Screen::Compare(compare), time);
    }

    /// Nothing of theirs stays on screen or in memory; an open scorecard of
    /// theirs is dropped, not saved (that would bring a file back).
    fn erase_candidates(&mut self, ids: Vec<Slug>, time: f64) {
        self.drop_sessions_of(&ids);
        self.leave_to(Screen::Home, time);
        self.ws.snapshot.erase(&ids);
        // The aggregates and the debrief hold their names and red flags too.
        self.aggregates.forget_shown();
        self.ws.debriefs.clear();
        self.ws.worker.send(Job::Erase(ids));
    }

    fn create_candidate(
        &mut self,
        name: String,
        template: Slug,
        opening: Option<(Slug, Vec<Interview>)>,
        time: f64,
    ) {
        let id = new_candidate_id(|id| {
            self.ws
                .snapshot
                .candidates()
                .iter()
                .any(|r| r.candidate.id.as_str() == id)
                || self.ws.workspace.candidates_dir().join(id).exists()
        });
        let mut candidate = Candidate::new(id.clone(), name, template, self.clock.now());
        if let Some((opening, interviews)) = opening {
            candidate.opening = Some(opening);
            candidate.interviews = interviews;
        }
        let record = CandidateRecord {
            dir: self.ws.workspace.candidate_dir(&id),
            candidate: candidate.clone(),
            scorecards: Vec::new(),
            decision: None,
            performance: None,
            spots: crate::io::Spots::default(),
            modified: None,
        };
        self.ws.snapshot.add_candidate(record);
        self.ws.worker.send(Job::SaveCandidate(Box::new(candidate)));
        self.leave_to(Screen::Setup(SetupScreen::new(id)), time);
    }

    fn setup_problem(&mut self, problem: String) {
        match &mut self.screen {
            Screen::Setup(setup) => setup.problem = Some(problem),
            _ => self.problems.push(problem),
        }
    }

    fn start_interview(&mut self, candidate: &Slug, stage: String, time: f64) {
        let interviewer = self.settings.interviewer.trim().to_owned();
        let path = match self
            .ws
            .workspace
            .scorecard_path(candidate, &interviewer, &stage)
        {
            Ok(path) => path,
            Err(err) => return self.setup_problem(format!("{err:#}")),
        };
        if self.ws.snapshot.candidate(candidate.as_str()).is_none() {
            return self.setup_problem(format!("candidate {candidate} is not in the workspace"));
        }
        if self.open_scorecard_if_known(&path, time) {
            return;
        }
        if let Some(err) = self.ws.snapshot.errors().iter().find(|e| e.path == path) {
            let problem = format!(
                "Your scorecard for this stage cannot be read, so it is left as it is. \
                 Fix or move the file, then restart: {err}"
            );
            return self.setup_problem(problem);
        }
        let Some(record) = self.ws.snapshot.candidate(candidate.as_str()) else {
            return;
        };
        let Some(entry) = self
            .ws
            .snapshot
            .templates()
            .get(record.candidate.template.as_str())
        else {
            return self.setup_problem(format!(
                "template {} is not in effect",
                record.candidate.template
            ));
        };
        let scorecard = Scorecard::draft(
            candidate.clone(),
            entry.template.id.clone(),
            entry.template.version,
            &interviewer,
            &stage,
            self.clock.now(),
        );
        let mut interview = InterviewScreen::new(
            record.candidate.clone(),
            entry.template.clone(),
            path.clone(),
            scorecard,
            time,
        );
        // A new draft goes to disk at once, so it shows as pending even if
        // nothing is typed before the app closes.
        interview.edits = 1;
        self.leave_to(Screen::Interview(Box::new(interview)), time);
        self.begin_editing(EditSession::new_draft(path));
        self.autosave(time);
    }

    fn open_scorecard(&mut self, path: &Path, time: f64) {
        if !self.open_scorecard_if_known(path, time) {
            self.problems
                .push(format!("{} is no longer in the workspace", path.display()));
        }
    }

    /// Opens the scorecard at `path` if the workspace holds it.
    fn open_scorecard_if_known(&mut self, path: &Path, time: f64) -> bool {
        let found = self.ws.snapshot.candidates().iter().find_map(|record| {
            record
                .scorecards
                .iter()
                .find(|s| s.path == path)
                .map(|s| (record.candidate.clone(), s.scorecard.clone(), s.fingerprint))
        });
        let Some((candidate, scorecard, fingerprint)) = found else {
            return false;
        };
        let Some(entry) = self
            .ws
            .snapshot
            .templates()
            .get(scorecard.template.as_str())
        else {
            self.problems.push(format!(
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
        self.begin_editing(EditSession::opened(path.to_path_buf(), fingerprint, 0));
        true
    }

    /// Takes the file dialog's answer, when it comes.
    pub(super) fn take_chosen_path(&mut self) {
        let Some(receiver) = &self.ws.chosen_path else {
            return;
        };
        let Ok(chosen) = receiver.try_recv() else {
            return;
        };
        self.ws.chosen_path = None;
        if let (Some(path), true) = (&chosen, self.held_words().is_some()) {
            // The prompt for held words asked, over whatever screen.
            self.held_prompt.path = path.display().to_string();
            return;
        }
        match (chosen, &mut self.screen) {
            (Some(path), Screen::Debrief(debrief)) => {
                debrief.export_path = path.display().to_string();
            }
            (Some(path), Screen::Setup(setup)) => {
                if let Some(kit) = &mut setup.kit {
                    kit.path = path.display().to_string();
                }
            }
            (Some(path), Screen::Import(import)) => {
                import.path = path.display().to_string();
                import.dropped.clear();
                import.skip_broken = false;
                import.preview_requested = true;
            }
            (Some(path), Screen::Templates(templates)) => {
                if let Some(kit) = &mut templates.kit {
                    kit.path = path.display().to_string();
                }
            }
            (Some(_), _) => {}
            (None, _) => {
                self.info = Some("No file chosen: type the path instead".to_owned());
            }
        }
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
            Ok(_) => self.ws.chosen_path = Some(receiver),
            Err(err) => {
                self.problems.push(format!(
                    "Cannot open the file dialog ({err:#}): type a path instead"
                ));
            }
        }
    }

    fn export_debrief(&mut self, candidate: &Slug, format: Format, path: PathBuf) {
        if path.as_os_str().is_empty() {
            self.problems
                .push("Type where to save the export, or choose a file".to_owned());
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
            self.ws.pending_export = Some(request);
        }
    }

    /// Opens the platform's folder dialog on its own thread; the folder
    /// picked is opened by [`Self::take_chosen_folder`].
    fn choose_workspace_folder(&mut self) {
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("folder-dialog".to_owned())
            .spawn(move || {
                let _ = sender.send(rfd::FileDialog::new().pick_folder());
            });
        match spawned {
            Ok(_) => self.ws.chosen_folder = Some(receiver),
            Err(err) => {
                log::warn!("cannot open the folder dialog: {err:#}");
                self.problems.push(format!(
                    "Cannot open the folder dialog ({err:#}): type the folder instead"
                ));
            }
        }
    }

    /// Opens the workspace folder picked in the dialog, once it arrives.
    pub(super) fn take_chosen_folder(&mut self, time: f64) {
        let Some(receiver) = &self.ws.chosen_folder else {
            return;
        };
        let Ok(chosen) = receiver.try_recv() else {
            return;
        };
        self.ws.chosen_folder = None;
        match chosen {
            Some(root) => self.switch_workspace(root, time),
            None => self.info = Some("No folder chosen: type the folder instead".to_owned()),
        }
    }

    /// Renders one stage's interview kit and hands it to the worker, which
    /// writes it by the export-target rules.
    fn write_kit(&mut self, template: &Slug, stage: &str, format: Format, path: PathBuf) {
        if path.as_os_str().is_empty() {
            self.problems
                .push("Type where to save the kit, or choose a file".to_owned());
            return;
        }
        let Some(entry) = self.ws.snapshot.templates().get(template.as_str()) else {
            self.problems
                .push(format!("Template {template} is no longer in effect"));
            return;
        };
        let kit = match crate::export::kit_stage(&entry.template, stage) {
            Ok(kit) => kit,
            Err(err) => {
                self.problems.push(format!("{err}"));
                return;
            }
        };
        let text = match format {
            Format::Markdown => crate::export::kit_markdown(&entry.template, &kit),
            _ => crate::export::kit_html(&entry.template, &kit),
        };
        self.ws.worker.send(Job::WriteExport {
            path,
            bytes: text.into_bytes(),
        });
    }

    /// Renders a debrief export from the current aggregates and hands it to
    /// the worker.
    pub(super) fn write_export(&mut self, request: ExportRequest) {
        let summary = self.aggregates.summary();
        let debrief = match build_debrief(
            &request.candidate,
            &self.ws.snapshot,
            summary,
            &self.settings,
            request.blind,
            self.clock.now(),
        ) {
            DebriefView::Ready(debrief) => debrief,
            DebriefView::Hidden
                if self
                    .ws
                    .snapshot
                    .candidate(request.candidate.as_str())
                    .is_some() =>
            {
                self.problems
                    .push("This debrief is hidden from you, so it cannot be exported".to_owned());
                return;
            }
            DebriefView::Hidden | DebriefView::Computing => {
                self.problems.push(
                    "The export was not written: the candidate is no longer in the workspace"
                        .to_owned(),
                );
                return;
            }
        };
        match crate::export::render_debrief(&debrief, request.format) {
            Ok(text) => self.ws.worker.send(Job::WriteExport {
                path: request.path,
                bytes: text.into_bytes(),
            }),
            Err(err) => {
                self.problems.push(format!("The export failed: {err:#}"));
            }
        }
    }
}
