//! The arguments of a verb trigger: its subject (clause subject, relative
//! antecedent, controller of an infinitive, officials of the speaker, noun
//! before a reduced passive) and its object (frame markers, passive agent,
//! relative object).

use super::super::clause::{
    article_before, complementizer_at, is_article, is_preposition, is_preposition_a,
};
use super::super::context::{clause_start, main_clause_subject};
use super::super::mentions::is_function_word;
use super::super::triggers::Trig;
use super::super::{MentionKind, Prepared};
use super::{
    Frame, accented_participle, antecedent_before, bare_officials_in, controller,
    demanded_clause_subject, object_after, object_controlled, speech_before, subject_antecedent,
    subject_in, usable,
};
use crate::lexicon::inflect::Tense;
use crate::lexicon::{EntityType, Trigger, VerbEntry};
use crate::predicate::Predicate;
use crate::text::{Kind, Lang};

/// Attaches the arguments of verb entry `v` at trigger `t`, in its clause
/// (`start`, opened by `barrier`); `speaker` is the actor the clause is
/// attributed to, whose officials may be the subject. `Err`: why the verb
/// makes no frame.
pub(crate) fn verb_frame(
    p: &Prepared,
    s: usize,
    t: &Trig,
    v: &VerbEntry,
    (start, barrier): (usize, Option<&str>),
    speaker: Option<usize>,
    used: &[usize],
) -> Result<Frame, &'static str> {
    let Trigger::Verb(_, tense) = t.what else {
        return Err("not a verb");
    };
    if tense == Tense::Infinitive && object_controlled(p, t.first) {
        // "gave permission to Russia to help Israel": the actor before "to"
        // would act, and only may or must.
        return Err("infinitive after an actor: what that actor may or must do is not asserted");
    }
    if tense == Tense::Infinitive && controlled_by_non_actor(p, start, t.first) {
        return Err(
            "infinitive whose controller, the object of a verb like 'persuade', names no actor",
        );
    }
    if in_free_relative(p, p.sentences[s].first, t.first) {
        // "condemned what he called Israeli aggression": the verb's object
        // is "what"; the words after it name it.
        return Err("verb of a free relative ('what he called'): its object is 'what'");
    }
    if promises_own_act(p, t) {
        return Err("promise of an act with a trigger of its own, which makes the statement");
    }
    let reduced = reduced_passive(p, t, v, tense);
    let full_passive = passive(p, s, t, v.pronominal, tense);
    if !reduced && !full_passive && adnominal_participle(p, start, t.first, tense) {
        return Err(
            "participle qualifying the object noun before it: not the clause subject's act",
        );
    }
    let is_passive = full_passive || reduced;
    // Object (or agent, in the passive).
    let mut obj = verb_object(p, s, t, v, is_passive, used);
    // "demonstrators protesting the results", "des manifestants réclamant
    // X": a gerund right after a noun phrase says what that actor does.
    let modified = (tense == Tense::Gerund)
        .then(|| {
            p.ending_at(t.first).find(|&mi| {
                let m = &p.mentions[mi];
                usable(m) && !m.locative && m.kind != MentionKind::Demonym
            })
        })
        .flatten();
    // A perfect infinitive too: "d'avoir attaqué", "of having attacked".
    let perfect = tense == Tense::Participle
        && t.first > 0
        && matches!(p.norm(t.first - 1), "avoir" | "having");
    let charged = matches!(tense, Tense::Gerund | Tense::Infinitive) || perfect;
    let accused = charged
        .then(|| accused_of(p, start, t.first))
        .flatten()
        .map(|(mi, _)| mi);
    // "un régime qu'il a accusé d'avoir torturé …": the one charged is the
    // verb's object that a relative pronoun or a clitic stands for, never
    // the accuser.
    if charged && accused.is_none() && accused_unnamed(p, start, t.first) {
        return Err("the act of an accused named only by a relative pronoun or a clitic");
    }
    let found = match (modified, accused) {
        (Some(mi), _) => (Some(mi), "the noun phrase the gerund follows"),
        (None, Some(mi)) => (Some(mi), "the one an accusation charges with the act"),
        (None, None) => clause_subject(p, s, t, start, barrier, used),
    };
    let only_reduced = reduced && !full_passive;
    let (subj, how) = fallback_subject(p, s, t, tense, start, speaker, only_reduced, found, used);
    let (subj, how) = match subj {
        None if !is_passive => match event_noun_agent(p, start, t.first, v) {
            Some(mi) => (Some(mi), "demonym on the event noun heading the subject"),
            None => (None, how),
        },
        _ => (subj, how),
    };
    // "concessions that X believed could lead to an agreement": a verb
    // followed by English "to" has no relative antecedent as its object.
    let to_after = p.lang == Lang::En && t.last < p.tokens.len() && p.norm(t.last) == "to";
    // "Kigali, qu'il accuse de soutenir les rebelles": the relative
    // pronoun is the object of the clause's own verb, not of an infinitive
    // that verb governs.
    let governed = matches!(tense, Tense::Infinitive | Tense::Gerund)
        && (start..t.first).any(|j| super::is_verb_form(p, j));
    if obj.is_none() && !is_passive && !to_after && !governed {
        obj = relative_object(p, v, t.first, start, barrier);
    }
    // "Le ministre lui a demandé de …": a clitic before the verb is its
    // object, and the subject comes before the clitic.
    let (mut subj, mut how) = (subj, how);
    if !is_passive && let Some(c) = clitic_object(p, t.first, start) {
        if subj == Some(c) {
            subj = subject_in(p, start, p.mentions[c].first, used);
            how = "subject before the object clitic";
        }
        if obj.is_none() && subj.is_some() {
            obj = Some(c);
        }
    }
    // "X demanded that Y ...": the subject of the complement is the addressee.
    if obj.is_none()
        && subj.is_some()
        && v.predicate == Predicate::DemandsFrom
        && let Some(that) = complementizer_at(p, s, t.last)
    {
        obj = demanded_clause_subject(p, s, that + 1, used);
        how = "subject of the clause; addressee is the subject of the demanded clause";
    }
    // "réclament le départ de X", "demanded the resignation of X": a
    // demand that someone leave (or meet) is addressed to them.
    if obj.is_none()
        && subj.is_some()
        && v.predicate == Predicate::DemandsFrom
        && let Some(o) = departing(p, s, t.last, used)
    {
        obj = Some(o);
        how = "subject of the clause; addressee is the one whose departure is demanded";
    }
    // "agreed to reopen its borders to Kenyan traders": an agreement
    // towards the actor of the agreed action.
    if obj.is_none()
        && subj.is_some()
        && !is_passive
        && v.predicate == Predicate::AgreesWith
        && let Some(o) = infinitive_target(p, s, t, used)
    {
        obj = Some(o);
        how = "subject of the clause; target is the actor of the agreed action";
    }
    Ok(Frame {
        subject: subj,
        object: obj,
        passive: is_passive,
        clause_subject: true,
        how,
    })
}

