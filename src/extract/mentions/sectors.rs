//! Sector groups: a sector noun with a country ("Kenyan students", "les
//! manifestants kényans", "rebels in Chad") is a group of that country,
//! distinct from its state; and the domestic target of a protest that names
//! none ("students demonstrated in Nairobi": against Kenya's government).

use rustc_hash::FxHashMap as HashMap;

use super::super::clause::{self, COMPASS_EN};
use super::super::{DocEntity, Mention, MentionKind, Prepared};
use super::{is_function_word, kb_entity, replace, replace_all};
use crate::lexicon::EntityType;
use crate::lexicon::sectors::SectorNoun;
use crate::text::{Kind, Lang};

/// Finds sector phrases with a country and makes them group mentions.
pub(crate) fn sector_phrases(p: &mut Prepared, kb_map: &mut HashMap<usize, usize>) {
    let sectors = &p.k.lex.sectors;
    if sectors.entries.is_empty() {
        return;
    }
    let lang = p.lang;
    let dateline = dateline_state(p);
    let mut found: Vec<(usize, usize, usize, SectorNoun)> = Vec::new(); // (first, last, country kb index, sector entry)
    for s in 0..p.sentences.len() {
        let (first, last) = (p.sentences[s].first, p.sentences[s].last);
        let mut i = first;
        while i < last {
            if p.tokens[i].kind != Kind::Word
                || !sectors.starts[lang.idx()].contains(p.tokens[i].norm.as_str())
                || inside_mention(p, i)
            {
                i += 1;
                continue;
            }
            let Some((end, entry)) = sector_at(p, i, last) else {
                i += 1;
                continue;
            };
            // "all parties", "the parties": parties of a conflict or a
            // treaty unless a state names them political ("Algerian parties").
            let placed_only = entry.agent == "PTY";
            // A state agent ("police", "government") stands for the state.
            let agent = STATE_AGENTS.contains(&entry.agent.as_str());
            // "parties to the conflict", "les parties au conflit".
            let party_to =
                placed_only && end < last && matches!(p.norm(end), "to" | "au" | "aux" | "a" | "à");
            let placed = (!party_to)
                .then(|| {
                    country_of_phrase(p, i, end, last, agent)
                        .or_else(|| located_bare(p, i, end, last).map(|c| (i, end, c)))
                })
                .flatten();
            // The group its sector named last, a few sentences before: at
            // once for a definite phrase ("Peru praised the students"
            // refers back), after the sentence's own clues otherwise.
            let same_sector = |found: &[(usize, usize, usize, SectorNoun)], definite_only: bool| {
                // State agents only when definite and first in their
                // sentence ("the junta also accused …"): "the government" a
                // speaker names is seldom the one of a government named
                // before.
                let since = p.sentences[s.saturating_sub(SAME_SECTOR_BACK)].first;
                let definite = i > first && matches!(p.norm(i - 1), "the" | "les" | "aux");
                let agent_ok = !agent
                    || definite_only
                        && i > first
                        && matches!(p.norm(i - 1), "the" | "le" | "la" | "l'")
                        && p.lying_in(first, i).next().is_none();
                let definite = definite || agent && agent_ok;
                (!placed_only && agent_ok && bare(p, i, end, false) && (definite || !definite_only))
                    .then(|| {
                        found
                            .iter()
                            .rev()
                            .take_while(|f| f.0 >= since)
                            .find(|f| f.3.id == entry.id)
                            .map(|f| (i, end, f.2))
                    })
                    .flatten()
            };
            let found_country = placed
                .or_else(|| same_sector(&found, true))
                // Not civilians: the people an actor attacks are seldom its own.
                .or_else(|| {
                    (entry.agent != "CVL" && !placed_only)
                        .then(|| sole_state_before(p, i, end, first, agent))
                        .flatten()
                        .map(|c| (i, end, c))
                })
                // "HONG KONG — Police fired tear gas at demonstrators": a
                // bare phrase the sentence places nowhere is where the
                // story is filed.
                .or_else(|| {
                    dateline
                        .filter(|_| !placed_only && bare(p, i, end, agent))
                        .map(|c| (i, end, c))
                })
                // "In Niamey, thousands of people marched against …", "À
                // Niamey, des milliers de personnes ont manifesté …": a
                // sentence opening with a place places its bare phrases.
                .or_else(|| {
                    fronted_state(p, first, i)
                        .filter(|_| !placed_only && bare(p, i, end, agent))
                        .map(|c| (i, end, c))
                })
                // "Des manifestants ont défilé à Tbilissi. … La présidente a
                // apporté son soutien aux manifestants": a bare phrase the
                // sentence places nowhere is the group its sector named
                // last, a few sentences before.
                .or_else(|| same_sector(&found, false))
                // "Thousands rallied in Belgrade. Police detained dozens of
                // protesters": a bare phrase the sentence places nowhere,
                // with no actor before it in its sentence ("X said the
                // government …" is X's), acts in the one state the sentence
                // before names.
                .or_else(|| {
                    // Nor one with an owner after it ("the foreign ministry of …").
                    let alone = p.lying_in(first, i).next().is_none()
                        && !(end < last
                            && matches!(p.norm(end), "of" | "de" | "du" | "des" | "d'"));
                    (!placed_only && s > 0 && alone && bare(p, i, end, agent))
                        .then(|| sole_state_in_sentence(p, s - 1))
                        .flatten()
                        .map(|c| (i, end, c))
                });
            if let Some((a, b, country)) = found_country {
                push_coordinated(p, (a, i, first), entry, &mut found);
                found.push((a, b, country, entry.clone()));
                i = b;
            } else {
                i = end;
            }
        }
    }
    let mut news = Vec::with_capacity(found.len());
    for (first, last, country, entry) in found {
        news.push(sector_mention(p, kb_map, first, last, country, &entry));
    }
    // All at once: one replacement at a time would move the document's
    // later mentions each time.
    replace_all(p, news);
}

