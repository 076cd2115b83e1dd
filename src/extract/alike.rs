//! "France condemned the coup, as did the African Union", "la France a
//! condamné le coup d'État, tout comme le secrétaire général de l'ONU": an
//! actor named after a comparison that closes the clause did the same act,
//! to the same target.

use super::Prepared;
use super::frames::{group_ents, usable};
use super::triggers::Trig;
use crate::statement::Statement;

/// How far after the trigger the comparison may come.
const WINDOW: usize = 14;

/// The statements of `made` (trigger `t` of sentence `s`) done again by
/// the actors a comparison after them names, each once, never to itself.
pub(crate) fn shared_act(p: &Prepared, s: usize, t: &Trig, made: &[Statement]) -> Vec<Statement> {
    if made.is_empty() {
        return Vec::new();
    }
    let Some((mi, end)) = compared(p, s, t.last) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (e, _) in group_ents(p, mi) {
        let who = p.entity_json(e);
        for st in made {
            let same = |o: &crate::statement::Entity| o.id == who.id;
            if same(&st.subject) || st.object.as_deref().is_some_and(same) {
                continue;
            }
            let mut again = st.clone();
            if st
                .attributed_to
                .as_deref()
                .is_some_and(|a| a.id == st.subject.id)
            {
                again.attributed_to = Some(who.clone());
            }
            again.subject = who.clone();
            again.rule = format!("ALIKE+{}", st.rule);
            again.span.1 = again.span.1.max(p.tokens[end - 1].end);
            again.confidence = st.confidence.min(0.6);
            out.push(again);
        }
    }
    out
}

/// After the clause of the trigger ending at `after`: a comma, "as did"
/// (or "as has", "as have", "as had") or French "tout comme", "de même
/// que", an optional article, an actor: its mention and end. Nothing in
/// between opens another clause.
fn compared(p: &Prepared, s: usize, after: usize) -> Option<(usize, usize)> {
    let last = p.sentences[s].last;
    let comma = (after..(after + WINDOW).min(last))
        .take_while(|&j| {
            !matches!(
                p.norm(j),
                "that" | "which" | "who" | "que" | "qu'" | "qui" | ";" | ":"
            )
        })
        .find(|&j| p.norm(j) == ",")?;
    let w = |j: usize| if j < last { p.norm(j) } else { "" };
    let k = comma + 1;
    let start = match (w(k), w(k + 1)) {
        ("as", "did" | "has" | "have" | "had") => k + 2,
        ("tout", "comme") => k + 2,
        ("de", "meme") if w(k + 2) == "que" => k + 3,
        _ => return None,
    };
    let mi = p
        .starting_in(start, start + 2)
        .find(|&mi| usable(&p.mentions[mi]) && !p.mentions[mi].locative)?;
    // The actor is the comparison's whole phrase: nothing but its
    // apposition or the sentence's end after it.
    let end = p.mentions[mi].last;
    (end >= last || matches!(p.norm(end), "," | "." | ";" | "»" | ")")).then_some((mi, end))
}
