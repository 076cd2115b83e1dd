//! Nominal predicates: a predicate noun of the lexicon ("talks with X",
//! "X's support for Y", "la pression de X sur Y") with its agent (possessive,
//! genitive, demonym, marker, or the subject of its light verb) and its
//! patient (a marker, a demanded clause, or the light verb's direct object).

use super::clause::{self, is_article, is_preposition};
use super::context::{Context, clause_start, context};
use super::frames::{demanded_clause_subject, forward_group, group_ents, object_after, usable};
use super::governors::{Governed, complementizer_at, governing_verb, in_time_adjunct};
use super::mentions::coref::is_subject_position;
use super::mentions::is_function_word;
use super::protest::protest_default;
use super::statements::{Rule, both_ends, cross, not_fired, reciprocal, span_of, with_frame};
use super::triggers::Trig;
use super::{MentionKind, Prepared};
use crate::lexicon::{EntityType, NounEntry, Trigger};
use crate::predicate::Predicate;
use crate::statement::Statement;
use crate::text::{Kind, Lang};

pub(crate) fn noun_statements(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    quotes: &[clause::Quote],
    used: &mut Vec<usize>,
) -> Vec<Statement> {
    let Trigger::Noun(n) = t.what else {
        return vec![];
    };
    let entry = p.k.lex.nouns[n].clone();
    let (start, barrier) = clause_start(p, s, t.first);
    let ctx = context(p, s, t, start, barrier.as_deref(), quotes, None);
    // For `explain` only.
    let label = p.why(|| format!("{} \"{}\"", entry.id, p.surface(t.first, t.last)));
    if let Some(why) = ctx.blocked {
        not_fired(p, &label, why);
        return vec![];
    }
    let NounArgs {
        agent,
        target,
        how,
        suffer,
        clause_subj,
    } = noun_arguments(p, s, t, &entry, start, used);
    let governed = governing_verb(p, start, t, entry.predicate);
    let id = match governed {
        Some(g) => format!("{}+{}", g.label, entry.id),
        None => entry.id.clone(),
    };
    let predicate = governed.map_or(entry.predicate, |g| g.predicate);
    if let (Some(am), None, false) = (agent, target, suffer)
        && let Some(out) = agent_only(
            p,
            s,
            t,
            (&entry, &id, predicate, governed),
            (am, agent == clause_subj),
            &ctx,
            (&label, how),
        )
    {
        return out;
    }
    let Some((am, tm)) = both_ends(p, &label, (agent, target), ("no agent", "no target")) else {
        return vec![];
    };
    if am == tm {
        return vec![];
    }
    used.push(tm);
    let agents = if suffer {
        forward_group(p, am)
    } else {
        group_ents(p, am)
    };
    let mut targets = if suffer {
        group_ents(p, tm)
    } else {
        forward_group(p, tm)
    };
    let id = if predicate == Predicate::Represses && own_population(p, &agents, &mut targets) {
        format!("{id}+domestic")
    } else {
        id
    };
    let rule = Rule {
        predicate,
        id: &id,
        confidence: 0.75,
    };
    let mut out = cross(p, s, (&agents, &targets), rule, &ctx, span_of(p, t, am, tm));
    governed_plover(governed, &mut out);
    p.note(|_| format!("rule {label}: fired ({how}), {} statement(s)", out.len()));
    out
}

/// The agent and target of a nominal predicate, how they were found, and
/// the clause subject it may share.
struct NounArgs {
    agent: Option<usize>,
    target: Option<usize>,
    how: &'static str,
    /// "X est confronté à une pression de Y": the subject undergoes the event.
    suffer: bool,
    clause_subj: Option<usize>,
}

