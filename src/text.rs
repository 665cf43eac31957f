//! Small text helpers shared by the stages: a word tokenizer that reports spans, and
//! character classes for quote marks and capitalisation.
//!
//! ```
//! use saidby::text::{tokenize, TokKind};
//! use saidby::span::Span;
//! let t = "Mr Sunak’s “plan”, he said.";
//! let toks = tokenize(t, Span::new(0, t.len()));
//! let words: Vec<&str> = toks.iter().filter(|k| k.kind == TokKind::Word).map(|k| k.span.text(t)).collect();
//! assert_eq!(words, ["Mr", "Sunak", "’s", "plan", "he", "said"]);
//! ```

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner apostrophes, hyphens and dots of "U.S."), or a possessive "'s".
    Word,
    /// Digits, with inner separators ("2,953", "1.5").
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_inner_joiner(c: char) -> bool {
    is_apostrophe(c) || c == '-' || c == '‐' || c == '.'
}

/// Splits `span` of `text` into tokens. Possessive `'s` / `’s` is its own word token, so
/// "Sunak’s" gives "Sunak" and "’s"; other inner apostrophes stay ("don't", "O'Neill").
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.text(text);
    let bytes = s.as_bytes();
    let len = s.len();
    let base = span.start;
    // Every stage tokenizes its paragraphs: bytes are read as they are, only non-ASCII
    // characters decoded, and the output sized once (a token every five bytes or so).
    let mut out = Vec::with_capacity(len / 5 + 4);
    let alnum_at = |k: usize| k < len && char_at(s, k).0.is_alphanumeric();
    let mut i = 0;
    while i < len {
        crate::work::step(1);
        if ASCII_WHITESPACE[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let (c, clen) = char_at(s, i);
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if ASCII_ALPHANUMERIC[bytes[i] as usize] || c.is_alphanumeric() {
            let numeric = c.is_numeric();
            let mut end = i + clen;
            // Whether the token so far is a dotted acronym ("U.S"), kept up to date one part at
            // a time: every dot the token takes in is checked here, so the part since the last
            // one is all there is to check (rechecking the whole token at each dot would make
            // "a.b.c.d..." quadratic).
            let mut acronym = true;
            let mut part_start = i;
            // Extend over letters, digits and inner joiners followed by an alphanumeric.
            while end < len {
                crate::work::step(1);
                if ASCII_ALPHANUMERIC[bytes[end] as usize] {
                    end += 1;
                    continue;
                }
                let (d, dlen) = char_at(s, end);
                if d.is_alphanumeric() {
                    end += dlen;
                    continue;
                }
                let joins = if numeric {
                    matches!(d, ',' | '.')
                } else {
                    is_inner_joiner(d)
                };
                if joins {
                    let after = end + dlen;
                    if alnum_at(after) {
                        // A possessive 's at the end of a word is split off below.
                        if is_apostrophe(d)
                            && matches!(bytes[after], b's' | b'S')
                            && !alnum_at(after + 1)
                        {
                            break;
                        }
                        // "U.S." keeps its dots; "end.Next" (a missing space) does not.
                        if d == '.' && !numeric {
                            acronym = acronym && is_dotted_acronym(&s[part_start..end]);
                            part_start = end + 1;
                            if !acronym {
                                break;
                            }
                        }
                        end = after;
                        continue;
                    }
                    // Keep the final dot of an acronym like "U.S." (a word token holds a dot
                    // when it took one in, moving `part_start`).
                    if d == '.' && !numeric && part_start > i && is_dotted_acronym(&s[i..end]) {
                        end += 1;
                    }
                }
                break;
            }
            let kind = if numeric {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token {
                span: Span::new(base + i, base + end),
                kind,
            });
            i = end;
            continue;
        }
        if is_apostrophe(c) {
            // A possessive 's split from the word before.
            let after = i + clen;
            let prev_word = out
                .last()
                .is_some_and(|t: &Token| t.kind == TokKind::Word && t.span.end == base + i);
            if prev_word
                && after < len
                && matches!(bytes[after], b's' | b'S')
                && !alnum_at(after + 1)
            {
                out.push(Token {
                    span: Span::new(base + i, base + after + 1),
                    kind: TokKind::Word,
                });
                i = after + 1;
                continue;
            }
        }
        out.push(Token {
            span: Span::new(base + i, base + i + clen),
            kind: TokKind::Punct,
        });
        i += clen;
    }
    out
}

