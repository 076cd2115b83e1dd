//! End-to-end CLI tests: extract -> ingest -> query -> export, and bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("actorgraph").expect("binary built")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// Runs `cmd`, which must succeed, and returns its standard output.
fn stdout_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn extract_jsonl_follows_the_contract() {
    let text = stdout_ok(
        bin()
            .args(["extract", "--format", "jsonl"])
            .arg(example("en-g7-hiroshima.txt")),
    );
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 5, "{text}");
    for st in &lines {
        assert_eq!(st["doc"], "en-g7-hiroshima");
        for key in [
            "sentence_index",
            "sentence",
            "span",
            "subject",
            "predicate",
            "plover",
            "object",
            "polarity",
            "modality",
            "attributed_to",
            "confidence",
            "rule",
        ] {
            assert!(st.get(key).is_some(), "missing {key} in {st}");
        }
        assert!(
            st["subject"]["id"]
                .as_str()
                .unwrap()
                .starts_with("https://w3id.org/actorgraph/id/")
        );
        let span = st["span"].as_array().unwrap();
        assert!(span[0].as_u64().unwrap() < span[1].as_u64().unwrap());
    }
    let has = |s: &str, p: &str, o: &str| {
        lines
            .iter()
            .any(|x| x["subject"]["label"] == s && x["predicate"] == p && x["object"]["label"] == o)
    };
    assert!(has("United States", "sanctions", "Russia"), "{text}");
    assert!(has("Canada", "sanctions", "Russia"), "{text}");
}

#[test]
fn extract_reads_stdin_and_tsv() {
    bin()
        .args(["extract", "--format", "tsv", "--lang", "fr", "-"])
        .write_stdin("La France a condamné l'Iran.")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "France\tcriticizes\tIran\tpositive",
        ));
}

#[test]
fn extract_turtle_is_rdf() {
    bin()
        .args(["extract", "--format", "turtle", "-"])
        .write_stdin("La France a condamné l'Iran.")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("ag:criticizes").and(predicate::str::contains("agr:Iran")),
        );
}

#[test]
fn ingest_query_export_round_trip_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let count = |store: &Path| -> String {
        stdout_ok(
            bin()
                .args(["query", "--format", "csv", "--store"])
                .arg(store)
                .arg("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        )
    };
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(example("fr-accord-cereales.txt"))
        .arg(example("en-g7-hiroshima.txt"))
        .assert()
        .success();
    let first = count(&store);
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(example("fr-accord-cereales.txt"))
        .arg(example("en-g7-hiroshima.txt"))
        .assert()
        .success();
    assert_eq!(first, count(&store), "re-ingest must not add quads");
    // Compaction keeps every quad.
    bin()
        .args(["optimize", "--store"])
        .arg(&store)
        .assert()
        .success();
    assert_eq!(first, count(&store), "optimize must keep the quads");
    bin()
        .args(["optimize", "--store"])
        .arg(dir.path().join("missing"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("no store here"));
    for (fmt, needle) in [
        ("json", "\"bindings\""),
        ("xml", "<sparql"),
        ("tsv", "?a"),
        ("csv", "a,b"),
        ("table", "rows)"),
    ] {
        bin()
            .args(["query", "--format", fmt, "--store"])
            .arg(&store)
            .arg("--file")
            .arg(example("queries/who-meets-whom.rq"))
            .assert()
            .success()
            .stdout(predicate::str::contains(needle));
    }
    bin()
        .args(["query", "--format", "turtle", "--store"])
        .arg(&store)
        .arg("CONSTRUCT { ?s ag:sanctions ?o } WHERE { ?s ag:sanctions ?o }")
        .assert()
        .success()
        .stdout(predicate::str::contains("ag:sanctions"));
    // Every example query runs, with the example values of its `# param:`
    // lines (a declared parameter is required).
    for q in std::fs::read_dir(example("queries")).unwrap() {
        let path = q.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut cmd = bin();
        cmd.args(["query", "--store"])
            .arg(&store)
            .arg("--file")
            .arg(&path);
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("# param:") {
                let assign = rest.trim().split("   ").next().unwrap().trim();
                cmd.args(["-p", assign]);
            }
        }
        cmd.assert().success();
    }
    let gexf = dir.path().join("n.gexf");
    bin()
        .args(["export", "--format", "gexf", "--store"])
        .arg(&store)
        .arg("--output")
        .arg(&gexf)
        .assert()
        .success();
    let xml = std::fs::read_to_string(&gexf).unwrap();
    assert!(
        xml.contains("<gexf xmlns=\"http://gexf.net/1.3\"")
            && xml.contains("<attribute id=\"pagerank\"")
    );
    assert!(xml.contains("label=\"Russia\""));
    let graphml = dir.path().join("n.graphml");
    bin()
        .args(["export", "--format", "graphml", "--store"])
        .arg(&store)
        .arg("--output")
        .arg(&graphml)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&graphml)
            .unwrap()
            .contains("<graphml")
    );
    // Same store, same bytes.
    let again = dir.path().join("n2.gexf");
    bin()
        .args(["export", "--format", "gexf", "--store"])
        .arg(&store)
        .arg("--output")
        .arg(&again)
        .assert()
        .success();
    assert_eq!(xml, std::fs::read_to_string(&again).unwrap());
}

