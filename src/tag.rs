//! Stage 5, tag: the people, organisations and places of a document, with every mention.
//!
//! Gazetteer matches and name patterns ([`crate::names`]) are merged (a longer name found by a
//! strong pattern beats a shorter alias inside it: "Victoria Jones" over "Victoria"), then
//! linked within the document: "Mr Solomon" and a later bare "Solomon" are mentions of the
//! Enver Solomon introduced earlier; "Mr Howard" with no full name in the article stays
//! "Howard".
//!
//! ```
//! use saidby::pipeline::Pipeline;
//! let p = Pipeline::bundled().unwrap();
//! let a = p.analyse_text("d", "Solomon speaks\n\nEnver Solomon, chief executive of the Refugee Council, spoke. Mr Solomon left.\n");
//! let names: Vec<&str> = a.tagged.mentions.iter().map(|m| a.tagged.entities[m.entity].name.as_str()).collect();
//! assert_eq!(names, ["Enver Solomon", "Enver Solomon", "Refugee Council", "Enver Solomon"]);
//! ```

use crate::clean::caption_without_credit;
use crate::gazetteer::{EntityType, Gazetteer, make_id};
use crate::lexicon::{Gender, HonorificKind, Lexicon};
use crate::names::{NameCandidate, NameKind, find_names_in, lower_after_hyphen};
use crate::quotes::Quote;
use crate::segment::{Section, Segmented};
use crate::span::Span;
use crate::text::{TokKind, Token, is_capitalised, tokenize};

// Per-document maps, hit for every mention: a fast hash (foldhash, seeded per run).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// A gazetteer alias.
    Alias,
    /// A name pattern; the rule is in `Mention::rule`.
    Pattern,
    /// A surname (with or without honorific) linked to a person named in full elsewhere.
    Surname,
}

#[derive(Clone, Debug)]
pub struct DocEntity {
    pub id: String,
    pub name: String,
    pub etype: EntityType,
    pub gender: Gender,
    /// The gazetteer entry, when it came from one.
    pub gazetteer: Option<u32>,
    /// Last word of a person's name.
    pub surname: Option<String>,
    /// What the article calls this person: "home secretary", "labour's shadow immigration
    /// minister" (lower case), with where it said so.
    pub roles: Vec<(Span, String)>,
}

#[derive(Clone, Copy, Debug)]
pub struct Mention {
    pub span: Span,
    pub entity: usize,
    /// Index into `Segmented::paragraphs`.
    pub paragraph: usize,
    pub section: Section,
    pub in_quote: bool,
    pub via: Via,
    pub rule: &'static str,
}

#[derive(Clone, Debug, Default)]
pub struct Tagged {
    pub entities: Vec<DocEntity>,
    /// In text order.
    pub mentions: Vec<Mention>,
}

struct Builder<'a> {
    gaz: &'a Gazetteer,
    lex: &'a Lexicon,
    out: Tagged,
    by_key: HashMap<String, usize>,
}

impl Builder<'_> {
    fn gazetteer_entity(&mut self, gi: u32) -> usize {
        let e = self.gaz.entity(gi);
        if let Some(&i) = self.by_key.get(&e.id) {
            return i;
        }
        let i = self.out.entities.len();
        let surname = (e.etype == EntityType::Person && e.name.contains(' '))
            .then(|| surname_of(&e.name, self.lex, self.gaz));
        self.out.entities.push(DocEntity {
            id: e.id.clone(),
            name: e.name.clone(),
            etype: e.etype,
            gender: e.gender,
            gazetteer: Some(gi),
            surname,
            roles: Vec::new(),
        });
        self.by_key.insert(e.id.clone(), i);
        i
    }

    fn found_entity(&mut self, name: &str, etype: EntityType, gender: Gender) -> usize {
        let id = make_id(etype, name);
        if let Some(&i) = self.by_key.get(&id) {
            let e = &mut self.out.entities[i];
            if e.gender == Gender::Unknown {
                e.gender = gender;
            }
            return i;
        }
        let i = self.out.entities.len();
        let surname = (etype == EntityType::Person).then(|| surname_of(name, self.lex, self.gaz));
        self.out.entities.push(DocEntity {
            id: id.clone(),
            name: name.to_string(),
            etype,
            gender,
            gazetteer: None,
            surname,
            roles: Vec::new(),
        });
        self.by_key.insert(id, i);
        i
    }
}

/// The word a person is referred to by alone: the last ("Enver Solomon": "Solomon"), or the
/// first for a family name written first ("Liu Xiaming": "Liu", "Moon Jae-in": "Moon").
fn surname_of(name: &str, lex: &Lexicon, gaz: &Gazetteer) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III"))
        .collect();
    if let [family, given @ ..] = words.as_slice()
        && (1..=2).contains(&given.len())
        && lex.is_family_name_first(family)
        && given.iter().all(|g| {
            // "Gil Jae-won" is Gil; "Gil Cates", whose first word is a first name too, is Cates
            // ("Lim Boon Keat", with two given names, is Lim all the same). A family name that
            // is no first name comes first whatever follows ("Zhou Yiming").
            g.contains('-')
                || gaz.first_name(family).is_none()
                || gaz.first_name(g).is_none() && given.len() == 2
        })
    {
        return family.to_string();
    }
    // A hyphenated given name in lower case after its hyphen comes after the family name,
    // whatever that is ("Hsu Chih-wei", "Jeon Do-yeon"): Western hyphenated first names are
    // capitalised after the hyphen ("Jean-Pierre").
    if let [family, given] = words.as_slice()
        && lower_after_hyphen(given).is_some_and(|(a, _)| gaz.first_name(a).is_none())
    {
        return family.to_string();
    }
    // Hong Kong style, an English first name before the family name and a hyphenated given
    // name: "Vivian Tsang Wai-ling" is Tsang.
    if let [_, family, given] = words.as_slice()
        && lex.is_family_name_first(family)
        && lower_after_hyphen(given).is_some()
    {
        return family.to_string();
    }
    words.last().copied().unwrap_or(name).to_string()
}

