//! The clause around a trigger: where it starts, and its polarity, modality,
//! attribution and whether its content is asserted at all.

use super::clause::{self, is_article};
use super::frames::{subject_in, usable};
use super::mentions::coref::{is_subject_position, quote_speaker};
use super::triggers::{Trig, has_reflexive};
use super::{MentionKind, Prepared};
use crate::lexicon::Trigger;
use crate::lexicon::inflect::Tense;
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity};
use crate::text::{Kind, Lang};

/// What the clause says about a trigger's statements.
pub(crate) struct Context {
    /// Negated or not.
    pub polarity: Polarity,
    /// Asserted, future, possible, reported, hypothetical.
    pub modality: Modality,
    /// The modality the clause gives, before an adjective on a predicate
    /// noun ("a possible war") qualified the noun's own event: what a verb
    /// governing that noun keeps ("mobilized for a possible war" is a
    /// mobilization that took place).
    pub clause_modality: Modality,
    /// Who the claim is attributed to (document entity).
    pub attributed: Option<usize>,
    /// The role of the speaker, when a role description named them ("a
    /// Kremlin spokesman said": `spokesperson`).
    pub attributed_role: Option<&'static str>,
    /// All the coordinated speakers ("A, B et C ont déclaré que"): a
    /// statement whose subject is one of them is attributed to that one.
    pub speakers: Vec<usize>,
    /// Why the clause's content is not asserted, when it is not.
    pub blocked: Option<&'static str>,
}

impl Context {
    /// A positive assertion with no clause around it to qualify it, for
    /// the constructions that read their own words (a reported obligation,
    /// a verdict, an ordered departure), attributed to `attributed` in
    /// `role` if any.
    pub(crate) fn asserted(attributed: Option<usize>, role: Option<&'static str>) -> Context {
        Context {
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            clause_modality: Modality::Asserted,
            attributed,
            attributed_role: role,
            speakers: Vec::new(),
            blocked: None,
        }
    }

    /// The act is the main clause's own, not what its speaker reported
    /// ("X said that … and announced …"): no attribution.
    pub(crate) fn not_reported(&mut self) {
        self.attributed = None;
        self.attributed_role = None;
        self.speakers.clear();
    }

    /// The qualifiers for `explain`.
    pub(crate) fn describe(&self, p: &Prepared) -> String {
        let mut out = format!("{}, {}", self.polarity.as_str(), self.modality.as_str());
        if let Some(a) = self.attributed {
            out.push_str(", according to ");
            out.push_str(&p.ents[a].label);
            if let Some(role) = self.attributed_role {
                out.push_str(" (");
                out.push_str(role);
                out.push(')');
            }
        }
        if let Some(why) = self.blocked {
            out.push_str(", not asserted: ");
            out.push_str(why);
        }
        out
    }
}

/// Polarity, modality, attribution and embedding of a trigger's clause.
pub(crate) fn context(
    p: &Prepared,
    s: usize,
    t: &Trig,
    start: usize,
    barrier: Option<&str>,
    quotes: &[clause::Quote],
    tense: Option<Tense>,
) -> Context {
    let clause = |start: usize, keep_barrier: bool| Clause {
        p,
        s,
        t,
        start,
        barrier: barrier.filter(|_| keep_barrier),
        tense,
        before: (start..t.first).collect(),
        after: (t.last..(t.last + 2).min(p.sentences[s].last)).collect(),
        text_before: p.spaced(start, t.first),
    };
    let whole = clause(start, true);
    let in_speech_clause = whole.in_speech_clause();
    let (attributed, attributed_role, speakers) = whole.attribution(quotes, in_speech_clause);
    // "n'a rien dit et a accusé X", "would change nothing and accused X":
    // a verb in a past tense coordinated after "and"/"et" has its own
    // negation and tense; its speaker is the clause's.
    let c = match coordinated_past(p, t, start) {
        Some(k) => clause(k, false),
        None => whole,
    };
    // "Under the deal, Hamas must release 33 hostages", "l'armée doit se
    // retirer": an obligation the story itself states, with no speaker
    // putting it on anyone, is a commitment to come.
    let committed =
        attributed.is_none() && !in_speech_clause && !c.after_complementizer() && c.must();
    let committed_if = |m: Modality| {
        if committed && m == Modality::Asserted {
            Modality::Future
        } else {
            m
        }
    };
    let clause_modality = c.modality(in_speech_clause);
    let modality = committed_if(c.with_noun_adjective(clause_modality));
    let clause_modality = committed_if(clause_modality);
    Context {
        polarity: if c.negated() {
            Polarity::Negative
        } else {
            Polarity::Positive
        },
        modality,
        clause_modality,
        attributed,
        attributed_role,
        speakers,
        blocked: c.blocked(committed),
    }
}

