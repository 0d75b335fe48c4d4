//! iCalendar files (RFC 5545) as calendar clients write them, read into
//! [`InviteEvent`]s with their times in UTC.
//!
//! Layers: [`lines`] unfolds the text and cuts each content line into
//! name, parameters and value (with `icalendar`'s parser), keeping the
//! line each starts on; this module nests them into components
//! (`BEGIN:`…`END:`); [`events`] reads each `VEVENT`; [`zones`] and
//! [`rules`] turn a `TZID=` and a local time into UTC. Every error names
//! the file's line and column.

mod events;
mod lines;
mod rules;
mod windows_zones;
mod zones;

use std::path::Path;
use std::str::FromStr;

use chrono_tz::Tz;

use lines::{ContentLine, content_lines};

use super::FileError;
use crate::model::invite_import::InviteEvent;

/// The events of the iCalendar text `text`, read from `path` (named in
/// errors): every `VEVENT` of every `VCALENDAR`, in file order. A floating
/// time of a calendar without `X-WR-TIMEZONE` is read in this computer's
/// zone ([`system_zone`]). An error is the file's (it is not iCalendar, a
/// line is broken, a component is not closed); one event's trouble is
/// that event's [`problem`](InviteEvent::problem).
///
/// [`system_zone`]: crate::io::system_zone
pub fn parse_invite_events(path: &Path, text: &str) -> Result<Vec<InviteEvent>, FileError> {
    let floating = Tz::from_str(super::system_zone().0.name()).unwrap_or(Tz::UTC);
    parse(text, floating).map_err(|e| FileError::new(path, e.line, e.column, e.message))
}

fn parse(text: &str, floating: Tz) -> Result<Vec<InviteEvent>, IcsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    looks_like_icalendar(text)?;
    let calendars = components(content_lines(text)?)?;
    let events = events::read_events(&calendars, floating);
    // Every line of the file, small allocations each: freed while the
    // plan is made.
    super::let_go("the lines of an invite file", calendars);
    Ok(events)
}

/// A problem at a place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
struct IcsError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl IcsError {
    fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
        }
    }
}

/// One component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, …) with
/// its properties and the components inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Component {
    /// Its name, uppercase.
    pub name: String,
    /// The line of its `BEGIN:`.
    pub line: usize,
    /// Its properties, in order.
    pub props: Vec<ContentLine>,
    /// The components inside it.
    pub children: Vec<Component>,
}

impl Component {
    /// Its first property called `name` (uppercase).
    pub fn prop(&self, name: &str) -> Option<&ContentLine> {
        self.props.iter().find(|p| p.name == name)
    }
}

/// Refuses text that does not start as an iCalendar file does.
fn looks_like_icalendar(text: &str) -> Result<(), IcsError> {
    let first = text
        .split('\n')
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty());
    match first {
        None => Err(IcsError::new(
            1,
            1,
            "empty file: not an iCalendar file (.ics)",
        )),
        Some((_, line)) if line.trim().eq_ignore_ascii_case("BEGIN:VCALENDAR") => Ok(()),
        Some((i, line)) => Err(IcsError::new(
            i + 1,
            1,
            format!(
                "not an iCalendar file (.ics): it starts with {:?}, not BEGIN:VCALENDAR",
                line.trim().chars().take(40).collect::<String>()
            ),
        )),
    }
}

/// The content lines nested into components; every one at the top is a
/// `VCALENDAR` (a file may hold several).
fn components(lines: Vec<ContentLine>) -> Result<Vec<Component>, IcsError> {
    let mut roots: Vec<Component> = Vec::new();
    let mut open: Vec<Component> = Vec::new();
    for line in lines {
        match line.name.as_str() {
            "BEGIN" => {
                let name = line.value.to_ascii_uppercase();
                if open.is_empty() && name != "VCALENDAR" {
                    return Err(line.error(
                        line.value_column,
                        format!(
                            "BEGIN:{name} outside a calendar (BEGIN:VCALENDAR … END:VCALENDAR)"
                        ),
                    ));
                }
                open.push(Component {
                    name,
                    line: line.line,
                    props: Vec::new(),
                    children: Vec::new(),
                });
            }
            "END" => {
                let name = line.value.to_ascii_uppercase();
                let Some(done) = open.pop() else {
                    return Err(line.error(1, format!("END:{name} without a BEGIN:{name}")));
                };
                if done.name != name {
                    return Err(line.error(
                        line.value_column,
                        format!(
                            "END:{name}, but BEGIN:{} of line {} is not closed yet",
                            done.name, done.line
                        ),
                    ));
                }
                match open.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => roots.push(done),
                }
            }
            _ => match open.last_mut() {
                Some(component) => component.props.push(line),
                None => {
                    return Err(line.error(
                        1,
                        format!(
                            "{} outside a calendar (BEGIN:VCALENDAR … END:VCALENDAR)",
                            line.name
                        ),
                    ));
                }
            },
        }
    }
    if let Some(unclosed) = open.last() {
        return Err(IcsError::new(
            unclosed.line,
            1,
            format!(
                "BEGIN:{0} is never closed (no END:{0}): is the file cut short?",
                unclosed.name
            ),
        ));
    }
    Ok(roots)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, String) {
        let e = parse(text, Tz::UTC).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn components_nest_and_must_close() {
        let calendars = components(
            content_lines(
                "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nEND:VEVENT\nEND:VCALENDAR\n",
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(calendars.len(), 1);
        assert_eq!(calendars[0].children[0].name, "VEVENT");
        assert_eq!(calendars[0].children[0].line, 3);
        assert_eq!(calendars[0].children[0].prop("UID").unwrap().value, "1");

        let (line, _, message) = error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n");
        assert_eq!(line, 4);
        assert!(
            message.contains("BEGIN:VEVENT of line 2 is not closed"),
            "{message}"
        );
        let (line, _, message) = error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\n");
        assert_eq!(line, 2);
        assert!(message.contains("never closed"), "{message}");
    }

    #[test]
    fn what_is_not_icalendar_is_told_at_its_first_line() {
        let (line, column, message) = error("\n\nName,Email\nAlex,alex@example.com\n");
        assert_eq!((line, column), (3, 1));
        assert!(message.starts_with("not an iCalendar file"), "{message}");
        let (line, _, message) = error("");
        assert_eq!(line, 1);
        assert!(message.starts_with("empty file"), "{message}");
        // A byte-order mark is not in the way.
        assert!(parse("\u{feff}BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", Tz::UTC).is_ok());
    }
}
