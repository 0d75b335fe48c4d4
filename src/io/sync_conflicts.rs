//! What sync tools, file managers and people leave behind when two machines
//! (or two hands) change one file: copies such as `a (conflicted copy
//! 2026-11-21).ron` (Dropbox, and the app's own *Keep both*), `a (Priya's
//! conflicted copy).ron`, `a.sync-conflict-20261121-101010-ABCDEF.ron`
//! (Syncthing), `a-DESKTOP-1 (conflict).ron` and `a-DESKTOP-1.ron`
//! (OneDrive), `a (1).ron` (browsers, Windows), `Copy of a.ron` and
//! `a - Copy.ron`, and git's conflict markers inside a file. They are shown
//! for a person to resolve: never counted (that would count a scorecard
//! twice), never deleted.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file that is a copy of another: listed for a person, never counted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ConflictCopy {
    /// The copy.
    pub path: PathBuf,
    /// The candidate whose folder it lies in (the folder's name); `None`
    /// for templates and library files.
    pub candidate: Option<String>,
    /// Why it is a copy.
    pub reason: ConflictReason,
}

impl ConflictCopy {
    /// The copies a folder's listing found, in `candidate`'s folder (its
    /// name) or, with `None`, in a shared one (templates, library, openings).
    pub(crate) fn listed(
        copies: Vec<(PathBuf, ConflictReason)>,
        candidate: Option<&str>,
    ) -> impl Iterator<Item = ConflictCopy> + '_ {
        copies.into_iter().map(move |(path, reason)| ConflictCopy {
            path,
            candidate: candidate.map(str::to_owned),
            reason,
        })
    }
}

/// Why a file is taken for a copy.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConflictReason {
    /// A sync tool's conflict name: `(conflicted copy …)`, `.sync-conflict-`,
    /// `(conflict)`.
    SyncConflict,
    /// A duplicate's name: `name (1).ron`, `Copy of name.ron`,
    /// `name - Copy.ron`, `name copy.ron`.
    Duplicate,
    /// OneDrive's name for a copy from another device: `name-DEVICE.ron`.
    DeviceCopy,
    /// It holds the same scorecard (candidate, interviewer, stage) as the
    /// file under the canonical name, which counts instead.
    SameAs(String),
    /// It holds the same scorecard as other files, none of which has the
    /// canonical name (here): none counts until one is renamed.
    NoCanonical(String),
}

impl fmt::Display for ConflictReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConflictReason::SyncConflict => f.write_str("a sync tool's conflict copy"),
            ConflictReason::Duplicate => f.write_str("a copy of another file (its name says so)"),
            ConflictReason::DeviceCopy => {
                f.write_str("a copy from another device (OneDrive's `name-DEVICE.ron`)")
            }
            ConflictReason::SameAs(canonical) => {
                write!(
                    f,
                    "holds the same scorecard as {canonical}, which counts instead"
                )
            }
            ConflictReason::NoCanonical(canonical) => write!(
                f,
                "holds the same scorecard as another file and none is named {canonical}: none counts"
            ),
        }
    }
}

/// Whether a file name is a conflict copy (see [`conflict_copy_reason`]).
pub fn is_conflict_copy(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(conflict_copy_reason)
        .is_some()
}

/// Why a file name is a copy's, if it is: a sync tool's conflict name
/// (whatever the extension), or, for `*.ron`, a duplicate's or a device's
/// name. Names the app writes are lowercase slugs, so an uppercase device
/// suffix after a lowercase name (`x--s-DESKTOP-ABC.ron`) is OneDrive's.
pub fn conflict_copy_reason(name: &str) -> Option<ConflictReason> {
    let lower = name.to_lowercase();
    if lower.contains("conflicted copy")
        || lower.contains(".sync-conflict-")
        || lower.contains("(conflict")
    {
        return Some(ConflictReason::SyncConflict);
    }
    let stem = name.strip_suffix(".ron")?;
    let lower_stem = stem.to_lowercase();
    if lower_stem.starts_with("copy of ")
        || lower_stem.ends_with(" - copy")
        || lower_stem.ends_with(" copy")
        || ends_with_number_in_parentheses(stem)
        || ends_with_copy_number(&lower_stem)
    {
        return Some(ConflictReason::Duplicate);
    }
    if has_device_suffix(stem) {
        return Some(ConflictReason::DeviceCopy);
    }
    None
}

/// `name (1)`, `name (12)`.
fn ends_with_number_in_parentheses(stem: &str) -> bool {
    let Some(inner) = stem.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind(" (") else {
        return false;
    };
    let digits = &inner[open + 2..];
    open > 0 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `name copy 2`, `name - copy (2)` (lowercased).
fn ends_with_copy_number(lower_stem: &str) -> bool {
    let trimmed = lower_stem.trim_end_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')');
    trimmed.len() < lower_stem.len()
        && (trimmed.ends_with(" copy ") || trimmed.ends_with(" - copy "))
}

/// `lowercase-name-DEVICE-NAME`: a lowercase name, then `-` and a tail of
/// uppercase letters, digits and `-` with at least one uppercase letter.
fn has_device_suffix(stem: &str) -> bool {
    stem.char_indices()
        .filter(|&(_, c)| c == '-')
        .any(|(at, _)| {
            let (base, tail) = (&stem[..at], &stem[at + 1..]);
            !base.is_empty()
                && !base.chars().any(char::is_uppercase)
                && tail.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
                && tail.chars().any(|c| c.is_ascii_uppercase())
                && tail
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
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
    fn recognises_copies_by_name() {
        for (name, reason) in [
            ("x--s (1).ron", ConflictReason::Duplicate),
            ("x--s (12).ron", ConflictReason::Duplicate),
            ("Copy of x--s.ron", ConflictReason::Duplicate),
            ("x--s - Copy.ron", ConflictReason::Duplicate),
            ("x--s - Copy (2).ron", ConflictReason::Duplicate),
            ("x--s copy.ron", ConflictReason::Duplicate),
            ("x--s copy 2.ron", ConflictReason::Duplicate),
            ("x--s-DESKTOP-ABC.ron", ConflictReason::DeviceCopy),
            ("x---LAPTOP7.ron", ConflictReason::DeviceCopy),
            (
                "x--s (conflicted copy kept by Scorecard 2026-11-21 10-00-00).ron",
                ConflictReason::SyncConflict,
            ),
        ] {
            assert_eq!(conflict_copy_reason(name), Some(reason), "{name}");
        }
        for name in [
            "x--s.ron",
            "x--.ron",
            "priya-raman--incident-scenario.ron",
            "candidate.ron",
            "sre-2.ron",
            "(1).ron",
            "SRE-V2.ron",
            "x--s (1).txt",
        ] {
            assert_eq!(conflict_copy_reason(name), None, "{name}");
        }
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
