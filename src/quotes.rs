//! Stage 3, quotes: finds quotations, their segments and nesting, from the quote marks of the
//! title and body paragraphs.
//!
//! Handles curly (“ ” ‘ ’), straight (" '), low (  „ ‚ ), guillemet (« » ‹ ›), corner (「 」) and
//! LaTeX (`` '') marks; apostrophes told apart from single quotes by the letters around them;
//! quotes nested inside quotes (no rows of their own); quotations over several paragraphs
//! (an opening mark at the start of each paragraph, one closing mark at the end, captions in
//! between skipped), and the same with the paragraph breaks lost (`said: "One. "Two."`: the
//! second mark follows a sentence end while a quote is open, so it opens a continuation).
//!
//! ```
//! use saidby::quotes::find_quotes;
//! use saidby::span::Span;
//! let t = "He said: \"We will. \"Then we go.\" And 'so' on.";
//! let qs = find_quotes(t, &[(Span::new(0, t.len()), false)]);
//! let segs: Vec<Vec<&str>> = qs.iter().map(|q| q.segments.iter().map(|s| s.content.text(t)).collect()).collect();
//! assert_eq!(segs, [vec!["We will.", "Then we go."], vec!["so"]]);
//! ```

use crate::span::Span;
use crate::text::is_terminal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The quoted words, without the marks and surrounding spaces.
    pub content: Span,
    /// From the opening mark to the closing mark (or the content's end when none closes it).
    pub outer: Span,
    /// Index into the paragraph list given to [`find_quotes`].
    pub paragraph: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub segments: Vec<Segment>,
    pub family: Family,
    /// The last segment ended with a closing mark (false: ran to its paragraph's end).
    pub closed: bool,
    /// Quotes inside this one (no rows of their own).
    pub nested: Vec<Span>,
    /// Found in the headline paragraph.
    pub headline: bool,
}

impl Quote {
    pub fn outer(&self) -> Span {
        let first = self.segments[0].outer;
        first.cover(self.segments[self.segments.len() - 1].outer)
    }

    pub fn content(&self) -> Span {
        let first = self.segments[0].content;
        first.cover(self.segments[self.segments.len() - 1].content)
    }

    pub fn paragraph(&self) -> usize {
        self.segments[0].paragraph
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: which it is depends on the letters around it and what is open.
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    role: Role,
    left: bool,
    right: bool,
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '‘'
            | '’'
            | '\''
            | '‚'
            | '`'
    )
}

/// Characters after which a mark opens (besides space and the start).
fn opens_after(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') || is_mark_char(c)
}

/// Characters before which a mark closes (besides space and the end).
fn closes_before(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '…'
    ) || is_mark_char(c)
}

/// Words that begin with an elision apostrophe: 'tis, 'em, 'n', '90s.
fn is_elision(rest: &str) -> bool {
    // Eight characters are enough to tell: every elision is shorter (and a long word after an
    // apostrophe is never read whole, however long).
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(8)
        .collect::<String>()
        .to_lowercase();
    if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        // '90s, '05 — but not '2005 was a year' style quotes of a whole number followed by text.
        return word.len() <= 3 && word.chars().take(2).all(|c| c.is_ascii_digit());
    }
    matches!(
        word.as_str(),
        "tis" | "twas" | "em" | "n" | "cause" | "til" | "bout" | "im" | "ere" | "appen"
    )
}

