//! The sample workspace a first run offers: the demo's made-up candidates
//! and scorecards, written into a folder of its own beside the user's
//! workspace, which the app then opens.

use std::fs;
use std::path::Path;

use crate::demo::{DEFAULT_SEED, generate};
use crate::io::{StoreError, TemplateSet, Workspace};
use crate::model::{Template, Timestamp};

/// How many candidates the sample holds: enough for the compare table and
/// its chart to show something, and for the demo's hiring drive (long
/// interview days: day drift and panel reliability show figures), few
/// enough to write in a moment.
pub const SAMPLE_CANDIDATES: usize = 60;

/// Fills `root` with the sample unless it already holds candidates (a
/// sample written before, opened again as it is). Returns how many
/// candidates were written.
pub fn write_sample(root: &Path, now: Timestamp) -> Result<usize, StoreError> {
    let workspace = Workspace::new(root);
    let has_candidates = fs::read_dir(workspace.candidates_dir()).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| !e.file_name().to_string_lossy().starts_with('.'))
    });
    if has_candidates {
        return Ok(0);
    }
    let (set, _errors) = TemplateSet::shipped();
    let templates: Vec<Template> = set.iter().map(|e| e.template.clone()).collect();
    let data = generate(&templates, SAMPLE_CANDIDATES, DEFAULT_SEED, now);
    for (candidate, cards) in data.by_candidate() {
        workspace.save_candidate(candidate)?;
        for card in cards {
            let path = workspace.scorecard_path(&card.candidate, &card.interviewer, &card.stage)?;
            workspace.save_scorecard(&path, card)?;
        }
    }
    if let Some(past) = &data.past {
        write_past(&workspace, past)?;
    }
    Ok(data.candidates.len())
}

/// The past cohort of the validity study: its candidates, scorecards,
/// decisions and its hires' performance reviews.
fn write_past(workspace: &Workspace, past: &crate::demo::DemoData) -> Result<(), StoreError> {
    for (candidate, cards) in past.by_candidate() {
        workspace.save_candidate(candidate)?;
        for card in cards {
            let path = workspace.scorecard_path(&card.candidate, &card.interviewer, &card.stage)?;
            workspace.save_scorecard(&path, card)?;
        }
    }
    for decision in &past.decisions {
        workspace.save_decision(decision)?;
    }
    for performance in &past.performances {
        workspace.save_performance(performance)?;
    }
    Ok(())
}
