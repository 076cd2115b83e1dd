//! Clause-level helpers: prepositions, quotations and their speakers,
//! clause boundaries.

use super::Prepared;
use crate::text::{Kind, Lang};

/// English compass adjectives that may stand between a preposition and a
/// place name ("in southern Serbia", "of northeastern Syria").
pub(crate) const COMPASS_EN: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Whether a folded word is a preposition that makes the following actor a
/// complement rather than a subject.
pub fn is_preposition(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::Fr => matches!(
            w,
            "a" | "au"
                | "aux"
                | "de"
                | "du"
                | "des"
                | "d'"
                | "avec"
                | "pour"
                | "par"
                | "sur"
                | "contre"
                | "entre"
                | "vers"
                | "chez"
                | "selon"
                | "en"
                | "dans"
                | "sans"
                | "envers"
                | "pres"
                | "concernant"
                | "apres"
                | "avant"
                | "depuis"
                | "malgre"
                | "parmi"
                | "sous"
                | "outre"
                | "face"
                | "devant"
                | "derriere"
                | "pendant"
                | "durant"
                | "via"
                | "aupres"
                | "hors"
        ),
        Lang::En => matches!(
            w,
            "of" | "with"
                | "to"
                | "by"
                | "for"
                | "on"
                | "against"
                | "from"
                | "at"
                | "in"
                | "about"
                | "into"
                | "over"
                | "between"
                | "among"
                | "near"
                | "toward"
                | "towards"
                | "without"
                | "after"
                | "before"
                | "since"
                | "under"
                | "amid"
                | "despite"
                | "concerning"
                | "regarding"
                | "like"
                | "than"
                | "including"
                | "outside"
                | "inside"
                | "through"
                | "across"
                | "along"
                | "behind"
                | "beyond"
                | "within"
                | "throughout"
                | "during"
                | "via"
                | "upon"
                | "alongside"
        ),
    }
}

/// Whether folded `w` is a possessive determiner (cue kinds `possessive_sg`,
/// `possessive_pl`, and "our"): "closed its border", "gave Peru its support".
pub(crate) fn is_possessive(p: &Prepared, w: &str) -> bool {
    w == "our" || p.k.lex.is(p.lang, "possessive_sg", w) || p.k.lex.is(p.lang, "possessive_pl", w)
}

/// The start of the phrase at token `i` with the article right before it
/// ("l'OTAN", "the West"), when that article stands after token `lo`.
pub(crate) fn article_before(p: &Prepared, i: usize, lo: usize) -> usize {
    if i > lo && is_article(p.lang, p.norm(i - 1)) {
        i - 1
    } else {
        i
    }
}

/// Whether token `k` is the French preposition "à": it folds to "a", as
/// the auxiliary does ("et a condamné"), so the surface tells them apart.
pub(crate) fn is_preposition_a(p: &Prepared, k: usize) -> bool {
    matches!(p.surface(k, k + 1), "à" | "À")
}

/// Whether a folded word is an article or determiner.
pub fn is_article(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::Fr => matches!(
            w,
            "le" | "la"
                | "les"
                | "l'"
                | "un"
                | "une"
                | "des"
                | "ce"
                | "cet"
                | "cette"
                | "ces"
                | "d'autres"
                | "autres"
                | "plusieurs"
                | "certains"
                | "certaines"
                | "deux"
                | "trois"
                | "tous"
                | "toutes"
        ),
        Lang::En => matches!(
            w,
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "other"
                | "several"
                | "some"
                | "two"
                | "three"
        ),
    }
}

/// A quotation and who said it.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Opening quote token.
    pub open: usize,
    /// Closing quote token (or the last token of the document).
    pub close: usize,
    /// Token range where the speaker mention should be looked for.
    pub speaker_zone: (usize, usize),
}

fn is_open(w: &str) -> bool {
    matches!(w, "«" | "“")
}

fn is_close(w: &str) -> bool {
    matches!(w, "»" | "”")
}

