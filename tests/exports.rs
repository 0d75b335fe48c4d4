//! `scorecard summary` and `scorecard export`, run as a user runs them (the
//! real binary) on a small workspace written through the store: the
//! numbers, every format, blind mode, `-o FILE`, broken files and hostile
//! text (spreadsheet formulas, HTML).

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scorecard::io::Workspace;
use scorecard::model::{Candidate, Scorecard, Slug, Template, blind_alias};
use serde_json::{Value, json};

const TEMPLATE: &str = "exports-test";
const HOSTILE_NAME: &str = r#"=HYPERLINK("http://x")"#;
const SCRIPT: &str = "<script>alert(1)</script>";

/// (id, name, weight, must-have) of the test template's dimensions.
const DIMENSIONS: [(&str, &str, f64, bool); 3] = [
    ("design", "System design", 2.0, true),
    ("coding", "Coding & automation", 1.0, false),
    ("comms", "Communication", 1.0, true),
];

/// One scorecard of the fixture: ratings are (dimension, score 0–4 where 0
/// is no signal, evidence).
struct Card {
    candidate: &'static str,
    interviewer: &'static str,
    stage: &'static str,
    submitted: bool,
    ratings: &'static [(&'static str, u8, &'static str)],
    red_flags: &'static [&'static str],
    recommendation: Option<&'static str>,
}

const CANDIDATES: [(&str, &str); 2] = [("c-0001", "Alex Doe"), ("c-0002", HOSTILE_NAME)];

const CARDS: [Card; 5] = [
    Card {
        candidate: "c-0001",
        interviewer: "Priya Raman",
        stage: "system-design",
        submitted: true,
        ratings: &[
            (
                "design",
                4,
                "[05:12] Alex drew a sharded queue and named its failure modes",
            ),
            (
                "comms",
                4,
                "Alex explained the trade-offs\nclearly, with numbers",
            ),
        ],
        red_flags: &[],
        recommendation: Some("StrongHire"),
    },
    Card {
        candidate: "c-0001",
        interviewer: "Sam Lee",
        stage: "",
        submitted: true,
        ratings: &[
            ("design", 2, "[10:30] alex DOE skipped capacity planning"),
            ("coding", 3, "Wrote a clean retry loop"),
            ("comms", 0, ""),
        ],
        red_flags: &["Treats secrets casually", "Alex pasted a token in chat"],
        recommendation: Some("NoHire"),
    },
    Card {
        candidate: "c-0001",
        interviewer: "Ana Ruiz",
        stage: "",
        submitted: false,
        ratings: &[("design", 3, "Alex Doe is thoughtful")],
        red_flags: &[],
        recommendation: None,
    },
    Card {
        candidate: "c-0002",
        interviewer: "Sam Lee",
        stage: "",
        submitted: true,
        ratings: &[
            ("design", 2, "-2 points for the diagram"),
            ("coding", 1, "+1 <script>alert(1)</script>"),
        ],
        red_flags: &["=cmd|' /C calc'!A0"],
        recommendation: Some("NoHire"),
    },
    Card {
        candidate: "c-0002",
        interviewer: "Ana Ruiz",
        stage: "",
        submitted: true,
        ratings: &[("design", 3, ""), ("coding", 4, "@SUM(A1)")],
        red_flags: &[],
        recommendation: Some("Hire"),
    },
];

/// The broken scorecard's path inside the workspace, and its error position.
const BROKEN: &str = "candidates/c-0001/scorecards/broken--.ron";
const BROKEN_AT: (u64, u64) = (4, 5);

/// The debrief CSV's header as EXPORTS.md gives it, written out here so a
/// renamed or moved column fails a test rather than follow along.
const DEBRIEF_HEADER: &str = "record,candidate_id,candidate,role,level,weighted_score,\
adjusted_weighted_score,agreement_alpha,dimension_id,dimension,must_have,must_have_failure,n,\
mean,median,min,max,spread,disagreement,interviewer,stage,submitted_at,recommendation,rating,\
score,evidence,red_flag,draft_started_at,after_decision,interview_at,due,nudge,nudge_term";

