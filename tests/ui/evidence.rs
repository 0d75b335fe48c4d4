//! Stories of the evidence that the interview works: an interviewer
//! reads how their scores move through a long day; a coordinator reads
//! which dimension of a template is least reliable, and plans a panel.

use egui_kittest::kittest::Queryable;
use scorecard::demo::{DEFAULT_SEED, generate};
use scorecard::export::{drift_words, reliability_words};
use scorecard::io::{TemplateSet, Workspace};
use scorecard::model::stats::{Fit, InterviewerDrift, TemplateReliability, drift, reliability};
use scorecard::model::{SummaryInput, Template};

use crate::harness::*;

/// The demo's 60 candidates (its hiring drive included) in `root`, and
/// Priya Raman's drift and the infrastructure template's reliability as
/// the model computes them from the same data, days in the stories' zone.
fn write_demo(root: &std::path::Path) -> (InterviewerDrift, TemplateReliability) {
    let workspace = Workspace::new(root);
    let templates: Vec<Template> = TemplateSet::shipped()
        .0
        .iter()
        .map(|e| e.template.clone())
        .collect();
    let data = generate(&templates, 60, DEFAULT_SEED, now());
    for (candidate, cards) in data.by_candidate() {
        workspace.save_candidate(candidate).unwrap();
        for card in cards {
            let path = workspace
                .scorecard_path(&card.candidate, &card.interviewer, &card.stage)
                .unwrap();
            workspace.save_scorecard(&path, card).unwrap();
        }
    }
    let input = SummaryInput {
        candidates: data
            .by_candidate()
            .into_iter()
            .map(|(c, cards)| (c.clone(), cards.to_vec()))
            .collect(),
        templates: templates
            .iter()
            .map(|t| (t.id.clone(), t.clone()))
            .collect(),
    };
    let view = input.view();
    let priya = drift(&view, zone())
        .interviewers
        .into_iter()
        .find(|i| i.interviewer == "Priya Raman")
        .unwrap();
    let infra = reliability(&view, None)
        .template("infrastructure-engineer")
        .unwrap()
        .clone();
    (priya, infra)
}

#[test]
fn an_interviewer_reads_how_their_scores_move_through_a_long_day() {
    let ws = tempfile::tempdir().unwrap();
    let (priya, _) = write_demo(ws.path());
    assert!(priya.pairs >= 30, "a long day's worth: {priya:?}");
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Interviewers").click();
    wait_numbers(&mut app);
    app.get_by_label("Priya Raman").click();
    app.run();
    app.get_by_label("Through the day");
    app.get_by_label(&format!(
        "{} interviews after another on the same day, over {} days",
        priya.pairs, priya.days
    ));
    // The slope in words, and what to do about it.
    let fit = Fit {
        pairs: priya.pairs,
        slope: priya.slope,
        ci_low: priya.ci_low,
        ci_high: priya.ci_high,
        flagged: priya.flagged,
    };
    let words = drift_words(&fit);
    assert!(
        words.starts_with("When the day's earlier candidates scored one point higher"),
        "{words}"
    );
    app.get_by_label(&words);
    app.get_by_label_contains("read the dimension's anchors again");
    app.get_by_label_contains("The team (");
}

#[test]
fn a_coordinator_finds_the_least_reliable_dimension_of_a_template() {
    let ws = tempfile::tempdir().unwrap();
    let (_, infra) = write_demo(ws.path());
    let mut app = open_app(ws.path(), "Priya Raman");
    app.get_by_label("Templates").click();
    app.run();
    app.get_by_label("Infrastructure Engineer (Mid-level IC), shipped")
        .click();
    app.run();
    app.get_by_label("Panel reliability, least reliable first");
    // The dimension names are the template's preview too: the first of each
    // is the reliability list's, least reliable on top.
    let top = |app: &egui_kittest::Harness<'static, scorecard::app::ScorecardApp>, name: &str| {
        app.get_all_by_label(name)
            .map(|n| n.rect().min.y)
            .fold(f32::INFINITY, f32::min)
    };
    assert!(top(&app, "Security mindset") < top(&app, "Infrastructure as code"));
    assert!(top(&app, "Infrastructure as code") < top(&app, "Execution & ownership"));
    let least = infra.least_reliable_first();
    assert_eq!(least[0].name, "Security mindset");
    assert!(least[0].icc1.unwrap() + 0.05 < least[1].icc1.unwrap());
    app.get_by_label(&reliability_words(least[0]));
}
