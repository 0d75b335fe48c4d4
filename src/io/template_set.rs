//! Owns the templates in effect: shipped ones, overridden by workspace ones.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::library::{load_library, shipped_library};
use super::listing::list;
use super::parse::{parse_template_with, read_text};
use super::sync_conflicts::ConflictCopy;
use super::{FileError, shipped_templates};
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
        let listing = list(dir);
        // A `library` that is a link is reported by `load_library` already.
        let library_dir = dir.join("library");
        errors.extend(listing.errors.into_iter().filter(|e| e.path != library_dir));
        for path in listing.files {
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

/// The conflict copies directly in `dir` (templates or library files: no
/// candidate), sorted.
pub(crate) fn copies_in(dir: &Path) -> Vec<ConflictCopy> {
    ConflictCopy::listed(list(dir).copies, None).collect()
}
