//! The gazetteer: places, admin1 areas and countries, indexed by name keys.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use crate::key::{loose_key, name_key, translit_key};

/// The embedded gazetteer file, built by `scripts/build-gazetteer`.
static EMBEDDED: &[u8] = include_bytes!("../../../data/gazetteer/world.tsv.gz");

/// Country centres (ODbL 1.0, npm world-countries), kept apart from `world.tsv.gz`.
static COUNTRY_LATLNG: &str = include_str!("../../../data/gazetteer/country_latlng.tsv");

/// Countries whose names reach French and English news transliterated from Arabic,
/// Persian, Kurdish or Turkic languages: their entries get transliteration keys.
/// Elsewhere the keys would only add false hits ("Brian", "News").
pub const TRANSLIT_COUNTRIES: &[&str] = &[
    "IQ", "SY", "LB", "JO", "PS", "IL", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "EG", "LY", "TN", "DZ", "MA", "EH",
    "MR", "ML", "NE", "TD", "SD", "SS", "SO", "DJ", "ER", "IR", "AF", "PK", "TR", "AZ", "TM", "UZ", "TJ", "KZ", "KG",
    "BF", "NG", "SN",
];

/// Places below this population get no loose-key entry (the loose key is for names
/// where a wrong hit is unlikely).
const LOOSE_MIN_POPULATION: u64 = 20_000;

/// What kind of feature a [`Place`] is, coarsely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A populated place (GeoNames feature class P).
    Place,
    /// A second-order administrative division (for now: US counties).
    Admin2,
    /// A first-order administrative division (state, province, governorate).
    Admin1,
    /// A country.
    Country,
    /// A continent (its country is empty).
    Continent,
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// GeoNames id (0 when unknown).
    pub geonames_id: u64,
    pub name: Box<str>,
    /// ISO 3166-1 alpha-2.
    pub country: Box<str>,
    /// GeoNames admin1 code (empty for countries).
    pub admin1: Box<str>,
    /// GeoNames admin2 code.
    pub admin2: Box<str>,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    /// GeoNames feature code (`PPL`, `PPLA`, `PPLC`…), `ADM1` or `PCLI`.
    pub feature: Box<str>,
    pub kind: Kind,
}

/// How a name matched a gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The entry's main name, after folding.
    Name,
    /// One of its alternate names, after folding.
    Alternate,
    /// Through [`crate::translit_key`].
    Translit,
    /// Through [`crate::loose_key`].
    Loose,
}

/// Hits for one key: (entry index, how it matched).
pub type Hits = Vec<(u32, MatchKind)>;

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy, Debug)]
struct IdHash(u64);

impl Hasher for IdHash {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHash>>;

/// The 64-bit hash a key is indexed under. Keys are not stored: with about a million
/// keys, two distinct keys share a 64-bit hash with a probability near 1e-7, and
/// loading skips a million string allocations.
fn key_hash(key: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(key.as_bytes());
    h.finish()
}

const MULTI: u32 = 1 << 31;

fn encode(idx: u32, kind: MatchKind) -> u32 {
    (idx << 2) | kind as u32
}

fn decode(v: u32) -> (u32, MatchKind) {
    let kind = match v & 3 {
        0 => MatchKind::Name,
        1 => MatchKind::Alternate,
        2 => MatchKind::Translit,
        _ => MatchKind::Loose,
    };
    (v >> 2, kind)
}

/// Name key → hits, compactly: one hit is stored inline, more in `multi`.
#[derive(Default)]
struct NameIndex {
    map: IdMap<u32>,
    multi: Vec<Vec<u32>>,
}

impl NameIndex {
    fn insert(&mut self, key: &str, idx: u32, kind: MatchKind) {
        if key.is_empty() {
            return;
        }
        let new = encode(idx, kind);
        match self.map.entry(key_hash(key)) {
            Entry::Vacant(e) => {
                e.insert(new);
            }
            Entry::Occupied(mut e) => {
                let v = *e.get();
                if v & MULTI == 0 {
                    if v >> 2 == idx {
                        e.insert(v.min(new));
                    } else {
                        self.multi.push(vec![v, new]);
                        e.insert(MULTI | (self.multi.len() - 1) as u32);
                    }
                } else {
                    let list = &mut self.multi[(v & !MULTI) as usize];
                    if let Some(h) = list.iter_mut().find(|h| **h >> 2 == idx) {
                        *h = (*h).min(new);
                    } else {
                        list.push(new);
                    }
                }
            }
        }
    }

