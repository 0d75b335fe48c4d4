//! The files of calibration: the nudge list, practice cases and practice
//! results, shipped and in a workspace.
//!
//! - `scorecards/nudges/nudges.ron` is shipped; `<workspace>/nudges.ron`
//!   replaces it whole (a broken one is listed as an error and the shipped
//!   list stays in effect).
//! - `scorecards/practice/<template-id>/<case-id>.ron` are shipped;
//!   `<workspace>/practice/<template-id>/*.ron` add cases (one with the
//!   template and id of a shipped case replaces it).
//! - `<workspace>/practice-results/<interviewer-slug>.ron` holds one
//!   interviewer's rounds.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::atomic_write::write_private_dir;
use super::locate::locate;
use super::parse::{parse_nudge_list, parse_practice_results, read_text, to_ron};
use super::parse_any::parse_practice_case;
use super::shipped::{self, shipped_nudge_files};
use super::sync_conflicts::{ConflictCopy, conflict_copy_reason};
use super::{FileError, StoreError, TemplateSet, ron_files_under, write_atomic};
use crate::model::{FieldPath, InterviewerId, NudgeList, PracticeCase, PracticeResults};

/// The file name of a workspace's own nudge list.
pub const NUDGES_FILE: &str = "nudges.ron";
/// The folder of a workspace's own practice cases.
pub const PRACTICE_DIR: &str = "practice";
/// The folder of the interviewers' practice results.
pub const PRACTICE_RESULTS_DIR: &str = "practice-results";

/// The shipped nudge list, parsed once, and its error if it did not parse
/// (the tests prevent it; then the list is empty).
pub fn shipped_nudges() -> &'static (Arc<NudgeList>, Vec<FileError>) {
    static SHIPPED: OnceLock<(Arc<NudgeList>, Vec<FileError>)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let mut errors = Vec::new();
        let mut list = NudgeList::default();
        for (name, text) in shipped_nudge_files() {
            let path = PathBuf::from("scorecards").join("nudges").join(name);
            match parse_nudge_list(&path, text) {
                Ok(parsed) => list.topics.extend(parsed.topics),
                Err(err) => errors.push(err),
            }
        }
        (Arc::new(list), errors)
    })
}

/// Every shipped practice case as (path for errors, text).
pub fn shipped_practice_files() -> impl Iterator<Item = (PathBuf, &'static str)> {
    shipped::practice_files().map(|(name, text)| {
        (
            PathBuf::from("scorecards").join(PRACTICE_DIR).join(name),
            text,
        )
    })
}

/// The nudge list in effect for the workspace at `root`, and the error of
/// its own list if that is broken.
pub fn load_nudges(root: &Path) -> (Arc<NudgeList>, Vec<FileError>) {
    let path = root.join(NUDGES_FILE);
    let (shipped, shipped_errors) = shipped_nudges();
    if fs::symlink_metadata(&path).is_err() {
        return (Arc::clone(shipped), shipped_errors.clone());
    }
    match read_text(&path).and_then(|text| parse_nudge_list(&path, &text)) {
        Ok(list) => (Arc::new(list), Vec::new()),
        Err(err) => (Arc::clone(shipped), vec![err]),
    }
}

/// The practice cases in effect (shipped, then the workspace's), sorted by
/// template then id, each checked against `templates`; broken ones are
/// listed as errors.
pub fn load_practice(root: &Path, templates: &TemplateSet) -> (Vec<PracticeCase>, Vec<FileError>) {
    let mut errors = Vec::new();
    let mut cases: Vec<PracticeCase> = Vec::new();
    for (path, text) in shipped_practice_files() {
        match parse_practice_case(&path, text, templates) {
            Ok(case) => cases.push(case),
            Err(err) => errors.push(err),
        }
    }
    let (files, listing_errors) = ron_files_under(&root.join(PRACTICE_DIR));
    errors.extend(listing_errors);
    for path in files {
        match read_text(&path).and_then(|text| parse_practice_case(&path, &text, templates)) {
            Ok(case) => {
                cases.retain(|c| (&c.template, &c.id) != (&case.template, &case.id));
                cases.push(case);
            }
            Err(err) => errors.push(err),
        }
    }
    cases.sort_by(|a, b| (&a.template, &a.id).cmp(&(&b.template, &b.id)));
    (cases, errors)
}

/// Every interviewer's practice results in the workspace, sorted by
/// interviewer id; broken files are listed as errors. As for scorecards,
/// only the file under the canonical name (`<interviewer-slug>.ron`)
/// counts: a sync tool's or a file manager's copy is listed as a conflict
/// copy, and a file holding someone else's results as an error.
pub fn load_practice_results(
    root: &Path,
) -> (Vec<PracticeResults>, Vec<FileError>, Vec<ConflictCopy>) {
    let (files, mut errors) = ron_files_under(&root.join(PRACTICE_RESULTS_DIR));
    let mut conflicts = Vec::new();
    let mut results = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if let Some(reason) = conflict_copy_reason(name) {
            conflicts.push(ConflictCopy {
                path,
                candidate: None,
                reason,
            });
            continue;
        }
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(err) => {
                errors.push(err);
                continue;
            }
        };
        match parse_practice_results(&path, &text) {
            Ok(found) if practice_results_path(root, &found.interviewer) == Some(path.clone()) => {
                results.push(found);
            }
            Ok(found) => {
                let expected = InterviewerId::typed(&found.interviewer).map_or_else(
                    || "a name with a letter".to_owned(),
                    |id| format!("{id}.ron"),
                );
                let at = locate(&text, &FieldPath::root().field("interviewer"));
                errors.push(FileError::new(
                    &path,
                    at.line,
                    at.column,
                    format!(
                        "holds the practice results of {:?}, which only count under {expected}",
                        found.interviewer
                    ),
                ));
            }
            Err(err) => errors.push(err),
        }
    }
    results.sort_by_key(PracticeResults::id);
    (results, errors, conflicts)
}

/// Where one interviewer's practice results live; `None` for a name that
/// makes no file name.
pub fn practice_results_path(root: &Path, interviewer: &str) -> Option<PathBuf> {
    let id = InterviewerId::typed(interviewer)?;
    Some(
        root.join(PRACTICE_RESULTS_DIR)
            .join(format!("{}.ron", id.as_str())),
    )
}

/// Writes one interviewer's practice results, atomically, creating the
/// folder (0700 on Unix). A broken file in its place is not overwritten.
pub fn save_practice_results(
    root: &Path,
    results: &PracticeResults,
) -> Result<PathBuf, StoreError> {
    let Some(path) = practice_results_path(root, &results.interviewer) else {
        return Err(StoreError::io(
            root.join(PRACTICE_RESULTS_DIR),
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the interviewer's name has no letter or digit",
            ),
        ));
    };
    if let Some(dir) = path.parent() {
        write_private_dir(dir)?;
    }
    if fs::symlink_metadata(&path).is_ok()
        && let Err(error) = read_text(&path).and_then(|text| parse_practice_results(&path, &text))
    {
        return Err(StoreError::WouldOverwriteBroken { error });
    }
    let text = to_ron(results, "practice results")?;
    write_atomic(&path, text.as_bytes())?;
    Ok(path)
}
