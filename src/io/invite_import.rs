//! `scorecard import invites` and the app's *Import invites…*: an invite
//! file read and planned against a workspace ([`read_invites`],
//! [`plan_invites`]), then applied ([`apply_invites`]).
//!
//! Applying is all or nothing and loses nothing. Each candidate file the
//! plan touches is read again from disk and the plan's changes, keyed by
//! invite `UID` and interviewer, are applied to that fresh copy, so what a
//! colleague changed since the preview stays. Every new file must pass the
//! rules of a candidate file. All are written as flushed temporary files
//! beside their targets first; only when every one is written (and every
//! target still holds what was read) are they renamed into place. A
//! failure before the renames leaves no trace; if a rename fails, the
//! files renamed with it are put back. Scorecards are never touched.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::atomic_write::{StagedFile, stage_file};
use super::flush_pool::{flushing, sync_dirs};
use super::ics::parse_invite_events;
use super::listing::open_regular;
use super::parse::{parse_candidate, read_text, to_ron};
use super::text_encoding::decode_text;
use super::workspace::CANDIDATE_FILE;
use super::{
    FileError, StoreError, Workspace, WorkspaceSnapshot, let_go, load_people, write_atomic,
};
use crate::model::invite_import::{
    CandidateChanges, CandidateInfo, InviteEvent, InvitePlan, apply_changes, plan_invite_import,
};
use crate::model::{InterviewerId, People, Scorecard};

/// The largest invite file read, in bytes: a calendar export of a few
/// years is a few MiB.
pub const MAX_INVITE_BYTES: u64 = 16 * 1024 * 1024;

/// Why an import cannot be planned or applied. Nothing is written when one
/// is returned (see [`InviteError::NotRestored`] for the one exception).
#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    /// The invite file, or `people.ron`, cannot be used:
    /// `path:line:col: message`.
    #[error("{0}")]
    File(FileError),
    /// Invite files that cannot be read (not iCalendar, cut short, an
    /// encoding this cannot read): each as `path:line:col: message`, one a
    /// line.
    #[error("{}", .errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    BrokenFiles {
        /// One for each file that cannot be read.
        errors: Vec<FileError>,
        /// How many files the import was given.
        files: usize,
    },
    /// A candidate file the plan changes is not as the plan found it in a
    /// way that stops the import (gone, broken, or it would break a rule).
    #[error("{path}: {message}; nothing was written")]
    Candidate {
        /// The candidate's file (or folder).
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Writing failed; the files renamed meanwhile were put back.
    #[error("{0}; nothing was written")]
    Store(StoreError),
    /// A rename failed, and some files renamed with it could not be put
    /// back: they hold the import's version.
    #[error("{error}; these files could not be put back and hold the import's version: {}", .paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    NotRestored {
        /// The failure.
        error: StoreError,
        /// The files written.
        paths: Vec<PathBuf>,
    },
}

impl From<StoreError> for InviteError {
    fn from(error: StoreError) -> Self {
        Self::Store(error)
    }
}

/// Reads the invite file `file` (at most [`MAX_INVITE_BYTES`]) and the
/// workspace's `people.ron`, and plans the import against `snapshot`.
pub fn read_invites(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    file: &Path,
) -> Result<InvitePlan, InviteError> {
    read_invites_files(workspace, snapshot, &[file.to_path_buf()], false).map(|batch| batch.plan)
}

/// What a batch of invite files plans, and the files left out.
#[derive(Debug)]
pub struct InviteBatch {
    /// The plan of the files read.
    pub plan: InvitePlan,
    /// The files that cannot be read, each with its error, left out
    /// because the import was asked to skip them.
    pub skipped: Vec<FileError>,
}

