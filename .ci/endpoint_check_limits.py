#!/usr/bin/env python3
"""Hostile queries against `actorgraph serve` on a store of a few million
quads: each must answer within 1 s of its deadline (or be refused at once),
its evaluation must really end (the server's CPU time stops growing and its
thread count comes back), and ten of them at once must keep the server's
peak RSS under the bound of --max-concurrent-queries x --max-query-memory.

usage: endpoint_check_limits.py AG_BIN WORKDIR [--quads N] [--before] [--only TEXT]
--before: measure a server without the limit options (an older build):
prints the numbers, checks nothing. --only: the shapes whose name has TEXT.
"""
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

TIMEOUT = 2
MEMORY_MIB = 256
SLOTS = 4
# Server memory besides the queries' budgets (RocksDB caches, connections).
BASE_MIB = 400

# (name, query, what must happen: "stop" (answer, and end the evaluation,
# within 1 s of the deadline) or "refuse" (a 400 at once)).
SHAPES = [
    ("ORDER BY over a cartesian product",
     "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", "stop"),
    ("ORDER BY over a product of two properties",
     "SELECT ?a ?d WHERE { ?a <urn:p1> ?c . ?d <urn:p2> ?f } ORDER BY ?c ?f", "stop"),
    ("CONSTRUCT over a product of two properties",
     "CONSTRUCT { ?a <urn:q> ?f } WHERE { ?a <urn:p1> ?c . ?d <urn:p2> ?f }", "stop"),
    ("CONSTRUCT over a cartesian product",
     "CONSTRUCT { ?a <urn:q> ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", "stop"),
    ("COUNT over a triple cartesian product",
     "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "stop"),
    ("GROUP_CONCAT over a cartesian product",
     "SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?f))) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f }", "stop"),
    ("hash join on an unselective key",
     "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?c . ?d ?p ?f . ?g ?p ?i }", "stop"),
    ("(<p1>|<p2>)+ from a variable of a triple",
     "SELECT ?a ?b ?c WHERE { ?a <urn:p3> ?c . ?a (<urn:p1>|<urn:p2>)+ ?b . ?b ?d ?e }", "stop"),
    ("(<p1>|<p2>)* from a variable of a triple",
     "SELECT (COUNT(*) AS ?n) WHERE { ?a <urn:p3> ?c . ?a (<urn:p1>|<urn:p2>)* ?b . ?b ?p ?o }", "stop"),
    ("(!<urn:x>)* between two variables",
     "SELECT ?a ?b WHERE { ?a (!<urn:x>)* ?b }", "refuse"),
    ("(!<urn:x>)* from a constant",
     "SELECT (COUNT(*) AS ?n) WHERE { <urn:n0> (!<urn:x>)* ?b . ?b ?p ?o }", "refuse"),
    ("(<p1>|<p2>)* between two variables",
     "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:p1>|<urn:p2>)* ?b }", "refuse"),
    ("(<p0>|...|<p9>)+ between two variables",
     "SELECT (COUNT(*) AS ?n) WHERE { ?a (" + "|".join(f"<urn:p{i}>" for i in range(10)) + ")+ ?b }",
     "refuse"),
]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def generate(path, n):
    """n quads: a random graph of n/4 nodes over 20 predicates, a quarter
    literals, in 100 named graphs."""
    rnd = random.Random(7)
    nodes = max(n // 4, 10)
    with open(path, "w") as f:
        buf = []
        for i in range(n):
            s = i % nodes
            p = rnd.randrange(20)
            if i % 4 == 3:
                o = f'"value {i} of node {s}"'
            else:
                o = f"<urn:n{rnd.randrange(nodes)}>"
            buf.append(f"<urn:n{s}> <urn:p{p}> {o} <urn:g{i % 100}> .\n")
            if len(buf) == 100_000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))


class Server:
    def __init__(self, ag, store, extra):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [ag, "serve", "--store", store, "--bind", f"127.0.0.1:{self.port}"] + extra,
            stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/health", timeout=2).read()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("server did not start")

    def status(self, key):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def cpu(self):
        """CPU seconds of the server's threads but RocksDB's own (their
        compactions after the load are not query work)."""
        total = 0
        for task in os.listdir(f"/proc/{self.proc.pid}/task"):
            try:
                with open(f"/proc/{self.proc.pid}/task/{task}/stat") as f:
                    head, fields = f.read().rsplit(")", 1)
            except OSError:
                continue  # the thread ended
            if "(rocksdb:" in head:
                continue
            fields = fields.split()
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


def query(base, q, timeout=TIMEOUT + 120):
    url = base + "/sparql?query=" + urllib.parse.quote(q)
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json, text/turtle"})
    t = time.time()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            return r.status, b"", t
    except urllib.error.HTTPError as e:
        return e.code, e.read(), t
    except OSError as e:
        return 0, str(e).encode(), t


