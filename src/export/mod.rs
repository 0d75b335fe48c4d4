//! Debrief and summary exports: Markdown, HTML, CSV and JSON text.
//!
//! Pure formatting of model data (no file system, no egui): the command line
//! and the app both write what these functions return.
//!
//! - One candidate's debrief, from a [`Debrief`](crate::model::Debrief):
//!   [`debrief_markdown`], [`debrief_html`], [`debrief_csv`],
//!   [`debrief_json`]. Blind mode is whatever the `Debrief` says: these
//!   functions print its `display_name` and never look the real name up.
//! - Every candidate's aggregates, from a [`Summary`](crate::model::Summary)
//!   and the files that could not be read: [`summary_json`],
//!   [`summary_csv`], [`summary_markdown`].
//!
//! - One submitted scorecard for an applicant tracking system:
//!   [`ats_text`] (plain text in the ATS's order and four-point words),
//!   [`ashby_feedback_json`] and [`lever_feedback_json`] (API request
//!   bodies, their field ids from an [`AtsMapping`](crate::model::AtsMapping)).
//!
//! - One stage's interview kit, from a [`Template`](crate::model::Template):
//!   [`kit_markdown`], [`kit_html`] (see [`kit_stage`]).
//!
//! Safety of user text (DESIGN.md "What never happens"): HTML is escaped
//! ([`escape_html`]), Markdown is escaped ([`escape_markdown`]), and a CSV
//! text cell a spreadsheet would run as a formula is neutralised with a
//! leading `'` ([`neutralize_cell`]). Numbers are rounded to two decimals
//! for people (Markdown, HTML) and written unrounded for machines (JSON,
//! CSV). The formats are described in `docs/EXPORTS.md`.

mod ats;
mod ats_json;
mod debrief;
mod drift;
mod escape;
mod html;
mod interviewers;
mod kit;
mod numbers;
mod page;
mod pending;
mod reliability;
mod reminders;
mod sheet;
mod summary;
mod validity;

pub use ats::{
    PickError, ats_rating_word, ats_recommendation_word, ats_text, pick_submitted,
    recommendation_score, scorecard_dimensions, stage_name,
};
pub use ats_json::{AtsJsonError, LeverTarget, ashby_feedback_json, lever_feedback_json};
pub use debrief::{
    DEBRIEF_CSV_COLUMNS, NUDGES_LEGEND, debrief_csv, debrief_json, debrief_markdown, nudge_line,
};
pub use drift::{DRIFT_ADVICE, drift_json, drift_text, drift_words};
pub use escape::{escape_html, escape_markdown, neutralize_cell};
pub use html::debrief_html;
pub use interviewers::{
    INTERVIEWERS_CSV_COLUMNS, interviewers_csv, interviewers_json, interviewers_text, percent,
};
pub use kit::{KitError, KitStage, kit_html, kit_markdown, kit_stage};
pub use numbers::{MISSING, full_precision, signed_two_decimals, two_decimals};
pub use pending::{pending_json, pending_text};
pub use reliability::{panel_plan_words, reliability_json, reliability_text, reliability_words};
pub use reminders::{Reminder, ReminderMail, overdue_reminder, pending_ics};
pub use summary::{
    SUMMARY_CSV_COLUMNS, summary_csv, summary_json, summary_json_to, summary_markdown,
};
pub use validity::{
    VALIDITY_CAVEATS, dimension_lines, strength_words, validity_json, validity_sentences,
    validity_text,
};

/// Why an export could not be produced. The CSV and JSON writers only write
/// into memory, so in practice this does not happen; it exists so that a
/// library never panics on the impossible.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer produced bytes that are not UTF-8.
    #[error("CSV output is not UTF-8: {0}")]
    Utf8(#[from] std::string::FromUtf8Error),
}

/// Export formats, as the app and the command line name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Markdown,
    /// Self-contained HTML.
    Html,
    /// CSV.
    Csv,
    /// JSON.
    Json,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Csv, Format::Json];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// A debrief in the chosen format.
pub fn render_debrief(
    debrief: &crate::model::Debrief,
    format: Format,
) -> Result<String, ExportError> {
    match format {
        Format::Markdown => Ok(debrief_markdown(debrief)),
        Format::Html => Ok(debrief_html(debrief)),
        Format::Csv => debrief_csv(debrief),
        Format::Json => debrief_json(debrief),
    }
}
