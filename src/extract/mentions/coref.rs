//! Coreference: pronouns, possessives and first-person speakers resolved to
//! the most recent compatible actor; coordination groups; quote speakers.

use super::super::clause::{self, is_article, is_preposition};
use super::super::{Mention, MentionKind, Prepared};
use super::covered;
pub use super::position::is_subject_position;
use crate::extract::context::{clause_start, speech_subject};
use crate::lexicon::{EntityType, Gender};
use crate::text::{Kind, Lang};

/// Sentences back where a pair phrase's actors may have been named.
const PAIR_BACK: usize = 8;

/// Resolves pronouns, possessives and first-person speakers, in order.
pub(crate) fn pronouns(p: &mut Prepared) {
    let quotes = clause::quotes(p);
    let mut adds: Vec<Mention> = Vec::new();
    let mut state_agents = Vec::new();
    let cov = covered(p);
    // One look-up per token: the words of every pronoun kind, then the
    // kind of those found.
    let words: rustc_hash::FxHashSet<&str> = crate::lexicon::words::PRONOUN_KINDS
        .iter()
        .filter_map(|k| p.k.lex.cue_set(p.lang, k))
        .flatten()
        .map(String::as_str)
        .chain(["it", "l'", "les"])
        .collect();
    for (i, &covered_i) in cov.iter().enumerate() {
        if covered_i || !words.contains(p.norm(i)) {
            continue;
        }
        let w = p.norm(i).to_string();
        let in_quote = clause::quote_at(&quotes, i).is_some();
        let Some(mut kind) = pronoun_kind(p, i, &w, in_quote) else {
            continue;
        };
        // "its members", "ses États membres": the members of the
        // organisation the possessive names act as that organisation.
        let members = (kind.0 == MentionKind::Possessive && kind.1.is_none())
            .then(|| membership_after(p, i + 1))
            .flatten();
        // "his government", "its army": the state agents of the
        // possessor's state act as that state. Not after a preposition
        // ("the resignation of his government" is his own act), nor in
        // French, whose "son" does not tell a person from a state.
        let agents = (kind.0 == MentionKind::Possessive
            && members.is_none()
            && p.lang == Lang::En
            && !(i > 0 && is_preposition(p.lang, p.norm(i - 1))))
        .then(|| state_agents_after(p, i + 1, &cov))
        .flatten();
        if let Some(end) = agents {
            state_agents.push((i, end));
        }
        let members = members.or(agents);
        if members.is_some() {
            kind.0 = MentionKind::Pronoun;
        }
        adds.push(Mention {
            first: i,
            last: members.unwrap_or(i + 1),
            ents: vec![],
            kind: kind.0,
            how: String::new(),
            plural: kind.2,
            gender: kind.1,
            locative: false,
            role: None,
        });
    }
    adds.extend(super::pairs::pair_phrases(p, &cov));
    adds.extend(super::descriptions::group_descriptions(p, &cov));
    let mut cov = cov;
    for m in &adds {
        cov[m.first..m.last].iter_mut().for_each(|c| *c = true);
    }
    adds.extend(super::descriptions::repeated_heads(p, &cov));
    p.mentions.extend(adds);
    p.mentions.sort_by_key(|m| (m.first, m.last));
    p.bound_spans();
    resolve(p, &quotes);
    for (first, last) in state_agents {
        let Some(mi) = p
            .starting_in(first, first + 1)
            .find(|&mi| p.mentions[mi].last == last)
        else {
            continue;
        };
        // The possessor's state; none known, no actor.
        let state = p.mentions[mi]
            .ents
            .first()
            .and_then(|&e| p.ents[e].kb)
            .and_then(|k| p.k.kb.country_of(k));
        let ents = state
            .map(|c| vec![super::doc_entity(p, c)])
            .unwrap_or_default();
        let m = &mut p.mentions[mi];
        m.ents = ents;
        m.kind = MentionKind::Officials;
        m.how = format!("{}: agents of the possessor's state", m.how);
    }
    possessed_officials(p);
}