/// "persuade the generals to hold talks", "a poussé les généraux à
/// négocier": the infinitive at `head` is controlled by the object of a
/// verb of cue kind `object_control`, a noun phrase of at most four plain
/// words that names no actor (officials of no known affiliation at most),
/// so the clause subject does not do it.
fn controlled_by_non_actor(p: &Prepared, start: usize, head: usize) -> bool {
    let link = match p.lang {
        Lang::En => head >= 1 && p.norm(head - 1) == "to",
        Lang::Fr => head >= 1 && matches!(p.norm(head - 1), "a" | "de" | "d'"),
    };
    if !link {
        return false;
    }
    let np_end = head - 1;
    let mut k = np_end;
    while k > start && np_end - k < 4 {
        let j = k - 1;
        let tok = &p.tokens[j];
        if tok.kind != Kind::Word
            || tok.upper
            || p.covering(j).any(|mi| usable(&p.mentions[mi]))
            || p.k.lex.is_verb(p.lang, "object_control", &tok.norm)
        {
            break;
        }
        k = j;
    }
    // "pressured by Congress to help X": a passive's agent controls nothing.
    k < np_end
        && k > start
        && (k..np_end).any(|j| !is_article(p.lang, p.norm(j)))
        && !(k..np_end).any(|j| is_preposition(p.lang, p.norm(j)))
        && p.k.lex.is_verb(p.lang, "object_control", p.norm(k - 1))
}

