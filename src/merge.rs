//! `saidby merge`: the tables of the N shards of a run ([`crate::shard`]) combined into the
//! tables one run over all the input would have written, byte for byte.
//!
//! quotes.csv, mentions.csv, documents.csv, errors.csv, and removed.csv and body.jsonl when
//! the run wrote them, are the shards' rows one after another, in shard order (shards are
//! contiguous runs of the input, so that is input order). entities.csv and speakers.csv are
//! aggregates: each count is a sum over documents, and each document is in one shard, so the
//! merged counts are the sums of the shards' counts (an entity's name is the one its first
//! shard gives, as a run keeps the first; a speaker's the one its last shard gives, as a run
//! keeps the last).
//!
//! Merge refuses what would not give one run's tables: a shard folder without its completion
//! marker (a shard still running, or killed), shards of different runs (another N, other
//! inputs or options, another version of saidby), a shard missing or given twice.
//!
//! ```no_run
//! use saidby::merge::{find_shards, merge};
//! let shards = find_shards(&["out".into()]).unwrap(); // out/shard-1-of-4 ... out/shard-4-of-4
//! let merged = merge(&shards, "tables".as_ref()).unwrap();
//! println!("{} documents", merged.documents);
//! ```

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use crate::export::{
    DOCUMENTS_HEADER, ENTITIES_HEADER, ERRORS_HEADER, MENTIONS_HEADER, QUOTES_HEADER,
    REMOVED_HEADER, SPEAKERS_HEADER, Table,
};
use crate::shard::{MARKER, Marker, Shard, read_marker};

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error(
        "{}: the shard is incomplete (no {MARKER} marker: still running, or stopped before its end); run it again, then merge",
        .0.display()
    )]
    Incomplete(PathBuf),
    #[error(
        "{}: no shard's output (no {MARKER} marker) and no shard-I-of-N folders in it",
        .0.display()
    )]
    NotShards(PathBuf),
    #[error(
        "shards of runs split in different numbers: {} is shard {a} and {} is shard {b}",
        .a_dir.display(), .b_dir.display()
    )]
    MixedCounts {
        a_dir: PathBuf,
        a: Shard,
        b_dir: PathBuf,
        b: Shard,
    },
    #[error("{} and {} are shards of different runs: {why}", .a.display(), .b.display())]
    DifferentRuns { a: PathBuf, b: PathBuf, why: String },
    #[error("shard {shard} is given twice: {} and {}", .a.display(), .b.display())]
    Twice {
        shard: Shard,
        a: PathBuf,
        b: PathBuf,
    },
    #[error("shards missing: {}; merge needs all {count}", list(.missing))]
    Missing { missing: Vec<usize>, count: usize },
    #[error("the output folder {} is one of the shards", .0.display())]
    OutIsShard(PathBuf),
    #[error("{}: {reason}", .path.display())]
    Bad { path: PathBuf, reason: String },
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
}

fn list(missing: &[usize]) -> String {
    let s: Vec<String> = missing.iter().map(usize::to_string).collect();
    s.join(", ")
}

