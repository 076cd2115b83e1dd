//! The predicate vocabulary (version 1 of the extraction contract) and its
//! mapping to PLOVER event types and quad classes.

use std::fmt;

macro_rules! predicates {
    ($( $var:ident => $name:literal, $plover:expr, $sym:literal, $en:literal, $fr:literal; )*) => {
        /// A relation between two actors.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Predicate { $( #[doc = $en] $var, )* }

        impl Predicate {
            /// Every predicate, in vocabulary order.
            pub const ALL: &'static [Predicate] = &[ $( Predicate::$var, )* ];

            /// The ontology local name, e.g. `meets`.
            pub fn name(self) -> &'static str { match self { $( Predicate::$var => $name, )* } }

            /// The PLOVER 2.0 event type, `None` for structural relations.
            pub fn plover(self) -> Option<&'static str> { match self { $( Predicate::$var => $plover, )* } }

            /// Whether the predicate is a cooperative act (PLOVER CONSULT,
            /// SUPPORT, AGREE, COOPERATE, AID, CONCEDE, RETREAT).
            pub fn cooperative(self) -> bool {
                matches!(
                    self.plover(),
                    Some("CONSULT" | "SUPPORT" | "AGREE" | "COOPERATE" | "AID" | "CONCEDE" | "RETREAT")
                )
            }

            /// Whether `a p b` implies `b p a`.
            pub fn symmetric(self) -> bool { match self { $( Predicate::$var => $sym, )* } }

            /// English label.
            pub fn label_en(self) -> &'static str { match self { $( Predicate::$var => $en, )* } }

            /// French label.
            pub fn label_fr(self) -> &'static str { match self { $( Predicate::$var => $fr, )* } }

            /// Parses a local name.
            pub fn parse(s: &str) -> Option<Predicate> {
                match s { $( $name => Some(Predicate::$var), )* _ => None }
            }
        }
    };
}

predicates! {
    Meets => "meets", Some("CONSULT"), true, "meets", "rencontre";
    Visits => "visits", Some("CONSULT"), false, "visits", "se rend à";
    Attends => "attends", None, false, "attends", "assiste à";
    Supports => "supports", Some("SUPPORT"), false, "supports", "soutient";
    AgreesWith => "agreesWith", Some("AGREE"), false, "agrees with", "s'accorde avec";
    CooperatesWith => "cooperatesWith", Some("COOPERATE"), true, "cooperates with", "coopère avec";
    Aids => "aids", Some("AID"), false, "aids", "aide";
    ConcedesTo => "concedesTo", Some("CONCEDE"), false, "concedes to", "fait des concessions à";
    WithdrawsFrom => "withdrawsFrom", Some("RETREAT"), false, "withdraws from", "se retire de";
    Resigns => "resigns", Some("RETREAT"), false, "resigns", "démissionne";
    DemandsFrom => "demandsFrom", Some("REQUEST"), false, "demands from", "exige de";
    Criticizes => "criticizes", Some("ACCUSE"), false, "criticizes", "critique";
    Accuses => "accuses", Some("ACCUSE"), false, "accuses", "accuse";
    Rejects => "rejects", Some("REJECT"), false, "rejects", "rejette";
    Opposes => "opposes", Some("REJECT"), false, "opposes", "s'oppose à";
    Threatens => "threatens", Some("THREATEN"), false, "threatens", "menace";
    Protests => "protests", Some("PROTEST"), false, "protests", "proteste contre";
    Boycotts => "boycotts", Some("SANCTION"), false, "boycotts", "boycotte";
    Sanctions => "sanctions", Some("SANCTION"), false, "sanctions", "sanctionne";
    MobilizesAgainst => "mobilizesAgainst", Some("MOBILIZE"), false, "mobilizes against", "se mobilise contre";
    Pressures => "pressures", Some("COERCE"), false, "pressures", "fait pression sur";
    Represses => "represses", Some("COERCE"), false, "represses", "réprime";
    Attacks => "attacks", Some("ASSAULT"), false, "attacks", "attaque";
    LeaderOf => "leaderOf", None, false, "leader of", "dirigeant de";
    MemberOf => "memberOf", None, false, "member of", "membre de";
    PartOf => "partOf", None, false, "part of", "fait partie de";
    AllyOf => "allyOf", None, true, "ally of", "allié de";
    LocatedIn => "locatedIn", None, false, "located in", "situé dans";
}

/// The PLOVER 2.0 event types, in the manual's order.
pub const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// The static name of a PLOVER event type given in any case, `None` if
/// `s` is not one.
pub fn plover_type(s: &str) -> Option<&'static str> {
    PLOVER_TYPES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(s))
}

/// PLOVER quad class of an event type.
pub fn quad_class(plover: &str) -> &'static str {
    match plover {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => "verbal cooperation",
        "COOPERATE" | "AID" | "RETREAT" => "material cooperation",
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => "verbal conflict",
        _ => "material conflict",
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_has_28_predicates_that_round_trip() {
        assert_eq!(Predicate::ALL.len(), 28);
        for p in Predicate::ALL {
            assert_eq!(Predicate::parse(p.name()), Some(*p));
        }
        assert_eq!(Predicate::Pressures.plover(), Some("COERCE"));
        assert!(Predicate::Meets.symmetric());
        assert_eq!(quad_class("ASSAULT"), "material conflict");
    }
}
