//! Definite descriptions of a group or an organization named before: "le
//! mouvement islamiste", "the militant group", "l'organisation" (cue kind
//! `group_anaphor` for the head noun), and of an agreement named before:
//! "the deal", "l'accord" (cue kind `treaty`), and of a state named before:
//! "the country", "le royaume" (cue kind `state_anaphor`). They are
//! mentions of the most recent group or organization (agreement) of the
//! current or three previous sentences, as a reader takes them; a state
//! description the most recent state named as a subject (the topic, not
//! "the French ambassador" it acted on).

use super::super::clause::is_article;
use super::super::{Mention, MentionKind, Prepared};
use super::is_function_word;
use crate::lexicon::EntityType;
use crate::text::{Kind, Lang};

/// Sentences back where the group may have been named.
const BACK: usize = 3;

/// The group descriptions of the document, resolved; `cov` marks the
/// tokens already in a mention.
pub(crate) fn group_descriptions(p: &Prepared, cov: &[bool]) -> Vec<Mention> {
    let mut out = Vec::new();
    for i in 0..p.tokens.len() {
        if cov[i] || !matches!(p.norm(i), "the" | "le" | "la" | "l'" | "du") {
            continue;
        }
        let Some((head, what)) = [
            ("group_anaphor", What::Group),
            ("treaty", What::Agreement),
            ("state_anaphor", What::State),
        ]
        .into_iter()
        .find_map(|(kind, what)| Some((head_after(p, cov, i, kind)?, what))) else {
            continue;
        };
        // "du pays": "du" is "de" + "le", an article only for states.
        let genitive = if p.norm(i) == "du" {
            if what != What::State {
                continue;
            }
            Some(i)
        } else {
            (i > 0 && matches!(p.norm(i - 1), "of" | "de" | "du" | "des" | "d'")).then(|| i - 1)
        };
        // "in the country", "the north of the country": a place, not the
        // state acting. But after an event noun of the lexicon the genitive
        // is its agent: "the withdrawal of the country from X", "le retrait
        // du pays de X".
        if what == What::State
            && (i > 0 && p.k.lex.is(p.lang, "locative", p.norm(i - 1))
                || genitive.is_some_and(|g| g == 0 || p.noun_at(g - 1, g).is_none()))
        {
            continue;
        }
        // "the group's leader" still names it; "the group Wagner", "le
        // groupe de Wagner" or "the group of Seven" is another phrase.
        let named_at = |j: usize| {
            j < p.tokens.len()
                && (p.tokens[j].upper && p.tokens[j].kind == Kind::Word
                    || p.tokens[j].kind == Kind::Number)
        };
        if named_at(head + 1)
            || matches!(p.norm(head + 1), "of" | "de" | "d'" | "du" | "des") && named_at(head + 2)
        {
            continue;
        }
        let types: &[EntityType] = match what {
            What::Agreement => &[EntityType::Event],
            What::Group => &[EntityType::Group, EntityType::Organization],
            What::State => &[EntityType::Country],
        };
        // As an event noun's agent, only a state named in the same
        // sentence: its subject may be no actor of ours ("la junte
        // malienne a annoncé le retrait du pays").
        let found = latest_of(p, i, types, what == What::State).filter(|&(_, named)| {
            genitive.is_none() || p.sentence_of(p.mentions[named].first) == p.sentence_of(i)
        });
        if let Some((e, named)) = found {
            out.push(Mention {
                // "du" stays the genitive marker before the description.
                first: if genitive == Some(i) { i + 1 } else { i },
                last: head + 1,
                ents: vec![e],
                kind: MentionKind::Officials,
                how: if p.explain {
                    format!(
                        "description: most recent {} {} (\"{}\")",
                        match what {
                            What::Agreement => "agreement",
                            What::Group => "group or organization",
                            What::State => "state named as a subject",
                        },
                        p.ents[e].label,
                        p.surface(p.mentions[named].first, p.mentions[named].last)
                    )
                } else {
                    String::new()
                },
                plural: false,
                gender: None,
                locative: false,
                role: None,
            });
        }
    }
    out
}

/// What a description refers to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    Group,
    Agreement,
    State,
}

