#!/usr/bin/env python3
"""Article-body extraction benchmark: precision, recall and F1 of saidby's body.jsonl.

The corpus is a folder with html/KEY.html.gz pages and ground-truth.json
({KEY: {"articleBody": ...}}), e.g. the dev part of the article-extraction benchmark. The
metric is the benchmark's own: word 4-gram shingles counted per page, tp/fp/fn normalised per
page, precision and recall averaged over pages, F1 of the two means.

Two modes, each a real `saidby run --body` over the pages:
  html  HTML in: the DOM extractor, then saidby's text cleaner on what it kept;
  text  the page's whole visible text (saidby's plain HTML-to-text: tags, scripts and styles
        stripped, no DOM cues) through the text cleaner alone.

    python3 bench/extraction.py CORPUS [--saidby target/release/saidby] [--mode html|text|all]
    python3 bench/extraction.py CORPUS --predictions body.jsonl   # score any {doc_id, body} file
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r"\w+")


def shingles(text, n=4):
    """Word n-grams with their counts; a text shorter than n words is one shorter shingle."""
    words = WORD.findall(text or "")
    grams = (tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)))
    return collections.Counter(g for g in grams if g)


def page_scores(true, pred):
    """(precision, recall) of one page, None where the benchmark leaves the page out."""
    t, p = shingles(true), shingles(pred)
    tp = sum(min(c, p[s]) for s, c in t.items())
    fp = sum(max(c - t[s], 0) for s, c in p.items())
    fn = sum(max(c - p[s], 0) for s, c in t.items())
    total = tp + fp + fn
    if total == 0:
        return None, None
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = (1.0 if fp == fn == 0 else tp / (tp + fp)) if p else None
    recall = (1.0 if fp == fn == 0 else tp / (tp + fn)) if t else None
    return precision, recall


def score(truth, predicted):
    ps, rs, rows = [], [], []
    for key, item in sorted(truth.items()):
        p, r = page_scores(item["articleBody"], predicted.get(key, ""))
        rows.append((key, p, r))
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, rows


def read_bodies(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                key = rec["doc_id"]
                out[key] = rec.get("body") or ""
    return out


def run_saidby(binary, corpus, mode, out):
    cmd = [binary, "run", os.path.join(corpus, "html"), "--out", out, "--body", "--quiet"]
    if mode == "text":
        cmd.append("--html-as-text")
    r = subprocess.run(cmd, env=dict(os.environ, RUST_BACKTRACE="0"))
    if r.returncode not in (0, 1):
        sys.exit(f"saidby failed ({r.returncode}): {' '.join(cmd)}")
    return read_bodies(os.path.join(out, "body.jsonl"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="folder with html/ and ground-truth.json")
    ap.add_argument("--saidby", default="target/release/saidby")
    ap.add_argument("--mode", choices=["html", "text", "all"], default="all")
    ap.add_argument("--predictions", help="score this {doc_id, body} JSONL instead of running saidby")
    ap.add_argument("--pages", action="store_true", help="print every page's precision and recall")
    args = ap.parse_args()
    with open(os.path.join(args.corpus, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    results = []
    if args.predictions:
        results.append((os.path.basename(args.predictions), read_bodies(args.predictions)))
    else:
        modes = ["html", "text"] if args.mode == "all" else [args.mode]
        with tempfile.TemporaryDirectory() as tmp:
            for mode in modes:
                results.append((mode, run_saidby(args.saidby, args.corpus, mode, os.path.join(tmp, mode))))
    print(f"{'mode':<12} {'pages':>5} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, predicted in results:
        p, r, f1, rows = score(truth, predicted)
        if args.pages:
            for key, pp, rr in sorted(rows, key=lambda x: min(x[1] or 0, x[2] or 0)):
                fmt = lambda v: "  -  " if v is None else f"{v:.3f}"
                print(f"  {key[:16]} P {fmt(pp)} R {fmt(rr)}")
        print(f"{name:<12} {len(truth):>5} {p:>9.3f} {r:>7.3f} {f1:>6.3f}")


if __name__ == "__main__":
    main()
