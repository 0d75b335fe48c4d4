//! Keeping a finished practice round: the snapshot takes it at once (the
//! practice screen and the interviewer view show it), the I/O worker writes
//! the interviewer's results file atomically.

use super::io_worker::Job;
use super::scorecard_app::ScorecardApp;
use crate::model::PracticeRound;

impl ScorecardApp {
    /// Adds `round` to the user's practice results and asks the worker to
    /// write them. Without a name that makes a file name there is nobody
    /// to keep it for (the practice screen does not ask then).
    pub(super) fn save_practice_round(&mut self, round: PracticeRound) {
        let name = self.settings.interviewer.trim();
        let Some(results) = self.ws.snapshot.keep_practice_round(name, round) else {
            return;
        };
        self.ws
            .worker
            .send(Job::SavePracticeResults(Box::new(results)));
    }
}
