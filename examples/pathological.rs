//! Times each pathological text of `saidby::pathological` at sizes n, 2n and 4n on the real
//! build, and prints the growth: linear work doubles with the size. Speed is measured here,
//! never asserted in tests (those count steps instead).
//!
//! ```sh
//! cargo run --release --example pathological -- 20000            # every case
//! cargo run --release --example pathological -- 20000 elisions   # one case
//! ```
//! With a third argument `once`, only size n of the one case is analysed, for counting
//! instructions (repeatable, unlike time) with `valgrind --tool=callgrind` at n, 2n, 4n.

use std::time::Instant;

use saidby::pathological::CASES;
use saidby::pipeline::Pipeline;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let only = std::env::args().nth(2);
    let once = std::env::args().nth(3).is_some_and(|a| a == "once");
    let p = Pipeline::bundled().expect("bundled data loads");
    if once {
        let (name, build) = CASES
            .iter()
            .find(|(name, _)| only.as_deref() == Some(*name))
            .expect("a case name");
        let a = p.analyse_text(name, &build(n));
        println!("{name} {n}: {} quotes", a.quotes.len());
        return;
    }
    println!(
        "{:<28} {:>10} {:>9} {:>9} {:>9}  growth",
        "case", "bytes(n)", "n ms", "2n ms", "4n ms"
    );
    for (name, build) in CASES {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let mut ms = Vec::new();
        for k in [1, 2, 4] {
            let text = build(n * k);
            let t = Instant::now();
            let a = p.analyse_text(name, &text);
            ms.push(t.elapsed().as_secs_f64() * 1e3);
            a.check_spans().expect("valid spans");
        }
        println!(
            "{:<28} {:>10} {:>9.1} {:>9.1} {:>9.1}  {:.2}x {:.2}x",
            name,
            build(n).len(),
            ms[0],
            ms[1],
            ms[2],
            ms[1] / ms[0],
            ms[2] / ms[1]
        );
    }
}
