//! Bad input, table-driven: every case gets a clear error that names its
//! file (and line), a non-zero exit, never a panic, and the good documents
//! beside it are still read. Then the cases where data could be lost
//! silently: colliding document ids, duplicates, unchanged re-ingests.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn bin() -> Command {
    Command::cargo_bin("actorgraph").expect("binary built")
}

const GOOD: &str = "La France condamne l'Iran.";

/// One bad input: files to write, the command (`{dir}` is the temporary
/// directory, `{store}` a store holding one document), the exit code, and
/// what stderr (and stdout) must contain.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    code: i32,
    stderr: &'static [&'static str],
    stdout: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "invalid UTF-8, line named",
        files: &[("bad.txt", b"La France\n\ncondamne \xff\xfe l'Iran.")],
        args: &["extract", "{dir}/bad.txt"],
        stdin: None,
        code: 1,
        stderr: &["bad.txt:3: not valid UTF-8"],
        stdout: "",
    },
    Case {
        name: "binary file (PNG header)",
        files: &[("img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")],
        args: &["extract", "{dir}/img.txt"],
        stdin: None,
        code: 1,
        stderr: &["img.txt:1: not valid UTF-8"],
        stdout: "",
    },
    Case {
        name: "NUL byte in text",
        files: &[("nul.txt", b"abc\ndef\0ghi")],
        args: &["extract", "{dir}/nul.txt"],
        stdin: None,
        code: 1,
        stderr: &["nul.txt:2: not valid UTF-8 text"],
        stdout: "",
    },
    Case {
        name: "empty text file",
        files: &[("empty.txt", b"  \n")],
        args: &["extract", "{dir}/empty.txt"],
        stdin: None,
        code: 1,
        stderr: &["empty.txt: empty input"],
        stdout: "",
    },
    Case {
        name: "empty stdin",
        files: &[],
        args: &["extract", "-"],
        stdin: Some(""),
        code: 1,
        stderr: &["<stdin>: empty input"],
        stdout: "",
    },
    Case {
        name: "empty corpus",
        files: &[("e.jsonl", b"\n \n")],
        args: &["extract", "{dir}/e.jsonl"],
        stdin: None,
        code: 1,
        stderr: &["e.jsonl: empty input"],
        stdout: "",
    },
    Case {
        name: "malformed JSON line, the good line still read",
        files: &[(
            "c.jsonl",
            b"{\"id\":\"a\",\"text\":\"La France condamne l'Iran.\"}\n{\"id\": \"b\", \"text\": \n",
        )],
        args: &["extract", "{dir}/c.jsonl"],
        stdin: None,
        code: 1,
        stderr: &["c.jsonl:2: malformed JSON line"],
        stdout: "criticizes",
    },
    Case {
        name: "JSON line without text",
        files: &[("t.jsonl", b"{\"id\":\"a\",\"text\":\"   \"}\n")],
        args: &["extract", "{dir}/t.jsonl"],
        stdin: None,
        code: 1,
        stderr: &["t.jsonl:1: `text` is empty"],
        stdout: "",
    },
    Case {
        name: "impossible date in a corpus",
        files: &[(
            "d.jsonl",
            b"{\"id\":\"a\",\"text\":\"La France condamne l'Iran.\",\"date\":\"2021-02-30\"}\n",
        )],
        args: &["extract", "{dir}/d.jsonl"],
        stdin: None,
        code: 1,
        stderr: &["d.jsonl:1: `date` must be a real YYYY-MM-DD date"],
        stdout: "",
    },
    Case {
        name: "a .gz corpus that is not gzip",
        files: &[("x.jsonl.gz", b"{\"id\":\"a\",\"text\":\"plain\"}\n")],
        args: &["extract", "{dir}/x.jsonl.gz"],
        stdin: None,
        code: 1,
        stderr: &["x.jsonl.gz:1: cannot read"],
        stdout: "",
    },
    Case {
        name: "missing input file",
        files: &[],
        args: &["extract", "{dir}/missing.txt"],
        stdin: None,
        code: 1,
        stderr: &["missing.txt"],
        stdout: "",
    },
    Case {
        name: "document over --max-doc-bytes, the next one still read",
        files: &[
            ("big.txt", &[b'a'; 3000]),
            ("small.txt", b"La France condamne l'Iran."),
        ],
        args: &[
            "extract",
            "--max-doc-bytes",
            "1000",
            "{dir}/big.txt",
            "{dir}/small.txt",
        ],
        stdin: None,
        code: 1,
        stderr: &["big.txt: document over 1000 bytes, the --max-doc-bytes limit"],
        stdout: "criticizes",
    },
    Case {
        name: "endless input (/dev/zero) stops at the limit",
        files: &[],
        args: &["extract", "--max-doc-bytes", "1000000", "/dev/zero"],
        stdin: None,
        code: 1,
        stderr: &["/dev/zero: document over 1000000 bytes"],
        stdout: "",
    },
    Case {
        name: "corpus line over the limit, line named",
        files: &[(
            "l.jsonl",
            b"{\"id\":\"a\",\"text\":\"La France condamne l'Iran.\"}\n{\"id\":\"b\",\"text\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n",
        )],
        args: &["extract", "--max-doc-bytes", "80", "{dir}/l.jsonl"],
        stdin: None,
        code: 1,
        stderr: &["l.jsonl:2: document over 80 bytes"],
        stdout: "criticizes",
    },
    Case {
        name: "duplicate id in one corpus (ingest)",
        files: &[(
            "dup.jsonl",
            b"{\"id\":\"a\",\"text\":\"La France condamne l'Iran.\"}\n{\"id\":\"a\",\"text\":\"La Chine soutient la Russie.\"}\n",
        )],
        args: &["ingest", "--store", "{dir}/store", "{dir}/dup.jsonl"],
        stdin: None,
        code: 1,
        stderr: &["dup.jsonl:2: document id `a` was already read from", "dup.jsonl:1"],
        stdout: "",
    },
    Case {
        name: "duplicate id in one corpus (extract writes both, with a note)",
        files: &[(
            "dup.jsonl",
            b"{\"id\":\"a\",\"text\":\"La France condamne l'Iran.\"}\n{\"id\":\"a\",\"text\":\"La Chine soutient la Russie.\"}\n",
        )],
        args: &["extract", "{dir}/dup.jsonl"],
        stdin: None,
        code: 0,
        stderr: &["dup.jsonl:2: document id `a` was already read from", "read both"],
        stdout: "supports",
    },
    Case {
        name: "duplicate id, --on-duplicate skip",
        files: &[(
            "dup.jsonl",
            b"{\"id\":\"a\",\"text\":\"La France condamne l'Iran.\"}\n{\"id\":\"a\",\"text\":\"La Chine soutient la Russie.\"}\n",
        )],
        args: &[
            "ingest",
            "--store",
            "{dir}/store",
            "--on-duplicate",
            "skip",
            "{dir}/dup.jsonl",
        ],
        stdin: None,
        code: 0,
        stderr: &["skipped it", "1 duplicates skipped", "ingested"],
        stdout: "",
    },
    Case {
        name: "impossible --date",
        files: &[],
        args: &["extract", "--date", "2021-02-30", "-"],
        stdin: Some(GOOD),
        code: 1,
        stderr: &["--date must be a real date YYYY-MM-DD, not `2021-02-30`"],
        stdout: "",
    },
    Case {
        name: "impossible --since",
        files: &[],
        args: &["export", "--store", "{store}", "--since", "2022-13-45"],
        stdin: None,
        code: 1,
        stderr: &["--since must be a real date"],
        stdout: "",
    },
    Case {
        name: "impossible date parameter",
        files: &[],
        args: &[
            "query",
            "--store",
            "{store}",
            "-p",
            "since=2022-13-45",
            "SELECT * WHERE { ?s ?p ?o FILTER(?o > ?since) }",
        ],
        stdin: None,
        code: 1,
        stderr: &["`2022-13-45` is not a real date"],
        stdout: "",
    },
    Case {
        name: "--threads out of range",
        files: &[],
        args: &["extract", "--threads", "100000", "-"],
        stdin: Some(GOOD),
        code: 2,
        stderr: &["at most 256 threads"],
        stdout: "",
    },
    Case {
        name: "bad --kb file, line named",
        files: &[(
            "extra.tsv",
            b"id\twikidata\tgender\tcountry\tname\taliases\nX\t\tq\t\tX Y\t\n",
        )],
        args: &["--kb", "{dir}/extra.tsv", "extract", "-"],
        stdin: Some(GOOD),
        code: 1,
        stderr: &["extra.tsv:2: gender must be m or f"],
        stdout: "",
    },
    Case {
        name: "control character in a --kb file",
        files: &[(
            "people.tsv",
            b"id\twikidata\tgender\tcountry\tname\taliases\nJane_Roe\t\tf\t\tJane\x1bRoe\t\n",
        )],
        args: &["--kb", "{dir}/people.tsv", "extract", "-"],
        stdin: Some(GOOD),
        code: 1,
        stderr: &["people.tsv:2: control character U+001B"],
        stdout: "",
    },
    Case {
        name: "a --kb file with a UTF-8 BOM is read",
        files: &[(
            "people.tsv",
            b"\xef\xbb\xbfid\twikidata\tgender\tcountry\tname\taliases\nJane_Roe\t\tf\tFrance\tJane Roe\tRoe\n",
        )],
        args: &["--kb", "{dir}/people.tsv", "extract", "--format", "tsv", "-"],
        stdin: Some("Jane Roe a condamné la Russie."),
        code: 0,
        stderr: &[],
        stdout: "Jane Roe\tcriticizes\tRussia",
    },
    Case {
        name: "duplicate id inside one --kb file",
        files: &[(
            "people.tsv",
            b"id\twikidata\tgender\tcountry\tname\taliases\nJane_Roe\t\tf\t\tJane Roe\t\nJane_Roe\t\tf\t\tJane R.\t\n",
        )],
        args: &["--kb", "{dir}/people.tsv", "extract", "-"],
        stdin: Some(GOOD),
        code: 1,
        stderr: &["people.tsv:3: id `Jane_Roe` is already defined at line 2"],
        stdout: "",
    },
    Case {
        name: "bad --lexicon file, line named",
        files: &[(
            "verbs.tsv",
            b"id\tlang\tlemma\tpredicate\tobject\ttypes\tflags\tforms\nen.attacks.maul\ten\tmaul\tattacks\t-\t*\tplover=BRAWL\t-\n",
        )],
        args: &["--lexicon", "{dir}/verbs.tsv", "extract", "-"],
        stdin: Some(GOOD),
        code: 1,
        stderr: &["verbs.tsv:2: unknown PLOVER type `BRAWL`"],
        stdout: "",
    },
    Case {
        name: "a needs= flag without its marker",
        files: &[(
            "verbs.tsv",
            b"id\tlang\tlemma\tpredicate\tobject\ttypes\tflags\tforms\nen.demandsFrom.press\ten\tpress\tdemandsFrom\t-\t*\tneeds=\t-\n",
        )],
        args: &["--lexicon", "{dir}/verbs.tsv", "extract", "-"],
        stdin: Some(GOOD),
        code: 1,
        stderr: &["verbs.tsv:2: unknown flag `needs=`"],
        stdout: "",
    },
    Case {
        name: "missing store",
        files: &[],
        args: &["query", "--store", "{dir}/nostore", "SELECT * WHERE { ?s ?p ?o }"],
        stdin: None,
        code: 1,
        stderr: &["nostore", "no store here"],
        stdout: "",
    },
    Case {
        name: "a library query without its declared parameter",
        files: &[(
            "q.rq",
            b"# param: actor=Russia   (a label)\nSELECT * WHERE { ?s rdfs:label ?actor }\n",
        )],
        args: &["query", "--store", "{store}", "--file", "{dir}/q.rq"],
        stdin: None,
        code: 1,
        stderr: &["needs parameter(s)", "give -p actor=Russia"],
        stdout: "",
    },
    Case {
        name: "bad SPARQL",
        files: &[],
        args: &["query", "--store", "{store}", "SELEC oops"],
        stdin: None,
        code: 1,
        stderr: &["SPARQL"],
        stdout: "",
    },
];

