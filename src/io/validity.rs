//! The local validity study over a workspace: each template's candidates'
//! aggregates paired with how its hires did later (their
//! `performance.ron`), studied by `model::stats::validity`.

use std::collections::HashMap;

use super::WorkspaceSnapshot;
use crate::model::stats::validity::{TemplateValidity, validity_study};
use crate::model::stats::{CandidateSummary, Summary};
use crate::model::{Slug, Verdict};

/// The study of every template the summary's candidates use that is in
/// effect (or of `template` alone), sorted by template id, with the
/// criterion's reliability `r_yy`. `summary` is the snapshot's aggregates.
pub fn validity_studies(
    snapshot: &WorkspaceSnapshot,
    summary: &Summary,
    template: Option<&str>,
    r_yy: f64,
) -> Vec<TemplateValidity> {
    let later: HashMap<&Slug, f64> = snapshot
        .candidates()
        .iter()
        .filter(|r| {
            r.decision
                .as_ref()
                .is_some_and(|d| d.decision == Verdict::Hire)
        })
        .filter_map(|r| Some((&r.candidate.id, r.performance.as_ref()?.mean_rating()?)))
        .collect();
    let later = |id: &Slug| later.get(id).copied();
    let mut by_template: HashMap<&Slug, Vec<&CandidateSummary>> = HashMap::new();
    for c in &summary.candidates {
        if template.is_none_or(|t| c.template.as_str() == t) {
            by_template.entry(&c.template).or_default().push(c);
        }
    }
    let mut studies: Vec<TemplateValidity> = by_template
        .into_iter()
        .filter_map(|(id, candidates)| {
            let entry = snapshot.templates().get(id.as_str())?;
            Some(validity_study(&entry.template, &candidates, &later, r_yy))
        })
        .collect();
    studies.sort_by(|a, b| a.template.cmp(&b.template));
    studies
}
