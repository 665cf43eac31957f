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

#[derive(Clone, Debug)]
pub struct ReadOptions {
    pub text_column: String,
    pub id_column: String,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            text_column: "text".into(),
            id_column: "id".into(),
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
                Ok(m) if m.is_dir() => walk(path, &mut inputs, &mut errors),
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
                    e.to_string(),
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

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError::new(
                dir.display().to_string(),
                None,
                e.to_string(),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => paths.push(e.path()),
            Err(e) => errors.push(InputError::new(
                dir.display().to_string(),
                None,
                e.to_string(),
            )),
        }
    }
    paths.sort();
    for path in paths {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, inputs, errors),
            Ok(_) => {
                if let Some(format) = format_of(&path) {
                    inputs.push(Input {
                        path,
                        format,
                        stdin: false,
                    });
                }
            }
            Err(e) => errors.push(InputError::new(
                path.display().to_string(),
                None,
                e.to_string(),
            )),
        }
    }
}

/// Reads every input in order, yielding documents and errors as they come.
pub fn read_all(
    inputs: Vec<Input>,
    opts: ReadOptions,
) -> impl Iterator<Item = Result<Document, InputError>> {
    inputs
        .into_iter()
        .flat_map(move |input| read_input(input, opts.clone()))
}

type Items = Box<dyn Iterator<Item = Result<Document, InputError>>>;

fn read_input(input: Input, opts: ReadOptions) -> Items {
    let name = input.name();
    if input.stdin {
        let reader = BufReader::new(std::io::stdin());
        return Box::new(JsonlReader::new(name, Box::new(reader)));
    }
    match input.format {
        Format::Text => Box::new(std::iter::once(read_text_file(&input.path, &name))),
        Format::Html => Box::new(std::iter::once(read_html_file(&input.path, &name))),
        Format::Jsonl => match File::open(&input.path) {
            Ok(f) => Box::new(JsonlReader::new(name, Box::new(BufReader::new(f)))),
            Err(e) => Box::new(std::iter::once(Err(InputError::new(
                name,
                None,
                e.to_string(),
            )))),
        },
        Format::Csv => read_csv(&input.path, name, &opts),
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences; says whether it had to.
pub fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_text_file(path: &Path, name: &str) -> Result<Document, InputError> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError::new(name, None, e.to_string()))?;
    let (mut text, lossy) = decode(bytes);
    if text.starts_with('\u{feff}') {
        // A byte-order mark is not text: replace it by a space so offsets stay put.
        text.replace_range(0..3, "   ");
    }
    Ok(Document {
        id: stem(path),
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
fn read_html_file(path: &Path, name: &str) -> Result<Document, InputError> {
    let mut bytes = Vec::new();
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let read = File::open(path).and_then(|f| {
        if gz {
            flate2::read::MultiGzDecoder::new(f).read_to_end(&mut bytes)
        } else {
            BufReader::new(f).read_to_end(&mut bytes)
        }
    });
    read.map_err(|e| InputError::new(name, None, e.to_string()))?;
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

struct JsonlReader {
    name: String,
    reader: Box<dyn BufRead>,
    line: u64,
    buf: Vec<u8>,
}

impl JsonlReader {
    fn new(name: String, reader: Box<dyn BufRead>) -> JsonlReader {
        JsonlReader {
            name,
            reader,
            line: 0,
            buf: Vec::new(),
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    self.line += 1;
                    return Some(Err(InputError::new(
                        &self.name,
                        Some(self.line),
                        e.to_string(),
                    )));
                }
            }
            self.line += 1;
            let line = std::mem::take(&mut self.buf);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_json_line(&self.name, self.line, line));
        }
    }
}

fn parse_json_line(name: &str, line: u64, bytes: Vec<u8>) -> Result<Document, InputError> {
    let (s, lossy) = decode(bytes);
    let rec: JsonRecord = serde_json::from_str(s.trim())
        .map_err(|e| InputError::new(name, Some(line), format!("not a JSON object: {e}")))?;
    let id = field(rec.id);
    let mut html = None;
    let text = match rec.text {
        Some(serde_json::Value::String(t)) => t,
        None if matches!(rec.html, Some(serde_json::Value::String(_))) => {
            html = field(rec.html);
            String::new()
        }
        Some(_) => {
            let mut e = InputError::new(name, Some(line), "field \"text\" is not a string");
            e.doc_id = id;
            return Err(e);
        }
        None => {
            let mut e = InputError::new(name, Some(line), "no \"text\" or \"html\" field");
            e.doc_id = id;
            return Err(e);
        }
    };
    let id = id.unwrap_or_else(|| format!("{}:{line}", stem(Path::new(name))));
    Ok(Document {
        id,
        text,
        title: field(rec.title),
        date: field(rec.date),
        url: field(rec.url),
        source: field(rec.source),
        file: name.to_string(),
        line: Some(line),
        lossy,
        html,
        ..Document::default()
    })
}

fn read_csv(path: &Path, name: String, opts: &ReadOptions) -> Items {
    let mut reader = match csv::ReaderBuilder::new().flexible(true).from_path(path) {
        Ok(r) => r,
        Err(e) => {
            return Box::new(std::iter::once(Err(InputError::new(
                name,
                None,
                e.to_string(),
            ))));
        }
    };
    let headers = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Box::new(std::iter::once(Err(InputError::new(
                name,
                Some(1),
                e.to_string(),
            ))));
        }
    };
    let col = |want: &str| headers.iter().position(|h| h == want.as_bytes());
    let Some(text_col) = col(&opts.text_column) else {
        let reason = format!("no column {:?} in the header", opts.text_column);
        return Box::new(std::iter::once(Err(InputError::new(name, Some(1), reason))));
    };
    let id_col = col(&opts.id_column);
    let meta = [col("title"), col("date"), col("url"), col("source")];
    let width = headers.len();
    let stem = stem(path);
    Box::new(reader.into_byte_records().enumerate().map(move |(i, rec)| {
        let fallback_line = i as u64 + 2;
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(fallback_line);
            InputError::new(&name, Some(line), e.to_string())
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(fallback_line);
        if rec.len() != width {
            let reason = format!("record has {} fields, the header has {width}", rec.len());
            return Err(InputError::new(&name, Some(line), reason));
        }
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c)).map(|b| decode(b.to_vec()));
        let (text, lossy) = get(Some(text_col)).unwrap_or_default();
        let id = get(id_col).map(|(s, _)| s).filter(|s| !s.is_empty());
        let [title, date, url, source] =
            meta.map(|c| get(c).map(|(s, _)| s).filter(|s| !s.is_empty()));
        Ok(Document {
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
        })
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
    fn invalid_utf8_is_decoded_and_flagged() {
        let d = tmp("utf8");
        let p = d.join("bad.txt");
        std::fs::write(&p, b"caf\xe9 said").unwrap();
        let doc = read_text_file(&p, "bad.txt").unwrap();
        assert!(doc.lossy);
        assert_eq!(doc.text, "caf\u{fffd} said");
    }
}
