//! Name patterns: people and organisations that are in no gazetteer, found from the shape of
//! the text, each with the rule that found it.
//!
//! - `honorific`: "Mr Solomon", "Lord Falconer", "Dr Jane Roe";
//! - `role_prefix`: "Home Secretary James Cleverly", "London teacher Diane Granger";
//! - `first_name`: a known first name and a capitalised surname ("Enver Solomon");
//! - `appositive` / `cue_adjacent`: two to four capitalised words followed by ", chief
//!   executive of ...," or next to a cue verb ("said Nkosi Dube");
//! - `org_suffix`: capitalised words ending in an organisation word ("Refugee Council",
//!   "Carnegie Council for Ethics on International Affairs").
//!
//! ```
//! use saidby::{gazetteer::Gazetteer, lexicon::Lexicon, names::{find_names, NameKind}, span::Span};
//! let lex = Lexicon::embedded().unwrap();
//! let gaz = Gazetteer::from_sources(&[], "Enver\tm\n", "").unwrap();
//! let t = "Enver Solomon, chief executive of the Refugee Council, said no.";
//! let names = find_names(t, Span::new(0, t.len()), false, &lex, &gaz);
//! assert_eq!(names[0].span.text(t), "Enver Solomon");
//! assert_eq!(names[0].role.unwrap().text(t), "chief executive of the Refugee Council");
//! assert_eq!((names[1].span.text(t), names[1].kind), ("Refugee Council", NameKind::Organisation));
//! ```

use crate::gazetteer::{Gazetteer, at_sentence_start};
use crate::lexicon::{Gender, Honorific, Lexicon, RoleKind};
use crate::span::Span;
use crate::text::{
    TokKind, Token, is_all_caps, is_capitalised, is_possessive, tokenize, with_lowercase,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
}

#[derive(Clone, Copy, Debug)]
pub struct NameCandidate {
    /// The name: without a courtesy honorific ("Solomon" in "Mr Solomon"), with a title
    /// ("Lord Falconer").
    pub span: Span,
    pub kind: NameKind,
    /// Number of name words.
    pub words: usize,
    pub honorific: Option<Honorific>,
    /// The honorific word itself, when there is one.
    pub honorific_span: Option<Span>,
    /// The words as they stand, honorific included ("Mr Solomon"): the mention.
    pub surface: Span,
    /// What the text says the person is: "Home Secretary", "chief executive of the Refugee
    /// Council" (from a prefix or an appositive).
    pub role: Option<Span>,
    pub gender: Gender,
    /// The last word of the name (the surname, for people).
    pub surname: Span,
    /// The rule that found it.
    pub rule: &'static str,
}

impl NameCandidate {
    /// An organisation's name of `words` words over `span`, its last word `last`.
    fn organisation(span: Span, words: usize, last: Span, rule: &'static str) -> Self {
        NameCandidate {
            span,
            kind: NameKind::Organisation,
            words,
            honorific: None,
            honorific_span: None,
            surface: span,
            role: None,
            gender: Gender::Unknown,
            surname: last,
            rule,
        }
    }
}

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "the" | "&" | "and" | "de")
}

