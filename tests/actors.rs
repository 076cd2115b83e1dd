//! Table-driven tests of actor resolution: sector groups of a population,
//! peoples and ethnic groups, quantity nouns, discovered names, pronouns and
//! relative antecedents. Sentences written for these tests.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "a bare sector phrase the sentence places nowhere acts in the one state the sentence before names",
        Lang::En,
        None,
        "Thousands of Kenyans marched in Nairobi on Sunday. Police arrested dozens of protesters near parliament.",
        &["Kenya represses protesters (Kenya) [positive asserted -]"],
    ),
    (
        "French: 'La police a interpellé des dizaines de manifestants' after a sentence set in Kenya",
        Lang::Fr,
        None,
        "Des milliers de Kényans ont manifesté à Nairobi dimanche. La police a interpellé des dizaines de manifestants.",
        &["Kenya represses protesters (Kenya) [positive asserted -]"],
    ),
    (
        "French press spellings of a name are the same person as the English ones",
        Lang::Fr,
        None,
        "Le général Abdel Fattah al-Burhane a critiqué le Kenya, puis Mohamed Hamdan Daglo a rencontré le président kényan.",
        &[
            "Abdel Fattah al-Burhan criticizes Kenya [positive asserted -]",
            "Mohamed Hamdan Dagalo meets Kenya [positive asserted -]",
        ],
    ),
    (
        "a capital right after a frame's marker stands for its state",
        Lang::En,
        None,
        "Peru recalled its ambassador from Santiago on Friday.",
        &["Peru sanctions Chile [positive asserted -]"],
    ),
    (
        "plural recalled ambassadors, and a list with a repeated preposition",
        Lang::Fr,
        None,
        "Le Pérou a rappelé ses ambassadeurs au Chili et en Bolivie.",
        &[
            "Peru sanctions Chile [positive asserted -]",
            "Peru sanctions Bolivia [positive asserted -]",
        ],
    ),
    (
        "a city as the agent of an act between actors is its state",
        Lang::Fr,
        None,
        "Les négociations de Lima avec le Chili ont repris.",
        &["Peru meets Chile [positive"],
    ),
    (
        "a city as the target of an attack stands for its state",
        Lang::En,
        None,
        "Iran retaliated with missile attacks on Tel Aviv.",
        &["Iran attacks Israel [positive asserted -]"],
    ),
    (
        "troops massed near a city are mobilized against its state",
        Lang::En,
        None,
        "Russia massed troops near Kharkiv.",
        &["Russia mobilizesAgainst Ukraine [positive asserted -]"],
    ),
    (
        "the two leaders are the two people last mentioned",
        Lang::En,
        Some("2023-04-01"),
        "Vladimir Putin met Xi Jinping in Beijing. The two leaders criticized NATO.",
        &[
            "Vladimir Putin criticizes NATO [positive asserted -]",
            "Xi Jinping criticizes NATO [positive asserted -]",
        ],
    ),
    (
        "both sides: a coordinated pair before wins over a later third actor",
        Lang::En,
        None,
        "Chile and Peru met in Lima under the auspices of Brazil. Both sides criticized Bolivia.",
        &[
            "Chile criticizes Bolivia [positive asserted -]",
            "Peru criticizes Bolivia [positive asserted -]",
        ],
    ),
    (
        "les deux pays: the two countries last mentioned",
        Lang::Fr,
        None,
        "Le Chili a rencontré le Pérou lundi. Les deux pays ont critiqué la Bolivie.",
        &[
            "Chile criticizes Bolivia [positive asserted -]",
            "Peru criticizes Bolivia [positive asserted -]",
        ],
    ),
    (
        "a sanction against a group of one's own population is repression",
        Lang::En,
        None,
        "Peru banned Peruvian opposition parties from the election.",
        &["Peru represses opposition (Peru) [positive asserted -]"],
    ),
    (
        "a sanction against another state's group stays a sanction",
        Lang::En,
        None,
        "Chile banned Peruvian students from the contest.",
        &["Chile sanctions students (Peru) [positive asserted -]"],
    ),
    (
        "the official of a place serves the place's state",
        Lang::En,
        None,
        "Chile arrested the mayor of Nablus.",
        &["Chile represses Palestine [positive asserted -]"],
    ),
    (
        "coordinated subjects of a with-frame act on each other",
        Lang::En,
        None,
        "Qatar and Bahrain cut ties in June.",
        &[
            "Qatar sanctions Bahrain [positive asserted -]",
            "Bahrain sanctions Qatar [positive asserted -]",
        ],
    ),
    (
        "coordinated subjects of a with-frame act on each other (French)",
        Lang::Fr,
        None,
        "Le Chili et le Pérou ont établi des relations diplomatiques en 1990.",
        &[
            "Chile supports Peru [positive asserted -]",
            "Peru supports Chile [positive asserted -]",
        ],
    ),
    (
        "armed groups are rebels",
        Lang::En,
        None,
        "Chilean police confiscated rifles from Chilean armed groups.",
        &["Chile represses rebels (Chile) [positive asserted -]"],
    ),
    (
        "groupes armés are rebels",
        Lang::Fr,
        None,
        "Des groupes armés maliens ont attaqué l'armée.",
        &["rebels (Mali) attacks Mali [positive asserted -]"],
    ),
    (
        "opponents of a state's institution are its opposition",
        Lang::En,
        None,
        "Opponents of Kenya's parliament marched on Tuesday.",
        &["opposition (Kenya) protests Kenya [positive asserted -]"],
    ),
    (
        "a state's curfew in its own territory falls on its civilians",
        Lang::En,
        None,
        "Chile imposed a curfew in Chile after the riots.",
        &["Chile represses civilians (Chile) [positive asserted -]"],
    ),
    (
        "a state's curfew in its own territory falls on its civilians (French)",
        Lang::Fr,
        None,
        "Les autorités turques ont imposé un couvre-feu en Turquie.",
        &["Turkey represses civilians (Turkey) [positive asserted -]"],
    ),
    (
        "a blockade in a place (its state); \"the West\" does not swallow \"the West Bank\"",
        Lang::En,
        None,
        "Jordan imposed a blockade in the West Bank.",
        &["Jordan pressures Palestine [positive asserted -]"],
    ),
    (
        "the official of a place named as a modifier of a place noun",
        Lang::En,
        None,
        "Russian forces detained the mayor of the eastern Donbas town of Bakhmut on Monday.",
        &["Russian Armed Forces represses Ukraine [positive asserted -]"],
    ),
    (
        "an office with no known holder on the date stands for its state",
        Lang::En,
        Some("1990-01-01"),
        "The Kenyan foreign minister met Uganda.",
        &["Kenya meets Uganda [positive asserted -]"],
    ),
    (
        "a place after a demonym inside an of-phrase is not the subject",
        Lang::En,
        None,
        "Inhabitants of the Syrian Golan Heights criticized Israel on Monday.",
        &["civilians (Syria) criticizes Israel [positive asserted -]"],
    ),
    (
        "a people of another state named after it lives there",
        Lang::En,
        None,
        "The Hungarians of northern Serbia demanded autonomy from the Serbian government.",
        &["Hungarians (Serbia) demandsFrom Serbia [positive asserted -]"],
    ),
    (
        "a state agent noun used as an adjective is not the state",
        Lang::En,
        None,
        "Chile is giving military equipment to Peru.",
        &["Chile aids Peru [positive asserted -]"],
    ),
    (
        "a definite state agent belongs to the only state named before it",
        Lang::En,
        None,
        "Chile said the army attacked Peru.",
        &["Chile attacks Peru [positive asserted Chile]"],
    ),
    (
        "a place name before a sector noun gives its country",
        Lang::En,
        None,
        "Sudan's army attacked Darfur rebels near the border.",
        &["Sudan attacks rebels (Sudan) [positive asserted -]"],
    ),
    (
        "a bare sector noun belongs to the only state named before it",
        Lang::En,
        None,
        "Peruvian troops arrested dozens of rebels on Sunday.",
        &["Peru represses rebels (Peru) [positive asserted -]"],
    ),
    (
        "X-led forces are X's",
        Lang::En,
        None,
        "Saudi-led forces shelled Yemen on Monday.",
        &["Saudi Arabia attacks Yemen [positive asserted -]"],
    ),
    (
        "an X-led war is X's, not the clause subject's",
        Lang::En,
        None,
        "Norway refused to join the NATO-led war against Libya.",
        &["NATO attacks Libya [positive asserted -]"],
    ),
    (
        "a sector noun with a country after throughout",
        Lang::En,
        None,
        "Students throughout Chile protested against Argentina.",
        &["students (Chile) protests Argentina [positive asserted -]"],
    ),
    (
        "a deputy is not the office's holder",
        Lang::En,
        Some("2019-05-01"),
        "The deputy chief of Russia met Turkey's foreign minister.",
        &["Russia meets Mevlüt Çavuşoğlu [positive asserted -]"],
    ),
    (
        "French: an adjoint is not the office's holder",
        Lang::Fr,
        Some("2019-05-01"),
        "Le secrétaire général adjoint de l'ONU a rencontré le Premier ministre indien.",
        &["United Nations meets Narendra Modi [positive asserted -]"],
    ),
    (
        "a people named by a plural demonym protests as civilians, not as its state",
        Lang::En,
        None,
        "Angry Peruvians blocked streets in the capital on Friday.",
        &["civilians (Peru) protests Peru [positive asserted -]"],
    ),
    (
        "French capitalised demonym is the people",
        Lang::Fr,
        None,
        "Des centaines de Boliviens ont manifesté samedi à La Paz.",
        &["civilians (Bolivia) protests Bolivia [positive asserted -]"],
    ),
    (
        "a people of a state named by two demonyms protests as civilians",
        Lang::En,
        None,
        "Hundreds of Turkish Kurds demonstrated near the border.",
        &["civilians (Turkey) protests Turkey [positive asserted -]"],
    ),
    (
        "a bare sector noun with a place later in its clause",
        Lang::Fr,
        None,
        "Des rebelles ont attaqué un convoi de l'ONU près de Goma.",
        &["rebels (Democratic Republic of the Congo) attacks United Nations [positive asserted -]"],
    ),
    (
        "a genitive state and a sector noun",
        Lang::En,
        None,
        "Kenya's opposition protested against Uganda.",
        &["opposition (Kenya) protests Uganda [positive asserted -]"],
    ),
    (
        "a genitive state and a sector noun with an adjective",
        Lang::En,
        None,
        "Syria's main rebels attacked Turkey.",
        &["rebels (Syria) attacks Turkey [positive asserted -]"],
    ),
    (
        "agentive English it resolves to the last state or organisation",
        Lang::En,
        None,
        "Nigeria announced that it will withdraw its force from Chad.",
        &["Nigeria withdrawsFrom Chad [positive future Nigeria]"],
    ),
    (
        "a people within a state named by two demonyms stands for that state",
        Lang::En,
        None,
        "Bosnian Serbs attacked Croatia.",
        &["Bosnia and Herzegovina attacks Croatia [positive asserted -]"],
    ),
    (
        "a capitalised people after a demonym",
        Lang::En,
        None,
        "Iraqi Kurds protested against Turkey.",
        &["Iraq protests Turkey [positive asserted -]"],
    ),
    (
        "French: a capitalised people before its demonym",
        Lang::Fr,
        None,
        "Des milliers de Kurdes irakiens ont manifesté contre la Turquie.",
        &["Iraq protests Turkey [positive asserted -]"],
    ),
    (
        "an ethnic group with a location is a group of the state where it lives",
        Lang::En,
        None,
        "Serb forces killed three ethnic Albanians in southeastern Serbia.",
        &["Serbia attacks ethnic Albanians (Serbia) [positive asserted -]"],
    ),
    (
        "a hyphenated given name keeps its capitalised word",
        Lang::En,
        None,
        "Kim Jong-un met Vladimir Putin in Vladivostok.",
        &["Kim Jong Un meets Vladimir Putin [positive asserted -]"],
    ),
    (
        "a bare sector noun belongs to the state where the event is set",
        Lang::En,
        None,
        "Protesters demonstrated in Lima on Monday.",
        &["protesters (Peru) protests Peru [positive asserted -]"],
    ),
    (
        "French bare sector noun with a place",
        Lang::Fr,
        None,
        "Des rebelles ont attaqué des soldats chiliens près de Goma.",
        &["rebels (Democratic Republic of the Congo) attacks Chile [positive asserted -]"],
    ),
    (
        "a place after a preposition and a place adjective is not a subject",
        Lang::En,
        None,
        "Students of southern Chile demanded autonomy from Peruvian authorities.",
        &["students (Chile) demandsFrom Peru [positive asserted -]"],
    ),
    (
        "the content of a quantity noun is the subject",
        Lang::En,
        None,
        "A group of Chilean diplomats held a meeting with Peru.",
        &["Chile meets Peru [positive asserted -]"],
    ),
    (
        "French: des milliers de",
        Lang::Fr,
        None,
        "Des milliers de manifestants kényans ont manifesté contre l'Ouganda.",
        &["protesters (Kenya) protests Uganda [positive asserted -]"],
    ),
    (
        "a lower-case particle inside a discovered name",
        Lang::En,
        None,
        "Peru telephoned Chilean Foreign Minister Ana van Dijk.",
        &["Peru meets Ana van Dijk [positive asserted -]"],
    ),
    (
        "coordinated states share a sector noun",
        Lang::En,
        None,
        "US and British activists protested against Bahrain.",
        &[
            "activists (United States) protests Bahrain [positive asserted -]",
            "activists (United Kingdom) protests Bahrain [positive asserted -]",
        ],
    ),
];

