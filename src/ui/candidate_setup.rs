//! A candidate's page: who is interviewing, at which stage, then start.

use super::{Command, NewNames, PlanDraft, ViewContext, display_name, your_name_field};
use crate::io::CandidateRecord;
use crate::model::{InterviewerId, Slug, escape_line};

/// The page before scoring starts.
#[derive(Clone, Debug)]
pub struct SetupScreen {
    /// The candidate shown.
    pub candidate: Slug,
    /// The stage picked: an exercise id or `""`.
    pub stage: String,
    /// Why starting did not work, if it did not.
    pub problem: Option<String>,
    /// The erase confirmation is open.
    pub confirm_erase: bool,
    /// The interview kit form, while open.
    pub kit: Option<super::KitPanel>,
    /// The interview plan as edited.
    pub plan: PlanDraft,
    /// Your name kept as new though it resembles a known one.
    pub new_names: NewNames,
}

impl SetupScreen {
    /// The page for a candidate, on the general interview.
    pub fn new(candidate: Slug) -> Self {
        Self {
            candidate,
            stage: String::new(),
            problem: None,
            confirm_erase: false,
            kit: None,
            plan: PlanDraft::default(),
            new_names: NewNames::default(),
        }
    }

    /// Draws the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(record) = cx
                .snapshot
                .candidates()
                .iter()
                .find(|r| r.candidate.id == self.candidate)
            else {
                ui.label("This candidate is no longer in the workspace");
                return;
            };
            egui::ScrollArea::vertical().show(ui, |ui| self.page_ui(ui, cx, record));
        });
    }

    fn page_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, record: &CandidateRecord) {
        let snapshot = cx.snapshot;
        let template = snapshot.templates().get(record.candidate.template.as_str());
        ui.horizontal(|ui| {
            ui.heading(display_name(&record.candidate, cx.settings));
            if ui.button("Debrief").clicked() {
                cx.commands
                    .push(Command::OpenDebrief(record.candidate.id.clone()));
            }
        });
        match template {
            Some(entry) => ui.label(escape_line(&format!(
                "{} ({})",
                entry.template.role, entry.template.level
            ))),
            None => ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "Template {:?} is not in effect: its scorecards can be read, not started",
                    record.candidate.template.as_str()
                ),
            ),
        };
        if let Some(id) = &record.candidate.opening {
            match snapshot.opening(id.as_str()) {
                Some(opening) => ui.label(escape_line(&format!(
                    "Opening: {} ({}, hiring manager {})",
                    opening.title,
                    opening.status.label().to_lowercase(),
                    opening.hiring_manager
                ))),
                None => ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("Opening {id} is not in the workspace"),
                ),
            };
        }
        ui.add_space(8.0);
        let candidate = self.candidate.clone();
        self.plan.ui(ui, cx, record, &candidate);
        ui.add_space(8.0);
        egui::Grid::new("setup")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label("Your name");
                your_name_field(ui, label.id, cx, &mut self.new_names);
                ui.end_row();
                if let Some(entry) = template {
                    let label = ui.label("Stage");
                    let t = &entry.template;
                    egui::ComboBox::from_id_salt("stage")
                        .selected_text(snapshot.stage_name(&record.candidate, &self.stage))
                        .width(280.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(
                                &mut self.stage,
                                String::new(),
                                "General interview",
                            );
                            for exercise in &t.exercises {
                                ui.selectable_value(
                                    &mut self.stage,
                                    exercise.id.to_string(),
                                    escape_line(&format!(
                                        "{} ({} min)",
                                        exercise.name, exercise.minutes
                                    )),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
        if let Some(exercise) = template.and_then(|e| e.template.exercise(&self.stage)) {
            ui.add_space(4.0);
            ui.label(&exercise.brief);
        }
        ui.add_space(8.0);
        if template.is_some() {
            let mine = InterviewerId::typed(&cx.settings.interviewer);
            let existing = mine.as_ref().and_then(|me| {
                record.scorecards.iter().find(|s| {
                    s.scorecard.stage == self.stage && InterviewerId::of(&s.scorecard) == *me
                })
            });
            let action = match existing {
                Some(s) if s.scorecard.is_submitted() => "Open my submitted scorecard",
                Some(_) => "Resume my draft",
                None => "Start scoring",
            };
            if ui.button(action).clicked() {
                if mine.is_none() {
                    self.problem =
                        Some("Type your name first: it goes into the scorecard".to_owned());
                } else {
                    self.problem = None;
                    cx.commands.push(Command::StartInterview {
                        candidate: self.candidate.clone(),
                        stage: self.stage.clone(),
                    });
                }
            }
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        if let Some(entry) = template {
            self.kit_ui(ui, cx, &entry.template);
        }
        ui.add_space(12.0);
        ui.strong("Scorecards so far");
        if record.scorecards.is_empty() {
            ui.weak("None yet");
        }
        // Who and when only: ratings stay hidden here so that nobody is
        // anchored by a colleague's scores before submitting their own.
        for s in &record.scorecards {
            let card = &s.scorecard;
            let state = if card.is_submitted() {
                "submitted"
            } else {
                "draft"
            };
            ui.label(escape_line(&format!(
                "{}: {}, {state}",
                card.interviewer,
                snapshot.stage_name(&record.candidate, &card.stage)
            )));
        }
        ui.add_space(16.0);
        if ui.button("Erase this candidate…").clicked() {
            self.confirm_erase = true;
        }
        if self.confirm_erase {
            self.confirm_erase_ui(ui, cx, record);
        }
    }

    fn confirm_erase_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        record: &CandidateRecord,
    ) {
        let name = display_name(&record.candidate, cx.settings);
        let modal = egui::Modal::new(egui::Id::unique("confirm_erase")).show(ui.ctx(), |ui| {
            ui.heading("Erase this candidate?");
            ui.label(format!(
                "Every file of {name} is erased from this workspace: the record and all {} scorecard(s), drafts included. \
                 This cannot be undone here (copies in a sync tool's or git's history are not touched)",
                record.scorecards.len()
            ));
            ui.horizontal(|ui| {
                if ui.button("Erase").clicked() {
                    cx.commands.push(Command::EraseCandidates(vec![record.candidate.id.clone()]));
                    return true;
                }
                ui.button("Cancel").clicked()
            })
            .inner
        });
        if modal.inner || modal.should_close() {
            self.confirm_erase = false;
        }
    }
}

impl SetupScreen {
    /// *Interview kit…* for the stage picked, to prepare with.
    fn kit_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        template: &crate::model::Template,
    ) {
        if self.kit.is_none() {
            if ui.button("Interview kit…").clicked() {
                self.kit = Some(super::KitPanel {
                    stage: self.stage.clone(),
                    ..super::KitPanel::default()
                });
            }
            return;
        }
        if let Some(kit) = &mut self.kit
            && kit.ui(ui, cx, template)
        {
            self.kit = None;
        }
    }
}