/// A run of name-like tokens: capitalised words, initials, particles and connectors between
/// capitalised words.
fn run_end(text: &str, toks: &[Token], start: usize, lex: &Lexicon) -> usize {
    let mut j = start;
    // "Nadia al-Musawi", "Abdel Fattah el-Sisi": a particle joined to a capitalised name.
    let particle_joined = |w: &str| {
        w.split_once('-').is_some_and(|(p, rest)| {
            lex.is_name_particle(p) && rest.starts_with(char::is_uppercase)
        })
    };
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let w = t.text(text);
            t.kind == TokKind::Word
                && (is_capitalised(w) || k > start && particle_joined(w))
                && !is_possessive(w)
        })
    };
    while j < toks.len() {
        let t = toks[j];
        let w = t.text(text);
        if cap(j) {
            j += 1;
            // An initial ("J.") or a dotted honorific ("Rep.", "Dr."): keep the dot inside.
            let dotted = || w.chars().count() == 1 || lex.is_honorific(&format!("{w}."));
            if toks.get(j).is_some_and(|d| d.text(text) == ".") && cap(j + 1) && dotted() {
                j += 1;
            }
            // A nickname in quote marks inside a person's name: 'Ernesto "Jun" Salonga'.
            let quote_at = |k: usize| toks.get(k).is_some_and(|q| is_quote_token(q.text(text)));
            if quote_at(j)
                && let Some(close) = (j + 2..(j + 4).min(toks.len())).find(|&c| quote_at(c))
                && (j + 1..close).all(cap)
                && cap(close + 1)
            {
                j = close + 1;
                continue;
            }
            // A plural possessive inside a body's name: "Music Managers' Forum", "Writers'
            // Guild of America" (the apostrophe touching the word, an organisation word next).
            if w.ends_with('s')
                && toks.get(j).is_some_and(|a| {
                    let mut cs = a.text(text).chars();
                    a.span.start == t.span.end
                        && cs.next().is_some_and(crate::text::is_apostrophe)
                        && cs.next().is_none()
                })
                && cap(j + 1)
                && lex.is_org_suffix(toks[j + 1].text(text))
            {
                j += 1;
            }
            continue;
        }
        let inner =
            (t.kind == TokKind::Word && (is_connector(w) || lex.is_name_particle(w))) || w == "&";
        // "the Kerala Legislative Assembly on Wednesday": a date after "on" is not the name's.
        let date_after = || w == "on" && lex.is_time_word(toks[j + 1].text(text));
        if j > start && inner && cap(j + 1) && !date_after() {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// Where a role "of" (or "at") a body starts, when it stands right before the body's run at
/// `start`: "Director of the", "chief executive of" (one or two words, then the connector and
/// an optional "the").
fn role_of_before(text: &str, toks: &[Token], start: usize, lex: &Lexicon) -> Option<usize> {
    let mut k = start;
    if k > 0 && toks[k - 1].text(text).eq_ignore_ascii_case("the") {
        k -= 1;
    }
    if k < 2 || !matches!(toks[k - 1].text(text), "of" | "at") {
        return None;
    }
    let of = k - 1;
    (1..=2.min(of)).rev().find_map(|n| {
        let ws: Vec<&str> = toks[of - n..of].iter().map(|t| t.text(text)).collect();
        (toks[of - n..of].iter().all(|t| t.kind == TokKind::Word) && lex.role(&ws).is_some())
            .then(|| toks[of - n].span.start)
    })
}

/// "... ,” He Jianxiong, the former director, said": a family name written first that is
/// also a function word ("He") is a name when capitalised mid-sentence before one given name
/// that is no common word or Western first name.
fn family_name_mid_sentence(
    text: &str,
    toks: &[Token],
    k: usize,
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> bool {
    let Some(next) = toks.get(k + 1).map(|t| t.text(text)) else {
        return false;
    };
    // Right after a quotation the attribution may open a new sentence: `“... part?” He
    // Jianxiong, the former director, said`.
    let after_quote = text[..toks[k].span.start]
        .trim_end()
        .ends_with(['"', '”', '’']);
    lex.is_family_name_first(toks[k].text(text))
        && (after_quote || !at_sentence_start(text, toks[k].span.start))
        && !lex.is_common_word(next)
        && gaz.first_name(next).is_none()
}

fn words_of<'t>(text: &'t str, toks: &[Token]) -> Vec<&'t str> {
    toks.iter().map(|t| t.text(text)).collect()
}

/// The role (office phrase or head word) that ends `words`, if any: its length in words.
fn role_suffix(words: &[&str], lex: &Lexicon) -> Option<(usize, RoleKind)> {
    lex.role_suffix(words)
}

/// Finds candidate names in one paragraph. `headline` restricts to the strongest rules.
pub fn find_names(
    text: &str,
    para: Span,
    headline: bool,
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<NameCandidate> {
    find_names_in(text, &tokenize(text, para), headline, lex, gaz)
}

/// [`find_names`] over the paragraph's tokens, for a caller that has them already.
pub fn find_names_in(
    text: &str,
    toks: &[Token],
    headline: bool,
    lex: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !(t.kind == TokKind::Word && is_capitalised(t.text(text))) {
            i += 1;
            continue;
        }
        let end = run_end(text, toks, i, lex);
        if end == i {
            i += 1;
            continue;
        }
        let mut start = i;
        // Sentence openers and function words are not part of a name, nor a common word
        // capitalised by the start of a sentence ("Key Security Council powers"), unless it is
        // a first name or begins a role ("Home Secretary").
        while start < end
            && lex.is_not_name(toks[start].text(text))
            && !(end == start + 2 && family_name_mid_sentence(text, toks, start, lex, gaz))
        {
            start += 1;
        }
        if start + 1 < end {
            let w = toks[start].text(text);
            // "Home Secretary ...", "Labour MP ...": the word begins a role.
            let words: Vec<&str> = toks[start..end.min(start + 4)]
                .iter()
                .map(|t| t.text(text))
                .collect();
            let role_start = (2..=words.len()).any(|n| role_suffix(&words[..n], lex).is_some());
            // An unknown word before a first name and surname ("Painter Rosa Vell has died")
            // describes the person that follows.
            let describes =
                end - start >= 3 && gaz.first_name(toks[start + 1].text(text)).is_some();
            if (lex.is_common_word(w) || describes)
                && gaz.first_name(w).is_none()
                && !lex.is_honorific(w)
                && !role_start
                && at_sentence_start(text, toks[start].span.start)
                && !(end == start + 2 && family_name_mid_sentence(text, toks, start, lex, gaz))
            {
                start += 1;
            }
        }
        if start < end
            && end - start <= 2
            && let Some(c) = named_only(text, toks, start, lex)
        {
            out.push(c(
                Span::new(toks[start].span.start, toks[end - 1].span.end),
                end - start,
            ));
        } else if start < end {
            read_run(text, toks, start, end, headline, lex, gaz, &mut out);
        }
        // "the Commons work and pensions committee": a chamber and its committee in lower case.
        if !headline
            && end > start
            && lex.is_legislature(toks[end - 1].text(text))
            && let Some(last) = (end..(end + 6).min(toks.len()))
                .take_while(|&k| {
                    let w = toks[k].text(text);
                    toks[k].kind == TokKind::Word && !is_capitalised(w)
                })
                .find(|&k| lex.is_committee_word(toks[k].text(text)))
            && last > end
        {
            let span = Span::new(toks[end - 1].span.start, toks[last].span.end);
            out.push(NameCandidate::organisation(
                span,
                last + 2 - end,
                toks[last].span,
                "chamber_committee",
            ));
        }
        i = end.max(i + 1);
    }
    out
}

/// "... who gave only his surname, Jeong, said": the name at `start` is all the name a person
/// gave (the phrase before it, a comma allowed between, in `name_givers.txt`). Returns how to
/// make the candidate for the name's span and word count.
fn named_only(
    text: &str,
    toks: &[Token],
    start: usize,
    lex: &Lexicon,
) -> Option<impl Fn(Span, usize) -> NameCandidate> {
    let mut k = start;
    if k > 0 && toks[k - 1].text(text) == "," {
        k -= 1;
    }
    let before: Vec<&str> = toks[k.saturating_sub(8)..k]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.text(text))
        .collect();
    if !lex.ends_in_name_giver(&before) {
        return None;
    }
    // "his surname", "herself": the phrase says whose name it is.
    let gender = before
        .iter()
        .rev()
        .find_map(|w| match w.to_ascii_lowercase().as_str() {
            "his" | "himself" => Some(Gender::Male),
            "her" | "herself" => Some(Gender::Female),
            _ => None,
        });
    Some(move |span: Span, words: usize| NameCandidate {
        span,
        kind: NameKind::Person,
        words,
        honorific: None,
        honorific_span: None,
        surface: span,
        role: None,
        gender: gender.unwrap_or_default(),
        surname: span,
        rule: "named_only",
    })
}

