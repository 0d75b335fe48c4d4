//! The edit session: one scorecard being edited, and where it stands with
//! its file.
//!
//! A plain state machine (no egui, no threads, no file system): the app
//! feeds it what happens — an edit, the clock, a save's result, a change
//! seen on disk, the user's choice in a conflict, closing — and carries out
//! what it answers (a save, a copy to write). Every path that writes the
//! scorecard (autosave, leaving the screen, closing the window, exit) asks
//! the session, so the no-silent-overwrite check cannot be skipped:
//!
//! - every save carries a [`Base`], what the file is expected to hold; the
//!   worker refuses to write over anything else and reports a conflict;
//! - while a conflict is open nothing is written to the file, and the
//!   indicator says so (*Not saved: resolve the conflict*);
//! - closing (or leaving the screen) with a conflict open keeps both: the
//!   colleague's file stays as it is, and this version is written beside
//!   it under a conflict-copy name. Closing after a save that could not be
//!   written does the same, so no word is dropped.
//!
//! The working copy of the scorecard is the interview screen's (the view
//! edits it in place and counts its edits); the session is handed it when
//! a save goes out, and keeps the newest content it sent until that is on
//! disk, so a closing session can still copy it aside.

use std::path::{Path, PathBuf};

use super::autosave::Autosave;
use super::io_worker::{Base, SaveProblem};
use crate::model::{Scorecard, Timestamp};
use crate::ui::SaveStatus;

/// A save the session wants written.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveRequest {
    /// The scorecard's file.
    pub path: PathBuf,
    /// What to write.
    pub scorecard: Scorecard,
    /// Which edit it holds.
    pub generation: u64,
    /// This session's number for the save, to tell its result apart from
    /// those of saves sent before a conflict was resolved.
    pub id: u64,
    /// What the file may be expected to hold.
    pub base: Base,
}

/// This version of the scorecard, to be written beside the file under a
/// new name (never over an existing file).
#[derive(Clone, Debug, PartialEq)]
pub struct CopyRequest {
    /// A conflict-copy name next to the scorecard's file.
    pub path: PathBuf,
    /// What to write.
    pub scorecard: Scorecard,
}

/// The scorecard's file as a re-read found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// The file is gone.
    Absent,
    /// The file parses; its fingerprint.
    Readable(u64),
    /// The file is there but does not parse.
    Unreadable,
}

/// The colleague's version, offered in a conflict.
#[derive(Clone, Debug, PartialEq)]
pub struct Theirs {
    /// Their scorecard.
    pub scorecard: Scorecard,
    /// The fingerprint of their file.
    pub fingerprint: u64,
}

/// What the user chose in a conflict, and what the app has to do for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved {
    /// Write this version over theirs.
    Save(SaveRequest),
    /// Continue from theirs: the screen's working copy becomes `theirs`.
    TakeTheirs(Box<Scorecard>),
    /// Continue from theirs, and write this version beside it.
    KeepBoth {
        /// The screen's working copy becomes this.
        theirs: Box<Scorecard>,
        /// This version, as a conflict copy.
        copy: CopyRequest,
    },
}

/// Why a resolution could not be carried out; the conflict stays open.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// There is no conflict to resolve.
    #[error("there is no conflict to resolve")]
    NoConflict,
    /// Their version is not read yet, or cannot be read (it is broken or
    /// gone), so it cannot be taken.
    #[error(
        "The other version is not read yet, or cannot be read (it is gone, or listed on Home as unreadable): keep yours, or try again in a moment"
    )]
    TheirsUnreadable,
}

/// One step of closing the session.
#[derive(Clone, Debug, PartialEq)]
pub enum CloseStep {
    /// Everything is on disk (or was copied aside): the session is over.
    Done,
    /// Write this last save, then ask again.
    Save(SaveRequest),
    /// A save is on its way: wait for its result, then ask again.
    Wait,
    /// The file cannot take this version (a conflict, or the last save
    /// failed): write it beside the file. The session is then over.
    Copy(CopyRequest),
}

