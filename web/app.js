// actorgraph workbench: tabs, the SPARQL editor, the query library and the
// results table. network.js adds the network view. No build step: plain
// browser JavaScript over the vendored libraries.
"use strict";

const AG = (window.AG = {});

AG.esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

AG.status = (msg, isError) => {
  const el = document.getElementById("status");
  el.textContent = msg || "";
  el.style.color = isError ? "#ff8a80" : "";
};

// GET (or POST a form to) an /api/ endpoint; JSON back, or an Error with the server's message.
AG.api = async (path, params, post) => {
  const body = new URLSearchParams();
  for (const [k, v] of params || []) body.append(k, v);
  const url = post || !body.toString() ? path : `${path}?${body}`;
  const init = post
    ? { method: "POST", body, headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" } }
    : {};
  const r = await fetch(url, init);
  const ct = r.headers.get("content-type") || "";
  if (!r.ok) throw new Error(`${r.status}: ${(await r.text()).trim()}`);
  return ct.includes("json") ? { json: await r.json(), headers: r.headers } : { text: await r.text(), headers: r.headers };
};

AG.prefixes = [];
// An IRI written with a predeclared prefix when one fits.
AG.shorten = (iri) => {
  for (const [p, ns] of AG.prefixes) if (iri.startsWith(ns) && iri.length > ns.length) return `${p}:${iri.slice(ns.length)}`;
  return iri;
};

AG.download = (name, type, data) => {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
};

// ---- tabs
AG.tabHooks = {};
for (const b of document.querySelectorAll("header nav button")) {
  b.addEventListener("click", () => {
    for (const x of document.querySelectorAll("header nav button")) x.classList.toggle("active", x === b);
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.id === `tab-${b.dataset.tab}`);
    (AG.tabHooks[b.dataset.tab] || (() => {}))();
  });
}

// ---- editor
const editor = CodeMirror.fromTextArea(document.getElementById("editor"), {
  mode: "application/sparql-query",
  lineNumbers: true,
  indentUnit: 2,
  extraKeys: { "Ctrl-Enter": () => run(), "Cmd-Enter": () => run() },
});
AG.editor = editor;

// `# param: NAME=VALUE (note)` lines of a query text (as src/server/library.rs reads them).
function paramLines(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const m = line.trim().match(/^#\s*param:\s*\??([A-Za-z_][\w]*)=(\S*)\s*(.*)$/);
    if (m) out.push({ name: m[1], example: m[2], note: m[3].replace(/^\(|\)$/g, "") });
  }
  return out;
}

const paramForm = document.getElementById("params");
function renderParams() {
  const old = Object.fromEntries([...paramForm.elements].map((e) => [e.name, e.value]));
  paramForm.innerHTML = paramLines(editor.getValue())
    .map((p) => `<label title="${AG.esc(p.note)}">?${AG.esc(p.name)}
      <input name="${AG.esc(p.name)}" value="${AG.esc(old[p.name] ?? p.example)}" data-param="1">
      <small>${AG.esc(p.note)}</small></label>`)
    .join("");
}
let paramTimer;
editor.on("change", () => { clearTimeout(paramTimer); paramTimer = setTimeout(renderParams, 250); });
paramForm.addEventListener("submit", (e) => { e.preventDefault(); run(); });

// ---- results
let lastResults = null;
const results = document.getElementById("results");
const info = document.getElementById("query-info");
const csvButton = document.getElementById("csv");

function cell(t) {
  if (!t) return "";
  if (t.type === "uri") return `<span title="${AG.esc(t.value)}">${AG.esc(AG.shorten(t.value))}</span>`;
  const lang = t["xml:lang"] ? `<small>@${AG.esc(t["xml:lang"])}</small>` : "";
  return AG.esc(t.value) + lang;
}

function showResults(data, headers) {
  lastResults = data;
  const vars = data.head?.vars || [];
  if ("boolean" in data) {
    results.innerHTML = `<p>ASK: <b>${data.boolean}</b></p>`;
    info.textContent = "";
    csvButton.disabled = true;
    return;
  }
  const rows = data.results.bindings;
  const num = (t) => t && t.type === "literal" && /#(integer|decimal|double)$/.test(t.datatype || "");
  results.innerHTML = `<table id="results-table"><thead><tr>${vars.map((v) => `<th>${AG.esc(v)}</th>`).join("")}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${vars.map((v) => `<td${num(r[v]) ? ' class="num"' : ""}>${cell(r[v])}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
  const cut = headers?.get("x-sparql-maxrows");
  info.textContent = `${rows.length} row${rows.length === 1 ? "" : "s"}${cut ? ` (cut at --max-rows ${cut})` : ""}`;
  csvButton.disabled = false;
}

// SPARQL 1.1 CSV of the shown results (values only, RFC 4180 quoting).
AG.csv = (data) => {
  const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const vars = data.head.vars;
  const lines = [vars.join(",")];
  for (const r of data.results.bindings) lines.push(vars.map((v) => q(r[v]?.value ?? "")).join(","));
  return lines.join("\r\n") + "\r\n";
};
csvButton.addEventListener("click", () => {
  if (lastResults?.results) AG.download("results.csv", "text/csv", AG.csv(lastResults));
});

async function run() {
  const form = [["query", editor.getValue()]];
  for (const input of paramForm.querySelectorAll("input[data-param]"))
    if (input.value.trim()) form.push(["p", `${input.name}=${input.value.trim()}`]);
  const started = performance.now();
  AG.status("running…");
  document.getElementById("run").disabled = true;
  try {
    const r = await AG.api("/api/query", form, true);
    if (r.json) showResults(r.json, r.headers);
    else {
      lastResults = null;
      csvButton.disabled = true;
      results.innerHTML = `<pre>${AG.esc(r.text)}</pre>`;
    }
    AG.status(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } catch (e) {
    results.innerHTML = `<p class="error">${AG.esc(e.message)}</p>`;
    info.textContent = "";
    csvButton.disabled = true;
    AG.status("query failed", true);
  } finally {
    document.getElementById("run").disabled = false;
  }
}
document.getElementById("run").addEventListener("click", run);

// ---- library
async function loadLibrary() {
  const [{ json: prefixes }, { json: queries }] = await Promise.all([AG.api("/api/prefixes"), AG.api("/api/queries")]);
  AG.prefixes = prefixes.map((p) => [p.prefix, p.iri]);
  document.getElementById("prefixes").textContent =
    "Predeclared prefixes: " + AG.prefixes.map(([p]) => `${p}:`).join(" ");
  const list = document.getElementById("library-list");
  list.innerHTML = queries
    .map((q, i) => `<li data-i="${i}" data-name="${AG.esc(q.name)}" title="${AG.esc(q.description)}">
      <b>${AG.esc(q.name)}</b><span>${AG.esc(q.description.slice(0, 90))}${q.description.length > 90 ? "…" : ""}</span></li>`)
    .join("");
  list.addEventListener("click", (e) => {
    const li = e.target.closest("li");
    if (!li) return;
    for (const x of list.children) x.classList.toggle("active", x === li);
    editor.setValue(queries[li.dataset.i].text);
    renderParams();
    run();
  });
  if (!editor.getValue()) {
    editor.setValue("SELECT ?predicate (COUNT(*) AS ?statements) WHERE {\n  ?st ag:predicate ?p .\n  BIND(STRAFTER(STR(?p), \"#\") AS ?predicate)\n}\nGROUP BY ?predicate\nORDER BY DESC(?statements)\n");
  }
}
loadLibrary().catch((e) => AG.status(`cannot load the query library: ${e.message}`, true));
