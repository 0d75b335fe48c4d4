//! The thread that reads and writes the workspace, so the UI never waits on
//! the disk.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::import_preview::PendingImport;
use crate::io::{CatchUp, Erased, LoadProgress, Refresh, StoreError, Workspace, WorkspaceSnapshot};
use crate::model::{Candidate, Decision, Opening, PracticeResults, Scorecard, Slug, Template};

/// From this many candidate folders changed at once (a `git pull`, a sync
/// tool's first round, the watcher's queue overflowing), the workspace is
/// read again whole instead of refreshed. The app applies a refresh on the
/// UI thread, some 5–6 µs a folder at 100,000 scorecards (999 folders took
/// 4.9–6.4 ms, all 26,000 took 129–156 ms, `examples/scale_phases.rs`), while
/// a whole read runs on this thread's pool and is swapped in at once
/// (1.6–2.0 s at 100k, less than the refresh of every folder, 3.2–4.6 s).
const READ_WHOLE_FROM: usize = 1_000;

/// What a scorecard save may assume about the file on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The file is as this worker last wrote it, or as the last save
    /// expected it.
    Continue,
    /// The file is as read when it was opened: this fingerprint, or absent.
    Opened(Option<u64>),
    /// Whatever is on disk now may be replaced (the user chose "keep mine").
    Overwrite,
}

/// Work for the I/O thread.
#[derive(Debug)]
pub enum Job {
    /// Read the whole workspace.
    Load,
    /// Read again what changed since the last [`Job::Load`] began
    /// (`Workspace::changed_since`): the watcher started after it.
    CatchUp,
    /// Read again what these changed paths touch.
    Refresh(Vec<PathBuf>),
    /// Write a candidate's record.
    SaveCandidate(Box<Candidate>),
    /// Write a scorecard, unless its file changed behind our back.
    SaveScorecard {
        /// Its file.
        path: PathBuf,
        /// The content.
        scorecard: Box<Scorecard>,
        /// Which edit this save holds.
        generation: u64,
        /// The edit session's number for this save.
        id: u64,
        /// What the file on disk is expected to be.
        base: Base,
    },
    /// Erase these candidates' folders.
    Erase(Vec<Slug>),
    /// Write a template into the workspace.
    SaveTemplate(Box<Template>),
    /// Write an opening into `openings/`.
    SaveOpening(Box<Opening>),
    /// Write a candidate's record with a changed interview plan.
    SavePlan(Box<Candidate>),
    /// Write a candidate's decision.
    SaveDecision(Box<Decision>),
    /// Write an export: atomically, into a special file such as a FIFO
    /// rather than over it, and never into the workspace's data.
    WriteExport {
        /// Where.
        path: PathBuf,
        /// What.
        bytes: Vec<u8>,
    },
    /// Write one interviewer's practice results
    /// (`practice-results/<interviewer-slug>.ron`), atomically.
    SavePracticeResults(Box<PracticeResults>),
    /// Write the sample workspace into its own folder (not this worker's
    /// workspace), unless it holds candidates already.
    WriteSample {
        /// The sample's folder.
        root: PathBuf,
        /// "Now" for the made-up dates.
        now: crate::model::Timestamp,
    },
    /// Read files to import and say what applying them would do.
    PreviewImport {
        /// Invites or candidates.
        kind: crate::ui::ImportKind,
        /// The files (a folder of invites stands for its `.ics` files).
        files: Vec<PathBuf>,
        /// The opening candidates join.
        opening: Option<Slug>,
        /// Leave out the invite files that cannot be read.
        skip_broken: bool,
        /// The workspace as the app sees it, to match against.
        snapshot: Box<WorkspaceSnapshot>,
        /// The zone the preview's times read in.
        zone: crate::model::LocalZone,
        /// When the preview is made (a year is shown when not this one).
        now: crate::model::Timestamp,
    },
    /// Write an import previewed.
    ApplyImport(Box<PendingImport>),
    /// Write a scorecard beside its file as a conflict copy: under `path`,
    /// or a free name like it, never over an existing file.
    WriteCopy {
        /// The name wanted.
        path: PathBuf,
        /// The scorecard.
        scorecard: Box<Scorecard>,
        /// Why the copy is made, for the message when it is written.
        reason: CopyReason,
    },
}

