//! Actor mentions: gazetteer matches (longest match, word boundaries, case
//! rules for acronyms and names), metonyms, and the order of the mention
//! stages (role descriptions in [`super::roles`], coreference in
//! [`super::coref`]).

pub mod coref;
mod demonyms;
mod descriptions;
mod names;
mod offices;
mod orgs;
mod pairs;
mod position;
pub mod roles;
pub mod sectors;

use rustc_hash::FxHashMap as HashMap;

use super::clause::{COMPASS_EN, is_article, is_preposition};
use super::{DocEntity, Mention, MentionKind, Prepared, Stage};
use crate::lexicon::{AliasKind, CaseRule, EntityType, Gender, Trigger};
use crate::text::{Kind, Lang};
use coref::pronouns;
use demonyms::demonym_phrases;
use names::{first_names, surnames, titles};
use roles::roles;

/// Runs every mention stage on a prepared document.
pub fn find(p: &mut Prepared) {
    let mut kb_map: HashMap<usize, usize> = HashMap::default();
    // Each stage may lengthen mentions: the bound of the position look-ups
    // is renewed before the next.
    gazetteer(p, &mut kb_map);
    p.bound_spans();
    orgs::discover(p);
    p.bound_spans();
    first_names(p);
    p.bound_spans();
    roles(p, &mut kb_map);
    p.bound_spans();
    sectors::sector_phrases(p, &mut kb_map);
    p.bound_spans();
    sectors::ethnic_groups(p, &mut kb_map);
    p.bound_spans();
    demonym_phrases(p);
    p.bound_spans();
    titles(p);
    surnames(p);
    offices::person_offices(p);
    // Before metonyms, which make a city its state.
    treaty_names(p);
    metonyms(p);
    // Sorted before the datelines (which only mark mentions) for their
    // look-ups; the same order as sorting after them.
    p.mentions.sort_by_key(|m| (m.first, m.last));
    p.bound_spans();
    datelines(p);
    pronouns(p);
    roles::possessed_affiliations(p);
}

/// "l'accord de Paris", "the Minsk agreements", "the Iran nuclear deal",
/// "the Treaty of Lisbon": a place or state naming an agreement (cue kind
/// `treaty`) is part of its name, not an actor ("withdrew from the Paris
/// agreement" is no withdrawal from France): its mention is dropped.
fn treaty_names(p: &mut Prepared) {
    let lex = &p.k.lex;
    let treaty = |j: usize| lex.is(p.lang, "treaty", p.norm(j));
    let mut names = Vec::new();
    for (mi, m) in p.mentions.iter().enumerate() {
        let Some(&e) = m.ents.first() else { continue };
        if !matches!(p.ents[e].etype, EntityType::Place | EntityType::Country) {
            continue;
        }
        let last = p.sentences[p.sentence_of(m.first)].last;
        // "the Iran nuclear deal" (one modifier may stand between), but not
        // a party's own: "Egypt's agreement with …".
        let after = m.last < last
            && (treaty(m.last)
                || m.last + 1 < last
                    && p.tokens[m.last].kind == Kind::Word
                    && !p.tokens[m.last].upper
                    && !is_function_word(p, p.norm(m.last))
                    && !matches!(p.norm(m.last), "'s" | "’s" | "'" | "’")
                    // "Israel signed agreements with …": a verb, not a modifier.
                    && lex.verb(p.lang, p.norm(m.last)).is_none()
                    && treaty(m.last + 1));
        // "l'accord de Paris", "the Treaty of Lisbon": a city without an
        // article; "l'accord de l'Égypte avec …" names a party.
        let before = p.ents[e].etype == EntityType::Place
            && m.first >= 2
            && matches!(p.norm(m.first - 1), "de" | "d'" | "of")
            && treaty(m.first - 2);
        if after || before {
            names.push(mi);
        }
    }
    if names.is_empty() {
        return;
    }
    let mut k = 0;
    p.mentions.retain(|_| {
        k += 1;
        names.binary_search(&(k - 1)).is_err()
    });
}

