//! Moments as a person reads and types them: in their own time zone
//! ("Mon 23 Nov, 15:30"), with relative words where they help ("due in
//! 3 h", "overdue by 2 days"). Files, JSON and CSV keep RFC 3339 in UTC
//! ([`Timestamp`]); only what people read goes through here.
//!
//! Typed times are read in the zone too, and a local time that a
//! daylight-saving change skips or repeats is refused with words that say
//! so, never moved silently.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};

use super::Timestamp;

/// The zone moments are shown and typed in: an IANA zone
/// (`Europe/Berlin`, `Asia/Kolkata`) or UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalZone(Tz);

/// A zone name that is not in the IANA database.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{name:?} is not a time zone: use an IANA name such as \"Europe/Berlin\" or \"UTC\"")]
pub struct UnknownZone {
    name: String,
}

/// Why a typed time is not one moment.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    /// Not a shape of time this reads.
    #[error("{text:?} is not a time: type it as {example} ({zone} time), or pick it")]
    Unreadable {
        /// What was typed.
        text: String,
        /// An example in the zone's words.
        example: String,
        /// The zone's name.
        zone: &'static str,
    },
    /// A local time the clocks skip (spring forward).
    #[error(
        "{shown} does not exist in {zone}: the clocks go forward from {gap_start} to {gap_end} that night; pick a time before {gap_start} or from {gap_end}"
    )]
    Skipped {
        /// The time typed, as typed back.
        shown: String,
        /// The zone's name.
        zone: &'static str,
        /// The first local time that does not exist.
        gap_start: String,
        /// The first local time after the gap.
        gap_end: String,
    },
    /// A local time the clocks pass twice (fall back).
    #[error(
        "{shown} happens twice in {zone}: the clocks go back that night; say which one by typing \"{}\" ({}) or \"{}\" ({})",
        .choices[0].text, .choices[0].zone_name, .choices[1].text, .choices[1].zone_name
    )]
    Twice {
        /// The time typed, as typed back.
        shown: String,
        /// The zone's name.
        zone: &'static str,
        /// The earlier moment, then the later, each as text to type
        /// (boxed: the error stays small on the path that has none).
        choices: Box<[TimeChoice; 2]>,
    },
}

/// One of the two moments a repeated local time can be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeChoice {
    /// The moment.
    pub at: Timestamp,
    /// The time with its offset, as typed: `2026-10-25 02:30 +02:00`.
    pub text: String,
    /// The zone's short name at that moment (`CEST`).
    pub zone_name: String,
}

/// How a typed time is written: `2026-11-24 10:00`.
const ENTRY: &str = "%Y-%m-%d %H:%M";

impl LocalZone {
    /// Coordinated universal time.
    pub const UTC: Self = Self(Tz::UTC);

    /// The zone called `name` (IANA, any case; `UTC` and `Z` too).
    pub fn named(name: &str) -> Result<Self, UnknownZone> {
        let name = name.trim();
        if name.eq_ignore_ascii_case("z") {
            return Ok(Self::UTC);
        }
        if let Ok(tz) = name.parse::<Tz>() {
            return Ok(Self(tz));
        }
        chrono_tz::TZ_VARIANTS
            .iter()
            .find(|tz| tz.name().eq_ignore_ascii_case(name))
            .map(|tz| Self(*tz))
            .ok_or_else(|| UnknownZone {
                name: name.to_owned(),
            })
    }

