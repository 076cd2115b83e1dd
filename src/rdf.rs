//! The RDF model: IRIs, statements as quads, the knowledge-base graph.
//!
//! Plain RDF 1.1 (no triple terms) so that the same graph loads into any
//! SPARQL 1.1 store. Each statement is a resource in its document's named
//! graph; positive statements also get the direct edge `<s> ag:p <o>`.

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::lexicon::{EntityType, Knowledge};
use crate::predicate::Predicate;
use crate::statement::Statement;
use crate::text::Document;

/// Ontology namespace (prefix `ag:`).
pub const AG: &str = "https://w3id.org/actorgraph/ontology#";
/// Entity namespace (prefix `agr:`).
pub const ID: &str = "https://w3id.org/actorgraph/id/";
/// Document namespace: each document's named graph.
pub const DOC: &str = "https://w3id.org/actorgraph/doc/";
/// The knowledge-base graph.
pub const KB_GRAPH: &str = "https://w3id.org/actorgraph/graph/kb";
/// The ontology graph.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/actorgraph/graph/ontology";
/// PROV-O namespace.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// Dublin Core terms namespace.
pub const DCT: &str = "http://purl.org/dc/terms/";
/// SKOS namespace.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// OWL namespace.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// Wikidata entity namespace.
pub const WD: &str = "http://www.wikidata.org/entity/";

/// The ontology in Turtle, embedded.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/actorgraph.ttl");

/// Prefixes declared for every query and used when writing Turtle.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ag", AG),
    ("agr", ID),
    ("agd", DOC),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("owl", OWL),
    ("skos", SKOS),
    ("prov", PROV),
    ("dcterms", DCT),
    ("wd", WD),
];

/// Percent-encodes an IRI path segment (unreserved characters and `/` kept).
pub fn encode(s: &str) -> String {
    percent_encode(s, b"/")
}

/// Percent-encodes every byte but the unreserved characters and `keep`.
pub fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// IRI of an entity from its local name.
pub fn entity_iri(local: &str) -> String {
    format!("{ID}{}", encode(local))
}

/// IRI of a document (also its named graph). Every byte of the id but the
/// unreserved ones is percent-encoded, `/` included, so that distinct ids
/// never share a graph (`a/b` and `a_b` once did).
pub fn doc_iri(id: &str) -> String {
    format!("{DOC}{}", percent_encode(id, b""))
}

fn nn(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// The ontology term `ag:local`.
pub(crate) fn ag(local: &str) -> NamedNode {
    nn(format!("{AG}{local}"))
}

/// The quads of one document: metadata, sentences, statements, discovered
/// entities, all in the document's named graph.
pub fn document_quads(doc: &Document, statements: &[Statement], lang: &str) -> Vec<Quad> {
    DocumentQuads::new(doc, statements, lang).collect()
}

/// The quads of one document made one statement at a time, in the order of
/// [`document_quads`]: a document of a million quads need not be held
/// whole to be digested or loaded.
pub struct DocumentQuads<'a> {
    doc: &'a Document,
    statements: &'a [Statement],
    lang: &'a str,
    doc_iri: String,
    d: NamedNode,
    g: GraphName,
    /// The next statement to turn into quads; `None` before the header.
    next: Option<usize>,
    pending: std::collections::VecDeque<Quad>,
    sentences_done: std::collections::HashSet<usize>,
    entities_done: std::collections::HashSet<String>,
}

impl<'a> DocumentQuads<'a> {
    /// The quads of `doc` with its `statements`, written in language `lang`.
    pub fn new(doc: &'a Document, statements: &'a [Statement], lang: &'a str) -> Self {
        let doc_iri = doc_iri(&doc.id);
        let d = nn(doc_iri.clone());
        DocumentQuads {
            doc,
            statements,
            lang,
            g: d.clone().into(),
            d,
            doc_iri,
            next: None,
            pending: std::collections::VecDeque::new(),
            sentences_done: std::collections::HashSet::new(),
            entities_done: std::collections::HashSet::new(),
        }
    }

