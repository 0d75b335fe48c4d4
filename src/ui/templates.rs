//! The templates screen: every template in effect with where it comes from,
//! broken template files with their errors, a preview as an interviewer
//! sees it, and a form to edit or clone one into the workspace.

use egui::RichText;

use super::evidence::Evidence;
use super::reliability_chart::reliability_ui;
use super::theme::rating_color;
use super::{Command, KitPanel, ViewContext, file_errors_ui};
use crate::io::{TemplateEntry, TemplateSource};
use crate::model::{
    Dimension, Escape, Exercise, FormatVersion, Rating, Slug, Template, escape, escape_line,
};

/// State of the templates screen.
#[derive(Clone, Debug, Default)]
pub struct TemplatesScreen {
    /// The template previewed.
    pub selected: Option<Slug>,
    /// The form, while editing.
    pub editor: Option<TemplateEditor>,
    /// The interview kit form, while open.
    pub kit: Option<KitPanel>,
    /// Filter over the list.
    pub filter: String,
}

/// A template being edited, as text fields (lists one item per line).
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateEditor {
    /// Id; the file is `templates/<id>.ron` in the workspace.
    pub id: String,
    /// Version; raise it when the anchors change meaning.
    pub version: u32,
    /// Role title.
    pub role: String,
    /// Level.
    pub level: String,
    /// One sentence.
    pub summary: String,
    /// Dimensions.
    pub dimensions: Vec<DimensionDraft>,
    /// Exercises.
    pub exercises: Vec<ExerciseDraft>,
    /// Red flags, one per line.
    pub red_flags: String,
    /// What stops the last save, one message per problem.
    pub problems: Vec<String>,
}

/// A dimension in the form.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionDraft {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Weight.
    pub weight: f64,
    /// Must-have.
    pub must_have: bool,
    /// Below anchor.
    pub below: String,
    /// Meets anchor.
    pub meets: String,
    /// Exceeds anchor.
    pub exceeds: String,
    /// Questions, one per line.
    pub questions: String,
    /// Strong signals, one per line.
    pub strong_signals: String,
    /// Weak signals, one per line.
    pub weak_signals: String,
}

