//! `actorgraph kb import-cameo`: TABARI/PETRARCH actor dictionaries
//! (`NAME_ [CODE]`, `+ALIAS` lines, dated codes `[RUSGOV 991231-080507]`)
//! turned into knowledge-base tables that `--kb` loads and validates.
//!
//! What is imported, and why:
//! * people: entries with at least one dated code (office holders). Their
//!   country is that of the most recent code whose first three letters are
//!   a state's CAMEO code in the knowledge base.
//! * organizations and groups: undated entries whose code is longer than a
//!   bare state code; a rebel/insurgent/militia sector (`REB`, `INS`,
//!   `MIL` after a non-state prefix, `UAF`) makes a group.
//! * skipped: bare state codes (states and their cities are in the
//!   knowledge base already) and any entry one of whose names the
//!   knowledge base already knows, so the import adds and never overrides.
//!
//! Names are upper case with `_` for spaces in these files: they are
//! title-cased ("VLADIMIR_V._PUTIN" gives "Vladimir V. Putin").

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Result};
use crate::lexicon::Knowledge;
use crate::lexicon::kb::{EntityType, alias_key};

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Line of the entry's name.
    pub line: usize,
    /// Title-cased name.
    pub name: String,
    /// Title-cased aliases.
    pub aliases: Vec<String>,
    /// Codes with their end date (`None`: undated or open-ended).
    pub codes: Vec<(String, bool, Option<String>)>,
}

/// Title-cases a TABARI name.
pub fn title(raw: &str) -> String {
    let s = raw
        .trim()
        .trim_end_matches('_')
        .replace('_', " ")
        .replace(['[', ']'], "");
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = matches!(c, ' ' | '.' | '(' | '-' | '\'');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short one-word alias that is not a word of the name is an acronym
/// ("ANSF" for the Afghan National Security Forces; not "BUSH").
fn is_acronym(raw: &str, name: &str) -> bool {
    raw.len() <= 5
        && raw.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        && !name
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case(raw.trim_end_matches('.')))
}

/// CAMEO sectors that name an organization or a group (the three letters
/// after a state code, or the first three of an international code).
const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "JUD", "LEG", "BUS", "MED", "EDU", "NGO", "IGO", "INS", "COP",
    "SPY", "LAB", "PTY", "UAF", "SEP", "CRM", "HLH", "REF", "AGR", "ENV", "RAD", "MNC", "CVL",
];

/// A TABARI date (YYMMDD or YYYYMMDD) as YYYY-MM-DD.
fn date(d: &str) -> Option<String> {
    let d = d.trim();
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match d.len() {
        6 => {
            let yy: u32 = d[..2].parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &d[2..])
        }
        8 => (d[..4].parse().ok()?, &d[4..]),
        _ => return None,
    };
    Some(format!("{y:04}-{}-{}", &rest[..2], &rest[2..]))
}

/// Reads `[CODE]`, `[CODE >DATE]`, `[CODE <DATE]`, `[CODE D1-D2]`:
/// (code, dated, end date).
fn code(s: &str) -> Option<(String, bool, Option<String>)> {
    let inner = s.trim().strip_prefix('[')?.split(']').next()?.trim();
    let mut parts = inner.split_whitespace();
    let c = parts.next()?.trim_start_matches('~').to_string();
    if c.is_empty() {
        return None;
    }
    match parts.next() {
        None => Some((c, false, None)),
        Some(p) if p.starts_with('>') => Some((c, true, None)),
        Some(p) if p.starts_with('<') => Some((c, true, date(&p[1..]))),
        Some(p) => {
            let end = p.split('-').nth(1).and_then(date);
            Some((c, true, end))
        }
    }
}

/// Parses a TABARI actor dictionary.
pub fn parse(text: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        let trimmed = line.trim();
        if let Some(alias) = trimmed.strip_prefix('+') {
            if let Some(e) = out.last_mut() {
                let raw = alias
                    .split('[')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches('_');
                let a = if is_acronym(raw, &e.name) {
                    raw.to_string()
                } else {
                    title(raw)
                };
                if !a.is_empty() && a != e.name && !e.aliases.contains(&a) {
                    e.aliases.push(a);
                }
            }
        } else if trimmed.starts_with('[') {
            // A code line belongs to the entry above it.
            if let (Some(e), Some(c)) = (out.last_mut(), code(trimmed)) {
                e.codes.push(c);
            }
        } else {
            let (name, rest) = match trimmed.find('[') {
                Some(j) => (&trimmed[..j], &trimmed[j..]),
                None => (trimmed, ""),
            };
            let name = title(name);
            if name.is_empty() {
                continue;
            }
            out.push(Entry {
                line: i + 1,
                name,
                aliases: Vec::new(),
                codes: code(rest).into_iter().collect(),
            });
        }
    }
    out
}

