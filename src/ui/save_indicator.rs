//! The quiet "saved / saving / save failed" note in the top bar.

/// Where the scorecard being edited stands with the disk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing is being edited.
    #[default]
    Idle,
    /// Every edit is on disk.
    Saved,
    /// An edit is waiting for, or in, its write.
    Saving,
    /// The last write failed; edits stay in memory and are retried.
    Failed(String),
    /// The file changed on disk while open: nothing is written until the
    /// user chooses a version.
    Conflict,
}

/// Draws the status. It never opens a dialog: a failure is shown in place,
/// with why, and the interview goes on.
pub fn save_indicator_ui(ui: &mut egui::Ui, status: &SaveStatus) {
    match status {
        SaveStatus::Idle => {}
        SaveStatus::Saved => {
            ui.weak("Saved");
        }
        SaveStatus::Saving => {
            ui.weak("Saving…");
        }
        SaveStatus::Failed(why) => {
            // A long reason would draw over the top bar's buttons: cut it
            // short, the whole of it on hover.
            let text = crate::model::escape_line(&format!("Save failed: {why}")).into_owned();
            ui.add(
                egui::Label::new(
                    egui::RichText::new(short(&text)).color(ui.visuals().error_fg_color),
                )
                .truncate(),
            )
            .on_hover_text(text);
        }
        SaveStatus::Conflict => {
            ui.add(
                egui::Label::new(
                    egui::RichText::new("Not saved: resolve the conflict")
                        .color(ui.visuals().error_fg_color),
                )
                .truncate(),
            )
            .on_hover_text("The file changed on disk while open; choose which version to keep below the header");
        }
    }
}

/// At most this many characters of a failure fit beside the buttons.
const SHORT: usize = 60;

/// `text` cut to [`SHORT`] characters, with `…` when cut.
fn short(text: &str) -> String {
    match text.char_indices().nth(SHORT) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_failure_is_cut_on_a_character_boundary() {
        let long = "é".repeat(100);
        let cut = short(&long);
        assert_eq!(cut.chars().count(), SHORT + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(short("disk full"), "disk full");
    }
}
