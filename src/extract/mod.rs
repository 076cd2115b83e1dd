//! Extraction: mentions, coreference, relations, polarity, modality and
//! attribution, over one tokenized document.
//!
//! The stages run in data-flow order (see [`Stage`]), each module importing
//! only earlier ones (no import circle: `bash bench/import_graph.sh`), and
//! each owning one decision:
//!
//! | stage | module | decides | hands on |
//! |---|---|---|---|
//! | mentions | [`mentions`] | which actors the text names (gazetteer, roles by date, discovered names, sectors, pronouns and their coreference) | `Prepared::mentions` |
//! | triggers | [`triggers`] | which words are predicate cues, and their lexicon entry | [`triggers::Trig`] |
//! | frames | `frames` | which mention is a trigger's subject and object (clause subject, marked object, passive agent, antecedents, controllers, possessors) | `frames::Frame` |
//! | qualify | [`context`] (with `governors`, `obligation`) | polarity, modality, attribution, whether the clause is asserted | `context::Context` |
//! | statements | `statements`, `nouns`, `protest` | statements from a frame: coordination, reciprocity, default targets, PLOVER type | [`Statement`] |
//!
//! [`relations`] drives them sentence by sentence and holds what one trigger
//! leaves to the next (a refusal's or a threat's infinitive, a condition, a
//! demanded action). `clause` (clause bounds, quotations) and `lookup`
//! (mentions by position) serve every stage. The qualifiers of a trigger
//! are read before its frame is attached: a clause that is not asserted
//! needs no frame, and the speaker it is attributed to may stand in for
//! its subject ("officials would not attend").

mod alike;
mod anaphora;
pub mod clause;
pub mod context;
mod expulsion;
mod frames;
mod governors;
mod jointly;
mod located;
mod lookup;
mod mediated;
pub mod mentions;
mod nouns;
mod obligation;
mod parties;
mod proposed;
mod protest;
mod received;
pub mod relations;
mod relative_act;
mod retaliation;
mod statements;
pub mod triggers;
mod verdict;

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::lexicon::{EntityType, Gender, Knowledge, Trigger};
use crate::predicate::Predicate;
use crate::statement::{Entity, Polarity, Statement};
use crate::text::{self, Document, Lang, Sentence, Token};

/// An entity as seen in one document: from the knowledge base or discovered.
#[derive(Debug, Clone)]
pub struct DocEntity {
    /// Knowledge-base index, `None` for discovered people.
    pub kb: Option<usize>,
    /// Canonical label.
    pub label: String,
    /// Class.
    pub etype: EntityType,
    /// IRI local name.
    pub local: String,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// Role literal (discovered people): "deputy secretary of state".
    pub role: Option<String>,
    /// ISO3 of its state.
    pub iso3: Option<String>,
    /// CAMEO code when not from the knowledge base (sector groups: "KENEDU").
    pub cameo: Option<String>,
}

/// How a mention was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A name from the knowledge base or a discovered name.
    Name,
    /// A role description resolved to a person ("le dirigeant chinois").
    Role,
    /// A role description standing for its state or organization ("US officials").
    Officials,
    /// Officials of unknown affiliation ("des responsables").
    BareOfficials,
    /// A demonym adjective alone ("russe").
    Demonym,
    /// A personal pronoun.
    Pronoun,
    /// A possessive determiner.
    Possessive,
    /// First person inside a quotation.
    Speaker,
    /// A sector of a country's population ("Kenyan students").
    Sector,
}

/// An actor mention: a token range and what it resolved to.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Resolved entities (several for plural pronouns).
    pub ents: Vec<usize>,
    /// How it was found.
    pub kind: MentionKind,
    /// Explanation of the resolution.
    pub how: String,
    /// Grammatical plural.
    pub plural: bool,
    /// Gender (pronouns, role nouns, articles).
    pub gender: Option<Gender>,
    /// For a place used as a location (after "à", "in"), not as an actor.
    pub locative: bool,
    /// The role a role description names ("a Kremlin spokesman":
    /// `spokesperson`; "the Russian president": `head_of_state`): kept for
    /// the statements attributed to it.
    pub role: Option<&'static str>,
}

/// The stages of extraction, in the order they run on each trigger; the
/// trace of `explain` is grouped by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Actors in the text: gazetteer, roles by date, sectors, coreference.
    Mentions,
    /// Predicate cues: verbs, nouns and constructions with their lexicon entry.
    Triggers,
    /// Argument attachment: which mention is a trigger's subject and object.
    Frames,
    /// Polarity, modality, attribution, and whether a clause is asserted.
    Qualify,
    /// Frames made into statements (coordination, reciprocity, PLOVER type).
    Statements,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 5] = [
        Stage::Mentions,
        Stage::Triggers,
        Stage::Frames,
        Stage::Qualify,
        Stage::Statements,
    ];

    /// The stage's name, as `explain` heads its section.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Mentions => "mentions",
            Stage::Triggers => "triggers",
            Stage::Frames => "frames",
            Stage::Qualify => "qualify",
            Stage::Statements => "statements",
        }
    }
}

