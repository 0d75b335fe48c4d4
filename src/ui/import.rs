//! The import screen: calendar invites or an ATS's candidates, from a file
//! typed, chosen or dropped on the window; a preview table of what will be
//! created, moved, cancelled and what did not match; then *Apply* (DESIGN.md
//! "In and out"). The reading and the writing run on the worker: this view
//! shows the [`ImportPreview`] it made and emits commands.

use std::path::PathBuf;

use super::busy::busy_ui;
use super::{Command, ViewContext};
use crate::model::{Escape, OpeningStatus, Slug, escape, escape_line};

/// What is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Interviews from calendar invites (`.ics`).
    Invites,
    /// Candidates from an ATS export (`.csv`), for one opening.
    Candidates,
}

impl ImportKind {
    /// The kind a dropped file's name says, if any.
    pub fn of_file(path: &std::path::Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "ics" | "ical" | "ifb" => Some(ImportKind::Invites),
            "csv" | "tsv" | "txt" => Some(ImportKind::Candidates),
            _ => None,
        }
    }

    fn title(self) -> &'static str {
        match self {
            ImportKind::Invites => "Import invites",
            ImportKind::Candidates => "Import candidates",
        }
    }

    fn what(self) -> &'static str {
        match self {
            ImportKind::Invites => {
                "A calendar file (.ics) exported from Google Calendar, Outlook, Apple Calendar \
                 or Thunderbird, or an invite saved from a mail. Each interview becomes a planned \
                 interview of its candidate, at its stage, for each interviewer invited."
            }
            ImportKind::Candidates => {
                "A CSV exported from your ATS (Greenhouse, Lever, Ashby …): one candidate per \
                 row, with a name (or first and last name), and optionally an email and the \
                 ATS's id. The candidates join the opening chosen below."
            }
        }
    }
}

/// What one preview row does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// A new plan entry or candidate.
    Create,
    /// A planned interview at a new time.
    Move,
    /// A planned interview removed.
    Cancel,
    /// Cancelled in the calendar, but a scorecard exists: kept.
    Keep,
    /// Already as the file says.
    Unchanged,
    /// Not matched: nothing is done with it.
    Unmatched,
}

impl RowAction {
    /// Words for the table.
    pub fn label(self) -> &'static str {
        match self {
            RowAction::Create => "create",
            RowAction::Move => "move",
            RowAction::Cancel => "cancel",
            RowAction::Keep => "kept (scored)",
            RowAction::Unchanged => "unchanged",
            RowAction::Unmatched => "not matched",
        }
    }

    /// Whether applying changes something for this row.
    pub fn changes(self) -> bool {
        matches!(
            self,
            RowAction::Create | RowAction::Move | RowAction::Cancel
        )
    }
}

/// What an import would do, as the worker found it: a headline, the
/// table's columns and one row per event or candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The file read.
    pub file: PathBuf,
    /// "3 to create, 1 to move, …".
    pub headline: String,
    /// Notes above the table (which column was taken for the name …).
    pub notes: Vec<String>,
    /// The column titles after the first (which is the change).
    pub columns: Vec<&'static str>,
    /// The rows: what each does, and its cells.
    pub rows: Vec<(RowAction, Vec<String>)>,
}

impl ImportPreview {
    /// How many rows change something.
    pub fn changes(&self) -> usize {
        self.rows.iter().filter(|(a, _)| a.changes()).count()
    }
}

/// Where an import stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ImportState {
    /// No file read yet.
    #[default]
    Idle,
    /// The worker reads the file.
    Reading,
    /// What applying would do.
    Preview(ImportPreview),
    /// The file could not be read or matched: why (`path:line:col: …`).
    Failed(String),
    /// Some of several invite files cannot be read: each named, one a
    /// line (`path:line:col: …`). The user may preview the others.
    BrokenFiles(String),
    /// The worker writes the changes.
    Applying,
    /// Written: what was done.
    Applied(String),
}

