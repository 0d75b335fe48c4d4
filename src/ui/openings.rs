//! Openings: the requisitions a panel hires for. A list with each
//! opening's progress, and a form that writes a valid `openings/<id>.ron`
//! (like the template form): title, template, hiring manager, the default
//! panel per stage, feedback due hours, when it opened (typed or picked in
//! the user's zone); put on hold, close, reopen.

use super::home::stage_name_in;
use super::{
    Command, NewNames, PersonField, TimeField, ViewContext, display_name, names_in,
    near_miss_problem,
};
use crate::model::{
    DEFAULT_FEEDBACK_DUE_HOURS, FormatVersion, InterviewState, LocalZone, Opening, OpeningStatus,
    PlanStage, Slug, Template, Timestamp, escape_line,
};

/// The openings screen.
#[derive(Clone, Debug, Default)]
pub struct OpeningsScreen {
    /// The form, while one is open.
    pub editor: Option<OpeningEditor>,
    /// Each opening's counts (candidates, decided, owed, overdue), by id,
    /// for one snapshot generation and minute.
    counts: Option<(CountsKey, Vec<OpeningCounts>)>,
}

/// What [`OpeningsScreen`]'s counts were found for: the snapshot
/// generation and the minute.
type CountsKey = (u64, i64);

/// An opening's id with its candidates, decided, owed and overdue counts.
type OpeningCounts = (Slug, [usize; 4]);

/// One stage of the default panel, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageDraft {
    /// An exercise id, or `""` for a general interview.
    pub stage: String,
    /// Interviewers' names, separated by commas.
    pub interviewers: String,
}

/// The opening form: every field as typed, checked on save.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningEditor {
    /// Whether this is a new opening (its id may be typed).
    pub is_new: bool,
    /// The id (the file name).
    pub id: String,
    /// The title.
    pub title: String,
    /// The template.
    pub template: Option<Slug>,
    /// The hiring manager.
    pub hiring_manager: String,
    /// When it was opened, in the user's zone.
    pub opened_at: TimeField,
    /// Its status.
    pub status: OpeningStatus,
    /// Hours to submit a scorecard, as typed.
    pub due_hours: String,
    /// The default panel.
    pub stages: Vec<StageDraft>,
    /// Why the last save did nothing.
    pub problems: Vec<String>,
    /// Names kept as new people though they resemble known ones.
    pub new_names: NewNames,
}

impl OpeningEditor {
    /// A form for a new opening.
    pub fn new_opening(
        now: Timestamp,
        zone: LocalZone,
        hiring_manager: &str,
        template: Option<Slug>,
    ) -> Self {
        Self {
            is_new: true,
            id: String::new(),
            title: String::new(),
            template,
            hiring_manager: hiring_manager.trim().to_owned(),
            opened_at: TimeField::of(now, zone),
            status: OpeningStatus::Open,
            due_hours: DEFAULT_FEEDBACK_DUE_HOURS.to_string(),
            stages: vec![StageDraft::default()],
            problems: Vec::new(),
            new_names: NewNames::default(),
        }
    }

    /// A form holding an existing opening, its time in `zone`.
    pub fn edit(opening: &Opening, zone: LocalZone) -> Self {
        Self {
            is_new: false,
            id: opening.id.to_string(),
            title: opening.title.clone(),
            template: Some(opening.template.clone()),
            hiring_manager: opening.hiring_manager.clone(),
            opened_at: TimeField::of(opening.opened_at, zone),
            status: opening.status,
            due_hours: opening.feedback_due_hours.to_string(),
            stages: opening
                .plan
                .iter()
                .map(|s| StageDraft {
                    stage: s.stage.clone(),
                    interviewers: s.interviewers.join(", "),
                })
                .collect(),
            problems: Vec::new(),
            new_names: NewNames::default(),
        }
    }

