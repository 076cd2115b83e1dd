//! Actor mentions: gazetteer matches, role descriptions with apposed names,
//! people discovered from titles and roles, metonyms, and the resolution of
//! pronouns, possessives and first-person speakers.

use std::collections::HashMap;

use super::clause::{self, is_article, is_preposition};
use super::{DocEntity, Mention, MentionKind, Prepared};
use crate::lexicon::{AliasKind, CaseRule, EntityType, Gender, Trigger};
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};
use crate::text::{Kind, Lang};

/// Runs every mention stage on a prepared document.
pub fn find(p: &mut Prepared) {
    let mut kb_map: HashMap<usize, usize> = HashMap::new();
    gazetteer(p, &mut kb_map);
    first_names(p);
    roles(p, &mut kb_map);
    demonym_phrases(p);
    titles(p);
    surnames(p);
    metonyms(p);
    p.mentions.sort_by_key(|m| (m.first, m.last));
    pronouns(p);
}

/// Returns the document entity for a knowledge-base entity.
pub fn kb_entity(p: &mut Prepared, kb_map: &mut HashMap<usize, usize>, idx: usize) -> usize {
    if let Some(&e) = kb_map.get(&idx) {
        return e;
    }
    let e = &p.k.kb.entities[idx];
    let iso3 =
        p.k.kb
            .country_of(idx)
            .and_then(|c| p.k.kb.entities[c].iso3.clone());
    p.ents.push(DocEntity {
        kb: Some(idx),
        label: e.label.clone(),
        etype: e.etype,
        local: e.id.clone(),
        gender: e.gender,
        role: None,
        iso3,
    });
    kb_map.insert(idx, p.ents.len() - 1);
    p.ents.len() - 1
}

fn type_rank(t: EntityType) -> u8 {
    match t {
        EntityType::Country => 0,
        EntityType::Organization => 1,
        EntityType::Person => 2,
        EntityType::Group => 3,
        EntityType::Event => 4,
        EntityType::Place => 5,
    }
}

/// Longest-leftmost gazetteer matching over the folded token stream.
fn gazetteer(p: &mut Prepared, kb_map: &mut HashMap<usize, usize>) {
    let mut hay = String::from(" ");
    let mut starts = Vec::with_capacity(p.tokens.len());
    for t in &p.tokens {
        starts.push(hay.len());
        hay.push_str(&t.norm);
        hay.push(' ');
    }
    let tok_at = |off: usize| starts.binary_search(&off).ok();
    // (first, last, alias)
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for m in p.k.gazetteer.find_overlapping_iter(&hay) {
        let Some(first) = tok_at(m.start() + 1) else {
            continue;
        };
        let last = if m.end() == hay.len() {
            p.tokens.len()
        } else if let Some(l) = tok_at(m.end()) {
            l
        } else {
            continue;
        };
        if last <= first || p.sentence_of(first) != p.sentence_of(last - 1) {
            continue;
        }
        let alias = &p.k.kb.aliases[m.pattern().as_usize()];
        let ok = match &alias.case {
            // Acronyms also appear in title case in the press: "Otan", "Aukus".
            CaseRule::Exact(s)
                if s.chars().count() >= 4 && last == first + 1 && !p.tokens[first].all_caps =>
            {
                let surf = p.surface(first, last);
                let mut cs = surf.chars();
                cs.next().is_some_and(char::is_uppercase)
                    && cs.all(|c| c.is_lowercase())
                    && crate::text::fold(surf) == crate::text::fold(s)
            }
            CaseRule::Exact(s) => {
                let surf: String = p
                    .surface(first, last)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                surf == *s
                    || crate::text::fold(&surf) == crate::text::fold(s)
                        && p.tokens[first..last]
                            .iter()
                            .all(|t| t.all_caps || t.kind != Kind::Word)
            }
            CaseRule::Capitalized => p.tokens[first].upper,
            CaseRule::Any => true,
        };
        if ok {
            cands.push((first, last, m.pattern().as_usize()));
        }
    }
    let date = p.doc.date.clone();
    cands.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then((b.1 - b.0).cmp(&(a.1 - a.0)))
            .then_with(|| {
                let (ea, eb) = (&p.k.kb.aliases[a.2], &p.k.kb.aliases[b.2]);
                let rank = |al: &crate::lexicon::Alias| {
                    let e = &p.k.kb.entities[al.entity];
                    let active = e.etype == EntityType::Person
                        && date.as_deref().is_some_and(|d| {
                            p.k.kb.roles.iter().any(|r| {
                                r.person == al.entity
                                    && r.start.as_str() <= d
                                    && r.end.as_deref().is_none_or(|x| d <= x)
                            })
                        });
                    (
                        al.kind == AliasKind::Demonym,
                        !active,
                        type_rank(e.etype),
                        al.entity,
                    )
                };
                rank(ea).cmp(&rank(eb))
            })
    });
    let mut covered = vec![false; p.tokens.len()];
    for (first, last, alias) in cands {
        if covered[first..last].iter().any(|&c| c) {
            continue;
        }
        covered[first..last].iter_mut().for_each(|c| *c = true);
        let al = p.k.kb.aliases[alias].clone();
        let e = kb_entity(p, kb_map, al.entity);
        let demonym = al.kind == AliasKind::Demonym;
        // Capitalised plural demonym nouns stand for the state: "the Russians", "les Américains".
        let plural_noun = p.tokens[first].upper && p.norm(last - 1).ends_with('s');
        let as_name = demonym
            && plural_noun
            && (p.lang == Lang::En
                && !p.tokens.get(last).is_some_and(|t| {
                    t.kind == Kind::Word && !t.upper && !is_function_word(p, &t.norm)
                })
                || first > 0 && is_article(p.lang, p.norm(first - 1)));
        p.mentions.push(Mention {
            first,
            last,
            ents: vec![e],
            kind: if demonym && !as_name {
                MentionKind::Demonym
            } else {
                MentionKind::Name
            },
            how: format!(
                "gazetteer: \"{}\" is an alias of {} ({})",
                p.surface(first, last),
                p.ents[e].label,
                p.k.kb.entities[al.entity].origin
            ),
            plural: false,
            gender: article_gender(p, first).or(p.ents[e].gender),
            locative: false,
        });
    }
}

