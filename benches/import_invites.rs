//! Budget: planning and applying an import of 10,000 calendar events into
//! a demo-sized workspace takes under 1 s.
//!
//! The workspace: `scorecard demo --candidates 1000` (its openings, plans
//! and scorecards included) and a `people.ron` of 20 interviewers. The file:
//! 10,000 `VEVENT`s as Outlook writes them (CRLF, a `VTIMEZONE` with the
//! Windows name `W. Europe Standard Time`, folded lines, `CN="Last,
//! First"`, a room), ten a candidate, each naming the candidate and one
//! exercise of their template, with two interviewers.
//!
//! - `import_invites/plan`: [`plan_invites`] on the text (parse, zones,
//!   matching, the checks of every candidate file it would write).
//! - `import_invites/plan_and_apply`: that, then [`apply_invites`] writing
//!   every touched candidate file (read again, changed, staged, renamed);
//!   the files are put back as they were between iterations, untimed.
//!
//! `cargo bench --bench import_invites` (`-- --quick` for one short run).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser;
use criterion::{BatchSize, Criterion, criterion_group};
use scorecard::cli::{Cli, run_command};
use scorecard::io::{Workspace, apply_invites, load_people, plan_invites};

const CANDIDATES: usize = 1_000;
const EVENTS: usize = 10_000;
const INTERVIEWERS: usize = 20;

fn interviewer(i: usize) -> (String, String) {
    const FIRST: [&str; 10] = [
        "Priya", "Sam", "Dana", "Kenji", "Lena", "Omar", "Ines", "Tariq", "Mei", "Jonas",
    ];
    const LAST: [&str; 2] = ["Raman", "Okafor"];
    let (first, last) = (FIRST[i % 10], LAST[i / 10]);
    (
        format!("{first} {last}"),
        format!(
            "{}.{}@example.com",
            first.to_lowercase(),
            last.to_lowercase()
        ),
    )
}

fn people_ron() -> String {
    let mut text = String::from("People(format: 1, people: [\n");
    for i in 0..INTERVIEWERS {
        let (name, email) = interviewer(i);
        writeln!(text, "    Person(name: \"{name}\", emails: [\"{email}\"]),").unwrap();
    }
    text.push_str("])\n");
    text
}

/// The invite file: `EVENTS` events over the workspace's candidates.
fn invites(workspace: &Workspace) -> String {
    let snapshot = workspace.load();
    let mut text = String::from(
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n\
         BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n\
         TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n\
         END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\n\
         TZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n\
         END:VTIMEZONE\r\n",
    );
    let candidates = &snapshot.candidates();
    assert!(!candidates.is_empty());
    for k in 0..EVENTS {
        let record = &candidates[k % candidates.len()];
        let round = k / candidates.len();
        let c = &record.candidate;
        let exercises = snapshot
            .templates()
            .get(c.template.as_str())
            .map(|t| t.template.exercises.clone())
            .unwrap_or_default();
        let stage = exercises
            .get(round % exercises.len().max(1))
            .map_or("Interview".to_owned(), |e| e.name.clone());
        // Two interviewers of their own per round, so no candidate has one
        // interviewer twice at a stage.
        let (a_name, a_email) = interviewer((2 * round) % INTERVIEWERS);
        let (b_name, b_email) = interviewer((2 * round + 1) % INTERVIEWERS);
        let turned = |name: &str| {
            let (first, last) = name.split_once(' ').unwrap();
            format!("{last}, {first}")
        };
        let day = 1 + (k % 28);
        let month = 1 + (k / 28) % 12;
        write!(
            text,
            "BEGIN:VEVENT\r\nUID:bench-{k:06}@example.com\r\nSEQUENCE:0\r\nDTSTAMP:20261120T080000Z\r\n\
             SUMMARY;LANGUAGE=en-US:{} ({}) - {stage}\r\n\
             DESCRIPTION;LANGUAGE=en-US:Structured interview. Please submit your scorecard within 24 hours\r\n \
             of the interview. Bring the kit.\r\n\
             DTSTART;TZID=W. Europe Standard Time:2027{month:02}{day:02}T100000\r\n\
             DTEND;TZID=W. Europe Standard Time:2027{month:02}{day:02}T110000\r\n\
             ORGANIZER;CN=\"Coordinator, Pat\":mailto:pat.coordinator@example.com\r\n\
             ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=\"{}\":mailto:{a_email}\r\n\
             ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE;CN=\"{}\":mailto:{b_email}\r\n\
             ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;CN=\"Room 4.12\":mailto:room-412@example.com\r\n\
             X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nX-MICROSOFT-CDO-IMPORTANCE:1\r\nEND:VEVENT\r\n",
            c.name,
            c.id,
            turned(&a_name),
            turned(&b_name),
        )
        .unwrap();
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

/// Every candidate file with its bytes, to put back between iterations.
fn candidate_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files_under(&dir.join("candidates"))
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "candidate.ron"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn import_invites(c: &mut Criterion) {
    let (dir, _tmp) = common::workspace_dir("SCORECARD_BENCH_INVITES");
    if !common::has_candidates(&dir) {
        // `scorecard demo`, as a user makes it: openings and decisions too.
        let cli = Cli::parse_from([
            "scorecard",
            "--workspace",
            dir.to_str().unwrap(),
            "demo",
            "--candidates",
            &CANDIDATES.to_string(),
        ]);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run_command(&cli, cli.command.as_ref().unwrap(), &mut out, &mut err).unwrap();
        eprint!("{}", String::from_utf8_lossy(&out));
    }
    std::fs::write(dir.join("people.ron"), people_ron()).unwrap();
    let workspace = Workspace::new(&dir);
    let text = invites(&workspace);
    let path = dir.join("invites.ics");
    let originals = candidate_files(&dir);
    let restore = || {
        for (path, bytes) in &originals {
            std::fs::write(path, bytes).unwrap();
        }
    };

    // One timed run, as a user meets it.
    let snapshot = workspace.load();
    let people = load_people(&dir).unwrap();
    let started = Instant::now();
    let plan = plan_invites(&path, &text, &snapshot, &people).unwrap();
    let planned = started.elapsed();
    let written = apply_invites(&workspace, &plan).unwrap();
    let total = started.elapsed();
    eprintln!(
        "{EVENTS} events ({:.1} MiB): {} created, {} moved, {} unchanged, {} unmatched; \
         plan {planned:.2?}, plan + apply {total:.2?} ({} files written)",
        text.len() as f64 / 1048576.0,
        plan.created.len(),
        plan.moved.len(),
        plan.unchanged,
        plan.unmatched.len(),
        written.len(),
    );
    assert!(
        plan.created.len() + plan.moved.len() >= EVENTS,
        "{:?}",
        &plan.unmatched[..plan.unmatched.len().min(3)]
    );
    restore();

    let mut group = c.benchmark_group("import_invites");
    group.sample_size(10);
    group.bench_function("plan", |b| {
        b.iter(|| black_box(plan_invites(&path, &text, &snapshot, &people).unwrap()));
    });
    group.bench_function("plan_and_apply", |b| {
        b.iter_batched(
            restore,
            |()| {
                let plan = plan_invites(&path, &text, &snapshot, &people).unwrap();
                black_box(apply_invites(&workspace, &plan).unwrap())
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
    restore();
}

criterion_group!(benches, import_invites);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
