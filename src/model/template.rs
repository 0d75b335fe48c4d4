//! A role's scorecard template: what to assess and how to tell levels apart.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::library::{DimensionEntry, Library};
use super::{FieldPath, FormatVersion, Problem, Slug};

/// The definition of an interview for one role: its dimensions with their
/// anchors, its exercises (interview stages) and its red flags.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// Stable id; a workspace template with a shipped template's id replaces it.
    pub id: Slug,
    /// Raised by the author when the meaning of the anchors changes.
    pub version: u32,
    /// The role title, as a job ad would print it.
    pub role: String,
    /// Seniority, such as "Mid-level IC".
    pub level: String,
    /// One sentence on what the role is for.
    #[serde(default)]
    pub summary: String,
    /// What is rated, in the order the interview walks through it.
    pub dimensions: Vec<Dimension>,
    /// Time-boxed exercises; each is a stage an interviewer can score.
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// Behaviours that call for a discussion whatever the scores say.
    #[serde(default)]
    pub red_flags: Vec<String>,
}

/// A template as written in its file: like [`Template`], but dimensions may
/// be taken from the shared library (`Use(…)`). [`TemplateFile::resolve`]
/// turns it into the template everyone else uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Template")]
pub struct TemplateFile {
    /// See [`Template::format`].
    pub format: FormatVersion,
    /// See [`Template::id`].
    pub id: Slug,
    /// See [`Template::version`].
    pub version: u32,
    /// See [`Template::role`].
    pub role: String,
    /// See [`Template::level`].
    pub level: String,
    /// See [`Template::summary`].
    #[serde(default)]
    pub summary: String,
    /// Inline dimensions and references into the library.
    pub dimensions: Vec<DimensionEntry>,
    /// See [`Template::exercises`].
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    /// See [`Template::red_flags`].
    #[serde(default)]
    pub red_flags: Vec<String>,
}

impl TemplateFile {
    /// The template with every `Use(…)` replaced by the library's dimension,
    /// or the first reference that does not resolve.
    pub fn resolve(self, library: &Library) -> Result<Template, Problem> {
        let mut dimensions = Vec::with_capacity(self.dimensions.len());
        for (index, entry) in self.dimensions.iter().enumerate() {
            match entry.resolve(library) {
                Ok(dimension) => dimensions.push(dimension),
                Err(problem) => {
                    let mut path = FieldPath::root().field("dimensions").index(index);
                    path.0.extend(problem.path.0);
                    return Err(Problem::new(path, problem.message));
                }
            }
        }
        Ok(Template {
            format: self.format,
            id: self.id,
            version: self.version,
            role: self.role,
            level: self.level,
            summary: self.summary,
            dimensions,
            exercises: self.exercises,
            red_flags: self.red_flags,
        })
    }
}

/// One thing the interview rates, with its behavioural anchors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Unique within the template.
    pub id: Slug,
    /// Short name shown in lists.
    pub name: String,
    /// Relative weight in the weighted score; finite and greater than 0.
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// A mean below *Meets* on a must-have dimension is flagged at the debrief.
    #[serde(default)]
    pub must_have: bool,
    /// What *Meets* looks like.
    pub meets: String,
    /// What *Exceeds* looks like.
    pub exceeds: String,
    /// What falls short.
    #[serde(default)]
    pub below: String,
    /// Probing questions for the interviewer.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Evidence that points up.
    #[serde(default)]
    pub strong_signals: Vec<String>,
    /// Evidence that points down.
    #[serde(default)]
    pub weak_signals: Vec<String>,
}

/// A time-boxed exercise; scoring one is an interview stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Unique within the template; becomes part of scorecard file names.
    pub id: Slug,
    /// Shown when picking a stage.
    pub name: String,
    /// The time box; the timer shows overtime past it.
    pub minutes: u32,
    /// Ids of the dimensions this exercise assesses.
    pub dimensions: Vec<Slug>,
    /// What the interviewer sets up or reads out.
    #[serde(default)]
    pub brief: String,
}

fn default_weight() -> f64 {
    1.0
}

