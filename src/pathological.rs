//! Pathological texts for the linear-time checks: each case builds a text from a size `n`
//! (about `n` repetitions of a piece), so that work for `n` and `2n` can be compared. Used by
//! the unit tests (work counted in steps, see `work`) and by `examples/pathological.rs`
//! (time and instructions of the real build).

/// Makes a case's text for size `n`.
pub type Build = fn(usize) -> String;

/// `(name, builder)`.
pub const CASES: &[(&str, Build)] = &[
    ("straight_marks", |n| "\"".repeat(n)),
    ("spaced_curly_marks", |n| "“ ".repeat(n)),
    ("unclosed_openers", |n| "“a ".repeat(n)),
    ("unopened_closers", |n| "a” ".repeat(n)),
    ("nested_guillemets", |n| {
        format!("{}x{}", "«".repeat(n), "»".repeat(n))
    }),
    ("nested_alternating", |n| {
        format!("{}x{}", "“‘".repeat(n), "’”".repeat(n))
    }),
    ("paragraph_without_full_stop", |n| {
        "the minister said that Jane Roe told him ".repeat(n)
    }),
    ("quotes_in_one_sentence", |n| "\"a,\" he said, ".repeat(n)),
    ("names_and_pronouns_line", |n| {
        "Mr Smith said he and Ms Jones said she ".repeat(n)
    }),
    ("dotted_word", |n| format!("{}b", "a.".repeat(n))),
    ("capitalised_run", |n| "Aaa Bbb ".repeat(n)),
    ("possessives", |n| {
        format!("'{}", "the boys' toys ".repeat(n))
    }),
    ("elisions", |n| "'tis 'em ".repeat(n)),
    ("quote_paragraphs", |n| "\"Yes,\" he said.\n\n".repeat(n)),
    ("distinct_speakers", |n| {
        (0..n)
            .map(|i| format!("Mr {} said: \"Fine.\" ", surname(i)))
            .collect()
    }),
    ("role_descriptions", |n| {
        "Home Secretary Jane Roe spoke. \"Yes,\" the Home Secretary said. ".repeat(n)
    }),
    ("organisations", |n| {
        "Acme Holdings Ltd spoke. \"No,\" it said. \"Maybe,\" the holdings company said. ".repeat(n)
    }),
    ("distinct_companies", |n| {
        (0..n)
            .map(|i| {
                let w = surname(i);
                format!("{w} Kor Ltd (KL) spoke. {w} Kor said KL was \"fine\". ")
            })
            .collect()
    }),
    ("unclosed_multi_paragraph", |n| {
        "He said: “We go.\n\n".repeat(n)
    }),
    ("white_space", |n| format!("“a{}b”", " ".repeat(n * 4))),
];

/// A distinct capitalised word for each `i` ("Bak", "Cek", ...).
pub fn surname(mut i: usize) -> String {
    const C: &[u8] = b"BCDFGHKLMNPRSTVZ";
    const V: &[u8] = b"aeiou";
    let mut s = String::new();
    loop {
        s.push(C[i % C.len()] as char);
        i /= C.len();
        s.push(V[i % V.len()] as char);
        i /= V.len();
        if i == 0 {
            break;
        }
    }
    let mut c = s.chars();
    let first = c.next().unwrap_or('X').to_ascii_uppercase();
    std::iter::once(first)
        .chain(c)
        .chain(std::iter::once('k'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::test_pipeline;
    use crate::work::measure;

    /// Each case at size n and 2n: twice the text may cost at most a little over twice the
    /// steps (a quadratic stage would cost four times), and every span stays valid.
    #[test]
    fn pathological_texts_take_linear_work() {
        let p = test_pipeline();
        let n = 4000;
        let mut report = Vec::new();
        for (name, build) in CASES {
            let (small, big) = (build(n), build(2 * n));
            let (a, w1) = measure(|| p.analyse_text(name, &small));
            let (b, w2) = measure(|| p.analyse_text(name, &big));
            a.check_spans().unwrap();
            b.check_spans().unwrap();
            assert!(
                w1 > small.len() as u64 / 2,
                "{name}: the steps count the work"
            );
            report.push(format!(
                "{name}: {w1} -> {w2} ({:.2}x)",
                w2 as f64 / w1 as f64
            ));
            assert!(
                w2 <= w1 * 22 / 10 + 100,
                "{name}: {w1} steps for {} bytes but {w2} for {}",
                small.len(),
                big.len()
            );
        }
        eprintln!("{}", report.join("\n"));
    }

    #[test]
    fn surnames_are_distinct() {
        let names: std::collections::BTreeSet<String> = (0..5000).map(surname).collect();
        assert_eq!(names.len(), 5000);
    }
}
