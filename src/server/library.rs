//! The query library (`examples/queries/*.rq`) embedded for the workbench:
//! each query's description (its leading comment) and its parameters (the
//! `# param: NAME=VALUE (note)` lines the README describes).

use serde::Serialize;

/// The library's files, embedded (a test checks the list against the directory).
const FILES: &[(&str, &str)] = &[
    (
        "ego-network",
        include_str!("../../examples/queries/ego-network.rq"),
    ),
    (
        "who-supports-whom",
        include_str!("../../examples/queries/who-supports-whom.rq"),
    ),
    (
        "who-criticizes-whom",
        include_str!("../../examples/queries/who-criticizes-whom.rq"),
    ),
    (
        "who-meets-whom",
        include_str!("../../examples/queries/who-meets-whom.rq"),
    ),
    (
        "most-pressured",
        include_str!("../../examples/queries/most-pressured.rq"),
    ),
    ("negated", include_str!("../../examples/queries/negated.rq")),
    (
        "attributed-to",
        include_str!("../../examples/queries/attributed-to.rq"),
    ),
    (
        "spoken-by-role",
        include_str!("../../examples/queries/spoken-by-role.rq"),
    ),
    (
        "conflict-vs-cooperation",
        include_str!("../../examples/queries/conflict-vs-cooperation.rq"),
    ),
    (
        "between-dates",
        include_str!("../../examples/queries/between-dates.rq"),
    ),
    (
        "people-and-roles",
        include_str!("../../examples/queries/people-and-roles.rq"),
    ),
    (
        "documents-mentioning",
        include_str!("../../examples/queries/documents-mentioning.rq"),
    ),
    (
        "without-wikidata",
        include_str!("../../examples/queries/without-wikidata.rq"),
    ),
    (
        "evidence",
        include_str!("../../examples/queries/evidence.rq"),
    ),
];

/// A parameter of a library query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ParamLine {
    /// Variable name, without `?`.
    pub name: String,
    /// The example value of the `# param:` line.
    pub example: String,
    /// The note after the value (in parentheses in the file), if any.
    pub note: String,
}

/// A library query.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LibraryQuery {
    /// File name without `.rq`.
    pub name: &'static str,
    /// The leading comment, without `#` and the `param:` lines.
    pub description: String,
    /// Its parameters.
    pub params: Vec<ParamLine>,
    /// The SPARQL text.
    pub text: &'static str,
}

/// The `# param:` lines of a query text.
pub(crate) fn param_lines(text: &str) -> Vec<ParamLine> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('#')?.trim().strip_prefix("param:"))
        .filter_map(|rest| {
            let rest = rest.trim();
            let (assign, note) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            let (name, example) = assign.split_once('=')?;
            Some(ParamLine {
                name: name.trim_start_matches(['?', '$']).to_string(),
                example: example.to_string(),
                note: note
                    .trim()
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .to_string(),
            })
        })
        .collect()
}

fn description(text: &str) -> String {
    text.lines()
        .map_while(|l| l.trim().strip_prefix('#'))
        .map(str::trim)
        .filter(|l| !l.starts_with("param:"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every library query, in the README's order.
pub(crate) fn queries() -> Vec<LibraryQuery> {
    FILES
        .iter()
        .map(|(name, text)| LibraryQuery {
            name,
            description: description(text),
            params: param_lines(text),
            text,
        })
        .collect()
}

/// The text of the library query `name`.
pub(crate) fn text_of(name: &str) -> Option<&'static str> {
    FILES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_file_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/queries");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|f| {
                let name = f.unwrap().file_name().to_string_lossy().into_owned();
                name.strip_suffix(".rq").map(str::to_string)
            })
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn param_lines_give_name_example_and_note() {
        let q = "# Who said what.\n# param: since=2022-01-01\n\
                 # param: actor=Russia   (a label, or an IRI)\nSELECT * WHERE { ?s ?p ?o }\n\
                 # param: late=1\n";
        let p = param_lines(q);
        assert_eq!(p.len(), 3);
        assert_eq!(
            (p[0].name.as_str(), p[0].example.as_str()),
            ("since", "2022-01-01")
        );
        assert_eq!(p[1].note, "a label, or an IRI");
        assert_eq!(description(q), "Who said what.");
    }

    #[test]
    fn library_params_match_the_readme_table() {
        let q = queries();
        let names = |n: &str| -> Vec<String> {
            let q = q.iter().find(|x| x.name == n).unwrap();
            q.params.iter().map(|p| p.name.clone()).collect()
        };
        assert_eq!(names("ego-network"), ["actor"]);
        assert_eq!(names("between-dates"), ["since", "until"]);
        assert_eq!(names("documents-mentioning"), ["a", "b"]);
        assert!(names("negated").is_empty());
        assert!(text_of("negated").unwrap().contains("SELECT"));
    }
}
