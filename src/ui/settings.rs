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
    /// Candidates' names replaced by stable aliases on every screen and in
    /// exports.
    pub blind: bool,
    /// Show every panel's ratings, submitted or not (for coordinators who
    /// do not interview).
    pub coordinator: bool,
    /// Workspaces opened lately, newest first (the *Open workspace…* menu).
    pub recent_workspaces: Vec<std::path::PathBuf>,
    /// The time zone times are shown and typed in, by IANA name; empty:
    /// this computer's (`TZ`, else the system's setting).
    pub time_zone: String,
}
