//! Subject position: whether a mention can be a clause's subject (no
//! preposition, gerund or possessed noun before it), read by the frames,
//! the qualifiers and coreference.

use super::super::clause::{COMPASS_EN, is_article, is_preposition};
use super::super::{Mention, MentionKind, Prepared};
use crate::text::{Kind, Lang};

/// Whether mention `m` stands in subject position (no preposition before it).
pub fn is_subject_position(p: &Prepared, m: &Mention) -> bool {
    if possessor_of_others(p, m) {
        return false;
    }
    let mut j = m.first;
    // Articles and place adjectives: "of southern Serbia", "du nord de la Syrie".
    loop {
        if j > 0 && {
            let w = p.norm(j - 1);
            is_article(p.lang, w) || COMPASS_EN.contains(&w) || PLACE_ADJECTIVES.contains(&w)
        } {
            j -= 1;
            continue;
        }
        // A demonym before a place: "of the Syrian Golan Heights". Mentions
        // are sorted by their first token: the one ending at `j` starts just before.
        let before = p.mentions.partition_point(|d| d.first < j);
        if let Some(d) = p.mentions[..before]
            .iter()
            .rev()
            .take(2)
            .find(|d| d.last == j && d.kind == MentionKind::Demonym)
        {
            j = d.first;
            continue;
        }
        break;
    }
    if j >= 2 && matches!(p.norm(j - 1), "of" | "de" | "d'") && PART_OF.contains(&p.norm(j - 2)) {
        // "a group of Chilean diplomats met …", "des milliers de manifestants …":
        // the quantity heads the subject, the actor is its content.
        return true;
    }
    // "arresting Putin would amount to …", "backing the regime": the
    // object of a gerund (not past "that", a complementizer).
    let k = match m.first.checked_sub(1) {
        Some(a) if matches!(p.norm(a), "the" | "a" | "an") => a,
        _ => m.first,
    };
    if k > 0 && p.lang == Lang::En && gerund_at(p, k - 1) {
        return false;
    }
    j == 0 || !is_preposition(p.lang, p.norm(j - 1)) || opens_clause(p, j - 1, m)
}

/// Whether the English word at `k` is a gerund or present participle
/// ("arresting", "backing"), not a preposition in "-ing" ("including").
fn gerund_at(p: &Prepared, k: usize) -> bool {
    let w = p.norm(k);
    p.tokens[k].kind == Kind::Word
        && !p.tokens[k].upper
        && w.len() > 5
        && w.ends_with("ing")
        && !is_preposition(p.lang, w)
        && super::super::frames::is_verb_form(p, k)
}

/// Whether the word at `k` before mention `m` is a conjunction of time
/// opening a clause whose subject `m` is: "after Canada accused India",
/// "since Russia invaded": a verb form follows the mention, not a noun.
/// Not "before"/"until", whose clause may tell what has not happened yet
/// ("a day before Sarkozy heads to Beijing").
fn opens_clause(p: &Prepared, k: usize, m: &Mention) -> bool {
    p.lang == Lang::En
        && matches!(p.norm(k), "after" | "since" | "once")
        && super::super::frames::is_verb_form(p, m.last)
        && !matches!(p.norm(m.last), "'s" | "’s")
}

/// "Venezuela's neighbours", "its allies": the possessor
/// of a relational noun (cue kind `relational`) names other actors than
/// itself, so it is not the subject of the phrase's verb. One adjective may
/// stand between ("Russia's closest allies").
fn possessor_of_others(p: &Prepared, m: &Mention) -> bool {
    let last = p.sentences[p.sentence_of(m.first)].last;
    let mut j = m.last;
    if j < last && matches!(p.norm(j), "'s" | "’s" | "'" | "’") {
        j += 1;
    } else if m.kind != MentionKind::Possessive {
        return false;
    }
    let lex = &p.k.lex;
    (j..(j + 2).min(last)).any(|k| lex.is(p.lang, "relational", p.norm(k)))
}

/// Place adjectives besides the compass ones (`COMPASS_EN`).
const PLACE_ADJECTIVES: &[&str] = &["occupied", "neighbouring", "neighboring"];

/// Nouns of quantity or membership whose "of"/"de" complement is the actor.
const PART_OF: &[&str] = &[
    "group",
    "groups",
    "number",
    "hundreds",
    "thousands",
    "dozens",
    "tens",
    "scores",
    "members",
    "leaders",
    "delegation",
    "team",
    "contingent",
    "contingents",
    "detachment",
    "batch",
    "unit",
    "units",
    "wave",
    "convoy",
    "battalion",
    "battalions",
    "majority",
    "some",
    "many",
    "most",
    "several",
    "groupe",
    "groupes",
    "centaines",
    "milliers",
    "dizaines",
    "membres",
    "dirigeants",
    "delegation",
    "equipe",
    "detachement",
    "unite",
    "unites",
    "vague",
    "convoi",
    "bataillon",
    "bataillons",
    "majorite",
    "plusieurs",
];
