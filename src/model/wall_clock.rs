//! A date and time as a wall clock shows it, with no zone: what a picker
//! edits. It is written the way [`LocalZone::entry`] writes a moment
//! (`2026-11-24 10:00`), so a picked time goes through the same typed-entry
//! check as a typed one, and a daylight-saving gap or repeat is caught
//! there, not here.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::{LocalZone, Timestamp};

/// A local date and time to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallClock(NaiveDateTime);

/// A month of a calendar: its first day and how many days it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarMonth {
    first: NaiveDate,
}

impl WallClock {
    /// What `text` says on the wall in `zone`: its date and time as typed
    /// (even a time a clock change skips or repeats), or the local time of
    /// the moment it names. `None` when it is not a time.
    pub fn read(text: &str, zone: LocalZone) -> Option<Self> {
        let typed = text.trim();
        for format in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
            if let Some(start) = typed.get(..16)
                && let Ok(t) = NaiveDateTime::parse_from_str(start, format)
                && !typed.contains(['+', 'Z', 'z'])
                && !typed.to_ascii_uppercase().contains("UTC")
            {
                return Some(Self(t));
            }
        }
        zone.parse_entry(typed).ok().map(|at| Self::of(at, zone))
    }

    /// The wall clock of `at` in `zone`, to the minute.
    pub fn of(at: Timestamp, zone: LocalZone) -> Self {
        let local = zone.naive_local(at);
        Self(
            local
                .with_second(0)
                .unwrap_or(local)
                .with_nanosecond(0)
                .unwrap_or(local),
        )
    }

    /// As typed: `2026-11-24 10:00`.
    pub fn entry(self) -> String {
        self.0.format("%Y-%m-%d %H:%M").to_string()
    }

    /// The day.
    pub fn date(self) -> NaiveDate {
        self.0.date()
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u32 {
        self.0.hour()
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u32 {
        self.0.minute()
    }

    /// The same time of day on `date`.
    #[must_use]
    pub fn on(self, date: NaiveDate) -> Self {
        Self(date.and_time(self.0.time()))
    }

    /// The same day at `hour` (kept as it was when out of range).
    #[must_use]
    pub fn at_hour(self, hour: u32) -> Self {
        self.0.with_hour(hour).map_or(self, Self)
    }

    /// The same day and hour at `minute` (kept as it was when out of range).
    #[must_use]
    pub fn at_minute(self, minute: u32) -> Self {
        self.0.with_minute(minute).map_or(self, Self)
    }

    /// `date` at `hour`:00.
    pub fn day_at(date: NaiveDate, hour: u32) -> Self {
        Self(date.and_time(NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN)))
    }
}

impl CalendarMonth {
    /// The month `date` is in.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            first: date.with_day(1).unwrap_or(date),
        }
    }

    /// `November 2026`.
    pub fn title(self) -> String {
        self.first.format("%B %Y").to_string()
    }

    /// The month before (`-1`) or after (`1`), `months` away.
    #[must_use]
    pub fn shifted(self, months: i32) -> Self {
        let index = self.first.year() * 12 + self.first.month0().cast_signed() + months;
        let (year, month0) = (index.div_euclid(12), index.rem_euclid(12));
        NaiveDate::from_ymd_opt(year, month0.cast_unsigned() + 1, 1)
            .map_or(self, |first| Self { first })
    }

    /// Whether `date` is in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.first.year() && date.month() == self.first.month()
    }

    /// The month's days as weeks from Monday; `None` pads the first and
    /// last weeks.
    pub fn weeks(self) -> Vec<[Option<NaiveDate>; 7]> {
        let lead = self.first.weekday().num_days_from_monday() as usize;
        let mut weeks = Vec::new();
        let mut week = [None; 7];
        let mut slot = lead;
        let mut day = self.first;
        while self.contains(day) {
            week[slot] = Some(day);
            slot += 1;
            if slot == 7 {
                weeks.push(week);
                week = [None; 7];
                slot = 0;
            }
            day += Duration::days(1);
        }
        if slot > 0 {
            weeks.push(week);
        }
        weeks
    }

    /// The weekdays' short names, Monday first, as the weeks lay out.
    pub const WEEKDAYS: [&'static str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> LocalZone {
        LocalZone::named("Europe/Berlin").unwrap()
    }

    #[test]
    fn reads_what_the_wall_says_even_in_a_gap() {
        let zone = berlin();
        // 02:30 on 29 March 2026 does not happen in Berlin; the picker
        // still shows it as typed, and the entry check refuses it.
        let clock = WallClock::read("2026-03-29 02:30", zone).unwrap();
        assert_eq!((clock.hour(), clock.minute()), (2, 30));
        assert!(zone.parse_entry(&clock.entry()).is_err());
        // A moment with an offset reads as the local time it names.
        let clock = WallClock::read("2026-11-24 09:00Z", zone).unwrap();
        assert_eq!(clock.entry(), "2026-11-24 10:00");
        assert_eq!(WallClock::read("tomorrow", zone), None);
    }

    #[test]
    fn picking_keeps_the_other_parts() {
        let zone = berlin();
        let clock = WallClock::read("2026-11-24 10:15", zone).unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(clock.on(date).entry(), "2026-12-31 10:15");
        assert_eq!(clock.at_hour(23).at_minute(45).entry(), "2026-11-24 23:45");
        assert_eq!(clock.at_hour(24), clock);
    }

    #[test]
    fn months_shift_across_years_and_lay_out_from_monday() {
        let nov = CalendarMonth::of(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        assert_eq!(nov.title(), "November 2026");
        assert_eq!(nov.shifted(2).title(), "January 2027");
        assert_eq!(nov.shifted(-11).title(), "December 2025");
        let weeks = nov.weeks();
        // 1 November 2026 is a Sunday: six padded days first.
        assert_eq!(weeks[0][..6], [None; 6]);
        assert_eq!(weeks[0][6].map(|d| d.day()), Some(1));
        assert_eq!(weeks.iter().flatten().flatten().count(), 30);
        assert_eq!(weeks.last().unwrap()[0].map(|d| d.day()), Some(30));
        assert_eq!(CalendarMonth::WEEKDAYS[6], "Su");
    }
}
