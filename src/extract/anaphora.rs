//! Event anaphora: "Biden condemned the attack" judges an act the text
//! told before ("Iran launched drones at Israel"), so it criticizes the
//! attacker. A verb of cue kind `evaluate` whose direct object is a
//! definite event noun with no actor of its own takes as target the agent
//! of the latest earlier statement of that noun's predicate (any act for a
//! general noun of cue kind `act_noun`: "the decision", "la décision"),
//! in the same sentence or the four before it (two for a general noun).
//! Likewise an act marked as a repetition ("Japan also imposed sanctions")
//! that names no target takes the target of the same act told before.

use super::Prepared;
use super::clause::{is_article, is_preposition};
use super::context::Context;
use super::frames::group_ents;
use super::statements::{Rule, cross};
use super::triggers::Trig;
use crate::predicate::Predicate;
use crate::statement::{Polarity, Statement};
use crate::text::{Kind, Lang};

/// What the evaluated event noun names: acts of one predicate, or any act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Of(Predicate),
    Any,
    /// Any act, named in the speaker's quoted words: a verdict in a
    /// story's reactions judges its headline act first.
    Quoted,
    /// Words said: "rejected the remarks" judges the latest verbal act.
    Remark,
}

/// Sentences before the current one where the act may have been told: a
/// noun of one predicate ("the attack") reaches further than a general one
/// ("the decision"), which any act fits.
const BACK_OF: usize = 4;
const BACK_ANY: usize = 2;
/// The last sentence of a story's headline and lead.
const LEAD: usize = 2;

/// The document entities whose earlier act the evaluate verb `(first, last)`
/// (cue kind `evaluate`, checked by the caller)
/// of sentence `s` judges (all the coordinated agents of that act: "A, B
/// and C accused Qatar … Qatar rejected the accusations" rejects each),
/// with the end of the event noun; `own` are the verb's subjects (no one
/// judges their own act this way).
fn evaluated_act(
    p: &Prepared,
    s: usize,
    (first, last): (usize, usize),
    own: &[usize],
    prior: &[Statement],
) -> Option<(Vec<usize>, usize)> {
    let found = event_object(p, s, last)?;
    act_judged(p, s, first, found, own, prior)
}

/// "accused Rwanda of arming the rebels, a charge Kigali denies", "ce que
/// le Pakistan a toujours nié": a judging verb's object is a remark noun
/// (cue kind `remark`) or French "ce" before its subject, mention `sm`:
/// the object of a relative clause that ends at the verb. The head's
/// token, for [`act_judged`].
fn relative_remark(p: &Prepared, s: usize, sm: usize) -> Option<usize> {
    let k = p.mentions[sm].first;
    let first = p.sentences[s].first;
    let remark = |j: usize| p.k.lex.is(p.lang, "remark", p.norm(j));
    match p.lang {
        Lang::En => {
            let j = if k > first && matches!(p.norm(k - 1), "that" | "which") {
                k - 1
            } else {
                k
            };
            (j >= first + 2 && remark(j - 1) && matches!(p.norm(j - 2), "a" | "an" | "the"))
                .then(|| j - 1)
        }
        Lang::Fr => {
            if k < first + 2 || !matches!(p.norm(k - 1), "que" | "qu'") {
                return None;
            }
            (p.norm(k - 2) == "ce" || remark(k - 2)).then(|| k - 2)
        }
    }
}

/// The agents of the act that judged event noun `(act, end, head)`
/// names, as [`evaluated_act`].
fn act_judged(
    p: &Prepared,
    s: usize,
    first: usize,
    (act, end, head): (Act, usize, usize),
    own: &[usize],
    prior: &[Statement],
) -> Option<(Vec<usize>, usize)> {
    let start = p.tokens[first].start;
    let ours = iris(p, own);
    let fits = |st: &&Statement| {
        (st.sentence_index < s || st.span.1 <= start)
            && st.polarity == Polarity::Positive
            && !ours.contains(&st.subject.id)
            && match act {
                Act::Of(pred) => same_act(st.predicate, pred),
                Act::Any | Act::Quoted => is_act(st.predicate),
                Act::Remark => is_verbal(st.predicate),
            }
    };
    let back = if matches!(act, Act::Of(_)) {
        BACK_OF
    } else {
        BACK_ANY
    };
    let recent = || {
        prior
            .iter()
            .rev()
            .filter(|st| st.sentence_index + back >= s)
            .filter(fits)
    };
    // "Israeli jets struck X after Hezbollah fired rockets … condemned the
    // strikes": the act a verb of the noun's own stem told, else the latest.
    let noun = p.norm(head);
    let near = recent()
        .find(|st| same_stem(&st.rule, noun))
        .or_else(|| recent().next());
    // An act of the headline or lead is the story's: "the attack" refers
    // to it further down.
    let lead = || {
        prior
            .iter()
            .take_while(|st| st.sentence_index <= LEAD)
            .find(|st| act != Act::Any && fits(st))
    };
    let st = if act == Act::Quoted {
        lead().or(near)?
    } else {
        near.or_else(lead)?
    };
    let agents = act_agents(p, prior, st);
    (!agents.is_empty()).then_some((agents, end))
}

