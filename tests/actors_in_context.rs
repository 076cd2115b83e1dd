//! Table-driven tests of how the context around a trigger names its actors
//! and its act: pair phrases ("both sides", "les deux puissances"), a
//! retaliation answering an earlier attack, a charge denied in a relative
//! clause, the act an accusation charges, an actor after "as did" / "tout
//! comme", an agreement ended, a state agent or an organisation named again
//! by its head noun, French "de" + capital after a noun of stance.
//! Sentences written for these tests.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "a demonym two states share goes to the one the document names",
        Lang::En,
        None,
        "Rwanda will withdraw its troops from Congolese territory, the DRC said.",
        &[
            "Rwanda withdrawsFrom Democratic Republic of the Congo [positive future Democratic Republic of the Congo]",
        ],
    ),
    (
        "French: a demonym two states share goes to the one whose capital the document names",
        Lang::Fr,
        None,
        "Kinshasa accuse Kigali. Le ministre congolais des Affaires étrangères a critiqué le Rwanda.",
        &["Democratic Republic of the Congo criticizes Rwanda [positive asserted -]"],
    ),
    (
        "a shared demonym stays with the state whose capital is named",
        Lang::En,
        None,
        "Congolese troops attacked rebels near Brazzaville.",
        &["Republic of the Congo attacks rebels (Republic of the Congo) [positive asserted -]"],
    ),
    (
        "ending an agreement withdraws from it",
        Lang::En,
        None,
        "Chad terminated its defence pact with France.",
        &["Chad withdrawsFrom France [positive asserted -]"],
    ),
    (
        "a predicate noun before 'agreement' is its modifier: the agreement ends",
        Lang::En,
        None,
        "Niger ended its military cooperation agreement with Germany.",
        &["Niger withdrawsFrom Germany [positive asserted -]"],
    ),
    (
        "French: the cooperation an ended agreement names is withdrawn from",
        Lang::Fr,
        None,
        "Le Niger a mis fin à l'accord de coopération militaire avec l'Allemagne.",
        &["Niger withdrawsFrom Germany [positive asserted -]"],
    ),
    (
        "an actor after ', as did' does the same act to the same target",
        Lang::En,
        None,
        "Japan criticized China, as did Australia.",
        &[
            "Japan criticizes China [positive asserted -]",
            "Australia criticizes China [positive asserted -]",
        ],
    ),
    (
        "French: an actor after ', tout comme' does the same act",
        Lang::Fr,
        None,
        "La Belgique a condamné le Niger, tout comme le secrétaire général de l'ONU, Antonio Guterres.",
        &["António Guterres criticizes Niger [positive asserted -]"],
    ),
    (
        "French: an actor after ', de même que' does the same act",
        Lang::Fr,
        None,
        "L'Italie a critiqué la Russie, de même que l'Espagne.",
        &["Spain criticizes Russia [positive asserted -]"],
    ),
    (
        "French: a day between the accusation verb and the accused; a perfect infinitive is the accused's act",
        Lang::Fr,
        None,
        "Le Japon a accusé jeudi la Chine d'avoir attaqué des pêcheurs japonais.",
        &[
            "Japan accuses China [positive asserted -]",
            "China attacks Japan [positive asserted Japan]",
        ],
    ),
    (
        "French: the subject pronoun after 'X, qu'' is not X, and a capital's 'il' is masculine",
        Lang::Fr,
        None,
        "Kinshasa a suspendu sa coopération avec Kampala, qu'il accuse d'abriter des rebelles.",
        &["Democratic Republic of the Congo accuses Uganda [positive asserted -]"],
    ),
    (
        "French: the relative pronoun is the object of the clause's verb, not of its infinitive",
        Lang::Fr,
        None,
        "Bamako a rompu ses relations avec Alger, qu'il accuse de soutenir les rebelles.",
        &["Mali accuses Algeria [positive asserted -]"],
    ),
    (
        "'the junta' is the state's junta named before",
        Lang::En,
        None,
        "The Sudanese junta expelled the Kenyan ambassador. The junta also accused Kenya of arming the rebels.",
        &["Sudan accuses Kenya [positive asserted -]"],
    ),
    (
        "'the ministry' is the ministry named before",
        Lang::En,
        None,
        "The Egyptian foreign ministry summoned the Israeli envoy. In a statement, the ministry condemned Israel.",
        &["Egypt criticizes Israel [positive asserted -]"],
    ),
    (
        "French: 'la junte' is the state's junta named before",
        Lang::Fr,
        None,
        "La junte guinéenne a expulsé l'ambassadeur du Mali. La junte a aussi accusé Bamako d'espionnage.",
        &["Guinea accuses Mali [positive asserted -]"],
    ),
    (
        "a model designation between a demonym and its noun: 'Russian Su-25 jets'",
        Lang::En,
        None,
        "Russian Su-25 jets bombed Georgian positions.",
        &["Russia attacks Georgia [positive asserted -]"],
    ),
    (
        "accepting a person's invitation agrees with that person",
        Lang::En,
        None,
        "Chile accepted Lula's invitation.",
        &["Chile agreesWith Luiz Inácio Lula da Silva [positive asserted -]"],
    ),
    (
        "French: accepting a person's invitation agrees with that person",
        Lang::Fr,
        None,
        "Le Chili a accepté l'invitation de Lula.",
        &["Chile agreesWith Luiz Inácio Lula da Silva [positive asserted -]"],
    ),
    (
        "a visit put off did not take place",
        Lang::En,
        None,
        "Lavrov postponed a visit to Ankara.",
        &["Sergei Lavrov visits Ankara [negative asserted -]"],
    ),
    (
        "French: a visit put off did not take place",
        Lang::Fr,
        None,
        "Le ministre allemand a reporté sa visite à Alger.",
        &["Germany visits Algiers [negative asserted -]"],
    ),
    (
        "French: a capital after 'de' and a noun of stance holds it: 'la proposition de Moscou'",
        Lang::Fr,
        None,
        "Kiev a rejeté la proposition de Moscou.",
        &["Ukraine rejects Russia [positive asserted -]"],
    ),
    (
        "French: a quoted adjective may stand between the act noun and 'de' + capital",
        Lang::Fr,
        None,
        "Washington a condamné les actions « irresponsables » de Pékin.",
        &["United States criticizes China [positive asserted -]"],
    ),
    (
        "French: a pair phrase after a verb is not its coordinated subjects",
        Lang::Fr,
        None,
        "L'Éthiopie a bombardé l'Érythrée. Berlin et Tokyo ont appelé les deux puissances à la retenue.",
        &[
            "Germany demandsFrom Ethiopia [positive asserted -]",
            "Germany demandsFrom Eritrea [positive asserted -]",
            "Japan demandsFrom Ethiopia [positive asserted -]",
            "Japan demandsFrom Eritrea [positive asserted -]",
        ],
    ),
    (
        "a pair phrase may have adjectives before its noun",
        Lang::En,
        None,
        "Egypt bombed Libya on Monday. Tunisia urged both neighbouring countries to show restraint.",
        &[
            "Tunisia demandsFrom Egypt [positive asserted -]",
            "Tunisia demandsFrom Libya [positive asserted -]",
        ],
    ),
    (
        "'both sides' are the two states named, not the latest actors",
        Lang::En,
        None,
        "Ghana shelled Togo. Togo called on the African Union to hold an emergency meeting. Nigeria urged both sides to stand down.",
        &[
            "Nigeria demandsFrom Ghana [positive asserted -]",
            "Nigeria demandsFrom Togo [positive asserted -]",
        ],
    ),
    (
        "a retaliation with no object answers the latest attack on its subject",
        Lang::En,
        None,
        "Sudan bombed Chad on Friday. N'Djamena said it would retaliate.",
        &["Chad attacks Sudan [positive future Chad]"],
    ),
    (
        "French: 'riposter' with no object answers the latest attack",
        Lang::Fr,
        None,
        "Le Soudan a bombardé le Tchad. Le Tchad a affirmé qu'il allait riposter.",
        &["Chad attacks Sudan [positive future Chad]"],
    ),
    (
        "'a charge X denies' rejects the accuser",
        Lang::En,
        None,
        "Kenya accused Uganda of arming the rebels, a charge Uganda denies.",
        &["Uganda rejects Kenya [positive asserted -]"],
    ),
    (
        "French: 'ce que X a nié' rejects the accuser",
        Lang::Fr,
        None,
        "Le Mali accuse l'Algérie de soutenir les rebelles, ce que l'Algérie a toujours nié.",
        &["Algeria rejects Mali [positive asserted -]"],
    ),
    (
        "French: what 'ce que' denies is the accusation, not an act inside it",
        Lang::Fr,
        None,
        "Le Niger accuse le Bénin d'avoir fait appel à des soldats français, ce que Cotonou dément.",
        &["Benin rejects Niger [positive asserted -]"],
    ),
    (
        "a free relative after the verb's marker: the thing named, then where",
        Lang::En,
        None,
        "Turkey launched air strikes on what it called terrorist camps in Iraq.",
        &["Turkey attacks Iraq [positive asserted -]"],
    ),
    (
        "French: a state after 'au' is where an attack with no actor struck",
        Lang::Fr,
        None,
        "L'Éthiopie a frappé trois dépôts au Soudan.",
        &["Ethiopia attacks Sudan [positive asserted -]"],
    ),
    (
        "a compass word before a demonym names a region: 'the Central American country'",
        Lang::En,
        None,
        "Honduras refused to accept the deportation flights. Donald Trump threatened to impose sanctions on the Central American country.",
        &["Donald Trump threatens Honduras [positive asserted -]"],
    ),
];

