//! Reading input documents as a stream: plain text files, JSON Lines
//! corpora (also gzip-compressed), directories (recursively) and stdin.
//!
//! A bad document (invalid UTF-8, empty text, malformed JSON line) is handed
//! to the caller as an error naming the file and line, and reading goes on.

mod bounded;
mod ids;
mod jsonl;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::Document;
pub use bounded::DEFAULT_MAX_DOC_BYTES;
use bounded::{Piece, read_capped};

fn is_jsonl(path: &Path) -> bool {
    let name = path.to_string_lossy();
    name.ends_with(".jsonl")
        || name.ends_with(".ndjson")
        || name.ends_with(".jsonl.gz")
        || name.ends_with(".ndjson.gz")
}

fn is_input(path: &Path) -> bool {
    is_jsonl(path) || path.extension().is_some_and(|e| e == "txt")
}

/// Expands directories (recursively, sorted) into their `.txt`, `.jsonl` and
/// `.jsonl.gz` files; other paths are kept as given.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_input(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// How documents are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// A document (a file, or one corpus line) over this many bytes is
    /// reported and skipped (`--max-doc-bytes`).
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// A document and where it was read (`file` or `file:line`), for messages.
#[derive(Debug, Clone)]
pub struct Item {
    /// The document.
    pub doc: Document,
    /// Where it comes from.
    pub origin: String,
}

/// Calls `f` with every document of `paths` in order, or with the error of a
/// document that could not be read; `f` returning an error stops reading.
pub fn for_each(
    paths: &[PathBuf],
    mut f: impl FnMut(Result<Document>) -> Result<()>,
) -> Result<()> {
    for_each_item(paths, ReadOptions::default(), |item| f(item.map(|i| i.doc)))
}

/// [`for_each`] with options, handing each document with its origin.
pub fn for_each_item(
    paths: &[PathBuf],
    opts: ReadOptions,
    mut f: impl FnMut(Result<Item>) -> Result<()>,
) -> Result<()> {
    let paths = expand(paths)?;
    let ids = ids::file_ids(&paths);
    let limit = opts.max_doc_bytes;
    for path in &paths {
        if path.as_os_str() == "-" {
            read_stdin(limit, &mut f)?;
            continue;
        }
        if is_jsonl(path) {
            let file = match std::fs::File::open(path) {
                Ok(file) => file,
                Err(e) => {
                    f(Err(Error::io(path, e)))?;
                    continue;
                }
            };
            if path.to_string_lossy().ends_with(".gz") {
                let gz = BufReader::new(flate2::read::MultiGzDecoder::new(file));
                jsonl::read_lines(path, gz, limit, &mut f)?;
            } else {
                jsonl::read_lines(path, BufReader::new(file), limit, &mut f)?;
            }
            continue;
        }
        if path.is_dir() {
            continue;
        }
        let id = ids.get(path).cloned().unwrap_or_else(|| "document".into());
        let item = std::fs::File::open(path)
            .and_then(|file| read_capped(file, limit))
            .map_err(|e| Error::io(path, e))
            .and_then(|piece| whole(path, 0, limit, piece))
            .and_then(|bytes| text_document(path, &id, bytes));
        f(item)?;
    }
    Ok(())
}

/// The bytes of a bounded read, or the error of a document over the limit.
fn whole(path: &Path, line: usize, limit: usize, piece: Piece) -> Result<Vec<u8>> {
    match piece {
        Piece::Whole(bytes) => Ok(bytes),
        Piece::End => Ok(Vec::new()),
        Piece::TooLarge => Err(Error::TooLarge {
            path: path.to_path_buf(),
            line,
            limit,
        }),
    }
}

/// Standard input: a JSON Lines stream when it starts with `{`, else one
/// text document. Read in bounded pieces either way.
fn read_stdin(limit: usize, f: &mut impl FnMut(Result<Item>) -> Result<()>) -> Result<()> {
    let name = PathBuf::from("<stdin>");
    let mut r = BufReader::new(std::io::stdin().lock());
    let first = loop {
        let buf = r.fill_buf().map_err(|e| Error::io(&name, e))?;
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => break Some(buf[i]),
            None if buf.is_empty() => break None,
            None => {
                let n = buf.len();
                r.consume(n);
            }
        }
    };
    if first == Some(b'{') {
        return jsonl::read_lines(&name, r, limit, f);
    }
    let item = read_capped(r, limit)
        .map_err(|e| Error::io(&name, e))
        .and_then(|piece| whole(&name, 0, limit, piece))
        .and_then(|bytes| text_document(&name, "stdin", bytes));
    f(item)
}

/// Reads every document of `paths` into memory (small inputs, tests); the
/// first bad document is an error.
pub fn read_all(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for_each(paths, |d| {
        docs.push(d?);
        Ok(())
    })?;
    Ok(docs)
}

fn text_document(path: &Path, id: &str, bytes: Vec<u8>) -> Result<Item> {
    let text = utf8(path, bytes)?;
    if let Some(nul) = text.find('\0') {
        return Err(Error::Encoding {
            path: path.to_path_buf(),
            line: text[..nul].matches('\n').count() + 1,
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Item {
        doc: Document::new(id, text),
        origin: path.display().to_string(),
    })
}

/// Decodes `bytes` read from `path`; an error names the file and the line
/// of the first invalid byte.
pub fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        Error::Encoding {
            path: path.to_path_buf(),
            line: e.as_bytes()[..valid]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        }
    })
}

/// Reads a whole UTF-8 text file (knowledge tables, dictionaries).
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    utf8(path, bytes)
}

pub use jsonl::parse_line;