/// The summary CSV's header, written out.
const SUMMARY_HEADER: &str = "candidate_id,candidate,template,submitted,drafts,weighted_score,\
adjusted_weighted_score,agreement_alpha,strong_no_hire,no_hire,hire,strong_hire,\
must_have_failures,red_flags,dimension_id,n,mean,median,min,max,spread,disagreement,\
must_have_failure";

/// The interviewers CSV's header, written out.
const INTERVIEWERS_HEADER: &str = "name,submitted,leniency,ratings,does_not_meet,\
partially_meets,meets,exceeds,mean_rating,rating_sd,same_rating_share,mean_abs_deviation,\
hire_share,decision_agreement,median_hours_to_submit";

/// `header` as one CSV line.
fn header_line(header: &[String]) -> String {
    header.join(",")
}

/// Built through serde, so fields that later releases add with a default
/// need no change here.
fn template() -> Template {
    let dimensions: Vec<Value> = DIMENSIONS
        .iter()
        .map(|(id, name, weight, must_have)| {
            json!({"id": id, "name": name, "weight": weight, "must_have": must_have,
                   "meets": "Meets the bar", "exceeds": "Raises the bar"})
        })
        .collect();
    serde_json::from_value(json!({
        "format": 1, "id": TEMPLATE, "version": 1, "role": "Platform Engineer",
        "level": "Senior IC", "summary": "Builds the platform.",
        "dimensions": dimensions,
        "exercises": [{"id": "system-design", "name": "System design exercise",
                       "minutes": 60, "dimensions": ["design", "comms"]}],
        "red_flags": ["Treats secrets casually"],
    }))
    .unwrap()
}

fn candidate(id: &str, name: &str) -> Candidate {
    serde_json::from_value(json!({
        "format": 1, "id": id, "name": name, "template": TEMPLATE,
        "created_at": "2026-11-20T09:00:00Z",
    }))
    .unwrap()
}

fn scorecard(card: &Card) -> Scorecard {
    const RATINGS: [&str; 5] = [
        "NoSignal",
        "DoesNotMeet",
        "PartiallyMeets",
        "Meets",
        "Exceeds",
    ];
    let ratings: serde_json::Map<String, Value> = card
        .ratings
        .iter()
        .map(|(id, score, evidence)| {
            (
                (*id).to_owned(),
                json!({"rating": RATINGS[usize::from(*score)], "evidence": evidence}),
            )
        })
        .collect();
    serde_json::from_value(json!({
        "format": 1, "candidate": card.candidate, "template": TEMPLATE,
        "template_version": 1, "interviewer": card.interviewer, "stage": card.stage,
        "started_at": "2026-11-21T10:00:00Z",
        "submitted_at": card.submitted.then_some("2026-11-21T11:00:00Z"),
        "ratings": ratings, "red_flags": card.red_flags,
        "recommendation": card.recommendation, "notes": "",
    }))
    .unwrap()
}

/// The fixture workspace, written through the store, plus one broken file.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::new(dir.path());
    ws.save_template(&template()).unwrap();
    for (id, name) in CANDIDATES {
        ws.save_candidate(&candidate(id, name)).unwrap();
    }
    for card in &CARDS {
        let sc = scorecard(card);
        let path = ws
            .scorecard_path(&sc.candidate, &sc.interviewer, &sc.stage)
            .unwrap();
        ws.save_scorecard(&path, &sc).unwrap();
    }
    fs::write(
        dir.path().join(BROKEN),
        "Scorecard(\n    format: 1,\n    candidate: \"c-0001\",\n    oops\n",
    )
    .unwrap();
    dir
}

