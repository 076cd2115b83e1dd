//! The network graph: statement and document counts maintained at ingest,
//! so that questions over the whole store (what happened in a period, which
//! actors lack a Wikidata id) read a few thousand counts instead of
//! grouping millions of statements.
//!
//! Four kinds of cells in the graph [`NETWORK_GRAPH`]: a *period cell* per
//! (predicate, polarity, month of the document's date), an *actor cell* per
//! actor (the statements it is the subject or object of), a *pair cell* per
//! (subject, object, PLOVER quad class) of positive statements, and a *band
//! cell* per band of pair cells:
//!
//! ```text
//! agn:HASH a ag:PeriodCell ; ag:relation ag:supports ; ag:polarity "positive" ;
//!     ag:month "2022-02" ;
//!     ag:statements 1510 ; ag:documents 1203 ; ag:assertedStatements 1391 ; ag:assertedDocuments 1150 .
//! agn:HASH a ag:ActorCell ; ag:actor <s> ; ag:statements 52 ; ag:documents 40 ; …
//! agn:HASH ag:source <s> ; ag:target <o> ; ag:quad "verbal cooperation" ; ag:assertedDocuments 123 ;
//!     ag:band 120 .
//! agn:HASH a ag:BandCell ; ag:band 120 ; ag:cells 4 ; ag:cellsAbove 17 .
//! ```
//!
//! An undated document has no period cell. `statements`/`documents` count
//! every modality; the `asserted` pair only statements stated as fact (not
//! future, possible, reported or hypothetical), what the query library
//! counts by default. Document counts are exact per cell (a document counts
//! once); summed over several predicates they count a document once per
//! predicate.
//!
//! A pair cell stores its asserted documents only and has no class quad
//! (it is the subject of `ag:quad`): there are hundreds of thousands, and
//! each quad written costs six index entries at ingest.
//!
//! Why bands: "the 200 pairs in most documents" would sort every pair cell
//! (394 k on the benchmark store, 0.6 s or more on Oxigraph). A pair cell's
//! band is its count rounded down to two significant digits ([`band`]; the
//! count itself under 100, so `ag:band` is only written from 100 up), and a
//! band cell counts the pair cells in its band and in the bands above it, so
//! a query picks with one filter the bands the top N reach and reads only
//! their pair cells (by the index on the count or on `ag:band`).
//!
//! Why no cell per actor pair and month: Oxigraph stores each as a resource
//! of eight quads, and on the 100,000-document benchmark corpus there are
//! 1.55 M of them: maintaining them tripled the ingest time.
//!
//! Invariant: a document graph is counted in the cells exactly when it has
//! its content digest. The digest is written in the transaction that adds
//! its counts, and removed in the one that subtracts them, so a run killed
//! at any point leaves the counts equal to a recount of the digested
//! documents' statements ([`recount`]; the tests check it after random
//! ingests, re-ingests and removals).

use std::collections::HashMap;
use std::path::Path;

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term,
};
use oxigraph::store::{Store, Transaction};

use super::{CONTENT_HASH, hex, store_err};
use crate::error::Result;
use crate::predicate::{Predicate, quad_class};
use crate::rdf::{AG, DCT, ag};
use crate::statement::{Modality, Statement};

/// The named graph holding the cells.
pub const NETWORK_GRAPH: &str = "https://w3id.org/actorgraph/graph/network";
/// Namespace of the cells' IRIs.
pub const CELL: &str = "https://w3id.org/actorgraph/net/";
/// Version of the cells' shape, written in the network graph: a store
/// without it (written before counts existed) is recounted once.
const VERSION: &str = "2";

/// The band of a count: itself under 100, else rounded down to two
/// significant digits (1,234 is in band 1,200). Bands only grow with the
/// count, and a count is never below its band, so the cells of the bands
/// from B up are exactly the cells counting B or more.
pub fn band(n: i64) -> Option<i64> {
    if n <= 0 {
        return None;
    }
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    Some(n / unit * unit)
}

/// The kinds of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Per (predicate, polarity, month).
    Period,
    /// Per actor: the statements it is the subject or object of.
    Actor,
    /// Per (subject, object, PLOVER quad class) of positive statements.
    Pair,
    /// Per band of pair cells (see [`band`]): how many pair cells it holds.
    Band,
}

