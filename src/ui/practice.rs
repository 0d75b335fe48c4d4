//! Frame-of-reference practice: rate written cases with the dimension's
//! anchors on screen, then see the calibrated reference and why; a round
//! ends with exact and within-one agreement and the signed mean error.

use egui::RichText;

use super::interview::anchors_ui;
use super::theme::rating_color;
use super::{Command, ViewContext};
use crate::export::{percent, signed_two_decimals};
use crate::model::{
    Escape, InterviewerId, PracticeAnswer, PracticeCase, PracticeRound, Rating, RoundResult, Slug,
    escape, escape_line,
};

/// The four ratings a case can be given.
const RATINGS: [Rating; 4] = [
    Rating::DoesNotMeet,
    Rating::PartiallyMeets,
    Rating::Meets,
    Rating::Exceeds,
];

/// The practice screen: a template picked, then one case at a time.
#[derive(Clone, Debug, Default)]
pub struct PracticeScreen {
    /// The template practised; `None` while picking.
    pub template: Option<Slug>,
    /// Index of the current case among the template's cases.
    pub position: usize,
    /// The rating picked for the current case.
    pub chosen: Option<Rating>,
    /// Whether the current case's reference is shown.
    pub revealed: bool,
    /// The cases rated so far this round.
    pub answers: Vec<PracticeAnswer>,
    /// The round, once every case is rated.
    pub finished: Option<PracticeRound>,
}

impl PracticeScreen {
    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match self.template.clone() {
                None => self.pick_ui(ui, cx),
                Some(template) => self.round_ui(ui, cx, &template),
            });
        });
    }

    /// Starts a round of `template`.
    pub fn start(&mut self, template: Slug) {
        *self = Self {
            template: Some(template),
            ..Self::default()
        };
    }

    fn pick_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("Practice");
        ui.label(
            "Rate written cases against a template's anchors, then compare with a calibrated \
             reference: the way raters align before they interview",
        );
        ui.add_space(6.0);
        let mut counts: Vec<(&Slug, usize)> = Vec::new();
        for case in cx.snapshot.practice().iter() {
            match counts.last_mut() {
                Some((id, n)) if *id == &case.template => *n += 1,
                _ => counts.push((&case.template, 1)),
            }
        }
        if counts.is_empty() {
            ui.label("No practice cases in effect");
        }
        for (id, n) in counts {
            let title = match cx.snapshot.templates().get(id.as_str()) {
                Some(entry) => format!(
                    "{} ({}): {n} cases",
                    entry.template.role, entry.template.level
                ),
                None => format!("{id}: {n} cases"),
            };
            if ui.button(format!("Practise {title}")).clicked() {
                self.start(id.clone());
            }
        }
        ui.add_space(10.0);
        past_rounds_ui(ui, cx);
    }

    fn round_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, template: &Slug) {
        let cases: Vec<&PracticeCase> = cx
            .snapshot
            .practice()
            .iter()
            .filter(|c| &c.template == template)
            .collect();
        ui.horizontal(|ui| {
            ui.heading("Practice");
            if ui.button("Choose another template").clicked() {
                *self = Self::default();
            }
        });
        if let Some(round) = &self.finished {
            result_ui(ui, round);
            if ui.button("Practise again").clicked() {
                self.start(template.clone());
            }
            return;
        }
        let Some(case) = cases.get(self.position).copied() else {
            ui.label("This template has no practice cases");
            return;
        };
        let dimension = cx
            .snapshot
            .templates()
            .get(template.as_str())
            .and_then(|e| e.template.dimension(case.dimension.as_str()));
        ui.label(format!("Case {} of {}", self.position + 1, cases.len()));
        ui.heading(escape_line(
            dimension.map_or(case.dimension.as_str(), |d| d.name.as_str()),
        ));
        if let Some(dimension) = dimension {
            anchors_ui(ui, dimension);
        }
        ui.add_space(6.0);
        ui.strong("What the candidate said and did");
        ui.label(escape(&case.transcript, Escape::Text));
        ui.add_space(6.0);
        let dark = ui.visuals().dark_mode;
        ui.add_enabled_ui(!self.revealed, |ui| {
            ui.horizontal_wrapped(|ui| {
                for rating in RATINGS {
                    let key = rating.score().unwrap_or(0);
                    let text = RichText::new(format!("{key} {}", rating.label()))
                        .color(rating_color(rating, dark));
                    if ui
                        .selectable_label(self.chosen == Some(rating), text)
                        .clicked()
                    {
                        self.chosen = Some(rating);
                    }
                }
            });
        });
        if !self.revealed {
            if ui
                .add_enabled(self.chosen.is_some(), egui::Button::new("Check"))
                .clicked()
                && let Some(rating) = self.chosen
            {
                self.revealed = true;
                self.answers.push(PracticeAnswer {
                    case: case.id.clone(),
                    dimension: case.dimension.clone(),
                    rating,
                    reference: case.reference,
                });
            }
            return;
        }
        ui.add_space(6.0);
        let verdict = match self.chosen {
            Some(rating) if rating == case.reference => "the same as the reference".to_owned(),
            Some(rating) => format!("yours: {}", rating.label()),
            None => String::new(),
        };
        ui.label(
            RichText::new(format!("Reference: {} ({verdict})", case.reference.label()))
                .strong()
                .color(rating_color(case.reference, dark)),
        );
        ui.label(escape(&case.rationale, Escape::Text));
        let last = self.position + 1 >= cases.len();
        let next = if last { "Finish round" } else { "Next case" };
        if ui.button(next).clicked() {
            if last {
                let round = PracticeRound {
                    template: template.clone(),
                    finished_at: cx.now,
                    answers: std::mem::take(&mut self.answers),
                };
                if InterviewerId::typed(&cx.settings.interviewer).is_some() {
                    cx.commands.push(Command::SavePracticeRound(round.clone()));
                }
                self.finished = Some(round);
            } else {
                self.position += 1;
                self.chosen = None;
                self.revealed = false;
            }
        }
    }
}

