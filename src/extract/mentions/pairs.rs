//! Phrases naming two actors mentioned before: "the two leaders", "both
//! sides", "les deux pays" (cue kinds `pair` then `pair_person`,
//! `pair_state` or `pair_actor`), found as plural pronouns and resolved to
//! the story's pair.

use super::super::{Mention, MentionKind, Prepared};
use super::coref::coordination_group;
use crate::lexicon::EntityType;
use crate::text::Kind;

/// Phrases naming two actors mentioned before: "the two leaders", "both
/// sides", "les deux pays" (cue kinds `pair` then `pair_person`,
/// `pair_state` or `pair_actor`), as plural pronouns of two or more tokens.
pub(crate) fn pair_phrases(p: &Prepared, cov: &[bool]) -> Vec<Mention> {
    let lex = &p.k.lex;
    let mut out = Vec::new();
    let phrase_at = |i: usize, kind: &str| {
        lex.phrases_of(p.lang, kind).iter().find_map(|c| {
            let n = c.split(' ').count();
            (i + n <= p.tokens.len() && p.joined(i, i + n) == c.as_str()).then_some(i + n)
        })
    };
    let firsts: rustc_hash::FxHashSet<&str> = lex
        .phrases_of(p.lang, "pair")
        .iter()
        .filter_map(|c| c.split(' ').next())
        .collect();
    let mut i = 0;
    while i < p.tokens.len() {
        if !firsts.contains(p.norm(i)) {
            i += 1;
            continue;
        }
        let noun_at = |j: usize| {
            phrase_at(j, "pair_person")
                .or_else(|| phrase_at(j, "pair_state"))
                .or_else(|| phrase_at(j, "pair_actor"))
        };
        // Up to three lower-case words that are no verb of the lexicon
        // between: "both nuclear-armed neighbours", "the two rival
        // governments".
        let adjective = |j: usize| {
            j < p.tokens.len()
                && !p.tokens[j].upper
                && (p.tokens[j].kind == Kind::Word || p.norm(j) == "-")
                && p.k.lex.verb(p.lang, p.norm(j)).is_none()
        };
        let found = phrase_at(i, "pair").and_then(|j| {
            noun_at(j)
                .or_else(|| {
                    (j..j + 3)
                        .take_while(|&k| adjective(k))
                        .find_map(|k| noun_at(k + 1))
                })
                // "where the two signed a pact", "les deux ont signé": a
                // pair of two words alone before a verb (or its auxiliary).
                .or_else(|| (j - i > 1 && super::super::frames::is_verb_form(p, j)).then_some(j))
        });
        match found {
            Some(end)
                if !cov[i..end].iter().any(|&c| c)
                    && p.sentence_of(i) == p.sentence_of(end - 1) =>
            {
                out.push(Mention {
                    first: i,
                    last: end,
                    ents: vec![],
                    kind: MentionKind::Pronoun,
                    how: String::new(),
                    plural: true,
                    gender: None,
                    locative: false,
                    role: None,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The two actors a pair phrase names: the two most recent distinct ones
/// (people for "the two leaders"), in this sentence or the two before.
pub(crate) fn pair_antecedent(p: &Prepared, mi: usize, cands: &[usize]) -> (Vec<usize>, String) {
    let m = &p.mentions[mi];
    let text = p.joined(m.first, m.last);
    let persons =
        p.k.lex
            .phrases_of(p.lang, "pair_person")
            .iter()
            .any(|c| text.ends_with(c.as_str()));
    let states =
        p.k.lex
            .phrases_of(p.lang, "pair_state")
            .iter()
            .any(|c| text.ends_with(c.as_str()));
    let fits = |e: usize| {
        (!persons || p.ents[e].etype == EntityType::Person)
            && (!states || p.ents[e].etype == EntityType::Country)
    };
    // A demonym modifying a noun ("Russian President Putin") names no
    // party of its own, unless the pair is of states.
    let counts = |j: usize| states || p.mentions[j].kind != MentionKind::Demonym;
    // "Riyadh and Tehran agreed, with China's help … the two countries":
    // a coordinated pair before is the pair, unless two other actors came
    // after it in the pair phrase's own sentence ("Iraq and Syria … Kim
    // hosted Putin, where the two …").
    let sentence = p.sentence_of(m.first);
    let mut after: Vec<usize> = Vec::new();
    for &j in cands {
        if after.len() >= 2 {
            break;
        }
        let group = coordination_group(p, j);
        let ents: Vec<usize> = group
            .iter()
            .flat_map(|&g| p.mentions[g].ents.iter().copied())
            .collect();
        if group.len() == 2 && ents.len() == 2 && ents.iter().all(|&e| fits(e)) {
            let names: Vec<&str> = ents.iter().map(|&e| p.ents[e].label.as_str()).collect();
            let how = format!(
                "\"{}\": the coordinated pair {}",
                p.surface(m.first, m.last),
                names.join(" and ")
            );
            return (ents, how);
        }
        let here = p.sentence_of(p.mentions[j].first) == sentence;
        for &e in p.mentions[j].ents.iter().filter(|_| here && counts(j)) {
            if fits(e) && !after.contains(&e) {
                after.push(e);
            }
        }
    }
    let last_two = |fits: &dyn Fn(usize) -> bool| {
        let mut ents: Vec<usize> = Vec::new();
        for &j in cands.iter().filter(|&&j| counts(j)) {
            for &e in &p.mentions[j].ents {
                if fits(e) && ents.len() < 2 && !ents.contains(&e) {
                    ents.push(e);
                }
            }
        }
        ents
    };
    // "both sides", "les deux camps": two states when two were named.
    let actors =
        p.k.lex
            .phrases_of(p.lang, "pair_actor")
            .iter()
            .any(|c| text.ends_with(c.as_str()));
    let mut ents = if actors {
        let two = last_two(&|e| p.ents[e].etype == EntityType::Country);
        if two.len() == 2 { two } else { last_two(&fits) }
    } else {
        last_two(&fits)
    };
    // "Macron received Scholz … the two countries": two leaders stand for
    // their states when no two states were named (not groups or sectors).
    if ents.len() < 2 && states {
        ents = last_two(&|e| matches!(p.ents[e].etype, EntityType::Country | EntityType::Person));
    }
    if ents.len() < 2 {
        return (
            vec![],
            format!(
                "\"{}\": fewer than two actors before",
                p.surface(m.first, m.last)
            ),
        );
    }
    ents.reverse();
    let names: Vec<&str> = ents.iter().map(|&e| p.ents[e].label.as_str()).collect();
    let how = format!(
        "\"{}\": the two actors last mentioned, {}",
        p.surface(m.first, m.last),
        names.join(" and ")
    );
    (ents, how)
}
