//! HTML input: the article's text, headline, byline and date from a saved page.
//!
//! The DOM work is done by [dom_smoothie] (a port of Mozilla's Readability.js; the README says
//! why it was chosen): it finds the element that holds the article. This module then walks that
//! element and writes the document's text: the headline, a blank line, then one paragraph per
//! block (paragraph, heading, list item, table row, caption...), blank lines between them.
//! **That text is the document's original text**: every offset saidby reports for an HTML page
//! points into it, so `body.jsonl` and the tables agree.
//!
//! While walking, the DOM's own cues are kept as [`Hint`]s for the text cleaner: a block under a
//! `<figcaption>`, or under an element whose class or id says `caption`, `share`, `related`,
//! `byline`... (data/clean/dom_cues.tsv) is classified so, and so is a short block made of links.
//! The cleaner ([`crate::clean`]) then applies its text rules to everything else, so captions,
//! credits and widgets the extractor left in are still found.
//!
//! [`visible_text`] is the plain conversion with no DOM cues at all: every text node of the
//! page's body except scripts, styles and other invisible elements, one line per block.
//!
//! ```
//! use saidby::html::{HtmlExtractor, HtmlMode};
//! use saidby::lexicon::Lexicon;
//! let x = HtmlExtractor::new(&Lexicon::embedded().unwrap(), HtmlMode::Article);
//! let page = "<html><head><title>Storm hits coast</title></head><body><nav><a href='/'>Home</a></nav>\
//!   <article><h1>Storm hits coast</h1><p>The storm hit the coast on Monday, flooding homes \
//!   along the sea front and closing roads, officials said.</p><figure><img src='a.jpg'>\
//!   <figcaption>Waves over the pier</figcaption></figure><p>More rain is due on Tuesday, \
//!   forecasters said, and residents were told to stay indoors.</p></article></body></html>";
//! let e = x.extract(page);
//! assert_eq!(e.title.as_deref(), Some("Storm hits coast"));
//! assert!(e.text.starts_with("Storm hits coast\n\nThe storm hit the coast"));
//! assert!(!e.text.contains("Home"));
//! let caption = e.hints.iter().find(|h| h.rule == "figcaption").unwrap();
//! assert_eq!(caption.span.text(&e.text), "Waves over the pier");
//! ```

use std::collections::HashMap;

use dom_query::{Document as Dom, NodeRef};

use crate::clean::BlockKind;
use crate::lexicon::Lexicon;
use crate::span::Span;

/// How HTML input becomes text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HtmlMode {
    /// The article found by the DOM extractor, with DOM cues (the default).
    #[default]
    Article,
    /// The page's whole visible text, no DOM cues: the text cleaner alone finds the article.
    VisibleText,
}

/// A block of the extracted text that the DOM says is not article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub span: Span,
    pub kind: BlockKind,
    pub rule: &'static str,
}

/// What a page gave: its text (the document's original text) and what was found beside it.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD` when the page's date reads so, else as the page gives it.
    pub date: Option<String>,
    pub hints: Vec<Hint>,
}

/// The compiled DOM cues, built once and shared by all workers.
#[derive(Clone, Debug)]
pub struct HtmlExtractor {
    mode: HtmlMode,
    cues: HashMap<String, (BlockKind, &'static str)>,
}

/// An element with a cue that holds more than this share of the article's text is a wrapper
/// ("article-share-enabled"), not a widget: its cue is ignored.
const MAX_CUE_SHARE: f64 = 0.3;
/// A block at least this share of whose characters are link text, and short, is a link list.
const LINK_SHARE: f64 = 0.8;
const MAX_LINK_BLOCK_WORDS: usize = 12;

/// The rule names data/clean/dom_cues.tsv may give; another name is reported as `dom_cue`.
const RULES: &[&str] = &[
    "figcaption",
    "caption_class",
    "credit_class",
    "byline_class",
    "date_element",
    "date_class",
    "share_widget",
    "subscription",
    "author_bio",
    "tag_list",
    "navigation",
    "comments",
    "related_class",
    "ad_class",
    "standfirst_class",
];

fn rule_name(rule: &str) -> &'static str {
    RULES
        .iter()
        .find(|r| **r == rule)
        .copied()
        .unwrap_or("dom_cue")
}

