//! Predicate triggers: verb forms (with fixed words, reflexive clitics and
//! auxiliaries) and nominal predicates of the lexicon, found in a sentence.

use super::clause::{is_article, is_preposition};
use super::mentions::is_function_word;
use super::{MentionKind, Prepared};
use crate::lexicon::Trigger;
use crate::lexicon::inflect::Tense;
use crate::lexicon::words::VerbEntry;
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

impl Trig {
    /// The trigger for `explain`: its words, lexicon entry and form, and the
    /// entries tried after it.
    pub(crate) fn describe(&self, p: &Prepared) -> String {
        let entry = |w: Trigger| match w {
            Trigger::Verb(e, tense) => format!("{} (verb, {tense:?})", p.k.lex.verbs[e].id),
            Trigger::Noun(n) => format!("{} (noun)", p.k.lex.nouns[n].id),
            Trigger::Role(r) => format!("{} (role)", p.k.lex.roles[r].id),
        };
        let mut out = format!(
            "\"{}\": {}",
            p.surface(self.first, self.last),
            entry(self.what)
        );
        for &alt in &self.alts {
            out.push_str(", else ");
            out.push_str(&entry(alt));
        }
        out
    }
}

pub(crate) const ADVERBS: &[&str] = &[
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
    "only",
    "just",
    "even",
    "warmly",
    "personally",
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
    let in_mention = in_mention_mask(p, sent);
    while i < sent.last {
        if in_mention[i - sent.first] || p.tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        // Nouns (multi-word, longest first). A word that is also a verb form
        // ("rencontre"/"rencontré" fold alike) is a noun only after a determiner.
        let verb_here = verb_at(p, i, sent.first, sent.last);
        let determined = determined(p, i, sent.first, verb_here.as_ref());
        let initial = noun_position(p, i, sent.first);
        if let Some((end, n)) = p
            .trigger_noun_at(i, sent.last)
            .filter(|_| verb_here.is_none() || determined || initial)
            .filter(|&(end, _)| !compound_modifier(p, i, end, sent))
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

/// Which tokens of sentence `sent` are inside a mention other than a
/// demonym or bare officials (no trigger starts there).
fn in_mention_mask(p: &Prepared, sent: &crate::text::Sentence) -> Vec<bool> {
    // Tokens of the sentence inside a mention. Mentions are sorted by their
    // first token and none is 64 tokens long, so those that can reach into
    // the sentence start at most 64 tokens before it.
    let mut in_mention = vec![false; sent.last - sent.first];
    let from = p
        .mentions
        .partition_point(|m| m.first < sent.first.saturating_sub(64));
    for m in &p.mentions[from..] {
        if m.first >= sent.last {
            break;
        }
        // A demonym or bare officials ("ses ambassadeurs") may be part of
        // a trigger: "the Chinese invasion", "rappeler ses ambassadeurs".
        if !matches!(m.kind, MentionKind::Demonym | MentionKind::BareOfficials) {
            for j in m.first.max(sent.first)..m.last.min(sent.last) {
                in_mention[j - sent.first] = true;
            }
        }
    }
    in_mention
}

/// Whether the word at `i` follows a determiner, a possessive or a
/// preposition (so a form that is also a verb reads as a noun).
fn determined(p: &Prepared, i: usize, first: usize, verb_here: Option<&Trig>) -> bool {
    // French "a" folds like "à": only the written "à" is a preposition.
    let prep = i > first
        && is_preposition(p.lang, p.norm(i - 1))
        && !(p.lang == Lang::Fr && p.surface(i - 1, i) == "a")
        && !english_infinitive(p, i, first, verb_here);
    i > first
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
            ))
}

/// Whether the place of the word at `i` makes it a noun in English: the
/// capitalised start of the sentence, after an adjective or a demonym.
fn noun_position(p: &Prepared, i: usize, first: usize) -> bool {
    // A capitalised sentence start reads as a noun ("Pressure from X on Y ...").
    let initial = i == first && p.tokens[i].upper && p.lang == Lang::En;
    // English "new sanctions", "further aid": after an adjective, a noun.
    let after_adjective = p.lang == Lang::En && i > first && {
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
            && p.ending_at(i).next().is_none()
    };
    // "Palestinian riots", "Chinese support": after a demonym adjective, a noun.
    let after_demonym = p.lang == Lang::En
        && i > first
        && p.ending_at(i)
            .any(|mi| p.mentions[mi].kind == MentionKind::Demonym);
    initial || after_adjective || after_demonym
}

