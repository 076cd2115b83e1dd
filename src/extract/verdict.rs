//! Verdicts by naming: "qui avait qualifié la junte d'« illégitime »",
//! "called the decision a provocative gesture", "a qualifié la décision de
//! « grande déception »". A naming verb (cue kind `naming`) whose object is
//! an actor, or a definite act noun (cue kind `act_noun`) standing for the
//! latest act told, and whose label holds a word of verdict (cue kinds
//! `verdict_negative`, `verdict_positive`) criticizes or supports that actor
//! (the act's agent).

use super::Prepared;
use super::anaphora::entity_index;
use super::clause::is_article;
use super::context::{Context, clause_start};
use super::frames::{group_ents, subject_antecedent, subject_in, usable};
use super::statements::make;
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};

/// The last sentence of a story's headline and lead.
const LEAD: usize = 2;
/// Words of the label read from its start.
const LABEL: usize = 5;

/// Statements of the construction in sentence `s`; `prior` are the
/// statements made so far in the document.
pub(crate) fn statements(p: &Prepared, s: usize, prior: &[Statement]) -> Vec<Statement> {
    let lex = &p.k.lex;
    let (first, last) = (p.sentences[s].first, p.sentences[s].last);
    let mut out = Vec::new();
    for v in first..last {
        if !lex.is(p.lang, "naming", p.norm(v)) {
            continue;
        }
        // "what he called an attack": the naming of an act judged by
        // another verb (anaphora), not a verdict of its own.
        if v > first && matches!(p.norm(v - 1), "he" | "she" | "it" | "they" | "il" | "elle") {
            continue;
        }
        let Some((targets, after)) = named_object(p, s, v + 1, prior) else {
            continue;
        };
        let Some(label) = label_start(p, after, last) else {
            continue;
        };
        let Some(pred) = verdict(p, label, (label + LABEL).min(last)) else {
            continue;
        };
        let (start, _) = clause_start(p, s, v);
        // "qui avait qualifié": the antecedent of the relative pronoun.
        let relative = || {
            let j = start.checked_sub(1)?;
            lex.is(p.lang, "relative_subject", p.norm(j))
                .then(|| subject_antecedent(p, j))
                .flatten()
        };
        let Some(speaker) = subject_in(p, start, v, &[]).or_else(relative) else {
            continue;
        };
        let ctx = Context::asserted(None, None);
        let rule = format!("{}.{}.verdict", p.lang.code(), pred.name());
        let span = (p.mentions[speaker].first.min(v), after);
        for (a, _) in group_ents(p, speaker) {
            for &b in &targets {
                out.extend(make(p, s, a, b, pred, &ctx, &rule, span, 0.6));
            }
        }
    }
    out
}

/// The entities the naming verb's object stands for, and the token after
/// it: an actor ("la junte"), or a definite act noun ("la décision") for
/// the agents of the latest act told in this sentence or the two before.
fn named_object(
    p: &Prepared,
    s: usize,
    from: usize,
    prior: &[Statement],
) -> Option<(Vec<usize>, usize)> {
    let last = p.sentences[s].last;
    if let Some(mi) = p.starting_at(from) {
        let m = &p.mentions[mi];
        return (usable(m) && !m.locative).then(|| (m.ents.clone(), m.last));
    }
    if from + 1 >= last || !is_article(p.lang, p.norm(from)) {
        return None;
    }
    if let Some(mi) = p.starting_at(from + 1) {
        let m = &p.mentions[mi];
        return (usable(m) && !m.locative).then(|| (m.ents.clone(), m.last));
    }
    if !p.k.lex.is(p.lang, "act_noun", p.norm(from + 1)) {
        return None;
    }
    let at = p.tokens[from].start;
    let act = |st: &&Statement| {
        (st.sentence_index < s || st.span.1 <= at)
            && st.polarity == Polarity::Positive
            && st.modality == Modality::Asserted
            && st.predicate.plover().is_some()
            && !matches!(
                st.predicate,
                Predicate::Criticizes | Predicate::Supports | Predicate::Accuses
            )
    };
    // A verdict in a story's reactions judges its headline act first (as a
    // quoted verdict does, anaphora.rs), else the latest act told.
    let st = prior
        .iter()
        .take_while(|st| st.sentence_index <= LEAD)
        .find(act)
        .or_else(|| {
            prior
                .iter()
                .rev()
                .filter(|st| st.sentence_index + 2 >= s)
                .find(act)
        })?;
    Some((vec![entity_index(p, &st.subject.id)?], from + 2))
}

/// Criticizes or supports, from the first word of verdict in `a..b` (before
/// any comma that ends the label).
fn verdict(p: &Prepared, a: usize, b: usize) -> Option<Predicate> {
    let lex = &p.k.lex;
    (a..b)
        .take_while(|&j| !matches!(p.norm(j), "," | "." | ";"))
        .find_map(|j| {
            let w = p.norm(j);
            if lex.is(p.lang, "verdict_negative", w) {
                Some(Predicate::Criticizes)
            } else if lex.is(p.lang, "verdict_positive", w) {
                Some(Predicate::Supports)
            } else {
                None
            }
        })
}

/// Where the label starts right after the object at `after`: English "a"/
/// "an" or the label itself ("called the decision a provocative gesture",
/// "called it unacceptable"), French "de"/"d'" ("qualifié la junte
/// d'« illégitime »"); an opening quote may follow. Not after a
/// preposition or a time word ("called Xi on Tuesday to discuss …").
fn label_start(p: &Prepared, after: usize, last: usize) -> Option<usize> {
    let mut k = after;
    match p.lang {
        crate::text::Lang::En => {
            if k < last && matches!(p.norm(k), "a" | "an") {
                k += 1;
            }
        }
        crate::text::Lang::Fr => {
            if k < last && matches!(p.norm(k), "de" | "d'") {
                k += 1;
            } else {
                return None;
            }
        }
    }
    if k < last && matches!(p.norm(k), "«" | "“" | "\"") {
        k += 1;
    }
    (k < last
        && p.tokens[k].kind == crate::text::Kind::Word
        && !super::clause::is_preposition(p.lang, p.norm(k)))
    .then_some(k)
}
