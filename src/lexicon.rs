//! The word lists that drive the rules: cue verbs, honorifics, roles, unnamed-source nouns,
//! boilerplate phrases and the rest, read from the files under `data/`.
//!
//! The files are embedded in the binary; a user can replace any of them by putting a file of
//! the same name in a folder given as `--data DIR` (see [`Lexicon::load`]).
//!
//! ```
//! let lex = saidby::lexicon::Lexicon::embedded().unwrap();
//! assert_eq!(lex.cue_at(&["said"]).map(|c| c.lemma.as_str()), Some("say"));
//! assert!(lex.is_honorific("Mr"));
//! ```

use std::path::Path;

use crate::error::DataError;
use crate::text::{with_ascii_lowercase, with_lowercase};

/// `s.contains(char::is_whitespace)`, deciding by its bytes when they are ASCII.
fn has_whitespace(s: &str) -> bool {
    s.bytes()
        .any(|b| matches!(b, b'\t'..=b'\r' | b' ') || b >= 0x80)
        && s.contains(char::is_whitespace)
}

// Every rule looks words up in these lists: a fast hash (foldhash, seeded per run).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// A word list with a small filter in front of its hash table: most words a rule asks about
/// are in none of the lists, and the filter (one bit per length, first and last byte) says so
/// without hashing them.
#[derive(Debug, Default)]
struct WordSet {
    /// The words' bytes: an ASCII word lower-cased on the stack is looked up as it is.
    words: HashSet<Box<[u8]>>,
    filter: Vec<u64>,
}

impl WordSet {
    const BITS: usize = 4096;

    /// The filter's bit for a word's bytes as they are, or lower-cased (ASCII only).
    fn bit(w: &[u8], lower: bool) -> Option<usize> {
        let (&a, &z) = (w.first()?, w.last()?);
        let (a, z) = if lower {
            (a.to_ascii_lowercase(), z.to_ascii_lowercase())
        } else {
            (a, z)
        };
        Some((a as usize * 31 + z as usize * 131 + w.len() * 7919) % Self::BITS)
    }

    fn may_hold(&self, bit: Option<usize>) -> bool {
        match bit {
            Some(b) => self
                .filter
                .get(b / 64)
                .is_some_and(|f| f & (1 << (b % 64)) != 0),
            None => true,
        }
    }

    fn insert(&mut self, w: String) {
        if self.filter.is_empty() {
            self.filter = vec![0; Self::BITS / 64];
        }
        if let Some(b) = Self::bit(w.as_bytes(), false) {
            self.filter[b / 64] |= 1 << (b % 64);
        }
        self.words.insert(w.into_bytes().into_boxed_slice());
    }

    fn contains(&self, w: &str) -> bool {
        self.may_hold(Self::bit(w.as_bytes(), false)) && self.words.contains(w.as_bytes())
    }

    /// Whether the list (in lower case) holds `w` in lower case.
    fn contains_lower(&self, w: &str) -> bool {
        let b = w.as_bytes();
        if !b.is_ascii() {
            return with_lowercase(w, |l| self.contains(l));
        }
        // An ASCII word's lower case has its length, and its ends lower-cased.
        self.may_hold(Self::bit(b, true)) && with_ascii_lowercase(b, |l| self.words.contains(l))
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

/// A phrase of ASCII words in lower case, joined by spaces, on the stack: the key of
/// [`Lexicon::role`], and (when the words hold no space) of each run of its last words as a
/// part of it.
struct RoleKey {
    buf: [u8; RoleKey::STACK],
    len: usize,
    /// Where each word starts.
    starts: [usize; RoleKey::WORDS],
    words: usize,
}

impl RoleKey {
    const STACK: usize = 64;
    const WORDS: usize = 8;

    /// None when the words do not fit or are not ASCII.
    fn new(words: &[&str]) -> Option<RoleKey> {
        let len = words
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .checked_sub(1)?;
        if len > Self::STACK || words.len() > Self::WORDS || !words.iter().all(|w| w.is_ascii()) {
            return None;
        }
        let mut key = RoleKey {
            buf: [0; Self::STACK],
            len: 0,
            starts: [0; Self::WORDS],
            words: words.len(),
        };
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                key.buf[key.len] = b' ';
                key.len += 1;
            }
            key.starts[i] = key.len;
            key.buf[key.len..key.len + w.len()].copy_from_slice(w.as_bytes());
            key.len += w.len();
        }
        key.buf[..key.len].make_ascii_lowercase();
        Some(key)
    }

    /// The key of the last `n` words.
    fn suffix(&self, n: usize) -> &[u8] {
        &self.buf[self.starts[self.words - n]..self.len]
    }
}

/// Gender as far as a name, honorific or pronoun tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Gender {
    pub fn parse(s: &str) -> Option<Gender> {
        match s {
            "m" | "M" | "male" => Some(Gender::Male),
            "f" | "F" | "female" => Some(Gender::Female),
            "" | "-" | "u" | "U" | "unknown" => Some(Gender::Unknown),
            _ => None,
        }
    }

    /// Whether a mention of this gender can be what a pronoun of gender `other` refers to.
    pub fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// Introduces the speaker's words ("said", "warned").
    Speech,
    /// Puts a quoted label on something ("described it as", "branded"): partial quotes only.
    Label,
    /// A question ("asked").
    Ask,
    /// An opinion ("believes", "thinks"): a cue for quoted clauses, not for a quoted word.
    Think,
}

