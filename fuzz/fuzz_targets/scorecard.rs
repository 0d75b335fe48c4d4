//! Fuzzes `scorecard::io::parse_scorecard`.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use scorecard::io::parse_scorecard;

mod common;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz/scorecard.ron");
    common::with_texts(data, |text| {
        let result = parse_scorecard(path, text);
        common::check(path, text, &result, "parse_scorecard");
    });
});
