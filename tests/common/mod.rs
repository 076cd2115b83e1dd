//! Helpers shared by the table-driven extraction tests.

use actorgraph::extract;
use actorgraph::lexicon::Knowledge;
use actorgraph::statement::Statement;
use actorgraph::text::{Document, Lang};
use std::sync::OnceLock;

/// The default knowledge, loaded once per test binary.
pub fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::default_knowledge().expect("default knowledge loads"))
}

/// Extracts one document.
pub fn run(lang: Lang, date: Option<&str>, text: &str) -> Vec<Statement> {
    let mut doc = Document::new("t", text);
    doc.lang = Some(lang);
    doc.date = date.map(str::to_string);
    extract::extract(knowledge(), &doc)
}

/// "S p O [polarity modality attribution]" items joined by "; ".
pub fn show(st: &[Statement]) -> String {
    st.iter()
        .map(|s| {
            format!(
                "{} {} {} [{} {} {}]",
                s.subject.label,
                s.predicate,
                s.object.as_ref().map_or("-", |o| o.label.as_str()),
                s.polarity.as_str(),
                s.modality.as_str(),
                s.attributed_to
                    .as_ref()
                    .map(|a| a.label.as_str())
                    .unwrap_or("-")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// (construction, language, date, text, expected "S p O [polarity modality attribution]" items)
pub type Case = (
    &'static str,
    Lang,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
);

/// Every expected item comes out; the message lists every failure.
pub fn check_cases(cases: &[Case]) {
    let mut failures = Vec::new();
    for (name, lang, date, text, expected) in cases {
        let got = show(&run(*lang, *date, text));
        for e in *expected {
            if !got.contains(e) {
                failures.push(format!(
                    "{name}: `{text}`\n   expected {e}\n   got      {got}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// No listed statement comes out (matched as a substring of `show`).
#[allow(dead_code)] // not every test binary has claims that must not be asserted
pub fn check_not_asserted(cases: &[(&str, Lang, &str, &str)]) {
    for (name, lang, text, bad) in cases {
        let got = show(&run(*lang, Some("2021-12-15"), text));
        assert!(!got.contains(bad), "{name}: `{text}` gave {got}");
    }
}