/// Why a scorecard is copied beside its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyReason {
    /// The user chose *Keep both*.
    KeepBoth,
    /// Closing (the screen or the window) while the file could not take
    /// this version: a conflict, or a failed save.
    Closing,
    /// The user's *Save my words as…* for words no copy could take: written
    /// at the path named, as a new file.
    SavedAs,
}

/// A scorecard save's report.
#[derive(Debug)]
pub struct Saved {
    /// Its file.
    pub path: PathBuf,
    /// The edit it holds.
    pub generation: u64,
    /// The edit session's number for this save.
    pub id: u64,
    /// What it held (written or not).
    pub scorecard: Box<Scorecard>,
    /// The fingerprint of what was written, or why nothing was.
    pub result: Result<u64, SaveProblem>,
}

/// Why a scorecard was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveProblem {
    /// The file changed on disk since it was opened or last written.
    #[error("the file changed on disk since it was opened")]
    ChangedOnDisk,
    /// Anything else.
    #[error(transparent)]
    Failed(StoreError),
}

/// What the I/O thread did.
#[derive(Debug)]
pub enum Report {
    /// The workspace as read.
    Loaded(Box<WorkspaceSnapshot>),
    /// Changed files, read again.
    Refreshed(Box<Refresh>),
    /// What [`Job::CatchUp`] read: [`Report::Refreshed`], or
    /// [`Report::Loaded`] if candidate folders came or went.
    CaughtUp(Box<Report>),
    /// The thread could not be started: nothing is read or saved.
    CannotStart(std::io::Error),
    /// A candidate write finished.
    CandidateSaved(Result<PathBuf, StoreError>),
    /// A scorecard write finished.
    ScorecardSaved(Saved),
    /// A template was written (where), or why not.
    TemplateSaved(Result<PathBuf, StoreError>),
    /// An opening, a plan or a decision was written (where), or why not.
    LoopFileSaved {
        /// What was written: "opening", "plan" or "decision".
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// `Err(why)` if it was not written.
        result: Result<(), StoreError>,
    },
    /// Candidates erased, or why not (some may be erased before a failure).
    Erased(Result<Erased, StoreError>),
    /// An export was written, or why not.
    FileWritten {
        /// Where.
        path: PathBuf,
        /// `Err(why)` if it failed.
        result: Result<(), StoreError>,
    },
    /// Practice results were written (where), or why not.
    PracticeSaved(Result<PathBuf, StoreError>),
    /// The sample workspace is ready in this folder, or why not.
    SampleWritten {
        /// The sample's folder.
        root: PathBuf,
        /// How many candidates were written (0: it was there already).
        result: Result<usize, StoreError>,
    },
    /// What an import would do (with the plan to apply), or why it cannot.
    ImportPreviewed(
        Result<(PendingImport, crate::ui::ImportPreview), super::import_preview::PreviewFailure>,
    ),
    /// An import was written (the files, and what was done), or why not.
    ImportApplied(Result<(Vec<PathBuf>, String), String>),
    /// A conflict copy was written (where), or why not.
    CopyWritten {
        /// The name asked for.
        asked: PathBuf,
        /// Why it was made.
        reason: CopyReason,
        /// Where it was written.
        result: Result<PathBuf, StoreError>,
    },
}

/// Handle to the I/O thread; dropping it ends the thread once its queue is
/// done.
pub struct IoWorker {
    jobs: Sender<Job>,
    reports: Receiver<Report>,
    progress: Arc<LoadProgress>,
}

