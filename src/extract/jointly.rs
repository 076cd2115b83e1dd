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
use crate::text::{Kind, Lang};
use rustc_hash::FxHashSet as HashSet;

/// Statements of the construction in sentence `s`.
pub(crate) fn statements(p: &Prepared, s: usize, quotes: &[clause::Quote]) -> Vec<Statement> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    let mut out = Vec::new();
    let in_cue =
        |set: Option<&HashSet<String>>, j: usize| set.is_some_and(|s| s.contains(p.norm(j)));
    let (jointly, joint) = (lex.cue_set(p.lang, "jointly"), lex.cue_set(p.lang, "joint"));
    for j in sent.first..sent.last {
        // The adverb ("jointly"), or the adjective on a noun of a joint
        // activity ("joint naval drills", "des exercices navals conjoints"),
        // whose phrase runs from `head` to `tail`.
        let (head, tail, kind) = if in_cue(jointly, j) {
            // "together with X" names a companion; "l'ensemble de" is "all of".
            let companion = matches!(p.norm(j + 1), "with" | "avec");
            let noun = j > sent.first && is_article(p.lang, p.norm(j - 1));
            if companion || noun {
                continue;
            }
            (j, j + 1, "jointly")
        } else if let Some(noun) = in_cue(joint, j).then(|| joint_activity(p, s, j)).flatten() {
            (noun.min(j), noun.max(j) + 1, "joint-activity")
        } else {
            continue;
        };
        let (start, barrier) = clause_start(p, s, head);
        let Some(sm) = subject_in(p, start, head, &[]) else {
            continue;
        };
        let mut actors: Vec<usize> = coordination_group(p, sm)
            .into_iter()
            .filter(|&g| usable(&p.mentions[g]))
            .filter_map(|g| p.mentions[g].ents.first().copied())
            .collect();
        actors.dedup();
        // "held joint drills with X": one subject and its partner, in that
        // direction only, as a symmetric verb's frame gives it.
        let mut partner = false;
        if actors.len() == 1
            && kind == "joint-activity"
            && let Some(e) = partner_after(p, s, tail)
            && !actors.contains(&e)
        {
            actors.push(e);
            partner = true;
        }
        if actors.len() < 2 {
            continue;
        }
        // The adverb stands for the act: the clause's modal verbs and
        // negation before it qualify the cooperation.
        let t = Trig {
            first: head,
            last: tail,
            what: Trigger::Role(0),
            alts: Vec::new(),
        };
        let mut ctx = context(p, s, &t, start, barrier.as_deref(), quotes, None);
        // "would stop its joint exercises with X": a halted joint activity
        // is cooperation that will not go on.
        if kind == "joint-activity" && halted(p, start, head) {
            ctx.polarity = ctx.polarity.reversed();
        }
        let rule = format!("{}.cooperatesWith.{kind}", p.lang.code());
        let span = (p.mentions[sm].first.min(head), tail);
        let agents = if partner { &actors[..1] } else { &actors[..] };
        for &a in agents {
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

/// The noun of a joint activity that the adjective at `j` (cue kind
/// `joint`, checked by the caller) qualifies (cue kind `joint_activity`): before it in English ("joint
/// naval drills"), after it in French ("des manœuvres navales conjointes").
fn joint_activity(p: &Prepared, s: usize, j: usize) -> Option<usize> {
    let lex = &p.k.lex;
    let sent = &p.sentences[s];
    let near: Vec<usize> = match p.lang {
        Lang::En => (j + 1..(j + 3).min(sent.last)).collect(),
        Lang::Fr => (j.saturating_sub(2).max(sent.first)..j).rev().collect(),
    };
    near.into_iter()
        .take_while(|&k| p.tokens[k].kind == Kind::Word && p.starting_at(k).is_none())
        .find(|&k| lex.is(p.lang, "joint_activity", p.norm(k)))
}

/// The actor after "with"/"avec" right after the phrase ending at `tail`
/// ("joint drills with China", "exercices conjoints avec la Chine").
fn partner_after(p: &Prepared, s: usize, tail: usize) -> Option<usize> {
    let sent = &p.sentences[s];
    let with = (tail..(tail + 2).min(sent.last)).find(|&k| matches!(p.norm(k), "with" | "avec"))?;
    let mut k = with + 1;
    if k < sent.last && is_article(p.lang, p.norm(k)) {
        k += 1;
    }
    p.starting_at(k)
        .filter(|&mi| usable(&p.mentions[mi]) && !p.mentions[mi].locative)
        .and_then(|mi| p.mentions[mi].ents.first().copied())
}

/// Whether a verb that halts (cue kind `halt`: "stop", "suspendre")
/// governs the phrase at `head`, past at most three determiners,
/// possessives or modifiers ("stop its annual joint drills").
fn halted(p: &Prepared, start: usize, head: usize) -> bool {
    (head.saturating_sub(4).max(start)..head)
        .rev()
        .take_while(|&k| p.tokens[k].kind == Kind::Word)
        .any(|k| p.k.lex.is_verb(p.lang, "halt", p.norm(k)))
}
