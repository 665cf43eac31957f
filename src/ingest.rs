//! Input: finds the articles in files and folders and reads them as [`Document`]s, one at a
//! time, so a run never holds the corpus in memory.
//!
//! Formats, by file extension: `.txt` (one article; id = file name without extension),
//! `.html`, `.htm`, `.html.gz`, `.htm.gz` (one saved page; id = file name without those),
//! `.jsonl` (one article per line: `{"id", "text", "title"?, "date"?, "url"?, "source"?}`, or
//! `"html"` instead of `"text"` for a page),
//! `.csv` (header; text and id columns by name), and `-` for JSONL on standard input.
//! Folders are searched recursively, in sorted order, so output never depends on the order
//! the file system lists them in.
//!
//! A bad file or line becomes an [`InputError`] in the stream and the next document follows.
//! Every document's text is checked the same way whatever its format ([`check_text`]):
//! binary content (NUL bytes, control characters) and empty text are errors; invalid UTF-8 is
//! replaced and flagged ([`Document::lossy`]), or the document skipped, by [`InvalidUtf8`].
//! The readers also work on any byte stream ([`text_document`], [`jsonl_documents`],
//! [`csv_documents`]), which is how the fuzz targets drive them.
//!
//! ```
//! use saidby::ingest::{Input, ReadOptions};
//! let dir = std::env::temp_dir().join("saidby-doc-ingest");
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("a.jsonl"), "{\"id\":\"x1\",\"text\":\"Hello.\"}\nnot json\n").unwrap();
//! let (inputs, _) = Input::discover(&[dir.join("a.jsonl")]);
//! let items: Vec<_> = saidby::ingest::read_all(inputs, ReadOptions::default()).collect();
//! assert_eq!(items[0].as_ref().unwrap().id, "x1");
//! assert_eq!(items[1].as_ref().unwrap_err().line, Some(2));
//! ```

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::InputError;

/// One article as read, before any analysis.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Where it came from: file (or `-`) and, for JSONL and CSV, the line.
    pub file: String,
    pub line: Option<u64>,
    /// Invalid UTF-8 was replaced with U+FFFD while reading.
    pub lossy: bool,
    /// The page's HTML, for HTML input: the pipeline extracts `text` from it
    /// ([`crate::html`]), so the work runs on the worker threads.
    pub html: Option<String>,
    /// The byline found beside the text (HTML metadata).
    pub byline: Option<String>,
    /// Blocks of `text` the HTML extractor classified from DOM cues.
    pub hints: Vec<crate::html::Hint>,
    /// `text` is an article an extractor cut out of its page.
    pub extracted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Csv,
}

/// A file to read (or standard input), with its format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub format: Format,
    pub stdin: bool,
}

/// What to do with a document whose bytes are not valid UTF-8.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InvalidUtf8 {
    /// Replace each invalid sequence with U+FFFD, analyse, and flag the document.
    #[default]
    Replace,
    /// Skip the document and report where its first invalid byte is.
    Skip,
}

#[derive(Clone, Debug)]
pub struct ReadOptions {
    pub text_column: String,
    pub id_column: String,
    pub invalid_utf8: InvalidUtf8,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_column: "text".into(),
            id_column: "id".into(),
            invalid_utf8: InvalidUtf8::Replace,
        }
    }
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext == "gz" {
        return html_stem(path).map(|_| Format::Html);
    }
    match ext.as_str() {
        "txt" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

impl Input {
    /// Expands the command line's inputs into files, folders recursively and sorted. A path
    /// given explicitly with an unknown extension is read as text; unreadable paths are errors.
    pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<InputError>) {
        let mut inputs = Vec::new();
        let mut errors = Vec::new();
        let mut visited = HashSet::new();
        for path in paths {
            if path.as_os_str() == "-" {
                inputs.push(Input {
                    path: path.clone(),
                    format: Format::Jsonl,
                    stdin: true,
                });
                continue;
            }
            match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => walk(path, &mut inputs, &mut errors, &mut visited),
                Ok(_) => {
                    let format = format_of(path).unwrap_or(Format::Text);
                    inputs.push(Input {
                        path: path.clone(),
                        format,
                        stdin: false,
                    });
                }
                Err(e) => errors.push(InputError::new(
                    path.display().to_string(),
                    None,
                    format!("cannot read: {e}"),
                )),
            }
        }
        (inputs, errors)
    }

    fn name(&self) -> String {
        if self.stdin {
            "-".to_string()
        } else {
            self.path.display().to_string()
        }
    }
}

