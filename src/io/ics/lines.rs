//! Content lines (RFC 5545 §3.1): the text unfolded, with the line each
//! content line starts on, and each one cut into name, parameters and
//! value by `icalendar`'s parser.
//!
//! CRLF and LF both end a line. A line that starts with a space or a tab
//! continues the one before (that one character is dropped). Blank lines
//! are skipped (some clients end their files with one).

use icalendar::parser::Property;
use rayon::prelude::*;

use super::IcsError;

/// One content line, unfolded and parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ContentLine {
    /// The 1-based line of the file it starts on.
    pub line: usize,
    /// Its name, uppercase (`DTSTART`, `X-MICROSOFT-CDO-BUSYSTATUS`).
    pub name: String,
    /// Its parameters: names uppercase, values as written (quotes taken off).
    pub params: Vec<(String, String)>,
    /// Its value; a TEXT value (`SUMMARY`, `DESCRIPTION`, …) unescaped.
    pub value: String,
    /// Where each parameter starts (1-based column on `line`, when it
    /// stands on that line; else 1), in the order of `params`.
    pub param_columns: Vec<usize>,
    /// Where the value starts (as `param_columns`).
    pub value_column: usize,
}

impl ContentLine {
    /// The value of parameter `name` (uppercase), if given.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The column parameter `name` starts at, else 1.
    pub fn param_column(&self, name: &str) -> usize {
        self.params
            .iter()
            .position(|(key, _)| key == name)
            .and_then(|i| self.param_columns.get(i).copied())
            .unwrap_or(1)
    }

    /// An error about this line.
    pub fn error(&self, column: usize, message: impl Into<String>) -> IcsError {
        IcsError::new(self.line, column, message)
    }
}

/// The logical lines of `text`: (first physical line, unfolded text,
/// length in bytes of the part on that first line).
pub(super) fn unfold(text: &str) -> Result<Vec<(usize, String, usize)>, IcsError> {
    let mut lines: Vec<(usize, String, usize)> = Vec::new();
    // Whether the last logical line is free text (a DESCRIPTION) that
    // Exchange may have written with raw line breaks in it.
    let mut in_free_text = false;
    let mut blank_lines = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let number = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if in_free_text && !raw.starts_with([' ', '\t']) && !starts_property(raw) {
            // An unfolded line break inside free text: the text goes on
            // (as escaped line breaks, which the value's parser reads);
            // blank lines count only when more text follows them.
            if raw.trim().is_empty() {
                blank_lines += 1;
            } else if let Some((_, logical, _)) = lines.last_mut() {
                logical.push_str(&"\\n".repeat(blank_lines + 1));
                logical.push_str(raw);
                blank_lines = 0;
            }
            continue;
        }
        blank_lines = 0;
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            match lines.last_mut() {
                Some((_, logical, _)) => logical.push_str(rest),
                None if raw.trim().is_empty() => {}
                None => {
                    return Err(IcsError::new(
                        number,
                        1,
                        "broken line: it starts with a space (a folded line's continuation), but no line comes before it",
                    ));
                }
            }
            continue;
        }
        if raw.trim().is_empty() {
            continue;
        }
        in_free_text = property_name(raw)
            .is_some_and(|name| FREE_TEXT.iter().any(|free| name.eq_ignore_ascii_case(free)));
        lines.push((number, raw.to_owned(), raw.len()));
    }
    Ok(lines)
}

/// The properties whose value is prose, where a line that starts no
/// property is taken as the prose going on.
const FREE_TEXT: [&str; 3] = ["DESCRIPTION", "COMMENT", "X-ALT-DESC"];

