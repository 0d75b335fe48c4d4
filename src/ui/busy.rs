//! Owns the one way a screen says it is still working: a spinner and
//! what it is doing, on one line.

/// A spinner followed by `doing` ("Computing the panel's numbers…").
pub fn busy_ui(ui: &mut egui::Ui, doing: &str) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(doing);
    });
}
