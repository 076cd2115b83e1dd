//! Role descriptions: "le dirigeant chinois, Xi Jinping", "Kremlin aide
//! Yuri Ushakov", "Dmitry Kozak, un fonctionnaire du Kremlin", "le président
//! russe" (resolved through dated roles), "his Chinese counterpart", "US
//! officials". Names and demonym phrases are in [`super::names`] and
//! [`super::demonyms`].

use rustc_hash::FxHashMap as HashMap;

use super::super::clause::is_article;
use super::super::{MentionKind, Prepared, Stage};
use super::demonyms::{is_adjective_like, place_modifier_at};
use super::names::{discovered, name_word, unknown_name};
use super::{
    article_gender, is_function_word, kb_entity, mention_at, mention_ending, replace, role_at,
};
use crate::lexicon::kb::{GENERIC_ROLES, role_kind};
use crate::lexicon::{EntityType, Gender, RoleNoun};
use crate::predicate::Predicate;
use crate::statement::{Modality, Polarity, Statement};
use crate::text::{Kind, Lang};

/// Role descriptions: "le dirigeant chinois, Xi Jinping", "Kremlin aide Yuri
/// Ushakov", "Dmitry Kozak, un fonctionnaire du Kremlin", "le président
/// russe", "US officials".
pub(crate) fn roles(p: &mut Prepared, kb_map: &mut HashMap<usize, usize>) {
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
        let sent = p.sentence_of(i);
        let s_last = p.sentences[sent].last;
        let (dstart, affiliation, consumed, not_holder) = extend_before(p, i);
        let mut d = Description {
            role: p.k.lex.roles[ridx].clone(),
            i,
            rend,
            dstart,
            dend: rend,
            affiliation,
            consumed,
            not_holder,
        };
        extend_after(p, &mut d, s_last);
        posting(p, &mut d, s_last);
        let (name, name_before) = appositive_name(p, &d, sent, s_last);
        let aff_ent = affiliation_entity(p, kb_map, d.affiliation);
        let (dstart, rend) = (d.dstart, d.rend);
        let gender = d.role.gender.or_else(|| {
            article_gender(p, if dstart < i { i } else { dstart }).filter(|_| dstart < i)
        });
        i = match name {
            Some(name) => {
                let role_text = p.surface(i, d.dend.max(rend)).to_string();
                named(p, d, (name, name_before), aff_ent, role_text, gender)
            }
            None => unnamed(p, kb_map, d, aff_ent, gender),
        };
    }
}

/// Whether the English "that" at `k` is a complementizer before a
/// capitalised title ("said that Foreign Minister …"), no demonstrative.
fn complementizer_that(p: &Prepared, k: usize) -> bool {
    p.lang == Lang::En && p.norm(k) == "that" && p.tokens.get(k + 1).is_some_and(|t| t.upper)
}

/// A role noun with what describes it: "le ministre russe des Affaires
/// étrangères", "senior Kremlin aide".
struct Description {
    role: RoleNoun,
    /// The role noun's first token and end.
    i: usize,
    rend: usize,
    /// The description's tokens.
    dstart: usize,
    dend: usize,
    /// The mention naming whom the holder serves.
    affiliation: Option<usize>,
    /// The mentions the description absorbs.
    consumed: Vec<usize>,
    /// A deputy or a former holder is not the office's holder.
    not_holder: bool,
}

