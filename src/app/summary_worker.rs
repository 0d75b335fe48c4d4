//! The thread that computes the workspace's aggregates, so a save or a
//! colleague's file arriving never stalls a frame of the compare or debrief
//! screens (the aggregates of 100,000 scorecards take half a second).
//!
//! When the app says which candidates changed since it last asked, the
//! thread first sends the previous aggregates with just those candidates
//! summarized again (milliseconds), then the whole computation: a
//! colleague's submission is on screen at once, and the workspace-wide
//! figures it moves (leniency, calibration) follow.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::io::WorkspaceSnapshot;
use crate::model::Slug;
use crate::model::stats::Summary;

/// Aggregates of the snapshot of one generation.
pub struct Computed {
    /// The app's snapshot generation they were computed from.
    pub generation: u64,
    /// Counts every result the thread sends, so a screen that keeps
    /// something built from the aggregates knows when they moved (the
    /// quick result and the whole one share a generation).
    pub revision: u64,
    /// Whether everything is computed again. `false` for the quick result:
    /// the changed candidates are, the workspace-wide figures are those of
    /// before.
    pub complete: bool,
    /// The aggregates.
    pub summary: Arc<Summary>,
}

/// What the app asks for.
struct Request {
    generation: u64,
    snapshot: WorkspaceSnapshot,
    /// The candidates changed since the previous request, if the app knows
    /// (`None`: anything may have changed).
    touched: Option<Vec<Slug>>,
}

impl Request {
    /// `newer`, standing in for this request too: what changed since
    /// before this one is what either changed.
    fn then(self, newer: Request) -> Request {
        let touched = match (self.touched, newer.touched) {
            (Some(mut mine), Some(theirs)) => {
                mine.extend(theirs);
                mine.sort();
                mine.dedup();
                Some(mine)
            }
            _ => None,
        };
        Request { touched, ..newer }
    }
}

/// Handle to the aggregates thread; dropping it ends the thread.
pub struct SummaryWorker {
    requests: Sender<Request>,
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
        let (requests, queue) = mpsc::channel::<Request>();
        let (sender, results) = mpsc::channel();
        let spawned = thread::Builder::new()
            .name("scorecard-aggregates".to_owned())
            .spawn(move || {
                let mut revision = 0;
                let mut send = |generation, complete, summary: &Arc<Summary>| {
                    revision += 1;
                    let sent = sender.send(Computed {
                        generation,
                        revision,
                        complete,
                        summary: summary.clone(),
                    });
                    wake();
                    sent.is_ok()
                };
                // The last aggregates sent, which the next quick result
                // starts from.
                let mut last: Option<Arc<Summary>> = None;
                let mut next: Option<Request> = None;
                loop {
                    let first = match next.take() {
                        Some(request) => request,
                        None => match queue.recv() {
                            Ok(request) => request,
                            Err(_) => return,
                        },
                    };
                    // Only the newest snapshot matters: older ones are
                    // already out of date.
                    let request = queue.try_iter().fold(first, Request::then);
                    if let (Some(previous), Some(touched)) = (&last, &request.touched) {
                        let quick = Arc::new(request.snapshot.resummarize(previous, touched));
                        if !send(request.generation, false, &quick) {
                            return;
                        }
                        last = Some(quick);
                        // A newer change already waits: the whole
                        // computation of this one would be out of date.
                        if let Ok(newer) = queue.try_recv() {
                            next = Some(newer);
                            continue;
                        }
                    }
                    let whole = Arc::new(request.snapshot.summarize());
                    if !send(request.generation, true, &whole) {
                        return;
                    }
                    last = Some(whole);
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
    /// already asked for; `touched`: the candidates changed since the
    /// previous request, if known. The copy is cheap: candidates are
    /// shared, and only the templates and the lists of problem files are
    /// copied.
    pub fn request(
        &mut self,
        generation: u64,
        snapshot: &WorkspaceSnapshot,
        touched: Option<Vec<Slug>>,
    ) {
        if self.requested == Some(generation) {
            return;
        }
        self.requested = Some(generation);
        let _ = self.requests.send(Request {
            generation,
            snapshot: snapshot.clone(),
            touched,
        });
    }

    /// Whether the aggregates of `generation` were asked for already.
    pub fn has_asked(&self, generation: u64) -> bool {
        self.requested == Some(generation)
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
