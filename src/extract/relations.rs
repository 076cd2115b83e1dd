//! Relations: for each trigger ([`super::triggers`]), its subject and object
//! (clause subject, relative antecedent, controller of an infinitive,
//! passive agent, nominal agent and patient), one statement per coordinated
//! actor, with the clause context of [`super::context`].

use super::anaphora::{judged_act, repeated_act};
use super::clause::{self, is_preposition};
use super::context::{Context, clause_start, context};
use super::frames::{COORDINATED_SUBJECT, forward_group, group_ents, marker_at, verb_frame};
use super::governors::{
    as_rejection, as_threat, conditional_threat, declared_refusals, in_infinitive_phrase,
    reported_accusations, unfulfilled_refusal, unfulfilled_threat, unless_after, vowed_not_to,
    vowed_retaliation,
};
use super::located::place_target;
use super::parties::parties_addressed;
use super::protest::protest_default;
use super::relative_act::appositive_act;
use super::statements::{
    Rule, alone, both_ends, cross, not_fired, reciprocal, span_of, with_frame,
};
use super::triggers::{Trig, triggers};
use super::{MentionKind, Prepared, Stage};
use crate::lexicon::inflect::Tense;
use crate::lexicon::{EntityType, Trigger, VerbEntry};
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};
use crate::text::Kind;

/// Runs relation extraction over every sentence.
pub fn find(p: &mut Prepared) -> Vec<Statement> {
    let quotes = clause::quotes(p);
    let mut out = Vec::new();
    for s in 0..p.sentences.len() {
        let trigs = triggers(p, s);
        for t in &trigs {
            p.note(Stage::Triggers, |p| {
                format!("sentence {s}: {}", t.describe(p))
            });
        }
        let mut pending = Pending::default();
        let first_out = out.len();
        for t in &trigs {
            // One-actor statements wait for the other readings of the same
            // words: "protested Japan's decision" criticizes Japan.
            let mut alone_only: Option<(Trig, Vec<Statement>)> = None;
            let mut chosen: Option<(Trig, Vec<Statement>)> = None;
            let n_alts = t.alts.len();
            for (k, what) in std::iter::once(t.what)
                .chain(t.alts.iter().copied())
                .enumerate()
            {
                let t = Trig {
                    what,
                    alts: Vec::new(),
                    ..t.clone()
                };
                let used = &mut pending.used_objects;
                let made = match what {
                    Trigger::Verb(..) => verb_statements(p, s, &t, (&quotes, &out), used),
                    Trigger::Noun(_) => {
                        super::nouns::noun_statements(p, s, &t, (&quotes, &out), used)
                    }
                    Trigger::Role(_) => Vec::new(),
                };
                let made = entry_plover(p, what, made);
                if made.is_empty() {
                    pending.unfulfilled(p, &t);
                    continue;
                }
                if k < n_alts && made.iter().all(|st| st.object.is_none()) {
                    alone_only.get_or_insert((t, made));
                    continue;
                }
                chosen = Some((t, made));
                break;
            }
            if let Some((t, made)) = chosen.or(alone_only) {
                // A refusal whose own statements are one-actor ("refused
                // to …") stays pending like one that made none: the
                // infinitive's target is still rejected ("refused to lift
                // sanctions on X"), superseding the one-actor one (dedup).
                let refusal = if made.iter().all(|st| st.object.is_none()) {
                    unfulfilled_refusal(p, &t)
                } else {
                    None
                };
                place(p, s, &t, made, &mut pending, &mut out);
                if refusal.is_some() {
                    pending.refusal = refusal;
                }
            }
        }
        // "threatened to strike unless Israel …": the threat is against the
        // actor whose act the condition names, when the threatened action
        // itself named no target.
        for (t, rule) in pending.unfulfilled_threats {
            let prefix = format!("{rule}+");
            if out[first_out..]
                .iter()
                .any(|st| st.rule.starts_with(&prefix) && st.object.is_some())
            {
                continue;
            }
            out.extend(conditional_threat(p, s, &t, &rule, &quotes));
        }
        // A refusal whose infinitive made no statement rejects the actor
        // that phrase names ("refused to ratify the accession of Sweden").
        if let Some((end, rule)) = pending.refusal.take() {
            refused_object(p, s, end, &rule, &mut out[first_out..]);
        }
        out.extend(super::obligation::statements(p, s));
        out.extend(super::expulsion::statements(p, s));
        out.extend(super::received::statements(p, s, &quotes));
        let made = super::verdict::statements(p, s, &out);
        out.extend(made);
        out.extend(super::jointly::statements(p, s, &quotes));
        out.extend(super::mediated::statements(p, s, &quotes));
    }
    out
}

