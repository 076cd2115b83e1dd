# shellcheck shell=bash
# Starts throwaway SPARQL servers on 127.0.0.1 for tests. Source it, then:
#   trap stop_servers EXIT
#   start_virtuoso [DIR]   # exports VIRTUOSO_URL VIRTUOSO_PID VIRTUOSO_ISQL_PORT VIRTUOSO_DIR (dba/dba)
#   start_oxigraph [DIR]   # exports OXIGRAPH_URL OXIGRAPH_PID OXIGRAPH_DIR (--union-default-graph)
# Without DIR a mktemp -d directory is used (not removed by stop_servers).
# Installs virtuoso-opensource-7 (apt) / oxigraph (pip) when missing.
# Facts about the endpoints (paths, auth, status codes): .ci/SERVERS.md

_sv_err() { echo "servers.sh: $*" >&2; }

_sv_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

_sv_now() { date +%s.%N; }
_sv_since() { awk -v a="$1" -v b="$(_sv_now)" 'BEGIN { printf "%.1f", b - a }'; }

_sv_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# _sv_wait NAME PID URL LOG: polls URL every 0.5 s until it answers 2xx (60 s max);
# on failure prints the tail of LOG.
_sv_wait() {
  local name=$1 pid=$2 url=$3 log=$4 i why
  for ((i = 0; i < 120; i++)); do
    if curl -sf -o /dev/null --max-time 2 "$url"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then why="exited during startup"; break; fi
    sleep 0.5
  done
  _sv_err "$name ${why:-not answering at $url after 60 s}; tail of $log:"
  tail -n 30 "$log" >&2 2>/dev/null || true
  return 1
}

ensure_virtuoso() {
  command -v virtuoso-t >/dev/null 2>&1 && return 0
  echo "servers.sh: installing virtuoso-opensource-7" >&2
  _sv_root apt-get update -qq >/dev/null
  _sv_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource-7 >/dev/null
  command -v virtuoso-t >/dev/null 2>&1 || { _sv_err "virtuoso-t still missing after install"; return 1; }
}

ensure_oxigraph() {
  command -v oxigraph >/dev/null 2>&1 && return 0
  echo "servers.sh: installing oxigraph (pip)" >&2
  if ! python3 -m pip --version >/dev/null 2>&1; then
    _sv_root apt-get update -qq >/dev/null
    _sv_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
  fi
  # A Debian system python refuses plain installs (PEP 668): fall back to --user, then --break-system-packages.
  python3 -m pip install -q oxigraph 2>/dev/null ||
    python3 -m pip install -q --user oxigraph 2>/dev/null ||
    python3 -m pip install -q --user --break-system-packages oxigraph
  hash -r
  if ! command -v oxigraph >/dev/null 2>&1; then
    export PATH="$HOME/.local/bin:$PATH"
    command -v oxigraph >/dev/null 2>&1 || { _sv_err "oxigraph still missing after pip install"; return 1; }
  fi
}

start_virtuoso() {
  local dir=${1:-} ini_src=/etc/virtuoso-opensource-7/virtuoso.ini http_port isql_port start
  [ -n "$dir" ] || dir=$(mktemp -d)
  dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
  ensure_virtuoso || return 1
  [ -r "$ini_src" ] || { _sv_err "missing $ini_src"; return 1; }
  http_port=$(_sv_free_port) && isql_port=$(_sv_free_port) || return 1
  while [ "$isql_port" = "$http_port" ]; do isql_port=$(_sv_free_port); done
  # Rewrite per section: file paths into DIR, ports bound to 127.0.0.1, DIR allowed, little memory.
  awk -v d="$dir" -v hp="$http_port" -v ip="$isql_port" '
    /^[ \t]*\[/ { sec = $0; gsub(/[][ \t]/, "", sec) }
    function set(v) { sub(/=.*/, "= " v) }
    sec == "Database" && /^[ \t]*(DatabaseFile|ErrorLogFile|LockFile|TransactionFile|xa_persistent_file)[ \t]*=/ {
      f = $0; sub(/.*\//, "", f); set(d "/" f) }
    sec == "TempDatabase" && /^[ \t]*(DatabaseFile|TransactionFile)[ \t]*=/ { f = $0; sub(/.*\//, "", f); set(d "/" f) }
    sec == "Parameters" && /^[ \t]*ServerPort[ \t]*=/ { set("127.0.0.1:" ip) }
    sec == "Parameters" && /^[ \t]*DirsAllowed[ \t]*=/ { set("., " d ", /usr/share/virtuoso-opensource-7/vad") }
    sec == "Parameters" && /^[ \t]*NumberOfBuffers[ \t]*=/ { set("10000") }
    sec == "Parameters" && /^[ \t]*MaxDirtyBuffers[ \t]*=/ { set("6000") }
    sec == "HTTPServer" && /^[ \t]*ServerPort[ \t]*=/ { set("127.0.0.1:" hp) }
    sec == "URIQA" && /^[ \t]*DefaultHost[ \t]*=/ { set("127.0.0.1:" hp) }
    sec == "SPARQL" && /^[ \t]*ResultSetMaxRows[ \t]*=/ { set("10000000") }
    { print }' "$ini_src" >"$dir/virtuoso.ini"
  start=$(_sv_now)
  # ErrorLogFile is DIR/virtuoso.log; the console (same lines, plus errors before the log opens) is virtuoso.out.
  (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini") >>"$dir/virtuoso.out" 2>&1 &
  VIRTUOSO_PID=$!
  export VIRTUOSO_PID VIRTUOSO_ISQL_PORT=$isql_port VIRTUOSO_URL="http://127.0.0.1:$http_port" VIRTUOSO_DIR=$dir
  _sv_wait virtuoso "$VIRTUOSO_PID" "$VIRTUOSO_URL/sparql?query=ASK%7B%7D" "$dir/virtuoso.out" || { stop_virtuoso; return 1; }
  echo "servers.sh: virtuoso up at $VIRTUOSO_URL (isql 127.0.0.1:$isql_port, pid $VIRTUOSO_PID) in $(_sv_since "$start") s" >&2
}

start_oxigraph() {
  local dir=${1:-} port start
  [ -n "$dir" ] || dir=$(mktemp -d)
  dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
  ensure_oxigraph || return 1
  port=$(_sv_free_port) || return 1
  start=$(_sv_now)
  oxigraph serve --location "$dir/data" --bind "127.0.0.1:$port" --union-default-graph >>"$dir/oxigraph.log" 2>&1 &
  OXIGRAPH_PID=$!
  export OXIGRAPH_PID OXIGRAPH_URL="http://127.0.0.1:$port" OXIGRAPH_DIR=$dir
  _sv_wait oxigraph "$OXIGRAPH_PID" "$OXIGRAPH_URL/query?query=ASK%7B%7D" "$dir/oxigraph.log" || { stop_oxigraph; return 1; }
  echo "servers.sh: oxigraph up at $OXIGRAPH_URL (pid $OXIGRAPH_PID) in $(_sv_since "$start") s" >&2
}

# _sv_kill PID: TERM, wait up to 10 s (polling every 0.1 s), then KILL. Only the given pid.
_sv_kill() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

stop_virtuoso() { if [ -n "${VIRTUOSO_PID:-}" ]; then _sv_kill "$VIRTUOSO_PID"; fi; unset VIRTUOSO_PID; }
stop_oxigraph() { if [ -n "${OXIGRAPH_PID:-}" ]; then _sv_kill "$OXIGRAPH_PID"; fi; unset OXIGRAPH_PID; }
stop_servers() { stop_virtuoso; stop_oxigraph; return 0; }