fn article_gender(p: &Prepared, first: usize) -> Option<Gender> {
    if first == 0 || p.lang != Lang::Fr {
        return None;
    }
    match p.norm(first - 1) {
        "la" | "une" | "cette" => Some(Gender::F),
        "le" | "un" | "ce" | "cet" | "du" | "au" => Some(Gender::M),
        _ => None,
    }
}

/// Longest role-noun phrase starting at token `i`: (end, role index).
fn role_at(p: &Prepared, i: usize) -> Option<(usize, usize)> {
    let max = p.k.lex.max_phrase.min(p.tokens.len() - i);
    for n in (1..=max).rev() {
        let key = p.tokens[i..i + n]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(trigs) = p.k.lex.phrases.get(&(p.lang, key)) {
            for t in trigs {
                if let Trigger::Role(r) = t {
                    return Some((i + n, *r));
                }
            }
        }
    }
    None
}

fn mention_at(p: &Prepared, first: usize) -> Option<usize> {
    p.mentions.iter().position(|m| m.first == first)
}

fn mention_ending(p: &Prepared, last: usize) -> Option<usize> {
    p.mentions.iter().position(|m| m.last == last)
}

fn is_function_word(p: &Prepared, w: &str) -> bool {
    is_article(p.lang, w)
        || is_preposition(p.lang, w)
        || p.k.lex.is(p.lang, "subordinator", w)
        || p.k.lex.is(p.lang, "coordinator", w)
        || matches!(
            w,
            "il" | "elle"
                | "ils"
                | "elles"
                | "he"
                | "she"
                | "they"
                | "it"
                | "i"
                | "je"
                | "nous"
                | "we"
        )
}

/// A capitalised unknown name of 2 to 4 words starting at `i`: its end.
fn unknown_name(p: &Prepared, i: usize, covered: &[bool]) -> Option<usize> {
    let mut j = i;
    while j < p.tokens.len() && j - i < 4 {
        let t = &p.tokens[j];
        if covered[j]
            || t.kind != Kind::Word
            || !t.upper
            || t.all_caps && t.norm.len() > 1
            || is_function_word(p, &t.norm)
            || t.norm.ends_with('.')
        {
            break;
        }
        j += 1;
    }
    (j - i >= 2 && p.sentence_of(i) == p.sentence_of(j - 1)).then_some(j)
}

fn covered(p: &Prepared) -> Vec<bool> {
    let mut c = vec![false; p.tokens.len()];
    for m in &p.mentions {
        c[m.first..m.last].iter_mut().for_each(|x| *x = true);
    }
    c
}

/// Adds a discovered person (or returns an existing one with that label).
fn discovered(
    p: &mut Prepared,
    name: &str,
    gender: Option<Gender>,
    role: Option<String>,
    iso3: Option<String>,
) -> usize {
    if let Some(i) = p
        .ents
        .iter()
        .position(|e| e.kb.is_none() && e.label == name)
    {
        if p.ents[i].gender.is_none() {
            p.ents[i].gender = gender;
        }
        if p.ents[i].role.is_none() {
            p.ents[i].role = role;
        }
        return i;
    }
    let local = name
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("_");
    p.ents.push(DocEntity {
        kb: None,
        label: name.to_string(),
        etype: EntityType::Person,
        local: format!("person/{}", crate::text::fold(&local).replace('\'', "")),
        gender,
        role,
        iso3,
    });
    p.ents.len() - 1
}

