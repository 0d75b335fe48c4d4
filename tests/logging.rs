//! The log file: a line logged through the `log` facade lands in the file
//! `init` names, in the folder it was given (never the user's own folders).
//!
//! One test in this binary: a process has one logger.

use scorecard::app::logging;

#[test]
fn a_logged_line_lands_in_the_file_init_names() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("nested").join("logs");
    let file = logging::init(&folder).expect("the log file opens");
    assert_eq!(file, logging::file_in(&folder));
    assert_eq!(logging::log_path(), Some(file.as_path()));

    log::warn!("the aggregates thread is slow: 12 ms");
    log::debug!("not logged at the default level");
    // A file's text in a log line reaches the file escaped, never raw.
    let name = "Eve\u{1b}[2J\u{202e}\u{9b}";
    log::warn!("cannot read {name}");
    log::logger().flush();

    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("the aggregates thread is slow: 12 ms"),
        "{text}"
    );
    assert!(text.contains("WARN"), "{text}");
    assert!(!text.contains("not logged"), "{text}");
    assert!(
        text.contains("cannot read Eve\\u{1b}[2J\\u{202e}\\u{9b}"),
        "{text}"
    );
    for raw in ['\u{1b}', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(raw), "{raw:?} raw in {text:?}");
    }

    // A second start keeps the first logger and its file.
    let other = dir.path().join("other");
    assert_eq!(logging::init(&other), Some(file));
    assert!(!other.exists());

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
