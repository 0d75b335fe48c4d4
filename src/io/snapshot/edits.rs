//! The app's own changes to a snapshot, shown at once while the worker
//! writes them: each keeps the order, moves the generation on, and checks
//! again the references it can move.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{FolderSet, WorkspaceSnapshot};
use crate::io::records::{CandidateRecord, OpeningRecord, ScorecardRecord};
use crate::model::{
    Candidate, Decision, FormatVersion, Interview, InterviewerId, PracticeResults, PracticeRound,
    Scorecard, Slug,
};

impl WorkspaceSnapshot {
    /// Adds a new candidate; `false` (and nothing changes) if one is in
    /// that folder already.
    pub fn add_candidate(&mut self, record: CandidateRecord) -> bool {
        let Err(at) = self.candidate_at(&record.dir) else {
            return false;
        };
        let dir = record.dir.clone();
        self.candidates.insert(at, Arc::new(record));
        self.recheck_references_in(&[dir]);
        self.changed();
        true
    }

    /// Replaces a candidate's interview plan; the candidate as it is now
    /// (to be written), or `None` if they are not in the workspace.
    pub fn set_plan(&mut self, candidate: &Slug, interviews: Vec<Interview>) -> Option<Candidate> {
        let record = self.candidate_mut(candidate)?;
        record.candidate.interviews = interviews;
        let (saved, dir) = (record.candidate.clone(), record.dir.clone());
        self.recheck_references_in(&[dir]);
        self.changed();
        Some(saved)
    }

    /// Records the panel's decision on its candidate; `false` if they are
    /// not in the workspace.
    pub fn set_decision(&mut self, decision: Decision) -> bool {
        let Some(record) = self.candidate_mut(&decision.candidate) else {
            return false;
        };
        record.decision = Some(decision);
        self.changed();
        true
    }

    /// Puts an opening in (new, or in place of the one with its id); every
    /// reference is left due ([`Self::references_due`]), since candidates
    /// name openings.
    pub fn save_opening(&mut self, record: OpeningRecord) {
        match self
            .openings
            .binary_search_by(|r| r.opening.id.cmp(&record.opening.id))
        {
            Ok(at) => self.openings[at] = record,
            Err(at) => self.openings.insert(at, record),
        }
        self.references_due = true;
        self.changed();
    }

    /// Puts a scorecard being written to `path` in its candidate's record,
    /// so lists show it before the write is done. Returns whether anything
    /// but a draft's content changed, and only then moves the generation
    /// on: a draft that stays a draft counts in no aggregate and no list,
    /// and typing must not make them all be worked out again. Nothing
    /// changes if its candidate is not here.
    pub fn apply_scorecard(&mut self, path: &Path, scorecard: &Scorecard) -> bool {
        let Some(record) = self.candidate_mut(&scorecard.candidate) else {
            return false;
        };
        let counted = match record.scorecards.iter_mut().find(|s| s.path == path) {
            Some(existing) => {
                let was_submitted = existing.scorecard.is_submitted();
                if existing.scorecard == *scorecard {
                    return false;
                }
                existing.scorecard = scorecard.clone();
                // The file does not hold this (yet): what it holds is known
                // again once the save reports, or a re-read.
                existing.fingerprint = None;
                was_submitted || scorecard.is_submitted()
            }
            None => {
                let at = record
                    .scorecards
                    .partition_point(|s| s.path.as_path() < path);
                record.scorecards.insert(
                    at,
                    ScorecardRecord {
                        path: PathBuf::from(path),
                        scorecard: scorecard.clone(),
                        fingerprint: None,
                    },
                );
                true
            }
        };
        if counted {
            self.changed();
        }
        counted
    }

    /// Records what a write of ours left in the file at `path`, so
    /// reopening it starts from what is on disk: only where the snapshot
    /// holds the very content written (a newer edit, or a re-read of an
    /// older version, is not what that fingerprint describes).
    pub fn set_fingerprint(&mut self, path: &Path, written: u64, content: &Scorecard) {
        let holds_it = self
            .scorecard_at(path)
            .is_some_and(|s| s.fingerprint != Some(written) && s.scorecard == *content);
        if !holds_it {
            return;
        }
        let Some(record) = self.candidate_mut(&content.candidate) else {
            return;
        };
        if let Some(shown) = record.scorecards.iter_mut().find(|s| s.path == path) {
            shown.fingerprint = Some(written);
        }
        // What the file holds is no content anyone reads: the generation
        // stays, so nothing derived is thrown away.
    }