/// Where a session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Edits are saved as they come.
    Editing,
    /// The file changed on disk under us: nothing is written until the user
    /// chooses a version (or the session closes, keeping both).
    Conflict,
    /// Closed: nothing more is written.
    Closed,
}

/// One scorecard being edited: its autosave timing, what its file is
/// believed to hold, and whether it is in conflict.
#[derive(Clone, Debug)]
pub struct EditSession {
    path: PathBuf,
    schedule: Autosave,
    /// The edit count of the working copy, as last seen.
    edits: u64,
    /// What the file held when last read or written (fingerprint), `None`
    /// if absent.
    on_disk: Option<u64>,
    /// What the next save may assume about the file.
    base: Base,
    phase: Phase,
    /// The newest content sent to be written and not yet confirmed.
    unconfirmed: Option<Scorecard>,
    /// The number of the next save.
    next_id: u64,
    /// Saves up to this number were sent before the last resolution: a
    /// failure of theirs says nothing about the file as it is now.
    stale_up_to: u64,
}

impl EditSession {
    /// A session on a scorecard read from `path`, whose file had
    /// `fingerprint` (`None`: absent), with the working copy at `edits`.
    pub fn opened(path: PathBuf, fingerprint: Option<u64>, edits: u64) -> Self {
        Self {
            path,
            schedule: Autosave::new(edits),
            edits,
            on_disk: fingerprint,
            base: Base::Opened(fingerprint),
            phase: Phase::Editing,
            unconfirmed: None,
            next_id: 1,
            stale_up_to: 0,
        }
    }

    /// A session on a new draft, not on disk yet: its first save is due at
    /// once, so it shows as pending even if nothing is typed.
    pub fn new_draft(path: PathBuf) -> Self {
        let mut session = Self::opened(path, None, 0);
        session.edits = 1;
        session.schedule.observe(1, f64::NEG_INFINITY);
        session
    }

    /// The scorecard's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the session stands.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Whether the file changed under us and the user has to choose.
    pub fn in_conflict(&self) -> bool {
        self.phase == Phase::Conflict
    }

    /// Whether some edit is not known to be on disk.
    pub fn is_dirty(&self) -> bool {
        self.schedule.is_dirty()
    }

    /// What the top bar's indicator says.
    pub fn status(&self) -> SaveStatus {
        match self.phase {
            Phase::Conflict => SaveStatus::Conflict,
            Phase::Editing | Phase::Closed => self.schedule.status(),
        }
    }

    /// Seconds until a save will be due, if one waits (to wake the UI).
    pub fn next_due_in(&self, now: f64) -> Option<f64> {
        match self.phase {
            Phase::Editing => self.schedule.next_due_in(now),
            Phase::Conflict | Phase::Closed => None,
        }
    }

    /// The working copy is at `edits` (it moves with every edit) at UI time
    /// `now`; returns the save that is due, if one is.
    pub fn poll(&mut self, edits: u64, scorecard: &Scorecard, now: f64) -> Option<SaveRequest> {
        self.observe(edits, now);
        if self.phase != Phase::Editing {
            return None;
        }
        let generation = self.schedule.take_due(now)?;
        Some(self.request(generation, scorecard))
    }

    /// Like [`Self::poll`], but whatever is unsaved is due now (leaving the
    /// screen, closing).
    pub fn flush(&mut self, edits: u64, scorecard: &Scorecard, now: f64) -> Option<SaveRequest> {
        self.observe(edits, now);
        if self.phase != Phase::Editing {
            return None;
        }
        let generation = self.schedule.take_due(f64::INFINITY)?;
        Some(self.request(generation, scorecard))
    }

    fn observe(&mut self, edits: u64, now: f64) {
        if self.phase != Phase::Closed {
            self.edits = edits;
            self.schedule.observe(edits, now);
        }
    }