/// The description's start before the role noun at `i`: pre-modifiers
/// ("senior", "ancien"), an affiliation ("Russian", "Kremlin"), articles.
/// Answers the start, the affiliation, the mentions absorbed and whether
/// the holder is a deputy or former one.
fn extend_before(p: &Prepared, i: usize) -> (usize, Option<usize>, Vec<usize>, bool) {
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
                | "acting"
                | "interim"
                | "outgoing"
        )
    {
        j -= 1;
    }
    // A deputy or a former holder is not the office's holder.
    let not_holder = (j..i).any(|x| {
        matches!(
            p.norm(x),
            "deputy" | "former" | "ancien" | "ancienne" | "vice"
        )
    });
    // "Germany's Chancellor Angela Merkel": a genitive names the affiliation.
    let genitive = p.lang == Lang::En && j >= 2 && p.norm(j - 1) == "'s";
    let before = mention_ending(p, j).or_else(|| {
        genitive
            .then(|| mention_ending(p, j - 1))
            .flatten()
            .filter(|&m| p.mentions[m].kind == MentionKind::Name)
    });
    if let Some(m) = before {
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
    // Articles, but not "that" before a title: "announced that Foreign
    // Minister Sergei Lavrov would …" opens a clause.
    let article = |k: usize| is_article(p.lang, p.norm(k)) && !complementizer_that(p, k);
    while j > 0 && (article(j - 1) || matches!(p.norm(j - 1), "d'autres")) && dstart == j {
        j -= 1;
        dstart = j;
    }
    if dstart == i {
        while dstart > 0 && article(dstart - 1) {
            dstart -= 1;
        }
    }
    // "la Hongrie, dont le Premier ministre …", "Hungary, whose prime
    // minister …": the relative's antecedent is the affiliation (it stays
    // its own mention).
    if affiliation.is_none() && dstart >= 2 && matches!(p.norm(dstart - 1), "dont" | "whose") {
        let k = if p.norm(dstart - 2) == "," {
            dstart - 2
        } else {
            dstart - 1
        };
        affiliation = mention_ending(p, k).filter(|&m| {
            let me = &p.mentions[m];
            me.kind == MentionKind::Name
                && me.ents.first().is_some_and(|&e| {
                    matches!(
                        p.ents[e].etype,
                        EntityType::Country | EntityType::Organization
                    )
                })
        });
    }
    (dstart, affiliation, consumed, not_holder)
}

/// Extends the description after the role noun: adjectives, a demonym,
/// "de/du X", "des Affaires étrangères".
fn extend_after(p: &Prepared, d: &mut Description, s_last: usize) {
    let rend = d.rend;
    let (mut affiliation, mut not_holder) = (d.affiliation, d.not_holder);
    let mut resumed = None;
    let consumed = &mut d.consumed;
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
            match after_of(p, k, s_last, affiliation.is_some()) {
                AfterOf::Affiliation(m, end) => {
                    affiliation = Some(m);
                    consumed.push(m);
                    k = end;
                    dend = k;
                    continue;
                }
                AfterOf::RolePart(end) => {
                    // "le ministre russe des Affaires étrangères": the
                    // office's words resume after an adjective.
                    if k > rend && resumed.is_none() {
                        resumed = resumed_role(p, (d.i, rend), (k, end));
                    }
                    k = end;
                    dend = k;
                    continue;
                }
                AfterOf::Stop => break,
            }
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
            not_holder |= w.starts_with("adjoint");
            k += 1;
            dend = k;
            continue;
        }
        break;
    }
    d.affiliation = affiliation;
    d.not_holder = not_holder;
    d.dend = dend;
    if let Some(r) = resumed {
        d.role = p.k.lex.roles[r].clone();
    }
}

/// The office a role noun (`noun`) and words after an adjective (`rest`,
/// from their "de"/"des") name together: "ministre" + "des Affaires
/// étrangères" split by "russe" is "ministre des Affaires étrangères".
fn resumed_role(p: &Prepared, noun: (usize, usize), rest: (usize, usize)) -> Option<usize> {
    let key = format!("{} {}", p.joined(noun.0, noun.1), p.joined(rest.0, rest.1));
    p.k.lex.phrase(p.lang, &key)?.iter().find_map(|t| match t {
        crate::lexicon::Trigger::Role(r) => Some(*r),
        _ => None,
    })
}

/// What follows "de"/"of" after a role noun.
enum AfterOf {
    /// The affiliation mention and its end: "the mayor of Nablus".
    Affiliation(usize, usize),
    /// Words of the role itself, to their end: "des Affaires étrangères".
    RolePart(usize),
    Stop,
}

