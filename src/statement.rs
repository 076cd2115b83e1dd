//! The statement type and its output forms (JSON Lines per the extraction
//! contract, TSV for spreadsheets).

use std::sync::Arc;

use serde::Serialize;

use crate::predicate::Predicate;

/// A resolved entity as written in a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// IRI.
    pub id: String,
    /// Canonical label.
    pub label: String,
    /// Class name (Person, Country, ...).
    #[serde(rename = "type")]
    pub etype: String,
    /// Wikidata Q-id, when the knowledge base is certain of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// ISO 3166-1 alpha-3 of the entity's state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// CAMEO actor code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
}

/// Polarity of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Affirmed.
    Positive,
    /// Negated ("did not attend").
    Negative,
}

/// Modality of a statement (contract values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Promised, planned, will.
    Future,
    /// Could, may.
    Possible,
    /// Hearsay ("aurait rencontré", "reportedly").
    Reported,
    /// In an if-clause.
    Hypothetical,
}

impl Polarity {
    /// The other polarity: a negated act asserted, an asserted one negated.
    pub fn reversed(self) -> Self {
        match self {
            Polarity::Positive => Polarity::Negative,
            Polarity::Negative => Polarity::Positive,
        }
    }

    /// Contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

impl Modality {
    /// Contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Possible => "possible",
            Modality::Reported => "reported",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// The PLOVER event type of a statement: the predicate's type, except that
/// PLOVER codes promised cooperation as AGREE and announced force or
/// sanctions as THREATEN (PLOVER 2.0 manual, future auxiliary mode).
pub fn plover_of(predicate: Predicate, modality: Modality) -> Option<&'static str> {
    Some(plover_in_mode(predicate.plover()?, modality))
}

/// The PLOVER type `base` of an act in `modality`: a promised cooperative
/// act is AGREE and an announced coercive one THREATEN.
pub fn plover_in_mode(base: &'static str, modality: Modality) -> &'static str {
    if modality == Modality::Future {
        return match base {
            "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" | "RETREAT" | "CONCEDE" => "AGREE",
            "ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" => "THREATEN",
            other => other,
        };
    }
    base
}

/// One extracted statement.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Document id (shared by the document's statements).
    pub doc: Arc<str>,
    /// 0-based sentence index.
    pub sentence_index: usize,
    /// Sentence text (shared by the sentence's statements: a dense document
    /// has many statements per sentence).
    pub sentence: Arc<str>,
    /// Byte span of the evidence in the document.
    pub span: (usize, usize),
    /// Subject (shared by the statements about one entity of a document).
    pub subject: Arc<Entity>,
    /// Predicate.
    #[serde(serialize_with = "ser_pred")]
    pub predicate: Predicate,
    /// PLOVER type.
    pub plover: Option<&'static str>,
    /// Object; `None` for a one-actor event ("Shevardnadze resigned",
    /// "protesters marched"), `null` in JSON.
    pub object: Option<Arc<Entity>>,
    /// Polarity.
    pub polarity: Polarity,
    /// Modality.
    pub modality: Modality,
    /// Who the claim is attributed to.
    pub attributed_to: Option<Arc<Entity>>,
    /// The role in which `attributed_to` spoke, when the text names it ("a
    /// Kremlin spokesman said": `spokesperson`; "the Russian president
    /// said": `head_of_state`); absent from JSON when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_role: Option<&'static str>,
    /// Confidence in [0, 1].
    pub confidence: f32,
    /// Lexicon entry or rule id.
    pub rule: String,
    /// Document date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Arc<str>>,
}

fn ser_pred<S: serde::Serializer>(p: &Predicate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(p.name())
}

impl Statement {
    /// Gives the statement the PLOVER type `base` of its act (a lexicon
    /// line's `plover=` flag, a governing construction), in its modality.
    pub fn retype(&mut self, base: &'static str) {
        self.plover = Some(plover_in_mode(base, self.modality));
    }

    /// The object's label, `""` for a one-actor event.
    pub fn object_label(&self) -> &str {
        self.object.as_ref().map_or("", |o| o.label.as_str())
    }

    /// One JSON line (contract form).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("statements always serialize")
    }

    /// TSV header matching [`Statement::to_tsv`].
    pub const TSV_HEADER: &'static str = "doc\tsentence\tsubject\tpredicate\tobject\tpolarity\tmodality\tattributed_to\tplover\trule\tspan\tevidence";

    /// One TSV line.
    pub fn to_tsv(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}-{}\t{}",
            clean(&self.doc),
            self.sentence_index,
            clean(&self.subject.label),
            self.predicate,
            clean(self.object_label()),
            self.polarity.as_str(),
            self.modality.as_str(),
            self.attributed_to
                .as_ref()
                .map(|e| clean(&e.label))
                .unwrap_or_default(),
            self.plover.unwrap_or(""),
            self.rule,
            self.span.0,
            self.span.1,
            clean(&self.sentence)
        )
    }
}
