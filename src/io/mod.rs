//! Reading, validating and writing the files of a workspace.
//!
//! Depends on the model only. Every error that concerns a file carries its
//! path, line and column, printed as `path:line:col: message`.

mod atomic_write;
mod error;
mod file_kind;
mod locate;
mod parse;
mod shipped;
mod template_set;
mod workspace;

pub use atomic_write::{write_atomic, write_private_dir};
pub use error::{FileError, StoreError};
pub use file_kind::{FileKind, detect_kind};
pub use parse::{
    MAX_FILE_BYTES, ParsedFile, parse_any, parse_candidate, parse_scorecard, parse_template,
    read_and_parse_any, read_text, to_ron,
};
pub use shipped::{ShippedTemplate, shipped_templates};
pub use template_set::{TemplateEntry, TemplateSet, TemplateSource};
pub use workspace::{CandidateRecord, ScorecardRecord, Workspace, WorkspaceSnapshot};