/// A round's result, in words.
fn result_ui(ui: &mut egui::Ui, round: &PracticeRound) {
    ui.heading("Round result");
    let Some(RoundResult {
        cases,
        exact,
        within_one,
        signed_mean_error,
    }) = round.result()
    else {
        ui.label("No case was rated");
        return;
    };
    egui::Grid::new("practice_result").show(ui, |ui| {
        ui.label("Cases rated");
        ui.label(cases.to_string());
        ui.end_row();
        ui.label("Exact agreement");
        ui.label(percent(Some(exact)));
        ui.end_row();
        ui.label("Within one");
        ui.label(percent(Some(within_one)));
        ui.end_row();
        ui.label("Signed mean error");
        ui.label(signed_two_decimals(Some(signed_mean_error)));
        ui.end_row();
    });
    ui.weak(if signed_mean_error > 0.0 {
        "Above 0: you rated more generously than the reference"
    } else if signed_mean_error < 0.0 {
        "Below 0: you rated more severely than the reference"
    } else {
        "On average you rated as the reference does"
    });
}

/// The user's own earlier rounds (a coordinator sees everyone's on the
/// interviewer view).
fn past_rounds_ui(ui: &mut egui::Ui, cx: &ViewContext<'_>) {
    let Some(me) = InterviewerId::typed(&cx.settings.interviewer) else {
        ui.weak("Type your name on the home screen to keep your practice results");
        return;
    };
    let Some(mine) = cx.snapshot.practice_results().iter().find(|r| r.id() == me) else {
        return;
    };
    ui.strong("Your rounds");
    for round in mine.rounds.iter().rev() {
        let Some(result) = round.result() else {
            continue;
        };
        ui.label(format!(
            "{} · {}: {} exact, {} within one, error {}",
            cx.zone.day(round.finished_at, cx.now),
            round.template,
            percent(Some(result.exact)),
            percent(Some(result.within_one)),
            signed_two_decimals(Some(result.signed_mean_error)),
        ));
    }
}
