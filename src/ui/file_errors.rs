//! The list of files that could not be read.

use crate::io::FileError;

/// Lists broken files with their `path:line:col: message`, so the user can
/// open them in an editor; nothing here changes them.
pub fn file_errors_ui(ui: &mut egui::Ui, errors: &[FileError]) {
    if errors.is_empty() {
        return;
    }
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "{} file(s) could not be read and are left as they are",
            errors.len()
        ),
    );
    for error in errors {
        ui.label(egui::RichText::new(error.to_string()).monospace());
    }
}
