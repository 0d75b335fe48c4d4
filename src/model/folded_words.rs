//! Finding names and ids in text (an invite's, a name being typed): case-
//! and accent-insensitive, whole words.
//!
//! Text is folded (Unicode NFD, combining marks dropped, lowercase) and cut
//! into words: runs of letters and digits. A phrase ("Alex Doe", "c-0042",
//! "Incident bridge") is found where its words stand one after another in
//! the text's words, so "alex doe", "ALEX-DOE" and "Alex Doe's" all hold
//! "Alex Doe", and "Alexander Doe" does not.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The words of `text`, folded: "José  García-López" → `["jose", "garcia",
/// "lopez"]`.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// One place a phrase was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit<K> {
    /// What the phrase stands for.
    pub key: K,
    /// The first word of the text it covers.
    pub start: usize,
    /// One past the last word it covers.
    pub end: usize,
    /// Its length in characters, folded, without separators.
    pub chars: usize,
}

impl<K> Hit<K> {
    /// Whether this hit covers `other`'s words and more.
    pub fn strictly_covers<L>(&self, other: &Hit<L>) -> bool {
        self.start <= other.start
            && other.end <= self.end
            && (self.end - self.start) > (other.end - other.start)
    }
}

/// Phrases to look for, by their first word, so a text is searched in one
/// pass whatever the number of phrases.
#[derive(Clone, Debug)]
pub(crate) struct PhraseIndex<K> {
    by_first: HashMap<String, Vec<(Vec<String>, K)>>,
}

impl<K> Default for PhraseIndex<K> {
    fn default() -> Self {
        Self {
            by_first: HashMap::new(),
        }
    }
}

impl<K: Copy> PhraseIndex<K> {
    /// Adds `phrase` for `key`; a phrase without any word is never found.
    pub fn add(&mut self, phrase: &str, key: K) {
        let words = words(phrase);
        if let Some(first) = words.first() {
            self.by_first
                .entry(first.clone())
                .or_default()
                .push((words, key));
        }
    }

    /// Every place a phrase stands in `text` (its [`words`]).
    pub fn find(&self, text: &[String]) -> Vec<Hit<K>> {
        let mut hits = Vec::new();
        for (start, word) in text.iter().enumerate() {
            let Some(phrases) = self.by_first.get(word) else {
                continue;
            };
            for (phrase, key) in phrases {
                let end = start + phrase.len();
                if text.get(start..end) == Some(phrase.as_slice()) {
                    hits.push(Hit {
                        key: *key,
                        start,
                        end,
                        chars: phrase.iter().map(|w| w.chars().count()).sum(),
                    });
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_accents_and_separators() {
        assert_eq!(words("José  García-López"), ["jose", "garcia", "lopez"]);
        assert_eq!(
            words("ZOË O'Brien, c-0042!"),
            ["zoe", "o", "brien", "c", "0042"]
        );
        assert_eq!(words("  \n "), Vec::<String>::new());
        // Precomposed and decomposed forms are one word.
        assert_eq!(words("Zo\u{e9}"), words("Zoe\u{301}"));
    }

    #[test]
    fn phrases_are_found_as_whole_words() {
        let mut index = PhraseIndex::default();
        index.add("Alex Doe", 1);
        index.add("c-0042", 2);
        index.add("Doe", 3);
        let text = words("Interview: ALEX-DOE (c-0042) with Alexander Doerr");
        let found: Vec<(i32, usize, usize)> = index
            .find(&text)
            .iter()
            .map(|h| (h.key, h.start, h.end))
            .collect();
        assert_eq!(found, [(1, 1, 3), (3, 2, 3), (2, 3, 5)]);
        assert!(index.find(&words("Alexander Doerr")).is_empty());
        let hits = index.find(&words("alex doe"));
        assert!(hits[0].strictly_covers(&hits[1]));
        assert!(!hits[1].strictly_covers(&hits[0]));
        assert_eq!(hits[0].chars, 7);
    }
}
