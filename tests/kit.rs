//! `scorecard kit`: one stage's interview kit, run as a user runs it.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use scorecard::export::{escape_html, escape_markdown};
use scorecard::io::TemplateSet;
use scorecard::model::Template;

fn scorecard(args: &[&str], workspace: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn shipped(id: &str) -> Template {
    let (set, errors) = TemplateSet::shipped();
    assert!(errors.is_empty(), "{errors:?}");
    set.get(id).unwrap().template.clone()
}

fn kit(args: &[&str], workspace: &Path) -> String {
    let out = scorecard(args, workspace);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// Every stage of a template, in both formats: each anchor, question and
/// signal of the stage's dimensions is there, its brief is, and neither
/// another stage's brief nor a dimension the stage does not rate is.
#[test]
fn a_kit_holds_its_stage_and_nothing_of_the_others() {
    let ws = tempfile::tempdir().unwrap();
    let template = shipped("cloud-engineer");
    assert!(template.exercises.len() >= 2);
    for exercise in &template.exercises {
        for (format, escape) in [
            ("md", escape_markdown as fn(&str) -> String),
            ("html", escape_html as fn(&str) -> String),
        ] {
            let page = kit(
                &[
                    "kit",
                    "--template",
                    "cloud-engineer",
                    "--stage",
                    exercise.id.as_str(),
                    "--format",
                    format,
                ],
                ws.path(),
            );
            let what = format!("{} ({format})", exercise.id);
            assert!(page.contains(&escape(&template.role)), "{what}: role");
            assert!(page.contains(&escape(&template.level)), "{what}: level");
            assert!(page.contains(&escape(&exercise.name)), "{what}: stage");
            assert!(
                page.contains(&format!("{} minutes", exercise.minutes)),
                "{what}: time box"
            );
            assert!(page.contains(&escape(&exercise.brief)), "{what}: brief");
            for d in &template.dimensions {
                let rated = exercise.dimensions.contains(&d.id);
                let texts = [&d.below, &d.meets, &d.exceeds]
                    .into_iter()
                    .chain(&d.questions)
                    .chain(&d.strong_signals)
                    .chain(&d.weak_signals);
                for t in texts {
                    assert_eq!(
                        page.contains(&escape(t)),
                        rated,
                        "{what}: {} {t:?} present: {}",
                        d.id,
                        !rated
                    );
                }
            }
            for flag in &template.red_flags {
                assert!(page.contains(&escape(flag)), "{what}: red flag {flag:?}");
            }
            for other in template.exercises.iter().filter(|e| e.id != exercise.id) {
                assert!(
                    !page.contains(&escape(&other.brief)),
                    "{what}: {}",
                    other.id
                );
            }
            assert!(page.contains("Notes"), "{what}: room for notes");
        }
    }
}

#[test]
fn a_kit_without_a_stage_covers_every_dimension() {
    let ws = tempfile::tempdir().unwrap();
    let template = shipped("cloud-engineer");
    let page = kit(
        &["kit", "--template", "cloud-engineer", "--format", "html"],
        ws.path(),
    );
    assert!(page.contains("General interview"));
    for d in &template.dimensions {
        assert!(page.contains(&escape_html(&d.meets)), "{}", d.id);
    }
    assert!(page.contains("@page { size: A4"));
}

#[test]
fn an_unknown_template_or_stage_exits_1_and_names_the_stages() {
    let ws = tempfile::tempdir().unwrap();
    let out = scorecard(
        &["kit", "--template", "no-such-role", "--format", "md"],
        ws.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no template \"no-such-role\""));
    let out = scorecard(
        &[
            "kit",
            "--template",
            "cloud-engineer",
            "--stage",
            "nope",
            "--format",
            "md",
        ],
        ws.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("no stage \"nope\""), "{stderr}");
    assert!(stderr.contains("cost-aware-scaling"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn output_follows_the_export_target_rules() {
    let ws = tempfile::tempdir().unwrap();
    let args = ["kit", "--template", "cloud-engineer", "--format", "md"];
    let target = ws.path().join("kit.md");
    let mut with_file = args.to_vec();
    let target_arg = target.to_str().unwrap();
    with_file.extend(["-o", target_arg]);
    let out = scorecard(&with_file, ws.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).starts_with("wrote "));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Interview kit")
    );

    let mut to_stdout = args.to_vec();
    to_stdout.extend(["-o", "-"]);
    assert!(kit(&to_stdout, ws.path()).starts_with("# Interview kit"));

    std::fs::create_dir_all(ws.path().join("candidates")).unwrap();
    let refused = ws.path().join("candidates/kit.md");
    let mut into_data = args.to_vec();
    let refused_arg = refused.to_str().unwrap();
    into_data.extend(["-o", refused_arg]);
    let out = scorecard(&into_data, ws.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(!refused.exists());
}

#[test]
fn kit_markdown_snapshot() {
    let ws = tempfile::tempdir().unwrap();
    let md = kit(
        &[
            "kit",
            "--template",
            "cloud-engineer",
            "--stage",
            "escalated-connectivity-ticket",
            "--format",
            "md",
        ],
        ws.path(),
    );
    insta::assert_snapshot!("kit_markdown", md);
}
