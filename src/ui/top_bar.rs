//! The bar at the top of every screen: where to go, the workspace, the
//! view settings, how the open scorecard stands with the disk, and the
//! app's messages.

use std::path::{Path, PathBuf};

use super::{Command, Problems, SaveStatus, Settings, save_indicator_ui};

/// Which screen is shown, as far as the top bar cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The candidate list.
    Home,
    /// Candidates side by side.
    Compare,
    /// The templates screen.
    Templates,
    /// The practice screen.
    Practice,
    /// The interviewer view.
    Interviewers,
    /// The openings screen.
    Openings,
    /// The validity study.
    Validity,
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
    /// Problems to read, shown one at a time, each dismissed with
    /// *Dismiss*.
    pub problems: &'a mut Problems,
    /// Workspaces opened lately, newest first.
    pub recent: &'a [PathBuf],
    /// The folder typed into *Open workspace…*.
    pub typed_workspace: &'a mut String,
    /// This computer's time zone (the setting may name another).
    pub system_zone: crate::model::LocalZone,
    /// The time of this frame.
    pub now: crate::model::Timestamp,
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
            problems,
            recent,
            typed_workspace,
            system_zone,
            now,
        } = self;
        let mut command = None;
        egui::Panel::top("top_bar").show(ui, |ui| {
            // One row, down to a 1024-px window: where to go and the
            // workspace on the left, the two view toggles and a menu of
            // the rest on the right (they never leave the window).
            ui.horizontal(|ui| {
                ui.heading("Scorecard");
                let places = [
                    (Place::Home, "Home", Command::GoHome),
                    (Place::Compare, "Compare", Command::OpenCompare),
                    (Place::Openings, "Openings", Command::OpenOpenings),
                    (Place::Templates, "Templates", Command::OpenTemplates),
                    (Place::Practice, "Practice", Command::OpenPractice),
                    (
                        Place::Interviewers,
                        "Interviewers",
                        Command::OpenInterviewers,
                    ),
                    (Place::Validity, "Validity", Command::OpenValidity),
                ];
                for (there, label, go) in places {
                    if place != there && ui.button(label).clicked() {
                        command = Some(go);
                    }
                }
                let path = workspace.display().to_string();
                ui.menu_button("Open workspace…", |ui| {
                    if let Some(open) = super::first_run::open_workspace_menu_ui(
                        ui,
                        typed_workspace,
                        recent,
                        workspace,
                    ) {
                        command = Some(open);
                    }
                })
                .response
                .on_hover_text(format!("Open now: {path}"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    // Open until a click outside it: the theme button
                    // cycles, and the user sees each theme before leaving.
                    let stays_open = egui::containers::menu::MenuConfig::new()
                        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
                    egui::containers::menu::MenuButton::new("Menu")
                        .config(stays_open)
                        .ui(ui, |ui| {
                            ui.weak(short_path(&path)).on_hover_text(path.as_str());
                            theme_button_ui(ui, &mut settings.theme);
                            ui.separator();
                            super::time_zone_setting::time_zone_ui(ui, settings, system_zone, now);
                            ui.separator();
                            if ui.button("Shortcuts (F1)").clicked() {
                                *show_help = true;
                                ui.close();
                            }
                        });
                    ui.checkbox(&mut settings.coordinator, "Coordinator view")
                        .on_hover_text("Show every panel's ratings, submitted or not");
                    ui.checkbox(&mut settings.blind, "Blind mode")
                        .on_hover_text("Replace candidates' names with stable aliases");
                    // The status takes the room between the two groups,
                    // from its left: as it grows and shrinks ("Saving…",
                    // "Saved", a spinner) nothing else moves, and a long
                    // one is cut short rather than drawn over the toggles.
                    let slot = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
                    ui.allocate_ui_with_layout(
                        slot,
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_size(slot);
                            ui.set_max_width(slot.x);
                            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                            save_indicator_ui(ui, &save);
                            if updating {
                                ui.spinner();
                                ui.add(
                                    egui::Label::new(
                                        egui::RichText::new("Updating the numbers…").weak(),
                                    )
                                    .truncate(),
                                );
                            }
                        },
                    );
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
            if let Some(text) = problems.current() {
                let waiting = problems.len() - 1;
                let mut dismissed = false;
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, crate::model::escape_line(text));
                    if waiting > 0 {
                        ui.weak(format!("({waiting} more after this one)"));
                    }
                    dismissed = ui.button("Dismiss").clicked();
                });
                if dismissed {
                    problems.dismiss();
                }
            }
        });
        command
    }
}

/// At most this many characters of the workspace's path are shown.
const PATH_SHOWN: usize = 24;

/// The end of `path`, `…` before it when cut (the whole path is on hover).
fn short_path(path: &str) -> String {
    let count = path.chars().count();
    if count <= PATH_SHOWN {
        return path.to_owned();
    }
    let tail: String = path.chars().skip(count - PATH_SHOWN).collect();
    format!("…{tail}")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_path_keeps_its_end() {
        let long = format!("/home/priya/{}/hiring", "é".repeat(40));
        let shown = short_path(&long);
        assert!(shown.starts_with('…'));
        assert!(shown.ends_with("/hiring"));
        assert_eq!(shown.chars().count(), PATH_SHOWN + 1);
        assert_eq!(short_path("/tmp/ws"), "/tmp/ws");
    }
}
