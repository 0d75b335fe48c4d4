//! One submitted scorecard as the request body of an ATS API that takes
//! feedback (docs/EXPORTS.md, "Feedback for the ATS"): Ashby's
//! `applicationFeedback.submit` and Lever's
//! `POST /opportunities/{opportunity}/feedback`. The field ids come from
//! the workspace's `ats.ron` ([`AshbyForm`], [`LeverForm`]); the
//! application (Ashby) or opportunity (Lever) is the candidate's
//! `external_id`. Nothing here makes a network call: the body is written
//! to a file or stdout for a person or a script to send.

use serde::Serialize;

use super::ats::{ats_text, recommendation_score, scorecard_dimensions};
use crate::model::{AshbyForm, Candidate, LeverForm, Scorecard, Slug, Template, ats_user};

/// Why a body cannot be written; each says what to add.
#[derive(Debug, thiserror::Error)]
pub enum AtsJsonError {
    /// A draft: only submitted scorecards go to an ATS.
    #[error("the scorecard is a draft: only submitted scorecards go to the ATS")]
    Draft,
    /// No overall recommendation to send.
    #[error("the scorecard has no overall recommendation, which the ATS form requires")]
    NoRecommendation,
    /// The candidate has no ATS id.
    #[error(
        "candidate {candidate} has no external_id: add the {ats} {what} id to their candidate.ron \
         (`external_id: Some(\"…\")`), or import them from the ATS's export"
    )]
    NoExternalId {
        /// The candidate.
        candidate: String,
        /// "Ashby" or "Lever".
        ats: &'static str,
        /// "application" or "opportunity".
        what: &'static str,
    },
    /// Rated dimensions without a field in `ats.ron`.
    #[error(
        "ats.ron maps no {ats} field for {}: add {} under {key}'s dimensions, as {}",
        quoted(.dimensions),
        if .dimensions.len() == 1 { "it" } else { "them" },
        example(.dimensions)
    )]
    Unmapped {
        /// "Ashby" or "Lever".
        ats: &'static str,
        /// `ashby` or `lever`.
        key: &'static str,
        /// The dimension ids.
        dimensions: Vec<String>,
    },
    /// The interviewer has no Ashby user in `ats.ron`: without `userId`
    /// Ashby credits the feedback to the owner of the API key.
    #[error(
        "ats.ron lists no Ashby user for {interviewer}: add them under ashby's users, as \
         `users: {{\"{interviewer}\": \"<their Ashby user id>\"}}`; without it Ashby would \
         credit the feedback to the API key's owner"
    )]
    NoAshbyUser {
        /// The scorecard's interviewer.
        interviewer: String,
    },
    /// The JSON writer failed (it writes into memory: in practice, never).
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

fn quoted(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("{id:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn example(ids: &[String]) -> String {
    let entries: Vec<String> = ids
        .iter()
        .map(|id| format!("{id:?}: \"<field>\""))
        .collect();
    format!("dimensions: {{{}}}", entries.join(", "))
}

/// What both bodies are made of: the overall score, each rated
/// dimension's field and score (no signal left out: it is not a score),
/// and the text of the whole scorecard.
struct Parts<'a> {
    overall: u8,
    scores: Vec<(&'a str, u8)>,
    text: String,
}

fn parts<'a>(
    scorecard: &Scorecard,
    template: Option<&Template>,
    fields: &'a std::collections::BTreeMap<Slug, String>,
    ats: &'static str,
    key: &'static str,
) -> Result<Parts<'a>, AtsJsonError> {
    if !scorecard.is_submitted() {
        return Err(AtsJsonError::Draft);
    }
    let overall = scorecard
        .recommendation
        .map(recommendation_score)
        .ok_or(AtsJsonError::NoRecommendation)?;
    let mut scores = Vec::new();
    let mut unmapped = Vec::new();
    for (id, _, rating) in scorecard_dimensions(scorecard, template) {
        let Some(score) = rating.and_then(|r| r.score()) else {
            continue;
        };
        match fields.get(id) {
            Some(field) => scores.push((field.as_str(), score)),
            None => unmapped.push(id.to_owned()),
        }
    }
    if !unmapped.is_empty() {
        return Err(AtsJsonError::Unmapped {
            ats,
            key,
            dimensions: unmapped,
        });
    }
    Ok(Parts {
        overall,
        scores,
        text: ats_text(scorecard, template),
    })
}

