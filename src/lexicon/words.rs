//! The predicate lexicon: verbs, nominal predicates, role nouns and function
//! word cues, loaded from `ontology/lexicon/*.tsv`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::inflect::{self, Tense};
use super::kb::{EntityType, Gender, alias_key};
use super::tsv::{Table, list};
use crate::error::{Error, Result};
use crate::predicate::Predicate;
use crate::text::Lang;

/// A verb entry: a lemma and its frame.
#[derive(Debug, Clone)]
pub struct VerbEntry {
    /// Rule id shown in the output.
    pub id: String,
    /// Language.
    pub lang: Lang,
    /// Lemma as written.
    pub lemma: String,
    /// Predicate produced.
    pub predicate: Predicate,
    /// Object markers (folded, tokenized); empty vec = direct object.
    pub object: Vec<Vec<String>>,
    /// Whether a direct object is allowed.
    pub direct: bool,
    /// Allowed object types (`None`: any).
    pub types: Option<Vec<EntityType>>,
    /// Symmetric relation.
    pub sym: bool,
    /// Grammatical subject is the target.
    pub inverse: bool,
    /// The act is an event even with no target (`alone` flag): "X resigned",
    /// "protesters marched", "troops withdrew" make a one-actor statement.
    pub alone: bool,
    /// PLOVER type of the act when it is not the predicate's (`plover=` flag:
    /// torture is ASSAULT, an apology SUPPORT, lifting sanctions RETREAT).
    pub plover: Option<&'static str>,
    /// Needs a reflexive clitic (French pronominal verbs).
    pub pronominal: bool,
    /// Clitics required before the verb besides the reflexive ("en", "y").
    pub clitics: Vec<String>,
    /// Fixed words after the inflected head.
    pub rest: Vec<String>,
    /// A complement the reading needs after its object (`needs=à` flag:
    /// "appeler X à la retenue" is a demand; without it, "appeler X" is a
    /// phone call, the next entry of the same verb).
    pub needs: Vec<Vec<String>>,
    /// Cue kinds one of whose nouns the direct object must have (`thing=`
    /// flag: "sent tanks to X" aids X, "sent a letter to X" does not; the
    /// next entry of the same verb is tried otherwise).
    pub things: Vec<String>,
}

/// A nominal predicate.
#[derive(Debug, Clone)]
pub struct NounEntry {
    /// Rule id.
    pub id: String,
    /// Language.
    pub lang: Lang,
    /// Predicate produced.
    pub predicate: Predicate,
    /// Agent markers after the noun.
    pub agent: Vec<Vec<String>>,
    /// Patient markers after the noun.
    pub patient: Vec<Vec<String>>,
    /// Allowed target types.
    pub types: Option<Vec<EntityType>>,
    /// Symmetric relation.
    pub sym: bool,
    /// The act is an event even with no target (`alone` flag): "X declared
    /// a ceasefire", "X launched an offensive".
    pub alone: bool,
    /// The noun names links between actors that make no event of their own,
    /// only under a verb or noun that halts, closes or reopens them
    /// (`governed` flag): "suspended flights to X", "the suspension of rail
    /// links with X", "reopened its border with X".
    pub governed: bool,
    /// PLOVER type when it is not the predicate's (`plover=` flag).
    pub plover: Option<&'static str>,
}

/// A role noun ("président", "spokesperson").
#[derive(Debug, Clone)]
pub struct RoleNoun {
    /// Rule id.
    pub id: String,
    /// Language.
    pub lang: Lang,
    /// Knowledge-base role kind, `official` or `counterpart`.
    pub role: String,
    /// `leaderOf` or `memberOf`.
    pub relation: Predicate,
    /// Gender of the form, when marked.
    pub gender: Option<Gender>,
    /// Whether this form is plural.
    pub plural: bool,
}

/// Where a trigger form leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Verb entry index and the form's tense.
    Verb(usize, Tense),
    /// Noun entry index.
    Noun(usize),
    /// Role noun index.
    Role(usize),
}

