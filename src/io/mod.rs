//! Reading, validating and writing the files of a workspace.
//!
//! Depends on the model only. Every error that concerns a file carries its
//! path, line and column, printed as `path:line:col: message`.

mod atomic_write;
mod ats_mapping_file;
mod calibration_files;
mod candidate_csv;
mod candidate_import;
mod catch_up;
mod erase;
mod error;
mod export_target;
mod file_kind;
mod flush_pool;
mod hiring_loop;
mod ics;
mod invite_import;
mod let_go;
mod library;
mod listing;
mod locate;
mod parse;
mod parse_any;
mod people_file;
mod performance_csv;
mod performance_import;
mod records;
mod references;
mod shipped;
mod snapshot;
mod sync_conflicts;
mod system_zone;
mod template_set;
mod text_encoding;
mod unsafe_strings;
mod validity;
mod watch;
mod workspace;
mod workspace_load;
mod workspace_save;

pub use atomic_write::{write_atomic, write_atomic_new, write_private_dir};
pub use ats_mapping_file::{ATS_MAPPING_FILE, load_ats_mapping};
pub use calibration_files::{
    NUDGES_FILE, PRACTICE_DIR, PRACTICE_RESULTS_DIR, load_nudges, load_practice,
    load_practice_results, practice_results_path, save_practice_results, shipped_nudges,
    shipped_practice_files,
};
pub use candidate_csv::sniff_delimiter;
pub use candidate_import::{
    CandidateImportError, CandidateImportPlan, MAX_CSV_BYTES, apply_candidates, plan_candidates,
    read_candidates_csv,
};
pub use catch_up::CatchUp;
pub use erase::Erased;
pub use error::{FileError, StoreError};
pub use export_target::{check_export_target, write_export, write_new_export};
pub use file_kind::{FileKind, detect_kind};
pub use hiring_loop::PendingFilter;
pub use ics::parse_invite_events;
pub use invite_import::{
    InviteBatch, InviteError, MAX_INVITE_BYTES, apply_invites, invite_files, plan_invites,
    read_invites, read_invites_files,
};
pub use let_go::let_go;
pub use library::{load_library, shipped_library};
pub use listing::ron_files_under;
pub use parse::{
    MAX_FILE_BYTES, parse_ats_mapping, parse_candidate, parse_decision, parse_nudge_list,
    parse_opening, parse_people, parse_performance, parse_performance_against,
    parse_practice_results, parse_scorecard, parse_shared_dimension, parse_template_with,
    read_text, to_ron,
};
pub use parse_any::{
    ParsedFile, parse_any, parse_any_against, parse_any_with, parse_practice_case, parse_template,
    read_and_parse_any,
};
pub use people_file::{PEOPLE_FILE, known_people, load_people};
pub use performance_import::{
    PerformanceChange, PerformanceImportError, PerformancePlan, apply_performance,
    plan_performance, read_performance_csv,
};
pub use records::{
    CalibrationFiles, CandidateFolder, CandidateRecord, FolderNotes, OpeningRecord, Refresh,
    ScorecardRecord, Spots, fingerprint,
};
pub use references::{check_text, read_and_check, reference_errors};
pub use shipped::{
    ShippedTemplate, shipped_library_files, shipped_library_path, shipped_templates,
};
pub use snapshot::{CheckedReferences, WorkspaceSnapshot};
pub use sync_conflicts::{
    ConflictCopy, ConflictReason, conflict_copy_reason, has_git_conflict_markers, is_conflict_copy,
};
pub use system_zone::system_zone;
pub use template_set::{TemplateEntry, TemplateSet, TemplateSource};
pub use unsafe_strings::unsafe_string_errors;
pub use validity::validity_studies;
pub use watch::FolderWatcher;
pub use workspace::{DECISION_FILE, PERFORMANCE_FILE, Workspace};
pub use workspace_load::LoadProgress;
