#!/usr/bin/env python3
"""Pick a second development gold set: English news articles from the article-extraction
benchmark (many outlets and countries, curly and straight quote marks), reproducibly.

Usage: python3 tests/gold/select_news.py /path/to/corpora/article-extraction
Writes tests/gold/news/<id>.txt (headline from the page's og:title or <title>, a blank line,
then the article body a person marked, paragraphs separated by blank lines) and news_sample.tsv.
"""
import gzip
import html
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261202
N = 24
# Pages that are not news reporting (blogs, deals lists, non-English) are left out by outlet.
NOT_NEWS = ("bigbrandsystem.com", "kabarislamia.com", "jeongdongtheater.com", "comoeducarseusfilhos", "ign.com/articles", "bgr.com")


def title_of(page: str) -> str:
    m = re.search(r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']*)', page) or re.search(r"<title[^>]*>(.*?)</title>", page, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def main() -> None:
    bench = Path(sys.argv[1])
    here = Path(__file__).resolve().parent
    truth = json.load(open(bench / "ground-truth.json"))
    eligible = []
    for key in sorted(truth):
        body, url = truth[key]["articleBody"], truth[key]["url"]
        marks = body.count('"') + body.count("“")
        cues = len(re.findall(r"\b(said|says|told)\b", body))
        if marks >= 4 and cues >= 2 and not any(n in url for n in NOT_NEWS):
            eligible.append(key)
    rng = random.Random(SEED)
    chosen = sorted(rng.sample(eligible, N))
    out = here / "news"
    out.mkdir(exist_ok=True)
    with open(here / "news_sample.tsv", "w") as f:
        f.write(f"# seed={SEED} n={N} of {len(eligible)} eligible pages\n")
        f.write("doc_id\turl\n")
        for key in chosen:
            page = gzip.open(bench / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
            paras = [p.strip() for p in truth[key]["articleBody"].split("\n") if p.strip()]
            doc_id = key[:12]
            (out / f"{doc_id}.txt").write_text(title_of(page) + "\n\n" + "\n\n".join(paras) + "\n")
            f.write(f"{doc_id}\t{truth[key]['url']}\n")


if __name__ == "__main__":
    main()