/// [`read_invites`] for several files planned together as one import (a
/// folder of invites): the versions of one `UID` in different files are
/// weighed as if in one file (the highest `SEQUENCE`, then the latest
/// `DTSTAMP`, then the later file), and each [`Unmatched::file`] and
/// [`InviteEvent::file`] is an index into `files`.
///
/// Every file is read. Those that cannot be (not iCalendar, cut short, an
/// encoding this cannot read) are all named in
/// [`InviteError::BrokenFiles`], and nothing is planned, unless
/// `skip_broken`: then the others are planned and the broken ones listed
/// in [`InviteBatch::skipped`]. A batch of none but broken files is an
/// error either way.
///
/// [`Unmatched::file`]: crate::model::invite_import::Unmatched::file
/// [`InviteEvent::file`]: crate::model::invite_import::InviteEvent::file
pub fn read_invites_files(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    files: &[PathBuf],
    skip_broken: bool,
) -> Result<InviteBatch, InviteError> {
    let read: Vec<Result<Vec<InviteEvent>, FileError>> = files
        .par_iter()
        .enumerate()
        .map(|(index, file)| {
            let text = read_invite_file(file)?;
            let mut read = parse_invite_events(file, &text)?;
            for event in &mut read {
                event.file = index;
            }
            Ok(read)
        })
        .collect();
    let mut events = Vec::new();
    let mut broken = Vec::new();
    for result in read {
        match result {
            Ok(mut read) => events.append(&mut read),
            Err(error) => broken.push(error),
        }
    }
    if !broken.is_empty() && (!skip_broken || broken.len() == files.len()) {
        return Err(InviteError::BrokenFiles {
            errors: broken,
            files: files.len(),
        });
    }
    let people = load_people(workspace.root()).map_err(InviteError::File)?;
    let plan = plan_events(&events, snapshot, &people);
    let_go("the events of the invite files", events);
    Ok(InviteBatch {
        plan,
        skipped: broken,
    })
}