fn scorecard_cli(args: &[&str], workspace: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Runs a command that must succeed, reporting the broken file on stderr;
/// returns stdout.
fn ok(args: &[&str], workspace: &Path) -> String {
    let out = scorecard_cli(args, workspace);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    let broken = format!(
        "{}:{}:{}: ",
        workspace.join(BROKEN).display(),
        BROKEN_AT.0,
        BROKEN_AT.1
    );
    assert!(
        stderr.lines().any(|l| l.starts_with(&broken)),
        "{args:?}: {stderr}"
    );
    text(&out.stdout)
}

// An independent computation of the aggregates, straight from DESIGN.md.

fn submitted_scores(candidate: &str, dimension: &str) -> Vec<(&'static str, f64)> {
    CARDS
        .iter()
        .filter(|c| c.candidate == candidate && c.submitted)
        .flat_map(|c| {
            c.ratings
                .iter()
                .filter(|(id, score, _)| *id == dimension && *score > 0)
                .map(|(_, score, _)| (c.interviewer, f64::from(*score)))
        })
        .collect()
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn median(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

fn weighted(candidate: &str, adjust: &BTreeMap<&str, f64>) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (id, _, weight, _) in DIMENSIONS {
        let scores: Vec<f64> = submitted_scores(candidate, id)
            .into_iter()
            .map(|(who, s)| (s - adjust.get(who).copied().unwrap_or(0.0)).clamp(1.0, 4.0))
            .collect();
        if let Some(m) = mean(&scores) {
            num += weight * m;
            den += weight;
        }
    }
    (den > 0.0).then(|| num / den)
}

fn leniencies() -> BTreeMap<&'static str, f64> {
    let mut diffs: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for (candidate, _) in CANDIDATES {
        for (id, ..) in DIMENSIONS {
            let scores = submitted_scores(candidate, id);
            for (i, (who, score)) in scores.iter().enumerate() {
                let others: Vec<f64> = scores
                    .iter()
                    .enumerate()
                    .filter(|(j, (other, _))| *j != i && other != who)
                    .map(|(_, (_, s))| *s)
                    .collect();
                if let Some(m) = mean(&others) {
                    diffs.entry(who).or_default().push(score - m);
                }
            }
        }
    }
    diffs
        .into_iter()
        .map(|(who, d)| (who, mean(&d).unwrap()))
        .collect()
}

fn close(value: &Value, expected: Option<f64>) {
    match expected {
        None => assert!(value.is_null(), "{value} should be null"),
        Some(e) => {
            let v = value.as_f64().unwrap_or(f64::NAN);
            assert!((v - e).abs() < 1e-9, "{v} != {e}");
        }
    }
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn summary_json_has_the_designed_shape_and_numbers() {
    let dir = workspace();
    let doc: Value =
        serde_json::from_str(&ok(&["summary", "--format", "json"], dir.path())).unwrap();
    assert_eq!(
        keys(&doc),
        BTreeSet::from([
            "candidates",
            "templates",
            "interviewers",
            "errors",
            "conflicts",
            "openings"
        ])
    );
    assert_eq!(doc["conflicts"], serde_json::json!([]));

    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        keys(&errors[0]),
        BTreeSet::from(["path", "line", "column", "message"])
    );
    assert_eq!(errors[0]["path"], BROKEN);
    assert_eq!(errors[0]["line"], BROKEN_AT.0);
    assert_eq!(errors[0]["column"], BROKEN_AT.1);

    let candidates = doc["candidates"].as_array().unwrap();
    assert_eq!(candidates.len(), 2);
    let lenient = leniencies();
    for (c, (id, name)) in candidates.iter().zip(CANDIDATES) {
        assert_eq!(
            keys(c),
            BTreeSet::from([
                "id",
                "name",
                "template",
                "submitted",
                "drafts",
                "weighted_score",
                "adjusted_weighted_score",
                "dimensions",
                "must_have_failures",
                "recommendations",
                "red_flags",
                "agreement_alpha",
                "opening",
                "owed",
                "overdue",
                "decision",
            ])
        );
        assert_eq!(c["id"], id);
        assert_eq!(c["name"], name);
        close(&c["weighted_score"], weighted(id, &BTreeMap::new()));
        close(&c["adjusted_weighted_score"], weighted(id, &lenient));
        assert!(c["agreement_alpha"].is_null() || c["agreement_alpha"].is_f64());
        let dims = c["dimensions"].as_array().unwrap();
        assert_eq!(dims.len(), DIMENSIONS.len());
        for (d, (dim_id, ..)) in dims.iter().zip(DIMENSIONS) {
            let scores: Vec<f64> = submitted_scores(id, dim_id)
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            assert_eq!(d["id"], dim_id);
            assert_eq!(d["n"], scores.len());
            close(&d["mean"], mean(&scores));
            close(&d["median"], median(&scores));
            let spread = scores.iter().copied().fold(f64::NAN, f64::max)
                - scores.iter().copied().fold(f64::NAN, f64::min);
            assert_eq!(d["disagreement"], spread >= 2.0, "{id} {dim_id}");
        }
        let expected_failures: Vec<&str> = DIMENSIONS
            .iter()
            .filter(|(dim_id, _, _, must)| {
                let scores: Vec<f64> = submitted_scores(id, dim_id)
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect();
                *must && mean(&scores).is_some_and(|m| m < 3.0)
            })
            .map(|(dim_id, ..)| *dim_id)
            .collect();
        assert_eq!(c["must_have_failures"], json!(expected_failures));
    }
    let c1 = &candidates[0];
    assert_eq!(c1["submitted"], 2);
    assert_eq!(c1["drafts"], 1);
    assert_eq!(
        c1["recommendations"],
        json!({"strong_no_hire": 0, "no_hire": 1, "hire": 0, "strong_hire": 1})
    );
    assert_eq!(
        c1["red_flags"],
        json!([
            {"flag": "Alex pasted a token in chat", "interviewer": "Sam Lee"},
            {"flag": "Treats secrets casually", "interviewer": "Sam Lee"},
        ])
    );
    // The hand computation, so the test is not only the same code twice:
    // design (4, 2) → 3, coding 3, comms 4 (Sam's no signal left out).
    close(&c1["weighted_score"], Some((2.0 * 3.0 + 3.0 + 4.0) / 4.0));

    assert_eq!(
        doc["templates"],
        json!([{"id": TEMPLATE, "candidates": 2,
                "agreement_alpha": doc["templates"][0]["agreement_alpha"]}])
    );
    let interviewers = doc["interviewers"].as_array().unwrap();
    let names: Vec<&str> = interviewers
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ana Ruiz", "Priya Raman", "Sam Lee"]);
    for i in interviewers {
        assert_eq!(
            keys(i),
            BTreeSet::from([
                "name",
                "submitted",
                "leniency",
                "ratings",
                "distribution",
                "mean_rating",
                "rating_sd",
                "same_rating_share",
                "mean_abs_deviation",
                "hire_share",
                "decision_agreement",
                "median_hours_to_submit",
            ])
        );
        close(
            &i["leniency"],
            lenient.get(i["name"].as_str().unwrap()).copied(),
        );
    }
    assert_eq!(interviewers[2]["submitted"], 2);
}

#[test]
fn summary_narrows_to_a_candidate_or_template_and_rejects_unknown_ids() {
    let dir = workspace();
    let all: Value =
        serde_json::from_str(&ok(&["summary", "--format", "json"], dir.path())).unwrap();
    let one: Value = serde_json::from_str(&ok(
        &["summary", "--candidate", "c-0001", "--format", "json"],
        dir.path(),
    ))
    .unwrap();
    assert_eq!(one["candidates"].as_array().unwrap().len(), 1);
    assert_eq!(one["candidates"][0], all["candidates"][0]);
    // Ana's scorecard of c-0001 is a draft: she is not listed; Sam's
    // leniency is still the workspace-wide one.
    let names: Vec<&str> = one["interviewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Priya Raman", "Sam Lee"]);
    assert_eq!(one["interviewers"][1], all["interviewers"][2]);
    assert_eq!(one["errors"], all["errors"]);

    let by_template: Value = serde_json::from_str(&ok(
        &["summary", "--template", TEMPLATE, "--format", "json"],
        dir.path(),
    ))
    .unwrap();
    assert_eq!(by_template["candidates"], all["candidates"]);
    // A shipped template nobody uses: known, but no candidate.
    let unused: Value = serde_json::from_str(&ok(
        &[
            "summary",
            "--template",
            "infrastructure-engineer",
            "--format",
            "json",
        ],
        dir.path(),
    ))
    .unwrap();
    assert_eq!(unused["candidates"], json!([]));

    for args in [
        &["summary", "--candidate", "c-9999", "--format", "json"][..],
        &[
            "summary",
            "--template",
            "no-such-template",
            "--format",
            "md",
        ][..],
        &["export", "--candidate", "c-9999", "--format", "md"][..],
    ] {
        let out = scorecard_cli(args, dir.path());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("unknown"), "{args:?}: {stderr}");
    }
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// No cell a spreadsheet would run as a formula, unless it is a number.
fn assert_no_formula(rows: &[Vec<String>]) {
    for cell in rows.iter().flatten() {
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            assert!(cell.parse::<f64>().is_ok(), "live formula cell: {cell:?}");
        }
    }
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

