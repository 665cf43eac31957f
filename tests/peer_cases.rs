//! Cases in the style of other quote tools' own test suites (textacy's direct quotations,
//! CoreNLP's quote annotator), written afresh: each sentence, the quotes saidby must find and
//! who said each (empty: no speaker can be named; NONE: not reported speech).

use std::sync::OnceLock;

use saidby::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().unwrap())
}

/// Quotes of `text` (a paragraph after a headline line) as (text, speaker label).
fn quotes(text: &str) -> Vec<(String, String)> {
    let a = pipeline().analyse_text("t", &format!("Headline\n\n{text}\n"));
    a.quotes
        .iter()
        .map(|q| (q.text(&a.text), a.speaker_label(q)))
        .collect()
}

fn check(cases: &[(&str, &[(&str, &str)])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = quotes(text);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(q, s)| (q.to_string(), s.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn attribution_in_the_style_of_textacy() {
    check(&[
        (
            "Morgan said, \"I love dogs!\"",
            &[("I love dogs!", "Morgan")],
        ),
        (
            "Morgan explained from the stage. \"I love dogs,\" he said.",
            &[("I love dogs,", "Morgan")],
        ),
        (
            "\"I love dogs!\" insists Morgan. \"I really do.\"",
            &[("I love dogs!", "Morgan"), ("I really do.", "Morgan")],
        ),
        (
            "\"We love dogs!\" reply Ana and Nick.",
            &[("We love dogs!", "Ana and Nick")],
        ),
        (
            "\"Some people disagree,\" he conceded.",
            &[("Some people disagree,", "")],
        ),
        (
            "Morgan says his favourite novel is \"The Long Goodbye\".",
            &[("The Long Goodbye", "NONE")],
        ),
        (
            "Morgan thinks that dogs are \"angels\".",
            &[("angels", "NONE")],
        ),
        (
            "'LEAVE me alone,\" a shaken Rosa Delgado told her brother on Sunday.",
            &[("LEAVE me alone,", "Rosa Delgado")],
        ),
        (
            "He walked to the barn. \"Where are the horses' blankets?\" he asked.",
            &[("Where are the horses' blankets?", "")],
        ),
        (
            "The cook was frying eggs. He told everyone, \"This 'egg with extra salt' is fine.\"",
            &[("This 'egg with extra salt' is fine.", "")],
        ),
        (
            "\"Officers are looking into it,\" Dayton police said in a statement on Friday.",
            &[("Officers are looking into it,", "Dayton police")],
        ),
        (
            "\"He is going to hurt someone,\" said Paul Marsh, a county detective who has followed the case. \"He has shown the gun to people.\"",
            &[
                ("He is going to hurt someone,", "Paul Marsh"),
                ("He has shown the gun to people.", "Paul Marsh"),
            ],
        ),
    ]);
}

#[test]
fn quote_detection_in_the_style_of_corenlp() {
    check(&[
        (
            "`Hi,' he said, ``how is it going?''",
            &[("Hi,", ""), ("how is it going?", "")],
        ),
        (
            "“Hi,” he said, “how is it going?”",
            &[("Hi,", ""), ("how is it going?", "")],
        ),
        (
            "\"Hi,\" he said, \"how is it going?",
            &[("Hi,", ""), ("how is it going?", "")],
        ),
        ("'Hi,' he said, 'how is it going?", &[("Hi,", "")]),
        (
            "“Where is the cat‘s bowl?” she asked.",
            &[("Where is the cat‘s bowl?", "")],
        ),
        (
            "\"Smiths' dog is louder!\"",
            &[("Smiths' dog is louder!", "")],
        ),
        (
            "''Tis late' the note said, 'I went home early,' he wrote.",
            &[("'Tis late", ""), ("I went home early,", "")],
        ),
        (
            "“One «two “three” four» five”",
            &[("One «two “three” four» five", "")],
        ),
    ]);
    // Over lines and paragraphs: one quotation.
    let a = pipeline().analyse_text(
        "t",
        "Headline\n\nWords here \"Hello,\nthis is the second line.\nAnd the last.\" more words\n",
    );
    assert_eq!(a.quotes.len(), 1);
    let a = pipeline().analyse_text("t", "Headline\n\nWords here \"Hello,\n\n\"I am the second paragraph.\n\n\"I am the last.\" more words\n");
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].quote.segments.len(), 3);
}
