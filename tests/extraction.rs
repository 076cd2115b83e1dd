//! Table-driven tests of the extraction constructions, on sentences written
//! for these tests. Each row names the construction (rule family) it covers.

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use actorgraph::statement::Statement;
use actorgraph::text::{Document, Lang};
use std::sync::OnceLock;

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::default_knowledge().expect("default knowledge loads"))
}

fn run(lang: Lang, date: Option<&str>, text: &str) -> Vec<Statement> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    doc.date = date.map(str::to_string);
    extract::extract(knowledge(), &doc)
}

fn show(st: &[Statement]) -> String {
    st.iter()
        .map(|s| {
            format!(
                "{} {} {} [{} {} {}]",
                s.subject.label,
                s.predicate,
                s.object.label,
                s.polarity.as_str(),
                s.modality.as_str(),
                s.attributed_to
                    .as_ref()
                    .map(|a| a.label.as_str())
                    .unwrap_or("-")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// (construction, language, date, text, expected "S p O [polarity modality attribution]" items)
type Case = (
    &'static str,
    Lang,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "agentive English it resolves to the last state or organisation",
        Lang::En,
        None,
        "Nigeria announced that it will withdraw its force from Chad.",
        &["Nigeria withdrawsFrom Chad [positive future Nigeria]"],
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
        "a place after a preposition and a place adjective is not a subject",
        Lang::En,
        None,
        "Students of southern Chile demanded autonomy from Peruvian authorities.",
        &["students (Chile) demandsFrom Peru [positive asserted -]"],
    ),
    (
        "reiterate reports an obligation",
        Lang::En,
        None,
        "A senior Chilean minister reiterated that Peru must hand over the suspects.",
        &["Chile demandsFrom Peru [positive asserted Chile]"],
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
        "coordinated states share a sector noun",
        Lang::En,
        None,
        "US and British activists protested against Bahrain.",
        &[
            "activists (United States) protests Bahrain [positive asserted -]",
            "activists (United Kingdom) protests Bahrain [positive asserted -]",
        ],
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
    (
        "nominal demand with a that-clause: its subject is the addressee",
        Lang::En,
        None,
        "Jordan repeated its demand that Syria close the border crossings.",
        &["Jordan demandsFrom Syria [positive asserted -]"],
    ),
    (
        "French nominal demand with a que-clause",
        Lang::Fr,
        None,
        "Le Qatar a rappelé sa demande que la Serbie reconnaisse le Kosovo.",
        &["Qatar demandsFrom Serbia [positive asserted -]"],
    ),
    (
        "threatened action: the threat is made against the action's target",
        Lang::En,
        None,
        "Azerbaijan threatened to attack Armenia's border posts.",
        &["Azerbaijan threatens Armenia [positive asserted -]"],
    ),
    (
        "French threat with an infinitive",
        Lang::Fr,
        None,
        "La Turquie a menacé de sanctionner la Grèce.",
        &["Turkey threatens Greece [positive asserted -]"],
    ),
    (
        "plural demonym subject before a lexicon verb stands for its state",
        Lang::En,
        None,
        "Venezuelans criticized Colombia on Tuesday.",
        &["Venezuela criticizes Colombia [positive asserted -]"],
    ),
    (
        "demonym ending in -s before a noun still reads as officials of the state",
        Lang::En,
        None,
        "Swiss diplomats condemned Iran.",
        &["Switzerland criticizes Iran [positive asserted -]"],
    ),
    (
        "reported obligation: X said that Y must",
        Lang::En,
        None,
        "Canada said on Monday that Venezuela must release the detained journalists.",
        &["Canada demandsFrom Venezuela [positive asserted Canada]"],
    ),
    (
        "reported obligation without that",
        Lang::En,
        None,
        "Australia said China must lift its tariffs on wine.",
        &["Australia demandsFrom China [positive asserted Australia]"],
    ),
    (
        "reported obligation (French)",
        Lang::Fr,
        None,
        "Le Canada a déclaré que le Venezuela doit libérer les journalistes.",
        &["Canada demandsFrom Venezuela [positive asserted Canada]"],
    ),
    (
        "attribution: coordinated speakers each say their own part",
        Lang::En,
        None,
        "France, Germany and Italy said that their ministers would not attend the G20 summit.",
        &[
            "France attends G20 summit [negative future France]",
            "Germany attends G20 summit [negative future Germany]",
            "Italy attends G20 summit [negative future Italy]",
        ],
    ),
    (
        "attribution: coordinated speakers (French)",
        Lang::Fr,
        None,
        "La Pologne, la Lituanie et la Lettonie ont déclaré que leurs ministres n'assisteraient pas au sommet du G20.",
        &[
            "Poland attends G20 summit [negative future Poland]",
            "Latvia attends G20 summit [negative future Latvia]",
        ],
    ),
    (
        "verb, direct object",
        Lang::Fr,
        None,
        "L'Allemagne soutient la Pologne.",
        &["Germany supports Poland [positive asserted -]"],
    ),
    (
        "coordinated subjects",
        Lang::Fr,
        None,
        "Le Canada, le Japon et l'Italie ont condamné l'Iran.",
        &[
            "Canada criticizes Iran [positive asserted -]",
            "Japan criticizes Iran [positive asserted -]",
            "Italy criticizes Iran [positive asserted -]",
        ],
    ),
    (
        "coordinated objects",
        Lang::En,
        None,
        "Brazil met India and South Africa.",
        &[
            "Brazil meets India [positive asserted -]",
            "Brazil meets South Africa [positive asserted -]",
        ],
    ),
    (
        "negation ne ... pas",
        Lang::Fr,
        None,
        "La Turquie n'a pas condamné la Russie.",
        &["Turkey criticizes Russia [negative asserted -]"],
    ),
    (
        "negation en aucun cas",
        Lang::Fr,
        None,
        "En aucun cas le Japon ne soutiendrait la Corée du Nord.",
        &["Japan supports North Korea [negative"],
    ),
    (
        "negation not",
        Lang::En,
        None,
        "Canada did not boycott the Winter Olympics.",
        &["Canada boycotts Winter Olympics [negative asserted -]"],
    ),
    (
        "negation never",
        Lang::En,
        None,
        "India has never attacked China.",
        &["India attacks China [negative asserted -]"],
    ),
    (
        "restrictive ne ... que",
        Lang::Fr,
        None,
        "L'Inde ne s'est rendue qu'une fois en Chine.",
        &["India visits China [positive"],
    ),
    (
        "apposition role then name",
        Lang::Fr,
        None,
        "Le ministre allemand de la Défense, Jonas Keller, a rencontré le Japon.",
        &[
            "Jonas Keller memberOf Germany [positive asserted -]",
            "Jonas Keller meets Japan [positive asserted -]",
        ],
    ),
    (
        "apposition name then role",
        Lang::Fr,
        None,
        "Anna Berg, une diplomate de l'Union européenne, a critiqué la Chine.",
        &[
            "Anna Berg memberOf European Union [positive asserted -]",
            "Anna Berg criticizes China [positive asserted -]",
        ],
    ),
    (
        "English pre-modifier role",
        Lang::En,
        None,
        "Kremlin aide Pavel Orlov criticized NATO.",
        &[
            "Pavel Orlov memberOf Kremlin [positive asserted -]",
            "Pavel Orlov criticizes NATO [positive asserted -]",
        ],
    ),
    (
        "role description resolved by date",
        Lang::Fr,
        Some("2017-06-01"),
        "Le président américain a critiqué l'Allemagne.",
        &["Donald Trump criticizes Germany [positive asserted -]"],
    ),
    (
        "role description resolved by a name in the document",
        Lang::En,
        None,
        "The Chinese president visited France. Xi Jinping later met Emmanuel Macron.",
        &[
            "Xi Jinping visits France [positive asserted -]",
            "Xi Jinping meets Emmanuel Macron [positive asserted -]",
        ],
    ),
    (
        "pronoun il",
        Lang::Fr,
        None,
        "Emmanuel Macron est arrivé à Berlin. Il a rencontré le chancelier allemand, Paul Roth.",
        &["Emmanuel Macron meets Paul Roth [positive asserted -]"],
    ),
    (
        "pronoun elle with feminine role",
        Lang::Fr,
        None,
        "La ministre canadienne, Claire Dubois, est à Tokyo. Elle a rencontré le Japon.",
        &["Claire Dubois meets Japan [positive asserted -]"],
    ),
    (
        "possessive determiner agent",
        Lang::Fr,
        None,
        "La Russie poursuit son renforcement militaire près de la Finlande.",
        &["Russia mobilizesAgainst Finland [positive asserted -]"],
    ),
    (
        "English genitive agent",
        Lang::En,
        None,
        "Japan welcomed Australia's support for the Philippines.",
        &["Australia supports Philippines [positive asserted -]"],
    ),
    (
        "nominal predicate with agent marker",
        Lang::Fr,
        None,
        "Les abus commis par l'Iran contre des journalistes britanniques ont choqué.",
        &["Iran represses journalists (United Kingdom) [positive asserted -]"],
    ),
    (
        "suffer construction",
        Lang::Fr,
        None,
        "Le Venezuela fait face à une pression croissante de la part des États-Unis.",
        &["United States pressures Venezuela [positive asserted -]"],
    ),
    (
        "light verb subject of a nominal predicate",
        Lang::En,
        None,
        "Egypt held talks with Israel on Monday.",
        &["Egypt meets Israel [positive asserted -]"],
    ),
    (
        "relative clause object antecedent",
        Lang::Fr,
        None,
        "Les Jeux olympiques d'hiver, un événement que le Canada a boycotté, ont commencé.",
        &["Canada boycotts Winter Olympics [positive asserted -]"],
    ),
    (
        "passive voice",
        Lang::En,
        None,
        "Iran was criticized by Germany.",
        &["Germany criticizes Iran [positive asserted -]"],
    ),
    (
        "infinitive controlled by the subject",
        Lang::Fr,
        None,
        "Le Brésil s'est rendu en Inde pour rencontrer la Chine.",
        &["Brazil meets China [positive asserted -]"],
    ),
    (
        "pronominal verb",
        Lang::Fr,
        None,
        "L'Égypte s'est entretenue avec la Jordanie.",
        &["Egypt meets Jordan [positive asserted -]"],
    ),
    (
        "metonymy: capital as government",
        Lang::Fr,
        None,
        "Moscou a menacé Varsovie.",
        &["Russia threatens Poland [positive asserted -]"],
    ),
    (
        "capital after a locative preposition is a place",
        Lang::Fr,
        None,
        "La France s'est rendue à Moscou.",
        &["France visits Moscow [positive asserted -]"],
    ),
    (
        "future tense",
        Lang::Fr,
        None,
        "La France rencontrera l'Inde.",
        &["France meets India [positive future -]"],
    ),
    (
        "future will",
        Lang::En,
        None,
        "Germany will sanction Belarus.",
        &["Germany sanctions Belarus [positive future -]"],
    ),
    (
        "future in reported speech",
        Lang::Fr,
        None,
        "Le Japon a confirmé qu'il assisterait aux Jeux olympiques d'hiver.",
        &["Japan attends Winter Olympics [positive future Japan]"],
    ),
    (
        "possible pourrait",
        Lang::Fr,
        None,
        "L'Inde pourrait sanctionner le Pakistan.",
        &["India sanctions Pakistan [positive possible -]"],
    ),
    (
        "possible could",
        Lang::En,
        None,
        "Turkey could attack Syria.",
        &["Turkey attacks Syria [positive possible -]"],
    ),
    (
        "reported aurait",
        Lang::Fr,
        None,
        "Le Qatar aurait rencontré l'Iran.",
        &["Qatar meets Iran [positive reported -]"],
    ),
    (
        "hypothetical si",
        Lang::Fr,
        None,
        "Si la Chine attaque Taïwan, le Japon réagira.",
        &["China attacks Taiwan [positive hypothetical -]"],
    ),
    (
        "attribution selon",
        Lang::Fr,
        None,
        "Le Mali a expulsé la France, selon le Sénégal.",
        &["Mali sanctions France [positive asserted Senegal]"],
    ),
    (
        "attribution: quote with the speaker after it",
        Lang::Fr,
        None,
        "« Nous soutenons l'Ukraine », a déclaré la Pologne.",
        &["Poland supports Ukraine [positive asserted Poland]"],
    ),
    (
        "attribution: according to",
        Lang::En,
        None,
        "Russia attacked Ukraine, according to the United Kingdom.",
        &["Russia attacks Ukraine [positive asserted United Kingdom]"],
    ),
    (
        "demonym noun phrase as its state",
        Lang::En,
        None,
        "China detained Canadian citizens.",
        &["China represses Canada [positive asserted -]"],
    ),
    (
        "a short quoted phrase does not cut the clause",
        Lang::Fr,
        None,
        "La Norvège bâtit une « coopération renforcée » avec l'Islande.",
        &["Norway cooperatesWith Iceland [positive asserted -]"],
    ),
    (
        "another spelling of a known person's first name",
        Lang::Fr,
        None,
        "Wolodymyr Zelensky a rencontré la Pologne.",
        &["Volodymyr Zelensky meets Poland [positive asserted -]"],
    ),
    (
        "an English noun after an adjective is not a verb",
        Lang::En,
        None,
        "Australia announced new sanctions on Iran.",
        &["Australia sanctions Iran [positive asserted -]"],
    ),
    (
        "reciprocal coordinated subjects without an object",
        Lang::En,
        None,
        "Brazil and Argentina agreed on Monday.",
        &[
            "Brazil agreesWith Argentina [positive asserted -]",
            "Argentina agreesWith Brazil [positive asserted -]",
        ],
    ),
    (
        "addressee of a demanded clause",
        Lang::En,
        None,
        "The United States demanded that Iran halt its enrichment programme.",
        &["United States demandsFrom Iran [positive asserted -]"],
    ),
    (
        "inverse verb: the host is the object",
        Lang::En,
        None,
        "Kenyan President Amos Otieno hosted Ethiopian Prime Minister Daniel Bekele.",
        &["Daniel Bekele visits Amos Otieno [positive asserted -]"],
    ),
    (
        "title-case acronym",
        Lang::Fr,
        None,
        "La Suède a rejoint l'Otan.",
        &["Sweden memberOf NATO [positive asserted -]"],
    ),
];

#[test]
fn constructions() {
    let mut failures = Vec::new();
    for (name, lang, date, text, expected) in CASES {
        let got = show(&run(*lang, *date, text));
        for e in *expected {
            if !got.contains(e) {
                failures.push(format!(
                    "{name}: `{text}`\n   expected {e}\n   got      {got}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// (construction, language, text, statement that must NOT come out)
const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
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
        "a refused concession is not a concession",
        Lang::En,
        "The Israeli government is refusing to lift the curfew on Palestinians.",
        "concedesTo Palestine [positive",
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
        "a capitalised sentence start is not a two-word surname (Bruno Le Maire)",
        Lang::Fr,
        "Le maire péruvien, Ramon Ortiz, a critiqué le Chili.",
        "Bruno Le Maire",
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
    (
        "the content of a nominal demand is not asserted",
        Lang::Fr,
        "Le Qatar a rappelé sa demande que la Serbie reconnaisse le Kosovo.",
        "Serbia supports Kosovo [positive",
    ),
    (
        "a threatened attack is not an attack",
        Lang::En,
        "Azerbaijan threatened to attack Armenia's border posts.",
        "Azerbaijan attacks Armenia [positive",
    ),
    (
        "content of a demand is not a fact",
        Lang::Fr,
        "L'Iran a exigé des garanties selon lesquelles l'Arménie ne rejoindrait pas l'OTAN.",
        "Armenia memberOf NATO [positive",
    ),
    (
        "purpose clause is not asserted",
        Lang::Fr,
        "La France fait pression sur le Mali pour qu'il coopère avec l'ONU.",
        "cooperatesWith United Nations",
    ),
    (
        "negated attendance is not a positive one",
        Lang::En,
        "Canada did not attend the Winter Olympics.",
        "Canada attends Winter Olympics [positive",
    ),
    (
        "a fronted phrase and a comma are not a coordination",
        Lang::Fr,
        "Selon la Belgique, la France a négocié un accord.",
        "Belgium meets France",
    ),
    (
        "a French participle without auxiliary is an adjective",
        Lang::Fr,
        "La Suisse soutient « une paix négociée » avec la Serbie.",
        "Switzerland meets Serbia",
    ),
    (
        "a second genitive is not the object of a de-frame",
        Lang::Fr,
        "La Turquie s'est retirée de l'accord sur le gaz de la Russie.",
        "Turkey withdrawsFrom Russia",
    ),
    (
        "a reporting verb closes the object zone",
        Lang::En,
        "Japan hosted the meeting and said Russia was wrong.",
        "Russia visits Japan",
    ),
    (
        "what an actor is called on to do is not asserted",
        Lang::En,
        "The African Union called on Sudan to recognise South Sudan's new border.",
        "supports South Sudan",
    ),
    (
        "what an actor is urged to do is not asserted (French)",
        Lang::Fr,
        "La France a exhorté l'Iran à soutenir le Liban.",
        "Iran supports Lebanon",
    ),
    (
        "role of one actor is not given to another",
        Lang::Fr,
        "Le président russe a appelé le dirigeant chinois, Xi Jinping.",
        "Xi Jinping leaderOf Russia",
    ),
];

#[test]
fn claims_that_must_not_be_asserted() {
    for (name, lang, text, bad) in NOT_ASSERTED {
        let got = show(&run(*lang, Some("2021-12-15"), text));
        assert!(!got.contains(bad), "{name}: `{text}` gave {got}");
    }
}

#[test]
fn promised_cooperation_is_plover_agree() {
    let st = run(Lang::En, None, "Portugal will support Turkey.");
    assert_eq!(show(&st), "Portugal supports Turkey [positive future -]");
    assert_eq!(st[0].plover, Some("AGREE"));
    let st = run(Lang::En, None, "Portugal supports Turkey.");
    assert_eq!(st[0].plover, Some("SUPPORT"));
    let st = run(Lang::En, None, "Turkey will attack Syria.");
    assert_eq!(st[0].plover, Some("THREATEN"));
}

#[test]
fn every_statement_carries_evidence_and_rule() {
    let text = "La France a condamné l'Iran. Le Japon soutient l'Inde.";
    let st = run(Lang::Fr, None, text);
    assert_eq!(st.len(), 2, "{}", show(&st));
    for s in &st {
        assert!(!s.rule.is_empty());
        let evidence = &text[s.span.0..s.span.1];
        assert!(
            s.sentence.contains(evidence),
            "{evidence} not in {}",
            s.sentence
        );
        assert!(
            evidence.contains(&s.object.label[..3]) || s.object.label == "India",
            "{evidence}"
        );
    }
    assert_eq!(st[1].sentence_index, 1);
}