impl HtmlExtractor {
    pub fn new(lex: &Lexicon, mode: HtmlMode) -> HtmlExtractor {
        let mut cues = HashMap::new();
        for (word, kind, rule) in &lex.dom_cues {
            if let Some(kind) = BlockKind::from_name(kind) {
                cues.insert(word.clone(), (kind, rule_name(rule)));
            }
        }
        HtmlExtractor { mode, cues }
    }

    pub fn mode(&self) -> HtmlMode {
        self.mode
    }

    /// The page's text, headline, byline, date and DOM hints, as this extractor's mode says.
    pub fn extract(&self, html: &str) -> Extracted {
        match self.mode {
            HtmlMode::VisibleText => Extracted {
                text: visible_text(html),
                ..Extracted::default()
            },
            // A page that makes the DOM crates panic is read as its visible text, so one bad
            // page never stops a run.
            HtmlMode::Article => {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.article(html)))
                    .unwrap_or_else(|_| Extracted {
                        text: visible_text(html),
                        ..Extracted::default()
                    })
            }
        }
    }

    fn article(&self, html: &str) -> Extracted {
        let cfg = dom_smoothie::Config {
            keep_classes: true,
            ..dom_smoothie::Config::default()
        };
        let article =
            dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
        let Ok(article) = article else {
            // No article element found: the whole visible text, for the text cleaner.
            return Extracted {
                text: visible_text(html),
                ..Extracted::default()
            };
        };
        let title = clean_meta(&article.title);
        let mut w = Walker::new(Some(self));
        if let Some(t) = &title {
            w.push_line(t, None);
        }
        let content = Dom::from(article.content.as_ref());
        let total = content
            .root()
            .text()
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        w.total_chars = total.max(1);
        w.walk(&content.root(), None, false);
        w.flush();
        Extracted {
            text: w.out,
            title,
            byline: article.byline.as_deref().and_then(clean_meta),
            date: article
                .published_time
                .as_deref()
                .and_then(clean_meta)
                .map(|d| iso_day(&d).unwrap_or(d)),
            hints: w.hints,
        }
    }

    fn cue_of(&self, node: &NodeRef) -> Option<(BlockKind, &'static str)> {
        if let Some(name) = node.node_name()
            && let Some(&c) = self.cues.get(&name.to_ascii_lowercase())
        {
            return Some(c);
        }
        let mut attrs = String::new();
        for a in ["class", "id"] {
            if let Some(v) = node.attr(a) {
                attrs.push(' ');
                attrs.push_str(&v);
            }
        }
        attrs
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .find_map(|w| self.cues.get(&w.to_ascii_lowercase()).copied())
    }
}

/// The whole visible text of a page's body, one line per block, no DOM cues: what a crawler
/// that "saves the text" of a page writes.
pub fn visible_text(html: &str) -> String {
    let dom = Dom::from(html);
    let mut w = Walker::new(None);
    let root = dom.body().unwrap_or_else(|| dom.root());
    w.walk(&root, None, false);
    w.flush();
    w.out
}

/// Elements whose text is never shown.
const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
    "select", "option", "textarea", "button", "input", "math",
];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "caption",
    "center",
    "br",
];

/// Writes blocks of text as lines separated by blank lines, noting each line's span and the
/// DOM cue and link share of its characters.
struct Walker<'x> {
    cues: Option<&'x HtmlExtractor>,
    out: String,
    hints: Vec<Hint>,
    line: String,
    /// Characters of the current line under a cue, and under a link.
    cued: usize,
    cue: Option<(BlockKind, &'static str)>,
    linked: usize,
    total_chars: usize,
}

