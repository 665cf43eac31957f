//! Stage 6, attribute: who said each quotation, with the cue, the words that named the
//! speaker, and the rule that decided.
//!
//! The paragraphs are read as items: words, punctuation and whole quote segments. Each
//! quotation's sentence is searched for a reporting frame, most specific first:
//!
//! | method            | frame |
//! |-------------------|-------|
//! | `cue_after`       | `"...," Mr Solomon said` / `"...," said Mr Solomon` / `"...," according to X` |
//! | `colon`           | `Mr Smith: "..."` |
//! | `cue_before`      | `X said: "..."`, `X told the BBC that "..."`, `X described it as "..."` |
//! | `cue_in_sentence` | a cue elsewhere in the sentence: `Britain must be "proactive", Mr Cleverly said.` |
//! | `possessive`      | `Rishi Sunak's pledge to "stop the boats"` |
//! | `previous_quote`  | a quote with no cue after a quote of the same paragraph |
//! | `previous_sentence` | after a sentence whose speaker is clear: `X criticised it. "No logic," ...` |
//! | `colon_paragraph` | the paragraph before ends `X said:` |
//! | `quote_run`       | a paragraph that is only a quote continues the speaker before |
//! | `subject`         | a partial quote with no cue: the subject of its sentence |
//! | `headline_dash`   | `Help people thrive – Cleverly` |
//!
//! The speaker phrase is then resolved: a name is its entity; `+pronoun` (he/she by gender and
//! recency, skipping names inside quotes), `+role` ("the Home Secretary": a person the article
//! or the gazetteer gives that role), `+salience` (a definite description like "the senior
//! Tory" that names no known role: the person in focus), `+org` ("the company"). Unnamed sources
//! ("a spokesman", "officials") keep an empty speaker and are never given to a person.
//!
//! ```
//! use saidby::pipeline::Pipeline;
//! let p = Pipeline::bundled().unwrap();
//! let a = p.analyse_text("d", "Rates rise\n\nHome Secretary Jane Roe spoke on Monday. \"We will act,\" she said.\n");
//! let q = &a.quotes[0];
//! assert_eq!(a.speaker_name(q).as_deref(), Some("Jane Roe"));
//! assert_eq!(q.attribution.method, "cue_after+pronoun");
//! ```

use std::cell::Cell;
use std::collections::HashMap;

use crate::gazetteer::{EntityType, Gazetteer};
use crate::lexicon::{CueClass, Gender, Lexicon, RoleKind};
use crate::quotes::Quote;
use crate::segment::{Section, Segmented};
use crate::span::Span;
use crate::tag::{Mention, Tagged};
use crate::text::{
    TokKind, Token, is_capitalised, is_possessive, is_terminal, lower_is, tokenize, with_lowercase,
};

/// The per-document maps and sets (mentions by position, counts), hit constantly: a fast
/// hash. Nothing is read from them in hash order.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QuoteKind {
    #[default]
    Direct,
    Partial,
    Headline,
    Other,
}

impl QuoteKind {
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Headline => "headline",
            QuoteKind::Other => "other",
        }
    }
}

/// Who said a quotation, and the evidence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attribution {
    pub kind: QuoteKind,
    /// The speaker, an index into `Tagged::entities`.
    pub entity: Option<usize>,
    /// A speaker named in the text who is no entity (a capitalised name before a cue).
    pub name: Option<Span>,
    /// The words that named the speaker: "he", "the Home Secretary", "a spokesman".
    pub mention: Option<Span>,
    /// Further speakers of a joint quote ("Mr Sunak and Ms Meloni said"), entity indices.
    pub joint: Vec<usize>,
    /// An unnamed source: the speaker stays empty.
    pub unnamed: bool,
    pub cue: Option<Span>,
    /// The rule that decided (and how the speaker phrase was resolved): "cue_after+pronoun".
    pub method: String,
    pub confidence: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum It {
    Word,
    Num,
    Punct(char),
    /// A quote segment: (quote, segment).
    Quote(usize, usize),
}

/// A word list the noun-phrase scans ask about an item's word (see `Attributor::is`).
#[derive(Clone, Copy)]
enum WordList {
    Preposition,
    Conjunction,
    Determiner,
    Filler,
    /// A subject pronoun (`Lexicon::pronoun`).
    Pronoun,
}

#[derive(Clone, Copy, Debug)]
struct Item {
    span: Span,
    it: It,
    para: usize,
    sent: usize,
}

/// What a speaker phrase is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum NpKind {
    Entity(usize),
    Pronoun(Gender, bool),
    /// A description headed by a role word; `definite`: "the ..." or a possessive.
    Role {
        definite: bool,
    },
    Unnamed,
    /// "the company", "the government".
    OrgRef,
    /// "the statement", "the guidelines": the words of whoever issued them.
    Document,
    /// A capitalised name that is no entity.
    Name,
}

#[derive(Clone, Copy, Debug)]
struct Np {
    kind: NpKind,
    span: Span,
    /// Items covered: `first..end`.
    first: usize,
    end: usize,
}

#[derive(Clone, Copy, Debug)]
struct Found {
    np: Np,
    cue: Option<Span>,
    method: &'static str,
    confidence: f32,
}

/// The resolved speaker.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Who {
    entity: Option<usize>,
    joint: Option<usize>,
    name: Option<Span>,
    unnamed: bool,
}

/// A mention that pronouns and descriptions can point back to.
#[derive(Clone, Copy, Debug)]
struct Salient {
    pos: usize,
    sent: usize,
    who: Referent,
    /// The speaker of a quote here.
    speaker: bool,
    /// A resolved pronoun of this gender (links a chain: "His career ... he said").
    pronoun: Option<Gender>,
}

/// What a pronoun or description can point back to.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Referent {
    Entity(usize),
    /// An unnamed source ("a spokeswoman for Human Rights Watch") and its gender.
    Unnamed(Span, Gender),
    /// A speaker named in the text who is no entity ("Burton explained"): the name's words.
    Named(Span),
}

pub struct Attributor<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    gaz: &'a Gazetteer,
    tagged: &'a Tagged,
    seg: &'a Segmented,
    quotes: &'a [Quote],
    date: Option<&'a str>,
    items: Vec<Item>,
    /// Item ranges of sentences.
    sentences: Vec<(usize, usize)>,
    /// Per quote, its segments' items.
    quote_items: Vec<Vec<usize>>,
    /// The cue verb starting at each item, computed once (see `cue_at_item`).
    cues: Vec<Option<(usize, CueClass)>>,
    /// Per item, the word lists asked about its word so far (low byte) and the answers (high
    /// byte), by `WordList` (see `is`).
    lists: Vec<Cell<u16>>,
    mention_start: FastMap<usize, usize>,
    mention_end: FastMap<usize, usize>,
    /// Mentions and descriptions, fixed once built, in text order.
    salience: Vec<Salient>,
    /// Speakers and resolved pronouns, added as attribution goes, in text order.
    dynamic: Vec<Salient>,
    /// Article people whose gazetteer entry has roles.
    gaz_role_people: Vec<usize>,
    /// Narration pronouns resolved so far, by position; items before `pronouns_done` are done.
    pronoun_refs: FastMap<usize, Option<Referent>>,
    pronouns_done: usize,
    /// Gender learned from pronouns ("he said" after "Enver Solomon").
    genders: FastMap<usize, Gender>,
    /// Entities added by role resolution from the gazetteer, not named in the text.
    pub extra_entities: Vec<u32>,
    /// The one entity every quote attributed so far was given to (entity, last quote, how
    /// many), while there is one.
    sole_speaker: Option<(usize, usize, usize)>,
    several_speakers: bool,
}

pub fn attribute(
    text: &str,
    seg: &Segmented,
    quotes: &[Quote],
    tagged: &Tagged,
    lex: &Lexicon,
    gaz: &Gazetteer,
    date: Option<&str>,
) -> (Vec<Attribution>, Vec<u32>) {
    let mut a = Attributor::new(text, seg, quotes, tagged, lex, gaz, date);
    let out = a.run();
    (out, a.extra_entities)
}

/// Whether an attribution names someone: an entity, a name or an unnamed source.
fn has_speaker(a: &Attribution) -> bool {
    a.entity.is_some() || a.unnamed || a.name.is_some()
}

/// The noun a compound "X-of-N" is built on ("dad-of-three", "mother-of-two": "dad",
/// "mother"); any other word as it is.
fn of_compound_head(w: &str) -> &str {
    match w.find("-of-") {
        Some(i) if i > 0 => &w[..i],
        _ => w,
    }
}

/// "a", "an", "one", "another": a word that opens a description of someone new.
fn is_indefinite_word(w: &str) -> bool {
    with_lowercase(w, |l| matches!(l, "a" | "an" | "one" | "another"))
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Whether a role the article gives someone is the one a description names.
struct RoleFit<'l> {
    lex: &'l Lexicon,
    /// The description's content words ("chancellor"), its head last.
    words: Vec<String>,
    /// All its words, qualifiers included ("the former chancellor").
    all: Vec<String>,
}

/// A role's lower-case words in the words of `role_synonyms.tsv`.
fn canonical_words(lex: &Lexicon, words: &[String]) -> Vec<String> {
    lex.canonical_role(words)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl<'l> RoleFit<'l> {
    fn new(a: &Attributor<'l>, np: Np, words: Vec<String>) -> Self {
        let all = tokenize(a.text, np.span)
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| lower(t.text(a.text)))
            .collect();
        // In canonical words on both sides: "the judge" fits "Justice", "the Tory leader"
        // fits "Conservative leader".
        let words = canonical_words(a.lex, &words);
        RoleFit {
            lex: a.lex,
            words,
            all,
        }
    }

    /// `None` when `role` has another head; `Some(false)` when it has the head but is another
    /// post ("shadow chancellor" for "the chancellor"); `Some(true)` when it fits.
    fn fits(&self, role: &str) -> Option<bool> {
        let head = self.words.last()?;
        let rw: Vec<String> = role
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(lower)
            .collect();
        let rw = canonical_words(self.lex, &rw);
        if !rw.contains(head) {
            return None;
        }
        Some(
            self.words.iter().all(|w| rw.contains(w))
                && rw
                    .iter()
                    .all(|w| !self.lex.is_role_qualifier(w) || self.all.contains(w)),
        )
    }
}

