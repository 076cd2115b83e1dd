//! One-actor events (issue #14): statements with no object, for lexicon
//! entries flagged `alone` ("X resigned", "troops withdrew"), in the
//! extractor and the JSON contract (the store and the exports: tests/cli.rs).
//! Sentences written for these tests.

mod common;

use actorgraph::text::Lang;
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
    (
        "agreeing to an act is an agreement with no target (PLOVER AGREE)",
        Lang::En,
        None,
        "Chile agreed on Monday to reopen two border crossings.",
        &["Chile agreesWith - [positive asserted -]"],
    ),
    (
        "French: promettre de faire",
        Lang::Fr,
        None,
        "Le Maroc a promis d'augmenter son aide.",
        &["Morocco agreesWith - [positive asserted -]"],
    ),
    (
        "accepting a plan is an agreement with no target",
        Lang::En,
        None,
        "Iceland accepted the plan.",
        &["Iceland agreesWith - [positive asserted -]"],
    ),
    (
        "a promise whose act has a target is that act, future",
        Lang::En,
        None,
        "Norway promised to send more aid to Sudan.",
        &["Norway aids Sudan [positive future -]"],
    ),
    (
        "a refusal with no actor as target is a one-actor rejection",
        Lang::En,
        None,
        "Slovakia refused to sign the joint statement.",
        &["Slovakia rejects - [positive asserted -]"],
    ),
    (
        "rejecting a proposal that names no actor",
        Lang::En,
        None,
        "Argentina rejected the new fisheries proposal on Friday.",
        &["Argentina rejects - [positive asserted -]"],
    ),
    (
        "French: rejeter sans cible",
        Lang::Fr,
        None,
        "La Bolivie a rejeté le compromis budgétaire.",
        &["Bolivia rejects - [positive asserted -]"],
    ),
    (
        "a veto with no actor as target",
        Lang::En,
        None,
        "Malta vetoed the draft resolution on Thursday.",
        &["Malta rejects - [positive asserted -]"],
    ),
    (
        "French: opposer son veto",
        Lang::Fr,
        None,
        "La Chine a opposé son veto au projet de résolution.",
        &["China rejects - [positive asserted -]"],
    ),
    (
        "ruling out an act",
        Lang::En,
        None,
        "Denmark ruled out any change to its asylum rules.",
        &["Denmark rejects - [positive asserted -]"],
    ),
    (
        "French: refuser de faire",
        Lang::Fr,
        None,
        "Le Portugal a refusé de signer la déclaration finale.",
        &["Portugal rejects - [positive asserted -]"],
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
    (
        "a pledge of aid to a state is one event, not also a target-less agreement",
        Lang::En,
        "Norway promised to send more aid to Sudan.",
        "agreesWith -",
    ),
    (
        "French: s'engager à aider un État",
        Lang::Fr,
        "Le Maroc s'est engagé à doubler son aide au Sénégal.",
        "agreesWith -",
    ),
    (
        "rejecting an actor's offer is a rejection of that actor, not also a target-less one",
        Lang::En,
        "Ecuador rejected an offer from Peru.",
        "rejects -",
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
