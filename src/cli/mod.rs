//! The command line: `scorecard <command>`; no command opens the window.
//!
//! This is an edge of the program: it may use `anyhow`, print, and choose
//! exit codes (0 ok, 1 invalid input, 2 usage, which clap itself uses).

mod templates;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::io::Workspace;

/// Exit code for input that is not valid.
pub const EXIT_INVALID: u8 = 1;

/// Structured interview scorecards: score live, compare, debrief, export.
#[derive(Debug, Parser)]
#[command(name = "scorecard", version, about)]
pub struct Cli {
    /// Workspace folder [default: the platform's data folder]
    #[arg(long, global = true, env = "SCORECARD_WORKSPACE", value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// What to do; without one, the app's window opens
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check templates, candidates and scorecards (files or folders);
    /// errors as `path:line:col: message`, exit 1 on any
    Validate {
        /// Files, or folders to search for `*.ron`
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the templates in effect: shipped ones and the workspace's
    Templates {
        /// Output format
        #[arg(long, value_enum, default_value_t = TemplatesFormat::Text)]
        format: TemplatesFormat,
    },
}

/// Output formats of `scorecard templates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplatesFormat {
    /// One line per template.
    Text,
    /// A JSON array of the full templates.
    Json,
}

impl Cli {
    /// The workspace the user chose, or the platform default.
    pub fn workspace(&self) -> anyhow::Result<Workspace> {
        let root = match &self.workspace {
            Some(dir) => dir.clone(),
            None => Workspace::default_root()?,
        };
        Ok(Workspace::new(root))
    }
}

/// Runs a subcommand, writing results to `out` and errors to `err`.
pub fn run_command(
    cli: &Cli,
    command: &Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate { paths } => validate::run(paths, out, err),
        Command::Templates { format } => templates::run(&cli.workspace()?, *format, out, err),
    }
}
