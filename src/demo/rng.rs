//! A small seeded pseudo-random generator, so the demo is reproducible
//! without a dependency.
//!
//! SplitMix64 (Steele, Lea and Flood, 2014): one 64-bit state, a fixed
//! increment and a mixing function. Not for cryptography; more than good
//! enough for sample data.
//!
//! Only integer arithmetic and the basic IEEE 754 operations (`+`, `*`, which
//! are exactly specified) touch the numbers, never `ln` or `cos` whose last
//! bit may differ between platforms' maths libraries: the same seed gives the
//! same files on every machine.

/// A SplitMix64 stream.
#[derive(Clone, Debug)]
pub(crate) struct Rng {
    state: u64,
}

/// √3, to scale a sum of uniform numbers to unit variance.
const SQRT_3: f64 = 1.732_050_807_568_877_2;

impl Rng {
    /// A stream determined entirely by `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        // 53 random bits: every representable multiple of 2^-53.
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// An index in `0..n`; 0 when `n` is 0.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        // Lemire's multiply-shift; the bias for the small `n` used here is
        // far below anything visible.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A whole number in `lo..=hi` (`lo` if the range is empty).
    pub(crate) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        let offset = (u128::from(self.next_u64()) * u128::from(span)) >> 64;
        lo.saturating_add(offset as i64)
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Roughly standard normal (mean 0, variance 1): the Irwin–Hall sum of
    /// four uniform numbers, rescaled. Bounded to ±3.46, which suits ratings.
    pub(crate) fn normal(&mut self) -> f64 {
        let sum = self.unit() + self.unit() + self.unit() + self.unit();
        (sum - 2.0) * SQRT_3
    }

    /// One element of `items`, or `None` if there is none.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }

    /// An index chosen with probability proportional to its weight; `None`
    /// if no weight is positive.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> Option<usize> {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return None;
        }
        let mut ticket = ((u128::from(self.next_u64()) * u128::from(total)) >> 64) as u64;
        for (index, &weight) in weights.iter().enumerate() {
            let weight = u64::from(weight);
            if ticket < weight {
                return Some(index);
            }
            ticket -= weight;
        }
        None
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Rng::new(7).next_u64(), Rng::new(8).next_u64());
    }

    #[test]
    fn ranges_hold() {
        let mut rng = Rng::new(1);
        let mut sum = 0.0;
        let mut sum_sq = 0.0;
        let n = 20_000;
        for _ in 0..n {
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.below(5) < 5);
            assert!((3..=9).contains(&rng.between(3, 9)));
            let x = rng.normal();
            sum += x;
            sum_sq += x * x;
        }
        let mean = sum / f64::from(n);
        let var = sum_sq / f64::from(n) - mean * mean;
        assert!(mean.abs() < 0.05, "{mean}");
        assert!((var - 1.0).abs() < 0.05, "{var}");
        assert_eq!(rng.weighted(&[0, 0]), None);
        assert_eq!(rng.weighted(&[0, 3, 0]), Some(1));
    }
}
