//! The edit sessions the app holds: the open scorecard's, and those closed
//! by leaving their screen that still wait for a write (their last save, a
//! copy of words the file would not take) or hold words for the user.
//!
//! A session leaves this part only once [`EditSession`] says it is over,
//! or when its candidate is erased.

use std::path::{Path, PathBuf};

use super::edit_session::{EditSession, Phase};
use crate::ui::{HeldWords, SaveStatus};

/// The open session and the closing ones.
#[derive(Debug, Default)]
pub struct Sessions {
    /// The session of the scorecard on the interview screen.
    open: Option<EditSession>,
    /// Sessions closed by leaving their screen, not over yet.
    closing: Vec<EditSession>,
}

impl Sessions {
    /// The open scorecard's session.
    pub fn open(&self) -> Option<&EditSession> {
        self.open.as_ref()
    }

    /// The open scorecard's session, to feed it.
    pub fn open_mut(&mut self) -> Option<&mut EditSession> {
        self.open.as_mut()
    }

    /// Makes `session` the open one, and returns the edit count it knows.
    /// A closing session still finishing the last save of the same file is
    /// taken back instead: it knows what that save will leave on disk. One
    /// whose words are being copied aside, or are held, stays closing: the
    /// new session starts from the file.
    pub fn begin(&mut self, session: EditSession) -> u64 {
        let taken_back = self
            .closing
            .iter()
            .position(|s| s.path() == session.path() && s.phase() != Phase::Closing);
        let session = match taken_back {
            Some(index) => self.closing.remove(index),
            None => session,
        };
        let edits = session.edits();
        self.open = Some(session);
        edits
    }

    /// Takes the open session, to close it.
    pub fn take_open(&mut self) -> Option<EditSession> {
        self.open.take()
    }

    /// Keeps a session that is closing but not over.
    pub fn keep_closing(&mut self, session: EditSession) {
        self.closing.push(session);
    }

    /// Takes the first closing session `which` picks.
    pub fn take_closing(&mut self, which: impl Fn(&EditSession) -> bool) -> Option<EditSession> {
        let index = self.closing.iter().position(which)?;
        Some(self.closing.remove(index))
    }

    /// Runs `act` on each session, the open one first, until one answers.
    pub fn find_map_mut<T>(&mut self, act: impl FnMut(&mut EditSession) -> Option<T>) -> Option<T> {
        self.open.iter_mut().chain(&mut self.closing).find_map(act)
    }

    /// The first words held for the user, the open session's first.
    pub fn held(&self) -> Option<HeldWords<'_>> {
        self.open
            .iter()
            .chain(&self.closing)
            .find_map(EditSession::held)
    }

    /// Ends, without a write, every session of a file under one of `dirs`
    /// (their candidates are being erased; a write would bring a file back).
    pub fn drop_under(&mut self, dirs: &[PathBuf]) {
        let under = |session: &EditSession| dirs.iter().any(|d| session.path().starts_with(d));
        if self.open.as_ref().is_some_and(under) {
            self.open = None;
        }
        self.closing.retain(|s| !under(s));
    }

    /// The closing sessions that still wait for a write's result.
    pub fn waiting(&self) -> impl Iterator<Item = &Path> {
        self.closing
            .iter()
            .filter(|s| s.waits_for_a_write())
            .map(EditSession::path)
    }

    /// Whether no session is closing (none waits, none holds words).
    pub fn none_closing(&self) -> bool {
        self.closing.is_empty()
    }

    /// Whether every session's writes are settled.
    pub fn settled(&self) -> bool {
        self.closing.is_empty()
            && self
                .open
                .as_ref()
                .is_none_or(|s| !s.is_dirty() && !s.has_pending_copies())
    }

    /// What the save indicator says: the open session, or else the worst of
    /// the closing ones.
    pub fn status(&self) -> SaveStatus {
        if let Some(session) = &self.open {
            return session.status();
        }
        let mut status = SaveStatus::Idle;
        for session in &self.closing {
            match session.status() {
                SaveStatus::Idle | SaveStatus::Saved => {}
                SaveStatus::Saving if status == SaveStatus::Idle => status = SaveStatus::Saving,
                SaveStatus::Saving => {}
                worse => return worse,
            }
        }
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::io_worker::SaveProblem;
    use crate::model::{Scorecard, Slug};

    fn card() -> Scorecard {
        Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("infrastructure-engineer").unwrap(),
            1,
            "Priya Raman",
            "",
            "2026-11-21T10:00:00Z".parse().unwrap(),
        )
    }

    fn path(name: &str) -> PathBuf {
        PathBuf::from("/w/candidates/c-1/scorecards").join(name)
    }

    /// A session on `name` closed with a save on its way.
    fn closing_with_a_save(name: &str) -> EditSession {
        let mut session = EditSession::opened(path(name), Some(1), 0);
        let step = session.close(&card(), 1, 0.0, path("copy.ron"));
        assert!(matches!(
            step,
            super::super::edit_session::CloseStep::Save(_)
        ));
        session
    }

    #[test]
    fn reopening_a_file_takes_back_its_closing_session() {
        let mut sessions = Sessions::default();
        sessions.keep_closing(closing_with_a_save("a.ron"));
        assert!(!sessions.settled());
        assert_eq!(sessions.waiting().count(), 1);
        let edits = sessions.begin(EditSession::opened(path("a.ron"), Some(1), 0));
        assert_eq!(edits, 1, "the closing session's count");
        assert!(sessions.none_closing());
        assert_eq!(sessions.status(), SaveStatus::Saving);
    }

    #[test]
    fn a_session_whose_words_are_being_copied_stays_closing() {
        let mut sessions = Sessions::default();
        let mut session = closing_with_a_save("a.ron");
        // The save is refused: the words go beside the file.
        session.saved(1, 1, &Err(SaveProblem::ChangedOnDisk), 0.1);
        let step = session.close_again(0.2, path("copy.ron"));
        assert!(matches!(
            step,
            super::super::edit_session::CloseStep::Copy(_)
        ));
        sessions.keep_closing(session);
        sessions.begin(EditSession::opened(path("a.ron"), Some(2), 0));
        assert!(!sessions.none_closing());
        assert_eq!(sessions.waiting().count(), 1);
    }

    #[test]
    fn erasing_drops_the_sessions_under_the_folders_only() {
        let mut sessions = Sessions::default();
        sessions.keep_closing(closing_with_a_save("a.ron"));
        sessions.begin(EditSession::opened(path("b.ron"), Some(1), 0));
        sessions.drop_under(&[PathBuf::from("/w/candidates/c-2")]);
        assert!(sessions.open().is_some());
        sessions.drop_under(&[PathBuf::from("/w/candidates/c-1")]);
        assert!(sessions.open().is_none());
        assert!(sessions.settled());
    }
}
