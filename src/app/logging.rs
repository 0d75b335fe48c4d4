//! Where the app's log goes: a file in the platform's state folder, kept to
//! a few megabytes by rotation, and the terminal too when there is one.
//!
//! Everything logs through the `log` facade (`log::warn!`, `log::error!`);
//! this module only decides where the lines land. A desktop app started
//! from a dock has no terminal, so the file is what a user can send, and the
//! UI tells them where it is with [`log_path`].
//!
//! Logging never stops the app: if the file cannot be opened, lines go to
//! stderr only, and stderr says why.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use flexi_logger::{
    Cleanup, Criterion, DeferredNow, Duplicate, FileSpec, LogSpecification, Logger, LoggerHandle,
    Naming, Record,
};

use crate::model::{Escape, escape};

/// Environment variable that puts the log file in another folder (tests,
/// or a user who wants it next to their workspace).
pub const LOG_DIR_ENV: &str = "SCORECARD_LOG_DIR";

/// The log file's name, without its extension.
const BASENAME: &str = "scorecard";
/// The log file's extension.
const SUFFIX: &str = "log";
/// A log file is rotated once it is this large.
const ROTATE_BYTES: u64 = 2 * 1024 * 1024;
/// Rotated files kept besides the current one.
const KEEP_FILES: usize = 4;
/// What is logged unless `RUST_LOG` says otherwise: our own notes, and only
/// warnings from the crates below us (winit and eframe are chatty).
const DEFAULT_SPEC: &str = "warn, scorecard = info";
/// What the command line logs to stderr unless `RUST_LOG` says otherwise.
const CLI_SPEC: &str = "warn";

/// The running logger, kept for the life of the process: dropping the
/// handle would stop writing the file.
struct Running {
    file: Option<PathBuf>,
    _handle: LoggerHandle,
}

static RUNNING: OnceLock<Running> = OnceLock::new();

/// The folder the app's log file goes into: `$SCORECARD_LOG_DIR` if set,
/// else the platform's state folder (`~/.local/state/scorecard` on Linux),
/// else `logs` in its local data folder (`~/Library/Application
/// Support/Scorecard/logs` on macOS, `%LOCALAPPDATA%\Scorecard\data\logs`
/// on Windows). `None` if the platform has no home folder.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LOG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("", "", "Scorecard")?;
    Some(match dirs.state_dir() {
        Some(state) => state.to_path_buf(),
        None => dirs.data_local_dir().join("logs"),
    })
}

/// The file the log is written to in `dir`: `scorecard_rCURRENT.log`. Once
/// it is over 2 MiB it is renamed `scorecard_r00000.log` (then `r00001`, …)
/// and a new one is started; the four newest of those are kept.
pub fn file_in(dir: &Path) -> PathBuf {
    dir.join(format!("{BASENAME}_rCURRENT.{SUFFIX}"))
}

/// Starts logging into a file in `dir` (created if missing) and, when stderr
/// is a terminal, to stderr too. Returns the log file, or `None` when it
/// could not be opened: then lines go to stderr only and stderr says why.
///
/// Only the first call in a process does anything; later ones return the
/// file of the first.
pub fn init(dir: &Path) -> Option<PathBuf> {
    if let Some(running) = RUNNING.get() {
        return running.file.clone();
    }
    let to_terminal = std::io::stderr().is_terminal();
    let started = create_private_dir(dir)
        .map_err(|err| anyhow::anyhow!("cannot create {}: {err}", dir.display()))
        .and_then(|()| {
            Logger::with(spec(DEFAULT_SPEC))
                .log_to_file(
                    FileSpec::default()
                        .directory(dir)
                        .basename(BASENAME)
                        .suffix(SUFFIX)
                        .suppress_timestamp(),
                )
                .rotate(
                    Criterion::Size(ROTATE_BYTES),
                    Naming::Numbers,
                    Cleanup::KeepLogFiles(KEEP_FILES),
                )
                .append()
                .format_for_files(escaped_detailed)
                .format_for_stderr(escaped_default)
                .duplicate_to_stderr(if to_terminal {
                    Duplicate::All
                } else {
                    Duplicate::None
                })
                .start()
                .map_err(anyhow::Error::from)
        });
    match started {
        Ok(handle) => {
            let file = file_in(dir);
            keep(Some(file.clone()), handle);
            Some(file)
        }
        Err(err) => {
            // The logger is not running yet, so stderr is the only place.
            let why = format!("{err:#}");
            eprintln!(
                "scorecard: no log file ({}); logging to stderr only",
                escape(&why, Escape::Line)
            );
            start_stderr(DEFAULT_SPEC);
            None
        }
    }
}

