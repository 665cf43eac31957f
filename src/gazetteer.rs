//! Gazetteers: the people, organisations and places saidby knows by name, and the first-name
//! list, loaded from the TSV files under `gazetteers/` (format in gazetteers/README.md).
//!
//! All aliases of all entities go into one byte trie (the automaton), built once, matched
//! case-sensitively and leftmost-longest; a match counts only as a whole word, and aliases
//! that are also common words follow the rules of `ambiguous.tsv`. Since only whole words
//! count, the automaton is asked for the longest alias at each place a word can start (an
//! anchored search), not scanned over the middle of words.
//!
//! Reading the bundled gazetteers and building the automaton over their ~120,000 aliases is
//! most of saidby's start-up, so [`Gazetteer::load`] checks the user's
//! files, starts that work on a thread of its own and returns: the rest of the pipeline loads
//! and the input is read meanwhile, and the first question asked of the gazetteer waits for it.
//!
//! ```
//! use saidby::gazetteer::{Gazetteer, EntityType};
//! let g = Gazetteer::from_sources(&[("mine.tsv", "type\tname\taliases\tshort\nplace\tUnited Kingdom\tUK|Britain\t1\n")], "", "").unwrap();
//! let t = "Britain and the UK, not UKIP.";
//! let hits: Vec<&str> = g.find(t, 0, t.len()).iter().map(|m| &t[m.start..m.end]).collect();
//! assert_eq!(hits, ["Britain", "UK"]);
//! assert_eq!(g.entity(g.find(t, 0, t.len())[0].entity).etype, EntityType::Place);
//! ```

use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use crate::error::DataError;
use crate::lexicon::{Gender, records};

// Loading builds maps of ~100,000 names, and tagging looks words up in them: a fast hash
// (foldhash, seeded per run).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Organisation,
    Place,
}

impl EntityType {
    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "person" => Some(EntityType::Person),
            "organisation" | "organization" | "org" => Some(EntityType::Organisation),
            "place" | "location" => Some(EntityType::Place),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organisation => "organisation",
            EntityType::Place => "place",
        }
    }
}

/// A post a person held, from and to (ISO dates, compared as strings; either may be open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Lower case, single-spaced ("home secretary").
    pub title: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Role {
    /// Whether the role was held on `date` (YYYY-MM-DD or a prefix of it). No date: always.
    pub fn held_on(&self, date: Option<&str>) -> bool {
        let Some(d) = date else { return true };
        let after_from = self
            .from
            .as_deref()
            .is_none_or(|f| d >= f || d.starts_with(f));
        let before_to = self
            .to
            .as_deref()
            .is_none_or(|t| d <= t || d.starts_with(t));
        after_from && before_to
    }
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub etype: EntityType,
    pub gender: Gender,
    pub roles: Vec<Role>,
    pub weight: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AliasRule {
    Plain,
    Never,
    NotInitial,
    NeedsThe,
}

#[derive(Clone, Debug)]
struct Alias {
    /// Candidate entities, best first.
    entities: Vec<u32>,
    rule: AliasRule,
}

/// A whole-word match of an alias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// The best entity for this alias.
    pub entity: u32,
    pub rule: AliasRule,
    /// The alias matched: [`Gazetteer::candidates`] gives every entity it names.
    pub alias: u32,
}

pub struct Gazetteer {
    ready: OnceLock<Data>,
    /// The bundled gazetteers being read and their automaton built on a thread of their own,
    /// until the first question takes the result.
    loading: Mutex<Option<JoinHandle<Data>>>,
}

struct Data {
    entities: Vec<Entity>,
    aliases: Vec<Alias>,
    automaton: Automaton,
    first_names: HashMap<String, Gender>,
    /// Demonyms of one or two words ("German", "New Zealander"): "the German said" describes
    /// a person.
    demonyms: HashSet<String>,
    /// Role title -> people who held it at some time.
    holders: HashMap<String, Vec<u32>>,
    /// The last words of the names of the people it knows ("Howard" of Michael Howard).
    surnames: HashSet<String>,
}

/// What the gazetteer files say, before the automaton is built.
struct Parsed {
    entities: Vec<Entity>,
    patterns: Vec<(String, Alias)>,
    first_names: HashMap<String, Gender>,
    holders: HashMap<String, Vec<u32>>,
}

