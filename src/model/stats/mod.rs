//! Aggregation and statistics over scorecards: the numbers of DESIGN.md
//! "Aggregates".
//!
//! Pure functions over plain data: no egui, no file system, no I/O.
//!
//! - [`describe`](mod@describe): per-dimension descriptive statistics
//!   (`n`, mean, median, min, max, spread, disagreement);
//!   [`dimension_summary`](mod@dimension_summary) keeps them for one
//!   candidate as four counts.
//! - [`krippendorff`](mod@krippendorff): Krippendorff's alpha (nominal,
//!   ordinal, interval) over units × coders with missing values.
//! - [`leniency`](mod@leniency): how far each interviewer rates above or
//!   below colleagues.
//! - [`calibration`](mod@calibration): every interviewer's calibration
//!   figures (distribution, spread, deviation, hire share, speed).
//! - [`validity`](mod@validity): the local validity study (did the
//!   interview score predict later performance?), with its seeded
//!   bootstrap ([`seeded_rng`](mod@seeded_rng)).
//! - [`summary`](mod@summary): the candidate, template and interviewer
//!   summaries that `scorecard summary --format json` prints.
//! - [`scorecard_score`](mod@scorecard_score): one scorecard's weighted
//!   score, the common term of the evidence figures.
//! - [`drift`](mod@drift): whether an interviewer's scores drift with the
//!   day's earlier candidates (`scorecard drift`).
//! - [`reliability`](mod@reliability): panel reliability per template and
//!   dimension, ICC(1) and Spearman–Brown (`scorecard reliability`).

pub mod calibration;
pub mod describe;
pub mod dimension_summary;
pub mod drift;
pub mod krippendorff;
pub mod leniency;
pub mod reliability;
pub mod scorecard_score;
pub mod seeded_rng;
pub mod summary;
#[cfg(test)]
mod test_data;
pub mod validity;

pub use calibration::{CalibrationContext, Distribution, InterviewerSummary, calibrate};
pub use describe::{DISAGREEMENT_SPREAD, Description, describe, mean_of};
pub use dimension_summary::{DimensionSummary, Figures};
pub use drift::{DriftDay, DriftReport, Fit, InterviewerDrift, drift, fit};
pub use krippendorff::{CoincidenceMatrix, Metric, alpha};
pub use leniency::{Observation, differences, leniency, observations};
pub use reliability::{
    ReliabilityFigures, ReliabilityReport, TemplateReliability, raters_for, reliability,
    spearman_brown,
};
pub use scorecard_score::scorecard_score;
pub use summary::{
    CandidateSummary, DecisionSummary, OpeningSummary, RecommendationCounts, RedFlag, Summary,
    SummaryInput, SummaryView, TemplateSummary, resummarize, summarize, summarize_view,
    summarize_view_with,
};
