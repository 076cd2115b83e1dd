//! Small helpers over quick-xml shared by the XML writers (GEXF, GraphML, SVG).

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, Event};

/// The writer type of the exporters.
pub type W<'a> = Writer<&'a mut dyn Write>;

/// Writes a start tag (or an empty element) with attributes; values are escaped.
pub fn tag(w: &mut W, name: &str, attrs: &[(&str, &str)], empty: bool) -> std::io::Result<()> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, *v));
    }
    w.write_event(if empty {
        Event::Empty(e)
    } else {
        Event::Start(e)
    })
}

/// Writes an end tag.
pub fn end(w: &mut W, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}