fn io_at(path: &Path) -> impl Fn(io::Error) -> MergeError + '_ {
    move |source| MergeError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn bad(path: &Path, reason: impl Into<String>) -> MergeError {
    MergeError::Bad {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// A complete shard's folder and its marker.
#[derive(Clone, Debug)]
pub struct ShardDir {
    pub dir: PathBuf,
    pub marker: Marker,
}

/// What the merged tables hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub shards: usize,
    pub documents: u64,
    pub quotes: u64,
    pub mentions: u64,
    /// Rows of errors.csv (errors and warnings).
    pub errors: u64,
}

/// The shards named by `paths` (each a shard's folder, or a folder holding `shard-I-of-N`
/// folders), checked to be every shard of one run, in shard order.
pub fn find_shards(paths: &[PathBuf]) -> Result<Vec<ShardDir>, MergeError> {
    let mut dirs = Vec::new();
    for p in paths {
        let named = p
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(Shard::from_dir_name);
        if named.is_some() || p.join(MARKER).exists() {
            dirs.push(p.clone());
            continue;
        }
        let mut inside: Vec<(Shard, PathBuf)> = Vec::new();
        for entry in std::fs::read_dir(p).map_err(io_at(p))? {
            let path = entry.map_err(io_at(p))?.path();
            if let Some(s) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(Shard::from_dir_name)
                && path.is_dir()
            {
                inside.push((s, path));
            }
        }
        if inside.is_empty() {
            return Err(MergeError::NotShards(p.clone()));
        }
        inside.sort();
        dirs.extend(inside.into_iter().map(|(_, p)| p));
    }
    let mut shards = Vec::new();
    for dir in dirs {
        match read_marker(&dir).map_err(io_at(&dir))? {
            Some(marker) => shards.push(ShardDir { dir, marker }),
            None => return Err(MergeError::Incomplete(dir)),
        }
    }
    let Some(first) = shards.first().cloned() else {
        return Err(MergeError::NotShards(
            paths.first().cloned().unwrap_or_default(),
        ));
    };
    for s in &shards[1..] {
        if s.marker.of != first.marker.of {
            return Err(MergeError::MixedCounts {
                a_dir: first.dir.clone(),
                a: first.marker.shard(),
                b_dir: s.dir.clone(),
                b: s.marker.shard(),
            });
        }
        if let Some(why) = first.marker.run.difference(&s.marker.run) {
            return Err(MergeError::DifferentRuns {
                a: first.dir.clone(),
                b: s.dir.clone(),
                why,
            });
        }
    }
    shards.sort_by_key(|s| s.marker.shard);
    for w in shards.windows(2) {
        if w[0].marker.shard == w[1].marker.shard {
            return Err(MergeError::Twice {
                shard: w[0].marker.shard(),
                a: w[0].dir.clone(),
                b: w[1].dir.clone(),
            });
        }
    }
    let count = first.marker.of;
    let missing: Vec<usize> = (1..=count)
        .filter(|i| !shards.iter().any(|s| s.marker.shard == *i))
        .collect();
    if !missing.is_empty() {
        return Err(MergeError::Missing { missing, count });
    }
    Ok(shards)
}

/// Writes the merged tables into `out` (created if missing), each as `NAME.partial` renamed
/// into place at the end, documents.csv last, as a run does.
pub fn merge(shards: &[ShardDir], out: &Path) -> Result<Merged, MergeError> {
    std::fs::create_dir_all(out).map_err(io_at(out))?;
    let real_out = std::fs::canonicalize(out).map_err(io_at(out))?;
    for s in shards {
        if std::fs::canonicalize(&s.dir).ok().as_ref() == Some(&real_out) {
            return Err(MergeError::OutIsShard(s.dir.clone()));
        }
    }
    let mut merged = Merged {
        shards: shards.len(),
        ..Merged::default()
    };
    let mut moves = Vec::new();
    let finish = |t: Table, moves: &mut Vec<(PathBuf, PathBuf)>| -> Result<(), MergeError> {
        moves.push(t.finish().map_err(io_at(out))?);
        Ok(())
    };
    let (t, n) = concat(shards, out, "quotes.csv", QUOTES_HEADER)?;
    merged.quotes = n;
    finish(t, &mut moves)?;
    let (t, n) = concat(shards, out, "mentions.csv", MENTIONS_HEADER)?;
    merged.mentions = n;
    finish(t, &mut moves)?;
    let (t, n) = concat(shards, out, "errors.csv", ERRORS_HEADER)?;
    merged.errors = n;
    finish(t, &mut moves)?;
    // Counts from the third column on; the first shard names an entity, as a run's first
    // mention does; the last shard names a speaker, as a run's last quote does.
    let t = aggregate(shards, out, "entities.csv", ENTITIES_HEADER, 3, Keep::First)?;
    finish(t, &mut moves)?;
    let t = aggregate(shards, out, "speakers.csv", SPEAKERS_HEADER, 2, Keep::Last)?;
    finish(t, &mut moves)?;
    let optional = |name: &str| shards[0].dir.join(name).exists();
    if optional("removed.csv") {
        let (t, _) = concat(shards, out, "removed.csv", REMOVED_HEADER)?;
        finish(t, &mut moves)?;
    }
    if optional("body.jsonl") {
        moves.push(concat_lines(shards, out, "body.jsonl")?);
    }
    let (t, n) = concat(shards, out, "documents.csv", DOCUMENTS_HEADER)?;
    merged.documents = n;
    finish(t, &mut moves)?;
    for (from, to) in moves {
        std::fs::rename(&from, &to).map_err(io_at(&to))?;
    }
    Ok(merged)
}

/// A table's rows from every shard, in shard order.
fn concat(
    shards: &[ShardDir],
    out: &Path,
    name: &str,
    header: &[&str],
) -> Result<(Table, u64), MergeError> {
    let mut t = Table::create(out, name, header, true).map_err(io_at(out))?;
    let mut rows = 0;
    for s in shards {
        let path = s.dir.join(name);
        let mut r = reader(&path, header)?;
        for rec in r.byte_records() {
            let rec = rec.map_err(|e| bad(&path, e.to_string()))?;
            t.carry(&rec).map_err(io_at(out))?;
            rows += 1;
        }
    }
    Ok((t, rows))
}

fn reader(path: &Path, header: &[&str]) -> Result<csv::Reader<std::fs::File>, MergeError> {
    let mut r = csv::Reader::from_path(path).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(e) => MergeError::Io {
            path: path.to_path_buf(),
            source: e,
        },
        other => bad(path, format!("{other:?}")),
    })?;
    let h = r.byte_headers().map_err(|e| bad(path, e.to_string()))?;
    if !h.iter().eq(header.iter().map(|c| c.as_bytes())) {
        return Err(bad(
            path,
            "its columns are not this saidby's (a table of another version?)",
        ));
    }
    Ok(r)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    First,
    Last,
}

