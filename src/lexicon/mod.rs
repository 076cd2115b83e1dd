//! Loading and validating the knowledge files: the actor knowledge base
//! (`ontology/kb/`) and the predicate lexicon (`ontology/lexicon/`).
//!
//! The default files are compiled into the binary so that `actorgraph` runs
//! from any directory; `--kb FILE` and `--lexicon FILE` add or override
//! entries (a line whose id already exists replaces it).

pub mod cameo;
pub mod inflect;
pub mod kb;
pub mod sectors;
pub mod tsv;
pub mod words;

use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::{Error, Result};
pub use kb::{Alias, AliasKind, CaseRule, Entity, EntityType, Gender, Kb, RoleSpell};
use tsv::Table;
pub use words::{Lexicon, NounEntry, RoleNoun, Trigger, VerbEntry};

/// The default knowledge files, embedded at build time: (name, contents).
pub const DEFAULT_KB: &[(&str, &str)] = &[
    (
        "ontology/kb/countries.tsv",
        include_str!("../../ontology/kb/countries.tsv"),
    ),
    (
        "ontology/kb/places.tsv",
        include_str!("../../ontology/kb/places.tsv"),
    ),
    (
        "ontology/kb/organizations.tsv",
        include_str!("../../ontology/kb/organizations.tsv"),
    ),
    (
        "ontology/kb/people.tsv",
        include_str!("../../ontology/kb/people.tsv"),
    ),
    (
        "ontology/kb/roles.tsv",
        include_str!("../../ontology/kb/roles.tsv"),
    ),
];

/// The default lexicon files, embedded at build time.
pub const DEFAULT_LEXICON: &[(&str, &str)] = &[
    (
        "ontology/lexicon/cues.tsv",
        include_str!("../../ontology/lexicon/cues.tsv"),
    ),
    (
        "ontology/lexicon/verbs.tsv",
        include_str!("../../ontology/lexicon/verbs.tsv"),
    ),
    (
        "ontology/lexicon/nouns.tsv",
        include_str!("../../ontology/lexicon/nouns.tsv"),
    ),
    (
        "ontology/lexicon/roles.tsv",
        include_str!("../../ontology/lexicon/roles.tsv"),
    ),
    (
        "ontology/lexicon/sectors.tsv",
        include_str!("../../ontology/lexicon/sectors.tsv"),
    ),
];

/// Everything the extractor knows: entities, lexicon, and the compiled
/// gazetteer automaton.
#[derive(Debug, Clone)]
pub struct Knowledge {
    /// Actor knowledge base.
    pub kb: Kb,
    /// Predicate lexicon and cues.
    pub lex: Lexicon,
    /// Automaton over `" key "` for every alias (index = alias index).
    pub gazetteer: AhoCorasick,
}

impl Knowledge {
    /// The embedded defaults.
    pub fn default_knowledge() -> Result<Knowledge> {
        Knowledge::load(&[], &[])
    }

    /// The embedded defaults plus user files.
    pub fn load(kb_files: &[&Path], lexicon_files: &[&Path]) -> Result<Knowledge> {
        let mut kb_tables = Vec::new();
        for (name, text) in DEFAULT_KB {
            kb_tables.push(Table::parse(name, text)?);
        }
        for p in kb_files {
            kb_tables.push(read_table(p)?);
        }
        let mut lex_tables = Vec::new();
        for (name, text) in DEFAULT_LEXICON {
            lex_tables.push(Table::parse(name, text)?);
        }
        for p in lexicon_files {
            lex_tables.push(read_table(p)?);
        }
        Knowledge::from_tables(&kb_tables, &lex_tables)
    }

    /// Builds from parsed tables.
    pub fn from_tables(kb_tables: &[Table], lex_tables: &[Table]) -> Result<Knowledge> {
        let kb = Kb::load(kb_tables)?;
        let lex = Lexicon::load(lex_tables)?;
        let gazetteer = build_gazetteer(&kb)?;
        Ok(Knowledge { kb, lex, gazetteer })
    }
}

/// Compiles the alias automaton.
pub fn build_gazetteer(kb: &Kb) -> Result<AhoCorasick> {
    let patterns: Vec<String> = kb.aliases.iter().map(|a| format!(" {} ", a.key)).collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .map_err(|e| {
            Error::knowledge(
                "knowledge base",
                0,
                format!("cannot build the gazetteer: {e}"),
            )
        })
}

fn read_table(path: &Path) -> Result<Table> {
    let text = crate::input::read_utf8(path)?;
    Table::parse(&path.display().to_string(), &text)
}
