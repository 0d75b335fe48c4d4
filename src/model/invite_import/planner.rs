//! From events to an [`InvitePlan`]: which version of each invite counts,
//! what it is about, and what changes in each plan.
//!
//! One version per `UID` counts: the highest `SEQUENCE`, then the latest
//! `DTSTAMP`, then the last in the file. Repeating events, occurrences of
//! them, replies and all-day events are listed as unmatched. Then, on a
//! working copy of each plan touched: first every removal (cancelled
//! invites, interviewers taken off an invite), then every interview the
//! invites plan, so the result does not depend on the order of the file.
//! Last, each plan changed must pass the rules of a candidate file
//! ([`Candidate::problems`], [`Candidate::reference_problems`]); a
//! candidate whose file would not is left as it is, with their invites
//! listed as unmatched.

mod matching;

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use super::attendees::{Namer, Role};
use super::changes::{is_entry, set};
use super::{
    CandidateChanges, CandidateInfo, EventNote, EventProblem, EventStart, InterviewChange,
    InviteEvent, InvitePlan, MovedEntry, PlannedEntry, Unmatched,
};
use crate::model::folded_words::PhraseIndex;
use crate::model::{Candidate, Interview, InterviewerId, People, TextRole, Timestamp, check_field};
use matching::stage_index;

/// The plan of importing `events` into the candidates of `roster`, naming
/// attendees through `people`.
pub fn plan_invite_import(
    events: &[InviteEvent],
    roster: &[CandidateInfo<'_>],
    people: &People,
) -> InvitePlan {
    let mut planner = Planner::new(roster, people);
    let latest = latest_versions(events, &mut planner.unmatched);
    planner.notes = latest
        .iter()
        .flat_map(|event| {
            event.notes.iter().map(|note| EventNote {
                uid: event.uid.clone(),
                summary: event.summary.clone(),
                note: note.clone(),
                line: event.line,
                file: event.file,
            })
        })
        .collect();
    // What each invite asks for is found on every core (names, ids and
    // stages looked up in its words), then taken in file order.
    let found: Vec<(Option<Intent<'_>>, Vec<Unmatched>)> = latest
        .par_iter()
        .map(|event| {
            let mut unmatched = Vec::new();
            (planner.intent(event, &mut unmatched), unmatched)
        })
        .collect();
    let mut intents: Vec<Intent<'_>> = Vec::with_capacity(found.len());
    for (intent, mut unmatched) in found {
        planner.unmatched.append(&mut unmatched);
        intents.extend(intent);
    }
    for intent in &intents {
        planner.remove_for(intent);
    }
    for intent in &intents {
        if let Intent::Plan(plan) = intent {
            planner.plan(plan);
        }
    }
    planner.finish()
}

/// What one invite asks for.
enum Intent<'e> {
    /// Take its interviews out of the plans: all of them, or those of
    /// these interviewers only (a cancellation sent to some attendees).
    Cancel(&'e InviteEvent, Option<Vec<InterviewerId>>),
    /// Plan its interviews.
    Plan(Wanted<'e>),
}

/// The interviews one invite plans.
struct Wanted<'e> {
    event: &'e InviteEvent,
    candidate: usize,
    stage: String,
    at: Timestamp,
    /// Who interviews, each once.
    who: Vec<(String, InterviewerId)>,
    /// Whether some attendee could not be named (then nobody is taken off
    /// the invite's earlier plan for want of a name).
    unnamed: bool,
}

/// Which of an invite's planned entries a removal keeps.
enum Keep<'w, 'e> {
    /// None: the invite is cancelled.
    Nothing,
    /// Those of everyone but these (the cancelled attendees).
    AllBut(&'w [InterviewerId]),
    /// Those the invite's version that counts still plans.
    Planned(&'w Wanted<'e>),
}

impl Keep<'_, '_> {
    fn keeps(&self, candidate: usize, who: &InterviewerId) -> bool {
        match self {
            Keep::Nothing => false,
            Keep::AllBut(cancelled) => !cancelled.contains(who),
            Keep::Planned(wanted) => {
                candidate == wanted.candidate && wanted.who.iter().any(|(_, id)| id == who)
            }
        }
    }
}

/// What the import does to one planned interview, before the checks of
/// each candidate's file.
enum Outcome {
    Created(PlannedEntry),
    Moved(MovedEntry),
    Cancelled(PlannedEntry),
    CancelledButScored(PlannedEntry),
    Unchanged,
}

struct Report {
    candidate: usize,
    uid: String,
    summary: String,
    line: usize,
    file: usize,
    outcome: Outcome,
}

/// The one version of each `UID` that counts, in the order the UIDs first
/// appear; what cannot be an interview goes to `unmatched`: a reply or a
/// repeating event once a UID (no version of it is planned), one
/// occurrence of a series (`RECURRENCE-ID`) each time, without holding back
/// the other versions of its UID.
fn latest_versions<'e>(
    events: &'e [InviteEvent],
    unmatched: &mut Vec<Unmatched>,
) -> Vec<&'e InviteEvent> {
    let mut order: Vec<&str> = Vec::new();
    let mut latest: HashMap<&str, &InviteEvent> = HashMap::new();
    let mut skipped: Vec<&str> = Vec::new();
    for event in events {
        if event.occurrence && event.method.as_deref() != Some("CANCEL") {
            unmatched.push(unmatched_event(event, OCCURRENCE));
            continue;
        }
        if let Some(reason) = not_an_invite(event) {
            if !skipped.contains(&event.uid.as_str()) {
                skipped.push(&event.uid);
                unmatched.push(unmatched_event(event, reason));
            }
            continue;
        }
        match latest.get(event.uid.as_str()) {
            None => {
                order.push(&event.uid);
                latest.insert(&event.uid, event);
            }
            Some(kept) if (event.sequence, event.dtstamp) >= (kept.sequence, kept.dtstamp) => {
                latest.insert(&event.uid, event);
            }
            Some(_) => {}
        }
    }
    order
        .into_iter()
        .filter(|uid| !skipped.contains(uid))
        .filter_map(|uid| latest.get(uid).copied())
        .collect()
}

/// Why `event` is no invite to one interview, if it is not.
fn not_an_invite(event: &InviteEvent) -> Option<&'static str> {
    match event.method.as_deref() {
        Some("REPLY" | "COUNTER" | "DECLINECOUNTER" | "REFRESH") => {
            return Some(
                "not an invite: a reply to one (METHOD:REPLY, COUNTER or REFRESH); import the invite itself",
            );
        }
        Some("ADD") => return Some(RECURRING),
        _ => {}
    }
    (event.recurring || event.occurrence).then_some(RECURRING)
}