/// "Caracas expelled their diplomats", "a expulsé leurs diplomates":
/// officials of unknown affiliation right after a possessive are the
/// possessor's, when it names states or organisations.
fn possessed_officials(p: &mut Prepared) {
    for mi in 1..p.mentions.len() {
        let (prev, m) = (&p.mentions[mi - 1], &p.mentions[mi]);
        if m.kind != MentionKind::BareOfficials
            || prev.kind != MentionKind::Possessive
            || prev.last != m.first
            || prev.ents.is_empty()
            || !prev.ents.iter().all(|&e| {
                matches!(
                    p.ents[e].etype,
                    EntityType::Country | EntityType::Organization
                )
            })
        {
            continue;
        }
        let ents = prev.ents.clone();
        let m = &mut p.mentions[mi];
        m.ents = ents;
        m.kind = MentionKind::Officials;
        m.how = format!("{}: officials of the possessor", m.how);
    }
}

/// The end of a state agents' sector phrase (agent GOV, COP, JUD, MIL or
/// LEG: "government", "army", "gouvernement") starting at token `j`, no
/// token of it in a mention.
fn state_agents_after(p: &Prepared, j: usize, cov: &[bool]) -> Option<usize> {
    let (end, e) = super::sectors::sector_at(p, j, p.tokens.len())?;
    (super::sectors::STATE_AGENTS.contains(&e.agent.as_str()) && !cov[j..end].contains(&true))
        .then_some(end)
}

/// The end of a phrase of membership (cue kind `membership`: "members",
/// "member states", "États membres") starting at token `j`.
fn membership_after(p: &Prepared, j: usize) -> Option<usize> {
    p.k.lex
        .phrases_of(p.lang, "membership")
        .iter()
        .find_map(|c| {
            let n = c.split(' ').count();
            (j + n <= p.tokens.len() && p.joined(j, j + n) == c.as_str()).then_some(j + n)
        })
}

/// The kind, gender and number of a pronoun, possessive or first-person
/// speaker `w` at `i`; `None` for any other word, the impersonal French
/// "il" ("il y a") and the expletive English "it".
fn pronoun_kind(
    p: &Prepared,
    i: usize,
    w: &str,
    in_quote: bool,
) -> Option<(MentionKind, Option<Gender>, bool)> {
    let lang = p.lang;
    let lex = &p.k.lex;
    let kind = if lex.is(lang, "pronoun_m", w) {
        (MentionKind::Pronoun, Some(Gender::M), false)
    } else if lex.is(lang, "pronoun_f", w)
        && !(lang == Lang::En
            && w == "her"
            && i + 1 < p.tokens.len()
            && p.tokens[i + 1].kind == Kind::Word
            && !is_preposition(lang, p.norm(i + 1)))
    {
        (MentionKind::Pronoun, Some(Gender::F), false)
    } else if lex.is(lang, "pronoun_pl", w) {
        (MentionKind::Pronoun, None, true)
    } else if lang == Lang::En && w == "it" {
        (MentionKind::Pronoun, None, false)
    } else if lex.is(lang, "possessive_sg", w) {
        (
            MentionKind::Possessive,
            if w == "its" {
                None
            } else if w == "his" {
                Some(Gender::M)
            } else if w == "her" && lang == Lang::En {
                Some(Gender::F)
            } else {
                None
            },
            false,
        )
    } else if lex.is(lang, "possessive_pl", w) {
        (MentionKind::Possessive, None, true)
    } else if in_quote && lex.is(lang, "speaker", w) {
        (MentionKind::Speaker, None, false)
    } else if accusative_clitic(p, i, w) {
        (MentionKind::Pronoun, None, w == "les")
    } else {
        return None;
    };
    // French "il" in "il y a" is impersonal.
    if lang == Lang::Fr && w == "il" && matches!(p.norm(i + 1), "y" | "faut" | "s'agit") {
        return None;
    }
    // English "it" only as an agent ("it will withdraw", "it has
    // rejected"), never the expletive "it is clear that", "it seems".
    if lang == Lang::En && w == "it" && !agentive_it(p, i) && !object_it(p, i) {
        return None;
    }
    Some(kind)
}