    /// Every zone there is, by name, for a chooser.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
    }

    /// The IANA name (`Europe/Berlin`).
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    fn local(self, at: Timestamp) -> DateTime<Tz> {
        at.as_utc().with_timezone(&self.0)
    }

    /// The wall-clock date and time of `at` here, with no zone.
    pub fn naive_local(self, at: Timestamp) -> NaiveDateTime {
        self.local(at).naive_local()
    }

    /// The zone's short name at `at` (`CET`, `JST`, `EDT`), or its offset
    /// where the zone has no letters for it (`UTC+05:45`).
    pub fn short_name(self, at: Timestamp) -> String {
        let local = self.local(at);
        match local.offset().abbreviation() {
            Some(letters) if letters.chars().all(|c| c.is_ascii_alphabetic()) => letters.to_owned(),
            _ => offset_words(local.offset().fix().local_minus_utc()),
        }
    }

    /// `Mon 23 Nov, 15:30`, with the year when it is not `now`'s.
    pub fn moment(self, at: Timestamp, now: Timestamp) -> String {
        let local = self.local(at);
        format!("{}, {}", self.day(at, now), local.format("%H:%M"))
    }

    /// [`moment`](Self::moment) and the zone's short name: `Mon 23 Nov,
    /// 15:30 CET`, for text read elsewhere (a mail, a notification).
    pub fn moment_with_zone(self, at: Timestamp, now: Timestamp) -> String {
        format!("{} {}", self.moment(at, now), self.short_name(at))
    }

    /// `Mon 23 Nov`, with the year when it is not `now`'s.
    pub fn day(self, at: Timestamp, now: Timestamp) -> String {
        let local = self.local(at);
        if local.year() == self.local(now).year() {
            local.format("%a %-d %b").to_string()
        } else {
            local.format("%a %-d %b %Y").to_string()
        }
    }

    /// Where a due time stands at `now`: `overdue by 2 days`, or `due Mon
    /// 23 Nov, 15:30 (in 3 h)`.
    pub fn due(self, due: Timestamp, now: Timestamp) -> String {
        let left = due.unix_seconds() - now.unix_seconds();
        if left < 0 {
            format!("overdue by {}", span_words(-left))
        } else {
            format!("due {} (in {})", self.moment(due, now), span_words(left))
        }
    }

    /// `at` as it is typed in this zone: `2026-11-24 10:00`.
    pub fn entry(self, at: Timestamp) -> String {
        self.local(at).format(ENTRY).to_string()
    }

    fn resolve_naive(self, local: NaiveDateTime) -> Result<Timestamp, LocalTimeError> {
        let shown = local.format(ENTRY).to_string();
        match self.0.from_local_datetime(&local) {
            LocalResult::Single(t) => Ok(Timestamp::from_utc(t.with_timezone(&Utc))),
            LocalResult::Ambiguous(first, second) => {
                let choice = |t: DateTime<Tz>| {
                    let at = Timestamp::from_utc(t.with_timezone(&Utc));
                    TimeChoice {
                        at,
                        text: format!("{shown} {}", t.format("%:z")),
                        zone_name: self.short_name(at),
                    }
                };
                let (first, second) = if first <= second {
                    (first, second)
                } else {
                    (second, first)
                };
                let choices = Box::new([choice(first), choice(second)]);
                Err(LocalTimeError::Twice {
                    shown,
                    zone: self.name(),
                    choices,
                })
            }
            LocalResult::None => {
                let exists =
                    |t: NaiveDateTime| !matches!(self.0.from_local_datetime(&t), LocalResult::None);
                // Gaps are whole minutes and at most a few hours long.
                let mut start = local;
                while start > local - Duration::hours(4) && !exists(start - Duration::minutes(1)) {
                    start -= Duration::minutes(1);
                }
                let mut end = local;
                while end < local + Duration::hours(4) && !exists(end) {
                    end += Duration::minutes(1);
                }
                Err(LocalTimeError::Skipped {
                    shown,
                    zone: self.name(),
                    gap_start: start.format("%H:%M").to_string(),
                    gap_end: end.format("%H:%M").to_string(),
                })
            }
        }
    }

    /// A typed time: `2026-11-24 10:00` (or with a `T`, or seconds) in this
    /// zone; with an offset (`2026-10-25 02:30 +01:00`, `…Z`, RFC 3339) it
    /// is that moment wherever it was typed.
    pub fn parse_entry(self, text: &str) -> Result<Timestamp, LocalTimeError> {
        let typed = text.trim();
        if let Ok(at) = typed.parse::<Timestamp>() {
            return Ok(at);
        }
        // `2026-11-24T10:00`: the date's `T` (and only that one) is a space.
        let spaced = match (typed.get(..10), typed.get(10..)) {
            (Some(date), Some(rest)) if rest.starts_with(['T', 't']) => {
                format!("{date} {}", &rest[1..])
            }
            _ => typed.to_owned(),
        };
        let spaced = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
        let utc_words = [" UTC", " Z", "Z"];
        for suffix in utc_words {
            if let Some(rest) = spaced.strip_suffix(suffix)
                && let Some(local) = naive(rest.trim())
            {
                return Ok(Timestamp::from_utc(local.and_utc()));
            }
        }
        for format in [
            "%Y-%m-%d %H:%M %:z",
            "%Y-%m-%d %H:%M%:z",
            "%Y-%m-%d %H:%M %z",
        ] {
            if let Ok(t) = DateTime::parse_from_str(&spaced, format) {
                return Ok(Timestamp::from_utc(t.with_timezone(&Utc)));
            }
        }
        match naive(&spaced) {
            Some(local) => self.resolve_naive(local),
            None => Err(self.unreadable(typed)),
        }
    }

    fn unreadable(self, text: &str) -> LocalTimeError {
        LocalTimeError::Unreadable {
            text: text.to_owned(),
            example: "2026-11-24 10:00".to_owned(),
            zone: self.name(),
        }
    }
}

