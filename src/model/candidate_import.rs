//! What an import of ATS candidates would do (DESIGN.md "Candidates in"):
//! which rows become new candidates of the opening and which are people it
//! already has. Pure: the rows come read and checked from the I/O layer.
//!
//! A row is a candidate the opening already has when, among the
//! opening's candidates,
//! 1. one has the row's ATS id (`external_id`); else
//! 2. one has one of the row's emails (ignoring case; a cell may give
//!    several) and no other ATS id (a row without an id matches a
//!    candidate with one by email); else,
//!    for a row with neither an id nor an email,
//! 3. one has the row's name (ignoring case) and neither an id nor an email.
//!
//! A match changes nothing, even when the ATS now has another name or
//! email: the import never rewrites a file; the differences are listed.
//! Rows of the file are matched against the rows before them the same way,
//! so a row given twice is imported once.

use super::{Candidate, ImportField, Opening, Slug, Timestamp, normalize_email};

/// One row of the file, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// The line the row starts on (1-based; the header is line 1).
    pub line: usize,
    /// The name, as written (spaces around it dropped).
    pub name: String,
    /// The email, if given (the first, when the cell gives several).
    pub email: Option<String>,
    /// The other addresses of the cell, which match too.
    pub other_emails: Vec<String>,
    /// The ATS id, if given.
    pub external_id: Option<String>,
}

/// How a row was found to be a known candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// The same ATS id.
    ExternalId,
    /// The same email.
    Email,
    /// The same name (a row with neither an id nor an email).
    Name,
}

impl MatchedBy {
    /// The word used in JSON: `external_id`, `email` or `name`.
    pub fn key(self) -> &'static str {
        match self {
            MatchedBy::ExternalId => "external_id",
            MatchedBy::Email => "email",
            MatchedBy::Name => "name",
        }
    }
}

/// A row that changes nothing: the opening has the candidate already, or
/// an earlier row of the file brings them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnchangedRow {
    /// The row's line.
    pub line: usize,
    /// The row's name.
    pub name: String,
    /// The candidate it is: an existing one, or the one an earlier row
    /// creates.
    pub candidate: Slug,
    /// How it was matched.
    pub matched_by: MatchedBy,
    /// The line of the earlier row of the file it repeats; `None` when it
    /// matched a candidate already in the workspace.
    pub duplicate_of_line: Option<usize>,
    /// What the row says otherwise than the candidate (`name`, `email`,
    /// `external_id`); nothing is overwritten.
    pub differs: Vec<ImportField>,
}

/// The rows sorted into new candidates and known ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowPlan {
    /// New candidates, in the order of their rows.
    pub created: Vec<Candidate>,
    /// The line of each new candidate's row, in the same order.
    pub created_lines: Vec<usize>,
    /// Rows that change nothing, in file order.
    pub unchanged: Vec<UnchangedRow>,
}

/// Sorts `rows` against `existing` (every candidate of the workspace; only
/// those of `opening` are matched). New candidates get the opening's
/// template, `created_at: now`, no plan (invites bring it), and ids that
/// `taken` does not hold, drawn from `seed` and each row's line (the same
/// file planned twice gets the same ids).
pub fn plan_rows(
    rows: &[ImportRow],
    existing: &[&Candidate],
    opening: &Opening,
    (now, seed): (Timestamp, u64),
    taken: impl Fn(&str) -> bool,
) -> RowPlan {
    let mut plan = RowPlan::default();
    let of_opening: Vec<&Candidate> = existing
        .iter()
        .copied()
        .filter(|c| c.opening.as_ref() == Some(&opening.id))
        .collect();
    for row in rows {
        if let Some((candidate, matched_by)) = find_match(row, of_opening.iter().copied()) {
            plan.unchanged
                .push(unchanged(row, candidate, matched_by, None));
            continue;
        }
        if let Some((index, (candidate, matched_by))) = plan
            .created
            .iter()
            .enumerate()
            .find_map(|(i, c)| find_match(row, std::iter::once(c)).map(|m| (i, m)))
        {
            let earlier = plan.created_lines.get(index).copied();
            plan.unchanged
                .push(unchanged(row, candidate, matched_by, earlier));
            continue;
        }
        let id = new_id(
            seed ^ (row.line as u64).rotate_left(32),
            &taken,
            &plan.created,
        );
        let mut candidate = Candidate::new(id, row.name.clone(), opening.template.clone(), now);
        candidate.opening = Some(opening.id.clone());
        candidate.email.clone_from(&row.email);
        candidate.external_id.clone_from(&row.external_id);
        plan.created.push(candidate);
        plan.created_lines.push(row.line);
    }
    plan
}

