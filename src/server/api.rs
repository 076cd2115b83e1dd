//! The workbench's read-only JSON endpoints under `/api/`.
//!
//! SPARQL goes through the `/sparql` route itself ([`sparql`] hands it an
//! internal request), so it has the endpoint's timeout, row limit and error
//! answers; values are bound into the parsed query as terms
//! ([`crate::params`]), never pasted into its text.

// Handlers return the error response itself, as in `handlers`.
#![allow(clippy::result_large_err)]

use std::io::Read;

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::model::{Literal, NamedNode, Term};
use serde_json::{Map, Value, json};

use super::protocol::form_decode;
use super::{State, handlers, library, netview, text};
use crate::params::Param;

pub(crate) type Resp = Response<Body>;

/// Query-string (or form) pairs.
pub(crate) type Pairs = Vec<(String, String)>;

/// The last value of `key`, if not empty.
pub(crate) fn one<'a>(pairs: &'a Pairs, key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Every non-empty value of `key`, split on commas too.
pub(crate) fn many(pairs: &Pairs, key: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(','))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// A JSON response.
pub(crate) fn json_response(v: &Value) -> Resp {
    Response::builder()
        .header("content-type", "application/json; charset=utf-8")
        .body(Body::from(v.to_string()))
        .expect("valid response")
}

fn bad(message: impl Into<String>) -> Resp {
    text(StatusCode::BAD_REQUEST, message)
}

/// Dispatches `/api/…`.
pub(crate) fn route(state: &State, req: &mut Request<Body>) -> Resp {
    let mut pairs = form_decode(req.uri().query().unwrap_or(""));
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    if method == Method::POST {
        // Long query texts come as a form.
        match form_body(state, req) {
            Ok(more) => pairs.extend(more),
            Err(e) => return e,
        }
    } else if method != Method::GET && method != Method::HEAD {
        return text(StatusCode::METHOD_NOT_ALLOWED, "the API is read-only: GET");
    }
    let accept = req
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let r = match path.as_str() {
        "/api/queries" => Ok(json_response(&json!(library::queries()))),
        "/api/prefixes" => Ok(json_response(&json!(
            crate::rdf::PREFIXES
                .iter()
                .map(|(p, iri)| json!({ "prefix": p, "iri": iri }))
                .collect::<Vec<_>>()
        ))),
        "/api/query" => run_query(state, &pairs, &accept),
        "/api/network" => netview::network(state, &pairs),
        "/api/statements" => statements(state, &pairs),
        "/api/actor" => actor(state, &pairs),
        _ => Err(text(StatusCode::NOT_FOUND, format!("no route {path}"))),
    };
    r.unwrap_or_else(|e| e)
}

fn form_body(state: &State, req: &mut Request<Body>) -> Result<Pairs, Resp> {
    let ct = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct.starts_with("application/x-www-form-urlencoded") {
        return Err(text(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "POST a form (application/x-www-form-urlencoded)",
        ));
    }
    let mut buf = Vec::new();
    req.body_mut()
        .take(state.max_body as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| bad(format!("cannot read the body: {e}")))?;
    if buf.len() > state.max_body {
        return Err(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over {} bytes (--max-body)", state.max_body),
        ));
    }
    let body = String::from_utf8(buf).map_err(|_| bad("the body is not UTF-8"))?;
    Ok(form_decode(&body))
}

/// Runs SPARQL text through the `/sparql` route, with `accept` (and the
/// `format` parameter, when given) choosing the results format.
pub(crate) fn sparql(state: &State, query: &str, accept: &str, format: Option<&str>) -> Resp {
    let uri = match format {
        Some(f) => format!("/sparql?format={}", crate::rdf::percent_encode(f, b"")),
        None => "/sparql".to_string(),
    };
    let accept = if accept.is_empty() {
        "application/sparql-results+json"
    } else {
        accept
    };
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(CONTENT_TYPE, "application/sparql-query")
        .header(ACCEPT, accept)
        .body(Body::from(query.to_string()))
        .expect("valid request");
    handlers::route(state, &mut req)
}

/// Binds `params` into `query` and runs it through `/sparql`.
fn bound(
    state: &State,
    query: &str,
    params: &[Param],
    accept: &str,
    format: Option<&str>,
) -> Result<Resp, Resp> {
    let q = crate::params::prepare(query, params).map_err(|e| bad(e.to_string()))?;
    Ok(sparql(state, &q.to_string(), accept, format))
}

