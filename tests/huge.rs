//! A 200 MB article, end to end (ignored by default: it takes a minute or more and a few GB).
//! The document is the gold articles' paragraphs over and over in one file, each made unique
//! by its number; the run must
//! finish, report it, and keep its peak memory within a fixed multiple of the document.
//!
//! ```sh
//! cargo test --release --test huge -- --ignored --nocapture
//! ```
//! Time linear in the size is shown by the pathological tests and the `pathological` example;
//! this one shows that a huge document works and what it costs.

use std::io::Write;
use std::process::Command;

/// The child's peak resident memory so far, in KiB (Linux).
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
#[ignore = "200 MB: run by hand with --release"]
fn a_200_megabyte_document() {
    let d = std::env::temp_dir().join(format!("saidby-huge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("tests/gold/bbc")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        let t = std::fs::read_to_string(f).unwrap();
        paragraphs.extend(t.split("\n\n").skip(1).map(str::to_string));
    }
    let path = d.join("huge.txt");
    let target = 200usize << 20;
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "One very long article\n").unwrap();
    let mut written = 0;
    let mut i = 0;
    while written < target {
        // Each paragraph made unique (the cleaner drops repeated lines as page furniture).
        let p = format!("On day {i}, {}", paragraphs[i % paragraphs.len()]);
        writeln!(f, "{p}\n").unwrap();
        written += p.len() + 2;
        i += 1;
    }
    drop(f);
    let size = std::fs::metadata(&path).unwrap().len();
    let out = d.join("out");
    let started = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_saidby"))
        .args(["run", "--out"])
        .arg(&out)
        .arg(&path)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut peak = 0;
    let status = loop {
        if let Some(k) = peak_kib(child.id()) {
            peak = peak.max(k);
        }
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    let secs = started.elapsed().as_secs_f64();
    let ratio = (peak as f64 * 1024.0) / size as f64;
    eprintln!(
        "{size} bytes in {secs:.1} s, peak memory {:.0} MB ({ratio:.1} x the document)\n{stderr}",
        peak as f64 / 1024.0
    );
    assert!(status.success(), "{stderr}");
    assert!(stderr.contains("saidby: 1 documents"), "{stderr}");
    let docs = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    assert_eq!(docs.lines().count(), 2);
    assert!(ratio < 40.0, "peak memory {ratio:.1} times the document");
    let _ = std::fs::remove_dir_all(&d);
}
