//! Statements from attached frames: one statement per (agent, target) pair
//! of coordinated actors, reciprocal statements among coordinated subjects,
//! the predicate's own exceptions (mobilizing on one's own soil, a state's
//! sanction of its own people), and the `explain` notes of rules that did
//! not fire.

use super::context::Context;
use super::frames::group_ents;
use super::mentions::coref::coordination_group;
use super::triggers::Trig;
use super::{Prepared, Stage};
use crate::lexicon::EntityType;
use crate::predicate::Predicate;
use crate::statement::Statement;
use crate::text::Kind;

/// Records why a rule did not fire, and which stage decided it (for
/// `explain` only).
pub(crate) fn not_fired(p: &mut Prepared, stage: Stage, label: &str, why: &str) {
    p.note(stage, |_| format!("rule {label}: not fired: {why}"));
}

/// Both ends of a statement, or, noting for `explain` which one is missing
/// (`whys`: the reason without an agent, then without a target), none.
pub(crate) fn both_ends(
    p: &mut Prepared,
    label: &str,
    (agent, target): (Option<usize>, Option<usize>),
    whys: (&str, &str),
) -> Option<(usize, usize)> {
    match (agent, target) {
        (Some(a), Some(t)) => Some((a, t)),
        (None, _) => {
            not_fired(p, Stage::Frames, label, whys.0);
            None
        }
        (Some(_), None) => {
            not_fired(p, Stage::Frames, label, whys.1);
            None
        }
    }
}

/// The statement `subj` `pred` `obj` (document entities) in sentence `s`,
/// qualified by `ctx`, with its evidence `span` (tokens), rule and
/// confidence; `None` when its ends are one actor.
#[allow(clippy::too_many_arguments)]
pub(crate) fn make(
    p: &Prepared,
    s: usize,
    subj: usize,
    obj: usize,
    pred: Predicate,
    ctx: &Context,
    rule: &str,
    span: (usize, usize),
    conf: f32,
) -> Option<Statement> {
    let (subj, obj) = actor_ends(p, subj, obj, pred)?;
    // A state's sanction against a group of its own population (a ban on
    // its opposition, expelled journalists of its own) is repression.
    let domestic = pred == Predicate::Sanctions
        && p.ents[obj].etype == EntityType::Group
        && p.ents[subj].etype != EntityType::Group
        && p.ents[obj].iso3.is_some()
        && p.ents[obj].iso3 == p.ents[subj].iso3;
    let (pred, rule) = if domestic {
        (Predicate::Represses, format!("{rule}+domestic"))
    } else {
        (pred, rule.to_string())
    };
    Some(statement(
        p,
        s,
        (subj, Some(obj)),
        pred,
        ctx,
        rule,
        span,
        conf,
    ))
}

/// The statement of `pred` between document entities `subj` and `obj`
/// (`None`: a one-actor event).
#[allow(clippy::too_many_arguments)]
fn statement(
    p: &Prepared,
    s: usize,
    (subj, obj): (usize, Option<usize>),
    pred: Predicate,
    ctx: &Context,
    rule: String,
    span: (usize, usize),
    conf: f32,
) -> Statement {
    Statement {
        doc: p.doc_id(),
        sentence_index: s,
        sentence: p.sentence_text(s),
        span: (p.tokens[span.0].start, p.tokens[span.1 - 1].end),
        subject: p.entity_json(subj),
        predicate: pred,
        plover: crate::statement::plover_of(pred, ctx.modality),
        object: obj.map(|o| p.entity_json(o)),
        polarity: ctx.polarity,
        modality: ctx.modality,
        attributed_to: ctx.attributed.map(|a| {
            p.entity_json(if ctx.speakers.contains(&subj) {
                subj
            } else {
                a
            })
        }),
        // A coordinated speaker who is the subject spoke in their own role,
        // which the mention of the first speaker does not tell.
        attributed_role: ctx
            .attributed_role
            .filter(|_| ctx.attributed == Some(subj) || !ctx.speakers.contains(&subj)),
        confidence: conf,
        rule,
        date: p.doc_date(),
    }
}

