//! The list of files that could not be read, or that name what the
//! workspace does not have.

use crate::io::FileError;
use crate::model::escape_line;

/// At most this many problems are drawn one by one; the rest are counted.
/// Each drawn line keeps a laid-out text (tens of KiB) in egui's caches:
/// 100,000 broken files drawn in full took the app to 4.2 GiB
/// (BENCHMARKS.md, "Many broken files").
pub const MAX_PROBLEMS_SHOWN: usize = 200;

/// Lists broken files with their `path:line:col: message`, so the user can
/// open them in an editor; nothing here changes them. `references` of the
/// `errors` are about references between files (an unknown opening, say):
/// those files are read and their scorecards count, and the heading says
/// so. Past [`MAX_PROBLEMS_SHOWN`], the rest are counted, not drawn.
pub fn file_errors_ui(ui: &mut egui::Ui, errors: &[FileError], references: usize) {
    if errors.is_empty() {
        return;
    }
    let unread = errors.len().saturating_sub(references);
    let warn = ui.visuals().warn_fg_color;
    if unread > 0 {
        ui.colored_label(
            warn,
            format!("{unread} file(s) could not be read and are left as they are"),
        );
    }
    if references > 0 {
        ui.colored_label(
            warn,
            format!(
                "{references} file(s) name an opening, template or stage this workspace does not have; they are read and their scorecards count"
            ),
        );
    }
    for error in errors.iter().take(MAX_PROBLEMS_SHOWN) {
        ui.label(egui::RichText::new(escape_line(&error.to_string())).monospace());
    }
    more_not_shown_ui(ui, errors.len());
}

/// "… and 99,800 more", under a list cut at [`MAX_PROBLEMS_SHOWN`].
pub fn more_not_shown_ui(ui: &mut egui::Ui, total: usize) {
    if let Some(more) = total.checked_sub(MAX_PROBLEMS_SHOWN).filter(|&n| n > 0) {
        ui.weak(format!(
            "… and {more} more, not shown here (`scorecard summary --format json` lists every one)"
        ));
    }
}
