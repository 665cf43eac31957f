//! Typed errors. Each names where the problem is: the file and line of bad input or data.

use std::path::PathBuf;

/// A problem with one input document or input file. Never fatal to a run: the document is
/// reported (errors.csv, the summary) and the run goes on.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InputError {
    /// The input file (or `-` for standard input).
    pub file: String,
    /// 1-based line (JSONL, CSV record line) when the problem is in one line.
    pub line: Option<u64>,
    /// The document id, when it was known.
    pub doc_id: Option<String>,
    pub reason: String,
}

impl InputError {
    pub fn new(file: impl Into<String>, line: Option<u64>, reason: impl Into<String>) -> Self {
        InputError {
            file: file.into(),
            line,
            doc_id: None,
            reason: reason.into(),
        }
    }
}

/// A problem in a lexicon or gazetteer file: fatal at start-up, before any document is read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{file}:{line}: {reason}")]
    Bad {
        file: String,
        line: usize,
        reason: String,
    },
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}