/// The solutions of a SELECT, each a map from variable to its JSON term
/// (`{"type", "value", "xml:lang"?}`).
pub(crate) fn select(
    state: &State,
    query: &str,
    params: &[Param],
) -> Result<Vec<Map<String, Value>>, Resp> {
    let resp = bound(
        state,
        query,
        params,
        "application/sparql-results+json",
        None,
    )?;
    if resp.status() != StatusCode::OK {
        return Err(resp);
    }
    let bytes = resp.into_body().to_vec().unwrap_or_default();
    let v: Value = serde_json::from_slice(&bytes).map_err(|e| {
        text(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("bad SPARQL JSON: {e}"),
        )
    })?;
    Ok(v["results"]["bindings"]
        .as_array()
        .map(|rows| rows.iter().filter_map(|r| r.as_object().cloned()).collect())
        .unwrap_or_default())
}

/// The value of `var` in a solution, `""` when unbound.
pub(crate) fn val<'a>(row: &'a Map<String, Value>, var: &str) -> &'a str {
    row.get(var)
        .and_then(|t| t["value"].as_str())
        .unwrap_or_default()
}

/// `/api/query?name=LIBRARY-NAME` or `query=TEXT`, with `p=NAME=VALUE`
/// parameters (as `--param`): SPARQL results in the negotiated format.
fn run_query(state: &State, pairs: &Pairs, accept: &str) -> Result<Resp, Resp> {
    let text = match (one(pairs, "query"), one(pairs, "name")) {
        (Some(q), _) => q.to_string(),
        (None, Some(n)) => library::text_of(n)
            .ok_or_else(|| text(StatusCode::NOT_FOUND, format!("no library query `{n}`")))?
            .to_string(),
        (None, None) => return Err(bad("give name=LIBRARY-QUERY or query=SPARQL")),
    };
    let params = pairs
        .iter()
        .filter(|(k, _)| k == "p")
        .map(|(_, v)| Param::parse(v).map_err(|e| bad(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    bound(state, &text, &params, accept, one(pairs, "format"))
}

/// An entity IRI from a full IRI or an id under the entity namespace.
pub(crate) fn entity(s: &str) -> Result<NamedNode, Resp> {
    let full = if s.contains("://") {
        s.to_string()
    } else {
        format!("{}{s}", crate::rdf::ID)
    };
    NamedNode::new(&full).map_err(|e| bad(format!("bad IRI `{s}`: {e}")))
}

fn param(name: &str, term: impl Into<Term>) -> Param {
    Param {
        name: name.into(),
        term: term.into(),
    }
}

const STATEMENTS: &str = r##"SELECT ?st ?predicate ?polarity ?modality ?rule ?confidence ?plover ?date ?doc ?title ?sentence ?attributed WHERE {
  ?st ag:subject ?s ; ag:object ?o ; ag:predicate ?p ; ag:polarity ?polarity ;
      ag:modality ?modality ; ag:rule ?rule ; prov:wasDerivedFrom ?doc ; ag:evidence ?sent .
  ?sent ag:text ?sentence .
  OPTIONAL { ?st dcterms:date ?date }
  OPTIONAL { ?st ag:plover ?plover }
  OPTIONAL { ?st ag:confidence ?confidence }
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?st prov:wasAttributedTo ?a . ?a rdfs:label ?attributed }
  BIND(STRAFTER(STR(?p), "#") AS ?predicate)
  #FILTERS
}
ORDER BY ?date ?doc ?st"##;

/// `/api/statements?s=…&o=…[&p=PREDICATE][&polarity=…][&asserted=0][&since=…][&until=…]`:
/// the statements behind an edge, with sentence, document, date, modality,
/// rule and confidence (stores written before confidence was stored: none).
fn statements(state: &State, pairs: &Pairs) -> Result<Resp, Resp> {
    let (Some(s), Some(o)) = (one(pairs, "s"), one(pairs, "o")) else {
        return Err(bad("give s=SUBJECT-IRI and o=OBJECT-IRI"));
    };
    let mut params = vec![param("s", entity(s)?), param("o", entity(o)?)];
    if let Some(p) = one(pairs, "p").filter(|p| *p != "pair") {
        crate::predicate::Predicate::parse(p)
            .ok_or_else(|| bad(format!("unknown predicate `{p}`")))?;
        params.push(param(
            "p",
            NamedNode::new_unchecked(format!("{}{p}", crate::rdf::AG)),
        ));
    }
    if let Some(pol) = one(pairs, "polarity") {
        if pol != "positive" && pol != "negative" {
            return Err(bad("polarity is positive or negative"));
        }
        params.push(param("polarity", Literal::new_simple_literal(pol)));
    }
    // Asserted statements only unless `asserted=0`, as the network's edges.
    if one(pairs, "asserted").is_none_or(|v| v != "0" && v != "false") {
        params.push(param("modality", Literal::new_simple_literal("asserted")));
    }
    let mut filters = String::new();
    for (key, op) in [("since", ">="), ("until", "<=")] {
        if let Some(d) = one(pairs, key) {
            let p = Param::parse(&format!("{key}={d}")).map_err(|e| bad(e.to_string()))?;
            filters.push_str(&format!("FILTER(BOUND(?date) && ?date {op} ?{key})\n"));
            params.push(p);
        }
    }
    let q = STATEMENTS.replace("#FILTERS", &filters);
    let rows = select(state, &q, &params)?;
    let out: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "statement": val(r, "st"),
                "predicate": val(r, "predicate"),
                "polarity": val(r, "polarity"),
                "modality": val(r, "modality"),
                "rule": val(r, "rule"),
                "confidence": val(r, "confidence"),
                "plover": val(r, "plover"),
                "date": val(r, "date"),
                "document": val(r, "doc"),
                "title": val(r, "title"),
                "sentence": val(r, "sentence"),
                "attributed_to": val(r, "attributed"),
            })
        })
        .collect();
    Ok(json_response(&json!({ "statements": out })))
}

