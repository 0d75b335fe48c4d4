//! The bar at the top of every screen: where to go, the workspace, the
//! view settings, how the open scorecard stands with the disk, and the
//! app's messages.

use std::path::Path;

use super::{Command, SaveStatus, Settings, save_indicator_ui};

/// Which screen is shown, as far as the top bar cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The candidate list.
    Home,
    /// Candidates side by side.
    Compare,
    /// The templates screen.
    Templates,
    /// The openings screen.
    Openings,
    /// Any other screen.
    Elsewhere,
}

/// What the top bar shows and may change.
pub struct TopBar<'a> {
    /// The screen shown.
    pub place: Place,
    /// The workspace folder.
    pub workspace: &'a Path,
    /// The open scorecard's save state.
    pub save: SaveStatus,
    /// Whether the numbers on screen are being recomputed.
    pub updating: bool,
    /// Preferences the bar toggles (coordinator view, blind mode, theme).
    pub settings: &'a mut Settings,
    /// Whether the F1 overlay is open.
    pub show_help: &'a mut bool,
    /// A quiet line of good news, dismissed with *OK*.
    pub info: &'a mut Option<String>,
    /// A problem to read, dismissed with *Dismiss*.
    pub notice: &'a mut Option<String>,
}

impl TopBar<'_> {
    /// Draws the bar; returns where the user asked to go.
    pub fn ui(self, ui: &mut egui::Ui) -> Option<Command> {
        let Self {
            place,
            workspace,
            save,
            updating,
            settings,
            show_help,
            info,
            notice,
        } = self;
        let mut command = None;
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Scorecard");
                if place != Place::Home && ui.button("Home").clicked() {
                    command = Some(Command::GoHome);
                }
                if place != Place::Compare && ui.button("Compare").clicked() {
                    command = Some(Command::OpenCompare);
                }
                if place != Place::Templates && ui.button("Templates").clicked() {
                    command = Some(Command::OpenTemplates);
                }
                if place != Place::Openings && ui.button("Openings").clicked() {
                    command = Some(Command::OpenOpenings);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Shortcuts (F1)").clicked() {
                        *show_help = true;
                    }
                    ui.checkbox(&mut settings.coordinator, "Coordinator view")
                        .on_hover_text("Show every panel's ratings, submitted or not");
                    ui.checkbox(&mut settings.blind, "Blind mode")
                        .on_hover_text("Replace candidates' names with stable aliases");
                    theme_button_ui(ui, &mut settings.theme);
                    if updating {
                        ui.spinner();
                        ui.weak("Updating the numbers…");
                    }
                    save_indicator_ui(ui, &save);
                    // What room is left goes to the workspace's path.
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        let path = workspace.display().to_string();
                        ui.add(egui::Label::new(egui::RichText::new(&path).weak()).truncate())
                            .on_hover_text(path);
                    });
                });
            });
            // Long messages wrap onto more lines rather than run off the
            // window; the button follows the words.
            if let Some(text) = info.clone() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(text);
                    if ui.button("OK").clicked() {
                        *info = None;
                    }
                });
            }
            if let Some(text) = notice.clone() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                    if ui.button("Dismiss").clicked() {
                        *notice = None;
                    }
                });
            }
        });
        command
    }
}

/// Cycles System → Dark → Light.
fn theme_button_ui(ui: &mut egui::Ui, theme: &mut egui::ThemePreference) {
    let name = match theme {
        egui::ThemePreference::System => "System",
        egui::ThemePreference::Dark => "Dark",
        egui::ThemePreference::Light => "Light",
    };
    if ui.button(format!("Theme: {name}")).clicked() {
        *theme = match theme {
            egui::ThemePreference::System => egui::ThemePreference::Dark,
            egui::ThemePreference::Dark => egui::ThemePreference::Light,
            egui::ThemePreference::Light => egui::ThemePreference::System,
        };
    }
}
