//! The command line: `scorecard <command>`; no command opens the window.
//!
//! This is an edge of the program: it may use `anyhow`, print, and choose
//! exit codes (0 ok, 1 invalid input, 2 usage, which clap itself uses).

mod demo;
mod drift;
mod erase;
mod export;
mod export_ats;
mod import_candidates;
mod import_invites;
mod import_performance;
mod interviewers;
mod kit;
mod output;
mod pending;
mod reliability;
mod safe_output;
mod summary;
mod templates;
mod validate;
mod validity;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::io::{TemplateSet, Workspace, load_library, shipped_library};
use crate::model::{Escape, Timestamp, escape};

/// Exit code for input that is not valid.
pub const EXIT_INVALID: u8 = 1;

/// Exit code for a command line that is wrong (clap's own code for usage).
pub const EXIT_USAGE: u8 = 2;

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
    /// Aggregates of every candidate (or some): scores, agreement, leniency
    Summary {
        /// Only this candidate
        #[arg(long, value_name = "ID")]
        candidate: Option<String>,
        /// Only candidates of this template
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// Only candidates of this opening
        #[arg(long, value_name = "ID")]
        opening: Option<String>,
        /// Count owed and overdue scorecards as of this time (RFC 3339)
        /// [default: now]
        #[arg(long, value_name = "T", value_parser = parse_time)]
        as_of: Option<Timestamp>,
        /// Output format
        #[arg(long, value_enum)]
        format: SummaryFormat,
    },
    /// Every interviewer's calibration figures: distribution, leniency,
    /// deviation from the panel, hire share, time to submit
    Interviewers {
        /// Only scorecards of candidates of this template
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// Only scorecards of candidates of this opening
        #[arg(long, value_name = "ID")]
        opening: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = InterviewersFormat::Text)]
        format: InterviewersFormat,
    },
    /// The scorecards owed by interviews that have happened, overdue first
    Pending {
        /// Only candidates of this opening
        #[arg(long, value_name = "ID")]
        opening: Option<String>,
        /// Only this interviewer ("Priya Raman" and "priya raman" are one)
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
        /// Only overdue scorecards
        #[arg(long)]
        overdue: bool,
        /// As of this time (RFC 3339) [default: now]
        #[arg(long, value_name = "T", value_parser = parse_time)]
        as_of: Option<Timestamp>,
        /// Output format
        #[arg(long, value_enum, default_value_t = PendingFormat::Text)]
        format: PendingFormat,
    },
    /// The debrief summary of one candidate, or one interviewer's
    /// feedback for the ATS (`--format ats|ashby-json|lever-json`)
    Export {
        /// The candidate
        #[arg(long, value_name = "ID")]
        candidate: String,
        /// Output format
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Whose submitted scorecard goes to the ATS ("Priya Raman" and
        /// "priya raman" are one); needed by the ATS formats
        #[arg(
            long,
            value_name = "NAME",
            required_if_eq_any([("format", "ats"), ("format", "ashby-json"), ("format", "lever-json")])
        )]
        interviewer: Option<String>,
        /// Only the scorecard of this stage (an exercise id; `""`: the
        /// general interview), for the ATS formats
        #[arg(long, value_name = "ID")]
        stage: Option<String>,
        /// Write to this file instead of stdout (`-`: stdout); never into the
        /// workspace's candidates/, templates/ or openings/
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the candidate's name with a stable alias, in the evidence too
        #[arg(long)]
        blind: bool,
        /// Owed and overdue scorecards as of this time (RFC 3339) [default: now]
        #[arg(long, value_name = "T", value_parser = parse_time)]
        as_of: Option<Timestamp>,
    },
    /// One stage's printable interview kit: anchors, questions, signals,
    /// red flags and room for notes
    Kit {
        /// The template
        #[arg(long, value_name = "ID")]
        template: String,
        /// An exercise id; without it, a general interview on every dimension
        #[arg(long, value_name = "ID")]
        stage: Option<String>,
        /// Output format
        #[arg(long, value_enum)]
        format: KitFormat,
        /// Write to this file instead of stdout (`-`: stdout); never into the
        /// workspace's candidates/, templates/ or openings/
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Bring in what other tools hold: calendar invites, ATS candidates,
    /// performance reviews
    Import {
        /// What to import
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Day drift: per interviewer and for the team, whether a score falls
    /// when the day's earlier candidates scored high
    Drift {
        /// Only this interviewer ("Priya Raman" and "priya raman" are one)
        #[arg(long, value_name = "NAME")]
        interviewer: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = DriftFormat::Text)]
        format: DriftFormat,
    },
    /// Panel reliability per template and dimension: one interviewer's,
    /// the usual panel's, and how many raters reach 0.70 and 0.80
    Reliability {
        /// Only this template
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReliabilityFormat::Text)]
        format: ReliabilityFormat,
    },
    /// Fill an empty workspace with realistic sample data
    Demo {
        /// How many candidates
        #[arg(long, value_name = "N")]
        candidates: usize,
    },
    /// Did the interview predict performance? The local validity study of
    /// each template: the score against the hires' later ratings
    Validity {
        /// Only this template
        #[arg(long, value_name = "ID")]
        template: Option<String>,
        /// How reliable the later ratings are (0–1)
        #[arg(long, value_name = "R", default_value_t = crate::model::stats::validity::DEFAULT_CRITERION_RELIABILITY, value_parser = validity::parse_reliability)]
        criterion_reliability: f64,
        /// Output format
        #[arg(long, value_enum, default_value_t = ValidityFormat::Text)]
        format: ValidityFormat,
    },
    /// Erase every file of one candidate (a data-subject request)
    Delete {
        /// The candidate
        #[arg(long, value_name = "ID")]
        candidate: String,
    },
    /// Erase candidates whose last activity is older than DAYS days
    Purge {
        /// Age in days
        #[arg(long, value_name = "DAYS")]
        older_than: u32,
    },
}

