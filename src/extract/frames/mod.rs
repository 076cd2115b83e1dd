//! Argument attachment: the clause subject, the object or agent a frame's
//! markers introduce, relative antecedents, controllers of infinitives and
//! coordinated actors. The decisions of which mention fills which role of a
//! trigger's frame live here.

mod noun;
mod verb;

pub(crate) use noun::noun_frame;
pub(crate) use verb::{accused_of, coordinator_before, verb_frame};

use super::clause::{is_article, is_preposition};
use super::mentions::coref::{coordination_group, is_subject_position};
use super::mentions::is_function_word;
use super::{Mention, MentionKind, Prepared};
use crate::lexicon::EntityType;
use crate::text::{Kind, Lang};

/// A trigger's arguments, attached: what this stage hands to the qualifiers
/// (`context`) and to statement making (`statements`).
/// Mentions are indices into [`Prepared::mentions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Frame {
    /// The argument in subject position: a verb's clause subject (or its
    /// stand-in: relative antecedent, controller), a predicate noun's agent
    /// (possessor, marked agent, subject of its light verb).
    pub subject: Option<usize>,
    /// The argument the frame's markers introduce: the object, the patient.
    pub object: Option<usize>,
    /// Whether the subject undergoes the event and the object performs it
    /// ("was criticized by X", "est confronté à une pression de X").
    pub passive: bool,
    /// Whether the subject is the clause's own subject, whose coordinated
    /// actors may act on one another ("A and B agreed", "A et B ont repris
    /// les négociations"), rather than a possessor or a marked agent.
    pub clause_subject: bool,
    /// How the arguments were found, for `explain`.
    pub how: &'static str,
}

impl Frame {
    /// The frame for `explain`: each argument's words and how it was found.
    pub(crate) fn describe(&self, p: &Prepared) -> String {
        let arg = |m: Option<usize>| match m {
            Some(mi) => {
                let m = &p.mentions[mi];
                format!("\"{}\"", p.surface(m.first, m.last))
            }
            None => "none".to_string(),
        };
        format!(
            "subject {}, object {} ({}{})",
            arg(self.subject),
            arg(self.object),
            self.how,
            if self.passive { ", passive" } else { "" }
        )
    }
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

/// Whether the English infinitive at `head` follows "to" right after an
/// actor that is not a location and is itself the object of a preposition:
/// "permission to Russia to help", "it is up to Iran to act" (unlike "sent
/// troops to Mali to help", or "expect Chile to support X", read as future).
pub(crate) fn object_controlled(p: &Prepared, head: usize) -> bool {
    p.lang == Lang::En
        && head >= 2
        && p.norm(head - 1) == "to"
        && p.ending_at(head - 1).any(|mi| {
            let m = &p.mentions[mi];
            !m.locative && usable(m) && m.first > 0 && is_preposition(p.lang, p.norm(m.first - 1))
        })
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
        if usable(m)
            && !m.locative
            && !used.contains(&mi)
            && is_subject_position(p, m)
            && !in_apposition(p, start, head, m)
        {
            best = Some(mi);
        }
    }
    best
}

/// Whether mention `m` lies in an apposition of an actor before the head:
/// "Pakistan, a key U.S. ally in the region, has refused …", "Chile, the
/// largest partner of Peru, said …": between commas, opened by an article
/// right after an actor's name. A relative clause on that name is set off
/// the same way: "la Hongrie, dont le Premier ministre bloque …, a
/// critiqué …", "Hungary, whose leader …, said …".
fn in_apposition(p: &Prepared, start: usize, head: usize, m: &Mention) -> bool {
    let lo = m.first.saturating_sub(8).max(start + 1);
    let Some(open) = (lo..m.first).rev().find(|&j| p.norm(j) == ",") else {
        return false;
    };
    let close = (m.last..head.min(m.last + 10)).find(|&j| p.norm(j) == ",");
    close.is_some()
        && open + 1 < m.first
        && (is_article(p.lang, p.norm(open + 1))
            || matches!(
                p.norm(open + 1),
                "dont" | "whose" | "which" | "who" | "qui" | "que" | "qu'"
            ))
        && p.ending_at(open).any(|a| usable(&p.mentions[a]))
}