/// Adds the files of `dir` and its sub-folders in sorted order. A folder reached twice (a
/// symbolic link back up the tree) is reported once and not read again, and so are files that
/// are not regular files (pipes, devices), which could block or never end.
fn walk(
    dir: &Path,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<InputError>,
    visited: &mut HashSet<PathBuf>,
) {
    let error =
        |path: &Path, reason: String| InputError::new(path.display().to_string(), None, reason);
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if !visited.insert(real) {
                errors.push(error(
                    dir,
                    "folder already read (a link loops back to it)".into(),
                ));
                return;
            }
        }
        Err(e) => {
            errors.push(error(dir, format!("cannot read folder: {e}")));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(error(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => errors.push(error(dir, format!("cannot read folder: {e}"))),
        }
    }
    paths.sort();
    for path in paths {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, inputs, errors, visited),
            Ok(m) => {
                if let Some(format) = format_of(&path) {
                    if !m.is_file() {
                        errors.push(error(&path, "not a regular file".into()));
                        continue;
                    }
                    inputs.push(Input {
                        path,
                        format,
                        stdin: false,
                    });
                }
            }
            Err(e) => errors.push(error(&path, format!("cannot read: {e}"))),
        }
    }
}

/// Reads every input in order, yielding documents and errors as they come.
pub fn read_all(
    inputs: Vec<Input>,
    opts: ReadOptions,
) -> impl Iterator<Item = Result<Document, InputError>> {
    let parse = opts.clone();
    read_pending(inputs, opts).map(move |p| p.parse(&parse))
}

/// An item of the input as read, before its JSON is parsed: a JSONL line is handed on as
/// bytes, so that a run parses it on a worker thread ([`Pending::parse`]) and the one thread
/// that reads the input in order only splits it into lines.
#[derive(Debug)]
pub enum Pending {
    /// A document (or a problem) read already: every format but JSONL.
    Ready(Box<Result<Document, InputError>>),
    /// A non-blank line of a JSONL stream.
    Line(JsonLine),
}

/// One line of a JSONL stream, not parsed yet.
#[derive(Debug)]
pub struct JsonLine {
    /// The file (or `-`) it came from.
    pub name: String,
    /// Its line number, from 1.
    pub line: u64,
    pub bytes: Vec<u8>,
}

