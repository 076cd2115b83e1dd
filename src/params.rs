//! Query parameters (`--param name=value`): bound into the parsed query's
//! algebra as RDF terms, never pasted into the query text, so a value can
//! not change the query's shape.
//!
//! A parameter replaces the variable of the same name everywhere in the
//! query (subqueries included) and is also joined at the top as
//! `VALUES ?name { term }`, so that a projected `?name` shows its value.
//! Because the result is an algebra, the same bound query runs on the
//! embedded store and, serialized, on a remote SPARQL endpoint.

use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode, Term};
use spargebra::algebra::{AggregateExpression, Expression, GraphPattern, OrderExpression};
use spargebra::term::{GroundTerm, NamedNodePattern, TermPattern, Variable};
use spargebra::{Query, SparqlParser};

use crate::error::{Error, Result};
use crate::rdf::PREFIXES;

/// One `name=value` parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The variable it binds (without `?`).
    pub name: String,
    /// The term bound to it.
    pub term: Term,
}

/// Reads `name=value`. The value becomes an IRI when written `<iri>` or as a
/// prefixed name with a known prefix (`agr:Russia`), an `xsd:integer` for
/// digits, an `xsd:date` for `YYYY-MM-DD`, and a plain string otherwise.
///
/// ```
/// use actorgraph::params::Param;
/// let p = Param::parse("actor=Russia").unwrap();
/// assert_eq!(p.term.to_string(), "\"Russia\"");
/// let p = Param::parse("since=2022-02-24").unwrap();
/// assert!(p.term.to_string().ends_with("#date>"));
/// ```
impl Param {
    /// Parses one `--param` argument.
    pub fn parse(arg: &str) -> Result<Param> {
        let (name, value) = arg.split_once('=').ok_or_else(|| {
            Error::Usage(format!(
                "--param `{arg}`: write NAME=VALUE (e.g. actor=Russia)"
            ))
        })?;
        let name = name.trim().trim_start_matches(['?', '$']);
        Variable::new(name).map_err(|_| {
            Error::Usage(format!("--param `{arg}`: `{name}` is not a variable name"))
        })?;
        Ok(Param {
            name: name.to_string(),
            term: term_of(value).map_err(|m| Error::Usage(format!("--param `{arg}`: {m}")))?,
        })
    }
}

fn term_of(value: &str) -> std::result::Result<Term, String> {
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        return NamedNode::new(iri)
            .map(Term::from)
            .map_err(|e| format!("bad IRI: {e}"));
    }
    if let Some((p, local)) = value.split_once(':') {
        if let Some((_, ns)) = PREFIXES.iter().find(|(name, _)| *name == p) {
            if !local.is_empty() && !local.contains(char::is_whitespace) {
                return NamedNode::new(format!("{ns}{local}"))
                    .map(Term::from)
                    .map_err(|e| format!("bad IRI: {e}"));
            }
        }
    }
    if !value.is_empty() && value.len() < 19 && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Literal::new_typed_literal(value, xsd::INTEGER).into());
    }
    if crate::lexicon::tsv::looks_like_date(value) {
        if crate::lexicon::tsv::date(value, false).is_none() {
            return Err(format!("`{value}` is not a real date (YYYY-MM-DD)"));
        }
        return Ok(Literal::new_typed_literal(value, xsd::DATE).into());
    }
    Ok(Literal::new_simple_literal(value).into())
}

/// Parses SPARQL with the actorgraph prefixes declared.
pub fn parse_query(text: &str) -> Result<Query> {
    let mut parser = SparqlParser::new();
    for (p, iri) in PREFIXES {
        parser = parser.with_prefix(*p, *iri).expect("prefix IRIs are valid");
    }
    parser
        .parse_query(text)
        .map_err(|e| Error::Sparql(e.to_string()))
}

/// Parses `text` and binds `params` into it.
pub fn prepare(text: &str, params: &[Param]) -> Result<Query> {
    let mut q = parse_query(text)?;
    if !params.is_empty() {
        bind(&mut q, params)?;
    }
    Ok(q)
}

/// Binds parameters in a parsed query. A parameter the query does not use
/// is an error: a typo would otherwise silently return everything.
pub fn bind(query: &mut Query, params: &[Param]) -> Result<()> {
    let pattern = match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern,
    };
    for p in params {
        let var = Variable::new_unchecked(p.name.clone());
        let mut used = false;
        subst_pattern(pattern, &var, &p.term, &mut used);
        if !used {
            return Err(Error::Usage(format!(
                "--param {}: the query has no variable ?{}",
                p.name, p.name
            )));
        }
        let ground = match &p.term {
            Term::NamedNode(n) => GroundTerm::NamedNode(n.clone()),
            Term::Literal(l) => GroundTerm::Literal(l.clone()),
            _ => unreachable!("parameters are IRIs or literals"),
        };
        join_values(pattern, Values::new(var, ground));
    }
    Ok(())
}

struct Values(GraphPattern);

