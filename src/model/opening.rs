//! An opening (a requisition): what a panel hires for.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, InterviewerId, Problem, Slug, Template, Timestamp};

/// Hours an interviewer has to submit a scorecard after the interview,
/// when no opening says otherwise.
pub const DEFAULT_FEEDBACK_DUE_HOURS: u32 = 24;

/// Whether an opening takes candidates: `Open | OnHold | Closed`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum OpeningStatus {
    /// Interviewing.
    #[default]
    Open,
    /// Paused: nobody new is added, the plans stand.
    OnHold,
    /// Filled or cancelled.
    Closed,
}

impl OpeningStatus {
    /// Every status, in the order a form offers them.
    pub const ALL: [OpeningStatus; 3] = [
        OpeningStatus::Open,
        OpeningStatus::OnHold,
        OpeningStatus::Closed,
    ];

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            OpeningStatus::Open => "Open",
            OpeningStatus::OnHold => "On hold",
            OpeningStatus::Closed => "Closed",
        }
    }

    /// The word in JSON (`open`, `on_hold`, `closed`).
    pub fn key(self) -> &'static str {
        match self {
            OpeningStatus::Open => "open",
            OpeningStatus::OnHold => "on_hold",
            OpeningStatus::Closed => "closed",
        }
    }
}

impl fmt::Display for OpeningStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One stage of an opening's default panel: who interviews at it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStage {
    /// An exercise id of the opening's template, or `""` for a general
    /// interview.
    pub stage: String,
    /// The interviewers at this stage, as they write their names.
    pub interviewers: Vec<String>,
}

/// One opening: `openings/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// A slug; also the file name.
    pub id: Slug,
    /// What the panel hires for ("Site Reliability Engineer, Berlin").
    pub title: String,
    /// The template its candidates are interviewed against.
    pub template: Slug,
    /// Who decides.
    pub hiring_manager: String,
    /// When the opening was opened.
    pub opened_at: Timestamp,
    /// Whether it takes candidates.
    #[serde(default)]
    pub status: OpeningStatus,
    /// The default panel, one entry per stage; a new candidate's plan.
    #[serde(default)]
    pub plan: Vec<PlanStage>,
    /// Hours after an interview before its scorecard is overdue.
    #[serde(default = "default_due_hours")]
    pub feedback_due_hours: u32,
}

fn default_due_hours() -> u32 {
    DEFAULT_FEEDBACK_DUE_HOURS
}

impl Opening {
    /// Whether `name` is this opening's hiring manager.
    pub fn is_hiring_manager(&self, who: &InterviewerId) -> bool {
        who.is(&self.hiring_manager)
    }

