#!/usr/bin/env python3
"""Build data/lexicon/common_words.txt: lower-case English words common in news text.

A capitalised word whose lower-case form is common ("Officials", "Key", "Jeweller") at the start
of a sentence is no name; a capitalised word that is not common ("Burton", "Interfax") standing
next to a cue verb can be one. The list is every word seen in lower case at least MIN times in
a news corpus (the BBC News dataset, MIT licence), in sorted order.

Usage: python3 scripts/build_common_words.py /path/to/corpora/bbc > data/lexicon/common_words.txt
"""
import collections
import re
import sys
from pathlib import Path

MIN = 3


def main() -> None:
    counts = collections.Counter()
    for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for w in re.findall(r"(?<![\w'’])[a-z][a-z'’-]*[a-z]|(?<![\w'’])[a-z](?![\w'’])", text):
            counts[w] += 1
    print("# Lower-case words seen at least %d times in the BBC News dataset (MIT licence)." % MIN)
    print("# Built by scripts/build_common_words.py; one word per line.")
    for w in sorted(w for w, n in counts.items() if n >= MIN):
        print(w)


if __name__ == "__main__":
    main()
