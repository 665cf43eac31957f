//! A whole run: documents streamed from the inputs in batches, analysed in parallel, pushed
//! into a sink in input order. Memory holds one batch, never the corpus, and the output is the
//! same at any number of threads.
//!
//! ```
//! use saidby::{pipeline::Pipeline, run::{run, RunOptions}, export::{CsvSink, CsvOptions}, ingest::Input};
//! let dir = std::env::temp_dir().join(format!("saidby-doc-run-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("a.txt"), "Title\n\n\"Yes,\" she said.\n").unwrap();
//! let p = Pipeline::bundled().unwrap();
//! let mut sink = CsvSink::create(&dir.join("out"), CsvOptions::default()).unwrap();
//! let (inputs, errors) = Input::discover(&[dir.join("a.txt")]);
//! let totals = run(&p, inputs, errors, &RunOptions::default(), &mut sink, |_| {}).unwrap();
//! assert_eq!((totals.documents, totals.quotes), (1, 1));
//! ```

use std::collections::BTreeSet;
use std::io;

use rayon::prelude::*;

use crate::clean::CorpusLines;
use crate::error::InputError;
use crate::export::{Sink, Totals};
use crate::ingest::{Input, ReadOptions, read_all};
use crate::pipeline::{Analysis, Pipeline};

#[derive(Clone, Debug)]
pub struct RunOptions {
    pub read: ReadOptions,
    /// Documents per parallel batch.
    pub batch_docs: usize,
    /// Bytes of text per parallel batch (whichever limit comes first).
    pub batch_bytes: usize,
    /// Count every line across the input in a first pass, so lines that repeat across
    /// documents are classified as furniture (not possible for standard input, which is then
    /// read once).
    pub corpus_pass: bool,
    /// Documents not to analyse again: the doc_ids of the output folder's tables (`--resume`).
    pub skip: BTreeSet<String>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            read: ReadOptions::default(),
            batch_docs: 256,
            batch_bytes: 8 << 20,
            corpus_pass: false,
            skip: BTreeSet::new(),
        }
    }
}

enum Item {
    Doc(Box<crate::ingest::Document>),
    Err(InputError),
}

/// Runs every input through the pipeline into `sink`; `progress` is called after each batch
/// with the number of documents done. Runs on the current rayon pool.
pub fn run<S: Sink + ?Sized>(
    pipeline: &Pipeline,
    inputs: Vec<Input>,
    discover_errors: Vec<InputError>,
    opts: &RunOptions,
    sink: &mut S,
    mut progress: impl FnMut(u64),
) -> io::Result<Totals> {
    let mut totals = Totals::default();
    for e in &discover_errors {
        sink.error(e)?;
        totals.errors += 1;
    }
    let corpus = (opts.corpus_pass && !inputs.iter().any(|i| i.stdin))
        .then(|| count_lines(pipeline, inputs.clone(), opts));
    let corpus = corpus.as_ref();
    let mut skipped = 0u64;
    let mut docs = read_all(inputs, opts.read.clone()).filter_map(|r| match r {
        Ok(d) if opts.skip.contains(&d.id) => {
            skipped += 1;
            None
        }
        Ok(d) => Some(Item::Doc(Box::new(d))),
        Err(e) => Some(Item::Err(e)),
    });
    let mut done = 0u64;
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        for item in docs.by_ref() {
            if let Item::Doc(d) = &item {
                bytes += d.text.len();
            }
            batch.push(item);
            if batch.len() >= opts.batch_docs || bytes >= opts.batch_bytes {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<Analysis, InputError>> = batch
            .into_par_iter()
            .map(|item| match item {
                Item::Doc(d) => Ok(pipeline.analyse_in(*d, corpus)),
                Item::Err(e) => Err(e),
            })
            .collect();
        for r in results {
            match r {
                Ok(a) => {
                    sink.document(&a)?;
                    if a.doc.lossy {
                        let mut w = InputError::new(
                            &a.doc.file,
                            a.doc.line,
                            "invalid UTF-8 replaced with U+FFFD; document kept, flagged in documents.csv",
                        );
                        w.doc_id = Some(a.doc.id.clone());
                        sink.warning(&w)?;
                        totals.warnings += 1;
                    }
                    totals.documents += 1;
                    totals.quotes += a.quotes.len() as u64;
                    totals.attributed += a
                        .quotes
                        .iter()
                        .filter(|q| q.attribution.entity.is_some() || q.attribution.name.is_some())
                        .count() as u64;
                    totals.mentions += a.tagged.mentions.len() as u64;
                    totals.bytes += a.text.len() as u64;
                }
                Err(e) => {
                    sink.error(&e)?;
                    totals.errors += 1;
                }
            }
            done += 1;
        }
        progress(done);
    }
    drop(docs);
    totals.skipped = skipped;
    Ok(totals)
}

/// The first pass: every document's text (extracted from its page for HTML), its lines
/// counted. Errors are left for the second pass to report.
pub fn count_lines(pipeline: &Pipeline, inputs: Vec<Input>, opts: &RunOptions) -> CorpusLines {
    let mut total = CorpusLines::default();
    let mut docs = read_all(inputs, opts.read.clone()).filter_map(Result::ok);
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        for d in docs.by_ref() {
            bytes += d.text.len() + d.html.as_ref().map_or(0, String::len);
            batch.push(d);
            if batch.len() >= opts.batch_docs || bytes >= opts.batch_bytes {
                break;
            }
        }
        if batch.is_empty() {
            return total;
        }
        let part = batch
            .into_par_iter()
            .map(|mut d| {
                pipeline.prepare(&mut d);
                let mut c = CorpusLines::default();
                c.add_document(&d.text);
                c
            })
            .reduce(CorpusLines::default, |mut a, b| {
                a.merge(b);
                a
            });
        total.merge(part);
    }
}