/// The character at byte `i` (a boundary) and its length, ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = s[i..].chars().next().expect("a character at a boundary");
        (c, c.len_utf8())
    }
}

/// For each byte, whether it is an ASCII letter or digit or one of `extra`: a table look-up
/// costs less than the range tests of `u8::is_ascii_alphanumeric` in a loop over every byte of
/// a text.
pub const fn ascii_alphanumeric_and(extra: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut k = 0;
    while k < extra.len() {
        t[extra[k] as usize] = true;
        k += 1;
    }
    t
}

/// ASCII letters and digits: `char::is_alphanumeric` for the ASCII bytes.
const ASCII_ALPHANUMERIC: [bool; 256] = ascii_alphanumeric_and(&[]);

/// ASCII whitespace as `char::is_whitespace` has it ('\t' to '\r' and ' ').
const ASCII_WHITESPACE: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    let mut c = b'\t';
    while c <= b'\r' {
        t[c as usize] = true;
        c += 1;
    }
    t
};

/// "U.S", "U.K", "e.g": single letters joined by dots.
fn is_dotted_acronym(s: &str) -> bool {
    crate::work::step(s.len());
    let mut letters = 0;
    for part in s.split('.') {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters >= 1
}

/// First character is an upper-case letter ("Blair", "UK", "McDonald").
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// First character is a lower-case letter.
pub fn is_lowercase_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Every letter is upper case and there are at least two ("BBC", "NHS").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// The possessive "'s" / "’s" token.
pub fn is_possessive(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('s' | 'S'), None) if is_apostrophe(a))
}

/// `f` of `s` in lower case, exactly as `str::to_lowercase` gives it, without allocating in
/// the common case: the rules look up and compare lower-cased words and lines all the time.
/// Text already in lower case is passed as it is, short ASCII words are lower-cased on the
/// stack, anything else into a buffer kept per thread (a call nested inside `f` allocates).
pub fn with_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const STACK: usize = 32;
    let b = s.as_bytes();
    let ascii = s.is_ascii();
    if ascii {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return f(s);
        }
        if b.len() <= STACK {
            let mut buf = [0u8; STACK];
            let buf = &mut buf[..b.len()];
            buf.copy_from_slice(b);
            buf.make_ascii_lowercase();
            return f(std::str::from_utf8(buf).expect("ASCII stays ASCII"));
        }
    } else if s.contains('Σ') {
        // The one letter whose lower case depends on its neighbours: left to the library.
        return f(&s.to_lowercase());
    }
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            if ascii {
                buf.push_str(s);
                buf.make_ascii_lowercase();
            } else {
                buf.extend(s.chars().flat_map(char::to_lowercase));
            }
            f(&buf)
        }
        Err(_) => f(&s.to_lowercase()),
    })
}

/// `f` of the ASCII bytes `b` in lower case: on the stack when they are short.
pub fn with_ascii_lowercase<R>(b: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    const STACK: usize = 32;
    debug_assert!(b.is_ascii());
    if b.len() > STACK {
        return f(&b.to_ascii_lowercase());
    }
    let mut buf = [0u8; STACK];
    let buf = &mut buf[..b.len()];
    buf.copy_from_slice(b);
    buf.make_ascii_lowercase();
    f(buf)
}

/// Whether `word` in lower case (as `str::to_lowercase` gives it) is `lower` ("The" is "the").
pub fn lower_is(word: &str, lower: &str) -> bool {
    let w = word.as_bytes();
    if w.is_ascii() {
        // ASCII lower-cases byte for byte.
        return w.len() == lower.len() && ascii_lower_equals(w, lower.as_bytes());
    }
    with_lowercase(word, |w| w == lower)
}

/// Whether the ASCII bytes `ascii`, lower-cased, are `lower` (of the same length).
fn ascii_lower_equals(ascii: &[u8], lower: &[u8]) -> bool {
    ascii
        .iter()
        .zip(lower)
        .all(|(a, b)| a.to_ascii_lowercase() == *b)
}

