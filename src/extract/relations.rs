//! Relations: predicate triggers (verbs and nouns of the lexicon) with their
//! subjects and objects, polarity, modality and attribution.

use super::clause::{self, is_article, is_preposition};
use super::mentions::{coordination_group, is_subject_position, quote_speaker};
use super::{Mention, MentionKind, Prepared};
use crate::lexicon::inflect::Tense;
use crate::lexicon::{EntityType, Trigger};
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};
use crate::text::{Kind, Lang};

/// A predicate trigger found in a sentence.
#[derive(Debug, Clone)]
pub struct Trig {
    /// First token (head, or first noun token).
    pub first: usize,
    /// One past the last token of the trigger (head plus fixed words).
    pub last: usize,
    /// Verb or noun entry.
    pub what: Trigger,
    /// Other entries for the same words, tried in order when `what` finds
    /// no frame ("protest X" criticizes, "protest against X" protests).
    pub alts: Vec<Trigger>,
}

/// Runs relation extraction over every sentence.
pub fn find(p: &mut Prepared) -> Vec<Statement> {
    let quotes = clause::quotes(p);
    let mut out = Vec::new();
    for s in 0..p.sentences.len() {
        let trigs = triggers(p, s);
        let mut used_objects: Vec<usize> = Vec::new();
        for t in &trigs {
            for what in std::iter::once(t.what).chain(t.alts.iter().copied()) {
                let t = Trig {
                    what,
                    alts: Vec::new(),
                    ..t.clone()
                };
                let made = match what {
                    Trigger::Verb(..) => verb_statements(p, s, &t, &quotes, &mut used_objects),
                    Trigger::Noun(_) => noun_statements(p, s, &t, &quotes, &mut used_objects),
                    Trigger::Role(_) => Vec::new(),
                };
                if !made.is_empty() {
                    out.extend(made);
                    break;
                }
            }
        }
    }
    out
}

const ADVERBS: &[&str] = &[
    "pas",
    "plus",
    "jamais",
    "not",
    "n't",
    "also",
    "publiquement",
    "officiellement",
    "egalement",
    "aussi",
    "deja",
    "encore",
    "ensuite",
    "auparavant",
    "finalement",
    "notamment",
    "toujours",
    "bien",
    "vivement",
    "fermement",
    "fortement",
    "clairement",
    "publicly",
    "officially",
    "already",
    "again",
    "strongly",
    "firmly",
    "sharply",
    "later",
    "then",
    "still",
    "formally",
    "reportedly",
    "allegedly",
    "finally",
    "repeatedly",
    "immediately",
    "recently",
    "has",
    "have",
    "had",
    "been",
    "will",
    "would",
];

