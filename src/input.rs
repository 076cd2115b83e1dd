//! Reading input documents: plain text files, JSON Lines corpora, stdin.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::text::{Document, Lang};

/// Reads every document from `paths` (`-` is stdin). Text files give one
/// document named after the file stem; `.jsonl` files one per line.
pub fn read_all(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for p in paths {
        docs.extend(read_path(p)?);
    }
    Ok(docs)
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// Reads one path.
pub fn read_path(path: &Path) -> Result<Vec<Document>> {
    let (bytes, name) = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| Error::io("<stdin>", e))?;
        (b, PathBuf::from("<stdin>"))
    } else {
        if path.is_dir() {
            return Err(Error::Usage(format!(
                "{}: is a directory (give the files inside it)",
                path.display()
            )));
        }
        (
            std::fs::read(path).map_err(|e| Error::io(path, e))?,
            path.to_path_buf(),
        )
    };
    if is_jsonl(path) {
        return parse_jsonl(&name, &bytes);
    }
    let text = utf8(&name, &bytes)?;
    if text.contains('\0') {
        return Err(Error::Encoding {
            path: name.clone(),
            line: text[..text.find('\0').unwrap_or(0)].matches('\n').count() + 1,
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty { path: name });
    }
    // A stdin stream that looks like JSON Lines is read as a corpus.
    if path.as_os_str() == "-" && text.trim_start().starts_with('{') {
        return parse_jsonl(&name, &bytes);
    }
    let id = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| "document".into())
    };
    Ok(vec![Document::new(id, text)])
}

fn utf8(path: &Path, bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        Error::Encoding {
            path: path.to_path_buf(),
            line: bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1,
        }
    })
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

/// Parses a JSON Lines corpus; a bad line is an error naming the line.
pub fn parse_jsonl(path: &Path, bytes: &[u8]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let s = std::str::from_utf8(raw).map_err(|_| Error::Encoding {
            path: path.to_path_buf(),
            line,
        })?;
        if s.trim().is_empty() {
            continue;
        }
        let err = |m: String| Error::Corpus {
            path: path.to_path_buf(),
            line,
            message: m,
        };
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
            Some(l) => Some(
                Lang::parse(l).ok_or_else(|| err(format!("`lang` must be fr or en, not `{l}`")))?,
            ),
        };
        docs.push(Document {
            id,
            text: rec.text,
            date,
            lang,
            title: rec.title,
            url: rec.url,
        });
    }
    if docs.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_errors_name_the_line() {
        let p = Path::new("c.jsonl");
        let e = parse_jsonl(p, b"{\"id\":\"a\",\"text\":\"x\"}\n{oops\n").unwrap_err();
        assert!(
            e.to_string().starts_with("c.jsonl:2: malformed JSON line"),
            "{e}"
        );
        let e = parse_jsonl(
            p,
            b"{\"id\":\"a\",\"text\":\"x\",\"date\":\"2021-13-40\"}\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("c.jsonl:1: `date` must be YYYY-MM-DD"),
            "{e}"
        );
        let docs = parse_jsonl(
            p,
            b"{\"id\":7,\"text\":\"x\",\"lang\":\"fr\",\"date\":\"2021-12-15\"}\n",
        )
        .unwrap();
        assert_eq!(
            (docs[0].id.as_str(), docs[0].lang, docs[0].date.as_deref()),
            ("7", Some(Lang::Fr), Some("2021-12-15"))
        );
    }
}
