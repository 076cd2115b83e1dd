//! A person's office or circle speaks and acts for them: "le bureau de
//! Benyamin Nétanyahou a accusé …", "Netanyahu's office said", "the office
//! of the prime minister", "l'entourage du président" (cue kind
//! `office_noun`). The person's mention takes the phrase in, so that it
//! stands where the phrase stands (subject of the clause).

use super::super::clause::is_article;
use super::super::{MentionKind, Prepared};
use crate::lexicon::EntityType;
use crate::text::Lang;

/// Lengthens person mentions over the office phrase around them.
pub(crate) fn person_offices(p: &mut Prepared) {
    let lex = &p.k.lex;
    let mut moves = Vec::new();
    for (mi, m) in p.mentions.iter().enumerate() {
        let person = matches!(m.kind, MentionKind::Name | MentionKind::Role)
            && m.ents.len() == 1
            && p.ents[m.ents[0]].etype == EntityType::Person;
        if !person {
            continue;
        }
        let sent_first = p.sentences[p.sentence_of(m.first)].first;
        let office = |j: usize| lex.is(p.lang, "office_noun", p.norm(j));
        // "le bureau de X", "le bureau du président", "the office of X".
        let mut before = None;
        if m.first >= sent_first + 2
            && matches!(p.norm(m.first - 1), "de" | "du" | "d'" | "of")
            && office(m.first - 2)
        {
            let mut start = m.first - 2;
            if start > sent_first && is_article(p.lang, p.norm(start - 1)) {
                start -= 1;
            }
            before = Some(start);
        }
        // "Netanyahu's office".
        let after = (p.lang == Lang::En
            && matches!(p.norm(m.last), "'s" | "’s")
            && m.last + 1 < p.sentences[p.sentence_of(m.first)].last
            && office(m.last + 1))
        .then_some(m.last + 2);
        if before.is_some() || after.is_some() {
            moves.push((mi, before, after));
        }
    }
    for (mi, before, after) in moves {
        if let Some(b) = before {
            p.mentions[mi].first = b;
        }
        if let Some(a) = after {
            p.mentions[mi].last = a;
        }
        p.span_bound = p.span_bound.max(p.mentions[mi].last - p.mentions[mi].first);
    }
}