    /// The document's own quads.
    fn header(&mut self) {
        let (doc, d) = (self.doc, self.d.clone());
        let (pending, g) = (&mut self.pending, &self.g);
        let mut add = |s: NamedOrBlankNode, p: NamedNode, o: Term| {
            pending.push_back(Quad::new(s, p, o, g.clone()))
        };
        add(
            d.clone().into(),
            rdf::TYPE.into_owned(),
            ag("Document").into(),
        );
        add(
            d.clone().into(),
            nn(format!("{DCT}identifier")),
            Literal::new_simple_literal(&doc.id).into(),
        );
        add(
            d.clone().into(),
            nn(format!("{DCT}language")),
            Literal::new_simple_literal(self.lang).into(),
        );
        if let Some(date) = &doc.date {
            add(
                d.clone().into(),
                nn(format!("{DCT}date")),
                Literal::new_typed_literal(date, xsd::DATE).into(),
            );
        }
        if let Some(t) = &doc.title {
            add(
                d.clone().into(),
                nn(format!("{DCT}title")),
                Literal::new_simple_literal(t).into(),
            );
        }
        if let Some(u) = &doc.url {
            add(
                d.clone().into(),
                nn(format!("{DCT}source")),
                Literal::new_simple_literal(u).into(),
            );
        }
        // The export reads this one literal instead of every statement.
        add(
            d.clone().into(),
            ag("edgeSummary"),
            Literal::new_simple_literal(crate::export::summary::encode(
                doc.date.as_deref(),
                self.statements,
            ))
            .into(),
        );
    }

    /// The quads of statement `n`.
    fn statement(&mut self, n: usize) {
        let st = &self.statements[n];
        let d = self.d.clone();
        let (pending, g) = (&mut self.pending, &self.g);
        let mut add = |s: NamedOrBlankNode, p: NamedNode, o: Term| {
            pending.push_back(Quad::new(s, p, o, g.clone()))
        };
        let sn = nn(format!("{}#s{}", self.doc_iri, n));
        let sent = nn(format!("{}#sentence{}", self.doc_iri, st.sentence_index));
        if self.sentences_done.insert(st.sentence_index) {
            add(
                sent.clone().into(),
                ag("text"),
                Literal::new_simple_literal(&*st.sentence).into(),
            );
            add(
                sent.clone().into(),
                ag("index"),
                Literal::from(st.sentence_index as i64).into(),
            );
            add(
                sent.clone().into(),
                nn(format!("{DCT}isPartOf")),
                d.clone().into(),
            );
        }
        let s = nn(&st.subject.id);
        // A one-actor event ("X resigned") has no `ag:object` and no direct edge.
        let o = st.object.as_ref().map(|e| nn(&e.id));
        let st_s: NamedOrBlankNode = sn.clone().into();
        add(st_s.clone(), rdf::TYPE.into_owned(), ag("Statement").into());
        add(st_s.clone(), ag("subject"), s.clone().into());
        add(
            st_s.clone(),
            ag("predicate"),
            ag(st.predicate.name()).into(),
        );
        if let Some(o) = &o {
            add(st_s.clone(), ag("object"), o.clone().into());
        }
        add(
            st_s.clone(),
            ag("polarity"),
            Literal::new_simple_literal(st.polarity.as_str()).into(),
        );
        add(
            st_s.clone(),
            ag("modality"),
            Literal::new_simple_literal(st.modality.as_str()).into(),
        );
        add(st_s.clone(), ag("evidence"), sent.into());
        // Byte offsets as integers (stores written before held one
        // `ag:span "412-530"` string; readers accept both).
        add(
            st_s.clone(),
            ag("start"),
            Literal::from(st.span.0 as i64).into(),
        );
        add(
            st_s.clone(),
            ag("end"),
            Literal::from(st.span.1 as i64).into(),
        );
        add(
            st_s.clone(),
            ag("confidence"),
            Literal::new_typed_literal(st.confidence.to_string(), xsd::DECIMAL).into(),
        );
        add(
            st_s.clone(),
            ag("rule"),
            Literal::new_simple_literal(&st.rule).into(),
        );
        if let Some(pl) = st.plover {
            add(
                st_s.clone(),
                ag("plover"),
                Literal::new_simple_literal(pl).into(),
            );
        }
        add(
            st_s.clone(),
            nn(format!("{PROV}wasDerivedFrom")),
            d.clone().into(),
        );
        if let Some(date) = &st.date {
            add(
                st_s.clone(),
                nn(format!("{DCT}date")),
                Literal::new_typed_literal(&**date, xsd::DATE).into(),
            );
        }
        if let Some(a) = &st.attributed_to {
            add(
                st_s.clone(),
                nn(format!("{PROV}wasAttributedTo")),
                nn(&a.id).into(),
            );
        }
        if let Some(role) = st.attributed_role {
            add(
                st_s.clone(),
                ag("role"),
                Literal::new_simple_literal(role).into(),
            );
        }
        // A direct edge is a fact the text states: a planned, possible or
        // reported meeting is no held one (store::edges).
        if let (
            crate::statement::Polarity::Positive,
            crate::statement::Modality::Asserted,
            Some(o),
        ) = (st.polarity, st.modality, &o)
        {
            add(s.clone().into(), ag(st.predicate.name()), o.clone().into());
        }
        // Entities discovered in this document carry their type and label here.
        for e in std::iter::once(&st.subject)
            .chain(st.object.as_ref())
            .chain(st.attributed_to.as_ref())
        {
            if e.id.contains("/id/person/") && self.entities_done.insert(e.id.clone()) {
                add(
                    nn(&e.id).into(),
                    rdf::TYPE.into_owned(),
                    ag(&e.etype).into(),
                );
                add(
                    nn(&e.id).into(),
                    rdfs::LABEL.into_owned(),
                    Literal::new_simple_literal(&e.label).into(),
                );
                if let Some(c) = &e.country {
                    add(
                        nn(&e.id).into(),
                        ag("country"),
                        Literal::new_simple_literal(c).into(),
                    );
                }
            }
        }
    }
}

