//! Table-driven tests of the words that govern a predicate: threats,
//! refusals, commitments and intentions (modality of infinitives),
//! conditions (unless), obligations, verbs that halt or lift a nominal event,
//! demonym and proposal owners, demanded clauses. Sentences written for these tests.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "an aggression reported in one's own that-clause accuses its agent",
        Lang::En,
        None,
        "Bolivia said that Chile had shelled Peru.",
        &[
            "Chile attacks Peru [positive asserted Bolivia]",
            "Bolivia accuses Chile [positive asserted -]",
        ],
    ),
    (
        "French: a déclaré que",
        Lang::Fr,
        None,
        "Le Chili a déclaré que le Pérou avait attaqué la Bolivie.",
        &[
            "Peru attacks Bolivia [positive asserted Chile]",
            "Chile accuses Peru [positive asserted -]",
        ],
    ),
    (
        "a threat whose action names no target is against the actor of its condition",
        Lang::En,
        None,
        "Bolivia threatened to close its border unless Chile withdrew its troops.",
        &["Bolivia threatens Chile [positive asserted -]"],
    ),
    (
        "French: menacer … à moins que",
        Lang::Fr,
        None,
        "La Bolivie a menacé de fermer sa frontière à moins que le Chili ne retire ses troupes.",
        &["Bolivia threatens Chile [positive asserted -]"],
    ),
    (
        "a declared refusal of a cooperative act rejects its target",
        Lang::En,
        None,
        "Peru will not send aid to Chile.",
        &[
            "Peru aids Chile [negative future -]",
            "Peru rejects Chile [positive asserted -]",
        ],
    ),
    (
        "French: ne … pas with a future cooperative act",
        Lang::Fr,
        None,
        "Le Pérou ne rencontrera pas le Chili.",
        &[
            "Peru meets Chile [negative future -]",
            "Peru rejects Chile [positive asserted -]",
        ],
    ),
    (
        "the light verb's direct object is the target of its predicate noun",
        Lang::En,
        None,
        "Chile drew Peru into a war over the nitrate fields.",
        &["Chile attacks Peru [positive asserted -]"],
    ),
    (
        "the author of a proposal after an adjective and a genitive",
        Lang::En,
        None,
        "Chile rejected renewed calls by Bolivia's leaders for a sea corridor.",
        &["Chile rejects Bolivia [positive asserted -]"],
    ),
    (
        "a noun modifier does not end a nominal predicate's phrase",
        Lang::En,
        None,
        "Russia completed the withdrawal of its invasion troops from Georgia.",
        &["Russia withdrawsFrom Georgia [positive asserted -]"],
    ),
    (
        "French modal with a bare infinitive before a predicate noun",
        Lang::Fr,
        None,
        "La Chine veut renforcer sa coopération militaire avec la Russie.",
        &["China cooperatesWith Russia [positive future -]"],
    ),
    (
        "a refused action is negated and its target rejected",
        Lang::En,
        None,
        "Chile refused to lift sanctions on Peru.",
        &[
            "Chile concedesTo Peru [negative asserted -]",
            "Chile rejects Peru [positive asserted -]",
        ],
    ),
    (
        "French refusal",
        Lang::Fr,
        None,
        "Le Chili a refusé de lever les sanctions contre le Pérou.",
        &[
            "Chile concedesTo Peru [negative asserted -]",
            "Chile rejects Peru [positive asserted -]",
        ],
    ),
    (
        "a noun in a refused infinitive phrase is negated",
        Lang::En,
        None,
        "Chile is refusing to lift the curfew in Santiago.",
        &["Chile concedesTo Santiago [negative asserted -]"],
    ),
    (
        "the author of a proposal taken as direct object",
        Lang::En,
        None,
        "Peru rejected a fresh offer from Chile for direct talks.",
        &["Peru rejects Chile [positive asserted -]"],
    ),
    (
        "French: l'auteur d'une offre",
        Lang::Fr,
        None,
        "Le Pérou a rejeté une offre du Chili.",
        &["Peru rejects Chile [positive asserted -]"],
    ),
    (
        "a demonym on a noun after a frame's marker names its owner",
        Lang::En,
        None,
        "Peru is opposed to Chilean mediation.",
        &["Peru opposes Chile [positive asserted -]"],
    ),
    (
        "after a demonym adjective a noun-or-verb form is a noun",
        Lang::En,
        None,
        "Chilean attacks on Peru continued.",
        &["Chile attacks Peru [positive asserted -]"],
    ),
    (
        "a war with a state",
        Lang::En,
        None,
        "Iran fought a long war with Iraq.",
        &["Iran attacks Iraq [positive asserted -]"],
    ),
    (
        "a governing verb before the infinitive's own subject",
        Lang::En,
        None,
        "Diplomats expect the Czech Republic to support Andorra.",
        &["Czech Republic supports Andorra [positive future -]"],
    ),
    (
        "French convenir de",
        Lang::Fr,
        None,
        "Le Chili et le Pérou ont convenu de reprendre les négociations.",
        &["Chile meets Peru [positive future -]"],
    ),
    (
        "a meeting in a time adjunct still involves the subject",
        Lang::Fr,
        None,
        "Le Pérou a critiqué le Chili lors d'un appel vidéo avec la Bolivie.",
        &["Peru meets Bolivia [positive asserted -]"],
    ),
    (
        "suspect as a verb",
        Lang::En,
        None,
        "Peru suspected Chile of spying.",
        &["Peru accuses Chile [positive asserted -]"],
    ),
    (
        "a time word before the demanded clause",
        Lang::En,
        None,
        "Chilean officials demanded Friday that Peru withdraw its troops.",
        &["Chile demandsFrom Peru [positive asserted -]"],
    ),
    (
        "a titled addressee of a demanded clause",
        Lang::En,
        None,
        "Opposition groups in Zimbabwe are demanding that President Mugabe resign.",
        &["opposition (Zimbabwe) demandsFrom Robert Mugabe [positive asserted -]"],
    ),
    (
        "reiterate reports an obligation",
        Lang::En,
        None,
        "A senior Chilean minister reiterated that Peru must hand over the suspects.",
        &["Chile demandsFrom Peru [positive asserted Chile]"],
    ),
    (
        "a nominal meeting among coordinated subjects of a light verb",
        Lang::En,
        None,
        "Israel and Lebanon renewed negotiations on Monday.",
        &["Israel meets Lebanon [positive asserted -]"],
    ),
    (
        "halting a cooperative nominal event is a sanction",
        Lang::En,
        None,
        "Chile suspended part of its military aid program for Peru.",
        &["Chile sanctions Peru [positive asserted -]"],
    ),
    (
        "French: suspendre une aide",
        Lang::Fr,
        None,
        "Le Chili a suspendu une partie de son aide au Pérou.",
        &["Chile sanctions Peru [positive asserted -]"],
    ),
    (
        "lifting a coercive nominal event is a concession",
        Lang::En,
        None,
        "Chile lifted its naval blockade of Peru.",
        &["Chile concedesTo Peru [positive asserted -]"],
    ),
    (
        "French: lever un blocus",
        Lang::Fr,
        None,
        "Le Chili a levé son blocus naval du Pérou.",
        &["Chile concedesTo Peru [positive asserted -]"],
    ),
    (
        "a commitment carries over chained infinitives",
        Lang::En,
        None,
        "Chile is willing to send troops to help defend Peru.",
        &["Chile aids Peru [positive future -]"],
    ),
    (
        "a threat with a time phrase before its infinitive",
        Lang::En,
        None,
        "Peru threatened on Monday to break relations with Chile.",
        &["Peru threatens Chile [positive asserted -]"],
    ),
    (
        "a threatened action named by a noun in the infinitive phrase",
        Lang::En,
        None,
        "Peru threatened to launch a military offensive against Chile.",
        &["Peru threatens Chile [positive asserted -]"],
    ),
    (
        "a commitment conditioned by unless is a threat",
        Lang::En,
        None,
        "Peru will withdraw its troops from Chile unless Bolivia signs the deal.",
        &["Peru threatens Chile [positive future -]"],
    ),
    (
        "French: à moins que",
        Lang::Fr,
        None,
        "Le Pérou retirera ses troupes du Chili à moins que la Bolivie signe l'accord.",
        &["Peru threatens Chile [positive future -]"],
    ),
    (
        "English infinitive after a commitment verb: future (PLOVER AGREE)",
        Lang::En,
        None,
        "Chile vowed to support Peru.",
        &["Chile supports Peru [positive future -]"],
    ),
    (
        "a decision to act is a commitment",
        Lang::En,
        None,
        "Ghana decided to aid Togo.",
        &["Ghana aids Togo [positive future -]"],
    ),
    (
        "a noun after a commitment verb and its infinitive",
        Lang::En,
        None,
        "Norway pledged to send humanitarian aid to Yemen.",
        &["Norway aids Yemen [positive future -]"],
    ),
    (
        "French noun after a commitment verb and its infinitive",
        Lang::Fr,
        None,
        "Le Canada a promis d'envoyer une aide à Haïti.",
        &["Canada aids Haiti [positive future -]"],
    ),
    (
        "an intention is a future (a wish to attack is a threat for PLOVER)",
        Lang::En,
        None,
        "Serbia wants to meet Croatia.",
        &["Serbia meets Croatia [positive future -]"],
    ),
    (
        "French intention",
        Lang::Fr,
        None,
        "La Serbie veut rencontrer la Croatie.",
        &["Serbia meets Croatia [positive future -]"],
    ),
    (
        "a demonym on the direct object's predicate noun names its owner",
        Lang::En,
        None,
        "Peru rejected a Chilean ultimatum.",
        &["Peru rejects Chile [positive asserted -]"],
    ),
    (
        "French demonym after the object's predicate noun",
        Lang::Fr,
        None,
        "Le Pérou a rejeté l'ultimatum chilien.",
        &["Peru rejects Chile [positive asserted -]"],
    ),
    (
        "a demonym on a predicate noun is its agent, not the clause subject",
        Lang::En,
        None,
        "Peru condemned the Chilean invasion of Bolivia.",
        &[
            "Peru criticizes Chile [positive asserted -]",
            "Chile attacks Bolivia [positive asserted -]",
        ],
    ),
    (
        "French demonym agent of a predicate noun",
        Lang::Fr,
        None,
        "Le Pérou a condamné l'invasion chilienne de la Bolivie.",
        &["Chile attacks Bolivia [positive asserted -]"],
    ),
    (
        "an aspectual verb leaves the infinitive asserted",
        Lang::En,
        None,
        "Sudan continued to attack Chad.",
        &["Sudan attacks Chad [positive asserted -]"],
    ),
];

