//! The thread that reads and writes the workspace, so the UI never waits on
//! the disk.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::io::{Workspace, WorkspaceSnapshot};
use crate::model::{Candidate, Scorecard};

/// Work for the I/O thread.
#[derive(Debug)]
pub enum Job {
    /// Read the whole workspace.
    Load,
    /// Write a candidate's record.
    SaveCandidate(Box<Candidate>),
    /// Write a scorecard; `generation` comes back in the report.
    SaveScorecard {
        /// Its file.
        path: PathBuf,
        /// The content.
        scorecard: Box<Scorecard>,
        /// Which edit this save holds.
        generation: u64,
    },
}

/// What the I/O thread did.
#[derive(Debug)]
pub enum Report {
    /// The workspace as read.
    Loaded(Box<WorkspaceSnapshot>),
    /// A candidate write finished.
    CandidateSaved(Result<PathBuf, String>),
    /// A scorecard write finished.
    ScorecardSaved {
        /// Its file.
        path: PathBuf,
        /// The edit it holds.
        generation: u64,
        /// `Err(why)` if it failed.
        result: Result<(), String>,
    },
}

/// Handle to the I/O thread; dropping it ends the thread once its queue is
/// done.
pub struct IoWorker {
    jobs: Sender<Job>,
    reports: Receiver<Report>,
}

impl IoWorker {
    /// Starts the thread. `wake` is called after every report so the UI can
    /// repaint and pick it up.
    pub fn spawn(workspace: Workspace, wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_queue) = mpsc::channel::<Job>();
        let (report_sender, reports) = mpsc::channel();
        thread::Builder::new()
            .name("scorecard-io".to_owned())
            .spawn(move || {
                while let Ok(first) = job_queue.recv() {
                    // Take everything queued meanwhile, and write each
                    // scorecard once, with its latest content.
                    let batch = coalesce(std::iter::once(first).chain(job_queue.try_iter()));
                    for job in batch {
                        let report = run(&workspace, job);
                        if report_sender.send(report).is_err() {
                            return;
                        }
                        wake();
                    }
                }
            })
            .map_or_else(
                |err| {
                    // Without a thread nothing can be read or saved: say so
                    // in the reports the UI shows, rather than crash.
                    let (report_sender, reports) = mpsc::channel();
                    let _ = report_sender.send(Report::CandidateSaved(Err(format!(
                        "cannot start the I/O thread: {err}"
                    ))));
                    let (jobs, _) = mpsc::channel();
                    Self { jobs, reports }
                },
                |_| Self { jobs, reports },
            )
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
}

/// Keeps job order, but only the last save of each scorecard file.
fn coalesce(jobs: impl Iterator<Item = Job>) -> Vec<Job> {
    let jobs: Vec<Job> = jobs.collect();
    let mut last_save: HashMap<PathBuf, usize> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        if let Job::SaveScorecard { path, .. } = job {
            last_save.insert(path.clone(), index);
        }
    }
    jobs.into_iter()
        .enumerate()
        .filter(|(index, job)| match job {
            Job::SaveScorecard { path, .. } => last_save.get(path) == Some(index),
            _ => true,
        })
        .map(|(_, job)| job)
        .collect()
}

fn run(workspace: &Workspace, job: Job) -> Report {
    match job {
        Job::Load => Report::Loaded(Box::new(workspace.load())),
        Job::SaveCandidate(candidate) => Report::CandidateSaved(
            workspace
                .save_candidate(&candidate)
                .map_err(|e| e.to_string()),
        ),
        Job::SaveScorecard {
            path,
            scorecard,
            generation,
        } => {
            let result = workspace
                .save_scorecard(&path, &scorecard)
                .map_err(|e| e.to_string());
            Report::ScorecardSaved {
                path,
                generation,
                result,
            }
        }
    }
}
