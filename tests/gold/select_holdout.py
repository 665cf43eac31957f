#!/usr/bin/env python3
"""Pick a held-out check set, reproducibly: the English news pages of the article-extraction
benchmark that select_news.py did not take, and BBC articles outside bbc_sample.tsv.

Usage: python3 tests/gold/select_holdout.py CORPORA_DIR   (holding bbc/ and article-extraction/)
This set is scored only as a whole (saidby eval), never read case by case while rules are
written, so it shows how the rules generalise.
"""
import gzip
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_news  # noqa: E402

SEED = 20261203
N_NEWS = 20
N_BBC = 16


def main() -> None:
    corpora = Path(sys.argv[1])
    here = Path(__file__).resolve().parent
    out = here / "holdout"
    out.mkdir(exist_ok=True)
    import json, re
    bench = corpora / "article-extraction"
    truth = json.load(open(bench / "ground-truth.json"))
    taken = {l.split("\t")[0] for l in open(here / "news_sample.tsv") if not l.startswith("#")}
    eligible = []
    for key in sorted(truth):
        body, url = truth[key]["articleBody"], truth[key]["url"]
        marks = body.count('"') + body.count("“")
        cues = len(re.findall(r"\b(said|says|told)\b", body))
        if marks >= 4 and cues >= 2 and not any(n in url for n in select_news.NOT_NEWS) and key[:12] not in taken:
            eligible.append(key)
    rng = random.Random(SEED)
    rows = []
    for key in sorted(rng.sample(eligible, min(N_NEWS, len(eligible)))):
        page = gzip.open(bench / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        paras = [p.strip() for p in truth[key]["articleBody"].split("\n") if p.strip()]
        (out / f"{key[:12]}.txt").write_text(select_news.title_of(page) + "\n\n" + "\n\n".join(paras) + "\n")
        rows.append((key[:12], truth[key]["url"]))
    dev = {l.split("\t")[0] for l in open(here / "bbc_sample.tsv") if not l.startswith("#")}
    bbc = sorted(p for p in (corpora / "bbc").rglob("*.txt") if p.stem not in dev)
    for p in sorted(rng.sample(bbc, N_BBC)):
        (out / p.name).write_text(p.read_text())
        rows.append((p.stem, f"bbc/{p.parent.name}"))
    with open(here / "holdout_sample.tsv", "w") as f:
        f.write(f"# seed={SEED}\ndoc_id\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
