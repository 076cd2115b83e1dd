//! Request handlers: query, update, graph store, health.

// Handlers return the error response itself (`Err(Response)`): built once,
// on the failing path only, so its size does not matter.
#![allow(clippy::result_large_err)]

use std::io::Read;

use oxhttp::model::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HOST};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{QueryEvaluationError, QueryResults};

use super::protocol::{form_decode, rdf_format, service_description};
use super::{State, evaluate, refuse, text};
use crate::rdf::PREFIXES;

type Resp = Response<Body>;

fn header(req: &Request<Body>, name: impl oxhttp::model::header::AsHeaderName) -> &str {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn media_type(req: &Request<Body>) -> String {
    header(req, CONTENT_TYPE)
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Reads the body, refusing more than the limit.
fn body(state: &State, req: &mut Request<Body>) -> Result<Vec<u8>, Resp> {
    let mut buf = Vec::new();
    req.body_mut()
        .take(state.max_body as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| {
            text(
                StatusCode::BAD_REQUEST,
                format!("cannot read the body: {e}"),
            )
        })?;
    if buf.len() > state.max_body {
        return Err(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body over {} bytes (--max-body)", state.max_body),
        ));
    }
    Ok(buf)
}

fn utf8(buf: Vec<u8>) -> Result<String, Resp> {
    String::from_utf8(buf).map_err(|_| text(StatusCode::BAD_REQUEST, "the body is not UTF-8"))
}

/// The token of an `Authorization: Bearer` header (RFC 7235: the scheme
/// is case-insensitive, then one or more spaces).
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim_matches(' '))
}

