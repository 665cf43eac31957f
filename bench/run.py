#!/usr/bin/env python3
"""Whole-run throughput and peak memory of `saidby run` and of textacy, on the BBC corpus.

Run through bench/run.sh, which installs what this needs; see bench/README.md.

For each size N, `saidby run bench/data/bbc-N.jsonl --out DIR --jobs J -q` under
/usr/bin/time -v, J = 1 and 2, REPEAT times (the median run is reported); then textacy's
direct-quotation extractor (bench/textacy_quotes.py, 2 processes) on the first
TEXTACY_DOCS documents. documents/s and MB/s (UTF-8 text bytes, 10^6) are over the whole run's
wall-clock time, start-up included; peak memory is the maximum resident set size. The tables
written at --jobs 1 and 2 are compared byte for byte.
"""

import argparse
import hashlib
import json
import pathlib
import re
import shutil
import statistics
import subprocess
import sys

BENCH = pathlib.Path(__file__).resolve().parent
ROOT = BENCH.parent
TABLES = ["quotes.csv", "mentions.csv", "documents.csv", "entities.csv", "speakers.csv", "errors.csv"]


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time -v: (wall s, user+sys s, max RSS MB, stdout)."""
    p = subprocess.run(
        ["/usr/bin/time", "-v", *cmd],
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
    )
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed ({p.returncode}):\n{p.stderr[-3000:]}")
    err = p.stderr

    def field(name):
        m = re.search(rf"^\s*{re.escape(name)}: (.+)$", err, re.M)
        if not m:
            sys.exit(f"bench: no '{name}' in /usr/bin/time output:\n{err[-2000:]}")
        return m.group(1).strip()

    parts = [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = 0.0
    for x in parts:
        wall = wall * 60 + x
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, rss, p.stdout


def digest(out_dir):
    h = hashlib.sha256()
    for name in TABLES:
        h.update(name.encode())
        with open(out_dir / name, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def row(tool, docs, jobs, wall, cpu, rss, text_bytes):
    return {
        "tool": tool,
        "docs": docs,
        "jobs": jobs,
        "wall": wall,
        "cpu": cpu,
        "rss": rss,
        "docs_s": docs / wall,
        "mb_s": text_bytes / 1e6 / wall,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,20000,200000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--textacy-docs", type=int, default=2000)
    ap.add_argument("--textacy-processes", type=int, default=2)
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--single-pass-too", action="store_true",
                    help="also time saidby run --single-pass (no corpus pass) at the largest --jobs")
    ap.add_argument("--saidby", default=str(ROOT / "target/release/saidby"))
    ap.add_argument("--json", help="also write the rows to this file")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    data = BENCH / "data"
    out_root = BENCH / "out"
    rows = []
    identical = {}
    for n in sizes:
        meta = json.loads((data / f"bbc-{n}.json").read_text())
        inp = data / f"bbc-{n}.jsonl"
        digests = {}
        for j in jobs:
            out = out_root / f"saidby-{n}-j{j}"
            runs = []
            for _ in range(args.repeat):
                shutil.rmtree(out, ignore_errors=True)
                runs.append(timed([args.saidby, "run", inp, "--out", out, "--jobs", str(j), "-q"]))
            wall, cpu, rss, _ = sorted(runs)[len(runs) // 2]
            rss = max(r[2] for r in runs)
            rows.append(row("saidby", n, j, wall, cpu, rss, meta["text_bytes"]))
            digests[j] = digest(out)
            print(f"bench: saidby {n} docs --jobs {j}: {wall:.2f} s "
                  f"(runs: {', '.join(f'{r[0]:.2f}' for r in runs)}), {rss:.0f} MB",
                  file=sys.stderr)
        identical[n] = len(set(digests.values())) == 1
        for j in jobs[1:]:
            shutil.rmtree(out_root / f"saidby-{n}-j{j}", ignore_errors=True)
        if args.single_pass_too:
            j = jobs[-1]
            out = out_root / f"saidby-{n}-single-pass"
            runs = []
            for _ in range(args.repeat):
                shutil.rmtree(out, ignore_errors=True)
                runs.append(timed([args.saidby, "run", inp, "--out", out, "--jobs", str(j), "-q",
                                   "--single-pass"]))
            wall, cpu, rss, _ = sorted(runs)[len(runs) // 2]
            rss = max(r[2] for r in runs)
            rows.append(row("1-pass", n, j, wall, cpu, rss, meta["text_bytes"]))
            shutil.rmtree(out, ignore_errors=True)
    textacy = None
    if not args.no_textacy:
        n = args.textacy_docs
        src = min((s for s in sizes if s >= n), default=None)
        if src is None:
            sys.exit(f"bench: --textacy-docs {n} is larger than every size")
        meta = json.loads((data / f"bbc-{src}.json").read_text())
        if src != n:
            # Text bytes of the first n documents.
            tb = 0
            with open(data / f"bbc-{src}.jsonl", encoding="utf-8") as f:
                for _, line in zip(range(n), f):
                    tb += len(json.loads(line)["text"].encode("utf-8"))
        else:
            tb = meta["text_bytes"]
        out_root.mkdir(parents=True, exist_ok=True)
        py = BENCH / ".venv/bin/python"
        wall, cpu, rss, stdout = timed(
            [py, BENCH / "textacy_quotes.py", data / f"bbc-{src}.jsonl",
             out_root / "textacy-quotes.jsonl", "--processes", str(args.textacy_processes),
             "--limit", str(n)],
            stdout=None,
        )
        summary = json.loads(stdout.strip().splitlines()[-1])
        textacy = row("textacy", n, args.textacy_processes, wall, cpu, rss, tb)
        textacy["summary"] = summary
        rows.append(textacy)
        print(f"bench: textacy {n} docs: {wall:.1f} s, {summary}", file=sys.stderr)

    print()
    print(f"{'tool':<8} {'docs':>7} {'jobs':>4} {'wall s':>8} {'cpu s':>8} "
          f"{'docs/s':>9} {'MB/s':>7} {'peak MB':>8}")
    if args.single_pass_too:
        print("(1-pass: saidby run --single-pass, without the first pass that counts lines)")
    for r in rows:
        print(f"{r['tool']:<8} {r['docs']:>7} {r['jobs']:>4} {r['wall']:>8.2f} {r['cpu']:>8.2f} "
              f"{r['docs_s']:>9.1f} {r['mb_s']:>7.2f} {r['rss']:>8.0f}")
    print()
    saidby = {(r["docs"], r["jobs"]): r for r in rows if r["tool"] == "saidby"}
    for n in sizes:
        if (n, 1) in saidby and (n, 2) in saidby:
            s = saidby[(n, 2)]["docs_s"] / saidby[(n, 1)]["docs_s"]
            print(f"{n} docs: 2 jobs / 1 job = {s:.2f}x; tables identical at --jobs "
                  f"{' and '.join(map(str, jobs))}: {'yes' if identical[n] else 'NO'}")
    if textacy:
        t = textacy["docs_s"]
        tp = textacy["jobs"]
        print(f"textacy ({tp} processes): {t:.2f} docs/s whole run "
              f"({textacy['summary']['errors']} of {textacy['docs']} documents refused)")
        for n in sizes:
            if (n, 2) in saidby:
                same = " (the same documents)" if n == textacy["docs"] else ""
                print(f"saidby --jobs 2 on {n} docs / textacy on {textacy['docs']} docs: "
                      f"{saidby[(n, 2)]['docs_s'] / t:.0f}x documents/s{same}")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(rows, indent=1) + "\n")
    return 0 if all(identical.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
