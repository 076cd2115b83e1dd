//! The actor knowledge base: states, places, organizations, people and their
//! dated roles, loaded from the TSV files in `ontology/kb/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::tsv::{Row, Table, date, list, opt};
use crate::error::{Error, Result};
use crate::text::{fold, tokenize};

/// Entity classes of the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum EntityType {
    /// A person.
    Person,
    /// A sovereign state (or observer/partially recognised state).
    Country,
    /// An organization, institution or government body.
    Organization,
    /// A group, bloc or movement.
    Group,
    /// An event (games, summit, conference).
    Event,
    /// A place (city, region, territory).
    Place,
}

impl EntityType {
    /// Parses a type name.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "Person" => EntityType::Person,
            "Country" => EntityType::Country,
            "Organization" => EntityType::Organization,
            "Group" => EntityType::Group,
            "Event" => EntityType::Event,
            "Place" => EntityType::Place,
            _ => return None,
        })
    }

    /// The ontology class local name.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::Organization => "Organization",
            EntityType::Group => "Group",
            EntityType::Event => "Event",
            EntityType::Place => "Place",
        }
    }
}

/// Grammatical/natural gender used by pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Masculine.
    M,
    /// Feminine.
    F,
}

/// One knowledge-base entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// IRI local name.
    pub id: String,
    /// Canonical (English) label.
    pub label: String,
    /// French label, when different.
    pub label_fr: Option<String>,
    /// Class.
    pub etype: EntityType,
    /// Wikidata Q-id, only where certain.
    pub wikidata: Option<String>,
    /// ISO 3166-1 alpha-3 of the entity's state.
    pub iso3: Option<String>,
    /// CAMEO actor code.
    pub cameo: Option<String>,
    /// Gender (people).
    pub gender: Option<Gender>,
    /// Larger entity this one is part of.
    pub part_of: Option<usize>,
    /// For capitals: the state the name stands for in metonymy.
    pub metonym_of: Option<usize>,
    /// Member states (alliances, blocs).
    pub members: Vec<usize>,
    /// Every alias, as written in the file (for the RDF labels).
    pub names: Vec<(String, &'static str)>,
    /// `file:line` of the defining line.
    pub origin: String,
}

/// How the case of a surface form must match an alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRule {
    /// Acronyms: the surface must be written exactly so.
    Exact(String),
    /// Proper names: the first letter must be upper case.
    Capitalized,
    /// People's names of several words whose last word is capitalised too
    /// ("Le Maire"): a word after the first must be upper case too, so that
    /// "Le maire" (the mayor) at a sentence start is not Bruno Le Maire. Organisations keep
    /// `Capitalized`: the press writes "Russia's foreign ministry".
    CapitalizedEnds,
    /// Anything (lower-case adjectives such as French demonyms).
    Any,
}

/// What an alias names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    /// A name of the entity.
    Name,
    /// A demonym adjective or noun ("russe", "Russian").
    Demonym,
}

/// A matchable surface form.
#[derive(Debug, Clone)]
pub struct Alias {
    /// Folded tokens joined by single spaces.
    pub key: String,
    /// The entity.
    pub entity: usize,
    /// Case rule.
    pub case: CaseRule,
    /// Name or demonym.
    pub kind: AliasKind,
}

