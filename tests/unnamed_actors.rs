//! Table-driven tests of actors the text does not name: bare police and
//! crowds placed by their sentence or by the story's dateline, and the
//! actor a gerund right after a noun phrase describes. Sentences written
//! for these tests.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "'police' is a collective: placed by the place in its clause",
        Lang::En,
        None,
        "Police fired tear gas at demonstrators in Tbilisi on Monday.",
        &["Georgia attacks protesters (Georgia) [positive asserted -]"],
    ),
    (
        "a bare phrase the sentence places nowhere belongs to the dateline's state",
        Lang::En,
        None,
        "LIMA, March 3 — Thousands of people marched through the capital on Sunday. Police detained dozens of protesters.",
        &["Peru represses protesters (Peru) [positive asserted -]"],
    ),
    (
        "French: the dateline places 'la police'",
        Lang::Fr,
        None,
        "BAMAKO, 5 juin — Des milliers de personnes ont défilé dimanche. La police a arrêté des dizaines de manifestants devant l'Assemblée.",
        &["Mali represses protesters (Mali) [positive asserted -]"],
    ),
    (
        "'riot police' with a demonym are that state's police",
        Lang::En,
        None,
        "Kenyan riot police dispersed students outside the parliament.",
        &["Kenya represses students (Kenya) [positive asserted -]"],
    ),
    (
        "a gerund right after a noun phrase says what that actor does",
        Lang::En,
        None,
        "Bolivian police dispersed farmers protesting against the government in La Paz.",
        &["farmers (Bolivia) protests Bolivia [positive asserted -]"],
    ),
    (
        "French: a present participle right after a noun phrase",
        Lang::Fr,
        None,
        "Les forces de l'ordre ont dispersé des étudiants dénonçant le gouvernement à Dakar.",
        &["students (Senegal) criticizes Senegal [positive asserted -]"],
    ),
    (
        "a demonym, a modifier noun and a plural head are one plural phrase",
        Lang::En,
        None,
        "Iranian navy boats approached the tanker on Sunday. Hours later they fired on Emirati ships.",
        &["Iran attacks United Arab Emirates [positive asserted -]"],
    ),
    (
        "a contingent of troops: the troops are the subject",
        Lang::En,
        None,
        "A first contingent of Kenyan police officers arrived in Haiti on Tuesday.",
        &["Kenya visits Haiti [positive asserted -]"],
    ),
    (
        "French: 'un détachement de soldats'",
        Lang::Fr,
        None,
        "Un détachement de soldats rwandais est arrivé au Mozambique.",
        &["Rwanda visits Mozambique [positive asserted -]"],
    ),
];

#[test]
fn unnamed_actors() {
    check_cases(CASES);
}

const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "the 'riot' of 'riot police' is no riot",
        Lang::En,
        "Kenyan riot police dispersed students outside the parliament.",
        "Kenya protests",
    ),
    (
        "a named state before the phrase wins over the dateline",
        Lang::En,
        "PARIS, May 2 — Russian police detained protesters in Moscow.",
        "France represses",
    ),
];

#[test]
fn unnamed_actor_claims_that_must_not_be_asserted() {
    check_not_asserted(NOT_ASSERTED);
}