/// An aggregate table summed over the shards: `texts` columns (the id first) then counts.
fn aggregate(
    shards: &[ShardDir],
    out: &Path,
    name: &str,
    header: &[&str],
    texts: usize,
    keep: Keep,
) -> Result<Table, MergeError> {
    // id -> (text cells, counts)
    type Row = (Vec<Vec<u8>>, Vec<u64>);
    let mut rows: BTreeMap<Vec<u8>, Row> = BTreeMap::new();
    for s in shards {
        let path = s.dir.join(name);
        let mut r = reader(&path, header)?;
        for rec in r.byte_records() {
            let rec = rec.map_err(|e| bad(&path, e.to_string()))?;
            let cells: Vec<Vec<u8>> = rec.iter().take(texts).map(<[u8]>::to_vec).collect();
            let counts = rec
                .iter()
                .skip(texts)
                .map(|c| {
                    std::str::from_utf8(c)
                        .ok()
                        .and_then(|c| c.parse::<u64>().ok())
                })
                .collect::<Option<Vec<u64>>>()
                .ok_or_else(|| bad(&path, format!("not a count in the row of {:?}", &cells[0])))?;
            match rows.get_mut(&cells[0]) {
                Some((names, sums)) => {
                    for (sum, n) in sums.iter_mut().zip(counts) {
                        *sum += n;
                    }
                    if keep == Keep::Last {
                        *names = cells;
                    }
                }
                None => {
                    rows.insert(cells[0].clone(), (cells, counts));
                }
            }
        }
    }
    let mut t = Table::create(out, name, header, true).map_err(io_at(out))?;
    for (cells, counts) in rows.into_values() {
        let mut rec = csv::ByteRecord::new();
        for c in &cells {
            rec.push_field(c);
        }
        for n in counts {
            rec.push_field(n.to_string().as_bytes());
        }
        t.carry(&rec).map_err(io_at(out))?;
    }
    Ok(t)
}

/// A line-per-document file (body.jsonl) of every shard, in shard order.
fn concat_lines(
    shards: &[ShardDir],
    out: &Path,
    name: &str,
) -> Result<(PathBuf, PathBuf), MergeError> {
    let partial = out.join(format!("{name}.partial"));
    let mut file = std::fs::File::create(&partial).map_err(io_at(&partial))?;
    for s in shards {
        let path = s.dir.join(name);
        let mut from = std::fs::File::open(&path).map_err(io_at(&path))?;
        io::copy(&mut from, &mut file).map_err(io_at(&partial))?;
    }
    file.sync_all().map_err(io_at(&partial))?;
    Ok((partial, out.join(name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shard::RunIdentity;

    fn identity(removed: &str) -> RunIdentity {
        let options = [("removed".to_string(), removed.to_string())].into();
        RunIdentity::new(&[PathBuf::from("corpus")], &[], options)
    }

    #[test]
    fn runs_that_differ_say_how() {
        let a = identity("false");
        assert_eq!(a.difference(&a.clone()), None);
        let why = a.difference(&identity("true")).unwrap();
        assert_eq!(why, "option removed is \"false\" and \"true\"");
        let mut b = a.clone();
        b.input_bytes += 1;
        assert!(a.difference(&b).unwrap().contains("changed"));
        b = a.clone();
        b.inputs.push("more".into());
        assert!(a.difference(&b).unwrap().starts_with("inputs"));
    }

    #[test]
    fn missing_shards_are_listed() {
        let e = MergeError::Missing {
            missing: vec![2, 5],
            count: 6,
        };
        assert_eq!(e.to_string(), "shards missing: 2, 5; merge needs all 6");
    }
}
