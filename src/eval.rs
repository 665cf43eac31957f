//! Scoring against hand-annotated gold files, as `tests/gold/GUIDELINES.md` describes.
//!
//! Quotes: a gold segment is found when a predicted quote of the same document contains its
//! text (after folding case, quote marks, dashes and white space), or is contained in it and
//! covers at least 80% of it. Attribution is right when the predicted speaker contains the
//! gold speaker's last name word as a word (every one, for joint speakers); for `UNNAMED:` gold
//! an empty speaker is right and a named one wrong; for `NONE`, an empty speaker. Precision
//! counts predicted quotes that match no gold row as false.
//!
//! Entities: a predicted entity (canonical name and type, from title and body mentions)
//! matches a gold row when the name equals one of the row's `|`-separated names after folding
//! case, and the type is one of the row's types.
//!
//! ```
//! use saidby::eval::{fold, GoldQuote, PredQuote, score_quotes};
//! assert_eq!(fold("“It’s  over” – he"), "'it's over' - he");
//! let gold = vec![GoldQuote::new("d", "direct", "Jane Roe", 1, "We will win.")];
//! let pred = vec![PredQuote { doc_id: "d".into(), speaker: "Jane Roe".into(), text: "We will win.".into(), ..Default::default() }];
//! let r = score_quotes(&gold, &pred);
//! assert_eq!((r.found_required, r.right_required), (1, 1));
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use crate::error::DataError;
use crate::lexicon::records;
use crate::pipeline::Analysis;

/// Lower case; every quote mark one `'`; every dash one `-`; white space runs one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '`' | '\'' | '‹'
            | '›' => '\'',
            '–' | '—' | '‐' | '‑' | '‒' | '―' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[derive(Clone, Debug, Default)]
pub struct GoldQuote {
    pub doc_id: String,
    pub line: Option<u64>,
    pub kind: String,
    pub speaker: String,
    pub required: i32,
    pub text: String,
}

