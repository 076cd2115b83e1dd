//! The actor network: a projection of the store's statements onto a
//! directed graph (petgraph), with node and edge attributes, written as
//! GEXF 1.3 or GraphML.

pub mod gexf;
pub mod graphml;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::{Error, Result};
use crate::predicate::{Predicate, quad_class};

/// A node of the actor network.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// Stable id (the IRI's local part).
    pub id: String,
    /// IRI.
    pub iri: String,
    /// Label.
    pub label: String,
    /// Class name.
    pub etype: String,
    /// ISO3 country code.
    pub country: String,
    /// Wikidata Q-id.
    pub wikidata: String,
    /// Number of statements the node takes part in.
    pub mentions: usize,
    /// PageRank.
    pub pagerank: f64,
    /// First date seen.
    pub first: String,
    /// Last date seen.
    pub last: String,
}

/// An edge: one (source, predicate, target, polarity).
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// Predicate local name.
    pub predicate: String,
    /// PLOVER type.
    pub plover: String,
    /// PLOVER quad class.
    pub quad: String,
    /// positive / negative.
    pub polarity: String,
    /// Distinct statements.
    pub weight: usize,
    /// Distinct documents.
    pub documents: usize,
    /// First date.
    pub first: String,
    /// Last date.
    pub last: String,
}

/// The actor network.
pub type Network = DiGraph<Node, Edge>;

/// Options of the projection.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep negated statements as edges.
    pub include_negative: bool,
}

fn lit(t: Option<&Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn select(store: &Store, q: &str) -> Result<Vec<oxigraph::sparql::QuerySolution>> {
    let prepared = crate::sparql::evaluator()
        .parse_query(q)
        .map_err(|e| Error::Sparql(e.to_string()))?;
    match prepared
        .on_store(store)
        .execute()
        .map_err(|e| Error::Sparql(e.to_string()))?
    {
        QueryResults::Solutions(s) => s
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::Sparql(e.to_string())),
        _ => Err(Error::Sparql("expected SELECT results".into())),
    }
}

/// Builds the actor network from every statement in the store.
pub fn network(store: &Store, opts: &Options) -> Result<Network> {
    let rows = select(
        store,
        "SELECT ?st ?s ?p ?o ?pol ?doc ?date WHERE { GRAPH ?g { ?st ag:subject ?s ; ag:predicate ?p ; ag:object ?o ; ag:polarity ?pol ; prov:wasDerivedFrom ?doc . OPTIONAL { ?st dcterms:date ?date } } }",
    )?;
    // (s, p, o, pol) -> (statements, docs, dates)
    type Key = (String, String, String, String);
    /// statements, documents, dates
    type Acc = (BTreeSet<String>, BTreeSet<String>, BTreeSet<String>);
    let mut edges: BTreeMap<Key, Acc> = BTreeMap::new();
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for r in &rows {
        let pol = lit(r.get("pol"));
        if pol == "negative" && !opts.include_negative {
            continue;
        }
        let (s, o) = (lit(r.get("s")), lit(r.get("o")));
        let p = lit(r.get("p"))
            .rsplit('#')
            .next()
            .unwrap_or_default()
            .to_string();
        let date = lit(r.get("date"));
        let e = edges.entry((s.clone(), p, o.clone(), pol)).or_default();
        e.0.insert(lit(r.get("st")));
        e.1.insert(lit(r.get("doc")));
        if !date.is_empty() {
            e.2.insert(date.clone());
        }
        for iri in [&s, &o] {
            let n = nodes.entry(iri.clone()).or_insert_with(|| Node {
                iri: iri.clone(),
                ..Node::default()
            });
            n.mentions += 1;
            if !date.is_empty() {
                if n.first.is_empty() || date < n.first {
                    n.first = date.clone();
                }
                if date > n.last {
                    n.last = date.clone();
                }
            }
        }
    }
    // Labels, types, codes: from the knowledge-base graph and document graphs.
    let info = select(
        store,
        "SELECT ?e ?label ?type ?country ?wd WHERE { GRAPH ?g { ?e rdfs:label ?label } OPTIONAL { GRAPH ?g2 { ?e a ?type } } OPTIONAL { GRAPH ?g3 { ?e ag:country ?country } } OPTIONAL { GRAPH ?g4 { ?e owl:sameAs ?wd } } }",
    )?;
    for r in &info {
        if let Some(n) = nodes.get_mut(&lit(r.get("e"))) {
            n.label = lit(r.get("label"));
            let t = lit(r.get("type"));
            if !t.is_empty() {
                n.etype = t.rsplit('#').next().unwrap_or_default().to_string();
            }
            let c = lit(r.get("country"));
            if !c.is_empty() {
                n.country = c;
            }
            let wd = lit(r.get("wd"));
            if !wd.is_empty() {
                n.wikidata = wd.rsplit('/').next().unwrap_or_default().to_string();
            }
        }
    }
    let mut g: Network = DiGraph::new();
    let mut idx: HashMap<String, NodeIndex> = HashMap::new();
    for (iri, mut n) in nodes {
        n.id = iri.strip_prefix(crate::rdf::ID).unwrap_or(&iri).to_string();
        if n.label.is_empty() {
            n.label =
                n.id.rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .replace('_', " ");
        }
        if n.etype.is_empty() {
            n.etype = "Actor".into();
        }
        idx.insert(iri, g.add_node(n));
    }
    for ((s, p, o, pol), (sts, docs, dates)) in edges {
        let plover = Predicate::parse(&p)
            .and_then(|x| x.plover())
            .unwrap_or("")
            .to_string();
        let quad = if plover.is_empty() {
            String::new()
        } else {
            quad_class(&plover).to_string()
        };
        g.add_edge(
            idx[&s],
            idx[&o],
            Edge {
                predicate: p,
                quad,
                plover,
                polarity: pol,
                weight: sts.len(),
                documents: docs.len(),
                first: dates.iter().next().cloned().unwrap_or_default(),
                last: dates.iter().next_back().cloned().unwrap_or_default(),
            },
        );
    }
    let ranks = petgraph::algo::page_rank(&g, 0.85_f64, 50);
    for (i, r) in ranks.into_iter().enumerate() {
        g[NodeIndex::new(i)].pagerank = r;
    }
    Ok(g)
}

/// RGB colour of a node type.
pub fn type_colour(t: &str) -> (u8, u8, u8) {
    match t {
        "Person" => (66, 133, 244),
        "Country" => (219, 68, 55),
        "Organization" => (15, 157, 88),
        "Group" => (244, 160, 0),
        "Event" => (171, 71, 188),
        "Place" => (120, 144, 156),
        _ => (158, 158, 158),
    }
}