/// Reads what follows the "de"/"of" at `k` after a role noun.
fn after_of(p: &Prepared, k: usize, s_last: usize, has_affiliation: bool) -> AfterOf {
    let mut k2 = k + 1;
    while k2 < s_last && is_article(p.lang, p.norm(k2)) {
        k2 += 1;
    }
    if mention_at(p, k2).is_none() {
        k2 = place_modifier_at(p, k2, s_last).unwrap_or(k2);
    }
    if let Some(m) = mention_at(p, k2) {
        let me = &p.mentions[m];
        // A place's official ("the mayor of Nablus") serves its state.
        let ok = me.ents.first().is_some_and(|&e| {
            matches!(
                p.ents[e].etype,
                EntityType::Country
                    | EntityType::Organization
                    | EntityType::Group
                    | EntityType::Place
            )
        });
        // "chief of Israel's militia ally": the genitive names
        // the ally's owner, not the chief's.
        let genitive = p.tokens.get(me.last).is_some_and(|t| t.norm == "'s");
        if ok && !has_affiliation && me.kind == MentionKind::Name && !genitive {
            return AfterOf::Affiliation(m, me.last);
        }
        return AfterOf::Stop;
    }
    // "a ordonné à l'ambassadeur de France de quitter le pays": "de" before
    // an infinitive opens the verb's complement, not the role's.
    if p.lang == Lang::Fr && k2 < s_last && {
        let (t, w) = (&p.tokens[k2], p.norm(k2));
        t.kind == Kind::Word
            && !t.upper
            && (super::super::frames::is_verb_form(p, k2)
                || w.len() > 4 && (w.ends_with("er") || w.ends_with("ir")))
    } {
        return AfterOf::Stop;
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
        return AfterOf::RolePart(k3);
    }
    AfterOf::Stop
}

/// Where an office is held, before a name in apposition: "Myanmar's
/// ambassador to the United Nations, Kyaw Moe Tun", "le conseiller saoudien
/// à la sécurité nationale, Moussaed al-Aiban". The complement joins the
/// description (an actor it names is the posting, not the affiliation) only
/// when a comma and a name follow within six words.
fn posting(p: &Prepared, d: &mut Description, s_last: usize) {
    let k = d.dend;
    let opens = match p.lang {
        Lang::En => matches!(p.norm(k), "to" | "for"),
        // Folded: "à" is "a", which is also "has" unless an article follows.
        Lang::Fr => {
            matches!(p.norm(k), "au" | "aux" | "aupres")
                || p.norm(k) == "a" && is_article(p.lang, p.norm(k + 1))
        }
    };
    if !opens || k + 2 >= s_last {
        return;
    }
    let lex = &p.k.lex;
    let Some(comma) = (k + 1..s_last.min(k + 8)).find(|&j| p.norm(j) == ",") else {
        return;
    };
    let words = (k + 1..comma).all(|j| {
        p.tokens[j].kind == Kind::Word
            && lex.verb(p.lang, p.norm(j)).is_none()
            && !lex.is(p.lang, "subordinator", p.norm(j))
            && !lex.is(p.lang, "coordinator", p.norm(j))
    });
    let cov = |j: usize| p.covering(j).next().is_some();
    let name = comma + 1 < s_last
        && (mention_at(p, comma + 1).is_some_and(|m| {
            p.mentions[m].kind == MentionKind::Name
                && p.mentions[m]
                    .ents
                    .first()
                    .is_some_and(|&e| p.ents[e].etype == EntityType::Person)
        }) || mention_at(p, comma + 1).is_none() && unknown_name(p, comma + 1, cov).is_some());
    if words && name {
        d.dend = comma;
    }
}

