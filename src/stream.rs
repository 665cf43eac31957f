//! Streaming output: one JSONL record per input document, in input order, written as each
//! batch of documents finishes (`saidby run ... --stdout jsonl`). This is how saidby runs as
//! a stateless filter inside a cluster job: JSONL in on standard input, JSONL out on standard
//! output, logs on standard error.
//!
//! A document's record holds its quotes.csv and mentions.csv rows, built by the same code as
//! the CSV tables ([`crate::export::DocRows`]): the same column names and values, numbers as
//! JSON numbers, an absent number as null. Cells are never neutralised for spreadsheets (no
//! spreadsheet opens JSON): the values are those of the tables written with `--raw-csv`.
//!
//! ```text
//! {"doc_id":"d1","file":"-","line":1,"quotes":[{"quote_id":"d1:q1",...}],"mentions":[...]}
//! {"doc_id":null,"file":"-","line":2,"error":"not a JSON object"}
//! ```
//!
//! A document that could not be analysed is a record too, with its `error`, so one broken
//! article never aborts a job. A document kept with invalid UTF-8 replaced has
//! `"warnings":"invalid_utf8_replaced"` (documents.csv's column).
//!
//! ```
//! use saidby::{pipeline::Pipeline, export::Sink, stream::JsonlSink};
//! let p = Pipeline::bundled().unwrap();
//! let mut sink = JsonlSink::new(Vec::new());
//! sink.document(&p.analyse_text("d1", "Title\n\n“Yes,” said Jane Roe.\n")).unwrap();
//! let out = String::from_utf8(sink.finish().unwrap()).unwrap();
//! let record: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
//! assert_eq!(record["quotes"][0]["speaker"], "Jane Roe");
//! assert_eq!(record["quotes"][0]["start"], 8);
//! ```

use std::io::{self, BufWriter, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::error::InputError;
use crate::export::{Cell, DocRows, MENTIONS_HEADER, QUOTES_HEADER, Render, Sink};
use crate::pipeline::Analysis;

/// Writes one JSONL record per document into `W` (standard output, in the command line),
/// flushed after every batch.
pub struct JsonlSink<W: Write> {
    out: BufWriter<W>,
}

/// A table row as a JSON object whose keys are the table's column names, in column order.
struct Row<'r>(&'static [&'static str], &'r [Cell<'r>]);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(self.1) {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

struct Rows<'r>(&'static [&'static str], &'r [Vec<Cell<'r>>]);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.1.iter().map(|r| Row(self.0, r)))
    }
}

#[derive(Serialize)]
struct DocumentRecord<'r> {
    doc_id: &'r str,
    file: &'r str,
    line: Option<u64>,
    quotes: Rows<'r>,
    mentions: Rows<'r>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warnings: Option<&'r str>,
}

#[derive(Serialize)]
struct ErrorRecord<'r> {
    doc_id: Option<&'r str>,
    file: &'r str,
    line: Option<u64>,
    error: &'r str,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink {
            out: BufWriter::with_capacity(1 << 16, out),
        }
    }

    /// Flushes every record and gives the writer back.
    pub fn finish(self) -> io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }

    fn record(&mut self, r: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, r)?;
        self.out.write_all(b"\n")
    }
}

/// Renders a document's JSONL record, line break included, on the worker that analysed it.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonlRecord;

impl Render for JsonlRecord {
    type Doc = Vec<u8>;

