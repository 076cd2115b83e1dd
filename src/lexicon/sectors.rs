//! Sector nouns (`ontology/lexicon/sectors.tsv`): non-state parts of a
//! population ("students", "les manifestants") that become groups of the
//! country a demonym or a place gives them.

use rustc_hash::FxHashMap as HashMap;

use super::kb::alias_key;
use super::tsv::{Row, Table, list};
use crate::error::Result;
use crate::text::Lang;

/// Columns of a sector table.
pub const SECTORS: &[&str] = &["id", "lang", "forms", "agent", "label"];

/// A sector noun entry.
#[derive(Debug, Clone)]
pub struct SectorNoun {
    /// Entry id ("en.sector.students"), shown as the rule that made the group.
    pub id: String,
    /// Language.
    pub lang: Lang,
    /// CAMEO agent code ("EDU").
    pub agent: String,
    /// English label ("students").
    pub label: String,
}

/// Sector entries and their forms.
#[derive(Debug, Default, Clone)]
pub struct Sectors {
    /// Entries (a later line with the same id replaces an earlier one).
    pub entries: Vec<SectorNoun>,
    /// Folded form -> entry, by language index.
    pub forms: [HashMap<String, usize>; 2],
    /// First words of the forms, by language index: most tokens start none.
    pub starts: [rustc_hash::FxHashSet<String>; 2],
    /// Longest form in tokens.
    pub max_len: usize,
}

impl Sectors {
    /// Loads one sector table.
    pub fn load(&mut self, t: &Table) -> Result<()> {
        let mut seen = rustc_hash::FxHashSet::default();
        for row in &t.rows {
            let f = &row.fields;
            super::words::check_id(t, row, &f[0], &mut seen)?;
            let lang = super::words::parse_lang(t, row, &f[1])?;
            let agent = check_agent(t, row, &f[3])?;
            if f[4].is_empty() || f[4] == "-" {
                return Err(t.err(row, "a sector needs a label"));
            }
            let forms = list(&f[2]);
            if forms.is_empty() {
                return Err(t.err(row, "a sector needs at least one form"));
            }
            let entry = SectorNoun {
                id: f[0].clone(),
                lang,
                agent,
                label: f[4].clone(),
            };
            let idx = match self.entries.iter().position(|e| e.id == entry.id) {
                Some(i) => {
                    // An override drops the old forms.
                    self.forms[lang.idx()].retain(|_, v| *v != i);
                    self.entries[i] = entry;
                    i
                }
                None => {
                    self.entries.push(entry);
                    self.entries.len() - 1
                }
            };
            for form in forms {
                let key = alias_key(&form);
                self.max_len = self.max_len.max(key.split(' ').count());
                let first = key.split(' ').next().unwrap_or_default().to_string();
                self.starts[lang.idx()].insert(first);
                self.forms[lang.idx()].insert(key, idx);
            }
        }
        Ok(())
    }

    /// The entry whose form is the folded phrase `key`.
    pub fn get(&self, lang: Lang, key: &str) -> Option<&SectorNoun> {
        self.forms[lang.idx()].get(key).map(|&i| &self.entries[i])
    }

    /// The first entry of a language with a CAMEO agent code ("CVL").
    pub fn by_agent(&self, lang: Lang, agent: &str) -> Option<&SectorNoun> {
        self.entries
            .iter()
            .find(|e| e.lang == lang && e.agent == agent)
    }
}

fn check_agent(t: &Table, row: &Row, s: &str) -> Result<String> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(s.to_string())
    } else {
        Err(t.err(
            row,
            format!("agent must be a three-letter CAMEO agent code, not `{s}`"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id\tlang\tforms\tagent\tlabel\n";

    fn load(text: &str) -> Result<Sectors> {
        let mut s = Sectors::default();
        s.load(&Table::parse("user.tsv", &format!("{HEADER}{text}"))?)?;
        Ok(s)
    }

    #[test]
    fn forms_are_folded_and_multi_word() {
        let s = load("en.sector.x\ten\tdock worker|dock workers\tLAB\tdock workers\n").unwrap();
        assert_eq!(s.get(Lang::En, "dock workers").unwrap().agent, "LAB");
        assert_eq!(s.max_len, 2);
        assert!(s.starts[Lang::En.idx()].contains("dock"));
        assert!(s.get(Lang::Fr, "dock workers").is_none());
    }

    #[test]
    fn a_later_line_replaces_an_entry_and_its_forms() {
        let mut s = load("en.sector.x\ten\tminers\tLAB\tminers\n").unwrap();
        let t = Table::parse(
            "more.tsv",
            &format!("{HEADER}en.sector.x\ten\tdockers\tLAB\tdockers\n"),
        )
        .unwrap();
        s.load(&t).unwrap();
        assert_eq!(s.entries.len(), 1);
        assert!(s.get(Lang::En, "miners").is_none());
        assert_eq!(s.get(Lang::En, "dockers").unwrap().label, "dockers");
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        for (row, why) in [
            ("en.sector.x\ten\tminers\tlabour\tminers\n", "agent"),
            ("en.sector.x\tde\tminers\tLAB\tminers\n", "language"),
            ("en.sector.x\ten\t-\tLAB\tminers\n", "form"),
            ("en.sector.x\ten\tminers\tLAB\t-\n", "label"),
        ] {
            let err = load(row).unwrap_err().to_string();
            assert!(err.contains("user.tsv") && err.contains(":2"), "{err}");
            assert!(err.contains(why), "{err}");
        }
        let twice = "en.sector.x\ten\ta\tLAB\ta\nen.sector.x\ten\tb\tLAB\tb\n";
        assert!(load(twice).unwrap_err().to_string().contains("duplicate"));
    }
}
