//! The `saidby` command line: argument parsing and wiring only; the work is in the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

use saidby::export::{CsvOptions, CsvSink, Totals};

/// Analysis allocates and frees many small vectors and strings per document on several
/// threads at once: mimalloc's thread-local free lists do that with fewer instructions than
/// the system allocator (4.8% fewer for the whole analysis, callgrind, bench/instructions.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use saidby::ingest::{Input, InvalidUtf8, ReadOptions};
use saidby::pipeline::{Pipeline, PipelineOptions};
use saidby::run::{RunOptions, run};
use saidby::shard::{MARKER, Marker, RunIdentity, Shard};
use saidby::stream::JsonlSink;

#[derive(Parser)]
#[command(
    name = "saidby",
    version,
    about = "Who said what: quotes, speakers and entities from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and write the CSV tables into a folder.
    Run(RunArgs),
    /// Print each quote of the given articles with its speaker and evidence.
    Show(ShowArgs),
    /// Score quotes and entities against hand-annotated gold files (tests/gold/GUIDELINES.md).
    Eval(EvalArgs),
    /// Combine the tables of every shard of a run (`run --shard I/N`) into the tables one run
    /// would have written.
    Merge(MergeArgs),
}

#[derive(Args)]
struct MergeArgs {
    /// Shard folders (OUT/shard-I-of-N), or folders holding them.
    #[arg(required = true, value_name = "SHARD_DIR")]
    shards: Vec<PathBuf>,
    /// The folder to write the merged tables into (created if missing).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct EvalArgs {
    /// A gold file: quotes (doc_id, kind, speaker, required, text) or entities (doc_id, type,
    /// name, section, required); may be repeated.
    #[arg(long, required = true, value_name = "FILE")]
    gold: Vec<PathBuf>,
    /// Score a finished output folder (quotes.csv, mentions.csv, documents.csv) instead of
    /// analysing INPUT.
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    tables: Option<PathBuf>,
    /// Articles to analyse and score (files or folders).
    #[arg(value_name = "INPUT", required_unless_present = "tables")]
    inputs: Vec<PathBuf>,
    /// Only the scores, without the lists of misses, wrong speakers and false positives.
    #[arg(long)]
    summary: bool,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Args)]
struct DataArgs {
    /// A folder of lexicon files replacing the bundled ones of the same name (lexicon/cues.tsv...).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// An extra gazetteer (TSV, see gazetteers/README.md); may be repeated.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Leave the bundled gazetteers out (use only --gazetteer files).
    #[arg(long)]
    no_default_gazetteers: bool,
    /// Read HTML input as the page's whole visible text (tags, scripts and styles stripped,
    /// no DOM cues) and let the text cleaner find the article.
    #[arg(long)]
    html_as_text: bool,
}

#[derive(Args)]
struct InputArgs {
    /// Files or folders (searched recursively) of .txt, .html, .html.gz, .jsonl or .csv articles; - reads JSONL on stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// The CSV column holding the article text.
    #[arg(long, default_value = "text")]
    text_column: String,
    /// The CSV column holding the document id.
    #[arg(long, default_value = "id")]
    id_column: String,
    /// A document that is not valid UTF-8: replace the bad bytes with U+FFFD and flag it
    /// (documents.csv warnings, errors.csv), or skip it with its reason in errors.csv.
    #[arg(long, value_enum, default_value_t = Utf8Arg::Replace)]
    invalid_utf8: Utf8Arg,
}

#[derive(Clone, Copy, ValueEnum)]
enum Utf8Arg {
    Replace,
    Skip,
}