    /// Forgets these candidates: their records, and the errors, conflict
    /// copies and activity of their folders (which name them). Returns
    /// whether any was here.
    pub fn erase(&mut self, ids: &[Slug]) -> bool {
        // Sets, not lists: a purge can name thousands.
        let ids: HashSet<&Slug> = ids.iter().collect();
        let dirs: Vec<PathBuf> = self
            .candidates
            .iter()
            .filter(|r| ids.contains(&r.candidate.id))
            .map(|r| r.dir.clone())
            .collect();
        if dirs.is_empty() {
            return false;
        }
        let folders = FolderSet::new(&dirs);
        let theirs = |path: &Path| folders.holds(path);
        self.candidates.retain(|r| !ids.contains(&r.candidate.id));
        self.errors.retain(|e| !theirs(&e.path));
        self.conflicts.retain(|c| !theirs(&c.path));
        self.reference_errors.retain(|e| !theirs(&e.path));
        Arc::make_mut(&mut self.broken_modified).retain(|dir, _| !theirs(dir));
        self.changed();
        true
    }

    /// Adds a finished practice round to the results of `interviewer` (as
    /// they write their name); their results as they are now (to be
    /// written), or `None` for a name that makes no file name.
    pub fn keep_practice_round(
        &mut self,
        interviewer: &str,
        round: PracticeRound,
    ) -> Option<PracticeResults> {
        let me = InterviewerId::typed(interviewer)?;
        let all = Arc::make_mut(&mut self.practice_results);
        let at = match all.iter().position(|r| r.id() == me) {
            Some(at) => at,
            None => {
                all.push(PracticeResults {
                    format: FormatVersion::CURRENT,
                    interviewer: interviewer.to_owned(),
                    rounds: Vec::new(),
                });
                all.len() - 1
            }
        };
        let mine = &mut all[at];
        mine.interviewer = interviewer.to_owned();
        mine.rounds.push(round);
        let results = mine.clone();
        all.sort_by_key(PracticeResults::id);
        self.changed();
        Some(results)
    }

    /// The candidate with this id, to change (copied first if a background
    /// computation still reads it).
    fn candidate_mut(&mut self, id: &Slug) -> Option<&mut CandidateRecord> {
        let at = self
            .candidates
            .binary_search_by(|r| r.candidate.id.cmp(id))
            .ok()?;
        self.candidates.get_mut(at).map(Arc::make_mut)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Spots, TemplateSet};
    use crate::model::{Opening, Rating, Timestamp};

    fn at() -> Timestamp {
        "2026-11-21T10:00:00Z".parse().unwrap()
    }

    fn slug(id: &str) -> Slug {
        Slug::new(id).unwrap()
    }

    fn record(id: &str) -> CandidateRecord {
        CandidateRecord {
            dir: PathBuf::from("/w/candidates").join(id),
            candidate: Candidate::new(slug(id), id, slug("infrastructure-engineer"), at()),
            scorecards: Vec::new(),
            decision: None,
            performance: None,
            spots: Spots::default(),
            modified: None,
        }
    }

    fn shipped() -> WorkspaceSnapshot {
        WorkspaceSnapshot::new(TemplateSet::shipped().0, Vec::new(), Vec::new())
    }

    fn ids(snapshot: &WorkspaceSnapshot) -> Vec<&str> {
        snapshot
            .candidates()
            .iter()
            .map(|r| r.candidate.id.as_str())
            .collect()
    }

    fn opening(id: &str) -> OpeningRecord {
        OpeningRecord {
            path: PathBuf::from(format!("/w/openings/{id}.ron")),
            opening: Opening {
                format: FormatVersion::CURRENT,
                id: slug(id),
                title: "Infrastructure engineer, Berlin".to_owned(),
                template: slug("infrastructure-engineer"),
                hiring_manager: "Dana".to_owned(),
                opened_at: at(),
                status: Default::default(),
                plan: Vec::new(),
                feedback_due_hours: 24,
            },
            spots: Spots::default(),
        }
    }

    fn card(candidate: &str, interviewer: &str) -> Scorecard {
        Scorecard::draft(
            slug(candidate),
            slug("infrastructure-engineer"),
            1,
            interviewer,
            "",
            at(),
        )
    }

    #[test]
    fn candidates_added_out_of_order_are_kept_in_order_once_each() {
        let mut snapshot = shipped();
        let before = snapshot.generation();
        assert!(snapshot.add_candidate(record("c-2")));
        assert!(snapshot.add_candidate(record("c-1")));
        assert!(!snapshot.add_candidate(record("c-2")), "already there");
        assert_eq!(ids(&snapshot), ["c-1", "c-2"]);
        assert_eq!(snapshot.generation(), before + 2);
        assert!(
            snapshot.candidate("c-1").is_some(),
            "the binary search finds it"
        );
    }

    #[test]
    fn an_unknown_opening_is_a_reference_error_until_the_opening_is_saved() {
        let mut snapshot = shipped();
        let mut alex = record("c-1");
        alex.candidate.opening = Some(slug("infra-berlin"));
        snapshot.add_candidate(alex);
        assert_eq!(snapshot.reference_errors().len(), 1);
        assert!(
            snapshot.errors()[0].message.contains("unknown opening"),
            "{:?}",
            snapshot.errors()
        );
        snapshot.save_opening(opening("infra-berlin"));
        assert!(snapshot.references_due(), "left for the whole check");
        assert!(snapshot.check_references_now());
        assert!(snapshot.reference_errors().is_empty());
        assert!(snapshot.errors().is_empty());
        // Saved again in place: still one.
        snapshot.save_opening(opening("infra-berlin"));
        snapshot.save_opening(opening("a-first"));
        let openings: Vec<&str> = snapshot
            .openings()
            .iter()
            .map(|o| o.opening.id.as_str())
            .collect();
        assert_eq!(openings, ["a-first", "infra-berlin"]);
    }

