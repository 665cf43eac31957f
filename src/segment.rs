//! Stage 2, segment: paragraphs and sentences of the cleaned article.
//!
//! Paragraphs are runs of body lines not broken by a blank line or by a removed block (a
//! caption between two paragraphs ends the first). A text with no blank lines at all uses one
//! line per paragraph. Sentences are split at terminal punctuation followed by a capital,
//! digit or opening mark, except after abbreviations ("Mr.", "No.", "U.S."), initials ("J. K.")
//! and inside numbers.
//!
//! ```
//! use saidby::segment::split_sentences;
//! use saidby::lexicon::Lexicon;
//! use saidby::span::Span;
//! let lex = Lexicon::embedded().unwrap();
//! let t = "Mr. Smith went to St. Paul's. He said: \"Yes. \"No.\" Then U.S. forces left.";
//! let s: Vec<&str> = split_sentences(t, Span::new(0, t.len()), &lex).iter().map(|s| s.text(t)).collect();
//! assert_eq!(s, ["Mr. Smith went to St. Paul's.", "He said: \"Yes.", "\"No.\"", "Then U.S. forces left."]);
//! ```

use crate::clean::{BlockKind, Cleaned};
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::is_terminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Title,
    Body,
    Caption,
    Byline,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Body => "body",
            Section::Caption => "caption",
            Section::Byline => "byline",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub section: Section,
    /// Paragraph number as exported: 0 is the headline, body paragraphs count from 1.
    /// Captions and bylines carry the number of the body paragraph before them.
    pub number: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Segmented {
    /// Title, body, caption and byline paragraphs, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of title and body paragraphs, in text order.
    pub sentences: Vec<Span>,
}

impl Segmented {
    /// Title and body paragraphs: the text quotes and attribution read.
    pub fn article(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p.section, Section::Title | Section::Body))
    }

    pub fn body_paragraphs(&self) -> usize {
        self.paragraphs
            .iter()
            .filter(|p| p.section == Section::Body)
            .count()
    }
}

pub fn segment(text: &str, cleaned: &Cleaned, lex: &Lexicon) -> Segmented {
    let body: Vec<_> = cleaned
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .collect();
    // With no blank line anywhere between body lines, each line is a paragraph.
    let lines_are_paragraphs = body.len() >= 3 && body.iter().skip(1).all(|b| !b.after_blank);
    let mut out = Segmented::default();
    let mut number = 0usize;
    let mut prev_kind = None;
    for block in &cleaned.blocks {
        let section = match block.kind {
            BlockKind::Title => Section::Title,
            BlockKind::Body => Section::Body,
            BlockKind::Caption => Section::Caption,
            BlockKind::Byline => Section::Byline,
            _ => {
                prev_kind = Some(block.kind);
                continue;
            }
        };
        let joins = section == Section::Body
            && prev_kind == Some(BlockKind::Body)
            && !block.after_blank
            && !lines_are_paragraphs;
        match out.paragraphs.last_mut() {
            Some(last) if joins => last.span = last.span.cover(block.span),
            _ => {
                if section == Section::Body {
                    number += 1;
                }
                let n = if section == Section::Title { 0 } else { number };
                out.paragraphs.push(Paragraph {
                    span: block.span,
                    section,
                    number: n,
                });
            }
        }
        prev_kind = Some(block.kind);
    }
    for p in &out.paragraphs {
        if matches!(p.section, Section::Title | Section::Body) {
            out.sentences.extend(split_sentences(text, p.span, lex));
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '‹' | '„' | '「' | '『' | '`'
    )
}

/// Splits a paragraph into sentences (trimmed spans).
pub fn split_sentences(text: &str, span: Span, lex: &Lexicon) -> Vec<Span> {
    let s = span.text(text);
    let bytes = s.as_bytes();
    let len = s.len();
    // Characters by byte offset, decoding only what is not ASCII.
    let char_at = |p: usize| -> Option<char> {
        match bytes.get(p) {
            None => None,
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => s[p..].chars().next(),
        }
    };
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    while i < len {
        crate::work::step(1);
        // To the next sentence mark: '.', '!', '?' or '…' (whose first byte is 0xE2).
        let Some(skip) = bytes[i..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xe2))
        else {
            break;
        };
        crate::work::step(skip);
        let pos = i + skip;
        let c = char_at(pos).expect("a character at a mark");
        if !is_terminal(c) {
            i = pos + c.len_utf8();
            continue;
        }
        // Take the whole run of terminal marks and closers: `?!"` or `.)`.
        let mut end = pos + c.len_utf8();
        while let Some(d) = char_at(end).filter(|&d| is_terminal(d) || is_closer(d)) {
            end += d.len_utf8();
        }
        let single = end == pos + c.len_utf8();
        // A closer right after the mark belongs to this sentence unless it opens the next one
        // (a straight quote followed by a letter: `. "Next`). Handled by requiring space here.
        let mut k = end;
        let mut saw_space = false;
        let mut saw_newline = false;
        while let Some(w) = char_at(k).filter(|w| w.is_whitespace()) {
            saw_space = true;
            saw_newline |= w == '\n';
            k += w.len_utf8();
        }
        let next = char_at(k);
        let starts_sentence = match next {
            None => true,
            Some(n) => {
                saw_space
                    && (n.is_uppercase()
                        || n.is_numeric()
                        || (saw_newline && is_bullet(n))
                        || (is_opener(n)
                            && char_at(k + n.len_utf8()).is_some_and(|m| {
                                m.is_uppercase() || m.is_numeric() || is_opener(m)
                            })))
            }
        };
        if starts_sentence && c == '.' && single && is_abbreviation_before(s, pos, lex) {
            i = end;
            continue;
        }
        if starts_sentence {
            out.push(Span::new(span.start + start, span.start + end).trim(text));
            start = k;
            i = k;
        } else {
            i = end;
        }
    }
    let last = Span::new(span.start + start, span.end).trim(text);
    if !last.is_empty() {
        out.push(last);
    }
    out
}

