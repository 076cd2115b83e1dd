//! A static picture of the network: force-directed layout, nodes coloured
//! by type and sized by PageRank, edges coloured by PLOVER quad class,
//! labels placed without overlap, and a legend.

use std::io::Write;

use petgraph::visit::EdgeRef;
use quick_xml::Writer;

use super::xml::{W, tag};
use quick_xml::events::{BytesDecl, BytesEnd, Event};

use super::layout::fruchterman_reingold;
use super::{Network, QUADS, quad_colour, type_colour};

const W: f64 = 1200.0;
const H: f64 = 900.0;
const MARGIN: f64 = 90.0;
const LEGEND_W: f64 = 250.0;

fn text(w: &mut W, x: f64, y: f64, size: f64, weight: &str, s: &str) -> std::io::Result<()> {
    let (xs, ys, fs) = (format!("{x:.1}"), format!("{y:.1}"), format!("{size:.1}"));
    tag(
        w,
        "text",
        &[
            ("x", &xs),
            ("y", &ys),
            ("font-size", &fs),
            ("font-weight", weight),
        ],
        false,
    )?;
    super::xml::text(w, s)?;
    w.write_event(Event::End(BytesEnd::new("text")))
}

fn rgb(c: (u8, u8, u8)) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// Label boxes already placed, to keep labels from piling up.
struct Boxes(Vec<(f64, f64, f64, f64)>);

impl Boxes {
    fn free(&self, b: (f64, f64, f64, f64)) -> bool {
        b.0 >= 0.0
            && b.2 <= W - LEGEND_W
            && b.1 >= 0.0
            && b.3 <= H
            && self
                .0
                .iter()
                .all(|o| b.2 < o.0 || b.0 > o.2 || b.3 < o.1 || b.1 > o.3)
    }
}