/// Whether the predicate noun at `i..end` only modifies another noun:
/// "war crimes", "crimes de guerre".
fn compound_modifier(p: &Prepared, i: usize, end: usize, sent: &crate::text::Sentence) -> bool {
    // "war crimes", "crimes de guerre": the predicate noun is a modifier.
    match p.lang {
        Lang::En => end < sent.last && p.k.lex.is(p.lang, "compound_head", p.norm(end)),
        Lang::Fr => {
            i >= sent.first + 2
                && matches!(p.norm(i - 1), "de" | "d'")
                && p.k.lex.is(p.lang, "compound_head", p.norm(i - 2))
        }
    }
}

pub(crate) fn has_reflexive(p: &Prepared, head: usize, first: usize) -> bool {
    let lo = head.saturating_sub(5).max(first);
    (lo..head).any(|j| {
        p.k.lex.is(p.lang, "reflexive", p.norm(j))
            && !(p.lang == Lang::Fr && p.norm(j) == "nous" && j == lo)
    })
}

/// A lower-case content word that is neither a function word, an adverb nor
/// a verb form of the lexicon: a noun's modifier ("mortar", "treason", "import").
fn modifier_word(p: &Prepared, j: usize) -> bool {
    let t = &p.tokens[j];
    t.kind == Kind::Word
        && !t.upper
        && !is_function_word(p, &t.norm)
        && !ADVERBS.contains(&t.norm.as_str())
        && p.k.lex.verb(p.lang, &t.norm).is_none()
}

/// A lower-case word that may modify a noun, participles included
/// ("suspected", "weapons"): no function word nor adverb.
fn plain_modifier(p: &Prepared, j: usize) -> bool {
    let t = &p.tokens[j];
    t.kind == Kind::Word
        && !t.upper
        && !is_function_word(p, &t.norm)
        && !ADVERBS.contains(&t.norm.as_str())
}

/// Whether a number comes right before `i`, or before one modifier:
/// "four bombs", "four shell bombs".
fn number_before(p: &Prepared, i: usize, first: usize) -> bool {
    let number = |j: usize| p.tokens[j].kind == Kind::Number || is_number_word(p.norm(j));
    number(i - 1) || i >= first + 2 && plain_modifier(p, i - 1) && number(i - 2)
}

/// Whether a French form ends like an infinitive ("-er", "-ir", "-re").
fn infinitive_ending(w: &str) -> bool {
    w.ends_with("er") || w.ends_with("ir") || w.ends_with("re")
}

/// English number words up to twelve, which a verb form never follows.
pub(crate) fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "dozens"
            | "hundreds"
            | "thousands"
    )
}

/// Whether an English verb form can also be read as a noun (not "-ed", "-ing").
fn nominal_form(w: &str) -> bool {
    !w.ends_with("ed") && !w.ends_with("ing")
}

