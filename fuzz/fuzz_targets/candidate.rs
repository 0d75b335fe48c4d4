//! Fuzzes `scorecard::io::parse_candidate`.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use scorecard::io::parse_candidate;

mod common;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz/candidate.ron");
    common::with_texts(data, |text| {
        let result = parse_candidate(path, text);
        common::check(path, text, &result, "parse_candidate");
    });
});
