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

// The cleaner's maps are hit for every line: a fast hash (foldhash, seeded per run).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::html::Hint;
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::{
    count_words, count_words_upto, is_terminal, lowercase_starts_with, more_words_than,
    with_lowercase,
};

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
    /// A list of links to other articles ("Related", "Read more", teaser lists).
    RelatedLinks,
    Advertisement,
    /// A publication or update date, alone on its line.
    Date,
    /// The summary under the headline (a "dek").
    Standfirst,
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
            BlockKind::RelatedLinks => "related_links",
            BlockKind::Advertisement => "advertisement",
            BlockKind::Date => "date",
            BlockKind::Standfirst => "standfirst",
        }
    }

    /// The kind of a name as [`BlockKind::name`] gives it.
    pub fn from_name(name: &str) -> Option<BlockKind> {
        Some(match name {
            "title" => BlockKind::Title,
            "body" => BlockKind::Body,
            "byline" => BlockKind::Byline,
            "caption" => BlockKind::Caption,
            "credit" => BlockKind::Credit,
            "chart_label" => BlockKind::ChartLabel,
            "boilerplate" => BlockKind::Boilerplate,
            "duplicate" => BlockKind::Duplicate,
            "date_marker" => BlockKind::DateMarker,
            "related_links" => BlockKind::RelatedLinks,
            "advertisement" => BlockKind::Advertisement,
            "date" => BlockKind::Date,
            "standfirst" => BlockKind::Standfirst,
            _ => return None,
        })
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
            .or_else(|| line.strip_prefix("BY "))
            .unwrap_or(line);
        Some(name.trim())
    }

    pub fn removed(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind.is_removed())
    }
}

/// What the cleaner knows about a document besides its text.
#[derive(Clone, Copy, Debug, Default)]
pub struct CleanContext<'a> {
    /// A title given beside the text (JSONL, CSV, the HTML page's headline): then the first
    /// line is the title only if it repeats it.
    pub meta_title: Option<&'a str>,
    /// Blocks the HTML extractor classified from DOM cues.
    pub hints: &'a [Hint],
    /// Lines counted over the whole input in a first pass ([`CorpusLines`]).
    pub corpus: Option<&'a CorpusLines>,
    /// The text is an article an extractor already cut out of its page (HTML input): the
    /// cleaner does not look for the article's extent, only classifies its lines.
    pub extracted: bool,
}

/// The compiled cleaning rules, built once from the lexicon and shared by all workers.
pub struct Cleaner {
    boilerplate: AhoCorasick,
    credits: Vec<String>,
    date_words: HashSet<String>,
    related_labels: Vec<String>,
    promo_verbs: HashSet<String>,
    promo_things: HashSet<String>,
}

