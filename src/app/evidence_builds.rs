//! The app's side of the evidence figures (day drift, panel reliability):
//! built in the frame on a small workspace, else handed to a
//! [`LatestWorker`](super::latest_worker) and installed when they come
//! back, while a screen that shows them is open. The screen shows the
//! newest built meanwhile.

use super::scorecard_app::ScorecardApp;
use super::screen::Screen;
use crate::ui::{Evidence, EvidenceKey};

impl ScorecardApp {
    /// Keeps the evidence figures those of the workspace as it is, in the
    /// zone the app shows, while the interviewers, templates, compare or
    /// openings screen is open.
    pub(super) fn update_evidence(&mut self) {
        let ws = &mut self.ws;
        if let Some(evidence) = ws.evidence_worker.try_recv() {
            ws.evidence = Some(evidence);
        }
        let shows = matches!(
            self.screen,
            Screen::Interviewers(_)
                | Screen::Templates(_)
                | Screen::Compare(_)
                | Screen::Openings(_)
        );
        if !shows || !ws.loaded {
            return;
        }
        let key = EvidenceKey {
            generation: ws.snapshot.generation(),
            zone: self.settings.zone(self.system_zone),
        };
        if ws.evidence.as_ref().is_some_and(|e| e.key == key) {
            return;
        }
        if ws.snapshot.candidates().len() >= super::latest_worker::INLINE_BELOW {
            if ws.evidence_worker.has_asked(&key) {
                return;
            }
            let ctx = self.egui_ctx.clone();
            let snapshot = ws.snapshot.clone();
            let job = move || Evidence::build(key, &snapshot);
            if ws
                .evidence_worker
                .ask(&key, job, move || ctx.request_repaint())
            {
                return;
            }
        }
        ws.evidence = Some(Evidence::build(key, &ws.snapshot));
    }
}