fn id_of(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut id = String::new();
    // Ids are ASCII: accents dropped ("Wörner" gives "Worner").
    for c in name.nfd().filter(|c| c.is_ascii()) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    id.trim_matches('_').to_string()
}

/// The two tables written by an import, and what was skipped.
#[derive(Debug, Default)]
pub struct Import {
    /// A people table (`id wikidata gender country name aliases`).
    pub people: Vec<String>,
    /// An organizations table.
    pub organizations: Vec<String>,
    /// Entries already known to the knowledge base.
    pub known: usize,
    /// Entries not imported (states, places, undated roles).
    pub skipped: usize,
}

/// Converts dictionary entries against the knowledge base `k`.
pub fn convert(k: &Knowledge, entries: &[Entry]) -> Import {
    let known: HashSet<&str> = k.kb.aliases.iter().map(|a| a.key.as_str()).collect();
    let country_by_cameo: HashMap<&str, &str> =
        k.kb.entities
            .iter()
            .filter(|e| e.etype == EntityType::Country)
            .filter_map(|e| Some((e.cameo.as_deref()?, e.id.as_str())))
            .collect();
    let mut ids: HashSet<String> = k.kb.by_id.keys().cloned().collect();
    let mut imp = Import::default();
    for e in entries {
        if std::iter::once(&e.name)
            .chain(&e.aliases)
            .any(|n| known.contains(alias_key(n).as_str()))
        {
            imp.known += 1;
            continue;
        }
        let mut id = id_of(&e.name);
        if id.is_empty() {
            imp.skipped += 1;
            continue;
        }
        if ids.contains(&id) {
            id.push_str("_cameo");
        }
        let aliases = e
            .aliases
            .iter()
            .map(|a| a.replace('|', " "))
            .collect::<Vec<_>>()
            .join("|");
        let elite = e.codes.iter().any(|c| c.0.get(3..6) == Some("ELI"));
        if e.codes.iter().any(|c| c.1) || elite {
            // Most recent code first: open-ended, then by end date.
            let mut codes: Vec<&(String, bool, Option<String>)> = e.codes.iter().collect();
            codes.sort_by(|a, b| match (&a.2, &b.2) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => y.cmp(x),
            });
            let country = codes
                .iter()
                .find_map(|c| country_by_cameo.get(c.0.get(..3)?))
                .copied()
                .unwrap_or("");
            imp.people
                .push(format!("{id}\t\t\t{country}\t{}\t{aliases}", e.name));
        } else if let Some((c, _, _)) = e.codes.first().filter(|c| {
            SECTORS.contains(&c.0.get(..3).unwrap_or(""))
                || SECTORS.contains(&c.0.get(3..6).unwrap_or(""))
        }) {
            let sector = c.get(3..6).unwrap_or("");
            let state = country_by_cameo.get(c.get(..3).unwrap_or("")).copied();
            let group =
                matches!(sector, "REB" | "INS" | "UAF") || (state.is_none() && sector == "MIL");
            let etype = if group { "Group" } else { "Organization" };
            imp.organizations.push(format!(
                "{id}\t{etype}\t\t{c}\t\t\t{}\t\t{aliases}\t\t\t\t",
                e.name
            ));
        } else {
            imp.skipped += 1;
            continue;
        }
        ids.insert(id);
    }
    imp
}