/// Whether the lexicon entry of rule id `rule` ("en.attacks.strike",
/// "HALT+en.sanctions.n-sanction+place") has the stem the event noun `noun`
/// starts with ("strikes", "attack"): its slug's first word (a French
/// verb's without its infinitive ending), four letters at least.
fn same_stem(rule: &str, noun: &str) -> bool {
    let Some(entry) = rule
        .split('+')
        .find(|r| r.starts_with("en.") || r.starts_with("fr."))
    else {
        return false;
    };
    let raw = entry.rsplit('.').next().unwrap_or("");
    let slug = raw.strip_prefix("n-").unwrap_or(raw);
    let mut stem = slug.split('-').next().unwrap_or("");
    // French verb slugs are infinitives: "frapper" for "les frappes".
    if entry.starts_with("fr.") && slug == raw {
        for ending in ["er", "ir", "re"] {
            stem = stem.strip_suffix(ending).unwrap_or(stem);
        }
    }
    stem.len() >= 4 && noun.starts_with(stem)
}

/// The document entities of all the coordinated agents of the act `st`
/// told in `prior` (the statements of the same clause, predicate,
/// polarity and target), in order, once each; for an act the two sides do
/// to each other (a pact they signed, talks they held), both sides.
pub(crate) fn act_agents(p: &Prepared, prior: &[Statement], st: &Statement) -> Vec<usize> {
    let mut agents = Vec::new();
    let id = |e: Option<&crate::statement::Entity>| e.map(|x| x.id.clone());
    for o in prior.iter().filter(|o| {
        let same_target = id(o.object.as_deref()) == id(st.object.as_deref());
        let reciprocal = id(o.object.as_deref()) == Some(st.subject.id.clone())
            && id(st.object.as_deref()) == Some(o.subject.id.clone());
        o.sentence_index == st.sentence_index
            && o.span == st.span
            && o.predicate == st.predicate
            && o.polarity == st.polarity
            && (same_target || reciprocal)
    }) {
        if let Some(e) = entity_index(p, &o.subject.id).filter(|e| !agents.contains(e)) {
            agents.push(e);
        }
    }
    agents
}

/// The event noun that is the direct object right after token `after`: a
/// definite article or demonstrative (or any article after a naming
/// clause), at most three modifiers, the noun;
/// nothing naming an actor in it or in the three tokens after it (such a
/// noun has its own agent: "the attack by X").
fn event_object(p: &Prepared, s: usize, after: usize) -> Option<(Act, usize, usize)> {
    let sent = &p.sentences[s];
    if let Some(end) = quoted_name(p, s, after) {
        return Some((Act::Quoted, end, after));
    }
    // "condemned what he called an unprovoked attack": the speaker's own
    // name for the act, any article.
    let mut j = match called(p, s, after) {
        // Any article, or none: "ce qu'il a qualifié d'agression".
        Some(k) if k < sent.last && is_article(p.lang, p.norm(k)) => k + 1,
        Some(k) => k,
        None if after < sent.last && definite(p, p.norm(after)) => after + 1,
        None => return None,
    };
    let lo = j;
    let (act, end) = loop {
        if j >= sent.last || j > lo + 3 || p.tokens[j].kind != Kind::Word {
            return None;
        }
        if let Some((end, n)) = p.noun_at(j, sent.last) {
            break (Act::Of(p.k.lex.nouns[n].predicate), end);
        }
        if p.k.lex.is(p.lang, "act_noun", p.norm(j)) {
            break (Act::Any, j + 1);
        }
        if p.k.lex.is(p.lang, "remark", p.norm(j)) {
            break (Act::Remark, j + 1);
        }
        if is_preposition(p.lang, p.norm(j)) {
            return None;
        }
        j += 1;
    };
    // A conjunct or punctuation after the noun ends its phrase: "condemned
    // the invasion and Hungary welcomed …".
    let phrase_end = (end..(end + 3).min(sent.last))
        .find(|&k| p.tokens[k].kind != Kind::Word || p.k.lex.is(p.lang, "coordinator", p.norm(k)))
        .unwrap_or((end + 3).min(sent.last));
    let named = p.starting_in(lo, phrase_end).next().is_some();
    (!named).then_some((act, end, end - 1))
}

