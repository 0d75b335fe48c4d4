//! The app's side of the Validity screen: its figures are built on their
//! own thread (a [`LatestWorker`](super::latest_worker)) from the
//! workspace and the aggregates as they are, whatever the workspace's
//! size (each template's bootstrap is 2,000 resamples), and installed when
//! they come back; the screen says it is working meanwhile.

use std::sync::Arc;

use super::scorecard_app::ScorecardApp;
use super::screen::Screen;
use crate::ui::{ValidityFigures, ValidityKey};

impl ScorecardApp {
    /// Keeps the Validity screen's figures those of the workspace and
    /// aggregates as they are.
    pub(super) fn update_validity(&mut self) {
        let ws = &mut self.ws;
        let Screen::Validity(screen) = &mut self.screen else {
            return;
        };
        if let Some(figures) = ws.validity.try_recv() {
            screen.install(figures);
        }
        let Some(shown) = self.aggregates.shown() else {
            return;
        };
        let key = ValidityKey {
            generation: ws.snapshot.generation(),
            revision: shown.revision,
        };
        if screen.figures_are(&key) || ws.validity.has_asked(&key) {
            return;
        }
        let ctx = self.egui_ctx.clone();
        let snapshot = ws.snapshot.clone();
        let summary = Arc::clone(&shown.summary);
        let job = move || ValidityFigures::build(key, &snapshot, &summary);
        if !ws.validity.ask(&key, job, move || ctx.request_repaint()) {
            log::warn!("no thread to build the validity study: built in the frame");
            screen.install(ValidityFigures::build(key, &ws.snapshot, &shown.summary));
        }
    }
}
