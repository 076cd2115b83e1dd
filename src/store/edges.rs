//! Direct edges (`agr:A ag:meets agr:B` in a document's graph) stand for
//! positive statements stated as fact: a planned, possible or reported
//! meeting is not a held one, and the query library and the web workbench
//! count edges. Stores written before this rule also have edges for
//! future, possible, reported and hypothetical statements; [`ensure`] drops
//! those once (the statements stay), then marks the store.

use std::collections::HashSet;
use std::path::Path;

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;

use super::network::NETWORK_GRAPH;
use super::store_err;
use crate::error::Result;
use crate::rdf::ag;

fn mark() -> Quad {
    Quad::new(
        NamedNode::new_unchecked(NETWORK_GRAPH),
        ag("directEdges"),
        Literal::new_simple_literal("asserted"),
        NamedNode::new_unchecked(NETWORK_GRAPH),
    )
}

/// One statement's (subject, predicate, object) in its graph.
type Edge = (NamedOrBlankNode, NamedNode, Term, GraphName);

/// The (subject, predicate IRI, object) edges, in their graphs, of the
/// positive statements not stated as fact.
fn unasserted(store: &Store, path: &Path) -> Result<HashSet<Edge>> {
    let err = |e| store_err(path, e);
    let mut out = HashSet::new();
    for q in store.quads_for_pattern(None, Some(ag("modality").as_ref()), None, None) {
        let q = q.map_err(err)?;
        if matches!(&q.object, Term::Literal(l) if l.value() == "asserted") {
            continue;
        }
        let g = q.graph_name.as_ref();
        let (s, p, o, pol) = (
            value(store, path, q.subject.as_ref(), "subject", g)?,
            value(store, path, q.subject.as_ref(), "predicate", g)?,
            value(store, path, q.subject.as_ref(), "object", g)?,
            value(store, path, q.subject.as_ref(), "polarity", g)?,
        );
        if let (
            Some(Term::NamedNode(s)),
            Some(Term::NamedNode(p)),
            Some(o),
            Some(Term::Literal(pol)),
        ) = (s, p, o, pol)
        {
            if pol.value() == "positive" {
                out.insert((s.into(), p, o, q.graph_name.clone()));
            }
        }
    }
    Ok(out)
}

/// The value of `st`'s property `local` in graph `g`.
fn value(
    store: &Store,
    path: &Path,
    st: oxigraph::model::NamedOrBlankNodeRef<'_>,
    local: &str,
    g: oxigraph::model::GraphNameRef<'_>,
) -> Result<Option<Term>> {
    store
        .quads_for_pattern(Some(st), Some(ag(local).as_ref()), None, Some(g))
        .next()
        .transpose()
        .map(|x| x.map(|x| x.object))
        .map_err(|e| store_err(path, e))
}

/// Whether an asserted positive statement of graph `g` (or one written
/// without a modality, asserted by default) also gives the edge.
fn asserted_elsewhere(store: &Store, path: &Path, (s, p, o, g): &Edge) -> Result<bool> {
    let subject = Term::from(s.clone());
    for q in store.quads_for_pattern(
        None,
        Some(ag("subject").as_ref()),
        Some(subject.as_ref()),
        Some(g.as_ref()),
    ) {
        let st = q.map_err(|e| store_err(path, e))?.subject;
        let same = |local: &str, want: &Term| -> Result<bool> {
            Ok(value(store, path, st.as_ref(), local, g.as_ref())?.as_ref() == Some(want))
        };
        let asserted = match value(store, path, st.as_ref(), "modality", g.as_ref())? {
            Some(Term::Literal(l)) => l.value() == "asserted",
            _ => true,
        };
        if asserted
            && same("predicate", &Term::from(p.clone()))?
            && same("object", o)?
            && same("polarity", &Literal::new_simple_literal("positive").into())?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Drops the direct edges that only statements not stated as fact support,
/// once per store (a store written by this version has none).
pub(super) fn ensure(store: &Store, path: &Path) -> Result<()> {
    let mark = mark();
    if store.contains(&mark).map_err(|e| store_err(path, e))? {
        return Ok(());
    }
    let mut gone = Vec::new();
    for e in unasserted(store, path)? {
        if !asserted_elsewhere(store, path, &e)? {
            gone.push(e);
        }
    }
    // In pieces: a transaction holds its writes in memory. The mark goes in
    // last, so a run stopped half-way is done again.
    for piece in gone.chunks(50_000) {
        let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
        for (s, p, o, g) in piece {
            tx.remove(&Quad::new(s.clone(), p.clone(), o.clone(), g.clone()));
        }
        tx.commit().map_err(|e| store_err(path, e))?;
    }
    store.insert(&mark).map_err(|e| store_err(path, e))
}
