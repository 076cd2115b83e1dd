//! Talks brought about by a third party: a noun of talks (cue kind
//! `talks`) qualified by a participle of cue kind `mediated` and its agent ("after talks mediated
//! by China", "des pourparlers organisés par la Turquie"). The mediator
//! meets each party (PLOVER CONSULT): the actors named after "between" /
//! "entre", else the coordinated subjects of the clause ("Saudi Arabia and
//! Iran agreed … after talks mediated by China").

use super::Prepared;
use super::clause::{self, is_article};
use super::context::{clause_start, context};
use super::frames::{group_ents, subject_in, usable};
use super::statements::make;
use super::triggers::Trig;
use crate::lexicon::Trigger;
use crate::predicate::Predicate;
use crate::statement::Statement;
use crate::text::Kind;

/// Statements of the construction in sentence `s`.
pub(crate) fn statements(p: &Prepared, s: usize, quotes: &[clause::Quote]) -> Vec<Statement> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    let mut out = Vec::new();
    let mediated = lex.cue_verb_set(p.lang, "mediated");
    for j in sent.first + 1..sent.last.saturating_sub(1) {
        // The cheap test first: most tokens are followed by no "by"/"par".
        if !matches!(p.norm(j + 1), "by" | "par")
            || !mediated.is_some_and(|m| m.contains(p.norm(j)))
        {
            continue;
        }
        // The noun of meeting right before the participle.
        let Some((noun, n)) = (j.saturating_sub(3).max(sent.first)..j).find_map(|k| {
            p.noun_at(k, j)
                .filter(|&(end, _)| end == j)
                .map(|(_, n)| (k, n))
        }) else {
            continue;
        };
        // Talks, not a summit or conference one attends.
        if lex.nouns[n].predicate != Predicate::Meets
            || !(noun..j).any(|k| lex.is(p.lang, "talks", p.norm(k)))
        {
            continue;
        }
        let Some(mediator) = agent_after(p, s, j + 2) else {
            continue;
        };
        let (start, barrier) = clause_start(p, s, noun);
        let parties: Vec<usize> = match between_after(p, s, p.mentions[mediator].last) {
            Some(mi) => group_ents(p, mi).into_iter().map(|(e, _)| e).collect(),
            None => {
                // "agreed … after talks mediated by China": "after" opens a
                // phrase of its own; the parties are the clause's before it.
                let outer = || {
                    (start > sent.first)
                        .then(|| subject_in(p, clause_start(p, s, start - 1).0, start, &[]))
                        .flatten()
                };
                match subject_in(p, start, noun, &[]).or_else(outer) {
                    Some(sm) => group_ents(p, sm).into_iter().map(|(e, _)| e).collect(),
                    None => continue,
                }
            }
        };
        let t = Trig {
            first: noun,
            last: j + 1,
            what: Trigger::Noun(n),
            alts: Vec::new(),
        };
        let ctx = context(p, s, &t, start, barrier.as_deref(), quotes, None);
        let rule = format!("{}.meets.mediated", p.lang.code());
        let span = (noun, p.mentions[mediator].last);
        for &m in &p.mentions[mediator].ents {
            for &party in parties.iter().filter(|&&e| e != m) {
                out.extend(make(
                    p,
                    s,
                    m,
                    party,
                    Predicate::Meets,
                    &ctx,
                    &rule,
                    span,
                    0.7,
                ));
            }
        }
    }
    out
}

/// The actor mention at token `k`, past an article ("par la Turquie").
fn agent_after(p: &Prepared, s: usize, mut k: usize) -> Option<usize> {
    let last = p.sentences[s].last;
    if k < last && is_article(p.lang, p.norm(k)) {
        k += 1;
    }
    p.starting_at(k)
        .filter(|&mi| usable(&p.mentions[mi]) && !p.mentions[mi].locative)
}

/// Two or more coordinated actors after "between"/"entre" right at token
/// `k` (past an article).
fn between_after(p: &Prepared, s: usize, k: usize) -> Option<usize> {
    let last = p.sentences[s].last;
    if k >= last || !matches!(p.norm(k), "between" | "entre") {
        return None;
    }
    let mut k = k + 1;
    while k < last && p.tokens[k].kind == Kind::Word && is_article(p.lang, p.norm(k)) {
        k += 1;
    }
    let mi = p.starting_at(k)?;
    (group_ents(p, mi).len() >= 2).then_some(mi)
}
