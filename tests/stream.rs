//! End-to-end: `saidby run ... --stdout jsonl`, saidby as a streaming filter. One record per
//! input document in input order, with the rows the CSV tables have; errors as records; exit
//! 0 unless saidby itself cannot work; records written while the input is still coming.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::{Value, json};

mod common;
use common::saidby;

fn tmp(name: &str) -> PathBuf {
    common::tmp("stream", name)
}

/// Runs saidby with `stdin` as its standard input.
fn with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = saidby()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().unwrap();
    // A saidby that stops at once (a usage error) does not read its input: no matter.
    let _ = writer.join().unwrap();
    out
}

fn records(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let h = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (h, rows)
}

/// A JSON value as the CSV table writes it.
fn as_cell(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Number(n) if n.is_u64() => n.to_string(),
        Value::Number(n) => format!("{:.2}", n.as_f64().unwrap()),
        other => panic!("no table has a cell like {other}"),
    }
}

/// The articles of tests/gold/bbc and data/samples as JSONL lines, with bad lines between.
fn mixed_input() -> (Vec<u8>, usize) {
    let paths = common::sample_articles();
    let mut input = Vec::new();
    for (k, p) in paths.iter().enumerate() {
        let id = p.file_stem().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(p).unwrap();
        let line = json!({"id": id, "text": text, "source": "test"});
        input.extend(line.to_string().as_bytes());
        input.push(b'\n');
        match k {
            3 => input.extend(b"not json at all\n"),
            9 => input.extend(b"{\"id\": \"no-text\"}\n"),
            17 => input.extend(b"\n   \n"),
            20 => input.extend(b"{\"id\": \"empty\", \"text\": \"\"}\n"),
            31 => input.extend(b"{\"id\": \"latin1\", \"text\": \"Caf\xe9 news\\n\\n\\\"We stay,\\\" said Jane Roe.\"}\n"),
            _ => {}
        }
    }
    (input, paths.len())
}

#[test]
fn one_record_per_document_in_input_order_with_the_rows_of_the_tables() {
    let (input, articles) = mixed_input();
    let o = with_stdin(&["run", "-", "--stdout", "jsonl"], &input);
    assert_eq!(
        o.status.code(),
        Some(0),
        "bad documents are records, not a failure"
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("documents"),
        "the summary is on stderr: {stderr}"
    );
    let recs = records(&o);
    // Every line that is not blank is one record, in order: articles, the latin-1 one, and
    // the three bad lines.
    let lines: Vec<u64> = input
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(i, _)| i as u64 + 1)
        .collect();
    assert_eq!(recs.len(), articles + 4);
    let got: Vec<u64> = recs.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(got, lines);
    assert!(recs.iter().all(|r| r["file"] == "-"));
    let bad: Vec<&Value> = recs.iter().filter(|r| r.get("error").is_some()).collect();
    assert_eq!(bad.len(), 3);
    assert_eq!(
        *bad[0],
        json!({"doc_id": null, "file": "-", "line": 5, "error": "not a JSON object"})
    );
    assert_eq!(bad[1]["doc_id"], "no-text");
    assert_eq!(bad[2]["doc_id"], "empty");
    assert_eq!(bad[2]["error"], "empty text");
    let lossy: Vec<&Value> = recs
        .iter()
        .filter(|r| r.get("warnings").is_some())
        .collect();
    assert_eq!(lossy.len(), 1);
    assert_eq!(
        (&lossy[0]["doc_id"], &lossy[0]["warnings"]),
        (&json!("latin1"), &json!("invalid_utf8_replaced"))
    );
    assert!(
        lossy[0]["quotes"][0]["speaker"] == "Jane Roe",
        "{}",
        lossy[0]
    );

    // The same input into tables: the records hold exactly their rows.
    let d = tmp("tables");
    let out = d.join("out");
    let o = with_stdin(
        &[
            "run",
            "-",
            "--raw-csv",
            "-q",
            "--out",
            out.to_str().unwrap(),
        ],
        &input,
    );
    assert_eq!(o.status.code(), Some(1));
    let docs: Vec<&Value> = recs.iter().filter(|r| r.get("error").is_none()).collect();
    let (_, documents) = csv_rows(&out.join("documents.csv"));
    let ids: Vec<&str> = documents.iter().map(|r| r[0].as_str()).collect();
    let rec_ids: Vec<&str> = docs.iter().map(|r| r["doc_id"].as_str().unwrap()).collect();
    assert_eq!(rec_ids, ids);
    let mut compared = [0usize; 2];
    for (k, (table, key, id_col)) in [("quotes.csv", "quotes", 1), ("mentions.csv", "mentions", 0)]
        .into_iter()
        .enumerate()
    {
        let (header, rows) = csv_rows(&out.join(table));
        let from_records: Vec<Vec<String>> = docs
            .iter()
            .flat_map(|r| r[key].as_array().unwrap())
            .map(|row| {
                let obj = row.as_object().unwrap();
                assert_eq!(obj.len(), header.len(), "{table} columns: {row}");
                header.iter().map(|h| as_cell(&obj[h])).collect()
            })
            .collect();
        assert_eq!(from_records.len(), rows.len(), "{table}");
        for (a, b) in from_records.iter().zip(&rows) {
            assert_eq!(a, b, "{table} row of {}", b[id_col]);
        }
        compared[k] = rows.len();
    }
    assert!(compared[0] > 200 && compared[1] > 1000, "{compared:?}");
    let (_, errors) = csv_rows(&out.join("errors.csv"));
    let errors: Vec<Vec<String>> = errors
        .into_iter()
        .filter(|e| !e[3].starts_with("invalid UTF-8 replaced"))
        .collect();
    let from_records: Vec<Vec<String>> = bad
        .iter()
        .map(|r| {
            ["file", "line", "doc_id", "error"]
                .iter()
                .map(|k| as_cell(&r[*k]))
                .collect()
        })
        .collect();
    assert_eq!(from_records, errors);
}