/// "GAZA CITY, Palestinian Territories: …", "LYON - …": the place names of a
/// news dateline say where the story was filed, so they are locations, not
/// actors. A dateline opens a sentence with an all-capitals word and runs,
/// through capitalised words, commas and parentheses only, to a colon or dash
/// within eight tokens.
fn datelines(p: &mut Prepared) {
    for s in 0..p.sentences.len() {
        let Some((first, end)) = dateline_span(p, s) else {
            continue;
        };
        let range = p.starting_in(first, end + 1);
        for m in p.mentions[range].iter_mut().filter(|m| m.last <= end) {
            m.locative = true;
        }
    }
}

/// The dateline opening sentence `s`, if any: its first token and the
/// colon or dash that ends it.
pub(crate) fn dateline_span(p: &Prepared, s: usize) -> Option<(usize, usize)> {
    let (first, last) = (p.sentences[s].first, p.sentences[s].last);
    if first >= last || !p.tokens[first].all_caps || p.tokens[first].kind != Kind::Word {
        return None;
    }
    let end = (first + 1..last.min(first + 9)).find(|&j| {
        matches!(
            p.tokens[j].norm.as_str(),
            ":" | "-" | "\u{2014}" | "\u{2013}"
        )
    })?;
    // "MOSCOU —", "PARIS (Reuters) -", and with a date after the
    // place's comma: "MOSCOU, 10 novembre —", "WASHINGTON, Aug. 6 —".
    let comma = (first..end).find(|&j| p.tokens[j].norm == ",");
    let date_from = comma.filter(|&c| end - c <= 4).map_or(end, |c| c + 1);
    let heading = (first..end).all(|j| {
        let t = &p.tokens[j];
        t.upper
            || matches!(t.norm.as_str(), "," | "(" | ")" | ".")
            || (j >= date_from && matches!(t.kind, Kind::Number | Kind::Word))
    });
    heading.then_some((first, end))
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
        cameo: None,
    });
    kb_map.insert(idx, p.ents.len() - 1);
    p.ents.len() - 1
}

/// The document entity of a knowledge-base entity, added if the document
/// has none yet (for stages that run without the gazetteer's map).
pub(crate) fn doc_entity(p: &mut Prepared, idx: usize) -> usize {
    match p.ents.iter().position(|e| e.kb == Some(idx)) {
        Some(e) => e,
        None => kb_entity(p, &mut HashMap::default(), idx),
    }
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
    // Taken for the loop (mentions are pushed meanwhile) and put back.
    let hay = std::mem::take(&mut p.hay);
    let starts = std::mem::take(&mut p.hay_starts);
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
        if case_fits(p, alias, first, last) {
            cands.push((first, last, m.pattern().as_usize()));
        }
    }
    p.hay = hay;
    p.hay_starts = starts;
    // A name that begins with a role phrase's last word ("le chef de la
    // [diplomatie chinoise]") gives way to the role and the shorter names
    // after it ("chinoise": the demonym of the role's state).
    cands.retain(|&(first, _, _)| !ends_role_phrase(p, first));
    rank_candidates(p, &mut cands);
    let mut covered = vec![false; p.tokens.len()];
    for (first, last, alias) in cands {
        if covered[first..last].iter().any(|&c| c) {
            continue;
        }
        covered[first..last].iter_mut().for_each(|c| *c = true);
        push_alias(p, kb_map, first, last, alias);
    }
}

/// Whether the case of the text at `first..last` fits the alias's case
/// rule (exact acronyms, capitalised names).
fn case_fits(p: &Prepared, alias: &crate::lexicon::Alias, first: usize, last: usize) -> bool {
    match &alias.case {
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
        CaseRule::CapitalizedEnds => {
            // Another capitalised word after the first ("Kim Yong-il"
            // tokenises as Kim | Yong | - | il).
            p.tokens[first].upper
                && p.tokens[first + 1..last]
                    .iter()
                    .any(|t| t.kind == Kind::Word && t.upper)
        }
        CaseRule::Any => true,
    }
}