pub(crate) fn bare_officials_in(p: &Prepared, start: usize, head: usize) -> bool {
    p.lying_in(start, head)
        .any(|(_, m)| m.kind == MentionKind::BareOfficials)
}

/// Whether the mention at `j` follows "alongside" or "aux côtés de" /
/// "à côté de" (cue kind `companion`): it acts with the subject ("fought
/// alongside X against Y"), it is not the object.
fn companion_before(p: &Prepared, j: usize) -> bool {
    let lex = &p.k.lex;
    // French: the noun of "aux côtés de", "à côté de".
    let at = |k: usize| {
        lex.is(p.lang, "companion", p.norm(k))
            && (p.lang == Lang::En || k >= 1 && matches!(p.norm(k - 1), "aux" | "a"))
    };
    // Then words of the same noun phrase: "alongside the army", "aux côtés
    // des forces azerbaïdjanaises".
    (j.saturating_sub(4)..j).any(|k| {
        at(k)
            && (k + 1..j).all(|i| {
                p.tokens[i].kind == Kind::Word && !is_preposition(p.lang, p.norm(i))
                    || matches!(p.norm(i), "de" | "des" | "du" | "d'")
            })
    })
}

/// How a frame found its subject when it shares the main clause's across
/// "and" ("X said that … and announced …"): the act is the main clause's
/// own, not part of what was reported.
pub(crate) const COORDINATED_SUBJECT: &str = "subject of the verb coordinated before";

/// Whether token `j` starts a verb phrase: a verb of the lexicon or of
/// speech, an auxiliary, an English "-ed" form, a French participle.
pub(crate) fn is_verb_form(p: &Prepared, j: usize) -> bool {
    if j >= p.tokens.len() || p.tokens[j].kind != Kind::Word {
        return false;
    }
    let (lex, lang, w) = (&p.k.lex, p.lang, p.norm(j));
    lex.verb(lang, w).is_some()
        || lex.is_verb(lang, "speech", w)
        || matches!(
            w,
            "a" | "ont" | "avait" | "has" | "have" | "had" | "will" | "would"
        )
        || participle_like(lang, w)
        || (lang == Lang::Fr && accented_participle(p, j))
}

/// Whether the French token at `j` ends like a past participle in its
/// surface form ("-é", "-ée", "-és", "-ées"), which folding hides.
pub(crate) fn accented_participle(p: &Prepared, j: usize) -> bool {
    let w = p.surface(j, j + 1).to_lowercase();
    ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
}

/// Whether a folded word looks like a past participle: English "-ed",
/// French feminine "-ée(s)" (folding hides the masculine "-é").
pub(crate) fn participle_like(lang: Lang, w: &str) -> bool {
    w.len() > 4
        && match lang {
            Lang::En => w.ends_with("ed"),
            Lang::Fr => w.ends_with("ee") || w.ends_with("ees"),
        }
}

/// Matches marker tokens at `j` (French contractions allowed); returns the end.
pub(crate) fn marker_at(p: &Prepared, j: usize, marker: &[String]) -> Option<usize> {
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
    let mut scan = ObjectScan {
        p,
        from,
        end,
        markers,
        direct,
        types,
        exclude,
        allow_locative,
        seen_marker: direct,
        strict: false,
        words: 0,
    };
    let mut j = from;
    while j < end {
        let w = p.norm(j);
        // "strikes on what it called terrorist camps in X": past the
        // speaker of a free relative after a marker, the thing named.
        if w == "what"
            && !(direct && markers.is_empty())
            && let Some(k) = naming_end(p, j, end)
        {
            j = k;
            continue;
        }
        if scan.boundary(j, w) {
            return None;
        }
        let step = match scan.at_marker(j) {
            Some(step) => step,
            None => match scan.at_mention(j) {
                Some(step) => step,
                None => scan.plain_word(j, w),
            },
        };
        match step {
            Step::Found(mi) => return Some(mi),
            Step::Stop => return None,
            Step::Next(k) => j = k,
        }
    }
    None
}

