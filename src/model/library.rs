//! Shared dimensions with level variants, so that thirty templates do not
//! copy the same anchors: a template says `Use(dimension: "iac", level:
//! "junior")` and gets the library's junior anchors for infrastructure as code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Dimension, FieldPath, FormatVersion, Problem, Slug};

/// One dimension, described once per level: `scorecards/library/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedDimension {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The id templates refer to; also the dimension's id in them.
    pub id: Slug,
    /// Default name in templates.
    pub name: String,
    /// Anchors and questions per level (`junior`, `mid`, `lead`, …).
    pub levels: BTreeMap<Slug, Level>,
}

/// What a dimension looks like at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// What falls short at this level.
    #[serde(default)]
    pub below: String,
    /// What *Meets* looks like at this level.
    pub meets: String,
    /// What *Exceeds* looks like at this level.
    pub exceeds: String,
    /// Probing questions pitched at the level.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Evidence that points up.
    #[serde(default)]
    pub strong_signals: Vec<String>,
    /// Evidence that points down.
    #[serde(default)]
    pub weak_signals: Vec<String>,
}

impl SharedDimension {
    /// Every rule the file breaks beyond its syntax.
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(Problem::new(root.field("name"), "name may not be empty"));
        }
        if self.levels.is_empty() {
            problems.push(Problem::new(
                root.field("levels"),
                "a shared dimension needs at least one level",
            ));
        }
        for (key, level) in &self.levels {
            let path = root.field("levels").key(key.as_str());
            for (field, text) in [("meets", &level.meets), ("exceeds", &level.exceeds)] {
                if text.trim().is_empty() {
                    problems.push(Problem::new(
                        path.field(field),
                        format!(
                            "{field} of level {key:?} may not be empty",
                            key = key.as_str()
                        ),
                    ));
                }
            }
        }
        problems
    }
}

/// The shared dimensions in effect, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    dimensions: BTreeMap<String, SharedDimension>,
}

impl Library {
    /// Adds a shared dimension, replacing one with the same id.
    pub fn insert(&mut self, dimension: SharedDimension) {
        self.dimensions
            .insert(dimension.id.as_str().to_owned(), dimension);
    }

    /// The shared dimension with this id.
    pub fn get(&self, id: &str) -> Option<&SharedDimension> {
        self.dimensions.get(id)
    }

    /// Every shared dimension, by id.
    pub fn iter(&self) -> impl Iterator<Item = &SharedDimension> {
        self.dimensions.values()
    }

    /// How many shared dimensions there are.
    pub fn len(&self) -> usize {
        self.dimensions.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.dimensions.is_empty()
    }
}

/// A template's reference to a shared dimension at a level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionUse {
    /// Id of the shared dimension; it is also the dimension's id here.
    pub dimension: Slug,
    /// Which level's anchors to use.
    pub level: Slug,
    /// Relative weight; finite and greater than 0.
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// Whether a low mean fails the candidate on this dimension.
    #[serde(default)]
    pub must_have: bool,
    /// A name for this template instead of the library's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

fn default_weight() -> f64 {
    1.0
}

/// An entry of a template file's `dimensions`: written out, or taken from
/// the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DimensionEntry {
    /// `Dimension(id: …, meets: …, …)`, the inline form.
    Dimension(Dimension),
    /// `Use(dimension: "iac", level: "junior", …)`.
    Use(DimensionUse),
}

impl DimensionEntry {
    /// The dimension this entry stands for, or what is wrong with it (with
    /// the path relative to the entry).
    pub fn resolve(&self, library: &Library) -> Result<Dimension, Problem> {
        let use_ = match self {
            DimensionEntry::Dimension(dimension) => return Ok(dimension.clone()),
            DimensionEntry::Use(use_) => use_,
        };
        let here = FieldPath::root();
        let Some(shared) = library.get(use_.dimension.as_str()) else {
            return Err(Problem::new(
                here.field("dimension"),
                format!(
                    "no shared dimension {:?} in the library",
                    use_.dimension.as_str()
                ),
            ));
        };
        let Some(level) = shared.levels.get(use_.level.as_str()) else {
            let known: Vec<&str> = shared.levels.keys().map(Slug::as_str).collect();
            return Err(Problem::new(
                here.field("level"),
                format!(
                    "shared dimension {:?} has no level {:?} (it has {})",
                    use_.dimension.as_str(),
                    use_.level.as_str(),
                    known.join(", ")
                ),
            ));
        };
        Ok(Dimension {
            id: use_.dimension.clone(),
            name: use_.name.clone().unwrap_or_else(|| shared.name.clone()),
            weight: use_.weight,
            must_have: use_.must_have,
            meets: level.meets.clone(),
            exceeds: level.exceeds.clone(),
            below: level.below.clone(),
            questions: level.questions.clone(),
            strong_signals: level.strong_signals.clone(),
            weak_signals: level.weak_signals.clone(),
        })
    }
}
