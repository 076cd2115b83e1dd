#!/usr/bin/env python3
"""Runs the shared scorers and fails when a score falls below its floor.

Floors: dev gold F1 >= 0.85 with zero forbidden statements (the foundation
issue asks 0.60; we keep the level reached so that regressions fail CI),
modality/attribution accuracy >= 0.6 (2 of the 3 dev checks; the third is
capped by the scorer, which checks only the first statement of an identity),
and F1 >= 0.50 on each English peer suite (issue #3's acceptance floor).
The team's own corpus (tests/corpus/en, tests/corpus/fr, issue #14) must keep
its F1 within 0.05 of the level measured when it was written, with no more
forbidden statements than then."""
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = (ROOT / ".." / "shared" / "eval").resolve()
BIN = os.environ.get("AG_BIN") or str(Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "actorgraph")

DEV_F1 = float(os.environ.get("AG_DEV_F1_FLOOR", "0.85"))
DEV_MOD = float(os.environ.get("AG_DEV_MODALITY_FLOOR", "0.6"))
DEV_ATT = float(os.environ.get("AG_DEV_ATTRIBUTION_FLOOR", "0.6"))
PEER = {
    "plover_gsr_cameo.en.jsonl": float(os.environ.get("AG_PEER_PLOVER_FLOOR", "0.50")),
    "petr2_gsr_validation.en.jsonl": float(os.environ.get("AG_PEER_PETR2_FLOOR", "0.50")),
}
# tests/corpus/LANG: (F1 floor, most forbidden statements allowed); measured
# 2026-12-07 (session 17) on main: en F1 0.813, 0 forbidden; fr F1 0.803,
# 0 forbidden.
CORPUS = {
    "en": (float(os.environ.get("AG_CORPUS_EN_F1_FLOOR", "0.79")),
           int(os.environ.get("AG_CORPUS_EN_FORBIDDEN_MAX", "0"))),
    "fr": (float(os.environ.get("AG_CORPUS_FR_F1_FLOOR", "0.77")),
           int(os.environ.get("AG_CORPUS_FR_FORBIDDEN_MAX", "0"))),
}


def run(args):
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"scorer failed: {' '.join(args)}\n{out.stderr}")
    return json.loads(out.stdout)


def main():
    if not EVAL.is_dir():
        sys.exit(f"no evaluation kit at {EVAL}")
    failures = []
    dev = run([sys.executable, str(EVAL / "score.py"), "--dir", str(EVAL / "dev"),
               "--cmd", f"{BIN} extract --format jsonl {{text}}", "--json"])["total"]
    print(f"dev gold: precision {dev['precision']} recall {dev['recall']} f1 {dev['f1']} "
          f"forbidden {dev['forbidden']} modality {dev['modality_accuracy']} attribution {dev['attribution_accuracy']}")
    if dev["f1"] < DEV_F1:
        failures.append(f"dev F1 {dev['f1']} < {DEV_F1}")
    if dev["forbidden"] != 0:
        failures.append(f"{dev['forbidden']} forbidden statement(s)")
    if (dev["modality_accuracy"] or 0) < DEV_MOD:
        failures.append(f"modality accuracy {dev['modality_accuracy']} < {DEV_MOD}")
    if (dev["attribution_accuracy"] or 0) < DEV_ATT:
        failures.append(f"attribution accuracy {dev['attribution_accuracy']} < {DEV_ATT}")
    # tests/corpus/extract.py gives each document its gold file's date and language.
    os.environ["AG_BIN"] = BIN
    for lang, (floor, most) in CORPUS.items():
        c = run([sys.executable, str(EVAL / "score.py"), "--dir", str(ROOT / "tests" / "corpus" / lang),
                 "--cmd", f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'tests' / 'corpus' / 'extract.py'))} {{text}}",
                 "--json"])["total"]
        print(f"corpus {lang}: precision {c['precision']} recall {c['recall']} f1 {c['f1']} "
              f"forbidden {c['forbidden']} modality {c['modality_accuracy']} attribution {c['attribution_accuracy']}")
        if c["f1"] < floor:
            failures.append(f"corpus {lang} F1 {c['f1']} < {floor}")
        if c["forbidden"] > most:
            failures.append(f"corpus {lang}: {c['forbidden']} forbidden statement(s) > {most}")
    # One-actor statements (object null), which score.py cannot judge, against
    # the corpus gold files' `one_actor` lists: reported, no floor yet.
    for line in subprocess.run([sys.executable, str(ROOT / "tests" / "corpus" / "one_actor.py"), "--json"],
                               capture_output=True, text=True, check=True).stdout.splitlines():
        o = json.loads(line)
        print(f"corpus {Path(o['dir']).name} one-actor: precision {o['precision']} recall {o['recall']} "
              f"(system {o['system']}, gold {o['gold']})")
    for suite, floor in PEER.items():
        r = run([sys.executable, str(EVAL / "score_events.py"), str(EVAL / "peer" / suite),
                 "--cmd", f"{BIN} extract --format jsonl {{input}}", "--json"])
        print(f"{suite}: precision {r['precision']} recall {r['recall']} f1 {r['f1']} "
              f"(gold {r['gold_events']}, system {r['system_events']})")
        if r["f1"] < floor:
            failures.append(f"{suite} F1 {r['f1']} < {floor}")
    if failures:
        sys.exit("score floors not met: " + "; ".join(failures))
    print("score floors met")


if __name__ == "__main__":
    main()
