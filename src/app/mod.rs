//! The desktop app: the event loop that applies the views' commands, and the
//! worker that does their I/O.

mod aggregates;
mod autosave;
mod changed_candidates;
mod clock;
mod command_handling;
mod debrief_cache;
mod desktop;
mod edit_session;
mod editing;
mod evidence_builds;
mod frame;
mod frame_stats;
mod import_preview;
mod importing;
mod io_worker;
mod latest_worker;
mod live_updates;
pub mod logging;
mod memory_trim;
mod open_workspace;
mod practice_results;
mod reference_checks;
mod reminders;
mod reminding;
mod sample;
mod scorecard_app;
mod screen;
mod screen_builds;
mod sessions;
mod summary_worker;
#[cfg(test)]
mod test_workspace;
mod validity_build;
mod worker_reports;

use std::process::ExitCode;

pub use clock::{Clock, FixedClock, SystemClock};
pub use desktop::{Desktop, DesktopCall, DesktopError, RecordingDesktop, SystemDesktop};
pub use edit_session::{EditSession, Phase};
pub use frame_stats::{FRAME_STATS_VAR, FrameStats};
pub use scorecard_app::{AppOptions, ScorecardApp};
pub use screen::Screen;

use crate::io::Workspace;

/// The app's id on the desktop, in reverse-DNS form: the window's app id
/// (Wayland) and class (X11), the desktop entry's file name and
/// `StartupWMClass`, the AppStream metainfo's id.
pub const APP_ID: &str = "io.github.scorecard_app.Scorecard";

/// The window's options: title, app id for the desktop, sizes. Public so
/// the first-frame bench opens its hello-world the same way.
pub fn native_options() -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Scorecard")
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 760.0])
        .with_min_inner_size([720.0, 480.0]);
    match eframe::icon_data::from_png_bytes(WINDOW_ICON) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(err) => log::warn!("the window icon cannot be read: {err:#}"),
    }
    eframe::NativeOptions {
        viewport,
        ..Default::default()
    }
}

/// The window's icon, drawn from `assets/icons/scorecard.svg` (the desktop
/// entry's icon is the same picture, installed by the package).
const WINDOW_ICON: &[u8] = include_bytes!("../../assets/icons/scorecard-256.png");

/// Opens the window on `workspace` and returns when it closes.
pub fn run(workspace: Workspace) -> anyhow::Result<ExitCode> {
    eframe::run_native(
        "Scorecard",
        native_options(),
        Box::new(move |cc| {
            let options = AppOptions::new(workspace);
            let app = ScorecardApp::new(cc, options);
            Ok(Box::new(match FrameStats::from_env() {
                Some(stats) => app.with_frame_stats(stats),
                None => app,
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::APP_ID;

    #[test]
    fn the_window_the_desktop_entry_and_the_metainfo_share_one_id() {
        let options = super::native_options();
        assert_eq!(options.viewport.app_id.as_deref(), Some(APP_ID));
        let entry = include_str!("../../assets/io.github.scorecard_app.Scorecard.desktop");
        assert!(
            entry
                .lines()
                .any(|l| l == format!("StartupWMClass={APP_ID}"))
        );
        let metainfo = include_str!("../../assets/io.github.scorecard_app.Scorecard.metainfo.xml");
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
        assert!(metainfo.contains(&format!(
            "<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"
        )));
    }

    #[test]
    fn the_window_has_the_scorecard_icon() {
        let options = super::native_options();
        let icon = options.viewport.icon.expect("an icon");
        assert_eq!((icon.width, icon.height), (256, 256));
    }
}
