//! Live updates: a colleague's file arriving through a sync tool, a
//! template saved in a text editor. A folder watcher on its own thread
//! reports changed paths; once they settle for a moment (editors and sync
//! tools write in bursts) the app has them read again. The watcher starts
//! after the first read, and then has what changed meanwhile read again.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::io::FolderWatcher;

/// How long changed paths must be quiet before they are read again, in
/// seconds. A sync tool writes a file in one burst (a temporary file, then
/// a rename), a few milliseconds long; a tenth of a second gathers it, and
/// leaves most of the half second a colleague's submission may take to be
/// on screen (BENCHMARKS.md, "Scale") to the reading and the numbers. A
/// longer burst (a `git checkout`) is read in a few rounds, each correct.
const SETTLE: f64 = 0.1;

/// The longest changed paths wait, in seconds, however steadily more
/// arrive: a sync tool that writes a file every few dozen milliseconds for
/// a minute has its files read a round a second, not at the end.
const LONGEST_WAIT: f64 = 1.0;

/// Hands the watcher's batches to the app and wakes it; dropped (the
/// watcher's thread ended), it closes its end of the channel and wakes the
/// app once more, so the app learns at once that live updates stopped, not
/// at the next frame something else asks for.
struct Notifier<W: Fn()> {
    changes: Option<mpsc::Sender<Vec<PathBuf>>>,
    wake: W,
}

impl<W: Fn()> Notifier<W> {
    fn new(changes: mpsc::Sender<Vec<PathBuf>>, wake: W) -> Self {
        Self {
            changes: Some(changes),
            wake,
        }
    }

    fn send(&self, paths: Vec<PathBuf>) {
        if let Some(changes) = &self.changes {
            let _ = changes.send(paths);
        }
        (self.wake)();
    }
}

impl<W: Fn()> Drop for Notifier<W> {
    fn drop(&mut self) {
        // Closed first, so the frame woken sees it closed.
        drop(self.changes.take());
        (self.wake)();
    }
}

/// What the watcher asks of the app.
#[derive(Debug, PartialEq)]
pub enum Wanted {
    /// Nothing for now.
    Nothing,
    /// Read the whole workspace (once, at the start, before any watching).
    FullRead,
    /// Read again what changed since the full read began (once: the
    /// watcher is ready, or cannot watch).
    CatchUp,
    /// Read these changed paths again.
    Refresh(Vec<PathBuf>),
    /// Changes are settling: look again in this many seconds.
    AgainIn(f64),
    /// The watcher stopped (it could not watch, or its thread ended): no
    /// more live updates. Said once.
    Stopped,
}

/// The watcher's state, from before it starts to after it stops.
///
/// The workspace is read first and watched after. Setting the watcher up
/// walks every folder (0.6–0.9 s at 100,000 scorecards, `first_frame`'s
/// scale mode), which the first read need not wait for; and notify's
/// watcher, still used off Linux, sees every file the read opens (an
/// event each: it slowed the read of 100,000 scorecards by half,
/// BENCHMARKS.md §8, `examples/scale_phases.rs`'s `load` and
/// `load watched`). Once it watches, what changed since the read began is
/// read again ([`Wanted::CatchUp`], `Workspace::changed_since`), so nothing
/// written in between is missed.
#[derive(Default)]
pub struct LiveUpdates {
    /// Whether the watcher was started.
    started: bool,
    /// Whether the first full read was asked for.
    read_asked: bool,
    /// Whether the catch-up after the watcher's start was asked for.
    caught_up: bool,
    /// Batches of changed paths from the watcher's thread; an empty batch
    /// asks for the first full read.
    changes: Option<mpsc::Receiver<Vec<PathBuf>>>,
    /// Changed paths not read again yet.
    pending: Vec<PathBuf>,
    /// UI time the first and the last of the pending changes were seen.
    first_seen_at: f64,
    last_seen_at: f64,
    /// The watcher stopped, and the app was not told yet.
    stopped_untold: bool,
    /// Dropping it ends the watcher's thread.
    _keep_alive: Option<mpsc::Sender<()>>,
}

impl LiveUpdates {
    /// Whether [`Self::start`] was called.
    pub fn is_started(&self) -> bool {
        self.started
    }

    /// The first read of the workspace, asked for once, before watching.
    pub fn first_read(&mut self) -> Wanted {
        if self.read_asked {
            Wanted::Nothing
        } else {
            self.read_asked = true;
            Wanted::FullRead
        }
    }