/// A store with one document, shared by the cases that need one.
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let store = dir.path().join("store");
            bin()
                .args(["ingest", "--store"])
                .arg(&store)
                .arg("-")
                .write_stdin(GOOD)
                .assert()
                .success();
            (dir, store)
        })
        .1
}

#[test]
fn every_bad_input_gets_a_clear_error() {
    for case in CASES {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, bytes) in case.files {
            std::fs::write(dir.path().join(name), bytes).expect("write case file");
        }
        let mut cmd = bin();
        for a in case.args {
            let a = a.replace("{dir}", &dir.path().to_string_lossy());
            let a = if a.contains("{store}") {
                a.replace("{store}", &store().to_string_lossy())
            } else {
                a
            };
            cmd.arg(a);
        }
        cmd.write_stdin(case.stdin.unwrap_or(""));
        let out = cmd.output().expect("runs");
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_eq!(
            out.status.code(),
            Some(case.code),
            "{}: {stderr}",
            case.name
        );
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        for want in case.stderr {
            assert!(
                stderr.contains(want),
                "{}: want `{want}` in: {stderr}",
                case.name
            );
        }
        assert!(stdout.contains(case.stdout), "{}: {stdout}", case.name);
    }
}

/// Runs a SELECT of one count and returns it.
fn count(store: &Path, query: &str) -> String {
    let out = bin()
        .args(["query", "--format", "csv", "--store"])
        .arg(store)
        .arg(query)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    text.lines().nth(1).unwrap_or("").trim().to_string()
}

