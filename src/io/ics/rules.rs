//! A `VTIMEZONE` evaluated from its own rules, for a `TZID` no table knows
//! (Outlook's "Customized Time Zone", a client's private name).
//!
//! Each `STANDARD` or `DAYLIGHT` block starts at its `DTSTART` (a local
//! time in its `TZOFFSETFROM`): from that onset on the offset is its
//! `TZOFFSETTO`, until the next onset of any block. A block without
//! `RRULE` has that one onset (Outlook 2007 writes a whole zone as one
//! `STANDARD` from 1601), and each `RDATE` adds one. A yearly `RRULE`
//! (`INTERVAL`, `BYMONTH`, `BYDAY` as "-1SU" or "SU", `BYMONTHDAY`,
//! `UNTIL`, `COUNT`) adds one onset on each day it names; it is followed
//! back as far as the instant asked about needs, so an onset decades
//! before it counts. Offsets may have seconds (`-075258`, local mean
//! time). Before the first onset the offset is not known, and is not
//! guessed: the caller says so. A rule of another kind (monthly, by week
//! number, …) is not evaluated: the zone is then unknown, with the reason.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, Utc, Weekday};

use super::Component;

/// The rules of one `VTIMEZONE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rules {
    observances: Vec<Observance>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Observance {
    /// Its `DTSTART`: the first onset, local time in `from`.
    start: NaiveDateTime,
    from: i64,
    to: i64,
    yearly: Option<Yearly>,
    rdates: Vec<NaiveDateTime>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Yearly {
    /// Every `interval`th year from the start's.
    interval: i32,
    /// `BYMONTH`; empty: the start's month.
    months: Vec<u32>,
    /// `BYDAY`: an nth weekday of the month ("-1SU": the last Sunday), or
    /// every such weekday (`None`), which `BYMONTHDAY` then narrows.
    days: Vec<(Option<i8>, Weekday)>,
    /// `BYMONTHDAY`: days of the month, negative from its end.
    month_days: Vec<i32>,
    /// The last onset (local time, in the block's `TZOFFSETFROM`), from
    /// `UNTIL` or `COUNT`.
    last: Option<NaiveDateTime>,
}

/// How far back a yearly rule is followed before it is given up on (a
/// rule whose days never come, such as 30 February).
const MAX_YEARS_BACK: i32 = 1000;

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
    /// answer (they went forward over it); an error when the offset then
    /// is not known (before the first onset of every block).
    pub fn to_utc(&self, local: NaiveDateTime) -> Result<LocalResult<DateTime<Utc>>, String> {
        let mut offsets: Vec<i64> = self
            .observances
            .iter()
            .flat_map(|o| [o.from, o.to])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut found: Vec<NaiveDateTime> = Vec::new();
        let mut unknown = None;
        for offset in offsets {
            let utc = local - Duration::seconds(offset);
            match self.offset_at(utc) {
                Ok(at) if at == offset => found.push(utc),
                Ok(_) => {}
                Err(why) => unknown = Some(why),
            }
        }
        found.sort_unstable();
        found.dedup();
        Ok(match found.as_slice() {
            [one] => LocalResult::Single(one.and_utc()),
            [first, .., last] => LocalResult::Ambiguous(first.and_utc(), last.and_utc()),
            [] => match unknown {
                Some(why) => return Err(why),
                None => LocalResult::None,
            },
        })
    }

    /// The offset in force at the UTC time `utc`, in seconds: the
    /// `TZOFFSETTO` of the latest onset at or before it.
    fn offset_at(&self, utc: NaiveDateTime) -> Result<i64, String> {
        self.observances
            .iter()
            .filter_map(|o| o.latest_onset(utc).map(|when| (when, o.to)))
            .max_by_key(|(when, _)| *when)
            .map(|(_, to)| to)
            .ok_or_else(|| {
                let first = self.observances.iter().map(|o| o.start).min();
                format!(
                    "it is before the zone's first onset ({}), and the VTIMEZONE says nothing of the time before",
                    first.map_or_else(String::new, |f| f.format("%Y-%m-%d %H:%M").to_string())
                )
            })
    }
}

