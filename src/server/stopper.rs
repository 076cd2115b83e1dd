//! Stopping queries that compute in memory. Oxigraph checks its
//! cancellation token at each read of the store, but it keeps going after
//! that: a cartesian product of solutions already read, the hash table of
//! a join, the solutions of an ORDER BY (read, then sorted) or a CONSTRUCT
//! template run without reading, and several of those collect the read
//! errors and carry on reading. So the query is rewritten to call
//! `alive()`, a custom function that unwinds the evaluation once the
//! query's [`Stop`] has tripped:
//! * each WHERE result (and each subquery's) gets `BIND(alive() AS ?v)`,
//!   with a fresh variable: evaluated for every solution, where it is.
//!   (A filter would not stay there: the optimizer pushes a filter down to
//!   where its variables are bound, and it folds `BOUND(?v)` of a variable
//!   always bound to `true`, which left a triple join on one variable,
//!   `?a ?p ?c . ?d ?p ?f . ?g ?p ?i`, without any check in its inner loops.)
//!   The projection of SELECT and DESCRIBE hides the variable; CONSTRUCT and
//!   ASK do not show variables.
//! * a `FILTER(alive())` without variables, which the optimizer pushes down
//!   to the triple patterns and paths on both sides of joins (the left one
//!   of a nested-loop join): each read of the store there checks it, even
//!   when the reads feed a hash table, a sort or an aggregate. OPTIONAL and
//!   MINUS right sides get their own, as filters are not pushed there;
//! * each ORDER BY gets `alive()` as its first key: the sort calls it at
//!   each comparison (the key is constant, so the order is unchanged).

use std::sync::Arc;

use oxigraph::model::{Literal, NamedNode, Term};
use spargebra::Query;
use spargebra::algebra::{Expression, Function, GraphPattern, OrderExpression};
use spargebra::term::Variable;

use super::watchdog::Stop;

/// The custom function's IRI.
pub const ALIVE: &str = "urn:actorgraph:alive";

/// Panic payload of a stopped evaluation (caught by the server).
pub struct Stopped;

/// The function given to the evaluator: true while the query may run.
pub fn alive(stop: Arc<Stop>) -> impl Fn(&[Term]) -> Option<Term> + Send + Sync + 'static {
    move |_| {
        if stop.reason().is_some() {
            std::panic::panic_any(Stopped);
        }
        // A one-letter simple literal: true, and the cheapest term to build.
        Some(Literal::new_simple_literal("y").into())
    }
}

