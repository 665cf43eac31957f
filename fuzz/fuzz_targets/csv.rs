//! The CSV reader on any bytes: each record becomes a document or an error naming its line,
//! and never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidby::ingest::{InvalidUtf8, ReadOptions, csv_documents};

fuzz_target!(|data: &[u8]| {
    for policy in [InvalidUtf8::Replace, InvalidUtf8::Skip] {
        let opts = ReadOptions {
            invalid_utf8: policy,
            ..ReadOptions::default()
        };
        let mut n = 0;
        for item in csv_documents("f.csv".into(), std::io::Cursor::new(data.to_vec()), opts) {
            n += 1;
            match item {
                Ok(d) => assert!(!d.text.trim().is_empty() && d.line.is_some()),
                Err(e) => assert!(!e.reason.is_empty()),
            }
        }
        assert!(n >= 1, "every file gives a document or an error");
    }
});
