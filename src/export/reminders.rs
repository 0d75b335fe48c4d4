//! Reminders of owed scorecards, as text other tools take (DESIGN.md
//! "Reminders"): the desktop notification of one's own overdue scorecards,
//! the coordinator's `mailto:` to an interviewer, and `scorecard pending
//! --format ics` (one `VTODO` per owed scorecard, for calendar clients).

use std::fmt::Write;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::model::{InterviewState, LocalZone, PlannedInterview, Slug, Timestamp, span_words};

/// A desktop notification of the user's own overdue scorecards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// The headline: how many are overdue.
    pub title: String,
    /// The oldest one, named.
    pub body: String,
    /// The candidate of the oldest one: clicking the notification opens it.
    pub candidate: Slug,
    /// Its stage (`""`: the general interview).
    pub stage: String,
}

/// The reminder of the overdue scorecards among `pending` (sorted as
/// [`crate::model::sort_pending`] sorts them: the most overdue first), or
/// `None` when none is overdue. `stage_name` turns a stage id into the
/// words the app shows; times read in `zone`, the year shown when it is
/// not `now`'s.
pub fn overdue_reminder(
    pending: &[PlannedInterview<'_>],
    zone: LocalZone,
    now: Timestamp,
    stage_name: impl Fn(&PlannedInterview<'_>) -> String,
) -> Option<Reminder> {
    let overdue: Vec<&PlannedInterview<'_>> = pending
        .iter()
        .filter(|p| p.state == InterviewState::Overdue)
        .collect();
    let oldest = overdue
        .iter()
        .copied()
        .max_by(|a, b| a.hours_overdue.total_cmp(&b.hours_overdue))?;
    let title = match overdue.len() {
        1 => "1 scorecard is overdue".to_owned(),
        n => format!("{n} scorecards are overdue"),
    };
    let draft = if oldest.draft { " (draft started)" } else { "" };
    let body = format!(
        "The oldest: {}, {}, due {}, overdue by {}{draft}.",
        oldest.candidate.name,
        stage_name(oldest),
        zone.moment_with_zone(oldest.due, now),
        hours_words(oldest.hours_overdue),
    );
    Some(Reminder {
        title,
        body,
        candidate: oldest.candidate.id.clone(),
        stage: oldest.interview.stage.to_string(),
    })
}

/// "5 h", "3 days": how long, for people ([`span_words`]).
fn hours_words(hours: f64) -> String {
    // Whole seconds: the model's hours come from them.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "hours of a plan, far from i64's range"
    )]
    let seconds = (hours * 3600.0).round() as i64;
    span_words(seconds.max(3600))
}

/// What a `mailto:` reminder to an interviewer says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderMail {
    /// The interviewer's address, when the workspace knows it
    /// (`people.ron`); without one the mail client asks.
    pub to: Option<String>,
    /// The subject line.
    pub subject: String,
    /// The message.
    pub body: String,
}

impl ReminderMail {
    /// The reminder of `interviewer`'s scorecard for `candidate_name` at
    /// `stage_name`, interviewed at `at`, due at `due`; the times are the
    /// sender's, `zone`'s, with its name (the reader may live elsewhere).
    #[expect(clippy::too_many_arguments, reason = "each is one part of the mail")]
    pub fn new(
        to: Option<String>,
        interviewer: &str,
        candidate_name: &str,
        stage_name: &str,
        at: Timestamp,
        due: Timestamp,
        zone: LocalZone,
        now: Timestamp,
    ) -> Self {
        let at = zone.moment_with_zone(at, now);
        let due = zone.moment_with_zone(due, now);
        let first = interviewer.split_whitespace().next().unwrap_or(interviewer);
        Self {
            to,
            subject: format!("Scorecard owed: {candidate_name}, {stage_name}"),
            body: format!(
                "Hi {first},\n\nyour scorecard for {candidate_name} ({stage_name}, \
                 interviewed {at}) was due {due}. Please submit it in Scorecard so the \
                 panel can debrief.\n\nThank you!\n"
            ),
        }
    }

