//! Giving freed memory back to the system after a big computation.
//!
//! glibc's allocator keeps a heap (an arena) per thread that allocates,
//! and keeps what is freed in it for the next allocation. The aggregates
//! of 100,000 scorecards are computed on every core and freed again, and
//! the arenas of those threads then hold pages that nothing uses until
//! the next computation: 15 MiB at 100k (BENCHMARKS.md §10, measured by
//! `benches/first_frame.rs`). `malloc_trim`
//! hands the free pages of every arena back. Elsewhere (another C
//! library, another platform) this does nothing.

/// Hands the allocator's free pages back to the system, where the
/// allocator is glibc's; does nothing elsewhere.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `malloc_trim` takes no pointer and only releases pages
        // glibc's allocator holds free; it is safe to call from any thread
        // at any time (it takes each arena's lock).
        #[allow(unsafe_code)]
        let _released = unsafe { libc::malloc_trim(0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_still_works_after_giving_it_back() {
        let big: Vec<Vec<u8>> = (0..1000).map(|i| vec![1; 1000 + i]).collect();
        drop(big);
        give_back_freed_memory();
        let again: Vec<u8> = vec![2; 1 << 20];
        assert_eq!(
            again.iter().map(|&b| usize::from(b)).sum::<usize>(),
            2 << 20
        );
    }
}
