//! saidby: who said what in news articles.
//!
//! A pipeline of stages, each its own module, passing [`span::Span`]s (byte ranges into the
//! document's original text) rather than copied strings:
//!
//! 1. [`ingest`]: read documents from text, HTML, JSONL and CSV files ([`html`] finds the
//!    article in a page);
//! 2. [`clean`]: classify lines of the original text (title, body, caption, boilerplate...);
//! 3. [`segment`]: paragraphs and sentences;
//! 4. [`quotes`]: quotations, their segments and nesting;
//! 5. [`gazetteer`] and [`names`]: people, organisations and places;
//! 6. [`attribute`]: the speaker of each quotation, with the cue and the rule that decided;
//! 7. [`export`]: CSV tables with character offsets; [`stream`]: the same rows as one JSONL
//!    record per document.
//!
//! [`pipeline::Pipeline`] holds everything compiled once (lexicons, automatons, gazetteers)
//! and analyses one document at a time into an [`pipeline::Analysis`].

pub mod attribute;
pub mod clean;
pub mod error;
pub mod eval;
pub mod export;
pub mod gazetteer;
pub mod html;
pub mod ingest;
pub mod lexicon;
pub mod merge;
pub mod names;
#[doc(hidden)]
pub mod pathological;
pub mod pipeline;
pub mod quotes;
pub mod run;
pub mod segment;
pub mod shard;
pub mod span;
pub mod stream;
pub mod tag;
pub mod text;
mod work;
