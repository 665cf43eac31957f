//! Stage 7, export: the CSV tables. Analyses are pushed into a [`Sink`] in input order;
//! [`DocRows`] decides the values of every row, for the CSV sink and for the JSONL records of
//! [`crate::stream`] alike. The CSV sink writes quotes.csv, mentions.csv, documents.csv and
//! errors.csv as documents come, and entities.csv and speakers.csv (corpus aggregates) at the
//! end.
//!
//! Offsets in the tables are Unicode character offsets into the document's original text,
//! end exclusive (`text[start:end]` in Python), computed once per document in one pass.
//!
//! Tables are written to `NAME.csv.partial` and renamed into place by [`CsvSink::finish`], so an
//! interrupted run never leaves half a table under the final name.
//!
//! [`CsvSink::resume`] starts from the complete tables already in a folder: their rows are
//! carried over, their documents reported as done, and the aggregates go on from the counts
//! entities.csv and speakers.csv hold, so the finished tables are those of one run over all.
//!
//! ```
//! use saidby::{pipeline::Pipeline, export::{CsvSink, Sink, CsvOptions}};
//! let dir = std::env::temp_dir().join(format!("saidby-doc-export-{}", std::process::id()));
//! let p = Pipeline::bundled().unwrap();
//! let mut sink = CsvSink::create(&dir, CsvOptions::default()).unwrap();
//! sink.document(&p.analyse_text("d1", "Title\n\n“Yes,” said Jane Roe.\n")).unwrap();
//! sink.finish().unwrap();
//! let quotes = std::fs::read_to_string(dir.join("quotes.csv")).unwrap();
//! assert!(quotes.lines().nth(1).unwrap().starts_with("d1:q1,d1,Jane Roe,"));
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::attribute::QuoteKind;
use crate::error::InputError;
use crate::gazetteer::{EntityType, make_id};
use crate::pipeline::Analysis;
use crate::segment::Section;
use crate::span::CharCounter;

pub const QUOTES_HEADER: &[&str] = &[
    "quote_id",
    "doc_id",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "cue",
    "kind",
    "text",
    "start",
    "end",
    "segments",
    "paragraph",
    "method",
    "confidence",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
];
pub const MENTIONS_HEADER: &[&str] = &[
    "doc_id",
    "entity_id",
    "name",
    "type",
    "surface",
    "start",
    "end",
    "section",
    "in_quote",
    "rule",
];
pub const DOCUMENTS_HEADER: &[&str] = &[
    "doc_id",
    "source",
    "title",
    "date",
    "byline",
    "chars",
    "body_chars",
    "paragraphs",
    "quotes",
    "mentions",
    "removed_blocks",
    "file",
    "warnings",
];
pub const ENTITIES_HEADER: &[&str] = &[
    "entity_id",
    "name",
    "type",
    "documents",
    "mentions",
    "quotes_spoken",
];
pub const SPEAKERS_HEADER: &[&str] = &[
    "speaker_id",
    "speaker",
    "quotes",
    "words_quoted",
    "documents",
];
pub const ERRORS_HEADER: &[&str] = &["file", "line", "doc_id", "reason"];
/// removed.csv (`--removed`): every range the cleaner took out of the article, and why
/// (`kind:rule`, e.g. `caption:photo_credit`).
pub const REMOVED_HEADER: &[&str] = &["doc_id", "start", "end", "reason", "text"];