/// "a dénoncé une « menace sans précédent »", "denounced an \"act of
/// despair\"": an indefinite article and the speaker's own words in quotes
/// name the act judged, whatever its kind. The end of the quote, when
/// nothing in it names an actor.
fn quoted_name(p: &Prepared, s: usize, after: usize) -> Option<usize> {
    let last = p.sentences[s].last;
    if after + 2 >= last || !matches!(p.norm(after), "un" | "une" | "a" | "an") {
        return None;
    }
    let open = p.norm(after + 1);
    if !matches!(open, "«" | "\"" | "“") {
        return None;
    }
    let close =
        (after + 2..(after + 10).min(last)).find(|&j| matches!(p.norm(j), "»" | "\"" | "”"))?;
    // The words name an act: "« acte barbare »", not "« jour historique »".
    let act = (after + 2..close)
        .any(|j| p.k.lex.is(p.lang, "act_noun", p.norm(j)) || p.noun_at(j, close).is_some());
    (act && p.starting_in(after + 2, close).next().is_none()).then_some(close + 1)
}

/// After "what he called", "ce qu'il a qualifié de" (cue kind `naming`,
/// within five tokens of `after`): the token after the naming word.
fn called(p: &Prepared, s: usize, after: usize) -> Option<usize> {
    super::frames::naming_end(p, after, p.sentences[s].last)
}

/// A definite article or a demonstrative (not "a", "un", "des").
fn definite(p: &Prepared, w: &str) -> bool {
    match p.lang {
        Lang::En => matches!(w, "the" | "this" | "that" | "these" | "those"),
        Lang::Fr => matches!(
            w,
            "le" | "la" | "les" | "l'" | "ce" | "cet" | "cette" | "ces"
        ),
    }
}

/// Whether an event noun of predicate `noun` names an act of `pred`:
/// the same predicate, or either of criticism and accusation, which news
/// call by each other's names ("accused X of …; X rejected the criticism").
fn same_act(pred: Predicate, noun: Predicate) -> bool {
    let blame = |p| matches!(p, Predicate::Criticizes | Predicate::Accuses);
    pred == noun || blame(pred) && blame(noun)
}

/// Whether `pred` is an act done in words: a criticism, accusation,
/// support, threat, demand or rejection.
fn is_verbal(pred: Predicate) -> bool {
    matches!(
        pred,
        Predicate::Criticizes
            | Predicate::Accuses
            | Predicate::Supports
            | Predicate::Threatens
            | Predicate::DemandsFrom
            | Predicate::Rejects
    )
}

/// Predicates that are acts someone may be judged for: not judgements
/// themselves, nor standing relations.
fn is_act(pred: Predicate) -> bool {
    pred.plover().is_some()
        && !matches!(
            pred,
            Predicate::Criticizes | Predicate::Supports | Predicate::Accuses
        )
}

/// "The EU also announced new sanctions": an act its clause marks as a
/// repetition (cue kind `also`, within five tokens before the trigger
/// `(first, _)`) that names no target of its own has the target of the
/// latest earlier statement of the same predicate by another actor
/// (`own` are the act's agents).
fn repeated_target(
    p: &Prepared,
    s: usize,
    (first, last): (usize, usize),
    pred: Predicate,
    own: &[usize],
    prior: &[Statement],
) -> Option<usize> {
    let lo = first.saturating_sub(5).max(p.sentences[s].first);
    if !(lo..first).any(|j| p.k.lex.is(p.lang, "also", p.norm(j))) && !envoys_object(p, s, last) {
        return None;
    }
    let start = p.tokens[first].start;
    let ours = iris(p, own);
    let target = prior
        .iter()
        .rev()
        .filter(|st| st.sentence_index + BACK_OF >= s)
        .filter(|st| st.sentence_index < s || st.span.1 <= start)
        .find(|st| {
            st.polarity == Polarity::Positive
                && st.predicate == pred
                && !ours.contains(&st.subject.id)
                && st.object.as_ref().is_some_and(|o| !ours.contains(&o.id))
        })?
        .object
        .as_ref()?;
    entity_index(p, &target.id)
}

