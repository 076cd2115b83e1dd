//! Nominal predicates: a predicate noun of the lexicon ("talks with X",
//! "X's support for Y", "la pression de X sur Y") with its agent (possessive,
//! genitive, demonym, marker, or the subject of its light verb) and its
//! patient (a marker, a demanded clause, or the light verb's direct object).

use super::anaphora::repeated_act;
use super::clause::{self, is_article, is_preposition};
use super::context::{Context, clause_start, context};
use super::frames::{COORDINATED_SUBJECT, forward_group, group_ents, noun_frame};
use super::governors::{Governed, existing_agreement, governing_links, governing_verb};
use super::protest::protest_default;
use super::statements::{
    Rule, alone, both_ends, cross, not_fired, reciprocal, span_of, with_frame,
};
use super::triggers::Trig;
use super::{Prepared, Stage};
use crate::lexicon::{EntityType, NounEntry, Trigger};
use crate::predicate::Predicate;
use crate::statement::{Modality, Statement};

pub(crate) fn noun_statements(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    (quotes, prior): (&[clause::Quote], &[Statement]),
    used: &mut Vec<usize>,
) -> Vec<Statement> {
    let Trigger::Noun(n) = t.what else {
        return vec![];
    };
    let entry = p.k.lex.nouns[n].clone();
    let (start, barrier) = clause_start(p, s, t.first);
    let mut ctx = context(p, s, t, start, barrier.as_deref(), quotes, None);
    // For `explain` only.
    let label = p.why(|| format!("{} \"{}\"", entry.id, p.surface(t.first, t.last)));
    p.note(Stage::Qualify, |p| format!("{label}: {}", ctx.describe(p)));
    if let Some(why) = ctx.blocked {
        not_fired(p, Stage::Qualify, &label, why);
        return vec![];
    }
    // "contre toute concession", "ruled out any talks": a noun under "any"
    // or "no" (cue kind `any_determiner`) names no event that took place.
    if t.first > 0 && p.k.lex.is(p.lang, "any_determiner", p.norm(t.first - 1)) {
        not_fired(
            p,
            Stage::Qualify,
            &label,
            "under 'any' or 'no': no event took place",
        );
        return vec![];
    }
    if super::governors::part_halted_by_other(p, start, t, entry.predicate) {
        not_fired(
            p,
            Stage::Qualify,
            &label,
            "a participation another actor halts, or an antagonism being ended, is none",
        );
        return vec![];
    }
    let governed = if entry.governed {
        governing_links(p, start, t)
    } else {
        governing_verb(p, start, t, entry.predicate)
    };
    // The act told is the governing verb's: an adjective on the noun
    // qualifies the noun's event ("suspended its planned aid to X" is a
    // sanction that took place).
    if governed.is_some() {
        ctx.modality = ctx.clause_modality;
    }
    // "postponed a visit to Beijing", "a annulé sa visite à Moscou": a
    // visit called off did not take place.
    if super::governors::visit_called_off(p, start, t, entry.predicate) {
        ctx.polarity = ctx.polarity.reversed();
    }
    if entry.governed && governed.is_none() {
        not_fired(
            p,
            Stage::Qualify,
            &label,
            "links that only a verb or noun halting, closing or reopening them makes an event",
        );
        return vec![];
    }
    // "an agreement between Israel and Hamas", "les négociations entre le
    // Chili et le Pérou": the parties named after "between" act on each
    // other, whoever brought the event about.
    // Unless "between" introduces the noun's own target ("mediation
    // between X and Y": the mediator meets each).
    let own_between = targets_between(&entry);
    // Told as a fact: talks proposed or planned between X and Y are not
    // held ("a proposé d'accueillir des négociations entre Moscou et Kiev").
    let told = matches!(ctx.modality, Modality::Asserted | Modality::Reported);
    if let Some(first) = between_parties(p, s, t.last).filter(|_| !own_between && told) {
        let rule = Rule {
            predicate: entry.predicate,
            id: &entry.id,
            confidence: 0.7,
        };
        if let Some(out) = reciprocal(
            p,
            s,
            t,
            first,
            (rule, entry.predicate.symmetric(), true),
            &ctx,
        ) {
            used.extend(group_ents(p, first).into_iter().map(|(_, g)| g));
            p.note(Stage::Statements, |_| {
                format!(
                    "rule {label}: fired (between the parties named after it), {} statement(s)",
                    out.len()
                )
            });
            return out;
        }
    }
    let f = noun_frame(p, s, t, &entry, start, used);
    p.note(Stage::Frames, |p| format!("{label}: {}", f.describe(p)));
    if f.how == COORDINATED_SUBJECT {
        ctx.not_reported();
    }
    let id = match governed {
        Some(g) => format!("{}+{}", g.label, entry.id),
        None => entry.id.clone(),
    };
    let predicate = governed.map_or(entry.predicate, |g| g.predicate);
    if entry.predicate == Predicate::AgreesWith
        && governed.is_none()
        && existing_agreement(p, start, t)
    {
        not_fired(
            p,
            Stage::Statements,
            &label,
            "an agreement already in force (object of a verb that quits, breaks or judges it)",
        );
        return vec![];
    }
    if let (Some(am), None, false) = (f.subject, f.object, f.passive)
        && let Some(out) = agent_only(
            p,
            s,
            t,
            (&entry, &id, predicate, governed),
            (am, f.clause_subject, start),
            (&ctx, prior),
            (&label, f.how),
        )
    {
        return out;
    }
    // In a "suffer" frame the subject is the target.
    let whys = if f.passive {
        ("no target", "no agent")
    } else {
        ("no agent", "no target")
    };
    let Some((sm, om)) = both_ends(p, &label, (f.subject, f.object), whys) else {
        return vec![];
    };
    if sm == om {
        return vec![];
    }
    used.push(if f.passive { sm } else { om });
    let (mut agents, mut targets) = (group_ents(p, sm), forward_group(p, om));
    if f.passive {
        std::mem::swap(&mut agents, &mut targets);
    }
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
    let mut out = cross(p, s, (&agents, &targets), rule, &ctx, span_of(p, t, sm, om));
    governed_plover(governed, &mut out);
    p.note(Stage::Statements, |_| {
        format!(
            "rule {label}: fired ({}), {} statement(s)",
            f.how,
            out.len()
        )
    });
    out
}