impl Kind {
    /// The cell's class in the ontology.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Period => "PeriodCell",
            Kind::Actor => "ActorCell",
            Kind::Pair => "PairCell",
            Kind::Band => "BandCell",
        }
    }
}

/// What a cell counts: everything but the counts. Fields a kind does not
/// use are `None` or empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// Which kind of cell.
    pub kind: Kind,
    /// The actor (actor cells), the subject (pair cells).
    pub subject: Option<String>,
    /// The object (pair cells).
    pub object: Option<String>,
    /// The PLOVER quad class, such as `verbal cooperation` (pair cells).
    pub quad: Option<String>,
    /// The band (band cells).
    pub band: Option<i64>,
    /// Predicate IRI (`ag:` namespace) of period cells; empty for actor cells.
    pub predicate: String,
    /// `positive` or `negative` for period cells; empty for actor cells.
    pub polarity: String,
    /// `YYYY-MM` of the document's date (period cells).
    pub month: Option<String>,
}

impl Key {
    /// A key of `kind` with every field empty.
    pub fn of(kind: Kind) -> Key {
        Key {
            kind,
            subject: None,
            object: None,
            quad: None,
            band: None,
            predicate: String::new(),
            polarity: String::new(),
            month: None,
        }
    }

    /// The cell's IRI: a digest of the key, the same for every store.
    pub fn iri(&self) -> String {
        use md5::{Digest as _, Md5};
        let or_empty = |v: &Option<String>| v.as_deref().unwrap_or("").to_string();
        let text = match self.kind {
            Kind::Period | Kind::Actor => format!(
                "{}\t{}\t{}\t{}\t{}",
                self.kind.class(),
                or_empty(&self.subject),
                self.predicate,
                self.polarity,
                or_empty(&self.month)
            ),
            Kind::Pair => format!(
                "PairCell\t{}\t{}\t{}",
                or_empty(&self.subject),
                or_empty(&self.object),
                or_empty(&self.quad)
            ),
            Kind::Band => format!("BandCell\t{}", self.band.unwrap_or(0)),
        };
        format!("{CELL}{}", hex(&Md5::digest(text.as_bytes())))
    }
}

/// The counts of a cell (or a change to them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Statements, every modality.
    pub statements: i64,
    /// Documents with at least one of them.
    pub documents: i64,
    /// Asserted statements.
    pub asserted_statements: i64,
    /// Documents with at least one asserted statement.
    pub asserted_documents: i64,
}

impl Counts {
    fn add(&mut self, o: Counts, sign: i64) {
        self.statements += sign * o.statements;
        self.documents += sign * o.documents;
        self.asserted_statements += sign * o.asserted_statements;
        self.asserted_documents += sign * o.asserted_documents;
    }

    fn is_zero(&self) -> bool {
        *self == Counts::default()
    }
}

/// Cells and their counts (or changes to them).
pub type Cells = HashMap<Key, Counts>;

/// Adds the changes `more` to `cells`.
pub(super) fn merge(cells: &mut Cells, more: Cells) {
    for (k, c) in more {
        cells.entry(k).or_default().add(c, 1);
    }
}

/// One statement's part of a key and whether it is asserted.
type Fact = (String, String, Option<String>, String, bool);

