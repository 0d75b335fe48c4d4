//! The app's side of the imports (DESIGN.md "In and out"): the import
//! screen's commands, files dropped on the window, and the worker's
//! previews and applies. What a preview found is kept here until *Apply*,
//! so what is written is what the table showed (each candidate file read
//! again at apply time, so a colleague's change since survives).

use std::path::PathBuf;
use std::sync::mpsc;

use super::import_preview::{PendingImport, PreviewFailure};
use super::io_worker::Job;
use super::scorecard_app::ScorecardApp;
use super::screen::Screen;
use crate::model::Slug;
use crate::ui::{ImportKind, ImportScreen, ImportState};

impl ScorecardApp {
    /// Opens the import screen of `kind`.
    pub(super) fn open_import(&mut self, kind: ImportKind, time: f64) {
        self.ws.pending_import = None;
        self.leave_to(Screen::Import(ImportScreen::new(kind)), time);
    }

    /// Asks the worker what importing `files` would do; the screen shows it
    /// when [`ScorecardApp::on_import_previewed`] gets the answer.
    pub(super) fn preview_import(
        &mut self,
        kind: ImportKind,
        files: Vec<PathBuf>,
        opening: Option<Slug>,
        skip_broken: bool,
    ) {
        self.ws.pending_import = None;
        self.ws.worker.send(Job::PreviewImport {
            kind,
            files,
            opening,
            skip_broken,
            snapshot: Box::new(self.ws.snapshot.clone()),
            zone: self.settings.zone(self.system_zone),
            now: self.clock.now(),
        });
    }

    /// Writes the import last previewed.
    pub(super) fn apply_import(&mut self) {
        let Some(pending) = self.ws.pending_import.take() else {
            self.problems
                .push("Preview the file again: there is nothing to apply".to_owned());
            return;
        };
        if let Screen::Import(screen) = &mut self.screen {
            screen.state = ImportState::Applying;
        }
        self.ws.worker.send(Job::ApplyImport(Box::new(pending)));
    }

    /// The worker's preview: shown on the import screen, kept for *Apply*.
    pub(super) fn on_import_previewed(
        &mut self,
        result: Result<(PendingImport, crate::ui::ImportPreview), PreviewFailure>,
    ) {
        let Screen::Import(screen) = &mut self.screen else {
            // The user left the screen meanwhile: nothing to show it on.
            return;
        };
        match result {
            Ok((pending, preview)) => {
                screen.state = ImportState::Preview(preview);
                self.ws.pending_import = Some(pending);
            }
            Err(PreviewFailure::Failed(message)) => screen.state = ImportState::Failed(message),
            Err(PreviewFailure::BrokenFiles(message)) => {
                log::warn!("invite files cannot be read: {message}");
                screen.state = ImportState::BrokenFiles(message);
            }
        }
    }

    /// The worker applied an import (or not): the screen says what was
    /// done, and the files written are read back.
    pub(super) fn on_import_applied(&mut self, result: Result<(Vec<PathBuf>, String), String>) {
        let state = match result {
            Ok((written, message)) => {
                if !written.is_empty() {
                    self.ws.worker.send(Job::Refresh(written));
                }
                self.info = Some(message.clone());
                ImportState::Applied(message)
            }
            Err(message) => {
                log::warn!("an import was not applied: {message}");
                ImportState::Failed(message)
            }
        };
        if let Screen::Import(screen) = &mut self.screen {
            screen.state = state;
        }
    }

    /// Files dropped on the window: an `.ics` opens the invites import, a
    /// `.csv` the candidates import, previewed at once when nothing more
    /// is needed. Several invites files are one import.
    pub(super) fn take_dropped_files(&mut self, ctx: &egui::Context, time: f64) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if dropped.is_empty() {
            return;
        }
        let kinds: Vec<Option<ImportKind>> =
            dropped.iter().map(|p| ImportKind::of_file(p)).collect();
        let Some(Some(kind)) = kinds.first().copied() else {
            self.problems.push(
                "Drop a calendar file (.ics) or an ATS export (.csv) to import it".to_owned(),
            );
            return;
        };
        if kinds.iter().any(|k| *k != Some(kind)) {
            self.problems
                .push("Drop invites (.ics) and candidates (.csv) one kind at a time".to_owned());
            return;
        }
        if kind == ImportKind::Candidates && dropped.len() > 1 {
            self.problems
                .push("Drop one ATS export (.csv) at a time".to_owned());
            return;
        }
        // The opening chosen on a candidates import already open is kept.
        let opening = match &self.screen {
            Screen::Import(screen) if screen.kind == kind => screen.opening.clone(),
            _ => None,
        };
        let mut screen = ImportScreen::of_files(kind, &dropped);
        screen.opening = opening;
        self.ws.pending_import = None;
        self.leave_to(Screen::Import(screen), time);
    }

    /// Opens the platform's file dialog for an import on its own thread;
    /// the file picked arrives through `chosen_path`.
    pub(super) fn choose_import_file(&mut self, kind: ImportKind) {
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let dialog = match kind {
                    ImportKind::Invites => {
                        rfd::FileDialog::new().add_filter("Calendar", &["ics", "ical"])
                    }
                    ImportKind::Candidates => {
                        rfd::FileDialog::new().add_filter("Spreadsheet", &["csv", "txt"])
                    }
                };
                let _ = sender.send(dialog.pick_file());
            });
        match spawned {
            Ok(_) => self.ws.chosen_path = Some(receiver),
            Err(err) => {
                self.problems.push(format!(
                    "Cannot open the file dialog ({err:#}): type the path instead"
                ));
            }
        }
    }
}
