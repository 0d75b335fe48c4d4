//! `scorecard kit --template ID [--stage ID] --format html|md [-o FILE]`
//!
//! One stage's interview kit (shared DESIGN.md, "Interview kit"). The
//! template is looked up among the templates in effect (shipped ones and
//! the workspace's). `-o` follows [`write_export`]'s rules, as `export`
//! does: `-` is stdout, a special file is written into, a target inside the
//! workspace's data folders is refused (exit 1).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{EXIT_INVALID, KitFormat};
use crate::export::{kit_html, kit_markdown, kit_stage};
use crate::io::{TemplateSet, Workspace, write_export};

/// Writes the kit of `template` at `stage` (`""`: general interview).
pub fn run(
    workspace: &Workspace,
    template: &str,
    stage: &str,
    format: KitFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let output = output.filter(|path| path.as_os_str() != "-");
    if let Some(path) = output
        && let Err(e) = crate::io::check_export_target(workspace, path)
    {
        writeln!(err, "scorecard: {e}")?;
        return Ok(ExitCode::from(EXIT_INVALID));
    }
    let (set, errors) = TemplateSet::load(&workspace.templates_dir());
    for error in &errors {
        writeln!(err, "{error}")?;
    }
    let Some(entry) = set.get(template) else {
        writeln!(
            err,
            "scorecard: no template {template:?}; `scorecard templates` lists them"
        )?;
        return Ok(ExitCode::from(EXIT_INVALID));
    };
    let kit = match kit_stage(&entry.template, stage) {
        Ok(kit) => kit,
        Err(e) => {
            writeln!(err, "scorecard: {e}")?;
            return Ok(ExitCode::from(EXIT_INVALID));
        }
    };
    let text = match format {
        KitFormat::Html => kit_html(&entry.template, &kit),
        KitFormat::Md => kit_markdown(&entry.template, &kit),
    };
    match output {
        Some(path) => match write_export(workspace, path, text.as_bytes()) {
            Ok(_) => writeln!(err, "wrote {}", path.display())?,
            Err(e) => {
                writeln!(err, "scorecard: {e}")?;
                return Ok(ExitCode::from(EXIT_INVALID));
            }
        },
        None => {
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