/// A name in apposition: after (", Xi Jinping", "Yuri Ushakov") or before
/// ("Dmitry Kozak, un fonctionnaire du Kremlin") the description. Answers
/// its tokens and mention, and whether it comes before.
#[allow(clippy::type_complexity)]
fn appositive_name(
    p: &Prepared,
    d: &Description,
    sent: usize,
    s_last: usize,
) -> (Option<(usize, usize, Option<usize>)>, bool) {
    let (dstart, dend) = (d.dstart, d.dend);
    // Whether a mention covers a token (looked up: a vector of the
    // document's tokens per role would make this quadratic).
    let cov = |j: usize| p.covering(j).next().is_some();
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
        } else if let Some(e) = unknown_name(p, n0, cov) {
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
                && name_word(p, s - 1)
                && !is_function_word(p, p.norm(s - 1))
                && !cov(s - 1)
            {
                s -= 1;
            }
            if dstart - 1 - s >= 2 {
                name = Some((s, dstart - 1, None));
                name_before = true;
            }
        }
    }
    (name, name_before)
}

/// The entity of the affiliation mention; a place stands for its state.
fn affiliation_entity(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    affiliation: Option<usize>,
) -> Option<usize> {
    let aff_ent = affiliation.and_then(|m| p.mentions[m].ents.first().copied());
    // A place affiliation stands for the place's state.
    match aff_ent {
        Some(e) if p.ents[e].etype == EntityType::Place => p.ents[e]
            .kb
            .and_then(|k| p.k.kb.country_of(k))
            .map(|c| super::kb_entity(p, kb_map, c)),
        other => other,
    }
}

