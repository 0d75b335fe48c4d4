//! `<workspace>/people.ron`: who the workspace knows by email. Read when an
//! import needs it; a missing file is an empty list.

use std::fs;
use std::path::Path;

use super::FileError;
use super::parse::{parse_people, read_text};
use crate::model::People;

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
