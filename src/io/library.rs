//! Owns the shared-dimension library: the shipped files, plus the workspace's own.

use std::path::Path;
use std::sync::OnceLock;

use super::FileError;
use super::listing::list;
use super::parse::{parse_shared_dimension, read_text};
use super::shipped::{shipped_library_files, shipped_library_path};
use crate::model::Library;

/// The shipped library, parsed once. A shipped file that fails to parse
/// (the tests prevent it) is reported with the library, not fatal.
pub fn shipped_library() -> &'static (Library, Vec<FileError>) {
    static SHIPPED: OnceLock<(Library, Vec<FileError>)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let mut library = Library::default();
        let mut errors = Vec::new();
        for file in shipped_library_files() {
            match parse_shared_dimension(&shipped_library_path(&file), file.text) {
                Ok(dimension) => library.insert(dimension),
                Err(err) => errors.push(err),
            }
        }
        (library, errors)
    })
}

/// The shipped library with the `*.ron` files of `dir` (which may not
/// exist) added; a workspace file replaces a shipped dimension of the same
/// id. Broken files (and links, FIFOs, names that are not UTF-8) are
/// reported and left out.
pub fn load_library(dir: &Path) -> (Library, Vec<FileError>) {
    let (shipped, shipped_errors) = shipped_library();
    let mut library = shipped.clone();
    let mut errors = shipped_errors.clone();
    let listing = list(dir);
    errors.extend(listing.errors);
    for path in listing.files {
        match read_text(&path).and_then(|text| parse_shared_dimension(&path, &text)) {
            Ok(dimension) => library.insert(dimension),
            Err(err) => errors.push(err),
        }
    }
    (library, errors)
}