/// Whether one of a frame's `markers` starts with the folded word `w`.
pub(crate) fn marker_starts(markers: &[Vec<String>], w: &str) -> bool {
    markers.iter().any(|m| m.first().is_some_and(|x| x == w))
}

/// After "what he called", "ce qu'il a qualifié de" (a word of cue kind
/// `naming` within five tokens of `at`, which is "what" or "ce"): the token
/// after the naming word and its "as"/"de"/"comme".
pub(crate) fn naming_end(p: &Prepared, at: usize, last: usize) -> Option<usize> {
    if at >= last || !matches!(p.norm(at), "what" | "ce") {
        return None;
    }
    let j = (at + 1..(at + 6).min(last)).find(|&j| p.k.lex.is(p.lang, "naming", p.norm(j)))? + 1;
    Some(
        if j < last && matches!(p.norm(j), "as" | "de" | "d'" | "comme") {
            j + 1
        } else {
            j
        },
    )
}

/// What a token tells the object scan.
enum Step {
    /// The object.
    Found(usize),
    /// No object in this clause.
    Stop,
    /// Go on at this token.
    Next(usize),
}

/// The scan of [`object_after`]: its constraints and what it has seen.
struct ObjectScan<'s, 'a> {
    p: &'s Prepared<'a>,
    from: usize,
    end: usize,
    markers: &'s [Vec<String>],
    direct: bool,
    types: Option<&'s [EntityType]>,
    exclude: &'s [usize],
    allow_locative: bool,
    /// A marker was read (or the object is direct).
    seen_marker: bool,
    /// The last marker was a bare genitive ("de", "of"): the actor must follow.
    strict: bool,
    /// Words since the last marker.
    words: usize,
}

