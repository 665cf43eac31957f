//! The fuzz targets' checks on the committed fuzz corpus (fuzz/corpus/TARGET, minimised with
//! `cargo fuzz cmin`) and on every input that ever crashed a target (tests/fuzz_crashes/TARGET,
//! one file per crash, kept as a regression test): what the fuzzer learnt stays tested by
//! `cargo test`, without a fuzzer.

use std::path::Path;
use std::sync::OnceLock;

use saidby::export::{CsvOptions, CsvSink, Sink};
use saidby::ingest::{InvalidUtf8, ReadOptions, csv_documents, jsonl_documents, text_document};
use saidby::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().expect("bundled data loads"))
}

/// Every input of `target` in the corpus and the crash folder.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in [
        format!("fuzz/corpus/{target}"),
        format!("tests/fuzz_crashes/{target}"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            if p.file_name().is_some_and(|n| n == "README.md") {
                continue;
            }
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn opts(policy: InvalidUtf8) -> ReadOptions {
    ReadOptions {
        invalid_utf8: policy,
        ..ReadOptions::default()
    }
}

#[test]
fn pipeline_corpus() {
    let items = inputs("pipeline");
    assert!(!items.is_empty(), "the corpus is committed");
    let dir = std::env::temp_dir().join(format!("saidby-fuzz-corpus-{}", std::process::id()));
    let mut sink = CsvSink::create(&dir, CsvOptions::default()).unwrap();
    for (name, data) in &items {
        let a = pipeline().analyse_text("fuzz", &String::from_utf8_lossy(data));
        a.check_spans().unwrap_or_else(|e| panic!("{name}: {e}"));
        sink.document(&a).unwrap();
    }
    sink.finish().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_corpus() {
    let items = inputs("text");
    assert!(!items.is_empty(), "the corpus is committed");
    for (name, data) in &items {
        let strict = text_document("f.txt", "f".into(), data.clone(), &opts(InvalidUtf8::Skip));
        let doc = text_document(
            "f.txt",
            "f".into(),
            data.clone(),
            &opts(InvalidUtf8::Replace),
        );
        match (&strict, &doc) {
            (Ok(s), Ok(d)) => assert!(!d.lossy && s.text == d.text, "{name}"),
            (Err(_), Ok(d)) => assert!(d.lossy, "{name}: only invalid UTF-8 differs"),
            (Ok(_), Err(_)) => panic!("{name}: replacing refused what skipping kept"),
            (Err(_), Err(_)) => {}
        }
        if let Ok(d) = doc {
            let a = pipeline().analyse(d);
            a.check_spans().unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn jsonl_corpus() {
    let items = inputs("jsonl");
    assert!(!items.is_empty(), "the corpus is committed");
    for (name, data) in &items {
        for policy in [InvalidUtf8::Replace, InvalidUtf8::Skip] {
            let lines = data
                .split(|&b| b == b'\n')
                .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
                .count();
            let items: Vec<_> =
                jsonl_documents("f.jsonl".into(), &data[..], opts(policy)).collect();
            assert_eq!(items.len(), lines.max(1), "{name}");
            for item in items {
                match item {
                    Ok(d) => assert!(!d.text.trim().is_empty() && d.line.is_some(), "{name}"),
                    Err(e) => assert!(!e.reason.is_empty(), "{name}"),
                }
            }
        }
    }
}

#[test]
fn csv_corpus() {
    let items = inputs("csv");
    assert!(!items.is_empty(), "the corpus is committed");
    for (name, data) in &items {
        for policy in [InvalidUtf8::Replace, InvalidUtf8::Skip] {
            let mut n = 0;
            for item in csv_documents(
                "f.csv".into(),
                std::io::Cursor::new(data.clone()),
                opts(policy),
            ) {
                n += 1;
                match item {
                    Ok(d) => assert!(!d.text.trim().is_empty() && d.line.is_some(), "{name}"),
                    Err(e) => assert!(!e.reason.is_empty(), "{name}"),
                }
            }
            assert!(n >= 1, "{name}: a document or an error");
        }
    }
}

#[test]
fn the_corpus_stays_small() {
    let mut bytes = 0;
    let mut files = 0;
    for target in ["pipeline", "text", "jsonl", "csv"] {
        for (_, data) in inputs(target) {
            bytes += data.len();
            files += 1;
        }
    }
    assert!(
        Path::new("fuzz/corpus").exists() && files > 0,
        "the corpus is committed"
    );
    assert!(
        bytes < 2 << 20 && files < 4000,
        "{files} files, {bytes} bytes: minimise it with cargo fuzz cmin"
    );
}