/// Drops article-taking aliases inside a longer name ("the West" in "the
/// West Bank") and orders the candidates: by start, longest first, then
/// names before demonyms, office holders on the document's date first.
fn rank_candidates(p: &Prepared, cands: &mut Vec<(usize, usize, usize)>) {
    // "the West Bank": an alias that takes the article ("the West") loses to
    // a longer name starting right after the article.
    let mut longest: HashMap<usize, usize> = HashMap::default();
    for &(f, l, _) in cands.iter() {
        let e = longest.entry(f).or_insert(l);
        *e = (*e).max(l);
    }
    cands.retain(|&(f, l, _)| {
        !(is_article(p.lang, p.norm(f)) && longest.get(&(f + 1)).is_some_and(|&l2| l2 > l))
    });
    // "Congolese" is an alias of both Congos: a span several entities
    // share goes to the one the document names unambiguously ("the DRC",
    // "Kinshasa" for its state).
    let kb = &p.k.kb;
    let mut spans: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for &(f, l, a) in cands.iter() {
        let e = kb.aliases[a].entity;
        let ents = spans.entry((f, l)).or_default();
        if !ents.contains(&e) {
            ents.push(e);
        }
    }
    let named: rustc_hash::FxHashSet<usize> = spans
        .values()
        .filter(|ents| ents.len() == 1)
        .flat_map(|ents| [Some(ents[0]), kb.entities[ents[0]].metonym_of])
        .flatten()
        .collect();
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
                            p.k.kb
                                .roles
                                .iter()
                                .any(|r| r.person == al.entity && r.covers(d))
                        });
                    (
                        al.kind == AliasKind::Demonym,
                        !named.contains(&al.entity),
                        !active,
                        type_rank(e.etype),
                        al.entity,
                    )
                };
                rank(ea).cmp(&rank(eb))
            })
    });
}

/// The mention of alias `alias` at `first..last`: a name, or a demonym
/// adjective (a capitalised plural demonym noun is the people: a name).
fn push_alias(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    first: usize,
    last: usize,
    alias: usize,
) {
    let al = p.k.kb.aliases[alias].clone();
    let demonym = al.kind == AliasKind::Demonym;
    // "the South American country", "West African states": a compass word
    // before a demonym that is no alias with it ("South African" is) names
    // a region, not the state.
    if demonym
        && p.lang == Lang::En
        && first > 0
        && p.tokens[first - 1].upper
        && (COMPASS_EN.contains(&p.norm(first - 1))
            || matches!(p.norm(first - 1), "latin" | "southeast"))
    {
        return;
    }
    let e = kb_entity(p, kb_map, al.entity);
    // Capitalised plural demonym nouns stand for the state: "the Russians", "les Américains".
    let plural_noun = p.tokens[first].upper && p.norm(last - 1).ends_with('s');
    // English: not before a lower-case content word ("Swiss banks"), unless
    // that word is a verb of the lexicon ("Venezuelans criticized Colombia").
    let as_name = demonym
        && plural_noun
        && (p.lang == Lang::En
            && !p.tokens.get(last).is_some_and(|t| {
                t.kind == Kind::Word
                    && !t.upper
                    && !is_function_word(p, &t.norm)
                    && p.k.lex.verb(p.lang, &t.norm).is_none()
            })
            || first > 0 && is_article(p.lang, p.norm(first - 1))
            // French demonym adjectives are lower-case: capitalised, it is the people.
            || p.lang == Lang::Fr);
    p.mentions.push(Mention {
        first,
        last,
        ents: vec![e],
        kind: if demonym && !as_name {
            MentionKind::Demonym
        } else {
            MentionKind::Name
        },
        how: p.why(|| {
            format!(
                "gazetteer: \"{}\" is an alias of {} ({})",
                p.surface(first, last),
                p.ents[e].label,
                p.k.kb.entities[al.entity].origin
            )
        }),
        plural: false,
        gender: article_gender(p, first).or(p.ents[e].gender),
        locative: false,
        role: None,
    });
}
pub(crate) fn article_gender(p: &Prepared, first: usize) -> Option<Gender> {
    if first == 0 || p.lang != Lang::Fr {
        return None;
    }
    match p.norm(first - 1) {
        "la" | "une" | "cette" => Some(Gender::F),
        "le" | "un" | "ce" | "cet" | "du" | "au" => Some(Gender::M),
        _ => None,
    }
}

/// Whether token `k` is the last word of a role phrase of several words
/// that starts before it.
pub(crate) fn ends_role_phrase(p: &Prepared, k: usize) -> bool {
    (k.saturating_sub(4)..k).any(|j| role_at(p, j).is_some_and(|(end, _)| end == k + 1))
}