/// Gives the one-actor rejections of refusal `rule` the first actor named
/// in its infinitive phrase (opened by the marker at `end`, same clause, at
/// most eight tokens on) as their target, unless it is their own subject:
/// "refused to ratify the accession of Sweden", "a refusé d'envoyer des
/// troupes en Irak". Only when the phrase's own triggers made nothing.
fn refused_object(p: &mut Prepared, s: usize, end: usize, rule: &str, made: &mut [Statement]) {
    let last = (end + 9).min(p.sentences[s].last);
    let Some(mi) = p.starting_in(end + 1, last).find(|&mi| {
        super::frames::usable(&p.mentions[mi])
            && !super::governors::clause_break(p, end, p.mentions[mi].first)
    }) else {
        return;
    };
    let (first, last) = (p.mentions[mi].first, p.mentions[mi].last);
    let mut fired = false;
    for st in made
        .iter_mut()
        .filter(|st| st.rule == rule && st.object.is_none() && st.predicate == Predicate::Rejects)
    {
        let Some(&e) = p.mentions[mi]
            .ents
            .iter()
            .find(|&&e| p.entity_json(e).id != st.subject.id)
        else {
            continue;
        };
        st.object = Some(p.entity_json(e));
        st.rule = format!("{rule}+refused-object");
        st.span.1 = st.span.1.max(p.tokens[last - 1].end);
        fired = true;
    }
    if fired {
        p.note(Stage::Statements, |p| {
            format!(
                "rule {rule}: the refused action names \"{}\": its target",
                p.surface(first, last)
            )
        });
    }
}

/// What the triggers of a sentence leave to those after them.
#[derive(Default)]
struct Pending {
    /// Mentions already taken as objects.
    used_objects: Vec<usize>,
    /// End of the last demand that fired ("called on Serbia to …").
    demand_end: Option<usize>,
    /// A threat verb that found no object: the position of the "to"/"de"
    /// after it and its rule. The infinitive that follows names the
    /// threatened action ("threatened to attack India").
    threat: Option<(usize, String)>,
    /// Likewise a refusal verb ("refused to lift sanctions on X"): the
    /// refused action stays (negated) and the refusal rejects its target.
    refusal: Option<(usize, String)>,
    /// Threat verbs that made no statement, for their conditions.
    unfulfilled_threats: Vec<(Trig, String)>,
}

impl Pending {
    /// Notes trigger `t`, which made no statement, when it is a threat or a
    /// refusal whose infinitive may follow.
    fn unfulfilled(&mut self, p: &Prepared, t: &Trig) {
        if let Some(found) = unfulfilled_threat(p, t) {
            self.unfulfilled_threats.push((t.clone(), found.1.clone()));
            self.threat = Some(found);
        } else if let Some(found) = unfulfilled_refusal(p, t) {
            self.refusal = Some(found);
        }
    }
}

/// Adds the statements `made` by trigger `t`, read with what the triggers
/// before it left: the infinitive of a refusal or a threat, a condition
/// ("unless"), a demanded action (not asserted).
fn place(
    p: &Prepared,
    s: usize,
    t: &Trig,
    made: Vec<Statement>,
    pending: &mut Pending,
    out: &mut Vec<Statement>,
) {
    if let Some((end, rule)) = pending.refusal.take() {
        if in_infinitive_phrase(p, end, t) {
            let rejections: Vec<Statement> = made
                .iter()
                .filter(|st| st.polarity == Polarity::Negative)
                .map(|st| as_rejection(st.clone(), &rule))
                .collect();
            out.extend(made);
            out.extend(rejections);
            return;
        }
    }
    if vowed_not_to(p, t) {
        out.extend(made.into_iter().map(|mut st| {
            st.polarity = Polarity::Negative;
            st
        }));
        return;
    }
    if vowed_retaliation(p, t) {
        out.extend(made.into_iter().map(|st| as_threat(st, "RETALIATION")));
        return;
    }
    // The infinitive phrase after the threat's "to"/"de" (at `end`):
    // "threatened to attack India", "to launch an offensive against X".
    if let Some((end, rule)) = pending.threat.take() {
        if in_infinitive_phrase(p, end, t) {
            out.extend(made.into_iter().map(|st| as_threat(st, &rule)));
            return;
        }
    }
    // "will withdraw from Chad unless …": a conditioned commitment is a threat.
    if unless_after(p, s, t) {
        out.extend(made.into_iter().map(|st| {
            if matches!(st.modality, Modality::Future | Modality::Possible) {
                as_threat(st, "UNLESS")
            } else {
                st
            }
        }));
        return;
    }
    if demanded_action(p, t.first, pending.demand_end) {
        // What someone is called on to do is not asserted.
        return;
    }
    if made.iter().any(|st| st.predicate == Predicate::DemandsFrom) {
        pending.demand_end = Some(t.last);
    }
    let refusals = declared_refusals(&made);
    let accusations = reported_accusations(p, s, t, &made);
    let shared = super::alike::shared_act(p, s, t, &made);
    out.extend(made);
    out.extend(shared);
    out.extend(refusals);
    out.extend(accusations);
}

