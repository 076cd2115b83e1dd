//! Document ids of plain text files: the file stem, unless two files of
//! one run share it; then each of those gets its path (without extension),
//! so that no document silently replaces another in the store.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The id of each plain text file among `paths` (JSON Lines corpora and
/// `-` carry their own ids and are left out).
pub(crate) fn file_ids(paths: &[PathBuf]) -> HashMap<PathBuf, String> {
    let texts: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-" && !super::is_jsonl(p))
        .collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for p in &texts {
        *count.entry(stem(p)).or_default() += 1;
    }
    texts
        .into_iter()
        .map(|p| {
            let s = stem(p);
            let id = if count[&s] > 1 { path_id(p) } else { s };
            (p.clone(), id)
        })
        .collect()
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "document".into())
}

/// The path without its extension, `/`-separated, without a leading `./`.
fn path_id(p: &Path) -> String {
    let s = p.with_extension("").to_string_lossy().replace('\\', "/");
    s.trim_start_matches("./").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_ids_unless_two_files_share_one() {
        let paths: Vec<PathBuf> = ["a/report.txt", "b/report.txt", "./c/other.txt", "x.jsonl"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let ids = file_ids(&paths);
        let table = [
            ("a/report.txt", Some("a/report")),
            ("b/report.txt", Some("b/report")),
            ("./c/other.txt", Some("other")),
            ("x.jsonl", None),
        ];
        for (path, want) in table {
            assert_eq!(ids.get(Path::new(path)).map(String::as_str), want, "{path}");
        }
    }
}
