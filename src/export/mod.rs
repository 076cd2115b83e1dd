//! The actor network: a projection of the store's statements onto a
//! directed graph (petgraph), with node and edge attributes, filters and
//! aggregation, written as GEXF 1.3, GraphML, CSV tables or an SVG picture;
//! and the statements themselves as one table ([`statements`]).

pub mod csv;
pub mod fold;
pub mod gexf;
pub mod graphml;
pub mod layout;
pub mod pagerank;
mod read;
pub mod statements;
pub mod summary;
pub mod svg;
pub mod xml;

use std::collections::{BTreeSet, HashMap, VecDeque};

use crate::backend::Backend;
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
    /// Read every statement even when the documents' edge summaries are
    /// complete (slower; the two routes give the same network).
    pub from_statements: bool,
    /// Keep every edge's and node's distinct dates (for dynamic exports);
    /// otherwise only the first and last dates, which is faster.
    pub spells: bool,
    /// Actors folded into their state before anything else (the filters
    /// see the folded network).
    pub fold: Vec<fold::Fold>,
    /// Count only asserted statements (not future, possible, reported or
    /// hypothetical ones): a planned meeting is not a held one. The command
    /// line's default (`--all-modalities` turns it off). Read from the edge
    /// summaries' asserted counts; a store written before they had them
    /// (summary version 1) is read statement by statement.
    pub asserted_only: bool,
}

/// An edge key (source IRI, predicate, target IRI, polarity) and the edge.
type Keyed = ((String, String, String, String), Edge);

use read::{Info, local};

/// What the network was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The documents' edge summaries: one quad per document.
    Summaries {
        /// Documents in the store.
        documents: usize,
        /// Of which without a date (read from the summaries' headers).
        undated: usize,
    },
    /// Every statement, six quads each; `missing` documents had no summary
    /// (loaded by an older version or by another tool).
    Statements {
        /// Documents without a readable summary.
        missing: usize,
    },
}

fn plover_of(p: &str) -> &'static str {
    Predicate::parse(p).and_then(|x| x.plover()).unwrap_or("")
}

impl Options {
    /// The predicate, PLOVER type and date filters, which the network and
    /// the statements table share (an undated statement fails a date bound).
    pub(crate) fn keeps_kind(&self, predicate: &str, plover: &str, date: &str) -> bool {
        (self.predicates.is_empty() || self.predicates.iter().any(|x| x == predicate))
            && (self.plover.is_empty()
                || self.plover.iter().any(|x| x.eq_ignore_ascii_case(plover)))
            && self
                .since
                .as_ref()
                .is_none_or(|d| !date.is_empty() && date >= d.as_str())
            && self
                .until
                .as_ref()
                .is_none_or(|d| !date.is_empty() && date <= d.as_str())
    }
}

/// Builds the actor network from the store's statements.
pub fn network(store: &Backend, opts: &Options) -> Result<Network> {
    Ok(network_with_route(store, opts)?.0)
}

/// Builds the actor network and says what it was read from: the documents'
/// edge summaries when every document has one (unless
/// [`Options::from_statements`]), else every statement.
pub fn network_with_route(store: &Backend, opts: &Options) -> Result<(Network, Route)> {
    let (info, documents) = read::entity_info(store)?;
    let (mut rows, route) = if opts.from_statements {
        (
            read::from_statements(store, opts.asserted_only)?,
            Route::Statements { missing: 0 },
        )
    } else {
        match read::from_summaries(store, documents, opts.asserted_only)? {
            Ok(rows) => {
                let undated = rows.undated;
                (rows, Route::Summaries { documents, undated })
            }
            Err(missing) => (
                read::from_statements(store, opts.asserted_only)?,
                Route::Statements { missing },
            ),
        }
    };
    if !opts.fold.is_empty() {
        fold::apply(&mut rows, &fold::targets(store, &info, &opts.fold)?);
    }
    let selected = match &opts.sparql {
        Some(q) => Some(read::sparql_filter(store, q)?),
        None => None,
    };
    let mut edges = aggregate(&rows, opts, &info, selected.as_ref());
    if let Some(ego) = &opts.ego {
        let centre = match find_actor(&info, &edges, ego) {
            Some(c) => c,
            // A French label or an alias ("Russie", "Kremlin") names the
            // actor too, as it does for the query library's parameters.
            None => read::entity_named(store, ego)?
                .and_then(|iri| find_actor(&info, &edges, &iri))
                .ok_or_else(|| Error::Usage(format!("--ego: no actor `{ego}` in the network")))?,
        };
        let keep = neighbourhood(&edges, &centre, opts.depth.max(1));
        edges.retain(|((s, _, o, _), _)| keep.contains(s) && keep.contains(o));
    }
    Ok((build(edges, &info)?, route))
}

/// (documents without a date, documents) in the store: an export warns
/// when some have none (no dates, no spells, dropped by date filters).
pub fn undated_documents(store: &Backend) -> Result<(usize, usize)> {
    read::undated(store)
}

/// Per-edge running totals.
#[derive(Default)]
struct Acc {
    statements: usize,
    documents: usize,
    last_doc: Option<u32>,
    quads: [usize; 4],
    net: i64,
    dates: Vec<u32>,
}

