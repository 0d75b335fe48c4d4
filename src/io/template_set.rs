//! The templates in effect: shipped ones, overridden by workspace ones.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::library::{load_library, shipped_library};
use super::parse::{parse_template_with, read_text};
use super::{FileError, is_conflict_copy, shipped_templates};
use crate::model::{Library, Template};

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
        let (library, errors) = shipped_library();
        Self::shipped_with(library, errors.clone())
    }

    fn shipped_with(library: &Library, mut errors: Vec<FileError>) -> (Self, Vec<FileError>) {
        let mut set = Self::default();
        for shipped in shipped_templates() {
            match parse_template_with(&shipped.path(), shipped.text, library) {
                Ok(template) => set.insert(template, TemplateSource::Shipped),
                Err(err) => errors.push(err),
            }
        }
        (set, errors)
    }

    /// Shipped templates overridden by the `*.ron` files of `dir` (which may
    /// not exist). A broken workspace template is reported and the shipped
    /// template of that id, if any, stays in effect. Templates resolve
    /// `Use(…)` against the shipped library plus `dir/library/*.ron`.
    pub fn load(dir: &Path) -> (Self, Vec<FileError>) {
        let (library, library_errors) = load_library(&dir.join("library"));
        let (mut set, mut errors) = Self::shipped_with(&library, library_errors);
        let mut from_files: BTreeMap<String, PathBuf> = BTreeMap::new();
        for path in ron_files(dir) {
            let parsed =
                read_text(&path).and_then(|text| parse_template_with(&path, &text, &library));
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

    /// Keeps, from `previous`, every workspace template whose file is now
    /// broken (listed in `errors`): an edit in progress in a text editor must
    /// not take a template away from interviews that use it.
    pub fn keep_last_good(&mut self, previous: &TemplateSet, errors: &[FileError]) {
        for entry in previous.iter() {
            if let TemplateSource::File(path) = &entry.source
                && errors.iter().any(|e| &e.path == path)
            {
                self.entries
                    .insert(entry.template.id.as_str().to_owned(), entry.clone());
            }
        }
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
/// Hidden files (editor backups, our own temporary files) and sync tools'
/// conflict copies (see [`ron_and_conflict_files`]) are skipped.
pub(crate) fn ron_files(dir: &Path) -> Vec<PathBuf> {
    ron_and_conflict_files(dir).0
}

/// The `*.ron` files directly in `dir`, and apart from them the sync
/// conflict copies there (whatever their extension), both sorted.
pub(crate) fn ron_and_conflict_files(dir: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut files = Vec::new();
    let mut conflicts = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        if hidden || !path.is_file() {
            continue;
        }
        if is_conflict_copy(&path) {
            conflicts.push(path);
        } else if path.extension().is_some_and(|ext| ext == "ron") {
            files.push(path);
        }
    }
    files.sort();
    conflicts.sort();
    (files, conflicts)
}
