//! Writing and reading back gives the same value, whatever people type.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use scorecard::io::{parse_any, parse_candidate, parse_scorecard, parse_template, to_ron};
use scorecard::model::{
    Candidate, Dimension, DimensionMap, Exercise, FormatVersion, Rating, RatingEntry,
    Recommendation, Scorecard, Slug, Template, Timestamp,
};

fn slug() -> impl Strategy<Value = Slug> {
    "[a-z0-9][a-z0-9-]{0,20}".prop_map(|s| Slug::new(s).unwrap())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_102_444_800, 0u32..1000).prop_map(|(secs, millis)| {
        let time = Utc.timestamp_opt(secs, millis * 1_000_000).unwrap();
        Timestamp::from_utc(time)
    })
}

/// Free text as people type it: quotes, backslashes, newlines, emoji, RON
/// syntax, control characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[\"\\\\\n\r\t(){}\\[\\],:/*#]{0,12}",
        Just("[04:10] traced DNS → TLS → LB; \"quoted\" \\ r#\"raw\"#".to_owned()),
    ]
}

fn rating() -> impl Strategy<Value = Rating> {
    prop::sample::select(Rating::ALL.to_vec())
}

fn interviewer() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z .'-]{0,30}"
}

prop_compose! {
    fn scorecard()(
        candidate in slug(),
        template in slug(),
        template_version in 1u32..100,
        interviewer in interviewer(),
        stage in prop_oneof![Just(String::new()), slug().prop_map(|s| s.to_string())],
        started_at in timestamp(),
        submitted in proptest::option::of(0i64..10_000),
        amended in proptest::option::of(timestamp()),
        ratings in prop::collection::btree_map(slug(), (rating(), text()), 0..8),
        unrated_evidence in prop::collection::btree_map(slug(), text(), 0..3),
        red_flags in prop::collection::vec(text(), 0..3),
        recommendation in proptest::option::of(prop::sample::select(Recommendation::ALL.to_vec())),
        notes in text(),
    ) -> Scorecard {
        let submitted_at = submitted.map(|secs| {
            Timestamp::from_utc(started_at.as_utc() + chrono::Duration::seconds(secs))
        });
        let ratings: DimensionMap<RatingEntry> = ratings
            .into_iter()
            .map(|(id, (rating, evidence))| (id, RatingEntry { rating, evidence: evidence.into() }))
            .collect();
        let mut card = Scorecard::draft(
            candidate,
            template,
            template_version,
            &interviewer,
            &stage,
            started_at,
        );
        card.submitted_at = submitted_at;
        card.amended_at = amended;
        card.ratings = ratings;
        card.unrated_evidence = unrated_evidence.into_iter().collect();
        card.red_flags = red_flags;
        card.recommendation = recommendation;
        card.notes = notes;
        card
    }
}

prop_compose! {
    fn template()(
        id in slug(),
        role in "[A-Za-z][A-Za-z ]{0,20}",
        summary in text(),
        weights in prop::collection::vec(0.01f64..100.0, 1..6),
        words in prop::collection::vec(text(), 4),
        minutes in 1u32..240,
        red_flags in prop::collection::vec("[a-z][a-z ]{0,20}", 0..3),
    ) -> Template {
        let dimensions: Vec<Dimension> = weights.iter().enumerate().map(|(i, &weight)| Dimension {
            id: Slug::new(format!("d{i}")).unwrap(),
            name: format!("Dimension {i}"),
            weight,
            must_have: i % 2 == 0,
            meets: format!("m{}", words[0]),
            exceeds: format!("e{}", words[1]),
            below: words[2].clone(),
            questions: vec![words[3].clone()],
            strong_signals: vec![],
            weak_signals: vec![words[0].clone()],
        }).collect();
        let exercises = vec![Exercise {
            id: Slug::new("ex").unwrap(),
            name: "Exercise".to_owned(),
            minutes,
            dimensions: vec![dimensions[0].id.clone()],
            brief: words[1].clone(),
        }];
        Template {
            format: FormatVersion::CURRENT, id, version: 1, role, level: "Mid".to_owned(),
            summary, dimensions, exercises, red_flags,
        }
    }
}

proptest! {
    #[test]
    fn scorecards_survive_a_write_and_a_read(card in scorecard()) {
        let text = to_ron(&card, "scorecard").unwrap();
        let back = parse_scorecard(Path::new("x.ron"), &text).unwrap();
        prop_assert_eq!(&back, &card);
        // Told apart by content, too.
        prop_assert!(parse_any(Path::new("x.ron"), &text).is_ok());
    }

    #[test]
    fn templates_survive_a_write_and_a_read(template in template()) {
        let text = to_ron(&template, "template").unwrap();
        let back = parse_template(Path::new("t.ron"), &text).unwrap();
        prop_assert_eq!(back, template);
    }

    #[test]
    fn candidates_survive_a_write_and_a_read(
        id in slug(), template in slug(), name in "[^\u{0}]{1,30}", created_at in timestamp(), notes in text(),
        email in proptest::option::of("[a-z.]{1,12}@example\\.com"),
        external_id in proptest::option::of("[A-Za-z0-9-]{1,12}"),
    ) {
        prop_assume!(!name.trim().is_empty());
        let mut candidate = Candidate::new(id, name, template, created_at);
        candidate.notes = notes;
        candidate.email = email;
        candidate.external_id = external_id;
        let text = to_ron(&candidate, "candidate").unwrap();
        let back = parse_candidate(Path::new("c.ron"), &text).unwrap();
        prop_assert_eq!(back, candidate);
    }

    #[test]
    fn no_input_panics_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_any(Path::new("fuzz.ron"), &text);
    }

    #[test]
    fn no_mutation_of_a_valid_file_panics_the_loader(
        cut in 0usize..2000, insert in "[\"()\\[\\]{},:/*r#a-z0-9 ]{0,4}"
    ) {
        let text = include_str!("../scorecards/infrastructure-engineer.ron");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mutated = format!("{}{}{}", &text[..at], insert, &text[at..]);
        if let Err(err) = parse_any(Path::new("m.ron"), &mutated) {
            prop_assert!(err.line >= 1 && err.column >= 1);
        }
    }
}
