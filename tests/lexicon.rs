//! Every lexicon entry (and every knowledge-base entry added since session 3)
//! has a test sentence (tests/data/*_cases.tsv, written
//! for this project) and every sentence gives the expected statement.
//! Role cases may carry a publication date: the role then resolves to the
//! holder on that date (issue #14).

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use actorgraph::text::{Document, Lang};
use std::collections::BTreeSet;
use std::path::Path;

fn rows(file: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The case's language: a lexicon entry's prefix; a knowledge-base entry
/// (named in both languages) is English unless suffixed `@fr`.
fn lang_of(entry: &str) -> Lang {
    if entry.starts_with("fr.") || entry.ends_with("@fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// (entry, sentence, subject, predicate, object, publication date).
type Case = (String, String, String, String, String, Option<String>);

/// Runs cases; returns failures.
fn check(k: &Knowledge, cases: &[Case]) -> Vec<String> {
    let mut failures = Vec::new();
    for (entry, sentence, s, p, o, date) in cases {
        let mut doc = Document::new("case", sentence.as_str());
        doc.lang = Some(lang_of(entry));
        doc.date = date.clone();
        let got = extract::extract(k, &doc);
        let ok = got.iter().any(|st| {
            st.subject.label == *s
                && st.predicate.name() == p
                && st.object.as_ref().map_or("-", |e| e.label.as_str()) == *o
                && st.polarity.as_str() == "positive"
        });
        if !ok {
            let seen: Vec<String> = got
                .iter()
                .map(|st| {
                    format!(
                        "{} {} {} ({})",
                        st.subject.label,
                        st.predicate,
                        st.object_label(),
                        st.rule
                    )
                })
                .collect();
            let on = date
                .as_deref()
                .map(|d| format!(" on {d}"))
                .unwrap_or_default();
            failures.push(format!(
                "{entry}: `{sentence}`{on} expected {s} {p} {o}, got [{}]",
                seen.join("; ")
            ));
        }
    }
    failures
}

/// (entry, sentence, subject, predicate, object) rows of a 6-column case file
/// whose last column must be `positive`.
fn statement_cases(file: &str) -> Vec<Case> {
    rows(file)
        .into_iter()
        .map(|r| {
            assert_eq!(r.len(), 6, "bad case row {r:?}");
            assert_eq!(r[5], "positive");
            (
                r[0].clone(),
                r[1].clone(),
                r[2].clone(),
                r[3].clone(),
                r[4].clone(),
                None,
            )
        })
        .collect()
}

/// Every case gives its statement; the message lists those that do not.
fn assert_all_pass(k: &Knowledge, cases: &[Case]) {
    let failures = check(k, cases);
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_verb_and_noun_entry_has_a_passing_case() {
    let k = Knowledge::default_knowledge().unwrap();
    let cases = statement_cases("lexicon_cases.tsv");
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    let ids: BTreeSet<&str> = k
        .lex
        .verbs
        .iter()
        .map(|v| v.id.as_str())
        .chain(k.lex.nouns.iter().map(|n| n.id.as_str()))
        .collect();
    let missing: Vec<&&str> = ids.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "lexicon entries without a test sentence: {missing:?}"
    );
    let unknown: Vec<&&str> = covered.difference(&ids).collect();
    assert!(
        unknown.is_empty(),
        "test cases for unknown entries: {unknown:?}"
    );
    assert_all_pass(&k, &cases);
}

#[test]
fn every_role_noun_has_a_passing_case() {
    let k = Knowledge::default_knowledge().unwrap();
    let cases = role_cases();
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    let ids: BTreeSet<&str> = k.lex.roles.iter().map(|r| r.id.as_str()).collect();
    let missing: Vec<&&str> = ids.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "role nouns without a test sentence: {missing:?}"
    );
    assert_all_pass(&k, &cases);
}

/// Rows of role_cases.tsv; an optional sixth column is the publication date.
fn role_cases() -> Vec<Case> {
    rows("role_cases.tsv")
        .into_iter()
        .map(|r| {
            assert!(r.len() == 5 || r.len() == 6, "bad case row {r:?}");
            (
                r[0].clone(),
                r[1].clone(),
                r[2].clone(),
                r[3].clone(),
                r[4].clone(),
                r.get(5).cloned(),
            )
        })
        .collect()
}

#[test]
fn dated_role_cases_resolve_to_different_holders() {
    // The same role noun and state on two dates must give two people, or the
    // dates would not be exercised.
    let cases = role_cases();
    let dated: Vec<&Case> = cases.iter().filter(|c| c.5.is_some()).collect();
    assert!(dated.len() >= 10, "only {} dated role cases", dated.len());
    let pairs = dated.iter().filter(|a| {
        dated
            .iter()
            .any(|b| a.1 == b.1 && a.4 == b.4 && a.5 != b.5 && a.2 != b.2)
    });
    assert!(
        pairs.count() >= 4,
        "too few same-sentence pairs on two dates"
    );
}

#[test]
fn knowledge_base_cases_name_real_entries_and_pass() {
    let k = Knowledge::default_knowledge().unwrap();
    let ids: BTreeSet<&str> = k.kb.entities.iter().map(|e| e.id.as_str()).collect();
    let cases = statement_cases("kb_cases.tsv");
    for c in &cases {
        let id = c.0.rsplit(':').next().unwrap_or_default();
        let id = id.strip_suffix("@fr").unwrap_or(id);
        assert!(ids.contains(id), "{}: no such knowledge-base entry", c.0);
    }
    assert!(!cases.is_empty());
    assert_all_pass(&k, &cases);
}

#[test]
fn every_sector_noun_has_a_passing_case() {
    let k = Knowledge::default_knowledge().unwrap();
    let cases = statement_cases("sector_cases.tsv");
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    let ids: BTreeSet<&str> = k
        .lex
        .sectors
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let missing: Vec<&&str> = ids.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "sector nouns without a test sentence: {missing:?}"
    );
    assert_all_pass(&k, &cases);
}

/// Loads the defaults plus one `--kb` file holding `text`.
fn with_kb(name: &str, text: &str) -> actorgraph::error::Result<Knowledge> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    Knowledge::load(&[path.as_path()], &[])
}

