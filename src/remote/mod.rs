//! A remote SPARQL 1.1 store: queries over the SPARQL Protocol, documents
//! written with the Graph Store HTTP Protocol (or SPARQL Update where the
//! server has none), one named graph per document, replaced on re-ingest.
//!
//! The endpoints are derived from the query URL given as `--store`:
//!
//! | `--store` URL                 | server            | update          | graph store                          |
//! |-------------------------------|-------------------|-----------------|--------------------------------------|
//! | `http://h:p/query`            | Oxigraph, `actorgraph serve` | `/update` | `/store` (bulk N-Quads POST)  |
//! | `http://h:p/sparql` (Virtuoso)| `Server: Virtuoso`| `/sparql-auth`  | `/sparql-graph-crud-auth` (PUT/graph)|
//! | anything else                 | generic           | the same URL    | none: `DROP` + `INSERT DATA`         |
//!
//! `ACTORGRAPH_UPDATE_URL` and `ACTORGRAPH_GRAPH_STORE_URL` override them.

pub mod auth;

use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;

use oxhttp::Client;
use oxhttp::model::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, SERVER, WWW_AUTHENTICATE};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryResults, QueryTripleIter};

use auth::Challenge;
pub use auth::Credentials;

use crate::error::{Error, Result};

/// Target size of one bulk N-Quads request.
const BULK_BYTES: usize = 900_000;

/// How documents are written to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Writer {
    /// Graph Store Protocol with a dataset POST: drop the batch's graphs in
    /// one update, then POST all their quads as N-Quads in one request.
    BulkQuads(String),
    /// Graph Store Protocol, one `PUT ?graph=` per graph (replaces it).
    PutGraph(String),
    /// SPARQL Update: `DROP SILENT GRAPH` + `INSERT DATA`, one request a batch.
    Update,
}

/// A remote SPARQL store.
pub struct Remote {
    /// SPARQL query endpoint.
    pub query_url: String,
    /// SPARQL update endpoint.
    pub update_url: String,
    /// How documents are written.
    pub writer: Writer,
    /// The `Server` header seen when the store was opened.
    pub server: String,
    credentials: Credentials,
    client: Client,
    digest: Mutex<Option<Challenge>>,
    /// Set when the server said it cut a result (`X-SPARQL-MaxRows`).
    truncated: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Remote")
            .field("query_url", &self.query_url)
            .field("update_url", &self.update_url)
            .field("writer", &self.writer)
            .field("server", &self.server)
            .field("credentials", &self.credentials)
            .finish()
    }
}

fn err(url: &str, message: impl std::fmt::Display) -> Error {
    Error::Store {
        path: url.to_string(),
        message: message.to_string(),
    }
}

/// True when a `--store` value names a remote endpoint.
pub fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

fn sibling(url: &str, last: &str) -> String {
    match url.rfind('/') {
        Some(i) if i > url.find("://").map_or(0, |j| j + 2) => format!("{}/{last}", &url[..i]),
        _ => format!("{}/{last}", url.trim_end_matches('/')),
    }
}

/// Percent-encodes a form or query-string value.
pub fn form_encode(s: &str) -> String {
    crate::rdf::percent_encode(s, b"")
}

