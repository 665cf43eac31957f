#!/usr/bin/env python3
"""Pick the development gold articles from the BBC corpus at random, reproducibly.

Usage: python3 tests/gold/select_bbc.py /path/to/corpora/bbc
Copies the chosen articles into tests/gold/bbc/ and lists them in tests/gold/bbc_sample.tsv.
The seed is fixed so that anyone can check the choice was random and not cherry-picked.
"""
import random
import shutil
import sys
from pathlib import Path

SEED = 20261201
PER_CATEGORY = {"politics": 30, "business": 5, "entertainment": 5, "sport": 5, "tech": 5}

def main() -> None:
    corpus = Path(sys.argv[1])
    here = Path(__file__).resolve().parent
    out = here / "bbc"
    out.mkdir(exist_ok=True)
    rng = random.Random(SEED)
    rows = []
    for category, n in PER_CATEGORY.items():
        files = sorted(p.name for p in (corpus / category).glob("*.txt"))
        for name in rng.sample(files, n):
            shutil.copyfile(corpus / category / name, out / name)
            rows.append((name[:-4], category))
    with open(here / "bbc_sample.tsv", "w") as f:
        f.write(f"# seed={SEED} per_category={PER_CATEGORY}\n")
        f.write("doc_id\tcategory\n")
        for doc_id, category in rows:
            f.write(f"{doc_id}\t{category}\n")

if __name__ == "__main__":
    main()
