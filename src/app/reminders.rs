//! Reminders of owed scorecards (DESIGN.md "Reminders"): the desktop
//! notification of the user's own overdue scorecards at start and every
//! hour, and the coordinator's *Remind* mail. Both go through the
//! [`Desktop`] on threads of their own; where the platform has no such
//! service, one line goes to the log and the app carries on.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use chrono::Duration;

use super::desktop::{Desktop, DesktopError};
use crate::export::{Reminder, ReminderMail};
use crate::model::{InterviewerId, Slug, Timestamp};

/// How often the notification comes back while scorecards stay overdue.
pub const REMINDER_INTERVAL_HOURS: i64 = 1;

/// When the next notification is due: at once for a new user (the app
/// just started, or the name in the settings changed), then an hour after
/// the last check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReminderSchedule {
    /// Whose scorecards the last check was for, and when the next is due.
    next: Option<(InterviewerId, Timestamp)>,
}

impl ReminderSchedule {
    /// Whether a check for `me` is due at `now`; if so, the next one is set
    /// an hour later.
    pub fn take_due(&mut self, me: &InterviewerId, now: Timestamp) -> bool {
        let due = match &self.next {
            Some((who, at)) => who != me || now >= *at,
            None => true,
        };
        if due {
            let next = now.as_utc() + Duration::hours(REMINDER_INTERVAL_HOURS);
            self.next = Some((me.clone(), Timestamp::from_utc(next)));
        }
        due
    }

    /// Seconds from `now` to the next check, if one is set.
    pub fn seconds_until_next(&self, now: Timestamp) -> Option<f64> {
        self.next
            .as_ref()
            .map(|(_, at)| (at.as_utc() - now.as_utc()).num_milliseconds().max(0) as f64 / 1000.0)
    }
}

/// What the reminder threads tell the app.
#[derive(Debug)]
pub enum ReminderEvent {
    /// The notification was clicked: open this scorecard.
    Clicked {
        /// The candidate.
        candidate: Slug,
        /// The stage.
        stage: String,
    },
    /// No notification service answered.
    NotificationFailed(DesktopError),
    /// The mail client was asked to open this reminder.
    MailOpened(ReminderMail),
    /// No mail client answered: the app puts the text on the clipboard.
    MailFailed(ReminderMail, DesktopError),
}

/// The app's reminders: the schedule, and the threads' news.
pub struct Reminders {
    desktop: Arc<dyn Desktop>,
    schedule: ReminderSchedule,
    sender: Sender<ReminderEvent>,
    receiver: Receiver<ReminderEvent>,
    /// Notifications failed once: not tried again this run (one log line).
    notifications_off: bool,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Reminders {
    /// Reminders through `desktop`; `wake` asks for a frame when a thread
    /// has news.
    pub fn new(desktop: Arc<dyn Desktop>, wake: impl Fn() + Send + Sync + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            desktop,
            schedule: ReminderSchedule::default(),
            sender,
            receiver,
            notifications_off: false,
            wake: Arc::new(wake),
        }
    }

    /// The schedule, to check whether the next notification is due.
    pub fn schedule_mut(&mut self) -> &mut ReminderSchedule {
        &mut self.schedule
    }

    /// Seconds to the next check.
    pub fn seconds_until_next(&self, now: Timestamp) -> Option<f64> {
        if self.notifications_off {
            None
        } else {
            self.schedule.seconds_until_next(now)
        }
    }

    /// Whether notifications are still tried.
    pub fn notifications_on(&self) -> bool {
        !self.notifications_off
    }

    /// Raises `reminder` on a thread of its own.
    pub fn notify(&self, reminder: Reminder) {
        if self.notifications_off {
            return;
        }
        let desktop = Arc::clone(&self.desktop);
        let sender = self.sender.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = thread::Builder::new()
            .name("reminder".to_owned())
            .spawn(move || {
                let event = match desktop.notify(&reminder) {
                    Ok(true) => Some(ReminderEvent::Clicked {
                        candidate: reminder.candidate,
                        stage: reminder.stage,
                    }),
                    Ok(false) => None,
                    Err(err) => Some(ReminderEvent::NotificationFailed(err)),
                };
                if let Some(event) = event
                    && sender.send(event).is_ok()
                {
                    wake();
                }
            });
        if let Err(err) = spawned {
            log::warn!("cannot start the reminder thread: {err:#}");
        }
    }

