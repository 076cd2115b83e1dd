//! Writing the cells: applying a transaction's changes to the counts and
//! the bands, and recounting a store whose cells are missing or outdated.

use std::path::Path;

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term,
};
use oxigraph::store::{Store, Transaction};

use super::{Counts, Key, Kind, NETWORK_GRAPH, VERSION, band, recount};
use crate::error::Result;
use crate::rdf::{AG, ag};
use crate::store::{CONTENT_HASH, store_err};

pub(super) fn graph() -> GraphNameRef<'static> {
    NamedNodeRef::new_unchecked(NETWORK_GRAPH).into()
}

pub(super) const COUNT_PROPS: [&str; 4] = [
    "statements",
    "documents",
    "assertedStatements",
    "assertedDocuments",
];

fn count_values(c: &Counts) -> [i64; 4] {
    [
        c.statements,
        c.documents,
        c.asserted_statements,
        c.asserted_documents,
    ]
}

/// The inverse of [`count_values`].
pub(super) fn counts_of(
    [
        statements,
        documents,
        asserted_statements,
        asserted_documents,
    ]: [i64; 4],
) -> Counts {
    Counts {
        statements,
        documents,
        asserted_statements,
        asserted_documents,
    }
}

/// The count properties a cell of `kind` stores: a pair cell only its
/// asserted documents (each quad written costs six index entries, and
/// there are hundreds of thousands of pairs).
fn count_props(kind: Kind) -> &'static [&'static str] {
    if kind.is_pair() {
        &COUNT_PROPS[3..]
    } else {
        &COUNT_PROPS
    }
}

/// The integer values of the `ag:` properties `props` of one cell (0 where
/// missing), if it has any of them: one scan of its quads.
fn read_ints<const N: usize>(
    tx: &Transaction<'_>,
    cell: NamedOrBlankNodeRef<'_>,
    props: [&str; N],
) -> Result<Option<[i64; N]>, oxigraph::store::StorageError> {
    let mut v = [0i64; N];
    let mut found = false;
    for q in tx.quads_for_pattern(Some(cell), None, None, Some(graph())) {
        let q = q?;
        let name = q.predicate.as_str().strip_prefix(AG).unwrap_or("");
        if let (Some(i), Term::Literal(l)) = (props.iter().position(|p| *p == name), &q.object) {
            v[i] = l.value().parse().unwrap_or(0);
            found = true;
        }
    }
    Ok(found.then_some(v))
}

/// The counts stored for one cell, if it exists.
fn read_cell(
    tx: &Transaction<'_>,
    cell: &NamedNode,
) -> Result<Option<Counts>, oxigraph::store::StorageError> {
    Ok(read_ints(tx, cell.as_ref().into(), COUNT_PROPS)?.map(counts_of))
}

/// For pair cells per band: each band's (pair cells, pair cells of the
/// bands above it), what its band cell holds.
pub(super) fn with_cells_above(
    per_band: impl IntoIterator<Item = (i64, i64)>,
) -> std::collections::BTreeMap<i64, (i64, i64)> {
    let mut out: std::collections::BTreeMap<i64, (i64, i64)> = per_band
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(b, n)| (b, (n, 0)))
        .collect();
    let mut above = 0;
    for (n, a) in out.values_mut().rev() {
        *a = above;
        above += *n;
    }
    out
}

/// Whether a cell with counts `c` exists: a pair cell while it has an
/// asserted document, the others while they have a statement.
fn alive(kind: Kind, c: &Counts) -> bool {
    if kind.is_pair() {
        c.asserted_documents > 0
    } else {
        c.statements > 0
    }
}

/// Which band cells a pair cell's band counts in: the quad pair cells'
/// (`None`) or one event type's.
type Family = Option<String>;

