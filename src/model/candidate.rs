//! A person being interviewed.

use serde::{Deserialize, Serialize};

use super::opening::unknown_stage;
use super::{
    FieldPath, FormatVersion, Interview, InterviewerId, Opening, Problem, Slug, Template, Timestamp,
};

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
    /// The opening the candidate is interviewed for, if any. Left out of
    /// the file when `None`, so files written before openings existed stay
    /// byte for byte as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Slug>,
    /// The interview plan: who interviews at which stage and when. Left out
    /// of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<Interview>,
    /// The candidate's email, if known: calendar invites list the
    /// candidate among the attendees, and this tells them apart from the
    /// panel. Left out of the file when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The candidate's id in the applicant tracking system
    /// (`scorecard import candidates`), so a second import finds them.
    /// Left out of the file when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

impl Candidate {
    /// A candidate with no notes, no opening and no plan.
    pub fn new(id: Slug, name: impl Into<String>, template: Slug, created_at: Timestamp) -> Self {
        Self {
            format: FormatVersion::CURRENT,
            id,
            name: name.into(),
            template,
            created_at,
            notes: String::new(),
            opening: None,
            interviews: Vec::new(),
            email: None,
            external_id: None,
        }
    }

    /// Every rule the candidate file breaks beyond its syntax (not counting
    /// other files: see [`Candidate::reference_problems`]).
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(Problem::new(root.field("name"), "a candidate needs a name"));
        }
        if let Some(email) = &self.email
            && !super::people::looks_like_email(email)
        {
            problems.push(Problem::new(
                root.field("email"),
                format!("{email:?} is not an email address"),
            ));
        }
        if self
            .external_id
            .as_ref()
            .is_some_and(|id| id.trim().is_empty())
        {
            problems.push(Problem::new(
                root.field("external_id"),
                "an external id is not blank: leave the field out instead",
            ));
        }
        let mut seen: Vec<(InterviewerId, &str)> = Vec::new();
        for (i, interview) in self.interviews.iter().enumerate() {
            let path = root.field("interviews").index(i);
            if !interview.stage.is_empty()
                && let Err(err) = Slug::new(interview.stage.as_str())
            {
                problems.push(Problem::new(
                    path.field("stage"),
                    format!("stage must be an exercise id or \"\": {err}"),
                ));
            }
            match InterviewerId::typed(&interview.interviewer) {
                None => problems.push(Problem::new(
                    path.field("interviewer"),
                    "an interviewer needs a name with at least one letter or digit",
                )),
                Some(who) => {
                    let key = (who, interview.stage.as_str());
                    if seen.contains(&key) {
                        problems.push(Problem::new(
                            path,
                            format!(
                                "{:?} is planned twice at stage {:?}: one scorecard per interviewer and stage",
                                interview.interviewer, interview.stage
                            ),
                        ));
                    } else {
                        seen.push(key);
                    }
                }
            }
        }
        problems
    }

    /// The rules the candidate breaks against other files: its opening must
    /// exist (`opening`, looked up by the caller) and be for the
    /// candidate's template; each planned stage must be a stage of the
    /// template (when it is in effect; a scorecard outlives its template,
    /// and so does a plan).
    pub fn reference_problems(
        &self,
        opening: Option<&Opening>,
        template: Option<&Template>,
    ) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if let Some(id) = &self.opening {
            match opening {
                None => problems.push(Problem::new(
                    root.field("opening"),
                    format!(
                        "unknown opening {:?}: there is no openings/{id}.ron",
                        id.as_str()
                    ),
                )),
                Some(opening) if opening.template != self.template => {
                    problems.push(Problem::new(
                        root.field("opening"),
                        format!(
                            "opening {:?} is for template {:?}, but this candidate's template is {:?}",
                            id.as_str(),
                            opening.template.as_str(),
                            self.template.as_str()
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        if let Some(template) = template {
            for (i, interview) in self.interviews.iter().enumerate() {
                if let Some(message) = unknown_stage(&interview.stage, template) {
                    problems.push(Problem::new(
                        root.field("interviews").index(i).field("stage"),
                        message,
                    ));
                }
            }
        }
        problems
    }

    /// The opening's default panel as this candidate's plan, every
    /// interview at `at` (the coordinator sets the times).
    pub fn plan_from(opening: &Opening, at: Timestamp) -> Vec<Interview> {
        opening
            .plan
            .iter()
            .flat_map(|stage| {
                stage.interviewers.iter().map(move |name| Interview {
                    stage: stage.stage.as_str().into(),
                    interviewer: name.into(),
                    at,
                    uid: None,
                })
            })
            .collect()
    }
}
