//! The two lists on Home, found once per workspace change instead of every
//! frame: the candidates matching the search, newest first, and the pending
//! drafts. On the 10k demo (2,600 candidates, 10,000 scorecards) finding
//! them took most of each Home frame; a frame now only formats the rows
//! in view.
//!
//! Both keep positions in `snapshot.candidates`, valid for one
//! [`ViewContext::generation`]: the snapshot's candidates and their lists of
//! scorecards only change shape when the generation changes. Edits to a
//! draft that stays a draft change it in place, so the rows read the
//! scorecards afresh each frame.

use super::{Settings, ViewContext, display_name};
use crate::io::{CandidateRecord, WorkspaceSnapshot};
use crate::model::InterviewerId;

/// Candidates matching a search, newest first.
#[derive(Clone, Debug, Default)]
pub struct CandidateList {
    /// What `positions` were found for: generation, search, blind mode.
    key: Option<(u64, String, bool)>,
    /// Positions in `snapshot.candidates`.
    positions: Vec<usize>,
}

impl CandidateList {
    /// Positions in `cx.snapshot.candidates` of the candidates whose name
    /// (or alias) or role contains `search`, ignoring case; newest first.
    pub fn matching(&mut self, cx: &ViewContext<'_>, search: &str) -> &[usize] {
        let blind = cx.settings.blind;
        let current = self
            .key
            .as_ref()
            .is_some_and(|(g, s, b)| *g == cx.generation && s == search && *b == blind);
        if !current {
            self.positions = find_matching(cx.snapshot, cx.settings, search);
            self.key = Some((cx.generation, search.to_owned(), blind));
        }
        &self.positions
    }
}

fn find_matching(snapshot: &WorkspaceSnapshot, settings: &Settings, search: &str) -> Vec<usize> {
    let needle = search.trim().to_lowercase();
    let candidates = &snapshot.candidates();
    let mut positions: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, record)| matches_search(record, snapshot, settings, &needle))
        .map(|(at, _)| at)
        .collect();
    // Newest first: the candidates being interviewed now are on top.
    positions
        .sort_by_key(|&at| std::cmp::Reverse(candidates.get(at).map(|r| r.candidate.created_at)));
    positions
}

/// Whether the candidate's name (or alias) or role contains `needle`, which
/// is already lower case.
fn matches_search(
    record: &CandidateRecord,
    snapshot: &WorkspaceSnapshot,
    settings: &Settings,
    needle: &str,
) -> bool {
    needle.is_empty()
        || display_name(&record.candidate, settings)
            .to_lowercase()
            .contains(needle)
        || role_of(snapshot, record).to_lowercase().contains(needle)
}

/// The role a candidate is interviewed for, or their template id if that
/// template is gone.
pub fn role_of(snapshot: &WorkspaceSnapshot, record: &CandidateRecord) -> String {
    snapshot
        .templates()
        .get(record.candidate.template.as_str())
        .map_or_else(
            || format!("{} (template missing)", record.candidate.template),
            |e| e.template.role.clone(),
        )
}

/// A pending draft: positions of its candidate in `snapshot.candidates` and
/// of the scorecard in that candidate's list.
pub type DraftAt = (usize, usize);

/// Unsubmitted scorecards: the interviewer's own, or everyone's while the
/// app does not know who is using it.
#[derive(Clone, Debug, Default)]
pub struct PendingDrafts {
    /// What they were found for: generation, interviewer.
    key: Option<(u64, String)>,
    /// The first [`PendingDrafts::SHOWN`], in workspace order.
    shown: Vec<DraftAt>,
    /// How many there are in all.
    count: usize,
}

impl PendingDrafts {
    /// A long list helps nobody; the rest is counted.
    pub const SHOWN: usize = 40;

    /// The first [`Self::SHOWN`] pending drafts, and how many there are.
    pub fn find(&mut self, cx: &ViewContext<'_>) -> (&[DraftAt], usize) {
        let me = &cx.settings.interviewer;
        let current = self
            .key
            .as_ref()
            .is_some_and(|(g, who)| *g == cx.generation && who == me);
        if !current {
            (self.shown, self.count) = find_drafts(cx.snapshot, me);
            self.key = Some((cx.generation, me.clone()));
        }
        (&self.shown, self.count)
    }
}

fn find_drafts(snapshot: &WorkspaceSnapshot, interviewer: &str) -> (Vec<DraftAt>, usize) {
    let me = InterviewerId::typed(interviewer);
    let mut shown = Vec::new();
    let mut count = 0;
    for (c, record) in snapshot.candidates().iter().enumerate() {
        for (s, scorecard_record) in record.scorecards.iter().enumerate() {
            let card = &scorecard_record.scorecard;
            let mine = me.as_ref().is_none_or(|me| InterviewerId::of(card) == *me);
            if card.is_submitted() || !mine {
                continue;
            }
            count += 1;
            if shown.len() < PendingDrafts::SHOWN {
                shown.push((c, s));
            }
        }
    }
    (shown, count)
}
