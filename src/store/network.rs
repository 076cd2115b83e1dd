//! The network graph: statement and document counts maintained at ingest,
//! so that questions over the whole store (what happened in a period, which
//! actors lack a Wikidata id) read a few thousand counts instead of
//! grouping millions of statements.
//!
//! Two kinds of cells in the graph [`NETWORK_GRAPH`]: a *period cell* per
//! (predicate, polarity, month of the document's date), an *actor cell* per
//! actor (the statements it is the subject or object of):
//!
//! ```text
//! agn:HASH a ag:PeriodCell ; ag:relation ag:supports ; ag:polarity "positive" ;
//!     ag:month "2022-02" ;
//!     ag:statements 1510 ; ag:documents 1203 ; ag:assertedStatements 1391 ; ag:assertedDocuments 1150 .
//! agn:HASH a ag:ActorCell ; ag:actor <s> ; ag:statements 52 ; ag:documents 40 ; …
//! ```
//!
//! An undated document has no period cell. `statements`/`documents` count
//! every modality; the `asserted` pair only statements stated as fact (not
//! future, possible, reported or hypothetical), what the query library
//! counts by default. Document counts are exact per cell (a document counts
//! once); summed over several predicates they count a document once per
//! predicate.
//!
//! Why no cell per actor pair (or pair × month): Oxigraph stores each as a
//! resource of eight quads, and on the 100,000-document benchmark corpus
//! there are 576 k pairs (1.55 M pair × month): maintaining them tripled
//! the ingest time (3 min 13 s to 9 min 31 s) and grouping them was slower
//! than grouping the direct edges (`<s> ag:p <o>` in each document graph),
//! which pair-level questions keep reading.
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
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use oxigraph::store::{Store, Transaction};

use super::{CONTENT_HASH, hex, store_err};
use crate::error::Result;
use crate::rdf::{AG, DCT, ag};
use crate::statement::{Modality, Statement};

/// The named graph holding the cells.
pub const NETWORK_GRAPH: &str = "https://w3id.org/actorgraph/graph/network";
/// Namespace of the cells' IRIs.
pub const CELL: &str = "https://w3id.org/actorgraph/net/";
/// Version of the cells' shape, written in the network graph: a store
/// without it (written before counts existed) is recounted once.
const VERSION: &str = "1";

/// The kinds of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Per (predicate, polarity, month).
    Period,
    /// Per actor: the statements it is the subject or object of.
    Actor,
}

impl Kind {
    /// The cell's class in the ontology.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Period => "PeriodCell",
            Kind::Actor => "ActorCell",
        }
    }
}

/// What a cell counts: everything but the counts. Fields a kind does not
/// use are `None` or empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// Which kind of cell.
    pub kind: Kind,
    /// The actor (actor cells).
    pub subject: Option<String>,
    /// Predicate IRI (`ag:` namespace) of period cells; empty for actor cells.
    pub predicate: String,
    /// `positive` or `negative` for period cells; empty for actor cells.
    pub polarity: String,
    /// `YYYY-MM` of the document's date (period cells).
    pub month: Option<String>,
}