/// Every alias in a byte trie, for anchored longest-prefix searches only: the longest alias
/// starting at a place is a walk down from the root. (An Aho-Corasick automaton answers the same
/// question, but building its failure transitions for ~120,000 aliases, which an anchored
/// search never takes, was most of saidby's start-up.)
///
/// The trie is laid out in arrays: node `i`'s children are the nodes `first[i]..first[i] +
/// count[i]`, in the order of the bytes leading into them (`byte`); node 0 is the root. Every
/// alias has two bytes at least, and the nodes two bytes down are found by a table: most
/// places of a text start no alias, and one look-up says so.
struct Automaton {
    first: Vec<u32>,
    count: Vec<u16>,
    byte: Vec<u8>,
    /// The alias ending at each node (its index in the list given to [`Automaton::new`]), or
    /// [`Automaton::NONE`].
    alias: Vec<u32>,
    /// The node each first two bytes lead to (`b0 << 8 | b1`), or [`Automaton::NONE`].
    pairs: Vec<u32>,
}

impl Automaton {
    const NONE: u32 = u32::MAX;

    fn pair(b: &[u8]) -> usize {
        (b[0] as usize) << 8 | b[1] as usize
    }

    fn new(patterns: &[String]) -> Result<Automaton, DataError> {
        debug_assert!(
            patterns.iter().all(|p| p.len() >= 2),
            "aliases have two bytes at least"
        );
        let bytes: usize = patterns.iter().map(String::len).sum();
        if bytes > MAX_ALIAS_BYTES {
            return Err(bad(
                "gazetteers",
                0,
                format!(
                    "{bytes} bytes of aliases, more than the {MAX_ALIAS_BYTES} the automaton takes"
                ),
            ));
        }
        let pat = |i: u32| patterns[i as usize].as_bytes();
        // In byte order; of equal aliases the first given stands, as in a leftmost-longest
        // automaton (which reports the lowest pattern of a state).
        // Compared by their first eight bytes as a number first, the rest only on a tie.
        let lead: Vec<u64> = patterns.iter().map(|p| leading_bytes(p)).collect();
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            (lead[a as usize].cmp(&lead[b as usize]))
                .then_with(|| pat(a).cmp(pat(b)))
                .then(a.cmp(&b))
        });
        let mut t = Automaton {
            first: vec![0],
            count: vec![0],
            byte: vec![0],
            alias: vec![Self::NONE],
            pairs: vec![Self::NONE; 1 << 16],
        };
        // (node, the aliases under it as a range of `order`, its depth, the bytes leading to
        // it while they are two at most): a node's aliases share their first `depth` bytes,
        // those of exactly that length first.
        let mut todo = vec![(0usize, 0usize, order.len(), 0usize, 0usize)];
        while let Some((node, mut lo, hi, depth, path)) = todo.pop() {
            if depth == 2 {
                t.pairs[path] = node as u32;
            }
            if lo < hi && pat(order[lo]).len() == depth {
                t.alias[node] = order[lo];
            }
            while lo < hi && pat(order[lo]).len() == depth {
                lo += 1;
            }
            let first = t.byte.len();
            t.first[node] = first as u32;
            while lo < hi {
                let b = pat(order[lo])[depth];
                let mut end = lo + 1;
                while end < hi && pat(order[end])[depth] == b {
                    end += 1;
                }
                let path = if depth < 2 { path << 8 | b as usize } else { 0 };
                todo.push((t.byte.len(), lo, end, depth + 1, path));
                t.first.push(0);
                t.count.push(0);
                t.byte.push(b);
                t.alias.push(Self::NONE);
                lo = end;
            }
            t.count[node] = (t.byte.len() - first) as u16;
        }
        Ok(t)
    }

    /// The longest alias that `hay` starts with, and its length.
    fn longest(&self, hay: &[u8]) -> Option<(u32, usize)> {
        if hay.len() < 2 {
            return None;
        }
        let node = self.pairs[Self::pair(hay)];
        if node == Self::NONE {
            return None;
        }
        let mut node = node as usize;
        let mut best = (self.alias[node] != Self::NONE).then(|| (self.alias[node], 2));
        for (k, &b) in hay.iter().enumerate().skip(2) {
            let first = self.first[node] as usize;
            let kids = &self.byte[first..first + self.count[node] as usize];
            let found = if kids.len() <= 8 {
                kids.iter().position(|&x| x == b)
            } else {
                kids.binary_search(&b).ok()
            };
            let Some(c) = found else {
                break;
            };
            node = first + c;
            if self.alias[node] != Self::NONE {
                best = Some((self.alias[node], k + 1));
            }
        }
        best
    }
}

