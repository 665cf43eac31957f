//! The pipeline: everything compiled once ([`Pipeline`]), and one document analysed through
//! every stage into an [`Analysis`].
//!
//! ```
//! use saidby::pipeline::Pipeline;
//! let p = Pipeline::bundled().unwrap();
//! let a = p.analyse_text("doc1", "Minister speaks\n\n\"We will act,\" said Jane Roe.\n");
//! assert_eq!(a.quotes.len(), 1);
//! assert_eq!(a.speaker_name(&a.quotes[0]).as_deref(), Some("Jane Roe"));
//! ```

use std::path::PathBuf;

use crate::attribute::{Attribution, attribute};
use crate::clean::{CleanContext, Cleaned, Cleaner, CorpusLines};
use crate::error::DataError;
use crate::gazetteer::Gazetteer;
use crate::html::{HtmlExtractor, HtmlMode};
use crate::ingest::Document;
use crate::lexicon::Lexicon;
use crate::quotes::{Quote, find_quotes, headline_statement};
use crate::segment::{Section, Segmented, segment};
use crate::span::Span;
use crate::tag::{DocEntity, Tagged, tag};

/// Where the pipeline's data comes from.
#[derive(Clone, Debug)]
pub struct PipelineOptions {
    /// A folder whose files replace the embedded lexicon files of the same name.
    pub data_dir: Option<PathBuf>,
    /// Extra gazetteer files.
    pub gazetteers: Vec<PathBuf>,
    /// Use the bundled gazetteers (besides `gazetteers`).
    pub bundled_gazetteers: bool,
    /// How HTML input becomes text.
    pub html_mode: HtmlMode,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            data_dir: None,
            gazetteers: Vec::new(),
            bundled_gazetteers: true,
            html_mode: HtmlMode::default(),
        }
    }
}

/// Everything compiled once and shared read-only by all workers.
pub struct Pipeline {
    pub lex: Lexicon,
    pub cleaner: Cleaner,
    pub gaz: Gazetteer,
    pub html: HtmlExtractor,
}

/// A quotation with its attribution.
#[derive(Clone, Debug)]
pub struct QuoteOut {
    pub quote: Quote,
    pub attribution: Attribution,
}

impl QuoteOut {
    /// The quoted words: segments joined by a space.
    pub fn text(&self, text: &str) -> String {
        let parts: Vec<&str> = self
            .quote
            .segments
            .iter()
            .map(|s| s.content.text(text))
            .collect();
        parts.join(" ")
    }
}

/// One document through every stage.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub doc: Document,
    pub text: String,
    pub cleaned: Cleaned,
    pub seg: Segmented,
    pub quotes: Vec<QuoteOut>,
    pub tagged: Tagged,
}

impl Analysis {
    pub fn speaker_entity(&self, q: &QuoteOut) -> Option<&DocEntity> {
        q.attribution.entity.map(|e| &self.tagged.entities[e])
    }

    /// The speaker's canonical name (joint speakers joined by `|`); `None` when unknown or
    /// unnamed.
    pub fn speaker_name(&self, q: &QuoteOut) -> Option<std::borrow::Cow<'_, str>> {
        if let Some(e) = self.speaker_entity(q) {
            if q.attribution.joint.is_empty() {
                return Some(e.name.as_str().into());
            }
            let mut names = vec![e.name.as_str()];
            names.extend(
                q.attribution
                    .joint
                    .iter()
                    .map(|&j| self.tagged.entities[j].name.as_str()),
            );
            return Some(names.join("|").into());
        }
        q.attribution.name.map(|s| s.text(&self.text).into())
    }

    /// The speaker as the gold files write it: a name, `UNNAMED:<description>`, `NONE`, or
    /// empty when no speaker was found.
    pub fn speaker_label(&self, q: &QuoteOut) -> String {
        if let Some(n) = self.speaker_name(q) {
            return n.into_owned();
        }
        if q.attribution.unnamed {
            return format!(
                "UNNAMED:{}",
                q.attribution
                    .mention
                    .map(|m| m.text(&self.text))
                    .unwrap_or("")
            );
        }
        if q.attribution.kind == crate::attribute::QuoteKind::Other {
            return "NONE".into();
        }
        String::new()
    }

    /// Checks every span the stages reported (blocks, paragraphs, sentences, quote segments
    /// and nested quotes, speaker mentions, names and cues, entity mentions and roles): each
    /// must lie inside the text, start at or before its end, and fall on character boundaries;
    /// every index must point into its list. The property tests and fuzz targets hold every
    /// input to this.
    pub fn check_spans(&self) -> Result<(), String> {
        let text = self.text.as_str();
        let ok = |what: &str, s: Span| -> Result<(), String> {
            if s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
            {
                Ok(())
            } else {
                Err(format!(
                    "{what} {}..{} is not a span of the {}-byte text",
                    s.start,
                    s.end,
                    text.len()
                ))
            }
        };
        for b in &self.cleaned.blocks {
            ok("block", b.span)?;
        }
        if let Some(d) = self.cleaned.date {
            ok("date", d)?;
        }
        for p in &self.seg.paragraphs {
            ok("paragraph", p.span)?;
        }
        for s in &self.seg.sentences {
            ok("sentence", *s)?;
        }
        let entities = self.tagged.entities.len();
        for q in &self.quotes {
            if q.quote.segments.is_empty() {
                return Err("a quote without segments".into());
            }
            for s in &q.quote.segments {
                ok("quote content", s.content)?;
                ok("quote outer", s.outer)?;
                if s.paragraph >= self.seg.paragraphs.len() {
                    return Err(format!("quote segment in paragraph {}", s.paragraph));
                }
            }
            for n in &q.quote.nested {
                ok("nested quote", *n)?;
            }
            let at = &q.attribution;
            for (what, s) in [
                ("speaker mention", at.mention),
                ("cue", at.cue),
                ("name", at.name),
            ] {
                if let Some(s) = s {
                    ok(what, s)?;
                }
            }
            for e in at.entity.iter().chain(&at.joint) {
                if *e >= entities {
                    return Err(format!("speaker entity {e} of {entities}"));
                }
            }
        }
        for m in &self.tagged.mentions {
            ok("mention", m.span)?;
            if m.entity >= entities {
                return Err(format!("mention of entity {} of {entities}", m.entity));
            }
        }
        for e in &self.tagged.entities {
            for (r, _) in &e.roles {
                ok("role", *r)?;
            }
        }
        Ok(())
    }

    pub fn title(&self) -> Option<&str> {
        self.cleaned
            .title()
            .map(|s| s.text(&self.text))
            .or(self.doc.title.as_deref())
    }

    pub fn date(&self) -> Option<&str> {
        self.cleaned
            .date
            .map(|s| s.text(&self.text))
            .or(self.doc.date.as_deref())
    }

    pub fn byline(&self) -> Option<&str> {
        self.cleaned
            .byline_name(&self.text)
            .or(self.doc.byline.as_deref())
    }
}

