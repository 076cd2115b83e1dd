#!/usr/bin/env python3
"""Counts what the corpus gold covers: PLOVER types, negation, modality, attribution.

    python3 tests/corpus/stats.py tests/corpus/en tests/corpus/fr

Prints a Markdown table (statements per PLOVER type: required / all, per
directory) and the counts of the other phenomena. Python 3 standard library only.
"""
import json
import sys
from collections import Counter
from pathlib import Path

PLOVER = {
    "meets": "CONSULT", "visits": "CONSULT", "supports": "SUPPORT", "agreesWith": "AGREE",
    "cooperatesWith": "COOPERATE", "aids": "AID", "concedesTo": "CONCEDE",
    "withdrawsFrom": "RETREAT", "demandsFrom": "REQUEST", "criticizes": "ACCUSE",
    "accuses": "ACCUSE", "rejects": "REJECT", "opposes": "REJECT", "threatens": "THREATEN",
    "protests": "PROTEST", "boycotts": "SANCTION", "sanctions": "SANCTION",
    "mobilizesAgainst": "MOBILIZE", "pressures": "COERCE", "represses": "COERCE",
    "attacks": "ASSAULT",
}
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def count(directory):
    req, allst, other = Counter(), Counter(), Counter()
    for path in sorted(Path(directory).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        other["documents"] += 1
        lines = Path(path.parent / gold["text"]).read_text(encoding="utf-8").splitlines()
        other["paragraphs"] += sum(1 for line in lines[1:] if line.strip())
        for st in gold["statements"]:
            kind = PLOVER.get(st["p"], "(structural)")
            allst[kind] += 1
            other["statements"] += 1
            if st.get("required"):
                req[kind] += 1
                other["required"] += 1
            if st.get("polarity") == "negative":
                other["negative"] += 1
            if st.get("modality"):
                other["modality " + st["modality"]] += 1
            if st.get("attributed_to"):
                other["attributed"] += 1
        other["forbidden"] += len(gold.get("forbidden", []))
        other["one-actor (not scored)"] += len(gold.get("one_actor", []))
    return req, allst, other


def main(dirs):
    data = [(d, *count(d)) for d in dirs]
    print("| PLOVER | " + " | ".join(f"{Path(d).name} required / all" for d in dirs) + " |")
    print("|---|" + "---|" * len(dirs))
    for kind in TYPES + ["(structural)"]:
        print(f"| {kind} | " + " | ".join(f"{r[kind]} / {a[kind]}" for _, r, a, _ in data) + " |")
    print()
    keys = sorted({k for *_, o in data for k in o})
    print("| | " + " | ".join(Path(d).name for d in dirs) + " |")
    print("|---|" + "---|" * len(dirs))
    for k in keys:
        print(f"| {k} | " + " | ".join(str(o[k]) for *_, o in data) + " |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/corpus/en", "tests/corpus/fr"])
