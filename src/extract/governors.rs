//! Words that govern a predicate and change what it means: threats and
//! refusals governing an infinitive, "unless" conditions and the actor a
//! threat's condition names, verbs that halt or lift a nominal event, time
//! adjuncts, complement clauses of demands, aggressions reported in one's
//! own that-clause.

use super::clause::{self, cue_verb_before};
use super::context::{clause_start, context};
use super::frames::{subject_in, usable};
use super::statements::make;
use super::triggers::Trig;
use super::{Prepared, Stage};
use crate::lexicon::Trigger;
use crate::lexicon::inflect::Tense;
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};
use crate::text::{Kind, Lang};

/// A threat verb ("threatened", "a menacé") followed by an infinitive
/// marker, when it made no statement of its own: the marker's position and
/// the verb's rule. A time phrase may come between ("threatened on Monday to").
pub(crate) fn unfulfilled_threat(p: &Prepared, t: &Trig) -> Option<(usize, String)> {
    let Trigger::Verb(v, _) = t.what else {
        return None;
    };
    let verb = &p.k.lex.verbs[v];
    if verb.predicate != Predicate::Threatens {
        return None;
    }
    let end = p.tokens.len().min(t.last + 4);
    let to = (t.last..end).find(|&j| matches!(p.norm(j), "to" | "de" | "d'"))?;
    let no_actor_between = !p.starting_in(t.last, to).any(|mi| usable(&p.mentions[mi]));
    (no_actor_between && !clause_break(p, t.last, to)).then(|| (to, verb.id.clone()))
}

/// Whether trigger `t`, a verb of promise (cue kind `vow`), promises a
/// retaliation (cue kind `retaliation`) in the next words of its clause:
/// "vowed revenge", "promised to punish those responsible", "a promis de se
/// venger". Such a promise is a threat (PLOVER THREATEN), not an agreement.
pub(crate) fn vowed_retaliation(p: &Prepared, t: &Trig) -> bool {
    if !is_vow(p, t) {
        return false;
    }
    let lex = &p.k.lex;
    let last = p.sentences[p.sentence_of(t.first)].last;
    (t.last..(t.last + 4).min(last))
        .take_while(|&j| p.tokens[j].kind == Kind::Word && !p.tokens[j].upper)
        .any(|j| lex.is(p.lang, "retaliation", p.norm(j)))
}

/// Whether trigger `t`, a verb of promise (cue kind `vow`), promises not to
/// act: "vowed not to return the Golan Heights to Syria", "a promis de ne
/// pas …". What it commits to is then a refusal, not an agreement.
pub(crate) fn vowed_not_to(p: &Prepared, t: &Trig) -> bool {
    if !is_vow(p, t) {
        return false;
    }
    let w = |k: usize| if k < p.tokens.len() { p.norm(k) } else { "" };
    let j = t.last;
    match p.lang {
        Lang::En => matches!(w(j), "not" | "never") && w(j + 1) == "to",
        Lang::Fr => {
            matches!(w(j), "de" | "d'") && w(j + 1) == "ne" && matches!(w(j + 2), "pas" | "jamais")
        }
    }
}

/// Whether trigger `t` is a verb of promise (cue kind `vow`).
fn is_vow(p: &Prepared, t: &Trig) -> bool {
    matches!(t.what, Trigger::Verb(..)) && p.k.lex.is_verb(p.lang, "vow", p.norm(t.first))
}

/// A statement of a threatened action, as the threat against its target.
pub(crate) fn as_threat(mut st: Statement, threat_rule: &str) -> Statement {
    st.rule = format!("{threat_rule}+{}", st.rule);
    st.predicate = Predicate::Threatens;
    st.plover = Predicate::Threatens.plover();
    st
}

/// A refusal verb of the lexicon ("refused", "a refusé") followed by an
/// infinitive marker, when it made no statement of its own.
pub(crate) fn unfulfilled_refusal(p: &Prepared, t: &Trig) -> Option<(usize, String)> {
    let Trigger::Verb(v, _) = t.what else {
        return None;
    };
    let verb = &p.k.lex.verbs[v];
    if verb.predicate != Predicate::Rejects || !p.k.lex.is_verb(p.lang, "refusal", p.norm(t.first))
    {
        return None;
    }
    let marker = |j: usize| j < p.tokens.len() && matches!(p.norm(j), "to" | "de" | "d'");
    if marker(t.last) {
        return Some((t.last, verb.id.clone()));
    }
    // "refuse toujours de …": in French one word between the verb and its
    // "de" is an adverb (a noun would take a determiner).
    let adverb = p.lang == Lang::Fr
        && p.tokens
            .get(t.last)
            .is_some_and(|tok| tok.kind == Kind::Word)
        && p.starting_in(t.last, t.last + 1).next().is_none();
    (adverb && marker(t.last + 1)).then(|| (t.last + 1, verb.id.clone()))
}