/// A person's name as written, without a nickname in quote marks ('Ernesto "Jun" Salonga' is
/// Ernesto Salonga; "O'Brien" keeps its apostrophe).
fn person_name(s: &str) -> String {
    const MARKS: [char; 6] = crate::names::NICKNAME_MARKS;
    let mut out: Vec<&str> = Vec::new();
    let mut nick = false;
    for w in s.split_whitespace() {
        if !nick && w.starts_with(MARKS) {
            nick = !w[w.chars().next().map_or(0, char::len_utf8)..].ends_with(MARKS);
            continue;
        }
        if nick {
            nick = !w.ends_with(MARKS);
            continue;
        }
        out.push(w);
    }
    out.join(" ")
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lower_role(text: &str, span: Span) -> String {
    normalise(span.text(text)).to_lowercase()
}

/// Where the quotes are: a span is in a quote when some segment starting at or before it ends
/// at or after it. Segments sorted by start, with the furthest end so far, answer that by
/// binary search.
struct Quoted {
    outers: Vec<Span>,
    reach: Vec<usize>,
}

impl Quoted {
    fn new(quotes: &[Quote]) -> Quoted {
        let mut outers: Vec<Span> = quotes
            .iter()
            .flat_map(|q| q.segments.iter().map(|s| s.outer))
            .collect();
        outers.sort_unstable();
        let mut reach = Vec::with_capacity(outers.len());
        let mut furthest = 0;
        for o in &outers {
            furthest = furthest.max(o.end);
            reach.push(furthest);
        }
        Quoted { outers, reach }
    }

    fn covers(&self, span: Span) -> bool {
        let n = self.outers.partition_point(|o| o.start <= span.start);
        n > 0 && self.reach[n - 1] >= span.end
    }
}

/// A single-word person mention waiting for its full name: "Mr Solomon", "President Bush".
struct Pending {
    cand: NameCandidate,
    paragraph: usize,
    section: Section,
}

pub fn tag(
    text: &str,
    seg: &Segmented,
    quotes: &[Quote],
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Tagged {
    let mut b = Builder {
        gaz,
        lex,
        out: Tagged::default(),
        by_key: HashMap::default(),
    };
    let mut pending: Vec<Pending> = Vec::new();
    let sporty = is_sports_report(text, seg, lex);
    // Each paragraph's tokens, read once for the name patterns and kept for the surnames.
    let mut para_tokens: Vec<Vec<Token>> = Vec::with_capacity(seg.paragraphs.len());
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        let region = if para.section == Section::Caption {
            caption_without_credit(text, para.span)
        } else {
            para.span
        };
        para_tokens.push(tokenize(text, region));
        let mut hits = gaz.find(text, region.start, region.end);
        if sporty {
            // "Southampton" in a match report is the club, not the town.
            for h in &mut hits {
                let club = gaz.candidates(h.alias).iter().copied().find(|&e| {
                    let ent = gaz.entity(e);
                    ent.etype == EntityType::Organisation
                        && ent
                            .name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| lex.is_club_word(w))
                });
                if let Some(club) = club {
                    h.entity = club;
                }
            }
        }
        let cands = find_names_in(
            text,
            &para_tokens[pi],
            para.section == Section::Title,
            lex,
            gaz,
        );
        let mut taken: Vec<(Span, usize, Via, &'static str)> = Vec::new();
        let mut hit_kept = vec![true; hits.len()];
        let mut keep_cand = vec![true; cands.len()];
        // Hits come in text order and never overlap, so those a candidate overlaps are a run
        // found by binary search, not by a pass over all the paragraph's hits.
        for (ci, c) in cands.iter().enumerate() {
            // Hits are in text order and do not overlap: only those between these bounds can
            // overlap the candidate.
            let lo = hits.partition_point(|h| h.end <= c.surface.start);
            let hi = hits.partition_point(|h| h.start < c.surface.end);
            let over: Vec<usize> = (lo..hi.max(lo))
                .filter(|&h| c.surface.overlaps(Span::new(hits[h].start, hits[h].end)))
                .collect();
            if over.is_empty() {
                continue;
            }
            let strict = over.iter().all(|&h| {
                c.surface.contains(Span::new(hits[h].start, hits[h].end))
                    && Span::new(hits[h].start, hits[h].end) != c.surface
            });
            let strong = match c.kind {
                // "giant ISP AOL": a guess from the noun before gives way to a known name.
                NameKind::Organisation => c.rule != "body_noun_before",
                NameKind::Person => matches!(
                    c.rule,
                    "honorific" | "role_prefix" | "first_name" | "family_name_first"
                ),
            };
            // "Will Labour ..." at a sentence start is not a person called Labour.
            let inner_hit_at_start = over.iter().all(|&h| hits[h].start == c.surface.start);
            // A first name that is also a common word ("Will", "May") capitalised only by the
            // sentence start; "John Harlow met ..." is a person, not John and the town.
            let sentence_initial_guess = c.rule == "first_name"
                && !inner_hit_at_start
                && crate::gazetteer::at_sentence_start(text, c.span.start)
                && c.span
                    .text(text)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| lex.is_common_word(w));
            let person_hit_same = over
                .iter()
                .any(|&h| gaz.entity(hits[h].entity).etype == EntityType::Person);
            // "Prince Edward" the person, not a place of that name.
            let titled_over_place = c.kind == NameKind::Person
                && c.honorific.is_some_and(|h| !h.kind.is_courtesy())
                && over
                    .iter()
                    .all(|&h| gaz.entity(hits[h].entity).etype == EntityType::Place);
            let strict = strict || titled_over_place;
            // "Greenpeace and Amnesty International" is two known bodies, not one unknown
            // body of that name: the pattern joined two gazetteer organisations.
            let two_known = c.kind == NameKind::Organisation
                && over.iter().any(|&h1| {
                    hits[h1].start == c.surface.start
                        && over.iter().any(|&h2| {
                            hits[h2].end == c.surface.end
                                && hits[h2].start > hits[h1].end
                                && matches!(text[hits[h1].end..hits[h2].start].trim(), "and" | "&")
                                && [h1, h2].iter().all(|&h| {
                                    gaz.entity(hits[h].entity).etype == EntityType::Organisation
                                })
                        })
                });
            if strict
                && !two_known
                && strong
                && !sentence_initial_guess
                && !(c.kind == NameKind::Organisation && person_hit_same)
            {
                for &h in &over {
                    hit_kept[h] = false;
                }
            } else {
                keep_cand[ci] = false;
                // The same person by both: keep the gazetteer's entity, take the pattern's role.
                if let Some(&h) = over.iter().find(|&&h| {
                    Span::new(hits[h].start, hits[h].end) == c.span
                        || Span::new(hits[h].start, hits[h].end) == c.surface
                }) && let Some(role) = c.role
                {
                    let ei = b.gazetteer_entity(hits[h].entity);
                    b.out.entities[ei]
                        .roles
                        .push((role, lower_role(text, role)));
                }
            }
        }
        for (h, hit) in hits.iter().enumerate() {
            if !hit_kept[h] {
                continue;
            }
            // "the City of Montreal said": the place's local government, a body.
            if gaz.entity(hit.entity).etype == EntityType::Place
                && let Some(s) = lex.municipal_body_start(&text[region.start..hit.start])
            {
                let span = Span::new(region.start + s, hit.end);
                let ei = b.found_entity(
                    &normalise(span.text(text)),
                    EntityType::Organisation,
                    Gender::Unknown,
                );
                taken.push((span, ei, Via::Pattern, "municipal_body"));
                continue;
            }
            let ei = b.gazetteer_entity(hit.entity);
            taken.push((Span::new(hit.start, hit.end), ei, Via::Alias, "gazetteer"));
        }
        for (ci, c) in cands.iter().enumerate() {
            if !keep_cand[ci] {
                continue;
            }
            match c.kind {
                NameKind::Organisation => {
                    let ei = b.found_entity(
                        &normalise(c.span.text(text)),
                        EntityType::Organisation,
                        Gender::Unknown,
                    );
                    taken.push((c.span, ei, Via::Pattern, c.rule));
                }
                NameKind::Person if c.words >= 2 => {
                    let ei = b.found_entity(
                        &person_name(c.span.text(text)),
                        EntityType::Person,
                        c.gender,
                    );
                    if let Some(role) = c.role {
                        b.out.entities[ei]
                            .roles
                            .push((role, lower_role(text, role)));
                    }
                    taken.push((c.surface, ei, Via::Pattern, c.rule));
                }
                NameKind::Person => pending.push(Pending {
                    cand: *c,
                    paragraph: pi,
                    section: para.section,
                }),
            }
        }
        for (span, entity, via, rule) in taken {
            b.out.mentions.push(Mention {
                span,
                entity,
                paragraph: pi,
                section: para.section,
                in_quote: false,
                via,
                rule,
            });
        }
    }
    let quoted = Quoted::new(quotes);
    link_surnames(text, seg, &para_tokens, lex, &mut b, pending, &quoted);
    link_company_short_forms(text, seg, &para_tokens, lex, &mut b);
    link_acronyms(text, seg, &para_tokens, &mut b);
    // In text order from here on: the kin pass looks back from each name.
    b.out.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    name_kin_by_family(text, lex, &mut b, &quoted);
    for m in &mut b.out.mentions {
        m.in_quote = quoted.covers(m.span);
    }
    b.out
}

