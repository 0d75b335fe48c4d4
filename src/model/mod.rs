//! The data of the product: templates, candidates, scorecards and ratings.
//!
//! Plain data and pure functions only: nothing here knows egui or the file
//! system, so every rule in this module can be tested without either.

mod candidate;
mod format_version;
mod problem;
mod scorecard;
mod slug;
mod template;
mod timestamp;

pub use candidate::Candidate;
pub use format_version::FormatVersion;
pub use problem::{FieldPath, PathSegment, Problem};
pub use scorecard::{Rating, RatingEntry, Recommendation, Scorecard};
pub use slug::{Slug, SlugError};
pub use template::{Dimension, Exercise, Template};
pub use timestamp::{Timestamp, TimestampError};
