//! The toponym matcher: capitalized names looked up in the gazetteer, then disambiguated
//! with the document's evidence (countries named, demonyms, admin1 areas named).

use crate::fxhash::{FxMap, FxSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use sitrep_text::{Text, Token, TokenKind, WordList};

use crate::evidence::country_evidence;
use crate::gazetteer::{Gazetteer, Hits, Kind, MatchKind, Place};
use crate::key::{name_key, norm_folded_prefixes};

static STOP_FR: &str = include_str!("../../../data/gazetteer/stoplist_fr.txt");
static STOP_EN: &str = include_str!("../../../data/gazetteer/stoplist_en.txt");
static GIVEN_NAMES: &str = include_str!("../../../data/gazetteer/given_names.txt");
static TITLES: &str = include_str!("../../../data/gazetteer/titles.txt");

/// The name keys of a word list (one a line, `#` comments).
fn keys_of(list: &str) -> FxSet<String> {
    list.lines().filter(|l| !l.starts_with('#')).map(name_key).filter(|k| !k.is_empty()).collect()
}

fn given_names() -> &'static FxSet<String> {
    static S: OnceLock<FxSet<String>> = OnceLock::new();
    S.get_or_init(|| keys_of(GIVEN_NAMES))
}

fn titles() -> &'static FxSet<String> {
    static S: OnceLock<FxSet<String>> = OnceLock::new();
    S.get_or_init(|| keys_of(TITLES))
}

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
/// "Côte d'Ivoire", "Stratford upon Avon", the Persian "-e"/"-i-" of "Pul-e Khumri", "Qala-i-Naw").
const CONNECTORS: &WordList = &WordList::of(&[
    "e", "i", "al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ech", "ed", "es", "ul", "de", "du", "des", "la",
    "le", "les", "d", "l", "of", "upon", "on", "sur", "en", "y", "del", "da", "do", "dos", "das", "di", "am", "im",
    "bin", "ibn", "bani", "beni", "the", "s",
]);

/// Arabic articles and name particles: a name next to one of them, not matched with
/// it, is part of a longer name ("Ain al-Assad", "Ali al-Salem").
const ARTICLES: &WordList = &WordList::of(&[
    "e", "i", "al", "el", "an", "as", "ad", "ar", "at", "az", "ash", "ech", "ed", "es", "ul", "bin", "ibn", "ben",
    "bani", "beni", "abu", "abou",
]);

/// Capitalized words that may stand before a place name without making it part of a
/// person's or organization's name.
const LEADERS: &WordList = &WordList::of(&[
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
]);

/// Folded words before a place name that make the mention approximate (precision 2).
const NEAR_CUES: &Cues = &Cues::of(&[
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
]);

fn stoplist() -> &'static FxSet<String> {
    static S: OnceLock<FxSet<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut s = keys_of(STOP_FR);
        s.extend(keys_of(STOP_EN));
        s
    })
}

