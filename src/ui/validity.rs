//! The Validity screen: did the interview predict performance? Per
//! template, the scatter of interview score against the hires' mean later
//! rating, the local validity study's figures in words, each dimension's,
//! and the caveats; below 30 rated hires, how many there are.
//!
//! The figures are built off the UI thread by the app
//! (`app::validity_build`) and installed here: `ui()` only draws them.

use egui_plot::{Plot, Points};

use crate::export::{VALIDITY_CAVEATS, dimension_lines, validity_sentences};
use crate::io::{WorkspaceSnapshot, validity_studies};
use crate::model::Slug;
use crate::model::stats::Summary;
use crate::model::stats::validity::{DEFAULT_CRITERION_RELIABILITY, TemplateValidity};

/// What a set of figures answers: the workspace and the aggregates they
/// were built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValidityKey {
    /// The snapshot's generation.
    pub generation: u64,
    /// The aggregates' revision.
    pub revision: u64,
}

/// Every template's study, built for one key.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidityFigures {
    /// What they answer.
    pub key: ValidityKey,
    /// The studies, by template id.
    pub studies: Vec<TemplateValidity>,
}

impl ValidityFigures {
    /// The studies of the snapshot's templates over its aggregates
    /// (`summary`), with the default criterion reliability. Slow on a big
    /// workspace (a bootstrap per template): the app runs it on a thread.
    pub fn build(key: ValidityKey, snapshot: &WorkspaceSnapshot, summary: &Summary) -> Self {
        let studies = validity_studies(snapshot, summary, None, DEFAULT_CRITERION_RELIABILITY);
        Self { key, studies }
    }
}

/// The screen's state: the template shown and the figures last built.
#[derive(Debug, Default)]
pub struct ValidityScreen {
    /// The template shown; `None`: the first with figures.
    pub template: Option<Slug>,
    figures: Option<ValidityFigures>,
}

impl ValidityScreen {
    /// Whether the figures shown answer `key`.
    pub fn figures_are(&self, key: &ValidityKey) -> bool {
        self.figures.as_ref().is_some_and(|f| f.key == *key)
    }

    /// Shows `figures` from now on.
    pub fn install(&mut self, figures: ValidityFigures) {
        self.figures = Some(figures);
    }

    /// Whether any figures have been installed.
    pub fn has_figures(&self) -> bool {
        self.figures.is_some()
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let Self { template, figures } = self;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Validity: did the interview predict performance?");
            ui.label(
                "How each template's interview score went with the hires' later performance \
                 ratings (performance.ron, from scorecard import performance).",
            );
            let Some(figures) = figures.as_ref() else {
                super::busy::busy_ui(ui, "Working out the figures…");
                return;
            };
            if figures.studies.is_empty() {
                ui.label("No template has candidates with a score yet.");
                return;
            }
            let shown = template
                .as_ref()
                .and_then(|id| figures.studies.iter().find(|s| s.template == *id))
                .or_else(|| figures.studies.iter().find(|s| !s.refused))
                .or_else(|| figures.studies.first());
            let Some(study) = shown else {
                return;
            };
            let mut picked = study.template.clone();
            egui::ComboBox::from_label("Template")
                .selected_text(picked.as_str())
                .show_ui(ui, |ui| {
                    for s in &figures.studies {
                        let text = format!("{} ({} rated hires)", s.template, s.hires_rated);
                        ui.selectable_value(&mut picked, s.template.clone(), text);
                    }
                });
            if picked != study.template {
                *template = Some(picked);
            }
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| study_ui(ui, study));
        });
    }
}

/// One template's study: the scatter, the sentences, the dimensions and the
/// caveats.
fn study_ui(ui: &mut egui::Ui, study: &TemplateValidity) {
    for line in validity_sentences(study) {
        ui.label(line);
    }
    if !study.points.is_empty() {
        ui.add_space(6.0);
        scatter_ui(ui, study);
    }
    if !study.refused {
        ui.add_space(6.0);
        ui.strong("Per dimension (x = the dimension's mean rating)");
        for line in dimension_lines(study) {
            ui.label(line);
        }
    }
    ui.add_space(6.0);
    ui.strong("Read with care");
    for caveat in VALIDITY_CAVEATS {
        ui.label(format!("• {caveat}"));
    }
}

/// Interview score (1–4) against mean later rating (1–5), one point per
/// rated hire.
fn scatter_ui(ui: &mut egui::Ui, study: &TemplateValidity) {
    let points: Vec<[f64; 2]> = study.points.clone();
    let height = (ui.available_height() * 0.5).clamp(180.0, 360.0);
    Plot::new(("validity_scatter", study.template.as_str()))
        .height(height)
        .x_axis_label("Interview score (1–4)")
        .y_axis_label("Mean later rating (1–5)")
        .include_x(1.0)
        .include_x(4.0)
        .include_y(1.0)
        .include_y(5.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .show(ui, |plot| {
            plot.points(
                Points::new("Rated hires", points)
                    .radius(3.5)
                    .color(super::theme::series_color(0)),
            );
        });
}