#[test]
fn summary_csv_is_one_row_per_candidate_and_dimension_and_neutralised() {
    let dir = workspace();
    let (header, rows) = read_csv(&ok(&["summary", "--format", "csv"], dir.path()));
    assert_eq!(header_line(&header), SUMMARY_HEADER);
    assert_eq!(rows.len(), CANDIDATES.len() * DIMENSIONS.len());
    assert_no_formula(&rows);
    let name = column(&header, "candidate");
    let dimension = column(&header, "dimension_id");
    let mean_col = column(&header, "mean");
    let flags = column(&header, "red_flags");
    assert_eq!(rows[0][name], "Alex Doe");
    assert_eq!(rows[0][dimension], "design");
    assert_eq!(rows[0][mean_col], "3");
    assert_eq!(rows[3][name], format!("'{HOSTILE_NAME}"));
    assert_eq!(rows[3][flags], "'=cmd|' /C calc'!A0 (Sam Lee)");
    // Unrounded numbers: c-0002's weighted score is (2·2.5 + 2.5) / 3.
    assert_eq!(
        rows[3][column(&header, "weighted_score")],
        format!("{}", (2.0 * 2.5 + 2.5) / 3.0)
    );
}

#[test]
fn summary_markdown_snapshot() {
    let dir = workspace();
    let md = ok(&["summary", "--format", "md"], dir.path());
    // The parser's wording is not this test's business; the position is.
    let at = format!("{BROKEN}:{}:{}: ", BROKEN_AT.0, BROKEN_AT.1);
    let md: String = md
        .lines()
        .map(|line| match line.strip_prefix(&at) {
            Some(_) => format!("{at}<message>\n"),
            None => format!("{line}\n"),
        })
        .collect();
    insta::assert_snapshot!("summary_markdown", md);
}

