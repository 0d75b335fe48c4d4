//! The F1 list of keyboard shortcuts.

use super::UiCommand;

/// Shows the shortcut list in a modal while `open`; F1, Esc, a click outside
/// or the close button hides it.
pub fn help_overlay_ui(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("keyboard_shortcuts")).show(ctx, |ui| {
        ui.heading("Keyboard shortcuts");
        ui.add_space(4.0);
        egui::Grid::new("shortcut_rows")
            .num_columns(2)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for (keys, what) in UiCommand::help_rows(ctx) {
                    ui.strong(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.button("Close").clicked()
    });
    if modal.inner || modal.should_close() {
        *open = false;
    }
}