/// French "l'"/"les" as a verb's object clitic: right before an
/// auxiliary of "avoir" and its participle ("Poutine l'a accueilli", "les
/// a reçus"), where they are no article.
pub(crate) fn accusative_clitic(p: &Prepared, i: usize, w: &str) -> bool {
    p.lang == Lang::Fr
        && matches!(w, "l'" | "les")
        && i + 2 < p.tokens.len()
        && p.k.lex.is(p.lang, "aux_have", p.norm(i + 1))
        && p.tokens[i + 2].kind == Kind::Word
        && !p.tokens[i + 2].upper
        && super::super::frames::is_verb_form(p, i + 2)
}

/// Resolves the pronoun, possessive and speaker mentions.
fn resolve(p: &mut Prepared, quotes: &[clause::Quote]) {
    // Third-person first (speakers may be pronouns: "a-t-elle déclaré").
    for pass in 0..2 {
        for mi in 0..p.mentions.len() {
            let m = &p.mentions[mi];
            let wanted = matches!(
                (pass, &m.kind),
                (0, MentionKind::Pronoun | MentionKind::Possessive) | (1, MentionKind::Speaker)
            );
            if !wanted || !m.ents.is_empty() {
                continue;
            }
            let (ents, how) = if pass == 0 {
                antecedent(p, mi)
            } else {
                speaker_of(p, quotes, mi)
            };
            p.mentions[mi].ents = ents;
            p.mentions[mi].how = how;
        }
    }
}

/// Whether English "it" at `i` is the subject of an action: followed by a
/// modal or auxiliary and a verb, or by a verb of the lexicon or of speech.
fn agentive_it(p: &Prepared, i: usize) -> bool {
    let next = p.norm(i + 1);
    let lex = &p.k.lex;
    if matches!(
        next,
        "is" | "was" | "seems" | "seemed" | "appears" | "appeared" | "'s"
    ) {
        return false;
    }
    matches!(
        next,
        "will" | "would" | "could" | "may" | "might" | "must" | "can" | "should" | "has" | "had"
    ) || lex.verb(p.lang, next).is_some()
        || lex.is_verb(p.lang, "speech", next)
        || lex.is_verb(p.lang, "future", next)
}

/// Whether English "it" at `i` is the direct object of a verb of the
/// lexicon followed by its complement ("accusing it of", "urged it to",
/// "sanctioned it over"), never "made it clear", "called it a betrayal";
/// a bare "condemned it." may be an act, not an actor.
fn object_it(p: &Prepared, i: usize) -> bool {
    i > 0
        && p.k.lex.verb(p.lang, p.norm(i - 1)).is_some()
        && matches!(
            p.norm(i + 1),
            "of" | "to" | "for" | "over" | "with" | "against" | "into"
        )
}

