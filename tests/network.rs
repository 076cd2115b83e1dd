//! The network graph's counts, maintained at ingest, equal a recount from
//! the stored statements after any sequence of ingests, re-ingests and
//! removals (store::network).

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use actorgraph::rdf::AG;
use actorgraph::store::{self, network};
use actorgraph::text::{Document, Lang};
use oxigraph::store::Store;

const TEXTS: &[(&str, Lang)] = &[
    (
        "France strongly supports Germany in the budget talks. Paris also backs Berlin on energy.",
        Lang::En,
    ),
    (
        "Russia will meet Turkey next week, officials said.",
        Lang::En,
    ),
    (
        "China did not criticize Japan over the fishing dispute.",
        Lang::En,
    ),
    ("The Prime Minister of Peru resigned on Monday.", Lang::En),
    (
        "La France soutient l'Allemagne. Le Brésil condamne le Venezuela.",
        Lang::Fr,
    ),
    (
        "France supports Germany again. Russia met Turkey in Ankara.",
        Lang::En,
    ),
];

const DATES: &[Option<&str>] = &[Some("2022-02-04"), Some("2022-03-15"), None];

/// Document `id` in one of its versions (text and date vary).
fn doc(
    k: &Knowledge,
    id: usize,
    version: usize,
) -> (Document, Vec<actorgraph::statement::Statement>, String) {
    let (text, lang) = TEXTS[(id + version) % TEXTS.len()];
    let mut d = Document::new(format!("d{id}"), text);
    d.lang = Some(lang);
    d.date = DATES[(id + 2 * version) % DATES.len()].map(str::to_string);
    let st = extract::extract(k, &d);
    let code = if lang == Lang::Fr { "fr" } else { "en" };
    (d, st, code.to_string())
}

/// The default knowledge and an empty store in a temporary directory
/// (removed when the directory handle is dropped).
fn fresh() -> (Knowledge, tempfile::TempDir, std::path::PathBuf, Store) {
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store");
    let s = store::open(&path).expect("store opens");
    (k, dir, path, s)
}

/// A small deterministic generator (no dependency needed for a test).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn counts_equal_a_recount_after_random_ingests_reingests_and_removals() {
    let (k, _dir, path, s) = fresh();
    let mut rng = Lcg(7);
    let mut nonempty = 0;
    for step in 0..40 {
        match rng.next(4) {
            // Ingest a few documents, some in a new version (changed digest).
            0 | 1 => {
                let docs: Vec<_> = (0..1 + rng.next(4))
                    .map(|_| doc(&k, rng.next(8), rng.next(3)))
                    .collect();
                store::load_documents(&s, &path, &docs, rng.next(5) == 0).expect("loads");
            }
            // The same document twice in one batch: the last one wins.
            2 => {
                let id = rng.next(8);
                let docs = vec![doc(&k, id, 0), doc(&k, id, 1)];
                store::load_documents(&s, &path, &docs, false).expect("loads");
            }
            // Remove some ids, one perhaps twice or never stored.
            _ => {
                let ids: Vec<String> = (0..1 + rng.next(3))
                    .map(|_| format!("d{}", rng.next(10)))
                    .collect();
                store::remove_documents(&s, &path, &ids).expect("removes");
            }
        }
        let stored = network::stored(&s, &path).expect("reads the cells");
        let recount = network::recount(&s, &path).expect("recounts");
        assert_eq!(stored, recount, "after step {step}");
        nonempty += usize::from(!stored.is_empty());
    }
    assert!(nonempty > 10, "the sequence left the store empty too often");
}

