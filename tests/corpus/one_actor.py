#!/usr/bin/env python3
"""Scores one-actor statements (object null: "X resigned", "protesters
marched") of the team corpus against the `one_actor` lists of its gold files.

    python3 tests/corpus/one_actor.py [--json] [DIR...]   (default: tests/corpus/en tests/corpus/fr)

A system statement with no object is correct when a `one_actor` gold event of
its document has the same subject (matched as ../shared/eval/score.py matches
entities: Wikidata id, label or alias), predicate and polarity. Precision is
over distinct (subject, predicate, polarity) statements, recall over the gold
events. The extractor runs through tests/corpus/extract.py (the gold file's
date and language). Python 3 standard library only.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str((ROOT / ".." / "shared" / "eval").resolve()))
from score import Gold  # noqa: E402  (the shared scorer's entity matching)


def system_one_actor(text):
    env = dict(os.environ, AG_KEEP_ONE_ACTOR="1")
    out = subprocess.run([sys.executable, str(HERE / "extract.py"), str(text)],
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"one_actor.py: extract.py {text} failed: {out.stderr[-400:]}")
    sts = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    return [st for st in sts if st.get("object") is None]


def score_dir(d):
    correct = system = found = events = 0
    rows = []
    for gold_path in sorted(Path(d).glob("*.gold.json")):
        gold = Gold(gold_path)
        wanted = json.loads(gold_path.read_text(encoding="utf-8")).get("one_actor", [])
        text = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        seen = set()
        hit = set()
        for st in system_one_actor(text):
            keys = gold.keys_for(st["subject"])
            ident = (tuple(sorted(keys)) or st["subject"].get("label"), st["predicate"],
                     st.get("polarity", "positive"))
            if ident in seen:
                continue
            seen.add(ident)
            match = [i for i, g in enumerate(wanted)
                     if g["s"] in keys and g["p"] == st["predicate"]
                     and g.get("polarity", "positive") == ident[2]]
            hit |= set(match)
            rows.append((gold_path.name, "correct" if match else "wrong",
                         st["subject"].get("label"), st["predicate"], ident[2]))
        correct += sum(1 for r in rows[len(rows) - len(seen):] if r[1] == "correct")
        system += len(seen)
        found += len(hit)
        events += len(wanted)
    p = correct / system if system else 0.0
    r = found / events if events else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"dir": str(d), "system": system, "correct": correct, "gold": events,
            "found": found, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4)}, rows


def main(argv):
    as_json = "--json" in argv
    dirs = [a for a in argv if a != "--json"] or [str(HERE / "en"), str(HERE / "fr")]
    for d in dirs:
        total, rows = score_dir(d)
        if as_json:
            print(json.dumps(total))
            continue
        for r in rows:
            print("  ".join(str(x) for x in r))
        print(f"{d}: one-actor precision {total['precision']:.3f} recall {total['recall']:.3f} "
              f"(system {total['system']}, correct {total['correct']}, gold {total['gold']}, found {total['found']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
