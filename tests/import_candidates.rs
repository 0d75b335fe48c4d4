//! `scorecard import candidates`, run as a user runs it (the real binary)
//! on a copy of the loop workspace: the three ATS export shapes, re-imports
//! that change nothing, `--dry-run`, `--column`, JSON, and every kind of
//! bad input, each checked to leave the workspace byte for byte as it was.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scorecard::io::Workspace;
use scorecard::model::{Candidate, Slug};
use serde_json::Value;

const OPENING: &str = "sre-berlin-q4";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ats")
        .join(name)
}

/// A fresh copy of the loop workspace (two openings, three candidates).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/loop-workspace"),
        dir.path(),
    );
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn scorecard(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .output()
        .unwrap()
}

fn import(workspace: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "import",
        "candidates",
        file.to_str().unwrap(),
        "--opening",
        OPENING,
    ];
    args.extend_from_slice(extra);
    scorecard(workspace, &args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `root` with its bytes: two equal hashes mean nothing
/// was written, created or removed.
fn hash(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.insert(path.strip_prefix(root).unwrap().join(""), Vec::new());
                stack.push(path);
            } else {
                files.insert(
                    path.strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    files
}

/// The candidates of the opening that have an ATS id, by that id.
fn imported(root: &Path) -> BTreeMap<String, Candidate> {
    Workspace::new(root)
        .load()
        .candidates
        .iter()
        .filter_map(|r| {
            let c = &r.candidate;
            c.external_id.clone().map(|id| (id, c.clone()))
        })
        .collect()
}

#[test]
fn each_ats_export_shape_imports_names_as_written() {
    let cases: [(&str, &[(&str, &str, &str)]); 3] = [
        (
            "greenhouse.csv",
            &[
                (
                    "48213001",
                    "Mireille Ducharme-Vasquez",
                    "mireille.ducharme@example.com",
                ),
                ("48213002", "Tomasz Wiśniewski", "t.wisniewski@example.com"),
                ("48213003", "Aoife O'Callaghan", "aoife.oc@example.com"),
            ],
        ),
        (
            "lever.csv",
            &[
                (
                    "7c1e5a90-0b1d-4e7a-9d1e-3f1a2b3c4d01",
                    "José Ángel Núñez",
                    "jose.nunez@example.com",
                ),
                (
                    "7c1e5a90-0b1d-4e7a-9d1e-3f1a2b3c4d02",
                    "Hannah Björk",
                    "hannah.bjork@example.com",
                ),
            ],
        ),
        (
            "ashby.csv",
            &[
                (
                    "5b0e7c1a-2f4d-4c1e-9a63-0d8e5f2b7a41",
                    "Inês Carvalho",
                    "ines.carvalho@example.com",
                ),
                // The email as the ATS wrote it; matching ignores its case.
                ("a1b2c3d4-0001", "Kwame Mensah", "Kwame.Mensah@example.com"),
                ("a1b2c3d4-0002", "Li Wei", "li.wei@example.com"),
            ],
        ),
    ];
    for (file, expected) in cases {
        let dir = workspace();
        let out = import(dir.path(), &fixture(file), &[]);
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
        let found = imported(dir.path());
        assert_eq!(found.len(), expected.len(), "{file}: {found:?}");
        for (id, name, email) in expected {
            let c = &found[*id];
            assert_eq!(c.name, *name, "{file}");
            assert_eq!(c.email.as_deref(), Some(*email), "{file}");
            assert_eq!(c.opening.as_ref().map(Slug::as_str), Some(OPENING));
            assert_eq!(c.template.as_str(), "junior-site-reliability-engineer");
            assert!(c.interviews.is_empty(), "invites bring the plan");
            assert!(c.id.as_str().starts_with("c-"));
        }
        let summary = text(&out.stdout);
        assert!(
            summary.contains(&format!("{} created, ", expected.len())),
            "{file}: {summary}"
        );
    }
}

#[test]
fn the_ashby_file_gives_a_row_twice_and_it_is_imported_once() {
    let dir = workspace();
    let out = import(dir.path(), &fixture("ashby.csv"), &["--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["created"].as_array().unwrap().len(), 3);
    assert_eq!(doc["unchanged"], 1);
    assert_eq!(doc["matched"][0]["line"], 5);
    assert_eq!(doc["matched"][0]["duplicate_of_line"], 4);
    assert_eq!(doc["matched"][0]["by"], "external_id");
    assert_eq!(doc["columns"]["name"], "Candidate Name");
    assert_eq!(doc["columns"]["external_id"], "Application ID");
    assert_eq!(doc["errors"], Value::Array(Vec::new()));
    assert_eq!(doc["created"][2]["name"], "Li Wei");
    assert_eq!(doc["created"][2]["external_id"], "a1b2c3d4-0002");
    let id = doc["created"][2]["id"].as_str().unwrap();
    assert!(
        dir.path()
            .join("candidates")
            .join(id)
            .join("candidate.ron")
            .is_file()
    );
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let dir = workspace();
    assert!(
        import(dir.path(), &fixture("greenhouse.csv"), &[])
            .status
            .success()
    );
    let before = hash(dir.path());
    let again = import(
        dir.path(),
        &fixture("greenhouse.csv"),
        &["--format", "json"],
    );
    assert!(again.status.success(), "{}", text(&again.stderr));
    let doc: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(doc["created"], Value::Array(Vec::new()));
    assert_eq!(doc["unchanged"], 3);
    assert_eq!(hash(dir.path()), before);
}

#[test]
fn a_known_candidate_with_a_new_email_is_unchanged_and_not_overwritten() {
    let dir = workspace();
    assert!(
        import(dir.path(), &fixture("greenhouse.csv"), &[])
            .status
            .success()
    );
    let before = hash(dir.path());
    let csv = dir.path().join("moved.csv");
    fs::write(
        &csv,
        "Candidate ID,Full Name,Email\n48213002,Tomasz Wisniewski,tomasz@example.com\n",
    )
    .unwrap();
    let before_csv = {
        let mut b = before.clone();
        b.insert(PathBuf::from("moved.csv"), fs::read(&csv).unwrap());
        b
    };
    let out = import(dir.path(), &csv, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("unchanged line 2: Tomasz Wisniewski is c-")
            && stdout.contains("(same ATS id); the file has another name and email: not changed"),
        "{stdout}"
    );
    assert_eq!(hash(dir.path()), before_csv);
    assert_eq!(
        imported(dir.path())["48213002"].email.as_deref(),
        Some("t.wisniewski@example.com")
    );
}

#[test]
fn without_an_id_the_email_matches_ignoring_case() {
    let dir = workspace();
    let csv = dir.path().join("plain.csv");
    fs::write(&csv, "Name,Email\nRosa Lind,rosa.lind@example.com\n").unwrap();
    assert!(import(dir.path(), &csv, &[]).status.success());
    fs::write(&csv, "Name,Email\nRosa Lind-Berg,ROSA.LIND@Example.com\n").unwrap();
    let before = hash(dir.path());
    let out = import(dir.path(), &csv, &["--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["unchanged"], 1, "{doc}");
    assert_eq!(doc["matched"][0]["by"], "email");
    assert_eq!(hash(dir.path()), before);
}

#[test]
fn dry_run_writes_nothing_and_says_what_would_be_created() {
    let dir = workspace();
    let before = hash(dir.path());
    let out = import(dir.path(), &fixture("lever.csv"), &["--dry-run"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("José Ángel Núñez <jose.nunez@example.com>"));
    assert!(stdout.ends_with(
        "2 created, 0 unchanged, for opening sre-berlin-q4 (dry run: nothing written)\n"
    ));
    assert_eq!(hash(dir.path()), before);
}

#[test]
fn column_overrides_name_headers_the_guess_would_miss() {
    let dir = workspace();
    let csv = dir.path().join("custom.csv");
    fs::write(
        &csv,
        "Ref,Applicant,Contact\nR-9,Ingrid Solberg,ingrid@example.com\n",
    )
    .unwrap();
    let out = import(
        dir.path(),
        &csv,
        &[
            "--column",
            "name=Applicant",
            "--column",
            "external_id=Ref",
            "--column",
            "email=contact",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let c = &imported(dir.path())["R-9"];
    assert_eq!(c.name, "Ingrid Solberg");
    assert_eq!(c.email.as_deref(), Some("ingrid@example.com"));
}

#[test]
fn a_column_override_for_no_field_is_usage_and_for_no_header_is_invalid() {
    let dir = workspace();
    let before = hash(dir.path());
    let usage = import(
        dir.path(),
        &fixture("ashby.csv"),
        &["--column", "phone=Phone"],
    );
    assert_eq!(usage.status.code(), Some(2));
    assert!(text(&usage.stderr).contains("unknown field \"phone\""));
    let missing = import(dir.path(), &fixture("ashby.csv"), &["--column", "name=Nom"]);
    assert_eq!(missing.status.code(), Some(1));
    let stderr = text(&missing.stderr);
    assert!(
        stderr.contains("ashby.csv:1:1: --column name=\"Nom\": the header has no such column"),
        "{stderr}"
    );
    assert_eq!(hash(dir.path()), before);
}

/// Bad files: each is exit 1 with its `path:line:col: message`, and not
/// one workspace file changes.
#[test]
fn bad_input_is_reported_at_its_line_and_nothing_is_written() {
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "no-name.csv",
            b"Email,ID\na@example.com,1\n",
            "no-name.csv:1:1: no name column",
        ),
        (
            "ragged.csv",
            b"Name,Email\nAna Ruiz,a@example.com\nBo Chen,b@example.com,extra\n",
            "ragged.csv:3:1: this row has 3 fields, the header has 2",
        ),
        (
            "blank.csv",
            b"Name,Email\nAna Ruiz,a@example.com\n  ,b@example.com\n",
            "blank.csv:3:1: blank name",
        ),
        (
            "latin1.csv",
            b"Name,Email\nRen\xe9e Roy,r@example.com\n",
            "latin1.csv:2:4: not UTF-8 text: byte 0xe9",
        ),
        (
            "quote.csv",
            b"Name;Email\n\"Ana; Ruiz\";a@example.com\nBo Chen\n",
            "quote.csv:3:1: this row has 1 fields, the header has 2",
        ),
    ];
    for (name, bytes, expected) in cases {
        let dir = workspace();
        let csv_dir = tempfile::tempdir().unwrap();
        let csv = csv_dir.path().join(name);
        fs::write(&csv, bytes).unwrap();
        let before = hash(dir.path());
        let out = import(dir.path(), &csv, &[]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(stderr.contains("nothing imported"), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}");
        assert_eq!(hash(dir.path()), before, "{name}");
    }
}

#[test]
fn an_unknown_opening_is_invalid_and_json_lists_the_error() {
    let dir = workspace();
    let before = hash(dir.path());
    let out = scorecard(
        dir.path(),
        &[
            "import",
            "candidates",
            fixture("ashby.csv").to_str().unwrap(),
            "--opening",
            "no-such-opening",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown opening \"no-such-opening\""));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["created"], Value::Array(Vec::new()));
    assert!(
        doc["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-opening")
    );
    assert_eq!(hash(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn new_candidate_folders_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    assert!(
        import(dir.path(), &fixture("ashby.csv"), &[])
            .status
            .success()
    );
    let root = dir.path().join("candidates");
    let mut seen = 0;
    for (_, c) in imported(dir.path()) {
        let folder = root.join(c.id.as_str());
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join("candidate.ron")), 0o600);
        seen += 1;
    }
    assert_eq!(seen, 3);
    let leftovers: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no staging left: {leftovers:?}");
}