/// The quote marks that set off a nickname inside a name ('Ernesto "Jun" Salonga').
pub(crate) const NICKNAME_MARKS: [char; 6] = ['"', '“', '”', '\'', '‘', '’'];

/// A quote mark standing as a token of its own.
fn is_quote_token(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if NICKNAME_MARKS.contains(&c))
}

/// A capitalised compound adjective, not a hyphenated name: "Red-faced", "Award-winning",
/// "Toronto-listed", "Kong-based" (an English word before the hyphen, or a participle or
/// longer English word after it); "Jae-won", "Wai-ling", "Lewis-Francis" are names.
fn is_english_compound(w: &str, lex: &Lexicon) -> bool {
    lower_after_hyphen(w).is_some_and(|(a, b)| {
        lex.is_common_word(&a.to_lowercase())
            || b.ends_with("ed")
            || b.len() > 4 && lex.is_common_word(b)
    })
}

/// The two sides of a hyphenated word whose second part starts in lower case: East Asian given
/// names ("Chih-wei", "Jae-won") and compound adjectives ("Red-faced"), where a Western
/// double first name is capitalised after its hyphen ("Jean-Pierre").
pub(crate) fn lower_after_hyphen(w: &str) -> Option<(&str, &str)> {
    w.split_once('-')
        .filter(|(_, b)| b.starts_with(char::is_lowercase))
}

