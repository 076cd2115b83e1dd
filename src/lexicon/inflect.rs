//! Verb inflection for French and English, so that the lexicon lists lemmas
//! and the extractor recognises every conjugated form.
//!
//! Forms are generated folded (no accents), which also makes accent
//! alternations such as "mène"/"mener" free. Over-generation is harmless: a
//! non-word never occurs in text.

use crate::text::fold;

/// Tense (or non-finite form) of a verb form; drives modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Present indicative (or English base form).
    Present,
    /// Simple past (passé simple, English preterite), imperfect.
    Past,
    /// Future.
    Future,
    /// Conditional.
    Conditional,
    /// Subjunctive.
    Subjunctive,
    /// Infinitive.
    Infinitive,
    /// Past participle (compound tenses, passive).
    Participle,
    /// Present participle / gerund.
    Gerund,
}

/// A generated form.
pub type Form = (String, Tense);

fn add(out: &mut Vec<Form>, stem: &str, ends: &[&str], t: Tense) {
    for e in ends {
        out.push((format!("{stem}{e}"), t));
    }
}

const IMPARFAIT: &[&str] = &["ais", "ait", "ions", "iez", "aient"];
const FUTUR: &[&str] = &["ai", "as", "a", "ons", "ez", "ont"];
const COND: &[&str] = &["ais", "ait", "ions", "iez", "aient"];