/// Applies changes to the cells inside a transaction: new cells are
/// written whole, changed ones get their counts replaced, and a cell left
/// with no statement is removed. Band cells follow the pair cells' bands
/// (band keys among the changes are ignored: they are derived).
pub(in crate::store) fn apply<'a>(
    tx: &mut Transaction<'_>,
    changes: impl IntoIterator<Item = (&'a Key, &'a Counts)>,
) -> Result<(), oxigraph::store::StorageError> {
    let mut bands: std::collections::BTreeMap<(Family, i64), i64> = Default::default();
    for (key, change) in changes {
        if change.is_zero() || matches!(key.kind, Kind::Band | Kind::EventBand) {
            continue;
        }
        let cell = NamedNode::new_unchecked(key.iri());
        // Most pair cells a document touches are new: a point look-up of
        // their source quad answers that without opening an iterator.
        let new_pair = match (key.kind.is_pair(), &key.subject) {
            (true, Some(s)) => !tx.contains(&quad(
                &cell,
                ag("source"),
                NamedNode::new_unchecked(s).into(),
            ))?,
            _ => false,
        };
        let old = if new_pair {
            None
        } else {
            read_cell(tx, &cell)?
        };
        let mut new = old.unwrap_or_default();
        new.add(*change, 1);
        let (kind, props) = (key.kind, count_props(key.kind));
        if kind.is_pair() {
            let family = key.event.clone();
            let band_of = |c: Option<Counts>| {
                c.filter(|c| alive(kind, c))
                    .and_then(|c| band(c.asserted_documents))
            };
            let (was, now) = (band_of(old), band_of(Some(new)));
            if was != now {
                if let Some(b) = was {
                    *bands.entry((family.clone(), b)).or_default() -= 1;
                    if let Some(q) = band_quad(key, &cell, b) {
                        tx.remove(&q);
                    }
                }
                if let Some(b) = now {
                    *bands.entry((family.clone(), b)).or_default() += 1;
                    if let Some(q) = band_quad(key, &cell, b) {
                        tx.insert(&q);
                    }
                }
            }
        }
        // A pair cell stores only the last of the count properties.
        let values = |c: &Counts| {
            let v = count_values(c);
            let stored = &v[COUNT_PROPS.len() - props.len()..];
            props
                .iter()
                .copied()
                .zip(stored.iter().copied())
                .collect::<Vec<_>>()
        };
        if !alive(kind, &new) {
            remove_cell(tx, &cell)?;
        } else {
            write_ints(tx, &cell, key, old.map(|o| values(&o)), &values(&new));
        }
    }
    let mut per_family: std::collections::BTreeMap<Family, std::collections::BTreeMap<i64, i64>> =
        Default::default();
    for ((family, b), change) in bands {
        if change != 0 {
            per_family.entry(family).or_default().insert(b, change);
        }
    }
    for (family, changes) in per_family {
        update_bands(tx, family, &changes)?;
    }
    Ok(())
}

/// The quad that places pair cell `cell` (of `key`) in band `b`: a quad
/// pair cell's `ag:band` from 100 up (under 100 the band is the count
/// itself); an event pair cell's `ag:inBand`, its event band cell, at
/// every count, so that a query reads the cells of one type's bands
/// without those of the other types and kinds.
pub(super) fn band_quad(key: &Key, cell: &NamedNode, b: i64) -> Option<Quad> {
    match key.kind {
        Kind::Pair => (b >= 100).then(|| quad(cell, ag("band"), Literal::from(b).into())),
        Kind::EventPair => {
            let band_cell = Key {
                band: Some(b),
                event: key.event.clone(),
                ..Key::of(Kind::EventBand)
            };
            let iri = NamedNode::new_unchecked(band_cell.iri());
            Some(quad(cell, ag("inBand"), iri.into()))
        }
        _ => None,
    }
}