/// A fresh id, taken neither in the workspace nor by this import.
fn new_id(seed: u64, taken: &impl Fn(&str) -> bool, created: &[Candidate]) -> Slug {
    super::seeded_candidate_id(seed, |id| {
        taken(id) || created.iter().any(|c| c.id.as_str() == id)
    })
}

/// The first of `candidates` that `row` is, by the rules of the module.
fn find_match<'c>(
    row: &ImportRow,
    candidates: impl Iterator<Item = &'c Candidate> + Clone,
) -> Option<(&'c Candidate, MatchedBy)> {
    if let Some(id) = &row.external_id
        && let Some(found) = candidates
            .clone()
            .find(|c| c.external_id.as_deref() == Some(id.as_str()))
    {
        return Some((found, MatchedBy::ExternalId));
    }
    if row.email.is_some() {
        let wanted: Vec<String> = row
            .email
            .iter()
            .chain(&row.other_emails)
            .map(|e| normalize_email(e))
            .collect();
        return candidates
            .filter(|c| {
                row.external_id.is_none()
                    || c.external_id.is_none()
                    || c.external_id == row.external_id
            })
            .find(|c| {
                c.email
                    .as_deref()
                    .map(normalize_email)
                    .is_some_and(|e| wanted.contains(&e))
            })
            .map(|found| (found, MatchedBy::Email));
    }
    if row.external_id.is_some() {
        return None;
    }
    let wanted = row.name.to_lowercase();
    candidates
        .filter(|c| c.external_id.is_none() && c.email.is_none())
        .find(|c| c.name.trim().to_lowercase() == wanted)
        .map(|found| (found, MatchedBy::Name))
}

