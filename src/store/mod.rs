//! The embedded Oxigraph store: loading documents as named graphs and
//! loading the knowledge-base and ontology graphs.

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Quad};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::lexicon::Knowledge;
use crate::rdf;
use crate::statement::Statement;
use crate::text::Document;

mod edges;
pub mod network;

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

/// What a load did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Quads written.
    pub quads: usize,
    /// Documents whose stored graph was already exactly what they give, so
    /// left as they were.
    pub unchanged: usize,
}

/// The property holding a digest of a document graph's quads.
pub const CONTENT_HASH: &str = "https://w3id.org/actorgraph/ontology#contentHash";

/// Replaces the named graph of each document with its statements, so that
/// re-ingesting a document never duplicates. A document whose graph holds
/// the same quads already (same digest: same text, metadata, extractor and
/// knowledge) is skipped unless `force`: re-ingesting an unchanged corpus
/// reads the store instead of rewriting it. Graphs to replace are cleared
/// first (one transaction), then every quad goes through Oxigraph's bulk
/// loader, several times faster than transactional inserts. Were a run
/// stopped between the two steps, the documents of that batch would be
/// missing until ingested again, never duplicated.
pub fn load_documents(
    store: &Store,
    path: &Path,
    docs: &[(Document, Vec<Statement>, String)],
    force: bool,
) -> Result<Loaded> {
    // A corpus may repeat an id: the last document with that id wins.
    let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, (d, _, _)) in docs.iter().enumerate() {
        last.insert(d.id.as_str(), i);
    }
    network::ensure(store, path)?;
    edges::ensure(store, path)?;
    let hash_p = NamedNode::new_unchecked(CONTENT_HASH);
    let mut loaded = Loaded::default();
    let mut present = Vec::new();
    // The counts the new graphs add, and those the replaced ones had.
    let mut added = network::Cells::new();
    let mut plan: Vec<Planned> = Vec::new();
    let mut hashes: Vec<Quad> = Vec::new();
    for (i, (doc, statements, lang)) in docs.iter().enumerate() {
        if last.get(doc.id.as_str()) != Some(&i) {
            continue;
        }
        let g = NamedNode::new_unchecked(rdf::doc_iri(&doc.id));
        // A large document's quads are made twice (digest, then load)
        // rather than held: memory stays bounded for any document.
        let (hash, planned) = if statements.len() > STREAM_OVER {
            let hash = digest(rdf::DocumentQuads::new(doc, statements, lang));
            (hash, Planned::Stream(i))
        } else {
            let quads = rdf::document_quads(doc, statements, lang);
            (digest(&quads), Planned::Built(quads))
        };
        let stored = stored_hash(store, path, &g, &hash_p)?;
        if !force && stored.as_deref() == Some(hash.as_str()) {
            loaded.unchanged += 1;
            continue;
        }
        let exists = stored.is_some()
            || store
                .contains_named_graph(g.as_ref())
                .map_err(|e| store_err(path, e))?;
        if exists {
            present.push((g.clone(), stored.is_some()));
        }
        network::add_document(&mut added, doc.date.as_deref(), statements);
        hashes.push(Quad::new(
            g.clone(),
            hash_p.clone(),
            Literal::new_simple_literal(hash),
            g,
        ));
        plan.push(planned);
    }
    if !present.is_empty() {
        drop_graphs(store, path, present)?;
    }
    if plan.is_empty() {
        return Ok(loaded);
    }
    let quads = plan
        .into_iter()
        .flat_map(|p| -> Box<dyn Iterator<Item = Quad> + '_> {
            match p {
                Planned::Built(quads) => Box::new(quads.into_iter()),
                Planned::Stream(i) => {
                    let (doc, statements, lang) = &docs[i];
                    Box::new(rdf::DocumentQuads::new(doc, statements, lang))
                }
            }
        });
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
    // The digests go in last, once every quad is in: a run killed during
    // the bulk load (whose batches land in any order) leaves no digest, so
    // the next ingest rewrites those documents instead of skipping them.
    // The counts go in with the digests (see `network`).
    let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
    tx.extend(hashes.iter());
    network::apply(&mut tx, &added).map_err(|e| store_err(path, e))?;
    tx.commit().map_err(|e| store_err(path, e))?;
    loaded.quads = n + hashes.len();
    Ok(loaded)
}

/// Documents with more statements than this are loaded without holding
/// their quads (about 15 per statement).
const STREAM_OVER: usize = 10_000;

/// A document to load: its quads, or its index to make them again.
enum Planned {
    Built(Vec<Quad>),
    Stream(usize),
}

/// A digest of a document's quads (their N-Quads text, in order).
fn digest<Q: std::fmt::Display>(quads: impl IntoIterator<Item = Q>) -> String {
    use md5::{Digest as _, Md5};
    use std::fmt::Write as _;
    let mut h = Md5::new();
    let mut line = String::new();
    for q in quads {
        line.clear();
        let _ = writeln!(line, "{q}");
        h.update(line.as_bytes());
    }
    hex(&h.finalize())
}

/// Bytes as lower-case hexadecimal (digests, cell IRIs).
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The digest stored in a document's graph, if any.
fn stored_hash(store: &Store, path: &Path, g: &NamedNode, p: &NamedNode) -> Result<Option<String>> {
    let mut found = store.quads_for_pattern(
        Some(g.as_ref().into()),
        Some(p.as_ref()),
        None,
        Some(g.as_ref().into()),
    );
    match found.next() {
        Some(Ok(q)) => Ok(match q.object {
            oxigraph::model::Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        }),
        Some(Err(e)) => Err(store_err(path, e)),
        None => Ok(None),
    }
}

