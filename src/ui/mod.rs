//! Drawing. Views read state, edit the scorecard being scored in memory, and
//! push [`Command`]s for everything else; they never touch the file system
//! (the app loop applies commands and runs I/O on a worker).

mod candidate_setup;
mod file_errors;
mod help_overlay;
mod home;
mod interview;
mod save_indicator;
mod settings;
mod shortcuts;
mod theme;
mod timer;

use std::path::PathBuf;

pub use candidate_setup::SetupScreen;
pub use file_errors::file_errors_ui;
pub use help_overlay::help_overlay_ui;
pub use home::HomeScreen;
pub use interview::InterviewScreen;
pub use save_indicator::{SaveStatus, save_indicator_ui};
pub use settings::Settings;
pub use shortcuts::Shortcuts;
pub use timer::ExerciseTimer;

use crate::io::WorkspaceSnapshot;
use crate::model::{Slug, Timestamp};

/// What a view asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Back to the candidate list.
    GoHome,
    /// Add a candidate interviewed against a template, then open them.
    CreateCandidate {
        /// Full name.
        name: String,
        /// Template id.
        template: Slug,
    },
    /// Show a candidate's page, where the interviewer picks a stage.
    OpenCandidate(Slug),
    /// Start (or resume) scoring a candidate at a stage as the interviewer
    /// named in the settings.
    StartInterview {
        /// The candidate.
        candidate: Slug,
        /// An exercise id, or `""` for a general interview.
        stage: String,
    },
    /// Resume an existing scorecard file.
    OpenScorecard(PathBuf),
}

/// What every view may read, and where it leaves its commands.
pub struct ViewContext<'a> {
    /// The workspace as last read, with in-memory edits applied.
    pub snapshot: &'a WorkspaceSnapshot,
    /// Persisted preferences (who I am, theme).
    pub settings: &'a mut Settings,
    /// The wall-clock time of this frame.
    pub now: Timestamp,
    /// Commands for the app loop.
    pub commands: &'a mut Vec<Command>,
}