/// Shortest repeated label that is a duplicate: a table or a meal plan repeats its short cells.
const MIN_DUPLICATE_WORDS: usize = 6;
/// Longest line that can be a headline, a caption label or a chart label.
const MAX_HEADLINE_CHARS: usize = 250;
const MAX_LABEL_WORDS: usize = 12;
/// Phrases of page furniture in one line that make it a run of widgets (a sentence about
/// "comments" and "email" has a few).
const MIN_FURNITURE_RUN: usize = 8;
/// Items of a keyword list.
const MIN_KEYWORDS: usize = 5;
/// Longest line addressing the reader ("Follow us on ..."), in words.
const MAX_PROMO_WORDS: usize = 40;
/// Longest line that can be a date line, a byline or a credit line, in words.
const MAX_META_WORDS: usize = 14;
/// A line's words are counted this far for the line rules: past every one of their limits.
const WORDS_COUNTED: usize = 42;

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
            date_words: lex.date_words.iter().cloned().collect(),
            related_labels: lex.related_labels.clone(),
            promo_verbs: lex.promo_verbs.iter().cloned().collect(),
            promo_things: lex.promo_things.iter().cloned().collect(),
        }
    }

    /// Classifies the text. `meta_title` is a title given beside the text (JSONL, CSV): then
    /// the first line is the title only if it repeats it.
    pub fn clean(&self, text: &str, meta_title: Option<&str>) -> Cleaned {
        self.clean_with(
            text,
            &CleanContext {
                meta_title,
                ..CleanContext::default()
            },
        )
    }

    /// Classifies every line of the text, with what is known beside it.
    pub fn clean_with(&self, text: &str, cx: &CleanContext) -> Cleaned {
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
        let mut seen: HashMap<&str, BlockKind> = HashMap::default();
        let start = out.blocks.len();
        let mut hints = cx.hints.iter().peekable();
        for line in &lines {
            let s = line.span.text(text).trim();
            crate::work::step(s.len());
            while hints.next_if(|h| h.span.end <= line.span.start).is_some() {}
            let hint = hints.peek().filter(|h| h.span.contains(line.span));
            let (kind, rule) = match hint {
                Some(h) => (h.kind, h.rule),
                None => self.classify_line(s),
            };
            let (kind, rule) = match (kind, cx.corpus) {
                (BlockKind::Body, Some(c)) if c.is_repeated(s) => {
                    (BlockKind::Boilerplate, "repeated_in_corpus")
                }
                _ => (kind, rule),
            };
            let (kind, rule) = match seen.get(s) {
                // A line seen before: a repeated caption or label. A sentence that repeats a
                // body sentence stays (interviews repeat their questions).
                Some(&before)
                    if kind != BlockKind::Boilerplate
                        && (before != BlockKind::Body
                            || (!is_sentence_like(s)
                                && more_words_than(s, MIN_DUPLICATE_WORDS - 1))) =>
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
        self.context_rules(text, &mut out.blocks[start..], cx);
        out
    }

    fn classify_line(&self, s: &str) -> (BlockKind, &'static str) {
        // Counted once for the rules below, each of which has a word limit under this.
        let words = count_words_upto(s, WORDS_COUNTED);
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
        if self.is_credit_line(s, words) {
            return (BlockKind::Credit, "credit_words");
        }
        if is_image_counter(s) {
            return (BlockKind::Caption, "image_counter");
        }
        if self.is_related_label(s) {
            return (BlockKind::RelatedLinks, "related_label");
        }
        if is_copyright_line(s, words) {
            return (BlockKind::Credit, "copyright_line");
        }
        if is_contributor_line(s, words) {
            return (BlockKind::Credit, "contributor_line");
        }
        if self.is_promo_line(s, words) {
            return (BlockKind::Boilerplate, "promo_line");
        }
        if self.is_comment_header(s) {
            return (BlockKind::Boilerplate, "comment_header");
        }
        if is_comment_policy(s, words) {
            return (BlockKind::Boilerplate, "comment_policy");
        }
        if is_label_list(s, words) {
            return (BlockKind::Boilerplate, "metadata_line");
        }
        if is_keyword_list(s) {
            return (BlockKind::Boilerplate, "keyword_list");
        }
        if self.is_date_line(s) {
            return (BlockKind::Date, "date_line");
        }
        (BlockKind::Body, "body")
    }

    /// "Photo: Damian Dovarganes, AP", "Credit...Doug Mills/The New York Times",
    /// "(Reporting by Jane Roe; editing by John Doe)": a credit word, then names.
    fn is_credit_line(&self, s: &str, line_words: usize) -> bool {
        let inner = s.trim_start_matches('(').trim_end_matches([')', '.']);
        // Trimming brackets and dots off the ends takes two words at most off the line's.
        if line_words > MAX_META_WORDS * 2 + 2
            || (line_words > MAX_META_WORDS * 2 && more_words_than(inner, MAX_META_WORDS * 2))
        {
            return false;
        }
        let words = count_words(inner);
        let credit_word = [
            "photo",
            "photos",
            "photograph",
            "picture",
            "pictures",
            "image",
            "images",
            "credit",
            "source",
            "video",
            "illustration",
            "graphic",
            "reporting",
            "additional reporting",
            "writing",
            "editing",
            "compiled",
        ]
        .iter()
        .find(|w| lowercase_starts_with(inner, w));
        let Some(w) = credit_word else {
            // "Sakib Ali/Hindustan Times/Getty Images", "Jane Roe | Bloomberg | Getty Images"
            let parts = inner.split(['/', '|']).count();
            return parts >= 2
                && inner
                    .split(['/', '|'])
                    .all(|p| p.chars().any(char::is_uppercase))
                && words <= MAX_META_WORDS
                && !is_sentence_like(inner)
                && self.is_credit(&inner.replace('|', "/"));
        };
        let mut rest = inner[w.len()..].trim_start();
        for second in ["credit", "credits", "source", "courtesy"] {
            if lowercase_starts_with(rest, second) {
                rest = rest[second.len()..].trim_start();
            }
        }
        // The word must be a label ("Photo:", "Credit...", "Reporting by"), not the start of
        // a sentence ("Photos of the scene were shared...").
        let labelled = rest.starts_with([':', '.', '|', '/', '-', '–', '—', '©'])
            || rest.starts_with("by ")
            || rest.starts_with("courtesy");
        labelled
            && !(words > MAX_META_WORDS
                && is_sentence_like(inner)
                && !with_lowercase(inner, |l| l.contains(" by ")))
    }

    /// "Follow us on Twitter @Example", "Sign up to our newsletter", "Have a tip? Jane Roe may
    /// be reached at jroe@example.com": the site speaking to its reader.
    fn is_promo_line(&self, s: &str, words: usize) -> bool {
        let trim = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase()
        };
        // The first word decides for nearly every line: looked at before the others.
        let Some(first) = s.split_whitespace().next() else {
            return false;
        };
        let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-');
        if !with_lowercase(first, |w| self.promo_verbs.contains(w)) || words > MAX_PROMO_WORDS {
            return false;
        }
        let words: Vec<String> = s.split_whitespace().map(trim).collect();
        let address = s
            .split_whitespace()
            .any(|w| w.contains("http") || w.contains("www.") || w.starts_with('@') || is_email(w));
        address || words.iter().any(|w| self.promo_things.contains(w))
    }

    /// "Jane Roe on September 19, 2018 at 12:48 pm said:", "John says:": a reader's comment.
    fn is_comment_header(&self, s: &str) -> bool {
        // Every ending below ends with ':', and only ':' lower-cases to it.
        if !s.ends_with(':') {
            return false;
        }
        let lower = s.to_lowercase();
        let said = ["said:", "says:", "wrote:", "writes:", "commented:"]
            .iter()
            .find(|w| lower.ends_with(*w));
        let Some(w) = said else {
            return false;
        };
        let head = s[..s.len() - w.len()].trim();
        let words = head.split_whitespace().count();
        (1..=MAX_META_WORDS).contains(&words) && !head.contains(['"', '“', '”'])
    }

    /// "Read more: Minister quits", "[Related: ...]", "SEE MORE: ...".
    fn is_related_label(&self, s: &str) -> bool {
        let t = s.trim_start_matches(['[', '(', '»', '›', '>', ' ']);
        // Both tests below need the line to start with a label.
        if !self
            .related_labels
            .iter()
            .any(|l| lowercase_starts_with(t, l))
            || more_words_than(t, 25)
        {
            return false;
        }
        let lower = t.to_lowercase();
        let bare = lower.trim_end_matches(['.', '…', ':', ' ', '!']);
        if self.related_labels.iter().any(|l| l == bare) {
            return true;
        }
        self.related_labels.iter().any(|l| {
            lower.strip_prefix(l.as_str()).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with([':', '-', '–', '—', '|', '»', '>'])
            })
        })
    }

    /// "Updated 1:39 am EST, Wednesday, November 20, 2019", "11/20/2019 01:14 PM",
    /// "First Published: Tuesday, November 19, 2019 08:38 AM": numbers and date words only.
    fn is_date_line(&self, s: &str) -> bool {
        let split = || {
            s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·'))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| !w.is_empty())
        };
        if split().nth(MAX_META_WORDS).is_some() {
            return false;
        }
        let words: Vec<&str> = split().collect();
        if words.is_empty() {
            return false;
        }
        let mut dated = false;
        let mut other = 0;
        for w in &words {
            with_lowercase(w, |lower| {
                let numeric = w
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-'))
                    && w.chars().any(|c| c.is_ascii_digit());
                // "20th", "1st"
                let ordinal = w.len() > 2
                    && w.is_ascii()
                    && w[..w.len() - 2].chars().all(|c| c.is_ascii_digit())
                    && self.date_words.contains(&lower[w.len() - 2..]);
                if numeric || ordinal {
                    // A time or a written-out date ("1:39", "11/20/2019"); a plain number
                    // alone (a score, a table cell) dates nothing.
                    dated |= ordinal || w.contains([':', '/']) || w.matches('-').count() == 2;
                } else if self.date_words.contains(lower.trim_end_matches('.')) {
                    dated |= is_month_or_day(lower);
                } else {
                    other += 1;
                }
            });
        }
        dated && other * 4 <= words.len()
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
        let words = count_words(s).max(1);
        // A short widget line ("Share this article") or a long run of icon labels.
        let coverage = covered as f64 / letters as f64;
        coverage >= 0.5 || (hits >= MIN_FURNITURE_RUN && hits * 100 / words >= 4)
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

    /// Rules that need the neighbouring lines: caption labels, chart labels, the article's
    /// extent and the title.
    fn context_rules(&self, text: &str, blocks: &mut [Block], cx: &CleanContext) {
        for i in 0..blocks.len() {
            let next = blocks.get(i + 1).copied();
            let b = blocks[i];
            if b.kind != BlockKind::Body {
                continue;
            }
            let s = b.span.text(text).trim();
            let label_like = || {
                !is_sentence_like(s) && !more_words_than(s, MAX_LABEL_WORDS) && !has_quote_mark(s)
            };
            if let Some(n) = next.filter(|n| !n.after_blank)
                && matches!(n.kind, BlockKind::Caption | BlockKind::Credit)
                && label_like()
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
        company_boilerplate(text, blocks);
        let meta_title = cx.meta_title;
        let mut first_body = blocks.iter().position(|b| b.kind == BlockKind::Body);
        if !cx.extracted
            && let Some((start, end)) = article_extent(text, blocks)
        {
            // Lines outside the article are cut only on a side that shows page furniture (a
            // menu, a share row, a notice): a plain article keeps its fixture list at the end.
            let furniture = |r: &[Block]| {
                r.iter()
                    .any(|b| b.kind.is_removed() && b.kind != BlockKind::Duplicate)
            };
            let cut_before = furniture(&blocks[..start]);
            let cut_after = furniture(&blocks[end + 1..]);
            // The headline: the nearest headline-like line above the article's first
            // paragraph, past bylines, captions and other furniture.
            let title = (start.saturating_sub(MAX_TITLE_DISTANCE)..start)
                .rev()
                .find(|&i| {
                    let s = blocks[i].span.text(text).trim();
                    blocks[i].kind == BlockKind::Body
                        && match meta_title {
                            Some(t) => normalise_ws(t) == normalise_ws(s),
                            None => is_headline_like(s) && !is_shouting(s),
                        }
                })
                .filter(|_| cut_before);
            let from = title.unwrap_or(start);
            for (i, b) in blocks.iter_mut().enumerate() {
                if b.kind == BlockKind::Body && ((cut_before && i < from) || (cut_after && i > end))
                {
                    b.kind = BlockKind::Boilerplate;
                    b.rule = "outside_article";
                }
            }
            if cut_before {
                first_body = Some(from);
            }
        }
        // The title: the first line left as body, when it reads as a headline.
        let Some(first) = first_body.filter(|&i| blocks[i].kind == BlockKind::Body) else {
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

/// The paragraphs that end a press release about the company itself ("Ascom is a global
/// solutions provider...", "Acme Corp. is headquartered in..."): from the end of the text back,
/// while each opens with a name and "is a", "is an", "is headquartered", "was founded".
fn company_boilerplate(text: &str, blocks: &mut [Block]) {
    const VERBS: &[&str] = &[
        " is a ",
        " is an ",
        " is the world",
        " is the leading",
        " is headquartered",
        " was founded",
        " is listed",
    ];
    let about_company = |s: &str| {
        VERBS.iter().any(|v| {
            memchr::memmem::find(s.as_bytes(), v.as_bytes()).is_some_and(|at| {
                let name = &s[..at];
                let words = name.split_whitespace().count();
                (1..=5).contains(&words)
                    && name.split_whitespace().all(|w| {
                        w.chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                    })
                    && !matches!(
                        name,
                        "He" | "She" | "It" | "This" | "That" | "There" | "They"
                    )
            })
        })
    };
    let mut i = blocks.len();
    let mut found = Vec::new();
    while i > 0 {
        i -= 1;
        let b = &blocks[i];
        if b.kind != BlockKind::Body {
            continue;
        }
        if !about_company(b.span.text(text).trim()) {
            break;
        }
        found.push(i);
    }
    // One such paragraph may end an ordinary story; a press release has a block of them.
    if found.len() >= 2 {
        for i in found {
            blocks[i].kind = BlockKind::Boilerplate;
            blocks[i].rule = "company_boilerplate";
        }
    }
}

/// What each word of a line that is not prose costs the article's extent.
const SHORT_LINE_WORD_COST: f64 = 0.25;
/// What a line classified as furniture costs, besides its words.
const FURNITURE_LINE_COST: f64 = 6.0;
/// How much less a prose line at the very end of the page counts than one at the top.
const POSITION_DECAY: f64 = 0.8;

/// How far above the article's first paragraph its headline may be, in lines.
const MAX_TITLE_DISTANCE: usize = 12;

/// The article in a whole page's text: the run of lines that maximises the words of prose
/// lines in it minus a cost for every other line in it (the body-text-extraction idea of Finn
/// et al. 2001, with prose lines for text tokens and furniture for tags; prose further down
/// the page counts less, since the article comes before the comments). Then grown over the
/// short prose lines at its edges ("He declined to comment."). Indices of the first and last
/// line; none when the text has no prose line at all.
fn article_extent(text: &str, blocks: &[Block]) -> Option<(usize, usize)> {
    let n = blocks.len().max(1) as f64;
    let weight = |i: usize, b: &Block| -> f64 {
        let s = b.span.text(text).trim();
        let count = count_words(s);
        let words = count as f64;
        match b.kind {
            // Articles come before the comments, the related stories and the footer: prose
            // counts less the further down the page it is.
            BlockKind::Body if is_prose_of(s, count) => {
                words * (1.0 - POSITION_DECAY * i as f64 / n)
            }
            // A short line costs a little and more with its words (a menu, a teaser); a line
            // classified as furniture costs more.
            BlockKind::Body => -(2.0 + words.min(20.0) * SHORT_LINE_WORD_COST),
            _ => -(FURNITURE_LINE_COST + words.min(40.0) * 0.25),
        }
    };
    let (mut best, mut best_span) = (0.0, None);
    let (mut sum, mut from) = (0.0, 0);
    for (i, b) in blocks.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += weight(i, b);
        if sum > best {
            best = sum;
            best_span = Some((from, i));
        }
    }
    let (mut start, mut end) = best_span?;
    // Grown over sentences, and over lines of the same paragraph as the edge line.
    let edge = |b: &Block| b.kind == BlockKind::Body && is_sentence_like(b.span.text(text).trim());
    while start > 0
        && (edge(&blocks[start - 1])
            || (blocks[start - 1].kind == BlockKind::Body && !blocks[start].after_blank))
    {
        start -= 1;
    }
    while end + 1 < blocks.len()
        && (edge(&blocks[end + 1])
            || (blocks[end + 1].kind == BlockKind::Body && !blocks[end + 1].after_blank))
    {
        end += 1;
    }
    Some((start, end))
}

/// A line of running text: a sentence's worth of words ending like a sentence, or long.
fn is_prose(s: &str) -> bool {
    is_prose_of(s, count_words_upto(s, 30))
}

/// [`is_prose`] for a line of `words` words (or of at least 30 when `words` is 30).
fn is_prose_of(s: &str, words: usize) -> bool {
    (words >= 8 && is_sentence_like(s)) || words >= 30
}

/// "BREAKING NEWS", "MENU": a line in capitals is a label, not a headline.
fn is_shouting(s: &str) -> bool {
    if s.split_whitespace().count() < 2 {
        return false;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut all) = (0, 0);
    for c in letters {
        all += 1;
        upper += usize::from(c.is_uppercase());
    }
    all > 0 && upper * 10 >= all * 9
}

/// Lines that repeat across the documents of one input: menus, footers, share rows and
/// notices that a site prints on every page. Counted in a first pass over the whole input
/// (each distinct line once per document, as web-corpus pipelines do), then consulted by the
/// cleaner in the second pass.
///
/// ```
/// use saidby::clean::CorpusLines;
/// let mut c = CorpusLines::default();
/// for i in 0..4 {
///     c.add_document(&format!("Sign up for our newsletter\n\nStory number {i} is told in full here.\n"));
/// }
/// assert!(c.is_repeated("Sign up for our newsletter"));
/// assert!(!c.is_repeated("Story number 1 is told in full here."));
/// ```
#[derive(Clone, Debug, Default)]
pub struct CorpusLines {
    counts: HashMap<u64, u32>,
    docs: u32,
}

/// Documents a line must be in before it counts as furniture.
const MIN_REPEAT_DOCS: u32 = 3;
/// A prose line must be in at least this many documents, and in this share of them: an
/// agency story printed by several outlets repeats its paragraphs too.
const MIN_REPEAT_DOCS_PROSE: u32 = 5;
const MIN_REPEAT_SHARE_PROSE: f64 = 0.1;

impl CorpusLines {
    /// Counts each distinct line of one document's text.
    pub fn add_document(&mut self, text: &str) {
        let mut keys: Vec<u64> = text.lines().filter_map(line_key).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            *self.counts.entry(k).or_default() += 1;
        }
        self.docs += 1;
    }

    /// Adds the counts of another part of the input.
    pub fn merge(&mut self, other: CorpusLines) {
        for (k, n) in other.counts {
            *self.counts.entry(k).or_default() += n;
        }
        self.docs += other.docs;
    }

    pub fn documents(&self) -> u32 {
        self.docs
    }

    /// The number of documents the line is in.
    pub fn count(&self, line: &str) -> u32 {
        line_key(line)
            .and_then(|k| self.counts.get(&k).copied())
            .unwrap_or(0)
    }

    pub fn is_repeated(&self, line: &str) -> bool {
        let n = self.count(line);
        if is_prose(line.trim()) {
            n >= MIN_REPEAT_DOCS_PROSE && n as f64 >= MIN_REPEAT_SHARE_PROSE * self.docs as f64
        } else {
            n >= MIN_REPEAT_DOCS
        }
    }
}

/// A line's identity across documents: lower case, digits as 0, letters and digits only,
/// hashed with fixed keys (the same on every run). The folded characters go through a small
/// buffer into the hash, so a line costs one pass over its bytes and no allocation.
fn line_key(line: &str) -> Option<u64> {
    use std::hash::{BuildHasher, Hasher};
    const SEED: u64 = 0x5a1d_b7e5_0c0a_1e55;
    const BUF: usize = 256;
    // ASCII folded: a letter to lower case, a digit to '0', anything else left out (0).
    const FOLD: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            t[b] = if c.is_ascii_digit() {
                b'0'
            } else if c.is_ascii_alphabetic() {
                c.to_ascii_lowercase()
            } else {
                0
            };
            b += 1;
        }
        t
    };
    let mut hash = foldhash::fast::FixedState::with_seed(SEED).build_hasher();
    let mut buf = [0u8; BUF];
    let mut len = 0;
    let mut n = 0usize;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && len == BUF {
            // The buffer is hashed when full and a kept byte comes: the chunks are those of
            // a byte-by-byte fill, so the keys do not change.
            let folded = FOLD[b as usize];
            if folded != 0 {
                hash.write(&buf);
                buf[0] = folded;
                len = 1;
                n += 1;
            }
            i += 1;
            continue;
        }
        if b < 0x80 {
            // A run of ASCII bytes, no longer than the buffer has room for were every one kept:
            // each is stored without a branch on whether it is kept (the next one overwrites
            // it when it is not), and the buffer needs no test inside the run.
            let run_end = bytes.len().min(i + (BUF - len));
            let before = len;
            while i < run_end && bytes[i] < 0x80 {
                let folded = FOLD[bytes[i] as usize];
                buf[len] = folded;
                len += usize::from(folded != 0);
                i += 1;
            }
            n += len - before;
            continue;
        }
        let c = line[i..].chars().next().expect("a character starts here");
        i += c.len_utf8();
        if !c.is_alphanumeric() {
            continue;
        }
        n += 1;
        let c = if c.is_numeric() { '0' } else { c };
        for l in c.to_lowercase() {
            if len + 4 > BUF {
                hash.write(&buf[..len]);
                len = 0;
            }
            len += l.encode_utf8(&mut buf[len..]).len();
        }
    }
    if n < 2 {
        return None;
    }
    hash.write(&buf[..len]);
    Some(hash.finish())
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
    let Some(rest) = ["By ", "by ", "BY "].iter().find_map(|p| s.strip_prefix(p)) else {
        return false;
    };
    let rest = rest.trim_start();
    let words = rest.split_whitespace().count();
    (1..=10).contains(&words)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && !s.ends_with('.')
        && !has_quote_mark(s)
}

