//! Operations the endpoint refuses before evaluating them: what it does not
//! offer (`SERVICE`, `LOAD`: the server makes no outgoing requests) and the
//! path shapes that no timeout or memory budget can stop in time.
//!
//! Oxigraph computes a `*` or `+` path closure whole, in memory, before
//! yielding a solution, with no liveness check inside; once its token is
//! cancelled it still visits every node left on its list. Measured on 2 M
//! quads, such closures went on 2 s to over 60 s after their deadline:
//! * over a negated property set (`!p`), which follows nearly every edge of
//!   the store: even from a constant, a walk of the whole store;
//! * a `*` or `+` whose ends are both variables found in no other triple or
//!   path of the query (so nothing can bind one first): a closure from every
//!   node (`*` pairs every node with itself first) or from every edge of the
//!   property (`(p0|…|p9)+` over 2 M quads: 24 s to stop). From a bound
//!   node, a closure walks only what is reachable from it (under 1 s to stop
//!   on 2 M quads).

use spargebra::algebra::{GraphPattern, PropertyPathExpression};
use spargebra::term::TermPattern;
use spargebra::{GraphUpdateOperation, Query, Update};

/// Why an operation is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Federated query.
    #[error(
        "SERVICE is not supported by this endpoint: it sends no requests to other endpoints; run the SERVICE part against that endpoint itself"
    )]
    Service,
    /// Loading a document from the web.
    #[error(
        "LOAD is not supported by this endpoint: it fetches nothing from the web; POST the document to /store (Graph Store Protocol) instead"
    )]
    Load,
    /// A closure over a negated property set.
    #[error(
        "query refused: the path `{path}` repeats a negated property set (`!…` with `*` or `+`), which walks the whole store and cannot be stopped in time; repeat named properties instead (`(<p>|<q>)+`)"
    )]
    NegatedClosure {
        /// The path, in SPARQL syntax.
        path: String,
    },
    /// A `*` or `+` path evaluated from every node or edge of the store.
    #[error(
        "query refused: the path `{path}` repeats (`*` or `+`) between two variables found nowhere else in the query, so it would start from every node of the store and could not be stopped in time; put an IRI or a literal at one end, or join an end with another triple pattern"
    )]
    OpenClosure {
        /// The path, in SPARQL syntax.
        path: String,
    },
}

impl Refusal {
    /// True for features the endpoint does not implement (HTTP 501), false
    /// for a query it will not run (HTTP 400).
    pub fn not_implemented(&self) -> bool {
        matches!(self, Refusal::Service | Refusal::Load)
    }
}