/// What `scorecard import` brings in.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Interviews from calendar invites (an .ics file): each becomes a
    /// planned interview of its candidate, at its stage, with its panel
    Invites {
        /// The .ics files, as a calendar client exports or mails them;
        /// several are planned and applied together, all or nothing
        #[arg(value_name = "FILE.ics", required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// Show what would change, change nothing
        #[arg(long)]
        dry_run: bool,
        /// Import the files that can be read and say which were skipped
        /// (without it, one file that cannot be read stops the import)
        #[arg(long)]
        skip_broken: bool,
        /// Output format
        #[arg(long, value_enum, default_value_t = ImportFormat::Text)]
        format: ImportFormat,
    },
    /// Hires' performance reviews (a .csv file: the candidate by id, ATS
    /// id or email; date; rating 1–5; reviewer), all rows or none
    Performance {
        /// The .csv file
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// Show what would change, change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Candidates from an ATS export (a .csv file), for one opening
    Candidates {
        /// The .csv file, as the ATS exports it
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
        /// The opening the candidates are for
        #[arg(long, value_name = "ID")]
        opening: String,
        /// Show what would change, change nothing
        #[arg(long)]
        dry_run: bool,
        /// Which column holds a field, overriding the guess, as
        /// FIELD=HEADER (fields: name, first_name, last_name, email,
        /// external_id); may be given several times
        #[arg(long = "column", value_name = "FIELD=HEADER")]
        columns: Vec<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = ImportFormat::Text)]
        format: ImportFormat,
    },
}

/// Output formats of `scorecard validity`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ValidityFormat {
    /// Plain words, with the caveats.
    Text,
    /// The JSON of DESIGN.md.
    Json,
}

/// Output formats of `scorecard import`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// One line per change, for a person.
    Text,
    /// The JSON of DESIGN.md, with `errors`.
    Json,
}

/// Output formats of `scorecard summary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// The JSON of DESIGN.md, with `errors`.
    Json,
    /// One row per candidate and dimension.
    Csv,
    /// Markdown tables.
    Md,
}

/// Output formats of `scorecard interviewers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InterviewersFormat {
    /// `{"interviewers": […], "errors": […]}`.
    Json,
    /// One row per interviewer.
    Csv,
    /// An aligned table for a terminal.
    Text,
}

/// Output formats of `scorecard drift`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DriftFormat {
    /// Each interviewer's slope in plain words, then the team's.
    Text,
    /// The JSON of DESIGN.md.
    Json,
}

/// Output formats of `scorecard reliability`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReliabilityFormat {
    /// Per template, the dimensions least reliable first, in plain words.
    Text,
    /// The JSON of DESIGN.md.
    Json,
}

