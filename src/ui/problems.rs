//! Owns the problems the app has to tell: queued in the order they came,
//! shown one at a time in the top bar and dismissed one at a time, so a
//! later problem never silently replaces an earlier one.

use std::collections::VecDeque;

/// The problems not yet dismissed, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    queue: VecDeque<String>,
    /// How many were ever told: a mark to find the ones told since.
    told: usize,
}

impl Problems {
    /// Queues `text`, unless it is the very problem already last in the
    /// queue (a retry failing the same way is said once).
    pub fn push(&mut self, text: impl Into<String>) {
        let text = text.into();
        if self.queue.back() != Some(&text) {
            self.queue.push_back(text);
            self.told += 1;
        }
    }

    /// The problem shown now: the oldest not dismissed.
    pub fn current(&self) -> Option<&str> {
        self.queue.front().map(String::as_str)
    }

    /// How many are waiting, the one shown included.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// The user read the one shown: the next one (if any) is shown.
    pub fn dismiss(&mut self) {
        self.queue.pop_front();
    }

    /// Forgets them all (another workspace is open).
    pub fn clear(&mut self) {
        self.queue.clear();
    }

    /// A mark for [`Problems::told_since`].
    pub fn mark(&self) -> usize {
        self.told
    }

    /// The problems told since `mark` and still queued, oldest first.
    pub fn told_since(&self, mark: usize) -> impl Iterator<Item = &str> {
        let new = self.told.saturating_sub(mark).min(self.queue.len());
        self.queue
            .iter()
            .skip(self.queue.len() - new)
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_wait_their_turn_and_none_is_overwritten() {
        let mut problems = Problems::default();
        assert_eq!(problems.current(), None);
        problems.push("the save failed");
        let mark = problems.mark();
        problems.push("the export was not written");
        problems.push("the export was not written");
        assert_eq!(problems.len(), 2);
        assert_eq!(problems.current(), Some("the save failed"));
        assert_eq!(
            problems.told_since(mark).collect::<Vec<_>>(),
            ["the export was not written"]
        );
        problems.dismiss();
        assert_eq!(problems.current(), Some("the export was not written"));
        problems.dismiss();
        assert!(problems.is_empty());
        // Said again after it was read: said again.
        problems.push("the export was not written");
        assert_eq!(problems.len(), 1);
        problems.clear();
        assert_eq!(problems.current(), None);
    }
}
