//! Everything that belongs to the workspace the app has open: its folder,
//! its I/O worker, what was read of it, the watcher following it, what was
//! derived from it, and what was asked about it (an export waiting for
//! the numbers, an import previewed, a path being typed or chosen). *Open
//! workspace…* replaces this part whole, so nothing of the old folder is
//! left behind by a reset that forgot a field.

use std::path::PathBuf;
use std::sync::mpsc;

use super::debrief_cache::DebriefCache;
use super::import_preview::PendingImport;
use super::io_worker::IoWorker;
use super::latest_worker::LatestWorker;
use super::live_updates::LiveUpdates;
use crate::export::Format;
use crate::io::{CheckedReferences, Workspace, WorkspaceSnapshot};
use crate::model::{KnownPeople, Slug};
use crate::ui::{
    CompareTable, HomeLists, HomeListsKey, HomeScreen, TableKey, ValidityFigures, ValidityKey,
};

/// A debrief export, as asked for.
pub(super) struct ExportRequest {
    pub(super) candidate: Slug,
    pub(super) format: Format,
    pub(super) path: PathBuf,
    /// Aliases instead of names.
    pub(super) blind: bool,
}

/// A path picked in a platform dialog, arriving from its thread.
pub(super) type DialogAnswer = mpsc::Receiver<Option<PathBuf>>;

/// The open workspace's part of the app.
pub(super) struct OpenWorkspace {
    pub(super) workspace: Workspace,
    pub(super) worker: IoWorker,
    /// What was read, changed only through its own methods.
    pub(super) snapshot: WorkspaceSnapshot,
    /// Whether the first read is in.
    pub(super) loaded: bool,
    /// Whether what changed during the first read was read too, once the
    /// watcher started ([`super::ScorecardApp::live_updates_ready`]).
    pub(super) caught_up: bool,
    pub(super) live: LiveUpdates,
    /// The home screen's lists and filters.
    pub(super) home: HomeScreen,
    /// Finds Home's lists off the UI thread on a big workspace.
    pub(super) home_lists: LatestWorker<HomeListsKey, HomeLists>,
    /// Builds the compare table off the UI thread on a big workspace.
    pub(super) compare_tables: LatestWorker<TableKey, CompareTable>,
    /// The day drift and panel reliability shown, when built.
    pub(super) evidence: Option<crate::ui::Evidence>,
    /// Builds them off the UI thread on a big workspace.
    pub(super) evidence_worker: LatestWorker<crate::ui::EvidenceKey, crate::ui::Evidence>,
    /// Builds the validity study off the UI thread, always (a bootstrap
    /// per template).
    pub(super) validity: LatestWorker<ValidityKey, ValidityFigures>,
    /// Checks every reference off the UI thread on a big workspace, when a
    /// template or an opening changed.
    pub(super) reference_checks: LatestWorker<u64, CheckedReferences>,
    /// The interviewers name fields offer, and the generation they are of.
    pub(super) known_people: (Option<u64>, KnownPeople),
    /// Finds them off the UI thread (they read `people.ron`).
    pub(super) people_finder: LatestWorker<u64, (u64, KnownPeople)>,
    pub(super) debriefs: DebriefCache,
    /// An export asked for while the aggregates were being computed; it is
    /// written once they are current, so it never holds stale numbers.
    pub(super) pending_export: Option<ExportRequest>,
    /// The import last previewed, kept for *Apply*.
    pub(super) pending_import: Option<PendingImport>,
    /// The folder typed into *Open workspace…*.
    pub(super) typed_workspace: String,
    /// A file picked in the platform's dialog.
    pub(super) chosen_path: Option<DialogAnswer>,
    /// A workspace folder picked in the platform's dialog.
    pub(super) chosen_folder: Option<DialogAnswer>,
}

impl OpenWorkspace {
    /// The workspace at `workspace`, not read yet: its worker starts, and
    /// calls `wake` when it has news. `after` is the snapshot of the
    /// workspace open before, if any: the generation goes on from it, so
    /// nothing derived from the old one passes for the new one's.
    pub(super) fn open(
        workspace: Workspace,
        wake: impl Fn() + Send + 'static,
        after: Option<&WorkspaceSnapshot>,
    ) -> Self {
        let worker = IoWorker::spawn(workspace.clone(), wake);
        let snapshot = after
            .map(WorkspaceSnapshot::empty_after)
            .unwrap_or_default();
        Self {
            workspace,
            worker,
            snapshot,
            loaded: false,
            caught_up: false,
            live: LiveUpdates::default(),
            home: HomeScreen::default(),
            home_lists: LatestWorker::new("home-lists"),
            compare_tables: LatestWorker::new("compare-table"),
            evidence: None,
            evidence_worker: LatestWorker::new("evidence"),
            validity: LatestWorker::new("validity-study"),
            reference_checks: LatestWorker::new("reference-check"),
            known_people: (None, KnownPeople::default()),
            people_finder: LatestWorker::new("known-people"),
            debriefs: DebriefCache::default(),
            pending_export: None,
            pending_import: None,
            typed_workspace: String::new(),
            chosen_path: None,
            chosen_folder: None,
        }
    }
}
