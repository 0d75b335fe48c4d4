//! Each `VEVENT` of a calendar as an [`InviteEvent`].
//!
//! - `DTSTART`: `…Z` is UTC; with `TZID=` the zone it names ([`zones`]);
//!   neither is a floating time, in this computer's zone; a date alone
//!   (`VALUE=DATE`, or eight digits) is an all-day event. An event needs a
//!   `DTSTART` unless it is a cancellation, and a `UID`.
//! - `ORGANIZER` and `ATTENDEE` addresses come from `mailto:` (else an
//!   `EMAIL=` parameter); `CN=`, `CUTYPE=` and `PARTSTAT=` are kept.
//! - `RRULE`/`RDATE` mark a repeating event, `RECURRENCE-ID` one
//!   occurrence of one; `VALARM`s and other components are passed over.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::lines::ContentLine;
use super::rules::Rules;
use super::zones::{Zone, known_zone, parse_date_time};
use super::{Component, IcsError};
use crate::model::invite_import::{Attendee, AttendeeKind, EventStart, InviteEvent};
use crate::model::{Timestamp, looks_like_email};

/// Every `VEVENT` of `calendars`, in order.
pub(super) fn read_events(calendars: &[Component]) -> Result<Vec<InviteEvent>, IcsError> {
    let mut events = Vec::new();
    for calendar in calendars {
        let method = calendar
            .prop("METHOD")
            .map(|p| p.value.trim().to_ascii_uppercase())
            .filter(|m| !m.is_empty());
        let mut zones = ZoneCache::new(calendar);
        for event in calendar.children.iter().filter(|c| c.name == "VEVENT") {
            events.push(read_event(event, method.as_ref(), &mut zones)?);
        }
    }
    Ok(events)
}

fn read_event(
    event: &Component,
    method: Option<&String>,
    zones: &mut ZoneCache<'_>,
) -> Result<InviteEvent, IcsError> {
    let text = |name: &str| {
        event
            .prop(name)
            .map(|p| p.value.clone())
            .unwrap_or_default()
    };
    let uid = text("UID").trim().to_owned();
    if uid.is_empty() {
        return Err(IcsError::new(
            event.line,
            1,
            "an event without a UID: it could not be found again when the invite changes",
        ));
    }
    let status_cancelled = event
        .prop("STATUS")
        .is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED"));
    let cancelled = status_cancelled || method.is_some_and(|m| m == "CANCEL");
    let start = match event.prop("DTSTART") {
        Some(line) => date_time(line, zones)?,
        None if cancelled => EventStart::Unknown,
        None => {
            return Err(IcsError::new(
                event.line,
                1,
                format!("the event {uid:?} has no DTSTART: when it starts is not said"),
            ));
        }
    };
    let dtstamp = match event.prop("DTSTAMP") {
        Some(line) => match date_time(line, zones)? {
            EventStart::At(at) => Some(at),
            EventStart::AllDay | EventStart::Unknown => None,
        },
        None => None,
    };
    let sequence = match event.prop("SEQUENCE") {
        Some(line) => line.value.trim().parse::<u32>().map_err(|_| {
            line.error(
                line.value_column,
                format!("SEQUENCE {:?} is not a whole number", line.value),
            )
        })?,
        None => 0,
    };
    let has = |name: &str| event.prop(name).is_some();
    Ok(InviteEvent {
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
    })
}

/// When a `DTSTART` (or another DATE-TIME property) says.
fn date_time(line: &ContentLine, zones: &mut ZoneCache<'_>) -> Result<EventStart, IcsError> {
    let value = line.value.trim();
    let name = &line.name;
    let is_date = line
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
    if is_date {
        return match NaiveDate::parse_from_str(value, "%Y%m%d") {
            Ok(_) => Ok(EventStart::AllDay),
            Err(_) => Err(line.error(
                line.value_column,
                format!("{name} {value:?} is not a date such as 20261201"),
            )),
        };
    }
    let (digits, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(digits) => (digits, true),
        None => (value, false),
    };
    let Some(local) = parse_date_time(digits) else {
        return Err(line.error(
            line.value_column,
            format!(
                "{name} {value:?} is not a date-time such as 20261201T100000 or 20261201T090000Z"
            ),
        ));
    };
    if utc {
        return Ok(EventStart::At(Timestamp::from_utc(local.and_utc())));
    }
    let zone = match line.param("TZID") {
        Some(tzid) => zones
            .zone(tzid)
            .map_err(|why| line.error(line.param_column("TZID"), why))?,
        None => Zone::Floating,
    };
    zone.to_utc(local)
        .map(|at| EventStart::At(Timestamp::from_utc(at)))
        .map_err(|why| line.error(line.value_column, format!("{name}: {why}")))
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
    vtimezones: HashMap<&'c str, &'c Component>,
    found: HashMap<String, Result<Zone, String>>,
}

impl<'c> ZoneCache<'c> {
    fn new(calendar: &'c Component) -> Self {
        let vtimezones = calendar
            .children
            .iter()
            .filter(|c| c.name == "VTIMEZONE")
            .filter_map(|c| Some((c.prop("TZID")?.value.trim(), c)))
            .collect();
        Self {
            vtimezones,
            found: HashMap::new(),
        }
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

    fn look_up(&self, tzid: &str) -> Result<Zone, String> {
        if let Some(tz) = known_zone(tzid) {
            return Ok(Zone::Named(tz));
        }
        match self.vtimezones.get(tzid.trim()) {
            Some(vtimezone) => Rules::from_component(vtimezone)
                .map(|rules| Zone::Rules(tzid.to_owned(), rules))
                .map_err(|why| {
                    format!(
                        "unknown time zone {tzid:?}: not a zone name this program knows, and {why}, so its rules cannot be followed"
                    )
                }),
            None => Err(format!(
                "unknown time zone {tzid:?}: not an IANA or Windows zone name this program knows, and the file has no VTIMEZONE for it"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn events(body: &str) -> Vec<InviteEvent> {
        parse(&format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n"
        ))
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
    fn bad_events_are_errors_at_their_line() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART;TZID=Mars/Olympus:20261201T100000\nEND:VEVENT\nEND:VCALENDAR\n";
        let e = parse(text).unwrap_err();
        assert_eq!((e.line, e.column), (4, 9));
        assert!(
            e.message.contains("unknown time zone \"Mars/Olympus\""),
            "{}",
            e.message
        );
        let e =
            parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n")
                .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("no DTSTART"), "{}", e.message);
        let e = parse(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:2026-12-01\nEND:VEVENT\nEND:VCALENDAR\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (4, 9));
        // A cancellation may leave DTSTART out.
        let ok = events("METHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\n");
        assert_eq!(ok[0].start, EventStart::Unknown);
    }
}
