//! Fuzzes `scorecard::io::parse_template` and `scorecard::io::parse_any`.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use scorecard::io::{ParsedFile, parse_any, parse_template};

mod common;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz/template.ron");
    common::with_texts(data, |text| {
        let template = parse_template(path, text);
        common::check(path, text, &template, "parse_template");

        let any = parse_any(path, text);
        common::check(path, text, &any, "parse_any");

        // parse_any tells the kind by the opening name, then parses as that
        // kind: a template it accepts must be the template parse_template
        // gives. (Compared through Debug so that a NaN weight, if the model
        // ever let one through, compares equal to itself.)
        if let Ok(ParsedFile::Template(from_any)) = &any {
            match &template {
                Ok(direct) => assert_eq!(
                    format!("{from_any:?}"),
                    format!("{direct:?}"),
                    "parse_any and parse_template disagree"
                ),
                Err(err) => panic!("parse_any accepted a template parse_template rejects: {err}"),
            }
        }
    });
});