/// Why the text of `event` that a plan keeps or a preview shows (its
/// `UID`, its title) cannot be used, if it cannot: a control or bidi
/// character makes the whole event unmatched.
fn unsafe_text(event: &InviteEvent) -> Option<String> {
    [("UID", &event.uid), ("title (SUMMARY)", &event.summary)]
        .into_iter()
        .find_map(|(what, text)| {
            check_field(text, TextRole::Line)
                .err()
                .map(|found| format!("the {what} {found}"))
        })
}

const OCCURRENCE: &str = "one occurrence of a repeating event (RECURRENCE-ID): a series of meetings is not one interview (plan these interviews by hand)";

const RECURRING: &str =
    "recurring event: a series of meetings is not one interview (plan these interviews by hand)";

fn unmatched_event(event: &InviteEvent, reason: impl Into<String>) -> Unmatched {
    Unmatched {
        uid: event.uid.clone(),
        summary: event.summary.clone(),
        reason: reason.into(),
        line: event.line,
        file: event.file,
    }
}

struct Planner<'a> {
    roster: &'a [CandidateInfo<'a>],
    namer: Namer<'a>,
    names: PhraseIndex<usize>,
    ids: PhraseIndex<usize>,
    stages: HashMap<&'a str, PhraseIndex<usize>>,
    /// The candidates with an entry of each uid, as read.
    by_uid: HashMap<&'a str, Vec<usize>>,
    /// Working copies of the plans touched.
    work: BTreeMap<usize, Vec<Interview>>,
    ops: BTreeMap<usize, Vec<InterviewChange>>,
    reports: Vec<Report>,
    unmatched: Vec<Unmatched>,
    /// The notes of the versions that count; those of invites used are
    /// kept in the plan.
    notes: Vec<EventNote>,
}

