//! A strict reader for the tab-separated knowledge files.
//!
//! Every problem is reported as `file:line: message`, so that a user who
//! extends the knowledge base can fix the line the tool names.

use crate::error::{Error, Result};

/// One data line of a table.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line number in the file.
    pub line: usize,
    /// Fields, trimmed.
    pub fields: Vec<String>,
}

/// A parsed table with a known header.
#[derive(Debug, Clone)]
pub struct Table {
    /// File name used in messages.
    pub file: String,
    /// Column names.
    pub header: Vec<String>,
    /// 1-based line number of the header.
    pub header_line: usize,
    /// Data rows.
    pub rows: Vec<Row>,
}

impl Table {
    /// Parses `text`; `#` lines and blank lines are skipped, the first other
    /// line is the header. A UTF-8 byte-order mark (which some editors
    /// write) is skipped; control characters other than the tab are
    /// errors: they would end up in labels and break the XML exports.
    pub fn parse(file: &str, text: &str) -> Result<Table> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut header: Option<(Vec<String>, usize)> = None;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.trim_end_matches('\r');
            if let Some(c) = raw.chars().find(|c| c.is_control() && *c != '\t') {
                let col = raw[..raw.find(c).unwrap_or(0)].matches('\t').count();
                let name = match &header {
                    Some((h, _)) => h.get(col).map(String::as_str).unwrap_or("?"),
                    None => "header",
                };
                return Err(Error::knowledge(
                    file,
                    line,
                    format!(
                        "control character U+{:04X} in field {} ({name}): remove it",
                        c as u32,
                        col + 1
                    ),
                ));
            }
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let fields: Vec<String> = raw.split('\t').map(|f| f.trim().to_string()).collect();
            match &header {
                None => header = Some((fields, line)),
                Some((h, _)) => {
                    if fields.len() != h.len() {
                        return Err(Error::knowledge(
                            file,
                            line,
                            format!(
                                "expected {} tab-separated fields ({}), found {}",
                                h.len(),
                                h.join(", "),
                                fields.len()
                            ),
                        ));
                    }
                    rows.push(Row { line, fields });
                }
            }
        }
        let (header, header_line) =
            header.ok_or_else(|| Error::knowledge(file, 0, "no header line"))?;
        Ok(Table {
            file: file.to_string(),
            header,
            header_line,
            rows,
        })
    }

    /// Whether the header is exactly `names`.
    pub fn has_header(&self, names: &[&str]) -> bool {
        self.header.len() == names.len() && self.header.iter().zip(names).all(|(a, b)| a == b)
    }

    /// Column index of `name`.
    pub fn col(&self, name: &str) -> Result<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            Error::knowledge(
                &self.file,
                self.header_line,
                format!("missing column `{name}`"),
            )
        })
    }

    /// An error about `row`.
    pub fn err(&self, row: &Row, message: impl Into<String>) -> Error {
        Error::knowledge(&self.file, row.line, message)
    }
}

/// Splits a `|`-separated list field; `-` and empty mean none.
pub fn list(field: &str) -> Vec<String> {
    if field.is_empty() || field == "-" {
        return Vec::new();
    }
    field
        .split('|')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// An optional field: `None` for empty or `-`.
pub fn opt(field: &str) -> Option<String> {
    if field.is_empty() || field == "-" {
        None
    } else {
        Some(field.to_string())
    }
}

/// Normalizes a date field `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` fills a
/// partial date with the last day of its period.
pub fn date(field: &str, end: bool) -> Option<String> {
    let parts: Vec<&str> = field.split('-').collect();
    let ok = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] if ok(y, 4) => Some(if end {
            format!("{y}-12-31")
        } else {
            format!("{y}-01-01")
        }),
        [y, m] if ok(y, 4) && ok(m, 2) && (1..=12).contains(&m.parse::<u32>().ok()?) => {
            Some(if end {
                format!("{y}-{m}-31")
            } else {
                format!("{y}-{m}-01")
            })
        }
        [y, m, d] if ok(y, 4) && ok(m, 2) && ok(d, 2) => {
            let (yy, mm, dd) = (y.parse().ok()?, m.parse().ok()?, d.parse::<u32>().ok()?);
            // A real calendar day: 2021-02-30 is no date.
            ((1..=12).contains(&mm) && (1..=days_in_month(yy, mm)).contains(&dd))
                .then(|| field.to_string())
        }
        _ => None,
    }
}

/// Days in month `m` (1-12) of year `y`, Gregorian leap years.
pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        _ => 31,
    }
}

/// True for text shaped like `YYYY-MM-DD` (digits and dashes), real or not:
/// such a value meant as a date must not pass silently as a string.
pub fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_count_errors_name_the_line() {
        let err = Table::parse("x.tsv", "# c\na\tb\n1\t2\n3\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.tsv:4: expected 2 tab-separated fields (a, b), found 1"
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_lines_stay_right() {
        let t = Table::parse("x.tsv", "\u{FEFF}id\tname\n1\tA\n").unwrap();
        assert_eq!((t.header[0].as_str(), t.header_line), ("id", 1));
        assert_eq!(t.rows[0].line, 2);
        let err = Table::parse("x.tsv", "\u{FEFF}# c\nid\tname\n1\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.tsv:3: expected 2 tab-separated fields (id, name), found 1"
        );
        assert_eq!(
            t.col("wikidata").unwrap_err().to_string(),
            "x.tsv:1: missing column `wikidata`"
        );
    }

    #[test]
    fn control_characters_are_errors_naming_line_and_column() {
        let err = Table::parse("x.tsv", "id\tname\n1\tA\n2\tB\u{1}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.tsv:3: control character U+0001 in field 2 (name): remove it"
        );
        assert!(Table::parse("x.tsv", "id\tname\r\n1\tA\r\n").is_ok());
    }

    #[test]
    fn dates_and_lists() {
        assert_eq!(date("2021", false).as_deref(), Some("2021-01-01"));
        assert_eq!(date("2021-05", true).as_deref(), Some("2021-05-31"));
        assert_eq!(date("2021-13-01", false), None);
        assert_eq!(list("a|b||c"), vec!["a", "b", "c"]);
        assert!(list("-").is_empty());
    }

    #[test]
    fn only_real_calendar_days_are_dates() {
        let table = [
            ("2021-02-28", true),
            ("2021-02-29", false),
            ("2024-02-29", true),
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("2021-02-30", false),
            ("2021-04-31", false),
            ("2021-12-31", true),
            ("2022-13-45", false),
            ("2022-00-10", false),
            ("2022-01-00", false),
        ];
        for (s, want) in table {
            assert_eq!(date(s, false).is_some(), want, "{s}");
            assert!(looks_like_date(s), "{s}");
        }
        assert!(!looks_like_date("Russia"));
        assert!(!looks_like_date("2022/01/10"));
    }
}
