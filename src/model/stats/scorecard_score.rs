//! One submitted scorecard's score, the common term of DESIGN.md
//! "Evidence that the interview works": `s` = Σ weight·rating / Σ weight
//! over the dimensions it rated 1–4 (*no signal* left out), with the
//! template's weights.
//!
//! A dimension the template does not have is left out, as the weighted
//! score leaves it out; without a template in effect every rated dimension
//! counts with weight 1 (as the summary does). A weight that is not a
//! finite number above 0 counts for nothing.

use crate::model::{Scorecard, Template};

/// The score of `card` under `template`; `None` if it is a draft or rated
/// no dimension that counts.
pub fn scorecard_score(card: &Scorecard, template: Option<&Template>) -> Option<f64> {
    if !card.is_submitted() {
        return None;
    }
    let mut numerator = 0.0;
    let mut denominator = 0.0;
    for (dimension, entry) in card.ratings.iter() {
        let Some(score) = entry.rating.score() else {
            continue;
        };
        let weight = match template {
            Some(template) => match template.dimension(dimension.as_str()) {
                Some(d) => d.weight,
                None => continue,
            },
            None => 1.0,
        };
        if weight.is_finite() && weight > 0.0 {
            numerator += weight * f64::from(score);
            denominator += weight;
        }
    }
    (denominator > 0.0).then(|| numerator / denominator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::stats::test_data::{card, dimension, template};

    #[test]
    fn the_score_weighs_each_rated_dimension() {
        let t = template(
            "t",
            vec![
                dimension("a", 2.0),
                dimension("b", 1.0),
                dimension("c", 1.0),
            ],
        );
        // a: 4 (weight 2), b: 1, c: no signal → (8 + 1) / 3.
        let c = card(
            "c-1",
            "Ann",
            "2026-11-21T10:00:00Z",
            &[("a", 4), ("b", 1), ("c", 0)],
        );
        assert_eq!(scorecard_score(&c, Some(&t)), Some(3.0));
    }

    #[test]
    fn dimensions_outside_the_template_and_drafts_do_not_count() {
        let t = template("t", vec![dimension("a", 1.0)]);
        let c = card("c-1", "Ann", "2026-11-21T10:00:00Z", &[("a", 2), ("zz", 4)]);
        assert_eq!(scorecard_score(&c, Some(&t)), Some(2.0));
        assert_eq!(
            scorecard_score(&c, None),
            Some(3.0),
            "no template: weight 1 each"
        );
        let only_other = card("c-1", "Ann", "2026-11-21T10:00:00Z", &[("zz", 4)]);
        assert_eq!(scorecard_score(&only_other, Some(&t)), None);
        let mut draft = c.clone();
        draft.submitted_at = None;
        assert_eq!(scorecard_score(&draft, Some(&t)), None);
    }

    #[test]
    fn no_signal_everywhere_is_no_score() {
        let t = template("t", vec![dimension("a", 1.0)]);
        let c = card("c-1", "Ann", "2026-11-21T10:00:00Z", &[("a", 0)]);
        assert_eq!(scorecard_score(&c, Some(&t)), None);
    }
}