/// The import screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportScreen {
    /// Invites or candidates.
    pub kind: ImportKind,
    /// The file (or, for invites, a folder of them), as typed or chosen.
    pub path: String,
    /// Several files dropped at once (then `path` is not used).
    pub dropped: Vec<PathBuf>,
    /// The opening candidates join.
    pub opening: Option<Slug>,
    /// Where the import stands.
    pub state: ImportState,
    /// A file was chosen or dropped: preview it at the next frame.
    pub preview_requested: bool,
    /// The user chose to leave out the invite files that cannot be read.
    pub skip_broken: bool,
}

impl ImportScreen {
    /// An import of `kind`, no file yet.
    pub fn new(kind: ImportKind) -> Self {
        Self {
            kind,
            path: String::new(),
            dropped: Vec::new(),
            opening: None,
            state: ImportState::Idle,
            preview_requested: false,
            skip_broken: false,
        }
    }

    /// An import of the files dropped on the window, previewed at once
    /// when it needs nothing more.
    pub fn of_files(kind: ImportKind, files: &[PathBuf]) -> Self {
        let mut screen = Self::new(kind);
        match files {
            [one] => screen.path = one.display().to_string(),
            several => screen.dropped = several.to_vec(),
        }
        screen.preview_requested = true;
        screen
    }

    /// The files to read: those dropped, else the one typed.
    fn files(&self) -> Vec<PathBuf> {
        if self.dropped.is_empty() {
            vec![PathBuf::from(self.path.trim())]
        } else {
            self.dropped.clone()
        }
    }

