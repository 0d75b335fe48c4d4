//! A time typed or picked in the user's zone: a text field that takes
//! `2026-11-24 10:00` (or a time with its offset), a *Calendar* that opens
//! a month of day buttons with hour and minute, and a line under it that
//! says what the time is, or why it is not one (a daylight-saving gap or
//! repeat, with a button per real moment). The picker writes the same text
//! the keyboard would, so both go through one check.

use crate::model::{CalendarMonth, LocalTimeError, LocalZone, TimeChoice, Timestamp, WallClock};

/// The hour a picked day starts at when the field held no time.
const FIRST_HOUR: u32 = 10;

/// A time as it is being typed or picked.
#[derive(Clone, Debug, Default)]
pub struct TimeField {
    /// The text, in the zone: `2026-11-24 10:00`.
    pub text: String,
    /// The moment the text was made from, so a field left as it was keeps
    /// it to the second.
    kept: Option<Timestamp>,
    /// The month the calendar shows, while it is open.
    calendar: Option<CalendarMonth>,
}

/// What a frame of the field did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeFieldOutput {
    /// The text changed (typed, picked, a choice taken).
    pub changed: bool,
    /// The calendar was opened this frame (so a form may close others).
    pub opened: bool,
}

impl PartialEq for TimeField {
    /// Equal when they hold the same time; whether the calendar is open
    /// is how it is shown, not what it holds.
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.kept == other.kept
    }
}

impl Eq for TimeField {}

impl TimeField {
    /// A field holding `at`, written in `zone`.
    pub fn of(at: Timestamp, zone: LocalZone) -> Self {
        Self {
            text: zone.entry(at),
            kept: Some(at),
            calendar: None,
        }
    }

    /// A field at the first whole hour of `zone`'s clock after `now`.
    pub fn next_hour(zone: LocalZone, now: Timestamp) -> Self {
        let in_an_hour = chrono::DateTime::from_timestamp(now.unix_seconds() + 3600, 0)
            .map_or(now, Timestamp::from_utc);
        Self {
            text: WallClock::of(in_an_hour, zone).at_minute(0).entry(),
            ..Self::default()
        }
    }

    /// The moment the field holds: the one it was made from while its text
    /// is unchanged, else the text read in `zone`.
    pub fn value(&self, zone: LocalZone) -> Result<Timestamp, LocalTimeError> {
        match self.kept {
            Some(at) if zone.entry(at) == self.text.trim() => Ok(at),
            _ => zone.parse_entry(&self.text),
        }
    }

    /// The wall clock the picker starts from: the text's, else `now`'s.
    fn clock(&self, zone: LocalZone, now: Timestamp) -> WallClock {
        WallClock::read(&self.text, zone).unwrap_or_else(|| WallClock::of(now, zone))
    }

    /// Whether the calendar is open.
    pub fn calendar_open(&self) -> bool {
        self.calendar.is_some()
    }

    /// Opens the calendar on the month of the field's day, or closes it.
    pub fn toggle_calendar(&mut self, zone: LocalZone, now: Timestamp) {
        self.calendar = match self.calendar {
            Some(_) => None,
            None => Some(CalendarMonth::of(self.clock(zone, now).date())),
        };
    }

    /// Closes the calendar.
    pub fn close_calendar(&mut self) {
        self.calendar = None;
    }

    /// Shows the month `months` before or after the one shown.
    pub fn shift_month(&mut self, months: i32) {
        self.calendar = self.calendar.map(|m| m.shifted(months));
    }

    /// Picks `date`, keeping the time of day (or starting at 10:00 when
    /// the field held no time).
    pub fn pick_day(&mut self, date: chrono::NaiveDate, zone: LocalZone) {
        self.text = match WallClock::read(&self.text, zone) {
            Some(clock) => clock.on(date),
            None => WallClock::day_at(date, FIRST_HOUR),
        }
        .entry();
    }