/// Where finished analyses go, in input order. A sink takes a document in two steps, so that
/// a run does most of the work on its worker threads: [`Render::render`], on the worker that
/// analysed the document, turns it into what the sink writes (for the CSV tables, their rows
/// as CSV bytes); [`Sink::push`], on the one thread that keeps input order, only copies those
/// bytes out and adds up counts.
pub trait Sink {
    /// How documents are rendered: the part of the sink the workers share.
    type Render: Render;
    fn renderer(&self) -> Self::Render;
    /// Takes a rendered document; documents come in input order.
    fn push(&mut self, doc: <Self::Render as Render>::Doc) -> io::Result<()>;
    /// Renders and pushes one document.
    fn document(&mut self, a: &Analysis) -> io::Result<()> {
        let doc = self.renderer().render(a)?;
        self.push(doc)
    }
    fn error(&mut self, e: &InputError) -> io::Result<()>;
    /// A problem that did not stop the document (invalid UTF-8 replaced): reported like an
    /// error, counted apart.
    fn warning(&mut self, e: &InputError) -> io::Result<()> {
        self.error(e)
    }
    /// A batch of documents has been pushed: a streaming sink flushes its records here.
    fn batch_done(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The per-document half of a [`Sink`]: called from any worker thread, in any order.
pub trait Render: Sync {
    /// A document as its sink will take it.
    type Doc: Send;
    fn render(&self, a: &Analysis) -> io::Result<Self::Doc>;
}

#[derive(Clone, Copy, Debug, Default)]
pub struct CsvOptions {
    /// Write cells as they are, without neutralising spreadsheet formulas.
    pub raw: bool,
    /// Also write removed.csv.
    pub removed: bool,
    /// Also write body.jsonl: `{"doc_id", "title", "byline", "date", "body"}` per document.
    pub body: bool,
}

/// A cell a spreadsheet would read as a formula (OWASP's CSV-injection list) gets a leading
/// apostrophe, which spreadsheets show as text and do not evaluate.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// `n` in decimal digits, written into the end of `buf`.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

/// CSV records written as the `csv` crate writes them by default (a field quoted when it holds
/// a comma, a quote mark or a line break, its quote marks doubled; records ended by '\n'; every
/// record as long as the first), straight into the file's buffer: the crate's writer works
/// through a state machine for every field, most of the cost of writing a table.
struct CsvOut<W: Write> {
    out: W,
    /// Fields of the record being written.
    fields: usize,
    /// Bytes of the record being written.
    record_bytes: usize,
    /// Fields of the first record, which every other must have.
    first: Option<usize>,
}

impl<W: Write> CsvOut<W> {
    fn new(out: W) -> CsvOut<W> {
        CsvOut {
            out,
            fields: 0,
            record_bytes: 0,
            first: None,
        }
    }

    fn field(&mut self, f: &[u8]) -> io::Result<()> {
        const SPECIAL: [bool; 256] = {
            let mut t = [false; 256];
            t[b',' as usize] = true;
            t[b'"' as usize] = true;
            t[b'\n' as usize] = true;
            t[b'\r' as usize] = true;
            t
        };
        if self.fields > 0 {
            self.out.write_all(b",")?;
            self.record_bytes += 1;
        }
        self.fields += 1;
        if !f.iter().any(|&b| SPECIAL[b as usize]) {
            self.record_bytes += f.len();
            return self.out.write_all(f);
        }
        self.out.write_all(b"\"")?;
        let mut from = 0;
        for at in memchr::memchr_iter(b'"', f) {
            self.out.write_all(&f[from..=at])?;
            self.out.write_all(b"\"")?;
            from = at + 1;
        }
        self.out.write_all(&f[from..])?;
        self.out.write_all(b"\"")?;
        self.record_bytes += f.len() + 2;
        Ok(())
    }

    fn end_record(&mut self) -> io::Result<()> {
        let fields = std::mem::take(&mut self.fields);
        match self.first {
            None => self.first = Some(fields),
            Some(first) if first != fields => {
                return Err(io::Error::other(format!(
                    "CSV error: found record with {fields} fields, but the previous record has {first} fields"
                )));
            }
            Some(_) => {}
        }
        // A record of one empty field is a pair of quote marks, not an empty line.
        if fields == 1 && self.record_bytes == 0 {
            self.out.write_all(b"\"\"")?;
        }
        self.record_bytes = 0;
        self.out.write_all(b"\n")
    }

    fn record<'f>(&mut self, fields: impl IntoIterator<Item = &'f [u8]>) -> io::Result<()> {
        for f in fields {
            self.field(f)?;
        }
        self.end_record()
    }

    /// A record of cells: text neutralised against formulas unless `raw`, counts written
    /// without an allocation.
    fn cells(&mut self, cells: &[Cell], raw: bool) -> io::Result<()> {
        for c in cells {
            match c {
                Cell::Text(t) if raw => self.field(t.as_bytes())?,
                Cell::Text(t) => self.field(neutralise(t).as_bytes())?,
                // A count never starts with a formula's mark.
                Cell::Count(n) => {
                    let mut buf = [0u8; 20];
                    self.field(decimal(*n, &mut buf))?;
                }
                Cell::Score(_) | Cell::Empty => {
                    let v = c.csv();
                    if raw {
                        self.field(v.as_bytes())?;
                    } else {
                        self.field(neutralise(&v).as_bytes())?;
                    }
                }
            }
        }
        self.end_record()
    }
}

/// Rows of one table rendered into a buffer, each as long as the table's header.
fn rows_of<'b>(buf: &'b mut Vec<u8>, header: &[&str]) -> CsvOut<&'b mut Vec<u8>> {
    let mut out = CsvOut::new(buf);
    out.first = Some(header.len());
    out
}

/// A table being written: `NAME.partial` until [`Table::finish`] hands it over for renaming.
pub(crate) struct Table {
    writer: CsvOut<BufWriter<File>>,
    partial: PathBuf,
    path: PathBuf,
    raw: bool,
}