/// "criticized the weapons delivered to Ukraine", "a critiqué les armes
/// livrées à l'Ukraine": a participle right after a plain noun that is
/// itself the object of a verb or a preposition qualifies that noun; the
/// clause subject did not do it.
fn adnominal_participle(p: &Prepared, start: usize, head: usize, tense: Tense) -> bool {
    let participle = match p.lang {
        Lang::En => matches!(tense, Tense::Participle | Tense::Past),
        Lang::Fr => tense == Tense::Participle || accented_participle(p, head),
    };
    if !participle || head < start + 3 {
        return false;
    }
    let noun = &p.tokens[head - 1];
    if noun.kind != Kind::Word
        || noun.upper
        || is_function_word(p, &noun.norm)
        || p.k.lex.is(p.lang, "aux_have", &noun.norm)
        || p.k.lex.is(p.lang, "aux_be", &noun.norm)
        || p.covering(head - 1).next().is_some()
    {
        return false;
    }
    // Back over the noun's article and up to two adjectives to what governs it.
    let mut k = head - 1;
    let mut words = 0;
    while k > start && words < 3 && !is_article(p.lang, p.norm(k - 1)) {
        let w = &p.tokens[k - 1];
        if w.kind != Kind::Word || w.upper || p.covering(k - 1).next().is_some() {
            return false;
        }
        k -= 1;
        words += 1;
    }
    if k <= start || !is_article(p.lang, p.norm(k - 1)) {
        return false;
    }
    // "said the troops attacked X": after a speech verb the noun phrase is
    // the subject of its content clause.
    let gov = k - 2;
    gov >= start
        && (super::is_verb_form(p, gov) || is_preposition(p.lang, p.norm(gov)))
        && !p.k.lex.is(p.lang, "aux_have", p.norm(gov))
        && !p.k.lex.is_verb(p.lang, "speech", p.norm(gov))
}

/// "accused the West of trying to destroy Russia", "a accusé l'OTAN de
/// vouloir attaquer X": the act an accusation charges someone with is that
/// one's act (the accusation verb's object), not the accuser's. The verb at
/// `head` follows "of"/"de" and at most two words ("trying to", "vouloir"),
/// which follow the accused, right after a verb of accusation. Returns the
/// accused mention and the accusation verb's token.
pub(crate) fn accused_of(p: &Prepared, start: usize, head: usize) -> Option<(usize, usize)> {
    let link = (head.saturating_sub(3).max(start)..head)
        .rev()
        .find(|&j| matches!(p.norm(j), "of" | "de" | "d'"))?;
    if (link + 1..head).any(|j| p.tokens[j].kind != Kind::Word || p.covering(j).next().is_some()) {
        return None;
    }
    let (mi, m) = p
        .ending_at(link)
        .map(|mi| (mi, &p.mentions[mi]))
        .find(|(_, m)| usable(m) && !m.locative)?;
    // "a accusé l'OTAN", "accused the West": an article may stand between;
    // so may a day ("a accusé mercredi les garde-côtes chinois d'avoir …").
    let mut j = article_before(p, m.first, start);
    while j > start + 1 && is_day(p.norm(j - 1)) {
        j -= 1;
    }
    (j > start
        && p.k
            .lex
            .is_verb_of(p.lang, p.norm(j - 1), Predicate::Accuses))
    .then_some((mi, j - 1))
}

/// Whether a verb of accusation stands right before the "of"/"de" that
/// opens the act at `head` (within three tokens, only words between): the
/// accused is not named after the verb.
fn accused_unnamed(p: &Prepared, start: usize, head: usize) -> bool {
    let Some(link) = (head.saturating_sub(3).max(start)..head)
        .rev()
        .find(|&j| matches!(p.norm(j), "of" | "de" | "d'"))
    else {
        return false;
    };
    link > start
        && (link + 1..head).all(|j| p.tokens[j].kind == Kind::Word)
        && p.k
            .lex
            .is_verb_of(p.lang, p.norm(link - 1), Predicate::Accuses)
}

/// A day word a verb and its object may have between them.
fn is_day(w: &str) -> bool {
    matches!(
        w,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "hier"
            | "soir"
            | "matin"
            | "yesterday"
            | "today"
    )
}

/// "A Russian missile strike killed three soldiers", "Israeli air strikes
/// hit Gaza", "une frappe russe a tué": a predicate noun of the verb's own
/// predicate heading the subject, whose agent is a state's demonym on it
/// (before the noun in English, after it in French), right before the verb
/// or one auxiliary or adverb before it, lends that agent to the verb.
fn event_noun_agent(p: &Prepared, start: usize, head: usize, v: &VerbEntry) -> Option<usize> {
    let state_demonym = |mi: &usize| {
        let m = &p.mentions[*mi];
        m.kind == MentionKind::Demonym
            && m.ents
                .first()
                .is_some_and(|&e| p.ents[e].etype == EntityType::Country)
    };
    let lo = head.saturating_sub(7).max(start);
    (lo..head).find_map(|j| {
        let (end, n) = p.noun_at(j, head)?;
        if p.k.lex.nouns[n].predicate != v.predicate {
            return None;
        }
        match p.lang {
            Lang::En => (head - end <= 1)
                .then(|| p.ending_at(j).find(state_demonym))
                .flatten(),
            Lang::Fr => p
                .lying_in(end, head)
                .map(|(mi, _)| mi)
                .find(|mi| state_demonym(mi) && p.mentions[*mi].first <= end + 1)
                .filter(|&mi| head - p.mentions[mi].last <= 1),
        }
    })
}

