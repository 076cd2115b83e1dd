//! Where the graph lives: the embedded Oxigraph store on disk, or a remote
//! SPARQL 1.1 server. `ingest`, `query` and `export` work on either.

use std::path::{Path, PathBuf};
use std::time::Duration;

use oxigraph::model::{NamedNode, Quad, Term};
use oxigraph::sparql::{QueryResults, QuerySolution};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::lexicon::Knowledge;
use crate::params::Param;
use crate::remote::{Credentials, Remote};
use crate::statement::Statement;
use crate::text::Document;
use crate::{rdf, store};

/// A store, local or remote.
pub enum Backend {
    /// The embedded store and its directory.
    Local(Store, PathBuf),
    /// A SPARQL endpoint.
    Remote(Box<Remote>),
}

/// How to open a backend.
#[derive(Clone, Default)]
pub struct Location {
    /// `--store`: a directory or an `http(s)://` query endpoint.
    pub store: Option<String>,
    /// Credentials for a remote store.
    pub credentials: Credentials,
    /// HTTP timeout for a remote store.
    pub timeout: Option<Duration>,
}

impl Location {
    fn resolved(&self) -> String {
        store::location(self.store.as_deref().map(Path::new))
            .to_string_lossy()
            .into_owned()
    }

    fn remote(&self, url: &str) -> Result<Backend> {
        let timeout = self.timeout.unwrap_or(Duration::from_secs(300));
        Ok(Backend::Remote(Box::new(Remote::open(
            url,
            self.credentials.clone(),
            timeout,
        )?)))
    }

    /// Opens for writing (creating a local store if needed).
    pub fn open_write(&self) -> Result<Backend> {
        self.open(store::open)
    }

    /// Opens an existing store for writing (a missing local store is an
    /// error rather than created empty).
    pub fn open_existing_write(&self) -> Result<Backend> {
        self.open(store::open_existing_write)
    }

    /// Opens an existing store for reading.
    pub fn open_read(&self) -> Result<Backend> {
        self.open(store::open_existing)
    }

    /// A remote endpoint for a URL, else the local store opened by `local`.
    fn open(&self, local: fn(&Path) -> Result<Store>) -> Result<Backend> {
        let loc = self.resolved();
        if crate::remote::is_url(&loc) {
            return self.remote(&loc);
        }
        let path = PathBuf::from(loc);
        Ok(Backend::Local(local(&path)?, path))
    }
}

impl Backend {
    /// A name for messages: the directory or the URL.
    pub fn name(&self) -> String {
        match self {
            Backend::Local(_, p) => p.display().to_string(),
            Backend::Remote(r) => r.query_url.clone(),
        }
    }

