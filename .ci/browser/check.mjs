// The workbench in a real browser (Debian's chromium, headless, driven by
// playwright-core): load the page, run a library query with a parameter,
// download its CSV, filter the network, open an edge's statements (by a
// click on the canvas) and an actor, export GEXF and PNG, take a screenshot.
//
//   node check.mjs BASE_URL SCREENSHOT.png USER_DATA_DIR EXPORTS_DIR
import { chromium } from "playwright-core";
import { copyFileSync, readFileSync } from "node:fs";

const [base, shot, profile, exportsDir] = process.argv.slice(2);
let page;
const fail = async (msg) => {
  console.log(`FAIL browser: ${msg}`);
  // What the page showed, next to the screenshot path.
  if (page) await page.screenshot({ path: shot.replace(/\.png$/, "-failed.png") }).catch(() => {});
  process.exit(1);
};
const ok = (msg) => console.log(`ok   browser: ${msg}`);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1600, height: 900 },
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    // WebGL (sigma.js) without a GPU: the software rasteriser.
    "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  ],
});
page = context.pages()[0] || (await context.newPage());
const problems = [];
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
// Offline: every request must go to the server under test.
page.on("request", (r) => {
  if (!r.url().startsWith(base) && !r.url().startsWith("blob:") && !r.url().startsWith("data:"))
    problems.push(`external request ${r.url()}`);
});

