//! A scorecard's ratings (or notes) by dimension id: a vector kept sorted
//! by id. A scorecard rates a handful of dimensions, and a `BTreeMap` spent
//! a node of eleven slots on each (the largest single cost of a workspace
//! in memory); this holds exactly what is there. It reads and writes as a
//! RON map, like the map it replaces, so files do not change.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Slug;

/// Values by dimension id, sorted by id, one per id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionMap<V> {
    entries: Vec<(Slug, V)>,
}

impl<V> Default for DimensionMap<V> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<V> DimensionMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    /// The value for `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        let at = self.find(id).ok()?;
        self.entries.get(at).map(|(_, value)| value)
    }

    /// The value for `id`, to change.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut V> {
        let at = self.find(id).ok()?;
        self.entries.get_mut(at).map(|(_, value)| value)
    }

    /// Whether `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value for `id`, returning the one it replaces.
    pub fn insert(&mut self, id: Slug, value: V) -> Option<V> {
        match self.find(id.as_str()) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(at) => {
                self.entries.insert(at, (id, value));
                None
            }
        }
    }

    /// Takes the value for `id` out.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        let at = self.find(id).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// How many ids have a value.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no id has a value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every id with its value, sorted by id.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Slug, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(id, value)| (id, value))
    }

    /// Every id, sorted.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Slug> + ExactSizeIterator {
        self.entries.iter().map(|(id, _)| id)
    }

    /// Every value, in the order of their ids.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, value)| value)
    }

    /// Every value, to change, in the order of their ids.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, value)| value)
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&Slug, &mut V) -> bool) {
        self.entries.retain_mut(|(id, value)| keep(id, value));
    }
}

impl<V> FromIterator<(Slug, V)> for DimensionMap<V> {
    /// Later values win over earlier ones for the same id, as in a map.
    fn from_iter<I: IntoIterator<Item = (Slug, V)>>(iter: I) -> Self {
        let mut entries: Vec<(Slug, V)> = iter.into_iter().collect();
        // Stable: among equal ids the last one read is last; keep it.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(Slug, V)> = Vec::with_capacity(entries.len());
        for entry in entries {
            match kept.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => kept.push(entry),
            }
        }
        kept.shrink_to_fit();
        Self { entries: kept }
    }
}

impl<'a, V> IntoIterator for &'a DimensionMap<V> {
    type Item = (&'a Slug, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (Slug, V)>, fn(&'a (Slug, V)) -> (&'a Slug, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(id, value)| (id, value))
    }
}

impl<V> std::ops::Index<&str> for DimensionMap<V> {
    type Output = V;

    /// The value for `id`; panics if there is none (as a map's index does).
    fn index(&self, id: &str) -> &V {
        match self.get(id) {
            Some(value) => value,
            None => panic!("no value for dimension {id:?}"),
        }
    }
}

impl<V: Serialize> Serialize for DimensionMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (id, value) in &self.entries {
            map.serialize_entry(id, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for DimensionMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

struct MapVisitor<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
    type Value = DimensionMap<V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map from dimension ids")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::with_capacity(access.size_hint().unwrap_or(0).min(64));
        while let Some(entry) = access.next_entry::<Slug, V>()? {
            entries.push(entry);
        }
        Ok(entries.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn id(text: &str) -> Slug {
        Slug::new(text).unwrap()
    }

    #[test]
    fn keeps_one_value_per_id_in_id_order() {
        let mut map = DimensionMap::new();
        assert_eq!(map.insert(id("b"), 2), None);
        assert_eq!(map.insert(id("a"), 1), None);
        assert_eq!(map.insert(id("c"), 3), None);
        assert_eq!(map.insert(id("b"), 20), Some(2));
        let keys: Vec<&str> = map.keys().map(Slug::as_str).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(map.get("b"), Some(&20));
        assert_eq!(map["c"], 3);
        assert_eq!(map.remove("a"), Some(1));
        assert_eq!(map.remove("a"), None);
        assert!(!map.contains_key("a"));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn reads_and_writes_what_a_btree_map_did() {
        let text = r#"{"observability": 3, "communication": 1, "iac": 4}"#;
        let ours: DimensionMap<u8> = ron::from_str(text).unwrap();
        let theirs: BTreeMap<Slug, u8> = ron::from_str(text).unwrap();
        assert_eq!(
            ron::to_string(&ours).unwrap(),
            ron::to_string(&theirs).unwrap()
        );
        let pretty = ron::ser::PrettyConfig::default();
        assert_eq!(
            ron::ser::to_string_pretty(&ours, pretty.clone()).unwrap(),
            ron::ser::to_string_pretty(&theirs, pretty).unwrap()
        );
    }

    #[test]
    fn a_repeated_id_keeps_its_last_value_as_a_map_did() {
        let text = r#"{"a": 1, "b": 2, "a": 3}"#;
        let ours: DimensionMap<u8> = ron::from_str(text).unwrap();
        let theirs: BTreeMap<Slug, u8> = ron::from_str(text).unwrap();
        assert_eq!(
            ours.iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect::<BTreeMap<_, _>>(),
            theirs
        );
    }

    #[test]
    fn an_id_that_is_not_a_slug_is_refused() {
        let err = ron::from_str::<DimensionMap<u8>>(r#"{"Not A Slug": 1}"#).unwrap_err();
        assert!(err.to_string().contains("not a slug"), "{err}");
    }
}