/// (construction, language, text, statement that must NOT come out)
const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "a targeted city is never the target itself",
        Lang::En,
        "Iran retaliated with missile attacks on Tel Aviv.",
        "attacks Tel Aviv",
    ),
    (
        "a target naming the subject's own actors is no relation between them",
        Lang::En,
        "Chile and Peru met on Monday. The two countries criticized them.",
        "Chile criticizes Peru",
    ),
    (
        "a pair phrase takes no actor mentioned after it",
        Lang::En,
        "The two leaders met Chile.",
        "meets Chile",
    ),
    (
        "a bare sector noun takes no state named only after it",
        Lang::En,
        "Rebels shelled a convoy on Sunday, Peru said.",
        "rebels (Peru)",
    ),
    (
        "two states before a bare sector noun: no guess",
        Lang::En,
        "Chile and Peru condemned the rebels on Sunday.",
        "rebels (",
    ),
    (
        "a genitive stance noun is no sector",
        Lang::En,
        "Turkey's opposition to Israel is constant.",
        "opposition (Turkey)",
    ),
    (
        "the antecedent of a relative subject is the word right before it",
        Lang::Fr,
        "Moscou a suspendu sa participation à l'initiative qui permettait à l'Ukraine d'exporter.",
        "Russia concedesTo Ukraine",
    ),
    (
        "expletive it is no actor",
        Lang::En,
        "Chile met Peru. It is clear that talks will go on.",
        "Peru meets Peru",
    ),
    (
        "no default target when the protest names one later",
        Lang::En,
        "Chilean activists began a hunger strike to protest against Peru's decision.",
        "activists (Chile) protests Chile",
    ),
    (
        "an ethnic group without a location is not the state of that name",
        Lang::En,
        "Serbia expelled ethnic Albanians.",
        "Albania",
    ),
    (
        "a location in another clause does not place a bare sector",
        Lang::En,
        "Rebels shelled the town, killing twenty people, officials in Nairobi said.",
        "civilians (Kenya)",
    ),
    (
        "a singular sector noun without a country stays unresolved",
        Lang::En,
        "A student protested against Chile in Lima.",
        "students (Peru)",
    ),
    (
        "a capitalised sentence start is not a two-word surname (Bruno Le Maire)",
        Lang::Fr,
        "Le maire péruvien, Ramon Ortiz, a critiqué le Chili.",
        "Bruno Le Maire",
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

/// One discovered-organisation case: language, text, expected subject
/// label, expected subject country, expected statements.
type OrgCase = (
    Lang,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
);

/// Discovered organisations. Sentences written for this test.
const DISCOVERED_ORGS: &[OrgCase] = &[
    (
        Lang::En,
        "The Chilean Miners Federation (CMF) protested against Peru. Later the CMF met Bolivia.",
        "Chilean Miners Federation",
        Some("CHL"),
        &[
            "Chilean Miners Federation protests Peru [positive asserted -]",
            "Chilean Miners Federation meets Bolivia [positive asserted -]",
        ],
    ),
    (
        Lang::Fr,
        "L'Union des Travailleurs du Sénégal (UTS) a critiqué la France. L'UTS a ensuite rencontré le Mali.",
        "Union des Travailleurs du Sénégal",
        Some("SEN"),
        &[
            "Union des Travailleurs du Sénégal criticizes France [positive asserted -]",
            "Union des Travailleurs du Sénégal meets Mali [positive asserted -]",
        ],
    ),
    (
        Lang::En,
        "The Coastal Liberation Front attacked a Chilean patrol boat.",
        "Coastal Liberation Front",
        None,
        &["Coastal Liberation Front attacks Chile [positive asserted -]"],
    ),
];

#[test]
fn discovered_organisations_carry_only_the_country_their_name_gives() {
    for (lang, text, label, country, want) in DISCOVERED_ORGS {
        let st = common::run(*lang, None, text);
        let got = common::show(&st);
        for w in *want {
            assert!(got.contains(w), "`{text}`: expected {w}, got {got}");
        }
        let s = st
            .iter()
            .find(|s| s.subject.label == *label)
            .unwrap_or_else(|| panic!("`{text}`: no statement by {label}"));
        assert_eq!(s.subject.country.as_deref(), *country, "`{text}`");
        assert_eq!(s.subject.etype, "Organization");
        assert_eq!(s.subject.cameo, None, "no made-up CAMEO code");
    }
}

#[test]
fn a_state_and_an_organisation_noun_stay_the_state() {
    let got = common::show(&common::run(
        Lang::En,
        None,
        "The Peruvian Army attacked Chile.",
    ));
    assert!(got.contains("Peru attacks Chile"), "{got}");
}
