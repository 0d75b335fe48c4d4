//! Ids for new candidates.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

use super::Slug;

/// A fresh candidate id such as `c-3f9a1c`, not in use by `taken`.
///
/// Random rather than sequential: coordinators on two machines of a synced
/// workspace add candidates independently, and a sequence would collide.
/// The id carries nothing about the person, as it becomes a folder name.
pub fn new_candidate_id(taken: impl Fn(&str) -> bool) -> Slug {
    let state = RandomState::new();
    let mut attempt = 0u64;
    loop {
        let mut hasher = state.build_hasher();
        hasher.write_u64(attempt);
        let id = format!("c-{:06x}", hasher.finish() & 0xff_ffff);
        if !taken(&id)
            && let Ok(slug) = Slug::new(id)
        {
            return slug;
        }
        attempt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_and_avoid_taken_ones() {
        let first = new_candidate_id(|_| false);
        assert!(first.as_str().starts_with("c-") && first.as_str().len() == 8);
        let second = new_candidate_id(|id| id == first.as_str());
        assert_ne!(first, second);
    }
}
