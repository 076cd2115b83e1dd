//! Demonym noun phrases: "the Russian government", "les autorités
//! ukrainiennes", "Saudi-led coalition", "the Ukrainian people" (a state's
//! people), and nouns shared by a coordination of demonyms.

use super::super::{MentionKind, Prepared};
use super::{covered, is_function_word, mention_at};
use crate::lexicon::EntityType;
use crate::text::{Kind, Lang};

/// A demonym adjective with its noun stands for its state, as event coders
/// read it: "des soldats chinois", "Canadian citizens", "la décision russe".
/// A predicate noun is left alone ("l'invasion russe" keeps its trigger);
/// "Hungarian and Romanian officials" gives both states.
pub(crate) fn demonym_phrases(p: &mut Prepared) {
    led_phrases(p);
    demonym_nouns(p);
    peoples_of_states(p);
    shared_nouns(p);
    p.mentions.sort_by_key(|m| (m.first, m.last));
}

/// "US-led forces", "the NATO-led war": the leading state or organisation
/// reads like a demonym.
fn led_phrases(p: &mut Prepared) {
    // "US-led", "NATO-led": a state or organisation leading what follows
    // reads like its demonym ("US-led forces" are US forces; the "US-led war"
    // is the US's).
    for m in p.mentions.iter_mut() {
        let leader = m.ents.len() == 1
            && matches!(
                p.ents[m.ents[0]].etype,
                EntityType::Country | EntityType::Organization
            );
        if leader
            && matches!(m.kind, MentionKind::Name | MentionKind::Demonym)
            && p.tokens.get(m.last).is_some_and(|t| t.norm == "-led")
        {
            m.last += 1;
            m.kind = MentionKind::Demonym;
        }
    }
}