#[test]
fn actors_in_context() {
    check_cases(CASES);
}

const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "terminating a pact is no agreement",
        Lang::En,
        "Chad terminated its defence pact with France.",
        "Chad agreesWith France",
    ),
    (
        "French: ending a cooperation agreement is no cooperation",
        Lang::Fr,
        "Le Niger a mis fin à l'accord de coopération militaire avec l'Allemagne.",
        "Niger cooperatesWith Germany",
    ),
    (
        "French: the accuser does not do the act of an accused named by a relative pronoun",
        Lang::Fr,
        "Le Premier ministre canadien a dénoncé une junte qu'il accuse d'avoir emprisonné des journalistes birmans.",
        "Canada represses",
    ),
    (
        "French: the accuser does not do what it accuses the relative's antecedent of",
        Lang::Fr,
        "Bamako a rompu ses relations avec Alger, qu'il accuse de soutenir les rebelles.",
        "Mali supports Algeria",
    ),
    (
        "French: 'pour' right after the verb opens a purpose clause, not its object",
        Lang::Fr,
        "Le ministre tchèque veut rencontrer pour discuter les propositions de la Russie.",
        "meets Russia",
    ),
    (
        "a pair phrase after a verb does not make its subjects meet",
        Lang::Fr,
        "L'Éthiopie a bombardé l'Érythrée. Berlin et Tokyo ont appelé les deux puissances à la retenue.",
        "Germany meets Japan",
    ),
    (
        "'the Central American country' is not the United States",
        Lang::En,
        "Honduras refused to accept the deportation flights. Donald Trump threatened to impose sanctions on the Central American country.",
        "Donald Trump threatens United States",
    ),
    (
        "sending a letter is no aid",
        Lang::En,
        "Macron sent a letter to Putin.",
        "Emmanuel Macron aids Vladimir Putin",
    ),
    (
        "sending troops is no aid",
        Lang::En,
        "Spain sent troops to Latvia.",
        "Spain aids Latvia",
    ),
    (
        "French: sending a letter is no aid",
        Lang::Fr,
        "Macron a envoyé une lettre à Poutine.",
        "Emmanuel Macron aids Vladimir Putin",
    ),
];

#[test]
fn claims_that_must_not_be_asserted() {
    check_not_asserted(NOT_ASSERTED);
}