/// Finds verb and noun triggers in sentence `s`.
pub fn triggers(p: &Prepared, s: usize) -> Vec<Trig> {
    let sent = &p.sentences[s];
    let mut out = Vec::new();
    let mut i = sent.first;
    let mention_starts: std::collections::HashSet<usize> = p
        .mentions
        .iter()
        .filter(|m| m.kind != MentionKind::Demonym)
        .flat_map(|m| m.first..m.last)
        .collect();
    while i < sent.last {
        if mention_starts.contains(&i) || p.tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        // Nouns (multi-word, longest first). A word that is also a verb form
        // ("rencontre"/"rencontré" fold alike) is a noun only after a determiner.
        let verb_here = verb_at(p, i, sent.first, sent.last);
        // French "a" folds like "à": only the written "à" is a preposition.
        let prep = i > sent.first
            && is_preposition(p.lang, p.norm(i - 1))
            && !(p.lang == Lang::Fr && p.surface(i - 1, i) == "a");
        let determined = i > sent.first
            && (is_article(p.lang, p.norm(i - 1))
                || prep
                || matches!(
                    p.norm(i - 1),
                    "son"
                        | "sa"
                        | "ses"
                        | "leur"
                        | "leurs"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "'s"
                        | "our"
                        | "nos"
                        | "notre"
                        | "'"
                ));
        // A capitalised sentence start reads as a noun ("Pressure from X on Y ...").
        let initial = i == sent.first && p.tokens[i].upper && p.lang == Lang::En;
        // English "new sanctions", "further aid": after an adjective, a noun.
        let after_adjective = p.lang == Lang::En && i > sent.first && {
            let prev = &p.tokens[i - 1];
            prev.kind == Kind::Word
                && !prev.upper
                && !ADVERBS.contains(&prev.norm.as_str())
                && !is_preposition(p.lang, &prev.norm)
                && !matches!(
                    prev.norm.as_str(),
                    "to" | "and"
                        | "or"
                        | "who"
                        | "which"
                        | "that"
                        | "they"
                        | "he"
                        | "she"
                        | "it"
                        | "we"
                        | "i"
                        | "you"
                        | "also"
                        | "not"
                        | "n't"
                        | "never"
                        | "did"
                        | "does"
                        | "do"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "shall"
                        | "would"
                        | "will"
                )
                && !p.k.lex.is(p.lang, "aux_have", &prev.norm)
                && !p.k.lex.is(p.lang, "aux_be", &prev.norm)
                && !p.mentions.iter().any(|m| m.last == i)
        };
        let initial = initial || after_adjective;
        if let Some((end, n)) =
            noun_at(p, i, sent.last).filter(|_| verb_here.is_none() || determined || initial)
        {
            out.push(Trig {
                first: i,
                last: end,
                what: Trigger::Noun(n),
                alts: Vec::new(),
            });
            i = end;
            continue;
        }
        if let Some(t) = verb_here {
            i = t.last;
            out.push(t);
            continue;
        }
        i += 1;
    }
    out
}

fn noun_at(p: &Prepared, i: usize, end: usize) -> Option<(usize, usize)> {
    let max = p.k.lex.max_phrase.min(end - i);
    for n in (1..=max).rev() {
        let key = p.tokens[i..i + n]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(trigs) = p.k.lex.phrases.get(&(p.lang, key)) {
            for t in trigs {
                if let Trigger::Noun(x) = t {
                    return Some((i + n, *x));
                }
            }
        }
    }
    None
}

fn has_reflexive(p: &Prepared, head: usize, first: usize) -> bool {
    let lo = head.saturating_sub(5).max(first);
    (lo..head).any(|j| {
        p.k.lex.is(p.lang, "reflexive", p.norm(j))
            && !(p.lang == Lang::Fr && p.norm(j) == "nous" && j == lo)
    })
}

