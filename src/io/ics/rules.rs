//! A `VTIMEZONE` evaluated from its own rules, for a `TZID` no table knows
//! (Outlook's "Customized Time Zone", a client's private name).
//!
//! Each `STANDARD` or `DAYLIGHT` block starts at its `DTSTART` (a local
//! time in its `TZOFFSETFROM`) and then, with a yearly `RRULE` of one
//! `BYMONTH` and one `BYDAY` ("-1SU": the last Sunday; "2SU": the second),
//! once a year; `RDATE`s add onsets. From an onset on, the offset is its
//! `TZOFFSETTO`. One block without a rule is a fixed offset. A rule beyond
//! that (several months, `BYMONTHDAY`, …) is not evaluated: the zone is
//! then unknown, with the reason.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, Utc, Weekday};

use super::Component;

/// The rules of one `VTIMEZONE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rules {
    observances: Vec<Observance>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Observance {
    start: NaiveDateTime,
    from: i64,
    to: i64,
    yearly: Option<Yearly>,
    rdates: Vec<NaiveDateTime>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Yearly {
    month: u32,
    /// 1..=5 from the start of the month, -1..=-5 from its end.
    nth: i8,
    weekday: Weekday,
    until: Option<NaiveDateTime>,
    last_year: Option<i32>,
}

impl Rules {
    /// The rules of `vtimezone`, or why they cannot be evaluated.
    pub fn from_component(vtimezone: &Component) -> Result<Self, String> {
        let mut observances = Vec::new();
        for block in &vtimezone.children {
            if block.name != "STANDARD" && block.name != "DAYLIGHT" {
                continue;
            }
            observances.push(observance(block)?);
        }
        if observances.is_empty() {
            return Err("its VTIMEZONE has no STANDARD or DAYLIGHT block".to_owned());
        }
        Ok(Self { observances })
    }

    /// `local` in this zone, in UTC: one, two (the clocks went back) or no
    /// answer (they went forward over it).
    pub fn to_utc(&self, local: NaiveDateTime) -> LocalResult<DateTime<Utc>> {
        let mut offsets: Vec<i64> = self
            .observances
            .iter()
            .flat_map(|o| [o.from, o.to])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut found: Vec<NaiveDateTime> = offsets
            .into_iter()
            .map(|offset| local - Duration::seconds(offset))
            .filter(|utc| self.offset_at(*utc) == local.signed_duration_since(*utc).num_seconds())
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [one] => LocalResult::Single(one.and_utc()),
            [first, .., last] => LocalResult::Ambiguous(first.and_utc(), last.and_utc()),
            [] => LocalResult::None,
        }
    }

    /// The offset in force at the UTC time `utc`, in seconds.
    fn offset_at(&self, utc: NaiveDateTime) -> i64 {
        let year = utc.year();
        let mut latest: Option<(NaiveDateTime, i64)> = None;
        for o in &self.observances {
            for y in year - 1..=year + 1 {
                for onset in o.onsets(y) {
                    let when = onset - Duration::seconds(o.from);
                    if when <= utc && latest.is_none_or(|(t, _)| when > t) {
                        latest = Some((when, o.to));
                    }
                }
            }
        }
        match latest {
            Some((_, offset)) => offset,
            // Before the first onset: the offset the earliest block comes from.
            None => self
                .observances
                .iter()
                .min_by_key(|o| o.start)
                .map_or(0, |o| o.from),
        }
    }
}

impl Observance {
    /// Its onsets in `year`, local times.
    fn onsets(&self, year: i32) -> Vec<NaiveDateTime> {
        let mut onsets: Vec<NaiveDateTime> = self
            .rdates
            .iter()
            .copied()
            .filter(|d| d.year() == year)
            .collect();
        match self.yearly {
            Some(rule) if year >= self.start.year() => {
                let within = rule.last_year.is_none_or(|last| year <= last);
                if let Some(day) = nth_weekday(year, rule.month, rule.nth, rule.weekday)
                    && within
                {
                    let onset = day.and_time(self.start.time());
                    if rule.until.is_none_or(|until| onset <= until) {
                        onsets.push(onset);
                    }
                }
            }
            Some(_) => {}
            None if self.start.year() == year => onsets.push(self.start),
            None => {}
        }
        onsets
    }
}