/// Writes need --allow-update and the exact bearer token.
fn may_write(state: &State, req: &Request<Body>) -> Result<(), Resp> {
    if !state.allow_update {
        return Err(text(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only (start it with --allow-update --token-file FILE)",
        ));
    }
    let given = bearer(header(req, AUTHORIZATION)).unwrap_or("");
    let want = state.token.as_deref().unwrap_or("");
    // Constant-time comparison: no timing hint about the token.
    let same = given.len() == want.len()
        && given
            .bytes()
            .zip(want.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if want.is_empty() || !same {
        return Err(text(
            StatusCode::FORBIDDEN,
            "updates need the server's bearer token (Authorization: Bearer …)",
        ));
    }
    Ok(())
}

/// Dispatches one request.
pub(crate) fn route(state: &State, req: &mut Request<Body>) -> Resp {
    let path = req.uri().path().to_string();
    let method = req.method().clone();
    let r = match (method.as_str(), path.as_str()) {
        ("GET" | "HEAD", "/health") => Ok(Response::builder()
            .header("content-type", "application/json")
            .body(Body::from(format!(
                "{{\"status\":\"ok\",\"update\":{}}}\n",
                state.allow_update
            )))
            .expect("valid response")),
        ("GET" | "HEAD", "/") => Ok(super::web::index()),
        ("GET" | "HEAD", p) if p.starts_with("/web/") => Ok(super::web::asset(p)),
        (_, p) if p.starts_with("/api/") => Ok(super::api::route(state, req)),
        (_, "/sparql" | "/query") => query_route(state, req),
        ("POST", "/update") => update_route(state, req),
        (_, "/update") => Err(text(StatusCode::METHOD_NOT_ALLOWED, "POST a SPARQL Update")),
        (_, "/store") => store_route(state, req),
        _ => Err(text(StatusCode::NOT_FOUND, format!("no route {path}"))),
    };
    r.unwrap_or_else(|e| e)
}

fn query_route(state: &State, req: &mut Request<Body>) -> Result<Resp, Resp> {
    let mut params = form_decode(req.uri().query().unwrap_or(""));
    let mut query = None;
    match *req.method() {
        Method::GET | Method::HEAD => {}
        Method::POST => match media_type(req).as_str() {
            "application/sparql-query" => query = Some(utf8(body(state, req)?)?),
            "application/x-www-form-urlencoded" => {
                params.extend(form_decode(&utf8(body(state, req)?)?))
            }
            "application/sparql-update" => {
                return Err(text(StatusCode::BAD_REQUEST, "POST updates to /update"));
            }
            other => {
                return Err(text(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!("POST application/sparql-query or a form, not `{other}`"),
                ));
            }
        },
        _ => return Err(text(StatusCode::METHOD_NOT_ALLOWED, "GET or POST a query")),
    }
    let get = |k: &str| -> Vec<String> {
        params
            .iter()
            .filter(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .collect()
    };
    if let Some(u) = get("update").pop() {
        may_write(state, req)?;
        return run_update(state, &u);
    }
    let query = query.or_else(|| get("query").pop());
    let format = get("format").pop();
    let accept = header(req, ACCEPT).to_string();
    let Some(query) = query else {
        let host = header(req, HOST);
        let endpoint = format!(
            "http://{}{}",
            if host.is_empty() { "localhost" } else { host },
            req.uri().path()
        );
        let f = rdf_format(&accept, format.as_deref()).ok_or_else(not_acceptable)?;
        let triples = service_description(&endpoint, state.allow_update);
        return rdf_response(f, triples.into_iter().map(Ok), usize::MAX);
    };
    let parsed = crate::params::parse_query(&query)
        .map_err(|e| text(StatusCode::BAD_REQUEST, e.to_string()))?;
    let iris = |values: Vec<String>| {
        values
            .into_iter()
            .map(|s| {
                NamedNode::new(s.clone())
                    .map_err(|e| text(StatusCode::BAD_REQUEST, format!("bad graph IRI `{s}`: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()
    };
    let request = evaluate::Request {
        defaults: iris(get("default-graph-uri"))?,
        named: iris(get("named-graph-uri"))?,
        accept,
        format,
    };
    evaluate::query(state, parsed, request)
}

/// A response without a body.
fn empty(status: StatusCode) -> Resp {
    Response::builder()
        .status(status)
        .body(Body::empty())
        .expect("valid response")
}

pub(super) fn not_acceptable() -> Resp {
    text(
        StatusCode::NOT_ACCEPTABLE,
        "no acceptable format: results in application/sparql-results+json, +xml, text/csv, text/tab-separated-values; graphs in text/turtle, application/n-triples, application/rdf+xml, application/ld+json",
    )
}

fn ok(content_type: &str, body: Vec<u8>, truncated: Option<usize>) -> Resp {
    let mut b = Response::builder().header("content-type", content_type);
    if let Some(n) = truncated {
        b = b.header("x-sparql-maxrows", n.to_string());
    }
    b.body(Body::from(body)).expect("valid response")
}

pub(super) fn rdf_response(
    f: RdfFormat,
    triples: impl Iterator<Item = Result<oxigraph::model::Triple, Resp>>,
    max: usize,
) -> Result<Resp, Resp> {
    let mut ser = RdfSerializer::from_format(f);
    if f == RdfFormat::Turtle {
        for (p, iri) in PREFIXES {
            ser = ser.with_prefix(*p, *iri).expect("prefix IRIs are valid");
        }
    }
    let mut w = ser.for_writer(Vec::new());
    let mut truncated = None;
    for (i, t) in triples.enumerate() {
        if i == max {
            truncated = Some(max);
            break;
        }
        w.serialize_triple(&t?)
            .map_err(|e| text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    }
    let buf = w
        .finish()
        .map_err(|e| text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let ct = format!("{}; charset=utf-8", f.media_type());
    Ok(ok(&ct, buf, truncated))
}

pub(super) fn results_response(
    max_rows: usize,
    fail: &dyn Fn(QueryEvaluationError) -> Resp,
    f: oxigraph::sparql::results::QueryResultsFormat,
    results: QueryResults<'_>,
) -> Result<Resp, Resp> {
    let io = |e: std::io::Error| text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    let ser = QueryResultsSerializer::from_format(f);
    let mut truncated = None;
    let buf = match results {
        QueryResults::Boolean(b) => ser.serialize_boolean_to_writer(Vec::new(), b).map_err(io)?,
        QueryResults::Solutions(rows) => {
            let mut w = ser
                .serialize_solutions_to_writer(Vec::new(), rows.variables().to_vec())
                .map_err(io)?;
            for (i, row) in rows.enumerate() {
                if i == max_rows {
                    truncated = Some(i);
                    break;
                }
                let row = row.map_err(fail)?;
                w.serialize(&row).map_err(io)?;
            }
            w.finish().map_err(io)?
        }
        QueryResults::Graph(_) => unreachable!("graphs are written as RDF"),
    };
    Ok(ok(f.media_type(), buf, truncated))
}

fn update_route(state: &State, req: &mut Request<Body>) -> Result<Resp, Resp> {
    may_write(state, req)?;
    let update = match media_type(req).as_str() {
        "application/sparql-update" => utf8(body(state, req)?)?,
        "application/x-www-form-urlencoded" => form_decode(&utf8(body(state, req)?)?)
            .into_iter()
            .find(|(k, _)| k == "update")
            .map(|(_, v)| v)
            .ok_or_else(|| text(StatusCode::BAD_REQUEST, "the form has no `update`"))?,
        other => {
            return Err(text(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!("POST application/sparql-update or a form, not `{other}`"),
            ));
        }
    };
    run_update(state, &update)
}

fn run_update(state: &State, update: &str) -> Result<Resp, Resp> {
    let mut parser = spargebra::SparqlParser::new();
    for (p, iri) in PREFIXES {
        parser = parser.with_prefix(*p, *iri).expect("prefix IRIs are valid");
    }
    let parsed = parser
        .parse_update(update)
        .map_err(|e| text(StatusCode::BAD_REQUEST, e.to_string()))?;
    refuse::update(&parsed).map_err(|r| evaluate::refusal(&r))?;
    crate::sparql::evaluator()
        .for_update(parsed)
        .on_store(&state.store)
        .execute()
        .map_err(|e| text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(empty(StatusCode::NO_CONTENT))
}

/// Graph Store Protocol: GET/PUT/POST/DELETE `?graph=IRI` or `?default`;
/// a POST without either and with a dataset type (N-Quads, TriG) adds
/// whole named graphs at once (how `ingest` loads a batch).
fn store_route(state: &State, req: &mut Request<Body>) -> Result<Resp, Resp> {
    let params = form_decode(req.uri().query().unwrap_or(""));
    let graph: Option<GraphName> = match params.iter().find(|(k, _)| k == "graph") {
        Some((_, g)) => Some(
            NamedNode::new(g.clone())
                .map_err(|e| text(StatusCode::BAD_REQUEST, format!("bad graph IRI: {e}")))?
                .into(),
        ),
        None if params.iter().any(|(k, _)| k == "default") => Some(GraphName::DefaultGraph),
        None => None,
    };
    let method = req.method().clone();
    if method != Method::GET && method != Method::HEAD {
        may_write(state, req)?;
    }
    let serr = |e: &dyn std::fmt::Display| text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    match (method.as_str(), graph) {
        ("GET" | "HEAD", Some(g)) => {
            if let GraphName::NamedNode(n) = &g {
                if !state.store.contains_named_graph(n).map_err(|e| serr(&e))? {
                    return Err(text(StatusCode::NOT_FOUND, "no such graph"));
                }
            }
            let f = rdf_format(header(req, ACCEPT), None).ok_or_else(not_acceptable)?;
            let triples = state
                .store
                .quads_for_pattern(None, None, None, Some(g.as_ref()))
                .map(|q| q.map(Into::into).map_err(|e| serr(&e)));
            rdf_response(f, triples, usize::MAX)
        }
        ("PUT" | "POST", Some(g)) => {
            let f = RdfFormat::from_media_type(&media_type(req)).ok_or_else(|| {
                text(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "send Turtle, N-Triples or RDF/XML",
                )
            })?;
            let data = body(state, req)?;
            let existed = match &g {
                GraphName::NamedNode(n) => {
                    state.store.contains_named_graph(n).map_err(|e| serr(&e))?
                }
                _ => true,
            };
            let mut tx = state.store.start_transaction().map_err(|e| serr(&e))?;
            if method == Method::PUT {
                tx.clear_graph(g.as_ref()).map_err(|e| serr(&e))?;
            }
            tx.load_from_slice(
                RdfParser::from_format(f).with_default_graph(g.clone()),
                &data,
            )
            .map_err(|e| text(StatusCode::BAD_REQUEST, e.to_string()))?;
            if let GraphName::NamedNode(n) = &g {
                tx.insert_named_graph(n);
            }
            tx.commit().map_err(|e| serr(&e))?;
            let status = if existed {
                StatusCode::NO_CONTENT
            } else {
                StatusCode::CREATED
            };
            Ok(empty(status))
        }
        ("POST", None) => {
            let f = RdfFormat::from_media_type(&media_type(req))
                .filter(|f| f.supports_datasets())
                .ok_or_else(|| {
                    text(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "POST N-Quads or TriG, or give ?graph=",
                    )
                })?;
            let data = body(state, req)?;
            let mut loader = state.store.bulk_loader();
            loader
                .load_from_slice(RdfParser::from_format(f), &data)
                .map_err(|e| text(StatusCode::BAD_REQUEST, e.to_string()))?;
            loader.commit().map_err(|e| serr(&e))?;
            Ok(empty(StatusCode::NO_CONTENT))
        }
        ("DELETE", Some(g)) => {
            match &g {
                GraphName::NamedNode(n) => {
                    if !state.store.contains_named_graph(n).map_err(|e| serr(&e))? {
                        return Err(text(StatusCode::NOT_FOUND, "no such graph"));
                    }
                    state.store.remove_named_graph(n).map_err(|e| serr(&e))?;
                }
                _ => state.store.clear_graph(g.as_ref()).map_err(|e| serr(&e))?,
            }
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (_, None) => Err(text(StatusCode::BAD_REQUEST, "give ?graph=IRI or ?default")),
        _ => Err(text(
            StatusCode::METHOD_NOT_ALLOWED,
            "GET, PUT, POST or DELETE",
        )),
    }
}
