//! JSON Lines corpora: one document a line, each line bounded in size.

use std::io::BufRead;
use std::path::Path;

use super::Item;
use super::bounded::{Piece, read_line_capped};
use crate::error::{Error, Result};
use crate::text::{Document, Lang};

/// Streams a JSON Lines corpus, one call of `f` per non-blank line; a line
/// over `limit` bytes is reported and skipped without being held in memory.
pub(crate) fn read_lines(
    path: &Path,
    mut reader: impl BufRead,
    limit: usize,
    f: &mut impl FnMut(Result<Item>) -> Result<()>,
) -> Result<()> {
    let mut line = 0;
    let mut any = false;
    loop {
        let piece = match read_line_capped(&mut reader, limit) {
            Ok(p) => p,
            Err(e) => {
                return f(Err(Error::Corpus {
                    path: path.to_path_buf(),
                    line: line + 1,
                    message: format!("cannot read: {e}"),
                }));
            }
        };
        line += 1;
        let buf = match piece {
            Piece::End => break,
            Piece::TooLarge => {
                any = true;
                f(Err(Error::TooLarge {
                    path: path.to_path_buf(),
                    line,
                    limit,
                }))?;
                continue;
            }
            Piece::Whole(buf) => buf,
        };
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        let item = parse_line(path, line, &buf).map(|doc| Item {
            doc,
            origin: crate::error::place(path, line),
        });
        f(item)?;
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
                .ok_or_else(|| err(format!("`date` must be a real YYYY-MM-DD date, not `{d}`")))?,
        ),
        _ => None,
    };
    let lang = match rec.lang.as_deref() {
        None | Some("") => None,
        Some(l) => {
            Some(Lang::parse(l).ok_or_else(|| err(format!("`lang` must be fr or en, not `{l}`")))?)
        }
    };
    if rec.text.trim().is_empty() {
        return Err(err("`text` is empty".into()));
    }
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

    fn parse(bytes: &[u8], limit: usize) -> Vec<Result<Item>> {
        let mut out = Vec::new();
        read_lines(Path::new("c.jsonl"), bytes, limit, &mut |d| {
            out.push(d);
            Ok(())
        })
        .unwrap();
        out
    }

    fn message(r: &Result<Item>) -> String {
        r.as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    #[test]
    fn jsonl_errors_name_the_line_and_reading_goes_on() {
        let got = parse(b"{\"id\":\"a\",\"text\":\"x\"}\n{oops\n\n{\"id\":\"b\",\"text\":\"y\",\"date\":\"2021-13-40\"}\n{\"id\":7,\"text\":\"z\",\"lang\":\"fr\",\"date\":\"2021-12-15\"}\n{\"id\":\"c\",\"text\":\"w\",\"date\":\"2021-02-30\"}\n", 1000);
        assert_eq!(got.len(), 5);
        assert!(message(&got[1]).starts_with("c.jsonl:2: malformed JSON line"));
        assert!(message(&got[2]).contains("c.jsonl:4: `date` must be a real YYYY-MM-DD"));
        let d = &got[3].as_ref().unwrap().doc;
        assert_eq!(
            (d.id.as_str(), d.lang, d.date.as_deref()),
            ("7", Some(Lang::Fr), Some("2021-12-15"))
        );
        assert_eq!(got[3].as_ref().unwrap().origin, "c.jsonl:5");
        // February has no 30th.
        assert!(message(&got[4]).contains("c.jsonl:6: `date`"));
    }

    #[test]
    fn an_over_long_line_is_reported_with_its_line_and_the_next_is_read() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}\n", "x".repeat(500));
        let input = format!("{long}{{\"id\":\"small\",\"text\":\"fine\"}}\n");
        let got = parse(input.as_bytes(), 100);
        assert_eq!(got.len(), 2);
        assert!(matches!(
            got[0],
            Err(Error::TooLarge {
                line: 1,
                limit: 100,
                ..
            })
        ));
        assert_eq!(got[1].as_ref().unwrap().doc.id, "small");
    }

    #[test]
    fn empty_corpus_and_empty_text_are_errors() {
        let got = parse(b"\n  \n", 100);
        assert!(matches!(got[0], Err(Error::Empty { .. })));
        let got = parse(b"{\"id\":\"a\",\"text\":\"  \"}\n", 100);
        assert!(message(&got[0]).contains("c.jsonl:1: `text` is empty"));
    }
}
