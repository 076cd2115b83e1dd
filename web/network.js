// actorgraph workbench: the network view. /api/network gives the export's
// projection (filters applied by the server, PageRank computed there);
// graphology holds it, ForceAtlas2 lays it out, sigma.js draws it.
"use strict";
(() => {
  const form = document.getElementById("filter-form");
  const container = document.getElementById("graph");
  const details = document.getElementById("details-body");
  const net = (AG.net = { graph: null, renderer: null, data: null, selected: null, loads: 0 });
  let facetsShown = false;
  let applied = [];

  // The form as query pairs (defaults left out).
  function pairs() {
    const out = [];
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") {
        if (el.checked) out.push([el.name, el.value]);
      } else if (el.multiple) {
        for (const o of el.selectedOptions) out.push([el.name, o.value]);
      } else if (el.value.trim()) {
        if (el.name === "min_weight" && el.value === "1") continue;
        if (el.name === "depth" && !form.elements.ego.value.trim()) continue;
        out.push([el.name, el.value.trim()]);
      }
    }
    return out;
  }
  const has = (list, k) => list.some(([x]) => x === k);
  const get = (list, k) => (list.find(([x]) => x === k) || [])[1];

  // Reproducible starting positions: a hash of the id on a circle's disc.
  function seed(id) {
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    const a = ((h >>> 0) % 3600) / 3600 * 2 * Math.PI;
    const r = 10 + (((h >>> 12) % 1000) / 1000) * 90;
    return [r * Math.cos(a), r * Math.sin(a)];
  }

  function build(d) {
    const g = new graphology.Graph({ multi: true, type: "directed" });
    const maxPr = Math.max(1e-12, ...d.nodes.map((n) => n.pagerank));
    // Smaller discs when there are many, so that the crowd stays readable.
    const big = d.nodes.length > 100;
    const [minSize, span] = big ? [2, 10] : [4, 14];
    for (const n of d.nodes) {
      const [x, y] = seed(n.id);
      g.addNode(n.id, {
        label: n.label, x, y, color: n.color, size: minSize + span * Math.sqrt(n.pagerank / maxPr),
        actor_type: n.type, pagerank: n.pagerank, mentions: n.mentions, wikidata: n.wikidata, country: n.country,
      });
    }
    d.edges.forEach((e, i) =>
      g.addEdgeWithKey(`e${i}`, e.source, e.target, {
        label: e.predicate, color: e.color, size: 1 + 1.5 * Math.log2(e.weight), weight: e.weight,
        predicate: e.predicate, plover: e.plover, quad: e.quad, polarity: e.polarity,
        documents: e.documents, first: e.first, last: e.last,
      }));
    if (g.order > 1) {
      const fa2 = graphologyLibrary.layoutForceAtlas2;
      const settings = { ...fa2.inferSettings(g), edgeWeightInfluence: 0.5 };
      if (big) settings.scalingRatio *= 4;
      fa2.assign(g, { iterations: 400, settings, getEdgeWeight: "weight" });
    }
    return g;
  }

  function draw(d) {
    if (net.renderer) net.renderer.kill();
    net.data = d;
    net.graph = build(d);
    net.selected = null;
    net.renderer = new Sigma(net.graph, container, {
      enableEdgeEvents: true,
      defaultEdgeType: "arrow",
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 5,
      labelFont: "system-ui, sans-serif",
      edgeReducer: (key, attrs) => {
        const s = net.selected;
        if (!s) return attrs;
        const on = s.edge ? s.edge === key : net.graph.extremities(key).includes(s.node);
        return on ? { ...attrs, zIndex: 1, size: attrs.size + 1 } : { ...attrs, color: "#e0e0e0" };
      },
      nodeReducer: (key, attrs) => {
        const s = net.selected;
        if (!s) return attrs;
        const ends = s.edge ? net.graph.extremities(s.edge) : [s.node];
        const on = ends.includes(key) || (s.node && net.graph.areNeighbors(key, s.node));
        return on ? { ...attrs, highlighted: ends.includes(key) } : { ...attrs, color: "#ddd" };
      },
    });
    net.renderer.on("clickEdge", ({ edge }) => showEdge(edge));
    net.renderer.on("clickNode", ({ node }) => showNode(node));
    net.renderer.on("clickStage", () => select(null));
    const cut = d.truncated ? ` (the ${d.edges.length} heaviest of ${d.total_edges})` : "";
    document.getElementById("graph-info").textContent =
      `${d.nodes.length} actors, ${d.edges.length} edges${cut}; read from the ${d.route}`;
    legend(d);
    edgeList();
    net.loads++;
  }

  function select(sel) {
    net.selected = sel;
    net.renderer.refresh({ skipIndexation: true });
  }

  function legend(d) {
    const types = new Map(d.nodes.map((n) => [n.type, n.color]));
    const quads = new Map(d.edges.map((e) => [e.quad || "structural", e.color]));
    const row = (cls) => ([k, c]) => `<div><span class="swatch ${cls}" style="background:${c}"></span>${AG.esc(k)}</div>`;
    document.getElementById("legend").innerHTML =
      `<h3>Actors (size: PageRank)</h3>${[...types].map(row("")).join("")}` +
      `<h3>Edges</h3>${[...quads].map(row("line")).join("")}`;
  }

  function edgeList() {
    const g = net.graph;
    const keys = g.edges().sort((a, b) => g.getEdgeAttribute(b, "weight") - g.getEdgeAttribute(a, "weight")).slice(0, 300);
    const label = (n) => AG.esc(g.getNodeAttribute(n, "label"));
    document.getElementById("edge-list").innerHTML = `<table><thead><tr><th>source</th><th>predicate</th><th>target</th><th>n</th></tr></thead><tbody>${keys
      .map((k) => {
        const a = g.getEdgeAttributes(k);
        const neg = a.polarity === "negative" ? " (not)" : "";
        return `<tr data-edge="${k}"><td>${label(g.source(k))}</td><td>${AG.esc(a.predicate)}${neg}</td><td>${label(g.target(k))}</td><td class="num">${a.weight}</td></tr>`;
      })
      .join("")}</tbody></table>`;
  }
  document.getElementById("edge-list").addEventListener("click", (e) => {
    const tr = e.target.closest("tr[data-edge]");
    if (tr) showEdge(tr.dataset.edge);
  });

  function fillFacets(f) {
    const fill = (name, values) => {
      form.elements[name].innerHTML = values.map((v) => `<option>${AG.esc(v)}</option>`).join("");
    };
    fill("predicate", f.predicates.filter((p) => p !== "pair"));
    fill("plover", f.plover);
    fill("type", f.types);
    for (const k of ["since", "until"]) {
      if (f.first) form.elements[k].min = f.first;
      if (f.last) form.elements[k].max = f.last;
    }
    document.getElementById("actor-names").innerHTML = net.data.nodes
      .map((n) => `<option value="${AG.esc(n.label)}">`)
      .join("");
    facetsShown = true;
  }

  async function load() {
    applied = pairs();
    AG.status("loading the network…");
    try {
      const { json } = await AG.api("/api/network", applied);
      draw(json);
      if (!facetsShown) fillFacets(json.facets);
      AG.status("");
    } catch (e) {
      AG.status("network failed", true);
      details.innerHTML = `<p class="error">${AG.esc(e.message)}</p>`;
    }
  }
  AG.loadNetwork = load;

  async function showEdge(key) {
    const g = net.graph;
    const a = g.getEdgeAttributes(key);
    select({ edge: key });
    const q = [["s", g.source(key)], ["o", g.target(key)]];
    if (a.predicate !== "pair") q.push(["p", a.predicate], ["polarity", a.polarity]);
    else if (!has(applied, "negative")) q.push(["polarity", "positive"]);
    for (const k of ["asserted", "since", "until"]) if (has(applied, k)) q.push([k, get(applied, k)]);
    const title = `${AG.esc(g.getNodeAttribute(g.source(key), "label"))} <b>${AG.esc(a.predicate)}</b>${a.polarity === "negative" ? " (negated)" : ""} ${AG.esc(g.getNodeAttribute(g.target(key), "label"))}`;
    details.innerHTML = `<h2>${title}</h2><p class="hint">loading statements…</p>`;
    try {
      const { json } = await AG.api("/api/statements", q);
      const field = (k, v) => (v ? `<span><b>${k}</b> ${AG.esc(v)}</span>` : "");
      const cards = json.statements
        .map((s) => `<article class="statement">
          <p class="sentence">${AG.esc(s.sentence)}</p>
          <div class="meta">${field("date", s.date)}${field("modality", s.modality + (s.polarity === "negative" ? ", negated" : ""))}
            ${field("rule", s.rule)}${field("confidence", s.confidence)}${field("PLOVER", s.plover)}${field("said by", s.attributed_to)}
            ${field("document", s.title || AG.shorten(s.document))}</div></article>`)
        .join("");
      details.innerHTML = `<h2>${title}</h2>
        <p class="hint">${a.weight} statement${a.weight === 1 ? "" : "s"} in ${a.documents} document${a.documents === 1 ? "" : "s"}, ${AG.esc(a.quad || "structural relation")}${
          json.statements.length !== a.weight ? `; ${json.statements.length} listed (in the dates)` : ""}</p>
        <div id="statements">${cards}</div>`;
    } catch (e) {
      details.innerHTML = `<h2>${title}</h2><p class="error">${AG.esc(e.message)}</p>`;
    }
  }

  async function showNode(key) {
    const n = net.graph.getNodeAttributes(key);
    select({ node: key });
    details.innerHTML = `<h2>${AG.esc(n.label)}</h2><p class="hint">loading…</p>`;
    try {
      const { json: a } = await AG.api("/api/actor", [["id", key]]);
      const labels = Object.entries(a.labels).map(([l, v]) => `<div>${AG.esc(v)} <small>@${AG.esc(l)}</small></div>`).join("");
      const alt = a.alt_labels.map((x) => AG.esc(x.value) + (x.lang ? `<small>@${AG.esc(x.lang)}</small>` : "")).join(", ");
      const wd = a.wikidata
        ? `<a href="${AG.esc(a.wikidata_url.replace("/entity/", "/wiki/"))}" target="_blank" rel="noopener">${AG.esc(a.wikidata)}</a>`
        : "none";
      const roles = a.roles.map((r) => `<li>${AG.esc(r.role)} of ${AG.esc(r.of_label || AG.shorten(r.of))} ${AG.esc(r.start)}${r.end ? `–${AG.esc(r.end)}` : r.start ? "–" : ""}</li>`);
      const rel = a.relations.map((r) => `<li>${AG.esc(r.relation)} ${AG.esc(r.label || AG.shorten(r.iri))}</li>`);
      const textRoles = a.text_roles.map((r) => `<li>${AG.esc(r)} (from the news)</li>`);
      details.innerHTML = `<h2>${AG.esc(a.label || n.label)}</h2>
        <table id="actor"><tbody>
        <tr><th>IRI</th><td>${AG.esc(AG.shorten(a.iri))}</td></tr>
        <tr><th>labels</th><td>${labels || AG.esc(a.label)}</td></tr>
        ${alt ? `<tr><th>also</th><td>${alt}</td></tr>` : ""}
        <tr><th>type</th><td>${AG.esc(a.types.join(", "))}${a.country ? ` · ${AG.esc(a.country)}` : ""}</td></tr>
        <tr><th>Wikidata</th><td>${wd}</td></tr>
        <tr><th>roles</th><td><ul>${[...roles, ...textRoles, ...rel].join("") || "<li>none known</li>"}</ul></td></tr>
        <tr><th>network</th><td>PageRank ${n.pagerank.toFixed(4)} · ${n.mentions} statements · degree ${net.graph.degree(key)}</td></tr>
        </tbody></table>
        <div class="bar"><button type="button" id="ego-here">Ego network</button></div>`;
      document.getElementById("ego-here").addEventListener("click", () => {
        form.elements.ego.value = key;
        load();
      });
    } catch (e) {
      details.innerHTML = `<h2>${AG.esc(n.label)}</h2><p class="error">${AG.esc(e.message)}</p>`;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
  document.getElementById("reset").addEventListener("click", () => {
    form.reset();
    load();
  });

  document.getElementById("export-gexf").addEventListener("click", () => {
    if (!net.graph) return;
    // Edge sizes are GEXF thicknesses; the rest as the writer's default.
    const formatEdge = (key, a) => {
      const out = { attributes: {}, viz: { color: a.color, thickness: a.size } };
      for (const [k, v] of Object.entries(a)) {
        if (k === "label" || k === "weight") out[k] = v;
        else if (!["color", "size", "type", "zIndex"].includes(k)) out.attributes[k] = v;
      }
      return out;
    };
    // The writer declares GEXF 1.2 with a mistyped viz namespace; the
    // document is GEXF 1.3, as `actorgraph export` writes.
    const xml = graphologyLibrary.gexf
      .write(net.graph, { pretty: true, formatEdge })
      .replace(/<gexf [^>]*>/, '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
    AG.download("actorgraph-network.gexf", "application/gexf+xml", xml);
  });

  // The layers drawn now, flattened on white (WebGL buffers are read in the
  // same task as the render, before the browser clears them).
  AG.networkPng = () =>
    new Promise((resolve) => {
      net.renderer.refresh();
      const layers = [...container.querySelectorAll("canvas")];
      const out = document.createElement("canvas");
      out.width = layers[0].width;
      out.height = layers[0].height;
      const ctx = out.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, out.width, out.height);
      for (const c of layers) ctx.drawImage(c, 0, 0, out.width, out.height);
      out.toBlob(resolve, "image/png");
    });
  document.getElementById("export-png").addEventListener("click", async () => {
    if (net.renderer) AG.download("actorgraph-network.png", "image/png", await AG.networkPng());
  });

  AG.tabHooks.network = () => {
    if (!net.graph) load();
    else net.renderer.refresh();
  };
})();