/// Every property name of RFC 5545 and RFC 7986 (and BEGIN/END): a line
/// starting with one of these, or with an `X-` name, starts a property
/// even inside free text.
const PROPERTY_NAMES: [&str; 57] = [
    "BEGIN",
    "END",
    "CALSCALE",
    "METHOD",
    "PRODID",
    "VERSION",
    "ATTACH",
    "CATEGORIES",
    "CLASS",
    "COMMENT",
    "DESCRIPTION",
    "GEO",
    "LOCATION",
    "PERCENT-COMPLETE",
    "PRIORITY",
    "RESOURCES",
    "STATUS",
    "SUMMARY",
    "COMPLETED",
    "DTEND",
    "DUE",
    "DTSTART",
    "DURATION",
    "FREEBUSY",
    "TRANSP",
    "TZID",
    "TZNAME",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "TZURL",
    "ATTENDEE",
    "CONTACT",
    "ORGANIZER",
    "RECURRENCE-ID",
    "RELATED-TO",
    "URL",
    "UID",
    "EXDATE",
    "RDATE",
    "RRULE",
    "ACTION",
    "REPEAT",
    "TRIGGER",
    "CREATED",
    "DTSTAMP",
    "LAST-MODIFIED",
    "SEQUENCE",
    "REQUEST-STATUS",
    "NAME",
    "REFRESH-INTERVAL",
    "SOURCE",
    "COLOR",
    "IMAGE",
    "CONFERENCE",
    "TZUNTIL",
    "TZID-ALIAS-OF",
    "ACKNOWLEDGED",
];

/// The name a line starts with, if it starts like a content line
/// (`NAME:` or `NAME;`).
fn property_name(raw: &str) -> Option<&str> {
    let end = raw.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))?;
    (end > 0 && matches!(raw[end..].chars().next(), Some(':' | ';'))).then(|| &raw[..end])
}

/// Whether `raw` starts a property: a known name or an `X-` one.
fn starts_property(raw: &str) -> bool {
    property_name(raw).is_some_and(|name| {
        name.get(..2).is_some_and(|x| x.eq_ignore_ascii_case("X-"))
            || PROPERTY_NAMES
                .iter()
                .any(|known| name.eq_ignore_ascii_case(known))
    })
}

/// Every content line of `text`, cut on every core; the first broken
/// one (in file order) is the error.
pub(super) fn content_lines(text: &str) -> Result<Vec<ContentLine>, IcsError> {
    let parsed: Vec<Result<ContentLine, IcsError>> = unfold(text)?
        .into_par_iter()
        .map(|(line, logical, first_len)| parse_line(line, &logical, first_len))
        .collect();
    parsed.into_iter().collect()
}