impl IoWorker {
    /// Starts the thread. `wake` is called after every report so the UI can
    /// repaint and pick it up.
    pub fn spawn(workspace: Workspace, wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_queue) = mpsc::channel::<Job>();
        let (report_sender, reports) = mpsc::channel();
        let failed_sender = report_sender.clone();
        let progress = Arc::new(LoadProgress::default());
        let worker_progress = Arc::clone(&progress);
        let spawned = thread::Builder::new()
            .name("scorecard-io".to_owned())
            .spawn(move || {
                let mut worker = Worker {
                    workspace,
                    read_started: None,
                    expected: HashMap::new(),
                    progress: worker_progress,
                };
                while let Ok(first) = job_queue.recv() {
                    // Take everything queued meanwhile, and write each
                    // scorecard once, with its latest content.
                    let batch = coalesce(std::iter::once(first).chain(job_queue.try_iter()));
                    for job in batch {
                        let report = worker.run(job);
                        if report_sender.send(report).is_err() {
                            return;
                        }
                        wake();
                    }
                }
            });
        if let Err(err) = spawned {
            // Without the thread nothing is read or saved: say so where the
            // UI shows problems, rather than crash.
            let _ = failed_sender.send(Report::CannotStart(err));
        }
        Self {
            jobs,
            reports,
            progress,
        }
    }

    /// How far the current (or last) full load got.
    pub fn load_progress(&self) -> f32 {
        self.progress.fraction()
    }

    /// Queues a job.
    pub fn send(&self, job: Job) {
        // The thread only stops when this handle is dropped.
        let _ = self.jobs.send(job);
    }

    /// A finished job's report, if any.
    pub fn try_recv(&self) -> Option<Report> {
        self.reports.try_recv().ok()
    }

    /// The next report, waiting up to `timeout` for it (closing the window
    /// waits for the last saves).
    pub fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Report> {
        self.reports.recv_timeout(timeout).ok()
    }
}

/// Keeps job order, but only the last save of each scorecard file (which
/// inherits what the dropped saves knew about the file), and one refresh.
fn coalesce(jobs: impl Iterator<Item = Job>) -> Vec<Job> {
    let jobs: Vec<Job> = jobs.collect();
    let mut last_save: HashMap<PathBuf, usize> = HashMap::new();
    let mut latest_base: HashMap<PathBuf, Base> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        if let Job::SaveScorecard { path, base, .. } = job {
            last_save.insert(path.clone(), index);
            if *base != Base::Continue {
                latest_base.insert(path.clone(), *base);
            }
        }
    }
    let mut changed: Vec<PathBuf> = Vec::new();
    let mut kept = Vec::new();
    for (index, job) in jobs.into_iter().enumerate() {
        match job {
            Job::SaveScorecard {
                path,
                scorecard,
                generation,
                id,
                base,
            } => {
                if last_save.get(&path) == Some(&index) {
                    let base = if base == Base::Continue {
                        latest_base.get(&path).copied().unwrap_or(Base::Continue)
                    } else {
                        base
                    };
                    kept.push(Job::SaveScorecard {
                        path,
                        scorecard,
                        generation,
                        id,
                        base,
                    });
                }
            }
            Job::Refresh(paths) => changed.extend(paths),
            other => kept.push(other),
        }
    }
    if !changed.is_empty() {
        kept.push(Job::Refresh(changed));
    }
    kept
}

/// The worker's state: the workspace, and what each scorecard file it saves
/// is expected to hold (the fingerprint it last wrote or was opened with;
/// `None`: absent), to notice when someone else wrote to it.
struct Worker {
    workspace: Workspace,
    /// When the last full read began, on this machine's clock.
    read_started: Option<std::time::SystemTime>,
    expected: HashMap<PathBuf, Option<u64>>,
    progress: Arc<LoadProgress>,
}

impl Worker {
    /// Reads the whole workspace, noting when the read began.
    fn load(&mut self) -> Report {
        self.read_started = Some(std::time::SystemTime::now());
        self.progress
            .done
            .store(0, std::sync::atomic::Ordering::Relaxed);
        Report::Loaded(Box::new(self.workspace.load_with_progress(&self.progress)))
    }

    /// Reads `paths` again: a refresh of their folders, or, from
    /// [`READ_WHOLE_FROM`] candidate folders on, the whole workspace.
    fn read_again(&mut self, paths: &[PathBuf]) -> Report {
        let folders = self.workspace.candidate_folders_of(paths).len();
        if folders >= READ_WHOLE_FROM {
            log::info!("{folders} candidate folders changed at once: reading the workspace again");
            return self.load();
        }
        Report::Refreshed(Box::new(self.workspace.refresh(paths)))
    }

