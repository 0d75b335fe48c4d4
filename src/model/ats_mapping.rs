//! `<workspace>/ats.ron`: which field of an ATS's feedback form takes which
//! part of a scorecard, for `scorecard export --format ashby-json` and
//! `--format lever-json` (docs/EXPORTS.md, "Feedback for the ATS").
//!
//! ```ron
//! AtsMapping(
//!     format: 1,
//!     ashby: Some(AshbyForm(
//!         form_definition_id: "1b7d…",
//!         overall: "overall_recommendation",
//!         dimensions: {"fundamentals": "fundamentals_score"},
//!         notes: Some("feedback"),
//!         users: {"Priya Raman": "3ae1…"},
//!     )),
//!     lever: None,
//! )
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, InterviewerId, Problem, Slug};

/// The whole file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtsMapping {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// Ashby's feedback form, if the team uses Ashby.
    #[serde(default)]
    pub ashby: Option<AshbyForm>,
    /// Lever's feedback template, if the team uses Lever.
    #[serde(default)]
    pub lever: Option<LeverForm>,
}

/// One Ashby feedback form (`applicationFeedback.submit`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AshbyForm {
    /// The form's `formDefinitionId`.
    pub form_definition_id: String,
    /// The `path` of the form's overall recommendation (a score field).
    pub overall: String,
    /// The `path` of the score field of each dimension, by dimension id.
    #[serde(default)]
    pub dimensions: BTreeMap<Slug, String>,
    /// The `path` of a text field that takes the whole feedback as text
    /// (evidence, red flags, notes), if any.
    #[serde(default)]
    pub notes: Option<String>,
    /// Each interviewer's Ashby user id (`userId`), by name as they write
    /// it ("Priya Raman" and "priya raman" are one).
    #[serde(default)]
    pub users: BTreeMap<String, String>,
}

/// One Lever feedback template (`POST /opportunities/{id}/feedback`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverForm {
    /// The template's id (`baseTemplateId`).
    pub template_id: String,
    /// The field id of the template's four-point overall rating.
    pub overall: String,
    /// The field id of the score field of each dimension, by dimension id.
    #[serde(default)]
    pub dimensions: BTreeMap<Slug, String>,
    /// The field id of a text field that takes the whole feedback as text,
    /// if any.
    #[serde(default)]
    pub notes: Option<String>,
    /// Each interviewer's Lever user id (the `perform_as` of the request),
    /// by name as they write it.
    #[serde(default)]
    pub users: BTreeMap<String, String>,
}

/// What the two forms have in common, for the checks.
struct FormView<'a> {
    key: &'static str,
    ids: [(&'static str, &'a str); 2],
    dimensions: &'a BTreeMap<Slug, String>,
    notes: Option<&'a String>,
    users: &'a BTreeMap<String, String>,
}

