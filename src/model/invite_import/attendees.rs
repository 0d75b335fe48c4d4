//! Who among an invite's attendees interviews, and under which name.
//!
//! Not interviewers: the organizer, rooms and resources, those who
//! declined, and the candidate (by the email in their file, or a `CN=`
//! that is their name, either way round). The others are named through
//! `people.ron` by email, else by their `CN=`:
//!
//! - Exchange writes display names as `CN="Raman, Priya"`. A `CN=` with one
//!   comma is read as "Last, First" and turned round ("Priya Raman"),
//!   unless the part after the comma is a suffix ("Jr", "PhD", …), or the
//!   name as written is a known interviewer and the turned one is not.
//!   Known interviewers: `people.ron`, the plans, the openings' panels and
//!   the scorecards. A known interviewer is written as they are known.
//! - A `CN=` that is an email address (Google writes those) is no name.
//! - An attendee with no name (no `CN=`, not in `people.ron`) is not
//!   planned; the import lists them as unmatched with that reason.

use std::collections::HashMap;

use super::{Attendee, AttendeeKind, CandidateInfo, InviteEvent};
use crate::model::folded_words::words;
use crate::model::{Candidate, InterviewerId, People, looks_like_email, normalize_email};

/// What one attendee is to an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// An interviewer, with the name the plan writes.
    Interviewer(String, InterviewerId),
    /// The organizer, a room or resource, a decline, or the candidate.
    Bystander,
    /// Someone who may interview but cannot be named: the reason.
    Unnamed(String),
}

/// Suffixes that follow a name after a comma: "Lee, Jr" is not "Jr Lee".
const NAME_SUFFIXES: [&str; 10] = [
    "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "mba", "msc",
];

/// Names attendees: `people.ron` and the interviewers the workspace knows.
pub(super) struct Namer<'a> {
    people: &'a People,
    known: HashMap<InterviewerId, String>,
}

impl<'a> Namer<'a> {
    /// A namer knowing `people` and every interviewer named in `roster`.
    pub fn new(people: &'a People, roster: &[CandidateInfo<'_>]) -> Self {
        let mut known = HashMap::new();
        let mut learn = |name: &str| {
            if let Some(id) = InterviewerId::typed(name) {
                known.entry(id).or_insert_with(|| name.trim().to_owned());
            }
        };
        for person in &people.people {
            learn(&person.name);
        }
        for info in roster {
            for entry in &info.candidate.interviews {
                learn(&entry.interviewer);
            }
            for card in info.scorecards {
                learn(&card.interviewer);
            }
            if let Some(opening) = info.opening {
                for stage in &opening.plan {
                    for name in &stage.interviewers {
                        learn(name);
                    }
                }
            }
        }
        Self { people, known }
    }

    /// What `attendee` of `event` is, for `candidate` (if known).
    pub fn role(
        &self,
        attendee: &Attendee,
        event: &InviteEvent,
        candidate: Option<&Candidate>,
    ) -> Role {
        let email = attendee.email.as_deref().map(normalize_email);
        let is_organizer =
            email.is_some() && email == event.organizer.as_deref().map(normalize_email);
        if is_organizer
            || attendee.declined
            || matches!(attendee.kind, AttendeeKind::Room | AttendeeKind::Resource)
            || candidate.is_some_and(|c| is_candidate(attendee, c))
        {
            return Role::Bystander;
        }
        let shown = attendee_label(attendee);
        if attendee.kind == AttendeeKind::Group {
            return Role::Unnamed(format!(
                "attendee {shown} is a group (CUTYPE=GROUP), not one interviewer: invite its members"
            ));
        }
        if let Some(person) = email.as_deref().and_then(|e| self.people.by_email(e))
            && let Some(id) = InterviewerId::typed(&person.name)
        {
            return Role::Interviewer(person.name.trim().to_owned(), id);
        }
        match attendee
            .name
            .as_deref()
            .and_then(|cn| self.name_from_cn(cn))
        {
            Some((name, id)) => Role::Interviewer(name, id),
            None => Role::Unnamed(format!(
                "attendee {shown} has no name to plan under: add them to people.ron (or, if they are the candidate, their email to candidate.ron)"
            )),
        }
    }

    /// The name a `CN=` gives, with its id; `None` if it gives none.
    fn name_from_cn(&self, cn: &str) -> Option<(String, InterviewerId)> {
        let cn = cn.trim();
        if looks_like_email(cn) {
            return None;
        }
        let as_written = InterviewerId::typed(cn);
        let turned = turn_round(cn).and_then(|name| Some((InterviewerId::typed(&name)?, name)));
        let known = |id: &InterviewerId| self.known.get(id).cloned();
        match (as_written, turned) {
            (Some(id), Some((turned_id, _)))
                if self.known.contains_key(&id) && !self.known.contains_key(&turned_id) =>
            {
                Some((known(&id)?, id))
            }
            (_, Some((id, name))) => Some((known(&id).unwrap_or(name), id)),
            (Some(id), None) => Some((known(&id).unwrap_or_else(|| cn.to_owned()), id)),
            (None, None) => None,
        }
    }
}

/// "Raman, Priya" → "Priya Raman"; `None` when the name is not written
/// "Last, First" (no comma or several, a blank side, a suffix after it).
fn turn_round(cn: &str) -> Option<String> {
    let (last, first) = cn.split_once(',')?;
    let (last, first) = (last.trim(), first.trim());
    if first.contains(',') || last.is_empty() || first.is_empty() {
        return None;
    }
    let bare = first.trim_end_matches('.').to_lowercase();
    if NAME_SUFFIXES.contains(&bare.as_str()) {
        return None;
    }
    Some(format!("{first} {last}"))
}