/// A role with a name in apposition: the name's person (discovered if
/// unknown) holds the role, serves the affiliation, and the whole is one
/// mention. Answers where to go on.
fn named(
    p: &mut Prepared,
    d: Description,
    ((nf, nl, nm), name_before): ((usize, usize, Option<usize>), bool),
    aff_ent: Option<usize>,
    role_text: String,
    gender: Option<Gender>,
) -> usize {
    let Description {
        mut role,
        dstart,
        dend,
        mut consumed,
        ..
    } = d;
    // "son homologue ukrainien, Volodymyr Zelensky" after a head of state
    // heads Ukraine: a counterpart holds the office of whom they face.
    if role.role == "counterpart" {
        office_sought(p, &mut role, dstart);
    }
    let rule = role.id.clone();
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
    let how = p.why(|| {
        format!(
            "apposition of role \"{}\" ({}) and name \"{}\"",
            role_text,
            rule,
            p.surface(nf, nl)
        )
    });
    if let Some(a) = aff_ent {
        let (a_ok, rel) = affiliation_relation(p, &role, a);
        if a_ok {
            push_structural(p, person, rel, a, first, last, &format!("{rule}+appos"));
        }
    } else if !name_before
        && role.role != "counterpart"
        && dstart > 0
        && (p.k.lex.is(p.lang, "possessive_sg", p.norm(dstart - 1))
            || p.k.lex.is(p.lang, "possessive_pl", p.norm(dstart - 1)))
    {
        // "its ambassador, Sylvain Itté": whom "its" names is known only
        // once pronouns resolve (a counterpart serves the other side).
        p.possessed.push(Possessed {
            person,
            relation: role.relation,
            determiner: dstart - 1,
            span: (first, last),
            rule: format!("{rule}+possessive"),
        });
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
    mark_role(p, first, last, &role.role);
    last
}

/// A named role holder whose affiliation is the referent of a possessive
/// determiner: "la France a rappelé son ambassadeur, Sylvain Itté".
#[derive(Debug, Clone)]
pub struct Possessed {
    person: usize,
    relation: Predicate,
    /// The determiner's token.
    determiner: usize,
    /// The role description's tokens.
    span: (usize, usize),
    rule: String,
}

/// Settles the role holders of [`Possessed`] once pronouns are resolved: a
/// determiner that names one state, organization or group is the
/// affiliation ("Hamas … its leader, Ismail Haniyeh").
pub(crate) fn possessed_affiliations(p: &mut Prepared) {
    for h in std::mem::take(&mut p.possessed) {
        let Some(m) = p
            .starting_in(h.determiner, h.determiner + 1)
            .find(|&m| p.mentions[m].kind == MentionKind::Possessive)
        else {
            continue;
        };
        let &[a] = p.mentions[m].ents.as_slice() else {
            continue;
        };
        let ok = matches!(
            p.ents[a].etype,
            EntityType::Country | EntityType::Organization | EntityType::Group
        );
        if ok {
            push_structural(p, h.person, h.relation, a, h.span.0, h.span.1, &h.rule);
        }
    }
}

/// Keeps the role kind on the mention just made for tokens `first..last`.
fn mark_role(p: &mut Prepared, first: usize, last: usize, kind: &str) {
    let made = p
        .starting_in(first, first + 1)
        .find(|&mi| p.mentions[mi].last == last);
    if let Some(mi) = made {
        p.mentions[mi].role = role_kind(kind);
    }
}

/// A role description without a name: the holder of the office on the
/// document's date, else officials standing for the affiliation, else
/// officials of unknown affiliation. Answers where to go on.
fn unnamed(
    p: &mut Prepared,
    kb_map: &mut HashMap<usize, usize>,
    d: Description,
    aff_ent: Option<usize>,
    gender: Option<Gender>,
) -> usize {
    let Description {
        mut role,
        i,
        dstart,
        dend,
        consumed,
        not_holder,
        ..
    } = d;
    let rule = role.id.clone();
    // "declared himself Venezuela's interim president", "recognised him as
    // the country's leader": a predicate about someone, not a mention of
    // the office's holder.
    let predicative = dstart > 0
        && matches!(
            p.norm(dstart - 1),
            "himself" | "herself" | "themselves" | "as" | "comme"
        );
    if predicative {
        return dend.max(i + 1);
    }
    // No name: a role description.
    if let Some(a) = aff_ent {
        let singular = !role.plural;
        if singular && !GENERIC_ROLES.contains(&role.role.as_str()) && !not_holder {
            let office = office_sought(p, &mut role, dstart);
            if let Some(person) = office.and_then(|o| resolve_role(p, kb_map, &o, a)) {
                holder(p, &role, (dstart, dend), &consumed, (person, a), gender);
                return dend;
            }
            // No known holder: the office holder is an official of the
            // affiliation ("the mayor of Nablus", "the Kenyan foreign
            // minister" in a year the knowledge base does not cover).
        }
        let how = p.why(|| {
            format!(
                "officials \"{}\" ({}) stand for {}",
                p.surface(dstart, dend),
                rule,
                p.ents[a].label
            )
        });
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
        mark_role(p, dstart, dend, &role.role);
        return dend;
    }
    // "… a assuré le président": a definite singular role with no
    // affiliation is the person last named in that role, a few sentences
    // before.
    if !role.plural
        && !GENERIC_ROLES.contains(&role.role.as_str())
        && !not_holder
        && dstart < i
        && matches!(p.norm(dstart), "the" | "le" | "la" | "l'")
        && let Some((person, named_as)) = same_role_before(p, dstart, &role.role)
    {
        let how = p.why(|| {
            format!(
                "role description \"{}\" ({}): the person last named in that role, \"{}\"",
                p.surface(dstart, dend),
                rule,
                named_as
            )
        });
        replace(
            p,
            &consumed,
            dstart,
            dend,
            vec![person],
            MentionKind::Name,
            how,
            gender,
        );
        mark_role(p, dstart, dend, &role.role);
        return dend;
    }
    if role.plural && GENERIC_ROLES.contains(&role.role.as_str()) {
        let how = p.why(|| {
            format!(
                "officials \"{}\" of unknown affiliation",
                p.surface(dstart, dend)
            )
        });
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
    dend.max(i + 1)
}

/// Sentences back in which a bare role finds the person last named in it.
const SAME_ROLE_BACK: usize = 3;

/// The person (document entity) of the latest mention before `before`, in
/// the sentence or the three before, that named someone in `role`, and
/// that mention's text; none when it is a group or names several.
fn same_role_before(p: &Prepared, before: usize, role: &str) -> Option<(usize, String)> {
    let kind = role_kind(role)?;
    let s = p.sentence_of(before);
    let since = p.sentences[s.saturating_sub(SAME_ROLE_BACK)].first;
    let (_, m) = p
        .lying_in(since, before)
        .filter(|(_, m)| m.role == Some(kind))
        .last()?;
    match m.ents.as_slice() {
        [e] if p.ents[*e].etype == EntityType::Person => {
            Some((*e, p.surface(m.first, m.last).to_string()))
        }
        _ => None,
    }
}

/// The office whose holder a singular role description names: its own, or
/// for a counterpart ("son homologue chinois", at `dstart`) the office of
/// the person it is the counterpart of.
fn office_sought(p: &Prepared, role: &mut RoleNoun, dstart: usize) -> Option<String> {
    if role.role != "counterpart" {
        return Some(role.role.clone());
    }
    let office = counterpart_office(p, dstart);
    // A head's counterpart heads their state too.
    if matches!(
        office.as_deref(),
        Some("head_of_state" | "head_of_government")
    ) {
        role.relation = Predicate::LeaderOf;
    }
    office
}

/// The description at `dstart..dend` is the office's holder on the
/// document's date, `person`, who serves `a`.
fn holder(
    p: &mut Prepared,
    role: &RoleNoun,
    (dstart, dend): (usize, usize),
    consumed: &[usize],
    (person, a): (usize, usize),
    gender: Option<Gender>,
) {
    let rule = &role.id;
    let how = p.why(|| {
        format!(
            "role description \"{}\" ({}) resolved to {} ({})",
            p.surface(dstart, dend),
            rule,
            p.ents[person].label,
            resolution_reason(p, &role.role)
        )
    });
    let (a_ok, rel) = affiliation_relation(p, role, a);
    if a_ok {
        push_structural(p, person, rel, a, dstart, dend, &format!("{rule}+kb-role"));
    }
    replace(
        p,
        consumed,
        dstart,
        dend,
        vec![person],
        MentionKind::Role,
        how,
        gender,
    );
    mark_role(p, dstart, dend, &role.role);
}

/// Which relation a role gives with its affiliation, and whether it applies.
pub(crate) fn affiliation_relation(
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

pub(crate) fn resolution_reason(p: &Prepared, role: &str) -> String {
    match &p.doc.date {
        Some(d) => format!("holder of {role} on {d} or named in the document"),
        None => format!("holder of {role} named in the document"),
    }
}

/// The office of the person a counterpart is the counterpart of: the
/// office on the document's date of the person last mentioned before
/// `before`, in this sentence or the one before ("Lavrov met his Chinese
/// counterpart", "le Premier ministre indien et son homologue japonais").
fn counterpart_office(p: &Prepared, before: usize) -> Option<String> {
    const OFFICES: [&str; 4] = [
        "foreign_minister",
        "defence_minister",
        "head_of_state",
        "head_of_government",
    ];
    let date = p.doc.date.as_deref()?;
    let from = p.sentences[p.sentence_of(before).saturating_sub(1)].first;
    let m = p
        .lying_in(from, before)
        .filter_map(|(_, m)| match m.ents.as_slice() {
            &[e] if p.ents[e].etype == EntityType::Person => Some(p.ents[e].kb),
            _ => None,
        })
        .last()??;
    let held = |r: &&str| {
        p.k.kb
            .roles
            .iter()
            .any(|s| s.person == m && s.role == *r && s.covers(date))
    };
    OFFICES
        .iter()
        .copied()
        .find(|r| held(r))
        .map(str::to_string)
}

/// Resolves a role of a state/organization to a person: a holder named in
/// the document first, then the holder on the document date.
pub(crate) fn resolve_role(
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

pub(crate) fn push_structural(
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
    let st = Statement {
        doc: p.doc_id(),
        sentence_index: sent,
        sentence: p.sentence_text(sent),
        span: (p.tokens[first].start, p.tokens[last - 1].end),
        subject: p.entity_json(person),
        predicate: rel,
        plover: rel.plover(),
        object: Some(p.entity_json(aff)),
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        attributed_to: None,
        attributed_role: None,
        confidence: 0.8,
        rule: rule.to_string(),
        date: p.doc_date(),
    };
    p.note(Stage::Statements, |_| {
        format!(
            "rule {rule}: {} {} {}",
            st.subject.label,
            rel,
            st.object_label()
        )
    });
    p.structural.push(st);
}
