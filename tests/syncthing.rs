//! A team's workspace shared through a real sync engine: two Syncthing
//! instances on this machine, each with its own home folder, listening on
//! 127.0.0.1 only (discovery, relays, NAT, usage and crash reports off),
//! introduced to each other by explicit `tcp://127.0.0.1:PORT` addresses,
//! sharing one folder with `fsWatcherDelayS` 1. The real `scorecard` binary
//! reads each side.
//!
//! Where `syncthing` is not installed the test says so and returns; under CI
//! (`CI` set), where `.ci/run` installs it, a missing syncthing fails. Every
//! wait is bounded; both instances are stopped when the test ends, passed or
//! not.

// Helpers outside #[test] functions unwrap too: in a test, a panic is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use scorecard::io::{ParsedFile, Workspace, read_and_parse_any};
use scorecard::model::{Rating, Recommendation, Scorecard, Slug};

/// The longest any one wait may take.
const PATIENCE: Duration = Duration::from_secs(90);

/// One Syncthing instance and its workspace.
struct Side {
    name: &'static str,
    home: PathBuf,
    workspace: PathBuf,
    gui_port: u16,
    api_key: String,
    device_id: String,
    child: Option<Child>,
}

impl Drop for Side {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn syncthing_installed() -> bool {
    Command::new("syncthing")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

impl Side {
    /// Keys and certificate for a new device.
    fn generate(name: &'static str, root: &Path) -> Self {
        let home = root.join(format!("syncthing-{name}"));
        let workspace = root.join(format!("workspace-{name}"));
        fs::create_dir_all(workspace.join(".stfolder")).unwrap();
        fs::write(workspace.join(".stignore"), ".scorecard-*.tmp\n").unwrap();
        let out = Command::new("syncthing")
            .args(["generate", "--no-default-folder"])
            .arg(format!("--home={}", home.display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let out = Command::new("syncthing")
            .args(["serve", "--device-id"])
            .arg(format!("--home={}", home.display()))
            .output()
            .unwrap();
        let device_id = String::from_utf8(out.stdout).unwrap().trim().to_owned();
        assert!(device_id.len() > 50, "device id {device_id:?}");
        Self {
            name,
            home,
            workspace,
            gui_port: free_port(),
            api_key: format!("scorecard-test-key-{name}"),
            device_id,
            child: None,
        }
    }

    /// Writes this side's whole configuration: nothing reaches beyond
    /// 127.0.0.1.
    fn configure(&self, listen: u16, other: &Side, other_listen: u16) {
        let config = format!(
            r#"<configuration version="36">
    <folder id="scorecard" label="scorecard" path="{workspace}" type="sendreceive" rescanIntervalS="60" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me}"></device>
        <device id="{them}"></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
    </folder>
    <device id="{me}" name="{my_name}" compression="metadata">
        <address>tcp://127.0.0.1:{listen}</address>
    </device>
    <device id="{them}" name="{their_name}" compression="metadata">
        <address>tcp://127.0.0.1:{other_listen}</address>
    </device>
    <gui enabled="true" tls="false">
        <address>127.0.0.1:{gui}</address>
        <apikey>{key}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{listen}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <crashReportingEnabled>false</crashReportingEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"#,
            workspace = self.workspace.display(),
            me = self.device_id,
            them = other.device_id,
            my_name = self.name,
            their_name = other.name,
            gui = self.gui_port,
            key = self.api_key,
        );
        fs::write(self.home.join("config.xml"), config).unwrap();
    }

    fn start(&mut self) {
        let log = fs::File::create(self.home.join("syncthing.log")).unwrap();
        let child = Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart", "--no-upgrade"])
            .arg(format!("--home={}", self.home.display()))
            .env("STNOUPGRADE", "1")
            .env("STNODEFAULTFOLDER", "1")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    /// One request to this side's REST API; the body of the answer, or
    /// `None` if it is not up (yet).
    fn rest(&self, method: &str, path: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.gui_port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        let request = format!(
            "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nX-API-Key: {}\r\nContent-Length: 0\r\n\r\n",
            self.api_key
        );
        stream.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        let (head, body) = answer.split_once("\r\n\r\n")?;
        let ok = head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200");
        ok.then(|| body.to_owned())
    }

    fn connected_to(&self, other: &Side) -> bool {
        let Some(body) = self.rest("GET", "/rest/system/connections") else {
            return false;
        };
        let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        json["connections"][&other.device_id]["connected"] == serde_json::Value::Bool(true)
    }

    fn set_paused(&self, other: &Side, paused: bool) {
        let verb = if paused { "pause" } else { "resume" };
        let path = format!("/rest/system/{verb}?device={}", other.device_id);
        assert!(
            self.rest("POST", &path).is_some(),
            "{}: {verb} failed",
            self.name
        );
    }

    fn summary(&self) -> serde_json::Value {
        let out = scorecard(&["summary", "--format", "json"], &self.workspace);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn log_tail(&self) -> String {
        let log = fs::read_to_string(self.home.join("syncthing.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

fn scorecard(args: &[&str], workspace: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scorecard"))
        .args(args)
        .env("SCORECARD_WORKSPACE", workspace)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// Waits until `done` holds, at most [`PATIENCE`]; how long it took.
fn wait_for(what: &str, sides: &[&Side], mut done: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if done() {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let logs: Vec<String> = sides
        .iter()
        .map(|s| format!("--- {} ---\n{}", s.name, s.log_tail()))
        .collect();
    panic!("timed out waiting until {what}\n{}", logs.join("\n"));
}

/// Counts of submitted scorecards and drafts, over every candidate.
fn counts(summary: &serde_json::Value) -> (u64, u64) {
    let candidates = summary["candidates"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    candidates.iter().fold((0, 0), |(s, d), c| {
        (
            s + c["submitted"].as_u64().unwrap_or(0),
            d + c["drafts"].as_u64().unwrap_or(0),
        )
    })
}

/// The conflict copies `summary` lists, by file name.
fn listed_conflicts(summary: &serde_json::Value) -> Vec<String> {
    summary["conflicts"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|c| c["path"].as_str().or(c.as_str()).map(str::to_owned))
        .collect()
}

fn draft(candidate: &str, notes: &str) -> Scorecard {
    let mut card = Scorecard::draft(
        Slug::new(candidate).unwrap(),
        Slug::new("infrastructure-engineer").unwrap(),
        1,
        "Priya Raman",
        "",
        "2026-11-21T10:00:00Z".parse().unwrap(),
    );
    card.recommendation = Some(Recommendation::Hire);
    card.notes = notes.to_owned();
    card
}

/// Whether both files exist and hold the same bytes.
fn writer_done_and_equal(a: &Path, b: &Path) -> bool {
    matches!((fs::read(a), fs::read(b)), (Ok(x), Ok(y)) if x == y)
}

/// The candidates of a summary without what differs by machine.
fn comparable(summary: &serde_json::Value) -> serde_json::Value {
    summary["candidates"].clone()
}

#[test]
fn two_syncthing_instances_carry_a_workspace_between_two_machines() {
    if !syncthing_installed() {
        assert!(
            std::env::var_os("CI").is_none(),
            "syncthing is not installed, and CI must run this test (.ci/run installs it)"
        );
        eprintln!(
            "SKIPPED two_syncthing_instances_carry_a_workspace_between_two_machines: syncthing is not installed (apt-get install syncthing)"
        );
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let mut a = Side::generate("a", root.path());
    let mut b = Side::generate("b", root.path());
    let (listen_a, listen_b) = (free_port(), free_port());
    a.configure(listen_a, &b, listen_b);
    b.configure(listen_b, &a, listen_a);
    a.start();
    b.start();
    wait_for("the two instances connect", &[&a, &b], || {
        a.connected_to(&b) && b.connected_to(&a)
    });

    // 1. Scorecards written on A are counted on B.
    let out = scorecard(&["demo", "--candidates", "4"], &a.workspace);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let on_a = a.summary();
    let (submitted, drafts) = counts(&on_a);
    assert!(submitted > 0, "the demo wrote scorecards: {on_a}");
    let took = wait_for("B counts what A wrote", &[&a, &b], || {
        counts(&b.summary()) == (submitted, drafts)
    });
    eprintln!(
        "syncthing: demo ({submitted} submitted, {drafts} drafts) counted on B after {took:?}"
    );

    // One save on A, timed to its count on B.
    let ws_a = Workspace::new(&a.workspace);
    let candidate = on_a["candidates"][0]["id"].as_str().unwrap().to_owned();
    let path_a = ws_a
        .scorecard_path(&Slug::new(&candidate).unwrap(), "Dana Kim", "")
        .unwrap();
    let mut submitted_card = draft(&candidate, "submitted on A");
    submitted_card.interviewer = "Dana Kim".into();
    submitted_card.set_rating(&Slug::new("fundamentals").unwrap(), Rating::Meets);
    submitted_card.submitted_at = Some("2026-11-21T11:00:00Z".parse().unwrap());
    let saved_at = Instant::now();
    ws_a.save_scorecard(&path_a, &submitted_card).unwrap();
    wait_for("B counts A's new submission", &[&a, &b], || {
        counts(&b.summary()).0 == submitted + 1
    });
    eprintln!(
        "syncthing: one submission saved on A, counted by `summary` on B after {:?}",
        saved_at.elapsed()
    );
    let submitted = submitted + 1;

    // 2. Both sides edit one draft at once: while they cannot reach each
    //    other, each writes its own version; Syncthing keeps one and a
    //    `.sync-conflict-` copy of the other, which neither side counts.
    let relative = Path::new("candidates")
        .join(&candidate)
        .join("scorecards")
        .join("priya-raman--.ron");
    let (draft_a, draft_b) = (a.workspace.join(&relative), b.workspace.join(&relative));
    ws_a.save_scorecard(&draft_a, &draft(&candidate, "first version"))
        .unwrap();
    wait_for("the draft reaches B", &[&a, &b], || draft_b.exists());
    let (_, drafts) = counts(&a.summary());
    a.set_paused(&b, true);
    b.set_paused(&a, true);
    wait_for("the two are apart", &[&a, &b], || {
        !a.connected_to(&b) && !b.connected_to(&a)
    });
    ws_a.save_scorecard(&draft_a, &draft(&candidate, "edited on A"))
        .unwrap();
    Workspace::new(&b.workspace)
        .save_scorecard(&draft_b, &draft(&candidate, "edited on B"))
        .unwrap();
    // Let each side's watcher see its own write before they meet again.
    std::thread::sleep(Duration::from_secs(3));
    a.set_paused(&b, false);
    b.set_paused(&a, false);
    let has_copy = |side: &Side| {
        listed_conflicts(&side.summary())
            .iter()
            .any(|p| p.contains(".sync-conflict-"))
    };
    wait_for("both sides list the conflict copy", &[&a, &b], || {
        has_copy(&a) && has_copy(&b)
    });
    for side in [&a, &b] {
        assert_eq!(
            counts(&side.summary()),
            (submitted, drafts),
            "{}: the copy is not counted",
            side.name
        );
        let dir = side.workspace.join(&relative).with_file_name("");
        let copies = fs::read_dir(&dir)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains(".sync-conflict-")
            })
            .count();
        assert_eq!(copies, 1, "{}: one copy, kept", side.name);
    }
    wait_for("both sides agree on the draft", &[&a, &b], || {
        fs::read(&draft_a).ok() == fs::read(&draft_b).ok()
    });

    // 3. A burst of saves on A: B never sees a torn file. The file is on
    //    both sides first, so B reads it all the while new versions arrive
    //    and are put in place.
    let burst_a = a.workspace.join(&relative).with_file_name("sam-lee--.ron");
    let burst_b = b.workspace.join(&relative).with_file_name("sam-lee--.ron");
    let sams = |n: usize| {
        let mut card = draft(&candidate, &format!("save {n} {}", "x".repeat(n * 10)));
        card.interviewer = "Sam Lee".into();
        card
    };
    ws_a.save_scorecard(&burst_a, &sams(0)).unwrap();
    wait_for("Sam's first save reaches B", &[&a, &b], || {
        writer_done_and_equal(&burst_a, &burst_b)
    });
    let writer = {
        let workspace = a.workspace.clone();
        let path = burst_a.clone();
        let cards: Vec<Scorecard> = (1..=250).map(sams).collect();
        std::thread::spawn(move || {
            let ws = Workspace::new(&workspace);
            // Ten bursts of 25 saves 20 ms apart, a quiet moment after
            // each: Syncthing sends a file once it stops changing, so B
            // gets a new version after every burst while it reads.
            for (n, card) in cards.iter().enumerate() {
                ws.save_scorecard(&path, card).unwrap();
                let pause = if n % 25 == 24 { 1500 } else { 20 };
                std::thread::sleep(Duration::from_millis(pause));
            }
        })
    };
    let mut reads = 0;
    let mut absent = 0;
    let mut versions = std::collections::BTreeSet::new();
    let mut torn = Vec::new();
    let reading_until = Instant::now() + PATIENCE;
    // Read on B while A writes and until B holds A's last version.
    let settled = || writer_done_and_equal(&burst_a, &burst_b);
    let mut writer = Some(writer);
    while Instant::now() < reading_until {
        if writer.as_ref().is_some_and(|w| w.is_finished()) {
            writer.take().unwrap().join().unwrap();
        }
        if writer.is_none() && settled() {
            break;
        }
        match read_and_parse_any(&burst_b) {
            Ok(ParsedFile::Scorecard(card)) => {
                versions.insert(card.notes.len());
            }
            // Syncthing removes the old file just before it renames the
            // new one into place: for that moment there is no file, which
            // is not a torn one.
            Err(err) if err.message.contains("(os error 2)") || !burst_b.exists() => absent += 1,
            other => torn.push(format!("{other:?}")),
        }
        reads += 1;
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(writer.is_none(), "the saves on A ended");
    assert!(settled(), "B got A's last version");
    if let Ok(ParsedFile::Scorecard(card)) = read_and_parse_any(&burst_b) {
        versions.insert(card.notes.len());
    }
    eprintln!(
        "syncthing: 250 saves on A; B read the file {reads} times while they arrived and saw {} versions, {} torn, absent {absent} times",
        versions.len(),
        torn.len()
    );
    assert!(torn.is_empty(), "torn reads on B: {torn:?}");
    assert!(
        versions.len() > 2,
        "B read while new versions arrived ({} seen)",
        versions.len()
    );

    // 4. At the end, B's numbers are A's.
    wait_for("B's summary agrees with A's", &[&a, &b], || {
        comparable(&a.summary()) == comparable(&b.summary())
    });
}