/// The statements of a nominal frame with an agent and no target: a
/// reciprocal among the coordinated subjects of the light verb ("Israel and
/// Lebanon renewed negotiations", not a genitive after the noun), a protest
/// against its default target, or for an `alone` entry a one-actor event
/// ("X declared a ceasefire").
fn agent_only(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    (entry, id, predicate, governed): (&NounEntry, &str, Predicate, Option<Governed>),
    (am, light_verb_subject, start): (usize, bool, usize),
    (ctx, prior): (&Context, &[Statement]),
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
            p.note(Stage::Statements, |_| {
                format!(
                    "rule {label}: fired (reciprocal among coordinated agents), {} statement(s)",
                    out.len()
                )
            });
            return Some(out);
        }
    }
    if light_verb_subject
        && let Some(mut out) = repeated_act(p, s, t, (predicate, id), am, ctx, prior)
    {
        governed_plover(governed, &mut out);
        p.note(Stage::Statements, |_| {
            format!(
                "rule {label}: fired ({how}; repeats an act told before: its target), {} statement(s)",
                out.len()
            )
        });
        return Some(out);
    }
    if entry.predicate == Predicate::Protests
        && let Some(out) =
            protest_default(p, s, t, am, ctx, (&entry.id, label, &format!("{how}; ")))
    {
        return Some(out);
    }
    // "L'accord a été obtenu grâce à la médiation du Qatar": a mediation
    // naming no parties is between the parties of the agreement just told.
    if let Some(out) = mediated_agreement(p, s, t, (entry, id, predicate), am, (ctx, prior)) {
        p.note(Stage::Statements, |_| {
            format!(
                "rule {label}: fired (mediation between the parties of the agreement told before), {} statement(s)",
                out.len()
            )
        });
        return Some(out);
    }
    // "demanded the resignation of X", "condemned the offensive": a
    // predicate noun that a predicate verb governs is that verb's
    // complement, no event of its own.
    // Only a verb of one word governs it: "lancer", "declare" as the heads
    // of fixed phrases ("lancer une offensive contre", "declare war") are
    // the light verbs of this very noun.
    let governing = |j: usize| {
        p.k.lex
            .has_verb_entry(p.lang, p.norm(j), |e| !e.lemma.contains(' '))
    };
    if !entry.alone || (start..t.first).any(governing) || !close_agent(p, t, am) {
        return None;
    }
    let rule = Rule {
        predicate,
        id,
        confidence: 0.6,
    };
    let mut out = alone(p, s, t, am, rule, ctx);
    governed_plover(governed, &mut out);
    p.note(Stage::Statements, |_| {
        format!(
            "rule {label}: fired ({how}; one-actor event, no target), {} statement(s)",
            out.len()
        )
    });
    Some(out)
}

