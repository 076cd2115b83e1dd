#!/usr/bin/env bash
# The import graph of src/extract/ (issue #18): one line per module with the
# sibling modules it imports (`super::x`, `super::x::{..}`, `super::{x, ..}`
# naming a module), then the import circles (strongly connected components of
# more than one module). Usage: bash bench/import_graph.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-src/extract}"
python3 - "$dir" <<'PY'
import os, re, sys
d = sys.argv[1]
mods = {}
for root, _, files in os.walk(d):
    for f in files:
        if f.endswith(".rs"):
            rel = os.path.relpath(os.path.join(root, f), d)[:-3]
            name = rel.replace("/mod", "").replace("/", "::")
            mods["mod" if name == "mod" else name] = os.path.join(root, f)
names = {m.split("::")[0] for m in mods if m != "mod"}
graph = {}
for m, path in sorted(mods.items()):
    src = open(path, encoding="utf-8").read()
    if "::" in m:
        # A stage's own submodule: its `super::` is the stage, `super::super::` extract/.
        src = src.replace("super::super::", "crate::extract::").replace("super::", "stage::")
    deps = set()
    for x in re.findall(r"super::(\w+)", src):
        if x in names and x != m.split("::")[0]:
            deps.add(x)
    for grp in re.findall(r"super::\{([^}]*)\}", src):
        for x in re.findall(r"\b(\w+)\b", grp):
            if x in names and x != m.split("::")[0]:
                deps.add(x)
    for x in re.findall(r"crate::extract::(\w+)", src):
        if x in names and x != m.split("::")[0]:
            deps.add(x)
    graph[m] = sorted(deps)
    print(f"{m:12} -> {', '.join(graph[m])}")
# Tarjan's strongly connected components.
index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in graph.get(v, []):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        if len(c) > 1: sccs.append(sorted(c))
for v in graph:
    if v not in index and v != "mod":
        visit(v)
edges = sum(len(v) for k, v in graph.items() if k != "mod")
print(f"{edges} imports between modules; circles: {len(sccs)}")
for c in sccs:
    print("  circle of", len(c), ":", " ".join(c))
PY
