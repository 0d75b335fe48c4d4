//! What sync tools leave behind when two machines change one file: copies
//! such as `a (conflicted copy 2026-11-21).ron` (Dropbox), `a (Priya's
//! conflicted copy).ron`, `a.sync-conflict-20261121-101010-ABCDEF.ron`
//! (Syncthing), `a-DESKTOP-1 (conflict).ron` (OneDrive), and git's conflict
//! markers inside a file. They are shown for a person to resolve: never
//! counted (that would count a scorecard twice), never deleted.

use std::path::Path;

/// Whether a file name is a sync tool's conflict copy.
pub fn is_conflict_copy(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_lowercase();
    lower.contains("conflicted copy")
        || lower.contains(".sync-conflict-")
        || lower.contains("(conflict")
}

/// Whether text holds unresolved git conflict markers.
pub fn has_git_conflict_markers(text: &str) -> bool {
    let mut ours = false;
    let mut middle = false;
    for line in text.lines() {
        if line.starts_with("<<<<<<<") {
            ours = true;
        } else if ours && line.starts_with("=======") {
            middle = true;
        } else if middle && line.starts_with(">>>>>>>") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_common_sync_tools() {
        for name in [
            "priya-raman--.ron (conflicted copy 2026-11-21)",
            "priya-raman-- (Priya's conflicted copy 2026-11-21).ron",
            "priya-raman--.sync-conflict-20261121-101010-ABCDEFG.ron",
            "priya-raman---LAPTOP-7 (conflict).ron",
        ] {
            assert!(is_conflict_copy(Path::new(name)), "{name}");
        }
        assert!(!is_conflict_copy(Path::new(
            "priya-raman--incident-scenario.ron"
        )));
    }

    #[test]
    fn finds_git_markers_only_when_complete() {
        assert!(has_git_conflict_markers(
            "a\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> theirs\n"
        ));
        assert!(!has_git_conflict_markers(
            "notes: \"<<<<<<< not a conflict\""
        ));
        assert!(!has_git_conflict_markers("<<<<<<< HEAD\nx\n"));
    }
}
