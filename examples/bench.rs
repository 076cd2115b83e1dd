//! Extraction throughput on a corpus file (JSON Lines, possibly gzip), on
//! one thread and on all threads, read into memory first so that only
//! extraction is timed.
//!
//! ```text
//! cargo run --release --example bench -- bench/corpus-1k.jsonl.gz
//! ```

use std::path::PathBuf;
use std::time::Instant;

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use rayon::prelude::*;

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: bench CORPUS.jsonl[.gz]"),
    );
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let docs = actorgraph::input::read_all(&[path]).expect("corpus reads");
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {} documents, {} words, {:.1} MB",
        docs.len(),
        words,
        bytes as f64 / 1e6
    );
    for threads in [1, rayon::current_num_threads()] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        // one warm-up pass, then the best of three
        let mut best = f64::MAX;
        let mut statements = 0;
        for _ in 0..4 {
            let t = Instant::now();
            statements = pool.install(|| {
                docs.par_iter()
                    .map(|d| extract::extract(&k, d).len())
                    .sum::<usize>()
            });
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "extraction, {threads} thread(s): {:.3} s, {:.0} words/s, {:.1} MB/s, {} statements",
            best,
            words as f64 / best,
            bytes as f64 / 1e6 / best,
            statements
        );
    }
}
