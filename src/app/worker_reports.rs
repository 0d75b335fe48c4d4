//! What the I/O worker reports back, taken in on the UI thread. Each error
//! arrives typed and is handled once: logged and shown.

use super::io_worker::{Job, Report};
use super::scorecard_app::ScorecardApp;

impl ScorecardApp {
    /// Takes every report waiting.
    pub(super) fn handle_reports(&mut self, time: f64) {
        while let Some(report) = self.ws.worker.try_recv() {
            self.handle_report(report, time);
        }
    }

    /// Takes one report.
    pub(super) fn handle_report(&mut self, report: Report, time: f64) {
        match report {
            Report::Loaded(snapshot) => {
                let old = self.ws.snapshot.replace(*snapshot);
                // Freeing a whole workspace's records takes about 60 ms at
                // 100k (`examples/scale_phases.rs`): not on this thread.
                crate::io::let_go("the old snapshot", old);
                self.ws.loaded = true;
                self.check_open_file();
            }
            Report::CannotStart(err) => {
                self.problems.push(format!(
                    "Nothing can be read or saved: cannot start the I/O thread ({err:#}); restart the app"
                ));
            }
            Report::CandidateSaved(Ok(_)) => {}
            Report::CandidateSaved(Err(err)) => {
                self.problems
                    .push(format!("The candidate was not saved: {err:#}"));
            }
            Report::TemplateSaved(Ok(path)) => {
                self.info = Some(format!("Saved {}", path.display()));
                self.ws.worker.send(Job::Refresh(vec![path]));
            }
            Report::PracticeSaved(Ok(path)) => {
                self.info = Some(format!("Practice round kept in {}", path.display()));
            }
            Report::PracticeSaved(Err(err)) => {
                self.problems
                    .push(format!("The practice round was not saved: {err:#}"));
            }
            Report::LoopFileSaved { what, path, result } => {
                // Read back either way, so the snapshot holds what the file
                // holds (after a failure, not what was shown meanwhile).
                self.ws.worker.send(Job::Refresh(vec![path]));
                if let Err(err) = result {
                    self.problems
                        .push(format!("The {what} was not saved: {err:#}"));
                }
            }
            Report::TemplateSaved(Err(err)) => {
                self.problems
                    .push(format!("The template was not saved: {err:#}"));
            }
            Report::Erased(result) => {
                // Read again what is left: the folders are gone or not.
                self.ws.worker.send(Job::Load);
                match result {
                    Ok(erased) => {
                        let links = match erased.links {
                            0 => String::new(),
                            n => format!(
                                ", {n} symbolic link(s) (the links, not what they point to)"
                            ),
                        };
                        self.info = Some(format!(
                            "Erased {} candidate(s), {} file(s){links}",
                            erased.candidates.len(),
                            erased.files
                        ));
                    }
                    Err(err) => {
                        self.problems
                            .push(format!("Not everything was erased: {err:#}"));
                    }
                }
            }
            Report::FileWritten { path, result } => match result {
                Ok(()) => self.info = Some(format!("Exported to {}", path.display())),
                Err(err) => {
                    self.problems
                        .push(format!("The export was not written: {err:#}"));
                }
            },
            Report::CopyWritten {
                asked,
                reason,
                result,
            } => self.on_copy_written(&asked, reason, result, time),
            Report::SampleWritten { root, result } => match result {
                Ok(_) => {
                    self.switch_workspace(root, time);
                    self.info = Some(
                        "This is the sample workspace: made-up candidates and scorecards to look around in"
                            .to_owned(),
                    );
                }
                Err(err) => {
                    log::error!("sample workspace not written: {err:#}");
                    self.problems
                        .push(format!("The sample workspace was not written: {err:#}"));
                }
            },
            Report::Refreshed(refresh) => {
                let touched = refresh.candidates_only();
                // A re-read of our own write changes only fingerprints:
                // then nothing derived from the snapshot is redone.
                if self.ws.snapshot.apply(*refresh, &self.ws.workspace)
                    && let Some(ids) = touched
                {
                    self.aggregates.note_changed(ids);
                }
                self.check_open_file();
            }
            Report::ScorecardSaved(saved) => self.on_scorecard_saved(saved, time),
            Report::ImportPreviewed(result) => self.on_import_previewed(result),
            Report::ImportApplied(result) => self.on_import_applied(result),
            Report::CaughtUp(read) => {
                self.handle_report(*read, time);
                self.ws.caught_up = true;
            }
        }
    }
}
