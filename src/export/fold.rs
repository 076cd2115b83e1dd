//! Folding actors into their state (`export --fold people,organizations`),
//! the CAMEO/GDELT convention for state-level networks: a leader, a
//! minister or a ministry acts for its state, so "Putin criticized Biden"
//! becomes an edge Russia → United States.
//!
//! People fold when the store gives their country (`ag:country`). An
//! organisation folds only when its CAMEO code says it is a state body (a
//! country code followed by a state sector: GOV, MIL, LEG, JUD, COP, SPY);
//! international organisations, parties, unions and the groups of a
//! country's population (students, protesters) keep their own node.

use std::collections::HashMap;

use super::read::{Info, Rows, lit};
use crate::backend::Backend;
use crate::error::Result;

/// Which actors fold into their state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Fold {
    /// People with a known country.
    People,
    /// State bodies (ministries, armed forces, parliaments, courts, police, intelligence).
    Organizations,
}

/// CAMEO sectors of the state itself.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "LEG", "JUD", "COP", "SPY"];

/// Whether a CAMEO actor code names a body of a state (`RUSGOV`,
/// `USAGOVLEG`, `FRAMIL`), not the state or a group of its population.
pub fn state_body(cameo: &str) -> bool {
    cameo.len() >= 6
        && cameo.is_char_boundary(3)
        && STATE_SECTORS.iter().any(|s| cameo[3..].starts_with(s))
}

/// The CAMEO code of every entity that has one.
fn cameo_codes(store: &Backend) -> Result<HashMap<String, String>> {
    let q = "SELECT ?e ?v WHERE { GRAPH ?g { ?e ag:cameo ?v } }";
    Ok(store
        .select_all(q)?
        .iter()
        .map(|r| (lit(r.get("e")), lit(r.get("v"))))
        .collect())
}

/// The state IRI each folded actor stands for.
pub(crate) fn targets(
    store: &Backend,
    info: &HashMap<String, Info>,
    folds: &[Fold],
) -> Result<HashMap<String, String>> {
    let states: HashMap<&str, &str> = info
        .iter()
        .filter(|(_, i)| i.1 == "Country" && !i.2.is_empty())
        .map(|(iri, i)| (i.2.as_str(), iri.as_str()))
        .collect();
    let cameo = if folds.contains(&Fold::Organizations) {
        cameo_codes(store)?
    } else {
        HashMap::new()
    };
    let mut out = HashMap::new();
    for (iri, (_, etype, country, _)) in info {
        let fold = match etype.as_str() {
            "Person" => folds.contains(&Fold::People),
            "Organization" => {
                folds.contains(&Fold::Organizations)
                    && cameo.get(iri).is_some_and(|c| state_body(c))
            }
            _ => false,
        };
        if let Some(state) = states.get(country.as_str()).filter(|_| fold) {
            out.insert(iri.clone(), state.to_string());
        }
    }
    Ok(out)
}

/// Replaces the folded actors of every row by their state.
pub(crate) fn apply(rows: &mut Rows, targets: &HashMap<String, String>) {
    let mut map = Vec::with_capacity(rows.iris.len());
    for i in 0..rows.iris.len() as u32 {
        map.push(match targets.get(rows.iris.get(i)) {
            Some(state) => rows.iri(state),
            None => i,
        });
    }
    for r in &mut rows.rows {
        r.s = map[r.s as usize];
        r.o = map[r.o as usize];
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn state_bodies_by_their_cameo_code() {
        for code in ["RUSGOV", "USAGOVLEG", "FRAMIL", "GBRSPY", "USACOP"] {
            assert!(super::state_body(code), "{code}");
        }
        for code in ["RUS", "KENEDU", "IGOUNO", "USAOPP", "NGAREB"] {
            assert!(!super::state_body(code), "{code}");
        }
    }
}