/// An exercise in the form.
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseDraft {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Time box.
    pub minutes: u32,
    /// Dimension ids, separated by commas.
    pub dimensions: String,
    /// Brief.
    pub brief: String,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl TemplateEditor {
    /// A form holding `template`, saved under `id`.
    pub fn from_template(template: &Template, id: String) -> Self {
        Self {
            id,
            version: template.version,
            role: template.role.clone(),
            level: template.level.clone(),
            summary: template.summary.clone(),
            dimensions: template
                .dimensions
                .iter()
                .map(|d| DimensionDraft {
                    id: d.id.to_string(),
                    name: d.name.clone(),
                    weight: d.weight,
                    must_have: d.must_have,
                    below: d.below.clone(),
                    meets: d.meets.clone(),
                    exceeds: d.exceeds.clone(),
                    questions: d.questions.join("\n"),
                    strong_signals: d.strong_signals.join("\n"),
                    weak_signals: d.weak_signals.join("\n"),
                })
                .collect(),
            exercises: template
                .exercises
                .iter()
                .map(|e| ExerciseDraft {
                    id: e.id.to_string(),
                    name: e.name.clone(),
                    minutes: e.minutes,
                    dimensions: e
                        .dimensions
                        .iter()
                        .map(Slug::as_str)
                        .collect::<Vec<_>>()
                        .join(", "),
                    brief: e.brief.clone(),
                })
                .collect(),
            red_flags: template.red_flags.join("\n"),
            problems: Vec::new(),
        }
    }

    /// The template the form describes, or every problem it has (the same
    /// rules as a template file).
    pub fn build(&self) -> Result<Template, Vec<String>> {
        let mut problems = Vec::new();
        let mut slug = |what: &str, text: &str| match Slug::new(text.trim()) {
            Ok(slug) => Some(slug),
            Err(err) => {
                problems.push(format!("{what}: {err}"));
                None
            }
        };
        let id = slug("template id", &self.id);
        let dimensions: Vec<Dimension> = self
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                Some(Dimension {
                    id: slug(&format!("dimension {} id", i + 1), &d.id)?,
                    name: d.name.trim().to_owned(),
                    weight: d.weight,
                    must_have: d.must_have,
                    meets: d.meets.trim().to_owned(),
                    exceeds: d.exceeds.trim().to_owned(),
                    below: d.below.trim().to_owned(),
                    questions: lines(&d.questions),
                    strong_signals: lines(&d.strong_signals),
                    weak_signals: lines(&d.weak_signals),
                })
            })
            .collect();
        let exercises: Vec<Exercise> = self
            .exercises
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let ids = e
                    .dimensions
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .filter_map(|s| slug(&format!("exercise {} dimensions", i + 1), s))
                    .collect();
                Some(Exercise {
                    id: slug(&format!("exercise {} id", i + 1), &e.id)?,
                    name: e.name.trim().to_owned(),
                    minutes: e.minutes,
                    dimensions: ids,
                    brief: e.brief.trim().to_owned(),
                })
            })
            .collect();
        let Some(id) = id else {
            return Err(problems);
        };
        let template = Template {
            format: FormatVersion::CURRENT,
            id,
            version: self.version,
            role: self.role.trim().to_owned(),
            level: self.level.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            dimensions,
            exercises,
            red_flags: lines(&self.red_flags),
        };
        problems.extend(template.problems().into_iter().map(|p| {
            let at = p.path.to_string();
            if at.is_empty() {
                p.message
            } else {
                format!("{at}: {}", p.message)
            }
        }));
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(problems)
        }
    }
}

