#!/usr/bin/env python3
"""Writes the benchmark inputs: the BBC corpus as JSONL, repeated with distinct ids.

    python3 bench/make_corpus.py CORPUS_DIR OUT_DIR 2000 20000 200000

CORPUS_DIR is the BBC News dataset (one article per .txt file in topic folders). Each output
OUT_DIR/bbc-N.jsonl holds N documents: the corpus's articles in sorted path order, repeated as
often as needed, the k-th repetition of article "business/001" having id "business/001#k".
Each line is {"id", "text"}, the text being the file as saidby would read it as .txt.
OUT_DIR/bbc-N.json records the number of documents and of text bytes (UTF-8) for the
throughput figures. Existing files made from the same corpus are kept.
"""

import hashlib
import json
import pathlib
import sys


def articles(root):
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    out = []
    for p in files:
        text = p.read_bytes().decode("utf-8", "replace")
        if text.startswith("\ufeff"):
            text = "   " + text[1:]
        out.append((p.relative_to(root).with_suffix("").as_posix(), text))
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    root = pathlib.Path(sys.argv[1])
    out_dir = pathlib.Path(sys.argv[2])
    sizes = [int(n) for n in sys.argv[3:]]
    docs = articles(root)
    if not docs:
        sys.exit(f"make_corpus: no .txt articles under {root}")
    digest = hashlib.sha256()
    for doc_id, text in docs:
        digest.update(doc_id.encode() + b"\0" + text.encode() + b"\0")
    stamp = digest.hexdigest()
    out_dir.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        path = out_dir / f"bbc-{n}.jsonl"
        meta_path = out_dir / f"bbc-{n}.json"
        if path.exists() and meta_path.exists():
            meta = json.loads(meta_path.read_text())
            if meta.get("corpus") == stamp and path.stat().st_size == meta.get("file_bytes"):
                continue
        text_bytes = 0
        tmp = path.with_suffix(".jsonl.partial")
        with open(tmp, "w", encoding="utf-8") as f:
            for i in range(n):
                doc_id, text = docs[i % len(docs)]
                text_bytes += len(text.encode("utf-8"))
                rec = {"id": f"{doc_id}#{i // len(docs)}", "text": text}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        tmp.rename(path)
        meta = {
            "documents": n,
            "text_bytes": text_bytes,
            "file_bytes": path.stat().st_size,
            "corpus_articles": len(docs),
            "corpus": stamp,
        }
        meta_path.write_text(json.dumps(meta, indent=1) + "\n")
        print(f"make_corpus: wrote {path} ({n} documents, {text_bytes / 1e6:.1f} MB of text)",
              file=sys.stderr)


if __name__ == "__main__":
    main()