impl GoldQuote {
    pub fn new(doc_id: &str, kind: &str, speaker: &str, required: i32, text: &str) -> GoldQuote {
        GoldQuote {
            doc_id: doc_id.into(),
            line: None,
            kind: kind.into(),
            speaker: speaker.into(),
            required,
            text: text.into(),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct PredQuote {
    pub doc_id: String,
    pub speaker: String,
    pub text: String,
    pub kind: String,
    pub method: String,
    pub mention: String,
}

#[derive(Clone, Debug, Default)]
pub struct GoldEntity {
    pub doc_id: String,
    pub types: Vec<String>,
    pub names: Vec<String>,
    pub section: String,
    pub required: i32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct PredEntity {
    pub doc_id: String,
    pub name: String,
    pub etype: String,
}

fn bad(file: &str, line: usize, reason: impl Into<String>) -> DataError {
    DataError::Bad {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

/// Rows of a TSV file with a header, as maps from column name to cell.
/// A TSV row: its line number and its cells by column name.
type Row = (usize, HashMap<String, String>);

fn tsv_rows(path: &Path) -> Result<Vec<Row>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut header: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for (line, cols) in records(&text) {
        match &header {
            None => header = Some(cols.iter().map(|c| c.to_lowercase()).collect()),
            Some(h) => out.push((
                line,
                h.iter()
                    .cloned()
                    .zip(cols.iter().map(|c| c.to_string()))
                    .collect(),
            )),
        }
    }
    Ok(out)
}

/// Which kind of gold file: quotes (has `text` and `speaker`) or entities (`type` and `name`).
pub fn gold_kind(path: &Path) -> Result<&'static str, DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let header = records(&text)
        .next()
        .map(|(_, c)| c.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>())
        .unwrap_or_default();
    let has = |c: &str| header.iter().any(|h| h == c);
    if has("text") && has("speaker") {
        Ok("quotes")
    } else if has("type") && has("name") {
        Ok("entities")
    } else {
        Err(bad(
            &path.display().to_string(),
            1,
            "header is neither a quote gold (doc_id, kind, speaker, required, text) nor an entity gold (doc_id, type, name, section, required)",
        ))
    }
}

pub fn read_gold_quotes(path: &Path) -> Result<Vec<GoldQuote>, DataError> {
    let file = path.display().to_string();
    let mut out = Vec::new();
    for (line, row) in tsv_rows(path)? {
        let get = |c: &str| row.get(c).cloned().unwrap_or_default();
        let text = get("text");
        if get("doc_id").is_empty() || text.is_empty() {
            return Err(bad(&file, line, "doc_id and text must not be empty"));
        }
        let required = get("required")
            .parse()
            .map_err(|_| bad(&file, line, "required must be 1, 0 or -1"))?;
        let line_no = get("line").parse().ok();
        out.push(GoldQuote {
            doc_id: get("doc_id"),
            line: line_no,
            kind: get("kind"),
            speaker: get("speaker"),
            required,
            text,
        });
    }
    Ok(out)
}

pub fn read_gold_entities(path: &Path) -> Result<Vec<GoldEntity>, DataError> {
    let file = path.display().to_string();
    let mut out = Vec::new();
    for (line, row) in tsv_rows(path)? {
        let get = |c: &str| row.get(c).cloned().unwrap_or_default();
        let required = get("required")
            .parse()
            .map_err(|_| bad(&file, line, "required must be 1, 0 or -1"))?;
        let split = |s: String| {
            s.split('|')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
        };
        out.push(GoldEntity {
            doc_id: get("doc_id"),
            types: split(get("type")),
            names: split(get("name")),
            section: get("section"),
            required,
        });
    }
    Ok(out)
}

pub fn preds_from_analysis(a: &Analysis) -> (Vec<PredQuote>, Vec<PredEntity>) {
    let quotes = a
        .quotes
        .iter()
        .map(|q| PredQuote {
            doc_id: a.doc.id.clone(),
            speaker: a
                .speaker_name(q)
                .map(|s| s.into_owned())
                .unwrap_or_default(),
            text: q.text(&a.text),
            kind: q.attribution.kind.name().into(),
            method: q.attribution.method.clone(),
            mention: q
                .attribution
                .mention
                .map(|m| m.text(&a.text).to_string())
                .unwrap_or_default(),
        })
        .collect();
    let mut ents: Vec<PredEntity> = a
        .tagged
        .mentions
        .iter()
        .filter(|m| {
            matches!(
                m.section,
                crate::segment::Section::Title | crate::segment::Section::Body
            )
        })
        .map(|m| {
            let e = &a.tagged.entities[m.entity];
            PredEntity {
                doc_id: a.doc.id.clone(),
                name: e.name.clone(),
                etype: e.etype.name().into(),
            }
        })
        .collect();
    ents.sort();
    ents.dedup();
    (quotes, ents)
}

/// Predictions from a finished output folder (quotes.csv and mentions.csv).
pub fn preds_from_tables(dir: &Path) -> Result<(Vec<PredQuote>, Vec<PredEntity>), DataError> {
    let open = |name: &str| {
        let path = dir.join(name);
        csv::Reader::from_path(&path).map_err(|e| DataError::Bad {
            file: path.display().to_string(),
            line: 0,
            reason: e.to_string(),
        })
    };
    let unneutral = |s: &str| {
        s.strip_prefix('\'')
            .filter(|r| r.starts_with(['=', '+', '-', '@', '\t', '\r']))
            .unwrap_or(s)
            .to_string()
    };
    let mut quotes = Vec::new();
    let mut r = open("quotes.csv")?;
    let headers = r
        .headers()
        .map_err(|e| bad("quotes.csv", 1, e.to_string()))?
        .clone();
    let col = |h: &csv::StringRecord, n: &str| h.iter().position(|x| x == n);
    let (d, s, t, k, m, sm) = (
        col(&headers, "doc_id"),
        col(&headers, "speaker"),
        col(&headers, "text"),
        col(&headers, "kind"),
        col(&headers, "method"),
        col(&headers, "speaker_mention"),
    );
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| bad("quotes.csv", i + 2, e.to_string()))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(unneutral)
                .unwrap_or_default()
        };
        quotes.push(PredQuote {
            doc_id: get(d),
            speaker: get(s),
            text: get(t),
            kind: get(k),
            method: get(m),
            mention: get(sm),
        });
    }
    let mut ents = Vec::new();
    let mut r = open("mentions.csv")?;
    let headers = r
        .headers()
        .map_err(|e| bad("mentions.csv", 1, e.to_string()))?
        .clone();
    let (d, n, ty, sec) = (
        col(&headers, "doc_id"),
        col(&headers, "name"),
        col(&headers, "type"),
        col(&headers, "section"),
    );
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| bad("mentions.csv", i + 2, e.to_string()))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(unneutral)
                .unwrap_or_default()
        };
        if matches!(get(sec).as_str(), "title" | "body") {
            ents.push(PredEntity {
                doc_id: get(d),
                name: get(n),
                etype: get(ty),
            });
        }
    }
    ents.sort();
    ents.dedup();
    Ok((quotes, ents))
}