fn unchanged(
    row: &ImportRow,
    candidate: &Candidate,
    matched_by: MatchedBy,
    duplicate_of_line: Option<usize>,
) -> UnchangedRow {
    let mut differs = Vec::new();
    if candidate.name.trim() != row.name {
        differs.push(ImportField::Name);
    }
    let email_differs = row.email.as_deref().is_some_and(|email| {
        let known = candidate.email.as_deref().map(normalize_email);
        std::iter::once(email)
            .chain(row.other_emails.iter().map(String::as_str))
            .all(|e| known != Some(normalize_email(e)))
    });
    if email_differs {
        differs.push(ImportField::Email);
    }
    if row.external_id.is_some() && candidate.external_id != row.external_id {
        differs.push(ImportField::ExternalId);
    }
    UnchangedRow {
        line: row.line,
        name: row.name.clone(),
        candidate: candidate.id.clone(),
        matched_by,
        duplicate_of_line,
        differs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FormatVersion, OpeningStatus};

    fn slug(text: &str) -> Slug {
        Slug::new(text).unwrap()
    }

    fn now() -> Timestamp {
        "2026-12-04T09:00:00Z".parse().unwrap()
    }

    fn opening(id: &str) -> Opening {
        Opening {
            format: FormatVersion::CURRENT,
            id: slug(id),
            title: "Site Reliability Engineer".to_owned(),
            template: slug("sre"),
            hiring_manager: "Dana Kim".to_owned(),
            opened_at: now(),
            status: OpeningStatus::Open,
            plan: Vec::new(),
            feedback_due_hours: 24,
        }
    }

    fn row(line: usize, name: &str, email: Option<&str>, id: Option<&str>) -> ImportRow {
        ImportRow {
            line,
            name: name.to_owned(),
            email: email.map(str::to_owned),
            other_emails: Vec::new(),
            external_id: id.map(str::to_owned),
        }
    }

    fn known(id: &str, name: &str, email: Option<&str>, ext: Option<&str>, of: &str) -> Candidate {
        let mut c = Candidate::new(slug(id), name, slug("sre"), now());
        c.opening = Some(slug(of));
        c.email = email.map(str::to_owned);
        c.external_id = ext.map(str::to_owned);
        c
    }

    #[test]
    fn new_rows_become_candidates_of_the_opening_without_a_plan() {
        let rows = [row(2, "Zoë Ångström", Some("zoe@example.com"), Some("A-1"))];
        let plan = plan_rows(&rows, &[], &opening("sre-q1"), (now(), 1), |_| false);
        let [created] = plan.created.as_slice() else {
            panic!("{plan:?}")
        };
        assert_eq!(created.name, "Zoë Ångström");
        assert_eq!(created.template.as_str(), "sre");
        assert_eq!(created.opening.as_ref().map(Slug::as_str), Some("sre-q1"));
        assert_eq!(created.email.as_deref(), Some("zoe@example.com"));
        assert_eq!(created.external_id.as_deref(), Some("A-1"));
        assert!(created.interviews.is_empty());
        assert_eq!(created.created_at, now());
        assert_eq!(plan.created_lines, [2]);
    }

    #[test]
    fn known_candidates_match_by_id_then_email_then_name_and_change_nothing() {
        let by_id = known("c-000001", "Ana Ruiz", None, Some("A-1"), "sre-q1");
        let by_email = known("c-000002", "Bo Li", Some("Bo@Example.com"), None, "sre-q1");
        let by_name = known("c-000003", "Cy Lane", None, None, "sre-q1");
        let elsewhere = known("c-000004", "Di Moe", None, Some("A-9"), "other");
        let rows = [
            row(2, "Ana Ruiz-Ortega", Some("ana@example.com"), Some("A-1")),
            row(3, "Bo Li", Some("bo@example.com"), None),
            row(4, "cy lane", None, None),
            row(5, "Di Moe", None, Some("A-9")),
        ];
        let existing = [&by_id, &by_email, &by_name, &elsewhere];
        let plan = plan_rows(&rows, &existing, &opening("sre-q1"), (now(), 1), |_| false);
        let seen: Vec<(usize, &str, MatchedBy, Vec<ImportField>)> = plan
            .unchanged
            .iter()
            .map(|u| {
                (
                    u.line,
                    u.candidate.as_str(),
                    u.matched_by,
                    u.differs.clone(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    2,
                    "c-000001",
                    MatchedBy::ExternalId,
                    vec![ImportField::Name, ImportField::Email]
                ),
                (3, "c-000002", MatchedBy::Email, vec![]),
                (4, "c-000003", MatchedBy::Name, vec![ImportField::Name]),
            ]
        );
        // Another opening's candidate is another application: a new one.
        assert_eq!(plan.created_lines, [5]);
        assert_ne!(plan.created[0].id.as_str(), "c-000004");
    }

    #[test]
    fn an_email_of_a_candidate_with_another_ats_id_is_someone_else() {
        let other = known(
            "c-000001",
            "Ana Ruiz",
            Some("ana@example.com"),
            Some("A-1"),
            "q",
        );
        let rows = [row(2, "Ana Ruiz", Some("ana@example.com"), Some("A-2"))];
        let plan = plan_rows(&rows, &[&other], &opening("q"), (now(), 1), |_| false);
        assert_eq!(plan.created.len(), 1);
    }

    #[test]
    fn a_row_given_twice_is_imported_once() {
        let rows = [
            row(2, "Ana Ruiz", Some("ana@example.com"), Some("A-1")),
            row(3, "Ana Ruiz", Some("ana@example.com"), Some("A-1")),
            row(4, "Bo Li", Some("BO@example.com"), None),
            row(6, "Bo Li", Some("bo@example.com"), None),
        ];
        let plan = plan_rows(&rows, &[], &opening("q"), (now(), 1), |_| false);
        assert_eq!(plan.created_lines, [2, 4]);
        let repeats: Vec<(usize, Option<usize>, &Slug)> = plan
            .unchanged
            .iter()
            .map(|u| (u.line, u.duplicate_of_line, &u.candidate))
            .collect();
        assert_eq!(
            repeats,
            [
                (3, Some(2), &plan.created[0].id),
                (6, Some(4), &plan.created[1].id)
            ]
        );
    }

    #[test]
    fn new_ids_avoid_taken_ones_and_each_other() {
        let rows: Vec<ImportRow> = (0..50)
            .map(|i| row(i + 2, &format!("Person {i}"), None, Some(&format!("X{i}"))))
            .collect();
        let plan = plan_rows(&rows, &[], &opening("q"), (now(), 1), |id| {
            id.ends_with('0')
        });
        let mut ids: Vec<&str> = plan.created.iter().map(|c| c.id.as_str()).collect();
        assert!(ids.iter().all(|id| !id.ends_with('0')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 50);
    }
}
