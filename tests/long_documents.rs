//! Long documents (issue #15): time linear in the document's length, and
//! over-long sentences split at a documented bound, with a note.

use std::time::Instant;

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use actorgraph::text::{self, Document, Lang, MAX_SENTENCE_TOKENS};
use assert_cmd::Command;
use predicates::prelude::*;

/// A paragraph written for this test: actors, roles, quotes, pronouns.
const PARAGRAPH: &str = "The Brazilian foreign minister met his Argentine counterpart in Buenos Aires \
on Monday and said that Brazil would not impose new tariffs on Argentine goods. Chile criticized \
Peru for its new restrictions, and Lima threatened to recall its ambassador unless Santiago changed \
course. According to Bolivian officials, Paraguay and Uruguay agreed to resume talks. Students in \
Colombia protested against the government in Bogota, and police dispersed the demonstrators. \
\"We will support Ecuador,\" President Lula said.";

/// Words without any sentence end: no punctuation, no line break.
fn flat_words(n: usize) -> String {
    let words: Vec<&str> = PARAGRAPH
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    (0..n)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_over_long_sentence_is_split_at_the_bound() {
    let text = flat_words(2 * MAX_SENTENCE_TOKENS + 200);
    let tokens = text::tokenize(&text);
    assert_eq!(tokens.len(), 2 * MAX_SENTENCE_TOKENS + 200);
    let (sentences, splits) = text::sentences_bounded(&text, &tokens, MAX_SENTENCE_TOKENS);
    let lens: Vec<usize> = sentences.iter().map(|s| s.last - s.first).collect();
    assert_eq!(lens, vec![MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 200]);
    assert_eq!(splits.len(), 1);
    assert_eq!(splits[0].byte, 0);
    assert_eq!(splits[0].tokens, tokens.len());
    // The pieces cover the sentence without gap or overlap.
    assert_eq!(sentences[1].start, tokens[MAX_SENTENCE_TOKENS].start);
    assert_eq!(sentences[2].end, text.len());

    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let mut doc = Document::new("flat", format!("Chile criticized Peru.\n\n{text}"));
    doc.lang = Some(Lang::En);
    let x = extract::extract_noted(&k, &doc);
    assert_eq!(x.sentences, 4);
    assert_eq!(
        x.notes,
        vec![format!(
            "sentence at byte 24 split: longer than {MAX_SENTENCE_TOKENS} tokens ({} tokens)",
            tokens.len()
        )]
    );
}

#[test]
fn normal_sentences_are_not_split() {
    let tokens = text::tokenize(PARAGRAPH);
    let (sentences, splits) = text::sentences_bounded(PARAGRAPH, &tokens, MAX_SENTENCE_TOKENS);
    assert_eq!(sentences.len(), 5);
    assert!(splits.is_empty());
}

#[test]
fn the_command_line_prints_the_split_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ocr.txt");
    std::fs::write(&path, flat_words(MAX_SENTENCE_TOKENS + 1)).unwrap();
    Command::cargo_bin("actorgraph")
        .unwrap()
        .args(["extract", "--lang", "en"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "doc ocr: sentence at byte 0 split: longer than {MAX_SENTENCE_TOKENS} tokens"
        )));
}

/// One document of 2 MB (the paragraph 4,000 times). The quadratic code
/// took about a minute for this length on one core (issue #15: 54 s for
/// 2.4 MB); linear extraction takes about a second. The bound is generous
/// so that a loaded machine does not fail it, but the old code cannot meet it.
#[test]
fn a_two_megabyte_document_is_extracted_in_linear_time() {
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let copies = 4000;
    let text = vec![PARAGRAPH; copies].join("\n\n");
    assert!(text.len() > 2_000_000);
    let mut one = Document::new("one", PARAGRAPH);
    one.lang = Some(Lang::En);
    let per_copy = extract::extract(&k, &one).len();
    assert!(per_copy > 0);
    let mut doc = Document::new("long", text);
    doc.lang = Some(Lang::En);
    let start = Instant::now();
    let x = extract::extract_noted(&k, &doc);
    let secs = start.elapsed().as_secs_f64();
    assert!(x.notes.is_empty());
    assert_eq!(x.sentences, 5 * copies);
    assert!(x.statements.len() >= per_copy * copies / 2);
    assert!(secs < 20.0, "2 MB in one document took {secs:.1} s");
}

/// Quads outside the network graph (whose counts `tests/network.rs` checks).
fn document_quads(s: &oxigraph::store::Store) -> usize {
    s.iter()
        .filter(|q| {
            q.as_ref().expect("reads").graph_name.to_string()
                != format!("<{}>", actorgraph::store::network::NETWORK_GRAPH)
        })
        .count()
}

/// A document of more than 10,000 statements (about 150,000 quads) is
/// digested and loaded one statement at a time, and replaced or removed in
/// pieces: the same quads as a small document's path, no duplicates.
#[test]
fn a_large_document_is_loaded_replaced_and_removed_whole() {
    use actorgraph::store;
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let mut doc = Document::new("big", vec![PARAGRAPH; 1600].join("\n\n"));
    doc.lang = Some(Lang::En);
    let statements = extract::extract(&k, &doc);
    assert!(statements.len() > 10_000, "{} statements", statements.len());
    let quads = actorgraph::rdf::document_quads(&doc, &statements, "en");
    let expected = quads.len() + 1; // and the digest
    // The store holds each quad once (direct edges repeat across statements).
    let distinct = quads.iter().collect::<std::collections::HashSet<_>>().len() + 1;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store");
    let s = store::open(&path).expect("store opens");
    let docs = vec![(doc, statements, "en".to_string())];

    let first = store::load_documents(&s, &path, &docs, false).expect("loads");
    assert_eq!(first.quads, expected);
    assert_eq!(document_quads(&s), distinct);
    // The streamed digest equals the stored one: nothing to rewrite.
    let again = store::load_documents(&s, &path, &docs, false).expect("loads");
    assert_eq!(again.unchanged, 1);
    // Forced: the graph (over 50,000 quads) is removed in pieces, then loaded.
    let forced = store::load_documents(&s, &path, &docs, true).expect("loads");
    assert_eq!(forced.quads, expected);
    assert_eq!(document_quads(&s), distinct);
    let missing = store::remove_documents(&s, &path, &["big".to_string(), "nope".to_string()])
        .expect("removes");
    assert_eq!(missing, vec!["nope".to_string()]);
    assert_eq!(document_quads(&s), 0);
}