/// A capitalised unknown word right before a person's name is a first name
/// in another spelling ("Sergueï Ryabkov"): the mention takes it in.
fn first_names(p: &mut Prepared) {
    let cov = covered(p);
    let sents: Vec<(usize, usize)> = p
        .mentions
        .iter()
        .map(|m| {
            (
                p.sentence_of(m.first),
                p.sentences[p.sentence_of(m.first)].first,
            )
        })
        .collect();
    let mut moves = Vec::new();
    for (mi, m) in p.mentions.iter().enumerate() {
        let person = m
            .ents
            .first()
            .is_some_and(|&e| p.ents[e].etype == EntityType::Person);
        if !person || m.kind != MentionKind::Name || m.first == 0 {
            continue;
        }
        let j = m.first - 1;
        let t = &p.tokens[j];
        // Titles and role nouns ("President", "Minister") are not first names.
        let function = is_article(p.lang, &t.norm)
            || is_preposition(p.lang, &t.norm)
            || p.k.lex.is(p.lang, "subordinator", &t.norm)
            || role_at(p, j).is_some();
        if !cov[j]
            && t.upper
            && t.kind == Kind::Word
            && sents[mi].1 != j
            && !function
            && !t.norm.ends_with('.')
            && p.sentence_of(j) == sents[mi].0
        {
            moves.push((mi, j));
        }
    }
    for (mi, j) in moves {
        p.mentions[mi].first = j;
    }
}