/// The whole lexicon.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Verb entries.
    pub verbs: Vec<VerbEntry>,
    /// Noun entries.
    pub nouns: Vec<NounEntry>,
    /// Role nouns.
    pub roles: Vec<RoleNoun>,
    /// Multi-token phrases (nouns, role nouns) by folded key.
    pub phrases: [HashMap<String, Vec<Trigger>>; 2],
    /// Longest phrase length in tokens.
    pub max_phrase: usize,
    /// Single-token verb heads by folded form.
    pub verb_forms: [HashMap<String, Vec<Trigger>>; 2],
    /// Cue word sets by language index, then kind.
    pub cues: [HashMap<String, HashSet<String>>; 2],
    /// Inflected forms of cue verbs (speech, refusal, future...) by language index, then kind.
    pub cue_verbs: [HashMap<String, HashSet<String>>; 2],
    /// The forms of `cue_verbs` that only a French pronominal lemma gives
    /// ("engagé" of `s'engager`): they need a reflexive clitic before them.
    pub cue_reflexive_only: [HashMap<String, HashSet<String>>; 2],
    /// Cue phrases by language index and kind, longest first (computed once).
    pub cue_sorted: [HashMap<String, Vec<String>>; 2],
    /// First tokens of every phrase, by language index: most tokens start none.
    pub phrase_starts: [HashSet<String>; 2],
    /// Sector nouns (students, protesters...).
    pub sectors: super::sectors::Sectors,
}

const VERBS: &[&str] = &[
    "id",
    "lang",
    "lemma",
    "predicate",
    "object",
    "types",
    "flags",
    "forms",
];
const NOUNS: &[&str] = &[
    "id",
    "lang",
    "nouns",
    "predicate",
    "agent",
    "patient",
    "types",
    "flags",
];
const ROLES: &[&str] = &["id", "lang", "forms", "role", "relation", "gender"];
const CUES: &[&str] = &["lang", "kind", "forms"];
/// The cue kinds of personal pronouns, possessives and first-person
/// speakers, which coreference reads together.
pub const PRONOUN_KINDS: &[&str] = &[
    "pronoun_m",
    "pronoun_f",
    "pronoun_pl",
    "possessive_sg",
    "possessive_pl",
    "speaker",
];

/// Whether `kind` is a cue kind of cues.tsv.
fn is_cue_kind(kind: &str) -> bool {
    CUE_KINDS.contains(&kind) || PRONOUN_KINDS.contains(&kind)
}

const CUE_KINDS: &[&str] = &[
    "pair",
    "pair_person",
    "pair_actor",
    "materiel",
    "stance",
    "postpone",
    "pair_state",
    "negation_pre",
    "negation_post",
    "negation",
    "restrictive",
    "refusal",
    "future",
    "possible",
    "reported",
    "hypothetical",
    "speech",
    "according",
    "content",
    "suffer",
    "subordinator",
    "relative_subject",
    "relative_object",
    "aux_have",
    "aux_be",
    "reflexive",
    "article",
    "locative",
    "spatial",
    "addressee",
    "coordinator",
    "obligation",
    "halt",
    "lift",
    "sign",
    "utterance",
    "entitlement",
    "envoy",
    "blame",
    "session",
    "receive",
    "verdict_negative",
    "verdict_positive",
    "compound_head",
    "org_head",
    "possible_adjective",
    "future_adjective",
    "pledge",
    "relational",
    "treaty",
    "reciprocal",
    "facility",
    "existing",
    "evaluate",
    "act_noun",
    "prenominal",
    "also",
    "naming",
    "group_anaphor",
    "state_anaphor",
    "quantity",
    "any_determiner",
    "contrast",
    "companion",
    "departure",
    "all_parties",
    "halt_noun",
    "remark",
    "end_noun",
    "jointly",
    "mediated",
    "talks",
    "joint",
    "joint_activity",
    "office_noun",
    "object_control",
    "close",
    "reopen",
    "membership",
    "prepare",
    "order",
    "leave",
    "troops",
    "protest_note",
    "vow",
    "retaliation",
];
/// Cue kinds whose forms are verb lemmas to inflect.
const VERB_CUES: &[&str] = &[
    "speech",
    "postpone",
    "mediated",
    "protest_note",
    "refusal",
    "future",
    "possible",
    "halt",
    "lift",
    "sign",
    "pledge",
    "existing",
    "evaluate",
    "object_control",
    "close",
    "reopen",
    "prepare",
    "order",
    "leave",
    "vow",
];

