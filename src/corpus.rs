//! Corpus-scale runs: documents stream in, are extracted in parallel in
//! chunks (output order = input order, whatever the thread count), and each
//! chunk goes to a sink (stdout writer or store loader), so memory stays
//! bounded by the chunk size. Bad documents are reported and skipped.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::input::{Item, ReadOptions};
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
    /// Reading limits.
    pub read: ReadOptions,
    /// What to do with a second document of the same id.
    pub on_duplicate: OnDuplicate,
}

/// What a run does with a document whose id an earlier one of the same run
/// had (`--on-duplicate`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OnDuplicate {
    /// Report it as a bad document (the run exits 1) and keep the first.
    #[default]
    Error,
    /// Keep the first, note the later one on stderr.
    Skip,
    /// Read the later one too, with a note: in the store it replaces the
    /// first; `extract` writes both.
    Replace,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            lang: None,
            date: None,
            threads: 0,
            chunk: 2000,
            progress: true,
            read: ReadOptions::default(),
            on_duplicate: OnDuplicate::Error,
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
    /// Later documents with an id already read, skipped (`--on-duplicate skip`).
    pub skipped: usize,
    /// Bytes of text.
    pub bytes: usize,
    /// Words (whitespace-separated) of text.
    pub words: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let skipped = match self.skipped {
            0 => String::new(),
            n => format!(", {n} duplicates skipped"),
        };
        write!(
            f,
            "{} documents, {} sentences, {} statements, {} errors{skipped}, {:.1} MB, {:.2} s ({:.0} words/s)",
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
                    say(&bar, format!("actorgraph: doc {}: {n}", x.0.id));
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
        let mut seen = Seen::default();
        let read = crate::input::for_each_item(paths, opts.read, |item| {
            let item = item.and_then(|i| seen.check(i, opts.on_duplicate));
            match item {
                Ok(Some(mut d)) => {
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
                Ok(None) => summary.skipped += 1,
                Err(e) => {
                    summary.errors += 1;
                    say(&bar, format!("actorgraph: skipped: {e}"));
                }
            }
            Ok(())
        });
        for note in seen.notes.drain(..) {
            say(&bar, note);
        }
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

/// A line on stderr that does not break the progress bar.
fn say(bar: &Option<indicatif::ProgressBar>, line: String) {
    match bar {
        Some(b) => b.println(line),
        None => eprintln!("{line}"),
    }
}

/// The ids read so far in a run, with where each was first read.
#[derive(Default)]
struct Seen {
    first: rustc_hash::FxHashMap<String, String>,
    /// Notes of skipped or replacing duplicates, printed at the end.
    notes: Vec<String>,
}

impl Seen {
    /// The document to extract, `None` to skip it, or the error of a
    /// duplicate under `--on-duplicate error`.
    fn check(&mut self, item: Item, policy: OnDuplicate) -> Result<Option<Document>> {
        let Some(first) = self.first.get(&item.doc.id) else {
            self.first.insert(item.doc.id.clone(), item.origin);
            return Ok(Some(item.doc));
        };
        let what = format!(
            "{}: document id `{}` was already read from {first}",
            item.origin, item.doc.id
        );
        match policy {
            OnDuplicate::Error => Err(Error::Duplicate {
                at: item.origin,
                id: item.doc.id,
                first: first.clone(),
            }),
            OnDuplicate::Skip => {
                self.notes.push(format!("actorgraph: {what}: skipped it"));
                Ok(None)
            }
            OnDuplicate::Replace => {
                self.notes.push(format!(
                    "actorgraph: {what}: read both (in a store the later one replaces it)"
                ));
                Ok(Some(item.doc))
            }
        }
    }
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
