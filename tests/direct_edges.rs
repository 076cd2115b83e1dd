//! Direct edges (`agr:A ag:meets agr:B` in a document's graph) stand for
//! statements stated as fact (store::edges): a store written before this
//! rule loses the edges of its future, possible and reported statements
//! once, and keeps the statements.

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use actorgraph::rdf::{AG, ID};
use actorgraph::store::{self, network::NETWORK_GRAPH};
use actorgraph::text::{Document, Lang};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad};
use oxigraph::store::Store;

fn doc(
    k: &Knowledge,
    id: &str,
    text: &str,
) -> (Document, Vec<actorgraph::statement::Statement>, String) {
    let mut d = Document::new(id, text);
    d.lang = Some(Lang::En);
    d.date = Some("2024-03-01".into());
    let st = extract::extract(k, &d);
    (d, st, "en".to_string())
}

fn node(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// (subject, object) local names of the direct `ag:meets` edges.
fn meets(s: &Store) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = s
        .quads_for_pattern(None, Some(node(&format!("{AG}meets")).as_ref()), None, None)
        .map(|q| {
            let q = q.unwrap();
            let local = |t: String| {
                t.trim_matches(['<', '>'])
                    .trim_start_matches(ID)
                    .to_string()
            };
            (local(q.subject.to_string()), local(q.object.to_string()))
        })
        .collect();
    out.sort();
    out
}

fn statements(s: &Store) -> usize {
    s.quads_for_pattern(
        None,
        Some(node(&format!("{AG}modality")).as_ref()),
        None,
        None,
    )
    .count()
}

/// The default knowledge and an empty store in a temporary directory
/// (removed when the directory handle is dropped).
fn fresh() -> (Knowledge, tempfile::TempDir, std::path::PathBuf, Store) {
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let s = store::open(&path).unwrap();
    (k, dir, path, s)
}

#[test]
fn only_statements_stated_as_fact_get_a_direct_edge() {
    let (k, _dir, path, s) = fresh();
    let text =
        "Russia will meet Turkey next week. China met Japan on Monday. Brazil may meet Chile.";
    store::load_documents(&s, &path, &[doc(&k, "a", text)], false).unwrap();
    assert_eq!(meets(&s), vec![("China".to_string(), "Japan".to_string())]);
    assert_eq!(statements(&s), 3);
}

#[test]
fn an_older_store_loses_the_edges_of_statements_not_stated_as_fact() {
    let (k, _dir, path, s) = fresh();
    let text = "Russia will meet Turkey next week. China met Japan on Monday. China will meet Japan again.";
    store::load_documents(&s, &path, &[doc(&k, "a", text)], false).unwrap();
    // As an earlier version wrote it: an edge for the planned meeting, no mark.
    let graph = node("https://w3id.org/actorgraph/doc/a");
    s.insert(&Quad::new(
        node(&format!("{ID}Russia")),
        node(&format!("{AG}meets")),
        node(&format!("{ID}Turkey")),
        graph,
    ))
    .unwrap();
    s.remove(&Quad::new(
        node(NETWORK_GRAPH),
        node(&format!("{AG}directEdges")),
        Literal::new_simple_literal("asserted"),
        GraphNameRef::NamedNode(node(NETWORK_GRAPH).as_ref()).into_owned(),
    ))
    .unwrap();
    assert_eq!(meets(&s).len(), 2);
    // The next write to the store drops it, keeps the held meeting's edge
    // (a planned one of the same pair does not remove it) and the statements.
    store::load_documents(&s, &path, &[doc(&k, "b", "Chile criticized Peru.")], false).unwrap();
    assert_eq!(meets(&s), vec![("China".to_string(), "Japan".to_string())]);
    assert_eq!(statements(&s), 4);
}