/// The document ids of a finished output folder (documents.csv).
pub fn documents_in_tables(dir: &Path) -> Result<Vec<String>, DataError> {
    let path = dir.join("documents.csv");
    let mut r = csv::Reader::from_path(&path)
        .map_err(|e| bad(&path.display().to_string(), 0, e.to_string()))?;
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| bad("documents.csv", i + 2, e.to_string()))?;
        out.push(rec.get(0).unwrap_or("").to_string());
    }
    Ok(out)
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a predicted speaker is right for a gold speaker (see the module docs).
pub fn speaker_right(gold: &str, predicted: &str) -> bool {
    let gold = gold.trim();
    if gold.eq_ignore_ascii_case("NONE") || gold.starts_with("UNNAMED:") {
        return predicted.trim().is_empty()
            || gold.starts_with("UNNAMED:") && echoes(&gold["UNNAMED:".len()..], predicted);
    }
    let pw = words(predicted);
    !gold.is_empty()
        && gold
            .split('|')
            .all(|g| words(g).last().is_some_and(|last| pw.contains(last)))
}

/// A predicted speaker that repeats an unnamed source's description ("spokesman").
fn echoes(description: &str, predicted: &str) -> bool {
    let d = words(description);
    let p = words(predicted);
    !p.is_empty() && p.iter().all(|w| d.contains(w))
}

/// Whether predicted text `p` finds gold text `g` (both folded).
fn finds(p: &str, g: &str) -> bool {
    !g.is_empty()
        && (p.contains(g) || (g.contains(p) && p.chars().count() * 5 >= g.chars().count() * 4))
}

#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub gold: usize,
    pub found: usize,
    pub right: usize,
}

#[derive(Clone, Debug, Default)]
pub struct QuoteReport {
    pub predicted: usize,
    pub predicted_matched: usize,
    pub required: usize,
    pub found_required: usize,
    pub right_required: usize,
    pub by_kind: BTreeMap<String, Tally>,
    pub by_method: BTreeMap<String, Tally>,
    pub misses: Vec<GoldQuote>,
    /// Gold row, predicted speaker, method.
    pub wrong: Vec<(GoldQuote, String, String)>,
    pub false_positives: Vec<PredQuote>,
}

