//! Stage 1, clean: finds the article in a scraped text by classifying every line (or part of
//! a line) of the ORIGINAL text as title, body, byline, caption, credit, chart label,
//! boilerplate, duplicate or date marker. Nothing is rewritten: later stages read the body
//! through these ranges, so every offset they report points into the original text.
//!
//! Each block records the rule that classified it, so a user can audit every removal.
//!
//! ```
//! use saidby::clean::{BlockKind, Cleaner};
//! use saidby::lexicon::Lexicon;
//! let cleaner = Cleaner::new(&Lexicon::embedded().unwrap());
//! let text = "Share this article Copy link\nMinister quits\n\nBy Jane Roe\nThe minister quit today.\n";
//! let c = cleaner.clean(text, None);
//! let kinds: Vec<BlockKind> = c.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [BlockKind::Boilerplate, BlockKind::Title, BlockKind::Byline, BlockKind::Body]);
//! assert_eq!(c.byline_name(text), Some("Jane Roe"));
//! ```

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::is_terminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Title,
    Body,
    Byline,
    Caption,
    Credit,
    ChartLabel,
    Boilerplate,
    Duplicate,
    DateMarker,
}

impl BlockKind {
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Body => "body",
            BlockKind::Byline => "byline",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::ChartLabel => "chart_label",
            BlockKind::Boilerplate => "boilerplate",
            BlockKind::Duplicate => "duplicate",
            BlockKind::DateMarker => "date_marker",
        }
    }

    /// Blocks that are not part of the article's title or body.
    pub fn is_removed(self) -> bool {
        !matches!(
            self,
            BlockKind::Title | BlockKind::Body | BlockKind::DateMarker
        )
    }
}

/// A classified range of the original text: one line, or part of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
    /// The rule that decided the kind (for audits: removed.csv, tests).
    pub rule: &'static str,
    /// A blank line (or the start of the text) comes before this block.
    pub after_blank: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// Every non-blank range of the text, in order.
    pub blocks: Vec<Block>,
    /// The `YYYY-MM-DD` of a leading ` date ...` marker.
    pub date: Option<Span>,
}

impl Cleaned {
    pub fn title(&self) -> Option<Span> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| b.span)
    }

    pub fn byline(&self) -> Option<Span> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Byline)
            .map(|b| b.span)
    }

    /// The byline without its leading "By".
    pub fn byline_name<'t>(&self, text: &'t str) -> Option<&'t str> {
        let line = self.byline()?.text(text).trim();
        let name = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("by "))
            .unwrap_or(line);
        Some(name.trim())
    }

    pub fn removed(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_removed())
    }
}

/// The compiled cleaning rules, built once from the lexicon and shared by all workers.
pub struct Cleaner {
    boilerplate: AhoCorasick,
    credits: Vec<String>,
}

/// Longest line that can be a headline, a caption label or a chart label.
const MAX_HEADLINE_CHARS: usize = 250;
const MAX_LABEL_WORDS: usize = 12;

