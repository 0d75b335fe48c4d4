//! The panel's debrief of one candidate: everyone's ratings side by side,
//! disagreements first, evidence grouped by dimension, flags and verdicts.

use egui::RichText;

use super::theme::{mean_fill, on_rating_fill, rating_fill};
use super::{Command, DecisionForm, ViewContext};
use crate::export::{Format, NUDGES_LEGEND, nudge_line};
use crate::model::{Debrief, Escape, Slug, escape, escape_line};

/// Which candidate's debrief is shown.
#[derive(Clone, Debug)]
pub struct DebriefScreen {
    /// The candidate.
    pub candidate: Slug,
    /// Typed path for an export, the keyboard alternative to the file dialog.
    pub export_path: String,
    /// The export format chosen.
    pub export_format: Format,
    /// The decision form.
    pub decision: DecisionForm,
}

impl DebriefScreen {
    /// The debrief of `candidate`.
    pub fn new(candidate: Slug) -> Self {
        Self {
            candidate,
            export_path: String::new(),
            export_format: Format::Html,
            decision: DecisionForm::default(),
        }
    }

    /// Draws the screen. `debrief` is `None` when the panel's ratings are
    /// hidden from this user (see [`super::panel_visible`]).
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, debrief: Option<&Debrief>) {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match debrief {
                Some(debrief) => self.debrief_ui(ui, cx, debrief),
                None => {
                    ui.heading("Debrief");
                    ui.label(
                        "The panel's ratings stay hidden until you submit your own scorecard \
                         for this candidate, so that nobody's scores anchor yours",
                    );
                    ui.weak("Coordinators can show every panel in the top bar (coordinator view)");
                }
            });
        });
    }

    fn debrief_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, d: &Debrief) {
        let s = &d.summary;
        ui.heading(escape_line(&format!("Debrief: {}", d.display_name)));
        ui.label(escape_line(&format!("{} ({})", d.role, d.level)));
        ui.add_space(6.0);
        egui::Grid::new("debrief_numbers")
            .num_columns(2)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                ui.label("Scorecards");
                ui.label(format!(
                    "{} submitted, {} drafts pending",
                    s.submitted, s.drafts
                ));
                ui.end_row();
                ui.label("Weighted score");
                ui.label(score_text(s.weighted_score));
                ui.end_row();
                ui.label("Adjusted for leniency");
                ui.label(score_text(s.adjusted_weighted_score));
                ui.end_row();
                ui.label("Agreement (alpha)");
                ui.label(match s.agreement_alpha {
                    Some(alpha) => format!("{alpha:.2}, {}", d.alpha_reading),
                    None => d.alpha_reading.to_owned(),
                });
                ui.end_row();
                ui.label("Recommendations");
                let r = &s.recommendations;
                ui.label(format!(
                    "strong no hire {}, no hire {}, hire {}, strong hire {}",
                    r.strong_no_hire, r.no_hire, r.hire, r.strong_hire
                ));
                ui.end_row();
            });
        let failures: Vec<&str> = d
            .dimensions
            .iter()
            .filter(|dim| dim.must_have_failure)
            .map(|dim| dim.name.as_str())
            .collect();
        if let Some(opening) = &d.opening {
            ui.label(escape_line(&format!("Opening: {opening}")));
        }
        ui.add_space(6.0);
        let candidate = self.candidate.clone();
        self.decision.ui(ui, cx, &candidate, d);
        ui.add_space(6.0);
        if !failures.is_empty() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                escape_line(&format!("Must-have below Meets: {}", failures.join(", "))),
            );
        }
        if !s.red_flags.is_empty() {
            ui.strong("Red flags");
            for flag in &s.red_flags {
                ui.label(escape(
                    &format!("• {} (raised by {})", flag.flag, flag.interviewer),
                    Escape::Text,
                ));
            }
        }
        ui.add_space(8.0);
        ratings_matrix_ui(ui, d);
        ui.add_space(8.0);
        ui.strong("Evidence by dimension");
        for dim in &d.dimensions {
            let title =
                escape_line(&format!("{} ({} notes)", dim.name, dim.evidence.len())).into_owned();
            egui::CollapsingHeader::new(title)
                .id_salt(("evidence", dim.id.as_str()))
                .default_open(dim.stats.disagreement())
                .show(ui, |ui| {
                    for line in &dim.evidence {
                        let text = format!(
                            "{} ({}, {}): {}",
                            escape_line(&line.interviewer),
                            escape_line(&line.stage),
                            line.rating.label(),
                            line.text
                        );
                        ui.label(escape(&text, Escape::Text));
                    }
                });
        }
        nudges_ui(ui, d);
        if !d.pending.is_empty() {
            ui.add_space(8.0);
            ui.strong("Drafts still pending");
            for p in &d.pending {
                ui.label(escape_line(&format!("• {}: {}", p.interviewer, p.stage)));
            }
        }
        ui.add_space(8.0);
        self.export_ui(ui, cx, d);
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, d: &Debrief) {
        ui.strong("Export debrief");
        ui.horizontal(|ui| {
            for choice in Format::ALL {
                ui.selectable_value(&mut self.export_format, choice, choice.extension());
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Save to");
            ui.add(
                egui::TextEdit::singleline(&mut self.export_path)
                    .hint_text(format!(
                        "/path/to/debrief.{}",
                        self.export_format.extension()
                    ))
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            if ui.button("Choose file…").clicked() {
                cx.commands.push(Command::ChooseExportPath {
                    suggested: format!(
                        "debrief-{}.{}",
                        d.candidate,
                        self.export_format.extension()
                    ),
                });
            }
            if ui.button("Export").clicked() {
                cx.commands.push(Command::ExportDebrief {
                    candidate: self.candidate.clone(),
                    format: self.export_format,
                    path: self.export_path.trim().into(),
                });
            }
        });
    }
}

/// The nudges of the submitted scorecards: for the panel to weigh, never a
/// verdict on anyone.
fn nudges_ui(ui: &mut egui::Ui, d: &Debrief) {
    if d.nudges.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(format!("Evidence nudges ({})", d.nudges.len()));
    ui.weak(NUDGES_LEGEND);
    for nudge in &d.nudges {
        let line = format!("• {}", nudge_line(d, nudge, str::to_owned));
        ui.label(escape(&line, Escape::Text));
    }
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "no ratings yet".to_owned(), |s| format!("{s:.2} of 4"))
}