#[derive(Clone, Copy, ValueEnum)]
enum StdoutFormat {
    /// One JSON object a line per input document: its quotes and mentions, or its error.
    Jsonl,
}

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The folder to write the tables into (created if missing).
    #[arg(long, short, value_name = "DIR", required_unless_present = "stdout")]
    out: Option<PathBuf>,
    /// Write no tables but one record per input document on standard output, in input order,
    /// as documents finish: its quotes and mentions, or its error (logs stay on standard
    /// error; exit 0 unless saidby itself cannot work).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["out", "resume", "removed", "body", "raw_csv"])]
    stdout: Option<StdoutFormat>,
    /// Process one share of the input files, shard I of N (1-based: 1/4 is the first of
    /// four), into OUT/shard-I-of-N/ with a completion marker; a complete shard is skipped.
    /// `saidby merge` combines the shards.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Worker threads (default: all cores).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Write CSV cells as they are, without neutralising spreadsheet formulas.
    #[arg(long)]
    raw_csv: bool,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Also write removed.csv: every range the cleaner removed, with its reason.
    #[arg(long)]
    removed: bool,
    /// Also write body.jsonl: each document's title, byline, date and cleaned body.
    #[arg(long)]
    body: bool,
    /// Read the input once: do not count lines across documents first (lines that repeat
    /// across many documents are then not recognised as furniture).
    #[arg(long)]
    single_pass: bool,
    /// Keep the complete tables already in the output folder and analyse only the documents
    /// whose doc_id its documents.csv does not have; the tables then are those of one run
    /// over everything (same version and options assumed).
    #[arg(long)]
    resume: bool,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Args)]
struct ShowArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    data: DataArgs,
}

fn pipeline(d: &DataArgs) -> anyhow::Result<Pipeline> {
    let opts = PipelineOptions {
        data_dir: d.data.clone(),
        gazetteers: d.gazetteer.clone(),
        bundled_gazetteers: !d.no_default_gazetteers,
        html_mode: if d.html_as_text {
            saidby::html::HtmlMode::VisibleText
        } else {
            saidby::html::HtmlMode::Article
        },
    };
    Pipeline::new(&opts).context("loading lexicons and gazetteers")
}

fn read_opts(i: &InputArgs) -> ReadOptions {
    ReadOptions {
        text_column: i.text_column.clone(),
        id_column: i.id_column.clone(),
        invalid_utf8: match i.invalid_utf8 {
            Utf8Arg::Replace => InvalidUtf8::Replace,
            Utf8Arg::Skip => InvalidUtf8::Skip,
        },
    }
}

