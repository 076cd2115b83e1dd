//! Corpus-scale runs: documents stream in, are extracted in parallel in
//! chunks (output order = input order, whatever the thread count), and each
//! chunk goes to a sink (stdout writer or store loader), so memory stays
//! bounded by the chunk size. Bad documents are reported and skipped.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::lexicon::Knowledge;
use crate::statement::Statement;
use crate::text::{Document, Lang};

/// Options of a corpus run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Language for documents that do not give one (`None`: detect).
    pub lang: Option<Lang>,
    /// Date for documents that do not give one.
    pub date: Option<String>,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Documents per chunk.
    pub chunk: usize,
    /// Show a progress bar on stderr (only when it is a terminal).
    pub progress: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            lang: None,
            date: None,
            threads: 0,
            chunk: 2000,
            progress: true,
        }
    }
}

/// Counts of a run, printed as one line at the end.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Documents read and extracted.
    pub documents: usize,
    /// Sentences in them.
    pub sentences: usize,
    /// Statements extracted.
    pub statements: usize,
    /// Documents that failed (reported and skipped).
    pub errors: usize,
    /// Bytes of text.
    pub bytes: usize,
    /// Words (whitespace-separated) of text.
    pub words: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} sentences, {} statements, {} errors, {:.1} MB, {:.2} s ({:.0} words/s)",
            self.documents,
            self.sentences,
            self.statements,
            self.errors,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.words as f64 / self.seconds.max(1e-9)
        )
    }
}

/// A document with its statements and sentence count.
pub type Extracted = (Document, Vec<Statement>, usize);

/// Runs extraction over `paths`, handing each chunk of results to `sink`.
///
/// The sink runs on its own thread, one chunk behind extraction, so that
/// writing or loading the store overlaps extracting the next chunk; at most
/// two chunks are in memory.
pub fn run(
    k: &Knowledge,
    paths: &[PathBuf],
    opts: &RunOptions,
    mut sink: impl FnMut(&[Extracted]) -> Result<()> + Send,
) -> Result<Summary> {
    let start = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {} threads: {e}", opts.threads)))?;
    let bar = progress_bar(opts.progress);
    let mut summary = Summary::default();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Extracted>>(1);
    std::thread::scope(|scope| {
        let consumer = scope.spawn(move || -> Result<()> {
            for chunk in rx {
                sink(&chunk)?;
            }
            Ok(())
        });
        let mut chunk: Vec<Document> = Vec::with_capacity(opts.chunk);
        // Returns false when the sink has stopped (its error is reported below).
        let flush = |chunk: &mut Vec<Document>, summary: &mut Summary| -> bool {
            if chunk.is_empty() {
                return true;
            }
            let docs = std::mem::take(chunk);
            let noted: Vec<(Extracted, Vec<String>)> = pool.install(|| {
                docs.into_par_iter()
                    .map(|d| {
                        let x = crate::extract::extract_noted(k, &d);
                        ((d, x.statements, x.sentences), x.notes)
                    })
                    .collect()
            });
            // Notes in input order ("doc X: sentence at byte N split: …").
            let mut done: Vec<Extracted> = Vec::with_capacity(noted.len());
            for (x, notes) in noted {
                for n in notes {
                    let line = format!("actorgraph: doc {}: {n}", x.0.id);
                    match &bar {
                        Some(b) => b.println(line),
                        None => eprintln!("{line}"),
                    }
                }
                done.push(x);
            }
            for (d, st, n) in &done {
                summary.documents += 1;
                summary.sentences += n;
                summary.statements += st.len();
                summary.bytes += d.text.len();
                summary.words += d.text.split_whitespace().count();
            }
            if let Some(b) = &bar {
                b.set_position(summary.bytes as u64);
                b.set_message(format!(
                    "{} docs, {} statements",
                    summary.documents, summary.statements
                ));
            }
            tx.send(done).is_ok()
        };
        let read = crate::input::for_each(paths, |item| {
            match item {
                Ok(mut d) => {
                    if d.lang.is_none() {
                        d.lang = opts.lang;
                    }
                    if d.date.is_none() {
                        d.date = opts.date.clone();
                    }
                    chunk.push(d);
                    if chunk.len() >= opts.chunk && !flush(&mut chunk, &mut summary) {
                        return Err(Error::Usage("output stopped".into()));
                    }
                }
                Err(e) => {
                    summary.errors += 1;
                    let line = format!("actorgraph: skipped: {e}");
                    match &bar {
                        Some(b) => b.println(line),
                        None => eprintln!("{line}"),
                    }
                }
            }
            Ok(())
        });
        if read.is_ok() {
            flush(&mut chunk, &mut summary);
        }
        drop(tx);
        let sunk = consumer
            .join()
            .unwrap_or_else(|_| Err(Error::Usage("output thread panicked".into())));
        // The sink's own error explains a stopped read better than "output stopped".
        sunk?;
        read
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

fn progress_bar(wanted: bool) -> Option<indicatif::ProgressBar> {
    if !wanted || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {binary_bytes} read ({binary_bytes_per_sec}) {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(bar)
}