/// Runs the import of `files` into `out_dir` (`cameo-people.tsv`,
/// `cameo-organizations.tsv`) and returns a summary line.
pub fn import(k: &Knowledge, files: &[&Path], out_dir: &Path) -> Result<String> {
    let mut entries = Vec::new();
    let mut sources = Vec::new();
    for f in files {
        entries.extend(parse(&crate::input::read_utf8(f)?));
        sources.push(f.display().to_string());
    }
    let imp = convert(k, &entries);
    std::fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
    let head = format!(
        "# Imported by `actorgraph kb import-cameo` from {} (TABARI/PETRARCH actor dictionaries).\n# Names title-cased from the upper-case originals; check them before relying on them.\n",
        sources.join(", ")
    );
    let write = |name: &str, header: &str, rows: &[String]| -> Result<()> {
        let p = out_dir.join(name);
        let mut s = head.clone();
        s.push_str(header);
        s.push('\n');
        for r in rows {
            s.push_str(r);
            s.push('\n');
        }
        std::fs::write(&p, s).map_err(|e| Error::io(&p, e))
    };
    write(
        "cameo-people.tsv",
        "id\twikidata\tgender\tcountry\tname\taliases",
        &imp.people,
    )?;
    write(
        "cameo-organizations.tsv",
        "id\ttype\twikidata\tcameo\tcountry\tpart_of\tname_en\tname_fr\taliases_en\taliases_fr\tdemonym_en\tdemonym_fr\tmembers",
        &imp.organizations,
    )?;
    Ok(format!(
        "{} entries read: {} people and {} organizations or groups written to {}, {} already known, {} skipped (states, places, undated roles)",
        entries.len(),
        imp.people.len(),
        imp.organizations.len(),
        out_dir.display(),
        imp.known,
        imp.skipped
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // A dictionary we wrote in TABARI's format, with invented people.
    const DICT: &str = "\
# test dictionary
FREEDONIA_ [FRD]
+FREEDONIAN_
ALMA_QUENTIN-ROSS_  # a minister
+FOREIGN_MINISTER_ALMA_QUENTIN-ROSS
+QUENTIN-ROSS_
\t[FRAGOV 100101-151231]
\t[FRAGOV >160101]
VLADIMIR_PUTIN_
+PUTIN_
\t[RUSGOV >080508]
NORTHERN_RIVER_MILITIA_ [NRMREB]
+NRM_
+MILITIA_
FREEDONIA_ISLANDS_ [FRDISL]
OCEAN_STATES_FORUM_ [IGOOSF]
UN_DEPUTY_ENVOY
";

    #[test]
    fn parses_entries_codes_and_dates() {
        let e = parse(DICT);
        assert_eq!(e.len(), 7);
        assert_eq!(e[3].aliases, ["NRM", "Militia"]);
        assert_eq!(e[1].name, "Alma Quentin-Ross");
        assert_eq!(e[1].line, 4);
        assert_eq!(
            e[1].aliases,
            ["Foreign Minister Alma Quentin-Ross", "Quentin-Ross"]
        );
        assert_eq!(
            e[1].codes,
            [
                ("FRAGOV".to_string(), true, Some("2015-12-31".to_string())),
                ("FRAGOV".to_string(), true, None)
            ]
        );
        assert_eq!(title("BAN_KI-MOON"), "Ban Ki-Moon");
        assert_eq!(title("VLADIMIR_V._PUTIN"), "Vladimir V. Putin");
        assert_eq!(date("991231"), Some("1999-12-31".into()));
        assert_eq!(id_of("Manfred Wörner (NATO)"), "Manfred_Worner_NATO");
        assert_eq!(date("20080508"), Some("2008-05-08".into()));
    }

    #[test]
    fn imports_new_actors_only_and_the_tables_load() {
        let k = Knowledge::default_knowledge().unwrap();
        let imp = convert(&k, &parse(DICT));
        // Putin is known already; Freedonia is a bare state code, its islands a
        // region code; the envoy has no code.
        assert_eq!((imp.known, imp.skipped), (1, 3), "{imp:?}");
        assert_eq!(imp.people.len(), 1);
        assert!(
            imp.people[0].starts_with("Alma_Quentin_Ross\t\t\tFrance\tAlma Quentin-Ross"),
            "{}",
            imp.people[0]
        );
        assert_eq!(imp.organizations.len(), 2);
        assert!(
            imp.organizations
                .iter()
                .any(|r| r.starts_with("Northern_River_Militia\tGroup\t\tNRMREB"))
        );
        assert!(
            imp.organizations
                .iter()
                .any(|r| r.starts_with("Ocean_States_Forum\tOrganization\t\tIGOOSF"))
        );

        // The written tables load with --kb and the new people are found in text.
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("dict.txt");
        std::fs::write(&f, DICT).unwrap();
        let summary = import(&k, &[f.as_path()], dir.path()).unwrap();
        assert!(summary.contains("1 people"), "{summary}");
        let people = dir.path().join("cameo-people.tsv");
        let orgs = dir.path().join("cameo-organizations.tsv");
        let k2 = Knowledge::load(&[people.as_path(), orgs.as_path()], &[]).unwrap();
        let doc = crate::text::Document::new(
            "t",
            "Alma Quentin-Ross criticized the Ocean States Forum on Monday.",
        );
        let st = crate::extract::extract(&k2, &doc);
        assert!(
            st.iter().any(|s| s.subject.label == "Alma Quentin-Ross"
                && s.object_label() == "Ocean States Forum"),
            "{st:?}"
        );
    }
}