impl ObjectScan<'_, '_> {
    /// Whether the clause ends at `j`: punctuation, a relative pronoun, a
    /// conjunction, a comma.
    fn boundary(&self, j: usize, w: &str) -> bool {
        let (p, from) = (self.p, self.from);
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
            return true;
        }
        if w == "," && j > from {
            return true;
        }
        // "a demandé à le rencontrer pour partager les propositions de
        // Moscou": right after the verb, "pour"/"afin" opens a purpose
        // clause unless it is the verb's own marker ("voter pour X").
        if j == from && matches!(w, "pour" | "afin") && !marker_starts(self.markers, w) {
            return true;
        }
        // "a averti que Moscou …": a complementizer right after the verb
        // opens its content clause; after "ne" it means "only" ("n'a
        // rencontré que X").
        if j == from
            && matches!(w, "que" | "qu'")
            && !(from.saturating_sub(4)..from).any(|k| matches!(p.norm(k), "ne" | "n'"))
        {
            return true;
        }
        // "ont appelé à boycotter les produits français": "à" and an
        // infinitive right after the verb are its complement; no direct
        // object follows (unless "à" is the frame's own marker).
        if self.direct
            && j == from
            && p.lang == Lang::Fr
            && w == "a"
            && !marker_starts(self.markers, "a")
            && j + 1 < self.end
            && ["er", "ir", "re"]
                .iter()
                .any(|e| p.norm(j + 1).ends_with(e))
        {
            return true;
        }
        // A free relative is the object, not an actor in it: "condemned
        // what he called an attack".
        if w == "what" && self.direct && self.markers.is_empty() {
            return true;
        }
        // "a condamné l'attaque et convoqué les dirigeants du G7": after a
        // direct object that names no actor, a coordinator followed by a
        // verb opens a second verb phrase with an object of its own.
        if self.direct
            && self.words > 0
            && p.k.lex.is(p.lang, "coordinator", w)
            && w != ","
            && p.starting_at(j + 1).is_none()
            && is_verb_form(p, j + 1)
        {
            return true;
        }
        false
    }

    /// A marker at `j` ("against", "with", "de"): go on after it.
    fn at_marker(&mut self, j: usize) -> Option<Step> {
        let p = self.p;
        if let Some((end_m, m)) = self
            .markers
            .iter()
            .filter_map(|m| marker_at(p, j, m).map(|e| (e, m)))
            .max_by_key(|x| x.0)
        {
            // "investigation into crimes committed by X": the agent of a
            // participle after another noun, not of the predicate ("sanctions
            // imposed by X" keep theirs).
            if j > self.from + 1
                && matches!(m[0].as_str(), "by" | "par")
                && participle_like(p.lang, p.norm(j - 1))
            {
                return Some(Step::Stop);
            }
            // A second "de" after the first marker's noun is a genitive
            // ("se retirer de l'accord sur les céréales de la mer Noire").
            if self.seen_marker && self.strict && self.words > 1 {
                return Some(Step::Stop);
            }
            self.seen_marker = true;
            // A bare genitive ("de", "of") must be followed by the actor itself.
            self.strict = m.len() == 1 && matches!(m[0].as_str(), "de" | "d'" | "of");
            self.words = 0;
            return Some(Step::Next(end_m));
        }
        None
    }

    /// A mention at `j`: the object, a blocking actor, or one to pass.
    fn at_mention(&self, j: usize) -> Option<Step> {
        let (p, from, markers, direct) = (self.p, self.from, self.markers, self.direct);
        let (types, exclude, allow_locative) = (self.types, self.exclude, self.allow_locative);
        let (seen_marker, strict, words) = (self.seen_marker, self.strict, self.words);
        if let Some(mi) = p.starting_at(j) {
            let m = &p.mentions[mi];
            let ok_type = m
                .ents
                .first()
                .is_some_and(|&e| types.is_none_or(|ts| ts.contains(&p.ents[e].etype)));
            // "recalled its ambassador from Moscow": a place right after
            // the frame's marker stands for its state (statements::make).
            let for_state = seen_marker
                && !markers.is_empty()
                && words == 0
                && m.ents
                    .first()
                    .is_some_and(|&e| p.state_of_place(e).is_some());
            let ok_type = ok_type || for_state;
            let ok_loc = !m.locative || allow_locative || for_state;
            let prev = if j > 0 { p.norm(j - 1) } else { "" };
            let dative_place = direct && markers.is_empty() && after_dative_a(p, from, j);
            let ok_position = if seen_marker && !markers.is_empty() {
                !(strict && words > 0)
            } else if direct && j == from {
                true
            } else if direct && words > 0 && p.k.lex.is(p.lang, "coordinator", prev) {
                // "condemned the invasion and Hungary welcomed …": after a
                // direct object that names no actor, a conjunct starts anew.
                false
            } else if dative_place {
                // "a reçu jeudi à l'Élysée le chancelier allemand": for a
                // verb taking a direct object, an actor after "à" is where
                // the act took place (a dative would be the entry's marker).
                false
            } else if direct && after_spatial_preposition(p, from, j) {
                // "a salué l'accord depuis la Maison Blanche": where the act
                // took place, not its object.
                false
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
            // Unless the frame's own marker is that phrase ("se range aux
            // côtés de X" supports X).
            let companion_marker = markers
                .iter()
                .any(|mk| mk.iter().any(|w| p.k.lex.is(p.lang, "companion", w)));
            if !companion_marker && companion_before(p, j) {
                return Some(Step::Next(m.last));
            }
            if (usable(m) || demonym_owner)
                && ok_type
                && ok_loc
                && ok_position
                && !exclude.contains(&mi)
            {
                return Some(Step::Found(mi));
            }
            if direct
                && markers.is_empty()
                && usable(m)
                && !m.locative
                && !dative_place
                && !(matches!(prev, "de" | "du" | "des" | "d'" | "of"))
                && ok_type
            {
                // another actor blocks the search
                return Some(Step::Stop);
            }
            return Some(Step::Next(m.last));
        }
        None
    }

    /// Any other token: a reporting verb, another predicate noun or too
    /// many words end the object zone.
    fn plain_word(&mut self, j: usize, w: &str) -> Step {
        let (p, from, end) = (self.p, self.from, self.end);
        // A reporting verb starts another clause: "hosted the talks and said ...".
        if j > from && p.k.lex.is_verb(p.lang, "speech", w) {
            return Step::Stop;
        }
        // Another predicate noun starts a new phrase: "un soutien dans son conflit avec X";
        // not a proposal whose author follows ("rejected recent calls by X"), nor an
        // English modifier ("the withdrawal of invasion forces from X").
        let modifier = p.lang == Lang::En
            && p.tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == Kind::Word && !t.upper && !is_function_word(p, &t.norm));
        // "une proposition de cessez-le-feu présentée par X": the topic of
        // a proposal noun is no new phrase either.
        let topic = p.lang == Lang::Fr
            && j >= from + 2
            && matches!(p.norm(j - 1), "de" | "d'")
            && p.k.lex.is(p.lang, "utterance", p.norm(j - 2));
        if j > from
            && !modifier
            && !topic
            && !p.k.lex.is(p.lang, "utterance", w)
            && (self.words > 0
                || matches!(
                    p.norm(j - 1),
                    "son" | "sa" | "ses" | "leur" | "leurs" | "his" | "her" | "their" | "its"
                ))
            && p.noun_at(j, end).is_some()
        {
            return Step::Stop;
        }
        // "condemned the strikes as a violation of X's sovereignty": after a
        // direct object that names no actor, "as"/"comme" opens a
        // description of it, not another object ("as well as" coordinates).
        if self.direct
            && self.markers.is_empty()
            && self.words > 0
            && matches!(w, "as" | "comme")
            && p.norm(j + 1) != "well"
        {
            return Step::Stop;
        }
        if p.tokens[j].kind == Kind::Word && !is_article(p.lang, w) {
            self.words += 1;
            if self.words > 6 {
                return Step::Stop;
            }
            // another verb of the lexicon ends the object zone
            // Unless it is the participle introducing a proposal's author
            // ("une proposition de cessez-le-feu présentée par X").
            let authored = matches!(p.norm(j + 1), "par" | "by")
                && (from..j).any(|k| p.k.lex.is(p.lang, "utterance", p.norm(k)));
            if j > from + 1
                && p.k.lex.verb(p.lang, w).is_some()
                && !is_article(p.lang, p.norm(j - 1))
                && self.words > 2
                && !authored
            {
                return Step::Stop;
            }
        }
        Step::Next(j + 1)
    }
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

