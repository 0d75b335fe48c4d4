//! Reading an ATS's candidate export (CSV) into checked rows: UTF-8 with
//! or without a byte-order mark, `,` or `;` separated (sniffed from the
//! header line), quoted fields with separators and line breaks inside.
//! Every problem is a [`FileError`] at the line and column of the field.

use std::path::Path;

use super::FileError;
use super::locate::line_col;
use super::text_encoding::decode_text;
use crate::model::{
    Column, ColumnMapping, ColumnOverrides, ImportRow, NameColumns, TextRole, check_field,
    looks_like_email, map_columns,
};

/// The rows of a file and how its columns were read.
#[derive(Debug)]
pub(crate) struct CsvRows {
    /// Which column holds which field.
    pub columns: ColumnMapping,
    /// The separator found: `b','` or `b';'`.
    pub delimiter: u8,
    /// The rows, blank ones left out.
    pub rows: Vec<ImportRow>,
}

/// The text of `bytes` (UTF-8 with or without a byte-order mark, or
/// UTF-16 with one), or where it stops being UTF-8.
pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<String, FileError> {
    decode_text(path, bytes, "export the file as \"CSV UTF-8\"")
}

/// The separator of a file whose text starts with `text`: whichever of
/// `;` and `,` the header line (up to its first line break outside
/// quotes) holds more of outside quotes; `,` when they tie.
pub fn sniff_delimiter(text: &str) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Byte offset where field `index` of the record starting at `start`
/// begins, walking the raw text (quotes doubled inside quotes).
pub(super) fn field_offset(text: &str, start: usize, index: usize, delimiter: u8) -> usize {
    let bytes = text.as_bytes();
    let mut pos = start;
    for _ in 0..index {
        let mut quoted = false;
        while let Some(&byte) = bytes.get(pos) {
            pos += 1;
            match byte {
                b'"' => quoted = !quoted,
                b if b == delimiter && !quoted => break,
                b'\n' if !quoted => return start,
                _ => {}
            }
        }
    }
    pos
}

