//! Which column of an ATS export holds which field of a candidate
//! (`scorecard import candidates`, DESIGN.md "Candidates in"): guessed from
//! the header, or named with `--column FIELD=HEADER`.
//!
//! Headers are compared ignoring case, spaces, `_` and `-`, so `Candidate
//! Name`, `candidate_name` and `CANDIDATE-NAME` are one header.

use std::fmt;

/// A field of a candidate that a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImportField {
    /// The full name.
    Name,
    /// The given name, joined with the last name when there is no full name.
    FirstName,
    /// The family name.
    LastName,
    /// The candidate's email.
    Email,
    /// The ATS's id of the candidate or application, kept as `external_id`.
    ExternalId,
}

impl ImportField {
    /// Every field, in the order they are listed.
    pub const ALL: [ImportField; 5] = [
        ImportField::Name,
        ImportField::FirstName,
        ImportField::LastName,
        ImportField::Email,
        ImportField::ExternalId,
    ];

    /// The field's name on the command line and in JSON: `first_name`.
    pub fn key(self) -> &'static str {
        match self {
            ImportField::Name => "name",
            ImportField::FirstName => "first_name",
            ImportField::LastName => "last_name",
            ImportField::Email => "email",
            ImportField::ExternalId => "external_id",
        }
    }

    /// The field named `key` (as [`ImportField::key`] writes it, or with
    /// `-` for `_`, any case).
    pub fn from_key(key: &str) -> Option<Self> {
        let wanted = key.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|field| field.key() == wanted)
    }

    /// The headers guessed for the field, normalized ([`normalize_header`]),
    /// the preferred first. For the ATS id, application-level ids come
    /// before the candidate's: feedback goes to an application (Ashby) or
    /// an opportunity (Lever).
    fn guesses(self) -> &'static [&'static str] {
        match self {
            ImportField::Name => &["name", "candidatename", "fullname", "applicantname"],
            ImportField::FirstName => &["firstname", "givenname"],
            ImportField::LastName => &["lastname", "surname", "familyname"],
            ImportField::Email => &[
                "email",
                "emailaddress",
                "candidateemail",
                "primaryemail",
                "primaryemailaddress",
            ],
            ImportField::ExternalId => &[
                "applicationid",
                "opportunityid",
                "candidateid",
                "applicantid",
                "id",
            ],
        }
    }
}

impl fmt::Display for ImportField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A header as compared: lowercase, without white space, `_` or `-`.
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The columns named with `--column FIELD=HEADER`, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnOverrides(Vec<(ImportField, String)>);

/// A `--column` argument that names no field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ColumnOverrideError {
    /// Not `FIELD=HEADER`.
    #[error("--column {0:?}: expected FIELD=HEADER, such as name=\"Candidate Name\"")]
    NotAPair(String),
    /// An unknown field.
    #[error(
        "--column {0:?}: unknown field {1:?} (fields: name, first_name, last_name, email, external_id)"
    )]
    UnknownField(String, String),
    /// The same field twice.
    #[error("--column: the field {0} is given twice")]
    Twice(ImportField),
}

impl ColumnOverrides {
    /// No overrides: every column is guessed.
    pub fn none() -> Self {
        Self::default()
    }

    /// Reads `--column` arguments, `FIELD=HEADER` each.
    pub fn parse(args: &[String]) -> Result<Self, ColumnOverrideError> {
        let mut overrides = Vec::new();
        for arg in args {
            let Some((field, header)) = arg.split_once('=') else {
                return Err(ColumnOverrideError::NotAPair(arg.clone()));
            };
            let Some(field) = ImportField::from_key(field) else {
                return Err(ColumnOverrideError::UnknownField(
                    arg.clone(),
                    field.to_owned(),
                ));
            };
            if header.trim().is_empty() {
                return Err(ColumnOverrideError::NotAPair(arg.clone()));
            }
            if overrides.iter().any(|(f, _)| *f == field) {
                return Err(ColumnOverrideError::Twice(field));
            }
            overrides.push((field, header.to_owned()));
        }
        Ok(Self(overrides))
    }

    /// The header named for `field`, if any.
    pub fn get(&self, field: ImportField) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, header)| header.as_str())
    }

    /// Names `header` for `field` (replacing an earlier one).
    pub fn set(&mut self, field: ImportField, header: impl Into<String>) {
        self.0.retain(|(f, _)| *f != field);
        self.0.push((field, header.into()));
    }
}