impl QuoteReport {
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found_required, self.required)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    /// Right speakers among the required gold segments found.
    pub fn attribution(&self) -> f64 {
        ratio(self.right_required, self.found_required)
    }
    /// Found with the right speaker, over all required segments.
    pub fn end_to_end(&self) -> f64 {
        ratio(self.right_required, self.required)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores quotes of the documents that have gold rows. See [`score_quotes_in`] to name the
/// documents (a document with no quotes in the gold still counts its false positives).
pub fn score_quotes(gold: &[GoldQuote], preds: &[PredQuote]) -> QuoteReport {
    let docs: BTreeSet<&str> = gold.iter().map(|g| g.doc_id.as_str()).collect();
    score_quotes_in(gold, preds, &docs)
}

pub fn score_quotes_in(
    gold: &[GoldQuote],
    preds: &[PredQuote],
    docs: &BTreeSet<&str>,
) -> QuoteReport {
    let mut r = QuoteReport::default();
    let mut by_doc: HashMap<&str, Vec<(usize, String)>> = HashMap::new();
    for (i, p) in preds.iter().enumerate() {
        if docs.contains(p.doc_id.as_str()) {
            by_doc
                .entry(p.doc_id.as_str())
                .or_default()
                .push((i, fold(&p.text)));
        }
    }
    let mut matched = vec![false; preds.len()];
    let mut used = vec![false; preds.len()];
    for g in gold {
        let gt = fold(&g.text);
        // The predicted quote that finds the row: one of the same place (headline or not) and
        // not yet taken by an earlier row, when there is a choice.
        let headline = g.kind == "headline";
        let hit = by_doc.get(g.doc_id.as_str()).and_then(|list| {
            let cands: Vec<usize> = list
                .iter()
                .filter(|(_, pt)| finds(pt, &gt))
                .map(|(i, _)| *i)
                .collect();
            cands
                .iter()
                .copied()
                .min_by_key(|&i| ((preds[i].kind == "headline") != headline, used[i]))
        });
        if let Some(i) = hit {
            used[i] = true;
        }
        // Every predicted quote that finds this row is matched (a joined multi-paragraph quote
        // finds several rows).
        if let Some(list) = by_doc.get(g.doc_id.as_str()) {
            for (i, pt) in list {
                if finds(pt, &gt) {
                    matched[*i] = true;
                }
            }
        }
        if g.required != 1 {
            continue;
        }
        r.required += 1;
        let kind = r.by_kind.entry(g.kind.clone()).or_default();
        kind.gold += 1;
        let Some(pi) = hit else {
            r.misses.push(g.clone());
            continue;
        };
        r.found_required += 1;
        kind.found += 1;
        let p = &preds[pi];
        let right = speaker_right(&g.speaker, &p.speaker);
        let method = p.method.split('+').next().unwrap_or("").to_string();
        let m = r.by_method.entry(method).or_default();
        m.gold += 1;
        m.found += 1;
        if right {
            r.right_required += 1;
            kind.right += 1;
            m.right += 1;
        } else {
            r.wrong
                .push((g.clone(), p.speaker.clone(), p.method.clone()));
        }
    }
    for (i, p) in preds.iter().enumerate() {
        if !docs.contains(p.doc_id.as_str()) {
            continue;
        }
        r.predicted += 1;
        if matched[i] {
            r.predicted_matched += 1;
        } else {
            r.false_positives.push(p.clone());
        }
    }
    r
}

#[derive(Clone, Debug, Default)]
pub struct TypeScore {
    pub predicted: usize,
    pub true_positive: usize,
    pub required: usize,
    pub found: usize,
}

#[derive(Clone, Debug, Default)]
pub struct EntityReport {
    pub by_type: BTreeMap<String, TypeScore>,
    pub misses: Vec<GoldEntity>,
    pub false_positives: Vec<PredEntity>,
}

impl EntityReport {
    fn total(&self) -> TypeScore {
        let mut t = TypeScore::default();
        for s in self.by_type.values() {
            t.predicted += s.predicted;
            t.true_positive += s.true_positive;
            t.required += s.required;
            t.found += s.found;
        }
        t
    }
}

fn entity_matches(g: &GoldEntity, p: &PredEntity) -> bool {
    g.doc_id == p.doc_id
        && g.types.contains(&p.etype)
        && g.names.iter().any(|n| fold(n) == fold(&p.name))
}

/// Scores entities of the documents that have gold rows (an entity gold covers every entity of
/// its documents, so a document without rows is not in it).
pub fn score_entities(gold: &[GoldEntity], preds: &[PredEntity]) -> EntityReport {
    let mut r = EntityReport::default();
    let docs: BTreeSet<&str> = gold.iter().map(|g| g.doc_id.as_str()).collect();
    for g in gold.iter().filter(|g| g.required == 1) {
        for t in &g.types {
            let _ = r.by_type.entry(t.clone()).or_default();
        }
        let t = g.types.first().cloned().unwrap_or_default();
        let s = r.by_type.entry(t).or_default();
        s.required += 1;
        if preds.iter().any(|p| entity_matches(g, p)) {
            s.found += 1;
        } else {
            r.misses.push(g.clone());
        }
    }
    for p in preds.iter().filter(|p| docs.contains(p.doc_id.as_str())) {
        let s = r.by_type.entry(p.etype.clone()).or_default();
        s.predicted += 1;
        if gold.iter().any(|g| g.required >= 0 && entity_matches(g, p)) {
            s.true_positive += 1;
        } else {
            r.false_positives.push(p.clone());
        }
    }
    r
}

impl fmt::Display for QuoteReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "quotes: {} required gold segments, {} predicted quotes",
            self.required, self.predicted
        )?;
        writeln!(
            f,
            "  detection   precision {:.3}  recall {:.3}  F1 {:.3}",
            self.precision(),
            self.recall(),
            self.f1()
        )?;
        writeln!(
            f,
            "  attribution {:.3} of found ({}/{})   end to end {:.3}",
            self.attribution(),
            self.right_required,
            self.found_required,
            self.end_to_end()
        )?;
        writeln!(f, "  by gold kind:")?;
        for (k, t) in &self.by_kind {
            writeln!(
                f,
                "    {k:<10} gold {:>4}  found {:>4} ({:.3})  right {:>4} ({:.3})",
                t.gold,
                t.found,
                ratio(t.found, t.gold),
                t.right,
                ratio(t.right, t.found)
            )?;
        }
        writeln!(f, "  by method (required segments found):")?;
        for (k, t) in &self.by_method {
            writeln!(
                f,
                "    {k:<18} {:>4}  right {:>4} ({:.3})",
                t.found,
                t.right,
                ratio(t.right, t.found)
            )?;
        }
        writeln!(f, "  missed ({}):", self.misses.len())?;
        for g in &self.misses {
            writeln!(
                f,
                "    {}:{} [{}] {:?} ({})",
                g.doc_id,
                g.line.map(|l| l.to_string()).unwrap_or_default(),
                g.kind,
                g.text,
                g.speaker
            )?;
        }
        writeln!(f, "  wrong speaker ({}):", self.wrong.len())?;
        for (g, p, m) in &self.wrong {
            writeln!(
                f,
                "    {}:{} {:?}: gold {:?}, predicted {:?} [{m}]",
                g.doc_id,
                g.line.map(|l| l.to_string()).unwrap_or_default(),
                short(&g.text),
                g.speaker,
                p
            )?;
        }
        writeln!(f, "  false positives ({}):", self.false_positives.len())?;
        for p in &self.false_positives {
            writeln!(
                f,
                "    {} [{}] {:?} ({})",
                p.doc_id,
                p.kind,
                short(&p.text),
                p.speaker
            )?;
        }
        Ok(())
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(70).collect();
    if s.chars().count() > 70 {
        out.push('…');
    }
    out
}