/// "Copyright © 2019 The Paper.", "© Reuters", "All rights reserved.".
fn is_copyright_line(s: &str, words: usize) -> bool {
    // '(' and ' ' are their own lower case, and no other character lower-cases to them.
    let t = s.trim_start_matches(['(', ' ']);
    words <= 25
        && ["copyright", "©", "(c)", "all rights reserved"]
            .iter()
            .any(|p| lowercase_starts_with(t, p))
}

/// "Fox News' Jane Roe contributed to this report.", "John Doe contributed reporting."
fn is_contributor_line(s: &str, words: usize) -> bool {
    words <= 30
        && with_lowercase(s, |lower| {
            lower.contains("contributed to this report")
                || lower.contains("contributed reporting")
                || lower.contains("contributed to this article")
        })
}

/// "05/10/2018 - Posted by: Jane Roe - Category: Health - Tags: cars": two or more
/// "Label: value" fields on one short line.
fn is_label_list(s: &str, words: usize) -> bool {
    if words > 30 || is_sentence_like(s) {
        return false;
    }
    let fields = s
        .split([' ', '|', '•', '·'])
        .filter(|w| {
            w.len() > 1 && w.ends_with(':') && w[..w.len() - 1].chars().all(char::is_alphabetic)
        })
        .count();
    let separators = [" - ", " – ", " | "]
        .iter()
        .map(|sep| s.matches(sep).count())
        .sum::<usize>();
    fields >= 2 && separators >= 2
}