#[derive(Clone, Debug)]
pub struct Cue {
    pub lemma: String,
    pub class: CueClass,
    /// The words of this form, lower case ("pointed", "out").
    pub words: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HonorificKind {
    /// Dropped from a canonical name ("Mr", "Dr").
    Courtesy,
    /// Part of how the person is known ("Lord Falconer").
    Title,
    /// A title used with the first name: "Sir Alan" is Sir Alan Budd.
    TitleFirst,
    /// Dropped from a canonical name and used with the first name: "Madam Rosnah" is Rosnah
    /// Abdul Rahman (Singapore and Malaysia, where many names have no surname).
    CourtesyFirst,
}

impl HonorificKind {
    /// Whether the honorific is left out of the person's canonical name.
    pub fn is_courtesy(self) -> bool {
        matches!(self, Self::Courtesy | Self::CourtesyFirst)
    }

    /// Whether the honorific stands before a first name on later mentions.
    pub fn takes_first_name(self) -> bool {
        matches!(self, Self::TitleFirst | Self::CourtesyFirst)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Honorific {
    pub gender: Gender,
    pub kind: HonorificKind,
}

#[derive(Clone, Copy, Debug)]
pub struct Pronoun {
    pub gender: Gender,
    pub plural: bool,
    /// A subject form ("he", "they"), which can be the speaker of a cue.
    pub subject: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    Office,
    Head,
}

/// Every list, loaded once and shared read-only by all workers.
#[derive(Debug, Default)]
pub struct Lexicon {
    cues: HashMap<String, Vec<Cue>>,
    honorifics: HashMap<String, Honorific>,
    pronouns: HashMap<String, Pronoun>,
    /// The keys of the three maps above, whose filters rule out most words before the maps
    /// are asked.
    cue_words: WordSet,
    honorific_words: WordSet,
    pronoun_words: WordSet,
    abbreviations: WordSet,
    /// Keyed by bytes, so that a phrase lower-cased on the stack is looked up as it is.
    roles: HashMap<Box<[u8]>, RoleKind>,
    /// The last word of every role: most words end none, and this says so without building
    /// the key of `roles`.
    role_last_words: WordSet,
    role_max_words: usize,
    sources: WordSet,
    org_nouns: WordSet,
    org_suffixes: WordSet,
    fillers: WordSet,
    title_cues: Vec<Vec<String>>,
    anonymity: Vec<Vec<String>>,
    not_names: WordSet,
    speech_nouns: WordSet,
    determiners: WordSet,
    conjunctions: WordSet,
    intro_participles: WordSet,
    participles: WordSet,
    family_name_first: WordSet,
    addressee_cues: WordSet,
    aspect_cues: WordSet,
    passive_auxiliaries: WordSet,
    relative_pronouns: WordSet,
    person_nouns: WordSet,
    definite_roles: WordSet,
    noun_genders: HashMap<String, Gender>,
    /// Phrases after which a capitalised name is all the name someone gave, in lower case.
    name_givers: Vec<Vec<String>>,
    reply_cues: WordSet,
    /// "made the remarks": phrases owning up to quoted words, lower case.
    remark_phrases: Vec<String>,
    /// Words of a post's title -> the words the gazetteers use ("lib dem" -> "liberal
    /// democrat").
    role_synonyms: Vec<(Vec<String>, String)>,
    role_qualifiers: WordSet,
    company_suffixes: WordSet,
    legislatures: WordSet,
    committee_words: WordSet,
    authorship: WordSet,
    document_nouns: WordSet,
    common_words: WordSet,
    post_nominals: WordSet,
    not_surnames: WordSet,
    club_words: WordSet,
    sport_words: WordSet,
    time_words: WordSet,
    opening_adverbs: WordSet,
    time_spans: WordSet,
    kin_sharing_surname: WordSet,
    municipal_bodies: WordSet,
    on_behalf_prepositions: WordSet,
    subordinators: WordSet,
    prepositions: WordSet,
    name_particles: WordSet,
    pub boilerplate: Vec<String>,
    pub credits: Vec<String>,
    /// HTML class/id words marking furniture: (word, kind, rule), see data/clean/dom_cues.tsv.
    pub dom_cues: Vec<(String, String, String)>,
    /// Words of date and time lines ("Updated", "November", "pm"), lower case.
    pub date_words: Vec<String>,
    /// Labels opening a link to another article ("Read more"), lower case.
    pub related_labels: Vec<String>,
    /// Reader-address lines: (verbs that open them, things they name), lower case.
    pub promo_verbs: Vec<String>,
    pub promo_things: Vec<String>,
}

/// The files a lexicon is made of, with their embedded defaults.
pub const FILES: &[(&str, &str)] = &[
    ("lexicon/cues.tsv", include_str!("../data/lexicon/cues.tsv")),
    (
        "lexicon/honorifics.tsv",
        include_str!("../data/lexicon/honorifics.tsv"),
    ),
    (
        "lexicon/pronouns.tsv",
        include_str!("../data/lexicon/pronouns.tsv"),
    ),
    (
        "lexicon/abbreviations.txt",
        include_str!("../data/lexicon/abbreviations.txt"),
    ),
    (
        "lexicon/roles.tsv",
        include_str!("../data/lexicon/roles.tsv"),
    ),
    (
        "lexicon/sources.tsv",
        include_str!("../data/lexicon/sources.tsv"),
    ),
    (
        "lexicon/org_nouns.tsv",
        include_str!("../data/lexicon/org_nouns.tsv"),
    ),
    (
        "lexicon/org_suffixes.tsv",
        include_str!("../data/lexicon/org_suffixes.tsv"),
    ),
    (
        "lexicon/fillers.txt",
        include_str!("../data/lexicon/fillers.txt"),
    ),
    (
        "lexicon/title_cues.txt",
        include_str!("../data/lexicon/title_cues.txt"),
    ),
    (
        "lexicon/passive_auxiliaries.txt",
        include_str!("../data/lexicon/passive_auxiliaries.txt"),
    ),
    (
        "lexicon/relative_pronouns.txt",
        include_str!("../data/lexicon/relative_pronouns.txt"),
    ),
    (
        "lexicon/person_nouns.txt",
        include_str!("../data/lexicon/person_nouns.txt"),
    ),
    (
        "lexicon/definite_roles.txt",
        include_str!("../data/lexicon/definite_roles.txt"),
    ),
    (
        "lexicon/name_givers.txt",
        include_str!("../data/lexicon/name_givers.txt"),
    ),
    (
        "lexicon/reply_cues.txt",
        include_str!("../data/lexicon/reply_cues.txt"),
    ),
    (
        "lexicon/remark_phrases.txt",
        include_str!("../data/lexicon/remark_phrases.txt"),
    ),
    (
        "lexicon/anonymity.txt",
        include_str!("../data/lexicon/anonymity.txt"),
    ),
    (
        "lexicon/speech_nouns.txt",
        include_str!("../data/lexicon/speech_nouns.txt"),
    ),
    (
        "lexicon/determiners.txt",
        include_str!("../data/lexicon/determiners.txt"),
    ),
    (
        "lexicon/conjunctions.txt",
        include_str!("../data/lexicon/conjunctions.txt"),
    ),
    (
        "lexicon/intro_participles.txt",
        include_str!("../data/lexicon/intro_participles.txt"),
    ),
    (
        "lexicon/participles.txt",
        include_str!("../data/lexicon/participles.txt"),
    ),
    (
        "lexicon/family_name_first.txt",
        include_str!("../data/lexicon/family_name_first.txt"),
    ),
    (
        "lexicon/addressee_cues.txt",
        include_str!("../data/lexicon/addressee_cues.txt"),
    ),
    (
        "lexicon/aspect_cues.txt",
        include_str!("../data/lexicon/aspect_cues.txt"),
    ),
    (
        "lexicon/role_synonyms.tsv",
        include_str!("../data/lexicon/role_synonyms.tsv"),
    ),
    (
        "lexicon/gendered_nouns.tsv",
        include_str!("../data/lexicon/gendered_nouns.tsv"),
    ),
    (
        "lexicon/legislatures.txt",
        include_str!("../data/lexicon/legislatures.txt"),
    ),
    (
        "lexicon/committee_words.txt",
        include_str!("../data/lexicon/committee_words.txt"),
    ),
    (
        "lexicon/company_suffixes.txt",
        include_str!("../data/lexicon/company_suffixes.txt"),
    ),
    (
        "lexicon/role_qualifiers.txt",
        include_str!("../data/lexicon/role_qualifiers.txt"),
    ),
    (
        "lexicon/authorship.txt",
        include_str!("../data/lexicon/authorship.txt"),
    ),
    (
        "lexicon/time_words.txt",
        include_str!("../data/lexicon/time_words.txt"),
    ),
    (
        "lexicon/opening_adverbs.txt",
        include_str!("../data/lexicon/opening_adverbs.txt"),
    ),
    (
        "lexicon/time_spans.txt",
        include_str!("../data/lexicon/time_spans.txt"),
    ),
    (
        "lexicon/kin_sharing_surname.txt",
        include_str!("../data/lexicon/kin_sharing_surname.txt"),
    ),
    (
        "lexicon/on_behalf_prepositions.txt",
        include_str!("../data/lexicon/on_behalf_prepositions.txt"),
    ),
    (
        "lexicon/municipal_bodies.txt",
        include_str!("../data/lexicon/municipal_bodies.txt"),
    ),
    (
        "lexicon/sport_words.txt",
        include_str!("../data/lexicon/sport_words.txt"),
    ),
    (
        "lexicon/club_words.txt",
        include_str!("../data/lexicon/club_words.txt"),
    ),
    (
        "lexicon/not_surnames.txt",
        include_str!("../data/lexicon/not_surnames.txt"),
    ),
    (
        "lexicon/post_nominals.txt",
        include_str!("../data/lexicon/post_nominals.txt"),
    ),
    (
        "lexicon/common_words.txt",
        include_str!("../data/lexicon/common_words.txt"),
    ),
    (
        "lexicon/document_nouns.txt",
        include_str!("../data/lexicon/document_nouns.txt"),
    ),
    (
        "lexicon/subordinators.txt",
        include_str!("../data/lexicon/subordinators.txt"),
    ),
    (
        "lexicon/prepositions.txt",
        include_str!("../data/lexicon/prepositions.txt"),
    ),
    (
        "lexicon/not_names.txt",
        include_str!("../data/lexicon/not_names.txt"),
    ),
    (
        "lexicon/name_particles.txt",
        include_str!("../data/lexicon/name_particles.txt"),
    ),
    (
        "clean/boilerplate.txt",
        include_str!("../data/clean/boilerplate.txt"),
    ),
    (
        "clean/credits.txt",
        include_str!("../data/clean/credits.txt"),
    ),
    (
        "clean/dom_cues.tsv",
        include_str!("../data/clean/dom_cues.tsv"),
    ),
    (
        "clean/date_words.txt",
        include_str!("../data/clean/date_words.txt"),
    ),
    (
        "clean/related_labels.txt",
        include_str!("../data/clean/related_labels.txt"),
    ),
    (
        "clean/promo_words.txt",
        include_str!("../data/clean/promo_words.txt"),
    ),
];

/// Lines of a data file that carry content: `#` comments and blank lines skipped, with their
/// 1-based line numbers, each split at tabs.
pub(crate) fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if trim(line).is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            // The gazetteers have half a million cells: tabs found by memchr, cells trimmed
            // without str::trim's work when they start and end with a printable character.
            let mut cols = Vec::with_capacity(10);
            let mut from = 0;
            for tab in memchr::memchr_iter(b'\t', line.as_bytes()) {
                cols.push(trim(&line[from..tab]));
                from = tab + 1;
            }
            cols.push(trim(&line[from..]));
            Some((i + 1, cols))
        }
    })
}

