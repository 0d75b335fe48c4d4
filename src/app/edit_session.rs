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
//! - closing (or leaving the screen) with words typed in a conflict keeps
//!   both: the colleague's file stays as it is, and this version is written
//!   beside it under a conflict-copy name. Closing after a save that could
//!   not be written does the same, so no word is dropped. With nothing
//!   typed since the file was last in step, their version stands alone;
//! - a session is *Closed* only once every copy it asked for is confirmed
//!   on disk: a failed copy is written again, and after [`COPY_ATTEMPTS`]
//!   the words are *held* for the user, who tries again, saves them
//!   elsewhere, or discards them on purpose;
//! - a result of a save sent before the user settled a conflict is stale
//!   (the choice answers it) and changes nothing, success or failure.
//!
//! The working copy of the scorecard is the interview screen's (the view
//! edits it in place and counts its edits); the session is handed it when
//! a save goes out, and keeps the newest content it sent until that is on
//! disk, so a closing session can still copy it aside.

use std::path::{Path, PathBuf};

use super::autosave::Autosave;
use super::io_worker::{Base, CopyReason, SaveProblem};
use crate::model::{Scorecard, Timestamp};
use crate::ui::{HeldWords, SaveStatus};

/// How many times a copy is written before its words are held for the
/// user (the first write and two more).
pub const COPY_ATTEMPTS: u32 = 3;

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
    /// A conflict-copy name next to the scorecard's file, or the file the
    /// user named for held words.
    pub path: PathBuf,
    /// What to write.
    pub scorecard: Scorecard,
    /// Why it is written (how it is written, and what the user is told).
    pub reason: CopyReason,
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
    /// failed): write it beside the file, then ask again once it is
    /// confirmed ([`EditSession::copy_written`]).
    Copy(CopyRequest),
    /// A copy could not be written however often it was tried: the words
    /// are held ([`EditSession::held`]) until the user tries again, saves
    /// them elsewhere or discards them. The window stays open meanwhile.
    Held,
}

/// What became of a copy's write.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyOutcome {
    /// This session asked for no copy there.
    NotOurs,
    /// The copy is on disk.
    Written,
    /// It failed: write it again.
    Retry(Box<CopyRequest>),
    /// It failed every attempt: the words are held for the user.
    Held,
}

/// A copy asked for and not yet confirmed on disk.
#[derive(Clone, Debug)]
struct PendingCopy {
    /// Where the copy is written now: beside the file, or where the user
    /// chose.
    request: CopyRequest,
    /// Beside the file, as first asked: *Try again* writes there, and the
    /// commands name the held words by it.
    beside: PathBuf,
    /// Why it was first asked (*Try again* asks the same).
    first_reason: CopyReason,
    /// Writes left before the words are held.
    attempts_left: u32,
    /// Why the last write failed, once no attempt was left.
    held: Option<String>,
}

impl PendingCopy {
    fn new(request: CopyRequest) -> Self {
        Self {
            beside: request.path.clone(),
            first_reason: request.reason,
            request,
            attempts_left: COPY_ATTEMPTS - 1,
            held: None,
        }
    }
}