/// The actor whose departure (cue kind `departure`) or meeting (cue kind
/// `session`) the words from `from` name: at most two articles or
/// adjectives, the noun, at most one adjective, "of"/"de", an optional
/// article, the actor ("la démission immédiate du président X", "the
/// resignation of X", "an emergency meeting of the Security Council",
/// "une réunion d'urgence du Conseil de sécurité": one asks it of them).
fn departing(p: &Prepared, s: usize, from: usize, used: &[usize]) -> Option<usize> {
    let last = p.sentences[s].last;
    let plain = |j: usize| {
        let t = &p.tokens[j];
        t.kind == Kind::Word && !t.upper && p.covering(j).next().is_none()
    };
    let noun = (from..(from + 3).min(last))
        .take_while(|&j| plain(j))
        .find(|&j| {
            p.k.lex.is(p.lang, "departure", p.norm(j)) || p.k.lex.is(p.lang, "session", p.norm(j))
        })?;
    let mut k = noun + 1;
    // "une réunion d'urgence du Conseil de sécurité".
    if k + 1 < last && p.norm(k) == "d'" && p.norm(k + 1) == "urgence" {
        k += 2;
    }
    if k < last && !matches!(p.norm(k), "of" | "de" | "du" | "des" | "d'") && plain(k) {
        k += 1;
    }
    if k >= last || !matches!(p.norm(k), "of" | "de" | "du" | "des" | "d'") {
        return None;
    }
    let mi = p.starting_in(k, (k + 3).min(last)).next()?;
    let m = &p.mentions[mi];
    let between_ok = (k + 1..m.first).all(|j| is_article(p.lang, p.norm(j)));
    (between_ok && usable(m) && !m.locative && !used.contains(&mi)).then_some(mi)
}

/// A French object clitic ("lui", "leur") right before the verb at `head`,
/// past an auxiliary and the negation ("ne lui a pas demandé"), with a
/// subject or "ne" before it in the clause: its mention.
fn clitic_object(p: &Prepared, head: usize, start: usize) -> Option<usize> {
    if p.lang != Lang::Fr {
        return None;
    }
    let lex = &p.k.lex;
    let mut k = head;
    while k > start + 1
        && (lex.is(p.lang, "aux_have", p.norm(k - 1))
            || lex.is(p.lang, "aux_be", p.norm(k - 1))
            || matches!(p.norm(k - 1), "pas" | "jamais" | "plus" | "deja"))
    {
        k -= 1;
    }
    let c = k.checked_sub(1).filter(|&c| c > start)?;
    if !matches!(p.norm(c), "lui" | "leur")
        && !super::super::mentions::coref::accusative_clitic(p, c, p.norm(c))
    {
        return None;
    }
    p.starting_in(c, c + 1)
        .find(|&mi| p.mentions[mi].last == c + 1 && !p.mentions[mi].ents.is_empty())
}

/// Whether the participle at `t` is in the passive voice ("was criticized by").
fn passive(p: &Prepared, s: usize, t: &Trig, pronominal: bool, tense: Tense) -> bool {
    if pronominal || tense != Tense::Participle {
        return false;
    }
    let lo = t.first.saturating_sub(3).max(p.sentences[s].first);
    let be = (lo..t.first).any(|j| p.k.lex.is(p.lang, "aux_be", p.norm(j)));
    let have_right_before = t.first > 0 && p.k.lex.is(p.lang, "aux_have", p.norm(t.first - 1));
    be && (!have_right_before || p.norm(t.first - 1) == "been") && agent_marker(p, s, t).is_some()
}

/// The passive agent's "by"/"par" after trigger `t`. It may follow a time
/// or place: "was received on Thursday at the Elysée by X", "a été reçu
/// jeudi à l'Élysée par X"; not past a comma or another verb.
fn agent_marker(p: &Prepared, s: usize, t: &Trig) -> Option<usize> {
    (t.last..(t.last + 8).min(p.sentences[s].last))
        .take_while(|&j| {
            !matches!(p.norm(j), "," | ";" | ":")
                && (j == t.last
                    || !super::is_verb_form(p, j)
                    || p.tokens[j].upper
                    || is_preposition_a(p, j))
        })
        .find(|&j| matches!(p.norm(j), "par" | "by"))
}