/// Scans one paragraph for marks, with flanking worked out from the characters around each.
/// The mark that character `c` at byte `i` of `s` starts (`s` begins at byte `base` of the
/// text), `prev` the character before it: its length in bytes (two characters for a doubled
/// mark) and the mark, unless it is an apostrophe.
fn mark_at(s: &str, base: usize, i: usize, c: char, prev: Option<char>) -> (usize, Option<Mark>) {
    let mut len = c.len_utf8();
    // LaTeX `` and '', and their curly twins ‘‘ and ’’, are one double mark each.
    // ''Tis: a quote mark and an elision, not a closing double mark.
    let doubled = matches!(c, '`' | '\'' | '‘' | '’')
        && s[i + c.len_utf8()..].starts_with(c)
        && !(c != '`'
            && s[i + 2 * c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric));
    if doubled {
        len = 2 * c.len_utf8();
    }
    let next = s[i + len..].chars().next();
    let left = next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| p.is_whitespace() || opens_after(p));
    let right = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || closes_before(n));
    let (family, role) = match (c, doubled) {
        ('`', true) | ('‘', true) => (Family::Double, Role::Open),
        ('\'', true) | ('’', true) => (Family::Double, Role::Close),
        ('`', false) => (Family::Single, Role::Open),
        ('"', _) => (Family::Double, Role::Either),
        // “ opens in English but closes „ in German: flanking decides.
        ('“', _) => (Family::Double, Role::Either),
        ('„', _) | ('‟', _) => (Family::Double, Role::Open),
        ('”', _) => (Family::Double, Role::Close),
        ('«', _) => (Family::Guillemet, Role::Open),
        ('»', _) => (Family::Guillemet, Role::Close),
        ('‹', _) => (Family::SingleGuillemet, Role::Open),
        ('›', _) => (Family::SingleGuillemet, Role::Close),
        ('「', _) | ('『', _) => (Family::Corner, Role::Open),
        ('」', _) | ('』', _) => (Family::Corner, Role::Close),
        ('‘', _) | ('‚', _) => (Family::Single, Role::Open),
        _ => (Family::Single, Role::Either), // ' and ’
    };
    // Apostrophes: letters on both sides (don't, Sunak’s), or an elision ('90s, 'em).
    if family == Family::Single && c != '`' {
        let p_alnum = prev.is_some_and(char::is_alphanumeric);
        let n_alnum = next.is_some_and(char::is_alphanumeric);
        if (p_alnum && n_alnum) || (c != '‘' && c != '‚' && left && is_elision(&s[i + len..])) {
            return (len, None);
        }
        if (c == '‘' || c == '‚') && !left {
            // A misplaced curly mark inside a word ("dog‘s"): not a quote.
            return (len, None);
        }
    }
    let mark = Mark {
        pos: base + i,
        len,
        family,
        role,
        left,
        right,
    };
    (len, Some(mark))
}

/// Scans one paragraph for marks, with flanking worked out from the characters around each.
fn scan(text: &str, span: Span) -> Vec<Mark> {
    let s = span.text(text);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    // From one byte that can start a mark to the next (the ASCII marks, and the first bytes of
    // the others: C2 for guillemets, E2 for curly and low marks, E3 for corner brackets),
    // decoding only there; `prev` is the character before the mark.
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b'`' | 0xc2 | 0xe2 | 0xe3))
    {
        crate::work::step(skip + 1);
        let i = at + skip;
        let c = s[i..].chars().next().expect("a character starts here");
        at = i + c.len_utf8();
        if !is_mark_char(c) {
            continue;
        }
        let (len, mark) = mark_at(s, span.start, i, c, s[..i].chars().next_back());
        at = i + len;
        out.extend(mark);
    }
    out
}

fn can_close(m: &Mark) -> bool {
    match m.role {
        Role::Close => true,
        Role::Open => false,
        Role::Either => m.right || !m.left,
    }
}

fn can_open(m: &Mark) -> bool {
    match m.role {
        Role::Open => true,
        Role::Close => m.left && !m.right,
        Role::Either => m.left,
    }
}

#[derive(Clone, Debug)]
struct Open {
    family: Family,
    mark: Span,
    /// Segments done so far (continuations) and the open segment's content start.
    done: Vec<Segment>,
    content_start: usize,
    paragraph: usize,
    nested: Vec<Span>,
}

/// Whether the last non-space character before `pos` in the paragraph ends a sentence.
fn after_sentence_end(text: &str, para: Span, pos: usize) -> bool {
    let whole = Span::new(para.start, pos).text(text);
    let before = whole.trim_end();
    crate::work::step(whole.len() - before.len());
    before
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || c == ',' || c == ':')
        && !before.is_empty()
}

/// Quotes open at once, at most: real text nests three deep. Opening marks past this depth are
/// not quotes; the bound keeps the work per mark constant (finding the quote a mark closes, and
/// handing nested quotes to their parent) for a text of nothing but opening marks.
const MAX_DEPTH: usize = 16;