/// One-actor statements ("X resigned", "protesters marched", "X declared a
/// ceasefire"): one per coordinated actor of mention `mi`, with no object.
pub(crate) fn alone(
    p: &Prepared,
    s: usize,
    t: &Trig,
    mi: usize,
    rule: Rule,
    ctx: &Context,
) -> Vec<Statement> {
    let m = &p.mentions[mi];
    let span = (m.first.min(t.first), m.last.max(t.last));
    group_ents(p, mi)
        .into_iter()
        .map(|(a, _)| {
            let r = rule.id.to_string();
            statement(
                p,
                s,
                (a, None),
                rule.predicate,
                ctx,
                r,
                span,
                rule.confidence,
            )
        })
        .collect()
}

/// The entities a statement of `pred` joins, given its agent and target:
/// places standing for their state, `None` when they end up the same or
/// when troops move within their own state.
fn actor_ends(p: &Prepared, subj: usize, obj: usize, pred: Predicate) -> Option<(usize, usize)> {
    // "missile attacks on Tel Aviv", "troops massed near Kharkiv": a city
    // or site as the target of an attack, a threat or a mobilization
    // stands for its state (never the attacker's own).
    // "les négociations de Washington avec le Kremlin": a place as the
    // agent of an act between actors is its state.
    let subj = if place_stands_for_state(pred) {
        p.state_of_place(subj).unwrap_or(subj)
    } else {
        subj
    };
    let obj = match pred {
        Predicate::Attacks | Predicate::Threatens => p.state_of_place(obj).unwrap_or(obj),
        // A state's act in its own region ("lifted the emergency in
        // Darfur") keeps the region.
        _ if place_stands_for_state(pred) => p
            .state_of_place(obj)
            .filter(|&st| st != subj)
            .unwrap_or(obj),
        _ => obj,
    };
    if subj == obj || organ_against_own_state(p, subj, obj, pred) {
        return None;
    }
    // "fired missiles at a vessel in the Red Sea": a place of no state (a
    // sea, a multi-country region) is where an act took place, not whom it
    // targets; one goes to it, leaves it or is in it.
    let stateless_place = p.ents[obj].etype == EntityType::Place && p.state_of_place(obj).is_none();
    if stateless_place
        && !matches!(
            pred,
            Predicate::Visits
                | Predicate::WithdrawsFrom
                | Predicate::LocatedIn
                | Predicate::Attends
        )
    {
        return None;
    }
    // Troops on alert or exercising in a place of their own state are
    // not mobilized against anyone.
    if pred == Predicate::MobilizesAgainst
        && p.ents[obj].etype == EntityType::Place
        && p.ents[obj].iso3.is_some()
        && p.ents[obj].iso3 == p.ents[subj].iso3
    {
        return None;
    }
    let obj = match pred {
        Predicate::MobilizesAgainst => p.state_of_place(obj).unwrap_or(obj),
        _ => obj,
    };
    if subj == obj {
        return None;
    }
    Some((subj, obj))
}

/// "Le Kremlin a dénoncé une « atteinte à la sécurité » de la Russie": a
/// body of a state (knowledge-base `part_of`) does not criticize, accuse,
/// threaten or attack that very state; such an object belongs to another
/// phrase.
fn organ_against_own_state(p: &Prepared, subj: usize, obj: usize, pred: Predicate) -> bool {
    let (Some(s), Some(o)) = (p.ents[subj].kb, p.ents[obj].kb) else {
        return false;
    };
    p.k.kb.entities[s].part_of == Some(o)
        && p.k.kb.entities[s].etype == EntityType::Organization
        && p.k.kb.entities[o].etype == EntityType::Country
        && matches!(
            pred.plover(),
            Some("ACCUSE" | "THREATEN" | "ASSAULT" | "COERCE" | "SANCTION")
        )
}

/// A coordinated actor: (document entity, mention index).
pub(crate) type Member = (usize, usize);

