//! `scorecard validate PATH...`

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::io::{FileError, ParsedFile, parse_any_with, read_text};
use crate::model::Library;

use super::EXIT_INVALID;

/// Checks every file named, and every `*.ron` under every folder named.
/// Templates resolve `Use(…)` against `library`.
pub fn run(
    paths: &[PathBuf],
    library: &Library,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in paths {
        let files = if path.is_dir() {
            let mut files = Vec::new();
            collect_ron_files(path, &mut files);
            if files.is_empty() {
                writeln!(out, "{}: no .ron files", path.display())?;
            }
            files
        } else {
            vec![path.clone()]
        };
        for file in files {
            match read_text(&file).and_then(|text| parse_any_with(&file, &text, library)) {
                Ok(parsed) => writeln!(out, "{}: ok, {}", file.display(), describe(&parsed))?,
                Err(error) => {
                    failed = true;
                    report(err, &error)?;
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(err: &mut dyn Write, error: &FileError) -> std::io::Result<()> {
    writeln!(err, "{error}")
}

fn describe(parsed: &ParsedFile) -> String {
    match parsed {
        ParsedFile::Template(t) => format!(
            "template {} v{} ({} dimensions, {} exercises)",
            t.id,
            t.version,
            t.dimensions.len(),
            t.exercises.len()
        ),
        ParsedFile::Candidate(c) => format!("candidate {} for template {}", c.id, c.template),
        ParsedFile::SharedDimension(d) => {
            let levels: Vec<&str> = d.levels.keys().map(|l| l.as_str()).collect();
            format!("shared dimension {} ({})", d.id, levels.join(", "))
        }
        ParsedFile::Scorecard(s) => format!(
            "scorecard of {} by {:?}{}",
            s.candidate,
            s.interviewer,
            if s.is_submitted() {
                ", submitted"
            } else {
                ", draft"
            }
        ),
    }
}

/// Every `*.ron` under `dir`, depth first, sorted; hidden entries skipped.
fn collect_ron_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_ron_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
}