#[test]
fn export_markdown_snapshot() {
    let dir = workspace();
    let md = ok(
        &["export", "--candidate", "c-0001", "--format", "md"],
        dir.path(),
    );
    insta::assert_snapshot!("debrief_markdown", md);
}

#[test]
fn export_writes_every_format() {
    let dir = workspace();
    let export = |format: &str| {
        ok(
            &["export", "--candidate", "c-0001", "--format", format],
            dir.path(),
        )
    };

    let md = export("md");
    assert!(md.starts_with("# Debrief: Alex Doe\n"), "{md}");
    for needle in [
        "Platform Engineer · Senior IC · candidate `c-0001`",
        "3.25",
        "| System design | 4 | 2 |",
        "Treats secrets casually (raised by Sam Lee)",
        "- Ana Ruiz (General interview), started 2026-11-21T10:00:00Z",
    ] {
        assert!(md.contains(needle), "{needle:?} missing from\n{md}");
    }
    // Disagreements first: design (4 vs 2) leads the dimension table.
    let table = md.split("## Dimensions").nth(1).unwrap();
    assert!(table.find("| System design |").unwrap() < table.find("| Communication |").unwrap());

    let html = export("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<title>Debrief: Alex Doe</title>"));
    assert!(html.contains("Coding &amp; automation"));
    assert!(html.contains("@page"));
    for external in ["<script", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "{external} in the HTML");
    }

    let (header, rows) = read_csv(&export("csv"));
    assert_eq!(header_line(&header), DEBRIEF_HEADER);
    let record = column(&header, "record");
    let kinds: Vec<&str> = rows.iter().map(|r| r[record].as_str()).collect();
    // 3 dimensions × 2 submitted scorecards, 2 red flags, 1 draft.
    assert_eq!(kinds.iter().filter(|k| **k == "rating").count(), 6);
    assert_eq!(kinds.iter().filter(|k| **k == "red_flag").count(), 2);
    assert_eq!(kinds.iter().filter(|k| **k == "draft").count(), 1);
    let evidence = column(&header, "evidence");
    assert!(
        rows.iter()
            .any(|r| r[evidence] == "Alex explained the trade-offs\nclearly, with numbers")
    );

    let json: Value = serde_json::from_str(&export("json")).unwrap();
    assert_eq!(json["id"], "c-0001");
    assert_eq!(json["name"], "Alex Doe");
    assert_eq!(json["blind"], false);
    close(&json["weighted_score"], Some(3.25));
    assert_eq!(json["dimensions"][0]["id"], "design");
    assert_eq!(json["dimensions"][0]["disagreement"], true);
    assert_eq!(json["pending"][0]["interviewer"], "Ana Ruiz");
    assert_eq!(json["scorecards"].as_array().unwrap().len(), 2);
}

