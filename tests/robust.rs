//! Hostile input, end to end: the real binary on bad files, each problem reported in
//! errors.csv and counted, the good documents kept, the documented exit codes; output that is
//! the same whatever order a folder's files were made in; tables never half-written, even
//! under `kill -9`; and `--resume`, whose tables equal those of one full run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::saidby;

fn tmp(name: &str) -> PathBuf {
    common::tmp("robust", name)
}

fn rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

fn run(args: &[&str], inputs: &[&Path], out: &Path) -> Output {
    let mut c = saidby();
    c.arg("run").args(args).arg("--out").arg(out);
    for i in inputs {
        c.arg(i);
    }
    c.output().unwrap()
}

/// errors.csv as (file name, line, doc_id, reason) with the folder cut off the file.
fn errors(out: &Path) -> Vec<(String, String, String, String)> {
    rows(&out.join("errors.csv"))
        .into_iter()
        .map(|r| {
            let file = Path::new(&r[0])
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            (file, r[1].clone(), r[2].clone(), r[3].clone())
        })
        .collect()
}

fn doc_ids(out: &Path) -> Vec<String> {
    rows(&out.join("documents.csv"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

const GOOD: &str = "Title here\n\n\"Fine,\" said Jane Roe.\n";

#[test]
fn every_kind_of_bad_file_is_reported_and_the_good_ones_kept() {
    let d = tmp("bad-files");
    let input = d.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(input.join(name), bytes).unwrap();
    w("a_good.txt", GOOD.as_bytes());
    w("b_empty.txt", b"");
    w("c_blank.txt", b"  \n\n \t\n");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(std::iter::repeat_n(0u8, 200));
    w("d_image.txt", &png);
    let utf16: Vec<u8> = "\u{feff}Title\n\n\"Yes,\" she said."
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    w("e_utf16.txt", &utf16);
    w("f_latin1.txt", b"Caf\xe9 news\n\n\"Oui,\" said Jane Roe.\n");
    w(
        "g_lines.jsonl",
        concat!(
            "{\"id\": \"j1\", \"text\": \"Title\\n\\n\\\"Yes,\\\" said Jane Roe.\"}\n",
            "{not json\n",
            "{\"id\": \"j3\"}\n",
            "{\"id\": \"j4\", \"text\": 42}\n",
            "[1, \"text\", null, null, null, null]\n",
            "{\"id\": \"j6\", \"text\": \"   \"}\n",
            "\u{feff}{\"id\": \"j7\", \"text\": \"BOM line.\"}\n",
            "{\"id\": \"j8\", \"text\": \"\\u0000\\u0000\\u0000\\u0000x\"}\n",
        )
        .as_bytes(),
    );
    w("h_empty.jsonl", b"\n\n");
    w(
        "i_rows.csv",
        b"id,text\nc1,\"Title\n\n\"\"Yes,\"\" said Jane Roe.\"\nc2\nc3,ok,extra\nc4,\"\"\n",
    );
    w("j_empty.csv", b"");
    w("k_header.csv", b"id,body\nx,y\n");
    std::os::unix::fs::symlink(input.join("missing.txt"), input.join("l_dangling.txt")).unwrap();
    std::os::unix::fs::symlink(&input, input.join("m_loop")).unwrap();
    let fifo = input.join("n_pipe.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = d.join("out");
    let o = run(&[], &[&input], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "some documents failed: {stderr}");
    assert_eq!(doc_ids(&out), ["a_good", "f_latin1", "j1", "j7", "c1"]);
    let e = errors(&out);
    let reason = |file: &str, line: &str| -> String {
        e.iter()
            .find(|x| x.0 == file && x.1 == line)
            .map(|x| x.3.clone())
            .unwrap_or_else(|| panic!("no error for {file}:{line} in {e:#?}"))
    };
    assert_eq!(reason("b_empty.txt", ""), "empty text");
    assert_eq!(reason("c_blank.txt", ""), "no text, only white space");
    assert!(reason("d_image.txt", "").starts_with("binary content"));
    assert!(reason("e_utf16.txt", "").starts_with("binary content"));
    assert!(reason("f_latin1.txt", "").starts_with("invalid UTF-8 replaced"));
    assert!(reason("g_lines.jsonl", "2").starts_with("not a JSON object"));
    assert_eq!(
        reason("g_lines.jsonl", "3"),
        "no \"text\" or \"html\" field"
    );
    assert_eq!(
        reason("g_lines.jsonl", "4"),
        "field \"text\" is not a string"
    );
    assert_eq!(reason("g_lines.jsonl", "5"), "not a JSON object");
    assert_eq!(reason("g_lines.jsonl", "6"), "no text, only white space");
    assert!(reason("g_lines.jsonl", "8").starts_with("binary content"));
    assert_eq!(reason("h_empty.jsonl", ""), "empty file: no JSON lines");
    assert_eq!(
        reason("i_rows.csv", "5"),
        "record has 1 fields, the header has 2"
    );
    assert_eq!(
        reason("i_rows.csv", "6"),
        "record has 3 fields, the header has 2"
    );
    assert_eq!(reason("i_rows.csv", "7"), "empty text");
    assert_eq!(reason("j_empty.csv", ""), "empty file: no CSV header");
    assert_eq!(
        reason("k_header.csv", "1"),
        "no column \"text\" in the header"
    );
    assert!(reason("l_dangling.txt", "").starts_with("cannot read: "));
    assert_eq!(
        reason("m_loop", ""),
        "folder already read (a link loops back to it)"
    );
    assert_eq!(reason("n_pipe.txt", ""), "not a regular file");
    // The doc_id is named where it was known.
    assert!(e.iter().any(|x| x.1 == "3" && x.2 == "j3"));
    assert!(e.iter().any(|x| x.0 == "b_empty.txt" && x.2 == "b_empty"));
    // The lossy document is flagged and counted as a warning, not a failure.
    let docs = rows(&out.join("documents.csv"));
    let latin = docs.iter().find(|r| r[0] == "f_latin1").unwrap();
    assert_eq!(latin.last().unwrap(), "invalid_utf8_replaced");
    assert!(
        stderr.contains("5 documents") && stderr.contains("19 errors, 1 warnings"),
        "{stderr}"
    );
    assert_eq!(e.len(), 20);
}

#[test]
fn invalid_utf8_can_be_skipped_and_a_lossy_run_exits_zero() {
    let d = tmp("utf8");
    let input = d.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("good.txt"), GOOD).unwrap();
    std::fs::write(
        input.join("bad.txt"),
        b"Caf\xe9 news\n\n\"Oui,\" said Jane Roe.\n",
    )
    .unwrap();
    let out = d.join("replace");
    let o = run(&[], &[&input], &out);
    assert_eq!(o.status.code(), Some(0), "a warning is no failure");
    assert_eq!(doc_ids(&out), ["bad", "good"]);
    let out = d.join("skip");
    let o = run(&["--invalid-utf8", "skip"], &[&input], &out);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(doc_ids(&out), ["good"]);
    let e = errors(&out);
    assert_eq!(
        e,
        [(
            "bad.txt".to_string(),
            String::new(),
            "bad".to_string(),
            "invalid UTF-8 at byte 3, skipped (--invalid-utf8 skip)".to_string()
        )]
    );
}

#[test]
fn usage_and_fatal_errors_exit_two() {
    let d = tmp("fatal");
    std::fs::write(d.join("a.txt"), GOOD).unwrap();
    let code = |o: Output| o.status.code();
    assert_eq!(
        code(saidby().args(["run", "--nope"]).output().unwrap()),
        Some(2)
    );
    assert_eq!(code(saidby().arg("run").output().unwrap()), Some(2));
    assert_eq!(
        code(run(&["--invalid-utf8", "maybe"], &[&d], &d.join("o"))),
        Some(2)
    );
    // The output folder is a file: nothing can be written.
    std::fs::write(d.join("file"), "x").unwrap();
    let o = run(&[], &[&d.join("a.txt")], &d.join("file"));
    assert_eq!(code(o), Some(2));
    // All good: 0.
    assert_eq!(code(run(&[], &[&d.join("a.txt")], &d.join("ok"))), Some(0));
}

/// Unreadable files and folders. Root reads everything, so as root the run is made as the
/// user nobody (with setpriv); without setpriv it cannot be shown and the test says so.
#[test]
fn unreadable_files_and_folders_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp("perm");
    let input = d.join("in");
    std::fs::create_dir_all(input.join("locked")).unwrap();
    std::fs::write(input.join("a.txt"), GOOD).unwrap();
    std::fs::write(input.join("b.txt"), GOOD).unwrap();
    std::fs::write(input.join("locked/c.txt"), GOOD).unwrap();
    let out = d.join("out");
    std::fs::create_dir_all(&out).unwrap();
    for p in [&d, &input, &out] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    std::fs::set_permissions(input.join("b.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(input.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let mut c = if root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            eprintln!("SKIPPED: running as root and setpriv is absent; cannot drop permissions");
            return;
        }
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_saidby"),
        ]);
        c
    } else {
        saidby()
    };
    let o = c
        .arg("run")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    std::fs::set_permissions(input.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(doc_ids(&out), ["a"]);
    let e = errors(&out);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].0, "locked");
    assert!(e[0].3.contains("Permission denied"), "{e:?}");
    assert_eq!(e[1].0, "b.txt");
    assert!(
        e[1].3.starts_with("cannot read: Permission denied"),
        "{e:?}"
    );
}