pub(crate) fn verb_at(p: &Prepared, i: usize, first: usize, end: usize) -> Option<Trig> {
    let cands = p.k.lex.verb(p.lang, &p.tokens[i].norm)?;
    if used_as_noun(p, i, first) {
        return None;
    }
    let reflexive = has_reflexive(p, i, first);
    let aux_before = aux_before(p, i, first);
    let mut found: Vec<(usize, Trig)> = Vec::new();
    for c in cands {
        let Trigger::Verb(e, _) = c else { continue };
        let v = &p.k.lex.verbs[*e];
        if !entry_applies(p, cands, v, reflexive, i, first) {
            continue;
        }
        let Some(j) = fixed_words_end(p, v, i, end) else {
            continue;
        };
        // Folding merges "rencontre"/"rencontré": an auxiliary before the
        // verb selects the participle reading, otherwise a finite one.
        let Trigger::Verb(_, tense) = c else { continue };
        // English base forms are both present and infinitive: "to" decides.
        if p.lang == Lang::En
            && matches!(tense, Tense::Present | Tense::Infinitive)
            && (*tense == Tense::Infinitive) != (i > first && p.norm(i - 1) == "to")
        {
            continue;
        }
        // A French past participle without an auxiliary is an adjective
        // ("une solution négociée", "les abus commis"), unless its agent
        // follows: "le Hezbollah, soutenu par l'Iran" (a reduced passive).
        if p.lang == Lang::Fr
            && *tense == Tense::Participle
            && !aux_before
            && !reflexive
            && !(j < end && p.norm(j) == "par")
        {
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
    best_reading(p, found)
}

/// Whether the verb form at `i` is used as a noun or an adjective: after an
/// article or a possessive ("les demandes", "the attack"), in a noun phrase
/// ("the border attack", "on treason charges"), or as a participle before a
/// noun ("the alleged plot").
fn used_as_noun(p: &Prepared, i: usize, first: usize) -> bool {
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
            return true;
        }
        // English "a mortar bomb", "the border attack": an article and a
        // singular modifier before a base form make it a noun (a singular
        // subject would take "-s").
        // "a Russian missile attack": the same with a demonym between.
        let determined_at = |j: usize| {
            is_article(p.lang, p.norm(j))
                || j > first
                    && is_article(p.lang, p.norm(j - 1))
                    && p.starting_in(j, j + 1).any(|mi| {
                        matches!(
                            p.mentions[mi].kind,
                            MentionKind::Demonym | MentionKind::Officials
                        )
                    })
        };
        if p.lang == Lang::En
            && i >= first + 2
            && determined_at(i - 2)
            && modifier_word(p, i - 1)
            && !p.norm(i - 1).ends_with('s')
            && !matches!(p.norm(i - 1), "police" | "people" | "military" | "public")
            && !p.norm(i).ends_with('s')
            && nominal_form(p.norm(i))
        {
            return true;
        }
        // English "asked for help", "fired at targets": a base form right
        // after a preposition (but the infinitive's "to") is a noun, and so
        // is one after a number ("four shell bombs", "two attack helicopters").
        if p.lang == Lang::En
            && nominal_form(p.norm(i))
            && (is_preposition(p.lang, prev) && prev != "to" || number_before(p, i, first))
        {
            return true;
        }
        // French "six semaines de combats": after "de", a verb is an
        // infinitive ("de combattre"); another form is a noun.
        if p.lang == Lang::Fr && matches!(prev, "de" | "d'") && !infinitive_ending(p.norm(i)) {
            return true;
        }
        // English "struck targets", "all sides", "said attacks …": a form in
        // -s right after a verb form or a quantifier is a plural noun (two
        // finite verbs do not follow each other).
        if p.lang == Lang::En
            && p.norm(i).ends_with('s')
            && nominal_form(p.norm(i))
            && (matches!(prev, "all" | "both" | "several" | "many" | "such" | "other")
                || p.tokens[i - 1].kind == Kind::Word
                    && p.covering(i - 1).next().is_none()
                    && (p.k.lex.verb(p.lang, prev).is_some()
                        || p.k.lex.is_verb(p.lang, "speech", prev)))
        {
            return true;
        }
        // "a suspected weapons supply": after "a"/"an" and lower-case
        // modifiers only, a base form is a singular noun's head.
        if p.lang == Lang::En && !p.norm(i).ends_with('s') && nominal_form(p.norm(i)) {
            let lo = i.saturating_sub(4).max(first);
            if let Some(a) = (lo..i - 1).rev().find(|&j| matches!(p.norm(j), "a" | "an"))
                && (a + 1..i).all(|j| plain_modifier(p, j))
            {
                return true;
            }
        }
        // English "on treason charges", "in arms supplies": a preposition and
        // a lower-case modifier make the form a noun.
        if p.lang == Lang::En
            && i >= first + 2
            && is_preposition(p.lang, p.norm(i - 2))
            && !matches!(p.norm(i - 2), "to" | "of")
            && modifier_word(p, i - 1)
            && nominal_form(p.norm(i))
        {
            return true;
        }
    }
    // "extradited suspected British militant X", "the alleged plot": a
    // participle used as an adjective before a noun or demonym.
    if p.lang == Lang::En
        && matches!(p.tokens[i].norm.as_str(), "suspected" | "alleged" | "armed")
        && p.tokens.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && (!n.upper
                    && !matches!(
                        n.norm.as_str(),
                        "of" | "that" | "to" | "in" | "by" | "the" | "a" | "an"
                    )
                    || p.starting_in(i + 1, i + 2).any(|mi| {
                        let m = &p.mentions[mi];
                        matches!(
                            m.kind,
                            MentionKind::Demonym | MentionKind::Officials | MentionKind::Sector
                        )
                    }))
        })
    {
        return true;
    }
    false
}

/// Whether an auxiliary ("a", "has", "est") comes before `i`, over
/// adverbs, negation and reflexive pronouns.
fn aux_before(p: &Prepared, i: usize, first: usize) -> bool {
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
}