/// A transaction holds every key it removes in memory (about 1.5 KB per
/// quad): graphs with more quads than this are removed in pieces.
const REMOVE_BATCH: usize = 50_000;

/// Whether the graph `g` holds more than [`REMOVE_BATCH`] quads.
fn is_large(store: &Store, path: &Path, g: &NamedNode) -> Result<bool> {
    let mut n = 0;
    for q in store.quads_for_pattern(None, None, None, Some(g.as_ref().into())) {
        q.map_err(|e| store_err(path, e))?;
        n += 1;
        if n > REMOVE_BATCH {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Removes a large graph in transactions of [`REMOVE_BATCH`] quads, its
/// content digest first: a run killed half-way leaves a partial graph with
/// no digest, which the next ingest rewrites instead of skipping.
fn remove_large_graph(
    store: &Store,
    path: &Path,
    g: &NamedNode,
    was: &network::Cells,
) -> Result<()> {
    let hash_p = NamedNode::new_unchecked(CONTENT_HASH);
    let gn = Some(g.as_ref().into());
    let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
    for q in store.quads_for_pattern(Some(g.as_ref().into()), Some(hash_p.as_ref()), None, gn) {
        tx.remove(&q.map_err(|e| store_err(path, e))?);
    }
    network::apply(&mut tx, was).map_err(|e| store_err(path, e))?;
    tx.commit().map_err(|e| store_err(path, e))?;
    let mut batch = Vec::with_capacity(REMOVE_BATCH);
    loop {
        batch.clear();
        // A fresh reader per piece: one held across the commits would pin
        // the write buffers they fill.
        for q in store
            .quads_for_pattern(None, None, None, gn)
            .take(REMOVE_BATCH)
        {
            batch.push(q.map_err(|e| store_err(path, e))?);
        }
        if batch.is_empty() {
            break;
        }
        let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
        for q in &batch {
            tx.remove(q);
        }
        tx.commit().map_err(|e| store_err(path, e))?;
    }
    let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
    tx.remove_named_graph(g.as_ref())
        .map_err(|e| store_err(path, e))?;
    tx.commit().map_err(|e| store_err(path, e))
}

/// Drops the graph of each document id; answers the ids that had none.
/// One transaction: either every graph goes or none does, except that a
/// graph of more than [`REMOVE_BATCH`] quads is removed before, in pieces
/// (a run killed meanwhile leaves part of it, which running the same
/// removal again drops).
pub fn remove_documents(store: &Store, path: &Path, ids: &[String]) -> Result<Vec<String>> {
    network::ensure(store, path)?;
    edges::ensure(store, path)?;
    let hash_p = NamedNode::new_unchecked(CONTENT_HASH);
    let mut missing = Vec::new();
    let mut present = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // An id given twice is removed (and uncounted) once.
    for id in ids.iter().filter(|id| seen.insert(id.as_str())) {
        let g = NamedNode::new_unchecked(rdf::doc_iri(id));
        if store
            .contains_named_graph(g.as_ref())
            .map_err(|e| store_err(path, e))?
        {
            let counted = stored_hash(store, path, &g, &hash_p)?.is_some();
            present.push((g, counted));
        } else {
            missing.push(id.clone());
        }
    }
    drop_graphs(store, path, present)?;
    Ok(missing)
}

/// Drops document graphs and subtracts the counts of those that were
/// counted (`true`: they had their digest, see `network`): a graph of more
/// than [`REMOVE_BATCH`] quads in pieces, the others in one transaction
/// together with their counts.
fn drop_graphs(store: &Store, path: &Path, graphs: Vec<(NamedNode, bool)>) -> Result<()> {
    let mut small = Vec::with_capacity(graphs.len());
    let mut gone = network::Cells::new();
    for (g, counted) in graphs {
        let mut was = network::Cells::new();
        if counted {
            network::add_stored(store, path, g.as_ref(), &mut was, -1)?;
        }
        if is_large(store, path, &g)? {
            remove_large_graph(store, path, &g, &was)?;
        } else {
            small.push(g);
            network::merge(&mut gone, was);
        }
    }
    let mut tx = store.start_transaction().map_err(|e| store_err(path, e))?;
    for g in &small {
        tx.remove_named_graph(g.as_ref())
            .map_err(|e| store_err(path, e))?;
    }
    network::apply(&mut tx, &gone).map_err(|e| store_err(path, e))?;
    tx.commit().map_err(|e| store_err(path, e))
}

/// Writes what the store holds in memory to its files. The counts are
/// written in transactions, which go through RocksDB's write-ahead log;
/// unflushed, every later opening replays that log (9 s for the 3 GB a
/// recount of 100,000 documents leaves).
pub fn flush(store: &Store, path: &Path) -> Result<()> {
    store.flush().map_err(|e| store_err(path, e))
}

/// Compacts the store (RocksDB's full compaction through Oxigraph): after
/// large ingests the bulk loader leaves many files that every look-up visits.
pub fn optimize(path: &Path) -> Result<()> {
    let store = open_existing_write(path)?;
    // A store written before the network counts existed gets them here.
    network::ensure(&store, path)?;
    edges::ensure(&store, path)?;
    flush(&store, path)?;
    store.optimize().map_err(|e| store_err(path, e))
}

/// Opens an existing store read-write; a missing store is an error (rather
/// than created empty).
pub fn open_existing_write(path: &Path) -> Result<Store> {
    drop(open_existing(path)?);
    open(path)
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