/// Checks a query before its evaluation.
pub fn query(q: &Query) -> Result<(), Refusal> {
    let pattern = match q {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    check(pattern)
}

/// Checks an update before its evaluation.
pub fn update(u: &Update) -> Result<(), Refusal> {
    for op in &u.operations {
        match op {
            GraphUpdateOperation::Load { .. } => return Err(Refusal::Load),
            GraphUpdateOperation::DeleteInsert { pattern, .. } => check(pattern)?,
            _ => {}
        }
    }
    Ok(())
}

fn check(pattern: &GraphPattern) -> Result<(), Refusal> {
    // How often each variable (or blank node) is an end of a triple or path.
    let mut ends: Vec<String> = Vec::new();
    each(pattern, &mut |p| {
        let mut add = |t: &TermPattern| {
            if !constant(t) {
                ends.push(t.to_string());
            }
        };
        match p {
            GraphPattern::Bgp { patterns } => patterns.iter().for_each(|t| {
                add(&t.subject);
                add(&t.object);
            }),
            GraphPattern::Path {
                subject, object, ..
            } => {
                add(subject);
                add(object);
            }
            _ => {}
        }
        Ok(())
    })?;
    let elsewhere = |t: &TermPattern| ends.iter().filter(|e| **e == t.to_string()).count() > 1;
    each(pattern, &mut |p| match p {
        GraphPattern::Service { .. } => Err(Refusal::Service),
        GraphPattern::Path {
            subject,
            path,
            object,
        } => {
            if closure_over_negation(path, false) {
                Err(Refusal::NegatedClosure {
                    path: path.to_string(),
                })
            } else if open_closure(path)
                && !constant(subject)
                && !constant(object)
                && !elsewhere(subject)
                && !elsewhere(object)
            {
                // Nothing can bind an end first (a sequence's middle, a
                // variable shared with a triple, would): evaluated open.
                Err(Refusal::OpenClosure {
                    path: path.to_string(),
                })
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    })
}

/// Calls `f` on `p` and every pattern below it.
fn each(
    p: &GraphPattern,
    f: &mut dyn FnMut(&GraphPattern) -> Result<(), Refusal>,
) -> Result<(), Refusal> {
    f(p)?;
    match p {
        GraphPattern::Bgp { .. } | GraphPattern::Values { .. } | GraphPattern::Path { .. } => {
            Ok(())
        }
        GraphPattern::Join { left, right }
        | GraphPattern::LeftJoin { left, right, .. }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            each(left, f)?;
            each(right, f)
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => each(inner, f),
    }
}

fn constant(t: &TermPattern) -> bool {
    matches!(t, TermPattern::NamedNode(_) | TermPattern::Literal(_))
}

/// Whether `p` has a `*` or `+` over a negated property set.
fn closure_over_negation(p: &PropertyPathExpression, in_closure: bool) -> bool {
    use PropertyPathExpression as P;
    match p {
        P::NamedNode(_) => false,
        P::NegatedPropertySet(_) => in_closure,
        P::Reverse(a) | P::ZeroOrOne(a) => closure_over_negation(a, in_closure),
        P::ZeroOrMore(a) | P::OneOrMore(a) => closure_over_negation(a, true),
        P::Sequence(a, b) | P::Alternative(a, b) => {
            closure_over_negation(a, in_closure) || closure_over_negation(b, in_closure)
        }
    }
}

/// Whether evaluating `p` with both ends unbound starts with a closure:
/// how Oxigraph walks an open path (a sequence from its first step).
fn open_closure(p: &PropertyPathExpression) -> bool {
    use PropertyPathExpression as P;
    match p {
        P::ZeroOrMore(_) | P::OneOrMore(_) => true,
        P::NamedNode(_) | P::NegatedPropertySet(_) => false,
        P::Reverse(a) | P::ZeroOrOne(a) | P::Sequence(a, _) => open_closure(a),
        P::Alternative(a, b) => open_closure(a) || open_closure(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Result<(), Refusal> {
        query(&crate::params::parse_query(text).unwrap())
    }

    #[test]
    fn refusal_table() {
        let refused = [
            ("SELECT * WHERE { ?a (!<urn:x>)* ?b }", "negated"),
            ("SELECT * WHERE { ?a (!<urn:x>)+ ?b }", "negated"),
            ("SELECT * WHERE { <urn:s> (!<urn:x>)* ?b }", "negated"),
            (
                "SELECT * WHERE { ?a ^(!(<urn:x>|^<urn:y>))+ \"lit\" }",
                "negated",
            ),
            ("SELECT * WHERE { ?a (<urn:p>|!<urn:x>)+ ?b }", "negated"),
            (
                "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o (!<urn:x>)+ ?z } }",
                "negated",
            ),
            (
                "ASK { FILTER(true) { SELECT ?a WHERE { ?a (!<urn:x>)* [] } } }",
                "negated",
            ),
            (
                "SELECT * WHERE { ?a <urn:p>* ?b }",
                "repeats (`*` or `+`) between two variables",
            ),
            (
                "SELECT * WHERE { ?a ?b ?c { ?d <urn:p>* ?e } }",
                "repeats (`*` or `+`) between two variables",
            ),
            (
                "SELECT * WHERE { ?a (<urn:p>|<urn:q>)+ ?b }",
                "repeats (`*` or `+`) between two variables",
            ),
            (
                "SELECT * WHERE { ?a (<urn:q>|<urn:p>*)+ [] }",
                "repeats (`*` or `+`) between two variables",
            ),
        ];
        for (text, why) in refused {
            let e = q(text).expect_err(text);
            assert!(!e.not_implemented(), "{text}");
            assert!(e.to_string().contains(why), "{text}: {e}");
        }
        let allowed = [
            "SELECT * WHERE { ?a !<urn:x> ?b }",
            "SELECT * WHERE { ?a (!<urn:x>)? ?b }",
            "SELECT * WHERE { <urn:s> <urn:p>* ?b }",
            "SELECT * WHERE { ?a <urn:p>* \"lit\" }",
            "SELECT * WHERE { ?a <urn:q>/<urn:p>* ?b }",
            "SELECT * WHERE { ?a ^(<urn:p>*/<urn:q>) ?b }",
            "SELECT * WHERE { ?a ?b ?c . ?a <urn:p>* ?e }",
            "SELECT * WHERE { ?a a ?t . ?a (<urn:p>|<urn:q>)+ ?b }",
            "SELECT * WHERE { ?a rdfs:subClassOf+ ag:Actor }",
        ];
        for text in allowed {
            assert_eq!(q(text), Ok(()), "{text}");
        }
        let e =
            q("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }").unwrap_err();
        assert!(e.not_implemented());
        assert!(!e.to_string().contains("feature"), "{e}");
    }

    #[test]
    fn load_is_refused_in_updates() {
        let parse = |t: &str| spargebra::SparqlParser::new().parse_update(t).unwrap();
        assert_eq!(
            update(&parse("LOAD <http://example.org/data.ttl>")),
            Err(Refusal::Load)
        );
        assert_eq!(
            update(&parse(
                "INSERT { ?a <urn:p> ?b } WHERE { SERVICE <http://e/s> { ?a ?q ?b } }"
            )),
            Err(Refusal::Service)
        );
        assert_eq!(
            update(&parse("INSERT DATA { <urn:a> <urn:b> <urn:c> }")),
            Ok(())
        );
    }
}
