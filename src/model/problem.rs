//! Semantic problems found in a file that parsed, and where they are.

use std::fmt;

/// One step from a value into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// A named field of a struct: `dimensions`.
    Field(&'static str),
    /// An element of a list: `[2]`.
    Index(usize),
    /// An entry of a map, by its string key: `{"iac"}`.
    Key(String),
}

/// Where in a file a value sits, as a chain of fields, indices and keys.
///
/// The model knows no text positions; the I/O layer turns a path into a line
/// and column by walking the file it read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<PathSegment>);

impl FieldPath {
    /// The path of the whole file.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path followed by a field.
    #[must_use]
    pub fn field(&self, name: &'static str) -> Self {
        self.with(PathSegment::Field(name))
    }

    /// This path followed by a list index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.with(PathSegment::Index(index))
    }

    /// This path followed by a map key.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        self.with(PathSegment::Key(key.to_owned()))
    }

    fn with(&self, segment: PathSegment) -> Self {
        let mut segments = self.0.clone();
        segments.push(segment);
        Self(segments)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if i == 0 => write!(f, "{name}")?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}

/// A rule a parsed value breaks, such as a duplicate id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The value the message is about.
    pub path: FieldPath,
    /// What is wrong, for a person.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: FieldPath, message: impl Into<String>) -> Self {
        Self {
            path,
            message: message.into(),
        }
    }
}