impl Table {
    pub(crate) fn create(dir: &Path, name: &str, header: &[&str], raw: bool) -> io::Result<Table> {
        let path = dir.join(name);
        let partial = dir.join(format!("{name}.partial"));
        let file = File::create(&partial)?;
        let mut writer = CsvOut::new(BufWriter::with_capacity(1 << 16, file));
        writer.record(header.iter().map(|h| h.as_bytes()))?;
        Ok(Table {
            writer,
            partial,
            path,
            raw,
        })
    }

    /// Rows of an earlier complete table, copied as they are (`--resume`, `saidby merge`).
    pub(crate) fn carry(&mut self, record: &csv::ByteRecord) -> io::Result<()> {
        self.writer.record(record)
    }

    fn row<I, S>(&mut self, cells: I) -> io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Field by field into the file's buffer: no copy of a cell unless a formula is
        // neutralised.
        for c in cells {
            let c = c.as_ref();
            if self.raw {
                self.writer.field(c.as_bytes())?;
            } else {
                self.writer.field(neutralise(c).as_bytes())?;
            }
        }
        self.writer.end_record()
    }

    fn cells(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.writer.cells(cells, self.raw)
    }

    /// Rows rendered by [`rows_of`] for this table, copied as they are.
    fn append(&mut self, rows: &[u8]) -> io::Result<()> {
        self.writer.out.write_all(rows)
    }

    /// Flushes and syncs the partial file; returns (partial, final) paths for the rename.
    pub(crate) fn finish(mut self) -> io::Result<(PathBuf, PathBuf)> {
        self.writer.out.flush()?;
        self.writer.out.get_ref().sync_all()?;
        Ok((self.partial, self.path))
    }
}

#[derive(Default)]
struct EntityStat {
    name: String,
    etype: std::borrow::Cow<'static, str>,
    documents: u64,
    mentions: u64,
    quotes_spoken: u64,
}

#[derive(Default)]
struct SpeakerStat {
    name: String,
    quotes: u64,
    words: u64,
    documents: u64,
}

/// Totals for the summary line.
#[derive(Clone, Copy, Debug, Default)]
pub struct Totals {
    pub documents: u64,
    pub quotes: u64,
    pub attributed: u64,
    pub mentions: u64,
    pub errors: u64,
    /// Documents kept with a problem (invalid UTF-8 replaced).
    pub warnings: u64,
    /// Documents left out because the output folder's tables had them already (`--resume`).
    pub skipped: u64,
    pub bytes: u64,
}

/// Writes the CSV tables into a folder.
pub struct CsvSink {
    dir: PathBuf,
    quotes: Table,
    mentions: Table,
    documents: Table,
    errors: Table,
    removed: Option<Table>,
    body: Option<(BufWriter<File>, PathBuf, PathBuf)>,
    entities: BTreeMap<String, EntityStat>,
    speakers: BTreeMap<String, SpeakerStat>,
    opts: CsvOptions,
    pub totals: Totals,
}

/// The speaker of a quote as the tables give it: (id, name).
pub fn speaker_of(a: &Analysis, q: &crate::pipeline::QuoteOut) -> Option<(String, String)> {
    if let Some(e) = a.speaker_entity(q) {
        let mut ids = vec![e.id.as_str()];
        ids.extend(
            q.attribution
                .joint
                .iter()
                .map(|&j| a.tagged.entities[j].id.as_str()),
        );
        return Some((ids.join("|"), a.speaker_name(q)?.into_owned()));
    }
    let name = a.speaker_name(q)?;
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let id = make_id(EntityType::Person, &name).replacen("person:", "name:", 1);
    Some((id, name))
}

impl CsvSink {
    pub fn create(dir: &Path, opts: CsvOptions) -> io::Result<CsvSink> {
        std::fs::create_dir_all(dir)?;
        let raw = opts.raw;
        Ok(CsvSink {
            dir: dir.to_path_buf(),
            quotes: Table::create(dir, "quotes.csv", QUOTES_HEADER, raw)?,
            mentions: Table::create(dir, "mentions.csv", MENTIONS_HEADER, raw)?,
            documents: Table::create(dir, "documents.csv", DOCUMENTS_HEADER, raw)?,
            errors: Table::create(dir, "errors.csv", ERRORS_HEADER, raw)?,
            removed: match opts.removed {
                true => Some(Table::create(dir, "removed.csv", REMOVED_HEADER, raw)?),
                false => None,
            },
            body: match opts.body {
                true => {
                    let partial = dir.join("body.jsonl.partial");
                    let file = BufWriter::with_capacity(1 << 16, File::create(&partial)?);
                    Some((file, partial, dir.join("body.jsonl")))
                }
                false => None,
            },
            entities: BTreeMap::new(),
            speakers: BTreeMap::new(),
            opts,
            totals: Totals::default(),
        })
    }