impl Cleaner {
    pub fn new(lex: &Lexicon) -> Cleaner {
        let boilerplate = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&lex.boilerplate)
            .expect("boilerplate phrases build an automaton");
        Cleaner {
            boilerplate,
            credits: lex.credits.clone(),
        }
    }

    /// Classifies the text. `meta_title` is a title given beside the text (JSONL, CSV): then
    /// the first line is the title only if it repeats it.
    pub fn clean(&self, text: &str, meta_title: Option<&str>) -> Cleaned {
        let mut out = Cleaned::default();
        let mut lines = lines(text);
        // A leading " date YYYY-MM-DD" marker (the sample articles' scrape format).
        if let Some(first) = lines.first_mut()
            && let Some((marker, date)) = date_marker(text, first.span)
        {
            out.blocks.push(Block {
                span: marker,
                kind: BlockKind::DateMarker,
                rule: "date_marker",
                after_blank: true,
            });
            out.date = Some(date);
            first.span = Span::new(marker.end, first.span.end).trim(text);
            if first.span.is_empty() {
                lines.remove(0);
            }
        }
        let mut seen: HashMap<&str, BlockKind> = HashMap::new();
        let start = out.blocks.len();
        for line in &lines {
            let s = line.span.text(text).trim();
            crate::work::step(s.len());
            let (kind, rule) = self.classify_line(s);
            let (kind, rule) = match seen.get(s) {
                // A line seen before: a repeated caption, or a paragraph the scrape doubled.
                Some(_)
                    if kind != BlockKind::Boilerplate
                        && (s.len() >= 40 || !is_sentence_like(s)) =>
                {
                    (BlockKind::Duplicate, "duplicate_line")
                }
                _ => (kind, rule),
            };
            seen.entry(s).or_insert(kind);
            out.blocks.push(Block {
                span: line.span,
                kind,
                rule,
                after_blank: line.after_blank,
            });
        }
        self.context_rules(text, &mut out.blocks[start..], meta_title);
        out
    }

    fn classify_line(&self, s: &str) -> (BlockKind, &'static str) {
        if self.is_boilerplate(s) {
            return (BlockKind::Boilerplate, "page_furniture");
        }
        if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
            && self.is_credit(inner)
        {
            return (BlockKind::Credit, "credit_line");
        }
        if let Some(open) = trailing_parenthetical(s)
            && self.is_credit(&s[open + 1..s.len() - 1])
        {
            return (BlockKind::Caption, "photo_credit");
        }
        if is_byline(s) {
            return (BlockKind::Byline, "byline");
        }
        (BlockKind::Body, "body")
    }

    /// Page furniture: phrases of the boilerplate list cover most of the line, or come in a run.
    fn is_boilerplate(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        let mut hits = 0usize;
        let mut covered = 0usize;
        for m in self.boilerplate.find_iter(s) {
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            hits += 1;
            covered += m.end() - m.start();
        }
        if hits == 0 {
            return false;
        }
        let letters = bytes
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .count()
            .max(1);
        let words = s.split_whitespace().count().max(1);
        // A short widget line ("Share this article") or a long run of icon labels.
        let coverage = covered as f64 / letters as f64;
        coverage >= 0.5 || (hits >= 4 && hits * 100 / words >= 4)
    }

    /// A photo or chart credit: "PA", "Victoria Jones/PA", "Photo: Jane Roe", "Getty Images".
    fn is_credit(&self, inner: &str) -> bool {
        let inner = inner.trim();
        if inner.is_empty() || inner.len() > 80 {
            return false;
        }
        let known = |s: &str| {
            let s = s.trim();
            self.credits
                .iter()
                .any(|c| s == c || s.starts_with(&format!("{c} ")) || s.ends_with(&format!(" {c}")))
        };
        if known(inner) {
            return true;
        }
        for prefix in [
            "Photo:",
            "Picture:",
            "Image:",
            "Credit:",
            "Photograph:",
            "Pic:",
        ] {
            if inner.starts_with(prefix) {
                return true;
            }
        }
        if inner.contains('/') {
            let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
            let name_like = |p: &str| {
                !p.is_empty()
                    && p.split_whitespace().count() <= 5
                    && p.split_whitespace().all(|w| {
                        w.chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    })
            };
            return parts.iter().any(|p| known(p)) || parts.iter().all(|p| name_like(p));
        }
        false
    }

    /// Rules that need the neighbouring lines: caption labels, chart labels, the title.
    fn context_rules(&self, text: &str, blocks: &mut [Block], meta_title: Option<&str>) {
        for i in 0..blocks.len() {
            let next = blocks.get(i + 1).copied();
            let b = blocks[i];
            if b.kind != BlockKind::Body {
                continue;
            }
            let s = b.span.text(text).trim();
            let label_like = !is_sentence_like(s)
                && s.split_whitespace().count() <= MAX_LABEL_WORDS
                && !has_quote_mark(s);
            if let Some(n) = next.filter(|n| !n.after_blank)
                && label_like
            {
                match n.kind {
                    // "Rishi Sunak" above "Prime Minister Rishi Sunak has ... (Yui Mok/PA)"
                    BlockKind::Caption => {
                        blocks[i].kind = BlockKind::Caption;
                        blocks[i].rule = "caption_label";
                    }
                    // "Cumulative arrivals ..." above "(PA Graphics)"
                    BlockKind::Credit => {
                        blocks[i].kind = BlockKind::ChartLabel;
                        blocks[i].rule = "chart_label";
                    }
                    _ => {}
                }
            }
        }
        // The title: the first line left as body, when it reads as a headline.
        let Some(first) = blocks.iter().position(|b| b.kind == BlockKind::Body) else {
            return;
        };
        let s = blocks[first].span.text(text).trim();
        let more_body = blocks[first + 1..]
            .iter()
            .any(|b| b.kind == BlockKind::Body);
        let is_title = match meta_title {
            Some(t) => normalise_ws(t) == normalise_ws(s),
            None => more_body && is_headline_like(s),
        };
        if is_title {
            blocks[first].kind = BlockKind::Title;
            blocks[first].rule = if meta_title.is_some() {
                "title_field"
            } else {
                "first_line"
            };
        }
    }
}

struct Line {
    span: Span,
    after_blank: bool,
}

/// Non-blank lines with their spans (without the line break), each noting whether a blank line
/// (or the start of the text) precedes it.
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut after_blank = true;
    for raw in text.split_inclusive('\n') {
        let span = Span::new(pos, pos + raw.len()).trim(text);
        pos += raw.len();
        if span.is_empty() {
            after_blank = true;
            continue;
        }
        out.push(Line { span, after_blank });
        after_blank = false;
    }
    out
}

/// " date 2023-07-04 ..." at the start of the text: the marker's span and the date's span.
fn date_marker(text: &str, first: Span) -> Option<(Span, Span)> {
    let s = first.text(text);
    let rest = s.strip_prefix("date")?;
    let trimmed = rest.trim_start();
    let date = trimmed.get(..10)?;
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !ok || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let date_start = first.start + 4 + (rest.len() - trimmed.len());
    let date = Span::new(date_start, date_start + 10);
    Some((Span::new(first.start, date.end), date))
}