/// Where a session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Edits are saved as they come.
    Editing,
    /// The file changed on disk under us: nothing is written until the user
    /// chooses a version (or the session closes, keeping both).
    Conflict,
    /// Closing: nothing more is written to the file; the words it could
    /// not take are being copied aside, or are held for the user.
    Closing,
    /// Closed: every word is on disk, and nothing more is written.
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
    /// Saves up to this number were sent before the last resolution: their
    /// results say nothing about the file as it is now.
    stale_up_to: u64,
    /// Copies asked for and not yet confirmed on disk.
    copies: Vec<PendingCopy>,
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
            copies: Vec::new(),
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
        if let Some(held) = self.held() {
            return SaveStatus::Failed(format!("your words are held: {}", held.reason));
        }
        match self.phase {
            Phase::Conflict => SaveStatus::Conflict,
            Phase::Closing => SaveStatus::Saving,
            Phase::Editing | Phase::Closed => self.schedule.status(),
        }
    }

    /// Seconds until a save will be due, if one waits (to wake the UI).
    pub fn next_due_in(&self, now: f64) -> Option<f64> {
        match self.phase {
            Phase::Editing => self.schedule.next_due_in(now),
            Phase::Conflict | Phase::Closing | Phase::Closed => None,
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
        if matches!(self.phase, Phase::Editing | Phase::Conflict) {
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
    /// file changed, or failed. The result of a save sent before the last
    /// resolution is stale (the user has chosen since: a failure is
    /// answered, a success was written over or set aside) and changes
    /// nothing.
    pub fn saved(&mut self, id: u64, generation: u64, result: &Result<u64, SaveProblem>, now: f64) {
        if id <= self.stale_up_to {
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
                    let copy = self.start_copy(copy_to, mine, CopyReason::KeepBoth);
                    Ok(Resolved::KeepBoth {
                        theirs: scorecard,
                        copy,
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
    /// step until [`CloseStep::Done`]; after [`CloseStep::Held`], once the
    /// user has chosen.
    pub fn close(&mut self, mine: &Scorecard, edits: u64, now: f64, copy_to: PathBuf) -> CloseStep {
        if self.phase == Phase::Closed {
            return CloseStep::Done;
        }
        self.observe(edits, now);
        let dirty = self.schedule.is_dirty();
        let editing = self.phase == Phase::Editing;
        // Never over the colleague's file, never dropped: both stay. The
        // last save failing (a broken file in its place, a full disk) sends
        // the words beside the file too. In a conflict with nothing typed
        // since the file was last in step, their version stands alone.
        if dirty && (self.in_conflict() || (editing && self.schedule.has_failed())) {
            self.phase = Phase::Closing;
            return CloseStep::Copy(self.start_copy(copy_to, mine, CopyReason::Closing));
        }
        if dirty && editing {
            return match self.schedule.take_due(f64::INFINITY) {
                Some(generation) => CloseStep::Save(self.request(generation, mine)),
                None => CloseStep::Wait,
            };
        }
        self.settle_copies()
    }

    /// [`Self::close`] for a session whose screen is gone: what it last
    /// sent stands for the working copy.
    pub fn close_again(&mut self, now: f64, copy_to: PathBuf) -> CloseStep {
        match self.unconfirmed.clone() {
            Some(mine) => self.close(&mine, self.edits, now, copy_to),
            None if self.phase == Phase::Closed => CloseStep::Done,
            None => self.settle_copies(),
        }
    }

    /// The file's side is settled: the session is over once its copies are.
    fn settle_copies(&mut self) -> CloseStep {
        if self.copies.is_empty() {
            self.phase = Phase::Closed;
            CloseStep::Done
        } else {
            self.phase = Phase::Closing;
            if self.held().is_some() {
                CloseStep::Held
            } else {
                CloseStep::Wait
            }
        }
    }

    fn start_copy(&mut self, path: PathBuf, mine: &Scorecard, reason: CopyReason) -> CopyRequest {
        let request = CopyRequest {
            path,
            scorecard: mine.clone(),
            reason,
        };
        self.copies.push(PendingCopy::new(request.clone()));
        request
    }

    /// The copy asked for at `asked` was written, or failed with `why`.
    pub fn copy_written(&mut self, asked: &Path, result: Result<(), String>) -> CopyOutcome {
        let Some(index) = self
            .copies
            .iter()
            .position(|c| c.request.path == asked && c.held.is_none())
        else {
            return CopyOutcome::NotOurs;
        };
        match result {
            Ok(()) => {
                self.copies.remove(index);
                CopyOutcome::Written
            }
            Err(why) => {
                let copy = &mut self.copies[index];
                if copy.attempts_left > 0 {
                    copy.attempts_left -= 1;
                    CopyOutcome::Retry(Box::new(copy.request.clone()))
                } else {
                    copy.held = Some(why);
                    CopyOutcome::Held
                }
            }
        }
    }

    /// Whether a copy asked for at `asked` waits for its result.
    pub fn awaits_copy(&self, asked: &Path) -> bool {
        self.copies
            .iter()
            .any(|c| c.request.path == asked && c.held.is_none())
    }

    /// Whether a session closed by leaving its screen still waits for a
    /// write's result (a save, or a copy not held).
    pub fn waits_for_a_write(&self) -> bool {
        match self.phase {
            Phase::Closed => false,
            Phase::Closing => self.copies.iter().any(|c| c.held.is_none()),
            Phase::Editing | Phase::Conflict => true,
        }
    }

    /// Whether some copy is not confirmed on disk (in flight or held).
    pub fn has_pending_copies(&self) -> bool {
        !self.copies.is_empty()
    }

    /// The first words no write could put on disk, if any.
    pub fn held(&self) -> Option<HeldWords<'_>> {
        self.copies.iter().find_map(|c| {
            c.held.as_deref().map(|reason| HeldWords {
                file: &self.path,
                copy: &c.beside,
                scorecard: &c.request.scorecard,
                reason,
            })
        })
    }

    fn held_index(&self, copy: &Path) -> Option<usize> {
        self.copies
            .iter()
            .position(|c| c.beside == copy && c.held.is_some())
    }

    /// The user's *Try again* on the words held for `copy`: the copy is
    /// written beside the file again, with its attempts anew.
    pub fn retry_held(&mut self, copy: &Path) -> Option<CopyRequest> {
        let index = self.held_index(copy)?;
        let pending = &mut self.copies[index];
        pending.request.path = pending.beside.clone();
        pending.request.reason = pending.first_reason;
        pending.attempts_left = COPY_ATTEMPTS - 1;
        pending.held = None;
        Some(pending.request.clone())
    }

    /// The user's *Save my words as…* `path` for the words held for
    /// `copy`: written there once (a failure holds them again, with why).
    pub fn save_held_as(&mut self, copy: &Path, path: PathBuf) -> Option<CopyRequest> {
        let index = self.held_index(copy)?;
        let pending = &mut self.copies[index];
        pending.request.path = path;
        pending.request.reason = CopyReason::SavedAs;
        pending.attempts_left = 0;
        pending.held = None;
        Some(pending.request.clone())
    }

    /// Whether this session holds words for `copy`.
    pub fn holds(&self, copy: &Path) -> bool {
        self.held_index(copy).is_some()
    }

    /// The user's *Discard these words* for those held for `copy`; whether
    /// there were such words.
    pub fn discard_held(&mut self, copy: &Path) -> bool {
        match self.held_index(copy) {
            Some(index) => {
                self.copies.remove(index);
                true
            }
            None => false,
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
                    reason: CopyReason::KeepBoth,
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
                reason: CopyReason::Closing,
            })
        );
        assert_eq!(
            session.phase(),
            Phase::Closing,
            "not before the copy is on disk"
        );
        assert_eq!(
            session.close(&card("mine"), 5, 1.0, copy_path()),
            CloseStep::Wait
        );
        assert_eq!(
            session.copy_written(&copy_path(), Ok(())),
            CopyOutcome::Written
        );
        assert_eq!(
            session.close(&card("mine"), 5, 1.0, copy_path()),
            CloseStep::Done
        );
        assert_eq!(session.phase(), Phase::Closed);
    }

    #[test]
    fn closing_a_clean_session_in_a_conflict_writes_no_copy() {
        let mut session = in_conflict();
        // Nothing typed since the colleague's write was seen.
        assert_eq!(
            session.close(&card("a"), 1, 1.0, copy_path()),
            CloseStep::Done
        );
        assert_eq!(session.phase(), Phase::Closed);
        assert!(!session.has_pending_copies());
    }

    /// In a conflict with a rating typed, closed: the copy is asked for.
    fn closing_with_a_copy() -> EditSession {
        let mut session = in_conflict();
        let step = session.close(&card("mine"), 5, 1.0, copy_path());
        assert!(matches!(step, CloseStep::Copy(_)), "{step:?}");
        session
    }

    #[test]
    fn a_failed_copy_is_written_again_then_the_words_are_held() {
        let mut session = closing_with_a_copy();
        for _ in 1..COPY_ATTEMPTS {
            let outcome = session.copy_written(&copy_path(), Err("read-only".to_owned()));
            let CopyOutcome::Retry(again) = outcome else {
                panic!("{outcome:?}");
            };
            assert_eq!(again.path, copy_path());
            assert_eq!(again.scorecard.notes, "mine");
            assert_eq!(session.held(), None, "not while attempts are left");
        }
        assert_eq!(
            session.copy_written(&copy_path(), Err("read-only".to_owned())),
            CopyOutcome::Held
        );
        let held = session.held().unwrap();
        assert_eq!(held.reason, "read-only");
        assert_eq!(held.scorecard.notes, "mine");
        assert_eq!(held.file, path());
        assert_eq!(
            session.close(&card("mine"), 5, 2.0, copy_path()),
            CloseStep::Held,
            "never closed with the words unwritten"
        );
        assert_eq!(session.phase(), Phase::Closing);
        assert!(matches!(session.status(), SaveStatus::Failed(why) if why.contains("read-only")));
        // A late report for the held copy changes nothing.
        assert_eq!(
            session.copy_written(&copy_path(), Ok(())),
            CopyOutcome::NotOurs
        );
        assert!(session.held().is_some());
    }

    /// Every write of the copy at [`copy_path`] fails.
    fn fail_every_attempt(session: &mut EditSession) {
        for _ in 0..COPY_ATTEMPTS {
            session.copy_written(&copy_path(), Err("read-only".to_owned()));
        }
    }

    fn held() -> EditSession {
        let mut session = closing_with_a_copy();
        fail_every_attempt(&mut session);
        assert!(session.held().is_some());
        assert!(session.holds(&copy_path()));
        session
    }

    #[test]
    fn held_words_tried_again_close_the_session_once_written() {
        let mut session = held();
        let again = session.retry_held(&copy_path()).unwrap();
        assert_eq!(again.path, copy_path());
        assert_eq!(session.held(), None);
        assert_eq!(
            session.close(&card("mine"), 5, 2.0, copy_path()),
            CloseStep::Wait
        );
        // Attempts start anew.
        assert!(matches!(
            session.copy_written(&copy_path(), Err("still".to_owned())),
            CopyOutcome::Retry(_)
        ));
        assert_eq!(
            session.copy_written(&copy_path(), Ok(())),
            CopyOutcome::Written
        );
        assert_eq!(
            session.close(&card("mine"), 5, 2.0, copy_path()),
            CloseStep::Done
        );
    }

    #[test]
    fn held_words_saved_elsewhere_are_tried_there_once() {
        let mut session = held();
        let elsewhere = PathBuf::from("/home/priya/alex.ron");
        let request = session
            .save_held_as(&copy_path(), elsewhere.clone())
            .unwrap();
        assert_eq!(request.path, elsewhere);
        assert_eq!(request.scorecard.notes, "mine");
        assert_eq!(request.reason, CopyReason::SavedAs);
        assert_eq!(
            session.copy_written(&elsewhere, Err("no such folder".to_owned())),
            CopyOutcome::Held,
            "the user's own choice is not retried behind their back"
        );
        assert_eq!(session.held().unwrap().reason, "no such folder");
        assert_eq!(
            session.held().unwrap().copy,
            copy_path(),
            "still named by where it was first asked"
        );
        let beside = session.retry_held(&copy_path()).unwrap();
        assert_eq!(beside.path, copy_path(), "try again: beside the file");
        assert_eq!(
            beside.reason,
            CopyReason::Closing,
            "and for the first reason"
        );
        fail_every_attempt(&mut session);
        session
            .save_held_as(&copy_path(), elsewhere.clone())
            .unwrap();
        assert_eq!(
            session.copy_written(&elsewhere, Ok(())),
            CopyOutcome::Written
        );
        assert_eq!(
            session.close(&card("mine"), 5, 2.0, copy_path()),
            CloseStep::Done
        );
    }

    #[test]
    fn held_words_are_dropped_only_when_the_user_discards_them() {
        let mut session = held();
        assert!(
            !session.discard_held(Path::new("/elsewhere.ron")),
            "not these"
        );
        assert!(session.held().is_some());
        assert!(session.discard_held(&copy_path()));
        assert!(!session.holds(&copy_path()));
        assert_eq!(session.close_again(2.0, copy_path()), CloseStep::Done);
        assert_eq!(session.phase(), Phase::Closed);
    }

    #[test]
    fn a_keep_both_copy_is_waited_for_when_closing() {
        let mut session = in_conflict();
        let Ok(Resolved::KeepBoth { copy, .. }) = session.resolve(
            Resolution::KeepBoth,
            &card("mine"),
            3,
            Some(theirs()),
            copy_path(),
        ) else {
            panic!("keep both");
        };
        assert!(session.awaits_copy(&copy.path));
        assert_eq!(
            session.close(&card("theirs"), 3, 1.0, copy_path()),
            CloseStep::Wait
        );
        assert_eq!(
            session.copy_written(&copy.path, Ok(())),
            CopyOutcome::Written
        );
        assert_eq!(session.close_again(1.1, copy_path()), CloseStep::Done);
    }

    #[test]
    fn a_stale_success_after_take_theirs_changes_nothing() {
        let mut session = saved_once();
        let before = session.flush(2, &card("ab"), 1.0).unwrap();
        session.disk_changed(DiskState::Readable(42));
        // Our save was on its way, so the re-read left it to the save; it
        // is refused, a conflict, and the user takes theirs.
        session.saved(
            before.id,
            before.generation,
            &Err(SaveProblem::ChangedOnDisk),
            1.1,
        );
        let late = session.flush(2, &card("ab"), 1.2);
        assert_eq!(late, None, "nothing sent in a conflict");
        session
            .resolve(
                Resolution::TakeTheirs,
                &card("ab"),
                2,
                Some(theirs()),
                copy_path(),
            )
            .unwrap();
        // A success of a save sent before the choice arrives late.
        session.saved(before.id, before.generation, &Ok(999), 1.3);
        // Their file, re-read as it was taken, is no new conflict: the
        // stale report did not change what the file is believed to hold.
        session.disk_changed(DiskState::Readable(42));
        assert!(!session.in_conflict());
        assert_eq!(session.status(), SaveStatus::Saved);
        let next = session.flush(3, &card("theirs+"), 2.0).unwrap();
        assert_eq!(next.base, Base::Opened(Some(42)));
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