/// Whether `s` in lower case (as `str::to_lowercase` gives it) starts with `prefix`, looking
/// no further into `s` than the prefix needs.
pub fn lowercase_starts_with(s: &str, prefix: &str) -> bool {
    let (b, p) = (s.as_bytes(), prefix.as_bytes());
    let n = b.len().min(p.len());
    if p.is_ascii() && b[..n].is_ascii() {
        // The prefix's length of ASCII lower-cases byte for byte (and a shorter ASCII `s` to
        // something shorter than the prefix).
        return b.len() >= p.len() && ascii_lower_equals(&b[..n], p);
    }
    if prefix.contains(['σ', 'ς']) {
        return s.to_lowercase().starts_with(prefix);
    }
    // Without a sigma in the prefix, lower-casing char by char compares the same.
    let mut want = prefix.chars();
    for c in s.chars().flat_map(char::to_lowercase) {
        match want.next() {
            None => return true,
            Some(w) if w == c => {}
            Some(_) => return false,
        }
    }
    want.next().is_none()
}

/// The number of whitespace-separated words of `s` (`split_whitespace().count()`), counting no
/// further than `limit`: the least of the two. Reads bytes, decoding only non-ASCII characters.
pub fn count_words_upto(s: &str, limit: usize) -> usize {
    // Eight ASCII bytes at a time, each byte's class in its high bit.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn every_byte(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    let b = s.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < b.len() && n < limit {
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HIGH == 0 {
                // ' ': the byte XOR ' ' is zero (no high bit after adding 0x7f to its low
                // bits); '\t' to '\r': at least 9 and less than 14. No byte carries into the
                // next, all being below 0x80.
                let t = x ^ every_byte(b' ');
                let blank = !(((t & !HIGH) + !HIGH) | t) & HIGH;
                let from_tab = (x + every_byte(0x80 - b'\t')) & HIGH;
                let past_cr = (x + every_byte(0x80 - b'\r' - 1)) & HIGH;
                let space = blank | (from_tab & !past_cr);
                let word = !space & HIGH;
                // A word starts at a non-space after a space (for the first byte: when no word
                // runs into it).
                let space_before = space << 8 | if in_word { 0 } else { 0x80 };
                n += (word & space_before).count_ones() as usize;
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let x = b[i];
        if x < 0x80 {
            // Without a branch on the byte: a word starts where a non-space follows a space.
            let space = ASCII_WHITESPACE[x as usize];
            n += usize::from(!space && !in_word);
            in_word = !space;
            i += 1;
            continue;
        }
        let space = {
            let c = s[i..].chars().next().expect("a character starts here");
            i += c.len_utf8();
            c.is_whitespace()
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
        }
    }
    // A chunk of eight may have counted past the limit.
    n.min(limit)
}

/// `split_whitespace().count()`, faster.
pub fn count_words(s: &str) -> usize {
    count_words_upto(s, usize::MAX)
}

/// Whether `s` has more than `n` whitespace-separated words (`split_whitespace().count() > n`),
/// counting no further than that.
pub fn more_words_than(s: &str, n: usize) -> bool {
    count_words_upto(s, n + 1) > n
}