impl Pending {
    /// Bytes read for the item: what the batches of a run are measured by.
    pub fn len(&self) -> usize {
        match self {
            Pending::Ready(r) => r
                .as_ref()
                .as_ref()
                .map_or(0, |d| d.text.len() + d.html.as_ref().map_or(0, String::len)),
            Pending::Line(l) => l.bytes.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The document, or why there is none.
    pub fn parse(self, opts: &ReadOptions) -> Result<Document, InputError> {
        match self {
            Pending::Ready(r) => *r,
            Pending::Line(l) => parse_json_line(l.name, l.line, l.bytes, opts),
        }
    }
}

/// Reads every input in order like [`read_all`], leaving JSONL lines unparsed.
pub fn read_pending(inputs: Vec<Input>, opts: ReadOptions) -> impl Iterator<Item = Pending> {
    inputs
        .into_iter()
        .flat_map(move |input| read_input(input, opts.clone()))
}

type Items = Box<dyn Iterator<Item = Result<Document, InputError>>>;

fn read_input(input: Input, opts: ReadOptions) -> Box<dyn Iterator<Item = Pending>> {
    let name = input.name();
    if input.stdin {
        // An empty standard input is no error: a cluster hands a filter empty partitions.
        let mut reader = jsonl_reader(name, BufReader::new(std::io::stdin()));
        reader.empty_is_error = false;
        return Box::new(reader);
    }
    let ready = |item: Result<Document, InputError>| -> Box<dyn Iterator<Item = Pending>> {
        Box::new(std::iter::once(Pending::Ready(Box::new(item))))
    };
    let file = match File::open(&input.path) {
        Ok(f) => f,
        Err(e) => {
            return ready(Err(InputError::new(
                name,
                None,
                format!("cannot read: {e}"),
            )));
        }
    };
    match input.format {
        Format::Text => {
            let mut bytes = Vec::new();
            let mut file = file;
            if let Err(e) = file.read_to_end(&mut bytes) {
                return ready(Err(InputError::new(
                    name,
                    None,
                    format!("cannot read: {e}"),
                )));
            }
            ready(text_document(&name, stem(&input.path), bytes, &opts))
        }
        Format::Html => ready(read_html_file(file, &input.path, &name)),
        Format::Jsonl => Box::new(jsonl_reader(name, BufReader::new(file))),
        Format::Csv => {
            Box::new(csv_documents(name, file, opts).map(|r| Pending::Ready(Box::new(r))))
        }
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences; says whether it had to.
pub fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

/// How much of a document's start [`looks_binary`] samples.
const BINARY_SAMPLE: usize = 64 << 10;

/// Whether bytes are no text to analyse: at least 1% NUL bytes, or at least 10% control
/// characters (NUL included; not tab, line breaks, form feed or escape), in the first 64 KiB.
/// Images, archives, UTF-16 files and random bytes all are; a stray NUL, or text in another
/// encoding (invalid UTF-8, replaced and flagged), is not.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    if sample.is_empty() {
        return false;
    }
    let control_byte = |b: u8| matches!(b, 0..=8 | 14..=26 | 28..=31 | 127);
    // Nearly every text has no control byte at all: one pass without a branch per byte (the
    // compiler vectorises it) says so before anything is counted.
    if !sample.iter().fold(false, |any, &b| any | control_byte(b)) {
        return false;
    }
    let nul = memchr::memchr_iter(0, sample).count();
    let control = sample.iter().filter(|&&b| control_byte(b)).count();
    nul * 100 >= sample.len() || control * 10 >= sample.len()
}

/// Checks and decodes a document's text: binary content and empty text are refused with a
/// reason; invalid UTF-8 is replaced (and `true` returned) or refused, as `policy` says.
pub fn check_text(bytes: Vec<u8>, policy: InvalidUtf8) -> Result<(String, bool), String> {
    if looks_binary(&bytes) {
        return Err(BINARY.into());
    }
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) if policy == InvalidUtf8::Skip => {
            let at = e.utf8_error().valid_up_to();
            return Err(format!(
                "invalid UTF-8 at byte {at}, skipped (--invalid-utf8 skip)"
            ));
        }
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    check_not_blank(&text)?;
    Ok((text, lossy))
}

/// [`check_text`] for text that is a string already (a JSON field): the same answers, without
/// decoding it again.
pub fn check_str(text: &str) -> Result<(), String> {
    if looks_binary(text.as_bytes()) {
        return Err(BINARY.into());
    }
    check_not_blank(text)
}

const BINARY: &str = "binary content (NUL bytes or control characters), not analysed";

fn check_not_blank(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(if text.is_empty() {
            "empty text".into()
        } else {
            "no text, only white space".into()
        });
    }
    Ok(())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// One `.txt` article from its bytes: `name` is where it came from, `id` its document id.
pub fn text_document(
    name: &str,
    id: String,
    bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<Document, InputError> {
    let (mut text, lossy) = check_text(bytes, opts.invalid_utf8).map_err(|reason| {
        let mut e = InputError::new(name, None, reason);
        e.doc_id = Some(id.clone());
        e
    })?;
    if text.starts_with('\u{feff}') {
        // A byte-order mark is not text: replace it by a space so offsets stay put.
        text.replace_range(0..3, "   ");
    }
    Ok(Document {
        id,
        text,
        file: name.to_string(),
        lossy,
        ..Document::default()
    })
}

/// The file name without `.html`, `.htm`, `.html.gz` or `.htm.gz`.
fn html_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    [".html.gz", ".htm.gz", ".html", ".htm"]
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map(|ext| name[..name.len() - ext.len()].to_string())
}

/// A saved page, gzip-compressed or not; its text is extracted later, by the pipeline.
fn read_html_file(file: File, path: &Path, name: &str) -> Result<Document, InputError> {
    let mut bytes = Vec::new();
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let read = if gz {
        flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes)
    } else {
        BufReader::new(file).read_to_end(&mut bytes)
    };
    read.map_err(|e| InputError::new(name, None, format!("cannot read: {e}")))?;
    let (html, lossy) = crate::html::decode_page(bytes);
    Ok(Document {
        id: html_stem(path).unwrap_or_else(|| stem(path)),
        html: Some(html),
        file: name.to_string(),
        lossy,
        ..Document::default()
    })
}

