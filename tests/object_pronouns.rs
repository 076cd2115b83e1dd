//! Table-driven tests of object pronouns: an object pronoun is never its
//! own verb's subject ("Trump recognised him"), a French clitic before the
//! verb is its object ("lui a demandé"), and a role that is said of someone
//! ("declared himself president", "recognised him as leader") names no
//! holder. Sentences written for these tests.

mod common;

use actorgraph::text::Lang;
use common::{Case, check_cases, check_not_asserted};

const CASES: &[Case] = &[
    (
        "a partitive 'N of them' is the verb's object, not its subject's actor",
        Lang::En,
        None,
        "Kenyan students marched in Nairobi. Kenyan police arrested more than 1,200 of them.",
        &["Kenya represses students (Kenya) [positive asserted -]"],
    ),
    (
        "English 'it' as a verb's object before its complement ('accusing it of')",
        Lang::En,
        None,
        "Chile, Bolivia and Ecuador severed relations with Peru on Monday, accusing it of supporting terrorism.",
        &[
            "Chile accuses Peru [positive asserted -]",
            "Ecuador accuses Peru [positive asserted -]",
        ],
    ),
    (
        "an object pronoun is not the actor its verb's subject names, even named earlier",
        Lang::En,
        None,
        "Chile severed relations with Peru. Chile accused it of supporting terrorism.",
        &["Chile accuses Peru [positive asserted -]"],
    ),
    (
        "English 'it' before 'over'",
        Lang::En,
        None,
        "Peru angered Chile. Chile sanctioned it over the border dispute.",
        &["Chile sanctions Peru [positive asserted -]"],
    ),
    (
        "an object pronoun after a verb is not that verb's subject",
        Lang::En,
        Some("2021-05-01"),
        "Chancellor Angela Merkel arrived in Paris on Monday. President Emmanuel Macron received her at the Elysee.",
        &["Emmanuel Macron meets Angela Merkel [positive asserted -]"],
    ),
    (
        "an object pronoun skips its verb's subject even when that subject comes nearest",
        Lang::En,
        Some("2023-11-14"),
        "Xi Jinping arrived in Washington on Monday. Joe Biden received him at the White House.",
        &["Joe Biden meets Xi Jinping [positive asserted -]"],
    ),
    (
        "a participle after a comma is the clause subject's act: its object pronoun is someone else",
        Lang::En,
        Some("2023-11-14"),
        "Joe Biden called Xi Jinping on Tuesday, urging him to restrain North Korea.",
        &["Joe Biden demandsFrom Xi Jinping [positive asserted -]"],
    ),
    (
        "after 'and', the coordinated verb's subject is the clause's first one",
        Lang::En,
        Some("2021-05-01"),
        "Joe Biden called Vladimir Putin and urged him to pull back his troops.",
        &["Joe Biden demandsFrom Vladimir Putin [positive asserted -]"],
    ),
    (
        "a role said of someone after 'himself' or 'as' names no office holder",
        Lang::En,
        Some("2019-01-24"),
        "Opposition leader Carlos Mendoza declared himself Venezuela's interim president, and Donald Trump recognised him as the country's legitimate leader.",
        &["Donald Trump supports Carlos Mendoza [positive asserted -]"],
    ),
    (
        "French: a clitic 'lui' before the verb is its object, the subject comes before it",
        Lang::Fr,
        Some("2019-01-24"),
        "Donald Trump a critiqué les impôts français. Le ministre français des Affaires étrangères lui a demandé de respecter la France.",
        &["Jean-Yves Le Drian demandsFrom Donald Trump [positive asserted -]"],
    ),
    (
        "a clause after ', and' is no longer the content of a speech verb without 'that'",
        Lang::En,
        None,
        "Chile said the talks had failed, and Peru criticized Bolivia.",
        &["Peru criticizes Bolivia [positive asserted -]"],
    ),
];

#[test]
fn object_pronouns() {
    check_cases(CASES);
}

const NOT_ASSERTED: &[(&str, Lang, &str, &str)] = &[
    (
        "a bare 'it' after a judging verb may be the act, not an actor",
        Lang::En,
        "Peru invaded Bolivia. Chile condemned it.",
        "Chile criticizes Bolivia",
    ),
    (
        "'made it clear' has no actor object",
        Lang::En,
        "Peru met Bolivia. Chile made it clear that talks were over.",
        "Chile meets",
    ),
    (
        "the predicative role is not the sitting president",
        Lang::En,
        "Opposition leader Carlos Mendoza declared himself Venezuela's interim president, and Donald Trump recognised him as the country's legitimate leader.",
        "Nicolás Maduro",
    ),
    (
        "French: the clitic is not the subject",
        Lang::Fr,
        "Donald Trump a critiqué les impôts français. Le ministre français des Affaires étrangères lui a demandé de respecter la France.",
        "Donald Trump demandsFrom",
    ),
];

#[test]
fn object_pronoun_claims_that_must_not_be_asserted() {
    check_not_asserted(NOT_ASSERTED);
}
