//! `scorecard templates [--format text|json]`

use std::io::Write;
use std::process::ExitCode;

use crate::io::{TemplateSet, Workspace};

use super::TemplatesFormat;

/// Prints the templates in effect; broken workspace templates go to `err`.
pub fn run(
    workspace: &Workspace,
    format: TemplatesFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (set, errors) = TemplateSet::load(&workspace.templates_dir());
    for error in &errors {
        writeln!(err, "{error}")?;
    }
    match format {
        TemplatesFormat::Text => write_text(&set, out)?,
        TemplatesFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &to_json(&set)?)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(set: &TemplateSet, out: &mut dyn Write) -> std::io::Result<()> {
    let width = set
        .iter()
        .map(|e| e.template.id.as_str().len())
        .max()
        .unwrap_or(0);
    for entry in set.iter() {
        let t = &entry.template;
        writeln!(
            out,
            "{:width$}  v{}  {} ({})  {} dimensions, {} exercises  {}",
            t.id.as_str(),
            t.version,
            t.role,
            t.level,
            t.dimensions.len(),
            t.exercises.len(),
            entry.source.describe(),
        )?;
    }
    Ok(())
}

/// Each template as the RON format names its fields, defaults filled in,
/// plus `"source"`.
fn to_json(set: &TemplateSet) -> serde_json::Result<serde_json::Value> {
    let mut templates = Vec::with_capacity(set.len());
    for entry in set.iter() {
        let mut value = serde_json::to_value(&entry.template)?;
        if let Some(object) = value.as_object_mut() {
            object.insert(
                "source".to_owned(),
                serde_json::Value::String(entry.source.describe()),
            );
        }
        templates.push(value);
    }
    Ok(serde_json::Value::Array(templates))
}