#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    html: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
}

/// A string field: strings as they are, numbers as written, null and absent as none.
fn field(v: Option<serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// The articles of a JSONL stream, one per line; `name` is the file (or `-`) they came from.
pub fn jsonl_documents<R: BufRead>(
    name: String,
    reader: R,
    opts: ReadOptions,
) -> impl Iterator<Item = Result<Document, InputError>> {
    jsonl_reader(name, reader).map(move |p| p.parse(&opts))
}

fn jsonl_reader<R: BufRead>(name: String, reader: R) -> JsonlReader<R> {
    JsonlReader {
        name,
        reader,
        line: 0,
        items: 0,
        empty_is_error: true,
        failed: false,
        buf: Vec::new(),
    }
}

/// Splits a JSONL stream into its non-blank lines; problems reading it are items too.
struct JsonlReader<R> {
    name: String,
    reader: R,
    line: u64,
    /// Documents and errors yielded so far (none at the end: an empty file, reported).
    items: u64,
    /// A stream without a line is reported (an empty file), or not (standard input).
    empty_is_error: bool,
    /// A read error ends the stream: it would only repeat.
    failed: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        if self.failed {
            return None;
        }
        let error = |line, reason: String| {
            let e = InputError::new(&self.name, line, reason);
            Some(Pending::Ready(Box::new(Err(e))))
        };
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    if self.items == 0 && self.empty_is_error {
                        self.items += 1;
                        return error(None, "empty file: no JSON lines".into());
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.line += 1;
                    self.items += 1;
                    self.failed = true;
                    return error(Some(self.line), format!("cannot read: {e}"));
                }
            }
            self.line += 1;
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.items += 1;
            return Some(Pending::Line(JsonLine {
                name: self.name.clone(),
                line: self.line,
                bytes: std::mem::take(&mut self.buf),
            }));
        }
    }
}

