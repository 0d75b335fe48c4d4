//! Calendar invites into interview plans (DESIGN.md "In and out", *Invites
//! in*): which candidate, stage and interviewers an invite is about, and
//! what an import changes in each candidate's plan. Pure: the events come
//! from `io::ics`, the files are read and written by `io::invite_import`.
//!
//! Nothing is guessed. An invite is matched to the one candidate whose
//! full name or id stands in its `SUMMARY` (then its `DESCRIPTION`), as
//! whole words, ignoring case and accents; none or several, and it is
//! listed as unmatched with the reason. Its stage is the exercise of the
//! candidate's template named there (the longest name wins; none: the
//! general interview `""`). Its interviewers are its attendees but the
//! organizer, rooms and resources, those who declined and the candidate,
//! named through `people.ron` by email, else by their `CN=`.
//!
//! A planned interview from an invite is keyed by the invite's `UID` and the
//! interviewer ([`InterviewerId`]): one invite plans one entry per
//! interviewer, and a second import of it finds them again.

mod attendees;
mod changes;
mod planner;

use super::{Candidate, Interview, InterviewerId, Opening, Scorecard, Slug, Template, Timestamp};

pub use changes::apply_changes;
pub use planner::plan_invite_import;

/// One `VEVENT` of an invite file, as `io::ics` reads it: times in UTC,
/// text unescaped, nothing matched yet.
#[derive(Clone, Debug, PartialEq)]
pub struct InviteEvent {
    /// `UID`: the same for every version of one invite.
    pub uid: String,
    /// The line of its `BEGIN:VEVENT`.
    pub line: usize,
    /// Which of the files imported together it comes from (an index into
    /// the list the import was given; 0 for one file).
    pub file: usize,
    /// `SUMMARY` (the title), `""` if none.
    pub summary: String,
    /// `DESCRIPTION`, `""` if none.
    pub description: String,
    /// When it starts.
    pub start: EventStart,
    /// `SEQUENCE` (0 when absent): bumped by the organizer on each change.
    pub sequence: u32,
    /// `DTSTAMP`: when this version was written.
    pub dtstamp: Option<Timestamp>,
    /// The calendar's `METHOD` (`REQUEST`, `CANCEL`, `PUBLISH`, …),
    /// uppercase; `None` for a plain export.
    pub method: Option<String>,
    /// `STATUS:CANCELLED`.
    pub status_cancelled: bool,
    /// The organizer's email, if the invite gives one.
    pub organizer: Option<String>,
    /// Every `ATTENDEE`, in the order written.
    pub attendees: Vec<Attendee>,
    /// It repeats (`RRULE` or `RDATE`).
    pub recurring: bool,
    /// It is one occurrence of a repeating event (`RECURRENCE-ID`).
    pub occurrence: bool,
    /// Why this event cannot be used, if it cannot (the file's other
    /// events still can): it is then listed as unmatched with the reason.
    pub problem: Option<EventProblem>,
    /// What the preview should say about how the event was read, though it
    /// can be used (a floating time read in some zone, a `UID` made up).
    pub notes: Vec<String>,
}

/// Why one event of a calendar cannot be used, while the rest of the file
/// can. Each is listed as unmatched with [`EventProblem::reason`]; a new
/// kind of problem is one more variant here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventProblem {
    /// No `DTSTART`: when it starts is not said.
    NoStart,
    /// When it starts cannot be known: a value that is no date-time, a
    /// zone or an offset that cannot be known, a local time that does not
    /// exist or happens twice. The text says which and why.
    Start(String),
    /// Another property it needs cannot be read (the text says which).
    Property(String),
}

impl EventProblem {
    /// Why, for a person.
    pub fn reason(&self) -> String {
        match self {
            EventProblem::NoStart => {
                "no start time (DTSTART): when it starts is not said".to_owned()
            }
            EventProblem::Start(why) => format!("its start time cannot be known: {why}"),
            EventProblem::Property(why) => why.clone(),
        }
    }
}

/// When an event starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStart {
    /// At a moment (`DTSTART` with a time, converted to UTC).
    At(Timestamp),
    /// On a day (`DTSTART;VALUE=DATE`): an all-day event.
    AllDay,
    /// No `DTSTART` (allowed in a cancellation only).
    Unknown,
}

/// One `ATTENDEE` of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attendee {
    /// Their email (from `mailto:` or `EMAIL=`), as written.
    pub email: Option<String>,
    /// `CN=`: the name the client shows, as written.
    pub name: Option<String>,
    /// `CUTYPE=`.
    pub kind: AttendeeKind,
    /// `PARTSTAT=DECLINED`.
    pub declined: bool,
}

