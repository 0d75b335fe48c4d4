//! What a new user sees first: an empty workspace offers a sample to look
//! around in and says what to do first; a sample workspace says it is one;
//! *Open workspace…* switches folders (typed, chosen or recent).

use std::path::{Path, PathBuf};

use super::{Command, ViewContext};

/// Whether `root` is the sample workspace's folder (named `…-sample`, as
/// the app writes it).
pub fn is_sample(root: &Path) -> bool {
    root.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with("-sample"))
}

/// The workspace folder, as far as a view knows it.
fn workspace_root<'a>(cx: &ViewContext<'a>) -> &'a Path {
    cx.templates_dir.parent().unwrap_or(cx.templates_dir)
}

/// The empty workspace's welcome, drawn where the candidate list would be.
pub fn first_run_ui(ui: &mut egui::Ui, cx: &mut ViewContext<'_>) {
    ui.add_space(8.0);
    ui.heading("No candidates yet");
    ui.label(
        "To start, add a candidate on the right and pick their role's template; \
         then open them and choose the stage you interview for",
    );
    ui.add_space(12.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_max_width(560.0);
        ui.strong("Look around first");
        ui.label(
            "A sample workspace holds made-up candidates with their scorecards, so the \
             compare table, the chart and the debriefs have something to show",
        );
        let sample = super::first_run::sample_folder(workspace_root(cx));
        ui.weak(format!(
            "Sample data, kept apart from yours in {}",
            sample.display()
        ));
        ui.add_space(4.0);
        if ui.button("Open a sample workspace").clicked() {
            cx.commands.push(Command::OpenSampleWorkspace);
        }
    });
    ui.add_space(8.0);
    ui.weak("Have a workspace already (a shared or synced folder)? Use Open workspace… at the top");
}

/// The sample's folder beside the workspace at `root`.
pub fn sample_folder(root: &Path) -> PathBuf {
    let name = root.file_name().map_or_else(
        || "scorecard".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    root.with_file_name(format!("{name}-sample"))
}

/// A line above the candidates of a sample workspace, so nobody mistakes
/// it for real interviews.
pub fn sample_banner_ui(ui: &mut egui::Ui, cx: &ViewContext<'_>) {
    if !is_sample(workspace_root(cx)) {
        return;
    }
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong("Sample data");
                ui.label(
                    "These candidates and scorecards are made up. Open workspace… at the top goes back to yours",
                );
            });
        });
    ui.add_space(4.0);
}

/// The body of the *Open workspace…* menu: a typed folder, the platform's
/// folder dialog, and the recent workspaces.
pub fn open_workspace_menu_ui(
    ui: &mut egui::Ui,
    typed: &mut String,
    recent: &[PathBuf],
    current: &Path,
) -> Option<Command> {
    let mut command = None;
    ui.set_min_width(380.0);
    ui.horizontal(|ui| {
        let label = ui.label("Folder");
        let field = ui
            .add(
                egui::TextEdit::singleline(typed)
                    .hint_text("/path/to/workspace")
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Open").clicked() || entered) && !typed.trim().is_empty() {
            command = Some(Command::OpenWorkspace(PathBuf::from(typed.trim())));
        }
    });
    if ui.button("Choose folder…").clicked() {
        command = Some(Command::ChooseWorkspaceFolder);
    }
    let others: Vec<&PathBuf> = recent.iter().filter(|p| p.as_path() != current).collect();
    if !others.is_empty() {
        ui.separator();
        ui.weak("Recent workspaces");
        for path in others {
            let text = path.display().to_string();
            let label = if is_sample(path) {
                format!("{text} (sample)")
            } else {
                text
            };
            if ui.button(label).clicked() {
                command = Some(Command::OpenWorkspace(path.clone()));
            }
        }
    }
    if command.is_some() {
        ui.close();
    }
    command
}

/// Puts `root` first in `recent`, without duplicates, keeping at most
/// eight.
pub fn remember_workspace(recent: &mut Vec<PathBuf>, root: &Path) {
    recent.retain(|p| p != root);
    recent.insert(0, root.to_path_buf());
    recent.truncate(8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_workspaces_are_unique_newest_first_and_few() {
        let mut recent = Vec::new();
        for i in 0..10 {
            remember_workspace(&mut recent, Path::new(&format!("/w/{i}")));
        }
        remember_workspace(&mut recent, Path::new("/w/5"));
        assert_eq!(recent.len(), 8);
        assert_eq!(recent[0], Path::new("/w/5"));
        assert_eq!(
            recent
                .iter()
                .filter(|p| p.as_path() == Path::new("/w/5"))
                .count(),
            1
        );
    }

    #[test]
    fn the_sample_sits_beside_the_workspace() {
        assert_eq!(
            sample_folder(Path::new("/d/Scorecard")),
            Path::new("/d/Scorecard-sample")
        );
        assert!(is_sample(&sample_folder(Path::new("/d/Scorecard"))));
    }
}
