//! The network graph of a remote store: rebuilt by one SPARQL Update.

use super::{CELL, NETWORK_GRAPH, VERSION};
use crate::predicate::{Predicate, quad_class};
use crate::rdf::{AG, DCT};

/// A SPARQL 1.1 Update that rebuilds the network graph from the statements
/// of every document graph: how a remote store gets its cells (it has no
/// digests and no transaction spanning our requests), once after each
/// `ingest` or `remove`. Same cells and IRIs as the local store's.
pub fn recount_update() -> String {
    let cell = |class: &str, key: &str| {
        format!("IRI(CONCAT(\"{CELL}\", MD5(CONCAT(\"{class}\\t\", {key}))))")
    };
    let period = cell(
        "PeriodCell",
        "\"\\t\", STR(?p), \"\\t\", ?pol, \"\\t\", ?month",
    );
    let actor = cell("ActorCell", "STR(?e), \"\\t\\t\\t\"");
    let pair = cell("PairCell", "STR(?s), \"\\t\", STR(?o), \"\\t\", ?quad");
    let band_cell = cell("BandCell", "STR(?b)");
    let event_pair = cell("EventPairCell", "STR(?s), \"\\t\", STR(?o), \"\\t\", ?type");
    let event_band = cell("EventBandCell", "?type, \"\\t\", STR(?b)");
    // The band of ?ad (see `band`), for counts under ten million.
    let mut band_expr = "?ad".to_string();
    for unit in [1_000_000, 100_000, 10_000, 1_000, 100, 10] {
        band_expr = format!(
            "IF(?ad >= {}, xsd:integer(FLOOR(?ad / {unit})) * {unit}, {band_expr})",
            unit * 10
        );
    }
    let quads: String = Predicate::ALL
        .iter()
        .filter_map(|p| {
            Some(format!(
                "(ag:{} \"{}\") ",
                p.name(),
                quad_class(p.plover()?)
            ))
        })
        .collect();
    let types: String = Predicate::ALL
        .iter()
        .filter_map(|p| Some(format!("(ag:{} \"{}\") ", p.name(), p.plover()?)))
        .collect();
    // The documents with a positive statement stated as fact per (subject,
    // object, key): the pair cells' key is the quad class, the event pair
    // cells' the event type (`values` maps each predicate to its key).
    let pair_counts = |var: &str, values: &str| {
        format!(
            r#"    SELECT ?s ?o ?{var} (COUNT(DISTINCT ?g) AS ?ad) WHERE {{
      VALUES (?p ?{var}) {{ {values}}}
      GRAPH ?g {{
        ?g a ag:Document .
        ?st a ag:Statement ; ag:predicate ?p ; ag:subject ?s ; ag:object ?o ;
            ag:polarity ?pol ; ag:modality ?mod .
      }}
      FILTER(STR(?pol) = "positive" && STR(?mod) = "asserted")
    }}
    GROUP BY ?s ?o ?{var}"#
        )
    };
    let quad_pairs = pair_counts("quad", &quads);
    let type_pairs = pair_counts("type", &types);
    format!(
        r#"PREFIX ag: <{AG}>
PREFIX dcterms: <{DCT}>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DROP SILENT GRAPH <{NETWORK_GRAPH}> ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c a ag:PeriodCell ; ag:relation ?p ; ag:polarity ?pol ; ag:month ?month ;
     ag:statements ?n ; ag:documents ?d ; ag:assertedStatements ?an ; ag:assertedDocuments ?ad .
}} }} WHERE {{
  {{
    SELECT ?p ?pol ?month (SUM(?k) AS ?n) (COUNT(?g) AS ?d) (SUM(?ak) AS ?an) (SUM(IF(?ak > 0, 1, 0)) AS ?ad) WHERE {{
      {{
        SELECT ?g ?p ?pol ?month (COUNT(?st) AS ?k) (SUM(IF(?mod = "asserted", 1, 0)) AS ?ak) WHERE {{
          GRAPH ?g {{
            ?g a ag:Document ; dcterms:date ?date .
            ?st a ag:Statement ; ag:predicate ?p ; ag:polarity ?pol0 ; ag:modality ?mod0 .
          }}
          BIND(STR(?pol0) AS ?pol)
          BIND(STR(?mod0) AS ?mod)
          BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
        }}
        GROUP BY ?g ?p ?pol ?month
      }}
    }}
    GROUP BY ?p ?pol ?month
  }}
  BIND({period} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c a ag:ActorCell ; ag:actor ?e ;
     ag:statements ?n ; ag:documents ?d ; ag:assertedStatements ?an ; ag:assertedDocuments ?ad .
}} }} WHERE {{
  {{
    SELECT ?e (SUM(?k) AS ?n) (COUNT(?g) AS ?d) (SUM(?ak) AS ?an) (SUM(IF(?ak > 0, 1, 0)) AS ?ad) WHERE {{
      {{
        SELECT ?g ?e (COUNT(DISTINCT ?st) AS ?k) (COUNT(DISTINCT ?ast) AS ?ak) WHERE {{
          GRAPH ?g {{
            ?g a ag:Document .
            ?st a ag:Statement ; ag:modality ?mod .
            {{ ?st ag:subject ?e }} UNION {{ ?st ag:object ?e }}
          }}
          BIND(IF(STR(?mod) = "asserted", ?st, ?none) AS ?ast)
        }}
        GROUP BY ?g ?e
      }}
    }}
    GROUP BY ?e
  }}
  BIND({actor} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c ag:source ?s ; ag:target ?o ; ag:quad ?quad ; ag:assertedDocuments ?ad ; ag:band ?band .
}} }} WHERE {{
  {{
{quad_pairs}
  }}
  BIND({pair} AS ?c)
  BIND(IF(?ad >= 100, {band_expr}, ?none) AS ?band)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{ ?c a ag:BandCell ; ag:band ?b ; ag:cells ?n . }} }} WHERE {{
  {{
    SELECT ?b (COUNT(?cell) AS ?n) WHERE {{
      GRAPH <{NETWORK_GRAPH}> {{ ?cell ag:quad ?q ; ag:assertedDocuments ?ad }}
      BIND({band_expr} AS ?b)
    }}
    GROUP BY ?b
  }}
  BIND({band_cell} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{ ?c ag:cellsAbove ?above }} }} WHERE {{
  {{
    SELECT ?c (SUM(IF(?b2 > ?b, ?n, 0)) AS ?above) WHERE {{
      GRAPH <{NETWORK_GRAPH}> {{
        ?c a ag:BandCell ; ag:band ?b .
        ?other a ag:BandCell ; ag:band ?b2 ; ag:cells ?n .
      }}
    }}
    GROUP BY ?c
  }}
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c ag:source ?s ; ag:target ?o ; ag:eventType ?type ; ag:assertedDocuments ?ad ; ag:inBand ?bc .
}} }} WHERE {{
  {{
{type_pairs}
  }}
  BIND({event_pair} AS ?c)
  BIND({band_expr} AS ?b)
  BIND({event_band} AS ?bc)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{
  ?c a ag:EventBandCell ; ag:bandOf ?type ; ag:band ?b ; ag:cells ?n .
}} }} WHERE {{
  {{
    SELECT ?type ?b (COUNT(?cell) AS ?n) WHERE {{
      GRAPH <{NETWORK_GRAPH}> {{ ?cell ag:eventType ?type ; ag:assertedDocuments ?ad }}
      BIND({band_expr} AS ?b)
    }}
    GROUP BY ?type ?b
  }}
  BIND({event_band} AS ?c)
}} ;
INSERT {{ GRAPH <{NETWORK_GRAPH}> {{ ?c ag:cellsAbove ?above }} }} WHERE {{
  {{
    SELECT ?c (SUM(IF(?b2 > ?b, ?n, 0)) AS ?above) WHERE {{
      GRAPH <{NETWORK_GRAPH}> {{
        ?c a ag:EventBandCell ; ag:bandOf ?type ; ag:band ?b .
        ?other a ag:EventBandCell ; ag:bandOf ?type ; ag:band ?b2 ; ag:cells ?n .
      }}
    }}
    GROUP BY ?c
  }}
}} ;
INSERT DATA {{ GRAPH <{NETWORK_GRAPH}> {{ <{NETWORK_GRAPH}> ag:networkVersion "{VERSION}" }} }}
"#
    )
}