/// The antecedent of pronoun mention `mi`: the most recent compatible actor,
/// subjects first, within the current and two previous sentences.
pub(crate) fn antecedent(p: &Prepared, mi: usize) -> (Vec<usize>, String) {
    let m = &p.mentions[mi];
    let sent = p.sentence_of(m.first);
    // A pair phrase ("les deux pays", "both sides") names the story's pair,
    // which may have been named further back than a pronoun's antecedent.
    let pair = m.plural && m.last - m.first > 1;
    let min_sent = sent.saturating_sub(if pair { PAIR_BACK } else { 2 });
    // "his"/"her" name a person; French "son/sa/ses" agree with the thing
    // possessed and may be a state's or an army's ("l'armée a lancé ses
    // manœuvres").
    let person_only = m.gender.is_some()
        || (m.kind == MentionKind::Possessive
            && !m.plural
            && p.lang == Lang::En
            && p.norm(m.first) != "its");
    // An object pronoun is not its own verb's subject: in "Trump
    // recognised him", "him" is someone else.
    // With its coordinated members: "A, B and C cut ties with D, accusing it …".
    // So is a pair phrase after a verb: in "London and Beijing urged the two
    // powers to …", the two are not the subjects.
    let object_pair = pair && m.first > 0 && super::super::frames::is_verb_form(p, m.first - 1);
    let own_subject: Vec<usize> = (object_pronoun(p, m) || object_pair)
        .then(|| governing_subject(p, sent, m.first))
        .flatten()
        .map(|g| {
            // A list's group is complete from its last member: gather the
            // groups, up to the pronoun, that hold the subject.
            let mut all = coordination_group(p, g);
            for (k, _) in p.lying_in(p.mentions[g].last, m.first) {
                let grp = coordination_group(p, k);
                if grp.contains(&g) {
                    all.extend(grp);
                }
            }
            all
        })
        .unwrap_or_default();
    // Nor is it the same actor named earlier ("Chile severed ties with Peru.
    // Chile accused it of …").
    let own_ents: Vec<usize> = own_subject
        .iter()
        .flat_map(|&g| p.mentions[g].ents.iter().copied())
        .collect();
    // French "X, qu'il accuse de …": the relative's antecedent is the
    // object, not the pronoun subject after "que".
    let relative_object: Vec<usize> = relative_antecedent(p, m)
        .map(|j| p.mentions[j].ents.clone())
        .unwrap_or_default();
    // Mentions are sorted: going back, the first one before `min_sent`
    // ends the search.
    let cands: Vec<usize> = (0..mi)
        .rev()
        .take_while(|&j| p.sentence_of(p.mentions[j].first) >= min_sent)
        .filter(|&j| {
            let c = &p.mentions[j];
            !c.ents.is_empty()
                && !c.locative
                && c.kind != MentionKind::Demonym
                && !own_subject.contains(&j)
                && !c.ents.iter().any(|e| own_ents.contains(e))
                && !c.ents.iter().any(|e| relative_object.contains(e))
        })
        .collect();
    if pair {
        return super::pairs::pair_antecedent(p, mi, &cands);
    }
    if m.plural {
        // "Trudeau said the allegations were credible, while India
        // dismissed them": a plural noun phrase naming no actor, nearer
        // than the actors, is what "them" stands for.
        let cands: Vec<usize> = match plural_noun_phrase_before(p, sent, m) {
            Some(np) => cands
                .into_iter()
                .filter(|&j| p.mentions[j].first > np)
                .collect(),
            None => cands,
        };
        return plural_antecedent(p, &cands);
    }
    let pick = singular_antecedent(p, mi, &cands, person_only);
    match pick {
        Some(j) => {
            let e = p.mentions[j].ents[0];
            (
                vec![e],
                format!(
                    "pronoun \"{}\": most recent compatible actor {} (\"{}\")",
                    p.surface(m.first, m.last),
                    p.ents[e].label,
                    p.surface(p.mentions[j].first, p.mentions[j].last)
                ),
            )
        }
        None => (
            vec![],
            format!(
                "pronoun \"{}\": no compatible antecedent",
                p.surface(m.first, m.last)
            ),
        ),
    }
}

/// For a French subject pronoun right after "que"/"qu'" that follows a
/// mention and its comma ("Kigali, qu'il accuse de …"), that mention: the
/// relative's object.
fn relative_antecedent(p: &Prepared, m: &Mention) -> Option<usize> {
    if p.lang != Lang::Fr || m.kind != MentionKind::Pronoun || m.first < 3 {
        return None;
    }
    if !matches!(p.norm(m.first - 1), "que" | "qu'") || p.norm(m.first - 2) != "," {
        return None;
    }
    p.ending_at(m.first - 2).next()
}

