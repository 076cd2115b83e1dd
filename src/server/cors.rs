//! Cross-origin reads (CORS). Off by default: a page a user visits could
//! otherwise read a store served on their machine. `--cors-origin` names
//! the pages allowed (a browser SPARQL editor), or `*` for all.

use oxhttp::model::{Body, HeaderValue, Request, Response, StatusCode};

/// Checks a `--cors-origin` value: `*` or `scheme://host[:port]`.
pub fn parse_origin(s: &str) -> Result<String, String> {
    if s == "*" {
        return Ok(s.into());
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| format!("`{s}`: give `*` or an origin like https://editor.example"))?;
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !ok {
        return Err(format!(
            "`{s}`: an origin is scheme://host[:port], without a path or a trailing slash"
        ));
    }
    Ok(s.to_ascii_lowercase())
}

/// The Access-Control-Allow-Origin value for this request, if its origin
/// may read the answer.
pub fn allowed(origins: &[String], req: &Request<Body>) -> Option<HeaderValue> {
    let origin = req.headers().get("origin")?.to_str().ok()?;
    if origins.iter().any(|o| o == "*") {
        Some(HeaderValue::from_static("*"))
    } else if origins.iter().any(|o| o.eq_ignore_ascii_case(origin)) {
        HeaderValue::from_str(origin).ok()
    } else {
        None
    }
}

/// The answer to OPTIONS: a CORS preflight from an origin not allowed gets
/// 403 and no CORS headers, so the browser does not send the request.
pub fn preflight(allowed: bool, req: &Request<Body>) -> Response<Body> {
    let headers = req.headers();
    if headers.contains_key("origin")
        && headers.contains_key("access-control-request-method")
        && !allowed
    {
        return super::text(
            StatusCode::FORBIDDEN,
            "cross-origin requests from this origin are not allowed (the server's --cors-origin)",
        );
    }
    Response::builder()
        .status(StatusCode::NO_CONTENT)
        // No Access-Control-Allow-Methods: oxhttp drops that header,
        // and GET and POST, all a SPARQL editor sends, are safelisted.
        .header(
            "access-control-allow-headers",
            "Content-Type, Accept, Authorization",
        )
        .header("access-control-max-age", "86400")
        .body(Body::empty())
        .expect("valid response")
}

/// Adds the CORS headers for an allowed origin.
pub fn headers(resp: &mut Response<Body>, origin: HeaderValue) {
    let h = resp.headers_mut();
    if origin != "*" {
        // The answer depends on the origin: caches must keep them apart.
        h.insert("vary", HeaderValue::from_static("Origin"));
    }
    h.insert("access-control-allow-origin", origin);
    h.insert(
        "access-control-expose-headers",
        HeaderValue::from_static("X-SPARQL-MaxRows, Content-Type"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(origin: Option<&str>, preflight: bool) -> Request<Body> {
        let mut b = Request::builder().method("OPTIONS").uri("http://h/sparql");
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        if preflight {
            b = b.header("access-control-request-method", "POST");
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn origins_table() {
        let editor = vec!["https://editor.example".to_string()];
        let any = vec!["*".to_string()];
        let cases: &[(&[String], Option<&str>, Option<&str>)] = &[
            (&[], Some("https://evil.example"), None),
            (&[], None, None),
            (
                &editor,
                Some("https://editor.example"),
                Some("https://editor.example"),
            ),
            (
                &editor,
                Some("https://EDITOR.example"),
                Some("https://EDITOR.example"),
            ),
            (&editor, Some("https://evil.example"), None),
            (&editor, Some("http://editor.example"), None),
            (&any, Some("https://evil.example"), Some("*")),
            (&any, None, None),
        ];
        for (conf, origin, want) in cases {
            let got = allowed(conf, &req(*origin, false));
            assert_eq!(
                got.as_ref().map(|v| v.to_str().unwrap()),
                *want,
                "{conf:?} {origin:?}"
            );
        }
        assert_eq!(
            preflight(false, &req(Some("https://evil.example"), true)).status(),
            403
        );
        assert_eq!(
            preflight(true, &req(Some("https://editor.example"), true)).status(),
            204
        );
        assert_eq!(preflight(false, &req(None, false)).status(), 204);
    }

    #[test]
    fn origin_options_are_checked() {
        assert_eq!(parse_origin("*").unwrap(), "*");
        assert_eq!(
            parse_origin("https://Editor.example:8443").unwrap(),
            "https://editor.example:8443"
        );
        for bad in [
            "editor.example",
            "https://editor.example/",
            "https://",
            "ftp://x",
            "https://a b",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }
}
