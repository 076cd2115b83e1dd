//! GEXF 1.3 writer (with the `viz` module and optional dynamics), valid
//! against the official RelaxNG schema. Colours are written as r/g/b:
//! networkx cannot read `hex`. No `xsi:schemaLocation` (the RNG rejects it).

use std::io::Write;

use petgraph::visit::EdgeRef;
use quick_xml::Writer;

use super::xml::{W, end, raw, tag};
use quick_xml::events::{BytesDecl, Event};

use super::{Edge, Network, Node, QUADS, quad_colour, type_colour};

/// Node attributes: (id, type).
pub const NODE_ATTRS: &[(&str, &str)] = &[
    ("type", "string"),
    ("country", "string"),
    ("wikidata", "string"),
    ("mentions", "integer"),
    ("indegree", "integer"),
    ("outdegree", "integer"),
    ("pagerank", "double"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("iri", "string"),
];

/// Edge attributes: (id, type).
pub const EDGE_ATTRS: &[(&str, &str)] = &[
    ("predicate", "string"),
    ("plover", "string"),
    ("quad_class", "string"),
    ("polarity", "string"),
    ("statements", "integer"),
    ("documents", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("verbal_cooperation", "integer"),
    ("material_cooperation", "integer"),
    ("verbal_conflict", "integer"),
    ("material_conflict", "integer"),
    ("net_cooperation", "integer"),
];

/// Options of the writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct GexfOptions {
    /// Write spells from statement dates so Gephi's timeline plays the network.
    pub dynamic: bool,
}

/// `<viz:color r g b/>`.
fn viz_color(w: &mut W, (r, g, b): (u8, u8, u8)) -> std::io::Result<()> {
    tag(
        w,
        "viz:color",
        &[
            ("r", &r.to_string()),
            ("g", &g.to_string()),
            ("b", &b.to_string()),
        ],
        true,
    )
}

fn text(w: &mut W, name: &str, value: &str) -> std::io::Result<()> {
    tag(w, name, &[], false)?;
    super::xml::text(w, value)?;
    end(w, name)
}

fn declare(w: &mut W, class: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    tag(
        w,
        "attributes",
        &[("class", class), ("mode", "static")],
        false,
    )?;
    for (id, ty) in attrs {
        tag(
            w,
            "attribute",
            &[("id", id), ("title", id), ("type", ty)],
            true,
        )?;
    }
    end(w, "attributes")
}

fn attvalues(w: &mut W, vals: &[(&str, String)]) -> std::io::Result<()> {
    tag(w, "attvalues", &[], false)?;
    for (k, v) in vals {
        if !v.is_empty() {
            tag(w, "attvalue", &[("for", k), ("value", v)], true)?;
        }
    }
    end(w, "attvalues")
}

/// One spell per date seen: the element is visible on the days it was reported.
fn spells(w: &mut W, dates: &std::collections::BTreeSet<String>) -> std::io::Result<()> {
    if dates.is_empty() {
        return Ok(());
    }
    tag(w, "spells", &[], false)?;
    for d in dates {
        tag(w, "spell", &[("start", d), ("end", d)], true)?;
    }
    end(w, "spells")
}

/// (in-degree, out-degree) of every node, by node index: one pass over
/// the edges instead of a walk of each node's edge list per call.
pub fn degrees(g: &Network) -> Vec<(usize, usize)> {
    let mut d = vec![(0, 0); g.node_count()];
    for e in g.edge_references() {
        d[e.target().index()].0 += 1;
        d[e.source().index()].1 += 1;
    }
    d
}

/// Attribute values of a node.
pub fn node_values(g: &Network, ni: petgraph::graph::NodeIndex) -> Vec<(&'static str, String)> {
    let n: &Node = &g[ni];
    let degree = |dir| g.edges_directed(ni, dir).count();
    let d = (
        degree(petgraph::Direction::Incoming),
        degree(petgraph::Direction::Outgoing),
    );
    node_values_with(n, d)
}

/// Attribute values of node `n` whose (in, out) degrees are `d`.
fn node_values_with(n: &Node, d: (usize, usize)) -> Vec<(&'static str, String)> {
    vec![
        ("type", n.etype.clone()),
        ("country", n.country.clone()),
        ("wikidata", n.wikidata.clone()),
        ("mentions", n.mentions.to_string()),
        ("indegree", d.0.to_string()),
        ("outdegree", d.1.to_string()),
        ("pagerank", format!("{:.6}", n.pagerank)),
        ("first_seen", n.first.clone()),
        ("last_seen", n.last.clone()),
        ("iri", n.iri.clone()),
    ]
}

/// Depth of the `<edge>` elements (gexf > graph > edges > edge).
const EDGE_DEPTH: usize = 3;

/// `n` written into `s` (reused: no allocation per edge).
fn num(s: &mut String, n: usize) -> &str {
    use std::fmt::Write as _;
    s.clear();
    // Writing to a String cannot fail.
    let _ = write!(s, "{n}");
    s
}

/// Calls `f` with each attribute of an edge, in [`EDGE_ATTRS`] order
/// (empty values included), without collecting them.
fn each_edge_value(d: &Edge, mut f: impl FnMut(&'static str, &str)) {
    f("predicate", &d.predicate);
    f("plover", &d.plover);
    f("quad_class", &d.quad);
    f("polarity", &d.polarity);
    f("statements", &d.weight.to_string());
    f("documents", &d.documents.to_string());
    f("first_seen", &d.first);
    f("last_seen", &d.last);
    if d.predicate == "pair" {
        for (i, q) in QUADS.iter().enumerate() {
            let id = match *q {
                "verbal cooperation" => "verbal_cooperation",
                "material cooperation" => "material_cooperation",
                "verbal conflict" => "verbal_conflict",
                _ => "material_conflict",
            };
            f(id, &d.quads[i].to_string());
        }
        f("net_cooperation", &d.net.to_string());
    }
}

/// Attribute values of an edge.
pub fn edge_values(d: &Edge) -> Vec<(&'static str, String)> {
    let mut v = Vec::with_capacity(EDGE_ATTRS.len());
    each_edge_value(d, |k, value| v.push((k, value.to_string())));
    v
}

/// The node attributes that at least one node has: a column nobody fills
/// (`wikidata` of a network of discovered people, dates of undated
/// documents) is not declared.
pub fn node_attrs(g: &Network) -> Vec<(&'static str, &'static str)> {
    let mut used = vec![false; NODE_ATTRS.len()];
    let degrees = degrees(g);
    for ni in g.node_indices() {
        for (i, (_, v)) in node_values_with(&g[ni], degrees[ni.index()])
            .iter()
            .enumerate()
        {
            used[i] |= !v.is_empty();
        }
    }
    NODE_ATTRS
        .iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(a, _)| *a)
        .collect()
}

/// The edge attributes that at least one edge has (the quad-class counts
/// only with `--aggregate pair`).
pub fn edge_attrs(g: &Network) -> Vec<(&'static str, &'static str)> {
    let mut used: Vec<&str> = Vec::new();
    for d in g.edge_weights() {
        each_edge_value(d, |k, v| {
            if !v.is_empty() && !used.contains(&k) {
                used.push(k);
            }
        });
    }
    EDGE_ATTRS
        .iter()
        .filter(|(k, _)| used.contains(k))
        .copied()
        .collect()
}

/// Edge label: the predicate, "not " for negated statements.
pub fn edge_label(d: &Edge) -> String {
    format!(
        "{}{}",
        if d.polarity == "negative" { "not " } else { "" },
        d.predicate
    )
}

/// Writes `g` as GEXF 1.3.
pub fn write(g: &Network, opts: GexfOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w: W = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    tag(
        &mut w,
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("version", "1.3"),
        ],
        false,
    )?;
    tag(&mut w, "meta", &[], false)?;
    text(
        &mut w,
        "creator",
        concat!("actorgraph ", env!("CARGO_PKG_VERSION")),
    )?;
    text(
        &mut w,
        "description",
        "Actor network: statements between political actors read from news",
    )?;
    end(&mut w, "meta")?;
    // The network's time range, typed as dates by `timeformat` (GEXF 1.3
    // has no date attribute type: `first_seen`/`last_seen` are ISO strings).
    let first = g
        .node_weights()
        .map(|n| n.first.as_str())
        .filter(|d| !d.is_empty())
        .min();
    let last = g
        .node_weights()
        .map(|n| n.last.as_str())
        .max()
        .filter(|d| !d.is_empty());
    let mut graph_attrs: Vec<(&str, &str)> = vec![("defaultedgetype", "directed")];
    if opts.dynamic {
        graph_attrs.extend([
            ("mode", "dynamic"),
            ("timeformat", "date"),
            ("timerepresentation", "interval"),
        ]);
        graph_attrs.extend(first.map(|d| ("start", d)));
        graph_attrs.extend(last.map(|d| ("end", d)));
    } else {
        graph_attrs.push(("mode", "static"));
    }
    tag(&mut w, "graph", &graph_attrs, false)?;
    declare(&mut w, "node", &node_attrs(g))?;
    declare(&mut w, "edge", &edge_attrs(g))?;
    tag(&mut w, "nodes", &[], false)?;
    let degrees = degrees(g);
    let max_pr = g
        .node_weights()
        .map(|n| n.pagerank)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    for ni in g.node_indices() {
        let n = &g[ni];
        tag(&mut w, "node", &[("id", &n.id), ("label", &n.label)], false)?;
        attvalues(&mut w, &node_values_with(n, degrees[ni.index()]))?;
        if opts.dynamic {
            spells(&mut w, &n.dates)?;
        }
        viz_color(&mut w, type_colour(&n.etype))?;
        let size = format!("{:.2}", 5.0 + 25.0 * n.pagerank / max_pr);
        tag(&mut w, "viz:size", &[("value", &size)], true)?;
        end(&mut w, "node")?;
    }
    end(&mut w, "nodes")?;
    tag(&mut w, "edges", &[], false)?;
    // Written straight into a buffer (same bytes as the writer's events,
    // see `xml::raw`): a large network has hundreds of thousands of edges.
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 17);
    let [mut id, mut weight, mut r, mut gr, mut b] = Default::default();
    for (k, e) in g.edge_references().enumerate() {
        let d = e.weight();
        let label = edge_label(d);
        raw::open(
            &mut buf,
            EDGE_DEPTH,
            "edge",
            &[
                ("id", num(&mut id, k)),
                ("source", &g[e.source()].id),
                ("target", &g[e.target()].id),
                ("label", &label),
                ("weight", num(&mut weight, d.weight)),
            ],
            false,
        );
        raw::open(&mut buf, EDGE_DEPTH + 1, "attvalues", &[], false);
        each_edge_value(d, |key, value| {
            if !value.is_empty() {
                let attrs = [("for", key), ("value", value)];
                raw::open(&mut buf, EDGE_DEPTH + 2, "attvalue", &attrs, true);
            }
        });
        raw::close(&mut buf, EDGE_DEPTH + 1, "attvalues");
        if opts.dynamic && !d.dates.is_empty() {
            raw::open(&mut buf, EDGE_DEPTH + 1, "spells", &[], false);
            for date in &d.dates {
                let attrs = [("start", date.as_str()), ("end", date.as_str())];
                raw::open(&mut buf, EDGE_DEPTH + 2, "spell", &attrs, true);
            }
            raw::close(&mut buf, EDGE_DEPTH + 1, "spells");
        }
        let colour = quad_colour(&d.quad);
        let rgb = [
            ("r", num(&mut r, colour.0 as usize)),
            ("g", num(&mut gr, colour.1 as usize)),
            ("b", num(&mut b, colour.2 as usize)),
        ];
        raw::open(&mut buf, EDGE_DEPTH + 1, "viz:color", &rgb, true);
        raw::close(&mut buf, EDGE_DEPTH, "edge");
        if buf.len() >= 1 << 16 {
            w.get_mut().write_all(&buf)?;
            buf.clear();
        }
    }
    w.get_mut().write_all(&buf)?;
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.into_inner().write_all(b"\n")
}