    fn request(&mut self, generation: u64, scorecard: &Scorecard) -> SaveRequest {
        let base = self.base;
        // The worker now knows what to expect of the file.
        self.base = Base::Continue;
        self.unconfirmed = Some(scorecard.clone());
        let id = self.next_id;
        self.next_id += 1;
        SaveRequest {
            path: self.path.clone(),
            scorecard: scorecard.clone(),
            generation,
            id,
            base,
        }
    }

    /// Save number `id`, of edit `generation`, finished at UI time `now`:
    /// written (the fingerprint of what is on disk now), refused because the
    /// file changed, or failed. A failure of a save sent before the last
    /// resolution is stale (the user has chosen since) and changes nothing.
    pub fn saved(&mut self, id: u64, generation: u64, result: &Result<u64, SaveProblem>, now: f64) {
        if id <= self.stale_up_to && result.is_err() {
            return;
        }
        match result {
            Ok(written) => {
                self.on_disk = Some(*written);
                self.schedule.on_saved(generation, Ok(()), now);
                if !self.schedule.is_dirty() {
                    self.unconfirmed = None;
                }
            }
            Err(SaveProblem::ChangedOnDisk) => {
                self.schedule
                    .on_saved(generation, Err("the file changed on disk".to_owned()), now);
                if self.phase == Phase::Editing {
                    self.phase = Phase::Conflict;
                }
            }
            Err(SaveProblem::Failed(why)) => {
                self.schedule
                    .on_saved(generation, Err(format!("{why:#}")), now);
            }
        }
    }

    /// A re-read of the workspace found the file in `state`. If it holds
    /// something this session did not write, while every edit of ours is
    /// on disk, a colleague wrote it: that is a conflict. With a save of
    /// ours on its way, the save's own check decides (the re-read may be
    /// seeing our own write before its report arrived).
    pub fn disk_changed(&mut self, state: DiskState) {
        if self.phase != Phase::Editing || self.schedule.is_dirty() {
            return;
        }
        match state {
            DiskState::Readable(fingerprint) if self.on_disk != Some(fingerprint) => {
                self.phase = Phase::Conflict;
            }
            // Gone or broken: the next save's check refuses to recreate a
            // vanished file or to write over a broken one, and says so;
            // until an edit, nothing needs saving.
            DiskState::Readable(_) | DiskState::Absent | DiskState::Unreadable => {}
        }
    }

    /// The user's choice in a conflict. `mine` is the working copy (at
    /// `edits`), `theirs` the file's version if it can be read, `copy_to`
    /// where *keep both* writes this version.
    pub fn resolve(
        &mut self,
        resolution: crate::ui::Resolution,
        mine: &Scorecard,
        edits: u64,
        theirs: Option<Theirs>,
        copy_to: PathBuf,
    ) -> Result<Resolved, ResolveError> {
        use crate::ui::Resolution;
        if self.phase != Phase::Conflict {
            return Err(ResolveError::NoConflict);
        }
        if resolution != Resolution::KeepMine && theirs.is_none() {
            return Err(ResolveError::TheirsUnreadable);
        }
        // Whatever was sent before this choice is answered by it.
        self.stale_up_to = self.next_id - 1;
        match resolution {
            Resolution::KeepMine => {
                self.phase = Phase::Editing;
                // Over their version as the user saw it; if it changed
                // again since, that is a new conflict. Not read yet (or
                // unreadable): over whatever is there, the store still
                // refusing to write over a file that does not parse.
                self.base = match &theirs {
                    Some(theirs) => Base::Opened(Some(theirs.fingerprint)),
                    None => Base::Overwrite,
                };
                self.edits = edits;
                // A save of the current state, even with no new edit.
                let generation = edits.max(1);
                self.schedule.force(generation);
                Ok(Resolved::Save(self.request(generation, mine)))
            }
            Resolution::TakeTheirs | Resolution::KeepBoth => {
                let theirs = theirs.ok_or(ResolveError::TheirsUnreadable)?;
                self.phase = Phase::Editing;
                self.on_disk = Some(theirs.fingerprint);
                self.base = Base::Opened(Some(theirs.fingerprint));
                self.edits = edits;
                self.schedule = Autosave::new(edits);
                self.unconfirmed = None;
                let scorecard = Box::new(theirs.scorecard);
                if resolution == Resolution::KeepBoth {
                    Ok(Resolved::KeepBoth {
                        theirs: scorecard,
                        copy: CopyRequest {
                            path: copy_to,
                            scorecard: mine.clone(),
                        },
                    })
                } else {
                    Ok(Resolved::TakeTheirs(scorecard))
                }
            }
        }
    }