impl<'x> Walker<'x> {
    fn new(cues: Option<&'x HtmlExtractor>) -> Walker<'x> {
        Walker {
            cues,
            out: String::new(),
            hints: Vec::new(),
            line: String::new(),
            cued: 0,
            cue: None,
            linked: 0,
            total_chars: 1,
        }
    }

    fn walk(&mut self, node: &NodeRef, cue: Option<(BlockKind, &'static str)>, in_link: bool) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.text(&child.text(), cue, in_link);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if INVISIBLE.contains(&name.as_str()) || child.has_attr("hidden") {
                continue;
            }
            let mut child_cue = cue;
            if cue.is_none()
                && let Some(x) = self.cues
                && let Some(c) = x.cue_of(&child)
            {
                let chars = child.text().chars().filter(|c| !c.is_whitespace()).count();
                if (chars as f64) < MAX_CUE_SHARE * self.total_chars as f64 {
                    child_cue = Some(c);
                }
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                self.flush();
            }
            if matches!(name.as_str(), "td" | "th") {
                self.line.push(' ');
            }
            self.walk(&child, child_cue, in_link || name == "a");
            if block {
                self.flush();
            }
        }
    }

    fn text(&mut self, s: &str, cue: Option<(BlockKind, &'static str)>, in_link: bool) {
        let before = self.line.chars().filter(|c| !c.is_whitespace()).count();
        for c in s.chars() {
            // Soft hyphens and zero-width characters are not text; all spaces are one space.
            if matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            ) {
                continue;
            }
            if c.is_whitespace() {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
        let added = self.line.chars().filter(|c| !c.is_whitespace()).count() - before;
        if let Some(c) = cue {
            self.cued += added;
            self.cue.get_or_insert(c);
        }
        if in_link {
            self.linked += added;
        }
    }

    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let (cued, cue, linked) = (self.cued, self.cue.take(), self.linked);
        self.cued = 0;
        self.linked = 0;
        let s = line.trim();
        if s.is_empty() {
            return;
        }
        let chars = s.chars().filter(|c| !c.is_whitespace()).count().max(1);
        let hint = match cue {
            Some((kind, rule)) if cued * 2 >= chars => Some((kind, rule)),
            // A link whose words are its address ("www.example.com") is shown to be read.
            _ if self.cues.is_some()
                && linked as f64 >= LINK_SHARE * chars as f64
                && s.split_whitespace().count() <= MAX_LINK_BLOCK_WORDS
                && !(s.contains("http") || s.contains("www.")) =>
            {
                Some((BlockKind::RelatedLinks, "link_block"))
            }
            _ => None,
        };
        self.push_line(s, hint);
    }

    fn push_line(&mut self, s: &str, hint: Option<(BlockKind, &'static str)>) {
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        let start = self.out.len();
        self.out.push_str(s);
        if let Some((kind, rule)) = hint {
            self.hints.push(Hint {
                span: Span::new(start, self.out.len()),
                kind,
                rule,
            });
        }
    }
}

/// A metadata string with its white space tidied; none when empty.
fn clean_meta(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// `2019-11-20T13:14:00Z` gives `2019-11-20`.
fn iso_day(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let ok = b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| d.to_string())
}

/// Decodes a page's bytes: UTF-8 unless the bytes are not UTF-8 and the page declares another
/// charset (`<meta charset=...>`), then that one; says whether bytes had to be replaced.
pub fn decode_page(bytes: Vec<u8>) -> (String, bool) {
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, false),
        Err(e) => e.into_bytes(),
    };
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .next()
            .unwrap_or("")
            .to_string()
    });
    if let Some(enc) = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        let (s, _, bad) = enc.decode(&bytes);
        return (s.into_owned(), bad);
    }
    (String::from_utf8_lossy(&bytes).into_owned(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extractor() -> HtmlExtractor {
        HtmlExtractor::new(&Lexicon::embedded().unwrap(), HtmlMode::Article)
    }

    const PAGE: &str = "<html><head><title>Minister quits - The Paper</title>\
        <meta property='article:published_time' content='2019-11-20T13:14:00Z'>\
        <meta name='author' content='Jane Roe'></head><body>\
        <nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>\
        <article><h1>Minister quits</h1>\
        <div class='share-tools'><a href='#'>Share on Facebook</a></div>\
        <p>The minister resigned on Wednesday after a row over spending, saying she could no \
        longer support the government's plans for the coming year.</p>\
        <p>“I have done my best,” she said in a letter to the prime minister, which was \
        published on the department's website later that afternoon.</p>\
        <p class='related-link'><a href='/x'>Read more: the spending row explained</a></p>\
        <p>Her deputy will take over until a successor is named, officials said, adding that \
        the decision would be made within weeks.</p></article>\
        <footer>© The Paper 2019</footer></body></html>";

    #[test]
    fn article_blocks_and_dom_hints() {
        let e = extractor().extract(PAGE);
        let lines: Vec<&str> = e.text.split("\n\n").collect();
        assert!(lines[0].starts_with("Minister quits"), "{lines:?}");
        assert!(!e.text.contains("World") && !e.text.contains("© The Paper"));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("“I have done my best,”"))
        );
        assert_eq!(e.date.as_deref(), Some("2019-11-20"));
        assert_eq!(e.byline.as_deref(), Some("Jane Roe"));
        let hinted: Vec<(&str, &str)> = e
            .hints
            .iter()
            .map(|h| (h.span.text(&e.text), h.rule))
            .collect();
        for (text, rule) in &hinted {
            assert!(
                matches!(*rule, "share_widget" | "related_class" | "link_block"),
                "{text:?} {rule}"
            );
        }
        // Every hint is a whole line of the text.
        for h in &e.hints {
            assert!(e.text[..h.span.start].is_empty() || e.text[..h.span.start].ends_with("\n\n"));
        }
    }

    #[test]
    fn visible_text_keeps_everything_visible_and_nothing_else() {
        let t = visible_text(PAGE);
        assert!(t.starts_with("Home\n\nWorld\n\nMinister quits"), "{t}");
        assert!(t.contains("Share on Facebook"));
        assert!(t.ends_with("© The Paper 2019"));
        assert!(
            !t.contains("Minister quits - The Paper"),
            "the <title> is not shown on the page"
        );
        let t = visible_text(
            "<p>a<script>var x = 1;</script>b&amp;c<style>p{}</style> soft\u{ad}ware</p>",
        );
        assert_eq!(t, "ab&c software");
    }

    #[test]
    fn any_string_goes_through() {
        let x = extractor();
        for page in [
            "",
            "<",
            "<html><body></body></html>",
            "<p>only one short paragraph</p>",
            "<div><div><div><p>nested <b>bold <i>italic</p></div>",
            "plain text, no tags at all.",
            "<script>document.write('<p>x</p>')</script>",
            "<table><tr><td>a<td>b<tr><td>c</table>",
            "\u{feff}<p>\u{ad}\u{200b}</p>",
        ] {
            let e = x.extract(page);
            for h in &e.hints {
                assert!(e.text.get(h.span.start..h.span.end).is_some());
            }
            let t = visible_text(page);
            assert!(!t.starts_with('\n') && !t.ends_with('\n'), "{page:?} {t:?}");
        }
    }

    #[test]
    fn pages_in_other_charsets_are_decoded() {
        let mut page = b"<meta charset=\"iso-8859-1\"><p>caf".to_vec();
        page.push(0xe9);
        let (s, lossy) = decode_page(page);
        assert!(s.ends_with("café") && !lossy);
        let (s, lossy) = decode_page(b"plain \xff".to_vec());
        assert!(s.starts_with("plain") && lossy);
    }
}
