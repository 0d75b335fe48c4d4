//! The interviewers a workspace knows, offered as a name is typed: from
//! `people.ron` where the team keeps one, else from who wrote scorecards
//! and who is planned. A name typed close to a known one but not it
//! ("Priya Ramen") is a near miss, asked about before it is saved as a
//! new person.

use std::collections::HashSet;

use super::folded_words::words;
use super::{InterviewerId, People, Scorecard};

/// How many names are offered at once.
const SUGGESTIONS: usize = 6;

/// The known names, each once, sorted for people.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownPeople {
    people: Vec<KnownName>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct KnownName {
    name: String,
    id: InterviewerId,
    words: Vec<String>,
}

impl KnownPeople {
    /// The names given, once per interviewer (the first spelling kept),
    /// blank ones dropped.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut spellings = HashSet::new();
        let mut seen = HashSet::new();
        let mut people: Vec<KnownName> = names
            .into_iter()
            .map(str::trim)
            // Most names repeat exactly (one per scorecard): once each.
            .filter(|name| !name.is_empty() && spellings.insert(*name))
            .filter_map(|name| {
                let id = InterviewerId::typed(name)?;
                seen.insert(id.clone()).then(|| KnownName {
                    name: name.to_owned(),
                    words: words(name),
                    id,
                })
            })
            .collect();
        people.sort_by(|a, b| a.words.cmp(&b.words).then_with(|| a.name.cmp(&b.name)));
        Self { people }
    }

    /// The team's list when it has one, else every interviewer the
    /// scorecards and plans name.
    pub fn of_workspace<'a>(
        people: Option<&'a People>,
        scorecards: impl IntoIterator<Item = &'a Scorecard>,
        planned: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        match people {
            Some(list) if !list.people.is_empty() => {
                Self::new(list.people.iter().map(|p| p.name.as_str()))
            }
            _ => Self::new(
                scorecards
                    .into_iter()
                    .map(|s| s.interviewer.as_str())
                    .chain(planned),
            ),
        }
    }

    /// Whether `name` is a known interviewer (as a file name would be:
    /// case, accents and spacing aside).
    pub fn knows(&self, name: &str) -> bool {
        InterviewerId::typed(name).is_some_and(|id| self.people.iter().any(|p| p.id == id))
    }

    /// Up to [`SUGGESTIONS`] names whose words begin with the words typed,
    /// in order ("pri ra" offers "Priya Raman"); all of them, up to the
    /// limit, for nothing typed. A name already typed in full is not
    /// offered again.
    pub fn suggestions(&self, typed: &str) -> Vec<&str> {
        let typed_words = words(typed);
        if self.knows(typed) {
            return Vec::new();
        }
        self.people
            .iter()
            .filter(|p| {
                typed_words
                    .iter()
                    .all(|t| p.words.iter().any(|w| w.starts_with(t.as_str())))
            })
            .take(SUGGESTIONS)
            .map(|p| p.name.as_str())
            .collect()
    }

    /// The known name `name` nearly is: not it, but within one edit for a
    /// short name (under 8 letters) and two for a longer one, ignoring
    /// case, accents and spacing. The closest one, the first on a tie.
    pub fn near_miss(&self, name: &str) -> Option<&str> {
        if self.knows(name) {
            return None;
        }
        let typed: String = words(name).concat();
        if typed.is_empty() {
            return None;
        }
        let allowed = if typed.chars().count() < 8 { 1 } else { 2 };
        self.people
            .iter()
            .filter_map(|p| {
                let d = edit_distance(&typed, &p.words.concat());
                (d <= allowed).then_some((d, p.name.as_str()))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, name)| name)
    }
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FormatVersion, Person};

    fn team() -> KnownPeople {
        KnownPeople::new(["Priya Raman", "Sam Lee", "José García", "priya raman", "  "])
    }

    #[test]
    fn each_interviewer_once_and_offered_by_word_beginnings() {
        let people = team();
        assert_eq!(
            people.suggestions(""),
            ["José García", "Priya Raman", "Sam Lee"]
        );
        assert_eq!(people.suggestions("ra"), ["Priya Raman"]);
        assert_eq!(people.suggestions("pri ra"), ["Priya Raman"]);
        assert_eq!(people.suggestions("garc"), ["José García"]);
        assert!(people.suggestions("PRIYA RAMAN").is_empty());
        assert!(people.suggestions("Kenji").is_empty());
    }

    #[test]
    fn a_near_miss_is_asked_about_a_new_name_is_not() {
        let people = team();
        assert_eq!(people.near_miss("Priya Ramen"), Some("Priya Raman"));
        assert_eq!(people.near_miss("Pryia Raman"), Some("Priya Raman"));
        assert_eq!(people.near_miss("Sam Le"), Some("Sam Lee"));
        // Without the accents it is another file name: asked, not merged.
        assert_eq!(people.near_miss("Jose Garcia"), Some("José García"));
        assert_eq!(people.near_miss("Sam Lea"), Some("Sam Lee"));
        assert_eq!(
            people.near_miss("Sam Li"),
            None,
            "two edits in a short name"
        );
        assert_eq!(people.near_miss("Kenji Watanabe"), None);
        assert_eq!(people.near_miss(""), None);
    }

    #[test]
    fn the_teams_list_wins_over_the_files() {
        let list = People {
            format: FormatVersion::CURRENT,
            people: vec![Person {
                name: "Dana Kim".to_owned(),
                emails: Vec::new(),
            }],
        };
        let from_list = KnownPeople::of_workspace(Some(&list), [], ["Sam Lee"]);
        assert!(from_list.knows("dana kim") && !from_list.knows("Sam Lee"));
        let from_files = KnownPeople::of_workspace(None, [], ["Sam Lee"]);
        assert!(from_files.knows("Sam Lee"));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("raman", "ramen"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