pub(crate) fn parse_lang(t: &Table, row: &super::tsv::Row, s: &str) -> Result<Lang> {
    match s {
        "fr" => Ok(Lang::Fr),
        "en" => Ok(Lang::En),
        _ => Err(t.err(row, format!("language must be fr or en, not `{s}`"))),
    }
}

fn parse_types(t: &Table, row: &super::tsv::Row, s: &str) -> Result<Option<Vec<EntityType>>> {
    if s == "*" || s.is_empty() || s == "-" {
        return Ok(None);
    }
    list(s)
        .iter()
        .map(|x| {
            EntityType::parse(x).ok_or_else(|| t.err(row, format!("unknown entity type `{x}`")))
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

fn markers(s: &str) -> Vec<Vec<String>> {
    list(s)
        .iter()
        .map(|m| alias_key(m).split(' ').map(str::to_string).collect())
        .collect()
}

/// The `flags` field of a verb or noun line: `sym`, `inverse`, `alone`,
/// `plover=TYPE` (a PLOVER 2.0 event type, validated here), for verbs
/// `needs=MARKER` (a complement after the object) and for nouns `governed`.
fn parse_flags(
    t: &Table,
    row: &super::tsv::Row,
    field: &str,
) -> Result<(Vec<String>, Option<&'static str>)> {
    let flags = list(&field.replace(',', "|"));
    let mut plover = None;
    for fl in &flags {
        if let Some(ty) = fl.strip_prefix("plover=") {
            plover =
                Some(crate::predicate::plover_type(ty).ok_or_else(|| {
                    t.err(row, format!("unknown PLOVER type `{ty}` in flag `{fl}`"))
                })?);
        } else if let Some(kind) = fl.strip_prefix("thing=") {
            if !is_cue_kind(kind) {
                return Err(t.err(row, format!("unknown cue kind `{kind}` in flag `{fl}`")));
            }
        } else if !(matches!(fl.as_str(), "sym" | "inverse" | "alone" | "governed")
            || fl.strip_prefix("needs=").is_some_and(|m| !m.is_empty()))
        {
            return Err(t.err(
                row,
                format!(
                    "unknown flag `{fl}` (sym, inverse, alone, governed, plover=TYPE, needs=MARKER, thing=CUE_KIND)"
                ),
            ));
        }
    }
    Ok((flags, plover))
}

/// A lexicon row id: no blanks, not seen before in `seen`.
pub(crate) fn check_id(
    t: &Table,
    row: &super::tsv::Row,
    id: &str,
    seen: &mut HashSet<String>,
) -> Result<()> {
    if id.is_empty() || id.contains(char::is_whitespace) {
        return Err(t.err(row, format!("invalid id `{id}`")));
    }
    if !seen.insert(id.to_string()) {
        return Err(t.err(row, format!("duplicate id `{id}`")));
    }
    Ok(())
}

impl Lexicon {
    /// Loads lexicon tables (any order; each header says what it holds).
    pub fn load(tables: &[Table]) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        for t in tables {
            if t.has_header(VERBS) {
                lex.load_verbs(t)?;
            } else if t.has_header(NOUNS) {
                lex.load_nouns(t)?;
            } else if t.has_header(ROLES) {
                lex.load_roles(t)?;
            } else if t.has_header(CUES) {
                lex.load_cues(t)?;
            } else if t.has_header(super::sectors::SECTORS) {
                lex.sectors.load(t)?;
            } else {
                return Err(Error::knowledge(
                    &t.file,
                    0,
                    format!("unknown lexicon table header `{}`", t.header.join(" ")),
                ));
            }
        }
        lex.sort_cues();
        Ok(lex)
    }

    fn load_verbs(&mut self, t: &Table) -> Result<()> {
        let mut seen: HashSet<String> = self.verbs.iter().map(|v| v.id.clone()).collect();
        for row in &t.rows {
            let f = &row.fields;
            // A user line with an existing id replaces it.
            if let Some(pos) = self.verbs.iter().position(|v| v.id == f[0]) {
                self.remove_verb(pos);
                seen.remove(&f[0]);
            }
            check_id(t, row, &f[0], &mut seen)?;
            let lang = parse_lang(t, row, &f[1])?;
            let predicate = Predicate::parse(&f[3])
                .ok_or_else(|| t.err(row, format!("unknown predicate `{}`", f[3])))?;
            let types = parse_types(t, row, &f[5])?;
            let (flags, plover) = parse_flags(t, row, &f[6])?;
            let mut words: Vec<String> = alias_key(&f[2])
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if words.is_empty() {
                return Err(t.err(row, "empty lemma"));
            }
            let mut pronominal = false;
            let mut clitics = Vec::new();
            if lang == Lang::Fr && matches!(words[0].as_str(), "se" | "s'") {
                pronominal = true;
                words.remove(0);
            }
            while lang == Lang::Fr && words.len() > 1 && matches!(words[0].as_str(), "en" | "y") {
                clitics.push(words.remove(0));
            }
            let head = words.remove(0);
            let obj_field = f[4].as_str();
            let direct = obj_field == "-"
                || obj_field.is_empty()
                || list(obj_field).iter().any(|m| m == "-");
            let object: Vec<Vec<String>> = markers(obj_field)
                .into_iter()
                .filter(|m| m != &vec!["-".to_string()])
                .collect();
            let extra = list(&f[7]);
            let forms = match lang {
                Lang::Fr => {
                    let mut forms = inflect::french(&head);
                    forms.extend(extra.iter().map(|x| (crate::text::fold(x), Tense::Present)));
                    forms
                }
                Lang::En => {
                    let mut irr: Vec<String> = inflect::english_irregular(&head)
                        .iter()
                        .map(|s| s.to_string())
                        .collect();
                    irr.extend(extra);
                    let mut forms = inflect::english(&head, &irr);
                    if inflect::english_is_irregular(&head) && irr.is_empty() {
                        forms.push((head.clone(), Tense::Past));
                        forms.push((head.clone(), Tense::Participle));
                    }
                    forms
                }
            };
            let idx = self.verbs.len();
            self.verbs.push(VerbEntry {
                id: f[0].clone(),
                lang,
                lemma: f[2].clone(),
                predicate,
                object,
                direct,
                types,
                sym: flags.iter().any(|x| x == "sym") || predicate.symmetric(),
                inverse: flags.iter().any(|x| x == "inverse"),
                alone: flags.iter().any(|x| x == "alone"),
                plover,
                pronominal,
                clitics,
                rest: words,
                needs: flags
                    .iter()
                    .filter_map(|x| x.strip_prefix("needs="))
                    .flat_map(markers)
                    .collect(),
                things: flags
                    .iter()
                    .filter_map(|x| x.strip_prefix("thing="))
                    .map(str::to_string)
                    .collect(),
            });
            for (form, tense) in forms {
                let e = self.verb_forms[lang.idx()].entry(form).or_default();
                if !e.contains(&Trigger::Verb(idx, tense)) {
                    e.push(Trigger::Verb(idx, tense));
                }
            }
        }
        Ok(())
    }

    fn remove_verb(&mut self, pos: usize) {
        // Keep indices stable: neutralise the old entry's forms.
        for v in self.verb_forms.iter_mut().flat_map(|m| m.values_mut()) {
            v.retain(|t| !matches!(t, Trigger::Verb(i, _) if *i == pos));
        }
    }

    fn load_nouns(&mut self, t: &Table) -> Result<()> {
        let mut seen: HashSet<String> = self.nouns.iter().map(|v| v.id.clone()).collect();
        for row in &t.rows {
            let f = &row.fields;
            if let Some(pos) = self.nouns.iter().position(|v| v.id == f[0]) {
                for v in self.phrases.iter_mut().flat_map(|m| m.values_mut()) {
                    v.retain(|t| *t != Trigger::Noun(pos));
                }
                seen.remove(&f[0]);
            }
            check_id(t, row, &f[0], &mut seen)?;
            let lang = parse_lang(t, row, &f[1])?;
            let predicate = Predicate::parse(&f[3])
                .ok_or_else(|| t.err(row, format!("unknown predicate `{}`", f[3])))?;
            let types = parse_types(t, row, &f[6])?;
            let (flags, plover) = parse_flags(t, row, &f[7])?;
            let forms = list(&f[2]);
            if forms.is_empty() {
                return Err(t.err(row, "no noun forms"));
            }
            let idx = self.nouns.len();
            self.nouns.push(NounEntry {
                id: f[0].clone(),
                lang,
                predicate,
                agent: markers(&f[4]),
                patient: markers(&f[5]),
                types,
                sym: flags.iter().any(|x| x == "sym") || predicate.symmetric(),
                alone: flags.iter().any(|x| x == "alone"),
                governed: flags.iter().any(|x| x == "governed"),
                plover,
            });
            for form in forms {
                self.add_phrase(lang, &form, Trigger::Noun(idx));
            }
        }
        Ok(())
    }

    fn load_roles(&mut self, t: &Table) -> Result<()> {
        let mut seen: HashSet<String> = self.roles.iter().map(|v| v.id.clone()).collect();
        for row in &t.rows {
            let f = &row.fields;
            check_id(t, row, &f[0], &mut seen)?;
            let lang = parse_lang(t, row, &f[1])?;
            let role = f[3].clone();
            if !(super::kb::role_kind(&role).is_some() || role == "counterpart") {
                return Err(t.err(row, format!("unknown role `{role}`")));
            }
            let relation = match f[4].as_str() {
                "leaderOf" => Predicate::LeaderOf,
                "memberOf" => Predicate::MemberOf,
                r => {
                    return Err(t.err(
                        row,
                        format!("relation must be leaderOf or memberOf, not `{r}`"),
                    ));
                }
            };
            let gender = match f[5].as_str() {
                "m" => Some(Gender::M),
                "f" => Some(Gender::F),
                "-" | "" => None,
                g => return Err(t.err(row, format!("gender must be m, f or -, not `{g}`"))),
            };
            let forms = list(&f[2]);
            for (k, form) in forms.iter().enumerate() {
                let plural = k > 0 && is_plural(form, &forms[0]);
                let idx = self.roles.len();
                self.roles.push(RoleNoun {
                    id: f[0].clone(),
                    lang,
                    role: role.clone(),
                    relation,
                    gender,
                    plural,
                });
                self.add_phrase(lang, form, Trigger::Role(idx));
            }
        }
        Ok(())
    }

    fn load_cues(&mut self, t: &Table) -> Result<()> {
        // Forms a non-pronominal lemma gives, by language and kind.
        let mut plain: HashMap<(usize, String), HashSet<String>> = HashMap::default();
        for row in &t.rows {
            let f = &row.fields;
            let lang = parse_lang(t, row, &f[0])?;
            if !is_cue_kind(&f[1]) {
                return Err(t.err(row, format!("unknown cue kind `{}`", f[1])));
            }
            let forms: Vec<String> = list(&f[2]).iter().map(|x| alias_key(x)).collect();
            if VERB_CUES.contains(&f[1].as_str()) {
                let set = self.cue_verbs[lang.idx()].entry(f[1].clone()).or_default();
                let reflexive = self.cue_reflexive_only[lang.idx()]
                    .entry(f[1].clone())
                    .or_default();
                let plain = plain.entry((lang.idx(), f[1].clone())).or_default();
                for form in &forms {
                    let mut words: Vec<&str> = form.split(' ').collect();
                    let pronominal =
                        lang == Lang::Fr && matches!(words[0], "s'" | "se") && words.len() > 1;
                    if pronominal {
                        words.remove(0);
                    }
                    let head = words[0];
                    let rest = words[1..].join(" ");
                    let inflected: Vec<String> = match lang {
                        Lang::Fr => inflect::french(head).into_iter().map(|x| x.0).collect(),
                        Lang::En => {
                            let irr: Vec<String> = inflect::english_irregular(head)
                                .iter()
                                .map(|s| s.to_string())
                                .collect();
                            let mut v: Vec<String> = inflect::english(head, &irr)
                                .into_iter()
                                .map(|x| x.0)
                                .collect();
                            if head == "say" {
                                v.push("said".into());
                            }
                            v
                        }
                    };
                    for x in inflected {
                        let x = if rest.is_empty() {
                            x
                        } else {
                            format!("{x} {rest}")
                        };
                        if pronominal {
                            reflexive.insert(x.clone());
                        } else {
                            plain.insert(x.clone());
                        }
                        set.insert(x);
                    }
                    set.insert(form.clone());
                }
            }
            self.cues[lang.idx()]
                .entry(f[1].clone())
                .or_default()
                .extend(forms);
        }
        for ((lang, kind), forms) in &plain {
            if let Some(reflexive) = self.cue_reflexive_only[*lang].get_mut(kind) {
                reflexive.retain(|x| !forms.contains(x));
            }
        }
        Ok(())
    }

    fn add_phrase(&mut self, lang: Lang, form: &str, trig: Trigger) {
        let key = alias_key(form);
        let n = key.split(' ').count();
        self.max_phrase = self.max_phrase.max(n);
        self.phrase_starts[lang.idx()]
            .insert(key.split(' ').next().unwrap_or_default().to_string());
        let e = self.phrases[lang.idx()].entry(key).or_default();
        if !e.contains(&trig) {
            e.push(trig);
        }
    }

    /// Verb triggers of a folded single-token form.
    pub fn verb(&self, lang: Lang, form: &str) -> Option<&[Trigger]> {
        self.verb_forms[lang.idx()].get(form).map(Vec::as_slice)
    }

    /// Whether folded `form` is a form of a verb entry of `predicate`.
    pub fn is_verb_of(&self, lang: Lang, form: &str, predicate: Predicate) -> bool {
        self.has_verb_entry(lang, form, |e| e.predicate == predicate)
    }

    /// Whether folded `form` is a form of a verb entry that `keep` accepts.
    pub fn has_verb_entry(
        &self,
        lang: Lang,
        form: &str,
        keep: impl Fn(&VerbEntry) -> bool,
    ) -> bool {
        self.verb(lang, form).is_some_and(|ts| {
            ts.iter()
                .any(|t| matches!(t, Trigger::Verb(v, _) if keep(&self.verbs[*v])))
        })
    }

    /// Triggers of a folded multi-token phrase (tokens joined by spaces).
    pub fn phrase(&self, lang: Lang, key: &str) -> Option<&[Trigger]> {
        self.phrases[lang.idx()].get(key).map(Vec::as_slice)
    }

    /// Whether folded `word` (or phrase) is a cue of `kind`.
    pub fn is(&self, lang: Lang, kind: &str, word: &str) -> bool {
        self.cues[lang.idx()]
            .get(kind)
            .is_some_and(|s| s.contains(word))
    }

    /// The words of cue `kind`, for a loop that tests every token of a
    /// sentence (one hash look-up per token instead of two).
    pub fn cue_set(&self, lang: Lang, kind: &str) -> Option<&HashSet<String>> {
        self.cues[lang.idx()].get(kind)
    }

    /// The inflected forms of the cue verbs of `kind`, as [`Lexicon::cue_set`].
    pub fn cue_verb_set(&self, lang: Lang, kind: &str) -> Option<&HashSet<String>> {
        self.cue_verbs[lang.idx()].get(kind)
    }

    /// Whether folded `word` is an inflected form of a cue verb of `kind`.
    pub fn is_verb(&self, lang: Lang, kind: &str, word: &str) -> bool {
        self.cue_verbs[lang.idx()]
            .get(kind)
            .is_some_and(|s| s.contains(word))
    }

    /// Whether folded `word`, a form of a cue verb of `kind`, comes only
    /// from a French pronominal lemma (and needs a reflexive clitic).
    pub fn is_reflexive_only(&self, lang: Lang, kind: &str, word: &str) -> bool {
        self.cue_reflexive_only[lang.idx()]
            .get(kind)
            .is_some_and(|s| s.contains(word))
    }

    /// Cue phrases of `kind`, longest first.
    pub fn phrases_of(&self, lang: Lang, kind: &str) -> &[String] {
        self.cue_sorted[lang.idx()]
            .get(kind)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Sorts every cue kind's phrases once, longest first.
    fn sort_cues(&mut self) {
        for l in 0..2 {
            self.cue_sorted[l] = self.cues[l]
                .iter()
                .map(|(kind, set)| {
                    let mut v: Vec<String> = set.iter().cloned().collect();
                    v.sort_by_key(|s| (std::cmp::Reverse(s.split(' ').count()), s.clone()));
                    (kind.clone(), v)
                })
                .collect();
        }
    }
}

fn is_plural(form: &str, first: &str) -> bool {
    let f = crate::text::fold(form);
    let s = crate::text::fold(first);
    f != s && (f.ends_with('s') || f.ends_with('x')) && !s.ends_with('s')
}