    /// The `mailto:` URL (RFC 6068): address, subject and body
    /// percent-encoded, line ends as `%0D%0A`.
    pub fn url(&self) -> String {
        let to = self
            .to
            .as_deref()
            .map(|to| utf8_percent_encode(to.trim(), MAILTO_ADDRESS).to_string())
            .unwrap_or_default();
        let body = self.body.replace("\r\n", "\n").replace('\n', "\r\n");
        format!(
            "mailto:{to}?subject={}&body={}",
            utf8_percent_encode(&self.subject, MAILTO_TEXT),
            utf8_percent_encode(&body, MAILTO_TEXT)
        )
    }

    /// The mail as plain text, for the clipboard when no mail client
    /// answers.
    pub fn as_text(&self) -> String {
        format!(
            "To: {}\nSubject: {}\n\n{}",
            self.to.as_deref().unwrap_or(""),
            self.subject,
            self.body
        )
    }
}

/// Characters left as they are in a `mailto:` address: `@` and what an
/// address commonly holds.
const MAILTO_ADDRESS: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'@')
    .remove(b'.')
    .remove(b'-')
    .remove(b'_')
    .remove(b'+');

/// Characters left as they are in a `mailto:` header value: RFC 3986's
/// unreserved ones.
const MAILTO_TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'-')
    .remove(b'_')
    .remove(b'~');

