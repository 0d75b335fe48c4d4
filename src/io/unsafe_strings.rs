//! Owns finding control and bidi characters in the strings of a RON file,
//! each at its own line and column: `validate` names every file that holds
//! one (the rule itself is `model::unsafe_text`).
//!
//! Every string literal is read as ron reads it (escapes such as `\u{1b}`
//! decoded, raw strings as written) and checked by the field it is the
//! value of: names, titles, ids and emails as one line
//! ([`TextRole::Line`]), any other field as free text that may hold tabs
//! and line breaks. A map's keys are ids or names, so one line.

use std::path::Path;

use super::FileError;
use super::locate::line_col;
use crate::model::{TextRole, UnsafeChar, refused_in};

/// Fields whose strings are one line: names, titles, ids, emails, and the
/// references to them. Every other field is free text.
const LINE_FIELDS: &[&str] = &[
    "id",
    "name",
    "title",
    "role",
    "template",
    "template_id",
    "candidate",
    "interviewer",
    "interviewers",
    "stage",
    "opening",
    "hiring_manager",
    "decided_by",
    "email",
    "emails",
    "external_id",
    "uid",
    "dimension",
    "dimensions",
    "level",
    "case",
    "topic",
    "term",
    "terms",
    "users",
    "form_definition_id",
];

/// Most characters reported in one file: a file made of them says so in
/// its first lines, and a terminal is not flooded.
const MOST_REPORTED: usize = 20;

/// Every refused character in the strings of `text` (RON), in file order,
/// at most [`MOST_REPORTED`]. Never panics, whatever the text: on text ron
/// would refuse it reports what it can.
pub fn unsafe_string_errors(path: &Path, text: &str) -> Vec<FileError> {
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        frames: Vec::new(),
        found: Vec::new(),
    };
    scan.run();
    scan.found
        .into_iter()
        .take(MOST_REPORTED)
        .map(|(offset, c, field)| {
            let at = line_col(text, offset);
            let role = role_of(field);
            let what = match field {
                None => "a key",
                Some("") => "a string",
                Some(name) => name,
            };
            let message = crate::model::check_field(&c.char().to_string(), role)
                .err()
                .map_or_else(String::new, |e| e.to_string());
            FileError::new(path, at.line, at.column, format!("{what} {message}"))
        })
        .collect()
}

fn role_of(field: Option<&str>) -> TextRole {
    match field {
        None => TextRole::Line,
        Some(name) if LINE_FIELDS.contains(&name) => TextRole::Line,
        Some(_) => TextRole::Free,
    }
}

/// One bracket open around the position.
struct Frame<'t> {
    brace: bool,
    /// The field whose value this bracket is (or is inside).
    field: Option<&'t str>,
    /// In a map: the next string is a key.
    key_next: bool,
}

struct Scan<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    frames: Vec<Frame<'t>>,
    /// Byte offset, character, field (`None`: a map key).
    found: Vec<(usize, UnsafeChar, Option<&'t str>)>,
}

