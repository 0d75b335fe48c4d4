//! The app's side of the open scorecard's [`EditSession`]: it hands the
//! session the clock and the worker's reports, and carries out what the
//! session answers (a save, a conflict copy). Every write of a scorecard
//! starts here.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::edit_session::{
    CloseStep, CopyOutcome, CopyRequest, DiskState, EditSession, Resolved, SaveRequest, Theirs,
    conflict_copy_path,
};
use super::io_worker::{CopyReason, Job, Saved};
use super::scorecard_app::ScorecardApp;
use super::screen::Screen;
use crate::io::WorkspaceSnapshot;
use crate::model::Slug;
use crate::ui::{HeldWords, Resolution};

/// How long closing the window waits for the last saves.
const CLOSE_WAIT: Duration = Duration::from_secs(10);

impl ScorecardApp {
    /// Each frame: sends the save the session says is due.
    pub(super) fn autosave(&mut self, time: f64) {
        let (Some(session), Screen::Interview(interview)) =
            (self.sessions.open_mut(), &self.screen)
        else {
            return;
        };
        if let Some(save) = session.poll(interview.edits, &interview.scorecard, time) {
            self.send_save(save);
        }
    }

    /// Hands a save to the worker, and shows it in the lists at once.
    fn send_save(&mut self, save: SaveRequest) {
        let SaveRequest {
            path,
            scorecard,
            generation,
            id,
            base,
        } = save;
        if self.ws.snapshot.apply_scorecard(&path, &scorecard) {
            self.aggregates.note_changed([scorecard.candidate.clone()]);
        }
        self.ws.worker.send(Job::SaveScorecard {
            path,
            scorecard: Box::new(scorecard),
            generation,
            id,
            base,
        });
    }

    fn send_copy(&mut self, copy: CopyRequest) {
        self.ws.worker.send(Job::WriteCopy {
            path: copy.path,
            scorecard: Box::new(copy.scorecard),
            reason: copy.reason,
        });
    }

    /// Puts `session` on the interview screen. A session still finishing
    /// the last save of the same file is taken back instead: it knows what
    /// that save will leave on disk. One already closing (its words being
    /// copied aside, or held) stays closing: the new session starts from
    /// the file.
    pub(super) fn begin_editing(&mut self, session: EditSession) {
        let edits = self.sessions.begin(session);
        if let Screen::Interview(interview) = &mut self.screen {
            interview.edits = interview.edits.max(edits);
        }
    }

    /// Closes the open scorecard's session (leaving its screen, or closing
    /// the window): its last edits are saved, or copied aside if the file
    /// cannot take them. Nothing is waited for here.
    pub(super) fn leave_interview(&mut self, time: f64) {
        let Some(mut session) = self.sessions.take_open() else {
            return;
        };
        let Screen::Interview(interview) = &self.screen else {
            log::error!(
                "{}: an edit session without its screen; its last edits are in the scorecard's draft only if saved before",
                session.path().display()
            );
            return;
        };
        let copy_to = conflict_copy_path(session.path(), self.clock.now());
        let step = session.close(&interview.scorecard, interview.edits, time, copy_to);
        self.carry_out(session, step);
    }

    fn carry_out(&mut self, session: EditSession, step: CloseStep) {
        match step {
            CloseStep::Done => {}
            CloseStep::Save(save) => {
                self.send_save(save);
                self.sessions.keep_closing(session);
            }
            CloseStep::Wait | CloseStep::Held => self.sessions.keep_closing(session),
            CloseStep::Copy(copy) => {
                self.send_copy(copy);
                self.sessions.keep_closing(session);
            }
        }
    }