try {
  await page.goto(base + "/");
  await page.waitForSelector("#library-list li", { timeout: 15000 });
  const n = await page.locator("#library-list li").count();
  ok(`page loaded, ${n} library queries`);

  // A library query with a parameter: the ego network of the grain deal's Russia.
  await page.click('#library-list li[data-name="ego-network"]');
  await page.waitForSelector("#params input[name=actor]");
  await page.fill("#params input[name=actor]", "Russia");
  await page.click("#run");
  await page.waitForSelector("#results-table tbody tr", { timeout: 20000 });
  const rows = await page.locator("#results-table tbody tr").count();
  const keywords = await page.locator(".CodeMirror .cm-keyword").count();
  if (keywords === 0) await fail("the editor shows no highlighted keyword");
  ok(`ego-network?actor=Russia: ${rows} rows, ${keywords} highlighted keywords`);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
  const csvText = readFileSync(await csv.path(), "utf8");
  const csvLines = csvText.trim().split(/\r\n/);
  if (csvLines[0] !== "direction,other,predicate,polarity,documents" || csvLines.length !== rows + 1)
    await fail(`CSV header/rows: ${csvLines[0]} (${csvLines.length - 1} rows for ${rows})`);
  ok(`CSV download: ${csvLines.length - 1} rows`);
  await page.screenshot({ path: shot.replace(/\.png$/, "-query.png") });

  // The network, unfiltered then filtered.
  await page.click('header nav button[data-tab="network"]');
  await page.waitForFunction(() => window.AG.net.loads >= 1, null, { timeout: 30000 });
  const all = await page.evaluate(() => [window.AG.net.graph.order, window.AG.net.graph.size]);
  ok(`network: ${all[0]} actors, ${all[1]} edges`);
  await page.selectOption("#filter-form select[name=type]", ["Country", "Organization"]);
  await page.click("#apply");
  await page.waitForFunction(() => window.AG.net.loads >= 2, null, { timeout: 30000 });
  const filtered = await page.evaluate(() => {
    const g = window.AG.net.graph;
    return { order: g.order, size: g.size, types: [...new Set(g.mapNodes((n, a) => a.actor_type))] };
  });
  if (filtered.size === 0 || filtered.size >= all[1]) await fail(`filter by actor type: ${JSON.stringify(filtered)}`);
  if (filtered.types.some((t) => t !== "Country" && t !== "Organization")) await fail(`types ${filtered.types}`);
  ok(`filtered to countries and organizations: ${filtered.order} actors, ${filtered.size} edges`);

  // Click the heaviest edge on the canvas, at a point of its line away from
  // nodes. A one-pixel line can miss the canvas's hit test by a rounding, so
  // a few points and edges are tried in order; a click must never select
  // another edge than the one under the pointer.
  const targets = await page.evaluate(() => {
    const { graph: g, renderer: r } = window.AG.net;
    const edges = g.edges().sort((a, b) => g.getEdgeAttribute(b, "weight") - g.getEdgeAttribute(a, "weight"));
    const out = [];
    for (const e of edges) {
      const [s, t] = g.extremities(e).map((n) => r.graphToViewport(g.getNodeAttributes(n)));
      const len = Math.hypot(t.x - s.x, t.y - s.y);
      const [a, b] = g.extremities(e);
      const between = new Set([...g.edges(a, b), ...g.edges(b, a)]);
      if (len < 80 || between.size > 1) continue;
      for (const f of [0.5, 0.4, 0.6]) {
        const p = { x: s.x + f * (t.x - s.x), y: s.y + f * (t.y - s.y) };
        const clear = g.everyNode((n) => {
          const v = r.graphToViewport(g.getNodeAttributes(n));
          return Math.hypot(v.x - p.x, v.y - p.y) > 30;
        });
        if (clear) out.push({ edge: e, ...p });
      }
      if (out.length >= 9) break;
    }
    return out;
  });
  if (targets.length === 0) await fail("no edge to click clear of the nodes");
  const box = await page.locator("#graph").boundingBox();
  let target = null;
  for (const t of targets) {
    await page.mouse.move(box.x + t.x, box.y + t.y);
    await page.mouse.click(box.x + t.x, box.y + t.y);
    const picked = await page
      .waitForFunction(() => window.AG.net.selected && window.AG.net.selected.edge, null, { timeout: 1500 })
      .then((h) => h.jsonValue())
      .catch(() => null);
    if (picked === null) continue;
    if (picked !== t.edge) await fail(`clicked edge ${t.edge}, selected ${picked}`);
    target = t;
    break;
  }
  if (!target) await fail(`no edge selected by clicks on ${targets.length} points of edge lines`);
  await page.waitForSelector("#statements .statement", { timeout: 15000 });
  const st = await page.locator("#statements .statement").count();
  const weight = await page.evaluate((e) => window.AG.net.graph.getEdgeAttribute(e, "weight"), target.edge);
  if (st !== weight) await fail(`${st} statements for an edge of weight ${weight}`);
  const first = (await page.locator("#statements .statement .sentence").first().textContent()).trim();
  const cols = await page.locator("#statements .statement").first().locator(".meta b").allTextContents();
  for (const want of ["date", "modality", "rule", "confidence", "document"]) if (!cols.includes(want)) await fail(`statement shows no ${want}: ${cols}`);
  ok(`edge clicked on the canvas: ${st} statements, first: "${first.slice(0, 70)}…" (${cols.join(", ")})`);

  // Export GEXF and PNG.
  const [gexf] = await Promise.all([page.waitForEvent("download"), page.click("#export-gexf")]);
  const gexfText = readFileSync(await gexf.path(), "utf8");
  const edgesIn = (gexfText.match(/<edge /g) || []).length;
  if (!gexfText.includes("<gexf") || edgesIn !== filtered.size) await fail(`GEXF: ${edgesIn} edges for ${filtered.size}`);
  if (!gexfText.includes("<viz:thickness") || !gexfText.includes("<viz:position")) await fail("GEXF without layout");
  copyFileSync(await gexf.path(), `${exportsDir}/view.gexf`);
  ok(`GEXF export: ${edgesIn} edges`);
  const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
  const pngBytes = readFileSync(await png.path());
  if (pngBytes.subarray(1, 4).toString() !== "PNG" || pngBytes.length < 5000) await fail(`PNG: ${pngBytes.length} bytes`);
  copyFileSync(await png.path(), `${exportsDir}/view.png`);
  ok(`PNG export: ${pngBytes.length} bytes`);

  await page.screenshot({ path: shot });
  ok(`screenshot ${shot}`);

  // An actor: labels, Wikidata link.
  const node = await page.evaluate(() => {
    const { graph: g, renderer: r } = window.AG.net;
    const n = g.nodes().sort((a, b) => g.getNodeAttribute(b, "pagerank") - g.getNodeAttribute(a, "pagerank"))[0];
    return { id: n, ...r.graphToViewport(g.getNodeAttributes(n)) };
  });
  await page.mouse.click(box.x + node.x, box.y + node.y);
  await page.waitForSelector("#actor", { timeout: 15000 });
  const actor = (await page.locator("#details-body h2").textContent()).trim();
  const wd = await page.locator('#actor a[href^="https://www.wikidata.org/wiki/Q"]').count();
  ok(`actor clicked: ${actor} (${wd ? "with" : "without"} a Wikidata link)`);
} catch (e) {
  await fail(e.message);
} finally {
  await context.close();
}
if (problems.length) await fail(problems.join("; "));
ok("no page errors, no request outside the server");
