//! `scorecard validate PATH...`

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::io::{
    FileError, ParsedFile, WorkspaceSnapshot, check_text, read_text, ron_files_under,
    unsafe_string_errors,
};
use crate::model::Library;

use super::EXIT_INVALID;

/// Checks every file named, and every `*.ron` under every folder named.
/// Templates resolve `Use(…)` against `library`; practice cases are
/// checked against `templates` (the templates in effect).
///
/// A path typed on the command line is taken as the person means it: a
/// link they name is followed. Inside a folder nothing is followed: each
/// link, FIFO, device, folder named `*.ron` or name that is not UTF-8 is
/// reported as an error (exit 1) and never opened. Only regular files are
/// read, even when named.
///
/// References between files (a candidate's opening and planned stages, an
/// opening's template and stages) are checked against `workspace`.
pub fn run(
    paths: &[PathBuf],
    library: &Library,
    workspace: &WorkspaceSnapshot,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    for path in paths {
        let named_dir = fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
        let files = if named_dir {
            let (files, errors) = ron_files_under(path);
            for error in &errors {
                failed = true;
                report(err, error)?;
            }
            if files.is_empty() && errors.is_empty() {
                writeln!(out, "{}: no .ron files", path.display())?;
            }
            files
        } else {
            vec![path.clone()]
        };
        for file in files {
            // Found in a folder or named, a link is never followed: a
            // shell's glob names files too, and a link in a workspace may
            // point at anything on the machine.
            let text = read_text(&file);
            // A control or bidi character is the file's problem whether or
            // not it parses: every file holding one is named.
            let unsafe_text = text
                .as_ref()
                .map(|text| unsafe_string_errors(&file, text))
                .unwrap_or_default();
            match text.and_then(|text| check_text(&file, &text, library, workspace)) {
                Ok(parsed) if unsafe_text.is_empty() => {
                    writeln!(out, "{}: ok, {}", file.display(), describe(&parsed))?;
                }
                Ok(_) => failed = true,
                Err(error) => {
                    failed = true;
                    report(err, &error)?;
                }
            }
            for error in &unsafe_text {
                report(err, error)?;
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
        ParsedFile::Candidate(c) => match &c.opening {
            Some(opening) => format!(
                "candidate {} for template {}, opening {opening} ({} interviews planned)",
                c.id,
                c.template,
                c.interviews.len()
            ),
            None => format!("candidate {} for template {}", c.id, c.template),
        },
        ParsedFile::Opening(o) => format!(
            "opening {} for template {} ({}, {} stages planned)",
            o.id,
            o.template,
            o.status.label().to_lowercase(),
            o.plan.len()
        ),
        ParsedFile::Decision(d) => format!(
            "decision on {}: {} by {:?}",
            d.candidate,
            d.decision.label().to_lowercase(),
            d.decided_by
        ),
        ParsedFile::Performance(p) => format!(
            "performance reviews of {} ({} reviews)",
            p.candidate,
            p.reviews.len()
        ),
        ParsedFile::SharedDimension(d) => {
            let levels: Vec<&str> = d.levels.keys().map(|l| l.as_str()).collect();
            format!("shared dimension {} ({})", d.id, levels.join(", "))
        }
        ParsedFile::PracticeCase(c) => format!(
            "practice case {} for {} / {} ({})",
            c.id, c.template, c.dimension, c.reference
        ),
        ParsedFile::NudgeList(l) => format!(
            "nudge list ({} topics, {} terms)",
            l.topics.len(),
            l.topics.iter().map(|t| t.terms.len()).sum::<usize>()
        ),
        ParsedFile::People(p) => format!(
            "people list ({} people, {} emails)",
            p.people.len(),
            p.people.iter().map(|p| p.emails.len()).sum::<usize>()
        ),
        ParsedFile::AtsMapping(m) => {
            let form = |key: &str, dimensions: Option<usize>| {
                dimensions.map(|n| format!("{key}: {n} dimensions"))
            };
            let forms: Vec<String> = [
                form("ashby", m.ashby.as_ref().map(|f| f.dimensions.len())),
                form("lever", m.lever.as_ref().map(|f| f.dimensions.len())),
            ]
            .into_iter()
            .flatten()
            .collect();
            if forms.is_empty() {
                "ATS mapping (no forms)".to_owned()
            } else {
                format!("ATS mapping ({})", forms.join(", "))
            }
        }
        ParsedFile::PracticeResults(r) => format!(
            "practice results of {:?} ({} rounds)",
            r.interviewer,
            r.rounds.len()
        ),
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
