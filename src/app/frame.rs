//! One frame of the app, as eframe runs it: `logic` takes the workers'
//! news and the clock, `ui` draws the screen shown and applies the commands
//! it emits; closing the window and exit end the edit sessions.

use std::time::Duration;

use super::debrief_cache::DebriefView;
use super::edit_session::EditSession;
use super::open_workspace::OpenWorkspace;
use super::scorecard_app::{SETTINGS_KEY, ScorecardApp};
use super::screen::Screen;
use crate::ui::{Aggregates as AggregatesView, Command, ViewContext, busy_ui, help_overlay_ui};

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
        self.update_references();
        self.update_aggregates();
        self.update_home_lists();
        self.update_compare_table();
        self.update_evidence();
        self.update_validity();
        self.update_known_people();
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
            system_zone,
            ..
        } = self;
        let OpenWorkspace {
            snapshot,
            home,
            known_people,
            evidence,
            ..
        } = ws;
        let evidence = evidence.as_ref();
        let summary = aggregates.shown();
        let zone = settings.zone(*system_zone);
        let mut cx = ViewContext {
            snapshot,
            generation,
            settings,
            now: clock.now(),
            zone,
            people: &known_people.1,
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
            Screen::Templates(templates) => templates.ui(ui, &mut cx, evidence),
            Screen::Practice(practice) => practice.ui(ui, &mut cx),
            Screen::Interviewers(view) => {
                let current = summary.map(|c| c.summary.as_ref());
                view.ui(ui, &mut cx, current, evidence);
            }
            Screen::Openings(openings) => openings.ui(ui, &mut cx, evidence),
            Screen::Import(import) => import.ui(ui, &mut cx),
            Screen::Validity(validity) => validity.ui(ui),
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
                compare.ui(ui, &mut cx, template, aggregates, evidence);
            }
        }
        help_overlay_ui(ui.ctx(), &mut self.show_help);
        if let Some(held) = self.sessions.held() {
            let id = &held.scorecard.candidate;
            let candidate = match self.ws.snapshot.candidate(id.as_str()) {
                Some(record) => crate::ui::display_name(&record.candidate, &self.settings),
                None => id.to_string(),
            };
            commands.extend(self.held_prompt.ui(ui.ctx(), &held, &candidate));
        }
        for command in commands {
            self.apply(command, time);
        }
        // A screen just opened may need the aggregates or Home's lists: ask
        // now rather than at the next frame's `logic`.
        self.update_references();
        self.update_aggregates();
        self.update_home_lists();
        self.update_compare_table();
        self.update_evidence();
        self.update_validity();
        self.update_known_people();
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