    /// Picks the hour, keeping the day and minute.
    pub fn pick_hour(&mut self, hour: u32, zone: LocalZone, now: Timestamp) {
        self.text = self.clock(zone, now).at_hour(hour).entry();
    }

    /// Picks the minute, keeping the day and hour.
    pub fn pick_minute(&mut self, minute: u32, zone: LocalZone, now: Timestamp) {
        self.text = self.clock(zone, now).at_minute(minute).entry();
    }

    /// Takes one of the two moments a repeated local time can be.
    pub fn choose(&mut self, choice: &TimeChoice) {
        self.text.clone_from(&choice.text);
    }

    /// Draws the field; `label` names it for a screen reader and `what`
    /// names its buttons (`interview 1`).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        label: egui::Id,
        what: &str,
        zone: LocalZone,
        now: Timestamp,
    ) -> TimeFieldOutput {
        let mut out = TimeFieldOutput::default();
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                out.changed |= ui
                    .add(
                        egui::TextEdit::singleline(&mut self.text)
                            .hint_text("2026-11-24 10:00")
                            .desired_width(150.0),
                    )
                    .labelled_by(label)
                    .changed();
                let name = format!("Calendar for {what}");
                let button = ui
                    .add(egui::Button::new("Calendar").selected(self.calendar_open()))
                    .on_hover_text(&name);
                button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if button.clicked() {
                    self.toggle_calendar(zone, now);
                    out.opened = self.calendar_open();
                }
            });
            out.changed |= self.feedback_ui(ui, zone, now);
            if self.calendar.is_some() {
                out.changed |= self.calendar_ui(ui, zone, now);
            }
        });
        out
    }

    /// What the text is, in words, or why it is not one moment.
    fn feedback_ui(&mut self, ui: &mut egui::Ui, zone: LocalZone, now: Timestamp) -> bool {
        if self.text.trim().is_empty() {
            ui.weak(format!("{} time", zone.name()));
            return false;
        }
        match self.value(zone) {
            Ok(at) => {
                ui.weak(zone.moment_with_zone(at, now));
                false
            }
            Err(err @ LocalTimeError::Twice { .. }) => {
                ui.colored_label(ui.visuals().warn_fg_color, err.to_string());
                let LocalTimeError::Twice { choices, .. } = err else {
                    return false;
                };
                let mut chose = None;
                ui.horizontal(|ui| {
                    for choice in choices.iter() {
                        if ui
                            .button(format!("{} ({})", choice.text, choice.zone_name))
                            .clicked()
                        {
                            chose = Some(choice.clone());
                        }
                    }
                });
                chose.map(|c| self.choose(&c)).is_some()
            }
            Err(err) => {
                ui.colored_label(ui.visuals().error_fg_color, err.to_string());
                false
            }
        }
    }

    /// The month of day buttons, the hour and the minute.
    fn calendar_ui(&mut self, ui: &mut egui::Ui, zone: LocalZone, now: Timestamp) -> bool {
        let Some(month) = self.calendar else {
            return false;
        };
        let picked = WallClock::read(&self.text, zone);
        let today = WallClock::of(now, zone).date();
        let mut changed = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Previous month").clicked() {
                    self.shift_month(-1);
                }
                ui.strong(month.title());
                if ui.button("Next month").clicked() {
                    self.shift_month(1);
                }
            });
            egui::Grid::new(ui.scope_id().with("days"))
                .num_columns(7)
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    for name in CalendarMonth::WEEKDAYS {
                        ui.weak(name);
                    }
                    ui.end_row();
                    for week in month.weeks() {
                        for day in week {
                            let Some(day) = day else {
                                ui.label("");
                                continue;
                            };
                            let text = egui::RichText::new(format!("{:>2}", day.format("%-d")));
                            let text = if day == today { text.strong() } else { text };
                            let selected = picked.is_some_and(|p| p.date() == day);
                            let button = ui.add(
                                egui::Button::new(text)
                                    .selected(selected)
                                    .min_size(egui::vec2(26.0, 0.0)),
                            );
                            let name = day.format("%a %-d %B %Y").to_string();
                            button.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::Button,
                                    true,
                                    selected,
                                    &name,
                                )
                            });
                            if button.clicked() {
                                self.pick_day(day, zone);
                                changed = true;
                            }
                        }
                        ui.end_row();
                    }
                });
            let clock = self.clock(zone, now);
            ui.horizontal(|ui| {
                // All 24 hours at once: no scrolling to reach the evening.
                let hours = (0..24).map(|h| (h, format!("{h:02}")));
                if let Some(hour) = choice_ui(ui, "Hour", clock.hour(), hours, 560.0) {
                    self.pick_hour(hour, zone, now);
                    changed = true;
                }
                let minutes = (0..60).step_by(5).map(|m| (m, format!(":{m:02}")));
                if let Some(minute) = choice_ui(ui, "Minute", clock.minute(), minutes, 200.0) {
                    self.pick_minute(minute, zone, now);
                    changed = true;
                }
                if ui.button("Done").clicked() {
                    self.close_calendar();
                }
            });
        });
        changed
    }
}