/// Whether pronoun mention `m` is a verb's object: English "him", "her",
/// "them" right after a verb (not a preposition: "took it with him");
/// French "lui" before its verb ("lui a demandé").
fn object_pronoun(p: &Prepared, m: &Mention) -> bool {
    if m.kind != MentionKind::Pronoun || m.first == 0 {
        return false;
    }
    let w = p.norm(m.first);
    match p.lang {
        Lang::En => {
            (matches!(w, "him" | "her" | "them") || w == "it" && object_it(p, m.first))
                && !is_preposition(p.lang, p.norm(m.first - 1))
                || w == "them" && partitive_start(p, m.first).is_some()
        }
        // A clitic stands before its verb, after "de"/"à" for an
        // infinitive; a stressed "lui" follows a preposition ("avec lui").
        Lang::Fr => {
            let before = p.norm(m.first - 1);
            w == "lui"
                && (!is_preposition(p.lang, before) || matches!(before, "de" | "d'" | "a"))
                && super::super::frames::is_verb_form(p, m.first + 1)
                || accusative_clitic(p, m.first, w)
        }
    }
}

/// The subject of the verb whose object pronoun is at `at`: the mention
/// right before the verb group ("Trump recognised him", "le ministre lui a
/// demandé"), or for a verb coordinated after "and"/"et" or an infinitive
/// the clause's first subject ("Merkel called Putin and urged him", "Syria
/// sent troops to Hrawi to help him").
fn governing_subject(p: &Prepared, sent: usize, at: usize) -> Option<usize> {
    let first = p.sentences[sent].first;
    // English: the verb is before the pronoun; French: the clitic is.
    // "detained more than 1,700 of them": the verb stands before the quantity.
    let mut k = match partitive_start(p, at) {
        Some(q) => q,
        None if p.lang == Lang::En => at - 1,
        None => at,
    };
    // ", accusing it of …": a participle after a comma is the clause
    // subject's act.
    if p.lang == Lang::En && k > first && p.norm(k).ends_with("ing") && p.norm(k - 1) == "," {
        return first_subject_before(p, sent, k - 1);
    }
    for _ in 0..4 {
        if k <= first {
            return None;
        }
        if let Some(mi) = p
            .ending_at(k)
            .find(|&mi| super::super::frames::usable(&p.mentions[mi]))
        {
            return Some(mi);
        }
        let w = p.norm(k - 1);
        // A coordinated verb, or an infinitive (whose subject is its
        // controller): the clause's first subject.
        if matches!(w, "and" | "but" | "et" | "mais" | "to" | "de" | "d'" | "a") {
            return first_subject_before(p, sent, k - 1);
        }
        if p.tokens[k - 1].kind != Kind::Word || p.tokens[k - 1].upper {
            return None;
        }
        k -= 1;
    }
    None
}

/// "dozens of them", "more than 1,700 of them": an English partitive
/// before the pronoun at `at`, whose quantity (numbers and words of cue
/// kind `quantity`, at least one of them a count) starts at the returned
/// token.
fn partitive_start(p: &Prepared, at: usize) -> Option<usize> {
    if p.lang != Lang::En || at < 2 || p.norm(at - 1) != "of" {
        return None;
    }
    let mut q = at - 1;
    let mut counted = false;
    while q > 0 {
        let (j, w) = (q - 1, p.norm(q - 1));
        let number = p.tokens[j].kind == Kind::Number;
        if !number && (w == "of" || !p.k.lex.is(p.lang, "quantity", w)) {
            break;
        }
        // "more than", "at least", "about": no count on their own.
        counted |= number
            || !matches!(
                w,
                "more"
                    | "than"
                    | "at"
                    | "least"
                    | "over"
                    | "about"
                    | "around"
                    | "nearly"
                    | "roughly"
                    | "almost"
            );
        q = j;
    }
    counted.then_some(q)
}

/// The first subject of the clause that ends at token `end`.
fn first_subject_before(p: &Prepared, sent: usize, end: usize) -> Option<usize> {
    let (start, _) = clause_start(p, sent, end);
    p.lying_in(start, end)
        .find(|(_, c)| super::super::frames::usable(c) && !c.locative && is_subject_position(p, c))
        .map(|(mi, _)| mi)
}