    /// Starts watching `root` on a thread of its own (setting a watcher up
    /// walks every folder), once the first read is in; `wake` asks the UI
    /// for a frame. Once it watches, what changed since the read began is
    /// read again, so nothing written in between is missed. Returns what to
    /// do now: that catch-up at once if the thread could not even start.
    pub fn start(&mut self, root: &Path, wake: impl Fn() + Clone + Send + 'static) -> Wanted {
        self.started = true;
        let (change_sender, changes) = mpsc::channel();
        let root = root.to_path_buf();
        // The thread keeps the watcher alive until `_keep_alive` drops.
        let (keep_alive, app_gone) = mpsc::channel::<()>();
        let spawned = std::thread::Builder::new()
            .name("folder-watcher".to_owned())
            .spawn(move || {
                let ready = change_sender.clone();
                let notifier = Notifier::new(change_sender, wake.clone());
                let watcher = FolderWatcher::start(&root, move |paths| notifier.send(paths));
                // An empty batch asks for the catch-up: watching or not.
                // Then the watcher's own sender is the last: once its
                // thread ends, the app sees the channel close.
                let _ = ready.send(Vec::new());
                drop(ready);
                wake();
                match watcher {
                    Ok(_watching) => while app_gone.recv().is_ok() {},
                    Err(err) => log::warn!("no live updates: {err:#}"),
                }
            });
        match spawned {
            Ok(_) => {
                self.changes = Some(changes);
                self._keep_alive = Some(keep_alive);
                Wanted::Nothing
            }
            Err(err) => {
                log::warn!("no live updates: cannot start the watcher's thread: {err:#}");
                self.caught_up = true;
                self.stopped_untold = true;
                Wanted::CatchUp
            }
        }
    }

