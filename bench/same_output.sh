#!/usr/bin/env bash
# Checks that a change to saidby did not change what it writes: builds the revision REF
# (default HEAD) and the working tree, runs both on the same inputs and compares every table
# (removed.csv and body.jsonl too) byte for byte, the working tree's at --jobs 1 and 2.
#
#   bench/same_output.sh [REF] [EXTRA_INPUT...]
#
# Inputs: tests/gold/bbc, data/samples, bench/data/bbc-2000.jsonl when bench/run.sh has made
# it, and any EXTRA_INPUT. REF is built from `git archive` into target/same-output/ (kept for
# the next call with the same REF).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
ref="${1:-HEAD}"
shift || true
cd "$root"

work="$root/target/same-output"
rev="$(git rev-parse "$ref^{commit}")"
rm -rf "$work/out"
mkdir -p "$work/out"
# The reference build is kept between calls and redone only when REF names another commit.
if [[ "$(cat "$work/built" 2>/dev/null)" != "$rev" || ! -x "$work/target/release/saidby" ]]; then
    rm -rf "$work/src" "$work/built"
    mkdir -p "$work/src"
    git archive "$rev" | tar -x -C "$work/src"
    echo "same_output: building $ref ($(git rev-parse --short "$rev"))" >&2
    cargo build --release --locked -q --manifest-path "$work/src/Cargo.toml" --target-dir "$work/target"
    echo "$rev" > "$work/built"
else
    echo "same_output: $ref ($(git rev-parse --short "$rev")) already built" >&2
fi
echo "same_output: building the working tree" >&2
cargo build --release --locked -q
old="$work/target/release/saidby"
new="$root/target/release/saidby"

inputs=(tests/gold/bbc data/samples)
[[ -f bench/data/bbc-2000.jsonl ]] && inputs+=(bench/data/bbc-2000.jsonl)
inputs+=("$@")
status=0
for input in "${inputs[@]}"; do
    name="$(basename "$input")"
    "$old" run "$input" --out "$work/out/$name.ref" --jobs 1 -q --removed --body || true
    for j in 1 2; do
        "$new" run "$input" --out "$work/out/$name.j$j" --jobs "$j" -q --removed --body || true
        if diff -r -q "$work/out/$name.ref" "$work/out/$name.j$j" >&2; then
            echo "same_output: $input --jobs $j: identical ($(cat "$work/out/$name.j$j"/*.csv "$work/out/$name.j$j"/*.jsonl | wc -l) rows)" >&2
        else
            echo "same_output: $input --jobs $j: DIFFERENT from $ref" >&2
            status=1
        fi
    done
done
exit $status