    fn get(&self, key: &str) -> Hits {
        match self.map.get(&key_hash(key)) {
            None => Vec::new(),
            Some(&v) if v & MULTI == 0 => vec![decode(v)],
            Some(&v) => self.multi[(v & !MULTI) as usize].iter().map(|&h| decode(h)).collect(),
        }
    }
}

/// (country, admin1 code, admin2 code).
type Admin2Key = (Box<str>, Box<str>, Box<str>);

/// A gazetteer loaded in memory with its name indexes.
pub struct Gazetteer {
    places: Vec<Place>,
    exact: NameIndex,
    translit: NameIndex,
    loose: NameIndex,
    admin1: HashMap<(Box<str>, Box<str>), u32>,
    admin2: HashMap<Admin2Key, u32>,
    countries: HashMap<Box<str>, u32>,
    max_words: usize,
    header: String,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("header", &self.header)
            .field("entries", &self.places.len())
            .field("names", &self.exact.map.len())
            .finish()
    }
}

/// An error reading a gazetteer file.
#[derive(Debug)]
pub struct Error {
    msg: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}

fn err(msg: impl Into<String>) -> Error {
    Error { msg: msg.into() }
}

/// Name and alternate names of a row: fields 1 and 9.
fn row_names(line: &str) -> impl Iterator<Item = &str> {
    let mut f = line.split('\t');
    let name = f.nth(1).unwrap_or("");
    let alts = f.nth(7).unwrap_or("");
    std::iter::once(name).chain(alts.split('|').filter(|a| !a.is_empty()))
}

fn exact_index(body: &[&str]) -> (NameIndex, usize) {
    let mut ix = NameIndex::default();
    ix.map.reserve(body.len() * 3);
    let mut max_words = 1;
    for (idx, line) in body.iter().enumerate() {
        for (i, name) in row_names(line).enumerate() {
            let mut k = name_key(name);
            if name.ends_with('.') {
                // An abbreviation ("Calif."): only matched with its dot.
                k.push('.');
            }
            max_words = max_words.max(k.split(' ').count());
            let mk = if i == 0 { MatchKind::Name } else { MatchKind::Alternate };
            ix.insert(&k, idx as u32, mk);
        }
    }
    (ix, max_words)
}

type Parsed = (Vec<Place>, NameIndex, NameIndex);

fn parse_rows(body: &[&str]) -> Result<Parsed, Error> {
    let mut places = Vec::with_capacity(body.len());
    let mut translit = NameIndex::default();
    let mut loose = NameIndex::default();
    for (n, line) in body.iter().enumerate() {
        let mut f = [""; 9];
        let mut it = line.split('\t');
        for (i, slot) in f.iter_mut().enumerate() {
            *slot = it.next().ok_or_else(|| err(format!("gazetteer: row {}: {} fields", n + 1, i)))?;
        }
        let num = |i: usize| -> Result<f64, Error> {
            f[i].parse::<f64>().map_err(|_| err(format!("gazetteer: row {}: bad number {:?}", n + 1, f[i])))
        };
        let feature = f[8];
        let kind = match feature {
            "PCLI" => Kind::Country,
            "ADM1" => Kind::Admin1,
            "ADM2" => Kind::Admin2,
            "CONT" => Kind::Continent,
            _ => Kind::Place,
        };
        let place = Place {
            geonames_id: f[0].parse().unwrap_or(0),
            name: f[1].into(),
            country: f[2].into(),
            admin1: f[3].into(),
            admin2: f[4].into(),
            latitude: num(5)?,
            longitude: num(6)?,
            population: f[7].parse().unwrap_or(0),
            feature: feature.into(),
            kind,
        };
        let idx = n as u32;
        if translit_country(f[2]) {
            let loose_ok = kind != Kind::Place || place.population >= LOOSE_MIN_POPULATION;
            for name in row_names(line) {
                let k = name_key(name);
                let t = translit_key(&k);
                if loose_ok && t.len() >= 5 {
                    loose.insert(&loose_key(&k), idx, MatchKind::Loose);
                }
                translit.insert(&t, idx, MatchKind::Translit);
            }
        }
        places.push(place);
    }
    Ok((places, translit, loose))
}