#[test]
fn files_stream_too_and_an_empty_input_is_no_record() {
    let o = saidby()
        .args(["run", "data/samples", "--stdout", "jsonl", "-q"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(o.stderr.is_empty(), "-q: nothing on stderr");
    let recs = records(&o);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["doc_id"], "000_4b98acbb933a9022");
    assert_eq!(recs[0]["file"], "data/samples/000_4b98acbb933a9022.txt");
    assert!(recs[0]["line"].is_null());
    assert!(recs[0]["quotes"].as_array().unwrap().len() > 5);
    // A cluster hands a filter empty partitions: no document, no record, no error.
    let o = with_stdin(&["run", "-", "--stdout", "jsonl", "-q"], b"");
    assert!(o.status.success());
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    // An empty file given by name is still reported.
    let d = tmp("empty");
    std::fs::write(d.join("e.jsonl"), "").unwrap();
    let o = saidby()
        .args(["run", "--stdout", "jsonl", "-q"])
        .arg(d.join("e.jsonl"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let recs = records(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["error"], "empty file: no JSON lines");
}

#[test]
fn saidby_that_cannot_work_exits_two() {
    let input = b"{\"id\": \"a\", \"text\": \"Title\\n\\nBody.\"}\n";
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut child = saidby()
            .args(["run", "-", "--stdout", "jsonl", "-q"])
            .stdin(Stdio::piped())
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(2), "an unwritable output is fatal");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("writing records to standard output"), "{err}");
    }
    for (args, why) in [
        (
            &["--stdout", "jsonl", "--out", "x"][..],
            "cannot be used with",
        ),
        (
            &["--stdout", "jsonl", "--resume"][..],
            "cannot be used with",
        ),
        (
            &["--stdout", "jsonl", "--removed"][..],
            "cannot be used with",
        ),
        (&["--stdout", "csv"][..], "invalid value"),
        (&[][..], "--out"),
        (
            &["--stdout", "jsonl", "--gazetteer", "/nonexistent/g.tsv"][..],
            "error",
        ),
    ] {
        let o = with_stdin(&[&["run", "-"], args].concat(), input);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}: nothing on stdout");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(why), "{args:?}: {err}");
    }
}

/// Records come out as batches finish, while the input is still open: a stream of any length
/// goes through in the memory of a few batches.
#[test]
fn records_are_written_before_the_input_ends() {
    let mut child = saidby()
        .args(["run", "-", "--stdout", "jsonl", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // More than one batch (256 documents), and the input stays open.
    for i in 0..300 {
        let doc = json!({"id": format!("d{i}"), "text": format!("Story {i}\n\n\"Yes {i},\" said Jane Roe.")});
        writeln!(stdin, "{doc}").unwrap();
    }
    stdin.flush().unwrap();
    // A guard against a hang, not a speed check: a batch takes well under a second.
    let wait = std::time::Duration::from_secs(300);
    let first = rx
        .recv_timeout(wait)
        .expect("no record while the input was open: records are not streamed");
    assert!(
        first.starts_with(r#"{"doc_id":"d0","file":"-","line":1,"#),
        "{first}"
    );
    for _ in 1..256 {
        rx.recv_timeout(wait).expect("the first batch, whole");
    }
    drop(stdin);
    let rest: Vec<String> = rx.iter().collect();
    assert_eq!(rest.len(), 44);
    assert!(rest.last().unwrap().starts_with(r#"{"doc_id":"d299","#));
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}