/// A document prepared for extraction.
pub struct Prepared<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its language.
    pub lang: Lang,
    /// Tokens.
    pub tokens: Vec<Token>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Over-long sentences that were split ([`text::MAX_SENTENCE_TOKENS`]).
    pub splits: Vec<text::Split>,
    /// Knowledge.
    pub k: &'a Knowledge,
    /// Entities seen in this document.
    pub ents: Vec<DocEntity>,
    /// Mentions, sorted by position.
    pub mentions: Vec<Mention>,
    /// Structural statements found while reading mentions (roles, membership).
    pub structural: Vec<Statement>,
    /// Named role holders whose affiliation is a possessive determiner
    /// ("son ambassadeur, Sylvain Itté"): settled once pronouns resolve.
    pub possessed: Vec<mentions::roles::Possessed>,
    /// Trace lines for `explain`, each with the stage that wrote it.
    pub trace: Vec<(Stage, String)>,
    /// Whether to record trace lines and mention explanations (`explain`);
    /// off for extraction, where formatting them cost a tenth of the time.
    pub explain: bool,
    /// Folded tokens joined by spaces, with a leading space: the gazetteer's
    /// haystack, and phrase keys as slices of it (no allocation per look-up).
    pub hay: String,
    /// Offset in `hay` of each token.
    pub hay_starts: Vec<usize>,
    /// No mention is longer than this many tokens (kept up to date by the
    /// stages that make or lengthen mentions): bounds the position look-ups
    /// of [`lookup`].
    pub span_bound: usize,
    /// The strings that statements share (see [`Shared`]).
    shared: Shared,
}

/// Strings shared by the statements of one document instead of copied into
/// each: a dense document makes many statements per sentence and per actor,
/// and copies of the same sentence and entity dominated its peak memory.
#[derive(Default)]
struct Shared {
    doc: Option<Arc<str>>,
    date: Option<Arc<str>>,
    sentences: RefCell<FxHashMap<usize, Arc<str>>>,
    entities: RefCell<FxHashMap<usize, Arc<Entity>>>,
}

