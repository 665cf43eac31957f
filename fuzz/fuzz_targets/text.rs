//! A `.txt` article from any bytes: refused with a reason (binary, empty, invalid UTF-8 under
//! `skip`) or read, and then analysed by the whole pipeline with every span checked.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use saidby::ingest::{InvalidUtf8, ReadOptions, text_document};
use saidby::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().expect("bundled data loads"))
}

fuzz_target!(|data: &[u8]| {
    let skip = ReadOptions {
        invalid_utf8: InvalidUtf8::Skip,
        ..ReadOptions::default()
    };
    let strict = text_document("f.txt", "f".into(), data.to_vec(), &skip);
    let doc = text_document("f.txt", "f".into(), data.to_vec(), &ReadOptions::default());
    match (&strict, &doc) {
        (Ok(s), Ok(d)) => assert!(!d.lossy && s.text == d.text),
        (Err(_), Ok(d)) => assert!(d.lossy, "only invalid UTF-8 differs"),
        (Ok(_), Err(_)) => panic!("replacing cannot refuse what skipping keeps"),
        (Err(_), Err(_)) => {}
    }
    if let Ok(d) = doc {
        let a = pipeline().analyse(d);
        if let Err(e) = a.check_spans() {
            panic!("{e}");
        }
    }
});