    fn has_file(&self) -> bool {
        !self.dropped.is_empty() || !self.path.trim().is_empty()
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(self.kind.title());
            ui.label(self.kind.what());
            ui.add_space(6.0);
            let mut preview = std::mem::take(&mut self.preview_requested);
            if !self.dropped.is_empty() {
                let names: Vec<String> = self
                    .dropped
                    .iter()
                    .map(|p| {
                        p.file_name().map_or_else(
                            || p.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        )
                    })
                    .collect();
                ui.label(format!(
                    "{} files dropped: {}",
                    names.len(),
                    names.join(", ")
                ));
            }
            ui.horizontal(|ui| {
                let label = ui.label(match self.kind {
                    ImportKind::Invites => "File or folder",
                    ImportKind::Candidates => "File",
                });
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path)
                            .hint_text(match self.kind {
                                ImportKind::Invites => "/path/to/invites.ics",
                                ImportKind::Candidates => "/path/to/candidates.csv",
                            })
                            .desired_width(420.0),
                    )
                    .labelled_by(label.id);
                if field.changed() {
                    self.dropped.clear();
                    self.skip_broken = false;
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    preview = true;
                }
                if ui.button("Choose file…").clicked() {
                    cx.commands.push(Command::ChooseImportFile(self.kind));
                }
            });
            if self.kind == ImportKind::Candidates {
                self.opening_ui(ui, cx);
            }
            ui.weak("Or drop the file on the window.");
            let busy = matches!(self.state, ImportState::Reading | ImportState::Applying);
            ui.horizontal(|ui| {
                let ready =
                    self.has_file() && (self.kind == ImportKind::Invites || self.opening.is_some());
                if ui
                    .add_enabled(ready && !busy, egui::Button::new("Preview"))
                    .clicked()
                {
                    preview = true;
                }
            });
            if preview && !busy {
                if !self.has_file() {
                    self.state = ImportState::Failed("Type the file's path, or choose it".into());
                } else if self.kind == ImportKind::Candidates && self.opening.is_none() {
                    self.state =
                        ImportState::Failed("Choose the opening the candidates are for".into());
                } else {
                    self.state = ImportState::Reading;
                    cx.commands.push(Command::PreviewImport {
                        kind: self.kind,
                        files: self.files(),
                        opening: self.opening.clone(),
                        skip_broken: self.skip_broken,
                    });
                }
            }
            ui.separator();
            self.state_ui(ui, cx);
        });
    }

    fn opening_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>) {
        let open: Vec<(Slug, String)> = cx
            .snapshot
            .openings()
            .iter()
            .filter(|o| o.opening.status == OpeningStatus::Open)
            .map(|o| {
                let title = escape_line(&o.opening.title).into_owned();
                (o.opening.id.clone(), title)
            })
            .collect();
        if self.opening.is_none() && open.len() == 1 {
            self.opening = open.first().map(|(id, _)| id.clone());
        }
        ui.horizontal(|ui| {
            let label = ui.label("For opening");
            if open.is_empty() {
                ui.weak("No open opening yet: add one on the Openings screen first");
                return;
            }
            let title = self
                .opening
                .as_ref()
                .and_then(|id| open.iter().find(|(o, _)| o == id))
                .map_or_else(|| "Choose…".to_owned(), |(_, t)| t.clone());
            egui::ComboBox::from_id_salt("import_opening")
                .selected_text(title)
                .width(320.0)
                .show_ui(ui, |ui| {
                    for (id, title) in &open {
                        ui.selectable_value(&mut self.opening, Some(id.clone()), title);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }

    fn state_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
        match &self.state {
            ImportState::Idle => {}
            ImportState::Reading => {
                busy_ui(ui, "Reading the file…");
            }
            ImportState::Applying => {
                busy_ui(ui, "Writing the changes…");
            }
            ImportState::Failed(message) => {
                ui.colored_label(ui.visuals().error_fg_color, escape(message, Escape::Text));
                ui.label("Nothing was changed.");
            }
            ImportState::BrokenFiles(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
                ui.label("Nothing was changed.");
                if ui
                    .button("Skip the broken files and preview the rest")
                    .clicked()
                {
                    self.skip_broken = true;
                    self.preview_requested = true;
                }
            }
            ImportState::Applied(message) => {
                ui.label(escape(message, Escape::Text));
                if ui.button("Back to Home").clicked() {
                    cx.commands.push(Command::GoHome);
                }
            }
            ImportState::Preview(preview) => {
                ui.strong(escape_line(&preview.headline));
                for note in &preview.notes {
                    ui.weak(escape_line(note));
                }
                let changes = preview.changes();
                ui.horizontal(|ui| {
                    let apply = ui.add_enabled(changes > 0, egui::Button::new("Apply"));
                    if apply.clicked() {
                        cx.commands.push(Command::ApplyImport);
                    }
                    if changes == 0 {
                        ui.weak("Nothing to change: the workspace already holds all of it.");
                    }
                });
                ui.add_space(4.0);
                preview_table_ui(ui, preview);
            }
        }
    }
}

/// The preview, one row per event or candidate; only the rows on screen
/// are laid out (10,000 events scroll as smoothly as ten).
fn preview_table_ui(ui: &mut egui::Ui, preview: &ImportPreview) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = egui_extras::TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(egui_extras::Column::auto().at_least(90.0));
    for _ in &preview.columns {
        table = table.column(egui_extras::Column::auto().at_least(80.0).clip(true));
    }
    table
        .column(egui_extras::Column::remainder())
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.strong("Change");
            });
            for title in &preview.columns {
                header.col(|ui| {
                    ui.strong(*title);
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(row_height, preview.rows.len(), |mut row| {
                let Some((action, cells)) = preview.rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    let text = egui::RichText::new(action.label());
                    let text = match action {
                        RowAction::Unmatched => text.color(ui.visuals().warn_fg_color),
                        RowAction::Cancel => text.color(ui.visuals().error_fg_color),
                        RowAction::Create | RowAction::Move => text.strong(),
                        RowAction::Keep | RowAction::Unchanged => text.weak(),
                    };
                    ui.label(text);
                });
                for cell in cells {
                    row.col(|ui| {
                        ui.label(escape_line(cell));
                    });
                }
                row.col(|_| {});
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_file_says_its_kind_by_its_extension() {
        let kind = |name: &str| ImportKind::of_file(std::path::Path::new(name));
        assert_eq!(kind("/tmp/Invite.ICS"), Some(ImportKind::Invites));
        assert_eq!(kind("export.csv"), Some(ImportKind::Candidates));
        assert_eq!(kind("notes.ron"), None);
        assert_eq!(kind("README"), None);
    }
}
