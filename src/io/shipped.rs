//! The templates under `scorecards/`, embedded into the binary by build.rs.

use std::path::PathBuf;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/shipped_templates.rs"));
}

/// A template file compiled into the binary.
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