/// Sentences back in which a bare sector phrase finds the group its
/// sector named last.
const SAME_SECTOR_BACK: usize = 3;

/// The longest sector phrase starting at token `i` and ending by `last`:
/// its end and entry.
pub(crate) fn sector_at<'a>(
    p: &Prepared<'a>,
    i: usize,
    last: usize,
) -> Option<(usize, &'a SectorNoun)> {
    let sectors = &p.k.lex.sectors;
    let max = sectors.max_len.min(last.saturating_sub(i));
    (1..=max).rev().find_map(|n| {
        let e = sectors.get(p.lang, p.joined(i, i + n))?;
        Some((i + n, e))
    })
}

/// "US and British activists": the states coordinated before the phrase's
/// state (its start `a`, the sector noun at `i`, the sentence's `first`
/// token) share the noun.
fn push_coordinated(
    p: &Prepared,
    (a, i, first): (usize, usize, usize),
    entry: &SectorNoun,
    found: &mut Vec<(usize, usize, usize, SectorNoun)>,
) {
    let lang = p.lang;
    let mut k = a;
    while a < i && k >= first + 2 && p.k.lex.is(lang, "coordinator", p.norm(k - 1)) {
        let Some(m) = p.ending_at(k - 1).next().map(|mi| &p.mentions[mi]) else {
            break;
        };
        let named_state = matches!(m.kind, MentionKind::Demonym | MentionKind::Name)
            && m.ents.len() == 1
            && p.ents[m.ents[0]].etype == EntityType::Country;
        let Some(c) = state_of(p, &m.ents).filter(|_| named_state) else {
            break;
        };
        found.push((m.first, m.last, c, entry.clone()));
        k = m.first;
    }
}

/// The mention of a sector phrase: the state itself for its agents
/// ("police in Jericho", "a court in Guyana"), else the sector's group.
fn sector_mention(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    first: usize,
    last: usize,
    country: usize,
    entry: &SectorNoun,
) -> Mention {
    // "police in Jericho", "a court in Guyana": the state's own agents.
    let state_agent = STATE_AGENTS.contains(&entry.agent.as_str());
    let (ent, kind) = if state_agent {
        (kb_entity(p, kb_map, country), MentionKind::Officials)
    } else {
        (
            sector_entity(p, kb_map, country, entry),
            MentionKind::Sector,
        )
    };
    let how = p.why(|| {
        format!(
            "\"{}\" ({}) of {}: {}",
            p.surface(first, last),
            entry.id,
            p.k.kb.entities[country].label,
            if state_agent {
                "agents of the state".to_string()
            } else {
                format!("the group {}", p.ents[ent].label)
            }
        )
    });
    Mention {
        first,
        last,
        ents: vec![ent],
        kind,
        how,
        plural: true,
        gender: None,
        locative: false,
        role: None,
    }
}