/// (construction, language, text, statement that must NOT come out)
const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "a trailing source is not an accuser",
        Lang::En,
        "Chile attacked Peru, Bolivia said.",
        "Bolivia accuses",
    ),
    (
        "the agent of a participle after another noun is not the predicate noun's",
        Lang::En,
        "Chile opened an investigation into abuses committed by Peruvian troops.",
        "Peru accuses",
    ),
    (
        "the addressee of a speech verb is not a light verb's object",
        Lang::En,
        "Russia told Ukraine talks were over.",
        "Russia meets Ukraine",
    ),
    (
        "a predicate noun before a compound head is a modifier",
        Lang::En,
        "Serbia opened a war crimes trial against Kosovo Albanians.",
        "attacks",
    ),
    (
        "French: a predicate noun after crimes de is a modifier",
        Lang::Fr,
        "La Serbie juge des crimes de guerre contre le Kosovo.",
        "attacks",
    ),
    (
        "a refused concession is not a concession",
        Lang::En,
        "The Israeli government is refusing to lift the curfew on Palestinians.",
        "concedesTo Palestine [positive",
    ),
    (
        "a nominal event in a time adjunct is not the subject's act",
        Lang::En,
        "Peru offered to negotiate with Chile following the invasion of Bolivia.",
        "Peru attacks Bolivia",
    ),
    (
        "a participle before a noun is an adjective",
        Lang::En,
        "Peru extradited suspected Chilean militant Juan Soto to Chile.",
        "Peru accuses Chile",
    ),
    (
        "an obligation is not a fact",
        Lang::En,
        "Chile said that Peru and Bolivia must reach an agreement.",
        "agreesWith",
    ),
    (
        "French obligation",
        Lang::Fr,
        "Le Chili a déclaré que le Pérou doit soutenir la Bolivie.",
        "Peru supports Bolivia",
    ),
    (
        "states named after a noun are not its coordinated agents",
        Lang::Fr,
        "Au cours de leur conversation, ils ont parlé du pacte entre l'Australie, le Royaume-Uni et les États-Unis.",
        "United States meets United Kingdom",
    ),
    (
        "suspended aid is not aid",
        Lang::En,
        "Chile suspended part of its military aid program for Peru.",
        "Chile aids Peru",
    ),
    (
        "a threatened offensive is not an attack",
        Lang::En,
        "Peru threatened to launch a military offensive against Chile.",
        "Peru attacks Chile",
    ),
    (
        "a conditioned withdrawal is not a withdrawal",
        Lang::En,
        "Peru will withdraw its troops from Chile unless Bolivia signs the deal.",
        "Peru withdrawsFrom Chile",
    ),
    (
        "the critic is not the agent of the invasion it condemns",
        Lang::En,
        "Peru condemned the Chilean invasion of Bolivia.",
        "Peru attacks Bolivia",
    ),
];

#[test]
fn constructions() {
    check_cases(CASES);
}

#[test]
fn claims_that_must_not_be_asserted() {
    check_not_asserted(NOT_ASSERTED);
}
