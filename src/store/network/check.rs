//! Reading the cells back and recounting them from the statements: what
//! the tests compare, and what a store missing its cells is rebuilt from.

use std::collections::HashMap;
use std::path::Path;

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term};
use oxigraph::store::Store;

use super::write::{COUNT_PROPS, band_quad, counts_of, graph, with_cells_above};
use super::{Cells, Counts, Key, Kind, add_stored, band};
use crate::error::Result;
use crate::rdf::ag;
use crate::store::{CONTENT_HASH, store_err};

/// The counts recomputed from the statements of every counted document
/// (those with a content digest): what the cells must hold.
pub fn recount(store: &Store, path: &Path) -> Result<Cells> {
    let hash_p = NamedNode::new_unchecked(CONTENT_HASH);
    let mut cells = Cells::new();
    let graphs: Vec<NamedNode> = store
        .quads_for_pattern(None, Some(hash_p.as_ref()), None, None)
        .filter_map(|q| match q {
            Ok(q) => match q.graph_name {
                oxigraph::model::GraphName::NamedNode(n) => Some(Ok(n)),
                _ => None,
            },
            Err(e) => Some(Err(store_err(path, e))),
        })
        .collect::<Result<_>>()?;
    for g in graphs {
        add_stored(store, path, g.as_ref(), &mut cells, 1)?;
    }
    cells.retain(|_, c| !c.is_zero());
    // Per (kind of pair cell, event type): pair cells per band.
    let mut bands: HashMap<(Kind, Option<String>), HashMap<i64, i64>> = HashMap::new();
    for (k, c) in &cells {
        if let (true, Some(b)) = (k.kind.is_pair(), band(c.asserted_documents)) {
            let family = bands.entry((k.kind, k.event.clone())).or_default();
            *family.entry(b).or_default() += 1;
        }
    }
    for ((kind, event), per_band) in bands {
        for (b, (n, above)) in with_cells_above(per_band) {
            let key = Key {
                band: Some(b),
                event: event.clone(),
                ..Key::of(kind.band_kind())
            };
            cells.insert(key, band_counts(n, above));
        }
    }
    Ok(cells)
}

/// How a band cell's counts stand among [`Counts`]: its pair cells in
/// `statements`, the pair cells of the bands above it in `documents`.
pub fn band_counts(cells: i64, above: i64) -> Counts {
    Counts {
        statements: cells,
        documents: above,
        ..Counts::default()
    }
}

/// The counts the network graph holds now.
pub fn stored(store: &Store, path: &Path) -> Result<Cells> {
    let pick = |cell: &oxigraph::model::NamedOrBlankNode, p: &str| -> Result<Option<Term>> {
        Ok(store
            .quads_for_pattern(
                Some(cell.as_ref()),
                Some(ag(p).as_ref()),
                None,
                Some(graph()),
            )
            .next()
            .transpose()
            .map_err(|e| store_err(path, e))?
            .map(|q| q.object))
    };
    let text = |t: Option<Term>| match t {
        Some(Term::NamedNode(n)) => Some(n.into_string()),
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        _ => None,
    };
    let num = |t: Option<Term>| text(t).and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut cells = Cells::new();
    let kinds = [
        Kind::Period,
        Kind::Actor,
        Kind::Pair,
        Kind::Band,
        Kind::EventPair,
        Kind::EventBand,
    ];
    for kind in kinds {
        let class = ag(kind.class());
        // Pair cells have no class quad: they are the subjects of ag:quad
        // or ag:eventType.
        let members = if kind.is_pair() {
            let p = if kind == Kind::Pair {
                "quad"
            } else {
                "eventType"
            };
            store.quads_for_pattern(None, Some(ag(p).as_ref()), None, Some(graph()))
        } else {
            store.quads_for_pattern(
                None,
                Some(rdfv::TYPE),
                Some(class.as_ref().into()),
                Some(graph()),
            )
        };
        for q in members {
            let cell = q.map_err(|e| store_err(path, e))?.subject;
            let stored_band = num(pick(&cell, "band")?);
            let key = Key {
                kind,
                subject: text(pick(&cell, "actor")?).or(text(pick(&cell, "source")?)),
                object: text(pick(&cell, "target")?),
                quad: text(pick(&cell, "quad")?),
                band: matches!(kind, Kind::Band | Kind::EventBand).then_some(stored_band),
                event: text(pick(&cell, "eventType")?).or(text(pick(&cell, "bandOf")?)),
                predicate: text(pick(&cell, "relation")?).unwrap_or_default(),
                polarity: text(pick(&cell, "polarity")?).unwrap_or_default(),
                month: text(pick(&cell, "month")?),
            };
            if matches!(kind, Kind::Band | Kind::EventBand) {
                let (n, above) = (num(pick(&cell, "cells")?), num(pick(&cell, "cellsAbove")?));
                cells.insert(key, band_counts(n, above));
                continue;
            }
            let mut v = [0i64; 4];
            for (slot, p) in v.iter_mut().zip(COUNT_PROPS) {
                *slot = num(pick(&cell, p)?);
            }
            // The band is derived: a wrong one is a broken store. A quad
            // pair cell stores it from 100 up, an event pair cell as the
            // link to its band cell.
            let in_band = match kind {
                Kind::Pair => band(v[3]).filter(|b| *b >= 100).unwrap_or(0) == stored_band,
                Kind::EventPair => {
                    let NamedOrBlankNode::NamedNode(iri) = &cell else {
                        return Err(store_err(path, format!("pair cell {cell} is blank")));
                    };
                    let want = band(v[3]).and_then(|b| band_quad(&key, iri, b));
                    let got = pick(&cell, "inBand")?;
                    want.map(|q| q.object) == got
                }
                _ => true,
            };
            if !in_band {
                let message = format!("pair cell {cell} in the wrong band for its count {}", v[3]);
                return Err(store_err(path, message));
            }
            cells.insert(key, counts_of(v));
        }
    }
    Ok(cells)
}
