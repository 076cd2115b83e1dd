//! Discovered organisations: a capitalised name the knowledge base does not
//! know, built around an organisation noun of the lexicon (cue kind
//! `org_head`: "Union", "Party", "Front", "Parti", "Mouvement"...), such as
//! "the Nigerian Union of Teachers (NUT)" or "Forces for Defence of
//! Democracy". A state named inside the name ("Nigerian", "of Angola") gives
//! its country; nothing else does, and no CAMEO code is made up. An acronym
//! in parentheses after the name names it again later in the document.

use super::super::{DocEntity, MentionKind, Prepared};
use super::replace;
use crate::lexicon::EntityType;
use crate::text::{Kind, Lang};

/// Words that may join the capitalised words of a name.
fn connector(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "of" | "for" | "the" | "and" | "'"),
        Lang::Fr => matches!(
            w,
            "de" | "du" | "des" | "d'" | "la" | "le" | "l'" | "les" | "pour" | "et"
        ),
    }
}

/// Finds discovered organisation names and makes them mentions.
pub(crate) fn discover(p: &mut Prepared) {
    let mut found = Vec::new(); // (first, last, country kb index)
    for s in 0..p.sentences.len() {
        let (first, last) = (p.sentences[s].first, p.sentences[s].last);
        let mut i = first;
        while i < last {
            let Some(end) = run_end(p, i, last) else {
                i += 1;
                continue;
            };
            if let Some(org) = organisation(p, i, end) {
                found.push(org);
            }
            i = end;
        }
    }
    for (first, last, country) in found {
        let label = p
            .surface(first, last)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let slug: String = label
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        let local = format!("org/{slug}");
        let e = match p.ents.iter().position(|e| e.local == local) {
            Some(e) => e,
            None => {
                p.ents.push(DocEntity {
                    kb: None,
                    label: label.clone(),
                    etype: EntityType::Organization,
                    local,
                    gender: None,
                    role: None,
                    iso3: country.and_then(|c| p.k.kb.entities[c].iso3.clone()),
                    cameo: None,
                });
                p.ents.len() - 1
            }
        };
        let how = p.why(|| match country {
            Some(c) => format!(
                "organisation name \"{label}\" (not in the knowledge base) of {}",
                p.k.kb.entities[c].label
            ),
            None => format!("organisation name \"{label}\" (not in the knowledge base)"),
        });
        // "(NUT)" right after the name is its acronym, part of the mention.
        let acronym = (last + 2 < p.tokens.len()
            && p.norm(last) == "("
            && p.tokens[last + 1].all_caps
            && p.norm(last + 2) == ")")
            .then(|| p.tokens[last + 1].norm.clone());
        let end = if acronym.is_some() { last + 3 } else { last };
        replace(p, &[], first, end, vec![e], MentionKind::Name, how, None);
        if let Some(a) = acronym {
            acronym_mentions(p, end, &a, e, &label);
        }
    }
}

/// The end of a run of capitalised words starting at `i` (joined by
/// connectors), or `None` when `i` does not start one.
fn run_end(p: &Prepared, i: usize, last: usize) -> Option<usize> {
    let cap = |j: usize| p.tokens[j].kind == Kind::Word && p.tokens[j].upper;
    if !cap(i) {
        return None;
    }
    let mut end = i + 1;
    loop {
        if end < last && cap(end) {
            end += 1;
            continue;
        }
        // A connector counts only when a capitalised word follows it.
        let mut k = end;
        while k < last && k < end + 2 && connector(p.lang, p.norm(k)) {
            k += 1;
        }
        if k > end && k < last && cap(k) {
            end = k + 1;
            continue;
        }
        return Some(end);
    }
}

/// An organisation name within the run `a..b`: (first, last, country).
fn organisation(p: &Prepared, a: usize, b: usize) -> Option<(usize, usize, Option<usize>)> {
    let lex = &p.k.lex;
    // A leading article is not part of the name ("The Homeland Union").
    let mut a = a;
    while a < b && super::super::clause::is_article(p.lang, p.norm(a)) {
        a += 1;
    }
    // A trailing connector or possessive is not either.
    let mut b = b;
    while b > a && connector(p.lang, p.norm(b - 1)) {
        b -= 1;
    }
    if b - a < 2 || !(a..b).any(|j| lex.is(p.lang, "org_head", p.norm(j))) {
        return None;
    }
    // Names the knowledge base knows (an organisation, a person) win; a
    // state or place inside gives the country.
    let mut country = None;
    let overlapping = p.starting_in(a.saturating_sub(p.span_bound), b);
    for m in p.mentions[overlapping].iter().filter(|m| m.last > a) {
        if m.first < a || m.last > b {
            return None;
        }
        let &e = m.ents.first()?;
        match p.ents[e].etype {
            EntityType::Country | EntityType::Place => {
                if country.is_none() {
                    country = p.ents[e].kb.and_then(|k| p.k.kb.country_of(k));
                }
            }
            _ => return None,
        }
    }
    // Only a state and organisation nouns ("Israeli Army", "Serbian
    // Parliament"): the state's own body, read as such by the sector stage.
    let own_word = (a..b).any(|j| {
        !lex.is(p.lang, "org_head", p.norm(j))
            && !connector(p.lang, p.norm(j))
            && p.covering(j).next().is_none()
    });
    own_word.then_some((a, b, country))
}

/// Later occurrences of an acronym outside other mentions name the same
/// organisation.
fn acronym_mentions(p: &mut Prepared, from: usize, acronym: &str, e: usize, label: &str) {
    let spots: Vec<usize> = (from..p.tokens.len())
        .filter(|&j| p.tokens[j].all_caps && p.tokens[j].norm == acronym)
        .filter(|&j| !p.mentions.iter().any(|m| m.first <= j && j < m.last))
        .collect();
    for j in spots {
        let how = p.why(|| format!("acronym of the organisation \"{label}\""));
        replace(p, &[], j, j + 1, vec![e], MentionKind::Name, how, None);
    }
}