fn translit_country(cc: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| TRANSLIT_COUNTRIES.iter().copied().collect()).contains(cc)
}

impl Gazetteer {
    /// The gazetteer embedded in the crate (GeoNames cities500 with population ≥ 1000,
    /// admin1 areas and countries), parsed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::from_gzip(EMBEDDED).expect("embedded gazetteer is valid");
            g.set_country_centres(COUNTRY_LATLNG);
            g
        })
    }

    /// Replaces countries' coordinates with those of `tsv` (`ISO2 lat lon` lines, `#`
    /// comments): `world.tsv.gz` only has approximate centroids.
    pub fn set_country_centres(&mut self, tsv: &str) {
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(cc), Some(lat), Some(lon)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let (Ok(lat), Ok(lon)) = (lat.trim().parse(), lon.trim().parse()) else {
                continue;
            };
            if let Some(&i) = self.countries.get(cc) {
                let p = &mut self.places[i as usize];
                p.latitude = lat;
                p.longitude = lon;
            }
        }
    }

    /// Reads a gazetteer file in the `world.tsv.gz` format (gzip'd).
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let mut s = String::with_capacity(bytes.len() * 4);
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut s)
            .map_err(|e| err(format!("gazetteer: cannot decompress: {e}")))?;
        Gazetteer::from_tsv(&s)
    }

    /// Reads a gazetteer from its uncompressed TSV text: a `#sitrep-gazetteer` header
    /// line, then `geonameid name country admin1 admin2 lat lon population feature
    /// alternates` rows (alternates separated by `|`).
    pub fn from_tsv(s: &str) -> Result<Gazetteer, Error> {
        let mut lines = s.lines();
        let header = lines.next().unwrap_or_default();
        if !header.starts_with("#sitrep-gazetteer") {
            return Err(err("gazetteer: missing #sitrep-gazetteer header"));
        }
        let body: Vec<&str> = lines.filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        // The exact-name index (most of the work) is built on a second thread.
        let (parsed, (exact, max_words)) = std::thread::scope(|sc| {
            let h = sc.spawn(|| exact_index(&body));
            let parsed = parse_rows(&body);
            (parsed, h.join().expect("exact index thread"))
        });
        let (places, translit, loose) = parsed?;
        let mut admin1 = HashMap::new();
        let mut admin2 = HashMap::new();
        let mut countries = HashMap::new();
        for (idx, p) in places.iter().enumerate() {
            match p.kind {
                Kind::Country => {
                    countries.insert(p.country.clone(), idx as u32);
                }
                Kind::Admin1 => {
                    admin1.insert((p.country.clone(), p.admin1.clone()), idx as u32);
                }
                Kind::Admin2 => {
                    let k = (p.country.clone(), p.admin1.clone(), p.admin2.clone());
                    admin2.insert(k, idx as u32);
                }
                Kind::Place | Kind::Continent => {}
            }
        }
        Ok(Gazetteer {
            places,
            exact,
            translit,
            loose,
            admin1,
            admin2,
            countries,
            max_words: max_words.min(8),
            header: header.to_string(),
        })
    }

    /// The header line: format version and source package versions.
    pub fn header(&self) -> &str {
        &self.header
    }

    /// All entries.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Entry `idx`.
    pub fn place(&self, idx: u32) -> &Place {
        &self.places[idx as usize]
    }

    /// The most words a name has (names are matched up to this many words).
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Entries whose name or alternate name folds to the same [`name_key`] as `name`.
    pub fn lookup(&self, name: &str) -> Hits {
        self.lookup_key(&name_key(name))
    }

    /// [`Gazetteer::lookup`] for a ready [`name_key`].
    pub fn lookup_key(&self, key: &str) -> Hits {
        self.exact.get(key)
    }

    /// Entries in [`TRANSLIT_COUNTRIES`] sharing the [`translit_key`] of a [`name_key`].
    pub fn lookup_translit(&self, key: &str) -> Hits {
        self.translit.get(&translit_key(key))
    }

    /// Entries (countries, admin1 areas, places of 20,000 people or more, in
    /// [`TRANSLIT_COUNTRIES`]) sharing the
    /// [`loose_key`] of a [`name_key`].
    pub fn lookup_loose(&self, key: &str) -> Hits {
        self.loose.get(&loose_key(key))
    }

    /// All matches of a name key, best kind of match first per entry: exact, then
    /// transliteration key, then loose key.
    pub fn candidates(&self, key: &str) -> Hits {
        let mut out: Hits = self.lookup_key(key);
        if key.len() >= 4 {
            for list in [self.lookup_translit(key), self.lookup_loose(key)] {
                for h in list {
                    if !out.iter().any(|o| o.0 == h.0) {
                        out.push(h);
                    }
                }
            }
        }
        out
    }

    /// The country entry for an ISO2 code.
    pub fn country(&self, iso2: &str) -> Option<&Place> {
        self.countries.get(iso2).map(|&i| self.place(i))
    }

    /// The admin1 entry for a country and GeoNames admin1 code.
    pub fn admin1(&self, country: &str, code: &str) -> Option<&Place> {
        self.admin1.get(&(Box::from(country), Box::from(code))).map(|&i| self.place(i))
    }

    /// The admin2 entry for a country, admin1 and admin2 code (US counties for now).
    pub fn admin2(&self, country: &str, admin1: &str, code: &str) -> Option<&Place> {
        self.admin2.get(&(Box::from(country), Box::from(admin1), Box::from(code))).map(|&i| self.place(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = "#sitrep-gazetteer\tv1\ttest\n\
        99237\tIraq\tIQ\t\t\t33.34\t44.40\t26000000\tPCLI\tIrak|Republic of Iraq\n\
        99592\tAl Anbār\tIQ\t01\t\t33.42\t43.30\t558574\tADM1\tAnbar|Al-Anbar Governorate\n\
        98854\tNasiriyah\tIQ\t09\t\t31.05\t46.25\t558400\tPPLA\tAn Nasiriyah\n";

    #[test]
    fn parses_and_looks_up() {
        let g = Gazetteer::from_tsv(MINI).unwrap();
        assert_eq!(g.places().len(), 3);
        assert_eq!(g.lookup("IRAK")[0], (0, MatchKind::Alternate));
        assert_eq!(g.lookup("Iraq")[0], (0, MatchKind::Name));
        assert!(g.lookup("Nassiriyah").is_empty());
        let c = g.candidates(&name_key("Nassiriyah"));
        assert_eq!(c, vec![(2, MatchKind::Translit)]);
        assert_eq!(g.candidates(&name_key("Al-Anbar"))[0].0, 1);
        assert_eq!(g.admin1("IQ", "01").unwrap().name.as_ref(), "Al Anbār");
        assert_eq!(g.country("IQ").unwrap().geonames_id, 99237);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(Gazetteer::from_tsv("no header\n").is_err());
        assert!(Gazetteer::from_tsv("#sitrep-gazetteer\n1\tX\tIQ\n").is_err());
    }
}
