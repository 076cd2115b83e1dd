//! Reported obligations: "X said that Y must …", "X a déclaré que Y doit
//! …". Putting an obligation on Y in one's own statement is a demand of X
//! on Y (PLOVER REQUEST), whatever Y is told to do; the obligation's own
//! content stays unasserted. Likewise a reported blame: "X said Y was
//! solely responsible for …", "X a déclaré que Y était responsable de …"
//! is an accusation of Y by X (cue kind `blame`).

use super::Prepared;
use super::context::{Context, clause_start};
use super::frames::{subject_in, usable};
use super::mentions::coref::coordination_group;
use super::mentions::is_function_word;
use super::statements::make;
use crate::predicate::Predicate;
use crate::statement::Statement;

/// Statements of the constructions in sentence `s`.
pub(crate) fn statements(p: &Prepared, s: usize) -> Vec<Statement> {
    let mut out = reported(
        p,
        s,
        ("obligation", Predicate::DemandsFrom, "reported-obligation"),
    );
    out.extend(reported(
        p,
        s,
        ("blame", Predicate::Accuses, "reported-blame"),
    ));
    out
}

/// Statements of one reported construction: the cue kind of its word, the
/// predicate from speaker to addressee, the rule's name.
fn reported(
    p: &Prepared,
    s: usize,
    (kind, predicate, name): (&str, Predicate, &str),
) -> Vec<Statement> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    let mut out = Vec::new();
    for j in sent.first..sent.last {
        if !lex.is(p.lang, kind, p.norm(j)) {
            continue;
        }
        // "Russia was solely responsible": the copula and its adverbs stand
        // between the addressee and the word; a negation there names no one.
        let mut j = j;
        if kind == "blame" {
            while j > sent.first && COPULA.contains(&p.norm(j - 1)) {
                j -= 1;
            }
            if j > sent.first && matches!(p.norm(j - 1), "not" | "n'" | "ne" | "never" | "pas") {
                continue;
            }
            if !(sent.first..j).any(|k| lex.is_verb(p.lang, "speech", p.norm(k))) {
                continue;
            }
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
        let ctx = Context::asserted(Some(a), p.mentions[speaker].role);
        let span = (p.mentions[speaker].first, j + 1);
        let rule = format!("{}.{}.{name}", p.lang.code(), predicate.name());
        // "Johnson said Britain must leave": what one says one's own state
        // must do is a policy, not a demand on it.
        let own = |b: usize| {
            p.ents[b].etype == crate::lexicon::EntityType::Country
                && p.ents[a].iso3.is_some()
                && p.ents[a].iso3 == p.ents[b].iso3
        };
        for b in addressees.into_iter().filter(|&b| !own(b)) {
            out.extend(make(p, s, a, b, predicate, &ctx, &rule, span, 0.7));
        }
    }
    out
}

/// A copula and the adverbs between it and "responsible" (folded forms:
/// tokens are compared without accents).
const COPULA: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "solely",
    "fully",
    "entirely",
    "directly",
    "largely",
    "partly",
    "ultimately",
    "etait",
    "est",
    "sont",
    "etaient",
    "seul",
    "seule",
    "seuls",
    "entierement",
    "directement",
    "pleinement",
    "largement",
];

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
