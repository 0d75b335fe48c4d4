//! The `scorecard` binary: a subcommand runs on the command line, none opens
//! the app's window.

use std::process::ExitCode;

use clap::Parser;
use scorecard::cli::{Cli, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            run_command(&cli, command, &mut stdout.lock(), &mut stderr.lock())
        }
        None => cli.workspace().and_then(scorecard::app::run),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("scorecard: {err:#}");
            ExitCode::from(scorecard::cli::EXIT_INVALID)
        }
    }
}
