//! The whole document pipeline on any bytes: decoded as the readers decode them, analysed
//! through every stage, and exported; every span must lie on character boundaries inside the
//! text (see saidby::pipeline::check_spans).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use saidby::pipeline::Pipeline;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::bundled().expect("bundled data loads"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = pipeline().analyse_text("fuzz", &text);
    if let Err(e) = a.check_spans() {
        panic!("{e}");
    }
});
