//! The gazetteer: places, admin1 areas and countries, indexed by name keys.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use crate::key::{loose_key, name_key, translit_key};

/// The embedded gazetteer file, built by `scripts/build-gazetteer`.
static EMBEDDED: &[u8] = include_bytes!("../../../data/gazetteer/world.tsv.gz");

/// Places below this population get no loose-key entry (the loose key is for names
/// where a wrong hit is unlikely).
const LOOSE_MIN_POPULATION: u64 = 20_000;

/// What kind of feature a [`Place`] is, coarsely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A populated place (GeoNames feature class P).
    Place,
    /// A first-order administrative division (state, province, governorate).
    Admin1,
    /// A country.
    Country,
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

/// FxHash (rustc's hasher): the keys are short strings, not attacker-chosen.
#[derive(Default, Clone, Copy, Debug)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A gazetteer loaded in memory with its name indexes.
pub struct Gazetteer {
    places: Vec<Place>,
    exact: FxMap<Box<str>, Hits>,
    translit: FxMap<Box<str>, Hits>,
    loose: FxMap<Box<str>, Hits>,
    admin1: FxMap<(Box<str>, Box<str>), u32>,
    countries: FxMap<Box<str>, u32>,
    max_words: usize,
    header: String,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("header", &self.header)
            .field("entries", &self.places.len())
            .field("names", &self.exact.len())
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

fn push_hit(map: &mut FxMap<Box<str>, Hits>, key: String, idx: u32, kind: MatchKind) {
    if key.is_empty() {
        return;
    }
    let v = map.entry(key.into_boxed_str()).or_default();
    if let Some(h) = v.iter_mut().find(|h| h.0 == idx) {
        if kind < h.1 {
            h.1 = kind;
        }
    } else {
        v.push((idx, kind));
    }
}

impl Gazetteer {
    /// The gazetteer embedded in the crate (GeoNames cities500 with population ≥ 1000,
    /// admin1 areas and countries), parsed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_gzip(EMBEDDED).expect("embedded gazetteer is valid"))
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
        let mut g = Gazetteer {
            places: Vec::with_capacity(s.len() / 90),
            exact: FxMap::default(),
            translit: FxMap::default(),
            loose: FxMap::default(),
            admin1: FxMap::default(),
            countries: FxMap::default(),
            max_words: 1,
            header: header.to_string(),
        };
        g.exact.reserve(s.len() / 30);
        g.translit.reserve(s.len() / 30);
        for (n, line) in lines.enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 9 {
                return Err(err(format!("gazetteer: line {}: too few fields", n + 2)));
            }
            let num = |i: usize| -> Result<f64, Error> {
                f[i].parse::<f64>()
                    .map_err(|_| err(format!("gazetteer: line {}: bad number {:?}", n + 2, f[i])))
            };
            let feature = f[8];
            let kind = match feature {
                "PCLI" => Kind::Country,
                "ADM1" => Kind::Admin1,
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
            let idx = g.places.len() as u32;
            match kind {
                Kind::Country => {
                    g.countries.insert(place.country.clone(), idx);
                }
                Kind::Admin1 => {
                    g.admin1
                        .insert((place.country.clone(), place.admin1.clone()), idx);
                }
                Kind::Place => {}
            }
            let loose_ok = kind != Kind::Place || place.population >= LOOSE_MIN_POPULATION;
            let alts = f.get(9).copied().unwrap_or("");
            let names = std::iter::once(f[1]).chain(alts.split('|').filter(|a| !a.is_empty()));
            for (i, name) in names.enumerate() {
                let k = name_key(name);
                if k.is_empty() {
                    continue;
                }
                g.max_words = g.max_words.max(k.split(' ').count());
                let t = translit_key(&k);
                if loose_ok && t.len() >= 5 {
                    push_hit(&mut g.loose, loose_key(&k), idx, MatchKind::Loose);
                }
                push_hit(&mut g.translit, t, idx, MatchKind::Translit);
                let mk = if i == 0 {
                    MatchKind::Name
                } else {
                    MatchKind::Alternate
                };
                push_hit(&mut g.exact, k, idx, mk);
            }
            g.places.push(place);
        }
        g.max_words = g.max_words.min(8);
        Ok(g)
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
    pub fn lookup(&self, name: &str) -> &[(u32, MatchKind)] {
        self.lookup_key(&name_key(name))
    }

    /// [`Gazetteer::lookup`] for a ready [`name_key`].
    pub fn lookup_key(&self, key: &str) -> &[(u32, MatchKind)] {
        self.exact.get(key).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// Entries sharing the [`translit_key`] of a [`name_key`].
    pub fn lookup_translit(&self, key: &str) -> &[(u32, MatchKind)] {
        self.translit
            .get(translit_key(key).as_str())
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// Entries (countries, admin1 areas, places of 20,000 people or more) sharing the
    /// [`loose_key`] of a [`name_key`].
    pub fn lookup_loose(&self, key: &str) -> &[(u32, MatchKind)] {
        self.loose
            .get(loose_key(key).as_str())
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// All matches of a name key, best kind of match first per entry: exact, then
    /// transliteration key, then loose key.
    pub fn candidates(&self, key: &str) -> Hits {
        let mut out: Hits = self.lookup_key(key).to_vec();
        if key.len() >= 4 {
            for list in [self.lookup_translit(key), self.lookup_loose(key)] {
                for &h in list {
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
        self.admin1
            .get(&(Box::from(country), Box::from(code)))
            .map(|&i| self.place(i))
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
