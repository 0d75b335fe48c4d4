//! The evidence figures the screens show (DESIGN.md "Evidence that the
//! interview works"): every interviewer's day drift and every template's
//! panel reliability, built together from one snapshot, in one zone. The
//! app builds them off the UI thread on a big workspace
//! (`app/evidence_builds.rs`); the interviewer page, Templates, Compare and
//! the opening form only read them.

use crate::io::WorkspaceSnapshot;
use crate::model::LocalZone;
use crate::model::stats::{DriftReport, ReliabilityReport, drift, reliability};

/// What the figures were built from: the snapshot's generation and the
/// zone days are read in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvidenceKey {
    /// The snapshot's generation.
    pub generation: u64,
    /// The zone local days are read in.
    pub zone: LocalZone,
}

/// Day drift and panel reliability of one snapshot.
#[derive(Clone, Debug)]
pub struct Evidence {
    /// What they were built from.
    pub key: EvidenceKey,
    /// Every interviewer's day drift, and the team's.
    pub drift: DriftReport,
    /// Every template's panel reliability.
    pub reliability: ReliabilityReport,
}

impl Evidence {
    /// The figures of `snapshot`, days read in `key.zone`.
    pub fn build(key: EvidenceKey, snapshot: &WorkspaceSnapshot) -> Self {
        let view = snapshot.summary_view();
        Self {
            key,
            drift: drift(&view, key.zone),
            reliability: reliability(&view, None),
        }
    }
}