/// The words of `text`, lowercased.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn blind_exports_never_name_the_candidate() {
    let dir = workspace();
    let alias = blind_alias(&Slug::new("c-0001").unwrap());
    for format in ["md", "html", "csv", "json"] {
        let out = ok(
            &[
                "export",
                "--candidate",
                "c-0001",
                "--format",
                format,
                "--blind",
            ],
            dir.path(),
        );
        let found = words(&out);
        for part in ["alex", "doe"] {
            assert!(!found.contains(part), "{format}: {part} in\n{out}");
        }
        assert!(out.contains(&alias), "{format}: no alias in\n{out}");
        // The evidence that named the candidate is still there, redacted.
        assert!(
            out.contains(&format!("{alias} drew a sharded queue")),
            "{format}"
        );
    }
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = workspace();
    let out_dir = tempfile::tempdir().unwrap();
    let file: PathBuf = out_dir.path().join("reports").join("debrief.html");
    let arg = file.to_str().unwrap();
    let out = scorecard_cli(
        &[
            "export",
            "--candidate",
            "c-0001",
            "--format",
            "html",
            "-o",
            arg,
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr)
            .lines()
            .any(|l| l == format!("wrote {arg}")),
        "{}",
        text(&out.stderr)
    );
    let written = fs::read_to_string(&file).unwrap();
    assert_eq!(
        written,
        ok(
            &["export", "--candidate", "c-0001", "--format", "html"],
            dir.path()
        )
    );
    // Nothing else left next to it (the temporary file was renamed).
    assert_eq!(fs::read_dir(file.parent().unwrap()).unwrap().count(), 1);
}

