//! Which zone a `TZID=` names, and local times to UTC.
//!
//! A `TZID` is looked up, in order, as an IANA name (`Europe/Berlin`, also
//! at the end of a path such as `/mozilla.org/20050126_1/Europe/Berlin`),
//! a Windows name (`W. Europe Standard Time`, [`WINDOWS_ZONES`]), an
//! Outlook display name (`(UTC+01:00) Amsterdam, Berlin, …`), and last as
//! the calendar's own `VTIMEZONE` of that `TZID`, whose rules are then
//! evaluated ([`Rules`]). A known name wins over the `VTIMEZONE` the file
//! carries: chrono-tz knows each zone's history, which a file's block
//! (often one year's rules) does not.
//!
//! A local time that does not exist (the clocks go forward over it) or
//! happens twice (they go back) is an error, never shifted in silence.

use std::str::FromStr;

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::rules::Rules;
pub(super) use super::rules::parse_date_time;
use super::windows_zones::{DISPLAY_NAMES, WINDOWS_ZONES};

/// The zone of a date-time value.
#[derive(Clone, Debug)]
pub(super) enum Zone {
    /// A known zone.
    Named(Tz),
    /// A `VTIMEZONE` the calendar defines, under its `TZID`.
    Rules(String, Rules),
}

/// A `TZID` as the `VTIMEZONE`s of a calendar are looked up by: trimmed,
/// with the TEXT escapes some clients write in the block's own `TZID`
/// (`Kuala Lumpur\, Singapore`) taken off, so it meets the parameter
/// (`TZID="Kuala Lumpur, Singapore"`).
pub(super) fn tzid_key(tzid: &str) -> String {
    let mut key = String::with_capacity(tzid.len());
    let mut chars = tzid.trim().chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => key.extend(chars.next()),
            c => key.push(c),
        }
    }
    key
}

/// The known zone `tzid` names, if any (the calendar's `VTIMEZONE`s are
/// not looked at here).
pub(super) fn known_zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim();
    if let Ok(tz) = Tz::from_str(tzid) {
        return Some(tz);
    }
    // "/mozilla.org/20050126_1/Europe/Berlin", "/Europe/Berlin".
    let mut rest = tzid;
    while let Some((_, tail)) = rest.split_once('/') {
        if let Ok(tz) = Tz::from_str(tail) {
            return Some(tz);
        }
        rest = tail;
    }
    let by_table = |table: &[(&str, &str)], name: &str| {
        table
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, iana)| Tz::from_str(iana).ok())
    };
    if let Some(tz) = by_table(WINDOWS_ZONES, tzid) {
        return Some(tz);
    }
    display_name(tzid).and_then(|cities| {
        DISPLAY_NAMES
            .iter()
            .find(|(key, _)| {
                key.len() >= cities.len() && key[..cities.len()].eq_ignore_ascii_case(cities)
            })
            .and_then(|(_, iana)| Tz::from_str(iana).ok())
    })
}

/// The place names of an Outlook display name, "(UTC+01:00) Amsterdam,
/// Berlin..." → "Amsterdam, Berlin" (an ellipsis where Outlook cut it
/// short taken off); `None` when it is not written so.
fn display_name(tzid: &str) -> Option<&str> {
    let rest = tzid.strip_prefix('(')?;
    let (offset, cities) = rest.split_once(')')?;
    if !(offset.starts_with("UTC") || offset.starts_with("GMT")) {
        return None;
    }
    let cities = cities
        .trim()
        .trim_end_matches('…')
        .trim_end_matches('.')
        .trim_end_matches(',')
        .trim();
    (cities.chars().count() >= 4).then_some(cities)
}

impl Zone {
    /// `local` in this zone, in UTC.
    pub fn to_utc(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, String> {
        let (found, name) = match self {
            Zone::Named(tz) => (
                tz.from_local_datetime(&local)
                    .map(|t| t.with_timezone(&Utc)),
                tz.name().to_owned(),
            ),
            Zone::Rules(tzid, rules) => (
                rules
                    .to_utc(local)
                    .map_err(|why| format!("the offset of {tzid:?} then cannot be known: {why}"))?,
                format!("{tzid:?}"),
            ),
        };
        let shown = local.format("%Y-%m-%d %H:%M");
        match found {
            LocalResult::Single(utc) => Ok(utc),
            LocalResult::Ambiguous(..) => Err(format!(
                "the local time {shown} happens twice in {name} (the clocks go back then): which one is meant cannot be told; ask for the invite in UTC"
            )),
            LocalResult::None => Err(format!(
                "the local time {shown} does not exist in {name} (the clocks go forward over it)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(zone: &Zone, local: &str) -> String {
        zone.to_utc(at(local))
            .unwrap()
            .format("%Y-%m-%dT%H:%MZ")
            .to_string()
    }

    #[test]
    fn iana_windows_and_display_names() {
        assert_eq!(known_zone("Europe/Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(
            known_zone("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(
            known_zone("W. Europe Standard Time"),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(
            known_zone("pacific standard time"),
            Some(Tz::America__Los_Angeles)
        );
        assert_eq!(known_zone("India Standard Time"), Some(Tz::Asia__Kolkata));
        assert_eq!(known_zone("GMT Standard Time"), Some(Tz::Europe__London));
        assert_eq!(known_zone("Tokyo Standard Time"), Some(Tz::Asia__Tokyo));
        assert_eq!(
            known_zone("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(
            known_zone("(UTC+01:00) Amsterdam, Berlin..."),
            Some(Tz::Europe__Berlin)
        );
        assert_eq!(known_zone("Customized Time Zone"), None);
        assert_eq!(known_zone("(UTC+01:00) Atlantis"), None);
        // Every name in the tables is a zone chrono-tz knows.
        for (name, iana) in WINDOWS_ZONES.iter().chain(DISPLAY_NAMES) {
            assert!(Tz::from_str(iana).is_ok(), "{name} → {iana}");
        }
    }

    #[test]
    fn local_times_to_utc_in_winter_summer_and_half_hour_zones() {
        let berlin = Zone::Named(Tz::Europe__Berlin);
        assert_eq!(utc(&berlin, "2026-12-01 10:00"), "2026-12-01T09:00Z");
        assert_eq!(utc(&berlin, "2026-07-01 10:00"), "2026-07-01T08:00Z");
        let india = Zone::Named(Tz::Asia__Kolkata);
        assert_eq!(utc(&india, "2026-12-01 10:00"), "2026-12-01T04:30Z");
    }

    #[test]
    fn times_that_do_not_exist_or_happen_twice_are_errors() {
        let berlin = Zone::Named(Tz::Europe__Berlin);
        let gap = berlin.to_utc(at("2026-03-29 02:30")).unwrap_err();
        assert!(gap.contains("does not exist in Europe/Berlin"), "{gap}");
        let twice = berlin.to_utc(at("2026-10-25 02:30")).unwrap_err();
        assert!(twice.contains("happens twice"), "{twice}");
    }
}
