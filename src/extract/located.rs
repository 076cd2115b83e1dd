//! An attack told with no actor as its target, only where it struck:
//! "the bombers killed 23 people in Tel Aviv", "tanks fired at targets near
//! Jericho". Event coders read such an attack as one on the state the place
//! lies in, never on the attacker's own state (that is a domestic event
//! this rule leaves alone).

use super::clause::{is_article, is_preposition};
use super::frames::{group_ents, marker_starts};
use super::triggers::Trig;
use super::{MentionKind, Prepared};
use crate::lexicon::EntityType;
use crate::text::Lang;

/// How far after the trigger the place may come: a clause's length, so
/// that a place two clauses on is not read as this act's.
const WINDOW: usize = 20;

/// The mention of a place after attack trigger `t` in sentence `s`,
/// introduced by a locative preposition ("in", "near", "à"), that stands
/// for a state none of subject `sm`'s actors belong to. `None` when an
/// actor comes first: the act's target is then that actor's, or none.
/// `markers` are the verb's object prepositions: another preposition right
/// after it makes it a participle ("10 soldiers killed in Ukraine": the
/// soldiers were killed, they did not attack).
pub(crate) fn place_target(
    p: &Prepared,
    s: usize,
    t: &Trig,
    sm: usize,
    markers: &[Vec<String>],
) -> Option<usize> {
    let last = p.sentences[s].last.min(t.last + WINDOW);
    // French participles are told apart by their auxiliary already.
    if p.lang == Lang::En
        && t.last < last
        && is_preposition(p.lang, p.norm(t.last))
        && !marker_starts(markers, p.norm(t.last))
    {
        return None;
    }
    let agents = group_ents(p, sm);
    // The clause ends at a comma: "killing 20 people, officials in Nairobi
    // said" names where the speakers are.
    let last = (t.last..last)
        .find(|&j| matches!(p.norm(j), "," | ";" | "(" | ":"))
        .unwrap_or(last);
    for mi in p.starting_in(t.last, last) {
        let m = &p.mentions[mi];
        if m.kind == MentionKind::Pronoun || m.ents.is_empty() {
            continue;
        }
        let e = m.ents[0];
        // "in Pakistan": a state named as a location is where it struck.
        let state = match p.ents[e].etype {
            EntityType::Place if m.locative => p.state_of_place(e)?,
            EntityType::Country
                if locative_before(p, m.first) || dative_place(p, m.first, markers) =>
            {
                e
            }
            _ => return None,
        };
        let own = agents.iter().any(|&(a, _)| {
            a == state || p.ents[a].iso3.is_some() && p.ents[a].iso3 == p.ents[state].iso3
        });
        return (!own).then_some(mi);
    }
    None
}

/// Whether a locative preposition (cue kind `spatial`) comes right before
/// token `first`, or before an article there ("in the Philippines").
/// A compass adjective may stand between: "into southern Israel".
fn locative_before(p: &Prepared, first: usize) -> bool {
    let spatial = |j: usize| p.k.lex.is(p.lang, "spatial", p.norm(j));
    let skipped = |j: usize| is_article(p.lang, p.norm(j)) || compass(p.norm(j));
    first >= 1 && spatial(first - 1)
        || first >= 2 && skipped(first - 1) && spatial(first - 2)
        || first >= 3 && skipped(first - 1) && skipped(first - 2) && spatial(first - 3)
}

/// Whether French "au"/"aux" comes right before token `first` of a state
/// and the verb takes no "à" object: "a frappé neuf sites au Pakistan" is
/// where it struck, but "s'en est pris au Pakistan" names its target.
fn dative_place(p: &Prepared, first: usize, markers: &[Vec<String>]) -> bool {
    p.lang == Lang::Fr
        && first >= 1
        && matches!(p.norm(first - 1), "au" | "aux")
        && !marker_starts(markers, "a")
}

/// English and French compass adjectives ("southern", "le nord de").
fn compass(w: &str) -> bool {
    matches!(
        w,
        "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "nord"
            | "sud"
            | "est"
            | "ouest"
            | "centre"
    )
}