/// The rows the options keep, aggregated into edges sorted by (source,
/// predicate, target, polarity).
fn aggregate(
    rows: &read::Rows,
    opts: &Options,
    info: &HashMap<String, Info>,
    selected: Option<&BTreeSet<(String, String, String)>>,
) -> Vec<Keyed> {
    let (iris, words) = (&rows.iris, &rows.words);
    // Per word (predicate): its quad class index, when it has a PLOVER type.
    let quad_of: Vec<Option<usize>> = (0..words.len() as u32)
        .map(|w| {
            let pl = plover_of(words.get(w));
            (!pl.is_empty()).then(|| {
                let q = quad_class(pl);
                QUADS.iter().position(|x| *x == q).unwrap_or(0)
            })
        })
        .collect();
    let etype = |iri: &str| info.get(iri).map(|i| i.1.as_str()).unwrap_or("");
    let keep = |r: &read::Row| {
        let (s, p, o, pol, date) = (
            iris.get(r.s),
            words.get(r.p),
            iris.get(r.o),
            words.get(r.pol),
            words.get(r.date),
        );
        (opts.include_negative || pol != "negative")
            && opts.keeps_kind(p, plover_of(p), date)
            && (opts.types.is_empty()
                || (opts.types.iter().any(|t| t == etype(s))
                    && opts.types.iter().any(|t| t == etype(o))))
            && selected.is_none_or(|set| {
                set.contains(&(s.to_string(), p.to_string(), o.to_string()))
                    || set.contains(&(s.to_string(), String::new(), o.to_string()))
            })
    };
    let positive = words.ids_of("positive");
    let mut accs: rustc_hash::FxHashMap<(u32, u32, u32, u32), Acc> = Default::default();
    for r in rows.rows.iter().filter(|r| keep(r)) {
        let key = match opts.aggregate {
            Aggregate::Predicate => (r.s, r.p, r.o, r.pol),
            Aggregate::Pair => (r.s, u32::MAX, r.o, u32::MAX),
        };
        let a = accs.entry(key).or_default();
        let n = r.n as usize;
        a.statements += n;
        if let (Some(qi), true) = (quad_of[r.p as usize], Some(r.pol) == positive) {
            a.quads[qi] += n;
            a.net += if qi < 2 { n as i64 } else { -(n as i64) };
        }
        // Rows come grouped by document.
        if a.last_doc != Some(r.doc) {
            a.documents += 1;
            a.last_doc = Some(r.doc);
        }
        if a.dates.last() != Some(&r.date) {
            a.dates.push(r.date);
        }
    }
    // Sorted on the strings' ranks: comparing the IRIs themselves (a shared
    // 31-byte prefix) was most of the time.
    let rank = |names: &read::Names| {
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_by(|&a, &b| names.get(a).cmp(names.get(b)));
        let mut rank = vec![0u32; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        rank
    };
    let (iri_rank, word_rank) = (rank(iris), rank(words));
    let word = |w: u32| word_rank.get(w as usize).copied().unwrap_or(u32::MAX);
    let mut accs: Vec<_> = accs
        .into_iter()
        .filter(|(_, a)| a.statements >= opts.min_weight.max(1))
        .collect();
    accs.sort_unstable_by_key(|((s, p, o, pol), _)| {
        (
            iri_rank[*s as usize],
            word(*p),
            iri_rank[*o as usize],
            word(*pol),
        )
    });
    accs.into_iter()
        .map(|((s, p, o, pol), a)| {
            let (p, pol) = if p == u32::MAX {
                ("pair", "positive")
            } else {
                (words.get(p), words.get(pol))
            };
            let mut e = Edge {
                plover: plover_of(p).to_string(),
                quads: a.quads,
                net: a.net,
                predicate: p.to_string(),
                polarity: pol.to_string(),
                weight: a.statements,
                documents: a.documents,
                ..Edge::default()
            };
            let dates = a
                .dates
                .iter()
                .map(|&d| words.get(d))
                .filter(|d| !d.is_empty());
            e.first = dates.clone().min().unwrap_or_default().to_string();
            e.last = dates.clone().max().unwrap_or_default().to_string();
            if opts.spells {
                e.dates = dates.map(str::to_string).collect();
            }
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
            let key = (
                iris.get(s).to_string(),
                p.to_string(),
                iris.get(o).to_string(),
                pol.to_string(),
            );
            (key, e)
        })
        .collect()
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
    // Mentions, first and last dates, distinct dates per node, on borrowed
    // strings (one copy per node at the end).
    #[derive(Default)]
    struct Seen<'a> {
        mentions: usize,
        first: &'a str,
        last: &'a str,
        dates: rustc_hash::FxHashSet<&'a str>,
    }
    let mut seen: rustc_hash::FxHashMap<&str, Seen> = Default::default();
    for ((s, _, o, _), e) in &edges {
        for iri in [s, o] {
            let n = seen.entry(iri).or_default();
            n.mentions += e.weight;
            n.dates.extend(e.dates.iter().map(String::as_str));
            if !e.first.is_empty() && (n.first.is_empty() || e.first.as_str() < n.first) {
                n.first = &e.first;
            }
            if e.last.as_str() > n.last {
                n.last = &e.last;
            }
        }
    }
    let mut seen: Vec<(&str, Seen)> = seen.into_iter().collect();
    seen.sort_unstable_by_key(|(iri, _)| *iri);
    let nodes: Vec<(String, Node)> = seen
        .into_iter()
        .map(|(iri, n)| {
            let node = Node {
                iri: iri.to_string(),
                mentions: n.mentions,
                first: n.first.to_string(),
                last: n.last.to_string(),
                dates: n.dates.into_iter().map(str::to_string).collect(),
                ..Node::default()
            };
            (iri.to_string(), node)
        })
        .collect();
    let mut g: Network = DiGraph::new();
    let mut idx: rustc_hash::FxHashMap<String, NodeIndex> = Default::default();
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
