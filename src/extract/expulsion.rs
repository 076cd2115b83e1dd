//! Ordered departures: "ordered the French ambassador to leave the
//! country", "a ordonné à l'ambassadeur de France de quitter le pays".
//! Ordering a state's envoys out is their expulsion, a sanction of that
//! state (PLOVER SANCTION) by the clause's subject, though no verb of
//! expulsion is used; so is ordering its troops out ("ordered French
//! troops to leave"). Cue kinds `order` and `leave` (verb lemmas), `envoy`
//! and `troops` (the nouns).

use super::Prepared;
use super::context::{Context, clause_start};
use super::frames::{subject_in, usable};
use super::statements::make;
use crate::predicate::Predicate;
use crate::statement::Statement;

/// Statements of the ordered departures in sentence `s`.
pub(crate) fn statements(p: &Prepared, s: usize) -> Vec<Statement> {
    let lex = &p.k.lex;
    let (first, last) = (p.sentences[s].first, p.sentences[s].last);
    let mut out = Vec::new();
    for j in first..last {
        if !lex.is_verb(p.lang, "order", p.norm(j)) {
            continue;
        }
        // "did not order", "n'a pas ordonné": no departure was ordered.
        let lo = j.saturating_sub(3).max(first);
        if (lo..j).any(|k| matches!(p.norm(k), "not" | "n't" | "never" | "pas" | "jamais")) {
            continue;
        }
        // The envoys or troops, at most five tokens on ("à l'ambassadeur
        // de France").
        let Some(envoy) = p.starting_in(j + 1, (j + 6).min(last)).find(|&mi| {
            let m = &p.mentions[mi];
            // Troops may follow the name that owns them ("the UN
            // peacekeepers").
            usable(m)
                && ((m.first..m.last).any(|k| lex.is(p.lang, "envoy", p.norm(k)))
                    || (m.first..(m.last + 1).min(last))
                        .any(|k| lex.is(p.lang, "troops", p.norm(k))))
        }) else {
            continue;
        };
        // Then "to leave" / "de quitter", at most three tokens after them
        // (a description of envoys may have taken it in: "l'ambassadeur de
        // France de quitter").
        let after = p.mentions[envoy].last;
        let leaves = (p.mentions[envoy].first..(after + 3).min(last)).any(|k| {
            matches!(p.norm(k), "to" | "de" | "d'")
                && k + 1 < last
                && lex.is_verb(p.lang, "leave", p.norm(k + 1))
        });
        if !leaves {
            continue;
        }
        let (cs, _) = clause_start(p, s, j);
        let Some(subject) = subject_in(p, cs, j, &[]) else {
            continue;
        };
        let (Some(&a), Some(&b)) = (
            p.mentions[subject].ents.first(),
            p.mentions[envoy].ents.first(),
        ) else {
            continue;
        };
        // "Putin ordered Russian troops to leave Kherson": a state's own
        // forces pulled back are no expulsion.
        let state = |e: usize| p.ents[e].kb.and_then(|k| p.k.kb.country_of(k));
        if state(a).is_some() && state(a) == state(b) {
            continue;
        }
        let ctx = Context::asserted(None, None);
        let rule = format!("{}.sanctions.ordered-departure", p.lang.code());
        let span = (p.mentions[subject].first, after);
        out.extend(make(
            p,
            s,
            a,
            b,
            Predicate::Sanctions,
            &ctx,
            &rule,
            span,
            0.7,
        ));
    }
    out
}
