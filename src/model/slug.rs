//! Ids that are safe to use as file names.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use super::intern::{Pooled, intern};

/// Longest slug, in bytes: `[a-z0-9][a-z0-9-]{0,63}`.
pub const MAX_SLUG_LEN: usize = 64;

/// A lowercase id (`[a-z0-9][a-z0-9-]{0,63}`) for templates, dimensions,
/// exercises and candidates. Ids become file names, so the rule is strict.
///
/// Interned ([`intern`]): a workspace repeats the same ids in every
/// scorecard, and each is one shared copy; a clone is a pointer.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(Pooled);

/// Why a string is not a [`Slug`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    /// Nothing to make an id of.
    #[error("an id may not be empty")]
    Empty,
    /// Over [`MAX_SLUG_LEN`] bytes.
    #[error("id {0:?} is longer than {MAX_SLUG_LEN} characters")]
    TooLong(String),
    /// A character outside `a-z`, `0-9` and `-`, or a leading `-`.
    #[error(
        "id {0:?} is not a slug: use lowercase letters, digits and '-', starting with a letter or digit"
    )]
    Invalid(String),
}

impl Slug {
    /// Checks `text` against the slug rule.
    pub fn new(text: impl Into<String>) -> Result<Self, SlugError> {
        let text = text.into();
        Self::check(&text)?;
        Ok(Self(intern(&text)))
    }

    /// The slug rule, without making one.
    fn check(text: &str) -> Result<(), SlugError> {
        if text.is_empty() {
            return Err(SlugError::Empty);
        }
        if text.len() > MAX_SLUG_LEN {
            return Err(SlugError::TooLong(text.to_owned()));
        }
        let mut chars = text.chars();
        let first_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if first_ok && rest_ok {
            Ok(())
        } else {
            Err(SlugError::Invalid(text.to_owned()))
        }
    }

    /// Turns a free-form name ("Priya Raman") into a slug ("priya-raman").
    ///
    /// Letters are lowercased, every other run of characters becomes one `-`,
    /// and the result is cut to [`MAX_SLUG_LEN`]. Returns `None` when the name
    /// has no ASCII letter or digit at all.
    pub fn from_name(name: &str) -> Option<Self> {
        let mut out = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        out.truncate(MAX_SLUG_LEN);
        while out.ends_with('-') {
            out.pop();
        }
        Self::new(out).ok()
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The shared copy of the id's text.
    pub fn shared(&self) -> Pooled {
        self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Slug {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(SlugVisitor)
    }
}

/// Checks the text where the parser holds it, so a valid id costs no
/// allocation of its own (only its first sighting is copied, into the
/// pool).
struct SlugVisitor;

impl serde::de::Visitor<'_> for SlugVisitor {
    type Value = Slug;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (lowercase letters, digits and '-')")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Slug, E> {
        Slug::check(text).map_err(E::custom)?;
        Ok(Slug(intern(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_documented_shapes() {
        for ok in [
            "a",
            "0",
            "c-0042",
            "infrastructure-engineer",
            &"a".repeat(64),
        ] {
            assert!(Slug::new(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "-a",
            "A",
            "a_b",
            "a b",
            "é",
            "a/b",
            "..",
            &"a".repeat(65),
        ] {
            assert!(Slug::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_become_slugs() {
        assert_eq!(
            Slug::from_name("Priya Raman").unwrap().as_str(),
            "priya-raman"
        );
        assert_eq!(
            Slug::from_name("  O'Neil, Sam ").unwrap().as_str(),
            "o-neil-sam"
        );
        assert_eq!(Slug::from_name("---"), None);
        assert_eq!(
            Slug::from_name(&"x".repeat(100)).unwrap().as_str().len(),
            64
        );
    }
}