/// Writes `g` as an SVG picture (deterministic for a given `seed`).
pub fn write(g: &Network, seed: u64, out: &mut dyn Write) -> std::io::Result<()> {
    let pos = fruchterman_reingold(g, seed, 600);
    let max_pr = g
        .node_weights()
        .map(|n| n.pagerank)
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    let area_w = W - LEGEND_W - 2.0 * MARGIN;
    let xy: Vec<(f64, f64)> = pos
        .iter()
        .map(|p| (MARGIN + p.0 * area_w, MARGIN + p.1 * (H - 2.0 * MARGIN)))
        .collect();
    let radius: Vec<f64> = g
        .node_weights()
        .map(|n| 5.0 + 16.0 * (n.pagerank / max_pr).sqrt())
        .collect();
    let mut w: W = Writer::new_with_indent(out, b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let (ws, hs, vb) = (format!("{W}"), format!("{H}"), format!("0 0 {W} {H}"));
    tag(
        &mut w,
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &ws),
            ("height", &hs),
            ("viewBox", &vb),
            ("font-family", "DejaVu Sans, Arial, sans-serif"),
        ],
        false,
    )?;
    tag(
        &mut w,
        "rect",
        &[("width", &ws), ("height", &hs), ("fill", "white")],
        true,
    )?;
    // Arrow heads, one per edge colour.
    tag(&mut w, "defs", &[], false)?;
    for (i, q) in QUADS.iter().copied().chain(std::iter::once("")).enumerate() {
        let id = format!("arrow{i}");
        tag(
            &mut w,
            "marker",
            &[
                ("id", &id),
                ("viewBox", "0 0 10 10"),
                ("refX", "10"),
                ("refY", "5"),
                ("markerWidth", "7"),
                ("markerHeight", "7"),
                ("orient", "auto-start-reverse"),
            ],
            false,
        )?;
        tag(
            &mut w,
            "path",
            &[
                ("d", "M 0 0 L 10 5 L 0 10 z"),
                ("fill", &rgb(quad_colour(q))),
            ],
            true,
        )?;
        w.write_event(Event::End(BytesEnd::new("marker")))?;
    }
    w.write_event(Event::End(BytesEnd::new("defs")))?;
    text(
        &mut w,
        20.0,
        34.0,
        20.0,
        "bold",
        "actorgraph: actor network",
    )?;
    // Edges below nodes; they stop at the target's rim.
    tag(&mut w, "g", &[("stroke-opacity", "0.75")], false)?;
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a == b {
            continue;
        }
        let d = e.weight();
        let (x1, y1, x2, y2) = (xy[a].0, xy[a].1, xy[b].0, xy[b].1);
        let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(1e-6);
        let (ex, ey) = (
            x2 - (x2 - x1) / len * (radius[b] + 2.0),
            y2 - (y2 - y1) / len * (radius[b] + 2.0),
        );
        let qi = QUADS.iter().position(|q| *q == d.quad).unwrap_or(4);
        let marker = format!("url(#arrow{qi})");
        let width = format!("{:.1}", 1.2 + (d.weight as f64).ln_1p() * 1.5);
        let dash = if d.polarity == "negative" {
            "5,4"
        } else {
            "none"
        };
        let (sx1, sy1, sx2, sy2) = (
            format!("{x1:.1}"),
            format!("{y1:.1}"),
            format!("{ex:.1}"),
            format!("{ey:.1}"),
        );
        tag(
            &mut w,
            "line",
            &[
                ("x1", &sx1),
                ("y1", &sy1),
                ("x2", &sx2),
                ("y2", &sy2),
                ("stroke", &rgb(quad_colour(&d.quad))),
                ("stroke-width", &width),
                ("stroke-dasharray", dash),
                ("marker-end", &marker),
            ],
            true,
        )?;
    }
    w.write_event(Event::End(BytesEnd::new("g")))?;
    // Nodes.
    for ni in g.node_indices() {
        let i = ni.index();
        let (cx, cy, r) = (
            format!("{:.1}", xy[i].0),
            format!("{:.1}", xy[i].1),
            format!("{:.1}", radius[i]),
        );
        tag(
            &mut w,
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", &r),
                ("fill", &rgb(type_colour(&g[ni].etype))),
                ("stroke", "white"),
                ("stroke-width", "1.5"),
            ],
            true,
        )?;
    }
    // Labels: most central first; each tries four places and is dropped if none is free.
    let mut order: Vec<usize> = (0..g.node_count()).collect();
    order.sort_by(|&a, &b| {
        radius[b]
            .partial_cmp(&radius[a])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    let mut boxes = Boxes(
        xy.iter()
            .zip(&radius)
            .map(|(p, r)| (p.0 - r, p.1 - r, p.0 + r, p.1 + r))
            .collect(),
    );
    tag(&mut w, "g", &[("fill", "rgb(33,33,33)")], false)?;
    for i in order {
        let label = &g[petgraph::graph::NodeIndex::new(i)].label;
        let size = 11.0 + 4.0 * (radius[i] - 5.0) / 16.0;
        let tw = label.chars().count() as f64 * size * 0.58;
        let (x, y, r) = (xy[i].0, xy[i].1, radius[i]);
        let d = r * 0.7 + 3.0;
        let spots = [
            (x + r + 3.0, y + size * 0.35),
            (x - r - 3.0 - tw, y + size * 0.35),
            (x - tw / 2.0, y - r - 4.0),
            (x - tw / 2.0, y + r + size + 2.0),
            (x + d, y - d),
            (x - d - tw, y - d),
            (x + d, y + d + size),
            (x - d - tw, y + d + size),
        ];
        // Own circle is allowed under its label.
        let own = boxes
            .0
            .iter()
            .position(|b| (b.0 - (x - r)).abs() < 1e-9 && (b.1 - (y - r)).abs() < 1e-9);
        let saved = own.map(|k| boxes.0.remove(k));
        if let Some(&(lx, ly)) = spots
            .iter()
            .find(|(lx, ly)| boxes.free((*lx, ly - size, lx + tw, ly + 3.0)))
        {
            text(&mut w, lx, ly, size, "normal", label)?;
            boxes.0.push((lx, ly - size, lx + tw, ly + 3.0));
        }
        if let Some(b) = saved {
            boxes.0.push(b);
        }
    }
    w.write_event(Event::End(BytesEnd::new("g")))?;
    legend(&mut w)?;
    w.write_event(Event::End(BytesEnd::new("svg")))?;
    w.into_inner().write_all(b"\n")
}

fn legend(w: &mut W) -> std::io::Result<()> {
    let x0 = W - LEGEND_W + 10.0;
    let mut y = 70.0;
    text(w, x0, y, 14.0, "bold", "Actors")?;
    for t in [
        "Person",
        "Country",
        "Organization",
        "Group",
        "Event",
        "Place",
    ] {
        y += 24.0;
        let (cx, cy) = (format!("{:.1}", x0 + 8.0), format!("{:.1}", y - 5.0));
        tag(
            w,
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", "7"),
                ("fill", &rgb(type_colour(t))),
            ],
            true,
        )?;
        text(w, x0 + 22.0, y, 13.0, "normal", t)?;
    }
    y += 40.0;
    text(w, x0, y, 14.0, "bold", "Statements")?;
    for q in QUADS.iter().copied().chain(std::iter::once("structural")) {
        y += 24.0;
        let (x1, x2, ly) = (
            format!("{x0:.1}"),
            format!("{:.1}", x0 + 16.0),
            format!("{:.1}", y - 5.0),
        );
        tag(
            w,
            "line",
            &[
                ("x1", &x1),
                ("y1", &ly),
                ("x2", &x2),
                ("y2", &ly),
                ("stroke", &rgb(quad_colour(q))),
                ("stroke-width", "3"),
            ],
            true,
        )?;
        text(w, x0 + 22.0, y, 13.0, "normal", q)?;
    }
    y += 32.0;
    text(w, x0, y, 12.0, "normal", "node size: PageRank")?;
    text(w, x0, y + 18.0, 12.0, "normal", "line width: statements")?;
    text(
        w,
        x0,
        y + 36.0,
        12.0,
        "normal",
        "dashed: negated statements",
    )
}
