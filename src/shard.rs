//! Shards: one run split into N independent jobs (`saidby run ... --shard I/N`), the pattern
//! that runs under Slurm, Kubernetes jobs or GNU parallel with no engine at all.
//!
//! **A shard is a contiguous run of the input files**, in the order a plain run reads them
//! (the command line's inputs in order, folders recursively in sorted order), cut where the
//! running total of file sizes crosses each I/N of the whole: a file belongs to the shard its
//! middle byte falls in ([`share`]). A file is never split, so one big JSONL or CSV file is
//! one shard's work: split it into several files first. Problems found while listing the
//! inputs (an unreadable folder) are reported by shard 1, where a plain run reports them.
//!
//! Each shard writes its tables into `OUT/shard-I-of-N/` and then, atomically and last, a
//! [`MARKER`] file saying which shard of which run it is ([`Marker`]). A shard whose marker
//! is there is complete and is not run again; [`crate::merge`] refuses a folder without one.
//!
//! The cleaner's first pass (lines that repeat across documents) counts over every input
//! in every shard, so each shard classifies its documents exactly as a run over everything
//! would, and the merged tables are those of one run.
//!
//! ```
//! use saidby::shard::{Shard, share};
//! let s: Shard = "2/3".parse().unwrap();
//! assert_eq!(s.dir_name(), "shard-2-of-3");
//! // Six files of 10, 10, 10, 50, 10 and 10 bytes: the 50-byte file is a shard by itself.
//! assert_eq!(share(&[10, 10, 10, 50, 10, 10], 3), [1, 1, 1, 2, 3, 3]);
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ingest::Input;

/// The completion marker, written into a shard's folder after its tables.
pub const MARKER: &str = "_SUCCESS";

/// Shard `index` of `count`, 1-based (`1/4` is the first of four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || {
            format!(
                "{s:?} is no shard: write I/N, with 1 <= I <= N (1-based: 1/4 is the first of four)"
            )
        };
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// The shard's folder under the run's output folder: `shard-I-of-N`.
    pub fn dir_name(&self) -> String {
        format!("shard-{}-of-{}", self.index, self.count)
    }

    /// The shard a folder name stands for (`shard-3-of-8`), if it is one.
    pub fn from_dir_name(name: &str) -> Option<Shard> {
        let (i, n) = name.strip_prefix("shard-")?.split_once("-of-")?;
        let s = Shard {
            index: i.parse().ok()?,
            count: n.parse().ok()?,
        };
        (s.index >= 1 && s.index <= s.count && s.dir_name() == name).then_some(s)
    }

    /// This shard's inputs, out of all the inputs in the order a run reads them.
    pub fn select(&self, inputs: &[Input]) -> Vec<Input> {
        let sizes = sizes(inputs);
        inputs
            .iter()
            .zip(share(&sizes, self.count))
            .filter(|&(_, s)| s == self.index)
            .map(|(i, _)| i.clone())
            .collect()
    }
}

/// The sizes of the input files, in bytes (0 for one that cannot be read: the run reports it).
pub fn sizes(inputs: &[Input]) -> Vec<u64> {
    inputs
        .iter()
        .map(|i| std::fs::metadata(&i.path).map_or(0, |m| m.len()))
        .collect()
}

/// The shard (1-based) of each file, given the files' sizes in reading order: contiguous runs
/// of files, cut where the running total of bytes crosses each 1/`count` of the whole (a file
/// goes where its middle byte is). Files of no bytes at all are shared out by number.
pub fn share(sizes: &[u64], count: usize) -> Vec<usize> {
    let n = count.max(1) as u128;
    let total: u128 = sizes.iter().map(|&s| s as u128).sum();
    let mut before = 0u128;
    sizes
        .iter()
        .enumerate()
        .map(|(k, &size)| {
            let size = size as u128;
            let s = if total == 0 {
                k as u128 * n / sizes.len() as u128
            } else {
                ((2 * before + size) * n / (2 * total)).min(n - 1)
            };
            before += size;
            s as usize + 1
        })
        .collect()
}

/// What makes shards parts of one run: saidby's version, the inputs (as given on the command
/// line, and how many files and bytes they hold), and every option that changes the tables.
/// [`crate::merge`] refuses shards whose runs differ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunIdentity {
    pub saidby: String,
    pub inputs: Vec<String>,
    pub input_files: u64,
    pub input_bytes: u64,
    pub options: BTreeMap<String, String>,
}

impl RunIdentity {
    /// `args`: the inputs as given; `inputs`: the files found in them.
    pub fn new(args: &[PathBuf], inputs: &[Input], options: BTreeMap<String, String>) -> Self {
        RunIdentity {
            saidby: env!("CARGO_PKG_VERSION").to_string(),
            inputs: args.iter().map(|p| p.display().to_string()).collect(),
            input_files: inputs.len() as u64,
            input_bytes: sizes(inputs).iter().sum(),
            options,
        }
    }

