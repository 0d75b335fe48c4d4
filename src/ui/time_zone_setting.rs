//! The time zone setting (in the top bar's *Menu*): times on screen are
//! shown in this computer's zone unless the user names another, as a
//! traveller or a coordinator planning for another office does.

use super::Settings;
use crate::model::{LocalZone, Timestamp};

/// How many zone names are offered under the field.
const OFFERED: usize = 6;

impl Settings {
    /// The zone times are shown and typed in: the one named in the
    /// settings when it is a zone, else `system`.
    pub fn zone(&self, system: LocalZone) -> LocalZone {
        let named = self.time_zone.trim();
        if named.is_empty() {
            return system;
        }
        LocalZone::named(named).unwrap_or(system)
    }
}

/// Draws the setting: the zone's name typed (zones whose names hold what
/// is typed offered under it), what is in effect, and the way back to
/// this computer's zone.
pub fn time_zone_ui(ui: &mut egui::Ui, settings: &mut Settings, system: LocalZone, now: Timestamp) {
    let label = ui.label("Time zone");
    ui.add(
        egui::TextEdit::singleline(&mut settings.time_zone)
            .hint_text(system.name())
            .desired_width(200.0),
    )
    .labelled_by(label.id);
    let typed = settings.time_zone.trim().to_owned();
    let in_effect = settings.zone(system);
    if !typed.is_empty() && LocalZone::named(&typed).is_err() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("No zone is called \u{201c}{typed}\u{201d}: showing {system}"),
        );
        let wanted = typed.to_lowercase().replace(' ', "_");
        let offered: Vec<&str> = LocalZone::all_names()
            .filter(|name| name.to_lowercase().contains(&wanted))
            .take(OFFERED)
            .collect();
        for name in offered {
            if ui.button(name).clicked() {
                name.clone_into(&mut settings.time_zone);
            }
        }
    }
    ui.weak(format!(
        "Times read in {in_effect} ({}): now {}",
        in_effect.short_name(now),
        in_effect.moment(now, now)
    ));
    if !typed.is_empty()
        && ui
            .button(format!("Use this computer's zone ({system})"))
            .clicked()
    {
        settings.time_zone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_zone_wins_when_it_is_one() {
        let system = LocalZone::named("Europe/Berlin").unwrap();
        let mut settings = Settings::default();
        assert_eq!(settings.zone(system), system);
        settings.time_zone = "asia/tokyo".to_owned();
        assert_eq!(settings.zone(system).name(), "Asia/Tokyo");
        settings.time_zone = "Mars".to_owned();
        assert_eq!(settings.zone(system), system);
    }
}
