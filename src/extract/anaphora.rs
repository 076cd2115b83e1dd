//! Event anaphora: "Biden condemned the attack" judges an act the text
//! told before ("Iran launched drones at Israel"), so it criticizes the
//! attacker. A verb of cue kind `evaluate` whose direct object is a
//! definite event noun with no actor of its own takes as target the agent
//! of the latest earlier statement of that noun's predicate (any act for a
//! general noun of cue kind `act_noun`: "the decision", "la décision"),
//! in the same sentence or the four before it (two for a general noun).

use super::Prepared;
use super::clause::is_preposition;
use crate::predicate::Predicate;
use crate::statement::{Polarity, Statement};
use crate::text::{Kind, Lang};

/// What the evaluated event noun names: acts of one predicate, or any act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Of(Predicate),
    Any,
}

/// Sentences before the current one where the act may have been told: a
/// noun of one predicate ("the attack") reaches further than a general one
/// ("the decision"), which any act fits.
const BACK_OF: usize = 4;
const BACK_ANY: usize = 2;

/// Whether the verb at `verb` judges events (cue kind `evaluate`).
pub(crate) fn evaluates(p: &Prepared, verb: usize) -> bool {
    p.k.lex.is_verb(p.lang, "evaluate", p.norm(verb))
}

/// The document entity whose earlier act the evaluate verb `(first, last)`
/// of sentence `s` judges, with the end of the event noun; `own` are the
/// verb's subjects (no one judges their own act this way).
pub(crate) fn evaluated_act(
    p: &Prepared,
    s: usize,
    (first, last): (usize, usize),
    own: &[usize],
    prior: &[Statement],
) -> Option<(usize, usize)> {
    if !evaluates(p, first) {
        return None;
    }
    let (act, end) = event_object(p, s, last)?;
    let start = p.tokens[first].start;
    let ours: Vec<String> = own
        .iter()
        .map(|&e| crate::rdf::entity_iri(&p.ents[e].local))
        .collect();
    let st = prior.iter().rev().find(|st| {
        st.sentence_index + if act == Act::Any { BACK_ANY } else { BACK_OF } >= s
            && (st.sentence_index < s || st.span.1 <= start)
            && st.polarity == Polarity::Positive
            && !ours.contains(&st.subject.id)
            && match act {
                Act::Of(pred) => st.predicate == pred,
                Act::Any => is_act(st.predicate),
            }
    })?;
    let agent = p
        .ents
        .iter()
        .position(|d| crate::rdf::entity_iri(&d.local) == st.subject.id)?;
    Some((agent, end))
}

/// The event noun that is the direct object right after token `after`: a
/// definite article or demonstrative, at most two modifiers, the noun;
/// nothing naming an actor in it or in the three tokens after it (such a
/// noun has its own agent: "the attack by X").
fn event_object(p: &Prepared, s: usize, after: usize) -> Option<(Act, usize)> {
    let sent = &p.sentences[s];
    if after >= sent.last || !definite(p, p.norm(after)) {
        return None;
    }
    let mut j = after + 1;
    let (act, end) = loop {
        if j >= sent.last || j > after + 3 || p.tokens[j].kind != Kind::Word {
            return None;
        }
        if let Some((end, n)) = p.noun_at(j, sent.last) {
            break (Act::Of(p.k.lex.nouns[n].predicate), end);
        }
        if p.k.lex.is(p.lang, "act_noun", p.norm(j)) {
            break (Act::Any, j + 1);
        }
        if is_preposition(p.lang, p.norm(j)) {
            return None;
        }
        j += 1;
    };
    // A conjunct or punctuation after the noun ends its phrase: "condemned
    // the invasion and Hungary welcomed …".
    let phrase_end = (end..(end + 3).min(sent.last))
        .find(|&k| p.tokens[k].kind != Kind::Word || p.k.lex.is(p.lang, "coordinator", p.norm(k)))
        .unwrap_or((end + 3).min(sent.last));
    let named = p.starting_in(after, phrase_end).next().is_some();
    (!named).then_some((act, end))
}

/// A definite article or a demonstrative (not "a", "un", "des").
fn definite(p: &Prepared, w: &str) -> bool {
    match p.lang {
        Lang::En => matches!(w, "the" | "this" | "that" | "these" | "those"),
        Lang::Fr => matches!(
            w,
            "le" | "la" | "les" | "l'" | "ce" | "cet" | "cette" | "ces"
        ),
    }
}

/// Predicates that are acts someone may be judged for: not judgements
/// themselves, nor standing relations.
fn is_act(pred: Predicate) -> bool {
    pred.plover().is_some()
        && !matches!(
            pred,
            Predicate::Criticizes | Predicate::Supports | Predicate::Accuses
        )
}