pub(crate) fn speech_before(p: &Prepared, j: usize) -> bool {
    let lo = j.saturating_sub(3);
    (lo..j).any(|k| p.k.lex.is_verb(p.lang, "speech", p.norm(k)))
}

/// The nearest usable, non-locative mention ending before token `j`.
pub(crate) fn antecedent_before(p: &Prepared, j: usize) -> Option<usize> {
    p.lying_in(j.saturating_sub(12 + p.span_bound), j)
        .filter(|(_, m)| usable(m) && !m.locative && j - m.last <= 12)
        .map(|(i, _)| i)
        .last()
}

/// The antecedent of a relative subject pronoun at `j`: the actor right
/// before it (a comma may come between). "l'initiative qui permettait à
/// l'Ukraine …": the antecedent is the initiative, not an earlier actor.
pub(crate) fn subject_antecedent(p: &Prepared, j: usize) -> Option<usize> {
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
pub(crate) fn controller(p: &Prepared, s: usize, head: usize, used: &[usize]) -> Option<usize> {
    let first = p.sentences[s].first;
    subject_in(p, first, head, used)
}

/// Whether the phrase at `j` (after the verb ending before `from`) follows
/// French "à"/"au"/"aux" (an article skipped).
fn after_dative_a(p: &Prepared, from: usize, j: usize) -> bool {
    let k = super::clause::article_before(p, j, from);
    p.lang == Lang::Fr
        && k > from
        && (matches!(p.norm(k - 1), "au" | "aux") || super::clause::is_preposition_a(p, k - 1))
}

/// Whether the phrase at `j` (after the verb ending before `from`) follows a
/// spatial preposition ("in", "at", "dans", "depuis"; articles skipped).
fn after_spatial_preposition(p: &Prepared, from: usize, j: usize) -> bool {
    let mut k = j;
    while k > from && is_article(p.lang, p.norm(k - 1)) {
        k -= 1;
    }
    k > from && p.k.lex.is(p.lang, "spatial", p.norm(k - 1))
}