impl Iterator for DocumentQuads<'_> {
    type Item = Quad;

    fn next(&mut self) -> Option<Quad> {
        loop {
            if let Some(q) = self.pending.pop_front() {
                return Some(q);
            }
            match self.next {
                None => {
                    self.header();
                    self.next = Some(0);
                }
                Some(n) if n < self.statements.len() => {
                    self.statement(n);
                    self.next = Some(n + 1);
                }
                Some(_) => return None,
            }
        }
    }
}

/// The knowledge-base graph: types, labels, codes, Wikidata links and
/// structural facts of every entity.
pub fn kb_quads(k: &Knowledge) -> Vec<Quad> {
    let g: GraphName = nn(KB_GRAPH).into();
    let mut q = Vec::new();
    let mut add =
        |s: &NamedNode, p: NamedNode, o: Term| q.push(Quad::new(s.clone(), p, o, g.clone()));
    for e in &k.kb.entities {
        let s = nn(entity_iri(&e.id));
        add(&s, rdf::TYPE.into_owned(), ag(e.etype.name()).into());
        add(
            &s,
            rdfs::LABEL.into_owned(),
            Literal::new_simple_literal(&e.label).into(),
        );
        add(
            &s,
            nn(format!("{SKOS}prefLabel")),
            Literal::new_language_tagged_literal_unchecked(&e.label, "en").into(),
        );
        if let Some(fr) = &e.label_fr {
            add(
                &s,
                nn(format!("{SKOS}prefLabel")),
                Literal::new_language_tagged_literal_unchecked(fr, "fr").into(),
            );
        }
        for (name, kind) in &e.names {
            if name != &e.label && Some(name) != e.label_fr.as_ref() && *kind != "demonym" {
                let lit = match *kind {
                    "en" | "fr" => Literal::new_language_tagged_literal_unchecked(name, *kind),
                    _ => Literal::new_simple_literal(name),
                };
                add(&s, nn(format!("{SKOS}altLabel")), lit.into());
            }
        }
        if let Some(w) = &e.wikidata {
            add(
                &s,
                nn(format!("{OWL}sameAs")),
                nn(format!("{WD}{w}")).into(),
            );
        }
        if let Some(c) = &e.iso3 {
            add(&s, ag("country"), Literal::new_simple_literal(c).into());
        }
        if let Some(c) = &e.cameo {
            add(&s, ag("cameo"), Literal::new_simple_literal(c).into());
        }
        if let Some(p) = e.part_of {
            let rel = if e.etype == EntityType::Place {
                Predicate::LocatedIn
            } else if e.etype == EntityType::Person {
                Predicate::MemberOf
            } else {
                Predicate::PartOf
            };
            add(
                &s,
                ag(rel.name()),
                nn(entity_iri(&k.kb.entities[p].id)).into(),
            );
        }
        for &m in &e.members {
            q_member(&mut add, &k.kb.entities[m].id, &s);
        }
    }
    for r in &k.kb.roles {
        let person = nn(entity_iri(&k.kb.entities[r.person].id));
        let role = nn(format!(
            "{}#{}-{}-{}",
            entity_iri(&k.kb.entities[r.person].id),
            r.role,
            k.kb.entities[r.of].id,
            r.start
        ));
        add(&person, ag("holds"), role.clone().into());
        add(
            &role,
            ag("roleKind"),
            Literal::new_simple_literal(&r.role).into(),
        );
        add(
            &role,
            ag("roleOf"),
            nn(entity_iri(&k.kb.entities[r.of].id)).into(),
        );
        add(
            &role,
            ag("start"),
            Literal::new_typed_literal(&r.start, xsd::DATE).into(),
        );
        if let Some(end) = &r.end {
            add(
                &role,
                ag("end"),
                Literal::new_typed_literal(end, xsd::DATE).into(),
            );
        }
    }
    q
}

fn q_member(add: &mut impl FnMut(&NamedNode, NamedNode, Term), member: &str, org: &NamedNode) {
    add(&nn(entity_iri(member)), ag("memberOf"), org.clone().into());
}
