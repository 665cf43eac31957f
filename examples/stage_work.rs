//! One stage of the pipeline run over the 50 BBC articles of tests/gold/bbc, N times, for
//! bench/instructions.sh: under callgrind, the instructions each stage costs are counted, a
//! figure that does not move with the load of a shared machine the way times do.
//!
//! ```sh
//! cargo run --release --example stage_work -- tag 20    # and prints its CPU time per pass
//! bench/instructions.sh tag attribute                   # instructions per pass (valgrind)
//! ```
//!
//! Stages: `read` (the BBC sample as JSONL, bench/data/bbc-2000.jsonl when bench/run.sh has
//! made it), `count` (the first pass's line counting), `clean` (with those counts), `segment`,
//! `quotes`, `tag`, `gazetteer` (the alias matching alone), `attribute`, `all` (analyse),
//! `export` (the CSV tables' rows of the analyses, as `saidby run` writes them).

use std::hint::black_box;
use std::path::PathBuf;

use saidby::attribute::attribute;
use saidby::clean::{CleanContext, Cleaned, CorpusLines};
use saidby::export::{CsvOptions, CsvSink, Sink};
use saidby::ingest::{Document, Input, ReadOptions, read_all};
use saidby::pipeline::{Analysis, Pipeline, article_quotes};
use saidby::quotes::Quote;
use saidby::segment::{Segmented, segment};
use saidby::tag::{Tagged, tag};

/// The sample and the output of every stage on it, computed once.
struct Sample<'a> {
    p: &'a Pipeline,
    docs: Vec<Document>,
    corpus: CorpusLines,
    cleaned: Vec<Cleaned>,
    segs: Vec<Segmented>,
    quotes: Vec<Vec<Quote>>,
    tagged: Vec<Tagged>,
    analyses: Vec<Analysis>,
}

fn sample(p: &Pipeline) -> Sample<'_> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold/bbc");
    let (inputs, _) = Input::discover(&[dir]);
    let docs: Vec<Document> = read_all(inputs, ReadOptions::default())
        .map(|d| d.expect("sample articles read"))
        .collect();
    let mut corpus = CorpusLines::default();
    for d in &docs {
        corpus.add_document(&d.text);
    }
    let cleaned: Vec<Cleaned> = docs
        .iter()
        .map(|d| p.cleaner.clean(&d.text, d.title.as_deref()))
        .collect();
    let segs: Vec<Segmented> = docs
        .iter()
        .zip(&cleaned)
        .map(|(d, c)| segment(&d.text, c, &p.lex))
        .collect();
    let quotes: Vec<Vec<Quote>> = docs
        .iter()
        .zip(&segs)
        .map(|(d, s)| article_quotes(&d.text, s))
        .collect();
    let tagged: Vec<Tagged> = (0..docs.len())
        .map(|i| tag(&docs[i].text, &segs[i], &quotes[i], &p.lex, &p.gaz))
        .collect();
    let analyses = docs.iter().map(|d| p.analyse(d.clone())).collect();
    Sample {
        p,
        docs,
        corpus,
        cleaned,
        segs,
        quotes,
        tagged,
        analyses,
    }
}

/// Runs `stage` `n` times; bench/instructions.sh counts instructions inside this function only.
#[inline(never)]
fn run_stage(stage: &str, n: usize, s: &Sample) {
    let p = s.p;
    for _ in 0..n {
        match stage {
            "read" => {
                let jsonl =
                    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench/data/bbc-2000.jsonl");
                let (inputs, _) = Input::discover(&[jsonl]);
                for d in read_all(inputs, ReadOptions::default()) {
                    black_box(d.ok());
                }
            }
            "count" => {
                let mut c = CorpusLines::default();
                for d in &s.docs {
                    c.add_document(&d.text);
                }
                black_box(c);
            }
            "clean" => {
                for d in &s.docs {
                    let cx = CleanContext {
                        meta_title: d.title.as_deref(),
                        corpus: Some(&s.corpus),
                        ..CleanContext::default()
                    };
                    black_box(p.cleaner.clean_with(&d.text, &cx));
                }
            }
            "segment" => {
                for (d, c) in s.docs.iter().zip(&s.cleaned) {
                    black_box(segment(&d.text, c, &p.lex));
                }
            }
            "quotes" => {
                for (d, g) in s.docs.iter().zip(&s.segs) {
                    black_box(article_quotes(&d.text, g));
                }
            }
            "tag" => {
                for (i, d) in s.docs.iter().enumerate() {
                    black_box(tag(&d.text, &s.segs[i], &s.quotes[i], &p.lex, &p.gaz));
                }
            }
            "gazetteer" => {
                for d in &s.docs {
                    black_box(p.gaz.find(&d.text, 0, d.text.len()));
                }
            }
            "attribute" => {
                for (i, d) in s.docs.iter().enumerate() {
                    let date = s.cleaned[i].date.map(|x| x.text(&d.text));
                    black_box(attribute(
                        &d.text,
                        &s.segs[i],
                        &s.quotes[i],
                        &s.tagged[i],
                        &p.lex,
                        &p.gaz,
                        date,
                    ));
                }
            }
            "all" => {
                for d in &s.docs {
                    black_box(p.analyse(d.clone()));
                }
            }
            "export" => {
                let dir = std::env::temp_dir().join(format!("stage-work-{}", std::process::id()));
                let mut sink = CsvSink::create(&dir, CsvOptions::default()).expect("tables");
                for a in &s.analyses {
                    sink.document(a).expect("rows written");
                }
                black_box(sink);
                let _ = std::fs::remove_dir_all(&dir);
            }
            other => panic!("no stage {other:?}"),
        }
    }
}

/// This thread's CPU time in seconds (Linux), or 0.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stage = args.get(1).map_or("all", String::as_str);
    let n: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let p = Pipeline::bundled().expect("bundled data loads");
    let s = sample(&p);
    let bytes: usize = s.docs.iter().map(|d| d.text.len()).sum();
    let start = cpu_seconds();
    run_stage(stage, n, &s);
    let cpu = cpu_seconds() - start;
    eprintln!(
        "{stage}: {:.3} ms of CPU per pass over {} articles ({:.1} MB/s)",
        cpu * 1e3 / n as f64,
        s.docs.len(),
        (bytes * n) as f64 / 1e6 / cpu.max(1e-9)
    );
}