/// Starts logging warnings and errors to stderr only: the command line's
/// choice, as its stderr is where its errors go already and a script's run
/// should leave no file behind. Only the first start in a process does
/// anything.
pub fn init_stderr() {
    start_stderr(CLI_SPEC);
}

fn start_stderr(default_spec: &str) {
    if RUNNING.get().is_some() {
        return;
    }
    match Logger::with(spec(default_spec))
        .log_to_stderr()
        .format(escaped_default)
        .start()
    {
        Ok(handle) => keep(None, handle),
        // Another logger is installed already (a test harness): use it.
        Err(err) => eprintln!("scorecard: no logging to stderr: {err:#}"),
    }
}

/// A log line as [`flexi_logger::detailed_format`] writes it (time, level,
/// module, source line), with control and bidi characters escaped: a line
/// naming a file's text can neither drive the terminal that shows the log
/// nor split itself into lines that look like others.
fn escaped_detailed(
    w: &mut dyn Write,
    now: &mut DeferredNow,
    record: &Record,
) -> std::io::Result<()> {
    escaped(w, now, record, flexi_logger::detailed_format)
}

/// [`flexi_logger::default_format`] (level, module), escaped as
/// [`escaped_detailed`] is.
fn escaped_default(
    w: &mut dyn Write,
    now: &mut DeferredNow,
    record: &Record,
) -> std::io::Result<()> {
    escaped(w, now, record, flexi_logger::default_format)
}

fn escaped(
    w: &mut dyn Write,
    now: &mut DeferredNow,
    record: &Record,
    format: flexi_logger::FormatFunction,
) -> std::io::Result<()> {
    let mut line = Vec::new();
    format(&mut line, now, record)?;
    let line = String::from_utf8_lossy(&line);
    w.write_all(escape(&line, Escape::Line).as_bytes())
}

/// The file the log is written to, once [`init`] opened it: for messages
/// such as "details in the log: PATH". `None` before that, on the command
/// line, or when only stderr gets the log.
pub fn log_path() -> Option<&'static Path> {
    RUNNING.get()?.file.as_deref()
}

/// `RUST_LOG` if it is set and valid, else `default_spec`.
fn spec(default_spec: &str) -> LogSpecification {
    std::env::var("RUST_LOG")
        .ok()
        .and_then(|text| LogSpecification::parse(text).ok())
        .or_else(|| LogSpecification::parse(default_spec).ok())
        .unwrap_or_else(LogSpecification::info)
}

/// Creates `dir` and its parents, readable by this user only on Unix (a
/// log line may name a candidate's folder).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn keep(file: Option<PathBuf>, handle: LoggerHandle) {
    // Two threads racing to start: the loser's handle is dropped, which is
    // harmless as `log` keeps only the first logger.
    let _ = RUNNING.set(Running {
        file,
        _handle: handle,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_line_carries_no_control_or_bidi_character() {
        let mut line = Vec::new();
        let args = format_args!("cannot read \"Eve\u{1b}[2J\u{202e}\"\nINFO forged");
        let record = Record::builder()
            .args(args)
            .level(log::Level::Warn)
            .module_path(Some("scorecard::io"))
            .build();
        escaped_default(&mut line, &mut DeferredNow::new(), &record).unwrap();
        let line = String::from_utf8(line).unwrap();
        assert_eq!(
            line,
            "WARN [scorecard::io] cannot read \"Eve\\u{1b}[2J\\u{202e}\"\\u{a}INFO forged"
        );
    }

    #[test]
    fn the_default_specs_parse() {
        assert!(LogSpecification::parse(DEFAULT_SPEC).is_ok());
        assert!(LogSpecification::parse(CLI_SPEC).is_ok());
    }

    #[test]
    fn the_file_is_named_after_the_app() {
        assert_eq!(
            file_in(Path::new("/x")),
            Path::new("/x").join("scorecard_rCURRENT.log")
        );
    }
}