impl<'t> Scan<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn run(&mut self) {
        // The field named last at this level, for the value that follows.
        let mut pending: Option<&'t str> = None;
        while let Some(byte) = self.peek() {
            match byte {
                b'/' if self.peek_at(1) == Some(b'/') => self.skip_line_comment(),
                b'/' if self.peek_at(1) == Some(b'*') => self.skip_block_comment(),
                b'"' => {
                    let field = self.string_field(pending);
                    self.pos += 1;
                    self.escaped_string(b'"', field);
                }
                b'\'' => {
                    let field = self.string_field(pending);
                    self.pos += 1;
                    self.escaped_string(b'\'', field);
                }
                b'r' if matches!(self.peek_at(1), Some(b'"' | b'#'))
                    && self.raw_string(pending) => {}
                b'(' | b'[' | b'{' => {
                    let inherited = pending.or_else(|| self.frames.last().and_then(|f| f.field));
                    self.frames.push(Frame {
                        brace: byte == b'{',
                        field: inherited,
                        key_next: byte == b'{',
                    });
                    pending = None;
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    self.frames.pop();
                    pending = None;
                    self.pos += 1;
                }
                b',' => {
                    if let Some(frame) = self.frames.last_mut()
                        && frame.brace
                    {
                        frame.key_next = true;
                    }
                    pending = None;
                    self.pos += 1;
                }
                b':' => {
                    if let Some(frame) = self.frames.last_mut()
                        && frame.brace
                    {
                        frame.key_next = false;
                    }
                    self.pos += 1;
                }
                b if b.is_ascii_alphabetic() || b == b'_' => {
                    let start = self.pos;
                    while self
                        .peek()
                        .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'#')
                    {
                        self.pos += 1;
                    }
                    let ident = self.text.get(start..self.pos).unwrap_or_default();
                    let ident = ident.strip_prefix("r#").unwrap_or(ident);
                    if self.colon_follows() && !self.frames.last().is_some_and(|f| f.brace) {
                        pending = Some(ident);
                        if let Some(frame) = self.frames.last_mut() {
                            frame.field = Some(ident);
                        }
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Whether a `:` comes next, past whitespace and comments.
    fn colon_follows(&self) -> bool {
        let mut at = self.pos;
        while let Some(&b) = self.bytes.get(at) {
            match b {
                b' ' | b'\t' | b'\r' | b'\n' => at += 1,
                b':' => return self.bytes.get(at + 1) != Some(&b':'),
                _ => return false,
            }
        }
        false
    }

    /// The field a string starting here is the value of; `None` for a key.
    fn string_field(&self, pending: Option<&'t str>) -> Option<&'t str> {
        match self.frames.last() {
            Some(frame) if frame.brace && frame.key_next => None,
            Some(frame) => pending.or(frame.field).or(Some("")),
            None => pending.or(Some("")),
        }
    }

    fn note(&mut self, offset: usize, c: char, field: Option<&'t str>) {
        if refused_in(c, role_of(field))
            && let Some(found) = UnsafeChar::of(c)
        {
            self.found.push((offset, found, field));
        }
    }

    fn skip_line_comment(&mut self) {
        while let Some(b) = self.peek() {
            if b == b'\n' {
                return;
            }
            self.pos += 1;
        }
    }

    fn skip_block_comment(&mut self) {
        self.pos += 2;
        let mut depth = 1usize;
        while depth > 0 {
            match (self.peek(), self.peek_at(1)) {
                (None, _) => return,
                (Some(b'/'), Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
    }

    /// A quoted string or char from just past its opening quote: each
    /// character as ron decodes it, at the place it is written.
    fn escaped_string(&mut self, quote: u8, field: Option<&'t str>) {
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let mut chars = rest.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let offset = self.pos + at;
            if c == char::from(quote) {
                self.pos = offset + 1;
                return;
            }
            if c != '\\' {
                self.note(offset, c, field);
                continue;
            }
            let Some((_, kind)) = chars.next() else {
                break;
            };
            let decoded = match kind {
                'n' => Some('\n'),
                't' => Some('\t'),
                'r' => Some('\r'),
                '0' => Some('\0'),
                'b' => Some('\u{8}'),
                'f' => Some('\u{c}'),
                'x' => {
                    let hex: String = (0..2)
                        .filter_map(|_| chars.next())
                        .map(|(_, h)| h)
                        .collect();
                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                }
                'u' => {
                    let mut hex = String::new();
                    if chars.peek().is_some_and(|(_, c)| *c == '{') {
                        chars.next();
                        for (_, h) in chars.by_ref() {
                            if h == '}' {
                                break;
                            }
                            hex.push(h);
                        }
                    } else {
                        hex.extend((0..4).filter_map(|_| chars.next()).map(|(_, h)| h));
                    }
                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                }
                other => Some(other),
            };
            if let Some(c) = decoded {
                self.note(offset, c, field);
            }
        }
        self.pos = self.bytes.len();
    }

    /// A raw string `r#"…"#` starting here, if it is one (else `r#ident`,
    /// left to the caller, and `false`).
    fn raw_string(&mut self, pending: Option<&'t str>) -> bool {
        let mut at = self.pos + 1;
        let mut hashes = 0;
        while self.bytes.get(at) == Some(&b'#') {
            hashes += 1;
            at += 1;
        }
        if self.bytes.get(at) != Some(&b'"') {
            return false;
        }
        let field = self.string_field(pending);
        let body = at + 1;
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        let rest = self.text.get(body..).unwrap_or_default();
        let end = rest.find(&closing).map_or(rest.len(), |i| i);
        for (i, c) in rest.get(..end).unwrap_or_default().char_indices() {
            self.note(body + i, c, field);
        }
        self.pos = (body + end + closing.len()).min(self.bytes.len());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        unsafe_string_errors(Path::new("f.ron"), text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_raw_escape_in_a_name_is_found_at_its_column() {
        let text = "Candidate(\n    id: \"c-1\",\n    name: \"Eve\u{1b}[2J\",\n)";
        let errors = found(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("f.ron:3:15: name carries U+001B ESC"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_written_escape_is_found_where_it_is_written() {
        let text = r#"Person(name: "Ann\u{202e}gnp", emails: ["a\x07@b.c"])"#;
        let errors = found(text);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("f.ron:1:18: name carries U+202E RIGHT-TO-LEFT OVERRIDE"));
        assert!(errors[1].starts_with("f.ron:1:43: emails carries U+0007 BEL"));
    }

    #[test]
    fn free_text_keeps_tabs_and_line_breaks_a_name_does_not() {
        let text = "Scorecard(interviewer: \"Ann\\tLee\", ratings: {\"iac\": (rating: Meets, evidence: \"a\\n\\tb\\r\\n\")}, notes: \"x\ny\")";
        let errors = found(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("f.ron:1:28: interviewer carries U+0009 HT"));
    }

    #[test]
    fn free_text_refuses_other_controls_and_keys_are_one_line() {
        let text = "S(notes: r#\"see \u{9b}31m\"#, unrated_evidence: {\"a\u{85}b\": \"ok\"})";
        let errors = found(text);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("notes carries U+009B CSI"), "{errors:?}");
        assert!(errors[1].contains("a key carries U+0085 NEL"), "{errors:?}");
    }

    #[test]
    fn right_to_left_names_and_comments_pass() {
        let text = "// \u{1b} in a comment is never shown\nPerson(name: \"\u{5e9}\u{5e8}\u{5d4} \u{200f}כהן\", emails: [])";
        assert!(found(text).is_empty());
    }

    #[test]
    fn text_cut_short_or_garbled_is_no_panic() {
        for text in [
            "\"\\",
            "r#\"abc",
            "{\"a\": ",
            "((((",
            "\\u{zz",
            "'\\x1",
            "x: \"\u{1b}",
        ] {
            let _ = found(text);
        }
        assert_eq!(found("x: \"\u{1b}").len(), 1);
    }
}
