//! One submitted scorecard as plain text for an applicant tracking system
//! (*Copy for ATS*, `scorecard export --format ats`): the ATS's own order
//! and four-point words, pasted into its scorecard form by hand. Greenhouse
//! takes no scorecards through its API, so this text is the way there.
//!
//! Layout (docs/EXPORTS.md "ATS feedback"): the overall recommendation,
//! then one block per dimension (name, rating word, evidence), red flags,
//! notes, blocks separated by a blank line.

use crate::model::{Rating, Recommendation, Scorecard, Template};

/// The four-point word an ATS uses for a rating (Greenhouse's scale):
/// does not meet → "Definitely not", partially meets → "No", meets →
/// "Yes", exceeds → "Strong yes"; no signal stays "No signal" (the
/// dimension was not assessed, which is not a low score).
pub fn ats_rating_word(rating: Rating) -> &'static str {
    match rating {
        Rating::DoesNotMeet => "Definitely not",
        Rating::PartiallyMeets => "No",
        Rating::Meets => "Yes",
        Rating::Exceeds => "Strong yes",
        Rating::NoSignal => "No signal",
    }
}

/// The four-point word an ATS uses for an overall recommendation (the
/// same scale as [`ats_rating_word`]).
pub fn ats_recommendation_word(recommendation: Recommendation) -> &'static str {
    match recommendation {
        Recommendation::StrongNoHire => "Definitely not",
        Recommendation::NoHire => "No",
        Recommendation::Hire => "Yes",
        Recommendation::StrongHire => "Strong yes",
    }
}

/// 1–4 for a recommendation, for ATS score fields (strong no hire 1 …
/// strong hire 4).
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

/// The scorecard as plain text for an ATS (see the module docs). Dimension
/// names come from `template` (the one in effect), else the ids: a
/// scorecard outlives its template. The caller decides that only
/// submitted scorecards are exported; this function formats whatever it
/// is given.
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
        let mut block = format!("{name}: {word}");
        let evidence = scorecard.evidence(id).trim_end();
        if !evidence.is_empty() {
            block.push('\n');
            block.push_str(evidence);
        }
        blocks.push(block);
    }
    if scorecard.red_flags.is_empty() {
        blocks.push("Red flags: none".to_owned());
    } else {
        let mut block = "Red flags:".to_owned();
        for flag in &scorecard.red_flags {
            block.push_str("\n- ");
            block.push_str(flag);
        }
        blocks.push(block);
    }
    let notes = scorecard.notes.trim();
    if notes.is_empty() {
        blocks.push("Notes: none".to_owned());
    } else {
        blocks.push(format!("Notes:\n{notes}"));
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RatingEntry, Slug, Timestamp};

    fn card() -> Scorecard {
        let at: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
        let mut card: Scorecard = ron::from_str(&format!(
            "Scorecard(format: 1, candidate: \"c-1\", template: \"t\", template_version: 1, \
             interviewer: \"Priya Raman\", stage: \"\", started_at: \"{at}\")"
        ))
        .unwrap();
        card.submitted_at = Some(at);
        card
    }

    #[test]
    fn words_follow_the_four_point_scale() {
        assert_eq!(ats_rating_word(Rating::DoesNotMeet), "Definitely not");
        assert_eq!(ats_rating_word(Rating::PartiallyMeets), "No");
        assert_eq!(ats_rating_word(Rating::Meets), "Yes");
        assert_eq!(ats_rating_word(Rating::Exceeds), "Strong yes");
        assert_eq!(ats_rating_word(Rating::NoSignal), "No signal");
        let words: Vec<_> = Recommendation::ALL
            .iter()
            .map(|r| (ats_recommendation_word(*r), recommendation_score(*r)))
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
    fn without_a_template_the_ids_name_the_dimensions_in_id_order() {
        let mut card = card();
        for (id, rating) in [("zeta", Rating::Meets), ("alpha", Rating::Exceeds)] {
            card.ratings.insert(
                Slug::new(id).unwrap(),
                RatingEntry {
                    rating,
                    evidence: format!("said {id}\n"),
                },
            );
        }
        card.recommendation = Some(Recommendation::Hire);
        assert_eq!(
            ats_text(&card, None),
            "Overall recommendation: Yes\n\nalpha: Strong yes\nsaid alpha\n\n\
             zeta: Yes\nsaid zeta\n\nRed flags: none\n\nNotes: none\n"
        );
    }
}
