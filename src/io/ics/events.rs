//! Each `VEVENT` of a calendar as an [`InviteEvent`].
//!
//! - `DTSTART`: `…Z` is UTC; with `TZID=` the zone it names ([`zones`]);
//!   neither is a floating time, read in the calendar's `X-WR-TIMEZONE`
//!   when it names a known zone, else in this computer's zone (a note on
//!   the event says which); a date alone (`VALUE=DATE`, or eight digits)
//!   is an all-day event.
//! - One event's trouble is its own ([`EventProblem`]): no `DTSTART`, a
//!   start whose offset cannot be known, a `SEQUENCE` that is no number.
//!   The file's other events are read on.
//! - No `UID`: one is made from the event's content ([`made_uid`]), and a
//!   note says a changed version of the invite cannot be matched to it.
//! - `ORGANIZER` and `ATTENDEE` addresses come from `mailto:` (else an
//!   `EMAIL=` parameter); `CN=`, `CUTYPE=` and `PARTSTAT=` are kept.
//! - `RRULE`/`RDATE` mark a repeating event, `RECURRENCE-ID` one
//!   occurrence of one; `VALARM`s and other components are passed over.

use std::collections::HashMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::Component;
use super::lines::ContentLine;
use super::rules::Rules;
use super::zones::{Zone, known_zone, parse_date_time, tzid_key};
use crate::model::invite_import::{Attendee, AttendeeKind, EventProblem, EventStart, InviteEvent};
use crate::model::{Timestamp, looks_like_email};

/// Every `VEVENT` of `calendars`, in order; a floating time without the
/// calendar's `X-WR-TIMEZONE` is read in `floating` (this computer's zone).
pub(super) fn read_events(calendars: &[Component], floating: Tz) -> Vec<InviteEvent> {
    let mut events = Vec::new();
    for calendar in calendars {
        let method = calendar
            .prop("METHOD")
            .map(|p| p.value.trim().to_ascii_uppercase())
            .filter(|m| !m.is_empty());
        let mut zones = ZoneCache::new(calendar, floating);
        for event in calendar.children.iter().filter(|c| c.name == "VEVENT") {
            events.push(read_event(event, method.as_ref(), &mut zones));
        }
    }
    events
}

/// What a date-time property says, or why it cannot be known.
enum Read {
    Start(EventStart),
    /// A floating time: read in this zone (its name and why).
    Floating(Timestamp, String),
}

fn read_event(
    event: &Component,
    method: Option<&String>,
    zones: &mut ZoneCache<'_>,
) -> InviteEvent {
    let text = |name: &str| {
        event
            .prop(name)
            .map(|p| p.value.clone())
            .unwrap_or_default()
    };
    let mut notes = Vec::new();
    let mut problem = None;
    let mut uid = text("UID").trim().to_owned();
    if uid.is_empty() {
        uid = made_uid(event);
        notes.push(
            "the invite has no UID: it is known by one made from its content, so a changed version of it (a new time, a new title) cannot be matched to this one"
                .to_owned(),
        );
    }
    let status_cancelled = event
        .prop("STATUS")
        .is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED"));
    let start = match event.prop("DTSTART") {
        Some(line) => match date_time(line, zones) {
            Ok(Read::Start(start)) => start,
            Ok(Read::Floating(at, zone)) => {
                notes.push(format!(
                    "a floating time (DTSTART has no zone): read in {zone}"
                ));
                EventStart::At(at)
            }
            Err(why) => {
                problem = Some(EventProblem::Start(why));
                EventStart::Unknown
            }
        },
        None => {
            problem = Some(EventProblem::NoStart);
            EventStart::Unknown
        }
    };
    let dtstamp = match event.prop("DTSTAMP").map(|line| date_time(line, zones)) {
        Some(Ok(Read::Start(EventStart::At(at)) | Read::Floating(at, _))) => Some(at),
        _ => None,
    };
    let sequence = match event.prop("SEQUENCE") {
        Some(line) => line.value.trim().parse::<u32>().unwrap_or_else(|_| {
            problem.get_or_insert_with(|| {
                EventProblem::Property(format!(
                    "SEQUENCE {:?} (line {}) is not a whole number: which version of the invite this is cannot be told",
                    line.value, line.line
                ))
            });
            0
        }),
        None => 0,
    };
    let has = |name: &str| event.prop(name).is_some();
    InviteEvent {
        uid,
        line: event.line,
        file: 0,
        summary: text("SUMMARY").trim().to_owned(),
        description: text("DESCRIPTION"),
        start,
        sequence,
        dtstamp,
        method: method.cloned(),
        status_cancelled,
        organizer: event.prop("ORGANIZER").and_then(address),
        attendees: event
            .props
            .iter()
            .filter(|p| p.name == "ATTENDEE")
            .map(attendee)
            .collect(),
        recurring: has("RRULE") || has("RDATE"),
        occurrence: has("RECURRENCE-ID"),
        problem,
        notes,
    }
}

