//! Spreadsheet safety in a real spreadsheet program: LibreOffice Calc (headless) opens tables
//! that saidby wrote from an article full of formula-like text (a doc_id, a headline and
//! quotes beginning with = + - @), with formula evaluation turned on, and saves them as flat
//! OpenDocument XML. No cell of saidby's tables may have become a formula; the same tables
//! written with `--raw-csv` must (the control: it shows this import does run formulas).
//!
//! Needs `soffice` (Debian: `apt-get install libreoffice-calc-nogui`). Without it the test
//! prints SKIPPED and passes; CI does not install it. Run it with
//! `cargo test --test spreadsheet -- --nocapture`.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn tmp(name: &str) -> PathBuf {
    common::tmp("sheet", name)
}

/// CSV import options: comma, double quote, UTF-8, from line 1, English, and (13th)
/// "evaluate formulas" on, as a user opening the file in a spreadsheet may have it.
const CSV_FILTER: &str = "CSV:44,34,76,1,,1033,false,false,false,false,false,0,true";

/// Converts `tables` of `dir` to .fods with LibreOffice; returns the XML of each.
fn open_in_calc(dir: &Path, tables: &[&str], work: &Path) -> Vec<String> {
    let out = work.join("converted");
    let profile = format!("file://{}", work.join("profile").display());
    let mut c = Command::new("soffice");
    c.args(["--headless", "--norestore", "--nologo"])
        .arg(format!("-env:UserInstallation={profile}"))
        .arg(format!("--infilter={CSV_FILTER}"))
        .args(["--convert-to", "fods", "--outdir"])
        .arg(&out);
    for t in tables {
        c.arg(dir.join(t));
    }
    let o = c.output().expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    tables
        .iter()
        .map(|t| {
            let name = t.replace(".csv", ".fods");
            std::fs::read_to_string(out.join(&name))
                .unwrap_or_else(|e| panic!("{name} not converted: {e}"))
        })
        .collect()
}

#[test]
fn libreoffice_shows_formula_like_cells_as_text() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!(
            "SKIPPED: soffice (LibreOffice) is not installed; apt-get install libreoffice-calc-nogui to run this test"
        );
        return;
    }
    let d = tmp("calc");
    let input = d.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("=1+1.txt"),
        "=3*3\n\nThe scores came in on Monday.\n\n\"=2+3\" said Jane Roe.\n\n\"+7-2\" said Jane Roe.\n\n\"-4+10\" said Jane Roe.\n\n\"@SUM(1;2)\" said Jane Roe.\n",
    )
    .unwrap();
    let tables = ["quotes.csv", "documents.csv"];
    for (raw, expect_formulas) in [(false, false), (true, true)] {
        let out = d.join(if raw { "raw" } else { "safe" });
        let mut c = Command::new(env!("CARGO_BIN_EXE_saidby"));
        c.args(["run", "--quiet"])
            .arg(&input)
            .arg("--out")
            .arg(&out);
        if raw {
            c.arg("--raw-csv");
        }
        assert!(c.status().unwrap().success());
        let quotes = std::fs::read_to_string(out.join("quotes.csv")).unwrap();
        assert!(quotes.contains("=2+3") && quotes.contains("@SUM(1;2)"));
        let work = d.join(format!("lo-{raw}"));
        for (table, xml) in tables.iter().zip(open_in_calc(&out, &tables, &work)) {
            let formulas = xml.matches("table:formula=").count();
            if expect_formulas {
                assert!(
                    xml.contains("table:formula=\"of:=2+3\"") || xml.contains("of:=1+1"),
                    "control: Calc should run the raw {table}'s formulas"
                );
                eprintln!("--raw-csv {table}: {formulas} cells became formulas");
            } else {
                assert_eq!(formulas, 0, "a cell of {table} became a formula");
                eprintln!("{table}: no cell became a formula");
            }
        }
        if !raw {
            let xml = std::fs::read_to_string(work.join("converted/quotes.fods")).unwrap();
            for cell in ["'=2+3", "'+7-2", "'-4+10", "'@SUM(1;2)", "'=1+1"] {
                let escaped = cell.replace('\'', "&apos;");
                assert!(
                    xml.contains(&format!("<text:p>{escaped}</text:p>")),
                    "{cell} is shown as text"
                );
            }
        }
    }
}
