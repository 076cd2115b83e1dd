//! Credentials for remote stores and HTTP authentication: Basic, Bearer
//! and Digest (RFC 7616 with MD5 and `qop=auth`, what Virtuoso's
//! authenticated endpoints ask for).

use std::sync::atomic::{AtomicU32, Ordering};

use md5::{Digest as _, Md5};

/// Who we are on a remote store. Secrets come from files or environment
/// variables, never from the command line.
#[derive(Clone, Default)]
pub struct Credentials {
    /// User name (Basic or Digest).
    pub user: Option<String>,
    /// Password (Basic or Digest).
    pub password: Option<String>,
    /// Bearer token (e.g. `actorgraph serve --token-file`).
    pub token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print secrets.
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("token", &self.token.as_ref().map(|_| "***"))
            .finish()
    }
}

impl Credentials {
    /// True when a user and password are known.
    pub fn has_login(&self) -> bool {
        self.user.is_some() && self.password.is_some()
    }

    /// `Authorization: Basic …` value.
    pub fn basic(&self) -> Option<String> {
        let (u, p) = (self.user.as_ref()?, self.password.as_ref()?);
        Some(format!("Basic {}", base64(format!("{u}:{p}").as_bytes())))
    }
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn md5_hex(s: &str) -> String {
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A server's Digest challenge (`WWW-Authenticate: Digest …`).
#[derive(Debug, Clone)]
pub struct Challenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    qop_auth: bool,
    algorithm: Option<String>,
    count: std::sync::Arc<AtomicU32>,
}

impl Challenge {
    /// Parses a `WWW-Authenticate` value; `None` unless it is Digest with MD5
    /// (the scheme in any case, as RFC 7235 wants).
    pub fn parse(header: &str) -> Option<Challenge> {
        let (scheme, rest) = header.trim().split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("digest") {
            return None;
        }
        let rest = rest.trim_start();
        let params = parse_params(rest);
        let get = |k: &str| {
            params
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.clone())
        };
        let algorithm = get("algorithm");
        if algorithm
            .as_deref()
            .is_some_and(|a| !a.eq_ignore_ascii_case("MD5"))
        {
            return None;
        }
        Some(Challenge {
            realm: get("realm").unwrap_or_default(),
            nonce: get("nonce")?,
            opaque: get("opaque"),
            qop_auth: get("qop").is_some_and(|q| q.split(',').any(|x| x.trim() == "auth")),
            algorithm,
            count: Default::default(),
        })
    }

    /// The `Authorization` value for one request. `uri` is the request
    /// target (path and query).
    pub fn authorize(
        &self,
        c: &Credentials,
        method: &str,
        uri: &str,
        cnonce: &str,
    ) -> Option<String> {
        let (user, pass) = (c.user.as_ref()?, c.password.as_ref()?);
        let ha1 = md5_hex(&format!("{user}:{}:{pass}", self.realm));
        let ha2 = md5_hex(&format!("{method}:{uri}"));
        let mut h = format!(
            "Digest username=\"{user}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\"",
            self.realm, self.nonce
        );
        if self.qop_auth {
            let nc = format!("{:08x}", self.count.fetch_add(1, Ordering::Relaxed) + 1);
            let response = md5_hex(&format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", self.nonce));
            h.push_str(&format!(
                ", qop=auth, nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""
            ));
        } else {
            let response = md5_hex(&format!("{ha1}:{}:{ha2}", self.nonce));
            h.push_str(&format!(", response=\"{response}\""));
        }
        if let Some(o) = &self.opaque {
            h.push_str(&format!(", opaque=\"{o}\""));
        }
        if let Some(a) = &self.algorithm {
            h.push_str(&format!(", algorithm={a}"));
        }
        Some(h)
    }
}

/// A fresh client nonce: not a secret, only unique per request.
pub fn cnonce() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    md5_hex(&format!(
        "{t}:{}:{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))[..16]
        .to_string()
}

/// `a="x", b=y` pairs (quoted strings may hold commas).
fn parse_params(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let name: String = chars.by_ref().take_while(|c| *c != '=').collect();
        if name.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.peek() {
                if *c == ',' {
                    break;
                }
                value.push(*c);
                chars.next();
            }
        }
        out.push((name.trim().to_string(), value.trim().to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc2617_example() {
        // The worked example of RFC 2617, section 3.5.
        let ch = Challenge::parse(
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        )
        .unwrap();
        let c = Credentials {
            user: Some("Mufasa".into()),
            password: Some("Circle Of Life".into()),
            token: None,
        };
        let h = ch
            .authorize(&c, "GET", "/dir/index.html", "0a4f113b")
            .unwrap();
        assert!(
            h.contains("response=\"6629fae49393a05397450978507c4ef1\""),
            "{h}"
        );
        assert!(h.contains("nc=00000001"), "{h}");
        assert!(
            h.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""),
            "{h}"
        );
        // The nonce count goes up with each use of the same challenge.
        let h2 = ch
            .authorize(&c, "GET", "/dir/index.html", "0a4f113b")
            .unwrap();
        assert!(h2.contains("nc=00000002"), "{h2}");
    }

    #[test]
    fn other_schemes_are_not_digest() {
        assert!(Challenge::parse("Basic realm=\"x\"").is_none());
        assert!(Challenge::parse("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256").is_none());
        assert!(Challenge::parse("Digest realm=\"a, b\", nonce=\"n\"").is_some());
        assert!(Challenge::parse("Digestive realm=\"x\", nonce=\"n\"").is_none());
    }

    #[test]
    fn the_scheme_is_case_insensitive() {
        let ch = Challenge::parse("DIGEST realm=\"r\", nonce=\"n\"").unwrap();
        assert_eq!(ch.realm, "r");
        assert!(Challenge::parse("digest realm=\"r\", nonce=\"n\"").is_some());
    }

    #[test]
    fn basic_and_debug_hide_nothing_they_should_not() {
        let c = Credentials {
            user: Some("Aladdin".into()),
            password: Some("open sesame".into()),
            token: Some("t0k3n".into()),
        };
        assert_eq!(c.basic().unwrap(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("sesame") && !shown.contains("t0k3n"),
            "{shown}"
        );
        assert_ne!(cnonce(), cnonce());
    }
}