    fn run(&mut self, job: Job) -> Report {
        match job {
            Job::WriteExport { path, bytes } => {
                let result = crate::io::write_export(&self.workspace, &path, &bytes);
                Report::FileWritten { path, result }
            }
            Job::WriteSample { root, now } => {
                let result = super::sample::write_sample(&root, now);
                Report::SampleWritten { root, result }
            }
            Job::WriteCopy {
                path,
                scorecard,
                reason,
            } => {
                let result = match reason {
                    CopyReason::KeepBoth | CopyReason::Closing => {
                        self.workspace.write_conflict_copy(&path, &scorecard)
                    }
                    CopyReason::SavedAs => {
                        self.workspace.write_scorecard_elsewhere(&path, &scorecard)
                    }
                };
                Report::CopyWritten {
                    asked: path,
                    reason,
                    result,
                }
            }
            Job::Load => self.load(),
            Job::CatchUp => {
                let read = match self.read_started {
                    None => self.load(),
                    Some(since) => match self.workspace.changed_since(since) {
                        CatchUp::ReadAll => self.load(),
                        CatchUp::Refresh(paths) => self.read_again(&paths),
                    },
                };
                Report::CaughtUp(Box::new(read))
            }
            Job::SaveTemplate(template) => {
                Report::TemplateSaved(self.workspace.save_template(&template))
            }
            Job::SavePracticeResults(results) => {
                Report::PracticeSaved(self.workspace.save_practice_results(&results))
            }
            Job::SaveOpening(opening) => Report::LoopFileSaved {
                what: "opening",
                path: self.workspace.opening_path(&opening.id),
                result: self.workspace.save_opening(&opening).map(|_| ()),
            },
            Job::SavePlan(candidate) => Report::LoopFileSaved {
                what: "plan",
                path: self
                    .workspace
                    .candidate_dir(&candidate.id)
                    .join("candidate.ron"),
                result: self.workspace.save_candidate(&candidate).map(|_| ()),
            },
            Job::SaveDecision(decision) => Report::LoopFileSaved {
                what: "decision",
                path: self.workspace.decision_path(&decision.candidate),
                result: self.workspace.save_decision(&decision).map(|_| ()),
            },
            Job::Erase(ids) => {
                let mut erased = Erased::default();
                for id in &ids {
                    match self.workspace.delete_candidate(id) {
                        Ok(one) => erased.absorb(one),
                        Err(err) => return Report::Erased(Err(err)),
                    }
                }
                Report::Erased(Ok(erased))
            }
            Job::Refresh(paths) => self.read_again(&paths),
            Job::PreviewImport {
                kind,
                files,
                opening,
                skip_broken,
                snapshot,
                zone,
                now,
            } => Report::ImportPreviewed(super::import_preview::preview(
                &self.workspace,
                &snapshot,
                super::import_preview::Asked {
                    kind,
                    files: &files,
                    opening: opening.as_ref(),
                    skip_broken,
                },
                (zone, now),
            )),
            Job::ApplyImport(pending) => {
                Report::ImportApplied(super::import_preview::apply(&self.workspace, &pending))
            }
            Job::SaveCandidate(candidate) => {
                Report::CandidateSaved(self.workspace.save_candidate(&candidate))
            }
            Job::SaveScorecard {
                path,
                scorecard,
                generation,
                id,
                base,
            } => {
                let result = self.save_scorecard(&path, &scorecard, base);
                Report::ScorecardSaved(Saved {
                    path,
                    generation,
                    id,
                    scorecard,
                    result,
                })
            }
        }
    }

    fn save_scorecard(
        &mut self,
        path: &PathBuf,
        scorecard: &Scorecard,
        base: Base,
    ) -> Result<u64, SaveProblem> {
        let expected = match base {
            Base::Opened(expected) => expected,
            Base::Continue => match self.expected.get(path) {
                Some(expected) => *expected,
                None => {
                    return Err(SaveProblem::Failed(StoreError::InvalidName(format!(
                        "{}: nothing is known about this file, so it is not written",
                        path.display()
                    ))));
                }
            },
            Base::Overwrite => self
                .workspace
                .fingerprint_on_disk(path)
                .map_err(SaveProblem::Failed)?,
        };
        // Later saves of this file build on this one, written or not.
        self.expected.insert(path.clone(), expected);
        match self
            .workspace
            .save_scorecard_checked(path, scorecard, expected)
        {
            Ok(written) => {
                self.expected.insert(path.clone(), Some(written));
                Ok(written)
            }
            Err(StoreError::ChangedOnDisk { .. }) => Err(SaveProblem::ChangedOnDisk),
            Err(err) => Err(SaveProblem::Failed(err)),
        }
    }
}