/// A `UID` for an event that has none: `made-` and a hash (64-bit FNV-1a,
/// the same on every machine and build) of its properties as written,
/// but `DTSTAMP`, `CREATED` and `LAST-MODIFIED` (which a new export
/// changes). The same event read again gets the same one.
pub(super) fn made_uid(event: &Component) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    };
    for prop in &event.props {
        if matches!(prop.name.as_str(), "DTSTAMP" | "CREATED" | "LAST-MODIFIED") {
            continue;
        }
        feed(prop.name.as_bytes());
        for (key, value) in &prop.params {
            feed(key.as_bytes());
            feed(value.as_bytes());
        }
        feed(prop.value.as_bytes());
    }
    format!("made-{hash:016x}")
}

/// When a `DTSTART` (or another DATE-TIME property) says, or why it
/// cannot be known (the line and column in the text).
fn date_time(line: &ContentLine, zones: &mut ZoneCache<'_>) -> Result<Read, String> {
    let value = line.value.trim();
    let name = &line.name;
    let place = |column: usize| format!("line {}, column {column}", line.line);
    let is_date = line
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return match NaiveDate::parse_from_str(value, "%Y%m%d") {
            Ok(_) => Ok(Read::Start(EventStart::AllDay)),
            Err(_) => Err(format!(
                "{name} {value:?} ({}) is not a date such as 20261201",
                place(line.value_column)
            )),
        };
    }
    let (digits, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(digits) => (digits, true),
        None => (value, false),
    };
    let Some(local) = parse_date_time(digits) else {
        return Err(format!(
            "{name} {value:?} ({}) is not a date-time such as 20261201T100000 or 20261201T090000Z",
            place(line.value_column)
        ));
    };
    if utc {
        return Ok(Read::Start(EventStart::At(Timestamp::from_utc(
            local.and_utc(),
        ))));
    }
    let (zone, floating) = match line.param("TZID") {
        Some(tzid) => (
            zones
                .zone(tzid)
                .map_err(|why| format!("{why} ({})", place(line.param_column("TZID"))))?,
            None,
        ),
        None => {
            let (zone, said) = zones.floating()?;
            (zone, Some(said))
        }
    };
    let at = zone
        .to_utc(local)
        .map(Timestamp::from_utc)
        .map_err(|why| format!("{name}: {why} ({})", place(line.value_column)))?;
    Ok(match floating {
        Some(said) => Read::Floating(at, said),
        None => Read::Start(EventStart::At(at)),
    })
}

/// The email of an `ORGANIZER` or `ATTENDEE` line, if it gives one.
fn address(line: &ContentLine) -> Option<String> {
    let value = line.value.trim();
    let mailto = value
        .get(..7)
        .filter(|head| head.eq_ignore_ascii_case("mailto:"))
        .map(|_| value[7..].trim());
    mailto
        .filter(|e| looks_like_email(e))
        .or_else(|| line.param("EMAIL").filter(|e| looks_like_email(e)))
        .map(str::to_owned)
}

fn attendee(line: &ContentLine) -> Attendee {
    let kind = match line.param("CUTYPE").map(str::to_ascii_uppercase).as_deref() {
        None | Some("INDIVIDUAL") => AttendeeKind::Person,
        Some("GROUP") => AttendeeKind::Group,
        Some("ROOM") => AttendeeKind::Room,
        Some("RESOURCE") => AttendeeKind::Resource,
        Some(_) => AttendeeKind::Other,
    };
    Attendee {
        email: address(line),
        name: line
            .param("CN")
            .map(str::trim)
            .filter(|cn| !cn.is_empty())
            .map(str::to_owned),
        kind,
        declined: line
            .param("PARTSTAT")
            .is_some_and(|p| p.eq_ignore_ascii_case("DECLINED")),
    }
}

/// The zones of one calendar, each `TZID` looked up once.
struct ZoneCache<'c> {
    vtimezones: HashMap<String, &'c Component>,
    found: HashMap<String, Result<Zone, String>>,
    /// The zone a floating time is read in, and how the preview names it.
    floating: Result<(Zone, String), String>,
}

