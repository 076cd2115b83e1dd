//! What one receives from another: "Ukraine received military aid from
//! Germany", "l'Ukraine a reçu une aide militaire de l'Allemagne". A verb
//! of receiving (cue kind `receive`) whose direct object is a predicate
//! noun of aid, support or a pledge, followed by its source, is that
//! noun's act by the source towards the receiver (Germany aids Ukraine).

use super::Prepared;
use super::clause::is_article;
use super::context::{Context, clause_start, context};
use super::frames::{group_ents, subject_in, usable};
use super::statements::make;
use super::triggers::Trig;
use crate::lexicon::Trigger;
use crate::predicate::Predicate;
use crate::statement::{Polarity, Statement};

/// Statements of the construction in sentence `s` (the verb must also be a
/// verb of the lexicon, for its tense).
pub(crate) fn statements(
    p: &Prepared,
    s: usize,
    quotes: &[super::clause::Quote],
) -> Vec<Statement> {
    let lex = &p.k.lex;
    let (first, last) = (p.sentences[s].first, p.sentences[s].last);
    let mut out = Vec::new();
    for j in first..last {
        if !lex.is(p.lang, "receive", p.norm(j)) {
            continue;
        }
        let Some((noun_end, pred)) = received_noun(p, j + 1, last) else {
            continue;
        };
        let Some(source) = source_after(p, noun_end, last) else {
            continue;
        };
        let (start, barrier) = clause_start(p, s, j);
        let Some(receiver) = subject_in(p, start, j, &[]) else {
            continue;
        };
        let (what, tense) = match lex.verb(p.lang, p.norm(j)).and_then(|c| c.first()) {
            Some(&Trigger::Verb(e, tense)) => (Trigger::Verb(e, tense), Some(tense)),
            _ => continue,
        };
        let t = Trig {
            first: j,
            last: j + 1,
            what,
            alts: Vec::new(),
        };
        let ctx: Context = context(p, s, &t, start, barrier.as_deref(), quotes, tense);
        if ctx.blocked.is_some() || ctx.polarity == Polarity::Negative {
            continue;
        }
        let span = (p.mentions[receiver].first, p.mentions[source].last);
        let rule = format!("{}.{}.received", p.lang.code(), pred.name());
        for (a, _) in group_ents(p, source) {
            for (b, _) in group_ents(p, receiver) {
                out.extend(make(p, s, a, b, pred, &ctx, &rule, span, 0.7));
            }
        }
    }
    out
}

/// The predicate noun (aid, support, a pledge) received, after at most
/// three articles, numbers or adjectives: its end and predicate.
fn received_noun(p: &Prepared, from: usize, last: usize) -> Option<(usize, Predicate)> {
    (from..(from + 4).min(last))
        .take_while(|&j| p.covering(j).next().is_none() && p.norm(j) != ",")
        .find_map(|j| p.noun_at(j, last))
        .map(|(end, n)| (end, p.k.lex.nouns[n].predicate))
        .filter(|&(_, pred)| {
            matches!(
                pred,
                Predicate::Aids | Predicate::Supports | Predicate::AgreesWith
            )
        })
}

/// The source after the noun: "from X", "de X", "de la part de X", past at
/// most one adjective ("une aide militaire de l'Allemagne").
fn source_after(p: &Prepared, end: usize, last: usize) -> Option<usize> {
    let mut k = end;
    let is_from = |k: usize| matches!(p.norm(k), "from" | "de" | "du" | "des" | "d'");
    if k < last && !is_from(k) && p.covering(k).next().is_none() {
        k += 1;
    }
    if k >= last || !is_from(k) {
        return None;
    }
    k += 1;
    // "de la part de X".
    if k + 2 < last && p.norm(k) == "la" && p.norm(k + 1) == "part" && is_from(k + 2) {
        k += 3;
    }
    while k < last && is_article(p.lang, p.norm(k)) {
        k += 1;
    }
    let mi = p.starting_at(k)?;
    let m = &p.mentions[mi];
    (usable(m) && !m.locative).then_some(mi)
}

/// Whether a verb of receiving at `verb` reaches the actor at `obj` past a
/// thing received from it, a noun of aid, support or a pledge ("a reçu
/// des armes de l'Allemagne", "received assurances from Germany"): that
/// actor is a source, not a guest ("received a mission of observers from
/// the OSCE" still receives guests).
pub(crate) fn source_not_guest(p: &Prepared, verb: usize, obj: usize) -> bool {
    p.k.lex.is(p.lang, "receive", p.norm(verb))
        && received_noun(p, verb + 1, obj).is_some_and(|(end, _)| end < obj)
}
