//! Reported speech: who a statement is attributed to, and the modality a
//! reporting clause gives it. Table-driven, on sentences written for these
//! tests; each row names the construction it covers.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, run, show};

const CASES: &[Case] = &[
    (
        "English speech verb without \"that\": the speaker is the subject",
        Lang::En,
        None,
        "Turkey said it would not recognise the new government in Libya.",
        &["Turkey supports Libya [negative future Turkey]"],
    ),
    (
        "English speech verb without \"that\", another actor's act",
        Lang::En,
        None,
        "The White House said Joe Biden would meet Emmanuel Macron next week.",
        &["Joe Biden meets Emmanuel Macron [positive future White House]"],
    ),
    (
        "English speech verb without \"that\" after a time adverb",
        Lang::En,
        None,
        "Japan announced on Monday it will expel two Russian diplomats.",
        &["Japan sanctions Russia [positive future Japan]"],
    ),
    (
        "reporting clause after the content: \", X said\"",
        Lang::En,
        None,
        "Russia had massed troops near the Ukrainian border, the Pentagon said on Friday.",
        &["Russia mobilizesAgainst Ukraine [positive asserted Pentagon]"],
    ),
    (
        "reporting clause after the content: \", said X\", the spokesman's institution",
        Lang::En,
        None,
        "China will hold talks with India next month, said a spokesman for the Chinese foreign ministry.",
        &["China meets India [positive future Ministry of Foreign Affairs of China]"],
    ),
    (
        "French reporting clause after the content: \", a indiqué X\"",
        Lang::Fr,
        None,
        "La France sanctionnera l'Iran, a indiqué le Quai d'Orsay.",
        &["France sanctions Iran [positive future Ministry for Europe and Foreign Affairs]"],
    ),
    (
        "French inverted reporting clause: \", a-t-il déclaré\"",
        Lang::Fr,
        None,
        "Emmanuel Macron s'est rendu à Kyiv mardi. La France livrera des canons à l'Ukraine, a-t-il déclaré.",
        &["France aids Ukraine [positive future Emmanuel Macron]"],
    ),
    (
        "a speech verb coordinated with an earlier verb shares its subject",
        Lang::En,
        None,
        "The White House regretted the decision and said that Joe Biden would call Emmanuel Macron.",
        &["Joe Biden meets Emmanuel Macron [positive future White House]"],
    ),
    (
        "coordinated speech verb without \"that\", across a subordinate phrase",
        Lang::En,
        None,
        "The NATO secretary general, Jens Stoltenberg, accused Russia of using energy as a weapon, and said the EU would extend its sanctions against Moscow.",
        &["European Union sanctions Russia [positive future Jens Stoltenberg]"],
    ),
    (
        "French coordinated speech verb: \"a dit … et a affirmé que\"",
        Lang::Fr,
        None,
        "Le Kremlin a dit regretter la décision polonaise et a affirmé que la Russie expulserait des diplomates polonais.",
        &["Russia sanctions Poland [positive future Kremlin]"],
    ),
    (
        "a second that-clause coordinated with the first keeps its speaker",
        Lang::Fr,
        None,
        "Le Canada a assuré qu'il respecterait l'accord et qu'il coopérerait avec l'Union européenne contre la pollution.",
        &["Canada cooperatesWith European Union [positive future Canada]"],
    ),
    (
        "a pledged predicate noun is future",
        Lang::En,
        None,
        "Japan pledged new aid to Ukraine.",
        &["Japan aids Ukraine [positive future -]"],
    ),
    (
        "French: a future verb before a predicate noun",
        Lang::Fr,
        None,
        "Le Japon envisage des sanctions contre la Corée du Nord.",
        &["Japan sanctions North Korea [positive future -]"],
    ),
];

#[test]
fn reported_speech() {
    check_cases(CASES);
}

/// (construction, language, text, statement, as `show` prints it, that must come out unattributed)
const UNATTRIBUTED: &[(&str, Lang, &str, &str)] = &[
    (
        "the object of a speech verb is the speaker's own act, not reported",
        Lang::En,
        "Japan announced sanctions on North Korea.",
        "Japan sanctions North Korea [positive asserted -]",
    ),
    (
        "\", X said it …\" opens a new clause: not a reporting clause",
        Lang::En,
        "Russia attacked Ukraine, Germany said it would help.",
        "Russia attacks Ukraine [positive asserted -]",
    ),
];

#[test]
fn statements_outside_reported_speech_are_unattributed() {
    for (name, lang, text, expected) in UNATTRIBUTED {
        let got = show(&run(*lang, None, text));
        assert!(got.contains(expected), "{name}: `{text}` gave {got}");
    }
}

/// (language, date, text, speaker label, role the statement keeps)
const ROLES: &[(Lang, Option<&str>, &str, &str, &str)] = &[
    (
        Lang::En,
        None,
        "A Kremlin spokesman said Russia would expel two Latvian diplomats.",
        "Kremlin",
        "spokesperson",
    ),
    (
        Lang::En,
        None,
        "Kremlin spokesman Dmitry Peskov said Moscow would expel two Latvian diplomats.",
        "Dmitry Peskov",
        "spokesperson",
    ),
    (
        Lang::Fr,
        None,
        "Le porte-parole du Kremlin a déclaré que la Russie expulserait des diplomates lettons.",
        "Kremlin",
        "spokesperson",
    ),
    (
        Lang::En,
        Some("2021-05-01"),
        "\"We will not attack Georgia,\" the Russian president said.",
        "Vladimir Putin",
        "head_of_state",
    ),
];

#[test]
fn statements_keep_the_role_their_speaker_spoke_in() {
    for (lang, date, text, speaker, role) in ROLES {
        let got = run(*lang, *date, text);
        let st = got
            .iter()
            .find(|s| s.attributed_to.is_some())
            .unwrap_or_else(|| panic!("`{text}`: nothing attributed in {}", show(&got)));
        assert_eq!(
            st.attributed_to.as_ref().map(|a| a.label.as_str()),
            Some(*speaker),
            "`{text}`"
        );
        assert_eq!(st.attributed_role, Some(*role), "`{text}`");
    }
}

#[test]
fn a_state_reporting_its_own_act_accuses_no_one() {
    let text =
        "Le porte-parole du Kremlin a déclaré que la Russie expulserait des diplomates lettons.";
    let got = show(&run(Lang::Fr, None, text));
    assert!(got.contains("Russia sanctions Latvia"), "{got}");
    assert!(!got.contains("accuses"), "{got}");
}
