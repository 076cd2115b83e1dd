//! Reading with a size bound: a document, or one line of a corpus, never
//! takes more memory than the `--max-doc-bytes` limit (plus one read
//! buffer), whatever the input (`/dev/zero`, a decompression bomb, a
//! corpus line with no newline).

use std::io::{BufRead, Read};

/// The default limit on one document's size in bytes (`--max-doc-bytes`).
pub const DEFAULT_MAX_DOC_BYTES: usize = 50_000_000;

/// What a bounded read found.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// The whole text (of a file, or of one line without its newline).
    Whole(Vec<u8>),
    /// The text passed the limit; what followed up to the end of the line
    /// (or file) was read and dropped.
    TooLarge,
    /// Nothing left to read.
    End,
}

/// Reads everything from `r`, up to `limit` bytes.
pub fn read_capped(r: impl Read, limit: usize) -> std::io::Result<Piece> {
    let mut buf = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "over it".
    r.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok(if buf.len() > limit {
        Piece::TooLarge
    } else {
        Piece::Whole(buf)
    })
}

/// Reads one line (through `\n`, which is left out) of at most `limit`
/// bytes. An over-long line is skipped to its end in bounded pieces, so the
/// next call starts on the next line.
pub fn read_line_capped(r: &mut impl BufRead, limit: usize) -> std::io::Result<Piece> {
    let mut buf = Vec::new();
    let mut over = false;
    let mut seen = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        seen = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !over {
            if buf.len() + part.len() > limit {
                over = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        r.consume(used);
        if done.is_some() {
            break;
        }
    }
    Ok(match (seen, over) {
        (false, _) => Piece::End,
        (true, true) => Piece::TooLarge,
        (true, false) => Piece::Whole(buf),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reads_stop_one_byte_past_the_limit() {
        let cases: &[(&[u8], usize, Piece)] = &[
            (b"abc", 3, Piece::Whole(b"abc".to_vec())),
            (b"abcd", 3, Piece::TooLarge),
            (b"", 3, Piece::Whole(Vec::new())),
        ];
        for (input, limit, want) in cases {
            assert_eq!(&read_capped(*input, *limit).unwrap(), want, "{input:?}");
        }
        // An endless source ends at the limit instead of filling memory.
        let zeros = std::io::repeat(0);
        assert_eq!(read_capped(zeros, 1000).unwrap(), Piece::TooLarge);
    }

    #[test]
    fn over_long_lines_are_skipped_and_the_next_line_is_read() {
        // A small buffer makes the line span several fill_buf calls.
        let text = b"short\nthis line is far too long\nok\nlast-no-newline";
        let mut r = std::io::BufReader::with_capacity(4, &text[..]);
        let got: Vec<Piece> = (0..5)
            .map(|_| read_line_capped(&mut r, 10).unwrap())
            .collect();
        assert_eq!(
            got,
            vec![
                Piece::Whole(b"short".to_vec()),
                Piece::TooLarge,
                Piece::Whole(b"ok".to_vec()),
                Piece::TooLarge,
                Piece::End,
            ]
        );
    }

    #[test]
    fn an_endless_line_is_bounded() {
        let mut r = std::io::BufReader::new(std::io::repeat(b'x').take(5_000_000));
        assert_eq!(read_line_capped(&mut r, 1000).unwrap(), Piece::TooLarge);
        assert_eq!(read_line_capped(&mut r, 1000).unwrap(), Piece::End);
    }
}