/// Role descriptions: "le dirigeant chinois, Xi Jinping", "Kremlin aide Yuri
/// Ushakov", "Dmitry Kozak, un fonctionnaire du Kremlin", "le président
/// russe", "US officials".
fn roles(p: &mut Prepared, kb_map: &mut HashMap<usize, usize>) {
    let mut i = 0;
    while i < p.tokens.len() {
        if mention_at(p, i).is_some_and(|m| p.mentions[m].last > i + 1) {
            i += 1;
            continue;
        }
        let Some((rend, ridx)) = role_at(p, i) else {
            i += 1;
            continue;
        };
        let role = p.k.lex.roles[ridx].clone();
        let sent = p.sentence_of(i);
        let s_last = p.sentences[sent].last;
        // Description start: article before the role noun, and English pre-modifiers.
        let mut dstart = i;
        let mut affiliation: Option<usize> = None; // mention index
        let mut consumed: Vec<usize> = Vec::new();
        // English/compound pre-modifier: "Russian Foreign Minister", "Kremlin aide", "US officials".
        let mut j = i;
        while j > 0
            && j + 3 > i
            && matches!(
                p.norm(j - 1),
                "senior"
                    | "top"
                    | "deputy"
                    | "former"
                    | "chief"
                    | "haut"
                    | "hauts"
                    | "haute"
                    | "hautes"
                    | "ancien"
                    | "ancienne"
                    | "high-level"
                    | "then"
            )
        {
            j -= 1;
        }
        if let Some(m) = mention_ending(p, j) {
            let me = &p.mentions[m];
            if matches!(me.kind, MentionKind::Demonym | MentionKind::Name)
                && me.ents.first().is_some_and(|&e| {
                    p.ents[e].etype != EntityType::Person && p.ents[e].etype != EntityType::Place
                })
            {
                affiliation = Some(m);
                consumed.push(m);
                dstart = me.first;
                j = me.first;
            }
        }
        while j > 0
            && (is_article(p.lang, p.norm(j - 1)) || matches!(p.norm(j - 1), "d'autres"))
            && dstart == j
        {
            j -= 1;
            dstart = j;
        }
        if dstart == i {
            while dstart > 0 && is_article(p.lang, p.norm(dstart - 1)) {
                dstart -= 1;
            }
        }
        // Post-modifiers: adjectives, demonym, "de/du X", "des Affaires étrangères".
        let mut dend = rend;
        let mut k = rend;
        let mut steps = 0;
        while k < s_last && steps < 6 {
            steps += 1;
            let w = p.norm(k).to_string();
            if let Some(m) = mention_at(p, k) {
                let me = &p.mentions[m];
                let e = me.ents.first().copied();
                let ok_aff = e.is_some_and(|e| {
                    p.ents[e].etype != EntityType::Person && p.ents[e].etype != EntityType::Event
                });
                if me.kind == MentionKind::Demonym && affiliation.is_none() && ok_aff {
                    affiliation = Some(m);
                    consumed.push(m);
                    k = me.last;
                    dend = k;
                    continue;
                }
                break;
            }
            if matches!(w.as_str(), "de" | "du" | "des" | "d'" | "of") {
                let mut k2 = k + 1;
                while k2 < s_last && is_article(p.lang, p.norm(k2)) {
                    k2 += 1;
                }
                if let Some(m) = mention_at(p, k2) {
                    let me = &p.mentions[m];
                    let ok = me.ents.first().is_some_and(|&e| {
                        matches!(
                            p.ents[e].etype,
                            EntityType::Country | EntityType::Organization | EntityType::Group
                        )
                    });
                    if ok && affiliation.is_none() && me.kind == MentionKind::Name {
                        affiliation = Some(m);
                        consumed.push(m);
                        k = me.last;
                        dend = k;
                        continue;
                    }
                    break;
                }
                // "des Affaires étrangères", "de la Défense", "of State", "de haut niveau": part of the role.
                let mut k3 = k2;
                while k3 < s_last
                    && k3 < k2 + 2
                    && p.tokens[k3].kind == Kind::Word
                    && mention_at(p, k3).is_none()
                    && !is_function_word(p, p.norm(k3))
                {
                    k3 += 1;
                }
                if k3 > k2 {
                    k = k3;
                    dend = k;
                    continue;
                }
                break;
            }
            // adjectives: lower-case content words ("adjointe", "principal")
            let t = &p.tokens[k];
            if p.lang == Lang::Fr
                && t.kind == Kind::Word
                && !t.upper
                && !is_function_word(p, &w)
                && w.len() > 3
                && steps <= 2
                && is_adjective_like(&w)
            {
                k += 1;
                dend = k;
                continue;
            }
            break;
        }
        let cov = covered(p);
        // Name after: ", Xi Jinping" or "Yuri Ushakov".
        let mut name: Option<(usize, usize, Option<usize>)> = None; // (first, last, mention)
        let mut n0 = dend;
        let comma_after = p.norm(n0) == ",";
        if comma_after {
            n0 += 1;
        }
        if n0 < s_last {
            if let Some(m) = mention_at(p, n0) {
                if p.mentions[m]
                    .ents
                    .first()
                    .is_some_and(|&e| p.ents[e].etype == EntityType::Person)
                    && p.mentions[m].kind == MentionKind::Name
                {
                    name = Some((n0, p.mentions[m].last, Some(m)));
                }
            } else if let Some(e) = unknown_name(p, n0, &cov) {
                name = Some((n0, e, None));
            }
        }
        // Name before: "Dmitry Kozak, un fonctionnaire du Kremlin".
        let mut name_before = false;
        if name.is_none()
            && dstart >= 2
            && p.norm(dstart - 1) == ","
            && p.sentence_of(dstart - 1) == sent
        {
            if let Some(m) = mention_ending(p, dstart - 1) {
                if p.mentions[m]
                    .ents
                    .first()
                    .is_some_and(|&e| p.ents[e].etype == EntityType::Person)
                    && p.mentions[m].kind == MentionKind::Name
                {
                    name = Some((p.mentions[m].first, dstart - 1, Some(m)));
                    name_before = true;
                }
            } else {
                let mut s = dstart - 1;
                while s > p.sentences[sent].first
                    && dstart - 1 - s < 4
                    && p.tokens[s - 1].upper
                    && p.tokens[s - 1].kind == Kind::Word
                    && !is_function_word(p, p.norm(s - 1))
                    && !cov[s - 1]
                {
                    s -= 1;
                }
                if dstart - 1 - s >= 2 {
                    name = Some((s, dstart - 1, None));
                    name_before = true;
                }
            }
        }
        let aff_ent = affiliation.and_then(|m| p.mentions[m].ents.first().copied());
        let role_text = p.surface(i, dend.max(rend)).to_string();
        let gender = role.gender.or_else(|| {
            article_gender(p, if dstart < i { i } else { dstart }).filter(|_| dstart < i)
        });
        let rule = role.id.clone();
        if let Some((nf, nl, nm)) = name {
            let person = match nm {
                Some(m) => p.mentions[m].ents[0],
                None => {
                    let label = p.surface(nf, nl).to_string();
                    let iso = aff_ent.and_then(|e| p.ents[e].iso3.clone());
                    discovered(p, &label, gender, Some(role_text.clone()), iso)
                }
            };
            if p.ents[person].gender.is_none() {
                p.ents[person].gender = gender;
            }
            let (first, last) = if name_before {
                (nf, dend)
            } else {
                (dstart, nl)
            };
            let how = format!(
                "apposition of role \"{}\" ({}) and name \"{}\"",
                role_text,
                rule,
                p.surface(nf, nl)
            );
            if let Some(a) = aff_ent {
                let (a_ok, rel) = affiliation_relation(p, &role, a);
                if a_ok {
                    push_structural(p, person, rel, a, first, last, &format!("{rule}+appos"));
                }
            }
            if let Some(m) = nm {
                consumed.push(m);
            }
            replace(
                p,
                &consumed,
                first,
                last,
                vec![person],
                MentionKind::Name,
                how,
                gender,
            );
            i = last;
            continue;
        }
        // No name: a role description.
        if let Some(a) = aff_ent {
            let singular = !role.plural;
            if singular && role.role != "official" {
                if let Some(person) = resolve_role(p, kb_map, &role.role, a) {
                    let how = format!(
                        "role description \"{}\" ({}) resolved to {} ({})",
                        p.surface(dstart, dend),
                        rule,
                        p.ents[person].label,
                        resolution_reason(p, &role.role)
                    );
                    let (a_ok, rel) = affiliation_relation(p, &role, a);
                    if a_ok {
                        push_structural(
                            p,
                            person,
                            rel,
                            a,
                            dstart,
                            dend,
                            &format!("{rule}+kb-role"),
                        );
                    }
                    replace(
                        p,
                        &consumed,
                        dstart,
                        dend,
                        vec![person],
                        MentionKind::Role,
                        how,
                        gender,
                    );
                    i = dend;
                    continue;
                }
                i = dend;
                continue;
            }
            let how = format!(
                "officials \"{}\" ({}) stand for {}",
                p.surface(dstart, dend),
                rule,
                p.ents[a].label
            );
            replace(
                p,
                &consumed,
                dstart,
                dend,
                vec![a],
                MentionKind::Officials,
                how,
                gender,
            );
            p.mentions.last_mut().expect("just pushed").plural = role.plural;
            i = dend;
            continue;
        }
        if role.plural && role.role == "official" {
            let how = format!(
                "officials \"{}\" of unknown affiliation",
                p.surface(dstart, dend)
            );
            replace(
                p,
                &consumed,
                dstart,
                dend,
                vec![],
                MentionKind::BareOfficials,
                how,
                None,
            );
            p.mentions.last_mut().expect("just pushed").plural = true;
        }
        i = dend.max(i + 1);
    }
}

