//! The templates under `scorecards/`, embedded into the binary by build.rs.

use std::path::PathBuf;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/shipped_templates.rs"));
}

/// A template (or library) file compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct ShippedTemplate {
    /// File name under `scorecards/`.
    pub file_name: &'static str,
    /// The RON text.
    pub text: &'static str,
}

impl ShippedTemplate {
    /// The path errors name: where the file lives in the source tree.
    pub fn path(&self) -> PathBuf {
        PathBuf::from("scorecards").join(self.file_name)
    }
}

/// Every shipped template, sorted by file name.
pub fn shipped_templates() -> impl Iterator<Item = ShippedTemplate> {
    generated::SHIPPED
        .iter()
        .map(|&(file_name, text)| ShippedTemplate { file_name, text })
}

/// Every shipped shared dimension (`scorecards/library/*.ron`), sorted by
/// file name. [`ShippedTemplate::path`] does not apply to these: use
/// [`shipped_library_path`].
pub fn shipped_library_files() -> impl Iterator<Item = ShippedTemplate> {
    generated::SHIPPED_LIBRARY
        .iter()
        .map(|&(file_name, text)| ShippedTemplate { file_name, text })
}

/// The source path of a shipped library file, for errors.
pub fn shipped_library_path(file: &ShippedTemplate) -> PathBuf {
    PathBuf::from("scorecards")
        .join("library")
        .join(file.file_name)
}

/// The shipped nudge lists (`scorecards/nudges/*.ron`) as (file name, text).
pub fn shipped_nudge_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    generated::SHIPPED_NUDGES.iter().copied()
}

/// The shipped practice cases (`scorecards/practice/*/*.ron`) as
/// (`<template-id>/<case-id>.ron`, text).
pub(super) fn practice_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    generated::SHIPPED_PRACTICE.iter().copied()
}
