//! `<workspace>/people.ron`: who the workspace knows by email. Read when an
//! import needs it; a missing file is an empty list.

use std::fs;
use std::path::Path;

use super::parse::{parse_people, read_text};
use super::{FileError, WorkspaceSnapshot};
use crate::model::{KnownPeople, People};

/// The file name of a workspace's people list.
pub const PEOPLE_FILE: &str = "people.ron";

/// The people list of the workspace at `root`: empty when there is no
/// `people.ron`, its error when it is broken (an import stops on that
/// rather than match nobody by email).
pub fn load_people(root: &Path) -> Result<People, FileError> {
    let path = root.join(PEOPLE_FILE);
    if fs::symlink_metadata(&path).is_err() {
        return Ok(People::default());
    }
    read_text(&path).and_then(|text| parse_people(&path, &text))
}

/// The interviewers the workspace at `root` knows: its `people.ron` where
/// it has one, else who wrote the scorecards and who is planned in
/// `snapshot`. A broken `people.ron` is logged and the files are used.
pub fn known_people(root: &Path, snapshot: &WorkspaceSnapshot) -> KnownPeople {
    let people = match load_people(root) {
        Ok(people) => Some(people),
        Err(err) => {
            log::warn!("known interviewers from the files instead: {err:#}");
            None
        }
    };
    let candidates = snapshot.candidates();
    let scorecards = candidates
        .iter()
        .flat_map(|r| r.scorecards.iter().map(|s| &s.scorecard));
    let planned = candidates
        .iter()
        .flat_map(|r| r.candidate.interviews.iter().map(|i| &*i.interviewer))
        .chain(
            snapshot
                .openings()
                .iter()
                .flat_map(|o| o.opening.plan.iter())
                .flat_map(|stage| stage.interviewers.iter().map(String::as_str)),
        );
    KnownPeople::of_workspace(people.as_ref(), scorecards, planned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_is_nobody_and_a_broken_one_is_its_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_people(dir.path()).unwrap(), People::default());
        fs::write(
            dir.path().join(PEOPLE_FILE),
            "People(format: 1, people: [Person(name: \"Priya Raman\", emails: [\"priya@example.com\"])])",
        )
        .unwrap();
        let people = load_people(dir.path()).unwrap();
        assert_eq!(
            people.by_email("priya@example.com").unwrap().name,
            "Priya Raman"
        );
        fs::write(
            dir.path().join(PEOPLE_FILE),
            "People(format: 1, people: [Person(nam: \"x\")])",
        )
        .unwrap();
        let err = load_people(dir.path()).unwrap_err().to_string();
        assert!(err.contains("people.ron:1:"), "{err}");
    }
}
