//! `/api/network`: the actor network for the workbench's graph view, built
//! by the Gephi export's own projection ([`crate::export::network_with_route`],
//! PageRank included), with its filters, as JSON nodes and edges coloured
//! with the export's palette.

// Handlers return the error response itself, as in `handlers`.
#![allow(clippy::result_large_err)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};

use super::api::{Pairs, Resp, json_response, many, one};
use super::{State, text};
use crate::backend::Backend;
use crate::export::{self, Aggregate, Network, Options};
use oxhttp::model::StatusCode;

/// Edges sent to the browser unless `limit=` says otherwise (the heaviest
/// are kept): a canvas of more is unreadable anyway.
const DEFAULT_LIMIT: usize = 3000;

/// Held while a network is built.
static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The export options a query string asks for.
pub(crate) fn options(pairs: &Pairs) -> Result<Options, String> {
    let flag = |k: &str| one(pairs, k).is_some_and(|v| v != "0" && v != "false");
    let date = |k: &str| -> Result<Option<String>, String> {
        match one(pairs, k) {
            Some(d) if crate::lexicon::tsv::date(d, false).is_some() && d.len() == 10 => {
                Ok(Some(d.to_string()))
            }
            Some(d) => Err(format!("{k}: `{d}` is not a YYYY-MM-DD date")),
            None => Ok(None),
        }
    };
    let number = |k: &str, default: usize| -> Result<usize, String> {
        one(pairs, k).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| format!("{k}: `{v}` is not a whole number"))
        })
    };
    let predicates = many(pairs, "predicate");
    if let Some(p) = predicates
        .iter()
        .find(|p| crate::predicate::Predicate::parse(p).is_none())
    {
        return Err(format!("predicate: unknown predicate `{p}`"));
    }
    Ok(Options {
        include_negative: flag("negative"),
        predicates,
        plover: many(pairs, "plover"),
        types: many(pairs, "type"),
        since: date("since")?,
        until: date("until")?,
        min_weight: number("min_weight", 1)?,
        ego: one(pairs, "ego").map(str::to_string),
        depth: number("depth", 1)?,
        // Asserted statements only unless `asserted=0`: a planned meeting
        // is no held one.
        asserted_only: one(pairs, "asserted").is_none_or(|v| v != "0" && v != "false"),
        aggregate: if one(pairs, "aggregate") == Some("pair") {
            Aggregate::Pair
        } else {
            Aggregate::Predicate
        },
        ..Options::default()
    })
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The network as JSON: the `limit` heaviest edges, their nodes, and the
/// values the filters can take (over all edges, before the limit).
pub(crate) fn to_json(g: &Network, limit: usize, route: &str) -> Value {
    let mut order: Vec<_> = g.edge_indices().collect();
    // Heaviest first; ties in the export's (source, predicate, target) order.
    order.sort_by_key(|e| std::cmp::Reverse(g[*e].weight));
    let truncated = order.len() > limit;
    order.truncate(limit);
    order.sort();
    let mut used = BTreeSet::new();
    let mut facets: [BTreeSet<&str>; 3] = Default::default();
    let (mut first, mut last) = (String::new(), String::new());
    for e in g.edge_weights() {
        facets[0].insert(&e.predicate);
        if !e.plover.is_empty() {
            facets[1].insert(&e.plover);
        }
        if !e.first.is_empty() && (first.is_empty() || e.first < first) {
            first = e.first.clone();
        }
        if e.last > last {
            last = e.last.clone();
        }
    }
    for n in g.node_weights() {
        facets[2].insert(&n.etype);
    }
    let edges: Vec<Value> = order
        .iter()
        .map(|&e| {
            let (s, o) = g.edge_endpoints(e).expect("edge of the graph");
            used.insert(s);
            used.insert(o);
            let x = &g[e];
            json!({
                "source": g[s].iri, "target": g[o].iri, "predicate": x.predicate,
                "plover": x.plover, "quad": x.quad, "polarity": x.polarity,
                "weight": x.weight, "documents": x.documents, "first": x.first,
                "last": x.last, "color": hex(export::quad_colour(&x.quad)),
            })
        })
        .collect();
    let nodes: Vec<Value> = used
        .into_iter()
        .map(|i| {
            let n = &g[i];
            json!({
                "id": n.iri, "key": n.id, "label": n.label, "type": n.etype,
                "country": n.country, "wikidata": n.wikidata, "mentions": n.mentions,
                "pagerank": n.pagerank, "first": n.first, "last": n.last,
                "color": hex(export::type_colour(&n.etype)),
            })
        })
        .collect();
    json!({
        "route": route,
        "nodes": nodes,
        "edges": edges,
        "total_edges": g.edge_count(),
        "truncated": truncated,
        "facets": {
            "predicates": facets[0], "plover": facets[1], "types": facets[2],
            "first": first, "last": last,
        },
    })
}