impl<'a> Attributor<'a> {
    fn new(
        text: &'a str,
        seg: &'a Segmented,
        quotes: &'a [Quote],
        tagged: &'a Tagged,
        lex: &'a Lexicon,
        gaz: &'a Gazetteer,
        date: Option<&'a str>,
    ) -> Self {
        let mut a = Attributor {
            text,
            lex,
            gaz,
            tagged,
            seg,
            quotes,
            date,
            items: Vec::new(),
            sentences: Vec::new(),
            quote_items: vec![Vec::new(); quotes.len()],
            cues: Vec::new(),
            lists: Vec::new(),
            mention_start: FastMap::default(),
            mention_end: FastMap::default(),
            salience: Vec::new(),
            dynamic: Vec::new(),
            gaz_role_people: tagged
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.gazetteer.is_some_and(|g| !gaz.entity(g).roles.is_empty()))
                .map(|(i, _)| i)
                .collect(),
            pronoun_refs: FastMap::default(),
            pronouns_done: 0,
            genders: FastMap::default(),
            extra_entities: Vec::new(),
            sole_speaker: None,
            several_speakers: false,
        };
        a.build_items();
        // Asked about the same items again and again (cue subjects, every noun-phrase scan).
        a.cues = (0..a.items.len()).map(|i| a.cue_at_item(i)).collect();
        a.lists = vec![Cell::new(0); a.items.len()];
        // Sized once: no rehashing as they fill.
        a.mention_start.reserve(tagged.mentions.len());
        a.mention_end.reserve(tagged.mentions.len());
        for (mi, m) in tagged.mentions.iter().enumerate() {
            if !m.in_quote && matches!(m.section, Section::Title | Section::Body) {
                a.mention_start.insert(m.span.start, mi);
                a.mention_end.insert(m.span.end, mi);
            }
        }
        for m in &tagged.mentions {
            if m.in_quote || m.section != Section::Body {
                continue;
            }
            if let Some(i) = a.item_at(m.span.start) {
                // A name used as a modifier ("the Peter Hain attack", "a Blair aide") is no one
                // a pronoun can point to.
                let after = a.items.iter().skip(i).find(|x| x.span.start >= m.span.end);
                let modifier = i > 0
                    && a.word(i - 1)
                        .is_some_and(|w| with_lowercase(w, |l| matches!(l, "the" | "a" | "an")))
                    && after.is_some_and(|x| {
                        matches!(x.it, It::Quote(..))
                            || x.it == It::Word
                                && !is_capitalised(x.span.text(text))
                                && a.lex.cue_at(&[x.span.text(text)]).is_none()
                                && !a.lex.is_filler(x.span.text(text))
                    });
                if modifier && tagged.entities[m.entity].etype == EntityType::Person {
                    continue;
                }
                let it = a.items[i];
                a.salience.push(Salient {
                    pos: m.span.start,
                    sent: it.sent,
                    who: Referent::Entity(m.entity),
                    speaker: false,
                    pronoun: None,
                });
            }
        }
        a.salience.sort_by_key(|s| s.pos);
        a.mark_cue_subjects();
        a.scan_descriptions();
        a.salience.sort_by_key(|s| s.pos);
        a
    }

    /// People who are the subject of a speech cue in narration ("Tony Blair said he would",
    /// "..., First Minister Jack McConnell has insisted") are in the foreground, like speakers.
    fn mark_cue_subjects(&mut self) {
        let mut subjects = Vec::new();
        let mut named = Vec::new();
        for k in 0..self.items.len() {
            let Some((n, CueClass::Speech)) = self.cue_at(k) else {
                continue;
            };
            // A participle ("... e-mailed Mr McFadyen pointing out ...") belongs to the
            // sentence's subject, not to the name before it.
            if self.word(k).is_some_and(|w| w.ends_with("ing")) {
                continue;
            }
            let (s0, s1) = self.sent_of(k);
            let j = self.skip_fillers_back(k, s0);
            // "One member, who asked not to be named, said Price ...": after a clause
            // closed by a comma, the subject opens the sentence; the name after the cue is
            // what was said.
            let closed = j > s0 && self.is_punct(j - 1, ',');
            let np = self
                .np_before(j, s0, 0)
                .or_else(|| {
                    closed
                        .then(|| self.subject_of(s0, j - 1))
                        .flatten()
                        .filter(|np| self.clause_follows(np))
                })
                .or_else(|| {
                    let after = self.skip_fillers_forward(k + n, s1);
                    self.np_after(after, s1)
                });
            match np {
                Some(Np {
                    kind: NpKind::Entity(e),
                    span,
                    ..
                }) => subjects.push((span.start, e)),
                // "Burton explained from a podium": a name in no gazetteer, a speaker all the same.
                Some(Np {
                    kind: NpKind::Name,
                    span,
                    ..
                }) if let Some(i) = self.item_at(span.start) => {
                    let sent = self.items[i].sent;
                    named.push(Salient {
                        pos: span.start,
                        sent,
                        who: Referent::Named(span),
                        speaker: true,
                        pronoun: None,
                    });
                }
                // "A Labour spokesman later said the timing was not affected. "...," he
                // said": one unnamed source speaking in narration is whom "he" means next.
                Some(Np {
                    kind: NpKind::Unnamed,
                    span,
                    ..
                }) if let Some(i) = self.item_at(span.start)
                    && self.is_singular(span)
                    && self.is_indefinite(span) =>
                {
                    let sent = self.items[i].sent;
                    named.push(Salient {
                        pos: span.start,
                        sent,
                        who: Referent::Unnamed(span, self.source_gender(span)),
                        speaker: true,
                        pronoun: None,
                    });
                }
                _ => {}
            }
        }
        // "A woman walking her dog, who declined to give her name, was less diplomatic.": one
        // new unnamed person opening a sentence is whom the next "she" means, cue or none.
        for &(s0, s1) in &self.sentences {
            // The phrase opens the sentence, so its first word says whether it is indefinite:
            // asked before the phrase is read, as most sentences open otherwise.
            if !self.word(s0).is_some_and(is_indefinite_word) {
                continue;
            }
            if let Some(np) = self.np_after(s0, s1)
                && matches!(np.kind, NpKind::Unnamed)
                && np.first == s0
                && np.end > s0
                && self
                    .word(np.end - 1)
                    .is_some_and(|h| self.lex.is_person_noun(h))
                && self.is_indefinite(np.span)
                && self.is_singular(np.span)
                && !named.iter().any(|s| s.pos == np.span.start)
            {
                named.push(Salient {
                    pos: np.span.start,
                    sent: self.items[s0].sent,
                    who: Referent::Unnamed(np.span, self.source_gender(np.span)),
                    speaker: false,
                    pronoun: None,
                });
            }
        }
        self.salience.extend(named);
        self.salience.sort_by_key(|s| s.pos);
        let subjects: FastSet<(usize, usize)> = subjects.into_iter().collect();
        for s in &mut self.salience {
            if let Referent::Entity(e) = s.who
                && subjects.contains(&(s.pos, e))
            {
                s.speaker = true;
            }
        }
    }

    /// The item starting at byte `pos`, if one does (the last such, were there two): items
    /// are in text order, so a binary search finds it with no map built per document.
    fn item_at(&self, pos: usize) -> Option<usize> {
        let i = self.items.partition_point(|it| it.span.start <= pos);
        (i > 0 && self.items[i - 1].span.start == pos).then(|| i - 1)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        crate::work::step(1);
        let it = self.items.get(i)?;
        matches!(it.it, It::Word).then(|| it.span.text(self.text))
    }

    /// Whether the word of item `i` (a word item) is in `list`: looked up once per item and
    /// list, as the noun-phrase scans ask about the same words again and again.
    fn is(&self, i: usize, list: WordList) -> bool {
        let bit = 1u16 << list as u16;
        let cell = &self.lists[i];
        let known = cell.get();
        if known & bit != 0 {
            return known & (bit << 8) != 0;
        }
        let w = self.items[i].span.text(self.text);
        let yes = match list {
            WordList::Preposition => self.lex.is_preposition(w),
            WordList::Conjunction => self.lex.is_conjunction(w),
            WordList::Determiner => self.lex.is_determiner(w),
            WordList::Filler => self.lex.is_filler(w),
            WordList::Pronoun => self.lex.pronoun(w).is_some(),
        };
        cell.set(known | bit | if yes { bit << 8 } else { 0 });
        yes
    }

    /// A quote item whose words end in a comma, American style: `jam "Black Water," Simmons`.
    fn quote_ends_in_comma(&self, i: usize) -> bool {
        self.quote_ends_in(i, &[','])
    }

    /// Whether item `i` is a quote whose words end in one of `marks` (inside its closing mark).
    fn quote_ends_in(&self, i: usize, marks: &[char]) -> bool {
        self.items.get(i).is_some_and(|it| {
            matches!(it.it, It::Quote(..))
                && it
                    .span
                    .text(self.text)
                    .trim_end_matches(['"', '\'', '’', '”'])
                    .ends_with(marks)
        })
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        crate::work::step(1);
        self.items.get(i).is_some_and(|it| it.it == It::Punct(c))
    }

    fn sent_of(&self, i: usize) -> (usize, usize) {
        self.sentences[self.items[i].sent]
    }

    /// Items of the title and body paragraphs, quote segments as single items, and sentences.
    fn build_items(&mut self) {
        let mut segs_by_para: FastMap<usize, Vec<(Span, usize, usize)>> = FastMap::default();
        for (qi, q) in self.quotes.iter().enumerate() {
            for (si, s) in q.segments.iter().enumerate() {
                segs_by_para
                    .entry(s.paragraph)
                    .or_default()
                    .push((s.outer, qi, si));
            }
        }
        let article: Vec<usize> = self.seg.article().map(|(i, _)| i).collect();
        // Every paragraph's tokens first, so that the items are allocated once, at their size.
        let tokens: Vec<Vec<Token>> = article
            .iter()
            .map(|&pi| tokenize(self.text, self.seg.paragraphs[pi].span))
            .collect();
        let segments: usize = segs_by_para.values().map(Vec::len).sum();
        self.items
            .reserve(tokens.iter().map(Vec::len).sum::<usize>() + segments);
        for ((ai, &pi), tokens) in article.iter().enumerate().zip(tokens) {
            let mut segs = segs_by_para.remove(&ai).unwrap_or_default();
            segs.sort_by_key(|s| s.0.start);
            let mut next_seg = 0;
            let sent_start = self.items.len();
            for t in tokens {
                while next_seg < segs.len() && segs[next_seg].0.end <= t.span.start {
                    let (outer, qi, si) = segs[next_seg];
                    self.push_quote_item(outer, qi, si, pi);
                    next_seg += 1;
                }
                if next_seg < segs.len() && segs[next_seg].0.start <= t.span.start {
                    continue;
                }
                let it = match t.kind {
                    TokKind::Word => It::Word,
                    TokKind::Number => It::Num,
                    TokKind::Punct => {
                        It::Punct(t.span.text(self.text).chars().next().unwrap_or(' '))
                    }
                };
                self.items.push(Item {
                    span: t.span,
                    it,
                    para: pi,
                    sent: 0,
                });
            }
            while next_seg < segs.len() {
                let (outer, qi, si) = segs[next_seg];
                self.push_quote_item(outer, qi, si, pi);
                next_seg += 1;
            }
            self.split_sentences(sent_start);
        }
    }

    fn push_quote_item(&mut self, outer: Span, qi: usize, si: usize, pi: usize) {
        self.quote_items[qi].push(self.items.len());
        self.items.push(Item {
            span: outer,
            it: It::Quote(qi, si),
            para: pi,
            sent: 0,
        });
    }

    fn ends_sentence(&self, i: usize) -> bool {
        let it = self.items[i];
        match it.it {
            It::Punct(c) if is_terminal(c) => {
                // "Mr." and initials do not end a sentence.
                let prev = if i > 0 { self.word(i - 1) } else { None };
                !(c == '.'
                    && prev.is_some_and(|w| {
                        self.lex.is_abbreviation(w) || (w.chars().count() == 1 && is_capitalised(w))
                    }))
            }
            It::Quote(qi, si) => {
                let content = self.quotes[qi].segments[si].content.text(self.text);
                content
                    .trim_end_matches(['"', '\'', '’', '”', ')'])
                    .chars()
                    .next_back()
                    .is_some_and(is_terminal)
            }
            _ => false,
        }
    }

    fn starts_sentence(&self, i: usize) -> bool {
        let it = self.items[i];
        match it.it {
            It::Word => is_capitalised(it.span.text(self.text)),
            It::Num | It::Quote(..) => true,
            It::Punct(c) => {
                matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'')
                    // A list bullet opening a line.
                    || crate::segment::is_bullet(c)
                        && i > 0
                        && self.text[self.items[i - 1].span.end..it.span.start].contains('\n')
            }
        }
    }

    fn split_sentences(&mut self, from: usize) {
        let end = self.items.len();
        if from == end {
            return;
        }
        let mut start = from;
        for i in from..end {
            let boundary = i + 1 == end || (self.ends_sentence(i) && self.starts_sentence(i + 1));
            if boundary {
                let s = self.sentences.len();
                for it in &mut self.items[start..=i] {
                    it.sent = s;
                }
                self.sentences.push((start, i + 1));
                start = i + 1;
            }
        }
    }

    /// Definite role descriptions in narration ("the Home Secretary said the plan...") resolved
    /// to their person, so later pronouns can find them.
    /// The person who is the subject of the sentence before the one opening at item `i`, in
    /// its paragraph or the one before.
    fn previous_subject_person(&self, i: usize) -> Option<usize> {
        let sent = self.items[i].sent.checked_sub(1)?;
        let (ps, pe) = self.sentences[sent];
        if self.paragraph_gap(self.items[ps].para, self.items[i].para) > 1 {
            return None;
        }
        match self.subject_of(ps, pe)?.kind {
            NpKind::Entity(e) if self.etype(e) == EntityType::Person => Some(e),
            _ => None,
        }
    }

    fn scan_descriptions(&mut self) {
        let mut found = Vec::new();
        let main_person = self.main_person();
        for i in 0..self.items.len() {
            let Some(w) = self.word(i) else { continue };
            if !lower_is(w, "the") {
                continue;
            }
            if self.seg.paragraphs[self.items[i].para].section != Section::Body {
                continue;
            }
            // Only a role, a nationality or a body heads what is looked for: most phrases
            // after "the" have none of their words in those lists, and need no parsing.
            let s1 = self.sent_of(i).1;
            let may_head = (i + 1..s1.min(i + 16)).any(|k| {
                self.word(k).is_some_and(|w| {
                    self.lex.may_end_role(w) || self.lex.is_org_noun(w) || self.gaz.is_demonym(w)
                })
            });
            if !may_head {
                continue;
            }
            let Some(np) = self.np_after(i, s1) else {
                continue;
            };
            let e = match np.kind {
                // "The committee reached its conclusions ... It warned": an organisation meant
                // by a description in subject position is in the foreground like one named,
                // only when the name says so ("the committee" for "... pensions committee"): a
                // guess here would steer every later "it".
                NpKind::OrgRef if self.in_subject_position(np.span.start) => {
                    let head = self.last_word(np);
                    self.org_ref_entity(np)
                        .filter(|&e| self.name_has_word(e, &lower(head)))
                }
                NpKind::Role { definite: true } => self.resolve_role_known(np).or_else(|| {
                    // "The writer was known for his research": a description opening a
                    // sentence, no one given that role, is the person the article is about;
                    // or the person the sentence before in its paragraph was about
                    // ("Ainsworth did not see it that way. The Harbury manager ...").
                    if !(self.is_sentence_start(i) && self.in_subject_position(np.span.start)) {
                        return None;
                    }
                    self.previous_subject_person(i).or(main_person)
                }),
                _ => None,
            };
            if let Some(e) = e {
                found.push(Salient {
                    pos: np.span.start,
                    sent: self.items[i].sent,
                    who: Referent::Entity(e),
                    speaker: false,
                    pronoun: None,
                });
            }
        }
        self.salience.extend(found);
    }

    /// For a phrase in the article's first body sentence (the lede), the first person named
    /// outside quotes after it within the next two sentences, and the lede's sentence index.
    fn person_after_lede(&self, np: Np) -> Option<(&Mention, usize)> {
        let body = self
            .items
            .iter()
            .position(|it| self.seg.paragraphs[it.para].section == Section::Body)?;
        let lede = self.items[body].sent;
        if self.items.get(np.first)?.sent != lede {
            return None;
        }
        let until = self
            .sentences
            .get(lede + 3)
            .map_or(self.text.len(), |&(s, _)| self.items[s].span.start);
        let m = self.tagged.mentions.iter().find(|m| {
            m.span.start >= np.span.end
                && m.span.start < until
                && !m.in_quote
                && self.etype(m.entity) == EntityType::Person
        })?;
        Some((m, lede))
    }

    /// A description in the article's first sentence, named only after it: "... needs to be
    /// "exploded", the work and pensions minister has said. ... Alan Johnson said." The
    /// first person the next two sentences name outside quotes, when a speech cue follows the
    /// name and the article gives them no other post ("Chairman Lee Park had left" does not
    /// name "the chairman" who spoke before).
    fn named_after_lede(&self, np: Np, fit: &RoleFit) -> Option<usize> {
        let (m, _) = self.person_after_lede(np)?;
        let e = &self.tagged.entities[m.entity];
        let other_post = e.roles.iter().any(|(_, r)| fit.fits(r) == Some(false));
        let after = self.items.partition_point(|it| it.span.start < m.span.end);
        let speech = |k: usize| {
            self.cue_at(k)
                .is_some_and(|(_, class)| class == CueClass::Speech)
        };
        // "Rep. Douglas Pruitt (R-Ind.), who chairs the subcommittee, told The Hill": the
        // first cue of the sentence the name is the subject of, after a clause set off by
        // commas.
        let speaks = speech(after)
            || after < self.items.len() && {
                let (s0, s1) = self.sent_of(after);
                (after..s1).find(|&k| speech(k)).is_some_and(|k| {
                    self.is_punct(k - 1, ',')
                        && (self.is_punct(after, ',') || self.is_punct(after, '('))
                        && self
                            .subject_of(s0, after)
                            .is_some_and(|np| np.span.end == m.span.end)
                })
            };
        (speaks && !other_post).then_some(m.entity)
    }

    /// "An opposition lawmaker ... calling it "a slap in the face"." and, in the next sentences,
    /// "MK Yael Ben-Harosh of the Yesh Atid party made the remarks ...": an indefinite
    /// description in the lede is the person a phrase of `remark_phrases.txt` names after it.
    fn named_by_remarks(&self, np: Np) -> Option<usize> {
        if !self.is_indefinite(np.span) {
            return None;
        }
        let (m, lede) = self.person_after_lede(np)?;
        let i = self.item_at(m.span.start)?;
        let (_, s1) = self.sentences[self.items[i].sent];
        let rest = &self.text[m.span.end..self.items[s1 - 1].span.end];
        (self.items[i].sent > lede && self.lex.has_remark_phrase(&rest.to_lowercase()))
            .then_some(m.entity)
    }

    /// A description of at least three words that the article later puts, word for word,
    /// before a person's name: "China's ambassador to Britain accused ..." and, paragraphs
    /// on, "China's ambassador to Britain Liu Xiaming has said".
    fn named_later_with_role(&self, np: Np) -> Option<usize> {
        let words = |s: &str| -> Vec<String> {
            s.split_whitespace()
                .map(|w| w.replace('’', "'").to_lowercase())
                .filter(|w| w != "the")
                .collect()
        };
        let want = words(np.span.text(self.text));
        if want.len() < 3 {
            return None;
        }
        // The text right before a later person's name, in the same number of words.
        let m = self.tagged.mentions.iter().find(|m| {
            m.span.start >= np.span.end
                && !m.in_quote
                && self.etype(m.entity) == EntityType::Person
                && {
                    let from = m.span.start.saturating_sub(np.span.len() + 16);
                    let from = (from..m.span.start)
                        .find(|&b| self.text.is_char_boundary(b))
                        .unwrap_or(m.span.start);
                    let before = words(&self.text[from..m.span.start]);
                    before.len() >= want.len() && before[before.len() - want.len()..] == want[..]
                }
        })?;
        Some(m.entity)
    }

    /// The person the article is about: named outside quotes at least three times, and more
    /// often than anyone else.
    fn main_person(&self) -> Option<usize> {
        let mut counts: FastMap<usize, usize> = FastMap::default();
        for m in &self.tagged.mentions {
            if !m.in_quote && self.etype(m.entity) == EntityType::Person {
                *counts.entry(m.entity).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(e, n)| (n, e)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        match ranked.as_slice() {
            [(n, e), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(m, _)| m < n) => Some(*e),
            _ => None,
        }
    }

    /// Whether the cue at `i` takes the person addressed as its object ("telling Cook").
    fn addresses(&self, i: usize) -> bool {
        let words: Vec<&str> = (i..(i + 3).min(self.items.len()))
            .map_while(|k| self.word(k))
            .collect();
        self.lex
            .cue_at(&words)
            .is_some_and(|c| self.lex.takes_addressee(&c.lemma))
    }

    /// The phrase's last space-separated word, its head ("the Harbury manager": "manager").
    fn last_word(&self, np: Np) -> &'a str {
        np.span.text(self.text).rsplit(' ').next().unwrap_or("")
    }

    /// The antecedent of a relative clause without commas that ends before item `upto`
    /// ("a man who saw the crash", "the panel that oversees railroads"): the phrase before
    /// "who", "which", "whose" or "that", when the clause between is lower-case words with
    /// no cue and the word before it is no cue ("said that" opens what was said).
    fn relative_antecedent(&self, upto: usize, s_start: usize) -> Option<Np> {
        let r = (upto.saturating_sub(6).max(s_start + 1)..upto)
            .rev()
            .find(|&r| {
                self.word(r)
                    .is_some_and(|w| self.lex.is_relative_pronoun(w) || lower_is(w, "that"))
            })?;
        if r + 1 >= upto
            || self.cue_at(r - 1).is_some()
            || !(r + 1..upto).all(|x| {
                self.word(x).is_some_and(|w| !is_capitalised(w)) && self.cue_at(x).is_none()
            })
        {
            return None;
        }
        // "The chairman of the panel that ...": the sentence's subject, when the phrase
        // before "that" is a part of it. "that" only after the sentence's subject, with no
        // cue before it: "told the Commons that the US had agreed" opens what was said.
        let that = self.word(r).is_some_and(|w| lower_is(w, "that"));
        self.np_before(r, s_start, 0)
            .filter(|head| !that || head.first == s_start)
            .or_else(|| self.subject_of(s_start, r))
            .filter(|head| {
                let cue_before = head.first > s_start && self.cue_at(head.first - 1).is_some();
                let said_that = that && (s_start..r).any(|x| self.cue_at(x).is_some());
                !cue_before
                    && !said_that
                    && !matches!(head.kind, NpKind::Pronoun(..))
                    && !matches!(head.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Place)
            })
    }

    /// Whether a comma closes the cue that ends before item `j`, past at most its addressee
    /// and a time ("told The Jakarta Post on Sunday,", "told reporters,", "said on
    /// Monday,"): words of a name, determiners, prepositions and time words only, and one
    /// lower-case word right after the cue ("reporters").
    fn cue_closed_by_comma(&self, j: usize, ceil: usize) -> bool {
        const REACH: usize = 7;
        let end = (j + REACH).min(ceil);
        let Some(comma) = (j..end).find(|&k| self.is_punct(k, ',')) else {
            return false;
        };
        (j..comma).all(|k| {
            self.word(k).is_some_and(|w| {
                self.cue_at(k).is_none()
                    && (is_capitalised(w)
                        || k == j
                        || self.lex.is_determiner(w)
                        || self.lex.is_preposition(w)
                        || self.lex.is_time_word(w)
                        || self.lex.is_filler(w))
            })
        })
    }

    /// The cue verb starting at item `i`: its number of items and class.
    fn cue_at(&self, i: usize) -> Option<(usize, CueClass)> {
        match self.cues.get(i) {
            Some(&cue) => cue,
            None => self.cue_at_item(i),
        }
    }

    fn cue_at_item(&self, i: usize) -> Option<(usize, CueClass)> {
        let w = self.word(i)?;
        if is_capitalised(w) && i > 0 && !self.is_sentence_start(i) {
            // Capitalised mid-sentence: a name ("Says Law"), not a verb.
            return None;
        }
        // Most words start no cue: no need to gather the words after them.
        if !self.lex.may_start_cue(w) {
            return None;
        }
        let mut words: [&str; 3] = [""; 3];
        let mut n = 0;
        for k in i..(i + 3).min(self.items.len()) {
            match self.word(k) {
                Some(x) => {
                    words[n] = x;
                    n += 1;
                }
                None => break,
            }
        }
        let cue = self.lex.cue_at(&words[..n])?;
        // "would continue to make": carrying on, not speaking.
        if self.lex.is_aspect_cue(&cue.lemma)
            && self
                .word(i + cue.words.len())
                .is_some_and(|w| lower_is(w, "to"))
        {
            return None;
        }
        // A possessive is a noun: "the Jewish state's premier".
        if is_possessive(w)
            || self
                .word(i + 1)
                .is_some_and(|x| matches!(x, "'s" | "\u{2019}s"))
        {
            return None;
        }
        // A noun, not a verb: "the claims", "his comments", "Blair's warning", his "Nazi"
        // comment (but a "stellar year" said Roger Bennett).
        let before = match self.items.get(i.wrapping_sub(1)).map(|it| it.it) {
            Some(It::Quote(..)) if self.lex.is_speech_noun(w) => i.wrapping_sub(2),
            _ => i.wrapping_sub(1),
        };
        if let Some(prev) = self.word(before)
            && (self.lex.is_determiner(prev) || is_possessive(prev) || lower_is(prev, "said"))
        {
            return None;
        }
        Some((cue.words.len(), cue.class))
    }

    fn is_sentence_start(&self, i: usize) -> bool {
        self.sentences[self.items[i].sent].0 == i
    }

    /// Back over auxiliaries, adverbs and time phrases between a speaker and a cue ("has
    /// also", "last week", "on Monday").
    fn skip_fillers_back(&self, mut j: usize, floor: usize) -> usize {
        let mut timed = false;
        while j > floor {
            let Some(w) = self.word(j - 1) else { break };
            let time_noun = self.lex.is_time_word(w)
                && !self.lex.is_preposition(w)
                && !with_lowercase(w, |l| matches!(l, "last" | "this" | "next"));
            if time_noun {
                timed = true;
            }
            // Fillers that are also prepositions ("on", "in") only inside a time phrase; "to"
            // of "is set to" always.
            let filler =
                self.lex.is_filler(w) && (w == "to" || timed || !self.lex.is_preposition(w));
            let ok = filler || time_noun || self.lex.is_time_word(w) && timed;
            if !ok {
                break;
            }
            j -= 1;
        }
        j
    }

    fn skip_fillers_forward(&self, mut j: usize, ceil: usize) -> usize {
        while j < ceil
            && self
                .word(j)
                .is_some_and(|w| self.lex.is_filler(w) && self.cue_at(j).is_none())
        {
            j += 1;
        }
        j
    }

    /// "The Harbury manager" is a post someone named holds, unless the article brought in an
    /// unnamed one before ("One fund manager said ... the fund manager said"): a source noun
    /// of `definite_roles.txt` with no indefinite description of that noun before `first`.
    /// "The chief executive of a leading European car maker" is no one named either.
    fn definite_post(&self, head: &str, first: usize, end: usize) -> bool {
        let of_unnamed = self.word(end).is_some_and(|w| w == "of")
            && self.word(end + 1).is_some_and(is_indefinite_word);
        self.lex.is_definite_role(head) && !of_unnamed && !self.brought_in_unnamed(head, first)
    }

    /// Whether an indefinite description headed by `head` ("one farmer", "a London-based fund
    /// manager") comes before item `first`: "the farmer" after it is that unnamed person.
    fn brought_in_unnamed(&self, head: &str, first: usize) -> bool {
        (0..first).rev().take(2000).any(|k| {
            // The indefinite word heads that phrase: "a booking and his manager" is not one.
            self.word(k).is_some_and(|w| w.eq_ignore_ascii_case(head))
                && (k.saturating_sub(4)..k).any(|j| {
                    self.word(j).is_some_and(is_indefinite_word)
                        && (j + 1..k).all(|x| {
                            self.word(x).is_some_and(|w| {
                                !is_possessive(w)
                                    && !self.lex.is_determiner(w)
                                    && !self.lex.is_conjunction(w)
                                    && !self.lex.is_preposition(w)
                                    && self.lex.pronoun(w).is_none()
                            })
                        })
                })
        })
    }

    fn classify_head(&self, head: &str, first: usize, end: usize) -> Option<NpKind> {
        // The word lists below are asked in lower case anyway: no lower-cased copy.
        // "the dad-of-three", "a mother-of-two": the noun before "-of-" heads the phrase.
        let h = of_compound_head(head);
        let definite = self.word(first).is_some_and(|d| {
            with_lowercase(d, |d| {
                matches!(
                    d,
                    "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
                )
            })
        }) || (first + 1 < end && self.word(first + 1).is_some_and(is_possessive));
        if definite && self.lex.is_document_noun(h) {
            return Some(NpKind::Document);
        }
        // "the farmer shot back" after "one farmer asked": the unnamed person again.
        if self.lex.is_source_noun(h) && !(definite && self.definite_post(h, first, end))
            || self.lex.is_person_noun(h) && (!definite || self.brought_in_unnamed(h, first))
        {
            return Some(NpKind::Unnamed);
        }
        // A role of one or more words ending the phrase (the words gathered only when the last
        // one can end a role).
        let last = (first..end)
            .rev()
            .find_map(|k| self.word(k))
            .map(of_compound_head);
        let words: Vec<&str> = if last.is_some_and(|w| self.lex.may_end_role(w)) {
            (first..end)
                .filter_map(|k| self.word(k))
                .map(of_compound_head)
                .collect()
        } else {
            Vec::new()
        };
        let role = (1..=self.lex.role_max_words().min(words.len()))
            .rev()
            .find_map(|n| self.lex.role(&words[words.len() - n..]));
        // "the German", "the 32-year-old Spaniard": a person described by nationality.
        let demonym = definite
            && (self.gaz.is_demonym(head)
                || end >= first + 3
                    && self.word(end - 2).is_some_and(|w| {
                        is_capitalised(w) && self.gaz.is_demonym(&format!("{w} {head}"))
                    }));
        if role.is_some() || demonym {
            return Some(if definite {
                NpKind::Role { definite: true }
            } else {
                NpKind::Unnamed
            });
        }
        if self.lex.is_org_noun(h) {
            // "Dayton police", "the Kent fire service": a capitalised owner makes it a name.
            if (first..end - 1).any(|k| {
                self.word(k)
                    .is_some_and(|w| is_capitalised(w) && !self.lex.is_determiner(w))
            }) {
                return Some(NpKind::Name);
            }
            return Some(if definite {
                NpKind::OrgRef
            } else {
                NpKind::Unnamed
            });
        }
        None
    }

    /// The speaker phrase ending just before item `k`: a base phrase, widened to the noun
    /// before a preposition ("a spokesman for the Treasury", "officials at the Home Office").
    fn np_before(&self, k: usize, floor: usize, depth: u8) -> Option<Np> {
        let base = self.np_base_before(k, floor, depth)?;
        if matches!(base.kind, NpKind::Pronoun(..)) {
            return Some(base);
        }
        // "Amnesty International UK", "Save the Children USA": a body's national branch is
        // the body, not the country.
        if let NpKind::Entity(e) = base.kind
            && self.etype(e) == EntityType::Place
            && base.first > floor
            && let Some(&mi) = self.mention_end.get(&self.items[base.first - 1].span.end)
            && let m = self.tagged.mentions[mi]
            && self.etype(m.entity) == EntityType::Organisation
            && let Some(first) = self.item_at(m.span.start)
        {
            return Some(Np {
                kind: NpKind::Entity(m.entity),
                span: m.span.cover(base.span),
                first,
                end: k,
            });
        }
        let mut p = base.first;
        // "a spokesman for Health Minister Ana Souza", "an aide to Secretary of State Mike
        // Pompeo": a role before the person's name, and its modifiers back to a preposition.
        if matches!(base.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
            && let Some(n) = self.role_before(p, floor)
            && let Some(q) = (p.saturating_sub(n + 4).max(floor)..p - n)
                .rev()
                .take_while(|&q| {
                    self.word(q).is_some_and(|w| {
                        lower_is(w, "the")
                            || self.lex.is_preposition(w)
                            || !(self.is(q, WordList::Determiner)
                                || self.is(q, WordList::Conjunction)
                                || self.is(q, WordList::Pronoun)
                                || self.cue_at(q).is_some())
                    })
                })
                .find(|&q| self.is(q, WordList::Preposition))
            && self.word(q).is_some_and(|w| self.lex.is_on_behalf_preposition(w))
            // Not inside a name: "Bank of England governor Mervyn King", "Bank of Ruritania
            // governor Ivo Tal" (capitalised words either side).
            && !self.in_mention(self.items[q].span.start)
            && !(q > floor
                && self.word(q - 1).is_some_and(is_capitalised)
                && self.word(q + 1).is_some_and(is_capitalised))
        {
            p = q + 1;
        }
        if p > floor && self.word(p - 1).is_some_and(|x| lower_is(x, "the")) {
            p -= 1;
        }
        if p > floor
            && self.word(p - 1).is_some_and(|x| self.lex.is_preposition(x))
            && let Some(head) = self.np_before(p - 1, floor, depth + 1)
        {
            let person =
                matches!(head.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person);
            if person {
                return Some(Np {
                    span: head.span.cover(base.span),
                    end: k,
                    ..head
                });
            }
            if matches!(
                head.kind,
                NpKind::Unnamed | NpKind::Role { .. } | NpKind::OrgRef
            ) {
                let np = Np {
                    span: head.span.cover(base.span),
                    end: k,
                    ..head
                };
                // "Scott Stanzel, a spokesman for the campaign said": the same with a
                // description of the person.
                return Some(self.opening_person_before(np, floor, depth).unwrap_or(np));
            }
        }
        // "Colin Asplin, Blackpool Hotel Association said": a person opening the sentence,
        // then the body they speak for with no second comma; "Ann Lee, Labour's health
        // spokeswoman said", "Mark Ode, an aide to the mayor said": then a description.
        let described = matches!(base.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Organisation)
            || matches!(
                base.kind,
                NpKind::Name | NpKind::OrgRef | NpKind::Unnamed | NpKind::Role { .. }
            );
        if described && let Some(person) = self.opening_person_before(base, floor, depth) {
            return Some(person);
        }
        Some(base)
    }

    /// Whether the phrase is a name a clause says is all the person gave ("who gave his name
    /// only as Musa").
    fn is_named_only(&self, np: Np) -> bool {
        matches!(np.kind, NpKind::Entity(_))
            && self
                .mention_start
                .get(&np.span.start)
                .is_some_and(|&mi| self.is_named_only_mention(mi))
    }

    /// Whether mention `mi` was found by the name-giver rule ("who gave his name only as").
    fn is_named_only_mention(&self, mi: usize) -> bool {
        self.tagged.mentions[mi].rule == "named_only"
    }

    /// Whether a tagged mention covers byte `pos`.
    fn in_mention(&self, pos: usize) -> bool {
        let ms = &self.tagged.mentions;
        let i = ms.partition_point(|m| m.span.start <= pos);
        i > 0 && ms[i - 1].span.end > pos
    }

    /// How many words before item `p` make the longest role ending there.
    fn role_before(&self, p: usize, floor: usize) -> Option<usize> {
        let lo = p.saturating_sub(self.lex.role_max_words()).max(floor);
        let mut words: Vec<&str> = (lo..p).rev().map_while(|x| self.word(x)).collect();
        words.reverse();
        self.lex.role_suffix(&words).map(|(n, _)| n)
    }

    /// The person named at the start of the sentence just before the comma that opens `np`,
    /// an appositive left open before its cue, as the speaker in its place.
    fn opening_person_before(&self, np: Np, floor: usize, depth: u8) -> Option<Np> {
        let mut p = np.first;
        if p > floor && self.word(p - 1).is_some_and(|x| lower_is(x, "the")) {
            p -= 1;
        }
        if p <= floor || !self.is_punct(p - 1, ',') {
            return None;
        }
        let person = self.np_base_before(p - 1, floor, depth + 1)?;
        (matches!(person.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
            && self.is_sentence_start(person.first))
        .then_some(Np {
            end: np.end,
            ..person
        })
    }

    fn np_base_before(&self, k: usize, floor: usize, depth: u8) -> Option<Np> {
        if k <= floor || depth > 3 {
            return None;
        }
        let j = k - 1;
        let it = self.items[j];
        match it.it {
            It::Word => {
                let w = it.span.text(self.text);
                if let Some(&mi) = self.mention_end.get(&it.span.end) {
                    let m = self.tagged.mentions[mi];
                    let first = self.item_at(m.span.start)?;
                    return Some(Np {
                        kind: NpKind::Entity(m.entity),
                        span: m.span,
                        first,
                        end: k,
                    });
                }
                if let Some(p) = self.lex.pronoun(w) {
                    return Some(Np {
                        kind: NpKind::Pronoun(p.gender, p.plural),
                        span: it.span,
                        first: j,
                        end: k,
                    });
                }
                // "Peter Ainsworth MP said": letters after a person's name.
                if j > floor
                    && self.lex.is_post_nominal(w)
                    && let Some(&mi) = self.mention_end.get(&self.items[j - 1].span.end)
                    && let m = self.tagged.mentions[mi]
                    && self.etype(m.entity) == EntityType::Person
                    && let Some(first) = self.item_at(m.span.start)
                {
                    return Some(Np {
                        kind: NpKind::Entity(m.entity),
                        span: m.span,
                        first,
                        end: k,
                    });
                }
                // A common noun phrase: back to its determiner.
                let mut first = j;
                let mut n = 1;
                while first > floor && n < 8 {
                    let prev = first - 1;
                    // "The 56-year-old": numbers and hyphens inside the phrase.
                    if matches!(self.items[prev].it, It::Num | It::Punct('-')) {
                        first = prev;
                        n += 1;
                        continue;
                    }
                    let Some(pw) = self.word(prev) else { break };
                    if self.is(prev, WordList::Determiner) {
                        first = prev;
                        break;
                    }
                    // "The political reform group's general secretary": a possessive inside.
                    if is_possessive(pw) {
                        first = prev;
                        n += 1;
                        continue;
                    }
                    // "the work and pensions minister": "and" joining two modifiers of one
                    // head, the phrase opening with its determiner a word or two before.
                    if lower_is(pw, "and")
                        && let Some(d) = (prev.saturating_sub(3).max(floor)..prev)
                            .rev()
                            .take_while(|&d| self.word(d).is_some())
                            .find(|&d| self.is(d, WordList::Determiner))
                        && d + 1 < prev
                        && (d + 1..prev).all(|x| {
                            self.word(x).is_some_and(|w| !is_capitalised(w))
                                && !self.is(x, WordList::Preposition)
                                && !self.is(x, WordList::Conjunction)
                                && !self.is(x, WordList::Pronoun)
                        })
                    {
                        first = d;
                        break;
                    }
                    if self.is(prev, WordList::Preposition)
                        || self.is(prev, WordList::Conjunction)
                        || self.is(prev, WordList::Pronoun)
                        || self.cue_at(prev).is_some()
                        || self.is(prev, WordList::Filler) && !is_capitalised(pw)
                    {
                        break;
                    }
                    first = prev;
                    n += 1;
                }
                if let Some(kind) = self.classify_head(w, first, k) {
                    let span = Span::new(self.items[first].span.start, it.span.end);
                    return Some(Np {
                        kind,
                        span,
                        first,
                        end: k,
                    });
                }
                if is_capitalised(w) && !self.lex.is_not_name(w) && !self.lex.is_honorific(w) {
                    // A name in no gazetteer: the capitalised words before the cue.
                    let name_word = |x: &str| is_capitalised(x) && !self.lex.is_not_name(x);
                    let mut f = j;
                    loop {
                        while f > floor && self.word(f - 1).is_some_and(name_word) {
                            f -= 1;
                        }
                        // Joint names: "Ana and Nick said".
                        if f >= floor + 2
                            && self.word(f - 1) == Some("and")
                            && self.word(f - 2).is_some_and(name_word)
                        {
                            f -= 2;
                            continue;
                        }
                        break;
                    }
                    return Some(Np {
                        kind: NpKind::Name,
                        span: Span::new(self.items[f].span.start, it.span.end),
                        first: f,
                        end: k,
                    });
                }
                None
            }
            It::Punct(',') => {
                // An appositive or relative clause between the speaker and the cue:
                // "Stephen Kinnock, Labour's shadow immigration minister, said".
                let mut c = j;
                let lim = j.saturating_sub(20).max(floor);
                while c > lim {
                    c -= 1;
                    match self.items[c].it {
                        It::Punct(',') => {
                            // "His counterpart on the committee, Alan Beith, said": the name
                            // between the commas is the speaker (with any post-nominal
                            // letters: "Scottish Finance Minister, Tom McCabe MSP, said").
                            // "The agency, in a statement signed by its spokesman, Mr Tade
                            // Ajibola, said": a name renaming the agent of a phrase set off
                            // before it is not the subject; the body before that phrase is.
                            if let Some(p) = (c.saturating_sub(15).max(floor)..c)
                                .rev()
                                .find(|&p| self.is_punct(p, ','))
                                && self.word(p + 1).is_some_and(|w| self.lex.is_preposition(w))
                                && (p + 2..c)
                                    .any(|x| self.word(x).is_some_and(|w| lower_is(w, "by")))
                                && let Some(body) = self.np_before(p, floor, depth + 1)
                            {
                                return Some(Np { end: k, ..body });
                            }
                            let mut last = j - 1;
                            if last > c + 1
                                && self.word(last).is_some_and(|w| self.lex.is_post_nominal(w))
                            {
                                last -= 1;
                            }
                            if let Some(&mi) = self.mention_end.get(&self.items[last].span.end) {
                                let m = self.tagged.mentions[mi];
                                // "A driver, who gave his name only as Musa, said".
                                if self.is_named_only_mention(mi)
                                    && let Some(first) = self.item_at(m.span.start)
                                {
                                    return Some(Np {
                                        kind: NpKind::Entity(m.entity),
                                        span: m.span,
                                        first,
                                        end: k,
                                    });
                                }
                                // "The company that manages the plantation, Waikura Forest
                                // Partners, says": a body renamed, unless a person comes
                                // first ("Tom Hale, Acme Ltd, said").
                                let body = self.etype(m.entity) == EntityType::Organisation
                                    && !self.np_before(c, floor, depth + 1).is_some_and(|np| {
                                        matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
                                    });
                                if m.span.start == self.items[c + 1].span.start
                                    && (self.etype(m.entity) == EntityType::Person || body)
                                {
                                    return Some(Np {
                                        kind: NpKind::Entity(m.entity),
                                        span: m.span,
                                        first: c + 1,
                                        end: k,
                                    });
                                }
                            }
                            let np = self.np_before(c, floor, depth + 1)?;
                            // Appositives in a row ("Nick Davies, spokesman for the IAAF, which
                            // handed out the bans, said"): a person before an earlier comma is
                            // the speaker, not the body named in between.
                            if !matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
                            {
                                let mut d = np.first;
                                let lim2 = c.saturating_sub(30).max(floor);
                                while d > lim2 {
                                    d -= 1;
                                    if matches!(
                                        self.items[d].it,
                                        It::Quote(..) | It::Punct('.' | ';' | ':')
                                    ) {
                                        break;
                                    }
                                    if self.is_punct(d, ',')
                                        && let Some(p) = self.np_base_before(d, floor, depth + 1)
                                        && matches!(p.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
                                    {
                                        return Some(Np { end: k, ..p });
                                    }
                                }
                            }
                            return matches!(
                                np.kind,
                                NpKind::Entity(_)
                                    | NpKind::Name
                                    | NpKind::Unnamed
                                    | NpKind::Role { .. }
                                    | NpKind::OrgRef
                            )
                            .then_some(Np { end: k, ..np });
                        }
                        It::Quote(..) | It::Punct('.' | ';' | ':') => return None,
                        _ => {}
                    }
                }
                // A comma between the subject and its cue with none before it ("Chairman of
                // the Environmental Audit Committee Peter Ainsworth MP, said:"): a person named
                // right before it (post-nominal letters and all), with no cue in front of them.
                if c > floor {
                    return None;
                }
                let np = self.np_base_before(j, floor, depth)?;
                (matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
                    && (floor..np.first).all(|x| self.cue_at(x).is_none()))
                .then_some(Np { end: k, ..np })
            }
            It::Punct(')') => {
                let mut c = j;
                while c > floor {
                    c -= 1;
                    if self.is_punct(c, '(') {
                        return self
                            .np_before(c, floor, depth + 1)
                            .map(|np| Np { end: k, ..np });
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// The speaker phrase starting at item `k`, within `ceil` ("said Mr Blair", "said a
    /// spokesman for X", "said 20-year-old student Nick Vaughan", "said Sky Networks' Sophie
    /// Turner Laing").
    fn np_after(&self, k: usize, ceil: usize) -> Option<Np> {
        let sent_end = ceil.min(self.sent_of(k.min(self.items.len().saturating_sub(1))).1);
        if k >= sent_end {
            return None;
        }
        let Some(mut np) = self
            .np_base_after(k, sent_end)
            .or_else(|| self.owned_by_plain_noun(k, sent_end))
        else {
            return self.renamed_description(k, sent_end);
        };
        // A possessive: the speaker is what follows ("Sky Networks' Sophie Turner Laing",
        // "Labour's spokesman").
        let e = np.end;
        let possessive = e < sent_end
            && (self.word(e).is_some_and(is_possessive)
                || (self.is_punct(e, '\'') || self.is_punct(e, '’'))
                    && np.span.text(self.text).ends_with(['s', 'S']));
        if possessive
            && !matches!(np.kind, NpKind::Pronoun(..))
            && let Some(owned) = self.np_base_after(e + 1, sent_end)
        {
            if matches!(owned.kind, NpKind::Entity(_)) {
                return Some(Np {
                    span: np.span.cover(owned.span),
                    first: k,
                    ..owned
                });
            }
            // "the festival's executive director, Craig Prater": renamed below.
            np = Np {
                span: np.span.cover(owned.span),
                first: k,
                ..owned
            };
        }
        if let Some(withheld) = self.name_withheld(k, &np, sent_end) {
            return Some(withheld);
        }
        let e = np.end;
        // A place or body modifying a description before a person: "Florida state archivist
        // Jody Norman" is Jody Norman, whatever the lexicons know of "archivist".
        if matches!(np.kind, NpKind::Entity(x) if self.etype(x) != EntityType::Person)
            && let Some(p) = (e + 1..(e + 4).min(sent_end))
                .find(|&p| self.mention_start.contains_key(&self.items[p].span.start))
            && (e..p).all(|x| {
                self.word(x).is_some_and(|w| {
                    !is_capitalised(w)
                        && !self.lex.is_preposition(w)
                        && !self.lex.is_conjunction(w)
                        && !self.lex.is_determiner(w)
                        && !self.lex.is_filler(w)
                })
            })
            && let Some(person) = self.mention_np_at(p, sent_end)
            && matches!(person.kind, NpKind::Entity(x) if self.etype(x) == EntityType::Person)
        {
            return Some(Np {
                span: np.span.cover(person.span),
                first: k,
                ..person
            });
        }
        // A description renamed by an appositive: "The group, WeWorkers Coalition, ...",
        // "said the executive director, Craig Prater."
        // "said the museum's head of visitor services, Rana Ode": a short phrase of its own
        // before the comma.
        if matches!(
            np.kind,
            NpKind::OrgRef | NpKind::Role { .. } | NpKind::Unnamed
        ) && let Some(c) = (e..sent_end.min(e + 6)).find(|&c| {
            !self.word(c).is_some_and(|w| {
                !is_capitalised(w) && !self.lex.is_conjunction(w) && self.cue_at(c).is_none()
            })
        }) && let Some(named) = self.appositive_name(c, sent_end)
        {
            return Some(Np { first: k, ..named });
        }
        Some(np)
    }

    /// A relative clause ("Mr Hale, who ...,") or one withholding a name ("one member,
    /// speaking anonymously,") set off after the phrase, not a reported clause before a cue
    /// (", says Helmut Schneider").
    fn clause_follows(&self, np: &Np) -> bool {
        self.is_punct(np.end, ',')
            && (matches!(np.kind, NpKind::Unnamed)
                || self
                    .word(np.end + 1)
                    .is_some_and(|w| self.lex.is_relative_pronoun(w)))
    }

    /// "One life member, who asked not to be named,", "a Labour rebel, speaking on condition
    /// of anonymity,": the phrase from `k` through its head noun, followed by a clause that
    /// withholds a name, is an unnamed source, whatever its head and whatever body it names.
    fn name_withheld(&self, k: usize, np: &Np, sent_end: usize) -> Option<Np> {
        if matches!(np.kind, NpKind::Pronoun(..)) {
            return None;
        }
        let mut e = np.end;
        while e < sent_end && e - np.end < 3 && self.is_plain_word(e, np.first) {
            e += 1;
        }
        // "Tom Hale, who asked not to be named" names him all the same.
        if e == np.end && matches!(np.kind, NpKind::Entity(_)) || !self.is_punct(e, ',') {
            return None;
        }
        let clause: Vec<&str> = (e + 1..sent_end.min(e + 14))
            .take_while(|&x| !self.is_punct(x, ','))
            .filter_map(|x| self.word(x))
            .collect();
        if !self.lex.withholds_name(&clause) {
            return None;
        }
        let first = if (k..np.first).all(|x| self.is(x, WordList::Determiner)) {
            k.min(np.first)
        } else {
            np.first
        };
        Some(Np {
            kind: NpKind::Unnamed,
            span: Span::new(self.items[first].span.start, self.items[e - 1].span.end),
            first,
            end: e,
        })
    }

    /// The name in an appositive that starts with the comma at item `c` and is closed by a
    /// comma or the end of the sentence: ", Craig Prater," or ", Captain Ian Farquhar.".
    fn appositive_name(&self, c: usize, sent_end: usize) -> Option<Np> {
        if c + 1 >= sent_end || !self.is_punct(c, ',') {
            return None;
        }
        let named = self
            .mention_np_at(c + 1, sent_end)
            .or_else(|| self.np_base_after(c + 1, sent_end))
            .filter(|n| matches!(n.kind, NpKind::Entity(_)))?;
        let closed = named.end + 1 == sent_end && self.ends_sentence(named.end)
            || named.end < sent_end && self.is_punct(named.end, ',');
        closed.then_some(Np {
            end: (named.end + 1).min(sent_end),
            ..named
        })
    }

    /// A source or role owned by a plain noun: "the festival's director". The owner is of no
    /// kind the lexicons know, so the phrase is headed by what it owns.
    fn owned_by_plain_noun(&self, k: usize, sent_end: usize) -> Option<Np> {
        let p = (k + 1..sent_end.min(k + 4)).find(|&p| self.word(p).is_some_and(is_possessive))?;
        if !(k..p).all(|x| self.is_plain_word(x, k)) {
            return None;
        }
        let owned = self.np_base_after(p + 1, sent_end)?;
        matches!(owned.kind, NpKind::Role { .. } | NpKind::Unnamed).then(|| Np {
            span: self.items[k].span.cover(owned.span),
            first: k,
            ..owned
        })
    }

    /// A description of no kind the lexicons know, renamed by an appositive: "hunt master,
    /// Captain Ian Farquhar, said", "the festival's executive director, Craig Prater". A few
    /// lower-case words, then the name.
    fn renamed_description(&self, k: usize, sent_end: usize) -> Option<Np> {
        let apostrophe = |x: usize| self.is_punct(x, '\'') || self.is_punct(x, '’');
        let c = (k + 1..sent_end.min(k + 6))
            .find(|&c| !matches!(self.items[c].it, It::Word) && !apostrophe(c))?;
        let plain = (k..c).all(|x| {
            apostrophe(x)
                || self.word(x).is_some_and(is_possessive)
                || self.is_plain_word(x, k) && !self.is(x, WordList::Filler)
        });
        if !plain {
            return None;
        }
        let named = self.appositive_name(c, sent_end)?;
        matches!(named.kind, NpKind::Entity(x) if self.etype(x) == EntityType::Person).then_some(
            Np {
                span: self.items[k].span.cover(named.span),
                first: k,
                ..named
            },
        )
    }

    /// Whether item `x` is a plain lower-case word of a description that starts at item
    /// `first`: no preposition, conjunction or cue, and a determiner only first ("the
    /// festival's", "hunt master").
    fn is_plain_word(&self, x: usize, first: usize) -> bool {
        self.word(x).is_some_and(|w| !is_capitalised(w))
            && !self.is(x, WordList::Preposition)
            && !self.is(x, WordList::Conjunction)
            && self.cue_at(x).is_none()
            && (x == first || !self.is(x, WordList::Determiner))
    }

    /// A word that ends a run of modifiers before a name: a preposition, conjunction, cue or
    /// pronoun.
    fn ends_modifiers(&self, j: usize) -> bool {
        self.is(j, WordList::Preposition)
            || self.is(j, WordList::Conjunction)
            || self.cue_at(j).is_some()
            || self.is(j, WordList::Pronoun)
    }

    /// Two descriptions joined by "and" before a person's name: "former Olympian and BBC
    /// pundit Steve Cram", "writer and broadcaster Ann Lee". The word before the name is a
    /// lower-case noun, so "the minister and Tom Hart" (two people) is not one.
    fn joined_description_before_person(&self, k: usize, sent_end: usize) -> Option<Np> {
        let limit = sent_end.min(k + 10);
        let mut and = None;
        let mut j = k;
        while j < limit {
            if let Some(m) = self.mention_np_at(j, sent_end)
                && matches!(m.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
            {
                let noun_before = and.is_some_and(|a| j > a + 1)
                    && self
                        .word(j - 1)
                        .is_some_and(|w| !is_capitalised(w) && !lower_is(w, "and"));
                return noun_before.then(|| Np {
                    span: self.items[k].span.cover(m.span),
                    first: k,
                    ..m
                });
            }
            match self.items[j].it {
                It::Num | It::Punct('-') => {}
                It::Word => {
                    let w = self.items[j].span.text(self.text);
                    // Two capitalised words in a row are a name of their own ("pianist Bebo
                    // Valdes and singer Diego El Cigala" are two people).
                    let second_capital =
                        j > k && is_capitalised(w) && self.word(j - 1).is_some_and(is_capitalised);
                    if lower_is(w, "and") && and.is_none() && j > k {
                        and = Some(j);
                    } else if second_capital
                        || (j > k && self.is(j, WordList::Determiner))
                        || self.ends_modifiers(j)
                    {
                        return None;
                    }
                }
                _ => return None,
            }
            j += 1;
        }
        None
    }

    fn np_base_after(&self, k: usize, sent_end: usize) -> Option<Np> {
        let it = *self.items.get(k)?;
        if k >= sent_end {
            return None;
        }
        let is_person =
            |np: &Np| matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person);
        if let Some(np) = self.mention_np_at(k, sent_end)
            && is_person(&np)
        {
            return Some(np);
        }
        if let Some(w) = self.word(k)
            && let Some(p) = self.lex.pronoun(w)
        {
            return Some(Np {
                kind: NpKind::Pronoun(p.gender, p.plural),
                span: it.span,
                first: k,
                end: k + 1,
            });
        }
        if let Some(np) = self.joined_description_before_person(k, sent_end) {
            return Some(np);
        }
        // Modifiers before a name: "20-year-old politics student Nick Vaughan", "Labour MP
        // Paul Flynn", "NASA administrator Jim Bridenstine". An organisation or place named on
        // the way is the speaker only if no person follows ("the Electoral Commission").
        let mut j = k;
        let mut owner: Option<Np> = None;
        while j < sent_end && j - k < 10 {
            match self.items[j].it {
                It::Num | It::Punct('-') => {}
                It::Word => {
                    if (j > k && self.is(j, WordList::Determiner) && owner.is_none())
                        || self.ends_modifiers(j)
                    {
                        break;
                    }
                    if let Some(m) = self.mention_np_at(j, sent_end) {
                        if is_person(&m) {
                            return Some(Np {
                                span: it.span.cover(m.span),
                                first: k,
                                ..m
                            });
                        }
                        if owner.is_none()
                            && (k..j)
                                .all(|x| self.word(x).is_some_and(|w| self.lex.is_determiner(w)))
                        {
                            owner = Some(Np { first: k, ..m });
                            j = m.end;
                            continue;
                        }
                        break;
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if let Some(o) = owner {
            // "the Home Office spokesman": an organisation before a source or role word is
            // that person's affiliation; the phrase is headed by the noun.
            let tail_head = (o.end..j).rev().find_map(|x| self.word(x));
            // "the World Bank report said": a document speaks for the body that issued it.
            if tail_head.is_some_and(|h| self.lex.is_document_noun(h))
                && matches!(o.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Organisation)
            {
                return Some(Np {
                    span: it.span.cover(self.items[j - 1].span),
                    end: j,
                    ..o
                });
            }
            // "Richmond police", "Kent fire service": a place's or body's force is a name.
            if tail_head.is_some_and(|h| self.lex.is_org_noun(h))
                && !tail_head.is_some_and(|h| self.lex.is_source_noun(h))
            {
                // The name without its article: "US military", not "the US military".
                let from = if self.word(k).is_some_and(|w| self.lex.is_determiner(w)) {
                    k + 1
                } else {
                    k
                };
                return Some(Np {
                    kind: NpKind::Name,
                    span: self.items[from].span.cover(self.items[j - 1].span),
                    first: k,
                    end: j,
                });
            }
            let headed =
                tail_head.filter(|h| self.lex.is_source_noun(h) || self.lex.role(&[h]).is_some());
            match headed {
                Some(h) if self.lex.is_source_noun(h) => {
                    return Some(Np {
                        kind: NpKind::Unnamed,
                        span: it.span.cover(self.items[j - 1].span),
                        first: k,
                        end: j,
                    });
                }
                Some(_) => {
                    let definite = self.word(k).is_some_and(|w| lower_is(w, "the"));
                    let kind = if definite {
                        NpKind::Role { definite: true }
                    } else {
                        NpKind::Unnamed
                    };
                    return Some(Np {
                        kind,
                        span: it.span.cover(self.items[j - 1].span),
                        first: k,
                        end: j,
                    });
                }
                None => return Some(o),
            }
        }
        let w = self.word(k)?;
        // Words up to a preposition, punctuation or a verb; the last is the head.
        let mut end = k;
        while end < sent_end && end - k < 8 {
            // "a 2018 survey", "the 56-year-old": numbers and hyphens inside the phrase.
            if end > k && matches!(self.items[end].it, It::Num | It::Punct('-')) {
                end += 1;
                continue;
            }
            let Some(x) = self.word(end) else { break };
            if end > k
                && (self.is(end, WordList::Preposition)
                    || self.is(end, WordList::Conjunction)
                    || self.cue_at(end).is_some()
                    || is_possessive(x)
                    || (self.is(end, WordList::Filler) && !is_capitalised(x)))
            {
                break;
            }
            end += 1;
        }
        if end == k {
            return None;
        }
        // The phrase ends at its last noun of a kind we know: "The prime minister" in "The prime
        // minister shrugged off ...".
        let headed = (k + 1..=end).rev().find_map(|e| {
            let h = self.word(e - 1)?;
            Some((e, self.classify_head(h, k, e)?))
        });
        if headed.is_none() {
            // No head of a kind we know: a name, if the phrase ends in a word.
            self.word(end - 1)?;
        }
        if let Some((end, kind)) = headed {
            // A source named after it: "a 2018 survey by Penelope Muse Abernathy".
            if matches!(kind, NpKind::Unnamed | NpKind::Document)
                && end < sent_end
                && self
                    .word(end)
                    .is_some_and(|w| with_lowercase(w, |l| matches!(l, "by" | "from")))
                && let Some(named) = self.mention_np_at(end + 1, sent_end)
                && matches!(named.kind, NpKind::Entity(x) if self.etype(x) == EntityType::Person)
            {
                return Some(Np { first: k, ..named });
            }
            // Take a following "for the Home Office" into the phrase's words.
            let mut span = Span::new(it.span.start, self.items[end - 1].span.end);
            let mut e = end;
            if e < sent_end && self.word(e).is_some_and(|x| self.lex.is_preposition(x)) {
                let mut f = e + 1;
                while f < sent_end
                    && self
                        .word(f)
                        .is_some_and(|x| is_capitalised(x) || lower_is(x, "the"))
                {
                    f += 1;
                }
                if f > e + 1 {
                    span = span.cover(self.items[f - 1].span);
                    e = f;
                }
            }
            return Some(Np {
                kind,
                span,
                first: k,
                end: e,
            });
        }
        if is_capitalised(w)
            && !self.lex.is_not_name(w)
            && !self.lex.is_honorific(w)
            && !self.lex.is_determiner(w)
        {
            let name_word = |x: &str| is_capitalised(x) && !self.lex.is_not_name(x);
            let mut f = k;
            loop {
                while f < sent_end && self.word(f).is_some_and(name_word) {
                    f += 1;
                }
                // Joint names: "reply Ana and Nick".
                if f + 1 < sent_end
                    && self.word(f) == Some("and")
                    && self.word(f + 1).is_some_and(name_word)
                {
                    f += 1;
                    continue;
                }
                break;
            }
            return Some(Np {
                kind: NpKind::Name,
                span: Span::new(it.span.start, self.items[f - 1].span.end),
                first: k,
                end: f,
            });
        }
        None
    }

    /// The mention that starts at item `k`, as a phrase.
    fn mention_np_at(&self, k: usize, sent_end: usize) -> Option<Np> {
        // Callers may ask one past the sentence's last item: nothing starts there.
        if k >= sent_end {
            return None;
        }
        let it = *self.items.get(k)?;
        let &mi = self.mention_start.get(&it.span.start)?;
        let m = self.tagged.mentions[mi];
        let mut end = k;
        while end < sent_end && self.items[end].span.end <= m.span.end {
            end += 1;
        }
        Some(Np {
            kind: NpKind::Entity(m.entity),
            span: m.span,
            first: k,
            end,
        })
    }

    fn run(&mut self) -> Vec<Attribution> {
        let mut out: Vec<Attribution> = vec![Attribution::default(); self.quotes.len()];
        let mut order: Vec<usize> = (0..self.quotes.len()).collect();
        order.sort_by_key(|&q| self.quotes[q].outer().start);
        for qi in order {
            let a = self.attribute_one(qi, &out);
            let who = match (a.entity, a.unnamed, a.mention, a.name) {
                (Some(e), ..) => Some(Referent::Entity(e)),
                (None, true, Some(m), _) => Some(Referent::Unnamed(m, self.source_gender(m))),
                (None, false, _, Some(n)) => Some(Referent::Named(n)),
                _ => None,
            };
            if let Some(who) = who
                && let Some(&i) = self.quote_items[qi].first()
            {
                let it = self.items[i];
                self.push_salient(Salient {
                    pos: it.span.start,
                    sent: it.sent,
                    who,
                    speaker: true,
                    pronoun: None,
                });
            }
            self.note_speaker(qi, &a);
            out[qi] = a;
        }
        out
    }

    /// Keeps `sole_speaker` up to date: the one entity every quote so far was given to.
    fn note_speaker(&mut self, qi: usize, a: &Attribution) {
        if a.kind == QuoteKind::Other || a.method.is_empty() || self.several_speakers {
            return;
        }
        match (a.entity, self.sole_speaker) {
            (Some(e), None) if self.etype(e) != EntityType::Place => {
                self.sole_speaker = Some((e, qi, 1))
            }
            (Some(e), Some((s, _, n))) if s == e => self.sole_speaker = Some((e, qi, n + 1)),
            (None, _) if !(a.unnamed || a.name.is_some()) => {}
            _ => {
                self.several_speakers = true;
                self.sole_speaker = None;
            }
        }
    }

    /// Salient entries with `from <= pos < to`, in text order: bounded windows keep every
    /// look-back linear in the size of the document.
    fn salient(&self, from: usize, to: usize) -> Vec<&Salient> {
        fn range(v: &[Salient], from: usize, to: usize) -> &[Salient] {
            let a = v.partition_point(|s| s.pos < from);
            let b = v.partition_point(|s| s.pos < to).max(a);
            &v[a..b]
        }
        let (a, b) = (
            range(&self.salience, from, to),
            range(&self.dynamic, from, to),
        );
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if j >= b.len() || (i < a.len() && a[i].pos <= b[j].pos) {
                out.push(&a[i]);
                i += 1;
            } else {
                out.push(&b[j]);
                j += 1;
            }
        }
        out
    }

    /// Where sentence `back` sentences before `sent` starts (the document's start if none).
    fn window_start(&self, sent: usize, back: usize, pos: usize) -> usize {
        // Sentences can be huge (a page with no full stop): never more than this many bytes.
        const MAX_BYTES: usize = 6_000;
        let start = self.items[self.sentences[sent.saturating_sub(back)].0]
            .span
            .start;
        start.max(pos.saturating_sub(MAX_BYTES))
    }

    fn push_salient(&mut self, s: Salient) {
        // Added near the end of what is known: the shift is short.
        let at = self.dynamic.partition_point(|x| x.pos <= s.pos);
        self.dynamic.insert(at, s);
    }

    fn attribute_one(&mut self, qi: usize, done: &[Attribution]) -> Attribution {
        let q = &self.quotes[qi];
        let Some(&first) = self.quote_items[qi].first() else {
            return Attribution {
                method: "none".into(),
                ..Attribution::default()
            };
        };
        let last = *self.quote_items[qi].last().expect("non-empty");
        if q.headline {
            return self.attribute_headline(qi, first, last);
        }
        let found = self.find_frame(first, last, done);
        let mut a = Attribution::default();
        if let Some(f) = found {
            let (who, how) = self.resolve(f.np);
            a.entity = who.entity;
            a.joint.extend(who.joint);
            a.name = who.name;
            a.unnamed = who.unnamed;
            a.mention = Some(f.np.span);
            a.cue = f.cue;
            let resolved = who.entity.is_some() || who.name.is_some() || who.unnamed;
            a.method = if how.is_empty() {
                f.method.to_string()
            } else {
                format!("{}+{how}", f.method)
            };
            a.confidence = if resolved {
                f.confidence * if how == "salience" { 0.7 } else { 1.0 }
            } else {
                0.2
            };
            if let (NpKind::Pronoun(g, false), Some(e)) = (f.np.kind, who.entity) {
                self.learn_gender(e, g);
            }
        }
        a.kind = self.kind_of(qi, first, last, &a);
        if a.kind == QuoteKind::Other {
            return Attribution {
                kind: QuoteKind::Other,
                method: "other".into(),
                confidence: 0.6,
                ..Attribution::default()
            };
        }
        if a.method.is_empty() {
            a.method = "none".into();
        }
        a
    }

    fn learn_gender(&mut self, e: usize, g: Gender) {
        if g != Gender::Unknown && self.entity_gender(e) == Gender::Unknown {
            self.genders.insert(e, g);
        }
    }

    fn entity_gender(&self, e: usize) -> Gender {
        if let Some(&g) = self.genders.get(&e) {
            return g;
        }
        match self.tagged.entities.get(e) {
            Some(d) => d.gender,
            None => {
                self.gaz
                    .entity(self.extra_entities[e - self.tagged.entities.len()])
                    .gender
            }
        }
    }

    /// Entities past the article's list are gazetteer people found by role (see
    /// [`Attributor::extra_entities`]); the pipeline appends them in this order.
    fn etype(&self, e: usize) -> EntityType {
        match self.tagged.entities.get(e) {
            Some(d) => d.etype,
            None => {
                self.gaz
                    .entity(self.extra_entities[e - self.tagged.entities.len()])
                    .etype
            }
        }
    }

    /// The reporting frame of a quote whose first and last segment items are given.
    fn find_frame(&self, first: usize, last: usize, done: &[Attribution]) -> Option<Found> {
        let (s_start, _) = self.sent_of(first);
        let (_, s_end) = self.sent_of(last);
        // 1. A cue right after the quote: `"...," he said` / `"...," said X`.
        if let Some(f) = self.cue_after(last + 1, s_end) {
            return Some(f);
        }
        // The quote ended its sentence and the next is only the attribution: `"Why?" Mr X asked.`
        // After a question or exclamation closing the quote, the next sentence may go on past
        // a speaker and cue that open it: `"Where is the dike?" Senator X said, holding up a
        // photo of an empty riverbank in Calumpit.`
        let asked = s_end == last + 1 && self.quote_ends_in(last, &['?', '!']);
        let next_end = self.sent_of(s_end.min(self.items.len() - 1)).1;
        let short = s_end < self.items.len() && self.next_is_quote_free_clause(s_end);
        if s_end < self.items.len()
            && self.items[s_end].para == self.items[last].para
            && self.is_sentence_start(s_end)
            && (short
                || asked && (s_end..next_end).all(|k| !matches!(self.items[k].it, It::Quote(..))))
            && let Some(f) = self.cue_after(s_end, next_end)
            && (short
                || f.cue.is_some_and(|c| {
                    // The cue near the start, and closed by a comma: "X said, holding up",
                    // "X told The Jakarta Post on Sunday, standing", not "X accepted referee
                    // Dallas had no option".
                    let after = self.items.partition_point(|it| it.span.start < c.end);
                    self.items[(s_end + 8).min(self.items.len() - 1)].span.end >= c.end
                        && self.cue_closed_by_comma(after, next_end)
                }))
        {
            return Some(Found {
                method: "cue_after",
                confidence: f.confidence * 0.9,
                ..f
            });
        }
        // 2. `X: "..."`
        if first > s_start
            && self.is_punct(first - 1, ':')
            && !(s_start..first - 1).any(|k| self.cue_at(k).is_some())
            && let Some(np) = self.np_before(first - 1, s_start, 0)
        {
            return Some(Found {
                np,
                cue: None,
                method: "colon",
                confidence: 0.85,
            });
        }
        // "a call for him to "pause for thought" from Charles Kennedy": the noun's speaker,
        // named after the quote, not the subject of a cue before ("Clarke has vowed to ...").
        if let Some(f) = self.speech_noun_then_from(first, last, s_start, s_end) {
            return Some(f);
        }
        if let Some(f) = self.passive_agent(first, last, s_start, s_end) {
            return Some(f);
        }
        if let Some(f) = self.cue_inside(first, s_start) {
            return Some(f);
        }
        // 3. A cue before the quote in its sentence.
        if let Some(f) = self.cue_before(first, s_start) {
            return Some(f);
        }
        // 4. A cue later in the sentence, not right after the quote.
        let mut k = last + 1;
        while k < s_end.min(last + 60) {
            if matches!(self.items[k].it, It::Quote(..)) {
                k += 1;
                continue;
            }
            if let Some((n, class)) = self.cue_at(k)
                && class != CueClass::Label
            {
                let j = self.skip_fillers_back(k, last + 1);
                if let Some(np) = self.np_before(j, last + 1, 0) {
                    return Some(Found {
                        np,
                        cue: Some(self.span_of(k, k + n)),
                        method: "cue_in_sentence",
                        confidence: 0.85,
                    });
                }
                if !self.addresses(k)
                    && let Some(np) = self.np_after(k + n, s_end)
                {
                    return Some(Found {
                        np,
                        cue: Some(self.span_of(k, k + n)),
                        method: "cue_in_sentence",
                        confidence: 0.8,
                    });
                }
            }
            k += 1;
        }
        // 5. "Rishi Sunak's pledge to "stop the boats"", "his description of it as "..."".
        if let Some(f) = self.possessive_frame(first, s_start) {
            return Some(f);
        }
        // 6. No frame in the sentence: look around it.
        self.context_frame(first, done)
    }

    fn span_of(&self, from: usize, to: usize) -> Span {
        self.items[from].span.cover(self.items[to - 1].span)
    }

    fn next_is_quote_free_clause(&self, s: usize) -> bool {
        let (a, b) = self.sentences[self.items[s].sent];
        b - a <= 14 && (a..b).all(|k| !matches!(self.items[k].it, It::Quote(..)))
    }

    /// `"...," said X`, `"...," X said`, `"...," according to X`, starting at item `k`.
    fn cue_after(&self, k: usize, s_end: usize) -> Option<Found> {
        let mut k = k;
        let mut skipped = 0;
        while k < s_end
            && skipped < 2
            && matches!(self.items[k].it, It::Punct(',' | '—' | '–' | '-'))
        {
            k += 1;
            skipped += 1;
        }
        if k >= s_end {
            return None;
        }
        if let Some(w) = self.word(k)
            && lower_is(w, "according")
            && self.word(k + 1).is_some_and(|x| lower_is(x, "to"))
        {
            let np = self.np_after(k + 2, s_end)?;
            return Some(Found {
                np,
                cue: Some(self.span_of(k, k + 2)),
                method: "cue_after",
                confidence: 0.9,
            });
        }
        // Inverted: `said Mr Blair`, `added the minister`.
        if let Some((n, class)) = self.cue_at(k)
            && class != CueClass::Label
        {
            let after = self.skip_fillers_forward(k + n, s_end);
            // `", adding that the government ..."`: what follows "that" is what was said.
            let content = self.word(after).is_some_and(|w| lower_is(w, "that"));
            if !self.addresses(k)
                && !content
                && let Some(np) = self.np_after(after, s_end)
            {
                return Some(Found {
                    np,
                    cue: Some(self.span_of(k, k + n)),
                    method: "cue_after",
                    confidence: 0.95,
                });
            }
            return None;
        }
        // `"take detailed histories" of the patients, Dempsey said`: a preposition carries
        // the writer's sentence on; no speaker phrase starts here.
        if self.word(k).is_some_and(|w| self.lex.is_preposition(w)) {
            return None;
        }
        // `"a new Gannett," as Reed dubbed it`: "as" lets a labelling verb name the speaker.
        let as_label = self.word(k).is_some_and(|w| w == "as");
        let k = if as_label { k + 1 } else { k };
        // `Mr Blair said`, `he told the BBC`, `Stephen Kinnock, the minister, said`.
        let np = self.np_after(k, s_end)?;
        let j = np.end;
        let cue_at = |j: usize| {
            let j = self.skip_fillers_forward(j, s_end);
            match self.cue_at(j) {
                Some((n, class)) if j < s_end && (as_label || class != CueClass::Label) => {
                    Some(self.span_of(j, j + n))
                }
                _ => None,
            }
        };
        if let Some(cue) = cue_at(j) {
            return Some(Found {
                np,
                cue: Some(cue),
                method: "cue_after",
                confidence: 0.95,
            });
        }
        // "Kirsten Pfeifer from the Consumer Electronics Association, told ...": a person's
        // organisation after them, a stray comma allowed.
        if matches!(np.kind, NpKind::Entity(x) if self.etype(x) == EntityType::Person)
            && self
                .word(j)
                .is_some_and(|w| matches!(w, "of" | "from" | "at" | "with"))
        {
            let o = if self.word(j + 1).is_some_and(|w| lower_is(w, "the")) {
                j + 2
            } else {
                j + 1
            };
            if o < s_end
                && let Some(org) = self.mention_np_at(o, s_end)
            {
                let after = if self.is_punct(org.end, ',') {
                    org.end + 1
                } else {
                    org.end
                };
                if let Some(cue) = cue_at(after) {
                    return Some(Found {
                        np,
                        cue: Some(cue),
                        method: "cue_after",
                        confidence: 0.9,
                    });
                }
            }
        }
        if j < s_end && self.is_punct(j, ',') {
            // An appositive, possibly with commas of its own ("Dylan Nelson, a fellow at the
            // Institute in Munich, Germany, said"): the first ", <cue>" within reach.
            let mut c = j + 1;
            while c < s_end && c - j < 30 && !matches!(self.items[c].it, It::Quote(..)) {
                // Closed by a comma, or left open after a name ("..., founder of the Simon
                // Wiesenthal Center said").
                // Or after a role ("..., a Lufthansa spokesman told the BBC").
                let closes = self.is_punct(c, ',')
                    || self.mention_end.contains_key(&self.items[c].span.end)
                    || self.word(c).is_some_and(|w| {
                        self.lex.is_source_noun(w) || self.lex.role(&[w]).is_some()
                    });
                if closes && let Some(cue) = cue_at(c + 1) {
                    return Some(Found {
                        np,
                        cue: Some(cue),
                        method: "cue_after",
                        confidence: 0.9,
                    });
                }
                // Left open after any noun ("..., a research analyst at the Council on
                // Energy, Environment and Water think tank told CBS News").
                if c > j + 2
                    && let Some((n, CueClass::Speech)) = self.cue_at(c)
                    && self
                        .word(c - 1)
                        .is_some_and(|w| !self.lex.is_filler(w) && !self.lex.is_preposition(w))
                {
                    return Some(Found {
                        np,
                        cue: Some(self.span_of(c, c + n)),
                        method: "cue_after",
                        confidence: 0.8,
                    });
                }
                c += 1;
            }
        }
        None
    }

    /// The nearest cue before the quote in its sentence, and its subject.
    fn cue_before(&self, first: usize, s_start: usize) -> Option<Found> {
        let mut k = first;
        let mut coordinated = false;
        let mut subject_cue = None;
        while k > s_start {
            k -= 1;
            if first - k > 40 {
                break;
            }
            // "According to the White House, he made a trip for a "quick exam"", "According to
            // him, "Nobody called us."" (a pronoun standing alone, in its object form).
            if self.word(k).is_some_and(|w| lower_is(w, "according"))
                && self.word(k + 1).is_some_and(|w| lower_is(w, "to"))
                && let Some(np) = self.np_after(k + 2, first).or_else(|| {
                    let p = self.lex.any_pronoun(self.word(k + 2)?)?;
                    (k + 3 <= first && self.word(k + 3).is_none()).then_some(Np {
                        kind: NpKind::Pronoun(p.gender, p.plural),
                        span: self.items[k + 2].span,
                        first: k + 2,
                        end: k + 3,
                    })
                })
            {
                return Some(Found {
                    np,
                    cue: Some(self.span_of(k, k + 2)),
                    method: "cue_before",
                    confidence: 0.85,
                });
            }
            let Some((n, class)) = self.cue_at(k) else {
                continue;
            };
            if k + n > first {
                continue;
            }
            // A participle opening the sentence ("Asked about it, Mr X said: ...") is not the cue.
            if self
                .word(k)
                .is_some_and(|w| is_capitalised(w) && (w.ends_with("ing") || w.ends_with("ed")))
                && k == s_start
            {
                continue;
            }
            // "the system, branded "Bread Card Plus," had cut waste by "...": a labelling
            // participle set off by a comma labels the quote right after it, not a later one.
            if class == CueClass::Label
                && k > s_start
                && self.is_punct(k - 1, ',')
                && self.word(k).is_some_and(|w| w.ends_with("ed"))
                && k + n < first
                && matches!(self.items[k + n].it, It::Quote(..))
            {
                continue;
            }
            // "When Mrs Ellison reported the theft, Heartland Bank refused ..., saying": a cue
            // inside an opening subordinate clause is not the main clause's ("As he said, ..."
            // is).
            if let Some(opener) = self.word(s_start)
                && self.lex.is_subordinator(opener)
                && !lower_is(opener, "as")
                && let Some(c) = (s_start + 1..first).find(|&c| self.is_punct(c, ','))
                && k < c
            {
                continue;
            }
            let cue = self.span_of(k, k + n);
            let adjacent = self.is_adjacent(k + n, first);
            let conf = if adjacent { 0.95 } else { 0.85 };
            let method = "cue_before";
            // Subject before the cue.
            let j = self.skip_fillers_back(k, s_start);
            let prev = if j > s_start { self.word(j - 1) } else { None };
            let joined = prev.is_some_and(|w| self.lex.is_conjunction(w))
                || (j > s_start
                    && self.is_punct(j - 1, ',')
                    && j >= 2
                    && matches!(self.items[j - 2].it, It::Quote(..)));
            // "He said X but noted that ...": the subject of the earlier cue; "Mr X e-mailed Mr
            // Y saying ...": a participle's subject is the sentence's, not the name before it.
            // ... unless "with" makes the name its subject ("with leader Charles Kennedy saying").
            // "with leader Charles Kennedy saying", "a letter from president Lee Scott saying":
            // the person after "with", "from" or "by" is the participle's subject.
            let with_subject = self.np_before(j, s_start, 0).is_some_and(|np| {
                matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
                    && (np.first.saturating_sub(5).max(s_start)..np.first)
                        .rev()
                        .map_while(|f| self.word(f))
                        .take_while(|w| {
                            !self.lex.is_preposition(w)
                                || with_lowercase(w, |l| matches!(l, "with" | "from" | "by"))
                        })
                        .any(|w| with_lowercase(w, |l| matches!(l, "with" | "from" | "by")))
            });
            let participle = self.word(k).is_some_and(|w| w.ends_with("ing"))
                && j == k
                && j > s_start
                && !with_subject;
            // "... appear at a church in Bakersfield to explain how ...": an infinitive of
            // purpose, whose subject is the sentence's, unlike "is set to argue".
            // ("allowed Mosseri to claim" keeps the person before "to" as the subject.)
            let purpose = k >= 2
                && self.word(k - 1) == Some("to")
                && self.word(k - 2).is_some_and(|w| !self.lex.is_filler(w))
                && !self
                    .np_before(k - 1, s_start, 0)
                    .is_some_and(|np| match np.kind {
                        NpKind::Entity(e) => self.etype(e) == EntityType::Person,
                        NpKind::Pronoun(..) | NpKind::Name => true,
                        _ => false,
                    });
            if joined || participle || purpose || prev.is_some_and(|w| lower_is(w, "to")) {
                coordinated = true;
                subject_cue = subject_cue.or(Some(cue));
                continue;
            }
            // "Oxfam, which said ...", "Anna Berg, who told the BBC ...": the cue's subject is
            // the phrase before the relative clause.
            let relative = j >= s_start + 3
                && prev.is_some_and(|w| self.lex.is_relative_pronoun(w))
                && self.is_punct(j - 2, ',');
            let j = if relative { j - 2 } else { j };
            let np = self.np_before(j, s_start, 0);
            // "A man who watches trains said", "The chairman of the panel that oversees
            // railroads said", "One resident who knows Mr Park said": the cue closes a
            // relative clause; its antecedent is the subject.
            // "A driver who gave his name only as Musa said": the name the clause gives is
            // the speaker.
            if let Some(named) = np.filter(|np| self.is_named_only(*np)) {
                return Some(Found {
                    np: named,
                    cue: Some(cue),
                    method,
                    confidence: conf,
                });
            }
            if !relative
                && let Some(head) =
                    self.relative_antecedent(np.as_ref().map_or(j, |np| np.first), s_start)
            {
                return Some(Found {
                    np: head,
                    cue: Some(cue),
                    method,
                    confidence: conf * 0.9,
                });
            }
            // A place is not the subject of "who" ("Princess Marguerite of Romania, the eldest
            // daughter of ex-King Michael of Romania, who said").
            if let Some(np) = np.filter(|np| {
                !relative
                    || !matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Place)
            }) {
                // "The authors of the research published in the journal JAMA Psychiatry
                // argued": the name closes a participle clause; the subject is before it.
                let mut p = np.first;
                while p > s_start
                    && np.first - p < 3
                    && self
                        .word(p - 1)
                        .is_some_and(|w| !is_capitalised(w) && !self.lex.is_preposition(w))
                {
                    p -= 1;
                }
                if !relative
                    && p >= s_start + 3
                    && self.word(p - 1).is_some_and(|w| self.lex.is_preposition(w))
                    && self.word(p - 2).is_some_and(|w| self.lex.is_authorship(w))
                    && let Some(subject) = self.subject_of(s_start, p - 2)
                    && !matches!(subject.kind, NpKind::Pronoun(..))
                {
                    return Some(Found {
                        np: subject,
                        cue: Some(cue),
                        method,
                        confidence: conf * 0.9,
                    });
                }
                // "Y said that for the minister to claim X "is spin"": the subject of a
                // for-to clause is not who is quoted; look further back.
                if np.first > s_start
                    && self.word(np.first - 1).is_some_and(|w| lower_is(w, "for"))
                    && (j..k).any(|x| self.word(x) == Some("to"))
                {
                    coordinated = true;
                    continue;
                }
                return Some(Found {
                    np,
                    cue: Some(cue),
                    method,
                    confidence: conf,
                });
            }
            // "Said Mr X:" at the start of a sentence.
            if j == s_start
                && let Some(np) = self.np_after(k + n, first)
            {
                return Some(Found {
                    np,
                    cue: Some(cue),
                    method,
                    confidence: conf * 0.9,
                });
            }
            // A participle with no subject right before it ("He contacted the show saying ...
            // "x""): the subject of the sentence. A finite form with no subject is a noun
            // ("member states"), not a cue.
            if class != CueClass::Label && self.word(k).is_some_and(|w| w.ends_with("ing")) {
                coordinated = true;
                subject_cue = subject_cue.or(Some(cue));
            }
        }
        if coordinated && let Some(np) = self.subject_of(s_start, first) {
            return Some(Found {
                np,
                cue: subject_cue,
                method: "cue_before",
                confidence: 0.8,
            });
        }
        // "But told BBC News: ...": a sentence opening with its verb shares the subject of the
        // sentence before.
        let sent = self.items[first].sent;
        if coordinated
            && sent > 0
            && self
                .word(s_start)
                .is_some_and(|w| self.lex.is_conjunction(w))
            && self.items[self.sentences[sent - 1].0].para == self.items[first].para
        {
            let (ps, pe) = self.sentences[sent - 1];
            if let Some(f) = self.cue_subject_in(ps, pe) {
                return Some(Found {
                    cue: subject_cue.or(f.cue),
                    method: "cue_before",
                    confidence: 0.75,
                    ..f
                });
            }
        }
        None
    }

    /// The first speech cue of items `ps..pe` that has a subject: "X criticised the plan".
    fn cue_subject_in(&self, ps: usize, pe: usize) -> Option<Found> {
        for k in ps..pe {
            if let Some((n, class)) = self.cue_at(k)
                && class == CueClass::Speech
            {
                let j = self.skip_fillers_back(k, ps);
                // "Phones will be woven into jackets, says Ms Hartley." and "Then, says Mr
                // Kotamaraja, the world found out.": the cue set off by a comma, its subject
                // after it, closing the sentence or the aside.
                let inverted = (j > ps && self.is_punct(j - 1, ','))
                    .then(|| self.np_after(self.skip_fillers_forward(k + n, pe), pe))
                    .flatten()
                    .filter(|np| {
                        np.end == pe || self.is_punct(np.end, '.') || self.is_punct(np.end, ',')
                    });
                if let Some(np) = inverted
                    .or_else(|| self.np_before(j, ps, 0))
                    .or_else(|| self.subject_of(ps, k))
                {
                    return Some(Found {
                        np,
                        cue: Some(self.span_of(k, k + n)),
                        method: "previous_sentence",
                        confidence: 0.75,
                    });
                }
            }
        }
        None
    }

    /// Only "that", an object of "told" ("told the BBC", "told BBC Radio 4's Today programme"),
    /// a colon or a comma between the cue's end and the quote.
    fn is_adjacent(&self, from: usize, quote: usize) -> bool {
        let mut words = 0;
        for k in from..quote {
            match self.items[k].it {
                It::Word | It::Num => words += 1,
                It::Punct(':' | ',') => {}
                It::Punct(_)
                    if self.word(k).is_none() && self.items[k].span.text(self.text) == "’" => {}
                _ => return false,
            }
        }
        // With words between ("told the BBC:"), a colon, comma or "that" must introduce the
        // quote; "says his favourite novel is "X"" is no quoted clause of the cue.
        let introduced = quote > from
            && (matches!(self.items[quote - 1].it, It::Punct(':' | ','))
                || self.word(quote - 1).is_some_and(|w| lower_is(w, "that")));
        words <= 6 && (words == 0 || introduced)
    }

    /// The subject of the sentence: its first speaker phrase outside an opening adverbial.
    fn subject_of(&self, s_start: usize, before: usize) -> Option<Np> {
        let mut k = s_start;
        // "But the government is continuing to insist ..." (not "After the hearing, ...").
        if self
            .word(k)
            .is_some_and(|w| self.lex.is_conjunction(w) && !self.lex.opens_clause(w))
        {
            k += 1;
        }
        // "Earlier Tory leader Michael Howard sent ...": an adverb before the subject.
        if self.word(k).is_some_and(|w| self.lex.is_opening_adverb(w))
            && !self.is_punct(k + 1, ',')
            && k + 1 < before
        {
            k += 1;
        }
        // Skip an opening phrase up to its comma ("In a speech on Tuesday, ...").
        if let Some(w) = self.word(k)
            && (self.lex.is_preposition(w)
                || self.lex.is_not_name(w) && !self.lex.is_determiner(w)
                || w.ends_with("ing"))
            && self.lex.pronoun(w).is_none()
            && let Some(c) = (k..before.min(k + 20)).find(|&c| self.is_punct(c, ','))
        {
            k = c + 1;
        }
        let np = self.np_after(k, before)?;
        // A bare capitalised word is too weak a subject ("Critics say"); a named force or
        // body with its owner ("The US military") is not.
        let weak_name =
            matches!(np.kind, NpKind::Name) && !self.lex.is_org_noun(self.last_word(np));
        (np.end <= before && !weak_name || matches!(np.kind, NpKind::Entity(_))).then_some(np)
    }

    /// A short quote that is its own reporting verb, right after its subject: `Richard Thomas
    /// "totally condemned" the deletion`, `the union "strongly rejects" the offer`.
    fn cue_inside(&self, first: usize, s_start: usize) -> Option<Found> {
        let It::Quote(qi, 0) = self.items[first].it else {
            return None;
        };
        let q = &self.quotes[qi];
        if q.segments.len() != 1 || first == s_start {
            return None;
        }
        let content = q.segments[0].content;
        let text = content.text(self.text);
        let mut words = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w));
        let (mut at, mut w) = words.next()?;
        // One adverb may come first ("totally", "strongly").
        if w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_lowercase()) {
            (at, w) = words.next()?;
        }
        if text.split_whitespace().count() > 5 || !w.chars().all(|c| c.is_lowercase()) {
            return None;
        }
        let cue = self.lex.cue_at(&[w])?;
        if !matches!(cue.class, CueClass::Speech | CueClass::Label) {
            return None;
        }
        let np = self.np_before(first, s_start, 0)?;
        let speaker = match np.kind {
            NpKind::Entity(e) => {
                matches!(self.etype(e), EntityType::Person | EntityType::Organisation)
            }
            NpKind::Role { .. } | NpKind::Unnamed | NpKind::OrgRef | NpKind::Pronoun(..) => true,
            _ => false,
        };
        let start = content.start + at;
        speaker.then(|| Found {
            np,
            cue: Some(Span::new(start, start + w.len())),
            method: "cue_inside",
            confidence: 0.8,
        })
    }

    /// A passive cue right before the quote and its agent right after: "have been branded
    /// "deeply irresponsible" by the Liberal Democrats" is theirs, not the plans'.
    fn passive_agent(
        &self,
        first: usize,
        last: usize,
        s_start: usize,
        s_end: usize,
    ) -> Option<Found> {
        if !self.word(last + 1).is_some_and(|w| lower_is(w, "by")) {
            return None;
        }
        let (k, n) = (first.saturating_sub(4).max(s_start + 1)..first)
            .rev()
            .find_map(|k| self.cue_at(k).map(|(n, _)| (k, n)))
            .filter(|&(k, n)| k + n <= first && (k + n..first).all(|x| self.word(x).is_some()))?;
        // The auxiliary right before the cue, or before one adverb ("was widely described").
        let aux = |x: usize| {
            self.word(x)
                .is_some_and(|w| self.lex.is_passive_auxiliary(w))
        };
        let adverb = |x: usize| {
            self.word(x)
                .is_some_and(|w| !is_capitalised(w) && w.ends_with("ly"))
        };
        if !(aux(k - 1) || k >= s_start + 2 && adverb(k - 1) && aux(k - 2)) {
            return None;
        }
        let np = self.np_after(last + 2, s_end)?;
        (!matches!(np.kind, NpKind::Pronoun(..))).then(|| Found {
            np,
            cue: Some(self.span_of(k, k + n)),
            method: "passive_agent",
            confidence: 0.85,
        })
    }

    /// A speech noun a few words before the quote, and "from X" right after it.
    fn speech_noun_then_from(
        &self,
        first: usize,
        last: usize,
        s_start: usize,
        s_end: usize,
    ) -> Option<Found> {
        if !self.word(last + 1).is_some_and(|w| lower_is(w, "from")) {
            return None;
        }
        let noun = (first.saturating_sub(8).max(s_start)..first)
            .rev()
            .take_while(|&k| self.cue_at(k).is_none() && !matches!(self.items[k].it, It::Quote(..)))
            .find(|&k| self.word(k).is_some_and(|w| self.lex.is_speech_noun(w)))?;
        let np = self.np_after(last + 2, s_end)?;
        let speaker = matches!(np.kind, NpKind::Entity(e) if matches!(self.etype(e), EntityType::Person | EntityType::Organisation));
        speaker.then(|| Found {
            np,
            cue: Some(self.items[noun].span),
            method: "possessive",
            confidence: 0.75,
        })
    }

    fn possessive_frame(&self, first: usize, s_start: usize) -> Option<Found> {
        // Look back a few words for "X's <speech noun>", "his <speech noun>" or "<speech noun>
        // from X" ("claims from Tory leader Michael Howard that he led a "grubby government"").
        let lo = first.saturating_sub(16).max(s_start);
        for k in (lo..first).rev() {
            let Some(w) = self.word(k) else { continue };
            if !self.lex.is_speech_noun(w) || k == 0 {
                continue;
            }
            if self
                .word(k + 1)
                .is_some_and(|x| with_lowercase(x, |l| matches!(l, "from" | "by")))
                && let Some(np) = self.np_after(k + 2, first)
                && !matches!(np.kind, NpKind::Pronoun(..))
            {
                return Some(Found {
                    np,
                    cue: Some(self.items[k].span),
                    method: "possessive",
                    confidence: 0.7,
                });
            }
            // Near the quote, or a "that" clause after the noun ("Mr Trump's announcement that
            // they had reached a "historic" deal", "his claim in the same interview that the
            // pair were "not close"").
            let that_clause = (k + 1..(k + 7).min(first))
                .map_while(|x| self.word(x))
                .any(|w| w == "that");
            if first - k > 8 && !that_clause {
                continue;
            }
            // A date between the owner and the noun: "Mr Trump's Oct. 11 announcement".
            let mut p = k - 1;
            while p > s_start
                && k - p <= 4
                && (matches!(self.items[p].it, It::Num | It::Punct('.'))
                    || self.word(p).is_some_and(|x| self.lex.is_time_word(x)))
            {
                p -= 1;
            }
            let pw = self.word(p)?;
            if is_possessive(pw) {
                let np = self.np_before(p, s_start, 0)?;
                return Some(Found {
                    np,
                    cue: Some(self.items[k].span),
                    method: "possessive",
                    confidence: 0.7,
                });
            }
            if with_lowercase(pw, |l| matches!(l, "his" | "her")) {
                let g = if lower_is(pw, "his") {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let np = Np {
                    kind: NpKind::Pronoun(g, false),
                    span: self.items[p].span,
                    first: p,
                    end: k,
                };
                return Some(Found {
                    np,
                    cue: Some(self.items[k].span),
                    method: "possessive",
                    confidence: 0.65,
                });
            }
        }
        None
    }

    /// A quote with no frame in its sentence: the sentences and paragraphs around it.
    fn context_frame(&self, first: usize, done: &[Attribution]) -> Option<Found> {
        let (s_start, _) = self.sent_of(first);
        let para = self.items[first].para;
        // A list of reactions: "- Bolton boss Sam Allardyce "I am bitterly disappointed."": a
        // name opening the line (after its dash) labels the quote that follows it.
        if first > s_start
            && let Some(np) = self.np_before(first, s_start, 0)
            && np.end == first
            && matches!(np.kind, NpKind::Entity(e) if self.etype(e) == EntityType::Person)
        {
            // Its role prefix ("Bolton boss"), then the dash.
            let mut open = np.first;
            while open > s_start
                && np.first - open < 4
                && self
                    .word(open - 1)
                    .is_some_and(|w| is_capitalised(w) || self.lex.role(&[w]).is_some())
            {
                open -= 1;
            }
            let dash = open > s_start
                && matches!(
                    self.items[open - 1].it,
                    It::Punct('-' | '–' | '—' | '•' | '*')
                );
            if dash {
                open -= 1;
            }
            // At the start of its sentence or paragraph, or after the quote of the reaction before.
            if open == s_start
                || self.items[open - 1].para != para
                || dash && matches!(self.items[open - 1].it, It::Quote(..))
            {
                return Some(Found {
                    np,
                    cue: None,
                    method: "label",
                    confidence: 0.7,
                });
            }
        }
        let sentence_initial = first == s_start;
        let quote_only_para = {
            let (p0, p1) = self.para_items(para);
            (p0..p1).all(|k| matches!(self.items[k].it, It::Quote(..) | It::Punct(_)))
        };
        // The previous quote of this paragraph, in the same or the previous sentence.
        let prev_quote = (0..first)
            .rev()
            .take(400)
            .take_while(|&k| self.items[k].para == para)
            .find_map(|k| match self.items[k].it {
                It::Quote(q, _)
                    if !done[q].method.is_empty() && done[q].kind != QuoteKind::Other =>
                {
                    Some((k, q))
                }
                _ => None,
            });
        // Farther back in the paragraph, when nobody else is named in between ("...," said
        // Joseph Minga. He learned ... "It really made me ...").
        if let Some((k, q)) = prev_quote
            && has_speaker(&done[q])
        {
            let near = self.items[k].sent + 1 >= self.items[first].sent;
            let (from, to) = (self.items[k].span.end, self.items[first].span.start);
            let other = self.salient(from, to).into_iter().any(|s| {
                matches!(s.who, Referent::Entity(e) if Some(e) != done[q].entity && self.etype(e) == EntityType::Person)
            });
            if near || (self.items[k].sent + 3 >= self.items[first].sent && !other) {
                return Some(self.reuse(q, done, "previous_quote", if near { 0.85 } else { 0.7 }));
            }
        }
        if sentence_initial || quote_only_para {
            // The sentence before (in this paragraph, or ending the paragraph before when this
            // quote opens its paragraph) names a speaker with a cue, or holds a quote.
            let sent = self.items[first].sent;
            let (p0, _) = self.para_items(para);
            if sent > 0 {
                let (ps, pe) = self.sentences[sent - 1];
                let same_para = self.items[ps].para == para;
                let before_para = first == p0 && self.paragraph_gap(self.items[ps].para, para) <= 1;
                // A speech cue there comes first: its subject is who goes on speaking; not in
                // a question, which is the interviewer's ("..., as Kilroy-Silk once declared?
                // "No. ..."" is the answer of the one interviewed).
                if (same_para || before_para)
                    && !self.is_punct(pe - 1, '?')
                    && let Some(f) = self.cue_subject_in(ps, pe)
                {
                    return Some(f);
                }
                if !same_para && before_para {
                    let last_quote = (ps..pe).rev().find_map(|k| match self.items[k].it {
                        It::Quote(q, _)
                            if done[q].kind != QuoteKind::Other
                                && (done[q].entity.is_some()
                                    || done[q].unnamed
                                    || done[q].name.is_some()) =>
                        {
                            Some(q)
                        }
                        _ => None,
                    });
                    if let Some(q) = last_quote {
                        let q = self.asker_before(q, done).unwrap_or(q);
                        return Some(self.reuse(q, done, "quote_run", 0.75));
                    }
                }
            }
            // The paragraph before ends "X said:".
            if first == p0 && p0 > 0 && self.is_punct(p0 - 1, ':') {
                let (ps, _) = self.sent_of(p0 - 1);
                if let Some(f) = self.cue_before(p0 - 1, ps) {
                    return Some(Found {
                        method: "colon_paragraph",
                        confidence: 0.85,
                        ..f
                    });
                }
            }
        }
        if quote_only_para {
            let (p0, _) = self.para_items(para);
            // A quote-only paragraph after a narration sentence whose subject is a named
            // person ("When the subject turns to class, Adebayo puts down her fork."): the
            // person the narration turned to speaks, not whoever spoke before it.
            let sent = self.items[first].sent;
            if sent > 0 {
                let (ps, pe) = self.sentences[sent - 1];
                if self.paragraph_gap(self.items[ps].para, para) == 1
                    && (ps..pe).all(|k| !matches!(self.items[k].it, It::Quote(..)))
                    && let Some(np) = self.subject_of(ps, pe)
                    && let NpKind::Entity(e) = np.kind
                    && self.etype(e) == EntityType::Person
                {
                    return Some(Found {
                        np,
                        cue: None,
                        method: "narration_subject",
                        confidence: 0.7,
                    });
                }
            }
            // A run of quote-only paragraphs: the speaker of the last quote before; after an
            // answer ("replied Rolando Mercado"), the one who asked, in the quote before it.
            if let Some((k, q)) = self.last_quote_before(p0, 200, done)
                && self.paragraph_gap(self.items[k].para, para) <= 2
                && has_speaker(&done[q])
            {
                if let Some(q2) = self.asker_before(q, done) {
                    return Some(self.reuse(q2, done, "quote_run", 0.7));
                }
                return Some(self.reuse(q, done, "quote_run", 0.8));
            }
        }
        // A partial quote with no cue: the subject of its sentence.
        // A name inside a compound modifier ("One London-based fund manager") is not it.
        if !sentence_initial
            && let Some(np) = self.subject_of(s_start, first)
            && !matches!(np.kind, NpKind::Name)
            && !self.text[np.span.end..].starts_with('-')
        {
            return Some(Found {
                np,
                cue: None,
                method: "subject",
                confidence: 0.6,
            });
        }
        // A quote that opens a sentence with no frame at all, after a sentence about someone:
        // "Aderholt returned to the issue later. "What vehicles exist today?"".
        // Or the article's first quote, opening its paragraph after one that ends on a
        // sentence about someone ("On this subject, Morris appears almost evangelical."): a
        // profile. Once someone has been quoted, an answer with no frame is theirs (below).
        let sent = self.items[first].sent;
        let after_narration = |ps: usize, pe: usize| {
            let prev_para = self.items[ps].para;
            first == self.para_items(para).0
                && self.last_quote_before(first, usize::MAX, done).is_none()
                && self.paragraph_gap(prev_para, para) <= 1
                && !(self.para_items(prev_para).0..pe)
                    .any(|k| matches!(self.items[k].it, It::Quote(..)))
        };
        if sentence_initial
            && sent > 0
            && (self.items[self.sentences[sent - 1].0].para == para || {
                let (ps, pe) = self.sentences[sent - 1];
                after_narration(ps, pe)
            })
        {
            let (ps, pe) = self.sentences[sent - 1];
            let subject = self.salient(self.items[ps].span.start, self.items[pe - 1].span.end).into_iter().find(|s| {
                self.in_subject_position(s.pos)
                    && matches!(s.who, Referent::Entity(e) if self.etype(e) == EntityType::Person)
            });
            if let Some(s) = subject
                && let Referent::Entity(e) = s.who
                && let Some(i) = self.item_at(s.pos)
            {
                let np = Np {
                    kind: NpKind::Entity(e),
                    span: self.items[i].span,
                    first: i,
                    end: i + 1,
                };
                return Some(Found {
                    np,
                    cue: None,
                    method: "previous_subject",
                    confidence: 0.55,
                });
            }
        }
        // A quote opening a sentence with no frame at all, within two paragraphs of the last
        // quote someone was given, nobody else the subject in between: the same speaker goes
        // on (interview answers, a quote after a sentence of narration about the speech).
        if sentence_initial {
            if let Some((k, q)) = self.last_quote_before(first, 600, done)
                && self.paragraph_gap(self.items[k].para, para) <= 2
                && has_speaker(&done[q])
                // A place given a quote is a mistake not to pass on.
                && done[q].entity.is_none_or(|e| self.etype(e) != EntityType::Place)
            {
                let (from, to) = (self.items[k].span.end, self.items[first].span.start);
                let other = self.salient(from, to).into_iter().any(|s| {
                    self.in_subject_position(s.pos)
                        && match s.who {
                            Referent::Entity(e) => {
                                Some(e) != done[q].entity && self.etype(e) == EntityType::Person
                            }
                            Referent::Unnamed(..) | Referent::Named(_) => true,
                        }
                });
                if !other {
                    return Some(self.reuse(q, done, "continuation", 0.5));
                }
            }
            // An interview: everyone quoted so far is one person, so an answer with no frame
            // is theirs too.
            if let Some((_, last, count)) = self.sole_speaker
                && count >= 2
            {
                return Some(self.reuse(last, done, "sole_speaker", 0.4));
            }
        }
        None
    }

    /// In an exchange, the quote whose speaker has the next turn after quote `q`: when `q`
    /// answers the one before it ("\"...,\" replied Rolando Mercado"), or is a question given
    /// by the run of quotes to someone who answered before, the quote in the paragraph before
    /// `q`, by someone else.
    fn asker_before(&self, q: usize, done: &[Attribution]) -> Option<usize> {
        let a = &done[q];
        let answered = a.cue.is_some_and(|c| {
            c.text(self.text)
                .split_whitespace()
                .next()
                .is_some_and(|w| self.lex.is_reply_cue(w))
        });
        let k = *self.quote_items[q].first()?;
        let asked = a.method == "quote_run" && self.quote_ends_in(k, &['?']);
        if !(answered || asked) {
            return None;
        }
        let (k0, _) = self.para_items(self.items[k].para);
        let (k2, q2) = self.last_quote_before(k0, 200, done)?;
        let b = &done[q2];
        (self.paragraph_gap(self.items[k2].para, self.items[k].para) == 1
            && (b.entity.is_some() || b.name.is_some())
            && (b.entity, b.name) != (a.entity, a.name))
            .then_some(q2)
    }

    /// The last quote (not a scare quote) attributed before item `before`, within `reach`
    /// items: its item and its index.
    fn last_quote_before(
        &self,
        before: usize,
        reach: usize,
        done: &[Attribution],
    ) -> Option<(usize, usize)> {
        (0..before)
            .rev()
            .take(reach)
            .find_map(|k| match self.items[k].it {
                It::Quote(q, _)
                    if done[q].kind != QuoteKind::Other && !done[q].method.is_empty() =>
                {
                    Some((k, q))
                }
                _ => None,
            })
    }

    /// How many body paragraphs apart two paragraphs are (captions between do not count).
    fn paragraph_gap(&self, a: usize, b: usize) -> usize {
        (a.min(b)..a.max(b))
            .filter(|&p| self.seg.paragraphs[p + 1].section == Section::Body)
            .count()
    }

    fn para_items(&self, para: usize) -> (usize, usize) {
        let start = self.items.partition_point(|it| it.para < para);
        let end = self.items.partition_point(|it| it.para <= para);
        (start, end)
    }

    /// The same speaker as quote `q`, as a phrase pointing at it.
    fn reuse(
        &self,
        q: usize,
        done: &[Attribution],
        method: &'static str,
        confidence: f32,
    ) -> Found {
        let a = &done[q];
        let span = a.mention.unwrap_or(self.quotes[q].outer());
        let kind = match (a.entity, a.unnamed) {
            (Some(e), _) => NpKind::Entity(e),
            (None, true) => NpKind::Unnamed,
            _ => NpKind::Name,
        };
        let span = if kind == NpKind::Name {
            a.name.unwrap_or(span)
        } else {
            span
        };
        Found {
            np: Np {
                kind,
                span,
                first: 0,
                end: 0,
            },
            cue: a.cue,
            method,
            confidence: confidence.min(a.confidence.max(0.5)),
        }
    }

    fn attribute_headline(&mut self, qi: usize, first: usize, last: usize) -> Attribution {
        let (s_start, s_end) = self.sent_of(first);
        let mut a = Attribution {
            kind: QuoteKind::Headline,
            confidence: 0.5,
            ..Attribution::default()
        };
        let found = self
            .cue_after(last + 1, s_end)
            .or_else(|| self.cue_before(first, s_start))
            .or_else(|| {
                // `Help people thrive – Cleverly`: a name after a dash ending the headline.
                let (_, e) = self.sent_of(first);
                let k = (last + 1..e)
                    .find(|&k| matches!(self.items[k].it, It::Punct('–' | '—' | '-' | ':')))?;
                let np = self.np_after(k + 1, e)?;
                Some(Found {
                    np,
                    cue: None,
                    method: "headline_dash",
                    confidence: 0.7,
                })
            })
            .or_else(|| {
                // `Cleverly: ...` / `Blair 'will not quit'`: a name before the quote.
                let np = self.np_before(first, s_start, 0).or_else(|| {
                    if first > s_start && self.is_punct(first - 1, ':') {
                        self.np_before(first - 1, s_start, 0)
                    } else {
                        None
                    }
                })?;
                Some(Found {
                    np,
                    cue: None,
                    method: "headline_subject",
                    confidence: 0.6,
                })
            });
        if let Some(f) = found {
            let (who, how) = self.resolve_headline(f.np);
            a.entity = who.entity;
            a.name = who.name;
            a.unnamed = who.unnamed;
            a.mention = Some(f.np.span);
            a.cue = f.cue;
            a.method = if how.is_empty() {
                f.method.to_string()
            } else {
                format!("{}+{how}", f.method)
            };
            a.confidence = f.confidence * 0.8;
        } else {
            a.method = "none".into();
        }
        let _ = qi;
        a
    }

    /// Headlines come before the body: a surname there is resolved against the whole article.
    fn resolve_headline(&mut self, np: Np) -> (Who, &'static str) {
        if let NpKind::Name = np.kind {
            let w = np.span.text(self.text);
            let hit = self
                .tagged
                .entities
                .iter()
                .position(|e| e.etype == EntityType::Person && e.surname.as_deref() == Some(w));
            if let Some(e) = hit {
                return (
                    Who {
                        entity: Some(e),
                        ..Who::default()
                    },
                    "surname",
                );
            }
        }
        if let NpKind::Pronoun(..) = np.kind {
            return (Who::default(), "");
        }
        self.resolve(np)
    }

    /// A person or body of the same type as `e` named just before "and" in front of item
    /// `k`: the first of joint speakers ("Tony Blair and Gordon Brown said").
    fn joint_before(&self, mut k: usize, e: usize) -> Option<usize> {
        if k > 0 && self.word(k - 1).is_some_and(|w| lower_is(w, "the")) {
            k -= 1;
        }
        if k < 2 || self.word(k - 1).is_none_or(|w| w != "and") {
            return None;
        }
        let &mi = self.mention_end.get(&self.items[k - 2].span.end)?;
        let m = &self.tagged.mentions[mi];
        let a = m.entity;
        let start = self.item_at(m.span.start)?;
        (self.etype(a) == self.etype(e) && !self.governed(start)).then_some(a)
    }

    /// Whether the phrase starting at item `first` is the object of a preposition ("built
    /// around Johan Cruyff and Johan Neeskens"), possibly after "the": such a pair is not a
    /// pair of speakers.
    fn governed(&self, mut first: usize) -> bool {
        if first > 0 && self.word(first - 1).is_some_and(|w| lower_is(w, "the")) {
            first -= 1;
        }
        first > 0
            && self
                .word(first - 1)
                .is_some_and(|w| self.lex.is_preposition(w))
    }

    /// A person or body of the same type as `e` named just after "and" at item `end` (the
    /// end of `e`'s phrase): the second of joint speakers ("the Tories and Lib Dems have
    /// jointly tabled a motion ..., saying").
    fn joint_after(&self, first: usize, end: usize, e: usize) -> Option<usize> {
        if self.word(end).is_none_or(|w| w != "and") || self.governed(first) {
            return None;
        }
        let mut k = end + 1;
        if self.word(k).is_some_and(|w| lower_is(w, "the")) {
            k += 1;
        }
        let &mi = self.mention_start.get(&self.items.get(k)?.span.start)?;
        let b = self.tagged.mentions[mi].entity;
        (self.etype(b) == self.etype(e)).then_some(b)
    }

    fn resolve(&mut self, np: Np) -> (Who, &'static str) {
        match np.kind {
            NpKind::Entity(e) => {
                let joint =
                    if matches!(self.etype(e), EntityType::Person | EntityType::Organisation) {
                        self.joint_before(np.first, e)
                            .map(|a| (a, e))
                            .or_else(|| self.joint_after(np.first, np.end, e).map(|b| (e, b)))
                    } else {
                        None
                    };
                match joint {
                    Some((a, b)) if a != b => (
                        Who {
                            entity: Some(a),
                            joint: Some(b),
                            ..Who::default()
                        },
                        "joint",
                    ),
                    _ => (
                        Who {
                            entity: Some(e),
                            ..Who::default()
                        },
                        "",
                    ),
                }
            }
            NpKind::Name => (
                Who {
                    name: Some(self.without_article(np.span)),
                    ..Who::default()
                },
                "",
            ),
            NpKind::Unnamed => match self.named_by_remarks(np) {
                Some(e) => (
                    Who {
                        entity: Some(e),
                        ..Who::default()
                    },
                    "remarks",
                ),
                None => (
                    Who {
                        unnamed: true,
                        ..Who::default()
                    },
                    "unnamed",
                ),
            },
            NpKind::Pronoun(g, plural) => {
                // "it said": an organisation.
                if !plural
                    && g == Gender::Unknown
                    && np.span.text(self.text).eq_ignore_ascii_case("it")
                {
                    return (self.resolve_it(np.span.start), "pronoun");
                }
                if plural {
                    if let Some((a, b)) = self.joint_subject(np.first) {
                        return (
                            Who {
                                entity: Some(a),
                                joint: Some(b),
                                ..Who::default()
                            },
                            "pronoun+joint",
                        );
                    }
                    let e = self.resolve_they(np.span.start);
                    return (
                        Who {
                            entity: e,
                            ..Who::default()
                        },
                        "pronoun",
                    );
                }
                self.resolve_pronouns_through(np.first);
                match self.pronoun_refs.get(&np.span.start).copied().flatten() {
                    Some(Referent::Entity(e)) => (
                        Who {
                            entity: Some(e),
                            ..Who::default()
                        },
                        "pronoun",
                    ),
                    Some(Referent::Unnamed(..)) => (
                        Who {
                            unnamed: true,
                            ..Who::default()
                        },
                        "pronoun+unnamed",
                    ),
                    Some(Referent::Named(n)) => (
                        Who {
                            name: Some(n),
                            ..Who::default()
                        },
                        "pronoun",
                    ),
                    None => (Who::default(), "pronoun"),
                }
            }
            NpKind::Role { .. } => {
                if let Some(e) = self.resolve_role_known(np) {
                    return (
                        Who {
                            entity: Some(e),
                            ..Who::default()
                        },
                        "role",
                    );
                }
                // A description naming no known role: the person in focus, unless the
                // article gave them another post of that name ("deputy leader Tom Vale" is
                // not "the leader").
                self.resolve_pronouns_through(np.first);
                let fit = RoleFit::new(self, np, self.role_words(np));
                // "the mum-of-two" is a woman: the person in focus of her gender.
                let gender = self.lex.noun_gender(of_compound_head(self.last_word(np)));
                let e = match self.resolve_pronoun(np.span.start, gender) {
                    Some(Referent::Entity(e))
                        if !self.tagged.entities.get(e).is_some_and(|x| {
                            x.roles.iter().any(|(_, r)| fit.fits(r) == Some(false))
                        }) =>
                    {
                        Some(e)
                    }
                    _ => None,
                };
                if e.is_none()
                    && let Some(p) = self
                        .named_after_lede(np, &fit)
                        .or_else(|| self.named_later_with_role(np))
                {
                    return (
                        Who {
                            entity: Some(p),
                            ..Who::default()
                        },
                        "role",
                    );
                }
                (
                    Who {
                        entity: e,
                        ..Who::default()
                    },
                    "salience",
                )
            }
            NpKind::Document => match self.resolve_document(np) {
                Some(who) => (who, "document"),
                None => (
                    Who {
                        unnamed: true,
                        ..Who::default()
                    },
                    "unnamed",
                ),
            },
            NpKind::OrgRef => {
                // "Russia's foreign ministry", "the US military": a description that names its
                // owner is as good a name as the article gives.
                let words: Vec<&str> = tokenize(self.text, np.span)
                    .iter()
                    .filter(|t| t.kind == TokKind::Word)
                    .map(|t| t.text(self.text))
                    .collect();
                // An organisation noun in capitals is no owner: "the NGO said".
                if words
                    .iter()
                    .skip(1)
                    .any(|w| is_capitalised(w) && !self.lex.is_org_noun(w))
                    || words.iter().any(|w| is_possessive(w))
                {
                    return (
                        Who {
                            name: Some(self.without_article(np.span)),
                            ..Who::default()
                        },
                        "",
                    );
                }
                let e = self.org_ref_entity(np);
                match e {
                    Some(e) => (
                        Who {
                            entity: Some(e),
                            ..Who::default()
                        },
                        "org",
                    ),
                    None => (
                        Who {
                            unnamed: true,
                            ..Who::default()
                        },
                        "unnamed",
                    ),
                }
            }
        }
    }

    /// The organisation "the company" or "the committee" means.
    fn org_ref_entity(&self, np: Np) -> Option<usize> {
        let content: Vec<String> = tokenize(self.text, np.span)
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| lower(t.text(self.text)))
            .filter(|w| !self.lex.is_determiner(w))
            .collect();
        self.resolve_org(np.span.start, 6, &content)
    }

    /// Resolves every narration pronoun ("he", "his", "her"...) up to and including item `k`,
    /// in text order, so each can point back through the ones before it.
    fn resolve_pronouns_through(&mut self, k: usize) {
        let end = (k + 1).min(self.items.len());
        while self.pronouns_done < end {
            let i = self.pronouns_done;
            self.pronouns_done += 1;
            let Some(w) = self.word(i) else { continue };
            let Some(p) = self.lex.any_pronoun(w) else {
                continue;
            };
            if p.plural || p.gender == Gender::Unknown {
                continue;
            }
            let it = self.items[i];
            let r = self.resolve_pronoun(it.span.start, p.gender);
            self.pronoun_refs.insert(it.span.start, r);
            if let Some(who) = r {
                self.push_salient(Salient {
                    pos: it.span.start,
                    sent: it.sent,
                    who,
                    speaker: false,
                    pronoun: Some(p.gender),
                });
            }
        }
    }

    fn referent_gender(&self, r: Referent) -> Gender {
        match r {
            Referent::Entity(e) => self.entity_gender(e),
            Referent::Unnamed(_, g) => g,
            Referent::Named(_) => Gender::Unknown,
        }
    }

    /// "a spokesman", "one analyst", "another aide": someone new, where "the Tory spokesman"
    /// is someone already named.
    fn is_indefinite(&self, span: Span) -> bool {
        span.text(self.text)
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(is_indefinite_word)
    }

    /// A noun that heads a description of a source: "spokesman", "analyst", or a plain noun
    /// for a person ("woman", "farmer").
    fn is_source_head(&self, w: &str) -> bool {
        self.lex.is_source_noun(w) || self.lex.is_person_noun(w)
    }

    /// "a spokesman", "one analyst": a description of one person, not "critics" or "officials"
    /// (its source noun, else its last word: "one life member").
    fn is_singular(&self, span: Span) -> bool {
        let mut words = span
            .text(self.text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words
            .clone()
            .find(|w| self.is_source_head(w))
            .or_else(|| words.next_back())
            .is_some_and(|head| {
                let head = lower(head);
                !(head.ends_with("men")
                    || head.ends_with("people")
                    || head.ends_with('s') && !head.ends_with("ss"))
            })
    }

    /// "a spokeswoman" is a woman, "a spokesman" a man; other descriptions do not say.
    fn source_gender(&self, span: Span) -> Gender {
        let head = span
            .text(self.text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .find(|w| self.is_source_head(w))
            .map(lower)
            .unwrap_or_default();
        if head.ends_with("woman") || head.ends_with("women") {
            Gender::Female
        } else if head.ends_with("man") || head.ends_with("men") {
            Gender::Male
        } else {
            Gender::Unknown
        }
    }

    /// "he"/"she" at `pos`: what it points back to. In its own sentence, the nearest pronoun of
    /// the same gender (a chain), else a speaker, else the leftmost person (the subject); then
    /// the sentences before, speakers first, leftmost next. A person whose gender is known
    /// and matches beats one of unknown gender in the same sentence.
    fn resolve_pronoun(&self, pos: usize, g: Gender) -> Option<Referent> {
        let i = self
            .items
            .partition_point(|it| it.span.start <= pos)
            .checked_sub(1)?;
        let here = self.items[i];
        let eligible = |s: &Salient| match s.who {
            Referent::Entity(e) => self.etype(e) == EntityType::Person,
            Referent::Unnamed(..) | Referent::Named(_) => true,
        };
        let compatible = |s: &Salient| self.referent_gender(s.who).compatible(g);
        let known = |s: &Salient| g != Gender::Unknown && self.referent_gender(s.who) == g;
        let (s0, s1) = self.sentences[here.sent];
        let comma = (s0..s1.min(s0 + 60)).find(|&k| self.is_punct(k, ','));
        let opener = self.word(s0).unwrap_or("");
        if let Some(c) = comma
            && i < c
            && self.lex.opens_clause(opener)
            && let Some(np) = self.mention_np_at(c + 1, s1)
            && let NpKind::Entity(e) = np.kind
            && self.etype(e) == EntityType::Person
            && self.entity_gender(e).compatible(g)
        {
            // "Realising his error, Mr Campbell ...": the subject after the opening clause.
            return Some(Referent::Entity(e));
        }
        // "Asked if Mr Blunkett could return, he replied": not the name inside the opening.
        let mut skip_until = match comma {
            Some(c) if i > c && self.lex.is_intro_participle(opener) => self.items[c].span.start,
            _ => 0,
        };
        // "The image portrayed Mr Howard as a hypnotist, he argued.": the clause before is
        // what was said, and the people in it are no more the speaker than names in a quote.
        // `Mr Blair's government was a "bossy, interfering government," he added.` too: a
        // quote inside the clause is part of what was said.
        if i > s0 + 2
            && (self.is_punct(i - 1, ',') || self.quote_ends_in_comma(i - 1))
            && let Some((n, CueClass::Speech)) = self.cue_at(i + 1)
            && (((i + 1 + n..s1.min(i + 1 + n + 6)).all(|k| !self.is_punct(k, ','))
                && s1 <= i + 1 + n + 6)
                // "..., he claimed, saying he has the "wrong solution"."
                || self.is_punct(i + 1 + n, ',')
                    && self.word(i + 2 + n).is_some_and(|w| w.ends_with("ing"))
                    && matches!(self.cue_at(i + 2 + n), Some((_, CueClass::Speech))))
            && !(self.lex.opens_clause(opener)
                || self.lex.is_preposition(opener)
                || self.lex.opens_participle_clause(opener)
                || self.lex.is_intro_participle(opener)
                || self.lex.is_conjunction(opener))
            && !matches!(self.items[s0].it, It::Quote(..))
            && !(s0..i).any(|k| matches!(self.cue_at(k), Some((_, CueClass::Speech))))
        {
            skip_until = pos;
        }
        let before: Vec<&Salient> = self
            .salient(self.window_start(here.sent, 10, pos), pos)
            .into_iter()
            .filter(|s| {
                eligible(s) && compatible(s) && !(s.sent == here.sent && s.pos < skip_until)
            })
            .collect();
        let mut sent = here.sent as isize;
        let mut scanned = 0;
        let mut prominent_first = true;
        while sent >= 0 && scanned < 10 {
            let s = sent as usize;
            let in_sent: Vec<&Salient> = before.iter().copied().filter(|x| x.sent == s).collect();
            if s == here.sent
                && g != Gender::Unknown
                && let Some(x) = in_sent.iter().rev().find(|x| x.pronoun == Some(g))
            {
                return Some(x.who);
            }
            // The subject of the sentence first, then its speakers, then the rest left to right.
            let rank = |x: &&Salient| {
                if self.in_subject_position(x.pos) {
                    0
                } else if x.speaker {
                    1
                } else {
                    2
                }
            };
            let mut ordered: Vec<&Salient> = in_sent.clone();
            ordered.sort_by_key(|x| (rank(x), x.pos));
            // Before this sentence, people in the foreground come first: speakers and subjects
            // within three sentences beat someone named deep in a clause ("... withdraw feeding
            // from coma victim Tony Bland. "It is important," he said" is not Tony Bland).
            if s != here.sent && prominent_first {
                ordered.retain(|x| x.speaker || self.in_subject_position(x.pos));
            }
            // A pronoun of the same gender in that sentence ("a casting director told her she
            // was ...; "..." she says") beats an unnamed subject of no known gender: the chain
            // is the person, and the one who told her is not her.
            if let Some(x) = ordered
                .iter()
                .find(|x| known(x))
                .or_else(|| {
                    let first = ordered.first()?;
                    (g != Gender::Unknown
                        && matches!(first.who, Referent::Unnamed(_, Gender::Unknown)))
                    .then(|| in_sent.iter().rev().find(|x| x.pronoun == Some(g)))
                    .flatten()
                })
                .or_else(|| ordered.first())
            {
                return Some(x.who);
            }
            if self.paragraph_gap(self.sentence_para(s), here.para) > 3 {
                break;
            }
            sent -= 1;
            scanned += 1;
            if prominent_first && scanned > 3 {
                // Nobody in the foreground near by: take whoever is nearest.
                prominent_first = false;
                sent = here.sent as isize - 1;
                scanned = 1;
            }
        }
        // Cataphora: "He called it ... and now Tony Blair has ..."
        let sentence_end = self.items[self.sentences[here.sent].1 - 1].span.end;
        self.salient(pos + 1, sentence_end)
            .into_iter()
            .filter(|s| eligible(s) && compatible(s))
            .map(|s| s.who)
            .next()
    }

    /// Whether the mention or pronoun at `pos` is the subject of its sentence: only capitalised
    /// words, determiners, possessives and role words stand between the start of the sentence
    /// (or of its main clause, after an opening phrase and its comma) and it.
    fn in_subject_position(&self, pos: usize) -> bool {
        let Some(i) = self.item_at(pos) else {
            return false;
        };
        // "Her cousin, Anna Berg, said": a possessive or object form is never the subject.
        if self
            .word(i)
            .and_then(|w| self.lex.any_pronoun(w))
            .is_some_and(|p| !p.subject)
        {
            return false;
        }
        let (s0, _) = self.sentences[self.items[i].sent];
        let mut start = s0;
        let opener = self.word(s0).unwrap_or("");
        // "Asked ...", "Speaking ...": a participle opens the sentence (not "Downing Street
        // spokesman ..." or "King Charles ...": a name).
        let participle_opening = (self.lex.opens_participle_clause(opener)
            || opener.ends_with("ing") && self.lex.opens_clause(opener))
            && !self.mention_start.contains_key(&self.items[s0].span.start);
        if participle_opening
            || self.lex.opens_clause(opener)
            || self.lex.is_preposition(opener)
            || self.lex.is_not_name(opener)
                && self.lex.pronoun(opener).is_none()
                && !self.lex.is_determiner(opener)
        {
            match (s0.max(i.saturating_sub(40))..i)
                .rev()
                .find(|&c| self.is_punct(c, ',') || self.quote_ends_in_comma(c))
            {
                Some(c) => start = c + 1,
                // "Asked what he would tell his players, Marchbanks paused": inside the
                // opening participle clause, before its comma, nobody is the subject ("When
                // Joy Rainey started ... she was" leaves the subordinate clause's subject be).
                None if participle_opening && i > s0 => return false,
                // "After four hours he spotted", "Within the hour Darren was": a short
                // opening time phrase with no comma.
                None if self.lex.is_preposition(opener)
                    && i > s0 + 1
                    && i <= s0 + 4
                    && (s0 + 1..i).all(|k| {
                        matches!(self.items[k].it, It::Num)
                            || self.word(k).is_some_and(|w| {
                                self.lex.is_determiner(w)
                                    || self.lex.is_time_word(w)
                                    || self.lex.is_time_span(w)
                            })
                    }) =>
                {
                    start = i
                }
                None => {}
            }
        }
        if self.word(start).is_some_and(|w| self.lex.is_conjunction(w)) {
            start += 1;
        }
        // Lower-case words right before the name that end in a role ("Conservative shadow home
        // secretary David Davis") belong to the subject.
        let mut m = i;
        while m > start
            && self.word(m - 1).is_some_and(|w| {
                !is_capitalised(w) && !self.lex.is_preposition(w) && self.cue_at(m - 1).is_none()
            })
        {
            m -= 1;
        }
        let words: Vec<&str> = (m..i).filter_map(|k| self.word(k)).collect();
        // ... or are one plain noun after a capitalised owner ("Perpignan centre Jean-Philippe
        // Granclaude", "Leeds fan Tom Vale"; not a verb: "Others targeted include X").
        let owned = m + 1 == i
            && m > start
            && self.word(m - 1).is_some_and(is_capitalised)
            && words.iter().all(|w| {
                !self.lex.is_filler(w)
                    && !self.lex.is_determiner(w)
                    && !self.lex.is_conjunction(w)
                    && self.lex.any_pronoun(w).is_none()
                    && !w.ends_with("ed")
                    && !w.ends_with("ing")
                    && !w.ends_with('s')
            });
        let i = if m < i && (self.lex.role_suffix(&words).is_some() || owned) {
            m
        } else {
            i
        };
        // "The Attorney General, Lord Goldsmith, has ...": a role renamed; "Her neighbour,
        // Wiremu Hohaia, said ...": a description renamed.
        if i > start + 1 && i - start <= 6 && self.is_punct(i - 1, ',') {
            let c = i - 1;
            let words: Vec<&str> = (start..c).filter_map(|x| self.word(x)).collect();
            if words.len() == c - start
                && (self.lex.role_suffix(&words).is_some()
                    || self.is(start, WordList::Determiner)
                        && (start + 1..c).all(|x| self.is_plain_word(x, start)))
            {
                return true;
            }
        }
        i >= start
            && i - start <= 8
            && (start..i).all(|k| match self.items[k].it {
                It::Word => {
                    let w = self.items[k].span.text(self.text);
                    is_capitalised(w)
                        || self.lex.is_determiner(w)
                        || is_possessive(w)
                        || self.lex.role(&[w]).is_some()
                }
                It::Num | It::Punct('-') => true,
                _ => false,
            })
    }

    fn sentence_para(&self, s: usize) -> usize {
        self.items[self.sentences[s].0].para
    }

    /// "Mr Sunak and Italian premier Giorgia Meloni vowed ... as they hailed": two people joined
    /// by "and" earlier in the sentence of item `k`.
    fn joint_subject(&self, k: usize) -> Option<(usize, usize)> {
        let (s0, _) = self.sent_of(k);
        for j in s0.max(k.saturating_sub(60))..k {
            if self.word(j) != Some("and") || j == 0 {
                continue;
            }
            let Some(&m1) = self.mention_end.get(&self.items[j - 1].span.end) else {
                continue;
            };
            // Up to six modifier words, then the second person.
            for n in 1..=7 {
                let Some(it) = self.items.get(j + n) else {
                    break;
                };
                if let Some(&m2) = self.mention_start.get(&it.span.start) {
                    let (a, b) = (
                        self.tagged.mentions[m1].entity,
                        self.tagged.mentions[m2].entity,
                    );
                    if a != b
                        && self.etype(a) == EntityType::Person
                        && self.etype(b) == EntityType::Person
                    {
                        return Some((a, b));
                    }
                    break;
                }
                if it.it != It::Word && it.it != It::Punct('-') {
                    break;
                }
            }
        }
        None
    }

    /// A name without its leading article: "US military" for "the US military".
    fn without_article(&self, span: Span) -> Span {
        let s = span.text(self.text);
        match s.split_once(' ') {
            Some((first, rest)) if self.lex.is_determiner(first) && !rest.is_empty() => {
                Span::new(span.end - rest.len(), span.end)
            }
            _ => span,
        }
    }

    /// "The statement said": whoever issued it. The owner named in the phrase ("Big Machine's
    /// statement"), else the subject of the sentence that brought the document in ("The CPS
    /// published new guidelines", "Big Machine issued a statement"), looking back a few
    /// sentences for the same noun.
    fn resolve_document(&self, np: Np) -> Option<Who> {
        if let Some(who) = self.document_author(np) {
            return Some(who);
        }
        if let Some(&mi) = self
            .mention_start
            .get(&self.items[np.first].span.start)
            .or_else(|| {
                self.mention_start.get(
                    &self.items[(np.first + 1).min(self.items.len() - 1)]
                        .span
                        .start,
                )
            })
            && np.span.contains(self.tagged.mentions[mi].span)
        {
            return Some(Who {
                entity: Some(self.tagged.mentions[mi].entity),
                ..Who::default()
            });
        }
        let head = lower(
            np.span
                .text(self.text)
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .find(|w| !w.is_empty())?,
        );
        let stem = head.trim_end_matches('s').to_string();
        let here = self.items[np.first].sent;
        for k in (np.first.saturating_sub(3000)..np.first).rev() {
            if self.items[k].sent + 8 < here {
                break;
            }
            let Some(w) = self.word(k) else { continue };
            if with_lowercase(w, |l| l.trim_end_matches('s') != stem) {
                continue;
            }
            let (s0, s1) = self.sentences[self.items[k].sent];
            // "..., the US military said in a statement": the subject of the cue before it;
            // "Big Machine issued a statement": the subject of the sentence; "In a statement
            // issued later, the council said": the subject of the cue after it.
            let by_cue = (s0..k).rev().find_map(|c| {
                self.cue_at(c)?;
                self.np_before(self.skip_fillers_back(c, s0), s0, 0)
            });
            let opened_by_it = || {
                let c = (k + 1..s1)
                    .take_while(|&c| !matches!(self.items[c].it, It::Quote(..)))
                    .find(|&c| matches!(self.cue_at(c), Some((_, CueClass::Speech))))?;
                let floor = (k + 1..c).find(|&x| self.is_punct(x, ','))? + 1;
                self.np_before(self.skip_fillers_back(c, floor), floor, 0)
            };
            let opens = (s0..k).all(|x| {
                self.word(x)
                    .is_some_and(|w| self.lex.is_preposition(w) || self.lex.is_determiner(w))
            });
            match by_cue
                .or_else(|| self.subject_of(s0, k))
                .or_else(|| opens.then(opened_by_it).flatten())
            {
                Some(Np {
                    kind: NpKind::Entity(e),
                    ..
                }) => {
                    return Some(Who {
                        entity: Some(e),
                        ..Who::default()
                    });
                }
                Some(Np {
                    kind: NpKind::Name,
                    span,
                    ..
                }) => {
                    return Some(Who {
                        name: Some(self.without_article(span)),
                        ..Who::default()
                    });
                }
                // "The company denied the allegations in a statement".
                Some(
                    by @ Np {
                        kind: NpKind::OrgRef,
                        ..
                    },
                ) => {
                    if let Some(e) = self.org_ref_entity(by) {
                        return Some(Who {
                            entity: Some(e),
                            ..Who::default()
                        });
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The author named after a document: "the leaflet published jointly by the Crown
    /// Prosecution Service (CPS) and the Association of Chief Police Officers" (both, jointly).
    fn document_author(&self, np: Np) -> Option<Who> {
        let (_, s1) = self.sent_of(np.first);
        let mut k = np.end;
        if self.is_punct(k, ',') {
            k += 1;
        }
        if !self.word(k).is_some_and(|w| self.lex.is_authorship(w)) {
            return None;
        }
        k += 1;
        if self.word(k) == Some("jointly") {
            k += 1;
        }
        if self.word(k) != Some("by") {
            return None;
        }
        let author_at = |mut k: usize| {
            if self.word(k).is_some_and(|w| self.lex.is_determiner(w)) {
                k += 1;
            }
            let np = self.mention_np_at(k.min(s1.saturating_sub(1)), s1)?;
            let mut end = np.end;
            // An abbreviation in brackets after the name: "(CPS)".
            if self.is_punct(end, '(') && self.is_punct(end + 2, ')') {
                end += 3;
            }
            match np.kind {
                NpKind::Entity(e) => Some((e, end)),
                _ => None,
            }
        };
        let (first, end) = author_at(k + 1)?;
        let joint = (self.word(end) == Some("and"))
            .then(|| author_at(end + 1))
            .flatten()
            .map(|(e, _)| e);
        Some(Who {
            entity: Some(first),
            joint,
            ..Who::default()
        })
    }

    /// "they": an organisation in the foreground of this or the previous sentence; a person
    /// there of unknown gender ("Kym Lino, a spokesperson, confirmed ... they said").
    fn resolve_they(&self, pos: usize) -> Option<usize> {
        let i = self
            .items
            .partition_point(|it| it.span.start <= pos)
            .checked_sub(1)?;
        let here = self.items[i].sent;
        let near: Vec<&Salient> = self.salient(self.window_start(here, 1, pos), pos);
        let foreground = near
            .iter()
            .rev()
            .find(|s| s.speaker || self.in_subject_position(s.pos));
        if let Some(s) = foreground
            && let Referent::Entity(e) = s.who
            && (self.etype(e) == EntityType::Organisation
                || self.etype(e) == EntityType::Person && self.entity_gender(e) == Gender::Unknown)
        {
            return Some(e);
        }
        self.resolve_org(pos, 2, &[])
    }

    /// "it said": the nearest organisation in the foreground (a subject or a speaker) of this
    /// sentence or the two before, or a name that need not be a person's ("Wimpey said ...
    /// "Sales slowed," it added": nobody writes "it" for a man, so a name with no first name
    /// or honorific that the tagger took for a person is the company); else whatever
    /// organisation `resolve_org` finds.
    fn resolve_it(&self, pos: usize) -> Who {
        let i = self
            .items
            .partition_point(|it| it.span.start <= pos)
            .saturating_sub(1);
        let here = self.items.get(i).map_or(0, |it| it.sent);
        let near = self.salient(self.window_start(here, 2, pos), pos);
        for s in near.iter().rev() {
            if !(s.speaker || self.in_subject_position(s.pos)) {
                continue;
            }
            match s.who {
                Referent::Entity(e)
                    if self.etype(e) == EntityType::Organisation
                        || self.etype(e) == EntityType::Person
                            && self.entity_gender(e) == Gender::Unknown =>
                {
                    return Who {
                        entity: Some(e),
                        ..Who::default()
                    };
                }
                Referent::Named(span) if s.speaker && self.may_be_company(span) => {
                    return Who {
                        name: Some(span),
                        ..Who::default()
                    };
                }
                _ => {}
            }
        }
        Who {
            entity: self.resolve_org(pos, 2, &[]),
            ..Who::default()
        }
    }

    /// A name in no gazetteer that could be a company's: it does not start with an honorific
    /// or a known first name ("Mr Burton", "Tom Burton"), nor with an everyday word
    /// capitalised at a sentence's start ("Consumer demand", "But the firm").
    fn may_be_company(&self, span: Span) -> bool {
        let first = span
            .text(self.text)
            .split(|c: char| !(c.is_alphanumeric() || c == '.'))
            .find(|w| !w.is_empty())
            .unwrap_or("");
        !(self.lex.is_honorific(first)
            || self.gaz.first_name(first).is_some()
            || self.lex.is_common_word(first))
    }

    /// An organisation that "it", "the company" or "the assembly government" points back to,
    /// within `window` sentences: one whose name ends with the description's words first
    /// ("the assembly government" is the Welsh Assembly Government), else one in the foreground
    /// (a subject or a speaker) of the nearest sentence that has one, else the nearest.
    fn resolve_org(&self, pos: usize, window: usize, words: &[String]) -> Option<usize> {
        let i = self
            .items
            .partition_point(|it| it.span.start <= pos)
            .checked_sub(1)?;
        let here = self.items[i].sent;
        let org = |s: &&Salient| match s.who {
            Referent::Entity(e) if self.etype(e) == EntityType::Organisation => Some(e),
            _ => None,
        };
        let before: Vec<&Salient> = self
            .salient(self.window_start(here, window.max(40), pos), pos)
            .into_iter()
            .filter(|s| org(s).is_some())
            .collect();
        if words.len() >= 2 || words.first().is_some_and(|w| !self.lex.is_org_noun(w)) {
            let tail = words.join(" ");
            if let Some(s) = before
                .iter()
                .rev()
                .find(|s| org(s).is_some_and(|e| lower(&self.entity_name(e)).ends_with(&tail)))
            {
                return org(s);
            }
        } else if let [noun] = words {
            // "the committee": the last organisation whose name has that word ("the Commons
            // work and pensions committee", "Leeds City Council" for "the council").
            if let Some(s) = before
                .iter()
                .rev()
                .find(|s| org(s).is_some_and(|e| self.name_has_word(e, noun)))
            {
                return org(s);
            }
        }
        let near: Vec<&&Salient> = before.iter().filter(|s| s.sent + window >= here).collect();
        for sent in (here.saturating_sub(window)..=here).rev() {
            if let Some(s) = near
                .iter()
                .find(|s| s.sent == sent && (s.speaker || self.in_subject_position(s.pos)))
            {
                return org(s);
            }
        }
        near.last().and_then(|s| org(s))
    }

    /// Whether the entity's name has `word` (lower case) as one of its words.
    fn name_has_word(&self, e: usize, word: &str) -> bool {
        lower(&self.entity_name(e))
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == word)
    }

    fn entity_name(&self, e: usize) -> String {
        match self.tagged.entities.get(e) {
            Some(d) => d.name.clone(),
            None => self
                .gaz
                .entity(self.extra_entities[e - self.tagged.entities.len()])
                .name
                .clone(),
        }
    }

    /// Content words of a role description, lower case, without determiners and possessives.
    fn role_words(&self, np: Np) -> Vec<String> {
        tokenize(self.text, np.span)
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| lower(t.text(self.text)))
            .filter(|w| {
                !self.lex.is_determiner(w) && !is_possessive(w) && w != "former" && w != "new"
            })
            .collect()
    }

    /// A role the article or the gazetteer gives a person: "the Home Secretary" is the person
    /// introduced as "Home Secretary James Cleverly", or the one the gazetteer says held the
    /// post on the article's date.
    fn resolve_role_known(&mut self, np: Np) -> Option<usize> {
        let words = self.role_words(np);
        if words.is_empty() {
            return None;
        }
        let fit = RoleFit::new(self, np, words.clone());
        let fits = |role: &str| fit.fits(role) == Some(true);
        // 1. Roles the article gives before this description, the most recently mentioned
        // person first.
        let mut best: Option<(usize, usize)> = None;
        let here = self.items[np.first.min(self.items.len() - 1)].sent;
        let recent = self.salient(self.window_start(here, 60, np.span.start), np.span.start);
        for (ei, e) in self.tagged.entities.iter().enumerate() {
            if e.etype != EntityType::Person || e.roles.is_empty() {
                continue;
            }
            if e.roles
                .iter()
                .any(|(at, r)| at.start < np.span.start && fits(r))
            {
                let last = recent
                    .iter()
                    .filter(|s| s.who == Referent::Entity(ei))
                    .map(|s| s.pos + 1)
                    .max()
                    .unwrap_or(0);
                if best.is_none_or(|(_, l)| last > l) {
                    best = Some((ei, last));
                }
            }
        }
        if let Some((e, _)) = best {
            return Some(e);
        }
        // 2. Gazetteer roles of people the article names, held on its date. Undated, two
        // people may both have held the office ("Tory MP Boris Johnson" ... "the prime
        // minister said", of Tony Blair): one the article gives another post to comes last,
        // then the one mentioned last before the description ("Mr Howard insisted ... The
        // Tory leader said", not John Major named earlier).
        let date = self.date;
        let title = self.lex.canonical_role(&words);
        let holds = |g: u32| {
            self.gaz
                .entity(g)
                .roles
                .iter()
                .any(|r| r.title == title && r.held_on(date))
        };
        // Ranked: no other post first, then the latest mention before the description.
        let rank = |ei: usize| {
            let free = !self.tagged.entities[ei]
                .roles
                .iter()
                .any(|(at, _)| at.start < np.span.start);
            let last = recent
                .iter()
                .filter(|s| s.who == Referent::Entity(ei))
                .map(|s| s.pos + 1)
                .max()
                .unwrap_or(0);
            (free, last)
        };
        let mut best: Option<((bool, usize), usize)> = None;
        for &ei in &self.gaz_role_people {
            let e = &self.tagged.entities[ei];
            if !e.gazetteer.is_some_and(holds) {
                continue;
            }
            let r = rank(ei);
            if best.is_none_or(|(b, _)| r > b) {
                best = Some((r, ei));
            }
        }
        // "Mr Howard insisted ... The Tory leader said": a person the article names only by a
        // surname the gazetteer gives a holder of the post ("Michael Howard") is a candidate too.
        for &g in self.gaz.holders_of(&title) {
            if !holds(g) {
                continue;
            }
            let Some(surname) = self.gaz.entity(g).name.rsplit(' ').next() else {
                continue;
            };
            for (ei, e) in self.tagged.entities.iter().enumerate() {
                if e.etype != EntityType::Person
                    || e.gazetteer.is_some()
                    || !e
                        .surname
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(surname))
                {
                    continue;
                }
                let r = rank(ei);
                if r.1 > 0 && best.is_none_or(|(b, _)| r > b) {
                    best = Some((r, ei));
                }
            }
        }
        if let Some((_, ei)) = best {
            return Some(ei);
        }
        // 3. With a date, the one holder of that office in the gazetteer.
        let office = self
            .lex
            .role(&words.iter().map(String::as_str).collect::<Vec<_>>())
            == Some(RoleKind::Office);
        if date.is_some() && office {
            let holders: Vec<u32> = self
                .gaz
                .holders_of(&title)
                .iter()
                .copied()
                .filter(|&g| holds(g))
                .collect();
            if let [g] = holders[..] {
                // The entity is not in the article's list; the caller reports it by name.
                if let Some(ei) = self
                    .tagged
                    .entities
                    .iter()
                    .position(|e| e.gazetteer == Some(g))
                {
                    return Some(ei);
                }
                let at = match self.extra_entities.iter().position(|&x| x == g) {
                    Some(at) => at,
                    None => {
                        self.extra_entities.push(g);
                        self.extra_entities.len() - 1
                    }
                };
                return Some(self.tagged.entities.len() + at);
            }
        }
        None
    }

    fn kind_of(&self, qi: usize, first: usize, last: usize, a: &Attribution) -> QuoteKind {
        let q = &self.quotes[qi];
        if q.headline {
            return QuoteKind::Headline;
        }
        let (s_start, s_end) = self.sent_of(first);
        let content = q.segments[0].content.text(self.text);
        let words: Vec<&str> = content.split_whitespace().collect();
        let before: Vec<&str> = (s_start.max(first.saturating_sub(40))..first)
            .filter_map(|k| self.word(k))
            .collect();
        let cue_adjacent_before = a.cue.is_some_and(|c| {
            c.end <= self.items[first].span.start
                && self.item_at(c.start).is_some_and(|k| {
                    let n = (k..first)
                        .take_while(|&x| self.items[x].span.end <= c.end)
                        .count();
                    self.is_adjacent(k + n, first)
                })
        });
        // A cue after makes the quote speech, unless the quote is a lower-case fragment inside
        // the writer's sentence: `will create a "new Gannett," as Reed dubbed it`.
        let fragment = first > s_start
            && !self.is_punct(first - 1, ':')
            && content.chars().next().is_some_and(char::is_lowercase);
        let cue_after = a.method.starts_with("cue_after");
        // A title, name or term: "the book "Airport"", "so-called "control orders"" (the cue
        // word right before the mark; a colon after it introduces speech instead).
        // A noun cue ("the book", "the new show") names a title only when the quote reads as
        // one: "the new show "aims to appeal to ..."" is the show described, in quoted words.
        let titled = first > s_start
            && self.word(first - 1).is_some()
            && self.lex.title_cue_before(&before).is_some_and(|n| {
                let cue = before[before.len() - n..].join(" ").to_lowercase();
                let phrase = n > 1
                    || matches!(
                        cue.as_str(),
                        "so-called" | "nicknamed" | "entitled" | "titled"
                    );
                phrase
                    || (words.len() <= 10 && content.chars().next().is_some_and(char::is_uppercase))
            });
        if titled {
            return QuoteKind::Other;
        }
        // A nickname inside a name: 'Mayor Ernesto "Jun" Salonga', 'Earvin "Magic" Johnson'
        // (one or two capitalised words between a capitalised word and another, no space
        // lost).
        let nickname = words.len() <= 2
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && first > 0
            && self.word(first - 1).is_some_and(is_capitalised)
            && self
                .word(last + 1)
                .is_some_and(|w| is_capitalised(w) && !self.lex.is_not_name(w))
            && !content.trim_end().ends_with(is_terminal);
        if nickname {
            return QuoteKind::Other;
        }
        let title_case = words.len() <= 8
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || w.len() <= 3
            })
            && !content.trim_end().ends_with(is_terminal)
            && words.iter().filter(|w| w.len() > 3).count() >= 1
            && words.len() >= 2;
        if title_case && !cue_after && !cue_adjacent_before && a.method != "colon" {
            return QuoteKind::Other;
        }
        let followed_by_end = last + 1 >= s_end
            || matches!(
                self.items[last + 1].it,
                It::Punct(',' | '.' | ';' | ':' | '—' | '–' | '-' | '!' | '?' | ')')
            )
            || self
                .word(last + 1)
                .is_some_and(|w| self.lex.is_conjunction(w))
            || matches!(self.items[last + 1].it, It::Quote(..));
        let starts = first == s_start || (first > s_start && self.is_punct(first - 1, ':'));
        let full_sentence = content.chars().next().is_some_and(char::is_uppercase)
            && content
                .trim_end_matches(['"', '\'', '’', '”'])
                .chars()
                .next_back()
                .is_some_and(|c| is_terminal(c) || c == ',');
        if q.segments.len() > 1
            || (cue_after && !fragment)
            || starts
            || (cue_adjacent_before && followed_by_end)
            || full_sentence
        {
            return QuoteKind::Direct;
        }
        // An opinion verb makes a partial quote of a clause, not of a word or two ("thinks
        // cats are "cuties"").
        let opinion = a
            .cue
            .and_then(|c| self.item_at(c.start))
            .and_then(|k| self.cue_at(k))
            .is_some_and(|(_, class)| class == CueClass::Think);
        let speech_before = (s_start.max(first.saturating_sub(40))..first).any(|k| {
            self.cue_at(k)
                .is_some_and(|(_, c)| matches!(c, CueClass::Speech | CueClass::Label))
        });
        let spoken = a.cue.is_some() && !(opinion && words.len() < 3 && !speech_before)
            || matches!(
                a.method.split('+').next(),
                Some("previous_quote" | "possessive")
            );
        // A fragment in a sentence whose subject is a person is that person's word more often
        // than a scare quote ("Trump hailed the "historic" deal"): partial.
        let person_subject = a.method.starts_with("subject")
            && a.entity
                .is_some_and(|e| self.etype(e) == EntityType::Person);
        if spoken || person_subject || (words.len() >= 4 && a.entity.is_some()) {
            return QuoteKind::Partial;
        }
        QuoteKind::Other
    }
}

#[cfg(test)]
mod tests {
    /// The speaker of each quote of `text`, in text order.
    fn speakers(text: &str) -> Vec<Option<String>> {
        let a = crate::pipeline::test_pipeline().analyse_text("t", text);
        a.quotes
            .iter()
            .map(|q| a.speaker_name(q).map(|s| s.into_owned()))
            .collect()
    }

    /// (text, quote start, expected speaker, expected method prefix)
    fn check(text: &str, cases: &[(&str, &str, &str)]) {
        let p = crate::pipeline::test_pipeline();
        let a = p.analyse_text("t", text);
        for (quote, speaker, method) in cases {
            let q = a
                .quotes
                .iter()
                .find(|q| q.text(&a.text).starts_with(quote))
                .unwrap_or_else(|| panic!("no quote {quote:?} in {text:?}"));
            let got = a.speaker_label(q);
            assert_eq!(
                got, *speaker,
                "speaker of {quote:?} in {text:?} ({})",
                q.attribution.method
            );
            assert!(
                q.attribution.method.starts_with(method),
                "method of {quote:?}: {} (want {method})",
                q.attribution.method
            );
        }
    }

    #[test]
    fn cues_after_the_quote() {
        check(
            "T\n\n\"We will win,\" said Mary Jones. \"Not so,\" John Smith replied.\n",
            &[
                ("We will", "Mary Jones", "cue_after"),
                ("Not so", "John Smith", "cue_after"),
            ],
        );
        check(
            "T\n\nMary Jones spoke. \"Fine,\" she added. \"Really?\" asked Peter Grant.\n",
            &[
                ("Fine", "Mary Jones", "cue_after+pronoun"),
                ("Really", "Peter Grant", "cue_after"),
            ],
        );
        // A place or body before a description the lexicons lack: the person after it.
        check(
            "T\n\n\"It works,\" said Florida state archivist Jody Norman. \"Wrong,\" Kansas state senator Ann Ruiz said.\n",
            &[
                ("It works", "Jody Norman", "cue_after"),
                ("Wrong", "Ann Ruiz", "cue_after"),
            ],
        );
        // A person's organisation after them, with or without a stray comma.
        check(
            "T\n\nGadgets will grow. \"All is digital,\" Nina Holt from the Consumer Electronics Association, told the BBC. \"It works,\" Tom Hale of Acme Corp said.\n",
            &[
                ("All is digital", "Nina Holt", "cue_after"),
                ("It works", "Tom Hale", "cue_after"),
            ],
        );
        // An appositive left open before the cue.
        check(
            "T\n\nAnalysts say the weather helped.\n\n\"It is the wind,\" Priya Selvaraj, an analyst at the Delhi-based Council on Energy, Environment and Water think tank told CBS News.\n",
            &[("It is the wind", "Priya Selvaraj", "cue_after")],
        );
        check(
            "T\n\n\"It is over,\" according to Anna Berg.\n",
            &[("It is over", "Anna Berg", "cue_after")],
        );
        check(
            "T\n\n\"We act,\" Tom Price, the chairman of Acme Holdings, said on Monday.\n",
            &[("We act", "Tom Price", "cue_after")],
        );
    }

    #[test]
    fn cues_before_the_quote() {
        check(
            "T\n\nJane Roe, the group's chief economist, said: \"Rates must fall.\"\n",
            &[("Rates", "Jane Roe", "cue_before")],
        );
        check(
            "T\n\nPeter Grant told BBC Radio 4's Today programme: \"No deal.\"\n",
            &[("No deal", "Peter Grant", "cue_before")],
        );
        check(
            "T\n\nAnna Berg said the plan was \"a shambles\" and warned that \"it will fail\".\n",
            &[
                ("a shambles", "Anna Berg", "cue_before"),
                ("it will fail", "Anna Berg", "cue_before"),
            ],
        );
        check(
            "T\n\nTory leader Tom Price described the scheme as \"a gimmick\".\n",
            &[("a gimmick", "Tom Price", "cue_before")],
        );
        // The cue nearest the quote names its speaker: the adviser, not the one recalling.
        check(
            "T\n\nAnna Berg recalls how her mentor Peter Grant once advised her: \"Never sign first.\"\n",
            &[("Never sign", "Peter Grant", "cue_before")],
        );
        check(
            "T\n\nOne fan on Twitter posted: \"Best night ever!\"\n",
            &[(
                "Best night",
                "UNNAMED:One fan on Twitter",
                "cue_before+unnamed",
            )],
        );
    }

    #[test]
    fn unnamed_sources_stay_unnamed() {
        check(
            "T\n\nTom Price met officials. A spokesman for the Treasury said: \"We do not comment.\"\n",
            &[(
                "We do not",
                "UNNAMED:A spokesman for the Treasury",
                "cue_before+unnamed",
            )],
        );
        check(
            "T\n\nTom Price spoke. \"It is wrong,\" one analyst said.\n",
            &[("It is wrong", "UNNAMED:one analyst", "cue_after+unnamed")],
        );
        // One unnamed source speaking in narration is whom the next "he" means; critics are
        // several people, so "he" goes past them.
        check(
            "T\n\nTom Price spoke first. A company spokesman later said sales were flat. \"We expected it,\" he said.\n",
            &[("We expected", "UNNAMED:he", "cue_after+pronoun+unnamed")],
        );
        check(
            "T\n\nTom Price spoke first. Critics later said sales were flat. \"We expected it,\" he said.\n",
            &[("We expected", "Tom Price", "cue_after+pronoun")],
        );
        // "The Tory spokesman" is someone named before, not a new source.
        check(
            "T\n\nTom Price attacked the plan. The Tory spokesman also criticised the cost. \"It is absurd,\" he said.\n",
            &[("It is absurd", "Tom Price", "cue_after+pronoun")],
        );
    }

    #[test]
    fn the_person_told_is_not_the_speaker() {
        let text = "T\n\nJohn Harlow met Anna Pike on Monday. \"We all miss him so much,\" Harlow smiled, telling Pike how much he cared.\n\n\"It is over,\" told Mark Owen.\n";
        let speakers = speakers(text);
        assert_eq!(speakers[0].as_deref(), Some("John Harlow"), "{speakers:?}");
        assert_ne!(speakers[1].as_deref(), Some("Mark Owen"), "{speakers:?}");
        check(
            "T\n\nSara Mill spoke after Tom Reed. \"We are ready,\" Mill weighed in. The plan is a \"fresh start\", as Reed put it.\n",
            &[
                ("We are ready", "Sara Mill", "cue_after"),
                ("fresh start", "Tom Reed", "cue_after"),
            ],
        );
    }

    #[test]
    fn a_fragment_with_its_speaker_after_is_partial() {
        let text = "T\n\nThe merger will create a \"new company,\" as Owen Bright dubbed it, with heft. The plan is \"a disaster,\" according to Anna Pike. \"We will win,\" said Tom Reed.\n";
        let a = crate::pipeline::test_pipeline().analyse_text("t", text);
        let got: Vec<(&str, Option<String>)> = a
            .quotes
            .iter()
            .map(|q| {
                (
                    q.attribution.kind.name(),
                    a.speaker_name(q).map(|s| s.into_owned()),
                )
            })
            .collect();
        let want = [
            ("partial", Some("Owen Bright".to_string())),
            ("partial", Some("Anna Pike".to_string())),
            ("direct", Some("Tom Reed".to_string())),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_document_speaks_for_the_authors_named_after_it() {
        let text = "T\n\nFlood rules\n\nHomes near rivers need \"proper defences\", said the report published jointly by the Environment Agency (EA) and the Met Office. \"Act now,\" says the letter, signed by Greenpeace.\n";
        assert_eq!(
            speakers(text),
            [
                Some("Environment Agency|Met Office".to_string()),
                Some("Greenpeace".to_string())
            ]
        );
    }

    #[test]
    fn a_name_closing_a_participle_clause_is_not_the_subject() {
        check(
            "T\n\nThe scientists behind the trial published in the journal Acme Letters said the result was \"a surprise\".\n",
            &[("a surprise", "UNNAMED:The scientists", "cue_before+unnamed")],
        );
    }

    #[test]
    fn groups_of_researchers_are_unnamed_sources() {
        let text = "T\n\nResearchers at Leeds University said the results were \"striking\". Scientists at the Met Office warned of \"a hot decade\".\n";
        let a = crate::pipeline::test_pipeline().analyse_text("t", text);
        for q in &a.quotes {
            assert!(q.attribution.unnamed, "{:?}", a.speaker_name(q));
            assert_eq!(a.speaker_name(q), None);
        }
        assert_eq!(a.quotes.len(), 2);
    }

    #[test]
    fn a_description_opening_a_sentence_is_the_person_the_article_is_about() {
        check(
            "T\n\nPainter Rosa Vell has died aged 90. Vell was born in Hull. Vell later moved to Paris.\n\nA rival, Jane Holt, painted there too.\n\nThe artist was known for her bold colours. \"I never planned a picture,\" she once said.\n",
            &[("I never planned", "Rosa Vell", "cue_after+pronoun")],
        );
    }

    #[test]
    fn a_possessive_speech_noun_with_a_date_or_a_that_clause() {
        check(
            "T\n\nAfter Ms Lane's Nov. 3 announcement that the talks had produced a \"real breakthrough\" deal, prices rose.\n",
            &[("real breakthrough", "Lane", "possessive")],
        );
        // A "that" clause a few words after the noun.
        check(
            "T\n\nTom Hart spoke last week. The record contradicts his claim in that speech that the firm was \"never late\".\n",
            &[("never late", "Tom Hart", "possessive+pronoun")],
        );
        // The noun's speaker named after the quote, not the subject of the cue before it.
        check(
            "T\n\nMayor Ann Cole has vowed to press on despite a plea to \"stop and think\" from Tom Hart.\n",
            &[("stop and think", "Tom Hart", "possessive")],
        );
        // "The committee" and "it" after it: the committee named in the paragraph before.
        check(
            "T\n\nA report by the Senate farm committee attacked Acme Corp.\n\nThe committee reached its view after hearings. It said Acme was \"in denial\".\n",
            &[("in denial", "Senate farm committee", "cue_before+pronoun")],
        );
        // Orders and directives from someone: the one who gave them.
        check(
            "T\n\nThe raids followed orders from General Tom Hale to \"clear the valley\" in the \"war on smugglers\".\n",
            &[
                ("clear the valley", "Tom Hale", "possessive"),
                ("war on smugglers", "Tom Hale", "possessive"),
            ],
        );
    }

    #[test]
    fn a_possessive_is_no_cue() {
        let text = "T\n\nThe vote went ahead, while the Irish state's leader welcomed the \"bold\" move.\n";
        let a = crate::pipeline::test_pipeline().analyse_text("t", text);
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.speaker_name(&a.quotes[0]), None);
        let cue = a.quotes[0].attribution.cue.map(|c| c.text(&a.text));
        assert_eq!(cue, Some("welcomed"));
    }

    #[test]
    fn subject_after_an_opening_clause_ending_in_a_quoted_title() {
        check(
            "T\n\nDrummer Karl Voss joined the guitarist Ben Ivory on stage.\n\nAfter the band played \"Red Rain,\" Ivory introduced Voss\u{2019}s solo. \"He is the best,\" he said.\n",
            &[("He is the best", "Ben Ivory", "cue_after+pronoun")],
        );
    }

    #[test]
    fn subject_after_an_opening_participle_clause() {
        // The subject of "Born in ..., X became" is X, whoever spoke before.
        check(
            "T\n\nAnna Berg said: \"He was kind.\" Born in Leeds and educated at Oxford, Lord Tamworth became a judge. He retired in 1990. When he left, he said: \"I am done.\"\n",
            &[
                ("He was kind", "Anna Berg", "cue_before"),
                ("I am done", "Lord Tamworth", "cue_before+pronoun"),
            ],
        );
        check(
            "T\n\nPaul Okafor said: \"We lost.\" Elected in 2001, Mary Wiles led the council. Asked about it, she said: \"We will see.\"\n",
            &[("We will see", "Mary Wiles", "cue_before+pronoun")],
        );
    }

    #[test]
    fn pronouns_follow_gender_and_skip_names_in_quotes() {
        check(
            "T\n\nMary Jones met Michael Price. \"I told Michael Price no,\" she said. \"He disagreed,\" he said.\n",
            &[
                ("I told", "Mary Jones", "cue_after+pronoun"),
                ("He disagreed", "Michael Price", "cue_after+pronoun"),
            ],
        );
        // The people in a reported clause before ", he argued" are what was said, not who
        // said it; a clause with its own speech verb keeps its subject.
        check(
            "T\n\nCoach Tom Hale defended the tactics. The referee had favoured Peter Grant all day, he argued. \"We were robbed.\"\n",
            &[("We were robbed", "Tom Hale", "previous_sentence+pronoun")],
        );
        check(
            "T\n\nTom Hale spoke first. Peter Grant said the plan would fail, he told reporters. \"It is over,\" he added.\n",
            &[("It is over", "Peter Grant", "cue_after+pronoun")],
        );
        // The cue of the sentence before inverted after a comma: its subject follows it.
        check(
            "T\n\nAnn Cole opened the fair. Phones will be sewn into coats, says Ms Hartley. \"You will not see them.\"\n\nBut then, says Tom Reid, the money ran out. \"Nobody paid.\"\n",
            &[
                ("You will not", "Hartley", "previous_sentence"),
                ("Nobody paid", "Tom Reid", "previous_sentence"),
            ],
        );
    }

    #[test]
    fn roles_and_quote_runs() {
        check(
            "T\n\nForeign Secretary Anna Berg flew in. The foreign secretary said: \"We talk.\"\n\n\"We listen.\"\n",
            &[
                ("We talk", "Anna Berg", "cue_before+role"),
                ("We listen", "Anna Berg", "previous_sentence"),
            ],
        );
        check(
            "T\n\nMr Price said: \"Yes. \"And more.\"\n",
            &[("Yes.", "Price", "cue_before")],
        );
        // A party written as the newspapers write it: "the Lib Dem leader" is the gazetteer's
        // "Liberal Democrat leader".
        check(
            "T\n\nCharles Clarke met Charles Kennedy. Later the Lib Dem leader said: \"We disagree.\"\n",
            &[("We disagree", "Charles Kennedy", "cue_before+role")],
        );
        // Only a surname in the article, which the gazetteer gives a holder of the post: that
        // person, mentioned last, not an earlier holder named in full.
        check(
            "T\n\nJohn Major backed the rules. Later Mr Howard insisted he had played fair. The Tory leader said: \"We are honest.\"\n",
            &[("We are honest", "Howard", "cue_before+role")],
        );
        // Undated, both once held the office: the one the article calls an MP is not "the
        // prime minister".
        check(
            "T\n\nTory MP Theresa May backed the plan. Mrs May said David Cameron had called her. Later the prime minister said: \"We agree.\"\n",
            &[("We agree", "David Cameron", "cue_before+role")],
        );
    }

    #[test]
    fn a_qualified_or_later_role_is_another_post() {
        // Deputy leader Tom Vale is not "the leader"; vice president Ana Ruiz is not "the
        // president"; a role given only after the description does not name its speaker.
        check(
            "T\n\nThe party's deputy leader Tom Vale spoke first. Then the leader said it was \"a good day\".\n",
            &[("a good day", "", "cue_before")],
        );
        check(
            "T\n\nVice president Ana Ruiz spoke first. Then the president said it was \"a good day\".\n",
            &[("a good day", "", "cue_before")],
        );
        check(
            "T\n\nThe chairman said the plan was \"not amused\". Chairman Lee Park had left.\n",
            &[("not amused", "", "cue_before")],
        );
        check(
            "T\n\nFormer minister Joan Hale resigned. The former minister said: \"I am free.\"\n",
            &[("I am free", "Joan Hale", "cue_before+role")],
        );
    }

    #[test]
    fn foreground_people_participles_and_appositive_names() {
        // A name deep in a clause does not take the pronoun from the subject of a speech cue.
        check(
            "T\n\nAnna Berg said she would act. But the court had ruled against the claim of pensioner Mary Fox. \"It matters,\" she said.\n",
            &[("It matters", "Anna Berg", "cue_after+pronoun")],
        );
        // A participle's subject is the sentence's; "with" makes the name before it the subject.
        check(
            "T\n\nTom Price e-mailed Peter Grant saying the leak was \"a silly mistake\".\n",
            &[("a silly mistake", "Tom Price", "cue_before")],
        );
        // An adverb may open the sentence before that subject, no comma after it.
        check(
            "T\n\nLater council leader Ruth Mold wrote to the board, saying: \"We need answers.\"\n\nMeanwhile Tom Price sent her a note, saying: \"Not today.\"\n",
            &[
                ("We need answers", "Ruth Mold", "cue_before"),
                ("Not today", "Tom Price", "cue_before"),
            ],
        );
        check(
            "T\n\nThe party launched its plans, with leader Anna Berg saying it was \"the real choice\".\n",
            &[("the real choice", "Anna Berg", "cue_before")],
        );
        check(
            "T\n\nHis deputy on the panel, Peter Grant, said it was \"far too late\".\n",
            &[("far too late", "Peter Grant", "cue_before")],
        );
        check(
            "T\n\nShe rejected claims from opposition leader Tom Price that she ran a \"lazy government\".\n",
            &[("lazy government", "Tom Price", "possessive")],
        );
        // A sentence that opens with "But" and its verb shares the subject before.
        check(
            "T\n\nAnna Berg told reporters she was tired. But told the BBC: \"I will stay.\"\n",
            &[("I will stay", "Anna Berg", "cue_before")],
        );
    }

    #[test]
    fn phrases_after_cues_and_organisations() {
        check(
            "T\n\n\"We act,\" said Acme Holdings chairman Tom Price. \"We regulate,\" said the Electoral Commission.\n",
            &[
                ("We act", "Tom Price", "cue_after"),
                ("We regulate", "Electoral Commission", "cue_after"),
            ],
        );
        // Appositives with commas inside, or left open before the cue.
        check(
            "T\n\n\"We act,\" Tom Price, a fellow at the institute in Leeds, England, said. \"No,\" Rabbi Anna Berg, founder of the Acme Holdings said.\n",
            &[
                ("We act", "Tom Price", "cue_after"),
                ("No", "Anna Berg", "cue_after"),
            ],
        );
        // A time phrase between subject and cue; a for-to clause is not the speaker.
        check(
            "T\n\nTom Price last week said the plan was \"a mess\". Anna Berg said that for the minister to claim victory \"is absurd\".\n",
            &[
                ("a mess", "Tom Price", "cue_before"),
                ("is absurd", "Anna Berg", "cue_before"),
            ],
        );
        // "it" and "the company" are organisations; a ministry with its owner named is a name.
        check(
            "T\n\nAcme Holdings cut 200 jobs. \"We regret it,\" it said. The Welsh Assembly Government met. Councils must be \"reasonable\", says the assembly government. Russia's foreign ministry said it was \"a mistake\".\n",
            &[
                ("We regret", "Acme Holdings", "cue_after+pronoun"),
                ("reasonable", "Welsh Assembly Government", "cue_after+org"),
                ("a mistake", "Russia's foreign ministry", "cue_before"),
            ],
        );
        // "it" is the nearest organisation or unknown non-person speaker, not an older one.
        check(
            "T\n\nThe Grain Board said: \"Prices will rise.\" It added: \"Farmers must plan.\"\n\nTarnwell said trade was \"slow\". \"Pubs are shutting,\" it added. Harrow said sales were \"good\". \"Demand held,\" it added. Mr Lyle said: \"We wait.\" \"Costs rose,\" it added.\n",
            &[
                ("Prices will", "Grain Board", "cue_before"),
                ("Farmers must", "Grain Board", "cue_before+pronoun"),
                ("Pubs are", "Tarnwell", "cue_after+pronoun"),
                ("Demand held", "Harrow", "cue_after+pronoun"),
                ("Costs rose", "Harrow", "cue_after+pronoun"),
            ],
        );
    }

    #[test]
    fn names_descriptions_and_modifiers() {
        // A dotted honorific, and an organisation before a role and a name.
        check(
            "T\n\n\"We need a booster,\" said Rep. Frank Miller. \"Rates stay,\" said Bank of England Governor Mervyn Kingsley.\n",
            &[
                ("We need", "Frank Miller", "cue_after"),
                ("Rates stay", "Mervyn Kingsley", "cue_after"),
            ],
        );
        // "the Spaniard" is the person in the foreground; a hyphenated first name is a name.
        check(
            "T\n\nAnna-Lena Berg beat Maria Lopez. Lopez was the stronger player but lost. \"It was hard,\" said the Spaniard.\n",
            &[("It was hard", "Maria Lopez", "cue_after+salience")],
        );
        // A name used as a modifier is no antecedent.
        check(
            "T\n\nTom Price, the party's leader, spoke. The Anna Berg proposal, he says, is wrong. \"We will win,\" he added.\n",
            &[("We will win", "Tom Price", "cue_after+pronoun")],
        );
    }

    #[test]
    fn quotes_with_no_frame_of_their_own() {
        // Two sentences on, with nobody else named in between.
        check(
            "T\n\n\"I was stunned,\" said Tom Price. He learned that many had looked. \"It made me think.\"\n",
            &[("It made me", "Tom Price", "previous_quote")],
        );
        // After a sentence about someone, with no cue anywhere.
        check(
            "T\n\nAnna Berg returned to the issue later in the hearing. \"What vehicles exist today?\"\n",
            &[("What vehicles", "Anna Berg", "previous_subject")],
        );
        // A profile: the paragraph before ends on a sentence about the person; a question
        // naming someone else is the interviewer's, not a cue for the answer.
        check(
            "T\n\nPollster Ray Dunn has worked for every party. On this point, Dunn sounds weary.\n\n\"Voters are tired of us all.\" So is it about the money, as rival Lee Cho once claimed? \"No. It never was.\"\n",
            &[
                ("Voters are tired", "Ray Dunn", "previous_subject"),
                ("No. It never", "Ray Dunn", "continuation"),
            ],
        );
        // A description renamed by an appositive.
        check(
            "T\n\nThe group, Acme Workers Union, sent a letter stating that they \"want respect\".\n",
            &[("want respect", "Acme Workers Union", "cue_before")],
        );
        // An interview: answers with no cue go on with the last speaker, across the
        // interviewer's narration, until someone else is the subject of a sentence.
        check(
            "T\n\n\"We will grow,\" said Nina Holt of Acme.\n\nWhat about the costs? The firm expects them to fall.\n\n\"They will fall by half.\" The firm has cut 200 jobs.\n\nBen Ruiz is less sure. \"Costs never fall.\"\n",
            &[
                ("They will fall", "Nina Holt", "continuation"),
                ("Costs never fall", "Ben Ruiz", "previous_subject"),
            ],
        );
        check(
            "T\n\n\"We will grow,\" said Nina Holt.\n\nThe firm, Acme, was founded in 1990 by Ben Ruiz, who now advises rivals.\n\nIts shares rose 5%.\n\nThe rest of the market fell.\n\n\"Nobody saw it coming.\"\n",
            &[("Nobody saw", "", "none")],
        );
        // Descriptions of the person in focus: a two-word nationality, a prize winner.
        check(
            "T\n\nDirector Tom Vale spoke on Monday. \"It will take years,\" said the New Zealander. \"We will see,\" said the Oscar winner.\n",
            &[
                ("It will take", "Tom Vale", "cue_after+salience"),
                ("We will see", "Tom Vale", "cue_after+salience"),
            ],
        );
        // A plain noun after a capitalised owner belongs to the subject ("Derby centre Ben
        // Ruiz is delighted"); verbs do not ("Others targeted include Ben Ruiz").
        check(
            "T\n\nCoach Tom Vale picked him. Meanwhile, Derby centre Ben Ruiz is delighted to be called up. \"It is incredible,\" the youngster said.\n",
            &[("It is incredible", "Ben Ruiz", "cue_after+salience")],
        );
        check(
            "T\n\nOthers targeted include Ben Ruiz, party chief Tom Vale said. He said it was \"nothing personal\".\n",
            &[("nothing personal", "Tom Vale", "cue_before+pronoun")],
        );
        // A list of reactions, each a name and its quote.
        check(
            "T\n\n- Leeds boss Tom Vale \"We were poor.\" \n - Derby boss Ben Ruiz \"We deserved it.\"\n",
            &[
                ("We were poor", "Tom Vale", "label"),
                ("We deserved", "Ben Ruiz", "label"),
            ],
        );
        // A quote wrongly given to a place is not passed on.
        check(
            "T\n\n\"We won,\" Leeds said.\n\nThe crowd cheered. \"It was great.\" The match ended late.\n",
            &[("It was great", "", "none")],
        );
        // An interview: everyone quoted so far is one person, whose answers need no cue.
        check(
            "T\n\nNina Holt founded Acme in 1990. \"We began in a garage,\" she said. \"It was cold.\"\n\nWhy Leeds? Her partner Ben Ruiz wanted to move.\n\n\"Leeds gave us space.\" The move cost £2m.\n",
            &[("Leeds gave", "Nina Holt", "sole_speaker")],
        );
        // Not once two people have been quoted.
        check(
            "T\n\n\"We began in a garage,\" said Nina Holt. \"It was cold,\" said Ben Ruiz.\n\nWhy Leeds? Her partner Tom Vale wanted to move.\n\n\"Leeds gave us space.\" The move cost £2m.\n",
            &[("Leeds gave", "", "none")],
        );
    }

    #[test]
    fn a_statement_issued_by_an_organisation_described() {
        check(
            "T\n\nFans accused Harbour Foods Ltd of lying.\n\nThe company denied it in a statement on its website.\n\n\"We were shocked,\" the statement said.\n",
            &[("We were shocked", "Harbour Foods Ltd", "cue_after+document")],
        );
    }

    #[test]
    fn a_document_named_with_its_issuer_and_post_nominals() {
        check(
            "T\n\n\"Costs are falling,\" the Bank of England report said. Welsh Health Minister, Ann Lowe AM, said: \"Good.\"\n",
            &[
                ("Costs are falling", "Bank of England", "cue_after"),
                ("Good.", "Ann Lowe", "cue_before"),
            ],
        );
    }

    #[test]
    fn documents_speak_for_whoever_issued_them() {
        check(
            "T\n\nAcme Records issued a statement on Monday. \"We never blocked her,\" the statement said.\n",
            &[("We never blocked her", "Acme Records", "cue_after+document")],
        );
        check(
            "T\n\nTwo soldiers died, the US military said in a statement. \"The cause is unknown,\" the statement said.\n",
            &[("The cause is unknown", "US military", "cue_after+document")],
        );
        // No issuer named: an unnamed source.
        check(
            "T\n\n\"Prices will rise,\" the report said.\n",
            &[(
                "Prices will rise",
                "UNNAMED:the report",
                "cue_after+unnamed",
            )],
        );
    }

    #[test]
    fn appositives_roles_and_fragments() {
        // A person before a chain of appositives; a surname that is a role word.
        check(
            "T\n\nNick Davies, spokesman for the athletics body the IAAF, which banned him, said: \"We cannot comment.\"\n",
            &[("We cannot comment", "Nick Davies", "cue_before")],
        );
        check(
            "T\n\n\"Revenue fell again,\" said Ken Doctor, a news analyst. \"We are checking,\" Michael Lamberty, an airline spokesman told the BBC.\n",
            &[
                ("Revenue fell", "Ken Doctor", "cue_after"),
                ("We are checking", "Michael Lamberty", "cue_after"),
            ],
        );
        // A fragment in a sentence about a person is that person's word.
        check(
            "T\n\nTim Cook signed the \"historic\" deal.\n",
            &[("historic", "Tim Cook", "subject")],
        );
        // A person, then the body they speak for with no second comma; a person in an opening
        // phrase is not the subject.
        check(
            "T\n\nMary Bell, Fife Council said it was \"a shame\". After talks with Tom Hart, Acme said: \"Fine.\"\n",
            &[
                ("a shame", "Mary Bell", "cue_before"),
                ("Fine.", "Acme", "cue_before"),
            ],
        );
    }

    #[test]
    fn descriptions_renamed_after_the_cue_or_before_it() {
        // "said the X's Y, NAME." with the owner a plain noun, and a description no lexicon
        // knows renamed between commas, honorific and all.
        check(
            "T\n\n\"Tickets are gone,\" said the museum's head of visitor services, Rana Ode. \"We are full,\" ferry captain, Captain Jo Marsh, said. \"No,\" said the club's secretary.\n",
            &[
                ("Tickets are gone", "Rana Ode", "cue_after"),
                ("We are full", "Jo Marsh", "cue_after"),
                ("No,", "UNNAMED:the club's secretary", "cue_after"),
            ],
        );
    }

    #[test]
    fn a_role_renamed_is_the_subject_and_a_reported_clause_names_no_speaker() {
        // "The Home Secretary, Ann Cole, has ..." puts Ann Cole in subject position, ahead of
        // the speaker of the paragraph before.
        check(
            "T\n\nTom Reed said it was wrong. \"It is bad,\" he said.\n\nThe Home Secretary, Ann Cole, has refused to act. She said the law was \"clear\".\n",
            &[("clear", "Ann Cole", "cue_before+pronoun")],
        );
        // A person inside the reported clause, a quote in it or not, is not the "he" of the
        // cue after it, nor when the cue goes on with "saying".
        check(
            "T\n\n\"We must change,\" Ray Dunn said. Mr Webb's plan was a \"bold, reckless gamble,\" he added.\n\nRay Dunn spoke in Leeds. Mr Webb had failed, he argued, saying he had the \"wrong answer\".\n",
            &[
                ("bold, reckless gamble", "Ray Dunn", "cue_after+pronoun"),
                ("wrong answer", "Ray Dunn", "cue_before+pronoun"),
            ],
        );
    }

    #[test]
    fn statements_groups_and_given_names() {
        // "In a statement, X said ..." issues the statement that "the statement said" names;
        // a body unknown to the gazetteers ending in "Collective" is "the group"; "Madam" goes
        // with the given name.
        check(
            "T\n\nIn a statement, the Harbour Residents Collective, a tenants' group, said rents had \"doubled\". Madam Noor Aziz Hassan, 61, spoke too.\n\n\"We cannot stay,\" the statement said. \"We will go,\" Madam Noor said. \"Enough,\" the group said.\n",
            &[
                ("doubled", "Harbour Residents Collective", "cue_before"),
                (
                    "We cannot stay",
                    "Harbour Residents Collective",
                    "cue_after+document",
                ),
                ("We will go", "Noor Aziz Hassan", "cue_after"),
                ("Enough", "Harbour Residents Collective", "cue_after+org"),
            ],
        );
    }

    #[test]
    fn according_to_surveys_and_ages() {
        check(
            "T\n\nThe leader, according to the Home Office, made a trip for a \"quick review\".\n",
            &[("quick review", "Home Office", "cue_before")],
        );
        check(
            "T\n\nAccording to a 2018 survey by Anna Berg of the University of Leeds, firms prefer to \"cut costs first\".\n",
            &[("cut costs first", "Anna Berg", "cue_before")],
        );
        check(
            "T\n\nTom Price was appointed on Monday. The 56-year-old said: \"I am excited.\" The show \"aims to please everyone\", the channel said.\n",
            &[
                ("I am excited", "Tom Price", "cue_before+salience"),
                ("aims to please", "UNNAMED:the channel", "cue_after+unnamed"),
            ],
        );
    }

    #[test]
    fn participles_and_infinitives() {
        check(
            "T\n\nThe chain ran adverts using an open letter from company president Tom Price saying it was time for \"the plain truth\".\n",
            &[("the plain truth", "Tom Price", "cue_before")],
        );
        check(
            "T\n\nAnna Berg added that she would appear at a church in Leeds to explain how she \"came this far\". The rules allowed Tom Price to claim that he was \"the real winner\".\n",
            &[
                ("came this far", "Anna Berg", "cue_before"),
                ("the real winner", "Tom Price", "cue_before"),
            ],
        );
        // "continue to", "went on to": carrying on, not a cue; the speaker is who said so.
        check(
            "T\n\nMary Lowe runs Harbour Foods. She said the company would continue to fight \"every closure\" in court. Ed Park, the Leeds United coach, said Arsenal went on to play \"like champions\".\n",
            &[
                ("every closure", "Mary Lowe", "cue_before+pronoun"),
                ("like champions", "Ed Park", "cue_before"),
            ],
        );
    }

    #[test]
    fn opening_clauses() {
        // "Asked if X ...": X was asked about, not asked.
        check(
            "T\n\nAnna Berg took questions. Asked if Mary Fox would return, she replied: \"Not yet.\"\n",
            &[("Not yet", "Anna Berg", "cue_before+pronoun")],
        );
        // A pronoun in the opening clause points forward to the subject.
        check(
            "T\n\nTom Price was out. Realising her mistake, Anna Berg called him. \"Sorry,\" she said.\n",
            &[("Sorry", "Anna Berg", "cue_after+pronoun")],
        );
        // A pronoun inside the opening clause is not the sentence's subject: the name after
        // the comma is, and a later "she said" is her, not the speaker before.
        check(
            "T\n\n\"We lost,\" said Mary Fox.\n\nPressed on what she would change, Anna Berg smiled.\n\n\"Everything,\" she said.\n",
            &[("Everything", "Anna Berg", "cue_after+pronoun")],
        );
        // A description renamed before the verb is the subject.
        check(
            "T\n\n\"We lost,\" said Mary Fox.\n\nHer cousin, Anna Berg, said the club would appeal.\n\n\"It is not over,\" she said.\n",
            &[("It is not over", "Anna Berg", "cue_after+pronoun")],
        );
        // A subordinate clause without its comma keeps its subject.
        check(
            "T\n\nTom Price drove. When Anna Berg joined the team in 2001 she was the youngest. \"I had to learn,\" she said.\n",
            &[("I had to learn", "Anna Berg", "cue_after+pronoun")],
        );
    }

    #[test]
    fn a_passive_cue_gives_the_quote_to_its_agent() {
        check(
            "T\n\nThe budget in France was branded \"a disgrace\" by the Green Party. Tom Hart's plan was widely described as \"unworkable\" by Anna Berg. The bill was called \"cruel\" by one charity worker.\n",
            &[
                ("a disgrace", "Green Party", "passive_agent"),
                ("unworkable", "Anna Berg", "passive_agent"),
                (
                    "cruel",
                    "UNNAMED:one charity worker",
                    "passive_agent+unnamed",
                ),
            ],
        );
        // Active: the subject, whatever comes after "by".
        check(
            "T\n\nAnna Berg branded the plan \"a disgrace\" by any measure.\n",
            &[("a disgrace", "Anna Berg", "cue_before")],
        );
    }

    #[test]
    fn bodies_speak_jointly() {
        check(
            "T\n\nGreenpeace and Amnesty International issued a statement saying the law was \"a step back\". The Green Party and the Labour Party have jointly written to ministers, saying the cuts are \"reckless\". Oxfam and Save the Children said the plan was \"cruel\".\n",
            &[
                (
                    "a step back",
                    "Greenpeace|Amnesty International",
                    "cue_before+joint",
                ),
                ("reckless", "Green Party|Labour Party", "cue_before+joint"),
                ("cruel", "Oxfam|Save the Children", "cue_before+joint"),
            ],
        );
    }

    #[test]
    fn a_relative_clause_speaks_for_the_phrase_before_it() {
        check(
            "T\n\nThe report was published with Anna Berg, who said the plan was \"cruel\". Tom Hart met Oxfam, which said the plan was \"unfair\". The deal was backed by Oxfam, which described it as \"a start\". Tom Hart met Anna Berg of Norway, who later told reporters it was \"a good meeting\".\n",
            &[
                ("cruel", "Anna Berg", "cue_before"),
                ("unfair", "Oxfam", "cue_before"),
                ("a start", "Oxfam", "cue_before"),
                ("a good meeting", "Anna Berg", "cue_before"),
            ],
        );
        // A list bullet on a new line starts a new sentence: the cue before it is not the
        // quote's.
        check(
            "T\n\nThe MPs said:\n - Ministers should heed the Smith Review, which said more homes were needed.\n - Ministers should draw up a \"national plan\" for towns.\n",
            &[("national plan", "NONE", "other")],
        );
    }

    #[test]
    fn a_plain_person_noun_is_an_unnamed_source_when_indefinite() {
        check(
            "T\n\nDr Farah Jalloh said it was \"fine\". A woman said it was \"awful\". One farmer said: \"We are broke.\"\n\nOne woman, who declined to give her name, said staff were worried.\n\n\"Everybody knew,\" she said.\n",
            &[
                ("awful", "UNNAMED:A woman", "cue_before+unnamed"),
                ("We are broke", "UNNAMED:One farmer", "cue_before+unnamed"),
                ("Everybody knew", "UNNAMED:she", "cue_after+pronoun+unnamed"),
            ],
        );
        // One opening a sentence with no cue is whom the next "she" means.
        check(
            "T\n\nClaire Vasseur said the plan was \"a disgrace\".\n\nA woman walking her dog, who declined to give her name, was less diplomatic. \"They call it a pool,\" she said.\n",
            &[(
                "They call it a pool",
                "UNNAMED:she",
                "cue_after+pronoun+unnamed",
            )],
        );
        // A definite one points back to someone named: not a new source.
        check(
            "T\n\nJamie Costin should be paralysed. \"I was in a lot of pain,\" says the 31-year-old man.\n",
            &[("I was in a lot of pain", "Jamie Costin", "cue_after")],
        );
    }

    #[test]
    fn a_scene_opener_leaves_the_subject_after_its_comma() {
        check(
            "T\n\nCouncil chief Jo-Anne Pere says the review is \"the right place\".\n\nBack on the farm, Kiri Tane isn't waiting for a review.\n\n\"We've got a mortgage,\" she says.\n\nOutside the hall, Jo-Anne Pere was unmoved. \"It takes time,\" she said.\n",
            &[
                ("We've got a mortgage", "Kiri Tane", "cue_after+pronoun"),
                ("It takes time", "Jo-Anne Pere", "cue_after+pronoun"),
            ],
        );
    }

    #[test]
    fn a_pronoun_chain_beats_an_unnamed_subject_of_no_gender() {
        check(
            "T\n\nMaria Lopez grew up in Leeds. At school, she says, a teacher told her she was \"not university material\".\n\n\"I believed it for years,\" she says.\n",
            &[
                ("not university material", "UNNAMED:a teacher", "cue_before"),
                ("I believed", "Maria Lopez", "cue_after+pronoun"),
            ],
        );
        // A pronoun of the other gender still finds the description.
        check(
            "T\n\nMaria Lopez grew up in Leeds. At school, she says, a teacher told her she was \"not university material\".\n\n\"It was a lesson,\" he says.\n",
            &[("It was a lesson", "UNNAMED:he", "cue_after+pronoun+unnamed")],
        );
    }

    #[test]
    fn a_quote_paragraph_after_narration_is_the_narrated_person() {
        let text = "T\n\n\"We will appeal,\" said Tom Hart.\n\nAs the talk turns to money, Anna Berg leans back in her chair.\n\n\"Nobody in this town has savings any more.\"\n\nThe council meets again in May.\n\n\"It will be a long spring.\"\n";
        check(
            text,
            &[
                ("We will appeal", "Tom Hart", "cue_after"),
                ("Nobody in this town", "Anna Berg", "narration_subject"),
                // Narration about no person leaves the run to the last speaker.
                ("It will be a long spring", "Anna Berg", "quote_run"),
            ],
        );
    }

    #[test]
    fn a_role_of_a_body_before_a_name() {
        check(
            "T\n\nChief Executive of the Refugee Council Maurice Wren said: \"It is cruel.\"\n\nDirector of the British Museum Neil MacGregor said it was \"a triumph\".\n\nChairman of the Transport Committee Peter Hale MP, said: \"It is a mess.\"\n\nRuth Kelly MP said the plan was \"unfunded\".\n",
            &[
                ("It is cruel", "Maurice Wren", "cue_before"),
                ("a triumph", "Neil MacGregor", "cue_before"),
                ("It is a mess", "Peter Hale", "cue_before"),
                ("unfunded", "Ruth Kelly", "cue_before"),
            ],
        );
    }

    #[test]
    fn a_description_named_later_word_for_word() {
        check(
            "T\n\nThe protests went on.\n\nNorway's envoy to Kenya warned that Oslo \"will not stand by\".\n\nRiots spread on Monday.\n\nNorway's envoy to Kenya Tom Hale has said the talks \"must go on\".\n",
            &[
                ("will not stand by", "Tom Hale", "cue_before+role"),
                ("must go on", "Tom Hale", "cue_before"),
            ],
        );
        // Another description is no one named later.
        check(
            "T\n\nThe protests went on.\n\nNorway's envoy to Sweden warned that Oslo \"will not stand by\".\n\nRiots spread.\n\nNorway's envoy to Kenya Tom Hale has said the talks \"must go on\".\n",
            &[("will not stand by", "", "")],
        );
    }

    #[test]
    fn a_body_named_again_by_its_kind() {
        check(
            "T\n\nThe scheme is run by the Tees Valley Partnership and the Kestrel Trust.\n\nThe partnership said the barriers had been \"overwhelmed\". The trust said it was \"deeply concerned\".\n",
            &[
                ("overwhelmed", "Tees Valley Partnership", "cue_before+org"),
                ("deeply concerned", "Kestrel Trust", "cue_before+org"),
            ],
        );
    }

    #[test]
    fn a_body_renamed_between_commas() {
        check(
            "T\n\nThe company that manages the plantation, Waikura Forest Partners, says it is \"deeply sorry\". Tom Hale, Acme Holdings, said it was \"bad\". His employer, Acme Holdings, said it was \"good\".\n",
            &[
                ("deeply sorry", "Waikura Forest Partners", "cue_before"),
                ("bad", "Tom Hale", "cue_before"),
                ("good", "Acme Holdings", "cue_before"),
            ],
        );
    }

    #[test]
    fn a_quote_that_is_its_own_cue() {
        check(
            "T\n\nAnna Berg \"totally condemned\" the deletion of the files.\n\nThe Green Party \"denied\" any wrongdoing on Friday.\n",
            &[
                ("totally condemned", "Anna Berg", "cue_inside"),
                ("denied", "Green Party", "cue_inside"),
            ],
        );
        // A quoted word that is no reporting verb stays a scare quote.
        check(
            "T\n\nAnna Berg \"totally rebuilt\" the house.\n",
            &[("totally rebuilt", "NONE", "other")],
        );
    }

    #[test]
    fn a_national_branch_is_the_body() {
        check(
            "T\n\nGreenpeace Canada questioned the \"secret deal\" on Monday.\n",
            &[("secret deal", "Greenpeace", "cue_before")],
        );
    }

    #[test]
    fn cues_of_many_kinds() {
        check(
            "T\n\nThe vote was lost. Nina Holt confided: \"I was scared.\" Her rival Ben Ruiz hit back at critics: \"They are wrong.\" \"Nonsense,\" Tom Hart fired back. \"Is it over?\" Ann Lee enquired.\n",
            &[
                ("I was scared", "Nina Holt", "cue_before"),
                ("They are wrong", "Ben Ruiz", "cue_before"),
                ("Nonsense", "Tom Hart", "cue_after"),
                ("Is it over", "Ann Lee", "cue_after"),
            ],
        );
    }

    #[test]
    fn a_description_whose_name_is_withheld_is_unnamed() {
        // Whatever its head noun, and whatever body it names.
        check(
            "T\n\nTom Hart was sacked. One Green councillor, who asked not to be named, said: \"We were misled.\"\n",
            &[(
                "We were misled",
                "UNNAMED:One Green councillor",
                "cue_before+unnamed",
            )],
        );
        check(
            "T\n\n\"It was chaos,\" said one shop assistant, speaking on condition of anonymity.\n",
            &[(
                "It was chaos",
                "UNNAMED:one shop assistant",
                "cue_after+unnamed",
            )],
        );
        // The narration subject is the unnamed source, not the name after the cue, and the
        // next "she said" is her.
        check(
            "T\n\nTom Hart was sacked. A former board member, who declined to be named, said Hart had been warned.\n\n\"He knew,\" she said.\n",
            &[("He knew", "UNNAMED:she", "cue_after+pronoun+unnamed")],
        );
        // A named person stays named.
        check(
            "T\n\n\"It was chaos,\" said Tom Hart, who asked not to be named in the report.\n",
            &[("It was chaos", "Tom Hart", "cue_after")],
        );
    }

    #[test]
    fn descriptions_joined_by_and() {
        // Before a name, one person.
        check(
            "T\n\n\"It is easier,\" points out former athlete and BBC pundit Ken Dow.\n",
            &[("It is easier", "Ken Dow", "cue_after")],
        );
        // A description in the first sentence, named in the next: "the trade and industry
        // secretary" is whoever speaks next, when the article gives them no other post.
        check(
            "T\n\nShops must be \"set free\", the trade and industry secretary has said.\n\nThe rules were out of date, Ruth Marsh said. Ms Marsh told traders it was \"time\".\n",
            &[
                ("set free", "Ruth Marsh", "cue_in_sentence+role"),
                ("time", "Ruth Marsh", "cue_before"),
            ],
        );
        // A sentence opening with "But" has its subject after it.
        check(
            "T\n\nBut the union is continuing to insist on a \"fair deal\" for staff.\n",
            &[("fair deal", "UNNAMED:the union", "cue_before+unnamed")],
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_other() {
        check(
            "T\n\nThe show was a \"hit\" with fans. She wrote the novel \"Silent Night\" in 2004.\n",
            &[("hit", "NONE", "other"), ("Silent Night", "NONE", "other")],
        );
    }

    #[test]
    fn a_mention_asked_for_past_the_sentence_is_none() {
        // Found by the property test: the frame readers asked for a mention one past the
        // last item ("according to" at the end of a sentence, its phrase empty).
        let s = speakers("Labour'saccording to he said''ǅ. (\"’, ");
        assert!(s.len() <= 2, "{s:?}");
    }

    #[test]
    fn styles_of_other_outlets() {
        // A demonym after an age is no name; a hyphenated first name of two genders tells none.
        check(
            "T\n\nMarie-Paul Okello, a 41-year-old Kenyan nurse, queued for hours. \"I had to,\" he told reporters.\n",
            &[("I had to", "Marie-Paul Okello", "cue_after+pronoun")],
        );
        // "adding that X": X is what was said, not who said it; a date ends a body's name.
        check(
            "T\n\nMembers walked out of the Punjab Provincial Assembly on Monday. Asha Verma said families were \"left waiting\", adding that the council had cut staff.\n",
            &[("left waiting", "Asha Verma", "cue_before")],
        );
        // A judge styled "Justice" is "the judge".
        check(
            "T\n\nJustice Farah Qadri heard the appeal. Mr Siddiqui spoke for the bank.\n\nThe judge then asked: \"Where is the order?\"\n",
            &[("Where is", "Farah Qadri", "cue_before+role")],
        );
        // An exchange: after an answer, the questioner's turn; after their question, the
        // answer's; a run of one speaker's paragraphs stays theirs.
        check(
            "T\n\n\"Who approved the payment?\" Cruz asked.\n\n\"It went through the process,\" replied Tomas Ligot, the engineer.\n\n\"That is not my question. Who signed?\"\n\n\"I did.\"\n\nLater Ana Cruz spoke to reporters. \"It is a scandal,\" she said.\n\n\"Who will pay?\"\n\n\"The people will.\"\n",
            &[
                ("That is not", "Ana Cruz", "quote_run"),
                ("I did", "Tomas Ligot", "quote_run"),
                ("The people will", "Ana Cruz", ""),
            ],
        );
        // After a question closing the quote, the attribution may go on past its comma; a
        // narrative sentence after one is not it.
        check(
            "T\n\n\"Where is the wall? Who signed for it?\" Senator Ana Cruz said, holding up a photograph of an empty riverbank in the province of Bulacan.\n\nDel Reyes spoke. \"Why did nobody claim a penalty?\" Rangers boss Alex Moir accepted the referee had no option but to send the striker off.\n",
            &[("Where is", "Ana Cruz", "cue_after")],
        );
        let s = speakers(
            "T\n\nDel Reyes spoke. \"Why did nobody claim a penalty?\" Rangers boss Alex Moir accepted the referee had no option but to send the striker off.\n",
        );
        assert_ne!(s[0].as_deref(), Some("Alex Moir"), "{s:?}");
        // A relative clause with no commas before the cue: its antecedent speaks; "told X
        // that" opens what was said.
        check(
            "T\n\nA woman who runs the bakery said the rules were \"a nightmare\" for traders.\n\nRep. Ana Ortiz chairs the panel. The chairwoman of the panel that oversees ports said the bill was \"far from dead\" on Monday.\n",
            &[
                ("a nightmare", "UNNAMED:A woman", "cue_before"),
                ("far from dead", "Ana Ortiz", "cue_before"),
            ],
        );
        let a = crate::pipeline::test_pipeline().analyse_text(
            "t",
            "T\n\nOn Friday Minister Ivo Pavlik told the senate that the US had agreed to release them after \"long and tiring talks\" over security.\n",
        );
        assert_eq!(a.speaker_label(&a.quotes[0]), "United States");
        // A description in the lede is the person named next when that person is the subject
        // of a cue after a clause set off by commas.
        check(
            "T\n\nThe Democratic chairwoman of the Senate ports committee said Monday that the bill is \"very much alive,\" despite delays.\n\nSen. Carla Mendes (D-Ore.), who leads the committee, told reporters she expects a vote soon.\n",
            &[("very much alive", "Carla Mendes", "")],
        );
        // "the dad-of-three" is headed by "dad", a man's word; "the mum-of-two" by a woman's:
        // each is the person in focus of that gender.
        check(
            "T\n\nNurse Ann Vale, 33, lost her ring after Tom Marsh, 41, binned it.\n\nThe mum-of-two told the Sun: \"I cried.\"\n\nThe dad-of-three, who works nights, added: \"I felt awful.\"\n",
            &[
                ("I cried", "Ann Vale", "cue_before+salience"),
                ("I felt awful", "Tom Marsh", "cue_before+salience"),
            ],
        );
        // A short time phrase opening a sentence without a comma leaves the subject after it
        // in the foreground, ahead of an earlier speaker.
        check(
            "T\n\nGrocer Tom Vale, 52, lost his keys. His brother Ben Vale, 48, searched the park.\n\nTom admitted: \"I felt a fool.\"\n\nWithin the hour Ben was at the pond. After two hours he found them.\n\n\"They were under a bench,\" he said.\n",
            &[("They were under", "Ben Vale", "cue_after+pronoun")],
        );
        // The comma may come after the cue's addressee and a time; a clause there is no cue's.
        check(
            "T\n\n\"Who will pay? The council?\" Farida Osman told the Daily Record on Friday, pointing at the flooded road.\n\n\"Why now?\" Tomas Reyes told reporters, waving a letter.\n",
            &[
                ("Who will pay", "Farida Osman", "cue_after"),
                ("Why now", "Tomas Reyes", "cue_after"),
            ],
        );
        let s = speakers(
            "T\n\nDel Reyes spoke. \"Why did nobody claim a penalty?\" Rangers boss Alex Moir accepted the referee had no option, pointing to the replay shown on the big screen at the ground.\n",
        );
        assert_ne!(s[0].as_deref(), Some("Alex Moir"), "{s:?}");
        // "the state governor, Dr X," gives X the post: "the governor" later is X, not the
        // aide named since.
        check(
            "T\n\nThe state governor, Dr Bola Adeyemi, condemned the attack. In a statement by his press secretary, Mr Tunde Oke, the governor called it \"wicked\".\n",
            &[("wicked", "Bola Adeyemi", "cue_before+role")],
        );
        // Kin and others described, not named: "a second relative ... the relative said".
        check(
            "T\n\n\"They paid,\" said Musa Bello, whose son was taken.\n\nA second relative, who asked not to be named, confirmed the payment.\n\n\"The money was taken on Thursday,\" the relative said.\n",
            &[("The money", "UNNAMED:the relative", "cue_after+unnamed")],
        );
        // "the farmer" after "one farmer" is that unnamed farmer, not the last speaker.
        check(
            "T\n\nOne farmer asked who would pay. \"We will,\" replied Ken Ito, a manager.\n\n\"That is not what I asked,\" the farmer shot back.\n",
            &[("That is not", "UNNAMED:the farmer", "cue_after+unnamed")],
        );
        // A family name written first tells no gender ("Wang" is a man's first name in an
        // English list): "she" is Wang Li-hua.
        check(
            "T\n\nLegislator Hsu Chih-wei spoke first. Legislator Wang Li-hua said growers in her district had lost crops. \"They are old,\" Wang said. \"They have no phones,\" she said.\n",
            &[("They have no", "Wang Li-hua", "cue_after+pronoun")],
        );
        // A nickname in quote marks inside a name is no quote, and no part of the name.
        check(
            "T\n\nTown Mayor Rodel \"Boy\" Cabrera wrote on Facebook that he had asked twice. \"Still nothing,\" he wrote. Pitcher Carl \"Lefty\" Dunn said it was \"unfair\".\n",
            &[
                ("Boy", "NONE", "other"),
                ("Still nothing", "Rodel Cabrera", "cue_after+pronoun"),
                ("Lefty", "NONE", "other"),
                ("unfair", "Carl Dunn", "cue_before"),
            ],
        );
        // A cabinet, an embassy, a presidency are bodies.
        check(
            "T\n\nKenya's cabinet said it would \"address all complaints\". The embassy said it was \"monitoring events closely\".\n",
            &[
                ("address all", "Kenya's cabinet", "cue_before"),
                ("monitoring", "UNNAMED:The embassy", "cue_before+unnamed"),
            ],
        );
        // A cue inside an opening subordinate clause is not the main clause's; "As" opens a
        // clause whose cue is.
        check(
            "T\n\nWhen Mrs Ellison reported the theft, Harlow Bank refused to pay, saying she had \"failed to take care\". As Mr Pyke said, the bank was \"heartless\".\n",
            &[
                ("failed to take", "Harlow Bank", "cue_before"),
                ("heartless", "Pyke", "cue_before"),
            ],
        );
        // All the name someone gave is their name; Māori names and titles.
        check(
            "T\n\nA driver who gave only his first name, Bilal, said the road was shut. \"We waited hours,\" he said. Kuia Huia Tamaki spoke next. \"It is our river,\" she said.\n",
            &[
                ("We waited", "Bilal", "cue_after+pronoun"),
                ("It is our river", "Huia Tamaki", "cue_after+pronoun"),
            ],
        );
        // Spanish names: the first of two surnames alone is the person; a compound adjective
        // opens no company's name.
        check(
            "T\n\nIts finance chief, Rodrigo Valenzuela Ahumada, spoke. \"We must change,\" Valenzuela said. Toronto-listed Tolsen Resources said it was \"calm\".\n",
            &[
                ("We must change", "Rodrigo Valenzuela Ahumada", "cue_after"),
                ("calm", "Tolsen Resources", "cue_before"),
            ],
        );
        // A description opening a sentence is whom the sentence before was about, not the
        // person the article names most; "a fan booed the manager" brings in no manager.
        check(
            "T\n\nTom Roth scored twice. Roth was superb and Roth took the award home.\n\nMark Fenn was angry. The Darby coach was asked about the result. \"It was a farce,\" he said.\n",
            &[("It was a farce", "Mark Fenn", "cue_after+pronoun")],
        );
        check(
            "T\n\nGary Lowe's side lost again and a fan booed the manager. Lowe did not see it that way. The Calder manager described the penalty as \"soft\".\n",
            &[("soft", "Gary Lowe", "cue_before+salience")],
        );
        // A labelling participle labels the quote right after it, not a later one.
        check(
            "T\n\nSpeaking at the ministry in the New Capital District, Omar Fathy said the scheme, branded \"Card Plus,\" had cut waste by \"no less than 18 percent\".\n",
            &[("no less than", "Omar Fathy", "cue_before")],
        );
        // An unnamed description in the lede, owned up to by name after it.
        check(
            "T\n\nAn opposition lawmaker on Monday attacked the plan, calling it \"a slap in the face\".\n\nMP Dana Levi of the Green party made the remarks during a committee session.\n\nA senior official said the plan was \"fair\". Tom Bek, the minister, spoke later.\n",
            &[
                ("a slap", "Dana Levi", "cue_before+remarks"),
                ("fair", "UNNAMED:A senior official", "cue_before+unnamed"),
            ],
        );
        // "The chief executive of Hanul Telecom" in the lede is the chief executive named
        // next; "the chief executive of a leading car maker" is no one named.
        check(
            "T\n\nThe chief executive of Varen Telecom bowed in apology on Tuesday, vowing to take \"full responsibility\" for the breach.\n\n\"We are sorry,\" Varen Telecom CEO Ko Min-jae said.\n\nRivals were calm. \"It will pass,\" the chief executive of a leading Korean carrier told reporters.\n",
            &[
                ("full responsibility", "Ko Min-jae", "cue_before+role"),
                (
                    "It will pass",
                    "UNNAMED:the chief executive of a leading Korean carrier",
                    "",
                ),
            ],
        );
        // "the manager" is someone named, unless an unnamed one came in before.
        check(
            "T\n\nPaolo Renzi's side lost again. Renzi was furious. The Calder manager called the penalty \"a joke\".\n",
            &[("a joke", "Paolo Renzi", "cue_before+salience")],
        );
        check(
            "T\n\nTara Nolan runs the mill. One hedge fund manager said it was \"doomed\". \"I sold,\" the fund manager said.\n",
            &[("I sold", "UNNAMED:the fund manager", "cue_after+unnamed")],
        );
        // The name closing a relative clause is not the subject: who the clause is about is.
        check(
            "T\n\nLena Park spoke. A Seoul-based trader who knows the firm said its numbers were \"thin\". Ahmed Sayed, who met the minister, said it was \"fine\".\n",
            &[
                ("thin", "UNNAMED:A Seoul-based trader", "cue_before+unnamed"),
                ("fine", "Ahmed Sayed", "cue_before"),
            ],
        );
    }

    #[test]
    fn those_who_speak_for_someone() {
        // Lawyers, families, offices and campaigns speak for someone without being named.
        check(
            "T\n\nThe singer Lia Moss was charged on Friday.\n\nHer lawyers said in a statement: \"She denies it.\" The family said: \"We stand by her.\" Her office said the report was \"false\". \"We go on,\" the Moss campaign said.\n",
            &[
                ("She denies", "UNNAMED:Her lawyers", "cue_before+unnamed"),
                ("We stand", "UNNAMED:The family", "cue_before+unnamed"),
                ("false", "UNNAMED:Her office", "cue_before+unnamed"),
                (
                    "We go on",
                    "UNNAMED:the Moss campaign",
                    "cue_in_sentence+unnamed",
                ),
            ],
        );
        // A spokesman for a person brought in with a role is still unnamed; a role holding a
        // preposition, or a name holding one, is the person's own.
        check(
            "T\n\nOn Friday, a spokesman for Transport Minister Ana Ruiz said: \"She is away.\" An aide to Secretary of State Ken Moe said: \"He is not.\"\n\nSecretary of State Ken Moe said: \"I am here.\" Bank of Ruritania governor Ivo Tal said: \"Rates stay.\"\n",
            &[
                (
                    "She is away",
                    "UNNAMED:a spokesman for Transport Minister Ana Ruiz",
                    "cue_before+unnamed",
                ),
                (
                    "He is not",
                    "UNNAMED:An aide to Secretary of State Ken Moe",
                    "cue_before+unnamed",
                ),
                ("I am here", "Ken Moe", "cue_before"),
                ("Rates stay", "Ivo Tal", "cue_before"),
            ],
        );
        check(
            "T\n\nFriends of the Earth campaigner Ola Berg said: \"It is bad.\"\n",
            &[("It is bad", "Ola Berg", "cue_before")],
        );
        // The name a source gives as all their name is the speaker, with or without commas
        // round the clause.
        check(
            "T\n\nA porter, who gave his name only as Obi, said: \"We wait.\" A vendor who identified herself simply as Ada said: \"We pay.\"\n",
            &[
                ("We wait", "Obi", "cue_before"),
                ("We pay", "Ada", "cue_before"),
            ],
        );
        // A statement signed by someone, set off before the cue: the body speaks.
        check(
            "T\n\nThe Ministry of Health, in a letter signed by its permanent secretary, Dr Ada Obi, said: \"We are ready.\"\n",
            &[("We are ready", "Ministry of Health", "cue_before")],
        );
        // "According to him," before a quote: the pronoun, resolved.
        check(
            "T\n\nUnion chief Ada Okoro spoke. According to her, \"Nobody called us.\"\n",
            &[("Nobody called", "Ada Okoro", "cue_before+pronoun")],
        );
        // A body's noun in capitals is still the body named before ("the NGO").
        check(
            "T\n\nEnvironmental NGO Kampanja Verde said it was \"a charter\". \"Permits keep coming,\" the NGO said. The Commission said it was \"lawful\".\n",
            &[("Permits keep", "Kampanja Verde", "cue_after+org")],
        );
        // A letter from someone is their own words.
        check(
            "T\n\nAn open letter from chief executive Dora Lind said it was \"a fight\".\n",
            &[("a fight", "Dora Lind", "")],
        );
        // An appositive left open after a person opening the sentence.
        check(
            "T\n\nMarta Kovac, a spokeswoman for the Green Party said: \"No.\" Jon Lee, an aide to the mayor told reporters: \"Yes.\"\n",
            &[
                ("No.", "Marta Kovac", "cue_before"),
                ("Yes.", "Jon Lee", "cue_before"),
            ],
        );
    }
}