/// One column of the file, as the header names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// 0-based position in each row.
    pub index: usize,
    /// The header as written.
    pub header: String,
    /// Whether it was guessed (else named with `--column`).
    pub guessed: bool,
}

/// Where the name comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameColumns {
    /// One column holds the full name.
    Full(Column),
    /// First and last name, joined with a space (either may be missing).
    Parts {
        /// The first name's column.
        first: Option<Column>,
        /// The last name's column.
        last: Option<Column>,
    },
}

/// Which column holds which field: what the app shows as
/// "Name ← 'Candidate Name'".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The name.
    pub name: NameColumns,
    /// The email, if a column holds it.
    pub email: Option<Column>,
    /// The ATS id, if a column holds it.
    pub external_id: Option<Column>,
}

impl ColumnMapping {
    /// Each field that has a column, with it, in [`ImportField::ALL`] order.
    pub fn fields(&self) -> Vec<(ImportField, &Column)> {
        let mut fields = Vec::new();
        match &self.name {
            NameColumns::Full(column) => fields.push((ImportField::Name, column)),
            NameColumns::Parts { first, last } => {
                fields.extend(first.iter().map(|c| (ImportField::FirstName, c)));
                fields.extend(last.iter().map(|c| (ImportField::LastName, c)));
            }
        }
        fields.extend(self.email.iter().map(|c| (ImportField::Email, c)));
        fields.extend(
            self.external_id
                .iter()
                .map(|c| (ImportField::ExternalId, c)),
        );
        fields
    }
}

/// Why the columns cannot be told.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ColumnError {
    /// No column holds a name.
    #[error(
        "no name column: expected `Name`, `Candidate Name`, `Full Name`, or `First Name` and \
         `Last Name` (the header has {}); name one with --column name=HEADER",
        quoted(.0)
    )]
    NoName(Vec<String>),
    /// `--column` names a header the file does not have.
    #[error("--column {field}={header:?}: the header has no such column (it has {})", quoted(.headers))]
    NoSuchHeader {
        /// The field.
        field: ImportField,
        /// The header asked for.
        header: String,
        /// The headers of the file.
        headers: Vec<String>,
    },
}