/// Dimensions × submitted scorecards, with each dimension's spread.
fn ratings_matrix_ui(ui: &mut egui::Ui, d: &Debrief) {
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::horizontal()
        .id_salt("matrix")
        .show(ui, |ui| {
            egui::Grid::new("ratings_matrix")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("Dimension");
                    ui.strong("Mean");
                    ui.strong("Spread");
                    for card in &d.scorecards {
                        ui.strong(escape_line(&format!(
                            "{} ({})",
                            card.interviewer, card.stage
                        )));
                    }
                    ui.end_row();
                    for dim in &d.dimensions {
                        let mut name = RichText::new(escape_line(&dim.name));
                        if dim.stats.disagreement() {
                            name = name.color(ui.visuals().warn_fg_color);
                        }
                        ui.label(name);
                        match dim.stats.mean() {
                            Some(m) => rating_cell(ui, format!("{m:.2}"), mean_fill(m, dark), dark),
                            None => {
                                ui.weak("-");
                            }
                        }
                        let spread = dim.stats.spread().map_or("-".to_owned(), |s| s.to_string());
                        ui.label(if dim.stats.disagreement() {
                            format!("{spread} disagree")
                        } else {
                            spread
                        });
                        for rating in &dim.ratings {
                            match rating {
                                Some(r) => rating_cell(
                                    ui,
                                    r.score().map_or("no signal".to_owned(), |s| s.to_string()),
                                    rating_fill(*r, dark),
                                    dark,
                                ),
                                None => {
                                    ui.weak("-");
                                }
                            }
                        }
                        ui.end_row();
                    }
                    ui.label("Recommendation");
                    ui.label("");
                    ui.label("");
                    for card in &d.scorecards {
                        ui.label(card.recommendation.map_or("-", |r| r.label()));
                    }
                    ui.end_row();
                });
        });
}

/// A rating or a mean on its colour of the rating scale (the compare
/// table's and the HTML debrief's).
fn rating_cell(ui: &mut egui::Ui, text: String, fill: egui::Color32, dark: bool) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(on_rating_fill(dark)));
        });
}