    /// A scorecard save finished: the session it belongs to learns how.
    pub(super) fn on_scorecard_saved(&mut self, saved: Saved, time: f64) {
        let Saved {
            path,
            generation,
            id,
            scorecard,
            result,
        } = saved;
        let path = path.as_path();
        if let Ok(written) = result {
            self.ws.snapshot.set_fingerprint(path, written, &scorecard);
        }
        if let Some(session) = self.sessions.open_mut().filter(|s| s.path() == path) {
            session.saved(id, generation, &result, time);
            if session.in_conflict() {
                // Read their version, to offer it.
                self.ws.worker.send(Job::Refresh(vec![path.to_path_buf()]));
            }
            return;
        }
        if let Some(mut session) = self.sessions.take_closing(|s| s.path() == path) {
            session.saved(id, generation, &result, time);
            let copy_to = conflict_copy_path(path, self.clock.now());
            let step = session.close_again(time, copy_to);
            self.carry_out(session, step);
            return;
        }
        if let Err(err) = result {
            self.problems
                .push(format!("{} was not saved: {err:#}", path.display()));
        }
    }

    /// A copy was written, or not: the session that asked learns how (a
    /// failure is written again, then held for the user).
    pub(super) fn on_copy_written(
        &mut self,
        asked: &Path,
        reason: CopyReason,
        result: Result<PathBuf, crate::io::StoreError>,
        time: f64,
    ) {
        let told = result
            .as_ref()
            .map(|_| ())
            .map_err(|err| format!("{err:#}"));
        let outcome =
            if let Some(session) = self.sessions.open_mut().filter(|s| s.awaits_copy(asked)) {
                session.copy_written(asked, told)
            } else if let Some(mut session) = self.sessions.take_closing(|s| s.awaits_copy(asked)) {
                let outcome = session.copy_written(asked, told);
                let copy_to = conflict_copy_path(session.path(), self.clock.now());
                let step = session.close_again(time, copy_to);
                self.carry_out(session, step);
                outcome
            } else {
                CopyOutcome::NotOurs
            };
        match (outcome, result) {
            (CopyOutcome::Retry(again), Err(err)) => {
                log::warn!("{}: not written ({err:#}); trying again", asked.display());
                self.send_copy(*again);
            }
            (CopyOutcome::Held, Err(err)) => log::error!(
                "{}: not written ({err:#}); the words are held until the user chooses",
                asked.display()
            ),
            (_, Ok(path)) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                log::info!("kept a version apart from its file: {}", path.display());
                self.info = Some(match reason {
                    CopyReason::KeepBoth => {
                        format!("Kept both: your version is beside the other as {name}")
                    }
                    CopyReason::Closing => format!(
                        "Your version could not be saved in its file (it changed on disk, or the save failed): the file is left as it is, and your version is kept beside it as {name}"
                    ),
                    CopyReason::SavedAs => format!("Your words are saved as {}", path.display()),
                });
            }
            (CopyOutcome::NotOurs | CopyOutcome::Written, Err(err)) => {
                self.problems.push(format!(
                    "Your version could not be written beside its file ({}): {err:#}",
                    asked.display()
                ));
            }
        }
    }

    /// The first words no write could put on disk, waiting for the user
    /// (the prompt shows them; closing the window waits for them).
    pub fn held_words(&self) -> Option<HeldWords<'_>> {
        self.sessions.held()
    }

    /// The user's *Try again* on the words held for `copy`.
    pub(super) fn retry_held_words(&mut self, copy: &Path) {
        if let Some(again) = self.sessions.find_map_mut(|s| s.retry_held(copy)) {
            self.send_copy(again);
        }
    }

    /// The user's *Save my words as…* `path` for the words held for `copy`.
    pub(super) fn save_held_words_as(&mut self, copy: &Path, path: PathBuf) {
        if path.as_os_str().is_empty() {
            self.problems
                .push("Type where to save your words, or choose a file".to_owned());
            return;
        }
        if let Some(request) = self
            .sessions
            .find_map_mut(|s| s.save_held_as(copy, path.clone()))
        {
            self.send_copy(request);
        }
    }

    /// The user's *Discard these words* for those held for `copy`: a
    /// closing session they held back is over.
    pub(super) fn discard_held_words(&mut self, copy: &Path, time: f64) {
        let discarded = |session: &EditSession| {
            log::warn!(
                "{}: the words that could not be written were discarded by the user",
                session.path().display()
            );
        };
        if let Some(mut session) = self.sessions.take_closing(|s| s.holds(copy)) {
            session.discard_held(copy);
            discarded(&session);
            let copy_to = conflict_copy_path(session.path(), self.clock.now());
            let step = session.close_again(time, copy_to);
            self.carry_out(session, step);
        } else if let Some(session) = self.sessions.open_mut().filter(|s| s.holds(copy)) {
            session.discard_held(copy);
            discarded(session);
        }
    }

    /// After a re-read: the open scorecard's session learns what its file
    /// holds now (a colleague's write is a conflict).
    pub(super) fn check_open_file(&mut self) {
        let Some(session) = self.sessions.open_mut() else {
            return;
        };
        if let Some(state) = disk_state(&self.ws.snapshot, session.path()) {
            session.disk_changed(state);
        }
    }

    /// The user's choice in a conflict.
    pub(super) fn resolve_conflict(&mut self, resolution: Resolution) {
        let (Some(session), Screen::Interview(interview)) =
            (self.sessions.open_mut(), &mut self.screen)
        else {
            return;
        };
        let theirs = self.ws.snapshot.scorecard_at(session.path()).and_then(|s| {
            Some(Theirs {
                scorecard: s.scorecard.clone(),
                fingerprint: s.fingerprint?,
            })
        });
        let copy_to = conflict_copy_path(session.path(), self.clock.now());
        let resolved = session.resolve(
            resolution,
            &interview.scorecard,
            interview.edits,
            theirs,
            copy_to,
        );
        match resolved {
            Ok(Resolved::Save(save)) => self.send_save(save),
            Ok(Resolved::TakeTheirs(theirs)) => interview.scorecard = *theirs,
            Ok(Resolved::KeepBoth { theirs, copy }) => {
                interview.scorecard = *theirs;
                self.send_copy(copy);
            }
            Err(err) => self.problems.push(format!("{err:#}")),
        }
    }

    /// Ends every session of these candidates without a write: they are
    /// being erased, and a save would bring a file back.
    pub(super) fn drop_sessions_of(&mut self, ids: &[Slug]) {
        let dirs: Vec<PathBuf> = ids
            .iter()
            .map(|id| self.ws.workspace.candidate_dir(id))
            .collect();
        self.sessions.drop_under(&dirs);
    }

    /// What closing the window does: the open scorecard's session closes,
    /// and the last saves and copies are waited for (up to [`CLOSE_WAIT`]),
    /// so nothing typed is lost and no colleague's file is written over.
    /// Returns whether the window may close: `false` while words no write
    /// could take are held ([`Self::held_words`]); the app is then back on
    /// Home with the prompt. Public so a test can close the app as a user
    /// would.
    pub fn close_window(&mut self) -> bool {
        let time = self.last_time;
        // Nobody reads the top bar of a closing window: what it would say
        // goes to the log instead.
        let mark = self.problems.mark();
        self.leave_interview(time);
        let deadline = Instant::now() + CLOSE_WAIT;
        while self.sessions.waiting().next().is_some() {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(report) = self.ws.worker.recv_timeout(left) else {
                break;
            };
            self.handle_report(report, time);
        }
        for path in self.sessions.waiting() {
            log::error!(
                "{}: closed before its last write was confirmed",
                path.display()
            );
        }
        for problem in self.problems.told_since(mark) {
            log::error!("while closing: {problem}");
        }
        match self.held_words() {
            Some(held) => {
                log::warn!(
                    "{}: the window stays open, its words are held: {}",
                    held.file.display(),
                    held.reason
                );
                self.screen = Screen::Home;
                false
            }
            None => true,
        }
    }

    /// Whether every session's writes are settled (tests wait for it).
    pub fn writes_settled(&self) -> bool {
        self.sessions.settled()
    }
}

/// What the snapshot says of the file at `path`; `None` when it knows
/// nothing read from disk (a scorecard shown before its first write).
fn disk_state(snapshot: &WorkspaceSnapshot, path: &Path) -> Option<DiskState> {
    if snapshot.error_at(path).is_some() {
        return Some(DiskState::Unreadable);
    }
    match snapshot.scorecard_at(path) {
        Some(record) => record.fingerprint.map(DiskState::Readable),
        None => Some(DiskState::Absent),
    }
}