fn parse_json_line(
    name: String,
    line: u64,
    mut bytes: Vec<u8>,
    opts: &ReadOptions,
) -> Result<Document, InputError> {
    let err = |reason: String| InputError::new(&name, Some(line), reason);
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    let (s, lossy) = match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) if opts.invalid_utf8 == InvalidUtf8::Skip => {
            let at = e.utf8_error().valid_up_to();
            return Err(err(format!(
                "invalid UTF-8 at byte {at} of the line, skipped (--invalid-utf8 skip)"
            )));
        }
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    let json = s.trim();
    if !json.starts_with('{') {
        return Err(err("not a JSON object".into()));
    }
    let rec: JsonRecord =
        serde_json::from_str(json).map_err(|e| err(format!("not a JSON object: {e}")))?;
    let id = field(rec.id);
    let with_id = |mut e: InputError| {
        e.doc_id = id.clone();
        e
    };
    let mut html = None;
    let text = match rec.text {
        Some(serde_json::Value::String(t)) => t,
        None if matches!(rec.html, Some(serde_json::Value::String(_))) => {
            html = field(rec.html);
            String::new()
        }
        Some(_) => return Err(with_id(err("field \"text\" is not a string".into()))),
        None => return Err(with_id(err("no \"text\" or \"html\" field".into()))),
    };
    // A page's text is extracted later, by the pipeline; its markup is checked here.
    let checked = match &html {
        Some(page) => check_str(page).map(|_| (text, false)),
        None => check_str(&text).map(|_| (text, false)),
    };
    let (text, text_lossy) = checked.map_err(|r| with_id(err(r)))?;
    let id = id.unwrap_or_else(|| format!("{}:{line}", stem(Path::new(&name))));
    Ok(Document {
        id,
        text,
        title: field(rec.title),
        date: field(rec.date),
        url: field(rec.url),
        source: field(rec.source),
        file: name,
        line: Some(line),
        lossy: lossy || text_lossy,
        html,
        ..Document::default()
    })
}

