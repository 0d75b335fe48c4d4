//! The data of the product: templates, candidates, scorecards and ratings.
//!
//! Plain data and pure functions only: nothing here knows egui or the file
//! system, so every rule in this module can be tested without either.

mod candidate;
mod elapsed;
mod format_version;
mod problem;
mod scorecard;
mod slug;
mod submission;
mod template;
mod timestamp;

pub use candidate::Candidate;
pub use elapsed::{evidence_stamp, format_age, format_elapsed};
pub use format_version::FormatVersion;
pub use problem::{FieldPath, PathSegment, Problem};
pub use scorecard::{Rating, RatingEntry, Recommendation, Scorecard};
pub use slug::{Slug, SlugError};
pub use submission::{
    Missing, SubmitError, amend, missing_for_submit, recommendation_unlocked, submit,
};
pub use template::{Dimension, Exercise, Template};
pub use timestamp::{Timestamp, TimestampError};
