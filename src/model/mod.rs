//! The data of the product: templates, candidates, scorecards and ratings.
//!
//! Plain data and pure functions only: nothing here knows egui or the file
//! system, so every rule in this module can be tested without either.

mod access;
mod ats_mapping;
mod candidate;
mod candidate_columns;
mod candidate_id;
mod candidate_import;
mod debrief;
mod decision;
mod dimension_map;
mod elapsed;
mod folded_words;
mod format_version;
mod intern;
mod interviewer;
pub mod invite_import;
mod known_people;
mod library;
mod local_time;
mod nudge;
mod opening;
mod people;
mod performance;
mod plan;
mod practice;
mod problem;
mod scorecard;
mod slug;
pub mod stats;
mod submission;
mod template;
mod timestamp;
mod unsafe_text;
mod wall_clock;

pub use access::{Viewer, may_see_panel};
pub use ats_mapping::{AshbyForm, AtsMapping, LeverForm, ats_user};
pub use candidate::Candidate;
pub use candidate_columns::{
    Column, ColumnError, ColumnMapping, ColumnOverrideError, ColumnOverrides, ImportField,
    NameColumns, map_columns, normalize_header,
};
pub use candidate_id::{new_candidate_id, seeded_candidate_id};
pub use candidate_import::{ImportRow, MatchedBy, RowPlan, UnchangedRow, plan_rows};
pub use debrief::{
    Debrief, DebriefDecision, DebriefDimension, DebriefNudge, DebriefScorecard, EvidenceLine,
    OwedScorecard, PendingDraft, alpha_reading, blind_alias, redact_name,
};
pub use decision::{Decision, Verdict};
pub use dimension_map::DimensionMap;
pub use elapsed::{evidence_stamp, format_age, format_elapsed};
pub use format_version::FormatVersion;
pub use intern::{Interned, Pooled, intern};
pub use interviewer::{InterviewerId, NameAsWritten};
pub use known_people::KnownPeople;
pub use library::{DimensionEntry, DimensionUse, Level, Library, SharedDimension};
pub use local_time::{LocalTimeError, LocalZone, TimeChoice, UnknownZone, span_words};
pub use nudge::{
    Nudge, NudgeKind, NudgeList, NudgeTopic, THIN_EVIDENCE_WORDS, evidence_words, thin_evidence,
};
pub use opening::{DEFAULT_FEEDBACK_DUE_HOURS, Opening, OpeningStatus, PlanStage};
pub use people::{People, Person, looks_like_email, normalize_email};
pub use performance::{
    HIGHEST_PERFORMANCE, LOWEST_PERFORMANCE, Performance, Review, before_decision, rating_problem,
};
pub use plan::{Interview, InterviewState, PlannedInterview, due_at, plan_status, sort_pending};
pub use practice::{PracticeAnswer, PracticeCase, PracticeResults, PracticeRound, RoundResult};
pub use problem::{FieldPath, PathSegment, Problem};
pub use scorecard::{Rating, RatingEntry, Recommendation, Scorecard};
pub use slug::{MAX_SLUG_LEN, Slug, SlugError};
pub use stats::{Summary, SummaryInput, summarize};
pub use submission::{
    Missing, SubmitError, amend, missing_for_submit, recommendation_unlocked, submit,
};
pub use template::{Dimension, Exercise, Template, TemplateFile};
pub use timestamp::{Timestamp, TimestampError};
pub use unsafe_text::{
    Escape, TextRole, UnsafeChar, UnsafeKind, UnsafeText, check_field, escape, escape_line,
    refused_in,
};
pub use wall_clock::{CalendarMonth, WallClock};
