//! SPARQL 1.1 Protocol details: reading a request's operation and dataset,
//! content negotiation, and the service description.

use oxigraph::io::RdfFormat;
use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, Literal, NamedNode, Triple};
use oxigraph::sparql::results::QueryResultsFormat;

/// Decodes `application/x-www-form-urlencoded` (also a URL's query string).
pub fn form_decode(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            x => out.push(x),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The media types of an `Accept` header, best first (stable for ties).
pub fn accepted(accept: &str) -> Vec<String> {
    let mut items: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, item)| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, i, media))
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, m)| m).collect()
}

/// The results format for SELECT/ASK: a `format` parameter (json, xml,
/// csv, tsv) wins, then `Accept`; JSON when anything goes. `None`: 406.
pub fn results_format(accept: &str, format: Option<&str>) -> Option<QueryResultsFormat> {
    if let Some(f) = format {
        return match f {
            "json" => Some(QueryResultsFormat::Json),
            "xml" => Some(QueryResultsFormat::Xml),
            "csv" => Some(QueryResultsFormat::Csv),
            "tsv" => Some(QueryResultsFormat::Tsv),
            other => QueryResultsFormat::from_media_type(other),
        };
    }
    let media = accepted(accept);
    if media.is_empty() {
        return Some(QueryResultsFormat::Json);
    }
    for m in media {
        if let Some(f) = QueryResultsFormat::from_media_type(&m) {
            return Some(f);
        }
        match m.as_str() {
            "*/*" | "application/*" | "application/json" => return Some(QueryResultsFormat::Json),
            "text/*" => return Some(QueryResultsFormat::Csv),
            "application/xml" | "text/xml" => return Some(QueryResultsFormat::Xml),
            _ => {}
        }
    }
    None
}

/// The RDF format for CONSTRUCT/DESCRIBE and graph reads: Turtle when
/// anything goes. `None`: 406.
pub fn rdf_format(accept: &str, format: Option<&str>) -> Option<RdfFormat> {
    if let Some(f) = format {
        return match f {
            "turtle" | "ttl" => Some(RdfFormat::Turtle),
            "ntriples" | "nt" => Some(RdfFormat::NTriples),
            "rdfxml" | "xml" => Some(RdfFormat::RdfXml),
            "jsonld" | "json" => RdfFormat::from_media_type("application/ld+json"),
            other => RdfFormat::from_media_type(other),
        };
    }
    let media = accepted(accept);
    if media.is_empty() {
        return Some(RdfFormat::Turtle);
    }
    for m in media {
        if let Some(f) = RdfFormat::from_media_type(&m) {
            return Some(f);
        }
        match m.as_str() {
            "*/*" | "text/*" => return Some(RdfFormat::Turtle),
            "application/*" => return Some(RdfFormat::NTriples),
            "application/xml" | "text/xml" => return Some(RdfFormat::RdfXml),
            "application/json" => return RdfFormat::from_media_type("application/ld+json"),
            _ => {}
        }
    }
    None
}

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
const FORMATS: &str = "http://www.w3.org/ns/formats/";

/// The SPARQL 1.1 Service Description of the endpoint at `endpoint`.
pub fn service_description(endpoint: &str, update: bool) -> Vec<Triple> {
    let sd = |l: &str| NamedNode::new_unchecked(format!("{SD}{l}"));
    let fmt = |l: &str| NamedNode::new_unchecked(format!("{FORMATS}{l}"));
    let service = NamedNode::new_unchecked(format!("{endpoint}#service"));
    let mut t = vec![
        Triple::new(service.clone(), rdf::TYPE, sd("Service")),
        Triple::new(
            service.clone(),
            sd("endpoint"),
            NamedNode::new_unchecked(endpoint),
        ),
        Triple::new(
            service.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Query"),
        ),
        // No sd:BasicFederatedQuery: SERVICE is refused (501).
        Triple::new(service.clone(), sd("feature"), sd("UnionDefaultGraph")),
    ];
    if update {
        t.push(Triple::new(
            service.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Update"),
        ));
    }
    for f in [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
    ] {
        t.push(Triple::new(service.clone(), sd("resultFormat"), fmt(f)));
    }
    let dataset = BlankNode::default();
    let default_graph = BlankNode::default();
    t.push(Triple::new(
        service.clone(),
        sd("defaultDataset"),
        dataset.clone(),
    ));
    t.push(Triple::new(dataset.clone(), rdf::TYPE, sd("Dataset")));
    t.push(Triple::new(
        dataset.clone(),
        sd("defaultGraph"),
        default_graph.clone(),
    ));
    t.push(Triple::new(default_graph, rdf::TYPE, sd("Graph")));
    t.push(Triple::new(
        service,
        NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#comment"),
        Literal::new_language_tagged_literal_unchecked(
            "actorgraph: statements between political actors read from news; the default graph is the union of all named graphs (one per document, plus the knowledge base and the ontology)",
            "en",
        ),
    ));
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode() {
        let kv =
            form_decode("query=SELECT+%3Fs%20WHERE&default-graph-uri=http%3A%2F%2Fx&bad=%zz&e=");
        assert_eq!(kv[0], ("query".into(), "SELECT ?s WHERE".into()));
        assert_eq!(kv[1].1, "http://x");
        assert_eq!(kv[2].1, "%zz");
        assert_eq!(kv[3], ("e".into(), String::new()));
        assert_eq!(form_decode("a=%4"), vec![("a".into(), "%4".into())]);
    }

    #[test]
    fn negotiation_table() {
        let cases: &[(&str, Option<&str>, Option<QueryResultsFormat>)] = &[
            ("", None, Some(QueryResultsFormat::Json)),
            ("*/*", None, Some(QueryResultsFormat::Json)),
            (
                "application/sparql-results+xml",
                None,
                Some(QueryResultsFormat::Xml),
            ),
            ("text/csv", None, Some(QueryResultsFormat::Csv)),
            (
                "text/tab-separated-values",
                None,
                Some(QueryResultsFormat::Tsv),
            ),
            (
                "text/csv;q=0.5, application/sparql-results+json",
                None,
                Some(QueryResultsFormat::Json),
            ),
            ("image/png", None, None),
            ("image/png", Some("tsv"), Some(QueryResultsFormat::Tsv)),
        ];
        for (accept, format, want) in cases {
            assert_eq!(
                results_format(accept, *format),
                *want,
                "{accept} {format:?}"
            );
        }
        assert_eq!(rdf_format("", None), Some(RdfFormat::Turtle));
        assert_eq!(
            rdf_format("application/n-triples", None),
            Some(RdfFormat::NTriples)
        );
        assert_eq!(
            rdf_format("application/rdf+xml", None),
            Some(RdfFormat::RdfXml)
        );
        assert!(matches!(
            rdf_format("application/ld+json", None),
            Some(RdfFormat::JsonLd { .. })
        ));
        assert_eq!(rdf_format("image/png", None), None);
    }

    #[test]
    fn description_names_the_endpoint_and_update() {
        let ro = service_description("http://127.0.0.1:7878/sparql", false);
        let rw = service_description("http://127.0.0.1:7878/sparql", true);
        assert!(
            ro.iter()
                .any(|t| t.object.to_string() == "<http://127.0.0.1:7878/sparql>")
        );
        assert_eq!(rw.len(), ro.len() + 1);
        assert!(
            !ro.iter()
                .any(|t| t.object.to_string().contains("BasicFederatedQuery"))
        );
    }
}
