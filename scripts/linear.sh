#!/usr/bin/env bash
# Instructions (valgrind --tool=callgrind: repeatable, whatever else the machine does) that the
# release build spends analysing each pathological text of src/pathological.rs at sizes n, 2n
# and 4n (only inside Pipeline::analyse_text: start-up is not counted). Linear work: each
# step's ratio is about 2; quadratic work, about 4.
#
#   scripts/linear.sh [N] [CASE...]      (default N 5000, every case)
#   BIN=path/to/pathological scripts/linear.sh ...   (another build of the example)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"
shift || true
bin="${BIN:-target/release/examples/pathological}"
[ -n "${BIN:-}" ] || cargo build --release --example pathological >&2
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  mapfile -t cases < <(sed -n 's/^    ("\([a-z_]*\)", .*/\1/p' src/pathological.rs)
fi
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='*Pipeline*analyse_text*' "$bin" "$2" "$1" once 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-28s %14s %14s %14s %7s %7s\n' case "I(n)" "I(2n)" "I(4n)" 2n/n 4n/2n
for c in "${cases[@]}"; do
  a=$(count "$c" "$n")
  b=$(count "$c" $((2 * n)))
  d=$(count "$c" $((4 * n)))
  awk -v c="$c" -v a="$a" -v b="$b" -v d="$d" \
    'BEGIN { printf "%-28s %14d %14d %14d %7.2f %7.2f\n", c, a, b, d, b / a, d / b }'
done