/// Adds (`sign` 1) or subtracts (-1) one document's counts.
fn add_facts(
    cells: &mut Cells,
    date: Option<&str>,
    facts: impl IntoIterator<Item = Fact>,
    sign: i64,
) {
    let month = date.and_then(|d| d.get(..7)).map(str::to_string);
    let mut doc: HashMap<Key, (i64, i64)> = HashMap::new();
    let mut count = |key: Key, asserted: bool| {
        let e = doc.entry(key).or_default();
        e.0 += 1;
        e.1 += i64::from(asserted);
    };
    for (subject, predicate, object, polarity, asserted) in facts {
        let actor = |e: &String| Key {
            subject: Some(e.clone()),
            ..Key::of(Kind::Actor)
        };
        count(actor(&subject), asserted);
        if let Some(o) = object.as_ref().filter(|o| **o != subject) {
            count(actor(o), asserted);
        }
        // Pair cells count what the direct edges stand for: positive
        // statements with an object and a PLOVER type.
        let quad = predicate
            .strip_prefix(AG)
            .and_then(Predicate::parse)
            .and_then(Predicate::plover)
            .map(quad_class);
        if let (Some(o), Some(quad), "positive", true) =
            (&object, quad, polarity.as_str(), asserted)
        {
            let pair = Key {
                subject: Some(subject.clone()),
                object: Some(o.clone()),
                quad: Some(quad.to_string()),
                ..Key::of(Kind::Pair)
            };
            count(pair, asserted);
        }
        if let Some(month) = &month {
            let period = Key {
                predicate: predicate.clone(),
                polarity: polarity.clone(),
                month: Some(month.clone()),
                ..Key::of(Kind::Period)
            };
            count(period, asserted);
        }
    }
    for (key, (n, a)) in doc {
        let c = if key.kind == Kind::Pair {
            // What a pair cell stores (see `count_props`).
            Counts {
                asserted_documents: 1,
                ..Counts::default()
            }
        } else {
            Counts {
                statements: n,
                documents: 1,
                asserted_statements: a,
                asserted_documents: i64::from(a > 0),
            }
        };
        cells.entry(key).or_default().add(c, sign);
    }
}

/// Adds the counts of a document about to be stored.
pub fn add_document(cells: &mut Cells, date: Option<&str>, statements: &[Statement]) {
    let facts = statements.iter().map(|st| {
        (
            st.subject.id.clone(),
            format!("{AG}{}", st.predicate.name()),
            st.object.as_ref().map(|o| o.id.clone()),
            st.polarity.as_str().to_string(),
            st.modality == Modality::Asserted,
        )
    });
    add_facts(cells, date, facts, 1);
}

/// Adds (`sign` 1) or subtracts (-1) the counts of a document as stored in
/// its graph `g`: one scan of the graph.
pub(super) fn add_stored(
    store: &Store,
    path: &Path,
    g: NamedNodeRef<'_>,
    cells: &mut Cells,
    sign: i64,
) -> Result<()> {
    // Per statement node: subject, predicate, object, polarity, modality.
    const PROPS: [&str; 5] = ["subject", "predicate", "object", "polarity", "modality"];
    let props: Vec<String> = PROPS.iter().map(|p| format!("{AG}{p}")).collect();
    let date_p = format!("{DCT}date");
    let mut parts: HashMap<String, [Option<String>; 5]> = HashMap::new();
    let mut date = None;
    for q in store.quads_for_pattern(None, None, None, Some(g.into())) {
        let q = q.map_err(|e| store_err(path, e))?;
        let p = q.predicate.as_str();
        let value = match q.object {
            Term::NamedNode(n) => n.into_string(),
            Term::Literal(l) => l.value().to_string(),
            _ => continue,
        };
        let NamedOrBlankNode::NamedNode(s) = q.subject else {
            continue;
        };
        if p == date_p && s.as_str() == g.as_str() {
            date = Some(value);
        } else if let Some(i) = props.iter().position(|x| x == p) {
            parts.entry(s.into_string()).or_default()[i] = Some(value);
        }
    }
    let facts = parts
        .into_values()
        .filter_map(|[s, p, o, pol, m]| Some((s?, p?, o, pol?, m? == Modality::Asserted.as_str())));
    add_facts(cells, date.as_deref(), facts, sign);
    Ok(())
}

fn graph() -> GraphNameRef<'static> {
    NamedNodeRef::new_unchecked(NETWORK_GRAPH).into()
}