/// Whether an agent after the noun follows it directly, with only
/// prepositions and articles between ("la démission du Premier ministre",
/// "the resignation of the president"): a later one may belong to another
/// phrase ("le retrait de ses troupes du Mali": Mali does not withdraw).
fn close_agent(p: &Prepared, t: &Trig, am: usize) -> bool {
    let first = p.mentions[am].first;
    first < t.first
        || (t.last..first)
            .all(|j| is_preposition(p.lang, p.norm(j)) || is_article(p.lang, p.norm(j)))
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

/// The first of two or more coordinated actors after "between"/"entre"
/// right after a predicate noun ending at `end` (past at most one
/// adjective and an article): "talks between Chile and Peru".
fn between_parties(p: &Prepared, s: usize, end: usize) -> Option<usize> {
    let last = p.sentences[s].last;
    let mut k = end;
    if k < last && !matches!(p.norm(k), "between" | "entre") && p.covering(k).next().is_none() {
        k += 1;
    }
    if k >= last || !matches!(p.norm(k), "between" | "entre") {
        return None;
    }
    k += 1;
    while k < last && is_article(p.lang, p.norm(k)) {
        k += 1;
    }
    let mi = p.starting_at(k)?;
    (group_ents(p, mi).len() >= 2).then_some(mi)
}

/// The statements of a mediation (a noun whose own target follows
/// "between"/"entre") by agent mention `am` with no parties named: the
/// mediators meet both parties of the latest agreement told in the same
/// sentence or the two before.
fn mediated_agreement(
    p: &Prepared,
    s: usize,
    t: &Trig,
    (entry, id, predicate): (&NounEntry, &str, Predicate),
    am: usize,
    (ctx, prior): (&Context, &[Statement]),
) -> Option<Vec<Statement>> {
    if !targets_between(entry) || predicate != Predicate::Meets {
        return None;
    }
    let agents = group_ents(p, am);
    let own: Vec<usize> = agents.iter().map(|&(e, _)| e).collect();
    let st = prior.iter().rev().find(|st| {
        st.predicate == Predicate::AgreesWith
            && st.polarity == crate::statement::Polarity::Positive
            && st.sentence_index + 2 >= s
            && st.object.is_some()
    })?;
    let parties: Vec<(usize, usize)> = [Some(&st.subject), st.object.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|e| super::anaphora::entity_index(p, &e.id))
        .filter(|e| !own.contains(e))
        .map(|e| (e, am))
        .collect();
    if parties.len() < 2 {
        return None;
    }
    let rule = Rule {
        predicate,
        id,
        confidence: 0.6,
    };
    let span = (
        p.mentions[am].first.min(t.first),
        p.mentions[am].last.max(t.last),
    );
    let out = cross(p, s, (&agents, &parties), rule, ctx, span);
    (!out.is_empty()).then_some(out)
}

/// Whether "between"/"entre" introduces the noun's own target (a
/// mediation), not parties acting on each other.
fn targets_between(entry: &NounEntry) -> bool {
    entry
        .patient
        .iter()
        .any(|m| m.iter().any(|w| matches!(w.as_str(), "between" | "entre")))
}