/// A dated office.
#[derive(Debug, Clone)]
pub struct RoleSpell {
    /// Person entity.
    pub person: usize,
    /// Role kind (`head_of_state`, `leader`, ...).
    pub role: String,
    /// State or organization entity.
    pub of: usize,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`, `None` while in office.
    pub end: Option<String>,
}

impl RoleSpell {
    /// Whether the office was held on `date` (`YYYY-MM-DD`).
    pub fn covers(&self, date: &str) -> bool {
        self.start.as_str() <= date && self.end.as_deref().is_none_or(|e| date <= e)
    }
}

/// Role kinds the knowledge base may use.
pub const ROLE_KINDS: &[&str] = &[
    "head_of_state",
    "head_of_government",
    "leader",
    "foreign_minister",
    "defence_minister",
];

/// Role kinds of role nouns that name no single office holder: an
/// official of the affiliation, or its spokesperson.
pub const GENERIC_ROLES: &[&str] = &["official", "spokesperson"];

/// The role kind `kind` as a static string, if it is one.
pub fn role_kind(kind: &str) -> Option<&'static str> {
    ROLE_KINDS
        .iter()
        .chain(GENERIC_ROLES)
        .find(|k| **k == kind)
        .copied()
}

/// The knowledge base.
#[derive(Debug, Default, Clone)]
pub struct Kb {
    /// All entities.
    pub entities: Vec<Entity>,
    /// Entity index by id.
    pub by_id: HashMap<String, usize>,
    /// Entity index by ISO3 code (states).
    pub by_iso3: HashMap<String, usize>,
    /// All aliases.
    pub aliases: Vec<Alias>,
    /// Dated roles.
    pub roles: Vec<RoleSpell>,
    /// (entity, key, demonym) of every alias, to skip duplicates in O(1).
    alias_seen: HashSet<(usize, String, bool)>,
    /// Ids defined by the table being loaded, with their lines.
    table_ids: HashMap<String, usize>,
}

const COUNTRIES: &[&str] = &[
    "id",
    "iso3",
    "cameo",
    "wikidata",
    "name_en",
    "name_fr",
    "aliases_en",
    "aliases_fr",
    "demonym_en",
    "demonym_fr",
    "capital",
    "status",
];
const PLACES: &[&str] = &[
    "id", "wikidata", "country", "name_en", "name_fr", "aliases", "kind", "metonym",
];
const ORGS: &[&str] = &[
    "id",
    "type",
    "wikidata",
    "cameo",
    "country",
    "part_of",
    "name_en",
    "name_fr",
    "aliases_en",
    "aliases_fr",
    "demonym_en",
    "demonym_fr",
    "members",
];
const PEOPLE: &[&str] = &["id", "wikidata", "gender", "country", "name", "aliases"];
const ROLES: &[&str] = &["person", "role", "of", "start", "end"];

/// References resolved once every table is loaded.
enum Pending {
    Capital { country: usize, place: String },
    PlaceCountry { place: usize, country: String },
    OrgCountry { iso3: String },
    PartOf { entity: usize, of: String },
    Member { org: usize, iso3: String },
    PersonCountry { person: usize, country: String },
}

impl Kb {
    /// Loads a set of tables (any order); each table's header says what it holds.
    pub fn load(tables: &[Table]) -> Result<Kb> {
        let mut kb = Kb::default();
        let mut pending: Vec<(String, usize, Pending)> = Vec::new();
        let mut role_tables = Vec::new();
        // Order: states and places first so references resolve in one pass.
        let order = |t: &Table| {
            if t.has_header(COUNTRIES) {
                0
            } else if t.has_header(PLACES) {
                1
            } else if t.has_header(ORGS) {
                2
            } else if t.has_header(PEOPLE) {
                3
            } else {
                4
            }
        };
        let mut sorted: Vec<&Table> = tables.iter().collect();
        sorted.sort_by_key(|t| order(t));
        for table in sorted {
            kb.table_ids.clear();
            if table.has_header(COUNTRIES) {
                kb.load_countries(table, &mut pending)?;
            } else if table.has_header(PLACES) {
                kb.load_places(table, &mut pending)?;
            } else if table.has_header(ORGS) {
                kb.load_orgs(table, &mut pending)?;
            } else if table.has_header(PEOPLE) {
                kb.load_people(table, &mut pending)?;
            } else if table.has_header(ROLES) {
                role_tables.push(table);
            } else {
                return Err(Error::knowledge(
                    &table.file,
                    table.header_line,
                    format!(
                        "unknown knowledge table header `{}`",
                        table.header.join(" ")
                    ),
                ));
            }
        }
        kb.resolve(pending)?;
        for table in role_tables {
            kb.load_roles(table)?;
        }
        kb.derive_cameo();
        Ok(kb)
    }

    fn add(&mut self, table: &Table, row: &Row, mut entity: Entity) -> Result<usize> {
        if entity.id.is_empty()
            || !entity
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        {
            return Err(table.err(
                row,
                format!(
                    "invalid id `{}` (ASCII letters, digits, `_`, `-`, `.`)",
                    entity.id
                ),
            ));
        }
        if let Some(q) = &entity.wikidata {
            if !(q.starts_with('Q') && q.len() > 1 && q[1..].chars().all(|c| c.is_ascii_digit())) {
                return Err(table.err(row, format!("invalid Wikidata id `{q}`")));
            }
        }
        entity.origin = format!("{}:{}", table.file, row.line);
        if let Some(line) = self.table_ids.insert(entity.id.clone(), row.line) {
            return Err(table.err(
                row,
                format!(
                    "id `{}` is already defined at line {line} of this file",
                    entity.id
                ),
            ));
        }
        // A later file with the same id overrides the earlier one (user
        // extensions); twice in one file is a mistake, not an override.
        let idx = match self.by_id.get(&entity.id) {
            Some(&i) => {
                self.aliases.retain(|a| a.entity != i);
                self.alias_seen.retain(|a| a.0 != i);
                self.entities[i] = entity;
                i
            }
            None => {
                self.entities.push(entity);
                self.entities.len() - 1
            }
        };
        let id = self.entities[idx].id.clone();
        self.by_id.insert(id, idx);
        let names = self.entities[idx].names.clone();
        for (name, kind) in names {
            let kind = if kind == "demonym" {
                AliasKind::Demonym
            } else {
                AliasKind::Name
            };
            self.add_alias(idx, &name, kind);
        }
        Ok(idx)
    }

    /// Whether folded `key` is a demonym alias of `entity` ("serbs" of Serbia).
    pub fn is_demonym_of(&self, entity: usize, key: &str) -> bool {
        self.alias_seen.contains(&(entity, key.to_string(), true))
    }

    /// Adds one matchable alias for an entity.
    pub fn add_alias(&mut self, entity: usize, name: &str, kind: AliasKind) {
        let key = alias_key(name);
        if key.is_empty() {
            return;
        }
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        let first = name.chars().next().unwrap_or(' ');
        let case =
            if letters.len() <= 5 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
            {
                CaseRule::Exact(name.chars().filter(|c| !c.is_whitespace()).collect())
            } else if first.is_uppercase() {
                let last_word = name.split(' ').rfind(|w| !w.is_empty()).unwrap_or("");
                let person = self
                    .entities
                    .get(entity)
                    .is_some_and(|e| e.etype == EntityType::Person);
                if person
                    && name.contains(' ')
                    && last_word.chars().next().is_some_and(char::is_uppercase)
                {
                    CaseRule::CapitalizedEnds
                } else {
                    CaseRule::Capitalized
                }
            } else {
                CaseRule::Any
            };
        if !self
            .alias_seen
            .insert((entity, key.clone(), kind == AliasKind::Demonym))
        {
            // "Kenyans" and French "kényans" fold alike: the lower-case
            // spelling must match lower case too.
            if case == CaseRule::Any {
                let demonym = kind == AliasKind::Demonym;
                if let Some(a) = self.aliases.iter_mut().rev().find(|a| {
                    a.entity == entity && a.key == key && (a.kind == AliasKind::Demonym) == demonym
                }) {
                    if matches!(a.case, CaseRule::Capitalized | CaseRule::CapitalizedEnds) {
                        a.case = CaseRule::Any;
                    }
                }
            }
            return;
        }
        self.aliases.push(Alias {
            key,
            entity,
            case,
            kind,
        });
    }

    fn load_countries(
        &mut self,
        t: &Table,
        pending: &mut Vec<(String, usize, Pending)>,
    ) -> Result<()> {
        for row in &t.rows {
            let f = &row.fields;
            let iso3 = f[1].clone();
            if iso3.len() != 3 || !iso3.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(t.err(row, format!("invalid ISO 3166-1 alpha-3 code `{iso3}`")));
            }
            if !matches!(f[11].as_str(), "member" | "observer" | "other") {
                return Err(t.err(
                    row,
                    format!("status must be member, observer or other, not `{}`", f[11]),
                ));
            }
            let mut names = vec![(f[4].clone(), "en"), (f[5].clone(), "fr")];
            names.extend(list(&f[6]).into_iter().map(|a| (a, "en")));
            names.extend(list(&f[7]).into_iter().map(|a| (a, "fr")));
            names.extend(list(&f[8]).into_iter().map(|a| (a, "demonym")));
            names.extend(list(&f[9]).into_iter().map(|a| (a, "demonym")));
            require(t, row, &f[4], "name_en")?;
            let e = Entity {
                id: f[0].clone(),
                label: f[4].clone(),
                label_fr: opt(&f[5]),
                etype: EntityType::Country,
                wikidata: opt(&f[3]),
                iso3: Some(iso3.clone()),
                cameo: opt(&f[2]),
                gender: None,
                part_of: None,
                metonym_of: None,
                members: Vec::new(),
                names,
                origin: String::new(),
            };
            let idx = self.add(t, row, e)?;
            self.by_iso3.insert(iso3, idx);
            if let Some(cap) = opt(&f[10]) {
                pending.push((
                    t.file.clone(),
                    row.line,
                    Pending::Capital {
                        country: idx,
                        place: cap,
                    },
                ));
            }
        }
        Ok(())
    }

    fn load_places(
        &mut self,
        t: &Table,
        pending: &mut Vec<(String, usize, Pending)>,
    ) -> Result<()> {
        for row in &t.rows {
            let f = &row.fields;
            require(t, row, &f[3], "name_en")?;
            if !matches!(
                f[6].as_str(),
                "capital" | "city" | "region" | "territory" | "sea"
            ) {
                return Err(t.err(
                    row,
                    format!(
                        "kind must be capital, city, region, territory or sea, not `{}`",
                        f[6]
                    ),
                ));
            }
            if !matches!(f[7].as_str(), "yes" | "no") {
                return Err(t.err(row, format!("metonym must be yes or no, not `{}`", f[7])));
            }
            let mut names = vec![(f[3].clone(), "en"), (f[4].clone(), "fr")];
            names.extend(list(&f[5]).into_iter().map(|a| (a, "alias")));
            let e = Entity {
                id: f[0].clone(),
                label: f[3].clone(),
                label_fr: opt(&f[4]),
                etype: EntityType::Place,
                wikidata: opt(&f[1]),
                iso3: None,
                cameo: None,
                gender: None,
                part_of: None,
                metonym_of: None,
                members: Vec::new(),
                names,
                origin: String::new(),
            };
            let idx = self.add(t, row, e)?;
            if let Some(c) = opt(&f[2]) {
                pending.push((
                    t.file.clone(),
                    row.line,
                    Pending::PlaceCountry {
                        place: idx,
                        country: c,
                    },
                ));
            }
            if f[7] == "yes" {
                // The metonym target is the place's own state, set once resolved.
                self.entities[idx].metonym_of = Some(usize::MAX);
            }
        }
        Ok(())
    }

    fn load_orgs(&mut self, t: &Table, pending: &mut Vec<(String, usize, Pending)>) -> Result<()> {
        for row in &t.rows {
            let f = &row.fields;
            let etype = match EntityType::parse(&f[1]) {
                Some(ty @ (EntityType::Organization | EntityType::Group | EntityType::Event)) => ty,
                _ => {
                    return Err(t.err(
                        row,
                        format!("type must be Organization, Group or Event, not `{}`", f[1]),
                    ));
                }
            };
            require(t, row, &f[6], "name_en")?;
            let mut names = vec![(f[6].clone(), "en"), (f[7].clone(), "fr")];
            names.extend(list(&f[8]).into_iter().map(|a| (a, "en")));
            names.extend(list(&f[9]).into_iter().map(|a| (a, "fr")));
            names.extend(list(&f[10]).into_iter().map(|a| (a, "demonym")));
            names.extend(list(&f[11]).into_iter().map(|a| (a, "demonym")));
            let e = Entity {
                id: f[0].clone(),
                label: f[6].clone(),
                label_fr: opt(&f[7]),
                etype,
                wikidata: opt(&f[2]),
                iso3: opt(&f[4]),
                cameo: opt(&f[3]),
                gender: None,
                part_of: None,
                metonym_of: None,
                members: Vec::new(),
                names,
                origin: String::new(),
            };
            let idx = self.add(t, row, e)?;
            if let Some(c) = opt(&f[4]) {
                pending.push((t.file.clone(), row.line, Pending::OrgCountry { iso3: c }));
            }
            if let Some(p) = opt(&f[5]) {
                pending.push((
                    t.file.clone(),
                    row.line,
                    Pending::PartOf { entity: idx, of: p },
                ));
            }
            for m in list(&f[12]) {
                pending.push((
                    t.file.clone(),
                    row.line,
                    Pending::Member { org: idx, iso3: m },
                ));
            }
        }
        Ok(())
    }

    fn load_people(
        &mut self,
        t: &Table,
        pending: &mut Vec<(String, usize, Pending)>,
    ) -> Result<()> {
        for row in &t.rows {
            let f = &row.fields;
            let gender = match f[2].as_str() {
                "m" => Some(Gender::M),
                "f" => Some(Gender::F),
                "" | "-" => None,
                g => return Err(t.err(row, format!("gender must be m or f, not `{g}`"))),
            };
            require(t, row, &f[4], "name")?;
            let mut names = vec![(f[4].clone(), "name")];
            names.extend(list(&f[5]).into_iter().map(|a| (a, "alias")));
            let e = Entity {
                id: f[0].clone(),
                label: f[4].clone(),
                label_fr: None,
                etype: EntityType::Person,
                wikidata: opt(&f[1]),
                iso3: None,
                cameo: None,
                gender,
                part_of: None,
                metonym_of: None,
                members: Vec::new(),
                names,
                origin: String::new(),
            };
            let idx = self.add(t, row, e)?;
            if let Some(c) = opt(&f[3]) {
                pending.push((
                    t.file.clone(),
                    row.line,
                    Pending::PersonCountry {
                        person: idx,
                        country: c,
                    },
                ));
            }
        }
        Ok(())
    }

    fn load_roles(&mut self, t: &Table) -> Result<()> {
        for row in &t.rows {
            let f = &row.fields;
            let person = *self
                .by_id
                .get(&f[0])
                .ok_or_else(|| t.err(row, format!("unknown person `{}`", f[0])))?;
            if self.entities[person].etype != EntityType::Person {
                return Err(t.err(row, format!("`{}` is not a person", f[0])));
            }
            if !ROLE_KINDS.contains(&f[1].as_str()) {
                return Err(t.err(
                    row,
                    format!("unknown role `{}` (one of {})", f[1], ROLE_KINDS.join(", ")),
                ));
            }
            let of = *self
                .by_id
                .get(&f[2])
                .ok_or_else(|| t.err(row, format!("unknown state or organization `{}`", f[2])))?;
            let start = date(&f[3], false)
                .ok_or_else(|| t.err(row, format!("invalid start date `{}`", f[3])))?;
            let end = match opt(&f[4]) {
                None => None,
                Some(e) => Some(
                    date(&e, true).ok_or_else(|| t.err(row, format!("invalid end date `{e}`")))?,
                ),
            };
            if let Some(e) = &end {
                if *e < start {
                    return Err(t.err(row, format!("end {e} is before start {start}")));
                }
            }
            self.roles.push(RoleSpell {
                person,
                role: f[1].clone(),
                of,
                start,
                end,
            });
        }
        Ok(())
    }

    fn resolve(&mut self, pending: Vec<(String, usize, Pending)>) -> Result<()> {
        for (file, line, p) in pending {
            let err = |m: String| Error::knowledge(&file, line, m);
            match p {
                Pending::Capital { country, place } => {
                    let pl = *self
                        .by_id
                        .get(&place)
                        .ok_or_else(|| err(format!("unknown capital `{place}`")))?;
                    self.entities[pl].metonym_of = Some(country);
                    self.entities[pl].part_of.get_or_insert(country);
                }
                Pending::PlaceCountry { place, country } => {
                    let c = *self
                        .by_id
                        .get(&country)
                        .ok_or_else(|| err(format!("unknown country `{country}`")))?;
                    self.entities[place].part_of = Some(c);
                    self.entities[place].iso3 = self.entities[c].iso3.clone();
                    if self.entities[place].metonym_of == Some(usize::MAX) {
                        self.entities[place].metonym_of = Some(c);
                    }
                }
                Pending::OrgCountry { iso3 } => {
                    if !self.by_iso3.contains_key(&iso3) {
                        return Err(err(format!("unknown country code `{iso3}`")));
                    }
                }
                Pending::PartOf { entity, of } => {
                    let o = *self
                        .by_id
                        .get(&of)
                        .ok_or_else(|| err(format!("unknown part_of `{of}`")))?;
                    self.entities[entity].part_of = Some(o);
                }
                Pending::Member { org, iso3 } => {
                    let c = *self
                        .by_iso3
                        .get(&iso3)
                        .ok_or_else(|| err(format!("unknown member code `{iso3}`")))?;
                    self.entities[org].members.push(c);
                }
                Pending::PersonCountry { person, country } => {
                    let c = *self
                        .by_id
                        .get(&country)
                        .ok_or_else(|| err(format!("unknown country `{country}`")))?;
                    self.entities[person].part_of = Some(c);
                    self.entities[person].iso3 = self.entities[c].iso3.clone();
                }
            }
        }
        for e in &mut self.entities {
            if e.metonym_of == Some(usize::MAX) {
                e.metonym_of = None;
            }
        }
        Ok(())
    }

    /// People in office get their state's government code, as CAMEO does.
    fn derive_cameo(&mut self) {
        for i in 0..self.entities.len() {
            let e = &self.entities[i];
            if e.etype == EntityType::Person && e.cameo.is_none() {
                if let Some(c) = e.part_of {
                    let in_office = self.roles.iter().any(|r| r.person == i);
                    let base = self.entities[c]
                        .cameo
                        .clone()
                        .or_else(|| self.entities[c].iso3.clone());
                    self.entities[i].cameo =
                        base.map(|b| if in_office { format!("{b}GOV") } else { b });
                }
            }
        }
    }

    /// The state an entity belongs to (itself for a state).
    pub fn country_of(&self, idx: usize) -> Option<usize> {
        let e = &self.entities[idx];
        if e.etype == EntityType::Country {
            return Some(idx);
        }
        if let Some(iso) = &e.iso3 {
            return self.by_iso3.get(iso).copied();
        }
        e.part_of
            .filter(|&p| self.entities[p].etype == EntityType::Country)
    }

    /// Holders of `roles` of `of` on `date` (any date when `None`).
    pub fn holders(&self, roles: &[&str], of: usize, date: Option<&str>) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .roles
            .iter()
            .filter(|r| r.of == of && roles.contains(&r.role.as_str()))
            .filter(|r| match date {
                None => true,
                Some(d) => r.covers(d),
            })
            .map(|r| r.person)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn require(t: &Table, row: &Row, value: &str, name: &str) -> Result<()> {
    if value.is_empty() || value == "-" {
        return Err(t.err(row, format!("`{name}` must not be empty")));
    }
    Ok(())
}

/// The matching key of a name: its folded tokens joined by spaces.
pub fn alias_key(name: &str) -> String {
    tokenize(name)
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folded key of a single word.
pub fn word_key(word: &str) -> String {
    fold(word)
}