    /// Like [`CsvSink::create`], but carrying over the complete tables already in `dir`: the
    /// rows of quotes.csv, mentions.csv and documents.csv, the errors.csv rows of documents
    /// that were kept (the others are read again and so reported again), and the counts of
    /// entities.csv and speakers.csv, which the new documents add to. Returns the doc_ids
    /// done, for the run to skip. A folder without documents.csv is a fresh start. The earlier
    /// tables must come from the same version and options (`--raw-csv` included): cells are
    /// carried as they were written.
    pub fn resume(dir: &Path, opts: CsvOptions) -> io::Result<(CsvSink, BTreeSet<String>)> {
        let mut sink = CsvSink::create(dir, opts)?;
        let mut done = BTreeSet::new();
        let documents = dir.join("documents.csv");
        if !documents.exists() {
            return Ok((sink, done));
        }
        let bad = |table: &str, e: String| io::Error::other(format!("{table}: {e}"));
        let mixed = |table: &str, why: &str| {
            io::Error::other(format!(
                "{table} {why}: the tables are not of one run (one was interrupted while \
                 renaming them into place); run again without --resume"
            ))
        };
        let read = |table: &str| -> io::Result<csv::Reader<File>> {
            let mut r =
                csv::Reader::from_path(dir.join(table)).map_err(|e| bad(table, e.to_string()))?;
            r.byte_headers().map_err(|e| bad(table, e.to_string()))?;
            Ok(r)
        };
        for rec in read("documents.csv")?.byte_records() {
            let rec = rec.map_err(|e| bad("documents.csv", e.to_string()))?;
            done.insert(String::from_utf8_lossy(&rec[0]).into_owned());
            sink.documents.carry(&rec)?;
        }
        // Rows of a document documents.csv lacks mean tables of two runs (one killed while
        // renaming its tables into place): carrying them would count that document twice.
        let mut rows = [0u64; 2];
        for (k, (table, t, id)) in [
            ("quotes.csv", &mut sink.quotes, 1),
            ("mentions.csv", &mut sink.mentions, 0),
        ]
        .into_iter()
        .enumerate()
        {
            for rec in read(table)?.byte_records() {
                let rec = rec.map_err(|e| bad(table, e.to_string()))?;
                let doc = String::from_utf8_lossy(rec.get(id).unwrap_or_default());
                if !done.contains(&*doc) {
                    let why = format!("has rows of {doc:?}, which documents.csv lacks");
                    return Err(mixed(table, &why));
                }
                t.carry(&rec)?;
                rows[k] += 1;
            }
        }
        for rec in read("errors.csv")?.byte_records() {
            let rec = rec.map_err(|e| bad("errors.csv", e.to_string()))?;
            if rec
                .get(2)
                .is_some_and(|id| done.contains(&*String::from_utf8_lossy(id)))
            {
                sink.errors.carry(&rec)?;
            }
        }
        // The optional outputs of the documents kept, when this run asks for them again.
        if let Some(t) = &mut sink.removed
            && dir.join("removed.csv").exists()
        {
            for rec in read("removed.csv")?.byte_records() {
                let rec = rec.map_err(|e| bad("removed.csv", e.to_string()))?;
                if rec
                    .get(0)
                    .is_some_and(|id| done.contains(&*String::from_utf8_lossy(id)))
                {
                    t.carry(&rec)?;
                }
            }
        }
        if let Some((file, _, path)) = &mut sink.body
            && path.exists()
        {
            let old =
                std::fs::read_to_string(&*path).map_err(|e| bad("body.jsonl", e.to_string()))?;
            for line in old.lines() {
                let id = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("doc_id").and_then(|d| d.as_str().map(str::to_owned)));
                if id.is_some_and(|id| done.contains(&id)) {
                    writeln!(file, "{line}")?;
                }
            }
        }
        let text = |rec: &csv::StringRecord, i: usize| rec.get(i).unwrap_or("").to_string();
        let num = |table: &str, rec: &csv::StringRecord, i: usize| -> io::Result<u64> {
            rec.get(i)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| bad(table, format!("not a count in column {}", i + 1)))
        };
        for rec in read("entities.csv")?.records() {
            let rec = rec.map_err(|e| bad("entities.csv", e.to_string()))?;
            sink.entities.insert(
                text(&rec, 0),
                EntityStat {
                    name: text(&rec, 1),
                    etype: text(&rec, 2).into(),
                    documents: num("entities.csv", &rec, 3)?,
                    mentions: num("entities.csv", &rec, 4)?,
                    quotes_spoken: num("entities.csv", &rec, 5)?,
                },
            );
        }
        let mentioned: u64 = sink.entities.values().map(|s| s.mentions).sum();
        if mentioned != rows[1] {
            let why = format!("counts {mentioned} mentions, mentions.csv has {}", rows[1]);
            return Err(mixed("entities.csv", &why));
        }
        for rec in read("speakers.csv")?.records() {
            let rec = rec.map_err(|e| bad("speakers.csv", e.to_string()))?;
            sink.speakers.insert(
                text(&rec, 0),
                SpeakerStat {
                    name: text(&rec, 1),
                    quotes: num("speakers.csv", &rec, 2)?,
                    words: num("speakers.csv", &rec, 3)?,
                    documents: num("speakers.csv", &rec, 4)?,
                },
            );
        }
        Ok((sink, done))
    }

    /// Writes the aggregate tables and renames every table into place.
    pub fn finish(self) -> io::Result<Totals> {
        let mut ent = Table::create(&self.dir, "entities.csv", ENTITIES_HEADER, self.opts.raw)?;
        for (id, s) in &self.entities {
            ent.row([
                id.as_str(),
                &s.name,
                &s.etype,
                &s.documents.to_string(),
                &s.mentions.to_string(),
                &s.quotes_spoken.to_string(),
            ])?;
        }
        let mut spk = Table::create(&self.dir, "speakers.csv", SPEAKERS_HEADER, self.opts.raw)?;
        for (id, s) in &self.speakers {
            spk.row([
                id.as_str(),
                &s.name,
                &s.quotes.to_string(),
                &s.words.to_string(),
                &s.documents.to_string(),
            ])?;
        }
        // documents.csv goes last: --resume trusts it, and checks the others against it (a
        // kill between two renames leaves tables of two runs, which it then refuses).
        let mut moves = Vec::new();
        for t in [self.quotes, self.mentions, self.errors, ent, spk]
            .into_iter()
            .chain(self.removed)
        {
            moves.push(t.finish()?);
        }
        if let Some((mut file, partial, path)) = self.body {
            file.flush()?;
            file.get_ref().sync_all()?;
            moves.push((partial, path));
        }
        moves.push(self.documents.finish()?);
        for (from, to) in moves {
            std::fs::rename(from, to)?;
        }
        Ok(self.totals)
    }
}

