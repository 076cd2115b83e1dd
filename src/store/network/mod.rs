//! The network graph: statement and document counts maintained at ingest,
//! so that questions over the whole store (what happened in a period, which
//! actors lack a Wikidata id) read a few thousand counts instead of
//! grouping millions of statements.
//!
//! Six kinds of cells in the graph [`NETWORK_GRAPH`]: a *period cell* per
//! (predicate, polarity, month of the document's date), an *actor cell* per
//! actor (the statements it is the subject or object of), a *pair cell* per
//! (subject, object, PLOVER quad class) of positive statements, an *event
//! pair cell* per (subject, object, PLOVER event type) of them, and *band
//! cells* per band of pair cells and per (event type, band) of event pair
//! cells:
//!
//! ```text
//! agn:HASH a ag:PeriodCell ; ag:relation ag:supports ; ag:polarity "positive" ;
//!     ag:month "2022-02" ;
//!     ag:statements 1510 ; ag:documents 1203 ; ag:assertedStatements 1391 ; ag:assertedDocuments 1150 .
//! agn:HASH a ag:ActorCell ; ag:actor <s> ; ag:statements 52 ; ag:documents 40 ; …
//! agn:HASH ag:source <s> ; ag:target <o> ; ag:quad "verbal cooperation" ; ag:assertedDocuments 123 ;
//!     ag:band 120 .
//! agn:HASH a ag:BandCell ; ag:band 120 ; ag:cells 4 ; ag:cellsAbove 17 .
//! agn:HASH ag:source <s> ; ag:target <o> ; ag:eventType "CONSULT" ; ag:assertedDocuments 57 ;
//!     ag:inBand agn:HASH2 .
//! agn:HASH2 a ag:EventBandCell ; ag:bandOf "CONSULT" ; ag:band 57 ; ag:cells 2 ; ag:cellsAbove 30 .
//! ```
//!
//! Why event pair cells beside the quad ones: "who meets whom" or "who
//! accuses whom" counts the documents of one event type per pair, and the
//! documents of a quad class are not the sum of its types' (a document can
//! hold two of them). Grouping the 313 k meeting edges of the benchmark
//! store took 0.5 s; the event bands make it a read of a few hundred cells.
//! An event pair cell links to its band cell (`ag:inBand`) at every count,
//! not only from 100 up as `ag:band`: on the benchmark store most pairs of
//! one type count under 20 documents, and looking them up by count would
//! read the cells of every kind and type with that count.
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

use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;

use super::{hex, store_err};
use crate::error::Result;
use crate::predicate::{Predicate, quad_class};
use crate::rdf::{AG, DCT};
use crate::statement::{Modality, Statement};

mod check;
mod remote;
mod write;

pub use check::{band_counts, recount, stored};
pub use remote::recount_update;
pub(in crate::store) use write::{apply, ensure};
pub use write::{is_outdated, recount_network, warn_if_outdated};

/// The named graph holding the cells.
pub const NETWORK_GRAPH: &str = "https://w3id.org/actorgraph/graph/network";
/// Namespace of the cells' IRIs.
pub const CELL: &str = "https://w3id.org/actorgraph/net/";
/// Version of the cells' shape, written in the network graph: a store
/// without it (written before counts existed) is recounted once.
const VERSION: &str = "3";

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
    /// Per (subject, object, PLOVER event type) of positive statements.
    EventPair,
    /// Per (PLOVER event type, band) of event pair cells.
    EventBand,
}

impl Kind {
    /// The cell's class in the ontology.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Period => "PeriodCell",
            Kind::Actor => "ActorCell",
            Kind::Pair => "PairCell",
            Kind::Band => "BandCell",
            Kind::EventPair => "EventPairCell",
            Kind::EventBand => "EventBandCell",
        }
    }

    /// Whether cells of this kind count actor pairs (and have bands).
    pub fn is_pair(self) -> bool {
        matches!(self, Kind::Pair | Kind::EventPair)
    }

    /// The kind of the band cells of this kind of pair cells.
    pub fn band_kind(self) -> Kind {
        match self {
            Kind::EventPair => Kind::EventBand,
            _ => Kind::Band,
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
    /// The PLOVER event type, such as `CONSULT` (event pair and event band
    /// cells).
    pub event: Option<String>,
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
            event: None,
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
            Kind::EventPair => format!(
                "EventPairCell\t{}\t{}\t{}",
                or_empty(&self.subject),
                or_empty(&self.object),
                or_empty(&self.event)
            ),
            Kind::EventBand => format!(
                "EventBandCell\t{}\t{}",
                or_empty(&self.event),
                self.band.unwrap_or(0)
            ),
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
        let event = predicate
            .strip_prefix(AG)
            .and_then(Predicate::parse)
            .and_then(Predicate::plover);
        if let (Some(o), Some(event), "positive", true) =
            (&object, event, polarity.as_str(), asserted)
        {
            let pair = Key {
                subject: Some(subject.clone()),
                object: Some(o.clone()),
                quad: Some(quad_class(event).to_string()),
                ..Key::of(Kind::Pair)
            };
            count(pair, asserted);
            let pair = Key {
                subject: Some(subject.clone()),
                object: Some(o.clone()),
                event: Some(event.to_string()),
                ..Key::of(Kind::EventPair)
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
        let c = if key.kind.is_pair() {
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