/// "ethnic Albanians": a people, not a state. With a location in its clause
/// it is a group of the state where it lives ("ethnic Albanians (Serbia)");
/// without one it is left out rather than read as Albania.
pub(crate) fn ethnic_groups(p: &mut Prepared, kb_map: &mut HashMap<usize, usize>) {
    let mut changes = Vec::new(); // (mention, state)
    for (mi, m) in p.mentions.iter().enumerate() {
        let ethnic = m.first > 0 && matches!(p.norm(m.first - 1), "ethnic" | "ethniques");
        let people = m.kind == MentionKind::Name
            && m.ents.len() == 1
            && p.ents[m.ents[0]].etype == EntityType::Country
            && p.norm(m.last - 1).ends_with('s');
        if ethnic && people {
            let s = p.sentence_of(m.first);
            changes.push((
                mi,
                located_bare(p, m.first, m.last, p.sentences[s].last),
                true,
            ));
        } else if people && p.tokens[m.first].upper {
            // "the Albanians of southern Serbia", "Hungarians in Romania":
            // a people living in another state.
            if let Some(state) = living_in(p, m.last) {
                let own = state_of(p, &m.ents);
                if own != Some(state) {
                    changes.push((mi, Some(state), false));
                }
            }
        }
    }
    for &(mi, state, ethnic) in changes.iter().rev() {
        let Some(state) = state else {
            p.mentions.remove(mi);
            continue;
        };
        let first = p.mentions[mi].first - usize::from(ethnic);
        let last = p.mentions[mi].last;
        let name = p.surface(first + usize::from(ethnic), last).to_string();
        let people = if ethnic {
            format!("ethnic {name}")
        } else {
            name
        };
        let c = &p.k.kb.entities[state];
        let code = c.iso3.clone().unwrap_or_default().to_lowercase();
        let local = format!(
            "group/{code}-{}",
            crate::text::fold(&people).replace(' ', "-")
        );
        let label = format!("{people} ({})", c.label);
        let ent = group_entity(p, kb_map, state, local, label, None);
        let how = p.why(|| {
            format!(
                "\"{people}\": a people living in {}",
                p.k.kb.entities[state].label
            )
        });
        replace(
            p,
            &[],
            first,
            last,
            vec![ent],
            MentionKind::Sector,
            how,
            None,
        );
    }
}

/// The state of a place right after "of/in" at `j`, maybe past an article
/// or a compass word ("of southern Serbia", "in Romania").
fn living_in(p: &Prepared, j: usize) -> Option<usize> {
    if j >= p.tokens.len() || !matches!(p.norm(j), "of" | "in" | "de" | "du" | "en" | "au") {
        return None;
    }
    let m = &p.mentions[mention_after_preposition(p, j, p.tokens.len())?];
    if !matches!(m.kind, MentionKind::Name) {
        return None;
    }
    state_of(p, &m.ents)
}

/// The mention right after the preposition at `j`, past at most two articles
/// or compass words ("in southern Serbia", "of the north"); "in the north of
/// X" is too far.
fn mention_after_preposition(p: &Prepared, j: usize, end: usize) -> Option<usize> {
    let mut k = j + 1;
    while k < end
        && k <= j + 2
        && (super::super::clause::is_article(p.lang, p.norm(k)) || compass(p.norm(k)))
    {
        k += 1;
    }
    p.starting_at(k)
}

/// Whether token `i` lies inside a mention other than a demonym.
fn inside_mention(p: &Prepared, i: usize) -> bool {
    p.covering(i)
        .any(|mi| p.mentions[mi].kind != MentionKind::Demonym)
}