/// Attaches the arguments of predicate noun `entry` at trigger `t`: a
/// possessive or genitive, a demonym, a marker ("pressure from X on Y"),
/// a demanded clause, or the subject and object of its light verb.
fn noun_arguments(
    p: &Prepared,
    s: usize,
    t: &Trig,
    entry: &NounEntry,
    start: usize,
    used: &[usize],
) -> NounArgs {
    let after = t.last;
    let agent_marked = if entry.agent.is_empty() {
        None
    } else {
        object_after(p, s, after, &entry.agent, false, None, used, false)
    };
    // The patient is never the agent: "le retrait du Royaume-Uni de l'UE".
    let mut used_agent = used.to_vec();
    if possessor_before(p, t.first).is_none() {
        used_agent.extend(agent_marked);
    }
    let patient = if entry.patient.is_empty() {
        None
    } else {
        object_after(
            p,
            s,
            after,
            &entry.patient,
            false,
            entry.types.as_deref(),
            &used_agent,
            entry
                .types
                .as_ref()
                .is_some_and(|ts| ts.contains(&EntityType::Place)),
        )
    };
    // "its demand that Israel ease …": the demanded clause's subject is the target.
    let patient = patient.or_else(|| {
        (entry.predicate == Predicate::DemandsFrom)
            .then(|| complementizer_at(p, s, t.last))
            .flatten()
            .and_then(|that| demanded_clause_subject(p, s, that + 1, &used_agent))
    });
    // "suffer" constructions: "X est confronté à une pression de Y" -> Y pressures X.
    let suffer = (start..t.first).any(|j| {
        p.k.lex.is(p.lang, "suffer", p.norm(j))
            || (j + 1 < t.first && p.k.lex.is(p.lang, "suffer", p.joined(j, j + 2)))
    });
    let clause_subj = light_verb_subject(p, t, entry, start, used);
    let possessor = possessor_before(p, t.first).or_else(|| demonym_agent(p, t));
    let (agent, target, how) = if suffer {
        (
            agent_marked,
            clause_subj,
            "subject undergoes the nominal event",
        )
    } else if let Some(a) = possessor {
        (Some(a), patient, "possessive determiner or genitive")
    } else if let Some(a) = agent_marked.filter(|a| Some(*a) != patient) {
        (Some(a), patient, "agent introduced by a marker")
    } else if patient.is_none() && !suffer {
        // "X engaged Y in a firefight", "X gave Y support": the light verb's
        // direct object is the target.
        match clause_subj.and_then(|sm| light_verb_object(p, sm, t, used)) {
            Some(o) => (clause_subj, Some(o), "subject and object of the light verb"),
            None => (clause_subj, patient, "subject of the light verb"),
        }
    } else {
        (clause_subj, patient, "subject of the light verb")
    };
    NounArgs {
        agent,
        target,
        how,
        suffer,
        clause_subj,
    }
}

/// The subject of the light verb, which opens the clause ("X a fait part
/// de sa préoccupation"), unless the nominal event is in a time or
/// concession adjunct.
fn light_verb_subject(
    p: &Prepared,
    t: &Trig,
    entry: &NounEntry,
    start: usize,
    used: &[usize],
) -> Option<usize> {
    let clause_subj = p
        .lying_in(start, t.first)
        .find(|(_, m)| m.kind != MentionKind::Demonym && !m.locative)
        .map(|(mi, _)| mi)
        .filter(|&mi| {
            usable(&p.mentions[mi])
                && is_subject_position(p, &p.mentions[mi])
                && !used.contains(&mi)
        });
    // "following the invasion of X", "malgré l'offensive": a nominal event
    // in a time or concession adjunct is not the clause subject's act.
    // Meetings still involve the subject ("lors d'un appel avec X").
    clause_subj.filter(|_| entry.predicate.symmetric() || !in_time_adjunct(p, start, t.first))
}

/// The statements of a nominal frame with an agent and no target: a
/// reciprocal among the coordinated subjects of the light verb ("Israel and
/// Lebanon renewed negotiations", not a genitive after the noun), or a
/// protest against its default target.
fn agent_only(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    (entry, id, predicate, governed): (&NounEntry, &str, Predicate, Option<Governed>),
    (am, light_verb_subject): (usize, bool),
    ctx: &Context,
    (label, how): (&str, &str),
) -> Option<Vec<Statement>> {
    if light_verb_subject {
        let rule = Rule {
            predicate,
            id,
            confidence: 0.7,
        };
        let relational = with_frame(&entry.patient);
        if let Some(mut out) =
            reciprocal(p, s, t, am, (rule, predicate.symmetric(), relational), ctx)
        {
            governed_plover(governed, &mut out);
            p.note(|_| {
                format!(
                    "rule {label}: fired (reciprocal among coordinated agents), {} statement(s)",
                    out.len()
                )
            });
            return Some(out);
        }
    }
    if entry.predicate == Predicate::Protests {
        let how = format!("{how}; ");
        return protest_default(p, s, t, am, ctx, (&entry.id, label, &how));
    }
    None
}

