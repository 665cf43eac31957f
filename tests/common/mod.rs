//! Helpers the end-to-end tests share: the built binary, and a fresh temporary folder.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The `saidby` binary this test run built.
pub fn saidby() -> Command {
    Command::new(env!("CARGO_BIN_EXE_saidby"))
}

/// An empty folder for one test of one suite (removed first if a run left it).
pub fn tmp(suite: &str, name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("saidby-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The .txt articles of tests/gold/bbc and data/samples, sorted: the corpus the end-to-end
/// tests push through saidby.
pub fn sample_articles() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = ["tests/gold/bbc", "data/samples"]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}