#[allow(clippy::too_many_arguments)]
fn read_run(
    text: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    headline: bool,
    lex: &Lexicon,
    gaz: &Gazetteer,
    out: &mut Vec<NameCandidate>,
) {
    let run = &toks[start..end];
    crate::work::step(run.len());
    let words = words_of(text, run);
    // "Toronto-listed Tolsen Resources", "Seoul-based Hanul Telecom": the name after it.
    if words.len() > 1 && is_english_compound(words[0], lex) {
        read_run(text, toks, start + 1, end, headline, lex, gaz, out);
        return;
    }
    let has_suffix_at = |k: usize| lex.is_org_suffix(words[k]);
    // Two organisations joined: "BBC World Service and WGBH-Boston" (a name before "and" that
    // is complete already).
    if let Some(a) = words.iter().position(|w| *w == "and" || *w == "&")
        && a > 0
        && a + 1 < words.len()
        && lex.is_org_suffix(words[a - 1])
    {
        read_run(text, toks, start, start + a, headline, lex, gaz, out);
        read_run(text, toks, start + a + 1, end, headline, lex, gaz, out);
        return;
    }
    // A person of an organisation: "Tom Hale of Acme Corp" is Tom Hale, and Acme Corp.
    if let Some(c) = words.iter().position(|w| *w == "of")
        && (2..=3).contains(&c)
        && c + 1 < words.len()
        && gaz.first_name(words[0]).is_some()
        && !lex.is_common_word(words[0])
        && !words[..c]
            .iter()
            .any(|w| lex.is_org_suffix(w) || is_connector(w))
        && words[c + 1..].iter().any(|w| lex.is_org_suffix(w))
    {
        read_run(text, toks, start, start + c, headline, lex, gaz, out);
        read_run(text, toks, start + c + 1, end, headline, lex, gaz, out);
        return;
    }
    // Organisation: a run with an organisation word ("Refugee Council", "Bank of England").
    if !headline
        && let Some(first_suffix) =
            (0..words.len()).find(|&k| has_suffix_at(k) && (k > 0 || words.len() > 1))
    {
        // The organisation ends before a role word that follows it ("Bank of England Governor
        // Mervyn King"): the rest is a person.
        let cut = (first_suffix + 1..words.len())
            .find(|&i| {
                lex.role(&[words[i]]).is_some()
                    && !has_suffix_at(i)
                    && !is_connector(words[i - 1])
                    && i + 1 < words.len()
                    && !words[i + 1..]
                        .iter()
                        .any(|w| lex.is_org_suffix(w) || is_connector(w))
            })
            .unwrap_or(words.len());
        // "Chairman of the Environmental Audit Committee Peter Ainsworth", "Refugee Council
        // chief Maurice Wren" aside: a body's name followed straight by a person's, who
        // starts with a known first name; a role before "of" the body is that person's.
        let person_at = (cut == words.len())
            .then(|| {
                (first_suffix + 1..words.len()).find(|&i| {
                    has_suffix_at(i - 1)
                        && gaz.first_name(words[i]).is_some()
                        && !lex.is_common_word(words[i])
                        && i + 1 < words.len()
                        && words.len() - i <= 4
                        && !words[i..]
                            .iter()
                            .any(|w| lex.is_org_suffix(w) || is_connector(w))
                })
            })
            .flatten();
        if let Some(p) = person_at {
            let of = words[..first_suffix]
                .iter()
                .position(|w| matches!(*w, "of" | "at"))
                .filter(|&o| o > 0 && lex.role(&words[..o]).is_some());
            let body = match of {
                Some(o) if words.get(o + 1) == Some(&"the") => o + 2,
                Some(o) => o + 1,
                None => 0,
            };
            if body < p {
                read_run(text, toks, start + body, start + p, headline, lex, gaz, out);
                // The role may open this run or stand before it, outside the run ("Director
                // of the British Museum Neil MacGregor": the run begins at the body).
                let role_start = match of {
                    Some(_) => Some(run[0].span.start),
                    None => role_of_before(text, toks, start, lex),
                };
                let role = role_start.map(|r| Span::new(r, run[p - 1].span.end));
                push_person(
                    text,
                    toks,
                    start + p,
                    end,
                    role,
                    None,
                    if role.is_some() {
                        "role_prefix"
                    } else {
                        "first_name"
                    },
                    headline,
                    lex,
                    gaz,
                    out,
                );
                return;
            }
        }
        let last_suffix = (0..cut)
            .rev()
            .find(|&k| has_suffix_at(k))
            .unwrap_or(first_suffix);
        let org = &words[..cut];
        let span = Span::new(run[0].span.start, run[cut - 1].span.end);
        let ok = last_suffix > 0 || is_connector(org.get(1).copied().unwrap_or(""));
        let starts_ok = !is_connector(words[0]) && !lex.is_honorific(words[0]);
        if ok && starts_ok && lex.role(org).is_none() {
            out.push(NameCandidate::organisation(
                span,
                cut,
                run[cut - 1].span,
                "org_suffix",
            ));
            if cut < words.len() {
                read_run(text, toks, start + cut, end, headline, lex, gaz, out);
            }
            return;
        }
    }
    // People: split at connectors ("Tony Blair and Gordon Brown"), but read a role phrase
    // with "of" first ("Secretary of State Colin Powell").
    let mut k = 0;
    // A role inside the run: the longest prefix that ends in a role, with a name after it.
    let mut role_words = 0;
    for n in (1..words.len()).rev() {
        if let Some((_, kind)) = role_suffix(&words[..n], lex) {
            let rest = &words[n..];
            // A nickname's quote marks are no words ('Mayor Ernesto "Jun" Salonga').
            let rest_words = rest.iter().filter(|w| !is_quote_token(w)).count();
            let single_ok = rest_words > 1 || kind == RoleKind::Office;
            if single_ok
                && !rest.iter().any(|w| is_connector(w) || lex.is_org_suffix(w))
                && rest_words <= 4
            {
                role_words = n;
                break;
            }
        }
    }
    // "Minister for Housing Eoghan Tierney", "NT Minister for Regional Development Kate
    // Brandon": a role "for" or "of" a field, then a person from the first name on.
    if role_words == 0
        && let Some(c) = words.iter().position(|w| matches!(*w, "for" | "of"))
        && c > 0
        && role_suffix(&words[..c], lex).is_some()
        && let Some(f) = (c + 2..words.len().saturating_sub(1)).find(|&i| {
            gaz.first_name(words[i]).is_some() && !lex.is_common_word(&words[i].to_lowercase())
        })
        && words.len() - f <= 4
        && !words[f..]
            .iter()
            .any(|w| is_connector(w) || lex.is_org_suffix(w))
    {
        role_words = f;
    }
    if role_words > 0 {
        let role = Span::new(
            premodifier_start(text, toks, start, lex).unwrap_or(run[0].span.start),
            run[role_words - 1].span.end,
        );
        push_person(
            text,
            toks,
            start + role_words,
            end,
            Some(role),
            None,
            "role_prefix",
            headline,
            lex,
            gaz,
            out,
        );
        return;
    }
    while k < words.len() {
        let mut e = k;
        while e < words.len() && !(is_connector(words[e]) && words[e] != "de") {
            e += 1;
        }
        // Each part starts after sentence openers ("on Thursday Mr Blair"), and at an honorific
        // inside it: the name begins there.
        // "Red-faced Liam", "Award-winning Sara Lind": a compound adjective opening the part.
        while k < e
            && (lex.is_not_name(words[k]) || e > k + 1 && is_english_compound(words[k], lex))
            && !(e == k + 2 && family_name_mid_sentence(text, toks, start + k, lex, gaz))
        {
            k += 1;
        }
        // "ambassador to Britain Liu Xiaming", "minister for Wales Peter Hain": after a
        // preposition, the place the role is of, then the name.
        if k == 0
            && e >= 3
            && start > 0
            && lex.is_preposition(toks[start - 1].text(text))
            && gaz.first_name(words[0]).is_none()
            && (gaz.first_name(words[1]).is_some() || lex.is_family_name_first(words[1]))
        {
            k = 1;
        }
        if let Some(h) = (k + 1..e).find(|&i| lex.is_honorific(words[i])) {
            k = h;
        }
        if e > k {
            let (s, honorific) = match lex.honorific(words[k]) {
                Some(h) if e > k + 1 => (k + 1, Some((h, run[k].span))),
                _ => (k, None),
            };
            let rule = if honorific.is_some() { "honorific" } else { "" };
            let role = if honorific.is_none() {
                premodifier_role(text, toks, start + k, lex)
            } else {
                None
            }
            .or_else(|| role_before_comma(text, toks, start + k, lex));
            let rule = if role.is_some() && rule.is_empty() {
                "role_prefix"
            } else {
                rule
            };
            push_person(
                text,
                toks,
                start + s,
                start + e,
                role,
                honorific,
                rule,
                headline,
                lex,
                gaz,
                out,
            );
        }
        k = e + 1;
    }
}

