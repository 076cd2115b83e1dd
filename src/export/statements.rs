//! Every statement of the store as one row (`export --format
//! statements-csv|statements-jsonl`): the table analysts load into pandas
//! or R, with its evidence, provenance and both actors' facts.
//!
//! Read with one SPARQL query (see [`QUERY`]).

use std::collections::HashMap;
use std::io::Write;

use super::csv::{field, number};
use oxigraph::sparql::QueryResults;

use super::read::{Info, entity_info, lit};
use crate::backend::Backend;
use crate::error::{Error, Result};

/// Columns of the table, in order.
pub const COLUMNS: &[&str] = &[
    "document",
    "date",
    "sentence",
    "start",
    "end",
    "subject",
    "subject_type",
    "subject_country",
    "subject_wikidata",
    "predicate",
    "plover",
    "object",
    "object_type",
    "object_country",
    "object_wikidata",
    "polarity",
    "modality",
    "attributed_to",
    "confidence",
    "rule",
    "subject_iri",
    "object_iri",
];

/// Columns that hold numbers (the others hold text or, for `date`,
/// `YYYY-MM-DD`).
const NUMERIC: &[&str] = &["start", "end", "confidence"];

/// One statement, its values in [`COLUMNS`] order (`None`: unknown).
pub type Row = Vec<Option<String>>;

/// One SELECT for every statement. Only the projected terms are decoded
/// (the store looks each IRI up), so the sentence and the document come as
/// their text and id, not as IRIs; one scan per property took four times
/// as long.
const QUERY: &str = "SELECT ?st ?s ?p ?o ?pol ?mod ?text ?start ?end ?span ?rule ?plover ?conf \
     ?doc ?attr ?date WHERE { GRAPH ?g { \
     ?st ag:subject ?s ; ag:predicate ?p . OPTIONAL { ?st ag:object ?o } \
     OPTIONAL { ?st ag:polarity ?pol } OPTIONAL { ?st ag:modality ?mod } \
     OPTIONAL { ?st ag:evidence/ag:text ?text } \
     OPTIONAL { ?st ag:start ?start } OPTIONAL { ?st ag:end ?end } \
     OPTIONAL { ?st ag:span ?span } OPTIONAL { ?st ag:rule ?rule } \
     OPTIONAL { ?st ag:plover ?plover } OPTIONAL { ?st ag:confidence ?conf } \
     OPTIONAL { ?st prov:wasDerivedFrom ?d OPTIONAL { ?d dcterms:identifier ?id } } \
     BIND(COALESCE(?id, STR(?d)) AS ?doc) \
     OPTIONAL { ?st prov:wasAttributedTo ?attr } OPTIONAL { ?st dcterms:date ?date } } }";

/// What a variable of [`QUERY`] fills, in its order.
#[derive(Clone, Copy)]
enum Slot {
    Predicate,
    Object,
    Polarity,
    Modality,
    Sentence,
    Start,
    End,
    Span,
    Rule,
    Plover,
    Confidence,
    Document,
    Attributed,
    Date,
}

/// The variables of the slots, in [`Slot`] order.
const VARS: [&str; 14] = [
    "p", "o", "pol", "mod", "text", "start", "end", "span", "rule", "plover", "conf", "doc",
    "attr", "date",
];

/// The raw values of one statement.
#[derive(Default)]
struct Raw {
    subject: String,
    /// Indexed by [`Slot`].
    values: [Option<String>; 14],
}

/// The statement's number in its document (`…#s12`), for ordering.
fn number_of(iri: &str) -> u64 {
    iri.rsplit_once("#s")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Every statement of the store, ordered by document and statement number.
pub fn rows(store: &Backend) -> Result<Vec<Row>> {
    let (info, _) = entity_info(store)?;
    let QueryResults::Solutions(solutions) = store.evaluate(QUERY, &[])? else {
        return Err(Error::Sparql("the store did not answer a SELECT".into()));
    };
    let mut out: Vec<(String, u64, Row)> = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| Error::Sparql(e.to_string()))?;
        let mut raw = Raw {
            subject: lit(solution.get("s")),
            ..Raw::default()
        };
        for (slot, var) in raw.values.iter_mut().zip(VARS) {
            *slot = solution.get(var).map(|t| lit(Some(t)));
        }
        let row = row(&raw, &info);
        let doc = row[0].clone().unwrap_or_default();
        out.push((doc, number_of(&lit(solution.get("st"))), row));
    }
    if let Backend::Remote(r) = store
        && r.was_truncated()
    {
        return Err(Error::Store {
            path: store.name(),
            message: format!(
                "the server cut the statements at {} rows: raise its result limit (Virtuoso: ResultSetMaxRows in [SPARQL])",
                out.len()
            ),
        });
    }
    out.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Ok(out.into_iter().map(|(_, _, r)| r).collect())
}