/// Whether `attendee` is `candidate`: their email, or their name as `CN=`
/// (either way round).
fn is_candidate(attendee: &Attendee, candidate: &Candidate) -> bool {
    if let (Some(theirs), Some(ours)) = (&attendee.email, &candidate.email)
        && normalize_email(theirs) == normalize_email(ours)
    {
        return true;
    }
    let Some(cn) = attendee.name.as_deref() else {
        return false;
    };
    let name = words(&candidate.name);
    !name.is_empty()
        && (words(cn) == name || turn_round(cn).is_some_and(|turned| words(&turned) == name))
}

/// How an attendee is named in a message: email, else `CN=`.
fn attendee_label(attendee: &Attendee) -> String {
    match (&attendee.email, &attendee.name) {
        (Some(email), _) => normalize_email(email),
        (None, Some(name)) => format!("{name:?}"),
        (None, None) => "(no address)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FormatVersion, Person, Slug, Timestamp};

    fn attendee(email: Option<&str>, cn: Option<&str>) -> Attendee {
        Attendee {
            email: email.map(str::to_owned),
            name: cn.map(str::to_owned),
            kind: AttendeeKind::Person,
            declined: false,
        }
    }

    fn event() -> InviteEvent {
        InviteEvent {
            uid: "u".to_owned(),
            line: 1,
            file: 0,
            summary: String::new(),
            description: String::new(),
            start: super::super::EventStart::Unknown,
            sequence: 0,
            dtstamp: None,
            method: None,
            status_cancelled: false,
            organizer: Some("coordinator@example.com".to_owned()),
            attendees: Vec::new(),
            recurring: false,
            occurrence: false,
            problem: None,
            notes: Vec::new(),
        }
    }

    fn people() -> People {
        People {
            format: FormatVersion::CURRENT,
            people: vec![Person {
                name: "Priya Raman".to_owned(),
                emails: vec!["p.raman@example.com".to_owned()],
            }],
        }
    }

    fn candidate() -> Candidate {
        let mut c = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Alex Doe",
            Slug::new("tpl").unwrap(),
            "2026-11-20T09:00:00Z".parse::<Timestamp>().unwrap(),
        );
        c.email = Some("alex@example.org".to_owned());
        c
    }

    fn role(namer: &Namer<'_>, a: &Attendee) -> Role {
        namer.role(a, &event(), Some(&candidate()))
    }

    fn named(name: &str) -> Role {
        Role::Interviewer(name.to_owned(), InterviewerId::new(name))
    }

    #[test]
    fn people_ron_beats_the_cn_and_last_first_is_turned_round() {
        let people = people();
        let namer = Namer::new(&people, &[]);
        let a = attendee(Some("mailto:P.Raman@example.com"), Some("Raman, P."));
        assert_eq!(role(&namer, &a), named("Priya Raman"));
        let a = attendee(Some("sam@example.com"), Some("Lee, Sam"));
        assert_eq!(role(&namer, &a), named("Sam Lee"));
        let a = attendee(Some("sam@example.com"), Some("Sam Lee, Jr."));
        assert_eq!(role(&namer, &a), named("Sam Lee, Jr."));
        let a = attendee(Some("kim@example.com"), Some("Kim Park"));
        assert_eq!(role(&namer, &a), named("Kim Park"));
    }

    #[test]
    fn a_known_name_as_written_is_not_turned_round() {
        let people = People {
            format: FormatVersion::CURRENT,
            people: vec![Person {
                name: "Lee Sam".to_owned(),
                emails: vec![],
            }],
        };
        let namer = Namer::new(&people, &[]);
        let a = attendee(None, Some("Lee, Sam"));
        assert_eq!(role(&namer, &a), named("Lee Sam"));
    }

    #[test]
    fn bystanders_and_the_unnamed() {
        let people = people();
        let namer = Namer::new(&people, &[]);
        let organizer = attendee(Some("Coordinator@example.com"), Some("Coordinator"));
        assert_eq!(role(&namer, &organizer), Role::Bystander);
        let mut room = attendee(Some("room-4@example.com"), Some("Room 4"));
        room.kind = AttendeeKind::Room;
        assert_eq!(role(&namer, &room), Role::Bystander);
        let mut declined = attendee(Some("kim@example.com"), Some("Kim Park"));
        declined.declined = true;
        assert_eq!(role(&namer, &declined), Role::Bystander);
        let by_email = attendee(Some("ALEX@example.org"), None);
        assert_eq!(role(&namer, &by_email), Role::Bystander);
        let by_name = attendee(Some("alex.private@example.net"), Some("Doe, Alex"));
        assert_eq!(role(&namer, &by_name), Role::Bystander);
        let google = attendee(Some("dana@example.com"), Some("dana@example.com"));
        let Role::Unnamed(reason) = role(&namer, &google) else {
            panic!("named")
        };
        assert!(
            reason.starts_with("attendee dana@example.com has no name"),
            "{reason}"
        );
        let mut group = attendee(Some("panel@example.com"), Some("Panel"));
        group.kind = AttendeeKind::Group;
        assert!(matches!(role(&namer, &group), Role::Unnamed(r) if r.contains("group")));
    }

    #[test]
    fn turning_round() {
        assert_eq!(turn_round("Raman, Priya").as_deref(), Some("Priya Raman"));
        assert_eq!(turn_round("Priya Raman"), None);
        assert_eq!(turn_round("a, b, c"), None);
        assert_eq!(turn_round(", Priya"), None);
        assert_eq!(turn_round("Lee, PhD"), None);
    }
}