/// All forms of a French verb given its (folded or not) infinitive.
pub fn french(lemma: &str) -> Vec<Form> {
    let v = fold(lemma);
    let mut out: Vec<Form> = vec![(v.clone(), Tense::Infinitive)];
    let ends = |suffix: &str| v.ends_with(suffix);
    let pre = |suffix: &str| v[..v.len() - suffix.len()].to_string();
    use Tense::*;
    if ends("tenir") || ends("venir") {
        let (p, b) = if ends("tenir") {
            (pre("tenir"), "t")
        } else {
            (pre("venir"), "v")
        };
        let s = format!("{p}{b}");
        add(
            &mut out,
            &s,
            &["iens", "ient", "enons", "enez", "iennent"],
            Present,
        );
        add(
            &mut out,
            &s,
            &[
                "enais", "enait", "enions", "eniez", "enaient", "ins", "int", "inmes", "inrent",
            ],
            Past,
        );
        add(&mut out, &format!("{s}iendr"), FUTUR, Future);
        add(&mut out, &format!("{s}iendr"), COND, Conditional);
        add(
            &mut out,
            &s,
            &["ienne", "iennes", "iennent", "enions", "eniez"],
            Subjunctive,
        );
        add(&mut out, &s, &["enu", "enue", "enus", "enues"], Participle);
        add(&mut out, &s, &["enant"], Gerund);
    } else if ends("prendre") {
        let s = pre("prendre") + "pr";
        add(
            &mut out,
            &s,
            &["ends", "end", "enons", "enez", "ennent"],
            Present,
        );
        add(
            &mut out,
            &s,
            &[
                "enais", "enait", "enions", "eniez", "enaient", "is", "it", "imes", "irent",
            ],
            Past,
        );
        add(&mut out, &format!("{s}endr"), FUTUR, Future);
        add(&mut out, &format!("{s}endr"), COND, Conditional);
        add(&mut out, &s, &["enne", "ennes", "ennent"], Subjunctive);
        add(&mut out, &s, &["is", "ise", "ises"], Participle);
        add(&mut out, &s, &["enant"], Gerund);
    } else if ends("mettre") || ends("battre") {
        let (p, b) = if ends("mettre") {
            (pre("mettre"), "m")
        } else {
            (pre("battre"), "b")
        };
        let s1 = format!("{p}{b}{}", if b == "m" { "e" } else { "a" });
        let s = format!("{s1}tt");
        add(&mut out, &s1, &["ts", "t"], Present);
        add(&mut out, &s, &["ons", "ez", "ent"], Present);
        add(&mut out, &s, IMPARFAIT, Past);
        add(&mut out, &format!("{s}r"), FUTUR, Future);
        add(&mut out, &format!("{s}r"), COND, Conditional);
        add(&mut out, &s, &["e", "es"], Subjunctive);
        if b == "m" {
            add(
                &mut out,
                &format!("{p}m"),
                &["is", "it", "imes", "irent"],
                Past,
            );
            add(
                &mut out,
                &format!("{p}m"),
                &["is", "ise", "ises"],
                Participle,
            );
        } else {
            add(&mut out, &s, &["is", "it", "imes", "irent"], Past);
            add(&mut out, &s, &["u", "ue", "us", "ues"], Participle);
        }
        add(&mut out, &s, &["ant"], Gerund);
    } else if ends("faire") {
        let p = pre("faire");
        add(
            &mut out,
            &p,
            &["fais", "fait", "faisons", "faites", "font"],
            Present,
        );
        add(
            &mut out,
            &p,
            &[
                "faisais",
                "faisait",
                "faisions",
                "faisiez",
                "faisaient",
                "fis",
                "fit",
                "fimes",
                "firent",
            ],
            Past,
        );
        add(&mut out, &format!("{p}fer"), FUTUR, Future);
        add(&mut out, &format!("{p}fer"), COND, Conditional);
        add(
            &mut out,
            &p,
            &["fasse", "fasses", "fassions", "fassiez", "fassent"],
            Subjunctive,
        );
        add(
            &mut out,
            &p,
            &["fait", "faite", "faits", "faites"],
            Participle,
        );
        add(&mut out, &p, &["faisant"], Gerund);
    } else if ends("dire") && !ends("ndire") || ends("lire") {
        let s = pre("ire");
        add(
            &mut out,
            &s,
            &["is", "it", "isons", "ites", "isez", "isent"],
            Present,
        );
        add(
            &mut out,
            &s,
            &["isais", "isait", "isions", "isaient", "irent", "imes"],
            Past,
        );
        add(&mut out, &format!("{s}ir"), FUTUR, Future);
        add(&mut out, &format!("{s}ir"), COND, Conditional);
        add(&mut out, &s, &["ise", "ises", "isent"], Subjunctive);
        if ends("lire") {
            add(
                &mut out,
                &s,
                &["u", "ue", "us", "ues", "ut", "urent"],
                Participle,
            );
        } else {
            add(&mut out, &s, &["it", "ite", "its", "ites"], Participle);
        }
        add(&mut out, &s, &["isant"], Gerund);
    } else if ends("uire") {
        let s = pre("ire");
        add(
            &mut out,
            &s,
            &["is", "it", "isons", "isez", "isent"],
            Present,
        );
        add(
            &mut out,
            &s,
            &[
                "isais", "isait", "isions", "isaient", "isis", "isit", "isirent",
            ],
            Past,
        );
        add(&mut out, &format!("{s}ir"), FUTUR, Future);
        add(&mut out, &format!("{s}ir"), COND, Conditional);
        add(&mut out, &s, &["ise", "ises", "isent"], Subjunctive);
        add(&mut out, &s, &["it", "ite", "its", "ites"], Participle);
        add(&mut out, &s, &["isant"], Gerund);
    } else if ends("voir") && !ends("cevoir") && !ends("evoir") {
        let p = pre("voir");
        let fut = if p.ends_with("pre") {
            format!("{p}voir")
        } else {
            format!("{p}verr")
        };
        add(
            &mut out,
            &p,
            &["vois", "voit", "voyons", "voyez", "voient"],
            Present,
        );
        add(
            &mut out,
            &p,
            &[
                "voyais", "voyait", "voyions", "voyaient", "vis", "vit", "virent",
            ],
            Past,
        );
        add(&mut out, &fut, FUTUR, Future);
        add(&mut out, &fut, COND, Conditional);
        add(&mut out, &p, &["voie", "voies", "voient"], Subjunctive);
        add(&mut out, &p, &["vu", "vue", "vus", "vues"], Participle);
        add(&mut out, &p, &["voyant"], Gerund);
    } else if ends("cevoir") {
        let p = pre("cevoir");
        add(
            &mut out,
            &p,
            &["cois", "coit", "cevons", "cevez", "coivent"],
            Present,
        );
        add(
            &mut out,
            &p,
            &[
                "cevais", "cevait", "cevions", "cevaient", "cus", "cut", "curent",
            ],
            Past,
        );
        add(&mut out, &format!("{p}cevr"), FUTUR, Future);
        add(&mut out, &format!("{p}cevr"), COND, Conditional);
        add(&mut out, &p, &["coive", "coives", "coivent"], Subjunctive);
        add(&mut out, &p, &["cu", "cue", "cus", "cues"], Participle);
        add(&mut out, &p, &["cevant"], Gerund);
    } else if v == "aller" {
        add(
            &mut out,
            "",
            &["vais", "vas", "va", "allons", "allez", "vont"],
            Present,
        );
        add(&mut out, "all", IMPARFAIT, Past);
        add(&mut out, "ir", FUTUR, Future);
        add(&mut out, "ir", COND, Conditional);
        add(&mut out, "", &["aille", "ailles", "aillent"], Subjunctive);
        add(&mut out, "all", &["e", "ee", "es", "ees"], Participle);
    } else if ends("vaincre") {
        let p = pre("vaincre");
        add(
            &mut out,
            &p,
            &["vaincs", "vainc", "vainquons", "vainquez", "vainquent"],
            Present,
        );
        add(
            &mut out,
            &p,
            &["vainquait", "vainquaient", "vainquit", "vainquirent"],
            Past,
        );
        add(&mut out, &format!("{p}vaincr"), FUTUR, Future);
        add(&mut out, &format!("{p}vaincr"), COND, Conditional);
        add(&mut out, &p, &["vainque", "vainquent"], Subjunctive);
        add(
            &mut out,
            &p,
            &["vaincu", "vaincue", "vaincus", "vaincues"],
            Participle,
        );
        add(&mut out, &p, &["vainquant"], Gerund);
    } else if ends("ndre") && (ends("aindre") || ends("eindre") || ends("oindre")) {
        let s = pre("ndre");
        add(
            &mut out,
            &s,
            &["ns", "nt", "gnons", "gnez", "gnent"],
            Present,
        );
        add(
            &mut out,
            &s,
            &[
                "gnais", "gnait", "gnions", "gnaient", "gnis", "gnit", "gnirent",
            ],
            Past,
        );
        add(&mut out, &format!("{s}ndr"), FUTUR, Future);
        add(&mut out, &format!("{s}ndr"), COND, Conditional);
        add(&mut out, &s, &["gne", "gnes", "gnent"], Subjunctive);
        add(&mut out, &s, &["nt", "nte", "nts", "ntes"], Participle);
        add(&mut out, &s, &["gnant"], Gerund);
    } else if ends("courir") {
        let s = pre("ir");
        add(&mut out, &s, &["s", "t", "ons", "ez", "ent"], Present);
        add(
            &mut out,
            &s,
            &["ais", "ait", "aient", "us", "ut", "urent"],
            Past,
        );
        add(&mut out, &format!("{s}r"), FUTUR, Future);
        add(&mut out, &format!("{s}r"), COND, Conditional);
        add(&mut out, &s, &["e", "es", "ent"], Subjunctive);
        add(&mut out, &s, &["u", "ue", "us", "ues"], Participle);
        add(&mut out, &s, &["ant"], Gerund);
    } else if ends("vrir") || ends("frir") || ends("ueillir") {
        // ouvrir, offrir, accueillir: -er endings in the present.
        let s = pre("ir");
        add(&mut out, &s, &["e", "es", "ons", "ez", "ent"], Present);
        add(
            &mut out,
            &s,
            &["ais", "ait", "aient", "is", "it", "irent"],
            Past,
        );
        let fut = if ends("ueillir") {
            format!("{s}er")
        } else {
            format!("{s}ir")
        };
        add(&mut out, &fut, FUTUR, Future);
        add(&mut out, &fut, COND, Conditional);
        add(&mut out, &s, &["e", "es", "ent"], Subjunctive);
        if ends("ueillir") {
            add(&mut out, &s, &["i", "ie", "is", "ies"], Participle);
        } else {
            let p = pre("rir");
            add(&mut out, &p, &["ert", "erte", "erts", "ertes"], Participle);
        }
        add(&mut out, &s, &["ant"], Gerund);
    } else if ends("partir") || ends("sortir") || ends("servir") || ends("mentir") || ends("sentir")
    {
        let base = pre("ir");
        let short = &base[..base.len() - 1];
        add(&mut out, short, &["s", "t"], Present);
        add(&mut out, &base, &["ons", "ez", "ent"], Present);
        add(
            &mut out,
            &base,
            &["ais", "ait", "aient", "is", "it", "irent"],
            Past,
        );
        add(&mut out, &format!("{base}ir"), FUTUR, Future);
        add(&mut out, &format!("{base}ir"), COND, Conditional);
        add(&mut out, &base, &["e", "es", "ent"], Subjunctive);
        add(&mut out, &base, &["i", "ie", "is", "ies"], Participle);
        add(&mut out, &base, &["ant"], Gerund);
    } else if ends("er") {
        er_verb(&mut out, &v);
    } else if ends("ir") {
        let s = pre("ir");
        add(
            &mut out,
            &s,
            &["is", "it", "issons", "issez", "issent"],
            Present,
        );
        add(
            &mut out,
            &s,
            &["issais", "issait", "issions", "issaient", "irent"],
            Past,
        );
        add(&mut out, &format!("{s}ir"), FUTUR, Future);
        add(&mut out, &format!("{s}ir"), COND, Conditional);
        add(&mut out, &s, &["isse", "isses", "issent"], Subjunctive);
        add(&mut out, &s, &["i", "ie", "is", "ies"], Participle);
        add(&mut out, &s, &["issant"], Gerund);
    } else if ends("re") {
        let s = pre("re");
        add(&mut out, &s, &["s", "", "t", "ons", "ez", "ent"], Present);
        add(
            &mut out,
            &s,
            &["ais", "ait", "aient", "is", "it", "irent"],
            Past,
        );
        add(&mut out, &format!("{s}r"), FUTUR, Future);
        add(&mut out, &format!("{s}r"), COND, Conditional);
        add(&mut out, &s, &["e", "es", "ent"], Subjunctive);
        add(&mut out, &s, &["u", "ue", "us", "ues"], Participle);
        add(&mut out, &s, &["ant"], Gerund);
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then((a.1 as u8).cmp(&(b.1 as u8))));
    out.dedup();
    out
}

