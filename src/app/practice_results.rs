//! Keeping a finished practice round: the snapshot takes it at once (the
//! practice screen and the interviewer view show it), the I/O worker writes
//! the interviewer's results file atomically.

use std::sync::Arc;

use super::io_worker::Job;
use super::scorecard_app::ScorecardApp;
use crate::model::{FormatVersion, InterviewerId, PracticeResults, PracticeRound};

impl ScorecardApp {
    /// Adds `round` to the user's practice results and asks the worker to
    /// write them. Without a name that makes a file name there is nobody
    /// to keep it for (the practice screen does not ask then).
    pub(super) fn save_practice_round(&mut self, round: PracticeRound) {
        let name = self.settings.interviewer.trim().to_owned();
        let Some(me) = InterviewerId::typed(&name) else {
            return;
        };
        let all = Arc::make_mut(&mut self.snapshot.practice_results);
        let at = match all.iter().position(|r| r.id() == me) {
            Some(at) => at,
            None => {
                all.push(PracticeResults {
                    format: FormatVersion::CURRENT,
                    interviewer: name.clone(),
                    rounds: Vec::new(),
                });
                all.len() - 1
            }
        };
        let Some(mine) = all.get_mut(at) else {
            return;
        };
        mine.interviewer = name;
        mine.rounds.push(round);
        let results = mine.clone();
        all.sort_by_key(PracticeResults::id);
        self.worker
            .send(Job::SavePracticeResults(Box::new(results)));
    }
}