impl Prepared<'_> {
    /// Surface text of tokens `a..b`.
    pub fn surface(&self, a: usize, b: usize) -> &str {
        if a >= b {
            return "";
        }
        &self.doc.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    /// Folded tokens `a..b` joined by single spaces, borrowed ("" when empty).
    pub fn joined(&self, a: usize, b: usize) -> &str {
        let b = b.min(self.tokens.len());
        if a >= b {
            return "";
        }
        &self.hay[self.hay_starts[a]..self.hay_starts[b - 1] + self.tokens[b - 1].norm.len()]
    }

    /// Folded tokens `a..b` with a space before and after each (" " when empty):
    /// `" {phrase} "` is contained exactly when the phrase occurs as whole words.
    pub fn spaced(&self, a: usize, b: usize) -> &str {
        let b = b.min(self.tokens.len());
        if a >= b {
            return " ";
        }
        &self.hay
            [self.hay_starts[a] - 1..self.hay_starts[b - 1] + self.tokens[b - 1].norm.len() + 1]
    }

    /// An explanation for `explain`; not formatted otherwise.
    pub fn why(&self, text: impl FnOnce() -> String) -> String {
        if self.explain { text() } else { String::new() }
    }

    /// Records a trace line of `stage` for `explain`; not formatted otherwise.
    pub fn note(&mut self, stage: Stage, line: impl FnOnce(&Self) -> String) {
        if self.explain {
            let line = line(self);
            self.trace.push((stage, line));
        }
    }

    /// Folded token at `i` ("" past the end).
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    /// The statement-contract entity of a document entity, shared with the
    /// earlier statements about it while it is unchanged.
    pub fn entity_json(&self, e: usize) -> Arc<Entity> {
        let fresh = self.entity_of(e);
        let mut cache = self.shared.entities.borrow_mut();
        match cache.get(&e) {
            // A later stage may have changed the entity (its label, role):
            // the cache never hides a change.
            Some(known) if **known == fresh => known.clone(),
            _ => {
                let made = Arc::new(fresh);
                cache.insert(e, made.clone());
                made
            }
        }
    }

    /// The document id, shared by its statements.
    pub fn doc_id(&self) -> Arc<str> {
        self.shared.doc.clone().expect("set when prepared")
    }

    /// The document date, shared by its statements.
    pub fn doc_date(&self) -> Option<Arc<str>> {
        self.shared.date.clone()
    }

    /// The text of sentence `s`, shared by its statements.
    pub fn sentence_text(&self, s: usize) -> Arc<str> {
        self.shared
            .sentences
            .borrow_mut()
            .entry(s)
            .or_insert_with(|| {
                let sent = &self.sentences[s];
                Arc::from(&self.doc.text[sent.start..sent.end])
            })
            .clone()
    }

    fn entity_of(&self, e: usize) -> Entity {
        let d = &self.ents[e];
        let kbe = d.kb.map(|i| &self.k.kb.entities[i]);
        let country = d.iso3.clone().or_else(|| {
            d.kb.and_then(|i| self.k.kb.country_of(i))
                .and_then(|c| self.k.kb.entities[c].iso3.clone())
        });
        Entity {
            id: crate::rdf::entity_iri(&d.local),
            label: d.label.clone(),
            etype: d.etype.name().to_string(),
            wikidata: kbe.and_then(|e| e.wikidata.clone()),
            country,
            cameo: d
                .cameo
                .clone()
                .or_else(|| kbe.and_then(|e| e.cameo.clone())),
        }
    }

    /// Longest lexicon phrase starting at token `i` and ending before `end`
    /// that `pick` accepts: (end token, picked index).
    pub fn phrase_at(
        &self,
        i: usize,
        end: usize,
        pick: impl Fn(&Trigger) -> Option<usize>,
    ) -> Option<(usize, usize)> {
        if i >= end
            || !self.k.lex.phrase_starts[self.lang.idx()].contains(self.tokens[i].norm.as_str())
        {
            return None;
        }
        let max = self.k.lex.max_phrase.min(end.saturating_sub(i));
        (1..=max).rev().find_map(|n| {
            let trigs = self.k.lex.phrase(self.lang, self.joined(i, i + n))?;
            trigs.iter().find_map(&pick).map(|x| (i + n, x))
        })
    }

    /// Longest nominal predicate starting at token `i` (before `end`): (end,
    /// noun index). Nouns of links (`governed` entries: "flights", "ties")
    /// name no event of their own, so they end no object zone and name no
    /// act told before; only [`Prepared::trigger_noun_at`] finds them.
    pub fn noun_at(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        self.phrase_at(i, end, |t| match t {
            Trigger::Noun(n) if !self.k.lex.nouns[*n].governed => Some(*n),
            _ => None,
        })
    }

    /// Longest noun of the lexicon starting at token `i` (before `end`),
    /// links included: the nouns that may trigger a rule.
    pub fn trigger_noun_at(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        self.phrase_at(i, end, |t| match t {
            Trigger::Noun(n) => Some(*n),
            _ => None,
        })
    }

    /// The document entity of the state place entity `e` belongs to (the
    /// mention stage makes one for every place mention's state).
    pub(crate) fn state_of_place(&self, e: usize) -> Option<usize> {
        if self.ents[e].etype != EntityType::Place {
            return None;
        }
        let state = self.k.kb.country_of(self.ents[e].kb?)?;
        self.ents.iter().position(|x| x.kb == Some(state))
    }

    /// Index of the sentence containing token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.last <= t)
    }
}

/// Extracts statements from one document.
pub fn extract(k: &Knowledge, doc: &Document) -> Vec<Statement> {
    run(k, doc, false).1
}

/// Extracts statements and counts the document's sentences.
pub fn extract_counted(k: &Knowledge, doc: &Document) -> (Vec<Statement>, usize) {
    let (p, st) = run(k, doc, false);
    (st, p.sentences.len())
}

/// What extraction made of one document, with notes on its input.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The statements.
    pub statements: Vec<Statement>,
    /// How many sentences the document has.
    pub sentences: usize,
    /// Notes for the user, such as over-long sentences that were split
    /// ("sentence at byte 120 split: longer than 500 tokens (2300 tokens)").
    pub notes: Vec<String>,
}

/// Extracts statements, counts sentences and reports notes on the input.
pub fn extract_noted(k: &Knowledge, doc: &Document) -> Extraction {
    let (p, statements) = run(k, doc, false);
    Extraction {
        statements,
        sentences: p.sentences.len(),
        notes: p.splits.iter().map(ToString::to_string).collect(),
    }
}

/// Extracts statements and returns the prepared document with its trace
/// and mention explanations (for `explain`).
pub fn analyse<'a>(k: &'a Knowledge, doc: &'a Document) -> (Prepared<'a>, Vec<Statement>) {
    run(k, doc, true)
}

