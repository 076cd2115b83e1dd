//! Reading input documents as a stream: plain text files, JSON Lines
//! corpora (also gzip-compressed), directories (recursively) and stdin.
//!
//! A bad document (invalid UTF-8, empty text, malformed JSON line) is handed
//! to the caller as an error naming the file and line, and reading goes on.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::{Document, Lang};

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

/// Calls `f` with every document of `paths` in order, or with the error of a
/// document that could not be read; `f` returning an error stops reading.
pub fn for_each(
    paths: &[PathBuf],
    mut f: impl FnMut(Result<Document>) -> Result<()>,
) -> Result<()> {
    for path in expand(paths)? {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            let name = PathBuf::from("<stdin>");
            // A stdin stream that looks like JSON Lines is read as a corpus.
            if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
                read_lines(&name, &bytes[..], &mut f)?;
            } else {
                f(text_document(&name, "stdin", &bytes))?;
            }
            continue;
        }
        if is_jsonl(&path) {
            let file = match std::fs::File::open(&path) {
                Ok(file) => file,
                Err(e) => {
                    f(Err(Error::io(&path, e)))?;
                    continue;
                }
            };
            if path.to_string_lossy().ends_with(".gz") {
                read_lines(
                    &path,
                    BufReader::new(flate2::read::MultiGzDecoder::new(file)),
                    &mut f,
                )?;
            } else {
                read_lines(&path, BufReader::new(file), &mut f)?;
            }
            continue;
        }
        if path.is_dir() {
            continue;
        }
        let item = std::fs::read(&path)
            .map_err(|e| Error::io(&path, e))
            .and_then(|bytes| {
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_else(|| "document".into());
                text_document(&path, &id, &bytes)
            });
        f(item)?;
    }
    Ok(())
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

fn text_document(path: &Path, id: &str, bytes: &[u8]) -> Result<Document> {
    let text = utf8(path, bytes.to_vec())?;
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
    Ok(Document::new(id, text))
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

/// Streams a JSON Lines corpus, one call of `f` per non-blank line.
fn read_lines(
    path: &Path,
    mut reader: impl BufRead,
    f: &mut impl FnMut(Result<Document>) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut line = 0;
    let mut any = false;
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                return f(Err(Error::Corpus {
                    path: path.to_path_buf(),
                    line: line + 1,
                    message: format!("cannot read: {e}"),
                }));
            }
        };
        if n == 0 {
            break;
        }
        line += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        f(parse_line(path, line, &buf))?;
    }
    if !any {
        f(Err(Error::Empty {
            path: path.to_path_buf(),
        }))?;
    }
    Ok(())
}

#[derive(serde::Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    date: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Parses one line of a JSON Lines corpus.
pub fn parse_line(path: &Path, line: usize, raw: &[u8]) -> Result<Document> {
    let err = |m: String| Error::Corpus {
        path: path.to_path_buf(),
        line,
        message: m,
    };
    let s = std::str::from_utf8(raw).map_err(|_| Error::Encoding {
        path: path.to_path_buf(),
        line,
    })?;
    let rec: Line =
        serde_json::from_str(s).map_err(|e| err(format!("malformed JSON line: {e}")))?;
    let id = match rec.id {
        serde_json::Value::String(s) if !s.trim().is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(err("`id` must be a non-empty string".into())),
    };
    let date = match rec.date {
        Some(d) if !d.is_empty() => Some(
            crate::lexicon::tsv::date(&d, false)
                .filter(|_| d.len() == 10)
                .ok_or_else(|| err(format!("`date` must be YYYY-MM-DD, not `{d}`")))?,
        ),
        _ => None,
    };
    let lang = match rec.lang.as_deref() {
        None | Some("") => None,
        Some(l) => {
            Some(Lang::parse(l).ok_or_else(|| err(format!("`lang` must be fr or en, not `{l}`")))?)
        }
    };
    Ok(Document {
        id,
        text: rec.text,
        date,
        lang,
        title: rec.title,
        url: rec.url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Result<Document>> {
        let mut out = Vec::new();
        read_lines(Path::new("c.jsonl"), bytes, &mut |d| {
            out.push(d);
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn jsonl_errors_name_the_line_and_reading_goes_on() {
        let got = parse(b"{\"id\":\"a\",\"text\":\"x\"}\n{oops\n\n{\"id\":\"b\",\"text\":\"y\",\"date\":\"2021-13-40\"}\n{\"id\":7,\"text\":\"z\",\"lang\":\"fr\",\"date\":\"2021-12-15\"}\n");
        assert_eq!(got.len(), 4);
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("c.jsonl:2: malformed JSON line")
        );
        assert!(
            got[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("c.jsonl:4: `date` must be YYYY-MM-DD")
        );
        let d = got[3].as_ref().unwrap();
        assert_eq!(
            (d.id.as_str(), d.lang, d.date.as_deref()),
            ("7", Some(Lang::Fr), Some("2021-12-15"))
        );
    }

    #[test]
    fn empty_corpus_is_an_error() {
        let got = parse(b"\n  \n");
        assert!(matches!(got[0], Err(Error::Empty { .. })));
    }
}
