//! Reading a CSV of performance reviews (an HR system's export) into rows
//! with the spot of each field, the way the candidates importer reads an
//! ATS export (`candidate_csv`: UTF-8 with or without a byte-order mark,
//! `,` or `;`, quoted fields, line numbers). Which candidate a row is, and
//! whether its values keep the rules, is `performance_import`'s job.

use std::path::Path;

use super::FileError;
use super::candidate_csv::{byte, csv_error, field_offset, sniff_delimiter};
use super::locate::line_col;

/// Which field of a review a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ReviewField {
    /// The candidate's id in this workspace (`c-0042`).
    Candidate,
    /// The candidate's id in the ATS (`external_id`).
    AtsId,
    /// The candidate's email.
    Email,
    /// When the review was made.
    Date,
    /// The rating, 1–5.
    Rating,
    /// Who reviewed.
    Reviewer,
}

impl ReviewField {
    /// Every field, in the order a header is searched.
    const ALL: [ReviewField; 6] = [
        ReviewField::Candidate,
        ReviewField::AtsId,
        ReviewField::Email,
        ReviewField::Date,
        ReviewField::Rating,
        ReviewField::Reviewer,
    ];

    /// The headers that name it, folded (lower case, letters and digits).
    fn headers(self) -> &'static [&'static str] {
        match self {
            ReviewField::Candidate => &["candidate", "candidateid", "id", "scorecardid"],
            ReviewField::AtsId => &["atsid", "externalid", "candidateatsid", "applicationid"],
            ReviewField::Email => &["email", "candidateemail", "emailaddress"],
            ReviewField::Date => &["date", "reviewdate", "reviewedat", "at"],
            ReviewField::Rating => &["rating", "performancerating", "performance"],
            ReviewField::Reviewer => &["reviewer", "reviewedby", "manager"],
        }
    }

    /// Its name in messages.
    pub(super) fn name(self) -> &'static str {
        match self {
            ReviewField::Candidate => "candidate",
            ReviewField::AtsId => "ATS id",
            ReviewField::Email => "email",
            ReviewField::Date => "date",
            ReviewField::Rating => "rating",
            ReviewField::Reviewer => "reviewer",
        }
    }
}

/// One field of a row as written, with where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Cell {
    /// The text, trimmed.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// One row that is not blank: each field the header has, by field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct ReviewRow {
    /// The row's first line.
    pub line: usize,
    /// The fields the header has, blank ones left out.
    pub cells: Vec<(ReviewField, Cell)>,
}

impl ReviewRow {
    /// The field, if the row has it and it is not blank.
    pub(super) fn get(&self, field: ReviewField) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(f, cell)| *f == field && !cell.text.is_empty())
            .map(|(_, cell)| cell)
    }
}

fn fold(header: &str) -> String {
    header
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Reads the header and every row of `text` (decoded). The header needs a
/// candidate column (id, ATS id or email) and a date, a rating and a
/// reviewer; a row with another number of fields than the header is an
/// error. Blank rows are left out. All the problems, in file order.
pub(super) fn read_review_rows(path: &Path, text: &str) -> Result<Vec<ReviewRow>, Vec<FileError>> {
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
                "the file is empty: expected a header line such as `Email,Date,Rating,Reviewer`",
            )]);
        }
        Some(Err(err)) => return Err(vec![csv_error(path, text, &err)]),
        Some(Ok(header)) => header,
    };
    let mut columns: Vec<(ReviewField, usize)> = Vec::new();
    for (index, header) in header.iter().enumerate() {
        let folded = fold(header);
        let field = ReviewField::ALL
            .into_iter()
            .find(|f| f.headers().contains(&folded.as_str()));
        if let Some(field) = field
            && !columns.iter().any(|(f, _)| *f == field)
        {
            columns.push((field, index));
        }
    }
    let has = |field| columns.iter().any(|(f, _)| *f == field);
    let mut missing = Vec::new();
    if !has(ReviewField::Candidate) && !has(ReviewField::AtsId) && !has(ReviewField::Email) {
        missing.push("the candidate (a column `Candidate`, `ATS ID` or `Email`)");
    }
    for (field, words) in [
        (ReviewField::Date, "a column `Date`"),
        (ReviewField::Rating, "a column `Rating`"),
        (ReviewField::Reviewer, "a column `Reviewer`"),
    ] {
        if !has(field) {
            missing.push(words);
        }
    }
    if !missing.is_empty() {
        return Err(vec![FileError::new(
            path,
            1,
            1,
            format!("missing column: the header needs {}", missing.join(", ")),
        )]);
    }
    let width = header.len();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
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
        let (line, start) = record.position().map_or((0, 0), |p| {
            (usize::try_from(p.line()).unwrap_or(0), byte(p))
        });
        if record.len() != width {
            errors.push(FileError::new(
                path,
                line,
                1,
                format!(
                    "this row has {} fields, the header has {width}: a separator inside a field needs quotes around the field",
                    record.len()
                ),
            ));
            continue;
        }
        let cells = columns
            .iter()
            .map(|&(field, index)| {
                let spot = line_col(text, field_offset(text, start, index, delimiter));
                let cell = Cell {
                    text: record.get(index).unwrap_or_default().trim().to_owned(),
                    line: spot.line,
                    column: spot.column,
                };
                (field, cell)
            })
            .collect();
        rows.push(ReviewRow { line, cells });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<ReviewRow>, Vec<String>> {
        read_review_rows(Path::new("p.csv"), text)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn headers_are_found_whatever_their_case_and_separator() {
        let rows =
            read("E-mail;Review Date;Rating;Reviewed by\nana@example.com;2027-06-01;4;Dana Kim\n")
                .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].get(ReviewField::Email).unwrap().text,
            "ana@example.com"
        );
        assert_eq!(rows[0].get(ReviewField::Reviewer).unwrap().text, "Dana Kim");
    }

    #[test]
    fn each_field_has_its_spot() {
        let rows =
            read("Candidate,Date,Rating,Reviewer\nc-1, 2027-06-01 ,4,\"Kim, Dana\"\n").unwrap();
        assert_eq!(rows.len(), 1);
        let date = rows[0].get(ReviewField::Date).unwrap();
        assert_eq!(
            (date.text.as_str(), date.line, date.column),
            ("2027-06-01", 2, 5)
        );
        let who = rows[0].get(ReviewField::Reviewer).unwrap();
        assert_eq!((who.text.as_str(), who.column), ("Kim, Dana", 20));
        assert_eq!(rows[0].get(ReviewField::Email), None);
    }

    #[test]
    fn a_missing_column_is_said_at_the_header() {
        let errors = read("Email,Date,Reviewer\na@example.com,2027-01-01,Dana\n").unwrap_err();
        assert_eq!(
            errors,
            ["p.csv:1:1: missing column: the header needs a column `Rating`"]
        );
        let errors = read("Date,Rating,Reviewer\n").unwrap_err();
        assert!(errors[0].contains("the candidate"), "{errors:?}");
    }
}