#[test]
fn user_knowledge_extends_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let kb = write(
        dir.path(),
        "people.tsv",
        "id\twikidata\tgender\tcountry\tname\taliases\nJane_Roe\t\tf\tFrance\tJane Roe\tRoe\n"
            .as_bytes(),
    );
    bin()
        .arg("--kb")
        .arg(&kb)
        .args(["extract", "--format", "tsv", "-"])
        .write_stdin("Jane Roe a condamné la Russie.")
        .assert()
        .success()
        .stdout(predicate::str::contains("Jane Roe\tcriticizes\tRussia"));
}

#[test]
fn explain_shows_each_stage_mentions_triggers_frames_qualifiers_statements() {
    bin()
        .args([
            "explain",
            "--lang",
            "fr",
            "Le président russe a rencontré le dirigeant chinois, Xi Jinping.",
            "--date",
            "2021-12-15",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("mentions:")
                .and(predicate::str::contains(
                    "triggers:\n  sentence 0: \"rencontré\": fr.meets.rencontrer (verb, Participle)",
                ))
                .and(predicate::str::contains(
                    "frames:\n  fr.meets.rencontrer \"rencontré\": subject \"Le président russe\", \
                     object \"le dirigeant chinois, Xi Jinping\"",
                ))
                .and(predicate::str::contains(
                    "qualify:\n  fr.meets.rencontrer \"rencontré\": positive, asserted",
                ))
                .and(predicate::str::contains("=> Vladimir Putin meets Xi Jinping")),
        );
}

/// Ingests the two examples with their dates into a fresh store.
fn examples_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    bin()
        .args(["ingest", "--date", "2023-07-17", "--store"])
        .arg(&store)
        .arg(example("fr-accord-cereales.txt"))
        .assert()
        .success();
    bin()
        .args(["ingest", "--date", "2023-05-21", "--store"])
        .arg(&store)
        .arg(example("en-g7-hiroshima.txt"))
        .assert()
        .success();
    store
}

fn export(store: &Path, args: &[&str]) -> String {
    stdout_ok(bin().arg("export").arg("--store").arg(store).args(args))
}

#[test]
fn export_of_the_examples_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let got = export(&store, &["--format", "gexf"]);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/examples.gexf");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden)
        .expect("tests/golden/examples.gexf (UPDATE_GOLDEN=1 writes it)");
    assert_eq!(
        got, want,
        "export changed: review, then UPDATE_GOLDEN=1 cargo test --release --test cli"
    );
}

