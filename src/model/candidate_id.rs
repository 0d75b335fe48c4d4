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

/// A candidate id such as `c-3f9a1c` drawn from `seed` rather than at
/// random, not in use by `taken`: the same seed and the same ids taken give
/// the same id, so an import's dry run shows the ids the import then gives.
/// The seed should carry nothing about the person (an import seeds with a
/// hash of the whole file and the row's line).
pub fn seeded_candidate_id(seed: u64, taken: impl Fn(&str) -> bool) -> Slug {
    let mut attempt = 0u64;
    loop {
        // splitmix64 of the seed and the attempt.
        let mut z = seed.wrapping_add(attempt.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        let id = format!("c-{:06x}", z & 0xff_ffff);
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
    fn seeded_ids_repeat_for_a_seed_and_avoid_taken_ones() {
        let first = seeded_candidate_id(7, |_| false);
        assert_eq!(first, seeded_candidate_id(7, |_| false));
        assert_ne!(first, seeded_candidate_id(8, |_| false));
        let other = seeded_candidate_id(7, |id| id == first.as_str());
        assert_ne!(first, other);
        assert!(other.as_str().starts_with("c-") && other.as_str().len() == 8);
    }

    #[test]
    fn ids_are_slugs_and_avoid_taken_ones() {
        let first = new_candidate_id(|_| false);
        assert!(first.as_str().starts_with("c-") && first.as_str().len() == 8);
        let second = new_candidate_id(|id| id == first.as_str());
        assert_ne!(first, second);
    }
}
