#!/usr/bin/env python3
"""Checks a running `actorgraph serve` against the SPARQL 1.1 Protocol, with
raw HTTP (urllib) and a real SPARQL client (SPARQLWrapper).

usage: endpoint_check.py BASE_URL TOKEN TIMEOUT_SECONDS
Prints the median latency of 100 simple queries; exits 1 on any failure.
"""
import csv
import io
import json
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

BASE, TOKEN, TIMEOUT = sys.argv[1].rstrip("/"), sys.argv[2], float(sys.argv[3])
EP = BASE + "/sparql"
FAILS = []

COUNT = """PREFIX ag: <https://w3id.org/actorgraph/ontology#>
SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st ag:predicate ?p } GROUP BY ?p ORDER BY ?p"""


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILS.append(what)


def http(method, url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT + 30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def get_query(q, accept, extra=""):
    return http("GET", EP + "?query=" + urllib.parse.quote(q) + extra, headers={"Accept": accept})


# Health and service description.
s, h, b = http("GET", BASE + "/health")
check(s == 200 and json.loads(b)["status"] == "ok", "GET /health")
s, h, b = http("GET", EP, headers={"Accept": "text/turtle"})
check(s == 200 and h["content-type"].startswith("text/turtle") and b"sparql-service-description#Service" in b,
      "GET /sparql without a query gives a service description")

# SELECT in the four results formats give the same rows.
s, h, b = get_query(COUNT, "application/sparql-results+json")
check(s == 200 and h["content-type"].startswith("application/sparql-results+json"), "SELECT as JSON")
rows_json = {(r["p"]["value"], r["n"]["value"]) for r in json.loads(b)["results"]["bindings"]}
check(len(rows_json) > 3, f"JSON has rows ({len(rows_json)})")
s, h, b = get_query(COUNT, "application/sparql-results+xml")
ns = {"r": "http://www.w3.org/2005/sparql-results#"}
rows_xml = set()
for res in ET.fromstring(b).iter("{http://www.w3.org/2005/sparql-results#}result"):
    v = {x.get("name"): "".join(x.itertext()).strip() for x in res.findall("r:binding", ns)}
    rows_xml.add((v["p"], v["n"]))
check(s == 200 and rows_xml == rows_json, "SELECT as XML, same rows")
s, h, b = get_query(COUNT, "text/csv")
rows_csv = {(r["p"], r["n"]) for r in csv.DictReader(io.StringIO(b.decode()))}
check(s == 200 and h["content-type"].startswith("text/csv") and rows_csv == rows_json, "SELECT as CSV, same rows")
s, h, b = get_query(COUNT, "text/tab-separated-values")
lines = b.decode().strip().split("\n")
rows_tsv = {(p.strip("<>"), n.split("^^")[0].strip('"')) for p, n in (l.split("\t") for l in lines[1:])}
check(s == 200 and lines[0] == "?p\t?n" and rows_tsv == rows_json, "SELECT as TSV, same rows")
s, h, b = get_query(COUNT, "image/png")
check(s == 406, f"406 for an unsupported Accept (got {s})")

# POST forms of the protocol.
s, h, b = http("POST", EP, COUNT.encode(), {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
check(s == 200 and len(json.loads(b)["results"]["bindings"]) == len(rows_json), "POST application/sparql-query")
s, h, b = http("POST", EP, urllib.parse.urlencode({"query": COUNT}).encode(),
               {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
check(s == 200 and len(json.loads(b)["results"]["bindings"]) == len(rows_json), "POST form-encoded query")

# CONSTRUCT in RDF formats.
CONSTRUCT = "PREFIX ag: <https://w3id.org/actorgraph/ontology#> CONSTRUCT { ?s ag:meets ?o } WHERE { ?s ag:meets ?o }"
s, h, b = get_query(CONSTRUCT, "text/turtle")
check(s == 200 and h["content-type"].startswith("text/turtle") and b"ag:meets" in b, "CONSTRUCT as Turtle")
s, h, b = get_query(CONSTRUCT, "application/n-triples")
nt = [l for l in b.decode().split("\n") if l.strip()]
check(s == 200 and nt and all(l.endswith(" .") for l in nt), f"CONSTRUCT as N-Triples ({len(nt)} triples)")
s, h, b = get_query(CONSTRUCT, "application/ld+json")
check(s == 200 and isinstance(json.loads(b), (list, dict)), "CONSTRUCT as JSON-LD")
s, h, b = get_query(CONSTRUCT, "application/rdf+xml")
check(s == 200 and ET.fromstring(b) is not None, "CONSTRUCT as RDF/XML")

# Dataset from the protocol: the knowledge-base graph alone has no statements.
s, h, b = get_query(COUNT, "application/sparql-results+json",
                    "&default-graph-uri=" + urllib.parse.quote("https://w3id.org/actorgraph/graph/kb"))
check(s == 200 and json.loads(b)["results"]["bindings"] == [], "default-graph-uri restricts the dataset")

# Errors.
s, h, b = get_query("SELECT ?s WHERE { ?s ?p }", "application/sparql-results+json")
check(s == 400 and len(b) > 10, f"400 with the parser's message for a bad query: {b[:80]!r}")
UPDATE = 'INSERT DATA { GRAPH <http://example.org/check> { <http://example.org/a> <http://example.org/b> "c" } }'
for headers, want, what in [
    ({}, 403, "update without a token"),
    ({"Authorization": "Bearer wrong-" + TOKEN}, 403, "update with a wrong token"),
    ({"Authorization": "Bearer " + TOKEN}, 204, "update with the token"),
]:
    s, h, b = http("POST", BASE + "/update", UPDATE.encode(), {"Content-Type": "application/sparql-update", **headers})
    check(s == want, f"{what}: {want} (got {s})")
s, h, b = get_query("ASK { GRAPH <http://example.org/check> { ?s ?p \"c\" } }", "application/sparql-results+json")
check(s == 200 and json.loads(b)["boolean"] is True, "the update is visible")
s, h, b = http("DELETE", BASE + "/store?graph=" + urllib.parse.quote("http://example.org/check"),
               headers={"Authorization": "Bearer " + TOKEN})
check(s == 204, f"Graph Store DELETE with the token (got {s})")
s, h, b = http("DELETE", BASE + "/store?graph=" + urllib.parse.quote("http://example.org/check"))
check(s == 403, f"Graph Store DELETE without a token: 403 (got {s})")
big = b"x" * (2 * 1024 * 1024)
s, h, b = http("POST", EP, big, {"Content-Type": "application/sparql-query"})
check(s == 413, f"413 for a body over --max-body (got {s})")

# CORS: only the origin given with --cors-origin (endpoint_check starts the
# server with http://editor.example) may read answers from a web page.
s, h, b = http("OPTIONS", EP, headers={"Origin": "http://editor.example", "Access-Control-Request-Method": "POST"})
check(s == 204 and h.get("access-control-allow-origin") == "http://editor.example"
      and "Content-Type" in h.get("access-control-allow-headers", ""), "CORS preflight from the allowed origin")
s, h, b = http("GET", EP + "?query=" + urllib.parse.quote(COUNT),
               headers={"Accept": "application/sparql-results+json", "Origin": "http://editor.example"})
check(h.get("access-control-allow-origin") == "http://editor.example", "CORS header on results for the allowed origin")
s, h, b = http("OPTIONS", EP, headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
check(s == 403 and "access-control-allow-origin" not in h, f"CORS preflight from another origin: 403 (got {s})")
s, h, b = http("GET", EP + "?query=" + urllib.parse.quote(COUNT),
               headers={"Accept": "application/sparql-results+json", "Origin": "http://evil.example"})
check(s == 200 and "access-control-allow-origin" not in h, "no CORS header for another origin")

# Refused up front: SERVICE (501) and unbounded negated-path closures (400).
s, h, b = get_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "application/sparql-results+json")
check(s == 501 and b"SERVICE is not supported" in b, f"SERVICE: 501 (got {s} {b[:60]!r})")
s, h, b = get_query("SELECT * WHERE { ?a (!<urn:x>)* ?b }", "application/sparql-results+json")
check(s == 400 and b"negated property set" in b, f"(!<urn:x>)* between variables refused: 400 (got {s})")

# Timeout: a query far too big is stopped, and the server answers right after.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
t = time.time()
s, h, b = get_query(HEAVY, "application/sparql-results+json")
took = time.time() - t
check(s == 503 and b"timeout" in b and took < TIMEOUT + 5, f"timed-out query stopped: {s} after {took:.1f} s (timeout {TIMEOUT} s)")
t = time.time()
s, h, b = get_query(COUNT, "application/sparql-results+json")
check(s == 200 and time.time() - t < 2, f"server answers right after a timeout ({time.time() - t:.2f} s)")

# A real SPARQL client.
w = SPARQLWrapper(EP)
w.setQuery(COUNT)
w.setReturnFormat(JSON)
res = w.query().convert()
check({(r["p"]["value"], r["n"]["value"]) for r in res["results"]["bindings"]} == rows_json, "SPARQLWrapper SELECT (JSON)")
w.setMethod("POST")
res = w.query().convert()
check(len(res["results"]["bindings"]) == len(rows_json), "SPARQLWrapper SELECT by POST")
w = SPARQLWrapper(EP)
w.setQuery(CONSTRUCT)
w.setReturnFormat(TURTLE)
body = w.query().response.read()
check(b"ag:meets" in body, "SPARQLWrapper CONSTRUCT (Turtle)")
w = SPARQLWrapper(EP)
w.setQuery("PREFIX ag: <https://w3id.org/actorgraph/ontology#> ASK { ?s ag:predicate ag:meets }")
w.setReturnFormat(JSON)
check(w.query().convert()["boolean"] is True, "SPARQLWrapper ASK")

# Latency of a simple query: median of 100 requests.
SIMPLE = "PREFIX ag: <https://w3id.org/actorgraph/ontology#> SELECT ?s WHERE { ?s ag:predicate ag:meets } LIMIT 1"
times = []
for _ in range(100):
    t = time.perf_counter()
    s, h, b = get_query(SIMPLE, "application/sparql-results+json")
    times.append(time.perf_counter() - t)
    assert s == 200
print(f"latency: median {statistics.median(times) * 1000:.2f} ms over 100 requests "
      f"(p90 {sorted(times)[89] * 1000:.2f} ms)")

if FAILS:
    print(f"{len(FAILS)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("endpoint checks passed")
