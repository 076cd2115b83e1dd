//! Reported obligations: "X said that Y must …", "X a déclaré que Y doit
//! …". Putting an obligation on Y in one's own statement is a demand of X
//! on Y (PLOVER REQUEST), whatever Y is told to do; the obligation's own
//! content stays unasserted.

use super::Prepared;
use super::context::{Context, clause_start};
use super::frames::{subject_in, usable};
use super::mentions::coref::coordination_group;
use super::mentions::is_function_word;
use super::statements::make;
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};

/// Statements of the construction in sentence `s`.
pub(crate) fn statements(p: &Prepared, s: usize) -> Vec<Statement> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    let mut out = Vec::new();
    for j in sent.first..sent.last {
        if !lex.is(p.lang, "obligation", p.norm(j)) {
            continue;
        }
        let that = complementizer_before(p, s, j);
        let Some(that) = that else {
            continue;
        };
        let Some(verb) = (sent.first..=that)
            .rev()
            .find(|&k| lex.is_verb(p.lang, "speech", p.norm(k)))
        else {
            continue;
        };
        // Only the speech verb and its auxiliaries or adverbs between it and "that".
        if that - verb > 4 {
            continue;
        }
        // The one who must: the mention right before the modal, in the clause.
        let Some(addressee) = p
            .lying_in(that + 1, j)
            .filter(|(_, m)| usable(m) && !m.locative)
            .max_by_key(|(_, m)| m.last)
            .map(|(mi, _)| mi)
        else {
            continue;
        };
        let (cs, _) = clause_start(p, s, verb);
        let Some(speaker) = subject_in(p, cs, verb, &[]) else {
            continue;
        };
        let Some(&a) = p.mentions[speaker].ents.first() else {
            continue;
        };
        let addressees: Vec<usize> = coordination_group(p, addressee)
            .into_iter()
            .filter(|&g| p.mentions[g].first > that)
            .filter_map(|g| p.mentions[g].ents.first().copied())
            .collect();
        let ctx = Context {
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed: Some(a),
            attributed_role: p.mentions[speaker].role,
            speakers: Vec::new(),
            blocked: None,
        };
        let span = (p.mentions[speaker].first, j + 1);
        let rule = format!("{}.demandsFrom.reported-obligation", p.lang.code());
        // "Johnson said Britain must leave": what one says one's own state
        // must do is a policy, not a demand on it.
        let own = |b: usize| {
            p.ents[b].etype == crate::lexicon::EntityType::Country
                && p.ents[a].iso3.is_some()
                && p.ents[a].iso3 == p.ents[b].iso3
        };
        for b in addressees.into_iter().filter(|&b| !own(b)) {
            out.extend(make(
                p,
                s,
                a,
                b,
                Predicate::DemandsFrom,
                &ctx,
                &rule,
                span,
                0.7,
            ));
        }
    }
    out
}

/// The complementizer of the clause of the modal at `j`: the nearest
/// "that"/"que" before it; English may leave it out ("Japan said North
/// Korea must …"), then the speech verb right before the addressee.
fn complementizer_before(p: &Prepared, s: usize, j: usize) -> Option<usize> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    (sent.first..j)
        .rev()
        .find(|&k| matches!(p.norm(k), "that" | "que" | "qu'"))
        .or_else(|| {
            // The mention right before the modal, or before one head noun
            // ("Argentine forces must").
            let head_noun = j > sent.first + 1
                && p.norm(j - 1).chars().all(char::is_lowercase)
                && !is_function_word(p, p.norm(j - 1));
            let mi = p
                .starting_in(j.saturating_sub(p.span_bound + 1), j + 1)
                .find(|&mi| {
                    let m = &p.mentions[mi];
                    (m.last == j || (head_noun && m.last == j - 1)) && m.first > sent.first
                })?;
            // A coordinated addressee starts at its first member ("said US
            // and British forces must …").
            let first = coordination_group(p, mi)
                .into_iter()
                .map(|g| p.mentions[g].first)
                .min()?;
            let k = first.checked_sub(1).filter(|&k| k >= sent.first)?;
            (p.lang == crate::text::Lang::En && lex.is_verb(p.lang, "speech", p.norm(k)))
                .then_some(k)
        })
}
