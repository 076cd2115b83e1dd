//! Error types shared by every stage.
//!
//! Errors carry the file and line they come from so that a user can fix a
//! knowledge file or a corpus line without guessing.

use std::path::PathBuf;

/// Every failure `actorgraph` reports to a user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A file (or one line of a JSON Lines corpus) is not valid UTF-8 text.
    #[error("{path}:{line}: not valid UTF-8 text (binary file?)")]
    Encoding {
        /// The file concerned.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// A line of a JSON Lines corpus is malformed.
    #[error("{path}:{line}: {message}")]
    Corpus {
        /// The corpus file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An input has nothing to read.
    #[error("{path}: empty input: no text to read")]
    Empty {
        /// The file concerned.
        path: PathBuf,
    },
    /// A document (or one line of a corpus) is over the size limit.
    #[error("{}: document over {limit} bytes, the --max-doc-bytes limit: not read", place(path, *line))]
    TooLarge {
        /// The file concerned.
        path: PathBuf,
        /// 1-based line of a corpus, 0 for a whole file.
        line: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A document id that an earlier document of the same run already had.
    #[error(
        "{at}: document id `{id}` was already read from {first}: not read (--on-duplicate skip|replace)"
    )]
    Duplicate {
        /// Where the later document is (`file` or `file:line`).
        at: String,
        /// The id.
        id: String,
        /// Where the first document with that id was read.
        first: String,
    },
    /// A knowledge-base or lexicon file is invalid.
    #[error("{file}:{line}: {message}")]
    Knowledge {
        /// The data file (as given or embedded name).
        file: String,
        /// 1-based line number (0 when the problem is about the whole file).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A SPARQL query could not be parsed or evaluated.
    #[error("SPARQL: {0}")]
    Sparql(String),
    /// The RDF store could not be opened or written.
    #[error("store {path}: {message}")]
    Store {
        /// The store directory or URL.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A command-line argument is invalid.
    #[error("{0}")]
    Usage(String),
}

/// `file` or `file:line` (line 0: the whole file).
pub fn place(path: &std::path::Path, line: usize) -> String {
    if line == 0 {
        path.display().to_string()
    } else {
        format!("{}:{line}", path.display())
    }
}

impl Error {
    /// Builds an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Builds an [`Error::Knowledge`] for `file:line`.
    pub fn knowledge(file: &str, line: usize, message: impl Into<String>) -> Self {
        Error::Knowledge {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
