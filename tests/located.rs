//! Table-driven tests of attacks told with no actor as their target, only
//! where they struck, and of the noun readings of verb forms that would
//! otherwise make false triggers. Sentences written for these tests.

mod common;

use actorgraph::explain;
use actorgraph::text::{Document, Lang};
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "an attack on things in a city strikes the city's state",
        Lang::En,
        None,
        "Russian missiles struck two grain warehouses overnight in Odesa, the port authority reported.",
        &["Russia attacks Ukraine [positive asserted"],
    ),
    (
        "the place may come after the act's other complements",
        Lang::En,
        None,
        "Belarusian gunners opened fire on Friday, and they shelled a crowded market in Kharkiv.",
        &["Belarus attacks Ukraine [positive asserted -]"],
    ),
    (
        "French: a place after 'à' gives the state struck",
        Lang::Fr,
        None,
        "Des drones russes ont frappé des entrepôts à Kharkiv dans la nuit.",
        &["Russia attacks Ukraine [positive asserted -]"],
    ),
    (
        "a state named as where the attack struck",
        Lang::En,
        None,
        "Turkish jets struck targets in Syria on Sunday.",
        &["Turkey attacks Syria [positive asserted -]"],
    ),
    (
        "a compass adjective may stand between the preposition and the state",
        Lang::En,
        None,
        "Hezbollah fired three rockets into northern Israel overnight.",
        &["Hezbollah attacks Israel [positive asserted -]"],
    ),
];

/// (construction, language, text, statement that must not come out)
const NOT: &[(&str, Lang, &str, &str)] = &[
    (
        "a place in the attacker's own state makes no attack on it",
        Lang::En,
        "Ukrainian artillery shelled positions near Kharkiv on Friday.",
        "Ukraine attacks Ukraine",
    ),
    (
        "a place after a comma belongs to the next clause (where the speakers are)",
        Lang::En,
        "Iraqi gunmen fired on a convoy, officials in Kharkiv said.",
        "Iraq attacks Ukraine",
    ),
    (
        "a place after an actor is that actor's location, not the target",
        Lang::En,
        "Syrian troops killed two Turkish soldiers near Mosul.",
        "Syria attacks Iraq",
    ),
    (
        "'a suspected weapons supply': a base form after 'a' and modifiers is a noun",
        Lang::En,
        "British jets struck a suspected weapons supply outside Mosul.",
        "aids",
    ),
    (
        "French 'semaines de combats': a form after 'de' is a noun",
        Lang::Fr,
        "L'accord négocié par la Turquie met fin à six semaines de combats à Kharkiv.",
        "attacks",
    ),
    (
        "a participle followed by a preposition: the ones killed did not attack",
        Lang::En,
        "There were twelve Turkish soldiers killed in Syria last week.",
        "Turkey attacks Syria",
    ),
];

/// (construction, language, text, trigger that must not be found): a verb
/// form read as a noun makes no trigger of its own.
const NOUN_READINGS: &[(&str, Lang, &str, &str)] = &[
    (
        "'fired at targets': a base form after a preposition is a noun",
        Lang::En,
        "Israeli tanks fired at targets in Jericho.",
        "\"targets\": en.attacks.target",
    ),
    (
        "'four shell bombs': a form after a number (and a modifier) is a noun",
        Lang::En,
        "Serbian gunners fired four shell bombs at Kharkiv.",
        "\"bombs\": en.attacks.bomb",
    ),
    (
        "'a suspected weapons supply': after 'a' and modifiers, a base form is a noun",
        Lang::En,
        "British jets struck a suspected weapons supply outside Mosul.",
        "\"supply\": en.aids.supply",
    ),
    (
        "French 'semaines de combats': a form after 'de' is a noun",
        Lang::Fr,
        "L'accord met fin à six semaines de combats à Kharkiv.",
        "\"combats\": fr.attacks.combattre",
    ),
    (
        "'struck targets': a form in -s right after a verb is a plural noun",
        Lang::En,
        "Turkish jets struck targets in Syria.",
        "\"targets\": en.attacks.target",
    ),
    (
        "'all sides': a form in -s after a quantifier is a plural noun",
        Lang::En,
        "China urged all sides to show restraint.",
        "\"sides\": en.supports.side",
    ),
];

#[test]
fn noun_readings_make_no_trigger() {
    for (name, lang, text, trigger) in NOUN_READINGS {
        let mut doc = Document::new("t", *text);
        doc.lang = Some(*lang);
        let mut out = Vec::new();
        explain::write(common::knowledge(), &doc, &mut out).unwrap();
        let report = String::from_utf8(out).unwrap();
        assert!(report.contains("triggers:"), "{name}: no trigger section");
        assert!(
            !report.contains(trigger),
            "{name}: `{text}` found {trigger}\n{report}"
        );
    }
}

#[test]
fn located_attacks() {
    check_cases(CASES);
}

#[test]
fn noun_readings_and_located_guards() {
    check_not_asserted(NOT);
}