    /// The opening the form describes, or every problem with it, checked
    /// as a file is checked (and against the templates in effect).
    pub fn to_opening(&self, cx: &ViewContext<'_>) -> Result<Opening, Vec<String>> {
        let mut problems = Vec::new();
        let id = match Slug::new(self.id.trim()) {
            Ok(id) => Some(id),
            Err(err) => {
                problems.push(format!("Id: {err}"));
                None
            }
        };
        if self.is_new
            && let Some(id) = &id
            && cx.snapshot.opening(id.as_str()).is_some()
        {
            problems.push(format!("Id: an opening {id} exists already"));
        }
        let due = match self.due_hours.trim().parse::<u32>() {
            Ok(hours) => hours,
            Err(_) => {
                problems.push("Feedback due: type a whole number of hours".to_owned());
                DEFAULT_FEEDBACK_DUE_HOURS
            }
        };
        for (i, stage) in self.stages.iter().enumerate() {
            if let Some((typed, known)) = self
                .new_names
                .first_question(cx.people, names_in(&stage.interviewers))
            {
                problems.push(format!(
                    "Interviewers at stage {}: {}",
                    i + 1,
                    near_miss_problem(typed, known)
                ));
            }
        }
        let opened_at = match self.opened_at.value(cx.zone) {
            Ok(at) => Some(at),
            Err(err) => {
                problems.push(format!("Opened: {err}"));
                None
            }
        };
        let Some(template) = self.template.clone() else {
            problems.push("Template: pick one".to_owned());
            return Err(problems);
        };
        let (Some(id), Some(opened_at)) = (id, opened_at) else {
            return Err(problems);
        };
        let opening = Opening {
            format: FormatVersion::CURRENT,
            id,
            title: self.title.trim().to_owned(),
            template,
            hiring_manager: self.hiring_manager.trim().to_owned(),
            opened_at,
            status: self.status,
            plan: self
                .stages
                .iter()
                .map(|s| PlanStage {
                    stage: s.stage.clone(),
                    interviewers: s
                        .interviewers
                        .split(',')
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                        .map(str::to_owned)
                        .collect(),
                })
                .collect(),
            feedback_due_hours: due,
        };
        let template = cx
            .snapshot
            .templates()
            .get(opening.template.as_str())
            .map(|e| &e.template);
        for problem in opening
            .problems()
            .into_iter()
            .chain(opening.template_problems(template))
        {
            problems.push(format!("{}: {}", problem.path, problem.message));
        }
        if problems.is_empty() {
            Ok(opening)
        } else {
            Err(problems)
        }
    }
}