/// "Russian forces", "les diplomates français": a state's demonym with a
/// content noun is the state's people or things (officials).
fn demonym_nouns(p: &mut Prepared) {
    let cov_lex = |p: &Prepared, j: usize| p.noun_at(j, p.tokens.len()).is_some();
    let cov = covered(p);
    let content = |p: &Prepared, j: usize| -> bool {
        let t = &p.tokens[j];
        // A capitalised plural people with a demonym: "Iraqi Kurds", "les Kurdes irakiens".
        let people = t.upper
            && !t.all_caps
            && t.norm.ends_with('s')
            && !p.tokens.get(j + 1).is_some_and(|n| n.upper);
        t.kind == Kind::Word
            && (!t.upper || people)
            && !cov[j]
            && !is_function_word(p, &t.norm)
            && t.norm.len() > 2
            && !p.k.lex.is(p.lang, "aux_have", &t.norm)
            && !p.k.lex.is(p.lang, "aux_be", &t.norm)
    };
    let mut changes: Vec<(usize, usize, usize, String)> = Vec::new(); // (mention, first, last, how)
    for (mi, m) in p.mentions.iter().enumerate() {
        // Only states: "occidental" also means "western" ("frontières occidentales").
        let led = p.norm(m.last - 1) == "-led";
        let country = m.ents.first().is_some_and(|&e| {
            p.ents[e].etype == EntityType::Country
                || led && p.ents[e].etype == EntityType::Organization
        });
        if m.kind != MentionKind::Demonym || !country {
            continue;
        }
        let sent = p.sentence_of(m.first);
        let (s_first, s_last) = (p.sentences[sent].first, p.sentences[sent].last);
        let noun = match p.lang {
            Lang::Fr => (m.first > s_first && content(p, m.first - 1)).then(|| m.first - 1),
            Lang::En => (m.last < s_last && content(p, m.last))
                .then_some(m.last)
                .or_else(|| {
                    // "Thai F-16 jets", "Russian Su-25 aircraft": a model
                    // designation (a capitalised word with a digit) between.
                    let model = m.last < s_last
                        && p.tokens[m.last].upper
                        && p.tokens[m.last].norm.bytes().any(|b| b.is_ascii_digit());
                    (model && m.last + 1 < s_last && content(p, m.last + 1)).then_some(m.last + 1)
                }),
        };
        let Some(n) = noun else { continue };
        if cov_lex(p, n)
            || p.k.lex.verb(p.lang, &p.tokens[n].norm).is_some()
                && p.lang == Lang::En
                && n == m.last
                && !p.tokens[n].norm.ends_with('s')
        {
            continue;
        }
        // "Palestinian suicide bombers", "Polish border guards": a plural
        // head after the modifier noun ends the phrase.
        let head = n + 1;
        let compound = p.lang == Lang::En
            && n == m.last
            && head < s_last
            && content(p, head)
            && p.tokens[head].norm.ends_with('s')
            && !cov_lex(p, head)
            && p.k.lex.verb(p.lang, &p.tokens[head].norm).is_none()
            && !p.k.lex.is_verb(p.lang, "speech", &p.tokens[head].norm);
        let (first, last) = if n < m.first {
            (n, m.last)
        } else if compound {
            (m.first, head + 1)
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
}

/// "Bosnian Serbs", "Iraqi Kurds": a people within a state.
fn peoples_of_states(p: &mut Prepared) {
    // "Bosnian Serbs", "Iraqi Kurds": a people named by a second demonym
    // within a state named by the first stands for that state, as event
    // coders read it (not for the people's own state).
    let mut absorbed = Vec::new();
    for mi in 0..p.mentions.len().saturating_sub(1) {
        let (a, b) = (&p.mentions[mi], &p.mentions[mi + 1]);
        let people = b.first == a.last
            && b.kind == MentionKind::Name
            && p.tokens[b.first].upper
            && p.norm(b.last - 1).ends_with('s')
            && b.ents.len() == 1
            && p.ents[b.ents[0]].etype == EntityType::Country
            && p.ents[b.ents[0]]
                .kb
                .is_some_and(|k| p.k.kb.is_demonym_of(k, p.joined(b.first, b.last)));
        if a.kind == MentionKind::Demonym
            && people
            && a.ents
                .first()
                .is_some_and(|&e| p.ents[e].etype == EntityType::Country)
        {
            let (first, last, state) = (a.first, b.last, a.ents[0]);
            let how = p.why(|| {
                format!(
                    "\"{}\": a people of {}",
                    p.surface(first, last),
                    p.ents[state].label
                )
            });
            let m = &mut p.mentions[mi];
            m.last = last;
            m.kind = MentionKind::Officials;
            m.plural = true;
            m.how = how;
            absorbed.push(mi + 1);
        }
    }
    for mi in absorbed.into_iter().rev() {
        p.mentions.remove(mi);
    }
}

/// "Hungarian and Romanian officials": coordinated demonyms share the noun.
fn shared_nouns(p: &mut Prepared) {
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
            let how = p.why(|| {
                format!(
                    "\"{}\" shares the noun of \"{}\"",
                    p.surface(a.first, a.last),
                    p.surface(b.first, b.last)
                )
            });
            p.mentions[mi].kind = MentionKind::Officials;
            p.mentions[mi].plural = true;
            p.mentions[mi].how = how;
        }
    }
}

pub(crate) fn is_adjective_like(w: &str) -> bool {
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

/// "the mayor of the northern West Bank city of Nablus": a place name
/// modifying a place noun, after at most two lower-case words from `k`.
/// Returns the place mention's first token.
pub(crate) fn place_modifier_at(p: &Prepared, k: usize, s_last: usize) -> Option<usize> {
    let mut j = k;
    while j < s_last.min(k + 2) && p.tokens[j].kind == Kind::Word && !p.tokens[j].upper {
        j += 1;
    }
    let m = &p.mentions[mention_at(p, j)?];
    let place = m
        .ents
        .first()
        .is_some_and(|&e| p.ents[e].etype == EntityType::Place);
    let noun = p.tokens.get(m.last).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "city" | "town" | "village" | "province" | "region" | "district" | "port"
        )
    });
    (place && noun).then_some(j)
}
