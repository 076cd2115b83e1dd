//! SPARQL queries over the store with predeclared prefixes, and results in
//! the standard formats (or a plain table for terminals).

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use std::borrow::Cow;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    PreparedSparqlQuery, QueryResults, QuerySolution, QuerySolutionIter, SparqlEvaluator,
};
use oxigraph::store::Store;
use spargebra::Query;

use crate::backend::Backend;
use crate::error::{Error, Result};
use crate::rdf::PREFIXES;

/// Output formats for `actorgraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text table (SELECT), Turtle (CONSTRUCT).
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
    /// Turtle (CONSTRUCT/DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT/DESCRIBE).
    Ntriples,
}

/// A query evaluator with the actorgraph prefixes declared.
pub fn evaluator() -> SparqlEvaluator {
    let mut e = SparqlEvaluator::new();
    for (p, iri) in PREFIXES {
        e = e.with_prefix(*p, *iri).expect("prefix IRIs are valid");
    }
    e
}

/// Prepares a parsed query: the default graph is the union of all graphs
/// (analysts query across documents) unless the query names its own
/// dataset with FROM. The CLI, the backends and the server all go through it.
pub fn for_query(evaluator: SparqlEvaluator, query: Query) -> PreparedSparqlQuery {
    let mut prepared = evaluator.for_query(query);
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
}

/// Evaluates a parsed query on `store` (default graph: see [`for_query`]).
pub fn evaluate_query(store: &Store, query: Query) -> Result<QueryResults<'static>> {
    for_query(evaluator(), query)
        .on_store(store)
        .execute()
        .map_err(|e| Error::Sparql(e.to_string()))
}

/// Runs a parsed query (parameters bound) on a local or remote store and
/// writes the results to `out`.
pub fn run(backend: &Backend, query: Query, format: Format, out: &mut dyn Write) -> Result<()> {
    write_results(backend.evaluate_parsed(query)?, format, out)
}

fn io_err(e: std::io::Error) -> Error {
    Error::Io {
        path: "<stdout>".into(),
        source: e,
    }
}

/// Serializes results in `format`.
pub fn write_results(results: QueryResults<'_>, format: Format, out: &mut dyn Write) -> Result<()> {
    let rformat = match format {
        Format::Json => Some(QueryResultsFormat::Json),
        Format::Csv => Some(QueryResultsFormat::Csv),
        Format::Tsv => Some(QueryResultsFormat::Tsv),
        Format::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            if format == Format::Csv {
                return write_csv(solutions, out);
            }
            if let Some(f) = rformat {
                let mut ser = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(out, vars)
                    .map_err(io_err)?;
                for s in solutions {
                    let s = s.map_err(|e| Error::Sparql(e.to_string()))?;
                    if f == QueryResultsFormat::Xml {
                        ser.serialize(&xml_safe(s)).map_err(io_err)?;
                    } else {
                        ser.serialize(&s).map_err(io_err)?;
                    }
                }
                ser.finish().map_err(io_err)?;
                return Ok(());
            }
            if matches!(format, Format::Turtle | Format::Ntriples) {
                return Err(Error::Usage(
                    "a SELECT query gives a table: use --format table, json, csv, tsv or xml"
                        .into(),
                ));
            }
            let mut rows: Vec<Vec<String>> = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| Error::Sparql(e.to_string()))?;
                rows.push(
                    vars.iter()
                        .map(|v| s.get(v).map(short).unwrap_or_default())
                        .collect(),
                );
            }
            let header: Vec<String> = vars.iter().map(|v| v.as_str().to_string()).collect();
            write_table(out, &header, &rows).map_err(io_err)
        }
        QueryResults::Boolean(b) => {
            if let Some(f) = rformat {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(out, b)
                    .map_err(io_err)?;
                Ok(())
            } else {
                writeln!(out, "{b}").map_err(io_err)
            }
        }
        QueryResults::Graph(triples) => {
            let f = match format {
                Format::Ntriples => RdfFormat::NTriples,
                Format::Turtle | Format::Table => RdfFormat::Turtle,
                _ => {
                    return Err(Error::Usage(
                        "a CONSTRUCT/DESCRIBE query gives RDF: use --format turtle or ntriples"
                            .into(),
                    ));
                }
            };
            let mut ser = RdfSerializer::from_format(f);
            if f == RdfFormat::Turtle {
                for (p, iri) in PREFIXES {
                    ser = ser.with_prefix(*p, *iri).expect("prefix IRIs are valid");
                }
            }
            let mut w = ser.for_writer(out);
            for t in triples {
                let t = t.map_err(|e| Error::Sparql(e.to_string()))?;
                w.serialize_triple(&t).map_err(io_err)?;
            }
            w.finish().map_err(io_err)?;
            Ok(())
        }
    }
}