impl fmt::Display for EntityReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(f, "entities:")?;
        let mut rows: Vec<(String, TypeScore)> = self
            .by_type
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        rows.push(("all".into(), self.total()));
        for (k, s) in rows {
            writeln!(
                f,
                "  {k:<13} precision {:.3} ({}/{})  recall {:.3} ({}/{})",
                ratio(s.true_positive, s.predicted),
                s.true_positive,
                s.predicted,
                ratio(s.found, s.required),
                s.found,
                s.required
            )?;
        }
        writeln!(f, "  missed ({}):", self.misses.len())?;
        for g in &self.misses {
            writeln!(
                f,
                "    {} {} {}",
                g.doc_id,
                g.types.join("|"),
                g.names.join("|")
            )?;
        }
        writeln!(f, "  false positives ({}):", self.false_positives.len())?;
        for p in &self.false_positives {
            writeln!(f, "    {} {} {}", p.doc_id, p.etype, p.name)?;
        }
        Ok(())
    }
}

impl EntityReport {
    pub fn precision(&self, etype: &str) -> f64 {
        self.by_type
            .get(etype)
            .map_or(1.0, |s| ratio(s.true_positive, s.predicted))
    }
    pub fn recall(&self, etype: &str) -> f64 {
        self.by_type
            .get(etype)
            .map_or(1.0, |s| ratio(s.found, s.required))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_rules() {
        assert!(speaker_right("Tony Blair", "Tony Blair"));
        assert!(speaker_right("Lord Falconer", "Charles Falconer"));
        assert!(!speaker_right("Tony Blair", "Cherie Booth"));
        assert!(speaker_right(
            "Rishi Sunak|Giorgia Meloni",
            "Rishi Sunak|Giorgia Meloni"
        ));
        assert!(!speaker_right("Rishi Sunak|Giorgia Meloni", "Rishi Sunak"));
        assert!(speaker_right("UNNAMED:a Downing Street spokesman", ""));
        assert!(speaker_right(
            "UNNAMED:a Downing Street spokesman",
            "spokesman"
        ));
        assert!(!speaker_right("UNNAMED:a spokesman", "Tony Blair"));
        assert!(speaker_right("NONE", ""));
        assert!(!speaker_right("Tony Blair", ""));
    }

    #[test]
    fn matching_rules() {
        let g = |t: &str| GoldQuote::new("d", "direct", "X Y", 1, t);
        let p = |t: &str| PredQuote {
            doc_id: "d".into(),
            speaker: "X Y".into(),
            text: t.into(),
            ..Default::default()
        };
        // contains
        let r = score_quotes(&[g("we will")], &[p("“We  will” win")]);
        assert_eq!((r.found_required, r.predicted_matched), (1, 1));
        // contained with 80% coverage, and not with less
        let r = score_quotes(&[g("abcdefghij")], &[p("abcdefghi")]);
        assert_eq!(r.found_required, 1);
        let r = score_quotes(&[g("abcdefghij")], &[p("abcdef")]);
        assert_eq!(
            (r.found_required, r.false_positives.len()),
            (0, 1),
            "a fragment under 80% matches nothing"
        );
        // another document's quote does not count
        let mut other = p("we will");
        other.doc_id = "e".into();
        let r = score_quotes(&[g("we will")], &[other]);
        assert_eq!((r.found_required, r.predicted), (0, 0));
    }
}
