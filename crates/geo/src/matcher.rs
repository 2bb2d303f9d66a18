//! The toponym matcher: capitalized names looked up in the gazetteer, then disambiguated
//! with the document's evidence (countries named, demonyms, admin1 areas named).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use sitrep_text::{Text, Token, TokenKind};

use crate::evidence::country_evidence;
use crate::gazetteer::{Gazetteer, Kind, MatchKind, Place};
use crate::key::{name_key, norm_folded};

static STOP_FR: &str = include_str!("../../../data/gazetteer/stoplist_fr.txt");
static STOP_EN: &str = include_str!("../../../data/gazetteer/stoplist_en.txt");

/// A place named in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Original character offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The gazetteer's name of the place.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// First-order administrative division name, when known.
    pub admin1: Option<String>,
    /// Second-order administrative division name, when known (not yet in the gazetteer).
    pub admin2: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub geonames_id: Option<u64>,
    /// ACLED geo precision: 1 the place, 2 near it, 3 a region or country.
    pub geo_precision: u8,
    /// GeoNames feature code (`PPLA`, `PPLC`…), `ADM1` or `PCLI`.
    pub feature: String,
    pub is_country: bool,
    /// How the name matched: `name`, `alternate`, `translit` or `loose`.
    pub rule: &'static str,
}

/// Lowercase words that may stand inside a multi-word name ("Jurf al-Nasr",
/// "Côte d'Ivoire", "Stratford upon Avon").
const CONNECTORS: &[&str] = &[
    "al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ech", "ed", "es", "ul", "de", "du",
    "des", "la", "le", "les", "d", "l", "of", "upon", "on", "sur", "en", "y", "del", "da", "do",
    "dos", "das", "di", "am", "im", "bin", "ibn", "bani", "beni", "the",
];

/// Capitalized words that may stand before a place name without making it part of a
/// person's or organization's name.
const LEADERS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "downtown", "in", "at", "near", "from", "to", "of", "dans",
    "a", "au", "en", "de", "pres", "vers", "le", "la", "les", "the", "nord", "sud", "est",
    "ouest", "centre", "province", "region", "gouvernorat", "governorate", "ville", "city",
    "district", "county", "state", "etat", "lac", "lake", "mount", "mont", "camp", "base",
    "and", "et", "or", "ou", "but", "mais", "while", "when", "since", "depuis", "selon",
    "after", "before", "apres", "avant", "with", "avec", "for", "pour", "by", "par", "on",
    "sur", "outside", "across",
];

/// Folded words before a place name that make the mention approximate (precision 2).
const NEAR_CUES: &[&str] = &[
    "pres de",
    "non loin de",
    "aux environs de",
    "dans les environs de",
    "a proximite de",
    "au nord de",
    "au sud de",
    "a l'est de",
    "a l'ouest de",
    "au nord-est de",
    "au nord-ouest de",
    "au sud-est de",
    "au sud-ouest de",
    "region de",
    "peripherie de",
    "banlieue de",
    "alentours de",
    "km de",
    "kilometres de",
    "au large de",
    "near",
    "nearby",
    "outside",
    "outside of",
    "outskirts of",
    "north of",
    "south of",
    "east of",
    "west of",
    "northeast of",
    "northwest of",
    "southeast of",
    "southwest of",
    "north-east of",
    "north-west of",
    "south-east of",
    "south-west of",
    "km from",
    "kilometers from",
    "kilometres from",
    "miles from",
    "vicinity of",
    "close to",
    "region of",
    "area of",
    "suburb of",
    "suburbs of",
    "outskirts",
];

fn stoplist() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| {
        STOP_FR
            .lines()
            .chain(STOP_EN.lines())
            .filter(|l| !l.starts_with('#'))
            .map(name_key)
            .filter(|k| !k.is_empty())
            .collect()
    })
}

/// A candidate span: tokens `[ti, tj)` and its name key.
struct Span {
    ti: usize,
    tj: usize,
    key: String,
    hits: Vec<(u32, MatchKind)>,
}

