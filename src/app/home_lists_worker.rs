//! Home's lists found off the UI thread on a big workspace: the app hands
//! over the snapshot (shared records, a cheap copy) with what the lists are
//! for, and takes the lists back whole. Only the newest request is worked
//! on; older ones waiting are dropped. On a small workspace the app finds
//! them inline: that takes less than a frame, and the screen never shows
//! an old list.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::io::WorkspaceSnapshot;
use crate::model::Timestamp;
use crate::ui::{HomeLists, HomeListsKey};

/// Below this many candidates the lists are found in the frame.
pub const INLINE_BELOW: usize = 1_000;

struct Request {
    key: HomeListsKey,
    snapshot: WorkspaceSnapshot,
    now: Timestamp,
}

/// Handle to the thread; dropping it ends the thread.
pub struct HomeListsWorker {
    requests: Option<Sender<Request>>,
    results: Option<Receiver<HomeLists>>,
    /// The key last asked for, so a frame asks once per change.
    asked: Option<HomeListsKey>,
}

impl HomeListsWorker {
    /// A worker whose thread starts at the first request; `wake` is called
    /// when lists are found.
    pub fn new() -> Self {
        Self {
            requests: None,
            results: None,
            asked: None,
        }
    }

    fn start(&mut self, wake: impl Fn() + Send + 'static) -> Option<&Sender<Request>> {
        if self.requests.is_none() {
            let (requests, queue) = mpsc::channel::<Request>();
            let (sender, results) = mpsc::channel();
            let spawned = thread::Builder::new()
                .name("home-lists".to_owned())
                .spawn(move || {
                    while let Ok(mut request) = queue.recv() {
                        // Only the newest matters.
                        while let Ok(newer) = queue.try_recv() {
                            request = newer;
                        }
                        let lists = HomeLists::find(&request.snapshot, request.key, request.now);
                        drop(request.snapshot);
                        if sender.send(lists).is_err() {
                            return;
                        }
                        wake();
                    }
                });
            match spawned {
                Ok(_) => {
                    self.requests = Some(requests);
                    self.results = Some(results);
                }
                Err(err) => log::error!("cannot start the home-lists thread: {err:#}"),
            }
        }
        self.requests.as_ref()
    }

    /// Asks for the lists of `snapshot` for `key`, unless that is what was
    /// asked last. Returns `false` if the thread cannot run (then the
    /// caller finds them itself).
    pub fn ask(
        &mut self,
        key: &HomeListsKey,
        snapshot: &WorkspaceSnapshot,
        now: Timestamp,
        wake: impl Fn() + Send + 'static,
    ) -> bool {
        if self.asked.as_ref() == Some(key) {
            return true;
        }
        let request = Request {
            key: key.clone(),
            snapshot: snapshot.clone(),
            now,
        };
        let sent = self
            .start(wake)
            .is_some_and(|requests| requests.send(request).is_ok());
        if sent {
            self.asked = Some(key.clone());
        } else {
            self.requests = None;
            self.results = None;
        }
        sent
    }

    /// The newest lists found since the last call, if any.
    pub fn try_recv(&mut self) -> Option<HomeLists> {
        let results = self.results.as_ref()?;
        let mut newest = None;
        while let Ok(lists) = results.try_recv() {
            newest = Some(lists);
        }
        newest
    }
}

impl Default for HomeListsWorker {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::Settings;

    #[test]
    fn the_lists_asked_for_come_back_found_for_that_key() {
        use crate::app::test_workspace::{record, snapshot};
        use crate::model::Rating;
        let snapshot = snapshot(vec![
            record("c-1", "Alex Doe", &[("Priya Raman", Rating::Meets)]),
            record("c-2", "Bea Lund", &[]),
        ]);
        let now: Timestamp = "2026-11-21T10:00:00Z".parse().unwrap();
        let key = HomeListsKey::new(&snapshot, "bea", &Settings::default(), now);
        let mut worker = HomeListsWorker::new();
        assert!(worker.ask(&key, &snapshot, now, || {}));
        assert!(worker.ask(&key, &snapshot, now, || {}), "asked once");
        let start = std::time::Instant::now();
        let lists = loop {
            if let Some(lists) = worker.try_recv() {
                break lists;
            }
            assert!(start.elapsed().as_secs() < 10, "no lists");
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        assert_eq!(lists.key, Some(key));
        let names: Vec<&str> = lists
            .candidates
            .iter()
            .map(|r| r.candidate.name.as_str())
            .collect();
        assert_eq!(names, ["Bea Lund"], "the search, found on the thread");
        assert!(worker.try_recv().is_none(), "one answer per request");
    }
}
