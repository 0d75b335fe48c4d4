//! Drawing. Views read state, edit the scorecard being scored in memory, and
//! push [`Command`]s for everything else; they never touch the file system
//! (the app loop applies commands and runs I/O on a worker).

mod busy;
mod candidate_setup;
mod compare;
mod compare_chart;
mod compare_rows;
mod compare_table;
mod debrief;
mod decision;
mod drift_chart;
mod evidence;
mod file_errors;
mod first_run;
mod held_words;
mod help_overlay;
mod home;
mod home_lists;
mod import;
mod interview;
mod interview_plan;
mod interviewers;
mod kit_panel;
mod openings;
mod person_field;
mod practice;
mod problems;
mod reliability_chart;
mod save_indicator;
mod settings;
mod shortcuts;
mod sort;
mod template_picker;
mod templates;
mod theme;
mod time_field;
mod time_zone_setting;
mod timer;
mod top_bar;
mod validity;

use std::path::PathBuf;

pub use busy::busy_ui;
pub use candidate_setup::SetupScreen;
pub use compare::{Aggregates, CompareScreen};
pub use compare_rows::{CompareRow, CompareTable, RowFilter, SortKey, TableKey};
pub use compare_table::TableView;
pub use debrief::DebriefScreen;
pub use decision::DecisionForm;
pub use evidence::{Evidence, EvidenceKey};
pub use file_errors::{MAX_PROBLEMS_SHOWN, file_errors_ui, more_not_shown_ui};
pub use first_run::{remember_workspace, sample_folder};
pub use held_words::{HeldWords, HeldWordsPrompt};
pub use help_overlay::help_overlay_ui;
pub use home::HomeScreen;
pub use home_lists::{HomeLists, HomeListsKey};
pub use import::{ImportKind, ImportPreview, ImportScreen, ImportState, RowAction};
pub use interview::InterviewScreen;
pub use interview_plan::{PlanDraft, PlanRow};
pub use interviewers::{InterviewerColumn, InterviewersScreen};
pub use kit_panel::KitPanel;
pub use openings::{OpeningEditor, OpeningsScreen};
pub use person_field::{NewNames, PersonField, names_in, near_miss_problem, your_name_field};
pub use practice::PracticeScreen;
pub use problems::Problems;
pub use save_indicator::{SaveStatus, save_indicator_ui};
pub use settings::Settings;
pub use shortcuts::UiCommand;
pub use sort::SortOrder;
pub use template_picker::{grouped, template_picker_ui};
pub use templates::{DimensionDraft, ExerciseDraft, TemplateEditor, TemplatesScreen};
pub use time_field::{TimeField, TimeFieldOutput};
pub use timer::ExerciseTimer;
pub use top_bar::{Place, TopBar};
pub use validity::{ValidityFigures, ValidityKey, ValidityScreen};

use crate::io::{CandidateRecord, WorkspaceSnapshot};
use crate::model::{Candidate, Slug, Timestamp, Viewer, blind_alias, escape_line, may_see_panel};

