//! The JSONL reader on any bytes: every line becomes a document or an error naming its line,
//! and never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidby::ingest::{InvalidUtf8, ReadOptions, jsonl_documents};

fuzz_target!(|data: &[u8]| {
    for policy in [InvalidUtf8::Replace, InvalidUtf8::Skip] {
        let opts = ReadOptions {
            invalid_utf8: policy,
            ..ReadOptions::default()
        };
        let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
        let items: Vec<_> = jsonl_documents("f.jsonl".into(), data, opts).collect();
        // One item per non-blank line, or one error for a file with none.
        assert_eq!(items.len(), lines.max(1));
        for item in items {
            match item {
                Ok(d) => assert!(!d.text.trim().is_empty() && d.line.is_some()),
                Err(e) => assert!(!e.reason.is_empty()),
            }
        }
    }
});