fn run<'a>(k: &'a Knowledge, doc: &'a Document, explain: bool) -> (Prepared<'a>, Vec<Statement>) {
    let lang = doc.lang.unwrap_or_else(|| text::detect_lang(&doc.text));
    let tokens = text::tokenize(&doc.text);
    let (sentences, splits) =
        text::sentences_bounded(&doc.text, &tokens, text::MAX_SENTENCE_TOKENS);
    let mut hay = String::with_capacity(doc.text.len() + 2);
    hay.push(' ');
    let mut hay_starts = Vec::with_capacity(tokens.len());
    for t in &tokens {
        hay_starts.push(hay.len());
        hay.push_str(&t.norm);
        hay.push(' ');
    }
    let mut p = Prepared {
        doc,
        lang,
        tokens,
        sentences,
        splits,
        k,
        ents: Vec::new(),
        mentions: Vec::new(),
        structural: Vec::new(),
        possessed: Vec::new(),
        trace: Vec::new(),
        explain,
        hay,
        hay_starts,
        span_bound: 0,
        shared: Shared {
            doc: Some(Arc::from(doc.id.as_str())),
            date: doc.date.as_deref().map(Arc::from),
            ..Shared::default()
        },
    };
    mentions::find(&mut p);
    let mut out = std::mem::take(&mut p.structural);
    out.extend(relations::find(&mut p));
    dedup(&mut out);
    (p, out)
}

/// Keeps the statements whose flag is true (flags decided first, since
/// their keys borrow the statements).
fn retain_flagged(out: &mut Vec<Statement>, keep: Vec<bool>) {
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(false));
}

/// Removes repeated statements (same sentence, subject, predicate, object,
/// polarity), keeping the first, and one-actor statements whose act the
/// sentence also gives with a target: the same predicate ("began a hunger
/// strike to protest against X": the protest against X) or the same PLOVER
/// event ("promised to send aid to X": the pledge is the future aid to X).
fn dedup(out: &mut Vec<Statement>) {
    if out.iter().any(|s| s.object.is_none()) {
        let keep: Vec<bool> = {
            fn act(s: &Statement) -> (usize, &str, Predicate, Polarity) {
                (
                    s.sentence_index,
                    s.subject.id.as_str(),
                    s.predicate,
                    s.polarity,
                )
            }
            fn event(s: &Statement) -> Option<(usize, &str, &'static str, Polarity)> {
                let plover = s.plover?;
                Some((s.sentence_index, s.subject.id.as_str(), plover, s.polarity))
            }
            let targeted: rustc_hash::FxHashSet<_> =
                out.iter().filter(|s| s.object.is_some()).map(act).collect();
            let events: rustc_hash::FxHashSet<_> = out
                .iter()
                .filter(|s| s.object.is_some())
                .filter_map(event)
                .collect();
            out.iter()
                .map(|s| {
                    s.object.is_some()
                        || !(targeted.contains(&act(s))
                            || event(s).is_some_and(|e| events.contains(&e)))
                })
                .collect()
        };
        retain_flagged(out, keep);
    }
    // "X and Y signed an agreement": the signed agreement (rule SIGNED+…,
    // PLOVER SUPPORT) is the event; the signing verb's own reading (X
    // supports Y) would count it twice.
    if out.iter().any(|s| s.rule.starts_with("SIGNED+")) {
        let keep: Vec<bool> = {
            let signed: rustc_hash::FxHashSet<_> = out
                .iter()
                .filter(|s| s.rule.starts_with("SIGNED+"))
                .filter_map(|s| {
                    let o = s.object.as_ref()?;
                    Some((
                        s.sentence_index,
                        s.subject.id.as_str(),
                        o.id.as_str(),
                        s.polarity,
                    ))
                })
                .collect();
            out.iter()
                .map(|s| {
                    let Some(o) = s.object.as_ref() else {
                        return true;
                    };
                    let (a, b) = (s.subject.id.as_str(), o.id.as_str());
                    s.predicate != Predicate::Supports
                        || !(signed.contains(&(s.sentence_index, a, b, s.polarity))
                            || signed.contains(&(s.sentence_index, b, a, s.polarity)))
                })
                .collect()
        };
        retain_flagged(out, keep);
    }
    // Keys borrow the statements (no copies of the ids), so decide first.
    let keep: Vec<bool> = {
        let mut seen = rustc_hash::FxHashSet::default();
        out.iter()
            .map(|s| {
                seen.insert((
                    s.sentence_index,
                    s.subject.id.as_str(),
                    s.predicate,
                    s.object.as_ref().map(|o| o.id.as_str()),
                    s.polarity,
                ))
            })
            .collect()
    };
    retain_flagged(out, keep);
    out.sort_by_key(|s| (s.sentence_index, s.span.0));
}