/// The articles of a CSV stream with a header row; `name` is the file they came from. The
/// text and id columns are found by name ([`ReadOptions`]); a row with more or fewer fields
/// than the header is reported, not guessed at.
pub fn csv_documents<R: Read + 'static>(name: String, reader: R, opts: ReadOptions) -> Items {
    let one = |e: InputError| -> Items { Box::new(std::iter::once(Err(e))) };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => return one(InputError::new(name, Some(1), e.to_string())),
    };
    if headers.is_empty() || (headers.len() == 1 && headers[0].is_empty()) {
        return one(InputError::new(name, None, "empty file: no CSV header"));
    }
    let col = |want: &str| headers.iter().position(|h| h == want.as_bytes());
    let Some(text_col) = col(&opts.text_column) else {
        let reason = format!("no column {:?} in the header", opts.text_column);
        return one(InputError::new(name, Some(1), reason));
    };
    let id_col = col(&opts.id_column);
    let meta = [col("title"), col("date"), col("url"), col("source")];
    let width = headers.len();
    let stem = stem(Path::new(&name));
    let mut records = 0u64;
    let mut rows = reader.into_byte_records().enumerate();
    // A read error does not move the reader on: the stream ends there.
    let mut failed = false;
    Box::new(std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let Some((i, rec)) = rows.next() else {
            if records == 0 {
                records += 1;
                return Some(Err(InputError::new(
                    &name,
                    None,
                    "no records after the header",
                )));
            }
            return None;
        };
        records += 1;
        let fallback_line = i as u64 + 2;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                failed = e.is_io_error();
                let line = e.position().map(|p| p.line()).unwrap_or(fallback_line);
                return Some(Err(InputError::new(&name, Some(line), e.to_string())));
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(fallback_line);
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(|b| decode(b.to_vec()));
        let id = get(id_col).map(|(s, _)| s).filter(|s| !s.is_empty());
        let err = |reason: String| {
            let mut e = InputError::new(&name, Some(line), reason);
            e.doc_id = id.clone();
            e
        };
        if rec.len() != width {
            let reason = format!("record has {} fields, the header has {width}", rec.len());
            return Some(Err(err(reason)));
        }
        let bytes = rec.get(text_col).unwrap_or_default().to_vec();
        let (text, lossy) = match check_text(bytes, opts.invalid_utf8) {
            Ok(t) => t,
            Err(reason) => return Some(Err(err(reason))),
        };
        let [title, date, url, source] =
            meta.map(|c| get(c).map(|(s, _)| s).filter(|s| !s.is_empty()));
        Some(Ok(Document {
            id: id.unwrap_or_else(|| format!("{stem}:{line}")),
            text,
            title,
            date,
            url,
            source,
            file: name.clone(),
            line: Some(line),
            lossy,
            ..Document::default()
        }))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("saidby-ingest-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn folders_are_walked_sorted_and_filtered() {
        let d = tmp("walk");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("b.txt"), "B").unwrap();
        std::fs::write(d.join("a.txt"), "A").unwrap();
        std::fs::write(d.join("sub/c.txt"), "C").unwrap();
        std::fs::write(d.join("notes.md"), "skip").unwrap();
        let (inputs, errors) = Input::discover(std::slice::from_ref(&d));
        assert!(errors.is_empty());
        let ids: Vec<String> = read_all(inputs, ReadOptions::default())
            .map(|r| r.unwrap().id)
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let (_, errors) = Input::discover(&[d.join("missing")]);
        assert!(errors[0].file.ends_with("missing"));
    }

    #[test]
    fn jsonl_errors_name_their_line_and_keep_going() {
        let d = tmp("jsonl");
        let p = d.join("x.jsonl");
        std::fs::write(&p, "{\"id\": 7, \"text\": \"one\"}\n\n{\"id\": \"b\"}\n[1]\n{\"text\": \"two\", \"title\": \"T\"}\n").unwrap();
        let (inputs, _) = Input::discover(&[p]);
        let items: Vec<_> = read_all(inputs, ReadOptions::default()).collect();
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].as_ref().unwrap().id, "7");
        let e = items[1].as_ref().unwrap_err();
        assert_eq!((e.line, e.doc_id.as_deref()), (Some(3), Some("b")));
        assert!(e.reason.contains("text"));
        assert_eq!(items[2].as_ref().unwrap_err().line, Some(4));
        let last = items[3].as_ref().unwrap();
        assert_eq!(
            (last.id.as_str(), last.title.as_deref()),
            ("x:5", Some("T"))
        );
    }

    #[test]
    fn csv_columns_by_name_and_ragged_rows_reported() {
        let d = tmp("csv");
        let p = d.join("c.csv");
        std::fs::write(
            &p,
            "key,body,date\nk1,\"Hello, \"\"world\"\"\",2005-01-01\nk2,short\nk3,ok,\n",
        )
        .unwrap();
        let (inputs, _) = Input::discover(&[p]);
        let opts = ReadOptions {
            text_column: "body".into(),
            id_column: "key".into(),
            ..ReadOptions::default()
        };
        let items: Vec<_> = read_all(inputs, opts).collect();
        let first = items[0].as_ref().unwrap();
        assert_eq!(
            (first.id.as_str(), first.text.as_str()),
            ("k1", "Hello, \"world\"")
        );
        assert_eq!(first.date.as_deref(), Some("2005-01-01"));
        assert_eq!(items[1].as_ref().unwrap_err().line, Some(3));
        assert_eq!(items[2].as_ref().unwrap().id, "k3");
    }

    #[test]
    fn binary_is_told_from_text_in_another_encoding() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"));
        let utf16: Vec<u8> = "Hello".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(looks_binary(&utf16));
        assert!(looks_binary(b"\x01\x02\x03 text"));
        assert!(!looks_binary(
            "Caf\u{e9} \u{201c}quoted\u{201d}\t\r\n".as_bytes()
        ));
        assert!(!looks_binary(b"caf\xe9 said, \xab\xbb in Latin-1"));
        let mut long = "word ".repeat(200).into_bytes();
        long.push(0);
        assert!(!looks_binary(&long), "a stray NUL");
        assert!(!looks_binary(b""));
    }

    #[test]
    fn invalid_utf8_is_decoded_and_flagged() {
        let d = tmp("utf8");
        let p = d.join("bad.txt");
        std::fs::write(&p, b"caf\xe9 said").unwrap();
        let (inputs, _) = Input::discover(&[p]);
        let doc = read_all(inputs, ReadOptions::default())
            .next()
            .unwrap()
            .unwrap();
        assert!(doc.lossy);
        assert_eq!(doc.text, "caf\u{fffd} said");
    }
}