/// `/api/network?since=…&until=…&predicate=…&plover=…&type=…&min_weight=…&asserted=0&negative=1&ego=…&depth=…&aggregate=pair&limit=…`.
///
/// Built on its own thread against the server's `--timeout` (503 after it,
/// like a query: the build itself cannot be cancelled, it finishes unread,
/// or is skipped if it had not started); `--max-rows` caps the edges as it
/// caps result rows.
pub(crate) fn network(state: &State, pairs: &Pairs) -> Result<Resp, Resp> {
    let opts = options(pairs).map_err(|m| text(StatusCode::BAD_REQUEST, m))?;
    let limit = match one(pairs, "limit") {
        Some(v) => v.parse().map_err(|_| {
            text(
                StatusCode::BAD_REQUEST,
                format!("limit: `{v}` is not a whole number"),
            )
        })?,
        None => DEFAULT_LIMIT,
    }
    .min(state.limits.max_rows);
    let backend = Backend::Local(state.store.clone(), PathBuf::from("served store"));
    let (tx, rx) = std::sync::mpsc::channel();
    let abandoned = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let gave_up = std::sync::Arc::clone(&abandoned);
    std::thread::spawn(move || {
        // One build at a time: on a large store each holds hundreds of MB.
        let _one = BUILDING.lock().unwrap_or_else(|e| e.into_inner());
        // A request that timed out while waiting for its turn needs no build.
        if gave_up.load(std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        let r = export::network_with_route(&backend, &opts).map(|(g, route)| {
            let route = match route {
                export::Route::Summaries { .. } => "summaries",
                export::Route::Statements { .. } => "statements",
            };
            to_json(&g, limit, route)
        });
        let _ = tx.send(r.map_err(|e| e.to_string()));
    });
    let timeout = state.limits.timeout;
    match rx.recv_timeout(timeout) {
        Ok(Ok(v)) => Ok(json_response(&v)),
        // An unknown ego actor, a bad option: the export's message.
        Ok(Err(m)) if m.contains("--ego") => Err(text(StatusCode::NOT_FOUND, m)),
        Ok(Err(m)) => Err(text(StatusCode::INTERNAL_SERVER_ERROR, m)),
        Err(_) => {
            abandoned.store(true, std::sync::atomic::Ordering::SeqCst);
            Err(text(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "no network within the {} s timeout (--timeout)",
                    timeout.as_secs()
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Pairs {
        super::super::protocol::form_decode(q)
    }

    #[test]
    fn query_strings_become_export_options() {
        let o = options(&pairs(
            "since=2023-01-01&predicate=supports,meets&type=Country&min_weight=2&asserted=1&ego=Russia",
        ))
        .unwrap();
        assert_eq!(o.since.as_deref(), Some("2023-01-01"));
        assert_eq!(o.predicates, ["supports", "meets"]);
        assert_eq!(o.types, ["Country"]);
        assert_eq!(o.min_weight, 2);
        assert_eq!(o.ego.as_deref(), Some("Russia"));
        assert!(o.asserted_only && o.sparql.is_none());
        assert!(!o.include_negative);
        assert!(
            options(&pairs("since=yesterday"))
                .unwrap_err()
                .contains("since")
        );
        assert!(
            options(&pairs("predicate=likes"))
                .unwrap_err()
                .contains("likes")
        );
        assert!(options(&pairs("min_weight=-1")).is_err());
    }

    #[test]
    fn json_keeps_the_heaviest_edges_and_their_nodes() {
        let mut g = Network::new();
        let node = |iri: &str, t: &str| export::Node {
            iri: iri.into(),
            etype: t.into(),
            ..Default::default()
        };
        let a = g.add_node(node("http://e/a", "Country"));
        let b = g.add_node(node("http://e/b", "Person"));
        let c = g.add_node(node("http://e/c", "Person"));
        let edge = |w: usize, p: &str, first: &str| export::Edge {
            weight: w,
            predicate: p.into(),
            first: first.into(),
            last: first.into(),
            quad: "verbal conflict".into(),
            ..Default::default()
        };
        g.add_edge(a, b, edge(5, "criticizes", "2023-02-01"));
        g.add_edge(b, c, edge(1, "meets", "2022-01-01"));
        let v = to_json(&g, 1, "summaries");
        assert_eq!(v["edges"].as_array().unwrap().len(), 1);
        assert_eq!(v["edges"][0]["weight"], 5);
        assert_eq!(v["edges"][0]["color"], "#fb8c00");
        assert_eq!(v["nodes"].as_array().unwrap().len(), 2);
        assert_eq!(v["truncated"], true);
        assert_eq!(v["total_edges"], 2);
        // Facets cover every edge, not just those sent.
        assert_eq!(v["facets"]["predicates"], json!(["criticizes", "meets"]));
        assert_eq!(v["facets"]["first"], "2022-01-01");
        assert_eq!(v["facets"]["types"], json!(["Country", "Person"]));
    }
}
