//! The aggregates the app shows: computed on their own thread after a
//! change, the newest result kept, asked for again only when a screen
//! needs them and they are stale. This part owns the thread, the result
//! shown, the candidates changed since the last request, and whether the
//! user was told the thread is gone.

use super::changed_candidates::ChangedCandidates;
use super::summary_worker::{Computed, SummaryWorker};
use crate::io::WorkspaceSnapshot;
use crate::model::Slug;
use crate::model::stats::Summary;

/// The aggregates part of the app.
pub struct Aggregates {
    worker: SummaryWorker,
    /// The newest result, with the generation it was computed from; it
    /// trails the snapshot's generation while the thread works.
    shown: Option<Computed>,
    /// The candidates changed since the aggregates were last asked for.
    changed: ChangedCandidates,
    /// The user was told the thread is gone.
    told_stopped: bool,
}

impl Aggregates {
    /// Starts the thread; `wake` is called when a result is ready.
    pub fn spawn(wake: impl Fn() + Send + 'static) -> Self {
        Self {
            worker: SummaryWorker::spawn(wake),
            shown: None,
            changed: ChangedCandidates::default(),
            told_stopped: false,
        }
    }

    /// One change of the snapshot was about these candidates alone.
    pub fn note_changed(&mut self, ids: impl IntoIterator<Item = Slug>) {
        self.changed.note(ids);
    }

    /// The result shown, if any.
    pub fn shown(&self) -> Option<&Computed> {
        self.shown.as_ref()
    }

    /// The aggregates shown, if any.
    pub fn summary(&self) -> Option<&Summary> {
        self.shown.as_ref().map(|c| c.summary.as_ref())
    }

    /// Whether the result shown is the whole of the snapshot at
    /// `generation`.
    pub fn current(&self, generation: u64) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|c| c.generation == generation && c.complete)
    }

    /// Takes the thread's newest result, if a newer one came; the one it
    /// replaces is let go of on the thread.
    pub fn take_newest(&mut self) {
        let Some(computed) = self.worker.try_recv() else {
            return;
        };
        let newer = self
            .shown
            .as_ref()
            .is_none_or(|c| c.generation <= computed.generation);
        if newer && let Some(old) = self.shown.replace(computed) {
            self.worker.release(old.summary);
        }
    }

    /// Asks for the aggregates of `snapshot` unless they are current or
    /// asked for already.
    pub fn ask_if_stale(&mut self, snapshot: &WorkspaceSnapshot) {
        let generation = snapshot.generation();
        if self.current(generation) || self.worker.has_asked(generation) {
            return;
        }
        let touched = self.changed.take(generation);
        self.worker.request(generation, snapshot, touched);
    }

    /// Whether the thread is gone (then no result will come).
    pub fn has_stopped(&self) -> bool {
        self.worker.has_stopped()
    }

    /// Whether the user is to be told the thread is gone: once, until
    /// [`Self::forget_workspace`].
    pub fn tell_stopped_once(&mut self) -> bool {
        !std::mem::replace(&mut self.told_stopped, true)
    }

    /// Lets go of the result shown (candidates were erased: it holds their
    /// names and red flags).
    pub fn forget_shown(&mut self) {
        if let Some(old) = self.shown.take() {
            self.worker.release(old.summary);
        }
    }

    /// Another workspace is opened: nothing of the old one's stays, and a
    /// stopped thread is said again there.
    pub fn forget_workspace(&mut self) {
        self.forget_shown();
        self.changed = ChangedCandidates::default();
        self.told_stopped = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_thread_is_told_once_per_workspace() {
        let mut aggregates = Aggregates::spawn(|| {});
        assert!(aggregates.tell_stopped_once());
        assert!(!aggregates.tell_stopped_once());
        aggregates.forget_workspace();
        assert!(aggregates.tell_stopped_once(), "said again in the next one");
    }

    #[test]
    fn the_aggregates_asked_for_arrive_and_are_current_until_the_next_change() {
        let mut aggregates = Aggregates::spawn(|| {});
        let mut snapshot = WorkspaceSnapshot::default();
        assert!(!aggregates.current(snapshot.generation()));
        aggregates.ask_if_stale(&snapshot);
        let start = std::time::Instant::now();
        while !aggregates.current(snapshot.generation()) {
            assert!(start.elapsed().as_secs() < 10, "no result");
            std::thread::sleep(std::time::Duration::from_millis(5));
            aggregates.take_newest();
        }
        snapshot.replace(WorkspaceSnapshot::default());
        assert!(!aggregates.current(snapshot.generation()), "stale now");
        assert!(aggregates.summary().is_some(), "still shown meanwhile");
        aggregates.forget_shown();
        assert!(aggregates.summary().is_none());
    }
}
