//! Evaluating one query within its limits: refused shapes answer 400/501
//! at once; the rest run on their own thread, within an evaluation slot,
//! a deadline and a memory budget, and unwind when either is passed.

// As in handlers: the error response itself is the `Err` (failing path only).
#![allow(clippy::result_large_err)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use oxhttp::model::response::Parts;
use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::{PreparedSparqlQuery, QueryEvaluationError, QueryResults};
use oxigraph::store::Store;
use spargebra::Query;

use super::budget::{Budget, Charged};
use super::handlers::{not_acceptable, rdf_response, results_response};
use super::protocol::{rdf_format, results_format};
use super::slots::Slot;
use super::watchdog::{Guard, Reason, Stop};
use super::{Limits, State, refuse, stopper, text};

type Resp = Response<Body>;

/// How long the client waits for a stopped evaluation to answer by itself
/// before it is answered for it (the evaluation then ends in the background).
const ANSWER_GRACE: Duration = Duration::from_millis(900);

/// What the protocol asks besides the query.
pub(crate) struct Request {
    /// `default-graph-uri` values.
    pub defaults: Vec<NamedNode>,
    /// `named-graph-uri` values.
    pub named: Vec<NamedNode>,
    /// The `Accept` header.
    pub accept: String,
    /// The `format` parameter.
    pub format: Option<String>,
}

/// Evaluates `query` and answers with its results or why it stopped.
pub(crate) fn query(state: &State, mut query: Query, req: Request) -> Result<Resp, Resp> {
    let arrived = Instant::now();
    refuse::query(&query).map_err(|r| refusal(&r))?;
    stopper::instrument(&mut query);
    let limits = state.limits;
    let deadline = arrived + limits.timeout;
    let slot = state.slots.take(deadline).ok_or_else(|| {
        text(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "server busy: {} queries running (--max-concurrent-queries) until this one's {} s timeout",
                state.slots.max(),
                limits.timeout.as_secs()
            ),
        )
    })?;
    let guard = state
        .watchdog
        .arm(deadline.saturating_duration_since(Instant::now()));
    let stop = Arc::clone(&guard.stop);
    let job = Job {
        prepared: prepare(query, &guard, req.defaults, req.named),
        store: state.store.clone(),
        accept: req.accept,
        format: req.format,
        limits,
        guard,
        slot,
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(job.run());
    });
    let wait = deadline.saturating_duration_since(Instant::now()) + ANSWER_GRACE;
    match rx.recv_timeout(wait) {
        Ok((parts, bytes)) => Ok(Response::from_parts(parts, Body::from(bytes))),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            stop.trip(Reason::Timeout);
            Err(stopped(limits, Reason::Timeout))
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(text(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the query's evaluation failed unexpectedly (see the server log)",
        )),
    }
}

/// The query with its liveness function, token and protocol dataset.
fn prepare(
    query: Query,
    guard: &Guard,
    defaults: Vec<NamedNode>,
    named: Vec<NamedNode>,
) -> PreparedSparqlQuery {
    let mut prepared = crate::sparql::for_query(
        crate::sparql::evaluator()
            .with_cancellation_token(guard.token.clone())
            .with_custom_function(
                NamedNode::new_unchecked(stopper::ALIVE),
                stopper::alive(Arc::clone(&guard.stop)),
            ),
        query,
    );
    if !defaults.is_empty() || !named.is_empty() {
        // The protocol's dataset overrides the query's FROM clauses.
        let d: Vec<GraphName> = defaults.into_iter().map(GraphName::from).collect();
        prepared.dataset_mut().set_default_graph(d);
        if !named.is_empty() {
            let n: Vec<NamedOrBlankNode> = named.into_iter().map(Into::into).collect();
            prepared.dataset_mut().set_available_named_graphs(n);
        }
    }
    prepared
}

/// One evaluation, run on its own thread.
struct Job {
    prepared: PreparedSparqlQuery,
    store: Store,
    accept: String,
    format: Option<String>,
    limits: Limits,
    guard: Guard,
    slot: Slot,
}

impl Job {
    /// Evaluates within the budget; the answer as parts and bytes (bodies
    /// are not Send). The deadline and the slot are released only after.
    fn run(self) -> (Parts, Vec<u8>) {
        let Job {
            prepared,
            store,
            accept,
            format,
            limits,
            guard,
            slot,
        } = self;
        let charged = Charged::start(Budget::new(limits.memory, Arc::clone(&guard.stop)));
        let fail = |e: QueryEvaluationError| eval_error(limits, &guard.stop, e);
        let run = || match prepared.on_store(&store).execute().map_err(fail)? {
            QueryResults::Graph(triples) => {
                let f = rdf_format(&accept, format.as_deref()).ok_or_else(not_acceptable)?;
                rdf_response(f, triples.map(|t| t.map_err(fail)), limits.max_rows)
            }
            other => {
                let f = results_format(&accept, format.as_deref()).ok_or_else(not_acceptable)?;
                results_response(limits.max_rows, &fail, f, other)
            }
        };
        let resp =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|payload| {
                match payload.downcast::<stopper::Stopped>() {
                    Ok(_) => Err(fail(QueryEvaluationError::Cancelled)),
                    Err(p) => std::panic::resume_unwind(p),
                }
            });
        // The answer's copy below is not the query's memory.
        drop(charged);
        let (parts, body) = resp.unwrap_or_else(|e| e).into_parts();
        let answer = (parts, body.to_vec().unwrap_or_default());
        drop((guard, slot));
        answer
    }
}

/// The answer to a refused operation.
pub(crate) fn refusal(r: &refuse::Refusal) -> Resp {
    let status = if r.not_implemented() {
        StatusCode::NOT_IMPLEMENTED
    } else {
        StatusCode::BAD_REQUEST
    };
    text(status, r.to_string())
}

/// The answer to a query stopped for `reason`.
fn stopped(limits: Limits, reason: Reason) -> Resp {
    let why = match reason {
        Reason::Timeout => format!(
            "query stopped after the {} s timeout (--timeout)",
            limits.timeout.as_secs()
        ),
        Reason::Memory => format!(
            "query stopped: it needed more than its {} MiB of memory (--max-query-memory)",
            limits.memory >> 20
        ),
    };
    text(StatusCode::SERVICE_UNAVAILABLE, why)
}

/// The answer to an evaluation error.
pub(crate) fn eval_error(limits: Limits, stop: &Stop, e: QueryEvaluationError) -> Resp {
    use QueryEvaluationError as E;
    match e {
        E::Cancelled => stopped(limits, stop.reason().unwrap_or(Reason::Timeout)),
        E::UnsupportedService(_) | E::UnboundService | E::InvalidServiceName(_) => {
            refusal(&refuse::Refusal::Service)
        }
        e @ (E::UnsupportedCustomFunction(_)
        | E::UnsupportedCustomFunctionArity { .. }
        | E::NotExistingSubstitutedVariable(_)) => text(StatusCode::BAD_REQUEST, e.to_string()),
        e => text(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}
