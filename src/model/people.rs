//! The people a workspace knows by email: `<workspace>/people.ron`, so an
//! invite's `"Raman, Priya" <priya.raman@example.com>` is Priya Raman
//! (DESIGN.md "In and out").

use serde::{Deserialize, Serialize};

use super::{FieldPath, FormatVersion, InterviewerId, Problem};

/// Everyone the workspace knows by email.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// File-format version, always 1 today.
    pub format: FormatVersion,
    /// The people, in the order written.
    pub people: Vec<Person>,
}

/// One person: the name they score under, and the addresses invites use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name as they write it on a scorecard.
    pub name: String,
    /// Their email addresses (matched ignoring case).
    #[serde(default)]
    pub emails: Vec<String>,
}

impl People {
    /// The person with this email address, ignoring case and the `mailto:`
    /// an invite puts in front of it.
    pub fn by_email(&self, email: &str) -> Option<&Person> {
        let wanted = normalize_email(email);
        self.people
            .iter()
            .find(|p| p.emails.iter().any(|e| normalize_email(e) == wanted))
    }

    /// Every rule the file breaks: a person needs a name that makes an
    /// interviewer id, each email looks like one, no email belongs to two
    /// people, no person is listed twice.
    pub fn problems(&self) -> Vec<Problem> {
        let root = FieldPath::root();
        let mut problems = Vec::new();
        let mut names: Vec<InterviewerId> = Vec::new();
        let mut emails: Vec<(String, usize)> = Vec::new();
        for (i, person) in self.people.iter().enumerate() {
            let path = root.field("people").index(i);
            match InterviewerId::typed(&person.name) {
                None => problems.push(Problem::new(
                    path.field("name"),
                    "a person needs a name with at least one letter or digit",
                )),
                Some(id) if names.contains(&id) => problems.push(Problem::new(
                    path.field("name"),
                    format!("{:?} is listed twice", person.name),
                )),
                Some(id) => names.push(id),
            }
            for (j, email) in person.emails.iter().enumerate() {
                let at = path.field("emails").index(j);
                let key = normalize_email(email);
                if !looks_like_email(email) {
                    problems.push(Problem::new(
                        at,
                        format!("{email:?} is not an email address"),
                    ));
                } else if let Some((_, owner)) = emails.iter().find(|(e, _)| *e == key) {
                    problems.push(Problem::new(
                        at,
                        format!("{email:?} is already {:?}'s", self.people[*owner].name),
                    ));
                } else {
                    emails.push((key, i));
                }
            }
        }
        problems
    }
}

/// An email address as compared: trimmed, without `mailto:`, lowercase.
pub fn normalize_email(email: &str) -> String {
    let email = email.trim();
    let email = email
        .get(..7)
        .filter(|head| head.eq_ignore_ascii_case("mailto:"))
        .map_or(email, |_| &email[7..]);
    email.trim().to_lowercase()
}

/// Whether `text` has the shape `local@domain` with no white space.
pub fn looks_like_email(text: &str) -> bool {
    let text = text.trim();
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !text.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(entries: &[(&str, &[&str])]) -> People {
        People {
            format: FormatVersion::CURRENT,
            people: entries
                .iter()
                .map(|(name, emails)| Person {
                    name: (*name).to_owned(),
                    emails: emails.iter().map(|e| (*e).to_owned()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn an_invite_address_finds_its_person_ignoring_case_and_mailto() {
        let known = people(&[("Priya Raman", &["priya.raman@example.com"])]);
        let found = known
            .by_email("MAILTO:Priya.Raman@Example.com")
            .map(|p| &p.name);
        assert_eq!(found.map(String::as_str), Some("Priya Raman"));
        assert!(known.by_email("sam@example.com").is_none());
    }

    #[test]
    fn broken_entries_are_each_named() {
        let file = people(&[
            ("Priya Raman", &["priya@example.com", "not an address"]),
            ("priya raman", &[]),
            ("Sam Lee", &["PRIYA@example.com"]),
            ("  ", &[]),
        ]);
        let messages: Vec<String> = file
            .problems()
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(
            messages,
            [
                "people[0].emails[1]: \"not an address\" is not an email address",
                "people[1].name: \"priya raman\" is listed twice",
                "people[2].emails[0]: \"PRIYA@example.com\" is already \"Priya Raman\"'s",
                "people[3].name: a person needs a name with at least one letter or digit",
            ]
        );
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a@b"));
        assert!(!looks_like_email("a b@c"));
        assert!(!looks_like_email("@c"));
        assert!(!looks_like_email("a@"));
        assert!(!looks_like_email("a@b@c"));
    }
}