/// The predicate, rule id and confidence of the statements a trigger makes.
#[derive(Clone, Copy)]
pub(crate) struct Rule<'a> {
    pub(crate) predicate: Predicate,
    pub(crate) id: &'a str,
    pub(crate) confidence: f32,
}

impl Rule<'_> {
    /// The statement `a` predicate `b` this rule makes in sentence `s`.
    fn make(
        &self,
        p: &Prepared,
        s: usize,
        (a, b): (usize, usize),
        ctx: &Context,
        span: (usize, usize),
    ) -> Option<Statement> {
        make(
            p,
            s,
            a,
            b,
            self.predicate,
            ctx,
            self.id,
            span,
            self.confidence,
        )
    }
}

/// Evidence span: the trigger and both mentions.
pub(crate) fn span_of(p: &Prepared, t: &Trig, a: usize, b: usize) -> (usize, usize) {
    let (ma, mb) = (&p.mentions[a], &p.mentions[b]);
    (
        ma.first.min(t.first).min(mb.first),
        ma.last.max(t.last).max(mb.last),
    )
}

/// Statements among the coordinated actors of mention `mi` for a reciprocal
/// predicate ("A and B agreed", "A et B ont repris les négociations"): every
/// ordered pair, or every unordered one when `sym`. `None` when the
/// predicate is not reciprocal or the actor is alone.
pub(crate) fn reciprocal(
    p: &Prepared,
    s: usize,
    t: &Trig,
    mi: usize,
    (rule, sym, relational): (Rule, bool, bool),
    ctx: &Context,
) -> Option<Vec<Statement>> {
    let group = group_ents(p, mi);
    // Relations between the parties (meeting, agreeing, cooperating), and
    // frames whose target comes after "with" ("upgraded ties", "cut ties"),
    // and any act done "to each other" ("accused each other of",
    // "se sont accusés mutuellement").
    let reciprocal = relational
        || reciprocal_marker(p, s, t)
        || matches!(
            rule.predicate,
            Predicate::AgreesWith
                | Predicate::Meets
                | Predicate::CooperatesWith
                | Predicate::AllyOf
        );
    if !reciprocal {
        return None;
    }
    let m = &p.mentions[mi];
    let span = (m.first.min(t.first), m.last.max(t.last));
    let mut out = Vec::new();
    // "Iran and six world powers, the United States, Britain, …, reached an
    // agreement": two sides, the actor and the announced list; the list's
    // members are parties with the actor, not with one another.
    if let Some((a, list)) = announced_sides(p, mi, &group) {
        for b in list.into_iter().filter(|&b| b != a) {
            out.extend(rule.make(p, s, (a, b), ctx, span));
            if !sym {
                out.extend(rule.make(p, s, (b, a), ctx, span));
            }
        }
        return Some(out);
    }
    if group.len() < 2 {
        return None;
    }
    for &(a, _) in &group {
        for &(b, _) in &group {
            if a != b && (a < b || !sym) {
                out.extend(rule.make(p, s, (a, b), ctx, span));
            }
        }
    }
    Some(out)
}

/// The two sides of "A and N plural noun, B, C and D": the actor A and
/// the listed actors, whether the agent mention `mi` (with `group`) is A or
/// a member of the list.
fn announced_sides(
    p: &Prepared,
    mi: usize,
    group: &[(usize, usize)],
) -> Option<(usize, Vec<usize>)> {
    if group.len() == 1
        && let Some(list) = announced_list(p, mi)
    {
        return Some((group[0].0, list));
    }
    // The list's first member, then the actor before the announcing phrase.
    let first = group.iter().map(|&(_, g)| g).min()?;
    let f = p.mentions[first].first;
    let lo = f.saturating_sub(8);
    let a = (lo..f).rev().find_map(|k| {
        p.ending_at(k)
            .find(|&x| super::frames::usable(&p.mentions[x]) && x != first)
    })?;
    let list = announced_list(p, a)?;
    let &ea = p.mentions[a].ents.first()?;
    group
        .iter()
        .all(|(e, _)| list.contains(e))
        .then_some((ea, list))
}

