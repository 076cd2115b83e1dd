//! The actor network: a projection of the store's statements onto a
//! directed graph (petgraph), with node and edge attributes, filters and
//! aggregation, written as GEXF 1.3, GraphML, CSV tables or an SVG picture.

pub mod csv;
pub mod gexf;
pub mod graphml;
pub mod layout;
pub mod pagerank;
pub mod svg;
pub mod xml;

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use crate::backend::Backend;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::{Error, Result};
use crate::predicate::{Predicate, quad_class};

/// The four PLOVER quad classes, in output order.
pub const QUADS: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

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
    /// Distinct dates seen (for dynamic exports).
    pub dates: BTreeSet<String>,
}

/// An edge: one (source, predicate, target, polarity), or one actor pair
/// when aggregated.
#[derive(Debug, Clone, Default)]
pub struct Edge {
    /// Predicate local name (`pair` when aggregated by pair).
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
    /// Distinct dates (for dynamic exports).
    pub dates: BTreeSet<String>,
    /// Statements per quad class (pair aggregation), in [`QUADS`] order.
    pub quads: [usize; 4],
    /// Cooperation minus conflict statements.
    pub net: i64,
}

/// The actor network.
pub type Network = DiGraph<Node, Edge>;

/// How edges are aggregated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Aggregate {
    /// One edge per (source, predicate, target, polarity).
    #[default]
    Predicate,
    /// One edge per (source, target) with counts per quad class.
    Pair,
}

/// Options of the projection: which statements become edges.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep negated statements as edges.
    pub include_negative: bool,
    /// Keep only these predicates (local names).
    pub predicates: Vec<String>,
    /// Keep only these PLOVER types.
    pub plover: Vec<String>,
    /// Keep only edges whose both ends have one of these types.
    pub types: Vec<String>,
    /// Keep statements dated on or after (YYYY-MM-DD).
    pub since: Option<String>,
    /// Keep statements dated on or before (YYYY-MM-DD).
    pub until: Option<String>,
    /// Drop edges with fewer statements.
    pub min_weight: usize,
    /// Keep the neighbourhood of this actor (label or id).
    pub ego: Option<String>,
    /// Depth of the ego neighbourhood.
    pub depth: usize,
    /// A CONSTRUCT or `SELECT ?s ?p ?o` query whose triples define the subgraph.
    pub sparql: Option<String>,
    /// Edge aggregation.
    pub aggregate: Aggregate,
}

/// An edge key (source IRI, predicate, target IRI, polarity) and the edge.
type Keyed = ((String, String, String, String), Edge);

/// Entity facts: (label, type, country, Wikidata id).
type Info = (String, String, String, String);

/// One statement as read from the store.
#[derive(Debug, Clone)]
struct Row {
    st: String,
    s: String,
    p: String,
    o: String,
    pol: String,
    doc: String,
    date: String,
}

