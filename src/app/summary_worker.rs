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

use super::memory_trim::give_back_freed_memory;
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

/// The same aggregates, copied by this thread into memory of its own.
/// They were built on every core, each candidate's figures in the arena of
/// the thread that computed them, among that thread's scratch: kept so,
/// the freed scratch around them stays in use by the page. Copied, and
/// the scattered first copy let go of, whole pages come free, and
/// [`give_back_freed_memory`] returns them (BENCHMARKS.md §10).
fn packed(summary: Summary) -> Summary {
    let copy = summary.clone();
    drop(summary);
    copy
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

/// What the thread is sent.
enum Message {
    /// Compute these aggregates.
    Compute(Box<Request>),
    /// Aggregates the app has done with: let go of them here. At 100,000
    /// scorecards that is some 150,000 allocations, tens of milliseconds
    /// that would otherwise stall a frame.
    Release(Arc<Summary>),
}

/// The next request, letting go of anything released meanwhile; `None`
/// once the app is gone.
fn next_request(queue: &Receiver<Message>) -> Option<Request> {
    loop {
        match queue.recv().ok()? {
            Message::Compute(request) => return Some(*request),
            Message::Release(summary) => drop(summary),
        }
    }
}

/// The newest request waiting, standing in for every one before it (and
/// for `first`), if any is.
fn newest_waiting(queue: &Receiver<Message>, first: Option<Request>) -> Option<Request> {
    let mut newest = first;
    for message in queue.try_iter() {
        match message {
            Message::Compute(request) => {
                newest = Some(match newest {
                    Some(older) => older.then(*request),
                    None => *request,
                });
            }
            Message::Release(summary) => drop(summary),
        }
    }
    newest
}

/// Handle to the aggregates thread; dropping it ends the thread.
pub struct SummaryWorker {
    requests: Sender<Message>,
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
        let (requests, queue) = mpsc::channel::<Message>();
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
                // starts from, and whether they were whole.
                let mut last: Option<Arc<Summary>> = None;
                let mut last_whole = false;
                let mut next: Option<Request> = None;
                loop {
                    let first = match next.take() {
                        Some(request) => request,
                        None => match next_request(&queue) {
                            Some(request) => request,
                            None => return,
                        },
                    };
                    // Only the newest snapshot matters: older ones are
                    // already out of date.
                    let Some(request) = newest_waiting(&queue, Some(first)) else {
                        return;
                    };
                    if let (Some(previous), Some(touched)) = (&last, &request.touched) {
                        // Nothing the aggregates read changed (only the
                        // errors did): the whole ones of before stand.
                        if touched.is_empty() && last_whole {
                            if !send(request.generation, true, previous) {
                                return;
                            }
                            continue;
                        }
                        let quick = Arc::new(request.snapshot.resummarize(previous, touched));
                        if !send(request.generation, false, &quick) {
                            return;
                        }
                        last = Some(quick);
                        last_whole = false;
                        // A newer change already waits: the whole
                        // computation of this one would be out of date.
                        if let Some(newer) = newest_waiting(&queue, None) {
                            next = Some(newer);
                            continue;
                        }
                    }
                    let whole = Arc::new(packed(request.snapshot.summarize()));
                    if !send(request.generation, true, &whole) {
                        return;
                    }
                    last = Some(whole);
                    last_whole = true;
                    // What the computation's threads freed goes back to
                    // the system, not kept in their arenas.
                    drop(request);
                    give_back_freed_memory();
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
        let _ = self.requests.send(Message::Compute(Box::new(Request {
            generation,
            snapshot: snapshot.clone(),
            touched,
        })));
    }

    /// Lets go of aggregates on the thread, not the caller's: the UI
    /// thread hands back the ones it replaces.
    pub fn release(&self, summary: Arc<Summary>) {
        // If the thread is gone, they go here after all.
        let _ = self.requests.send(Message::Release(summary));
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::app::test_workspace::{self, snapshot};
    use crate::io::CandidateRecord;
    use crate::model::Rating;

    fn id(text: &str) -> Slug {
        Slug::new(text).unwrap()
    }

    fn record(candidate: &str, interviewers: &[(&str, Rating)]) -> Arc<CandidateRecord> {
        test_workspace::record(candidate, candidate, interviewers)
    }

    fn next(worker: &SummaryWorker) -> Computed {
        worker
            .results
            .recv_timeout(Duration::from_secs(10))
            .expect("a result within 10 s")
    }

    fn submitted(summary: &Summary, candidate: &str) -> Option<usize> {
        summary
            .candidates
            .iter()
            .find(|c| c.id.as_str() == candidate)
            .map(|c| c.submitted)
    }

    #[test]
    fn a_colleagues_scorecard_is_counted_at_once_then_everything_follows() {
        let mut worker = SummaryWorker::spawn(|| {});
        let a = record("c-1", &[("Ann", Rating::Meets), ("Bob", Rating::Exceeds)]);
        let before = snapshot(vec![a.clone(), record("c-2", &[("Ann", Rating::Meets)])]);
        worker.request(1, &before, None);
        let first = next(&worker);
        assert!(first.complete, "nothing to start from: computed whole");
        assert_eq!(submitted(&first.summary, "c-2"), Some(1));

        // Bob's scorecard for c-2 arrives.
        let after = snapshot(vec![
            a,
            record("c-2", &[("Ann", Rating::Meets), ("Bob", Rating::Exceeds)]),
        ]);
        worker.request(2, &after, Some(vec![id("c-2")]));
        let quick = next(&worker);
        assert_eq!((quick.generation, quick.complete), (2, false));
        assert_eq!(submitted(&quick.summary, "c-2"), Some(2));
        // Until the whole computation, Bob's leniency is the one from
        // before: only c-1 compared him with Ann.
        assert_eq!(quick.summary.interviewers, first.summary.interviewers);
        let whole = next(&worker);
        assert_eq!((whole.generation, whole.complete), (2, true));
        assert_eq!(*whole.summary, after.summarize());
        assert!(whole.revision > quick.revision);
    }

    #[test]
    fn without_knowing_what_changed_the_result_is_whole() {
        let mut worker = SummaryWorker::spawn(|| {});
        let one = snapshot(vec![record("c-1", &[("Ann", Rating::Meets)])]);
        worker.request(1, &one, None);
        assert!(next(&worker).complete);
        let two = snapshot(vec![record("c-1", &[("Ann", Rating::Exceeds)])]);
        worker.request(2, &two, None);
        let result = next(&worker);
        assert!(result.complete);
        assert_eq!(*result.summary, two.summarize());
    }

    #[test]
    fn a_candidate_erased_elsewhere_leaves_the_quick_result() {
        let mut worker = SummaryWorker::spawn(|| {});
        let both = snapshot(vec![
            record("c-1", &[("Ann", Rating::Meets)]),
            record("c-2", &[("Bob", Rating::Meets)]),
        ]);
        worker.request(1, &both, None);
        next(&worker);
        let one = snapshot(vec![record("c-1", &[("Ann", Rating::Meets)])]);
        worker.request(2, &one, Some(vec![id("c-2")]));
        let quick = next(&worker);
        assert!(!quick.complete);
        assert_eq!(submitted(&quick.summary, "c-2"), None);
        assert_eq!(submitted(&quick.summary, "c-1"), Some(1));
    }

    #[test]
    fn a_change_of_nothing_the_aggregates_read_keeps_the_whole_ones() {
        let mut worker = SummaryWorker::spawn(|| {});
        let one = snapshot(vec![record("c-1", &[("Ann", Rating::Meets)])]);
        worker.request(1, &one, None);
        let first = next(&worker);
        assert!(first.complete);
        // Only the errors moved (a reference check came back).
        worker.request(2, &one, Some(vec![]));
        let second = next(&worker);
        assert_eq!((second.generation, second.complete), (2, true));
        assert!(
            Arc::ptr_eq(&second.summary, &first.summary),
            "not computed again"
        );
        // A candidate's change is computed again, quick then whole.
        let two = snapshot(vec![record("c-1", &[("Ann", Rating::Exceeds)])]);
        worker.request(3, &two, Some(vec![id("c-1")]));
        let quick = next(&worker);
        assert!(!quick.complete);
        let whole = next(&worker);
        assert!(whole.complete);
        assert_eq!(*whole.summary, two.summarize());
    }
}
