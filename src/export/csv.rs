//! CSV node and edge tables in Gephi's spreadsheet-import layout
//! (nodes: `Id,Label,...`; edges: `Source,Target,Type,Id,Label,Weight,...`).

use std::io::Write;

use petgraph::visit::EdgeRef;

use super::Network;
use super::gexf::{EDGE_ATTRS, NODE_ATTRS, edge_label, edge_values, node_values};

/// Quotes a field when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut dyn Write, cells: &[String]) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",")
    )
}

/// Writes the node table.
pub fn write_nodes(g: &Network, out: &mut dyn Write) -> std::io::Result<()> {
    let mut header = vec!["Id".to_string(), "Label".to_string()];
    header.extend(NODE_ATTRS.iter().map(|(k, _)| k.to_string()));
    line(out, &header)?;
    for ni in g.node_indices() {
        let mut row = vec![g[ni].id.clone(), g[ni].label.clone()];
        row.extend(node_values(g, ni).into_iter().map(|(_, v)| v));
        line(out, &row)?;
    }
    Ok(())
}

/// Writes the edge table.
pub fn write_edges(g: &Network, out: &mut dyn Write) -> std::io::Result<()> {
    let mut header: Vec<String> = ["Source", "Target", "Type", "Id", "Label", "Weight"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(EDGE_ATTRS.iter().map(|(k, _)| k.to_string()));
    line(out, &header)?;
    for (k, e) in g.edge_references().enumerate() {
        let d = e.weight();
        let mut row = vec![
            g[e.source()].id.clone(),
            g[e.target()].id.clone(),
            "Directed".into(),
            k.to_string(),
            edge_label(d),
            d.weight.to_string(),
        ];
        let vals = edge_values(d);
        row.extend(EDGE_ATTRS.iter().map(|(id, _)| {
            vals.iter()
                .find(|(k, _)| k == id)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }));
        line(out, &row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(super::field("Russia"), "Russia");
        assert_eq!(super::field("Korea, South"), "\"Korea, South\"");
        assert_eq!(super::field("say \"no\""), "\"say \"\"no\"\"\"");
    }
}