/// Byte offsets of a document turned into character offsets, in one pass: the byte offsets
/// sorted, their character offsets beside them, looked up by binary search (no hashing).
struct Chars {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl Chars {
    fn new(text: &str, mut offsets: Vec<usize>) -> Chars {
        offsets.sort_unstable();
        offsets.dedup();
        let mut counter = CharCounter::new(text);
        let chars = offsets.iter().map(|&o| counter.at(o)).collect();
        Chars {
            bytes: offsets,
            chars,
        }
    }

    fn at(&self, byte: usize) -> usize {
        self.bytes.binary_search(&byte).map_or(0, |i| self.chars[i])
    }
}

/// One value of a table row. Every writer renders the same values: the CSV tables as text
/// (formulas neutralised unless `--raw-csv`), the JSONL records of [`crate::stream`] as JSON
/// strings, numbers and null.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Count(usize),
    /// A score, written with two decimals.
    Score(f32),
    /// No value: an empty CSV cell, JSON null.
    Empty,
}

impl Cell<'_> {
    /// The cell as CSV writes it (before formulas are neutralised).
    pub fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Count(n) => n.to_string().into(),
            Cell::Score(x) => format!("{x:.2}").into(),
            Cell::Empty => "".into(),
        }
    }
}

impl serde::Serialize for Cell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => s.serialize_str(t),
            Cell::Count(n) => s.serialize_u64(*n as u64),
            // The number the CSV cell shows, not the float behind it.
            Cell::Score(_) => s.serialize_f64(self.csv().parse().unwrap_or(f64::NAN)),
            Cell::Empty => s.serialize_none(),
        }
    }
}

fn line_cell(s: &str) -> Cell<'_> {
    Cell::Text(one_line(s))
}

/// A quotes.csv row, with what the aggregate tables count of it.
pub struct QuoteRow<'a> {
    /// The cells, in [`QUOTES_HEADER`] order.
    pub cells: Vec<Cell<'a>>,
    /// (speaker_id, speaker), when the quote has a speaker.
    pub speaker: Option<(String, String)>,
    /// Words quoted, for speakers.csv.
    pub words: u64,
}

/// The rows one document adds to the tables: the one place that decides each row's values,
/// for the CSV tables and the JSONL records alike. Character offsets are counted once.
///
/// ```
/// use saidby::{pipeline::Pipeline, export::{Cell, DocRows}};
/// let p = Pipeline::bundled().unwrap();
/// let a = p.analyse_text("d1", "Title\n\n“Yes,” said Jane Roe.\n");
/// let rows = DocRows::new(&a, false);
/// let q = rows.quotes().next().unwrap();
/// assert_eq!(q.cells[2], Cell::Text("Jane Roe".into()));
/// assert_eq!(q.cells[8], Cell::Count(8)); // start: a character offset
/// ```
pub struct DocRows<'a> {
    a: &'a Analysis,
    chars: Chars,
}