    /// Opens a reminder mail for the interviewer named `mail_for` on a
    /// thread of its own: their address from `people.ron` under `root`,
    /// then the platform's opener.
    pub fn mail(&self, root: PathBuf, mail_for: MailRequest) {
        let desktop = Arc::clone(&self.desktop);
        let sender = self.sender.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = thread::Builder::new()
            .name("reminder-mail".to_owned())
            .spawn(move || {
                let mail = mail_for.into_mail(&root);
                let event = match desktop.open_url(&mail.url()) {
                    Ok(()) => ReminderEvent::MailOpened(mail),
                    Err(err) => ReminderEvent::MailFailed(mail, err),
                };
                if sender.send(event).is_ok() {
                    wake();
                }
            });
        if let Err(err) = spawned {
            log::warn!("cannot start the reminder mail thread: {err:#}");
        }
    }

    /// The threads' news since the last frame. A failed notification turns
    /// notifications off for this run, with one line in the log.
    pub fn take_events(&mut self) -> Vec<ReminderEvent> {
        let mut events = Vec::new();
        while let Ok(event) = self.receiver.try_recv() {
            if let ReminderEvent::NotificationFailed(err) = &event {
                if self.notifications_off {
                    continue;
                }
                log::warn!("reminders stay in the app: {err:#}");
                self.notifications_off = true;
            }
            events.push(event);
        }
        events
    }
}

/// A *Remind* click, with what the mail says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailRequest {
    /// The interviewer, as planned.
    pub interviewer: String,
    /// The candidate's name.
    pub candidate_name: String,
    /// The stage's name.
    pub stage_name: String,
    /// When the interview was.
    pub at: Timestamp,
    /// When the scorecard was due.
    pub due: Timestamp,
    /// The zone the sender reads times in.
    pub zone: crate::model::LocalZone,
    /// When the mail is written.
    pub now: Timestamp,
}