fn observance(block: &Component) -> Result<Observance, String> {
    let name = &block.name;
    let value = |prop: &str| block.prop(prop).map(|p| p.value.trim());
    let start = value("DTSTART")
        .and_then(parse_date_time)
        .ok_or_else(|| format!("its {name} block has no DTSTART date-time"))?;
    let offset = |prop: &str| {
        value(prop)
            .and_then(parse_offset)
            .ok_or_else(|| format!("its {name} block has no {prop} such as +0100"))
    };
    let to = offset("TZOFFSETTO")?;
    let from = offset("TZOFFSETFROM").unwrap_or(to);
    let yearly = match value("RRULE") {
        Some(rule) => Some(parse_rule(rule).map_err(|why| format!("its {name} RRULE {why}"))?),
        None => None,
    };
    let mut rdates = Vec::new();
    for line in block.props.iter().filter(|p| p.name == "RDATE") {
        for date in line.value.split(',') {
            rdates
                .push(parse_date_time(date.trim()).ok_or_else(|| {
                    format!("its {name} block has an RDATE that is no date-time")
                })?);
        }
    }
    Ok(Observance {
        start,
        from,
        to,
        yearly,
        rdates,
    })
}

/// "+0100", "-0500", "+053000" → seconds east of UTC.
fn parse_offset(text: &str) -> Option<i64> {
    let (sign, digits) = match text.split_at_checked(1)? {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i64>().ok());
    let seconds = if digits.len() == 6 { part(4..6)? } else { 0 };
    Some(sign * (part(0..2)? * 3600 + part(2..4)? * 60 + seconds))
}

fn parse_rule(rule: &str) -> Result<Yearly, String> {
    let (mut freq, mut month, mut day, mut until, mut count) = (None, None, None, None, None);
    for part in rule.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').ok_or("is not KEY=VALUE;…")?;
        match key.to_ascii_uppercase().as_str() {
            "FREQ" => freq = Some(value.to_ascii_uppercase()),
            "BYMONTH" => {
                month = Some(
                    value
                        .parse::<u32>()
                        .map_err(|_| "has BYMONTH of several months")?,
                )
            }
            "BYDAY" => {
                day = Some(
                    parse_by_day(value)
                        .ok_or("has a BYDAY other than one nth weekday (\"-1SU\")")?,
                )
            }
            "UNTIL" => {
                until = Some(
                    parse_date_time(value.trim_end_matches('Z'))
                        .ok_or("has an UNTIL that is no date-time")?,
                );
            }
            "COUNT" => {
                count = Some(
                    value
                        .parse::<i32>()
                        .map_err(|_| "has a COUNT that is no number")?,
                )
            }
            "INTERVAL" if value == "1" => {}
            "WKST" => {}
            other => return Err(format!("uses {other}, which is not evaluated")),
        }
    }
    if freq.as_deref() != Some("YEARLY") {
        return Err("is not yearly (FREQ=YEARLY)".to_owned());
    }
    let month = month
        .filter(|m| (1..=12).contains(m))
        .ok_or("has no BYMONTH")?;
    let (nth, weekday) = day.ok_or("has no BYDAY")?;
    Ok(Yearly {
        month,
        nth,
        weekday,
        until,
        last_year: count.map(|n| n - 1),
    })
}

/// "-1SU" → (-1, Sunday); "2SU" → (2, Sunday); "+1MO" → (1, Monday).
fn parse_by_day(text: &str) -> Option<(i8, Weekday)> {
    let split = text.len().checked_sub(2)?;
    let (nth, day) = text.split_at_checked(split)?;
    let nth: i8 = nth.trim_start_matches('+').parse().ok()?;
    let weekday = match day.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    ((1..=5).contains(&nth.abs())).then_some((nth, weekday))
}

