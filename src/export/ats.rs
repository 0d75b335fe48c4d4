//! One submitted scorecard as an ATS takes it (DESIGN.md "Feedback out"):
//! plain text in the ATS's own order, for *Copy for ATS* and
//! `scorecard export --format ats`, with the ratings in the four-point
//! words ATSs use (docs/EXPORTS.md, "Feedback for the ATS"). Greenhouse
//! takes no scorecards through its API, so this text, pasted into its
//! scorecard form, is the way there.
//!
//! ```text
//! Overall recommendation: Yes
//!
//! Cloud & infra fundamentals: Yes
//! [04:10] traced DNS -> TLS -> LB before touching the nodes
//!
//! Infrastructure as code: No signal
//!
//! Red flags: none
//!
//! Notes:
//! Strong on the incident; ask about Terraform state next round.
//! ```

use crate::model::{InterviewerId, Rating, Recommendation, Scorecard, Template};

/// A rating in the four-point words of Greenhouse's scorecards:
/// Does not meet → "Definitely not", Partially meets → "No", Meets →
/// "Yes", Exceeds → "Strong yes"; no signal is said as "No signal".
pub fn ats_rating_word(rating: Rating) -> &'static str {
    match rating {
        Rating::DoesNotMeet => "Definitely not",
        Rating::PartiallyMeets => "No",
        Rating::Meets => "Yes",
        Rating::Exceeds => "Strong yes",
        Rating::NoSignal => "No signal",
    }
}

/// An overall recommendation in the same words (Greenhouse's overall
/// recommendation): Strong no hire → "Definitely not", No hire → "No",
/// Hire → "Yes", Strong hire → "Strong yes".
pub fn ats_recommendation_word(recommendation: Recommendation) -> &'static str {
    match recommendation {
        Recommendation::StrongNoHire => "Definitely not",
        Recommendation::NoHire => "No",
        Recommendation::Hire => "Yes",
        Recommendation::StrongHire => "Strong yes",
    }
}

/// An overall recommendation as a score 1–4 (Strong no hire = 1 …
/// Strong hire = 4), for the ATSs' four-point score fields.
pub fn recommendation_score(recommendation: Recommendation) -> u8 {
    match recommendation {
        Recommendation::StrongNoHire => 1,
        Recommendation::NoHire => 2,
        Recommendation::Hire => 3,
        Recommendation::StrongHire => 4,
    }
}

/// The dimensions a scorecard speaks of, in the ATS's order: the
/// template's dimension order first, then those the template (changed
/// since, or gone) no longer has, by id. Each with its name (the
/// template's, else the id). Dimensions with evidence but no rating are
/// included (no word is lost); their rating is `None`.
pub fn scorecard_dimensions<'a>(
    scorecard: &'a Scorecard,
    template: Option<&'a Template>,
) -> Vec<(&'a str, &'a str, Option<Rating>)> {
    let spoken = |id: &str| {
        scorecard.ratings.contains_key(id) || scorecard.unrated_evidence.contains_key(id)
    };
    let mut ids: Vec<&str> = template
        .map(|t| {
            t.dimensions
                .iter()
                .map(|d| d.id.as_str())
                .filter(|id| spoken(id))
                .collect()
        })
        .unwrap_or_default();
    let mut rest: Vec<&str> = scorecard
        .ratings
        .keys()
        .chain(scorecard.unrated_evidence.keys())
        .map(|id| id.as_str())
        .filter(|id| !ids.contains(id))
        .collect();
    rest.sort_unstable();
    rest.dedup();
    ids.extend(rest);
    ids.into_iter()
        .map(|id| {
            let name = template
                .and_then(|t| t.dimension(id))
                .map_or(id, |d| d.name.as_str());
            (id, name, scorecard.ratings.get(id).map(|e| e.rating))
        })
        .collect()
}

/// The stage's name for people: the template's exercise name, "General
/// interview" for `""`, else the stage id.
pub fn stage_name<'a>(stage: &'a str, template: Option<&'a Template>) -> &'a str {
    if stage.is_empty() {
        return "General interview";
    }
    template
        .and_then(|t| t.exercise(stage))
        .map_or(stage, |e| e.name.as_str())
}