/// `scorecard pending --format ics`: an iCalendar file (RFC 5545) with one
/// `VTODO` per owed scorecard, `DUE` its due time, so a calendar client
/// lists what each interviewer owes. The `UID` is stable (candidate,
/// interviewer and stage), so importing a newer file updates the same
/// to-do instead of adding another. `stage_name` turns a stage id into
/// words.
pub fn pending_ics(
    as_of: Timestamp,
    pending: &[PlannedInterview<'_>],
    stage_name: impl Fn(&PlannedInterview<'_>) -> String,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Scorecard//Owed scorecards//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    for p in pending {
        let who = p.interview.interviewer.trim();
        let stage = stage_name(p);
        let uid = format!(
            "{}--{}--{}@scorecard.invalid",
            p.candidate.id,
            crate::model::InterviewerId::new(who),
            if p.interview.stage.is_empty() {
                "general"
            } else {
                p.interview.stage.as_str()
            }
        );
        let state = if p.state == InterviewState::Overdue {
            format!("overdue by {}", hours_words(p.hours_overdue))
        } else {
            "owed".to_owned()
        };
        let draft = if p.draft { "; a draft is started" } else { "" };
        line(&mut out, "BEGIN:VTODO");
        property(&mut out, "UID", &uid);
        line(&mut out, &format!("DTSTAMP:{}", ics_time(as_of)));
        line(&mut out, &format!("DTSTART:{}", ics_time(p.interview.at)));
        line(&mut out, &format!("DUE:{}", ics_time(p.due)));
        property(
            &mut out,
            "SUMMARY",
            &format!("Scorecard: {}, {stage} ({who})", p.candidate.name),
        );
        property(
            &mut out,
            "DESCRIPTION",
            &format!(
                "{who} interviewed {} ({stage}) at {}. The scorecard is {state}{draft}.",
                p.candidate.name, p.interview.at
            ),
        );
        line(&mut out, "STATUS:NEEDS-ACTION");
        if p.state == InterviewState::Overdue {
            line(&mut out, "PRIORITY:1");
        }
        line(&mut out, "END:VTODO");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A UTC time as iCalendar writes it: `20261122T100000Z`.
fn ics_time(at: Timestamp) -> String {
    at.as_utc().format("%Y%m%dT%H%M%SZ").to_string()
}

/// A text property, escaped and folded.
fn property(out: &mut String, name: &str, value: &str) {
    line(out, &format!("{name}:{}", escape_text(value)));
}

/// RFC 5545 §3.3.11: backslash, semicolon, comma and line ends escaped.
fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// One content line, folded at 75 octets (never inside a character), ended
/// with CRLF (RFC 5545 §3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    // Writing into a String cannot fail.
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Candidate, Interview, plan_status};

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn candidate() -> Candidate {
        let mut c = Candidate::new(
            Slug::new("c-1").unwrap(),
            "Zoë Ångström, Jr.",
            Slug::new("tpl").unwrap(),
            t("2026-11-20T09:00:00Z"),
        );
        c.interviews = vec![
            Interview::new("incident-bridge", "Sam Lee", t("2026-11-21T10:00:00Z")),
            Interview::new("", "Sam Lee", t("2026-11-24T08:00:00Z")),
            Interview::new("design", "Kim Park", t("2026-11-25T09:00:00Z")),
        ];
        c
    }

    fn stage(p: &PlannedInterview<'_>) -> String {
        if p.interview.stage.is_empty() {
            "General interview".to_owned()
        } else {
            p.interview.stage.to_string()
        }
    }

    #[test]
    fn the_reminder_counts_the_overdue_and_names_the_oldest() {
        let c = candidate();
        let mut pending = plan_status(&c, &[], 24, t("2026-11-25T10:00:00Z"));
        crate::model::sort_pending(&mut pending);
        let berlin = LocalZone::named("Europe/Berlin").unwrap();
        let now = t("2026-11-25T10:00:00Z");
        let reminder = overdue_reminder(&pending, berlin, now, stage).unwrap();
        assert_eq!(reminder.title, "2 scorecards are overdue");
        assert_eq!(
            reminder.body,
            "The oldest: Zoë Ångström, Jr., incident-bridge, due Sun 22 Nov, 11:00 CET, overdue by 3 days."
        );
        assert_eq!(reminder.candidate.as_str(), "c-1");
        assert_eq!(reminder.stage, "incident-bridge");
        // Nothing overdue yet: no reminder.
        let early = plan_status(&c, &[], 24, t("2026-11-21T12:00:00Z"));
        assert_eq!(overdue_reminder(&early, berlin, now, stage), None);
    }

    #[test]
    fn a_mailto_encodes_every_part() {
        let mail = ReminderMail::new(
            Some("sam.lee+hiring@example.com".to_owned()),
            "Sam Lee",
            "Zoë & Co",
            "Incident bridge",
            t("2026-11-21T10:00:00Z"),
            t("2026-11-22T10:00:00Z"),
            LocalZone::named("America/New_York").unwrap(),
            t("2026-11-23T10:00:00Z"),
        );
        assert!(
            mail.body
                .contains("(Incident bridge, interviewed Sat 21 Nov, 05:00 EST) was due Sun 22 Nov, 05:00 EST."),
            "{}",
            mail.body
        );
        let url = mail.url();
        assert!(
            url.starts_with(
                "mailto:sam.lee+hiring@example.com?subject=Scorecard%20owed%3A%20Zo%C3%AB%20%26%20Co%2C%20Incident%20bridge&body=Hi%20Sam%2C%0D%0A%0D%0Ayour%20scorecard"
            ),
            "{url}"
        );
        assert!(!url.contains(' ') && !url.contains('\n'), "{url}");
        let nobody = ReminderMail { to: None, ..mail };
        assert!(nobody.url().starts_with("mailto:?subject="));
    }

    #[test]
    fn the_ics_has_one_todo_per_owed_scorecard_escaped_and_folded() {
        let c = candidate();
        let as_of = t("2026-11-25T10:00:00Z");
        let mut pending: Vec<_> = plan_status(&c, &[], 24, as_of)
            .into_iter()
            .filter(|p| p.state.is_owed())
            .collect();
        crate::model::sort_pending(&mut pending);
        let ics = pending_ics(as_of, &pending, stage);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VTODO").count(), 3);
        assert_eq!(ics.matches("PRIORITY:1").count(), 2);
        assert!(ics.contains("UID:c-1--sam-lee--incident-bridge@scorecard.invalid\r\n"));
        assert!(ics.contains("DUE:20261122T100000Z\r\n"));
        assert!(
            ics.contains("SUMMARY:Scorecard: Zoë Ångström\\, Jr.\\, incident-bridge (Sam Lee)\r\n")
        );
        for raw in ics.split("\r\n") {
            assert!(raw.len() <= 75, "a line over 75 octets: {raw:?}");
        }
        // Unfolded, the description reads whole.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(
            "DESCRIPTION:Sam Lee interviewed Zoë Ångström\\, Jr. (General interview) at 2026-11-24T08:00:00Z. The scorecard is overdue by 2 h."
        ), "{unfolded}");
    }
}
