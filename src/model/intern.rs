//! One copy of each short text the workspace repeats: dimension, template
//! and candidate ids, interviewer ids, stage names. A workspace of 100,000
//! scorecards names the same dozen dimensions and interviewers hundreds of
//! thousands of times; interned, each is a pointer to one shared copy.
//!
//! The pool lives as long as the process and only grows: it holds each
//! distinct text once (a few megabytes for a workspace of 100,000
//! candidates), which is the price of never counting references back.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock, PoisonError, RwLock};

static POOL: LazyLock<RwLock<HashSet<Arc<str>>>> = LazyLock::new(RwLock::default);

/// The shared copy of `text`, made on first sight.
pub fn intern(text: &str) -> Arc<str> {
    // Most texts are seen before: a read lock lets threads look up at once.
    let found = POOL
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(text)
        .cloned();
    if let Some(shared) = found {
        return shared;
    }
    let mut pool = POOL.write().unwrap_or_else(PoisonError::into_inner);
    if let Some(shared) = pool.get(text) {
        return shared.clone();
    }
    let shared: Arc<str> = Arc::from(text);
    pool.insert(shared.clone());
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_copy() {
        let a = intern("infrastructure-as-code");
        let b = intern(&String::from("infrastructure-as-code"));
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(&*a, "infrastructure-as-code");
        assert!(!Arc::ptr_eq(&a, &intern("observability")));
    }

    #[test]
    fn threads_agree_on_the_copy() {
        let handles: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| intern("shared-between-threads")))
            .collect();
        let copies: Vec<Arc<str>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert!(copies.windows(2).all(|w| Arc::ptr_eq(&w[0], &w[1])));
    }
}
