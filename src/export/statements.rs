//! Every statement of the store as one row (`export --format
//! statements-csv|statements-jsonl`): the table analysts load into pandas
//! or R, with its evidence, provenance and both actors' facts.
//!
//! Read with one scan per property, like the network's statement route:
//! the store resolves each IRI it returns, and one SPARQL join with a
//! dozen OPTIONALs would look the same IRIs up many times.

use std::collections::HashMap;
use std::io::Write;

use super::csv::{field, number};
use super::read::{Info, entity_info, lit};
use crate::backend::Backend;
use crate::error::Result;
use crate::rdf::{AG, DCT, PROV};

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

/// Properties read per statement: (IRI, slot).
fn properties() -> Vec<(String, Slot)> {
    let ag = |l: &str| format!("{AG}{l}");
    vec![
        (ag("predicate"), Slot::Predicate),
        (ag("object"), Slot::Object),
        (ag("polarity"), Slot::Polarity),
        (ag("modality"), Slot::Modality),
        (ag("evidence"), Slot::Evidence),
        (ag("start"), Slot::Start),
        (ag("end"), Slot::End),
        (ag("span"), Slot::Span),
        (ag("rule"), Slot::Rule),
        (ag("plover"), Slot::Plover),
        (ag("confidence"), Slot::Confidence),
        (format!("{PROV}wasDerivedFrom"), Slot::Document),
        (format!("{PROV}wasAttributedTo"), Slot::Attributed),
        (format!("{DCT}date"), Slot::Date),
    ]
}

/// What a property fills.
#[derive(Clone, Copy)]
enum Slot {
    Predicate,
    Object,
    Polarity,
    Modality,
    Evidence,
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

/// The raw values of one statement.
#[derive(Default)]
struct Raw {
    subject: String,
    /// Indexed by [`Slot`].
    values: [Option<String>; 14],
}

/// An IRI as a scan gives a subject (`<…>`), bare.
fn bare(s: &str) -> &str {
    s.trim_start_matches('<').trim_end_matches('>')
}

/// The statement's number in its document (`…#s12`), for ordering.
fn number_of(iri: &str) -> u64 {
    iri.rsplit_once("#s")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Every statement of the store, ordered by document and statement number.
pub fn rows(store: &Backend) -> Result<Vec<Row>> {
    let mut sts: HashMap<String, Raw> = HashMap::new();
    for (st, o) in store.scan(&format!("{AG}subject"))? {
        sts.entry(bare(&st).to_string()).or_default().subject = lit(Some(&o));
    }
    for (property, slot) in properties() {
        for (st, o) in store.scan(&property)? {
            // ag:start/ag:end also date offices, and dcterms:date documents.
            if let Some(raw) = sts.get_mut(bare(&st)) {
                raw.values[slot as usize] = Some(lit(Some(&o)));
            }
        }
    }
    let texts = lookup(store, &format!("{AG}text"))?;
    let ids = lookup(store, &format!("{DCT}identifier"))?;
    let (info, _) = entity_info(store)?;
    let mut out: Vec<(String, u64, Row)> = sts
        .into_iter()
        .filter(|(_, raw)| raw.values[Slot::Object as usize].is_some())
        .map(|(iri, raw)| {
            let row = row(&raw, &info, &texts, &ids);
            let doc = row[0].clone().unwrap_or_default();
            (doc, number_of(&iri), row)
        })
        .collect();
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
    let date = col("date");
    (opts.predicates.is_empty() || opts.predicates.iter().any(|p| p == col("predicate")))
        && (opts.plover.is_empty()
            || opts
                .plover
                .iter()
                .any(|p| p.eq_ignore_ascii_case(col("plover"))))
        && opts
            .since
            .as_ref()
            .is_none_or(|d| !date.is_empty() && date >= d.as_str())
        && opts
            .until
            .as_ref()
            .is_none_or(|d| !date.is_empty() && date <= d.as_str())
}

/// Subject IRI → value of `property`.
fn lookup(store: &Backend, property: &str) -> Result<HashMap<String, String>> {
    Ok(store
        .scan(property)?
        .into_iter()
        .map(|(s, o)| (bare(&s).to_string(), lit(Some(&o))))
        .collect())
}

fn row(
    raw: &Raw,
    info: &HashMap<String, Info>,
    texts: &HashMap<String, String>,
    ids: &HashMap<String, String>,
) -> Row {
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
    let document =
        get(Slot::Document).map(|d| ids.get(&d).cloned().unwrap_or_else(|| local_doc(&d)));
    let object = get(Slot::Object).unwrap_or_default();
    let [s_label, s_type, s_country, s_wd] = actor(&raw.subject);
    let [o_label, o_type, o_country, o_wd] = actor(&object);
    let predicate = get(Slot::Predicate).map(|p| super::read::local(&p).to_string());
    vec![
        document,
        get(Slot::Date),
        get(Slot::Evidence).and_then(|e| texts.get(&e).cloned()),
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

/// A document's id from its IRI when it has no `dcterms:identifier`.
fn local_doc(iri: &str) -> String {
    iri.strip_prefix(crate::rdf::DOC).unwrap_or(iri).to_string()
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
        assert_eq!(bare("<https://x/y>"), "https://x/y");
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
