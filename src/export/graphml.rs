//! GraphML writer with typed keys for node and edge attributes.

use std::io::Write;

use petgraph::visit::EdgeRef;
use quick_xml::Writer;

use super::xml::{W, tag};
use quick_xml::events::{BytesDecl, BytesEnd, Event};

use super::Network;
use super::gexf::{edge_attrs, edge_label, edge_values, node_attrs, node_values};

fn data(w: &mut W, key: &str, value: &str) -> std::io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    tag(w, "data", &[("key", key)], false)?;
    super::xml::text(w, value)?;
    w.write_event(Event::End(BytesEnd::new("data")))
}

fn gtype(t: &str) -> &str {
    match t {
        "integer" => "int",
        other => other,
    }
}

/// Writes `g` as GraphML.
pub fn write(g: &Network, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w: W = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    tag(
        &mut w,
        "graphml",
        &[("xmlns", "http://graphml.graphdrawing.org/xmlns")],
        false,
    )?;
    tag(
        &mut w,
        "key",
        &[
            ("id", "label"),
            ("for", "node"),
            ("attr.name", "label"),
            ("attr.type", "string"),
        ],
        true,
    )?;
    for (id, ty) in node_attrs(g) {
        tag(
            &mut w,
            "key",
            &[
                ("id", id),
                ("for", "node"),
                ("attr.name", id),
                ("attr.type", gtype(ty)),
            ],
            true,
        )?;
    }
    // Edge keys are prefixed: GraphML key ids share one namespace.
    tag(
        &mut w,
        "key",
        &[
            ("id", "e_label"),
            ("for", "edge"),
            ("attr.name", "label"),
            ("attr.type", "string"),
        ],
        true,
    )?;
    for (id, ty) in edge_attrs(g) {
        let eid = format!("e_{id}");
        tag(
            &mut w,
            "key",
            &[
                ("id", &eid),
                ("for", "edge"),
                ("attr.name", id),
                ("attr.type", gtype(ty)),
            ],
            true,
        )?;
    }
    tag(
        &mut w,
        "graph",
        &[("id", "actors"), ("edgedefault", "directed")],
        false,
    )?;
    for ni in g.node_indices() {
        tag(&mut w, "node", &[("id", &g[ni].id)], false)?;
        data(&mut w, "label", &g[ni].label)?;
        for (k, v) in node_values(g, ni) {
            data(&mut w, k, &v)?;
        }
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    for (k, e) in g.edge_references().enumerate() {
        let d = e.weight();
        let id = format!("e{k}");
        tag(
            &mut w,
            "edge",
            &[
                ("id", &id),
                ("source", &g[e.source()].id),
                ("target", &g[e.target()].id),
            ],
            false,
        )?;
        data(&mut w, "e_label", &edge_label(d))?;
        for (k, v) in edge_values(d) {
            data(&mut w, &format!("e_{k}"), &v)?;
        }
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.into_inner().write_all(b"\n")
}
