//! When to save the scorecard being edited: soon after typing pauses, and
//! never later than a second after the first unsaved edit.

use crate::ui::SaveStatus;

/// Quiet time after an edit before saving, in seconds.
const PAUSE: f64 = 0.3;
/// Longest an edit waits for its save, in seconds, even while typing on.
const MAX_WAIT: f64 = 0.8;
/// Pause before retrying a failed save, in seconds.
const RETRY: f64 = 1.0;

/// Tracks edits of one scorecard against what is on disk.
#[derive(Clone, Debug, Default)]
pub struct Autosave {
    seen_edits: u64,
    requested: u64,
    saved: u64,
    last_edit_at: f64,
    first_unsaved_at: Option<f64>,
    failure: Option<String>,
    retry_at: f64,
}

impl Autosave {
    /// Starts tracking a scorecard whose state on disk is `edits`.
    pub fn new(edits: u64) -> Self {
        Self {
            seen_edits: edits,
            requested: edits,
            saved: edits,
            ..Self::default()
        }
    }

    /// Tells the current edit count at UI time `now`.
    pub fn observe(&mut self, edits: u64, now: f64) {
        if edits != self.seen_edits {
            self.seen_edits = edits;
            self.last_edit_at = now;
            self.first_unsaved_at.get_or_insert(now);
        }
    }

    /// Whether a save should be sent now; if so, marks it sent and returns
    /// the edit it holds.
    pub fn take_due(&mut self, now: f64) -> Option<u64> {
        if self.seen_edits <= self.requested || now < self.retry_at {
            return None;
        }
        let first = self.first_unsaved_at.unwrap_or(now);
        let paused = now - self.last_edit_at >= PAUSE;
        let waited = now - first >= MAX_WAIT;
        if !(paused || waited || self.failure.is_some()) {
            return None;
        }
        self.requested = self.seen_edits;
        self.first_unsaved_at = None;
        Some(self.seen_edits)
    }

    /// Seconds until [`Self::take_due`] will have a save to send, if an edit
    /// is waiting for one. A save already sent needs no polling: the worker
    /// wakes the UI when it is done.
    pub fn next_due_in(&self, now: f64) -> Option<f64> {
        if self.seen_edits <= self.requested {
            return None;
        }
        let first = self.first_unsaved_at.unwrap_or(now);
        let due_at = (self.last_edit_at + PAUSE).min(first + MAX_WAIT);
        let due_at = if self.failure.is_some() {
            self.retry_at
        } else {
            due_at
        };
        Some((due_at.max(self.retry_at) - now).max(0.0))
    }

    /// Whether any edit is not known to be on disk.
    pub fn is_dirty(&self) -> bool {
        self.saved < self.seen_edits
    }

    /// The write of edit `generation` finished.
    pub fn on_saved(&mut self, generation: u64, result: Result<(), String>, now: f64) {
        match result {
            Ok(()) => {
                self.saved = self.saved.max(generation);
                if self.saved >= self.requested {
                    self.failure = None;
                }
            }
            Err(why) => {
                self.failure = Some(why);
                // Ask again soon: the content is still in memory.
                self.requested = self.saved;
                self.retry_at = now + RETRY;
            }
        }
    }

    /// Whether the last save failed (it is retried).
    pub fn has_failed(&self) -> bool {
        self.failure.is_some()
    }

    /// Marks a save of `edits` as sent now, whatever the schedule (the user
    /// chose to write their version over a colleague's).
    pub fn force(&mut self, edits: u64) {
        self.seen_edits = edits;
        self.requested = edits;
        self.saved = self.saved.min(edits.saturating_sub(1));
        self.first_unsaved_at = None;
        self.failure = None;
        self.retry_at = 0.0;
    }

    /// What the indicator shows.
    pub fn status(&self) -> SaveStatus {
        match &self.failure {
            Some(why) => SaveStatus::Failed(why.clone()),
            None if self.is_dirty() => SaveStatus::Saving,
            None => SaveStatus::Saved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_after_a_pause_in_typing() {
        let mut autosave = Autosave::new(0);
        autosave.observe(1, 10.0);
        assert_eq!(autosave.take_due(10.1), None);
        assert!((autosave.next_due_in(10.1).unwrap() - 0.2).abs() < 1e-9);
        assert_eq!(autosave.take_due(10.3), Some(1));
        assert_eq!(autosave.status(), SaveStatus::Saving);
        autosave.on_saved(1, Ok(()), 10.4);
        assert_eq!(autosave.status(), SaveStatus::Saved);
        assert_eq!(autosave.take_due(20.0), None);
    }

    #[test]
    fn saves_within_a_second_while_typing_goes_on() {
        let mut autosave = Autosave::new(0);
        let mut due = None;
        for step in 0..=10 {
            let now = f64::from(step) * 0.1;
            autosave.observe(step as u64 + 1, now);
            due = due.or(autosave.take_due(now).map(|g| (g, now)));
        }
        let (_, at) = due.unwrap();
        assert!(at <= 1.0);
    }

    #[test]
    fn a_failed_save_is_shown_and_retried() {
        let mut autosave = Autosave::new(0);
        autosave.observe(1, 0.0);
        let generation = autosave.take_due(0.5).unwrap();
        autosave.on_saved(generation, Err("disk full".to_owned()), 0.6);
        assert_eq!(
            autosave.status(),
            SaveStatus::Failed("disk full".to_owned())
        );
        assert_eq!(autosave.take_due(0.7), None);
        assert_eq!(autosave.take_due(1.7), Some(1));
        autosave.on_saved(1, Ok(()), 1.8);
        assert_eq!(autosave.status(), SaveStatus::Saved);
    }
}
