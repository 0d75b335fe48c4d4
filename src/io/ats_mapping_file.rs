//! `<workspace>/ats.ron`: which ATS form field takes which part of a
//! scorecard. Read when a feedback export needs it.

use std::fs;
use std::path::Path;

use super::FileError;
use super::parse::{parse_ats_mapping, read_text};
use crate::model::AtsMapping;

/// The file name of a workspace's ATS mapping.
pub const ATS_MAPPING_FILE: &str = "ats.ron";

/// The ATS mapping of the workspace at `root`: `None` when there is no
/// `ats.ron`, its error when it is broken.
pub fn load_ats_mapping(root: &Path) -> Result<Option<AtsMapping>, FileError> {
    let path = root.join(ATS_MAPPING_FILE);
    if fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    read_text(&path)
        .and_then(|text| parse_ats_mapping(&path, &text))
        .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_is_none_and_a_broken_one_is_its_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_ats_mapping(dir.path()).unwrap(), None);
        let path = dir.path().join(ATS_MAPPING_FILE);
        fs::write(
            &path,
            "AtsMapping(format: 1, lever: Some(LeverForm(template_id: \"t\", overall: \"o\")))",
        )
        .unwrap();
        let mapping = load_ats_mapping(dir.path()).unwrap().unwrap();
        assert_eq!(mapping.lever.unwrap().template_id, "t");
        fs::write(
            &path,
            "AtsMapping(format: 1, lever: Some(LeverForm(template_id: \"\", overall: \"o\")))",
        )
        .unwrap();
        let err = load_ats_mapping(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("ats.ron:1:") && err.contains("template_id is blank"),
            "{err}"
        );
    }
}
