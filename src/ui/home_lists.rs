//! Home's lists: the candidates matching the search (newest first), the
//! pending drafts, and the owed scorecards. They are found whole for one
//! [`HomeListsKey`] — the snapshot's generation, the search, blind mode,
//! the person, coordinator view and the minute — by [`HomeLists::find`], a
//! pure function the app runs off the UI thread on a big workspace, and
//! the screen shows the newest found until the next is handed over. A frame
//! only formats the rows in view.
//!
//! The lists hold the candidates' records (shared, not copied), so a list
//! found for an older generation still shows a consistent workspace until
//! the new one arrives.

use std::sync::Arc;

use super::Settings;
use crate::io::{CandidateRecord, PendingFilter, WorkspaceSnapshot};
use crate::model::{
    Candidate, InterviewState, InterviewerId, Slug, Timestamp, blind_alias, escape_line,
};

/// What Home's lists are found for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomeListsKey {
    /// The snapshot's generation.
    pub generation: u64,
    /// The search typed, as typed.
    pub search: String,
    /// Blind mode (the search then matches aliases).
    pub blind: bool,
    /// Who uses the app, as they write their name.
    pub interviewer: String,
    /// Coordinator view (every owed scorecard, not only mine).
    pub coordinator: bool,
    /// The minute (owed scorecards become overdue as time passes).
    pub minute: i64,
}

impl HomeListsKey {
    /// The key for `snapshot` as it is, with these settings, at `now`.
    pub fn new(
        snapshot: &WorkspaceSnapshot,
        search: &str,
        settings: &Settings,
        now: Timestamp,
    ) -> Self {
        Self {
            generation: snapshot.generation(),
            search: search.to_owned(),
            blind: settings.blind,
            interviewer: settings.interviewer.clone(),
            coordinator: settings.coordinator,
            minute: now.unix_seconds().div_euclid(60),
        }
    }
}

/// A pending draft: its candidate, and the scorecard's place in their list.
pub type DraftAt = (Arc<CandidateRecord>, usize);

/// One owed scorecard, as Home lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct OwedRow {
    pub candidate: Slug,
    pub stage: String,
    pub stage_name: String,
    pub interviewer: String,
    pub overdue: bool,
    pub hours_overdue: f64,
    pub at: Timestamp,
    pub due: Timestamp,
    pub draft: bool,
}

/// Home's lists, found for one key.
#[derive(Clone, Debug, Default)]
pub struct HomeLists {
    /// What they were found for; `None`: nothing found yet.
    pub key: Option<HomeListsKey>,
    /// The candidates matching the search, newest first.
    pub candidates: Vec<Arc<CandidateRecord>>,
    /// The first [`HomeLists::DRAFTS_SHOWN`] pending drafts, in workspace
    /// order: the person's own, or everyone's while the app does not know
    /// who is using it.
    pub drafts: Vec<DraftAt>,
    /// How many pending drafts there are in all.
    pub draft_count: usize,
    /// The owed scorecards: the person's, or everyone's in coordinator
    /// view; overdue first.
    pub owed: Vec<OwedRow>,
}

impl HomeLists {
    /// A long list of drafts helps nobody; the rest is counted.
    pub const DRAFTS_SHOWN: usize = 40;

    /// Finds the lists of `snapshot` for `key` at `now`.
    pub fn find(snapshot: &WorkspaceSnapshot, key: HomeListsKey, now: Timestamp) -> Self {
        let candidates = find_matching(snapshot, &key.search, key.blind);
        let (drafts, draft_count) = find_drafts(snapshot, &key.interviewer);
        let owed = find_owed(snapshot, &key.interviewer, key.coordinator, now);
        Self {
            key: Some(key),
            candidates,
            drafts,
            draft_count,
            owed,
        }
    }
}

fn find_matching(
    snapshot: &WorkspaceSnapshot,
    search: &str,
    blind: bool,
) -> Vec<Arc<CandidateRecord>> {
    let needle = search.trim().to_lowercase();
    let mut found: Vec<Arc<CandidateRecord>> = snapshot
        .candidates()
        .iter()
        .filter(|record| matches_search(record, snapshot, blind, &needle))
        .cloned()
        .collect();
    // Newest first: the candidates being interviewed now are on top.
    found.sort_by_key(|r| std::cmp::Reverse(r.candidate.created_at));
    found
}

/// The candidate's name, or their alias in blind mode.
fn shown_name(candidate: &Candidate, blind: bool) -> String {
    if blind {
        blind_alias(&candidate.id)
    } else {
        escape_line(&candidate.name).into_owned()
    }
}

/// Whether the candidate's name (or alias) or role contains `needle`, which
/// is already lower case.
fn matches_search(
    record: &CandidateRecord,
    snapshot: &WorkspaceSnapshot,
    blind: bool,
    needle: &str,
) -> bool {
    needle.is_empty()
        || shown_name(&record.candidate, blind)
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
            |e| escape_line(&e.template.role).into_owned(),
        )
}

fn find_drafts(snapshot: &WorkspaceSnapshot, interviewer: &str) -> (Vec<DraftAt>, usize) {
    let me = InterviewerId::typed(interviewer);
    let mut shown = Vec::new();
    let mut count = 0;
    for record in snapshot.candidates() {
        for (s, scorecard_record) in record.scorecards.iter().enumerate() {
            let card = &scorecard_record.scorecard;
            let mine = me.as_ref().is_none_or(|me| InterviewerId::of(card) == *me);
            if card.is_submitted() || !mine {
                continue;
            }
            count += 1;
            if shown.len() < HomeLists::DRAFTS_SHOWN {
                shown.push((Arc::clone(record), s));
            }
        }
    }
    (shown, count)
}

fn find_owed(
    snapshot: &WorkspaceSnapshot,
    interviewer: &str,
    coordinator: bool,
    now: Timestamp,
) -> Vec<OwedRow> {
    let me = InterviewerId::typed(interviewer);
    if me.is_none() && !coordinator {
        return Vec::new();
    }
    let filter = PendingFilter {
        interviewer: if coordinator { None } else { me },
        ..Default::default()
    };
    snapshot
        .pending(now, &filter)
        .into_iter()
        .map(|p| OwedRow {
            candidate: p.candidate.id.clone(),
            stage: p.interview.stage.to_string(),
            stage_name: snapshot.stage_name(p.candidate, &p.interview.stage),
            interviewer: p.interview.interviewer.trim().to_owned(),
            overdue: p.state == InterviewState::Overdue,
            hours_overdue: p.hours_overdue,
            at: p.interview.at,
            due: p.due,
            draft: p.draft,
        })
        .collect()
}