/// The options that change the tables: shards of one run must agree on them.
fn table_options(args: &RunArgs) -> std::collections::BTreeMap<String, String> {
    let i = &args.input;
    let d = &args.data;
    let gazetteers: Vec<String> = d
        .gazetteer
        .iter()
        .map(|g| g.display().to_string())
        .collect();
    [
        ("raw_csv", args.raw_csv.to_string()),
        ("removed", args.removed.to_string()),
        ("body", args.body.to_string()),
        ("single_pass", args.single_pass.to_string()),
        ("text_column", i.text_column.clone()),
        ("id_column", i.id_column.clone()),
        (
            "invalid_utf8",
            match i.invalid_utf8 {
                Utf8Arg::Replace => "replace",
                Utf8Arg::Skip => "skip",
            }
            .into(),
        ),
        (
            "data",
            d.data
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
        ("gazetteer", gazetteers.join(";")),
        ("no_default_gazetteers", d.no_default_gazetteers.to_string()),
        ("html_as_text", d.html_as_text.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn cmd_run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (mut inputs, mut errors) = Input::discover(&args.input.inputs);
    let mut out = args.out.clone();
    let mut corpus_inputs = None;
    let mut shard_run = None;
    if let Some(shard) = args.shard {
        if inputs.iter().any(|i| i.stdin) {
            anyhow::bail!("--shard shares out input files: standard input (-) cannot be shared");
        }
        let identity = RunIdentity::new(&args.input.inputs, &inputs, table_options(&args));
        if let Some(o) = &out {
            let dir = o.join(shard.dir_name());
            let done = saidby::shard::read_marker(&dir)
                .with_context(|| format!("reading the marker of {}", dir.display()))?;
            if let Some(m) = done {
                let why = m.run.difference(&identity).or_else(|| {
                    (m.shard() != shard).then(|| format!("its marker says shard {}", m.shard()))
                });
                if let Some(why) = why {
                    anyhow::bail!(
                        "{} holds a complete shard of another run ({why}); remove it or write elsewhere",
                        dir.display()
                    );
                }
                eprintln!(
                    "saidby: shard {shard} is complete in {} (its {MARKER} marker is there): skipped",
                    dir.display()
                );
                return Ok(ExitCode::SUCCESS);
            }
            out = Some(dir);
            shard_run = Some((shard, identity));
        }
        let mine = shard.select(&inputs);
        // Problems met while listing the inputs come first in a plain run: shard 1 has them.
        if shard.index != 1 {
            errors.clear();
        }
        corpus_inputs = Some(std::mem::replace(&mut inputs, mine));
    }
    let files = inputs.len() as u64;
    // Kept until the process exits: freeing the gazetteer's maps and automaton one allocation
    // at a time is work the operating system does at once.
    let p: &'static Pipeline = Box::leak(Box::new(pipeline(&args.data)?));
    if let Some(j) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
            .context("starting worker threads")?;
    }
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents {elapsed} ({per_sec})",
            )
            .expect("valid template"),
        );
        b
    });
    let progress = |n| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    };
    let mut opts = RunOptions {
        read: read_opts(&args.input),
        corpus_pass: !args.single_pass,
        corpus_inputs,
        ..RunOptions::default()
    };
    if args.stdout.is_some() {
        // Records are the output: a reader that goes away loses them, so that is fatal too.
        let lost = |e: std::io::Error| anyhow::anyhow!("writing records to standard output: {e}");
        let mut sink = JsonlSink::new(std::io::stdout());
        let totals = run(p, inputs, errors, &opts, &mut sink, progress).map_err(lost)?;
        sink.finish().map_err(lost)?;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        if !args.quiet {
            summary(&totals, None, started);
        }
        // A bad document is a record, not a failure of the run.
        return Ok(ExitCode::SUCCESS);
    }
    let out = out.expect("clap requires --out without --stdout");
    let csv_opts = CsvOptions {
        raw: args.raw_csv,
        removed: args.removed,
        body: args.body,
    };
    let (mut sink, done) = if args.resume {
        CsvSink::resume(&out, csv_opts)
            .with_context(|| format!("resuming from the tables in {}", out.display()))?
    } else {
        let sink = CsvSink::create(&out, csv_opts)
            .with_context(|| format!("creating tables in {}", out.display()))?;
        (sink, Default::default())
    };
    opts.skip = done;
    let totals = run(p, inputs, errors, &opts, &mut sink, progress).context("writing tables")?;
    sink.finish()
        .with_context(|| format!("finishing tables in {}", out.display()))?;
    if let Some((shard, run)) = shard_run {
        let marker = Marker {
            shard: shard.index,
            of: shard.count,
            run,
            files,
            documents: totals.documents + totals.skipped,
            errors: totals.errors,
        };
        saidby::shard::write_marker(&out, &marker)
            .with_context(|| format!("writing the {MARKER} marker in {}", out.display()))?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if !args.quiet {
        let skipped = args
            .resume
            .then(|| format!(", {} already in the tables", totals.skipped));
        summary(&totals, skipped, started);
    }
    Ok(if totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The one-line summary on standard error.
fn summary(totals: &Totals, extra: Option<String>, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    let share = if totals.quotes > 0 {
        100.0 * totals.attributed as f64 / totals.quotes as f64
    } else {
        0.0
    };
    eprintln!(
        "saidby: {} documents, {} quotes ({share:.1}% attributed), {} mentions, {} errors, {} warnings{}, {secs:.2} s, {:.1} MB/s",
        totals.documents,
        totals.quotes,
        totals.mentions,
        totals.errors,
        totals.warnings,
        extra.unwrap_or_default(),
        totals.bytes as f64 / 1e6 / secs.max(1e-9)
    );
}

fn cmd_merge(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let shards = saidby::merge::find_shards(&args.shards)?;
    let m = saidby::merge::merge(&shards, &args.out)?;
    if !args.quiet {
        eprintln!(
            "saidby: merged {} shards into {}: {} documents, {} quotes, {} mentions, {} rows in errors.csv",
            m.shards,
            args.out.display(),
            m.documents,
            m.quotes,
            m.mentions,
            m.errors
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let p = pipeline(&args.data)?;
    let (inputs, errors) = Input::discover(&args.input.inputs);
    let mut out = std::io::stdout().lock();
    for e in &errors {
        eprintln!("saidby: {e}");
    }
    let mut failed = !errors.is_empty();
    for item in saidby::ingest::read_all(inputs, read_opts(&args.input)) {
        let doc = match item {
            Ok(d) => d,
            Err(e) => {
                eprintln!("saidby: {e}");
                failed = true;
                continue;
            }
        };
        let a = p.analyse(doc);
        writeln!(out, "# {}", a.doc.id)?;
        for q in &a.quotes {
            let at = &q.attribution;
            let mention = at.mention.map(|m| m.text(&a.text)).unwrap_or("");
            let cue = at.cue.map(|c| c.text(&a.text)).unwrap_or("");
            writeln!(
                out,
                "{:<8} {:<28} [{}] via {:?} cue {:?} ({:.2})\n         {:?}",
                at.kind.name(),
                a.speaker_label(q),
                at.method,
                mention,
                cue,
                at.confidence,
                q.text(&a.text)
            )?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn cmd_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    use saidby::eval;
    use std::io::Write;
    let mut gold_quotes = Vec::new();
    let mut gold_entities = Vec::new();
    for g in &args.gold {
        match eval::gold_kind(g)? {
            "quotes" => gold_quotes.extend(eval::read_gold_quotes(g)?),
            _ => gold_entities.extend(eval::read_gold_entities(g)?),
        }
    }
    let (quotes, entities, docs) = match &args.tables {
        Some(dir) => {
            let (q, e) = eval::preds_from_tables(dir)?;
            let docs = eval::documents_in_tables(dir)?;
            (q, e, docs)
        }
        None => {
            let p = pipeline(&args.data)?;
            let (inputs, errors) = Input::discover(&args.inputs);
            for e in &errors {
                eprintln!("saidby: {e}");
            }
            let (mut q, mut e, mut d) = (Vec::new(), Vec::new(), Vec::new());
            for item in saidby::ingest::read_all(inputs, ReadOptions::default()) {
                match item {
                    Ok(doc) => {
                        let a = p.analyse(doc);
                        d.push(a.doc.id.clone());
                        let (pq, pe) = eval::preds_from_analysis(&a);
                        q.extend(pq);
                        e.extend(pe);
                    }
                    Err(err) => eprintln!("saidby: {err}"),
                }
            }
            (q, e, d)
        }
    };
    let docs: std::collections::BTreeSet<&str> = docs.iter().map(String::as_str).collect();
    let gold_quotes: Vec<_> = gold_quotes
        .into_iter()
        .filter(|g| docs.contains(g.doc_id.as_str()))
        .collect();
    let gold_entities: Vec<_> = gold_entities
        .into_iter()
        .filter(|g| docs.contains(g.doc_id.as_str()))
        .collect();
    if !gold_quotes.is_empty() || gold_entities.is_empty() {
        let mut r = eval::score_quotes_in(&gold_quotes, &quotes, &docs);
        if args.summary {
            r.misses.clear();
            r.wrong.clear();
            r.false_positives.clear();
        }
        write!(std::io::stdout().lock(), "{r}")?;
    }
    if !gold_entities.is_empty() {
        let mut r = eval::score_entities(&gold_entities, &entities);
        if args.summary {
            r.misses.clear();
            r.false_positives.clear();
        }
        write!(std::io::stdout().lock(), "{r}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Run(a) => cmd_run(a),
        Command::Show(a) => cmd_show(a),
        Command::Eval(a) => cmd_eval(a),
        Command::Merge(a) => cmd_merge(a),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`saidby show ... | head`): not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("saidby: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