    /// Evaluates SPARQL text with bound parameters. The query is parsed and
    /// checked here in both cases, so a bad query gets the same message.
    pub fn evaluate(&self, text: &str, params: &[Param]) -> Result<QueryResults<'static>> {
        self.evaluate_parsed(crate::params::prepare(text, params)?)
    }

    /// Evaluates a query already parsed, with its parameters bound.
    pub fn evaluate_parsed(&self, q: spargebra::Query) -> Result<QueryResults<'static>> {
        match self {
            Backend::Local(s, _) => crate::sparql::evaluate_query(s, q),
            Backend::Remote(r) => r.query(&q.to_string()),
        }
    }

    /// Replaces each document's named graph with its statements; locally,
    /// documents already stored unchanged are skipped unless `force`.
    pub fn load_documents(
        &self,
        docs: &[(Document, Vec<Statement>, String)],
        force: bool,
    ) -> Result<store::Loaded> {
        match self {
            Backend::Local(s, p) => store::load_documents(s, p, docs, force),
            Backend::Remote(r) => {
                // A corpus may repeat an id: the last document with that id wins.
                let mut graphs: Vec<(String, Vec<Quad>)> = Vec::new();
                for (d, sts, lang) in docs {
                    let g = rdf::doc_iri(&d.id);
                    graphs.retain(|(x, _)| *x != g);
                    graphs.push((g, rdf::document_quads(d, sts, lang)));
                }
                Ok(store::Loaded {
                    quads: r.replace_graphs(&graphs)?,
                    unchanged: 0,
                })
            }
        }
    }

    /// Warns on standard error when a local store's network graph predates
    /// this version (see `store::network::is_outdated`): the library
    /// queries that read it would answer nothing or old counts.
    pub fn warn_outdated_network(&self) {
        if let Backend::Local(s, p) = self {
            store::network::warn_if_outdated(s, p);
        }
    }

    /// Brings the network graph's counts (`store::network`) up to date after
    /// loads or removals: a local store keeps them exact as it writes, and
    /// is flushed here (see `store::flush`); a remote one recounts them from
    /// its statements with one SPARQL Update.
    pub fn refresh_network(&self) -> Result<()> {
        match self {
            Backend::Local(s, p) => store::flush(s, p),
            Backend::Remote(r) => r.update(&store::network::recount_update()),
        }
    }

    /// Drops the graphs of these document ids; answers the ids that were
    /// not in the store (remote: the ids are dropped with `DROP SILENT`, so
    /// none is reported missing).
    pub fn remove_documents(&self, ids: &[String]) -> Result<Vec<String>> {
        match self {
            Backend::Local(s, p) => store::remove_documents(s, p, ids),
            Backend::Remote(r) => {
                let update: Vec<String> = ids
                    .iter()
                    .map(|id| format!("DROP SILENT GRAPH <{}>", rdf::doc_iri(id)))
                    .collect();
                r.update(&update.join(" ;\n"))?;
                Ok(Vec::new())
            }
        }
    }

    /// Replaces the knowledge-base and ontology graphs.
    pub fn load_knowledge(&self, k: &Knowledge) -> Result<()> {
        match self {
            Backend::Local(s, p) => store::load_knowledge(s, p, k),
            Backend::Remote(r) => {
                let kb = rdf::kb_quads(k);
                let onto = NamedNode::new_unchecked(rdf::ONTOLOGY_GRAPH);
                let parsed: std::result::Result<Vec<Quad>, _> =
                    oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
                        .with_default_graph(onto)
                        .for_slice(rdf::ONTOLOGY_TTL.as_bytes())
                        .collect();
                let onto_quads = parsed.map_err(|e| Error::Store {
                    path: "ontology/actorgraph.ttl".into(),
                    message: e.to_string(),
                })?;
                r.replace_graphs(&[
                    (rdf::KB_GRAPH.to_string(), kb),
                    (rdf::ONTOLOGY_GRAPH.to_string(), onto_quads),
                ])?;
                Ok(())
            }
        }
    }

    /// Every (subject, value) pair of one property, subjects written as
    /// N-Triples terms (`<iri>`). Locally an index scan; remotely one query.
    pub fn scan(&self, property: &str) -> Result<Vec<(String, Term)>> {
        match self {
            Backend::Local(s, p) => scan_local(s, p, property),
            Backend::Remote(_) => {
                let q = format!("SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{property}> ?o }} }}");
                Ok(self
                    .select_rows(&q, &format!("the list of <{property}>"))?
                    .into_iter()
                    .filter_map(|row| Some((row.get("s")?.to_string(), row.get("o")?.clone())))
                    .collect())
            }
        }
    }

    /// Every solution of a SELECT query; an error when a remote server cut
    /// the list (a network built from a cut list would be silently wrong).
    pub fn select_all(&self, query: &str) -> Result<Vec<QuerySolution>> {
        self.select_rows(query, "the answer")
    }

    /// [`Self::select_all`], naming `what` was cut in the error.
    fn select_rows(&self, query: &str, what: &str) -> Result<Vec<QuerySolution>> {
        let QueryResults::Solutions(rows) = self.evaluate(query, &[])? else {
            return Err(Error::Sparql("the store did not answer a SELECT".into()));
        };
        let rows = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::Sparql(e.to_string()))?;
        if let Backend::Remote(r) = self
            && r.was_truncated()
        {
            return Err(Error::Store {
                path: r.query_url.clone(),
                message: format!(
                    "the server cut {what} at {} rows: raise its result limit (Virtuoso: ResultSetMaxRows in [SPARQL])",
                    rows.len()
                ),
            });
        }
        Ok(rows)
    }

    /// Number of quads (remote: in named graphs).
    pub fn len(&self) -> Result<usize> {
        match self {
            Backend::Local(s, p) => store::len(s, p),
            Backend::Remote(r) => r.len(),
        }
    }

    /// True when the store holds nothing.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }
}

fn scan_local(store: &Store, path: &Path, property: &str) -> Result<Vec<(String, Term)>> {
    let p = NamedNode::new_unchecked(property);
    store
        .quads_for_pattern(None, Some(p.as_ref()), None, None)
        .map(|q| {
            let q = q.map_err(|e| Error::Store {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
            Ok((q.subject.to_string(), q.object))
        })
        .collect()
}
