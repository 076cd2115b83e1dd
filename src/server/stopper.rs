//! Stopping queries that compute in memory. Oxigraph checks its
//! cancellation token at each read of the store, but a cartesian product
//! of solutions already read (`{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }`) runs
//! without reading and would keep a core busy long after the timeout.
//! So each query's WHERE result (and each subquery's) goes through
//! `FILTER(alive(BOUND(?v), ...))`, over all its variables so the
//! optimizer cannot push it down to one side of a join: a custom function,
//! called for every solution, that unwinds the evaluation once the token
//! is cancelled. BOUND keeps unbound variables from dropping solutions and,
//! unlike the variables themselves, needs no decoding of the terms (passing
//! them made an aggregate over 1.25 M solutions ten times slower).

use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::CancellationToken;
use spargebra::Query;
use spargebra::algebra::{Expression, Function, GraphPattern};

/// The custom function's IRI.
pub const ALIVE: &str = "urn:actorgraph:alive";

/// Panic payload of a stopped evaluation (caught by the server).
pub struct Stopped;

/// The function given to the evaluator: true while the query may run.
pub fn alive(token: CancellationToken) -> impl Fn(&[Term]) -> Option<Term> + Send + Sync + 'static {
    move |_| {
        if token.is_cancelled() {
            std::panic::panic_any(Stopped);
        }
        Some(Literal::from(true).into())
    }
}

/// Installs (once) a panic hook that keeps [`Stopped`] unwinds quiet.
pub fn quiet_stops() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.payload().downcast_ref::<Stopped>().is_none() {
                previous(info);
            }
        }));
    });
}

/// Adds the liveness filter to the query and to each of its subqueries.
pub fn instrument(query: &mut Query) {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    subqueries(pattern);
    // A WHERE under a top projection is wrapped already.
    if !projected(pattern) {
        wrap_where(pattern);
    }
}

/// Every projection (the top SELECT and subqueries) gets its WHERE wrapped.
fn subqueries(p: &mut GraphPattern) {
    match p {
        GraphPattern::Project { inner, .. } => {
            subqueries(inner);
            wrap_where(inner);
        }
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            subqueries(left);
            subqueries(right);
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => subqueries(inner),
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => {}
    }
}

/// Wraps the solutions of a WHERE clause: below ORDER BY, aggregation,
/// HAVING and select expressions, which consume them.
fn wrap_where(p: &mut GraphPattern) {
    match p {
        GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. } => wrap_where(inner),
        GraphPattern::Group { inner, .. } => wrap(inner),
        GraphPattern::Extend { inner, .. } | GraphPattern::Filter { inner, .. }
            if has_group(inner) =>
        {
            wrap_where(inner)
        }
        other => wrap(other),
    }
}

fn projected(p: &GraphPattern) -> bool {
    match p {
        GraphPattern::Project { .. } => true,
        GraphPattern::Slice { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::OrderBy { inner, .. } => projected(inner),
        _ => false,
    }
}

fn has_group(p: &GraphPattern) -> bool {
    match p {
        GraphPattern::Group { .. } => true,
        GraphPattern::Extend { inner, .. } | GraphPattern::Filter { inner, .. } => has_group(inner),
        _ => false,
    }
}

fn wrap(p: &mut GraphPattern) {
    let mut vars = Vec::new();
    p.on_in_scope_variable(|v| vars.push(v.clone()));
    let args = vars.into_iter().map(Expression::Bound).collect();
    let inner = std::mem::replace(p, GraphPattern::Bgp { patterns: vec![] });
    *p = GraphPattern::Filter {
        expr: Expression::FunctionCall(Function::Custom(NamedNode::new_unchecked(ALIVE)), args),
        inner: Box::new(inner),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_where_is_wrapped_under_its_modifiers() {
        let mut q = crate::params::parse_query(
            "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o { SELECT ?o WHERE { ?o ?q ?r } LIMIT 3 } } GROUP BY ?s ORDER BY ?n LIMIT 5",
        )
        .unwrap();
        instrument(&mut q);
        let text = q.to_string();
        assert_eq!(text.matches(ALIVE).count(), 2, "{text}");
        assert!(
            text.contains("LIMIT 5") && text.contains("LIMIT 3"),
            "{text}"
        );
        let mut ask = crate::params::parse_query("ASK { ?a ?b ?c }").unwrap();
        instrument(&mut ask);
        assert_eq!(ask.to_string().matches(ALIVE).count(), 1);
    }

    #[test]
    fn results_are_unchanged_and_cancellation_unwinds() {
        let store = oxigraph::store::Store::new().unwrap();
        store
            .update("INSERT DATA { <http://e/a> <http://e/p> 1 . <http://e/b> <http://e/p> 2 . <http://e/c> <http://e/q> 3 }")
            .unwrap();
        let run = |token: CancellationToken| {
            let mut q = crate::params::parse_query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f OPTIONAL { ?a <http://e/zz> ?z } }",
            )
            .unwrap();
            instrument(&mut q);
            let r = crate::sparql::evaluator()
                .with_custom_function(NamedNode::new_unchecked(ALIVE), alive(token))
                .for_query(q)
                .on_store(&store)
                .execute()
                .unwrap();
            let oxigraph::sparql::QueryResults::Solutions(mut rows) = r else {
                panic!("solutions")
            };
            rows.next().unwrap().unwrap().get("n").unwrap().to_string()
        };
        // Unbound ?z does not drop solutions: 3 x 3.
        assert!(run(CancellationToken::new()).starts_with("\"9\""));
        quiet_stops();
        let token = CancellationToken::new();
        token.cancel();
        let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(token)));
        assert!(stopped.is_err_and(|e| e.downcast_ref::<Stopped>().is_some()));
    }
}