/// Whether the participle trigger `t` heads a reduced passive relative:
/// "victims killed by X", "a camp attacked by militias", "un accord négocié
/// par la Russie" (right before "by"/"par", no auxiliary). Its patient is
/// the noun right before it.
fn reduced_passive(p: &Prepared, t: &Trig, v: &VerbEntry, tense: Tense) -> bool {
    let by = match p.lang {
        Lang::En => "by",
        Lang::Fr => "par",
    };
    let shape = !v.pronominal
        && t.last == t.first + 1
        && p.norm(t.last) == by
        && !(t.first > 0 && p.k.lex.is(p.lang, "aux_have", p.norm(t.first - 1)));
    shape
        && match p.lang {
            Lang::En => matches!(tense, Tense::Participle | Tense::Past),
            // A French simple past is never followed by the agent's "par";
            // a folded "negocie" is a present or, accented, a participle.
            Lang::Fr => tense == Tense::Participle || accented_participle(p, t.first),
        }
}

/// The object of verb entry `v` after trigger `t`; in the passive, its
/// agent after "by" or "par".
fn verb_object(
    p: &Prepared,
    s: usize,
    t: &Trig,
    v: &VerbEntry,
    is_passive: bool,
    used: &[usize],
) -> Option<usize> {
    if is_passive {
        let by = vec![vec!["par".to_string()], vec!["by".to_string()]];
        // From the agent's "by"/"par", past a time or place before it.
        let at = agent_marker(p, s, t).unwrap_or(t.last);
        return object_after(p, s, at, &by, false, None, used, false);
    }
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
}

/// The subject of trigger `t` in its clause (`start..t.first`), else the
/// antecedent of the relative pronoun `barrier` opening the clause; with
/// how it was found.
fn clause_subject(
    p: &Prepared,
    s: usize,
    t: &Trig,
    start: usize,
    barrier: Option<&str>,
    used: &[usize],
) -> (Option<usize>, &'static str) {
    // "X rejected a proposal put forward by A and B, accusing C of …", "…,
    // accusant C de …": a participle after a comma is the main clause's
    // act, unless the main clause reports another clause before it.
    if matches!(t.what, Trigger::Verb(_, Tense::Gerund))
        && t.first > p.sentences[s].first
        && p.norm(t.first - 1) == ","
        && let Some(mi) = main_clause_subject(p, s, t.first - 1, used)
        && !(p.mentions[mi].last..t.first).any(|k| p.k.lex.is_verb(p.lang, "speech", p.norm(k)))
    {
        return (
            Some(mi),
            "subject of the main clause (a participle after a comma)",
        );
    }
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
    // "Japan said Chinese missiles had landed in its waters and lodged a
    // protest with Beijing", "… avaient atterri … et a déposé": a verb in
    // the simple past (passé composé) right after "and", when the reported
    // clause before it is in the pluperfect or the conditional (the
    // sequence of tenses), continues the main clause.
    if let Some(sm) = subj
        && let Some(and) = coordinator_before(p, t.first, start)
        && main_clause_past(p, t, and)
        && (p.mentions[sm].last..and).any(|k| {
            matches!(
                p.norm(k),
                "had"
                    | "would"
                    | "avait"
                    | "avaient"
                    | "etait"
                    | "etaient"
                    | "était"
                    | "étaient"
                    | "aurait"
                    | "auraient"
            )
        })
        && (p.sentences[s].first..p.mentions[sm].first)
            .any(|k| p.k.lex.is_verb(p.lang, "speech", p.norm(k)))
        && let Some(mi) = main_clause_subject(p, s, and, used)
    {
        return (Some(mi), super::COORDINATED_SUBJECT);
    }
    // "Blinken urged Israel to protect civilians in Gaza and pledged …":
    // the actor found is in an infinitive before "and"; the verb after
    // "and" shares the main clause's subject.
    if let Some(sm) = subj
        && let Some(and) = coordinator_before(p, t.first, start)
        && let Some(mi) = main_clause_subject(p, s, and, used)
        && p.mentions[mi].last <= p.mentions[sm].first
        && mi != sm
        && (p.mentions[mi].last..p.mentions[sm].first).any(|k| infinitive_marker(p, k))
    {
        return (Some(mi), super::COORDINATED_SUBJECT);
    }
    // "The junta ordered French troops to leave and expelled the
    // ambassador": the actor found is the object of the verb before "and";
    // the verb after it shares that verb's subject, or has none we know.
    if let Some(sm) = subj
        && let Some(and) = coordinator_before(p, t.first, start)
        && p.mentions[sm].last <= and
        && let Some(v) = verb_governing(p, sm, start)
    {
        let (cs, _) = clause_start(p, s, v);
        let own = subject_in(p, cs, v, used).filter(|&mi| mi != sm);
        return (own, super::COORDINATED_SUBJECT);
    }
    if subj.is_none()
        && let Some(b) = barrier
        && p.k.lex.is(p.lang, "relative_subject", b)
        && start >= 1
        && let Some(a) = subject_antecedent(p, start - 1)
    {
        return (Some(a), "antecedent of the relative pronoun");
    }
    // "X welcomed the summit but urged Y to …", "X a salué l'accord mais a
    // exhorté Y à …": a verb right after "but" (an auxiliary or adverb
    // between at most) shares the subject of the clause before.
    if subj.is_none()
        && let Some(b) = barrier
        && p.k.lex.is(p.lang, "contrast", b)
        && start >= 1
        && t.first <= start + 2
        && p.lying_in(start, t.first).next().is_none()
        && (start..t.first).all(|k| p.tokens[k].kind == Kind::Word)
    {
        let (before, _) = clause_start(p, s, start - 1);
        if let Some(mi) = subject_in(p, before, start - 1, used) {
            return (Some(mi), "subject of the clause before the contrast");
        }
    }
    // "X a déclaré que … et a averti Y", "X said … and warned Y": a verb
    // right after "et"/"and" (an auxiliary or adverb between at most) whose
    // clause has no subject shares the sentence's first subject.
    if subj.is_none()
        && let Some(and) = coordinator_before(p, t.first, start)
        && let Some(mi) = main_clause_subject(p, s, and, used)
    {
        return (Some(mi), super::COORDINATED_SUBJECT);
    }
    (subj, "subject of the clause")
}

