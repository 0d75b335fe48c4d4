//! The shipped scorecard library: a calibrated template for every role in
//! the seeds, built from shared dimensions with level variants.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use scorecard::io::{TemplateSet, shipped_library, shipped_library_files};
use scorecard::model::Template;

/// The 30 role titles of the role catalogue, plus Cloud Engineer.
const ROLES: [&str; 31] = [
    "Lead Cloud Engineer",
    "Kubernetes Engineer",
    "Junior Systems Reliability Engineer",
    "Junior Storage Engineer",
    "Junior Site Reliability Engineer",
    "Junior Reliability Engineer",
    "Junior Production Engineer",
    "Junior Observability Engineer",
    "Junior Network Engineer",
    "Junior Network Automation Engineer",
    "Junior Monitoring Engineer",
    "Junior Linux Systems Engineer",
    "Junior Kubernetes Engineer",
    "Junior Infrastructure Engineer",
    "Junior DevOps Engineer",
    "Junior Cloud Native Engineer",
    "Junior Cloud Engineer",
    "Infrastructure Engineer",
    "Engineering Leader – SRE and DevOps",
    "Distinguished Systems Reliability Engineer",
    "Distinguished Site Reliability Engineer",
    "Distinguished Reliability Engineer",
    "Distinguished Production Engineer",
    "Distinguished Observability Engineer",
    "Distinguished Infrastructure Engineer",
    "Distinguished DevOps Engineer",
    "Distinguished Cloud Engineer",
    "DevOps Engineer",
    "Cloud Platform Engineering Leader",
    "Cloud Native Engineer",
    "Cloud Engineer",
];

fn shipped() -> Vec<Template> {
    let (set, errors) = TemplateSet::shipped();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "\n{}", messages.join("\n"));
    set.iter().map(|e| e.template.clone()).collect()
}

#[test]
fn every_shipped_library_file_parses_and_is_named_by_its_id() {
    let (library, errors) = shipped_library();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "\n{}", messages.join("\n"));
    let files: Vec<_> = shipped_library_files().collect();
    assert_eq!(library.len(), files.len());
    for file in files {
        let id = file.file_name.trim_end_matches(".ron");
        assert!(
            library.get(id).is_some(),
            "{} does not define {id}",
            file.file_name
        );
    }
}

#[test]
fn there_is_one_template_per_role_with_its_exact_title() {
    let templates = shipped();
    let roles: BTreeSet<&str> = templates.iter().map(|t| t.role.as_str()).collect();
    let expected: BTreeSet<&str> = ROLES.into_iter().collect();
    assert_eq!(roles, expected);
    assert_eq!(templates.len(), ROLES.len());
}

#[test]
fn every_template_is_complete_enough_to_interview_with() {
    for t in shipped() {
        let n = t.dimensions.len();
        assert!((5..=8).contains(&n), "{}: {n} dimensions", t.id);
        let ids: BTreeSet<&str> = t.dimensions.iter().map(|d| d.id.as_str()).collect();
        for core in [
            "fundamentals",
            "iac",
            "operational-excellence",
            "security",
            "communication",
        ] {
            assert!(ids.contains(core), "{} lacks {core}", t.id);
        }
        for d in &t.dimensions {
            assert!(
                !d.below.trim().is_empty(),
                "{}/{}: no below anchor",
                t.id,
                d.id
            );
            assert!(
                d.questions.len() >= 2,
                "{}/{}: fewer than 2 questions",
                t.id,
                d.id
            );
            assert!(
                !d.strong_signals.is_empty() && !d.weak_signals.is_empty(),
                "{}/{}: signals",
                t.id,
                d.id
            );
        }
        assert!(!t.exercises.is_empty(), "{}: no exercises", t.id);
        assert!(
            t.exercises.iter().all(|e| e.minutes > 0),
            "{}: time boxes",
            t.id
        );
        assert!(!t.red_flags.is_empty(), "{}: no red flags", t.id);
    }
}

#[test]
fn no_two_levels_share_an_anchor_word_for_word() {
    // Anchor text → the levels (template `level` labels) that use it.
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for t in shipped() {
        for d in &t.dimensions {
            for anchor in [&d.below, &d.meets, &d.exceeds] {
                seen.entry(anchor.trim().to_owned())
                    .or_default()
                    .insert(t.level.clone());
            }
        }
    }
    let shared: Vec<String> = seen
        .into_iter()
        .filter(|(_, levels)| levels.len() > 1)
        .map(|(anchor, levels)| format!("{levels:?}: {anchor}"))
        .collect();
    assert!(
        shared.is_empty(),
        "anchors reused across levels:\n{}",
        shared.join("\n")
    );
}

#[test]
fn devops_engineer_also_serves_software_engineer_in_devops() {
    let templates = shipped();
    let devops = templates
        .iter()
        .find(|t| t.id.as_str() == "devops-engineer")
        .unwrap();
    assert!(
        devops.summary.contains("Software Engineer in DevOps"),
        "{}",
        devops.summary
    );
}