fn er_verb(out: &mut Vec<Form>, v: &str) {
    use Tense::*;
    let s = &v[..v.len() - 2];
    // Stem before a/o: -cer -> ç (folded to c), -ger -> ge.
    let hard = if s.ends_with('g') {
        format!("{s}e")
    } else {
        s.to_string()
    };
    let mut weak = vec![s.to_string()];
    // appeler -> appelle, rejeter -> rejette, employer -> emploie
    if s.ends_with("el") || s.ends_with("et") {
        let last = &s[s.len() - 1..];
        weak.push(format!("{s}{last}"));
    }
    if let Some(p) = s.strip_suffix('y') {
        weak.push(format!("{p}i"));
    }
    for w in &weak {
        add(out, w, &["e", "es", "ent"], Present);
        add(out, w, &["e", "es", "ent"], Subjunctive);
        add(out, &format!("{w}er"), FUTUR, Future);
        add(out, &format!("{w}er"), COND, Conditional);
    }
    add(out, s, &["ons", "ez"], Present);
    add(out, &hard, &["ons"], Present);
    add(out, &hard, &["ais", "ait", "aient"], Past);
    add(out, s, &["ions", "iez"], Past);
    add(out, &hard, &["a", "ai", "as", "ames", "erent"], Past);
    add(out, s, &["erent"], Past);
    add(out, s, &["e", "ee", "es", "ees"], Participle);
    add(out, &hard, &["ant"], Gerund);
    if v == "envoyer" || v == "renvoyer" {
        let p = &v[..v.len() - "voyer".len()];
        add(out, &format!("{p}verr"), FUTUR, Future);
        add(out, &format!("{p}verr"), COND, Conditional);
    }
}

