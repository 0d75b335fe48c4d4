//! `scorecard import candidates` and *Import candidates…*: an ATS's CSV
//! export becomes candidates of one opening (DESIGN.md "Candidates in").
//!
//! Two steps, so a preview costs nothing: [`read_candidates_csv`] (or
//! [`plan_candidates`] on bytes already read) says what would change, and
//! [`apply_candidates`] writes it. The import is applied whole or not at
//! all: every new `candidate.ron` is written and flushed in a hidden
//! staging folder inside `candidates/` first, then each candidate's folder
//! is renamed into place; if one rename fails, those done are moved back.
//! The rows' rules (which columns, which rows are known) are in
//! `model::candidate_columns` and `model::candidate_import`.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::atomic_write::{TEMP_PREFIX, sync_dir};
use super::candidate_csv::{decode, read_rows};
use super::listing::open_regular;
use super::parse::to_ron;
use super::workspace::CANDIDATE_FILE;
use super::{FileError, StoreError, Workspace, WorkspaceSnapshot, write_atomic, write_private_dir};
use crate::model::{
    Candidate, ColumnMapping, ColumnOverrides, Slug, Timestamp, UnchangedRow, plan_rows,
};

/// Largest CSV file read: an ATS export of tens of thousands of candidates.
pub const MAX_CSV_BYTES: u64 = 16 * 1024 * 1024;

/// What an import would do.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateImportPlan {
    /// The opening the candidates are for.
    pub opening: Slug,
    /// Which column holds which field ("Name ← 'Candidate Name'").
    pub columns: ColumnMapping,
    /// The separator found in the file: `b','` or `b';'`.
    pub delimiter: u8,
    /// New candidates, in the order of their rows; nothing is written
    /// until [`apply_candidates`].
    pub created: Vec<Candidate>,
    /// The line of each new candidate's row, in the same order.
    pub created_lines: Vec<usize>,
    /// Rows that change nothing, with the candidate each one is.
    pub unchanged: Vec<UnchangedRow>,
}

