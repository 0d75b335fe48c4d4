//! What changed in a workspace since a moment: the folders to read again
//! after a read that no watcher was looking over.
//!
//! The app reads the workspace first and watches it after: a watcher that
//! is already looking sees the read itself (every file opened is an event)
//! and slows it by half at 100,000 scorecards, and setting the watcher up
//! takes a second of its own. What was written while the read ran, or
//! before the watcher was ready, is then found here, by the modification
//! times of the folders and files: a file written in place moves its own
//! time, a file added, renamed into place (as sync tools do) or removed
//! moves its folder's.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Workspace;
use super::listing::list;

/// How much earlier than the moment a time still counts as after it: file
/// systems keep times to a second or two (FAT, some network shares), and a
/// write within that of the moment must not be missed.
const SLACK: Duration = Duration::from_secs(2);

/// What [`Workspace::changed_since`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum CatchUp {
    /// Candidate folders came or went: read everything again.
    ReadAll,
    /// Read these paths again (a refresh); the templates, the openings and
    /// the calibration files are always among them (they are few).
    Refresh(Vec<PathBuf>),
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::symlink_metadata(path).and_then(|m| m.modified()).ok()
}

/// Whether anything in `dir` (not below it) or `dir` itself changed at or
/// after `since`.
fn folder_changed(dir: &Path, since: SystemTime) -> bool {
    if modified(dir).is_none_or(|time| time >= since) {
        return true;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return true;
    };
    entries.filter_map(Result::ok).any(|entry| {
        entry
            .metadata()
            .and_then(|m| m.modified())
            .map_or(true, |time| time >= since)
    })
}

impl Workspace {
    /// What changed since `since` (a time from this machine's clock, taken
    /// before a read began), for the read to be brought up to date.
    pub fn changed_since(&self, since: SystemTime) -> CatchUp {
        let since = since.checked_sub(SLACK).unwrap_or(since);
        let candidates = self.candidates_dir();
        if modified(&candidates).is_some_and(|time| time >= since) {
            return CatchUp::ReadAll;
        }
        let mut paths = vec![self.templates_dir(), self.openings_dir()];
        paths.extend(self.calibration_paths());
        for dir in list(&candidates).dirs {
            if folder_changed(&dir, since) || folder_changed(&dir.join("scorecards"), since) {
                paths.push(dir);
            }
        }
        CatchUp::Refresh(paths)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn old(path: &Path) {
        let then = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(path)
            .or_else(|_| fs::File::open(path))
            .unwrap()
            .set_modified(then)
            .unwrap();
    }

    /// A workspace of two candidates, every time an hour old.
    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        for id in ["c-1", "c-2"] {
            let cards = ws.candidates_dir().join(id).join("scorecards");
            fs::create_dir_all(&cards).unwrap();
            fs::write(ws.candidates_dir().join(id).join("candidate.ron"), "x").unwrap();
            fs::write(cards.join("ann--.ron"), "x").unwrap();
            old(&cards.join("ann--.ron"));
            old(&ws.candidates_dir().join(id).join("candidate.ron"));
            old(&cards);
            old(&ws.candidates_dir().join(id));
        }
        old(&ws.candidates_dir());
        (dir, ws)
    }

    fn candidate_folders(found: &CatchUp, ws: &Workspace) -> Vec<PathBuf> {
        match found {
            CatchUp::ReadAll => panic!("read all"),
            CatchUp::Refresh(paths) => paths
                .iter()
                .filter(|p| p.starts_with(ws.candidates_dir()))
                .cloned()
                .collect(),
        }
    }

    #[test]
    fn nothing_changed_reads_only_the_few_definitions_again() {
        let (_dir, ws) = workspace();
        let found = ws.changed_since(SystemTime::now());
        assert!(candidate_folders(&found, &ws).is_empty(), "{found:?}");
        let CatchUp::Refresh(paths) = found else {
            panic!()
        };
        assert!(paths.contains(&ws.templates_dir()));
        assert!(paths.contains(&ws.openings_dir()));
    }

    #[test]
    fn a_file_written_in_place_or_renamed_in_is_found_in_its_folder() {
        let (_dir, ws) = workspace();
        let since = SystemTime::now();
        // c-1: a scorecard written in place (its time moves).
        fs::write(ws.candidates_dir().join("c-1/scorecards/ann--.ron"), "y").unwrap();
        let found = ws.changed_since(since);
        assert_eq!(
            candidate_folders(&found, &ws),
            [ws.candidates_dir().join("c-1")]
        );

        // c-2: a file renamed in with an old time, as a sync tool keeps
        // the author's: its folder's time moves.
        let cards = ws.candidates_dir().join("c-2/scorecards");
        let temp = cards.join(".syncthing.bob--.ron.tmp");
        fs::write(&temp, "z").unwrap();
        old(&temp);
        fs::rename(&temp, cards.join("bob--.ron")).unwrap();
        let found = ws.changed_since(since);
        assert_eq!(
            candidate_folders(&found, &ws),
            [
                ws.candidates_dir().join("c-1"),
                ws.candidates_dir().join("c-2")
            ]
        );
    }

    #[test]
    fn a_candidate_come_or_gone_reads_everything_again() {
        let (_dir, ws) = workspace();
        let since = SystemTime::now();
        fs::create_dir(ws.candidates_dir().join("c-3")).unwrap();
        assert_eq!(ws.changed_since(since), CatchUp::ReadAll);
    }
}
