//! Property-based fuzzing (proptest; cargo-fuzz needs a nightly toolchain,
//! which this project's machines do not have) of everything that reads
//! outside input: the document readers (text, JSON Lines, gzip), the
//! extractor on arbitrary UTF-8, the knowledge-file loaders and the query
//! parameter binder. None may panic; each answers a value or an error that
//! names its file.
//!
//! Each target runs for `AG_FUZZ_SECS` seconds (default 8, so that CI stays
//! bounded) in rounds of fresh deterministic seeds; a long run is
//! `AG_FUZZ_SECS=600 cargo test --release --test fuzz -- --test-threads 1`.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use actorgraph::input::{ReadOptions, for_each_item};
use actorgraph::lexicon::Knowledge;
use actorgraph::params::{Param, parse_query, prepare};
use actorgraph::text::Document;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// Runs `test` on values of `strategy` for the time budget; panics with the
/// shrunk failing input when one is found.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let secs = std::env::var("AG_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let (mut round, mut cases) = (0u64, 0u64);
    while Instant::now() < deadline {
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&round.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
        let config = Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new_with_rng(config, rng);
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: round {round}: {e}");
        }
        round += 1;
        cases += 64;
    }
    eprintln!("fuzz {name}: {cases} cases in {secs} s, no failure");
}

/// The default knowledge, loaded once.
fn knowledge() -> &'static Knowledge {
    static K: std::sync::OnceLock<Knowledge> = std::sync::OnceLock::new();
    K.get_or_init(|| Knowledge::default_knowledge().expect("default knowledge loads"))
}

/// Words that make the extractor work: actors, verbs, negation, roles.
const WORDS: &[&str] = &[
    "Russia",
    "France",
    "la Russie",
    "Washington",
    "Macron",
    "Poutine",
    "il",
    "he",
    "the",
    "condemned",
    "condamne",
    "met",
    "a rencontré",
    "ne",
    "pas",
    "not",
    "will",
    "could",
    "said",
    "selon",
    "and",
    "et",
    ",",
    ".",
    "!",
    "?",
    "\"",
    "«",
    "»",
    "the president",
    "le ministre russe",
    "des Affaires étrangères",
    "sanctions",
    "against",
    "contre",
    "with",
    "avec",
    "\n",
    "\n\n",
    "Ukraine",
    "NATO",
    "l'OTAN",
    "UN",
    "accused",
    "of",
    "de",
    "attacked",
    "Kyiv",
    "who",
    "qui",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[A-Z][a-z]{0,8}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

#[test]
fn fuzz_extractor_on_arbitrary_utf8() {
    let k = knowledge();
    fuzz("extract", text_strategy(), |text| {
        let doc = Document::new("f", text.clone());
        let (statements, sentences) = actorgraph::extract::extract_counted(k, &doc);
        for st in &statements {
            let (a, b) = st.span;
            prop_assert!(
                a <= b && b <= text.len(),
                "span {a}..{b} in {} bytes",
                text.len()
            );
            prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            prop_assert!(st.sentence_index < sentences.max(1));
        }
        Ok(())
    });
}

/// One corpus line: a well-formed document, a broken one, or raw bytes.
fn line_strategy() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (
            any::<String>(),
            text_strategy(),
            proptest::option::of("[0-9-]{0,12}")
        )
            .prop_map(|(id, text, date)| {
                serde_json::json!({"id": id, "text": text, "date": date})
                    .to_string()
                    .into_bytes()
            }),
        proptest::collection::vec(any::<u8>(), 0..200),
        Just(b"{\"id\": 1, \"text\": ".to_vec()),
        Just(vec![b'x'; 300]),
    ]
}

fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("temp file");
    p
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

#[test]
fn fuzz_readers_txt_jsonl_gzip() {
    let strategy = (
        proptest::collection::vec(line_strategy(), 0..12),
        proptest::collection::vec(any::<u8>(), 0..300),
    );
    fuzz("readers", strategy, |(lines, raw)| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = lines.join(&b'\n');
        let paths = vec![
            temp_file(&dir, "a.txt", &raw),
            temp_file(&dir, "b.jsonl", &corpus),
            temp_file(&dir, "c.jsonl.gz", &gzip(&corpus)),
            // Not gzip at all, though named so.
            temp_file(&dir, "d.jsonl.gz", &raw),
        ];
        let limit = 256;
        let mut n = 0;
        for_each_item(
            &paths,
            ReadOptions {
                max_doc_bytes: limit,
            },
            |item| {
                n += 1;
                match item {
                    Ok(i) => {
                        assert!(!i.doc.text.trim().is_empty(), "{}", i.origin);
                        assert!(i.doc.text.len() <= limit, "{}", i.origin);
                    }
                    Err(e) => {
                        let m = e.to_string();
                        assert!(m.contains(dir.path().to_str().unwrap_or("?")), "{m}");
                    }
                }
                Ok(())
            },
        )
        .expect("reading never stops on a bad document");
        prop_assert!(n >= 4, "every file answers at least once ({n})");
        Ok(())
    });
}

/// Headers of the knowledge files, so that generated rows reach the
/// per-kind validation and not only the header check.
fn headers() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["ontology/kb", "ontology/lexicon"] {
        for e in std::fs::read_dir(dir).expect("ontology dir") {
            let text = std::fs::read_to_string(e.expect("entry").path()).expect("tsv");
            if let Some(h) = text.lines().find(|l| !l.starts_with('#') && !l.is_empty()) {
                out.push(h.to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn fuzz_knowledge_file_loaders() {
    let cell = prop_oneof![
        3 => "[a-zA-Z_ |=0-9-]{0,12}",
        1 => any::<String>(),
        1 => Just("Q7747".to_string()),
        1 => Just("2022-02-30".to_string()),
    ];
    let row = proptest::collection::vec(cell, 0..10).prop_map(|c| c.join("\t"));
    let strategy = (
        proptest::sample::select(headers()),
        proptest::collection::vec(row, 0..6),
        any::<bool>(),
    );
    fuzz("knowledge", strategy, |(header, rows, as_lexicon)| {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = format!("# generated\n{header}\n{}\n", rows.join("\n"));
        let p = temp_file(&dir, "extra.tsv", text.as_bytes());
        let got = if as_lexicon {
            Knowledge::load(&[], &[p.as_path()])
        } else {
            Knowledge::load(&[p.as_path()], &[])
        };
        if let Err(e) = got {
            let m = e.to_string();
            prop_assert!(m.contains("extra.tsv"), "error does not name the file: {m}");
        }
        Ok(())
    });
}

#[test]
fn fuzz_query_parameter_binder() {
    let value = prop_oneof![
        any::<String>(),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "<[a-z:/.#>{} ]{0,20}>?",
        "agr:[A-Za-z_}{ .]{0,10}",
        "\"[a-z]{0,5}\" \\} \\. \\?s",
    ];
    fuzz("params", (value, "[a-z]{1,6}"), |(value, name)| {
        let arg = format!("{name}={value}");
        if let Ok(p) = Param::parse(&arg) {
            // The other variables have a `_`, which generated names never do.
            let text =
                format!("SELECT ?{name} ?o_1 WHERE {{ ?{name} ?p_1 ?o_1 . ?o_1 ?q_1 ?{name} }}");
            let q = prepare(&text, &[p]).expect("a parsed parameter binds");
            // The bound query is still one query of the same shape: the
            // value is a term, never syntax.
            let again = parse_query(&q.to_string()).expect("bound query re-parses");
            prop_assert_eq!(again.to_string(), q.to_string());
        }
        Ok(())
    });
}
