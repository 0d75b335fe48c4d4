//! A candidate's interview plan on their page: who interviews at which
//! stage and when (typed or picked in the user's zone), checked like a
//! file is checked, and
//! where each planned interview stands: upcoming, owed, overdue or
//! submitted.

use super::home::stage_name_in;
use super::{Command, NewNames, PersonField, TimeField, ViewContext, near_miss_problem};
use crate::io::CandidateRecord;
use crate::model::{Interview, InterviewState, LocalZone, Slug, escape_line};

/// One planned interview, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanRow {
    /// An exercise id, or `""`.
    pub stage: String,
    /// Who interviews.
    pub interviewer: String,
    /// When, in the user's zone.
    pub at: TimeField,
    /// The invite the row came from, kept through an edit so the next
    /// import of that invite finds it (not shown).
    pub uid: Option<String>,
}

/// The plan being edited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanDraft {
    /// The rows.
    pub rows: Vec<PlanRow>,
    /// Whether the rows differ from the file (then they are kept as typed).
    pub edited: bool,
    /// Why the last save did nothing.
    pub problems: Vec<String>,
    /// Names kept as new people though they resemble known ones.
    pub new_names: NewNames,
}

impl PlanDraft {
    /// The plan of `record`, as rows with times in `zone`.
    pub fn of(record: &CandidateRecord, zone: LocalZone) -> Self {
        Self {
            rows: record
                .candidate
                .interviews
                .iter()
                .map(|i| PlanRow {
                    stage: i.stage.to_string(),
                    interviewer: i.interviewer.to_string(),
                    at: TimeField::of(i.at, zone),
                    uid: i.uid.clone(),
                })
                .collect(),
            edited: false,
            problems: Vec::new(),
            new_names: NewNames::default(),
        }
    }