/// Where the fixed words of verb entry `v` after its head at `i` end
/// (the head's own end when it has none); `None` when they are not there.
fn fixed_words_end(p: &Prepared, v: &VerbEntry, i: usize, end: usize) -> Option<usize> {
    // Fixed words after the head, skipping negation and adverbs.
    let mut j = i + 1;
    for (n, w) in v.rest.iter().enumerate() {
        let mut skipped = 0;
        let mut modifiers = 0;
        // English modifiers before a phrase's final noun: "impose new
        // import restrictions", "lift economic sanctions".
        let last_noun = n + 1 == v.rest.len() && !is_preposition(p.lang, w);
        let final_noun = p.lang == Lang::En
            && last_noun
            && !matches!(w.as_str(), "down" | "off" | "out" | "up" | "back" | "away");
        let modifier = |j: usize| final_noun && modifier_word(p, j);
        // French adjectives before the noun are a closed class (cue kind
        // `prenominal`: "imposer de lourdes sanctions", "une vaste offensive").
        let prenominal = |j: usize| {
            p.lang == Lang::Fr
                && last_noun
                && (p.tokens[j].kind == Kind::Number || p.k.lex.is(p.lang, "prenominal", p.norm(j)))
        };
        // A quantity before the final noun (cue kind `quantity`): "massed
        // tens of thousands of troops", "déployé des milliers de soldats".
        if last_noun {
            let mut k = j;
            while k < end
                && k < j + 6
                && (p.tokens[k].kind == Kind::Number || p.k.lex.is(p.lang, "quantity", p.norm(k)))
            {
                k += 1;
            }
            if k > j && (k..(k + 3).min(end)).any(|x| p.norm(x) == w) {
                j = k;
            }
        }
        // French "des"/"du" is "de" before such an adjective.
        if p.lang == Lang::Fr
            && matches!(w.as_str(), "des" | "du")
            && j + 1 < end
            && matches!(p.norm(j), "de" | "d'")
            && p.k.lex.is(p.lang, "prenominal", p.norm(j + 1))
        {
            j += 1;
            continue;
        }
        while j < end
            && p.norm(j) != w
            && skipped < 3
            && (ADVERBS.contains(&p.norm(j))
                || is_article(p.lang, p.norm(j)) && !v.rest.iter().any(|r| r == p.norm(j))
                || modifiers < 2 && (modifier(j) || prenominal(j)) && {
                    modifiers += 1;
                    true
                })
        {
            j += 1;
            skipped += 1;
        }
        if j < end && p.norm(j) == w {
            j += 1;
        } else {
            return None;
        }
    }
    Some(j)
}

/// Whether verb entry `v`, one of the candidates `cands` of the word at
/// `i`, applies: French pronominal entries need a reflexive pronoun (and
/// win over the others when there is one), clitics must be before it.
fn entry_applies(
    p: &Prepared,
    cands: &[Trigger],
    v: &VerbEntry,
    reflexive: bool,
    i: usize,
    first: usize,
) -> bool {
    if v.pronominal != reflexive && p.lang == Lang::Fr {
        if v.pronominal {
            return false;
        }
        // A non-pronominal entry may still fire when no pronominal one does.
        if cands
            .iter()
            .any(|x| matches!(x, Trigger::Verb(o, _) if p.k.lex.verbs[*o].pronominal))
        {
            return false;
        }
    }
    if !v.clitics.is_empty()
        && !v
            .clitics
            .iter()
            .all(|c| (i.saturating_sub(4).max(first)..i).any(|j| p.norm(j) == c))
    {
        return false;
    }
    true
}

/// The best reading of the found ones (longest match, frames with a
/// preposition first); other entries with the same words become its
/// alternatives.
fn best_reading(p: &Prepared, mut found: Vec<(usize, Trig)>) -> Option<Trig> {
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

pub(crate) fn entry_of(t: Trigger) -> usize {
    match t {
        Trigger::Verb(e, _) | Trigger::Noun(e) | Trigger::Role(e) => e,
    }
}

/// English "to" + base verb form is an infinitive ("threatened to attack
/// India", "promised to aid Chad"), a verb and not the noun "attack"; the
/// governing words decide its polarity and modality (`context`).
fn english_infinitive(p: &Prepared, i: usize, first: usize, verb: Option<&Trig>) -> bool {
    p.lang == Lang::En
        && i > first
        && p.norm(i - 1) == "to"
        && verb.is_some_and(|t| matches!(t.what, Trigger::Verb(_, Tense::Infinitive)))
}