/// "Reuter's daughter Sabine", "Mr. Almonte says ... His daughter, Yesenia,": a person
/// named by a first name alone, first brought in as the son, daughter, brother or sister
/// (`kin_sharing_surname.txt`) of a person named in full, has that person's family name,
/// when no one in the document already has the full name it makes. For "his" or "her",
/// the person is the one named last before, outside quotes, of a gender the pronoun fits.
/// Mentions must be sorted by start.
fn name_kin_by_family(text: &str, lex: &Lexicon, b: &mut Builder, quoted: &Quoted) {
    for e in 0..b.out.entities.len() {
        let ent = &b.out.entities[e];
        if ent.etype != EntityType::Person || ent.gazetteer.is_some() || ent.name.contains(' ') {
            continue;
        }
        let Some(first) = b.out.mentions.iter().position(|m| m.entity == e) else {
            continue;
        };
        let at = b.out.mentions[first].span.start;
        // The words before the name, back to the owner: "Reuter's daughter", "His daughter,".
        let before = text[..at].trim_end();
        let before = before.strip_suffix(',').unwrap_or(before).trim_end();
        let Some((rest, kin)) = before.rsplit_once(char::is_whitespace) else {
            continue;
        };
        if !lex.shares_surname(kin) {
            continue;
        }
        let rest = rest.trim_end();
        let owner_word = rest.rsplit(char::is_whitespace).next().unwrap_or(rest);
        let owner_end = rest.len();
        let pronoun = lex
            .any_pronoun(owner_word)
            .filter(|p| !p.subject && !p.plural);
        let owner = b.out.mentions[..first].iter().rev().find(|m| {
            let p = &b.out.entities[m.entity];
            if p.etype != EntityType::Person || !p.name.contains(' ') || quoted.covers(m.span) {
                return false;
            }
            match pronoun {
                Some(pr) => p.gender.compatible(pr.gender),
                // The possessive name itself: "Reuter's".
                None => {
                    m.span.end < owner_end
                        && crate::text::is_possessive(&text[m.span.end..owner_end])
                }
            }
        });
        let Some(owner) = owner else { continue };
        if pronoun.is_some() && at - owner.span.end > 400 {
            continue;
        }
        let Some(surname) = b.out.entities[owner.entity].surname.clone() else {
            continue;
        };
        let full = format!("{} {surname}", b.out.entities[e].name);
        let id = make_id(EntityType::Person, &full);
        if b.by_key.contains_key(&id) {
            continue;
        }
        let ent = &mut b.out.entities[e];
        b.by_key.remove(&ent.id);
        ent.id = id.clone();
        ent.name = full;
        ent.surname = Some(surname);
        b.by_key.insert(id, e);
    }
}

/// A company's name without its last words, and the companies of the document it may mean.
type ShortForm<'a> = (&'a [&'a str], &'a [usize]);

/// "Big Machine Records ... Big Machine said": a company named in full in the document is
/// also meant by its name without the trailing company words (`company_suffixes.txt`), where
/// no other name is found, and only after the full name.
fn link_company_short_forms(
    text: &str,
    seg: &Segmented,
    para_tokens: &[Vec<Token>],
    lex: &Lexicon,
    b: &mut Builder,
) {
    // Ordered, so that the output never depends on hashing.
    let mut short: std::collections::BTreeMap<Vec<&str>, Vec<usize>> = Default::default();
    for (i, e) in b.out.entities.iter().enumerate() {
        if e.etype != EntityType::Organisation {
            continue;
        }
        let words: Vec<&str> = e.name.split(' ').collect();
        let mut n = words.len();
        while n > 1 && lex.is_company_suffix(words[n - 1]) {
            n -= 1;
            let prefix = &words[..n];
            let fits = prefix
                .iter()
                .all(|w| is_capitalised(w) || lex.is_conjunction(w))
                && (n >= 2
                    || prefix[0].len() >= 3
                        && !lex.is_common_word(prefix[0])
                        // "British Airways", "American Airlines": not every "British".
                        && !b.gaz.is_demonym(prefix[0]));
            if fits {
                short.entry(prefix.to_vec()).or_default().push(i);
            }
        }
    }
    if short.is_empty() {
        return;
    }
    // Looked up by first word, a few short forms each, so the scan stays linear in the text.
    let mut by_first: HashMap<&str, Vec<ShortForm>> = HashMap::default();
    for (prefix, owners) in &short {
        let list = by_first.entry(prefix[0]).or_default();
        if list.len() < 16 {
            list.push((prefix.as_slice(), owners.as_slice()));
        }
    }
    // Where each organisation's mentions end, in order; cue-only guesses by their span.
    let mut ends: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut guesses: HashMap<(usize, usize), usize> = HashMap::default();
    for (mi, m) in b.out.mentions.iter().enumerate() {
        ends.entry(m.entity).or_default().push(m.span.end);
        if m.via == Via::Pattern && m.rule == "cue_adjacent" {
            guesses.insert((m.span.start, m.span.end), mi);
        }
    }
    for v in ends.values_mut() {
        v.sort_unstable();
    }
    let taken = taken_spans(b);
    let mut found = Vec::new();
    let mut renamed = Vec::new();
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        if !matches!(para.section, Section::Body | Section::Title) {
            continue;
        }
        let words: Vec<&Token> = para_tokens[pi]
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .collect();
        for (k, t) in words.iter().enumerate() {
            crate::work::step(1);
            let Some(cands) = by_first.get(t.text(text)) else {
                continue;
            };
            for &(prefix, owners) in cands {
                crate::work::step(prefix.len() + owners.len());
                let end = k + prefix.len();
                if end > words.len()
                    || !(0..prefix.len()).all(|x| words[k + x].text(text) == prefix[x])
                {
                    continue;
                }
                // Not the start of a longer name ("Big Machine Label Group").
                if words.get(end).is_some_and(|w| {
                    is_capitalised(w.text(text)) && w.span.start == words[end - 1].span.end + 1
                }) {
                    continue;
                }
                let span = Span::new(t.span.start, words[end - 1].span.end);
                // Of several companies with this short form, the one named last before it.
                let Some(e) = owners
                    .iter()
                    .filter_map(|&o| {
                        let v = ends.get(&o)?;
                        let n = v.partition_point(|&x| x <= span.start);
                        n.checked_sub(1).map(|i| (v[i], o))
                    })
                    .max()
                    .map(|(_, o)| o)
                else {
                    continue;
                };
                // A guess from a cue alone ("Big Machine said" as a person) gives way.
                if let Some(&mi) = guesses.get(&(span.start, span.end)) {
                    renamed.push((mi, e));
                } else if !overlaps_any(&taken, span)
                    && !found
                        .last()
                        .is_some_and(|f: &(Span, usize, usize, Section)| f.0.overlaps(span))
                {
                    found.push((span, e, pi, para.section));
                }
            }
        }
    }
    for (mi, e) in renamed {
        let m = &mut b.out.mentions[mi];
        m.entity = e;
        m.rule = "company_short_form";
    }
    push_found(b, found, "company_short_form");
}

