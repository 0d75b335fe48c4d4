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
            ui.colored_label(ui.visuals().error_fg_color, format!("Save failed: {why}"));
        }
    }
}
