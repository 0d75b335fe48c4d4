//! Freeing something big on a thread of its own.
//!
//! Freeing hundreds of thousands of small allocations takes tens of
//! milliseconds (a replaced snapshot of 100,000 scorecards about 60 ms,
//! `examples/scale_phases.rs`; the parsed lines of 10,000 invites about a
//! quarter of planning them, in a profile: BENCHMARKS.md §9): time a
//! frame, or an import the user waits for, need not spend.

/// Drops `value` on a new thread named `name`; on this one if no thread
/// can be started (said in the log).
pub fn let_go<T: Send + 'static>(name: &str, value: T) {
    let started = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || drop(value));
    if let Err(err) = started {
        log::warn!("freeing {name} on this thread: {err:#}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_dropped() {
        let shared = std::sync::Arc::new(());
        let_go("a test's value", shared.clone());
        for _ in 0..1000 {
            if std::sync::Arc::strong_count(&shared) == 1 {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the value was never dropped");
    }
}