impl TemplatesScreen {
    /// Draws the screen; `evidence` gives the previewed template's panel
    /// reliability (`None` while built).
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, evidence: Option<&Evidence>) {
        egui::Panel::left("template_list")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.list_ui(ui, cx));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                if let Some(editor) = &mut self.editor {
                    if editor_ui(ui, editor, cx) {
                        self.editor = None;
                    }
                    return;
                }
                let entry = self
                    .selected
                    .as_ref()
                    .and_then(|id| cx.snapshot.templates().get(id.as_str()))
                    .cloned();
                match entry {
                    Some(entry) => self.preview_ui(ui, cx, &entry, evidence),
                    None => {
                        ui.label("Pick a template on the left to preview it");
                    }
                }
            });
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        ui.heading("Templates");
        ui.weak("Shipped ones are built in; a workspace file with the same id replaces one");
        super::template_picker::filter_field_ui(ui, &mut self.filter);
        let groups = super::grouped(cx.snapshot.templates(), &self.filter);
        if groups.is_empty() {
            ui.weak("No template matches");
        }
        for (family, entries) in groups {
            ui.add_space(4.0);
            ui.label(RichText::new(family).small().strong());
            for entry in entries {
                let t = &entry.template;
                let source = match &entry.source {
                    TemplateSource::Shipped => "shipped".to_owned(),
                    TemplateSource::File(_) => "workspace".to_owned(),
                };
                let selected = self.selected.as_ref() == Some(&t.id);
                let text = escape_line(&format!("{} ({}), {source}", t.role, t.level)).into_owned();
                if ui.selectable_label(selected, text).clicked() {
                    self.selected = Some(t.id.clone());
                    self.editor = None;
                    self.kit = None;
                }
            }
        }
        let errors: Vec<_> = cx
            .snapshot
            .errors()
            .iter()
            .filter(|e| e.path.starts_with(cx.templates_dir) || e.path.starts_with("scorecards"))
            .cloned()
            .collect();
        if !errors.is_empty() {
            ui.separator();
            file_errors_ui(ui, &errors, 0);
            ui.weak("The last good version of each stays in use until the file is fixed");
        }
    }

    fn preview_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewContext<'_>,
        entry: &TemplateEntry,
        evidence: Option<&Evidence>,
    ) {
        let t = &entry.template;
        ui.horizontal(|ui| {
            ui.heading(escape_line(&t.role));
            ui.label(escape_line(&format!(
                "{} · v{} · {}",
                t.level,
                t.version,
                entry.source.describe()
            )));
        });
        ui.horizontal(|ui| {
            if matches!(entry.source, TemplateSource::File(_)) && ui.button("Edit").clicked() {
                self.editor = Some(TemplateEditor::from_template(t, t.id.to_string()));
            }
            if ui.button("Clone into the workspace").clicked() {
                let mut editor = TemplateEditor::from_template(t, format!("{}-custom", t.id));
                editor.role = format!("{} (custom)", t.role);
                self.editor = Some(editor);
            }
            if ui.button("Interview kit…").clicked() {
                self.kit = Some(KitPanel::new(t));
            }
        });
        if let Some(kit) = &mut self.kit
            && kit.ui(ui, cx, t)
        {
            self.kit = None;
        }
        if !t.summary.is_empty() {
            ui.label(escape(&t.summary, Escape::Text));
        }
        ui.separator();
        match evidence.map(|e| e.reliability.template(t.id.as_str())) {
            None => super::busy_ui(ui, "Computing the panel's reliability…"),
            Some(Some(figures)) => reliability_ui(ui, figures, "templates"),
            Some(None) => {
                ui.label("Panel reliability: no candidate of this template has a submitted scorecard yet");
            }
        }
        let dark = ui.visuals().dark_mode;
        for d in &t.dimensions {
            ui.separator();
            ui.horizontal(|ui| {
                ui.strong(escape_line(&d.name));
                ui.weak(format!(
                    "weight {}{}",
                    d.weight,
                    if d.must_have { ", must-have" } else { "" }
                ));
            });
            for (title, rating, text) in [
                ("Below", Rating::DoesNotMeet, &d.below),
                ("Meets", Rating::Meets, &d.meets),
                ("Exceeds", Rating::Exceeds, &d.exceeds),
            ] {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(title).color(rating_color(rating, dark)));
                    ui.label(escape(text, Escape::Text));
                });
            }
            for q in &d.questions {
                ui.label(escape(&format!("• {q}"), Escape::Text));
            }
        }
        if !t.exercises.is_empty() {
            ui.separator();
            ui.strong("Exercises");
            for e in &t.exercises {
                let line = format!("{} ({} min): {}", e.name, e.minutes, e.brief);
                ui.label(escape(&line, Escape::Text));
            }
        }
        if !t.red_flags.is_empty() {
            ui.separator();
            ui.strong("Red flags");
            for f in &t.red_flags {
                ui.label(format!("• {f}"));
            }
        }
    }
}

/// A labelled single-line field.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(420.0))
            .labelled_by(l.id);
    });
}

/// A labelled multi-line field.
fn area(ui: &mut egui::Ui, label: &str, text: &mut String) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(l.id);
}