impl MailRequest {
    /// The mail, addressed through the workspace's `people.ron` (no
    /// address when it does not know the interviewer, or is broken: the
    /// mail client asks, and a broken file is logged).
    fn into_mail(self, root: &std::path::Path) -> ReminderMail {
        let who = InterviewerId::new(&self.interviewer);
        let to = match crate::io::load_people(root) {
            Ok(people) => people
                .people
                .iter()
                .find(|p| InterviewerId::new(&p.name) == who)
                .and_then(|p| p.emails.first().cloned()),
            Err(err) => {
                log::warn!("the reminder mail has no address: {err:#}");
                None
            }
        };
        ReminderMail::new(
            to,
            &self.interviewer,
            &self.candidate_name,
            &self.stage_name,
            self.at,
            self.due,
            self.zone,
            self.now,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::desktop::{DesktopCall, RecordingDesktop};

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn the_schedule_fires_at_start_hourly_and_for_a_new_name() {
        let mut schedule = ReminderSchedule::default();
        let priya = InterviewerId::new("Priya Raman");
        let sam = InterviewerId::new("Sam Lee");
        assert!(schedule.take_due(&priya, t("2026-11-21T10:00:00Z")));
        assert!(!schedule.take_due(&priya, t("2026-11-21T10:59:59Z")));
        assert_eq!(
            schedule.seconds_until_next(t("2026-11-21T10:30:00Z")),
            Some(1800.0)
        );
        assert!(schedule.take_due(&priya, t("2026-11-21T11:00:00Z")));
        assert!(!schedule.take_due(&priya, t("2026-11-21T11:10:00Z")));
        // Someone else's name in the settings: their check is due at once.
        assert!(schedule.take_due(&sam, t("2026-11-21T11:10:00Z")));
        assert!(!schedule.take_due(&sam, t("2026-11-21T11:20:00Z")));
    }

    fn reminder() -> Reminder {
        Reminder {
            title: "1 scorecard is overdue".to_owned(),
            body: "The oldest: Alex Doe".to_owned(),
            candidate: Slug::new("c-1").unwrap(),
            stage: "incident-bridge".to_owned(),
        }
    }

    fn wait_events(reminders: &mut Reminders, n: usize) -> Vec<ReminderEvent> {
        let start = std::time::Instant::now();
        let mut events = Vec::new();
        while events.len() < n && start.elapsed() < std::time::Duration::from_secs(10) {
            events.extend(reminders.take_events());
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        events
    }

    #[test]
    fn a_click_opens_the_scorecard_and_a_missing_service_turns_them_off_once() {
        let desktop = RecordingDesktop::clicking();
        let mut reminders = Reminders::new(Arc::new(desktop.clone()), || {});
        reminders.notify(reminder());
        let events = wait_events(&mut reminders, 1);
        assert!(matches!(
            &events[..],
            [ReminderEvent::Clicked { candidate, stage }]
                if candidate.as_str() == "c-1" && stage == "incident-bridge"
        ));
        assert_eq!(desktop.calls(), [DesktopCall::Notify(reminder())]);

        let missing = RecordingDesktop::missing();
        let mut reminders = Reminders::new(Arc::new(missing.clone()), || {});
        reminders.notify(reminder());
        let events = wait_events(&mut reminders, 1);
        assert!(matches!(
            &events[..],
            [ReminderEvent::NotificationFailed(_)]
        ));
        assert!(!reminders.notifications_on());
        assert_eq!(
            reminders.seconds_until_next(t("2026-11-21T10:00:00Z")),
            None
        );
        // Not tried again.
        reminders.notify(reminder());
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(reminders.take_events().is_empty());
        assert_eq!(missing.calls().len(), 1);
    }

    #[test]
    fn a_reminder_mail_is_addressed_through_people_ron_and_falls_back_without_a_client() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("people.ron"),
            "People(format: 1, people: [Person(name: \"Sam Lee\", emails: [\"sam@example.com\"])])",
        )
        .unwrap();
        let request = MailRequest {
            interviewer: "sam lee".to_owned(),
            candidate_name: "Alex Doe".to_owned(),
            stage_name: "Incident bridge".to_owned(),
            at: t("2026-11-21T10:00:00Z"),
            due: t("2026-11-22T10:00:00Z"),
            zone: crate::model::LocalZone::UTC,
            now: t("2026-11-23T10:00:00Z"),
        };
        let desktop = RecordingDesktop::answering();
        let mut reminders = Reminders::new(Arc::new(desktop.clone()), || {});
        reminders.mail(dir.path().to_owned(), request.clone());
        let events = wait_events(&mut reminders, 1);
        let [ReminderEvent::MailOpened(mail)] = &events[..] else {
            panic!("{events:?}");
        };
        assert_eq!(mail.to.as_deref(), Some("sam@example.com"));
        assert!(
            matches!(&desktop.calls()[..], [DesktopCall::Open(url)] if url.starts_with("mailto:sam@example.com?subject=Scorecard%20owed%3A%20Alex%20Doe"))
        );

        let missing = RecordingDesktop::missing();
        let mut reminders = Reminders::new(Arc::new(missing), || {});
        reminders.mail(dir.path().join("nowhere"), request);
        let events = wait_events(&mut reminders, 1);
        let [ReminderEvent::MailFailed(mail, _)] = &events[..] else {
            panic!("{events:?}");
        };
        // No people.ron there: no address, the rest is whole.
        assert_eq!(mail.to, None);
        assert!(
            mail.as_text()
                .starts_with("To: \nSubject: Scorecard owed: Alex Doe, Incident bridge\n")
        );
    }
}