/// Gives the statements a lexicon entry made directly (rule = its id) the
/// entry's own PLOVER type, when its `plover=` flag sets one.
fn entry_plover(p: &Prepared, what: Trigger, mut made: Vec<Statement>) -> Vec<Statement> {
    let (id, plover) = match what {
        Trigger::Verb(e, _) => (&p.k.lex.verbs[e].id, p.k.lex.verbs[e].plover),
        Trigger::Noun(n) => (&p.k.lex.nouns[n].id, p.k.lex.nouns[n].plover),
        Trigger::Role(_) => return made,
    };
    if let Some(base) = plover {
        for st in made.iter_mut().filter(|st| &st.rule == id) {
            st.retype(base);
        }
    }
    made
}

/// Whether the trigger at `first` is the infinitive of a demand that ended at
/// `demand_end`: "urged Iran to release", "a appelé la Serbie à reconnaître".
fn demanded_action(p: &Prepared, first: usize, demand_end: Option<usize>) -> bool {
    let Some(end) = demand_end else {
        return false;
    };
    // "à" folds to "a": the auxiliary "a" ("et a condamné X") is no marker.
    first > end
        && first - end <= 10
        && first > 0
        && (matches!(p.norm(first - 1), "to" | "de" | "d'")
            || clause::is_preposition_a(p, first - 1))
}

/// "gave Belarus a warning", "sent Paris a warm welcome": a giving verb
/// whose object is an indirect object right after it, followed (past an
/// article and at most two lowercase words, not a possessive, whose noun
/// would take it as agent) by a predicate noun of another predicate, is that
/// noun's light verb, not an act of aid.
fn gives_a_predicate_noun(p: &Prepared, t: &Trig, v: &VerbEntry, om: usize, passive: bool) -> bool {
    let m = &p.mentions[om];
    if v.predicate != Predicate::Aids || passive || v.inverse || m.first != t.last {
        return false;
    }
    let end = p.sentences[p.sentence_of(m.first)].last;
    (m.last..(m.last + 4).min(end))
        .take_while(|&j| {
            j == m.last
                || p.tokens[j - 1].kind == crate::text::Kind::Word
                    && !p.tokens[j - 1].upper
                    && !clause::is_possessive(p, p.norm(j - 1))
        })
        .find_map(|j| p.noun_at(j, end))
        .is_some_and(|(_, n)| p.k.lex.nouns[n].predicate != Predicate::Aids)
}

/// "hosts a US air base", "accueille une base militaire française": the
/// mention qualifies a facility noun (cue kind `facility`) within two words
/// after it or three before it, so its state is no guest.
fn names_a_facility(p: &Prepared, s: usize, mi: usize) -> bool {
    let m = &p.mentions[mi];
    let sent = &p.sentences[s];
    let facility = |j: usize| p.k.lex.is(p.lang, "facility", p.norm(j));
    (m.last..(m.last + 2).min(sent.last)).any(facility)
        || (m.first.saturating_sub(3).max(sent.first)..m.first).any(facility)
}

