//! A small seeded pseudo-random stream for resampling (the validity
//! study's bootstrap), so the same data give the same interval on every
//! machine and every run.
//!
//! SplitMix64 (Steele, Lea and Flood, 2014), integer arithmetic only. The
//! demo keeps its own (`demo::rng`): the model depends on nothing at the
//! program's edges.

/// A SplitMix64 stream.
#[derive(Clone, Debug)]
pub struct SeededRng {
    state: u64,
}

impl SeededRng {
    /// A stream determined entirely by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index in `0..n`; 0 when `n` is 0 (Lemire's multiply-shift).
    pub fn below(&mut self, n: usize) -> usize {
        let wide = (u128::from(self.next_u64()) * n as u128) >> 64;
        usize::try_from(wide).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_stream_within_range() {
        let mut a = SeededRng::new(7);
        let mut b = SeededRng::new(7);
        for _ in 0..1000 {
            let (x, y) = (a.below(30), b.below(30));
            assert_eq!(x, y);
            assert!(x < 30);
        }
        assert_eq!(SeededRng::new(1).below(0), 0);
        assert_ne!(SeededRng::new(1).next_u64(), SeededRng::new(2).next_u64());
    }
}
