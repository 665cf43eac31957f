//! Property tests: any text goes through every stage without a panic, and every span a stage
//! reports (blocks, paragraphs, sentences, quote segments and nested quotes, speaker mentions,
//! names and cues, entity mentions and roles) lies inside the text on character boundaries.
//! Any bytes go through the readers into documents or reasons. The export of each analysis
//! to CSV is checked too: its character offsets must spell the quoted words.

use std::sync::OnceLock;

use proptest::prelude::*;
use saidby::export::{CsvOptions, CsvSink, Sink};
use saidby::ingest::{InvalidUtf8, ReadOptions, csv_documents, jsonl_documents, text_document};
use saidby::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().expect("bundled data loads"))
}

/// Pieces news text is made of, quote marks of every family and the characters that make
/// stages decide: strings built from them reach far more rules than uniform random text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("“".into()),
        Just("”".into()),
        Just("‘".into()),
        Just("’".into()),
        Just("«".into()),
        Just("»".into()),
        Just("„".into()),
        Just("「".into()),
        Just("」".into()),
        Just("``".into()),
        Just("''".into()),
        Just(" ".into()),
        Just("\n".into()),
        Just("\n\n".into()),
        Just(". ".into()),
        Just(", ".into()),
        Just(": ".into()),
        Just(" - ".into()),
        Just(" – ".into()),
        Just("(".into()),
        Just(")".into()),
        Just("said".into()),
        Just(" he said".into()),
        Just(" she told the BBC".into()),
        Just("according to".into()),
        Just("Mr Smith".into()),
        Just("Jane Roe".into()),
        Just("the Home Secretary".into()),
        Just("a spokesman for".into()),
        Just("Labour's".into()),
        Just("It".into()),
        Just("they".into()),
        Just("U.S.".into()),
        Just("'s".into()),
        Just(" date 2020-01-01 ".into()),
        Just("By Jane Roe".into()),
        Just("(Photo: AP)".into()),
        Just("é".into()),
        Just("\u{feff}".into()),
        Just("\u{fffd}".into()),
        Just("\u{0}".into()),
        Just("\r\n".into()),
        Just("\t".into()),
        Just("ǅ".into()),
        Just("İ".into()),
        Just("ß".into()),
        "[A-Za-z]{1,8}",
        "\\PC{1,4}",
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn analyse_and_check(text: &str) -> Result<(), TestCaseError> {
    let a = pipeline().analyse_text("p", text);
    if let Err(e) = a.check_spans() {
        return Err(TestCaseError::fail(format!("{e} in {text:?}")));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn any_text_goes_through_every_stage(t in text()) {
        analyse_and_check(&t)?;
    }

    /// The shift trick: the same text after three spaces gives the same quotes, speakers and
    /// mentions, each moved by three bytes, so no stage reads an offset as if its text started
    /// at zero.
    #[test]
    fn offsets_are_relative_to_the_text(t in text()) {
        let a = pipeline().analyse_text("p", &t);
        let b = pipeline().analyse_text("p", &format!("   {t}"));
        let moved = |s: saidby::span::Span| saidby::span::Span::new(s.start + 3, s.end + 3);
        prop_assert_eq!(a.quotes.len(), b.quotes.len());
        for (x, y) in a.quotes.iter().zip(&b.quotes) {
            let xs: Vec<_> = x.quote.segments.iter().map(|s| moved(s.content)).collect();
            let ys: Vec<_> = y.quote.segments.iter().map(|s| s.content).collect();
            prop_assert_eq!(xs, ys);
            prop_assert_eq!(&x.attribution.method, &y.attribution.method);
            prop_assert_eq!(x.attribution.mention.map(moved), y.attribution.mention);
        }
        let spans = |x: &saidby::pipeline::Analysis| -> Vec<_> {
            x.tagged.mentions.iter().map(|m| m.span).collect()
        };
        prop_assert_eq!(spans(&a).into_iter().map(moved).collect::<Vec<_>>(), spans(&b));
    }

    #[test]
    fn any_bytes_make_a_document_or_a_reason(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for policy in [InvalidUtf8::Replace, InvalidUtf8::Skip] {
            let opts = ReadOptions { invalid_utf8: policy, ..ReadOptions::default() };
            match text_document("f.txt", "f".into(), bytes.clone(), &opts) {
                Ok(d) => {
                    prop_assert!(!d.text.trim().is_empty());
                    analyse_and_check(&d.text)?;
                }
                Err(e) => prop_assert!(!e.reason.is_empty() && e.doc_id.as_deref() == Some("f")),
            }
            let n = jsonl_documents("f.jsonl".into(), &bytes[..], opts.clone()).count();
            prop_assert!(n >= 1);
            let n = csv_documents("f.csv".into(), std::io::Cursor::new(bytes.clone()), opts).count();
            prop_assert!(n >= 1);
        }
    }
}

/// Every analysis exports: the CSV offsets of each quote spell its words (a few hundred
/// texts through one sink, then the table read back).
#[test]
fn exported_offsets_spell_the_quotes() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let dir = std::env::temp_dir().join(format!("saidby-prop-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut sink = CsvSink::create(
        &dir,
        CsvOptions {
            raw: true,
            ..CsvOptions::default()
        },
    )
    .unwrap();
    let mut runner = TestRunner::deterministic();
    let mut texts = Vec::new();
    for i in 0..300 {
        let t = text().new_tree(&mut runner).unwrap().current();
        sink.document(&pipeline().analyse_text(&format!("d{i}"), &t))
            .unwrap();
        texts.push(t);
    }
    sink.finish().unwrap();
    let mut r = csv::Reader::from_path(dir.join("quotes.csv")).unwrap();
    let mut checked = 0;
    for row in r.records() {
        let row = row.unwrap();
        let doc: usize = row[1][1..].parse().unwrap();
        let chars: Vec<char> = texts[doc].chars().collect();
        let parts: Vec<String> = row[10]
            .split(';')
            .map(|p| {
                let (a, b) = p.split_once('-').unwrap();
                let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
                chars[a..b]
                    .iter()
                    .collect::<String>()
                    .replace(['\n', '\r'], " ")
            })
            .collect();
        assert_eq!(parts.join(" "), row[7].to_string(), "doc {doc}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} quotes");
}