/// Output formats of `scorecard export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML page that prints to PDF.
    Html,
    /// A spreadsheet of ratings and evidence.
    Csv,
    /// The debrief as JSON.
    Json,
    /// One interviewer's submitted scorecard as plain text for an ATS.
    Ats,
    /// The body of Ashby's `applicationFeedback.submit` (needs `ats.ron`).
    AshbyJson,
    /// The body of Lever's `POST /opportunities/{id}/feedback` (needs
    /// `ats.ron`).
    LeverJson,
}

/// Output formats of `scorecard kit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KitFormat {
    /// One self-contained HTML page that prints to A4.
    Html,
    /// Markdown.
    Md,
}

/// Output formats of `scorecard pending`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PendingFormat {
    /// One line per owed scorecard.
    Text,
    /// The JSON of DESIGN.md, with `errors`.
    Json,
    /// iCalendar: one `VTODO` per owed scorecard, `DUE` its due time.
    Ics,
}

/// Reads `--as-of`: RFC 3339, in any offset.
fn parse_time(text: &str) -> Result<Timestamp, String> {
    text.parse()
        .map_err(|e: crate::model::TimestampError| e.to_string())
}

/// The time given, or now.
fn as_of_or_now(as_of: Option<Timestamp>) -> Timestamp {
    as_of.unwrap_or_else(|| Timestamp::from_utc(chrono::Utc::now()))
}