fn is_adjective_like(w: &str) -> bool {
    [
        "adjoint",
        "adjointe",
        "principal",
        "principale",
        "general",
        "generale",
        "charge",
        "chargee",
        "special",
        "speciale",
        "ancien",
        "ancienne",
        "actuel",
        "actuelle",
        "permanent",
        "permanente",
    ]
    .contains(&w)
}

/// A demonym adjective with its noun stands for its state, as event coders
/// read it: "des soldats chinois", "Canadian citizens", "la décision russe".
/// A predicate noun is left alone ("l'invasion russe" keeps its trigger);
/// "Hungarian and Romanian officials" gives both states.
fn demonym_phrases(p: &mut Prepared) {
    let cov_lex = |p: &Prepared, j: usize| -> bool {
        let max = p.k.lex.max_phrase.min(p.tokens.len() - j);
        (1..=max).any(|n| {
            let key = p.tokens[j..j + n]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            p.k.lex
                .phrases
                .get(&(p.lang, key))
                .is_some_and(|v| v.iter().any(|t| matches!(t, Trigger::Noun(_))))
        })
    };
    let cov = covered(p);
    let content = |p: &Prepared, j: usize| -> bool {
        let t = &p.tokens[j];
        t.kind == Kind::Word
            && !t.upper
            && !cov[j]
            && !is_function_word(p, &t.norm)
            && t.norm.len() > 2
            && !p.k.lex.is(p.lang, "aux_have", &t.norm)
            && !p.k.lex.is(p.lang, "aux_be", &t.norm)
    };
    let mut changes: Vec<(usize, usize, usize, String)> = Vec::new(); // (mention, first, last, how)
    for (mi, m) in p.mentions.iter().enumerate() {
        // Only states: "occidental" also means "western" ("frontières occidentales").
        let country = m
            .ents
            .first()
            .is_some_and(|&e| p.ents[e].etype == EntityType::Country);
        if m.kind != MentionKind::Demonym || !country {
            continue;
        }
        let sent = p.sentence_of(m.first);
        let (s_first, s_last) = (p.sentences[sent].first, p.sentences[sent].last);
        let noun = match p.lang {
            Lang::Fr => (m.first > s_first && content(p, m.first - 1)).then(|| m.first - 1),
            Lang::En => (m.last < s_last && content(p, m.last)).then_some(m.last),
        };
        let Some(n) = noun else { continue };
        if cov_lex(p, n)
            || p.k
                .lex
                .verb_forms
                .contains_key(&(p.lang, p.tokens[n].norm.clone()))
                && p.lang == Lang::En
                && n == m.last
                && !p.tokens[n].norm.ends_with('s')
        {
            continue;
        }
        let (first, last) = if n < m.first {
            (n, m.last)
        } else {
            (m.first, n + 1)
        };
        changes.push((
            mi,
            first,
            last,
            format!(
                "\"{}\": people or things of {}",
                p.surface(first, last),
                p.ents[m.ents[0]].label
            ),
        ));
    }
    for (mi, first, last, how) in changes {
        let m = &mut p.mentions[mi];
        m.first = first;
        m.last = last;
        m.kind = MentionKind::Officials;
        m.plural = p.tokens[last - 1].norm.ends_with('s');
        m.how = how;
    }
    // "Hungarian and Romanian officials": the first demonym shares the noun.
    let n = p.mentions.len();
    for mi in 0..n.saturating_sub(1) {
        let (a, b) = (&p.mentions[mi], &p.mentions[mi + 1]);
        if a.kind == MentionKind::Demonym
            && b.kind == MentionKind::Officials
            && b.first == a.last + 1
            && p.k.lex.is(p.lang, "coordinator", p.norm(a.last))
            && p.lang == Lang::En
        {
            let how = format!(
                "\"{}\" shares the noun of \"{}\"",
                p.surface(a.first, a.last),
                p.surface(b.first, b.last)
            );
            p.mentions[mi].kind = MentionKind::Officials;
            p.mentions[mi].plural = true;
            p.mentions[mi].how = how;
        }
    }
    p.mentions.sort_by_key(|m| (m.first, m.last));
}

/// Which relation a role gives with its affiliation, and whether it applies.
fn affiliation_relation(
    p: &Prepared,
    role: &crate::lexicon::RoleNoun,
    aff: usize,
) -> (bool, Predicate) {
    let t = p.ents[aff].etype;
    let ok = matches!(
        t,
        EntityType::Country | EntityType::Organization | EntityType::Group
    );
    (
        ok && (t != EntityType::Group || role.relation == Predicate::MemberOf),
        role.relation,
    )
}