const DOCS: &str = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a ag:Document } }";

#[test]
fn colliding_ids_never_share_a_graph() {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["east", "west"] {
        std::fs::create_dir(dir.path().join(sub)).expect("dir");
    }
    std::fs::write(dir.path().join("east/report.txt"), GOOD).expect("write");
    std::fs::write(
        dir.path().join("west/report.txt"),
        "La Chine soutient la Russie.",
    )
    .expect("write");
    // `a/b` and `a_b` were once folded into one graph.
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"id\":\"a/b\",\"text\":\"L'Inde condamne le Pakistan.\"}\n{\"id\":\"a_b\",\"text\":\"Le Japon soutient l'Ukraine.\"}\n",
    )
    .expect("write");
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(count(&store, DOCS), "4");
    let ids = bin()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .arg("SELECT ?id WHERE { GRAPH ?g { ?g dcterms:identifier ?id } } ORDER BY ?id")
        .output()
        .expect("runs");
    let ids = String::from_utf8_lossy(&ids.stdout).to_string();
    for id in ["a/b", "a_b", "east/report", "west/report"] {
        assert!(ids.lines().any(|l| l.ends_with(id)), "{id} in {ids}");
    }
}

#[test]
fn reingest_skips_unchanged_documents_and_rewrites_changed_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("c.jsonl");
    let line = |id: &str, text: &str| format!("{{\"id\":\"{id}\",\"text\":\"{text}\"}}\n");
    std::fs::write(
        &corpus,
        line("a", GOOD) + &line("b", "La Chine soutient la Russie."),
    )
    .unwrap();
    let store = dir.path().join("store");
    let ingest = |extra: &[&str]| {
        let out = bin()
            .args(["ingest", "--store"])
            .arg(&store)
            .args(extra)
            .arg(&corpus)
            .output()
            .expect("runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let first = ingest(&[]);
    // The corpus gives no dates: date filters would skip its statements.
    assert!(
        first.contains("warning: 2 of 2 document(s) have no date"),
        "{first}"
    );
    let quads = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    let again = ingest(&[]);
    assert!(again.contains("ingested 0 quad(s)"), "{again}");
    assert!(
        again.contains("2 document(s) already stored unchanged"),
        "{again}"
    );
    let forced = ingest(&["--force"]);
    assert!(!forced.contains("ingested 0 quad(s)"), "{forced}");
    // One document changes: only it is rewritten, and nothing is doubled.
    std::fs::write(
        &corpus,
        line("a", GOOD) + &line("b", "La Chine condamne la Russie."),
    )
    .unwrap();
    let changed = ingest(&[]);
    assert!(
        changed.contains("1 document(s) already stored unchanged"),
        "{changed}"
    );
    assert_eq!(
        count(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ag:predicate ?p } }"
        ),
        "2"
    );
    assert_eq!(count(&store, DOCS), "2");
    assert_ne!(quads, "0");
}

#[test]
fn remove_drops_documents_and_names_missing_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"keep\",\"text\":\"La France condamne l'Iran.\"}\n{\"id\":\"drop/me\",\"text\":\"La Chine soutient la Russie.\"}\n",
    )
    .unwrap();
    let store = dir.path().join("store");
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&corpus)
        .assert()
        .success();
    let out = bin()
        .args(["remove", "--store"])
        .arg(&store)
        .args(["drop/me", "ghost"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("removed 1 document(s)"), "{stderr}");
    assert!(
        stderr.contains("no such document in the store: ghost"),
        "{stderr}"
    );
    assert_eq!(count(&store, DOCS), "1");
    assert_eq!(
        count(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ag:predicate ag:supports } }"
        ),
        "0"
    );
    // A missing store is not created by a removal.
    bin()
        .args(["remove", "--store"])
        .arg(dir.path().join("nostore"))
        .arg("keep")
        .assert()
        .code(1);
    assert!(!dir.path().join("nostore").exists());
}