/// Whether one of `needs` introduces a complement within eight tokens after
/// the object (or the trigger): "appelé la Russie à un cessez-le-feu", not
/// a place ("appelé Poutine à Moscou" is a call to Moscow).
fn has_complement(
    p: &Prepared,
    s: usize,
    t: &Trig,
    object: Option<usize>,
    needs: &[Vec<String>],
) -> bool {
    let from = object.map_or(t.last, |om| p.mentions[om].last);
    let last = p.sentences[s].last;
    (from..(from + 8).min(last)).any(|j| {
        needs.iter().any(|m| {
            marker_at(p, j, m).is_some_and(|end| {
                !p.starting_in(end, end + 2).any(|mi| {
                    let m = &p.mentions[mi];
                    m.locative
                        || m.ents
                            .first()
                            .is_some_and(|&e| p.ents[e].etype == crate::lexicon::EntityType::Place)
                })
            })
        })
    })
}

/// Whether a noun of one of `v.things` (cue kinds) heads the direct object
/// after trigger `t`, within six tokens and before punctuation or the
/// verb's own marker: "sent 31 Abrams tanks to", "a envoyé des missiles à".
fn has_thing(p: &Prepared, s: usize, t: &Trig, v: &VerbEntry) -> bool {
    let last = p.sentences[s].last.min(t.last + 6);
    let sets: Vec<_> = v
        .things
        .iter()
        .filter_map(|k| p.k.lex.cue_set(p.lang, k))
        .collect();
    (t.last..last)
        .take_while(|&j| {
            p.tokens[j].kind != Kind::Punct
                && !v.object.iter().any(|m| marker_at(p, j, m).is_some())
        })
        .any(|j| sets.iter().any(|set| set.contains(p.norm(j))))
}

/// Whether right after trigger `t` stands a marker that another entry of
/// the same lemma as `v` needs (flag `needs=`).
fn sibling_needs_marker(p: &Prepared, t: &Trig, v: &VerbEntry) -> bool {
    p.k.lex.has_verb_entry(p.lang, p.norm(t.first), |w| {
        w.lemma == v.lemma && w.needs.iter().any(|m| marker_at(p, t.last, m).is_some())
    })
}

