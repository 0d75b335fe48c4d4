//! Krippendorff's alpha: how much coders (here: interviewers' scorecards)
//! agree beyond what chance would give, for any number of coders, with
//! missing values.
//!
//! The computation follows K. Krippendorff, "Computing Krippendorff's
//! Alpha-Reliability" (2011), via the coincidence matrix:
//!
//! 1. Reliability data is a matrix of units × coders; a cell holds a value or
//!    is missing. A unit with fewer than two values cannot be paired and is
//!    left out.
//! 2. Each unit `u` with `m_u ≥ 2` values adds, for every ordered pair of
//!    values `(c, k)` from two different coders, `1 / (m_u − 1)` to the
//!    coincidence `o_ck`. The marginals are `n_c = Σ_k o_ck` and
//!    `n = Σ_c n_c`, the number of pairable values.
//! 3. `α = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck`, with the
//!    difference function `δ²` of the metric ([`Metric`]).
//!
//! Alpha is undefined (`None`) when there are fewer than two pairable values
//! or when every pairable value is the same (no expected disagreement).
//! It is at most 1 (perfect agreement), 0 for agreement at chance level and
//! negative for systematic disagreement.

use std::collections::BTreeMap;

/// Which differences between two values count, and how much.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Values are unordered categories: `δ² = 0` if equal, else 1.
    Nominal,
    /// Values are ranks: `δ²(c, k) = (Σ_{g=c}^{k} n_g − (n_c + n_k) / 2)²`,
    /// with `n_g` the marginal totals of the coincidence matrix, so the
    /// distance between two ratings grows with how many values lie between
    /// them. The metric for ratings 1–4.
    Ordinal,
    /// Values are numbers on an interval scale: `δ²(c, k) = (c − k)²`.
    Interval,
}

/// The coincidence matrix of reliability data: the sufficient statistic of
/// Krippendorff's alpha. Build it unit by unit with [`add_unit`], or from a
/// whole units × coders matrix with [`from_units`]; matrices of disjoint
/// units can be [`merge`]d.
///
/// Values are small integer categories (`u8`): ratings 1–4 here, but any
/// categories work; the ordinal metric uses only their order and the
/// interval metric their numeric differences.
///
/// [`add_unit`]: CoincidenceMatrix::add_unit
/// [`from_units`]: CoincidenceMatrix::from_units
/// [`merge`]: CoincidenceMatrix::merge
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CoincidenceMatrix {
    /// `o_ck`, only the non-zero cells.
    cells: BTreeMap<(u8, u8), f64>,
    /// `n_c`: how many pairable values each category has (whole numbers).
    marginals: BTreeMap<u8, u64>,
}

impl CoincidenceMatrix {
    /// An empty matrix: no units yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The matrix of a units × coders table, where `None` is a missing value.
    /// Rows are units; each row holds one cell per coder (rows may differ in
    /// length: only the values matter, not which coder gave them).
    pub fn from_units<U: AsRef<[Option<u8>]>>(units: &[U]) -> Self {
        let mut matrix = Self::new();
        for unit in units {
            matrix.add_unit(unit.as_ref().iter().copied());
        }
        matrix
    }

    /// Adds one unit: the values its coders gave, `None` where a coder gave
    /// none. A unit with fewer than two values changes nothing.
    pub fn add_unit<I: IntoIterator<Item = Option<u8>>>(&mut self, values: I) {
        let mut counts: BTreeMap<u8, u64> = BTreeMap::new();
        for value in values.into_iter().flatten() {
            *counts.entry(value).or_default() += 1;
        }
        let m: u64 = counts.values().sum();
        if m < 2 {
            return;
        }
        let pairs_per_value = (m - 1) as f64;
        for (&c, &n_c) in &counts {
            for (&k, &n_k) in &counts {
                // Ordered pairs of values from different coders.
                let pairs = if c == k { n_c * (n_c - 1) } else { n_c * n_k };
                if pairs > 0 {
                    *self.cells.entry((c, k)).or_default() += pairs as f64 / pairs_per_value;
                }
            }
            *self.marginals.entry(c).or_default() += n_c;
        }
    }

