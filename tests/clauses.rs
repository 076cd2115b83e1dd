//! Table-driven tests of clause structure around a trigger: the antecedent
//! of a subject relative as the subject of a nominal event, a verb
//! coordinated after a reported clause, coordinated actors in apposition,
//! and speech verbs that are part of a name. Sentences written for these
//! tests.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "a judged event noun's agent after 'by' is the judge's target",
        Lang::En,
        None,
        "Chile condemned the attack launched on Saturday by Bolivia against Peru.",
        &[
            "Chile criticizes Bolivia [positive asserted -]",
            "Bolivia attacks Peru [positive asserted -]",
        ],
    ),
    (
        "with the agent's coordinated members",
        Lang::En,
        None,
        "Chile welcomed the agreement signed by Bolivia and Peru.",
        &[
            "Chile supports Bolivia [positive asserted -]",
            "Chile supports Peru [positive asserted -]",
        ],
    ),
    (
        "French: 'l'attaque lancée samedi par X'",
        Lang::Fr,
        None,
        "Le Chili a condamné l'attaque lancée samedi par la Bolivie contre le Pérou.",
        &["Chile criticizes Bolivia [positive asserted -]"],
    ),
    (
        "French: a judged event noun's genitive agent still acts in that noun's statement",
        Lang::Fr,
        None,
        "Le Chili a dénoncé les frappes de la Bolivie contre le Pérou.",
        &[
            "Chile criticizes Bolivia [positive asserted -]",
            "Bolivia attacks Peru [positive asserted -]",
        ],
    ),
    (
        "a demand for a body's meeting is addressed to that body",
        Lang::En,
        None,
        "Chile called for an emergency meeting of the UN Security Council.",
        &["Chile demandsFrom UN Security Council [positive asserted -]"],
    ),
    (
        "French: 'une réunion d'urgence du Conseil de sécurité'",
        Lang::Fr,
        None,
        "Le Chili a demandé une réunion d'urgence du Conseil de sécurité de l'ONU.",
        &["Chile demandsFrom UN Security Council [positive asserted -]"],
    ),
    (
        "a reported blame ('said Y was solely responsible for') accuses Y",
        Lang::En,
        None,
        "Chile said Peru was solely responsible for the collapse of the treaty.",
        &["Chile accuses Peru [positive asserted Chile]"],
    ),
    (
        "French: 'a déclaré que Y était responsable de'",
        Lang::Fr,
        None,
        "Le Chili a déclaré que le Pérou était responsable de l'échec du traité.",
        &["Chile accuses Peru [positive asserted Chile]"],
    ),
    (
        "after a speech verb with no 'that', the reported clause's subject does the nominal act",
        Lang::En,
        None,
        "Chile said Peru would launch an offensive against Bolivia.",
        &["Peru attacks Bolivia [positive future Chile]"],
    ),
    (
        "bare envoys expelled are those of the state the same act targeted before",
        Lang::En,
        None,
        "Britain expelled 23 Russian diplomats on Monday. Germany, France and Poland each expelled four diplomats, while Canada joined the action.",
        &[
            "Germany sanctions Russia [positive asserted -]",
            "Poland sanctions Russia [positive asserted -]",
        ],
    ),
    (
        "French: same with 'chacune quatre diplomates'",
        Lang::Fr,
        None,
        "Le Royaume-Uni a expulsé 23 diplomates russes. L'Allemagne et la Pologne ont expulsé chacune quatre diplomates.",
        &["Poland sanctions Russia [positive asserted -]"],
    ),
    (
        "envoys with a state of their own keep it",
        Lang::En,
        None,
        "Britain expelled 23 Russian diplomats. Germany expelled four diplomats of Belarus.",
        &["Germany sanctions Belarus [positive asserted -]"],
    ),
    (
        "the month May in a dateline or a date is no modal verb",
        Lang::En,
        None,
        "SANTIAGO, May 3 — Chile criticized Bolivia on 2 May.",
        &["Chile criticizes Bolivia [positive asserted -]"],
    ),
    (
        "the modal 'may' still makes an act possible",
        Lang::En,
        None,
        "Chile may criticize Bolivia.",
        &["Chile criticizes Bolivia [positive possible -]"],
    ),
    (
        "a demonym before a ministry stands for the state",
        Lang::En,
        None,
        "Chile criticised Peru. The Peruvian Foreign Ministry rejected the criticism.",
        &["Peru rejects Chile [positive asserted -]"],
    ),
    (
        "', a move welcomed by X': the apposition's judge judges the act before",
        Lang::En,
        None,
        "Chile lifted its sanctions on Peru, a move welcomed by Bolivia.",
        &["Bolivia supports Chile [positive asserted -]"],
    ),
    (
        "French: ', une attaque condamnée par X'",
        Lang::Fr,
        None,
        "Le Chili a bombardé le Pérou, une attaque condamnée par la Bolivie.",
        &["Bolivia criticizes Chile [positive asserted -]"],
    ),
    (
        "', which X denied': the pronoun stands for the act of the clause before",
        Lang::En,
        None,
        "Chile accused Peru of spying, which Lima denied.",
        &["Peru rejects Chile [positive asserted -]"],
    ),
    (
        "French: 'ce que X a condamné' judges the act of each coordinated agent",
        Lang::Fr,
        None,
        "Le Chili et la Bolivie ont attaqué le Pérou, ce que l'Équateur a condamné.",
        &[
            "Ecuador criticizes Chile [positive asserted -]",
            "Ecuador criticizes Bolivia [positive asserted -]",
        ],
    ),
    (
        "French: the main act of the clause, not one inside it",
        Lang::Fr,
        None,
        "Lima accuse le Chili d'avoir attaqué la Bolivie, ce que Santiago dément.",
        &["Chile rejects Peru [positive asserted -]"],
    ),
    (
        "', which' with a verb that judges nothing keeps the actor before it",
        Lang::En,
        None,
        "Chile attacked Peru, which Ecuador supports.",
        &["Ecuador supports Peru [positive asserted -]"],
    ),
    (
        "a judged act told with coordinated agents is judged of each",
        Lang::En,
        None,
        "Chile and Bolivia accused Peru of spying on Monday. Peru rejected the accusations as baseless.",
        &[
            "Peru rejects Chile [positive asserted -]",
            "Peru rejects Bolivia [positive asserted -]",
        ],
    ),
    (
        "a verb of the same form as an utterance noun still acts ('offers to')",
        Lang::En,
        None,
        "The Chilean government offers to mediate between Peru and Bolivia.",
        &["Chile agreesWith Peru [positive asserted -]"],
    ),
    (
        "French: an obligation the story states, with no one demanding it, is to come",
        Lang::Fr,
        None,
        "Aux termes de l'accord, le Chili doit retirer ses troupes du Pérou.",
        &["Chile withdrawsFrom Peru [positive future -]"],
    ),
    (
        "English: same with 'must'",
        Lang::En,
        None,
        "Under the agreement, Chile must withdraw its troops from Peru.",
        &["Chile withdrawsFrom Peru [positive future -]"],
    ),
    (
        "an obligation someone reports is their demand, not a fact to come",
        Lang::Fr,
        None,
        "Le Pérou a déclaré que le Chili doit retirer ses troupes.",
        &["Peru demandsFrom Chile [positive asserted"],
    ),
    (
        "French: the antecedent of 'qui' is the agent of the nominal event in the relative",
        Lang::Fr,
        None,
        "Le Chili a réuni les dirigeants de l'Union africaine, qui ont exprimé leur soutien au Pérou.",
        &["African Union supports Peru [positive asserted -]"],
    ),
    (
        "English: same with 'who'",
        Lang::En,
        None,
        "Chile hosted the leaders of the African Union, who voiced their support for Peru.",
        &["African Union supports Peru [positive asserted -]"],
    ),
    (
        "French: a verb after 'et' following a reported clause shares the sentence's subject",
        Lang::Fr,
        None,
        "Le Pérou a déclaré que les pourparlers étaient terminés et a menacé la Bolivie.",
        &["Peru threatens Bolivia [positive asserted"],
    ),
    (
        "English: same after 'and'",
        Lang::En,
        None,
        "Peru said that the talks were over and threatened Bolivia.",
        &["Peru threatens Bolivia [positive asserted"],
    ),
    (
        "French: a comma that closes an apposition does not end the list of subjects",
        Lang::Fr,
        Some("2019-12-10"),
        "Le président russe, Vladimir Poutine, et le président chinois, Xi Jinping, se sont rencontrés à Pékin.",
        &["Vladimir Putin meets Xi Jinping [positive asserted -]"],
    ),
    (
        "English: same with ', and'",
        Lang::En,
        Some("2019-12-10"),
        "The Russian president, Vladimir Putin, and the Chinese president, Xi Jinping, met in Beijing.",
        &["Vladimir Putin meets Xi Jinping [positive asserted -]"],
    ),
    (
        "coordinated subjects acting 'jointly' cooperate, with the act's modality",
        Lang::En,
        None,
        "Chile and Peru will jointly patrol the border next year.",
        &[
            "Chile cooperatesWith Peru [positive future -]",
            "Peru cooperatesWith Chile [positive future -]",
        ],
    ),
    (
        "French: 'ensemble', with a conditional",
        Lang::Fr,
        None,
        "Le Chili et le Pérou pourraient surveiller ensemble la frontière.",
        &["Chile cooperatesWith Peru [positive possible -]"],
    ),
    (
        "a negated joint act is a negated cooperation",
        Lang::En,
        None,
        "Chile and Peru did not act together during the crisis.",
        &["Chile cooperatesWith Peru [negative asserted -]"],
    ),
    (
        "'the agreement' after a named agreement is that agreement, which can be judged",
        Lang::En,
        None,
        "The Paris Agreement entered into force in 2016. Brazil condemned the agreement on Monday.",
        &["Brazil criticizes Paris Agreement [positive asserted -]"],
    ),
    (
        "French: 'l'accord' after a named agreement",
        Lang::Fr,
        None,
        "L'accord de Paris est entré en vigueur en 2016. Le Chili a salué l'accord mardi.",
        &["Chile supports Paris Agreement [positive asserted -]"],
    ),
    (
        "a list announced by a plural noun is the other side of a reciprocal act",
        Lang::En,
        None,
        "Serbia and three neighbouring countries, Hungary, Romania and Bulgaria, reached an agreement on Monday.",
        &[
            "Serbia agreesWith Hungary [positive asserted -]",
            "Serbia agreesWith Romania [positive asserted -]",
            "Serbia agreesWith Bulgaria [positive asserted -]",
        ],
    ),
    (
        "French: same with 'et trois pays voisins, …'",
        Lang::Fr,
        None,
        "La Serbie et trois pays voisins, la Hongrie, la Roumanie et la Bulgarie, ont conclu un accord lundi.",
        &["Serbia agreesWith Hungary [positive asserted -]"],
    ),
    (
        "a demand for someone's departure is addressed to them",
        Lang::Fr,
        None,
        "Des milliers d'étudiants serbes ont réclamé la démission d'Aleksandar Vucic.",
        &["students (Serbia) demandsFrom Aleksandar Vučić [positive asserted -]"],
    ),
    (
        "an adjective may follow the departure noun",
        Lang::Fr,
        None,
        "Les manifestants géorgiens exigent le départ immédiat d'Irakli Kobakhidze.",
        &["protesters (Georgia) demandsFrom Irakli Kobakhidze [positive asserted -]"],
    ),
    (
        "English: the removal of a named leader",
        Lang::En,
        None,
        "Peruvian opposition parties called for the resignation of Dina Boluarte.",
        &["opposition (Peru) demandsFrom Dina Boluarte [positive asserted -]"],
    ),
    (
        "rejecting 'the criticism' answers an accusation told before",
        Lang::En,
        None,
        "Lithuania accused Belarus of pushing migrants across the border. Minsk rejected the criticism on Tuesday.",
        &["Belarus rejects Lithuania [positive asserted -]"],
    ),
    (
        "French: 'ces critiques' answer an accusation told before",
        Lang::Fr,
        None,
        "Le Maroc a accusé l'Algérie de soutenir les indépendantistes. Alger a rejeté ces critiques.",
        &["Algeria rejects Morocco [positive asserted -]"],
    ),
    (
        "a call on all parties goes to both sides of the conflict told before",
        Lang::En,
        None,
        "Azerbaijani forces shelled Armenian positions on Tuesday. The European Union called on all parties to respect the ceasefire.",
        &[
            "European Union demandsFrom Azerbaijan [positive asserted -]",
            "European Union demandsFrom Armenia [positive asserted -]",
        ],
    ),
    (
        "French: 'toutes les parties'",
        Lang::Fr,
        None,
        "L'armée thaïlandaise a bombardé des positions cambodgiennes. La Chine a appelé toutes les parties à la retenue.",
        &[
            "China demandsFrom Thailand [positive asserted -]",
            "China demandsFrom Cambodia [positive asserted -]",
        ],
    ),
    (
        "the parties are the story's main conflict, not the latest threat",
        Lang::En,
        None,
        "Russian missiles hit Ukraine again. Russian drones struck Ukraine overnight. Lithuania said Belarus had threatened Lithuania. Turkey called on all parties to return to talks.",
        &[
            "Turkey demandsFrom Russia [positive asserted -]",
            "Turkey demandsFrom Ukraine [positive asserted -]",
        ],
    ),
    (
        "'au pouvoir' is the noun, not the modal verb: the act stays asserted",
        Lang::Fr,
        None,
        "Le parti au pouvoir en Serbie a dénoncé la Croatie.",
        &["Serbia criticizes Croatia [positive asserted -]"],
    ),
    (
        "a verdict in quotes judges the story's headline act",
        Lang::En,
        None,
        "Russian missiles struck Kyiv overnight. Ukraine and Moldova signed a trade agreement on Friday. Germany denounced an \"act of barbarism\".",
        &["Germany criticizes Russia [positive asserted -]"],
    ),
    (
        "French: 'a dénoncé un « acte barbare »'",
        Lang::Fr,
        None,
        "L'armée russe a bombardé Kharkiv. Le gouvernement polonais a dénoncé un « acte barbare ».",
        &["Poland criticizes Russian Armed Forces [positive asserted -]"],
    ),
];