/// The form; returns whether it should close.
fn editor_ui(ui: &mut egui::Ui, e: &mut TemplateEditor, cx: &mut ViewContext<'_>) -> bool {
    ui.heading("Edit template");
    ui.weak("Saved as templates/<id>.ron in the workspace; the same id as a shipped template replaces it");
    field(ui, "Template id", &mut e.id);
    field(ui, "Role", &mut e.role);
    field(ui, "Level", &mut e.level);
    field(ui, "Summary", &mut e.summary);
    ui.horizontal(|ui| {
        ui.add(
            egui::DragValue::new(&mut e.version)
                .range(1..=9999)
                .prefix("Version "),
        );
    });
    let mut remove = None;
    for (i, d) in e.dimensions.iter_mut().enumerate() {
        let n = i + 1;
        egui::CollapsingHeader::new(format!("Dimension {n}: {}", d.name))
            .id_salt(("dimension_form", i))
            .show(ui, |ui| {
                field(ui, &format!("Dimension {n} id"), &mut d.id);
                field(ui, &format!("Dimension {n} name"), &mut d.name);
                ui.horizontal(|ui| {
                    ui.add(
                        egui::DragValue::new(&mut d.weight)
                            .speed(0.1)
                            .range(0.1..=10.0)
                            .prefix(format!("Dimension {n} weight ")),
                    );
                    ui.checkbox(&mut d.must_have, format!("Dimension {n} is a must-have"));
                });
                area(ui, &format!("Dimension {n} below"), &mut d.below);
                area(ui, &format!("Dimension {n} meets"), &mut d.meets);
                area(ui, &format!("Dimension {n} exceeds"), &mut d.exceeds);
                area(
                    ui,
                    &format!("Dimension {n} questions, one per line"),
                    &mut d.questions,
                );
                area(
                    ui,
                    &format!("Dimension {n} strong signals, one per line"),
                    &mut d.strong_signals,
                );
                area(
                    ui,
                    &format!("Dimension {n} weak signals, one per line"),
                    &mut d.weak_signals,
                );
                if ui.button(format!("Remove dimension {n}")).clicked() {
                    remove = Some(i);
                }
            });
    }
    if let Some(i) = remove {
        e.dimensions.remove(i);
    }
    if ui.button("Add a dimension").clicked() {
        let n = e.dimensions.len() + 1;
        e.dimensions.push(DimensionDraft {
            id: format!("dimension-{n}"),
            name: format!("Dimension {n}"),
            weight: 1.0,
            must_have: false,
            below: String::new(),
            meets: String::new(),
            exceeds: String::new(),
            questions: String::new(),
            strong_signals: String::new(),
            weak_signals: String::new(),
        });
    }
    let mut remove = None;
    for (i, x) in e.exercises.iter_mut().enumerate() {
        let n = i + 1;
        egui::CollapsingHeader::new(format!("Exercise {n}: {}", x.name))
            .id_salt(("exercise_form", i))
            .show(ui, |ui| {
                field(ui, &format!("Exercise {n} id"), &mut x.id);
                field(ui, &format!("Exercise {n} name"), &mut x.name);
                ui.add(
                    egui::DragValue::new(&mut x.minutes)
                        .range(1..=600)
                        .prefix(format!("Exercise {n} minutes ")),
                );
                field(
                    ui,
                    &format!("Exercise {n} dimension ids, comma separated"),
                    &mut x.dimensions,
                );
                area(ui, &format!("Exercise {n} brief"), &mut x.brief);
                if ui.button(format!("Remove exercise {n}")).clicked() {
                    remove = Some(i);
                }
            });
    }
    if let Some(i) = remove {
        e.exercises.remove(i);
    }
    if ui.button("Add an exercise").clicked() {
        let n = e.exercises.len() + 1;
        e.exercises.push(ExerciseDraft {
            id: format!("exercise-{n}"),
            name: format!("Exercise {n}"),
            minutes: 45,
            dimensions: String::new(),
            brief: String::new(),
        });
    }
    area(ui, "Red flags, one per line", &mut e.red_flags);
    ui.add_space(8.0);
    let mut close = false;
    ui.horizontal(|ui| {
        if ui.button("Save to workspace").clicked() {
            match e.build() {
                Ok(template) => {
                    e.problems.clear();
                    cx.commands.push(Command::SaveTemplate(Box::new(template)));
                    close = true;
                }
                Err(problems) => e.problems = problems,
            }
        }
        if ui.button("Cancel").clicked() {
            close = true;
        }
    });
    if !e.problems.is_empty() {
        ui.colored_label(ui.visuals().error_fg_color, "Not saved:");
        for p in &e.problems {
            ui.label(format!("• {p}"));
        }
    }
    close
}