/// What an attendee is (`CUTYPE=`; absent means a person).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttendeeKind {
    /// A person (`INDIVIDUAL`, or no `CUTYPE`).
    Person,
    /// A mailing list (`GROUP`).
    Group,
    /// A meeting room (`ROOM`).
    Room,
    /// Equipment (`RESOURCE`).
    Resource,
    /// `UNKNOWN` or anything else: treated as a person.
    Other,
}

/// A candidate as the import sees them: their file, their template and
/// opening (for the checks of the file the import would write), and their
/// scorecards (a cancelled interview with a scorecard is kept).
#[derive(Clone, Copy, Debug)]
pub struct CandidateInfo<'a> {
    /// The candidate as read.
    pub candidate: &'a Candidate,
    /// Their template, if it is in effect.
    pub template: Option<&'a Template>,
    /// Their opening, if they have one and it exists.
    pub opening: Option<&'a Opening>,
    /// Their scorecards, drafts too.
    pub scorecards: &'a [&'a Scorecard],
}

/// What importing one invite file would change, and what it could not use.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InvitePlan {
    /// Interviews added to a plan.
    pub created: Vec<PlannedEntry>,
    /// Interviews whose time or stage changes (a re-sent invite, or a typed
    /// entry adopted at another time).
    pub moved: Vec<MovedEntry>,
    /// Interviews taken out of a plan (the invite was cancelled, or the
    /// interviewer was taken off it).
    pub cancelled: Vec<PlannedEntry>,
    /// Interviews the invite cancels that stay planned because a
    /// scorecard (draft or submitted) of that interviewer and stage exists.
    pub cancelled_but_scored: Vec<PlannedEntry>,
    /// Interviews planned already, as the invite says.
    pub unchanged: usize,
    /// Events (or attendees) that could not be used, each with the reason.
    pub unmatched: Vec<Unmatched>,
    /// What to know about invites that were used: each
    /// [`InviteEvent::notes`] of one that plans, moves or confirms an
    /// interview.
    pub notes: Vec<EventNote>,
    /// The changes to make, per candidate, sorted by candidate id.
    pub changes: Vec<CandidateChanges>,
}

impl InvitePlan {
    /// Whether applying the plan would write nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One interview of a plan, as an import reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedEntry {
    /// The invite's `UID` (`""` for a typed entry that no invite carries).
    pub uid: String,
    /// The candidate.
    pub candidate: Slug,
    /// Their name.
    pub candidate_name: String,
    /// The stage (`""`: the general interview).
    pub stage: String,
    /// The interviewer, as the plan writes them.
    pub interviewer: String,
    /// When, in UTC.
    pub at: Timestamp,
}

/// A planned interview that moves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedEntry {
    /// Where it is now planned.
    pub entry: PlannedEntry,
    /// When it was planned before.
    pub from: Timestamp,
    /// Its stage before.
    pub from_stage: String,
}

/// An event, or one attendee of it, that the import could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmatched {
    /// The event's `UID`.
    pub uid: String,
    /// Its `SUMMARY`.
    pub summary: String,
    /// Why, for a person.
    pub reason: String,
    /// The line of its `BEGIN:VEVENT` in the file.
    pub line: usize,
    /// Which of the files imported together (see [`InviteEvent::file`]).
    pub file: usize,
}

/// Something to know about how an invite that was used was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventNote {
    /// The event's `UID` (made up when it has none).
    pub uid: String,
    /// Its `SUMMARY`.
    pub summary: String,
    /// What to know, for a person.
    pub note: String,
    /// The line of its `BEGIN:VEVENT` in the file.
    pub line: usize,
    /// Which of the files imported together (see [`InviteEvent::file`]).
    pub file: usize,
}

/// The changes to one candidate's plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateChanges {
    /// The candidate.
    pub candidate: Slug,
    /// In order: removals first.
    pub changes: Vec<InterviewChange>,
}

/// One change to a plan, keyed so it applies to a copy of the file read
/// again (a colleague's edits since the preview survive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InterviewChange {
    /// Plan this interview (its `uid` is set): the entry of the same uid and
    /// interviewer gets its stage and time; else a typed entry (no uid) of
    /// the same interviewer and stage is adopted; else it is added.
    Set(Interview),
    /// Take the entry of this uid and interviewer out of the plan, unless a
    /// scorecard of theirs at its stage exists by then.
    Remove {
        /// The invite's `UID`.
        uid: String,
        /// Who.
        interviewer: InterviewerId,
    },
}