#[test]
fn clauses() {
    check_cases(CASES);
}

const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "a demonym of the subject's own state on the object is no target",
        Lang::En,
        "Secretary of State Rex Tillerson offered American help in resolving the dispute.",
        "agreesWith United States",
    ),
    (
        "a blame denied names no one",
        Lang::En,
        "Chile said that Peru was not responsible for the attack.",
        "accuses",
    ),
    (
        "a definite event noun with no actor of its own is an event told before",
        Lang::En,
        "Chile said it would raise the protests with Peru next week.",
        "protests",
    ),
    (
        "bare envoys with no act told before name no state",
        Lang::En,
        "Chile expelled four diplomats on Monday.",
        "Chile sanctions",
    ),
    (
        "an act named by a rejected appeal is asked for, not done",
        Lang::En,
        "Peru rejected a Chilean appeal for deploying troops along its border with Bolivia.",
        "mobilizesAgainst",
    ),
    (
        "an act a right allows is not done",
        Lang::En,
        "Chile defended the right of Peruvian troops to fire on rebels in Bolivia.",
        "attacks",
    ),
    (
        "an appeal's author and addressee may stand between it and its act",
        Lang::En,
        "Peru dismissed an appeal from Chile to attack Bolivia.",
        "attacks",
    ),
    (
        "French: the act of an offer, after its author",
        Lang::Fr,
        "Le Pérou a rejeté l'offre du Chili de retirer ses troupes de Bolivie.",
        "withdrawsFrom",
    ),
    (
        "French: the act a right allows",
        Lang::Fr,
        "Le Chili a défendu le droit du Pérou de frapper la Bolivie.",
        "attacks",
    ),
    (
        "an obligation in a clause after 'that' is someone's demand, not the story's",
        Lang::En,
        "Peru sent a reminder to Chile that it must withdraw its troops from Peru.",
        "Chile withdrawsFrom Peru",
    ),
    (
        "'States' in 'the United States' is no speech verb reporting the rest",
        Lang::En,
        "Iran, the United States and Britain reached a deal on Tuesday.",
        "asserted Iran]",
    ),
    (
        "'states' after a number and a participle is a noun, not a speech verb",
        Lang::En,
        "Serbia and three neighbouring states, Hungary, Romania and Bulgaria, reached an agreement on Monday.",
        "asserted Serbia]",
    ),
    (
        "the members of an announced list are not parties with one another",
        Lang::En,
        "Serbia and three neighbouring countries, Hungary, Romania and Bulgaria, reached an agreement on Monday.",
        "Hungary agreesWith Romania",
    ),
    (
        "'together with X' names a companion, not a joint act of the subject's list",
        Lang::En,
        "Chile, together with Peru, rejected the proposal.",
        "cooperatesWith",
    ),
    (
        "French: 'l'ensemble de' is 'all of'",
        Lang::Fr,
        "Le Chili et le Pérou ont rejeté l'ensemble des propositions.",
        "cooperatesWith",
    ),
    (
        "the parties of the main conflict, not of a later threat",
        Lang::En,
        "Russian missiles hit Ukraine again. Russian drones struck Ukraine overnight. Lithuania said Belarus had threatened Lithuania. Turkey called on all parties to return to talks.",
        "Turkey demandsFrom Belarus",
    ),
    (
        "'parties to the war' are its sides, not the political parties of a state",
        Lang::En,
        "The United Nations criticized the parties to the war in Yemen.",
        "parties (Yemen)",
    ),
    (
        "bare 'all parties' is no group of the state named before",
        Lang::En,
        "Russian missiles hit Ukraine. Turkey called on all parties to return to talks.",
        "parties (Turkey)",
    ),
    (
        "quoted words that name no act ('un « jour historique »') judge nothing",
        Lang::Fr,
        "L'armée russe a bombardé Kharkiv. L'OTAN a salué un « jour historique ».",
        "supports",
    ),
];

#[test]
fn clause_claims_that_must_not_be_asserted() {
    check_not_asserted(NOT_ASSERTED);
}
