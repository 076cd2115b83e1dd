//! The network export reads the documents' edge summaries; it must give
//! exactly the network that reading every statement gives, and fall back to
//! the statements when a document has no summary.

use actorgraph::backend::{Backend, Location};
use actorgraph::export::{self, Aggregate, Options, Route};
use actorgraph::lexicon::Knowledge;
use actorgraph::text::Document;

/// Three short articles we wrote, dated, with repeated, negated and
/// cross-document edges.
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "a1",
        "2024-03-01",
        "Brazil criticized Argentina on Monday. Brazil again criticized Argentina over tariffs. \
         Chile did not criticize Argentina. Brazil met Chile in Brasília.",
    ),
    (
        "a2",
        "2024-03-05",
        "Brazil criticized Argentina once more. Argentina accused Brazil of dumping steel.",
    ),
    (
        "a3",
        "2024-04-11",
        "Le Brésil a rencontré le Chili à Santiago. Le Chili a soutenu le Brésil.",
    ),
];

fn store(dir: &std::path::Path) -> Backend {
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let b = Location {
        store: Some(dir.join("store").display().to_string()),
        ..Location::default()
    }
    .open_write()
    .expect("store opens");
    b.load_knowledge(&k)
        .expect("knowledge loads into the store");
    let docs: Vec<_> = ARTICLES
        .iter()
        .map(|(id, date, text)| {
            let mut d = Document::new(*id, *text);
            d.date = Some(date.to_string());
            let st = actorgraph::extract::extract(&k, &d);
            let lang = if text.starts_with("Le ") { "fr" } else { "en" };
            (d, st, lang.to_string())
        })
        .collect();
    b.load_documents(&docs, false).expect("documents load");
    b
}

fn gexf(b: &Backend, opts: &Options) -> (String, Route) {
    let (g, route) = export::network_with_route(b, opts).expect("network builds");
    let mut out = Vec::new();
    export::gexf::write(&g, export::gexf::GexfOptions { dynamic: true }, &mut out).expect("writes");
    (String::from_utf8(out).expect("utf-8"), route)
}

#[test]
fn summaries_and_statements_give_the_same_network() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    for aggregate in [Aggregate::Predicate, Aggregate::Pair] {
        for include_negative in [false, true] {
            let opts = Options {
                aggregate,
                include_negative,
                spells: true,
                ..Options::default()
            };
            let (fast, route) = gexf(&b, &opts);
            assert_eq!(route, Route::Summaries);
            let slow_opts = Options {
                from_statements: true,
                ..opts.clone()
            };
            let (slow, route) = gexf(&b, &slow_opts);
            assert_eq!(route, Route::Statements { missing: 0 });
            assert_eq!(fast, slow, "{aggregate:?}, negatives {include_negative}");
        }
    }
    // The repeated criticism is one edge: three statements in two documents.
    let g = export::network(&b, &Options::default()).expect("network builds");
    let criticism = g
        .edge_indices()
        .map(|e| (g.edge_endpoints(e).unwrap(), &g[e]))
        .find(|((s, o), e)| {
            g[*s].label == "Brazil" && g[*o].label == "Argentina" && e.predicate == "criticizes"
        })
        .map(|(_, e)| (e.weight, e.documents, e.first.clone(), e.last.clone()));
    assert_eq!(
        criticism,
        Some((3, 2, "2024-03-01".to_string(), "2024-03-05".to_string()))
    );
    let (all, _) = gexf(
        &b,
        &Options {
            include_negative: true,
            ..Options::default()
        },
    );
    assert!(
        all.contains("negative"),
        "a negated edge is kept on request"
    );
}

#[test]
fn a_document_without_summary_makes_the_export_read_statements() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    let (before, _) = gexf(&b, &Options::default());
    let Backend::Local(s, _) = &b else {
        panic!("local store expected")
    };
    s.update(
        "DELETE { GRAPH ?g { ?d <https://w3id.org/actorgraph/ontology#edgeSummary> ?x } } \
         WHERE { GRAPH ?g { ?d <https://w3id.org/actorgraph/ontology#edgeSummary> ?x } \
         FILTER(STRENDS(STR(?d), \"a2\")) }",
    )
    .expect("update runs");
    let (after, route) = gexf(&b, &Options::default());
    assert_eq!(route, Route::Statements { missing: 1 });
    assert_eq!(before, after);
}