impl Remote {
    /// Connects to `url` (a SPARQL query endpoint) and works out the
    /// update and graph-store endpoints (see the module documentation).
    pub fn open(url: &str, credentials: Credentials, timeout: Duration) -> Result<Remote> {
        let client = Client::new()
            .with_global_timeout(timeout)
            .with_redirection_limit(5)
            .with_user_agent(concat!("actorgraph/", env!("CARGO_PKG_VERSION")))
            .map_err(|e| err(url, e))?;
        let mut r = Remote {
            query_url: url.to_string(),
            update_url: url.to_string(),
            writer: Writer::Update,
            server: String::new(),
            credentials,
            client,
            digest: Mutex::new(None),
            truncated: Default::default(),
        };
        // One probe: is the server there, and which one is it?
        let probe = r.send(Method::GET, url, &[], Vec::new())?;
        r.server = probe
            .headers()
            .get(SERVER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        if url.ends_with("/query") {
            r.update_url = sibling(url, "update");
            r.writer = Writer::BulkQuads(sibling(url, "store"));
        } else if r.server.contains("Virtuoso") {
            let auth = r.credentials.has_login();
            r.update_url = sibling(url, if auth { "sparql-auth" } else { "sparql" });
            let gsp = if auth {
                "sparql-graph-crud-auth"
            } else {
                "sparql-graph-crud"
            };
            r.writer = Writer::PutGraph(sibling(url, gsp));
        }
        if let Ok(u) = std::env::var("ACTORGRAPH_UPDATE_URL") {
            r.update_url = u;
        }
        if let Ok(g) = std::env::var("ACTORGRAPH_GRAPH_STORE_URL") {
            r.writer = Writer::PutGraph(g);
        }
        Ok(r)
    }

    /// One HTTP request, answering an authentication challenge once.
    fn send(
        &self,
        method: Method,
        url: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Result<Response<Body>> {
        let target = url
            .find("://")
            .and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..]))
            .unwrap_or("/")
            .to_string();
        let build = |authz: Option<String>| -> Result<Request<Body>> {
            let mut b = Request::builder().method(method.clone()).uri(url);
            for (k, v) in headers {
                b = b.header(*k, *v);
            }
            if let Some(a) = authz {
                b = b.header(AUTHORIZATION, a);
            }
            b.body(Body::from(body.clone())).map_err(|e| err(url, e))
        };
        // The Authorization value a Digest challenge gives for this request.
        let digest = |c: &Challenge| {
            c.authorize(&self.credentials, method.as_str(), &target, &auth::cnonce())
        };
        let cached = || self.digest.lock().expect("digest lock").clone();
        let login = self.credentials.token.is_none() && self.credentials.has_login();
        // A server refusing a large unauthenticated body may reset the
        // connection before answering 401 (Virtuoso does): get the digest
        // challenge first with a bodyless request.
        if login && !body.is_empty() && cached().is_none() {
            self.prime(url);
        }
        let preset = if let Some(t) = &self.credentials.token {
            Some(format!("Bearer {t}"))
        } else {
            cached().and_then(|c| digest(&c))
        };
        let resp = match self.client.request(build(preset)?) {
            Ok(r) => r,
            Err(e) if login => {
                // Perhaps a stale nonce on a large body: renew it, try once more.
                *self.digest.lock().expect("digest lock") = None;
                self.prime(url);
                let authz = cached().and_then(|c| digest(&c));
                self.client
                    .request(build(authz)?)
                    .map_err(|_| err(url, format!("cannot reach the server: {e}")))?
            }
            Err(e) => return Err(err(url, format!("cannot reach the server: {e}"))),
        };
        if resp.status() != StatusCode::UNAUTHORIZED || !login {
            return Ok(resp);
        }
        let authz = match challenge_of(&resp) {
            Some(ch) => {
                let a = digest(&ch);
                *self.digest.lock().expect("digest lock") = Some(ch);
                a
            }
            None => self.credentials.basic(),
        };
        self.client
            .request(build(authz)?)
            .map_err(|e| err(url, format!("cannot reach the server: {e}")))
    }

    /// Asks `url` for its authentication challenge (HEAD, no body).
    fn prime(&self, url: &str) {
        if let Ok(r) = Request::builder()
            .method(Method::HEAD)
            .uri(url)
            .body(Body::empty())
        {
            if let Ok(resp) = self.client.request(r) {
                if let Some(ch) = challenge_of(&resp) {
                    *self.digest.lock().expect("digest lock") = Some(ch);
                }
            }
        }
    }

    /// Sends and checks the status; an error carries the server's message.
    fn call(
        &self,
        method: Method,
        url: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Result<Response<Body>> {
        let resp = self.send(method.clone(), url, headers, body)?;
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let mut text = String::new();
        let _ = resp.into_body().take(2000).read_to_string(&mut text);
        let hint = match status {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                " (set ACTORGRAPH_USER and ACTORGRAPH_PASSWORD, or ACTORGRAPH_TOKEN)"
            }
            _ => "",
        };
        Err(err(
            url,
            format!("{method} answered {status}{hint}: {}", text.trim()),
        ))
    }

    /// Runs a query (already checked by our parser) on the endpoint.
    pub fn query(&self, text: &str) -> Result<QueryResults<'static>> {
        let body = format!("query={}", form_encode(text)).into_bytes();
        let resp = self.call(
            Method::POST,
            &self.query_url,
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                (
                    ACCEPT.as_str(),
                    "application/sparql-results+json, application/sparql-results+xml;q=0.9, application/n-triples;q=0.9, text/turtle;q=0.8",
                ),
            ],
            body,
        )?;
        let ctype = resp
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if let Some(n) = resp.headers().get("x-sparql-maxrows") {
            self.truncated
                .store(true, std::sync::atomic::Ordering::Relaxed);
            // Virtuoso cuts results silently but for this header: say it.
            eprintln!(
                "actorgraph: warning: the server cut the results at {} rows (raise its result limit, e.g. Virtuoso's ResultSetMaxRows)",
                n.to_str().unwrap_or("?")
            );
        }
        let url = self.query_url.clone();
        let body = resp.into_body();
        if let Some(f) = QueryResultsFormat::from_media_type(&ctype) {
            let parsed = QueryResultsParser::from_format(f)
                .for_reader(body)
                .map_err(|e| err(&url, format!("bad results from the server: {e}")))?;
            return Ok(parsed.into());
        }
        let f = RdfFormat::from_media_type(&ctype)
            .ok_or_else(|| err(&url, format!("unexpected results type `{ctype}`")))?;
        let triples = RdfParser::from_format(f).for_reader(body).map(move |q| {
            q.map(oxigraph::model::Triple::from).map_err(|e| {
                oxigraph::sparql::QueryEvaluationError::Unexpected(e.to_string().into())
            })
        });
        Ok(QueryTripleIter::new(triples).into())
    }

    /// True once the server has cut any result of this connection.
    pub fn was_truncated(&self) -> bool {
        self.truncated.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Runs a SPARQL Update.
    pub fn update(&self, text: &str) -> Result<()> {
        let body = format!("update={}", form_encode(text)).into_bytes();
        self.call(
            Method::POST,
            &self.update_url,
            &[("content-type", "application/x-www-form-urlencoded")],
            body,
        )
        .map(|_| ())
    }

    /// Replaces whole named graphs: each `(graph IRI, quads)` pair becomes
    /// exactly that graph on the server. Returns the number of quads sent.
    pub fn replace_graphs(&self, graphs: &[(String, Vec<Quad>)]) -> Result<usize> {
        let n = graphs.iter().map(|(_, q)| q.len()).sum();
        match &self.writer {
            Writer::BulkQuads(store) => {
                let drops: Vec<String> = graphs
                    .iter()
                    .map(|(g, _)| format!("DROP SILENT GRAPH <{g}>"))
                    .collect();
                if !drops.is_empty() {
                    self.update(&drops.join(" ;\n"))?;
                }
                // Requests of about a megabyte: under any server's body limit,
                // still thousands of quads each.
                let all: Vec<&Quad> = graphs.iter().flat_map(|(_, q)| q).collect();
                let mut start = 0;
                while start < all.len() {
                    let mut end = start;
                    let mut size = 0;
                    while end < all.len() && size < BULK_BYTES {
                        size += all[end].to_string().len();
                        end += 1;
                    }
                    let body = serialize(RdfFormat::NQuads, all[start..end].iter().copied())?;
                    self.call(
                        Method::POST,
                        store,
                        &[("content-type", "application/n-quads")],
                        body,
                    )?;
                    start = end;
                }
            }
            Writer::PutGraph(store) => {
                for (g, quads) in graphs {
                    let body = serialize(RdfFormat::NTriples, quads.iter())?;
                    let url = format!("{store}?graph={}", form_encode(g));
                    self.call(
                        Method::PUT,
                        &url,
                        &[("content-type", "application/n-triples")],
                        body,
                    )?;
                }
            }
            Writer::Update => {
                for (g, quads) in graphs {
                    let triples = serialize(RdfFormat::NTriples, quads.iter())?;
                    let triples = String::from_utf8(triples).expect("N-Triples is UTF-8");
                    self.update(&format!(
                        "DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{triples}}} }}"
                    ))?;
                }
            }
        }
        Ok(n)
    }

    /// True when the named graphs hold nothing.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Number of quads in named graphs.
    pub fn len(&self) -> Result<usize> {
        let r = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")?;
        if let QueryResults::Solutions(mut rows) = r {
            if let Some(Ok(row)) = rows.next() {
                if let Some(oxigraph::model::Term::Literal(l)) = row.get("n") {
                    return Ok(l.value().parse().unwrap_or(0));
                }
            }
        }
        Err(err(&self.query_url, "the server did not count its quads"))
    }
}