/// What a view asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Back to the candidate list.
    GoHome,
    /// Open a reminder mail to an interviewer who owes a scorecard (the
    /// coordinator's *Remind*).
    Remind {
        /// The interviewer, as planned.
        interviewer: String,
        /// The candidate's name (the interviewer needs it, blind mode or
        /// not).
        candidate_name: String,
        /// The stage, in words.
        stage_name: String,
        /// When the interview was.
        at: crate::model::Timestamp,
        /// When the scorecard was due.
        due: crate::model::Timestamp,
    },
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
    /// Show the panel's debrief of a candidate.
    OpenDebrief(Slug),
    /// Show candidates of one template side by side.
    OpenCompare,
    /// Ask for an export file with the platform's dialog.
    ChooseExportPath {
        /// A file name to start from.
        suggested: String,
    },
    /// Show the templates screen.
    OpenTemplates,
    /// Write a template into the workspace's templates folder.
    SaveTemplate(Box<crate::model::Template>),
    /// Erase every file of these candidates (confirmed by the user).
    EraseCandidates(Vec<Slug>),
    /// Settle a scorecard that changed on disk while open.
    ResolveConflict(Resolution),
    /// Show the practice screen (frame-of-reference practice).
    OpenPractice,
    /// Show the interviewer view (calibration figures).
    OpenInterviewers,
    /// Show the validity study (did the interview predict performance?).
    OpenValidity,
    /// Keep a finished practice round in the user's practice results.
    SavePracticeRound(crate::model::PracticeRound),
    /// Write a candidate's debrief to a file.
    ExportDebrief {
        /// The candidate.
        candidate: Slug,
        /// The format.
        format: crate::export::Format,
        /// Where; empty means "not chosen yet".
        path: PathBuf,
    },
    /// Write the sample workspace beside this one, then open it.
    OpenSampleWorkspace,
    /// Switch the app to the workspace in this folder.
    OpenWorkspace(PathBuf),
    /// Ask for a workspace folder with the platform's dialog.
    ChooseWorkspaceFolder,
    /// Write one stage's interview kit to a file.
    WriteKit {
        /// The template.
        template: Slug,
        /// An exercise id, or `""` for a general interview.
        stage: String,
        /// HTML or Markdown.
        format: crate::export::Format,
        /// Where; empty means "not chosen yet".
        path: PathBuf,
    },
    /// Show the openings screen.
    OpenOpenings,
    /// Write an opening (new or changed) into `openings/`.
    SaveOpening(Box<crate::model::Opening>),
    /// Add a candidate to an opening (its template; its default panel as
    /// their plan), then open them.
    CreateCandidateForOpening {
        /// Full name.
        name: String,
        /// The opening's id.
        opening: Slug,
    },
    /// Replace a candidate's interview plan.
    SavePlan {
        /// The candidate.
        candidate: Slug,
        /// The new plan.
        interviews: Vec<crate::model::Interview>,
    },
    /// Record (or change) the panel's decision on a candidate.
    RecordDecision(Box<crate::model::Decision>),
    /// Show the import screen for invites or candidates.
    OpenImport(ImportKind),
    /// Ask for the file to import with the platform's dialog.
    ChooseImportFile(ImportKind),
    /// Read a file to import and show what applying it would do.
    PreviewImport {
        /// Invites or candidates.
        kind: ImportKind,
        /// The files (for invites, a folder stands for its `.ics` files).
        files: Vec<PathBuf>,
        /// The opening candidates join (candidates only).
        opening: Option<Slug>,
        /// Plan the invite files that can be read, leaving out those that
        /// cannot (the user chose so after they were named).
        skip_broken: bool,
    },
    /// Apply the import last previewed.
    ApplyImport,
    /// Write the words held for this copy again (*Try again*).
    RetryHeldWords(PathBuf),
    /// Write the words held for `copy` as a new file at `path` (*Save my
    /// words as…*).
    SaveHeldWordsAs {
        /// Which held words.
        copy: PathBuf,
        /// Where, as typed or chosen; empty means "not chosen yet".
        path: PathBuf,
    },
    /// Drop the words held for this copy, as the user confirmed.
    DiscardHeldWords(PathBuf),
}

/// What to do when the open scorecard changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Write my version over the file.
    KeepMine,
    /// Drop my unsaved version and continue from the file's.
    TakeTheirs,
    /// Continue from the file's version; mine is written beside it as a
    /// conflict copy, for a person to reconcile.
    KeepBoth,
}

/// Whether this user may see the panel's ratings of a candidate in
/// `snapshot` ([`may_see_panel`]: coordinator view, their own submitted
/// scorecard, or the opening's hiring manager with nothing of theirs owed).
pub fn panel_visible(
    snapshot: &WorkspaceSnapshot,
    record: &CandidateRecord,
    settings: &Settings,
) -> bool {
    may_see_panel(
        &Viewer::new(settings.coordinator, &settings.interviewer),
        &record.candidate,
        record.scorecards.iter().map(|s| &s.scorecard),
        snapshot.opening_of(&record.candidate),
    )
}

/// The candidate's name, or their stable alias in blind mode.
pub fn display_name(candidate: &Candidate, settings: &Settings) -> String {
    if settings.blind {
        blind_alias(&candidate.id)
    } else {
        escape_line(&candidate.name).into_owned()
    }
}

/// What every view may read, and where it leaves its commands.
pub struct ViewContext<'a> {
    /// The workspace as last read, with in-memory edits applied.
    pub snapshot: &'a WorkspaceSnapshot,
    /// Changes whenever `snapshot` changes, so a view may keep what it
    /// derived from the snapshot until then. Edits to a draft that stays a
    /// draft leave it alone: no aggregate and no cached view reads them.
    pub generation: u64,
    /// Persisted preferences (who I am, theme).
    pub settings: &'a mut Settings,
    /// The wall-clock time of this frame.
    pub now: Timestamp,
    /// The zone times are shown and typed in.
    pub zone: crate::model::LocalZone,
    /// The interviewers the workspace knows, offered in name fields.
    pub people: &'a crate::model::KnownPeople,
    /// The workspace's templates folder, to tell its errors apart.
    pub templates_dir: &'a std::path::Path,
    /// Commands for the app loop.
    pub commands: &'a mut Vec<Command>,
}