/// `str::trim`, at once for the common cell that starts and ends with a printable ASCII
/// character.
fn trim(s: &str) -> &str {
    let edge = |b: u8| b > b' ' && b < 0x7f;
    match s.as_bytes() {
        [] => s,
        [a, .., z] | [a @ z] if edge(*a) && edge(*z) => s,
        _ => s.trim(),
    }
}

fn bad(file: &str, line: usize, reason: impl Into<String>) -> DataError {
    DataError::Bad {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

fn words_lower(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

impl Lexicon {
    /// The lexicon made of the files embedded at build time.
    pub fn embedded() -> Result<Lexicon, DataError> {
        Lexicon::load(None)
    }

    /// Loads every file, taking it from `dir` when that folder has a file of the same relative
    /// name (`DIR/lexicon/cues.tsv`), else the embedded default.
    pub fn load(dir: Option<&Path>) -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        for &(name, embedded) in FILES {
            let owned;
            let text = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => {
                    owned = std::fs::read_to_string(&path).map_err(|source| DataError::Io {
                        path: path.clone(),
                        source,
                    })?;
                    owned.as_str()
                }
                None => embedded,
            };
            lex.read(name, text)?;
        }
        lex.role_max_words = lex
            .roles
            .keys()
            .map(|r| r.split(|&b| b == b' ').count())
            .max()
            .unwrap_or(1);
        lex.role_last_words = lex
            .roles
            .keys()
            .filter_map(|r| r.split(|&b| b == b' ').next_back())
            .map(|w| String::from(std::str::from_utf8(w).expect("UTF-8 split at a space")))
            .collect();
        lex.cue_words = lex.cues.keys().cloned().collect();
        lex.honorific_words = lex.honorifics.keys().cloned().collect();
        lex.pronoun_words = lex.pronouns.keys().cloned().collect();
        for list in lex.cues.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }
        lex.title_cues.sort_by_key(|c| std::cmp::Reverse(c.len()));
        Ok(lex)
    }

    fn read(&mut self, name: &str, text: &str) -> Result<(), DataError> {
        for (line, cols) in records(text) {
            let first = cols[0];
            match name {
                "lexicon/cues.tsv" => {
                    let [lemma, class, forms] = cols[..] else {
                        return Err(bad(name, line, "expected lemma, class, forms"));
                    };
                    let class = match class {
                        "speech" => CueClass::Speech,
                        "label" => CueClass::Label,
                        "ask" => CueClass::Ask,
                        "think" => CueClass::Think,
                        other => return Err(bad(name, line, format!("unknown class {other:?}"))),
                    };
                    for form in forms.split('|').filter(|f| !f.trim().is_empty()) {
                        let words = words_lower(form);
                        let cue = Cue {
                            lemma: lemma.to_string(),
                            class,
                            words,
                        };
                        self.cues.entry(cue.words[0].clone()).or_default().push(cue);
                    }
                }
                "lexicon/honorifics.tsv" => {
                    let [form, gender, kind] = cols[..] else {
                        return Err(bad(name, line, "expected form, gender, kind"));
                    };
                    let gender =
                        Gender::parse(gender).ok_or_else(|| bad(name, line, "bad gender"))?;
                    let kind = match kind {
                        "courtesy" => HonorificKind::Courtesy,
                        "title" => HonorificKind::Title,
                        "title_first" => HonorificKind::TitleFirst,
                        "courtesy_first" => HonorificKind::CourtesyFirst,
                        other => return Err(bad(name, line, format!("unknown kind {other:?}"))),
                    };
                    self.honorifics
                        .insert(form.to_string(), Honorific { gender, kind });
                }
                "lexicon/pronouns.tsv" => {
                    let [form, gender, number, case] = cols[..] else {
                        return Err(bad(name, line, "expected form, gender, number, case"));
                    };
                    let subject = match case {
                        "subj" => true,
                        "obj" | "poss" => false,
                        _ => return Err(bad(name, line, "case must be subj, obj or poss")),
                    };
                    let gender =
                        Gender::parse(gender).ok_or_else(|| bad(name, line, "bad gender"))?;
                    let plural = match number {
                        "s" => false,
                        "p" => true,
                        _ => return Err(bad(name, line, "number must be s or p")),
                    };
                    self.pronouns.insert(
                        form.to_lowercase(),
                        Pronoun {
                            gender,
                            plural,
                            subject,
                        },
                    );
                }
                "lexicon/abbreviations.txt" => {
                    self.abbreviations.insert(first.to_string());
                }
                "lexicon/roles.tsv" => {
                    let kind = match cols.get(1).copied() {
                        Some("office") => RoleKind::Office,
                        Some("head") => RoleKind::Head,
                        _ => return Err(bad(name, line, "expected role, office|head")),
                    };
                    let role = words_lower(first).join(" ");
                    // An office is also usable where a head is: keep the stronger reading.
                    let e = self.roles.entry(role.into_bytes().into()).or_insert(kind);
                    if kind == RoleKind::Office {
                        *e = RoleKind::Office;
                    }
                }
                "lexicon/sources.tsv" => {
                    self.sources.insert(first.to_lowercase());
                }
                "lexicon/org_nouns.tsv" => {
                    self.org_nouns.insert(first.to_lowercase());
                }
                "lexicon/org_suffixes.tsv" => {
                    self.org_suffixes.insert(first.to_string());
                }
                "lexicon/fillers.txt" => {
                    self.fillers.insert(first.to_lowercase());
                }
                "lexicon/title_cues.txt" => self.title_cues.push(words_lower(first)),
                "lexicon/anonymity.txt" => self.anonymity.push(words_lower(first)),
                "lexicon/passive_auxiliaries.txt" => {
                    self.passive_auxiliaries.insert(first.to_lowercase());
                }
                "lexicon/relative_pronouns.txt" => {
                    self.relative_pronouns.insert(first.to_lowercase());
                }
                "lexicon/person_nouns.txt" => {
                    self.person_nouns.insert(first.to_lowercase());
                }
                "lexicon/definite_roles.txt" => {
                    self.definite_roles.insert(first.to_lowercase());
                }
                "lexicon/name_givers.txt" => {
                    self.name_givers.push(words_lower(first));
                }
                "lexicon/reply_cues.txt" => {
                    self.reply_cues.insert(first.to_lowercase());
                }
                "lexicon/remark_phrases.txt" => {
                    self.remark_phrases.push(first.to_lowercase());
                }
                "lexicon/speech_nouns.txt" => {
                    self.speech_nouns.insert(first.to_lowercase());
                }
                "lexicon/determiners.txt" => {
                    self.determiners.insert(first.to_lowercase());
                }
                "lexicon/conjunctions.txt" => {
                    self.conjunctions.insert(first.to_lowercase());
                }
                "lexicon/intro_participles.txt" => {
                    self.intro_participles.insert(first.to_string());
                }
                "lexicon/participles.txt" => {
                    self.participles.insert(first.to_string());
                }
                "lexicon/family_name_first.txt" => {
                    self.family_name_first.insert(first.to_string());
                }
                "lexicon/addressee_cues.txt" => {
                    self.addressee_cues.insert(first.to_lowercase());
                }
                "lexicon/gendered_nouns.tsv" => {
                    let [noun, gender] = cols[..] else {
                        return Err(bad(name, line, "expected noun, gender"));
                    };
                    let gender = match Gender::parse(gender) {
                        Some(g @ (Gender::Male | Gender::Female)) => g,
                        _ => return Err(bad(name, line, "gender must be m or f")),
                    };
                    self.noun_genders.insert(noun.to_lowercase(), gender);
                }
                "lexicon/role_synonyms.tsv" => {
                    let [from, to] = cols[..] else {
                        return Err(bad(name, line, "expected words, canonical words"));
                    };
                    // Kept longest first, so the first match at a word is the longest.
                    let from = words_lower(from);
                    let at = self
                        .role_synonyms
                        .partition_point(|(f, _)| f.len() >= from.len());
                    self.role_synonyms
                        .insert(at, (from, words_lower(to).join(" ")));
                }
                "lexicon/aspect_cues.txt" => {
                    self.aspect_cues.insert(first.to_lowercase());
                }
                "lexicon/legislatures.txt" => {
                    self.legislatures.insert(first.to_string());
                }
                "lexicon/committee_words.txt" => {
                    self.committee_words.insert(first.to_lowercase());
                }
                "lexicon/company_suffixes.txt" => {
                    self.company_suffixes.insert(first.to_string());
                }
                "lexicon/role_qualifiers.txt" => {
                    self.role_qualifiers.insert(first.to_lowercase());
                }
                "lexicon/authorship.txt" => {
                    self.authorship.insert(first.to_lowercase());
                }
                "lexicon/time_words.txt" => {
                    self.time_words.insert(first.to_lowercase());
                }
                "lexicon/opening_adverbs.txt" => {
                    self.opening_adverbs.insert(first.to_lowercase());
                }
                "lexicon/time_spans.txt" => {
                    self.time_spans.insert(first.to_lowercase());
                }
                "lexicon/kin_sharing_surname.txt" => {
                    self.kin_sharing_surname.insert(first.to_lowercase());
                }
                "lexicon/on_behalf_prepositions.txt" => {
                    self.on_behalf_prepositions.insert(first.to_lowercase());
                }
                "lexicon/municipal_bodies.txt" => {
                    self.municipal_bodies.insert(first.to_string());
                }
                "lexicon/sport_words.txt" => {
                    self.sport_words.insert(first.to_string());
                }
                "lexicon/club_words.txt" => {
                    self.club_words.insert(first.to_string());
                }
                "lexicon/not_surnames.txt" => {
                    self.not_surnames.insert(first.to_string());
                }
                "lexicon/post_nominals.txt" => {
                    self.post_nominals.insert(first.to_string());
                }
                "lexicon/common_words.txt" => {
                    self.common_words.insert(first.to_string());
                }
                "lexicon/document_nouns.txt" => {
                    self.document_nouns.insert(first.to_string());
                }
                "lexicon/subordinators.txt" => {
                    self.subordinators.insert(first.to_string());
                }
                "lexicon/prepositions.txt" => {
                    self.prepositions.insert(first.to_lowercase());
                }
                "lexicon/not_names.txt" => {
                    self.not_names.insert(first.to_string());
                }
                "lexicon/name_particles.txt" => {
                    self.name_particles.insert(first.to_string());
                }
                "clean/boilerplate.txt" => self.boilerplate.push(first.to_lowercase()),
                "clean/credits.txt" => self.credits.push(first.to_string()),
                "clean/dom_cues.tsv" => {
                    let [word, kind, rule] = cols[..] else {
                        return Err(bad(name, line, "want word, kind and rule"));
                    };
                    let cue = (word.to_lowercase(), kind.to_string(), rule.to_string());
                    self.dom_cues.push(cue);
                }
                "clean/date_words.txt" => self.date_words.push(first.to_lowercase()),
                "clean/related_labels.txt" => self.related_labels.push(first.to_lowercase()),
                "clean/promo_words.txt" => match cols[..] {
                    ["verb", w] => self.promo_verbs.push(w.to_lowercase()),
                    ["thing", w] => self.promo_things.push(w.to_lowercase()),
                    _ => return Err(bad(name, line, "want verb or thing, and a word")),
                },
                _ => return Err(bad(name, line, "unknown data file")),
            }
        }
        Ok(())
    }

    /// Whether some cue starts with `word` (any case): when none does, [`Lexicon::cue_at`] of
    /// words starting with it is `None`.
    pub fn may_start_cue(&self, word: &str) -> bool {
        self.cue_words.contains_lower(word)
    }

    /// The longest cue whose words start `words` (lower-cased by the caller or not).
    pub fn cue_at<S: AsRef<str>>(&self, words: &[S]) -> Option<&Cue> {
        let first = words.first()?.as_ref();
        if !self.cue_words.contains_lower(first) {
            return None;
        }
        let list = with_lowercase(first, |w| self.cues.get(w))?;
        list.iter().find(|c| {
            c.words.len() <= words.len()
                && c.words
                    .iter()
                    .zip(words)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b.as_ref()))
        })
    }

    pub fn honorific(&self, word: &str) -> Option<Honorific> {
        if !self.honorific_words.contains(word) {
            return None;
        }
        self.honorifics.get(word).copied()
    }

    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorific_words.contains(word)
    }

    /// Any pronoun form ("he", "his", "her").
    pub fn any_pronoun(&self, word: &str) -> Option<Pronoun> {
        // "I" is a pronoun only in capitals; the others in any case.
        if word == "i" {
            return None;
        }
        if !self.pronoun_words.contains_lower(word) {
            return None;
        }
        with_lowercase(word, |w| self.pronouns.get(w).copied())
    }

    /// A subject pronoun, the kind that can be a speaker ("he", "she", "they").
    pub fn pronoun(&self, word: &str) -> Option<Pronoun> {
        self.any_pronoun(word).filter(|p| p.subject)
    }

    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// The role spelled by the words (any case), if it is one.
    pub fn role(&self, words: &[&str]) -> Option<RoleKind> {
        if words.is_empty() || words.len() > self.role_max_words {
            return None;
        }
        if !self.last_may_end_role(words[words.len() - 1]) {
            return None;
        }
        if let [w] = words {
            return with_lowercase(w, |w| self.roles.get(w.as_bytes()).copied());
        }
        // The words in lower case, joined by spaces: on the stack when they are ASCII and
        // short, as nearly every phrase is.
        if let Some(key) = RoleKey::new(words) {
            return self.roles.get(key.suffix(words.len())).copied();
        }
        let mut key = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            with_lowercase(w, |w| key.push_str(w));
        }
        self.roles.get(key.as_bytes()).copied()
    }

    /// The longest role that ends `words` (`role` of their last `n`, for the largest `n` that
    /// is one): `n` and the role. The last word is tested once, and the key of every suffix is
    /// a part of one key built once.
    pub fn role_suffix(&self, words: &[&str]) -> Option<(usize, RoleKind)> {
        let max = self.role_max_words.min(words.len());
        let tail = &words[words.len() - max..];
        if !self.last_may_end_role(tail.last()?) {
            return None;
        }
        match RoleKey::new(tail).filter(|_| !tail.iter().any(|w| has_whitespace(w))) {
            Some(key) => (1..=max)
                .rev()
                .find_map(|n| self.roles.get(key.suffix(n)).map(|&k| (n, k))),
            None => (1..=max)
                .rev()
                .find_map(|n| self.role(&tail[max - n..]).map(|k| (n, k))),
        }
    }

    /// The test [`Lexicon::role`] makes of a phrase's last word: the key ends with it in lower
    /// case (unless that word holds a space).
    fn last_may_end_role(&self, last: &str) -> bool {
        self.role_last_words.contains_lower(last) || has_whitespace(last)
    }

    /// Whether a word (holding no space) can be the last of a role: when it cannot, no
    /// phrase ending in it is a role ([`Lexicon::role`] is then `None`).
    pub fn may_end_role(&self, word: &str) -> bool {
        self.role_last_words.contains_lower(word)
    }

    pub fn role_max_words(&self) -> usize {
        self.role_max_words
    }

    pub fn is_source_noun(&self, word: &str) -> bool {
        self.sources.contains_lower(word)
    }

    pub fn is_org_noun(&self, word: &str) -> bool {
        self.org_nouns.contains_lower(word)
    }

    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    pub fn is_filler(&self, word: &str) -> bool {
        self.fillers.contains_lower(word)
    }

    /// A noun for something said ("pledge", "comments").
    pub fn is_speech_noun(&self, word: &str) -> bool {
        self.speech_nouns.contains_lower(word)
    }

    pub fn is_conjunction(&self, word: &str) -> bool {
        self.conjunctions.contains_lower(word)
    }

    /// "Asked", "Pressed": a sentence opener whose clause does not hold the subject.
    pub fn is_intro_participle(&self, word: &str) -> bool {
        self.intro_participles.contains(word)
    }

    /// A word of sports reporting ("striker", "relegation"), in any case.
    pub fn is_sport_word(&self, word: &str) -> bool {
        self.sport_words.contains_lower(word)
    }

    /// A last word of a club's name ("FC", "Rovers").
    pub fn is_club_word(&self, word: &str) -> bool {
        self.club_words.contains(word)
    }

    /// A word that ends names of things, not people ("Plan", "Street").
    pub fn is_not_surname(&self, word: &str) -> bool {
        self.not_surnames.contains(word)
    }

    /// Letters after a name that are not part of it ("QC", "MP").
    pub fn is_post_nominal(&self, word: &str) -> bool {
        self.post_nominals.contains(word)
    }

    /// A word common in lower case in news ("officials", "key"): capitalised at a sentence
    /// start it is no name.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains_lower(word)
    }

    /// A noun for a written source ("statement", "report").
    pub fn is_document_noun(&self, word: &str) -> bool {
        self.document_nouns.contains_lower(word)
    }

    /// A word of a time phrase ("last", "week", "Monday").
    pub fn is_time_word(&self, word: &str) -> bool {
        self.time_words.contains_lower(word)
    }

    /// An adverb that may open a sentence before its subject, no comma between ("Earlier").
    pub fn is_opening_adverb(&self, word: &str) -> bool {
        self.opening_adverbs.contains_lower(word)
    }

    /// The gender a noun for a person tells ("mum", "widower"), or unknown.
    pub fn noun_gender(&self, word: &str) -> Gender {
        with_lowercase(word, |w| self.noun_genders.get(w).copied()).unwrap_or(Gender::Unknown)
    }

    /// Where the words "City of" (any of `municipal_bodies.txt`, then "of ") end `before`,
    /// the byte at which they start: "the City of Montreal" names a local government.
    pub fn municipal_body_start(&self, before: &str) -> Option<usize> {
        let rest = before.strip_suffix("of ")?;
        let start = rest
            .trim_end_matches(' ')
            .char_indices()
            .rfind(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = rest[start..].trim_end_matches(' ');
        (rest.len() == start + word.len() + 1 && self.municipal_bodies.contains(word))
            .then_some(start)
    }

    /// Kin who usually share a person's family name ("daughter", "brother").
    pub fn shares_surname(&self, word: &str) -> bool {
        self.kin_sharing_surname.contains_lower(word)
    }

    /// A preposition that ties a spokesman or aide to the one they speak for ("for", "to").
    pub fn is_on_behalf_preposition(&self, word: &str) -> bool {
        self.on_behalf_prepositions.contains_lower(word)
    }

    /// A word of a span of time ("hours", "decade", "few").
    pub fn is_time_span(&self, word: &str) -> bool {
        self.time_spans.contains_lower(word)
    }

    /// "When", "Although", "After": a word opening a subordinate clause (as written, capital).
    pub fn is_subordinator(&self, word: &str) -> bool {
        self.subordinators.contains(word)
    }

    /// "When", "Although", or an -ing word: an opening clause before the subject.
    pub fn opens_clause(&self, word: &str) -> bool {
        self.subordinators.contains(word)
            || (word.ends_with("ing") && word.chars().next().is_some_and(char::is_uppercase))
    }

    /// A capitalised past participle opening a sentence ("Born in 1912, ...", "Elected in
    /// 1945, ..."): the sentence's subject comes after the clause it opens.
    pub fn opens_participle_clause(&self, word: &str) -> bool {
        self.participles.contains(word)
            || self.intro_participles.contains(word)
            || (word.len() >= 5
                && word.ends_with("ed")
                && word.chars().next().is_some_and(char::is_uppercase)
                && self.is_common_word(word))
    }

    /// A participle naming a document's author after it ("published" by ...).
    pub fn is_authorship(&self, word: &str) -> bool {
        self.authorship.contains(word)
    }

    /// A cue whose object is the person addressed ("told Mr Smith"), by its lemma.
    pub fn takes_addressee(&self, lemma: &str) -> bool {
        self.addressee_cues.contains(lemma)
    }

    /// A post's title (lower-case words) in the gazetteers' words: "lib dem leader" is
    /// "liberal democrat leader".
    pub fn canonical_role(&self, words: &[String]) -> String {
        let mut out: Vec<&str> = Vec::with_capacity(words.len());
        let mut i = 0;
        while i < words.len() {
            let hit = self.role_synonyms.iter().find(|(from, _)| {
                words.len() - i >= from.len() && words[i..i + from.len()] == from[..]
            });
            match hit {
                Some((from, to)) => {
                    out.push(to);
                    i += from.len();
                }
                None => {
                    out.push(&words[i]);
                    i += 1;
                }
            }
        }
        out.join(" ")
    }

    /// A cue that means carrying on, not speaking, when "to" follows ("continued to make").
    pub fn is_aspect_cue(&self, lemma: &str) -> bool {
        self.aspect_cues.contains(lemma)
    }

    /// A chamber whose committees are written in lower case after it ("Commons", "Senate").
    pub fn is_legislature(&self, word: &str) -> bool {
        self.legislatures.contains(word)
    }

    /// The last word of a chamber's committee in lower case ("committee", "panel").
    pub fn is_committee_word(&self, word: &str) -> bool {
        self.committee_words.contains(word)
    }

    /// A last word a company's name goes without on later mentions ("Records", "Ltd").
    pub fn is_company_suffix(&self, word: &str) -> bool {
        self.company_suffixes.contains(word)
    }

    /// A word that makes a role another post ("shadow", "deputy", "former").
    pub fn is_role_qualifier(&self, word: &str) -> bool {
        self.role_qualifiers.contains(word)
    }

    /// A family name written before the given name ("Liu" of "Liu Xiaming").
    pub fn is_family_name_first(&self, word: &str) -> bool {
        self.family_name_first.contains(word)
    }

    pub fn is_preposition(&self, word: &str) -> bool {
        self.prepositions.contains_lower(word)
    }

    /// A word that opens a noun phrase ("the", "a", "his").
    pub fn is_determiner(&self, word: &str) -> bool {
        self.determiners.contains_lower(word)
    }

    /// A capitalised word that never begins a name ("The", "Speaking", "Monday").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// A lower-case word that may stand inside a name ("von", "de").
    pub fn is_name_particle(&self, word: &str) -> bool {
        self.name_particles.contains(word)
    }

    /// The length in words of the title cue that ends `words` (the words before a quote).
    /// A form of "be" that makes the cue participle after it passive ("been branded").
    pub fn is_passive_auxiliary(&self, word: &str) -> bool {
        self.passive_auxiliaries.contains_lower(word)
    }

    /// A plain noun for a person ("woman", "farmer"): an unnamed source when indefinite.
    pub fn is_person_noun(&self, word: &str) -> bool {
        self.person_nouns.contains_lower(word)
    }

    /// Whether `words` (as written) end in a phrase after which a name is all the name someone
    /// gave ("who gave only his surname").
    pub fn ends_in_name_giver(&self, words: &[&str]) -> bool {
        self.name_givers.iter().any(|p| {
            p.len() <= words.len()
                && p.iter()
                    .zip(&words[words.len() - p.len()..])
                    .all(|(a, b)| b.eq_ignore_ascii_case(a))
        })
    }

    /// Whether lower-case `text` has a phrase owning up to quoted words ("made the remarks").
    pub fn has_remark_phrase(&self, text: &str) -> bool {
        self.remark_phrases
            .iter()
            .any(|p| text.contains(p.as_str()))
    }

    /// A cue word that makes its quote an answer ("replied", "retorted").
    pub fn is_reply_cue(&self, word: &str) -> bool {
        self.reply_cues.contains_lower(word)
    }

    /// A source noun that, definite, is one person's post in the story ("the manager").
    pub fn is_definite_role(&self, word: &str) -> bool {
        self.definite_roles.contains_lower(word)
    }

    /// A pronoun opening a relative clause ("who", "which").
    pub fn is_relative_pronoun(&self, word: &str) -> bool {
        self.relative_pronouns.contains_lower(word)
    }

    /// Whether the words of a clause withhold a name ("who asked not to be named", "speaking
    /// on condition of anonymity").
    pub fn withholds_name(&self, words: &[&str]) -> bool {
        self.anonymity.iter().any(|phrase| {
            words
                .windows(phrase.len())
                .any(|w| w.iter().zip(phrase).all(|(a, b)| a.eq_ignore_ascii_case(b)))
        })
    }

    pub fn title_cue_before(&self, words: &[&str]) -> Option<usize> {
        self.title_cues.iter().find_map(|cue| {
            let n = cue.len();
            (n <= words.len()
                && cue
                    .iter()
                    .zip(&words[words.len() - n..])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b)))
            .then_some(n)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let lex = Lexicon::embedded().unwrap();
        assert_eq!(
            lex.cue_at(&["Pointed", "out", "that"]).unwrap().lemma,
            "point out"
        );
        assert_eq!(lex.cue_at(&["warns"]).unwrap().class, CueClass::Speech);
        assert_eq!(lex.cue_at(&["branded"]).unwrap().class, CueClass::Label);
        assert!(lex.cue_at(&["walked"]).is_none());
        assert_eq!(lex.honorific("Mrs").unwrap().gender, Gender::Female);
        assert_eq!(lex.honorific("Lord").unwrap().kind, HonorificKind::Title);
        assert_eq!(lex.role(&["Home", "Secretary"]), Some(RoleKind::Office));
        assert_eq!(lex.role(&["striker"]), Some(RoleKind::Head));
        assert!(lex.is_source_noun("Spokesman"));
        assert!(lex.withholds_name(&["who", "asked", "not", "to", "be", "named"]));
        assert!(lex.withholds_name(&["speaking", "on", "condition", "of", "anonymity"]));
        assert!(!lex.withholds_name(&["who", "was", "named", "captain"]));
        assert_eq!(lex.title_cue_before(&["the", "book"]), Some(1));
        assert_eq!(lex.title_cue_before(&["what", "he", "calls"]), Some(3));
        assert!(lex.pronoun("He").is_some() && lex.pronoun("i").is_none());
        assert!(
            lex.pronoun("his").is_none()
                && lex
                    .any_pronoun("his")
                    .is_some_and(|p| p.gender == Gender::Male)
        );
    }

    #[test]
    fn records_split_and_trim_cells_as_str_trim() {
        let text =
            "# comment\n\n  \t \r\nx\t a b \t\u{a0}c\u{3000}\t\x0bd\r\n\t\t\n\ty\t\n\x7f\t~\n";
        let got: Vec<(usize, Vec<&str>)> = records(text).collect();
        let want: Vec<(usize, Vec<&str>)> = text
            .lines()
            .enumerate()
            .filter_map(|(i, line)| {
                let line = line.trim_end_matches('\r');
                (!line.trim().is_empty() && !line.trim_start().starts_with('#'))
                    .then(|| (i + 1, line.split('\t').map(str::trim).collect()))
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!(got[0], (4, vec!["x", "a b", "c", "d"]));
    }

    #[test]
    fn every_data_file_is_loaded() {
        // A list under data/ that is not in FILES would be silently ignored.
        for sub in ["lexicon", "clean"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data")
                .join(sub);
            for entry in std::fs::read_dir(&dir).unwrap() {
                let name = format!("{sub}/{}", entry.unwrap().file_name().to_string_lossy());
                let known = FILES.iter().find(|(n, _)| *n == name);
                assert!(
                    known.is_some_and(|(_, t)| records(t).next().is_some()),
                    "{name} is not loaded"
                );
            }
        }
    }

    #[test]
    fn override_folder_replaces_one_file_and_reports_bad_lines() {
        let dir = std::env::temp_dir().join(format!("saidby-lex-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lexicon")).unwrap();
        std::fs::write(
            dir.join("lexicon/cues.tsv"),
            "# mine\nmurmur\tspeech\tmurmured\n",
        )
        .unwrap();
        let lex = Lexicon::load(Some(&dir)).unwrap();
        assert!(lex.cue_at(&["murmured"]).is_some());
        assert!(lex.cue_at(&["said"]).is_none());
        assert!(lex.is_honorific("Mr"), "other files stay embedded");
        std::fs::write(dir.join("lexicon/cues.tsv"), "a\tb\n\nsay\tshout\tsaid\n").unwrap();
        let err = Lexicon::load(Some(&dir)).unwrap_err().to_string();
        assert!(err.starts_with("lexicon/cues.tsv:1:"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