fn resolution_reason(p: &Prepared, role: &str) -> String {
    match &p.doc.date {
        Some(d) => format!("holder of {role} on {d} or named in the document"),
        None => format!("holder of {role} named in the document"),
    }
}

/// Resolves a role of a state/organization to a person: a holder named in
/// the document first, then the holder on the document date.
fn resolve_role(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    role: &str,
    aff: usize,
) -> Option<usize> {
    let kb_aff = p.ents[aff].kb?;
    let kinds: Vec<&str> = match role {
        "leader" => vec!["leader", "head_of_state", "head_of_government"],
        other => vec![other],
    };
    let kinds = &kinds[..];
    let all = p.k.kb.holders(kinds, kb_aff, None);
    let named: Vec<usize> = all
        .iter()
        .copied()
        .filter(|h| {
            p.ents.iter().any(|e| e.kb == Some(*h))
                && p.mentions.iter().any(|m| {
                    m.kind == MentionKind::Name && m.ents.iter().any(|&x| p.ents[x].kb == Some(*h))
                })
        })
        .collect();
    let pick = if named.len() == 1 {
        Some(named[0])
    } else if let Some(d) = p.doc.date.clone() {
        let on_date = p.k.kb.holders(kinds, kb_aff, Some(&d));
        on_date
            .iter()
            .copied()
            .find(|h| named.contains(h))
            .or_else(|| {
                // prefer the first listed kind (leader > head of state > government)
                kinds
                    .iter()
                    .find_map(|k| p.k.kb.holders(&[k], kb_aff, Some(&d)).first().copied())
            })
    } else {
        None
    };
    pick.map(|h| kb_entity(p, kb_map, h))
}

fn push_structural(
    p: &mut Prepared,
    person: usize,
    rel: Predicate,
    aff: usize,
    first: usize,
    last: usize,
    rule: &str,
) {
    if person == aff {
        return;
    }
    let sent = p.sentence_of(first);
    let s = &p.sentences[sent];
    let st = Statement {
        doc: p.doc.id.clone(),
        sentence_index: sent,
        sentence: p.doc.text[s.start..s.end].to_string(),
        span: (p.tokens[first].start, p.tokens[last - 1].end),
        subject: p.entity_json(person),
        predicate: rel,
        plover: rel.plover(),
        object: p.entity_json(aff),
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        attributed_to: None,
        confidence: 0.8,
        rule: rule.to_string(),
        date: p.doc.date.clone(),
    };
    p.trace.push(format!(
        "rule {rule}: {} {} {}",
        st.subject.label, rel, st.object.label
    ));
    p.structural.push(st);
}

/// Replaces consumed mentions (and any inside `first..last`) with one mention.
#[allow(clippy::too_many_arguments)]
fn replace(
    p: &mut Prepared,
    consumed: &[usize],
    first: usize,
    last: usize,
    ents: Vec<usize>,
    kind: MentionKind,
    how: String,
    gender: Option<Gender>,
) {
    let mut k = 0;
    p.mentions.retain(|m| {
        let drop = consumed.contains(&k) || (m.first >= first && m.last <= last);
        k += 1;
        !drop
    });
    p.trace
        .push(format!("mention \"{}\": {how}", p.surface(first, last)));
    p.mentions.push(Mention {
        first,
        last,
        ents,
        kind,
        how,
        plural: false,
        gender,
        locative: false,
    });
    p.mentions.sort_by_key(|m| (m.first, m.last));
}

/// People introduced by a title: "M. Ushakov", "Mme Donfried", "Mr Smith".
fn titles(p: &mut Prepared) {
    let cov = covered(p);
    let mut adds = Vec::new();
    for i in 0..p.tokens.len().saturating_sub(1) {
        let g = match p.norm(i) {
            "m." | "mr" | "mr." | "monsieur" => Gender::M,
            "mme" | "mme." | "mrs" | "mrs." | "ms" | "ms." | "madame" | "mlle" => Gender::F,
            _ => continue,
        };
        let j = i + 1;
        if cov[j] || !p.tokens[j].upper || p.tokens[j].kind != Kind::Word {
            continue;
        }
        let mut e = j + 1;
        while e < p.tokens.len()
            && e < j + 3
            && p.tokens[e].upper
            && p.tokens[e].kind == Kind::Word
            && !cov[e]
            && p.sentence_of(e) == p.sentence_of(j)
        {
            e += 1;
        }
        adds.push((i, j, e, g));
    }
    for (i, j, e, g) in adds {
        let label = p.surface(j, e).to_string();
        // A surname already known from a discovered full name.
        let existing = p.ents.iter().position(|x| {
            x.kb.is_none() && x.label.split_whitespace().last() == Some(label.as_str())
        });
        let ent = existing.unwrap_or_else(|| discovered(p, &label, Some(g), None, None));
        let how = format!("title \"{}\" introduces a person", p.surface(i, j));
        p.mentions.push(Mention {
            first: i,
            last: e,
            ents: vec![ent],
            kind: MentionKind::Name,
            how,
            plural: false,
            gender: p.ents[ent].gender.or(Some(g)),
            locative: false,
        });
    }
}