/// A literal with `value` instead of its own, same datatype or language.
fn with_value(l: &Literal, value: String) -> Literal {
    match l.language() {
        Some(lang) => Literal::new_language_tagged_literal_unchecked(value, lang),
        None => Literal::new_typed_literal(value, l.datatype()),
    }
}

/// `s` with its literals cleaned of the characters XML 1.0 forbids
/// ([`crate::export::xml::clean`]): the results XML stays well-formed
/// whatever a corpus text held. IRIs cannot hold them.
pub fn xml_safe(s: QuerySolution) -> QuerySolution {
    let dirty = |t: &Term| matches!(t, Term::Literal(l) if matches!(crate::export::xml::clean(l.value()), Cow::Owned(_)));
    if !s.values().iter().flatten().any(dirty) {
        return s;
    }
    let values: Vec<Option<Term>> = s
        .values()
        .iter()
        .map(|t| match t {
            Some(Term::Literal(l)) => {
                Some(with_value(l, crate::export::xml::clean(l.value()).into_owned()).into())
            }
            other => other.clone(),
        })
        .collect();
    QuerySolution::from((s.variables().to_vec(), values))
}

/// One SPARQL 1.1 CSV cell, with text that a spreadsheet would read as a
/// formula defused ([`crate::export::csv::field`]); typed literals that
/// are numbers are written as they are.
fn csv_cell(t: Option<&Term>) -> String {
    match t {
        None => String::new(),
        Some(Term::NamedNode(n)) => crate::export::csv::field(n.as_str()),
        Some(Term::Literal(l))
            if l.datatype() == xsd::STRING || l.datatype() == rdf::LANG_STRING =>
        {
            crate::export::csv::field(l.value())
        }
        Some(Term::Literal(l)) => crate::export::csv::number(l.value()),
        Some(other) => crate::export::csv::field(&other.to_string()),
    }
}

/// SELECT results as SPARQL 1.1 CSV (CRLF line ends, like Oxigraph's
/// writer), safe for spreadsheet import.
fn write_csv(solutions: QuerySolutionIter<'_>, out: &mut dyn Write) -> Result<()> {
    let vars = solutions.variables().to_vec();
    let header: Vec<&str> = vars.iter().map(|v| v.as_str()).collect();
    write!(out, "{}\r\n", header.join(",")).map_err(io_err)?;
    for s in solutions {
        let s = s.map_err(|e| Error::Sparql(e.to_string()))?;
        let cells: Vec<String> = vars.iter().map(|v| csv_cell(s.get(v))).collect();
        write!(out, "{}\r\n", cells.join(",")).map_err(io_err)?;
    }
    Ok(())
}

/// A compact rendering of a term for tables: prefixed IRIs, plain literals.
pub fn short(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            for (p, iri) in PREFIXES {
                if let Some(rest) = n.as_str().strip_prefix(iri) {
                    return format!("{p}:{rest}");
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count().min(60));
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c: String = c.chars().take(60).collect();
                format!("{c:<w$}", w = widths[i])
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    writeln!(out, "{}", line(header).trim_end())?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for r in rows {
        writeln!(out, "{}", line(r).trim_end())?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}
