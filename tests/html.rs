//! HTML input end to end, on a real page of the article-extraction benchmark
//! (tests/fixtures/html: the page as served, gzip-compressed, and the body a person marked;
//! MIT, tests/fixtures/html/LICENSE), and the `--body` / `--removed` outputs.

use std::path::{Path, PathBuf};
use std::process::Command;

use saidby::export::body_text;
use saidby::ingest::{Input, ReadOptions, read_all};
use saidby::pipeline::Pipeline;

mod common;

const PAGE: &str = "tests/fixtures/html/359fee228518.html.gz";

fn tmp(name: &str) -> PathBuf {
    common::tmp("html", name)
}

fn truth() -> Vec<String> {
    std::fs::read_to_string("tests/fixtures/html/359fee228518.truth")
        .unwrap()
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .collect()
}

#[test]
fn the_page_gives_the_marked_body_title_and_byline() {
    let p = Pipeline::bundled().unwrap();
    let (inputs, errors) = Input::discover(&[PathBuf::from(PAGE)]);
    assert!(errors.is_empty());
    let doc = read_all(inputs, ReadOptions::default())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(doc.id, "359fee228518");
    let a = p.analyse(doc);
    assert_eq!(
        a.title(),
        Some("The First Map of Saturn's Moon Titan Just Revealed Some Tantalising Features")
    );
    assert_eq!(a.byline(), Some("Reuters"));
    let body = body_text(&a);
    let got: Vec<&str> = body.split("\n\n").collect();
    // The person kept the agency's credit lines; saidby classifies them as credits.
    let want = truth();
    let (credits, article) = (&want[want.len() - 2..], &want[..want.len() - 2]);
    assert_eq!(got, article);
    let removed: Vec<(&str, &str, &str)> = a
        .cleaned
        .removed()
        .map(|b| (b.kind.name(), b.rule, b.span.text(&a.text)))
        .collect();
    assert_eq!(
        removed,
        [
            (
                "caption",
                "caption_class",
                "The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)"
            ),
            ("credit", "credit_words", credits[0].as_str()),
            ("credit", "copyright_line", credits[1].as_str()),
        ]
    );
}

#[test]
fn run_writes_body_jsonl_and_removed_csv_with_offsets_into_the_extracted_text() {
    let out = tmp("run");
    let status = Command::new(env!("CARGO_BIN_EXE_saidby"))
        .args(["run", PAGE, "--body", "--removed", "--quiet", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let body = std::fs::read_to_string(out.join("body.jsonl")).unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 1);
    let rec: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(rec["doc_id"], "359fee228518");
    assert_eq!(rec["byline"], "Reuters");
    assert!(rec["date"].is_null());
    let want = truth();
    assert!(
        rec["body"]
            .as_str()
            .unwrap()
            .starts_with(&want[..3].join("\n\n"))
    );

    // removed.csv: character offsets into the text saidby extracted from the page.
    let p = Pipeline::bundled().unwrap();
    let (inputs, _) = Input::discover(&[PathBuf::from(PAGE)]);
    let a = p.analyse(
        read_all(inputs, ReadOptions::default())
            .next()
            .unwrap()
            .unwrap(),
    );
    let mut r = csv::Reader::from_path(out.join("removed.csv")).unwrap();
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["doc_id", "start", "end", "reason", "text"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        let (start, end): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
        let slice: String = a.text.chars().skip(start).take(end - start).collect();
        assert_eq!(slice, &row[4]);
    }
    assert_eq!(&rows[0][3], "caption:caption_class");

    // documents.csv gets the page's title and byline.
    let mut d = csv::Reader::from_path(out.join("documents.csv")).unwrap();
    let h = d.headers().unwrap().clone();
    let row = d.records().next().unwrap().unwrap();
    let cell = |name: &str| row[h.iter().position(|x| x == name).unwrap()].to_string();
    assert!(cell("title").starts_with("The First Map of Saturn"));
    assert_eq!(cell("byline"), "Reuters");
}

#[test]
fn html_as_text_reads_the_whole_page_and_the_text_cleaner_finds_the_article() {
    let out = tmp("as-text");
    let status = Command::new(env!("CARGO_BIN_EXE_saidby"))
        .args(["run", PAGE, "--html-as-text", "--body", "--quiet", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let rec: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(out.join("body.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    let body = rec["body"].as_str().unwrap();
    let want = truth();
    // Every paragraph the person marked (but the credits) is in the body...
    for p in &want[..want.len() - 2] {
        assert!(body.contains(p.as_str()), "missing {p:?}");
    }
    // ...and the page's menus are not.
    let page_text = saidby::html::visible_text(&read_page(Path::new(PAGE)));
    for furniture in ["Privacy Policy", "About Us", "© ScienceAlert Pty Ltd."] {
        assert!(page_text.contains(furniture) && !body.contains(furniture));
    }
}

fn read_page(path: &Path) -> String {
    let (inputs, _) = Input::discover(&[path.to_path_buf()]);
    let doc = read_all(inputs, ReadOptions::default())
        .next()
        .unwrap()
        .unwrap();
    doc.html.unwrap()
}

#[test]
fn jsonl_html_field_is_a_page() {
    let dir = tmp("jsonl");
    let page = "<html><head><title>Storm hits coast</title></head><body><article>\
        <h1>Storm hits coast</h1><p>The storm hit the coast on Monday, flooding homes along the \
        sea front and closing roads, officials said on Monday evening.</p><p>\u{201c}We will \
        rebuild,\u{201d} said the mayor, Jane Roe, who visited the sea front on Tuesday.</p>\
        </article></body></html>";
    let line = serde_json::json!({"id": "s1", "html": page}).to_string();
    std::fs::write(dir.join("pages.jsonl"), format!("{line}\n")).unwrap();
    let p = Pipeline::bundled().unwrap();
    let (inputs, _) = Input::discover(&[dir.join("pages.jsonl")]);
    let a = p.analyse(
        read_all(inputs, ReadOptions::default())
            .next()
            .unwrap()
            .unwrap(),
    );
    assert_eq!(a.title(), Some("Storm hits coast"));
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.speaker_name(&a.quotes[0]).as_deref(), Some("Jane Roe"));
    assert!(body_text(&a).starts_with("The storm hit the coast"));
}
