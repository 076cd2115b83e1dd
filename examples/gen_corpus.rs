//! Deterministic benchmark corpus: N news-style documents in French and
//! English, written from templates and the knowledge base's states and
//! leaders, about 300 words each.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 100000 bench/corpus-100k.jsonl.gz [SEED]
//! ```
//! A `.gz` output name writes gzip. The same N and seed give the same bytes.

use std::io::Write;

use actorgraph::lexicon::{EntityType, Knowledge};

/// xorshift64*: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
}

const EN: &[&str] = &[
    "{A} condemned {B} on {day} after a week of rising tension along the border.",
    "Officials said {A} would send humanitarian aid to {B} before the end of the month.",
    "{PA} met {PB} in {city} to discuss trade, energy and regional security.",
    "{A} and {B} agreed to resume talks on a long-delayed fisheries accord.",
    "The foreign ministry of {A} accused {B} of interfering in its internal affairs.",
    "{A} did not attend the summit hosted by {B}, according to diplomats.",
    "{PA} urged {B} to release the detained journalists without delay.",
    "{A} imposed new sanctions on {B}, targeting banks and shipping firms.",
    "Analysts expect {A} to support {B} in the coming vote at the United Nations.",
    "{A} could threaten {B} with tariffs if the negotiations fail, a minister warned.",
    "The talks between {A} and {B} ended without a joint statement on Tuesday.",
    "Markets in {city} were calm as investors waited for the central bank decision.",
    "{PA} said the government would never accept pressure from {B}.",
    "{A} deployed additional troops near {B} during large military exercises.",
];

const FR: &[&str] = &[
    "{A} a condamné {B} {day} après une semaine de tensions croissantes à la frontière.",
    "Selon des responsables, {A} enverra une aide humanitaire à {B} avant la fin du mois.",
    "{PA} a rencontré {PB} à {city} pour discuter de commerce, d'énergie et de sécurité régionale.",
    "{A} et {B} ont convenu de reprendre les négociations sur un accord de pêche longtemps retardé.",
    "Le ministère des Affaires étrangères de {A} a accusé {B} d'ingérence dans ses affaires intérieures.",
    "{A} n'a pas assisté au sommet organisé par {B}, selon des diplomates.",
    "{PA} a exhorté {B} à libérer les journalistes détenus sans délai.",
    "{A} a imposé de nouvelles sanctions à {B}, visant des banques et des armateurs.",
    "Les analystes s'attendent à ce que {A} soutienne {B} lors du prochain vote aux Nations unies.",
    "{A} pourrait menacer {B} de droits de douane si les négociations échouent, a averti un ministre.",
    "Les entretiens entre {A} et {B} se sont achevés mardi sans déclaration commune.",
    "Les marchés de {city} étaient calmes en attendant la décision de la banque centrale.",
    "{PA} a déclaré que le gouvernement n'accepterait jamais de pression de la part de {B}.",
    "{A} a déployé des troupes supplémentaires près de {B} lors de vastes exercices militaires.",
];

const DAYS_EN: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const DAYS_FR: &[&str] = &["lundi", "mardi", "mercredi", "jeudi", "vendredi"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen_corpus N OUTPUT.jsonl[.gz] [SEED]");
        std::process::exit(2);
    }
    let n: usize = args[1].parse().expect("N must be a number");
    let seed: u64 = args
        .get(3)
        .map(|s| s.parse().expect("SEED must be a number"))
        .unwrap_or(2021);
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let kb = &k.kb;
    // States with a French name, and people holding a role, with their state.
    let states: Vec<(&str, &str)> = kb
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Country)
        .map(|e| {
            (
                e.label.as_str(),
                e.label_fr.as_deref().unwrap_or(e.label.as_str()),
            )
        })
        .collect();
    let people: Vec<&str> = kb
        .roles
        .iter()
        .map(|r| kb.entities[r.person].label.as_str())
        .collect();
    let cities: Vec<&str> = kb
        .entities
        .iter()
        .filter(|e| e.etype == EntityType::Place && e.metonym_of.is_some())
        .map(|e| e.label.as_str())
        .collect();
    let file = std::fs::File::create(&args[2]).expect("cannot create output");
    let mut out: Box<dyn Write> = if args[2].ends_with(".gz") {
        Box::new(flate2::write::GzEncoder::new(
            std::io::BufWriter::new(file),
            flate2::Compression::fast(),
        ))
    } else {
        Box::new(std::io::BufWriter::new(file))
    };
    let mut rng = Rng(seed | 1);
    for i in 0..n {
        let fr = rng.next().is_multiple_of(2);
        let mut text = String::new();
        let mut words = 0;
        while words < 300 {
            let t = if fr { rng.pick(FR) } else { rng.pick(EN) };
            let (a, b) = (rng.pick(&states), rng.pick(&states));
            let s = t
                .replace("{A}", if fr { a.1 } else { a.0 })
                .replace("{B}", if fr { b.1 } else { b.0 })
                .replace("{PA}", rng.pick(&people))
                .replace("{PB}", rng.pick(&people))
                .replace("{city}", rng.pick(&cities))
                .replace(
                    "{day}",
                    if fr {
                        rng.pick(DAYS_FR)
                    } else {
                        rng.pick(DAYS_EN)
                    },
                );
            words += s.split_whitespace().count();
            text.push_str(&s);
            text.push(' ');
        }
        let date = format!(
            "20{:02}-{:02}-{:02}",
            15 + rng.next() % 10,
            1 + rng.next() % 12,
            1 + rng.next() % 28
        );
        let rec = serde_json::json!({"id": format!("gen-{i:07}"), "text": text.trim_end(), "date": date, "lang": if fr { "fr" } else { "en" }});
        writeln!(out, "{rec}").expect("write");
    }
    out.flush().expect("flush");
}
