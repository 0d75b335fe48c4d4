//! Helpers the integration tests share: copying a fixture workspace,
//! every file and folder of a workspace as it stands (to show a failed
//! command changed nothing), a command's output as text, a fresh draft.

// Each test crate uses some of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Copies the folder `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every folder (`None`) and file (its bytes) under `root`, by path
/// relative to it: equal before and after a command means it changed,
/// added and removed nothing, not even an empty folder.
pub fn workspace_state(root: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut all = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(root).unwrap().to_path_buf();
            if path.is_dir() {
                all.insert(relative, None);
                stack.push(path);
            } else {
                all.insert(relative, Some(fs::read(&path).unwrap()));
            }
        }
    }
    all
}

/// A command's output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh draft of `interviewer`'s general interview of candidate `c-1`
/// against the shipped infrastructure-engineer template, started at
/// 2026-11-21 10:00 UTC.
pub fn general_draft(interviewer: &str) -> scorecard::model::Scorecard {
    scorecard::model::Scorecard::draft(
        scorecard::model::Slug::new("c-1").unwrap(),
        scorecard::model::Slug::new("infrastructure-engineer").unwrap(),
        1,
        interviewer,
        "",
        "2026-11-21T10:00:00Z".parse().unwrap(),
    )
}