impl Drop for Gazetteer {
    /// A gazetteer dropped before its first question waits for the thread reading it rather
    /// than leave it running.
    fn drop(&mut self) {
        let handle = self
            .loading
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
}

/// The first eight bytes of `s` as a big-endian number, zeros past its end: strings in this
/// order are in byte order (a tie says nothing), and a comparison of numbers is cheaper.
fn leading_bytes(s: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = s.len().min(8);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// Alias bytes beyond which the automaton could exceed its state limits: refused at load.
const MAX_ALIAS_BYTES: usize = 1 << 30;
/// An alias's all-capitals form has at most this many times its bytes ('ŉ' is "ʼN"): the
/// bound on the alias bytes of a set of files, known before they are read.
const UPPER_GROWTH: usize = 3;

impl Data {
    fn build(p: Parsed) -> Result<Data, DataError> {
        let (texts, aliases): (Vec<String>, Vec<Alias>) = p.patterns.into_iter().unzip();
        let surnames = p
            .entities
            .iter()
            .filter(|e| e.etype == EntityType::Person)
            .filter_map(|e| {
                e.name
                    .split_whitespace()
                    .nth(1)
                    .and(e.name.split_whitespace().last())
            })
            .map(str::to_string)
            .collect();
        Ok(Data {
            surnames,
            entities: p.entities,
            aliases,
            automaton: Automaton::new(&texts)?,
            first_names: p.first_names,
            demonyms: HashSet::default(),
            holders: p.holders,
        })
    }

    fn add_demonyms(&mut self, text: &str) {
        for (_, cols) in records(text) {
            // One word, or two ("New Zealander"), as descriptions are read.
            if cols[0].split(' ').count() <= 2 {
                self.demonyms.insert(cols[0].to_string());
            }
        }
    }
}

/// The bundled gazetteer files, embedded at build time.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "gazetteers/people.tsv",
        include_str!("../gazetteers/people.tsv"),
    ),
    (
        "gazetteers/organisations.tsv",
        include_str!("../gazetteers/organisations.tsv"),
    ),
    (
        "gazetteers/places.tsv",
        include_str!("../gazetteers/places.tsv"),
    ),
];
pub const BUNDLED_FIRST_NAMES: &str = include_str!("../gazetteers/first_names.tsv");
pub const BUNDLED_AMBIGUOUS: &str = include_str!("../gazetteers/ambiguous.tsv");
pub const BUNDLED_DEMONYMS: &str = include_str!("../gazetteers/demonyms.tsv");