fn lit(t: Option<&Term>) -> String {
    match t {
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// The (subject, predicate, object) triples a user query selects; the
/// predicate is empty when the query gives only ?s and ?o.
fn sparql_filter(store: &Backend, q: &str) -> Result<BTreeSet<(String, String, String)>> {
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

fn rows(store: &Backend) -> Result<Vec<Row>> {
    let ag = |l: &str| format!("{}{l}", crate::rdf::AG);
    // Statements are the resources with ag:subject; the other properties join on them.
    let mut by_st: HashMap<String, Row> = HashMap::new();
    for (st, o) in store.scan(&ag("subject"))? {
        let iri = st.trim_matches(['<', '>']).to_string();
        by_st.insert(
            st,
            Row {
                st: iri,
                s: lit(Some(&o)),
                p: String::new(),
                o: String::new(),
                pol: String::new(),
                doc: String::new(),
                date: String::new(),
            },
        );
    }
    type SetRow = fn(&mut Row, String);
    let fields: [(String, SetRow); 5] = [
        (ag("predicate"), |r, v| r.p = local(&v).to_string()),
        (ag("object"), |r, v| r.o = v),
        (ag("polarity"), |r, v| r.pol = v),
        (format!("{}wasDerivedFrom", crate::rdf::PROV), |r, v| {
            r.doc = v
        }),
        (format!("{}date", crate::rdf::DCT), |r, v| r.date = v),
    ];
    for (property, set) in fields {
        for (st, o) in store.scan(&property)? {
            if let Some(r) = by_st.get_mut(&st) {
                set(r, lit(Some(&o)));
            }
        }
    }
    let mut rows: Vec<Row> = by_st
        .into_values()
        .filter(|r| !r.p.is_empty() && !r.o.is_empty())
        .collect();
    rows.sort_by(|a, b| a.st.cmp(&b.st));
    Ok(rows)
}

/// Labels, types, codes of every entity with a label, from all graphs.
fn entity_info(store: &Backend) -> Result<HashMap<String, Info>> {
    let mut out: HashMap<String, Info> = HashMap::new();
    let key = |s: String| s.trim_matches(['<', '>']).to_string();
    for (e, o) in store.scan("http://www.w3.org/2000/01/rdf-schema#label")? {
        out.entry(key(e)).or_default().0 = lit(Some(&o));
    }
    type SetInfo = fn(&mut Info, String);
    let props: [(String, SetInfo); 3] = [
        (
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type".into(),
            |i, v| {
                // Only the ontology's classes (not ag:Document and the like).
                if !v.ends_with("Document") && !v.ends_with("Statement") {
                    i.1 = local(&v).to_string();
                }
            },
        ),
        (format!("{}country", crate::rdf::AG), |i, v| i.2 = v),
        (format!("{}sameAs", crate::rdf::OWL), |i, v| {
            i.3 = local(&v).to_string()
        }),
    ];
    for (property, set) in props {
        for (e, o) in store.scan(&property)? {
            if let Some(i) = out.get_mut(&key(e)) {
                set(i, lit(Some(&o)));
            }
        }
    }
    Ok(out)
}

fn plover_of(p: &str) -> &'static str {
    Predicate::parse(p).and_then(|x| x.plover()).unwrap_or("")
}

/// Builds the actor network from the store's statements.
pub fn network(store: &Backend, opts: &Options) -> Result<Network> {
    let info = entity_info(store)?;
    let etype = |iri: &str| info.get(iri).map(|i| i.1.clone()).unwrap_or_default();
    let selected = match &opts.sparql {
        Some(q) => Some(sparql_filter(store, q)?),
        None => None,
    };
    let keep = |r: &Row| {
        (opts.include_negative || r.pol != "negative")
            && (opts.predicates.is_empty() || opts.predicates.iter().any(|p| p == &r.p))
            && (opts.plover.is_empty()
                || opts
                    .plover
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(plover_of(&r.p))))
            && (opts.types.is_empty()
                || (opts.types.contains(&etype(&r.s)) && opts.types.contains(&etype(&r.o))))
            && opts
                .since
                .as_ref()
                .is_none_or(|d| !r.date.is_empty() && r.date >= *d)
            && opts
                .until
                .as_ref()
                .is_none_or(|d| !r.date.is_empty() && r.date <= *d)
            && selected.as_ref().is_none_or(|set| {
                set.contains(&(r.s.clone(), r.p.clone(), r.o.clone()))
                    || set.contains(&(r.s.clone(), String::new(), r.o.clone()))
            })
    };
    let rows: Vec<Row> = rows(store)?.into_iter().filter(keep).collect();
    // Aggregate statements into edges.
    type Key = (String, String, String, String);
    let mut edges: BTreeMap<Key, (BTreeSet<String>, BTreeSet<String>, Edge)> = BTreeMap::new();
    for r in &rows {
        let key = match opts.aggregate {
            Aggregate::Predicate => (r.s.clone(), r.p.clone(), r.o.clone(), r.pol.clone()),
            Aggregate::Pair => (r.s.clone(), "pair".into(), r.o.clone(), "positive".into()),
        };
        let e = edges.entry(key).or_default();
        if e.0.insert(r.st.clone()) {
            let pl = plover_of(&r.p);
            if !pl.is_empty() && r.pol == "positive" {
                let q = quad_class(pl);
                let qi = QUADS.iter().position(|x| *x == q).unwrap_or(0);
                e.2.quads[qi] += 1;
                e.2.net += if qi < 2 { 1 } else { -1 };
            }
        }
        e.1.insert(r.doc.clone());
        if !r.date.is_empty() {
            e.2.dates.insert(r.date.clone());
        }
    }
    let edges: Vec<(Key, Edge)> = edges
        .into_iter()
        .map(|((s, p, o, pol), (sts, docs, mut e))| {
            e.plover = plover_of(&p).to_string();
            e.quad = if e.plover.is_empty() {
                String::new()
            } else {
                quad_class(&e.plover).to_string()
            };
            if p == "pair" {
                // The pair's dominant quad class colours it.
                let best = (0..4)
                    .max_by_key(|&i| (e.quads[i], std::cmp::Reverse(i)))
                    .unwrap_or(0);
                if e.quads[best] > 0 {
                    e.quad = QUADS[best].to_string();
                }
            }
            e.predicate = p.clone();
            e.polarity = pol.clone();
            e.weight = sts.len();
            e.documents = docs.len();
            e.first = e.dates.iter().next().cloned().unwrap_or_default();
            e.last = e.dates.iter().next_back().cloned().unwrap_or_default();
            ((s, p, o, pol), e)
        })
        .filter(|(_, e)| e.weight >= opts.min_weight.max(1))
        .collect();
    let mut edges = edges;
    if let Some(ego) = &opts.ego {
        let centre = find_actor(&info, &edges, ego)
            .ok_or_else(|| Error::Usage(format!("--ego: no actor `{ego}` in the network")))?;
        let keep = neighbourhood(&edges, &centre, opts.depth.max(1));
        edges.retain(|((s, _, o, _), _)| keep.contains(s) && keep.contains(o));
    }
    build(edges, &info)
}

/// The IRI of the actor whose label, id or IRI is `name` (case-insensitive).
fn find_actor(info: &HashMap<String, Info>, edges: &[Keyed], name: &str) -> Option<String> {
    let want = crate::text::fold(name).replace(' ', "_");
    let mut iris: BTreeSet<&String> = BTreeSet::new();
    for ((s, _, o, _), _) in edges {
        iris.insert(s);
        iris.insert(o);
    }
    iris.into_iter()
        .find(|iri| {
            let label = info
                .get(*iri)
                .map(|i| crate::text::fold(&i.0).replace(' ', "_"))
                .unwrap_or_default();
            label == want || crate::text::fold(local(iri)) == want || **iri == name
        })
        .cloned()
}

/// Actors within `depth` steps of `centre`, ignoring edge direction.
fn neighbourhood(edges: &[Keyed], centre: &str, depth: usize) -> BTreeSet<String> {
    let mut adj: HashMap<&str, Vec<&str>> = HashMap::new();
    for ((s, _, o, _), _) in edges {
        adj.entry(s).or_default().push(o);
        adj.entry(o).or_default().push(s);
    }
    let mut seen: BTreeSet<String> = BTreeSet::from([centre.to_string()]);
    let mut queue = VecDeque::from([(centre.to_string(), 0)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for m in adj.get(n.as_str()).into_iter().flatten() {
            if seen.insert(m.to_string()) {
                queue.push_back((m.to_string(), d + 1));
            }
        }
    }
    seen
}

fn build(edges: Vec<Keyed>, info: &HashMap<String, Info>) -> Result<Network> {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for ((s, _, o, _), e) in &edges {
        for iri in [s, o] {
            let n = nodes.entry(iri.clone()).or_insert_with(|| Node {
                iri: iri.clone(),
                ..Node::default()
            });
            n.mentions += e.weight;
            n.dates.extend(e.dates.iter().cloned());
        }
    }
    let mut g: Network = DiGraph::new();
    let mut idx: HashMap<String, NodeIndex> = HashMap::new();
    for (iri, mut n) in nodes {
        n.id = iri.strip_prefix(crate::rdf::ID).unwrap_or(&iri).to_string();
        if let Some((label, etype, country, wd)) = info.get(&iri) {
            n.label = label.clone();
            n.etype = etype.clone();
            n.country = country.clone();
            n.wikidata = wd.clone();
        }
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
        n.first = n.dates.iter().next().cloned().unwrap_or_default();
        n.last = n.dates.iter().next_back().cloned().unwrap_or_default();
        idx.insert(iri, g.add_node(n));
    }
    for ((s, _, o, _), e) in edges {
        g.add_edge(idx[&s], idx[&o], e);
    }
    let ranks = pagerank::page_rank(&g, 0.85, 50);
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

/// RGB colour of an edge quad class (grey for structural relations).
pub fn quad_colour(q: &str) -> (u8, u8, u8) {
    match q {
        "verbal cooperation" => (67, 160, 71),
        "material cooperation" => (0, 105, 92),
        "verbal conflict" => (251, 140, 0),
        "material conflict" => (198, 40, 40),
        _ => (144, 164, 174),
    }
}