/// The scorecard as plain text for an ATS (see the module docs): the
/// overall recommendation, one block per dimension (name and rating word
/// on one line, the evidence as written below it; "Not rated" for
/// evidence without a rating), the red flags, the notes ("none" for
/// either when empty), blocks separated by a blank line. Dimension names
/// come from `template` (the one in effect), else the ids. The caller
/// decides that only submitted scorecards are exported
/// ([`pick_submitted`]); this formats whatever it is given.
pub fn ats_text(scorecard: &Scorecard, template: Option<&Template>) -> String {
    let mut blocks: Vec<String> = Vec::new();
    blocks.push(format!(
        "Overall recommendation: {}",
        scorecard
            .recommendation
            .map_or("none given", ats_recommendation_word)
    ));
    for (id, name, rating) in scorecard_dimensions(scorecard, template) {
        let word = rating.map_or("Not rated", ats_rating_word);
        let mut block = format!("{}: {word}", one_line(name));
        let evidence = scorecard.evidence(id).trim_end();
        if !evidence.trim().is_empty() {
            block.push('\n');
            block.push_str(evidence.trim_start_matches(['\n', '\r']));
        }
        blocks.push(block);
    }
    if scorecard.red_flags.is_empty() {
        blocks.push("Red flags: none".to_owned());
    } else {
        let mut block = "Red flags:".to_owned();
        for flag in &scorecard.red_flags {
            block.push_str("\n- ");
            block.push_str(&one_line(flag));
        }
        blocks.push(block);
    }
    let notes = scorecard.notes.trim();
    if notes.is_empty() {
        blocks.push("Notes: none".to_owned());
    } else {
        blocks.push(format!("Notes:\n{notes}"));
    }
    let mut text = blocks.join("\n\n").replace("\r\n", "\n");
    text.push('\n');
    text
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why no scorecard can be exported for an interviewer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PickError {
    /// The interviewer has no scorecard for the candidate.
    #[error("{interviewer:?} has no scorecard for this candidate")]
    None {
        /// The name asked for.
        interviewer: String,
    },
    /// None at the stage asked for.
    #[error("{interviewer:?} has no scorecard at stage {stage:?}; their stages: {}", stages_list(.stages))]
    NoneAtStage {
        /// The name asked for.
        interviewer: String,
        /// The stage asked for.
        stage: String,
        /// The stages they have scorecards at.
        stages: Vec<String>,
    },
    /// The scorecard is a draft.
    #[error(
        "{interviewer:?}'s scorecard at stage {stage:?} is a draft: only submitted scorecards go to the ATS; submit it first"
    )]
    Draft {
        /// The interviewer, as written in the scorecard.
        interviewer: String,
        /// Its stage.
        stage: String,
    },
    /// Several submitted scorecards, and no stage said which.
    #[error(
        "{interviewer:?} submitted scorecards at several stages ({}): say which with --stage (an ATS takes one form per interview)",
        stages_list(.stages)
    )]
    SeveralStages {
        /// The name asked for.
        interviewer: String,
        /// Their stages with a submitted scorecard.
        stages: Vec<String>,
    },
}