/// The rejection a refused action implies: "refused to lift sanctions on X"
/// gives X rejected (positive), beside the negated concession.
pub(crate) fn as_rejection(mut st: Statement, refusal_rule: &str) -> Statement {
    st.rule = format!("{refusal_rule}+{}", st.rule);
    st.predicate = Predicate::Rejects;
    st.plover = Predicate::Rejects.plover();
    st.polarity = Polarity::Positive;
    st
}

/// Whether trigger `t` is in the infinitive phrase opened by the marker at
/// `end` of a threat or refusal verb: at most six tokens on, same clause.
pub(crate) fn in_infinitive_phrase(p: &Prepared, end: usize, t: &Trig) -> bool {
    t.first > end
        && t.first <= end + 6
        && !clause_break(p, end, t.first)
        && !finite_after_and(p, end, t)
}

/// "threatened to intervene and imposed sanctions", "a menacé d'intervenir
/// et a imposé des sanctions": a verb in a past tense after "and"/"et"
/// continues the main clause, not the infinitive phrase before it.
fn finite_after_and(p: &Prepared, end: usize, t: &Trig) -> bool {
    matches!(
        t.what,
        Trigger::Verb(_, Tense::Past | Tense::Participle | Tense::Future)
    ) && (end..t.first).any(|j| matches!(p.norm(j), "and" | "et"))
}

/// Whether punctuation or a subordinator lies in `a..b`.
pub(crate) fn clause_break(p: &Prepared, a: usize, b: usize) -> bool {
    (a..b).any(|j| {
        let w = p.norm(j);
        matches!(w, "," | ";" | ":" | "." | "(" | ")")
            || p.k.lex.is(p.lang, "subordinator", w) && !matches!(w, "as" | "comme")
    })
}

/// Whether "unless" / "à moins que" / "sauf si" follows the trigger in its sentence.
pub(crate) fn unless_after(p: &Prepared, s: usize, t: &Trig) -> bool {
    (t.last..p.sentences[s].last).any(|j| unless_at(p, j))
}

/// Whether token `j` is "unless", the "moins" of "à moins que" or the "si"
/// of "sauf si".
fn unless_at(p: &Prepared, j: usize) -> bool {
    match p.norm(j) {
        "unless" => true,
        "moins" => j > 0 && p.norm(j - 1) == "a",
        "si" => j > 0 && p.norm(j - 1) == "sauf",
        _ => false,
    }
}

/// "would not provide support to X", "ne rencontrera pas X": a declared
/// refusal of a cooperative act also rejects its target (rule `WILL-NOT+…`).
pub(crate) fn declared_refusals(made: &[Statement]) -> Vec<Statement> {
    made.iter()
        .filter(|st| {
            st.polarity == Polarity::Negative
                && st.modality == Modality::Future
                && st.predicate.cooperative()
        })
        .map(|st| {
            let mut r = as_rejection(st.clone(), "WILL-NOT");
            r.modality = Modality::Asserted;
            r
        })
        .collect()
}

/// What a verb governing a predicate noun makes of its event.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Governed {
    /// The predicate of the statement.
    pub predicate: Predicate,
    /// The rule prefix naming the construction.
    pub label: &'static str,
    /// Its PLOVER type (before modality), after the CAMEO-to-PLOVER table.
    pub plover: &'static str,
}