/// "The Kessler Institute (KI) agreed. KI said": an abbreviation in brackets right after an
/// organisation's name, its letters the initials of the name's words in order, means that
/// organisation there and wherever it stands alone later in the document.
fn link_acronyms(text: &str, seg: &Segmented, para_tokens: &[Vec<Token>], b: &mut Builder) {
    let is_acronym = |w: &str| {
        (2..=8).contains(&w.len())
            && w.bytes().all(|c| c.is_ascii_uppercase() || c == b'&')
            && w.bytes().any(|c| c.is_ascii_uppercase())
    };
    let initials_fit = |name: &str, acr: &str| {
        let initials: Vec<u8> = name
            .split([' ', '-'])
            .filter_map(|w| w.bytes().next())
            .filter(u8::is_ascii_uppercase)
            .collect();
        let mut it = initials.iter();
        acr.bytes()
            .filter(u8::is_ascii_uppercase)
            .all(|c| it.any(|&i| i == c))
            && initials.first() == acr.as_bytes().first()
    };
    let mut by_end: HashMap<usize, usize> = HashMap::default();
    for m in &b.out.mentions {
        if b.out.entities[m.entity].etype == EntityType::Organisation {
            by_end.insert(m.span.end, m.entity);
        }
    }
    // Abbreviation -> (organisation, where it was defined); the first definition stands.
    let mut known: HashMap<&str, (usize, usize)> = HashMap::default();
    for toks in para_tokens {
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if !is_acronym(w) || k < 2 || k + 1 >= toks.len() {
                continue;
            }
            let (open, close) = (toks[k - 1], toks[k + 1]);
            if open.text(text) != "(" || close.text(text) != ")" {
                continue;
            }
            let before = toks[k - 2].span.end;
            if let Some(&e) = by_end.get(&before)
                && initials_fit(&b.out.entities[e].name, w)
                && !known.contains_key(w)
            {
                known.insert(w, (e, t.span.start));
            }
        }
    }
    if known.is_empty() {
        return;
    }
    let taken = taken_spans(b);
    let mut found = Vec::new();
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        if !matches!(para.section, Section::Body | Section::Title) {
            continue;
        }
        for t in &para_tokens[pi] {
            crate::work::step(1);
            let w = t.text(text);
            let Some(&(e, from)) = known.get(w) else {
                continue;
            };
            if t.span.start >= from && !overlaps_any(&taken, t.span) {
                found.push((t.span, e, pi, para.section));
            }
        }
    }
    push_found(b, found, "acronym");
}

/// Mentions found by a linking pass (span, entity, paragraph, section), added under `rule`.
fn push_found(b: &mut Builder, found: Vec<(Span, usize, usize, Section)>, rule: &'static str) {
    for (span, entity, paragraph, section) in found {
        b.out.mentions.push(Mention {
            span,
            entity,
            paragraph,
            section,
            in_quote: false,
            via: Via::Pattern,
            rule,
        });
    }
}

/// The spans of the mentions found so far, in order, for [`overlaps_any`].
fn taken_spans(b: &Builder) -> Vec<Span> {
    let mut taken: Vec<Span> = b.out.mentions.iter().map(|m| m.span).collect();
    taken.sort_unstable();
    taken
}

/// Whether `s` overlaps one of the sorted, non-overlapping spans `taken`.
fn overlaps_any(taken: &[Span], s: Span) -> bool {
    let at = taken.partition_point(|t| t.end <= s.start);
    taken.get(at).is_some_and(|t| t.start < s.end)
}

