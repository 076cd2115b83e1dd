#!/usr/bin/env python3
"""Runs the extractor on one corpus text with the date and language of its gold file.

score.py has no per-document date or language option: it runs one command per
document with {text} replaced by the text path. This wrapper reads NAME.gold.json
beside NAME.txt and passes its `date` and `lang` to `actorgraph extract`, so that
roles by date ("the French president", "le ministre russe des Affaires
étrangères") resolve as they would for a dated news feed.

    python3 ../shared/eval/score.py --dir tests/corpus/en \
        --cmd 'python3 tests/corpus/extract.py {text}'

The binary is $AG_BIN, else target/release/actorgraph under $CARGO_TARGET_DIR
(or ./target). AG_NO_DATE=1 leaves the date out (to measure what it is worth).
One-actor statements (object null: "X resigned") are left out of the output:
score.py matches statements between two actors and cannot judge them;
tests/corpus/one_actor.py scores them against the gold files' `one_actor`
lists. AG_KEEP_ONE_ACTOR=1 keeps them.
Python 3 standard library only.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def binary():
    if os.environ.get("AG_BIN"):
        return os.environ["AG_BIN"]
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return str(target / "release" / "actorgraph")


def main(argv):
    if len(argv) != 1:
        print("usage: extract.py NAME.txt", file=sys.stderr)
        return 2
    text = Path(argv[0])
    gold_path = text.with_name(text.name[: -len(".txt")] + ".gold.json") if text.name.endswith(".txt") else None
    if gold_path is None or not gold_path.is_file():
        print(f"extract.py: no gold file beside {text}", file=sys.stderr)
        return 2
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        print(f"extract.py: {gold_path}: {err}", file=sys.stderr)
        return 2
    cmd = [binary(), "extract", "--format", "jsonl"]
    if gold.get("lang"):
        cmd += ["--lang", gold["lang"]]
    if gold.get("date") and not os.environ.get("AG_NO_DATE"):
        cmd += ["--date", gold["date"]]
    cmd.append(str(text))
    proc = subprocess.run(cmd, capture_output=True, text=True)
    sys.stderr.write(proc.stderr)
    keep = os.environ.get("AG_KEEP_ONE_ACTOR")
    for line in proc.stdout.splitlines():
        if keep or not line.strip() or json.loads(line).get("object") is not None:
            print(line)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