/// "Turkish authorities imposed a curfew in southeastern Turkey": a state's
/// repression within its own territory falls on its civilians. Replaces a
/// target state that is also an agent by its civilians; true if it did.
fn own_population(
    p: &mut Prepared,
    agents: &[(usize, usize)],
    targets: &mut [(usize, usize)],
) -> bool {
    let mut changed = false;
    for t in targets.iter_mut() {
        let own = agents.iter().any(|a| a.0 == t.0) && p.ents[t.0].etype == EntityType::Country;
        if let (true, Some(state)) = (own, p.ents[t.0].kb) {
            if let Some(c) = super::mentions::sectors::civilians_of(p, state) {
                t.0 = c;
                changed = true;
            }
        }
    }
    changed
}

/// Gives the statements of a governed noun the governing construction's
/// PLOVER type (in their modality).
fn governed_plover(governed: Option<super::governors::Governed>, out: &mut [Statement]) {
    if let Some(g) = governed {
        for st in out.iter_mut().filter(|st| st.predicate == g.predicate) {
            st.retype(g.plover);
        }
    }
}

/// The direct object of the light verb governing a predicate noun: a single
/// actor between the clause subject `sm` and the noun, right after a verb
/// (not a preposition, a speech verb or a comma), with only articles,
/// adjectives and one preposition between it and the noun.
fn light_verb_object(p: &Prepared, sm: usize, t: &Trig, used: &[usize]) -> Option<usize> {
    let after = p.mentions[sm].last;
    let mut cands = p
        .lying_in(after + 1, t.first)
        .filter(|(mi, _)| !used.contains(mi));
    let (mi, m) = cands.next()?;
    if cands.next().is_some() || !usable(m) || m.locative || m.first < after + 1 {
        return None;
    }
    let verb = p.norm(m.first - 1);
    if p.tokens[m.first - 1].kind != Kind::Word
        || is_function_word(p, verb)
        || p.k.lex.is_verb(p.lang, "speech", verb)
    {
        return None;
    }
    let between: Vec<&str> = (m.last..t.first).map(|j| p.norm(j)).collect();
    let preps = between.iter().filter(|w| is_preposition(p.lang, w)).count();
    let plain = between.iter().enumerate().all(|(k, w)| {
        is_article(p.lang, w)
            || is_preposition(p.lang, w)
            || p.tokens[m.last + k].kind == Kind::Word
                && !p.tokens[m.last + k].upper
                && !p.k.lex.is_verb(p.lang, "speech", w)
                && p.k.lex.verb(p.lang, w).is_none()
    });
    (preps <= 1 && plain && between.len() <= 4).then_some(mi)
}

/// A demonym on the predicate noun itself: "the Chilean invasion",
/// "l'invasion chilienne" (the state is the agent).
fn demonym_agent(p: &Prepared, t: &Trig) -> Option<usize> {
    let demonym = |&mi: &usize| {
        let m = &p.mentions[mi];
        m.kind == MentionKind::Demonym
            && m.ents.first().is_some_and(|&e| {
                p.ents[e].etype == EntityType::Country
                    || p.norm(m.last - 1) == "-led" && p.ents[e].etype == EntityType::Organization
            })
    };
    match p.lang {
        Lang::En => p.ending_at(t.first).find(demonym),
        Lang::Fr => p.starting_in(t.last, t.last + 1).find(demonym),
    }
}

/// A possessive determiner or an English genitive right before a noun
/// (allowing a few adjectives): "son renforcement", "Russia's support".
fn possessor_before(p: &Prepared, head: usize) -> Option<usize> {
    let lo = head.saturating_sub(3);
    for j in (lo..head).rev() {
        if let Some(mi) = p.starting_in(j, j + 1).find(|&mi| {
            let m = &p.mentions[mi];
            m.kind == MentionKind::Possessive && !m.ents.is_empty()
        }) {
            return Some(mi);
        }
        if p.norm(j) == "'s" || (p.norm(j) == "'" && j > 0 && p.norm(j - 1).ends_with('s')) {
            return p.ending_at(j).find(|&mi| usable(&p.mentions[mi]));
        }
        if is_article(p.lang, p.norm(j)) || p.tokens[j].kind == Kind::Punct {
            return None;
        }
    }
    None
}
