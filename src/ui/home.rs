//! The first screen: candidates, a new-candidate form, my pending drafts.

use super::{Command, ViewContext, file_errors_ui};
use crate::io::{CandidateRecord, WorkspaceSnapshot};
use crate::model::{Slug, Timestamp, format_age};

/// State of the home screen that only matters while it is shown.
#[derive(Clone, Debug, Default)]
pub struct HomeScreen {
    /// Filter over candidate names and roles.
    pub search: String,
    /// Name typed for a new candidate.
    pub new_name: String,
    /// Template picked for a new candidate.
    pub new_template: Option<Slug>,
    /// Why the last "Add candidate" did nothing.
    pub problem: Option<String>,
}

impl HomeScreen {
    /// Draws the screen into the central area.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        egui::Panel::right("home_side")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.new_candidate_ui(ui, cx);
                    ui.separator();
                    pending_drafts_ui(ui, cx);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                self.candidates_ui(ui, cx);
                ui.add_space(12.0);
                file_errors_ui(ui, &cx.snapshot.errors);
            });
        });
    }

    fn candidates_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("Candidates");
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("name or role")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        });
        ui.add_space(6.0);
        let matching: Vec<&CandidateRecord> = cx
            .snapshot
            .candidates
            .iter()
            .filter(|record| matches_search(record, cx.snapshot, &self.search))
            .collect();
        if cx.snapshot.candidates.is_empty() {
            ui.weak("No candidates yet: add one on the right");
            return;
        }
        if matching.is_empty() {
            ui.weak("No candidate matches the search");
            return;
        }
        egui::Grid::new("candidates")
            .striped(true)
            .num_columns(4)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.strong("Name");
                ui.strong("Role");
                ui.strong("Scorecards");
                ui.strong("Added");
                ui.end_row();
                for record in matching {
                    let candidate = &record.candidate;
                    if ui.link(&candidate.name).clicked() {
                        cx.commands
                            .push(Command::OpenCandidate(candidate.id.clone()));
                    }
                    ui.label(role_of(cx.snapshot, record));
                    let submitted = record
                        .scorecards
                        .iter()
                        .filter(|s| s.scorecard.is_submitted())
                        .count();
                    let drafts = record.scorecards.len() - submitted;
                    let unreadable = cx
                        .snapshot
                        .errors
                        .iter()
                        .filter(|e| e.path.starts_with(&record.dir))
                        .count();
                    let mut counts = format!("{submitted} submitted, {drafts} draft");
                    if unreadable > 0 {
                        counts.push_str(&format!(", {unreadable} unreadable"));
                    }
                    ui.label(counts);
                    ui.label(candidate.created_at.as_utc().format("%Y-%m-%d").to_string());
                    ui.end_row();
                }
            });
    }

    fn new_candidate_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("New candidate");
        let templates: Vec<_> = cx.snapshot.templates.iter().collect();
        if self.new_template.is_none() {
            self.new_template = templates.first().map(|e| e.template.id.clone());
        }
        egui::Grid::new("new_candidate")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Candidate name");
                ui.text_edit_singleline(&mut self.new_name)
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Template");
                let selected = self
                    .new_template
                    .as_ref()
                    .and_then(|id| cx.snapshot.templates.get(id.as_str()))
                    .map_or_else(String::new, |e| e.template.role.clone());
                egui::ComboBox::from_id_salt("new_candidate_template")
                    .selected_text(selected)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for entry in &templates {
                            let t = &entry.template;
                            ui.selectable_value(
                                &mut self.new_template,
                                Some(t.id.clone()),
                                format!("{} ({})", t.role, t.level),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
        if ui.button("Add candidate").clicked() {
            self.problem = None;
            match (self.new_name.trim(), &self.new_template) {
                ("", _) => self.problem = Some("Type the candidate's name first".to_owned()),
                (_, None) => self.problem = Some("Pick a template first".to_owned()),
                (name, Some(template)) => {
                    cx.commands.push(Command::CreateCandidate {
                        name: name.to_owned(),
                        template: template.clone(),
                    });
                    self.new_name.clear();
                }
            }
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
    }
}

/// Drafts still unsubmitted: the interviewer's own, or everyone's while the
/// app does not know who is using it.
fn pending_drafts_ui(ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
    let me = Slug::from_name(&cx.settings.interviewer);
    ui.heading(if me.is_some() {
        "My pending drafts"
    } else {
        "Pending drafts"
    });
    let mut any = false;
    for record in &cx.snapshot.candidates {
        for scorecard_record in &record.scorecards {
            let card = &scorecard_record.scorecard;
            let mine = me.is_none() || Slug::from_name(&card.interviewer) == me;
            if card.is_submitted() || !mine {
                continue;
            }
            any = true;
            let stage = stage_name(cx.snapshot, record, &card.stage);
            let age = draft_age(card.started_at, card.amended_at, cx.now);
            let who = if me.is_none() {
                format!(" by {}", card.interviewer)
            } else {
                String::new()
            };
            let text = format!("{}: {stage}{who}, started {age}", record.candidate.name);
            if ui.button(text).clicked() {
                cx.commands
                    .push(Command::OpenScorecard(scorecard_record.path.clone()));
            }
        }
    }
    if !any {
        ui.weak("None: every scorecard is submitted");
    }
}

fn draft_age(started: Timestamp, amended: Option<Timestamp>, now: Timestamp) -> String {
    let since = amended.map_or(started, |a| a.max(started));
    format_age(now.unix_seconds() - since.unix_seconds())
}

/// The role a candidate is interviewed for, or their template id if that
/// template is gone.
fn role_of(snapshot: &WorkspaceSnapshot, record: &CandidateRecord) -> String {
    snapshot
        .templates
        .get(record.candidate.template.as_str())
        .map_or_else(
            || format!("{} (template missing)", record.candidate.template),
            |e| e.template.role.clone(),
        )
}

/// A stage's display name: the exercise's, or "General interview".
pub(crate) fn stage_name(
    snapshot: &WorkspaceSnapshot,
    record: &CandidateRecord,
    stage: &str,
) -> String {
    if stage.is_empty() {
        return "General interview".to_owned();
    }
    snapshot
        .templates
        .get(record.candidate.template.as_str())
        .and_then(|e| e.template.exercise(stage))
        .map_or_else(|| stage.to_owned(), |e| e.name.clone())
}

fn matches_search(record: &CandidateRecord, snapshot: &WorkspaceSnapshot, search: &str) -> bool {
    let needle = search.trim().to_lowercase();
    needle.is_empty()
        || record.candidate.name.to_lowercase().contains(&needle)
        || role_of(snapshot, record).to_lowercase().contains(&needle)
}