/// The verb whose direct object mention `sm` is: a verb form right before
/// it (an article between at most), after `start`. Not a verb of speech,
/// whose clause has its own subject ("said Russia …"), nor an auxiliary.
fn verb_governing(p: &Prepared, sm: usize, start: usize) -> Option<usize> {
    let mut k = p.mentions[sm].first;
    if k > start && is_article(p.lang, p.norm(k - 1)) {
        k -= 1;
    }
    let v = k.checked_sub(1).filter(|&v| v > start)?;
    let w = p.norm(v);
    let auxiliary = matches!(
        w,
        "a" | "ont" | "avait" | "avaient" | "has" | "have" | "had" | "will" | "would"
    );
    (super::is_verb_form(p, v) && !auxiliary && !p.k.lex.is_verb(p.lang, "speech", w)).then_some(v)
}

/// Whether the verb at `head` is in a free relative: English "what", French
/// "ce que"/"ce qu'", then its subject and at most two auxiliaries or
/// adverbs ("what he called", "ce qu'il a qualifié de"), after the
/// sentence's `first` token (the relative opens a clause of its own).
fn in_free_relative(p: &Prepared, first: usize, head: usize) -> bool {
    let mut k = head;
    let mut subject = false;
    for _ in 0..4 {
        if k <= first {
            return false;
        }
        let w = p.norm(k - 1);
        let opens = match p.lang {
            Lang::En => w == "what",
            // Not "à ce que", "de ce que": complementizers ("s'attendent à
            // ce que X soutienne Y").
            Lang::Fr => {
                matches!(w, "que" | "qu'")
                    && k >= 2
                    && p.norm(k - 2) == "ce"
                    && !(k >= 3 && matches!(p.norm(k - 3), "a" | "de" | "d'"))
            }
        };
        if opens {
            // "…, ce que Bamako dément": after a comma, the clause before is
            // the antecedent, which the verb judges.
            let opener = if p.lang == Lang::Fr { k - 2 } else { k - 1 };
            return subject && !(opener > 0 && p.norm(opener - 1) == ",");
        }
        if let Some(mi) = p.ending_at(k).next() {
            subject = true;
            k = p.mentions[mi].first;
            continue;
        }
        if p.tokens[k - 1].kind != Kind::Word || p.tokens[k - 1].upper {
            return false;
        }
        k -= 1;
    }
    false
}

