//! Acts named as the content of a proposal, an appeal or a right: "rejected a
//! UN appeal for deploying troops", "defended the right of Russia to strike
//! X", "une offre de retirer ses troupes". The act is proposed, asked for or
//! allowed, not done, so the clause is not asserted (the utterance itself is
//! read by its own noun or by the verb taking it).

use super::Prepared;
use super::clause::is_article;
use crate::text::Lang;

/// Whether the trigger starting at token `head` of sentence `s` is the
/// complement of an utterance noun (cue kind `utterance`) or a right (cue
/// kind `entitlement`), linked by "for"/"to" or "de"/"à"/"pour", with at most
/// two words and no actor between the link and the trigger.
pub(crate) fn proposed(p: &Prepared, s: usize, head: usize) -> bool {
    let first = p.sentences[s].first;
    let Some(link) = (head.saturating_sub(3).max(first)..head)
        .rev()
        .find(|&j| is_link(p.lang, p.norm(j)))
    else {
        return false;
    };
    if (link + 1..head).any(|j| p.covering(j).next().is_some() || p.norm(j) == ",") {
        return false;
    }
    let Some(noun) = noun_before(p, first, link) else {
        return false;
    };
    is_noun(p, first, noun)
}

/// The words that link a noun to the act it names.
fn is_link(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "for" | "to"),
        Lang::Fr => matches!(w, "de" | "d'" | "a" | "au" | "aux" | "pour"),
    }
}

/// The noun the link at `link` attaches to: the word right before it, or
/// before the utterance's author or addressee ("an appeal from X to",
/// "the right of Russian troops to", "l'appel de l'ONU à"), or before a
/// French adjective ("l'offre russe de").
fn noun_before(p: &Prepared, first: usize, link: usize) -> Option<usize> {
    let prev = link.checked_sub(1).filter(|&j| j >= first)?;
    let lex = &p.k.lex;
    let named = |j: usize| {
        lex.is(p.lang, "utterance", p.norm(j)) || lex.is(p.lang, "entitlement", p.norm(j))
    };
    if named(prev) {
        return Some(prev);
    }
    // "from X", "of X", "de l'ONU": an author or addressee of a few words.
    for by in (link.saturating_sub(5).max(first + 1)..prev).rev() {
        let agent = matches!(
            p.norm(by),
            "of" | "from" | "by" | "to" | "de" | "du" | "des" | "d'" | "par"
        );
        if agent && named(by - 1) {
            return Some(by - 1);
        }
        if !agent && (matches!(p.norm(by), "," | ";" | ":") || is_link(p.lang, p.norm(by))) {
            break;
        }
    }
    // "l'offre russe de": a lowercase adjective after a French noun.
    if p.lang == Lang::Fr && prev > first {
        let s = p.surface(prev, prev + 1);
        if s.chars().next().is_some_and(char::is_lowercase) && named(prev - 1) {
            return Some(prev - 1);
        }
    }
    None
}

/// Whether the word at `i` is the noun, not the verb of the same form: a
/// determiner right before it ("the right", "l'offre"), or before a single
/// actor that modifies it ("a UN appeal"); an English form without "-s"
/// after a determiner two or three words back ("a fresh appeal").
fn is_noun(p: &Prepared, first: usize, i: usize) -> bool {
    if is_determined(p, first, i) {
        return true;
    }
    if i > first {
        if let Some(m) = p.ending_at(i).next() {
            let start = p.mentions[m].first;
            if start > first && is_determiner(p.lang, p.norm(start - 1)) {
                return true;
            }
        }
    }
    p.lang == Lang::En
        && !p.norm(i).ends_with('s')
        && (i.saturating_sub(3).max(first)..i)
            .any(|j| is_determiner(p.lang, p.norm(j)) && (j + 1..i).all(|k| p.norm(k) != ","))
}

/// Whether a determiner stands right before token `i`.
fn is_determined(p: &Prepared, first: usize, i: usize) -> bool {
    i > first && is_determiner(p.lang, p.norm(i - 1))
}

/// Articles, possessives and demonstratives.
fn is_determiner(lang: Lang, w: &str) -> bool {
    is_article(lang, w)
        || matches!(
            w,
            "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "'s"
                | "this"
                | "son"
                | "sa"
                | "ses"
                | "leur"
                | "leurs"
                | "notre"
                | "nos"
        )
}
