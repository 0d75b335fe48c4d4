//! The text of a file another program wrote (an ATS's CSV, a calendar's
//! `.ics`): UTF-8 with or without a byte-order mark, or UTF-16 with one
//! (Windows Calendar writes UTF-16LE). Anything else is an error at the
//! first byte that is not UTF-8, which names Latin-1/Windows-1252 when the
//! file looks written in it (no UTF-8 character anywhere, and that byte a
//! letter there) and ends with the caller's hint to save it as UTF-8.

use std::path::Path;

use super::FileError;
use super::locate::line_col;

/// The text of `bytes`, read from `path` (named in errors); `hint` ends
/// the error of a file that is not UTF-8 (`export the file as "CSV
/// UTF-8"`).
pub(crate) fn decode_text(path: &Path, bytes: &[u8], hint: &str) -> Result<String, FileError> {
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(path, rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(path, rest, u16::from_be_bytes, "UTF-16BE");
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let valid = bytes
                .get(..err.valid_up_to())
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default();
            let at = line_col(valid, valid.len());
            let bad = bytes.get(err.valid_up_to()).copied().unwrap_or_default();
            let what = match cp1252(bad) {
                Some(letter) if !has_utf8_character(bytes) => format!(
                    "not UTF-8 text: it looks like Latin-1 or Windows-1252 (cp1252), where byte 0x{bad:02x} is {letter:?}"
                ),
                _ => format!("not UTF-8 text: byte 0x{bad:02x} cannot start a character"),
            };
            Err(FileError::new(
                path,
                at.line,
                at.column,
                format!("{what} ({hint})"),
            ))
        }
    }
}

/// UTF-16 text after its byte-order mark; `unit` reads two bytes.
fn utf16(
    path: &Path,
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    name: &str,
) -> Result<String, FileError> {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let pending: Vec<u16> = pairs
        .filter_map(|pair| match pair {
            [a, b] => Some(unit([*a, *b])),
            _ => None,
        })
        .collect();
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(pending) {
        match c {
            Ok(c) => text.push(c),
            Err(err) => {
                let at = line_col(&text, text.len());
                return Err(FileError::new(
                    path,
                    at.line,
                    at.column,
                    format!(
                        "{name} text with a broken character (0x{:04x} stands alone)",
                        err.unpaired_surrogate()
                    ),
                ));
            }
        }
    }
    if odd {
        let at = line_col(&text, text.len());
        return Err(FileError::new(
            path,
            at.line,
            at.column,
            format!("{name} text cut in the middle of a character (an odd number of bytes)"),
        ));
    }
    Ok(text)
}

/// The letter `byte` is in Windows-1252 (a superset of Latin-1's
/// printable range), if it is one of its characters beyond ASCII.
fn cp1252(byte: u8) -> Option<char> {
    const HIGH: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    match byte {
        0x80..=0x9f => HIGH.get(usize::from(byte - 0x80)).copied().flatten(),
        0xa0..=0xff => Some(char::from(byte)),
        _ => None,
    }
}

/// Whether `bytes` hold at least one well-formed UTF-8 character beyond
/// ASCII (then the file is UTF-8 with a broken character, not Latin-1).
fn has_utf8_character(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(at, &lead)| {
        let len = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return false,
        };
        bytes
            .get(at..at + len)
            .is_some_and(|seq| std::str::from_utf8(seq).is_ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<String, String> {
        decode_text(Path::new("in.ics"), bytes, "save it as UTF-8").map_err(|e| e.to_string())
    }

    #[test]
    fn utf8_with_or_without_a_mark_and_utf16_with_one() {
        assert_eq!(read(b"\xef\xbb\xbfJos\xc3\xa9").unwrap(), "José");
        assert_eq!(read("Zoë".as_bytes()).unwrap(), "Zoë");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Zoë\r\n€".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read(&le).unwrap(), "Zoë\r\n€");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(read(&be).unwrap(), "Zoë");
        let cut = read(&le[..le.len() - 1]).unwrap_err();
        assert!(cut.starts_with("in.ics:2:1: UTF-16LE text cut"), "{cut}");
        let lone = read(&[0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b', 0]).unwrap_err();
        assert!(
            lone.starts_with("in.ics:1:2: UTF-16LE text with a broken"),
            "{lone}"
        );
    }

    #[test]
    fn latin1_is_named_and_broken_utf8_is_not_taken_for_it() {
        let latin = read(b"A\nJos\xe9 \x93quoted\x94\n").unwrap_err();
        assert_eq!(
            latin,
            "in.ics:2:4: not UTF-8 text: it looks like Latin-1 or Windows-1252 (cp1252), where byte 0xe9 is 'é' (save it as UTF-8)"
        );
        let broken = read(b"Z\xc3\xb6e\nT\xe3\x81\n").unwrap_err();
        assert_eq!(
            broken,
            "in.ics:2:2: not UTF-8 text: byte 0xe3 cannot start a character (save it as UTF-8)"
        );
        // 0x81 is no character of Windows-1252.
        let neither = read(b"a\x81").unwrap_err();
        assert!(neither.contains("byte 0x81 cannot start"), "{neither}");
    }
}