/// "stock car 2018, stock car brasil, stock car interlagos, ...": a list of search keywords.
fn is_keyword_list(s: &str) -> bool {
    if is_sentence_like(s) {
        return false;
    }
    let items: Vec<&str> = s.split(',').map(str::trim).collect();
    items.len() >= MIN_KEYWORDS
        && items
            .iter()
            .all(|i| (1..=6).contains(&i.split_whitespace().count()))
        && items
            .iter()
            .filter(|i| i.chars().next().is_some_and(char::is_lowercase))
            .count()
            * 2
            >= items.len()
}

/// "Comments are moderated...", "ATENÇÃO: Comentários ... não serão aprovados pelo
/// moderador": the site's rules for readers' comments.
fn is_comment_policy(s: &str, words: usize) -> bool {
    words <= 40
        && with_lowercase(s, |lower| {
            ["comment", "coment", "kommentar"]
                .iter()
                .any(|w| lower.contains(w))
                && ["moderat", "moderad"].iter().any(|w| lower.contains(w))
        })
}

fn is_email(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    match w.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.ends_with('.'),
        None => false,
    }
}

/// "Image 1 of 23", "1 / 12", "Photo 3 of 8": a gallery's counter.
fn is_image_counter(s: &str) -> bool {
    let split = || {
        s.split(|c: char| c.is_whitespace() || c == '/')
            .filter(|w| !w.is_empty())
    };
    if split().nth(5).is_some() {
        return false;
    }
    let words: Vec<&str> = split().collect();
    if words.is_empty() {
        return false;
    }
    let numbers = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    let labels = words
        .iter()
        .filter(|w| {
            with_lowercase(w, |w| {
                matches!(
                    w,
                    "image"
                        | "images"
                        | "photo"
                        | "photos"
                        | "picture"
                        | "slide"
                        | "of"
                        | "gallery"
                )
            })
        })
        .count();
    numbers >= 1 && numbers + labels == words.len() && labels >= 1
}