/// Sentence-final punctuation.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// For tests of a fast scanner against its reference: calls `check(text, span, label)` for
/// every span between character boundaries of each made-up string, then for every line of the
/// articles in tests/gold/bbc, data/samples and tests/gold/news (and each whole article too,
/// with `whole`); `label` says which span it is, for the failure message.
#[cfg(test)]
pub(crate) fn for_reference_spans(
    made_up: &[&str],
    whole: bool,
    mut check: impl FnMut(&str, Span, &str),
) {
    for t in made_up {
        let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        for (k, &a) in cuts.iter().enumerate() {
            for &b in &cuts[k..] {
                check(t, Span::new(a, b), &format!("{:?}", &t[a..b]));
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["tests/gold/bbc", "data/samples", "tests/gold/news"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let t = std::fs::read_to_string(&p).unwrap();
            let mut spans = Vec::new();
            if whole {
                spans.push(Span::new(0, t.len()));
            }
            let mut pos = 0;
            for line in t.split_inclusive('\n') {
                spans.push(Span::new(pos, pos + line.len()));
                pos += line.len();
            }
            for span in spans {
                check(&t, span, &format!("{p:?} {span:?}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t, Span::new(0, t.len()))
            .iter()
            .map(|k| k.span.text(t))
            .collect()
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        assert_eq!(
            words("don't O'Neill far-right"),
            ["don't", "O'Neill", "far-right"]
        );
        assert_eq!(
            words("the U.S. and U.K. said"),
            ["the", "U.S.", "and", "U.K.", "said"]
        );
        assert_eq!(words("2,953 and 1.5m."), ["2,953", "and", "1.5m", "."]);
        assert_eq!(words("Jones' cow"), ["Jones", "'", "cow"]);
        assert_eq!(words("Labour's plan"), ["Labour", "'s", "plan"]);
        assert_eq!(words("end.Next"), ["end", ".", "Next"]);
        assert_eq!(words("“Yes,” he"), ["“", "Yes", ",", "”", "he"]);
    }

    #[test]
    fn spans_are_offsets_into_the_text() {
        // The shift trick: the same words at a different offset give shifted spans.
        let t = "xx Mr Blair’s view";
        let toks = tokenize(t, Span::new(3, t.len()));
        assert_eq!(toks[0].span, Span::new(3, 5));
        assert_eq!(toks[2].span.text(t), "’s");
    }

    /// The tokenizer as it was written over `char_indices`: the byte-reading one must agree.
    fn tokenize_reference(text: &str, span: Span) -> Vec<Token> {
        let mut out = Vec::new();
        let s = span.text(text);
        let base = span.start;
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                let numeric = c.is_numeric();
                let mut end = i + c.len_utf8();
                // Whether the token so far is a dotted acronym ("U.S"), kept up to date one part at
                // a time: every dot the token takes in is checked here, so the part since the last
                // one is all there is to check (rechecking the whole token at each dot would make
                // "a.b.c.d..." quadratic).
                let mut acronym = true;
                let mut part_start = i;
                // Extend over letters, digits and inner joiners followed by an alphanumeric.
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    let joins = if numeric {
                        matches!(d, ',' | '.')
                    } else {
                        is_inner_joiner(d)
                    };
                    if joins {
                        let rest = &s[j + d.len_utf8()..];
                        let next = rest.chars().next();
                        if next.is_some_and(|n| n.is_alphanumeric()) {
                            // A possessive 's at the end of a word is split off below.
                            if is_apostrophe(d)
                                && matches!(next, Some('s') | Some('S'))
                                && !rest[1..]
                                    .chars()
                                    .next()
                                    .is_some_and(|n| n.is_alphanumeric())
                            {
                                break;
                            }
                            // "U.S." keeps its dots; "end.Next" (a missing space) does not.
                            if d == '.' && !numeric {
                                acronym = acronym && is_dotted_acronym(&s[part_start..j]);
                                part_start = j + 1;
                                if !acronym {
                                    break;
                                }
                            }
                            end = j + d.len_utf8();
                            it.next();
                            continue;
                        }
                        // Keep the final dot of an acronym like "U.S."
                        if d == '.'
                            && !numeric
                            && is_dotted_acronym(&s[i..j])
                            && s[i..j].contains('.')
                        {
                            end = j + 1;
                            it.next();
                        }
                    }
                    break;
                }
                let kind = if numeric {
                    TokKind::Number
                } else {
                    TokKind::Word
                };
                out.push(Token {
                    span: Span::new(base + i, base + end),
                    kind,
                });
                continue;
            }
            if is_apostrophe(c) {
                // A possessive 's split from the word before.
                let rest = &s[i + c.len_utf8()..];
                let prev_word = out
                    .last()
                    .is_some_and(|t: &Token| t.kind == TokKind::Word && t.span.end == base + i);
                if prev_word
                    && rest.starts_with(['s', 'S'])
                    && !rest[1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric())
                {
                    let end = i + c.len_utf8() + 1;
                    out.push(Token {
                        span: Span::new(base + i, base + end),
                        kind: TokKind::Word,
                    });
                    it.next();
                    continue;
                }
            }
            out.push(Token {
                span: Span::new(base + i, base + i + c.len_utf8()),
                kind: TokKind::Punct,
            });
        }
        out
    }

    #[test]
    fn same_tokens_as_the_reference() {
        let made_up = [
            "U.S. U.S.A. e.g. end.Next 1,000.5 1.5m. 3.14.15 Jones' Labour's O'Neill’s “Yes,” \
             rock'n'roll it's 's 'S x's2 ’s ʼs far-right ‐ U.K.'s A. B.C.d. ½ ²3 ٣٤ Ⅻ café's \
             naïve JONES'S BLAIR’S, \u{a0}x\u{2003}y  \t'quoted' -5 a- a.b.c.d.e.f",
            "",
            "'",
            "a'",
            "9.",
            "É.U. Ça-va l'été 12,5 €",
        ];
        // Every span of the made-up strings; every line, and the whole text, of the articles.
        super::for_reference_spans(&made_up, true, |t, span, label| {
            assert_eq!(tokenize(t, span), tokenize_reference(t, span), "{label}");
        });
    }

    #[test]
    fn lower_case_as_to_lowercase() {
        let long = "A Line Of Plain ASCII Words, Longer Than Thirty-Two Bytes";
        for w in [
            "the",
            "The",
            "THE",
            "Ünlü",
            "İstanbul",
            "ΟΔΟΣ ΟΔΟΣ",
            "\u{212a}elvin",
            long,
            "“Quoted,” She Said £5",
            "",
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
            // Nested: the inner call cannot take the thread's buffer.
            let nested = with_lowercase(w, |outer| {
                with_lowercase(long, |inner| format!("{outer}|{inner}"))
            });
            assert_eq!(
                nested,
                format!("{}|{}", w.to_lowercase(), long.to_lowercase())
            );
            for n in 0..=w.chars().count() {
                let prefix: String = w.to_lowercase().chars().take(n).collect();
                assert!(lowercase_starts_with(w, &prefix), "{w} {prefix}");
            }
        }
        assert!(lowercase_starts_with("\u{212a}elvin", "kel"));
        assert!(!lowercase_starts_with("Photos", "photograph"));
        assert!(lower_is("The", "the") && lower_is("\u{212a}", "k") && !lower_is("they", "the"));
        assert!(!lowercase_starts_with("", "a") && lowercase_starts_with("", ""));
    }

    #[test]
    fn word_counts_as_split_whitespace() {
        for s in [
            "",
            " ",
            "one",
            "one two",
            " one  two three ",
            "a\tb\nc\rd\u{b}e\u{c}f",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next\u{202f}narrow",
            "£5 “quoted” café\u{1c}x",
        ] {
            let count = s.split_whitespace().count();
            assert_eq!(count_words(s), count, "{s:?}");
            for n in 0..8 {
                assert_eq!(more_words_than(s, n), count > n, "{s:?} {n}");
                assert_eq!(count_words_upto(s, n), count.min(n), "{s:?} {n}");
            }
        }
    }

    #[test]
    fn word_counts_and_lower_case_prefixes_as_the_library_has_them() {
        for_reference_spans(
            &[
                "a b\tc\u{b}d  e\u{a0}f\u{3000}g",
                "Photo: ŞAHIN \u{212a}elvin ΟΔΟΣ",
            ],
            true,
            |text, span, label| {
                let s = span.text(text);
                let count = s.split_whitespace().count();
                for n in [0, 1, 2, 7, 8, 9, 30, 42, usize::MAX] {
                    assert_eq!(count_words_upto(s, n), count.min(n), "{label} {n}");
                }
                let lower = s.to_lowercase();
                for prefix in [
                    "",
                    "photo",
                    "p",
                    "read more",
                    "kel",
                    lower.get(..6).unwrap_or(""),
                ] {
                    assert_eq!(
                        lowercase_starts_with(s, prefix),
                        lower.starts_with(prefix),
                        "{label} {prefix:?}"
                    );
                }
                assert!(lower_is(s, &lower), "{label}");
            },
        );
    }

    #[test]
    fn classes() {
        assert!(is_capitalised("Blair") && !is_capitalised("blair"));
        assert!(is_all_caps("BBC") && !is_all_caps("Bbc") && !is_all_caps("A"));
        assert!(is_possessive("’s") && is_possessive("'S") && !is_possessive("'t"));
    }
}