/// Applies changes to the number of pair cells per band, and rewrites each
/// band cell's count of the pair cells in the bands above it (what lets a
/// query pick the bands its top N reach with one filter).
fn update_bands(
    tx: &mut Transaction<'_>,
    family: Family,
    changes: &std::collections::BTreeMap<i64, i64>,
) -> Result<(), oxigraph::store::StorageError> {
    // band -> (cells, cells above) as stored
    let mut old = std::collections::BTreeMap::new();
    // An event type's band cells are listed by `ag:bandOf` (their class
    // would list every type's).
    let (p, o): (NamedNode, Term) = match &family {
        None => (rdfv::TYPE.into_owned(), ag(Kind::Band.class()).into()),
        Some(t) => (ag("bandOf"), Literal::new_simple_literal(t).into()),
    };
    let cells: Vec<NamedOrBlankNode> = tx
        .quads_for_pattern(None, Some(p.as_ref()), Some(o.as_ref()), Some(graph()))
        .map(|q| q.map(|q| q.subject))
        .collect::<Result<_, _>>()?;
    for cell in cells {
        if let Some([b, n, above]) = read_ints(tx, cell.as_ref(), ["band", "cells", "cellsAbove"])?
        {
            old.insert(b, (n, above));
        }
    }
    let mut per_band: std::collections::BTreeMap<i64, i64> =
        old.iter().map(|(&b, &(n, _))| (b, n)).collect();
    for (b, change) in changes {
        *per_band.entry(*b).or_default() += change;
    }
    let new = with_cells_above(per_band);
    let bands: std::collections::BTreeSet<i64> = old.keys().chain(new.keys()).copied().collect();
    for b in bands {
        let key = Key {
            band: Some(b),
            event: family.clone(),
            ..Key::of(if family.is_some() {
                Kind::EventBand
            } else {
                Kind::Band
            })
        };
        let cell = NamedNode::new_unchecked(key.iri());
        let values = |v: &(i64, i64)| vec![("cells", v.0), ("cellsAbove", v.1)];
        match (old.get(&b), new.get(&b)) {
            (Some(_), None) => remove_cell(tx, &cell)?,
            (was, Some(now)) => write_ints(tx, &cell, &key, was.map(values), &values(now)),
            (None, None) => {}
        }
    }
    Ok(())
}

/// Writes a cell's integer properties `now`: for a cell that had `was`
/// (same properties, same order), replaces the values that changed; for a
/// new cell, writes its key and every value.
fn write_ints(
    tx: &mut Transaction<'_>,
    cell: &NamedNode,
    key: &Key,
    was: Option<Vec<(&str, i64)>>,
    now: &[(&str, i64)],
) {
    match was {
        Some(was) => {
            for (&(p, a), &(_, b)) in was.iter().zip(now) {
                if a != b {
                    tx.remove(&quad(cell, ag(p), Literal::from(a).into()));
                    tx.insert(&quad(cell, ag(p), Literal::from(b).into()));
                }
            }
        }
        None => {
            insert_key(tx, cell, key);
            for &(p, v) in now {
                tx.insert(&quad(cell, ag(p), Literal::from(v).into()));
            }
        }
    }
}

/// A quad of the network graph.
fn quad(s: &NamedNode, p: NamedNode, o: Term) -> Quad {
    Quad::new(s.clone(), p, o, NamedNode::new_unchecked(NETWORK_GRAPH))
}

/// Removes every quad of a cell.
fn remove_cell(
    tx: &mut Transaction<'_>,
    cell: &NamedNode,
) -> Result<(), oxigraph::store::StorageError> {
    let quads: Vec<Quad> = tx
        .quads_for_pattern(Some(cell.as_ref().into()), None, None, Some(graph()))
        .collect::<Result<_, _>>()?;
    for q in &quads {
        tx.remove(q);
    }
    Ok(())
}

