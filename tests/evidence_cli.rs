//! `scorecard drift` and `scorecard reliability`, run as a user runs them
//! on workspaces built here, their numbers checked against a plain
//! computation of DESIGN.md's formulas.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{text, workspace_state};
use scorecard::io::Workspace;
use scorecard::model::{Candidate, Rating, Recommendation, Scorecard, Slug, Timestamp};
use serde_json::Value;

const TEMPLATE: &str = r#"Template(
    format: 1,
    id: "t",
    version: 1,
    role: "Platform Engineer",
    level: "Mid",
    dimensions: [
        Dimension(id: "a", name: "Alpha", weight: 2.0, meets: "m", exceeds: "e"),
        Dimension(id: "b", name: "Beta", meets: "m", exceeds: "e"),
    ],
)
"#;

fn run(args: &[&str], workspace: &Path, tz: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .env("TZ", tz)
        .output()
        .unwrap()
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A submitted general interview of `candidate` by `who` at `started`.
fn card(candidate: &str, who: &str, started: &str, a: u8, b: u8) -> Scorecard {
    Scorecard::draft(
        Slug::new(candidate).unwrap(),
        Slug::new("t").unwrap(),
        1,
        who,
        "",
        at(started),
    )
    .rated(
        Slug::new("a").unwrap(),
        Rating::from_score(a).unwrap(),
        "seen",
    )
    .rated(
        Slug::new("b").unwrap(),
        Rating::from_score(b).unwrap(),
        "seen",
    )
    .submitted(at("2026-12-05T20:00:00Z"), Recommendation::Hire)
}

fn write(workspace: &Workspace, cards: &[Scorecard]) {
    fs::create_dir_all(workspace.templates_dir()).unwrap();
    fs::write(workspace.templates_dir().join("t.ron"), TEMPLATE).unwrap();
    for c in cards {
        let id = c.candidate.clone();
        if workspace.candidates_dir().join(id.as_str()).is_dir() {
            continue;
        }
        let candidate = Candidate::new(
            id,
            format!("Person {}", c.candidate),
            Slug::new("t").unwrap(),
            at("2026-11-01T09:00:00Z"),
        );
        workspace.save_candidate(&candidate).unwrap();
    }
    for c in cards {
        let path = workspace
            .scorecard_path(&c.candidate, &c.interviewer, &c.stage)
            .unwrap();
        workspace.save_scorecard(&path, c).unwrap();
    }
}

/// Ann's and Bob's ratings of candidate `i` (a, b).
fn ratings(i: usize) -> [(u8, u8); 2] {
    let ann = (1 + (i * 7 % 4) as u8, 1 + (i * 3 % 4) as u8);
    let bob = ((ann.0 + (i % 2) as u8).min(4), 1 + (i * 5 % 4) as u8);
    [ann, bob]
}

/// Twelve candidates over two days: Ann interviews six a day from 09:00,
/// Bob each of them twenty minutes later.
fn two_days() -> Vec<Scorecard> {
    let mut cards = Vec::new();
    for i in 0..12 {
        let day = 1 + i / 6;
        let hour = 9 + i % 6;
        let [ann, bob] = ratings(i);
        let id = format!("c-{i:02}");
        cards.push(card(
            &id,
            "Ann",
            &format!("2026-12-0{day}T{hour:02}:00:00Z"),
            ann.0,
            ann.1,
        ));
        cards.push(card(
            &id,
            "Bob",
            &format!("2026-12-0{day}T{hour:02}:20:00Z"),
            bob.0,
            bob.1,
        ));
    }
    cards
}

/// A scorecard's score: (2·a + b) / 3.
fn score(a: u8, b: u8) -> f64 {
    (2.0 * f64::from(a) + f64::from(b)) / 3.0
}

/// Each interviewer's pairs of the two days, as DESIGN.md defines them.
fn pairs_of(who: usize) -> Vec<(f64, f64)> {
    let mut pairs = Vec::new();
    for day in 0..2 {
        let scores: Vec<f64> = (0..6)
            .map(|k| {
                let r = ratings(day * 6 + k)[who];
                score(r.0, r.1)
            })
            .collect();
        for k in 1..6 {
            let earlier = scores[..k].iter().sum::<f64>() / k as f64;
            pairs.push((earlier, scores[k]));
        }
    }
    pairs
}

/// slope, low, high over groups each centred on its own means.
fn plain_fit(groups: &[Vec<(f64, f64)>]) -> (f64, f64, f64) {
    let mut centred = Vec::new();
    for g in groups {
        let mx = g.iter().map(|p| p.0).sum::<f64>() / g.len() as f64;
        let my = g.iter().map(|p| p.1).sum::<f64>() / g.len() as f64;
        centred.extend(g.iter().map(|p| (p.0 - mx, p.1 - my)));
    }
    let sxx: f64 = centred.iter().map(|p| p.0 * p.0).sum();
    let slope = centred.iter().map(|p| p.0 * p.1).sum::<f64>() / sxx;
    let rss: f64 = centred.iter().map(|p| (p.1 - slope * p.0).powi(2)).sum();
    let df = centred.len() as f64 - groups.len() as f64 - 1.0;
    let se = (rss / df / sxx).sqrt();
    (slope, slope - 1.96 * se, slope + 1.96 * se)
}

fn close(value: &Value, expected: f64) {
    let got = value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"));
    assert!((got - expected).abs() < 1e-12, "{got} against {expected}");
}

#[test]
fn drift_prints_each_interviewers_slope_and_the_teams() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    write(&workspace, &two_days());
    let before = workspace_state(dir.path());
    let out = run(&["drift", "--format", "json"], dir.path(), "UTC");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let people = json["interviewers"].as_array().unwrap();
    assert_eq!(people.len(), 2);
    let ann = &people[0];
    assert_eq!(ann["interviewer"], "Ann");
    assert_eq!(ann["pairs"], 10);
    assert_eq!(ann["days"], 2);
    let (slope, low, high) = plain_fit(&[pairs_of(0)]);
    close(&ann["slope"], slope);
    close(&ann["ci_low"], low);
    close(&ann["ci_high"], high);
    assert_eq!(ann["flagged"], false, "fewer than 30 pairs");
    let keys: Vec<&String> = ann.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "ci_high",
            "ci_low",
            "days",
            "flagged",
            "interviewer",
            "pairs",
            "slope"
        ]
    );
    let (slope, low, high) = plain_fit(&[pairs_of(0), pairs_of(1)]);
    let team = &json["team"];
    assert_eq!(team["pairs"], 20);
    close(&team["slope"], slope);
    close(&team["ci_low"], low);
    close(&team["ci_high"], high);
    assert_eq!(workspace_state(dir.path()), before, "nothing written");

    let out = run(&["drift", "--interviewer", "ann"], dir.path(), "UTC");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let words = text(&out.stdout);
    assert!(words.contains("Ann: 10 pairs on 2 days"), "{words}");
    assert!(!words.contains("Bob"), "{words}");
    assert!(words.contains("The team: 20 pairs"), "{words}");
    assert!(words.contains("the next score was"), "{words}");
}