    fn render(&self, a: &Analysis) -> io::Result<Vec<u8>> {
        let rows = DocRows::new(a, false);
        let quotes: Vec<Vec<Cell>> = rows.quotes().map(|q| q.cells).collect();
        let mentions: Vec<Vec<Cell>> = rows.mentions().collect();
        let mut line = Vec::new();
        serde_json::to_writer(
            &mut line,
            &DocumentRecord {
                doc_id: &a.doc.id,
                file: &a.doc.file,
                line: a.doc.line,
                quotes: Rows(QUOTES_HEADER, &quotes),
                mentions: Rows(MENTIONS_HEADER, &mentions),
                warnings: a.doc.lossy.then_some("invalid_utf8_replaced"),
            },
        )?;
        line.push(b'\n');
        Ok(line)
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    type Render = JsonlRecord;

    fn renderer(&self) -> JsonlRecord {
        JsonlRecord
    }

    fn push(&mut self, line: Vec<u8>) -> io::Result<()> {
        self.out.write_all(&line)
    }

    fn error(&mut self, e: &InputError) -> io::Result<()> {
        self.record(&ErrorRecord {
            doc_id: e.doc_id.as_deref(),
            file: &e.file,
            line: e.line,
            error: &e.reason,
        })
    }

    /// The document's own record says so (`warnings`): one record per document.
    fn warning(&mut self, _: &InputError) -> io::Result<()> {
        Ok(())
    }

    fn batch_done(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::test_pipeline;

    fn records(f: impl FnOnce(&mut JsonlSink<Vec<u8>>)) -> Vec<serde_json::Value> {
        let mut sink = JsonlSink::new(Vec::new());
        f(&mut sink);
        let out = String::from_utf8(sink.finish().unwrap()).unwrap();
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn a_document_record_has_its_rows_with_the_table_columns_in_order() {
        let p = test_pipeline();
        let text = "Title\n\n“We will act,” said Jane Roe in London.\n";
        let mut a = p.analyse_text("d1", text);
        a.doc.file = "in.jsonl".into();
        a.doc.line = Some(3);
        let mut sink = JsonlSink::new(Vec::new());
        sink.document(&a).unwrap();
        let line = String::from_utf8(sink.finish().unwrap()).unwrap();
        assert!(
            line.starts_with(
                r#"{"doc_id":"d1","file":"in.jsonl","line":3,"quotes":[{"quote_id":"d1:q1","doc_id":"d1","speaker":"Jane Roe","#
            ),
            "{line}"
        );
        assert_eq!(line.matches('\n').count(), 1);
        let r: serde_json::Value = serde_json::from_str(&line).unwrap();
        let q = &r["quotes"][0];
        let keys: Vec<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
        let mut want = QUOTES_HEADER.to_vec();
        want.sort_unstable();
        assert_eq!(
            keys, want,
            "every quotes.csv column (serde_json sorts keys)"
        );
        assert_eq!(q["text"], "We will act,");
        assert_eq!(
            (q["start"].as_u64(), q["end"].as_u64()),
            (Some(8), Some(20))
        );
        assert_eq!(q["paragraph"], 1);
        assert_eq!(q["cue"], "said");
        assert!(q["confidence"].is_f64());
        let m = &r["mentions"];
        let london = m
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["surface"] == "London")
            .expect("London tagged");
        assert_eq!(london["type"], "place");
        assert_eq!(london["in_quote"], 0);
        assert_eq!(
            london["start"],
            text[..text.find("London").unwrap()].chars().count()
        );
        assert!(r.get("warnings").is_none());
    }

    #[test]
    fn an_unattributed_quote_has_null_speaker_offsets_and_an_error_is_a_record() {
        let p = test_pipeline();
        let got = records(|s| {
            s.document(&p.analyse_text("d2", "Title\n\nThe sign read “closed for good”.\n"))
                .unwrap();
            let mut e = InputError::new("-", Some(7), "not a JSON object");
            s.error(&e).unwrap();
            e.doc_id = Some("x9".into());
            s.warning(&e).unwrap();
        });
        assert_eq!(got.len(), 2, "a warning adds no record: {got:?}");
        let q = &got[0]["quotes"][0];
        assert_eq!(q["speaker"], "");
        assert!(q["speaker_start"].is_null() && q["cue_end"].is_null());
        assert_eq!(
            got[1],
            serde_json::json!({"doc_id": null, "file": "-", "line": 7, "error": "not a JSON object"})
        );
    }

    #[test]
    fn formula_like_text_is_not_neutralised_in_json() {
        let p = test_pipeline();
        let got = records(|s| {
            s.document(&p.analyse_text("=d3", "Title\n\n“=SUM(A1) now,” said Jane Roe.\n"))
                .unwrap();
        });
        assert_eq!(got[0]["doc_id"], "=d3");
        assert_eq!(got[0]["quotes"][0]["text"], "=SUM(A1) now,");
    }
}