    /// The interviews the rows describe, or every problem with them,
    /// checked as the candidate file is (and against their template and
    /// opening).
    pub fn to_interviews(
        &self,
        cx: &ViewContext<'_>,
        record: &CandidateRecord,
    ) -> Result<Vec<Interview>, Vec<String>> {
        let mut problems = Vec::new();
        let mut interviews = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            match row.at.value(cx.zone) {
                Ok(at) => interviews.push(Interview {
                    stage: row.stage.as_str().into(),
                    interviewer: row.interviewer.trim().into(),
                    at,
                    uid: row.uid.clone(),
                }),
                Err(err) => problems.push(format!("Interview {}: {err}", i + 1)),
            }
            let name = row.interviewer.trim();
            if let Some(known) = self.new_names.question(cx.people, name) {
                problems.push(format!(
                    "Interview {}: {}",
                    i + 1,
                    near_miss_problem(name, known)
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut candidate = record.candidate.clone();
        candidate.interviews = interviews;
        let template = cx
            .snapshot
            .templates()
            .get(candidate.template.as_str())
            .map(|e| &e.template);
        for problem in candidate
            .problems()
            .into_iter()
            .chain(candidate.reference_problems(cx.snapshot.opening_of(&candidate), template))
        {
            problems.push(format!("{}: {}", problem.path, problem.message));
        }
        if problems.is_empty() {
            Ok(candidate.interviews)
        } else {
            Err(problems)
        }
    }

    /// Draws the plan of `record`; `candidate` is its id.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        record: &CandidateRecord,
        candidate: &Slug,
    ) {
        if !self.edited {
            // Follow the file (a save, a colleague's sync) until edited.
            let fresh = Self::of(record, cx.zone);
            if fresh.rows != self.rows {
                *self = Self {
                    problems: std::mem::take(&mut self.problems),
                    ..fresh
                };
            }
        }
        let template = cx
            .snapshot
            .templates()
            .get(record.candidate.template.as_str())
            .map(|e| &e.template);
        let states = cx.snapshot.plan_of(record, cx.now);
        ui.strong("Interview plan");
        if self.rows.is_empty() {
            ui.weak("No interviews planned");
        }
        let mut remove = None;
        let mut changed = false;
        let mut opened = None;
        egui::Grid::new("interview_plan")
            .num_columns(5)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for (i, row) in self.rows.iter_mut().enumerate() {
                    let n = i + 1;
                    let label = ui.label(format!("Interview {n}"));
                    ui.horizontal(|ui| {
                        egui::ComboBox::from_id_salt(("plan_stage", i))
                            .selected_text(stage_name_in(template, &row.stage))
                            .width(180.0)
                            .show_ui(ui, |ui| {
                                changed |= ui
                                    .selectable_value(
                                        &mut row.stage,
                                        String::new(),
                                        "General interview",
                                    )
                                    .changed();
                                for exercise in
                                    template.map(|t| t.exercises.as_slice()).unwrap_or_default()
                                {
                                    changed |= ui
                                        .selectable_value(
                                            &mut row.stage,
                                            exercise.id.to_string(),
                                            escape_line(&exercise.name),
                                        )
                                        .changed();
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    });
                    let label = ui.label(format!("Interviewer of interview {n}"));
                    changed |= PersonField {
                        label: label.id,
                        list: false,
                        hint: "name",
                        width: 140.0,
                    }
                    .show(
                        ui,
                        &mut row.interviewer,
                        cx.people,
                        &mut self.new_names,
                    );
                    ui.end_row();
                    ui.label("");
                    let label = ui.label(format!("Time of interview {n}"));
                    let out = row
                        .at
                        .ui(ui, label.id, &format!("interview {n}"), cx.zone, cx.now);
                    changed |= out.changed;
                    if out.opened {
                        opened = Some(i);
                    }
                    // Where it stands, as saved.
                    let state = (!self.edited)
                        .then(|| states.get(i))
                        .flatten()
                        .map(|p| (p.state, p.draft));
                    match state {
                        Some((state, draft)) => {
                            let text = format!(
                                "{}{}",
                                state.label(),
                                if draft && state.is_owed() {
                                    " (draft started)"
                                } else {
                                    ""
                                }
                            );
                            let color = match state {
                                InterviewState::Overdue => ui.visuals().error_fg_color,
                                InterviewState::Owed => ui.visuals().warn_fg_color,
                                InterviewState::Upcoming | InterviewState::Submitted => {
                                    ui.visuals().text_color()
                                }
                            };
                            ui.colored_label(color, text);
                        }
                        None => {
                            ui.weak("not saved");
                        }
                    }
                    if ui.button(format!("Remove interview {n}")).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(open) = opened {
            // One calendar at a time: its hour and minute keep their names.
            for (i, row) in self.rows.iter_mut().enumerate() {
                if i != open {
                    row.at.close_calendar();
                }
            }
        }
        if let Some(i) = remove {
            self.rows.remove(i);
            changed = true;
        }
        ui.horizontal(|ui| {
            if ui.button("Add interview").clicked() {
                // After the last one, else the next whole hour from now.
                let at = self.rows.last().map_or_else(
                    || TimeField::next_hour(cx.zone, cx.now),
                    |r| {
                        let mut at = r.at.clone();
                        at.close_calendar();
                        at
                    },
                );
                self.rows.push(PlanRow {
                    stage: String::new(),
                    interviewer: String::new(),
                    at,
                    uid: None,
                });
                changed = true;
            }
            if self.edited && ui.button("Save plan").clicked() {
                match self.to_interviews(cx, record) {
                    Ok(interviews) => {
                        cx.commands.push(Command::SavePlan {
                            candidate: candidate.clone(),
                            interviews,
                        });
                        self.problems.clear();
                        self.edited = false;
                    }
                    Err(problems) => self.problems = problems,
                }
            }
            if self.edited && ui.button("Discard plan changes").clicked() {
                *self = Self::of(record, cx.zone);
            }
        });
        if changed {
            self.edited = true;
        }
        for problem in &self.problems {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
    }
}