#[test]
fn days_are_the_readers_local_days() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    // 23:30 and 00:30 UTC: two days in London in winter, one in Berlin.
    write(
        &workspace,
        &[
            card("c-01", "Ann", "2026-12-01T23:30:00Z", 4, 4),
            card("c-02", "Ann", "2026-12-02T00:30:00Z", 2, 2),
        ],
    );
    let pairs = |tz: &str| -> Value {
        let out = run(&["drift", "--format", "json"], dir.path(), tz);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["interviewers"][0]["pairs"].clone()
    };
    assert_eq!(pairs("Europe/London"), 0);
    assert_eq!(pairs("Europe/Berlin"), 1);
    let out = run(&["drift", "--format", "json"], dir.path(), "Europe/Berlin");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["interviewers"][0]["slope"],
        Value::Null,
        "below 10 pairs"
    );
}

#[test]
fn an_unknown_interviewer_or_template_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    write(&workspace, &two_days());
    let before = workspace_state(dir.path());
    let out = run(&["drift", "--interviewer", "Zed Nobody"], dir.path(), "UTC");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "scorecard: no submitted scorecard with a score is by \"Zed Nobody\"\n"
    );
    assert!(out.stdout.is_empty());
    let out = run(&["drift", "--interviewer", "!!"], dir.path(), "UTC");
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["reliability", "--template", "nope"], dir.path(), "UTC");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("scorecard: unknown template \"nope\""),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(workspace_state(dir.path()), before);
}