fn verb_at(p: &Prepared, i: usize, first: usize, end: usize) -> Option<Trig> {
    let cands =
        p.k.lex
            .verb_forms
            .get(&(p.lang, p.tokens[i].norm.clone()))?;
    // A verb form right after an article is a noun ("les demandes", "the attack"),
    // unless the article is a French object clitic ("il les soutient").
    if i > first {
        let prev = p.norm(i - 1);
        let clitic = p.lang == Lang::Fr
            && matches!(prev, "le" | "la" | "les" | "l'")
            && i >= 2
            && matches!(
                p.norm(i - 2),
                "il" | "elle" | "ils" | "elles" | "on" | "ne" | "n'" | "je" | "nous" | "vous"
            );
        let det = is_article(p.lang, prev)
            || matches!(
                prev,
                "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
                    | "his"
                    | "their"
                    | "its"
                    | "our"
                    | "notre"
                    | "nos"
                    | "'s"
            );
        if det && !clitic {
            return None;
        }
    }
    let reflexive = has_reflexive(p, i, first);
    let aux_before = {
        let mut j = i;
        let mut found = false;
        while j > first && i - j < 4 {
            j -= 1;
            let w = p.norm(j);
            if p.k.lex.is(p.lang, "aux_have", w) || p.k.lex.is(p.lang, "aux_be", w) {
                found = true;
                break;
            }
            if !(ADVERBS.contains(&w)
                || p.k.lex.is(p.lang, "negation_post", w)
                || p.k.lex.is(p.lang, "reflexive", w))
            {
                break;
            }
        }
        found
    };
    let mut found: Vec<(usize, Trig)> = Vec::new();
    for c in cands {
        let Trigger::Verb(e, _) = c else { continue };
        let v = &p.k.lex.verbs[*e];
        if v.pronominal != reflexive && p.lang == Lang::Fr {
            if v.pronominal {
                continue;
            }
            // A non-pronominal entry may still fire when no pronominal one does.
            if cands
                .iter()
                .any(|x| matches!(x, Trigger::Verb(o, _) if p.k.lex.verbs[*o].pronominal))
            {
                continue;
            }
        }
        if !v.clitics.is_empty()
            && !v
                .clitics
                .iter()
                .all(|c| (i.saturating_sub(4).max(first)..i).any(|j| p.norm(j) == c))
        {
            continue;
        }
        // Fixed words after the head, skipping negation and adverbs.
        let mut j = i + 1;
        let mut ok = true;
        for w in &v.rest {
            let mut skipped = 0;
            while j < end
                && p.norm(j) != w
                && skipped < 3
                && (ADVERBS.contains(&p.norm(j))
                    || is_article(p.lang, p.norm(j)) && !v.rest.iter().any(|r| r == p.norm(j)))
            {
                j += 1;
                skipped += 1;
            }
            if j < end && p.norm(j) == w {
                j += 1;
            } else {
                ok = false;
                break;
            }
        }
        if !ok {
            continue;
        }
        // Folding merges "rencontre"/"rencontré": an auxiliary before the
        // verb selects the participle reading, otherwise a finite one.
        let Trigger::Verb(_, tense) = c else { continue };
        // A French past participle without an auxiliary is an adjective
        // ("une solution négociée", "les abus commis").
        if p.lang == Lang::Fr && *tense == Tense::Participle && !aux_before && !reflexive {
            continue;
        }
        let fit = usize::from((*tense == Tense::Participle) == aux_before);
        let len = v.rest.len() * 2 + fit;
        found.push((
            len,
            Trig {
                first: i,
                last: j,
                what: *c,
                alts: Vec::new(),
            },
        ));
    }
    // Best reading first; other entries with the same words become alternatives.
    // Frames with a preposition first: "protest against X" before "protest X".
    let direct_only =
        |t: &Trig| matches!(t.what, Trigger::Verb(e, _) if p.k.lex.verbs[e].object.is_empty());
    found.sort_by_key(|(l, t)| (std::cmp::Reverse(*l), direct_only(t)));
    let (best_len, mut best) = found.first().cloned()?;
    let span = (best.first, best.last);
    let mut seen = vec![entry_of(best.what)];
    for (l, t) in found.into_iter().skip(1) {
        if (t.first, t.last) == span && l + 1 >= best_len && !seen.contains(&entry_of(t.what)) {
            seen.push(entry_of(t.what));
            best.alts.push(t.what);
        }
    }
    Some(best)
}

fn entry_of(t: Trigger) -> usize {
    match t {
        Trigger::Verb(e, _) | Trigger::Noun(e) | Trigger::Role(e) => e,
    }
}

/// Clause start for a trigger at `head`: after the nearest barrier.
fn clause_start(p: &Prepared, s: usize, head: usize) -> (usize, Option<String>) {
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
            return (j, Some(w.to_string()));
        }
        j -= 1;
    }
    (first, None)
}

