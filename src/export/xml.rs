//! Small helpers over quick-xml shared by the XML writers (GEXF, GraphML,
//! SVG), and [`clean`], the one sanitiser every XML output goes through
//! (`query --format xml` included).

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

/// The writer type of the exporters.
pub type W<'a> = Writer<&'a mut dyn Write>;

/// Whether XML 1.0 allows `c` in a document (its `Char` production;
/// Rust strings hold no surrogates).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `s` with every character XML 1.0 forbids (C0 controls other than tab,
/// newline and carriage return; U+FFFE, U+FFFF) replaced by U+FFFD, so
/// that a control character in a corpus text or a label cannot make the
/// output unreadable; borrowed when there is none (the usual case).
///
/// ```
/// assert_eq!(actorgraph::export::xml::clean("a\u{1}b\tc"), "a\u{FFFD}b\tc");
/// ```
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Writes a start tag (or an empty element) with attributes; values are
/// cleaned and escaped.
pub fn tag(w: &mut W, name: &str, attrs: &[(&str, &str)], empty: bool) -> std::io::Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, clean(v).as_ref()));
    }
    w.write_event(if empty {
        Event::Empty(e)
    } else {
        Event::Start(e)
    })
}

/// Writes character data, cleaned and escaped.
pub fn text(w: &mut W, s: &str) -> std::io::Result<()> {
    w.write_event(Event::Text(BytesText::new(&clean(s))))
}

/// Writes an end tag.
pub fn end(w: &mut W, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// Elements written straight into a byte buffer, formatted exactly as the
/// indenting [`W`] (2 spaces) formats them: for the hundreds of thousands
/// of edges of a large export, where building a quick-xml event per
/// element cost a third of the time. `depth` is the element's nesting
/// level (the root is 0).
pub mod raw {
    /// `<name k="v" …>` (or `/>` when `empty`) on a new line.
    pub fn open(buf: &mut Vec<u8>, depth: usize, name: &str, attrs: &[(&str, &str)], empty: bool) {
        line(buf, depth);
        buf.push(b'<');
        buf.extend_from_slice(name.as_bytes());
        for (k, v) in attrs {
            attr(buf, k, v);
        }
        buf.extend_from_slice(if empty { b"/>" } else { b">" });
    }

    /// `</name>` on a new line.
    pub fn close(buf: &mut Vec<u8>, depth: usize, name: &str) {
        line(buf, depth);
        buf.extend_from_slice(b"</");
        buf.extend_from_slice(name.as_bytes());
        buf.push(b'>');
    }

    fn line(buf: &mut Vec<u8>, depth: usize) {
        buf.push(b'\n');
        buf.resize(buf.len() + 2 * depth, b' ');
    }

    /// ` k="v"`, the value cleaned and escaped as quick-xml escapes it.
    fn attr(buf: &mut Vec<u8>, k: &str, v: &str) {
        buf.push(b' ');
        buf.extend_from_slice(k.as_bytes());
        buf.extend_from_slice(b"=\"");
        for b in super::clean(v).bytes() {
            match b {
                b'<' => buf.extend_from_slice(b"&lt;"),
                b'>' => buf.extend_from_slice(b"&gt;"),
                b'&' => buf.extend_from_slice(b"&amp;"),
                b'\'' => buf.extend_from_slice(b"&apos;"),
                b'"' => buf.extend_from_slice(b"&quot;"),
                _ => buf.push(b),
            }
        }
        buf.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_elements_match_the_indenting_writer() {
        let attrs: &[(&str, &str)] = &[("id", "a<b>&'\"c"), ("label", "x\u{1}y")];
        let mut via_writer = Vec::new();
        {
            let out: &mut dyn Write = &mut via_writer;
            let mut w: W = Writer::new_with_indent(out, b' ', 2);
            tag(&mut w, "root", &[], false).unwrap();
            tag(&mut w, "edge", attrs, false).unwrap();
            tag(&mut w, "leaf", attrs, true).unwrap();
            end(&mut w, "edge").unwrap();
            end(&mut w, "root").unwrap();
        }
        let mut direct = Vec::new();
        {
            let out: &mut dyn Write = &mut direct;
            let mut w: W = Writer::new_with_indent(out, b' ', 2);
            tag(&mut w, "root", &[], false).unwrap();
            let mut buf = Vec::new();
            raw::open(&mut buf, 1, "edge", attrs, false);
            raw::open(&mut buf, 2, "leaf", attrs, true);
            raw::close(&mut buf, 1, "edge");
            w.get_mut().write_all(&buf).unwrap();
            end(&mut w, "root").unwrap();
        }
        assert_eq!(
            String::from_utf8(direct).unwrap(),
            String::from_utf8(via_writer).unwrap()
        );
    }

    #[test]
    fn forbidden_characters_are_replaced_and_others_kept() {
        assert!(matches!(clean("Côte d'Ivoire\t\n"), Cow::Borrowed(_)));
        assert_eq!(
            clean("a\u{0}b\u{1b}c\u{7f}\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{7f}\u{FFFD}"
        );
    }

    #[test]
    fn attributes_and_text_are_cleaned() {
        let mut buf = Vec::new();
        let out: &mut dyn Write = &mut buf;
        let mut w: W = Writer::new(out);
        tag(&mut w, "n", &[("label", "x\u{8}y")], false).unwrap();
        text(&mut w, "t\u{c}u<").unwrap();
        end(&mut w, "n").unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "<n label=\"x\u{FFFD}y\">t\u{FFFD}u&lt;</n>"
        );
    }
}