/// One content line: `NAME *(;PARAM=VALUE) : VALUE`.
fn parse_line(line: usize, text: &str, first_len: usize) -> Result<ContentLine, IcsError> {
    let name_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    let name = &text[..name_end];
    let next = text[name_end..].chars().next();
    if name.is_empty() || !matches!(next, Some(':' | ';')) {
        let message = if text.contains(':') {
            format!(
                "broken line: {:?} is not a property name (a content line reads NAME:VALUE)",
                shorten(text.split(':').next().unwrap_or_default())
            )
        } else {
            format!(
                "broken line: no ':' between a property's name and its value in {:?} (a content line reads NAME:VALUE)",
                shorten(text)
            )
        };
        return Err(IcsError::new(line, 1, message));
    }
    let Some(colon) = value_colon(text, name_end) else {
        return Err(IcsError::new(
            line,
            1,
            format!(
                "broken line: no ':' between {name}'s name and its value (a content line reads NAME:VALUE)"
            ),
        ));
    };
    let column = |at: usize| if at < first_len { at + 1 } else { 1 };
    let upper_name = name.to_ascii_uppercase();
    // BEGIN and END mark components: the parser leaves them to its caller.
    if upper_name == "BEGIN" || upper_name == "END" {
        return Ok(ContentLine {
            line,
            name: upper_name,
            params: Vec::new(),
            value: text[colon + 1..].trim().to_owned(),
            param_columns: Vec::new(),
            value_column: column(colon + 1),
        });
    }
    // The parser unescapes TEXT values of the names it knows, written
    // uppercase, as RFC 5545 allows any case.
    let upper = format!("{upper_name}{}", &text[name_end..]);
    let parsed = Property::try_from(upper.as_str()).map_err(|_| {
        IcsError::new(
            line,
            name_end + 1,
            format!("broken line: the parameters of {name} cannot be read"),
        )
    })?;
    let params = parsed
        .params
        .iter()
        .map(|p| {
            (
                p.key.as_str().to_ascii_uppercase(),
                p.val
                    .as_ref()
                    .map(|v| v.as_str().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let param_columns = param_starts(&text[..colon])
        .into_iter()
        .map(column)
        .collect();
    Ok(ContentLine {
        line,
        name: upper_name,
        params,
        value: parsed.val.as_str().to_owned(),
        param_columns,
        value_column: column(colon + 1),
    })
}

/// The byte offset of the ':' that ends the parameters (not one inside a
/// quoted parameter value), looking from `from`.
fn value_colon(text: &str, from: usize) -> Option<usize> {
    let mut quoted = false;
    for (at, c) in text.char_indices().skip_while(|(at, _)| *at < from) {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(at),
            _ => {}
        }
    }
    None
}

/// The byte offsets of each parameter's name in `head` (the text before
/// the value's ':').
fn param_starts(head: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut quoted = false;
    for (at, c) in head.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => starts.push(at + 1),
            _ => {}
        }
    }
    starts
}

fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolds_crlf_and_lf_and_keeps_first_line_numbers() {
        let text =
            "BEGIN:VEVENT\r\nDESCRIPTION:one\r\n  two\r\n\t three\r\nSUMMARY:x\nEND:VEVENT\n\n";
        let lines = unfold(text).unwrap();
        let got: Vec<(usize, &str)> = lines.iter().map(|(n, l, _)| (*n, l.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, "BEGIN:VEVENT"),
                (2, "DESCRIPTION:one two three"),
                (5, "SUMMARY:x"),
                (6, "END:VEVENT"),
            ]
        );
    }

    #[test]
    fn raw_line_breaks_in_a_description_go_on_with_its_text() {
        let text = "BEGIN:VEVENT\r\nDESCRIPTION;LANGUAGE=en-GB:\r\nDear team,\r\n\r\n\
                    Meeting ID: 42\r\nhttps://example.com/j/1\r\n+1 555 0100,,42# US\r\n\
                    SUMMARY:Interview\r\nx-ms-olk:1\r\nEND:VEVENT\r\n";
        let lines = content_lines(text).unwrap();
        let got: Vec<(usize, &str, &str)> = lines
            .iter()
            .map(|l| (l.line, l.name.as_str(), l.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "BEGIN", "VEVENT"),
                (
                    2,
                    "DESCRIPTION",
                    "\nDear team,\n\nMeeting ID: 42\nhttps://example.com/j/1\n+1 555 0100,,42# US"
                ),
                (8, "SUMMARY", "Interview"),
                (9, "X-MS-OLK", "1"),
                (10, "END", "VEVENT"),
            ]
        );
        // Outside free text a line that starts no property is still broken.
        let err = content_lines("BEGIN:VEVENT\nSUMMARY:x\nMeeting ID: 42\n").unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn a_continuation_with_nothing_before_is_an_error() {
        let err = unfold(" BEGIN:VCALENDAR\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
    }

    #[test]
    fn parses_quoted_params_colons_and_text_escapes() {
        let lines = content_lines(
            "ATTENDEE;CUTYPE=ROOM;CN=\"Raman, Priya\";PARTSTAT=ACCEPTED:mailto:p@example.com\n\
             dtstart;tzid=\"(UTC+01:00) Amsterdam, Berlin\":20261201T100000\n\
             DESCRIPTION:Line one\\nwith\\, a comma\\; and more\n",
        )
        .unwrap();
        assert_eq!(lines[0].name, "ATTENDEE");
        assert_eq!(lines[0].param("CN"), Some("Raman, Priya"));
        assert_eq!(lines[0].param("CUTYPE"), Some("ROOM"));
        assert_eq!(lines[0].value, "mailto:p@example.com");
        assert_eq!(lines[0].param_column("CN"), 22);
        assert_eq!(lines[1].name, "DTSTART");
        assert_eq!(
            lines[1].param("TZID"),
            Some("(UTC+01:00) Amsterdam, Berlin")
        );
        assert_eq!(lines[1].value, "20261201T100000");
        assert_eq!(lines[2].value, "Line one\nwith, a comma; and more");
    }

    #[test]
    fn broken_lines_say_where() {
        let err = content_lines("BEGIN:VCALENDAR\nSUMMARY Interview\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("no ':'"), "{}", err.message);
        let err = content_lines("BEGIN:VCALENDAR\n\nSUM MARY:x\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(
            err.message.contains("not a property name"),
            "{}",
            err.message
        );
    }
}