/// Whether the verb of promise at `t` ("promised", "a promis") is followed
/// right away by an infinitive that is itself a verb of the lexicon:
/// "promised to deliver radars to Armenia" is a future delivery (the
/// infinitive's statement, future through the promise), not an agreement
/// with Armenia, the object the promise would otherwise take from the
/// infinitive's phrase.
fn promises_own_act(p: &Prepared, t: &Trig) -> bool {
    p.k.lex.is_verb(p.lang, "vow", p.norm(t.first))
        && t.last + 1 < p.tokens.len()
        && infinitive_marker(p, t.last)
        && p.k.lex.verb(p.lang, p.norm(t.last + 1)).is_some()
        // "vowed to punish X" threatens (cue kind `retaliation`).
        && !p.k.lex.is(p.lang, "retaliation", p.norm(t.last + 1))
}

/// Whether token `k` is an infinitive marker: English "to", French "à"/"de"
/// before an infinitive ("to protect", "à protéger").
pub(super) fn infinitive_marker(p: &Prepared, k: usize) -> bool {
    let Some(next) = p
        .tokens
        .get(k + 1)
        .filter(|n| n.kind == Kind::Word && !n.upper)
    else {
        return false;
    };
    let w = next.norm.as_str();
    match p.lang {
        Lang::En => p.norm(k) == "to" && !is_article(p.lang, w) && !is_function_word(p, w),
        Lang::Fr => {
            (matches!(p.norm(k), "de" | "d'") || super::super::clause::is_preposition_a(p, k))
                && ["er", "ir", "re"].iter().any(|e| w.ends_with(e))
        }
    }
}

/// Whether trigger `t`, after the "and"/"et" at `and`, is in the simple
/// past: English with no auxiliary ("and lodged"), French a passé composé
/// ("et a déposé").
fn main_clause_past(p: &Prepared, t: &Trig, and: usize) -> bool {
    match (p.lang, &t.what) {
        (Lang::En, Trigger::Verb(_, Tense::Past)) => and + 1 == t.first,
        (Lang::Fr, Trigger::Verb(_, Tense::Participle)) => {
            and + 2 == t.first && matches!(p.norm(and + 1), "a" | "ont")
        }
        _ => false,
    }
}

/// The "et"/"and" right before the verb at `head`, past at most two
/// auxiliaries or adverbs, inside the clause from `start`.
pub(crate) fn coordinator_before(p: &Prepared, head: usize, start: usize) -> Option<usize> {
    let mut k = head;
    for _ in 0..3 {
        if k == 0 || k <= start {
            return None;
        }
        let w = p.norm(k - 1);
        if matches!(w, "et" | "and") {
            return Some(k - 1);
        }
        let t = &p.tokens[k - 1];
        if t.kind != Kind::Word || t.upper || p.covering(k - 1).next().is_some() {
            return None;
        }
        k -= 1;
    }
    None
}