/// A labelled combo box of `options` (value, text) showing `current` as
/// two digits; returns the value picked.
fn choice_ui(
    ui: &mut egui::Ui,
    name: &str,
    current: u32,
    options: impl Iterator<Item = (u32, String)>,
    height: f32,
) -> Option<u32> {
    let label = ui.label(name);
    let mut picked = None;
    egui::ComboBox::from_id_salt(ui.scope_id().with(name))
        .selected_text(format!("{current:02}"))
        .width(48.0)
        .height(height)
        .show_ui(ui, |ui| {
            for (value, text) in options {
                if ui.selectable_label(current == value, text).clicked() {
                    picked = Some(value);
                }
            }
        })
        .response
        .labelled_by(label.id);
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> LocalZone {
        LocalZone::named("Europe/Berlin").unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn an_untouched_field_keeps_its_seconds() {
        let zone = berlin();
        let field = TimeField::of(at("2026-11-24T09:00:30Z"), zone);
        assert_eq!(field.text, "2026-11-24 10:00");
        assert_eq!(field.value(zone), Ok(at("2026-11-24T09:00:30Z")));
        let mut typed = field.clone();
        typed.text = "2026-11-24 11:00".to_owned();
        assert_eq!(typed.value(zone), Ok(at("2026-11-24T10:00:00Z")));
    }

    #[test]
    fn picking_writes_what_typing_would() {
        let zone = berlin();
        let now = at("2026-11-20T08:00:00Z");
        let mut field = TimeField::default();
        field.toggle_calendar(zone, now);
        assert!(field.calendar_open());
        field.shift_month(1);
        field.pick_day(chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), zone);
        assert_eq!(field.text, "2026-12-03 10:00");
        field.pick_hour(14, zone, now);
        field.pick_minute(30, zone, now);
        assert_eq!(field.text, "2026-12-03 14:30");
        assert_eq!(field.value(zone), Ok(at("2026-12-03T13:30:00Z")));
        assert_eq!(
            TimeField::next_hour(zone, at("2026-11-20T08:10:00Z")).text,
            "2026-11-20 10:00"
        );
        // The calendar being open is not part of what the field holds.
        let mut closed = field.clone();
        closed.close_calendar();
        assert_eq!(closed, field);
    }

    #[test]
    fn a_repeated_time_is_chosen_not_guessed() {
        let zone = berlin();
        let mut field = TimeField {
            text: "2026-10-25 02:30".to_owned(),
            ..TimeField::default()
        };
        let Err(LocalTimeError::Twice { choices, .. }) = field.value(zone) else {
            panic!("02:30 happens twice in Berlin on 25 October 2026");
        };
        field.choose(&choices[1]);
        assert_eq!(field.value(zone), Ok(at("2026-10-25T01:30:00Z")));
    }
}