fn is_upper(text: &Text<'_>, t: &Token) -> bool {
    text.slice(t.start, t.end)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether token `i` starts a sentence (nothing before it, or a sentence end, quote or
/// line break).
fn sentence_initial(text: &Text<'_>, toks: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let p = &toks[i - 1];
    let gap = &text.folded()[p.fend..toks[i].fstart];
    if gap.contains('\n') {
        return true;
    }
    p.kind == TokenKind::Punct && matches!(p.folded(text), "." | "!" | "?" | "\"" | ":" | "(")
}

/// The separator between tokens `a` and `b` inside a name: spaces, or one `-`/`'`
/// standing right between them. Returns the index of the next word token.
fn next_word(text: &Text<'_>, toks: &[Token], j: usize) -> Option<usize> {
    let f = text.folded();
    let a = &toks[j];
    let b = toks.get(j + 1)?;
    let gap = &f[a.fend..b.fstart];
    if b.kind == TokenKind::Word {
        return (!gap.is_empty() && gap.chars().all(|c| c == ' ')).then_some(j + 1);
    }
    if gap.is_empty() && matches!(b.folded(text), "-" | "'") {
        let c = toks.get(j + 2)?;
        if c.kind == TokenKind::Word && c.fstart == b.fend {
            return Some(j + 2);
        }
    }
    None
}

fn spans(text: &Text<'_>, toks: &[Token], g: &Gazetteer) -> Vec<Span> {
    let stop = stoplist();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != TokenKind::Word || t.fend - t.fstart < 2 || !is_upper(text, t) {
            i += 1;
            continue;
        }
        // Possible ends: after each capitalized word.
        let mut ends: Vec<usize> = vec![i + 1];
        let mut j = i;
        let mut n = 1;
        while n < g.max_words() {
            let Some(k) = next_word(text, toks, j) else {
                break;
            };
            let w = &toks[k];
            if is_upper(text, w) {
                ends.push(k + 1);
            } else if !CONNECTORS.contains(&w.folded(text)) {
                break;
            }
            j = k;
            n += 1;
        }
        let mut advanced = false;
        for &e in ends.iter().rev() {
            let key = norm_folded(&text.folded()[t.fstart..toks[e - 1].fend]);
            if stop.contains(&key) {
                i = e;
                advanced = true;
                break;
            }
            if key.len() < 3 {
                continue;
            }
            let hits = g.candidates(&key);
            if !hits.is_empty() {
                out.push(Span {
                    ti: i,
                    tj: e,
                    key,
                    hits,
                });
                i = e;
                advanced = true;
                break;
            }
        }
        if !advanced {
            i += 1;
        }
    }
    out
}

/// What the document says about where it is.
#[derive(Default)]
struct Evidence {
    /// Countries named or implied by demonyms: count of mentions.
    strong: HashMap<String, u32>,
    /// Admin1 areas named: (country, admin1 code).
    admin1: HashSet<(String, String)>,
    /// Countries of the other places' first picks.
    weak: HashMap<String, u32>,
}

fn score(g: &Gazetteer, idx: u32, mk: MatchKind, ev: &Evidence) -> f64 {
    let p = g.place(idx);
    let mut s = (p.population as f64 + 1.0).ln() * 0.6;
    s += match mk {
        MatchKind::Name => 3.0,
        MatchKind::Alternate => 1.5,
        MatchKind::Translit => 0.0,
        MatchKind::Loose => -2.0,
    };
    s += match p.kind {
        Kind::Country => 10.0,
        Kind::Admin1 => 5.0,
        Kind::Place => match p.feature.as_ref() {
            "PPLC" => 4.0,
            "PPLA" => 2.5,
            "PPLA2" => 1.0,
            _ => 0.0,
        },
    };
    let cc = p.country.as_ref();
    if ev.strong.contains_key(cc) {
        s += 6.0;
        let top = ev.strong.values().copied().max().unwrap_or(0);
        if ev.strong.get(cc) == Some(&top) {
            s += 2.0;
        }
    }
    if p.kind == Kind::Place && ev.admin1.contains(&(cc.to_string(), p.admin1.to_string())) {
        s += 5.0;
    }
    if let Some(&n) = ev.weak.get(cc) {
        s += (n as f64).min(4.0);
    }
    s
}

/// Whether a candidate is acceptable at all given the evidence.
fn allowed(p: &Place, mk: MatchKind, ev: &Evidence) -> bool {
    match mk {
        MatchKind::Loose => {
            p.kind == Kind::Country || ev.strong.contains_key(p.country.as_ref())
        }
        MatchKind::Translit => {
            p.kind != Kind::Place
                || p.population >= 5000
                || ev.strong.contains_key(p.country.as_ref())
        }
        _ => true,
    }
}

fn best(g: &Gazetteer, hits: &[(u32, MatchKind)], ev: &Evidence) -> Option<(u32, MatchKind, f64)> {
    hits.iter()
        .filter(|&&(i, mk)| allowed(g.place(i), mk, ev))
        .map(|&(i, mk)| (i, mk, score(g, i, mk, ev)))
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
}

fn near_cue(text: &Text<'_>, fstart: usize) -> bool {
    let f = &text.folded()[..fstart];
    let mut from = fstart.saturating_sub(48);
    while !f.is_char_boundary(from) {
        from += 1;
    }
    let mut tail = f[from..].trim_end().replace(['\n', '\u{a0}'], " ");
    if let Some(t) = tail.strip_suffix("d'") {
        tail = format!("{t}de");
    } else if let Some(t) = tail.strip_suffix(" du") {
        tail = format!("{t} de");
    }
    NEAR_CUES.iter().any(|c| {
        tail.ends_with(c)
            && (tail.len() == c.len() || !tail.as_bytes()[tail.len() - c.len() - 1].is_ascii_alphabetic())
    })
}

/// Finds the places named in `text`: capitalized names (longest match first, stoplists
/// applied), candidates disambiguated by the countries and admin1 areas the document
/// names, demonyms, feature class and population.
pub fn find_places(text: &Text<'_>, lang: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    let g = gazetteer;
    let toks = text.tokens();
    let mut spans = spans(text, &toks, g);

    // Lowercase uses of a word elsewhere in the text mark it as a common word.
    let lower_words: HashSet<&str> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !is_upper(text, t))
        .map(|t| t.folded(text))
        .collect();
    let in_span: HashSet<usize> = spans.iter().flat_map(|s| s.ti..s.tj).collect();

    spans.retain(|s| {
        let single = s.tj - s.ti == 1;
        let strong_kind = s
            .hits
            .iter()
            .any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind != Kind::Place);
        if single && lower_words.contains(s.key.as_str()) && !strong_kind {
            return false;
        }
        // A capitalized word right before (not a sentence start, not a place, not a
        // direction or preposition): part of a person's or organization's name.
        if s.ti > 0 && !strong_kind {
            let p = &toks[s.ti - 1];
            let f = text.folded();
            let gap = &f[p.fend..toks[s.ti].fstart];
            if p.kind == TokenKind::Word
                && gap.chars().all(|c| c == ' ')
                && is_upper(text, p)
                && !in_span.contains(&(s.ti - 1))
                && !sentence_initial(text, &toks, s.ti - 1)
                && !LEADERS.contains(&p.folded(text))
            {
                return false;
            }
        }
        true
    });

    // Evidence: countries and admin1 areas named outright, and demonyms.
    let mut ev = Evidence::default();
    for (_, _, cc) in country_evidence(text, lang) {
        *ev.strong.entry(cc.to_string()).or_default() += 1;
    }
    for s in &spans {
        for &(i, mk) in &s.hits {
            let p = g.place(i);
            if mk <= MatchKind::Alternate && p.kind == Kind::Country {
                *ev.strong.entry(p.country.to_string()).or_default() += 1;
            }
        }
    }
    for s in &spans {
        if let Some((i, mk, _)) = best(g, &s.hits, &ev) {
            let p = g.place(i);
            if p.kind == Kind::Admin1 && mk <= MatchKind::Alternate {
                ev.admin1
                    .insert((p.country.to_string(), p.admin1.to_string()));
            }
        }
    }
    let firsts: Vec<Option<(u32, MatchKind, f64)>> =
        spans.iter().map(|s| best(g, &s.hits, &ev)).collect();

    let mut out = Vec::with_capacity(spans.len());
    for (n, s) in spans.iter().enumerate() {
        // Weak evidence: the other spans' first picks.
        let mut weak: HashMap<String, u32> = HashMap::new();
        for (m, f) in firsts.iter().enumerate() {
            if m != n {
                if let Some((i, _, _)) = f {
                    *weak.entry(g.place(*i).country.to_string()).or_default() += 1;
                }
            }
        }
        let ev_n = Evidence {
            strong: ev.strong.clone(),
            admin1: ev.admin1.clone(),
            weak,
        };
        let Some((i, mk, _)) = best(g, &s.hits, &ev_n) else {
            continue;
        };
        let p = g.place(i);
        let start = toks[s.ti].start;
        let end = toks[s.tj - 1].end;
        let admin1 = match p.kind {
            Kind::Admin1 => Some(p.name.to_string()),
            Kind::Place => g.admin1(&p.country, &p.admin1).map(|a| a.name.to_string()),
            Kind::Country => None,
        };
        let geo_precision = if p.kind != Kind::Place {
            3
        } else if near_cue(text, toks[s.ti].fstart) {
            2
        } else {
            1
        };
        out.push(PlaceMention {
            start,
            end,
            name: p.name.to_string(),
            country: p.country.to_string(),
            admin1,
            admin2: None,
            latitude: p.latitude,
            longitude: p.longitude,
            geonames_id: (p.geonames_id != 0).then_some(p.geonames_id),
            geo_precision,
            feature: p.feature.to_string(),
            is_country: p.kind == Kind::Country,
            rule: match mk {
                MatchKind::Name => "name",
                MatchKind::Alternate => "alternate",
                MatchKind::Translit => "translit",
                MatchKind::Loose => "loose",
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "#sitrep-gazetteer\tv1\ttest\n\
        99237\tIraq\tIQ\t\t\t33.34\t44.40\t26000000\tPCLI\tIrak\n\
        285570\tKuwait\tKW\t\t\t29.37\t47.98\t1698635\tPCLI\tKoweït\n\
        99592\tAl Anbār\tIQ\t01\t\t33.42\t43.30\t558574\tADM1\tAnbar|Al-Anbar Governorate\n\
        98854\tNasiriyah\tIQ\t09\t\t31.05\t46.25\t558400\tPPLA\tAn Nasiriyah\n\
        99072\tMosul\tIQ\t15\t\t36.33\t43.11\t1683000\tPPLA\tMossoul\n\
        1\tMosul\tUS\tTX\t\t30.0\t-95.0\t1200\tPPL\t\n\
        2\tJurf al Nasr\tIQ\t06\t\t32.8\t44.2\t30000\tPPL\t\n\
        3\tOrange\tFR\t93\t\t44.1\t4.8\t29000\tPPL\t\n\
        4\tAmirli\tIQ\t18\t\t34.7\t44.6\t25000\tPPL\t\n\
        5\tMercredi\tFR\t93\t\t44.1\t4.8\t1000\tPPL\t\n";

    fn run(s: &str) -> Vec<(String, String, u8, &'static str)> {
        let g = Gazetteer::from_tsv(MINI).unwrap();
        let t = Text::new(s);
        find_places(&t, "fr", &g)
            .into_iter()
            .map(|m| (t.slice(m.start, m.end).to_string(), m.name, m.geo_precision, m.rule))
            .collect()
    }

    #[test]
    fn finds_french_spellings() {
        let r = run("Mercredi, près de Nassiriyah en Irak, puis à Jurf al-Nasr et Mossoul.");
        assert_eq!(
            r,
            vec![
                ("Nassiriyah".into(), "Nasiriyah".into(), 2, "translit"),
                ("Irak".into(), "Iraq".into(), 3, "alternate"),
                ("Jurf al-Nasr".into(), "Jurf al Nasr".into(), 1, "name"),
                ("Mossoul".into(), "Mosul".into(), 1, "alternate"),
            ]
        );
    }

    #[test]
    fn country_evidence_picks_the_candidate() {
        let g = Gazetteer::from_tsv(MINI).unwrap();
        let t = Text::new("Les forces irakiennes sont entrées dans Mosul.");
        let m = find_places(&t, "fr", &g);
        assert_eq!(m[0].country, "IQ");
        assert_eq!(m[0].admin1, None);
    }

    #[test]
    fn loose_key_needs_the_country() {
        assert_eq!(
            run("Une attaque à Amerli, en Irak."),
            vec![
                ("Amerli".into(), "Amirli".into(), 1, "loose"),
                ("Irak".into(), "Iraq".into(), 3, "alternate")
            ]
        );
        assert!(run("Une attaque à Amerli.").is_empty());
    }

    #[test]
    fn guards_against_common_words_and_names() {
        assert!(run("Orange a publié ses résultats; une orange.").is_empty());
        assert!(run("Le ministre Ahmed Mosul a parlé.").is_empty());
        assert!(run("mossoul en minuscules").is_empty());
    }

    #[test]
    fn offsets_are_characters() {
        let r = run("À l'été, Koweït.");
        assert_eq!(r, vec![("Koweït".into(), "Kuwait".into(), 3, "alternate")]);
    }
}
