//! One-actor events (issue #14): statements with no object, for lexicon
//! entries flagged `alone` ("X resigned", "troops withdrew"), in the
//! extractor, the JSON contract, the RDF store and the exports. Sentences
//! written for these tests.

mod common;

use actorgraph::text::Lang;
use assert_cmd::Command;
use common::{Case, check_cases, check_not_asserted, run};

const CASES: &[Case] = &[
    (
        "a resignation with no organization is a one-actor event",
        Lang::En,
        None,
        "The Italian government resigned on Thursday.",
        &["Italy resigns - [positive asserted -]"],
    ),
    (
        "French resignation, compound past",
        Lang::Fr,
        None,
        "Le gouvernement italien a démissionné jeudi soir.",
        &["Italy resigns - [positive asserted -]"],
    ),
    (
        "a resignation from an organization keeps it as the object",
        Lang::En,
        None,
        "Chile resigned from the Organization of American States.",
        &["Chile resigns Organization of American States [positive asserted -]"],
    ),
    (
        "coordinated subjects each make their one-actor event",
        Lang::En,
        None,
        "Chilean and Peruvian troops withdrew overnight.",
        &[
            "Chile withdrawsFrom - [positive asserted -]",
            "Peru withdrawsFrom - [positive asserted -]",
        ],
    ),
    (
        "a negated one-actor event keeps its polarity",
        Lang::En,
        None,
        "The Dutch government did not step down.",
        &["Netherlands resigns - [negative asserted -]"],
    ),
    (
        "a future one-actor event keeps its modality",
        Lang::En,
        None,
        "The Italian government will resign.",
        &["Italy resigns - [positive future -]"],
    ),
    (
        "a predicate noun with a possessive agent",
        Lang::En,
        None,
        "Russia's offensive stalled in the east.",
        &["Russia attacks - [positive asserted -]"],
    ),
    (
        "a predicate noun with an agent right after its marker",
        Lang::Fr,
        None,
        "La démission du gouvernement italien a surpris Bruxelles.",
        &["Italy resigns - [positive asserted -]"],
    ),
    (
        "the same act with a target in the sentence replaces the one-actor event",
        Lang::En,
        None,
        "Chilean troops withdrew from Bolivia overnight.",
        &["Chile withdrawsFrom Bolivia [positive asserted -]"],
    ),
];

#[test]
fn one_actor_events() {
    check_cases(CASES);
}

/// (construction, language, text, statement that must NOT come out)
const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "an act called for is not asserted, nor is its controller the actor",
        Lang::Fr,
        "Le gouvernement chilien a appelé les camionneurs à ne pas manifester.",
        "protests -",
    ),
    (
        "an infinitive of purpose states no event",
        Lang::En,
        "Chile recalled its ambassador to protest against the vote.",
        "Chile protests -",
    ),
    (
        "a predicate noun governed by a predicate verb is its complement",
        Lang::En,
        "Peruvian students demanded the resignation of the Chilean government.",
        "Chile resigns -",
    ),
    (
        "a later de-phrase is not the agent of a nominal event",
        Lang::Fr,
        "La France annonce le retrait de ses troupes du Mali.",
        "Mali withdrawsFrom -",
    ),
    (
        "a passive subject undergoes the act",
        Lang::En,
        "Bolivia was attacked overnight.",
        "Bolivia attacks -",
    ),
    (
        "a gerund names an activity, not an event",
        Lang::En,
        "Chile was accused of rioting.",
        "protests -",
    ),
];

#[test]
fn one_actor_events_that_must_not_be_asserted() {
    check_not_asserted(NOT_ASSERTED);
}

#[test]
fn a_one_actor_event_has_a_null_object_in_json_and_tsv() {
    let st = run(
        Lang::En,
        None,
        "The Italian government resigned on Thursday.",
    );
    let one = st
        .iter()
        .find(|s| s.object.is_none())
        .expect("one-actor statement");
    let json: serde_json::Value = serde_json::from_str(&one.to_json()).unwrap();
    assert!(json["object"].is_null(), "{json}");
    assert_eq!(json["predicate"], "resigns");
    assert_eq!(json["plover"], "RETREAT");
    let tsv: Vec<String> = one.to_tsv().split('\t').map(String::from).collect();
    assert_eq!(tsv[3], "resigns");
    assert_eq!(tsv[4], "", "the object column is empty");
}

fn bin() -> Command {
    Command::cargo_bin("actorgraph").expect("binary built")
}

fn stdout_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_one_actor_event_is_stored_without_object_and_exported_without_edge() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(
        &text,
        "The Italian government resigned on Thursday. Chile criticized Peru.",
    )
    .unwrap();
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--lang", "en", "--store"])
        .arg(&store)
        .arg(&text)
        .assert()
        .success();
    // The statement is there, with its predicate and no ag:object.
    let q = "SELECT ?st WHERE { ?st ag:subject ?s ; ag:predicate ag:resigns . \
             FILTER NOT EXISTS { ?st ag:object ?o } }";
    let rows = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg(q),
    );
    assert_eq!(rows.lines().count(), 2, "header and one statement: {rows}");
    // No direct edge from Italy by the one-actor predicate.
    let q = "ASK { ?s ag:resigns ?o }";
    let ask = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg(q),
    );
    assert!(ask.contains("false"), "{ask}");
    // The network has the two-actor edge only.
    let gexf = stdout_ok(
        bin()
            .args(["export", "--format", "gexf", "--store"])
            .arg(&store),
    );
    assert_eq!(gexf.matches("<edge ").count(), 1, "{gexf}");
    assert!(!gexf.contains("resigns"), "{gexf}");
    // The statement-level export lists it, with an empty object.
    let rows = stdout_ok(
        bin()
            .args(["export", "--format", "statements-jsonl", "--store"])
            .arg(&store),
    );
    let resign = rows
        .lines()
        .find(|l| l.contains("\"resigns\""))
        .expect("the one-actor statement is exported");
    assert!(resign.contains("Italy"), "{resign}");
}
