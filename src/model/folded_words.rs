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

/// Phrases to look for, by their words, so a text is searched in one
/// pass whatever the number of phrases: at each word, one look-up per
/// distinct phrase length (names of thousands of candidates share first
/// words, and ids such as "c-0042" all start with "c").
#[derive(Clone, Debug)]
pub(crate) struct PhraseIndex<K> {
    /// Each phrase's words, with the keys it stands for in the order
    /// added, each with its place in that order.
    phrases: HashMap<Vec<String>, Vec<(usize, K)>>,
    /// The distinct numbers of words of the phrases, ascending.
    lengths: Vec<usize>,
    /// How many phrases were added.
    added: usize,
}

impl<K> Default for PhraseIndex<K> {
    fn default() -> Self {
        Self {
            phrases: HashMap::new(),
            lengths: Vec::new(),
            added: 0,
        }
    }
}

impl<K: Copy> PhraseIndex<K> {
    /// Adds `phrase` for `key`; a phrase without any word is never found.
    pub fn add(&mut self, phrase: &str, key: K) {
        let words = words(phrase);
        if words.is_empty() {
            return;
        }
        if let Err(at) = self.lengths.binary_search(&words.len()) {
            self.lengths.insert(at, words.len());
        }
        self.phrases
            .entry(words)
            .or_default()
            .push((self.added, key));
        self.added += 1;
    }

    /// Every place a phrase stands in `text` (its [`words`]): by the word
    /// it starts at, then in the order the phrases were added.
    pub fn find(&self, text: &[String]) -> Vec<Hit<K>> {
        let mut hits = Vec::new();
        let mut here: Vec<(usize, Hit<K>)> = Vec::new();
        for start in 0..text.len() {
            for &len in &self.lengths {
                let end = start + len;
                let Some(phrase) = text.get(start..end) else {
                    break;
                };
                let Some(keys) = self.phrases.get(phrase) else {
                    continue;
                };
                let chars = phrase.iter().map(|w| w.chars().count()).sum();
                here.extend(keys.iter().map(|&(order, key)| {
                    (
                        order,
                        Hit {
                            key,
                            start,
                            end,
                            chars,
                        },
                    )
                }));
            }
            here.sort_by_key(|(order, _)| *order);
            hits.extend(here.drain(..).map(|(_, hit)| hit));
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

    #[test]
    fn phrases_at_one_word_come_in_the_order_added() {
        let mut index = PhraseIndex::default();
        index.add("Alex Doe", 1);
        index.add("Alex", 2);
        index.add("alex  DOE", 3);
        index.add("", 4);
        let found: Vec<(i32, usize)> = index
            .find(&words("Alex Doe"))
            .iter()
            .map(|h| (h.key, h.end))
            .collect();
        assert_eq!(found, [(1, 2), (2, 1), (3, 2)]);
        assert!(index.find(&[]).is_empty());
    }
}