/// Reads the header and every row of `text` (decoded), each row checked:
/// as many fields as the header, a name, an email that looks like one.
/// Rows whose fields are all blank are left out. All the problems are
/// returned, in file order.
pub(crate) fn read_rows(
    path: &Path,
    text: &str,
    overrides: &ColumnOverrides,
) -> Result<CsvRows, Vec<FileError>> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None => {
            return Err(vec![FileError::whole_file(
                path,
                "the file is empty: expected a header line such as `Name,Email`",
            )]);
        }
        Some(Err(err)) => return Err(vec![csv_error(path, text, &err)]),
        Some(Ok(header)) => header,
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let columns = map_columns(&headers, overrides)
        .map_err(|err| vec![FileError::new(path, 1, 1, err.to_string())])?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    // The file's own line of each record, counted from its byte offset
    // (the csv reader's count is one short in CRLF files).
    let (mut counted_to, mut counted_line) = (0usize, 1usize);
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                errors.push(csv_error(path, text, &err));
                continue;
            }
        };
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        // In a CRLF file the reader's record starts at the '\n' of the
        // line break before it: the record starts after it.
        let mut start = record.position().map_or(0, byte);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if let Some(between) = text.as_bytes().get(counted_to..start) {
            counted_line += between.iter().filter(|b| **b == b'\n').count();
            counted_to = start;
        }
        let line = counted_line;
        let at = |column: &Column| {
            let spot = line_col(text, field_offset(text, start, column.index, delimiter));
            (spot.line, spot.column)
        };
        if record.len() != headers.len() {
            errors.push(FileError::new(
                path,
                line,
                1,
                format!(
                    "this row has {} fields, the header has {}: a separator inside a field needs quotes around the field",
                    record.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let cell = |column: &Column| record.get(column.index).unwrap_or_default().trim();
        let (name, name_column) = match &columns.name {
            NameColumns::Full(column) => (cell(column).to_owned(), column),
            NameColumns::Parts { first, last } => {
                let parts: Vec<&str> = [first, last]
                    .into_iter()
                    .flatten()
                    .map(cell)
                    .filter(|part| !part.is_empty())
                    .collect();
                let Some(column) = first.as_ref().or(last.as_ref()) else {
                    continue;
                };
                (parts.join(" "), column)
            }
        };
        let mut row_ok = true;
        // A control or bidi character in a name, email or id: the row is
        // refused, so it never reaches a file or a terminal.
        let mut checked: Vec<(&Column, &str)> = match &columns.name {
            NameColumns::Full(column) => vec![(column, "the name")],
            NameColumns::Parts { first, last } => {
                [(first, "the first name"), (last, "the last name")]
                    .into_iter()
                    .filter_map(|(column, what)| column.as_ref().map(|c| (c, what)))
                    .collect()
            }
        };
        checked.extend(columns.email.iter().map(|c| (c, "the email")));
        checked.extend(columns.external_id.iter().map(|c| (c, "the ATS id")));
        for (column, what) in checked {
            if let Err(found) = check_field(cell(column), TextRole::Line) {
                let field_start = field_offset(text, start, column.index, delimiter);
                let offset = text
                    .get(field_start..)
                    .and_then(|rest| rest.find(found.found.char()))
                    .map_or(field_start, |i| field_start + i);
                let spot = line_col(text, offset);
                errors.push(FileError::new(
                    path,
                    spot.line,
                    spot.column,
                    format!("{what} {found} (column {:?})", column.header),
                ));
                row_ok = false;
            }
        }
        if !row_ok {
            continue;
        }
        if name.is_empty() {
            let (l, c) = at(name_column);
            errors.push(FileError::new(
                path,
                l,
                c,
                format!(
                    "blank name: every candidate needs one (column {:?})",
                    name_column.header
                ),
            ));
            row_ok = false;
        }
        // Several addresses in one cell (Lever asks for commas): the
        // first is the candidate's email, all of them match.
        let emails: Vec<&str> = columns
            .email
            .as_ref()
            .map(cell)
            .unwrap_or_default()
            .split([',', ';', ' ', '\t', '\n'])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        if let Some(column) = &columns.email
            && let Some(bad) = emails.iter().find(|e| !looks_like_email(e))
        {
            let (l, c) = at(column);
            errors.push(FileError::new(
                path,
                l,
                c,
                format!(
                    "{bad:?} is not an email address (column {:?})",
                    column.header
                ),
            ));
            row_ok = false;
        }
        let external_id = columns
            .external_id
            .as_ref()
            .map(cell)
            .filter(|id| !id.is_empty());
        if row_ok {
            rows.push(ImportRow {
                line,
                name,
                email: emails.first().map(|e| (*e).to_owned()),
                other_emails: emails.iter().skip(1).map(|e| (*e).to_owned()).collect(),
                external_id: external_id.map(str::to_owned),
            });
        }
    }
    if errors.is_empty() {
        Ok(CsvRows {
            columns,
            delimiter,
            rows,
        })
    } else {
        Err(errors)
    }
}

pub(super) fn byte(position: &csv::Position) -> usize {
    usize::try_from(position.byte()).unwrap_or(usize::MAX)
}

/// A csv reader's error at its position.
pub(super) fn csv_error(path: &Path, text: &str, err: &csv::Error) -> FileError {
    let spot = err
        .position()
        .map_or(line_col(text, 0), |p| line_col(text, byte(p)));
    FileError::new(path, spot.line, spot.column, format!("not CSV: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<CsvRows, Vec<String>> {
        read_rows(Path::new("in.csv"), text, &ColumnOverrides::none())
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_separator_is_sniffed_from_the_header_line_outside_quotes() {
        assert_eq!(sniff_delimiter("Name;Email\nA, B;a@example.com\n"), b';');
        assert_eq!(sniff_delimiter("Name,Email\n;;;;\n"), b',');
        assert_eq!(sniff_delimiter("\"Name, full\";Email\n"), b';');
        assert_eq!(sniff_delimiter("\"Last; First\",Email,ID\n"), b',');
        assert_eq!(sniff_delimiter("Name\n"), b',');
    }

    #[test]
    fn quoted_fields_keep_separators_line_breaks_and_accents() {
        let text = "Name;Email;ID;Notes\n\"Ruiz; Ana\";ana@example.com;7;\n\"Zoë Ångström\";  ;8;\"two\nlines\"\nLi;;9;\n";
        let read = read(text).unwrap();
        assert_eq!(read.delimiter, b';');
        let names: Vec<(&str, usize)> = read
            .rows
            .iter()
            .map(|r| (r.name.as_str(), r.line))
            .collect();
        assert_eq!(names, [("Ruiz; Ana", 2), ("Zoë Ångström", 3), ("Li", 5)]);
        assert_eq!(read.rows[1].email, None);
        assert_eq!(read.rows[1].external_id.as_deref(), Some("8"));
    }

    #[test]
    fn first_and_last_names_are_joined() {
        let read = read("First Name,Last Name\n  Mei , Tanaka \n,Okafor\n").unwrap();
        let names: Vec<&str> = read.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Mei Tanaka", "Okafor"]);
    }

    #[test]
    fn each_bad_row_is_an_error_at_its_field() {
        let text = "Name,Email\nAna,ana@example.com,extra\n\"Bo Li\",not-an-address\n  ,x@example.com\n,,\n";
        let errors = read(text).unwrap_err();
        assert_eq!(
            errors,
            [
                "in.csv:2:1: this row has 3 fields, the header has 2: a separator inside a field needs quotes around the field",
                "in.csv:3:9: \"not-an-address\" is not an email address (column \"Email\")",
                "in.csv:4:1: blank name: every candidate needs one (column \"Name\")",
            ]
        );
    }

    #[test]
    fn a_control_or_bidi_character_refuses_its_row_at_the_character() {
        let text = "Name,Email,ID\n\"Eve\u{1b}[2J\",eve@example.com,1\nAna,ana@example.com,\u{202e}7\n\"Bo\nLi\",,3\nשרה \u{200f}כהן,sara@example.com,4\n";
        let errors = read(text).unwrap_err();
        assert_eq!(
            errors,
            [
                "in.csv:2:5: the name carries U+001B ESC, a control character: a name, title or id holds none (a terminal would obey it) (column \"Name\")",
                "in.csv:3:21: the ATS id carries U+202E RIGHT-TO-LEFT OVERRIDE, which reorders how text is shown (right-to-left names need no such character; U+200E and U+200F marks are fine) (column \"ID\")",
                "in.csv:4:4: the name carries U+000A LF, a control character: a name, title or id holds none (a terminal would obey it) (column \"Name\")",
            ]
        );
        let parts = read("First Name,Last Name\nMei,Ta\u{7}naka\n").unwrap_err();
        assert!(
            parts[0].starts_with("in.csv:2:7: the last name carries U+0007 BEL"),
            "{parts:?}"
        );
    }

    #[test]
    fn not_utf8_and_empty_files_say_where() {
        let err = decode(Path::new("in.csv"), b"Name\nJos\xe9\n").unwrap_err();
        assert_eq!(err.to_string().split(": not").next(), Some("in.csv:2:4"));
        let text = decode(Path::new("in.csv"), b"\xef\xbb\xbfName\nAna\n").unwrap();
        assert_eq!(read(&text).unwrap().rows[0].name, "Ana");
        let err = read("").unwrap_err();
        assert!(
            err[0].starts_with("in.csv:1:1: the file is empty"),
            "{err:?}"
        );
    }
}
