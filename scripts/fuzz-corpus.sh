#!/usr/bin/env bash
# Refreshes the small committed fuzz corpus from the working one that scripts/fuzz.sh grows:
# libFuzzer's merge keeps a coverage-minimal set (cargo fuzz cmin does the same), of which the
# files, every k-th by size up to 300 files and 200 KB per target, are committed under
# fuzz/corpus/.
# tests/fuzz_corpus.rs runs them through the targets' checks on every `cargo test`.
#
#   scripts/fuzz-corpus.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(pipeline text jsonl csv); fi
bin=fuzz/target/x86_64-unknown-linux-gnu/release
for t in "${targets[@]}"; do
  merged="target/fuzz-merged/$t"
  rm -rf "$merged" && mkdir -p "$merged"
  "$bin/$t" -merge=1 "$merged" "target/fuzz-corpus/$t" "fuzz/corpus/$t" >/dev/null 2>&1
  rm -rf "fuzz/corpus/$t" && mkdir -p "fuzz/corpus/$t"
  # Every k-th file by size, small to large, so the committed few span the sizes.
  n=$(ls "$merged" | wc -l)
  k=$(( (n + 299) / 300 ))
  total=0
  count=0
  i=0
  while read -r size file; do
    i=$((i + 1))
    if [ $(( (i - 1) % k )) -ne 0 ]; then continue; fi
    if [ $((total + size)) -gt 204800 ]; then break; fi
    cp "$merged/$file" "fuzz/corpus/$t/"
    total=$((total + size))
    count=$((count + 1))
  done < <(cd "$merged" && find . -type f -printf '%s %f\n' | sort -n)
  echo "$t: $(ls "$merged" | wc -l) after merge, $count files ($total bytes) committed" >&2
done
