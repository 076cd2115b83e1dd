//! The document's edge summary: a materialised view of its statements,
//! written at ingest as one literal (`<doc> ag:edgeSummary "…"`) in the
//! document's graph, so that the network export reads one quad per document
//! instead of six per statement.
//!
//! Why a literal: the store resolves every IRI of every quad it returns with
//! one key-value look-up; a statement-level export of 1.25 M statements made
//! 30 M of them (about three minutes). The summary is replaced with its
//! document on re-ingest, like everything else in the document's graph.
//!
//! Format (version 2), lines separated by `\n`, fields by TAB:
//!
//! ```text
//! actorgraph-edges 2 <TAB> DATE-or-empty
//! SUBJECT <TAB> PREDICATE <TAB> OBJECT <TAB> POLARITY <TAB> STATEMENTS <TAB> ASSERTED
//! ```
//!
//! SUBJECT and OBJECT are entity IRIs without the entity namespace (full IRIs
//! otherwise); PREDICATE is the ontology local name; ASSERTED counts the
//! statements stated as fact (not future, possible, reported or
//! hypothetical), which the exports count by default. Version 1 (stores
//! written before) has no ASSERTED column: it is read as unknown.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::statement::{Modality, Statement};

const HEADER: &str = "actorgraph-edges 2";
const HEADER_V1: &str = "actorgraph-edges 1";

/// One line of a summary: statements of one (subject, predicate, object,
/// polarity) in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryEdge {
    /// Subject IRI.
    pub subject: String,
    /// Predicate local name.
    pub predicate: String,
    /// Object IRI.
    pub object: String,
    /// `positive` or `negative`.
    pub polarity: String,
    /// Number of statements.
    pub statements: usize,
    /// Of which stated as fact; `None` in a version 1 summary.
    pub asserted: Option<usize>,
}

/// A decoded summary: the document's date and its edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Document date (YYYY-MM-DD), when known.
    pub date: Option<String>,
    /// Edges, in (subject, predicate, object, polarity) order.
    pub edges: Vec<SummaryEdge>,
}

/// An entity IRI as written in a summary: without the entity namespace.
pub(crate) fn short(iri: &str) -> &str {
    iri.strip_prefix(crate::rdf::ID).unwrap_or(iri)
}

/// The full IRI of a name written in a summary.
pub(crate) fn expand(s: &str) -> String {
    if s.contains("://") {
        s.to_string()
    } else {
        format!("{}{s}", crate::rdf::ID)
    }
}

/// The summary of one document's statements.
///
/// ```
/// use actorgraph::export::summary::{decode, encode};
/// let text = encode(Some("2022-02-04"), &[]);
/// assert_eq!(decode(&text).unwrap().date.as_deref(), Some("2022-02-04"));
/// ```
pub fn encode(date: Option<&str>, statements: &[Statement]) -> String {
    let mut counts: BTreeMap<(&str, &str, &str, &str), (usize, usize)> = BTreeMap::new();
    // A one-actor event is no edge.
    for st in statements {
        let Some(object) = &st.object else {
            continue;
        };
        let c = counts
            .entry((
                short(&st.subject.id),
                st.predicate.name(),
                short(&object.id),
                st.polarity.as_str(),
            ))
            .or_default();
        c.0 += 1;
        c.1 += usize::from(st.modality == Modality::Asserted);
    }
    let mut out = format!("{HEADER}\t{}", date.unwrap_or(""));
    for ((s, p, o, pol), (n, a)) in counts {
        // Writing to a String cannot fail.
        let _ = write!(out, "\n{s}\t{p}\t{o}\t{pol}\t{n}\t{a}");
    }
    out
}

/// One edge of a summary, borrowed: (subject, predicate, object, polarity,
/// statements, of which asserted when known), names as written.
pub(crate) type Line<'a> = (&'a str, &'a str, &'a str, &'a str, u32, Option<u32>);