#[test]
fn period_and_actor_cells_count_statements_and_documents() {
    let (k, _dir, path, s) = fresh();
    // d0 (February 2022): France supports Germany twice, asserted.
    // d5 (undated): France supports Germany once; Russia met Turkey.
    let docs = vec![doc(&k, 0, 0), doc(&k, 5, 0)];
    store::load_documents(&s, &path, &docs, false).expect("loads");
    let cells = network::stored(&s, &path).expect("reads");
    let actor = |name: &str| network::Key {
        subject: Some(format!("https://w3id.org/actorgraph/id/{name}")),
        ..network::Key::of(network::Kind::Actor)
    };
    let c = cells.get(&actor("France")).expect("France is counted");
    assert_eq!((c.statements, c.documents), (3, 2));
    assert_eq!((c.asserted_statements, c.asserted_documents), (3, 2));
    assert_eq!(cells[&actor("Turkey")].documents, 1);
    // The period cell of February 2022 holds d0's two statements only.
    let feb = network::Key {
        predicate: format!("{AG}supports"),
        polarity: "positive".into(),
        month: Some("2022-02".into()),
        ..network::Key::of(network::Kind::Period)
    };
    let c = cells.get(&feb).expect("a period cell for February 2022");
    assert_eq!((c.statements, c.documents), (2, 1));
    // France supports Germany in both documents, Russia meets Turkey in
    // d5: two pair cells of verbal cooperation, in bands 2
    // and 1.
    let pair = |s: &str, o: &str| network::Key {
        subject: Some(format!("https://w3id.org/actorgraph/id/{s}")),
        object: Some(format!("https://w3id.org/actorgraph/id/{o}")),
        quad: Some("verbal cooperation".into()),
        ..network::Key::of(network::Kind::Pair)
    };
    let c = cells
        .get(&pair("France", "Germany"))
        .expect("a France-Germany cell");
    // A pair cell keeps its asserted documents only.
    assert_eq!((c.statements, c.asserted_documents), (0, 2));
    assert_eq!(cells[&pair("Russia", "Turkey")].asserted_documents, 1);
    let band = |b: i64| network::Key {
        band: Some(b),
        ..network::Key::of(network::Kind::Band)
    };
    // One pair cell in each band; band 1 has the one of band 2 above it.
    assert_eq!(cells[&band(2)], network::band_counts(1, 0));
    assert_eq!(cells[&band(1)], network::band_counts(1, 1));
    // Per event type too, each type with its own bands: the meeting is
    // alone in CONSULT's band 1, with nothing above it.
    let event_pair = |s: &str, o: &str, t: &str| network::Key {
        subject: Some(format!("https://w3id.org/actorgraph/id/{s}")),
        object: Some(format!("https://w3id.org/actorgraph/id/{o}")),
        event: Some(t.into()),
        ..network::Key::of(network::Kind::EventPair)
    };
    let event_band = |t: &str, b: i64| network::Key {
        band: Some(b),
        event: Some(t.into()),
        ..network::Key::of(network::Kind::EventBand)
    };
    let c = cells[&event_pair("France", "Germany", "SUPPORT")];
    assert_eq!((c.statements, c.asserted_documents), (0, 2));
    assert_eq!(
        cells[&event_pair("Russia", "Turkey", "CONSULT")].asserted_documents,
        1
    );
    assert_eq!(cells[&event_band("SUPPORT", 2)], network::band_counts(1, 0));
    assert_eq!(cells[&event_band("CONSULT", 1)], network::band_counts(1, 0));
    assert_eq!(
        cells.len(),
        13,
        "France, Germany, Russia, Turkey, February, two pairs, two bands, two event pairs, two event bands: {cells:?}"
    );
    // Removing d0 leaves d5's statements; removing d5 too leaves no cell.
    store::remove_documents(&s, &path, &["d0".into()]).expect("removes");
    let c = network::stored(&s, &path).expect("reads")[&actor("France")];
    assert_eq!((c.statements, c.documents), (1, 1));
    store::remove_documents(&s, &path, &["d5".into()]).expect("removes");
    assert!(network::stored(&s, &path).expect("reads").is_empty());
}

#[test]
fn future_statements_are_counted_but_not_as_asserted() {
    let (k, _dir, path, s) = fresh();
    // d1 version 0: "Russia will meet Turkey next week" (future), March 2022.
    store::load_documents(&s, &path, &[doc(&k, 1, 0)], false).expect("loads");
    let cells = network::stored(&s, &path).expect("reads");
    let (key, c) = cells
        .iter()
        .find(|(key, _)| key.kind == network::Kind::Period && key.predicate.ends_with("#meets"))
        .expect("a meets cell");
    assert_eq!(key.month.as_deref(), Some("2022-03"));
    assert_eq!((c.statements, c.documents), (1, 1));
    assert_eq!((c.asserted_statements, c.asserted_documents), (0, 0));
}

