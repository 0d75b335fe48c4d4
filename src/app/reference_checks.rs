//! The app's side of the whole reference check a template or an opening
//! change leaves due ([`WorkspaceSnapshot::references_due`]): done in the
//! frame on a small workspace, else on its own thread on a copy of the
//! snapshot, and taken back if the snapshot has not moved on meanwhile
//! (else asked again). The errors shown trail the change by that check:
//! at 100,000 scorecards some 14 ms, too long for a frame.
//!
//! [`WorkspaceSnapshot::references_due`]: crate::io::WorkspaceSnapshot::references_due

use super::latest_worker::INLINE_BELOW;
use super::scorecard_app::ScorecardApp;

impl ScorecardApp {
    /// Takes a reference check that came back, and asks for one if due.
    pub(super) fn update_references(&mut self) {
        let ws = &mut self.ws;
        if let Some(checked) = ws.reference_checks.try_recv()
            && ws.snapshot.take_references(checked)
        {
            // Only the errors moved: no candidate the aggregates read.
            self.aggregates.note_changed([]);
        }
        if !ws.snapshot.references_due() {
            return;
        }
        let generation = ws.snapshot.generation();
        if ws.snapshot.candidates().len() >= INLINE_BELOW {
            if ws.reference_checks.has_asked(&generation) {
                return;
            }
            let ctx = self.egui_ctx.clone();
            let snapshot = ws.snapshot.clone();
            let job = move || snapshot.check_references();
            if ws
                .reference_checks
                .ask(&generation, job, move || ctx.request_repaint())
            {
                return;
            }
        }
        if ws.snapshot.check_references_now() {
            self.aggregates.note_changed([]);
        }
    }
}