/// Writes a new cell's class and key (not its counts).
fn insert_key(tx: &mut Transaction<'_>, cell: &NamedNode, key: &Key) {
    let iri = |v: &str| Term::from(NamedNode::new_unchecked(v));
    let text = |v: &str| Term::from(Literal::new_simple_literal(v));
    // A pair cell goes without its class (the subject of `ag:quad` or
    // `ag:eventType` is one):
    // one quad less for each of hundreds of thousands.
    if !key.kind.is_pair() {
        tx.insert(&quad(
            cell,
            rdfv::TYPE.into_owned(),
            ag(key.kind.class()).into(),
        ));
    }
    let subject_p = if key.kind.is_pair() {
        "source"
    } else {
        "actor"
    };
    let fields = [
        (subject_p, key.subject.as_deref().map(iri)),
        ("target", key.object.as_deref().map(iri)),
        ("quad", key.quad.as_deref().map(text)),
        (
            if key.kind == Kind::EventBand {
                "bandOf"
            } else {
                "eventType"
            },
            key.event.as_deref().map(text),
        ),
        ("band", key.band.map(|b| Literal::from(b).into())),
        (
            "relation",
            Some(&key.predicate)
                .filter(|p| !p.is_empty())
                .map(|p| iri(p)),
        ),
        (
            "polarity",
            Some(&key.polarity)
                .filter(|p| !p.is_empty())
                .map(|p| text(p)),
        ),
        ("month", key.month.as_deref().map(text)),
    ];
    for (p, v) in fields {
        if let Some(v) = v {
            tx.insert(&quad(cell, ag(p), v));
        }
    }
}

fn version_quad() -> Quad {
    Quad::new(
        NamedNode::new_unchecked(NETWORK_GRAPH),
        ag("networkVersion"),
        Literal::new_simple_literal(VERSION),
        NamedNode::new_unchecked(NETWORK_GRAPH),
    )
}

/// Makes sure the store's cells are maintained: a store written before
/// they existed (documents with digests, no version mark) is recounted
/// from its statements once, in transactions of 20,000 cells; the mark
/// goes in last, so a recount stopped half-way is done again.
pub(in crate::store) fn ensure(store: &Store, path: &Path) -> Result<()> {
    let mark = version_quad();
    if store.contains(&mark).map_err(|e| store_err(path, e))? {
        return Ok(());
    }
    // Cells left by a recount that was stopped half-way go first.
    store.clear_graph(graph()).map_err(|e| store_err(path, e))?;
    let cells: Vec<(Key, Counts)> = recount(store, path)?.into_iter().collect();
    // In pieces: a transaction holds its writes in memory.
    for piece in cells.chunks(20_000) {
        let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
        apply(&mut tx, piece.iter().map(|(k, c)| (k, c))).map_err(|e| store_err(path, e))?;
        tx.commit().map_err(|e| store_err(path, e))?;
    }
    store.insert(&mark).map_err(|e| store_err(path, e))?;
    crate::store::flush(store, path)
}

/// Whether the store has documents but cells of an older shape (or none):
/// they are recounted by the next `ingest`, `remove` or `optimize`, and
/// until then the queries reading them answer from what is there.
pub fn is_outdated(store: &Store, path: &Path) -> Result<bool> {
    let err = |e| store_err(path, e);
    if store.contains(&version_quad()).map_err(err)? {
        return Ok(false);
    }
    let hash_p = NamedNode::new_unchecked(CONTENT_HASH);
    Ok(store
        .quads_for_pattern(None, Some(hash_p.as_ref()), None, None)
        .next()
        .transpose()
        .map_err(err)?
        .is_some())
}

/// Warns on standard error when [`is_outdated`].
pub fn warn_if_outdated(store: &Store, path: &Path) {
    if is_outdated(store, path).unwrap_or(false) {
        eprintln!(
            "actorgraph: warning: the network counts of {0} were written by an older version: `actorgraph optimize --store {0}` recounts them (conflict-vs-cooperation, between-dates and without-wikidata read them)",
            path.display()
        );
    }
}

/// Rebuilds the cells from the statements, whatever they hold now: for a
/// store whose document graphs were edited by other means than `ingest`
/// and `remove` (SPARQL Update), which the counts do not follow.
pub fn recount_network(store: &Store, path: &Path) -> Result<()> {
    store
        .remove(&version_quad())
        .map_err(|e| store_err(path, e))?;
    ensure(store, path)
}