/// A verb governing a predicate noun that turns the event around or names
/// its kind: halting a cooperative one is a sanction ("suspended part of its
/// aid to X"), lifting a coercive one a concession ("lifted the blockade on
/// X"; RETREAT for sanctions and blockades, CAMEO 085/0872), and signing or
/// ratifying an agreement is SUPPORT (CAMEO 057). Looks at most five tokens
/// back (nine for a signature), within the clause.
pub(crate) fn governing_verb(
    p: &Prepared,
    start: usize,
    t: &Trig,
    pred: Predicate,
) -> Option<Governed> {
    // "threatened nuclear strikes on X", "a menacé de frappes X": a
    // coercive act that a threat verb governs is threatened, not done.
    let coercive = matches!(
        pred,
        Predicate::Attacks
            | Predicate::Sanctions
            | Predicate::Boycotts
            | Predicate::Pressures
            | Predicate::MobilizesAgainst
    );
    if coercive && threat_verb_before(p, start, t) {
        return Some(Governed {
            predicate: Predicate::Threatens,
            label: "THREAT",
            plover: "THREATEN",
        });
    }
    if pred == Predicate::Attacks && prepared_attack(p, start, t) {
        return Some(Governed {
            predicate: Predicate::MobilizesAgainst,
            label: "PREPARE",
            plover: "MOBILIZE",
        });
    }
    // "froze its participation in X", "a suspendu sa participation à X":
    // an actor halting its own part in an organisation or event withdraws
    // from it. Only the possessor's own part: "blocked Sweden's membership"
    // halts nothing of Sweden's doing.
    if matches!(pred, Predicate::Attends | Predicate::MemberOf) {
        return (own_part(p, start, t) && halted_part(p, start, t)).then_some(Governed {
            predicate: Predicate::WithdrawsFrom,
            label: "HALT",
            plover: "RETREAT",
        });
    }
    // "terminated its defence pact with X", "a mis fin à l'accord de
    // défense avec X": ending an agreement withdraws from it; so does
    // ending "l'accord de coopération avec X", the cooperation an agreement
    // names.
    let ended_agreement = match pred {
        Predicate::AgreesWith => {
            cue_verb_before(p, start, t.first, "halt", 5) || halt_noun_before(p, start, t.first)
        }
        Predicate::CooperatesWith => {
            p.lang == Lang::Fr
                && t.first >= start + 2
                && matches!(p.norm(t.first - 1), "de" | "d'")
                && p.noun_at(t.first - 2, t.first - 1)
                    .is_some_and(|(_, n)| p.k.lex.nouns[n].predicate == Predicate::AgreesWith)
                && cue_verb_before(p, start, t.first - 2, "halt", 5)
        }
        _ => false,
    };
    if ended_agreement {
        return Some(Governed {
            predicate: Predicate::WithdrawsFrom,
            label: "HALT",
            plover: "RETREAT",
        });
    }
    let (kind, predicate, label, plover) = match pred {
        Predicate::Aids | Predicate::CooperatesWith | Predicate::Meets => {
            ("halt", Predicate::Sanctions, "HALT", "SANCTION")
        }
        Predicate::Sanctions | Predicate::Pressures => {
            ("lift", Predicate::ConcedesTo, "LIFT", "RETREAT")
        }
        Predicate::Represses => ("lift", Predicate::ConcedesTo, "LIFT", "CONCEDE"),
        Predicate::AgreesWith => ("sign", Predicate::AgreesWith, "SIGNED", "SUPPORT"),
        _ => return None,
    };
    // A signature may stand further from its agreement, past a time
    // adjunct: "ont signé dans la nuit de lundi à mardi un accord".
    let back = if kind == "sign" { 9 } else { 5 };
    let governed = cue_verb_before(p, start, t.first, kind, back)
        || kind == "halt" && halt_noun_before(p, start, t.first);
    governed.then_some(Governed {
        predicate,
        label,
        plover,
    })
}

/// Whether the noun of trigger `t` follows a possessive determiner
/// ("its participation", "sa participation").
fn own_part(p: &Prepared, start: usize, t: &Trig) -> bool {
    t.first > start
        && ["possessive_sg", "possessive_pl"]
            .iter()
            .any(|k| p.k.lex.is(p.lang, k, p.norm(t.first - 1)))
}

/// Whether a verb that halts (cue kind `halt`) governs the noun of trigger
/// `t`, at most three tokens back within the clause.
fn halted_part(p: &Prepared, start: usize, t: &Trig) -> bool {
    cue_verb_before(p, start, t.first, "halt", 3)
}

/// "Turkey blocked Sweden's membership in NATO": a participation or
/// membership that another actor halts or blocks is not one; "agreed to
/// end their dispute": an antagonism being ended is not asserted.
pub(crate) fn part_halted_by_other(p: &Prepared, start: usize, t: &Trig, pred: Predicate) -> bool {
    match pred {
        Predicate::Attends | Predicate::MemberOf => {
            !own_part(p, start, t) && halted_part(p, start, t)
        }
        Predicate::Opposes => halted_part(p, start, t),
        _ => false,
    }
}