impl Template {
    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id.as_str() == id)
    }

    /// The exercise with this id.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id.as_str() == id)
    }

    /// The dimensions rated at a stage: an exercise's own, or all of them for
    /// a general interview (`stage == ""`) or a stage this template lacks.
    pub fn dimensions_for_stage(&self, stage: &str) -> Vec<&Dimension> {
        match self.exercise(stage) {
            Some(exercise) => exercise
                .dimensions
                .iter()
                .filter_map(|id| self.dimension(id.as_str()))
                .collect(),
            None => self.dimensions.iter().collect(),
        }
    }

    /// Every rule the template breaks beyond its syntax, in file order.
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if self.version == 0 {
            problems.push(Problem::new(
                root.field("version"),
                "version must be 1 or more",
            ));
        }
        for (field, text) in [("role", &self.role), ("level", &self.level)] {
            if text.trim().is_empty() {
                problems.push(Problem::new(
                    root.field(field),
                    format!("{field} may not be empty"),
                ));
            }
        }
        if self.dimensions.is_empty() {
            problems.push(Problem::new(
                root.field("dimensions"),
                "a template needs at least one dimension",
            ));
        }
        let mut seen = HashSet::new();
        for (i, dimension) in self.dimensions.iter().enumerate() {
            let path = root.field("dimensions").index(i);
            if !seen.insert(dimension.id.as_str()) {
                problems.push(Problem::new(
                    path.field("id"),
                    format!("duplicate dimension id {:?}", dimension.id.as_str()),
                ));
            }
            dimension.check(&path, &mut problems);
        }
        let mut seen = HashSet::new();
        for (i, exercise) in self.exercises.iter().enumerate() {
            let path = root.field("exercises").index(i);
            if !seen.insert(exercise.id.as_str()) {
                problems.push(Problem::new(
                    path.field("id"),
                    format!("duplicate exercise id {:?}", exercise.id.as_str()),
                ));
            }
            self.check_exercise(exercise, &path, &mut problems);
        }
        for (i, flag) in self.red_flags.iter().enumerate() {
            if flag.trim().is_empty() {
                problems.push(Problem::new(
                    root.field("red_flags").index(i),
                    "a red flag may not be empty",
                ));
            }
        }
        problems
    }

    fn check_exercise(&self, exercise: &Exercise, path: &FieldPath, problems: &mut Vec<Problem>) {
        if exercise.name.trim().is_empty() {
            problems.push(Problem::new(path.field("name"), "name may not be empty"));
        }
        if exercise.minutes == 0 {
            problems.push(Problem::new(
                path.field("minutes"),
                "minutes must be 1 or more",
            ));
        }
        if exercise.dimensions.is_empty() {
            problems.push(Problem::new(
                path.field("dimensions"),
                format!("exercise {:?} assesses no dimension", exercise.id.as_str()),
            ));
        }
        let mut seen = HashSet::new();
        for (j, id) in exercise.dimensions.iter().enumerate() {
            let at = path.field("dimensions").index(j);
            if self.dimension(id.as_str()).is_none() {
                problems.push(Problem::new(
                    at,
                    format!(
                        "exercise {:?} names unknown dimension {:?}",
                        exercise.id.as_str(),
                        id.as_str()
                    ),
                ));
            } else if !seen.insert(id.as_str()) {
                problems.push(Problem::new(
                    at,
                    format!("dimension {:?} is listed twice", id.as_str()),
                ));
            }
        }
    }
}

impl Dimension {
    fn check(&self, path: &FieldPath, problems: &mut Vec<Problem>) {
        if !(self.weight.is_finite() && self.weight > 0.0) {
            problems.push(Problem::new(
                path.field("weight"),
                format!(
                    "weight of dimension {:?} must be a finite number greater than 0, not {}",
                    self.id.as_str(),
                    self.weight
                ),
            ));
        }
        for (field, text) in [
            ("name", &self.name),
            ("meets", &self.meets),
            ("exceeds", &self.exceeds),
        ] {
            if text.trim().is_empty() {
                problems.push(Problem::new(
                    path.field(field),
                    format!(
                        "{field} of dimension {:?} may not be empty",
                        self.id.as_str()
                    ),
                ));
            }
        }
    }
}