impl<'a> DocRows<'a> {
    /// `removed`: also count the offsets of the removed ranges (for [`DocRows::removed`]).
    pub fn new(a: &'a Analysis, removed: bool) -> DocRows<'a> {
        let text = a.text.as_str();
        let mut offsets = vec![0, text.len()];
        for q in &a.quotes {
            for s in &q.quote.segments {
                offsets.extend([s.content.start, s.content.end]);
            }
            for sp in [q.attribution.mention, q.attribution.cue]
                .into_iter()
                .flatten()
            {
                offsets.extend([sp.start, sp.end]);
            }
        }
        for m in &a.tagged.mentions {
            offsets.extend([m.span.start, m.span.end]);
        }
        for p in &a.seg.paragraphs {
            offsets.extend([p.span.start, p.span.end]);
        }
        if removed {
            for b in a.cleaned.removed() {
                offsets.extend([b.span.start, b.span.end]);
            }
        }
        DocRows {
            a,
            chars: Chars::new(text, offsets),
        }
    }

    fn at(&self, byte: usize) -> Cell<'a> {
        Cell::Count(self.chars.at(byte))
    }

    /// removed.csv rows ([`REMOVED_HEADER`]).
    pub fn removed(&self) -> impl Iterator<Item = Vec<Cell<'a>>> + '_ {
        let (a, text) = (self.a, self.a.text.as_str());
        a.cleaned.removed().map(move |b| {
            vec![
                Cell::Text(a.doc.id.as_str().into()),
                self.at(b.span.start),
                self.at(b.span.end),
                Cell::Text(format!("{}:{}", b.kind.name(), b.rule).into()),
                line_cell(b.span.text(text)),
            ]
        })
    }

    /// quotes.csv rows, in the order of the quotes.
    pub fn quotes(&self) -> impl Iterator<Item = QuoteRow<'a>> + '_ {
        let (a, txt) = (self.a, self.a.text.as_str());
        let doc_id = a.doc.id.as_str();
        a.quotes.iter().enumerate().map(move |(n, q)| {
            let at = &q.attribution;
            let speaker = speaker_of(a, q);
            let (sid, sname) = speaker.clone().unwrap_or_default();
            let content = q.quote.content();
            let segments: Vec<String> = q
                .quote
                .segments
                .iter()
                .map(|s| {
                    let (s, e) = (self.chars.at(s.content.start), self.chars.at(s.content.end));
                    format!("{s}-{e}")
                })
                .collect();
            let para = a
                .seg
                .paragraphs
                .get(q.quote.paragraph())
                .map_or(0, |p| p.number);
            let span_cells = |s: Option<crate::span::Span>| match s {
                Some(s) => (self.at(s.start), self.at(s.end)),
                None => (Cell::Empty, Cell::Empty),
            };
            let (ms, me) = span_cells(at.mention);
            let (cs, ce) = span_cells(at.cue);
            let quoted = q.text(txt);
            let words = quoted.split_whitespace().count() as u64;
            let cells = vec![
                Cell::Text(format!("{doc_id}:q{}", n + 1).into()),
                Cell::Text(doc_id.into()),
                Cell::Text(sname.into()),
                Cell::Text(sid.into()),
                line_cell(at.mention.map(|m| m.text(txt)).unwrap_or("")),
                line_cell(at.cue.map(|c| c.text(txt)).unwrap_or("")),
                Cell::Text(at.kind.name().into()),
                Cell::Text(one_line(&quoted).into_owned().into()),
                self.at(content.start),
                self.at(content.end),
                Cell::Text(segments.join(";").into()),
                Cell::Count(para),
                Cell::Text(at.method.as_str().into()),
                Cell::Score(at.confidence),
                ms,
                me,
                cs,
                ce,
            ];
            QuoteRow {
                cells,
                speaker,
                words,
            }
        })
    }

    /// mentions.csv rows, in the order of `a.tagged.mentions`.
    pub fn mentions(&self) -> impl Iterator<Item = Vec<Cell<'a>>> + '_ {
        let (a, txt) = (self.a, self.a.text.as_str());
        a.tagged.mentions.iter().map(move |m| {
            let e = &a.tagged.entities[m.entity];
            vec![
                Cell::Text(a.doc.id.as_str().into()),
                Cell::Text(e.id.as_str().into()),
                Cell::Text(e.name.as_str().into()),
                Cell::Text(e.etype.name().into()),
                line_cell(m.span.text(txt)),
                self.at(m.span.start),
                self.at(m.span.end),
                Cell::Text(m.section.name().into()),
                Cell::Count(usize::from(m.in_quote)),
                Cell::Text(m.rule.into()),
            ]
        })
    }