/// Whether a verb that halts or puts off (cue kinds `halt`, `postpone`),
/// at most four tokens back within the clause, governs the visit noun of
/// trigger `t` ("postponed a long-planned visit to Beijing", "a reporté
/// sa visite à Alger"): the visit did not take place.
pub(crate) fn visit_called_off(p: &Prepared, start: usize, t: &Trig, pred: Predicate) -> bool {
    pred == Predicate::Visits
        && ["halt", "postpone"]
            .iter()
            .any(|k| cue_verb_before(p, start, t.first, k, 4))
}

/// A verb of predicate `threatens` at most four tokens before the noun of
/// trigger `t`, within the clause, with no actor between ("threatened
/// nuclear strikes on X", "a menacé de frappes").
fn threat_verb_before(p: &Prepared, start: usize, t: &Trig) -> bool {
    let lo = t.first.saturating_sub(4).max(start);
    // A one-word threat verb: "lancer" is one only in "lancer un ultimatum".
    let threat_verb = |w: &str| {
        p.k.lex.has_verb_entry(p.lang, w, |e| {
            e.predicate == Predicate::Threatens && !e.lemma.contains(' ')
        })
    };
    (lo..t.first).any(|j| {
        threat_verb(p.norm(j))
            && !p
                .starting_in(j + 1, t.first)
                .any(|mi| usable(&p.mentions[mi]))
    })
}

/// "mobilized reservists for a possible war against X", "a massé des
/// troupes pour une offensive contre X": a verb of cue kind `prepare`, then
/// "for"/"pour", before an attack noun (at most seven tokens back, within
/// the clause): the act told is the mobilization against the attack's
/// target, not the attack, which has not taken place.
fn prepared_attack(p: &Prepared, start: usize, t: &Trig) -> bool {
    let lo = t.first.saturating_sub(7).max(start);
    (lo..t.first).any(|j| {
        p.k.lex.is_verb(p.lang, "prepare", p.norm(j))
            && (j + 1..t.first).any(|k| matches!(p.norm(k), "for" | "pour"))
    })
}

/// What a verb makes of a noun of links between actors (a `governed`
/// entry: flights, ties, borders): halting or closing them is a sanction
/// ("suspended flights to X", "closed its border with X"), reopening or
/// restoring them a concession, PLOVER RETREAT ("reopened its border with
/// X", "a rétabli ses liaisons avec X"). Cue kinds `halt`, `close`,
/// `reopen`, within five tokens back in the clause; `halt_noun` too.
pub(crate) fn governing_links(p: &Prepared, start: usize, t: &Trig) -> Option<Governed> {
    let before = |kind: &str| cue_verb_before(p, start, t.first, kind, 5);
    // "closed its border", "a rouvert ses frontières": the verb takes a
    // determiner or a particle; right before a noun it is an adjective
    // ("close ties", "an open border").
    let verb_before = |kind: &str| {
        let lo = t.first.saturating_sub(5).max(start);
        (lo..t.first).any(|j| {
            p.k.lex.is_verb(p.lang, kind, p.norm(j))
                && p.tokens.get(j + 1).is_some_and(|n| {
                    clause::is_article(p.lang, &n.norm)
                        || clause::is_possessive(p, &n.norm)
                        || matches!(n.norm.as_str(), "down" | "off" | "up")
                })
        })
    };
    if before("halt") || verb_before("close") || halt_noun_before(p, start, t.first) {
        Some(Governed {
            predicate: Predicate::Sanctions,
            label: "HALT",
            plover: "SANCTION",
        })
    } else if verb_before("reopen") {
        Some(Governed {
            predicate: Predicate::ConcedesTo,
            label: "REOPEN",
            plover: "RETREAT",
        })
    } else {
        None
    }
}

/// "the suspension of its cooperation with X", "le gel de son aide à X": a
/// noun of cue kind `halt_noun`, then a genitive, at most five tokens
/// before the predicate noun at `head`, within the clause.
fn halt_noun_before(p: &Prepared, start: usize, head: usize) -> bool {
    let lo = head.saturating_sub(5).max(start);
    (lo..head).any(|j| {
        (p.k.lex.is(p.lang, "halt_noun", p.norm(j)) || ending_noun(p, j))
            && (j + 1..head).any(|k| matches!(p.norm(k), "of" | "de" | "du" | "des" | "d'"))
    })
}

