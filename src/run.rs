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
use std::sync::mpsc;
use std::thread;

use rayon::prelude::*;

use crate::clean::CorpusLines;
use crate::error::InputError;
use crate::export::{Render, Sink, Totals};
use crate::ingest::{Input, Pending, ReadOptions, read_pending};
use crate::pipeline::{Analysis, Pipeline};

/// One input item done by a worker: a document rendered for the sink, with what the summary
/// counts of it, the problem that stopped it, or a document the tables have already.
enum Done<D> {
    Doc(io::Result<D>, Counted),
    Err(InputError),
    Skipped,
}

/// What the run's totals count of one document.
struct Counted {
    quotes: u64,
    attributed: u64,
    mentions: u64,
    bytes: u64,
    /// Invalid UTF-8 was replaced: reported as a warning.
    lossy: Option<InputError>,
}

impl Counted {
    fn of(a: &Analysis) -> Counted {
        let lossy = a.doc.lossy.then(|| {
            let mut w = InputError::new(
                &a.doc.file,
                a.doc.line,
                "invalid UTF-8 replaced with U+FFFD; document kept, flagged in documents.csv",
            );
            w.doc_id = Some(a.doc.id.clone());
            w
        });
        Counted {
            quotes: a.quotes.len() as u64,
            attributed: a
                .quotes
                .iter()
                .filter(|q| q.attribution.entity.is_some() || q.attribution.name.is_some())
                .count() as u64,
            mentions: a.tagged.mentions.len() as u64,
            bytes: a.text.len() as u64,
            lossy,
        }
    }
}

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
    /// The inputs the first pass counts lines over, when they are more than the inputs
    /// analysed: for one shard of a corpus, the whole corpus, so that the shard classifies
    /// every line as one run over everything would ([`crate::shard`]). `None`: the inputs
    /// analysed.
    pub corpus_inputs: Option<Vec<Input>>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            read: ReadOptions::default(),
            batch_docs: 256,
            batch_bytes: 8 << 20,
            corpus_pass: false,
            skip: BTreeSet::new(),
            corpus_inputs: None,
        }
    }
}

/// Batches waiting between two steps: reading runs ahead of the analysis, and the analysis
/// ahead of the writing, by this many batches at most (memory stays a few batches).
const QUEUE: usize = 1;

/// Reads the inputs into batches on a thread of its own, so that reading the next batch
/// overlaps the analysis of this one. JSONL lines are left for the workers to parse
/// ([`Pending`]): the reader only splits the input. The thread ends when the inputs do or
/// when the receiver is dropped.
fn spawn_reader<'scope>(
    scope: &'scope thread::Scope<'scope, '_>,
    inputs: Vec<Input>,
    opts: &'scope RunOptions,
) -> io::Result<(
    mpsc::Receiver<Vec<Pending>>,
    thread::ScopedJoinHandle<'scope, ()>,
)> {
    let (tx, rx) = mpsc::sync_channel(QUEUE);
    let reader = thread::Builder::new().name("saidby-reader".into());
    let reader = reader.spawn_scoped(scope, move || {
        let mut items = read_pending(inputs, opts.read.clone());
        loop {
            let mut batch = Vec::new();
            let mut bytes = 0;
            for item in items.by_ref() {
                bytes += item.len();
                batch.push(item);
                if batch.len() >= opts.batch_docs || bytes >= opts.batch_bytes {
                    break;
                }
            }
            if batch.is_empty() || tx.send(batch).is_err() {
                return;
            }
        }
    });
    Ok((rx, reader?))
}

/// Runs every input through the pipeline into `sink`; `progress` is called after each batch
/// with the number of documents done. Three steps overlap: a thread reads the next batch, the
/// current rayon pool analyses and renders this one ([`Render`]), and a thread pushes the
/// previous one into the sink, always in input order.
pub fn run<S: Sink + Send + ?Sized>(
    pipeline: &Pipeline,
    inputs: Vec<Input>,
    discover_errors: Vec<InputError>,
    opts: &RunOptions,
    sink: &mut S,
    mut progress: impl FnMut(u64) + Send,
) -> io::Result<Totals> {
    let counted = opts.corpus_inputs.as_ref().unwrap_or(&inputs);
    let corpus = (opts.corpus_pass && !counted.iter().chain(&inputs).any(|i| i.stdin))
        .then(|| count_lines(pipeline, counted.clone(), opts))
        .transpose()?;
    let corpus = corpus.as_ref();
    let render = sink.renderer();
    let render = &render;
    thread::scope(|s| {
        let (batches, reader) = spawn_reader(s, inputs, opts)?;
        type Batch<S> = Vec<Done<<<S as Sink>::Render as Render>::Doc>>;
        let (done_tx, done_rx) = mpsc::sync_channel::<Batch<S>>(QUEUE);
        let writer = thread::Builder::new().name("saidby-writer".into());
        let writer = writer.spawn_scoped(s, move || -> io::Result<Totals> {
            let mut totals = Totals::default();
            for e in &discover_errors {
                sink.error(e)?;
                totals.errors += 1;
            }
            let mut done = 0u64;
            for results in done_rx {
                for r in results {
                    match r {
                        Done::Doc(doc, c) => {
                            sink.push(doc?)?;
                            if let Some(w) = &c.lossy {
                                sink.warning(w)?;
                                totals.warnings += 1;
                            }
                            totals.documents += 1;
                            totals.quotes += c.quotes;
                            totals.attributed += c.attributed;
                            totals.mentions += c.mentions;
                            totals.bytes += c.bytes;
                        }
                        Done::Err(e) => {
                            sink.error(&e)?;
                            totals.errors += 1;
                        }
                        Done::Skipped => {
                            totals.skipped += 1;
                            continue;
                        }
                    }
                    done += 1;
                }
                sink.batch_done()?;
                progress(done);
            }
            Ok(totals)
        });
        let writer = writer?;
        for batch in batches {
            // Each document is parsed, analysed and rendered on the same worker, and freed
            // there.
            let results: Batch<S> = batch
                .into_par_iter()
                .map(|item| match item.parse(&opts.read) {
                    Ok(d) if opts.skip.contains(&d.id) => Done::Skipped,
                    Ok(d) => {
                        let a = pipeline.analyse_in(d, corpus);
                        Done::Doc(render.render(&a), Counted::of(&a))
                    }
                    Err(e) => Done::Err(e),
                })
                .collect();
            if done_tx.send(results).is_err() {
                // The writer stopped on an error, which it returns below.
                break;
            }
        }
        drop(done_tx);
        let totals = writer.join().expect("the writer thread does not panic");
        reader.join().expect("the reader thread does not panic");
        totals
    })
}

/// The first pass: every document's text (extracted from its page for HTML), its lines
/// counted. Errors are left for the second pass to report. Reading overlaps counting, as in
/// [`run`].
pub fn count_lines(
    pipeline: &Pipeline,
    inputs: Vec<Input>,
    opts: &RunOptions,
) -> io::Result<CorpusLines> {
    thread::scope(|s| {
        let (batches, _) = spawn_reader(s, inputs, opts)?;
        let mut total = CorpusLines::default();
        for batch in batches {
            let part = batch
                .into_par_iter()
                .filter_map(|item| item.parse(&opts.read).ok())
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
        Ok(total)
    })
}