/// A list bullet opening a line: after a full stop and a line break it starts a sentence
/// ("... needed in Britain.\n - The government should ...").
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '▪')
}

/// Whether the word ending at the full stop at `dot` is an abbreviation or an initial.
fn is_abbreviation_before(s: &str, dot: usize, lex: &Lexicon) -> bool {
    let before = &s[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if lex.is_abbreviation(word) {
        return true;
    }
    let mut cs = word.chars();
    // An initial: "J." in "J. K. Rowling"; a dotted acronym "U.S" (its last dot is here).
    match (cs.next(), cs.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => word.contains('.') && word.split('.').all(|p| p.chars().count() == 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Cleaner;

    /// The splitter as it was written over a vector of characters: the byte one must agree.
    fn split_sentences_reference(text: &str, span: Span, lex: &Lexicon) -> Vec<Span> {
        let s = span.text(text);
        let mut out = Vec::new();
        let mut start = 0usize;
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if !is_terminal(c) {
                i += 1;
                continue;
            }
            // Take the whole run of terminal marks and closers: `?!"` or `.)`.
            let mut j = i + 1;
            while j < chars.len() && (is_terminal(chars[j].1) || is_closer(chars[j].1)) {
                j += 1;
            }
            // A closer right after the mark belongs to this sentence unless it opens the next one
            // (a straight quote followed by a letter: `. "Next`). Handled by requiring space here.
            let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
            let mut k = j;
            let mut saw_space = false;
            let mut saw_newline = false;
            while k < chars.len() && chars[k].1.is_whitespace() {
                saw_space = true;
                saw_newline |= chars[k].1 == '\n';
                k += 1;
            }
            let next = chars.get(k).map(|&(_, n)| n);
            let starts_sentence = match next {
                None => true,
                Some(n) => {
                    saw_space
                        && (n.is_uppercase()
                            || n.is_numeric()
                            || (saw_newline && is_bullet(n))
                            || (is_opener(n)
                                && chars.get(k + 1).is_some_and(|&(_, m)| {
                                    m.is_uppercase() || m.is_numeric() || is_opener(m)
                                })))
                }
            };
            if starts_sentence && c == '.' && j == i + 1 && is_abbreviation_before(s, pos, lex) {
                i = j;
                continue;
            }
            if starts_sentence {
                out.push(Span::new(span.start + start, span.start + end).trim(text));
                start = chars.get(k).map_or(s.len(), |&(p, _)| p);
                i = k;
            } else {
                i = j;
            }
        }
        let last = Span::new(span.start + start, span.end).trim(text);
        if !last.is_empty() {
            out.push(last);
        }
        out
    }

    #[test]
    fn same_sentences_as_the_reference() {
        let lex = Lexicon::embedded().unwrap();
        let made_up = [
            "He said so. Then he left! Did he? Yes… \"Quite.\" (Really.) Mr. Smith met J. K. Rowling.",
            "U.S. officials said. e.g. this. A.B.C. The end.\u{2026}Next … «Là.» ¿Qué? 3.5 m. 4. Four",
            "Ends with a mark.",
            "A list.\n - one item.\n • two - three. - four",
            "…",
            "a.\u{a0}B. c.\u{3000}D! \u{2019}s. \u{201c}Yes.\u{201d} No",
            "",
        ];
        crate::text::for_reference_spans(&made_up, false, |t, span, label| {
            assert_eq!(
                split_sentences(t, span, &lex),
                split_sentences_reference(t, span, &lex),
                "{label}"
            );
        });
    }

    fn sentences(t: &str) -> Vec<String> {
        let lex = Lexicon::embedded().unwrap();
        split_sentences(t, Span::new(0, t.len()), &lex)
            .iter()
            .map(|s| s.text(t).to_string())
            .collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It rained. Then it stopped.",
                &["It rained.", "Then it stopped."],
            ),
            (
                "Homes are needed.\n - The plan is late.\n• It costs more. - he said",
                &[
                    "Homes are needed.",
                    "- The plan is late.",
                    "• It costs more. - he said",
                ],
            ),
            (
                "Dr. No met No. 10 staff. They left.",
                &["Dr. No met No. 10 staff.", "They left."],
            ),
            (
                "J. K. Rowling wrote it. It sold.",
                &["J. K. Rowling wrote it.", "It sold."],
            ),
            (
                "\"Go!\" he said. \"Now?\" She nodded.",
                &["\"Go!\" he said.", "\"Now?\"", "She nodded."],
            ),
            (
                "It cost $1.5m in 2005. Prices rose.",
                &["It cost $1.5m in 2005.", "Prices rose."],
            ),
            (
                "He left (for good.) Then what?",
                &["He left (for good.)", "Then what?"],
            ),
            ("Wait... what happened", &["Wait... what happened"]),
            (
                "said: “One thing. “Another.” Done",
                &["said: “One thing.", "“Another.”", "Done"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }

    #[test]
    fn paragraphs_numbered_and_broken_by_captions() {
        let lex = Lexicon::embedded().unwrap();
        let cleaner = Cleaner::new(&lex);
        let t = "Headline here\n\nFirst para line one\nline two.\nA dog (John Smith/PA)\nSecond para.\n\nThird para.\n";
        let c = cleaner.clean(t, None);
        let seg = segment(t, &c, &lex);
        let got: Vec<(Section, usize, &str)> = seg
            .paragraphs
            .iter()
            .map(|p| (p.section, p.number, p.span.text(t)))
            .collect();
        assert_eq!(
            got,
            [
                (Section::Title, 0, "Headline here"),
                (Section::Body, 1, "First para line one\nline two."),
                (Section::Caption, 1, "A dog (John Smith/PA)"),
                (Section::Body, 2, "Second para."),
                (Section::Body, 3, "Third para."),
            ]
        );
    }

    #[test]
    fn single_newline_texts_use_lines_as_paragraphs() {
        let lex = Lexicon::embedded().unwrap();
        let t = "Headline\nOne.\nTwo.\nThree.\n";
        let c = Cleaner::new(&lex).clean(t, None);
        let seg = segment(t, &c, &lex);
        assert_eq!(seg.body_paragraphs(), 3);
    }
}
