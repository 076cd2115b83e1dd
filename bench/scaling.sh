#!/usr/bin/env bash
# Scaling of extraction with the length of ONE document (issue #15): time and
# peak memory of `actorgraph extract --threads 1` on
#   * N copies (N = 50 100 200 400 800) of bench/scaling_paragraph.txt in one
#     document, paragraphs separated by a blank line;
#   * one sentence of 10 KB, 100 KB and 1 MB with no punctuation (the same
#     paragraph's words, punctuation removed, repeated on one line).
# Usage: bash bench/scaling.sh [BINARY...]   (default: the release build)
# Several binaries (e.g. one built from an older commit) are measured side by
# side. Needs /usr/bin/time (Debian package `time`). Inputs go to a temporary
# directory; nothing is built here.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  set -- "${CARGO_TARGET_DIR:-$HOME/.cache/actorgraph-target}/release/actorgraph"
fi
if [ ! -x /usr/bin/time ]; then
  echo "installing time" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi
ns="${SCALING_NS:-50 100 200 400 800}"
sizes="${SCALING_SIZES:-10000 100000 1000000}"
limit="${SCALING_TIMEOUT:-600}"
# Optional address-space cap in KB (the quadratic-memory code reached 16 GB).
[ -n "${SCALING_MAX_KB:-}" ] && ulimit -v "$SCALING_MAX_KB"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
para=bench/scaling_paragraph.txt
for n in $ns; do
  for _ in $(seq "$n"); do cat "$para"; echo; done > "$dir/copies-$n.txt"
done
# No sentence end: no punctuation at all and no line break.
tr -d '[:punct:]' < "$para" | tr '\n' ' ' > "$dir/words"
for b in $sizes; do
  : > "$dir/flat-$b.txt"
  while [ "$(stat -c %s "$dir/flat-$b.txt")" -lt "$b" ]; do cat "$dir/words" >> "$dir/flat-$b.txt"; done
  head -c "$b" "$dir/flat-$b.txt" | sed 's/ [^ ]*$//' > "$dir/t" && mv "$dir/t" "$dir/flat-$b.txt"
done
printf '%-12s %-10s %10s %10s %12s %10s  %s\n' input bytes words seconds "peak MB" statements binary
for f in $(for n in $ns; do echo "copies-$n"; done) $(for b in $sizes; do echo "flat-$b"; done); do
  in="$dir/$f.txt"
  for bin in "$@"; do
    status=0
    timeout "$limit" /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" extract --threads 1 --format jsonl "$in" \
      > "$dir/out" 2> "$dir/err" || status=$?
    if [ "$status" -eq 124 ]; then
      secs=">$limit"; mb="-"
    elif [ "$status" -ne 0 ] && ! grep -q . "$dir/time"; then
      secs="failed"; mb="-"
    elif [ "$status" -gt 128 ] || grep -q "memory allocation" "$dir/err"; then
      secs="failed"; mb="(cap)"
    else
      read -r secs kb < <(tail -1 "$dir/time"); mb=$((kb / 1024))
    fi
    printf '%-12s %-10s %10s %10s %12s %10s  %s\n' "$f" "$(stat -c %s "$in")" "$(wc -w < "$in")" \
      "$secs" "$mb" "$(wc -l < "$dir/out")" "$bin"
    grep -m1 "split" "$dir/err" | sed 's/^/             note: /' || true
  done
done
