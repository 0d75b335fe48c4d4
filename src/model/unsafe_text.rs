//! Owns the one rule for characters that act instead of being read: control
//! characters (C0, DEL, C1), which a terminal obeys (`ESC [2J` clears the
//! screen), and the bidirectional embeddings, overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069), which reorder what is shown so a name
//! reads as another.
//!
//! Text entering the workspace is checked here ([`check_field`]); text
//! leaving it (a terminal, a log, the screen) is escaped here ([`escape`]),
//! so a file written before the rule cannot act either. Right-to-left
//! names need none of these: Arabic and Hebrew letters carry their own
//! direction, and the marks U+200E and U+200F are welcome.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// What a text is for, which decides whether tab and line breaks belong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    /// A name, title, id or email: one line, no control character at all.
    Line,
    /// Free text such as evidence and notes: tab, line feed and carriage
    /// return are part of it; no other control character.
    Free,
}

/// A character that is refused in workspace text and escaped on its way
/// out. Displays as `U+001B ESC`, `U+202E RIGHT-TO-LEFT OVERRIDE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnsafeChar(char);

/// The two families of unsafe characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsafeKind {
    /// C0 (U+0000–U+001F), DEL (U+007F) or C1 (U+0080–U+009F).
    Control,
    /// A bidirectional embedding, override or isolate.
    Bidi,
}

impl UnsafeChar {
    /// `c` as an unsafe character, or `None` for a character that is only
    /// read (letters, marks, U+200E and U+200F included).
    pub fn of(c: char) -> Option<Self> {
        kind(c).map(|_| Self(c))
    }

    /// The character itself.
    pub fn char(self) -> char {
        self.0
    }

    /// Which family it belongs to.
    pub fn kind(self) -> UnsafeKind {
        kind(self.0).unwrap_or(UnsafeKind::Control)
    }

    /// Its short name (`ESC`, `CSI`, `RIGHT-TO-LEFT OVERRIDE`).
    pub fn name(self) -> &'static str {
        let code = u32::from(self.0);
        let index = |base: u32| usize::try_from(code - base).unwrap_or(usize::MAX);
        match code {
            0x00..=0x1f => C0_NAMES.get(index(0)).copied().unwrap_or("control"),
            0x7f => "DEL",
            0x80..=0x9f => C1_NAMES.get(index(0x80)).copied().unwrap_or("control"),
            0x202a..=0x202e => BIDI_EMBEDDINGS
                .get(index(0x202a))
                .copied()
                .unwrap_or("bidi"),
            0x2066..=0x2069 => BIDI_ISOLATES.get(index(0x2066)).copied().unwrap_or("bidi"),
            _ => "control",
        }
    }
}

impl fmt::Display for UnsafeChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X} {}", u32::from(self.0), self.name())
    }
}

/// The C0 controls' names, U+0000 to U+001F.
const C0_NAMES: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US",
];

/// The C1 controls' names, U+0080 to U+009F (ECMA-48's abbreviations).
const C1_NAMES: [&str; 32] = [
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU",
    "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI",
    "SCI", "CSI", "ST", "OSC", "PM", "APC",
];

/// U+202A to U+202E.
const BIDI_EMBEDDINGS: [&str; 5] = [
    "LEFT-TO-RIGHT EMBEDDING",
    "RIGHT-TO-LEFT EMBEDDING",
    "POP DIRECTIONAL FORMATTING",
    "LEFT-TO-RIGHT OVERRIDE",
    "RIGHT-TO-LEFT OVERRIDE",
];

/// U+2066 to U+2069.
const BIDI_ISOLATES: [&str; 4] = [
    "LEFT-TO-RIGHT ISOLATE",
    "RIGHT-TO-LEFT ISOLATE",
    "FIRST STRONG ISOLATE",
    "POP DIRECTIONAL ISOLATE",
];

fn kind(c: char) -> Option<UnsafeKind> {
    match c {
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(UnsafeKind::Control),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(UnsafeKind::Bidi),
        _ => None,
    }
}