/// The antecedent of a plural pronoun among `cands` (most recent first):
/// the most recent coordination group, else a plural mention.
fn plural_antecedent(p: &Prepared, cands: &[usize]) -> (Vec<usize>, String) {
    // most recent coordination group, else a plural mention
    for &j in cands {
        let group = coordination_group(p, j);
        if group.len() >= 2 {
            let ents: Vec<usize> = group
                .iter()
                .flat_map(|&g| p.mentions[g].ents.clone())
                .collect();
            let names: Vec<&str> = ents.iter().map(|&e| p.ents[e].label.as_str()).collect();
            return (
                ents.clone(),
                format!(
                    "plural pronoun: the coordinated actors {}",
                    names.join(", ")
                ),
            );
        }
        let c = &p.mentions[j];
        if c.plural
            || c.ents.len() > 1
            || (p.lang == Lang::Fr && p.norm(c.first.saturating_sub(1)) == "les")
        {
            return (
                c.ents.clone(),
                format!(
                    "plural pronoun: the plural actor \"{}\"",
                    p.surface(c.first, c.last)
                ),
            );
        }
    }
    (vec![], "no plural antecedent".into())
}

/// The antecedent of singular pronoun mention `mi` among `cands`: a
/// compatible actor (gender, person or not), subjects first; else a state
/// of the pronoun's gender, or for a French possessive any subject, in the
/// same sentence.
fn singular_antecedent(
    p: &Prepared,
    mi: usize,
    cands: &[usize],
    person_only: bool,
) -> Option<usize> {
    let m = &p.mentions[mi];
    let sent = p.sentence_of(m.first);
    let compatible = |j: usize| {
        let c = &p.mentions[j];
        let e = c.ents[0];
        let d = &p.ents[e];
        if c.ents.len() != 1 {
            return false;
        }
        if person_only && d.etype != EntityType::Person {
            return false;
        }
        if matches!(p.norm(m.first), "its" | "it") && d.etype == EntityType::Person {
            return false;
        }
        // A metonym's own gender first: "Kinshasa …, qu'il" (la RDC).
        let gender = if c.kind == MentionKind::Name && d.etype == EntityType::Country {
            c.gender.or(d.gender)
        } else {
            d.gender.or(c.gender)
        };
        match (m.gender, gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    };
    // "Oman, which has mediated between X and Y, said it regretted …": a
    // subject pronoun right after a speech verb (and its "that") is the
    // speaker, the sentence's subject, not the most recent actor; unless
    // the speaker is a spokesperson, who speaks of someone else.
    let speaker = speech_verb_before(p, m)
        .and_then(|v| speech_subject(p, sent, v))
        .filter(|&j| {
            let c = &p.mentions[j];
            // French "il"/"elle" agree with a state's grammatical gender.
            let same_gender = m.gender.is_some() && c.ents.len() == 1 && c.gender == m.gender;
            cands.contains(&j) && (compatible(j) || same_gender) && c.role != Some("spokesperson")
        });
    // "X seized the city of Y and its leader …": a possessive or pronoun
    // opening a coordinated clause continues the main clause's subject.
    let parallel = (m.first > 0 && matches!(p.norm(m.first - 1), "and" | "et"))
        .then(|| crate::extract::context::main_clause_subject(p, sent, m.first, &[]))
        .flatten()
        .filter(|&j| cands.contains(&j) && compatible(j));
    let mut pick = speaker
        .or(parallel)
        .or_else(|| {
            cands
                .iter()
                .copied()
                .find(|&j| compatible(j) && is_subject_position(p, &p.mentions[j]))
        })
        .or_else(|| cands.iter().copied().find(|&j| compatible(j)));
    // "Le Japon a confirmé qu'il ...": with no person around, a state of the
    // pronoun's grammatical gender in the same sentence.
    if pick.is_none() && m.kind == MentionKind::Pronoun && m.gender.is_some() {
        pick = cands.iter().copied().find(|&j| {
            let c = &p.mentions[j];
            c.ents.len() == 1
                && c.gender == m.gender
                && is_subject_position(p, c)
                && p.sentence_of(c.first) == sent
        });
    }
    // French "son/sa/ses" agree with the noun, not the owner: a state can own too.
    if pick.is_none() && m.kind == MentionKind::Possessive && m.gender.is_none() && !m.plural {
        pick = cands.iter().copied().find(|&j| {
            p.mentions[j].ents.len() == 1
                && is_subject_position(p, &p.mentions[j])
                && p.sentence_of(p.mentions[j].first) == sent
        });
    }
    pick
}

/// For English "them": the nearest definite plural noun phrase before it in
/// its sentence that names no actor ("the allegations", "these demands"),
/// as the token of its determiner.
fn plural_noun_phrase_before(p: &Prepared, sent: usize, m: &Mention) -> Option<usize> {
    if p.lang != Lang::En || m.kind != MentionKind::Pronoun || p.norm(m.first) != "them" {
        return None;
    }
    let first = p.sentences[sent].first;
    (first..m.first).rev().find(|&j| {
        matches!(p.norm(j), "the" | "these" | "those")
            && (j + 1..(j + 3).min(m.first)).any(|k| {
                let t = &p.tokens[k];
                t.kind == Kind::Word
                    && !t.upper
                    && t.norm.len() > 3
                    && t.norm.ends_with('s')
                    && !t.norm.ends_with("ss")
                    && p.covering(k).next().is_none()
            })
    })
}

/// The speech verb right before subject pronoun `m`, past its "that" ("said
/// it", "said that he", "a déclaré qu'il").
fn speech_verb_before(p: &Prepared, m: &Mention) -> Option<usize> {
    if m.kind != MentionKind::Pronoun || object_pronoun(p, m) {
        return None;
    }
    let mut v = m.first.checked_sub(1)?;
    if matches!(p.norm(v), "that" | "que" | "qu'") {
        v = v.checked_sub(1)?;
    }
    p.k.lex.is_verb(p.lang, "speech", p.norm(v)).then_some(v)
}

/// Mentions coordinated with mention `j` ("A, B et C"), including `j`.
pub fn coordination_group(p: &Prepared, j: usize) -> Vec<usize> {
    let mut group = vec![j];
    let joined = |a: &Mention, b: &Mention| {
        // tokens between a.last and b.first are coordinators/articles/prepositions only
        if b.first < a.last || b.first - a.last > 6 {
            return false;
        }
        let between: Vec<&str> = (a.last..b.first).map(|t| p.norm(t)).collect();
        // A comma right after a role and name in apposition closes it: "le
        // président russe, Vladimir Poutine, et son homologue …".
        let closes_apposition = between.first() == Some(&",")
            && (a.first..a.last).any(|k| p.norm(k) == ",")
            && a.kind == MentionKind::Name;
        // French has no serial comma: ", et" starts a new clause.
        if p.lang == Lang::Fr
            && !closes_apposition
            && between.windows(2).any(|w| w[0] == "," && w[1] == "et")
        {
            return false;
        }
        // English ", and" closes a list of three or more ("the US, Britain,
        // and Canada"); after a lone actor it starts a new clause ("supported
        // the American decision, and Stoltenberg urged …").
        if p.lang == Lang::En
            && !closes_apposition
            && between
                .windows(2)
                .any(|w| w[0] == "," && matches!(w[1], "and" | "or"))
            && !(a.first >= 2
                && p.norm(a.first - 1) == ","
                && p.ending_at(a.first - 1).next().is_some())
        {
            return false;
        }
        !between.is_empty()
            && between
                .iter()
                .any(|w| p.k.lex.is(p.lang, "coordinator", w) || *w == "&")
            && between.iter().all(|w| {
                p.k.lex.is(p.lang, "coordinator", w)
                    || *w == "&"
                    || is_article(p.lang, w)
                    || matches!(
                        *w,
                        "a" | "au"
                            | "aux"
                            | "de"
                            | "du"
                            | "des"
                            | "d'"
                            | "to"
                            | "with"
                            | "on"
                            | "against"
                            | "avec"
                            | "sur"
                            | "contre"
                            | "pays"
                            | "countries"
                            | "en"
                    )
            })
    };
    // "X and his Chinese counterpart Y": a possessive determiner right
    // before a conjunct opens it (the possessive is no member itself).
    let opener = |k: usize| {
        if k > 0
            && p.mentions[k - 1].kind == MentionKind::Possessive
            && p.mentions[k - 1].last == p.mentions[k].first
        {
            k - 1
        } else {
            k
        }
    };
    let mut k = j;
    loop {
        let start = opener(k);
        if start > 0
            && !p.mentions[start - 1].ents.is_empty()
            && !p.mentions[start - 1].locative
            && joined(&p.mentions[start - 1], &p.mentions[start])
        {
            k = start - 1;
            group.insert(0, k);
        } else {
            break;
        }
    }
    let mut k = j;
    // "aux États-Unis et en Australie": a repeated preposition makes the
    // next member look like a location.
    let repeated =
        |a: &Mention, b: &Mention| !a.locative && (a.last..b.first).any(|t| p.norm(t) == "en");
    loop {
        // The next conjunct, after a possessive that opens it.
        let next = if k + 2 < p.mentions.len() && opener(k + 2) == k + 1 {
            k + 2
        } else {
            k + 1
        };
        if next < p.mentions.len()
            && !p.mentions[next].ents.is_empty()
            && (!p.mentions[next].locative || repeated(&p.mentions[k], &p.mentions[next]))
            && joined(&p.mentions[k], &p.mentions[opener(next)])
        {
            k = next;
            group.push(k);
        } else {
            break;
        }
    }
    // Commas alone make an apposition or a fronted phrase, not a list: a
    // list ends with a word ("et", "and", "ainsi que").
    let worded = group.windows(2).any(|w| {
        (p.mentions[w[0]].last..p.mentions[w[1]].first)
            .any(|t| p.norm(t) != "," && p.k.lex.is(p.lang, "coordinator", p.norm(t)))
    }) || {
        // A list whose last item is not a name: "Iran, Libya, Sudan, and with
        // strings attached, Cuba".
        let end = p.mentions[group[group.len() - 1]].last;
        let k = if p.norm(end) == "," { end + 1 } else { end };
        group.len() > 2 && k < p.tokens.len() && matches!(p.norm(k), "and" | "et" | "or" | "ou")
    };
    if group.len() > 1 && !worded {
        return vec![j];
    }
    group
}

/// The speaker of the quotation containing mention `mi`.
pub(crate) fn speaker_of(
    p: &Prepared,
    quotes: &[clause::Quote],
    mi: usize,
) -> (Vec<usize>, String) {
    let m = &p.mentions[mi];
    let Some(q) = clause::quote_at(quotes, m.first) else {
        return (vec![], "not in a quotation".into());
    };
    match quote_speaker(p, q).map(|m| p.mentions[m].ents[0]) {
        Some(e) => (
            vec![e],
            format!(
                "first person inside a quotation: the speaker {}",
                p.ents[e].label
            ),
        ),
        None => (vec![], "quotation without a speaker".into()),
    }
}

/// The mention of who speaks a quotation (it has an entity), from its
/// speaker zone.
pub fn quote_speaker(p: &Prepared, q: &clause::Quote) -> Option<usize> {
    let (a, b) = q.speaker_zone;
    p.lying_in(a, b)
        .filter(|(_, m)| {
            !m.ents.is_empty()
                && !m.locative
                && m.kind != MentionKind::Demonym
                && m.kind != MentionKind::Speaker
        })
        .filter(|(_, m)| {
            !(m.first > 0
                && matches!(p.norm(m.first - 1), "a" | "au" | "aux" | "to")
                && m.first > q.close + 2)
        })
        .find(|(_, m)| is_subject_position(p, m) || m.kind == MentionKind::Pronoun)
        .map(|(mi, _)| mi)
}