fn bad(file: &str, line: usize, reason: impl Into<String>) -> DataError {
    DataError::Bad {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

/// `type:slug` from a type and a name: diacritics folded to ASCII ("Köln" to "koln", the same
/// folding as scripts/build_gazetteers.py), lower case, runs of other characters one '-'.
pub fn make_id(etype: EntityType, name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut id = String::with_capacity(name.len() + 16);
    id.push_str(etype.name());
    id.push(':');
    let slug_start = id.len();
    let push = |c: char| {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if id.len() > slug_start && !id.ends_with('-') {
            id.push('-');
        }
    };
    if name.is_ascii() {
        // Nothing to fold or decompose: lower case only.
        name.chars().map(|c| c.to_ascii_lowercase()).for_each(push);
    } else {
        let mut folded = String::with_capacity(name.len());
        for c in name.chars() {
            match c {
                'ß' => folded.push_str("ss"),
                'ø' | 'Ø' => folded.push('o'),
                'ł' | 'Ł' => folded.push('l'),
                'đ' | 'Đ' => folded.push('d'),
                'æ' | 'Æ' => folded.push_str("ae"),
                'œ' | 'Œ' => folded.push_str("oe"),
                'ı' => folded.push('i'),
                'þ' | 'Þ' => folded.push_str("th"),
                c => folded.push(c),
            }
        }
        folded
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .for_each(push);
    }
    while id.len() > slug_start && id.ends_with('-') {
        id.pop();
    }
    id
}

fn parse_roles(file: &str, line: usize, s: &str) -> Result<Vec<Role>, DataError> {
    let mut out = Vec::new();
    for part in s.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (title, dates) = part.split_once('@').unwrap_or((part, ""));
        let (from, to) = if dates.is_empty() {
            (None, None)
        } else {
            let (f, t) = dates
                .split_once("..")
                .ok_or_else(|| bad(file, line, format!("role {part:?}: dates must be FROM..TO")))?;
            let opt = |x: &str| (!x.trim().is_empty()).then(|| x.trim().to_string());
            (opt(f), opt(t))
        };
        let title = title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        out.push(Role { title, from, to });
    }
    Ok(out)
}

impl Gazetteer {
    /// The bundled gazetteers plus the user's files (`--gazetteer`), or only the user's.
    pub fn load(extra: &[impl AsRef<Path>], bundled: bool) -> Result<Gazetteer, DataError> {
        let mut owned = Vec::new();
        for p in extra {
            let p = p.as_ref();
            let text = std::fs::read_to_string(p).map_err(|source| DataError::Io {
                path: p.to_path_buf(),
                source,
            })?;
            owned.push((p.display().to_string(), text));
        }
        // The user's files are read here, so that a bad row is an error of `load`; reading
        // them with the bundled files and building the automaton, most of saidby's start-up,
        // then go to a thread of their own while the caller goes on.
        let users: Vec<(&str, &str)> = owned
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Gazetteer::parse(&users, "", "")?;
        let mut bytes: usize = owned.iter().map(|(_, t)| t.len()).sum();
        if bundled {
            bytes += BUNDLED.iter().map(|(_, t)| t.len()).sum::<usize>();
        }
        let read_all = move || -> Result<Data, DataError> {
            let mut sources: Vec<(&str, &str)> = if bundled {
                BUNDLED.to_vec()
            } else {
                Vec::new()
            };
            sources.extend(owned.iter().map(|(n, t)| (n.as_str(), t.as_str())));
            let parsed = Gazetteer::parse(&sources, BUNDLED_FIRST_NAMES, BUNDLED_AMBIGUOUS)?;
            let mut data = Data::build(parsed)?;
            data.add_demonyms(BUNDLED_DEMONYMS);
            Ok(data)
        };
        if bytes * (1 + UPPER_GROWTH) > MAX_ALIAS_BYTES {
            // Too large to be sure of the automaton's limits: read here, errors and all.
            return Ok(Gazetteer::of(read_all()?));
        }
        let handle = std::thread::Builder::new()
            .name("saidby-gazetteers".into())
            // The rows were checked above and the aliases are within the automaton's limits.
            .spawn(move || read_all().expect("gazetteers checked at load"))
            .map_err(|e| bad("gazetteers", 0, format!("cannot start a thread: {e}")))?;
        Ok(Gazetteer {
            ready: OnceLock::new(),
            loading: Mutex::new(Some(handle)),
        })
    }

    fn of(data: Data) -> Gazetteer {
        Gazetteer {
            ready: OnceLock::from(data),
            loading: Mutex::new(None),
        }
    }

    /// The gazetteer's data, waiting for the thread reading it the first time.
    fn data(&self) -> &Data {
        self.ready.get_or_init(|| {
            let handle = self
                .loading
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .expect("a gazetteer is read or being read");
            match handle.join() {
                Ok(data) => data,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// Adds demonyms from a `demonym<TAB>place id` list (of one or two words).
    pub fn add_demonyms(&mut self, text: &str) {
        self.data();
        self.ready
            .get_mut()
            .expect("read just above")
            .add_demonyms(text);
    }

    pub fn is_demonym(&self, word: &str) -> bool {
        self.data().demonyms.contains(word)
    }

    /// Builds a gazetteer from `(file name, contents)` pairs, a first-name list and an
    /// ambiguity list (each may be empty).
    pub fn from_sources(
        files: &[(&str, &str)],
        first_names: &str,
        ambiguous: &str,
    ) -> Result<Gazetteer, DataError> {
        let parsed = Gazetteer::parse(files, first_names, ambiguous)?;
        Ok(Gazetteer::of(Data::build(parsed)?))
    }

    fn parse(
        files: &[(&str, &str)],
        first_names: &str,
        ambiguous: &str,
    ) -> Result<Parsed, DataError> {
        let mut entities: Vec<Entity> = Vec::new();
        let mut by_id: HashMap<String, u32> = HashMap::default();
        // alias text -> (entity, allowed short)
        let mut alias_map: HashMap<String, Vec<u32>> = HashMap::default();
        for &(file, text) in files {
            let mut header: Option<HashMap<String, usize>> = None;
            for (line, cols) in records(text) {
                let Some(h) = &header else {
                    header = Some(
                        cols.iter()
                            .enumerate()
                            .map(|(i, c)| (c.to_lowercase(), i))
                            .collect(),
                    );
                    continue;
                };
                let get = |name: &str| {
                    h.get(name)
                        .and_then(|&i| cols.get(i))
                        .copied()
                        .unwrap_or("")
                };
                if !h.contains_key("type") || !h.contains_key("name") {
                    return Err(bad(
                        file,
                        line,
                        "the header needs columns 'type' and 'name'",
                    ));
                }
                let etype = EntityType::parse(get("type"))
                    .ok_or_else(|| bad(file, line, format!("unknown type {:?}", get("type"))))?;
                let name = get("name");
                if name.is_empty() {
                    return Err(bad(file, line, "empty name"));
                }
                let id = match get("id") {
                    "" => make_id(etype, name),
                    id => id.to_string(),
                };
                let gender = Gender::parse(get("gender"))
                    .ok_or_else(|| bad(file, line, "gender must be m, f or empty"))?;
                let roles = parse_roles(file, line, get("roles"))?;
                let weight = match get("weight") {
                    "" => 0,
                    w => w
                        .parse()
                        .map_err(|_| bad(file, line, "weight must be an integer"))?,
                };
                let short_ok = get("short") == "1";
                let idx = match by_id.get(&id) {
                    Some(&i) => {
                        let e = &mut entities[i as usize];
                        e.roles.extend(roles);
                        if e.gender == Gender::Unknown {
                            e.gender = gender;
                        }
                        i
                    }
                    None => {
                        let i = entities.len() as u32;
                        entities.push(Entity {
                            id: id.clone(),
                            name: name.to_string(),
                            etype,
                            gender,
                            roles,
                            weight,
                        });
                        by_id.insert(id, i);
                        i
                    }
                };
                let aliases = std::iter::once(name).chain(get("aliases").split('|'));
                for alias in aliases.map(str::trim).filter(|a| !a.is_empty()) {
                    let chars = alias.chars().count();
                    if chars < 2
                        || (chars == 2
                            && !(short_ok
                                && alias
                                    .chars()
                                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
                                && alias.chars().next().is_some_and(char::is_uppercase)))
                    {
                        continue;
                    }
                    // Most aliases are new: looked up before a key is allocated for them.
                    match alias_map.get_mut(alias) {
                        Some(list) => {
                            if !list.contains(&idx) {
                                list.push(idx);
                            }
                        }
                        None => {
                            alias_map.insert(alias.to_string(), vec![idx]);
                        }
                    }
                }
            }
        }
        let mut rules: HashMap<String, AliasRule> = HashMap::default();
        for (line, cols) in records(ambiguous) {
            let rule = match cols.get(1).copied() {
                Some("never") => AliasRule::Never,
                Some("not_initial") => AliasRule::NotInitial,
                Some("needs_the") => AliasRule::NeedsThe,
                other => {
                    return Err(bad(
                        "ambiguous.tsv",
                        line,
                        format!("unknown rule {other:?}"),
                    ));
                }
            };
            rules.insert(cols[0].to_string(), rule);
        }
        let mut first = HashMap::default();
        for (line, cols) in records(first_names) {
            let g = cols.get(1).copied().unwrap_or("u");
            let g = Gender::parse(g)
                .ok_or_else(|| bad("first_names.tsv", line, "gender must be m, f or u"))?;
            first.insert(cols[0].to_string(), g);
        }
        // Deterministic order: sort aliases; add the all-capitals form of each.
        let mut sorted: Vec<(String, Vec<u32>)> = alias_map.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let known = |s: &str| sorted.binary_search_by(|(k, _)| k.as_str().cmp(s)).is_ok();
        let mut upper_forms: Vec<Option<String>> = Vec::with_capacity(sorted.len());
        for (key, _) in &sorted {
            // An ASCII key without lower-case letters is its own capitals: nothing to build.
            let same = key.is_ascii() && !key.bytes().any(|b| b.is_ascii_lowercase());
            let upper = (!same).then(|| key.to_uppercase());
            upper_forms.push(upper.filter(|u| u != key && u.chars().count() > 3 && !known(u)));
        }
        let mut patterns: Vec<(String, Alias)> = Vec::with_capacity(sorted.len() * 2);
        for ((key, mut list), upper) in sorted.into_iter().zip(upper_forms) {
            list.sort_by_key(|&i| (std::cmp::Reverse(entities[i as usize].weight), i));
            let rule = rules.get(key.as_str()).copied().unwrap_or(AliasRule::Plain);
            if let Some(upper) = upper {
                patterns.push((
                    key,
                    Alias {
                        entities: list.clone(),
                        rule,
                    },
                ));
                patterns.push((
                    upper,
                    Alias {
                        entities: list,
                        rule,
                    },
                ));
            } else {
                patterns.push((
                    key,
                    Alias {
                        entities: list,
                        rule,
                    },
                ));
            }
        }
        let mut holders: HashMap<String, Vec<u32>> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            for r in &e.roles {
                let list = holders.entry(r.title.clone()).or_default();
                if !list.contains(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        Ok(Parsed {
            entities,
            patterns,
            first_names: first,
            holders,
        })
    }

    pub fn entity(&self, i: u32) -> &Entity {
        &self.data().entities[i as usize]
    }

    pub fn len(&self) -> usize {
        self.data().entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data().entities.is_empty()
    }

    /// Whether a person the gazetteer knows has this surname: "Mr Howard" in a British paper.
    pub fn is_known_surname(&self, word: &str) -> bool {
        self.data().surnames.contains(word)
    }

    /// Gender of a first name, if it is one.
    pub fn first_name(&self, word: &str) -> Option<Gender> {
        let names = &self.data().first_names;
        names.get(word).copied().or_else(|| {
            // "Mairéad", "Siobhán" where the list has "Mairead": accents folded.
            if word.is_ascii() {
                return None;
            }
            use unicode_normalization::UnicodeNormalization;
            let folded: String = word
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .collect();
            (folded != word)
                .then(|| names.get(&folded).copied())
                .flatten()
        })
    }

    /// People who held a role of this title (lower case), at any time.
    pub fn holders_of(&self, title: &str) -> &[u32] {
        self.data().holders.get(title).map_or(&[], Vec::as_slice)
    }

    /// Every entity an alias names, best first.
    pub fn candidates(&self, alias: u32) -> &[u32] {
        &self.data().aliases[alias as usize].entities
    }

    /// Whole-word alias matches in `text[start..end]`, leftmost-longest, after the ambiguity
    /// rules. A rejected long match does not hide a shorter one inside it: the automaton is
    /// asked again from the next word.
    ///
    /// The automaton is asked, in text order, for the longest alias starting at each place a
    /// whole word can start (after a character that is no letter, digit or '_') and at no
    /// other: a match starting inside a word is never whole. That gives the matches an
    /// unanchored leftmost-longest scan gives, retried from the next character after each
    /// rejection, without walking the automaton over the inside of words.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Hit> {
        let mut out = Vec::new();
        let data = self.data();
        let bytes = text.as_bytes();
        let mut prev_joins = text[..start].chars().next_back().is_some_and(joins);
        let mut pos = start;
        while pos < end {
            let b = bytes[pos];
            if !prev_joins {
                crate::work::step(1);
                if let Some((a, len)) = data.automaton.longest(&bytes[pos..end]) {
                    let alias = &data.aliases[a as usize];
                    let m_end = pos + len;
                    if whole_word(text, pos, m_end) && rule_allows(text, pos, alias.rule) {
                        out.push(Hit {
                            start: pos,
                            end: m_end,
                            entity: alias.entities[0],
                            rule: alias.rule,
                            alias: a,
                        });
                        pos = m_end;
                        prev_joins = text[..pos].chars().next_back().is_some_and(joins);
                        continue;
                    }
                }
            }
            if b < 0x80 {
                prev_joins = ASCII_JOINS[b as usize];
                pos += 1;
                if prev_joins {
                    // The rest of an ASCII word: no place inside it starts a whole word.
                    while pos < end && ASCII_JOINS[bytes[pos] as usize] {
                        pos += 1;
                    }
                }
            } else {
                let c = text[pos..].chars().next().expect("a character starts here");
                prev_joins = joins(c);
                pos += c.len_utf8();
            }
        }
        out
    }
}

/// [`joins`] for each ASCII byte (false for the others, which start or continue a character
/// that is decoded).
const ASCII_JOINS: [bool; 256] = crate::text::ascii_alphanumeric_and(b"_");

/// A character that makes one word with the letters next to it.
fn joins(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // "UK-EU" splits at the hyphen; a letter or digit glued on makes another word ("UKIP").
    !before.is_some_and(joins) && !after.is_some_and(joins)
}

/// The start of a sentence or headline: only space, quote marks or brackets since a sentence
/// end, a paragraph start, or the start of the text.
pub fn at_sentence_start(text: &str, pos: usize) -> bool {
    for c in text[..pos].chars().rev() {
        if c == '\n' {
            return true;
        }
        if c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«') {
            continue;
        }
        return matches!(c, '.' | '!' | '?' | ':' | '…');
    }
    true
}

fn rule_allows(text: &str, start: usize, rule: AliasRule) -> bool {
    match rule {
        AliasRule::Plain => true,
        AliasRule::Never => false,
        AliasRule::NotInitial => !at_sentence_start(text, start),
        AliasRule::NeedsThe => {
            let before = text[..start].trim_end();
            before.ends_with(" the")
                || before.ends_with(" The")
                || before == "The"
                || before == "the"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    fn gaz() -> Gazetteer {
        let people = "id\ttype\tname\taliases\tgender\troles\nperson:james-cleverly\tperson\tJames Cleverly\t\tm\tHome Secretary@2023-11-13..2024-07-05;Foreign Secretary@2022-09-06..2023-11-13\n";
        let places = "type\tname\taliases\tweight\tshort\nplace\tUnited Kingdom\tUK|Britain\t10\t1\nplace\tReading\t\t0\t\nplace\tGeorgia\t\t10\t\nplace\tGeorgia (US state)\tGeorgia\t5\t\nplace\tIo\tIo\t\t\n";
        let orgs =
            "type\tname\taliases\norganisation\tThe Sun\tthe Sun|Sun\norganisation\tApple\t\n";
        Gazetteer::from_sources(
            &[("p", people), ("l", places), ("o", orgs)],
            "James\tm\n",
            "Reading\tnot_initial\nSun\tneeds_the\n",
        )
        .unwrap()
    }

    fn names(g: &Gazetteer, t: &str) -> Vec<String> {
        g.find(t, 0, t.len())
            .iter()
            .map(|h| format!("{}={}", &t[h.start..h.end], g.entity(h.entity).name))
            .collect()
    }

    #[test]
    fn whole_words_case_and_caps() {
        let g = gaz();
        assert_eq!(
            names(&g, "UKIP and the UK-EU deal in BRITAIN"),
            ["UK=United Kingdom", "BRITAIN=United Kingdom"]
        );
        assert_eq!(names(&g, "uk and britain"), Vec::<String>::new());
        assert_eq!(names(&g, "Io is too short"), Vec::<String>::new());
    }

    #[test]
    fn ambiguity_rules_and_weights() {
        let g = gaz();
        assert_eq!(
            names(&g, "Reading is fun. He moved to Reading."),
            ["Reading=Reading"]
        );
        assert_eq!(names(&g, "Read the Sun. Sun shines."), ["the Sun=The Sun"]);
        assert_eq!(names(&g, "He flew to Georgia"), ["Georgia=Georgia"]);
    }

    #[test]
    fn roles_by_date() {
        let g = gaz();
        let e = g.entity(g.find("James Cleverly", 0, 14)[0].entity);
        assert_eq!(e.gender, Gender::Male);
        let home = &e.roles[0];
        assert!(
            home.held_on(Some("2024-02-01"))
                && !home.held_on(Some("2023-01-01"))
                && home.held_on(None)
        );
        assert!(e.roles[1].held_on(Some("2023")));
        assert_eq!(g.first_name("James"), Some(Gender::Male));
    }

    /// The matching as first written: an unanchored leftmost-longest scan over every alias and
    /// its all-capitals form, retried from the next character after a rejected match.
    fn reference_find(aliases: &[String], text: &str) -> Vec<(usize, usize)> {
        let mut patterns: Vec<String> = aliases.to_vec();
        for a in aliases {
            let upper = a.to_uppercase();
            if &upper != a && upper.chars().count() > 3 && !aliases.contains(&upper) {
                patterns.push(upper);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = ac.find(aho_corasick::Input::new(text).range(pos..)) else {
                break;
            };
            if whole_word(text, m.start(), m.end()) {
                out.push((m.start(), m.end()));
                pos = m.end();
            } else {
                pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// Anchored searches at word starts find what the unanchored scan found.
        #[test]
        fn anchored_search_finds_what_a_scan_finds(
            aliases in proptest::collection::vec("[abAB_é'. -]{3,6}", 1..12),
            pieces in proptest::collection::vec((0..12usize, 0..3usize, "[abAB_éÉ1'. -]{0,3}"), 0..12),
        ) {
            // The text: aliases (as they are, in capitals, or cut short) between random bits.
            let mut text = String::new();
            for (i, form, between) in &pieces {
                let a = &aliases[i % aliases.len()];
                match form {
                    0 => text.push_str(a),
                    1 => text.push_str(&a.to_uppercase()),
                    _ => text.extend(a.chars().skip(1)),
                }
                text.push_str(between);
            }
            let aliases: Vec<String> = aliases
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| a.chars().count() >= 3)
                .collect();
            let mut unique = aliases.clone();
            unique.sort();
            unique.dedup();
            let mut tsv = String::from("type\tname\n");
            for a in &unique {
                tsv.push_str(&format!("place\t{a}\n"));
            }
            let g = Gazetteer::from_sources(&[("t.tsv", &tsv)], "", "").unwrap();
            let got: Vec<(usize, usize)> =
                g.find(&text, 0, text.len()).iter().map(|h| (h.start, h.end)).collect();
            proptest::prop_assert_eq!(got, reference_find(&unique, &text));
        }
    }

    #[test]
    fn anchored_search_on_tricky_texts() {
        let aliases: Vec<String> = [
            "New York",
            "York",
            "Yorkshire",
            "'s-Hertogenbosch",
            "UK",
            "Ab_c",
        ]
        .map(String::from)
        .to_vec();
        let mut tsv = String::from("type\tname\tshort\n");
        for a in &aliases {
            tsv.push_str(&format!("place\t{a}\t1\n"));
        }
        let g = Gazetteer::from_sources(&[("t.tsv", &tsv)], "", "").unwrap();
        for text in [
            "New Yorkers in New York, NEW YORK and YORKSHIRE; 's-Hertogenbosch",
            "UK-EU, UKIP, (UK), _UK, UK_, éUK, UKé, NEW YORKER",
            "Ab_c Ab_cd xAb_c",
        ] {
            let got: Vec<(usize, usize)> = g
                .find(text, 0, text.len())
                .iter()
                .map(|h| (h.start, h.end))
                .collect();
            assert_eq!(got, reference_find(&aliases, text), "{text}");
        }
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let err = Gazetteer::from_sources(&[("x.tsv", "type\tname\nplanet\tMars\n")], "", "")
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "x.tsv:2: unknown type \"planet\"");
        assert_eq!(
            make_id(EntityType::Place, "Côte d'Ivoire"),
            "place:cote-d-ivoire"
        );
    }
}
