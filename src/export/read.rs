//! Reading the network's raw material from a store: entity facts, and one
//! row per (subject, predicate, object, polarity) and document, either from
//! the documents' edge summaries (one quad per document) or from every
//! statement (six quads each).
//!
//! Strings are interned: a full-network export aggregates millions of rows,
//! and comparing IRIs that share a 31-byte namespace prefix was a quarter of
//! its time.

use std::collections::{BTreeSet, HashMap};

use rustc_hash::FxHashMap;

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};

use super::summary;
use crate::backend::Backend;
use crate::error::{Error, Result};

/// Entity facts: (label, type, country, Wikidata id).
pub(crate) type Info = (String, String, String, String);

/// Interned strings.
#[derive(Default)]
pub(crate) struct Names {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    /// The number of `key`, storing `make()` as its name the first time.
    fn id_with(&mut self, key: &str, make: impl FnOnce() -> String) -> u32 {
        if let Some(&i) = self.ids.get(key) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(make());
        self.ids.insert(key.to_string(), i);
        i
    }

    /// The number of `s`.
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        self.id_with(s, || s.to_string())
    }

    /// The number of `s`, if interned.
    pub(crate) fn ids_of(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// The string of number `i`.
    pub(crate) fn get(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    /// How many strings.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// Statements of one (subject, predicate, object, polarity) in one document,
/// as interned numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub s: u32,
    pub p: u32,
    pub o: u32,
    pub pol: u32,
    pub doc: u32,
    /// The date, `""` when unknown.
    pub date: u32,
    /// Number of statements.
    pub n: u32,
}

/// Rows and their strings: `iris` for subjects and objects (full IRIs),
/// `words` for predicates, polarities and dates.
#[derive(Default)]
pub(crate) struct Rows {
    pub rows: Vec<Row>,
    pub iris: Names,
    pub words: Names,
    /// Documents read without a date (summaries only).
    pub undated: usize,
}

impl Rows {
    /// Interns an entity IRI given in full or without the entity namespace.
    pub(crate) fn iri(&mut self, s: &str) -> u32 {
        let short = summary::short(s);
        self.iris.id_with(short, || summary::expand(short))
    }
}

pub(crate) fn lit(t: Option<&Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

pub(crate) fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// The (subject, predicate, object) triples a user query selects; the
/// predicate is empty when the query gives only ?s and ?o.
pub(crate) fn sparql_filter(
    store: &Backend,
    q: &str,
) -> Result<BTreeSet<(String, String, String)>> {
    let results = store.evaluate(q, &[])?;
    let mut out = BTreeSet::new();
    match results {
        QueryResults::Graph(triples) => {
            for t in triples {
                let t = t.map_err(|e| Error::Sparql(e.to_string()))?;
                out.insert((
                    t.subject.to_string().trim_matches(['<', '>']).to_string(),
                    local(t.predicate.as_str()).to_string(),
                    lit(Some(&t.object)),
                ));
            }
        }
        QueryResults::Solutions(rows) => {
            for r in rows {
                let r = r.map_err(|e| Error::Sparql(e.to_string()))?;
                let (s, o) = (lit(r.get("s")), lit(r.get("o")));
                if s.is_empty() || o.is_empty() {
                    return Err(Error::Usage(
                        "--sparql: a SELECT query must bind ?s and ?o (and optionally ?p)".into(),
                    ));
                }
                out.insert((s, local(&lit(r.get("p"))).to_string(), o));
            }
        }
        QueryResults::Boolean(_) => {
            return Err(Error::Usage(
                "--sparql needs a CONSTRUCT or SELECT ?s ?p ?o query".into(),
            ));
        }
    }
    Ok(out)
}

/// Rows from the documents' edge summaries, or the number of documents
/// that have none (then the statements must be read).
///
/// By SPARQL rather than a quad scan: only the summary literal is decoded,
/// not the document IRI (each decoded IRI is a key-value look-up). Each
/// solution is one document.
pub(crate) fn from_summaries(
    store: &Backend,
    documents: usize,
    asserted_only: bool,
) -> Result<std::result::Result<Rows, usize>> {
    let q = "SELECT ?summary WHERE { GRAPH ?g { ?d ag:edgeSummary ?summary } }";
    let mut out = Rows::default();
    let mut seen = 0;
    for (d, solution) in store.select_all(q)?.iter().enumerate() {
        let text = lit(solution.get("summary"));
        let Some((date, edges)) = summary::parse(&text) else {
            continue;
        };
        // A version 1 summary cannot tell asserted statements apart.
        if asserted_only && edges.iter().any(|e| e.5.is_none()) {
            continue;
        }
        seen += 1;
        out.undated += usize::from(date.is_empty());
        let date = out.words.id(date);
        for (s, p, o, pol, all, asserted) in edges {
            let n = if asserted_only {
                asserted.unwrap_or(0)
            } else {
                all
            };
            if n == 0 {
                continue;
            }
            let row = Row {
                s: out.iri(s),
                p: out.words.id(p),
                o: out.iri(o),
                pol: out.words.id(pol),
                doc: d as u32,
                date,
                n,
            };
            out.rows.push(row);
        }
    }
    Ok(if seen >= documents {
        Ok(out)
    } else {
        Err(documents - seen)
    })
}

/// Rows from every statement (one row each), grouped by document.
pub(crate) fn from_statements(store: &Backend, asserted_only: bool) -> Result<Rows> {
    let ag = |l: &str| format!("{}{l}", crate::rdf::AG);
    // (subject, predicate, object, polarity, document, date) of each statement IRI.
    type Fields = [String; 6];
    let mut by_st: HashMap<String, Fields> = HashMap::new();
    for (st, o) in store.scan(&ag("subject"))? {
        by_st.insert(
            st,
            [
                lit(Some(&o)),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        );
    }
    let fields = [
        (ag("predicate"), 1),
        (ag("object"), 2),
        (ag("polarity"), 3),
        (format!("{}wasDerivedFrom", crate::rdf::PROV), 4),
        (format!("{}date", crate::rdf::DCT), 5),
    ];
    for (property, i) in fields {
        for (st, o) in store.scan(&property)? {
            if let Some(f) = by_st.get_mut(&st) {
                let v = lit(Some(&o));
                // The predicate by its local name, as in the summaries.
                f[i] = if i == 1 { local(&v).to_string() } else { v };
            }
        }
    }
    if asserted_only {
        // Statements written without a modality are asserted (the default).
        for (st, o) in store.scan(&ag("modality"))? {
            if lit(Some(&o)) != "asserted" {
                by_st.remove(&st);
            }
        }
    }
    let mut sts: Vec<(String, Fields)> = by_st
        .into_iter()
        .filter(|(_, f)| !f[1].is_empty() && !f[2].is_empty())
        .collect();
    // By document, then statement: deterministic, and documents contiguous.
    sts.sort_by(|a, b| (&a.1[4], &a.0).cmp(&(&b.1[4], &b.0)));
    let mut out = Rows::default();
    let mut docs = Names::default();
    for (_, [s, p, o, pol, doc, date]) in sts {
        let row = Row {
            s: out.iri(&s),
            p: out.words.id(&p),
            o: out.iri(&o),
            pol: out.words.id(&pol),
            doc: docs.id(&doc),
            date: out.words.id(&date),
            n: 1,
        };
        out.rows.push(row);
    }
    Ok(out)
}

/// Labels, types, codes of every entity with a label, from all graphs, and
/// the number of documents.
pub(crate) fn entity_info(store: &Backend) -> Result<(HashMap<String, Info>, usize)> {
    let mut out: HashMap<String, Info> = HashMap::new();
    let text = |r: &QuerySolution, v: &str| lit(r.get(v));
    let q = "SELECT ?e ?label WHERE { GRAPH ?g { ?e rdfs:label ?label } }";
    for r in store.select_all(q)? {
        out.entry(text(&r, "e")).or_default().0 = text(&r, "label");
    }
    // Only the ontology's actor classes (not ag:Document and the like).
    let q = "SELECT ?e ?v WHERE { GRAPH ?g { ?e a ?v } \
             VALUES ?v { ag:Person ag:Country ag:Organization ag:Group ag:Event ag:Place } }";
    for r in store.select_all(q)? {
        if let Some(i) = out.get_mut(&text(&r, "e")) {
            i.1 = local(&text(&r, "v")).to_string();
        }
    }
    for (property, field) in [("ag:country", 2), ("owl:sameAs", 3)] {
        let q = format!("SELECT ?e ?v WHERE {{ GRAPH ?g {{ ?e {property} ?v }} }}");
        for r in store.select_all(&q)? {
            if let Some(i) = out.get_mut(&text(&r, "e")) {
                let v = text(&r, "v");
                if field == 2 {
                    i.2 = v;
                } else {
                    i.3 = local(&v).to_string();
                }
            }
        }
    }
    let q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a ag:Document } }";
    let documents = store
        .select_all(q)?
        .first()
        .and_then(|r| text(r, "n").parse().ok())
        .unwrap_or(0);
    Ok((out, documents))
}

/// The entity one of whose labels (English or French preferred label, or
/// alias) is `name`, any case and accents; the first in IRI order.
pub(crate) fn entity_named(store: &Backend, name: &str) -> Result<Option<String>> {
    let want = crate::text::fold(name);
    let q = "SELECT DISTINCT ?e ?n WHERE { GRAPH ?g { ?e skos:prefLabel|skos:altLabel ?n } } ORDER BY ?e";
    Ok(store
        .select_all(q)?
        .iter()
        .find(|r| crate::text::fold(&lit(r.get("n"))) == want)
        .map(|r| lit(r.get("e"))))
}

/// (documents without a date, documents): undated documents' statements
/// have no first/last date and no spell, and date filters drop them.
pub(crate) fn undated(store: &Backend) -> Result<(usize, usize)> {
    let count = |q: &str| -> Result<usize> {
        Ok(store
            .select_all(q)?
            .first()
            .and_then(|r| lit(r.get("n")).parse().ok())
            .unwrap_or(0))
    };
    let all = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a ag:Document } }")?;
    let dated = count(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a ag:Document ; dcterms:date ?date } }",
    )?;
    Ok((all.saturating_sub(dated), all))
}