/// The subject when the clause gives none: the controller of an infinitive
/// or gerund, the speaker's officials ("X said that officials would not
/// attend"); and for a reduced passive, the noun before it.
#[allow(clippy::too_many_arguments)]
fn fallback_subject(
    p: &Prepared,
    s: usize,
    t: &Trig,
    tense: Tense,
    start: usize,
    attributed: Option<usize>,
    only_reduced: bool,
    found: (Option<usize>, &'static str),
    used: &[usize],
) -> (Option<usize>, &'static str) {
    let (mut subj, mut how) = found;
    if subj.is_none() && matches!(tense, Tense::Infinitive | Tense::Gerund) {
        subj = controller(p, s, t.first, used);
        how = "controller of the infinitive";
    }
    if subj.is_none() && bare_officials_in(p, start, t.first) {
        if let Some(a) = attributed {
            if let Some(mi) = p.mentions.iter().position(|m| m.ents == vec![a]) {
                subj = Some(mi);
                how = "officials of the speaker";
            }
        }
    }
    if only_reduced {
        let noun_before = |end: usize| {
            let usable_at = |end: usize| {
                p.ending_at(end).find(|&mi| {
                    let m = &p.mentions[mi];
                    usable(m) && !m.locative
                })
            };
            let mi = usable_at(end)?;
            // "les rebelles houthis du Yémen, soutenus par …": the head
            // before a genitive, not its complement.
            let first = p.mentions[mi].first;
            let genitive =
                first > 0 && matches!(p.norm(first - 1), "de" | "du" | "des" | "d'" | "of");
            Some(
                genitive
                    .then(|| usable_at(first - 1))
                    .flatten()
                    .unwrap_or(mi),
            )
        };
        // "the Houthis, backed by Iran, …": the apposed participle's noun.
        subj = noun_before(t.first).or_else(|| {
            (t.first > 0 && p.norm(t.first - 1) == ",")
                .then(|| noun_before(t.first - 1))
                .flatten()
        });
        how = "noun before a reduced passive";
    }
    (subj, how)
}

/// The antecedent of a relative pronoun object: "un événement que X a
/// boycotté", "the summit that X boycotted" (of the verb's object types).
fn relative_object(
    p: &Prepared,
    v: &VerbEntry,
    head: usize,
    start: usize,
    barrier: Option<&str>,
) -> Option<usize> {
    if !(matches!(barrier, Some("que" | "qu'" | "that" | "which" | "whom"))
        && v.direct
        && start >= 1
        && !speech_before(p, start - 1))
    {
        return None;
    }
    // "exercises with X, which he called provocative": a naming verb with
    // its predicative word right after it gives the antecedent a name; it
    // is no call to it.
    if p.k.lex.is(p.lang, "naming", p.norm(head))
        && p.tokens
            .get(head + 1)
            .is_some_and(|t| t.kind == Kind::Word && !t.upper && !is_preposition(p.lang, &t.norm))
    {
        return None;
    }
    // "ce que Lima a démenti", ", which Lima denied": the pronoun stands
    // for the clause before, whose act a judging verb judges
    // (relative_act), not for an actor.
    if start >= 2 {
        let clause = match p.lang {
            Lang::Fr => p.norm(start - 2) == "ce",
            Lang::En => {
                barrier == Some("which")
                    && p.norm(start - 2) == ","
                    && p.k.lex.is_verb(p.lang, "evaluate", p.norm(head))
            }
        };
        if clause {
            return None;
        }
    }
    // "tandis que", "alors que", "so that": a conjunction, no relative pronoun.
    if start >= 2 {
        let pair = format!("{} {}", p.norm(start - 2), p.norm(start - 1));
        if p.k.lex.is(p.lang, "subordinator", &pair) {
            return None;
        }
    }
    antecedent_before(p, start - 1).filter(|&mi| {
        v.types.as_ref().is_none_or(|ts| {
            p.mentions[mi]
                .ents
                .first()
                .is_some_and(|&e| ts.contains(&p.ents[e].etype))
        })
    })
}

/// The actor of the action a commitment verb introduces with an infinitive
/// whose own words are no trigger of the lexicon: "agreed to reopen its
/// borders to Kenyan traders" (an agreement towards Kenya), "s'est engagé
/// à rouvrir sa frontière avec le Chili". `None` when the infinitive
/// phrase has a trigger, which then makes its own statement.
fn infinitive_target(p: &Prepared, s: usize, t: &Trig, used: &[usize]) -> Option<usize> {
    let end = p.sentences[s].last;
    // The infinitive marker, a few words on ("agreed in principle to").
    let marker = (t.last..end.min(t.last + 6))
        .take_while(|&j| p.starting_at(j).is_none() && p.norm(j) != ",")
        .find(|&j| match p.norm(j) {
            "to" | "de" | "d'" => true,
            // Folded "à"; the verb "a" is written without the accent.
            "a" => p.surface(j, j + 1) == "à",
            _ => false,
        })?;
    let inf = marker + 1;
    let word = p
        .tokens
        .get(inf)
        .filter(|w| w.kind == Kind::Word && !w.upper)?;
    if is_article(p.lang, &word.norm) || is_function_word(p, &word.norm) {
        return None;
    }
    let markers = INFINITIVE_MARKERS.map(|m| vec![m.to_string()]);
    let mut from = inf + 1;
    // Possessives ("its borders", "sa frontière") are the agent's own.
    let target = loop {
        let mi = object_after(p, s, from, &markers, true, None, used, false)?;
        if p.mentions[mi].kind != MentionKind::Possessive {
            break mi;
        }
        from = p.mentions[mi].last;
    };
    let phrase = inf..p.mentions[target].first;
    let trigger = phrase
        .clone()
        .any(|j| p.k.lex.verb(p.lang, p.norm(j)).is_some() || p.noun_at(j, phrase.end).is_some());
    (!trigger).then_some(target)
}

/// Prepositions that may introduce the actor of an agreed action (folded:
/// "a" is "à").
const INFINITIVE_MARKERS: [&str; 9] = ["to", "for", "with", "on", "à", "avec", "pour", "aux", "au"];