/// "ne ... que" is restrictive ("il ne s'est rendu ... que deux fois").
fn is_restrictive_que(p: &Prepared, first: usize, que: usize) -> bool {
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

/// Whether a mention can be a subject or object (possessive determiners only
/// ever qualify a noun; bare officials have no affiliation).
fn usable(m: &Mention) -> bool {
    !m.ents.is_empty()
        && !matches!(
            m.kind,
            MentionKind::Demonym | MentionKind::BareOfficials | MentionKind::Possessive
        )
}

/// The subject mention of a clause `[start, head)`: the nearest usable
/// mention in subject position, skipping objects of earlier triggers.
fn subject_in(p: &Prepared, start: usize, head: usize, used: &[usize]) -> Option<usize> {
    let mut best = None;
    for (mi, m) in p.mentions.iter().enumerate() {
        if m.first >= start
            && m.last <= head
            && usable(m)
            && !m.locative
            && !used.contains(&mi)
            && is_subject_position(p, m)
        {
            best = Some(mi);
        }
    }
    best
}

fn bare_officials_in(p: &Prepared, start: usize, head: usize) -> bool {
    p.mentions
        .iter()
        .any(|m| m.first >= start && m.last <= head && m.kind == MentionKind::BareOfficials)
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
fn object_after(
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
        if let Some(mi) = p.mentions.iter().position(|m| m.first == j) {
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
                // direct object: no preposition, or "NOUN de X" ("les demandes de Poutine")
                !is_preposition(p.lang, prev)
                    || (words > 0 && matches!(prev, "de" | "du" | "des" | "d'" | "of"))
                    || (words == 0 && j == from + 1 && matches!(prev, "des" | "du" | "de" | "d'"))
            } else {
                false
            };
            if usable(m) && ok_type && ok_loc && ok_position && !exclude.contains(&mi) {
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
        // Another predicate noun starts a new phrase: "un soutien dans son conflit avec X".
        if j > from
            && (words > 0
                || matches!(
                    p.norm(j - 1),
                    "son" | "sa" | "ses" | "leur" | "leurs" | "his" | "her" | "their" | "its"
                ))
            && noun_at(p, j, end).is_some()
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
                && p.k.lex.verb_forms.contains_key(&(p.lang, w.to_string()))
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

fn group_ents(p: &Prepared, mi: usize) -> Vec<(usize, usize)> {
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

fn forward_group(p: &Prepared, mi: usize) -> Vec<(usize, usize)> {
    coordination_group(p, mi)
        .into_iter()
        .filter(|&g| g >= mi && usable(&p.mentions[g]))
        .flat_map(|g| p.mentions[g].ents.iter().map(move |&e| (e, g)))
        .collect()
}

struct Context {
    polarity: Polarity,
    modality: Modality,
    attributed: Option<usize>,
    blocked: Option<&'static str>,
}

/// Polarity, modality, attribution and embedding of a trigger's clause.
fn context(
    p: &Prepared,
    s: usize,
    t: &Trig,
    start: usize,
    barrier: Option<&str>,
    quotes: &[clause::Quote],
    tense: Option<Tense>,
) -> Context {
    let lang = p.lang;
    let lex = &p.k.lex;
    let head = t.first;
    let after = (t.last..(t.last + 2).min(p.sentences[s].last)).collect::<Vec<_>>();
    let before: Vec<usize> = (start..head).collect();
    let words_before: Vec<&str> = before.iter().map(|&j| p.norm(j)).collect();
    let text_before = format!(" {} ", words_before.join(" "));
    // Polarity
    let mut negative = false;
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
            if lex
                .phrases_of(lang, "negation")
                .iter()
                .any(|n| n.contains(' ') && text_before.contains(&format!(" {n} ")))
            {
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
            let near = before.iter().rev().take(5);
            if near
                .clone()
                .any(|&j| matches!(p.norm(j), "not" | "n't" | "never"))
            {
                negative = true;
            }
            if lex
                .phrases_of(lang, "negation")
                .iter()
                .any(|n| n.contains(' ') && text_before.contains(&format!(" {n} ")))
            {
                negative = true;
            }
            if head > 0 && matches!(p.norm(head - 1), "no" | "without") {
                negative = true;
            }
        }
    }
    // Refusal verbs governing an infinitive: "refused to meet", "a refusé de rencontrer".
    if matches!(tense, Some(Tense::Infinitive)) {
        let gov: Vec<usize> = (head.saturating_sub(3).max(p.sentences[s].first)..head).collect();
        if gov.iter().any(|&j| lex.is_verb(lang, "refusal", p.norm(j))) {
            negative = !negative;
        }
    }
    // Modality
    let mut modality = Modality::Asserted;
    let in_speech_clause = matches!(barrier, Some("que" | "qu'" | "that")) && start >= 2 && {
        let lo = start.saturating_sub(6).max(p.sentences[s].first);
        (lo..start - 1).any(|j| {
            lex.is_verb(lang, "speech", p.norm(j)) || lex.is_verb(lang, "future", p.norm(j))
        })
    } || (lang == Lang::En
        && barrier.is_none()
        && (p.sentences[s].first..head).any(|j| lex.is_verb(lang, "speech", p.norm(j))));
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
        let possible = near.iter().any(|w| {
            lex.is_verb(lang, "possible", w) && !matches!(*w, "would")
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
        let commit = matches!(tense, Some(Tense::Infinitive))
            && before
                .iter()
                .rev()
                .take(3)
                .any(|&j| lex.is_verb(lang, "future", p.norm(j)));
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
    // Content clauses are not asserted: "des garanties selon lesquelles ...", "pour que ...".
    let mut blocked = None;
    let lo = start.saturating_sub(3).max(p.sentences[s].first);
    let lead = (lo..start).map(|j| p.norm(j)).collect::<Vec<_>>().join(" ");
    if lex
        .phrases_of(lang, "content")
        .iter()
        .any(|c| lead.ends_with(c.as_str()))
    {
        blocked = Some("content clause (not asserted)");
    }
    if matches!(tense, Some(Tense::Subjunctive))
        && matches!(barrier, Some("que" | "qu'"))
        && lead.contains("pour")
    {
        blocked = Some("purpose clause (not asserted)");
    }
    // Attribution: "selon X" / "according to X", quotation speaker, speech verb subject.
    let mut attributed = None;
    let sent = &p.sentences[s];
    for c in lex.phrases_of(lang, "according") {
        let n = c.split(' ').count();
        for j in sent.first..sent.last.saturating_sub(n) {
            let phrase = (j..j + n).map(|k| p.norm(k)).collect::<Vec<_>>().join(" ");
            if phrase == *c {
                let mut k = j + n;
                while k < sent.last && is_article(lang, p.norm(k)) {
                    k += 1;
                }
                if let Some(m) = p
                    .mentions
                    .iter()
                    .find(|m| m.first >= j + n && m.first <= k && usable(m))
                {
                    attributed = m.ents.first().copied();
                }
            }
        }
    }
    if attributed.is_none() {
        if let Some(q) = clause::quote_at(quotes, head) {
            attributed = quote_speaker(p, q);
        }
    }
    if attributed.is_none() && in_speech_clause && matches!(barrier, Some("que" | "qu'" | "that")) {
        let (cs, _) = clause_start(p, s, start - 1);
        if let Some(mi) = subject_in(p, cs, start - 1, &[]) {
            attributed = p.mentions[mi].ents.first().copied();
        }
    }
    Context {
        polarity: if negative {
            Polarity::Negative
        } else {
            Polarity::Positive
        },
        modality,
        attributed,
        blocked,
    }
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
fn make(
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
        attributed_to: ctx.attributed.map(|a| p.entity_json(a)),
        confidence: conf,
        rule: rule.to_string(),
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
    let label = format!("{} \"{}\"", v.id, p.surface(t.first, t.last));
    if let Some(why) = ctx.blocked {
        p.trace.push(format!("rule {label}: not fired: {why}"));
        return vec![];
    }
    let is_passive = passive(p, s, t, v.pronominal);
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
    let mut how_subj = "subject of the clause";
    let mut obj = obj;
    if subj.is_none() {
        if let Some(b) = barrier.as_deref() {
            if p.k.lex.is(p.lang, "relative_subject", b) && start >= 1 {
                subj = antecedent_before(p, start - 1);
                how_subj = "antecedent of the relative pronoun";
            }
        }
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
        && matches!(p.norm(t.last), "that" | "que" | "qu'")
    {
        let (cs, ce) = (t.last + 1, p.sentences[s].last);
        obj = p
            .mentions
            .iter()
            .enumerate()
            .find(|(mi, m)| {
                m.first >= cs && m.last <= ce && usable(m) && !m.locative && !used.contains(mi)
            })
            .map(|(mi, _)| mi);
        how_subj = "subject of the clause; addressee is the subject of the demanded clause";
    }
    // "A and B agreed": a reciprocal statement within the coordinated subjects.
    if obj.is_none()
        && let Some(sm) = subj
    {
        let group = group_ents(p, sm);
        let reciprocal = matches!(
            v.predicate,
            Predicate::AgreesWith
                | Predicate::Meets
                | Predicate::CooperatesWith
                | Predicate::AllyOf
        );
        if reciprocal && group.len() >= 2 && !is_passive {
            let ctx_r = &ctx;
            let mut out = Vec::new();
            let span = (
                p.mentions[sm].first.min(t.first),
                p.mentions[sm].last.max(t.last),
            );
            for &(a, _) in &group {
                for &(b, _) in &group {
                    if a != b && (a < b || !v.sym) {
                        out.extend(make(p, s, a, b, v.predicate, ctx_r, &v.id, span, 0.8));
                    }
                }
            }
            p.trace.push(format!(
                "rule {label}: fired (reciprocal among coordinated subjects), {} statement(s)",
                out.len()
            ));
            return out;
        }
    }
    let (Some(sm), Some(om)) = (subj, obj) else {
        p.trace.push(format!(
            "rule {label}: not fired: {}",
            if subj.is_none() {
                "no subject in the clause"
            } else {
                "no object in the frame"
            }
        ));
        return vec![];
    };
    used.push(om);
    let (mut agents, mut targets) = (group_ents(p, sm), forward_group(p, om));
    if is_passive || v.inverse {
        std::mem::swap(&mut agents, &mut targets);
    }
    let span_first = p.mentions[sm].first.min(t.first).min(p.mentions[om].first);
    let span_last = p.mentions[sm].last.max(t.last).max(p.mentions[om].last);
    let mut out = Vec::new();
    for &(a, _) in &agents {
        for &(b, _) in &targets {
            if let Some(st) = make(
                p,
                s,
                a,
                b,
                v.predicate,
                &ctx,
                &v.id,
                (span_first, span_last),
                0.9,
            ) {
                out.push(st);
            }
        }
    }
    p.trace.push(format!(
        "rule {label}: fired ({how_subj}{}), {} statement(s)",
        if is_passive { ", passive" } else { "" },
        out.len()
    ));
    out
}

fn speech_before(p: &Prepared, j: usize) -> bool {
    let lo = j.saturating_sub(3);
    (lo..j).any(|k| p.k.lex.is_verb(p.lang, "speech", p.norm(k)))
}

/// The nearest usable, non-locative mention ending before token `j`.
fn antecedent_before(p: &Prepared, j: usize) -> Option<usize> {
    p.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.last <= j && usable(m) && !m.locative && j - m.last <= 12)
        .map(|(i, _)| i)
        .next_back()
}

/// The subject of the clause governing an infinitive: the nearest
/// subject-position mention to the left in the sentence.
fn controller(p: &Prepared, s: usize, head: usize, used: &[usize]) -> Option<usize> {
    let first = p.sentences[s].first;
    subject_in(p, first, head, used)
}

fn noun_statements(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    quotes: &[clause::Quote],
    used: &mut Vec<usize>,
) -> Vec<Statement> {
    let Trigger::Noun(n) = t.what else {
        return vec![];
    };
    let entry = p.k.lex.nouns[n].clone();
    let (start, barrier) = clause_start(p, s, t.first);
    let ctx = context(p, s, t, start, barrier.as_deref(), quotes, None);
    let label = format!("{} \"{}\"", entry.id, p.surface(t.first, t.last));
    if let Some(why) = ctx.blocked {
        p.trace.push(format!("rule {label}: not fired: {why}"));
        return vec![];
    }
    // skip adjectives/quotes after the noun before markers
    let after = t.last;
    let agent_marked = if entry.agent.is_empty() {
        None
    } else {
        object_after(p, s, after, &entry.agent, false, None, used, false)
    };
    // The patient is never the agent: "le retrait du Royaume-Uni de l'UE".
    let mut used_agent = used.clone();
    if possessor_before(p, t.first).is_none() {
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
    // "suffer" constructions: "X est confronté à une pression de Y" -> Y pressures X.
    let suffer = (start..t.first).any(|j| {
        let w = p.norm(j);
        p.k.lex.is(p.lang, "suffer", w)
            || (j + 1 < t.first
                && p.k
                    .lex
                    .is(p.lang, "suffer", &format!("{w} {}", p.norm(j + 1))))
    });
    // The subject of a light verb ("X a fait part de sa préoccupation") opens the clause.
    let clause_subj = p
        .mentions
        .iter()
        .position(|m| {
            m.first >= start && m.last <= t.first && m.kind != MentionKind::Demonym && !m.locative
        })
        .filter(|&mi| {
            usable(&p.mentions[mi])
                && is_subject_position(p, &p.mentions[mi])
                && !used.contains(&mi)
        });
    let possessor = possessor_before(p, t.first);
    let (agent, target, how) = if suffer {
        (
            agent_marked,
            clause_subj,
            "subject undergoes the nominal event",
        )
    } else if let Some(a) = possessor {
        (Some(a), patient, "possessive determiner or genitive")
    } else if let Some(a) = agent_marked.filter(|a| Some(*a) != patient) {
        (Some(a), patient, "agent introduced by a marker")
    } else {
        (clause_subj, patient, "subject of the light verb")
    };
    let (Some(am), Some(tm)) = (agent, target) else {
        p.trace.push(format!(
            "rule {label}: not fired: {}",
            if agent.is_none() {
                "no agent"
            } else {
                "no target"
            }
        ));
        return vec![];
    };
    if am == tm {
        return vec![];
    }
    used.push(tm);
    let agents = if suffer {
        forward_group(p, am)
    } else {
        group_ents(p, am)
    };
    let targets = if suffer {
        group_ents(p, tm)
    } else {
        forward_group(p, tm)
    };
    let span_first = p.mentions[am].first.min(t.first).min(p.mentions[tm].first);
    let span_last = p.mentions[am].last.max(t.last).max(p.mentions[tm].last);
    let mut out = Vec::new();
    for &(a, _) in &agents {
        for &(b, _) in &targets {
            if let Some(st) = make(
                p,
                s,
                a,
                b,
                entry.predicate,
                &ctx,
                &entry.id,
                (span_first, span_last),
                0.75,
            ) {
                out.push(st);
            }
        }
    }
    p.trace.push(format!(
        "rule {label}: fired ({how}), {} statement(s)",
        out.len()
    ));
    out
}

/// A possessive determiner or an English genitive right before a noun
/// (allowing a few adjectives): "son renforcement", "Russia's support".
fn possessor_before(p: &Prepared, head: usize) -> Option<usize> {
    let lo = head.saturating_sub(3);
    for j in (lo..head).rev() {
        if let Some(mi) = p
            .mentions
            .iter()
            .position(|m| m.first == j && m.kind == MentionKind::Possessive && !m.ents.is_empty())
        {
            return Some(mi);
        }
        if p.norm(j) == "'s" || (p.norm(j) == "'" && j > 0 && p.norm(j - 1).ends_with('s')) {
            return p.mentions.iter().position(|m| m.last == j && usable(m));
        }
        if is_article(p.lang, p.norm(j)) || p.tokens[j].kind == Kind::Punct {
            return None;
        }
    }
    None
}
