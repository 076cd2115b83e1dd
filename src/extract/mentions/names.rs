//! People named in the text without a knowledge-base entry: unknown names
//! before a role ("Dmitry Kozak, un fonctionnaire du Kremlin"), first names
//! of discovered people, titles ("M. Ushakov", "Mrs Smith") and surnames of
//! people met earlier in the document.

use rustc_hash::FxHashMap as HashMap;

use super::super::clause::{is_article, is_preposition};
use super::super::{DocEntity, Mention, MentionKind, Prepared};
use super::{covered, is_function_word, role_at};
use crate::lexicon::{EntityType, Gender};
use crate::text::Kind;

/// Lower-case particles that may stand between the words of a name.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "das", "dos", "del", "di", "du", "la", "le", "bin",
    "ben", "al", "el", "ter", "zu",
];

/// Arabic articles and kin words written joined to a name by a hyphen:
/// "al-Zayani", "el-Sisi", "bin-Salman".
const JOINED_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "abu", "ould",
];

/// Whether token `j` is written like a word of a name: capitalised, or a
/// lower-case particle joined by a hyphen to a capitalised word
/// ("Abdullatif al-Zayani", "Moussaed al-Aiban").
pub(crate) fn name_word(p: &Prepared, j: usize) -> bool {
    let t = &p.tokens[j];
    if t.kind != Kind::Word {
        return false;
    }
    if t.upper {
        return true;
    }
    let surface = p.surface(j, j + 1);
    surface.split_once('-').is_some_and(|(head, rest)| {
        JOINED_PARTICLES.contains(&head) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// A capitalised unknown name of 2 to 4 words starting at `i`: its end.
pub(crate) fn unknown_name(
    p: &Prepared,
    i: usize,
    covered: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut j = i;
    while j < p.tokens.len() && j - i < 4 {
        let t = &p.tokens[j];
        // Lower-case particles inside a name: "Alberto van Klaveren", "Omar al-Bashir".
        let particle = j > i
            && !t.upper
            && NAME_PARTICLES.contains(&t.norm.as_str())
            && p.tokens
                .get(j + 1)
                .is_some_and(|n| n.kind == Kind::Word && n.upper && !covered(j + 1));
        if particle {
            j += 1;
            continue;
        }
        if covered(j)
            || !name_word(p, j)
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

/// Adds a discovered person (or returns an existing one with that label).
pub(crate) fn discovered(
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
        cameo: None,
    });
    p.ents.len() - 1
}

/// A capitalised unknown word right before a person's name is a first name
/// in another spelling ("Sergueï Ryabkov"): the mention takes it in.
pub(crate) fn first_names(p: &mut Prepared) {
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
            || role_at(p, j).is_some()
            // "Secretary of State Mike Pompeo": the last word of a role.
            || super::ends_role_phrase(p, j);
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

/// People introduced by a title: "M. Ushakov", "Mme Donfried", "Mr Smith".
pub(crate) fn titles(p: &mut Prepared) {
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
        let how = p.why(|| format!("title \"{}\" introduces a person", p.surface(i, j)));
        p.mentions.push(Mention {
            first: i,
            last: e,
            ents: vec![ent],
            kind: MentionKind::Name,
            how,
            plural: false,
            gender: p.ents[ent].gender.or(Some(g)),
            locative: false,
            role: None,
        });
    }
}

/// Surnames of people discovered in the document ("Donfried" after "Karen Donfried").
pub(crate) fn surnames(p: &mut Prepared) {
    let mut names: HashMap<String, usize> = HashMap::default();
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
        if !cov[i] && name_word(p, i) {
            if let Some(&e) = names.get(t.norm.as_str()) {
                adds.push((i, e));
            }
        }
    }
    for (i, e) in adds {
        let how = p.why(|| {
            format!(
                "surname of {} named earlier or later in the document",
                p.ents[e].label
            )
        });
        p.mentions.push(Mention {
            first: i,
            last: i + 1,
            ents: vec![e],
            kind: MentionKind::Name,
            how,
            plural: false,
            gender: p.ents[e].gender,
            locative: false,
            role: None,
        });
    }
}