impl Values {
    fn new(var: Variable, term: GroundTerm) -> Self {
        Values(GraphPattern::Values {
            variables: vec![var],
            bindings: vec![vec![Some(term)]],
        })
    }
}

/// Joins the VALUES under the solution modifiers, so ORDER BY, LIMIT and
/// projections still apply after it.
fn join_values(p: &mut GraphPattern, v: Values) {
    match p {
        GraphPattern::Slice { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::OrderBy { inner, .. } => join_values(inner, v),
        other => {
            let inner = std::mem::replace(other, GraphPattern::Bgp { patterns: vec![] });
            *other = GraphPattern::Join {
                left: Box::new(v.0),
                right: Box::new(inner),
            };
        }
    }
}

fn subst_term(t: &mut TermPattern, var: &Variable, term: &Term, used: &mut bool) {
    if matches!(t, TermPattern::Variable(v) if v == var) {
        *used = true;
        *t = match term {
            Term::NamedNode(n) => TermPattern::NamedNode(n.clone()),
            Term::Literal(l) => TermPattern::Literal(l.clone()),
            _ => return,
        };
    }
}

fn subst_named(t: &mut NamedNodePattern, var: &Variable, term: &Term, used: &mut bool) {
    if let (NamedNodePattern::Variable(v), Term::NamedNode(n)) = (&*t, term) {
        if v == var {
            *used = true;
            *t = NamedNodePattern::NamedNode(n.clone());
        }
    }
}

fn subst_pattern(p: &mut GraphPattern, var: &Variable, term: &Term, used: &mut bool) {
    match p {
        GraphPattern::Bgp { patterns } => {
            for t in patterns {
                subst_term(&mut t.subject, var, term, used);
                subst_named(&mut t.predicate, var, term, used);
                subst_term(&mut t.object, var, term, used);
            }
        }
        GraphPattern::Path {
            subject, object, ..
        } => {
            subst_term(subject, var, term, used);
            subst_term(object, var, term, used);
        }
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            subst_pattern(left, var, term, used);
            subst_pattern(right, var, term, used);
        }
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => {
            subst_pattern(left, var, term, used);
            subst_pattern(right, var, term, used);
            if let Some(e) = expression {
                subst_expr(e, var, term, used);
            }
        }
        GraphPattern::Filter { expr, inner } => {
            subst_expr(expr, var, term, used);
            subst_pattern(inner, var, term, used);
        }
        GraphPattern::Graph { name, inner } => {
            subst_named(name, var, term, used);
            subst_pattern(inner, var, term, used);
        }
        GraphPattern::Extend {
            inner, expression, ..
        } => {
            subst_pattern(inner, var, term, used);
            subst_expr(expression, var, term, used);
        }
        GraphPattern::OrderBy { inner, expression } => {
            subst_pattern(inner, var, term, used);
            for o in expression {
                match o {
                    OrderExpression::Asc(e) | OrderExpression::Desc(e) => {
                        subst_expr(e, var, term, used)
                    }
                }
            }
        }
        GraphPattern::Group {
            inner, aggregates, ..
        } => {
            subst_pattern(inner, var, term, used);
            // A parameter may steer an aggregate: SUM(IF(?include = "all", …)).
            for (_, a) in aggregates {
                if let AggregateExpression::FunctionCall { expr, .. } = a {
                    subst_expr(expr, var, term, used);
                }
            }
        }
        GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Service { inner, .. } => subst_pattern(inner, var, term, used),
        GraphPattern::Values { variables, .. } => {
            // A VALUES on the parameter itself still counts as a use.
            *used |= variables.contains(var);
        }
    }
}

