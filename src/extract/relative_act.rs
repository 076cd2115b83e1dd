//! An act judged through a relative pronoun that stands for the clause
//! before it: "Chile accused Peru of spying, which Lima denied", "le Chili a
//! accusé le Pérou d'espionnage, ce que Lima a démenti". The judging verb's
//! object is that clause's act, so its target is the act's agent (all of
//! them when the act had coordinated agents).

use super::Prepared;
use super::anaphora::{act_agents, iris};
use super::clause::is_article;
use crate::statement::{Polarity, Statement};
use crate::text::Lang;

/// The agents of the act the relative pronoun before subject mention `sm`
/// of sentence `s` stands for, with `verb_last`, the end of the judging
/// verb (cue kind `evaluate`, checked by the caller); `None` unless
/// ", which" / ", ce que" / ", ce qu'" opens the judging clause right
/// before its subject. `own` are the judging clause's subjects (no one
/// judges their own act this way).
pub(crate) fn relative_act(
    p: &Prepared,
    s: usize,
    sm: usize,
    verb_last: usize,
    own: &[usize],
    prior: &[Statement],
) -> Option<(Vec<usize>, usize)> {
    let first = p.sentences[s].first;
    // The subject's article ("ce que l'Équateur a condamné") is before it.
    let mut subj = p.mentions[sm].first;
    while subj > first && is_article(p.lang, p.norm(subj - 1)) {
        subj -= 1;
    }
    // The comma before the relative pronoun.
    let comma = match p.lang {
        Lang::En if subj >= first + 2 && p.norm(subj - 1) == "which" => subj - 2,
        Lang::Fr
            if subj >= first + 3
                && matches!(p.norm(subj - 1), "que" | "qu'")
                && p.norm(subj - 2) == "ce" =>
        {
            subj - 3
        }
        _ => return None,
    };
    if p.norm(comma) != "," {
        return None;
    }
    main_act_before(p, s, comma, own, prior).map(|agents| (agents, verb_last))
}

/// "Chile lifted its sanctions on Peru, a move welcomed by Bolivia", "une
/// décision saluée par la Bolivie": a judging participle (cue kind
/// `evaluate`) at `verb` whose noun, in apposition after a comma, names an
/// act (cue kind `act_noun`, or a predicate noun): the agents of the main
/// act before that comma. `own` are the judging agents.
pub(crate) fn appositive_act(
    p: &Prepared,
    s: usize,
    verb: usize,
    own: &[usize],
    prior: &[Statement],
) -> Option<Vec<usize>> {
    if !p.k.lex.is_verb(p.lang, "evaluate", p.norm(verb)) {
        return None;
    }
    let first = p.sentences[s].first;
    let noun = verb.checked_sub(1).filter(|&j| j > first)?;
    let names_act = p.k.lex.is(p.lang, "act_noun", p.norm(noun))
        || p.noun_at(noun, verb).is_some_and(|(end, _)| end == verb);
    if !names_act {
        return None;
    }
    // An article, at most one modifier ("a bold move"), the comma.
    let mut j = noun;
    if j > first + 1 && !is_article(p.lang, p.norm(j - 1)) {
        j -= 1;
    }
    if j < first + 2 || !is_article(p.lang, p.norm(j - 1)) || p.norm(j - 2) != "," {
        return None;
    }
    main_act_before(p, s, j - 2, own, prior)
}

/// The agents of the main act told in sentence `s` before the comma at
/// `comma`: the act whose evidence starts first, with all its coordinated
/// agents; none of `own`.
fn main_act_before(
    p: &Prepared,
    s: usize,
    comma: usize,
    own: &[usize],
    prior: &[Statement],
) -> Option<Vec<usize>> {
    let at = p.tokens[comma].start;
    let ours = iris(p, own);
    // The main act of the clause before the comma: the one whose evidence
    // starts first ("Paris accuse Bamako d'avoir fait appel à X, ce que
    // Bamako dément" judges the accusation, not the appeal inside it).
    let st = prior
        .iter()
        .filter(|st| {
            st.sentence_index == s
                && st.span.1 <= at
                && st.polarity == Polarity::Positive
                && !ours.contains(&st.subject.id)
                && st.predicate.plover().is_some()
        })
        .min_by_key(|st| st.span.0)?;
    let agents = act_agents(p, prior, st);
    (!agents.is_empty()).then_some(agents)
}

/// "condemned the attack launched on Saturday by Bolivia", "a condamné
/// l'attaque menée par X": a judging verb (cue kind `evaluate`, checked by
/// the caller) ending at `verb_last` whose direct object is an event noun
/// with its agent after "by"/"par" (past at most a participle and a few
/// words, no comma) judges that agent.
pub(crate) fn agent_of_event(
    p: &Prepared,
    s: usize,
    verb_last: usize,
    own: &[usize],
) -> Option<(Vec<usize>, usize)> {
    let last = p.sentences[s].last;
    // An article, at most two modifiers, the event noun.
    if verb_last >= last || !is_article(p.lang, p.norm(verb_last)) {
        return None;
    }
    let (end, _) = (verb_last + 1..(verb_last + 4).min(last))
        .take_while(|&j| p.covering(j).next().is_none())
        .find_map(|j| p.noun_at(j, last))?;
    let by = (end..(end + 5).min(last))
        .take_while(|&j| p.norm(j) != "," && p.covering(j).next().is_none())
        .find(|&j| matches!(p.norm(j), "by" | "par"))?;
    let mut k = by + 1;
    while k < last && is_article(p.lang, p.norm(k)) {
        k += 1;
    }
    let mi = p.starting_at(k)?;
    let m = &p.mentions[mi];
    if m.locative || m.ents.is_empty() {
        return None;
    }
    // With its coordinated agents: "signed by Bolivia and Peru".
    let group = super::frames::group_ents(p, mi);
    let end = group
        .iter()
        .map(|&(_, g)| p.mentions[g].last)
        .max()
        .unwrap_or(m.last);
    let agents: Vec<usize> = group
        .into_iter()
        .map(|(e, _)| e)
        .filter(|e| !own.contains(e))
        .collect();
    (!agents.is_empty()).then_some((agents, end))
}