impl<'c> ZoneCache<'c> {
    fn new(calendar: &'c Component, computer: Tz) -> Self {
        let vtimezones = calendar
            .children
            .iter()
            .filter(|c| c.name == "VTIMEZONE")
            .filter_map(|c| Some((tzid_key(&c.prop("TZID")?.value), c)))
            .collect();
        let floating = match calendar
            .prop("X-WR-TIMEZONE")
            .map(|p| p.value.trim())
            .filter(|v| !v.is_empty())
        {
            Some(name) => match known_zone(name) {
                Some(tz) => Ok((
                    Zone::Named(tz),
                    format!("{}, the calendar's zone (X-WR-TIMEZONE)", tz.name()),
                )),
                None => Err(format!(
                    "a floating time (no zone given), and the calendar's X-WR-TIMEZONE {name:?} is no time zone this program knows"
                )),
            },
            None => Ok((
                Zone::Named(computer),
                format!(
                    "{}, this computer's zone (the calendar names none)",
                    computer.name()
                ),
            )),
        };
        Self {
            vtimezones,
            found: HashMap::new(),
            floating,
        }
    }

    /// The zone a floating time is read in and how to name it, or why
    /// none can be.
    fn floating(&self) -> Result<(Zone, String), String> {
        self.floating.clone()
    }

    /// The zone `tzid` names, or why it is unknown.
    fn zone(&mut self, tzid: &str) -> Result<Zone, String> {
        if let Some(found) = self.found.get(tzid) {
            return found.clone();
        }
        let found = self.look_up(tzid);
        self.found.insert(tzid.to_owned(), found.clone());
        found
    }