/// Surnames of people discovered in the document ("Donfried" after "Karen Donfried").
fn surnames(p: &mut Prepared) {
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, e) in p.ents.iter().enumerate() {
        if e.kb.is_none() && e.etype == EntityType::Person {
            if let Some(last) = e.label.split_whitespace().last() {
                if e.label.split_whitespace().count() >= 2 {
                    names.insert(crate::text::fold(last), i);
                }
            }
        }
    }
    // Merge single-word title people into full names: "M. Ryabkov" -> "Sergueï Ryabkov".
    for m in &mut p.mentions {
        if let Some(&e) = m.ents.first() {
            let d = &p.ents[e];
            if d.kb.is_none() && !d.label.contains(' ') {
                if let Some(&full) = names.get(&crate::text::fold(&d.label)) {
                    m.ents = vec![full];
                }
            }
        }
    }
    let cov = covered(p);
    let mut adds = Vec::new();
    for (i, t) in p.tokens.iter().enumerate() {
        if !cov[i] && t.upper && t.kind == Kind::Word {
            if let Some(&e) = names.get(&t.norm) {
                adds.push((i, e));
            }
        }
    }
    for (i, e) in adds {
        let how = format!(
            "surname of {} named earlier or later in the document",
            p.ents[e].label
        );
        p.mentions.push(Mention {
            first: i,
            last: i + 1,
            ents: vec![e],
            kind: MentionKind::Name,
            how,
            plural: false,
            gender: p.ents[e].gender,
            locative: false,
        });
    }
}

/// Places after a locative preposition are locations; capitals elsewhere
/// stand for their state's government.
fn metonyms(p: &mut Prepared) {
    let kb = &p.k.kb;
    let mut swaps = Vec::new();
    for (mi, m) in p.mentions.iter().enumerate() {
        let Some(&e) = m.ents.first() else { continue };
        if p.ents[e].etype != EntityType::Place {
            continue;
        }
        let prev = if m.first > 0 { p.norm(m.first - 1) } else { "" };
        let locative = p.k.lex.is(p.lang, "locative", prev)
            || (m.first >= 2
                && p.k.lex.is(
                    p.lang,
                    "locative",
                    &format!("{} {}", p.norm(m.first - 2), prev),
                ));
        if locative {
            swaps.push((mi, None));
        } else if let Some(kbi) = p.ents[e].kb {
            if let Some(c) = kb.entities[kbi].metonym_of {
                swaps.push((mi, Some(c)));
            }
        }
    }
    let mut kb_map: HashMap<usize, usize> = p
        .ents
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.kb.map(|k| (k, i)))
        .collect();
    for (mi, target) in swaps {
        match target {
            None => p.mentions[mi].locative = true,
            Some(c) => {
                let ce = kb_entity(p, &mut kb_map, c);
                let how = format!(
                    "metonym: \"{}\" stands for the government of {}",
                    p.surface(p.mentions[mi].first, p.mentions[mi].last),
                    p.ents[ce].label
                );
                p.mentions[mi].ents = vec![ce];
                p.mentions[mi].how = how;
            }
        }
    }
}

/// Whether mention `m` stands in subject position (no preposition before it).
pub fn is_subject_position(p: &Prepared, m: &Mention) -> bool {
    let mut j = m.first;
    while j > 0 && is_article(p.lang, p.norm(j - 1)) {
        j -= 1;
    }
    j == 0 || !is_preposition(p.lang, p.norm(j - 1))
}

/// Resolves pronouns, possessives and first-person speakers, in order.
fn pronouns(p: &mut Prepared) {
    let quotes = clause::quotes(p);
    let lang = p.lang;
    let mut adds: Vec<Mention> = Vec::new();
    let cov = covered(p);
    for (i, &covered_i) in cov.iter().enumerate() {
        if covered_i {
            continue;
        }
        let w = p.norm(i).to_string();
        let lex = &p.k.lex;
        let in_quote = clause::quote_at(&quotes, i).is_some();
        let kind = if lex.is(lang, "pronoun_m", &w) {
            (MentionKind::Pronoun, Some(Gender::M), false)
        } else if lex.is(lang, "pronoun_f", &w)
            && !(lang == Lang::En
                && w == "her"
                && i + 1 < p.tokens.len()
                && p.tokens[i + 1].kind == Kind::Word
                && !is_preposition(lang, p.norm(i + 1)))
        {
            (MentionKind::Pronoun, Some(Gender::F), false)
        } else if lex.is(lang, "pronoun_pl", &w) {
            (MentionKind::Pronoun, None, true)
        } else if lex.is(lang, "possessive_sg", &w) {
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
        } else if lex.is(lang, "possessive_pl", &w) {
            (MentionKind::Possessive, None, true)
        } else if in_quote
            && lex.is(lang, "speaker", &w)
            && !(lang == Lang::Fr
                && w == "nous"
                && i + 1 < p.tokens.len()
                && is_reflexive_use(p, i))
        {
            (MentionKind::Speaker, None, false)
        } else {
            continue;
        };
        // French "il" in "il y a" is impersonal.
        if lang == Lang::Fr && w == "il" && matches!(p.norm(i + 1), "y" | "faut" | "s'agit") {
            continue;
        }
        if lang == Lang::En && w == "it" {
            continue;
        }
        adds.push(Mention {
            first: i,
            last: i + 1,
            ents: vec![],
            kind: kind.0,
            how: String::new(),
            plural: kind.2,
            gender: kind.1,
            locative: false,
        });
    }
    p.mentions.extend(adds);
    p.mentions.sort_by_key(|m| (m.first, m.last));
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
                speaker_of(p, &quotes, mi)
            };
            p.mentions[mi].ents = ents;
            p.mentions[mi].how = how;
        }
    }
}