/// Where a lower-case role before a name starts: "Tory leader" in "Tory leader Michael Howard",
/// "London teacher" in "London teacher Diane Granger". None when the word before is no role.
fn premodifier_start(
    text: &str,
    toks: &[Token],
    name_start: usize,
    lex: &Lexicon,
) -> Option<usize> {
    // The role must end right before the name: a word there that ends no role (a token holds
    // no space) leaves nothing to find.
    if !toks[..name_start]
        .last()
        .is_some_and(|t| t.kind == TokKind::Word && lex.may_end_role(t.text(text)))
    {
        return None;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut first = None;
    let mut k = name_start;
    while k > 0 && words.len() < 6 {
        let t = toks[k - 1];
        let w = t.text(text);
        if t.kind != TokKind::Word
            || with_lowercase(w, |w| {
                matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "said"
                        | "says"
                        | "and"
                        | "by"
                        | "with"
                        | "to"
                        | "from"
                        | "of"
                )
            })
        {
            break;
        }
        if lex.is_not_name(w) && at_sentence_start(text, t.span.start) {
            break;
        }
        words.insert(0, w);
        first = Some(t.span.start);
        k -= 1;
    }
    // The role must end right before the name.
    let (n, _) = role_suffix(&words, lex)?;
    let _ = n;
    first
}

/// "the state governor, Dr Olumide Fasanmi,", "His daughter, Yesenia,": a definite role, or
/// one owned by "his" or "her", set off by a comma right before the name (its honorific
/// included) is the person's post.
fn role_before_comma(text: &str, toks: &[Token], at: usize, lex: &Lexicon) -> Option<Span> {
    if at < 3 || toks[at - 1].text(text) != "," {
        return None;
    }
    let mut k = at - 1;
    let mut words: Vec<&str> = Vec::new();
    while k > 0 && words.len() < 5 && toks[k - 1].kind == TokKind::Word {
        k -= 1;
        let w = toks[k].text(text);
        // "the state governor, Dr X,", "His daughter, Yesenia,".
        let owned = || {
            lex.any_pronoun(w).is_some_and(|p| {
                !p.subject && !p.plural && p.gender != crate::lexicon::Gender::Unknown
            })
        };
        if w.eq_ignore_ascii_case("the") || owned() {
            // The role ends right before the comma; words before it qualify it ("state").
            role_suffix(&words, lex)?;
            return Some(Span::new(toks[k + 1].span.start, toks[at - 2].span.end));
        }
        words.insert(0, w);
    }
    None
}

fn premodifier_role(text: &str, toks: &[Token], name_start: usize, lex: &Lexicon) -> Option<Span> {
    let start = premodifier_start(text, toks, name_start, lex)?;
    Some(Span::new(start, toks[name_start - 1].span.end))
}