#[test]
fn hostile_text_is_neutralised_in_csv_and_escaped_in_html_and_markdown() {
    let dir = workspace();
    let export = |format: &str| {
        ok(
            &["export", "--candidate", "c-0002", "--format", format],
            dir.path(),
        )
    };

    let (header, rows) = read_csv(&export("csv"));
    assert_no_formula(&rows);
    let name = column(&header, "candidate");
    let evidence = column(&header, "evidence");
    let flag = column(&header, "red_flag");
    assert!(rows.iter().all(|r| r[name] == format!("'{HOSTILE_NAME}")));
    let evidences: BTreeSet<&str> = rows.iter().map(|r| r[evidence].as_str()).collect();
    for hostile in [
        "'+1 <script>alert(1)</script>",
        "'@SUM(A1)",
        "'-2 points for the diagram",
    ] {
        assert!(
            evidences.contains(hostile),
            "{hostile} not in {evidences:?}"
        );
    }
    assert!(rows.iter().any(|r| r[flag] == "'=cmd|' /C calc'!A0"));

    let html = export("html");
    assert!(!html.contains(SCRIPT));
    assert!(html.contains("+1 &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("=HYPERLINK(&quot;http://x&quot;)"));
    assert!(!html.contains(HOSTILE_NAME));

    let md = export("md");
    assert!(!md.contains(SCRIPT));
    assert!(md.contains(r"+1 \<script\>alert(1)\</script\>"));

    let (_, summary_rows) = read_csv(&ok(&["summary", "--format", "csv"], dir.path()));
    assert_no_formula(&summary_rows);
    let summary_md = ok(&["summary", "--format", "md"], dir.path());
    assert!(!summary_md.contains(SCRIPT));
}

#[test]
fn interviewers_json_gives_the_calibration_figures_worked_by_hand() {
    let dir = workspace();
    let doc: Value =
        serde_json::from_str(&ok(&["interviewers", "--format", "json"], dir.path())).unwrap();
    assert_eq!(keys(&doc), BTreeSet::from(["interviewers", "errors"]));
    assert_eq!(doc["errors"][0]["path"], BROKEN);
    let people = doc["interviewers"].as_array().unwrap();
    let names: Vec<&str> = people.iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ana Ruiz", "Priya Raman", "Sam Lee"]);
    let (ana, priya, sam) = (&people[0], &people[1], &people[2]);
    // Ana: her draft left out; c-0002 design 3 (Sam 2), coding 4 (Sam 1).
    assert_eq!(ana["submitted"], 1);
    assert_eq!(ana["ratings"], 2);
    assert_eq!(
        ana["distribution"],
        json!({"does_not_meet": 0, "partially_meets": 0, "meets": 1, "exceeds": 1})
    );
    close(&ana["mean_rating"], Some(3.5));
    close(&ana["rating_sd"], Some(0.5));
    assert_eq!(ana["same_rating_share"], Value::Null);
    close(&ana["leniency"], Some(2.0));
    close(&ana["mean_abs_deviation"], Some(2.0));
    close(&ana["hire_share"], Some(1.0));
    assert_eq!(ana["decision_agreement"], Value::Null);
    close(&ana["median_hours_to_submit"], Some(1.0));
    // Priya: design 4 against Sam's 2; comms 4 against Sam's no signal.
    close(&priya["leniency"], Some(2.0));
    close(&priya["rating_sd"], Some(0.0));
    // Sam: 2, 3, 2, 1; design −2 (c-0001), −1 and coding −3 (c-0002).
    assert_eq!(sam["submitted"], 2);
    close(&sam["mean_rating"], Some(2.0));
    close(&sam["rating_sd"], Some(0.5f64.sqrt()));
    close(&sam["leniency"], Some(-2.0));
    close(&sam["mean_abs_deviation"], Some(2.0));
    close(&sam["hire_share"], Some(0.0));

    // The same objects stand in summary's "interviewers".
    let summary: Value =
        serde_json::from_str(&ok(&["summary", "--format", "json"], dir.path())).unwrap();
    assert_eq!(summary["interviewers"], doc["interviewers"]);
}

#[test]
fn interviewers_csv_text_and_template_filter() {
    let dir = workspace();
    let csv = ok(&["interviewers", "--format", "csv"], dir.path());
    let (header, rows) = read_csv(&csv);
    assert_eq!(header_line(&header), INTERVIEWERS_HEADER);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2][column(&header, "leniency")], "-2");
    assert_eq!(rows[2][column(&header, "does_not_meet")], "1");
    assert_eq!(rows[0][column(&header, "decision_agreement")], "");

    let text = ok(&["interviewers"], dir.path());
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("interviewer"), "{text}");
    assert!(
        lines[3].starts_with("Sam Lee") && lines[3].contains("-2.00"),
        "{text}"
    );

    let filtered: Value = serde_json::from_str(&ok(
        &["interviewers", "--template", TEMPLATE, "--format", "json"],
        dir.path(),
    ))
    .unwrap();
    assert_eq!(filtered["interviewers"].as_array().unwrap().len(), 3);
    let out = scorecard_cli(
        &["interviewers", "--template", "no-such", "--format", "json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text_of(&out.stderr).contains("unknown template \"no-such\""));
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn json_debrief_lists_the_nudges_of_submitted_scorecards() {
    let dir = workspace();
    let json: Value = serde_json::from_str(&ok(
        &["export", "--candidate", "c-0002", "--format", "json"],
        dir.path(),
    ))
    .unwrap();
    // Both extreme ratings of c-0002 have evidence of fewer than five words.
    assert_eq!(
        json["nudges"],
        json!([
            {"interviewer": "Ana Ruiz", "stage": "General interview", "dimension": "coding",
             "kind": "thin_evidence", "term": null},
            {"interviewer": "Sam Lee", "stage": "General interview", "dimension": "coding",
             "kind": "thin_evidence", "term": null},
        ])
    );
    // A team's own list replaces the shipped one.
    fs::write(
        dir.path().join("nudges.ron"),
        "NudgeList(format: 1, topics: [NudgeTopic(name: \"drawing\", terms: [\"diagram\"])])",
    )
    .unwrap();
    let json: Value = serde_json::from_str(&ok(
        &["export", "--candidate", "c-0002", "--format", "json"],
        dir.path(),
    ))
    .unwrap();
    let terms: Vec<&Value> = json["nudges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| &n["term"])
        .collect();
    assert!(terms.contains(&&json!("diagram")), "{}", json["nudges"]);
}

#[test]
fn every_debrief_format_lists_the_nudges() {
    let dir = workspace();
    let export = |candidate: &str, format: &str| {
        ok(
            &["export", "--candidate", candidate, "--format", format],
            dir.path(),
        )
    };
    let md = export("c-0002", "md");
    let section = md.split("## Evidence nudges\n").nth(1).unwrap();
    let section = section.split("\n## ").next().unwrap();
    for line in [
        "- Ana Ruiz (General interview), Coding & automation: thin evidence",
        "- Sam Lee (General interview), Coding & automation: thin evidence",
    ] {
        assert!(section.contains(line), "{line:?} missing from\n{section}");
    }
    // A candidate without a nudge says so, as for the other lists.
    let md = export("c-0001", "md");
    assert!(md.contains("## Evidence nudges\n\nNone.\n"), "{md}");

    let html = export("c-0002", "html");
    let section = html.split("<h2>Evidence nudges</h2>").nth(1).unwrap();
    let section = section.split("</section>").next().unwrap();
    assert!(
        section.contains(
            "<li>Ana Ruiz (General interview), Coding &amp; automation: thin evidence</li>"
        ),
        "{section}"
    );
    assert_eq!(section.matches("<li>").count(), 2, "{section}");

    let (header, rows) = read_csv(&export("c-0002", "csv"));
    assert_eq!(header_line(&header), DEBRIEF_HEADER);
    let record = column(&header, "record");
    let nudges: Vec<&Vec<String>> = rows.iter().filter(|r| r[record] == "nudge").collect();
    assert_eq!(nudges.len(), 2);
    for (row, who) in nudges.iter().zip(["Ana Ruiz", "Sam Lee"]) {
        assert_eq!(row[column(&header, "interviewer")], who);
        assert_eq!(row[column(&header, "dimension_id")], "coding");
        assert_eq!(row[column(&header, "dimension")], "Coding & automation");
        assert_eq!(row[column(&header, "nudge")], "thin_evidence");
        assert_eq!(row[column(&header, "nudge_term")], "");
        assert_eq!(row[column(&header, "rating")], "");
    }
    // Every other line has the two nudge cells empty.
    assert!(
        rows.iter()
            .filter(|r| r[record] != "nudge")
            .all(|r| r[column(&header, "nudge")].is_empty()
                && r[column(&header, "nudge_term")].is_empty())
    );
}