def settle(srv, cap, rss_cap_kib):
    """Polls until the server's CPU time stops growing (0.6 s without a
    tick): returns when it last grew, and whether the cap was hit."""
    last_cpu, last_busy = srv.cpu(), time.time()
    end = time.time() + cap
    while time.time() < end:
        time.sleep(0.05)
        if srv.proc.poll() is not None:
            return last_busy, "server died"
        c = srv.cpu()
        if c > last_cpu:
            last_cpu, last_busy = c, time.time()
        elif time.time() - last_busy > 0.6:
            return last_busy, ""
        if srv.status("VmRSS") > rss_cap_kib:
            return time.time(), f"RSS over {rss_cap_kib >> 20} GiB, killed"
    return time.time(), f"still busy after {cap} s, killed"


def main():
    ag, work = sys.argv[1], sys.argv[2]
    n = int(sys.argv[sys.argv.index("--quads") + 1]) if "--quads" in sys.argv else 2_000_000
    before = "--before" in sys.argv
    os.makedirs(work, exist_ok=True)
    store = os.path.join(work, "store")
    if not os.path.exists(store):
        nq = os.path.join(work, "data.nq")
        t = time.time()
        generate(nq, n)
        with open(os.path.join(work, "token"), "w") as f:
            f.write("limits-check-token\n")
        srv = Server(ag, store, ["--allow-update", "--token-file", os.path.join(work, "token"),
                                 "--max-body", str(1 << 30)])
        with open(nq, "rb") as f:
            data = f.read()
        req = urllib.request.Request(srv.base + "/store", data=data, method="POST", headers={
            "Content-Type": "application/n-quads", "Authorization": "Bearer limits-check-token"})
        urllib.request.urlopen(req, timeout=600).read()
        srv.proc.send_signal(signal.SIGINT)
        srv.proc.wait()
        os.remove(nq)
        print(f"loaded {n} quads in {time.time() - t:.1f} s")
    extra = ["--timeout", str(TIMEOUT)]
    if not before:
        extra += ["--max-query-memory", f"{MEMORY_MIB}M", "--max-concurrent-queries", str(SLOTS)]
    bound_mib = BASE_MIB + SLOTS * MEMORY_MIB
    fails = []
    print(f"{'shape':40} {'status':>6} {'answer':>8} {'stop':>8} {'peak RSS':>9}  (seconds after the {TIMEOUT} s deadline)")
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    for name, q, expect in SHAPES:
        if only not in name:
            continue
        srv = Server(ag, store, extra)
        # RocksDB may compact after the load: start from an idle server.
        settle(srv, 120, 6 << 20)
        threads = srv.status("Threads")
        status, body, t0 = query(srv.base, q)
        answered = time.time()
        stopped, note = settle(srv, 60, 6 << 20)
        deadline = t0 + TIMEOUT
        peak = srv.status("VmHWM") >> 10
        settled_threads = srv.status("Threads")
        srv.stop()
        print(f"{name:40} {status:>6} {answered - deadline:>+8.2f} {stopped - deadline:>+8.2f} {peak:>6} MiB  {note}")
        if before:
            continue
        if expect == "refuse":
            ok = status == 400 and answered - t0 < 1.0
        else:
            # 200: done in time; 503: stopped. Either way, over within 1 s.
            ok = status in (200, 503) and answered - deadline < 1.0 and stopped - deadline < 1.0
        if not ok or note:
            fails.append(f"{name}: {status} {body[:120]!r} {note}")
        if settled_threads > threads:
            fails.append(f"{name}: {settled_threads} threads after the stop, {threads} before")
        if peak > bound_mib:
            fails.append(f"{name}: peak RSS {peak} MiB over {bound_mib} MiB")
    if only:
        sys.exit(1 if fails else 0)
    # Ten hostile reads at once.
    srv = Server(ag, store, extra)
    settle(srv, 120, 6 << 20)
    results = []
    hostile = [q for _, q, expect in SHAPES if expect == "stop"]
    ts = [threading.Thread(target=lambda q=q: results.append(query(srv.base, q)))
          for q in (hostile * 2)[:10]]
    t = time.time()
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    last_answer = time.time() - t
    stopped, note = settle(srv, 120, 8 << 20)
    peak = srv.status("VmHWM") >> 10
    srv.stop()
    statuses = sorted(s for s, _, _ in results)
    print(f"ten at once: statuses {statuses}, last answer after {last_answer:.1f} s, "
          f"idle {stopped - t:.1f} s after the start, peak RSS {peak} MiB {note}")
    if not before:
        if peak > bound_mib or note:
            fails.append(f"ten at once: peak RSS {peak} MiB (bound {bound_mib} MiB) {note}")
        if any(s not in (200, 503) for s in statuses):
            fails.append(f"ten at once: statuses {statuses}")
    for f in fails:
        print("FAIL " + f)
    if fails:
        sys.exit(1)
    print("limit checks passed" if not before else "measured (no checks)")


if __name__ == "__main__":
    main()
