//! Corpus-scale behaviour: directories and gzip corpora, thread-count
//! independent output, bad documents skipped and reported, idempotent
//! re-ingest of a corpus.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("actorgraph").expect("binary built")
}

/// A small corpus written for this test: 40 documents in both languages.
fn corpus(dir: &Path) -> PathBuf {
    let fr = [
        "La France a condamné l'Iran.",
        "L'Allemagne soutient la Pologne.",
        "Le Japon a rencontré l'Inde lundi.",
    ];
    let en = [
        "Canada criticized China.",
        "Brazil met Argentina in Brasilia.",
        "Turkey threatened Greece.",
    ];
    let mut lines = String::new();
    for i in 0..40 {
        let (text, lang) = if i % 2 == 0 {
            (fr[i % 3], "fr")
        } else {
            (en[i % 3], "en")
        };
        lines.push_str(&format!("{{\"id\":\"d{i}\",\"text\":\"{} {}\",\"lang\":\"{lang}\",\"date\":\"2022-03-{:02}\"}}\n", text, text, 1 + i % 28));
    }
    let sub = dir.join("corpus/nested");
    std::fs::create_dir_all(&sub).unwrap();
    let gz = sub.join("part.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(lines.as_bytes()).unwrap();
    enc.finish().unwrap();
    std::fs::write(
        dir.join("corpus/one.txt"),
        "Le Canada a critiqué la Russie.",
    )
    .unwrap();
    dir.join("corpus")
}

fn extract(args: &[&str], input: &Path) -> (String, String) {
    let out = bin().arg("extract").args(args).arg(input).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn directories_and_gzip_are_read_and_output_does_not_depend_on_threads() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let (one, err) = extract(&["--threads", "1"], &c);
    let (two, _) = extract(&["--threads", "2"], &c);
    assert_eq!(one, two, "output must not depend on the thread count");
    assert!(err.contains("41 documents"), "{err}");
    assert!(one.contains("\"doc\":\"d39\"") && one.contains("\"doc\":\"one\""));
    // Directory entries are read in path order: nested/part.jsonl.gz before one.txt.
    let first = one.lines().next().unwrap();
    assert!(first.contains("\"doc\":\"d0\""), "{first}");
}

#[test]
fn a_bad_line_is_reported_skipped_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mixed.jsonl");
    std::fs::write(&p, "{\"id\":\"a\",\"text\":\"La France a condamné l'Iran.\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"Canada criticized China.\",\"lang\":\"en\"}\n").unwrap();
    bin()
        .arg("extract")
        .arg(&p)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("mixed.jsonl:2: malformed JSON line")
                .and(predicate::str::contains("2 documents"))
                .and(predicate::str::contains("1 errors")),
        )
        .stdout(
            predicate::str::contains("\"doc\":\"a\"")
                .and(predicate::str::contains("\"doc\":\"c\"")),
        );
}

#[test]
fn re_ingesting_a_corpus_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(dir.path());
    let store = dir.path().join("store");
    let count = || {
        let out = bin()
            .args(["query", "--format", "csv", "--store"])
            .arg(&store)
            .arg("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&c)
        .assert()
        .success();
    let first = count();
    bin()
        .args(["ingest", "--threads", "1", "--store"])
        .arg(&store)
        .arg(&c)
        .assert()
        .success();
    assert_eq!(first, count());
    let docs = bin()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .arg("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ag:Document }")
        .output()
        .unwrap();
    assert!(String::from_utf8(docs.stdout).unwrap().contains("41"));
}