    #[test]
    fn a_plan_naming_an_unknown_stage_is_an_error_until_changed() {
        let mut snapshot = shipped();
        snapshot.add_candidate(record("c-1"));
        let generation = snapshot.generation();
        let wrong = vec![Interview::new("no-such-stage", "Priya", at())];
        let saved = snapshot.set_plan(&slug("c-1"), wrong).unwrap();
        assert_eq!(saved.interviews.len(), 1);
        assert_eq!(snapshot.reference_errors().len(), 1);
        assert!(snapshot.generation() > generation);
        snapshot.set_plan(&slug("c-1"), Vec::new()).unwrap();
        assert!(snapshot.reference_errors().is_empty());
        assert!(snapshot.errors().is_empty());
        assert_eq!(snapshot.set_plan(&slug("c-9"), Vec::new()), None);
    }

    #[test]
    fn a_scorecard_is_put_in_order_and_only_a_counted_change_says_so() {
        let mut snapshot = shipped();
        snapshot.add_candidate(record("c-1"));
        let dir = PathBuf::from("/w/candidates/c-1/scorecards");
        let (b, a) = (dir.join("b--.ron"), dir.join("a--.ron"));
        assert!(
            snapshot.apply_scorecard(&b, &card("c-1", "b")),
            "a new file"
        );
        assert!(snapshot.apply_scorecard(&a, &card("c-1", "a")));
        let paths: Vec<&Path> = snapshot.candidates()[0]
            .scorecards
            .iter()
            .map(|s| s.path.as_path())
            .collect();
        assert_eq!(paths, [a.as_path(), b.as_path()]);

        snapshot.set_fingerprint(&a, 7, &card("c-1", "a"));
        assert_eq!(snapshot.scorecard_at(&a).unwrap().fingerprint, Some(7));
        let mut draft = card("c-1", "a");
        draft.notes = "typing".to_owned();
        let generation = snapshot.generation();
        assert!(
            !snapshot.apply_scorecard(&a, &draft),
            "a draft stays a draft"
        );
        assert_eq!(snapshot.generation(), generation, "nothing derived moves");
        assert_eq!(
            snapshot.scorecard_at(&a).unwrap().fingerprint,
            None,
            "the file does not hold this yet"
        );
        // A write of the older content says nothing of what is shown now.
        snapshot.set_fingerprint(&a, 8, &card("c-1", "a"));
        assert_eq!(snapshot.scorecard_at(&a).unwrap().fingerprint, None);
        snapshot.set_fingerprint(&a, 9, &draft);
        assert_eq!(snapshot.scorecard_at(&a).unwrap().fingerprint, Some(9));

        let mut rated = draft.clone();
        rated.set_rating(&slug("fundamentals"), Rating::Meets);
        rated.submitted_at = Some(at());
        assert!(snapshot.apply_scorecard(&a, &rated), "submitted: counted");
        assert!(
            !snapshot.apply_scorecard(&dir.join("x.ron"), &card("c-9", "x")),
            "no such candidate"
        );
    }

    #[test]
    fn erasing_forgets_the_candidate_and_every_error_naming_their_folder() {
        let mut snapshot = shipped();
        let mut alex = record("c-1");
        alex.candidate.opening = Some(slug("gone"));
        snapshot.add_candidate(alex);
        snapshot.add_candidate(record("c-2"));
        assert_eq!(snapshot.errors().len(), 1);
        assert!(snapshot.erase(&[slug("c-1")]));
        assert_eq!(ids(&snapshot), ["c-2"]);
        assert!(snapshot.errors().is_empty());
        assert!(snapshot.reference_errors().is_empty());
        assert!(!snapshot.erase(&[slug("c-1")]), "nothing left to erase");
    }

    #[test]
    fn practice_rounds_are_kept_per_interviewer_in_order() {
        let mut snapshot = shipped();
        let round = || PracticeRound {
            template: slug("infrastructure-engineer"),
            finished_at: at(),
            answers: Vec::new(),
        };
        snapshot.keep_practice_round("Sam", round()).unwrap();
        snapshot.keep_practice_round("Priya", round()).unwrap();
        let mine = snapshot.keep_practice_round("priya", round()).unwrap();
        assert_eq!(mine.rounds.len(), 2, "the same interviewer, however spelt");
        let names: Vec<&str> = snapshot
            .practice_results()
            .iter()
            .map(|r| r.interviewer.as_str())
            .collect();
        assert_eq!(names, ["priya", "Sam"]);
        assert_eq!(snapshot.keep_practice_round("  ", round()), None);
    }
}
