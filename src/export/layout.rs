//! A deterministic Fruchterman-Reingold force-directed layout (seeded),
//! with gentle gravity so that disconnected parts stay in the frame.

use petgraph::visit::EdgeRef;

use super::Network;

/// A small xorshift generator: deterministic initial positions per seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Node positions in the unit square [0, 1]², indexed like the graph's nodes.
pub fn fruchterman_reingold(g: &Network, seed: u64, iterations: usize) -> Vec<(f64, f64)> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut pos: Vec<(f64, f64)> = (0..n).map(|_| (rng.next(), rng.next())).collect();
    // Ideal edge length, a little longer than the classic sqrt(area/n) to leave room for labels.
    let k = 1.4 * (1.0 / n as f64).sqrt();
    let edges: Vec<(usize, usize)> = g
        .edge_references()
        .map(|e| (e.source().index(), e.target().index()))
        .filter(|(a, b)| a != b)
        .collect();
    let mut temp = 0.1;
    let cool = temp / (iterations as f64 + 1.0);
    for _ in 0..iterations {
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-6);
            let f = d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // gravity towards the centre
            disp[i].0 -= (pos[i].0 - 0.5) * 5.0 * k;
            disp[i].1 -= (pos[i].1 - 0.5) * 5.0 * k;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                .sqrt()
                .max(1e-9);
            let step = len.min(temp);
            pos[i].0 += disp[i].0 / len * step;
            pos[i].1 += disp[i].1 / len * step;
        }
        temp = (temp - cool).max(0.002);
    }
    // Normalise into the unit square.
    let (minx, maxx) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (miny, maxy) = pos
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (w, h) = ((maxx - minx).max(1e-9), (maxy - miny).max(1e-9));
    pos.iter()
        .map(|p| ((p.0 - minx) / w, (p.1 - miny) / h))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{Edge, Node};

    #[test]
    fn layout_is_deterministic_and_separates_nodes() {
        let mut g = Network::new();
        let a = g.add_node(Node::default());
        let b = g.add_node(Node::default());
        let c = g.add_node(Node::default());
        g.add_edge(a, b, Edge::default());
        g.add_edge(b, c, Edge::default());
        let p1 = fruchterman_reingold(&g, 7, 200);
        let p2 = fruchterman_reingold(&g, 7, 200);
        assert_eq!(p1, p2);
        let d =
            |i: usize, j: usize| ((p1[i].0 - p1[j].0).powi(2) + (p1[i].1 - p1[j].1).powi(2)).sqrt();
        assert!(d(0, 1) > 0.1 && d(1, 2) > 0.1 && d(0, 2) > d(0, 1));
    }
}