/// The invite files `paths` stand for: a folder stands for the `.ics`
/// files in it (by name, not its subfolders, never through a link); a file
/// for itself. A folder with none is an error.
pub fn invite_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FileError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::symlink_metadata(path)
            .map_err(|e| FileError::entry(path, format!("cannot be read: {e}")))?;
        if !meta.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = fs::read_dir(path)
            .map_err(|e| FileError::entry(path, format!("cannot be read: {e}")))?
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .map(|entry| entry.path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("ics"))
            })
            .collect();
        if found.is_empty() {
            return Err(FileError::entry(path, "no .ics file in this folder"));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Plans importing the iCalendar `text` (errors name `path_for_errors`)
/// into the candidates of `snapshot`, naming attendees through `people`.
pub fn plan_invites(
    path_for_errors: &Path,
    text: &str,
    snapshot: &WorkspaceSnapshot,
    people: &People,
) -> Result<InvitePlan, InviteError> {
    let events = parse_invite_events(path_for_errors, text).map_err(InviteError::File)?;
    let plan = plan_events(&events, snapshot, people);
    let_go("the events of an invite file", events);
    Ok(plan)
}

/// The plan of importing `events` into the candidates of `snapshot`.
fn plan_events(
    events: &[InviteEvent],
    snapshot: &WorkspaceSnapshot,
    people: &People,
) -> InvitePlan {
    let cards: Vec<Vec<&Scorecard>> = snapshot
        .candidates()
        .iter()
        .map(|record| record.scorecards.iter().map(|s| &s.scorecard).collect())
        .collect();
    let roster: Vec<CandidateInfo<'_>> = snapshot
        .candidates()
        .iter()
        .zip(&cards)
        .map(|(record, cards)| CandidateInfo {
            candidate: &record.candidate,
            template: snapshot
                .templates()
                .get(record.candidate.template.as_str())
                .map(|entry| &entry.template),
            opening: snapshot.opening_of(&record.candidate),
            scorecards: cards,
        })
        .collect();
    plan_invite_import(events, &roster, people)
}

/// Applies `plan` to the workspace, all or nothing; returns the candidate
/// files written (a file the changes leave as it was is not written).
pub fn apply_invites(
    workspace: &Workspace,
    plan: &InvitePlan,
) -> Result<Vec<PathBuf>, InviteError> {
    if plan.changes.is_empty() {
        return Ok(Vec::new());
    }
    let definitions = workspace.load_definitions();
    // Each file is read, changed, checked and staged (written and flushed)
    // on its own, on the flushing threads: the flushes are most of the time. An
    // error drops the files staged so far, which removes them.
    let staged: Vec<(StagedFile, String)> = flushing(|| {
        plan.changes
            .par_iter()
            .map(|changes| stage_changes(workspace, &definitions, changes))
            .collect::<Result<Vec<_>, _>>()
    })?
    .into_iter()
    .flatten()
    .collect();
    // The last look before anything is in place: a colleague's save since
    // the read above is not written over.
    for (file, text) in &staged {
        if read_text(file.target()).ok().as_ref() != Some(text) {
            return Err(InviteError::Candidate {
                path: file.target().to_path_buf(),
                message: "changed while the import was being written: import again".into(),
            });
        }
    }
    commit_all(staged)
}

/// One candidate's file read again, `changes` applied, checked and staged;
/// `None` when the changes leave it as it was. With the text read.
fn stage_changes(
    workspace: &Workspace,
    definitions: &WorkspaceSnapshot,
    changes: &CandidateChanges,
) -> Result<Option<(StagedFile, String)>, InviteError> {
    let dir = workspace.candidate_dir(&changes.candidate);
    let path = dir.join(CANDIDATE_FILE);
    let not_applied = |message: String| InviteError::Candidate {
        path: path.clone(),
        message,
    };
    match fs::symlink_metadata(&dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(not_applied(
                "the candidate's folder is a link or not a folder: not written through".into(),
            ));
        }
        Err(_) => {
            return Err(not_applied(
                "the candidate's folder is gone (erased, or moved since the preview)".into(),
            ));
        }
    }
    let text = read_text(&path).map_err(|e| not_applied(format!("cannot be read again: {e}")))?;
    let mut candidate = parse_candidate(&path, &text)
        .map_err(|e| not_applied(format!("no longer reads as a candidate: {e}")))?;
    if candidate.id != changes.candidate {
        return Err(not_applied(format!(
            "now holds candidate {:?}, not {:?}",
            candidate.id.as_str(),
            changes.candidate.as_str()
        )));
    }
    let scored = |who: &InterviewerId, stage: &str| {
        workspace
            .scorecard_path(&changes.candidate, who.as_str(), stage)
            .is_ok_and(|card| fs::symlink_metadata(card).is_ok())
    };
    apply_changes(&mut candidate, &changes.changes, scored);
    let template = definitions
        .templates()
        .get(candidate.template.as_str())
        .map(|entry| &entry.template);
    let mut problems = candidate.problems();
    problems.extend(candidate.reference_problems(definitions.opening_of(&candidate), template));
    if let Some(problem) = problems.first() {
        return Err(not_applied(format!(
            "the import would break a rule of this file: {}: {}",
            problem.path, problem.message
        )));
    }
    let new_text = to_ron(&candidate, "candidate")?;
    if new_text == text {
        return Ok(None);
    }
    Ok(Some((stage_file(&path, new_text.as_bytes())?, text)))
}

/// Renames every staged file into place (together, on the flushing
/// threads), then flushes the renames; if one fails, puts back the ones
/// that were renamed.
fn commit_all(staged: Vec<(StagedFile, String)>) -> Result<Vec<PathBuf>, InviteError> {
    let renamed: Vec<(Result<PathBuf, StoreError>, String)> = flushing(|| {
        staged
            .into_par_iter()
            .map(|(file, before)| (file.rename_unflushed(), before))
            .collect()
    });
    let mut done: Vec<(PathBuf, String)> = Vec::with_capacity(renamed.len());
    let mut failed = None;
    for (result, before) in renamed {
        match result {
            Ok(path) => done.push((path, before)),
            Err(error) => failed = failed.or(Some(error)),
        }
    }
    if let Some(error) = failed {
        let paths: Vec<PathBuf> = done
            .iter()
            .filter(|(path, before)| write_atomic(path, before.as_bytes()).is_err())
            .map(|(path, _)| path.clone())
            .collect();
        return Err(if paths.is_empty() {
            InviteError::Store(error)
        } else {
            InviteError::NotRestored { error, paths }
        });
    }
    sync_dirs(done.iter().filter_map(|(path, _)| path.parent()));
    Ok(done.into_iter().map(|(path, _)| path).collect())
}

