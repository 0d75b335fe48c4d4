//! Which candidate and which stage an invite names (DESIGN.md: whole
//! words, case and accents folded, never a guess).

use super::Planner;
use crate::model::Template;
use crate::model::folded_words::{Hit, PhraseIndex, words};
use crate::model::invite_import::InviteEvent;

impl Planner<'_> {
    /// The one candidate `event` names: in its summary, else its
    /// description. A summary that names several is settled by the id of
    /// one of them in the description, or is ambiguous.
    pub(super) fn match_candidate(&self, event: &InviteEvent) -> Result<usize, String> {
        let description = words(&event.description);
        match self.find_candidate(&words(&event.summary)) {
            Found::One(i) => Ok(i),
            Found::Several(several) => {
                let by_id: Vec<usize> = distinct(self.ids.find(&description))
                    .into_iter()
                    .filter(|i| several.contains(i))
                    .collect();
                match by_id.as_slice() {
                    [one] => Ok(*one),
                    _ => Err(self.ambiguous("summary", &several)),
                }
            }
            Found::None => match self.find_candidate(&description) {
                Found::One(i) => Ok(i),
                Found::Several(several) => Err(self.ambiguous("description", &several)),
                Found::None => {
                    Err("no candidate's name or id in the summary or description".into())
                }
            },
        }
    }

    /// Candidates found in `text`: by id (ids are unique), else by name,
    /// where a longer name covering a shorter one is the one written.
    fn find_candidate(&self, text: &[String]) -> Found {
        let by_id = distinct(self.ids.find(text));
        if !by_id.is_empty() {
            return Found::of(by_id);
        }
        let hits = self.names.find(text);
        let kept: Vec<Hit<usize>> = hits
            .iter()
            .filter(|hit| {
                !hits
                    .iter()
                    .any(|other| other.key != hit.key && other.strictly_covers(hit))
            })
            .copied()
            .collect();
        Found::of(distinct(kept))
    }

    fn ambiguous(&self, field: &str, several: &[usize]) -> String {
        let named: Vec<String> = several
            .iter()
            .filter_map(|&i| self.candidate(i))
            .map(|c| format!("{} ({})", c.id, c.name))
            .collect();
        format!(
            "ambiguous: the {field} names several candidates: {}",
            named.join(", ")
        )
    }

    /// The stage `event` names among the exercises of the candidate's
    /// template: in the summary, else the description; the longest name
    /// wins; none is the general interview.
    pub(super) fn match_stage(
        &self,
        candidate: usize,
        event: &InviteEvent,
    ) -> Result<String, String> {
        let Some(template) = self.roster.get(candidate).and_then(|info| info.template) else {
            return Ok(String::new());
        };
        let Some(index) = self.stages.get(template.id.as_str()) else {
            return Ok(String::new());
        };
        for (field, text) in [
            ("summary", &event.summary),
            ("description", &event.description),
        ] {
            let hits = index.find(&words(text));
            let Some(longest) = hits.iter().map(|h| h.chars).max() else {
                continue;
            };
            let winners = distinct(hits.into_iter().filter(|h| h.chars == longest).collect());
            let exercises: Vec<&str> = winners
                .iter()
                .filter_map(|&i| template.exercises.get(i))
                .map(|e| e.name.as_str())
                .collect();
            return match exercises.as_slice() {
                [_] => Ok(winners
                    .first()
                    .and_then(|&i| template.exercises.get(i))
                    .map(|e| e.id.as_str().to_owned())
                    .unwrap_or_default()),
                _ => Err(format!(
                    "ambiguous stage: the {field} names {}",
                    exercises
                        .iter()
                        .map(|name| format!("{name:?}"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                )),
            };
        }
        Ok(String::new())
    }
}

/// Candidates found in a text.
enum Found {
    One(usize),
    Several(Vec<usize>),
    None,
}

impl Found {
    fn of(keys: Vec<usize>) -> Self {
        match keys.as_slice() {
            [] => Found::None,
            [one] => Found::One(*one),
            _ => Found::Several(keys),
        }
    }
}

/// The distinct keys of `hits`, in the order first found.
fn distinct(hits: Vec<Hit<usize>>) -> Vec<usize> {
    let mut keys = Vec::new();
    for hit in hits {
        if !keys.contains(&hit.key) {
            keys.push(hit.key);
        }
    }
    keys
}

/// The names and ids of a template's exercises, each for its index.
pub(super) fn stage_index(template: &Template) -> PhraseIndex<usize> {
    let mut index = PhraseIndex::default();
    for (i, exercise) in template.exercises.iter().enumerate() {
        index.add(&exercise.name, i);
        index.add(exercise.id.as_str(), i);
    }
    index
}