/// Parses a summary without copying: the date (`""` when unknown) and the
/// edges; `None` for text in another format or version.
pub(crate) fn parse(text: &str) -> Option<(&str, Vec<Line<'_>>)> {
    let mut lines = text.split('\n');
    let (header, date) = lines.next()?.split_once('\t')?;
    let v2 = match header {
        HEADER => true,
        HEADER_V1 => false,
        _ => return None,
    };
    let mut edges = Vec::new();
    for line in lines {
        let mut f = line.split('\t');
        let (Some(s), Some(p), Some(o), Some(pol), Some(n)) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            return None;
        };
        let asserted = match (v2, f.next()) {
            (true, Some(a)) => Some(a.parse().ok()?),
            (false, None) => None,
            _ => return None,
        };
        if f.next().is_some() {
            return None;
        }
        edges.push((s, p, o, pol, n.parse().ok()?, asserted));
    }
    Some((date, edges))
}

/// Decodes a summary; `None` for text in another format or version.
pub fn decode(text: &str) -> Option<Summary> {
    let (date, edges) = parse(text)?;
    Some(Summary {
        date: (!date.is_empty()).then(|| date.to_string()),
        edges: edges
            .into_iter()
            .map(|(s, p, o, pol, n, a)| SummaryEdge {
                subject: expand(s),
                predicate: p.to_string(),
                object: expand(o),
                polarity: pol.to_string(),
                statements: n as usize,
                asserted: a.map(|a| a as usize),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Knowledge;
    use crate::text::Document;

    fn statements(text: &str) -> Vec<Statement> {
        let k = Knowledge::default_knowledge().expect("knowledge loads");
        let mut d = Document::new("t", text);
        d.date = Some("2023-05-02".into());
        crate::extract::extract(&k, &d)
    }

    #[test]
    fn counts_statements_per_edge_and_keeps_polarity() {
        let sts = statements(
            "Brazil criticized Argentina on Monday. Brazil again criticized Argentina. \
             Chile did not criticize Argentina.",
        );
        let s = decode(&encode(Some("2023-05-02"), &sts)).expect("decodes");
        assert_eq!(s.date.as_deref(), Some("2023-05-02"));
        let find = |subj: &str, pol: &str| {
            s.edges
                .iter()
                .find(|e| e.subject.ends_with(subj) && e.polarity == pol)
                .cloned()
        };
        let brazil = find("Brazil", "positive").expect("Brazil edge");
        assert_eq!(
            (brazil.predicate.as_str(), brazil.statements),
            ("criticizes", 2)
        );
        assert!(brazil.object.starts_with(crate::rdf::ID) && brazil.object.ends_with("Argentina"));
        assert_eq!(find("Chile", "negative").expect("Chile edge").statements, 1);
    }

    #[test]
    fn empty_document_and_foreign_text() {
        let s = decode(&encode(None, &[])).expect("decodes");
        assert_eq!((s.date, s.edges.len()), (None, 0));
        assert_eq!(decode("something else"), None);
        assert_eq!(decode("actorgraph-edges 1\t\na\tb"), None);
        assert_eq!(decode("actorgraph-edges 2\t\na\tp\tb\tpositive\t2"), None);
    }

    #[test]
    fn counts_asserted_statements_apart() {
        let sts =
            statements("Brazil met Argentina on Monday. Brazil will meet Argentina again in June.");
        let s = decode(&encode(Some("2023-05-02"), &sts)).expect("decodes");
        let e = &s.edges[0];
        assert_eq!(
            (e.predicate.as_str(), e.statements, e.asserted),
            ("meets", 2, Some(1))
        );
    }

    #[test]
    fn version_1_summaries_have_no_asserted_count() {
        let s = decode("actorgraph-edges 1\t2020-01-02\nA\tmeets\tB\tpositive\t3").expect("v1");
        assert_eq!((s.edges[0].statements, s.edges[0].asserted), (3, None));
    }

    #[test]
    fn full_iris_outside_the_entity_namespace_survive() {
        assert_eq!(
            expand(short("http://example.org/x")),
            "http://example.org/x"
        );
        let iri = crate::rdf::entity_iri("France");
        assert_eq!(expand(short(&iri)), iri);
    }
}
