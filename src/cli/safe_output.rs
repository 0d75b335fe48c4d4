//! Owns what reaches the terminal: every byte a command writes to stdout
//! or stderr passes through [`Escaping`], which writes control and bidi
//! characters out as [`escape`] does, so text from a file written before
//! the rule (or by a hand that ignored it) is read, never obeyed.
//!
//! JSON stays JSON: its output uses JSON's own `\u202e` for what
//! serde_json leaves raw. A file written with `-o FILE` is data, not the
//! terminal, and is written as it is.

use std::io::{self, Write};

use crate::model::{Escape, escape};

/// A writer that escapes what it passes on to `inner`.
///
/// A character split across two writes is held until its last byte comes;
/// bytes that are not UTF-8 are written as `\xHH`. [`Write::flush`] writes
/// whatever is held.
pub struct Escaping<'w> {
    inner: &'w mut dyn Write,
    form: Escape,
    held: Vec<u8>,
}

impl<'w> Escaping<'w> {
    /// Escapes in `form` on the way to `inner`.
    pub fn new(inner: &'w mut dyn Write, form: Escape) -> Self {
        Self {
            inner,
            form,
            held: Vec::new(),
        }
    }

    /// Writes what is held, up to a character cut short (kept for the next
    /// write) unless this is the `end`.
    fn pass_on(&mut self, end: bool) -> io::Result<()> {
        let mut start = 0;
        while start < self.held.len() {
            let rest = self.held.get(start..).unwrap_or_default();
            let (valid, bad) = match std::str::from_utf8(rest) {
                Ok(text) => (text, None),
                Err(err) => (
                    std::str::from_utf8(rest.get(..err.valid_up_to()).unwrap_or_default())
                        .unwrap_or_default(),
                    Some(err.error_len()),
                ),
            };
            // A carriage return at the end may be the start of a CRLF.
            let (valid, cr_held) = match valid.strip_suffix('\r') {
                Some(before) if !end && bad.is_none() => (before, true),
                _ => (valid, false),
            };
            self.inner.write_all(escape(valid, self.form).as_bytes())?;
            start += valid.len();
            match bad {
                None if cr_held => break,
                None => start = self.held.len(),
                Some(None) if !end => break,
                Some(len) => {
                    let len = len.unwrap_or(self.held.len() - start);
                    for byte in self.held.get(start..start + len).unwrap_or_default() {
                        write!(self.inner, "\\x{byte:02x}")?;
                    }
                    start += len;
                }
            }
        }
        self.held.drain(..start.min(self.held.len()));
        Ok(())
    }
}

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(buf);
        self.pass_on(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(form: Escape, pieces: &[&[u8]]) -> String {
        let mut sink = Vec::new();
        let mut out = Escaping::new(&mut sink, form);
        for piece in pieces {
            out.write_all(piece).unwrap();
        }
        out.flush().unwrap();
        String::from_utf8(sink).unwrap()
    }

    #[test]
    fn control_and_bidi_characters_arrive_escaped_and_lines_kept() {
        assert_eq!(
            through(
                Escape::Text,
                &[b"Eve\x1b[2J\tok\r\n", "\u{202e}x\n".as_bytes()]
            ),
            "Eve\\u{1b}[2J\tok\r\n\\u{202e}x\n"
        );
    }

    #[test]
    fn a_character_cut_between_writes_is_joined() {
        let rlo = "\u{202e}".as_bytes();
        let out = through(Escape::Text, &[&rlo[..1], &rlo[1..2], &rlo[2..], b"!"]);
        assert_eq!(out, "\\u{202e}!");
        let e = "é".as_bytes();
        assert_eq!(through(Escape::Line, &[&e[..1], &e[1..]]), "é");
    }

    #[test]
    fn a_carriage_return_before_a_line_feed_in_the_next_write_is_kept() {
        assert_eq!(through(Escape::Text, &[b"a\r", b"\nb\r"]), "a\r\nb\\u{d}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_written_as_hex() {
        assert_eq!(
            through(Escape::Text, &[b"a\x9bb", b"\xe2\x80"]),
            "a\\x9bb\\xe2\\x80"
        );
    }

    #[test]
    fn json_keeps_its_own_escapes() {
        let json = serde_json::to_string(&serde_json::json!({"n": "\u{202e}\u{1b}"})).unwrap();
        let out = through(Escape::Json, &[json.as_bytes()]);
        assert_eq!(out, r#"{"n":"\u202e\u001b"}"#);
    }
}