/// The SPARQL Update a remote store runs makes the same cells, with the
/// same IRIs, as the local store's upkeep.
#[test]
fn the_remote_recount_update_makes_the_same_cells() {
    let (k, _dir, path, s) = fresh();
    let docs: Vec<_> = (0..6).map(|i| doc(&k, i, i % 3)).collect();
    store::load_documents(&s, &path, &docs, false).expect("loads");
    let kept = network::stored(&s, &path).expect("reads");
    assert!(kept.len() > 8, "{kept:?}");
    let iris = |s: &Store| {
        let mut v: Vec<String> = s
            .quads_for_pattern(None, None, None, None)
            .map(|q| q.expect("reads"))
            .filter(|q| q.graph_name.to_string() == format!("<{}>", network::NETWORK_GRAPH))
            .map(|q| q.subject.to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let before = iris(&s);
    s.update(network::recount_update().as_str())
        .expect("the update runs");
    assert_eq!(network::stored(&s, &path).expect("reads"), kept);
    assert_eq!(iris(&s), before);
}

/// Cells edited by hand (or document graphs edited by SPARQL Update) are
/// rebuilt from the statements by `recount_network` (`optimize --recount`).
#[test]
fn a_recount_repairs_cells_edited_by_hand() {
    let (k, _dir, path, s) = fresh();
    let docs: Vec<_> = (0..4).map(|i| doc(&k, i, 0)).collect();
    store::load_documents(&s, &path, &docs, false).expect("loads");
    let good = network::stored(&s, &path).expect("reads");
    s.update(&format!(
        "DELETE WHERE {{ GRAPH <{}> {{ ?c <{AG}statements> ?n }} }}",
        network::NETWORK_GRAPH
    ))
    .expect("the update runs");
    assert_ne!(network::stored(&s, &path).expect("reads"), good);
    network::recount_network(&s, &path).expect("recounts");
    assert_eq!(network::stored(&s, &path).expect("reads"), good);
}

/// The library's conflict-vs-cooperation query reads the pair cells from
/// the lowest band its top N reach; it must answer what grouping the direct
/// edges of every document answers, counts of a hundred and more included
/// (bands of ten there) and ties at the cut.
#[test]
fn the_pair_query_answers_what_grouping_the_direct_edges_answers() {
    let (k, _dir, path, s) = fresh();
    store::load_knowledge(&s, &path, &k).expect("knowledge loads");
    // (sentence, in how many documents)
    let pairs: &[(&str, usize)] = &[
        ("France supports Germany.", 121),
        ("Brazil condemned Venezuela.", 104),
        ("Russia met Turkey in Ankara.", 30),
        ("Japan met India in Delhi.", 30),
        ("Spain met Italy in Rome.", 102),
        ("Chile visited Bolivia.", 3),
        ("Chile supports Peru.", 7),
        ("Kenya condemned Uganda.", 1),
    ];
    let mut docs = Vec::new();
    for (i, (text, n)) in pairs.iter().enumerate() {
        for j in 0..*n {
            let mut d = Document::new(format!("p{i}-{j}"), *text);
            d.lang = Some(Lang::En);
            let st = extract::extract(&k, &d);
            assert!(!st.is_empty(), "{text}");
            docs.push((d, st, "en".to_string()));
        }
    }
    store::load_documents(&s, &path, &docs, false).expect("loads");
    // Remove some: counts change band (121 -> 119 leaves band 120).
    let gone: Vec<String> = (0..2).map(|j| format!("p0-{j}")).collect();
    store::remove_documents(&s, &path, &gone).expect("removes");
    let rows = |text: &str| -> Vec<String> {
        let q = actorgraph::params::parse_query(text).expect("parses");
        match actorgraph::sparql::evaluate_query(&s, q).expect("runs") {
            oxigraph::sparql::QueryResults::Solutions(it) => it
                .map(|sol| {
                    let sol = sol.expect("a solution");
                    sol.iter()
                        .map(|(v, t)| format!("{v}={t}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect(),
            _ => panic!("a SELECT"),
        }
    };
    let library = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/queries/conflict-vs-cooperation.rq"),
    )
    .expect("the library query");
    // What the query answered before pair cells: every direct edge grouped.
    let reference = r#"SELECT DISTINCT ?source ?target ?quad ?documents WHERE {
      { SELECT ?s ?o ?quad (COUNT(DISTINCT ?g) AS ?documents) WHERE {
          GRAPH ?g { ?s ?p ?o } ?p ag:quadClass ?quad . }
        GROUP BY ?s ?o ?quad ORDER BY DESC(?documents) ?s ?o ?quad LIMIT 200 }
      ?s rdfs:label ?source . ?o rdfs:label ?target .
    } ORDER BY DESC(?documents) ?source ?target ?quad"#;
    for top in [200, 3, 2, 1] {
        let cut = |q: &str| q.replace("200", &top.to_string());
        let want = rows(&cut(reference));
        assert_eq!(rows(&cut(&library)), want, "top {top}");
        assert_eq!(want.len(), top.min(pairs.len()), "top {top}: {want:?}");
    }
    assert!(
        rows(&library)[0].contains("documents=\"119\""),
        "{:?}",
        rows(&library)
    );
    // The queries of one event type read the event pair cells: the same
    // answer as grouping that type's direct edges.
    for (file, event, n) in [
        ("who-meets-whom", "CONSULT", 4),
        ("who-supports-whom", "SUPPORT", 2),
        ("who-criticizes-whom", "ACCUSE", 2),
    ] {
        let library = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("examples/queries/{file}.rq")),
        )
        .expect("the library query");
        let reference = format!(
            r#"SELECT DISTINCT ?a ?b ?documents WHERE {{
              {{ SELECT ?s ?o (COUNT(DISTINCT ?g) AS ?documents) WHERE {{
                  GRAPH ?g {{ ?s ?p ?o }} ?p ag:ploverType "{event}" . }}
                GROUP BY ?s ?o ORDER BY DESC(?documents) ?s ?o LIMIT 200 }}
              ?s rdfs:label ?a . ?o rdfs:label ?b .
            }} ORDER BY DESC(?documents) ?a ?b"#
        );
        // Same rows, whatever the query names its columns.
        let values = |rows: Vec<String>| -> Vec<Vec<String>> {
            rows.iter()
                .map(|r| {
                    r.split(' ')
                        .map(|c| c.split_once('=').map_or(c, |(_, v)| v).to_string())
                        .collect()
                })
                .collect()
        };
        for top in [200, 2, 1] {
            let cut = |q: &str| q.replace("200", &top.to_string());
            let want = values(rows(&cut(&reference)));
            assert_eq!(values(rows(&cut(&library))), want, "{file} top {top}");
            assert_eq!(want.len(), top.min(n), "{file} top {top}: {want:?}");
        }
    }
}

/// A store whose cells predate this version (no version mark) is told
/// apart, so `query` and `serve` can warn; a recount makes it current.
#[test]
fn a_store_with_cells_of_an_older_version_is_outdated() {
    let (k, _dir, path, s) = fresh();
    assert!(
        !network::is_outdated(&s, &path).expect("reads"),
        "empty store"
    );
    store::load_documents(&s, &path, &[doc(&k, 0, 0)], false).expect("loads");
    assert!(!network::is_outdated(&s, &path).expect("reads"));
    s.update(&format!(
        "DELETE WHERE {{ GRAPH <{0}> {{ <{0}> <{AG}networkVersion> ?v }} }}",
        network::NETWORK_GRAPH
    ))
    .expect("the update runs");
    assert!(network::is_outdated(&s, &path).expect("reads"));
    network::recount_network(&s, &path).expect("recounts");
    assert!(!network::is_outdated(&s, &path).expect("reads"));
}
