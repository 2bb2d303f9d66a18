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
    /// Second-order administrative division name, when known (US counties for now).
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
    "al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ech", "ed", "es", "ul", "de", "du", "des", "la", "le",
    "les", "d", "l", "of", "upon", "on", "sur", "en", "y", "del", "da", "do", "dos", "das", "di", "am", "im", "bin",
    "ibn", "bani", "beni", "the",
];

/// Arabic articles and name particles: a name next to one of them, not matched with
/// it, is part of a longer name ("Ain al-Assad", "Ali al-Salem").
const ARTICLES: &[&str] = &[
    "al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ech", "ed", "es", "ul", "bin", "ibn", "ben", "bani",
    "beni", "abu", "abou",
];

/// Capitalized words that may stand before a place name without making it part of a
/// person's or organization's name.
const LEADERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "downtown",
    "in",
    "at",
    "near",
    "from",
    "to",
    "of",
    "dans",
    "a",
    "au",
    "en",
    "de",
    "pres",
    "vers",
    "le",
    "la",
    "les",
    "the",
    "nord",
    "sud",
    "est",
    "ouest",
    "centre",
    "province",
    "region",
    "gouvernorat",
    "governorate",
    "ville",
    "city",
    "district",
    "county",
    "state",
    "etat",
    "lac",
    "lake",
    "mount",
    "mont",
    "camp",
    "base",
    "and",
    "et",
    "or",
    "ou",
    "but",
    "mais",
    "while",
    "when",
    "since",
    "depuis",
    "selon",
    "after",
    "before",
    "apres",
    "avant",
    "with",
    "avec",
    "for",
    "pour",
    "by",
    "par",
    "on",
    "sur",
    "outside",
    "across",
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
    text.slice(t.start, t.end).chars().next().is_some_and(char::is_uppercase)
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
    // "U.S.", "U.K.": single letters joined by dots.
    if gap.is_empty() && b.folded(text) == "." && a.fend - a.fstart == 1 {
        let c = toks.get(j + 2)?;
        if c.kind == TokenKind::Word && c.fstart == b.fend && c.fend - c.fstart <= 3 {
            return Some(j + 2);
        }
        return None;
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
        let acronym_start =
            t.fend - t.fstart == 1 && toks.get(i + 1).is_some_and(|p| p.fstart == t.fend && p.folded(text) == ".");
        if t.kind != TokenKind::Word || (t.fend - t.fstart < 2 && !acronym_start) || !is_upper(text, t) {
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
            let original = text.slice(t.start, toks[e - 1].end);
            let all_caps = original.chars().all(|c| !c.is_lowercase());
            let dotted = toks.get(e).is_some_and(|d| d.fstart == toks[e - 1].fend && d.folded(text) == ".");
            let short = key.replace(' ', "").len() < 3;
            if short && !all_caps && !dotted {
                continue;
            }
            let mut hits = if short {
                // "US", "UK": only countries.
                let mut h = g.lookup_key(&key);
                h.retain(|&(i, _)| g.place(i).kind == Kind::Country);
                h
            } else {
                g.candidates(&key)
            };
            // Abbreviations ("Calif.", "N.H.") match only with their dot.
            if toks.get(e).is_some_and(|d| d.fstart == toks[e - 1].fend && d.folded(text) == ".") {
                for h in g.lookup_key(&format!("{key}.")) {
                    if !hits.iter().any(|x| x.0 == h.0) {
                        hits.push(h);
                    }
                }
            }
            if !hits.is_empty() {
                out.push(Span { ti: i, tj: e, key, hits });
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
#[derive(Default, Clone)]
struct Evidence {
    /// Countries named or implied by demonyms: count of mentions.
    strong: HashMap<String, u32>,
    /// Admin1 areas named: (country, admin1 code).
    admin1: HashSet<(String, String)>,
    /// Countries of the other places' first picks.
    weak: HashMap<String, u32>,
    /// (country, admin1) of the other places' first picks: places named together tend
    /// to lie in the same state or province.
    weak_admin1: HashMap<(String, String), u32>,
    /// The span's own container: "Lebanon, Tenn." → (US, TN); "Paris, France" → (FR, "").
    container: Option<(String, String)>,
    /// "province de X": the administrative area is meant.
    region: bool,
    /// Admin1 areas among the span's own candidates: a big town named like its
    /// province ("Kirkuk") is usually the town.
    eponym: Vec<(Box<str>, Box<str>)>,
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
        Kind::Continent => 12.0,
        Kind::Country => 8.0,
        Kind::Admin1 => 5.0,
        Kind::Admin2 => 3.0,
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
    if matches!(p.kind, Kind::Place | Kind::Admin2) {
        if let Some(&n) = ev.weak_admin1.get(&(cc.to_string(), p.admin1.to_string())) {
            s += (2.0 * n as f64).min(6.0);
        }
    }
    if ev.region && matches!(p.kind, Kind::Admin1 | Kind::Admin2) {
        s += 10.0;
    }
    if p.kind == Kind::Place
        && p.population >= 100_000
        && ev.eponym.iter().any(|(c, a)| *c == p.country && *a == p.admin1)
    {
        s += 4.0;
    }
    if let Some((ccc, a1)) = &ev.container {
        if ccc == cc && (a1.is_empty() || a1.as_str() == p.admin1.as_ref()) && p.kind == Kind::Place {
            s += 25.0;
        }
    }
    s
}

/// Whether a candidate is acceptable at all given the evidence.
fn allowed(p: &Place, mk: MatchKind, ev: &Evidence) -> bool {
    match mk {
        MatchKind::Loose => ev.strong.contains_key(p.country.as_ref()),
        MatchKind::Translit => {
            p.kind != Kind::Place || p.population >= 5000 || ev.strong.contains_key(p.country.as_ref())
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

/// Folded words before a name that make it the administrative area rather than the
/// town of the same name ("la province de Bagdad").
const REGION_CUES: &[&str] = &[
    "province de",
    "gouvernorat de",
    "region de",
    "wilaya de",
    "district de",
    "etat de",
    "province of",
    "governorate of",
    "region of",
    "state of",
    "district of",
    "county of",
];

fn near_cue(text: &Text<'_>, fstart: usize) -> bool {
    cue_before(text, fstart, NEAR_CUES)
}

fn region_cue(text: &Text<'_>, fstart: usize) -> bool {
    cue_before(text, fstart, REGION_CUES)
}

fn cue_before(text: &Text<'_>, fstart: usize, cues: &[&str]) -> bool {
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
    cues.iter().any(|c| {
        tail.ends_with(c) && (tail.len() == c.len() || !tail.as_bytes()[tail.len() - c.len() - 1].is_ascii_alphabetic())
    })
}

/// Words after a name that make it part of a longer non-place name ("Dublin Road",
/// "Orange Street"), when the place is small.
fn is_word_then(text: &Text<'_>, toks: &[Token], j: usize, upper: bool) -> Option<usize> {
    let t = toks.get(j)?;
    let prev = &toks[j - 1];
    let gap = &text.folded()[prev.fend..t.fstart];
    (t.kind == TokenKind::Word && gap.chars().all(|c| c == ' ') && !gap.is_empty() && is_upper(text, t) == upper)
        .then_some(j)
}

/// Finds the places named in `text`: capitalized names (longest match first, stoplists
/// applied), candidates disambiguated by the countries and admin1 areas the document
/// names, demonyms, feature class and population. Demonyms ("irakienne", "Kenyan")
/// come out too, as country mentions with rule `demonym`: a caller coding an event's
/// location will usually skip them.
pub fn find_places(text: &Text<'_>, lang: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    let g = gazetteer;
    let toks = text.tokens();
    let mut spans = spans(text, &toks, g);

    // Lowercase uses of a word elsewhere in the text mark it as a common word.
    let lower_words: HashSet<&str> =
        toks.iter().filter(|t| t.kind == TokenKind::Word && !is_upper(text, t)).map(|t| t.folded(text)).collect();
    let strong_kind =
        |s: &Span| s.hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind != Kind::Place);
    let big = |s: &Span| s.hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).population >= 100_000);

    let medium = |s: &Span| s.hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).population >= 20_000);

    // Tokens of spans that surely are places: a neighbour of theirs is not a sign of a
    // person's name.
    let strong_tok: HashSet<usize> =
        spans.iter().filter(|s| strong_kind(s) || big(s)).flat_map(|s| s.ti..s.tj).collect();
    let demonyms = country_evidence(text, lang);
    let in_demonym = |s: &Span| {
        let (a, b) = (toks[s.ti].start, toks[s.tj - 1].end);
        demonyms.iter().any(|&(x, y, _)| x <= a && b <= y)
    };

    // Names of people and organizations: a capitalized word right before (not a sentence
    // start, not a place, not a direction or preposition), or right after a small place.
    let mut person: HashSet<String> = HashSet::new();
    spans.retain(|s| {
        // "Canadian", "German", "Syrian": the demonym, not a town of that name.
        if in_demonym(s) {
            return false;
        }
        let single = s.tj - s.ti == 1;
        if single && lower_words.contains(s.key.as_str()) && !strong_kind(s) {
            return false;
        }
        if strong_kind(s) {
            return true;
        }
        // A small place's name opening a sentence is more often a common word ("Many",
        // "Most", "Some").
        if single && sentence_initial(text, &toks, s.ti) && !medium(s) {
            return false;
        }
        if s.ti > 0 && !big(s) {
            let p = &toks[s.ti - 1];
            if is_word_then(text, &toks, s.ti, true).is_some()
                && p.kind == TokenKind::Word
                && is_upper(text, p)
                && !strong_tok.contains(&(s.ti - 1))
                && (!sentence_initial(text, &toks, s.ti - 1) || !lower_words.contains(p.folded(text)))
                && !LEADERS.contains(&p.folded(text))
            {
                person.insert(s.key.clone());
                return false;
            }
        }
        // A small place before a capitalized word: "Michael Jones", "Orange Street"
        // (but "Charleston Gold Dome Lions Club" names a place).
        if !medium(s) {
            if let Some(k) = is_word_then(text, &toks, s.tj, true) {
                if !strong_tok.contains(&k) {
                    return false;
                }
            }
        }
        true
    });
    spans.retain(|s| strong_kind(s) || !person.contains(&s.key));

    // Part of a longer name that is not in the gazetteer: "Ain" in "Ain al-Assad",
    // "Salem" in "Ali al-Salem"; acronyms ("SIM"); two unrelated names side by side
    // ("Qassem Soleimani").
    let f = text.folded();
    let connector =
        |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && ARTICLES.contains(&t.folded(text)));
    let glued = |a: usize, b: usize| toks[a].fend == toks[b].fstart;
    let partial = |s: &Span| {
        let before = s.ti >= 2 && toks[s.ti - 1].folded(text) == "-" && glued(s.ti - 1, s.ti) && connector(s.ti - 2);
        let before_word = s.ti >= 1 && connector(s.ti - 1) && {
            // "al Salem" with a space, after a capitalized word.
            s.ti >= 2 && toks[s.ti - 2].kind == TokenKind::Word && is_upper(text, &toks[s.ti - 2])
        };
        let after = connector(s.tj) && f[toks[s.tj - 1].fend..toks[s.tj].fstart].chars().all(|c| c == ' ') && {
            let mut k = s.tj + 1;
            if toks.get(k).is_some_and(|t| t.folded(text) == "-") {
                k += 1;
            }
            toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && is_upper(text, t))
        };
        before || before_word || after
    };
    let acronym = |s: &Span| {
        let o = text.slice(toks[s.ti].start, toks[s.tj - 1].end);
        o.chars().filter(|c| c.is_alphabetic()).count() <= 4 && !o.chars().any(char::is_lowercase) && s.tj - s.ti == 1
    };
    let countryish =
        |s: &Span| s.hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind == Kind::Country);
    let mut drop: Vec<bool> =
        spans.iter().map(|s| (!strong_kind(s) && partial(s)) || (acronym(s) && !countryish(s))).collect();
    for n in 1..spans.len() {
        let (a, b) = (&spans[n - 1], &spans[n]);
        if a.tj == b.ti
            && !strong_kind(a)
            && !strong_kind(b)
            && f[toks[a.tj - 1].fend..toks[b.ti].fstart].chars().all(|c| c == ' ')
        {
            drop[n - 1] = true;
            drop[n] = true;
        }
    }
    let mut keep = drop.iter().map(|d| !d);
    spans.retain(|_| keep.next().unwrap_or(true));

    // Evidence: countries named outright, and demonyms.
    let mut ev = Evidence::default();
    for (_, _, cc) in &demonyms {
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
    // Admin1 areas picked on that evidence add their country.
    let mut admin1_cc = Vec::new();
    for s in &spans {
        if let Some((i, mk, _)) = best(g, &s.hits, &ev) {
            let p = g.place(i);
            if p.kind == Kind::Admin1 && mk <= MatchKind::Alternate {
                ev.admin1.insert((p.country.to_string(), p.admin1.to_string()));
                admin1_cc.push(p.country.to_string());
            }
        }
    }
    for cc in admin1_cc {
        *ev.strong.entry(cc).or_default() += 1;
    }
    let firsts: Vec<Option<(u32, MatchKind, f64)>> = spans.iter().map(|s| best(g, &s.hits, &ev)).collect();

    let mut containers: HashMap<&str, (String, String)> = HashMap::new();
    for (n, s) in spans.iter().enumerate() {
        let Some(next) = spans.get(n + 1) else {
            continue;
        };
        let comma = toks.get(s.tj).is_some_and(|c| c.folded(text) == ",") && next.ti == s.tj + 1;
        if let (true, Some((i, _, _))) = (comma, firsts[n + 1]) {
            let p = g.place(i);
            let c = match p.kind {
                Kind::Admin1 => (p.country.to_string(), p.admin1.to_string()),
                Kind::Country => (p.country.to_string(), String::new()),
                Kind::Place | Kind::Admin2 | Kind::Continent => continue,
            };
            containers.entry(s.key.as_str()).or_insert(c);
        }
    }

    let mut out = Vec::with_capacity(spans.len());
    for (n, s) in spans.iter().enumerate() {
        let mut ev_n = ev.clone();
        for (m, f) in firsts.iter().enumerate() {
            if m != n {
                if let Some((i, _, _)) = f {
                    let p = g.place(*i);
                    *ev_n.weak.entry(p.country.to_string()).or_default() += 1;
                    if matches!(p.kind, Kind::Place | Kind::Admin2) {
                        let k = (p.country.to_string(), p.admin1.to_string());
                        *ev_n.weak_admin1.entry(k).or_default() += 1;
                    }
                }
            }
        }
        // "Lebanon, Tenn.", "Paris, France": the next span after a comma contains this
        // one, and every other mention of the same name in the document.
        ev_n.container = containers.get(s.key.as_str()).cloned();
        ev_n.region = region_cue(text, toks[s.ti].fstart);
        ev_n.eponym = s
            .hits
            .iter()
            .map(|&(i, _)| g.place(i))
            .filter(|p| p.kind == Kind::Admin1)
            .map(|p| (p.country.clone(), p.admin1.clone()))
            .collect();
        let Some((i, mk, _)) = best(g, &s.hits, &ev_n) else {
            continue;
        };
        let p = g.place(i);
        let start = toks[s.ti].start;
        let end = toks[s.tj - 1].end;
        let geo_precision = if p.kind != Kind::Place {
            3
        } else if near_cue(text, toks[s.ti].fstart) {
            2
        } else {
            1
        };
        let rule = match mk {
            MatchKind::Name => "name",
            MatchKind::Alternate => "alternate",
            MatchKind::Translit => "translit",
            MatchKind::Loose => "loose",
        };
        out.push(mention(g, p, start, end, geo_precision, rule));
    }
    // Demonyms not inside a name already found.
    for (start, end, cc) in demonyms {
        if out.iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        if let Some(p) = g.country(cc) {
            out.push(mention(g, p, start, end, 3, "demonym"));
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn mention(g: &Gazetteer, p: &Place, start: usize, end: usize, geo_precision: u8, rule: &'static str) -> PlaceMention {
    let admin1 = match p.kind {
        Kind::Admin1 => Some(p.name.to_string()),
        Kind::Place | Kind::Admin2 => g.admin1(&p.country, &p.admin1).map(|a| a.name.to_string()),
        Kind::Country | Kind::Continent => None,
    };
    let admin2 = match p.kind {
        Kind::Admin2 => Some(p.name.to_string()),
        Kind::Place => g.admin2(&p.country, &p.admin1, &p.admin2).map(|a| a.name.to_string()),
        _ => None,
    };
    PlaceMention {
        start,
        end,
        name: p.name.to_string(),
        country: p.country.to_string(),
        admin1,
        admin2,
        latitude: p.latitude,
        longitude: p.longitude,
        geonames_id: (p.geonames_id != 0).then_some(p.geonames_id),
        geo_precision,
        feature: p.feature.to_string(),
        is_country: p.kind == Kind::Country,
        rule,
    }
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
        5\tMercredi\tFR\t93\t\t44.1\t4.8\t1000\tPPL\t\n\
        6\tHamza\tIQ\t05\t\t32.1\t45.1\t3000\tPPL\t\n";

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
            vec![("Amerli".into(), "Amirli".into(), 1, "loose"), ("Irak".into(), "Iraq".into(), 3, "alternate")]
        );
        assert!(run("Une attaque à Amerli.").is_empty());
    }

    #[test]
    fn guards_against_common_words_and_names() {
        assert!(run("Orange a publié ses résultats; une orange.").is_empty());
        // A small place named like a surname, after a first name; and again alone.
        assert!(run("Le ministre Ahmed Hamza a parlé. Hamza a dit non.").is_empty());
        // Part of a longer name not in the gazetteer; two names side by side.
        assert!(run("La base Ali al-Hamza.").is_empty());
        assert!(run("mossoul en minuscules").is_empty());
    }

    #[test]
    fn offsets_are_characters() {
        let r = run("À l'été, Koweït.");
        assert_eq!(r, vec![("Koweït".into(), "Kuwait".into(), 3, "alternate")]);
    }
}