/// The token after the "and"/"et" that a verb in a past tense follows,
/// within the clause from `start`: English "and accused", French "et a
/// accusé" (past at most one adverb after the auxiliary).
fn coordinated_past(p: &Prepared, t: &Trig, start: usize) -> Option<usize> {
    let and = super::frames::coordinator_before(p, t.first, start)?;
    let past = match (p.lang, &t.what) {
        (Lang::En, Trigger::Verb(_, Tense::Past)) => and + 1 == t.first,
        (Lang::Fr, Trigger::Verb(_, Tense::Participle)) => {
            matches!(p.norm(and + 1), "a" | "ont") && t.first <= and + 3
        }
        _ => false,
    };
    (past && and > start).then_some(and + 1)
}

/// A trigger's clause, as the qualifiers read it.
struct Clause<'c, 'a> {
    p: &'c Prepared<'a>,
    s: usize,
    t: &'c Trig,
    start: usize,
    barrier: Option<&'c str>,
    tense: Option<Tense>,
    /// The clause's tokens before the trigger.
    before: Vec<usize>,
    /// Up to two tokens after the trigger.
    after: Vec<usize>,
    text_before: &'c str,
}

impl Clause<'_, '_> {
    /// Whether the trigger is negated: a negation in the clause, "sans",
    /// "without", or a refusal governing it.
    fn negated(&self) -> bool {
        let (p, s, t, start, tense) = (self.p, self.s, self.t, self.start, self.tense);
        let (lex, lang, head) = (&p.k.lex, p.lang, t.first);
        let (before, after, text_before) = (&self.before, &self.after, self.text_before);
        // Polarity
        // Multi-word negations in the clause: "en aucun cas", "in no case".
        let mut negative = lex
            .phrases_of(lang, "negation")
            .iter()
            .any(|n| n.contains(' ') && has_words(text_before, n));
        match lang {
            Lang::Fr => {
                let ne = before
                    .iter()
                    .rev()
                    .take(6)
                    .any(|&j| matches!(p.norm(j), "ne" | "n'"));
                let post = before
                    .iter()
                    .rev()
                    .take(4)
                    .chain(after.iter())
                    .any(|&j| lex.is(lang, "negation_post", p.norm(j)));
                if ne && post {
                    negative = true;
                }
                if head > 0 && matches!(p.norm(head - 1), "sans") {
                    negative = true;
                }
                if matches!(t.what, Trigger::Noun(_))
                    && head > 0
                    && matches!(p.norm(head - 1), "aucun" | "aucune")
                {
                    negative = true;
                }
            }
            Lang::En => {
                // "did not, however, agree to step down": a parenthetical
                // adverb between commas does not push the negation away.
                let near = before
                    .iter()
                    .rev()
                    .filter(|&&j| {
                        !matches!(
                            p.norm(j),
                            "," | "however" | "though" | "therefore" | "moreover" | "still" | "yet"
                        )
                    })
                    .take(5);
                if near
                    .clone()
                    .any(|&j| matches!(p.norm(j), "not" | "n't" | "never"))
                {
                    negative = true;
                }
                if head > 0 && matches!(p.norm(head - 1), "no" | "without") {
                    negative = true;
                }
            }
        }
        // A noun in a refused infinitive phrase: "refusing to lift the curfew";
        // not one with its own agent ("refused to join the NATO-led war").
        if tense.is_none()
            && before.iter().rev().take(6).any(|&j| {
                j > start
                    && matches!(p.norm(j), "to" | "de" | "d'")
                    && lex.is_verb(lang, "refusal", p.norm(j - 1))
            })
            && !p
                .ending_at(head)
                .any(|mi| p.mentions[mi].kind == MentionKind::Demonym)
        {
            negative = !negative;
        }
        // Refusal verbs governing an infinitive: "refused to meet", "a refusé de rencontrer".
        if matches!(tense, Some(Tense::Infinitive)) {
            let gov: Vec<usize> =
                (head.saturating_sub(3).max(p.sentences[s].first)..head).collect();
            if gov.iter().any(|&j| lex.is_verb(lang, "refusal", p.norm(j))) {
                negative = !negative;
            }
        }
        negative
    }

