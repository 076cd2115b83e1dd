//! `actorgraph serve`: the store over the SPARQL 1.1 Protocol (oxhttp, the
//! HTTP stack of Oxigraph's own server; one thread per connection).
//!
//! Routes: `/sparql` and `/query` (queries; GET without a query gives the
//! service description), `/update` (SPARQL Update), `/store` (Graph Store
//! Protocol, plus N-Quads/TriG POST of whole documents), `/health`.
//! Writes need `--allow-update` and the bearer token of `--token-file`.
//! `/` is the web workbench (`web`), `/api/` its read-only JSON (`api`).
//! Queries are bounded in time, memory and number (see README, "Limits").

mod api;
mod budget;
mod cors;
mod evaluate;
mod handlers;
pub(crate) mod library;
mod netview;
pub mod protocol;
mod refuse;
mod slots;
pub mod stopper;
mod watchdog;
mod web;

use std::net::ToSocketAddrs;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use oxhttp::Server;
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::store;

/// Options of `actorgraph serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Store directory (default: $ACTORGRAPH_STORE, then ./actorgraph-store).
    #[arg(long)]
    pub store: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Accept SPARQL Update and Graph Store writes (needs --token-file).
    #[arg(long)]
    pub allow_update: bool,
    /// File holding the bearer token that writes must present.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Seconds after which a query is stopped.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_body: usize,
    /// Most result rows (or triples) returned; more are cut and the
    /// response says so in `X-SPARQL-MaxRows`.
    #[arg(long, default_value_t = 1_000_000)]
    pub max_rows: usize,
    /// Origin of a web page allowed to read answers (CORS), e.g. a browser
    /// SPARQL editor at `https://editor.example`; repeatable; `*` allows
    /// every page. Default: none, so no page a user visits can read the
    /// store through their browser.
    #[arg(long, value_name = "ORIGIN", value_parser = cors::parse_origin)]
    pub cors_origin: Vec<String>,
    /// Most memory one query may hold (bytes, or a number with K, M, G);
    /// past it the query is stopped with a 503.
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = budget::parse_size)]
    pub max_query_memory: usize,
    /// Most queries evaluated at once; others wait for a slot until their
    /// timeout. With --max-query-memory it bounds the server's memory.
    #[arg(long, value_name = "N", default_value = "4", value_parser = slots::parse_count)]
    pub max_concurrent_queries: usize,
}

/// What a query may take.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    /// Time after which the query is stopped.
    pub timeout: Duration,
    /// Most result rows or triples.
    pub max_rows: usize,
    /// Most bytes a query's evaluation may hold.
    pub memory: usize,
}

/// Shared state of the running server.
pub(crate) struct State {
    pub store: Store,
    pub allow_update: bool,
    pub token: Option<String>,
    pub limits: Limits,
    pub max_body: usize,
    cors: Vec<String>,
    pub watchdog: watchdog::Watchdog,
    pub slots: slots::Slots,
    inflight: AtomicUsize,
    stopping: AtomicBool,
}

/// A response with a plain-text body.
pub(crate) fn text(status: StatusCode, body: impl Into<String>) -> Response<Body> {
    let mut b: String = body.into();
    if !b.ends_with('\n') {
        b.push('\n');
    }
    Response::builder()
        .status(status)
        .header("content-type", "text/plain; charset=utf-8")
        .body(Body::from(b))
        .expect("valid response")
}

/// Runs the server until Ctrl-C.
pub fn serve(args: &ServeArgs, token: Option<String>) -> Result<()> {
    if args.allow_update && token.is_none() {
        return Err(Error::Usage(
            "--allow-update needs --token-file FILE: writes must present that bearer token".into(),
        ));
    }
    let path = store::location(args.store.as_deref());
    if !args.allow_update {
        // Read-only service of a store that must exist already.
        store::open_existing(&path)?;
    }
    // Read-write even when serving read-only: RocksDB then holds the lock,
    // so no other process can write under our readers (that would be
    // undefined behaviour for a read-only open).
    let s = store::open(&path)?;
    store::network::warn_if_outdated(&s, &path);
    let mut addr = args
        .bind
        .to_socket_addrs()
        .map_err(|e| Error::Usage(format!("--bind {}: {e}", args.bind)))?
        .next()
        .ok_or_else(|| Error::Usage(format!("--bind {}: no address", args.bind)))?;
    if addr.port() == 0 {
        // oxhttp binds by itself and does not tell the port: pick a free one
        // here, so that the log names the port scripts must use.
        addr = std::net::TcpListener::bind(addr)
            .and_then(|l| l.local_addr())
            .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
    }
    let state = Arc::new(State {
        store: s,
        allow_update: args.allow_update,
        token,
        limits: Limits {
            timeout: Duration::from_secs(args.timeout.max(1)),
            max_rows: args.max_rows,
            memory: args.max_query_memory,
        },
        max_body: args.max_body,
        cors: args.cors_origin.clone(),
        watchdog: watchdog::Watchdog::start(),
        slots: slots::Slots::new(args.max_concurrent_queries),
        inflight: AtomicUsize::new(0),
        stopping: AtomicBool::new(false),
    });
    stopper::quiet_stops();
    let st = Arc::clone(&state);
    let server = Server::new(move |req| handle(&st, req))
        .bind(addr)
        .with_server_name(concat!("actorgraph/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| Error::Usage(e.to_string()))?
        .with_global_timeout(Duration::from_secs(args.timeout.max(1) + 60))
        .with_max_concurrent_connections(128);
    let (tx, rx) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })
    .map_err(|e| Error::Usage(format!("cannot catch Ctrl-C: {e}")))?;
    let _running = server
        .spawn()
        .map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}")))?;
    eprintln!(
        "actorgraph: serving {} at http://{addr}/sparql ({}; per query: timeout {} s, memory {} MiB; {} at once)",
        path.display(),
        if args.allow_update {
            "updates allowed with the token"
        } else {
            "read-only"
        },
        args.timeout,
        args.max_query_memory >> 20,
        state.slots.max()
    );
    let _ = rx.recv();
    // Graceful stop: refuse new requests, let running ones finish (10 s at most).
    state.stopping.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + Duration::from_secs(10);
    while state.inflight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    state.store.flush().map_err(|e| Error::Store {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    eprintln!("actorgraph: stopped");
    Ok(())
}

fn handle(state: &State, req: &mut Request<Body>) -> Response<Body> {
    let start = Instant::now();
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let origin = cors::allowed(&state.cors, req);
    let mut resp = if method == Method::OPTIONS {
        cors::preflight(origin.is_some(), req)
    } else if state.stopping.load(Ordering::SeqCst) {
        text(StatusCode::SERVICE_UNAVAILABLE, "shutting down")
    } else {
        state.inflight.fetch_add(1, Ordering::SeqCst);
        let r = handlers::route(state, req);
        state.inflight.fetch_sub(1, Ordering::SeqCst);
        r
    };
    if let Some(origin) = origin {
        cors::headers(&mut resp, origin);
    }
    let size = resp.body().len().unwrap_or(0);
    eprintln!(
        "{} {method} {path} {} {size} B {:.1} ms",
        timestamp(),
        resp.status().as_u16(),
        start.elapsed().as_secs_f64() * 1e3
    );
    resp
}

/// UTC time as `YYYY-MM-DDTHH:MM:SSZ`, for the access log.
fn timestamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps_look_like_rfc3339() {
        let t = super::timestamp();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.starts_with("20") && t.ends_with('Z'), "{t}");
    }
}
