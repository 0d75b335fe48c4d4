//! Elapsed interview time, as shown on the timer and stamped into evidence.

/// `mm:ss` for under an hour, `h:mm:ss` beyond.
pub fn format_elapsed(seconds: f64) -> String {
    let total = if seconds.is_finite() && seconds > 0.0 {
        // Whole seconds, rounded down: the clock ticks like a stopwatch.
        seconds as u64
    } else {
        0
    };
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// The stamp inserted into evidence notes: `[12:34] `.
pub fn evidence_stamp(seconds: f64) -> String {
    format!("[{}] ", format_elapsed(seconds))
}

/// How long ago something happened: "just now", "3 min ago", "2 h ago",
/// "4 days ago", for pending drafts.
pub fn format_age(seconds: i64) -> String {
    match seconds.max(0) {
        s if s < 60 => "just now".to_owned(),
        s if s < 3600 => format!("{} min ago", s / 60),
        s if s < 2 * 86_400 => format!("{} h ago", s / 3600),
        s => format!("{} days ago", s / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_stopwatch_time() {
        assert_eq!(format_elapsed(0.0), "00:00");
        assert_eq!(format_elapsed(754.9), "12:34");
        assert_eq!(format_elapsed(3600.0 + 61.0), "1:01:01");
        assert_eq!(format_elapsed(-5.0), "00:00");
        assert_eq!(format_elapsed(f64::NAN), "00:00");
        assert_eq!(evidence_stamp(754.0), "[12:34] ");
    }

    #[test]
    fn formats_ages() {
        assert_eq!(format_age(5), "just now");
        assert_eq!(format_age(125), "2 min ago");
        assert_eq!(format_age(7200), "2 h ago");
        assert_eq!(format_age(3 * 86_400), "3 days ago");
    }
}