fn alive_call(args: Vec<Expression>) -> Expression {
    Expression::FunctionCall(Function::Custom(NamedNode::new_unchecked(ALIVE)), args)
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

/// Every projection (the top SELECT and subqueries) gets its WHERE wrapped,
/// every ORDER BY a first key, OPTIONAL and MINUS right sides a filter.
fn subqueries(p: &mut GraphPattern) {
    match p {
        GraphPattern::Project { inner, .. } => {
            subqueries(inner);
            wrap_where(inner);
        }
        GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Minus { left, right } => {
            subqueries(left);
            subqueries(right);
            check_reads(right);
        }
        GraphPattern::Join { left, right } | GraphPattern::Union { left, right } => {
            subqueries(left);
            subqueries(right);
        }
        GraphPattern::OrderBy { inner, expression } => {
            subqueries(inner);
            expression.insert(0, OrderExpression::Asc(alive_call(Vec::new())));
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
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
    let mut names = Vec::new();
    p.on_in_scope_variable(|v| names.push(v.as_str().to_string()));
    let variable = (0..)
        .map(|i| format!("__alive{i}"))
        .find(|n| !names.contains(n))
        .map(Variable::new_unchecked)
        .expect("a free name");
    check_reads(p);
    let inner = std::mem::replace(p, GraphPattern::Bgp { patterns: vec![] });
    *p = GraphPattern::Extend {
        inner: Box::new(inner),
        variable,
        expression: alive_call(Vec::new()),
    };
}

/// Adds the variable-free filter that the optimizer pushes to the reads.
fn check_reads(p: &mut GraphPattern) {
    filter(p, alive_call(Vec::new()));
}

fn filter(p: &mut GraphPattern, expr: Expression) {
    let inner = std::mem::replace(p, GraphPattern::Bgp { patterns: vec![] });
    *p = GraphPattern::Filter {
        expr,
        inner: Box::new(inner),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::watchdog::Reason;

    #[test]
    fn every_where_is_wrapped_under_its_modifiers() {
        let mut q = crate::params::parse_query(
            "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o { SELECT ?o WHERE { ?o ?q ?r } LIMIT 3 } } GROUP BY ?s ORDER BY ?n LIMIT 5",
        )
        .unwrap();
        instrument(&mut q);
        let text = q.to_string();
        // Two filters per WHERE (top and subquery), one ORDER BY key.
        assert_eq!(text.matches(ALIVE).count(), 5, "{text}");
        assert!(
            text.contains(&format!("ORDER BY ASC(<{ALIVE}>())")),
            "{text}"
        );
        assert!(
            text.contains("LIMIT 5") && text.contains("LIMIT 3"),
            "{text}"
        );
        let mut ask = crate::params::parse_query("ASK { ?a ?b ?c OPTIONAL { ?c ?d ?e } }").unwrap();
        instrument(&mut ask);
        assert_eq!(ask.to_string().matches(ALIVE).count(), 3, "{ask}");
    }

    fn run(stop: Arc<Stop>, query: &str) -> Vec<String> {
        let store = oxigraph::store::Store::new().unwrap();
        store
            .update("INSERT DATA { <http://e/a> <http://e/p> 1 . <http://e/b> <http://e/p> 2 . <http://e/c> <http://e/q> 3 }")
            .unwrap();
        let mut q = crate::params::parse_query(query).unwrap();
        instrument(&mut q);
        let r = crate::sparql::evaluator()
            .with_custom_function(NamedNode::new_unchecked(ALIVE), alive(stop))
            .for_query(q)
            .on_store(&store)
            .execute()
            .unwrap();
        let oxigraph::sparql::QueryResults::Solutions(rows) = r else {
            panic!("solutions")
        };
        rows.map(|r| {
            let r = r.unwrap();
            r.iter()
                .map(|(_, t)| t.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
    }

    #[test]
    fn results_are_unchanged_and_a_trip_unwinds() {
        let count = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f OPTIONAL { ?a <http://e/zz> ?z } }";
        // Unbound ?z does not drop solutions: 3 x 3.
        assert!(run(Stop::new(), count)[0].starts_with("\"9\""));
        let ordered = "SELECT ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f MINUS { ?d <http://e/q> ?f } } ORDER BY DESC(?c) ?f";
        assert_eq!(
            run(Stop::new(), ordered).join(" | "),
            concat!(
                "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> | ",
                "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> | ",
                "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> | ",
                "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> | ",
                "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> | ",
                "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer>"
            )
        );
        quiet_stops();
        for query in [count, ordered] {
            let stop = Stop::new();
            stop.trip(Reason::Timeout);
            let stopped =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(stop, query)));
            assert!(stopped.is_err_and(|e| e.downcast_ref::<Stopped>().is_some()));
        }
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;

    /// The optimized plan of `text`, instrumented, as Oxigraph's JSON.
    fn plan(text: &str) -> String {
        let store = oxigraph::store::Store::new().unwrap();
        store
            .update("INSERT DATA { <urn:a> <urn:p> <urn:b> . <urn:b> <urn:q> <urn:c> }")
            .unwrap();
        let mut q = crate::params::parse_query(text).unwrap();
        instrument(&mut q);
        let (_, explanation) = crate::sparql::evaluator()
            .with_custom_function(NamedNode::new_unchecked(ALIVE), alive(Stop::new()))
            .for_query(q)
            .on_store(&store)
            .explain();
        let mut buf = Vec::new();
        explanation.write_in_json(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn every_solution_is_checked_above_nested_loop_joins() {
        // The optimizer joins these in nested loops on ?p: the check must
        // stay above them, not be pushed into the first triple pattern only.
        let json = plan("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?c . ?d ?p ?f . ?g ?p ?i }");
        let check = json.find(&format!("Extend(<{ALIVE}>()")).expect(&json);
        let join = json.find("Lateral").expect(&json);
        assert!(check < join, "{json}");
        // And the reads of the outer loop are checked too.
        let read = json.find(&format!("Filter(<{ALIVE}>())")).expect(&json);
        assert!(json[read..].contains("QuadPattern(?a ?p ?c)"), "{json}");
    }
}