/// Quotes of at most this many tokens (closing mark included) are quoted terms.
const SHORT_QUOTE: usize = 5;

/// Finds quotations (« », “ ”, and straight double quotes paired in order).
pub fn quotes(p: &Prepared) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in p.tokens.iter().enumerate() {
        if t.kind != Kind::Punct {
            continue;
        }
        let w = t.norm.as_str();
        let straight = w == "\"";
        if is_open(w) || (straight && open.is_none()) {
            open = Some(i);
        } else if (is_close(w) || straight) && open.is_some() {
            let o = open.take().unwrap_or(i);
            // A few quoted words are a quoted term (« garanties de sécurité »),
            // not someone's speech, unless a reporting clause follows (« … », a-t-il dit).
            if i - o > SHORT_QUOTE || p.norm(i + 1) == "," {
                out.push(Quote {
                    open: o,
                    close: i,
                    speaker_zone: speaker_zone(p, o, i),
                });
            }
        }
    }
    out
}

/// After a quote: ", a déclaré X" / ", said X" / "X said" up to the sentence
/// end; otherwise before it: "X a déclaré : «".
fn speaker_zone(p: &Prepared, open: usize, close: usize) -> (usize, usize) {
    let s_close = p.sentence_of(close);
    let after_end = p
        .sentences
        .get(s_close)
        .map(|s| s.last)
        .unwrap_or(p.tokens.len());
    let next = close + 1;
    // English puts the comma inside the quotation: "…," the minister said.
    let comma_inside = close > open + 1 && matches!(p.norm(close - 1), "," | "?" | "!");
    if next < after_end
        && (comma_inside || matches!(p.norm(next), "," | "a" | "ont" | "said" | "says" | "dit"))
    {
        return (next, after_end.min(next + 12));
    }
    let s_open = p.sentence_of(open);
    let before_start = p.sentences.get(s_open).map(|s| s.first).unwrap_or(0);
    (before_start, open)
}

/// Whether token `i` lies inside a quotation. Quotations are in order and
/// do not overlap: only the last one opening before `i` can contain it.
pub fn quote_at(quotes: &[Quote], i: usize) -> Option<&Quote> {
    let n = quotes.partition_point(|q| q.open < i);
    quotes[..n].last().filter(|q| i < q.close)
}

/// Whether a verb of cue `kind` (one word or two) stands at most `back`
/// tokens before token `head`, within the clause opening at `start`.
pub(crate) fn cue_verb_before(
    p: &Prepared,
    start: usize,
    head: usize,
    kind: &str,
    back: usize,
) -> bool {
    let lo = head.saturating_sub(back).max(start);
    (lo..head).any(|j| {
        p.k.lex.is_verb(p.lang, kind, p.norm(j))
            || j + 1 < head && p.k.lex.is_verb(p.lang, kind, p.joined(j, j + 2))
    })
}

/// Whether the noun phrase ending at `head` is governed by a preposition of
/// time or circumstance (articles and up to two other words between).
pub(crate) fn in_time_adjunct(p: &Prepared, start: usize, head: usize) -> bool {
    let lo = head.saturating_sub(4).max(start);
    (lo..head).rev().any(|j| {
        matches!(
            p.norm(j),
            "following"
                | "after"
                | "before"
                | "amid"
                | "amidst"
                | "despite"
                | "since"
                | "apres"
                | "avant"
                | "malgre"
                | "depuis"
        ) && (j + 1..head).all(|k| p.tokens[k].kind == Kind::Word)
    })
}

/// The "that"/"que" opening a complement clause at `from`, or after a short
/// time phrase or adverb ("demanded Friday that", "a exigé lundi que").
pub(crate) fn complementizer_at(p: &Prepared, s: usize, from: usize) -> Option<usize> {
    let end = p.sentences[s].last.min(from + 4);
    (from..end)
        .take_while(|&j| {
            j == from || p.tokens[j - 1].kind == Kind::Word && p.covering(j - 1).next().is_none()
        })
        .find(|&j| matches!(p.norm(j), "that" | "que" | "qu'"))
}
