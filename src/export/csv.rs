//! CSV node and edge tables in Gephi's spreadsheet-import layout
//! (nodes: `Id,Label,...`; edges: `Source,Target,Type,Id,Label,Weight,...`).

use std::io::Write;

use petgraph::visit::EdgeRef;

use super::Network;
use super::gexf::{edge_attrs, edge_label, edge_values, node_attrs, node_values};

/// A text field: quoted when it holds a comma, a quote or a line break.
/// Text that a spreadsheet would read as a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) is prefixed with a single
/// quote and quoted, the OWASP rule against CSV injection: the exports are
/// meant for spreadsheet import, and a label comes from news text or a
/// user's knowledge file. Numbers are written with [`number`].
pub fn field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number field, written as is (a negative number is not a formula).
pub fn number(s: &str) -> String {
    if s.parse::<f64>().is_ok() {
        s.to_string()
    } else {
        field(s)
    }
}

/// A cell: (value, whether the column holds numbers).
type Cell = (String, bool);

fn line(out: &mut dyn Write, cells: &[Cell]) -> std::io::Result<()> {
    let cells: Vec<String> = cells
        .iter()
        .map(|(c, num)| if *num { number(c) } else { field(c) })
        .collect();
    writeln!(out, "{}", cells.join(","))
}

/// Whether a GEXF attribute type is numeric.
fn numeric(ty: &str) -> bool {
    matches!(ty, "integer" | "double")
}

/// Text cells.
fn texts(names: &[&str]) -> Vec<Cell> {
    names.iter().map(|s| (s.to_string(), false)).collect()
}

/// Writes the node table (the columns some node fills).
pub fn write_nodes(g: &Network, out: &mut dyn Write) -> std::io::Result<()> {
    let attrs = node_attrs(g);
    let mut header = texts(&["Id", "Label"]);
    header.extend(texts(&attrs.iter().map(|(k, _)| *k).collect::<Vec<_>>()));
    line(out, &header)?;
    for ni in g.node_indices() {
        let mut row = vec![(g[ni].id.clone(), false), (g[ni].label.clone(), false)];
        row.extend(cells(&attrs, node_values(g, ni)));
        line(out, &row)?;
    }
    Ok(())
}

/// The values of `attrs`, in order, typed.
fn cells(attrs: &[(&str, &str)], vals: Vec<(&str, String)>) -> Vec<Cell> {
    attrs
        .iter()
        .map(|(id, ty)| {
            let v = vals
                .iter()
                .find(|(k, _)| k == id)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (v, numeric(ty))
        })
        .collect()
}

/// Writes the edge table (the columns some edge fills).
pub fn write_edges(g: &Network, out: &mut dyn Write) -> std::io::Result<()> {
    let attrs = edge_attrs(g);
    let mut header = texts(&["Source", "Target", "Type", "Id", "Label", "Weight"]);
    header.extend(texts(&attrs.iter().map(|(k, _)| *k).collect::<Vec<_>>()));
    line(out, &header)?;
    for (k, e) in g.edge_references().enumerate() {
        let d = e.weight();
        let mut row = vec![
            (g[e.source()].id.clone(), false),
            (g[e.target()].id.clone(), false),
            ("Directed".into(), false),
            (k.to_string(), true),
            (edge_label(d), false),
            (d.weight.to_string(), true),
        ];
        row.extend(cells(&attrs, edge_values(d)));
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

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        use super::{field, number};
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for s in ["+1", "-cmd", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(field(s), format!("\"'{s}\""));
        }
        assert_eq!(number("-3"), "-3");
        assert_eq!(number("=1"), "\"'=1\"");
    }
}