const FACTS: &str = "SELECT DISTINCT ?p ?v ?vlabel WHERE {
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel rdf:type ag:country ag:cameo owl:sameAs
              ag:role ag:leaderOf ag:memberOf ag:partOf ag:locatedIn }
  ?id ?p ?v .
  OPTIONAL { ?v rdfs:label ?vlabel }
}";

const ROLES: &str = "SELECT DISTINCT ?kind ?of ?oflabel ?start ?end WHERE {
  ?id ag:holds ?r . ?r ag:roleKind ?kind ; ag:roleOf ?of .
  OPTIONAL { ?of rdfs:label ?oflabel }
  OPTIONAL { ?r ag:start ?start }
  OPTIONAL { ?r ag:end ?end }
}
ORDER BY ?start ?kind";

/// `/api/actor?id=IRI`: labels (by language), type, country, Wikidata
/// link, relations and roles of one actor.
fn actor(state: &State, pairs: &Pairs) -> Result<Resp, Resp> {
    let id = entity(one(pairs, "id").ok_or_else(|| bad("give id=ACTOR-IRI"))?)?;
    let params = [param("id", id.clone())];
    let facts = select(state, FACTS, &params)?;
    if facts.is_empty() {
        return Err(text(StatusCode::NOT_FOUND, format!("no actor {id}")));
    }
    let mut out = json!({ "iri": id.as_str(), "labels": {}, "alt_labels": [], "types": [],
                          "relations": [], "text_roles": [], "roles": [] });
    for r in &facts {
        let p = local(val(r, "p"));
        let v = val(r, "v");
        let lang = r
            .get("v")
            .and_then(|t| t["xml:lang"].as_str())
            .unwrap_or("");
        match p {
            "label" => out["label"] = json!(v),
            "prefLabel" if !lang.is_empty() => out["labels"][lang] = json!(v),
            "altLabel" => push(&mut out["alt_labels"], json!({ "value": v, "lang": lang })),
            "type" => push(&mut out["types"], json!(local(v))),
            "country" | "cameo" => out[p] = json!(v),
            "sameAs" if v.starts_with(crate::rdf::WD) => {
                out["wikidata"] = json!(local(v));
                out["wikidata_url"] = json!(v.replacen("http://", "https://", 1));
            }
            "role" => push(&mut out["text_roles"], json!(v)),
            "leaderOf" | "memberOf" | "partOf" | "locatedIn" => push(
                &mut out["relations"],
                json!({ "relation": p, "iri": v, "label": val(r, "vlabel") }),
            ),
            _ => {}
        }
    }
    for r in select(state, ROLES, &params)? {
        push(
            &mut out["roles"],
            json!({ "role": val(&r, "kind"), "of": val(&r, "of"), "of_label": val(&r, "oflabel"),
                    "start": val(&r, "start"), "end": val(&r, "end") }),
        );
    }
    Ok(json_response(&out))
}

/// The local part of an IRI (after `#` or the last `/`).
pub(crate) fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

fn push(list: &mut Value, v: Value) {
    if let Some(a) = list.as_array_mut() {
        if !a.contains(&v) {
            a.push(v);
        }
    }
}
