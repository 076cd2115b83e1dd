#!/usr/bin/env bash
# Byte-identity of extraction output between two builds (issues #15, #18).
# Builds nothing: give it binaries.
#
#   bash bench/same_output.sh OLD_BIN NEW_BIN     run both and diff
#   bash bench/same_output.sh --save DIR BIN      save BIN's outputs in DIR
#   bash bench/same_output.sh --against DIR BIN   diff BIN's outputs with DIR
#
# Inputs: the dev gold texts and every peer suite of ../shared/eval, the
# example articles, the team corpus (tests/corpus), and the generated benchmark corpus bench/corpus-1k.jsonl.gz
# (made by `gen_corpus 1000`, see bench/run.sh; skipped with a warning when
# absent). Each is extracted with `--format jsonl --threads 1`; exit status 0
# when every output is identical, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { sed -n '2,13p' "$0" >&2; exit 2; }
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
mode=pair
case "$1" in
  --save) mode=save; out_dir="$2"; bin_new="$3" ;;
  --against) mode=against; out_dir="$2"; bin_new="$3" ;;
  *) [ $# -eq 2 ] || usage; bin_old="$1"; bin_new="$2" ;;
esac
eval_dir=../shared/eval
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Inputs: name -> file.
declare -A inputs
for f in "$eval_dir"/dev/*.txt examples/*.txt; do
  [ -f "$f" ] && inputs["$(basename "$f" .txt)"]="$f"
done
for f in "$eval_dir"/peer/*.jsonl; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .jsonl)
  # The corpus form score_events.py gives the extractor (id, text, date, lang).
  python3 - "$f" > "$work/$name.jsonl" <<'EOF'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        lang = r.get("lang") if r.get("lang") in ("fr", "en") else None
        print(json.dumps({"id": r["id"], "text": r["text"], "date": r.get("date"), "lang": lang}))
EOF
  inputs["peer-$name"]="$work/$name.jsonl"
done
# The team corpus (tests/corpus/{en,fr}), with each text's gold date and language.
for lang in en fr; do
  python3 - "tests/corpus/$lang" > "$work/team-$lang.jsonl" <<'PY'
import json, pathlib, sys
for t in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    g = json.loads(t.with_name(t.name[:-4] + ".gold.json").read_text(encoding="utf-8"))
    print(json.dumps({"id": t.name[:-4], "text": t.read_text(encoding="utf-8"),
                      "date": g.get("date"), "lang": g.get("lang", sys.argv[1][-2:])}))
PY
  inputs["team-$lang"]="$work/team-$lang.jsonl"
done
if [ -f bench/corpus-1k.jsonl.gz ]; then
  inputs[corpus-1k]=bench/corpus-1k.jsonl.gz
else
  echo "warning: bench/corpus-1k.jsonl.gz missing (gen_corpus 1000 bench/corpus-1k.jsonl.gz)" >&2
fi
run() { "$1" extract --threads 1 --format jsonl "$2" 2>/dev/null || true; }
status=0
[ "$mode" = save ] && mkdir -p "$out_dir"
for name in $(printf '%s\n' "${!inputs[@]}" | sort); do
  in="${inputs[$name]}"
  run "$bin_new" "$in" > "$work/new"
  case "$mode" in
    save) cp "$work/new" "$out_dir/$name.jsonl"; printf '%-40s %8s statements saved\n' "$name" "$(wc -l < "$work/new")"; continue ;;
    against) cp "$out_dir/$name.jsonl" "$work/old" ;;
    pair) run "$bin_old" "$in" > "$work/old" ;;
  esac
  if cmp -s "$work/old" "$work/new"; then
    printf '%-40s %8s statements  identical\n' "$name" "$(wc -l < "$work/new")"
  else
    printf '%-40s %8s statements  DIFFERENT (old %s)\n' "$name" "$(wc -l < "$work/new")" "$(wc -l < "$work/old")"
    diff "$work/old" "$work/new" | head -6 | cut -c1-200
    status=1
  fi
done
exit $status