/// ICC(1) of groups by DESIGN.md's formula, written out.
fn plain_icc(groups: &[Vec<f64>]) -> f64 {
    let n = groups.len() as f64;
    let all: Vec<f64> = groups.iter().flatten().copied().collect();
    let big_n = all.len() as f64;
    let m = all.iter().sum::<f64>() / big_n;
    let means: Vec<f64> = groups
        .iter()
        .map(|g| g.iter().sum::<f64>() / g.len() as f64)
        .collect();
    let msb = groups
        .iter()
        .zip(&means)
        .map(|(g, mi)| g.len() as f64 * (mi - m).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    let msw = groups
        .iter()
        .zip(&means)
        .map(|(g, mi)| g.iter().map(|x| (x - mi).powi(2)).sum::<f64>())
        .sum::<f64>()
        / (big_n - n);
    let k0 =
        (big_n - groups.iter().map(|g| (g.len() as f64).powi(2)).sum::<f64>() / big_n) / (n - 1.0);
    (msb - msw) / (msb + (k0 - 1.0) * msw)
}

#[test]
fn reliability_prints_each_dimension_and_the_overall_score() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    let mut cards = two_days();
    // A third rater on candidate 0 only: unequal panels, k0 at work.
    cards.push(card("c-00", "Cy", "2026-12-01T15:00:00Z", 3, 2));
    write(&workspace, &cards);
    let out = run(
        &["reliability", "--format", "json", "--template", "t"],
        dir.path(),
        "UTC",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let template = &json["templates"][0];
    assert_eq!(template["template"], "t");
    let a = &template["dimensions"][0];
    assert_eq!(a["dimension"], "a");
    assert_eq!(a["candidates"], 12);
    assert_eq!(a["ratings"], 25);
    let groups: Vec<Vec<f64>> = (0..12)
        .map(|i| {
            let mut g: Vec<f64> = ratings(i).iter().map(|r| f64::from(r.0)).collect();
            if i == 0 {
                g.push(3.0);
            }
            g
        })
        .collect();
    let icc = plain_icc(&groups);
    close(&a["icc1"], icc);
    close(&a["raters_mean"], 25.0 / 12.0);
    let k = 25.0 / 12.0;
    close(&a["panel"], k * icc / (1.0 + (k - 1.0) * icc));
    let needed = |target: f64| (target * (1.0 - icc) / (icc * (1.0 - target))).ceil();
    assert_eq!(a["raters_for_070"].as_f64(), Some(needed(0.7)));
    assert_eq!(a["raters_for_080"].as_f64(), Some(needed(0.8)));
    let overall = &template["overall"];
    assert_eq!(overall["dimension"], Value::Null);
    let scores: Vec<Vec<f64>> = (0..12)
        .map(|i| {
            let mut g: Vec<f64> = ratings(i).iter().map(|r| score(r.0, r.1)).collect();
            if i == 0 {
                g.push(score(3, 2));
            }
            g
        })
        .collect();
    close(&overall["icc1"], plain_icc(&scores));
    let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "candidates",
            "dimension",
            "icc1",
            "panel",
            "raters_for_070",
            "raters_for_080",
            "raters_mean",
            "ratings"
        ]
    );

    let out = run(&["reliability"], dir.path(), "UTC");
    let words = text(&out.stdout);
    assert!(
        words.contains("Platform Engineer (t), least reliable first"),
        "{words}"
    );
    assert!(
        words.contains(&format!("one interviewer {:.2}", plain_icc(&groups))),
        "{words}"
    );
}

#[test]
fn a_broken_file_is_said_and_the_rest_counted() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::new(dir.path());
    write(&workspace, &two_days());
    let broken = workspace
        .candidates_dir()
        .join("c-00")
        .join("scorecards")
        .join("zed--.ron");
    fs::write(&broken, "Scorecard(oops").unwrap();
    for command in ["drift", "reliability"] {
        let out = run(&[command], dir.path(), "UTC");
        assert_eq!(out.status.code(), Some(0), "{command}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("zed--.ron:1:"), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"));
        assert!(!out.stdout.is_empty());
    }
}
