//! # actorgraph
//!
//! Rule-based extraction of "who does what to whom" statements between
//! political actors from French and English news, loaded into an RDF store
//! (Oxigraph), queried with SPARQL and exported for Gephi.
//!
//! ```
//! use actorgraph::{extract, lexicon::Knowledge, text::Document};
//!
//! let k = Knowledge::default_knowledge().unwrap();
//! let doc = Document::new("demo", "La France condamne l'Iran.");
//! let statements = extract::extract(&k, &doc);
//! assert_eq!(statements[0].predicate.name(), "criticizes");
//! assert_eq!(statements[0].subject.label, "France");
//! ```

pub mod backend;
pub mod cli;
pub mod corpus;
pub mod error;
pub mod explain;
pub mod export;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod params;
pub mod predicate;
pub mod rdf;
pub mod remote;
pub mod server;
pub mod sparql;
pub mod statement;
pub mod store;
pub mod text;

pub use error::{Error, Result};
