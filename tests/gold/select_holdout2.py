#!/usr/bin/env python3
"""Pick a second, blind check set, reproducibly: every English news page of the
article-extraction benchmark with at least two quote marks that select_news.py and
select_holdout.py did not take, and BBC articles in neither bbc_sample.tsv nor
holdout_sample.tsv (half of them politics, where attribution is hardest).

Usage: python3 tests/gold/select_holdout2.py CORPORA_DIR   (holding bbc/ and article-extraction/)
Annotated after the rules were frozen and scored only as a whole, for the closing estimate.
"""
import gzip
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import select_news  # noqa: E402

SEED = 20261202
N_BBC_POLITICS = 8
N_BBC_OTHER = 8


def taken(here: Path, *tables: str) -> set:
    return {l.split("\t")[0] for t in tables for l in open(here / t) if not l.startswith("#")}


def main() -> None:
    corpora = Path(sys.argv[1])
    here = Path(__file__).resolve().parent
    out = here / "holdout2"
    out.mkdir(exist_ok=True)
    bench = corpora / "article-extraction"
    truth = json.load(open(bench / "ground-truth.json"))
    used = taken(here, "news_sample.tsv", "holdout_sample.tsv")
    rows = []
    for key in sorted(truth):
        body, url = truth[key]["articleBody"], truth[key]["url"]
        marks = body.count('"') + body.count("\u201c")
        if marks < 2 or any(n in url for n in select_news.NOT_NEWS) or key[:12] in used:
            continue
        page = gzip.open(bench / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        words = body.lower().split()
        if sum(words.count(w) for w in ("the", "and", "of", "to")) < 5:
            continue  # not English
        paras = [p.strip() for p in body.split("\n") if p.strip()]
        (out / f"{key[:12]}.txt").write_text(select_news.title_of(page) + "\n\n" + "\n\n".join(paras) + "\n")
        rows.append((key[:12], url))
    used_bbc = taken(here, "bbc_sample.tsv", "holdout_sample.tsv")
    rng = random.Random(SEED)
    bbc = sorted(p for p in (corpora / "bbc").rglob("*.txt") if p.stem not in used_bbc)
    politics = [p for p in bbc if p.parent.name == "politics"]
    other = [p for p in bbc if p.parent.name != "politics"]
    for p in sorted(rng.sample(politics, N_BBC_POLITICS)) + sorted(rng.sample(other, N_BBC_OTHER)):
        (out / p.name).write_text(p.read_text())
        rows.append((p.stem, f"bbc/{p.parent.name}"))
    with open(here / "holdout2_sample.tsv", "w") as f:
        f.write(f"# seed={SEED}\ndoc_id\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
