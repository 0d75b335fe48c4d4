//! The app's side of what screens show that is built from the whole
//! workspace (Home's lists, the compare table): found in the frame on a
//! small workspace, else handed to a [`LatestWorker`](super::latest_worker)
//! and installed when it comes back.

use std::sync::Arc;

use super::scorecard_app::ScorecardApp;
use super::screen::Screen;
use crate::ui::{CompareTable, HomeLists};

impl ScorecardApp {
    /// Keeps Home's lists those of the workspace as it is: found in the
    /// frame on a small workspace, else on their own thread, the screen
    /// showing the newest found meanwhile.
    pub(super) fn update_home_lists(&mut self) {
        let ws = &mut self.ws;
        if let Some(lists) = ws.home_lists.try_recv() {
            ws.home.install(lists);
        }
        if !matches!(self.screen, Screen::Home) {
            return;
        }
        let now = self.clock.now();
        let wanted = ws.home.wanted_lists(&ws.snapshot, &self.settings, now);
        if ws.home.lists_are(&wanted) {
            return;
        }
        let big = ws.snapshot.candidates().len() >= super::latest_worker::INLINE_BELOW;
        if big {
            if ws.home_lists.has_asked(&wanted) {
                return;
            }
            let ctx = self.egui_ctx.clone();
            let (key, snapshot) = (wanted.clone(), ws.snapshot.clone());
            let job = move || HomeLists::find(&snapshot, key, now);
            if ws
                .home_lists
                .ask(&wanted, job, move || ctx.request_repaint())
            {
                return;
            }
        }
        ws.home.install(HomeLists::find(&ws.snapshot, wanted, now));
    }

    /// Keeps the compare table that of the workspace and aggregates as they
    /// are: built in the frame on a small workspace, else on its own
    /// thread, the screen showing the newest built meanwhile.
    pub(super) fn update_compare_table(&mut self) {
        let ws = &mut self.ws;
        let Screen::Compare(compare) = &mut self.screen else {
            return;
        };
        if let Some(table) = ws.compare_tables.try_recv() {
            compare.install(table);
        }
        let (Some(template), Some(shown)) = (
            compare
                .template
                .as_ref()
                .and_then(|id| ws.snapshot.templates().get(id.as_str())),
            self.aggregates.shown(),
        ) else {
            return;
        };
        let template = &template.template;
        let generation = ws.snapshot.generation();
        let wanted = compare.wanted_table(generation, &self.settings, &template.id, shown.revision);
        if compare.table_is(&wanted) {
            return;
        }
        if ws.snapshot.candidates().len() >= super::latest_worker::INLINE_BELOW {
            if ws.compare_tables.has_asked(&wanted) {
                return;
            }
            let ctx = self.egui_ctx.clone();
            let key = wanted.clone();
            let snapshot = ws.snapshot.clone();
            let settings = self.settings.clone();
            let summary = Arc::clone(&shown.summary);
            let template = template.clone();
            let job = move || CompareTable::build(key, &snapshot, &settings, &summary, &template);
            if ws
                .compare_tables
                .ask(&wanted, job, move || ctx.request_repaint())
            {
                return;
            }
        }
        compare.install(CompareTable::build(
            wanted,
            &ws.snapshot,
            &self.settings,
            &shown.summary,
            template,
        ));
    }
}

impl ScorecardApp {
    /// Keeps the interviewers name fields offer those of the workspace as
    /// it is, found on their own thread (they read `people.ron`) each time
    /// the workspace changes while a screen with name fields is open; the
    /// fields offer the last found meanwhile.
    pub(super) fn update_known_people(&mut self) {
        let ws = &mut self.ws;
        if let Some((generation, people)) = ws.people_finder.try_recv() {
            ws.known_people = (Some(generation), people);
        }
        // Only the screens with name fields need them.
        let wanted = matches!(
            self.screen,
            Screen::Setup(_) | Screen::Openings(_) | Screen::Debrief(_)
        );
        let generation = ws.snapshot.generation();
        if !wanted
            || !ws.loaded
            || ws.known_people.0 == Some(generation)
            || ws.people_finder.has_asked(&generation)
        {
            return;
        }
        let ctx = self.egui_ctx.clone();
        let root = ws.workspace.root().to_path_buf();
        let snapshot = ws.snapshot.clone();
        let job = move || (generation, crate::io::known_people(&root, &snapshot));
        if !ws
            .people_finder
            .ask(&generation, job, move || ctx.request_repaint())
        {
            log::warn!("no thread to find the known interviewers: name fields offer none");
            ws.known_people.0 = Some(generation);
        }
    }
}