/// Finds the quotes in a sequence of paragraphs: `(span, is_headline)` in text order. Quotes
/// may run from one body paragraph into the next; the headline stands alone.
pub fn find_quotes(text: &str, paragraphs: &[(Span, bool)]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (pi, &(para, headline)) in paragraphs.iter().enumerate() {
        let marks = scan(text, para);
        // For each mark, whether a single mark that can close comes after it (one pass from
        // the end, so the possessive test below costs nothing per mark).
        let mut single_close_after = vec![false; marks.len()];
        let mut seen = false;
        for (i, m) in marks.iter().enumerate().rev() {
            single_close_after[i] = seen;
            seen |= m.family == Family::Single && can_close(m) && m.right;
        }
        let mut skip_first = false;
        if let Some(top) = stack.first() {
            // A quote left open by the previous paragraph.
            let first_is_opener = marks.first().is_some_and(|m| {
                m.family == top.family
                    && can_open(m)
                    && Span::new(para.start, m.pos).text(text).trim().is_empty()
            });
            let prev_para = paragraphs[pi - 1].0;
            let mut open = stack.swap_remove(0);
            stack.clear();
            let seg_end = prev_para.end;
            let content = Span::new(open.content_start, seg_end).trim(text);
            if !headline && first_is_opener {
                if !content.is_empty() {
                    open.done.push(Segment {
                        content,
                        outer: Span::new(open.mark.start, content.end),
                        paragraph: open.paragraph,
                    });
                }
                let m = marks[0];
                open.mark = Span::new(m.pos, m.pos + m.len);
                open.content_start = m.pos + m.len;
                open.paragraph = pi;
                stack.push(open);
                skip_first = true;
            } else if !headline && closes_in(&marks, open.family) {
                // A quote wrapped over lines that the text gives as paragraphs: it goes on
                // into this one, up to its closing mark.
                open.paragraph = open.paragraph.min(pi);
                stack.push(open);
            } else if open.family != Family::Single && !content.is_empty() {
                // Never closed: the segment runs to the end of its paragraph.
                open.done.push(Segment {
                    content,
                    outer: Span::new(open.mark.start, content.end),
                    paragraph: open.paragraph,
                });
                quotes.push(finish(open, false, false));
            }
        }
        for (mi, m) in marks.iter().enumerate() {
            if skip_first && mi == 0 {
                continue;
            }
            let mspan = Span::new(m.pos, m.pos + m.len);
            // Close the innermost open quote of this family, if this mark can close. Mismatched
            // marks close too, at top level only: 'AMANDA, you stabbed me," she said.
            crate::work::step(stack.len());
            let mismatched = stack.len() == 1
                && m.right
                && !m.left
                && matches!(
                    (stack[0].family, m.family),
                    (Family::Single, Family::Double) | (Family::Double, Family::Single)
                )
                && m.role != Role::Open
                && !(m.family == Family::Single
                    && m.role == Role::Either
                    && Span::new(para.start, m.pos)
                        .text(text)
                        .ends_with(['s', 'S']));
            let target = stack
                .iter()
                .rposition(|o| o.family == m.family)
                .or(if mismatched { Some(0) } else { None });
            if let Some(t) = target
                && can_close(m)
                && !(m.role == Role::Either
                    && m.family == Family::Single
                    && single_close_after[mi]
                    && possessive(text, para, m))
            {
                stack.truncate(t + 1);
                let mut open = stack.pop().expect("target is in the stack");
                let content = Span::new(open.content_start, m.pos).trim(text);
                if let Some(parent) = stack.last_mut() {
                    crate::work::step(open.nested.len());
                    parent.nested.push(Span::new(open.mark.start, mspan.end));
                    parent.nested.append(&mut open.nested);
                    continue;
                }
                if !content.is_empty() || !open.done.is_empty() {
                    if !content.is_empty() {
                        open.done.push(Segment {
                            content,
                            outer: Span::new(open.mark.start, mspan.end),
                            paragraph: pi,
                        });
                    }
                    quotes.push(finish(open, true, headline));
                }
                continue;
            }
            if !can_open(m) || stack.len() >= MAX_DEPTH {
                continue;
            }
            // An opening mark of the family already open at top level, right after a sentence
            // end: the paragraph break before it was lost, and it opens a continuation.
            if stack.len() == 1
                && stack[0].family == m.family
                && after_sentence_end(text, para, m.pos)
            {
                let open = &mut stack[0];
                let content = Span::new(open.content_start, m.pos).trim(text);
                if !content.is_empty() {
                    let outer = Span::new(open.mark.start, content.end);
                    open.done.push(Segment {
                        content,
                        outer,
                        paragraph: open.paragraph,
                    });
                }
                open.mark = mspan;
                open.content_start = mspan.end;
                open.paragraph = pi;
                continue;
            }
            stack.push(Open {
                family: m.family,
                mark: mspan,
                done: Vec::new(),
                content_start: mspan.end,
                paragraph: pi,
                nested: Vec::new(),
            });
        }
        // Only the outermost quote may continue into the next paragraph; inner ones unclosed
        // at the paragraph's end were apostrophes or typos.
        stack.truncate(1);
        let continues = !headline
            && stack.first().is_some_and(|o| {
                o.family != Family::Single || next_opens_single(text, paragraphs, pi)
            });
        if !continues {
            if let Some(mut open) = stack.pop()
                && open.family != Family::Single
            {
                let content = Span::new(open.content_start, para.end).trim(text);
                if !content.is_empty() {
                    open.done.push(Segment {
                        content,
                        outer: Span::new(open.mark.start, content.end),
                        paragraph: pi,
                    });
                }
                if !open.done.is_empty() && !headline {
                    quotes.push(finish(open, false, headline));
                }
            }
            stack.clear();
        }
    }
    if let Some(mut open) = stack.pop() {
        let last = paragraphs.len() - 1;
        let content = Span::new(open.content_start, paragraphs[last].0.end).trim(text);
        if !content.is_empty() {
            open.done.push(Segment {
                content,
                outer: Span::new(open.mark.start, content.end),
                paragraph: last,
            });
        }
        if !open.done.is_empty() {
            quotes.push(finish(open, false, false));
        }
    }
    quotes.sort_by_key(|q| q.outer().start);
    quotes
}

