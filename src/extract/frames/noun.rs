//! The arguments of a predicate noun ("talks with X", "X's support for Y",
//! "la pression de X sur Y"): its agent (possessive, genitive, demonym,
//! marker, or the subject of its light verb) and its patient (a marker, a
//! demanded clause, or the light verb's direct object).

use super::super::clause::{
    article_before, complementizer_at, cue_verb_before, in_time_adjunct, is_article, is_preposition,
};
use super::super::context::main_clause_subject;
use super::super::mentions::coref::is_subject_position;
use super::super::mentions::is_function_word;
use super::super::triggers::Trig;
use super::super::{Mention, MentionKind, Prepared};
use super::{Frame, demanded_clause_subject, object_after, usable};
use crate::lexicon::{EntityType, NounEntry};
use crate::predicate::Predicate;
use crate::text::{Kind, Lang};

/// Attaches the arguments of predicate noun `entry` at trigger `t`: a
/// possessive or genitive, a demonym, a marker ("pressure from X on Y"),
/// a demanded clause, or the subject and object of its light verb.
pub(crate) fn noun_frame(
    p: &Prepared,
    s: usize,
    t: &Trig,
    entry: &NounEntry,
    start: usize,
    used: &[usize],
) -> Frame {
    let after = t.last;
    let agent_marked = if entry.agent.is_empty() {
        None
    } else {
        object_after(p, s, after, &entry.agent, false, None, used, false)
    };
    // The patient is never the agent: "le retrait du Royaume-Uni de l'UE";
    // with a possessive or demonym agent the de-phrase is the patient: "le
    // retrait américain de l'accord".
    let mut used_agent = used.to_vec();
    if possessor_before(p, t.first)
        .or_else(|| demonym_agent(p, t))
        .is_none()
    {
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
    // Exercises "in Belarus" are held there, often with it; "in Alaska", a
    // place of another state, they are a show of force against that state.
    let patient = patient.filter(|&mi| {
        let m = &p.mentions[mi];
        let k = article_before(p, m.first, t.last);
        entry.predicate != Predicate::MobilizesAgainst
            || !(k > 0 && matches!(p.norm(k - 1), "in" | "en" | "dans"))
            || m.ents
                .first()
                .is_some_and(|&e| p.ents[e].etype == EntityType::Place)
    });
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
    let (clause_subj, coordinated) = light_verb_subject(p, s, t, entry, start, used);
    let possessor = possessor_before(p, t.first).or_else(|| demonym_agent(p, t));
    if suffer {
        return Frame {
            subject: clause_subj,
            object: agent_marked,
            passive: true,
            clause_subject: true,
            how: "subject undergoes the nominal event",
        };
    }
    let (agent, target, how) = if let Some(a) = possessor {
        (Some(a), patient, "possessive determiner or genitive")
    } else if let Some(a) = agent_marked.filter(|a| Some(*a) != patient) {
        (Some(a), patient, "agent introduced by a marker")
    } else if patient.is_none() {
        // "X engaged Y in a firefight", "X gave Y support": the light verb's
        // direct object is the target.
        match clause_subj.and_then(|sm| light_verb_object(p, sm, t, used)) {
            Some(o) if coordinated => (clause_subj, Some(o), super::COORDINATED_SUBJECT),
            Some(o) => (clause_subj, Some(o), "subject and object of the light verb"),
            // "would raise the protests with X": a definite event noun with
            // neither agent nor target is an event told before, not the
            // clause subject's own act.
            None if definite_before(p, t.first) => (None, None, "a definite event told before"),
            None if coordinated => (clause_subj, patient, super::COORDINATED_SUBJECT),
            None => (clause_subj, patient, "subject of the light verb"),
        }
    } else if coordinated {
        (clause_subj, patient, super::COORDINATED_SUBJECT)
    } else {
        (clause_subj, patient, "subject of the light verb")
    };
    Frame {
        subject: agent,
        object: target,
        passive: false,
        clause_subject: agent.is_some() && agent == clause_subj,
        how,
    }
}

/// Whether the English definite article stands right before the noun at
/// `head` ("the protests").
fn definite_before(p: &Prepared, head: usize) -> bool {
    p.lang == crate::text::Lang::En && head > 0 && p.norm(head - 1) == "the"
}

/// The subject of the light verb, which opens the clause ("X a fait part
/// de sa préoccupation"), unless the nominal event is in a time or
/// concession adjunct; and whether it is the main clause's, shared across
/// "and".
fn light_verb_subject(
    p: &Prepared,
    s: usize,
    t: &Trig,
    entry: &NounEntry,
    start: usize,
    used: &[usize],
) -> (Option<usize>, bool) {
    let clause_subj = p
        .lying_in(start, t.first)
        .find(|(_, m)| m.kind != MentionKind::Demonym && !m.locative)
        .map(|(mi, _)| mi)
        .filter(|&mi| {
            usable(&p.mentions[mi])
                && is_subject_position(p, &p.mentions[mi])
                && !used.contains(&mi)
        })
        // "les dirigeants du G7, qui ont exprimé leur solidarité avec X": a
        // clause opened by a subject relative pronoun has its antecedent as
        // subject.
        .or_else(|| {
            (start >= 1
                && !p.lying_in(start, t.first).any(|(_, m)| usable(m))
                && p.k.lex.is(p.lang, "relative_subject", p.norm(start - 1)))
            .then(|| super::subject_antecedent(p, start - 1))
            .flatten()
        });
    // "X sent a fleet to deter others, and Biden promised Israel more
    // munitions": a clause coordinated after the first has its own subject.
    // A mention that may be the subject of a clause before the noun.
    let candidate = |k: usize, m: &Mention| {
        usable(m)
            && !m.locative
            && m.kind != MentionKind::Demonym
            && is_subject_position(p, m)
            && !used.contains(&k)
    };
    let clause_subj = clause_subj.map(|mi| {
        p.lying_in(p.mentions[mi].last, t.first)
            .filter(|&(k, m)| {
                let b = article_before(p, m.first, 0);
                b > 0
                    && matches!(p.norm(b - 1), "et" | "and" | "mais" | "but")
                    && super::is_verb_form(p, m.last)
                    && candidate(k, m)
            })
            .last()
            .map_or(mi, |(k, _)| k)
    });
    // "Pompeo said Trump would raise the protests": after a speech verb
    // with no "that", the reported clause's subject nearest the noun is the
    // light verb's.
    let clause_subj = clause_subj.map(|mi| {
        let after = p.mentions[mi].last;
        (after..t.first)
            .rev()
            .find(|&j| p.k.lex.is_verb(p.lang, "speech", p.norm(j)))
            .and_then(|v| {
                p.lying_in(v + 1, t.first)
                    .filter(|&(k, m)| candidate(k, m))
                    .last()
                    .map(|(k, _)| k)
            })
            .unwrap_or(mi)
    });
    // "following the invasion of X", "malgré l'offensive": a nominal event
    // in a time or concession adjunct is not the clause subject's act.
    // Meetings still involve the subject ("lors d'un appel avec X").
    // Nor is the event a judging verb takes as object: "condemned the
    // attack on X" is someone else's attack.
    // "X said that no one was hurt and announced new sanctions on Y":
    // a light verb right after "and" whose clause has no subject shares
    // the sentence's first subject, as a verb does.
    let coordinated = clause_subj.is_none();
    let clause_subj = clause_subj.or_else(|| {
        let lo = t.first.saturating_sub(4).max(start);
        let v = (lo..t.first).rev().find(|&j| super::is_verb_form(p, j))?;
        let and = super::verb::coordinator_before(p, v, start)?;
        // Not a second infinitive: "a resolution that aims to tighten
        // sanctions and impose a blockade" names no act of the subject.
        let infinitive = (start..and).any(|j| super::verb::infinitive_marker(p, j));
        if infinitive {
            return None;
        }
        main_clause_subject(p, s, and, used)
    });
    let found = clause_subj
        .filter(|_| entry.predicate.symmetric() || !in_time_adjunct(p, start, t.first))
        .filter(|_| !cue_verb_before(p, start, t.first, "evaluate", 3))
        .filter(|_| !demand_verb_before(p, start, t.first));
    (found, coordinated && found.is_some())
}

/// Whether a verb of demand stands at most three tokens before the noun at
/// `head`: "demanded the withdrawal of X", "a exigé le retrait de X" ask
/// for someone else's act, not the subject's.
fn demand_verb_before(p: &Prepared, start: usize, head: usize) -> bool {
    let lo = head.saturating_sub(3).max(start);
    (lo..head).any(|j| {
        p.k.lex
            .is_verb_of(p.lang, p.norm(j), Predicate::DemandsFrom)
    })
}

/// The direct object of the light verb governing a predicate noun: a single
/// actor between the clause subject `sm` and the noun, right after a verb
/// (not a preposition, a speech verb or a comma), with only articles,
/// adjectives and one preposition between it and the noun.
fn light_verb_object(p: &Prepared, sm: usize, t: &Trig, used: &[usize]) -> Option<usize> {
    let after = p.mentions[sm].last;
    // "a promis à Israël des munitions": the promise's addressee, which its
    // verb took, is also the promised act's target.
    let promised_to = |mi: usize| {
        let k = article_before(p, p.mentions[mi].first, 0);
        p.lang == Lang::Fr
            && k >= 2
            && matches!(p.norm(k - 1), "a" | "au" | "aux")
            && p.k.lex.is_verb(p.lang, "future", p.norm(k - 2))
    };
    let mut cands = p
        .lying_in(after + 1, t.first)
        .filter(|&(mi, _)| !used.contains(&mi) || promised_to(mi));
    let (mi, m) = cands.next()?;
    if cands.next().is_some() || !usable(m) || m.locative || m.first < after + 1 {
        return None;
    }
    // "a promis à Israël des munitions", "a fourni aux Kurdes des armes":
    // a French dative may stand between the light verb and its noun.
    let first = match p.lang {
        Lang::Fr => article_before(p, m.first, after + 2),
        Lang::En => m.first,
    };
    let dative = p.lang == Lang::Fr
        && matches!(p.norm(first - 1), "a" | "au" | "aux")
        && first >= after + 2
        && p.tokens[first - 2].kind == Kind::Word
        && !is_function_word(p, p.norm(first - 2));
    let at = if dative { first - 2 } else { m.first - 1 };
    let verb = p.norm(at);
    // A speech verb says something to its dative, unless it promises the
    // act the noun names ("a promis à X une aide").
    if p.tokens[at].kind != Kind::Word
        || is_function_word(p, verb)
        || p.k.lex.is_verb(p.lang, "speech", verb) && !promised_to(mi)
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