fn is_reflexive_use(p: &Prepared, i: usize) -> bool {
    // "nous nous sommes", "vous nous avez": a clitic before a verb is still "us" — keep as speaker.
    let _ = (p, i);
    false
}

/// The antecedent of pronoun mention `mi`: the most recent compatible actor,
/// subjects first, within the current and two previous sentences.
fn antecedent(p: &Prepared, mi: usize) -> (Vec<usize>, String) {
    let m = &p.mentions[mi];
    let sent = p.sentence_of(m.first);
    let min_sent = sent.saturating_sub(2);
    let person_only = m.gender.is_some()
        || (m.kind == MentionKind::Possessive && !m.plural && p.norm(m.first) != "its");
    let cands: Vec<usize> = (0..mi)
        .rev()
        .filter(|&j| {
            let c = &p.mentions[j];
            !c.ents.is_empty()
                && !c.locative
                && c.kind != MentionKind::Demonym
                && p.sentence_of(c.first) >= min_sent
        })
        .collect();
    if m.plural {
        // most recent coordination group, else a plural mention
        for &j in &cands {
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
        return (vec![], "no plural antecedent".into());
    }
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
        if p.norm(m.first) == "its" && d.etype == EntityType::Person {
            return false;
        }
        match (m.gender, d.gender.or(c.gender)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    };
    let mut pick = cands
        .iter()
        .copied()
        .find(|&j| compatible(j) && is_subject_position(p, &p.mentions[j]))
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

/// Mentions coordinated with mention `j` ("A, B et C"), including `j`.
pub fn coordination_group(p: &Prepared, j: usize) -> Vec<usize> {
    let mut group = vec![j];
    let joined = |a: &Mention, b: &Mention| {
        // tokens between a.last and b.first are coordinators/articles/prepositions only
        if b.first < a.last || b.first - a.last > 6 {
            return false;
        }
        let between: Vec<&str> = (a.last..b.first).map(|t| p.norm(t)).collect();
        // French has no serial comma: ", et" starts a new clause.
        if p.lang == Lang::Fr && between.windows(2).any(|w| w[0] == "," && w[1] == "et") {
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
                            | "pays"
                            | "countries"
                    )
            })
    };
    let mut k = j;
    while k > 0
        && !p.mentions[k - 1].ents.is_empty()
        && !p.mentions[k - 1].locative
        && joined(&p.mentions[k - 1], &p.mentions[k])
    {
        k -= 1;
        group.insert(0, k);
    }
    let mut k = j;
    while k + 1 < p.mentions.len()
        && !p.mentions[k + 1].ents.is_empty()
        && !p.mentions[k + 1].locative
        && joined(&p.mentions[k], &p.mentions[k + 1])
    {
        k += 1;
        group.push(k);
    }
    // Commas alone make an apposition or a fronted phrase, not a list: a
    // list ends with a word ("et", "and", "ainsi que").
    let worded = group.windows(2).any(|w| {
        (p.mentions[w[0]].last..p.mentions[w[1]].first)
            .any(|t| p.norm(t) != "," && p.k.lex.is(p.lang, "coordinator", p.norm(t)))
    });
    if group.len() > 1 && !worded {
        return vec![j];
    }
    group
}

/// The speaker of the quotation containing mention `mi`.
fn speaker_of(p: &Prepared, quotes: &[clause::Quote], mi: usize) -> (Vec<usize>, String) {
    let m = &p.mentions[mi];
    let Some(q) = clause::quote_at(quotes, m.first) else {
        return (vec![], "not in a quotation".into());
    };
    match quote_speaker(p, q) {
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

/// The entity who speaks a quotation, from its speaker zone.
pub fn quote_speaker(p: &Prepared, q: &clause::Quote) -> Option<usize> {
    let (a, b) = q.speaker_zone;
    p.mentions
        .iter()
        .filter(|m| {
            m.first >= a
                && m.last <= b
                && !m.ents.is_empty()
                && !m.locative
                && m.kind != MentionKind::Demonym
                && m.kind != MentionKind::Speaker
        })
        .filter(|m| {
            !(m.first > 0
                && matches!(p.norm(m.first - 1), "a" | "au" | "aux" | "to")
                && m.first > q.close + 2)
        })
        .find(|m| is_subject_position(p, m) || m.kind == MentionKind::Pronoun)
        .map(|m| m.ents[0])
}