fn subst_expr(e: &mut Expression, var: &Variable, term: &Term, used: &mut bool) {
    match e {
        Expression::Variable(v) if v == var => {
            *used = true;
            *e = match term {
                Term::NamedNode(n) => Expression::NamedNode(n.clone()),
                Term::Literal(l) => Expression::Literal(l.clone()),
                _ => return,
            };
        }
        Expression::Bound(v) if v == var => {
            *used = true;
            *e = Expression::Literal(Literal::from(true));
        }
        Expression::NamedNode(_)
        | Expression::Literal(_)
        | Expression::Variable(_)
        | Expression::Bound(_) => {}
        Expression::Or(a, b)
        | Expression::And(a, b)
        | Expression::Equal(a, b)
        | Expression::SameTerm(a, b)
        | Expression::Greater(a, b)
        | Expression::GreaterOrEqual(a, b)
        | Expression::Less(a, b)
        | Expression::LessOrEqual(a, b)
        | Expression::Add(a, b)
        | Expression::Subtract(a, b)
        | Expression::Multiply(a, b)
        | Expression::Divide(a, b) => {
            subst_expr(a, var, term, used);
            subst_expr(b, var, term, used);
        }
        Expression::In(a, list) => {
            subst_expr(a, var, term, used);
            for x in list {
                subst_expr(x, var, term, used);
            }
        }
        Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => {
            subst_expr(a, var, term, used)
        }
        Expression::Exists(p) => subst_pattern(p, var, term, used),
        Expression::If(a, b, c) => {
            subst_expr(a, var, term, used);
            subst_expr(b, var, term, used);
            subst_expr(c, var, term, used);
        }
        Expression::Coalesce(list) | Expression::FunctionCall(_, list) => {
            for x in list {
                subst_expr(x, var, term, used);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(q: &str, params: &[&str]) -> String {
        let ps: Vec<Param> = params.iter().map(|p| Param::parse(p).unwrap()).collect();
        prepare(q, &ps).unwrap().to_string()
    }

    #[test]
    fn values_are_typed() {
        let cases = [
            ("a=Russia", "\"Russia\""),
            ("a=12", "\"12\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
            (
                "a=2022-02-24",
                "\"2022-02-24\"^^<http://www.w3.org/2001/XMLSchema#date>",
            ),
            ("a=agr:Russia", "<https://w3id.org/actorgraph/id/Russia>"),
            ("a=<http://example.org/x>", "<http://example.org/x>"),
            ("a=foo:bar", "\"foo:bar\""),
            ("$a=x\" } DROP ALL", "\"x\\\" } DROP ALL\""),
        ];
        for (arg, want) in cases {
            assert_eq!(Param::parse(arg).unwrap().term.to_string(), want, "{arg}");
        }
    }

    #[test]
    fn bad_params_are_usage_errors() {
        // An impossible date is refused rather than bound as a string.
        for arg in [
            "actor",
            "=x",
            "a b=x",
            "a=<not an iri>",
            "since=2022-13-45",
            "since=2021-02-30",
        ] {
            assert!(Param::parse(arg).is_err(), "{arg}");
        }
        let p = [Param::parse("nope=1").unwrap()];
        let e = prepare("SELECT ?s WHERE { ?s ?p ?o }", &p).unwrap_err();
        assert!(e.to_string().contains("?nope"), "{e}");
    }

    #[test]
    fn a_value_cannot_inject_syntax() {
        let q = bound(
            "SELECT ?s WHERE { ?s rdfs:label ?name }",
            &["name=x\" } } DELETE WHERE { ?a ?b ?c"],
        );
        // Still one SELECT (it parses back as a query), the value one escaped literal.
        assert!(q.starts_with("SELECT"), "{q}");
        assert!(matches!(parse_query(&q), Ok(Query::Select { .. })), "{q}");
        assert!(q.contains(r#""x\" } } DELETE WHERE { ?a ?b ?c""#), "{q}");
    }

    #[test]
    fn replaces_everywhere_and_keeps_the_projection() {
        let q = bound(
            "SELECT ?who ?n WHERE { { SELECT ?who (COUNT(*) AS ?n) WHERE { ?st ag:subject ?who ; ag:object ?target } GROUP BY ?who } FILTER(?n > 0 && BOUND(?target)) } ORDER BY DESC(?n) LIMIT 5",
            &["target=agr:Ukraine"],
        );
        assert!(!q.contains("object> ?target"), "{q}");
        assert!(!q.contains("BOUND"), "{q}");
        assert!(
            q.contains("<https://w3id.org/actorgraph/id/Ukraine>"),
            "{q}"
        );
        assert!(q.contains("LIMIT 5"), "{q}");
        // The projected parameter keeps its value.
        let q = bound(
            "SELECT ?actor WHERE { ?actor a ag:Country }",
            &["actor=agr:France"],
        );
        assert!(q.contains("VALUES"), "{q}");
    }

    #[test]
    fn a_parameter_inside_an_aggregate_is_bound() {
        let q = bound(
            "SELECT ?p (SUM(IF(COALESCE(?include, \"asserted\") = \"all\", ?all, ?asserted)) AS ?n) WHERE { ?c ag:relation ?p ; ag:statements ?all ; ag:assertedStatements ?asserted } GROUP BY ?p",
            &["include=all"],
        );
        assert!(!q.contains("COALESCE(?include"), "{q}");
        assert!(q.contains("COALESCE(\"all\", \"asserted\")"), "{q}");
    }

    #[test]
    fn bound_queries_evaluate_on_the_store() {
        use oxigraph::store::Store;
        let store = Store::new().unwrap();
        store
            .update("INSERT DATA { <http://e/a> <http://e/p> \"Russia\" . <http://e/b> <http://e/p> \"France\" }")
            .unwrap();
        let ps = [Param::parse("name=France").unwrap()];
        let q = prepare("SELECT ?s ?name WHERE { ?s <http://e/p> ?name }", &ps).unwrap();
        let oxigraph::sparql::QueryResults::Solutions(rows) = crate::sparql::evaluator()
            .for_query(q)
            .on_store(&store)
            .execute()
            .unwrap()
        else {
            panic!("a SELECT gives solutions")
        };
        let rows: Vec<_> = rows.map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].get("s").unwrap().to_string(), "<http://e/b>");
        assert_eq!(rows[0].get("name").unwrap().to_string(), "\"France\"");
    }
}