/// Whether `row` passes the network export's statement filters:
/// predicates, PLOVER types, dates (negated statements are kept: the table
/// has a polarity column).
pub fn keep(row: &Row, opts: &super::Options) -> bool {
    let col = |name: &str| {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| row[i].as_deref())
            .unwrap_or("")
    };
    opts.keeps_kind(col("predicate"), col("plover"), col("date"))
}

fn row(raw: &Raw, info: &HashMap<String, Info>) -> Row {
    let get = |slot: Slot| raw.values[slot as usize].clone();
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let actor = |iri: &str| -> [Option<String>; 4] {
        let i = info.get(iri);
        let label = i
            .map(|i| i.0.clone())
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| super::read::local(iri).replace('_', " "));
        [
            Some(label),
            i.and_then(|i| some(&i.1)),
            i.and_then(|i| some(&i.2)),
            i.and_then(|i| some(&i.3)),
        ]
    };
    // Offsets: integers, or the one string older stores wrote.
    let (mut start, mut end) = (get(Slot::Start), get(Slot::End));
    if let (None, None, Some(span)) = (&start, &end, get(Slot::Span)) {
        if let Some((a, b)) = span.split_once('-') {
            start = Some(a.to_string());
            end = Some(b.to_string());
        }
    }
    let document = get(Slot::Document).map(|d| local_doc(&d));
    let object = get(Slot::Object).unwrap_or_default();
    let [s_label, s_type, s_country, s_wd] = actor(&raw.subject);
    let [o_label, o_type, o_country, o_wd] = actor(&object);
    let predicate = get(Slot::Predicate).map(|p| super::read::local(&p).to_string());
    vec![
        document,
        get(Slot::Date),
        get(Slot::Sentence),
        start,
        end,
        s_label,
        s_type,
        s_country,
        s_wd,
        predicate,
        get(Slot::Plover),
        o_label,
        o_type,
        o_country,
        o_wd,
        get(Slot::Polarity),
        get(Slot::Modality),
        get(Slot::Attributed).map(|a| actor(&a)[0].clone().unwrap_or_default()),
        get(Slot::Confidence),
        get(Slot::Rule),
        Some(raw.subject.clone()),
        Some(object),
    ]
}

/// A document's id: its `dcterms:identifier`, else its IRI's local part.
fn local_doc(id: &str) -> String {
    id.strip_prefix(crate::rdf::DOC).unwrap_or(id).to_string()
}

/// Writes the rows as CSV: a header, then one line per statement; text
/// that a spreadsheet would read as a formula is defused
/// ([`super::csv::field`]), numbers are plain.
pub fn write_csv(rows: &[Row], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .zip(COLUMNS)
            .map(|(v, col)| match v {
                None => String::new(),
                Some(v) if NUMERIC.contains(col) => number(v),
                Some(v) => field(v),
            })
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// Writes the rows as JSON Lines: one object per statement with every
/// column, numbers as numbers, unknown values as `null`.
pub fn write_jsonl(rows: &[Row], out: &mut dyn Write) -> std::io::Result<()> {
    for r in rows {
        let mut obj = serde_json::Map::new();
        for (v, col) in r.iter().zip(COLUMNS) {
            let value = match v {
                None => serde_json::Value::Null,
                Some(v) if NUMERIC.contains(col) => v
                    .parse::<serde_json::Number>()
                    .map(serde_json::Value::Number)
                    .unwrap_or_else(|_| serde_json::Value::String(v.clone())),
                Some(v) => serde_json::Value::String(v.clone()),
            };
            obj.insert(col.to_string(), value);
        }
        writeln!(out, "{}", serde_json::Value::Object(obj))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_numbers_order_numerically() {
        assert!(number_of("https://x/doc/a#s2") < number_of("https://x/doc/a#s10"));
    }

    #[test]
    fn csv_numbers_stay_numbers_and_text_is_defused() {
        let mut row: Row = vec![None; COLUMNS.len()];
        row[0] = Some("d1".into());
        row[2] = Some("-Paris said, \"no\"".into());
        row[3] = Some("12".into());
        row[18] = Some("0.6".into());
        let mut out = Vec::new();
        write_csv(&[row.clone()], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let line = text.lines().nth(1).unwrap();
        assert!(
            line.starts_with("d1,,\"'-Paris said, \"\"no\"\"\",12,,"),
            "{line}"
        );
        let mut out = Vec::new();
        write_jsonl(&[row], &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            (v["start"].as_u64(), v["confidence"].as_f64()),
            (Some(12), Some(0.6))
        );
        assert!(v["end"].is_null() && v["sentence"] == "-Paris said, \"no\"");
    }
}