/// The country a sector phrase `a..b` belongs to, and the phrase's full
/// span: a demonym before it (English) or after it (French), or a country
/// or place after "in/of/from", "à/en/au/de".
fn country_of_phrase(
    p: &Prepared,
    a: usize,
    b: usize,
    end: usize,
    state_agent: bool,
) -> Option<(usize, usize, usize)> {
    // "Kim Jong Un's government", "le régime de Bachar al-Assad": a
    // person's state agents are their state's.
    let owner_state = |ents: &[usize]| {
        state_of(p, ents).or_else(|| state_agent.then(|| person_state(p, ents)).flatten())
    };
    let demonym = |mi: usize| {
        let m = &p.mentions[mi];
        (m.kind == MentionKind::Demonym)
            .then(|| state_of(p, &m.ents))
            .flatten()
    };
    // "opposition" is also a predicate noun: "Turkish opposition to X",
    // "l'opposition de la Turquie à X" are stances, not groups.
    let predicate_noun = p.noun_at(a, end).is_some();
    let stance_after = |k: usize| {
        predicate_noun
            && (matches!(p.norm(k), "to" | "against" | "contre" | "envers")
                || p.surface(k, k + 1) == "à")
    };
    match p.lang {
        Lang::En => {
            if let Some(mi) = p.ending_at(a).next() {
                if let Some(c) = demonym(mi) {
                    return (!stance_after(b)).then_some((p.mentions[mi].first, b, c));
                }
                // A place or country name as modifier: "Darfur rebels", "Gaza protesters".
                let m = &p.mentions[mi];
                if m.kind == MentionKind::Name && m.ents.len() == 1 && !stance_after(b) {
                    if let Some(c) = state_of(p, &m.ents) {
                        return Some((m.first, b, c));
                    }
                }
            }
            // A genitive: "Kenya's opposition", "Syria's main rebels".
            let k = if a >= 2 && !p.tokens[a - 1].upper && p.norm(a - 2) == "'s" {
                a - 1
            } else {
                a
            };
            if k >= 2 && p.norm(k - 1) == "'s" && !stance_after(b) {
                if let Some(m) = p
                    .ending_at(k - 1)
                    .map(|mi| &p.mentions[mi])
                    .find(|m| m.kind == MentionKind::Name && m.ents.len() == 1)
                {
                    if let Some(c) = owner_state(&m.ents) {
                        return Some((m.first, b, c));
                    }
                }
            }
        }
        Lang::Fr => {
            if let Some(mi) = p.starting_at(b) {
                if let Some(c) = demonym(mi) {
                    let last = p.mentions[mi].last;
                    return (!stance_after(last)).then_some((a, last, c));
                }
            }
        }
    }
    let preps: &[&str] = match p.lang {
        Lang::En => &["in", "of", "from", "throughout", "across"],
        Lang::Fr => &["a", "en", "au", "aux", "de", "du", "d'", "des"],
    };
    if b >= end || !preps.contains(&p.norm(b)) {
        return None;
    }
    // Only the written "à" is a preposition ("a" is a verb); a predicate
    // noun's "of/de" introduces its agent, not a country of people.
    let located = matches!(p.norm(b), "in" | "en" | "au" | "aux")
        || p.lang == Lang::Fr && p.surface(b, b + 1) == "à";
    if p.lang == Lang::Fr && p.norm(b) == "a" && !located || predicate_noun && !located {
        return None;
    }
    let m = &p.mentions[mention_after_preposition(p, b, end)?];
    if m.kind == MentionKind::Demonym || m.kind == MentionKind::Pronoun {
        return None;
    }
    let named = m.kind == MentionKind::Name;
    let c = if named {
        owner_state(&m.ents)
    } else {
        state_of(p, &m.ents)
    };
    c.map(|c| (a, m.last, c))
}

/// CAMEO agents that are the state itself (government, police, judiciary,
/// military, legislature): their phrases stand for the state.
pub const STATE_AGENTS: &[&str] = &["GOV", "COP", "JUD", "MIL", "LEG"];

