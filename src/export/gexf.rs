//! GEXF 1.3 writer (with the `viz` module), valid against the official
//! RelaxNG schema. Colours are written as r/g/b: networkx cannot read `hex`.

use std::io::Write;

use petgraph::visit::EdgeRef;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Network, type_colour};

/// Node attributes: (id, title, type).
pub const NODE_ATTRS: &[(&str, &str, &str)] = &[
    ("type", "type", "string"),
    ("country", "country", "string"),
    ("wikidata", "wikidata", "string"),
    ("mentions", "mentions", "integer"),
    ("indegree", "indegree", "integer"),
    ("outdegree", "outdegree", "integer"),
    ("pagerank", "pagerank", "double"),
    ("first_seen", "first_seen", "string"),
    ("last_seen", "last_seen", "string"),
    ("iri", "iri", "string"),
];

/// Edge attributes: (id, title, type).
pub const EDGE_ATTRS: &[(&str, &str, &str)] = &[
    ("predicate", "predicate", "string"),
    ("plover", "plover", "string"),
    ("quad_class", "quad_class", "string"),
    ("polarity", "polarity", "string"),
    ("statements", "statements", "integer"),
    ("documents", "documents", "integer"),
    ("first_seen", "first_seen", "string"),
    ("last_seen", "last_seen", "string"),
];

type W<'a> = Writer<&'a mut dyn Write>;

fn start(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, *v));
    }
    w.write_event(Event::Start(e))
}

fn empty(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, *v));
    }
    w.write_event(Event::Empty(e))
}

fn end(w: &mut W, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn declare(w: &mut W, class: &str, attrs: &[(&str, &str, &str)]) -> std::io::Result<()> {
    start(w, "attributes", &[("class", class), ("mode", "static")])?;
    for (id, title, ty) in attrs {
        empty(
            w,
            "attribute",
            &[("id", id), ("title", title), ("type", ty)],
        )?;
    }
    end(w, "attributes")
}

/// Writes `g` as GEXF 1.3.
pub fn write(g: &Network, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w: W = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("version", "1.3"),
        ],
    )?;
    start(&mut w, "meta", &[])?;
    start(&mut w, "creator", &[])?;
    w.write_event(Event::Text(BytesText::new(concat!(
        "actorgraph ",
        env!("CARGO_PKG_VERSION")
    ))))?;
    end(&mut w, "creator")?;
    start(&mut w, "description", &[])?;
    w.write_event(Event::Text(BytesText::new(
        "Actor network: statements between political actors read from news",
    )))?;
    end(&mut w, "description")?;
    end(&mut w, "meta")?;
    start(
        &mut w,
        "graph",
        &[("defaultedgetype", "directed"), ("mode", "static")],
    )?;
    declare(&mut w, "node", NODE_ATTRS)?;
    declare(&mut w, "edge", EDGE_ATTRS)?;
    start(&mut w, "nodes", &[])?;
    let max_pr = g
        .node_weights()
        .map(|n| n.pagerank)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    for ni in g.node_indices() {
        let n = &g[ni];
        let indeg = g
            .edges_directed(ni, petgraph::Direction::Incoming)
            .count()
            .to_string();
        let outdeg = g
            .edges_directed(ni, petgraph::Direction::Outgoing)
            .count()
            .to_string();
        start(&mut w, "node", &[("id", &n.id), ("label", &n.label)])?;
        start(&mut w, "attvalues", &[])?;
        let mentions = n.mentions.to_string();
        let pr = format!("{:.6}", n.pagerank);
        let vals: [(&str, &str); 10] = [
            ("type", &n.etype),
            ("country", &n.country),
            ("wikidata", &n.wikidata),
            ("mentions", &mentions),
            ("indegree", &indeg),
            ("outdegree", &outdeg),
            ("pagerank", &pr),
            ("first_seen", &n.first),
            ("last_seen", &n.last),
            ("iri", &n.iri),
        ];
        for (k, v) in vals {
            if !v.is_empty() {
                empty(&mut w, "attvalue", &[("for", k), ("value", v)])?;
            }
        }
        end(&mut w, "attvalues")?;
        let (r, gg, b) = type_colour(&n.etype);
        empty(
            &mut w,
            "viz:color",
            &[
                ("r", &r.to_string()),
                ("g", &gg.to_string()),
                ("b", &b.to_string()),
            ],
        )?;
        let size = format!("{:.2}", 5.0 + 25.0 * n.pagerank / max_pr);
        empty(&mut w, "viz:size", &[("value", &size)])?;
        end(&mut w, "node")?;
    }
    end(&mut w, "nodes")?;
    start(&mut w, "edges", &[])?;
    for (k, e) in g.edge_references().enumerate() {
        let d = e.weight();
        let id = k.to_string();
        let label = format!(
            "{}{}",
            if d.polarity == "negative" { "not " } else { "" },
            d.predicate
        );
        let weight = d.weight.to_string();
        start(
            &mut w,
            "edge",
            &[
                ("id", &id),
                ("source", &g[e.source()].id),
                ("target", &g[e.target()].id),
                ("label", &label),
                ("weight", &weight),
            ],
        )?;
        start(&mut w, "attvalues", &[])?;
        let docs = d.documents.to_string();
        let vals: [(&str, &str); 8] = [
            ("predicate", &d.predicate),
            ("plover", &d.plover),
            ("quad_class", &d.quad),
            ("polarity", &d.polarity),
            ("statements", &weight),
            ("documents", &docs),
            ("first_seen", &d.first),
            ("last_seen", &d.last),
        ];
        for (k, v) in vals {
            if !v.is_empty() {
                empty(&mut w, "attvalue", &[("for", k), ("value", v)])?;
            }
        }
        end(&mut w, "attvalues")?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.into_inner().write_all(b"\n")
}
