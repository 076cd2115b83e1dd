//! Relations: for each trigger ([`super::triggers`]), its subject and object
//! (clause subject, relative antecedent, controller of an infinitive,
//! passive agent, nominal agent and patient), one statement per coordinated
//! actor, with the clause context of [`super::context`].

use super::clause::{self, is_article, is_preposition};
use super::context::{Context, clause_start, context};
use super::governors::{
    as_rejection, as_threat, complementizer_at, conditional_threat, declared_refusals,
    in_infinitive_phrase, reported_accusations, unfulfilled_refusal, unfulfilled_threat,
    unless_after,
};
use super::mentions::coref::{coordination_group, is_subject_position};
use super::mentions::is_function_word;
use super::triggers::{Trig, triggers};
use super::{Mention, MentionKind, Prepared};
use crate::lexicon::inflect::Tense;
use crate::lexicon::{EntityType, Trigger};
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};
use crate::text::{Kind, Lang};

/// Runs relation extraction over every sentence.
pub fn find(p: &mut Prepared) -> Vec<Statement> {
    let quotes = clause::quotes(p);
    let mut out = Vec::new();
    for s in 0..p.sentences.len() {
        let trigs = triggers(p, s);
        let mut used_objects: Vec<usize> = Vec::new();
        // End of the last demand that fired ("called on Serbia to …").
        let mut demand_end: Option<usize> = None;
        // A threat verb that found no object: the position of the "to"/"de"
        // after it and its rule. The infinitive that follows names the
        // threatened action ("threatened to attack India").
        let mut threat: Option<(usize, String)> = None;
        // Likewise a refusal verb ("refused to lift sanctions on X"): the
        // refused action stays (negated) and the refusal rejects its target.
        let mut refusal: Option<(usize, String)> = None;
        // Threat verbs that made no statement, for their conditions.
        let mut unfulfilled_threats: Vec<(Trig, String)> = Vec::new();
        let first_out = out.len();
        for t in &trigs {
            for what in std::iter::once(t.what).chain(t.alts.iter().copied()) {
                let t = Trig {
                    what,
                    alts: Vec::new(),
                    ..t.clone()
                };
                let made = match what {
                    Trigger::Verb(..) => verb_statements(p, s, &t, &quotes, &mut used_objects),
                    Trigger::Noun(_) => {
                        super::nouns::noun_statements(p, s, &t, &quotes, &mut used_objects)
                    }
                    Trigger::Role(_) => Vec::new(),
                };
                let made = entry_plover(p, what, made);
                if made.is_empty() {
                    if let Some(found) = unfulfilled_threat(p, &t) {
                        unfulfilled_threats.push((t.clone(), found.1.clone()));
                        threat = Some(found);
                    } else if let Some(found) = unfulfilled_refusal(p, &t) {
                        refusal = Some(found);
                    }
                    continue;
                }
                if let Some((end, rule)) = refusal.take() {
                    if in_infinitive_phrase(p, end, &t) {
                        let rejections: Vec<Statement> = made
                            .iter()
                            .filter(|st| st.polarity == Polarity::Negative)
                            .map(|st| as_rejection(st.clone(), &rule))
                            .collect();
                        out.extend(made);
                        out.extend(rejections);
                        break;
                    }
                }
                // The infinitive phrase after the threat's "to"/"de" (at `end`):
                // "threatened to attack India", "to launch an offensive against X".
                if let Some((end, rule)) = threat.take() {
                    if in_infinitive_phrase(p, end, &t) {
                        out.extend(made.into_iter().map(|st| as_threat(st, &rule)));
                        break;
                    }
                }
                // "will withdraw from Chad unless …": a conditioned commitment is a threat.
                if unless_after(p, s, &t) {
                    out.extend(made.into_iter().map(|st| {
                        if matches!(st.modality, Modality::Future | Modality::Possible) {
                            as_threat(st, "UNLESS")
                        } else {
                            st
                        }
                    }));
                    break;
                }
                if demanded_action(p, t.first, demand_end) {
                    // What someone is called on to do is not asserted.
                    break;
                }
                if made.iter().any(|st| st.predicate == Predicate::DemandsFrom) {
                    demand_end = Some(t.last);
                }
                let refusals = declared_refusals(&made);
                let accusations = reported_accusations(p, s, &t, &made);
                out.extend(made);
                out.extend(refusals);
                out.extend(accusations);
                break;
            }
        }
        // "threatened to strike unless Israel …": the threat is against the
        // actor whose act the condition names, when the threatened action
        // itself named no target.
        for (t, rule) in unfulfilled_threats {
            let prefix = format!("{rule}+");
            if out[first_out..]
                .iter()
                .any(|st| st.rule.starts_with(&prefix))
            {
                continue;
            }
            out.extend(conditional_threat(p, s, &t, &rule, &quotes));
        }
        out.extend(super::obligation::statements(p, s));
    }
    out
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

/// The first actor of a demanded clause starting at `from` ("demanded that
/// Israel lift …", "sa demande que la Serbie reconnaisse …"): the addressee.
pub(crate) fn demanded_clause_subject(
    p: &Prepared,
    s: usize,
    from: usize,
    used: &[usize],
) -> Option<usize> {
    let end = p.sentences[s].last;
    p.starting_in(from.saturating_sub(1), end + 1)
        .map(|mi| (mi, &p.mentions[mi]))
        .find(|(mi, m)| {
            // A title mention may have taken the "that" in ("that President X").
            m.first + 1 >= from
                && m.last > from
                && m.last <= end
                && usable(m)
                && !m.locative
                && !used.contains(mi)
        })
        .map(|(mi, _)| mi)
}

/// Records why a rule did not fire (for `explain` only).
pub(crate) fn not_fired(p: &mut Prepared, label: &str, why: &str) {
    p.note(|_| format!("rule {label}: not fired: {why}"));
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
            not_fired(p, label, whys.0);
            None
        }
        (Some(_), None) => {
            not_fired(p, label, whys.1);
            None
        }
    }
}