fn external_id<'c>(
    candidate: &'c Candidate,
    ats: &'static str,
    what: &'static str,
) -> Result<&'c str, AtsJsonError> {
    candidate
        .external_id
        .as_deref()
        .filter(|id| !id.trim().is_empty())
        .ok_or_else(|| AtsJsonError::NoExternalId {
            candidate: candidate.id.to_string(),
            ats,
            what,
        })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AshbyBody<'a> {
    form_definition_id: &'a str,
    application_id: &'a str,
    user_id: &'a str,
    feedback_form: AshbyFeedbackForm<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AshbyFeedbackForm<'a> {
    field_submissions: Vec<AshbyField<'a>>,
}

#[derive(Serialize)]
struct AshbyField<'a> {
    path: &'a str,
    value: AshbyValue,
}

#[derive(Serialize)]
#[serde(untagged)]
enum AshbyValue {
    Score {
        score: u8,
    },
    Text {
        #[serde(rename = "type")]
        kind: &'static str,
        value: String,
    },
}

/// The body of Ashby's `applicationFeedback.submit` for `scorecard` of
/// `candidate`: `formDefinitionId`, `applicationId` (the candidate's
/// `external_id`), `userId` of the interviewer (`ats.ron` must list them:
/// [`AtsJsonError::NoAshbyUser`] else), and
/// `feedbackForm.fieldSubmissions`: the overall recommendation and each
/// rated dimension as a score `{"score": 1–4}`, then, when `notes` is
/// mapped, the whole [`ats_text`] as `{"type": "PlainText", "value": …}`.
/// Pretty-printed, with a final newline.
pub fn ashby_feedback_json(
    scorecard: &Scorecard,
    candidate: &Candidate,
    form: &AshbyForm,
    template: Option<&Template>,
) -> Result<String, AtsJsonError> {
    let parts = parts(scorecard, template, &form.dimensions, "Ashby", "ashby")?;
    let application_id = external_id(candidate, "Ashby", "application")?;
    let user_id =
        ats_user(&form.users, &scorecard.interviewer).ok_or_else(|| AtsJsonError::NoAshbyUser {
            interviewer: scorecard.interviewer.to_string(),
        })?;
    let mut fields = vec![AshbyField {
        path: &form.overall,
        value: AshbyValue::Score {
            score: parts.overall,
        },
    }];
    fields.extend(parts.scores.iter().map(|(path, score)| AshbyField {
        path,
        value: AshbyValue::Score { score: *score },
    }));
    if let Some(notes) = &form.notes {
        fields.push(AshbyField {
            path: notes,
            value: AshbyValue::Text {
                kind: "PlainText",
                value: parts.text.clone(),
            },
        });
    }
    let body = AshbyBody {
        form_definition_id: &form.form_definition_id,
        application_id,
        user_id,
        feedback_form: AshbyFeedbackForm {
            field_submissions: fields,
        },
    };
    pretty(&body)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LeverBody<'a> {
    base_template_id: &'a str,
    field_values: Vec<LeverField<'a>>,
}

#[derive(Serialize)]
struct LeverField<'a> {
    id: &'a str,
    value: LeverValue,
}

#[derive(Serialize)]
#[serde(untagged)]
enum LeverValue {
    Score(u8),
    Text(String),
}

/// Where a Lever body is sent: its opportunity and the user it is
/// performed as, when `ats.ron` lists the interviewer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeverTarget {
    /// The opportunity (the candidate's `external_id`).
    pub opportunity: String,
    /// The interviewer's Lever user id (`perform_as`), if known.
    pub perform_as: Option<String>,
}

impl LeverTarget {
    /// The request line: `POST https://api.lever.co/v1/opportunities/…/feedback?perform_as=…`.
    pub fn request(&self) -> String {
        format!(
            "POST https://api.lever.co/v1/opportunities/{}/feedback?perform_as={}",
            self.opportunity,
            self.perform_as
                .as_deref()
                .unwrap_or("<the interviewer's Lever user id>")
        )
    }
}

