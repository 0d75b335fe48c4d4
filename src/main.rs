//! The `scorecard` binary: a subcommand runs on the command line, none opens
//! the app's window.

use std::process::ExitCode;

use clap::Parser;
use scorecard::app::logging;
use scorecard::cli::{Cli, run_command};
use scorecard::model::{Escape, escape};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => {
            // Commands print their errors on stderr already; the log only
            // adds warnings from below, on stderr too, and writes no file.
            logging::init_stderr();
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            run_command(&cli, command, &mut stdout.lock(), &mut stderr.lock())
        }
        None => {
            // The window may have been opened from a dock, with no terminal:
            // the log goes to a file the app can point to.
            if let Some(dir) = logging::default_dir() {
                logging::init(&dir);
            } else {
                logging::init_stderr();
            }
            cli.workspace().and_then(scorecard::app::run)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // Said once: into the log of a window that could not open (which
            // copies it to the terminal when there is one), else on stderr.
            if logging::log_path().is_some() {
                log::error!("{err:#}");
            } else {
                let message = format!("{err:#}");
                eprintln!("scorecard: {}", escape(&message, Escape::Text));
            }
            ExitCode::from(scorecard::cli::EXIT_INVALID)
        }
    }
}
