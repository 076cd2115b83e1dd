//! The domestic target of a protest that names none ("students
//! demonstrated in Nairobi": against Kenya's government), and protesters
//! named as a state's people, who protest as its civilians.

use super::context::Context;
use super::frames::group_ents;
use super::mentions::doc_entity;
use super::mentions::sectors::{civilians_of, state_of};
use super::statements::make;
use super::triggers::Trig;
use super::{MentionKind, Prepared, Stage};
use crate::lexicon::EntityType;
use crate::predicate::Predicate;
use crate::statement::Statement;

/// A state's people named by a plural demonym ("Algerians", "les Kényans")
/// or a people of a state ("Iraqi Kurds") is, as a protester, the state's
/// civilians: people who protest are not their government. Returns the
/// civilians' group entity.
fn population_of(p: &mut Prepared, g: usize) -> Option<usize> {
    let m = &p.mentions[g];
    let &e = m.ents.first()?;
    let state = p.ents[e].kb?;
    if m.ents.len() != 1 || p.k.kb.entities[state].etype != EntityType::Country {
        return None;
    }
    let head = &p.tokens[m.last - 1];
    let plural = head.upper && !head.all_caps && head.norm.ends_with('s');
    let people = match m.kind {
        MentionKind::Name => plural && p.k.kb.is_demonym_of(state, p.joined(m.first, m.last)),
        // "Iraqi Kurds" (made by `demonym_phrases`).
        MentionKind::Officials => plural && m.last - m.first == 2,
        _ => false,
    };
    if !people {
        return None;
    }
    civilians_of(p, state)
}

/// A protest by sector groups that names no target is directed at the
/// government of the country where it takes place (a place or country after
/// the trigger in the sentence), else of the protesters' own country: the
/// event coders' convention for domestic protest.
pub(crate) fn domestic_protest(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    sm: usize,
    ctx: &Context,
    rule: &str,
) -> Vec<Statement> {
    let members = group_ents(p, sm);
    let mut agents = Vec::new();
    for (e, g) in members {
        if p.mentions[g].kind == MentionKind::Sector {
            agents.push(e);
        } else if let Some(state) = population_of(p, g) {
            agents.push(state);
        }
    }
    if agents.is_empty() {
        return Vec::new();
    }
    let sent_last = p.sentences[s].last;
    // "began a hunger strike to protest against Peru's decision": the target
    // is named later in the sentence; no default.
    let named_later = (t.last..sent_last).any(|j| {
        matches!(
            p.norm(j),
            "against" | "contre" | "protest" | "protesting" | "protester" | "over" | "unless"
        ) && p
            .starting_in(j + 1, j + 5)
            .any(|mi| p.mentions[mi].last <= sent_last && !p.mentions[mi].ents.is_empty())
    });
    if named_later {
        return Vec::new();
    }
    let place = p
        .starting_in(t.last, t.last + 5)
        .map(|mi| &p.mentions[mi])
        .filter(|m| m.last <= sent_last)
        .find(|m| {
            m.locative || m.first > 0 && matches!(p.norm(m.first - 1), "in" | "en" | "au" | "a")
        })
        .and_then(|m| state_of(p, &m.ents));
    // "demonstrated outside the French embassy", "devant l'ambassade de
    // France": a protest at a state's embassy is against that state.
    let embassy = embassy_state(p, t.last, sent_last);
    let place = embassy.or(place);
    let rule = if embassy.is_some() {
        format!("{rule}+embassy-target")
    } else {
        format!("{rule}+domestic-target")
    };
    let mut out = Vec::new();
    for a in agents {
        let Some(iso3) = p.ents[a].iso3.clone() else {
            continue;
        };
        // Else the group's own state, which `group_entity` added to the document.
        let target = match place {
            Some(state) => doc_entity(p, state),
            None => {
                let own = p.ents.iter().position(|e| {
                    e.kb.is_some()
                        && e.etype == EntityType::Country
                        && e.iso3.as_deref() == Some(iso3.as_str())
                });
                let Some(own) = own else { continue };
                own
            }
        };
        let span = (
            p.mentions[sm].first.min(t.first),
            p.mentions[sm].last.max(t.last),
        );
        out.extend(make(
            p,
            s,
            a,
            target,
            Predicate::Protests,
            ctx,
            &rule,
            span,
            0.6,
        ));
    }
    out
}

/// The domestic default target of a protest that names none
/// ([`domestic_protest`]), noted for `explain`; `rule` is
/// the entry id, the label `explain` shows and how the agent was found.
pub(crate) fn protest_default(
    p: &mut Prepared,
    s: usize,
    t: &Trig,
    agent: usize,
    ctx: &Context,
    rule: (&str, &str, &str),
) -> Option<Vec<Statement>> {
    let (id, label, how) = rule;
    let out = domestic_protest(p, s, t, agent, ctx, id);
    if out.is_empty() {
        return None;
    }
    p.note(Stage::Statements, |_| {
        format!(
            "rule {label}: fired ({how}no target named: the government of the protesters' country), {} statement(s)",
            out.len()
        )
    });
    Some(out)
}

/// The state whose embassy or base (cue kind `facility`) is named within
/// eight tokens after `from`: "the French embassy", "the embassy of
/// France", "l'ambassade de France", "l'ambassade française".
fn embassy_state(p: &Prepared, from: usize, last: usize) -> Option<usize> {
    let end = (from + 8).min(last);
    let f = (from..end).find(|&j| p.k.lex.is(p.lang, "facility", p.norm(j)))?;
    // A demonym right before ("the French embassy") or after ("l'ambassade
    // française"), or "of X" / "de X" after.
    let before = p
        .covering(f)
        .chain(p.ending_at(f))
        .find(|&mi| !p.mentions[mi].ents.is_empty());
    let after = || {
        let mut k = f + 1;
        if k < last && matches!(p.norm(k), "of" | "de" | "du" | "d'") {
            k += 1;
            while k < last && super::clause::is_article(p.lang, p.norm(k)) {
                k += 1;
            }
        }
        p.starting_at(k)
            .filter(|&mi| !p.mentions[mi].ents.is_empty())
    };
    let mi = before.or_else(after)?;
    let ents = p.mentions[mi].ents.clone();
    state_of(p, &ents)
}