/// Whether `c` is refused in a text of `role`.
pub fn refused_in(c: char, role: TextRole) -> bool {
    match role {
        TextRole::Line => kind(c).is_some(),
        TextRole::Free => !matches!(c, '\t' | '\n' | '\r') && kind(c).is_some(),
    }
}

/// The first refused character of a text, and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(*.found, *.role))]
pub struct UnsafeText {
    /// The character.
    pub found: UnsafeChar,
    /// Its byte offset in the text checked.
    pub offset: usize,
    /// How many characters come before it (a column's distance from the
    /// text's start).
    pub chars_before: usize,
    /// What the text was checked as.
    pub role: TextRole,
}

fn describe(found: UnsafeChar, role: TextRole) -> String {
    match (found.kind(), role) {
        (UnsafeKind::Bidi, _) => format!(
            "carries {found}, which reorders how text is shown (right-to-left names need no such character; U+200E and U+200F marks are fine)"
        ),
        (UnsafeKind::Control, TextRole::Line) => format!(
            "carries {found}, a control character: a name, title or id holds none (a terminal would obey it)"
        ),
        (UnsafeKind::Control, TextRole::Free) => format!(
            "carries {found}, a control character: text holds tabs and line breaks, no other (a terminal would obey it)"
        ),
    }
}

/// The first character of `text` refused in a text of `role`, if any.
pub fn check_field(text: &str, role: TextRole) -> Result<(), UnsafeText> {
    match text
        .char_indices()
        .enumerate()
        .find(|(_, (_, c))| refused_in(*c, role))
    {
        None => Ok(()),
        Some((chars_before, (offset, c))) => Err(UnsafeText {
            found: UnsafeChar(c),
            offset,
            chars_before,
            role,
        }),
    }
}

/// How [`escape`] writes what it escapes, and what it keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// One line on screen or in a log: every unsafe character, tab and
    /// line breaks included, as `\u{1b}`.
    Line,
    /// Text whose lines are its own (a command's output, evidence): tab,
    /// line feed and a carriage return before a line feed are kept; every
    /// other unsafe character as `\u{1b}`.
    Text,
    /// Serialized JSON: unsafe characters that JSON lets stand raw in a
    /// string (DEL, C1, bidi controls) as JSON's own `\u202e`, so the
    /// document means the same and stays JSON. Whitespace between values
    /// is kept.
    Json,
}

