//! *Interview kit…* on the templates screen: pick a stage and a format, type
//! where to write it (or choose a file), and the app writes the kit through
//! the I/O worker by the export-target rules.

use std::path::PathBuf;

use super::{Command, ViewContext};
use crate::export::Format;
use crate::model::Template;

/// The kit form under a template's preview.
#[derive(Clone, Debug, PartialEq)]
pub struct KitPanel {
    /// An exercise id, or `""` for a general interview.
    pub stage: String,
    /// HTML or Markdown.
    pub format: Format,
    /// Typed path, the keyboard alternative to the file dialog.
    pub path: String,
}

impl Default for KitPanel {
    fn default() -> Self {
        Self {
            stage: String::new(),
            format: Format::Html,
            path: String::new(),
        }
    }
}

impl KitPanel {
    /// A form on `template`'s first stage.
    pub fn new(template: &Template) -> Self {
        Self {
            stage: template
                .exercises
                .first()
                .map(|e| e.id.to_string())
                .unwrap_or_default(),
            ..Self::default()
        }
    }

    /// Draws the form; returns `true` when the user closes it.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>, template: &Template) -> bool {
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong("Interview kit");
            ui.weak("One stage's prep sheet to print: anchors, questions, signals, red flags and room for notes");
            ui.horizontal(|ui| {
                let label = ui.label("Stage");
                let stage_name = |id: &str| {
                    template
                        .exercise(id)
                        .map_or_else(|| "general interview (every dimension)".to_owned(), |e| {
                            format!("{} ({} min)", e.name, e.minutes)
                        })
                };
                egui::ComboBox::from_id_salt("kit_stage")
                    .selected_text(stage_name(&self.stage))
                    .width(320.0)
                    .show_ui(ui, |ui| {
                        for e in &template.exercises {
                            ui.selectable_value(&mut self.stage, e.id.to_string(), stage_name(e.id.as_str()));
                        }
                        ui.selectable_value(&mut self.stage, String::new(), stage_name(""));
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                ui.label("Format");
                for choice in [Format::Html, Format::Markdown] {
                    ui.selectable_value(&mut self.format, choice, choice.extension());
                }
            });
            let suggested = format!(
                "kit-{}{}{}.{}",
                template.id,
                if self.stage.is_empty() { "" } else { "-" },
                self.stage,
                self.format.extension()
            );
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Save to");
                ui.add(
                    egui::TextEdit::singleline(&mut self.path)
                        .hint_text(format!("/path/to/{suggested}"))
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                if ui.button("Choose file…").clicked() {
                    cx.commands.push(Command::ChooseExportPath { suggested });
                }
                if ui.button("Write kit").clicked() {
                    cx.commands.push(Command::WriteKit {
                        template: template.id.clone(),
                        stage: self.stage.clone(),
                        format: self.format,
                        path: PathBuf::from(self.path.trim()),
                    });
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
        });
        close
    }
}