/// Whether the trigger at `first` is the infinitive of a demand that ended at
/// `demand_end`: "urged Iran to release", "a appelé la Serbie à reconnaître".
fn demanded_action(p: &Prepared, first: usize, demand_end: Option<usize>) -> bool {
    let Some(end) = demand_end else {
        return false;
    };
    first > end
        && first - end <= 10
        && first > 0
        && matches!(p.norm(first - 1), "to" | "a" | "de" | "d'")
}

/// Whether the English infinitive at `head` follows "to" right after an
/// actor that is not a location and is itself the object of a preposition:
/// "permission to Russia to help", "it is up to Iran to act" (unlike "sent
/// troops to Mali to help", or "expect Chile to support X", read as future).
fn object_controlled(p: &Prepared, head: usize) -> bool {
    p.lang == Lang::En
        && head >= 2
        && p.norm(head - 1) == "to"
        && p.ending_at(head - 1).any(|mi| {
            let m = &p.mentions[mi];
            !m.locative && usable(m) && m.first > 0 && is_preposition(p.lang, p.norm(m.first - 1))
        })
}

/// The domestic default target of a protest that names none
/// ([`super::protest::domestic_protest`]), noted for `explain`; `rule` is
/// the entry id, the label `explain` shows and how the agent was found.
pub(crate) fn protest_default(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    agent: usize,
    ctx: &Context,
    rule: (&str, &str, &str),
) -> Option<Vec<Statement>> {
    let (id, label, how) = rule;
    let out = super::protest::domestic_protest(p, s, t, agent, ctx, id);
    if out.is_empty() {
        return None;
    }
    p.note(|_| {
        format!(
            "rule {label}: fired ({how}no target named: the government of the protesters' country), {} statement(s)",
            out.len()
        )
    });
    Some(out)
}

/// Whether a mention can be a subject or object (possessive determiners only
/// ever qualify a noun; bare officials have no affiliation).
pub(crate) fn usable(m: &Mention) -> bool {
    !m.ents.is_empty()
        && !matches!(
            m.kind,
            MentionKind::Demonym | MentionKind::BareOfficials | MentionKind::Possessive
        )
}

/// The subject mention of a clause `[start, head)`: the nearest usable
/// mention in subject position, skipping objects of earlier triggers.
pub(crate) fn subject_in(p: &Prepared, start: usize, head: usize, used: &[usize]) -> Option<usize> {
    let mut best = None;
    for (mi, m) in p.lying_in(start, head) {
        if usable(m) && !m.locative && !used.contains(&mi) && is_subject_position(p, m) {
            best = Some(mi);
        }
    }
    best
}

fn bare_officials_in(p: &Prepared, start: usize, head: usize) -> bool {
    p.lying_in(start, head)
        .any(|(_, m)| m.kind == MentionKind::BareOfficials)
}