const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

/// All forms of an English verb; `irregular` lists extra past forms
/// (preterite, participle) from the lexicon.
pub fn english(lemma: &str, irregular: &[String]) -> Vec<Form> {
    use Tense::*;
    let v = fold(lemma);
    let mut out: Vec<Form> = vec![(v.clone(), Present), (v.clone(), Infinitive)];
    let chars: Vec<char> = v.chars().collect();
    let n = chars.len();
    let last = chars.last().copied().unwrap_or(' ');
    let cons_y = last == 'y' && n > 1 && !VOWELS.contains(&chars[n - 2]);
    // -s
    if v.ends_with('s')
        || v.ends_with("sh")
        || v.ends_with("ch")
        || v.ends_with('x')
        || v.ends_with('z')
        || v.ends_with('o')
    {
        out.push((format!("{v}es"), Present));
    } else if cons_y {
        out.push((format!("{}ies", &v[..v.len() - 1]), Present));
    } else {
        out.push((format!("{v}s"), Present));
    }
    // consonant-vowel-consonant ending: doubling is possible
    let cvc = n >= 3
        && !VOWELS.contains(&last)
        && !matches!(last, 'w' | 'x' | 'y')
        && VOWELS.contains(&chars[n - 2])
        && !VOWELS.contains(&chars[n - 3]);
    let mut stems_ed = vec![];
    let mut stems_ing = vec![];
    if last == 'e' {
        stems_ed.push(format!("{v}d"));
        if v.ends_with("ie") {
            stems_ing.push(format!("{}ying", &v[..v.len() - 2]));
        } else if v.ends_with("ee") || v.ends_with("ye") || v.ends_with("oe") {
            stems_ing.push(format!("{v}ing"));
        } else {
            stems_ing.push(format!("{}ing", &v[..v.len() - 1]));
        }
    } else if cons_y {
        stems_ed.push(format!("{}ied", &v[..v.len() - 1]));
        stems_ing.push(format!("{v}ing"));
    } else {
        stems_ed.push(format!("{v}ed"));
        stems_ing.push(format!("{v}ing"));
        if cvc {
            stems_ed.push(format!("{v}{last}ed"));
            stems_ing.push(format!("{v}{last}ing"));
        }
    }
    let regular = irregular.is_empty() || irregular.iter().any(|f| fold(f).ends_with("ed"));
    if regular {
        for s in stems_ed {
            out.push((s.clone(), Past));
            out.push((s, Participle));
        }
    }
    for s in stems_ing {
        out.push((s, Gerund));
    }
    for f in irregular {
        let f = fold(f);
        out.push((f.clone(), Past));
        out.push((f, Participle));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then((a.1 as u8).cmp(&(b.1 as u8))));
    out.dedup();
    out
}