#[test]
fn export_filters_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let edges = |xml: &str| xml.matches("<edge ").count();
    let all = export(&store, &["--format", "gexf"]);
    // Predicate and PLOVER filters keep only matching edges.
    let sanctions = export(&store, &["--format", "gexf", "--predicate", "sanctions"]);
    assert!(
        edges(&sanctions) >= 3 && edges(&sanctions) < edges(&all),
        "{sanctions}"
    );
    assert!(sanctions.matches("value=\"sanctions\"").count() == edges(&sanctions));
    let consult = export(&store, &["--format", "gexf", "--plover", "CONSULT"]);
    assert!(consult.contains("value=\"meets\"") && !consult.contains("value=\"sanctions\""));
    // Dates: the French article is from July, the English one from May.
    let july = export(&store, &["--format", "gexf", "--since", "2023-07-01"]);
    assert!(july.contains("Recep Tayyip") && !july.contains("Fumio Kishida"));
    let may = export(&store, &["--format", "gexf", "--until", "2023-06-01"]);
    assert!(!may.contains("Recep Tayyip") && may.contains("Fumio Kishida"));
    // Types: only states.
    let states = export(&store, &["--format", "gexf", "--types", "Country"]);
    assert!(!states.contains("value=\"Person\"") && states.contains("value=\"Country\""));
    // Ego network of depth 1 around Japan.
    let ego = export(
        &store,
        &["--format", "gexf", "--ego", "Japan", "--depth", "1"],
    );
    assert!(
        ego.contains("label=\"Japan\"") && !ego.contains("label=\"Canada\""),
        "{ego}"
    );
    bin()
        .args(["export", "--ego", "Atlantis", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--ego"));
    // Min weight above any edge leaves nothing.
    assert_eq!(
        edges(&export(&store, &["--format", "gexf", "--min-weight", "99"])),
        0
    );
    // A SPARQL-defined subgraph.
    let q = write(
        dir.path(),
        "sub.rq",
        b"CONSTRUCT { ?s ag:sanctions ?o } WHERE { ?s ag:sanctions ?o }",
    );
    let sub = export(
        &store,
        &["--format", "gexf", "--sparql", q.to_str().unwrap()],
    );
    assert_eq!(edges(&sub), edges(&sanctions));
    // Negative statements only on request, pair aggregation, dynamics.
    let neg = export(&store, &["--format", "gexf", "--include-negative"]);
    assert!(neg.contains("label=\"not criticizes\"") && !all.contains("label=\"not "));
    let pair = export(&store, &["--format", "gexf", "--aggregate", "pair"]);
    assert!(pair.contains("for=\"net_cooperation\"") && pair.contains("for=\"material_conflict\""));
    let dynamic = export(&store, &["--format", "gexf", "--dynamic"]);
    assert!(
        dynamic.contains("mode=\"dynamic\"")
            && dynamic.contains("<spell start=\"2023-05-21\" end=\"2023-05-21\"/>")
    );
    // CSV tables in Gephi's spreadsheet layout.
    let prefix = dir.path().join("net");
    bin()
        .args(["export", "--format", "csv", "--store"])
        .arg(&store)
        .arg("--output")
        .arg(&prefix)
        .assert()
        .success();
    let nodes = std::fs::read_to_string(dir.path().join("net-nodes.csv")).unwrap();
    let edges_csv = std::fs::read_to_string(dir.path().join("net-edges.csv")).unwrap();
    assert!(
        nodes.starts_with("Id,Label,type,")
            && edges_csv.starts_with("Source,Target,Type,Id,Label,Weight,")
    );
    assert_eq!(edges_csv.lines().count() - 1, edges(&all));
    // SVG picture: deterministic, with a legend.
    let svg = export(&store, &["--format", "svg"]);
    assert!(
        svg.contains("<svg")
            && svg.contains(">Statements</text>")
            && svg.contains(">Russia</text>")
    );
    assert_eq!(svg, export(&store, &["--format", "svg"]));
}

/// The `# param: NAME=VALUE` lines of a library query.
fn params_of(query: &str) -> Vec<String> {
    query
        .lines()
        .filter_map(|l| l.strip_prefix("# param:"))
        .map(|p| p.split(" (").next().unwrap().trim().to_string())
        .collect()
}

#[test]
fn every_library_query_runs_with_its_parameters() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let mut files: Vec<PathBuf> = std::fs::read_dir(example("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(text.starts_with('#'), "{}: document the query", f.display());
        let mut cmd = bin();
        cmd.args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("--file")
            .arg(f);
        for p in params_of(&text) {
            cmd.args(["--param", &p]);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Parameters change the answer: who acts on Russia in the examples.
    let ego = |actor: &str| {
        let out = bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("--file")
            .arg(example("queries/ego-network.rq"))
            .args(["--param", &format!("actor={actor}")])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let russia = ego("russia");
    assert!(
        russia.contains("in,Canada,sanctions,positive,1"),
        "{russia}"
    );
    assert!(!ego("Canada").contains("in,Canada,"), "no self-loop");
    assert_eq!(ego("agr:Russia").lines().count(), russia.lines().count());
    assert_eq!(ego("Nowhere Land").lines().count(), 1, "header only");
}

#[test]
fn query_parameters_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let q = "SELECT ?s WHERE { ?s rdfs:label ?name }";
    for (param, message) in [
        ("name", "NAME=VALUE"),
        ("nope=1", "no variable ?nope"),
        ("name=<not an iri>", "bad IRI"),
    ] {
        bin()
            .args(["query", "--store"])
            .arg(&store)
            .args([q, "--param", param])
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
    }
    // A value is one literal, whatever it contains.
    bin()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .args([q, "--param", "name=x\" } DELETE WHERE { ?a ?b ?c"])
        .assert()
        .success()
        .stdout("s\r\n");
    // A missing remote store is a clear error, not a hang.
    bin()
        .args(["query", "--store", "http://127.0.0.1:9/query", "ASK {}"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot reach"));
}

#[test]
fn kb_import_cameo_writes_tables_that_load() {
    let dir = tempfile::tempdir().unwrap();
    // Our own dictionary in TABARI's format: an invented minister.
    let dict = write(
        dir.path(),
        "dict.actors.txt",
        b"TOMAS_VARGA_LLOSA_\n+MINISTER_VARGA_LLOSA\n\t[PERGOV >200101]\n",
    );
    let out = dir.path().join("kb");
    bin()
        .args(["kb", "import-cameo"])
        .arg(&dict)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 people"));
    bin()
        .arg("--kb")
        .arg(out.join("cameo-people.tsv"))
        .args(["explain", "Tomas Varga Llosa visited Chile."])
        .assert()
        .success()
        .stdout(predicate::str::contains("Tomas Varga Llosa visits Chile"));
    // Bad input: a missing file and invalid UTF-8 are named.
    bin()
        .args(["kb", "import-cameo", "no-such-file.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no-such-file.txt"));
    let bad = write(dir.path(), "bad.txt", b"PUTIN_\xff\n");
    bin()
        .args(["kb", "import-cameo"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.txt").and(predicate::str::contains("UTF-8")));
}

#[test]
fn completions_and_man_page_describe_the_commands() {
    let bash = stdout_ok(bin().args(["completions", "bash"]));
    assert!(
        bash.contains("_actorgraph()") && bash.contains("statements-csv"),
        "{bash}"
    );
    let fish = stdout_ok(bin().args(["completions", "fish"]));
    assert!(fish.contains("complete -c actorgraph"), "{fish}");
    let man = stdout_ok(bin().arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH actorgraph"),
        "{man}"
    );
    assert!(man.contains("export"), "{man}");
}

#[test]
fn french_labels_name_actors_in_parameters_and_ego_networks() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .args(["--lang", "fr", "-"])
        .write_stdin("La Russie condamne l'Ukraine. La France soutient l'Inde.")
        .assert()
        .success();
    let rows = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("--file")
            .arg(example("queries/ego-network.rq"))
            .args(["-p", "actor=Russie"]),
    );
    assert!(rows.contains("Ukraine"), "{rows}");
    let gexf = stdout_ok(
        bin()
            .args(["export", "--format", "gexf", "--ego", "Russie", "--store"])
            .arg(&store),
    );
    assert!(
        gexf.contains("Ukraine") && !gexf.contains("India"),
        "{gexf}"
    );
}

/// Exports, direct edges and the library count what the text states as
/// fact by default; `--all-modalities` adds future, possible, reported ones.
#[test]
fn exports_count_held_meetings_not_planned_ones_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .args(["--lang", "en", "--date", "2024-05-20", "-"])
        .write_stdin(
            "China will meet Russia next week. China met Russia in May. Brazil may meet Chile.",
        )
        .assert()
        .success();
    let edges = |extra: &[&str]| {
        let prefix = dir.path().join(format!("n{}", extra.join("")));
        bin()
            .args(["export", "--format", "csv", "--store"])
            .arg(&store)
            .args(extra)
            .arg("--output")
            .arg(&prefix)
            .assert()
            .success();
        std::fs::read_to_string(format!("{}-edges.csv", prefix.display())).unwrap()
    };
    let asserted = edges(&[]);
    let all = edges(&["--all-modalities"]);
    // Scripts written for the former option still run, with the same result.
    assert_eq!(edges(&["--asserted-only"]), asserted);
    assert!(all.contains("Brazil") || all.contains("Chile"), "{all}");
    assert!(
        !asserted.contains("Brazil") && !asserted.contains("Chile"),
        "{asserted}"
    );
    // The China-Russia edge stays, with the one held meeting as its weight.
    let weight = |csv: &str| -> String {
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let w = header.iter().position(|h| *h == "Weight").unwrap();
        let row = csv.lines().find(|l| l.starts_with("China,Russia")).unwrap();
        row.split(',').nth(w).unwrap().to_string()
    };
    assert_eq!(weight(&all), "2", "{all}");
    assert_eq!(weight(&asserted), "1", "{asserted}");
    // The direct edges the library queries count are the held meeting's.
    let direct = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("SELECT ?s ?o WHERE { GRAPH ?g { ?s ag:meets ?o } }"),
    );
    assert_eq!(direct.lines().count(), 2, "{direct}");
    assert!(
        direct.contains("China") && !direct.contains("Brazil"),
        "{direct}"
    );
}

/// One-actor events (issue #14): stored without `ag:object`, no edge in the network.
#[test]
fn a_one_actor_event_is_stored_without_object_and_exported_without_edge() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(
        &text,
        "The Italian government resigned on Thursday. Chile criticized Peru.",
    )
    .unwrap();
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--lang", "en", "--store"])
        .arg(&store)
        .arg(&text)
        .assert()
        .success();
    // The statement is there, with its predicate and no ag:object.
    let q = "SELECT ?st WHERE { ?st ag:subject ?s ; ag:predicate ag:resigns . \
             FILTER NOT EXISTS { ?st ag:object ?o } }";
    let rows = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg(q),
    );
    assert_eq!(rows.lines().count(), 2, "header and one statement: {rows}");
    // No direct edge from Italy by the one-actor predicate.
    let q = "ASK { ?s ag:resigns ?o }";
    let ask = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg(q),
    );
    assert!(ask.contains("false"), "{ask}");
    // The network has the two-actor edge only.
    let gexf = stdout_ok(
        bin()
            .args(["export", "--format", "gexf", "--store"])
            .arg(&store),
    );
    assert_eq!(gexf.matches("<edge ").count(), 1, "{gexf}");
    assert!(!gexf.contains("resigns"), "{gexf}");
    // The statement-level export lists it, with an empty object.
    let rows = stdout_ok(
        bin()
            .args(["export", "--format", "statements-jsonl", "--store"])
            .arg(&store),
    );
    let resign = rows
        .lines()
        .find(|l| l.contains("\"resigns\""))
        .expect("the one-actor statement is exported");
    assert!(resign.contains("Italy"), "{resign}");
}