impl AtsMapping {
    /// Every rule the file breaks on its own: a blank id or path, an
    /// interviewer name that names nobody or someone twice.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for form in self.forms() {
            let root = FieldPath::root().field(form.key);
            for (field, value) in form.ids {
                if value.trim().is_empty() {
                    problems.push(Problem::new(root.field(field), blank(field)));
                }
            }
            for (dimension, path) in form.dimensions {
                if path.trim().is_empty() {
                    problems.push(Problem::new(
                        root.field("dimensions").key(dimension.as_str()),
                        format!("the field of dimension {:?} is blank", dimension.as_str()),
                    ));
                }
            }
            if form.notes.is_some_and(|n| n.trim().is_empty()) {
                problems.push(Problem::new(
                    root.field("notes"),
                    "notes is blank: give the field, or leave notes out",
                ));
            }
            let mut seen: Vec<InterviewerId> = Vec::new();
            for (name, id) in form.users {
                let at = root.field("users").key(name);
                match InterviewerId::typed(name) {
                    None => problems.push(Problem::new(
                        at,
                        format!("{name:?} is not an interviewer's name (no letter or digit)"),
                    )),
                    Some(who) if seen.contains(&who) => problems.push(Problem::new(
                        at,
                        format!("{name:?} is listed twice (names are matched ignoring case)"),
                    )),
                    Some(who) => seen.push(who),
                }
                if id.trim().is_empty() {
                    problems.push(Problem::new(
                        root.field("users").key(name),
                        format!("the user id of {name:?} is blank"),
                    ));
                }
            }
        }
        problems
    }

    /// The dimension ids that `known` (is it a dimension of a template in
    /// effect?) does not know, each at its key.
    pub fn dimension_problems(&self, known: impl Fn(&str) -> bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        for form in self.forms() {
            for dimension in form.dimensions.keys() {
                if !known(dimension.as_str()) {
                    problems.push(Problem::new(
                        FieldPath::root()
                            .field(form.key)
                            .field("dimensions")
                            .key(dimension.as_str()),
                        format!(
                            "no template in effect has a dimension {:?}",
                            dimension.as_str()
                        ),
                    ));
                }
            }
        }
        problems
    }

    fn forms(&self) -> Vec<FormView<'_>> {
        let mut forms = Vec::new();
        if let Some(form) = &self.ashby {
            forms.push(FormView {
                key: "ashby",
                ids: [
                    ("form_definition_id", &form.form_definition_id),
                    ("overall", &form.overall),
                ],
                dimensions: &form.dimensions,
                notes: form.notes.as_ref(),
                users: &form.users,
            });
        }
        if let Some(form) = &self.lever {
            forms.push(FormView {
                key: "lever",
                ids: [
                    ("template_id", &form.template_id),
                    ("overall", &form.overall),
                ],
                dimensions: &form.dimensions,
                notes: form.notes.as_ref(),
                users: &form.users,
            });
        }
        forms
    }
}

fn blank(field: &str) -> String {
    format!("{field} is blank: copy it from the ATS")
}

/// The user id listed for `interviewer` (matched by slug) in `users`.
pub fn ats_user<'a>(users: &'a BTreeMap<String, String>, interviewer: &str) -> Option<&'a str> {
    let who = InterviewerId::new(interviewer);
    users
        .iter()
        .find(|(name, _)| InterviewerId::new(name) == who)
        .map(|(_, id)| id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slug(text: &str) -> Slug {
        Slug::new(text).unwrap()
    }

    #[test]
    fn blank_ids_and_doubled_names_are_each_named() {
        let mapping = AtsMapping {
            format: FormatVersion::CURRENT,
            ashby: Some(AshbyForm {
                form_definition_id: " ".to_owned(),
                overall: "overall".to_owned(),
                dimensions: BTreeMap::from([(slug("iac"), String::new())]),
                notes: Some(String::new()),
                users: BTreeMap::from([
                    ("Priya Raman".to_owned(), "u1".to_owned()),
                    ("priya raman".to_owned(), "u2".to_owned()),
                ]),
            }),
            lever: Some(LeverForm {
                template_id: "t".to_owned(),
                overall: String::new(),
                ..LeverForm::default()
            }),
        };
        let messages: Vec<String> = mapping
            .problems()
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(
            messages,
            [
                "ashby.form_definition_id: form_definition_id is blank: copy it from the ATS",
                "ashby.dimensions[\"iac\"]: the field of dimension \"iac\" is blank",
                "ashby.notes: notes is blank: give the field, or leave notes out",
                "ashby.users[\"priya raman\"]: \"priya raman\" is listed twice (names are matched ignoring case)",
                "lever.overall: overall is blank: copy it from the ATS",
            ]
        );
    }

    #[test]
    fn unknown_dimensions_are_named_at_their_key() {
        let mapping = AtsMapping {
            format: FormatVersion::CURRENT,
            ashby: None,
            lever: Some(LeverForm {
                template_id: "t".to_owned(),
                overall: "o".to_owned(),
                dimensions: BTreeMap::from([
                    (slug("iac"), "f1".to_owned()),
                    (slug("typo"), "f2".to_owned()),
                ]),
                ..LeverForm::default()
            }),
        };
        let problems = mapping.dimension_problems(|id| id == "iac");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path.to_string(), "lever.dimensions[\"typo\"]");
    }

    #[test]
    fn users_are_found_by_slug() {
        let users = BTreeMap::from([("Priya Raman".to_owned(), "u1".to_owned())]);
        assert_eq!(ats_user(&users, "  priya RAMAN"), Some("u1"));
        assert_eq!(ats_user(&users, "Sam Lee"), None);
    }
}
