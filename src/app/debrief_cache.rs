//! The debrief on screen, built once per change rather than every frame:
//! kept until the workspace, the aggregates or the view settings move.

use std::sync::Arc;

use crate::io::WorkspaceSnapshot;
use crate::model::stats::Summary;
use crate::model::{Debrief, Slug, Timestamp};
use crate::ui::{Settings, panel_visible};

/// What the debrief screen can show.
#[derive(Clone)]
pub enum DebriefView {
    /// The panel's ratings are hidden from this user (see [`panel_visible`]).
    Hidden,
    /// The aggregates do not include this candidate yet.
    Computing,
    /// The debrief.
    Ready(Arc<Debrief>),
}

/// Everything a debrief is built from: when none of it moved, the debrief
/// built last is still right.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    candidate: Slug,
    /// The snapshot's generation.
    generation: u64,
    /// Which result of the aggregates thread (`None`: none yet).
    aggregates: Option<u64>,
    blind: bool,
    coordinator: bool,
    interviewer: String,
    /// The minute owed scorecards are counted at.
    minute: i64,
}

/// The last debrief built, and what it was built from.
#[derive(Default)]
pub struct DebriefCache {
    last: Option<(Key, DebriefView)>,
}

impl DebriefCache {
    /// The debrief of `candidate`, built again only if something it reads
    /// changed.
    pub fn get(
        &mut self,
        candidate: &Slug,
        snapshot: &WorkspaceSnapshot,
        generation: u64,
        summary: Option<(u64, &Summary)>,
        settings: &Settings,
        as_of: Timestamp,
    ) -> DebriefView {
        let key = Key {
            minute: as_of.unix_seconds().div_euclid(60),
            candidate: candidate.clone(),
            generation,
            aggregates: summary.map(|(revision, _)| revision),
            blind: settings.blind,
            coordinator: settings.coordinator,
            interviewer: settings.interviewer.clone(),
        };
        if let Some((last, view)) = &self.last
            && *last == key
        {
            return view.clone();
        }
        let view = build_debrief(
            candidate,
            snapshot,
            summary.map(|(_, s)| s),
            settings,
            settings.blind,
            as_of,
        );
        self.last = Some((key, view.clone()));
        view
    }

    /// Forgets the debrief (its candidate was erased).
    pub fn clear(&mut self) {
        self.last = None;
    }
}

/// The debrief of a candidate, from `summary`; with names replaced by
/// aliases if `blind`; owed scorecards as of `as_of`.
pub fn build_debrief(
    id: &Slug,
    snapshot: &WorkspaceSnapshot,
    summary: Option<&Summary>,
    settings: &Settings,
    blind: bool,
    as_of: Timestamp,
) -> DebriefView {
    let Some(record) = snapshot.candidate(id.as_str()) else {
        return DebriefView::Hidden;
    };
    if !panel_visible(snapshot, record, settings) {
        return DebriefView::Hidden;
    }
    // A candidate added since the aggregates were computed is not in them
    // yet.
    let Some(summary) = summary.and_then(|s| s.candidates.iter().find(|c| &c.id == id)) else {
        return DebriefView::Computing;
    };
    let cards: Vec<_> = record
        .scorecards
        .iter()
        .map(|s| s.scorecard.clone())
        .collect();
    let template = snapshot.templates().get(record.candidate.template.as_str());
    let debrief = Debrief::build_with_nudges(
        &record.candidate,
        &cards,
        template.map(|e| &e.template),
        summary,
        blind,
        snapshot.nudges(),
    );
    DebriefView::Ready(Arc::new(snapshot.debrief_with_loop(debrief, record, as_of)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_workspace;
    use crate::model::Rating;

    fn snapshot() -> WorkspaceSnapshot {
        test_workspace::snapshot(vec![test_workspace::record(
            "c-1",
            "Alex Doe",
            &[("Priya Raman", Rating::Meets)],
        )])
    }

    fn now() -> Timestamp {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    fn ready(view: &DebriefView) -> Arc<Debrief> {
        match view {
            DebriefView::Ready(debrief) => Arc::clone(debrief),
            DebriefView::Hidden => panic!("hidden"),
            DebriefView::Computing => panic!("computing"),
        }
    }

    #[test]
    fn the_debrief_is_built_again_only_when_what_it_reads_changes() {
        let snapshot = snapshot();
        let summary = snapshot.summarize();
        let id = Slug::new("c-1").unwrap();
        let mut settings = Settings {
            coordinator: true,
            ..Settings::default()
        };
        let mut cache = DebriefCache::default();
        let first = ready(&cache.get(&id, &snapshot, 1, Some((1, &summary)), &settings, now()));
        let again = ready(&cache.get(&id, &snapshot, 1, Some((1, &summary)), &settings, now()));
        assert!(Arc::ptr_eq(&first, &again), "same inputs, same debrief");

        let newer = ready(&cache.get(&id, &snapshot, 2, Some((2, &summary)), &settings, now()));
        assert!(!Arc::ptr_eq(&first, &newer), "a change builds it again");

        settings.blind = true;
        let blind = ready(&cache.get(&id, &snapshot, 2, Some((2, &summary)), &settings, now()));
        assert!(!Arc::ptr_eq(&newer, &blind));
        assert_ne!(blind.display_name, "Alex Doe");

        settings.coordinator = false;
        settings.interviewer = "Sam Lee".to_owned();
        assert!(matches!(
            cache.get(&id, &snapshot, 2, Some((2, &summary)), &settings, now()),
            DebriefView::Hidden
        ));
    }

    #[test]
    fn without_aggregates_the_debrief_is_computing() {
        let snapshot = snapshot();
        let settings = Settings {
            coordinator: true,
            ..Settings::default()
        };
        let view = DebriefCache::default().get(
            &Slug::new("c-1").unwrap(),
            &snapshot,
            1,
            None,
            &settings,
            now(),
        );
        assert!(matches!(view, DebriefView::Computing));
    }
}