/// The statements of verb trigger `t`; `prior` are the document's
/// statements so far (the acts an evaluation may judge).
fn verb_statements(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    (quotes, prior): (&[clause::Quote], &[Statement]),
    used: &mut Vec<usize>,
) -> Vec<Statement> {
    let Trigger::Verb(e, tense) = t.what else {
        return vec![];
    };
    let v = p.k.lex.verbs[e].clone();
    let (start, barrier) = clause_start(p, s, t.first);
    let mut ctx = context(p, s, t, start, barrier.as_deref(), quotes, Some(tense));
    // For `explain` only.
    let label = p.why(|| format!("{} \"{}\"", v.id, p.surface(t.first, t.last)));
    p.note(Stage::Qualify, |p| format!("{label}: {}", ctx.describe(p)));
    if let Some(why) = ctx.blocked {
        not_fired(p, Stage::Qualify, &label, why);
        return vec![];
    }
    let f = match verb_frame(
        p,
        s,
        t,
        &v,
        (start, barrier.as_deref()),
        ctx.attributed,
        used,
    ) {
        Ok(f) => f,
        Err(why) => {
            not_fired(p, Stage::Frames, &label, why);
            return vec![];
        }
    };
    p.note(Stage::Frames, |p| format!("{label}: {}", f.describe(p)));
    if f.how == COORDINATED_SUBJECT {
        ctx.not_reported();
    }
    // "ont appelé à la retenue": with no object, a complement marker right
    // after the verb that another reading of it needs ("appeler X à …", a
    // demand) is that reading's, with no addressee; not a phone call.
    if v.needs.is_empty() && f.object.is_none() && sibling_needs_marker(p, t, &v) {
        not_fired(
            p,
            Stage::Frames,
            &label,
            "the complement after the verb belongs to another reading of it",
        );
        return vec![];
    }
    if !v.needs.is_empty() && !has_complement(p, s, t, f.object, &v.needs) {
        not_fired(
            p,
            Stage::Frames,
            &label,
            "no complement after the object that this reading needs",
        );
        return vec![];
    }
    if !v.things.is_empty() && !has_thing(p, s, t, &v) {
        not_fired(
            p,
            Stage::Frames,
            &label,
            "the direct object is not a thing this reading needs",
        );
        return vec![];
    }
    if let (Some(sm), None) = (f.subject, f.object)
        && let Some(out) = subject_only(p, s, t, (&v, prior), sm, f.passive, &ctx, &label)
    {
        return out;
    }
    // "…, a move welcomed by X": the passive's agent judges the act before.
    if f.passive
        && let Some(am) = f.object
        && let Some(out) = judged_in_apposition(p, s, t, (&v, prior), am, &ctx, &label)
    {
        return out;
    }
    let whys = ("no subject in the clause", "no object in the frame");
    let Some((sm, om)) = both_ends(p, &label, (f.subject, f.object), whys) else {
        return vec![];
    };
    if gives_a_predicate_noun(p, t, &v, om, f.passive) {
        // Left free: the noun's frame takes it as the light verb's object.
        not_fired(
            p,
            Stage::Frames,
            &label,
            "the verb gives its indirect object the act a predicate noun names",
        );
        return vec![];
    }
    if v.inverse && names_a_facility(p, s, om) {
        // Still this verb's object, not the subject of a later verb.
        used.push(om);
        not_fired(
            p,
            Stage::Frames,
            &label,
            "the guest names a facility (a base, an embassy), not a visitor",
        );
        return vec![];
    }
    if super::received::source_not_guest(p, t.first, p.mentions[om].first) {
        not_fired(
            p,
            Stage::Frames,
            &label,
            "the object is where something received comes from, not a guest",
        );
        return vec![];
    }
    // "Tillerson offered American help": a demonym on the object naming the
    // subject's own state is where the thing comes from, not a target.
    if p.mentions[om].kind == MentionKind::Demonym && !f.passive && !v.inverse {
        let state = |mi: usize| {
            p.mentions[mi]
                .ents
                .first()
                .and_then(|&e| p.ents[e].iso3.clone())
        };
        if state(om).is_some() && state(om) == state(sm) {
            not_fired(
                p,
                Stage::Frames,
                &label,
                "the object's demonym names the subject's own state",
            );
            return vec![];
        }
    }
    let (mut agents, mut targets) = (group_ents(p, sm), forward_group(p, om));
    // The object's later conjuncts are objects too, not the subject of a
    // coordinated verb ("held talks with his Lithuanian and Latvian
    // counterparts and called on NATO …"). A signed agreement shares them:
    // "signed agreements with X" is the agreement with X (SIGNED+), which
    // supersedes the signing verb's reading.
    // "a dénoncé les frappes de la Bolivie contre le Pérou": the judged
    // event noun's agent stays free for that noun's own statement.
    let judged_agent = p.k.lex.is_verb(p.lang, "evaluate", p.norm(t.first))
        && (t.last..p.mentions[om].first).any(|j| p.noun_at(j, p.mentions[om].first).is_some());
    if !signs_an_agreement(p, s, t) && !judged_agent {
        used.push(om);
        used.extend(targets.iter().map(|&(_, g)| g).filter(|&g| g != om));
    }
    // "they resisted what they see as…": a target naming the very actors
    // of the subject is no relation between them.
    if agents.len() > 1 && same_actors(&agents, &targets) {
        not_fired(
            p,
            Stage::Statements,
            &label,
            "the object names the subject's own actors",
        );
        return vec![];
    }
    if f.passive || v.inverse {
        std::mem::swap(&mut agents, &mut targets);
    }
    // "Algeria protested against Malian interference": a state named does
    // not take to the streets; its protest is diplomatic, a criticism
    // (PLOVER ACCUSE), as "protested to X" is.
    // Only verbs that also name a note of protest (cue kind `protest_note`:
    // "protest", "protester"), not "march" or "take to the streets".
    let diplomatic = v.predicate == Predicate::Protests
        && !f.passive
        && !v.inverse
        && p.k.lex.is_verb(p.lang, "protest_note", p.norm(t.first))
        && named_state(p, sm);
    let (predicate, id) = if diplomatic {
        (Predicate::Criticizes, format!("{}+diplomatic", v.id))
    } else {
        (v.predicate, v.id.clone())
    };
    let rule = Rule {
        predicate,
        id: &id,
        confidence: 0.9,
    };
    let out = cross(p, s, (&agents, &targets), rule, &ctx, span_of(p, t, sm, om));
    p.note(Stage::Statements, |_| {
        format!(
            "rule {label}: fired ({}{}), {} statement(s)",
            f.how,
            if f.passive { ", passive" } else { "" },
            out.len()
        )
    });
    out
}