/// Built-in English irregular past forms for verbs common in politics
/// reporting; the lexicon's `forms` column adds to these.
pub fn english_irregular(lemma: &str) -> &'static [&'static str] {
    match lemma {
        "meet" => &["met"],
        "hold" => &["held"],
        "give" => &["gave", "given"],
        "lead" => &["led"],
        "fight" => &["fought"],
        "take" => &["took", "taken"],
        "send" => &["sent"],
        "seek" => &["sought"],
        "break" => &["broke", "broken"],
        "withdraw" => &["withdrew", "withdrawn"],
        "speak" => &["spoke", "spoken"],
        "strike" => &["struck", "stricken"],
        "shoot" => &["shot"],
        "bring" => &["brought"],
        "go" => &["went", "gone"],
        "come" => &["came", "come"],
        "make" => &["made"],
        "tell" => &["told"],
        "beat" => &["beat", "beaten"],
        "put" | "cut" | "hit" | "set" | "let" | "bid" | "cast" | "shut" | "upset" => &[],
        "forbid" => &["forbade", "forbidden"],
        "swear" => &["swore", "sworn"],
        "throw" => &["threw", "thrown"],
        "drive" => &["drove", "driven"],
        "freeze" => &["froze", "frozen"],
        "sell" => &["sold"],
        "buy" => &["bought"],
        "win" => &["won"],
        "keep" => &["kept"],
        "leave" => &["left"],
        "pay" => &["paid"],
        "lay" => &["laid"],
        "lend" => &["lent"],
        "build" => &["built"],
        "deal" => &["dealt"],
        "begin" => &["began", "begun"],
        "undertake" => &["undertook", "undertaken"],
        "overthrow" => &["overthrew", "overthrown"],
        "shake" => &["shook", "shaken"],
        "stand" => &["stood"],
        "understand" => &["understood"],
        "forgive" => &["forgave", "forgiven"],
        "rise" => &["rose", "risen"],
        "sit" => &["sat"],
        "slay" => &["slew", "slain"],
        "spend" => &["spent"],
        "feel" => &["felt"],
        "find" => &["found"],
        "bear" => &["bore", "borne"],
        "blow" => &["blew", "blown"],
        "draw" => &["drew", "drawn"],
        "fly" => &["flew", "flown"],
        "grant" => &[],
        _ => &[],
    }
}

