//! The embedded Oxigraph store: loading documents as named graphs and
//! loading the knowledge-base and ontology graphs.

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, NamedNodeRef, Quad};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::lexicon::Knowledge;
use crate::rdf;
use crate::statement::Statement;
use crate::text::Document;

/// Resolves the store location: the option, then `$ACTORGRAPH_STORE`, then
/// `./actorgraph-store`.
pub fn location(opt: Option<&Path>) -> PathBuf {
    opt.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("ACTORGRAPH_STORE").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("actorgraph-store"))
}

fn store_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Opens (creating if needed) a read-write store.
pub fn open(path: &Path) -> Result<Store> {
    Store::open(path).map_err(|e| {
        let m = e.to_string();
        if m.contains("LOCK") || m.contains("lock") {
            // RocksDB allows one writing process.
            store_err(path, format!("{m}: another actorgraph process (an ingest or a serve) has this store open; while `serve` runs, ingest through it: --store http://HOST:PORT/query"))
        } else {
            store_err(path, m)
        }
    })
}

/// Opens an existing store read-only; a missing store is an error.
pub fn open_existing(path: &Path) -> Result<Store> {
    if !path.join("CURRENT").exists() {
        return Err(store_err(
            path,
            "no store here (run `actorgraph ingest` first, or pass --store DIR)",
        ));
    }
    Store::open_read_only(path).map_err(|e| store_err(path, e))
}

/// Replaces the named graph of each document with its statements, so that
/// re-ingesting a document never duplicates. Graphs of documents already in
/// the store are cleared first (one transaction), then every quad goes
/// through Oxigraph's bulk loader, several times faster than transactional
/// inserts. Were a run stopped between the two steps, the documents of that
/// batch would be missing until ingested again, never duplicated.
pub fn load_documents(
    store: &Store,
    path: &Path,
    docs: &[(Document, Vec<Statement>, String)],
) -> Result<usize> {
    let mut present = Vec::new();
    for (d, _, _) in docs {
        let g = NamedNode::new_unchecked(rdf::doc_iri(&d.id));
        if store
            .contains_named_graph(g.as_ref())
            .map_err(|e| store_err(path, e))?
        {
            present.push(g);
        }
    }
    if !present.is_empty() {
        let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
        for g in &present {
            tx.remove_named_graph(g.as_ref())
                .map_err(|e| store_err(path, e))?;
        }
        tx.commit().map_err(|e| store_err(path, e))?;
    }
    // A corpus may repeat an id: the last document with that id wins.
    let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, (d, _, _)) in docs.iter().enumerate() {
        last.insert(d.id.as_str(), i);
    }
    let quads = docs
        .iter()
        .enumerate()
        .filter(|(i, (d, _, _))| last.get(d.id.as_str()) == Some(i))
        .flat_map(|(_, (doc, statements, lang))| rdf::document_quads(doc, statements, lang));
    let mut n = 0;
    // The loader's batch is memory × 1000 / threads quads, and each batch is
    // encoded on its own thread: the default (1 M quads) left a chunk of
    // 2,000 documents (~375 k quads) to one thread. 200 MB gives 100 k-quad
    // batches, two at a time: 100,000 documents load in 2 min 33 s instead
    // of 3 min 16 s. The price is more files for later look-ups to visit
    // (statement-level queries up to 3x slower) until `actorgraph optimize`
    // compacts them, which ingest suggests after large loads.
    // ACTORGRAPH_LOADER_MB overrides it (a benchmark knob).
    let mb = std::env::var("ACTORGRAPH_LOADER_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&mb: &usize| (16..=8192).contains(&mb))
        .unwrap_or(200);
    let mut loader = store.bulk_loader().with_max_memory_size_in_megabytes(mb);
    loader
        .load_quads(quads.inspect(|_| n += 1))
        .map_err(|e| store_err(path, e))?;
    loader.commit().map_err(|e| store_err(path, e))?;
    Ok(n)
}

/// Compacts the store (RocksDB's full compaction through Oxigraph): after
/// large ingests the bulk loader leaves many files that every look-up visits.
pub fn optimize(path: &Path) -> Result<()> {
    // Refuses a missing store (rather than creating an empty one).
    drop(open_existing(path)?);
    open(path)?.optimize().map_err(|e| store_err(path, e))
}

/// Replaces the knowledge-base and ontology graphs.
pub fn load_knowledge(store: &Store, path: &Path, k: &Knowledge) -> Result<()> {
    let kb = NamedNodeRef::new_unchecked(rdf::KB_GRAPH);
    let onto = NamedNodeRef::new_unchecked(rdf::ONTOLOGY_GRAPH);
    let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
    tx.clear_graph(kb).map_err(|e| store_err(path, e))?;
    tx.clear_graph(onto).map_err(|e| store_err(path, e))?;
    let quads: Vec<Quad> = rdf::kb_quads(k);
    tx.extend(quads.iter());
    tx.load_from_slice(
        oxigraph::io::RdfParser::from_format(RdfFormat::Turtle).with_default_graph(onto),
        rdf::ONTOLOGY_TTL.as_bytes(),
    )
    .map_err(|e| store_err(path, e))?;
    tx.commit().map_err(|e| store_err(path, e))
}

/// Number of quads in the store.
pub fn len(store: &Store, path: &Path) -> Result<usize> {
    store.len().map_err(|e| store_err(path, e))
}