/// Whether mention `sm` names states by their names or capitals ("Algeria",
/// "Paris"), not by a people ("ethnic Turks").
fn named_state(p: &Prepared, sm: usize) -> bool {
    let m = &p.mentions[sm];
    let text = p.joined(m.first, m.last);
    m.kind == MentionKind::Name
        && !m.ents.is_empty()
        && m.ents.iter().all(|&e| {
            p.ents[e].etype == EntityType::Country
                && p.ents[e].kb.is_some_and(|k| !p.k.kb.is_demonym_of(k, text))
        })
}

/// Whether mention `sm` is a group of protesters or opposition (sector
/// agent OPP).
fn protesters(p: &Prepared, sm: usize) -> bool {
    p.mentions[sm].kind == MentionKind::Sector
        && p.mentions[sm]
            .ents
            .first()
            .and_then(|&e| p.ents[e].cameo.as_deref())
            .is_some_and(|c| c.ends_with("OPP"))
}

/// "Chile lifted its sanctions on Peru, a move welcomed by Bolivia": the
/// agent `am` of a judging participle in apposition judges the main act
/// before the comma (relative_act::appositive_act), so it targets that
/// act's agents.
#[allow(clippy::too_many_arguments)]
fn judged_in_apposition(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    (v, prior): (&VerbEntry, &[Statement]),
    am: usize,
    ctx: &Context,
    label: &str,
) -> Option<Vec<Statement>> {
    let agents = group_ents(p, am);
    let own: Vec<usize> = agents.iter().map(|&(e, _)| e).collect();
    let targets: Vec<_> = appositive_act(p, s, t.first, &own, prior)?
        .into_iter()
        .map(|e| (e, am))
        .collect();
    let rule = Rule {
        predicate: v.predicate,
        id: &v.id,
        confidence: 0.6,
    };
    let span = (
        t.first.min(p.mentions[am].first),
        t.last.max(p.mentions[am].last),
    );
    let out = cross(p, s, (&agents, &targets), rule, ctx, span);
    p.note(Stage::Statements, |_| {
        format!(
            "rule {label}: fired (judges the act its apposition names), {} statement(s)",
            out.len()
        )
    });
    (!out.is_empty()).then_some(out)
}

/// The statements of a verb frame with a subject and no object: a
/// reciprocal among coordinated subjects ("A and B agreed"), the agent of
/// an act told before that the verb judges ("condemned the attack"), a
/// protest against its default target, or for an `alone` entry a one-actor
/// event ("X resigned").
#[allow(clippy::too_many_arguments)]
fn subject_only(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    (v, prior): (&VerbEntry, &[Statement]),
    sm: usize,
    is_passive: bool,
    ctx: &Context,
    label: &str,
) -> Option<Vec<Statement>> {
    // "X and Y, which signed agreements with Moscow": the agreements are
    // with a third party, not between the subjects.
    let third_party = signs_an_agreement(p, s, t) && with_party_after(p, s, t);
    if !is_passive && !third_party {
        let rule = Rule {
            predicate: v.predicate,
            id: &v.id,
            confidence: 0.8,
        };
        if let Some(out) = reciprocal(p, s, t, sm, (rule, v.sym, with_frame(&v.object)), ctx) {
            p.note(Stage::Statements, |_| {
                format!(
                    "rule {label}: fired (reciprocal among coordinated subjects), {} statement(s)",
                    out.len()
                )
            });
            return Some(out);
        }
    }
    let rule = (v.predicate, v.id.as_str());
    let anaphoric = || {
        repeated_act(p, s, t, rule, sm, ctx, prior)
            .map(|out| (out, "repeats an act told before: its target"))
            .or_else(|| {
                judged_act(p, s, t, rule, sm, ctx, prior)
                    .map(|out| (out, "judges an act told before"))
            })
            .or_else(|| {
                parties_addressed(p, s, t, rule, sm, ctx, prior)
                    .map(|out| (out, "addresses the sides of the conflict told before"))
            })
            .or_else(|| {
                super::retaliation::retaliation(p, s, t, v, sm, ctx, prior)
                    .map(|out| (out, "answers the latest hostile act against it"))
            })
    };
    if let Some((out, how)) = (!is_passive).then(anaphoric).flatten() {
        p.note(Stage::Statements, |_| {
            format!("rule {label}: fired ({how}), {} statement(s)", out.len())
        });
        return Some(out);
    }
    if v.predicate == Predicate::Protests
        && let Some(out) = protest_default(p, s, t, sm, ctx, (&v.id, label, ""))
    {
        return Some(out);
    }
    // "des manifestants ont envahi plusieurs ministères", "protesters
    // stormed the parliament": protesters assailing no actor protest.
    if v.predicate == Predicate::Attacks && !is_passive && !v.inverse && protesters(p, sm) {
        let id = format!("{}+protest", v.id);
        if let Some(out) = protest_default(
            p,
            s,
            t,
            sm,
            ctx,
            (&id, label, "protesters assailing no actor; "),
        ) {
            return Some(out);
        }
    }
    // "killed 23 people in Tel Aviv": the state where the attack struck.
    if v.predicate == Predicate::Attacks
        && !is_passive
        && !v.inverse
        && let Some(om) = place_target(p, s, t, sm, &v.object)
    {
        let id = format!("{}+place", v.id);
        let rule = Rule {
            predicate: v.predicate,
            id: &id,
            confidence: 0.7,
        };
        let targets = [(p.mentions[om].ents[0], om)];
        let out = cross(
            p,
            s,
            (&group_ents(p, sm), &targets),
            rule,
            ctx,
            span_of(p, t, sm, om),
        );
        p.note(Stage::Statements, |_| {
            format!(
                "rule {label}: fired (no actor targeted: the state of the place struck), {} statement(s)",
                out.len()
            )
        });
        return Some(out);
    }
    if !v.alone || is_passive || v.inverse || !event_form(p, t, ctx) {
        return None;
    }
    let rule = Rule {
        predicate: v.predicate,
        id: &v.id,
        confidence: 0.7,
    };
    let out = alone(p, s, t, sm, rule, ctx);
    p.note(Stage::Statements, |_| {
        format!(
            "rule {label}: fired (one-actor event, no target), {} statement(s)",
            out.len()
        )
    });
    Some(out)
}