    /// Takes what the watcher reported by UI time `now`, and says what to
    /// read.
    pub fn poll(&mut self, now: f64) -> Wanted {
        let mut watcher_gone = false;
        let mut catch_up = false;
        if let Some(changes) = &self.changes {
            loop {
                match changes.try_recv() {
                    Ok(paths) if paths.is_empty() => catch_up = true,
                    Ok(paths) => {
                        if self.pending.is_empty() {
                            self.first_seen_at = now;
                        }
                        self.pending.extend(paths);
                        self.last_seen_at = now;
                    }
                    Err(mpsc::TryRecvError::Empty) => break,
                    Err(mpsc::TryRecvError::Disconnected) => {
                        watcher_gone = true;
                        break;
                    }
                }
            }
        }
        if watcher_gone {
            // The watcher's thread ended (it could not watch, or it
            // panicked): no live updates, but what changed during the read
            // is read anyway.
            self.changes = None;
            catch_up |= !self.caught_up;
            self.stopped_untold = true;
        }
        if catch_up && !self.caught_up {
            self.caught_up = true;
            // Whatever changed before is part of the catch-up.
            self.pending.clear();
            return Wanted::CatchUp;
        }
        if std::mem::take(&mut self.stopped_untold) {
            return Wanted::Stopped;
        }
        if self.pending.is_empty() {
            return Wanted::Nothing;
        }
        let quiet = now - self.last_seen_at;
        let waited = now - self.first_seen_at;
        if quiet >= SETTLE || waited >= LONGEST_WAIT {
            Wanted::Refresh(std::mem::take(&mut self.pending))
        } else {
            Wanted::AgainIn((SETTLE - quiet).min(LONGEST_WAIT - waited))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_channel() -> (LiveUpdates, mpsc::Sender<Vec<PathBuf>>) {
        let (sender, receiver) = mpsc::channel();
        let live = LiveUpdates {
            started: true,
            changes: Some(receiver),
            ..LiveUpdates::default()
        };
        (live, sender)
    }

    #[test]
    fn the_watcher_ending_closes_the_channel_and_then_wakes_the_app() {
        use std::sync::{Arc, Mutex};
        let (sender, receiver) = mpsc::channel();
        // What the app would find when woken.
        let seen: Arc<Mutex<Vec<&str>>> = Arc::default();
        let record = Arc::clone(&seen);
        let receiver = Mutex::new(receiver);
        let notifier = Notifier::new(sender, move || {
            let found = match receiver.lock().unwrap().try_recv() {
                Ok(_) => "a batch",
                Err(mpsc::TryRecvError::Empty) => "nothing",
                Err(mpsc::TryRecvError::Disconnected) => "closed",
            };
            record.lock().unwrap().push(found);
        });
        notifier.send(vec![PathBuf::from("a")]);
        drop(notifier);
        assert_eq!(*seen.lock().unwrap(), ["a batch", "closed"]);
    }

    #[test]
    fn the_workspace_is_read_once_before_any_watching() {
        let mut live = LiveUpdates::default();
        assert_eq!(live.first_read(), Wanted::FullRead);
        assert_eq!(live.first_read(), Wanted::Nothing);
        assert!(!live.is_started());
    }

    #[test]
    fn the_watcher_being_ready_asks_to_catch_up_once() {
        let (mut live, sender) = with_channel();
        assert_eq!(live.poll(0.0), Wanted::Nothing);
        sender.send(vec![PathBuf::from("a")]).unwrap();
        sender.send(Vec::new()).unwrap();
        // What changed before it watched is part of the catch-up.
        assert_eq!(live.poll(0.1), Wanted::CatchUp);
        assert_eq!(live.poll(0.5), Wanted::Nothing);
        sender.send(Vec::new()).unwrap();
        assert_eq!(live.poll(0.6), Wanted::Nothing);
    }

    #[test]
    fn changes_are_read_once_they_settle() {
        let (mut live, sender) = with_channel();
        sender.send(vec![PathBuf::from("a")]).unwrap();
        assert!(matches!(live.poll(1.0), Wanted::AgainIn(_)));
        sender.send(vec![PathBuf::from("b")]).unwrap();
        assert!(matches!(live.poll(1.2), Wanted::AgainIn(_)));
        assert_eq!(
            live.poll(1.6),
            Wanted::Refresh(vec![PathBuf::from("a"), PathBuf::from("b")])
        );
        assert_eq!(live.poll(2.0), Wanted::Nothing);
    }

    #[test]
    fn steady_changes_are_read_a_round_at_a_time_not_at_the_end() {
        let (mut live, sender) = with_channel();
        // A file every 50 ms: never quiet for the settling time.
        let mut rounds = Vec::new();
        for step in 0..60 {
            let now = f64::from(step) * 0.05;
            sender
                .send(vec![PathBuf::from(format!("f{step}"))])
                .unwrap();
            match live.poll(now) {
                Wanted::Refresh(paths) => rounds.push((now, paths.len())),
                Wanted::AgainIn(seconds) => assert!(seconds > 0.0 && seconds <= SETTLE),
                other => panic!("{other:?}"),
            }
        }
        // Three seconds of writes: a round a second (each file seen in the
        // second since the round's first), every file in one round once.
        let at: Vec<f64> = rounds.iter().map(|&(now, _)| now).collect();
        assert_eq!(rounds.len(), 2, "{rounds:?}");
        assert!((at[0] - LONGEST_WAIT).abs() < 1e-9, "{rounds:?}");
        assert!(
            (at[1] - (at[0] + 0.05 + LONGEST_WAIT)).abs() < 1e-9,
            "{rounds:?}"
        );
        assert!(rounds.iter().all(|&(_, n)| n == 21), "{rounds:?}");
        // The rest once they settle.
        let Wanted::Refresh(rest) = live.poll(3.1) else {
            panic!("the last round");
        };
        assert_eq!(rest.len(), 60 - 2 * 21);
    }

    #[test]
    fn a_watcher_that_dies_before_it_is_ready_still_gets_the_changes_read() {
        let (mut live, sender) = with_channel();
        drop(sender);
        assert_eq!(live.poll(0.0), Wanted::CatchUp);
        assert_eq!(live.poll(0.1), Wanted::Stopped);
        assert_eq!(live.poll(1.0), Wanted::Nothing);
    }

    #[test]
    fn a_watcher_that_dies_after_it_was_ready_is_said_once() {
        let (mut live, sender) = with_channel();
        sender.send(Vec::new()).unwrap();
        assert_eq!(live.poll(0.0), Wanted::CatchUp);
        sender.send(vec![PathBuf::from("a")]).unwrap();
        drop(sender);
        assert_eq!(live.poll(1.0), Wanted::Stopped);
        // What it saw before it stopped is still read.
        assert_eq!(live.poll(1.2), Wanted::Refresh(vec![PathBuf::from("a")]));
        assert_eq!(live.poll(2.0), Wanted::Nothing);
    }
}
