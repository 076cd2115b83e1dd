//! Joint action: coordinated actors that act "together", "jointly",
//! "ensemble" or "conjointement" cooperate with each other (PLOVER
//! COOPERATE), whatever the act: "Russia and Turkey will jointly monitor
//! the truce", "la Russie et la Turquie pourraient surveiller ensemble le
//! cessez-le-feu". The act's own modality and negation carry over.

use super::Prepared;
use super::clause::{self, is_article};
use super::context::{clause_start, context};
use super::frames::{subject_in, usable};
use super::mentions::coref::coordination_group;
use super::statements::make;
use super::triggers::Trig;
use crate::lexicon::Trigger;
use crate::predicate::Predicate;
use crate::statement::Statement;

/// Statements of the construction in sentence `s`.
pub(crate) fn statements(p: &Prepared, s: usize, quotes: &[clause::Quote]) -> Vec<Statement> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    let mut out = Vec::new();
    for j in sent.first..sent.last {
        if !lex.is(p.lang, "jointly", p.norm(j)) {
            continue;
        }
        // "together with X" names a companion; "l'ensemble de" is "all of".
        let companion = matches!(p.norm(j + 1), "with" | "avec");
        let noun = j > sent.first && is_article(p.lang, p.norm(j - 1));
        if companion || noun {
            continue;
        }
        let (start, barrier) = clause_start(p, s, j);
        let Some(sm) = subject_in(p, start, j, &[]) else {
            continue;
        };
        let mut actors: Vec<usize> = coordination_group(p, sm)
            .into_iter()
            .filter(|&g| usable(&p.mentions[g]))
            .filter_map(|g| p.mentions[g].ents.first().copied())
            .collect();
        actors.dedup();
        if actors.len() < 2 {
            continue;
        }
        // The adverb stands for the act: the clause's modal verbs and
        // negation before it qualify the cooperation.
        let t = Trig {
            first: j,
            last: j + 1,
            what: Trigger::Role(0),
            alts: Vec::new(),
        };
        let ctx = context(p, s, &t, start, barrier.as_deref(), quotes, None);
        let rule = format!("{}.cooperatesWith.jointly", p.lang.code());
        let span = (p.mentions[sm].first.min(j), j + 1);
        for &a in &actors {
            for &b in actors.iter().filter(|&&b| b != a) {
                out.extend(make(
                    p,
                    s,
                    a,
                    b,
                    Predicate::CooperatesWith,
                    &ctx,
                    &rule,
                    span,
                    0.7,
                ));
            }
        }
    }
    out
}