/// Longest role-noun phrase starting at token `i`: (end, role index).
pub(crate) fn role_at(p: &Prepared, i: usize) -> Option<(usize, usize)> {
    p.phrase_at(i, p.tokens.len(), |t| match t {
        Trigger::Role(r) => Some(*r),
        _ => None,
    })
}

pub(crate) fn mention_at(p: &Prepared, first: usize) -> Option<usize> {
    p.starting_at(first)
}

pub(crate) fn mention_ending(p: &Prepared, last: usize) -> Option<usize> {
    p.ending_at(last).next()
}

pub(crate) fn is_function_word(p: &Prepared, w: &str) -> bool {
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

pub(crate) fn covered(p: &Prepared) -> Vec<bool> {
    let mut c = vec![false; p.tokens.len()];
    for m in &p.mentions {
        c[m.first..m.last].iter_mut().for_each(|x| *x = true);
    }
    c
}

/// Replaces consumed mentions (and any inside `first..last`) with one mention.
///
/// Mentions are sorted by (first, last) token: the result is the list
/// without the dropped mentions and with the new one after those of the
/// same or a smaller position, as pushing it and sorting again would give,
/// but only the window between the dropped mentions and the new one's place
/// is rewritten (the rest of the document's mentions move at most once, and
/// not at all when one mention replaces one).
#[allow(clippy::too_many_arguments)]
pub(crate) fn replace(
    p: &mut Prepared,
    consumed: &[usize],
    first: usize,
    last: usize,
    ents: Vec<usize>,
    kind: MentionKind,
    how: String,
    gender: Option<Gender>,
) {
    let mut drops: Vec<usize> = p.lying_in(first, last).map(|(i, _)| i).collect();
    drops.extend(consumed.iter().copied().filter(|&c| c < p.mentions.len()));
    drops.sort_unstable();
    drops.dedup();
    p.note(Stage::Mentions, |p| {
        format!("mention \"{}\": {how}", p.surface(first, last))
    });
    p.span_bound = p.span_bound.max(last.saturating_sub(first));
    let new = Mention {
        first,
        last,
        ents,
        kind,
        how,
        plural: false,
        gender,
        locative: false,
        role: None,
    };
    let ins = p
        .mentions
        .partition_point(|m| (m.first, m.last) <= (first, last));
    let lo = drops.first().map_or(ins, |&d| d.min(ins));
    let hi = drops.last().map_or(ins, |&d| (d + 1).max(ins));
    let mut window = Vec::with_capacity(hi - lo + 1);
    let mut new = Some(new);
    for i in lo..hi {
        if i == ins {
            window.extend(new.take());
        }
        let m = std::mem::replace(&mut p.mentions[i], placeholder());
        if drops.binary_search(&i).is_err() {
            window.push(m);
        }
    }
    window.extend(new.take());
    p.mentions.splice(lo..hi, window);
}

/// Puts each of `news` in place of the mentions inside its span, as
/// [`replace`] one after the other would (notes included), in one pass over
/// the document's mentions when the spans do not overlap; otherwise one by
/// one.
pub(crate) fn replace_all(p: &mut Prepared, news: Vec<Mention>) {
    let mut order: Vec<usize> = (0..news.len()).collect();
    order.sort_by_key(|&i| (news[i].first, news[i].last));
    let disjoint = order.windows(2).all(|w| {
        let (a, b) = (&news[w[0]], &news[w[1]]);
        a.first < b.first && a.last <= b.first
    });
    if !disjoint {
        for m in news {
            let (first, last, plural) = (m.first, m.last, m.plural);
            replace(p, &[], first, last, m.ents, m.kind, m.how, m.gender);
            if let Some(mi) = p
                .starting_in(first, first + 1)
                .find(|&mi| p.mentions[mi].last == last)
            {
                p.mentions[mi].plural |= plural;
            }
        }
        return;
    }
    let mut drops = Vec::new();
    for m in &news {
        p.note(Stage::Mentions, |p| {
            format!("mention \"{}\": {}", p.surface(m.first, m.last), m.how)
        });
        p.span_bound = p.span_bound.max(m.last.saturating_sub(m.first));
        drops.extend(p.lying_in(m.first, m.last).map(|(i, _)| i));
    }
    drops.sort_unstable();
    drops.dedup();
    let mut slots: Vec<Option<Mention>> = news.into_iter().map(Some).collect();
    let mut pending = order.into_iter().filter_map(|i| slots[i].take()).peekable();
    let old = std::mem::take(&mut p.mentions);
    let mut out = Vec::with_capacity(old.len() + pending.size_hint().0);
    let mut d = 0;
    for (i, m) in old.into_iter().enumerate() {
        // A new mention goes after the old ones of the same position.
        while let Some(n) = pending.next_if(|n| (n.first, n.last) < (m.first, m.last)) {
            out.push(n);
        }
        if drops.get(d) == Some(&i) {
            d += 1;
        } else {
            out.push(m);
        }
    }
    out.extend(pending);
    p.mentions = out;
}

/// An empty mention, held for a moment in a slot being rewritten.
fn placeholder() -> Mention {
    Mention {
        first: 0,
        last: 0,
        ents: Vec::new(),
        kind: MentionKind::Name,
        how: String::new(),
        plural: false,
        gender: None,
        locative: false,
        role: None,
    }
}

/// French "la proposition de Moscou", "les actions « irresponsables » de
/// Pékin": after "de", a place is the one holding the position or doing
/// the act the noun before names (a noun of the lexicon or of cue kind
/// `stance`, `act_noun` or `remark`, a quoted word or two between), not
/// where something is ("les rues de Kiev").
fn held_by(p: &Prepared, first: usize) -> bool {
    if p.lang != Lang::Fr || first < 2 || !matches!(p.norm(first - 1), "de" | "d'") {
        return false;
    }
    let mut j = first - 2;
    if p.norm(j) == "»" {
        match (j.saturating_sub(5)..j).rev().find(|&k| p.norm(k) == "«") {
            Some(k) if k > 0 => j = k - 1,
            _ => return false,
        }
    }
    let w = p.norm(j);
    p.tokens[j].kind == Kind::Word
        && (["stance", "act_noun", "remark"]
            .iter()
            .any(|k| p.k.lex.is(p.lang, k, w))
            || p.noun_at(j, j + 1).is_some())
}

/// Places after a locative preposition are locations; capitals elsewhere
/// stand for their state's government.
fn metonyms(p: &mut Prepared) {
    let kb = &p.k.kb;
    let mut swaps = Vec::new();
    let mut states = Vec::new();
    for (mi, m) in p.mentions.iter().enumerate() {
        let Some(&e) = m.ents.first() else { continue };
        if p.ents[e].etype != EntityType::Place {
            continue;
        }
        let prev = if m.first > 0 { p.norm(m.first - 1) } else { "" };
        let before2 = if m.first >= 2 {
            p.joined(m.first - 2, m.first)
        } else {
            ""
        };
        // "auprès de Tokyo" addresses Japan's government: its "de" is no
        // place's preposition.
        let locative = (p.k.lex.is(p.lang, "locative", prev)
            || p.k.lex.is(p.lang, "locative", before2))
            && !p.k.lex.is(p.lang, "addressee", before2)
            && !held_by(p, m.first);
        let kbi = p.ents[e].kb;
        let metonym = kbi.and_then(|k| kb.entities[k].metonym_of);
        if locative {
            swaps.push((mi, None));
        } else if let Some(c) = metonym {
            swaps.push((mi, Some(c)));
        }
        if metonym.is_none() || locative {
            // The state a targeted city stands for (statements::make).
            states.extend(kbi.and_then(|k| kb.country_of(k)));
        }
    }
    for c in states {
        doc_entity(p, c);
    }
    for (mi, target) in swaps {
        match target {
            None => p.mentions[mi].locative = true,
            Some(c) => {
                let ce = doc_entity(p, c);
                let how = p.why(|| {
                    format!(
                        "metonym: \"{}\" stands for the government of {}",
                        p.surface(p.mentions[mi].first, p.mentions[mi].last),
                        p.ents[ce].label
                    )
                });
                p.mentions[mi].ents = vec![ce];
                p.mentions[mi].how = how;
                // French takes a city's name as masculine ("Pékin a dit
                // qu'il …"), whatever its state's gender ("la RDC").
                if p.lang == Lang::Fr {
                    p.mentions[mi].gender = Some(crate::lexicon::Gender::M);
                }
            }
        }
    }
}