/// The `nth` `weekday` of `month` in `year` (negative: from the end). A
/// fifth one that the month lacks is its last, as Windows reads "5".
fn nth_weekday(year: i32, month: u32, nth: i8, weekday: Weekday) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = next_month.pred_opt()?;
    if nth > 0 {
        let ahead =
            (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
        let day = first + Duration::days(i64::from(ahead) + 7 * i64::from(nth - 1));
        Some(if day > last {
            day - Duration::days(7)
        } else {
            day
        })
    } else {
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let day = last - Duration::days(i64::from(back) + 7 * i64::from(-nth - 1));
        Some(if day < first {
            day + Duration::days(7)
        } else {
            day
        })
    }
}

/// A DATE-TIME value's digits, "20261201T100000" (a trailing `Z` taken
/// off by the caller), as a date and time without a zone.
pub(super) fn parse_date_time(value: &str) -> Option<NaiveDateTime> {
    if value.len() != 15 || !value.is_ascii() {
        return None;
    }
    NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ics::lines::content_lines;

    fn block(name: &str, lines: &str) -> Component {
        Component {
            name: name.to_owned(),
            line: 1,
            props: content_lines(lines).unwrap(),
            children: Vec::new(),
        }
    }

    fn central_europe() -> Rules {
        let mut zone = block("VTIMEZONE", "TZID:Customized Time Zone\n");
        zone.children = vec![
            block(
                "STANDARD",
                "DTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\n",
            ),
            block(
                "DAYLIGHT",
                "DTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\n",
            ),
        ];
        Rules::from_component(&zone).unwrap()
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn single(rules: &Rules, text: &str) -> String {
        match rules.to_utc(local(text)) {
            LocalResult::Single(t) => t.format("%Y-%m-%dT%H:%MZ").to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn yearly_rules_give_winter_and_summer_offsets_and_see_gaps() {
        let rules = central_europe();
        assert_eq!(single(&rules, "2026-12-01 10:00"), "2026-12-01T09:00Z");
        assert_eq!(single(&rules, "2026-07-01 10:00"), "2026-07-01T08:00Z");
        // 2026: summer time from 29 March, to 25 October.
        assert_eq!(single(&rules, "2026-03-29 01:59"), "2026-03-29T00:59Z");
        assert_eq!(single(&rules, "2026-03-29 03:00"), "2026-03-29T01:00Z");
        assert_eq!(rules.to_utc(local("2026-03-29 02:30")), LocalResult::None);
        assert!(matches!(
            rules.to_utc(local("2026-10-25 02:30")),
            LocalResult::Ambiguous(..)
        ));
    }

    #[test]
    fn a_fixed_offset_and_rules_that_are_not_evaluated() {
        let mut zone = block("VTIMEZONE", "TZID:Somewhere\n");
        zone.children = vec![block(
            "STANDARD",
            "DTSTART:19700101T000000\nTZOFFSETFROM:+0530\nTZOFFSETTO:+0530\n",
        )];
        let rules = Rules::from_component(&zone).unwrap();
        assert_eq!(single(&rules, "2026-12-01 10:00"), "2026-12-01T04:30Z");
        zone.children = vec![block(
            "STANDARD",
            "DTSTART:19700101T000000\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=21\n",
        )];
        let why = Rules::from_component(&zone).unwrap_err();
        assert!(why.contains("BYMONTHDAY"), "{why}");
    }

    #[test]
    fn nth_weekdays() {
        let d = |y, m, n, w| nth_weekday(y, m, n, w).unwrap().to_string();
        assert_eq!(d(2026, 3, -1, Weekday::Sun), "2026-03-29");
        assert_eq!(d(2026, 3, 2, Weekday::Sun), "2026-03-08");
        assert_eq!(d(2026, 11, 1, Weekday::Sun), "2026-11-01");
        assert_eq!(d(2026, 3, 5, Weekday::Sun), "2026-03-29");
        assert_eq!(parse_offset("-0500"), Some(-18000));
        assert_eq!(parse_offset("+053000"), Some(19800));
        assert_eq!(parse_offset("0100"), None);
    }
}
