//! The platform's services the app asks for: desktop notifications and
//! the opener (a `mailto:` for the mail client). Where none runs (CI, a
//! bare X server) every call fails with a reason, and the app carries on:
//! the callers log one line and offer another way.

use std::sync::{Arc, Mutex};

use crate::export::Reminder;

/// Why a desktop service did not answer.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    /// No notification service took the notification.
    #[error("no desktop notification service answered: {0}")]
    Notification(String),
    /// The platform's opener failed.
    #[error("the platform's opener could not open {url:?}: {reason}")]
    Open {
        /// What was to be opened.
        url: String,
        /// Why not.
        reason: String,
    },
}

/// The platform's services. Called on threads of their own, never in a
/// frame: a notification service may take its time to answer.
pub trait Desktop: Send + Sync {
    /// Shows `reminder` and waits until the person clicks it (`true`) or
    /// it goes away (`false`).
    fn notify(&self, reminder: &Reminder) -> Result<bool, DesktopError>;

    /// Opens `url` with the platform's opener (`xdg-open`, `open`,
    /// `start`).
    fn open_url(&self, url: &str) -> Result<(), DesktopError>;
}

/// The real desktop: notify-rust over the platform's notification
/// service, and the `open` crate.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemDesktop;

impl Desktop for SystemDesktop {
    fn notify(&self, reminder: &Reminder) -> Result<bool, DesktopError> {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname("Scorecard")
            .summary(&reminder.title)
            .body(&reminder.body)
            .icon("scorecard");
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            notification.action("default", "Open the scorecard");
            let handle = notification
                .show()
                .map_err(|e| DesktopError::Notification(format!("{e:#}")))?;
            let mut clicked = false;
            handle.wait_for_action(|action| clicked = action == "default");
            Ok(clicked)
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            // Elsewhere a click brings the app forward, which shows Home
            // and its owed scorecards.
            notification
                .show()
                .map(|_| false)
                .map_err(|e| DesktopError::Notification(format!("{e:#}")))
        }
    }

    fn open_url(&self, url: &str) -> Result<(), DesktopError> {
        open::that_detached(url).map_err(|e| DesktopError::Open {
            url: url.to_owned(),
            reason: format!("{e:#}"),
        })
    }
}

/// What a [`RecordingDesktop`] was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DesktopCall {
    /// A notification.
    Notify(Reminder),
    /// A URL to open.
    Open(String),
}

/// A desktop for tests and benches: it records every call, answers as
/// told, and shows nothing.
#[derive(Clone, Debug, Default)]
pub struct RecordingDesktop {
    calls: Arc<Mutex<Vec<DesktopCall>>>,
    /// Whether a notification counts as clicked.
    click: bool,
    /// Whether the services are missing (every call fails, as in CI).
    missing: bool,
}

impl RecordingDesktop {
    /// Services that answer; nobody clicks a notification.
    pub fn answering() -> Self {
        Self::default()
    }

    /// Services that answer, and a person who clicks each notification.
    pub fn clicking() -> Self {
        Self {
            click: true,
            ..Self::default()
        }
    }

    /// No notification service and no opener, as in CI.
    pub fn missing() -> Self {
        Self {
            missing: true,
            ..Self::default()
        }
    }

    /// Every call so far, oldest first.
    pub fn calls(&self) -> Vec<DesktopCall> {
        self.calls.lock().map(|c| c.clone()).unwrap_or_default()
    }

    fn record(&self, call: DesktopCall) {
        if let Ok(mut calls) = self.calls.lock() {
            calls.push(call);
        }
    }
}

impl Desktop for RecordingDesktop {
    fn notify(&self, reminder: &Reminder) -> Result<bool, DesktopError> {
        self.record(DesktopCall::Notify(reminder.clone()));
        if self.missing {
            Err(DesktopError::Notification(
                "org.freedesktop.Notifications is not on the bus".to_owned(),
            ))
        } else {
            Ok(self.click)
        }
    }

    fn open_url(&self, url: &str) -> Result<(), DesktopError> {
        self.record(DesktopCall::Open(url.to_owned()));
        if self.missing {
            Err(DesktopError::Open {
                url: url.to_owned(),
                reason: "no xdg-open".to_owned(),
            })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where no session bus runs (CI, a bare X server), the real
    /// notification fails at once with its reason: it never hangs, and the
    /// caller logs it and carries on. Where a desktop session runs, this
    /// would put a notification on the developer's screen: then it is left
    /// out.
    #[test]
    fn without_a_session_bus_a_notification_fails_soft() {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
            eprintln!("a session bus runs here: not showing a notification");
            return;
        }
        let reminder = Reminder {
            title: "1 scorecard is overdue".to_owned(),
            body: "The oldest: Alex Doe".to_owned(),
            candidate: crate::model::Slug::new("c-1").unwrap(),
            stage: String::new(),
        };
        let err = SystemDesktop.notify(&reminder).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no desktop notification service answered: "),
            "{err}"
        );
    }
}