/// Whether a folded word looks like a past participle: English "-ed",
/// French feminine "-ée(s)" (folding hides the masculine "-é").
fn participle_like(lang: Lang, w: &str) -> bool {
    w.len() > 4
        && match lang {
            Lang::En => w.ends_with("ed"),
            Lang::Fr => w.ends_with("ee") || w.ends_with("ees"),
        }
}

/// Matches marker tokens at `j` (French contractions allowed); returns the end.
fn marker_at(p: &Prepared, j: usize, marker: &[String]) -> Option<usize> {
    let mut k = j;
    for (n, w) in marker.iter().enumerate() {
        let t = p.norm(k);
        let last = n + 1 == marker.len();
        let ok = t == w
            || (p.lang == Lang::Fr && w == "a" && (t == "au" || t == "aux"))
            || (p.lang == Lang::Fr && w == "de" && last && (t == "du" || t == "des" || t == "d'"))
            || (p.lang == Lang::Fr && w == "d'" && t == "de");
        if !ok {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Finds the first usable mention after `from` introduced by one of
/// `markers` (empty slice = a direct object), within the clause.
#[allow(clippy::too_many_arguments)]
pub(crate) fn object_after(
    p: &Prepared,
    s: usize,
    from: usize,
    markers: &[Vec<String>],
    direct: bool,
    types: Option<&[EntityType]>,
    exclude: &[usize],
    allow_locative: bool,
) -> Option<usize> {
    let end = p.sentences[s].last;
    let mut j = from;
    let mut seen_marker = direct;
    let mut strict = false;
    let mut words = 0;
    while j < end {
        let w = p.norm(j);
        if matches!(w, ";" | ":" | "." | "?" | "!")
            || p.k.lex.is(p.lang, "relative_subject", w)
            || (matches!(
                w,
                "que"
                    | "qu'"
                    | "that"
                    | "which"
                    | "who"
                    | "pour"
                    | "afin"
                    | "while"
                    | "alors"
                    | "tandis"
                    | "but"
                    | "mais"
                    | "because"
                    | "car"
                    | "if"
                    | "si"
            ) && j > from)
        {
            return None;
        }
        if w == "," && j > from {
            return None;
        }
        if let Some((end_m, m)) = markers
            .iter()
            .filter_map(|m| marker_at(p, j, m).map(|e| (e, m)))
            .max_by_key(|x| x.0)
        {
            // "investigation into crimes committed by X": the agent of a
            // participle after another noun, not of the predicate ("sanctions
            // imposed by X" keep theirs).
            if j > from + 1
                && matches!(m[0].as_str(), "by" | "par")
                && participle_like(p.lang, p.norm(j - 1))
            {
                return None;
            }
            // A second "de" after the first marker's noun is a genitive
            // ("se retirer de l'accord sur les céréales de la mer Noire").
            if seen_marker && strict && words > 1 {
                return None;
            }
            seen_marker = true;
            // A bare genitive ("de", "of") must be followed by the actor itself.
            strict = m.len() == 1 && matches!(m[0].as_str(), "de" | "d'" | "of");
            j = end_m;
            words = 0;
            continue;
        }
        if let Some(mi) = p.starting_at(j) {
            let m = &p.mentions[mi];
            let ok_type = m
                .ents
                .first()
                .is_some_and(|&e| types.is_none_or(|ts| ts.contains(&p.ents[e].etype)));
            let ok_loc = !m.locative || allow_locative;
            let prev = if j > 0 { p.norm(j - 1) } else { "" };
            let ok_position = if seen_marker && !markers.is_empty() {
                !(strict && words > 0)
            } else if direct && j == from {
                true
            } else if direct {
                // direct object: no preposition, or "NOUN de X" ("les demandes de Poutine"),
                // or the author of a proposal ("dismissed an appeal from X").
                !is_preposition(p.lang, prev)
                    || (words > 0 && matches!(prev, "de" | "du" | "des" | "d'" | "of"))
                    || (words > 0
                        && matches!(prev, "from" | "by" | "of" | "de" | "du" | "des" | "d'")
                        && (from..j).any(|k| p.k.lex.is(p.lang, "utterance", p.norm(k))))
                    || (words == 0 && j == from + 1 && matches!(prev, "des" | "du" | "de" | "d'"))
            } else {
                false
            };
            // "rejected a Chilean ultimatum", "a condamné l'offensive russe": a
            // demonym on a direct object's predicate noun names its owner.
            let demonym_owner = m.kind == MentionKind::Demonym
                && (direct && markers.is_empty() || seen_marker && !markers.is_empty())
                && m.ents
                    .first()
                    .is_some_and(|&e| p.ents[e].etype == EntityType::Country)
                && match p.lang {
                    Lang::En => {
                        words == 0
                            && p.tokens
                                .get(m.last)
                                .is_some_and(|t| t.kind == Kind::Word && !t.upper)
                    }
                    Lang::Fr => words == 1 && j > 0 && p.tokens[j - 1].kind == Kind::Word,
                };
            if (usable(m) || demonym_owner)
                && ok_type
                && ok_loc
                && ok_position
                && !exclude.contains(&mi)
            {
                return Some(mi);
            }
            if direct
                && markers.is_empty()
                && usable(m)
                && !m.locative
                && !(matches!(prev, "de" | "du" | "des" | "d'" | "of"))
                && ok_type
            {
                // another actor blocks the search
                return None;
            }
            j = m.last;
            continue;
        }
        // A reporting verb starts another clause: "hosted the talks and said ...".
        if j > from && p.k.lex.is_verb(p.lang, "speech", w) {
            return None;
        }
        // Another predicate noun starts a new phrase: "un soutien dans son conflit avec X";
        // not a proposal whose author follows ("rejected recent calls by X"), nor an
        // English modifier ("the withdrawal of invasion forces from X").
        let modifier = p.lang == Lang::En
            && p.tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == Kind::Word && !t.upper && !is_function_word(p, &t.norm));
        if j > from
            && !modifier
            && !p.k.lex.is(p.lang, "utterance", w)
            && (words > 0
                || matches!(
                    p.norm(j - 1),
                    "son" | "sa" | "ses" | "leur" | "leurs" | "his" | "her" | "their" | "its"
                ))
            && p.noun_at(j, end).is_some()
        {
            return None;
        }
        if p.tokens[j].kind == Kind::Word && !is_article(p.lang, w) {
            words += 1;
            if words > 6 {
                return None;
            }
            // another verb of the lexicon ends the object zone
            if j > from + 1
                && p.k.lex.verb(p.lang, w).is_some()
                && !is_article(p.lang, p.norm(j - 1))
                && words > 2
            {
                return None;
            }
        }
        j += 1;
    }
    None
}

pub(crate) fn group_ents(p: &Prepared, mi: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for g in coordination_group(p, mi) {
        for &e in &p.mentions[g].ents {
            if !out.iter().any(|(x, _)| *x == e) {
                out.push((e, g));
            }
        }
    }
    out
}

pub(crate) fn forward_group(p: &Prepared, mi: usize) -> Vec<(usize, usize)> {
    coordination_group(p, mi)
        .into_iter()
        .filter(|&g| g == mi || g > mi && usable(&p.mentions[g]))
        .flat_map(|g| p.mentions[g].ents.iter().map(move |&e| (e, g)))
        .collect()
}

fn tense_of(t: &Trig) -> Option<Tense> {
    match t.what {
        Trigger::Verb(_, tense) => Some(tense),
        _ => None,
    }
}

/// Whether the verb at `head` is in the passive voice ("was criticized by").
fn passive(p: &Prepared, s: usize, t: &Trig, pronominal: bool) -> bool {
    if pronominal || tense_of(t) != Some(Tense::Participle) {
        return false;
    }
    let lo = t.first.saturating_sub(3).max(p.sentences[s].first);
    let be = (lo..t.first).any(|j| p.k.lex.is(p.lang, "aux_be", p.norm(j)));
    let have_right_before = t.first > 0 && p.k.lex.is(p.lang, "aux_have", p.norm(t.first - 1));
    let by =
        (t.last..(t.last + 3).min(p.sentences[s].last)).any(|j| matches!(p.norm(j), "par" | "by"));
    be && (!have_right_before || p.norm(t.first - 1) == "been") && by
}

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
    if subj == obj {
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
    let sent = &p.sentences[s];
    Some(Statement {
        doc: p.doc.id.clone(),
        sentence_index: s,
        sentence: p.doc.text[sent.start..sent.end].to_string(),
        span: (p.tokens[span.0].start, p.tokens[span.1 - 1].end),
        subject: p.entity_json(subj),
        predicate: pred,
        plover: crate::statement::plover_of(pred, ctx.modality),
        object: p.entity_json(obj),
        polarity: ctx.polarity,
        modality: ctx.modality,
        attributed_to: ctx.attributed.map(|a| {
            p.entity_json(if ctx.speakers.contains(&subj) {
                subj
            } else {
                a
            })
        }),
        confidence: conf,
        rule,
        date: p.doc.date.clone(),
    })
}

fn verb_statements(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    quotes: &[clause::Quote],
    used: &mut Vec<usize>,
) -> Vec<Statement> {
    let Trigger::Verb(e, tense) = t.what else {
        return vec![];
    };
    let v = p.k.lex.verbs[e].clone();
    let (start, barrier) = clause_start(p, s, t.first);
    let ctx = context(p, s, t, start, barrier.as_deref(), quotes, Some(tense));
    // For `explain` only.
    let label = p.why(|| format!("{} \"{}\"", v.id, p.surface(t.first, t.last)));
    if let Some(why) = ctx.blocked {
        not_fired(p, &label, why);
        return vec![];
    }
    // "victims killed by X", "a camp attacked by militias": a participle
    // right before "by" with no auxiliary is a reduced passive relative; its
    // patient is the noun right before it.
    let reduced = p.lang == Lang::En
        && !v.pronominal
        && matches!(tense, Tense::Participle | Tense::Past)
        && t.last == t.first + 1
        && p.norm(t.last) == "by"
        && !(t.first > 0 && p.k.lex.is(p.lang, "aux_have", p.norm(t.first - 1)));
    let full_passive = passive(p, s, t, v.pronominal);
    let is_passive = full_passive || reduced;
    // Object (or agent, in the passive).
    let obj = if is_passive {
        let by = vec![vec!["par".to_string()], vec!["by".to_string()]];
        object_after(p, s, t.last, &by, false, None, used, false)
    } else {
        object_after(
            p,
            s,
            t.last,
            &v.object,
            v.direct,
            // For "X hosted Y" the type constraint is on the host, not the guest.
            if v.inverse { None } else { v.types.as_deref() },
            used,
            v.types
                .as_ref()
                .is_some_and(|ts| ts.contains(&EntityType::Place)),
        )
    };
    // Subject: in the clause, else the relative antecedent, else the controller of an infinitive.
    let mut subj = subject_in(p, start, t.first, used);
    // "Israel said a mortar bomb was fired at it": the speaker before a
    // reporting verb is not the subject of the reported clause, whose own
    // subject (here no actor) follows the verb.
    if let Some(sm) = subj {
        // The reported clause opens with a determiner or a number ("said
        // a bomb was fired", "said 20 people were killed").
        let reported = (p.mentions[sm].last..t.first).any(|k| {
            p.k.lex.is_verb(p.lang, "speech", p.norm(k))
                && k + 1 < t.first
                && (is_article(p.lang, p.norm(k + 1)) || p.tokens[k + 1].kind == Kind::Number)
        });
        if reported {
            subj = None;
        }
    }
    let mut how_subj = "subject of the clause";
    let mut obj = obj;
    if subj.is_none() {
        if let Some(b) = barrier.as_deref() {
            if p.k.lex.is(p.lang, "relative_subject", b) && start >= 1 {
                subj = subject_antecedent(p, start - 1);
                how_subj = "antecedent of the relative pronoun";
            }
        }
    }
    if tense == Tense::Infinitive && object_controlled(p, t.first) {
        // "gave permission to Russia to help Israel": the actor before "to"
        // would act, and only may or must.
        not_fired(
            p,
            &label,
            "infinitive after an actor: what that actor may or must do is not asserted",
        );
        return vec![];
    }
    if subj.is_none() && matches!(tense, Tense::Infinitive | Tense::Gerund) {
        subj = controller(p, s, t.first, used);
        how_subj = "controller of the infinitive";
    }
    if subj.is_none() && bare_officials_in(p, start, t.first) {
        // "X said that officials would not attend": the officials are X's.
        if let Some(a) = ctx.attributed {
            if let Some(mi) = p.mentions.iter().position(|m| m.ents == vec![a]) {
                subj = Some(mi);
                how_subj = "officials of the speaker";
            }
        }
    }
    if reduced && !full_passive {
        subj = p.ending_at(t.first).find(|&mi| {
            let m = &p.mentions[mi];
            usable(m) && !m.locative
        });
        how_subj = "noun before a reduced passive";
    }
    // Relative object: "un événement que X a boycotté".
    if obj.is_none()
        && !is_passive
        && matches!(
            barrier.as_deref(),
            Some("que" | "qu'" | "that" | "which" | "whom")
        )
        && v.direct
        && start >= 1
        && !speech_before(p, start - 1)
    {
        obj = antecedent_before(p, start - 1).filter(|&mi| {
            v.types.as_ref().is_none_or(|ts| {
                p.mentions[mi]
                    .ents
                    .first()
                    .is_some_and(|&e| ts.contains(&p.ents[e].etype))
            })
        });
    }
    // "X demanded that Y ...": the subject of the complement is the addressee.
    if obj.is_none()
        && subj.is_some()
        && v.predicate == Predicate::DemandsFrom
        && let Some(that) = complementizer_at(p, s, t.last)
    {
        obj = demanded_clause_subject(p, s, that + 1, used);
        how_subj = "subject of the clause; addressee is the subject of the demanded clause";
    }
    // "A and B agreed": a reciprocal statement within the coordinated subjects.
    if obj.is_none()
        && !is_passive
        && let Some(sm) = subj
    {
        let rule = Rule {
            predicate: v.predicate,
            id: &v.id,
            confidence: 0.8,
        };
        if let Some(out) = reciprocal(p, s, t, sm, (rule, v.sym, with_frame(&v.object)), &ctx) {
            p.note(|_| {
                format!(
                    "rule {label}: fired (reciprocal among coordinated subjects), {} statement(s)",
                    out.len()
                )
            });
            return out;
        }
    }
    if let (Some(sm), None, Predicate::Protests) = (subj, obj, v.predicate) {
        if let Some(out) = protest_default(p, s, t, sm, &ctx, (&v.id, &label, "")) {
            return out;
        }
    }
    let whys = ("no subject in the clause", "no object in the frame");
    let Some((sm, om)) = both_ends(p, &label, (subj, obj), whys) else {
        return vec![];
    };
    used.push(om);
    let (mut agents, mut targets) = (group_ents(p, sm), forward_group(p, om));
    if is_passive || v.inverse {
        std::mem::swap(&mut agents, &mut targets);
    }
    let rule = Rule {
        predicate: v.predicate,
        id: &v.id,
        confidence: 0.9,
    };
    let out = cross(p, s, (&agents, &targets), rule, &ctx, span_of(p, t, sm, om));
    p.note(|_| {
        format!(
            "rule {label}: fired ({how_subj}{}), {} statement(s)",
            if is_passive { ", passive" } else { "" },
            out.len()
        )
    });
    out
}

/// A coordinated actor: (document entity, mention index).
type Member = (usize, usize);

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
    // frames whose target comes after "with" ("upgraded ties", "cut ties").
    let reciprocal = relational
        || matches!(
            rule.predicate,
            Predicate::AgreesWith
                | Predicate::Meets
                | Predicate::CooperatesWith
                | Predicate::AllyOf
        );
    if !reciprocal || group.len() < 2 {
        return None;
    }
    let m = &p.mentions[mi];
    let span = (m.first.min(t.first), m.last.max(t.last));
    let mut out = Vec::new();
    for &(a, _) in &group {
        for &(b, _) in &group {
            if a != b && (a < b || !sym) {
                out.extend(rule.make(p, s, (a, b), ctx, span));
            }
        }
    }
    Some(out)
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

fn speech_before(p: &Prepared, j: usize) -> bool {
    let lo = j.saturating_sub(3);
    (lo..j).any(|k| p.k.lex.is_verb(p.lang, "speech", p.norm(k)))
}

/// The nearest usable, non-locative mention ending before token `j`.
fn antecedent_before(p: &Prepared, j: usize) -> Option<usize> {
    p.lying_in(j.saturating_sub(12 + p.span_bound), j)
        .filter(|(_, m)| usable(m) && !m.locative && j - m.last <= 12)
        .map(|(i, _)| i)
        .last()
}

/// The antecedent of a relative subject pronoun at `j`: the actor right
/// before it (a comma may come between). "l'initiative qui permettait à
/// l'Ukraine …": the antecedent is the initiative, not an earlier actor.
fn subject_antecedent(p: &Prepared, j: usize) -> Option<usize> {
    let end = if j > 0 && p.norm(j - 1) == "," {
        j - 1
    } else {
        j
    };
    p.ending_at(end).find(|&mi| {
        let m = &p.mentions[mi];
        usable(m) && !m.locative
    })
}

/// The subject of the clause governing an infinitive: the nearest
/// subject-position mention to the left in the sentence.
fn controller(p: &Prepared, s: usize, head: usize, used: &[usize]) -> Option<usize> {
    let first = p.sentences[s].first;
    subject_in(p, first, head, used)
}