/// The head noun (cue kind `group_anaphor`, `treaty` or `state_anaphor`)
/// of the description opening at article `i`: right after it, or (English)
/// after one or two modifiers ("the militant group", "the Islamist movement").
fn head_after(p: &Prepared, cov: &[bool], i: usize, kind: &str) -> Option<usize> {
    let last = p.sentences[p.sentence_of(i)].last;
    let max = if p.lang == Lang::En { 3 } else { 1 };
    let end = (i + 1 + max).min(last);
    for (j, &covered) in cov.iter().enumerate().take(end).skip(i + 1) {
        if covered || p.tokens[j].kind != Kind::Word {
            return None;
        }
        if p.k.lex.is(p.lang, kind, p.norm(j)) {
            return Some(j);
        }
        let w = p.norm(j);
        if is_function_word(p, w) || is_article(p.lang, w) || p.k.lex.verb(p.lang, w).is_some() {
            return None;
        }
    }
    None
}

/// The most recent mention of an entity of one of `types` before token
/// `i`, within [`BACK`] sentences (a name in subject position only when
/// `subject`): its entity and mention.
fn latest_of(
    p: &Prepared,
    i: usize,
    types: &[EntityType],
    subject: bool,
) -> Option<(usize, usize)> {
    let min_sent = p.sentence_of(i).saturating_sub(BACK);
    let upto = p.mentions.partition_point(|m| m.first < i);
    (0..upto)
        .rev()
        .take_while(|&mi| p.sentence_of(p.mentions[mi].first) >= min_sent)
        .find_map(|mi| {
            let m = &p.mentions[mi];
            let &e = m.ents.first()?;
            (m.ents.len() == 1
                && !m.locative
                && types.contains(&p.ents[e].etype)
                && (!subject
                    || m.kind == MentionKind::Name && super::coref::is_subject_position(p, m)))
            .then_some((e, mi))
        })
}

/// "The Malian junta expelled … The junta also accused …", "le ministère
/// russe des Affaires étrangères … Le ministère a accusé …": a definite
/// article and one lower-case noun that is the head of a state's agents
/// named in the current or three previous sentences (a phrase of people or
/// things of a state, or an organisation's name: "the Indian foreign
/// ministry") is a mention of them again; `cov` marks the tokens
/// already in a mention.
pub(crate) fn repeated_heads(p: &Prepared, cov: &[bool]) -> Vec<Mention> {
    let mut out = Vec::new();
    for i in 0..p.tokens.len() {
        if cov[i] || !matches!(p.norm(i), "the" | "le" | "la" | "l'") {
            continue;
        }
        let (j, last) = (i + 1, p.sentences[p.sentence_of(i)].last);
        if j >= last || cov[j] {
            continue;
        }
        let (t, w) = (&p.tokens[j], p.norm(j));
        if t.kind != Kind::Word
            || t.upper
            || w.len() < 4
            || is_function_word(p, w)
            || p.k.lex.verb(p.lang, w).is_some()
        {
            continue;
        }
        // A longer phrase ("the ministry spokesman") or one with its own
        // owner ("the ministry of Y") is another.
        let next = p.tokens.get(j + 1);
        let compound = next.is_some_and(|n| {
            n.kind == Kind::Word
                && !n.upper
                && !is_function_word(p, &n.norm)
                && !super::super::frames::is_verb_form(p, j + 1)
                && !p.k.lex.is(p.lang, "also", &n.norm)
                && !n.norm.ends_with("ly")
        });
        let owned = matches!(p.norm(j + 1), "of" | "de" | "du" | "des" | "d'");
        if compound || owned {
            continue;
        }
        let min_sent = p.sentence_of(i).saturating_sub(BACK);
        let upto = p.mentions.partition_point(|m| m.first < i);
        let found = (0..upto)
            .rev()
            .take_while(|&mi| p.sentence_of(p.mentions[mi].first) >= min_sent)
            .find(|&mi| {
                let m = &p.mentions[mi];
                let org = |e: usize| p.ents[e].etype == EntityType::Organization;
                (m.kind == MentionKind::Officials || m.kind == MentionKind::Name && org(m.ents[0]))
                    && m.ents.len() == 1
                    && (m.first..m.last).any(|k| !p.tokens[k].upper && p.norm(k) == w)
            });
        let Some(mi) = found else { continue };
        let named = &p.mentions[mi];
        out.push(Mention {
            first: i,
            last: j + 1,
            ents: named.ents.clone(),
            kind: MentionKind::Officials,
            how: if p.explain {
                format!(
                    "description: the {} named before (\"{}\")",
                    p.ents[named.ents[0]].label,
                    p.surface(named.first, named.last)
                )
            } else {
                String::new()
            },
            plural: w.ends_with('s'),
            gender: None,
            locative: false,
            role: None,
        });
    }
    out
}