    /// Adds every unit of `other`, as if they had been added to `self`.
    pub fn merge(&mut self, other: &CoincidenceMatrix) {
        for (&cell, &o) in &other.cells {
            *self.cells.entry(cell).or_default() += o;
        }
        for (&c, &n_c) in &other.marginals {
            *self.marginals.entry(c).or_default() += n_c;
        }
    }

    /// `n`: the number of pairable values (values in units with at least two).
    pub fn pairable_values(&self) -> u64 {
        self.marginals.values().sum()
    }

    /// `o_ck`: the coincidences of value `c` with value `k`.
    pub fn coincidence(&self, c: u8, k: u8) -> f64 {
        self.cells.get(&(c, k)).copied().unwrap_or(0.0)
    }

    /// `n_c`: how many pairable values equal `c`.
    pub fn marginal(&self, c: u8) -> u64 {
        self.marginals.get(&c).copied().unwrap_or(0)
    }

    /// The values that occur among the pairable values, ascending.
    pub fn categories(&self) -> impl Iterator<Item = u8> + '_ {
        self.marginals.keys().copied()
    }

    /// Krippendorff's alpha under `metric`; `None` when undefined: fewer than
    /// two pairable values, or no expected disagreement (every pairable
    /// value is the same).
    pub fn alpha(&self, metric: Metric) -> Option<f64> {
        let n = self.pairable_values();
        if n < 2 {
            return None;
        }
        let categories: Vec<(u8, f64)> = self
            .marginals
            .iter()
            .map(|(&c, &n_c)| (c, n_c as f64))
            .collect();
        let index: BTreeMap<u8, usize> = categories
            .iter()
            .enumerate()
            .map(|(i, &(c, _))| (c, i))
            .collect();
        // cumulative[i] = n_0 + … + n_{i−1}, for the ordinal metric.
        let mut cumulative = Vec::with_capacity(categories.len() + 1);
        let mut running = 0.0;
        cumulative.push(running);
        for &(_, n_c) in &categories {
            running += n_c;
            cumulative.push(running);
        }
        let delta2 = |i: usize, j: usize| -> f64 {
            let (Some(&(c, n_c)), Some(&(k, n_k))) = (categories.get(i), categories.get(j)) else {
                return 0.0;
            };
            if i == j {
                return 0.0;
            }
            match metric {
                Metric::Nominal => 1.0,
                Metric::Ordinal => {
                    let (low, high) = (i.min(j), i.max(j));
                    let between = cumulative.get(high + 1).copied().unwrap_or(0.0)
                        - cumulative.get(low).copied().unwrap_or(0.0);
                    let d = between - (n_c + n_k) / 2.0;
                    d * d
                }
                Metric::Interval => {
                    let d = f64::from(c) - f64::from(k);
                    d * d
                }
            }
        };
        let mut observed = 0.0;
        for (&(c, k), &o) in &self.cells {
            let (Some(&i), Some(&j)) = (index.get(&c), index.get(&k)) else {
                continue;
            };
            observed += o * delta2(i, j);
        }
        let mut expected = 0.0;
        for (i, &(_, n_c)) in categories.iter().enumerate() {
            for (j, &(_, n_k)) in categories.iter().enumerate() {
                expected += n_c * n_k * delta2(i, j);
            }
        }
        if expected.is_nan() || expected <= 0.0 {
            return None;
        }
        Some(1.0 - (n as f64 - 1.0) * observed / expected)
    }
}

/// Krippendorff's alpha of a units × coders table (`None` = missing value)
/// under `metric`; `None` where undefined. See [`CoincidenceMatrix::alpha`].
pub fn alpha<U: AsRef<[Option<u8>]>>(units: &[U], metric: Metric) -> Option<f64> {
    CoincidenceMatrix::from_units(units).alpha(metric)
}

#[cfg(test)]
mod tests {
    use super::*;

    const METRICS: [Metric; 3] = [Metric::Nominal, Metric::Ordinal, Metric::Interval];

