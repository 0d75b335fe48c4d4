//! Preferences that survive a restart.

use serde::{Deserialize, Serialize};

/// Persisted with eframe's storage; new fields need `#[serde(default)]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Who is interviewing on this machine, as it goes into scorecards.
    pub interviewer: String,
    /// Dark, light, or follow the system.
    pub theme: egui::ThemePreference,
}
