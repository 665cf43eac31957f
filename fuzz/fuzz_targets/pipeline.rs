//! The whole document pipeline on any bytes: decoded as the readers decode them, analysed
//! through every stage with every span checked (saidby::pipeline::Analysis::check_spans), and
//! exported to CSV (the tables, character offsets and aggregates written for every input; the
//! folder is finished and started afresh every few thousand inputs to stay small).
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use saidby::export::{CsvOptions, CsvSink, Sink};
use saidby::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().expect("bundled data loads"))
}

struct Export {
    dir: std::path::PathBuf,
    sink: Option<CsvSink>,
    docs: usize,
}

fn export() -> &'static Mutex<Export> {
    static E: OnceLock<Mutex<Export>> = OnceLock::new();
    E.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("saidby-fuzz-{}", std::process::id()));
        Mutex::new(Export {
            dir,
            sink: None,
            docs: 0,
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = pipeline().analyse_text("fuzz", &text);
    if let Err(e) = a.check_spans() {
        panic!("{e}");
    }
    let mut e = export().lock().unwrap();
    if e.sink.is_none() {
        let raw = e.docs % 2 == 1;
        e.sink = Some(CsvSink::create(&e.dir, CsvOptions { raw, ..CsvOptions::default() }).expect("a temporary folder"));
    }
    e.sink.as_mut().unwrap().document(&a).expect("rows are written");
    e.docs += 1;
    if e.docs % 5000 == 0 {
        e.sink.take().unwrap().finish().expect("tables are finished");
    }
});