const TABLES: [&str; 6] = [
    "quotes.csv",
    "mentions.csv",
    "documents.csv",
    "entities.csv",
    "speakers.csv",
    "errors.csv",
];

fn same_tables(a: &Path, b: &Path) {
    for t in TABLES {
        assert!(
            std::fs::read(a.join(t)).unwrap() == std::fs::read(b.join(t)).unwrap(),
            "{t} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

/// The gold articles copied into one folder in one order, then into the same folder in the
/// reverse order (a file system lists a folder in an order of its own): the same bytes.
#[test]
fn same_bytes_whatever_order_the_files_were_made_in() {
    let d = tmp("order");
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/gold/bbc")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 20);
    let input = d.join("in");
    let mut outs = Vec::new();
    for (k, order) in [files.clone(), files.iter().rev().cloned().collect()]
        .into_iter()
        .enumerate()
    {
        let _ = std::fs::remove_dir_all(&input);
        std::fs::create_dir_all(input.join("sub")).unwrap();
        for f in &order {
            // Some in a sub-folder, so the walk's recursion is part of the order too.
            let i = files.iter().position(|x| x == f).unwrap();
            let to = if i % 3 == 0 {
                input.join("sub")
            } else {
                input.clone()
            };
            std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
        }
        let out = d.join(format!("out{k}"));
        assert!(run(&[], &[&input], &out).status.success());
        // Documents come in sorted path order, whatever order the file system lists them in
        // (ext4 lists by a hash of the name: neither made nor sorted order).
        let read: Vec<PathBuf> = rows(&out.join("documents.csv"))
            .into_iter()
            .map(|r| PathBuf::from(&r[11]))
            .collect();
        let mut sorted = read.clone();
        sorted.sort();
        assert_eq!(read, sorted);
        assert_eq!(read.len(), files.len());
        outs.push(out);
    }
    same_tables(&outs[0], &outs[1]);
}

/// A JSONL corpus of `n` articles: the gold articles over and over, each with its own id.
fn corpus(path: &Path, n: usize) {
    use std::io::Write;
    let mut texts: Vec<String> = std::fs::read_dir("tests/gold/bbc")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let rec = serde_json::json!({"id": format!("doc{i:06}"), "text": texts[i % texts.len()]});
        writeln!(f, "{rec}").unwrap();
    }
}

/// `kill -9` in the middle of a run: the folder keeps the complete tables of the run before
/// (or none at all), never a half-written one under a table's name.
#[test]
fn kill_9_leaves_the_previous_tables_or_none() {
    let d = tmp("kill");
    let big = d.join("big.jsonl");
    corpus(&big, 6000);
    let small = d.join("small.jsonl");
    corpus(&small, 20);
    let kill_mid_run = |out: &Path| {
        let mut child = saidby()
            .args(["run", "--jobs", "1", "--quiet", "--out"])
            .arg(out)
            .arg(&big)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the run has written rows, then kill it without warning.
        let partial = out.join("quotes.csv.partial");
        let start = std::time::Instant::now();
        loop {
            let len = std::fs::metadata(&partial).map(|m| m.len()).unwrap_or(0);
            if len > 200_000 {
                break;
            }
            assert!(
                child.try_wait().unwrap().is_none(),
                "the run ended too soon"
            );
            assert!(start.elapsed().as_secs() < 300, "no progress");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = Command::new("kill")
            .args(["-9", &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(9)
        );
    };
    // No run before: no table at all.
    let fresh = d.join("fresh");
    kill_mid_run(&fresh);
    for t in TABLES {
        assert!(
            !fresh.join(t).exists(),
            "{t} exists after a killed first run"
        );
    }
    assert!(fresh.join("quotes.csv.partial").exists());
    // A complete run before: its tables, byte for byte.
    let out = d.join("out");
    assert!(run(&[], &[&small], &out).status.success());
    let before = d.join("before");
    std::fs::create_dir_all(&before).unwrap();
    for t in TABLES {
        std::fs::copy(out.join(t), before.join(t)).unwrap();
    }
    kill_mid_run(&out);
    same_tables(&out, &before);
    assert_eq!(doc_ids(&out).len(), 20);
    // The next run starts over from the stale partial files and finishes.
    assert!(run(&[], &[&small], &out).status.success());
    same_tables(&out, &before);
}

/// `--resume` after a run over part of the corpus: only the rest is analysed, and every table,
/// the aggregates entities.csv and speakers.csv included, is byte for byte that of one run
/// over everything.
#[test]
fn resume_gives_the_tables_of_one_full_run() {
    let d = tmp("resume");
    let input = d.join("in");
    std::fs::create_dir_all(&input).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/gold/bbc")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in &files {
        std::fs::copy(f, input.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::copy(
        "data/samples/000_4b98acbb933a9022.txt",
        input.join("zz_sample.txt"),
    )
    .unwrap();
    // A flagged document and a failing one, so errors.csv has both kinds of row.
    std::fs::write(
        input.join("aa_latin1.txt"),
        b"Caf\xe9\n\n\"Oui,\" said Jane Roe.\n",
    )
    .unwrap();
    std::fs::write(input.join("ab_empty.txt"), b"").unwrap();
    let full = d.join("full");
    assert_eq!(run(&[], &[&input], &full).status.code(), Some(1));
    // The first half of the files (in the order a run reads them), then all with --resume.
    let mut names: Vec<PathBuf> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let half: Vec<&Path> = names[..names.len() / 2]
        .iter()
        .map(PathBuf::as_path)
        .collect();
    let out = d.join("out");
    assert_eq!(run(&[], &half, &out).status.code(), Some(1));
    let first = doc_ids(&out).len();
    let half_documents = std::fs::read(out.join("documents.csv")).unwrap();
    let o = run(&["--resume"], &[&input], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the empty file fails again: {stderr}"
    );
    assert!(
        stderr.contains(&format!("{first} already in the tables")),
        "{stderr}"
    );
    same_tables(&out, &full);
    // Resuming a finished folder does nothing more and changes nothing.
    let again = d.join("again");
    std::fs::create_dir_all(&again).unwrap();
    for t in TABLES {
        std::fs::copy(out.join(t), again.join(t)).unwrap();
    }
    let o = run(&["--resume"], &[&input], &again);
    assert!(String::from_utf8_lossy(&o.stderr).contains("0 documents"));
    same_tables(&again, &out);
    // Tables of two runs (a kill between two renames: the new quotes.csv, the old
    // documents.csv) are refused, not merged into double counts.
    std::fs::write(again.join("documents.csv"), &half_documents).unwrap();
    let o = run(&["--resume"], &[&input], &again);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the tables are not of one run"), "{stderr}");
    assert!(std::fs::read(again.join("documents.csv")).unwrap() == half_documents);
}