fn link_surnames(
    text: &str,
    seg: &Segmented,
    para_tokens: &[Vec<Token>],
    lex: &Lexicon,
    b: &mut Builder,
    pending: Vec<Pending>,
    quoted: &Quoted,
) {
    // Surname -> people of this document, and where each person is mentioned (sorted), so that
    // "the one named most recently before" is a binary search, not a scan.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, e) in b.out.entities.iter().enumerate() {
        if let Some(s) = &e.surname {
            by_surname.entry(s.clone()).or_default().push(i);
        }
    }
    // Spanish style, two surnames: "Rodrigo Valenzuela Ahumada" is "Valenzuela" too (a
    // first name, then a middle word that is no first name).
    for (i, e) in b.out.entities.iter().enumerate() {
        if e.etype == EntityType::Person
            && let [first, middle, _] = e.name.split_whitespace().collect::<Vec<_>>()[..]
            && b.gaz.first_name(first).is_some()
            && b.gaz.first_name(middle).is_none()
            && is_capitalised(middle)
            && e.surname.as_deref() != Some(middle)
            && !by_surname.contains_key(middle)
        {
            by_surname.insert(middle.to_string(), vec![i]);
        }
    }
    let mut positions: HashMap<usize, Vec<usize>> = HashMap::default();
    for m in &b.out.mentions {
        positions.entry(m.entity).or_default().push(m.span.start);
    }
    for v in positions.values_mut() {
        v.sort_unstable();
    }
    let last_before = |positions: &HashMap<usize, Vec<usize>>, e: usize, pos: usize| {
        positions
            .get(&e)
            .and_then(|v| v.partition_point(|&p| p < pos).checked_sub(1).map(|i| v[i]))
    };
    for p in pending {
        crate::work::step(1);
        let c = p.cand;
        let word = normalise(c.surname.text(text));
        let gender = c.gender;
        // "Sir Alan" after "Sir Alan Budd": a title used with the first name.
        let by_first = c.honorific.is_some_and(|h| h.kind.takes_first_name()) && c.words == 1;
        let first_named = by_first
            .then(|| {
                b.out.entities.iter().position(|e| {
                    e.etype == EntityType::Person
                        && e.gender.compatible(gender)
                        && e.name
                            .split_whitespace()
                            .find(|w| lex.honorific(w).is_none())
                            == Some(word.as_str())
                        && e.name.contains(' ')
                })
            })
            .flatten();
        // "Mr Faizal" for Muhammad Faizal Rahman, "Prof Kavitha" for Kavitha Rajendran,
        // "Valenzuela" for Rodrigo Valenzuela Ahumada, "Chloe" for Chloe Marsh: a name that is
        // no one's surname but a word before the last of exactly one person named in full.
        let inner_named = || {
            if by_surname.contains_key(&word)
                || word.chars().count() < 3
                || b.gaz.is_known_surname(&word)
            {
                return None;
            }
            // Named in full before it: "whose daughter Lana ... Lana Clarkson" is left alone.
            let mut hits = b.out.entities.iter().enumerate().filter(|&(i, e)| {
                e.etype == EntityType::Person
                    && e.gender.compatible(gender)
                    && last_before(&positions, i, c.span.start).is_some()
                    && {
                        let ws: Vec<&str> = e.name.split_whitespace().collect();
                        ws.len() >= 2 && ws[..ws.len() - 1].contains(&word.as_str())
                    }
            });
            let (i, _) = hits.next()?;
            hits.next().is_none().then_some(i)
        };
        let known = first_named.or_else(inner_named).or_else(|| {
            by_surname.get(&word).and_then(|list| {
                let ok: Vec<usize> = list
                    .iter()
                    .copied()
                    .filter(|&i| b.out.entities[i].gender.compatible(gender))
                    .collect();
                // The person named most recently before this mention, else the first named.
                ok.iter()
                    .copied()
                    .filter_map(|i| last_before(&positions, i, c.span.start).map(|p| (p, i)))
                    .max()
                    .map(|(_, i)| i)
                    .or_else(|| ok.first().copied())
            })
        });
        let entity = match known {
            Some(i) => i,
            // No full name in the article: the person as the article names them ("Lord
            // Falconer"; "Howard" for "Mr Howard"). A gazetteer person of that surname is not
            // guessed: "Mr Price" in one article is not the one Price the gazetteer knows.
            None => {
                let titled = c.honorific.is_some_and(|h| !h.kind.is_courtesy());
                let name = if titled {
                    normalise(c.span.text(text))
                } else {
                    word.clone()
                };
                let i = b.found_entity(&name, EntityType::Person, gender);
                // Keep the surname index as `index` would rebuild it: each list in entity order.
                let old = b.out.entities[i].surname.replace(word.clone());
                if let Some(o) = old
                    && let Some(list) = by_surname.get_mut(&o)
                {
                    list.retain(|&x| x != i);
                    if list.is_empty() {
                        // As a rebuilt index would: no surname without people.
                        by_surname.remove(&o);
                    }
                }
                let list = by_surname.entry(word.clone()).or_default();
                if let Err(at) = list.binary_search(&i) {
                    list.insert(at, i);
                }
                i
            }
        };
        if b.out.entities[entity].gender == Gender::Unknown {
            b.out.entities[entity].gender = gender;
        }
        if let Some(role) = c.role {
            b.out.entities[entity]
                .roles
                .push((role, lower_role(text, role)));
        }
        let span = c.surface;
        let v = positions.entry(entity).or_default();
        let at = v.partition_point(|&x| x < span.start);
        v.insert(at, span.start);
        b.out.mentions.push(Mention {
            span,
            entity,
            paragraph: p.paragraph,
            section: p.section,
            in_quote: false,
            via: Via::Surname,
            rule: c.rule,
        });
    }
    // Bare surnames of people this document names: "Kinnock said", "... – Cleverly".
    // Spans taken, sorted, with the furthest end so far: whether a token overlaps one is a
    // binary search.
    let mut taken: Vec<Span> = b.out.mentions.iter().map(|m| m.span).collect();
    taken.sort_unstable();
    let mut reach = Vec::with_capacity(taken.len());
    let mut furthest = 0;
    for t in &taken {
        furthest = furthest.max(t.end);
        reach.push(furthest);
    }
    // One-word place and organisation aliases, by span: the surname of a person the article
    // names in full is that person ("Tom Stafford ... Stafford responded"), unless a
    // preposition makes it a place ("in Stafford").
    let one_word: HashMap<(usize, usize), usize> = b
        .out
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.via == Via::Alias
                && b.out.entities[m.entity].etype != EntityType::Person
                && !m.span.text(text).contains(char::is_whitespace)
        })
        .map(|(k, m)| ((m.span.start, m.span.end), k))
        .collect();
    // "Chloe added:" after "Chloe Marsh, 29": a first name the gazetteer knows, alone, is the
    // one person named in full before with that first name (tabloid and feature style).
    // "Datuk Ramli Yusof ... Ramli said": a person brought in with a courtesy used with the
    // first name (Malaysia, Singapore, where many names have no surname) is called by it,
    // whether or not the gazetteer knows it.
    let by_first_name: Vec<bool> = {
        let mut v = vec![false; b.out.entities.len()];
        for m in &b.out.mentions {
            if let Some(h) = m.span.text(text).split_whitespace().next()
                && lex
                    .honorific(h)
                    .is_some_and(|h| h.kind == HonorificKind::CourtesyFirst)
            {
                v[m.entity] = true;
            }
        }
        v
    };
    let mut first_words: HashMap<&str, Option<usize>> = HashMap::default();
    for (i, e) in b.out.entities.iter().enumerate() {
        if e.etype != EntityType::Person {
            continue;
        }
        let ws: Vec<&str> = e.name.split_whitespace().collect();
        if ws.len() >= 2 && (b.gaz.first_name(ws[0]).is_some() || by_first_name[i]) {
            first_words
                .entry(ws[0])
                .and_modify(|x| *x = None)
                .or_insert(Some(i));
        }
    }
    let first_named_once = |w: &str| first_words.get(w).copied().flatten();
    // Each with the one-word place or organisation alias it overrides, if any.
    let mut first_alone: Vec<(usize, Section, Span, usize, Option<usize>)> = Vec::new();
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        if !matches!(para.section, Section::Title | Section::Body) {
            continue;
        }
        // A title or body paragraph was tokenized whole (only captions lose their credit).
        let toks = &para_tokens[pi];
        for (ti, &t) in toks.iter().enumerate() {
            let w = t.text(text);
            // Two letters only for a family name written first ("Li said"), never "He".
            let short_ok = w.len() == 2
                && lex.is_family_name_first(w)
                && lex.pronoun(w).is_none()
                && !lex.is_common_word(w);
            if t.kind != TokKind::Word
                || (w.len() < 3 && !short_ok)
                || !is_capitalised(w)
                || lex.is_not_name(w)
            {
                continue;
            }
            let n = taken.partition_point(|s| s.start < t.span.end);
            // "in Stafford", "from Florence": a place's name, asked only where an alias
            // covers the word.
            let after_preposition = || {
                ti.checked_sub(1)
                    .is_some_and(|p| lex.is_preposition(toks[p].text(text)))
            };
            let Some(list) = by_surname.get(w) else {
                // Never a word of the language ("Will", "Grace", "Mark"), nor in a quote.
                // Standing alone, not in another name ("ex-King Michael of Romania", "a
                // Richard and Judy producer").
                let word_at = |k: usize| toks.get(k).filter(|x| x.kind == TokKind::Word);
                let alone = ti.checked_sub(1).and_then(word_at).is_none_or(|p| {
                    let p = p.text(text);
                    // After a compound adjective ("Red-faced Liam") it stands alone too.
                    !(is_capitalised(p) || matches!(p, "and" | "&"))
                        || lower_after_hyphen(p).is_some()
                        || crate::gazetteer::at_sentence_start(text, t.span.start)
                }) && word_at(ti + 1).is_none_or(|x| {
                    let x = x.text(text);
                    !is_capitalised(x) && !matches!(x, "of" | "and" | "&")
                });
                // As for a surname: "Bambang Suryadi ... Bambang said" is the person, not
                // the village of that name, unless a preposition makes it a place. Only a
                // place: a brand is often a first name ("Mercedes").
                let over_alias = one_word
                    .get(&(t.span.start, t.span.end))
                    .copied()
                    .filter(|&k| {
                        b.out.entities[b.out.mentions[k].entity].etype == EntityType::Place
                            && !after_preposition()
                    });
                if let Some(i) = first_named_once(w)
                    && alone
                    && (over_alias.is_some() || !(n > 0 && reach[n - 1] > t.span.start))
                    && last_before(&positions, i, t.span.start).is_some()
                    && !lex.is_common_word(&w.to_lowercase())
                    && !quoted.covers(t.span)
                {
                    first_alone.push((pi, para.section, t.span, i, over_alias));
                }
                continue;
            };
            if n > 0 && reach[n - 1] > t.span.start {
                // "Dube-Moyo said" after "Nkosazana Dube-Moyo": a double-barrelled surname
                // with a place alias in one part is the person too, the whole word.
                let in_part = || {
                    let over = taken[..n]
                        .iter()
                        .rev()
                        .take_while(|s| s.end > t.span.start)
                        .count();
                    let mut at = t.span.start;
                    let hits: Vec<usize> = w
                        .split('-')
                        .filter_map(|part| {
                            let hit = one_word.get(&(at, at + part.len())).copied();
                            at += part.len() + 1;
                            hit
                        })
                        .collect();
                    match hits[..] {
                        [k] if over == 1 => Some(k),
                        _ => None,
                    }
                };
                if let Some(k) = one_word
                    .get(&(t.span.start, t.span.end))
                    .copied()
                    .or_else(|| w.contains('-').then(in_part).flatten())
                    && !after_preposition()
                {
                    let entity = list
                        .iter()
                        .copied()
                        .max_by_key(|&i| {
                            last_before(&positions, i, t.span.start).map_or(0, |p| p + 1)
                        })
                        .expect("surname lists are not empty");
                    let m = &mut b.out.mentions[k];
                    m.span = t.span;
                    m.entity = entity;
                    m.via = Via::Surname;
                    m.rule = "surname_over_alias";
                    let v = positions.entry(entity).or_default();
                    let at = v.partition_point(|&x| x < t.span.start);
                    v.insert(at, t.span.start);
                }
                continue;
            }
            // Several people of that surname: the one named most recently before.
            let entity = list
                .iter()
                .copied()
                .max_by_key(|&i| last_before(&positions, i, t.span.start).map_or(0, |p| p + 1))
                .expect("surname lists are not empty");
            let v = positions.entry(entity).or_default();
            let at = v.partition_point(|&x| x < t.span.start);
            v.insert(at, t.span.start);
            b.out.mentions.push(Mention {
                span: t.span,
                entity,
                paragraph: pi,
                section: para.section,
                in_quote: false,
                via: Via::Surname,
                rule: "surname",
            });
        }
    }
    // The first name alone only for someone the article never calls by a surname of their
    // own: "Marley" in one piece makes "Bob" in it words of a speaker, not the writer's name
    // for him; two Marshes or two Williamses are told apart by first name.
    let by_own_surname = |e: usize| {
        let Some(sur) = b.out.entities[e].surname.as_deref() else {
            return false;
        };
        by_surname.get(sur).is_some_and(|l| l.len() == 1)
            && b.out.mentions.iter().any(|m| {
                m.entity == e
                    && m.via == Via::Surname
                    && m.span.text(text).split_whitespace().last() == Some(sur)
            })
    };
    let keep: Vec<bool> = first_alone
        .iter()
        .map(|&(.., e, _)| !by_own_surname(e))
        .collect();
    for ((paragraph, section, span, entity, over), keep) in first_alone.into_iter().zip(keep) {
        if let Some(k) = over
            && keep
        {
            let m = &mut b.out.mentions[k];
            m.entity = entity;
            m.via = Via::Surname;
            m.rule = "first_name_over_alias";
        } else if keep {
            b.out.mentions.push(Mention {
                span,
                entity,
                paragraph,
                section,
                in_quote: false,
                via: Via::Surname,
                rule: "first_name_alone",
            });
        }
    }
}