/// The zone text output is read in: `TZ`, else the system's, else UTC
/// (logged, not printed: the output is what a script reads).
fn reader_zone() -> crate::model::LocalZone {
    let (zone, note) = crate::io::system_zone();
    if let Some(note) = note {
        log::info!("{note}");
    }
    zone
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
///
/// Both pass through [`safe_output::Escaping`]: a control or bidi character
/// that came from a file reaches them escaped (JSON output in JSON's own
/// escapes), and so does the error returned.
pub fn run_command(
    cli: &Cli,
    command: &Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut safe_out = safe_output::Escaping::new(out, stdout_form(command));
    let mut safe_err = safe_output::Escaping::new(err, Escape::Text);
    let result = run_escaped(cli, command, &mut safe_out, &mut safe_err);
    safe_out.flush()?;
    safe_err.flush()?;
    result.map_err(|error| anyhow::anyhow!("{}", escape(&format!("{error:#}"), Escape::Text)))
}

/// How a command's stdout is escaped: as JSON when it prints JSON.
fn stdout_form(command: &Command) -> Escape {
    let json = match command {
        Command::Templates { format } => *format == TemplatesFormat::Json,
        Command::Summary { format, .. } => *format == SummaryFormat::Json,
        Command::Interviewers { format, .. } => *format == InterviewersFormat::Json,
        Command::Pending { format, .. } => *format == PendingFormat::Json,
        Command::Export { format, .. } => matches!(
            format,
            ExportFormat::Json | ExportFormat::AshbyJson | ExportFormat::LeverJson
        ),
        Command::Import {
            what: ImportCommand::Invites { format, .. } | ImportCommand::Candidates { format, .. },
        } => *format == ImportFormat::Json,
        Command::Drift { format, .. } => *format == DriftFormat::Json,
        Command::Reliability { format, .. } => *format == ReliabilityFormat::Json,
        Command::Validity { format, .. } => *format == ValidityFormat::Json,
        Command::Import {
            what: ImportCommand::Performance { .. },
        }
        | Command::Validate { .. }
        | Command::Kit { .. }
        | Command::Demo { .. }
        | Command::Delete { .. }
        | Command::Purge { .. } => false,
    };
    if json { Escape::Json } else { Escape::Text }
}

fn run_escaped(
    cli: &Cli,
    command: &Command,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate { paths } => {
            // The workspace's own library counts too; without a workspace
            // (no home folder), the shipped one alone.
            // References between files are checked against the same
            // workspace (none: the shipped templates, no openings).
            let (library, snapshot) = match cli.workspace() {
                Ok(workspace) => (
                    load_library(&workspace.templates_dir().join("library")).0,
                    workspace.load_definitions(),
                ),
                Err(_) => (
                    shipped_library().0.clone(),
                    crate::io::WorkspaceSnapshot::new(
                        TemplateSet::shipped().0,
                        Vec::new(),
                        Vec::new(),
                    ),
                ),
            };
            validate::run(paths, &library, &snapshot, out, err)
        }
        Command::Templates { format } => templates::run(&cli.workspace()?, *format, out, err),
        Command::Summary {
            candidate,
            template,
            opening,
            as_of,
            format,
        } => summary::run(
            &cli.workspace()?,
            &summary::Narrow {
                candidate: candidate.as_deref(),
                template: template.as_deref(),
                opening: opening.as_deref(),
            },
            as_of_or_now(*as_of),
            *format,
            out,
            err,
        ),
        Command::Pending {
            opening,
            interviewer,
            overdue,
            as_of,
            format,
        } => pending::run(
            &cli.workspace()?,
            &pending::PendingArgs {
                opening: opening.as_deref(),
                interviewer: interviewer.as_deref(),
                overdue_only: *overdue,
                as_of: as_of_or_now(*as_of),
            },
            *format,
            out,
            err,
        ),
        Command::Interviewers {
            template,
            opening,
            format,
        } => interviewers::run(
            &cli.workspace()?,
            template.as_deref(),
            opening.as_deref(),
            *format,
            out,
            err,
        ),
        Command::Export {
            candidate,
            format,
            interviewer,
            stage,
            output,
            blind,
            as_of,
        } => match (format, interviewer) {
            (ExportFormat::Ats | ExportFormat::AshbyJson | ExportFormat::LeverJson, _)
                if *blind =>
            {
                writeln!(
                    err,
                    "scorecard: --blind is for the debrief formats: the ATS knows the candidate"
                )?;
                Ok(ExitCode::from(EXIT_USAGE))
            }
            (ExportFormat::Ats | ExportFormat::AshbyJson | ExportFormat::LeverJson, Some(who)) => {
                export_ats::run(
                    &cli.workspace()?,
                    &export_ats::AtsArgs {
                        candidate,
                        interviewer: who,
                        stage: stage.as_deref(),
                        format: *format,
                    },
                    output.as_deref(),
                    out,
                    err,
                )
            }
            _ if interviewer.is_some() || stage.is_some() => {
                writeln!(
                    err,
                    "scorecard: --interviewer and --stage are for --format ats, ashby-json or lever-json"
                )?;
                Ok(ExitCode::from(EXIT_USAGE))
            }
            _ => export::run(
                &cli.workspace()?,
                candidate,
                *format,
                output.as_deref(),
                export::ExportOptions {
                    blind: *blind,
                    as_of: as_of_or_now(*as_of),
                },
                out,
                err,
            ),
        },
        Command::Kit {
            template,
            stage,
            format,
            output,
        } => kit::run(
            &cli.workspace()?,
            template,
            stage.as_deref().unwrap_or(""),
            *format,
            output.as_deref(),
            out,
            err,
        ),
        Command::Import { what } => match what {
            ImportCommand::Invites {
                files,
                dry_run,
                skip_broken,
                format,
            } => import_invites::run(
                &cli.workspace()?,
                files,
                import_invites::Options {
                    dry_run: *dry_run,
                    skip_broken: *skip_broken,
                    format: *format,
                },
                out,
                err,
            ),
            ImportCommand::Performance { file, dry_run } => {
                import_performance::run(&cli.workspace()?, file, *dry_run, out, err)
            }
            ImportCommand::Candidates {
                file,
                opening,
                dry_run,
                columns,
                format,
            } => import_candidates::run(
                &cli.workspace()?,
                file,
                opening,
                columns,
                *dry_run,
                *format,
                out,
                err,
            ),
        },
        Command::Drift {
            interviewer,
            format,
        } => drift::run(&cli.workspace()?, interviewer.as_deref(), *format, out, err),
        Command::Reliability { template, format } => {
            reliability::run(&cli.workspace()?, template.as_deref(), *format, out, err)
        }
        Command::Validity {
            template,
            criterion_reliability,
            format,
        } => validity::run(
            &cli.workspace()?,
            template.as_deref(),
            *criterion_reliability,
            *format,
            out,
            err,
        ),
        Command::Demo { candidates } => demo::run(&cli.workspace()?, *candidates, out, err),
        Command::Delete { candidate } => erase::delete(&cli.workspace()?, candidate, out, err),
        Command::Purge { older_than } => erase::purge(&cli.workspace()?, *older_than, out, err),
    }
}
