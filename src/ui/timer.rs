//! The exercise timer: counts up against the exercise's time box.

/// A stopwatch on the UI clock (`egui` input time, in seconds).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExerciseTimer {
    running_since: Option<f64>,
    banked: f64,
}

impl ExerciseTimer {
    /// A timer already running from `now`.
    pub fn started(now: f64) -> Self {
        Self {
            running_since: Some(now),
            banked: 0.0,
        }
    }

    /// Seconds counted so far.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.banked
            + self
                .running_since
                .map_or(0.0, |since| (now - since).max(0.0))
    }

    /// Whether it is counting.
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Pauses a running timer, resumes a paused one.
    pub fn toggle(&mut self, now: f64) {
        match self.running_since.take() {
            Some(since) => self.banked += (now - since).max(0.0),
            None => self.running_since = Some(now),
        }
    }

    /// Back to zero, paused.
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_only_while_running() {
        let mut timer = ExerciseTimer::started(10.0);
        assert_eq!(timer.elapsed(15.0), 5.0);
        timer.toggle(15.0);
        assert_eq!(timer.elapsed(100.0), 5.0);
        timer.toggle(100.0);
        assert_eq!(timer.elapsed(102.0), 7.0);
        timer.reset();
        assert_eq!(timer.elapsed(200.0), 0.0);
        assert!(!timer.is_running());
    }
}