    /// The next step of closing (the window, the app, or leaving the
    /// screen). `mine` is the working copy at `edits`; `copy_to` is where
    /// this version goes if the file cannot take it. Ask again after each
    /// step until [`CloseStep::Done`] or a [`CloseStep::Copy`].
    pub fn close(&mut self, mine: &Scorecard, edits: u64, now: f64, copy_to: PathBuf) -> CloseStep {
        if self.phase == Phase::Closed {
            return CloseStep::Done;
        }
        self.observe(edits, now);
        let copy = |session: &mut Self| {
            session.phase = Phase::Closed;
            CloseStep::Copy(CopyRequest {
                path: copy_to.clone(),
                scorecard: mine.clone(),
            })
        };
        if self.phase == Phase::Conflict {
            // Never over the colleague's file, never dropped: both stay.
            return copy(self);
        }
        if !self.schedule.is_dirty() {
            self.phase = Phase::Closed;
            return CloseStep::Done;
        }
        if self.schedule.has_failed() {
            // The file would not take the last save (a broken file in its
            // place, a full disk): the words go beside it.
            return copy(self);
        }
        match self.schedule.take_due(f64::INFINITY) {
            Some(generation) => CloseStep::Save(self.request(generation, mine)),
            None => CloseStep::Wait,
        }
    }

    /// The content of the last save sent and not yet on disk (what a
    /// session closed by leaving the screen still has to get written).
    pub fn unconfirmed(&self) -> Option<&Scorecard> {
        self.unconfirmed.as_ref()
    }

    /// The edit count last seen.
    pub fn edits(&self) -> u64 {
        self.edits
    }
}