impl Key {
    /// The cell's IRI: a digest of the key, the same for every store.
    pub fn iri(&self) -> String {
        use md5::{Digest as _, Md5};
        let text = format!(
            "{}\t{}\t{}\t{}\t{}",
            self.kind.class(),
            self.subject.as_deref().unwrap_or(""),
            self.predicate,
            self.polarity,
            self.month.as_deref().unwrap_or("")
        );
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
            kind: Kind::Actor,
            subject: Some(e.clone()),
            predicate: String::new(),
            polarity: String::new(),
            month: None,
        };
        count(actor(&subject), asserted);
        if let Some(o) = object.as_ref().filter(|o| **o != subject) {
            count(actor(o), asserted);
        }
        if let Some(month) = &month {
            let period = Key {
                kind: Kind::Period,
                subject: None,
                predicate: predicate.clone(),
                polarity: polarity.clone(),
                month: Some(month.clone()),
            };
            count(period, asserted);
        }
    }
    for (key, (n, a)) in doc {
        let c = Counts {
            statements: n,
            documents: 1,
            asserted_statements: a,
            asserted_documents: i64::from(a > 0),
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

/// The counts stored for one cell, if it exists.
fn read_cell(
    tx: &Transaction<'_>,
    cell: &NamedNode,
) -> Result<Option<Counts>, oxigraph::store::StorageError> {
    let mut v = [0i64; 4];
    let mut found = false;
    for (i, p) in COUNT_PROPS.iter().enumerate() {
        if let Some(q) = tx
            .quads_for_pattern(
                Some(cell.as_ref().into()),
                Some(ag(p).as_ref()),
                None,
                Some(graph()),
            )
            .next()
        {
            if let Term::Literal(l) = q?.object {
                v[i] = l.value().parse().unwrap_or(0);
                found = true;
            }
        }
    }
    Ok(found.then_some(counts_of(v)))
}

/// Applies changes to the cells inside a transaction: new cells are
/// written whole, changed ones get their counts replaced, and a cell left
/// with no statement is removed.
pub(super) fn apply<'a>(
    tx: &mut Transaction<'_>,
    changes: impl IntoIterator<Item = (&'a Key, &'a Counts)>,
) -> Result<(), oxigraph::store::StorageError> {
    let g = graph();
    let q = |s: &NamedNode, p: NamedNode, o: Term| {
        Quad::new(s.clone(), p, o, NamedNode::new_unchecked(NETWORK_GRAPH))
    };
    for (key, change) in changes {
        if change.is_zero() {
            continue;
        }
        let cell = NamedNode::new_unchecked(key.iri());
        let old = read_cell(tx, &cell)?;
        let mut new = old.unwrap_or_default();
        new.add(*change, 1);
        if new.statements <= 0 {
            let quads: Vec<Quad> = tx
                .quads_for_pattern(Some(cell.as_ref().into()), None, None, Some(g))
                .collect::<Result<_, _>>()?;
            for quad in &quads {
                tx.remove(quad);
            }
            continue;
        }
        if let Some(old) = old {
            for (p, (a, b)) in COUNT_PROPS
                .iter()
                .zip(count_values(&old).into_iter().zip(count_values(&new)))
            {
                if a != b {
                    tx.remove(&q(&cell, ag(p), Literal::from(a).into()));
                    tx.insert(&q(&cell, ag(p), Literal::from(b).into()));
                }
            }
            continue;
        }
        tx.insert(&q(
            &cell,
            rdfv::TYPE.into_owned(),
            ag(key.kind.class()).into(),
        ));
        if let Some(s) = &key.subject {
            tx.insert(&q(&cell, ag("actor"), NamedNode::new_unchecked(s).into()));
        }
        if !key.predicate.is_empty() {
            tx.insert(&q(
                &cell,
                ag("relation"),
                NamedNode::new_unchecked(&key.predicate).into(),
            ));
        }
        if !key.polarity.is_empty() {
            tx.insert(&q(
                &cell,
                ag("polarity"),
                Literal::new_simple_literal(&key.polarity).into(),
            ));
        }
        if let Some(m) = &key.month {
            tx.insert(&q(
                &cell,
                ag("month"),
                Literal::new_simple_literal(m).into(),
            ));
        }
        for (p, v) in COUNT_PROPS.iter().zip(count_values(&new)) {
            tx.insert(&q(&cell, ag(p), Literal::from(v).into()));
        }
    }
    Ok(())
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
    store.insert(&mark).map_err(|e| store_err(path, e))
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
    Ok(cells)
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
    for kind in [Kind::Period, Kind::Actor] {
        let class = ag(kind.class());
        for q in store.quads_for_pattern(
            None,
            Some(rdfv::TYPE),
            Some(class.as_ref().into()),
            Some(graph()),
        ) {
            let cell = q.map_err(|e| store_err(path, e))?.subject;
            let key = Key {
                kind,
                subject: text(pick(&cell, "actor")?),
                predicate: text(pick(&cell, "relation")?).unwrap_or_default(),
                polarity: text(pick(&cell, "polarity")?).unwrap_or_default(),
                month: text(pick(&cell, "month")?),
            };
            let mut v = [0i64; 4];
            for (slot, p) in v.iter_mut().zip(COUNT_PROPS) {
                *slot = num(pick(&cell, p)?);
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
    format!(
        r#"PREFIX ag: <{AG}>
PREFIX dcterms: <{DCT}>
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
INSERT DATA {{ GRAPH <{NETWORK_GRAPH}> {{ <{NETWORK_GRAPH}> ag:networkVersion "{VERSION}" }} }}
"#
    )
}
