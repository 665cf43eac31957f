//! Per-stage cost of the pipeline, and the tagger's throughput, over a fixed sample: the 50
//! BBC News articles of tests/gold/bbc (MIT, see its LICENSE).
//!
//! ```sh
//! cargo bench --bench stages            # every group
//! cargo bench --bench stages -- tagger  # only the gazetteer matching
//! ```
//!
//! Each stage is timed on the output of the stages before it (computed once, outside the
//! timing), one document after another on one thread; throughput is in bytes of the articles'
//! text, so the MB/s of every stage compare directly.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use saidby::attribute::attribute;
use saidby::clean::{CleanContext, CorpusLines};
use saidby::export::{CsvOptions, CsvSink, Sink};
use saidby::ingest::{Document, Input, ReadOptions, read_all};
use saidby::pipeline::{Analysis, Pipeline, article_quotes};
use saidby::segment::segment;
use saidby::tag::tag;

fn sample() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold/bbc");
    let (inputs, errors) = Input::discover(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    let docs: Vec<Document> = read_all(inputs, ReadOptions::default())
        .map(|d| d.expect("sample articles read"))
        .collect();
    assert_eq!(
        docs.len(),
        50,
        "tests/gold/bbc holds the 50 sample articles"
    );
    docs
}

fn stages(c: &mut Criterion) {
    let p = Pipeline::bundled().expect("bundled data loads");
    let docs = sample();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let cleaned: Vec<_> = docs
        .iter()
        .map(|d| p.cleaner.clean(&d.text, d.title.as_deref()))
        .collect();
    let segs: Vec<_> = texts
        .iter()
        .zip(&cleaned)
        .map(|(t, c)| segment(t, c, &p.lex))
        .collect();
    let quotes: Vec<_> = texts
        .iter()
        .zip(&segs)
        .map(|(t, s)| article_quotes(t, s))
        .collect();
    let tagged: Vec<_> = (0..docs.len())
        .map(|i| tag(texts[i], &segs[i], &quotes[i], &p.lex, &p.gaz))
        .collect();
    let dates: Vec<Option<&str>> = (0..docs.len())
        .map(|i| cleaned[i].date.map(|s| s.text(texts[i])))
        .collect();
    let analyses: Vec<Analysis> = docs.iter().map(|d| p.analyse(d.clone())).collect();

    // The lines of the sample counted as `saidby run`'s first pass counts them.
    let mut corpus = CorpusLines::default();
    for t in &texts {
        corpus.add_document(t);
    }

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::BytesDecimal(bytes));
    g.bench_function("count lines (first pass)", |b| {
        b.iter(|| {
            let mut c = CorpusLines::default();
            for t in &texts {
                c.add_document(t);
            }
            black_box(c)
        })
    });
    g.bench_function("clean", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(p.cleaner.clean(&d.text, d.title.as_deref()));
            }
        })
    });
    g.bench_function("clean (with line counts)", |b| {
        b.iter(|| {
            for d in &docs {
                let cx = CleanContext {
                    meta_title: d.title.as_deref(),
                    corpus: Some(&corpus),
                    ..CleanContext::default()
                };
                black_box(p.cleaner.clean_with(&d.text, &cx));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for (t, c) in texts.iter().zip(&cleaned) {
                black_box(segment(t, c, &p.lex));
            }
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            for (t, s) in texts.iter().zip(&segs) {
                black_box(article_quotes(t, s));
            }
        })
    });
    g.bench_function("tag", |b| {
        b.iter(|| {
            for i in 0..docs.len() {
                black_box(tag(texts[i], &segs[i], &quotes[i], &p.lex, &p.gaz));
            }
        })
    });
    g.bench_function("attribute", |b| {
        b.iter(|| {
            for i in 0..docs.len() {
                black_box(attribute(
                    texts[i], &segs[i], &quotes[i], &tagged[i], &p.lex, &p.gaz, dates[i],
                ));
            }
        })
    });
    let out = std::env::temp_dir().join(format!("saidby-bench-export-{}", std::process::id()));
    g.bench_function("export", |b| {
        b.iter_batched_ref(
            || CsvSink::create(&out, CsvOptions::default()).expect("temp tables"),
            |sink| {
                for a in &analyses {
                    sink.document(a).expect("tables written");
                }
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("all (analyse)", |b| {
        b.iter_batched(
            || docs.clone(),
            |docs| {
                for d in docs {
                    black_box(p.analyse(d));
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
    std::fs::remove_dir_all(&out).ok();

    // The gazetteer matching alone (issue 4 wants it above 50 MB/s): every alias of the full
    // bundled gazetteers over the whole text of each article.
    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::BytesDecimal(bytes));
    g.bench_function("gazetteer matching", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(p.gaz.find(t, 0, t.len()));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    // The alias automaton is built on a thread of its own: the first search waits for it.
    g.bench_function("Pipeline::bundled, first search", |b| {
        b.iter(|| {
            let p = Pipeline::bundled().expect("bundled data loads");
            black_box(p.gaz.find("Rishi Sunak", 0, 11));
            p
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
