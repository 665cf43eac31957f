#!/usr/bin/env bash
# Runs saidby's fuzz targets (fuzz/) with libFuzzer, one after another, for SECONDS each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 600 s, every target)
#
# cargo-fuzz comes from crates.io (`cargo install cargo-fuzz`). It asks for a nightly
# compiler; on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use the flags it needs, and
# `-s none` leaves out AddressSanitizer (there is no unsafe code of ours for it to watch;
# overflow checks and debug assertions stay on). New inputs go to a working corpus under
# target/fuzz-corpus/ (seeded from the small committed corpus fuzz/corpus/TARGET), crashes to
# fuzz/artifacts/TARGET/; keep each crash under tests/fuzz_crashes/TARGET/ (tests/fuzz_corpus.rs runs them)
# and refresh the small committed corpus with scripts/fuzz-corpus.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(pipeline text jsonl csv); fi
export RUSTC_BOOTSTRAP=1
for t in "${targets[@]}"; do cargo fuzz build -s none "$t"; done
bin=fuzz/target/x86_64-unknown-linux-gnu/release
for t in "${targets[@]}"; do
  work="target/fuzz-corpus/$t"
  mkdir -p "$work" "fuzz/artifacts/$t"
  echo "== $t: $secs s" >&2
  "$bin/$t" "$work" "fuzz/corpus/$t" -max_total_time="$secs" -max_len=16384 -timeout=20 \
    -rss_limit_mb=4096 -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 2>&1 \
    | tee "target/fuzz-$t.log" | grep -E "^#[0-9]+ *(DONE|pulse)|stat::|Test unit written|SUMMARY|panicked" || true
done