impl OpeningsScreen {
    /// Draws the screen; `evidence` gives the panel reliability the form
    /// plans with (`None` while built).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        evidence: Option<&super::Evidence>,
    ) {
        if self.editor.is_some() {
            egui::Panel::right("opening_form")
                .resizable(true)
                .default_size(460.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| self.editor_ui(ui, cx, evidence));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| self.list_ui(ui, cx));
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.horizontal(|ui| {
            ui.heading("Openings");
            if ui.button("New opening…").clicked() {
                let template = cx
                    .snapshot
                    .templates()
                    .iter()
                    .next()
                    .map(|e| e.template.id.clone());
                self.editor = Some(OpeningEditor::new_opening(
                    cx.now,
                    cx.zone,
                    &cx.settings.interviewer,
                    template,
                ));
            }
        });
        if cx.snapshot.openings().is_empty() {
            ui.weak("No openings yet: an opening names the template, the hiring manager and the default panel");
            return;
        }
        let key = (cx.generation, cx.now.unix_seconds().div_euclid(60));
        if self.counts.as_ref().is_none_or(|(k, _)| *k != key) {
            self.counts = Some((key, opening_counts(cx)));
        }
        let counts = self
            .counts
            .as_ref()
            .map(|(_, c)| c.as_slice())
            .unwrap_or_default();
        for record in cx.snapshot.openings() {
            let opening = &record.opening;
            ui.separator();
            let [count, decided, owed, overdue] = counts
                .iter()
                .find(|(id, _)| *id == opening.id)
                .map_or([0; 4], |(_, c)| *c);
            ui.horizontal(|ui| {
                ui.strong(escape_line(&opening.title));
                ui.label(format!("· {}", opening.status.label()));
                let role = cx
                    .snapshot
                    .templates()
                    .get(opening.template.as_str())
                    .map_or_else(|| opening.template.to_string(), |e| e.template.role.clone());
                ui.weak(format!(
                    "· {} · hiring manager {} · opened {}",
                    escape_line(&role),
                    escape_line(&opening.hiring_manager),
                    cx.zone.day(opening.opened_at, cx.now)
                ));
            });
            ui.label(format!(
                "{count} candidate(s), {decided} decided, {owed} scorecard(s) owed, {overdue} overdue"
            ));
            ui.horizontal(|ui| {
                if ui
                    .button(format!("Edit {}", escape_line(&opening.title)))
                    .clicked()
                {
                    self.editor = Some(OpeningEditor::edit(opening, cx.zone));
                }
                let mut set_status = |status: OpeningStatus| {
                    let mut changed = opening.clone();
                    changed.status = status;
                    cx.commands.push(Command::SaveOpening(Box::new(changed)));
                };
                match opening.status {
                    OpeningStatus::Open => {
                        if ui.button("Put on hold").clicked() {
                            set_status(OpeningStatus::OnHold);
                        }
                        if ui.button("Close").clicked() {
                            set_status(OpeningStatus::Closed);
                        }
                    }
                    OpeningStatus::OnHold => {
                        if ui.button("Reopen").clicked() {
                            set_status(OpeningStatus::Open);
                        }
                        if ui.button("Close").clicked() {
                            set_status(OpeningStatus::Closed);
                        }
                    }
                    OpeningStatus::Closed => {
                        if ui.button("Reopen").clicked() {
                            set_status(OpeningStatus::Open);
                        }
                    }
                }
            });
            if count == 0 {
                continue;
            }
            // Closed by default: an opening of hundreds of candidates costs
            // nothing until someone looks.
            egui::CollapsingHeader::new(format!("Candidates of {}", escape_line(&opening.title)))
                .id_salt(("opening_candidates", opening.id.as_str()))
                .show(ui, |ui| {
                    let of_opening = cx
                        .snapshot
                        .candidates()
                        .iter()
                        .filter(|r| r.candidate.opening.as_ref() == Some(&opening.id));
                    for r in of_opening {
                        let status = match &r.decision {
                            Some(d) => d.decision.label().to_owned(),
                            None => "no decision yet".to_owned(),
                        };
                        ui.horizontal(|ui| {
                            if ui.link(display_name(&r.candidate, cx.settings)).clicked() {
                                cx.commands
                                    .push(Command::OpenCandidate(r.candidate.id.clone()));
                            }
                            ui.weak(status);
                        });
                    }
                });
        }
    }

    fn editor_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        evidence: Option<&super::Evidence>,
    ) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        ui.heading(if editor.is_new {
            "New opening"
        } else {
            "Edit opening"
        });
        let templates: Vec<_> = cx.snapshot.templates().iter().collect();
        egui::Grid::new("opening_fields")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Id");
                ui.add_enabled(
                    editor.is_new,
                    egui::TextEdit::singleline(&mut editor.id).hint_text("sre-berlin-q4"),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Title");
                ui.add(
                    egui::TextEdit::singleline(&mut editor.title)
                        .hint_text("Site Reliability Engineer, Berlin"),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Template");
                let selected = editor
                    .template
                    .as_ref()
                    .and_then(|id| cx.snapshot.templates().get(id.as_str()))
                    .map_or_else(String::new, |e| escape_line(&e.template.role).into_owned());
                egui::ComboBox::from_id_salt("opening_template")
                    .selected_text(selected)
                    .width(240.0)
                    .height(640.0)
                    .show_ui(ui, |ui| {
                        for entry in &templates {
                            let t = &entry.template;
                            ui.selectable_value(
                                &mut editor.template,
                                Some(t.id.clone()),
                                escape_line(&format!("{} ({})", t.role, t.level)),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Hiring manager");
                ui.text_edit_singleline(&mut editor.hiring_manager)
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Feedback due (hours)");
                ui.add(egui::TextEdit::singleline(&mut editor.due_hours).desired_width(60.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Opened");
                editor
                    .opened_at
                    .ui(ui, label.id, "the opening", cx.zone, cx.now);
                ui.end_row();
                let label = ui.label("Status");
                egui::ComboBox::from_id_salt("opening_status")
                    .selected_text(editor.status.label())
                    .show_ui(ui, |ui| {
                        for status in OpeningStatus::ALL {
                            ui.selectable_value(&mut editor.status, status, status.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(6.0);
        ui.strong("Default panel");
        ui.weak("Interviewers by stage, separated by commas; a new candidate gets this plan");
        let template = editor
            .template
            .as_ref()
            .and_then(|id| cx.snapshot.templates().get(id.as_str()))
            .map(|e| &e.template);
        let mut remove = None;
        for (i, stage) in editor.stages.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.label(format!("Stage {}", i + 1));
                egui::ComboBox::from_id_salt(("opening_stage", i))
                    .selected_text(stage_name_in(template, &stage.stage))
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut stage.stage, String::new(), "General interview");
                        for exercise in template.map(|t| t.exercises.as_slice()).unwrap_or_default()
                        {
                            ui.selectable_value(
                                &mut stage.stage,
                                exercise.id.to_string(),
                                escape_line(&exercise.name),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                let label = ui.label(format!("Interviewers at stage {}", i + 1));
                PersonField {
                    label: label.id,
                    list: true,
                    hint: "Priya Raman, Sam Lee",
                    width: 180.0,
                }
                .show(
                    ui,
                    &mut stage.interviewers,
                    cx.people,
                    &mut editor.new_names,
                );
                if ui.button(format!("Remove stage {}", i + 1)).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            editor.stages.remove(i);
        }
        if ui.button("Add stage").clicked() {
            editor.stages.push(StageDraft::default());
        }
        if let Some(template) = template {
            ui.add_space(6.0);
            panel_plan_ui(ui, template, &editor.stages, evidence);
        }
        ui.add_space(8.0);
        let mut close = false;
        ui.horizontal(|ui| {
            if ui.button("Save opening").clicked() {
                match editor.to_opening(cx) {
                    Ok(opening) => {
                        cx.commands.push(Command::SaveOpening(Box::new(opening)));
                        close = true;
                    }
                    Err(problems) => editor.problems = problems,
                }
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
        for problem in &editor.problems {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        if close {
            self.editor = None;
        }
    }
}

/// How many ratings each dimension of `template` gets from a panel typed
/// as `stages`: one per interviewer at each stage that covers it.
pub fn raters_per_dimension(template: &Template, stages: &[StageDraft]) -> Vec<(Slug, usize)> {
    let mut counts: Vec<(Slug, usize)> = template
        .dimensions
        .iter()
        .map(|d| (d.id.clone(), 0))
        .collect();
    for stage in stages {
        let people = names_in(&stage.interviewers).count();
        for dimension in template.dimensions_for_stage(&stage.stage) {
            if let Some(count) = counts.iter_mut().find(|(id, _)| *id == dimension.id) {
                count.1 += people;
            }
        }
    }
    counts
}

/// The planner: for the panel as typed, the reliability each dimension
/// will have, from the template's own panel reliability so far.
fn panel_plan_ui(
    ui: &mut egui::Ui,
    template: &Template,
    stages: &[StageDraft],
    evidence: Option<&super::Evidence>,
) {
    ui.strong("Reliability with this panel");
    let Some(evidence) = evidence else {
        super::busy_ui(ui, "Computing the panel's reliability…");
        return;
    };
    let Some(figures) = evidence.reliability.template(template.id.as_str()) else {
        ui.weak(
            "No candidate of this template has a submitted scorecard yet: nothing to plan with",
        );
        return;
    };
    let mut said = 0;
    let mut lines: Vec<(bool, String)> = Vec::new();
    for (id, raters) in raters_per_dimension(template, stages) {
        let Some(dimension) = figures
            .dimensions
            .iter()
            .find(|f| f.dimension.as_deref() == Some(id.as_str()))
        else {
            continue;
        };
        if let Some(words) = crate::export::panel_plan_words(&dimension.name, dimension, raters) {
            let short = dimension
                .with_raters(raters)
                .is_none_or(|r| r < crate::model::stats::reliability::ACCEPTABLE);
            lines.push((short, words));
            said += 1;
        }
    }
    // The dimensions that fall short first.
    lines.sort_by_key(|(short, _)| !*short);
    for (short, words) in lines {
        if short {
            ui.colored_label(ui.visuals().warn_fg_color, words);
        } else {
            ui.label(words);
        }
    }
    if said == 0 {
        ui.weak("Too few candidates with two ratings of a dimension to plan with yet");
    }
}

/// Per opening: candidates, decided, owed scorecards, overdue ones.
fn opening_counts(cx: &ViewContext<'_>) -> Vec<OpeningCounts> {
    let mut counts: Vec<OpeningCounts> = cx
        .snapshot
        .openings()
        .iter()
        .map(|o| (o.opening.id.clone(), [0; 4]))
        .collect();
    for record in cx.snapshot.candidates() {
        let Some(id) = &record.candidate.opening else {
            continue;
        };
        let Some((_, c)) = counts.iter_mut().find(|(o, _)| o == id) else {
            continue;
        };
        c[0] += 1;
        c[1] += usize::from(record.decision.is_some());
        for p in cx.snapshot.plan_of(record, cx.now) {
            c[2] += usize::from(p.state.is_owed());
            c[3] += usize::from(p.state == InterviewState::Overdue);
        }
    }
    counts
}