/// "Germany, France and Poland each expelled four diplomats": a direct
/// object that is a bare envoy noun (cue kind `envoy`) after at most a
/// number or a determiner, with no actor of its own, names the envoys of
/// the state the same act targeted before.
fn envoys_object(p: &Prepared, s: usize, last: usize) -> bool {
    let end = p.sentences[s].last;
    // A number, a quantity, a determiner, "each" ("ont expulsé chacune
    // quatre diplomates").
    let counted = |j: usize| {
        let w = p.norm(j);
        p.tokens[j].kind == Kind::Number
            || is_article(p.lang, w)
            || super::triggers::is_number_word(w)
            || p.k.lex.is(p.lang, "quantity", w)
            || matches!(
                w,
                "each"
                    | "chacun"
                    | "chacune"
                    | "deux"
                    | "trois"
                    | "quatre"
                    | "cinq"
                    | "six"
                    | "sept"
                    | "huit"
                    | "neuf"
                    | "dix"
            )
    };
    let mut j = last;
    while j < end && j < last + 3 && counted(j) {
        j += 1;
    }
    if j >= end || !p.k.lex.is(p.lang, "envoy", p.norm(j)) {
        return false;
    }
    // "four diplomats of X", "quatre diplomates russes": the envoys have a state.
    let named = |a: usize, b: usize| {
        p.starting_in(a, b.min(end))
            .any(|mi| !p.mentions[mi].ents.is_empty())
    };
    let genitive =
        j + 1 < end && matches!(p.norm(j + 1), "of" | "from" | "de" | "du" | "des" | "d'");
    !(named(last, j + 2) || genitive && named(j + 2, j + 4))
}

/// The IRIs of document entities `ents`.
pub(crate) fn iris(p: &Prepared, ents: &[usize]) -> Vec<String> {
    ents.iter()
        .map(|&e| crate::rdf::entity_iri(&p.ents[e].local))
        .collect()
}

/// The document entity of IRI `id`.
pub(crate) fn entity_index(p: &Prepared, id: &str) -> Option<usize> {
    p.ents
        .iter()
        .position(|d| crate::rdf::entity_iri(&d.local) == id)
}

/// "Biden condemned the attack": the verb judges the act its event-noun
/// object names, told before, so its target is that act's agent.
pub(crate) fn judged_act(
    p: &Prepared,
    s: usize,
    t: &Trig,
    rule: (Predicate, &str),
    sm: usize,
    ctx: &Context,
    prior: &[Statement],
) -> Option<Vec<Statement>> {
    if !p.k.lex.is_verb(p.lang, "evaluate", p.norm(t.first)) {
        return None;
    }
    against_found_target(p, s, t, rule, sm, ctx, |own| {
        evaluated_act(p, s, (t.first, t.last), own, prior)
            .or_else(|| {
                // What one denies is first a charge: the latest accusation
                // or criticism, before any verbal act.
                let head = relative_remark(p, s, sm)?;
                let blame = Act::Of(Predicate::Accuses);
                act_judged(p, s, t.first, (blame, t.last, head), own, prior)
                    .or_else(|| act_judged(p, s, t.first, (Act::Remark, t.last, head), own, prior))
            })
            .or_else(|| super::relative_act::relative_act(p, s, sm, t.last, own, prior))
            .or_else(|| super::relative_act::agent_of_event(p, s, t.last, own))
    })
}

/// "Japan also imposed sanctions": an act marked as a repetition, with no
/// target, has the target of the same act told before by another actor.
pub(crate) fn repeated_act(
    p: &Prepared,
    s: usize,
    t: &Trig,
    rule: (Predicate, &str),
    sm: usize,
    ctx: &Context,
    prior: &[Statement],
) -> Option<Vec<Statement>> {
    against_found_target(p, s, t, rule, sm, ctx, |own| {
        repeated_target(p, s, (t.first, t.last), rule.0, own, prior)
            .map(|target| (vec![target], t.last))
    })
}

/// The statements of trigger `t` from the actors coordinated with mention
/// `sm` to the target `find` gives for them (with the end of the words
/// that named it), at the confidence of a resolved anaphor.
fn against_found_target(
    p: &Prepared,
    s: usize,
    t: &Trig,
    (predicate, id): (Predicate, &str),
    sm: usize,
    ctx: &Context,
    find: impl FnOnce(&[usize]) -> Option<(Vec<usize>, usize)>,
) -> Option<Vec<Statement>> {
    let agents = group_ents(p, sm);
    let own: Vec<usize> = agents.iter().map(|&(e, _)| e).collect();
    let (targets, end) = find(&own)?;
    let targets: Vec<_> = targets.into_iter().map(|e| (e, sm)).collect();
    let rule = Rule {
        predicate,
        id,
        confidence: 0.6,
    };
    let span = (p.mentions[sm].first.min(t.first), end.max(t.last));
    let out = cross(p, s, (&agents, &targets), rule, ctx, span);
    (!out.is_empty()).then_some(out)
}
