//! saidby on Apache Spark (local mode), through the routes docs/spark.md recommends: a
//! mapPartitions wrapper around `saidby run - --stdout jsonl` (scripts/spark/saidby_spark.py,
//! the binary shipped with `sc.addFile`), and `rdd.pipe` with an absolute path, an environment
//! and `checkCode=True`. Every document must come out exactly once, with the records of a
//! plain `saidby run - --stdout jsonl`; and the traps the guide warns of must be real.
//!
//! PySpark 4.3.0 is installed from PyPI into a virtual environment under target/ (once; later
//! runs reuse it). Without Python 3.11+, its venv module or Java 17+, the test says SKIPPED
//! and passes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

mod common;

const PYSPARK: &str = "4.3.0";

fn skipped(why: &str) {
    eprintln!("SKIPPED: saidby on Spark not tested: {why}");
}

/// The major version `java -version` reports (17 for "17.0.15", 8 for "1.8.0_392").
fn java_major() -> Option<u32> {
    let out = Command::new("java").arg("-version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr).into_owned();
    let version = text.split('"').nth(1)?;
    let mut parts = version.split(['.', '_', '-', '+']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        parts.next()?.parse().ok()
    } else {
        Some(first)
    }
}

/// A Python with PySpark: target/tmp/pyspark-VERSION/bin/python, made on the first run.
fn pyspark_python() -> Result<PathBuf, String> {
    let ok = Command::new("python3")
        .args(["-c", "import sys; sys.exit(sys.version_info < (3, 11))"])
        .status();
    match ok {
        Err(e) => return Err(format!("no python3 ({e})")),
        Ok(s) if !s.success() => {
            return Err("python3 is older than 3.11 (PySpark 4.3 needs 3.11)".into());
        }
        Ok(_) => {}
    }
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let venv = tmp.join(format!("pyspark-{PYSPARK}"));
    let python = venv.join("bin/python");
    let has_pyspark = |python: &Path| {
        let check = format!("import pyspark, sys; sys.exit(pyspark.__version__ != '{PYSPARK}')");
        Command::new(python)
            .args(["-c", &check])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if has_pyspark(&python) {
        return Ok(python);
    }
    // Built aside and renamed into place, so an interrupted install is never taken for one.
    let partial = tmp.join(format!("pyspark-{PYSPARK}.partial-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&partial);
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&partial)
        .output()
        .map_err(|e| e.to_string())?;
    if !made.status.success() {
        let _ = std::fs::remove_dir_all(&partial);
        return Err(format!(
            "python3 cannot make a venv (Debian: apt-get install python3-venv): {}",
            String::from_utf8_lossy(&made.stderr).trim()
        ));
    }
    eprintln!(
        "installing PySpark {PYSPARK} from PyPI into {} (once)",
        venv.display()
    );
    let pip = Command::new(partial.join("bin/python"))
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            &format!("pyspark=={PYSPARK}"),
        ])
        .output()
        .expect("the venv's python runs");
    assert!(
        pip.status.success(),
        "pip could not install pyspark=={PYSPARK} from PyPI: {}",
        String::from_utf8_lossy(&pip.stderr)
    );
    let _ = std::fs::remove_dir_all(&venv);
    if std::fs::rename(&partial, &venv).is_err() {
        // Another run got there first.
        let _ = std::fs::remove_dir_all(&partial);
    }
    assert!(has_pyspark(&python), "PySpark in {}", venv.display());
    Ok(python)
}

/// tests/gold/bbc and data/samples as JSONL, five times over with distinct ids, and a few
/// lines that are no documents (bad JSON, no text, blank).
fn input() -> (String, usize) {
    let paths = common::sample_articles();
    let mut out = String::new();
    let mut docs = 0;
    for round in 0..5 {
        for p in &paths {
            let id = format!("{}-{round}", p.file_stem().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(p).unwrap();
            out.push_str(&json!({"id": id, "text": text}).to_string());
            out.push('\n');
            docs += 1;
            match docs {
                7 => out.push_str("not json\n"),
                100 => out.push_str("\n  \n"),
                150 => out.push_str("{\"id\": \"no-text\"}\n"),
                _ => {}
            }
        }
    }
    (out, docs)
}

fn records(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn traps_of(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("traps.json")).unwrap()).unwrap()
}

fn without_line(mut r: Value) -> Value {
    r.as_object_mut().unwrap().remove("line");
    r
}

#[test]
fn saidby_on_spark_gives_every_document_once_with_the_records_of_a_plain_run() {
    match java_major() {
        None => return skipped("no java (PySpark needs Java 17+)"),
        Some(v) if v < 17 => return skipped(&format!("java {v}; PySpark 4.3 needs Java 17+")),
        Some(_) => {}
    }
    let python = match pyspark_python() {
        Ok(p) => p,
        Err(why) => return skipped(&why),
    };
    let d = std::env::temp_dir().join(format!("saidby-spark-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let (text, docs) = input();
    let jsonl = d.join("in.jsonl");
    std::fs::write(&jsonl, &text).unwrap();

    // The plain run.
    let plain = Command::new(env!("CARGO_BIN_EXE_saidby"))
        .args(["run", "-", "--stdout", "jsonl", "-q"])
        .stdin(std::fs::File::open(&jsonl).unwrap())
        .output()
        .unwrap();
    assert!(plain.status.success());
    let plain: Vec<Value> = String::from_utf8(plain.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(plain.len(), docs + 2, "documents and the two bad lines");

    let out = d.join("spark");
    let run = Command::new(&python)
        .arg("scripts/spark/saidby_spark.py")
        .arg("--binary")
        .arg(env!("CARGO_BIN_EXE_saidby"))
        .arg("--input")
        .arg(&jsonl)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "the Spark job failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );

    // The wrapper: the records of the plain run, in order, line numbers of the whole input.
    let wrapped = records(&out.join("mapPartitions.jsonl"));
    assert_eq!(wrapped.len(), plain.len());
    for (w, p) in wrapped.iter().zip(&plain) {
        assert_eq!(w, p);
    }
    let mut ids: Vec<&str> = wrapped
        .iter()
        .filter_map(|r| r["doc_id"].as_str())
        .collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!((n, ids.len()), (docs + 1, docs + 1), "every document once");
    // The records as DataFrames: a row per quote and per mention, the tables' columns.
    let count = |key: &str| -> usize {
        plain
            .iter()
            .filter_map(|r| r.get(key).and_then(Value::as_array))
            .map(Vec::len)
            .sum()
    };
    let frames = &traps_of(&out)["dataframes"];
    assert_eq!(frames["quotes"]["rows"], count("quotes"));
    assert_eq!(frames["mentions"]["rows"], count("mentions"));
    assert_eq!(frames["errors"]["rows"], 2);
    let columns = |t: &str| -> Vec<String> {
        let mut c: Vec<String> = serde_json::from_value(frames[t]["columns"].clone()).unwrap();
        c.sort();
        c
    };
    let mut want: Vec<String> = plain[0]["quotes"][0]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    want.sort();
    assert_eq!(columns("quotes"), want);
    // rdd.pipe made safe: the same records, but line numbers count within a partition.
    let piped = records(&out.join("pipe.jsonl"));
    assert_eq!(piped.len(), plain.len());
    for (q, p) in piped.into_iter().zip(&plain) {
        assert_eq!(without_line(q), without_line(p.clone()));
    }

    // The traps are real: rdd.pipe's program gets an empty environment unless given one, and a
    // program that fails halfway passes for a success unless checkCode=True.
    let traps = traps_of(&out);
    assert!(traps["partitions"].as_u64().unwrap() > 1, "{traps}");
    assert_eq!(traps["pipe_default_env"], json!([]));
    assert_eq!(
        traps["pipe_default_env_with_path"],
        json!(["PATH=/usr/bin:/bin"])
    );
    assert_eq!(traps["unchecked_crash_rows"], json!(["row 0", "row 1"]));
    assert!(traps.get("checked_crash_rows").is_none(), "{traps}");
    let checked = traps["checked_crash_error"].as_str().unwrap();
    assert!(checked.contains("PIPE_FUNCTION_EXITED"), "{checked}");
    assert!(traps.get("wrapper_failed_rows").is_none(), "{traps}");
    let wrapper = traps["wrapper_failed_error"].as_str().unwrap();
    assert!(wrapper.contains("saidby exited with code 2"), "{wrapper}");
    let _ = std::fs::remove_dir_all(&d);
}