/// Whether "with"/"avec" and an actor follow trigger `t` within eight
/// tokens of its sentence.
fn with_party_after(p: &Prepared, s: usize, t: &Trig) -> bool {
    let last = p.sentences[s].last;
    (t.last..(t.last + 8).min(last)).any(|j| {
        matches!(p.norm(j), "with" | "avec")
            && p.starting_in(j + 1, (j + 3).min(last)).next().is_some()
    })
}

/// Whether verb trigger `t` signs (cue kind `sign`) an agreement noun
/// (cue kind `treaty`) that follows it within three tokens.
fn signs_an_agreement(p: &Prepared, s: usize, t: &Trig) -> bool {
    p.k.lex.is_verb(p.lang, "sign", p.norm(t.first))
        && (t.last..(t.last + 3).min(p.sentences[s].last))
            .any(|j| p.k.lex.is(p.lang, "treaty", p.norm(j)))
}

/// Whether the verb form at `t` can state a one-actor event: not a gerund
/// ("her role in rioting") nor an infinitive after a preposition, whose
/// act is called for, intended or refused ("called on them not to
/// demonstrate", "imposed sanctions to protest"), and whose subject is
/// only a controller; unless the clause commits its subject to the act
/// ("agreed to resign": future).
fn event_form(p: &Prepared, t: &Trig, ctx: &Context) -> bool {
    match t.what {
        Trigger::Verb(_, Tense::Gerund) => false,
        Trigger::Verb(_, Tense::Infinitive) => {
            // Past a negation: "à ne pas manifester", "not to resign".
            let negation = |w: &str| {
                p.k.lex.is(p.lang, "negation_pre", w) || p.k.lex.is(p.lang, "negation_post", w)
            };
            let before = (0..t.first).rev().find(|&j| !negation(p.norm(j)));
            ctx.modality == Modality::Future
                || before.is_none_or(|j| {
                    !(is_preposition(p.lang, p.norm(j))
                        || matches!(p.norm(j), "to" | "a" | "de" | "d'" | "afin"))
                })
        }
        _ => true,
    }
}

/// Whether two groups hold the same entities.
fn same_actors(a: &[(usize, usize)], b: &[(usize, usize)]) -> bool {
    a.len() == b.len() && a.iter().all(|(e, _)| b.iter().any(|(x, _)| x == e))
}