/// The body of Lever's `POST /opportunities/{opportunity}/feedback` for
/// `scorecard` of `candidate`: `baseTemplateId` and `fieldValues`: the
/// overall rating and each rated dimension as the score 1–4, then, when
/// `notes` is mapped, the whole [`ats_text`]. With where to send it.
pub fn lever_feedback_json(
    scorecard: &Scorecard,
    candidate: &Candidate,
    form: &LeverForm,
    template: Option<&Template>,
) -> Result<(String, LeverTarget), AtsJsonError> {
    let parts = parts(scorecard, template, &form.dimensions, "Lever", "lever")?;
    let opportunity = external_id(candidate, "Lever", "opportunity")?;
    let mut fields = vec![LeverField {
        id: &form.overall,
        value: LeverValue::Score(parts.overall),
    }];
    fields.extend(parts.scores.iter().map(|(id, score)| LeverField {
        id,
        value: LeverValue::Score(*score),
    }));
    if let Some(notes) = &form.notes {
        fields.push(LeverField {
            id: notes,
            value: LeverValue::Text(parts.text.clone()),
        });
    }
    let body = LeverBody {
        base_template_id: &form.template_id,
        field_values: fields,
    };
    let target = LeverTarget {
        opportunity: opportunity.to_owned(),
        perform_as: ats_user(&form.users, &scorecard.interviewer).map(str::to_owned),
    };
    Ok((pretty(&body)?, target))
}

fn pretty(body: &impl Serialize) -> Result<String, AtsJsonError> {
    let mut text = serde_json::to_string_pretty(body)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rating, RatingEntry, Recommendation, Timestamp};

    fn scorecard(submitted: bool) -> Scorecard {
        let at: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
        let mut card: Scorecard = ron::from_str(
            "Scorecard(format: 1, candidate: \"c-1\", template: \"t\", template_version: 1, \
             interviewer: \"Priya Raman\", stage: \"\", started_at: \"2026-12-01T09:00:00Z\")",
        )
        .unwrap();
        card.submitted_at = submitted.then_some(at);
        card.recommendation = Some(Recommendation::StrongHire);
        for (id, rating) in [
            ("iac", Rating::Meets),
            ("security", Rating::PartiallyMeets),
            ("comms", Rating::NoSignal),
        ] {
            card.ratings.insert(
                Slug::new(id).unwrap(),
                RatingEntry {
                    rating,
                    evidence: Box::default(),
                },
            );
        }
        card
    }

    fn candidate(external_id: Option<&str>) -> Candidate {
        let mut c = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Ana Ruiz",
            Slug::new("t").unwrap(),
            "2026-11-01T09:00:00Z".parse().unwrap(),
        );
        c.external_id = external_id.map(str::to_owned);
        c
    }

    fn lever(dimensions: &[(&str, &str)]) -> LeverForm {
        LeverForm {
            template_id: "tmpl".to_owned(),
            overall: "overall".to_owned(),
            dimensions: dimensions
                .iter()
                .map(|(id, f)| (Slug::new(*id).unwrap(), (*f).to_owned()))
                .collect(),
            ..LeverForm::default()
        }
    }

    #[test]
    fn every_rated_dimension_needs_a_field_but_no_signal_does_not() {
        let err = lever_feedback_json(&scorecard(true), &candidate(Some("o-1")), &lever(&[]), None)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "ats.ron maps no Lever field for \"iac\", \"security\": add them under lever's \
             dimensions, as dimensions: {\"iac\": \"<field>\", \"security\": \"<field>\"}"
        );
        let form = lever(&[("iac", "f-iac"), ("security", "f-sec")]);
        let (body, target) =
            lever_feedback_json(&scorecard(true), &candidate(Some("o-1")), &form, None).unwrap();
        let body: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"baseTemplateId": "tmpl", "fieldValues": [
                {"id": "overall", "value": 4}, {"id": "f-iac", "value": 3}, {"id": "f-sec", "value": 2}
            ]})
        );
        assert_eq!(
            target.request(),
            "POST https://api.lever.co/v1/opportunities/o-1/feedback?perform_as=<the interviewer's Lever user id>"
        );
    }

    #[test]
    fn drafts_and_candidates_without_an_ats_id_are_refused() {
        let form = lever(&[("iac", "a"), ("security", "b")]);
        let draft = lever_feedback_json(&scorecard(false), &candidate(Some("o")), &form, None);
        assert!(matches!(draft, Err(AtsJsonError::Draft)));
        let no_id = lever_feedback_json(&scorecard(true), &candidate(None), &form, None)
            .unwrap_err()
            .to_string();
        assert!(
            no_id.starts_with("candidate c-1 has no external_id"),
            "{no_id}"
        );
    }
}
