//! "China called on all parties to show restraint": a demand addressed to
//! all the parties (cue kind `all_parties`, right after the verb) names no
//! actor, but the story has told who the parties are: the two sides of the
//! latest conflict act (an attack, a threat, a mobilization) in the same
//! sentence or the few before it. The demand goes to each side that is not
//! the demander.

use super::Prepared;
use super::anaphora::entity_index;
use super::context::Context;
use super::frames::group_ents;
use super::statements::{Rule, cross};
use super::triggers::Trig;
use crate::predicate::Predicate;
use crate::statement::{Polarity, Statement};

/// Sentences before the demand where the conflict may have been told.
const BACK: usize = 5;

/// The demand statements of trigger `t` (rule `(predicate, id)`) from the
/// actors of subject mention `sm` to the sides of the latest conflict in
/// `prior`, when an all-parties phrase follows the verb.
pub(crate) fn parties_addressed(
    p: &Prepared,
    s: usize,
    t: &Trig,
    (predicate, id): (Predicate, &str),
    sm: usize,
    ctx: &Context,
    prior: &[Statement],
) -> Option<Vec<Statement>> {
    if predicate != Predicate::DemandsFrom {
        return None;
    }
    let end = all_parties_after(p, s, t.last)?;
    let start = p.tokens[t.first].start;
    // The story's main conflict: the pair most often told attacking or
    // threatening (either way), the latest on a tie.
    let told: Vec<&Statement> = prior
        .iter()
        .filter(|st| st.sentence_index < s || st.span.1 <= start)
        .filter(|st| {
            st.polarity == Polarity::Positive
                && st.object.is_some()
                && matches!(
                    st.predicate,
                    Predicate::Attacks | Predicate::Threatens | Predicate::MobilizesAgainst
                )
        })
        .collect();
    let pair = |st: &Statement| {
        let o = st.object.as_ref().map_or("", |o| o.id.as_str());
        let a = st.subject.id.as_str();
        if a < o {
            (a.to_string(), o.to_string())
        } else {
            (o.to_string(), a.to_string())
        }
    };
    let recent = told.iter().rev().find(|st| st.sentence_index + BACK >= s)?;
    let conflict = told
        .iter()
        .rev()
        .max_by_key(|st| told.iter().filter(|x| pair(x) == pair(st)).count())
        .copied()
        .unwrap_or(recent);
    let agents = group_ents(p, sm);
    let sides: Vec<(usize, usize)> = [Some(&conflict.subject), conflict.object.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|e| entity_index(p, &e.id))
        .filter(|e| !agents.iter().any(|&(a, _)| a == *e))
        .map(|e| (e, sm))
        .collect();
    let rule = Rule {
        predicate,
        id,
        confidence: 0.6,
    };
    let span = (p.mentions[sm].first.min(t.first), end.max(t.last));
    let out = cross(p, s, (&agents, &sides), rule, ctx, span);
    (!out.is_empty()).then_some(out)
}

/// The end of an all-parties phrase starting at `from` or one token later
/// ("called on all parties", "a appelé toutes les parties").
fn all_parties_after(p: &Prepared, s: usize, from: usize) -> Option<usize> {
    let last = p.sentences[s].last;
    let phrases = p.k.lex.phrases_of(p.lang, "all_parties");
    (from..(from + 2).min(last)).find_map(|i| {
        phrases.iter().find_map(|c| {
            let n = c.split(' ').count();
            (i + n <= last && p.joined(i, i + n) == c.as_str()).then_some(i + n)
        })
    })
}
