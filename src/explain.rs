//! Human-readable explanations: how a sentence was read, and knowledge
//! base statistics.

use std::io::Write;

use crate::extract::{MentionKind, Stage, analyse};
use crate::lexicon::{EntityType, Knowledge};
use crate::text::{Document, Lang};

/// Writes the reading of `doc`: tokens, then each stage of extraction
/// (mentions, triggers, frames, qualifiers, statements) with its decisions.
pub fn write(k: &Knowledge, doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    let (p, statements) = analyse(k, doc);
    writeln!(out, "language: {}", p.lang.code())?;
    for (si, s) in p.sentences.iter().enumerate() {
        writeln!(out, "sentence {si}: {}", &doc.text[s.start..s.end])?;
        let toks: Vec<&str> = p.tokens[s.first..s.last]
            .iter()
            .map(|t| &doc.text[t.start..t.end])
            .collect();
        writeln!(out, "  tokens: {}", toks.join(" | "))?;
    }
    writeln!(out, "mentions:")?;
    for m in &p.mentions {
        if m.kind == MentionKind::Demonym && m.ents.is_empty() {
            continue;
        }
        let ents: Vec<&str> = m.ents.iter().map(|&e| p.ents[e].label.as_str()).collect();
        writeln!(
            out,
            "  \"{}\" [{:?}{}] -> {} ({})",
            p.surface(m.first, m.last),
            m.kind,
            if m.locative { ", location" } else { "" },
            if ents.is_empty() {
                "unresolved".to_string()
            } else {
                ents.join(", ")
            },
            m.how
        )?;
    }
    // The stages after mentions, in order, each with its trace lines.
    for stage in &Stage::ALL[1..] {
        writeln!(out, "{}:", stage.name())?;
        for (_, line) in p.trace.iter().filter(|(st, _)| st == stage) {
            writeln!(out, "  {line}")?;
        }
    }
    for st in &statements {
        writeln!(
            out,
            "  => {} {} {} [{}, {}{}] rule {}",
            st.subject.label,
            st.predicate,
            st.object
                .as_ref()
                .map_or("(no target)", |o| o.label.as_str()),
            st.polarity.as_str(),
            st.modality.as_str(),
            st.attributed_to
                .as_ref()
                .map(|a| format!(", according to {}", a.label))
                .unwrap_or_default(),
            st.rule
        )?;
    }
    if statements.is_empty() {
        writeln!(out, "  => (no statement)")?;
    }
    Ok(())
}

/// Writes counts of the knowledge base and lexicon.
pub fn kb_stats(k: &Knowledge, out: &mut dyn Write) -> std::io::Result<()> {
    let count = |t: EntityType| k.kb.entities.iter().filter(|e| e.etype == t).count();
    writeln!(out, "states: {}", count(EntityType::Country))?;
    writeln!(out, "places: {}", count(EntityType::Place))?;
    writeln!(out, "organizations: {}", count(EntityType::Organization))?;
    writeln!(out, "groups: {}", count(EntityType::Group))?;
    writeln!(out, "events: {}", count(EntityType::Event))?;
    writeln!(out, "people: {}", count(EntityType::Person))?;
    writeln!(out, "role periods: {}", k.kb.roles.len())?;
    writeln!(out, "aliases: {}", k.kb.aliases.len())?;
    for lang in [Lang::Fr, Lang::En] {
        let lemmas: std::collections::BTreeSet<&str> = k
            .lex
            .verbs
            .iter()
            .filter(|v| v.lang == lang)
            .map(|v| v.lemma.as_str())
            .collect();
        let nouns = k.lex.nouns.iter().filter(|n| n.lang == lang).count();
        let roles: std::collections::BTreeSet<&str> = k
            .lex
            .roles
            .iter()
            .filter(|r| r.lang == lang)
            .map(|r| r.id.as_str())
            .collect();
        let sectors = k
            .lex
            .sectors
            .entries
            .iter()
            .filter(|e| e.lang == lang)
            .count();
        writeln!(
            out,
            "{}: {} verb lemmas, {} noun entries, {} role nouns, {} sector nouns",
            lang.code(),
            lemmas.len(),
            nouns,
            roles.len(),
            sectors
        )?;
    }
    Ok(())
}