const PEOPLE_HEADER: &str = "id\twikidata\tgender\tcountry\tname\taliases\n";

#[test]
fn a_kb_file_with_a_byte_order_mark_loads() {
    let k = with_kb(
        "people.tsv",
        &format!("\u{FEFF}{PEOPLE_HEADER}Jane_Roe\t\tf\tFrance\tJane Roe\tRoe\n"),
    )
    .expect("a BOM is accepted");
    let e = &k.kb.entities[k.kb.by_id["Jane_Roe"]];
    assert!(e.origin.ends_with("people.tsv:2"), "{}", e.origin);
    // Errors after a BOM keep their 1-based line numbers.
    let err = with_kb(
        "people.tsv",
        &format!("\u{FEFF}{PEOPLE_HEADER}Jane_Roe\t\tx\tFrance\tJane Roe\tRoe\n"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.ends_with("people.tsv:2: gender must be m or f, not `x`"),
        "{err}"
    );
    // A header the knowledge base does not know is named by its line, not 0.
    let err = with_kb("people.tsv", "\u{FEFF}# people\nid\tname\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("people.tsv:2: unknown knowledge table header `id name`"),
        "{err}"
    );
}

#[test]
fn a_duplicate_id_in_one_kb_file_is_an_error_naming_both_lines() {
    let err = with_kb(
        "people.tsv",
        &format!(
            "{PEOPLE_HEADER}Jane_Roe\t\tf\tFrance\tJane Roe\t\n# a comment\n\
             Jane_Roe\t\tf\tChile\tJane Roe\t\n"
        ),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.ends_with("people.tsv:4: id `Jane_Roe` is already defined at line 2 of this file"),
        "{err}"
    );
    // Replacing an entry of another file is still allowed.
    let k = with_kb(
        "people.tsv",
        &format!("{PEOPLE_HEADER}Barack_Obama\tQ76\tm\tUnited_States\tBarack Obama\tObama\n"),
    )
    .expect("an override loads");
    assert!(
        k.kb.entities[k.kb.by_id["Barack_Obama"]]
            .origin
            .ends_with("people.tsv:2")
    );
}

#[test]
fn a_control_character_in_a_kb_label_is_an_error_naming_the_line() {
    let err = with_kb(
        "people.tsv",
        &format!("{PEOPLE_HEADER}Jane_Roe\t\tf\tFrance\tJane\u{1b}Roe\t\n"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.ends_with("people.tsv:2: control character U+001B in field 5 (name): remove it"),
        "{err}"
    );
}
