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
    let mut out = Vec::new();
    let s = span.text(text);
    let base = span.start;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        crate::work::step(1);
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
                crate::work::step(1);
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
                    if d == '.' && !numeric && is_dotted_acronym(&s[i..j]) && s[i..j].contains('.')
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

/// Sentence-final punctuation.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
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

    #[test]
    fn classes() {
        assert!(is_capitalised("Blair") && !is_capitalised("blair"));
        assert!(is_all_caps("BBC") && !is_all_caps("Bbc") && !is_all_caps("A"));
        assert!(is_possessive("’s") && is_possessive("'S") && !is_possessive("'t"));
    }
}