#[allow(clippy::too_many_arguments)]
fn push_person(
    text: &str,
    toks: &[Token],
    s: usize,
    e: usize,
    role: Option<Span>,
    honorific: Option<(Honorific, Span)>,
    rule: &'static str,
    headline: bool,
    lex: &Lexicon,
    gaz: &Gazetteer,
    out: &mut Vec<NameCandidate>,
) {
    if s >= e {
        return;
    }
    // Initials and their dots count as one word each; a nickname in quote marks is no part
    // of the name ('Ernesto "Jun" Salonga' is Ernesto Salonga).
    let mut quoted = false;
    let mut name_toks: Vec<&Token> = toks[s..e]
        .iter()
        .filter(|t| {
            if is_quote_token(t.text(text)) {
                quoted = !quoted;
            }
            t.kind == TokKind::Word && !quoted
        })
        .collect();
    // "Charles Harris QC": letters after the name are not part of it.
    while name_toks.len() > 1
        && name_toks
            .last()
            .is_some_and(|t| lex.is_post_nominal(t.text(text)))
    {
        name_toks.pop();
    }
    let n = name_toks.len();
    if n == 0 || n > 5 {
        return;
    }
    let first = name_toks[0].text(text);
    // "a 38-year-old Haitian construction worker": a people's name, not a person's.
    if n == 1 && honorific.is_none() && gaz.is_demonym(first) {
        return;
    }
    if lex.is_honorific(first) && honorific.is_none()
        || lex.is_org_suffix(name_toks[n - 1].text(text))
    {
        return;
    }
    // "Foreign Secretary", "Prime Minister": a role, not a name; but "Ken Doctor", "Tim Cook",
    // "John Major" are people: a first name before a role word makes it a surname.
    let all: Vec<&str> = name_toks.iter().map(|t| t.text(text)).collect();
    if role_suffix(&all, lex).is_some()
        && !(n >= 2 && gaz.first_name(first).is_some() && lex.role(&[first]).is_none())
    {
        return;
    }
    // "Wang Shu-fen": a family name written first tells no gender, whatever an English list
    // says of "Wang" as a first name.
    let family_first =
        n >= 2 && lex.is_family_name_first(first) && lower_after_hyphen(all[1]).is_some();
    // "Anna-Lena", "Jean-Pierre": a hyphenated first name of two first names.
    let first_gender = (!family_first)
        .then(|| gaz.first_name(first))
        .flatten()
        .or_else(|| {
            // Two of different genders ("Jean-Robert", where "Jean" is a woman's name in English)
            // tell none.
            let (a, b) = first.split_once('-')?;
            let (ga, gb) = (gaz.first_name(a)?, gaz.first_name(b)?);
            Some(if ga == gb { ga } else { Gender::Unknown })
        });
    // Read once, when a rule below asks for it.
    let appositive_cell = std::cell::OnceCell::new();
    let appositive_after = || *appositive_cell.get_or_init(|| appositive(text, toks, e, lex));
    let mut rule = rule;
    let mut gender = honorific.map(|(h, _)| h.gender).unwrap_or_default();
    // "Conservative Shadow chancellor": one common word after a role is no name.
    if n == 1 && honorific.is_none() && lex.is_common_word(first) {
        return;
    }
    // "Marshall Plan", "Vera Street": a first name before a word that ends names of things.
    if rule.is_empty() && lex.is_not_surname(name_toks[n - 1].text(text)) {
        return;
    }
    if rule.is_empty() {
        if n >= 2 && first_gender.is_some() && !lex.is_not_name(first) {
            rule = "first_name";
        } else if (2..=3).contains(&n)
            && lex.is_family_name_first(first)
            && all[1..].iter().all(|w| {
                // "a Hong Kong-based fund manager": no given name is an English compound.
                !lex.is_common_word(w) && !lex.is_not_name(w) && !is_english_compound(w, lex)
            })
        {
            // "Zhao Minghua", "Moon Jae-in": a family name written first, then given names.
            rule = "family_name_first";
        } else if (2..=4).contains(&n)
            && !headline
            && (appositive_after().is_some() || cue_adjacent(text, toks, s, e, lex))
        {
            // "campaign group Rail Watchers said", "Environmental NGO Kampanja Hajja said": a
            // name of no one the lists know, after a noun for a body, is that body.
            let noun_at = |k: usize| {
                toks.get(k)
                    .is_some_and(|t| t.kind == TokKind::Word && lex.is_org_noun(t.text(text)))
            };
            let lead = (n >= 3 && noun_at(s) && is_all_caps(name_toks[0].text(text))).then_some(1);
            if let Some(skip) = lead.or((s > 0 && noun_at(s - 1)).then_some(0)) {
                let last = name_toks[n - 1].span;
                let span = Span::new(name_toks[skip].span.start, last.end);
                out.push(NameCandidate::organisation(
                    span,
                    n - skip,
                    last,
                    "body_noun_before",
                ));
                return;
            }
            rule = if appositive_after().is_some() {
                "appositive"
            } else {
                "cue_adjacent"
            };
        } else {
            return;
        }
    }
    if gender == Gender::Unknown
        && let Some(g) = first_gender
    {
        gender = g;
    }
    let title = honorific
        .filter(|(h, _)| !h.kind.is_courtesy())
        .map(|(_, sp)| sp);
    let start = title.map_or(name_toks[0].span.start, |sp| sp.start);
    let span = Span::new(start, name_toks[n - 1].span.end);
    let role = role.or_else(appositive_after);
    out.push(NameCandidate {
        span,
        kind: NameKind::Person,
        words: n,
        honorific: honorific.map(|(h, _)| h),
        honorific_span: honorific.map(|(_, sp)| sp),
        surface: honorific.map_or(span, |(_, sp)| sp.cover(span)),
        role,
        gender,
        surname: name_toks[n - 1].span,
        rule,
    });
}