/// Whether `lemma`'s built-in irregular list replaces the regular past.
pub fn english_is_irregular(lemma: &str) -> bool {
    !english_irregular(lemma).is_empty()
        || matches!(
            lemma,
            "put" | "cut" | "hit" | "set" | "let" | "bid" | "cast" | "shut" | "upset"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[Form], f: &str, t: Tense) -> bool {
        forms.iter().any(|x| x.0 == f && x.1 == t)
    }

    #[test]
    fn french_paradigms() {
        let cases: &[(&str, &str, Tense)] = &[
            ("rencontrer", "rencontre", Tense::Participle),
            ("rencontrer", "rencontrera", Tense::Future),
            ("assister", "assisteraient", Tense::Conditional),
            ("menacer", "menacait", Tense::Past),
            ("soutenir", "soutenait", Tense::Past),
            ("soutenir", "soutient", Tense::Present),
            ("faire", "ferait", Tense::Conditional),
            ("rendre", "rendue", Tense::Participle),
            ("promettre", "promis", Tense::Participle),
            ("envahir", "envahissent", Tense::Present),
            ("rejoindre", "rejoindrait", Tense::Conditional),
            ("appeler", "appelle", Tense::Present),
            ("recevoir", "recu", Tense::Participle),
            ("accueillir", "accueille", Tense::Present),
            ("detruire", "detruit", Tense::Participle),
            ("combattre", "combattu", Tense::Participle),
            ("envoyer", "enverra", Tense::Future),
        ];
        for (lemma, form, tense) in cases {
            assert!(
                has(&french(lemma), form, *tense),
                "{lemma} -> {form} {tense:?}"
            );
        }
    }

    #[test]
    fn english_paradigms() {
        let cases: &[(&str, &str, Tense)] = &[
            ("criticize", "criticized", Tense::Past),
            ("criticize", "criticizing", Tense::Gerund),
            ("ban", "banned", Tense::Past),
            ("rally", "rallied", Tense::Past),
            ("push", "pushes", Tense::Present),
            ("commit", "committed", Tense::Past),
        ];
        for (lemma, form, tense) in cases {
            assert!(
                has(&english(lemma, &[]), form, *tense),
                "{lemma} -> {form} {tense:?}"
            );
        }
        let meet: Vec<String> = english_irregular("meet")
            .iter()
            .map(|s| s.to_string())
            .collect();
        let f = english("meet", &meet);
        assert!(has(&f, "met", Tense::Past) && !has(&f, "meeted", Tense::Past));
    }
}
