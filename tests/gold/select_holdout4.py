#!/usr/bin/env python3
"""Pick a fourth, blind check set, reproducibly, the way select_holdout3.py picked the third:
BBC articles in none of bbc_sample.tsv, holdout_sample.tsv, holdout2_sample.tsv and
holdout3_sample.tsv, with at least four quote marks; 16 politics, 6 business, 4 each of
entertainment, sport and tech.

Usage: python3 tests/gold/select_holdout4.py CORPORA_DIR   (holding bbc/)
Annotated by helpers who never saw saidby's output, after holdout3 was opened for development;
scored only as a whole, for the closing estimate.
"""
import sys
from pathlib import Path

from select_holdout3 import pick

SEED = 20261204

if __name__ == "__main__":
    pick(
        Path(sys.argv[1]),
        "holdout4",
        SEED,
        ("bbc_sample.tsv", "holdout_sample.tsv", "holdout2_sample.tsv", "holdout3_sample.tsv"),
    )
