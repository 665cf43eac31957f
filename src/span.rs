//! Byte ranges into a document's original text.
//!
//! Every stage hands the next one [`Span`]s, never copied strings: cleaning classifies ranges,
//! segmentation cuts ranges, quote detection and tagging report ranges, and only export turns
//! them into characters (see [`CharCounter`]).
//!
//! ```
//! use saidby::span::Span;
//! let text = "He said “yes”.";
//! let s = Span::new(11, 14);
//! assert_eq!(s.text(text), "yes");
//! ```

/// A half-open byte range `start..end` into a document's original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers; empty when the span is not a valid range of `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn contains_pos(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span shrunk so it neither starts nor ends with white space.
    pub fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Converts byte offsets to Unicode character offsets in one forward pass.
///
/// Offsets must be asked for in non-decreasing order (export sorts them first); each call only
/// counts the characters between the previous offset and this one, so a whole document costs
/// one pass over its text however many offsets it has.
pub struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
    ascii: bool,
}

impl<'t> CharCounter<'t> {
    pub fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
            ascii: text.is_ascii(),
        }
    }

    /// The character offset of byte offset `pos`. Falls back to a fresh count if asked out of
    /// order, so a caller's mistake costs time, never a wrong answer.
    pub fn at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        if self.ascii {
            return pos;
        }
        if pos < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let piece = self.text.get(self.byte..pos).unwrap_or("");
        self.chars += piece.chars().count();
        self.byte = pos;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_text() {
        let t = "  hello  ";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s, Span::new(2, 7));
        assert_eq!(s.text(t), "hello");
        assert!(Span::new(3, 3).trim(t).is_empty());
        assert_eq!(Span::new(0, 99).text(t), "");
    }

    #[test]
    fn char_counter_counts_multibyte() {
        let t = "a“b”c£d";
        let mut c = CharCounter::new(t);
        let d = t.find('d').unwrap();
        let b = t.find('b').unwrap();
        assert_eq!(c.at(b), 2);
        assert_eq!(c.at(d), 6);
        // out of order still right
        assert_eq!(c.at(b), 2);
        assert_eq!(c.at(t.len()), 7);
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(2, 6);
        assert!(a.contains(Span::new(3, 6)));
        assert!(!a.contains(Span::new(1, 6)));
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)));
        assert_eq!(a.cover(Span::new(8, 9)), Span::new(2, 9));
    }
}