/// The actors a plural noun phrase after "and"/"et" announces, set off by
/// commas, after mention `mi`: "Iran and six world powers, the United
/// States, Britain, France, Germany, Russia and China, …" gives the six.
fn announced_list(p: &Prepared, mi: usize) -> Option<Vec<usize>> {
    let m = &p.mentions[mi];
    let last = p.sentences[p.sentence_of(m.first)].last;
    if !matches!(p.norm(m.last), "and" | "et") {
        return None;
    }
    // The announcing phrase: a few lower-case words or a number, ending in
    // a plural noun, then a comma.
    let comma = (m.last + 2..last.min(m.last + 7)).find(|&j| p.norm(j) == ",")?;
    let phrase_ok = (m.last + 1..comma).all(|j| {
        let t = &p.tokens[j];
        (t.kind == Kind::Word && !t.upper || t.kind == Kind::Number)
            && p.covering(j).next().is_none()
    }) && {
        let head = p.norm(comma - 1);
        head.ends_with('s') || head.ends_with('x')
    };
    if !phrase_ok {
        return None;
    }
    let first = p.starting_in(comma + 1, (comma + 3).min(last)).next()?;
    let group = coordination_group(p, first);
    let members: Vec<usize> = group
        .iter()
        .filter(|&&g| g >= first && super::frames::usable(&p.mentions[g]))
        .flat_map(|&g| p.mentions[g].ents.iter().copied())
        .collect();
    // The list closes with a comma before the clause goes on.
    let end = group.iter().map(|&g| p.mentions[g].last).max()?;
    (members.len() >= 2 && p.norm(end) == ",").then_some(members)
}

/// A reciprocal phrase (cue kind `reciprocal`: "each other", "one another",
/// "mutuellement", "l'un l'autre") governed by the trigger: within two
/// tokens after it, or just before it ("se sont mutuellement accusés"); not
/// one that governs an earlier verb ("accused each other of shelling").
fn reciprocal_marker(p: &Prepared, s: usize, t: &Trig) -> bool {
    let sent = &p.sentences[s];
    p.k.lex.phrases_of(p.lang, "reciprocal").iter().any(|c| {
        let n = c.split(' ').count();
        let at =
            |j: usize| j >= sent.first && j + n <= sent.last && p.joined(j, j + n) == c.as_str();
        (t.last..(t.last + 3).min(sent.last)).any(at) || t.first >= n && at(t.first - n)
    })
}

/// Whether a frame introduces its target with "with"/"avec" (a relation
/// between parties: "upgrade ties with", "rompre avec").
pub(crate) fn with_frame(markers: &[Vec<String>]) -> bool {
    markers
        .iter()
        .any(|m| m.len() == 1 && matches!(m[0].as_str(), "with" | "avec"))
}

/// One statement per (agent, target) pair of coordinated actors.
pub(crate) fn cross(
    p: &Prepared,
    s: usize,
    (agents, targets): (&[Member], &[Member]),
    rule: Rule,
    ctx: &Context,
    span: (usize, usize),
) -> Vec<Statement> {
    let mut out = Vec::new();
    for &(a, _) in agents {
        for &(b, _) in targets {
            out.extend(rule.make(p, s, (a, b), ctx, span));
        }
    }
    out
}

/// Whether a place as the target of `pred` stands for its state: between
/// actors, yes ("sanctions on Moscow", "recalled its envoy from Abu Dhabi");
/// not for a visit, an attendance, a location, a protest or a structural
/// relation; a mobilization is mapped after its own-territory check.
fn place_stands_for_state(pred: Predicate) -> bool {
    !matches!(
        pred,
        Predicate::Visits
            | Predicate::Attends
            | Predicate::LocatedIn
            | Predicate::PartOf
            | Predicate::MemberOf
            | Predicate::LeaderOf
            | Predicate::AllyOf
            | Predicate::Protests
            | Predicate::Represses
            | Predicate::MobilizesAgainst
    )
}
