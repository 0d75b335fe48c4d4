//! The thread that computes the workspace's aggregates, so a save or a
//! colleague's file arriving never stalls a frame of the compare or debrief
//! screens (the aggregates of 1,000 candidates take tens of milliseconds).

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::io::WorkspaceSnapshot;
use crate::model::stats::Summary;

/// Aggregates of the snapshot of one generation.
pub struct Computed {
    /// The app's snapshot generation they were computed from.
    pub generation: u64,
    /// The aggregates.
    pub summary: Arc<Summary>,
}

/// Handle to the aggregates thread; dropping it ends the thread.
pub struct SummaryWorker {
    requests: Sender<(u64, WorkspaceSnapshot)>,
    results: Receiver<Computed>,
    /// The newest generation asked for, so a frame asks once per change.
    requested: Option<u64>,
    /// The thread is gone (it could not start, or it panicked).
    stopped: bool,
}

impl SummaryWorker {
    /// Starts the thread. `wake` is called after each result so the UI can
    /// repaint and pick it up.
    pub fn spawn(wake: impl Fn() + Send + 'static) -> Self {
        let (requests, queue) = mpsc::channel::<(u64, WorkspaceSnapshot)>();
        let (sender, results) = mpsc::channel();
        let spawned = thread::Builder::new()
            .name("scorecard-aggregates".to_owned())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    // Only the newest snapshot matters: older ones are
                    // already out of date.
                    let (generation, snapshot) = queue.try_iter().last().unwrap_or(first);
                    let summary = Arc::new(snapshot.summarize());
                    if sender
                        .send(Computed {
                            generation,
                            summary,
                        })
                        .is_err()
                    {
                        return;
                    }
                    wake();
                }
            });
        if let Err(err) = spawned {
            // Without the thread the screens keep saying "computing"; the
            // rest of the app works. Say why in the log.
            log::error!("cannot start the aggregates thread: {err:#}");
        }
        Self {
            requests,
            results,
            requested: None,
            stopped: false,
        }
    }

    /// Asks for the aggregates of `snapshot`, unless this generation was
    /// already asked for. The copy is cheap: candidates are shared, and
    /// only the templates and the lists of problem files are copied.
    pub fn request(&mut self, generation: u64, snapshot: &WorkspaceSnapshot) {
        if self.requested == Some(generation) {
            return;
        }
        self.requested = Some(generation);
        let _ = self.requests.send((generation, snapshot.clone()));
    }

    /// The newest result that arrived, if any.
    pub fn try_recv(&mut self) -> Option<Computed> {
        let mut newest = None;
        loop {
            match self.results.try_recv() {
                Ok(computed) => newest = Some(computed),
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.stopped = true;
                    break;
                }
            }
        }
        newest
    }

    /// Whether the thread is gone, so nothing asked will ever arrive.
    pub fn has_stopped(&self) -> bool {
        self.stopped
    }
}
