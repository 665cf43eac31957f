#!/usr/bin/env python3
"""Pick a third, blind check set, reproducibly: BBC articles in none of bbc_sample.tsv,
holdout_sample.tsv and holdout2_sample.tsv (the article-extraction pages are all taken), with
at least four quote marks so that attribution is tested; 16 politics, 6 business, 4 each of
entertainment, sport and tech.

Usage: python3 tests/gold/select_holdout3.py CORPORA_DIR   (holding bbc/)
Annotated by helpers who never saw saidby's output, after holdout2 was opened for development;
scored only as a whole, for the closing estimate.
"""
import random
import sys
from pathlib import Path

SEED = 20261203
COUNTS = {"politics": 16, "business": 6, "entertainment": 4, "sport": 4, "tech": 4}


def taken(here: Path, *tables: str) -> set:
    return {l.split("\t")[0] for t in tables for l in open(here / t) if not l.startswith("#")}


def pick(corpora: Path, name: str, seed: int, exclude: tuple) -> None:
    """Writes NAME/ (the articles) and NAME_sample.tsv beside this script."""
    here = Path(__file__).resolve().parent
    out = here / name
    out.mkdir(exist_ok=True)
    used = taken(here, *exclude)
    rng = random.Random(seed)
    rows = []
    for topic, n in COUNTS.items():
        pool = sorted(
            p
            for p in (corpora / "bbc" / topic).glob("*.txt")
            if p.stem not in used and p.read_text().count('"') >= 4
        )
        for p in sorted(rng.sample(pool, n)):
            (out / p.name).write_text(p.read_text())
            rows.append((p.stem, f"bbc/{topic}"))
    with open(here / f"{name}_sample.tsv", "w") as f:
        f.write(f"# seed={seed}\ndoc_id\tsource\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main() -> None:
    pick(
        Path(sys.argv[1]),
        "holdout3",
        SEED,
        ("bbc_sample.tsv", "holdout_sample.tsv", "holdout2_sample.tsv"),
    )


if __name__ == "__main__":
    main()