    /// A known name first (chrono-tz knows each zone's history), then the
    /// IANA zone the calendar's `VTIMEZONE` names in `X-LIC-LOCATION`, then
    /// that block's own rules.
    fn look_up(&self, tzid: &str) -> Result<Zone, String> {
        if let Some(tz) = known_zone(tzid) {
            return Ok(Zone::Named(tz));
        }
        let Some(vtimezone) = self.vtimezones.get(&tzid_key(tzid)) else {
            return Err(format!(
                "unknown time zone {tzid:?}: not an IANA or Windows zone name this program knows, and the file has no VTIMEZONE for it"
            ));
        };
        if let Some(tz) = vtimezone
            .prop("X-LIC-LOCATION")
            .and_then(|p| known_zone(&p.value))
        {
            return Ok(Zone::Named(tz));
        }
        Rules::from_component(vtimezone)
            .map(|rules| Zone::Rules(tzid.to_owned(), rules))
            .map_err(|why| {
                format!(
                    "unknown time zone {tzid:?}: not a zone name this program knows, and {why}, so its rules cannot be followed"
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn events(body: &str) -> Vec<InviteEvent> {
        parse(
            &format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n"),
            Tz::Asia__Tokyo,
        )
        .unwrap()
    }

    fn at(event: &InviteEvent) -> String {
        match event.start {
            EventStart::At(t) => t.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn utc_zoned_all_day_and_custom_zone_starts() {
        let got = events(
            "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T090000Z\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=W. Europe Standard Time:20260701T100000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20261201\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:d\r\nDTSTART;TZID=\"Customized Time Zone\":20261201T100000\r\nEND:VEVENT\r\n",
        );
        let starts: Vec<String> = got.iter().map(at).collect();
        assert_eq!(
            starts,
            [
                "2026-12-01T09:00:00Z",
                "2026-07-01T08:00:00Z",
                "AllDay",
                "2026-12-01T04:30:00Z"
            ]
        );
    }

    #[test]
    fn attendees_organizer_and_flags() {
        let got = events(
            "METHOD:request\r\nBEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:2\r\nSTATUS:CANCELLED\r\nRRULE:FREQ=WEEKLY\r\n\
             DTSTART:20261201T090000Z\r\nDTSTAMP:20261120T080000Z\r\n\
             ORGANIZER;CN=Coordinator:MAILTO:coord@example.com\r\n\
             ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.com\r\n\
             ATTENDEE;PARTSTAT=DECLINED;CN=\"Raman, Priya\":mailto:priya@example.com\r\n\
             ATTENDEE;EMAIL=sam@example.com:urn:uuid:1234\r\n\
             BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n",
        );
        let e = &got[0];
        assert_eq!(e.method.as_deref(), Some("REQUEST"));
        assert_eq!(e.sequence, 2);
        assert!(e.status_cancelled && e.recurring && !e.occurrence);
        assert_eq!(e.dtstamp.unwrap().to_string(), "2026-11-20T08:00:00Z");
        assert_eq!(e.organizer.as_deref(), Some("coord@example.com"));
        assert_eq!(e.attendees[0].kind, AttendeeKind::Room);
        assert!(e.attendees[1].declined);
        assert_eq!(e.attendees[1].name.as_deref(), Some("Raman, Priya"));
        assert_eq!(e.attendees[2].email.as_deref(), Some("sam@example.com"));
        assert_eq!(e.attendees[2].name, None);
    }

    #[test]
    fn a_bad_event_is_its_own_problem_and_the_others_are_read() {
        let got = events(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Mars/Olympus:20261201T100000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:x\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:3\r\nDTSTART:2026-12-01\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:4\r\nDTSTART:20261201T090000Z\r\nSEQUENCE:two\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:5\r\nDTSTART:20261201T090000Z\r\nEND:VEVENT\r\n",
        );
        let reasons: Vec<String> = got
            .iter()
            .map(|e| {
                e.problem
                    .as_ref()
                    .map_or_else(String::new, EventProblem::reason)
            })
            .collect();
        assert!(
            reasons[0].contains("unknown time zone \"Mars/Olympus\"")
                && reasons[0].contains("line 5, column 9"),
            "{}",
            reasons[0]
        );
        assert!(
            reasons[1].contains("no start time (DTSTART)"),
            "{}",
            reasons[1]
        );
        assert!(
            reasons[2].contains("\"2026-12-01\" (line 13, column 9)"),
            "{}",
            reasons[2]
        );
        assert!(
            reasons[3].contains("SEQUENCE \"two\" (line 18)"),
            "{}",
            reasons[3]
        );
        assert_eq!(reasons[4], "");
        assert_eq!(at(&got[4]), "2026-12-01T09:00:00Z");
    }

    #[test]
    fn no_uid_gets_one_from_the_content_and_a_note() {
        let body = "BEGIN:VEVENT\r\nSUMMARY:Talk\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261201T090000Z\r\nEND:VEVENT\r\n";
        let once = events(body);
        // Another export (a new DTSTAMP) of the same event: the same id.
        let again = events(&body.replace("20261101T000000Z", "20261102T000000Z"));
        let moved = events(&body.replace("20261201T090000Z", "20261201T100000Z"));
        assert!(once[0].uid.starts_with("made-"), "{}", once[0].uid);
        assert_eq!(once[0].uid, again[0].uid);
        assert_ne!(once[0].uid, moved[0].uid);
        assert!(once[0].notes[0].contains("no UID"), "{:?}", once[0].notes);
        assert_eq!(once[0].problem, None);
    }

    #[test]
    fn floating_times_take_the_calendars_zone_else_the_computers() {
        let body = "BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260916T210000\r\nEND:VEVENT\r\n";
        let brussels = events(&format!("X-WR-TIMEZONE:Europe/Brussels\r\n{body}"));
        assert_eq!(at(&brussels[0]), "2026-09-16T19:00:00Z");
        assert!(
            brussels[0].notes[0].contains("Europe/Brussels, the calendar's zone (X-WR-TIMEZONE)"),
            "{:?}",
            brussels[0].notes
        );
        let tokyo = events(body);
        assert_eq!(at(&tokyo[0]), "2026-09-16T12:00:00Z");
        assert!(tokyo[0].notes[0].contains("Asia/Tokyo, this computer's zone"));
        let nowhere = events(&format!("X-WR-TIMEZONE:Atlantis/Capital\r\n{body}"));
        let reason = nowhere[0]
            .problem
            .as_ref()
            .map(EventProblem::reason)
            .unwrap_or_default();
        assert!(
            reason.contains("\"Atlantis/Capital\" is no time zone"),
            "{reason}"
        );
    }

    #[test]
    fn x_lic_location_names_the_zone_and_escaped_tzids_meet() {
        let got = events(
            "BEGIN:VTIMEZONE\r\nTZID:custom_Pacific/Fiji\r\nX-LIC-LOCATION:Pacific/Fiji\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=MONTHLY\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VTIMEZONE\r\nTZID:Penang\\, Ipoh\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=custom_Pacific/Fiji:20260701T080000\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=\"Penang, Ipoh\":20260701T093000\r\nEND:VEVENT\r\n",
        );
        assert_eq!(at(&got[0]), "2026-06-30T20:00:00Z");
        assert_eq!(at(&got[1]), "2026-07-01T01:30:00Z");
    }
}