    /// Every rule the opening breaks on its own (not counting its
    /// template: see [`Opening::template_problems`]).
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push(Problem::new(
                root.field("title"),
                "an opening needs a title",
            ));
        }
        if Slug::from_name(&self.hiring_manager).is_none() {
            problems.push(Problem::new(
                root.field("hiring_manager"),
                "hiring_manager needs a name with at least one letter or digit",
            ));
        }
        if self.feedback_due_hours == 0 {
            problems.push(Problem::new(
                root.field("feedback_due_hours"),
                "feedback_due_hours must be at least 1",
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for (i, stage) in self.plan.iter().enumerate() {
            let path = root.field("plan").index(i);
            if !stage.stage.is_empty()
                && let Err(err) = Slug::new(stage.stage.as_str())
            {
                problems.push(Problem::new(
                    path.field("stage"),
                    format!("stage must be an exercise id or \"\": {err}"),
                ));
            }
            if seen.contains(&stage.stage.as_str()) {
                problems.push(Problem::new(
                    path.field("stage"),
                    format!("stage {:?} is planned twice", stage.stage),
                ));
            }
            seen.push(&stage.stage);
            let mut people: Vec<InterviewerId> = Vec::new();
            for (j, name) in stage.interviewers.iter().enumerate() {
                let at = path.field("interviewers").index(j);
                match InterviewerId::typed(name) {
                    None => problems.push(Problem::new(
                        at,
                        "an interviewer needs a name with at least one letter or digit",
                    )),
                    Some(id) if people.contains(&id) => {
                        problems.push(Problem::new(at, format!("{name:?} is on this stage twice")))
                    }
                    Some(id) => people.push(id),
                }
            }
        }
        problems
    }

    /// The rules the opening breaks against its template (`None`: the
    /// template is not in effect): every planned stage must be one of its
    /// exercises or `""`.
    pub fn template_problems(&self, template: Option<&Template>) -> Vec<Problem> {
        let root = FieldPath::root();
        let Some(template) = template else {
            return vec![Problem::new(
                root.field("template"),
                format!(
                    "unknown template {:?}: no template in effect has this id",
                    self.template.as_str()
                ),
            )];
        };
        self.plan
            .iter()
            .enumerate()
            .filter_map(|(i, stage)| {
                unknown_stage(&stage.stage, template).map(|message| {
                    Problem::new(root.field("plan").index(i).field("stage"), message)
                })
            })
            .collect()
    }
}

/// Why `stage` is not a stage of `template`, or `None` if it is.
pub(crate) fn unknown_stage(stage: &str, template: &Template) -> Option<String> {
    if stage.is_empty() || template.exercise(stage).is_some() {
        return None;
    }
    let mut stages: Vec<String> = template
        .exercises
        .iter()
        .map(|e| format!("{:?}", e.id.as_str()))
        .collect();
    stages.push("\"\" (a general interview)".to_owned());
    Some(format!(
        "unknown stage {stage:?}: template {:?} has the stages {}",
        template.id.as_str(),
        stages.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Candidate;

    fn opening() -> Opening {
        Opening {
            format: FormatVersion::CURRENT,
            id: Slug::new("sre-berlin").unwrap(),
            title: "SRE, Berlin".to_owned(),
            template: Slug::new("tpl").unwrap(),
            hiring_manager: "Dana Kim".to_owned(),
            opened_at: "2026-11-01T09:00:00Z".parse().unwrap(),
            status: OpeningStatus::Open,
            plan: vec![
                PlanStage {
                    stage: String::new(),
                    interviewers: vec!["Priya Raman".to_owned()],
                },
                PlanStage {
                    stage: "bridge".to_owned(),
                    interviewers: vec!["Sam Lee".to_owned(), "Kim Park".to_owned()],
                },
            ],
            feedback_due_hours: 24,
        }
    }

    #[test]
    fn a_good_opening_has_no_problems_and_bad_ones_say_where() {
        assert!(opening().problems().is_empty());
        let mut bad = opening();
        bad.title = " ".to_owned();
        bad.plan[1].stage = String::new();
        bad.plan[0].interviewers.push("priya  raman".to_owned());
        let paths: Vec<String> = bad.problems().iter().map(|p| p.path.to_string()).collect();
        assert_eq!(paths, ["title", "plan[0].interviewers[1]", "plan[1].stage"]);
    }

    #[test]
    fn the_default_panel_becomes_the_plan() {
        let plan = Candidate::plan_from(&opening(), "2026-11-21T10:00:00Z".parse().unwrap());
        let who: Vec<(&str, &str)> = plan
            .iter()
            .map(|i| (i.stage.as_str(), i.interviewer.as_str()))
            .collect();
        assert_eq!(
            who,
            [
                ("", "Priya Raman"),
                ("bridge", "Sam Lee"),
                ("bridge", "Kim Park")
            ]
        );
    }

    #[test]
    fn references_unknown_opening_and_template_mismatch() {
        let mut c = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Alex",
            Slug::new("tpl").unwrap(),
            "2026-11-20T09:00:00Z".parse().unwrap(),
        );
        c.opening = Some(Slug::new("sre-berlin").unwrap());
        assert!(c.reference_problems(Some(&opening()), None).is_empty());
        let unknown = c.reference_problems(None, None);
        assert!(
            unknown[0]
                .message
                .starts_with("unknown opening \"sre-berlin\"")
        );
        let mut other = opening();
        other.template = Slug::new("other").unwrap();
        let mismatch = c.reference_problems(Some(&other), None);
        assert_eq!(mismatch[0].path.to_string(), "opening");
        assert!(mismatch[0].message.contains("is for template \"other\""));
    }
}