fn quoted(headers: &[String]) -> String {
    if headers.is_empty() {
        return "no columns".to_owned();
    }
    headers
        .iter()
        .map(|h| format!("{h:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns of a file with `headers`: each field from `overrides`, else
/// guessed. A full name wins over first and last names, unless a first or
/// last name is named with `--column` and the full name is not. Where two
/// headers are the same guess, the first counts.
pub fn map_columns(
    headers: &[String],
    overrides: &ColumnOverrides,
) -> Result<ColumnMapping, ColumnError> {
    let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let find = |field: ImportField| -> Result<Option<Column>, ColumnError> {
        if let Some(wanted) = overrides.get(field) {
            let key = normalize_header(wanted);
            return match normalized.iter().position(|h| *h == key) {
                Some(index) => Ok(Some(column(headers, index, false))),
                None => Err(ColumnError::NoSuchHeader {
                    field,
                    header: wanted.to_owned(),
                    headers: headers.to_vec(),
                }),
            };
        }
        Ok(field
            .guesses()
            .iter()
            .find_map(|guess| normalized.iter().position(|h| h == guess))
            .map(|index| column(headers, index, true)))
    };
    let full = find(ImportField::Name)?;
    let first = find(ImportField::FirstName)?;
    let last = find(ImportField::LastName)?;
    let parts_named = overrides.get(ImportField::FirstName).is_some()
        || overrides.get(ImportField::LastName).is_some();
    let name = match full {
        Some(full) if overrides.get(ImportField::Name).is_some() || !parts_named => {
            NameColumns::Full(full)
        }
        _ if first.is_some() || last.is_some() => NameColumns::Parts { first, last },
        _ => return Err(ColumnError::NoName(headers.to_vec())),
    };
    Ok(ColumnMapping {
        name,
        email: find(ImportField::Email)?,
        external_id: find(ImportField::ExternalId)?,
    })
}

fn column(headers: &[String], index: usize, guessed: bool) -> Column {
    Column {
        index,
        header: headers.get(index).cloned().unwrap_or_default(),
        guessed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|h| (*h).to_owned()).collect()
    }

    fn described(mapping: &ColumnMapping) -> Vec<String> {
        mapping
            .fields()
            .iter()
            .map(|(field, column)| format!("{field}={}", column.header))
            .collect()
    }

    #[test]
    fn greenhouse_lever_and_ashby_headers_are_guessed() {
        let greenhouse = headers(&[
            "Candidate ID",
            "First Name",
            "Last Name",
            "Email Address",
            "Application ID",
        ]);
        let mapping = map_columns(&greenhouse, &ColumnOverrides::none()).unwrap();
        assert_eq!(
            described(&mapping),
            [
                "first_name=First Name",
                "last_name=Last Name",
                "email=Email Address",
                "external_id=Application ID"
            ]
        );
        let lever = headers(&["Opportunity ID", "Contact", "name", "EMAIL", "Stage"]);
        let mapping = map_columns(&lever, &ColumnOverrides::none()).unwrap();
        assert_eq!(
            described(&mapping),
            ["name=name", "email=EMAIL", "external_id=Opportunity ID"]
        );
        let ashby = headers(&["candidate_name", "candidate-email", "application_id"]);
        let mapping = map_columns(&ashby, &ColumnOverrides::none()).unwrap();
        assert_eq!(
            described(&mapping),
            [
                "name=candidate_name",
                "email=candidate-email",
                "external_id=application_id"
            ]
        );
        assert!(mapping.fields().iter().all(|(_, c)| c.guessed));
    }

    #[test]
    fn a_full_name_wins_over_parts_unless_the_parts_are_named() {
        let both = headers(&["First Name", "Last Name", "Full Name"]);
        let guessed = map_columns(&both, &ColumnOverrides::none()).unwrap();
        assert_eq!(described(&guessed), ["name=Full Name"]);
        let mut overrides = ColumnOverrides::none();
        overrides.set(ImportField::FirstName, "first name");
        let named = map_columns(&both, &overrides).unwrap();
        assert_eq!(
            described(&named),
            ["first_name=First Name", "last_name=Last Name"]
        );
        assert!(!named.fields()[0].1.guessed && named.fields()[1].1.guessed);
    }

    #[test]
    fn an_override_beats_a_guess_and_must_exist() {
        let file = headers(&["Name", "Preferred Name", "Email"]);
        let overrides = ColumnOverrides::parse(&["name=preferred_name".to_owned()]).unwrap();
        let mapping = map_columns(&file, &overrides).unwrap();
        assert_eq!(described(&mapping), ["name=Preferred Name", "email=Email"]);
        let overrides = ColumnOverrides::parse(&["email=Mail".to_owned()]).unwrap();
        let err = map_columns(&file, &overrides).unwrap_err().to_string();
        assert_eq!(
            err,
            "--column email=\"Mail\": the header has no such column (it has \"Name\", \"Preferred Name\", \"Email\")"
        );
    }

    #[test]
    fn no_name_column_is_an_error_that_lists_the_header() {
        let err = map_columns(&headers(&["Email", "Stage"]), &ColumnOverrides::none())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("no name column:"), "{err}");
        assert!(err.contains("\"Email\", \"Stage\""), "{err}");
    }

    #[test]
    fn column_arguments_name_known_fields_once() {
        let parsed =
            ColumnOverrides::parse(&["Name=Who".to_owned(), "external-id=Req = ID".to_owned()])
                .unwrap();
        assert_eq!(parsed.get(ImportField::Name), Some("Who"));
        assert_eq!(parsed.get(ImportField::ExternalId), Some("Req = ID"));
        let unknown = ColumnOverrides::parse(&["phone=Phone".to_owned()]).unwrap_err();
        assert!(matches!(unknown, ColumnOverrideError::UnknownField(_, f) if f == "phone"));
        let bare = ColumnOverrides::parse(&["name".to_owned()]).unwrap_err();
        assert!(matches!(bare, ColumnOverrideError::NotAPair(_)));
        let twice =
            ColumnOverrides::parse(&["name=A".to_owned(), "name=B".to_owned()]).unwrap_err();
        assert_eq!(twice, ColumnOverrideError::Twice(ImportField::Name));
    }

    #[test]
    fn headers_compare_without_case_spaces_underscores_or_dashes() {
        assert_eq!(normalize_header(" E-mail_Address "), "emailaddress");
        assert_eq!(normalize_header("Candidate\u{a0}Name"), "candidatename");
    }
}