impl<'a> Planner<'a> {
    fn new(roster: &'a [CandidateInfo<'a>], people: &'a People) -> Self {
        let mut names = PhraseIndex::default();
        let mut ids = PhraseIndex::default();
        let mut by_uid: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut stages = HashMap::new();
        for (i, info) in roster.iter().enumerate() {
            names.add(&info.candidate.name, i);
            ids.add(info.candidate.id.as_str(), i);
            for uid in info
                .candidate
                .interviews
                .iter()
                .filter_map(|e| e.uid.as_deref())
            {
                let list = by_uid.entry(uid).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
            if let Some(template) = info.template {
                stages
                    .entry(template.id.as_str())
                    .or_insert_with(|| stage_index(template));
            }
        }
        Self {
            roster,
            namer: Namer::new(people, roster),
            names,
            ids,
            stages,
            by_uid,
            work: BTreeMap::new(),
            ops: BTreeMap::new(),
            reports: Vec::new(),
            unmatched: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn candidate(&self, i: usize) -> Option<&'a Candidate> {
        self.roster.get(i).map(|info| info.candidate)
    }

    /// What `event` asks for; `None` (and the reason pushed on
    /// `unmatched`) when it cannot be used.
    fn intent<'e>(
        &self,
        event: &'e InviteEvent,
        unmatched: &mut Vec<Unmatched>,
    ) -> Option<Intent<'e>> {
        if let Some(reason) = unsafe_text(event) {
            unmatched.push(unmatched_event(event, reason));
            return None;
        }
        let cancelled = event.status_cancelled || event.method.as_deref() == Some("CANCEL");
        match &event.problem {
            // A cancellation needs no start time.
            Some(EventProblem::NoStart | EventProblem::Start(_)) if cancelled => {}
            Some(problem) => {
                unmatched.push(unmatched_event(event, problem.reason()));
                return None;
            }
            None => {}
        }
        if cancelled {
            return Some(self.cancel_intent(event));
        }
        let at = match event.start {
            EventStart::At(at) => at,
            EventStart::AllDay => {
                unmatched.push(unmatched_event(event, "all-day event: not an interview"));
                return None;
            }
            EventStart::Unknown => {
                unmatched.push(unmatched_event(event, EventProblem::NoStart.reason()));
                return None;
            }
        };
        let found = self
            .match_candidate(event)
            .and_then(|candidate| Ok((candidate, self.match_stage(candidate, event)?)));
        let (candidate, stage) = match found {
            Ok(found) => found,
            Err(reason) => {
                unmatched.push(unmatched_event(event, reason));
                return None;
            }
        };
        let mut who: Vec<(String, InterviewerId)> = Vec::new();
        let mut unnamed = false;
        for attendee in &event.attendees {
            match self.namer.role(attendee, event, self.candidate(candidate)) {
                Role::Interviewer(name, _) if check_field(&name, TextRole::Line).is_err() => {
                    unnamed = true;
                    let found = check_field(&name, TextRole::Line).err();
                    let why = found.map(|f| f.to_string()).unwrap_or_default();
                    unmatched.push(unmatched_event(
                        event,
                        format!("an attendee's name (its CN= or people.ron) {why}"),
                    ));
                }
                Role::Interviewer(name, id) => {
                    if !who.iter().any(|(_, seen)| *seen == id) {
                        who.push((name, id));
                    }
                }
                Role::Bystander => {}
                Role::Unnamed(reason) => {
                    unnamed = true;
                    unmatched.push(unmatched_event(event, reason));
                }
            }
        }
        if who.is_empty() && !unnamed {
            unmatched.push(unmatched_event(
                event,
                "no interviewer among the attendees (only the organizer, rooms, the candidate or people who declined)",
            ));
        }
        Some(Intent::Plan(Wanted {
            event,
            candidate,
            stage,
            at,
            who,
            unnamed,
        }))
    }

    /// A cancellation: of the whole invite, or (`METHOD:CANCEL` without
    /// `STATUS:CANCELLED`, RFC 5546) of the interviewers it lists.
    fn cancel_intent<'e>(&self, event: &'e InviteEvent) -> Intent<'e> {
        if event.status_cancelled {
            return Intent::Cancel(event, None);
        }
        let listed: Vec<InterviewerId> = event
            .attendees
            .iter()
            .filter_map(|a| match self.namer.role(a, event, None) {
                Role::Interviewer(_, id) => Some(id),
                Role::Bystander | Role::Unnamed(_) => None,
            })
            .collect();
        Intent::Cancel(event, (!listed.is_empty()).then_some(listed))
    }

    /// The working copy of candidate `i`'s plan.
    fn work(&mut self, i: usize) -> &mut Vec<Interview> {
        let roster = self.roster;
        self.work.entry(i).or_insert_with(|| {
            roster
                .get(i)
                .map(|info| info.candidate.interviews.clone())
                .unwrap_or_default()
        })
    }

    fn scored(&self, i: usize, who: &InterviewerId, stage: &str) -> bool {
        self.roster.get(i).is_some_and(|info| {
            info.scorecards
                .iter()
                .any(|card| card.stage == stage && InterviewerId::of(card) == *who)
        })
    }

    /// Takes out of the plans what `intent` removes: a cancelled invite's
    /// entries, or those of an invite's earlier version that it no longer
    /// plans (an interviewer taken off, another candidate).
    fn remove_for(&mut self, intent: &Intent<'_>) {
        let (event, keep) = match intent {
            Intent::Cancel(event, None) => (*event, Keep::Nothing),
            Intent::Cancel(event, Some(only)) => (*event, Keep::AllBut(only)),
            Intent::Plan(wanted) if wanted.unnamed && wanted.who.is_empty() => return,
            Intent::Plan(wanted) => (wanted.event, Keep::Planned(wanted)),
        };
        let holders = self
            .by_uid
            .get(event.uid.as_str())
            .cloned()
            .unwrap_or_default();
        let mut removed_any = false;
        for i in holders {
            let Some(candidate) = self.candidate(i) else {
                continue;
            };
            for entry in &candidate.interviews {
                let who = InterviewerId::new(&entry.interviewer);
                if entry.uid.as_deref() != Some(event.uid.as_str()) || keep.keeps(i, &who) {
                    continue;
                }
                removed_any = true;
                let report = entry_report(candidate, entry);
                if self.scored(i, &who, &entry.stage) {
                    self.report(i, event, Outcome::CancelledButScored(report));
                    continue;
                }
                self.report(i, event, Outcome::Cancelled(report));
                let uid = event.uid.clone();
                self.work(i).retain(|e| !is_entry(e, &uid, &who));
                self.ops
                    .entry(i)
                    .or_default()
                    .push(InterviewChange::Remove {
                        uid,
                        interviewer: who,
                    });
            }
        }
        if !removed_any && matches!(intent, Intent::Cancel(..)) {
            self.unmatched.push(unmatched_event(
                event,
                "cancelled, and nothing is planned under this UID (cancelled before, or never imported)",
            ));
        }
    }

    /// Plans the interviews `wanted` asks for, on the working copy.
    fn plan(&mut self, wanted: &Wanted<'_>) {
        let event = wanted.event;
        let uid = event.uid.as_str();
        let i = wanted.candidate;
        let Some(candidate) = self.candidate(i) else {
            return;
        };
        for (name, who) in &wanted.who {
            let stage = wanted.stage.as_str();
            let plan = self.work(i);
            let mine = plan.iter().position(|e| is_entry(e, uid, who));
            let typed = || {
                plan.iter()
                    .position(|e| e.uid.is_none() && e.stage == stage && who.is(&e.interviewer))
            };
            let found = mine.or_else(typed);
            let taken = plan
                .iter()
                .enumerate()
                .find(|(at, e)| Some(*at) != found && e.stage == stage && who.is(&e.interviewer));
            if let Some((_, other)) = taken {
                let by = other.uid.as_deref().map_or_else(
                    || "typed in the plan".to_owned(),
                    |u| format!("by invite {u}"),
                );
                let reason = format!(
                    "{name} is planned for {} at {} already ({by}): one interview per interviewer and stage",
                    candidate.id,
                    stage_label(stage),
                );
                self.unmatched.push(unmatched_event(event, reason));
                continue;
            }
            let existing = found.and_then(|at| plan.get(at)).cloned();
            let wanted_entry = Interview {
                uid: Some(uid.to_owned()),
                ..Interview::new(stage, name.as_str(), wanted.at)
            };
            let outcome = match &existing {
                Some(before) if before.at == wanted.at && before.stage == stage => {
                    if before.uid.is_some() {
                        self.report(i, event, Outcome::Unchanged);
                        continue;
                    }
                    // A typed entry at the invite's time: adopted, unchanged.
                    Outcome::Unchanged
                }
                Some(before) => Outcome::Moved(MovedEntry {
                    entry: PlannedEntry {
                        interviewer: before.interviewer.to_string(),
                        ..entry_report(candidate, &wanted_entry)
                    },
                    from: before.at,
                    from_stage: before.stage.to_string(),
                }),
                None => Outcome::Created(entry_report(candidate, &wanted_entry)),
            };
            set(self.work(i), &wanted_entry);
            self.ops
                .entry(i)
                .or_default()
                .push(InterviewChange::Set(wanted_entry));
            self.report(i, event, outcome);
        }
    }

    fn report(&mut self, candidate: usize, event: &InviteEvent, outcome: Outcome) {
        self.reports.push(Report {
            candidate,
            uid: event.uid.clone(),
            summary: event.summary.clone(),
            line: event.line,
            file: event.file,
            outcome,
        });
    }

    /// Checks every plan changed against the rules of a candidate file and
    /// sorts the reports into the plan.
    fn finish(mut self) -> InvitePlan {
        let mut refused: HashMap<usize, String> = HashMap::new();
        for (&i, plan) in &self.work {
            let Some(info) = self.roster.get(i) else {
                continue;
            };
            if !self.ops.contains_key(&i) {
                continue;
            }
            let mut after = info.candidate.clone();
            after.interviews.clone_from(plan);
            let mut problems = after.problems();
            problems.extend(after.reference_problems(info.opening, info.template));
            if let Some(problem) = problems.first() {
                refused.insert(
                    i,
                    format!(
                        "not planned: {}'s candidate.ron would break a rule: {}: {}",
                        info.candidate.id, problem.path, problem.message
                    ),
                );
            }
        }
        let mut plan = InvitePlan {
            unmatched: std::mem::take(&mut self.unmatched),
            ..InvitePlan::default()
        };
        let mut used: HashSet<(usize, usize)> = HashSet::new();
        for report in self.reports {
            if let Some(reason) = refused.get(&report.candidate) {
                plan.unmatched.push(Unmatched {
                    uid: report.uid,
                    summary: report.summary,
                    reason: reason.clone(),
                    line: report.line,
                    file: report.file,
                });
                continue;
            }
            if matches!(
                report.outcome,
                Outcome::Created(_) | Outcome::Moved(_) | Outcome::Unchanged
            ) {
                used.insert((report.file, report.line));
            }
            match report.outcome {
                Outcome::Created(entry) => plan.created.push(entry),
                Outcome::Moved(entry) => plan.moved.push(entry),
                Outcome::Cancelled(entry) => plan.cancelled.push(entry),
                Outcome::CancelledButScored(entry) => plan.cancelled_but_scored.push(entry),
                Outcome::Unchanged => plan.unchanged += 1,
            }
        }
        plan.unmatched.sort_by_key(|u| (u.file, u.line));
        plan.notes = std::mem::take(&mut self.notes)
            .into_iter()
            .filter(|note| used.contains(&(note.file, note.line)))
            .collect();
        for (i, changes) in self.ops {
            if refused.contains_key(&i) {
                continue;
            }
            if let Some(candidate) = self.roster.get(i).map(|info| info.candidate.id.clone()) {
                plan.changes.push(CandidateChanges { candidate, changes });
            }
        }
        plan.changes.sort_by(|a, b| a.candidate.cmp(&b.candidate));
        plan
    }
}

fn stage_label(stage: &str) -> String {
    if stage.is_empty() {
        "the general interview".to_owned()
    } else {
        format!("stage {stage}")
    }
}

/// `entry` of `candidate`'s plan, as the import reports it.
fn entry_report(candidate: &Candidate, entry: &Interview) -> PlannedEntry {
    PlannedEntry {
        uid: entry.uid.clone().unwrap_or_default(),
        candidate: candidate.id.clone(),
        candidate_name: candidate.name.clone(),
        stage: entry.stage.to_string(),
        interviewer: entry.interviewer.to_string(),
        at: entry.at,
    }
}