    /// The documents.csv row.
    pub fn document(&self) -> Vec<Cell<'a>> {
        let a = self.a;
        let body_chars: usize = a
            .seg
            .paragraphs
            .iter()
            .filter(|p| p.section == Section::Body)
            .map(|p| self.chars.at(p.span.end) - self.chars.at(p.span.start))
            .sum();
        let warnings = if a.doc.lossy {
            "invalid_utf8_replaced"
        } else {
            ""
        };
        vec![
            Cell::Text(a.doc.id.as_str().into()),
            Cell::Text(a.doc.source.as_deref().unwrap_or("").into()),
            line_cell(a.title().unwrap_or("")),
            Cell::Text(a.date().unwrap_or("").into()),
            line_cell(a.byline().unwrap_or("")),
            self.at(a.text.len()),
            Cell::Count(body_chars),
            Cell::Count(a.seg.body_paragraphs()),
            Cell::Count(a.quotes.len()),
            Cell::Count(a.tagged.mentions.len()),
            Cell::Count(a.cleaned.removed().count()),
            Cell::Text(a.doc.file.as_str().into()),
            Cell::Text(warnings.into()),
        ]
    }
}

/// The errors.csv row of a problem ([`ERRORS_HEADER`]).
pub fn error_cells(e: &InputError) -> Vec<Cell<'_>> {
    vec![
        Cell::Text(e.file.as_str().into()),
        e.line.map_or(Cell::Empty, |l| Cell::Count(l as usize)),
        Cell::Text(e.doc_id.as_deref().unwrap_or("").into()),
        line_cell(&e.reason),
    ]
}

/// One document rendered for the CSV tables ([`CsvOptions`] renders it): its rows as CSV bytes,
/// and what the corpus tables (entities.csv, speakers.csv) count of it, in the order the
/// sink adds it up.
#[derive(Debug, Default)]
pub struct CsvDoc {
    quotes: Vec<u8>,
    mentions: Vec<u8>,
    document: Vec<u8>,
    removed: Vec<u8>,
    body: Vec<u8>,
    spoken: Vec<Spoken>,
    mentioned: Vec<Mentioned>,
    quotes_n: u64,
    attributed: u64,
    mentions_n: u64,
    bytes: u64,
}

/// A quote with a speaker, for speakers.csv (and entities.csv's quotes_spoken).
#[derive(Debug)]
struct Spoken {
    id: String,
    name: String,
    words: u64,
    /// The speaker's first quote in the document.
    first_in_doc: bool,
    /// The speaker entity's name and type, for an entity entities.csv has not met yet.
    entity: Option<(String, &'static str)>,
}

/// The mentions of one of the document's entities, in the order of their first mention.
#[derive(Debug)]
struct Mentioned {
    id: String,
    name: String,
    etype: &'static str,
    mentions: u64,
}

impl Render for CsvOptions {
    type Doc = CsvDoc;

    fn render(&self, a: &Analysis) -> io::Result<CsvDoc> {
        let raw = self.raw;
        let rows = DocRows::new(a, self.removed);
        let mut d = CsvDoc::default();
        if self.removed {
            let mut t = rows_of(&mut d.removed, REMOVED_HEADER);
            for r in rows.removed() {
                t.cells(&r, raw)?;
            }
        }
        if self.body {
            let record = serde_json::json!({
                "doc_id": a.doc.id,
                "title": a.title(),
                "byline": a.byline(),
                "date": a.date(),
                "body": body_text(a),
            });
            serde_json::to_writer(&mut d.body, &record)?;
            d.body.push(b'\n');
        }
        let mut t = rows_of(&mut d.quotes, QUOTES_HEADER);
        for (q, row) in a.quotes.iter().zip(rows.quotes()) {
            t.cells(&row.cells, raw)?;
            if row.speaker.is_some() {
                d.attributed += 1;
            }
            if let Some((id, name)) = row.speaker
                && q.attribution.kind != QuoteKind::Other
            {
                let first_in_doc = !d.spoken.iter().any(|s| s.id == id);
                let entity = a
                    .speaker_entity(q)
                    .map(|e| (e.name.clone(), e.etype.name()));
                d.spoken.push(Spoken {
                    id,
                    name,
                    words: row.words,
                    first_in_doc,
                    entity,
                });
            }
        }
        // Each entity's mentions counted here: the sink looks each entity up once.
        let mut slot: Vec<Option<usize>> = vec![None; a.tagged.entities.len()];
        let mut t = rows_of(&mut d.mentions, MENTIONS_HEADER);
        for (m, row) in a.tagged.mentions.iter().zip(rows.mentions()) {
            t.cells(&row, raw)?;
            match slot[m.entity] {
                Some(i) => d.mentioned[i].mentions += 1,
                None => {
                    slot[m.entity] = Some(d.mentioned.len());
                    let e = &a.tagged.entities[m.entity];
                    d.mentioned.push(Mentioned {
                        id: e.id.clone(),
                        name: e.name.clone(),
                        etype: e.etype.name(),
                        mentions: 1,
                    });
                }
            }
        }
        rows_of(&mut d.document, DOCUMENTS_HEADER).cells(&rows.document(), raw)?;
        d.quotes_n = a.quotes.len() as u64;
        d.mentions_n = a.tagged.mentions.len() as u64;
        d.bytes = a.text.len() as u64;
        Ok(d)
    }
}

impl Sink for CsvSink {
    type Render = CsvOptions;

