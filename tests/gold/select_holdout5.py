#!/usr/bin/env python3
"""Pick a fifth, blind check set, reproducibly, the way select_holdout3.py picked the third:
BBC articles in none of the earlier samples (bbc, holdout, holdout2, holdout3, holdout4), with
at least four quote marks; 16 politics, 6 business, 4 each of entertainment, sport and tech.

Usage: python3 tests/gold/select_holdout5.py CORPORA_DIR   (holding bbc/)
Annotated by helpers who never saw saidby's output, after holdout4 was opened for development;
scored only as a whole, for the closing estimate.
"""
import sys
from pathlib import Path

from select_holdout3 import pick

SEED = 20261205

if __name__ == "__main__":
    pick(
        Path(sys.argv[1]),
        "holdout5",
        SEED,
        tuple(f"{name}_sample.tsv" for name in ("bbc", "holdout", "holdout2", "holdout3", "holdout4")),
    )
