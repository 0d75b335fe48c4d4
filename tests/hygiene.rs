//! Workspace hygiene (DESIGN.md): what sync tools, editors and colleagues
//! leave in a synced folder. One test per trap, run as a user runs it (the
//! real binary, under a timeout so a hang fails instead of blocking), and
//! the app's own loading (`Workspace::load` and `refresh`) checked to list
//! the same.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scorecard::io::{ConflictReason, Workspace};
use scorecard::model::{Candidate, Rating, RatingEntry, Recommendation, Scorecard, Slug};

/// What a command printed and how it ended.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `cwd` on `workspace`, killing it after `limit`: a
/// command that does not end fails the test instead of hanging it.
fn run_in(args: &[&str], workspace: &Path, cwd: &Path, limit: Duration) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain both pipes on threads, so a chatty child never blocks on them.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        out.read_to_end(&mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        err.read_to_end(&mut s).unwrap();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "`scorecard {}` did not end within {limit:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// `scorecard export --candidate c-1 --format md -o TARGET` in `workspace`.
fn export_md_to(target: &str, workspace: &Path) -> Ran {
    run(
        &[
            "export",
            "--candidate",
            "c-1",
            "--format",
            "md",
            "-o",
            target,
        ],
        workspace,
    )
}

fn run(args: &[&str], workspace: &Path) -> Ran {
    run_in(args, workspace, workspace, Duration::from_secs(60))
}

fn candidate(id: &str) -> Candidate {
    Candidate::new(
        Slug::new(id).unwrap(),
        "Alex Doe".to_owned(),
        Slug::new("infrastructure-engineer").unwrap(),
        "2026-11-20T09:00:00Z".parse().unwrap(),
    )
}

fn submitted(candidate: &str, interviewer: &str, stage: &str) -> Scorecard {
    let mut ratings = std::collections::BTreeMap::new();
    ratings.insert(
        Slug::new("fundamentals").unwrap(),
        RatingEntry {
            rating: Rating::Meets,
            evidence: "traced DNS".into(),
        },
    );
    let mut card = Scorecard::draft(
        Slug::new(candidate).unwrap(),
        Slug::new("infrastructure-engineer").unwrap(),
        1,
        interviewer,
        stage,
        "2026-11-21T10:00:00Z".parse().unwrap(),
    )
    .submitted(
        "2026-11-21T11:00:00Z".parse().unwrap(),
        Recommendation::Hire,
    );
    card.ratings = ratings.into_iter().collect();
    card
}

/// A workspace with candidate `c-1` and one submitted scorecard,
/// `x--s.ron` (interviewer "X", stage "s"). Returns the scorecard's path.
fn one_candidate(root: &Path) -> PathBuf {
    let ws = Workspace::new(root);
    let c = candidate("c-1");
    ws.save_candidate(&c).unwrap();
    let path = ws.scorecard_path(&c.id, "X", "s").unwrap();
    ws.save_scorecard(&path, &submitted("c-1", "X", "s"))
        .unwrap();
    path
}

fn scorecards_dir(root: &Path) -> PathBuf {
    root.join("candidates/c-1/scorecards")
}

fn summary_json(root: &Path) -> (serde_json::Value, Ran) {
    let ran = run(&["summary", "--format", "json"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    (serde_json::from_str(&ran.stdout).unwrap(), ran)
}

fn submitted_count(doc: &serde_json::Value) -> u64 {
    doc["candidates"][0]["submitted"].as_u64().unwrap()
}

fn conflict_paths(doc: &serde_json::Value) -> Vec<String> {
    doc["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap().to_owned())
        .collect()
}

fn error_paths(doc: &serde_json::Value) -> Vec<String> {
    doc["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_loop_of_links_ends_every_command_and_is_removed_as_links() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    one_candidate(root);
    let folder = scorecards_dir(root);
    symlink(".", folder.join("a")).unwrap();
    symlink(".", folder.join("b")).unwrap();

    let ran = run(&["validate", "candidates"], root);
    assert_eq!(ran.code, Some(1), "a link is an error: {}", ran.stderr);
    for name in ["a", "b"] {
        let line = format!("candidates/c-1/scorecards/{name}: a symbolic link; not followed");
        assert!(ran.stderr.contains(&line), "{}", ran.stderr);
    }
    assert!(ran.stdout.contains("x--s.ron: ok"), "{}", ran.stdout);

    let (doc, _) = summary_json(root);
    assert_eq!(submitted_count(&doc), 1);
    let errors = error_paths(&doc);
    assert!(
        errors.contains(&"candidates/c-1/scorecards/a".to_owned()),
        "{errors:?}"
    );
    assert_eq!(doc["errors"][0]["message"], "a symbolic link; not followed");

    let ran = run(&["purge", "--older-than", "100000"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stdout, "erased 0 candidate(s), 0 file(s)\n");

    let ran = run(&["delete", "--candidate", "c-1"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "erased 1 candidate(s), 2 file(s), 2 symbolic link(s) (the links themselves, \
         not what they point to): c-1\n"
    );
    assert!(!root.join("candidates/c-1").exists());
}

#[test]
fn purge_removes_a_link_and_leaves_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::write(outside.join("keep.txt"), "precious").unwrap();
    symlink(&outside, scorecards_dir(&root).join("elsewhere")).unwrap();
    // Old enough to purge: every file's time set back.
    let long_ago = std::time::UNIX_EPOCH + Duration::from_secs(1_577_872_800);
    for path in [
        root.join("candidates/c-1/candidate.ron"),
        scorecards_dir(&root).join("x--s.ron"),
    ] {
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    // Written on 2026-11-21 and modified in 2020: inactive for a day.
    let ran = run(&["purge", "--older-than", "1"], &root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("1 symbolic link(s)"), "{}", ran.stdout);
    assert!(!root.join("candidates/c-1").exists());
    assert_eq!(
        fs::read_to_string(outside.join("keep.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn a_fifo_named_like_a_scorecard_is_listed_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    one_candidate(root);
    let fifo = scorecards_dir(root).join("x--.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());

    let ran = run(&["validate", "candidates"], root);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("candidates/c-1/scorecards/x--.ron: a FIFO (named pipe), not a regular file; never opened"),
        "{}",
        ran.stderr
    );
    // Named explicitly, it is still refused rather than waited on.
    let ran = run(&["validate", "candidates/c-1/scorecards/x--.ron"], root);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.contains("FIFO"), "{}", ran.stderr);

    let (doc, _) = summary_json(root);
    assert_eq!(submitted_count(&doc), 1);
    assert_eq!(error_paths(&doc), vec!["candidates/c-1/scorecards/x--.ron"]);
    assert_eq!(doc["errors"][0]["line"], 0);

    let ran = run(&["export", "--candidate", "c-1", "--format", "md"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let ran = run(&["delete", "--candidate", "c-1"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(!root.join("candidates/c-1").exists());
}

#[test]
fn a_link_to_a_secret_outside_is_listed_never_read_quoted_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let secret = dir.path().join("token");
    // A first word like a scorecard's, and a valid scorecard after it: if
    // it were read, it would be quoted or counted.
    let mut text = scorecard::io::to_ron(&submitted("c-1", "Sam", ""), "scorecard").unwrap();
    text = text.replacen("Scorecard(", "Scorecard( // hunter2-SECRET\n", 1);
    fs::write(&secret, &text).unwrap();
    symlink(&secret, scorecards_dir(&root).join("sam--.ron")).unwrap();
    symlink(&secret, root.join("templates-link.ron")).unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    symlink(&secret, root.join("templates/evil.ron")).unwrap();

    for args in [
        &["validate", "candidates", "templates"][..],
        // A shell's glob names the link itself.
        &["validate", "candidates/c-1/scorecards/sam--.ron"],
        &["summary", "--format", "json"],
        &["summary", "--format", "md"],
        &["export", "--candidate", "c-1", "--format", "json"],
        &["templates", "--format", "json"],
    ] {
        let ran = run(args, &root);
        assert!(!ran.stdout.contains("SECRET"), "{args:?}: {}", ran.stdout);
        assert!(!ran.stderr.contains("SECRET"), "{args:?}: {}", ran.stderr);
    }
    let named = run(&["validate", "candidates/c-1/scorecards/sam--.ron"], &root);
    assert_eq!(named.code, Some(1), "{}", named.stderr);
    assert!(
        named
            .stderr
            .contains("sam--.ron: a symbolic link; not followed"),
        "a link named on the command line is not followed either: {}",
        named.stderr
    );
    let (doc, ran) = summary_json(&root);
    assert_eq!(submitted_count(&doc), 1, "the link is not counted");
    let errors = error_paths(&doc);
    assert!(
        errors.contains(&"candidates/c-1/scorecards/sam--.ron".to_owned()),
        "{errors:?}"
    );
    assert!(
        errors.contains(&"templates/evil.ron".to_owned()),
        "{errors:?}"
    );
    assert!(
        ran.stderr
            .contains("sam--.ron: a symbolic link; not followed"),
        "{}",
        ran.stderr
    );

    let ran = run(&["delete", "--candidate", "c-1"], &root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("1 symbolic link(s)"), "{}", ran.stdout);
    assert_eq!(
        fs::read_to_string(&secret).unwrap(),
        text,
        "the target is untouched"
    );
}

#[test]
fn copies_by_name_are_listed_under_conflicts_and_never_counted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let original = one_candidate(root);
    let names = [
        "x--s (1).ron",
        "Copy of x--s.ron",
        "x--s-DESKTOP-ABC.ron",
        "x--s (conflicted copy 2026-11-21).ron",
        "x--s.sync-conflict-20261121-101010-ABCDEFG.ron",
        "x--s (conflicted copy kept by Scorecard 2026-11-21 10-00-00).ron",
    ];
    for name in names {
        fs::copy(&original, scorecards_dir(root).join(name)).unwrap();
    }
    let (doc, _) = summary_json(root);
    assert_eq!(submitted_count(&doc), 1);
    let mut listed = conflict_paths(&doc);
    listed.sort();
    let mut expected: Vec<String> = names
        .iter()
        .map(|n| format!("candidates/c-1/scorecards/{n}"))
        .collect();
    expected.sort();
    assert_eq!(listed, expected);
    for conflict in doc["conflicts"].as_array().unwrap() {
        assert_eq!(conflict["candidate"], "c-1");
        assert!(!conflict["reason"].as_str().unwrap().is_empty());
    }
    assert!(error_paths(&doc).is_empty());

    // Never deleted by a purge that spares the candidate; only an explicit
    // erase of the candidate removes them.
    let ran = run(&["purge", "--older-than", "100000"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    for name in names {
        assert!(scorecards_dir(root).join(name).exists(), "{name}");
    }

    // The app's loading lists the same.
    let ws = Workspace::new(root);
    let snapshot = ws.load();
    assert_eq!(snapshot.conflicts().len(), names.len());
    assert_eq!(snapshot.candidates()[0].scorecards.len(), 1);
}

#[test]
fn a_content_duplicate_under_another_name_is_a_conflict_copy() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let original = one_candidate(root);
    fs::copy(&original, scorecards_dir(root).join("renamed.ron")).unwrap();
    let (doc, _) = summary_json(root);
    assert_eq!(submitted_count(&doc), 1);
    assert_eq!(
        conflict_paths(&doc),
        vec!["candidates/c-1/scorecards/renamed.ron"]
    );
    assert!(
        doc["conflicts"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("x--s.ron, which counts instead"),
        "{doc}"
    );

    // Without the canonical name, none counts.
    fs::rename(&original, scorecards_dir(root).join("other.ron")).unwrap();
    let (doc, _) = summary_json(root);
    assert_eq!(submitted_count(&doc), 0);
    let mut listed = conflict_paths(&doc);
    listed.sort();
    assert_eq!(
        listed,
        vec![
            "candidates/c-1/scorecards/other.ron",
            "candidates/c-1/scorecards/renamed.ron"
        ]
    );
    assert!(
        doc["conflicts"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("none is named x--s.ron")
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_listed_and_fails_validate() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let original = one_candidate(root);
    let odd = scorecards_dir(root).join(std::ffi::OsStr::from_bytes(b"sam\xff--.ron"));
    let mut other = submitted("c-1", "Sam", "");
    other.notes = "by Sam".to_owned();
    fs::write(&odd, scorecard::io::to_ron(&other, "scorecard").unwrap()).unwrap();
    let _ = original;

    let ran = run(&["validate", "candidates"], root);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains(r#""sam\xFF--.ron" is not UTF-8"#),
        "{}",
        ran.stderr
    );

    let (doc, _) = summary_json(root);
    assert_eq!(submitted_count(&doc), 1);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 1, "{doc}");
    assert!(
        doc["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not UTF-8")
    );
}

#[test]
fn export_to_a_device_writes_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let device = dir.path().join("null");
    // A character device like /dev/null (1, 3); needs root.
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mknod failed (not root?); /dev/null is tried instead");
    }
    let target = if made {
        device.clone()
    } else {
        PathBuf::from("/dev/null")
    };
    let ran = export_md_to(target.to_str().unwrap(), &root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    use std::os::unix::fs::FileTypeExt;
    let meta = fs::symlink_metadata(&target).unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "{} is still a device",
        target.display()
    );
}

#[test]
fn export_to_a_fifo_writes_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let fifo = dir.path().join("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Nobody reads: an error, not a wait.
    let ran = export_md_to(fifo.to_str().unwrap(), &root);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.contains("nobody is reading"), "{}", ran.stderr);
    // With a reader, it is written into. The reader is open before the
    // export starts (a non-blocking open for reading returns at once), so
    // nothing here waits on timing; what was written is read once the
    // export has ended and closed its end.
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    let ran = export_md_to(fifo.to_str().unwrap(), &root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let mut written = String::new();
    reader.read_to_string(&mut written).unwrap();
    assert!(written.contains("Alex Doe"), "{written}");
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn export_to_dash_writes_to_stdout_and_creates_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let cwd = dir.path().join("cwd");
    fs::create_dir(&cwd).unwrap();
    let ran = run_in(
        &["export", "--candidate", "c-1", "--format", "md", "-o", "-"],
        &root,
        &cwd,
        Duration::from_secs(60),
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("Alex Doe"), "{}", ran.stdout);
    assert!(!cwd.join("-").exists());
    assert!(!root.join("-").exists());
}

#[test]
fn export_into_the_workspace_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let original = one_candidate(&root);
    let before = fs::read(&original).unwrap();
    let sneaky = format!(
        "{}/candidates/c-1/../c-1/scorecards/x--s.ron",
        root.display()
    );
    let link = dir.path().join("link-to-candidates");
    symlink(root.join("candidates"), &link).unwrap();
    let via_link = format!("{}/c-1/scorecards/x--s.ron", link.display());
    for target in [
        original.to_str().unwrap(),
        sneaky.as_str(),
        via_link.as_str(),
    ] {
        let ran = export_md_to(target, &root);
        assert_eq!(ran.code, Some(1), "{target}: {}", ran.stderr);
        assert!(
            ran.stderr
                .contains("inside the workspace's candidates/ folder"),
            "{}",
            ran.stderr
        );
    }
    let ran = export_md_to("templates/x.md", &root);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(fs::read(&original).unwrap(), before);
    assert!(!root.join("templates/x.md").exists());
    // Beside the data is fine.
    let ran = export_md_to("debrief.md", &root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(root.join("debrief.md").is_file());
}

/// 20,000 here to keep the suite quick; 100,000 and the memory they take
/// are measured by `examples/broken_files_memory.rs` (BENCHMARKS.md).
#[test]
fn many_broken_files_end_and_each_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    one_candidate(root);
    let folder = scorecards_dir(root);
    for i in 0..20_000 {
        fs::File::create(folder.join(format!("e{i}--.ron"))).unwrap();
    }
    let ran = run(&["summary", "--format", "json"], root);
    assert_eq!(ran.code, Some(0));
    let doc: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(submitted_count(&doc), 1);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 20_000);
}

/// The app's loading: `load` and `refresh` list the same errors and
/// conflicts as the command line, and agree with each other.
#[test]
fn load_and_refresh_list_the_same_traps() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let original = one_candidate(&root);
    let folder = scorecards_dir(&root);
    fs::copy(&original, folder.join("x--s (1).ron")).unwrap();
    fs::copy(&original, folder.join("renamed.ron")).unwrap();
    symlink(".", folder.join("a")).unwrap();
    fs::write(dir.path().join("secret"), "Scorecard(").unwrap();
    symlink(dir.path().join("secret"), folder.join("s--.ron")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(folder.join("f--.ron"))
            .status()
            .unwrap()
            .success()
    );
    fs::write(
        folder.join(std::ffi::OsStr::from_bytes(b"z\xfe--.ron")),
        "x",
    )
    .unwrap();
    symlink(dir.path(), root.join("candidates/c-link")).unwrap();

    let ws = Workspace::new(&root);
    let snapshot = ws.load();
    assert_eq!(snapshot.candidates().len(), 1);
    assert_eq!(snapshot.candidates()[0].scorecards.len(), 1);
    let reasons: Vec<&ConflictReason> = snapshot.conflicts().iter().map(|c| &c.reason).collect();
    assert_eq!(
        reasons,
        vec![
            &ConflictReason::SameAs("x--s.ron".to_owned()),
            &ConflictReason::Duplicate
        ],
        "{:?}",
        snapshot.conflicts()
    );
    let messages: Vec<String> = snapshot.errors().iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    assert!(messages.iter().all(|m| !m.contains("Scorecard(")));

    // A refresh of everything changes nothing.
    let mut again = snapshot.clone();
    let changed = again.apply(
        ws.refresh(&[
            folder.join("a"),
            root.join("candidates/c-link"),
            root.join("candidates/c-1/scorecards/x--s.ron"),
        ]),
        &ws,
    );
    assert!(!changed, "{:?}", again.errors());
    assert_eq!(again.errors(), snapshot.errors());
    assert_eq!(again.conflicts(), snapshot.conflicts());

    // The copy goes: the refresh drops it from the list.
    fs::remove_file(folder.join("renamed.ron")).unwrap();
    let changed = again.apply(ws.refresh(&[folder.join("renamed.ron")]), &ws);
    assert!(changed);
    assert_eq!(again.conflicts().len(), 1);
    assert_eq!(again.conflicts(), ws.load().conflicts());
}

/// A save never writes through a link: the app's scorecard, linked out of
/// the workspace by a colleague's sync, stays where it is.
#[test]
fn saves_never_write_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let ws = Workspace::new(&root);
    ws.save_candidate(&candidate("c-1")).unwrap();
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    symlink(&outside, root.join("candidates/c-1/scorecards")).unwrap();
    let path = ws
        .scorecard_path(&Slug::new("c-1").unwrap(), "X", "s")
        .unwrap();
    let card = submitted("c-1", "X", "s");
    let err = ws.save_scorecard(&path, &card).unwrap_err();
    assert!(
        err.to_string().contains("a symbolic link; not followed"),
        "{err}"
    );
    let err = ws.save_scorecard_checked(&path, &card, None).unwrap_err();
    assert!(
        matches!(err, scorecard::io::StoreError::Link { .. }),
        "{err}"
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn delete_of_a_candidate_folder_that_is_a_link_removes_the_link_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let elsewhere = dir.path().join("elsewhere");
    one_candidate(&elsewhere);
    symlink(
        elsewhere.join("candidates/c-1"),
        root.join("candidates/c-2"),
    )
    .unwrap();

    let (doc, _) = summary_json(&root);
    assert_eq!(doc["candidates"].as_array().unwrap().len(), 1);
    assert_eq!(error_paths(&doc), vec!["candidates/c-2"]);

    let ran = run(&["delete", "--candidate", "c-2"], &root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "erased 1 candidate(s), 0 file(s), 1 symbolic link(s) (the links themselves, \
         not what they point to): c-2\n"
    );
    assert!(fs::symlink_metadata(root.join("candidates/c-2")).is_err());
    assert!(
        elsewhere
            .join("candidates/c-1/scorecards/x--s.ron")
            .is_file()
    );
}

#[test]
fn a_template_copy_is_listed_without_a_candidate() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    one_candidate(root);
    fs::create_dir_all(root.join("templates/library")).unwrap();
    fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scorecards/infrastructure-engineer.ron"
        ),
        root.join("templates/Copy of infrastructure-engineer.ron"),
    )
    .unwrap();
    symlink(".", root.join("templates/library/loop")).unwrap();
    let (doc, _) = summary_json(root);
    assert_eq!(
        doc["conflicts"],
        serde_json::json!([{
            "path": "templates/Copy of infrastructure-engineer.ron",
            "candidate": null,
            "reason": "a copy of another file (its name says so)"
        }])
    );
    assert_eq!(error_paths(&doc), vec!["templates/library/loop"]);
    let ran = run(&["templates"], root);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(
        ran.stderr.matches("a symbolic link; not followed").count(),
        1,
        "{}",
        ran.stderr
    );
}

/// The app's folder watcher does not follow links either: a link to a
/// folder outside does not make it watch (or report) what is there.
#[test]
fn the_folder_watcher_does_not_follow_links() {
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    one_candidate(&root);
    let outside = dir.path().join("outside");
    fs::create_dir(&outside).unwrap();
    symlink(&outside, scorecards_dir(&root).join("out")).unwrap();
    let seen: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let sink = Arc::clone(&seen);
    let _watcher = scorecard::io::FolderWatcher::start(&root, move |paths| {
        sink.lock().unwrap().extend(paths);
    })
    .unwrap();
    fs::write(outside.join("x--.ron"), "outside").unwrap();
    let inside = scorecards_dir(&root).join("y--.ron");
    fs::write(&inside, "inside").unwrap();
    let start = Instant::now();
    while !seen.lock().unwrap().contains(&inside) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no event for {}",
            inside.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The file outside was written first: one watcher delivers its events
    // in order, so had the link been followed, its event would have come
    // with or before the one just seen. No timing window is needed.
    let seen = seen.lock().unwrap();
    assert!(
        seen.iter().all(|p| !p.ends_with("x--.ron")),
        "reported through the link: {seen:?}"
    );
}
