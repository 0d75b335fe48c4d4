//! The templates in effect: shipped ones, overridden by workspace ones.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::parse::{parse_template, read_text};
use super::{FileError, shipped_templates};
use crate::model::Template;

/// Where a template in effect comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateSource {
    /// Compiled into the binary from `scorecards/`.
    Shipped,
    /// A file in the workspace's `templates/` folder.
    File(PathBuf),
}

impl TemplateSource {
    /// `"shipped"` or the file's path, as `templates --format json` writes it.
    pub fn describe(&self) -> String {
        match self {
            TemplateSource::Shipped => "shipped".to_owned(),
            TemplateSource::File(path) => path.display().to_string(),
        }
    }
}

/// A template and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateEntry {
    /// The template.
    pub template: Template,
    /// Its origin.
    pub source: TemplateSource,
}

/// The templates in effect, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateSet {
    entries: BTreeMap<String, TemplateEntry>,
}

impl TemplateSet {
    /// The shipped templates alone. A shipped file that fails to parse (the
    /// tests prevent it) is reported, not fatal.
    pub fn shipped() -> (Self, Vec<FileError>) {
        let mut set = Self::default();
        let mut errors = Vec::new();
        for shipped in shipped_templates() {
            match parse_template(&shipped.path(), shipped.text) {
                Ok(template) => set.insert(template, TemplateSource::Shipped),
                Err(err) => errors.push(err),
            }
        }
        (set, errors)
    }

    /// Shipped templates overridden by the `*.ron` files of `dir` (which may
    /// not exist). A broken workspace template is reported and the shipped
    /// template of that id, if any, stays in effect.
    pub fn load(dir: &Path) -> (Self, Vec<FileError>) {
        let (mut set, mut errors) = Self::shipped();
        let mut from_files: BTreeMap<String, PathBuf> = BTreeMap::new();
        for path in ron_files(dir) {
            let parsed = read_text(&path).and_then(|text| parse_template(&path, &text));
            match parsed {
                Ok(template) => {
                    let id = template.id.as_str().to_owned();
                    if let Some(first) = from_files.get(&id) {
                        errors.push(FileError::whole_file(
                            &path,
                            format!(
                                "template id {id:?} is already defined by {}",
                                first.display()
                            ),
                        ));
                        continue;
                    }
                    from_files.insert(id, path.clone());
                    set.insert(template, TemplateSource::File(path));
                }
                Err(err) => errors.push(err),
            }
        }
        (set, errors)
    }

    fn insert(&mut self, template: Template, source: TemplateSource) {
        self.entries.insert(
            template.id.as_str().to_owned(),
            TemplateEntry { template, source },
        );
    }

    /// The template with this id.
    pub fn get(&self, id: &str) -> Option<&TemplateEntry> {
        self.entries.get(id)
    }

    /// Every template, by id.
    pub fn iter(&self) -> impl Iterator<Item = &TemplateEntry> {
        self.entries.values()
    }

    /// How many templates are in effect.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The `*.ron` files directly in `dir`, sorted; none if it does not exist.
/// Hidden files (editor backups, our own temporary files) are skipped.
pub(crate) fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|ext| ext == "ron")
                && !p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    paths
}
