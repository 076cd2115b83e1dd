//! "India struck Pakistan … Sharif said his country would retaliate": a
//! verb of retaliation (a lexicon verb whose lemma is of cue kind
//! `retaliation`: "retaliate", "riposter") with no object answers the
//! latest hostile act told against its subject, so its target is that
//! act's agent.

use super::Prepared;
use super::anaphora::{act_agents, entity_index};
use super::context::Context;
use super::frames::group_ents;
use super::statements::{Rule, cross};
use super::triggers::Trig;
use crate::lexicon::VerbEntry;
use crate::lexicon::kb::word_key;
use crate::predicate::Predicate;
use crate::statement::{Entity, Polarity, Statement};

/// Sentences before the retaliation where the act answered may be told.
const BACK: usize = 4;

/// The statements of retaliation verb `v` (trigger `t`) from
/// the actors of subject mention `sm` to the agents of the latest hostile
/// act (an attack, a threat, a mobilization, a sanction) told against
/// them or their state in `prior`.
pub(crate) fn retaliation(
    p: &Prepared,
    s: usize,
    t: &Trig,
    v: &VerbEntry,
    sm: usize,
    ctx: &Context,
    prior: &[Statement],
) -> Option<Vec<Statement>> {
    if v.predicate != Predicate::Attacks || !p.k.lex.is(p.lang, "retaliation", &word_key(&v.lemma))
    {
        return None;
    }
    let agents = group_ents(p, sm);
    let ours = |e: &Entity| {
        agents.iter().any(|&(a, _)| {
            let a = &p.ents[a];
            crate::rdf::entity_iri(&a.local) == e.id || a.iso3.is_some() && a.iso3 == e.country
        })
    };
    let start = p.tokens[t.first].start;
    let act = prior.iter().rev().find(|st| {
        (st.sentence_index < s || st.span.1 <= start)
            && st.sentence_index + BACK >= s
            && st.polarity == Polarity::Positive
            && matches!(
                st.predicate,
                Predicate::Attacks
                    | Predicate::Threatens
                    | Predicate::MobilizesAgainst
                    | Predicate::Sanctions
            )
            && st.object.as_deref().is_some_and(ours)
            && !ours(&st.subject)
    })?;
    let mut answered = act_agents(p, prior, act);
    if answered.is_empty() {
        answered.extend(entity_index(p, &act.subject.id));
    }
    let targets: Vec<(usize, usize)> = answered.into_iter().map(|e| (e, sm)).collect();
    let rule = Rule {
        predicate: v.predicate,
        id: &v.id,
        confidence: 0.6,
    };
    let span = (p.mentions[sm].first.min(t.first), t.last);
    let out = cross(p, s, (&agents, &targets), rule, ctx, span);
    (!out.is_empty()).then_some(out)
}