    /// Whether the clause is the content of a speech verb: "said that X…",
    /// and in English a speech verb earlier in the sentence.
    fn in_speech_clause(&self) -> bool {
        let (p, s, start, barrier) = (self.p, self.s, self.start, self.barrier);
        let (lex, lang, head) = (&p.k.lex, p.lang, self.t.first);
        let speech = |j: usize| speech_verb_at(p, j);
        matches!(barrier, Some("que" | "qu'" | "that")) && start >= 2 && {
            let lo = start.saturating_sub(6).max(p.sentences[s].first);
            let that = speech_that(p, s, start - 1);
            (lo..start - 1).any(|j| speech(j) || lex.is_verb(lang, "future", p.norm(j)))
                || that != start - 1 && speech_verb_before(p, s, that).is_some()
        } || (lang == Lang::En
            && (barrier.is_none() && (p.sentences[s].first..head).any(speech)
                || (start..head).any(speech)))
    }

    /// Asserted, future, possible, reported or hypothetical: auxiliaries,
    /// modal verbs, the trigger's tense, commitments, adjectives of plan.
    fn modality(&self, in_speech_clause: bool) -> Modality {
        let (p, s, start, barrier, tense) = (self.p, self.s, self.start, self.barrier, self.tense);
        let (lex, lang, head) = (&p.k.lex, p.lang, self.t.first);
        let (before, text_before) = (&self.before, self.text_before);
        let mut modality = Modality::Asserted;
        let near: Vec<&str> = before.iter().rev().take(5).map(|&j| p.norm(j)).collect();
        let aux_cond = near
            .iter()
            .any(|w| matches!(*w, "aurait" | "auraient" | "serait" | "seraient"));
        if let Some(b) = barrier {
            let b2 = if start < head {
                format!("{b}{}", p.norm(start))
            } else {
                b.to_string()
            };
            if lex.is(lang, "hypothetical", b) || lex.is(lang, "hypothetical", &b2) {
                modality = Modality::Hypothetical;
            }
        }
        if modality == Modality::Asserted {
            // "le parti au pouvoir": the noun, not the modal verb.
            let noun = |j: usize| {
                j > 0
                    && p.norm(j) == "pouvoir"
                    && matches!(p.norm(j - 1), "au" | "le" | "du" | "de" | "son" | "leur")
            };
            // "PARIS, May 3 —", "on 3 May": the month, not the modal.
            let month = |j: usize| {
                p.norm(j) == "may"
                    && (p.tokens[j].upper && j > p.sentences[s].first
                        || p.tokens.get(j + 1).is_some_and(|t| t.kind == Kind::Number)
                        || j > 0 && p.tokens[j - 1].kind == Kind::Number)
            };
            let possible = before.iter().rev().take(5).any(|&j| {
                let w = &p.norm(j);
                if month(j) {
                    return false;
                }
                lex.is_verb(lang, "possible", w) && !matches!(*w, "would") && !noun(j)
                    || matches!(
                        *w,
                        "could"
                            | "may"
                            | "might"
                            | "can"
                            | "pourrait"
                            | "pourraient"
                            | "peut"
                            | "peuvent"
                            | "pouvait"
                    )
            });
            let will = near.iter().any(|w| {
                matches!(
                    *w,
                    "will" | "shall" | "'ll" | "va" | "vont" | "allait" | "allaient"
                )
            });
            let would = near.contains(&"would");
            let commit = self.commitment();
            if possible {
                modality = Modality::Possible;
            } else if aux_cond && matches!(tense, Some(Tense::Participle)) {
                modality = Modality::Reported;
            } else if will || commit || matches!(tense, Some(Tense::Future)) {
                modality = Modality::Future;
            } else if matches!(tense, Some(Tense::Conditional)) || would {
                modality = if in_speech_clause {
                    Modality::Future
                } else if would {
                    Modality::Possible
                } else {
                    Modality::Reported
                };
            } else if text_before.contains(" reportedly ") || text_before.contains(" allegedly ") {
                modality = Modality::Reported;
            }
        }
        modality
    }

    /// "a possible war", "une éventuelle offensive", "the planned
    /// deployment": an adjective of possibility or plan before a predicate
    /// noun, when the clause asserts.
    fn with_noun_adjective(&self, modality: Modality) -> Modality {
        let (p, start, head) = (self.p, self.start, self.t.first);
        let (lex, lang) = (&p.k.lex, p.lang);
        if self.tense.is_none() && modality == Modality::Asserted {
            let lo = head.saturating_sub(2).max(start);
            if (lo..head).any(|j| lex.is(lang, "possible_adjective", p.norm(j))) {
                return Modality::Possible;
            } else if (lo..head).any(|j| lex.is(lang, "future_adjective", p.norm(j))) {
                return Modality::Future;
            }
        }
        modality
    }

