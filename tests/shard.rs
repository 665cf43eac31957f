//! End-to-end: `saidby run --shard I/N` over every shard, then `saidby merge`, gives the tables
//! of one plain run byte for byte; complete shards are skipped on a rerun; merge refuses
//! incomplete shards, shards of different runs, and missing ones.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::saidby;

fn tmp(name: &str) -> PathBuf {
    common::tmp("shard", name)
}

fn saidby_run(args: &[&str], inputs: &[PathBuf]) -> Output {
    saidby()
        .arg("run")
        .args(inputs)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Three folders of two short stories each, every story with the same furniture line: six
/// documents, so a run over all the input learns that line (it is in at least 3), while a
/// shard that counted only its own slice would see 2 and keep it as body.
fn corpus(d: &Path) -> Vec<PathBuf> {
    let stories = [
        ("Aberdeen", "Jane Roe"),
        ("Bristol", "John Smith"),
        ("Cardiff", "Mary Jones"),
        ("Dover", "Peter Brown"),
        ("Exeter", "Sarah Green"),
        ("Falmouth", "Tom White"),
    ];
    for (k, (place, who)) in stories.iter().enumerate() {
        let dir = d.join(format!("local{}", k / 2 + 1));
        std::fs::create_dir_all(&dir).unwrap();
        let text = format!(
            "Storm reaches {place}\n\nThe storm reached {place} late on Friday, officials said.\n\n\
             Talk to our desk today\n\n\"We will rebuild {place},\" said {who}.\n"
        );
        std::fs::write(dir.join(format!("{place}.txt")), text).unwrap();
    }
    // A JSONL file with a bad line, and a path that is not there: errors.csv has rows from
    // listing the inputs and from reading them.
    std::fs::write(
        d.join("local2/wire.jsonl"),
        "{\"id\":\"w1\",\"text\":\"Wire story\\n\\n\\\"Fine,\\\" said Ann Lee.\"}\nnot json\n",
    )
    .unwrap();
    vec![
        d.join("local1"),
        PathBuf::from("tests/gold/bbc"),
        d.join("local2"),
        d.join("missing"),
        PathBuf::from("data/samples"),
        d.join("local3"),
    ]
}

#[test]
fn every_shard_then_merge_gives_the_tables_of_one_run_byte_for_byte() {
    let d = tmp("exact");
    let inputs = corpus(&d);
    let plain = d.join("plain");
    let opts = ["--removed", "--body", "-q"];
    let o = saidby_run(
        &[&["--out", plain.to_str().unwrap()], &opts[..]].concat(),
        &inputs,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "some input failed: {}",
        stderr(&o)
    );
    let out = d.join("sharded");
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let args = [
            &["--out", out.to_str().unwrap(), "--shard", &shard],
            &opts[..],
        ]
        .concat();
        let o = saidby_run(&args, &inputs);
        assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
        assert!(out.join(format!("shard-{i}-of-3/_SUCCESS")).exists());
    }
    let merged = d.join("merged");
    let o = saidby()
        .args([
            "merge",
            out.to_str().unwrap(),
            "--out",
            merged.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("merged 3 shards"), "{}", stderr(&o));
    let tables = files(&plain);
    assert_eq!(
        tables,
        [
            "body.jsonl",
            "documents.csv",
            "entities.csv",
            "errors.csv",
            "mentions.csv",
            "quotes.csv",
            "removed.csv",
            "speakers.csv"
        ]
    );
    assert_eq!(files(&merged), tables);
    for t in &tables {
        let (a, b) = (
            std::fs::read(plain.join(t)).unwrap(),
            std::fs::read(merged.join(t)).unwrap(),
        );
        assert!(a == b, "{t} differs from the plain run's");
    }
    // Each shard did a real share: the six stories are spread over shards 1 and 3.
    let docs = |i: usize| {
        std::fs::read_to_string(out.join(format!("shard-{i}-of-3/documents.csv"))).unwrap()
    };
    let (first, third) = (docs(1), docs(3));
    assert!(first.contains("\nAberdeen,") && first.contains("\nBristol,"));
    assert!(!first.contains("\nCardiff,") && third.contains("\nFalmouth,"));
    // Shard 1 holds two of the six stories, yet classified their furniture line as a run
    // over everything does: its first pass counted every input.
    let removed = std::fs::read_to_string(out.join("shard-1-of-3/removed.csv")).unwrap();
    for place in ["Aberdeen", "Bristol"] {
        let row = "boilerplate:repeated_in_corpus,Talk to our desk today";
        assert!(
            removed
                .lines()
                .any(|l| l.starts_with(&format!("{place},")) && l.contains(row)),
            "{removed}"
        );
    }
    // The problem met while listing the inputs is shard 1's, as it comes first in a run.
    let errors =
        |i: usize| std::fs::read_to_string(out.join(format!("shard-{i}-of-3/errors.csv"))).unwrap();
    assert!(errors(1).contains("missing"));
    assert!(!errors(2).contains("missing") && !errors(3).contains("missing"));
}

#[test]
fn a_complete_shard_is_skipped_and_merge_refuses_what_is_not_one_run() {
    let d = tmp("refuse");
    let inputs = vec![PathBuf::from("data/samples")];
    let out = d.join("out");
    let o_s = out.to_str().unwrap();
    let o = saidby_run(&["--out", o_s, "--shard", "1/2", "-q"], &inputs);
    assert!(o.status.success(), "{}", stderr(&o));
    let shard1 = out.join("shard-1-of-2");
    // A rerun finds the marker and does nothing: the table removed here stays away.
    std::fs::remove_file(shard1.join("quotes.csv")).unwrap();
    let o = saidby_run(&["--out", o_s, "--shard", "1/2"], &inputs);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("shard 1/2 is complete"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("skipped"));
    assert!(!shard1.join("quotes.csv").exists());
    // ...but not when the complete shard is of another run.
    let o = saidby_run(&["--out", o_s, "--shard", "1/2", "--removed"], &inputs);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("another run"), "{}", stderr(&o));
    std::fs::remove_dir_all(&shard1).unwrap();
    assert!(
        saidby_run(&["--out", o_s, "--shard", "1/2", "-q"], &inputs)
            .status
            .success()
    );

    let merge = |dirs: &[PathBuf]| {
        saidby()
            .arg("merge")
            .args(dirs)
            .args(["--out", d.join("merged").to_str().unwrap()])
            .output()
            .unwrap()
    };
    let refused = |dirs: &[PathBuf], why: &str| {
        let o = merge(dirs);
        assert_eq!(o.status.code(), Some(2), "{why}: {}", stderr(&o));
        assert!(stderr(&o).contains(why), "{why}: {}", stderr(&o));
    };
    refused(
        std::slice::from_ref(&out),
        "shards missing: 2; merge needs all 2",
    );
    // Shard 2 killed before its end: its folder has tables (or some), no marker.
    let o = saidby_run(&["--out", o_s, "--shard", "2/2", "-q"], &inputs);
    assert!(o.status.success());
    std::fs::remove_file(out.join("shard-2-of-2/_SUCCESS")).unwrap();
    refused(std::slice::from_ref(&out), "the shard is incomplete");
    refused(&[out.join("shard-2-of-2")], "the shard is incomplete");
    // Run again, keeping what the killed shard had finished: complete, and counted whole.
    let o = saidby_run(&["--out", o_s, "--shard", "2/2", "--resume"], &inputs);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 already in the tables"),
        "{}",
        stderr(&o)
    );
    let marker = std::fs::read_to_string(out.join("shard-2-of-2/_SUCCESS")).unwrap();
    let marker: serde_json::Value = serde_json::from_str(&marker).unwrap();
    assert_eq!((&marker["shard"], &marker["of"]), (&2.into(), &2.into()));
    assert_eq!(
        (&marker["files"], &marker["documents"]),
        (&1.into(), &1.into())
    );
    // A shard of a run split in three, and shards of a run with other options.
    let other = d.join("other");
    let x = other.to_str().unwrap();
    assert!(
        saidby_run(&["--out", x, "--shard", "2/3", "-q"], &inputs)
            .status
            .success()
    );
    refused(
        &[out.join("shard-1-of-2"), other.join("shard-2-of-3")],
        "split in different numbers",
    );
    let x2 = d.join("other2");
    let args = [
        "--out",
        x2.to_str().unwrap(),
        "--shard",
        "2/2",
        "-q",
        "--removed",
    ];
    assert!(saidby_run(&args, &inputs).status.success());
    refused(
        &[out.join("shard-1-of-2"), x2.join("shard-2-of-2")],
        "option removed is \"false\" and \"true\"",
    );
    refused(
        &[out.join("shard-1-of-2"), out.join("shard-1-of-2")],
        "given twice",
    );
    refused(std::slice::from_ref(&d), "no shard-I-of-N folders");
    // All of one run: merged, whether named one by one or by their parent folder.
    let o = merge(&[out.join("shard-2-of-2"), out.join("shard-1-of-2")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = std::fs::read_to_string(d.join("merged/documents.csv")).unwrap();
    assert_eq!(
        docs.lines().count(),
        3,
        "a header and the two samples: {docs}"
    );
    assert!(merge(&[out]).status.success());
}

#[test]
fn a_shard_can_stream_its_records_too() {
    let inputs = [
        PathBuf::from("tests/gold/bbc"),
        PathBuf::from("data/samples"),
    ];
    let records = |extra: &[&str]| -> Vec<String> {
        let o = saidby_run(&[&["--stdout", "jsonl", "-q"], extra].concat(), &inputs);
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    };
    let whole = records(&[]);
    assert_eq!(whole.len(), 52);
    let parts: Vec<Vec<String>> = (1..=4)
        .map(|i| records(&["--shard", &format!("{i}/4")]))
        .collect();
    assert!(parts.iter().all(|p| !p.is_empty() && p.len() < 52));
    assert_eq!(
        parts.concat(),
        whole,
        "shards in order are the whole run, line for line"
    );
    let o = saidby()
        .args(["run", "-", "--stdout", "jsonl", "--shard", "1/2"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard input (-) cannot be shared"));
    let o = saidby_run(&["--stdout", "jsonl", "--shard", "3/2"], &inputs);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("1-based"), "{}", stderr(&o));
}
