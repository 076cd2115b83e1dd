//! The web workbench at `/`: a SPARQL editor, the query library and a view
//! of the actor network. Its page, scripts and the vendored libraries
//! (`web/vendor/`, refreshed by `web/refresh.sh`) are embedded in the
//! binary, so the page works offline: nothing is fetched from a CDN.

use oxhttp::model::{Body, Response, StatusCode};

use super::text;

/// One embedded file: URL path under `/web/`, media type, content.
type Asset = (&'static str, &'static str, &'static [u8]);

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const TXT: &str = "text/plain; charset=utf-8";

/// Every file the page may load.
const ASSETS: &[Asset] = &[
    ("app.css", CSS, include_bytes!("../../web/app.css")),
    ("app.js", JS, include_bytes!("../../web/app.js")),
    ("network.js", JS, include_bytes!("../../web/network.js")),
    (
        "vendor/codemirror/codemirror.js",
        JS,
        include_bytes!("../../web/vendor/codemirror/codemirror.js"),
    ),
    (
        "vendor/codemirror/codemirror.css",
        CSS,
        include_bytes!("../../web/vendor/codemirror/codemirror.css"),
    ),
    (
        "vendor/codemirror/sparql.js",
        JS,
        include_bytes!("../../web/vendor/codemirror/sparql.js"),
    ),
    (
        "vendor/codemirror/LICENSE",
        TXT,
        include_bytes!("../../web/vendor/codemirror/LICENSE"),
    ),
    (
        "vendor/sigma/sigma.min.js",
        JS,
        include_bytes!("../../web/vendor/sigma/sigma.min.js"),
    ),
    (
        "vendor/sigma/LICENSE.txt",
        TXT,
        include_bytes!("../../web/vendor/sigma/LICENSE.txt"),
    ),
    (
        "vendor/graphology/graphology.umd.min.js",
        JS,
        include_bytes!("../../web/vendor/graphology/graphology.umd.min.js"),
    ),
    (
        "vendor/graphology/LICENSE.txt",
        TXT,
        include_bytes!("../../web/vendor/graphology/LICENSE.txt"),
    ),
    (
        "vendor/graphology-library/graphology-library.min.js",
        JS,
        include_bytes!("../../web/vendor/graphology-library/graphology-library.min.js"),
    ),
    (
        "vendor/graphology-library/LICENSE.txt",
        TXT,
        include_bytes!("../../web/vendor/graphology-library/LICENSE.txt"),
    ),
    (
        "vendor/VERSIONS",
        TXT,
        include_bytes!("../../web/vendor/VERSIONS"),
    ),
];

const INDEX: &str = include_str!("../../web/index.html");

fn respond(content_type: &str, body: &'static [u8]) -> Response<Body> {
    Response::builder()
        .header("content-type", content_type)
        // Embedded files change only with the binary.
        .header("cache-control", "no-cache")
        .body(Body::from(body))
        .expect("valid response")
}

/// The workbench page.
pub(crate) fn index() -> Response<Body> {
    respond("text/html; charset=utf-8", INDEX.as_bytes())
}

/// An embedded file under `/web/`, or 404.
pub(crate) fn asset(path: &str) -> Response<Body> {
    let name = path.strip_prefix("/web/").unwrap_or(path);
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, ct, body)) => respond(ct, body),
        None => text(StatusCode::NOT_FOUND, format!("no file {path}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_only_embedded_files() {
        // Every local script and stylesheet the page names is embedded, and
        // nothing comes from another host (the workbench works offline).
        let mut named = 0;
        // Scripts (`src=`) and `<link>`s: what the browser fetches by itself.
        let links = INDEX
            .split("<link ")
            .skip(1)
            .filter_map(|l| l.split("href=\"").nth(1));
        for part in INDEX.split("src=\"").skip(1).chain(links) {
            let url = part.split('"').next().unwrap_or_default();
            // The empty inline favicon fetches nothing.
            if url == "data:," {
                continue;
            }
            assert!(!url.contains("//"), "external resource {url}");
            let name = url.strip_prefix("/web/").expect(url);
            assert!(ASSETS.iter().any(|(n, _, _)| *n == name), "{url}");
            named += 1;
        }
        assert!(named >= 8, "{named}");
    }

    #[test]
    fn every_vendored_file_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/web/vendor");
        for lib in std::fs::read_dir(dir).unwrap() {
            let lib = lib.unwrap().path();
            let files: Vec<_> = if lib.is_dir() {
                std::fs::read_dir(&lib)
                    .unwrap()
                    .map(|f| f.unwrap().path())
                    .collect()
            } else {
                vec![lib]
            };
            for f in files {
                let rel = f.strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/web/"));
                let rel = rel.unwrap().to_string_lossy().into_owned();
                assert!(ASSETS.iter().any(|(n, _, _)| *n == rel), "{rel}");
            }
        }
    }

    #[test]
    fn unknown_files_are_404() {
        assert_eq!(asset("/web/../Cargo.toml").status(), StatusCode::NOT_FOUND);
        assert_eq!(asset("/web/app.js").status(), StatusCode::OK);
    }
}