/// The text of an invite file: a regular file (no link followed), at most
/// [`MAX_INVITE_BYTES`], UTF-8 or UTF-16 ([`decode_text`]).
fn read_invite_file(path: &Path) -> Result<String, FileError> {
    let too_large = || {
        FileError::whole_file(
            path,
            format!(
                "the file is larger than {} MiB: not a calendar invite (export fewer events)",
                MAX_INVITE_BYTES / (1024 * 1024)
            ),
        )
    };
    let file = open_regular(path)?;
    if file.metadata().is_ok_and(|m| m.len() > MAX_INVITE_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_INVITE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::whole_file(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_INVITE_BYTES {
        return Err(too_large());
    }
    decode_text(
        path,
        &bytes,
        "an iCalendar file is UTF-8: save it as UTF-8, in the calendar program or a text editor",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_that_fails_puts_back_the_files_renamed_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        fs::write(&first, "first before").unwrap();
        fs::write(&second, "second before").unwrap();
        let staged = vec![
            (
                stage_file(&first, b"first new").unwrap(),
                "first before".to_owned(),
            ),
            (
                stage_file(&second, b"second new").unwrap(),
                "second before".to_owned(),
            ),
        ];
        // The second target turns into a folder with a file in it: no
        // file can be renamed over that.
        fs::remove_file(&second).unwrap();
        fs::create_dir(&second).unwrap();
        fs::write(second.join("inside"), "x").unwrap();
        let err = commit_all(staged).unwrap_err();
        assert!(matches!(err, InviteError::Store(_)), "{err}");
        assert_eq!(fs::read_to_string(&first).unwrap(), "first before");
        assert!(second.join("inside").is_file());
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.ron", "b.ron"], "no temporary file left");
    }

    #[test]
    fn an_invite_file_over_the_limit_or_not_utf8_is_refused_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.ics");
        let file = fs::File::create(&big).unwrap();
        file.set_len(MAX_INVITE_BYTES + 1).unwrap();
        let err = read_invite_file(&big).unwrap_err().to_string();
        assert!(err.ends_with("big.ics:1:1: the file is larger than 16 MiB: not a calendar invite (export fewer events)"), "{err}");
        let latin1 = dir.path().join("latin1.ics");
        fs::write(&latin1, b"BEGIN:VCALENDAR\nSUMMARY:Jos\xe9\n").unwrap();
        let err = read_invite_file(&latin1).unwrap_err();
        assert_eq!((err.line, err.column), (2, 12));
    }

    #[test]
    fn a_folder_stands_for_its_own_ics_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.ics", "A.ICS", "notes.txt"] {
            fs::write(dir.path().join(name), "BEGIN:VCALENDAR\n").unwrap();
        }
        fs::create_dir(dir.path().join("old.ics")).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/c.ics"), "BEGIN:VCALENDAR\n").unwrap();
        let single = dir.path().join("notes.txt");
        let files = invite_files(&[dir.path().to_path_buf(), single.clone()]).unwrap();
        assert_eq!(
            files,
            vec![dir.path().join("A.ICS"), dir.path().join("b.ics"), single]
        );

        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let err = invite_files(&[empty]).unwrap_err().to_string();
        assert!(err.ends_with("empty: no .ics file in this folder"), "{err}");
        let err = invite_files(&[dir.path().join("gone")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("gone: cannot be read"), "{err}");
    }
}