/// The library queries that read the network graph's counts answer what a
/// count over the statements answers, before and after a removal.
#[test]
fn network_graph_queries_agree_with_a_statement_count() {
    let dir = tempfile::tempdir().unwrap();
    let store = examples_store(dir.path());
    let query = |args: &[&str]| -> Vec<String> {
        let out = stdout_ok(
            bin()
                .args(["query", "--format", "csv", "--store"])
                .arg(&store)
                .args(args),
        );
        let mut rows: Vec<String> = out.lines().skip(1).map(str::to_string).collect();
        rows.sort();
        rows
    };
    let between = example("queries/between-dates.rq");
    let by_cells = |since: &str, until: &str, include: &str| -> Vec<String> {
        query(&[
            "--file",
            between.to_str().unwrap(),
            "-p",
            &format!("since={since}"),
            "-p",
            &format!("until={until}"),
            "-p",
            &format!("include={include}"),
        ])
        .iter()
        // predicate,quad,polarity,statements -> predicate,polarity,statements
        .map(|r| {
            let f: Vec<&str> = r.split(',').collect();
            format!("{},{},{}", f[0], f[2], f[3])
        })
        .collect()
    };
    let by_statements = |since: &str, until: &str, asserted: bool| -> Vec<String> {
        let modality = if asserted {
            "FILTER(?m = \"asserted\")"
        } else {
            ""
        };
        query(&[&format!(
            "SELECT ?predicate ?polarity (COUNT(?st) AS ?n) WHERE {{ \
             ?st a ag:Statement ; ag:predicate ?p ; ag:polarity ?pol ; ag:modality ?m ; prov:wasDerivedFrom ?g . {modality} \
             ?g dcterms:date ?d FILTER(?d >= \"{since}\"^^xsd:date && ?d <= \"{until}\"^^xsd:date) \
             BIND(STRAFTER(STR(?p), \"#\") AS ?predicate) BIND(STR(?pol) AS ?polarity) }} \
             GROUP BY ?predicate ?polarity"
        )])
    };
    let year = by_cells("2023-01-01", "2023-12-31", "asserted");
    assert!(year.len() >= 4, "{year:?}");
    assert_eq!(year, by_statements("2023-01-01", "2023-12-31", true));
    assert_eq!(
        by_cells("2023-01-01", "2023-12-31", "all"),
        by_statements("2023-01-01", "2023-12-31", false)
    );
    // Whole months: May 2023 is the English article alone.
    let may = by_cells("2023-05-01", "2023-05-31", "all");
    assert!(!may.is_empty() && may.len() < year.len() + 1, "{may:?}");
    assert_eq!(may, by_statements("2023-05-01", "2023-05-31", false));
    stdout_ok(
        bin()
            .args(["remove", "--store"])
            .arg(&store)
            .arg("en-g7-hiroshima"),
    );
    assert!(by_cells("2023-05-01", "2023-05-31", "all").is_empty());
    assert_eq!(
        by_cells("2023-01-01", "2023-12-31", "all"),
        by_statements("2023-01-01", "2023-12-31", false)
    );
    // Actors of the removed article alone are no longer counted.
    let missing = query(&[
        "--file",
        example("queries/without-wikidata.rq").to_str().unwrap(),
    ]);
    assert!(
        !missing.iter().any(|r| r.starts_with("Fumio Kishida,")),
        "{missing:?}"
    );
    // A recount from the statements finds the same counts.
    let before = by_cells("2023-01-01", "2023-12-31", "all");
    stdout_ok(bin().args(["optimize", "--recount", "--store"]).arg(&store));
    assert_eq!(by_cells("2023-01-01", "2023-12-31", "all"), before);
}

/// The role a speaker spoke in is stored (`ag:role` on the statement) and
/// the library query for one role finds it.
#[test]
fn statements_of_spokespeople_are_one_query() {
    let dir = tempfile::tempdir().unwrap();
    let text = write(
        dir.path(),
        "expulsions.txt",
        "A Kremlin spokesman said Russia would expel two Latvian diplomats. \
         Latvia condemned the decision, its foreign minister said.\n"
            .as_bytes(),
    );
    let store = dir.path().join("store");
    stdout_ok(bin().args(["ingest", "--store"]).arg(&store).arg(&text));
    let rows = stdout_ok(
        bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("--file")
            .arg(example("queries/spoken-by-role.rq"))
            .args(["--param", "role=spokesperson"]),
    );
    assert!(
        rows.lines()
            .any(|l| l.starts_with("Kremlin,Russia,sanctions,Latvia,positive,future")),
        "{rows}"
    );
    assert_eq!(rows.lines().count(), 2, "{rows}");
}