    /// Whether a commitment verb governs the trigger: "promised to meet",
    /// "expects X to support", French "veut renforcer".
    fn commitment(&self) -> bool {
        let (p, start, tense) = (self.p, self.start, self.tense);
        let (lex, lang, head) = (&p.k.lex, p.lang, self.t.first);
        let before = &self.before;
        // "promised to meet", and for a noun "promised to send aid": a
        // commitment verb before the infinitive marker governing it.
        // Chained infinitives keep it: "willing to send troops to help defend X".
        let marked = |j: usize| {
            j > start
                && matches!(p.norm(j), "to" | "de" | "d'" | "a")
                && lex.is_verb(lang, "future", p.norm(j - 1))
        };
        // "expect the Czech Republic to support X": the governing verb may
        // stand before the infinitive's own subject.
        if matches!(tense, Some(Tense::Infinitive)) {
            before
                .iter()
                .rev()
                .take(8)
                .any(|&j| lex.is_verb(lang, "future", p.norm(j)))
        } else {
            // French modals take a bare infinitive: "veut renforcer sa coopération";
            // a pledge takes the promised act as its object: "pledged new aid
            // to X", "a promis à X une aide".
            tense.is_none()
                && before.iter().rev().take(5).any(|&j| {
                    marked(j)
                        || lang == Lang::Fr
                            && lex.is_verb(lang, "future", p.norm(j))
                            && j + 1 < head
                            // "a engagé des discussions" is no "s'engager".
                            && (!lex.is_reflexive_only(lang, "future", p.norm(j))
                                || has_reflexive(p, j, start))
                        || lex.is_verb(lang, "pledge", p.norm(j))
                })
        }
    }

    /// Whether a "that"/"que" stands before the trigger in its sentence: an
    /// obligation in a content clause ("a reminder to Iraq that it must
    /// cooperate") is someone's demand, not the story's own statement.
    fn after_complementizer(&self) -> bool {
        let p = self.p;
        (p.sentences[self.s].first..self.t.first)
            .any(|j| matches!(p.norm(j), "that" | "que" | "qu'"))
    }

    /// Whether "must"/"doit" (cue kind `obligation`) stands among the three
    /// tokens before the trigger.
    fn must(&self) -> bool {
        let (p, lex) = (self.p, &self.p.k.lex);
        self.before
            .iter()
            .rev()
            .take(3)
            .any(|&j| lex.is(p.lang, "obligation", p.norm(j)))
    }