impl Observance {
    /// Its latest onset at or before the UTC time `utc`, as a UTC time.
    fn latest_onset(&self, utc: NaiveDateTime) -> Option<NaiveDateTime> {
        let as_utc = |local: NaiveDateTime| local - Duration::seconds(self.from);
        let mut best = std::iter::once(self.start)
            .chain(self.rdates.iter().copied())
            .map(as_utc)
            .filter(|when| *when <= utc)
            .max();
        if let Some(rule) = &self.yearly {
            let first = self.start.year();
            let mut year = utc.year() + 1;
            if let Some(last) = rule.last {
                year = year.min(last.year());
            }
            let stop = first.max(year - MAX_YEARS_BACK);
            while year >= stop {
                if (year - first) % rule.interval == 0 {
                    let hit = rule
                        .onsets(year, self.start)
                        .into_iter()
                        .filter(|onset| *onset >= self.start)
                        .filter(|onset| rule.last.is_none_or(|last| *onset <= last))
                        .map(as_utc)
                        .filter(|when| *when <= utc)
                        .max();
                    if hit.is_some() {
                        best = best.max(hit);
                        break;
                    }
                }
                year -= 1;
            }
        }
        best
    }
}

impl Yearly {
    /// Its onsets in `year`, local times, for a block starting at `start`.
    fn onsets(&self, year: i32, start: NaiveDateTime) -> Vec<NaiveDateTime> {
        let months = if self.months.is_empty() {
            vec![start.month()]
        } else {
            self.months.clone()
        };
        let mut onsets = Vec::new();
        for month in months {
            let Some((first, last)) = month_bounds(year, month) else {
                continue;
            };
            let mut days: Vec<NaiveDate> = Vec::new();
            if !self.month_days.is_empty() {
                days.extend(
                    self.month_days
                        .iter()
                        .filter_map(|&d| month_day(first, last, d)),
                );
                if !self.days.is_empty() {
                    days.retain(|day| self.days.iter().any(|(_, w)| *w == day.weekday()));
                }
            } else if !self.days.is_empty() {
                for &(nth, weekday) in &self.days {
                    match nth {
                        Some(nth) => days.extend(nth_weekday(year, month, nth, weekday)),
                        None => days.extend(
                            first
                                .iter_days()
                                .take_while(|d| *d <= last)
                                .filter(|d| d.weekday() == weekday),
                        ),
                    }
                }
            } else {
                days.extend(NaiveDate::from_ymd_opt(year, month, start.day()));
            }
            onsets.extend(days.into_iter().map(|day| day.and_time(start.time())));
        }
        onsets
    }
}

/// The first and last day of `month` in `year`.
fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// Day `d` of the month from `first` to `last` (negative: from its end).
fn month_day(first: NaiveDate, last: NaiveDate, d: i32) -> Option<NaiveDate> {
    let day = if d > 0 {
        first + Duration::days(i64::from(d - 1))
    } else {
        last - Duration::days(i64::from(-d - 1))
    };
    (first <= day && day <= last).then_some(day)
}