/// Why an import cannot be planned or applied. Nothing is written in any
/// of these cases.
#[derive(Debug, thiserror::Error)]
pub enum CandidateImportError {
    /// No opening has that id.
    #[error("unknown opening {0:?}: there is no openings/{0}.ron")]
    UnknownOpening(String),
    /// The file cannot be read or has bad rows: each problem at its line.
    #[error("{}", lines(.0))]
    File(Vec<FileError>),
    /// A new candidate's folder exists already (made since the plan).
    #[error("{0}: exists already (made meanwhile?); nothing was imported: run the import again")]
    Taken(PathBuf),
    /// Writing failed; what was written is taken back.
    #[error("nothing was imported: {0}")]
    Store(#[from] StoreError),
}

impl CandidateImportError {
    /// The problems in the file, if that is what went wrong.
    pub fn file_errors(&self) -> &[FileError] {
        match self {
            CandidateImportError::File(errors) => errors,
            _ => &[],
        }
    }
}

fn lines(errors: &[FileError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `file` (a regular file, never through a link, at most
/// [`MAX_CSV_BYTES`]) and plans its import into `opening`, as of now. New
/// ids avoid the candidates of `snapshot` and every folder on disk in
/// `workspace`'s `candidates/`, broken ones too.
pub fn read_candidates_csv(
    workspace: &Workspace,
    snapshot: &WorkspaceSnapshot,
    file: &Path,
    opening: &str,
    columns: &ColumnOverrides,
) -> Result<CandidateImportPlan, CandidateImportError> {
    if snapshot.opening(opening).is_none() {
        return Err(CandidateImportError::UnknownOpening(opening.to_owned()));
    }
    let bytes = read_limited(file).map_err(|e| CandidateImportError::File(vec![e]))?;
    let now = Timestamp::from_utc(chrono::Utc::now());
    let dir = workspace.candidates_dir();
    plan_with(file, &bytes, snapshot, opening, columns, now, |id| {
        taken_in(snapshot, id) || fs::symlink_metadata(dir.join(id)).is_ok()
    })
}

/// Plans the import of the CSV `bytes` (read from `path_for_errors`) into
/// `opening`, with `created_at: now` for the new candidates.
pub fn plan_candidates(
    path_for_errors: &Path,
    bytes: &[u8],
    snapshot: &WorkspaceSnapshot,
    opening: &str,
    columns: &ColumnOverrides,
    now: Timestamp,
) -> Result<CandidateImportPlan, CandidateImportError> {
    plan_with(
        path_for_errors,
        bytes,
        snapshot,
        opening,
        columns,
        now,
        |id| taken_in(snapshot, id),
    )
}

/// Whether `id` is a candidate of `snapshot`, or names a candidate folder
/// it saw (one whose `candidate.ron` is broken, say).
fn taken_in(snapshot: &WorkspaceSnapshot, id: &str) -> bool {
    snapshot.candidate(id).is_some()
        || snapshot
            .folders_seen()
            .any(|dir| dir.file_name().is_some_and(|name| name == id))
}

fn plan_with(
    path: &Path,
    bytes: &[u8],
    snapshot: &WorkspaceSnapshot,
    opening_id: &str,
    columns: &ColumnOverrides,
    now: Timestamp,
    taken: impl Fn(&str) -> bool,
) -> Result<CandidateImportPlan, CandidateImportError> {
    let Some(opening) = snapshot.opening(opening_id) else {
        return Err(CandidateImportError::UnknownOpening(opening_id.to_owned()));
    };
    let text = decode(path, bytes).map_err(|e| CandidateImportError::File(vec![e]))?;
    let read = read_rows(path, &text, columns).map_err(CandidateImportError::File)?;
    let existing: Vec<&Candidate> = snapshot.candidates().iter().map(|r| &r.candidate).collect();
    let plan = plan_rows(
        &read.rows,
        &existing,
        opening,
        (now, file_seed(bytes)),
        taken,
    );
    // The rows were checked; this keeps a file that would not load again
    // from ever being written, whatever the rules become.
    let broken: Vec<FileError> = plan
        .created
        .iter()
        .zip(&plan.created_lines)
        .filter_map(|(candidate, line)| {
            let problem = candidate.problems().into_iter().next()?;
            Some(FileError::new(path, *line, 1, problem.message))
        })
        .collect();
    if !broken.is_empty() {
        return Err(CandidateImportError::File(broken));
    }
    Ok(CandidateImportPlan {
        opening: opening.id.clone(),
        columns: read.columns,
        delimiter: read.delimiter,
        created: plan.created,
        created_lines: plan.created_lines,
        unchanged: plan.unchanged,
    })
}

/// The seed of a file's new candidate ids: a hash (64-bit FNV-1a, the same
/// on every machine) of its bytes, so its dry run shows the ids its import
/// gives.
fn file_seed(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The bytes of `path`, a regular file of at most [`MAX_CSV_BYTES`].
pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, FileError> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::whole_file(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(FileError::whole_file(
            path,
            format!(
                "file is larger than {} MiB: not an ATS export",
                MAX_CSV_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Writes every new candidate of `plan` (folders 0700, files 0600), all
/// or none; returns their `candidate.ron` files. A plan with nothing new
/// writes nothing, not even a folder.
pub fn apply_candidates(
    workspace: &Workspace,
    plan: &CandidateImportPlan,
) -> Result<Vec<PathBuf>, CandidateImportError> {
    if plan.created.is_empty() {
        return Ok(Vec::new());
    }
    let dir = workspace.candidates_dir();
    if fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(StoreError::Link { path: dir }.into());
    }
    let targets: Vec<PathBuf> = plan
        .created
        .iter()
        .map(|c| workspace.candidate_dir(&c.id))
        .collect();
    if let Some(target) = targets.iter().find(|t| fs::symlink_metadata(t).is_ok()) {
        return Err(CandidateImportError::Taken(target.clone()));
    }
    write_private_dir(&dir)?;
    // Hidden (a leading dot), so neither a read nor the app's watcher
    // takes it for a candidate; removed with what is left in it on return.
    let staging = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}import-"))
        .tempdir_in(&dir)
        .map_err(|e| StoreError::io(&dir, e))?;
    for candidate in &plan.created {
        let folder = staging.path().join(candidate.id.as_str());
        write_private_dir(&folder)?;
        let text = to_ron(candidate, "candidate")?;
        write_atomic(&folder.join(CANDIDATE_FILE), text.as_bytes())?;
    }
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (candidate, target) in plan.created.iter().zip(&targets) {
        let staged = staging.path().join(candidate.id.as_str());
        let result = if fs::symlink_metadata(target).is_ok() {
            Err(CandidateImportError::Taken(target.clone()))
        } else {
            fs::rename(&staged, target).map_err(|e| StoreError::io(target, e).into())
        };
        if let Err(err) = result {
            for (staged, target) in moved.iter().rev() {
                // Best effort: the folder goes back where the staging
                // folder's removal takes it away.
                let _ignored = fs::rename(target, staged);
            }
            return Err(err);
        }
        moved.push((staged, target.clone()));
    }
    sync_dir(&dir);
    Ok(targets.iter().map(|t| t.join(CANDIDATE_FILE)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENING: &str = "Opening(format: 1, id: \"sre-q1\", title: \"SRE\", \
        template: \"junior-site-reliability-engineer\", hiring_manager: \"Dana Kim\", \
        opened_at: \"2026-11-01T09:00:00Z\")";

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::new(dir.path());
        fs::create_dir_all(ws.openings_dir()).unwrap();
        fs::write(ws.openings_dir().join("sre-q1.ron"), OPENING).unwrap();
        (dir, ws)
    }

    fn now() -> Timestamp {
        "2026-12-04T09:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_plan_applied_writes_each_candidate_and_a_second_import_changes_nothing() {
        let (_dir, ws) = workspace();
        let csv = b"Name,Email,ID\nAna Ruiz,ana@example.com,1\nBo Li,,2\n";
        let plan = plan_candidates(
            Path::new("x.csv"),
            csv,
            &ws.load(),
            "sre-q1",
            &ColumnOverrides::none(),
            now(),
        )
        .unwrap();
        let written = apply_candidates(&ws, &plan).unwrap();
        assert_eq!(written.len(), 2);
        let snapshot = ws.load();
        assert!(snapshot.errors().is_empty(), "{:?}", snapshot.errors());
        let names: Vec<&str> = snapshot
            .candidates()
            .iter()
            .map(|r| r.candidate.name.as_str())
            .collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"Ana Ruiz") && names.contains(&"Bo Li"));
        let left: Vec<_> = fs::read_dir(ws.candidates_dir()).unwrap().collect();
        assert_eq!(left.len(), 2, "no staging folder left behind");
        let again = plan_candidates(
            Path::new("x.csv"),
            csv,
            &snapshot,
            "sre-q1",
            &ColumnOverrides::none(),
            now(),
        )
        .unwrap();
        assert!(again.created.is_empty());
        assert_eq!(again.unchanged.len(), 2);
    }

    #[test]
    fn a_folder_that_appeared_meanwhile_stops_the_whole_import() {
        let (_dir, ws) = workspace();
        let csv = b"Name,ID\nAna Ruiz,1\nBo Li,2\n";
        let plan = plan_candidates(
            Path::new("x.csv"),
            csv,
            &ws.load(),
            "sre-q1",
            &ColumnOverrides::none(),
            now(),
        )
        .unwrap();
        fs::create_dir_all(ws.candidate_dir(&plan.created[1].id)).unwrap();
        let err = apply_candidates(&ws, &plan).unwrap_err();
        assert!(matches!(err, CandidateImportError::Taken(_)), "{err}");
        let left: Vec<_> = fs::read_dir(ws.candidates_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            left,
            [plan.created[1].id.as_str()],
            "only the folder that was there"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_folders_and_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, ws) = workspace();
        let plan = plan_candidates(
            Path::new("x.csv"),
            b"Name\nAna Ruiz\n",
            &ws.load(),
            "sre-q1",
            &ColumnOverrides::none(),
            now(),
        )
        .unwrap();
        let written = apply_candidates(&ws, &plan).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&written[0]), 0o600);
        assert_eq!(mode(written[0].parent().unwrap()), 0o700);
    }

    #[test]
    fn an_unknown_opening_is_said_before_the_file_is_read() {
        let (_dir, ws) = workspace();
        let err = read_candidates_csv(
            &ws,
            &ws.load(),
            Path::new("/nonexistent.csv"),
            "nope",
            &ColumnOverrides::none(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown opening \"nope\": there is no openings/nope.ron"
        );
    }
}