/// "announced the end of its cooperation with X", "la fin de la
/// coopération avec X": a noun of cue kind `end_noun` after an article, not
/// in a phrase of time ("at the end of the talks", "à la fin des
/// pourparlers": a preposition before the article).
fn ending_noun(p: &Prepared, j: usize) -> bool {
    p.k.lex.is(p.lang, "end_noun", p.norm(j))
        && j >= 2
        && clause::is_article(p.lang, p.norm(j - 1))
        && !clause::is_preposition(p.lang, p.norm(j - 2))
        && !clause::is_preposition_a(p, j - 2)
}

/// An agreement noun that a verb of cue kind `existing` governs (at most five
/// tokens back, within the clause) names an agreement already in force, not
/// a new one: "quit the treaty with X", "jugeant l'accord irréversible".
pub(crate) fn existing_agreement(p: &Prepared, start: usize, t: &Trig) -> bool {
    cue_verb_before(p, start, t.first, "existing", 5)
}

/// "The US said that ISIL attacked Iraq": reporting another actor's
/// aggression in one's own that-clause accuses it (the event coders'
/// reading; PLOVER ACCUSE). Only for the verb of a that-clause whose
/// speaker is named before "that"/"que".
pub(crate) fn reported_accusations(
    p: &Prepared,
    s: usize,
    t: &Trig,
    made: &[Statement],
) -> Vec<Statement> {
    // The reported clause's own verb, not a noun in one of its adjuncts.
    if !matches!(t.what, Trigger::Verb(..)) {
        return Vec::new();
    }
    let (start, barrier) = clause_start(p, s, t.first);
    let reported = matches!(barrier.as_deref(), Some("that" | "que" | "qu'"))
        && start >= 2
        && (start.saturating_sub(5).max(p.sentences[s].first)..start - 1)
            .any(|j| p.k.lex.is_verb(p.lang, "speech", p.norm(j)));
    if !reported {
        return Vec::new();
    }
    made.iter()
        .filter(|st| {
            st.polarity == Polarity::Positive
                && matches!(
                    st.predicate.plover(),
                    Some("ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" | "THREATEN")
                )
        })
        .filter_map(|st| {
            let speaker = st.attributed_to.clone()?;
            if speaker.id == st.subject.id || st.object.as_ref().is_none_or(|o| speaker.id == o.id)
            {
                return None;
            }
            // A state's own spokesman or ministry reporting its act
            // ("the Kremlin said Russia would expel …") accuses no one.
            if speaker.country.is_some() && speaker.country == st.subject.country {
                return None;
            }
            let mut a = st.clone();
            a.rule = format!("REPORTED+{}", st.rule);
            a.object = Some(st.subject.clone());
            a.subject = speaker;
            a.predicate = Predicate::Accuses;
            a.plover = Predicate::Accuses.plover();
            a.modality = Modality::Asserted;
            a.attributed_to = None;
            a.attributed_role = None;
            Some(a)
        })
        .collect()
}

/// The threat of trigger `t` against the subject of the condition that
/// follows it ("unless X …", "if X …", "à moins que X …", "si X …").
pub(crate) fn conditional_threat(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    rule: &str,
    quotes: &[clause::Quote],
) -> Option<Statement> {
    let Trigger::Verb(_, tense) = t.what else {
        return None;
    };
    let last = p.sentences[s].last;
    let cond = (t.last..last)
        .find(|&j| unless_at(p, j) || matches!(p.norm(j), "if" | "si" | "s'il" | "s'ils"))?;
    // "à moins que", "à moins qu'": the subject follows the complementizer.
    let from = if matches!(p.norm(cond + 1), "que" | "qu'") {
        cond + 2
    } else {
        cond + 1
    };
    let target = p.starting_in(from, from + 3).find(|&mi| {
        let m = &p.mentions[mi];
        m.last <= last && usable(m) && !m.locative
    })?;
    let (start, barrier) = clause_start(p, s, t.first);
    let subj = subject_in(p, start, t.first, &[])?;
    let ctx = context(p, s, t, start, barrier.as_deref(), quotes, Some(tense));
    if ctx.blocked.is_some() {
        return None;
    }
    let (&a, &b) = (
        p.mentions[subj].ents.first()?,
        p.mentions[target].ents.first()?,
    );
    let rule = format!("{rule}+if-target");
    p.note(Stage::Statements, |_| {
        format!("rule {rule}: the condition names the threatened actor")
    });
    let span = (p.mentions[subj].first, p.mentions[target].last);
    make(p, s, a, b, Predicate::Threatens, &ctx, &rule, span, 0.6)
}
