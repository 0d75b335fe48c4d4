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

use super::KitFormat;
use super::output::{Output, refuse};
use crate::export::{kit_html, kit_markdown, kit_stage};
use crate::io::{TemplateSet, Workspace};

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
    let output = match Output::checked(workspace, output, err)? {
        Ok(output) => output,
        Err(code) => return Ok(code),
    };
    let (set, errors) = TemplateSet::load(&workspace.templates_dir());
    for error in &errors {
        writeln!(err, "{error}")?;
    }
    let Some(entry) = set.get(template) else {
        return refuse(
            err,
            &format!("no template {template:?}; `scorecard templates` lists them"),
        );
    };
    let kit = match kit_stage(&entry.template, stage) {
        Ok(kit) => kit,
        Err(e) => {
            return refuse(err, &e.to_string());
        }
    };
    let text = match format {
        KitFormat::Html => kit_html(&entry.template, &kit),
        KitFormat::Md => kit_markdown(&entry.template, &kit),
    };
    output.write(workspace, &text, out, err)
}