/// A bare plural sector noun ("Prisoners rioted at a jail in Dili",
/// "des manifestants ont bloqué les routes à Alger") belongs to the state of
/// the place where the sentence sets the event: the first location within
/// twelve tokens after it, in the same clause.
fn located_bare(p: &Prepared, a: usize, b: usize, end: usize) -> Option<usize> {
    // Not when a name or demonym is attached before ("Kurdish rebels" of an
    // unknown people) or the noun is singular.
    if !bare(p, a, b, false) {
        return None;
    }
    let limit = end.min(b + 12);
    // Within the same clause: no punctuation between ("killing 20 people,
    // officials in Nairobi said" is not about Kenyans).
    let limit = (b..limit)
        .find(|&j| p.tokens[j].kind == Kind::Punct)
        .unwrap_or(limit);
    let (_, m) = p.lying_in(b, limit).find(|(_, m)| {
        m.first > 0
            && (m
                .ents
                .first()
                .is_some_and(|&e| p.ents[e].etype == EntityType::Place)
                || located_after(p, m.first))
    })?;
    state_of(p, &m.ents)
}

/// Whether a folded sector noun is plural ("students", "travailleurs",
/// "people"), or a collective ("police").
fn plural_noun(w: &str) -> bool {
    w.ends_with('s') || w.ends_with('x') || matches!(w, "people" | "police")
}

/// Whether the sector phrase at `a..b` stands bare: plural (or a state's
/// own agents after "the"/"la"), no name, demonym or capitalised word
/// attached before it.
fn bare(p: &Prepared, a: usize, b: usize, state_agent: bool) -> bool {
    let plural = plural_noun(&p.tokens[b - 1].norm);
    let definite =
        state_agent && a > 0 && matches!(p.norm(a - 1), "the" | "le" | "la" | "l'" | "les");
    (plural || definite)
        && !(a > 0 && p.ending_at(a).next().is_some())
        && !(a > 0 && p.tokens[a - 1].upper && a - 1 > p.sentences[p.sentence_of(a)].first)
}

/// The state of the place a sentence opens with, before its comma and
/// token `before`: "In Niamey,", "À Niamey,", "Au Mali,".
fn fronted_state(p: &Prepared, first: usize, before: usize) -> Option<usize> {
    let w = p.norm(first);
    if !(matches!(w, "in" | "au" | "aux" | "en") || clause::is_preposition_a(p, first)) {
        return None;
    }
    let (_, m) = p.lying_in(first + 1, before).next()?;
    let comma = m.last < before && p.norm(m.last) == ",";
    if !comma || m.first > first + 2 {
        return None;
    }
    state_of(p, &m.ents)
}

/// The state of a news dateline's place ("HONG KONG —", "MOSCOU, 21
/// septembre —") in the document's first three sentences.
fn dateline_state(p: &Prepared) -> Option<usize> {
    (0..p.sentences.len().min(3)).find_map(|s| {
        let (first, end) = super::dateline_span(p, s)?;
        p.lying_in(first, end)
            .find_map(|(_, m)| state_of(p, &m.ents))
    })
}

/// The one state sentence `s` names; none when it names none or two.
fn sole_state_in_sentence(p: &Prepared, s: usize) -> Option<usize> {
    sole_state_in(p, p.sentences[s].first, p.sentences[s].last)
}

/// The one state the tokens `first..last` name (by name, demonym, officials
/// or a place of it); none when they name none or two.
fn sole_state_in(p: &Prepared, first: usize, last: usize) -> Option<usize> {
    let mut states = p
        .lying_in(first, last)
        .map(|(_, m)| m)
        .filter(|m| {
            matches!(
                m.kind,
                MentionKind::Name | MentionKind::Demonym | MentionKind::Officials
            )
        })
        .filter_map(|m| state_of(p, &m.ents));
    let one = states.next()?;
    states.all(|c| c == one).then_some(one)
}

/// A bare plural sector noun with no place after it belongs to the only
/// state the sentence names before it ("Egyptian police dispersed
/// demonstrators", "the Mozambique government accepted demands from
/// rebels", "Chile said the army …"): the event coders' domestic reading.
/// No state, or two, give none.
fn sole_state_before(
    p: &Prepared,
    a: usize,
    b: usize,
    sent_first: usize,
    state_agent: bool,
) -> Option<usize> {
    let plural = plural_noun(&p.tokens[b - 1].norm);
    // "the army", "the police": a state's own agents may be singular.
    // Not an adjective ("military intelligence").
    let definite = state_agent
        && a > 0
        && matches!(p.norm(a - 1), "the" | "le" | "la" | "l'" | "les")
        && !p.tokens.get(b).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.upper
                && !is_function_word(p, &t.norm)
                && !crate::extract::frames::is_verb_form(p, b)
        });
    if !(plural || definite) || a > 0 && p.ending_at(a).next().is_some() {
        return None;
    }
    sole_state_in(p, sent_first, a)
}