/// Whether the article reports sport: several words of sports reporting in its body (words:
/// runs of letters, digits and '-').
fn is_sports_report(text: &str, seg: &Segmented, lex: &Lexicon) -> bool {
    const ENOUGH: usize = 4;
    const ASCII_WORD: [bool; 256] = crate::text::ascii_alphanumeric_and(b"-");
    let mut n = 0;
    let mut sport = |w: &str| {
        n += usize::from(w.len() < 16 && lex.is_sport_word(w));
        n >= ENOUGH
    };
    for p in seg
        .paragraphs
        .iter()
        .filter(|p| matches!(p.section, Section::Title | Section::Body))
    {
        let s = p.span.text(text);
        let b = s.as_bytes();
        // Read byte by byte, only non-ASCII characters decoded.
        let mut word_start = None;
        let mut i = 0;
        while i < b.len() {
            let (inside, len) = if b[i] < 0x80 {
                (ASCII_WORD[b[i] as usize], 1)
            } else {
                let c = s[i..].chars().next().expect("a character starts here");
                (c.is_alphanumeric(), c.len_utf8())
            };
            if inside {
                word_start.get_or_insert(i);
            } else if let Some(at) = word_start.take()
                && sport(&s[at..i])
            {
                return true;
            }
            i += len;
        }
        if let Some(at) = word_start
            && sport(&s[at..])
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::pipeline::test_pipeline;

    /// (surface, canonical name, type) of every title and body mention.
    fn mentions(text: &str) -> Vec<(String, String, &'static str)> {
        let a = test_pipeline().analyse_text("t", text);
        a.tagged
            .mentions
            .iter()
            .map(|m| {
                let e = &a.tagged.entities[m.entity];
                (
                    m.span.text(&a.text).to_string(),
                    e.name.clone(),
                    e.etype.name(),
                )
            })
            .collect()
    }

    fn has(ms: &[(String, String, &str)], surface: &str, name: &str, etype: &str) -> bool {
        ms.iter()
            .any(|(s, n, t)| s == surface && n == name && *t == etype)
    }

    #[test]
    fn companies_named_in_full_are_meant_by_their_short_form() {
        let ms = mentions(
            "Deal\n\nOn Monday Quarrow Crane Holdings had bid for Tovex Motors. Later Quarrow Crane said it had not, and Tovex Industries said Tovex would decide.\n",
        );
        assert!(
            has(
                &ms,
                "Quarrow Crane",
                "Quarrow Crane Holdings",
                "organisation"
            ),
            "{ms:?}"
        );
        // A one-word short form too.
        assert!(
            has(&ms, "Tovex", "Tovex Industries", "organisation"),
            "{ms:?}"
        );
        // Industry words end companies too; a demonym is never a short form.
        let ms = mentions(
            "Deal\n\nHanul Telecom and British Airways met. Hanul said it would sign, and British ministers agreed.\n",
        );
        assert!(has(&ms, "Hanul", "Hanul Telecom", "organisation"), "{ms:?}");
        assert!(
            !has(&ms, "British", "British Airways", "organisation"),
            "{ms:?}"
        );
    }

    #[test]
    fn malaysian_courtesies_drop_and_leave_the_first_name() {
        // "Datuk" and "Datuk Seri" are dropped, and the person is called by the first name,
        // which no first-name list need know; a Chinese family name comes first.
        let ms = mentions(
            "Fares\n\nUnion head Datuk Seri Shahrizal Wiranto met Datuk Goh Siew Lan. Shahrizal said so, and Goh agreed.\n",
        );
        assert!(
            has(&ms, "Shahrizal", "Shahrizal Wiranto", "person"),
            "{ms:?}"
        );
        assert!(has(&ms, "Goh", "Goh Siew Lan", "person"), "{ms:?}");
        // Without the courtesy, an unknown first word alone is no one.
        let ms = mentions("Fares\n\nUnion head Shahrizal Wiranto spoke. Shahrizal said so.\n");
        assert!(
            !has(&ms, "Shahrizal", "Shahrizal Wiranto", "person"),
            "{ms:?}"
        );
    }

    #[test]
    fn a_double_barrelled_surname_holding_a_place_is_the_person() {
        // "Moyo" and "London" are places; in the hyphenated surname they are part of it.
        let ms = mentions(
            "Clinic\n\nHealth MEC Thandi Dube-Moyo opened it. Dube-Moyo said it was ready.\n\nAna Ruiz-London agreed.\n\nRuiz-London said so.\n",
        );
        assert!(
            has(&ms, "Dube-Moyo", "Thandi Dube-Moyo", "person"),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Ruiz-London", "Ana Ruiz-London", "person"),
            "{ms:?}"
        );
        assert!(!ms.iter().any(|m| m.2 == "place"), "{ms:?}");
        // Places joined by a hyphen stay places: no one has that surname.
        let ms = mentions("Talks\n\nThe London-Moyo flight left. Ana Ruiz agreed.\n");
        assert!(has(&ms, "Moyo", "Moyo", "place"), "{ms:?}");
    }

    #[test]
    fn an_abbreviation_in_brackets_names_the_organisation_after() {
        let ms = mentions(
            "Row\n\nThe BX said so. The Kessler Institute (KI) agreed. KI said it was alarmed, and the Tovex Council (TC) too; TC and XY left.\n",
        );
        let kis = ms
            .iter()
            .filter(|m| m.0 == "KI" && m.1 == "Kessler Institute")
            .count();
        assert_eq!(kis, 2, "{ms:?}");
        assert!(has(&ms, "TC", "Tovex Council", "organisation"), "{ms:?}");
        // Letters that are not the initials, or no bracket: nothing.
        assert!(!ms.iter().any(|m| m.0 == "XY" || m.0 == "BX"), "{ms:?}");
    }

    #[test]
    fn family_names_written_first_are_what_the_person_is_called_by() {
        let ms = mentions(
            "Envoy\n\nThe ambassador, Zhao Minghua, spoke on Monday. Zhao said the army was ready. Later Mr Zhao left. Labour MP Lee Anderson disagreed and Anderson left too.\n",
        );
        assert!(has(&ms, "Zhao", "Zhao Minghua", "person"), "{ms:?}");
        assert!(has(&ms, "Mr Zhao", "Zhao Minghua", "person"), "{ms:?}");
        // A Western first name after the family name: the last word is the surname.
        assert!(has(&ms, "Anderson", "Lee Anderson", "person"), "{ms:?}");
        // A family name that is also a first name counts before a hyphenated given name only.
        let ms = mentions(
            "Breach\n\nChief executive Gil Jae-won apologised. Gil said it was wrong. Producer Gil Cates left, and Cates said so.\n",
        );
        assert!(has(&ms, "Gil", "Gil Jae-won", "person"), "{ms:?}");
        assert!(has(&ms, "Cates", "Gil Cates", "person"), "{ms:?}");
        let ms = mentions("Court\n\nLorry driver Lim Boon Keat wept. Lim said he was sorry.\n");
        assert!(has(&ms, "Lim", "Lim Boon Keat", "person"), "{ms:?}");
        // Two-letter family names link too, but "He" stays a pronoun.
        let ms = mentions(
            "Blog\n\nWu Jifeng, a doctor, wrote a blog. Wu said it was true. He Lan, a nurse, agreed. He said so.\n",
        );
        assert!(has(&ms, "Wu Jifeng", "Wu Jifeng", "person"), "{ms:?}");
        assert!(has(&ms, "Wu", "Wu Jifeng", "person"), "{ms:?}");
        assert_eq!(ms.iter().filter(|m| m.0 == "He").count(), 0, "{ms:?}");
        // Capitalised mid-sentence or right after a quotation, "He" is a family name.
        let ms = mentions(
            "Trade\n\n\"It is bad,\" He Jianxiong, a former director, said. \"Why?\" He Jianxiong asked. He Said left.\n",
        );
        assert_eq!(
            ms.iter().filter(|m| m.0 == "He Jianxiong").count(),
            2,
            "{ms:?}"
        );
        assert!(!ms.iter().any(|m| m.0.starts_with("He S")), "{ms:?}");
        // After "envoy to PLACE", "minister for PLACE": the name that follows.
        let ms = mentions(
            "Talks\n\nThe envoy to France Wang Lihua met the minister for Wales Peter Hale on Friday.\n",
        );
        assert!(has(&ms, "Wang Lihua", "Wang Lihua", "person"), "{ms:?}");
        assert!(has(&ms, "Peter Hale", "Peter Hale", "person"), "{ms:?}");
        assert!(has(&ms, "France", "France", "place"), "{ms:?}");
    }

    #[test]
    fn a_named_persons_surname_beats_a_place_of_that_name() {
        let ms = mentions(
            "Hearing\n\nThe witness, engineer Ruth Bolton, spoke first. Bolton said the plan was late. Later she flew home to Bolton.\n",
        );
        assert!(has(&ms, "Bolton", "Ruth Bolton", "person"), "{ms:?}");
        assert!(
            ms.iter().any(|(s, _, t)| s == "Bolton" && *t == "place"),
            "after 'to' it is the town: {ms:?}"
        );
        // Without the person, the town stays a town.
        let town = mentions("Storm\n\nBolton was flooded on Monday, officials said.\n");
        assert!(
            town.iter().all(|(s, _, t)| s != "Bolton" || *t == "place"),
            "{town:?}"
        );
    }

    #[test]
    fn towns_are_clubs_in_sports_reports_only() {
        let sport = mentions(
            "Cup draw\n\nSouthampton will face Derby in the cup after the striker scored a late goal and the manager praised the fans.\n",
        );
        assert!(
            has(&sport, "Southampton", "Southampton FC", "organisation"),
            "{sport:?}"
        );
        assert!(
            has(&sport, "Derby", "Derby County", "organisation"),
            "{sport:?}"
        );
        let town = mentions(
            "Floods\n\nResidents of Southampton and Derby were told to leave their homes on Monday.\n",
        );
        assert!(
            town.iter()
                .any(|(s, _, t)| s == "Southampton" && *t == "place"),
            "{town:?}"
        );
    }

    #[test]
    fn name_patterns_that_stop_short() {
        let ms = mentions(
            "Row\n\nThe report by Judge Peter Grant QC praised the BBC World Service and Acme Holdings, unlike the Marshall Plan. Later Sir Alan Budd spoke, and Sir Alan left.\n",
        );
        assert!(
            ms.iter()
                .any(|(s, n, _)| s == "Peter Grant" && n == "Peter Grant"),
            "post-nominal dropped: {ms:?}"
        );
        assert!(
            !ms.iter().any(|(s, _, _)| s.contains(" and ")),
            "two organisations, not one: {ms:?}"
        );
        assert!(
            !ms.iter().any(|(s, _, _)| s.contains("Marshall")),
            "a plan is not a person: {ms:?}"
        );
        let sir: Vec<&String> = ms
            .iter()
            .filter(|(s, _, _)| s.starts_with("Sir"))
            .map(|(_, n, _)| n)
            .collect();
        assert!(
            sir.len() == 2 && sir[0] == sir[1] && sir[0].ends_with("Alan Budd"),
            "one person: {ms:?}"
        );
    }

    #[test]
    fn names_of_other_house_styles() {
        // Hong Kong style: an English first name, the family name, a hyphenated given name.
        let ms = mentions(
            "Bank\n\nAnalyst Karen Leung Mei-ling was wary. Leung said the shares were dear.\n",
        );
        assert!(
            has(&ms, "Leung", "Karen Leung Mei-ling", "person"),
            "{ms:?}"
        );
        // Taiwanese romanisation, characters after the name; a hyphenated given name in lower
        // case after the hyphen follows the family name, listed or not.
        let ms = mentions(
            "Aid\n\nLegislator Hsieh Shu-fen (謝淑芬) spoke. Hsieh said farmers waited. Director Dwan Do-yeon agreed, and Dwan left.\n",
        );
        assert!(has(&ms, "Hsieh", "Hsieh Shu-fen", "person"), "{ms:?}");
        assert!(has(&ms, "Dwan", "Dwan Do-yeon", "person"), "{ms:?}");
        // A name after a preposition is no cue's subject ("herders in the ... Marshes say").
        let ms = mentions("Drought\n\nBuffalo herders in the Qarnat Marshes say they may leave.\n");
        assert!(!ms.iter().any(|m| m.2 == "person"), "{ms:?}");
        // A family name that is no first name comes first before any given name.
        let ms = mentions("Robots\n\nFounder Zhou Yiming spoke. Zhou said sales rose.\n");
        assert!(has(&ms, "Zhou", "Zhou Yiming", "person"), "{ms:?}");
        // "Hong Kong-based", "a 38-year-old Haitian", "Halden Robotics": no people.
        let ms = mentions(
            "Deal\n\nA Hong Kong-based fund bought Halden Robotics. A 38-year-old Haitian worker voted.\n",
        );
        assert!(!ms.iter().any(|m| m.2 == "person"), "{ms:?}");
        assert!(
            has(&ms, "Halden Robotics", "Halden Robotics", "organisation"),
            "{ms:?}"
        );
    }

    #[test]
    fn a_name_that_is_no_surname_is_the_one_person_it_is_part_of() {
        // Singapore and Malaysia: "Mr Faizal" is Muhammad Faizal Rahman; a Tamil name too.
        let ms = mentions(
            "Hawkers\n\nStallholder Ahmad Rizal Hassan, 58, agreed. Mr Rizal said so. Dr Selvi Murugan, a lecturer, disagreed. Dr Selvi said habits break.\n",
        );
        assert!(
            has(&ms, "Mr Rizal", "Ahmad Rizal Hassan", "person"),
            "{ms:?}"
        );
        assert!(has(&ms, "Dr Selvi", "Selvi Murugan", "person"), "{ms:?}");
        // Tabloid style: a first name alone after the full name, in two families' stories.
        let ms = mentions(
            "Ring\n\nShop worker Keeley Brook, 29, lost it. Her husband Dane Brook found it. Keeley added: \"I cried.\" Ashamed-looking Dane said sorry.\n",
        );
        assert!(has(&ms, "Keeley", "Keeley Brook", "person"), "{ms:?}");
        assert!(has(&ms, "Dane", "Dane Brook", "person"), "{ms:?}");
        // Not when the article calls the person by surname, nor in another name, nor before
        // the full name.
        let ms = mentions(
            "Memories\n\nSinger Milo Varga died in 1981. Varga toured a lot. Milo was driven. King Milo of Elbia came. Later Omar spoke, and Omar Haddad left.\n",
        );
        assert!(!ms.iter().any(|m| m.0 == "Milo"), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0 == "Omar"), "{ms:?}");
        // A son or daughter brought in by first name takes the family name of the parent
        // named in full; a wife keeps hers unknown.
        let ms = mentions(
            "Shop\n\nGrocer Hamid Kazemi runs the shop. Kazemi's daughter Leila, 24, keeps the books. His wife Mina, 50, cooks.\n",
        );
        assert!(has(&ms, "Leila", "Leila Kazemi", "person"), "{ms:?}");
        assert!(!ms.iter().any(|m| m.1 == "Mina Kazemi"), "{ms:?}");
        let ms =
            mentions("Shop\n\nGrocer Hamid Kazemi runs the shop. His son Omid, 19, helps out.\n");
        assert!(has(&ms, "Omid", "Omid Kazemi", "person"), "{ms:?}");
        // "the City of Montreal" is the city's government, a body; "in Montreal" the place.
        let ms = mentions(
            "Road\n\nIn a statement, the City of Montreal said it backs the plan. Traffic in Montreal is heavy.\n",
        );
        assert!(
            has(&ms, "City of Montreal", "City of Montreal", "organisation"),
            "{ms:?}"
        );
        assert!(
            ms.iter().any(|m| m.0 == "Montreal" && m.2 == "place"),
            "{ms:?}"
        );
        // A municipality in no gazetteer is named by its suffix.
        let ms = mentions(
            "Water\n\nResidents asked the Ntsika Local Municipality to act. The municipality said it would.\n",
        );
        assert!(
            has(
                &ms,
                "Ntsika Local Municipality",
                "Ntsika Local Municipality",
                "organisation"
            ),
            "{ms:?}"
        );
        // A first name that is also a place's name is the person, after a preposition the
        // place; a brand that is a first name stays the brand.
        let ms = mentions(
            "Rent\n\nTenant leader Florence Adeyemi, 61, spoke first. Florence said rents had doubled since she moved from Florence in 1990.\n",
        );
        assert!(has(&ms, "Florence", "Florence Adeyemi", "person"), "{ms:?}");
        assert!(has(&ms, "Florence", "Florence", "place"), "{ms:?}");
        let ms =
            mentions("Cars\n\nSales at Mercedes Smart fell. Mercedes said it would cut costs.\n");
        assert!(
            !ms.iter().any(|m| m.0 == "Mercedes" && m.2 == "person"),
            "{ms:?}"
        );
    }
}