/// Where *keep both* (and closing in a conflict) puts this version: a name
/// every sync tool and this app treat as a conflict copy, next to the
/// original. The worker never writes it over an existing file.
pub fn conflict_copy_path(path: &Path, now: Timestamp) -> PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("scorecard");
    let when = now.as_utc().format("%Y-%m-%d %H%M%S");
    path.with_file_name(format!(
        "{stem} (conflicted copy kept by Scorecard {when}).ron"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rating, Slug};
    use crate::ui::Resolution;

    fn card(evidence: &str) -> Scorecard {
        let mut scorecard = Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("infrastructure-engineer").unwrap(),
            1,
            "Priya Raman",
            "",
            "2026-11-21T10:00:00Z".parse().unwrap(),
        );
        scorecard.notes = evidence.to_owned();
        scorecard
    }

    fn failed(why: &str) -> SaveProblem {
        SaveProblem::Failed(crate::io::StoreError::InvalidName(why.to_owned()))
    }

    fn path() -> PathBuf {
        PathBuf::from("/w/candidates/c-1/scorecards/priya-raman--.ron")
    }

    fn copy_path() -> PathBuf {
        PathBuf::from("/w/candidates/c-1/scorecards/priya-raman-- (conflicted copy).ron")
    }

    /// A session on a file with fingerprint 7, after one saved edit.
    fn saved_once() -> EditSession {
        let mut session = EditSession::opened(path(), Some(7), 0);
        let save = session.poll(1, &card("a"), 0.0);
        assert_eq!(save, None, "not due while typing goes on");
        let save = session.poll(1, &card("a"), 0.5).unwrap();
        assert_eq!(save.base, Base::Opened(Some(7)));
        session.saved(save.id, save.generation, &Ok(8), 0.6);
        assert_eq!(session.status(), SaveStatus::Saved);
        session
    }

    #[test]
    fn an_edit_is_saved_after_a_pause_then_builds_on_the_last_write() {
        let mut session = saved_once();
        assert_eq!(session.poll(2, &card("ab"), 1.0), None);
        assert_eq!(session.status(), SaveStatus::Saving);
        let save = session.poll(2, &card("ab"), 1.4).unwrap();
        assert_eq!(save.base, Base::Continue);
        assert_eq!(save.scorecard.notes, "ab");
        assert_eq!(session.unconfirmed().map(|s| s.notes.as_str()), Some("ab"));
        session.saved(save.id, save.generation, &Ok(9), 1.5);
        assert_eq!(session.unconfirmed(), None);
        assert!(!session.is_dirty());
    }

    #[test]
    fn a_new_draft_is_due_at_once() {
        let mut session = EditSession::new_draft(path());
        assert!(session.is_dirty());
        let save = session.poll(1, &card(""), 0.0).unwrap();
        assert_eq!(save.base, Base::Opened(None));
    }

    #[test]
    fn a_save_refused_by_the_disk_opens_a_conflict_and_nothing_more_is_written() {
        let mut session = saved_once();
        let save = session.flush(2, &card("ab"), 1.0).unwrap();
        session.saved(
            save.id,
            save.generation,
            &Err(SaveProblem::ChangedOnDisk),
            1.1,
        );
        assert!(session.in_conflict());
        assert_eq!(session.status(), SaveStatus::Conflict);
        // Typing goes on; nothing is sent, however long.
        assert_eq!(session.poll(3, &card("abc"), 5.0), None);
        assert_eq!(session.flush(3, &card("abc"), 5.0), None);
        assert_eq!(session.next_due_in(5.0), None);
        assert!(session.is_dirty());
    }

    #[test]
    fn a_failed_save_is_shown_and_retried() {
        let mut session = saved_once();
        let save = session.flush(2, &card("ab"), 1.0).unwrap();
        session.saved(save.id, save.generation, &Err(failed("disk full")), 1.1);
        assert_eq!(session.status(), SaveStatus::Failed("disk full".to_owned()));
        assert_eq!(
            session.poll(2, &card("ab"), 1.5),
            None,
            "not before the retry"
        );
        let retry = session.poll(2, &card("ab"), 2.2).unwrap();
        session.saved(retry.id, retry.generation, &Ok(10), 2.3);
        assert_eq!(session.status(), SaveStatus::Saved);
    }

    #[test]
    fn a_colleagues_write_seen_on_disk_is_a_conflict_when_all_is_saved() {
        let mut session = saved_once();
        session.disk_changed(DiskState::Readable(8));
        assert!(!session.in_conflict(), "our own write");
        session.disk_changed(DiskState::Readable(42));
        assert!(session.in_conflict());
    }

    #[test]
    fn a_change_seen_while_our_save_is_on_its_way_is_left_to_the_save() {
        let mut session = saved_once();
        let _save = session.flush(2, &card("ab"), 1.0).unwrap();
        session.disk_changed(DiskState::Readable(99));
        assert!(!session.in_conflict());
    }

    #[test]
    fn a_vanished_or_broken_file_is_no_conflict_until_a_save_says_so() {
        let mut session = saved_once();
        session.disk_changed(DiskState::Absent);
        session.disk_changed(DiskState::Unreadable);
        assert!(!session.in_conflict());
    }

    fn in_conflict() -> EditSession {
        let mut session = saved_once();
        session.disk_changed(DiskState::Readable(42));
        assert!(session.in_conflict());
        session
    }

    fn theirs() -> Theirs {
        Theirs {
            scorecard: card("theirs"),
            fingerprint: 42,
        }
    }

    #[test]
    fn keep_mine_writes_over_theirs_at_once() {
        let mut session = in_conflict();
        let resolved = session
            .resolve(
                Resolution::KeepMine,
                &card("mine"),
                3,
                Some(theirs()),
                copy_path(),
            )
            .unwrap();
        let Resolved::Save(save) = resolved else {
            panic!("{resolved:?}");
        };
        assert_eq!(save.base, Base::Opened(Some(42)), "over theirs as seen");
        assert_eq!(save.scorecard.notes, "mine");
        assert!(!session.in_conflict());
        session.saved(save.id, save.generation, &Ok(43), 1.0);
        assert_eq!(session.status(), SaveStatus::Saved);
        // The next save builds on the one that went over theirs.
        let next = session.flush(4, &card("mine+"), 2.0).unwrap();
        assert_eq!(next.base, Base::Continue);
    }

    #[test]
    fn a_refusal_of_a_save_sent_before_the_choice_does_not_reopen_the_conflict() {
        let mut session = saved_once();
        // Two saves on their way; the first is refused: a conflict.
        let first = session.flush(2, &card("ab"), 1.0).unwrap();
        let second = session.flush(3, &card("abc"), 1.1).unwrap();
        session.saved(
            first.id,
            first.generation,
            &Err(SaveProblem::ChangedOnDisk),
            1.2,
        );
        assert!(session.in_conflict());
        let Ok(Resolved::Save(mine)) = session.resolve(
            Resolution::KeepMine,
            &card("abc"),
            3,
            Some(theirs()),
            copy_path(),
        ) else {
            panic!("keep mine saves");
        };
        // The second save's refusal arrives after the choice: stale.
        session.saved(
            second.id,
            second.generation,
            &Err(SaveProblem::ChangedOnDisk),
            1.3,
        );
        assert!(!session.in_conflict());
        session.saved(mine.id, mine.generation, &Ok(77), 1.4);
        assert_eq!(session.status(), SaveStatus::Saved);
        assert_eq!(
            session.close(&card("abc"), 3, 2.0, copy_path()),
            CloseStep::Done,
            "no spurious copy"
        );
    }

    #[test]
    fn take_theirs_continues_from_their_file() {
        let mut session = in_conflict();
        let resolved = session
            .resolve(
                Resolution::TakeTheirs,
                &card("mine"),
                3,
                Some(theirs()),
                copy_path(),
            )
            .unwrap();
        assert_eq!(resolved, Resolved::TakeTheirs(Box::new(card("theirs"))));
        assert!(!session.is_dirty());
        assert_eq!(session.status(), SaveStatus::Saved);
        let next = session.flush(4, &card("theirs+"), 2.0).unwrap();
        assert_eq!(next.base, Base::Opened(Some(42)));
    }

    #[test]
    fn keep_both_copies_mine_aside_and_continues_from_theirs() {
        let mut session = in_conflict();
        let resolved = session
            .resolve(
                Resolution::KeepBoth,
                &card("mine"),
                3,
                Some(theirs()),
                copy_path(),
            )
            .unwrap();
        assert_eq!(
            resolved,
            Resolved::KeepBoth {
                theirs: Box::new(card("theirs")),
                copy: CopyRequest {
                    path: copy_path(),
                    scorecard: card("mine"),
                },
            }
        );
        assert!(!session.in_conflict());
    }

    #[test]
    fn theirs_unreadable_leaves_the_conflict_open() {
        for resolution in [Resolution::TakeTheirs, Resolution::KeepBoth] {
            let mut session = in_conflict();
            let result = session.resolve(resolution, &card("mine"), 3, None, copy_path());
            assert_eq!(result, Err(ResolveError::TheirsUnreadable));
            assert!(session.in_conflict());
        }
    }

    #[test]
    fn resolving_without_a_conflict_does_nothing() {
        let mut session = saved_once();
        let result = session.resolve(
            Resolution::KeepMine,
            &card("mine"),
            2,
            Some(theirs()),
            copy_path(),
        );
        assert_eq!(result, Err(ResolveError::NoConflict));
        assert!(!session.in_conflict());
    }

    #[test]
    fn closing_with_everything_saved_is_done() {
        let mut session = saved_once();
        assert_eq!(
            session.close(&card("a"), 1, 1.0, copy_path()),
            CloseStep::Done
        );
        assert_eq!(session.phase(), Phase::Closed);
        assert_eq!(session.poll(2, &card("ab"), 9.0), None, "closed");
    }

    #[test]
    fn closing_with_an_unsaved_edit_saves_it_then_waits_for_it() {
        let mut session = saved_once();
        let CloseStep::Save(save) = session.close(&card("ab"), 2, 1.0, copy_path()) else {
            panic!("a save first");
        };
        assert_eq!(save.scorecard.notes, "ab");
        assert_eq!(save.base, Base::Continue);
        assert_eq!(
            session.close(&card("ab"), 2, 1.0, copy_path()),
            CloseStep::Wait
        );
        session.saved(save.id, save.generation, &Ok(11), 1.1);
        assert_eq!(
            session.close(&card("ab"), 2, 1.2, copy_path()),
            CloseStep::Done
        );
    }

    #[test]
    fn closing_in_a_conflict_keeps_both() {
        let mut session = in_conflict();
        let step = session.close(&card("mine"), 5, 1.0, copy_path());
        assert_eq!(
            step,
            CloseStep::Copy(CopyRequest {
                path: copy_path(),
                scorecard: card("mine"),
            })
        );
        assert_eq!(session.phase(), Phase::Closed);
        assert_eq!(
            session.close(&card("mine"), 5, 1.0, copy_path()),
            CloseStep::Done
        );
    }

    #[test]
    fn closing_when_the_last_save_meets_a_conflict_keeps_both() {
        let mut session = saved_once();
        let CloseStep::Save(save) = session.close(&card("ab"), 2, 1.0, copy_path()) else {
            panic!("a save first");
        };
        session.saved(
            save.id,
            save.generation,
            &Err(SaveProblem::ChangedOnDisk),
            1.1,
        );
        let CloseStep::Copy(copy) = session.close(&card("ab"), 2, 1.2, copy_path()) else {
            panic!("a copy");
        };
        assert_eq!(copy.scorecard.notes, "ab");
    }

    #[test]
    fn closing_after_a_failed_save_copies_the_words_aside() {
        let mut session = saved_once();
        let save = session.flush(2, &card("ab"), 1.0).unwrap();
        session.saved(
            save.id,
            save.generation,
            &Err(failed("would overwrite a broken file")),
            1.1,
        );
        assert!(matches!(
            session.close(&card("ab"), 2, 1.2, copy_path()),
            CloseStep::Copy(_)
        ));
    }

    #[test]
    fn closing_right_after_resolving_saves_the_resolution() {
        let mut session = in_conflict();
        let Ok(Resolved::Save(save)) = session.resolve(
            Resolution::KeepMine,
            &card("mine"),
            3,
            Some(theirs()),
            copy_path(),
        ) else {
            panic!("keep mine saves");
        };
        assert_eq!(
            session.close(&card("mine"), 3, 1.0, copy_path()),
            CloseStep::Wait
        );
        session.saved(save.id, save.generation, &Ok(50), 1.1);
        assert_eq!(
            session.close(&card("mine"), 3, 1.2, copy_path()),
            CloseStep::Done
        );
    }

    #[test]
    fn ratings_typed_during_a_conflict_reach_the_copy() {
        let mut session = in_conflict();
        let mut mine = card("mine");
        mine.set_rating(&Slug::new("iac").unwrap(), Rating::Exceeds);
        let CloseStep::Copy(copy) = session.close(&mine, 9, 3.0, copy_path()) else {
            panic!("a copy");
        };
        assert_eq!(copy.scorecard.rating("iac"), Some(Rating::Exceeds));
    }

    #[test]
    fn the_copy_name_is_a_conflict_copy_beside_the_file() {
        let now: Timestamp = "2026-11-21T10:00:00Z".parse().unwrap();
        let copy = conflict_copy_path(&path(), now);
        assert_eq!(copy.parent(), path().parent());
        assert!(crate::io::is_conflict_copy(&copy), "{}", copy.display());
    }
}