fn observance(block: &Component) -> Result<Observance, String> {
    let name = &block.name;
    let value = |prop: &str| block.prop(prop).map(|p| p.value.trim());
    let start = value("DTSTART")
        .map(|v| v.trim_end_matches(['Z', 'z']))
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
        Some(rule) => {
            Some(parse_rule(rule, start, from).map_err(|why| format!("its {name} RRULE {why}"))?)
        }
        None => None,
    };
    let mut rdates = Vec::new();
    for line in block.props.iter().filter(|p| p.name == "RDATE") {
        for date in line.value.split(',') {
            rdates.push(
                parse_date_time(date.trim().trim_end_matches(['Z', 'z']))
                    .ok_or_else(|| format!("its {name} block has an RDATE that is no date-time"))?,
            );
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

/// "+0100", "-0500", "+053000", "-0000" → seconds east of UTC.
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

/// A yearly rule of a block starting at `start` (local, in `from`).
fn parse_rule(rule: &str, start: NaiveDateTime, from: i64) -> Result<Yearly, String> {
    let mut freq = None;
    let mut yearly = Yearly {
        interval: 1,
        months: Vec::new(),
        days: Vec::new(),
        month_days: Vec::new(),
        last: None,
    };
    let mut count = None;
    for part in rule.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').ok_or("is not KEY=VALUE;…")?;
        match key.trim().to_ascii_uppercase().as_str() {
            "FREQ" => freq = Some(value.trim().to_ascii_uppercase()),
            "INTERVAL" => {
                yearly.interval = value
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or("has an INTERVAL that is no whole number from 1")?;
            }
            "BYMONTH" => {
                for month in list(value) {
                    yearly.months.push(
                        month
                            .parse::<u32>()
                            .ok()
                            .filter(|m| (1..=12).contains(m))
                            .ok_or("has a BYMONTH that is no month 1 to 12")?,
                    );
                }
            }
            "BYDAY" => {
                for day in list(value) {
                    yearly.days.push(
                        parse_by_day(day)
                            .ok_or("has a BYDAY that is no weekday such as SU, 2SU or -1SU")?,
                    );
                }
            }
            "BYMONTHDAY" => {
                for day in list(value) {
                    yearly.month_days.push(
                        day.parse::<i32>()
                            .ok()
                            .filter(|d| (1..=31).contains(&d.abs()))
                            .ok_or("has a BYMONTHDAY that is no day 1 to 31 (or -1 to -31)")?,
                    );
                }
            }
            "UNTIL" => {
                let value = value.trim();
                let (digits, utc) = match value.strip_suffix(['Z', 'z']) {
                    Some(digits) => (digits, true),
                    None => (value, false),
                };
                let until = parse_date_time(digits)
                    .or_else(|| {
                        NaiveDate::parse_from_str(digits, "%Y%m%d")
                            .ok()
                            .and_then(|d| d.and_hms_opt(23, 59, 59))
                    })
                    .ok_or("has an UNTIL that is no date-time")?;
                // An UNTIL in UTC, as a local time of the block.
                yearly.last = Some(if utc {
                    until + Duration::seconds(from)
                } else {
                    until
                });
            }
            "COUNT" => {
                count = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .ok_or("has a COUNT that is no whole number from 1")?,
                );
            }
            "WKST" => {}
            other => return Err(format!("uses {other}, which is not evaluated")),
        }
    }
    if freq.as_deref() != Some("YEARLY") {
        return Err("is not yearly (FREQ=YEARLY)".to_owned());
    }
    if yearly.days.iter().any(|(nth, _)| nth.is_some()) && !yearly.month_days.is_empty() {
        return Err(
            "mixes an nth weekday (BYDAY) with BYMONTHDAY, which is not evaluated".to_owned(),
        );
    }
    if let Some(count) = count {
        yearly.last = nth_onset(&yearly, start, count);
    }
    Ok(yearly)
}

/// The items of a rule part's comma-separated value.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// The `count`th onset of `rule` from `start` on (`start` is the first);
/// the last one found when the rule stops giving days.
fn nth_onset(rule: &Yearly, start: NaiveDateTime, count: usize) -> Option<NaiveDateTime> {
    let mut seen = 0usize;
    let mut latest = None;
    let mut year = start.year();
    while year < start.year() + MAX_YEARS_BACK {
        let mut onsets: Vec<NaiveDateTime> = rule
            .onsets(year, start)
            .into_iter()
            .filter(|o| *o >= start)
            .collect();
        onsets.sort_unstable();
        for onset in onsets {
            seen += 1;
            latest = Some(onset);
            if seen >= count {
                return latest;
            }
        }
        year += rule.interval;
    }
    latest
}

/// "-1SU" → (Some(-1), Sunday); "2SU" → (Some(2), Sunday); "SU" → (None,
/// Sunday).
fn parse_by_day(text: &str) -> Option<(Option<i8>, Weekday)> {
    let text = text.trim();
    let split = text.len().checked_sub(2)?;
    let (nth, day) = text.split_at_checked(split)?;
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
    if nth.is_empty() {
        return Some((None, weekday));
    }
    let nth: i8 = nth.trim_start_matches('+').parse().ok()?;
    ((1..=5).contains(&nth.abs())).then_some((Some(nth), weekday))
}