fn stages_list(stages: &[String]) -> String {
    stages
        .iter()
        .map(|s| {
            if s.is_empty() {
                "\"\" (general interview)".to_owned()
            } else {
                format!("{s:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one scorecard of `interviewer` (matched by slug: "Priya Raman" is
/// "priya raman") among `scorecards` to export: at `stage` when given,
/// else their only submitted one. Drafts are never exported.
pub fn pick_submitted<'a>(
    scorecards: impl IntoIterator<Item = &'a Scorecard>,
    interviewer: &str,
    stage: Option<&str>,
) -> Result<&'a Scorecard, PickError> {
    let who = InterviewerId::new(interviewer);
    let theirs: Vec<&Scorecard> = scorecards
        .into_iter()
        .filter(|s| InterviewerId::of(s) == who)
        .collect();
    let name = || interviewer.trim().to_owned();
    let draft = |s: &Scorecard| PickError::Draft {
        interviewer: s.interviewer.trim().to_owned(),
        stage: s.stage.to_string(),
    };
    if theirs.is_empty() {
        return Err(PickError::None {
            interviewer: name(),
        });
    }
    if let Some(stage) = stage {
        return match theirs.iter().find(|s| &*s.stage == stage) {
            Some(s) if s.is_submitted() => Ok(s),
            Some(s) => Err(draft(s)),
            None => Err(PickError::NoneAtStage {
                interviewer: name(),
                stage: stage.to_owned(),
                stages: theirs.iter().map(|s| s.stage.to_string()).collect(),
            }),
        };
    }
    let submitted: Vec<&Scorecard> = theirs
        .iter()
        .copied()
        .filter(|s| s.is_submitted())
        .collect();
    match submitted.as_slice() {
        [one] => Ok(one),
        [] => Err(draft(theirs[0])),
        several => Err(PickError::SeveralStages {
            interviewer: name(),
            stages: several.iter().map(|s| s.stage.to_string()).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RatingEntry, Slug, Timestamp};

    fn card(interviewer: &str, stage: &str, submitted: bool) -> Scorecard {
        let at: Timestamp = "2026-11-21T10:00:00Z".parse().unwrap();
        let mut card = Scorecard::draft(
            Slug::new("c-1").unwrap(),
            Slug::new("t").unwrap(),
            1,
            interviewer,
            stage,
            at,
        );
        card.submitted_at = submitted.then_some(at);
        card.recommendation = Some(Recommendation::Hire);
        card
    }

    #[test]
    fn every_rating_and_recommendation_has_its_word() {
        let words: Vec<&str> = Rating::ALL.into_iter().map(ats_rating_word).collect();
        assert_eq!(
            words,
            ["Definitely not", "No", "Yes", "Strong yes", "No signal"]
        );
        let words: Vec<(&str, u8)> = Recommendation::ALL
            .into_iter()
            .map(|r| (ats_recommendation_word(r), recommendation_score(r)))
            .collect();
        assert_eq!(
            words,
            [
                ("Definitely not", 1),
                ("No", 2),
                ("Yes", 3),
                ("Strong yes", 4)
            ]
        );
    }

    #[test]
    fn a_dimension_the_template_lost_shows_its_id_after_the_others() {
        let mut scorecard = card("Sam Lee", "", true);
        for (id, rating) in [("zeta", Rating::Meets), ("gone", Rating::NoSignal)] {
            scorecard.ratings.insert(
                Slug::new(id).unwrap(),
                RatingEntry {
                    rating,
                    evidence: Box::default(),
                },
            );
        }
        scorecard.unrated_evidence.insert(
            Slug::new("alpha").unwrap(),
            "[02:00] noted before rating\n".to_owned(),
        );
        scorecard.notes = "  \n".to_owned();
        let text = ats_text(&scorecard, None);
        assert_eq!(
            text,
            "Overall recommendation: Yes\n\nalpha: Not rated\n[02:00] noted before rating\n\n\
             gone: No signal\n\nzeta: Yes\n\nRed flags: none\n\nNotes: none\n"
        );
    }

    #[test]
    fn the_scorecard_picked_is_the_interviewers_submitted_one() {
        let cards = [
            card("Priya Raman", "", true),
            card("priya raman", "iac-review", false),
            card("Sam Lee", "", true),
        ];
        let picked = pick_submitted(&cards, "PRIYA  raman", None).unwrap();
        assert_eq!(&*picked.stage, "");
        let draft = pick_submitted(&cards, "Priya Raman", Some("iac-review")).unwrap_err();
        assert!(matches!(draft, PickError::Draft { .. }), "{draft}");
        let none = pick_submitted(&cards, "Ana Ruiz", None).unwrap_err();
        assert_eq!(
            none.to_string(),
            "\"Ana Ruiz\" has no scorecard for this candidate"
        );
        let elsewhere = pick_submitted(&cards, "Sam Lee", Some("x")).unwrap_err();
        assert!(elsewhere.to_string().contains("\"\" (general interview)"));
    }

    #[test]
    fn several_submitted_stages_need_a_stage() {
        let cards = [
            card("Sam Lee", "", true),
            card("Sam Lee", "iac-review", true),
        ];
        let err = pick_submitted(&cards, "Sam Lee", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"Sam Lee\" submitted scorecards at several stages (\"\" (general interview), \"iac-review\"): say which with --stage (an ATS takes one form per interview)"
        );
        let picked = pick_submitted(&cards, "Sam Lee", Some("iac-review")).unwrap();
        assert_eq!(&*picked.stage, "iac-review");
    }
}