/// The Digest challenge of a 401 answer.
fn challenge_of(resp: &Response<Body>) -> Option<Challenge> {
    resp.headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(Challenge::parse)
}

/// N-Quads of `quads`, or N-Triples of them (graph names dropped).
fn serialize<'a>(format: RdfFormat, quads: impl Iterator<Item = &'a Quad>) -> Result<Vec<u8>> {
    let mut w = RdfSerializer::from_format(format).for_writer(Vec::new());
    for q in quads {
        if format == RdfFormat::NQuads {
            w.serialize_quad(q).map_err(|e| err("<request>", e))?;
        } else {
            w.serialize_triple(oxigraph::model::TripleRef::from(q.as_ref()))
                .map_err(|e| err("<request>", e))?;
        }
    }
    w.finish().map_err(|e| err("<request>", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_siblings() {
        assert_eq!(
            sibling("http://h:7878/query", "update"),
            "http://h:7878/update"
        );
        assert_eq!(
            sibling("http://h:8890/sparql", "sparql-auth"),
            "http://h:8890/sparql-auth"
        );
        assert_eq!(sibling("http://h:8890", "store"), "http://h:8890/store");
        assert!(is_url("https://example.org/sparql") && !is_url("./store"));
        assert_eq!(form_encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }

    #[test]
    fn an_absent_server_is_a_clear_error() {
        // Port 9 (discard) on loopback: nothing listens there in tests.
        let e = Remote::open(
            "http://127.0.0.1:9/query",
            Credentials::default(),
            Duration::from_secs(2),
        )
        .unwrap_err();
        assert!(e.to_string().contains("cannot reach"), "{e}");
    }
}