const COUNT_PROPS: [&str; 4] = [
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
fn counts_of(
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
    match kind {
        Kind::Pair => &COUNT_PROPS[3..],
        _ => &COUNT_PROPS,
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
fn with_cells_above(
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
    match kind {
        Kind::Pair => c.asserted_documents > 0,
        _ => c.statements > 0,
    }
}

/// Applies changes to the cells inside a transaction: new cells are
/// written whole, changed ones get their counts replaced, and a cell left
/// with no statement is removed. Band cells follow the pair cells' bands
/// (band keys among the changes are ignored: they are derived).
pub(super) fn apply<'a>(
    tx: &mut Transaction<'_>,
    changes: impl IntoIterator<Item = (&'a Key, &'a Counts)>,
) -> Result<(), oxigraph::store::StorageError> {
    let mut bands: std::collections::BTreeMap<i64, i64> = Default::default();
    for (key, change) in changes {
        if change.is_zero() || key.kind == Kind::Band {
            continue;
        }
        let cell = NamedNode::new_unchecked(key.iri());
        // Most pair cells a document touches are new: a point look-up of
        // their source quad answers that without opening an iterator.
        let new_pair = match (key.kind, &key.subject) {
            (Kind::Pair, Some(s)) => !tx.contains(&quad(
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
        if kind == Kind::Pair {
            let band_of = |c: Option<Counts>| {
                c.filter(|c| alive(kind, c))
                    .and_then(|c| band(c.asserted_documents))
            };
            let (was, now) = (band_of(old), band_of(Some(new)));
            if was != now {
                // Under 100 the band is the count itself: no quad of its own.
                if let Some(b) = was {
                    *bands.entry(b).or_default() -= 1;
                    if b >= 100 {
                        tx.remove(&quad(&cell, ag("band"), Literal::from(b).into()));
                    }
                }
                if let Some(b) = now {
                    *bands.entry(b).or_default() += 1;
                    if b >= 100 {
                        tx.insert(&quad(&cell, ag("band"), Literal::from(b).into()));
                    }
                }
            }
        }
        let values = |c: &Counts| count_values(c)[COUNT_PROPS.len() - props.len()..].to_vec();
        if !alive(kind, &new) {
            remove_cell(tx, &cell)?;
        } else if let Some(old) = old {
            for (p, (a, b)) in props.iter().zip(values(&old).into_iter().zip(values(&new))) {
                if a != b {
                    tx.remove(&quad(&cell, ag(p), Literal::from(a).into()));
                    tx.insert(&quad(&cell, ag(p), Literal::from(b).into()));
                }
            }
        } else {
            insert_key(tx, &cell, key);
            for (p, v) in props.iter().zip(values(&new)) {
                tx.insert(&quad(&cell, ag(p), Literal::from(v).into()));
            }
        }
    }
    if bands.values().any(|c| *c != 0) {
        update_bands(tx, &bands)?;
    }
    Ok(())
}

/// Applies changes to the number of pair cells per band, and rewrites each
/// band cell's count of the pair cells in the bands above it (what lets a
/// query pick the bands its top N reach with one filter).
fn update_bands(
    tx: &mut Transaction<'_>,
    changes: &std::collections::BTreeMap<i64, i64>,
) -> Result<(), oxigraph::store::StorageError> {
    // band -> (cells, cells above) as stored
    let mut old = std::collections::BTreeMap::new();
    let class = ag(Kind::Band.class());
    let cells: Vec<NamedOrBlankNode> = tx
        .quads_for_pattern(
            None,
            Some(rdfv::TYPE),
            Some(class.as_ref().into()),
            Some(graph()),
        )
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
            ..Key::of(Kind::Band)
        };
        let cell = NamedNode::new_unchecked(key.iri());
        let values = |v: (i64, i64)| [("cells", v.0), ("cellsAbove", v.1)];
        match (old.get(&b), new.get(&b)) {
            (Some(_), None) => remove_cell(tx, &cell)?,
            (None, Some(&v)) => {
                insert_key(tx, &cell, &key);
                for (p, n) in values(v) {
                    tx.insert(&quad(&cell, ag(p), Literal::from(n).into()));
                }
            }
            (Some(&was), Some(&now)) => {
                for ((p, a), (_, b)) in values(was).into_iter().zip(values(now)) {
                    if a != b {
                        tx.remove(&quad(&cell, ag(p), Literal::from(a).into()));
                        tx.insert(&quad(&cell, ag(p), Literal::from(b).into()));
                    }
                }
            }
            (None, None) => {}
        }
    }
    Ok(())
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
    // A pair cell goes without its class (it is the subject of `ag:quad`):
    // one quad less for each of hundreds of thousands.
    if key.kind != Kind::Pair {
        tx.insert(&quad(
            cell,
            rdfv::TYPE.into_owned(),
            ag(key.kind.class()).into(),
        ));
    }
    let subject_p = if key.kind == Kind::Pair {
        "source"
    } else {
        "actor"
    };
    let fields = [
        (subject_p, key.subject.as_deref().map(iri)),
        ("target", key.object.as_deref().map(iri)),
        ("quad", key.quad.as_deref().map(text)),
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
pub(super) fn ensure(store: &Store, path: &Path) -> Result<()> {
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
    super::flush(store, path)
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
    let mut bands: HashMap<i64, i64> = HashMap::new();
    for (k, c) in &cells {
        if let (Kind::Pair, Some(b)) = (k.kind, band(c.asserted_documents)) {
            *bands.entry(b).or_default() += 1;
        }
    }
    for (b, (n, above)) in with_cells_above(bands) {
        let key = Key {
            band: Some(b),
            ..Key::of(Kind::Band)
        };
        cells.insert(key, band_counts(n, above));
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
    for kind in [Kind::Period, Kind::Actor, Kind::Pair, Kind::Band] {
        let class = ag(kind.class());
        // Pair cells have no class quad: they are the subjects of ag:quad.
        let members = if kind == Kind::Pair {
            store.quads_for_pattern(None, Some(ag("quad").as_ref()), None, Some(graph()))
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
                band: (kind == Kind::Band).then_some(stored_band),
                predicate: text(pick(&cell, "relation")?).unwrap_or_default(),
                polarity: text(pick(&cell, "polarity")?).unwrap_or_default(),
                month: text(pick(&cell, "month")?),
            };
            if kind == Kind::Band {
                let (n, above) = (num(pick(&cell, "cells")?), num(pick(&cell, "cellsAbove")?));
                cells.insert(key, band_counts(n, above));
                continue;
            }
            let mut v = [0i64; 4];
            for (slot, p) in v.iter_mut().zip(COUNT_PROPS) {
                *slot = num(pick(&cell, p)?);
            }
            // The band is derived (stored from 100 up): a wrong one is a
            // broken store.
            let want = band(v[3]).filter(|b| *b >= 100).unwrap_or(0);
            if kind == Kind::Pair && want != stored_band {
                let message = format!("pair cell {cell} in band {stored_band} counts {}", v[3]);
                return Err(store_err(path, message));
            }
            cells.insert(key, counts_of(v));
        }
    }
    Ok(cells)
}

/// A SPARQL 1.1 Update that rebuilds the network graph from the statements
/// of every document graph: how a remote store gets its cells (it has no
/// digests and no transaction spanning our requests), once after each
/// `ingest` or `remove`. Same cells and IRIs as the local store's.
pub fn recount_update() -> String {
    let cell = |class: &str, key: &str| {
        format!("IRI(CONCAT(\"{CELL}\", MD5(CONCAT(\"{class}\\t\", {key}))))")
    };
    let period = cell(
        "PeriodCell",
        "\"\\t\", STR(?p), \"\\t\", ?pol, \"\\t\", ?month",
    );
    let actor = cell("ActorCell", "STR(?e), \"\\t\\t\\t\"");
    let pair = cell("PairCell", "STR(?s), \"\\t\", STR(?o), \"\\t\", ?quad");
    let band_cell = cell("BandCell", "STR(?b)");
    // The band of ?ad (see `band`), for counts under ten million.
    let mut band_expr = "?ad".to_string();
    for unit in [1_000_000, 100_000, 10_000, 1_000, 100, 10] {
        band_expr = format!(
            "IF(?ad >= {}, xsd:integer(FLOOR(?ad / {unit})) * {unit}, {band_expr})",
            unit * 10
        );
    }
    let quads: String = Predicate::ALL
        .iter()
        .filter_map(|p| {
            Some(format!(
                "(ag:{} \"{}\") ",
                p.name(),
                quad_class(p.plover()?)
            ))
        })
        .collect();
    format!(
        r#"PREFIX ag: <{AG}>
PREFIX dcterms: <{DCT}>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DROP SILENT GRAPH <{NETWORK_GRAPH}> ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c a ag:PeriodCell ; ag:relation ?p ; ag:polarity ?pol ; ag:month ?month ;
     ag:statements ?n ; ag:documents ?d ; ag:assertedStatements ?an ; ag:assertedDocuments ?ad .
}} }} WHERE {{
  {{
    SELECT ?p ?pol ?month (SUM(?k) AS ?n) (COUNT(?g) AS ?d) (SUM(?ak) AS ?an) (SUM(IF(?ak > 0, 1, 0)) AS ?ad) WHERE {{
      {{
        SELECT ?g ?p ?pol ?month (COUNT(?st) AS ?k) (SUM(IF(?mod = "asserted", 1, 0)) AS ?ak) WHERE {{
          GRAPH ?g {{
            ?g a ag:Document ; dcterms:date ?date .
            ?st a ag:Statement ; ag:predicate ?p ; ag:polarity ?pol0 ; ag:modality ?mod0 .
          }}
          BIND(STR(?pol0) AS ?pol)
          BIND(STR(?mod0) AS ?mod)
          BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
        }}
        GROUP BY ?g ?p ?pol ?month
      }}
    }}
    GROUP BY ?p ?pol ?month
  }}
  BIND({period} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c a ag:ActorCell ; ag:actor ?e ;
     ag:statements ?n ; ag:documents ?d ; ag:assertedStatements ?an ; ag:assertedDocuments ?ad .
}} }} WHERE {{
  {{
    SELECT ?e (SUM(?k) AS ?n) (COUNT(?g) AS ?d) (SUM(?ak) AS ?an) (SUM(IF(?ak > 0, 1, 0)) AS ?ad) WHERE {{
      {{
        SELECT ?g ?e (COUNT(DISTINCT ?st) AS ?k) (COUNT(DISTINCT ?ast) AS ?ak) WHERE {{
          GRAPH ?g {{
            ?g a ag:Document .
            ?st a ag:Statement ; ag:modality ?mod .
            {{ ?st ag:subject ?e }} UNION {{ ?st ag:object ?e }}
          }}
          BIND(IF(STR(?mod) = "asserted", ?st, ?none) AS ?ast)
        }}
        GROUP BY ?g ?e
      }}
    }}
    GROUP BY ?e
  }}
  BIND({actor} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c ag:source ?s ; ag:target ?o ; ag:quad ?quad ; ag:assertedDocuments ?ad ; ag:band ?band .
}} }} WHERE {{
  {{
    SELECT ?s ?o ?quad (COUNT(DISTINCT ?g) AS ?ad) WHERE {{
      VALUES (?p ?quad) {{ {quads}}}
      GRAPH ?g {{
        ?g a ag:Document .
        ?st a ag:Statement ; ag:predicate ?p ; ag:subject ?s ; ag:object ?o ;
            ag:polarity ?pol ; ag:modality ?mod .
      }}
      FILTER(STR(?pol) = "positive" && STR(?mod) = "asserted")
    }}
    GROUP BY ?s ?o ?quad
  }}
  BIND({pair} AS ?c)
  BIND(IF(?ad >= 100, {band_expr}, ?none) AS ?band)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{ ?c a ag:BandCell ; ag:band ?b ; ag:cells ?n . }} }} WHERE {{
  {{
    SELECT ?b (COUNT(?cell) AS ?n) WHERE {{
      GRAPH <{NETWORK_GRAPH}> {{ ?cell ag:quad ?q ; ag:assertedDocuments ?ad }}
      BIND({band_expr} AS ?b)
    }}
    GROUP BY ?b
  }}
  BIND({band_cell} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{ ?c ag:cellsAbove ?above }} }} WHERE {{
  {{
    SELECT ?c (SUM(IF(?b2 > ?b, ?n, 0)) AS ?above) WHERE {{
      GRAPH <{NETWORK_GRAPH}> {{
        ?c a ag:BandCell ; ag:band ?b .
        ?other a ag:BandCell ; ag:band ?b2 ; ag:cells ?n .
      }}
    }}
    GROUP BY ?c
  }}
}} ;
INSERT DATA {{ GRAPH <{NETWORK_GRAPH}> {{ <{NETWORK_GRAPH}> ag:networkVersion "{VERSION}" }} }}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::band;

    #[test]
    fn a_band_is_the_count_rounded_down_to_two_significant_digits() {
        let cases = [
            (0, None),
            (-3, None),
            (1, Some(1)),
            (99, Some(99)),
            (100, Some(100)),
            (109, Some(100)),
            (110, Some(110)),
            (1_234, Some(1_200)),
            (99_999, Some(99_000)),
            (123_456_789, Some(120_000_000)),
        ];
        for (n, want) in cases {
            assert_eq!(band(n), want, "{n}");
        }
    }
}