/// Whether a locative preposition, maybe with a compass adjective, ends
/// right before token `j` ("in Serbia", "in southern Serbia", "au Mali").
fn located_after(p: &Prepared, j: usize) -> bool {
    let k = if j >= 2 && compass(p.norm(j - 1)) {
        j - 1
    } else {
        j
    };
    k > 0 && (matches!(p.norm(k - 1), "in" | "en" | "au") || p.surface(k - 1, k) == "à")
}

/// A compass word between a preposition and a place ("in southern Serbia",
/// "au nord du Mali").
fn compass(w: &str) -> bool {
    COMPASS_EN.contains(&w) || matches!(w, "nord" | "sud" | "est" | "ouest")
}

/// The knowledge-base index of the state of a country or place entity.
pub(crate) fn state_of(p: &Prepared, ents: &[usize]) -> Option<usize> {
    kb_state(p, ents, &[EntityType::Country, EntityType::Place])
}

/// The state of the person a mention names, from the knowledge base.
fn person_state(p: &Prepared, ents: &[usize]) -> Option<usize> {
    kb_state(p, ents, &[EntityType::Person])
}

/// The knowledge base's state of the first of `ents`, when it is of one of
/// `types`.
fn kb_state(p: &Prepared, ents: &[usize], types: &[EntityType]) -> Option<usize> {
    let &e = ents.first()?;
    let d = &p.ents[e];
    if !types.contains(&d.etype) {
        return None;
    }
    let c = p.k.kb.country_of(d.kb?)?;
    (p.k.kb.entities[c].etype == EntityType::Country).then_some(c)
}

/// The document entity of a sector of a state (one per state and sector).
fn sector_entity(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    country: usize,
    entry: &SectorNoun,
) -> usize {
    let (local, label, cameo) = sector_names(p, country, entry);
    group_entity(p, kb_map, country, local, label, cameo)
}

/// IRI local name, label and CAMEO code of a sector of a state.
fn sector_names(
    p: &Prepared,
    country: usize,
    entry: &SectorNoun,
) -> (String, String, Option<String>) {
    let c = &p.k.kb.entities[country];
    let code = c
        .iso3
        .clone()
        .unwrap_or_else(|| c.id.rsplit('/').next().unwrap_or_default().to_string());
    let slug = entry.label.replace(' ', "-");
    let local = format!("group/{}-{slug}", code.to_lowercase());
    let label = format!("{} ({})", entry.label, c.label);
    // CAMEO composes actor codes: country + agent ("KEN" + "EDU").
    let cameo = c
        .cameo
        .as_ref()
        .filter(|x| x.len() == 3)
        .map(|x| format!("{x}{}", entry.agent));
    (local, label, cameo)
}

/// The document entity of a group living in a state (one per IRI local
/// name); the state itself is added to the document too, as the default
/// target of the group's domestic protests.
fn group_entity(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    state: usize,
    local: String,
    label: String,
    cameo: Option<String>,
) -> usize {
    kb_entity(p, kb_map, state);
    push_group(p, state, local, label, cameo)
}

/// The document entity of a group (one per IRI local name), whose state is
/// already a document entity.
fn push_group(
    p: &mut Prepared,
    state: usize,
    local: String,
    label: String,
    cameo: Option<String>,
) -> usize {
    if let Some(i) = p.ents.iter().position(|e| e.local == local) {
        return i;
    }
    p.ents.push(DocEntity {
        kb: None,
        label,
        etype: EntityType::Group,
        local,
        gender: None,
        role: None,
        iso3: p.k.kb.entities[state].iso3.clone(),
        cameo,
    });
    p.ents.len() - 1
}

/// The civilians' group entity of state `state` (a knowledge-base index),
/// whose state is already a document entity.
pub(crate) fn civilians_of(p: &mut Prepared, state: usize) -> Option<usize> {
    let entry = p.k.lex.sectors.by_agent(p.lang, "CVL")?.clone();
    let (local, label, cameo) = sector_names(p, state, &entry);
    Some(push_group(p, state, local, label, cameo))
}
