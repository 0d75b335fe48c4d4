//! The app's side of the reminders (DESIGN.md "Reminders"): when the
//! notification of the user's own overdue scorecards is due, and what the
//! reminder threads' news does to the app.

use std::time::Duration;

use super::reminders::ReminderEvent;
use super::scorecard_app::ScorecardApp;
use crate::export::overdue_reminder;
use crate::io::PendingFilter;
use crate::model::InterviewerId;
use crate::ui::Command;

impl ScorecardApp {
    /// The reminders' news (a click opens the scorecard; a mail client that
    /// did not answer leaves the mail on the clipboard), and the
    /// notification of the user's own overdue scorecards when it is due:
    /// once the workspace is read and caught up, then hourly.
    pub(super) fn remind(&mut self, ctx: &egui::Context, time: f64) {
        for event in self.reminders.take_events() {
            match event {
                ReminderEvent::Clicked { candidate, stage } => {
                    self.apply(Command::StartInterview { candidate, stage }, time);
                }
                // Logged once by `take_events`; Home lists what is owed.
                ReminderEvent::NotificationFailed(_) => {}
                ReminderEvent::MailOpened(mail) => {
                    self.info = Some(match mail.to {
                        Some(to) => format!("Reminder mail to {to} opened in the mail client"),
                        None => "Reminder mail opened in the mail client".to_owned(),
                    });
                }
                ReminderEvent::MailFailed(mail, err) => {
                    log::warn!("{err:#}");
                    ctx.copy_text(mail.as_text());
                    self.problems.push(
                        "No mail client answered: the reminder is on the clipboard, ready to paste into a mail"
                            .to_owned(),
                    );
                }
            }
        }
        if !(self.ws.loaded && self.ws.caught_up && self.reminders.notifications_on()) {
            return;
        }
        let Some(me) = InterviewerId::typed(&self.settings.interviewer) else {
            return;
        };
        let now = self.clock.now();
        if self.reminders.schedule_mut().take_due(&me, now) {
            let filter = PendingFilter {
                interviewer: Some(me),
                overdue_only: true,
                ..Default::default()
            };
            let pending = self.ws.snapshot.pending(now, &filter);
            let snapshot = &self.ws.snapshot;
            let zone = self.settings.zone(self.system_zone);
            if let Some(reminder) = overdue_reminder(&pending, zone, now, |p| {
                snapshot.stage_name(p.candidate, &p.interview.stage)
            }) {
                self.reminders.notify(reminder);
            }
        }
        if let Some(seconds) = self.reminders.seconds_until_next(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(seconds.max(1.0)));
        }
    }
}