    fn renderer(&self) -> CsvOptions {
        self.opts
    }

    fn push(&mut self, d: CsvDoc) -> io::Result<()> {
        if let Some(t) = &mut self.removed {
            t.append(&d.removed)?;
        }
        if let Some((file, _, _)) = &mut self.body {
            file.write_all(&d.body)?;
        }
        self.quotes.append(&d.quotes)?;
        for s in d.spoken {
            // Looked up by reference first: the id is copied only for a speaker not seen yet.
            let st = match self.speakers.get_mut(&s.id) {
                Some(st) => st,
                None => self.speakers.entry(s.id.clone()).or_default(),
            };
            st.name = s.name;
            st.quotes += 1;
            st.words += s.words;
            st.documents += u64::from(s.first_in_doc);
            if let Some(es) = self.entities.get_mut(&s.id) {
                es.quotes_spoken += 1;
            } else if let Some((name, etype)) = s.entity {
                self.entities.insert(
                    s.id,
                    EntityStat {
                        name,
                        etype: etype.into(),
                        quotes_spoken: 1,
                        ..EntityStat::default()
                    },
                );
            }
        }
        self.mentions.append(&d.mentions)?;
        for m in d.mentioned {
            if let Some(st) = self.entities.get_mut(&m.id) {
                st.mentions += m.mentions;
                st.documents += 1;
            } else {
                self.entities.insert(
                    m.id,
                    EntityStat {
                        name: m.name,
                        etype: m.etype.into(),
                        mentions: m.mentions,
                        documents: 1,
                        ..EntityStat::default()
                    },
                );
            }
        }
        self.documents.append(&d.document)?;
        self.totals.documents += 1;
        self.totals.quotes += d.quotes_n;
        self.totals.attributed += d.attributed;
        self.totals.mentions += d.mentions_n;
        self.totals.bytes += d.bytes;
        Ok(())
    }

    fn error(&mut self, e: &InputError) -> io::Result<()> {
        self.totals.errors += 1;
        self.errors.cells(&error_cells(e))
    }

    fn warning(&mut self, e: &InputError) -> io::Result<()> {
        self.totals.warnings += 1;
        self.errors.cells(&error_cells(e))
    }
}

/// The cleaned article: its body paragraphs, each on one line, joined by a blank line.
pub fn body_text(a: &Analysis) -> String {
    let paragraphs: Vec<String> = a
        .seg
        .paragraphs
        .iter()
        .filter(|p| p.section == Section::Body)
        .map(|p| {
            p.span
                .text(&a.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    paragraphs.join("\n\n")
}

/// Line breaks inside a cell become spaces: one table row is one line of text for the tools
/// that read CSV line by line (the quoted text keeps its words; offsets keep the truth).
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace(['\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_written_as_the_csv_crate_writes_them() {
        let records: Vec<Vec<&str>> = vec![
            vec!["a", "b", "c"],
            vec!["", "x,y", "say \"hi\""],
            vec!["line\nbreak", "cr\r", "\"\""],
            vec!["", "", ""],
            vec!["é ’ “q”", "'=1", " lead"],
        ];
        let mut ours = CsvOut::new(Vec::new());
        let mut theirs = csv::Writer::from_writer(Vec::new());
        for r in &records {
            ours.record(r.iter().map(|f| f.as_bytes())).unwrap();
            theirs.write_record(r).unwrap();
        }
        assert_eq!(ours.out, theirs.into_inner().unwrap());
        // One empty field; a record of another length is refused, as the crate refuses it.
        let mut ours = CsvOut::new(Vec::new());
        let mut theirs = csv::Writer::from_writer(Vec::new());
        ours.record([b"".as_slice()]).unwrap();
        theirs.write_record([""]).unwrap();
        theirs.flush().unwrap();
        assert_eq!(ours.out, theirs.get_ref().as_slice());
        let err = ours.record([b"a".as_slice(), b"b"]).unwrap_err();
        let want = io::Error::from(theirs.write_record(["a", "b"]).unwrap_err());
        assert_eq!(err.to_string(), want.to_string());
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("Hello"), "Hello");
    }
}
