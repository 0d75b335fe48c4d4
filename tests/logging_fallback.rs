//! Logging never stops the app: a log folder that cannot be made leaves
//! stderr only, and no log file to point to.
//!
//! Its own binary: a process has one logger.

use scorecard::app::logging;

#[test]
fn a_folder_that_cannot_be_made_falls_back_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    assert_eq!(logging::init(&blocker.join("logs")), None);
    assert_eq!(logging::log_path(), None);
    // A logger is running (on stderr): lines are not lost in silence.
    assert!(log::log_enabled!(log::Level::Warn));
}