/// The `nth` `weekday` of `month` in `year` (negative: from the end). A
/// fifth one that the month lacks is its last, as Windows reads "5".
fn nth_weekday(year: i32, month: u32, nth: i8, weekday: Weekday) -> Option<NaiveDate> {
    let (first, last) = month_bounds(year, month)?;
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
            Ok(LocalResult::Single(t)) => t.format("%Y-%m-%dT%H:%MZ").to_string(),
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
        assert_eq!(
            rules.to_utc(local("2026-03-29 02:30")),
            Ok(LocalResult::None)
        );
        assert!(matches!(
            rules.to_utc(local("2026-10-25 02:30")),
            Ok(LocalResult::Ambiguous(..))
        ));
    }

    fn zone(blocks: &[(&str, &str)]) -> Result<Rules, String> {
        let mut zone = block("VTIMEZONE", "TZID:Somewhere\n");
        zone.children = blocks
            .iter()
            .map(|(name, lines)| block(name, lines))
            .collect();
        Rules::from_component(&zone)
    }

    #[test]
    fn a_block_without_a_rule_holds_from_its_start_on() {
        // Outlook 2007: one STANDARD from 1601, coming from +0900 to +0800.
        let rules = zone(&[(
            "STANDARD",
            "DTSTART:16010101T000000\nTZOFFSETFROM:+0900\nTZOFFSETTO:+0800\n",
        )])
        .unwrap();
        assert_eq!(single(&rules, "2008-10-31 09:30"), "2008-10-31T01:30Z");
        assert_eq!(single(&rules, "2026-12-01 10:00"), "2026-12-01T02:00Z");
        // Before its start the offset is not known, not guessed.
        let why = rules.to_utc(local("1500-06-01 10:00")).unwrap_err();
        assert!(
            why.contains("before the zone's first onset (1601-01-01 00:00)"),
            "{why}"
        );
    }

    #[test]
    fn local_mean_time_then_rules_ended_by_until() {
        // Local mean time (an offset with seconds) until 1900, then summer
        // time each year until 2000, then a fixed +0100.
        let rules = zone(&[
            (
                "STANDARD",
                "DTSTART:18500101T000000\nTZOFFSETFROM:+005321\nTZOFFSETTO:+005321\n",
            ),
            (
                "DAYLIGHT",
                "DTSTART:19000325T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20000326T010000Z\n",
            ),
            (
                "STANDARD",
                "DTSTART:19000101T000000\nTZOFFSETFROM:+005321\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=19991031T010000Z\n",
            ),
        ])
        .unwrap();
        assert_eq!(single(&rules, "1880-06-01 12:00"), "1880-06-01T11:06Z");
        assert_eq!(single(&rules, "1999-07-01 12:00"), "1999-07-01T10:00Z");
        // The last summer began in March 2000 and never ended: the last
        // onset (decades before) still counts.
        assert_eq!(single(&rules, "2040-01-01 12:00"), "2040-01-01T10:00Z");
    }

    #[test]
    fn by_month_day_rules_and_intervals() {
        // Fiji-like: summer from the Sunday on or after 18 January… back on
        // the Sunday among 1 to 7 November.
        let rules = zone(&[
            (
                "STANDARD",
                "DTSTART:20000116T030000\nTZOFFSETFROM:+1300\nTZOFFSETTO:+1200\nRRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=18,19,20,21,22,23,24;BYDAY=SU\n",
            ),
            (
                "DAYLIGHT",
                "DTSTART:20001105T020000\nTZOFFSETFROM:+1200\nTZOFFSETTO:+1300\nRRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=1,2,3,4,5,6,7;BYDAY=SU\n",
            ),
        ])
        .unwrap();
        // 2026: 18 January is a Sunday; 1 November is a Sunday.
        assert_eq!(single(&rules, "2026-01-17 12:00"), "2026-01-16T23:00Z");
        assert_eq!(single(&rules, "2026-01-19 12:00"), "2026-01-19T00:00Z");
        assert_eq!(single(&rules, "2026-11-02 12:00"), "2026-11-01T23:00Z");
        // Every fifth year only, from 2000.
        let rules = zone(&[
            ("STANDARD", "DTSTART:19990101T000000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0000\n"),
            (
                "DAYLIGHT",
                "DTSTART:20000401T000000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;INTERVAL=5;BYMONTH=4;BYMONTHDAY=1;COUNT=2\n",
            ),
        ])
        .unwrap();
        assert_eq!(single(&rules, "2003-06-01 12:00"), "2003-06-01T11:00Z");
        assert_eq!(single(&rules, "2020-06-01 12:00"), "2020-06-01T11:00Z");
        // A fixed offset.
        let rules = zone(&[(
            "STANDARD",
            "DTSTART:19700101T000000\nTZOFFSETFROM:+0530\nTZOFFSETTO:+0530\n",
        )])
        .unwrap();
        assert_eq!(single(&rules, "2026-12-01 10:00"), "2026-12-01T04:30Z");
        // What is not evaluated says so.
        let why = zone(&[(
            "STANDARD",
            "DTSTART:19700101T000000\nTZOFFSETTO:+0100\nRRULE:FREQ=MONTHLY;BYDAY=1SU\n",
        )])
        .unwrap_err();
        assert!(why.contains("is not yearly"), "{why}");
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
