//! How numbers are written: two decimals for people, every digit for
//! machines.

/// What a missing number (`null` in JSON) reads as in Markdown and HTML.
pub const MISSING: &str = "—";

/// `value` with two decimals, or [`MISSING`].
pub fn two_decimals(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{:.2}", clean_zero(v)),
        _ => MISSING.to_owned(),
    }
}

/// `value` with two decimals and a sign (`+0.25`, `-0.50`, `0.00`), or
/// [`MISSING`]: for leniency, where the sign is the point.
pub fn signed_two_decimals(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let rounded = clean_zero((v * 100.0).round() / 100.0);
            if rounded == 0.0 {
                "0.00".to_owned()
            } else {
                format!("{rounded:+.2}")
            }
        }
        _ => MISSING.to_owned(),
    }
}

/// `value` unrounded (the shortest text that reads back as the same
/// `f64`), or an empty string when missing or not finite: for CSV cells.
pub fn full_precision(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{}", clean_zero(v)),
        _ => String::new(),
    }
}

/// An optional whole number, or an empty string: for CSV cells.
pub fn whole(value: Option<u8>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// `-0.0` as `0.0`, so no "-0.00" is ever shown.
fn clean_zero(v: f64) -> f64 {
    if v == 0.0 { 0.0 } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_get_two_decimals_machines_every_digit() {
        assert_eq!(two_decimals(Some(10.0 / 3.0)), "3.33");
        assert_eq!(two_decimals(Some(-0.0)), "0.00");
        assert_eq!(two_decimals(None), MISSING);
        assert_eq!(signed_two_decimals(Some(0.25)), "+0.25");
        assert_eq!(signed_two_decimals(Some(-0.5)), "-0.50");
        assert_eq!(signed_two_decimals(Some(-0.001)), "0.00");
        assert_eq!(full_precision(Some(10.0 / 3.0)), "3.3333333333333335");
        assert_eq!(full_precision(Some(3.0)), "3");
        assert_eq!(full_precision(Some(f64::NAN)), "");
        assert_eq!(whole(Some(2)), "2");
        assert_eq!(whole(None), "");
    }
}
