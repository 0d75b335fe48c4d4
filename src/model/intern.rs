//! One copy of each short text the workspace repeats: dimension, template
//! and candidate ids, interviewer ids, stage names. A workspace of 100,000
//! scorecards names the same dozen dimensions and interviewers hundreds of
//! thousands of times; interned, each is a pointer to one shared copy.
//!
//! The pool lives as long as the process and only grows: it holds each
//! distinct text once, which is the price of never counting references
//! back. Since a pooled text is never freed, a handle to it is a plain
//! reference, and a thin one ([`Pooled`], 8 bytes where an `Arc<str>`
//! takes 16): at 100,000 scorecards the snapshot and the aggregates took
//! 11.9 MiB less so (`benches/heap_split.rs`, BENCHMARKS.md §10), some
//! 1.5 million handles at 8 bytes saved each.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{LazyLock, PoisonError, RwLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The one copy of a pooled text, for as long as the process runs: a thin
/// reference (to the text's pointer and length), compared, ordered and
/// hashed as the text.
#[derive(Clone, Copy)]
// A `&Box<str>` on purpose: thin (8 bytes), where a `&str` is 16.
#[allow(clippy::borrowed_box)]
pub struct Pooled(&'static Box<str>);

impl Pooled {
    /// The text.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Whether `self` and `other` are the same copy (as equal texts are).
    pub fn same(self, other: Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Deref for Pooled {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl std::borrow::Borrow<str> for Pooled {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl PartialEq for Pooled {
    fn eq(&self, other: &Self) -> bool {
        // One copy per text: the same copy is the same text.
        self.same(*other)
    }
}

impl Eq for Pooled {}

impl PartialOrd for Pooled {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pooled {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Pooled {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As the text hashes, so a map keyed by it is looked up by `&str`.
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Pooled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Pooled {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

static POOL: LazyLock<RwLock<HashSet<Pooled>>> = LazyLock::new(RwLock::default);

thread_local! {
    /// The copies this thread has already looked up: most look-ups end
    /// here, without touching the lock every thread shares (a workspace
    /// is read on every core at once).
    static SEEN: std::cell::RefCell<HashSet<Pooled>> = std::cell::RefCell::default();
}

/// The shared copy of `text`, made on first sight.
pub fn intern(text: &str) -> Pooled {
    let seen = SEEN.with(|seen| seen.try_borrow().ok()?.get(text).copied());
    if let Some(shared) = seen {
        return shared;
    }
    let shared = intern_shared(text);
    SEEN.with(|seen| {
        if let Ok(mut seen) = seen.try_borrow_mut() {
            seen.insert(shared);
        }
    });
    shared
}

fn intern_shared(text: &str) -> Pooled {
    // Most texts are seen before: a read lock lets threads look up at once.
    let found = POOL
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(text)
        .copied();
    if let Some(shared) = found {
        return shared;
    }
    let mut pool = POOL.write().unwrap_or_else(PoisonError::into_inner);
    if let Some(shared) = pool.get(text) {
        return *shared;
    }
    // Kept for the rest of the process, as the pool keeps it.
    let shared = Pooled(Box::leak(Box::new(Box::from(text))));
    pool.insert(shared);
    shared
}

/// A short text a workspace repeats, such as an interviewer's name as
/// written or a stage, held as one shared copy ([`intern`]). It reads and
/// writes as a plain string, and reads as a `&str` everywhere else.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interned(Pooled);

impl Interned {
    /// The shared copy of `text`.
    pub fn new(text: &str) -> Self {
        Self(intern(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Interned {
    fn default() -> Self {
        Self::new("")
    }
}

impl Deref for Interned {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Interned {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Interned {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Interned {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Interned {
    fn from(text: String) -> Self {
        Self::new(&text)
    }
}

impl From<&String> for Interned {
    fn from(text: &String) -> Self {
        Self::new(text)
    }
}

impl From<Interned> for String {
    fn from(text: Interned) -> Self {
        text.as_str().to_owned()
    }
}

impl PartialEq<str> for Interned {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Interned {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Interned {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Interned> for str {
    fn eq(&self, other: &Interned) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Interned> for &str {
    fn eq(&self, other: &Interned) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Interned> for String {
    fn eq(&self, other: &Interned) -> bool {
        **self == *other.0
    }
}

impl Serialize for Interned {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Interned {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(InternedVisitor)
    }
}

struct InternedVisitor;

impl serde::de::Visitor<'_> for InternedVisitor {
    type Value = Interned;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Interned, E> {
        Ok(Interned::new(text))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_interned_text_reads_and_writes_as_a_string() {
        let text: Interned = ron::from_str(r#""Priya Raman""#).unwrap();
        assert_eq!(text, "Priya Raman");
        assert_eq!(ron::to_string(&text).unwrap(), r#""Priya Raman""#);
        let escaped: Interned = ron::from_str(r#""say \"hi\"""#).unwrap();
        assert_eq!(escaped.as_str(), "say \"hi\"");
        assert!(text.0.same(Interned::from("Priya Raman").0));
    }

    use super::*;

    #[test]
    fn pooled_texts_order_and_look_up_as_text() {
        let (b, a) = (intern("b-text"), intern("a-text"));
        assert!(a < b);
        let set: HashSet<Pooled> = [a, b].into_iter().collect();
        assert!(set.contains("b-text"));
        assert_eq!(format!("{a:?}"), r#""a-text""#);
    }

    #[test]
    fn equal_texts_share_one_copy() {
        let a = intern("infrastructure-as-code");
        let b = intern(&String::from("infrastructure-as-code"));
        assert!(a.same(b));
        assert_eq!(&*a, "infrastructure-as-code");
        assert!(!a.same(intern("observability")));
        assert_eq!(std::mem::size_of::<Pooled>(), 8, "a thin reference");
    }

    #[test]
    fn threads_agree_on_the_copy() {
        let handles: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| intern("shared-between-threads")))
            .collect();
        let copies: Vec<Pooled> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert!(copies.windows(2).all(|w| w[0].same(w[1])));
    }
}
