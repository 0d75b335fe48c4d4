//! The debrief on screen, built once per change rather than every frame:
//! kept until the workspace, the aggregates or the view settings move.

use std::sync::Arc;

use crate::io::WorkspaceSnapshot;
use crate::model::stats::Summary;
use crate::model::{Debrief, Slug};
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
    /// The generation the aggregates were computed from (`None`: none yet).
    aggregates: Option<u64>,
    blind: bool,
    coordinator: bool,
    interviewer: String,
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
    ) -> DebriefView {
        let key = Key {
            candidate: candidate.clone(),
            generation,
            aggregates: summary.map(|(generation, _)| generation),
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
/// aliases if `blind`.
pub fn build_debrief(
    id: &Slug,
    snapshot: &WorkspaceSnapshot,
    summary: Option<&Summary>,
    settings: &Settings,
    blind: bool,
) -> DebriefView {
    let Some(record) = snapshot.candidate(id.as_str()) else {
        return DebriefView::Hidden;
    };
    if !panel_visible(record, settings) {
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
    let template = snapshot.templates.get(record.candidate.template.as_str());
    DebriefView::Ready(Arc::new(Debrief::build(
        &record.candidate,
        &cards,
        template.map(|e| &e.template),
        summary,
        blind,
    )))
}