/// A candidate span: tokens `[ti, tj)` and its name key.
struct Span {
    ti: usize,
    tj: usize,
    key: String,
    hits: Vec<(u32, MatchKind)>,
    /// Second-order areas of that name the text does not call areas: a last resort
    /// against a town abroad.
    areas: Vec<(u32, MatchKind)>,
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
    // "St. Marys", "Mt. Pleasant", "Ft. Worth".
    if gap.is_empty() && b.folded(text) == "." && matches!(a.folded(text), "st" | "mt" | "ft") {
        let c = toks.get(j + 2)?;
        let gap2 = &f[b.fend..c.fstart];
        if c.kind == TokenKind::Word && gap2 == " " {
            return Some(j + 2);
        }
        return None;
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

/// Air bases, airports, military installations and camps.
fn is_base(p: &Place) -> bool {
    matches!(p.feature.as_ref(), "AIRB" | "AIRF" | "AIRP" | "MILB" | "INSM" | "CMP" | "CMPRF")
}

/// Folded words before a name that say it names a base or airport.
const BASE_CUES: &Cues = &Cues::of(&[
    "base de",
    "base aerienne de",
    "base militaire de",
    "aeroport de",
    "aerodrome de",
    "camp de",
    "base of",
]);

/// Whether a base cue stands before the span (`fstart`) or right after it (token `e`:
/// "air base", "airbase", "base", "airport", "airfield").
/// (`before` says whether a base cue stands before the span; asked only when needed.)
fn base_cue(text: &Text<'_>, toks: &[Token], before: impl FnOnce() -> bool, e: usize) -> bool {
    let w = |k: usize| toks.get(k).map(|t| t.folded(text)).unwrap_or("");
    matches!(w(e), "airbase" | "base" | "airport" | "airfield" | "camp")
        || (w(e) == "air" && w(e + 1) == "base")
        || before()
}

fn spans(text: &Text<'_>, toks: &[Token], g: &Gazetteer) -> Vec<Span> {
    let stop = stoplist();
    let mut out = Vec::new();
    let candidates = |k: &str| g.candidates(k);
    let mut kbuf = String::new();
    // The key with its dot ("la."), for abbreviations.
    let mut dbuf = String::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let acronym_start =
            t.fend - t.fstart == 1 && toks.get(i + 1).is_some_and(|p| p.fstart == t.fend && p.folded(text) == ".");
        if t.kind != TokenKind::Word || (t.fend - t.fstart < 2 && !acronym_start) || !t.upper {
            i += 1;
            continue;
        }
        // Possible ends: after each capitalized word (names have 8 words at most).
        let mut ends_buf = [0usize; 8];
        let mut ne = 1;
        ends_buf[0] = i + 1;
        let mut j = i;
        let mut n = 1;
        while n < g.max_words() {
            let Some(k) = next_word(text, toks, j) else {
                break;
            };
            let w = &toks[k];
            if w.upper {
                ends_buf[ne] = k + 1;
                ne += 1;
            } else if !CONNECTORS.contains(w.folded(text)) {
                break;
            }
            j = k;
            n += 1;
        }
        let mut advanced = false;
        // The cues before the name are the same for every end: looked at once.
        let base_before = std::cell::OnceCell::new();
        let region_before = std::cell::OnceCell::new();
        // The key of the longest name, and where the key of each shorter one ends in it.
        let mut cuts = [0usize; 8];
        for (c, &e) in cuts.iter_mut().zip(&ends_buf[..ne]) {
            *c = toks[e - 1].fend - t.fstart;
        }
        let mut lens = [0usize; 8];
        norm_folded_prefixes(
            &text.folded()[t.fstart..toks[ends_buf[ne - 1] - 1].fend],
            &cuts[..ne],
            &mut kbuf,
            &mut lens[..ne],
        );
        for (cut, &e) in ends_buf[..ne].iter().enumerate().rev() {
            let key: &str = &kbuf[..lens[cut]];
            // An abbreviation with its dot ("La.", "Ind.") is no stopword ("la").
            let abbreviation = toks.get(e).is_some_and(|d| d.fstart == toks[e - 1].fend && d.folded(text) == ".") && {
                dbuf.clear();
                dbuf.push_str(key);
                dbuf.push('.');
                !g.lookup_key(&dbuf).is_empty()
            };
            if stop.contains(key) && !abbreviation {
                i = e;
                advanced = true;
                break;
            }
            let original = text.slice(t.start, toks[e - 1].end);
            let all_caps = original.chars().all(|c| !c.is_lowercase());
            let dotted = toks.get(e).is_some_and(|d| d.fstart == toks[e - 1].fend && d.folded(text) == ".");
            let short = key.bytes().filter(|&b| b != b' ').count() < 3;
            if short && !all_caps && !dotted {
                continue;
            }
            // A three-letter word in lowercase letters matches a name, not a code
            // ("Act" is no "ACT").
            let code_like = !all_caps && key.len() <= 3;
            // "St. Marys", "Mt. Pleasant", "Ft. Worth".
            // (Only a key whose third byte is a space is split: no search in the others.)
            let two = if key.as_bytes().get(2) == Some(&b' ') { key.split_once(' ') } else { None };
            let expanded = match two {
                Some(("st", rest)) => Some(format!("saint {rest}")),
                Some(("mt", rest)) => Some(format!("mount {rest}")),
                Some(("ft", rest)) => Some(format!("fort {rest}")),
                _ => None,
            };
            let mut hits = if short {
                // "US", "UK": only countries; and a state's or province's postal code
                // after "Town," ("LOUISVILLE, KY", "Surrey, BC").
                let after_town = all_caps
                    && i >= 2
                    && toks[i - 1].folded(text) == ","
                    && out.last().is_some_and(|s: &Span| s.tj == i - 1);
                let mut h = g.lookup_key(key);
                h.retain(|&(i, _)| {
                    let k = g.place(i).kind;
                    k == Kind::Country || (after_town && k == Kind::Admin1)
                });
                h
            } else {
                candidates(key)
            };
            if let Some(x) = &expanded {
                // Spelled out by us: at best an alternate name.
                for (i, mk) in candidates(x) {
                    if !hits.iter().any(|y| y.0 == i) {
                        hits.push((i, mk.max(MatchKind::Alternate)));
                    }
                }
            }
            if code_like {
                hits.retain(|&(_, mk)| mk == MatchKind::Name);
            }
            // "la base d'Ain al-Assad", "Ain al-Asad air base": a base may be named
            // without its first word ("Ain", spring; "Tell", hill) in the gazetteer.
            // (Only a base among the hits, or a name of two words or more, can change.)
            if !short
                && (key.contains(' ') || hits.iter().any(|&(i, _)| is_base(g.place(i))))
                && base_cue(text, toks, || *base_before.get_or_init(|| cue_before(text, t.fstart, BASE_CUES)), e)
            {
                let mut b: Vec<(u32, MatchKind)> = hits.iter().copied().filter(|&(i, _)| is_base(g.place(i))).collect();
                if b.is_empty() {
                    if let Some((_, rest)) = key.split_once(' ') {
                        b = candidates(rest);
                        b.retain(|&(i, _)| is_base(g.place(i)));
                    }
                }
                if !b.is_empty() {
                    hits = b;
                }
            }
            // Bare admin2 names ("Oudalan", "Kaldar") where the text says an area is
            // meant: in an admin chain after another name, before "district" or
            // "upazila", after "province de".
            let area = if short { Vec::new() } else { g.lookup_area(key) };
            let mut areas = Vec::new();
            if !area.is_empty() {
                let chain_pos = i >= 2 && matches!(toks[i - 1].folded(text), "," | "(") && {
                    let p = toks[i - 2].folded(text);
                    out.last().is_some_and(|s: &Span| s.tj == i - 1)
                        || (toks[i - 2].kind == TokenKind::Word && toks[i - 2].upper)
                        || p == ")"
                        || ADMIN_UNITS.contains(p)
                        || PLACE_UNITS.contains(p)
                };
                let unit_after = toks.get(e).is_some_and(|w| ADMIN_UNITS.contains(w.folded(text)));
                // "Fife, Scotland", "Oudalan (Sahel)": a chain starts here.
                let chain_start = toks.get(e).is_some_and(|w| matches!(w.folded(text), "," | "("))
                    && toks.get(e + 1).is_some_and(|w| w.kind == TokenKind::Word && w.upper);
                // "Gazipur city", "Noakhali Sadar": a district's name before a word for
                // its seat town, when no town of that name is known, stands for that town.
                let seat_after = hits.is_empty()
                    && toks.get(e).is_some_and(|w| w.kind == TokenKind::Word && SEAT_WORDS.contains(w.folded(text)));
                if chain_pos
                    || unit_after
                    || chain_start
                    || seat_after
                    || *region_before.get_or_init(|| region_cue(text, t.fstart))
                {
                    for h in area {
                        if !hits.iter().any(|x| x.0 == h.0) {
                            hits.push(h);
                        }
                    }
                } else {
                    areas = area;
                }
            }
            // Abbreviations ("Calif.", "N.H.") match only with their dot.
            if toks.get(e).is_some_and(|d| d.fstart == toks[e - 1].fend && d.folded(text) == ".") {
                dbuf.clear();
                dbuf.push_str(key);
                dbuf.push('.');
                for h in g.lookup_key(&dbuf) {
                    if !hits.iter().any(|x| x.0 == h.0) {
                        hits.push(h);
                    }
                }
            }
            if !hits.is_empty() {
                out.push(Span { ti: i, tj: e, key: key.to_string(), hits, areas });
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

/// For each of `n` tokens, whether it is in one of `spans` (a flag a token, where a set
/// of token indexes would hash each one).
fn token_flags<'s>(n: usize, spans: impl Iterator<Item = &'s Span>) -> Vec<bool> {
    let mut flags = vec![false; n];
    for s in spans {
        flags[s.ti..s.tj].fill(true);
    }
    flags
}

/// What the whole document says about where it is, before the names vote.
#[derive(Default)]
struct Shared<'a> {
    /// Countries named or implied by demonyms: count of mentions.
    strong: FxMap<&'a str, u32>,
    /// Admin1 areas named: (country, admin1 code).
    admin1: FxSet<(&'a str, &'a str)>,
}

/// What the document says about where it is, as one name sees it: the shared parts are
/// borrowed (a name reads them many times and seldom changes them).
#[derive(Default)]
struct Evidence<'e, 'a> {
    /// Countries named or implied by demonyms: count of mentions.
    strong: Cow<'e, FxMap<&'a str, u32>>,
    /// The highest count in `strong` (0 if none).
    strong_top: u32,
    /// Admin1 areas named: (country, admin1 code).
    admin1: Cow<'e, FxSet<(&'a str, &'a str)>>,
    /// Countries of the other places' first picks.
    weak: FxMap<&'a str, u32>,
    /// (country, admin1) of the other places' first picks: places named together tend
    /// to lie in the same state or province.
    weak_admin1: FxMap<(&'a str, &'a str), u32>,
    /// Admin2 areas named: (country, admin1 code, admin2 code).
    admin2: FxSet<(&'a str, &'a str, &'a str)>,
    /// The admin chain after the span ("Watamu, Dabaso, Kilifi", "Sreepur upazila
    /// (Gazipur, Dhaka)"): the hits of each following name.
    chain: &'e [Vec<u32>],
    /// Candidates of this name that lie near a candidate of another name of the
    /// document: (entry, how many other names).
    near: Option<&'e FxMap<u32, u32>>,
    /// "province de X", "X district": the administrative area is meant.
    region: bool,
    /// The name stands in a list next to a country's name.
    country_list: bool,
    /// Admin1 areas among the span's own candidates: a big town named like its
    /// province ("Kirkuk") is usually the town.
    eponym: Vec<(&'a str, &'a str, MatchKind)>,
}

impl<'e, 'a> Evidence<'e, 'a> {
    /// The evidence of a name whose countries named are `strong`.
    fn new(strong: &'e FxMap<&'a str, u32>, admin1: &'e FxSet<(&'a str, &'a str)>) -> Self {
        Evidence {
            strong_top: strong.values().copied().max().unwrap_or(0),
            strong: Cow::Borrowed(strong),
            admin1: Cow::Borrowed(admin1),
            ..Evidence::default()
        }
    }
}

fn score(g: &Gazetteer, idx: u32, mk: MatchKind, ev: &Evidence) -> f64 {
    let p = g.place(idx);
    let mut s = (p.population as f64 + 1.0).ln() * 0.6;
    // A city of a million people is known far from its country ("Toronto" in a story
    // about Australia).
    // (Where the text says an area is meant, "(Narsingdi, Dhaka)", "la province de
    // Bagdad", neither a city's size nor its province's name speaks for it.)
    let town_meant = !ev.region;
    if p.kind == Kind::Place && p.population >= 1_000_000 && mk == MatchKind::Name && town_meant {
        s += 2.5 + 1.0 * (p.population as f64 / 1e6).ln();
    }
    if p.feature.as_ref() == "PPLX" {
        s -= 1.0;
    }
    s += match mk {
        MatchKind::Name => 3.0,
        MatchKind::Alternate => 1.5,
        MatchKind::Translit => 0.0,
        MatchKind::Loose => -2.0,
    };
    s += match p.kind {
        Kind::Continent => 12.0,
        Kind::Country => 11.0,
        // The parishes of island states ("Saint Patrick", Dominica) are no likelier
        // than the towns they are named like.
        Kind::Admin1 if p.population < 20_000 => 1.0,
        Kind::Admin1 => 5.0,
        // A town is more often meant than the district named after it, unless the
        // text says "district" ("region" below).
        Kind::Admin2 => 0.0,
        Kind::Place => match p.feature.as_ref() {
            "PPLC" => 4.0,
            "PPLA" => 2.5,
            "PPLA2" => 1.0,
            _ => 0.0,
        },
    };
    let cc = p.country.as_ref();
    // (An empty map is not asked: a string key costs a hash even there.)
    if let Some(&n) = (!ev.strong.is_empty()).then(|| ev.strong.get(cc)).flatten() {
        s += 6.0;
        if n == ev.strong_top {
            s += 2.0;
        }
    }
    if p.kind == Kind::Place && !ev.admin1.is_empty() && ev.admin1.contains(&(cc, &*p.admin1)) {
        s += 5.0;
    }
    if p.kind == Kind::Place && !ev.admin2.is_empty() && ev.admin2.contains(&(cc, &*p.admin1, &*p.admin2)) {
        s += 5.0;
    }
    if let Some(&n) = ev.near.and_then(|near| near.get(&idx)) {
        s += 2.5 * n.min(3) as f64;
    }
    if matches!(p.kind, Kind::Place | Kind::Admin2 | Kind::Admin1) {
        for (k, hits) in ev.chain.iter().enumerate() {
            if hits.iter().any(|&c| c != idx && contains(g.place(c), p)) {
                s += if k == 0 { 20.0 } else { 10.0 };
            }
        }
    }
    if let Some(&n) = (!ev.weak.is_empty()).then(|| ev.weak.get(cc)).flatten() {
        s += (n as f64).min(4.0);
    }
    // An admin1 area the document's other places lie in ("Georgia" with Atlanta).
    if p.kind == Kind::Admin1 {
        if let Some(&n) = (!ev.weak_admin1.is_empty()).then(|| ev.weak_admin1.get(&(cc, &*p.admin1))).flatten() {
            s += (4.0 * n as f64).min(8.0);
        }
    }
    if matches!(p.kind, Kind::Place | Kind::Admin2) {
        if let Some(&n) = (!ev.weak_admin1.is_empty()).then(|| ev.weak_admin1.get(&(cc, &*p.admin1))).flatten() {
            s += (2.0 * n as f64).min(6.0);
        }
    }
    if ev.region && matches!(p.kind, Kind::Admin1 | Kind::Admin2) {
        s += 10.0;
    }
    if ev.country_list && p.kind == Kind::Country {
        s += 10.0;
    }
    // ("New York" by itself is the state: the city's name is "New York City", a
    // worse match than the state's; "Kirkouk" matches city and governorate alike.)
    if p.kind == Kind::Place
        && town_meant
        && p.population >= 100_000
        && ev.eponym.iter().any(|&(c, a, amk)| c == p.country && a == p.admin1 && mk <= amk)
    {
        s += 4.0;
    }
    // The capital of a country the document names is that capital, even beside a
    // namesake town of the state the document is about ("Paris" with "France" in a
    // story from Kentucky).
    if p.feature.as_ref() == "PPLC"
        && mk == MatchKind::Name
        && town_meant
        && p.population >= 100_000
        && !ev.strong.is_empty()
        && ev.strong.contains_key(cc)
    {
        s += 10.0;
    }
    // A capital named like a state of its country: "Washington" is more often the
    // capital.
    if p.feature.as_ref() == "PPLC"
        && town_meant
        && mk == MatchKind::Name
        && ev.eponym.iter().any(|&(c, _, _)| c == p.country)
    {
        s += 5.0;
    }
    s
}

/// Great-circle distance in km between two places.
pub(crate) fn distance_km(a: &Place, b: &Place) -> f64 {
    km((a.latitude, a.longitude), (b.latitude, b.longitude))
}

/// Great-circle distance in km between two (latitude, longitude) points in degrees.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.min(1.0).sqrt().asin()
}

/// Whether `c`, named after `p` in an admin chain ("Watamu, Kilifi", "Savar (Dhaka)"),
/// can contain it: its country, its admin1 or admin2 area, or a place nearby (a town
/// named like the district it is the seat of).
fn contains(c: &Place, p: &Place) -> bool {
    if c.country != p.country {
        return false;
    }
    match c.kind {
        Kind::Country => p.kind != Kind::Country,
        Kind::Admin1 => p.kind != Kind::Admin1 && c.admin1 == p.admin1,
        // (A place whose district the gazetteer does not know may lie in any of its
        // province's.)
        Kind::Admin2 => p.kind == Kind::Place && c.admin1 == p.admin1 && (c.admin2 == p.admin2 || p.admin2.is_empty()),
        Kind::Place => {
            let d = distance_km(c, p);
            d < 60.0 || (d < 200.0 && !c.admin1.is_empty() && c.admin1 == p.admin1)
        }
        Kind::Continent => false,
    }
}

/// A name's pick: entry, how it matched, score.
type Pick = Option<(u32, MatchKind, f64)>;

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
    // A city of 200,000 people or more is better known than a province of that name in
    // another country the text gives no sign of ("Gaza": the Palestinian city, not
    // Mozambique's province).
    let city_abroad = |p: &Place| {
        hits.iter().any(|&(j, mk)| {
            let q = g.place(j);
            mk <= MatchKind::Alternate && q.kind == Kind::Place && q.population >= 200_000 && q.country != p.country
        })
    };
    hits.iter()
        .filter(|&&(i, mk)| allowed(g.place(i), mk, ev))
        .map(|&(i, mk)| {
            let p = g.place(i);
            let mut s = score(g, i, mk, ev);
            if p.kind == Kind::Admin1 && !ev.strong.contains_key(p.country.as_ref()) && city_abroad(p) {
                s -= 5.0;
            }
            (i, mk, s)
        })
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
}

/// Folded words before a name that make it the administrative area rather than the
/// town of the same name ("la province de Bagdad").
const REGION_CUES: &Cues = &Cues::of(&[
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
]);

fn near_cue(text: &Text<'_>, fstart: usize) -> bool {
    cue_before(text, fstart, NEAR_CUES)
}

/// Words after a name that make it an administrative area ("Kaldar district",
/// "Sreepur upazila", "Rapides parish"), skipped before an admin chain.
const ADMIN_UNITS: &WordList = &WordList::of(&[
    "district",
    "districts",
    "upazila",
    "upazilla",
    "county",
    "sub county",
    "subcounty",
    "province",
    "governorate",
    "region",
    "division",
    "department",
    "departement",
    "parish",
    "municipality",
    "constituency",
    "tehsil",
    "zila",
    "woreda",
    "commune",
    "prefecture",
    "lga",
    "state",
]);

/// Titles written abbreviated with a period ("Sen. Warren", "Gen. Odierno").
const ABBREVIATED_TITLES: &[&str] =
    &["sen", "gov", "mr", "mrs", "ms", "dr", "rev", "gen", "col", "lt", "capt", "sgt", "cpl", "hon", "mme", "mlle"];

/// Words after an administrative area's name that name its seat town ("Gazipur city",
/// "Meherpur Sadar": *sadar*, the headquarters subdistrict in Bangladesh and Pakistan).
const SEAT_WORDS: &WordList = &WordList::of(&["city", "town", "sadar"]);

/// Words after a place's name that make it the name of a local institution ("Dublin
/// Arts Council", "Gainesville Police Department", "Paris PD"): the place is named.
const INSTITUTIONS: &WordList = &WordList::of(&[
    "police",
    "pd",
    "sheriff",
    "fire",
    "council",
    "city",
    "county",
    "school",
    "schools",
    "high",
    "middle",
    "elementary",
    "college",
    "university",
    "library",
    "hospital",
    "department",
    "board",
    "chamber",
    "seniors",
    "senior",
    "community",
    "public",
    "township",
    "town",
    "village",
    "arts",
    "airport",
    "mayor",
    "city's",
    "residents",
    "resident",
    "man",
    "woman",
    "men",
    "women",
    "officials",
    "officers",
    "area",
    "district",
    "station",
    "center",
    "centre",
    "park",
    "museum",
    "church",
    "courthouse",
    "jail",
    "municipal",
    "regional",
    "memorial",
]);

/// Words after a name that say what kind of place it is ("Savar area", "Ashulia
/// town"), skipped before an admin chain.
const PLACE_UNITS: &WordList = &WordList::of(&[
    "area",
    "town",
    "city",
    "village",
    "villages",
    "ward",
    "location",
    "camp",
    "market",
    "township",
    "union",
    "settlement",
    "neighborhood",
    "neighbourhood",
    "locality",
    "sub",
    "centre",
    "center",
]);

/// The span after span `k` in an admin chain: after optional unit words ("district",
/// "upazila", "area") and a closing parenthesis, a comma or an opening parenthesis,
/// then the span. Also says whether an admin unit word follows span `k` at once.
fn chain_next(text: &Text<'_>, toks: &[Token], spans: &[Span], k: usize) -> (Option<usize>, bool) {
    let mut j = spans[k].tj;
    let mut unit = false;
    let mut words = 0;
    while let Some(t) = toks.get(j) {
        let w = t.folded(text);
        if t.kind == TokenKind::Word && words < 2 && (ADMIN_UNITS.contains(w) || PLACE_UNITS.contains(w)) {
            if words == 0 && ADMIN_UNITS.contains(w) {
                unit = true;
            }
            words += 1;
            j += 1;
        } else if w == "-" && words > 0 {
            j += 1;
        } else {
            break;
        }
    }
    if toks.get(j).is_some_and(|t| t.folded(text) == ")") {
        j += 1;
    }
    // "the Qala Nasro area of Qarabagh district": "of" after a unit word links too.
    let of = words > 0 && toks.get(j).is_some_and(|t| t.folded(text) == "of");
    if !of && !toks.get(j).is_some_and(|t| matches!(t.folded(text), "," | "(")) {
        return (None, unit);
    }
    // Inside a parenthesis, names the gazetteer lacks may stand before the one it knows:
    // "Dambam (Markoye, Oudalan)" reads as "Dambam (…, Oudalan)".
    let in_paren = || {
        toks[j].folded(text) == "("
            || toks[spans[k].ti.saturating_sub(12)..spans[k].ti]
                .iter()
                .rev()
                .map(|t| t.folded(text))
                .take_while(|&w| w != ")")
                .any(|w| w == "(")
    };
    let next = spans.get(k + 1).filter(|s| {
        if s.ti <= j + 1 {
            return s.ti > j;
        }
        let between = &toks[j + 1..s.ti];
        let name_or_dash = |t: &Token| (t.kind == TokenKind::Word && t.upper) || t.folded(text) == "-";
        // A unit word and its article may open the next name: "(Tin-Akoff, province de
        // l'Oudalan)", "Banh, province du Loroum", "Qarabagh, district of Kabul".
        let unit_or_article = |t: &Token| {
            let w = t.folded(text);
            ADMIN_UNITS.contains(w) || matches!(w, "de" | "du" | "des" | "la" | "l" | "d" | "'" | "of")
        };
        let units = between.iter().rev().take_while(|t| unit_or_article(t)).count();
        let names = &between[..between.len() - units];
        (units == 0 || ADMIN_UNITS.contains(between[names.len()].folded(text)))
            && units <= 4
            && (names.is_empty()
                || names.len() <= 8
                    && names.last().is_some_and(|t| t.folded(text) == ",")
                    && names.iter().filter(|t| t.folded(text) == ",").count() <= 2
                    && names.iter().all(|t| name_or_dash(t) || t.folded(text) == ",")
                    && in_paren())
    });
    (next.map(|_| k + 1), unit)
}

fn region_cue(text: &Text<'_>, fstart: usize) -> bool {
    cue_before(text, fstart, REGION_CUES)
}

/// Folded words that may stand before a name (see [`cue_before`]), with a bit for the
/// last byte of each, made at compile time.
struct Cues {
    list: &'static [&'static str],
    last: [u64; 4],
}

impl Cues {
    const fn of(list: &'static [&'static str]) -> Cues {
        let mut last = [0u64; 4];
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            assert!(!b.is_empty() && b[b.len() - 1].is_ascii(), "a cue ends with an ASCII byte");
            let x = b[b.len() - 1] as usize;
            last[x >> 6] |= 1 << (x & 63);
            i += 1;
        }
        Cues { list, last }
    }

    /// Whether some cue ends with byte `b`.
    fn may_end_with(&self, b: u8) -> bool {
        self.last[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// Whether one of `cues` ends the folded text before `fstart` (see [`cue_at_end`]).
fn cue_before(text: &Text<'_>, fstart: usize, cues: &Cues) -> bool {
    // Most names follow a word that no cue ends like: told by the last byte before the
    // name, spaces aside, where it is a visible ASCII one. Its cue, once "d'", " du",
    // " des" or an article after " de" are read as " de" (see `cue_at_end`), ends with it
    // or "e".
    let fb = &text.folded().as_bytes()[..fstart];
    let mut k = fstart;
    while k > 0 && matches!(fb[k - 1], b' ' | b'\n' | b'\t' | b'\r') {
        k -= 1;
    }
    if k > 0 && fb[k - 1].is_ascii_graphic() {
        let b = fb[k - 1];
        let to_e = matches!(b, b'\'' | b'a' | b's' | b'u');
        if !(cues.may_end_with(b) || (to_e && cues.may_end_with(b'e'))) {
            return false;
        }
    }
    cue_at_end(text, fstart, cues)
}

/// [`cue_before`] without its quick test.
fn cue_at_end(text: &Text<'_>, fstart: usize, cues: &Cues) -> bool {
    let f = &text.folded()[..fstart];
    let mut from = fstart.saturating_sub(48);
    while !f.is_char_boundary(from) {
        from += 1;
    }
    // The last 48 bytes before the name, trailing spaces trimmed, line breaks and
    // no-break spaces as spaces, a final "d'" or " du" read as "de" (no allocation:
    // this runs for every candidate name).
    let mut buf = [0u8; 64];
    let raw = f[from..].trim_end();
    let mut n = raw.len();
    if memchr::memchr2(b'\n', 0xc2, raw.as_bytes()).is_some() {
        n = 0;
        for c in raw.chars() {
            let c = if matches!(c, '\n' | '\u{a0}') { ' ' } else { c };
            n += c.encode_utf8(&mut buf[n..]).len();
        }
    } else {
        buf[..n].copy_from_slice(raw.as_bytes());
    }
    // French articles after "de" ("province de l'Oudalan", "région de la Boucle du
    // Mouhoun", "province des Balé"): the cue is "de".
    // (Only a text that ends in "'", "a" or "s" can end in one: most do not.)
    if n > 6 && matches!(buf[n - 1], b'\'' | b'a' | b's') {
        for art in [&b" l'"[..], b" la", b" les"] {
            if buf[..n].ends_with(art) && buf[..n - art.len()].ends_with(b" de") {
                n -= art.len();
                break;
            }
        }
    }
    if buf[..n].ends_with(b" des") {
        n -= 1;
    }
    if buf[..n].ends_with(b"d'") || buf[..n].ends_with(b" du") || buf[..n].ends_with(b" de") {
        buf[n - 1] = b'e';
    }
    let tail = &buf[..n];
    let Some(&last) = tail.last() else {
        return false;
    };
    cues.list.iter().any(|c| {
        let c = c.as_bytes();
        // (The last byte first: most cues differ there, and a slice compare is a call.)
        c.last() == Some(&last)
            && tail.ends_with(c)
            && (tail.len() == c.len() || !tail[tail.len() - c.len() - 1].is_ascii_alphabetic())
    })
}

/// Words after a name that make it part of a longer non-place name ("Dublin Road",
/// "Orange Street"), when the place is small.
fn is_word_then(text: &Text<'_>, toks: &[Token], j: usize, upper: bool) -> Option<usize> {
    let t = toks.get(j)?;
    let prev = &toks[j - 1];
    let gap = &text.folded()[prev.fend..t.fstart];
    (t.kind == TokenKind::Word && gap.chars().all(|c| c == ' ') && !gap.is_empty() && t.upper == upper).then_some(j)
}

/// For each span, whether it is one word that the text also writes as a lowercase word
/// ("Orange" and "une orange"). (One pass over the tokens: only a word as long as some
/// one-word span's key, and starting with the same byte, is compared.)
fn lowercase_too(text: &Text<'_>, toks: &[Token], spans: &[Span]) -> Vec<bool> {
    let mut out = vec![false; spans.len()];
    let sieve_bit = |w: &str| {
        let b = w.as_bytes();
        (b.len().wrapping_mul(31) ^ usize::from(b[0])) & 255
    };
    let mut sieve = [0u64; 4];
    let mut singles = 0;
    for s in spans.iter().filter(|s| s.tj - s.ti == 1 && !s.key.is_empty()) {
        let x = sieve_bit(&s.key);
        sieve[x >> 6] |= 1 << (x & 63);
        singles += 1;
    }
    if singles == 0 {
        return out;
    }
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.folded(text);
        let x = sieve_bit(w);
        if sieve[x >> 6] & (1 << (x & 63)) == 0 || t.upper {
            continue;
        }
        for (k, s) in spans.iter().enumerate() {
            if s.tj - s.ti == 1 && s.key == w {
                out[k] = true;
            }
        }
    }
    out
}

/// Finds the places named in `text`: capitalized names (longest match first, stoplists
/// applied), candidates disambiguated by the countries and admin1 areas the document
/// names, demonyms, feature class and population. Demonyms ("irakienne", "Kenyan")
/// come out too, as country mentions with rule `demonym`: a caller coding an event's
/// location will usually skip them.
pub fn find_places(text: &Text<'_>, lang: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    find_places_hinted(text, lang, gazetteer, &[])
}

/// [`find_places`] with countries the text is known to be about (a source's country,
/// a collection's): they weigh as a country named in the text. ACLED-style notes often
/// name only a village ("killed in Eastleigh"), which is ambiguous worldwide.
pub fn find_places_hinted(
    text: &Text<'_>,
    lang: &str,
    gazetteer: &Gazetteer,
    hint_countries: &[&str],
) -> Vec<PlaceMention> {
    find_places_with_evidence(text, gazetteer, hint_countries, &country_evidence(text, lang))
}

/// [`find_places_hinted`] with the text's demonyms already found by
/// [`country_evidence`], for callers that need them too and should not look twice.
pub fn find_places_with_evidence(
    text: &Text<'_>,
    gazetteer: &Gazetteer,
    hint_countries: &[&str],
    demonyms: &[(usize, usize, &'static str)],
) -> Vec<PlaceMention> {
    let g = gazetteer;
    let toks = text.tokens_ref();
    let mut spans = spans(text, toks, g);

    // Lowercase uses of a word elsewhere in the text mark it as a common word (asked
    // seldom, but for a word that opens a sentence: the tokens are scanned).
    let lower_word = |w: &str| toks.iter().any(|t| t.kind == TokenKind::Word && t.folded(text) == w && !t.upper);
    let strong_kind =
        |s: &Span| s.hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind != Kind::Place);
    // An admin2 area's population is the sum of its towns': it does not make the name
    // a known one.
    let pop_at_least = |s: &Span, n: u64| {
        s.hits.iter().any(|&(i, mk)| {
            let p = g.place(i);
            mk <= MatchKind::Alternate && p.kind != Kind::Admin2 && p.population >= n
        })
    };
    let big = |s: &Span| pop_at_least(s, 100_000);
    let medium = |s: &Span| pop_at_least(s, 20_000);

    // Tokens of spans that surely are places: a neighbour of theirs is not a sign of a
    // person's name.
    let strong_tok = token_flags(toks.len(), spans.iter().filter(|s| strong_kind(s) || big(s)));
    let in_demonym = |s: &Span| {
        let (a, b) = (toks[s.ti].start, toks[s.tj - 1].end);
        demonyms.iter().any(|&(x, y, _)| x <= a && b <= y)
    };

    // Names of people and organizations: a capitalized word right before (not a sentence
    // start, not a place, not a direction or preposition), or right after a small place.
    // Names also used inside a sentence: at a sentence's start they are the same name
    // ("Lawrenceburg to host…" in a headline, "…in Lawrenceburg" below).
    // (Both asked per span, by its index: the spans are kept or dropped in order.)
    let mid_sentence: Vec<bool> = {
        let keys: FxSet<&str> =
            spans.iter().filter(|s| !sentence_initial(text, toks, s.ti)).map(|s| s.key.as_str()).collect();
        spans.iter().map(|s| keys.contains(s.key.as_str())).collect()
    };
    let lower_single = lowercase_too(text, toks, &spans);
    let titled = |ti: usize| {
        // (An abbreviation's period, "Sen.", is skipped; not a sentence's, "…the judge. Columbus".)
        let k = match ti.checked_sub(1) {
            Some(k)
                if toks[k].folded(text) == "."
                    && k > 0
                    && toks[k - 1].fend == toks[k].fstart
                    && ABBREVIATED_TITLES.contains(&toks[k - 1].folded(text)) =>
            {
                k - 1
            }
            Some(k) => k,
            None => return false,
        };
        let t = &toks[k];
        let article = k > 0 && matches!(toks[k - 1].folded(text), "le" | "la" | "l" | "du" | "au" | "the");
        t.kind == TokenKind::Word && (t.upper || article) && titles().contains(t.folded(text))
    };
    let mut person: FxSet<String> = FxSet::default();
    let mut n = 0;
    spans.retain(|s| {
        n += 1;
        let n = n - 1;
        // "Canadian", "German", "Syrian": the demonym, not a town of that name.
        if in_demonym(s) {
            return false;
        }
        // A name after a title is a person's: "Senator Elizabeth Ongoro", "Gov. Jackson",
        // "le général Haftar" (a lowercase title only after an article).
        if titled(s.ti) && !s.hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind == Kind::Country)
        {
            return false;
        }
        // A given name before a capitalized word: "Michael Jones", "Roy Moore".
        if given_names().contains(s.key.as_str()) && is_word_then(text, toks, s.tj, true).is_some() {
            let w = toks[s.tj].folded(text);
            if !ADMIN_UNITS.contains(w) && !PLACE_UNITS.contains(w) && !INSTITUTIONS.contains(w) {
                return false;
            }
        }
        let single = s.tj - s.ti == 1;
        if single && lower_single[n] && !strong_kind(s) {
            return false;
        }
        if strong_kind(s) {
            return true;
        }
        // A small place's name opening a sentence is more often a common word ("Many",
        // "Most", "Some").
        let institution =
            |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && INSTITUTIONS.contains(t.folded(text)));
        // ("Férério (Déou, province de l'Oudalan)": a parenthesis after a word that
        // opens an admin chain opens no sentence.)
        let chain_paren = s.ti >= 2
            && toks[s.ti - 1].folded(text) == "("
            && toks[s.ti - 2].kind == TokenKind::Word
            && toks.get(s.tj).is_some_and(|t| matches!(t.folded(text), "," | ")"));
        if single
            && sentence_initial(text, toks, s.ti)
            && !chain_paren
            && !medium(s)
            && !institution(s.tj)
            && !mid_sentence[n]
        {
            return false;
        }
        if s.ti > 0 && !big(s) {
            let p = &toks[s.ti - 1];
            if is_word_then(text, toks, s.ti, true).is_some()
                && p.kind == TokenKind::Word
                && p.upper
                && !strong_tok[s.ti - 1]
                && (!sentence_initial(text, toks, s.ti - 1) || !lower_word(p.folded(text)))
                && !LEADERS.contains(p.folded(text))
            {
                person.insert(s.key.clone());
                return false;
            }
        }
        // A small place before a capitalized word: "Michael Jones", "Orange Street"
        // (but "Charleston Gold Dome Lions Club" names a place).
        if !medium(s) {
            if let Some(k) = is_word_then(text, toks, s.tj, true) {
                let w = toks[k].folded(text);
                if !strong_tok[k] && !ADMIN_UNITS.contains(w) && !PLACE_UNITS.contains(w) && !institution(k) {
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
        |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && ARTICLES.contains(t.folded(text)));
    let glued = |a: usize, b: usize| toks[a].fend == toks[b].fstart;
    let span_tok = token_flags(toks.len(), spans.iter());
    let hyphenated = |s: &Span| {
        // "Pobe" in "Pobe-Mengao", "Tin" in "Tin-Akoff": part of a hyphenated name not
        // in the gazetteer. The other part is a capitalized word that is no place
        // itself ("Fargo-Moorhead" are two) nor an abbreviation ("R-Marshall").
        let partner = |k: usize| {
            let t = &toks[k];
            let o = text.slice(t.start, t.end);
            t.kind == TokenKind::Word
                && t.upper
                && o.chars().any(char::is_lowercase)
                && o.chars().count() >= 3
                && !span_tok[k]
        };
        let hyphen_after = toks.get(s.tj).is_some_and(|t| t.folded(text) == "-" && t.fstart == toks[s.tj - 1].fend)
            && toks.get(s.tj + 1).is_some_and(|t| t.fstart == toks[s.tj].fend)
            && partner(s.tj + 1);
        let hyphen_before = s.ti >= 2
            && toks[s.ti - 1].folded(text) == "-"
            && glued(s.ti - 1, s.ti)
            && glued(s.ti - 2, s.ti - 1)
            && partner(s.ti - 2);
        hyphen_after || hyphen_before
    };
    let partial = |s: &Span| {
        let before = s.ti >= 2 && toks[s.ti - 1].folded(text) == "-" && glued(s.ti - 1, s.ti) && connector(s.ti - 2);
        let before_word = s.ti >= 1 && connector(s.ti - 1) && {
            // "al Salem" with a space, after a capitalized word.
            s.ti >= 2 && toks[s.ti - 2].kind == TokenKind::Word && toks[s.ti - 2].upper
        };
        let after = connector(s.tj) && f[toks[s.tj - 1].fend..toks[s.tj].fstart].chars().all(|c| c == ' ') && {
            let mut k = s.tj + 1;
            if toks.get(k).is_some_and(|t| t.folded(text) == "-") {
                k += 1;
            }
            toks.get(k).is_some_and(|t| t.kind == TokenKind::Word && t.upper)
        };
        before || before_word || after
    };
    // "Qala-i-Kohna", "Sar-e-Pul": a name glued to a particle and a name is part of
    // theirs, even when it names an area alone.
    let hyphen_particle = |s: &Span| {
        toks.get(s.tj).is_some_and(|t| t.folded(text) == "-")
            && s.tj + 2 < toks.len()
            && glued(s.tj - 1, s.tj)
            && glued(s.tj, s.tj + 1)
            && connector(s.tj + 1)
            && toks[s.tj + 2].folded(text) == "-"
            && glued(s.tj + 1, s.tj + 2)
            && toks.get(s.tj + 3).is_some_and(|t| t.kind == TokenKind::Word && t.upper)
    };
    let acronym = |s: &Span| {
        let o = text.slice(toks[s.ti].start, toks[s.tj - 1].end);
        o.chars().filter(|c| c.is_alphabetic()).count() <= 4 && !o.chars().any(char::is_lowercase) && s.tj - s.ti == 1
    };
    // Acronyms that name a country or a state ("USA", "NSW", "QLD") stay.
    let countryish = |s: &Span| {
        s.hits
            .iter()
            .any(|&(i, mk)| mk <= MatchKind::Alternate && matches!(g.place(i).kind, Kind::Country | Kind::Admin1))
    };
    let mut drop: Vec<bool> = spans
        .iter()
        .map(|s| {
            (!strong_kind(s) && partial(s))
                || hyphen_particle(s)
                || (acronym(s) && !countryish(s))
                || (hyphenated(s) && !big(s) && !countryish(s))
        })
        .collect();
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

    // Evidence: countries named outright, and demonyms. A name's own hits are not
    // evidence for itself ("Georgia" the country would otherwise vote for Georgia).
    let mut ev = Shared::default();
    for cc in hint_countries {
        *ev.strong.entry(cc).or_default() += 1;
    }
    for (_, _, cc) in demonyms {
        *ev.strong.entry(cc).or_default() += 1;
    }
    let mut own: FxMap<&str, Vec<&str>> = FxMap::default();
    for s in &spans {
        let mut seen: FxSet<&str> = FxSet::default();
        // Only a name that is also an admin1 area's ("Georgia") does not vote for its
        // own country reading.
        let admin1_too = s.hits.iter().any(|&(i, mk)| mk == MatchKind::Name && g.place(i).kind == Kind::Admin1);
        for &(i, mk) in &s.hits {
            let p = g.place(i);
            if mk <= MatchKind::Alternate && p.kind == Kind::Country && seen.insert(&p.country) {
                *ev.strong.entry(&p.country).or_default() += 1;
                if admin1_too {
                    own.entry(s.key.as_str()).or_default().push(&p.country);
                }
            }
        }
    }
    /// The countries named, without a name's own votes (`ccs`).
    fn without_own<'a>(strong: &FxMap<&'a str, u32>, ccs: &[&str]) -> FxMap<&'a str, u32> {
        let mut e = strong.clone();
        for cc in ccs {
            if let Some(n) = e.get_mut(*cc) {
                *n -= 1;
                if *n == 0 {
                    e.remove(*cc);
                }
            }
        }
        e
    }

    // Admin chains: "Watamu, Dabaso, Kilifi", "Sreepur upazila (Gazipur, Dhaka)",
    // "Kaldar district, Balkh": the names after a name contain it.
    let mut chains: FxMap<&str, Vec<Vec<u32>>> = FxMap::default();
    let mut suffix_region: Vec<bool> = vec![false; spans.len()];
    let mut unit_next: Vec<bool> = vec![false; spans.len()];
    for n in 0..spans.len() {
        let mut k = n;
        let mut chain = Vec::new();
        loop {
            let (next, unit) = chain_next(text, toks, &spans, k);
            if k == n && unit {
                suffix_region[n] = true;
            }
            let Some(m) = next else {
                break;
            };
            // "Kaldar district, Balkh": the name after a unit word and a comma is the
            // area that holds the unit.
            if k == n && unit && toks[spans[m].ti - 1].folded(text) == "," {
                unit_next[m] = true;
            }
            chain.push(spans[m].hits.iter().filter(|h| h.1 <= MatchKind::Translit).map(|h| h.0).collect());
            k = m;
            if chain.len() == 3 {
                break;
            }
        }
        // A country's name in a list of countries ("China, Japan") is no chain.
        let country =
            spans[n].hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind == Kind::Country);
        if !chain.is_empty() && !country {
            chains.entry(spans[n].key.as_str()).or_insert(chain);
        }
    }

    // Admin areas picked on that evidence add their country, and admin2 areas their
    // admin1 area.
    let mut admin_cc = Vec::new();
    // A name's own admin1 reading does not vote for its country against a town of
    // 20,000 people or more of that name abroad: "San Jose" read as Costa Rica's
    // province would otherwise make Costa Rica the document's country, and outweigh
    // the Santa Clara County and Sunnyvale it is named with.
    let mut admin_own: Vec<(&str, &str)> = Vec::new();
    // A name named again with the same candidates, while no admin1 area has been added,
    // has the same evidence and so the same pick: it is not scored again.
    let mut picked: FxMap<&str, (&Hits, Pick)> = FxMap::default();
    for s in &spans {
        let pick = match picked.get(s.key.as_str()) {
            Some(&(hits, pick)) if *hits == s.hits => pick,
            _ => {
                // Most names have no own votes to take back: the shared evidence is used as is.
                let own_strong = own.get(s.key.as_str()).map(|ccs| without_own(&ev.strong, ccs));
                let pick = best(g, &s.hits, &Evidence::new(own_strong.as_ref().unwrap_or(&ev.strong), &ev.admin1));
                picked.insert(s.key.as_str(), (&s.hits, pick));
                pick
            }
        };
        if let Some((i, mk, _)) = pick {
            let p = g.place(i);
            if mk > MatchKind::Alternate {
                continue;
            }
            if p.kind == Kind::Admin1 {
                if ev.admin1.insert((&p.country, &p.admin1)) {
                    picked.clear();
                }
                admin_cc.push(&*p.country);
                let rival_abroad = s.hits.iter().any(|&(j, jk)| {
                    let q = g.place(j);
                    jk <= MatchKind::Alternate
                        && q.country != p.country
                        && q.kind == Kind::Place
                        && q.population >= 20_000
                });
                if rival_abroad {
                    admin_own.push((s.key.as_str(), &*p.country));
                }
            }
            // Admin2 names ("Madison County") are too ambiguous to vote before the
            // other names have: they do in the rounds below.
        }
    }
    for cc in admin_cc {
        *ev.strong.entry(cc).or_default() += 1;
    }
    for (k, cc) in admin_own {
        own.entry(k).or_default().push(cc);
    }

    // Proximity: candidates of different names that lie within 50 km of each other
    // (or one inside the other's admin area) support each other.
    let mut keys: Vec<&str> = spans.iter().map(|s| s.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let key_hits: Vec<Vec<u32>> = keys
        .iter()
        .map(|k| {
            let s = spans.iter().find(|s| s.key == *k).expect("key of a span");
            let mut h: Vec<u32> = s
                .hits
                .iter()
                .filter(|&&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind != Kind::Continent)
                .map(|h| h.0)
                .collect();
            // Names of countries and admin1 areas ("California", "Nevada") are meant
            // as such: their namesake towns neither get nor give support.
            if s.hits
                .iter()
                .any(|&(i, mk)| mk == MatchKind::Name && matches!(g.place(i).kind, Kind::Country | Kind::Admin1))
            {
                h.clear();
            }
            h.truncate(40);
            h
        })
        .collect();
    let mut near: FxMap<&str, FxMap<u32, u32>> = FxMap::default();
    for (a, ha) in key_hits.iter().enumerate() {
        for &i in ha {
            let p = g.place(i);
            if !matches!(p.kind, Kind::Place | Kind::Admin2) {
                continue;
            }
            let n = key_hits
                .iter()
                .enumerate()
                .filter(|&(b, hb)| {
                    b != a
                        && hb.iter().any(|&j| {
                            let q = g.place(j);
                            match q.kind {
                                Kind::Place | Kind::Admin2 => {
                                    (q.latitude - p.latitude).abs() < 0.5
                                        && (q.longitude - p.longitude).abs() < 1.5
                                        && distance_km(p, q) < 50.0
                                }
                                _ => false,
                            }
                        })
                })
                .count();
            if n > 0 {
                near.entry(keys[a]).or_default().insert(i, n as u32);
            }
        }
    }

    // The last name of a parenthesized chain ("Biliga-Fulbe (Nassere, Bam)") is an
    // administrative area.
    let chain_end = |n: usize| {
        let s = &spans[n];
        s.ti >= 1 && toks[s.ti - 1].folded(text) == "," && toks.get(s.tj).is_some_and(|t| t.folded(text) == ")")
    };
    let region_at: Vec<bool> = (0..spans.len())
        .map(|n| region_cue(text, toks[spans[n].ti].fstart) || suffix_region[n] || chain_end(n) || unit_next[n])
        .collect();
    // A name listed with countries ("Mali, Niger, and Senegal") is read as a country
    // when it can be one, rather than a province named like it.
    let listed_gap = |a: usize, b: usize| {
        let gap = f[toks[spans[a].tj - 1].fend..toks[spans[b].ti].fstart].trim();
        matches!(gap, "," | ", and" | "and" | ", et" | "et" | ", or" | "or" | "ou" | "/")
    };
    let country_span =
        |m: usize| spans[m].hits.iter().any(|&(i, mk)| mk <= MatchKind::Alternate && g.place(i).kind == Kind::Country);
    let country_list: Vec<bool> = (0..spans.len())
        .map(|n| {
            (n > 0 && listed_gap(n - 1, n) && country_span(n - 1))
                || (n + 1 < spans.len() && listed_gap(n, n + 1) && country_span(n + 1))
        })
        .collect();
    // The countries named as each name with own votes sees them.
    let own_strong: FxMap<&str, FxMap<&str, u32>> =
        own.iter().map(|(&k, ccs)| (k, without_own(&ev.strong, ccs))).collect();
    let span_ev = |n: usize, picks: &[Option<(u32, MatchKind, f64)>]| -> Evidence {
        let s = &spans[n];
        let mut ev_n = Evidence::new(own_strong.get(s.key.as_str()).unwrap_or(&ev.strong), &ev.admin1);
        for (m, f) in picks.iter().enumerate() {
            if spans[m].key == s.key {
                continue;
            }
            let Some((i, _, _)) = f else {
                continue;
            };
            let p = g.place(*i);
            if p.kind == Kind::Admin2 && f.is_some_and(|f| f.1 <= MatchKind::Alternate) {
                let a1 = (&*p.country, &*p.admin1);
                if !ev_n.admin1.contains(&a1) {
                    ev_n.admin1.to_mut().insert(a1);
                }
                ev_n.admin2.insert((&p.country, &p.admin1, &p.admin2));
            }
            // Only confident names vote: not a small place named by one word, which
            // may be a person's name ("Evans", "Roy").
            let confident = spans[m].tj - spans[m].ti > 1
                || p.kind != Kind::Place
                || p.population >= 20_000
                || chains.contains_key(spans[m].key.as_str());
            if !confident {
                continue;
            }
            *ev_n.weak.entry(&p.country).or_default() += 1;
            if matches!(p.kind, Kind::Place | Kind::Admin2) {
                let k: (&str, &str) = (&p.country, &p.admin1);
                *ev_n.weak_admin1.entry(k).or_default() += 1;
            }
        }
        ev_n.chain = chains.get(s.key.as_str()).map_or(&[], Vec::as_slice);
        ev_n.near = near.get(s.key.as_str());
        ev_n.region = region_at[n];
        ev_n.country_list = country_list[n];
        ev_n.eponym = s
            .hits
            .iter()
            .map(|&(i, mk)| (g.place(i), mk))
            .filter(|(p, _)| p.kind == Kind::Admin1)
            .map(|(p, mk)| (&*p.country, &*p.admin1, mk))
            .collect();
        ev_n
    };
    // Picks without the other names' votes, then twice with them.
    // Mentions of one name in the same kind of context share their pick.
    let round = |picks: &[Option<(u32, MatchKind, f64)>]| -> Vec<Option<(u32, MatchKind, f64)>> {
        let mut memo: FxMap<(&str, bool), Pick> = FxMap::default();
        (0..spans.len())
            .map(|n| {
                *memo
                    .entry((spans[n].key.as_str(), region_at[n]))
                    .or_insert_with(|| best(g, &spans[n].hits, &span_ev(n, picks)))
            })
            .collect()
    };
    let none: Vec<Option<(u32, MatchKind, f64)>> = vec![None; spans.len()];
    let mut picks = round(&none);
    // A round reads only the entries and match kinds of the other names' picks, not
    // their scores: a round that leaves those as they were would give the same picks
    // again, and the rounds left are skipped. A document whose names all share one key
    // has no other names to vote: its first picks are its last.
    let entries = |p: &[Pick]| p.iter().map(|x| x.map(|(i, mk, _)| (i, mk))).collect::<Vec<_>>();
    if spans.iter().any(|s| s.key != spans[0].key) {
        for _ in 0..2 {
            let next = round(&picks);
            let settled = entries(&next) == entries(&picks);
            picks = next;
            if settled {
                break;
            }
        }
    }

    // SITREP_GEO_DEBUG=1 prints each name's best candidates and scores to stderr.
    static DEBUG: OnceLock<bool> = OnceLock::new();
    if *DEBUG.get_or_init(|| std::env::var_os("SITREP_GEO_DEBUG").is_some()) {
        for (n, s) in spans.iter().enumerate() {
            let ev_n = span_ev(n, &picks);
            let mut c: Vec<(f64, String)> = s
                .hits
                .iter()
                .filter(|&&(i, mk)| allowed(g.place(i), mk, &ev_n))
                .map(|&(i, mk)| {
                    let p = g.place(i);
                    (
                        score(g, i, mk, &ev_n),
                        format!("{} {} {} {} {:?} {}", p.name, p.country, p.admin1, p.feature, mk, p.population),
                    )
                })
                .collect();
            c.sort_by(|a, b| b.0.total_cmp(&a.0));
            c.truncate(5);
            eprintln!("{:?} chain={} region={}: {:?}", s.key, ev_n.chain.len(), ev_n.region, c);
        }
    }
    // A name whose admin chain contains none of its candidates ("Manikpur village,
    // Karimganj upazila (Kishoregonj, Dhaka)" with no Manikpur in the gazetteer's
    // Bangladesh) is placed at the first chain name that resolves, approximately.
    let mut resolved: Vec<Option<(u32, MatchKind, u8)>> = vec![None; spans.len()];
    for n in (0..spans.len()).rev() {
        let Some((i, mk, _)) = picks[n] else {
            continue;
        };
        let mut r = (i, mk, 0u8);
        if let Some(chain) = chains.get(spans[n].key.as_str()) {
            let p = g.place(i);
            let inside = chain.iter().any(|hits| hits.iter().any(|&c| c != i && contains(g.place(c), p)));
            if !inside && !matches!(p.kind, Kind::Country | Kind::Continent) {
                // The chain's names follow this one.
                let mut m = n;
                let mut found = None;
                for _ in 0..chain.len() {
                    let (next, _) = chain_next(text, toks, &spans, m);
                    let Some(k) = next else {
                        break;
                    };
                    if let Some((j, mk2, _)) = resolved[k] {
                        found = Some((j, mk2));
                        break;
                    }
                    m = k;
                }
                // Only a chain that reads as one: an admin area named after a comma, or
                // a parenthesis or unit word ("Savar upazila (Dhaka)"); not a list of
                // towns ("Paris, London").
                let paren_or_unit = {
                    let mut j = spans[n].tj;
                    while toks.get(j).is_some_and(|t| t.kind == TokenKind::Word) {
                        j += 1;
                    }
                    j > spans[n].tj || toks.get(j).is_some_and(|t| t.folded(text) == "(")
                };
                // A name that may be a state or country is in a list of them.
                let areaish = spans[n].hits.iter().any(|&(h, hk)| {
                    hk <= MatchKind::Alternate && matches!(g.place(h).kind, Kind::Admin1 | Kind::Country)
                });
                if let Some((j, mk2)) = found {
                    // After a mere comma, a city of 100,000 people is not misplaced:
                    // "Bagdad, Kirkouk et Ninive" is a list.
                    // Nor is a small town abroad before a city that seats a government:
                    // "Eastleigh, Nairobi" is a quarter of Nairobi, not the English town.
                    let q = g.place(j);
                    let seat_abroad = q.kind == Kind::Place
                        && mk2 == MatchKind::Name
                        && q.country != p.country
                        && matches!(q.feature.as_ref(), "PPLC" | "PPLA");
                    // And a city of any size is not in a province of another country:
                    // "Pensa (Pensa, Sanmatenga)" is no Russian Penza.
                    let area_abroad = matches!(q.kind, Kind::Admin1 | Kind::Admin2) && q.country != p.country;
                    // (An area of another country ends no list: "Ghaziabad district,
                    // Kunar" is no Indian district.)
                    let abroad = area_abroad && matches!(p.kind, Kind::Place | Kind::Admin2);
                    if abroad
                        || p.kind == Kind::Place
                            && !areaish
                            && (paren_or_unit
                                || (p.population < 100_000
                                    && (matches!(q.kind, Kind::Admin1 | Kind::Admin2) || seat_abroad)))
                    {
                        r = (j, mk2, 2);
                    }
                }
            }
        }
        resolved[n] = Some(r);
    }
    // The other mentions of a name its chain placed elsewhere are the same place ("Lalpur
    // upazila (Natore, Rajshahi) … in Lalpur").
    for n in 0..spans.len() {
        let (Some((i, _, 2)), Some((orig, _, _))) = (resolved[n], picks[n]) else {
            continue;
        };
        if i == orig {
            continue;
        }
        for m in 0..spans.len() {
            if m != n && spans[m].key == spans[n].key && resolved[m].is_some_and(|(j, _, f)| j == orig && f == 0) {
                resolved[m] = resolved[n];
            }
        }
    }

    // A country named outright, not only its people ("Somalis" in a story from Kenya).
    let country_named =
        picks.iter().flatten().any(|&(i, mk, _)| mk <= MatchKind::Alternate && g.place(i).kind == Kind::Country);
    // (Two such towns do not vouch for each other: "Suffolk" and "Norfolk" in a story
    // from the United Kingdom are not Virginia's because both are.)
    let area_in_named = |n: usize, ev_n: &Evidence| -> Option<&Place> {
        let (i, _, _) = resolved[n]?;
        let p = g.place(i);
        let cc = p.country.as_ref();
        if p.kind != Kind::Place
            || spans[n].areas.is_empty()
            || ev_n.strong.contains_key(cc)
            || ev_n.weak.contains_key(cc)
        {
            return None;
        }
        spans[n]
            .areas
            .iter()
            .map(|&(a, _)| g.place(a))
            .filter(|a| ev_n.strong.contains_key(a.country.as_ref()))
            .max_by_key(|a| a.population)
    };
    let first: Vec<bool> = (0..spans.len())
        .map(|n| {
            !spans[n].areas.is_empty() && resolved[n].is_some() && {
                let mut ev_n = span_ev(n, &picks);
                ev_n.weak.clear();
                area_in_named(n, &ev_n).is_some()
            }
        })
        .collect();
    let area_of: Vec<Option<&Place>> = if first.iter().any(|&f| f) {
        let others: Vec<Pick> = picks.iter().zip(&first).map(|(p, &f)| if f { None } else { *p }).collect();
        (0..spans.len()).map(|n| if first[n] { area_in_named(n, &span_ev(n, &others)) } else { None }).collect()
    } else {
        vec![None; spans.len()]
    };
    let mut out = Vec::with_capacity(spans.len());
    for (n, s) in spans.iter().enumerate() {
        let Some((i, mk, forced)) = resolved[n] else {
            continue;
        };
        let mut p = g.place(i);
        // A town abroad, in a country nothing else in the document points to, is the
        // area of that name in the country the document names: "Cornwall" in a story
        // from England is the county, not the Ontario town.
        if let Some(a) = area_of[n] {
            p = a;
        }
        let start = toks[s.ti].start;
        let end = toks[s.tj - 1].end;
        let geo_precision = if p.kind != Kind::Place {
            3
        } else if forced > 0 || near_cue(text, toks[s.ti].fstart) {
            2
        } else {
            1
        };

        // "West Africa", "Western Europe": a compass word makes a region of its own,
        // not the continent; nor, in a document that points nowhere else to its
        // country, the area or town named like the rest ("West Midlands" is no
        // Zimbabwean province, "East Bank" no Indian village; "North Texas" is in Texas).
        if p.kind != Kind::Country && compass_before(text, toks, s.ti) {
            // (The area's own pick adds its country to the strong evidence: only the
            // other names and the demonyms count here.)
            let elsewhere = || {
                span_ev(n, &picks).weak.contains_key(p.country.as_ref())
                    || demonyms.iter().any(|d| d.2 == p.country.as_ref())
            };
            // A town also named without the compass word ("East Oxford" and "Oxford") is
            // that town.
            let bare_too =
                p.kind == Kind::Place && spans.iter().any(|o| o.key == s.key && !compass_before(text, toks, o.ti));
            if p.kind == Kind::Continent || (!bare_too && !elsewhere()) {
                continue;
            }
        }
        // A small place named once, far from everything else the document names: a
        // country none of its other names or demonyms points to ("Bankura" in a story from Bangladesh
        // is a village the gazetteer lacks, not the Indian town).
        // (A name that opens a sentence, follows a comma or a word introducing a place
        // may still be a town the document is about: only a name inside running text is
        // outweighed by a single other place.)
        let bare = || {
            !sentence_initial(text, toks, s.ti)
                && toks[s.ti - 1].kind == TokenKind::Word
                && !cue_before(text, toks[s.ti].fstart, PLACE_PREPOSITIONS)
        };
        // "Kossi Province", "Sourou Province": an area's name with its unit word is its
        // full name, no variant spelling.
        let mk_seen = if mk == MatchKind::Alternate
            && matches!(p.kind, Kind::Admin1 | Kind::Admin2)
            && ADMIN_UNITS.contains(toks[s.tj - 1].folded(text))
        {
            MatchKind::Name
        } else {
            mk
        };
        if spans.iter().filter(|o| o.key == s.key).count() == 1
            && foreign_outlier(p, mk_seen, || span_ev(n, &picks), bare)
        {
            continue;
        }
        // A village abroad in a story about another country.
        if country_named && stray_village(p, || span_ev(n, &picks)) {
            continue;
        }
        let rule = match mk {
            MatchKind::Name => "name",
            MatchKind::Alternate => "alternate",
            MatchKind::Translit => "translit",
            MatchKind::Loose => "loose",
        };
        out.push(mention(g, p, start, end, geo_precision, rule));
    }
    // Demonyms not inside a name already found.
    for &(start, end, cc) in demonyms {
        if out.iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        // "Indian Ocean", "Arabian Sea", "Persian Gulf": a body of water.
        if water_after(text, toks, end) {
            continue;
        }
        if let Some(p) = g.country(cc) {
            out.push(mention(g, p, start, end, 3, "demonym"));
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Whether `p` lies in a country none of the document's evidence points to, while two
/// or more of its other places point elsewhere (demonyms alone do not: "la frontière malienne" in a
/// story from Burkina Faso), and is no city known far from its country.
/// (`ev` gives the name's evidence: built only for a place that may be an outlier.)
fn foreign_outlier<'e, 'a: 'e>(
    p: &Place,
    mk: MatchKind,
    ev: impl FnOnce() -> Evidence<'e, 'a>,
    bare: impl FnOnce() -> bool,
) -> bool {
    if !(matches!(p.kind, Kind::Place | Kind::Admin2 | Kind::Admin1)
        && p.population < 1_000_000
        && p.feature.as_ref() != "PPLC")
    {
        return false;
    }
    let ev = &ev();
    // A variant spelling ("Inata" for Japan's Inada) in a document that names another
    // country or its people is the other country's village the gazetteer lacks.
    // With no evidence at all, a variant spelling of a town abroad is no better a guess.
    let variant = mk > MatchKind::Name;
    // A small town abroad named in running text ("a Jubilee rally" in a story from
    // Kilifi) is outweighed by one other place of the document.
    let others = ev.weak.values().sum::<u32>();
    let elsewhere = others >= 2
        || (others == 1 && p.population < 20_000 && bare())
        || (variant && (!ev.strong.is_empty() || !ev.weak.is_empty()))
        || (variant && p.population < 100_000 && ev.strong.is_empty() && ev.weak.is_empty());
    elsewhere && !ev.strong.contains_key(p.country.as_ref()) && !ev.weak.contains_key(p.country.as_ref())
}

/// Whether `p` is a village, small town or small district (under 20,000 people) in a
/// country the document neither names nor points to by its other places, while it
/// names another country outright (`country_named` above) and points to it twice or
/// more: "the Indonesian island of Java" is no village of Georgia, "Heathrow" in a
/// story from England no Florida town, however often named. The gazetteer lacks the
/// place meant (an island, an airport, a former province), and no reading beats one
/// on another continent.
fn stray_village<'e, 'a: 'e>(p: &Place, ev: impl FnOnce() -> Evidence<'e, 'a>) -> bool {
    if !(matches!(p.kind, Kind::Place | Kind::Admin2) && p.population < 20_000 && p.feature.as_ref() != "PPLC") {
        return false;
    }
    let ev = &ev();
    ev.strong_top >= 2 && !ev.strong.contains_key(p.country.as_ref()) && !ev.weak.contains_key(p.country.as_ref())
}

/// Folded words that introduce a place's name.
const PLACE_PREPOSITIONS: &Cues =
    &Cues::of(&["in", "at", "near", "from", "outside", "a", "au", "aux", "en", "dans", "pres de"]);

/// Capitalized compass and position words that make a region name with the next word.
const COMPASS: &WordList = &WordList::of(&[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "upper",
    "lower",
    "middle",
]);

/// Whether token `ti` follows a capitalized compass word, one space apart.
fn compass_before(text: &Text<'_>, toks: &[Token], ti: usize) -> bool {
    let Some(p) = ti.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    p.kind == TokenKind::Word
        && p.upper
        && COMPASS.contains(p.folded(text))
        && &text.folded()[p.fend..toks[ti].fstart] == " "
}

/// Whether the word after original offset `end` is a capitalized "Ocean", "Sea" or "Gulf".
fn water_after(text: &Text<'_>, toks: &[Token], end: usize) -> bool {
    let Some(k) = toks.iter().position(|t| t.start >= end) else {
        return false;
    };
    let t = &toks[k];
    t.kind == TokenKind::Word && t.upper && matches!(t.folded(text), "ocean" | "sea" | "gulf")
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

    #[test]
    fn the_quick_test_of_cues_rules_out_no_cue() {
        // Before every token of texts that end in cues, near-cues, articles and spaces
        // of every kind: the quick test and the whole reading agree.
        let texts = [
            "près de Mossoul, au nord de  Kirkouk, dans la province de l'Oudalan et la region des Bale",
            "a la base aerienne d'Ain al-Assad; north of\nKabul, outside of\u{a0}Herat, 5 km from Gao",
            "the state of\tTexas, the county of\x0bOrange, governorate of Basra; pres de la Tapoa",
            "in Paris, at Lyon, from Ouaga, aux Cayes, en Irak, dans Bamako, du Loroum, des Bale.",
            "Wilaya de Tiaret, camp de Mentao (base of Gao), aeroport d'Agadez: l'Oudalan, les Bale",
        ];
        let lists = [NEAR_CUES, REGION_CUES, BASE_CUES, PLACE_PREPOSITIONS];
        let mut cues_found = 0;
        for s in texts {
            let t = Text::new(s);
            for tok in t.tokens_ref() {
                for cues in lists {
                    let whole = cue_at_end(&t, tok.fstart, cues);
                    assert_eq!(cue_before(&t, tok.fstart, cues), whole, "{s:?} at {}", tok.fstart);
                    cues_found += usize::from(whole);
                }
            }
        }
        assert!(cues_found > 20, "{cues_found}");
    }

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