fn finish(open: Open, closed: bool, headline: bool) -> Quote {
    Quote {
        segments: open.done,
        family: open.family,
        closed,
        nested: open.nested,
        headline,
    }
}

/// Whether a mark of `family` that can close comes before any that can only open.
fn closes_in(marks: &[Mark], family: Family) -> bool {
    for m in marks.iter().filter(|m| m.family == family) {
        if can_close(m) && !(m.role == Role::Either && m.left && !m.right) {
            return true;
        }
        if can_open(m) {
            return false;
        }
    }
    false
}

/// `'` after an "s" and before a lower-case word: with another closing single later in the
/// paragraph, a plural possessive ("the boys' toys"), not the end of the quote.
fn possessive(text: &str, para: Span, m: &Mark) -> bool {
    let before = Span::new(para.start, m.pos).text(text);
    let after = Span::new(m.pos + m.len, para.end).text(text);
    let plural = before.ends_with(['s', 'S']);
    plural
        && after.strip_prefix(' ').is_some_and(|a| {
            a.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
}

fn next_opens_single(text: &str, paragraphs: &[(Span, bool)], pi: usize) -> bool {
    let Some(&(next, false)) = paragraphs.get(pi + 1) else {
        return false;
    };
    let s = next.text(text).trim_start();
    s.starts_with(['\'', '‘']) && s.chars().nth(1).is_some_and(|c| !c.is_whitespace())
}

/// A headline that is a statement with its speaker after a dash and no quote marks:
/// "Help people to thrive at home – Cleverly". The statement is the speaker's words.
pub fn headline_statement(text: &str, title: Span) -> Option<Quote> {
    let s = title.text(text);
    if s.contains(['"', '“', '”', '‘', '«']) {
        return None;
    }
    let (dash, dash_len) = [" – ", " — ", " - "]
        .iter()
        .find_map(|d| s.rfind(d).map(|p| (p, d.len())))?;
    let name = s[dash + dash_len..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !name_like || dash == 0 {
        return None;
    }
    let content = Span::new(title.start, title.start + dash).trim(text);
    if content.text(text).split_whitespace().count() < 3 {
        return None;
    }
    let segment = Segment {
        content,
        outer: content,
        paragraph: 0,
    };
    Some(Quote {
        segments: vec![segment],
        family: Family::Double,
        closed: true,
        nested: Vec::new(),
        headline: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mark scanner over every character, reading each mark with the same `mark_at`: the
    /// one that jumps from possible mark to possible mark must find the same marks.
    fn scan_reference(text: &str, span: Span) -> Vec<Mark> {
        let s = span.text(text);
        let mut out = Vec::new();
        let mut prev: Option<char> = None;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !is_mark_char(c) {
                prev = Some(c);
                continue;
            }
            let (len, mark) = mark_at(s, span.start, i, c, prev);
            if len > c.len_utf8() {
                it.next();
            }
            out.extend(mark);
            prev = Some(c);
        }
        out
    }

    #[test]
    fn same_marks_as_the_reference() {
        let made_up = [
            "\"Yes,\" he said. 'No' don't ''Tis ``TeX'' ‘‘x’’ ‘a’ “b” „c“ «d» ‹e› 「f」『g』 ‚h‘ '90s",
            "dog‘s ’em rock’n’roll \"\" '' `` ’’ ‘‘ «» \u{a0}\"x\"\u{3000} é\"è' £'5",
            "\"",
            "'",
            "",
        ];
        crate::text::for_reference_spans(&made_up, false, |t, span, label| {
            assert_eq!(scan(t, span), scan_reference(t, span), "{label}");
        });
    }

    /// Each paragraph of `t` separated by a blank line; the first is a headline when `head`.
    fn run(t: &str, head: bool) -> Vec<Vec<String>> {
        let mut paras = Vec::new();
        let mut pos = 0;
        for (i, p) in t.split("\n\n").enumerate() {
            paras.push((Span::new(pos, pos + p.len()), head && i == 0));
            pos += p.len() + 2;
        }
        find_quotes(t, &paras)
            .iter()
            .map(|q| {
                q.segments
                    .iter()
                    .map(|s| s.content.text(t).to_string())
                    .collect()
            })
            .collect()
    }

    fn flat(t: &str) -> Vec<Vec<String>> {
        run(t, false)
    }

    macro_rules! q {
        ($($seg:expr),*) => { vec![$($seg.to_string()),*] };
    }

    #[test]
    fn basic_marks() {
        assert_eq!(
            flat("“Hello,” he said, “how are you?”"),
            [q!["Hello,"], q!["how are you?"]]
        );
        assert_eq!(
            flat("\"Hello,\" he said, \"how are you?\""),
            [q!["Hello,"], q!["how are you?"]]
        );
        assert_eq!(
            flat("'Hello,' he said, 'how are you?'"),
            [q!["Hello,"], q!["how are you?"]]
        );
        assert_eq!(
            flat("`Hello,' he said, ``how are you?''"),
            [q!["Hello,"], q!["how are you?"]]
        );
        assert_eq!(
            flat("“It was a trick,’’ said Will Moy."),
            [q!["It was a trick,"]]
        );
        assert_eq!(
            flat("'AMANDA, you stabbed me,\" she said."),
            [q!["AMANDA, you stabbed me,"]]
        );
        assert_eq!(flat("«Me encantan», afirmó."), [q!["Me encantan"]]);
        assert_eq!(
            flat("Er sagte: „Ich komme.“ Dann ging er."),
            [q!["Ich komme."]]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            flat("\"Jones' cow is cuter!\""),
            [q!["Jones' cow is cuter!"]]
        );
        assert_eq!(
            flat("It’s Sunak’s plan for the ’90s and 'em"),
            Vec::<Vec<String>>::new()
        );
        assert_eq!(
            flat("“where is the dog‘s ball?” he asked"),
            [q!["where is the dog‘s ball?"]]
        );
        assert_eq!(
            flat("'Tis nobler, 'I went home,' he said"),
            [q!["I went home,"]]
        );
        assert_eq!(
            flat("the 'boys' toys are here' he said"),
            [q!["boys' toys are here"]]
        );
        assert_eq!(flat("He was 6ft 2\" tall, \"we think\"."), [q!["we think"]]);
    }

    #[test]
    fn nesting_gives_one_row() {
        let t = "He said: “The Home Secretary’s ‘migration vision’ is thin.”";
        let qs = find_quotes(t, &[(Span::new(0, t.len()), false)]);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].nested.len(), 1);
        assert_eq!(qs[0].nested[0].text(t), "‘migration vision’");
        assert_eq!(
            flat("\"'Hello,' he said, 'fine.'\""),
            [q!["'Hello,' he said, 'fine.'"]]
        );
        assert_eq!(
            flat("“Hel «lo “how” are you» doing?”"),
            [q!["Hel «lo “how” are you» doing?"]]
        );
    }

    #[test]
    fn multi_paragraph_quotes() {
        let t = "He said: “One.\n\n“Two.\n\n“Three.” He left.";
        assert_eq!(flat(t), [q!["One.", "Two.", "Three."]]);
        // straight marks, and a paragraph that opens with a space
        let t = "Words \"Hello,\n\n \"I am the second.\n\n\"I am the last.\" more words";
        assert_eq!(
            flat(t),
            [q!["Hello,", "I am the second.", "I am the last."]]
        );
        let t = "Words 'Hello,\n\n'second.\n\n'last.' more";
        assert_eq!(flat(t), [q!["Hello,", "second.", "last."]]);
    }

    #[test]
    fn lost_paragraph_breaks() {
        let t = "Mr Clarke said: \"I will ask. \"In the meantime, we study it.\" He added: \"Fine. \"Also this. \"And that.\"";
        assert_eq!(
            flat(t),
            [
                q!["I will ask.", "In the meantime, we study it."],
                q!["Fine.", "Also this.", "And that."]
            ]
        );
        // A fresh quote after a closed one is its own quotation.
        assert_eq!(
            flat("\"Yes,\" he said. \"No,\" she said."),
            [q!["Yes,"], q!["No,"]]
        );
    }

    #[test]
    fn unclosed_quotes() {
        // A paragraph left open, not continued: the segment runs to its end.
        assert_eq!(
            flat("He said: “We go now.\n\nLater he left."),
            [q!["We go now."]]
        );
        // An unclosed single is an apostrophe or typo, not a quote.
        assert_eq!(
            flat("'Hello,' he said, 'how are you doing?"),
            [q!["Hello,"]]
        );
        // A quote wrapped over lines given as paragraphs goes on to its closing mark.
        assert_eq!(flat("Words “Hello,\n\nI am the rest.” more").len(), 1);
    }

    #[test]
    fn headline_quotes_stand_alone() {
        let t = "Blair 'will not quit'\n\nHe said: “No.”";
        let got = run(t, true);
        assert_eq!(got, [q!["will not quit"], q!["No."]]);
        let t = "Cleverly: “Stay\n\n“Home.”";
        assert_eq!(run(t, true), [q!["Home."]]);
    }

    #[test]
    fn headline_statements() {
        let t = "Help people to thrive at home – Cleverly";
        let q = headline_statement(t, Span::new(0, t.len())).unwrap();
        assert_eq!(
            q.segments[0].content.text(t),
            "Help people to thrive at home"
        );
        assert!(headline_statement("Storm – what we know", Span::new(0, 21)).is_none());
        assert!(headline_statement("Rates rise", Span::new(0, 10)).is_none());
    }

    #[test]
    fn offsets_shift_with_prefix() {
        let t = "He said “yes”.";
        let base = flat(t);
        let shifted = format!("xxxx {t}");
        let paras = [(Span::new(5, shifted.len()), false)];
        let q = find_quotes(&shifted, &paras);
        assert_eq!(q[0].segments[0].content.text(&shifted), base[0][0]);
        assert_eq!(q[0].segments[0].content.start, t.find("yes").unwrap() + 5);
    }
}
