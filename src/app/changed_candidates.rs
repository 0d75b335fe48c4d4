//! Which candidates changed since the aggregates were last asked for, so
//! the aggregates thread can summarize just those first
//! ([`super::summary_worker`]).
//!
//! Every change to the snapshot moves the app's generation on. A change
//! that knows the candidates it is about (a colleague's file re-read, the
//! app's own save) notes them here; any other change (a template, the
//! whole workspace read again) notes nothing, and then the next request
//! says "anything may have changed". So a change nobody noted can never be
//! left out of a quick result: it makes the request a whole one.

use crate::model::Slug;

/// The candidates behind the generations since the last request.
#[derive(Debug, Default)]
pub struct ChangedCandidates {
    /// The generation of the last request.
    since: u64,
    /// How many generations since were noted with their candidates.
    noted: u64,
    /// Those candidates.
    ids: Vec<Slug>,
}

impl ChangedCandidates {
    /// One generation step (the caller moves the generation on) whose
    /// changes are all about `ids`.
    pub fn note(&mut self, ids: impl IntoIterator<Item = Slug>) {
        self.noted += 1;
        self.ids.extend(ids);
    }

    /// For a request at `generation`: the candidates changed since the
    /// last request, if every step since was noted; `None` otherwise.
    pub fn take(&mut self, generation: u64) -> Option<Vec<Slug>> {
        let steps = generation.saturating_sub(self.since);
        let all_noted = steps == self.noted;
        let mut ids = std::mem::take(&mut self.ids);
        self.since = generation;
        self.noted = 0;
        ids.sort();
        ids.dedup();
        all_noted.then_some(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> Slug {
        Slug::new(text).unwrap()
    }

    #[test]
    fn noted_steps_name_their_candidates() {
        let mut changed = ChangedCandidates::default();
        changed.note([id("c-2")]);
        changed.note([id("c-1"), id("c-2")]);
        assert_eq!(changed.take(2), Some(vec![id("c-1"), id("c-2")]));
        // Nothing since: nothing changed.
        assert_eq!(changed.take(2), Some(vec![]));
    }

    #[test]
    fn a_step_nobody_noted_asks_for_everything() {
        let mut changed = ChangedCandidates::default();
        changed.note([id("c-1")]);
        // Generation 2 came from elsewhere (a template changed, say).
        assert_eq!(changed.take(2), None);
        // Counting starts again from the request.
        changed.note([id("c-3")]);
        assert_eq!(changed.take(3), Some(vec![id("c-3")]));
    }

    #[test]
    fn the_first_read_is_never_partial() {
        let mut changed = ChangedCandidates::default();
        assert_eq!(changed.take(1), None);
    }
}