    /// Why the clause's content is not asserted: a content or purpose
    /// clause, the content of a demand, an obligation someone puts on
    /// another (`committed`: the story states it, no one demands it).
    fn blocked(&self, committed: bool) -> Option<&'static str> {
        let (p, s, start, barrier, tense) = (self.p, self.s, self.start, self.barrier, self.tense);
        let (lex, lang) = (&p.k.lex, p.lang);
        let before = &self.before;
        // Content clauses are not asserted: "des garanties selon lesquelles ...", "pour que ...".
        let mut blocked = None;
        let lo = start.saturating_sub(3).max(p.sentences[s].first);
        let lead = p.joined(lo, start);
        if lex
            .phrases_of(lang, "content")
            .iter()
            .any(|c| lead.ends_with(c.as_str()))
        {
            blocked = Some("content clause (not asserted)");
        }
        // "its demand today that Israel ease …", "urged on Monday that …": the
        // clause a demand verb or noun introduces is its content, not a fact.
        if blocked.is_none() && matches!(barrier, Some("that" | "que" | "qu'")) && start >= 1 {
            let lo = start.saturating_sub(4).max(p.sentences[s].first);
            let demand = (lo..start - 1).any(|j| {
                let verb = lex.is_verb_of(lang, p.norm(j), Predicate::DemandsFrom);
                let noun = p
                    .noun_at(j, start)
                    .is_some_and(|(_, n)| lex.nouns[n].predicate == Predicate::DemandsFrom);
                verb || noun
            });
            if demand {
                blocked = Some("content clause (not asserted)");
            }
        }
        // "Y must withdraw", "X et Y doivent conclure un accord": an obligation
        // is not a fact (the demand it reports is read by `obligation`).
        if !committed
            && (self.must()
                || before
                    .iter()
                    .rev()
                    .take(3)
                    .any(|&j| matches!(p.norm(j), "should" | "ought" | "devrait" | "devraient")))
        {
            blocked = Some("obligation (not asserted)");
        }
        if blocked.is_none() && super::proposed::proposed(p, s, self.t.first) {
            blocked = Some("proposed, asked for or allowed (not asserted)");
        }
        if matches!(tense, Some(Tense::Subjunctive))
            && matches!(barrier, Some("que" | "qu'"))
            && lead.contains("pour")
        {
            blocked = Some("purpose clause (not asserted)");
        }
        blocked
    }

    /// Who the claim is attributed to ("according to X", a quotation's
    /// speaker, the subject of a speech verb), and all coordinated speakers.
    fn attribution(
        &self,
        quotes: &[clause::Quote],
        in_speech_clause: bool,
    ) -> (Option<usize>, Option<&'static str>, Vec<usize>) {
        let (p, s, start, barrier) = (self.p, self.s, self.start, self.barrier);
        let (lex, lang, head) = (&p.k.lex, p.lang, self.t.first);
        // Attribution: "selon X" / "according to X", quotation speaker, speech verb subject.
        let mut attributed = None;
        let mut role = None;
        let mut speakers = Vec::new();
        let sent = &p.sentences[s];
        for c in lex.phrases_of(lang, "according") {
            let n = c.split(' ').count();
            for j in sent.first..sent.last.saturating_sub(n) {
                if p.joined(j, j + n) == c.as_str() {
                    let mut k = j + n;
                    while k < sent.last && is_article(lang, p.norm(k)) {
                        k += 1;
                    }
                    if let Some(m) = p
                        .starting_in(j + n, k + 1)
                        .map(|mi| &p.mentions[mi])
                        .find(|m| usable(m))
                    {
                        attributed = m.ents.first().copied();
                        role = m.role;
                    }
                }
            }
        }
        if attributed.is_none() {
            if let Some(q) = clause::quote_at(quotes, head) {
                if let Some(mi) = quote_speaker(p, q) {
                    attributed = p.mentions[mi].ents.first().copied();
                    role = p.mentions[mi].role;
                }
            }
        }
        // "X accused Y of attacking Z": the charged act is the accuser's claim.
        let accuser = attributed
            .is_none()
            .then(|| super::frames::accused_of(p, start, head))
            .flatten()
            .and_then(|(_, verb)| subject_in(p, start, verb, &[]));
        let speaker = if attributed.is_some() {
            None
        } else if accuser.is_some() {
            accuser
        } else if in_speech_clause && matches!(barrier, Some("que" | "qu'" | "that")) {
            speech_verb_before(p, s, speech_that(p, s, start - 1))
                .and_then(|v| speech_subject(p, s, v))
        } else if in_speech_clause && lang == Lang::En {
            self.zero_that_speaker()
        } else {
            self.trailing_speaker()
        };
        if let Some(mi) = speaker {
            attributed = p.mentions[mi].ents.first().copied();
            role = p.mentions[mi].role;
            speakers = super::mentions::coref::coordination_group(p, mi)
                .into_iter()
                .filter_map(|m| p.mentions[m].ents.first().copied())
                .collect();
        }
        (attributed, role, speakers)
    }

    /// "Turkey said it would not recognise …", "X told reporters on Monday
    /// Y had …": an English speech verb whose content clause has no "that".
    /// The clause's own subject must stand between the verb and the trigger,
    /// so that "X announced sanctions on Y" (the verb's object) is not read
    /// as X reporting its own act.
    fn zero_that_speaker(&self) -> Option<usize> {
        let (p, s, head) = (self.p, self.s, self.t.first);
        let first = p.sentences[s].first;
        let verb = (first..head).rev().find(|&j| speech_verb_at(p, j))?;
        // "declared himself president" says nothing; ", and Y …" opens a
        // clause of its own, not the reported one.
        let reflexive = matches!(
            p.norm(verb + 1),
            "himself" | "herself" | "itself" | "themselves"
        );
        let coordinated =
            (verb + 1..head).any(|j| p.norm(j) == "," && matches!(p.norm(j + 1), "and" | "but"));
        if reflexive || coordinated {
            return None;
        }
        p.lying_in(verb + 1, head).find(|(_, m)| usable(m))?;
        speech_subject(p, s, verb)
    }

    /// A reporting clause after the content: "…, the Pentagon said on
    /// Friday", "…, said a Kremlin spokesman", "…, a indiqué le ministère",
    /// "…, a-t-il déclaré". It must follow a comma after the trigger and
    /// introduce no content of its own ("…, X said that …" reports another
    /// clause).
    fn trailing_speaker(&self) -> Option<usize> {
        let (p, s) = (self.p, self.s);
        let lex = &p.k.lex;
        let last = p.sentences[s].last;
        let speech = |j: usize| j < last && speech_verb_at(p, j);
        let aux = |j: usize| j < last && perfect_aux(p.norm(j));
        // The speech verb at `j`, or after one auxiliary.
        let verb_at = |j: usize| {
            if speech(j) {
                Some(j)
            } else if aux(j) && speech(j + 1) {
                Some(j + 1)
            } else if aux(j) && j + 2 < last && p.norm(j + 1) == "il" && speech(j + 2) {
                Some(j + 2)
            } else {
                None
            }
        };
        // What may follow a reporting clause that ends the sentence: its
        // date, place or manner ("said on Friday", "in a statement"), not a
        // content clause ("…, Germany said it would help").
        let tail_ok = |j: usize| {
            j + 1 >= last
                || matches!(
                    p.norm(j),
                    "." | ","
                        | ";"
                        | "on"
                        | "in"
                        | "at"
                        | "late"
                        | "earlier"
                        | "yesterday"
                        | "today"
                        | "last"
                        | "this"
                        | "after"
                        | "before"
                        | "during"
                        | "while"
                        | "le"
                        | "lors"
                        | "dans"
                        | "hier"
                        | "mardi"
                        | "lundi"
                        | "mercredi"
                        | "jeudi"
                        | "vendredi"
                        | "samedi"
                        | "dimanche"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "reporters"
                        | "journalists"
                )
        };
        let speaker =
            |m: &super::Mention| usable(m) && !m.locative && m.kind != MentionKind::Demonym;
        for comma in (self.t.last..last).filter(|&j| p.norm(j) == ",") {
            let c = comma + 1;
            // ", said X" / ", a déclaré X" / ", a-t-il déclaré".
            if let Some(v) = verb_at(c) {
                let found = if p.norm(c) == "a" && p.norm(c + 1) == "il" {
                    p.lying_in(c + 1, c + 2)
                        .find(|(_, m)| speaker(m))
                        .map(|(mi, _)| mi)
                } else {
                    // An inverted speaker follows the verb at once, or
                    // after an article or a date; "a rappelé son
                    // ambassadeur en Tunisie" has an object instead.
                    // Not an English subject pronoun: ", said it regretted …"
                    // opens a content clause.
                    p.starting_in(v + 1, (v + 6).min(last))
                        .find(|&mi| speaker(&p.mentions[mi]))
                        .filter(|&mi| {
                            !(p.lang == Lang::En && p.mentions[mi].kind == MentionKind::Pronoun)
                        })
                        .filter(|&mi| {
                            (v + 1..p.mentions[mi].first).all(|k| {
                                let w = p.norm(k);
                                !lex.is(p.lang, "possessive_sg", w)
                                    && !lex.is(p.lang, "possessive_pl", w)
                            }) && !(p.mentions[mi].first > v + 1
                                && clause::is_preposition(p.lang, p.norm(p.mentions[mi].first - 1)))
                        })
                };
                if found.is_some() {
                    return found;
                }
                continue;
            }
            // ", the Pentagon said on Friday": the speaker starts the clause
            // (an article may precede it) and its verb follows at once.
            let found = p
                .starting_in(c, (c + 2).min(last))
                .filter(|&mi| speaker(&p.mentions[mi]))
                .find(|&mi| verb_at(p.mentions[mi].last).is_some_and(|v| tail_ok(v + 1)));
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

/// The "that"/"que" that opens a reported clause: for a clause coordinated
/// with an earlier one ("said that X … and that Y …", "a assuré qu'elle
/// continuerait … et qu'elle coopérerait"), the first one's. `that` is the
/// barrier's token.
fn speech_that(p: &Prepared, s: usize, that: usize) -> usize {
    let first = p.sentences[s].first;
    if that < first + 2 || !matches!(p.norm(that - 1), "and" | "et" | "or" | "ou") {
        return that;
    }
    (first..that - 1)
        .rev()
        .find(|&j| matches!(p.norm(j), "that" | "que" | "qu'"))
        .map_or(that, |j| speech_that(p, s, j))
}

/// The speech or commitment verb at most five tokens before the reported
/// clause's "that"/"que" ("said on Monday that", "a promis que").
fn speech_verb_before(p: &Prepared, s: usize, that: usize) -> Option<usize> {
    let (lex, lang) = (&p.k.lex, p.lang);
    let lo = that.saturating_sub(5).max(p.sentences[s].first);
    (lo..that)
        .rev()
        .find(|&j| speech_verb_at(p, j) || lex.is_verb(lang, "future", p.norm(j)))
}

/// Whether token `j` is a speech verb: a form of one that is not part of a
/// name ("states" in "the United States") nor an English plural noun after
/// a determiner, a number or a participle ("three neighbouring states",
/// "the reports", "its claims").
fn speech_verb_at(p: &Prepared, j: usize) -> bool {
    let lex = &p.k.lex;
    if !lex.is_verb(p.lang, "speech", p.norm(j)) || p.covering(j).next().is_some() {
        return false;
    }
    let noun = p.lang == Lang::En && j > 0 && p.norm(j).ends_with('s') && {
        let prev = p.norm(j - 1);
        is_article(p.lang, prev)
            || p.tokens[j - 1].kind == crate::text::Kind::Number
            || lex.is(p.lang, "possessive_sg", prev)
            || lex.is(p.lang, "possessive_pl", prev)
            || matches!(
                prev,
                "several"
                    | "many"
                    | "other"
                    | "some"
                    | "both"
                    | "all"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
            )
            || prev.ends_with("ing") && !lex.is_verb(p.lang, "speech", prev)
    };
    !noun
}

/// The auxiliary of a perfect before a speech verb ("has said", "a déclaré").
fn perfect_aux(w: &str) -> bool {
    matches!(
        w,
        "has" | "had" | "have" | "a" | "ont" | "avait" | "avaient"
    )
}

/// The subject of the speech verb at `verb`. A verb coordinated with an
/// earlier one ("X accused Y of …, and said …", "La Maison Blanche a dit
/// regretter la décision et a affirmé que …") shares that verb's subject,
/// which is the clause's first subject, not the nearest noun.
pub(crate) fn speech_subject(p: &Prepared, s: usize, verb: usize) -> Option<usize> {
    let (cs, _) = clause_start(p, s, verb);
    let mut k = verb;
    if k > cs && perfect_aux(p.norm(k - 1)) {
        k -= 1;
    }
    if k > cs && matches!(p.norm(k - 1), "and" | "et") {
        // The first verb's clause may hold subordinators ("as a weapon"):
        // read from the sentence's main clause.
        return main_clause_subject(p, s, k, &[]);
    }
    // "Oman, which has mediated between X and Y, said …", "…, saying he
    // would …": after a comma closing a relative clause, an apposition or
    // the main clause, the sentence's subject.
    if k > p.sentences[s].first && p.norm(k - 1) == "," {
        return main_clause_subject(p, s, k - 1, &[]);
    }
    subject_in(p, cs, verb, &[])
}

/// The first subject of sentence `s`'s main clause before token `end`,
/// after an opening subordinate clause ("After …, X accused …"), skipping
/// the mentions in `used`.
pub(crate) fn main_clause_subject(
    p: &Prepared,
    s: usize,
    end: usize,
    used: &[usize],
) -> Option<usize> {
    let first = p.sentences[s].first;
    let lo = if p.k.lex.is(p.lang, "subordinator", p.norm(first)) {
        (first..end)
            .find(|&j| p.norm(j) == ",")
            .map_or(first, |c| c + 1)
    } else {
        first
    };
    p.lying_in(lo, end)
        .find(|&(mi, m)| {
            usable(m) && !m.locative && is_subject_position(p, m) && !used.contains(&mi)
        })
        .map(|(mi, _)| mi)
}

/// Clause start for a trigger at `head`: after the nearest barrier.
pub(crate) fn clause_start(p: &Prepared, s: usize, head: usize) -> (usize, Option<String>) {
    let first = p.sentences[s].first;
    let mut j = head;
    while j > first {
        let w = p.norm(j - 1);
        // A short quoted phrase (« nouveau modèle de coopération ») is part of the clause.
        if matches!(w, "»" | "”") {
            let lo = j.saturating_sub(9).max(first);
            if let Some(open) = (lo..j - 1).rev().find(|&k| matches!(p.norm(k), "«" | "“")) {
                j = open;
                continue;
            }
        }
        if matches!(w, "«" | "“")
            && (j..(j + 9).min(p.sentences[s].last)).any(|k| matches!(p.norm(k), "»" | "”"))
        {
            j -= 1;
            continue;
        }
        // So is one in straight quotes ('praised its "principled
        // position" and pledged …'): a closing quote (an even count of
        // quotes up to it) with its opening one at most nine tokens before.
        if w == "\"" && (first..j).filter(|&k| p.norm(k) == "\"").count() % 2 == 0 {
            let lo = j.saturating_sub(9).max(first);
            if let Some(open) = (lo..j - 1).rev().find(|&k| p.norm(k) == "\"") {
                j = open;
                continue;
            }
        }
        // A short parenthesis ("(UNITA)", "(Conservatives)") is part of the clause.
        if w == ")" {
            let lo = j.saturating_sub(6).max(first);
            if let Some(open) = (lo..j - 1).rev().find(|&k| p.norm(k) == "(") {
                j = open;
                continue;
            }
        }
        if matches!(w, ";" | ":" | "«" | "»" | "“" | "”" | "(" | ")" | "\"") {
            return (j, Some(w.to_string()));
        }
        // "s'il" is "si il"; other "s'" are reflexive.
        if w == "s'" && matches!(p.norm(j), "il" | "ils") {
            return (j, Some("si".to_string()));
        }
        if p.k.lex.is(p.lang, "subordinator", w) || p.k.lex.is(p.lang, "relative_subject", w) {
            if matches!(w, "que" | "qu'") && is_restrictive_que(p, first, j - 1) {
                j -= 1;
                continue;
            }
            // "as well as", "ainsi que", "comme" inside coordination are not barriers
            if (w == "as" && (p.norm(j) == "well" || j >= 2 && p.norm(j - 2) == "well"))
                || w == "comme"
                || (w == "que" && j >= 2 && matches!(p.norm(j - 2), "ainsi" | "meme"))
            {
                j -= 1;
                continue;
            }
            // A relative clause set off by commas before the head ("la
            // Hongrie, dont le Premier ministre …, a critiqué …") is not the
            // head's clause: read on before it (`subject_in` skips it).
            if closed_relative(p, w, j, head) {
                j -= 2;
                continue;
            }
            return (j, Some(w.to_string()));
        }
        j -= 1;
    }
    (first, None)
}

/// Whether the relative pronoun `w` at `j - 1` opens a clause set off by
/// commas that closes before `head` and has a verb ("dont la lutte contre
/// X," is a list: "including").
fn closed_relative(p: &Prepared, w: &str, j: usize, head: usize) -> bool {
    let relative = matches!(
        w,
        "dont" | "whose" | "which" | "who" | "qui" | "lequel" | "laquelle"
    ) && j >= 2
        && p.norm(j - 2) == ",";
    let Some(close) = (j..head).find(|&k| p.norm(k) == ",").filter(|_| relative) else {
        return false;
    };
    // A word after an article is a noun ("dont la lutte contre …").
    (j..close).any(|k| {
        super::frames::is_verb_form(p, k) && !is_article(p.lang, p.norm(k - 1))
            || matches!(
                p.norm(k),
                "is" | "was" | "are" | "were" | "est" | "sont" | "etait" | "etaient"
            )
    })
}

/// "ne ... que" is restrictive ("il ne s'est rendu ... que deux fois").
pub(crate) fn is_restrictive_que(p: &Prepared, first: usize, que: usize) -> bool {
    if p.lang != Lang::Fr {
        return false;
    }
    // "pour qu'elle", "alors qu'il": a conjunction, not "ne ... que".
    if que > first
        && matches!(
            p.norm(que - 1),
            "pour" | "afin" | "alors" | "tandis" | "bien" | "parce" | "ainsi" | "sorte" | "lors"
        )
        || matches!(p.norm(que + 1), "il" | "elle" | "ils" | "elles" | "on")
    {
        return false;
    }
    let lo = que.saturating_sub(10).max(first);
    let ne = (lo..que).rev().find(|&j| matches!(p.norm(j), "ne" | "n'"));
    match ne {
        Some(n) => {
            !(lo..que).any(|j| {
                p.k.lex.is(Lang::Fr, "negation_post", p.norm(j))
                    || matches!(p.norm(j), "aucun" | "aucune")
            }) && n < que
        }
        None => false,
    }
}

/// Whether `phrase` occurs in `spaced` (words each with a space on both
/// sides) as whole words; no allocation.
fn has_words(spaced: &str, phrase: &str) -> bool {
    spaced.match_indices(phrase).any(|(i, _)| {
        let b = spaced.as_bytes();
        i > 0 && b[i - 1] == b' ' && b.get(i + phrase.len()) == Some(&b' ')
    })
}