fn is_month_or_day(w: &str) -> bool {
    const NAMES: &[&str] = &[
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "yesterday",
        "today",
    ];
    NAMES.iter().any(|n| w.starts_with(n)) || w == "ago"
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
    if s.len() > MAX_HEADLINE_CHARS || more_words_than(s, 30) {
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

    /// The line key as first written, one byte at a time: the run-reading one must agree.
    fn line_key_reference(line: &str) -> Option<u64> {
        use std::hash::{BuildHasher, Hasher};
        const BUF: usize = 256;
        let mut hash = foldhash::fast::FixedState::with_seed(0x5a1d_b7e5_0c0a_1e55).build_hasher();
        let (mut buf, mut len, mut n) = ([0u8; BUF], 0, 0);
        for c in line.chars() {
            if !c.is_alphanumeric() {
                continue;
            }
            n += 1;
            // A byte of ASCII, or up to four of a character decoded.
            let room = if c.is_ascii() { 1 } else { 4 };
            let c = if c.is_numeric() { '0' } else { c };
            for l in c.to_lowercase() {
                if len + room > BUF {
                    hash.write(&buf[..len]);
                    len = 0;
                }
                len += l.encode_utf8(&mut buf[len..]).len();
            }
        }
        (n >= 2).then(|| {
            hash.write(&buf[..len]);
            hash.finish()
        })
    }

    #[test]
    fn line_keys_as_the_reference() {
        let long = format!("{}É {}", "Ab, c ".repeat(60), "x1-".repeat(100));
        crate::text::for_reference_spans(
            &["a b", "Ü-1 é", &long[..40]],
            true,
            |t, span, label| {
                let s = span.text(t);
                assert_eq!(line_key(s), line_key_reference(s), "{label}");
            },
        );
        for s in [long.as_str(), &long[1..], &long.replace(' ', "")] {
            assert_eq!(line_key(s), line_key_reference(s), "{s}");
        }
    }

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

    /// Each line rule with lines it must take and lines it must leave as body.
    #[test]
    fn line_rules_with_their_examples() {
        let c = Cleaner::new(&Lexicon::embedded().unwrap());
        let cases: &[(&str, BlockKind, &str)] = &[
            (
                "Updated 1:39 am EST, Wednesday, November 20, 2019",
                BlockKind::Date,
                "date_line",
            ),
            ("11/20/2019 01:14 PM", BlockKind::Date, "date_line"),
            (
                "sexta-feira, 22 de outubro de 2010 às 20:13",
                BlockKind::Date,
                "date_line",
            ),
            ("1  Kyle Busch  5040  5  1  17  27", BlockKind::Body, "body"),
            (
                "Photo: Damian Dovarganes, AP",
                BlockKind::Credit,
                "credit_words",
            ),
            (
                "(Image credit: Blue Origin)",
                BlockKind::Credit,
                "credit_words",
            ),
            (
                "Sakib Ali/Hindustan Times/Getty Images",
                BlockKind::Credit,
                "credit_words",
            ),
            (
                "(Reporting by Jane Roe; Editing by John Doe)",
                BlockKind::Credit,
                "credit_words",
            ),
            (
                "Photos of the scene were shared widely on Monday.",
                BlockKind::Body,
                "body",
            ),
            ("Mandelson warning to BBC", BlockKind::Body, "body"),
            ("Image 1 of 23", BlockKind::Caption, "image_counter"),
            (
                "Read more: Minister quits over spending row",
                BlockKind::RelatedLinks,
                "related_label",
            ),
            (
                "You may also like...",
                BlockKind::RelatedLinks,
                "related_label",
            ),
            (
                "Copyright © 2019 The Paper. All rights reserved.",
                BlockKind::Credit,
                "copyright_line",
            ),
            (
                "Fox News' Jane Roe contributed to this report.",
                BlockKind::Credit,
                "contributor_line",
            ),
            (
                "Follow us on Twitter @example and on Facebook.",
                BlockKind::Boilerplate,
                "promo_line",
            ),
            (
                "Have a tip? Jane Roe may be reached at jroe@example.com.",
                BlockKind::Boilerplate,
                "promo_line",
            ),
            (
                "Follow the river north for two miles.",
                BlockKind::Body,
                "body",
            ),
            (
                "Jane Roe on September 19, 2018 at 12:48 pm said:",
                BlockKind::Boilerplate,
                "comment_header",
            ),
            (
                "05/10/2018 - Publicado por: Jane Roe - Categoria: Saúde - Tags: carros",
                BlockKind::Boilerplate,
                "metadata_line",
            ),
            (
                "stock car 2018, stock car brasil, stock car cascavel, corrida milhão, interlagos",
                BlockKind::Boilerplate,
                "keyword_list",
            ),
            (
                "Apples, pears, plums, cherries and figs were on sale at the market.",
                BlockKind::Body,
                "body",
            ),
        ];
        for &(line, kind, rule) in cases {
            assert_eq!(c.classify_line(line), (kind, rule), "{line:?}");
        }
    }

    #[test]
    fn the_article_is_found_in_a_whole_page_and_only_cut_beside_furniture() {
        let page = "Home\n\nWorld\n\nSport\n\nShare this article\n\nMinister quits over spending row\n\nBy Jane Roe\n\nThe minister resigned on Wednesday after a row over spending plans for next year.\n\nShe said she could no longer support the government's plans, in a letter to the prime minister.\n\nHer deputy takes over.\n\nMost read\n\nStorm hits coast\n\nSign up for our newsletter\n\n";
        let k = kinds(page);
        let body: Vec<&str> = k
            .iter()
            .filter(|(kind, _, _)| *kind == BlockKind::Body)
            .map(|(_, _, s)| s.as_str())
            .collect();
        assert_eq!(body.len(), 3, "{k:?}");
        assert!(body[2].starts_with("Her deputy"));
        let title = k
            .iter()
            .find(|(kind, _, _)| *kind == BlockKind::Title)
            .unwrap();
        assert_eq!(title.2, "Minister quits over spending row");
        assert!(
            k.iter()
                .any(|(_, rule, s)| *rule == "outside_article" && s == "Storm hits coast")
        );
        // A plain article (no furniture anywhere) keeps its short lines at both ends.
        let plain = "Cup draw\n\nThe draw for the fifth round was made on Sunday, pairing the holders with Everton.\n\nEverton v Manchester United\n\nBurnley v Blackburn\n";
        let k = kinds(plain);
        assert_eq!(k[0].0, BlockKind::Title);
        assert!(
            k[1..].iter().all(|(kind, _, _)| *kind == BlockKind::Body),
            "{k:?}"
        );
    }

    #[test]
    fn corpus_lines_and_dom_hints_classify_lines() {
        let c = Cleaner::new(&Lexicon::embedded().unwrap());
        let mut corpus = CorpusLines::default();
        for i in 0..3 {
            corpus.add_document(&format!(
                "The Daily Example Network\n\nStory {i} is a long sentence about many things.\n"
            ));
        }
        let text = "Title here\n\nThe Daily Example Network\n\nWaves over the pier\n\nThe storm hit the coast on Monday, flooding homes.\n";
        let start = text.find("Waves").unwrap();
        let hints = [Hint {
            span: Span::new(start, start + "Waves over the pier".len()),
            kind: BlockKind::Caption,
            rule: "figcaption",
        }];
        let cx = CleanContext {
            meta_title: Some("Title here"),
            hints: &hints,
            corpus: Some(&corpus),
            extracted: true,
        };
        let got: Vec<(BlockKind, &str)> = c
            .clean_with(text, &cx)
            .blocks
            .iter()
            .map(|b| (b.kind, b.rule))
            .collect();
        assert_eq!(
            got,
            [
                (BlockKind::Title, "title_field"),
                (BlockKind::Boilerplate, "repeated_in_corpus"),
                (BlockKind::Caption, "figcaption"),
                (BlockKind::Body, "body"),
            ]
        );
    }

    /// The shift trick: the same text after a prefix gives the same blocks, shifted.
    #[test]
    fn spans_are_relative_to_the_text() {
        let c = Cleaner::new(&Lexicon::embedded().unwrap());
        let t = "Minister quits\n\nBy Jane Roe\n\nPhoto: John Doe/AP\n\nThe minister quit today, her office said.\n";
        let prefix = "Home\n\n";
        let shifted = format!("{prefix}{t}");
        let a = c.clean(t, None).blocks;
        let b = c.clean(&shifted, None).blocks;
        let b: Vec<Span> = b
            .iter()
            .filter(|x| x.span.start >= prefix.len())
            .map(|x| Span::new(x.span.start - prefix.len(), x.span.end - prefix.len()))
            .collect();
        assert_eq!(a.iter().map(|x| x.span).collect::<Vec<_>>(), b);
    }

    #[test]
    fn a_press_release_ends_with_the_company_boilerplate() {
        let t = "Acme signs deal\n\nAcme signed a distribution deal with Widget Co on Monday, the companies said.\n\n\u{201c}We are delighted,\u{201d} said Jane Roe.\n\nAcme is a global provider of widgets for hospitals and factories.\n\nAcme Group is headquartered in Baar and employs 1,300 people.\n";
        let k = kinds(t);
        let rules: Vec<&str> = k.iter().map(|(_, r, _)| *r).collect();
        assert_eq!(
            rules,
            [
                "first_line",
                "body",
                "body",
                "company_boilerplate",
                "company_boilerplate"
            ]
        );
        // One such sentence at the end of an ordinary story stays.
        let t = "Acme signs deal\n\nThe deal was signed on Monday.\n\nAcme is a global provider of widgets.\n";
        assert_eq!(kinds(t)[2].1, "body");
    }
}
