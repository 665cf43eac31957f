#!/usr/bin/env bash
# Instructions each stage costs over the 50 BBC articles of tests/gold/bbc, counted by
# callgrind (valgrind) inside examples/stage_work.rs's run_stage only: a figure that stays put
# on a shared machine, where times move with the load (see bench/README.md).
#
#   bench/instructions.sh [STAGE...]    # default: every stage
#
# Stages: read count clean segment quotes tag gazetteer attribute all export. Each takes about 15 s
# (the start-up runs under valgrind too).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
command -v valgrind >/dev/null || {
    echo "instructions: valgrind is needed (Debian package valgrind)" >&2
    exit 2
}
cd "$root"
cargo build --release --locked -q --example stage_work
bin="$root/target/release/examples/stage_work"
stages=("$@")
[[ ${#stages[@]} -gt 0 ]] || stages=(read count clean segment quotes tag gazetteer attribute all export)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
passes=3
for s in "${stages[@]}"; do
    log="$(valgrind --tool=callgrind --collect-atstart=no --toggle-collect='stage_work::run_stage*' \
        --callgrind-out-file="$out/$s" "$bin" "$s" "$passes" 2>&1)"
    ir="$(grep -o 'Collected : [0-9]*' <<<"$log" | grep -o '[0-9]*$')"
    awk -v s="$s" -v ir="$ir" -v n="$passes" 'BEGIN { printf "%-10s %8.1f million instructions per pass\n", s, ir / n / 1e6 }'
done
