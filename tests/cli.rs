//! End-to-end: the real `saidby` binary on files, as a user runs it.

use std::path::{Path, PathBuf};

mod common;
use common::saidby;

fn tmp(name: &str) -> PathBuf {
    common::tmp("cli", name)
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

fn col(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Python's `text[start:end]` on characters.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn run_on_the_samples_writes_every_table_with_the_contract_columns() {
    let out = tmp("samples");
    let status = saidby()
        .args(["run", "data/samples", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let want: &[(&str, &[&str])] = &[
        (
            "quotes.csv",
            &[
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
            ],
        ),
        (
            "mentions.csv",
            &[
                "doc_id",
                "entity_id",
                "name",
                "type",
                "surface",
                "start",
                "end",
                "section",
                "in_quote",
            ],
        ),
        (
            "documents.csv",
            &[
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
            ],
        ),
        (
            "entities.csv",
            &[
                "entity_id",
                "name",
                "type",
                "documents",
                "mentions",
                "quotes_spoken",
            ],
        ),
        (
            "speakers.csv",
            &[
                "speaker_id",
                "speaker",
                "quotes",
                "words_quoted",
                "documents",
            ],
        ),
    ];
    for (table, columns) in want {
        let (headers, rows) = read_csv(&out.join(table));
        assert_eq!(
            &headers[..columns.len()],
            *columns,
            "{table} starts with the contract columns, in order"
        );
        assert!(!rows.is_empty(), "{table} has rows");
        assert!(!out.join(format!("{table}.partial")).exists());
    }
    let (h, docs) = read_csv(&out.join("documents.csv"));
    let doc = docs
        .iter()
        .find(|r| r[0] == "000_4b98acbb933a9022")
        .unwrap();
    assert_eq!(doc[col(&h, "date")], "2023-07-04");
    assert_eq!(doc[col(&h, "byline")], "Press Association");
    assert!(doc[col(&h, "title")].starts_with("James Cleverly calls for international response"));
}

#[test]
fn offsets_are_character_offsets_into_the_original_text() {
    let out = tmp("offsets");
    assert!(
        saidby()
            .args(["run", "data/samples", "--out"])
            .arg(&out)
            .status()
            .unwrap()
            .success()
    );
    let text_of = |doc: &str| std::fs::read_to_string(format!("data/samples/{doc}.txt")).unwrap();
    let (h, quotes) = read_csv(&out.join("quotes.csv"));
    let (d, t, seg) = (col(&h, "doc_id"), col(&h, "text"), col(&h, "segments"));
    let (ms, me, m) = (
        col(&h, "speaker_start"),
        col(&h, "speaker_end"),
        col(&h, "speaker_mention"),
    );
    for q in &quotes {
        let text = text_of(&q[d]);
        let parts: Vec<String> = q[seg]
            .split(';')
            .map(|p| {
                let (a, b) = p.split_once('-').unwrap();
                char_slice(&text, a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        assert_eq!(
            parts.join(" ").replace('\n', " "),
            q[t],
            "segments spell the text"
        );
        if !q[ms].is_empty() {
            assert_eq!(
                char_slice(&text, q[ms].parse().unwrap(), q[me].parse().unwrap()),
                q[m]
            );
        }
    }
    let (h, mentions) = read_csv(&out.join("mentions.csv"));
    let (d, s, e, f) = (
        col(&h, "doc_id"),
        col(&h, "start"),
        col(&h, "end"),
        col(&h, "surface"),
    );
    for row in &mentions {
        let text = text_of(&row[d]);
        assert_eq!(
            char_slice(&text, row[s].parse().unwrap(), row[e].parse().unwrap()),
            row[f]
        );
    }
}

#[test]
fn same_bytes_at_any_number_of_threads() {
    let a = tmp("jobs1");
    let b = tmp("jobs2");
    assert!(
        saidby()
            .args([
                "run",
                "data/samples",
                "tests/gold/bbc",
                "--jobs",
                "1",
                "--out"
            ])
            .arg(&a)
            .status()
            .unwrap()
            .success()
    );
    assert!(
        saidby()
            .args([
                "run",
                "data/samples",
                "tests/gold/bbc",
                "--jobs",
                "2",
                "--out"
            ])
            .arg(&b)
            .status()
            .unwrap()
            .success()
    );
    for t in [
        "quotes.csv",
        "mentions.csv",
        "documents.csv",
        "entities.csv",
        "speakers.csv",
        "errors.csv",
    ] {
        assert_eq!(
            std::fs::read(a.join(t)).unwrap(),
            std::fs::read(b.join(t)).unwrap(),
            "{t} differs between --jobs 1 and 2"
        );
    }
}

#[test]
fn jsonl_csv_and_stdin_inputs() {
    let d = tmp("formats");
    std::fs::write(d.join("a.jsonl"), "{\"id\": \"j1\", \"text\": \"Title\\n\\n\\\"We act,\\\" said Jane Roe.\", \"source\": \"wire\"}\n").unwrap();
    std::fs::write(
        d.join("b.csv"),
        "key,body\nc1,\"Title\n\n\"\"We act,\"\" said Jane Roe.\"\n",
    )
    .unwrap();
    let out = d.join("out");
    let st = saidby()
        .args([
            "run",
            "--text-column",
            "body",
            "--id-column",
            "key",
            "--out",
        ])
        .arg(&out)
        .arg(d.join("b.csv"))
        .status()
        .unwrap();
    assert!(st.success());
    let (_, q) = read_csv(&out.join("quotes.csv"));
    assert_eq!((q[0][1].as_str(), q[0][2].as_str()), ("c1", "Jane Roe"));
    let out2 = d.join("out2");
    let mut child = saidby()
        .args(["run", "-", "--out"])
        .arg(&out2)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(d.join("a.jsonl")).unwrap())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let (h, docs) = read_csv(&out2.join("documents.csv"));
    assert_eq!(
        (docs[0][0].as_str(), docs[0][col(&h, "source")].as_str()),
        ("j1", "wire")
    );
}

#[test]
fn bad_input_is_reported_and_the_rest_is_kept() {
    let d = tmp("bad");
    std::fs::write(d.join("good.txt"), "Title\n\n\"Fine,\" said Jane Roe.\n").unwrap();
    std::fs::write(
        d.join("bad.jsonl"),
        "{\"id\": \"ok\", \"text\": \"Good.\"}\n{broken\n{\"id\": \"x\"}\n",
    )
    .unwrap();
    let out = d.join("out");
    let st = saidby()
        .arg("run")
        .arg(&d)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(1), "some documents failed");
    let (h, errors) = read_csv(&out.join("errors.csv"));
    let lines: Vec<&str> = errors.iter().map(|e| e[col(&h, "line")].as_str()).collect();
    assert_eq!(lines, ["2", "3"]);
    assert!(errors[0][col(&h, "file")].ends_with("bad.jsonl"));
    assert_eq!(errors[1][col(&h, "doc_id")], "x");
    let (_, docs) = read_csv(&out.join("documents.csv"));
    let ids: Vec<&str> = docs.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["ok", "good"]);
    // A usage error exits 2.
    assert_eq!(
        saidby().args(["run", "--nope"]).status().unwrap().code(),
        Some(2)
    );
}

#[test]
fn eval_scores_a_gold_file_against_articles_and_tables() {
    let out = tmp("eval");
    assert!(
        saidby()
            .args(["run", "data/samples", "--out"])
            .arg(&out)
            .status()
            .unwrap()
            .success()
    );
    let direct = saidby()
        .args([
            "eval",
            "--gold",
            "tests/gold/seeds.quotes.tsv",
            "data/samples",
        ])
        .output()
        .unwrap();
    let tables = saidby()
        .args(["eval", "--gold", "tests/gold/seeds.quotes.tsv", "--tables"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(direct.status.success() && tables.status.success());
    let a = String::from_utf8(direct.stdout).unwrap();
    let b = String::from_utf8(tables.stdout).unwrap();
    assert!(a.contains("detection   precision"), "{a}");
    assert_eq!(a, b, "scoring the articles and scoring their tables agree");
}