    /// Krippendorff (2011), section C, "Any number of observers, missing
    /// data": observers A–D (columns) over units 1–12 (rows); `None` = `.`.
    ///
    /// ```text
    /// unit  1 2 3 4 5 6 7 8 9 10 11 12
    /// A     1 2 3 3 2 1 4 1 2 .  .  .
    /// B     1 2 3 3 2 2 4 1 2 5  .  3
    /// C     . 3 3 3 2 3 4 2 2 5  1  .
    /// D     1 2 3 3 2 4 4 1 2 5  1  .
    /// ```
    fn paper_data() -> Vec<[Option<u8>; 4]> {
        let rows: [[u8; 4]; 12] = [
            [1, 1, 0, 1],
            [2, 2, 3, 2],
            [3, 3, 3, 3],
            [3, 3, 3, 3],
            [2, 2, 2, 2],
            [1, 2, 3, 4],
            [4, 4, 4, 4],
            [1, 1, 2, 1],
            [2, 2, 2, 2],
            [0, 5, 5, 5],
            [0, 0, 1, 1],
            [0, 3, 0, 0],
        ];
        rows.iter()
            .map(|row| row.map(|v| if v == 0 { None } else { Some(v) }))
            .collect()
    }

    #[test]
    fn the_papers_coincidence_matrix() {
        let m = CoincidenceMatrix::from_units(&paper_data());
        // Unit 12 has a single value, so n = 40 pairable values, not 41.
        assert_eq!(m.pairable_values(), 40);
        // The paper's marginals n_c: 9, 13, 10, 5, 3.
        let marginals: Vec<u64> = (1..=5).map(|c| m.marginal(c)).collect();
        assert_eq!(marginals, [9, 13, 10, 5, 3]);
        // A few of the paper's coincidences: o_11 = 7, o_12 = 4/3, o_22 = 10,
        // o_55 = 3.
        assert!((m.coincidence(1, 1) - 7.0).abs() < 1e-12);
        assert!((m.coincidence(1, 2) - 4.0 / 3.0).abs() < 1e-12);
        assert!((m.coincidence(2, 2) - 10.0).abs() < 1e-12);
        assert!((m.coincidence(5, 5) - 3.0).abs() < 1e-12);
        // The matrix is symmetric.
        for c in 1..=5 {
            for k in 1..=5 {
                assert!((m.coincidence(c, k) - m.coincidence(k, c)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn the_papers_alphas() {
        let data = paper_data();
        let nominal = alpha(&data, Metric::Nominal).unwrap();
        let ordinal = alpha(&data, Metric::Ordinal).unwrap();
        let interval = alpha(&data, Metric::Interval).unwrap();
        assert!((nominal - 0.743).abs() < 0.0005, "nominal {nominal}");
        assert!((ordinal - 0.815).abs() < 0.0005, "ordinal {ordinal}");
        assert!((interval - 0.849).abs() < 0.0005, "interval {interval}");
    }

    #[test]
    fn perfect_agreement_is_one() {
        let units = [
            [Some(1), Some(1), None],
            [Some(3), Some(3), Some(3)],
            [Some(4), None, Some(4)],
        ];
        for metric in METRICS {
            assert_eq!(alpha(&units, metric), Some(1.0), "{metric:?}");
        }
    }

    #[test]
    fn two_coders_two_units_at_chance() {
        // Unit 1: (1, 1); unit 2: (1, 2). Each unit has m = 2 values, so each
        // ordered pair adds 1 / (m − 1) = 1:
        //
        //        1  2 | n_c
        //   1  [ 2  1 ] 3
        //   2  [ 1  0 ] 1
        //              n = 4
        //
        // Nominal: 1 − (n − 1)·(o_12 + o_21) / (n_1 n_2 + n_2 n_1)
        //        = 1 − 3·2 / 6 = 0. With two categories every metric scales
        // δ² by the same factor, so all three give 0.
        let units = [[Some(1), Some(1)], [Some(1), Some(2)]];
        let m = CoincidenceMatrix::from_units(&units);
        assert_eq!(m.coincidence(1, 1), 2.0);
        assert_eq!(m.coincidence(1, 2), 1.0);
        assert_eq!(m.coincidence(2, 1), 1.0);
        assert_eq!(m.coincidence(2, 2), 0.0);
        assert_eq!((m.marginal(1), m.marginal(2)), (3, 1));
        for metric in METRICS {
            let a = m.alpha(metric).unwrap();
            assert!(a.abs() < 1e-12, "{metric:?}: {a}");
        }
    }

    #[test]
    fn two_coders_two_units_where_metrics_differ() {
        // Unit 1: (1, 2); unit 2: (2, 3).
        //
        //        1  2  3 | n_c
        //   1  [ 0  1  0 ] 1
        //   2  [ 1  0  1 ] 2
        //   3  [ 0  1  0 ] 1
        //                 n = 4
        //
        // Nominal: observed Σ o δ² = 4; expected Σ n_c n_k δ² =
        //   2·(1·2 + 1·1 + 2·1) = 10; α = 1 − 3·4/10 = −0.2.
        // Interval: δ²(1,2) = δ²(2,3) = 1, δ²(1,3) = 4; observed 4;
        //   expected 2·(2·1 + 1·4 + 2·1) = 16; α = 1 − 3·4/16 = 0.25.
        // Ordinal: δ²(1,2) = (1 + 2 − 3/2)² = 2.25 = δ²(2,3),
        //   δ²(1,3) = (1 + 2 + 1 − 1)² = 9; observed 4·2.25 = 9;
        //   expected 2·(2·2.25 + 1·9 + 2·2.25) = 36; α = 1 − 3·9/36 = 0.25.
        let units = [[Some(1), Some(2)], [Some(2), Some(3)]];
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-12);
        assert!(close(alpha(&units, Metric::Nominal), -0.2));
        assert!(close(alpha(&units, Metric::Interval), 0.25));
        assert!(close(alpha(&units, Metric::Ordinal), 0.25));
    }

    #[test]
    fn ordinal_depends_on_order_not_on_numbers() {
        // Relabelling the categories monotonically keeps ordinal alpha.
        let units = [
            [Some(1), Some(2), Some(2)],
            [Some(3), Some(3), None],
            [Some(1), Some(4), Some(3)],
        ];
        let relabelled = units.map(|u| u.map(|v| v.map(|v| v * 10 + 7)));
        let a = alpha(&units, Metric::Ordinal).unwrap();
        let b = alpha(&relabelled, Metric::Ordinal).unwrap();
        assert!((a - b).abs() < 1e-12);
        // Interval alpha is invariant to shifting and scaling too…
        let c = alpha(&units, Metric::Interval).unwrap();
        let d = alpha(&relabelled, Metric::Interval).unwrap();
        assert!((c - d).abs() < 1e-12);
    }

    #[test]
    fn undefined_cases() {
        let empty: [[Option<u8>; 2]; 0] = [];
        let no_values = [[None, None], [None, None]];
        // Every unit has at most one value: nothing is pairable.
        let singletons = [[Some(1), None], [None, Some(4)]];
        // Pairable, but every value is the same: no expected disagreement.
        let one_category = [[Some(3), Some(3)], [Some(3), Some(3)]];
        for metric in METRICS {
            assert_eq!(alpha(&empty, metric), None);
            assert_eq!(alpha(&no_values, metric), None);
            assert_eq!(alpha(&singletons, metric), None);
            assert_eq!(alpha(&one_category, metric), None);
        }
    }

    #[test]
    fn merging_equals_adding_every_unit() {
        let data = paper_data();
        let (first, second) = data.split_at(5);
        let mut merged = CoincidenceMatrix::from_units(first);
        merged.merge(&CoincidenceMatrix::from_units(second));
        let whole = CoincidenceMatrix::from_units(&data);
        for metric in METRICS {
            let (a, b) = (merged.alpha(metric).unwrap(), whole.alpha(metric).unwrap());
            assert!((a - b).abs() < 1e-12);
        }
        assert_eq!(merged.categories().collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn systematic_disagreement_is_negative() {
        let units = [[Some(1), Some(4)], [Some(4), Some(1)], [Some(1), Some(4)]];
        for metric in METRICS {
            assert!(alpha(&units, metric).unwrap() < 0.0);
        }
    }
}