/// The quotes stage as the pipeline runs it: the quotations of the title and body paragraphs,
/// and the headline's own statement when it has no quote marks. Segments' `paragraph` are
/// indices into the article paragraphs (`Segmented::article`).
pub fn article_quotes(text: &str, seg: &Segmented) -> Vec<Quote> {
    let article: Vec<(Span, bool)> = seg
        .article()
        .map(|(_, p)| (p.span, p.section == Section::Title))
        .collect();
    let mut quotes = find_quotes(text, &article);
    if let Some((_, title)) = seg
        .article()
        .next()
        .filter(|(_, p)| p.section == Section::Title)
        && !quotes.iter().any(|q| q.headline)
        && let Some(q) = headline_statement(text, title.span)
    {
        quotes.insert(0, q);
    }
    quotes
}

/// One pipeline with the bundled data for the unit tests of every module (built once).
#[cfg(test)]
pub(crate) fn test_pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().expect("bundled data loads"))
}

impl Pipeline {
    pub fn bundled() -> Result<Pipeline, DataError> {
        Pipeline::new(&PipelineOptions::default())
    }

    pub fn new(opts: &PipelineOptions) -> Result<Pipeline, DataError> {
        let lex = Lexicon::load(opts.data_dir.as_deref())?;
        let cleaner = Cleaner::new(&lex);
        let gaz = Gazetteer::load(&opts.gazetteers, opts.bundled_gazetteers)?;
        let html = HtmlExtractor::new(&lex, opts.html_mode);
        Ok(Pipeline {
            lex,
            cleaner,
            gaz,
            html,
        })
    }

    pub fn analyse_text(&self, id: &str, text: &str) -> Analysis {
        self.analyse(Document {
            id: id.to_string(),
            text: text.to_string(),
            ..Document::default()
        })
    }

    /// For HTML input, extracts the text (and title, byline, date) from the page; other
    /// documents are left as they are.
    pub fn prepare(&self, doc: &mut Document) {
        let Some(html) = doc.html.take() else {
            return;
        };
        let e = self.html.extract(&html);
        doc.extracted = self.html.mode() == HtmlMode::Article && e.title.is_some();
        doc.text = e.text;
        if e.title.is_some() {
            doc.title = e.title;
        }
        doc.byline = e.byline.or(doc.byline.take());
        doc.date = doc.date.take().or(e.date);
        doc.hints = e.hints;
    }

    pub fn analyse(&self, doc: Document) -> Analysis {
        self.analyse_in(doc, None)
    }

    /// Analyses one document of an input whose lines were counted in a first pass.
    pub fn analyse_in(&self, mut doc: Document, corpus: Option<&CorpusLines>) -> Analysis {
        self.prepare(&mut doc);
        let text = std::mem::take(&mut doc.text);
        let cx = CleanContext {
            meta_title: doc.title.as_deref(),
            hints: &doc.hints,
            corpus,
            extracted: doc.extracted,
        };
        let cleaned = self.cleaner.clean_with(&text, &cx);
        let seg = segment(&text, &cleaned, &self.lex);
        let quotes = article_quotes(&text, &seg);
        // Segments point at article paragraphs; map them to indices of all paragraphs.
        let article_index: Vec<usize> = seg.article().map(|(i, _)| i).collect();
        let mut tagged = tag(&text, &seg, &quotes, &self.lex, &self.gaz);
        let date = cleaned
            .date
            .map(|s| s.text(&text).to_string())
            .or_else(|| doc.date.clone());
        let (attributions, extra) = attribute(
            &text,
            &seg,
            &quotes,
            &tagged,
            &self.lex,
            &self.gaz,
            date.as_deref(),
        );
        for g in extra {
            let e = self.gaz.entity(g);
            tagged.entities.push(DocEntity {
                id: e.id.clone(),
                name: e.name.clone(),
                etype: e.etype,
                gender: e.gender,
                gazetteer: Some(g),
                surname: None,
                roles: Vec::new(),
            });
        }
        let mut out: Vec<QuoteOut> = quotes
            .into_iter()
            .zip(attributions)
            .map(|(mut quote, attribution)| {
                for s in &mut quote.segments {
                    s.paragraph = article_index[s.paragraph];
                }
                QuoteOut { quote, attribution }
            })
            .collect();
        out.sort_by_key(|q| q.quote.outer().start);
        doc.text = String::new();
        Analysis {
            doc,
            text,
            cleaned,
            seg,
            quotes: out,
            tagged,
        }
    }
}