/// ", chief executive of the Refugee Council," after a name: the words between the commas,
/// when they hold a role.
fn appositive(text: &str, toks: &[Token], after: usize, lex: &Lexicon) -> Option<Span> {
    if toks.get(after).map(|t| t.text(text)) != Some(",") {
        return None;
    }
    let mut words = Vec::new();
    let mut k = after + 1;
    while k < toks.len() && k - after <= 16 {
        let w = toks[k].text(text);
        if w == ","
            || (toks[k].kind == TokKind::Punct
                && matches!(w, "." | ";" | ":" | "\"" | "“" | "”" | "(" | ")"))
        {
            break;
        }
        if toks[k].kind == TokKind::Word {
            words.push(w);
        }
        k += 1;
    }
    let closes = k < toks.len() && matches!(toks[k].text(text), "," | "." | ";" | ":");
    if !closes || words.is_empty() || k == after + 1 {
        return None;
    }
    // A role anywhere in the appositive: "the party's leader", "chief executive of X" (some
    // role ends at some word).
    let has_role = (1..=words.len()).any(|j| role_suffix(&words[..j], lex).is_some());
    has_role.then(|| Span::new(toks[after + 1].span.start, toks[k - 1].span.end))
}

/// A cue verb right after the name ("X said", "X has told") or right before it ("said X"),
/// or after the name set off by commas ("Her neighbour, X, said") or its age ("X, 54, said").
fn cue_adjacent(text: &str, toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> bool {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.text(text))
    };
    let comma = |k: usize| toks.get(k).is_some_and(|t| t.text(text) == ",");
    let is_cue = |k: usize| word(k).is_some_and(|w| lex.cue_at(&[w]).is_some());
    if comma(e) {
        let aged = toks.get(e + 1).is_some_and(|t| t.kind == TokKind::Number) && comma(e + 2);
        // "X, 54, said", and "X, 52, who sells vetkoek ..." or "X, 41, a mother of three": an
        // age set off after a name, then its cue, a relative clause or an appositive.
        let described = word(e + 3)
            .is_some_and(|w| lex.is_relative_pronoun(w) || matches!(w, "a" | "an" | "the"));
        if aged && (is_cue(e + 3) || described) || s > 0 && comma(s - 1) && is_cue(e + 1) {
            return true;
        }
    }
    // "herders in the Mesopotamian Marshes say": after a preposition the name is its object,
    // not the cue's subject.
    let mut b = s;
    if b > 0 && word(b - 1).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        b -= 1;
    }
    if b > 0 && word(b - 1).is_some_and(|w| lex.is_preposition(w)) {
        return false;
    }
    let mut k = e;
    while let Some(w) = word(k) {
        if lex.is_filler(w) {
            k += 1;
            continue;
        }
        return lex.cue_at(&[w]).is_some();
    }
    s > 0 && word(s - 1).is_some_and(|w| lex.cue_at(&[w]).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owned_role_before_a_comma_brings_in_a_name() {
        assert_eq!(
            found("Mr Vale spoke. His daughter, Yesenia, was unsure."),
            [
                (s("Vale"), "honorific", None),
                (s("Yesenia"), "role_prefix", Some(s("daughter")))
            ]
        );
        assert!(found("They met. Their daughter, Yesenia, was unsure.").is_empty());
    }

    fn found(t: &str) -> Vec<(String, &'static str, Option<String>)> {
        let lex = Lexicon::embedded().unwrap();
        let gaz = Gazetteer::from_sources(
            &[],
            "Diane\tf\nMichael\tm\nJane\tf\nTony\tm\nGordon\tm\nPaul\tm\n",
            "",
        )
        .unwrap();
        find_names(t, Span::new(0, t.len()), false, &lex, &gaz)
            .iter()
            .map(|c| {
                (
                    c.span.text(t).to_string(),
                    c.rule,
                    c.role.map(|r| r.text(t).to_string()),
                )
            })
            .collect()
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn roles_of_a_field_particles_and_accented_first_names() {
        let lex = Lexicon::embedded().unwrap();
        let gaz =
            Gazetteer::from_sources(&[], "Ciaran\tm\nMairead\tf\nLayla\tf\nRuth\tf\n", "").unwrap();
        let found = |t: &str| -> Vec<(String, Option<String>)> {
            find_names(t, Span::new(0, t.len()), false, &lex, &gaz)
                .iter()
                .map(|c| {
                    (
                        c.span.text(t).to_string(),
                        c.role.map(|r| r.text(t).to_string()),
                    )
                })
                .collect()
        };
        // A role "for" a field before the person; the name starts at the first name.
        assert_eq!(
            found("Then Minister for Further Education Ruth Kovac spoke."),
            [(s("Ruth Kovac"), Some(s("Minister for Further Education")))]
        );
        // An accented first name the list has unaccented, after a parliament's letters.
        assert_eq!(
            found("Cork South TD Ciarán Hegarty said so."),
            [(s("Ciarán Hegarty"), Some(s("Cork South TD")))]
        );
        // A particle joined to a name inside it.
        assert_eq!(
            found("Its head, Layla al-Rashidi, spoke."),
            [(s("Layla al-Rashidi"), None)]
        );
    }

    #[test]
    fn name_rule_table() {
        assert_eq!(
            found("Tory leader Michael Howard said so."),
            [(s("Michael Howard"), "role_prefix", Some(s("Tory leader")))]
        );
        assert_eq!(
            found("London teacher Diane Granger asked."),
            [(s("Diane Granger"), "role_prefix", Some(s("London teacher")))]
        );
        assert_eq!(
            found("Home Secretary Charles Clarke has said"),
            [(
                s("Charles Clarke"),
                "role_prefix",
                Some(s("Home Secretary"))
            )]
        );
        assert_eq!(
            found("Then Mrs Robinson warned."),
            [(s("Robinson"), "honorific", None)]
        );
        assert_eq!(
            found("and Lord Falconer said"),
            [(s("Lord Falconer"), "honorific", None)]
        );
        assert_eq!(
            found("Tony Blair and Gordon Brown met."),
            [
                (s("Tony Blair"), "first_name", None),
                (s("Gordon Brown"), "first_name", None)
            ]
        );
        assert_eq!(
            found("\"No,\" said Nkosi Dube."),
            [(s("Nkosi Dube"), "cue_adjacent", None)]
        );
        assert_eq!(
            found("Labour MP Paul Flynn"),
            [(s("Paul Flynn"), "role_prefix", Some(s("Labour MP")))]
        );
        // Set off by commas before the cue, or with an age between.
        assert_eq!(
            found("His cousin, Tevita Lolohea, said so."),
            [(s("Tevita Lolohea"), "cue_adjacent", None)]
        );
        assert_eq!(
            found("Then Tevita Lolohea, 61, said so."),
            [(s("Tevita Lolohea"), "cue_adjacent", None)]
        );
        assert!(found("Then Tevita Lolohea, 61, left.").is_empty());
        // After a noun for a body, or a body's acronym noun opening the run, it is the body.
        assert_eq!(
            found("Campaign group Rail Watchers said so."),
            [(s("Rail Watchers"), "body_noun_before", None)]
        );
        assert_eq!(
            found("Environmental NGO Kampanja Hajja said so."),
            [(s("Kampanja Hajja"), "body_noun_before", None)]
        );
        assert_eq!(
            found("Singer Nkosi Dube said so."),
            [(s("Nkosi Dube"), "role_prefix", Some(s("Singer")))]
        );
        for t in [
            "Then Tevita Lolohea, 61, who runs a stall, said so.",
            "Then Tevita Lolohea, 61, a father of three, said so.",
        ] {
            assert_eq!(
                found(t),
                [(s("Tevita Lolohea"), "cue_adjacent", None)],
                "{t}"
            );
        }
        assert_eq!(
            found("Prime Minister Blair"),
            [(s("Blair"), "role_prefix", Some(s("Prime Minister")))]
        );
    }

    #[test]
    fn organisations_and_non_names() {
        let got = found("the Association of Chief Police Officers and the Bank of England");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            ["Association of Chief Police Officers", "Bank of England"]
        );
        // Office abbreviations are roles: "CEO", "CFO".
        assert_eq!(
            found("Acme Telecom CEO Jane Hale said")
                .iter()
                .map(|g| (g.0.as_str(), g.1))
                .collect::<Vec<_>>(),
            [("Acme Telecom", "org_suffix"), ("Jane Hale", "role_prefix")]
        );
        // A role of a body, then a person: the body, and the person with the whole role.
        assert_eq!(
            found("Director of the British Museum Michael Hale said"),
            [
                (s("British Museum"), "org_suffix", None),
                (
                    s("Michael Hale"),
                    "role_prefix",
                    Some(s("Director of the British Museum"))
                )
            ]
        );
        assert_eq!(
            found("the Refugee Council Paul Hale said")
                .iter()
                .map(|g| g.0.as_str())
                .collect::<Vec<_>>(),
            ["Refugee Council", "Paul Hale"]
        );
        // A plural possessive inside a body's name, straight or curly; not before other words.
        for (t, want) in [
            ("the Music Managers' Forum said", "Music Managers' Forum"),
            (
                "the Writers’ Guild of America said",
                "Writers’ Guild of America",
            ),
        ] {
            let got = found(t);
            assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), [want]);
        }
        assert!(
            found("the Beatles' Abbey Road")
                .iter()
                .all(|g| !g.0.contains('\''))
        );
        assert!(found("Speaking on Monday in Illegal Migration Bill debates").is_empty());
        assert!(
            found("The Conservative Party met.")
                .iter()
                .all(|g| g.1 == "org_suffix")
        );
        assert!(found("Foreign Secretary visits").is_empty());
        assert!(found("The Foreign Secretary said so.").is_empty());
    }

    #[test]
    fn a_chambers_committee_in_lower_case() {
        let got = found("A report by the Senate armed forces and veterans committee said so.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Senate armed forces and veterans committee"
                    && g.1 == "chamber_committee"),
            "{got:?}"
        );
        // Too far, or no committee word: nothing.
        assert!(
            found("The Senate voted on the long and very hard budget plan committee.").is_empty()
        );
        assert!(found("The House said the plan was dead.").is_empty());
    }

    #[test]
    fn a_person_of_an_organisation_is_both() {
        let got = found("We met Paul Hale of Acme Holdings, and the Bank of England.");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            ["Paul Hale", "Acme Holdings", "Bank of England"],
            "{got:?}"
        );
    }
}