impl fmt::Display for LocalZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A local date and time without offset, to the minute or second.
fn naive(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

/// `UTC+05:45`, `UTC-03`, `UTC`.
fn offset_words(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "UTC".to_owned(),
        (h, 0) => format!("UTC{sign}{h:02}"),
        (h, m) => format!("UTC{sign}{h:02}:{m:02}"),
    }
}

/// How long, for people: `20 min`, `5 h` (under two days), `3 days`.
pub fn span_words(seconds: i64) -> String {
    match seconds.max(0) {
        s if s < 3600 => format!("{} min", (s / 60).max(1)),
        s if s < 2 * 86_400 => format!("{} h", (s + 1800) / 3600),
        s => format!("{} days", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn zone(name: &str) -> LocalZone {
        LocalZone::named(name).unwrap()
    }

    const NOW: &str = "2026-11-21T10:00:00Z";

    #[test]
    fn moments_read_in_the_zone_with_its_short_name() {
        let berlin = zone("Europe/Berlin");
        let at = t("2026-11-23T14:30:00Z");
        assert_eq!(berlin.moment(at, t(NOW)), "Mon 23 Nov, 15:30");
        assert_eq!(berlin.moment_with_zone(at, t(NOW)), "Mon 23 Nov, 15:30 CET");
        assert_eq!(
            berlin.moment_with_zone(t("2026-07-01T08:00:00Z"), t(NOW)),
            "Wed 1 Jul, 10:00 CEST"
        );
        assert_eq!(
            LocalZone::UTC.moment_with_zone(at, t(NOW)),
            "Mon 23 Nov, 14:30 UTC"
        );
        assert_eq!(berlin.entry(at), "2026-11-23 15:30");
    }

    #[test]
    fn half_and_three_quarter_hour_offsets() {
        let india = zone("Asia/Kolkata");
        let at = t("2026-11-23T14:30:00Z");
        assert_eq!(india.moment_with_zone(at, t(NOW)), "Mon 23 Nov, 20:00 IST");
        let nepal = zone("Asia/Kathmandu");
        assert_eq!(nepal.moment(at, t(NOW)), "Mon 23 Nov, 20:15");
        assert_eq!(nepal.short_name(at), "UTC+05:45");
        let newfoundland = zone("America/St_Johns");
        assert_eq!(
            newfoundland.moment_with_zone(at, t(NOW)),
            "Mon 23 Nov, 11:00 NST"
        );
        assert_eq!(
            india.parse_entry("2026-11-24 10:00"),
            Ok(t("2026-11-24T04:30:00Z"))
        );
    }

    #[test]
    fn a_moment_across_midnight_is_the_local_day() {
        let tokyo = zone("Asia/Tokyo");
        // 23:30 UTC on Monday is Tuesday morning in Tokyo.
        let at = t("2026-11-23T23:30:00Z");
        assert_eq!(tokyo.moment(at, t(NOW)), "Tue 24 Nov, 08:30");
        assert_eq!(tokyo.day(at, t(NOW)), "Tue 24 Nov");
        let new_york = zone("America/New_York");
        // 02:00 UTC on Tuesday is Monday evening in New York.
        assert_eq!(
            new_york.moment(t("2026-11-24T02:00:00Z"), t(NOW)),
            "Mon 23 Nov, 21:00"
        );
        // New Year's Eve in New York is already next year in UTC: the year
        // shows when it is not the current one.
        assert_eq!(
            new_york.moment(t("2027-01-01T03:00:00Z"), t(NOW)),
            "Thu 31 Dec, 22:00"
        );
        assert_eq!(
            new_york.moment(t("2027-01-02T03:00:00Z"), t(NOW)),
            "Fri 1 Jan 2027, 22:00"
        );
    }

    #[test]
    fn a_skipped_local_time_is_refused_with_the_gap() {
        let berlin = zone("Europe/Berlin");
        let err = berlin.parse_entry("2026-03-29 02:30").unwrap_err();
        assert_eq!(
            err.to_string(),
            "2026-03-29 02:30 does not exist in Europe/Berlin: the clocks go forward from 02:00 \
             to 03:00 that night; pick a time before 02:00 or from 03:00"
        );
        assert_eq!(
            berlin.parse_entry("2026-03-29 03:00"),
            Ok(t("2026-03-29T01:00:00Z"))
        );
        assert!(matches!(
            zone("America/New_York").parse_entry("2026-03-08 02:15"),
            Err(LocalTimeError::Skipped { .. })
        ));
    }

    #[test]
    fn a_repeated_local_time_asks_which_and_its_answers_read_back() {
        let berlin = zone("Europe/Berlin");
        let err = berlin.parse_entry("2026-10-25 02:30").unwrap_err();
        let LocalTimeError::Twice { choices, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(choices[0].text, "2026-10-25 02:30 +02:00");
        assert_eq!(choices[0].zone_name, "CEST");
        assert_eq!(choices[1].text, "2026-10-25 02:30 +01:00");
        assert_eq!(choices[1].zone_name, "CET");
        assert_eq!(
            berlin.parse_entry(&choices[0].text),
            Ok(t("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            berlin.parse_entry(&choices[1].text),
            Ok(t("2026-10-25T01:30:00Z"))
        );
        assert!(err.to_string().contains("happens twice in Europe/Berlin"));
    }

    #[test]
    fn typed_shapes_and_refusals() {
        let berlin = zone("Europe/Berlin");
        let ten = Ok(t("2026-11-24T09:00:00Z"));
        for typed in [
            "2026-11-24 10:00",
            " 2026-11-24T10:00 ",
            "2026-11-24 10:00:00",
            "2026-11-24T09:00:00Z",
            "2026-11-24 09:00 UTC",
            "2026-11-24 09:00Z",
            "2026-11-24 10:00 +01:00",
            "2026-11-24  10:00",
        ] {
            assert_eq!(berlin.parse_entry(typed), ten, "{typed:?}");
        }
        for typed in [
            "",
            "tomorrow",
            "2026-11-24",
            "24.11.2026 10:00",
            "2026-11-24 25:00",
        ] {
            let err = berlin.parse_entry(typed).unwrap_err();
            assert!(
                matches!(err, LocalTimeError::Unreadable { .. }),
                "{typed:?}: {err}"
            );
        }
        assert_eq!(
            berlin.parse_entry("tomorrow").unwrap_err().to_string(),
            "\"tomorrow\" is not a time: type it as 2026-11-24 10:00 (Europe/Berlin time), or pick it"
        );
    }

    #[test]
    fn zones_by_name() {
        assert_eq!(LocalZone::named("asia/tokyo").unwrap().name(), "Asia/Tokyo");
        assert_eq!(LocalZone::named("UTC").unwrap(), LocalZone::UTC);
        assert!(LocalZone::named("Mars/Olympus").is_err());
        assert!(LocalZone::all_names().any(|n| n == "America/New_York"));
    }

    #[test]
    fn spans_and_due_words() {
        let now = t(NOW);
        let tokyo = zone("Asia/Tokyo");
        let due = |at: &str| tokyo.due(t(at), now);
        assert_eq!(
            due("2026-11-21T13:00:00Z"),
            "due Sat 21 Nov, 22:00 (in 3 h)"
        );
        assert_eq!(
            due("2026-11-21T10:20:00Z"),
            "due Sat 21 Nov, 19:20 (in 20 min)"
        );
        assert_eq!(due("2026-11-19T09:00:00Z"), "overdue by 2 days");
        assert_eq!(due("2026-11-21T04:00:00Z"), "overdue by 6 h");
        assert_eq!(due(NOW), "due Sat 21 Nov, 19:00 (in 1 min)");
        assert_eq!(span_words(47 * 3600), "47 h");
        assert_eq!(span_words(49 * 3600), "2 days");
    }
}
