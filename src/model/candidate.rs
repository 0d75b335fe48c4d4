//! A person being interviewed.

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, Problem, Slug, Timestamp};

/// One candidate for one role: `candidates/<id>/candidate.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// Folder name of the candidate.
    pub id: Slug,
    /// Full name; hidden in blind mode.
    pub name: String,
    /// Id of the template the candidate is interviewed against.
    pub template: Slug,
    /// When the candidate was added.
    pub created_at: Timestamp,
    /// Free text for the coordinator.
    #[serde(default)]
    pub notes: String,
}

impl Candidate {
    /// Every rule the candidate file breaks beyond its syntax.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(Problem::new(
                FieldPath::root().field("name"),
                "a candidate needs a name",
            ));
        }
        problems
    }
}