/// `text` with every unsafe character written out so it is seen and never
/// acted on (see [`Escape`]). Borrows when there is nothing to escape.
///
/// The one function every exit uses: the command line's output and errors,
/// the log, the screen.
pub fn escape(text: &str, form: Escape) -> Cow<'_, str> {
    let keep = |c: char, next: Option<char>| match form {
        Escape::Line => false,
        Escape::Text | Escape::Json => {
            matches!(c, '\t' | '\n') || (c == '\r' && next == Some('\n'))
        }
    };
    let mut chars = text.char_indices().peekable();
    let first = loop {
        let Some((at, c)) = chars.next() else {
            return Cow::Borrowed(text);
        };
        let next = chars.peek().map(|(_, n)| *n);
        if kind(c).is_some() && !keep(c, next) {
            break at;
        }
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(text.get(..first).unwrap_or_default());
    let mut rest = text.get(first..).unwrap_or_default().chars().peekable();
    while let Some(c) = rest.next() {
        let next = rest.peek().copied();
        if kind(c).is_none() || keep(c, next) {
            out.push(c);
        } else if form == Escape::Json {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
    Cow::Owned(out)
}

/// [`escape`] for one line on screen: the form names, titles and ids are
/// drawn in.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape(text, Escape::Line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_characters_as_unicode_does() {
        let named = |c: char| UnsafeChar::of(c).map(|u| u.to_string());
        assert_eq!(named('\u{1b}').as_deref(), Some("U+001B ESC"));
        assert_eq!(named('\u{7}').as_deref(), Some("U+0007 BEL"));
        assert_eq!(named('\u{0}').as_deref(), Some("U+0000 NUL"));
        assert_eq!(named('\u{1f}').as_deref(), Some("U+001F US"));
        assert_eq!(named('\u{7f}').as_deref(), Some("U+007F DEL"));
        assert_eq!(named('\u{9b}').as_deref(), Some("U+009B CSI"));
        assert_eq!(named('\u{9f}').as_deref(), Some("U+009F APC"));
        assert_eq!(
            named('\u{202e}').as_deref(),
            Some("U+202E RIGHT-TO-LEFT OVERRIDE")
        );
        assert_eq!(
            named('\u{202a}').as_deref(),
            Some("U+202A LEFT-TO-RIGHT EMBEDDING")
        );
        assert_eq!(
            named('\u{2069}').as_deref(),
            Some("U+2069 POP DIRECTIONAL ISOLATE")
        );
        assert_eq!(
            named('\u{2066}').as_deref(),
            Some("U+2066 LEFT-TO-RIGHT ISOLATE")
        );
    }

    #[test]
    fn letters_and_direction_marks_are_only_read() {
        for c in [
            'a', 'é', 'ש', 'م', '\u{200e}', '\u{200f}', '\u{a0}', '\u{2065}', '\u{2029}',
        ] {
            assert_eq!(UnsafeChar::of(c), None, "{c:?}");
        }
        assert!(check_field("\u{5e9}\u{5e8}\u{5d4} \u{200f}כהן", TextRole::Line).is_ok());
        assert!(check_field("\u{645}\u{62d}\u{645}\u{62f} \u{200e}(Mo)", TextRole::Line).is_ok());
    }

    #[test]
    fn a_line_refuses_tab_and_newline_free_text_keeps_them() {
        assert!(check_field("a\tb\r\nc", TextRole::Free).is_ok());
        let tab = check_field("ab\tc", TextRole::Line).unwrap_err();
        assert_eq!(
            (tab.found.char(), tab.offset, tab.chars_before),
            ('\t', 2, 2)
        );
        let esc = check_field("é\u{1b}[2J", TextRole::Free).unwrap_err();
        assert_eq!((esc.offset, esc.chars_before), (2, 1));
        assert!(
            esc.to_string()
                .starts_with("carries U+001B ESC, a control character")
        );
        let rlo = check_field("Eve\u{202e}gnp.exe", TextRole::Free).unwrap_err();
        assert!(rlo.to_string().contains("U+202E RIGHT-TO-LEFT OVERRIDE"));
    }

    #[test]
    fn escape_shows_each_unsafe_character_and_borrows_clean_text() {
        assert!(matches!(
            escape("Priya Raman", Escape::Line),
            Cow::Borrowed(_)
        ));
        assert!(matches!(escape("a\tb\n", Escape::Text), Cow::Borrowed(_)));
        assert_eq!(escape("Eve\u{1b}[2J", Escape::Line), "Eve\\u{1b}[2J");
        assert_eq!(escape("a\tb\nc", Escape::Line), "a\\u{9}b\\u{a}c");
        assert_eq!(escape("a\tb\r\nc\rd", Escape::Text), "a\tb\r\nc\\u{d}d");
        assert_eq!(escape("\u{202e}x\u{9b}", Escape::Text), "\\u{202e}x\\u{9b}");
        assert_eq!(
            escape("{\"n\": \"\u{202e}\u{7f}\"}\n", Escape::Json),
            "{\"n\": \"\\u202e\\u007f\"}\n"
        );
    }

    #[test]
    fn escaped_json_reads_back_as_the_same_text() {
        let name = "Eve\u{202e}\u{9b}\u{1b}]0;x\u{7}";
        let json = serde_json::to_string(&serde_json::json!({ "name": name })).unwrap();
        let safe = escape(&json, Escape::Json);
        assert!(!safe.chars().any(|c| UnsafeChar::of(c).is_some()), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], name);
    }
}