/// The byte offset of the '(' of a parenthetical that ends the line, if any.
fn trailing_parenthetical(s: &str) -> Option<usize> {
    if !s.ends_with(')') {
        return None;
    }
    let open = s.rfind('(')?;
    (open > 0 && !s[open + 1..s.len() - 1].contains(['(', ')'])).then_some(open)
}

/// A caption's words without the credit that ends it: "Mr X speaks (Jane Roe/PA)" gives
/// "Mr X speaks", so the photographer is not tagged as someone the article names.
pub fn caption_without_credit(text: &str, span: Span) -> Span {
    let s = span.text(text).trim_end();
    match trailing_parenthetical(s) {
        Some(open) => Span::new(span.start, span.start + open).trim(text),
        None => span,
    }
}

/// "By Press Association", "By Jane Roe, Political Editor": short, no sentence punctuation.
fn is_byline(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("By ") else {
        return false;
    };
    let words = rest.split_whitespace().count();
    (1..=10).contains(&words)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && !s.ends_with('.')
        && !has_quote_mark(s)
}

fn has_quote_mark(s: &str) -> bool {
    s.contains(['"', '“', '”', '‘', '«', '»', '„'])
}

/// Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets.
fn is_sentence_like(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ']);
    t.chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || c == ':')
}

fn is_headline_like(s: &str) -> bool {
    if s.len() > MAX_HEADLINE_CHARS || s.split_whitespace().count() > 30 {
        return false;
    }
    // Headlines rarely end with a full stop; questions and exclamations are fine.
    !s.ends_with('.') || s.ends_with("...")
}

fn normalise_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &'static str, String)> {
        let c = Cleaner::new(&Lexicon::embedded().unwrap());
        c.clean(text, None)
            .blocks
            .iter()
            .map(|b| (b.kind, b.rule, b.span.text(text).to_string()))
            .collect()
    }

    #[test]
    fn icon_runs_and_date_marker() {
        let t = " date 2019-03-02 Home An icon of a house. Menu An icon of 3 horizontal lines. Search An icon of a magnifying glass. Close An icon of a cross. Copy link A decentered black square over a white square.\nRain expected\n\nIt will rain, forecasters say.\n";
        let k = kinds(t);
        assert_eq!(
            (k[0].0, k[0].2.as_str()),
            (BlockKind::DateMarker, "date 2019-03-02")
        );
        assert_eq!(k[1].0, BlockKind::Boilerplate);
        assert_eq!(k[2].0, BlockKind::Title);
        assert_eq!(k[3].0, BlockKind::Body);
        let c = Cleaner::new(&Lexicon::embedded().unwrap()).clean(t, None);
        assert_eq!(c.date.unwrap().text(t), "2019-03-02");
    }

    #[test]
    fn captions_credits_labels_and_duplicates() {
        let t = "Storm hits coast\n\nBy Staff Reporter\nWaves crash over the pier in Brighton (John Smith/Reuters)\nWaves crash over the pier in Brighton (John Smith/Reuters)\nThe storm hit the coast on Monday.\n\nMayor Jane Doe\nMayor Jane Doe speaks to residents (Getty Images)\n\"We will rebuild,\" she said.\n\nRainfall by month in 2019\n(PA Graphics)\nMore rain is due.\n";
        let k = kinds(t);
        let got: Vec<(BlockKind, &str)> = k.iter().map(|(a, b, _)| (*a, *b)).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Title, "first_line"),
                (BlockKind::Byline, "byline"),
                (BlockKind::Caption, "photo_credit"),
                (BlockKind::Duplicate, "duplicate_line"),
                (BlockKind::Body, "body"),
                (BlockKind::Caption, "caption_label"),
                (BlockKind::Caption, "photo_credit"),
                (BlockKind::Body, "body"),
                (BlockKind::ChartLabel, "chart_label"),
                (BlockKind::Credit, "credit_line"),
                (BlockKind::Body, "body"),
            ]
        );
    }

    #[test]
    fn body_text_with_furniture_words_stays_body() {
        let t = "Markets\n\nShares fell as investors chose to sign up for safer bonds and share the risk, analysts said on Monday.\nA short line\n";
        let k = kinds(t);
        assert_eq!(k[1].0, BlockKind::Body);
        assert_eq!(k[2].0, BlockKind::Body);
        // A sentence in parentheses at the end is not a credit.
        let t = "Title\n\nThe plan was dropped (the second time this year).\nMore.\n";
        assert_eq!(kinds(t)[1].0, BlockKind::Body);
    }

    #[test]
    fn title_only_when_headline_like_or_given() {
        let t = "The first sentence is a full sentence.\n\nThe second.\n";
        assert_eq!(kinds(t)[0].0, BlockKind::Body);
        let c = Cleaner::new(&Lexicon::embedded().unwrap());
        let t = "Blair wins\n\nBlair won.\n";
        assert_eq!(
            c.clean(t, Some("Blair wins")).blocks[0].kind,
            BlockKind::Title
        );
        assert_eq!(
            c.clean(t, Some("Another title")).blocks[0].kind,
            BlockKind::Body
        );
        // A single paragraph is body, not a title.
        assert_eq!(kinds("Just one line")[0].0, BlockKind::Body);
    }
}