    /// How two runs differ, in words, or `None` when they are the same run.
    pub fn difference(&self, b: &RunIdentity) -> Option<String> {
        let a = self;
        if a.saidby != b.saidby {
            return Some(format!("saidby {} and saidby {}", a.saidby, b.saidby));
        }
        if a.inputs != b.inputs {
            return Some(format!("inputs {:?} and {:?}", a.inputs, b.inputs));
        }
        if (a.input_files, a.input_bytes) != (b.input_files, b.input_bytes) {
            return Some(format!(
                "the inputs held {} files of {} bytes and then {} files of {} bytes (they changed between the shards' runs)",
                a.input_files, a.input_bytes, b.input_files, b.input_bytes
            ));
        }
        let keys: std::collections::BTreeSet<&String> =
            a.options.keys().chain(b.options.keys()).collect();
        for k in keys {
            let (x, y) = (a.options.get(k), b.options.get(k));
            if x != y {
                let show =
                    |v: Option<&String>| v.map_or("(none)".to_string(), |v| format!("{v:?}"));
                return Some(format!("option {k} is {} and {}", show(x), show(y)));
            }
        }
        None
    }
}

/// The contents of a shard's [`MARKER`] (JSON): which shard of which run, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub shard: usize,
    pub of: usize,
    pub run: RunIdentity,
    /// Input files this shard read.
    pub files: u64,
    /// Documents in the shard's tables (those a `--resume` kept included).
    pub documents: u64,
    /// Documents and files that failed (errors.csv).
    pub errors: u64,
}

impl Marker {
    pub fn shard(&self) -> Shard {
        Shard {
            index: self.shard,
            count: self.of,
        }
    }
}

/// The marker in `dir`, or `None` when there is none (the shard is not complete).
pub fn read_marker(dir: &Path) -> io::Result<Option<Marker>> {
    let path = dir.join(MARKER);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: not a saidby shard marker: {e}", path.display()),
        )
    })
}

/// Writes the marker into `dir` atomically (a temporary file, synced, renamed into place):
/// call it after the tables are in place.
pub fn write_marker(dir: &Path, marker: &Marker) -> io::Result<()> {
    let partial = dir.join(format!("{MARKER}.partial"));
    let mut file = std::fs::File::create(&partial)?;
    serde_json::to_writer_pretty(&mut file, marker)?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&partial, dir.join(MARKER))?;
    // The rename itself made durable; not every file system lets a folder be synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_one_based_and_refuse_nonsense() {
        assert_eq!("1/4".parse(), Ok(Shard { index: 1, count: 4 }));
        assert_eq!(" 4 / 4 ".parse(), Ok(Shard { index: 4, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "4", "a/b", "1/4/2", "-1/4"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let s = Shard {
            index: 3,
            count: 12,
        };
        assert_eq!(Shard::from_dir_name(&s.dir_name()), Some(s));
        for bad in [
            "shard-0-of-2",
            "shard-3-of-2",
            "shard-01-of-2",
            "shard-1-of-2x",
            "out",
        ] {
            assert_eq!(Shard::from_dir_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn shares_are_contiguous_balanced_by_bytes_and_cover_every_file() {
        // Equal files: equal shares, in order.
        assert_eq!(share(&[5; 8], 4), [1, 1, 2, 2, 3, 3, 4, 4]);
        assert_eq!(share(&[5; 7], 3), [1, 1, 2, 2, 2, 3, 3]);
        // More shards than files: some shards are empty (each file's middle decides).
        assert_eq!(share(&[5, 5], 4), [2, 4]);
        // One big file takes a shard of its own; small ones share the rest.
        assert_eq!(share(&[1, 1, 1, 1000], 4), [1, 1, 1, 3]);
        // No bytes at all: by number of files.
        assert_eq!(share(&[0, 0, 0, 0], 2), [1, 1, 2, 2]);
        assert_eq!(share(&[], 3), Vec::<usize>::new());
        assert_eq!(share(&[7, 3, 9], 1), [1, 1, 1]);
        // Every file exactly once, shards never decreasing, whatever the sizes.
        let sizes: Vec<u64> = (0..200u64).map(|i| (i * 7919) % 1000).collect();
        for n in 1..=13 {
            let s = share(&sizes, n);
            assert_eq!(s.len(), sizes.len());
            assert!(s.windows(2).all(|w| w[0] <= w[1]), "contiguous at {n}");
            assert!(s.iter().all(|&i| (1..=n).contains(&i)));
        }
    }

    #[test]
    fn a_marker_is_written_atomically_and_read_back() {
        let dir = std::env::temp_dir().join(format!("saidby-marker-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _ = std::fs::remove_file(dir.join(MARKER));
        assert_eq!(read_marker(&dir).unwrap(), None);
        let m = Marker {
            shard: 2,
            of: 3,
            run: RunIdentity::new(&[PathBuf::from("corpus")], &[], BTreeMap::new()),
            files: 0,
            documents: 0,
            errors: 0,
        };
        write_marker(&dir, &m).unwrap();
        assert_eq!(read_marker(&dir).unwrap(), Some(m));
        assert!(!dir.join(format!("{MARKER}.partial")).exists());
        std::fs::write(dir.join(MARKER), "").unwrap();
        assert!(
            read_marker(&dir).is_err(),
            "an empty marker is no marker of ours"
        );
    }
}
